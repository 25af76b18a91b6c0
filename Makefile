# frontwatch: two commands on a fresh machine.
#   make demo   set up, run the whole pipeline on examples/, say where the results are
#   make test   set up and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: demo test setup browser clean bench eval lock fuzz

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	mkdir -p $(OUT)
	$(BIN)/frontwatch run examples --db $(OUT)/frontwatch.db
	$(BIN)/frontwatch control --tally --from 2021-08-01 --to 2021-08-16 --chart $(OUT)/tally.png --db $(OUT)/frontwatch.db > $(OUT)/tally.txt
	$(BIN)/frontwatch export --format acled-csv --out $(OUT)/events.csv --db $(OUT)/frontwatch.db
	$(BIN)/frontwatch export --format geojson --out $(OUT)/events.geojson --db $(OUT)/frontwatch.db
	$(BIN)/frontwatch report --db $(OUT)/frontwatch.db --out $(OUT)/report
	@echo "Results in $(OUT)/: frontwatch.db (the store), events.csv (ACLED-style), events.geojson,"
	@echo "tally.png and tally.txt (provincial capitals held, day by day)."
	@echo "report/report.html (with map.png and timeline.png): what changed hands, every statement with its sources."
	@echo "Explore: $(BIN)/frontwatch events --db $(OUT)/frontwatch.db, or the map: $(BIN)/frontwatch serve --db $(OUT)/frontwatch.db"

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Headless Chromium for the browser tests: Debian's chromium and chromium-driver.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium chromium-driver; \
	fi

bench: $(STAMP)
	for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

eval: $(STAMP)
	mkdir -p $(OUT)/eval
	$(BIN)/frontwatch copies eval eval/copies/pairs.gold.jsonl eval/copies/corpus.jsonl
	$(BIN)/frontwatch places-eval eval/places/gold.jsonl
	rm -f $(OUT)/eval/*.db*
	$(BIN)/frontwatch eval ../shared/seeds/gold.jsonl --articles ../shared/seeds/articles --db $(OUT)/eval/seeds.db
	$(BIN)/frontwatch eval eval/examples/events.gold.jsonl --articles examples --db $(OUT)/eval/examples.db
	$(BIN)/frontwatch eval eval/events/gold.jsonl --articles eval/events/articles --db $(OUT)/eval/events.db
	$(BIN)/frontwatch eval eval/news/dev --db $(OUT)/eval/news-dev.db
	$(BIN)/frontwatch eval eval/news/heldout --db $(OUT)/eval/news-heldout.db

# Coverage-guided fuzzing (fuzz/, atheris) of each reader family and the date stage, for
# FUZZ_SECONDS each; crashes and the growing corpora are kept in out/fuzz/. Where atheris
# does not install, the hypothesis fuzz tests run with their long profile instead.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := text jsonl warc feed gzip dates

fuzz: $(STAMP)
	@if $(BIN)/pip install --quiet -c constraints.txt -e '.[test,fuzz]' && $(BIN)/python -c 'import atheris'; then \
	  for name in $(FUZZ_TARGETS); do \
	    echo "== fuzz/fuzz_$$name.py for $(FUZZ_SECONDS) s"; \
	    $(BIN)/python fuzz/fuzz_$$name.py -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 || exit 1; \
	  done; \
	else \
	  echo "atheris is not available: the hypothesis fuzz tests with their long profile"; \
	  FRONTWATCH_FUZZ_PROFILE=fuzz $(BIN)/python -m pytest -q --hypothesis-show-statistics \
	    tests/test_fuzz_readers.py tests/test_fuzz_stages.py; \
	fi

lock: $(STAMP)
	{ echo "# Exact versions of everything frontwatch installs, direct and indirect. Regenerate: make lock"; \
	  $(BIN)/pip freeze --exclude-editable; } > constraints.txt

clean:
	rm -rf $(VENV) $(OUT)
