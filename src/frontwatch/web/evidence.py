"""Where, inside a source sentence, the evidence for an event lies.

The events stage stores each mention's evidence as JSON beside its sentence. It may be
character offsets ({"start", "end"}, into the sentence or, with "sentence_start", into the
article field; or {"spans": [[start, end], ...]}), the words that carry
the event ({"text": ...}, {"trigger": ...}, a string, or a list of strings), or a mapping of
roles to such words ({"place": "Kunduz", "trigger": "captured"}). The page and the report
highlight the spans this module finds; text is never trusted as markup.
"""
from __future__ import annotations

from typing import Any

MAX_SPANS = 20
# Keys of an evidence mapping that locate or label it rather than quote the sentence.
NOT_EVIDENCE = {"start", "end", "sentence_start", "sentence_end", "field"}


def evidence_spans(sentence: str | None, evidence: Any) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) character spans of ``sentence`` to highlight, in order."""
    if not sentence or evidence is None:
        return []
    spans: list[tuple[int, int]] = []
    _collect(sentence, evidence, spans, depth=0)
    return _merge([s for s in spans if 0 <= s[0] < s[1] <= len(sentence)])[:MAX_SPANS]


def _collect(sentence: str, evidence: Any, spans: list[tuple[int, int]], depth: int) -> None:
    if depth > 3:
        return
    if isinstance(evidence, str):
        spans.extend(_find_all(sentence, evidence))
    elif isinstance(evidence, dict):
        span = _offset_span(sentence, evidence)
        if span:
            spans.append(span)
        for key, value in evidence.items():
            if key in NOT_EVIDENCE or (key == "trigger" and span):
                continue
            _collect(sentence, value, spans, depth + 1)
    elif isinstance(evidence, (list, tuple)):
        if len(evidence) == 2 and all(isinstance(v, int) for v in evidence):
            spans.append((evidence[0], evidence[1]))
            return
        for item in evidence:
            _collect(sentence, item, spans, depth + 1)


def _offset_span(sentence: str, evidence: dict) -> tuple[int, int] | None:
    """The {"start", "end"} span in sentence coordinates, when it holds the trigger it names.

    The events stage gives offsets into the article field with the sentence's own start
    beside them ("sentence_start"); offsets that do not land on the trigger are not used.
    """
    start, end = evidence.get("start"), evidence.get("end")
    base = evidence.get("sentence_start", 0)
    if not all(isinstance(v, int) for v in (start, end, base)):
        return None
    start, end = start - base, end - base
    if not 0 <= start < end <= len(sentence):
        return None
    trigger = evidence.get("trigger")
    if isinstance(trigger, str) and sentence[start:end].lower() != trigger.lower():
        return None
    return start, end


def _find_all(sentence: str, words: str) -> list[tuple[int, int]]:
    words = words.strip()
    if len(words) < 2:
        return []
    lower, target = sentence.lower(), words.lower()
    found, at = [], lower.find(target)
    while at >= 0:
        found.append((at, at + len(target)))
        at = lower.find(target, at + len(target))
    return found


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def split_highlighted(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The sentence as (text, highlighted) pieces, for templates that escape each piece."""
    pieces, at = [], 0
    for start, end in spans:
        if start > at:
            pieces.append((sentence[at:start], False))
        pieces.append((sentence[start:end], True))
        at = end
    if at < len(sentence):
        pieces.append((sentence[at:], False))
    return pieces
