#!/bin/sh
# Install the villagebank bundle for the current user (no root needed), or remove it.
#
#   ./install.sh              copy this folder to ~/.local/lib/villagebank, put `villagebank` in
#                             ~/.local/bin, add the menu entry and the icons
#   ./install.sh --uninstall  remove those again
#
# `make package` copies this script and villagebank.desktop into dist/villagebank/. The books, backups
# and logs live in ~/.local/share/villagebank (or $XDG_DATA_HOME/villagebank): this script never touches
# them, neither on install nor on uninstall. PREFIX=/some/dir puts lib/, bin/ and share/ there instead.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="${PREFIX:-$HOME/.local}"
LIB="$PREFIX/lib/villagebank"
BIN="$PREFIX/bin/villagebank"
APPS="$PREFIX/share/applications"
ICONS="$PREFIX/share/icons/hicolor"
SIZES="16 24 32 48 64 128 256 512"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$LIB"
  rm -f "$BIN" "$APPS/villagebank.desktop" "$ICONS/scalable/apps/villagebank.svg"
  for s in $SIZES; do rm -f "$ICONS/${s}x${s}/apps/villagebank.png"; done
  refresh
  echo "villagebank removed. Your books and backups are still in ${XDG_DATA_HOME:-$HOME/.local/share}/villagebank"
  exit 0
fi

[ -x "$HERE/villagebank" ] && [ -d "$HERE/_internal" ] || { echo "run this script from the villagebank folder" >&2; exit 2; }
if [ "$HERE" != "$LIB" ]; then
  rm -rf "$LIB.new"
  mkdir -p "$(dirname "$LIB")"
  cp -a "$HERE" "$LIB.new"
  rm -rf "$LIB"
  mv "$LIB.new" "$LIB"
fi
mkdir -p "$(dirname "$BIN")" "$APPS" "$ICONS/scalable/apps"
ln -sf "$LIB/villagebank" "$BIN"
res="$LIB/_internal/resources/icons"
cp "$res/villagebank.svg" "$ICONS/scalable/apps/villagebank.svg"
for s in $SIZES; do
  mkdir -p "$ICONS/${s}x${s}/apps"
  cp "$res/villagebank-$s.png" "$ICONS/${s}x${s}/apps/villagebank.png"
done
# The menu entry runs the installed program by its full path (~/.local/bin is not on every PATH).
sed "s|^Exec=villagebank\$|Exec=$BIN|" "$HERE/villagebank.desktop" > "$APPS/villagebank.desktop"
refresh
echo "villagebank $("$BIN" --version | cut -d' ' -f2) installed in $LIB; start it from the menu or with $BIN"
