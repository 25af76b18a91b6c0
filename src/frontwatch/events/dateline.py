"""The dateline that opens a story ("KABUL, May 12 (Northline) -", "LAKKI MARWAT - ",
"Khartoum, 19 December (Agency):"): it says where the reporter filed from and when, not
where or when the events happened, so the events stage reads past it."""
from __future__ import annotations

import re

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d)?|\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d\d)?)"
# Capitalised words are joined by spaces only: a hyphen is already one of their letters, and
# letting it also join words made "AB-AB-AB..." backtrack without end.
_CAPS_PLACE = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’.-]+(?:[ -][A-Z][a-z'’.-]+){0,3}"
_AGENCY = r"\([^()\n]{1,40}\)"
# A place in capitals, or in title case with a date or an agency, then a dash or a colon.
DATELINE_RX = re.compile(
    rf"(?:(?:{_CAPS_PLACE})(?:,\s*[A-Z][A-Za-z]+)?(?:,?\s+{_DATE})?\s*(?:{_AGENCY})?"
    rf"|(?:{_TITLE_PLACE})(?:,\s*[A-Z][A-Za-z]+)?(?:,?\s+{_DATE}\s*(?:{_AGENCY})?|\s*{_AGENCY}))"
    rf"\s*(?:[-–—:]|--)\s+")


# Bylines and chrome can come before it: the first paragraphs are tried.
LEAD_PARAGRAPHS = 3
# A dateline is the first words of its paragraph: the pattern reads no further than this,
# so what it costs does not grow with the paragraph.
MAX_DATELINE_CHARS = 200


def find_dateline(text: str, body_start: int) -> tuple[int, int] | None:
    """(start, end) of the dateline opening one of the first paragraphs of the story that
    starts at ``body_start``, or None."""
    at = body_start
    for _ in range(LEAD_PARAGRAPHS):
        lead = text[at:]
        start = at + len(lead) - len(lead.lstrip())
        m = DATELINE_RX.match(text, start, start + MAX_DATELINE_CHARS)
        if m:
            return start, m.end()
        nxt = text.find("\n\n", start)
        if nxt < 0:
            return None
        at = nxt + 2
    return None
