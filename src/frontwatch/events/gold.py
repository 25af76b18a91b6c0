"""The news gold (eval/news/README.md): reading a split and checking that its files agree
with the annotation guideline (fields, values, quotes that are substrings of the text)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.events.ontology import CONTROL_KINDS

VIOLENT_KINDS = ("clash", "airstrike", "shelling", "bombing", "suicide bombing", "attack", "abduction")
GOLD_KINDS = CONTROL_KINDS + VIOLENT_KINDS


def track_of(kind: str) -> str | None:
    """"control" for a control change, "violent" for a violent event, else None."""
    return "control" if kind in CONTROL_KINDS else "violent" if kind in VIOLENT_KINDS else None
CONFLICTS = ("afghanistan-2021", "pakistan-ttp", "syria", "iraq-isis", "ukraine", "sudan", "myanmar",
             "gaza", "ethiopia", "drc", "sahel", "somalia", "nigeria", "yemen", "mozambique",
             "nagorno-karabakh", "libya")
STYLES = ("wire", "local", "liveblog", "translated", "thinktank", "government", "insurgent", "feature",
          "sitrep", "explainer", "tabloid", "broadcast", "rewrite")
NONEVENT_REASONS = ("background", "aggregate", "generic", "forecast", "threat", "hypothetical",
                    "negated", "state", "attempt", "other")
PLACE_TYPES = ("city", "town", "village", "district", "province", "other", None)
FACTUALITY = ("asserted", "attributed", "uncertain")
DATE_BASES = ("explicit", "relative", "publication", None)
DATE_RX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
ID_RX = re.compile(r"^(?P<split>dev|heldout)-(?P<code>[a-z]+)-\d{3}$")


@dataclass
class GoldSplit:
    """One split of the news gold: its articles (by id), events and non-events."""

    root: Path
    code: str = "*"
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    nonevents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def article_files(self) -> list[Path]:
        return sorted((self.root / "articles").glob(f"{self.code}.jsonl"))


def _jsonl(path: Path, problems: list[str]) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: not JSON ({exc})")
            continue
        if not isinstance(row, dict):
            problems.append(f"{path}:{number}: not a JSON object")
            continue
        rows.append({**row, "_where": f"{path.name}:{number}"})
    return rows


def read_split(root: str | Path, problems: list[str] | None = None, code: str = "*") -> GoldSplit:
    """The articles, events and non-events of a split folder (``eval/news/dev``), or only
    those of one annotator's ``code``."""
    problems = [] if problems is None else problems
    split = GoldSplit(Path(root), code)
    for path in split.article_files:
        for row in _jsonl(path, problems):
            if row.get("id") in split.articles:
                problems.append(f"{row['_where']}: id {row['id']} used twice")
            split.articles[row.get("id")] = row
    for path in sorted(split.root.glob(f"{code}.gold.jsonl")):
        split.events += _jsonl(path, problems)
    for path in sorted(split.root.glob(f"{code}.nonevents.jsonl")):
        split.nonevents += _jsonl(path, problems)
    return split


def check_split(root: str | Path, code: str = "*") -> list[str]:
    """Every way the split's files (or one annotator's) depart from the guideline, one line each."""
    problems: list[str] = []
    split = read_split(root, problems, code)
    if not split.articles:
        problems.append(f"{root}: no articles in {Path(root) / 'articles'}")
    for article in split.articles.values():
        problems += _article_problems(article, Path(root).name)
    for event in split.events:
        problems += _event_problems(event, split.articles)
    for row in split.nonevents:
        problems += _nonevent_problems(row, split.articles)
    return problems


def _article_problems(a: dict[str, Any], split_name: str) -> list[str]:
    where, out = a["_where"], []
    m = ID_RX.match(str(a.get("id")))
    if not m or m.group("split") != split_name:
        out.append(f"{where}: id {a.get('id')!r} is not {split_name}-<code>-<nnn>")
    for key in ("url", "title", "outlet", "text"):
        if not isinstance(a.get(key), str) or not a[key].strip():
            out.append(f"{where}: {key} missing or empty")
    if a.get("published") is not None and not re.match(r"^\d{4}-\d{2}-\d{2}", str(a["published"])):
        out.append(f"{where}: published {a['published']!r} is not ISO 8601 or null")
    if a.get("conflict") not in CONFLICTS:
        out.append(f"{where}: conflict {a.get('conflict')!r} not one of the codes")
    if a.get("style") not in STYLES:
        out.append(f"{where}: style {a.get('style')!r} not one of the styles")
    return out


def _quote_problems(row: dict[str, Any], articles: dict[str, dict[str, Any]]) -> list[str]:
    where = row["_where"]
    article = articles.get(row.get("article"))
    if article is None:
        return [f"{where}: article {row.get('article')!r} not in the split's articles"]
    out = []
    if row.get("conflict") != article.get("conflict"):
        out.append(f"{where}: conflict {row.get('conflict')!r} is not the article's {article.get('conflict')!r}")
    quote = row.get("quote")
    if not isinstance(quote, str) or not quote.strip() or quote not in article.get("text", ""):
        out.append(f"{where}: quote is not an exact substring of {row.get('article')}'s text: {quote!r}")
    return out


def _event_problems(e: dict[str, Any], articles: dict[str, dict[str, Any]]) -> list[str]:
    where, out = e["_where"], _quote_problems(e, articles)
    kind = e.get("event")
    if kind not in GOLD_KINDS:
        return out + [f"{where}: event {kind!r} not one of {', '.join(GOLD_KINDS)}"]
    if e.get("place") is None and kind in CONTROL_KINDS:
        out.append(f"{where}: a control change needs a place")
    if e.get("place_type") not in PLACE_TYPES:
        out.append(f"{where}: place_type {e.get('place_type')!r}")
    if not re.fullmatch(r"[A-Z]{2}", str(e.get("country"))):
        out.append(f"{where}: country {e.get('country')!r} is not an ISO alpha-2 code")
    if kind in CONTROL_KINDS and not e.get("new_controller") and kind not in {"withdrew", "surrendered"}:
        out.append(f"{where}: {kind} needs new_controller")
    if kind in VIOLENT_KINDS and ("new_controller" in e and e["new_controller"] is not None):
        out.append(f"{where}: a violent event has actor1/actor2, not new_controller")
    if e.get("date") is not None and not DATE_RX.match(str(e["date"])):
        out.append(f"{where}: date {e['date']!r} is not YYYY-MM-DD, YYYY-MM, YYYY or null")
    if e.get("date_basis") not in DATE_BASES:
        out.append(f"{where}: date_basis {e.get('date_basis')!r}")
    for d in e.get("accept_dates") or []:
        if not DATE_RX.match(str(d)):
            out.append(f"{where}: accept_dates has {d!r}")
    fat = e.get("fatalities")
    if not isinstance(fat, int) or isinstance(fat, bool) or fat < 0:
        out.append(f"{where}: fatalities {fat!r} is not a whole number >= 0")
    if e.get("factuality") not in FACTUALITY:
        out.append(f"{where}: factuality {e.get('factuality')!r} not one of {', '.join(FACTUALITY)}")
    return out


def _nonevent_problems(row: dict[str, Any], articles: dict[str, dict[str, Any]]) -> list[str]:
    out = _quote_problems(row, articles)
    if row.get("reason") not in NONEVENT_REASONS:
        out.append(f"{row['_where']}: reason {row.get('reason')!r} not one of {', '.join(NONEVENT_REASONS)}")
    return out
