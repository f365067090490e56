# Two commands do all set-up (see README): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
#: The interface's translations: the .ts is the source (edited, committed),
#: the .qm is built from it. English's holds only the plural forms of the
#: counts ("%n stories": "1 story").
TS := resources/translations/ngodesk_zh_CN.ts
TS_EN := resources/translations/ngodesk_en.ts
QM := $(TS:.ts=.qm) $(TS_EN:.ts=.qm)

.PHONY: run test suite lint ruff mypy ts dist install-desktop docs system-deps-run system-deps-test bench clean

run: system-deps-run $(STAMP) $(QM)
	$(PY) -m ngodesk

# The checks of `make lint` and the suite: CI runs `make test` alone.
# ruff's come first (a second); mypy (~20 s of one core on a fresh clone,
# which has no cache) runs beside the suite, whose start leaves a core
# free, instead of before it with the other core idle; it says nothing
# unless it finds an error, and `make test` fails if either does.
test: system-deps-test $(STAMP) $(QM) ruff
	@$(MAKE) --no-print-directory -j2 suite mypy MYPY_FLAGS=--no-error-summary

# (NGODESK_TEST_DIST=1: the suite also builds the bundle once, with
# `make dist`, and runs it as a user without Python would.)
# (PYTHONDONTWRITEBYTECODE= : Python keeps its compiled modules, as it does
# by default. Where the caller's environment says not to, each of the
# suite's workers and of the ~100 processes it starts compiled ngodesk's
# sources again, and pytest rewrote every test module in every worker.)
suite: system-deps-test $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen NGODESK_TEST_DIST=1 PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q -n auto --dist loadgroup

%.qm: %.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing user-visible strings: bring the .ts up to date, then
# translate what it marks unfinished (tests/test_translations.py checks).
# (Strings moved to another class keep their translations: carry_translations.py.)
ts: $(STAMP)
	cp $(TS) $(TS).before && cp $(TS_EN) $(TS_EN).before
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find src/ngodesk -name '*.py' | sort) -ts $(TS)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none -pluralonly -source-language en -target-language en $$(find src/ngodesk -name '*.py' | sort) -ts $(TS_EN)
	$(PY) packaging/carry_translations.py $(TS).before $(TS) && $(PY) packaging/carry_translations.py $(TS_EN).before $(TS_EN)
	rm $(TS).before $(TS_EN).before

lint: ruff mypy

ruff: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks docs packaging
	$(VENV)/bin/ruff format --check src tests benchmarks docs packaging

mypy: $(STAMP)
	$(VENV)/bin/python -m mypy $(MYPY_FLAGS)

bench: $(STAMP)
	$(PY) benchmarks/run.py

# A one-folder bundle that runs without Python: dist/ngodesk/ngodesk.
dist: system-deps-run $(STAMP) $(QM)
	$(PY) -m pip install --quiet 'pyinstaller>=6.0'
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/ngodesk.spec

# The menu entry, icons and file types, into your XDG folders (no root).
install-desktop: $(STAMP) $(QM)
	sh packaging/install-desktop.sh "$(CURDIR)/$(VENV)/bin/ngodesk"

# The user guide's screenshots, made by the program itself: docs/images in
# English, docs/images/zh with the Chinese interface (for docs/guide/zh).
docs: system-deps-test $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_screenshots.py

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
	rm -rf $(VENV) build src/*.egg-info $(QM)
