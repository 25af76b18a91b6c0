"""Broken inputs of every format through the real ingest: no crash, no hang, nothing lost.

Each example is a small valid sample (text, Markdown, HTML, JSONL, WARC, WARC.gz, RSS,
Atom, gzip'd JSONL/HTML/RSS) cut off, with bytes flipped, NULs, control bytes, invalid
UTF-8 or a huge line put in, or under a wrong extension, ingested into a fresh SQLite
store. It must become articles, rejections with a reason, or reported skips (see
fuzz_inputs.check_accounted). The per-test timeout catches an input that hangs a reader.
"""
from __future__ import annotations

import io
import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from builders import STORY, html_page, write_atom, write_rss, write_warc
from fuzz_inputs import (EXTENSIONS, NASTY, SAMPLE_NAMES, fuzz_settings, hang_limit, ingest_and_account,
                         mutate, mutate_inside_gzip, seed_samples)

HANG_LIMIT = hang_limit(180)

fractions = st.floats(min_value=0.0, max_value=1.0, exclude_max=True)
payloads = st.one_of(st.sampled_from(NASTY), st.binary(min_size=1, max_size=32))
operation = st.one_of(
    st.tuples(st.just("truncate"), fractions),
    st.tuples(st.just("flip"), fractions, st.integers(1, 255)),
    st.tuples(st.just("insert"), fractions, payloads),
    st.tuples(st.just("delete"), fractions, st.integers(1, 200)),
    st.tuples(st.just("repeat"), fractions, st.integers(1, 400)),
)
operations = st.lists(operation, min_size=1, max_size=4)
# None keeps the sample's own name; an extension renames it (a feed saved as .txt).
extensions = st.one_of(st.none(), st.sampled_from(EXTENSIONS))


@pytest.fixture(scope="module")
def samples():
    return seed_samples()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-readers")


def file_name(sample_name: str, extension: str | None) -> str:
    if extension is None:
        return sample_name
    return sample_name.split(".", 1)[0] + extension


@pytest.mark.timeout(HANG_LIMIT)
@fuzz_settings(examples=120)
@given(name=st.sampled_from(SAMPLE_NAMES), ops=operations, extension=extensions,
       inside_gzip=st.booleans())
# warcio failed with AttributeError on the cut-off header of the last gzip member
@example(name="warc.gz", ops=[("truncate", 0.75)], extension=None, inside_gzip=False)
# feedparser's loose parser failed on a reference to no character (chr() out of range)
@example(name="atom", ops=[("truncate", 0.5), ("insert", 0.5, b"&#x110000;")], extension=None,
         inside_gzip=False)
# a UTF-16 byte-order mark before bytes of odd length: UnicodeDecodeError stopped the run
@example(name="atom", ops=[("insert", 0.0, b"\xff\xfe\xfd")], extension=None, inside_gzip=False)
def test_mutated_samples_become_articles_or_rejections(samples, folder, name, ops, extension, inside_gzip):
    file, data = samples[name]
    broken = mutate_inside_gzip(data, ops) if inside_gzip and data[:2] == b"\x1f\x8b" else mutate(data, ops)
    ingest_and_account(folder, file_name(file, extension), broken)


# Field values as sources garble them: malformed URLs and dates, markup, controls, any text.
ODD_FIELDS = ("http://[broken/x", "https://a.example:99999/2021/13/45/", "javascript:alert(1)", "", " ",
              "2021-02-30", "9999-12-31T99:99:99", "Mon, 32 Foo 2021 25:61 GMT", "1e309", "NaN", "\x00",
              "<b>bold</b> & <i>", "]]>", "---", "a" * 3000)
field_values = st.one_of(st.sampled_from(ODD_FIELDS), st.text(max_size=40))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | field_values,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8)
JSONL_KEYS = ("id", "guid", "url", "link", "title", "headline", "published", "date", "outlet", "source",
              "author", "text", "content", "body", "html", "tags")


@pytest.mark.timeout(HANG_LIMIT)
@fuzz_settings(examples=40)
@given(items=st.lists(st.dictionaries(st.sampled_from(JSONL_KEYS) | st.text(max_size=8), json_values,
                                      max_size=8), min_size=1, max_size=4),
       with_story=st.booleans())
# urlparse failed on the unclosed bracket, and cleaning stopped: the article was lost
@example(items=[{"url": "http://[broken/x"}], with_story=True)
def test_jsonl_items_with_any_field_values(folder, items, with_story):
    if with_story:
        items = [{**item, "text": " ".join(STORY)} for item in items]
    lines = "\n".join(json.dumps(item) for item in items) + "\n"
    ingest_and_account(folder, "wire.jsonl", lines.encode())


