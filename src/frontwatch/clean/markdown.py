"""Markdown articles: front matter for metadata, light markup stripped from the text."""
from __future__ import annotations

import bisect
import re

FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
# The first "# Title" line; its closing hashes and spaces are trimmed in Python (a pattern
# for them backtracked cubically over a run of spaces).
HEADING = re.compile(r"^[ \t]{0,3}#[ \t]+(?P<title>\S.*)$", re.M)
# Italic marks: one opens after no word character or star and before a non-space; one
# closes after a non-space and before no word character or star.
ITALIC_OPEN = re.compile(r"(?<![\w*])[*_](?=\S)")
ITALIC_CLOSE = {mark: re.compile(rf"(?<=\S){re.escape(mark)}(?![\w*])") for mark in "*_"}


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
    """Plain text from Markdown: headings, emphasis, links and images lose their markup.

    No pattern may scan far for a closing mark it will not find: link text stops at a
    bracket, a link target at a bracket or line end (an unclosed "[" on every line made
    each pattern quadratic in the text); italics are found without a pattern.
    """
    text = re.sub(r"!\[[^\]\[]*\]\([^)\[\]\n]*\)", "", text)               # images
    text = re.sub(r"\[([^\]\[]+)\]\([^)\[\]\n]*\)", r"\1", text)          # links
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)        # headings
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)             # quotes
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)                  # bold
    text = strip_italics(text)
    text = re.sub(r"^\s*[-*_]{3,}\s*$", "", text, flags=re.M)        # rules
    return text


def markdown_title(text: str) -> str | None:
    m = HEADING.search(text)
    if not m:
        return None
    return m.group("title").rstrip().rstrip("#").rstrip() or None


def strip_italics(text: str) -> str:
    """``*word*`` and ``_word_`` without their marks, in one pass over the opening marks.

    The same as re.sub(r"(?<![\\w*])([*_])(?!\\s)(.+?)(?<!\\s)\\1(?![\\w*])", r"\\2", text),
    whose every opening mark that never closes ("_a _a _a ...") rescanned the rest of its
    line: quadratic in the line's length. Here each opening mark closes at the first
    closing mark of its kind on its line, found by bisection.
    """
    closers = {mark: [m.start() for m in rx.finditer(text)] for mark, rx in ITALIC_CLOSE.items()}
    newlines = [m.start() for m in re.finditer("\n", text)]
    out, done = [], 0
    for m in ITALIC_OPEN.finditer(text):
        i = m.start()
        if i < done:
            continue
        same = closers[text[i]]
        k = bisect.bisect_left(same, i + 2)
        j = bisect.bisect_left(newlines, i)
        line_end = newlines[j] if j < len(newlines) else len(text)
        if k < len(same) and same[k] < line_end:
            out += [text[done:i], text[i + 1:same[k]]]
            done = same[k] + 1
    return "".join(out) + text[done:]
