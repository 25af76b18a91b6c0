"""Broken inputs for every reader, and the check that each one is accounted for.

Shared by tests/test_fuzz_readers.py (hypothesis) and the fuzz/ harnesses (atheris): small
valid samples of every format, mutations that real downloads and exports suffer (cut off,
flipped bytes, NULs, invalid UTF-8, a huge line, a wrong extension), and
``ingest_and_account``, which runs the real ingest into a real SQLite store and checks that
the input became articles, recorded rejections with reasons, or reported skips.
"""
from __future__ import annotations

import gzip
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from builders import STORY, html_page, write_atom, write_jsonl, write_rss, write_warc

# Hypothesis runs: by default the bounded run of the test suite (fixed examples, no
# database written); FRONTWATCH_FUZZ_PROFILE=fuzz the long random run (`make fuzz` where
# atheris is missing).
PROFILE_ENV = "FRONTWATCH_FUZZ_PROFILE"
FUZZ_SCALE = 25          # the "fuzz" profile tries this many times more examples

SAMPLE_NAMES = ("atom", "html", "html-cp1252", "html.gz", "jsonl", "jsonl.gz", "markdown", "rss", "rss.gz",
                "text", "warc", "warc.gz")
EXTENSIONS = (".txt", ".md", ".html", ".jsonl", ".json", ".warc", ".warc.gz", ".gz", ".xml",
              ".rss", ".atom", ".bin", "")

# Payloads that break readers: NULs, control bytes, invalid or surrogate UTF-8, JSON
# escapes of lone surrogates, byte-order marks, markup and JSON openers, JSON nested
# deeper than the stack, a huge line.
NASTY = (
    b"\x00", b"\x00" * 64, bytes(range(1, 32)), b"\x1b[31m", b"\xff\xfe\xfd", b"\xc3\x28",
    b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80" * 40, b"\xef\xbb\xbf", b"\xff\xfe",
    b'"\\ud800"', b'{"text": "\\udfff broken"}', b"\\ud800", b"\\udc00x", b"\\u0000", b"[" * 3000,
    b'{"a": ' * 1500, b"\r", b"\r\n" * 50, b"\n" * 500,
    b"<", b"<![CDATA[", b"]]>", b"<!--", b"&#0;", b"&#x110000;", b"&amp", b"{", b"}", b"[",
    b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"Content-Length: -5\r\n", b"\x1f\x8b",
    "\u202e\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd".encode(),
    "e\u0301\u0301\u0301\u20dd".encode(), b"9" * 400, b"A" * 150_000 + b"\n",
)


class Samples(dict):
    """name -> (file name, bytes); short to print in a failing example."""

    def __repr__(self) -> str:
        return f"<{len(self)} seed samples>"


# Text for the date, place and event stages: what they look for, and what breaks
# tokenizers and regular expressions (right-to-left controls, stacked combining marks,
# other scripts' digits, emoji sequences, odd whitespace).
STAGE_WORDS = (
    "The Taliban captured", "insurgents took control of", "government forces withdrew from", "fell to",
    "an airstrike killed 12 civilians in", "shelling hit", "fighters retook", "a day after", "two weeks before",
    "eight months after", "said on", "Kunduz", "Kabul", "Sar-e-Pul", "Aleppo", "Gaza", "Kharkiv", "Faizabad",
    "province", "district", "on Monday", "yesterday", "last week", "last month", "three years ago",
    "12 August 2021", "Aug. 9", "9/8/2021", "2021-08-15", "mid-July", "since May", "in 2016", "in the 1990s",
    "31 February 2021", "00/13/2020", "2021-19-45", "May 99", "the same day", "KABUL, Aug 8 (Wire) -",
    "Khartoum, 19 December (Agency):", "LAKKI MARWAT - ", ".", ",", ";", "\n\n", "\n", " ", "\t", "\u00a0",
)
STAGE_ODD = (
    "\u202e\u0645\u0631\u062d\u0628\u0627\u202c", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u200f\u200e",
    "e\u0301\u0302\u0303\u0304\u0305", "\u0627\u0644\u0652\u0651", "\u0663\u0660 \u0623\u063a\u0633\u0637\u0633",
    "\u0967\u0968 August", "\uff11\uff12 August 2021", "\ufeff", "\u2028", "\u200b", "\x00", "\x0c", "\r\n",
    "\U0001f600\U0001f3f3\ufe0f\u200d\U0001f308", "\ufffd", "ǅ", "İstanbul", "ﬁghters",
)


