# One command for the checks: `make check` runs lint, types and tests exactly as CI does.
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: demo test check lint types install clean

demo: $(BIN)/.installed
	$(BIN)/warta read examples/jabarekspres-kim-putin.txt --date 2023-09-11

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
	touch $@

$(BIN)/.installed-dev: pyproject.toml $(BIN)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
