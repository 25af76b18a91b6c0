"""Writing the report: collect, draw, render the template with autoescaping."""
from __future__ import annotations

import base64
from datetime import datetime, timezone
from pathlib import Path

from frontwatch.report.collect import ReportData, collect, tally_on
from frontwatch.report.images import map_png, status_of, timeline_png
from frontwatch.store import Store

REPORT_FILE = "report.html"
MAP_FILE = "map.png"
TIMELINE_FILE = "timeline.png"


def template_environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("frontwatch.report", "templates"),
                       autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def render(data: ReportData, images: dict[str, Path]) -> str:
    template = template_environment().get_template("report.html")
    return template.render(
        data=data, status_of=status_of,
        tally_start=tally_on(data.tally_rows, data.date_from, data.tally_category),
        tally_end=tally_on(data.tally_rows, data.date_to, data.tally_category),
        images={name: data_uri(path) for name, path in images.items()},
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def build_report(store: Store, out_dir: Path, date_from: str | None = None, date_to: str | None = None,
                 country: str | None = None, on_progress=None) -> list[Path]:
    """Write report.html, map.png and timeline.png into ``out_dir``; return their paths."""
    progress = on_progress or (lambda done, total, label: None)
    out_dir.mkdir(parents=True, exist_ok=True)
    progress(0, 4, "reading the store")
    data = collect(store, date_from, date_to, country)
    progress(1, 4, "drawing the map")
    images = {"map": map_png(data.control_at_end, data.date_to, out_dir / MAP_FILE)}
    progress(2, 4, "drawing the timeline")
    images["timeline"] = timeline_png(data.tally_rows, data.tally_category, out_dir / TIMELINE_FILE)
    progress(3, 4, "writing the page")
    report = out_dir / REPORT_FILE
    report.write_text(render(data, images), encoding="utf-8")
    progress(4, 4, "done")
    return [report, images["map"], images["timeline"]]
