"""Markdown articles: front matter for metadata, light markup stripped from the text."""
from __future__ import annotations

import re

FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The simple ``key: value`` fields of a YAML front matter block, and the rest."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields = {}
    for line in m.group("body").splitlines():
        f = FIELD.match(line.strip())
        if f:
            fields[f.group("key").lower()] = f.group("value").strip().strip("'\"")
    return fields, text[m.end():]


def strip_markdown(text: str) -> str:
    """Plain text from Markdown: headings, emphasis, links and images lose their markup."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)                 # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)             # links
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)        # headings
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)             # quotes
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)                  # bold
    text = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", text)  # italics
    text = re.sub(r"^\s*[-*_]{3,}\s*$", "", text, flags=re.M)        # rules
    return text


def markdown_title(text: str) -> str | None:
    m = re.search(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", text, flags=re.M)
    return m.group(1).strip() if m else None
