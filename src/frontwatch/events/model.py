"""The record the events stage produces: one event (or statistic) mention."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from frontwatch.records import Place


@dataclass(frozen=True)
class EventMention:
    """One statement of an event in one sentence; offsets are into ``evidence['field']``."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    kind: str
    factuality: str
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    new_controller: str | None = None
    previous_controller: str | None = None
    place: Place | None = None
    date: str | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    attributed_to: str | None = None
    fatalities: int | None = None
    fatalities_by_side: dict[str, int] = field(default_factory=dict)
    sentence: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)
    extractor_version: str = ""

    @property
    def id(self) -> str:
        key = json.dumps([self.article_id, self.sentence_index, self.start, self.end, self.kind,
                          self.place.name if self.place else None, self.date],
                         ensure_ascii=False)
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["id"] = self.id
        return data
