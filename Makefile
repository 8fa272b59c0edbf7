# Set-up and everyday tasks. Needs only python3 (and, for `make test`, root or
# sudo to install the system tools the tests use: gettext's msgfmt, chromium).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench exports clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/workbench

test: $(STAMP)
	bash scripts/system-deps.sh
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest --junitxml=$(VENV)/junit.xml
	$(BIN)/python scripts/test_summary.py $(VENV)/junit.xml

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/segment.py
	$(BIN)/python bench/align.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/formats.py

exports: $(STAMP)
	$(BIN)/python scripts/regenerate_exports.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
