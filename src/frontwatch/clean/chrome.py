"""Line-level filter for the page chrome that survives in scraped text.

Each rule names the kind of chrome it removes; removed lines are kept with the article
(auditable) and never reach the text later stages read. Rules look at one line at a
time, plus two block rules (embedded posts, repeated lines). They are deliberately
conservative: a rule fires only on lines that cannot be a sentence of the story, so
short lines with a cue word ("READ MORE: ...") go, but a paragraph that mentions
"share" or "comment" stays.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.clean.pubdate import DATE_FORMS
from frontwatch.records import RemovedLine

# Lines longer than this are story text, whatever words they start with.
MAX_CHROME_WORDS = 25
SOCIAL = (r"facebook|twitter|x|linkedin|pinterest|whatsapp|telegram|reddit|email|e-mail|print|"
          r"copy link|messenger|tumblr|vk|flipboard|pocket|sms|share|tweet|instagram|youtube")

RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((reason, re.compile(pattern, re.I)) for reason, pattern in (
    ("ad-marker", r"^\[?\s*(?:ad|ads|advert)[_ -]?\d*\s*\]?$|^(?:advertisement|sponsored(?: content)?|"
                  r"promoted(?: content)?|story continues below(?: advertisement)?|"
                  r"continue reading (?:below|the main story)|scroll to continue.*)$"),
    ("loading", r"^(?:loading|please wait)\s*(?:\.{1,3}|…)?$"),
    ("read-more", r"^(?:read more|also read|read also|see also|related|related (?:articles?|stories|news|content|coverage)|"
                  r"recommended(?: for you)?|more from [\w .]+|you may also like|you might also like|most read|"
                  r"most popular|trending(?: now)?|don't miss|do not miss|must read|further reading|more on this|"
                  r"watch|listen|click here|in pictures|in photos|top stories|editor'?s picks?)"
                  r"(?:\s*[:|>»\-–—]\s*.*|\s*)$"),
    ("share", rf"^(?:(?:share|follow us)(?: (?:this|on|the|article|story|post|page|via|with))*\s*:?)?"
              rf"\s*(?:(?:{SOCIAL})(?>\s*[,|/·•]?\s*))+$"),   # atomic: spaces split one way
    ("share", r"^(?:pin it(?: on pinterest)?|share this(?: article| story| post)?|share on \w+|"
              r"follow us on .{1,40}|click to share.*|\d+ shares?)$"),
    ("newsletter", r"^(?:(?:daily |weekly |free |our )?newsletter(?: subscription| sign[- ]?up)?|subscribe(?: now| today|"
                   r" to (?:our|the) .{1,40})?|sign up(?: for| to) .{0,60}newsletter.*|"
                   r"get (?:the )?(?:latest|best|top) .{0,60}(?:inbox|newsletter).*|enter your e-?mail.*|"
                   r"we respect your privacy.*|unsubscribe at any time.*)$"),
    ("comments", r"^(?:comments?|\d+ comments?|no comments(?: yet)?|leave a (?:comment|reply)|post a comment|"
                 r"add (?:a )?comment|join the (?:conversation|discussion)|view comments|show comments|"
                 r"be the first to comment.*|comments are closed.*|you must be logged in to post a comment.*)$"),
    ("navigation", r"^(?:recently|recent posts|latest(?: news| posts)?|popular(?: posts)?|home|menu|search|"
                   r"skip to (?:main )?content|log ?in|sign in|register|close|next(?: article| story| post)?|"
                   r"previous(?: article| story| post)?|back to top|top|more|tags?:.*|categories:.*|filed under:?.*)$"),
    ("breadcrumb", r"^[\w&'’ .-]{2,30}(?:\s*(?:/|>|»|›)\s*[\w&'’ .-]{2,30}){1,4}$|"
                   r"^[\w&'’.-]+(?: [\w&'’.-]+)?(?:\s+\|\s+[\w&'’.-]+(?: [\w&'’.-]+)?){1,4}$"),
    ("markup", r"^\s*<\s*/?\s*(?:img|iframe|script|noscript|div|span|a|p|br|link|meta|style|figure|"
               r"picture|source|svg|video|ins)\b[^>]*>?.*$"),
    ("tracking", r"^.*(?:facebook\.com/tr\?|googletagmanager|google-analytics|doubleclick\.net|"
                 r"pixel\.(?:gif|png)|1x1\.gif).*$"),
    ("credit", r"^(?:source|sources|photo|photos|image|images|picture|credit|credits|photo credit|"
               r"file photo|caption|video|graphic|illustration)\s*:\s*.{0,80}$"),
    ("credit", r"^(?:\(?(?:photo|image|picture) (?:by|credit|courtesy)\b.{0,80}\)?|"
               r".{0,60}(?:getty images|afp via getty images|reuters/[\w ]+|ap photo/[\w .]+)\)?\.?)$"),
    ("cookie-notice", r"^.{0,200}\bcookies?\b.{0,200}\b(?:accept|consent|privacy|agree|settings)\b.{0,200}$"),
    ("copyright", r"^(?:©|\(c\)|copyright\b).{0,150}$|^.{0,100}all rights reserved\.?$"),
    ("hashtags", r"^(?:#\w+[\s,]*)+$"),
    ("post-attribution", r"^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+.{0,40}\b(?:19|20)\d{2}$"),
    ("post-attribution", r"^pic\.twitter\.com/\w+$|^https?://t\.co/\w+$"),
    ("relative-time", r"^(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago$"),
))

_PAGE_DATE = tuple(DATE_FORMS[:3])
_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


def is_page_date(line: str) -> bool:
    """A line that is only a date (with weekday or time): a page header, not a byline."""
    compact = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", line)).strip(" ,|")
    if len(compact) > 60:
        return False
    for form in _PAGE_DATE:
        m = form.fullmatch(compact)
        if m:
            return True
    return bool(re.fullmatch(rf"{_WEEKDAYS},?", compact, re.I))


def section_header(line: str) -> bool:
    """A short line in capitals ("INTERNATIONAL RELATIONS"): a section label, not a sentence."""
    letters = [c for c in line if c.isalpha()]
    words = line.split()
    return (1 <= len(words) <= 5 and len(letters) >= 3 and all(c.isupper() for c in letters)
            and not line.rstrip().endswith((".", "?", "!", '"', "”")))


def classify_line(line: str) -> str | None:
    """The chrome kind of a line, or None when it is (possibly) story text."""
    stripped = line.strip()
    if not stripped:
        return None
    if len(stripped.split()) > MAX_CHROME_WORDS:
        return "tracking" if RULES_BY_REASON["tracking"].match(stripped) else None
    for reason, pattern in RULES:
        if pattern.match(stripped):
            return reason
    if is_page_date(stripped):
        return "page-date"
    if section_header(stripped):
        return "section-header"
    return None


RULES_BY_REASON = {reason: pattern for reason, pattern in reversed(RULES)}


def _looks_like_post_body(line: str) -> bool:
    """The text of an embedded social post: ends in hashtags, a handle or a short link."""
    return bool(re.search(r"(?:#\w+|@\w+|pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*$", line.strip()))


def chrome_reasons(lines: Sequence[str]) -> list[str | None]:
    """The chrome kind of every line (None for story text), block rules included."""
    reasons: list[str | None] = [classify_line(line) for line in lines]
    _mark_embedded_posts(lines, reasons)
    _mark_repeats(lines, reasons)
    return reasons


def filter_chrome(lines: Sequence[str]) -> tuple[list[str], list[RemovedLine]]:
    """Split lines into the kept ones and the removed ones with their reasons."""
    reasons = chrome_reasons(lines)
    kept = [line for line, reason in zip(lines, reasons) if reason is None]
    removed = [RemovedLine(line.strip(), reason) for line, reason in zip(lines, reasons)
               if reason is not None and line.strip()]
    return kept, removed


def _mark_embedded_posts(lines: Sequence[str], reasons: list[str | None]) -> None:
    """An attribution line takes the post text just above it with it."""
    for i, reason in enumerate(reasons):
        if reason != "post-attribution":
            continue
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if j >= 0 and reasons[j] is None and _looks_like_post_body(lines[j]):
            reasons[j] = "embedded-post"


def _mark_repeats(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A line that repeats an earlier one word for word is a scraping artefact."""
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = " ".join(line.split()).lower()
        if not key or reasons[i] is not None:
            continue
        if key in seen:
            reasons[i] = "repeated-line"
        seen.add(key)
