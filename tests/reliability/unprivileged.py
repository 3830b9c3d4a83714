"""Run by test_permissions as an unprivileged user (root ignores file modes): try each way of using a
book that cannot be written and print what happened as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from villagebank.i18n import set_language
from villagebank.ledger import BackupError, BookError, LedgerError, open_book


def attempt(fn):
    try:
        return {"ok": True, "value": fn()}
    except (BookError, BackupError, LedgerError) as exc:
        return {"ok": False, "error": type(exc).__name__, "reason": getattr(exc, "reason", None), "message": str(exc)}


def main() -> None:
    set_language("th")
    path = Path(sys.argv[1])
    backup_to = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    results = {"write_open": attempt(lambda: open_book(path).close())}

    def view():
        with open_book(path, readonly=True) as book:
            return {"members": len(book.members()), "entries": book.entry_count(), "ok": book.verify().ok}

    results["view"] = attempt(view)

    def record_while_viewing():
        with open_book(path, readonly=True) as book:
            book.add_member({"first_name": "ผู้บุกรุก", "join_date": book.clock.today()})

    results["record_while_viewing"] = attempt(record_while_viewing)
    if backup_to is not None:
        def backup():
            with open_book(path, readonly=True) as book:
                return str(book.backup(backup_to).path)

        results["backup"] = attempt(backup)
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
