"""Check the news gold against its guideline (eval/news/README.md).

Usage:  python scripts/check_news_gold.py [eval/news | eval/news/dev ...] [--code a]
Prints one line per problem and exits 1 if there is any; else a count per split.
"""
from __future__ import annotations

import sys
from pathlib import Path

from frontwatch.events.gold import check_split, read_split


def main(argv: list[str]) -> int:
    code = "*"
    if "--code" in argv:
        at = argv.index("--code")
        code, argv = argv[at + 1], argv[:at] + argv[at + 2:]
    roots = [Path(a) for a in argv] or [Path(__file__).resolve().parents[1] / "eval" / "news"]
    splits = [p for r in roots for p in ([r] if (r / "articles").is_dir() else sorted(r.iterdir()))
              if (p / "articles").is_dir()]
    bad = 0
    for split in splits:
        problems = check_split(split, code)
        for line in problems:
            print(line)
        bad += len(problems)
        data = read_split(split, code=code)
        print(f"{split}: {len(data.articles)} articles, {len(data.events)} events, "
              f"{len(data.nonevents)} non-events, {len(problems)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
