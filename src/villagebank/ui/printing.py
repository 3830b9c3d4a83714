"""Printing from the screens: receipts and the meeting's summary as PDF files from the reports layer, opened
in the computer's PDF viewer to print (Qt's own printing cannot draw a PDF without the QtPdf add-on, and the
receipt's layout lives in one place: ``reports/receipts.py``).

The functions that build and write PDFs run on the writer thread (through ``ops``); :func:`open_file` runs on
the GUI thread. Tests replace :data:`opener` to see what would be opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from villagebank import paths
from villagebank.i18n import N_, _
from villagebank.ledger import Book
from villagebank.ledger.meetings import Meeting, total_label
from villagebank.reports.common import CHAIR, CHECKER, TREASURER, new_report, signers
from villagebank.reports.table import Column, KeyValues, Kind, Paragraph, ReportTable
from villagebank.thai import format_date


def _default_opener(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


opener: Callable[[Path], bool] = _default_opener


def open_file(path: Path, parent=None) -> bool:
    """Open a written PDF in the computer's viewer (where it is printed). When the computer has no viewer for
    it, say where the file is and how to print it (with ``parent``, in a message box)."""
    if opener(path):
        return True
    if parent is not None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, _("The file is saved"), _(
            "The computer has no program to show PDF files, so the file was not opened. It is saved here:\n{path}"
            "\n\nOpen it with a PDF reader (for example by double-clicking it in that folder) and print it from "
            "there. Help → Where are my files shows the folder.").format(path=str(path)))
    return False


def output_folder(kind: str) -> Path:
    folder = paths.user_data_dir() / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _free(folder: Path, stem: str) -> Path:
    target = folder / f"{stem}.pdf"
    n = 2
    while target.exists():
        target = folder / f"{stem}-{n}.pdf"
        n += 1
    return target


def print_receipts(book: Book, receipt_nos: list[int], target: Path | None = None) -> Path:
    """Write the receipts into one PDF (a reprint says COPY) and count the prints; returns the file.

    Runs on the writer thread. The prints are counted after the file is written, as the command line does,
    so a failed print never turns the first real print into a copy."""
    from villagebank.exports.pdf import render_pdf
    from villagebank.reports import receipts

    found = [book.receipt(no) for no in receipt_nos]
    reports = receipts.receipts(book, found)
    if target is None:
        first, last = min(receipt_nos), max(receipt_nos)
        stem = f"receipt-{first}" if first == last else f"receipts-{first}-{last}"
        target = _free(output_folder("receipts"), stem)
    render_pdf(reports, target)
    for no in receipt_nos:
        book.mark_receipt_printed(no)
    return target


def meeting_summary_report(book: Book, meeting: Meeting):
    """The day's summary of a closed meeting as a printable report (totals per kind, receipts, cash count)."""
    s = meeting.summary or {}
    report = new_report(book, "meeting", _("Meeting day summary"), format_date(meeting.date, "long"),
                        signatures=signers(book, TREASURER, CHECKER, CHAIR))
    kv = KeyValues()
    kv.add(_("Meeting date"), format_date(meeting.date, "long"))
    kv.add(_("Receipts"), int(s.get("receipts", 0)), Kind.INT)
    kv.add(_("Members who paid"), int(s.get("members_paid", 0)), Kind.INT)
    kv.add(_("Members who missed their saving"), len(s.get("missed", [])), Kind.INT)
    report.blocks.append(kv)
    t = ReportTable([Column("kind", _("Kind of money"), Kind.TEXT, 4.0),
                     Column("amount", _("Amount (baht)"), Kind.MONEY, 1.6)], key="totals")
    for key, amount in summary_totals(book, s):
        t.add(key, amount)
    report.blocks.append(t)
    cash = KeyValues(title=_("Cash count"))
    cash.add(_("Cash in the book"), int(s.get("cash_book", 0)), Kind.MONEY)
    if s.get("cash_counted") is not None:
        cash.add(_("Cash counted"), int(s["cash_counted"]), Kind.MONEY)
        cash.add(_("Difference"), int(s.get("cash_difference") or 0), Kind.MONEY)
        if s.get("cash_reason"):
            cash.add(_("Reason for the difference"), s["cash_reason"])
    report.blocks.append(cash)
    if s.get("cancelled"):
        report.blocks.append(Paragraph(_("Receipts cancelled (numbers): {list}").format(
            list=", ".join(str(n) for n in s["cancelled"]))))
    for key, msgid in (("missed", N_("Missed their saving (member numbers): {list}")),
                       ("suspended", N_("No new loans for a while (member numbers): {list}")),
                       ("terminated", N_("Membership ended (member numbers): {list}"))):
        if s.get(key):
            report.blocks.append(Paragraph(_(msgid).format(list=", ".join(str(n) for n in s[key]))))
    return report


SUMMARY_ORDER = ("shares", "entry_fees", "fines", "principal", "interest", "other_fees", "cash_in", "cash_out",
                 "loans_out", "expenses")


def summary_totals(book: Book, summary: dict) -> list[tuple[str, int]]:
    """The day's totals in reading order, labelled in the current language: (label, satang)."""
    totals: dict[str, int] = dict(summary.get("totals", {}))
    keys = [k for k in SUMMARY_ORDER if totals.get(k)]
    keys += sorted(k for k in totals if k not in SUMMARY_ORDER and totals[k])
    return [(total_label(k, book.rules), int(totals[k])) for k in keys]


def print_meeting_summary(book: Book, meeting_id: int) -> Path:
    from villagebank.exports.pdf import render_pdf

    meeting = book.meeting(meeting_id)
    target = _free(output_folder("meetings"), f"meeting-{meeting.date.isoformat()}")
    render_pdf([meeting_summary_report(book, meeting)], target)
    return target