def seed_samples() -> Samples:
    """name -> (file name, bytes): one small valid input of every format the readers take."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        items = [{"title": f"Story {i}", "url": f"https://wire.example/{i}",
                  "published": "Mon, 09 Aug 2021 08:00:00 GMT", "paragraphs": STORY} for i in range(2)]
        write_rss(folder / "wire.rss", items)
        write_atom(folder / "wire.atom", items)
        write_jsonl(folder / "wire.jsonl", [
            {"id": "w1", "url": "https://wire.example/1", "published": "2021-08-08", "text": "\n".join(STORY)},
            {"id": "w2", "url": "https://wire.example/2", "html": html_page("Two", STORY)}])
        write_warc(folder / "crawl.warc.gz", [("https://a.example/2021/08/08/story", html_page("One", STORY)),
                                              ("https://b.example/story", html_page("Two", STORY[1:]))])
        files = {p.name: p.read_bytes() for p in folder.iterdir()}
    text = "\n".join(STORY).encode()
    markdown = ("---\ntitle: Border town falls\ndate: 2021-08-06\n---\n# Border town falls\n\n"
                + "\n\n".join(STORY)).encode()
    page = html_page("Capital taken", STORY, "2021-08-08T14:05:00+04:30").encode()
    samples = Samples({
        "text": ("story.txt", text),
        "markdown": ("story.md", markdown),
        "html": ("page.html", page),
        "html-cp1252": ("page.html", page.replace(b"utf-8", b"windows-1252").replace(b"said", b"said \x93so\x94")),
        "jsonl": ("wire.jsonl", files["wire.jsonl"]),
        "warc": ("crawl.warc", gzip.decompress(files["crawl.warc.gz"])),
        "warc.gz": ("crawl.warc.gz", files["crawl.warc.gz"]),
        "rss": ("wire.rss", files["wire.rss"]),
        "atom": ("wire.atom", files["wire.atom"]),
        "jsonl.gz": ("wire.jsonl.gz", gzip.compress(files["wire.jsonl"])),
        "html.gz": ("page.html.gz", gzip.compress(page)),
        "rss.gz": ("wire.rss.gz", gzip.compress(files["wire.rss"])),
    })
    assert tuple(sorted(samples)) == SAMPLE_NAMES
    return samples


def mutate(data: bytes, ops: list[tuple]) -> bytes:
    """``data`` with each operation applied in turn; positions are fractions of the length
    so that one operation list means the same on any sample."""
    for op in ops:
        at = int(op[1] * len(data))
        if op[0] == "truncate":
            data = data[:at]
        elif op[0] == "flip":
            data = data[:at] + bytes([data[at] ^ op[2]]) + data[at + 1:] if at < len(data) else data
        elif op[0] == "insert":
            data = data[:at] + op[2] + data[at:]
        elif op[0] == "delete":
            data = data[:at] + data[at + op[2]:]
        elif op[0] == "repeat":
            data = data[:at] + data[at:at + op[2]] * 3 + data[at:]
    return data


def mutate_inside_gzip(data: bytes, ops: list[tuple]) -> bytes:
    """A valid gzip stream around mutated content (the broken part is what it holds)."""
    return gzip.compress(mutate(gzip.decompress(data), ops))


@dataclass
class Accounted:
    """What one input became, as the store holds it."""

    articles: list
    rejections: list[dict]
    skipped: int
    existing: int
    format: str          # as ingest told it from the file's first bytes


def ingest_and_account(folder: Path, name: str, data: bytes, max_bytes: int | None = None) -> Accounted:
    """Ingest one file through the real ingest into a fresh store in ``folder`` and check
    that it is accounted for; raise AssertionError when it is not."""
    from frontwatch.ingest import ingest_paths
    from frontwatch.ingest.sources import describe
    from frontwatch.settings import Settings
    from frontwatch.store import open_store
    from frontwatch.store.articles import iter_articles, list_rejections

    path = folder / (name or "input")
    path.write_bytes(data)
    db = str(folder / "fuzz.db")
    settings = Settings(db=db) if max_bytes is None else Settings(db=db, max_input_bytes=max_bytes)
    fmt = describe(path, str(path)).format
    with open_store(db) as store:
        report = ingest_paths(store, [str(path)], settings)
        result = Accounted(list(iter_articles(store, include_superseded=True)), list_rejections(store),
                           sum(report.skipped.values()), report.existing, fmt)
    for leftover in folder.glob("fuzz.db*"):
        leftover.unlink()
    path.unlink()
    check_accounted(result, report, data, path.name)
    return result


def check_accounted(result: Accounted, report, data: bytes, name: str) -> None:
    """Every item is an article, a rejection with a reason, a duplicate or a reported skip."""
    assert len(result.articles) == report.added, "the report counts articles the store does not hold"
    assert len(result.rejections) == report.rejected, "the report counts rejections the store does not hold"
    for rejection in result.rejections:
        assert rejection["reason"] and rejection["detail"], f"a rejection without a reason: {rejection}"
        assert rejection["reason"] != "clean-error", f"cleaning crashed: {rejection['detail']}"
    positions = [a.position for a in result.articles] + [r["position"] for r in result.rejections]
    total = len(positions) + result.existing + result.skipped
    assert total >= 1, f"{name}: the input left no article, rejection or skip"
    assert len(set(positions)) == len(positions), f"{name}: two outcomes at one position: {positions}"
    if None in positions:
        assert total == 1, f"{name}: a whole-file outcome beside others: {positions}"
    if any((p or "").startswith("line ") for p in positions):
        lines = [line for line in jsonl_lines(data, result.format) if line.strip()]
        assert len(positions) + result.existing == len(lines), \
            f"{name}: {len(lines)} JSONL lines but {len(positions)} outcomes and {result.existing} duplicates"


def jsonl_lines(data: bytes, fmt: str) -> list[bytes]:
    """The lines the JSONL reader numbers: a JSONL file's, split at newlines as it is read,
    or those of a gzip'd or whole-read one, split as bytes.splitlines does."""
    if fmt == "jsonl":
        return data.split(b"\n")
    return (gzip.decompress(data) if fmt == "gzip" else data).splitlines()


