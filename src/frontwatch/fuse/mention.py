"""What fusion needs to know of one event mention, whatever stage produced it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontwatch.names import name_key
from frontwatch.records import Place

# Factuality labels of mentions (the events stage assigns them).
EVENT_FACTUALITY = {"asserted", "attributed", "uncertain", "historical"}
DENIAL_FACTUALITY = {"negated"}
# Kinds of mention that report no event: aggregates ("controls 118 of 407 districts").
NON_EVENT_KINDS = {"statistic"}


@dataclass(frozen=True)
class Mention:
    id: str
    article_id: str
    order: int                        # ingest order of the article: earlier mentions found events
    kind: str
    factuality: str
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    new_controller: str | None = None
    previous_controller: str | None = None
    place: Place | None = None
    date: str | None = None           # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: str | None = None  # day, week, month, year
    date_basis: str | None = None     # explicit, relative, publication, unknown
    published: str | None = None      # the article's publication date (YYYY-MM-DD)
    attributed_to: str | None = None
    fatalities: int | None = None
    sentence: str = ""
    evidence: Any = None
    outlet: str | None = None
    source: str | None = None
    url: str | None = None
    copy_cluster: str | None = None   # the article's copy cluster; None: it stands alone

    @property
    def independent_key(self) -> str:
        return self.copy_cluster or f"article:{self.article_id}"

    @property
    def is_event(self) -> bool:
        return self.kind not in NON_EVENT_KINDS and self.factuality in EVENT_FACTUALITY

    @property
    def is_denial(self) -> bool:
        return self.kind not in NON_EVENT_KINDS and self.factuality in DENIAL_FACTUALITY


def bucket_of(mention: Mention) -> str:
    """Mentions that may report one event share a bucket: kind, country and place name.

    A district and the town that gives it its name fall together, so "Imam Sahib
    district" and "Imam Sahib" can fuse; finer tests then decide.
    """
    place = mention.place
    where = f"{place.country or ''}:{name_key(place.name)}" if place else "nowhere"
    return f"{mention.kind}|{where}"
