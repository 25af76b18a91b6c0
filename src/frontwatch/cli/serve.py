"""The serve command: the web app (JSON API and map page) over a store."""
from __future__ import annotations

import click

from frontwatch.cli.options import db_option
from frontwatch.settings import Settings


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
def serve(settings: Settings, host: str, port: int) -> None:
    """Serve the map page and the read-only JSON API (docs at /docs) over the store."""
    import uvicorn

    from frontwatch.web import create_app
    from frontwatch.web.app import server_options

    app = create_app(settings)
    click.echo(f"frontwatch: http://{host}:{port}/ (API docs: /docs); Ctrl+C stops", err=True)
    uvicorn.run(app, host=host, port=port, **server_options())