ISO_FORMS = {"day": r"\d{4}-\d\d-\d\d", "week": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "year": r"\d{4}"}


def check_resolved(resolved) -> None:
    """A resolved date (events.dates.ResolvedDate) is None or ISO of its precision."""
    if resolved.date is None:
        return
    assert re.fullmatch(ISO_FORMS[resolved.precision], resolved.date), resolved
    if resolved.precision in {"day", "week"}:
        date.fromisoformat(resolved.date)


def check_date_stage(text: str, published: date | None, future: bool, moves: list[tuple[int, str]]) -> None:
    """Time expressions are ordered, disjoint stretches of ``text`` and resolve (and move
    by ``moves``: (n, "day"/"week"/"month"/"year")) to valid dates; the dateline, if any,
    lies within the text; a publication date read from the text is ISO."""
    from frontwatch.clean.pubdate import parse_date_text
    from frontwatch.events import dates as datelib
    from frontwatch.events.dateline import find_dateline

    found = datelib.find_time_expressions(text)
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start, f"time expressions overlap: {before} {after}"
    anchor = None
    for expr in found:
        assert text[expr.start:expr.end] == expr.text
        resolved = datelib.resolve(expr, published, future, anchor)
        check_resolved(resolved)
        for n, unit in moves:
            check_resolved(datelib.shift_by(resolved, n, unit))
        assert datelib.is_background(resolved.date, published, resolved.basis) in (True, False)
        anchor = resolved
    for body_start in (0, len(text) // 2):
        span = find_dateline(text, body_start)
        assert span is None or body_start <= span[0] < span[1] <= len(text), span
    iso = parse_date_text(text)
    assert iso is None or datetime.fromisoformat(iso)


def hang_limit(seconds: int) -> int:
    """A per-test timeout far above a normal run, scaled with the number of examples: only
    an input that hangs a reader reaches it."""
    return seconds * FUZZ_SCALE if os.environ.get(PROFILE_ENV) == "fuzz" else seconds


def fuzz_settings(examples: int):
    """Hypothesis settings for ``examples`` inputs: in CI a fixed set with no example
    database; under FRONTWATCH_FUZZ_PROFILE=fuzz (`make fuzz`) FUZZ_SCALE times as many,
    random, with failures kept in .hypothesis/ for the next run."""
    from hypothesis import HealthCheck, settings

    checks = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
    if os.environ.get(PROFILE_ENV) == "fuzz":
        return settings(max_examples=examples * FUZZ_SCALE, deadline=None, suppress_health_check=checks)
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=checks, print_blob=True)
