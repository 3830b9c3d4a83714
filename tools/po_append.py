"""Append new messages to the catalogues without rewriting them (keeps merges of concurrent branches easy).

Usage: python tools/po_append.py tools/th/FILE.py [...]
Each FILE.py holds ``TH = {msgid: thai}``. Every msgid not yet in th/ is appended there with its Thai; every
msgid not yet in en/ is appended there with an empty msgstr (English is the source language).
"""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

from babel.messages.pofile import escape, read_po

ROOT = Path(__file__).resolve().parents[1] / "resources/i18n"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def _entry(msgid: str, msgstr: str) -> str:
    flag = "#, python-brace-format\n" if PLACEHOLDER.search(msgid) else ""
    return f"\n{flag}msgid {escape(msgid)}\nmsgstr {escape(msgstr)}\n"


def main(files: list[str]) -> int:
    table: dict[str, str] = {}
    for f in files:
        table.update(runpy.run_path(f)["TH"])
    bad = [m for m, t in table.items() if sorted(PLACEHOLDER.findall(m)) != sorted(PLACEHOLDER.findall(t))]
    if bad:
        print("placeholders differ:", *bad, sep="\n  ")
        return 1
    for lang in ("th", "en"):
        po = ROOT / lang / "LC_MESSAGES/villagebank.po"
        with po.open("rb") as fp:
            have = {m.id for m in read_po(fp, locale=lang) if m.id}
        new = [m for m in table if m not in have]
        with po.open("a", encoding="utf-8") as fp:
            for msgid in new:
                fp.write(_entry(msgid, table[msgid] if lang == "th" else ""))
        print(f"{lang}: {len(new)} appended")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
