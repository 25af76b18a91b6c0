"""WARC and WARC.gz files: each HTML response record is one page."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
import zlib
from typing import BinaryIO

from frontwatch.ingest.decode import DecodeError, decode_bytes, without_lone_surrogates
from frontwatch.ingest.skipped import Skipped
from frontwatch.records import RawDocument, Rejection

PAGE_TYPES = ("text/html", "application/xhtml+xml")
TAIL_PEEK_BYTES = 4096   # after the last record only blank lines may follow; this many are looked at


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
            return without_lone_surrogates(payload.decode(charset)), charset
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(payload)


def _read_up_to(stream, limit: int) -> bytes:
    """Read until EOF or ``limit`` bytes: warcio's streams may return short reads."""
    chunks, size = [], 0
    while size < limit:
        chunk = stream.read(min(1 << 16, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


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
    payload = _read_up_to(record.content_stream(), max_bytes + 1)
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


def complete_until(stream: BinaryIO) -> int:
    """The byte offset up to which a WARC stream is whole.

    warcio reads a cut-off file without complaint, so we check: for gzip'd WARCs, the end
    of the last complete gzip member (each record is one member); otherwise the size.
    """
    stream.seek(0)
    head = stream.read(2)
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    if head != b"\x1f\x8b":
        return size
    offset = member_start = 0
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while chunk := stream.read(1 << 20):
            while chunk:
                inflater.decompress(chunk, 1 << 22)
                consumed = len(chunk) - len(inflater.unused_data)
                if inflater.eof:
                    offset, chunk = offset + consumed, inflater.unused_data
                    member_start = offset
                    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                else:
                    offset, chunk = offset + len(chunk), inflater.unconsumed_tail
    except zlib.error:
        pass
    finally:
        stream.seek(0)
    return member_start


def _record_whole(record, offset: int, whole_until: int, compressed: bool) -> bool:
    """Whether the record, now read to its end, was all there.

    A cut-off record reads short: its Content-Length is not used up (warcio's reader
    counts down what is left). A gzip'd record must also end before the last whole member.
    """
    used_up = getattr(record.raw_stream, "limit", None) == 0   # None: no Content-Length read
    return used_up and (offset < whole_until if compressed else True)


def _rest_is_blank(stream: BinaryIO, end: int, whole_until: int, compressed: bool) -> bool:
    """Whether nothing but blank lines follows the last record read: a record cut inside
    its headers (or its gzip header) is not read as a record at all."""
    if compressed:
        stream.seek(0, 2)
        return whole_until >= stream.tell()
    stream.seek(end)
    return not stream.read(TAIL_PEEK_BYTES).strip()


def read_warc(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[RawDocument | Rejection | Skipped]:
    """Pages from a WARC stream; a truncated file keeps the records before the break."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    whole_until = complete_until(stream)
    size = stream.seek(0, 2)
    stream.seek(0)
    compressed = stream.read(2) == b"\x1f\x8b"
    stream.seek(0)
    whole, iterator = 0, ArchiveIterator(stream)
    try:
        for record in iterator:
            count = whole + 1
            if record.rec_type in ("response", "resource"):
                part = _page(source, f"record {count}", record, max_bytes)
            else:
                part = Skipped(source, f"record {count}", f"WARC {record.rec_type} record")
            # Only now: warcio reads the record to its end to report where it started.
            offset = iterator.get_record_offset()
            if not _record_whole(record, offset, whole_until, compressed):
                raise EOFError(f"record {count} at byte {offset} is cut off")
            yield replace(part, position=f"record {count} at byte {offset}")
            whole = count
        if not _rest_is_blank(stream, iterator.offset, whole_until, compressed):
            raise EOFError(f"the bytes after record {whole} are no whole record")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
        yield Rejection(source, f"record {whole + 1}", "ingest", "truncated",
                        f"the WARC file breaks off ({exc}); the {whole} record(s) before the "
                        "break were read. Download the file again for the rest")
    except (AttributeError, IndexError, KeyError, TypeError) as exc:
        # warcio's parser fails this way on record headers that are cut off or garbled
        yield _unparsable(source, count, exc, cut=compressed and whole_until < size)


def _unparsable(source: str, count: int, exc: Exception, cut: bool) -> Rejection:
    whole = count - 1 if count else 0
    return Rejection(source, f"record {count}", "ingest", "truncated" if cut else "bad-warc",
                     f"the WARC file {'breaks off' if cut else 'is damaged'} (a record cannot be "
                     f"parsed: {type(exc).__name__}: {exc}); the {whole} record(s) before it were "
                     "read. Download the file again for the rest")
