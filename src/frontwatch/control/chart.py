"""The tally chart: how many places of one category each side held, day by day."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

STATUS_COLOURS = {"Taliban": "#c0392b", "Afghan government": "#2471a3", "contested": "#f39c12",
                  "besieged": "#8e44ad", "unknown": "#95a5a6"}
FALLBACK_COLOURS = ("#16a085", "#d35400", "#2c3e50", "#7f8c8d", "#27ae60", "#e84393")


def status_colour(status: str, index: int) -> str:
    return STATUS_COLOURS.get(status, FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)])


def tally_chart(rows: list[dict], category: str, out: Path, title: str | None = None) -> Path:
    """A step chart of the tally rows of one category, written as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from datetime import date

    series: dict[str, dict[str, int]] = defaultdict(dict)
    days = sorted({r["date"] for r in rows})
    for r in rows:
        if r["category"] == category:
            series[r["status"]][r["date"]] = r["places"]
    fig, ax = plt.subplots(figsize=(9, 4), dpi=110)
    x = [date.fromisoformat(d) for d in days]
    for i, (status, counts) in enumerate(sorted(series.items())):
        ax.step(x, [counts.get(d, 0) for d in days], where="post", label=status,
                color=status_colour(status, i), linewidth=2)
    ax.set_title(title or f"{category.capitalize()} by control")
    ax.set_ylabel(f"{category}")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
    ax.grid(alpha=0.3)
    if series:
        ax.legend(loc="upper left", frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    return out
