"""Ingesting again adds nothing; a changed text at one URL is a new version."""
from __future__ import annotations

from pathlib import Path

from builders import STORY, write_jsonl
from frontwatch.ingest import ingest_paths
from frontwatch.settings import Settings
from frontwatch.store.articles import iter_articles


def count(store, table: str) -> int:
    return store.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_second_ingest_adds_no_row(store, tmp_path: Path):
    (tmp_path / "a.txt").write_text("\n".join(STORY), encoding="utf-8")
    write_jsonl(tmp_path / "f.jsonl", [{"id": str(i), "url": f"https://w.example/{i}", "text": s}
                                       for i, s in enumerate(STORY)])
    settings = Settings(db=store.path)
    first = ingest_paths(store, [str(tmp_path)], settings)
    rows = {t: count(store, t) for t in ("articles", "rejections", "inputs")}
    second = ingest_paths(store, [str(tmp_path)], settings)
    assert first.added == 4 and second.added == 0 and second.files_unchanged == 2
    assert {t: count(store, t) for t in rows} == rows


def test_same_file_under_another_path_adds_nothing(store, tmp_path: Path):
    (tmp_path / "a.txt").write_text("\n".join(STORY), encoding="utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "a.txt").write_text("\n".join(STORY), encoding="utf-8")
    report = ingest_paths(store, [str(tmp_path)], Settings(db=store.path))
    assert count(store, "articles") == 1 and report.added == 1


def test_changed_text_at_same_url_is_a_new_version(store, tmp_path: Path):
    settings = Settings(db=store.path)
    write_jsonl(tmp_path / "v1.jsonl", [{"id": "a", "url": "https://w.example/a", "text": STORY[0]}])
    ingest_paths(store, [str(tmp_path / "v1.jsonl")], settings)
    write_jsonl(tmp_path / "v2.jsonl", [{"id": "a", "url": "https://w.example/a",
                                         "text": STORY[0] + " Updated with new figures."}])
    report = ingest_paths(store, [str(tmp_path / "v2.jsonl")], settings)
    assert report.new_versions == 1
    latest = list(iter_articles(store))
    every = list(iter_articles(store, include_superseded=True))
    assert len(latest) == 1 and len(every) == 2
    assert latest[0].version == 2 and latest[0].supersedes == every[0].id
    assert "Updated" in latest[0].text
