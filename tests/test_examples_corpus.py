"""The sample corpus (examples/) and its golds (eval/examples/) agree with each other.

These tests read the corpus with the standard library and warcio only, never with the
frontwatch pipeline, so a pipeline bug cannot make them pass or fail.
"""
from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "eval" / "examples"
SEED_ARTICLES = ROOT.parent / "shared" / "seeds" / "articles"

CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"
ATOM_NS = "{http://www.w3.org/2005/Atom}"

EVENT_KINDS = {"captured", "recaptured", "entered", "besieged", "surrendered", "withdrew"}
CONTROLLERS = {"Taliban", "Afghan government"}
PLACE_TYPES = {"city", "district", "province", "other"}
DATE_BASES = {"explicit", "relative", "publication"}
FACTUALITY = {"asserted", "uncertain"}
COPY_KINDS = {"verbatim", "near-verbatim", "rewrite", "not-copy"}
STATES = {"held", "contested", "besieged"}
EVENT_FIELDS = ["article", "place", "place_type", "country", "new_controller",
                "previous_controller", "event", "date", "date_basis", "factuality", "quote",
                "accept_dates", "note"]
DATE_RE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
SEED_SPAN = 60            # a copied span this long or longer fails the test


# --------------------------------------------------------------------------- reading

def strip_tags(markup: str) -> str:
    """Visible text of an HTML fragment or page: no scripts/styles, tags become breaks."""
    markup = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>", " ", markup)
    markup = re.sub(r"(?s)<!--.*?-->", " ", markup)
    markup = re.sub(r"(?i)</?(p|div|br|h[1-6]|li|ul|ol|article|header|footer|nav|aside|main|section|tr|td|title)\b[^>]*>", "\n", markup)
    markup = re.sub(r"(?s)<[^>]+>", "", markup)
    return html.unescape(markup)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_charset(data: bytes, default: str = "utf-8") -> str:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:2048], re.I)
    return m.group(1).decode("ascii").lower() if m else default


def read_warc(path: Path) -> list[dict]:
    from warcio.archiveiterator import ArchiveIterator

    items = []
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            body = record.content_stream().read()
            ctype = record.http_headers.get_header("Content-Type") or ""
            m = re.search(r"charset=([\w-]+)", ctype)
            charset = m.group(1) if m else html_charset(body)
            items.append({"id": record.rec_headers.get_header("WARC-Target-URI"),
                          "format": "warc", "raw": body.decode(charset),
                          "text": strip_tags(body.decode(charset))})
    return items


def read_feed(path: Path) -> list[dict]:
    root = ET.parse(path).getroot()
    items = []
    if root.tag == "rss":
        for item in root.iter("item"):
            content = item.findtext(CONTENT_NS) or item.findtext("description") or ""
            items.append({"id": item.findtext("link"), "format": "rss", "raw": content,
                          "text": strip_tags(content), "published": item.findtext("pubDate")})
    elif root.tag == ATOM_NS + "feed":
        for entry in root.iter(ATOM_NS + "entry"):
            link = entry.find(ATOM_NS + "link")
            content = entry.findtext(ATOM_NS + "content") or ""
            items.append({"id": link.get("href") if link is not None else None, "format": "atom",
                          "raw": content, "text": strip_tags(content),
                          "published": entry.findtext(ATOM_NS + "updated")})
    return items


