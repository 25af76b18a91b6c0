"""What an input holds, read from its first bytes (the extension is only a hint)."""
from __future__ import annotations

import gzip
import json
import re
import zlib

SNIFF_BYTES = 65_536
BINARY_MAGIC = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x7fELF": "an executable", b"BZh": "a bzip2 archive", b"\xfd7zXZ": "an xz archive",
    b"7z\xbc\xaf": "a 7-Zip archive", b"RIFF": "a media file", b"\x00\x00\x00": "a binary file",
    b"SQLite format 3": "an SQLite database", b"OggS": "an audio file", b"ID3": "an MP3 file",
}
# Share of control characters (other than tab, newline, form feed, carriage return) above
# which bytes are not text. Real text has none; 3% leaves room for a few stray bytes.
MAX_CONTROL_SHARE = 0.03


def binary_kind(head: bytes) -> str | None:
    """A description of binary content, or None when the bytes may be text."""
    for magic, kind in BINARY_MAGIC.items():
        if head.startswith(magic):
            return kind
    sample = head[:8192]
    if not sample:
        return None
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16: every other byte of Latin text is NUL; count controls among characters
        sample = sample[: len(sample) // 2 * 2].decode("utf-16", errors="replace").encode("utf-8")
    elif b"\x00" in sample:
        return "a binary file (it contains NUL bytes)"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > MAX_CONTROL_SHARE * len(sample):
        return "a binary file (too many control bytes for text)"
    return None


def gunzip_head(data: bytes, limit: int = SNIFF_BYTES) -> bytes | None:
    """The first bytes inside a gzip stream, or None when it cannot be opened."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[: limit * 4], limit)
    except zlib.error:
        return None


def sniff_text(head: str, name: str) -> str:
    """The format of decoded text: warc, jsonl, feed, html, markdown or text."""
    start = head.lstrip("\ufeff \t\r\n")
    lower = start[:4096].lower()
    if start.startswith("WARC/"):
        return "warc"
    if start.startswith("{") and _first_line_is_json(start):
        return "jsonl"
    if re.search(r"<(?:rss|feed|rdf:rdf)\b", lower) and (lower.startswith("<?xml") or
                                                         re.match(r"<(?:rss|feed|rdf:rdf)\b", lower)):
        return "feed"
    if re.search(r"<!doctype html|<html\b|<body\b|<head\b", lower) or \
            len(re.findall(r"<(?:p|div|article|br|span|h[1-6])\b", lower)) >= 3:
        return "html"
    if name.lower().endswith((".md", ".markdown")) or start.startswith("---\n") or \
            re.match(r"#{1,3} \S", start):
        return "markdown"
    return "text"


def _first_line_is_json(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    try:
        return isinstance(json.loads(first), dict)
    except RecursionError:
        return True    # an object nested too deep to parse: the JSONL reader says so
    except ValueError:
        # A very long first line may be cut by the sniff window: trust its shape.
        return len(first) >= SNIFF_BYTES // 2 and first.startswith('{"')


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"


def gzip_member_ok(data: bytes) -> bool:
    try:
        gzip.decompress(data)
        return True
    except (OSError, EOFError, zlib.error):
        return False
