"""Evidence spans inside a source sentence, from each form the events stage may store."""
from __future__ import annotations

from frontwatch.web.evidence import evidence_spans, split_highlighted

SENTENCE = "The Taliban captured Kunduz on Sunday, and captured its airport."


def words(spans):
    return [SENTENCE[a:b] for a, b in spans]


def test_offsets_words_and_role_mappings():
    assert words(evidence_spans(SENTENCE, {"start": 12, "end": 20})) == ["captured"]
    assert words(evidence_spans(SENTENCE, {"spans": [[21, 27], [4, 11]]})) == ["Taliban", "Kunduz"]
    assert words(evidence_spans(SENTENCE, "captured")) == ["captured", "captured"]
    assert words(evidence_spans(SENTENCE, {"trigger": "CAPTURED", "place": "kunduz"})) == [
        "captured", "Kunduz", "captured"]
    assert words(evidence_spans(SENTENCE, ["Taliban captured", "captured Kunduz"])) == ["Taliban captured Kunduz"]


def test_the_events_stage_form_offsets_into_the_article_field():
    sentence = "A text message said the Taliban captured Kunduz, then captured more."
    base = len("Earlier lines of the article. ")
    at = sentence.index("captured")
    evidence = {"field": "text", "trigger": "captured", "start": base + at, "end": base + at + 8,
                "place_text": "Kunduz", "sentence_start": base, "sentence_end": base + len(sentence)}
    spans = evidence_spans(sentence, evidence)
    assert [sentence[a:b] for a, b in spans] == ["captured", "Kunduz"]
    assert spans[0][0] == at, "the trigger at its offsets only; never the word 'text' of 'field'"
    shifted = dict(evidence, start=5, end=13, sentence_start=0)
    assert [sentence[a:b] for a, b in evidence_spans(sentence, shifted)] == ["captured", "Kunduz", "captured"], \
        "offsets off the trigger fall back to finding its words"


def test_nothing_to_highlight_when_evidence_does_not_fit():
    assert evidence_spans(SENTENCE, {"start": 50, "end": 500}) == []
    assert evidence_spans(SENTENCE, "Herat") == []
    assert evidence_spans(SENTENCE, None) == [] and evidence_spans("", "x") == []
    assert evidence_spans(SENTENCE, "a") == [], "single letters would light up everywhere"


def test_split_keeps_every_character_once():
    pieces = split_highlighted(SENTENCE, evidence_spans(SENTENCE, "Kunduz"))
    assert "".join(text for text, _ in pieces) == SENTENCE
    assert [text for text, marked in pieces if marked] == ["Kunduz"]
