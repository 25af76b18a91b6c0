"""The JSON API, served by uvicorn on loopback and read over HTTP."""
from __future__ import annotations

import sqlite3
import threading

import httpx
import pytest

from web_server import running_app
from web_story import COPY_CLUSTER, build_story_store
from frontwatch.errors import FrontwatchError
from frontwatch.settings import Settings
from frontwatch.web import create_app


@pytest.fixture(scope="module")
def story_db(tmp_path_factory) -> str:
    return build_story_store(tmp_path_factory.mktemp("story"))


@pytest.fixture(scope="module")
def api(story_db):
    with running_app(Settings(db=story_db)) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


def ok(response: httpx.Response) -> dict:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def test_events_filtered_by_place_kind_and_dates(api):
    body = ok(api.get("/api/events", params={"place": "Qala-i-Naw"}))
    assert [(e["date"], e["kind"]) for e in body["items"]] == [
        ("2021-07-07", "captured"), ("2021-07-07", "recaptured"), ("2021-08-13", "captured")]
    assert body["total"] == 3
    july = ok(api.get("/api/events", params={"from": "2021-07-01", "to": "2021-07-31", "kind": "captured"}))
    assert {e["place_name"] for e in july["items"]} == {"Qala-i-Naw", "Spin Boldak"}
    claims = ok(api.get("/api/events", params={"factuality": "attributed"}))
    assert [(e["place_name"], e["disputed"]) for e in claims["items"]] == [("Spin Boldak", True)]
    government = ok(api.get("/api/events", params={"actor": "Afghan government"}))
    assert {e["kind"] for e in government["items"]} == {"recaptured", "clash"}
    assert ok(api.get("/api/events", params={"country": "PK"}))["items"] == []
    sure = ok(api.get("/api/events", params={"min_confidence": 0.7}))
    assert [(e["place_name"], e["n_independent"]) for e in sure["items"]] == [("Kunduz", 2)]
    battles = ok(api.get("/api/events", params={"event_type": "Battles"}))
    assert [e["fatalities"] for e in battles["items"]] == [20]


def test_events_page_through_in_order(api):
    everything = ok(api.get("/api/events", params={"limit": 500}))["items"]
    paged = [e for offset in range(0, len(everything), 4)
             for e in ok(api.get("/api/events", params={"limit": 4, "offset": offset}))["items"]]
    assert [e["id"] for e in paged] == [e["id"] for e in everything] and len(everything) == 9


def test_event_detail_has_sources_evidence_copies_and_denials(api):
    (qala,) = ok(api.get("/api/events", params={"place": "Qala-i-Naw", "kind": "recaptured"}))["items"]
    event = ok(api.get(f"/api/events/{qala['id']}"))
    assert {s["article"]["outlet"] for s in event["sources"]} == {"Western Herald", "Mirror Post"}
    source = event["sources"][0]
    start, end = source["highlights"][0]
    assert source["sentence"][start:end] == "retaken"
    assert [c["outlet"] for c in source["copies"]] != [] and source["copy_cluster"] == COPY_CLUSTER
    assert {c["article_id"] for c in source["copies"]} == {s["article_id"] for s in event["sources"]} - {source["article_id"]}
    (boldak,) = ok(api.get("/api/events", params={"place": "Spin Boldak"}))["items"]
    detail = ok(api.get(f"/api/events/{boldak['id'][:8]}"))
    assert [d["attributed_to"] for d in detail["denials"]] == ["Afghan government"]
    assert "denied" in detail["denials"][0]["sentence"]


def test_control_on_a_day_and_a_place_history(api):
    on = ok(api.get("/api/control", params={"date": "2021-07-20"}))
    states = {p["place_name"]: (p["state"], p["controller"]) for p in on["places"]}
    assert states == {"Kunduz": ("besieged", "Taliban"), "Imam Sahib": ("held", "Taliban"),
                      "Qala-i-Naw": ("held", "Afghan government"), "Spin Boldak": ("held", "Taliban"),
                      "Lashkar Gah": ("unknown", None)}
    history = ok(api.get("/api/control/places/Qala-i-Naw"))
    assert [(s["date_from"], s["controller"]) for s in history["states"]] == [
        ("2021-07-07", "Taliban"), ("2021-07-07", "Afghan government"), ("2021-08-13", "Taliban")]
    latest = ok(api.get("/api/control"))
    assert latest["date"] == "2021-08-13"


def test_tallies_timeline_places_and_summary(api):
    tallies = ok(api.get("/api/tallies", params={"from": "2021-08-08", "to": "2021-08-08",
                                                 "category": "provincial capitals"}))
    assert {(r["status"], r["places"]) for r in tallies["rows"]} == {
        ("Taliban", 1), ("Afghan government", 1), ("contested", 1)}
    timeline = ok(api.get("/api/timeline", params={"from": "2021-08-03", "to": "2021-08-03"}))
    assert {(r["kind"], r["fatalities"]) for r in timeline["rows"]} == {("entered", 0), ("clash", 20)}
    places = {p["place_name"]: p for p in ok(api.get("/api/places"))["items"]}
    assert places["Qala-i-Naw"]["events"] == 3 and places["Qala-i-Naw"]["last_controller"] == "Taliban"
    assert places["Kunduz"]["lat"] == pytest.approx(36.73)
    summary = ok(api.get("/api/summary"))
    assert (summary["first_day"], summary["last_day"], summary["countries"]) == ("2021-06-21", "2021-08-13", ["AF"])