def load_corpus() -> dict[str, dict]:
    """Every article in examples/, keyed as the golds name them."""
    items: dict[str, dict] = {}

    def add(key: str, item: dict) -> None:
        assert key not in items, f"two articles share the key {key}"
        items[key] = item

    for path in sorted(EXAMPLES.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(EXAMPLES).as_posix()
        data = path.read_bytes()
        if name.endswith(".warc.gz"):
            for item in read_warc(path):
                add(item["id"], item)
        elif name.endswith(".jsonl"):
            for line in data.decode("utf-8").splitlines():
                obj = json.loads(line)
                raw = obj.get("text") or obj.get("html") or ""
                text = obj["text"] if "text" in obj else strip_tags(obj["html"])
                add(obj["url"], {"id": obj["url"], "format": "jsonl", "raw": raw, "text": text,
                                 "published": obj.get("published")})
        elif name.endswith(".xml"):
            for item in read_feed(path):
                add(item["id"], item)
        elif name.endswith((".html", ".htm")):
            raw = data.decode(html_charset(data))
            add(name, {"id": name, "format": "html", "raw": raw, "text": strip_tags(raw)})
        elif name.endswith((".txt", ".md")):
            raw = data.decode("utf-8")
            add(name, {"id": name, "format": "markdown" if name.endswith(".md") else "text",
                       "raw": raw, "text": raw})
        else:
            raise AssertionError(f"examples/ holds a file that is not an article: {name}")
    return items


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus() -> dict[str, dict]:
    return load_corpus()


@pytest.fixture(scope="module")
def events() -> list[dict]:
    return load_jsonl(GOLD / "events.gold.jsonl")


@pytest.fixture(scope="module")
def control() -> dict:
    return json.loads((GOLD / "control.gold.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- corpus

def test_corpus_size_and_lengths(corpus):
    assert 25 <= len(corpus) <= 40, len(corpus)
    for key, item in corpus.items():
        words = len(norm(item["text"]).split())
        assert 120 <= words <= 500, f"{key}: {words} words"


def test_every_supported_format_is_present(corpus):
    formats = Counter(item["format"] for item in corpus.values())
    for fmt in ("text", "markdown", "html", "jsonl", "warc", "rss"):
        assert formats[fmt] >= 1, f"no {fmt} article in examples/ ({dict(formats)})"
    assert formats["warc"] >= 3 and 5 <= formats["jsonl"] <= 8
    assert any(p.suffix == ".md" and p.read_text(encoding="utf-8").startswith("---\n")
               for p in EXAMPLES.glob("*.md")), "no markdown file with YAML front matter"


def test_jsonl_feed_fields():
    items = load_jsonl(EXAMPLES / "feed_wire.jsonl")
    assert sum("html" in it for it in items) in (1, 2)
    for it in items:
        for field in ("id", "url", "title", "published", "outlet"):
            assert it.get(field), f"{it.get('id')}: no {field}"
        assert ("text" in it) != ("html" in it)
        assert re.search(r"[+-]\d{2}:\d{2}$", it["published"]), it["published"]
        assert set(it) - {"id", "url", "title", "published", "outlet", "text", "html"}, \
            "feed items should carry an extra metadata field"


def test_warc_has_warcinfo_request_and_responses():
    from warcio.archiveiterator import ArchiveIterator

    with (EXAMPLES / "crawl_aug2021.warc.gz").open("rb") as fh:
        kinds = Counter(r.rec_type for r in ArchiveIterator(fh))
    assert kinds["warcinfo"] == 1 and kinds["request"] >= 1 and 3 <= kinds["response"] <= 5
    with gzip.open(EXAMPLES / "crawl_aug2021.warc.gz", "rb") as fh:
        assert fh.read(8) == b"WARC/1.1"


def test_feed_items_carry_full_content_and_dates():
    items = read_feed(EXAMPLES / "feed_regional.xml")
    assert 3 <= len(items) <= 4
    for item in items:
        assert item["published"] and len(norm(item["text"]).split()) >= 100


def test_cp1252_page_is_not_utf8():
    data = (EXAMPLES / "continental_courier_lashkar_gah.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1252")
    assert 'charset="windows-1252"' in text
    assert "\u00e9" in text and "\u201c" in text and "\u2019" in text


def test_generated_files_are_up_to_date():
    """scripts/build_examples.py rebuilds the WARC and the cp1252 page byte for byte."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_examples.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_article_has_no_date_at_all(corpus):
    undated = corpus["frontier_voice_spin_boldak.txt"]["text"]
    months = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    assert not re.search(rf"\b(19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}\b|\b({months})[a-z]*\.?\s+\d", undated)


def _spans(text: str, size: int) -> set[str]:
    words = norm(text).lower().split()
    out = set()
    for i in range(len(words)):
        span = ""
        for w in words[i:]:
            span = f"{span} {w}" if span else w
            if len(span) >= size:
                out.add(span)
                break
    return out


@pytest.mark.seeds
def test_no_seed_text_in_examples(corpus):
    seed_spans: set[str] = set()
    for path in SEED_ARTICLES.glob("*"):
        seed_spans |= _spans(path.read_text(encoding="utf-8", errors="replace"), SEED_SPAN)
    ours = " \n ".join(norm(item["text"]).lower() for item in corpus.values())
    copied = sorted(s for s in seed_spans if s in ours)
    assert not copied, f"seed text in examples/: {copied[:3]}"


# --------------------------------------------------------------------------- golds

def test_golds_live_outside_examples():
    assert not any(p.name.endswith((".gold.jsonl", ".gold.json")) or p.name.lower().startswith("readme")
                   for p in EXAMPLES.rglob("*"))
    for name in ("events.gold.jsonl", "copies.gold.jsonl", "control.gold.json", "README.md"):
        assert (GOLD / name).is_file(), name


def test_event_gold_fields_and_values(corpus, events):
    assert len(events) >= 60
    for i, ev in enumerate(events, 1):
        where = f"events.gold.jsonl line {i}"
        assert list(ev) == EVENT_FIELDS, f"{where}: fields {list(ev)}"
        assert ev["article"] in corpus, f"{where}: no article {ev['article']}"
        assert ev["place_type"] in PLACE_TYPES and ev["country"] == "AF", where
        assert ev["event"] in EVENT_KINDS, where
        assert ev["new_controller"] in CONTROLLERS | {None}, where
        assert ev["previous_controller"] in CONTROLLERS | {None}, where
        assert ev["new_controller"] != ev["previous_controller"] or ev["new_controller"] is None, where
        assert ev["factuality"] in FACTUALITY, where
        assert (ev["date"] is None) == (ev["date_basis"] is None), where
        assert ev["date"] is None or DATE_RE.match(ev["date"]), where
        assert ev["date_basis"] in DATE_BASES | {None}, where
        assert ev["accept_dates"] is None or all(d is None or DATE_RE.match(d) for d in ev["accept_dates"]), where
        if ev["event"] == "recaptured":
            assert ev["new_controller"] == "Afghan government", where


def test_event_quotes_are_exact_substrings(corpus, events):
    for i, ev in enumerate(events, 1):
        item = corpus[ev["article"]]
        assert ev["quote"] in item["text"] or norm(ev["quote"]) in norm(item["text"]), \
            f"events.gold.jsonl line {i}: quote not in {ev['article']}: {ev['quote']!r}"


def test_every_event_kind_is_exercised(events):
    kinds = Counter(ev["event"] for ev in events)
    assert set(kinds) == EVENT_KINDS, kinds
    assert any(ev["date"] is None for ev in events), "no undated event"
    assert any(ev["factuality"] == "uncertain" for ev in events)
    assert any(ev["date"] and len(ev["date"]) == 4 for ev in events), "no year-precision event"


def test_no_event_is_recorded_twice(events):
    keys = Counter((ev["article"], ev["place"], ev["event"], ev["date"], ev["new_controller"]) for ev in events)
    assert not [k for k, n in keys.items() if n > 1]


def test_copies_gold(corpus):
    pairs = load_jsonl(GOLD / "copies.gold.jsonl")
    seen = set()
    for i, pair in enumerate(pairs, 1):
        assert set(pair) >= {"a", "b", "kind"}, i
        assert pair["kind"] in COPY_KINDS, i
        assert pair["a"] in corpus and pair["b"] in corpus and pair["a"] != pair["b"], i
        key = frozenset((pair["a"], pair["b"]))
        assert key not in seen, f"pair listed twice: line {i}"
        seen.add(key)
    kinds = Counter(p["kind"] for p in pairs)
    assert kinds["verbatim"] >= 1 and kinds["near-verbatim"] >= 1 and kinds["rewrite"] >= 1
    assert kinds["not-copy"] >= 1
    # copy pairs are closed under transitivity: a cluster lists every pair of its members
    copies = [p for p in pairs if p["kind"] != "not-copy"]
    members = {m for p in copies for m in (p["a"], p["b"])}
    linked = {frozenset((p["a"], p["b"])) for p in copies}
    for a in members:
        for b in members:
            if a < b and any(frozenset((a, c)) in linked and frozenset((c, b)) in linked for c in members):
                assert frozenset((a, b)) in linked, f"cluster pair missing: {a} / {b}"


def test_verbatim_copies_share_their_text(corpus):
    """A verbatim pair shares every body paragraph of the shorter; a near-verbatim pair most."""
    for pair in load_jsonl(GOLD / "copies.gold.jsonl"):
        if pair["kind"] not in ("verbatim", "near-verbatim"):
            continue
        a, b = (norm(corpus[k]["text"]) for k in (pair["a"], pair["b"]))
        sentences = [s for s in re.split(r"(?<=[.!?\"])\s+", min(a, b, key=len)) if len(s) > 60]
        shared = sum(s in max(a, b, key=len) for s in sentences) / len(sentences)
        floor = 0.95 if pair["kind"] == "verbatim" else 0.6
        assert shared >= floor, f"{pair['a']} / {pair['b']}: {shared:.2f} of sentences shared"


def _event_key(ref: dict) -> tuple:
    return (ref["article"], ref["place"], ref["event"], ref["date"])


def test_control_gold_matches_events(events, control):
    by_key = {(ev["article"], ev["place"], ev["event"], ev["date"]): ev for ev in events}
    used = Counter()
    for place in control["places"]:
        assert set(place) >= {"name", "place_type", "province", "aliases", "states", "unconfirmed"}
        assert place["place_type"] in PLACE_TYPES
        last = ""
        for state in place["states"]:
            assert state["state"] in STATES and DATE_RE.match(state["from"])
            assert state["by"] in CONTROLLERS | {None}
            assert state["from"] >= last, f"{place['name']}: states out of order"
            last = state["from"]
            assert state["events"], f"{place['name']} {state['from']}: no events"
        for ref in [r for s in place["states"] for r in s["events"]] + place["unconfirmed"]:
            key = _event_key(ref)
            assert key in by_key, f"{place['name']}: no such gold event {key}"
            assert by_key[key]["place"] in place["aliases"], f"{place['name']}: alias {key[1]} missing"
            used[key] += 1
        for ref in place["unconfirmed"]:
            assert by_key[_event_key(ref)]["factuality"] == "uncertain"
    # every gold event with a date lands in exactly one place of the timeline
    for key, ev in by_key.items():
        if ev["date"] is not None:
            assert used[key] == 1, f"event {key} used {used[key]} times in control.gold.json"


def test_control_states_follow_from_their_events(events, control):
    by_key = {(ev["article"], ev["place"], ev["event"], ev["date"]): ev for ev in events}
    implied = {"captured": "held", "surrendered": "held", "withdrew": "held", "recaptured": "held",
               "entered": "contested", "besieged": "besieged"}
    for place in control["places"]:
        for state in place["states"]:
            evs = [by_key[_event_key(r)] for r in state["events"]]
            asserted = [e for e in evs if e["factuality"] == "asserted"]
            assert asserted, f"{place['name']} {state['from']}: no asserted event"
            kinds = {implied[e["event"]] for e in asserted}
            assert state["state"] in kinds, f"{place['name']} {state['from']}: {state['state']} vs {kinds}"
            dates = [e["date"] for e in asserted if e["date"] and implied[e["event"]] == state["state"]]
            days = [d for d in dates if len(d) == 10] or dates       # a year-only mention fuses with a dated one
            first = min(days)
            assert state["from"] in (first, *state.get("accept_from", [])), \
                f"{place['name']}: state from {state['from']}, earliest event {first}"
            if state["state"] == "held":
                holders = {e["new_controller"] for e in asserted if implied[e["event"]] == "held"}
                assert holders == {state["by"]}, f"{place['name']} {state['from']}: {holders}"


def test_tallies_follow_from_the_timeline(control):
    def holder_on(place: dict, day: str):
        held = None
        for state in place["states"]:
            if state["from"] <= day:
                held = state["by"] if state["state"] == "held" else held
        return held

    capitals = [p for p in control["places"] if p.get("provincial_capital")]
    assert len(capitals) >= 15
    for day, tally in control["tallies"].items():
        held = sorted(p["name"] for p in capitals if holder_on(p, day) == "Taliban")
        assert tally["provincial_capitals_held_by_taliban"] == len(held), (day, held)
        assert sorted(tally["places"]) == held, day
    counts = [t["provincial_capitals_held_by_taliban"] for t in control["tallies"].values()]
    assert counts == sorted(counts) and counts[0] >= 1
    assert set(control["tallies"]) == {"2021-08-06", "2021-08-08", "2021-08-10", "2021-08-13", "2021-08-15"}


def test_traps_gold_quotes_exist(corpus):
    traps = load_jsonl(GOLD / "traps.gold.jsonl")
    kinds = Counter(t["kind"] for t in traps)
    for kind in ("aggregate", "forecast", "negation", "hypothetical", "denial", "casualties",
                 "page-date", "embedded-date", "no-date", "spelling-variant"):
        assert kinds[kind] >= 1, f"no {kind} trap recorded"
    for i, trap in enumerate(traps, 1):
        assert trap["article"] in corpus, f"traps line {i}"
        if trap["quote"] is not None:
            assert norm(trap["quote"]) in norm(corpus[trap["article"]]["text"]), \
                f"traps.gold.jsonl line {i}: quote not in {trap['article']}: {trap['quote']!r}"


def test_article_metadata_gold(corpus):
    rows = load_jsonl(GOLD / "articles.gold.jsonl")
    assert sorted(r["article"] for r in rows) == sorted(corpus)
    for row in rows:
        item = corpus[row["article"]]
        assert row["format"] == item["format"]
        assert row["published_from"] in {"feed", "html-meta", "json-ld", "byline", "dateline", "front-matter", None}
        assert (row["published"] is None) == (row["published_from"] is None)
        if row["published"]:
            assert row["published_date"] == row["published"][:10] and DATE_RE.match(row["published_date"])
        if item["format"] == "jsonl":
            assert row["published"] == item["published"]
        if row["published_from"] == "html-meta":
            assert f'content="{row["published"]}"' in item["raw"]
        if item["format"] in ("text", "markdown", "html"):
            assert html.unescape(row["title"]) in html.unescape(item["raw"]), row["article"]


def test_event_dates_agree_with_publication(events):
    published = {r["article"]: r["published_date"] for r in load_jsonl(GOLD / "articles.gold.jsonl")}
    for i, ev in enumerate(events, 1):
        pub = published[ev["article"]]
        where = f"events.gold.jsonl line {i}"
        if pub is None:
            assert ev["date_basis"] in (None, "explicit"), f"{where}: relative date with no publication date"
            continue
        if ev["date"] is not None:
            assert ev["date"] <= pub, f"{where}: event after publication"
        if ev["date_basis"] == "publication":
            assert ev["date"] == pub, where
        if ev["date_basis"] == "relative":
            assert "2021-06-01" <= ev["date"] <= pub, where
