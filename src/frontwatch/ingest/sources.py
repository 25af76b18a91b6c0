"""Open one input file, tell its format from its content, and read its items."""
from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from frontwatch.errors import FrontwatchError
from frontwatch.ingest.decode import DecodeError, decode_bytes
from frontwatch.ingest.detect import SNIFF_BYTES, binary_kind, gunzip_head, is_gzip, sniff_text
from frontwatch.ingest.documents import read_document
from frontwatch.ingest.feeds import read_feed
from frontwatch.ingest.jsonl import read_jsonl, read_jsonl_stream
from frontwatch.ingest.skipped import Skipped
from frontwatch.ingest.warc import read_warc
from frontwatch.records import RawDocument, Rejection

Item = RawDocument | Rejection | Skipped


@dataclass(frozen=True)
class InputFile:
    path: Path
    source: str          # the path as the user will recognise it
    size: int
    sha256: str
    format: str          # warc, jsonl, feed, html, markdown, text, gzip, binary, empty


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class UnreadableInput(FrontwatchError):
    """A listed input that cannot be read as a file: gone since, a pipe or a device, or denied."""


def describe(path: Path, source: str) -> InputFile:
    """What the file is; UnreadableInput when it is no longer there or is no regular file
    (opening a pipe would wait for a writer forever)."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableInput("it is not a regular file (a pipe, socket or device); "
                                  "copy its content into a file and ingest that")
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
        return InputFile(path, source, status.st_size, file_sha256(path), _format_of(head, path.name))
    except OSError as exc:
        raise UnreadableInput(unreadable_reason(exc)) from exc


def unreadable_reason(exc: OSError) -> str:
    return (f"it could not be read ({exc.strerror or exc}); check that the file is still there "
            "and readable, then ingest it again")


def _format_of(head: bytes, name: str) -> str:
    if not head.strip():
        return "empty"
    if is_gzip(head):
        inner = gunzip_head(head)
        if inner is None:
            return "gzip"
        return "warc" if inner.startswith(b"WARC/") else "gzip"
    if binary_kind(head):
        return "binary"
    try:
        text, _ = decode_bytes(head)
    except DecodeError:
        return "text"   # read_items rejects it with the reason
    return sniff_text(text, name)


def read_items(item: InputFile, max_bytes: int) -> Iterator[Item]:
    """Every article, rejection and skipped part of one input file."""
    if item.format == "empty":
        yield Rejection(item.source, None, "ingest", "empty", "the file is empty")
    elif item.format == "binary":
        with open(item.path, "rb") as fh:
            kind = binary_kind(fh.read(SNIFF_BYTES))
        yield Rejection(item.source, None, "ingest", "binary",
                        f"the file is {kind}, not text, HTML, JSONL, WARC or a feed; "
                        "convert it to text first")
    elif item.format == "warc":
        with open(item.path, "rb") as fh:
            yield from read_warc(item.source, fh, max_bytes)
    elif item.format == "jsonl":
        with open(item.path, "rb") as fh:
            yield from read_jsonl_stream(item.source, _utf8_stream(fh), max_bytes)
    elif item.format == "gzip":
        yield from _read_gzip(item, max_bytes)
    elif item.size > max_bytes:
        yield _too_large(item.source, item.size, max_bytes)
    else:
        yield from _read_whole(item.source, item.path.read_bytes(), item.path.name, max_bytes)


def _too_large(source: str, size: int, max_bytes: int) -> Rejection:
    return Rejection(source, None, "ingest", "too-large",
                     f"the input is {size:,} bytes, over the limit of {max_bytes:,} "
                     "(raise it with --max-bytes or the max_input_bytes setting)")


class _Utf8Lines:
    """A UTF-16 file's lines as UTF-8 bytes, for the line readers, which split on newline bytes."""

    def __init__(self, fh: BinaryIO):
        self._text = io.TextIOWrapper(fh, encoding="utf-16", errors="replace", newline="")

    def readline(self, limit: int = -1) -> bytes:
        return self._text.readline(limit).encode("utf-8")


def _utf8_stream(fh: BinaryIO):
    """``fh`` itself, or its lines recoded to UTF-8 when it starts with a UTF-16 byte-order mark."""
    head = fh.read(2)
    fh.seek(0)
    return _Utf8Lines(fh) if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else fh


def _read_whole(source: str, data: bytes, name: str, max_bytes: int) -> Iterator[Item]:
    kind = binary_kind(data[:SNIFF_BYTES])
    if kind:
        yield Rejection(source, None, "ingest", "binary", f"the content is {kind}, not text")
        return
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        yield Rejection(source, None, "ingest", "undecodable",
                        f"{exc}; save the file as UTF-8 and ingest it again")
        return
    fmt = sniff_text(text[:SNIFF_BYTES], name)
    if fmt == "jsonl":
        yield from read_jsonl(source, data.splitlines(), max_bytes)
    elif fmt == "feed":
        yield from read_feed(source, data)
    elif fmt == "warc":
        import io
        yield from read_warc(source, io.BytesIO(data), max_bytes)
    else:
        yield from read_document(source, text, fmt, encoding)


def _read_gzip(item: InputFile, max_bytes: int) -> Iterator[Item]:
    """A gzip'd JSONL, feed or page: decompressed (within the size limit) and read."""
    try:
        with gzip.open(item.path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(item.source, None, "ingest", "truncated",
                        f"the gzip stream cannot be read to its end ({exc}); "
                        "download or compress the file again")
        return
    if len(data) > max_bytes:
        yield Rejection(item.source, None, "ingest", "too-large",
                        f"the gzip file expands to more than {max_bytes:,} bytes, the limit; reading "
                        "stopped there (raise it with --max-bytes, or split the file before "
                        "compressing it)")
        return
    name = item.path.name[:-3] if item.path.name.endswith(".gz") else item.path.name
    yield from _read_whole(item.source, data, name, max_bytes)
