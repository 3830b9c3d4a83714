# villagebank — quick start: `make run` and `make test`. The first use sets up .venv by itself.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The packaging venv (runtime dependencies + PyInstaller), apart from the development .venv.
PKG_VENV ?= .venv-package
PKG_STAMP := $(PKG_VENV)/.installed
PYINSTALLER := pyinstaller==6.22.*
MO := resources/i18n/th/LC_MESSAGES/villagebank.mo resources/i18n/en/LC_MESSAGES/villagebank.mo

.PHONY: run test lint i18n extract bench package smoke package-archive clean demo

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

# The one-folder bundle in dist/villagebank/ (Linux here; on Windows see packaging/README.md), built in
# its own venv (the runtime dependencies and PyInstaller: no test tools in the bundle). The Linux menu
# entry and its installer script go beside the program.
package: $(PKG_STAMP)
	@start=$$(date +%s); \
	$(PKG_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	    packaging/villagebank.spec && \
	cp packaging/linux/villagebank.desktop packaging/linux/install.sh dist/villagebank/ && \
	echo "dist/villagebank: $$(du -sh dist/villagebank | cut -f1), built in $$(( $$(date +%s) - start )) s"

# The frozen app's smoke test (CLI, a Thai PDF, an old book upgraded, the GUI offscreen); `make package` first.
smoke:
	packaging/smoke.sh dist/villagebank

# dist/villagebank-<version>-linux-<machine>.tar.gz, to hand out (unpack, then run ./install.sh inside).
package-archive: package
	@v=$$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/villagebank/__init__.py); \
	out=dist/villagebank-$$v-linux-$$(uname -m).tar.gz; \
	tar -C dist -czf $$out villagebank && echo "$$out: $$(du -h $$out | cut -f1)"

$(PKG_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "villagebank needs Python 3.11 or newer")'
	@test -x $(PKG_VENV)/bin/python || $(PYTHON) -m venv $(PKG_VENV) || { echo "Could not create $(PKG_VENV): on Debian/Ubuntu run: sudo apt install python3-venv"; exit 1; }
	$(PKG_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PKG_VENV)/bin/python -m pip install --quiet . '$(PYINSTALLER)'
	@# The dependencies stay; the project itself is taken from src/ by the spec, never a stale installed copy.
	$(PKG_VENV)/bin/python -m pip uninstall --quiet --yes villagebank
	touch $(PKG_STAMP)

clean:
	rm -rf build dist .pytest_cache .ruff_cache $(MO)