def test_articles_copies_and_mentions(api):
    body = ok(api.get("/api/articles", params={"title": "qala-i-naw"}))
    assert body["total"] == 3 and all("text" not in a for a in body["items"])
    first = body["items"][0]
    article = ok(api.get(f"/api/articles/{first['id']}"))
    assert "overran Qala-i-Naw" in article["text"]
    assert article["copy_cluster"]["id"] == COPY_CLUSTER
    assert {e["kind"] for e in article["events"]} == {"captured", "recaptured"}
    copies = ok(api.get("/api/copies"))
    assert copies["total"] == 1 and len(copies["items"][0]["members"]) == 2
    assert ok(api.get(f"/api/copies/{COPY_CLUSTER}"))["size"] == 2
    assert ok(api.get("/api/mentions")) == {"total": 0, "limit": 100, "offset": 0, "items": []}


@pytest.mark.parametrize("path, params, status", [
    ("/api/events", {"limit": 501}, 422),
    ("/api/events", {"limit": 0}, 422),
    ("/api/events", {"offset": -1}, 422),
    ("/api/events", {"from": "yesterday"}, 422),
    ("/api/events", {"min_confidence": 2}, 422),
    ("/api/events", {"actor": "x" * 201}, 422),
    ("/api/events", {"from": "2021-08-01", "to": "2021-07-01"}, 400),
    ("/api/events/not-an-id", {}, 422),
    ("/api/events/" + "ab" * 16, {}, 404),
    ("/api/articles/" + "ab" * 16, {}, 404),
    ("/api/copies/" + "ab" * 16, {}, 404),
    ("/api/control", {"date": "2021-02-30"}, 400),
    ("/api/control/places/Atlantis", {}, 404),
    ("/api/tallies", {"from": "1990-01-01", "to": "2021-01-01"}, 400),
    ("/api/nothing-here", {}, 404),
    ("/static/../../etc/passwd", {}, 404),
])
def test_bad_requests_get_json_errors(api, path, params, status):
    response = api.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["detail"]


def test_the_api_is_read_only(api):
    assert api.post("/api/events", json={}).status_code == 405
    assert api.delete("/api/events/" + "ab" * 16).status_code == 405


def test_injection_in_a_filter_is_only_a_value(api, story_db):
    response = ok(api.get("/api/events", params={"place": "x' OR '1'='1"}))
    assert response["items"] == []
    response = ok(api.get("/api/events", params={"place": "Kunduz'; DROP TABLE events; --"}))
    assert response["items"] == []
    assert ok(api.get("/api/events"))["total"] == 9


def test_openapi_and_docs_describe_the_api(api):
    spec = ok(api.get("/openapi.json"))
    assert {"/api/events", "/api/events/{event_id}", "/api/control", "/api/tallies", "/api/places",
            "/api/mentions", "/api/copies", "/api/articles"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"country", "actor", "kind", "event_type", "from", "to", "factuality", "min_confidence",
            "place", "limit", "offset"} <= params
    docs = api.get("/docs")
    assert docs.status_code == 200 and "openapi.json" in docs.text
    assert "cdn" not in docs.text, "the docs page works offline"
    assert api.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_the_page_and_its_vendored_libraries_are_served(api):
    page = api.get("/")
    assert page.status_code == 200 and "frontwatch" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/markercluster/leaflet.markercluster.js",
                  "/static/app.js", "/static/app.css"):
        assert api.get(asset).status_code == 200, asset


def test_keeps_serving_while_a_writer_holds_the_store(api, story_db):
    writer = sqlite3.connect(story_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE events SET confidence = 0.01")
    try:
        body = ok(api.get("/api/events", params={"min_confidence": 0.7}))
        assert body["total"] == 1, "readers see the last committed state"
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_missing_store_is_refused_with_advice(tmp_path):
    with pytest.raises(FrontwatchError, match="run `frontwatch ingest"):
        create_app(Settings(db=str(tmp_path / "none.db")))


def test_tiles_only_when_the_user_sets_a_tile_url(story_db):
    assert create_app(Settings(db=story_db)).state.settings.tile_url == ""
    tiles = "https://tiles.example/{z}/{x}/{y}.png"
    with running_app(Settings(db=story_db, tile_url=tiles, tile_attribution="Tiles by Example")) as base:
        response = httpx.get(base + "/api/config")
    assert response.json() == {"tile_url": tiles, "tile_attribution": "Tiles by Example"}
    assert "img-src 'self' data: https:" in response.headers["content-security-policy"]


def test_the_serve_command_serves_the_store(story_db):
    import subprocess
    import sys
    import time
    from pathlib import Path

    from web_server import free_port

    port = free_port()
    command = [str(Path(sys.executable).parent / "frontwatch"), "serve", "--db", story_db, "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2).json()
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        assert body["events"] == 9 and body["last_day"] == "2021-08-13"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert f"http://127.0.0.1:{port}/" in server.stderr.read()


def test_serve_refuses_a_missing_store(tmp_path):
    from click.testing import CliRunner
    from frontwatch.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "run `frontwatch ingest" in result.output
