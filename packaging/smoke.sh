#!/usr/bin/env bash
# Smoke test of the frozen app: packaging/smoke.sh [BUNDLE]   (default dist/villagebank; `make package` first)
#
# Runs the bundle as a user would, away from the source tree, with a throw-away home and data folder:
#   --version; selfcheck (fonts, catalogues, schema scripts, a Thai PDF through HarfBuzz and pythainlp's
#   dictionary); demo then verify on a new book; an old book (tests/fixtures/book_r0001.vbk) upgraded
#   through the bundled migrations after a verified backup, then verify; the `report` command when this
#   version has one, and every member's statements drawn by two worker processes spawned from the bundle;
#   the GUI started offscreen and quit once its window is up (VILLAGEBANK_SMOKE_QUIT_MS).
# Exit 0 when every step passed. Each step prints its time.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUNDLE="$(cd "${1:-$ROOT/dist/villagebank}" && pwd)"
APP="$BUNDLE/villagebank"
[ -x "$APP" ] || { echo "smoke: no executable $APP (run make package)" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/villagebank-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home"
# Nothing may come from the source tree or a developer's settings: no PYTHONPATH, an empty home, its own
# data folder, and a working directory outside the repository.
unset PYTHONPATH PYTHONHOME VILLAGEBANK_LANG VILLAGEBANK_USER VILLAGEBANK_PASSWORD PYTHAINLP_READ_ONLY
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config"
export XDG_CACHE_HOME="$WORK/home/.cache" VILLAGEBANK_HOME="$WORK/data" LANG=C.UTF-8
cd "$WORK"

ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds() { local d=$(( $(ms) - $1 )); printf '%d.%d s' $((d / 1000)) $((d % 1000 / 100)); }
passed=0 skipped=0 started=$(ms)
step() {  # step NAME COMMAND... : run, time, and stop at the first failure with its output
  local name="$1"; shift
  local t0 rc=0
  t0=$(ms)
  "$@" >"$WORK/out" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "FAILED  $name (exit $rc):"; sed 's/^/    /' "$WORK/out" | tail -40
    echo "smoke: $passed passed, 1 failed"
    exit 1
  fi
  if grep -q "^skipped:" "$WORK/out"; then
    printf 'skip    %-44s %s\n' "$name" "$(grep "^skipped:" "$WORK/out" | head -1)"
    skipped=$((skipped + 1))
  else
    printf 'ok      %-44s %s\n' "$name" "$(seconds "$t0")"
    passed=$((passed + 1))
  fi
}

expect_version() {
  local want got
  want="villagebank $(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/src/villagebank/__init__.py")"
  got="$("$APP" --version)"
  [ "$got" = "$want" ] || { echo "--version printed '$got', expected '$want'"; return 1; }
}

selfcheck() {
  "$APP" --lang en selfcheck --pdf "$WORK/selfcheck.pdf"
  if command -v pdftotext >/dev/null; then  # shaped Thai that copies out exactly
    pdftotext "$WORK/selfcheck.pdf" - | grep -q "ผู้ค้ำประกันน้ำค้าง" || { echo "Thai text lost in the PDF"; return 1; }
  fi
}

old_book() {
  local fixture="$ROOT/tests/fixtures/book_r0001.vbk"
  cp "$fixture" "$WORK/old.vbk"
  "$APP" --lang en --book "$WORK/old.vbk" backup     # opens for writing: upgrades, after a verified backup
  ls "$WORK/backups/old/" | grep -q -- "-migration-" || { echo "no migration backup was made"; return 1; }
  "$APP" --lang en --book "$WORK/old.vbk" verify
}

report() {
  if ! "$APP" --lang en --help | grep -qE '^ {4}report( |$)'; then
    echo "skipped: this version has no report command"
    return 0
  fi
  "$APP" --lang en --book "$WORK/x.vbk" report --help
}

statements_in_workers() {  # spawned worker processes of the frozen app; their PDF parts joined by pikepdf
  if ! "$APP" --lang en --book "$WORK/x.vbk" report --help | grep -- "--workers" >/dev/null; then
    echo "skipped: this version has no report workers"
    return 0
  fi
  "$APP" --lang en --book "$WORK/x.vbk" report statements --month 2568-12 --workers 2 --out "$WORK/statements.pdf"
  if command -v pdftotext >/dev/null; then  # one statement per member, each starting on its own page 1
    [ "$(pdftotext "$WORK/statements.pdf" - | grep -c "Page 1/")" -gt 1 ] || { echo "statements missing"; return 1; }
  fi
}

gui() {
  # Offscreen, the window is laid out and painted without a display; the app leaves its event loop 1.5 s
  # after showing it. A missing Qt plugin or library aborts with a non-zero exit instead.
  QT_QPA_PLATFORM=offscreen VILLAGEBANK_SMOKE_QUIT_MS=1500 timeout 120 "$APP" --book "$WORK/x.vbk"
  if grep -iE "could not (load|find)|cannot load|failed to load" "$WORK/out"; then return 1; fi
}

no_home_writes() {  # read-only pythainlp: nothing written into the home folder
  local extra
  extra="$(find "$HOME" -mindepth 1 -maxdepth 2 ! -path "$HOME/.cache*" ! -path "$HOME/.config*" -print)"
  [ -z "$extra" ] || { echo "the app wrote into the home folder:"; echo "$extra"; return 1; }
}

echo "smoke test of $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
step "--version"                              expect_version
step "selfcheck (fonts, catalogues, Thai PDF)"  selfcheck
step "demo book"                              "$APP" --book "$WORK/x.vbk" demo
step "verify the demo book"                   "$APP" --book "$WORK/x.vbk" verify
step "old book: upgrade after a backup, verify" old_book
step "report"                                 report
step "statements drawn by two worker processes" statements_in_workers
step "GUI starts offscreen and quits"         gui
step "nothing written into the home folder"   no_home_writes
echo "smoke test took $(seconds "$started")"
echo "smoke: $passed passed, 0 failed, $skipped skipped"
