# Two commands do all set-up (see README): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint system-deps-run system-deps-test bench clean

run: system-deps-run $(STAMP)
	$(PY) -m ngodesk

test: system-deps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

bench: $(STAMP)
	$(PY) benchmarks/run.py

system-deps-run:
	@PYTHON=$(PYTHON) sh packaging/system-deps.sh run

system-deps-test:
	@PYTHON=$(PYTHON) sh packaging/system-deps.sh test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build src/*.egg-info
