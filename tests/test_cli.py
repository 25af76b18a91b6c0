"""The CLI: help on every command, exit codes, errors that say what to do."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from builders import STORY
from frontwatch.cli import main


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


def test_every_command_has_help():
    runner = CliRunner()
    for path, command in all_commands(main):
        assert command.help, f"`frontwatch {' '.join(path)}` has no help text"
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "frontwatch", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "ingest" in result.stdout


def test_unknown_article_says_what_to_do(tmp_path: Path, db_path: str):
    result = CliRunner().invoke(main, ["article", "deadbeef00", "--db", db_path])
    assert result.exit_code == 2
    assert "no article 'deadbeef00'; `frontwatch articles` lists the ids" in result.output


def test_not_a_store_says_what_to_do(tmp_path: Path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are not sqlite pages " * 100)
    result = CliRunner().invoke(main, ["stats", "--db", str(bogus)])
    assert result.exit_code == 2
    assert "is not a usable frontwatch store" in result.output and "--db" in result.output


def test_article_command_shows_text_and_removed_lines(tmp_path: Path, db_path: str):
    (tmp_path / "a.txt").write_text("[ad_1]\n" + "\n".join(STORY) + "\nShare This\n", encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", db_path, "-q"])
    (record,) = json.loads(runner.invoke(main, ["articles", "--json", "--db", db_path]).output)
    shown = runner.invoke(main, ["article", record["id"][:10], "--db", db_path])
    assert shown.exit_code == 0
    assert STORY[0] in shown.output and "[ad-marker] [ad_1]" in shown.output
    assert "[share] Share This" in shown.output


def test_stats_counts(tmp_path: Path, db_path: str):
    (tmp_path / "a.txt").write_text("\n".join(STORY), encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(tmp_path), "--db", db_path, "-q"])
    figures = json.loads(runner.invoke(main, ["stats", "--json", "--db", db_path]).output)
    assert figures["articles"] == 1 and figures["undated"] == 1 and figures["by_format"] == {"text": 1}


def test_csv_output(tmp_path: Path, db_path: str):
    (tmp_path / "a.txt").write_text("\n".join(STORY), encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(tmp_path), "--db", db_path, "-q"])
    out = runner.invoke(main, ["articles", "--csv", "--db", db_path]).output.splitlines()
    assert out[0].startswith("id,published,published_from,outlet") and len(out) == 2
