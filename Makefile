# villagebank — quick start: `make run` and `make test`. The first use sets up .venv by itself.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MO := resources/i18n/th/LC_MESSAGES/villagebank.mo resources/i18n/en/LC_MESSAGES/villagebank.mo

.PHONY: run test lint i18n extract bench package clean demo

run: $(STAMP) $(MO)
	$(PY) -m villagebank

test: $(STAMP) $(MO)
	$(VENV)/bin/ruff check src tests migrations
	$(VENV)/bin/lint-imports
	PYTHONPATH=src QT_QPA_PLATFORM=offscreen PYTHAINLP_READ_ONLY=1 $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests migrations
	$(VENV)/bin/lint-imports

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "villagebank needs Python 3.11 or newer")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Could not create .venv: on Debian/Ubuntu run: sudo apt install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Compiled catalogues are built, not committed.
resources/i18n/%/LC_MESSAGES/villagebank.mo: resources/i18n/%/LC_MESSAGES/villagebank.po $(STAMP)
	$(VENV)/bin/pybabel compile --use-fuzzy -d resources/i18n -D villagebank -l $* >/dev/null

i18n: $(MO)

# Refresh the template and merge new strings into both catalogues.
extract: $(STAMP)
	$(VENV)/bin/pybabel extract -F resources/i18n/babel.cfg -k N_ -k _ --no-location --sort-output \
	    --project villagebank -o resources/i18n/villagebank.pot src
	$(VENV)/bin/pybabel update -i resources/i18n/villagebank.pot -d resources/i18n -D villagebank --no-fuzzy-matching

demo: $(STAMP) $(MO)
	$(PY) -m villagebank --book /tmp/villagebank-demo.vbk demo

bench: $(STAMP) $(MO)
	$(PY) -m bench

package: $(STAMP) $(MO)
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(VENV)/bin/pyinstaller --noconfirm --clean packaging/villagebank.spec

clean:
	rm -rf build dist .pytest_cache .ruff_cache $(MO)
