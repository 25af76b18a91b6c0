"""Every supported input format becomes articles with the metadata it carries."""
from __future__ import annotations

import json
from pathlib import Path

from builders import STORY, html_page, write_atom, write_jsonl, write_rss, write_warc
from frontwatch.ingest import ingest_paths
from frontwatch.settings import Settings
from frontwatch.store.articles import iter_articles


def ingest(store, *paths, **settings):
    return ingest_paths(store, [str(p) for p in paths], Settings(db=store.path, **settings))


def by_format(store):
    return {a.input_format: a for a in iter_articles(store)}


def test_text_markdown_and_html_files(store, tmp_path: Path):
    (tmp_path / "a.txt").write_text("\n".join(STORY), encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: Border town falls\ndate: 2021-08-06\noutlet: Steppe Monitor\n---\n"
        "# Border town falls\n\n" + "\n\n".join(f"**{p}**" for p in STORY[:2]), encoding="utf-8")
    (tmp_path / "c.html").write_text(html_page("Capital taken", STORY, "2021-08-08T14:05:00+04:30"),
                                     encoding="utf-8")
    report = ingest(store, tmp_path)
    assert (report.added, report.rejected) == (3, 0)
    arts = by_format(store)
    assert arts["text"].published is None and arts["text"].title is None
    md = arts["markdown"]
    assert (md.title, md.published, md.published_from, md.outlet) == \
        ("Border town falls", "2021-08-06", "front-matter", "Steppe Monitor")
    assert "**" not in md.text and "Border town falls" not in md.text
    page = arts["html"]
    assert page.published == "2021-08-08T14:05:00+04:30" and page.published_from == "html-meta"
    assert (page.title, page.outlet, page.language) == ("Capital taken", "Frontier Post", "en")
    assert STORY[0] in page.text and "Share This" not in page.text and "Copyright" not in page.text


def test_html_page_header_date_is_not_a_publication_date(store, tmp_path: Path):
    (tmp_path / "page.html").write_text(html_page("Capital taken", STORY), encoding="utf-8")
    ingest(store, tmp_path)
    (article,) = iter_articles(store)
    assert article.published is None, "the page's fetch-day header must not become the date"


def test_jsonl_fields_and_metadata(store, tmp_path: Path):
    write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "w-1", "url": "https://wire.example/1", "title": "One", "published": "2021-08-08T09:00:00Z",
         "outlet": "Wire", "text": "\n".join(STORY), "section": "asia"},
        {"id": "w-2", "url": "https://wire.example/2", "title": "Two", "published": "2021-08-09",
         "outlet": "Wire", "html": html_page("Two", STORY[1:])},
    ])
    report = ingest(store, tmp_path)
    assert report.added == 2
    arts = {a.external_id: a for a in iter_articles(store)}
    one, two = arts["w-1"], arts["w-2"]
    assert (one.url, one.title, one.outlet, one.published, one.published_from) == \
        ("https://wire.example/1", "One", "Wire", "2021-08-08T09:00:00+00:00", "feed")
    assert one.metadata == {"section": "asia"} and one.position == "line 1"
    assert two.raw_kind == "html" and STORY[1] in two.text and "<p>" not in two.text


def test_warc_gz_pages(store, tmp_path: Path):
    write_warc(tmp_path / "crawl.warc.gz", [
        ("https://a.example/2021/08/08/kunduz", html_page("Kunduz falls", STORY)),
        ("https://b.example/story", html_page("Airport held", STORY[1:], "2021-08-09T08:00:00Z")),
    ])
    report = ingest(store, tmp_path)
    assert (report.added, report.rejected) == (2, 0)
    assert report.skipped["WARC request record"] == 2 and report.skipped["WARC warcinfo record"] == 1
    arts = {a.url: a for a in iter_articles(store)}
    assert arts["https://a.example/2021/08/08/kunduz"].published == "2021-08-08"
    assert arts["https://a.example/2021/08/08/kunduz"].published_from == "url"
    assert arts["https://b.example/story"].published_from == "html-meta"
    assert all(a.input_format == "warc" for a in arts.values())


def test_rss_and_atom_items(store, tmp_path: Path):
    item = {"title": "Taloqan falls", "url": "https://regional.example/taloqan",
            "published": "Sun, 08 Aug 2021 16:00:00 +0430", "paragraphs": STORY}
    write_rss(tmp_path / "regional.xml", [item])
    write_atom(tmp_path / "steppe.atom", [dict(item, url="https://steppe.example/t",
                                              published="2021-08-08T12:00:00Z")])
    report = ingest(store, tmp_path)
    assert report.added == 2
    arts = by_format(store)
    assert arts["rss"].published == "2021-08-08T16:00:00+04:30" and arts["rss"].outlet == "Regional Wire"
    assert arts["atom"].published == "2021-08-08T12:00:00+00:00" and arts["atom"].outlet == "Steppe Monitor"
    assert arts["rss"].external_id == "https://regional.example/taloqan"


def test_format_is_read_from_content_not_extension(store, tmp_path: Path):
    write_jsonl(tmp_path / "feed.txt", [{"id": "x", "text": "\n".join(STORY)}])
    (tmp_path / "page.dat").write_text(html_page("Capital taken", STORY), encoding="utf-8")
    ingest(store, tmp_path)
    assert sorted(a.input_format for a in iter_articles(store)) == ["html", "jsonl"]


def test_articles_json_has_the_documented_fields(db_path: str, tmp_path: Path):
    from click.testing import CliRunner
    from frontwatch.cli import main

    (tmp_path / "a.txt").write_text("\n".join(STORY), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(tmp_path), "--db", db_path, "-q"]).exit_code == 0
    result = runner.invoke(main, ["articles", "--json", "--db", db_path])
    (record,) = json.loads(result.output)
    for key in ("id", "external_id", "source", "url", "title", "outlet", "published",
                "published_from", "language", "text", "removed_lines"):
        assert key in record
    assert record["source"] == str(tmp_path / "a.txt")
