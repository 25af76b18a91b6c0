#!/usr/bin/env bash
# A user's fresh clone has no ../shared beside it: the suite must collect with no error and
# its tests pass there, with one line saying the seed checks were not run. Clones the
# committed state into an empty temporary folder and runs the suite there, on this
# checkout's virtual environment (set up by `make test`) but the clone's own code.
# Usage: bash scripts/check_fresh_clone.sh [PYTEST ARGS...]   (default: the tests not marked slow)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
python="$here/.venv/bin/python"
[ -x "$python" ] || { echo "no virtual environment at $here/.venv: run make test first" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git clone --quiet "$here" "$tmp/frontwatch"
cd "$tmp/frontwatch"
[ ! -e ../shared ] || { echo "a shared folder is beside the clone at $tmp: not a fresh clone" >&2; exit 2; }
export PYTHONPATH="$tmp/frontwatch/src"
"$python" -c 'import frontwatch, sys; sys.exit(0 if frontwatch.__file__.startswith(sys.argv[1]) else "the clone imports another copy of frontwatch: " + frontwatch.__file__)' "$tmp/frontwatch"
"$python" -m pytest --collect-only -q > collect.log || { cat collect.log; exit 1; }
tail -n 2 collect.log
[ $# -gt 0 ] || set -- -m "not slow and not browser"
"$python" -m pytest -q "$@" | tee run.log
grep -q "seed checks not run" run.log || { echo "the clone's run did not say that the seed checks were not run" >&2; exit 1; }
