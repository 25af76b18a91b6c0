"""Inputs built to hurt ingest: each one ends as an article or a rejection that says what to
do, in bounded memory and time, and the normal articles beside it are kept.

The inputs are generated in tmp_path at test time. Runs of `frontwatch ingest` are real
subprocesses; their peak memory is the kernel's figure for that one child (os.wait4), so an
earlier, bigger child of the test process cannot hide or inflate it. The bound is generous:
it is a resource ceiling, not a speed figure.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sqlite3
import struct
import subprocess
import sys
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from builders import STORY, html_page
from frontwatch.ingest import ingest_paths
from frontwatch.settings import Settings
from frontwatch.store import open_store
from frontwatch.store.articles import list_rejections

PEAK_RSS_LIMIT_MB = 1536          # the whole CLI run, spaCy-free ingest included
INGEST_TIMEOUT_S = 600            # a run that backtracks or blocks for ever fails, not hangs
CHILD_TIMEOUT_S = 120             # the pattern checks take seconds; a backtracking one, hours
MB = 1 << 20
STORY_TEXT = " ".join(STORY)


@dataclass
class Run:
    exit_code: int
    output: str
    peak_mb: float


def ingest_cli(folder: Path, db: str, *extra: str, timeout: int = INGEST_TIMEOUT_S) -> Run:
    """`frontwatch ingest` in a child process, with that child's own peak RSS."""
    out = folder.parent / "ingest.out"
    with open(out, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "frontwatch", "ingest", str(folder), "--db", db,
                                 "-q", *extra], stdout=fh, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode != -9, f"ingest of {folder} did not end within {timeout} s"
    return Run(proc.returncode, out.read_text(), usage.ru_maxrss / 1024)


