"""Bad input becomes a recorded rejection with a reason; nothing else is lost."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from builders import STORY, html_page, write_jsonl, write_warc
from frontwatch.cli import main
from frontwatch.store import open_store
from frontwatch.store.articles import iter_articles, list_rejections

CP1252_TEXT = ("The governor\u2019s office said the caf\u00e9 district of the city was calm "
               "on Monday \u2013 a \u201cfragile\u201d calm, residents said, after a night of shelling.")


def make_bad_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "good.txt").write_text("\n".join(STORY), encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "western.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    write_jsonl(folder / "feed.jsonl", [
        {"id": "j1", "url": "https://wire.example/j1", "text": STORY[0]},
        {"id": "j2", "url": "https://wire.example/j2", "text": STORY[1]},
    ], bad_lines={1: '{"id": "broken", "text": "no closing brace"'})
    pages = [(f"https://crawl.example/{i}", html_page(f"Page {i}", [f"Story number {i}."] + STORY))
             for i in range(3)]
    full = write_warc(folder / "crawl.warc.gz", pages).read_bytes()
    (folder / "crawl.warc.gz").write_bytes(full[: int(len(full) * 0.8)])
    return folder


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_bad_folder_every_good_item_lands_and_each_bad_one_is_listed(tmp_path: Path, db_path: str):
    folder = make_bad_folder(tmp_path / "in")
    result = run("ingest", str(folder), "--db", db_path, "-q")
    assert result.exit_code == 1
    with open_store(db_path) as store:
        articles = list(iter_articles(store))
        rejections = {Path(r["source"]).name: r for r in list_rejections(store)}
    names = sorted(Path(a.source).name for a in articles)
    # good.txt, western.txt, two JSONL lines, and the WARC pages before the break
    assert names.count("feed.jsonl") == 2 and "good.txt" in names and "western.txt" in names
    assert 1 <= names.count("crawl.warc.gz") < 3
    western = next(a for a in articles if a.source.endswith("western.txt"))
    assert western.text == CP1252_TEXT
    assert rejections["photo.png"]["reason"] == "binary"
    assert rejections["empty.txt"]["reason"] == "empty"
    assert rejections["feed.jsonl"]["reason"] == "bad-json"
    assert rejections["feed.jsonl"]["position"] == "line 2"
    assert rejections["crawl.warc.gz"]["reason"] == "truncated"
    listed = run("rejections", "--db", db_path)
    for name in ("photo.png", "empty.txt", "feed.jsonl", "crawl.warc.gz"):
        assert name in listed.output


def test_rejections_json_and_rerun_keeps_exit_code(tmp_path: Path, db_path: str):
    folder = make_bad_folder(tmp_path / "in")
    run("ingest", str(folder), "--db", db_path, "-q")
    again = run("ingest", str(folder), "--db", db_path, "-q")
    assert again.exit_code == 1, "rejected inputs stay rejected on a re-run"
    records = json.loads(run("rejections", "--json", "--db", db_path).output)
    assert len(records) == 4, "a re-run records no duplicate rejections"
    assert all(r["detail"] for r in records)


def test_size_limit_and_html_without_text(tmp_path: Path, db_path: str):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text("word " * 5000, encoding="utf-8")
    (folder / "chrome.html").write_text("<html><body><nav>Home</nav><script>x()</script></body></html>",
                                        encoding="utf-8")
    result = run("ingest", str(folder), "--db", db_path, "-q", "--max-bytes", "10000")
    assert result.exit_code == 1
    with open_store(db_path) as store:
        reasons = {Path(r["source"]).name: r["reason"] for r in list_rejections(store)}
    assert reasons == {"big.txt": "too-large", "chrome.html": "no-text"}
    assert run("ingest", str(folder / "big.txt"), "--db", db_path, "-q").exit_code == 0, \
        "with the default limit the same file lands"


def test_jsonl_line_without_text_and_gzipped_jsonl(tmp_path: Path, db_path: str):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps({"id": "a", "url": "https://x.example/a", "text": STORY[0]}),
             json.dumps({"id": "b", "url": "https://x.example/b", "title": "no body"})]
    (folder / "feed.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    result = run("ingest", str(folder), "--db", db_path, "-q")
    assert result.exit_code == 1
    with open_store(db_path) as store:
        assert [a.external_id for a in iter_articles(store)] == ["a"]
        (rejection,) = list_rejections(store)
    assert (rejection["reason"], rejection["position"]) == ("missing-text", "line 2")
