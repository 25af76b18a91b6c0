"""Malformed input on every route of the web app, over real HTTP: each answer is a 4xx with a
JSON body that names what was wrong, or a 200 where the input is valid after all (an unknown
place is an empty list) -- never a 5xx, never a traceback.

The routes and their parameters are read from the app itself, so a new route is covered
without a line here. Requests go through http.client, which sends a target exactly as
written (no normalising of ``..``, no length cap), as a hostile client would.

Routes kept out of the schema with path parameters would be missed; the app has none.
"""
from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import pytest
from fastapi.routing import APIRoute

from web_server import running_app
from web_story import COPY_CLUSTER, build_story_store
from frontwatch.settings import Settings
from frontwatch.web import create_app

# Values no parameter should choke on, by what they try.
BAD_VALUES = {
    "empty": "", "blank": "   ", "word": "abc", "negative": "-1", "very negative": "-99999999999999",
    "nan": "NaN", "infinity": "inf", "minus infinity": "-Infinity", "float overflow": "1e309",
    "huge int": str(10**30), "fraction": "1.5", "bad month and day": "2021-13-45", "feb 30": "2021-02-30",
    "year zero": "0000-00-00", "year only zero": "0000", "month zero": "2021-00", "traversal": "../../etc/passwd",
    "encoded traversal": "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "nul": "\x00", "nul inside": "Kun\x00duz",
    "emoji": "💥🔥🛰️", "arabic": "قندوز", "bidi override": "\u202eevil", "sql": "x' OR '1'='1",
    "json": '{"$gt": ""}', "percent": "%", "long": "x" * 100_000, "long date-like": "2021-08-01" * 10_000,
}
# Raw query strings and path tails that are malformed before any parameter is read.
RAW_QUERIES = ["%ff%fe%fd", "=%00", "limit=1&limit=abc", "&&&", "%", "a=%zz", "limit=" + "9" * 5000]
RAW_PATH_TAILS = ["../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%00",
                  "a%00b", "%ff%fe", "%F0%9F%92%A5", "x" * 100_000, "..", "."]
OK_STATUSES = {200, 400, 404, 405, 422}


@pytest.fixture(scope="module")
def story_db(tmp_path_factory) -> str:
    return build_story_store(tmp_path_factory.mktemp("story"))


@pytest.fixture(scope="module")
def base(story_db) -> Iterator[str]:
    with running_app(Settings(db=story_db)) as url:
        yield url


@dataclass(frozen=True)
class Route:
    path: str
    query: tuple[str, ...]
    path_params: tuple[str, ...]


@pytest.fixture(scope="module")
def routes(story_db) -> list[Route]:
    """Every GET route of the app: the ones its OpenAPI schema lists, with their parameters,
    and the pages it keeps out of the schema."""
    app = create_app(Settings(db=story_db))
    found = {}
    for path, operations in app.openapi()["paths"].items():
        if "get" in operations:
            params = operations["get"].get("parameters", [])
            found[path] = Route(path, tuple(p["name"] for p in params if p["in"] == "query"),
                                tuple(p["name"] for p in params if p["in"] == "path"))
    for route in app.routes:
        if isinstance(route, APIRoute) and "GET" in route.methods and "{" not in route.path:
            found.setdefault(route.path, Route(route.path, (), ()))
    assert {"/api/events", "/api/events/{event_id}", "/api/control/places/{key}", "/api/tallies", "/"} <= \
        set(found), "the route listing found the API and the page"
    return list(found.values())


@pytest.fixture(scope="module")
def valid_path_values(base) -> dict[str, str]:
    """An existing id for each path parameter, so that query checks reach the route's code."""
    events = get(base, "/api/events?limit=1")[1]["items"]
    articles = get(base, "/api/articles?limit=1")[1]["items"]
    return {"event_id": events[0]["id"], "article_id": articles[0]["id"], "cluster_id": COPY_CLUSTER,
            "key": "Qala-i-Naw"}


def get(base: str, target: str) -> tuple[int, object, str, str]:
    """(status, parsed JSON or None, content type, body text) for GET ``target``, sent as is;
    a redirect from ``/api/events/`` to ``/api/events`` counts as the listing's answer."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.putrequest("GET", target, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        kind = response.getheader("content-type", "")
        location = urlsplit(response.getheader("location", "")).path
        if response.status in (307, 308) and target.split("?")[0] == location + "/":
            return 200, None, kind, text
    finally:
        conn.close()
    body = json.loads(text) if kind.startswith("application/json") else None
    return response.status, body, kind, text


def fill(route: Route, values: dict[str, str]) -> str:
    path = route.path
    for name in route.path_params:
        path = path.replace("{" + name + "}", values[name])
    return path


def problem(status: int, body: object, kind: str, text: str, names: tuple[str, ...] = ()) -> str | None:
    """What is wrong with an answer to a bad request, or None when it is a proper one."""
    if status not in OK_STATUSES:
        return f"status {status}"
    if "Traceback" in text or 'File "' in text:
        return "a traceback in the body"
    if status == 200:
        return None
    if not kind.startswith("application/json") or not isinstance(body, dict) or not body.get("detail"):
        return f"{status} without a JSON detail: {kind} {text[:120]!r}"
    if status == 422 and names and not set(names) & named_in(body["detail"]):
        return f"422 that does not name {names}: {text[:200]}"
    if status == 400 and names and not any(n in str(body["detail"]) for n in names):
        return f"400 that does not name {names}: {text[:200]}"
    return None


def named_in(detail: object) -> set[str]:
    """The parameter names a validation error's locations give."""
    if not isinstance(detail, list):
        return set()
    return {str(part) for error in detail if isinstance(error, dict) for part in error.get("loc", [])}