@pytest.mark.timeout(HANG_LIMIT)
@fuzz_settings(examples=40)
@given(container=st.sampled_from(["html", "warc", "rss", "atom", "markdown"]), title=field_values,
       url=field_values, published=field_values, paragraphs=st.lists(field_values, max_size=3))
@example(container="warc", title="T", url="http://[broken/x", published="", paragraphs=[])
def test_pages_and_items_with_any_metadata(folder, container, title, url, published, paragraphs):
    """Titles, URLs and dates as pages, crawls and feeds carry them, garbled."""
    build = folder / f"build.{container}"
    if container == "html":
        build.write_text(html_page(title, STORY + paragraphs, published or None), encoding="utf-8")
    elif container == "warc":
        write_warc(build, [(url or "https://x.example/", html_page(title, STORY + paragraphs, published))])
    elif container in ("rss", "atom"):
        writer = write_rss if container == "rss" else write_atom
        writer(build, [{"title": title, "url": url, "published": published, "paragraphs": STORY + paragraphs}])
    else:
        build.write_text(f"---\ntitle: {title}\ndate: {published}\nurl: {url}\n---\n# {title}\n\n"
                         + "\n\n".join(STORY + paragraphs), encoding="utf-8")
    data = build.read_bytes()
    build.unlink()
    ingest_and_account(folder, build.name, data)


@pytest.mark.timeout(HANG_LIMIT)
@fuzz_settings(examples=40)
@given(data=st.binary(max_size=4096), extension=st.sampled_from(EXTENSIONS))
def test_random_bytes_become_a_rejection_or_an_article(folder, data, extension):
    ingest_and_account(folder, "random" + extension, data)


@pytest.mark.timeout(HANG_LIMIT)
@fuzz_settings(examples=40)
@given(name=st.sampled_from(SAMPLE_NAMES), ops=st.lists(operation, max_size=2),
       max_bytes=st.integers(min_value=1, max_value=6000))
def test_size_limit_rejects_with_a_reason(samples, folder, name, ops, max_bytes):
    """A low --max-bytes cuts through every reader's size check (whole file, JSONL line,
    WARC record, gzip content) without losing the items under the limit."""
    file, data = samples[name]
    ingest_and_account(folder, file, mutate(data, ops), max_bytes=max_bytes)


def test_feed_with_references_to_no_character_keeps_its_items(folder, samples):
    """A reference past U+10FFFF or to a surrogate in one item stopped the whole feed."""
    _, rss = samples["rss"]
    garbled = rss.replace(b"officials said.", b"officials said &#x110000; &#55296; &#99999999999;.", 1)
    result = ingest_and_account(folder, "wire.rss", garbled)
    assert len(result.articles) == 2 and not result.rejections
    assert "\ufffd" in result.articles[0].text


def test_cut_warc_gz_keeps_the_pages_before_the_break(folder, samples):
    _, data = samples["warc.gz"]
    result = ingest_and_account(folder, "crawl.warc.gz", data[: int(len(data) * 0.75)])
    assert len(result.articles) == 1
    assert [r["reason"] for r in result.rejections] == ["truncated"]


def test_jsonl_lone_surrogate_escape_lands_as_a_replacement_character(folder):
    """json.loads turns "\\ud800" into a lone surrogate, which the store could not write:
    the whole run stopped, losing the batch."""
    line = json.dumps({"id": "s", "title": "Broken \\ud800", "text": " ".join(STORY)}).replace("\\\\", "\\")
    result = ingest_and_account(folder, "wire.jsonl", (line + "\n").encode())
    (article,) = result.articles
    assert article.title == "Broken \ufffd"


def test_jsonl_nested_past_the_stack_is_one_rejected_line(folder):
    deep = '{"id": "d", "text": "x", "deep": ' + "[" * 5000 + "]" * 5000 + "}"
    good = json.dumps({"id": "g", "text": " ".join(STORY)})
    result = ingest_and_account(folder, "wire.jsonl", f"{deep}\n{good}\n".encode())
    assert [a.external_id for a in result.articles] == ["g"]
    assert [(r["position"], r["reason"]) for r in result.rejections] == [("line 1", "bad-json")]
    assert "nests more than" in result.rejections[0]["detail"]


def test_warc_page_in_utf7_is_stored(folder):
    """UTF-7 decodes "+2AA-" to a lone surrogate; the page must still land."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-7")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://x.example/a", "response", http_headers=headers,
        payload=io.BytesIO(html_page("Title +2AA-", STORY).encode())))
    result = ingest_and_account(folder, "crawl.warc.gz", buffer.getvalue())
    assert len(result.articles) == 1 and STORY[0] in result.articles[0].text
