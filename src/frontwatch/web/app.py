"""The web app: a read-only JSON API over the store and the map page that uses it."""
from __future__ import annotations

import sqlite3
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontwatch.errors import FrontwatchError, NotFound
from frontwatch.settings import Settings
from frontwatch.store import open_store
from frontwatch.web import api_control, api_events
from frontwatch.web.connections import ReadOnlyStores

# The page loads only its own scripts; images may come from a tile server the user chose.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:{tiles}; connect-src 'self'; object-src 'none'; "
                           "base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs",)
# The longest request head (request line and headers) read and answered by the app: a URL
# this long still gets a JSON answer naming the parameter that is too long. Past it the
# server answers 400 itself and closes the connection.
MAX_REQUEST_HEAD = 1 << 20
ECHO_CHARS = 200   # of a path repeated in an error message


def server_options() -> dict:
    """uvicorn settings for serving the app (`frontwatch serve` and the tests use the same)."""
    return {"h11_max_incomplete_event_size": MAX_REQUEST_HEAD, "log_level": "warning"}


def static_dir() -> Path:
    return Path(str(files("frontwatch.web") / "static"))


def create_app(settings: Settings) -> FastAPI:
    """The app over the store ``settings.db``; the store must exist (migrations are applied once)."""
    _prepare_store(settings.db)
    app = FastAPI(title="frontwatch", version="1", docs_url=None, redoc_url=None,
                  description="Conflict events, their sources, and who controls which place, day by day. "
                              "Read-only.")
    app.state.settings = settings
    app.state.stores = ReadOnlyStores(settings.db)
    app.include_router(api_events.router)
    app.include_router(api_control.router)
    _add_pages(app, settings)
    _add_error_handlers(app)
    _add_security_headers(app, settings)
    return app


def _prepare_store(path: str) -> None:
    """Refuse a missing store; bring an older one's schema up to date before serving it."""
    if not Path(path).exists():
        raise FrontwatchError(f"no store at {path}: run `frontwatch ingest PATH --db {path}` first")
    open_store(path).close()


def _add_pages(app: FastAPI, settings: Settings) -> None:
    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    @app.get("/api/config", tags=["page"])
    def page_config() -> dict:
        """What the map page needs to know: the tile server, if the user set one."""
        return {"tile_url": settings.tile_url or None, "tile_attribution": settings.tile_attribution}

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="frontwatch API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")


def _error(status: int, detail: object) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(FrontwatchError)
    async def frontwatch_error(request: Request, exc: FrontwatchError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def store_busy(request: Request, exc: sqlite3.OperationalError) -> JSONResponse:
        return _error(503, f"the store cannot answer now ({exc}); try again")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404 and exc.detail == "Not Found":
            return _error(404, f"nothing at {request.url.path[:ECHO_CHARS]!r}; /docs lists the API")
        return _error(exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
                  for e in exc.errors()]
        return _error(422, errors)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        """A fault of ours: JSON like every other answer, no traceback (the server log has it)."""
        return _error(500, f"the server failed on this request ({type(exc).__name__}); "
                           "its log says why")


def _add_security_headers(app: FastAPI, settings: Settings) -> None:
    tiles = " https: http:" if settings.tile_url else ""
    policy = CONTENT_SECURITY_POLICY.format(tiles=tiles)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if request.url.path not in DOCS_PATHS:
            response.headers["Content-Security-Policy"] = policy
        return response
