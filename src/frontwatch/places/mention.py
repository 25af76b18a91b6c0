"""The record a place mention becomes: where it is in the text and what it resolved to."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# ACLED geo-precision codes.
PRECISION_PLACE = 1      # the place itself
PRECISION_NEAR = 2       # near it, part of it, or a district
PRECISION_REGION = 3     # only the province / region / country is known


@dataclass(frozen=True)
class PlaceMention:
    """One place mention in a text, with its gazetteer resolution (``id`` None when unresolved)."""

    text: str
    start: int                      # character offsets into doc.text
    end: int
    sentence: int | None = None     # index of the sentence in the doc
    id: str | None = None           # gazetteer id, e.g. "geonames:1135689"
    name: str | None = None         # canonical gazetteer name
    level: str | None = None        # country | admin1 | admin2 | populated place | site
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None      # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None    # ACLED geo precision 1 / 2 / 3
    feature: str | None = None      # GeoNames feature code: PPLC, PPLA, PPLA2, PPL, ADM1, ADM2, PCLI
    reason: str = ""                # why this entry was chosen (or why none was)

    @property
    def resolved(self) -> bool:
        return self.id is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
