"""Fill Thai translations into resources/i18n/th from a Python file holding a dict ``TH = {msgid: msgstr}``.

Usage: python tools/po_fill.py FILE.py [FILE.py ...]   (then `make i18n`). Checks that placeholders match.
"""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "resources/i18n/th/LC_MESSAGES/villagebank.po"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def main(files: list[str]) -> int:
    with PO.open("rb") as fp:
        catalog = read_po(fp, locale="th")
    bad = 0
    for f in files:
        table: dict[str, str] = runpy.run_path(f)["TH"]
        for msgid, msgstr in table.items():
            if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
                print(f"placeholders differ: {msgid!r} -> {msgstr!r}")
                bad += 1
                continue
            msg = catalog.get(msgid)
            if msg is None:
                catalog.add(msgid, msgstr)
            else:
                msg.string = msgstr
                msg.flags.discard("fuzzy")
    with PO.open("wb") as fp:
        write_po(fp, catalog, width=0, sort_output=True, omit_header=False)
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"{len(missing)} msgid(s) still without Thai")
    for m in missing:
        print("  ", repr(m))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
