"""WARC and WARC.gz files: each HTML response record is one page."""
from __future__ import annotations

from collections.abc import Iterator
import zlib
from typing import BinaryIO

from frontwatch.ingest.decode import DecodeError, decode_bytes
from frontwatch.ingest.skipped import Skipped
from frontwatch.records import RawDocument, Rejection

PAGE_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _decode(payload: bytes, content_type: str) -> tuple[str, str]:
    charset = _charset(content_type)
    if charset:
        try:
            return payload.decode(charset), charset
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(payload)


def _page(source: str, position: str, record, max_bytes: int) -> RawDocument | Rejection | Skipped:
    url = record.rec_headers.get_header("WARC-Target-URI")
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers else
                    record.rec_headers.get_header("Content-Type")) or ""
    status = headers.get_statuscode() if headers else "200"
    if not content_type.lower().startswith(PAGE_TYPES):
        return Skipped(source, position, f"{content_type.split(';')[0] or 'untyped'} response")
    if status != "200":
        return Skipped(source, position, f"HTTP {status} response")
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Rejection(source, position, "ingest", "too-large",
                         f"the record's page is over the limit of {max_bytes:,} bytes "
                         "(raise it with --max-bytes)")
    try:
        text, encoding = _decode(payload, content_type)
    except DecodeError as exc:
        return Rejection(source, position, "ingest", "undecodable", f"{exc}: {url}")
    return RawDocument(
        source=source, position=position, input_format="warc", body=text, body_kind="html",
        url=url, encoding=encoding,
        metadata={"crawled": record.rec_headers.get_header("WARC-Date"),
                  "warc_record_id": record.rec_headers.get_header("WARC-Record-ID")},
    )


def read_warc(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[RawDocument | Rejection | Skipped]:
    """Pages from a WARC stream; a truncated file keeps the records before the break."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    iterator = ArchiveIterator(stream)
    try:
        for record in iterator:
            count += 1
            position = f"record {count} at byte {iterator.get_record_offset()}"
            if record.rec_type in ("response", "resource"):
                yield _page(source, position, record, max_bytes)
            else:
                yield Skipped(source, position, f"WARC {record.rec_type} record")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
        yield Rejection(source, f"after record {count}", "ingest", "truncated",
                        f"the WARC stream breaks off ({type(exc).__name__}: {exc}); the "
                        f"{count} record(s) before the break were read. Download the file again "
                        "for the rest")
