"""A small story in a store, for the web app and the report: articles ingested through the
ingest API, mentions built by hand from their sentences, fused by the real fusion stage.

Afghanistan, summer 2021 (facts only; the sentences are ours):
- Kunduz (a provincial capital): besieged on 21 June, captured on 8 August.
- Qala-i-Naw (a provincial capital): taken and retaken on 7 July, taken again on 13 August.
- Spin Boldak: captured on 14 July by the Taliban's word, denied by the government.
- Imam Sahib district: captured on 22 June, with fighters killed.
- Lashkar Gah (a provincial capital): entered on 3 August, contested; a clash with deaths.
One article carries markup and script in its title, text and outlet: it must show as text.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from frontwatch.fuse import Mention, Place
from frontwatch.fuse.run import fuse_store
from frontwatch.ingest import ingest_paths
from frontwatch.settings import Settings
from frontwatch.store import open_store
from frontwatch.store.articles import iter_articles

KUNDUZ = Place("Kunduz", "gn:1135689", "populated place", "Kunduz", "Kunduz", "AF", 36.73, 68.86, 1, "PPLA")
QALA_I_NAW = Place("Qala-i-Naw", "gn:1131316", "populated place", "Badghis", None, "AF", 34.98, 63.13, 1, "PPLA")
SPIN_BOLDAK = Place("Spin Boldak", "gn:1126727", "populated place", "Kandahar", None, "AF", 31.0, 66.4, 1, "PPL")
IMAM_SAHIB = Place("Imam Sahib", "adm2:af-imam-sahib", "admin2", "Kunduz", "Imam Sahib", "AF", 37.18, 68.92, 1)
LASHKAR_GAH = Place("Lashkar Gah", "gn:1147290", "populated place", "Helmand", None, "AF", 31.59, 64.37, 1, "PPLA")

COPY_CLUSTER = "c0" * 16
XSS_TITLE = '<script>window.__xss = "title"</script>Kunduz falls <img src=x onerror="window.__xss=\'img\'">'
XSS_OUTLET = '<img src=x onerror="window.__xss=\'outlet\'">Night Wire'
XSS_SENTENCE = ('Fighters seized Kunduz on Sunday <img src=x onerror="window.__xss=\'sentence\'">'
                '<script>window.__xss = "text"</script> after a long night.')

ARTICLES = [
    dict(id="siege", title="Insurgents close the roads around Kunduz", outlet="North Desk",
         url="https://north.example/kunduz-siege", published="2021-06-22",
         text="Insurgents surrounded Kunduz on Monday and closed every road into the city. "
              "In Imam Sahib, the district centre fell on Tuesday and four fighters were killed."),
    dict(id="qala", title="Qala-i-Naw changes hands twice in a day", outlet="Western Herald",
         url="https://western.example/qala-i-naw", published="2021-07-08",
         text="Taliban fighters overran Qala-i-Naw on Wednesday morning. "
              "By nightfall army commandos had retaken Qala-i-Naw, a provincial spokesman said."),
    dict(id="qala-copy", title="Qala-i-Naw retaken by the army", outlet="Mirror Post",
         url="https://mirror.example/qala-i-naw", published="2021-07-08",
         text="Taliban fighters overran Qala-i-Naw on Wednesday morning. "
              "By nightfall army commandos had retaken Qala-i-Naw, a provincial spokesman said."),
    dict(id="boldak", title="Border crossing claimed", outlet="South Line",
         url="https://south.example/spin-boldak", published="2021-07-14",
         text="The Taliban said they had captured Spin Boldak. "
              "The interior ministry denied that the town had fallen."),
    dict(id="lashkar", title="Street fighting in Lashkar Gah", outlet="Helmand Today",
         url="https://helmand.example/lashkar-gah", published="2021-08-04",
         text="Fighters entered Lashkar Gah on Tuesday and fought in its streets. "
              "At least twenty people were killed in the clashes, doctors said."),
    dict(id="kunduz", title="Kunduz falls", outlet="North Desk",
         url="https://north.example/kunduz-falls", published="2021-08-08",
         text="The Taliban captured Kunduz on Sunday after weeks of siege."),
    dict(id="xss", title=XSS_TITLE, outlet=XSS_OUTLET, url="javascript:window.__xss='url'",
         published="2021-08-09", text=XSS_SENTENCE),
    dict(id="qala-again", title="Qala-i-Naw lost again", outlet="Western Herald",
         url="https://western.example/qala-i-naw-again", published="2021-08-13",
         text="Qala-i-Naw fell to the Taliban again on Friday."),
]


def _ingest(tmp: Path, store) -> dict[str, dict]:
    feed = tmp / "story.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    ingest_paths(store, [str(feed)], Settings(db=store.path))
    by_url = {a.url: a for a in iter_articles(store)}
    return {a["id"]: by_url[a["url"]] for a in ARTICLES}


def _mention(n: int, article, place: Place, kind: str, sentence: str, date: str,
             evidence, **kw) -> Mention:
    assert sentence in article.text, sentence
    return Mention(id=f"story-m{n:02d}", article_id=article.id, order=n, kind=kind,
                   factuality=kw.pop("factuality", "asserted"), place=place, date=date,
                   date_precision="day", date_basis="relative", published=article.published[:10],
                   sentence=sentence, evidence=evidence, outlet=article.outlet, url=article.url,
                   source=article.source, new_controller=kw.pop("new_controller", "Taliban"), **kw)


def story_mentions(a: dict) -> list[Mention]:
    s = lambda key, i: [x.strip() + ("" if x.strip().endswith(".") else ".")  # noqa: E731
                        for x in a[key].text.split(". ")][i]
    clash = dict(event_type="Battles", sub_event_type="Armed clash")
    return [
        _mention(1, a["siege"], KUNDUZ, "besieged", s("siege", 0), "2021-06-21", {"trigger": "surrounded"}),
        _mention(2, a["siege"], IMAM_SAHIB, "captured", s("siege", 1), "2021-06-22",
                 {"trigger": "fell", "place": "Imam Sahib"}, fatalities=4),
        _mention(3, a["qala"], QALA_I_NAW, "captured", s("qala", 0), "2021-07-07", {"trigger": "overran"}),
        _mention(4, a["qala"], QALA_I_NAW, "recaptured", s("qala", 1), "2021-07-07",
                 {"trigger": "retaken"}, new_controller="Afghan government", previous_controller="Taliban"),
        _mention(5, a["qala-copy"], QALA_I_NAW, "captured", s("qala-copy", 0), "2021-07-07", {"trigger": "overran"}),
        _mention(6, a["qala-copy"], QALA_I_NAW, "recaptured", s("qala-copy", 1), "2021-07-07",
                 {"trigger": "retaken"}, new_controller="Afghan government", previous_controller="Taliban"),
        _mention(7, a["boldak"], SPIN_BOLDAK, "captured", s("boldak", 0), "2021-07-14",
                 {"trigger": "captured"}, factuality="attributed", attributed_to="Taliban"),
        _mention(8, a["boldak"], SPIN_BOLDAK, "captured", s("boldak", 1), "2021-07-14",
                 {"trigger": "denied"}, factuality="negated", attributed_to="Afghan government"),
        _mention(9, a["lashkar"], LASHKAR_GAH, "entered", s("lashkar", 0), "2021-08-03", {"trigger": "entered"}),
        _mention(10, a["lashkar"], LASHKAR_GAH, "clash", s("lashkar", 1), "2021-08-03",
                 {"trigger": "killed"}, fatalities=20, new_controller=None, actor1="Taliban",
                 actor2="Afghan government", **clash),
        _mention(11, a["kunduz"], KUNDUZ, "captured", a["kunduz"].text, "2021-08-08",
                 {"start": 11, "end": 19}),
        _mention(12, a["xss"], KUNDUZ, "captured", a["xss"].text, "2021-08-08", {"trigger": "seized"}),
        _mention(13, a["qala-again"], QALA_I_NAW, "captured", a["qala-again"].text, "2021-08-13",
                 {"trigger": "fell"}),
    ]


def build_story_store(tmp: Path, with_copies: bool = True) -> str:
    """Write the story store under ``tmp``; return its path."""
    path = str(tmp / "story.db")
    with open_store(path) as store:
        articles = _ingest(tmp, store)
        mentions = story_mentions(articles)
        if with_copies:
            cluster = COPY_CLUSTER
            mentions = [replace(m, copy_cluster=cluster) if m.article_id in
                        {articles["qala"].id, articles["qala-copy"].id} else m for m in mentions]
            _store_copy_cluster(store, cluster, [articles["qala"].id, articles["qala-copy"].id])
        fuse_store(store, mentions)
    return path


def _store_copy_cluster(store, cluster: str, members: list[str]) -> None:
    """A copy cluster as the copies stage stores it (its tables, made here if missing)."""
    with store.transaction():
        store.execute("CREATE TABLE IF NOT EXISTS copy_clusters (id TEXT PRIMARY KEY, origin_id TEXT NOT NULL, "
                      "size INTEGER NOT NULL)")
        store.execute("CREATE TABLE IF NOT EXISTS copy_members (article_id TEXT PRIMARY KEY, "
                      "cluster_id TEXT NOT NULL, similarity REAL NOT NULL, kind TEXT)")
        store.execute("INSERT OR REPLACE INTO copy_clusters VALUES (?, ?, ?)", (cluster, members[0], len(members)))
        for index, article_id in enumerate(members):
            store.execute("INSERT OR REPLACE INTO copy_members VALUES (?, ?, ?, ?)",
                          (article_id, cluster, 1.0 if index == 0 else 0.98,
                           None if index == 0 else "verbatim"))