def with_normal_articles(folder: Path) -> Path:
    """A folder holding two ordinary articles, to place a hostile input beside."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "normal.txt").write_text("\n".join(STORY), encoding="utf-8")
    (folder / "normal.html").write_text(html_page("Fighting near the airport", STORY), encoding="utf-8")
    return folder


def articles_by_file(db: str) -> dict[str, list[sqlite3.Row]]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute("SELECT source, position, text, length(text) AS sql_length, language, "
                            "metadata FROM articles ORDER BY source, position").fetchall()
    found: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        found.setdefault(Path(row["source"]).name, []).append(row)
    return found


def rejections_by_file(db: str) -> dict[str, list[dict]]:
    with open_store(db) as store:
        found: dict[str, list[dict]] = {}
        for row in list_rejections(store):
            found.setdefault(Path(row["source"]).name, []).append(row)
    return found


def assert_normal_articles_kept(db: str) -> None:
    kept = articles_by_file(db)
    assert len(kept.get("normal.txt", [])) == 1 and len(kept.get("normal.html", [])) == 1, sorted(kept)


def assert_bounded(run: Run) -> None:
    assert run.peak_mb < PEAK_RSS_LIMIT_MB, f"peak RSS {run.peak_mb:.0f} MB"


def write_repeated(path: Path, chunk: bytes, total: int, head: bytes = b"", tail: bytes = b"") -> None:
    with open(path, "wb") as fh:
        fh.write(head)
        for _ in range(total // len(chunk)):
            fh.write(chunk)
        fh.write(tail)


# --- one line of 100 MB ------------------------------------------------------------------

@pytest.mark.slow
def test_a_100_mb_text_on_one_line_is_rejected_by_size(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    write_repeated(folder / "one-line.txt", b"shelling " * 10_000, 100 * MB)
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 1, run.output
    (rejection,) = rejections_by_file(db_path)["one-line.txt"]
    assert rejection["reason"] == "too-large" and "--max-bytes" in rejection["detail"]
    assert_normal_articles_kept(db_path)
    assert_bounded(run)


def write_feed_around(path: Path, middle_size: int) -> int:
    """A JSONL of three lines whose second holds ``middle_size`` bytes of text; returns
    that line's length."""
    first = json.dumps({"id": "before", "text": STORY[0]}).encode() + b"\n"
    last = json.dumps({"id": "after", "text": STORY[1]}).encode() + b"\n"
    chunk, opening, closing = b"shelling " * 10_000, b'{"id": "middle", "text": "', b'"}\n'
    write_repeated(path, chunk, middle_size, head=first + opening, tail=closing + last)
    return len(opening) + (middle_size // len(chunk)) * len(chunk) + len(closing)


@pytest.mark.slow
def test_a_100_mb_jsonl_line_is_passed_over_unread_and_its_neighbours_kept(tmp_path: Path, db_path: str):
    # Text neighbours only: the HTML extractor's import would hide the line's cost in the peak.
    small, folder = tmp_path / "small", tmp_path / "in"
    for where, size in ((small, 100_000), (folder, 100 * MB)):
        where.mkdir()
        (where / "normal.txt").write_text("\n".join(STORY), encoding="utf-8")
        line_size = write_feed_around(where / "feed.jsonl", size)
    baseline = ingest_cli(small, str(tmp_path / "small.db"))
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 1, run.output
    (rejection,) = rejections_by_file(db_path)["feed.jsonl"]
    assert (rejection["reason"], rejection["position"]) == ("too-large", "line 2")
    assert f"the line is {line_size:,} bytes" in rejection["detail"] and "--max-bytes" in rejection["detail"]
    kept = articles_by_file(db_path)
    assert [row["position"] for row in kept["feed.jsonl"]] == ["line 1", "line 3"]
    assert len(kept["normal.txt"]) == 1
    assert_bounded(run)
    # Read past in pieces within the 20 MB limit, never whole: far below the line's 100 MB.
    assert run.peak_mb - baseline.peak_mb < 50, (run.peak_mb, baseline.peak_mb)


# --- deep nesting --------------------------------------------------------------------------

def test_html_nested_100k_deep_is_rejected_as_too_deep(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    depth = 100_000
    (folder / "nested.html").write_text(
        "<html><body>" + "<div>" * depth + f"<p>{STORY_TEXT}</p>" + "</div>" * depth + "</body></html>",
        encoding="utf-8")
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 1, run.output
    (rejection,) = rejections_by_file(db_path)["nested.html"]
    assert rejection["reason"] == "too-deep", rejection
    assert "255" in rejection["detail"] and "give the page's text" in rejection["detail"]
    assert_normal_articles_kept(db_path)
    assert_bounded(run)


def test_html_with_text_above_a_deep_nest_is_kept_and_marked(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    story = "".join(f"<p>{line}</p>" for line in STORY)
    (folder / "deep-ad.html").write_text(
        f"<html><body><article>{story}</article>" + "<div>" * 400 + "<p>ad</p>" + "</div>" * 400
        + "</body></html>", encoding="utf-8")
    assert ingest_cli(folder, db_path).exit_code == 0
    (article,) = articles_by_file(db_path)["deep-ad.html"]
    assert STORY[0] in article["text"]
    assert json.loads(article["metadata"])["html_cut_at_depth"] == 255


# --- gzip bombs ------------------------------------------------------------------------------

def write_gzip_bomb(path: Path, expands_to: int, unit: bytes = b"shelling ") -> None:
    """A small multi-member gzip file (as `cat a.gz b.gz` makes) that expands to ``expands_to``."""
    block = unit * ((64 * MB) // len(unit))
    member = gzip.compress(block, compresslevel=9)
    with open(path, "wb") as fh:
        for _ in range(expands_to // len(block)):
            fh.write(member)


def write_warc_gzip_bomb(path: Path, expands_to: int) -> None:
    """A .warc.gz whose one response record (one gzip member, as WARC wants) expands to
    ``expands_to`` bytes of HTML: one compressed block written again and again, each copy
    ending in a full flush so that it stands alone, with the CRC of the whole."""
    block = b"<p>war</p>" * (16 * MB // 10)
    copies = expands_to // len(block)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
            b"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            + f"Content-Length: {len(http) + copies * len(block)}\r\n\r\n".encode() + http)
    start = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    piece = raw.compress(block) + raw.flush(zlib.Z_FULL_FLUSH)
    crc, size = zlib.crc32(head), len(head)
    with open(path, "wb") as fh:
        fh.write(start.compress(head) + start.flush(zlib.Z_FULL_FLUSH))
        for _ in range(copies):
            fh.write(piece)
            crc, size = zlib.crc32(block, crc), size + len(block)
        tail = b"\r\n\r\n"
        fh.write(raw.compress(tail) + raw.flush(zlib.Z_FINISH))
        crc, size = zlib.crc32(tail, crc), size + len(tail)
        fh.write(struct.pack("<II", crc, size & 0xFFFFFFFF))


@pytest.mark.slow
def test_a_gzip_bomb_is_stopped_at_the_size_limit(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    write_gzip_bomb(folder / "report.txt.gz", 4 << 30)
    write_gzip_bomb(folder / "feed.jsonl.gz", 4 << 30, unit=b'{"id": "x", "text": "shelling"}\n')
    assert (folder / "report.txt.gz").stat().st_size < 10 * MB
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 1, run.output
    rejected = rejections_by_file(db_path)
    for name in ("report.txt.gz", "feed.jsonl.gz"):
        (rejection,) = rejected[name]
        assert rejection["reason"] == "too-large", rejection
        assert "expands to more than 20,000,000 bytes" in rejection["detail"]
        assert "--max-bytes" in rejection["detail"]
    assert_normal_articles_kept(db_path)
    assert_bounded(run)


@pytest.mark.slow
def test_a_warc_gzip_bomb_record_is_rejected_in_bounded_memory(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    write_warc_gzip_bomb(folder / "crawl.warc.gz", 2 << 30)
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 1, run.output
    (rejection,) = rejections_by_file(db_path)["crawl.warc.gz"]
    assert (rejection["reason"], rejection["position"]) == ("too-large", "record 1 at byte 0")
    assert_normal_articles_kept(db_path)
    assert_bounded(run)


# --- truncated WARC ----------------------------------------------------------------------------

def warc_records(n_pages: int, compressed: bool) -> list[bytes]:
    """The bytes of each of ``n_pages`` HTML response records (a gzip member each when
    compressed): joined, they are a WARC file."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = []
    for i in range(n_pages):
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=compressed)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        page = html_page(f"Report {i}", [f"Dispatch number {i} from the front."] + STORY)
        writer.write_record(writer.create_warc_record(
            f"https://crawl.example/{i}", "response", payload=io.BytesIO(page.encode()),
            http_headers=headers))
        records.append(buf.getvalue())
    return records


# (file name, bytes of the last record left): cut in its page, its headers, its gzip header
@pytest.mark.parametrize("name,left", [("crawl.warc", -60), ("crawl.warc", 300), ("crawl.warc", 20),
                                       ("crawl.warc.gz", -30), ("crawl.warc.gz", 200),
                                       ("crawl.warc.gz", 8)])
def test_a_warc_cut_inside_its_last_record_keeps_the_whole_ones(tmp_path: Path, db_path: str,
                                                                 name: str, left: int):
    folder = with_normal_articles(tmp_path / "in")
    *whole, last = warc_records(3, compressed=name.endswith(".gz"))
    (folder / name).write_bytes(b"".join(whole) + last[:left])
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 1, run.output
    kept = articles_by_file(db_path)[name]
    assert len(kept) == 2 and all("Dispatch number 2" not in a["text"] for a in kept)
    (rejection,) = rejections_by_file(db_path)[name]
    assert (rejection["reason"], rejection["position"]) == ("truncated", "record 3")
    assert "the 2 record(s) before the break were read" in rejection["detail"]
    assert_normal_articles_kept(db_path)


# --- a million lines -----------------------------------------------------------------------------

BAD_LINES = [  # (line, reason): every kind of bad line a feed dump shows
    ('{"id": "cut", "text": "no closing brace"', "bad-json"),
    ("[1, 2, 3]", "bad-json"),
    ('"just a string"', "bad-json"),
    ("null", "bad-json"),
    ('{"id": "bare", "title": "no text"}', "missing-text"),
    ('{"id": "list", "text": ["a", "list"]}', "wrong-type"),
    ('{"id": "obj", "text": {"nested": 1}}', "wrong-type"),
    ('{"id": "num", "text": 42}', "wrong-type"),
    ('{"id": "nul", "text": null}', "missing-text"),
    ("\x00\x01 not json at all", "bad-json"),
]
LINES = 1_000_000
BAD_EVERY = 997
MILLION_TIMEOUT_S = 1800           # about 8 minutes on two shared cores


def write_million_lines(path: Path) -> dict[int, str]:
    """A JSONL of LINES lines, a bad one every BAD_EVERY lines; returns line number -> reason."""
    bad: dict[int, str] = {}
    with open(path, "w", encoding="utf-8") as fh:
        for n in range(1, LINES + 1):
            if n % BAD_EVERY:
                fh.write(f'{{"id": "a{n}", "text": "Report {n}: shelling hit the town."}}\n')
            else:
                line, bad[n] = BAD_LINES[(n // BAD_EVERY) % len(BAD_LINES)]
                fh.write(line + "\n")
    return bad


@pytest.mark.slow
@pytest.mark.timeout(MILLION_TIMEOUT_S + 60)
def test_a_million_line_jsonl_keeps_every_good_line_and_names_every_bad_one(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    bad = write_million_lines(folder / "dump.jsonl")
    run = ingest_cli(folder, db_path, timeout=MILLION_TIMEOUT_S)
    assert run.exit_code == 1, run.output
    with sqlite3.connect(db_path) as conn:
        kept = conn.execute("SELECT count(*), count(DISTINCT position) FROM articles "
                            "WHERE source LIKE '%dump.jsonl'").fetchone()
        rows = conn.execute("SELECT position, reason, detail FROM rejections "
                            "WHERE source LIKE '%dump.jsonl'").fetchall()
    assert kept == (LINES - len(bad), LINES - len(bad))
    rejected = {int(position.split()[1]): (reason, detail) for position, reason, detail in rows}
    assert {n: reason for n, (reason, _) in rejected.items()} == bad
    assert all(detail for _, detail in rejected.values())
    assert_normal_articles_kept(db_path)
    assert_bounded(run)


# --- patterns that backtrack ---------------------------------------------------------------------

HOSTILE_RUNS = {  # name -> text: runs that made the cleaning and date patterns backtrack
    "hyphen-place": "A" + "-A" * 5_000,
    "hyphen-caps": "AB" + "-AB" * 5_000 + " - Fighting continued.",
    "spaces": "KABUL" + " " * 50_000 + "x",
    "em-spaces": "KABUL" + "\u2003" * 50_000 + "x",
    "dots": "A" + "." * 50_000,
    "digits": "1" * 50_000,
    "date-digits": "12/12/" * 10_000,
    "a-run": "a" * 200_000,
    "share-words": " ".join(["x"] * 24) + " !",
    "share-spaces": "x" + ("\u2003" * 200 + "x") * 20 + "!",
    "weekdays": "Monday " * 20_000,
    "months": "Monday, January " * 10_000,
}


def run_in_child(check: str, timeout: int = CHILD_TIMEOUT_S) -> None:
    """Run this module's function ``check`` in a fresh interpreter. A pattern that
    backtracks holds the GIL inside the regex engine, where neither pytest-timeout's
    signal nor its watchdog thread gets to run; a child process can be killed."""
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); " \
           f"import {Path(__file__).stem} as t; t.{check}()"
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{check} did not end within {timeout} s: a pattern backtracks")
    assert done.returncode == 0, done.stderr[-3000:]


def check_date_and_dateline_readers() -> None:
    from frontwatch.clean.pubdate import byline_parts, dateline_date, parse_date_text, whole_date
    from frontwatch.events.dateline import find_dateline
    from frontwatch.events.dates import find_time_expressions

    for name, text in HOSTILE_RUNS.items():
        assert dateline_date(text) is None, name
        parse_date_text(text), whole_date(text), byline_parts(text)
        find_dateline(text, 0)
        find_time_expressions(text)
    assert len(find_time_expressions(HOSTILE_RUNS["weekdays"])) == 20_000
    # the readers still read what they are for
    assert dateline_date("KABUL, Aug. 8, 2021 (Reuters) - Fighting continued.") == "2021-08-08"
    assert dateline_date("AL-QAIM, Iraq, March 3, 2020 - Strikes hit.") == "2020-03-03"
    assert find_dateline("AL-QAIM, Iraq (Wire) - Strikes hit the town.", 0) is not None


def check_cleaning() -> None:
    from frontwatch.clean import clean_document
    from frontwatch.clean.chrome import classify_line
    from frontwatch.clean.markdown import markdown_title, strip_markdown
    from frontwatch.records import RawDocument

    for name, text in HOSTILE_RUNS.items():
        classify_line(text)
        for fmt in ("text", "markdown"):
            raw = RawDocument(source=name, position=None, input_format=fmt, body=f"{text}\n\n{STORY_TEXT}",
                              body_kind="text")
            assert STORY[0] in clean_document(raw).text, name
    markdown = {"title": "# a" + " " * 100_000 + "b", "italics": "_a " * 100_000, "stars": "*a " * 100_000,
                "links": "[a" * 100_000, "targets": "[a](" * 100_000, "images": "![a\n" * 100_000}
    for text in markdown.values():
        markdown_title(text), strip_markdown(text)
    assert strip_markdown("an _italic_ and *starred* [link](https://x.example/a)") == "an italic and starred link"
    assert markdown_title("# Border town falls ##\n\ntext") == "Border town falls"
    assert classify_line("Share on Facebook | Twitter | Email") == "share"


@pytest.mark.timeout(CHILD_TIMEOUT_S + 60)
def test_backtracking_runs_end_in_the_date_and_dateline_readers():
    run_in_child("check_date_and_dateline_readers")


@pytest.mark.timeout(CHILD_TIMEOUT_S + 60)
def test_backtracking_runs_end_in_cleaning():
    run_in_child("check_cleaning")


@pytest.mark.timeout(INGEST_TIMEOUT_S + 60)
def test_backtracking_files_are_ingested_in_bounded_time(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    for name, text in HOSTILE_RUNS.items():
        (folder / f"{name}.txt").write_text(f"{text}\n\n{STORY_TEXT}", encoding="utf-8")
    (folder / "italics.md").write_text("# Report" + " " * 50_000 + "x\n\n" + "_a " * 200_000
                                       + "\n\n" + STORY_TEXT, encoding="utf-8")
    (folder / "feed-title.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire' + " " * 50_000 + "x</title>"
        "<item><title>Clash</title><link>https://w.example/1</link><description><![CDATA["
        + "".join(f"<p>{line}</p>" for line in STORY) + "]]></description></item></channel></rss>",
        encoding="utf-8")
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 0, run.output
    kept = articles_by_file(db_path)
    assert len(kept) == len(HOSTILE_RUNS) + 4, sorted(kept)
    assert_bounded(run)


# --- control characters, right-to-left text, mixed and wide encodings ---------------------------

ARABIC = ("\u202bقال مسؤولون إن القوات الحكومية انسحبت من عاصمة الإقليم يوم الأحد بعد قتال عنيف.\u202c "
          "\u200fوقال شهود إن السكان فروا نحو الحدود.\u200f")
HEBREW = ("\u2067הצבא הודיע כי כוחותיו נסוגו מהעיר לאחר קרבות קשים ביום ראשון\u2069, כך נמסר. "
          "\u202bתושבים אמרו כי הלחימה נמשכה בפאתי העיר.\u202c")


def test_control_characters_nuls_and_right_to_left_text(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    (folder / "nul.txt").write_bytes(STORY_TEXT.encode() + b"\x00" + STORY_TEXT.encode())
    (folder / "controls.txt").write_bytes(
        ("Shelling hit the market\x07 on Monday\x1b[0m, officials\x08 said.\x0b" + STORY_TEXT).encode())
    (folder / "escaped.jsonl").write_text(json.dumps(
        {"id": "c", "text": "Escaped\u0000 NUL, \u0007bell and \u0085next line. " + STORY_TEXT}) + "\n",
        encoding="utf-8")
    (folder / "arabic.txt").write_text(ARABIC, encoding="utf-8")
    (folder / "hebrew.txt").write_text(HEBREW, encoding="utf-8")
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 1, run.output
    (nul,) = rejections_by_file(db_path)["nul.txt"]
    assert nul["reason"] == "binary" and "NUL" in nul["detail"]
    kept = articles_by_file(db_path)
    for name in ("controls.txt", "escaped.jsonl"):
        (article,) = kept[name]
        assert not any(ord(c) < 32 and c not in "\n\t" or 0x7f <= ord(c) <= 0x9f for c in article["text"])
        assert article["sql_length"] == len(article["text"]), "a NUL cuts the text for SQL"
        assert STORY[0] in article["text"]
    (arabic,), (hebrew,) = kept["arabic.txt"], kept["hebrew.txt"]
    assert (arabic["language"], hebrew["language"]) == ("ar", "he")
    assert "انسحبت من عاصمة الإقليم" in arabic["text"] and "\u202b" in arabic["text"], "bidi marks stay"
    assert "כוחותיו נסוגו מהעיר" in hebrew["text"] and "\u2067" in hebrew["text"]
    assert_normal_articles_kept(db_path)


def test_mixed_encodings_in_one_file_read_line_by_line(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    lines = [("The governor\u2019s office said the caf\u00e9 district was calm.", "utf-8"),
             ("Residents said the \u201cfragile\u201d calm held \u2013 for now.", "cp1252"),
             ("Officials in Her\u00e1t said the se\u00f1or\u2019s house was hit.", "cp1252"),
             ("A police officer in Bamak\u00f3 said the road was open again.", "latin-1"),
             (STORY_TEXT, "utf-8")]
    (folder / "mixed.txt").write_bytes(b"\n".join(text.encode(enc) for text, enc in lines))
    assert ingest_cli(folder, db_path).exit_code == 0
    (article,) = articles_by_file(db_path)["mixed.txt"]
    for text, _ in lines[:4]:
        assert text in article["text"]
    assert "\u00e2\u20ac" not in article["text"], "no UTF-8 read as cp1252"


def test_utf16_with_a_byte_order_mark_is_text(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    bom_le, bom_be = "\ufeff".encode("utf-16-le"), "\ufeff".encode("utf-16-be")
    (folder / "le.txt").write_bytes(bom_le + f"Kabul\u2019s streets were \u201ccalm\u201d. {STORY_TEXT}".encode("utf-16-le"))
    (folder / "be.html").write_bytes(bom_be + f"<html><body><p>{STORY_TEXT} \U0001f4f0</p></body></html>".encode("utf-16-be"))
    # past the 64 KiB sniff window, with surrogate pairs that the window may cut
    (folder / "long.txt").write_bytes(bom_le + ("\U0001f4f0 " + STORY_TEXT + "\n") .encode("utf-16-le") * 300)
    (folder / "odd.txt").write_bytes(bom_le + STORY_TEXT.encode("utf-16-le") + b"A")
    (folder / "feed.jsonl").write_bytes(bom_le + "".join(
        json.dumps({"id": f"u{i}", "text": f"Item {i}: {STORY_TEXT}"}, ensure_ascii=False) + "\n"
        for i in range(3)).encode("utf-16-le"))
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 0, run.output
    kept = articles_by_file(db_path)
    assert "Kabul\u2019s streets" in kept["le.txt"][0]["text"]
    for name in ("be.html", "long.txt", "odd.txt"):
        assert STORY[0] in kept[name][0]["text"], name
    assert [a["position"] for a in kept["feed.jsonl"]] == ["line 1", "line 2", "line 3"]


# --- files that go away, pipes, unreadable files -------------------------------------------------

def test_a_file_that_vanishes_or_empties_before_it_is_read(tmp_path: Path, db_path: str):
    """The folder is listed by the real ingest, then, as progress reaches each file, one is
    deleted and one emptied before ingest opens it."""
    folder = with_normal_articles(tmp_path / "in")
    (folder / "vanishing.txt").write_text(STORY_TEXT, encoding="utf-8")
    (folder / "emptied.txt").write_text(STORY_TEXT, encoding="utf-8")

    def meddle(done: int, total: int, label: str) -> None:
        if label.endswith("vanishing.txt"):
            os.remove(label)
        elif label.endswith("emptied.txt"):
            open(label, "w").close()

    with open_store(db_path) as store:
        report = ingest_paths(store, [str(folder)], Settings(db=db_path), on_progress=meddle)
    assert (report.files, report.added, report.rejected) == (4, 2, 2)
    rejected = rejections_by_file(db_path)
    assert rejected["vanishing.txt"][0]["reason"] == "unreadable"
    assert "No such file" in rejected["vanishing.txt"][0]["detail"]
    assert rejected["emptied.txt"][0]["reason"] == "empty"
    assert_normal_articles_kept(db_path)


@pytest.mark.timeout(INGEST_TIMEOUT_S + 60)   # opening a pipe with no writer blocks for ever
def test_a_pipe_and_a_dangling_link_in_the_folder_are_rejected_not_waited_on(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    os.mkfifo(folder / "pipe.txt")
    os.symlink(tmp_path / "gone.txt", folder / "dangling.txt")
    run = ingest_cli(folder, db_path)
    assert run.exit_code == 1, run.output
    rejected = rejections_by_file(db_path)
    assert rejected["pipe.txt"][0]["reason"] == "unreadable"
    assert "not a regular file" in rejected["pipe.txt"][0]["detail"]
    assert rejected["dangling.txt"][0]["reason"] == "unreadable"
    assert_normal_articles_kept(db_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_a_file_without_read_permission_is_rejected(tmp_path: Path, db_path: str):
    folder = with_normal_articles(tmp_path / "in")
    locked = folder / "locked.txt"
    locked.write_text(STORY_TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        run = ingest_cli(folder, db_path)
    finally:
        locked.chmod(0o644)
    assert run.exit_code == 1, run.output
    (rejection,) = rejections_by_file(db_path)["locked.txt"]
    assert rejection["reason"] == "unreadable" and "Permission denied" in rejection["detail"]
    assert_normal_articles_kept(db_path)
