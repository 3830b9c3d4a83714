"""The book workbook from the command line: import, export, and the network centre's consolidation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from villagebank.cli.base import (
    EXIT_OK,
    EXIT_REFUSED,
    arg_date,
    book_path,
    command,
    display_width,
    err,
    open_existing,
    out,
)
from villagebank.i18n import N_, _

STAGES = {"read": N_("reading"), "post": N_("posting"), "write": N_("writing")}


class ProgressBar:
    """A one-line progress bar on stderr (drawn only on a terminal); the GUI passes its own callback."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        width = 30
        filled = width * done // total if total else width
        label = _(STAGES.get(stage, stage))
        pct = 100 * done // total if total else 100
        self.stream.write(f"\r{label:12} [{'#' * filled}{'.' * (width - filled)}] {pct:3d}%")
        self.stream.flush()
        self.shown = True

    def end(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False


def _figure(value: object) -> str:
    from villagebank.ledger import Money
    from villagebank.thai import format_amount

    return format_amount(value.satang) if isinstance(value, Money) else f"{value:,}"


# --- import ------------------------------------------------------------------------------------------
@command("import")
def _add_import(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help=_("import a book workbook (.xlsx) into the book: all or nothing"))
    p.add_argument("file", metavar="FILE.xlsx", type=Path)
    p.add_argument("--dry-run", action="store_true",
                   help=_("check the workbook and show what would be imported, without writing"))
    p.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from villagebank.exports.workbook import contract as c
    from villagebank.exports.workbook.importer import import_workbook

    path = book_path(args)
    bar = ProgressBar()
    try:
        result = import_workbook(path, args.file, dry_run=args.dry_run, progress=bar)
    finally:
        bar.end()
    for w in result.warnings:
        err(_("Warning: {problem}").format(problem=str(w)))
    if not result.ok:
        err(_("Nothing was written: {count} problem(s) in {file}").format(count=len(result.problems),
                                                                            file=args.file))
        for p in result.problems:
            err(f"  {p}")
        return EXIT_REFUSED
    if result.dry_run:
        out(_("Dry run: nothing was written. The workbook can be imported into {what} {path}.").format(
            what=_("a new book") if result.created else _("the book"), path=path))
    else:
        out(_("Imported {file} into {what} {path}.").format(
            file=args.file, what=_("a new book") if result.created else _("the book"), path=path))
    for key, count in result.counts.items():
        out(f"  {c.BY_KEY[key].thai} ({key}): {count:,}")
    out("  " + _("Meetings: {count}").format(count=result.meetings))
    if result.new_categories:
        out("  " + _("New categories: {names}").format(names=", ".join(result.new_categories)))
    if result.closed_years:
        from villagebank.thai import format_year

        out("  " + _("Fiscal years closed: {years}").format(years=", ".join(format_year(y) for y in result.closed_years)))
    if result.as_of:
        from villagebank.thai import format_date

        out(_("Balances as of {date}:").format(date=format_date(result.as_of)))
    width = max((display_width(label) for _k, label, _v in result.figures), default=0)
    for _key, label, value in result.figures:
        out(f"  {label}{' ' * (width - display_width(label))} {_figure(value):>16}")
    return EXIT_OK


# --- export ------------------------------------------------------------------------------------------
@command("export")
def _add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=_("write the book workbook (.xlsx) for the network centre"))
    p.add_argument("file", metavar="FILE.xlsx", type=Path)
    p.add_argument("--as-of", type=arg_date, help=_("the date the figures are as of (default: today)"))
    p.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from villagebank.exports.workbook import contract as c
    from villagebank.exports.workbook.export import export_workbook
    from villagebank.thai import format_date

    bar = ProgressBar()
    with open_existing(args, readonly=True) as book:
        try:
            result = export_workbook(book, args.file, as_of=args.as_of, progress=bar)
        finally:
            bar.end()
    for w in result.warnings:
        err(_("Warning: {problem}").format(problem=str(w)))
    out(_("Exported {path} (figures as of {date})").format(path=result.path, date=format_date(result.as_of)))
    for spec in c.SHEETS:
        out(f"  {spec.thai} ({spec.key}): {result.counts.get(spec.key, 0):,}")
    out(_("Allocation and member payouts need the year-end close, which this version cannot do yet: "
          "they are written with headers only."))
    return EXIT_OK


# --- network -----------------------------------------------------------------------------------------
@command("network")
def _add_network(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("network", help=_("the network centre: combine the banks' workbooks"))
    ns = p.add_subparsers(dest="network_command", metavar="ACTION", required=True)
    cons = ns.add_parser("consolidate", help=_("one summary row per bank, totals, allocations and a chart"))
    cons.add_argument("files", nargs="+", metavar="BANK.xlsx", type=Path)
    cons.add_argument("--out", required=True, type=Path, metavar="NETWORK.xlsx")
    cons.set_defaults(handler=cmd_network_consolidate)


def cmd_network_consolidate(args: argparse.Namespace) -> int:
    from villagebank.exports.workbook.network import consolidate, describe

    result = consolidate(args.files, args.out)
    out(_("Wrote {path}: {count} bank(s)").format(path=result.path, count=len(result.banks)))
    for line in describe(result):
        out(f"  {line}")
    return EXIT_OK
