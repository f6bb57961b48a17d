# One command for the checks: `make check` runs lint, types and tests exactly as CI does.
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: demo test check lint types install clean

# The main job: ingest the bundled example articles into an embedded DuckDB database
# (no server), then print the events found, one row per event across articles.
demo: $(BIN)/.installed
	rm -f demo.duckdb
	$(BIN)/warta ingest examples/ --db demo.duckdb --quiet --date 2023-09-11
	$(BIN)/warta events --db demo.duckdb

test: $(BIN)/.installed-dev
	$(BIN)/pytest

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

types: $(BIN)/.installed-dev
	$(BIN)/mypy

check: lint types test

install: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	# An editable install compiles no bytecode, and where PYTHONDONTWRITEBYTECODE is set
	# (as on this project's machines) every run compiled every module again: about 0.1 s
	# of CPU for each command and again for the worker pool's start (measured).
	$(BIN)/python -m compileall -q src
	touch $@

# Every extra, so the API, browser, PostgreSQL and Ray tests run (each skips with a
# reason when its system part, Chromium or a PostgreSQL server, is absent).
$(BIN)/.installed-dev: pyproject.toml $(BIN)/.installed
	$(BIN)/pip install --quiet -e '.[dev,server,browser,postgres,ray,train,bench]'
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
