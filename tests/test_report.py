"""The static report: HTML with embedded images, PNG files, escaped article text."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from web_story import XSS_OUTLET, XSS_SENTENCE, XSS_TITLE, build_story_store
from frontwatch.cli import main


@pytest.fixture(scope="module")
def story_db(tmp_path_factory) -> str:
    return build_story_store(tmp_path_factory.mktemp("story"))


def run_report(db: str, out: Path, *args: str):
    return CliRunner().invoke(main, ["report", "--db", db, "--out", str(out), *args])


@pytest.fixture(scope="module")
def report(story_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    result = run_report(story_db, out)
    assert result.exit_code == 0, result.output
    return out


def section(page, section_id: str) -> str:
    (h2,) = page.xpath(f"//h2[@id='{section_id}']")
    node, texts = h2.getnext(), []
    while node is not None and node.tag != "h2":
        texts.append(" ".join(node.itertext()))
        node = node.getnext()
    return " ".join(" ".join(texts).split()).replace(" ,", ",")


def test_report_files_and_embedded_images(report):
    assert {p.name for p in report.iterdir()} == {"report.html", "map.png", "timeline.png"}
    for name in ("map.png", "timeline.png"):
        data = (report / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    page = lxml_html.fromstring((report / "report.html").read_text(encoding="utf-8"))
    sources = [img.get("src") for img in page.xpath("//img")]
    assert len(sources) == 2 and all(s.startswith("data:image/png;base64,") for s in sources)


def test_report_says_what_changed_hands_casualties_and_contested_places(report):
    page = lxml_html.fromstring((report / "report.html").read_text(encoding="utf-8"))
    changes = section(page, "changes")
    assert "2021-07-07 Qala-i-Naw, Badghis recaptured Afghan government Taliban" in changes
    assert "captured (attributed: Taliban), disputed" in changes
    assert "Lashkar Gah" not in changes, "an entry is not a change of hands"
    casualties = section(page, "casualties")
    assert "Armed clash 20" in casualties and "captured 4" in casualties
    assert "24 people reported killed" in " ".join(page.text_content().split())
    contested = section(page, "contested")
    assert "Lashkar Gah, Helmand: contested by Taliban since 2021-08-03" in contested
    assert "Kunduz" not in contested
    control = section(page, "control")
    assert "Qala-i-Naw Badghis Taliban 2021-08-13" in control


def test_each_statement_with_its_sources_evidence_and_copies(report):
    page = lxml_html.fromstring((report / "report.html").read_text(encoding="utf-8"))
    boldak = next(s for s in page.xpath("//section") if "Spin Boldak" in s.findtext("h3"))
    roles = [b.text for b in boldak.xpath(".//span[@class='badge']")]
    assert roles == ["report", "denial"]
    assert [m.text for m in boldak.xpath(".//mark")] == ["captured", "denied"]
    qala = [s for s in page.xpath("//section") if "recaptured · Qala-i-Naw" in s.findtext("h3")][0]
    links = {a.get("href") for a in qala.xpath(".//a")}
    assert links == {"https://western.example/qala-i-naw", "https://mirror.example/qala-i-naw"}
    assert "Copies of this story" in qala.text_content()


def test_period_and_country_narrow_the_report(story_db, tmp_path):
    result = run_report(story_db, tmp_path, "--from", "2021-07-01", "--to", "2021-07-31")
    assert result.exit_code == 0, result.output
    page = lxml_html.fromstring((tmp_path / "report.html").read_text(encoding="utf-8"))
    changes = section(page, "changes")
    assert "Qala-i-Naw" in changes and "Kunduz" not in changes
    assert page.findtext(".//h1") == "Who controls what: 2021-07-01 to 2021-07-31"
    other = run_report(story_db, tmp_path / "pk", "--country", "pk")
    assert other.exit_code == 0, other.output
    page = lxml_html.fromstring((tmp_path / "pk" / "report.html").read_text(encoding="utf-8"))
    assert section(page, "changes") == "No place changed hands in this period."


def test_report_errors_say_what_to_do(story_db, tmp_path):
    result = run_report(str(tmp_path / "missing.db"), tmp_path / "out")
    assert result.exit_code == 2 and "run `frontwatch ingest" in result.output
    result = run_report(story_db, tmp_path / "out", "--from", "2021-08-01", "--to", "2021-07-01")
    assert result.exit_code == 2 and "--from 2021-08-01 is after --to 2021-07-01" in result.output


def test_markup_in_articles_is_escaped_in_the_report(report):
    text = (report / "report.html").read_text(encoding="utf-8")
    page = lxml_html.fromstring(text)
    assert page.xpath("//script") == []
    assert [img.get("src")[:15] for img in page.xpath("//img")] == ["data:image/png;"] * 2
    assert page.xpath("//*[@onerror or @onload or @onmouseover]") == []
    assert page.xpath("//a[starts-with(@href, 'javascript')]") == []
    shown = page.text_content()
    assert XSS_TITLE in shown and XSS_OUTLET in shown
    assert XSS_SENTENCE in shown


def test_serve_and_report_have_help():
    for command in ("serve", "report"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "--db" in result.output
    assert "--port" in CliRunner().invoke(main, ["serve", "--help"]).output


def test_a_store_without_events_gets_a_report_over_its_articles(tmp_path):
    from web_story import ARTICLES
    import json
    from frontwatch.ingest import ingest_paths
    from frontwatch.settings import Settings
    from frontwatch.store import open_store

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES[:2]), encoding="utf-8")
    db = str(tmp_path / "plain.db")
    with open_store(db) as store:
        ingest_paths(store, [str(feed)], Settings(db=db))
    result = run_report(db, tmp_path / "out")
    assert result.exit_code == 0, result.output
    page = lxml_html.fromstring((tmp_path / "out" / "report.html").read_text(encoding="utf-8"))
    assert page.findtext(".//h1") == "Who controls what: 2021-06-22 to 2021-07-08"
    assert section(page, "changes") == "No place changed hands in this period."
