"""Bytes to text, detecting the encoding (news pages in cp1252 and latin-1 are common)."""
from __future__ import annotations

import codecs
import re

from frontwatch.errors import FrontwatchError

# Encodings that charset detection may report for Western European text. When the bytes
# also decode as cp1252 we use cp1252: it is latin-1 plus the curly quotes and dashes
# (0x80-0x9F) that news pages are full of, and a misreport among these is the usual case.
WESTERN = {"cp1252", "windows_1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250",
           "windows_1250", "mac_roman", "iso8859_2", "cp850", "ascii"}
MAX_REPLACEMENT_SHARE = 0.01
# A lone surrogate is no character: UTF-7, a JSON "\\ud800" escape without its pair and a
# few codecs decode to one, and the store (UTF-8) could not write the text.
LONE_SURROGATE_RX = re.compile("[\ud800-\udfff]")


class DecodeError(FrontwatchError):
    pass


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", head[:4096], re.I) or \
        re.search(rb"""<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", head[:512], re.I)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding). Raises DecodeError when no encoding reads the bytes as text."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # replace, not fail: a file cut at an odd byte still reads (its first bytes are sniffed)
        text = data.decode("utf-16", errors="replace")
        if text.count("\ufffd") > MAX_REPLACEMENT_SHARE * max(len(text), 1):
            raise DecodeError("the bytes start with a UTF-16 byte-order mark but are not UTF-16")
        return text, "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return without_lone_surrogates(data.decode(declared)), declared
        except (UnicodeDecodeError, LookupError):
            pass
    return _mixed_lines(data) or _detected(data)


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """Text pasted together from sources in different encodings: each line that reads as
    UTF-8 (and is not plain ASCII) is UTF-8, the other lines are read in the encoding
    detected for them. None when no line is UTF-8 beyond ASCII (one encoding throughout)."""
    lines = data.splitlines(keepends=True)
    utf8 = [_utf8_or_none(line) for line in lines]
    if not any(text is not None and not line.isascii() for line, text in zip(lines, utf8)):
        return None
    _, encoding = _detected(b"".join(line for line, text in zip(lines, utf8) if text is None))
    text = "".join(t if t is not None else line.decode(encoding, errors="replace")
                   for line, t in zip(lines, utf8))
    return without_lone_surrogates(text), f"utf-8+{encoding}"


def _utf8_or_none(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD, the replacement character."""
    return LONE_SURROGATE_RX.sub("\ufffd", text)


def _detected(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("the bytes are not text in any known encoding")
    encoding = codecs.lookup(best.encoding).name.replace("-", "_")
    if encoding in WESTERN:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
    text = without_lone_surrogates(str(best))
    if text.count("\ufffd") > MAX_REPLACEMENT_SHARE * max(len(text), 1):
        raise DecodeError(f"the bytes decode badly even as {best.encoding}")
    return text, best.encoding
