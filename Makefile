# frontwatch: two commands on a fresh machine.
#   make demo   set up, run the whole pipeline on examples/, say where the results are
#   make test   set up and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: demo test setup browser clean bench eval lock

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	mkdir -p $(OUT)
	$(BIN)/frontwatch ingest examples --db $(OUT)/frontwatch.db
	$(BIN)/frontwatch stats --db $(OUT)/frontwatch.db
	$(BIN)/frontwatch report --db $(OUT)/frontwatch.db --out $(OUT)/report
	@echo "Report: $(OUT)/report/report.html (map: frontwatch serve --db $(OUT)/frontwatch.db)"
	@echo "Results: $(OUT)/frontwatch.db (frontwatch articles --db $(OUT)/frontwatch.db)"

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Headless Chromium for the browser tests: Debian's chromium and chromium-driver.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium chromium-driver; \
	fi

bench: $(STAMP)
	$(BIN)/python -m frontwatch.bench

lock: $(STAMP)
	{ echo "# Exact versions of everything frontwatch installs, direct and indirect. Regenerate: make lock"; \
	  $(BIN)/pip freeze --exclude-editable; } > constraints.txt

clean:
	rm -rf $(VENV) $(OUT)
