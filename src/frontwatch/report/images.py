"""The report's images: a map of places coloured by control (no tiles), and the tally chart."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from frontwatch.control.chart import status_colour, tally_chart
from frontwatch.control.tally import CAPITAL_FEATURES

MAP_SIZE_IN = (9, 7)
MAP_DPI = 110
LABELS_UP_TO = 20   # name every place when there are few; else only the capitals


def main_country(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The places of the country most places are in: one far-off capital named in a
    statement would otherwise shrink the front to a dot. The tables list every place."""
    counts = Counter(p["country"] for p in places)
    if not counts:
        return places
    country = counts.most_common(1)[0][0]
    return [p for p in places if p["country"] == country]


def status_of(place: dict[str, Any]) -> str:
    return (place["controller"] or "unknown") if place["state"] == "held" else place["state"]


def map_png(places: list[dict[str, Any]], day: str, out: Path) -> Path:
    """A scatter of the places at their coordinates, coloured by who held them on ``day``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    located = main_country([p for p in places if p["lat"] is not None and p["lon"] is not None])
    statuses = sorted({status_of(p) for p in located})
    fig, ax = plt.subplots(figsize=MAP_SIZE_IN, dpi=MAP_DPI)
    for index, status in enumerate(statuses):
        group = [p for p in located if status_of(p) == status]
        ax.scatter([p["lon"] for p in group], [p["lat"] for p in group], s=90, label=status,
                   color=status_colour(status, index), edgecolors="black", linewidths=0.6, zorder=3)
    for p in located:
        if len(located) <= LABELS_UP_TO or p.get("place_feature") in CAPITAL_FEATURES:
            ax.annotate(p["place_name"], (p["lon"], p["lat"]), xytext=(6, 4),
                        textcoords="offset points", fontsize=7)
    country = located[0]["country"] if located else None
    ax.set_title(f"Control at the end of {day}" + (f" ({country})" if country else ""))
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.15)
    ax.grid(alpha=0.3)
    if statuses:
        ax.legend(loc="best", frameon=True, fontsize=8)
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    return out


def timeline_png(rows: list[dict[str, Any]], category: str | None, out: Path) -> Path:
    """Places of ``category`` held by each side, contested or besieged, day by day."""
    return tally_chart(rows, category or "places", out,
                       title=f"{(category or 'places').capitalize()}: who held how many, day by day")
