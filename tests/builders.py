"""Writers for test inputs in every supported format."""
from __future__ import annotations

import io
import json
from pathlib import Path

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Frontier Post</title><meta property="og:site_name" content="Frontier Post">
{meta}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="topbar">Tuesday, March 12, 2024</div>
<article><h1>{title}</h1>{paragraphs}</article>
<div class="share">Share This</div><footer>Copyright 2024 Frontier Post. All rights reserved.</footer>
</body></html>"""


def html_page(title: str, paragraphs: list[str], published: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, meta=meta, paragraphs=body)


def write_warc(path: Path, pages: list[tuple[str, str]], truncate_to: int | None = None) -> Path:
    """A gzip'd WARC with a warcinfo, and a request + response record per (url, html) page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "tests"}))
    for url, html in pages:
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers))
    data = buf.getvalue()
    path.write_bytes(data[:truncate_to] if truncate_to else data)
    return path


def write_jsonl(path: Path, items: list[dict], bad_lines: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(item) for item in items]
    for index, text in sorted((bad_lines or {}).items()):
        lines.insert(index, text)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_rss(path: Path, items: list[dict]) -> Path:
    entries = "".join(
        f"<item><title>{i['title']}</title><link>{i['url']}</link><guid>{i['url']}</guid>"
        f"<pubDate>{i['published']}</pubDate>"
        f"<content:encoded><![CDATA[{''.join(f'<p>{p}</p>' for p in i['paragraphs'])}]]></content:encoded></item>"
        for i in items)
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Regional Wire</title><link>https://regional.example</link>{entries}</channel></rss>",
        encoding="utf-8")
    return path


def write_atom(path: Path, items: list[dict]) -> Path:
    entries = "".join(
        f"<entry><title>{i['title']}</title><link href=\"{i['url']}\"/><id>{i['url']}</id>"
        f"<published>{i['published']}</published><updated>{i['published']}</updated>"
        f"<content type=\"html\"><![CDATA[{''.join(f'<p>{p}</p>' for p in i['paragraphs'])}]]></content></entry>"
        for i in items)
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Steppe Monitor</title><id>urn:steppe</id><updated>2021-08-09T00:00:00Z</updated>{entries}</feed>",
        encoding="utf-8")
    return path


STORY = [
    "Insurgents took control of the provincial capital on Sunday after government forces withdrew to the airport, officials said.",
    "A council member said fighting continued on the outskirts and that residents were fleeing toward the border.",
    "The defence ministry said reinforcements had been sent and that the city would be retaken within days.",
]
