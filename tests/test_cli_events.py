"""CLI over fused events and control: events, event, control, export."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_fuse_store import corpus
from frontwatch.cli import main
from frontwatch.fuse.run import fuse_store


@pytest.fixture
def db(store):
    fuse_store(store, corpus())
    return store.path


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_events_json_and_event_detail(db):
    records = json.loads(run("events", "--json", "--db", db).output)
    assert [r["kind"] for r in records][:3] == ["besieged", "captured", "recaptured"]
    shown = run("event", records[2]["id"][:8], "--db", db)
    assert shown.exit_code == 0
    assert "2021-07-07 (day, explicit): Afghan government recaptured Qala-i-Naw" in shown.output


def test_control_on_date_place_and_tally_chart(db, tmp_path: Path):
    day = json.loads(run("control", "--date", "2021-07-07", "--json", "--db", db).output)
    assert {(r["place_name"], r["state"]) for r in day} == {("Qala-i-Naw", "held"), ("Kunduz", "besieged")}
    history = run("control", "--place", "qala-i-naw", "--db", db)
    assert history.exit_code == 0 and "Afghan government" in history.output
    chart = tmp_path / "tally.png"
    tally = run("control", "--tally", "--category", "other places", "--chart", str(chart), "--csv", "--db", db)
    assert tally.exit_code == 0 and tally.output.startswith("date,category,status,places")
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_control_errors_say_what_to_do(db):
    assert "give exactly one of --date" in run("control", "--db", db).output
    bad = run("control", "--date", "7 July", "--db", db)
    assert bad.exit_code == 2 and "write it as YYYY-MM-DD" in bad.output
    missing = run("control", "--place", "Atlantis", "--db", db)
    assert missing.exit_code == 2 and "no control history for 'Atlantis'" in missing.output


def test_export_command(db, tmp_path: Path):
    out = tmp_path / "events.csv"
    result = run("export", "--format", "acled-csv", "--out", str(out), "--dated-only", "--db", db)
    assert result.exit_code == 0 and "3 record(s) written" in result.output
