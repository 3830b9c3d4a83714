"""The jobs of the suite, each measured against its floor or peer in the same process run, interleaved.

Every job function takes the dataset, a repeat count and a scratch folder, and returns a JSON-able dict:
``{"runs": {name: {...}}, "facts": {...}}`` where each run has the times (s), their median, the CPU cores
kept busy and the peak resident memory (MiB) of the process tree during that run.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from bench import ROOT
from bench.gen import LAST_YEAR, Dataset
from bench.measure import Run, interleaved, median, once, run_process

TODAY = dt.date(LAST_YEAR + 1, 1, 2)
AS_OF = dt.date(LAST_YEAR, 6, 30)  # member balances as of a date
MONTH = (LAST_YEAR, 12)  # the month of the statements


def _clock(today: dt.date = TODAY):
    from villagebank.ledger import FixedClock

    return FixedClock(today)


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _runs(runs: dict[str, Run]) -> dict[str, dict]:
    return {k: {"times": v.times, "median": v.median, "cores": v.cores, "peak_mib": v.peak, "cpu": v.cpu}
            for k, v in runs.items()}


def _copy(src: Path, scratch: Path, name: str) -> Path:
    dst = scratch / name
    shutil.copyfile(src, dst)
    return dst


# --- member balances as of a date ------------------------------------------------------------------------------
BALANCES_SQL = ("SELECT member_no, account, SUM(amount) FROM posting WHERE member_no IS NOT NULL AND "
                "(account IN ('shares', 'loans', 'payable:payouts', 'payable:former_members') "
                "OR account LIKE 'savings:%') AND date <= ? GROUP BY member_no, account")


def balances(ds: Dataset, repeat: int, scratch: Path, *, hledger: bool = True) -> dict:
    from villagebank.ledger import open_book

    book = open_book(ds.book, readonly=True, clock=_clock())
    raw = _ro(ds.book)
    out: dict[str, Any] = {}
    runs = interleaved({
        "job": lambda: out.__setitem__("job", book.member_balances(AS_OF)),
        "raw sqlite3 GROUP BY": lambda: out.__setitem__("raw", raw.execute(BALANCES_SQL, (AS_OF.isoformat(),))
                                                        .fetchall()),
    }, repeat)
    members = {no for no, _a, _v in out["raw"]}
    assert [b.member_no for b in out["job"]] == sorted(members)
    nonzero = sum(1 for _no, _a, v in out["raw"] if v)
    facts: dict[str, Any] = {"members": len(members), "nonzero balances": nonzero}
    book.close()
    result = {"runs": _runs(runs), "facts": facts}
    if hledger and shutil.which("hledger"):
        end = (AS_OF + dt.timedelta(days=1)).isoformat()
        cmd = ["hledger", "-f", str(ds.journal), "bal", "-e", end, "--no-total", "-O", "csv",
               "^equity:shares:", "^assets:loans:", "^liabilities:payable:(payouts|former_members):",
               "^liabilities:savings:"]
        p = run_process(cmd, timeout=1800)
        lines = [ln for ln in p.stdout.splitlines()[1:] if ln.strip()]
        facts["hledger balances"] = len(lines)
        facts["hledger exit"] = p.returncode
        if p.returncode == 0:
            # The same figures: hledger omits zero balances; compare the non-zero ones.
            result["runs"]["hledger bal"] = {"times": [p.seconds], "median": p.seconds, "cores": p.cpu / p.seconds,
                                             "peak_mib": p.peak_mib, "cpu": [p.cpu]}
            facts["hledger agrees"] = len(lines) == nonzero
        else:
            facts["hledger error"] = p.stderr[-300:]
    return result


# --- one member's statement data --------------------------------------------------------------------------------
MEMBER_SQL = ("SELECT p.entry_seq, p.date, e.kind, e.receipt_no, p.account, p.loan_no, p.amount, a.type "
              "FROM posting p JOIN entry e ON e.seq = p.entry_seq JOIN account a ON a.code = p.account "
              "WHERE p.member_no = ?")


def statement_data(ds: Dataset, repeat: int, scratch: Path) -> dict:
    from villagebank.ledger import open_book
    from villagebank.reports.statement import statement

    book = open_book(ds.book, readonly=True, clock=_clock())
    raw = _ro(ds.book)
    nos = [r[0] for r in raw.execute("SELECT member_no FROM member WHERE status IN ('active', 'suspended') "
                                     "ORDER BY member_no")]
    sample = random.Random(7).sample(nos, min(len(nos), max(repeat, 30)))
    runs = {"job": Run(), "raw indexed SELECT": Run(), "monthly statement report": Run()}
    lines = 0
    for i in range(max(repeat, 30)):
        no = sample[i % len(sample)]
        got = once(lambda no=no: book.member_lines(no), runs["job"], memory=False)
        rows = once(lambda no=no: raw.execute(MEMBER_SQL, (no,)).fetchall(), runs["raw indexed SELECT"], memory=False)
        assert len(got) == len(rows)
        lines += len(rows)
    for i in range(max(3, repeat // 3)):
        once(lambda i=i: statement(book, sample[i], *MONTH), runs["monthly statement report"], memory=False)
    book.close()
    return {"runs": _runs(runs), "facts": {"members sampled": len(sample), "lines per member": lines // max(repeat, 30)}}


# --- one meeting-day payment ---------------------------------------------------------------------------------------
def payment(ds: Dataset, repeat: int, scratch: Path) -> dict:
    from villagebank.ledger import open_book
    from villagebank.ledger.journal import compute_hash

    path = _copy(ds.book, scratch, "payment.vbk")
    day = dt.date(LAST_YEAR + 1, 1, 3)
    book = open_book(path, clock=_clock(day))
    meeting = book.open_meeting(day)
    sheet = [d for d in book.collection_sheet(meeting.id) if d.total.satang]
    with_loan = [d for d in sheet if d.loans]
    n = max(repeat, 40)
    rng = random.Random(11)
    picks = rng.sample(with_loan, min(len(with_loan), n // 2)) + rng.sample([d for d in sheet if not d.loans], n // 2)
    rng.shuffle(picks)
    floor_members = [d.member_no for d in rng.sample(sheet, min(len(sheet), n))]
    # The floor writes into a copy of its own: on the same file each of its commits would make the app's connection
    # throw away its page cache before the next payment (SQLite sees another connection's write), a cost of the
    # interleaving and not of the app.
    raw = sqlite3.connect(_copy(ds.book, scratch, "payment-floor.vbk"), isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    state = {"i": 0}

    def floor() -> None:
        """The same rows as a payment with a loan (entry, four postings, receipt) with its hash, one commit."""
        no = floor_members[state["i"] % len(floor_members)]
        state["i"] += 1
        raw.execute("BEGIN IMMEDIATE")
        seq, prev = raw.execute("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1").fetchone()
        receipt = raw.execute("SELECT max(receipt_no) FROM receipt").fetchone()[0] + 1
        seq += 1
        iso = day.isoformat()
        ev = (seq, iso, "meeting_payment", "", no, None, meeting.id, receipt, None, "", f"{iso}T09:00:00+07:00",
              "bench")
        pv = [(1, "cash", None, None, 15000, iso), (2, "shares", no, None, -10000, iso),
              (3, "income:interest", no, None, -1000, iso), (4, "loans", no, None, -4000, iso)]
        raw.execute("INSERT INTO entry (seq, date, kind, memo, member_no, loan_no, meeting_id, receipt_no, "
                    "reverses_seq, reason, created_at, created_by, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (*ev, prev, compute_hash(prev, ev, pv)))
        raw.executemany("INSERT INTO posting (entry_seq, line, account, member_no, loan_no, amount, date) "
                        "VALUES (?,?,?,?,?,?,?)", [(seq, *p) for p in pv])
        raw.execute("INSERT INTO receipt (receipt_no, entry_seq, meeting_id, member_no, date, total, printed) "
                    "VALUES (?,?,?,?,?,?,0)", (receipt, seq, meeting.id, no, iso, 15000))
        raw.execute("COMMIT")

    runs = {"job": Run(), "raw sqlite3 insert+commit": Run()}
    for i, dues in enumerate(picks):
        once(lambda dues=dues: book.pay(dues.member_no, dues.as_parts(), meeting_id=meeting.id), runs["job"],
             memory=False)
        once(floor, runs["raw sqlite3 insert+commit"], memory=False)
        if i == 0:
            runs["job"].times.clear()  # the first payment warms the statement cache: not counted
            runs["job"].cpu.clear()
    times = sorted(runs["job"].times)
    facts = {"payments": len(times), "with a loan": sum(1 for d in picks if d.loans),
             "p95 ms": round(1000 * times[int(0.95 * (len(times) - 1))], 2)}
    book.close()
    raw.close()
    return {"runs": _runs(runs), "facts": facts}


# --- all monthly statements as PDF -------------------------------------------------------------------------------
def pdf(ds: Dataset, repeat: int, scratch: Path) -> dict:
    from bench.floors import LayoutCapture, reportlab_pages
    from villagebank.cli.report_cmds import PARALLEL_FROM
    from villagebank.exports.batch import LayoutPool
    from villagebank.ledger import open_book
    from villagebank.reports import statement

    book = open_book(ds.book, readonly=True, clock=_clock())
    nos = statement.statement_members(book, *MONTH)
    workers = 2 if len(nos) >= PARALLEL_FROM else 1
    out = scratch / "statements.pdf"
    floor_out = scratch / "floor.pdf"
    capture = LayoutCapture()
    pages = {}

    def job() -> None:
        # As `villagebank report statements` does it: workers start while the book is read.
        with LayoutPool(workers) as pool:
            reports = statement.statements(book, *MONTH, nos)
            pages["job"] = pool.render(reports, out)

    runs = {"job": Run(), "reportlab from prepared pages": Run()}
    with capture:
        once(job, runs["job"])
    layouts = capture.layouts
    for i in range(repeat):
        once(lambda: pages.__setitem__("floor", reportlab_pages(layouts, floor_out)), runs["reportlab from prepared pages"])
        if i + 1 < repeat:
            once(job, runs["job"])
    facts = {"statements": len(nos), "pages": pages["job"], "workers": workers,
             "floor pages": pages["floor"], "pdf MB": round(out.stat().st_size / 2**20, 1),
             "floor pdf MB": round(floor_out.stat().st_size / 2**20, 1)}
    book.close()
    return {"runs": _runs(runs), "facts": facts}


# --- export the book workbook -------------------------------------------------------------------------------------
def export(ds: Dataset, repeat: int, scratch: Path, *, openpyxl_sample: int = 1) -> dict:
    from bench.floors import CellCapture, openpyxl_cells, remove, xlsxwriter_cells
    from villagebank.exports.workbook.export import export_workbook
    from villagebank.ledger import open_book

    book = open_book(ds.book, readonly=True, clock=_clock())
    out = scratch / "export.xlsx"
    as_of = dt.date(LAST_YEAR, 12, 31)
    runs = {"job": Run(), "xlsxwriter constant_memory": Run(), "openpyxl write_only": Run()}
    capture = CellCapture(scratch)
    with capture:
        first = once(lambda: export_workbook(book, out, as_of=as_of), runs["job"])
    rows = sum(first.counts.values())
    counts = {"xlsxwriter": 0, "openpyxl": 0}
    for i in range(repeat):
        if i > 0:
            once(lambda: export_workbook(book, out, as_of=as_of), runs["job"])
        counts["xlsxwriter"] = once(lambda: xlsxwriter_cells(capture.path, scratch / "xw.xlsx"),
                                    runs["xlsxwriter constant_memory"])
        counts["openpyxl"] = once(lambda: openpyxl_cells(capture.path, scratch / "opx.xlsx", openpyxl_sample),
                                  runs["openpyxl write_only"])
    facts: dict[str, Any] = {"rows": rows, "cells": capture.cells, "xlsx MB": round(out.stat().st_size / 2**20, 1),
                             "xlsxwriter MB": round((scratch / "xw.xlsx").stat().st_size / 2**20, 1)}
    if openpyxl_sample > 1:
        # Estimated from every n-th row: the time scaled up by the cells left out.
        r = runs["openpyxl write_only"]
        scale = capture.cells / max(1, counts["openpyxl"])
        r.times = [t * scale for t in r.times]
        r.cpu = [c * scale for c in r.cpu]
        facts["openpyxl"] = f"estimated from every {openpyxl_sample}th row ({counts['openpyxl']:,} cells) x {scale:.1f}"
    remove(capture.path)
    book.close()
    return {"runs": _runs(runs), "facts": facts}


# --- import the book workbook --------------------------------------------------------------------------------------
def import_(ds: Dataset, repeat: int, scratch: Path) -> dict:
    """Each import in a fresh process (peak memory is that process's own)."""
    runs = {"job": Run()}
    facts: dict[str, Any] = {"workbook MB": round(ds.workbook.stat().st_size / 2**20, 2)}
    for i in range(repeat):
        target = scratch / f"imported-{i}.vbk"
        code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import bench; "
                "from villagebank.exports.workbook.importer import import_workbook; "
                f"r = import_workbook({str(target)!r}, {str(ds.workbook)!r}); print(r.ok, len(r.problems), r.meetings)")
        env = {**os.environ, "VILLAGEBANK_HOME": str(scratch), "PYTHAINLP_READ_ONLY": "1"}
        p = run_process([sys.executable, "-c", code], env=env, timeout=3600)
        if p.returncode != 0:
            raise RuntimeError(p.stderr[-2000:])
        ok, problems, meetings = p.stdout.split()
        facts.update(ok=ok == "True", problems=int(problems), meetings=int(meetings))
        runs["job"].times.append(p.seconds)
        runs["job"].cpu.append(p.cpu)
        runs["job"].peak_mib.append(p.peak_mib)
    return {"runs": _runs(runs), "facts": facts}


