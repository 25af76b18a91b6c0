"""Build eval/copies/corpus.jsonl and pairs.gold.jsonl from the hand-written stories.

    python eval/copies/make_corpus.py

Hand-written: the stories and their rewrites (stories_*.py). Made here by rule: the
verbatim copies (the original with page chrome around it), the near-verbatim copies (an
outlet's own lead over the first 60% of the original) and the briefs (the first two
paragraphs). The gold is exhaustive for copies: every pair inside a copy family is listed
as a copy; every other pair of one conflict is listed as a negative ("hard-negative" when
both are about the same event, "same-region" otherwise).
"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stories_af_sy import AF, SY  # noqa: E402
from stories_bspin import B_SPINS  # noqa: E402
from stories_d import D_STORIES  # noqa: E402
from stories_ua_sd_mm import MM, SD, TRIM_LEADS, UA  # noqa: E402

CONFLICTS = {"af": AF, "sy": SY, "ua": UA, "sd": SD, "mm": MM}
BRIEFS = ("sy", "sd", "mm")
TUNE = ("af", "sy")          # thresholds were set looking at these two conflicts only
CHROME_TOP = "[ad_1]\nShare this article\nFacebook Twitter WhatsApp"
CHROME_BOTTOM = "Subscribe to our newsletter\n0 Comments\nLoading..."


def later(published: str, hours: int) -> str:
    return published[:11] + f"{min(23, int(published[11:13]) + hours):02d}" + published[13:]


def verbatim_copy(a: dict, c_first_line: str) -> dict:
    lines = a["text"].strip().splitlines()
    body = lines[:3] + [f"READ MORE: {c_first_line[:70]}"] + lines[3:]
    text = CHROME_TOP + "\n" + "\n".join(body) + "\n" + CHROME_BOTTOM + "\n"
    return {"published": later(a["published"], 2), "outlet": "Mirror Site", "text": text}


def trimmed_copy(a: dict, lead: str) -> dict:
    lines = a["text"].strip().splitlines()
    keep = lines[: max(2, round(len(lines) * 0.6))]
    return {"published": later(a["published"], 3), "outlet": "Regional Outlet",
            "text": lead + "\n" + "\n".join(keep) + "\n"}


def brief(a: dict) -> dict:
    lines = a["text"].strip().splitlines()
    return {"published": later(a["published"], 1), "outlet": "Briefs Desk",
            "text": "\n".join(lines[:2]) + "\n(Wire Service)\n"}


def articles_of(key: str, stories: dict) -> dict[str, dict]:
    out = {f"{key}-{name}": story for name, story in stories.items() if name in "abc"}
    out[f"{key}-a-copy"] = verbatim_copy(stories["a"], stories["c"]["text"].splitlines()[0])
    out[f"{key}-a-trim"] = trimmed_copy(stories["a"], TRIM_LEADS[key])
    if key in BRIEFS:
        out[f"{key}-a-brief"] = brief(stories["a"])
    out[f"{key}-a-spin"] = stories["spin"]
    if "spin2" in stories:
        out[f"{key}-a-spin2"] = stories["spin2"]
    out[f"{key}-b-spin"] = B_SPINS[key]
    if key in D_STORIES:
        out[f"{key}-d"] = D_STORIES[key]
    return out


def family(article_id: str) -> str:
    return article_id[:4]          # "af-a", "af-b", "af-c"


def pair_kind(x: str, y: str) -> str:
    if family(x) != family(y):
        same_event = "c" not in {family(x)[-1], family(y)[-1]}
        return "hard-negative" if same_event else "same-region"
    names = {x[5:] or "orig", y[5:] or "orig"}
    if names <= {"orig", "copy"}:
        return "verbatim"
    if any("spin" in n for n in names):
        return "rewrite-of-rewrite" if names == {"spin", "spin2"} else "rewrite"
    return "near-verbatim"


def gold_pairs(ids: list[str], key: str) -> list[dict]:
    split = "tune" if key in TUNE else "test"
    return [{"a": x, "b": y, "copy": family(x) == family(y), "kind": pair_kind(x, y),
             "split": split}
            for x, y in itertools.combinations(sorted(ids), 2)]


def main() -> None:
    corpus, gold = [], []
    for key, stories in CONFLICTS.items():
        arts = articles_of(key, stories)
        for article_id, story in sorted(arts.items()):
            corpus.append({"id": article_id, "published": story["published"],
                           "outlet": story["outlet"], "text": story["text"]})
        gold.extend(gold_pairs(list(arts), key))
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus)
    with open(HERE / "pairs.gold.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in gold)
    positives = sum(p["copy"] for p in gold)
    print(f"{len(corpus)} articles, {len(gold)} gold pairs ({positives} copies)")


if __name__ == "__main__":
    main()
