"""Build the generated files of the sample corpus, deterministically.

Writes two files under examples/ that cannot be written by hand:

- examples/crawl_aug2021.warc.gz: a small crawl (one warcinfo record, then a request and a
  response record for each of four news pages), with fixed WARC dates and record ids, so
  that rebuilding gives identical bytes.
- examples/continental_courier_lashkar_gah.html: a news page encoded in windows-1252
  (curly quotes, an e-acute), as many older European sites still serve.

The second response in the WARC carries the Meridian Press Agency wire story on Kunduz
word for word; its paragraphs are read from examples/feed_wire.jsonl so the copy stays
verbatim if the feed item is edited.

Usage:  python scripts/build_examples.py [--check]
        --check  rebuild in memory and exit 1 if a committed file differs.
"""
from __future__ import annotations

import argparse
import html
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
WARC_PATH = EXAMPLES / "crawl_aug2021.warc.gz"
CP1252_PATH = EXAMPLES / "continental_courier_lashkar_gah.html"
FEED_PATH = EXAMPLES / "feed_wire.jsonl"
WIRE_COPY_ID = "mpa-2021-0808-0561"

CRAWLER = "frontwatch-sample-crawler/0.1 (+https://frontwatch.example/crawler)"


# --------------------------------------------------------------------------- pages

def _paragraphs(paras: list[str]) -> str:
    return "\n".join(f"    <p>{html.escape(p, quote=False)}</p>" for p in paras)


def news_page(*, site: str, title: str, url: str, section: str, byline: str,
              paras: list[str], published: str | None = None, dateline: str | None = None,
              lang: str = "en", charset: str = "utf-8", extra_head: str = "",
              extra_top: str = "") -> str:
    """A realistic news page: head metadata, cookie banner, nav, article, share, footer."""
    meta_pub = (f'\n<meta property="article:published_time" content="{published}">'
                if published else "")
    date_line = f'\n    <p class="dateline">{html.escape(dateline)}</p>' if dateline else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="{charset}">
