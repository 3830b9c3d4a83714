"""Append new strings to the catalogues: Thai from ``TH = {msgid: msgstr}`` files, an empty English entry.

Usage: python tools/po_append.py tools/th/gui.py [...]

Only msgids missing from a catalogue are appended, at its end, as standard PO entries — existing entries
are never rewritten, so concurrent branches merge cleanly (``*.po merge=union`` in .gitattributes).
Checks that placeholders match. Unlike ``make extract`` it does not touch the template or reorder.
"""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1] / "resources/i18n"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def _quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    if "\n" not in body:
        return f'"{body}"'
    lines = body.split("\n")
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


def entry(msgid: str, msgstr: str) -> str:
    flag = "#, python-brace-format\n" if PLACEHOLDER.search(msgid) else ""
    return f"\n{flag}msgid {_quote(msgid)}\nmsgstr {_quote(msgstr)}\n"


def append(lang: str, table: dict[str, str], *, empty: bool) -> int:
    po = ROOT / lang / "LC_MESSAGES/villagebank.po"
    with po.open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    have = {m.id for m in catalog if m.id}
    new = [(k, "" if empty else v) for k, v in table.items() if k not in have]
    if new:
        text = po.read_text(encoding="utf-8")
        if not text.endswith("\n"):
            text += "\n"
        text += "".join(entry(k, v) for k, v in new)
        po.write_text(text, encoding="utf-8")
    return len(new)


def main(files: list[str]) -> int:
    table: dict[str, str] = {}
    bad = 0
    for f in files:
        for msgid, msgstr in runpy.run_path(f)["TH"].items():
            if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
                print(f"placeholders differ: {msgid!r} -> {msgstr!r}")
                bad += 1
                continue
            table[msgid] = msgstr
    if bad:
        return 1
    print(f"th: {append('th', table, empty=False)} appended; en: {append('en', table, empty=True)} appended")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
