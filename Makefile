# The two commands: `make demo` and `make test`. Both build .venv from the project's own files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint venv lock browser ocr clean bench

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/kartoteka ingest examples --db demo.db
	$(BIN)/kartoteka persons --db demo.db
	$(BIN)/kartoteka export --db demo.db --format json -o demo-export.json
	@echo "JSON export written to demo-export.json"

# Debian's chromium for the web UI's browser tests, installed where it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# Debian's Tesseract with its Russian and English models for scans, and the fonts the OCR tests
# render their pages with (DejaVu; Liberation Mono as the typewriter face), where missing.
OCR_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus fonts-dejavu-core fonts-liberation
ocr:
	@missing=""; for p in $(OCR_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

test: $(STAMP) browser ocr
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

# Re-resolve pins and hashes from pyproject.toml (needs the package registry). The current lock
# constrains the resolution, so adding a dependency never silently upgrades the others; delete a
# line of requirements.lock to let that package move.
lock:
	$(PYTHON) -m venv /tmp/kartoteka-lock && /tmp/kartoteka-lock/bin/pip install -q --upgrade pip
	sed -n 's/^\([A-Za-z0-9_.-]*==[^ ]*\).*/\1/p' requirements.lock > /tmp/kartoteka-pins.txt
	/tmp/kartoteka-lock/bin/pip install --dry-run --ignore-installed --report /tmp/kartoteka-lock.json -q \
		-c /tmp/kartoteka-pins.txt -e ".[test,spark]"
	/tmp/kartoteka-lock/bin/python scripts/write_lock.py /tmp/kartoteka-lock.json > requirements.lock

clean:
	rm -rf $(VENV) demo.db demo-export.json
