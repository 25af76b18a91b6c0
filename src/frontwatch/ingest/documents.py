"""Single-document inputs: a text, Markdown or HTML file is one article."""
from __future__ import annotations

from collections.abc import Iterator

from frontwatch.records import RawDocument

BODY_KIND = {"html": "html", "markdown": "text", "text": "text"}


def read_document(source: str, text: str, fmt: str, encoding: str) -> Iterator[RawDocument]:
    yield RawDocument(source=source, position=None, input_format=fmt, body=text,
                      body_kind=BODY_KIND[fmt], encoding=encoding)