def check_all(base: str, cases: list[tuple[str, tuple[str, ...]]]) -> list[str]:
    failures = []
    for target, names in cases:
        status, body, kind, text = get(base, target)
        wrong = problem(status, body, kind, text, names)
        if wrong:
            failures.append(f"GET {target[:140]} -> {wrong}")
    return failures


@pytest.mark.parametrize("what", sorted(BAD_VALUES))
def test_bad_query_values_on_every_route(base, routes, valid_path_values, what):
    value = quote(BAD_VALUES[what], safe="")
    cases = [(f"{fill(r, valid_path_values)}?{quote(name)}={value}", (name,))
             for r in routes for name in r.query]
    assert cases, "the routes have query parameters"
    failures = check_all(base, cases)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("what", sorted(BAD_VALUES))
def test_bad_path_values_on_every_route(base, routes, valid_path_values, what):
    value = quote(BAD_VALUES[what], safe="")
    cases = [(fill(r, {**valid_path_values, name: value}), (name,))
             for r in routes for name in r.path_params]
    assert len(cases) >= 4, "the id routes are listed"
    failures = check_all(base, cases)
    assert not failures, "\n".join(failures)


def test_raw_path_tails_and_query_strings_on_every_route(base, routes, valid_path_values):
    cases = [(f"{fill(r, valid_path_values)}?{q}", ()) for r in routes for q in RAW_QUERIES]
    cases += [(r.path.split("{")[0] + tail, ()) for r in routes if "{" in r.path for tail in RAW_PATH_TAILS]
    cases += [("/static/" + tail, ()) for tail in RAW_PATH_TAILS]
    cases += [("/api/" + tail, ()) for tail in RAW_PATH_TAILS]
    failures = check_all(base, cases)
    assert not failures, "\n".join(failures)


def test_a_path_outside_the_static_folder_is_never_served(base):
    for tail in ("../../../../etc/passwd", "..%2f..%2f..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                 "vendor/../../../../../../etc/passwd", "%00../../etc/passwd"):
        status, _, _, text = get(base, "/static/" + tail)
        assert status == 404 and "root:" not in text, tail


def test_the_largest_page_and_offset_are_served_and_one_more_is_refused(base):
    from frontwatch.web.api_events import MAX_OFFSET, MAX_PAGE

    status, body, _, _ = get(base, f"/api/events?limit={MAX_PAGE}&offset={MAX_OFFSET}")
    assert status == 200 and body["items"] == [] and body["limit"] == MAX_PAGE
    status, body, _, _ = get(base, f"/api/articles?limit={MAX_PAGE + 1}")
    assert status == 422 and "500" in body["detail"][0]["msg"]


def test_dates_that_are_not_on_the_calendar_are_refused_by_name(base):
    for target, name in [("/api/events?from=2021-13-45", "from"), ("/api/events?to=2021-02-30", "to"),
                         ("/api/events?from=2021-00", "from"), ("/api/control?date=2021-13-01", "date"),
                         ("/api/timeline?to=2021-04-31", "to")]:
        status, body, _, _ = get(base, target)
        assert status == 400 and name in body["detail"] and "YYYY-MM-DD" in body["detail"], (target, body)


def test_unknown_places_and_filters_are_empty_answers(base):
    status, body, _, _ = get(base, "/api/events?place=" + quote("Atlantis 💥"))
    assert status == 200 and body["total"] == 0
    status, body, _, _ = get(base, "/api/control/places/" + quote("Atlantis 💥", safe=""))
    assert status == 404 and "Atlantis 💥" in body["detail"]
    status, body, _, _ = get(base, "/api/places?country=" + quote("قندوز"))
    assert status == 200 and body["items"] == []


def test_an_unknown_path_says_where_the_api_is_listed(base):
    status, body, _, _ = get(base, "/api/no-such-thing")
    assert status == 404 and "/docs" in body["detail"]


def test_a_fault_in_the_server_is_a_json_500_without_a_traceback(story_db, tmp_path):
    """A store damaged by another tool (evidence that is not JSON): the one event fails, as JSON
    that says the server log has the cause, and every other request is still served."""
    import shutil
    import sqlite3

    damaged = str(tmp_path / "damaged.db")
    shutil.copy(story_db, damaged)
    with sqlite3.connect(damaged) as conn:
        event_id = conn.execute("SELECT event_id FROM event_sources LIMIT 1").fetchone()[0]
        conn.execute("UPDATE event_sources SET evidence = '{not json' WHERE event_id = ?", (event_id,))
    with running_app(Settings(db=damaged)) as url:
        status, body, kind, text = get(url, f"/api/events/{event_id}")
        assert status == 500 and kind.startswith("application/json") and "log" in body["detail"]
        assert "Traceback" not in text and 'File "' not in text and "{not json" not in text
        assert get(url, "/api/events")[0] == 200
