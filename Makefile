# One command each: `make install`, `make demo`, `make test`, `make check`.
# The interpreter of the venv: the system's own CPython (/usr/bin/python3) when it is 3.11 or newer
# and can make a venv, else python3 from PATH. Debian builds CPython with profile-guided and
# link-time optimisation, pyenv by default with neither: the same extraction took 11% less time on
# the former on this machine, 4-27% across whole-corpus runs (README, Benchmark).
# `make install PYTHON=python3.12` chooses another.
PYTHON ?= $(or $(shell for p in /usr/bin/python3 python3; do \
	$$p -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done),python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000

.PHONY: install demo test check lint format typecheck bench clean

$(BIN)/cachlamhay: pyproject.toml
	@echo "venv on $$($(PYTHON) -c 'import sys; print(sys.version.split()[0], sys.base_prefix)')"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/cachlamhay

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/cachlamhay --db $(DEMO_DB) ingest examples/
	$(BIN)/cachlamhay --db $(DEMO_DB) stats
	@echo "Web UI: http://$(DEMO_HOST):$(DEMO_PORT)/  (e.g. /province/ha-tinh; Ctrl-C stops it)"
	$(BIN)/cachlamhay --db $(DEMO_DB) serve --host $(DEMO_HOST) --port $(DEMO_PORT)

test: install
	$(BIN)/python -m pytest -q

lint:
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format:
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

typecheck:
	$(BIN)/mypy src

check: install lint typecheck test

bench: install
	$(BIN)/python bench/ingest_corpus.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)*
