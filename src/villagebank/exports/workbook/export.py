"""Export a book as the book workbook (version 1, with the addendum of ``docs/workbook.md``) as of a
date: every sheet of the contract. ``allocation`` and ``member_payouts`` hold the years closed by the
as-of date, as posted by their year-end close.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import villagebank
from villagebank.exports.workbook import contract as c
from villagebank.exports.workbook import rows as r
from villagebank.exports.workbook.problems import Progress
from villagebank.exports.workbook.writer import ProcessWriter, Sheet, Writer
from villagebank.i18n import _
from villagebank.ledger import Book
from villagebank.thai import format_date

KEY_COMMENT = "รหัสสำหรับโปรแกรม: {key}"
ENTRY_SHEETS = ("share_txns", "fees", "repayments", "cash", "pass_through", "welfare_claims")


@dataclass
class ExportResult:
    path: Path
    as_of: dt.date
    counts: dict[str, int] = field(default_factory=dict)  # data rows per sheet key
    warnings: list[r.ExportWarning] = field(default_factory=list)


def _headers(spec: c.Sheet) -> list[tuple[str, str]]:
    return [(col.thai, KEY_COMMENT.format(key=col.key)) for col in spec.columns]


#: From this many entries the cells are written by a second process (ProcessWriter) while this one reads the book.
PARALLEL_FROM_ENTRIES = 50_000


class _LoansOnce:
    """The book, with its loans as of a date computed once: the loans, balances and summary sheets each read
    every loan as of the export's date (three times the same states)."""

    def __init__(self, book: Book) -> None:
        self._book = book
        self._loans: dict[object, list] = {}

    def __getattr__(self, name: str):
        return getattr(self._book, name)

    def loans(self, as_of: dt.date | None = None, *, member_no: int | None = None,
              statuses: tuple[str, ...] | None = None, loan_nos: list[int] | None = None) -> list:
        if member_no is not None or loan_nos is not None:
            return self._book.loans(as_of, member_no=member_no, statuses=statuses, loan_nos=loan_nos)
        if as_of not in self._loans:
            self._loans[as_of] = self._book.loans(as_of)
        return [st for st in self._loans[as_of] if statuses is None or st.status in statuses]


def export_workbook(book: Book, path: Path | str, *, as_of: dt.date | None = None,
                    progress: Progress | None = None, workers: int | None = None) -> ExportResult:
    """Write the workbook to ``path`` (atomically: a temporary file renamed into place).

    ``workers``: 2 writes the cells in a second process while this one reads the book, 1 in this process;
    the default is 2 from ``PARALLEL_FROM_ENTRIES`` entries."""
    as_of = as_of or book.clock.today()
    result = ExportResult(Path(path), as_of)
    if workers is None:
        workers = 2 if book.entry_count() >= PARALLEL_FROM_ENTRIES else 1
    book = _LoansOnce(book)  # type: ignore[assignment]
    w = ProcessWriter(path) if workers > 1 else Writer(path)
    try:
        sheets = {spec.key: w.sheet(spec.thai, _headers(spec)) for spec in c.SHEETS}
        result.counts["bank"] = _bank(book, sheets["bank"], as_of)
        steps = len(c.SHEETS)
        done = 0

        def step() -> None:
            nonlocal done
            done += 1
            if progress:
                progress("write", done, steps)

        columns = {spec.key: tuple(col.key for col in spec.columns) for spec in c.SHEETS}

        def put(key: str, values: dict) -> None:
            sheets[key].add([values.get(k) for k in columns[key]])
            result.counts[key] = result.counts.get(key, 0) + 1

        # The journal (most of the rows) right after the members, the loans after it: with the cells written by a
        # second process, that process has the journal's rows to write while this one computes the loans.
        for values in r.member_rows(book, as_of):
            put("members", values)
        step()
        for key, values in r.entry_rows(book, as_of, result.warnings):
            put(key, values)
        step()
        for values in r.loan_rows(book, as_of):
            put("loans", values)
        step()
        for values in r.balance_rows(book, as_of):
            put("balances", values)
        step()
        for allocation, payouts in r.year_end_rows(book, as_of):
            put("allocation", allocation)
            for values in payouts:
                put("member_payouts", values)
        step()
        for key, label, value in r.summary_rows(book, as_of):
            sheets["summary"].add([key, label, value], style="count" if isinstance(value, int) else None)
            result.counts["summary"] = result.counts.get("summary", 0) + 1
        step()
        _note(w.sheet(c.NOTE_SHEET), book, as_of)
        w.close()
    except BaseException:
        w.abort()
        raise
    if progress:
        progress("write", steps, steps)
    return result


def _bank(book: Book, sheet: Sheet, as_of: dt.date) -> int:
    from villagebank.ledger.rules import LABELS

    rows = r.bank_rows(book, as_of)
    for key, value in rows:
        row = sheet.add([key, value])
        label = c.BANK_KEY_THAI.get(key) or (_(LABELS[key]) if key in LABELS else "")
        if label:
            sheet.ws.write_comment(row, 0, label, {"x_scale": 1.6, "y_scale": 0.6})
    return len(rows)


def _note(sheet: Sheet, book: Book, as_of: dt.date) -> None:
    """The read-only note: what the file is, that editing it changes nothing, and the keys."""
    sheet.ws.set_column(0, 0, 100)
    sheet.add([_("Book workbook of {bank}").format(bank=book.bank().name)], style="title")
    for text in (
        _("Exported by villagebank {version} on {date}. The figures are as of {as_of}.").format(
            version=villagebank.__version__, date=format_date(book.clock.today()), as_of=format_date(as_of)),
        _("This file is a copy for reading. Changing it changes nothing in the app: a changed file takes effect "
          "only when it is imported again (villagebank import)."),
        _("Allocation and member payouts are the year-end close of every closed year, as the app computed it. "
          "An import closes those years again and refuses a row that differs from what it computes."),
        _("Besides version 1 this file uses its addendum: cash categories fund:<fund> (money received into a "
          "fund) and payout:<member number> (a year-end payout paid), and the column override_reason of the "
          "welfare claims."),
        _("Headers are the Thai labels; each header's comment gives its key, which programs should use "
          "(book workbook format, version 1)."),
    ):
        sheet.add([text], style="wrap")
    sheet.add([])
    sheet.add([_("Sheet"), _("Key"), _("Column"), _("Key")], style="bold")
    for spec in c.SHEETS:
        for i, col in enumerate(spec.columns):
            sheet.add([spec.thai if i == 0 else "", spec.key if i == 0 else "", col.thai, col.key])
    sheet.ws.set_column(1, 3, 22)
