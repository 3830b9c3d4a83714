"""Printed reports: ``villagebank report NAME [--month YYYY-MM | --year YYYY] [--member N] [--out FILE]``."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from villagebank.cli.base import (
    EXIT_OK,
    UsageError,
    arg_month,
    arg_year,
    command,
    open_existing,
    out,
)
from villagebank.i18n import _

#: Statements at or above this count are laid out by worker processes (measured: at 300 statements, starting
#: two workers costs as much as the layout they take over; see tools/bench_statements.py).
PARALLEL_FROM = 1000


@command("report")
def _add_report(sub: argparse._SubParsersAction) -> None:
    from villagebank.reports.registry import REPORTS

    p = sub.add_parser("report", help=_("print a report to PDF (or Excel)"),
                       description=_("Reports: {names}.").format(names=", ".join(REPORTS)))
    p.add_argument("name", metavar="NAME", help=_("which report: {names}").format(names=", ".join(REPORTS)))
    when = p.add_mutually_exclusive_group()
    when.add_argument("--month", type=arg_month, help=_("the month, e.g. 2568-11 or 11/2568 (B.E. or C.E.)"))
    when.add_argument("--year", type=arg_year, help=_("the fiscal year, e.g. 2568 (B.E. or C.E.)"))
    p.add_argument("--member", type=int, metavar="N", help=_("one member's statement or receipts"))
    p.add_argument("--receipt", type=int, metavar="NO", help=_("one receipt by its number"))
    p.add_argument("--partner", metavar="KEY", help=_("one partner fund's remittance list, e.g. nsf"))
    p.add_argument("--loan", type=int, metavar="N", help=_("one loan's repayment schedule (report schedule)"))
    p.add_argument("--out", metavar="FILE", help=_("where to write (default: a name made from the report and "
                                                   "period, in the current folder)"))
    p.add_argument("--format", choices=("pdf", "xlsx"), help=_("pdf (default) or xlsx (Excel)"))
    p.add_argument("--paper", choices=("A4", "A5"), type=str.upper, help=_("paper size (default A4)"))
    p.add_argument("--lang", choices=("th", "en"), help=_("language of the report (default: Thai)"))
    p.add_argument("--workers", type=int, metavar="N",
                   help=_("worker processes for long runs of statements (default: 2 from 1,000 statements, else none)"))
    p.set_defaults(handler=cmd_report)


def _out_path(args: argparse.Namespace, fmt: str) -> Path:
    if args.out:
        return Path(args.out)
    parts = [args.name]
    if args.month:
        parts.append(f"{args.month[0] + 543}-{args.month[1]:02d}")
    if args.year:
        parts.append(str(args.year + 543))
    if args.member is not None:
        parts.append(f"m{args.member}")
    if args.receipt is not None:
        parts.append(f"r{args.receipt}")
    if args.loan is not None:
        parts.append(f"loan{args.loan}")
    if args.partner:
        parts.append(args.partner)
    return Path("-".join(parts) + "." + fmt)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.out and Path(args.out).suffix.lower() == ".xlsx":
        return "xlsx"
    return "pdf"


def cmd_report(args: argparse.Namespace) -> int:
    from villagebank.reports.registry import Params, build

    fmt = _format(args)
    target = _out_path(args, fmt)
    if target.suffix.lower() != f".{fmt}":
        raise UsageError(_("the output file must end in .{ext} for --format {ext}").format(ext=fmt))
    params = Params(month=args.month, year=args.year, member_no=args.member, receipt_no=args.receipt,
                    partner=args.partner, loan_no=args.loan)
    started = time.perf_counter()
    # Printing receipts counts the prints (a second print is a copy): that writes to the book.
    counts_prints = args.name == "receipts" and fmt == "pdf"
    with open_existing(args, readonly=not counts_prints) as book:
        if args.name == "statements" and args.member is None and fmt == "pdf":
            size = _statements_pdf(book, args, params, target)
        else:
            reports = build(book, args.name, params)
            if args.paper:
                for r in reports:
                    r.page_size = args.paper
            size = _render(reports, target, fmt)
            if counts_prints:
                for r in reports:
                    if r.number is not None:
                        book.mark_receipt_printed(r.number)
    if fmt == "pdf":
        out(_("Wrote {pages} page(s) to {path} in {seconds:.1f} s").format(
            pages=size, path=target, seconds=time.perf_counter() - started))
    else:
        out(_("Wrote {sheets} sheet(s) to {path}").format(sheets=size, path=target))
    return EXIT_OK


def _render(reports: list, target: Path, fmt: str) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        from villagebank.exports.xlsx import render_xlsx

        return render_xlsx(reports, target)
    from villagebank.exports.pdf import render_pdf

    return render_pdf(reports, target)


def _statements_pdf(book, args: argparse.Namespace, params, target: Path) -> int:
    """All active members' statements into one PDF, in member-number order; laid out and drawn by worker
    processes in long runs (they start while the book is read)."""
    from villagebank.exports.batch import LayoutPool
    from villagebank.ledger.errors import InvalidInput
    from villagebank.reports import statement
    from villagebank.reports.registry import month_of

    year, month = month_of(book, params)
    nos = statement.statement_members(book, year, month)
    if not nos:
        raise InvalidInput(_("no active member had joined by the end of that month"))
    workers = args.workers if args.workers is not None else (2 if len(nos) >= PARALLEL_FROM else 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    with LayoutPool(workers) as pool:
        reports = statement.statements(book, year, month, nos)
        if args.paper:
            for r in reports:
                r.page_size = args.paper
        return pool.render(reports, target)
