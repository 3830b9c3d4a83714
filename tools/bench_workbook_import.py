"""Time the import of a book workbook the size of issue 10's S book, and check its round trip.

Usage: PYTHONPATH=src .venv/bin/python tools/bench_workbook_import.py [FOLDER] [--members 300] [--years 5]

Builds (once, kept in FOLDER) a demo book of that many founding members over that many years — monthly
meetings, loans, partner funds, welfare claims, a close every January and payouts every February —
exports it, imports the export into a new book, and prints the import's wall and CPU seconds and the
machine's load, then whether the two books have the same entries and balances. Building the S book takes a
few minutes; the import is what issue 10 times (target: under 30 s).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import tempfile
import time
from pathlib import Path


def journal(book) -> collections.Counter:
    return collections.Counter((e.date, e.kind, e.member_no, tuple(sorted(
        (p.account, p.amount.satang, p.member_no, p.loan_no) for p in e.postings))) for e in book.entries())


def main() -> None:
    from villagebank import demo
    from villagebank.exports.workbook.export import export_workbook
    from villagebank.exports.workbook.importer import import_workbook
    from villagebank.ledger import open_book

    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=Path(tempfile.gettempdir()) / "villagebank-bench-import")
    ap.add_argument("--members", type=int, default=300)
    ap.add_argument("--years", type=int, default=5)
    args = ap.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2021, 1, 3)
    until = dt.date(start.year + args.years - 1, 12, 31)
    source = folder / f"demo-{args.members}x{args.years}.vbk"
    xlsx = source.with_suffix(".xlsx")
    if not source.exists():
        t = time.time()
        demo.create_demo_book(source, members=args.members, start=start, until=until).close()
        print(f"built {source.name} in {time.time() - t:.0f} s")
    if not xlsx.exists():
        with open_book(source, readonly=True) as book:
            counts = export_workbook(book, xlsx, as_of=until).counts
        print("exported", ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    target = folder / "imported.vbk"
    for leftover in folder.glob("imported.vbk*"):
        leftover.unlink()
    load = os.getloadavg()[0]
    wall, cpu = time.time(), time.process_time()
    result = import_workbook(target, xlsx)
    wall, cpu = time.time() - wall, time.process_time() - cpu
    print(f"import: {wall:.1f} s wall, {cpu:.1f} s CPU (load average {load:.1f} on {os.cpu_count()} CPUs); "
          f"ok={result.ok}, problems={len(result.problems)}")
    if result.ok:
        with open_book(source, readonly=True) as a, open_book(target, readonly=True) as b:
            same_entries = journal(a) == journal(b)
            same_balances = ({x.code: x.balance for x in a.account_balances()}
                             == {x.code: x.balance for x in b.account_balances()})
            print(f"round trip: {a.entry_count():,} entries, same entries {same_entries}, same balances "
                  f"{same_balances}, closed years {b.closed_years()}")


if __name__ == "__main__":
    main()