# --- the year-end close ------------------------------------------------------------------------------------------
def year_end(ds: Dataset, repeat: int, scratch: Path, *, backups: int = 0) -> dict:
    """``close_year`` is the verified backup of the book (``_before_year_close``) and then the close (compute and
    post the allocation): both are timed apart, in the same order, and the job is their sum per round. The backup
    copies and fully checks the whole file (minutes on a network-scale book), so only the first ``backups`` rounds
    make one (0: every round)."""
    from villagebank.ledger import open_book

    path = _copy(ds.book, scratch, "yearend.vbk")
    os.environ["VILLAGEBANK_HOME"] = str(scratch)
    book = open_book(path, clock=_clock(dt.date(LAST_YEAR + 1, 1, 10)))
    runs = {"job": Run(), "verified backup before the close": Run(), "close without the backup": Run()}
    backup = book._before_year_close
    book._before_year_close = lambda fy: None
    facts: dict[str, Any] = {}
    for i in range(repeat):
        if not backups or i < backups:
            once(lambda: backup(LAST_YEAR), runs["verified backup before the close"])
            for f in (scratch / "backups").rglob("*.vbk*"):
                f.unlink()
        alloc = once(lambda: book.close_year(LAST_YEAR), runs["close without the backup"])
        book.reopen_year(LAST_YEAR, "bench: run again")
        facts = {"members paid": alloc.members_paid, "net profit baht": alloc.net_profit // 100}
    b, c = runs["verified backup before the close"], runs["close without the backup"]
    job = runs["job"]
    job.times = [c.times[i] + b.median if i >= len(b.times) else c.times[i] + b.times[i] for i in range(len(c.times))]
    job.cpu = [c.cpu[i] + (b.cpu[i] if i < len(b.cpu) else median(b.cpu)) for i in range(len(c.cpu))]
    job.peak_mib = [max(b.peak, c.peak)]
    facts["job"] = "backup + close, per round (the backup's median where a round made none)"
    facts["book MB"] = round(path.stat().st_size / 2**20)
    book.close()
    return {"runs": _runs(runs), "facts": facts}


# --- verify and the start-up check ----------------------------------------------------------------------------
def verify(ds: Dataset, repeat: int, scratch: Path) -> dict:
    from villagebank.ledger import open_book

    book = open_book(ds.book, readonly=True, clock=_clock())
    runs: dict[str, Run] = {"job": Run(), "start-up check": Run()}
    report = None
    for _ in range(repeat):
        report = once(book.verify, runs["job"])
        for _ in range(3):
            once(book.quick_check, runs["start-up check"], memory=False)
    book.close()
    assert report is not None
    return {"runs": _runs(runs), "facts": {"entries": report.entries, "ok": report.ok}}


def startup_check(ds: Dataset, repeat: int, scratch: Path) -> dict:
    """The check made at every open, as the GUI opens a book (``defer_checks=True``: on a large book the
    whole-file checks run after the window is shown); those whole-file checks are timed beside it."""
    from villagebank.ledger import integrity, open_book

    book = open_book(ds.book, readonly=True, clock=_clock())
    large = ds.book.stat().st_size > integrity.PAGE_CHECK_MAX_BYTES

    def at_open():
        with book._read() as conn:
            return integrity.quick_check(conn, book.book_id, pages=not large)

    def whole_file():
        with book._read() as conn:
            return integrity.page_checks(conn)

    runs = {"job": Run(), "whole-file checks (page check, count)": Run()}
    for _ in range(max(3, repeat)):
        assert once(at_open, runs["job"], memory=False) == []
        assert once(whole_file, runs["whole-file checks (page check, count)"], memory=False) == []
    book.close()
    return {"runs": _runs(runs), "facts": {"book MB": round(ds.book.stat().st_size / 2**20), "deferred": large}}


# --- GUI start ---------------------------------------------------------------------------------------------------
def gui(ds: Dataset, repeat: int, scratch: Path) -> dict:
    """Process start to a shown, painted main window (offscreen), against a bare QApplication + empty window."""
    probe = str(Path(__file__).with_name("gui_probe.py"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VILLAGEBANK_HOME": str(scratch),
           "PYTHAINLP_READ_ONLY": "1", "PYTHONPATH": str(ROOT / "src")}
    path = _copy(ds.book, scratch, "gui.vbk")
    runs = {"job": Run(), "bare QApplication + empty window": Run()}
    facts: dict[str, Any] = {}
    for _ in range(max(repeat, 3)):
        for name, mode in (("job", "app"), ("bare QApplication + empty window", "bare")):
            t0 = time.monotonic()
            p = run_process([sys.executable, probe, mode, str(path)], env=env, timeout=600)
            ready = [ln for ln in p.stdout.splitlines() if ln.startswith("READY ")]
            if p.returncode != 0 or not ready:
                raise RuntimeError(f"GUI probe {mode} failed: {p.stderr[-1500:]}")
            runs[name].times.append(float(ready[-1].split()[1]) - t0)
            runs[name].cpu.append(p.cpu)
            runs[name].peak_mib.append(p.peak_mib)
            facts[f"{mode} rows shown"] = ready[-1].split()[2] if len(ready[-1].split()) > 2 else ""
    return {"runs": _runs(runs), "facts": facts}


JOBS = {
    "balances": balances,
    "statement": statement_data,
    "payment": payment,
    "pdf": pdf,
    "export": export,
    "import": import_,
    "yearend": year_end,
    "verify": verify,
    "startup": startup_check,
    "gui": gui,
}