<title>{html.escape(title)} | {html.escape(site)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:url" content="{url}">{meta_pub}
<link rel="canonical" href="{url}">{extra_head}
</head>
<body>
<div class="cookie-notice">This site uses cookies. By continuing to browse you agree to our use of cookies. <a href="/cookies">Find out more</a> <button>OK</button></div>{extra_top}
<header class="masthead">
  <a class="brand" href="/">{html.escape(site)}</a>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/{section.lower()}">{html.escape(section)}</a> <a href="/analysis">Analysis</a> <a href="/video">Video</a> <a href="/subscribe">Subscribe</a></nav>
</header>
<main>
  <article>
    <h1>{html.escape(title)}</h1>
    <p class="byline">{html.escape(byline)}</p>{date_line}
{_paragraphs(paras)}
    <div class="share-bar">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>
  </article>
  <aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Markets slide on inflation fears</a></li><li><a href="/b">Heatwave grips southern Europe</a></li></ol></aside>
</main>
<footer><p>Newsletter: the day's headlines every evening. <a href="/newsletter">Sign up</a></p><p>&copy; {html.escape(site)}. All rights reserved. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>
</body>
</html>
"""


ZARANJ_PARAS = [
    "The Taliban seized Zaranj, the capital of the south-western province of Nimroz, on Friday, "
    "the first provincial capital the insurgents have taken and held since foreign forces began "
    "their final withdrawal in May.",
    "The province's deputy governor told reporters that the city had been taken with almost no "
    "resistance, and that many officials had fled before the fighters arrived. A video "
    "posted by the Taliban showed fighters standing at the city's main roundabout and in the "
    "courtyard of the governor's office.",
    "Zaranj is a border town on the frontier with Iran and one of the busiest crossings for trade "
    "and for migrants heading west. Its loss deprives the government of customs revenue at a time "
    "when its finances are already stretched.",
    "\u201cThe government forgot Nimroz a long time ago,\u201d said a teacher who asked that only "
    "his first name, Jawed, be used. \u201cThe Taliban just had to walk in.\u201d",
    "The capture came on the same day the Taliban shot dead the head of the government's media "
    "centre in Kabul, and as fighting continued in Lashkar Gah, Kandahar and Herat, the cities "
    "under the heaviest attack.",
    "A Taliban spokesman said on Twitter that civil servants in Zaranj should return to work and "
    "that the group would guarantee their safety. The claim could not be checked.",
]

AYBAK_PARAS = [
    "The Taliban took control of Aybak, the capital of the northern province of Samangan, on "
    "Monday, the sixth provincial capital to fall to the insurgents in four days.",
    "A provincial official said the city had changed hands without a battle after local elders "
    "urged the government to spare it from street fighting. Residents said shops reopened "
    "in the afternoon and that fighters were directing traffic on the main road.",
    "Aybak sits on the highway between Mazar-e-Sharif and Pul-e-Khumri, and its loss puts further "
    "pressure on the north's largest city. Kunduz, Sar-e-Pul and Taloqan fell on Sunday, a day "
    "after Sheberghan.",
    "A military analyst in Kabul said Mazar-e-Sharif could be encircled within days if the "
    "government did not move reinforcements north, something it has so far failed to do.",
    "Tens of thousands of people have fled the fighting in the northern provinces in recent days, "
    "many of them to Kabul, where families are sleeping in parks and mosques.",
]

KANDAHAR_PARAS = [
    "The Taliban captured Kandahar, Afghanistan's second-largest city, overnight, a government "
    "official in the city said on Friday, after officials and the remaining troops were flown out "
    "from the airport.",
    "Kandahar was the birthplace of the Taliban movement in the 1990s, and its fall carries a "
    "weight beyond its size. Herat, the country's third city, fell on Thursday.",
    "In the north-west, Qala-i-Naw, the capital of Badghis, also fell on Friday. Government "
    "commandos had wrested the city back from the Taliban on 7 July, after the insurgents broke "
    "into it and held parts of it for several hours.",
    "In Uruzgan, local officials surrendered Tarinkot, the provincial capital, to the Taliban, two "
    "lawmakers from the province said. The Taliban also claimed to have taken Qalat, capital of "
    "Zabul, a claim that could not be independently verified.",
    "Western governments have begun to pull their diplomats out of Kabul. The United States said it "
    "would send about 3,000 troops to help evacuate embassy staff, and Britain about 600.",
    "The Taliban now control around two-thirds of Afghanistan, according to estimates by Western "
    "officials.",
]


def wire_copy_paras() -> list[str]:
    for line in FEED_PATH.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["id"] == WIRE_COPY_ID:
            return item["text"].split("\n\n")
    raise SystemExit(f"wire item {WIRE_COPY_ID} not found in {FEED_PATH}")


def warc_pages() -> list[dict]:
    """The four pages of the crawl, with their fetch times."""
    return [
        dict(url="https://www.eurasiamonitor.example/asia/2021/08/06/taliban-capture-zaranj-nimroz",
             date="2021-08-18T04:12:07Z", id="2f9d6f0e-5b7e-4e0a-9a51-1c0b9d2a6a01",
             req_id="2f9d6f0e-5b7e-4e0a-9a51-1c0b9d2a6a00",
             body=news_page(site="Eurasia Monitor", title="Taliban capture Zaranj, first provincial capital to fall",
                            url="https://www.eurasiamonitor.example/asia/2021/08/06/taliban-capture-zaranj-nimroz",
                            section="Asia", byline="By Eurasia Monitor staff",
                            published="2021-08-06T16:30:00+00:00", paras=ZARANJ_PARAS)),
        dict(url="https://gulfeveningpost.example/world/taliban-seize-kunduz-sar-e-pul-taloqan",
             date="2021-08-18T04:12:31Z", id="2f9d6f0e-5b7e-4e0a-9a51-1c0b9d2a6a03",
             req_id="2f9d6f0e-5b7e-4e0a-9a51-1c0b9d2a6a02",
             body=news_page(site="Gulf Evening Post", title="Taliban seize Kunduz, Sar-e-Pul and Taloqan",
                            url="https://gulfeveningpost.example/world/taliban-seize-kunduz-sar-e-pul-taloqan",
                            section="World", byline="Meridian Press Agency",
                            published="2021-08-08T19:02:00+04:00", paras=wire_copy_paras())),
        dict(url="https://steppetimes.example/news/aybak-samangan-falls-to-taliban",
             date="2021-08-18T04:13:02Z", id="2f9d6f0e-5b7e-4e0a-9a51-1c0b9d2a6a05",
             req_id="2f9d6f0e-5b7e-4e0a-9a51-1c0b9d2a6a04",
             body=news_page(site="Steppe Times", title="Aybak, capital of Samangan, falls to the Taliban",
                            url="https://steppetimes.example/news/aybak-samangan-falls-to-taliban",
                            section="Region", byline="By Temur Aliev in Termez",
                            dateline="9 August 2021", paras=AYBAK_PARAS)),
        dict(url="https://www.eurasiamonitor.example/asia/2021/08/13/kandahar-falls-taliban",
             date="2021-08-18T04:13:40Z", id="2f9d6f0e-5b7e-4e0a-9a51-1c0b9d2a6a07",
             req_id="2f9d6f0e-5b7e-4e0a-9a51-1c0b9d2a6a06",
             body=news_page(site="Eurasia Monitor", title="Kandahar falls as Taliban sweep the south and west",
                            url="https://www.eurasiamonitor.example/asia/2021/08/13/kandahar-falls-taliban",
                            section="Asia", byline="By Eurasia Monitor staff",
                            published="2021-08-13T14:10:00+00:00", paras=KANDAHAR_PARAS)),
    ]


# --------------------------------------------------------------------------- WARC

def build_warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    info = (
        "software: frontwatch-sample-crawler/0.1\r\n"
        "format: WARC File Format 1.1\r\n"
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        "description: Sample crawl of news pages on Afghanistan, August 2021 (frontwatch examples)\r\n"
        "robots: obey\r\n"
    ).encode("utf-8")
    writer.write_record(writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict={
            "WARC-Record-ID": "<urn:uuid:2f9d6f0e-5b7e-4e0a-9a51-1c0b9d2a69ff>",
            "WARC-Date": "2021-08-18T04:12:00Z",
            "WARC-Filename": "crawl_aug2021.warc.gz",
        }))
    for page in warc_pages():
        host = page["url"].split("/")[2]
        path = "/" + page["url"].split("/", 3)[3]
        req_headers = StatusAndHeaders(f"GET {path} HTTP/1.1", [
            ("Host", host), ("User-Agent", CRAWLER), ("Accept", "text/html,application/xhtml+xml"),
            ("Accept-Encoding", "identity"), ("Connection", "close")], is_http_request=True)
        writer.write_record(writer.create_warc_record(
            page["url"], "request", payload=io.BytesIO(b""), length=0, http_headers=req_headers,
            warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:{page['req_id']}>",
                               "WARC-Date": page["date"]}))
        body = page["body"].encode("utf-8")
        resp_headers = StatusAndHeaders("200 OK", [
            ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
            ("Server", "nginx"), ("Cache-Control", "max-age=300"), ("Connection", "close")],
            protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            page["url"], "response", payload=io.BytesIO(body), length=len(body),
            http_headers=resp_headers,
            warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:{page['id']}>",
                               "WARC-Date": page["date"],
                               "WARC-Concurrent-To": f"<urn:uuid:{page['req_id']}>"}))
    return out.getvalue()


# --------------------------------------------------------------------------- cp1252 page

LASHKAR_GAH_PARAS = [
    "LASHKAR GAH \u2014 The Taliban captured Lashkar Gah, the capital of Helmand province, on Friday, "
    "after government forces withdrew from Lashkar Gah under a local ceasefire and moved to the army "
    "corps base outside the city, a member of the provincial council said.",
    "Fighting had raged inside the city for almost two weeks. The United Nations said earlier this "
    "month that at least 40 civilians had been killed in Lashkar Gah in a single 24-hour period, "
    "and tens of thousands of residents fled to Kandahar and Kabul.",
    "\u201cThe fighters raised their flag over the governor\u2019s office at midday. Nobody fired a "
    "shot,\u201d said the owner of a small caf\u00e9 near the central bazaar, who did not want his "
    "name published. \u201cWe are tired. We only want the shooting to stop.\u201d",
    "M\u00e9decins Sans Fronti\u00e8res said its hospital in the city, one of the few still working, "
    "would stay open and was treating wounded people from both sides.",
    "Helmand was the main theatre for British troops during the war. Lashkar Gah served as the "
    "headquarters of the British-led provincial reconstruction team, and 457 British service "
    "personnel died in Afghanistan between 2001 and 2014.",
    "The fall of Lashkar Gah came hours after the Taliban took Kandahar, the country\u2019s "
    "second city, and a day after they captured Herat in the west.",
]


def build_cp1252_page() -> bytes:
    page = news_page(
        site="Continental Courier", title="Lashkar Gah falls as Taliban complete sweep of the south",
        url="https://www.continentalcourier.example/international/2021/08/13/lashkar-gah-falls",
        section="International", byline="By Fran\u00e7ois R\u00e9my in Kabul",
        published="2021-08-13T19:20:00+02:00", paras=LASHKAR_GAH_PARAS, lang="en",
        charset="windows-1252")
    return page.encode("cp1252")


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a committed file differs from a fresh build")
    args = parser.parse_args(argv)
    outputs = {WARC_PATH: build_warc(), CP1252_PATH: build_cp1252_page()}
    stale = [p for p, data in outputs.items() if not p.exists() or p.read_bytes() != data]
    if args.check:
        for p in stale:
            print(f"stale: {p.relative_to(ROOT)} (run python scripts/build_examples.py)")
        return 1 if stale else 0
    for p, data in outputs.items():
        p.write_bytes(data)
        print(f"wrote {p.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
