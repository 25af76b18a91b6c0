"""Exports read back in the tools analysts use: pandas, shapely, pyarrow."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_fuse_store import corpus
from frontwatch.export import export
from frontwatch.export.acled import ACLED_COLUMNS
from frontwatch.fuse.run import fuse_store


@pytest.fixture
def fused(store):
    fuse_store(store, corpus())
    return store


def test_acled_csv_reads_in_pandas_with_acled_columns(fused, tmp_path: Path):
    import pandas as pd

    out = tmp_path / "events.csv"
    assert export(fused, "acled-csv", out) == 4
    frame = pd.read_csv(out)
    assert list(frame.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    assert {"confidence", "independent_sources", "factuality", "evidence"} <= set(frame.columns)
    recapture = frame[frame["kind"] == "recaptured"].iloc[0]
    assert recapture["event_date"] == "2021-07-07" and recapture["country"] == "Afghanistan"
    assert recapture["iso"] == 4 and recapture["region"] == "South Asia"
    assert recapture["event_id_cnty"].startswith("AFG") and recapture["time_precision"] == 1
    assert recapture["location"] == "Qala-i-Naw" and recapture["latitude"] == pytest.approx(34.98)


def test_geojson_reads_in_shapely(fused, tmp_path: Path):
    from shapely.geometry import shape

    out = tmp_path / "events.geojson"
    n = export(fused, "geojson", out)
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == n == 4
    points = [shape(f["geometry"]) for f in data["features"]]
    assert all(p.geom_type == "Point" and p.is_valid for p in points)
    assert {round(p.x, 2) for p in points} == {63.13, 68.86}


def test_parquet_reads_in_pyarrow(fused, tmp_path: Path):
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    export(fused, "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 4 and "event_id_cnty" in table.column_names
    assert table.schema.field("latitude").type == "double"


def test_jsonl_and_control_exports(fused, tmp_path: Path):
    import pandas as pd

    export(fused, "jsonl", tmp_path / "e.jsonl")
    lines = [json.loads(l) for l in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(lines) == 4 and all(line["sources"] for line in lines)
    export(fused, "control-csv", tmp_path / "c.csv")
    states = pd.read_csv(tmp_path / "c.csv")
    assert set(states["place_name"]) == {"Qala-i-Naw", "Kunduz"}
    export(fused, "control-json", tmp_path / "c.json")
    places = json.loads((tmp_path / "c.json").read_text())
    qala = next(p for p in places if p["place_name"] == "Qala-i-Naw")
    assert [s["controller"] for s in qala["states"]] == ["Taliban", "Afghan government"]


def test_cli_export_gives_acled_interaction_codes_from_the_actor_dictionary(fused, db_path, tmp_path: Path):
    import pandas as pd
    from click.testing import CliRunner

    from frontwatch.cli import main

    out = tmp_path / "events.csv"
    result = CliRunner().invoke(main, ["export", "--format", "acled-csv", "--out", str(out), "--db", db_path])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    recapture = frame[frame["kind"] == "recaptured"].iloc[0]
    assert (recapture["actor1"], recapture["inter1"]) == ("Afghan government", 1)
    assert recapture["interaction"] == 10             # state forces acting alone
    capture = frame[(frame["kind"] == "captured")].iloc[0]
    assert (capture["actor1"], capture["inter1"], capture["interaction"]) == ("Taliban", 2, 20)


def _cli(args: list[str], **kwargs):
    return subprocess.run([sys.executable, "-m", "frontwatch", *args], **kwargs)


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "jsonl", "control-csv", "control-json"])
def test_export_to_standard_output_equals_the_file(fused, db_path, tmp_path: Path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert _cli(["export", "--format", fmt, "--out", str(out), "--db", db_path], capture_output=True).returncode == 0
    piped = _cli(["export", "--format", fmt, "--out", "-", "--db", db_path], capture_output=True)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == out.read_bytes() and piped.stdout
    assert b"written to standard output" in piped.stderr


def test_parquet_goes_to_a_pipe_but_not_to_a_terminal(fused, db_path, tmp_path: Path):
    import io
    import os
    import pty

    import pyarrow.parquet as pq

    piped = _cli(["export", "--format", "parquet", "--out", "-", "--db", db_path], capture_output=True)
    assert piped.returncode == 0, piped.stderr
    assert pq.read_table(io.BytesIO(piped.stdout)).num_rows == 4
    leader, follower = pty.openpty()
    try:
        tty = _cli(["export", "--format", "parquet", "--out", "-", "--db", db_path],
                   stdout=follower, stderr=subprocess.PIPE)
    finally:
        os.close(follower)
        os.close(leader)
    assert tty.returncode == 2
    assert b"parquet is binary and would garble the terminal" in tty.stderr


def test_background_is_left_out_unless_asked_and_then_labelled(store, db_path, tmp_path: Path):
    """A capture an article recalls from 2015 is no new event in the dataset: the export
    leaves it out, and with --background gives it labelled as background."""
    import pandas as pd
    from click.testing import CliRunner

    from frontwatch.cli import main
    from test_fuse import KUNDUZ, mention

    recalled = mention(KUNDUZ, date="2015", precision="year", basis="explicit", factuality="historical", order=9)
    fuse_store(store, corpus() + [recalled])
    out = tmp_path / "events.csv"
    for flags, expected in (([], 4), (["--background"], 5)):
        result = CliRunner().invoke(main, ["export", "--format", "acled-csv", "--out", str(out), "--db", db_path, *flags])
        assert result.exit_code == 0, result.output
        assert len(pd.read_csv(out)) == expected
    old = pd.read_csv(out).query("year == 2015").iloc[0]
    assert old["factuality"] == "historical" and "historical" in old["tags"]
    assert old["notes"] == "Background (recalled by the source, not a new event): In 2015, Taliban captured Kunduz."


def test_notes_tell_the_event_as_acled_does(fused, tmp_path: Path):
    import pandas as pd

    out = tmp_path / "events.csv"
    export(fused, "acled-csv", out)
    notes = set(pd.read_csv(out)["notes"])
    assert "On 7 July 2021, Afghan government retook Qala-i-Naw." in notes, notes
    assert "On 21 June 2021, Taliban besieged Kunduz." in notes, notes
