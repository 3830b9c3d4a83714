"""The meeting day's dialogs: count the cash and close, the day's summary, the receipts of the meeting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, _
from villagebank.ledger.meetings import Meeting, Receipt
from villagebank.thai import format_amount, format_date
from villagebank.ui import printing
from villagebank.ui.context import Context
from villagebank.ui.dialogs.common import confirm
from villagebank.ui.formatting import long_date
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.qt import Texts, font_role, hline, muted, note_label, tone
from villagebank.ui.views.cash_count import CashCountForm
from villagebank.ui.views.tables import Table


def totals_grid(rows: list[tuple[str, int]], parent: QWidget | None = None) -> QWidget:
    """Labels and amounts, amounts right-aligned."""
    box = QWidget(parent)
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(24)
    grid.setVerticalSpacing(2)
    for i, (label, amount) in enumerate(rows):
        grid.addWidget(QLabel(label), i, 0)
        value = QLabel(format_amount(amount))
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(value, i, 1)
    grid.setColumnStretch(2, 1)
    return box


class CloseMeetingDialog(QDialog):
    """Count the cash by notes and coins, see who has not paid, and close the meeting (asks first)."""

    def __init__(self, ctx: Context, meeting: Meeting, unpaid: list[tuple[int, str]], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.unpaid = unpaid
        self.closed_meeting: Meeting | None = None
        self.texts = Texts()
        self.setModal(True)
        self.texts.set(self.setWindowTitle, N_("Count the cash and close the meeting"))
        title = QLabel()
        title.setWordWrap(True)
        font_role(title, 1.25, bold=True)
        self.texts.call(lambda: title.setText(_("Close the meeting of {date}").format(date=long_date(meeting.date))))
        self.unpaid_label = QLabel()
        self.unpaid_label.setWordWrap(True)
        self.texts.call(self._unpaid_text)
        self.form = CashCountForm()
        self.form.set_book_balance(ctx.book.cash_balance(as_of=meeting.date).satang)
        self.ok = QPushButton()
        self.texts.set(self.ok.setText, N_("&Close the meeting"))
        self.back = QPushButton()
        self.texts.set(self.back.setText, N_("Go back"))
        self.ok.setAutoDefault(False)
        self.back.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(note_label(self.texts, N_("After closing, nothing more can be recorded on this date.")), 1)
        buttons.addWidget(self.ok)
        buttons.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.unpaid_label)
        layout.addWidget(hline())
        layout.addWidget(self.form)
        layout.addWidget(hline())
        layout.addLayout(buttons)
        self.ok.clicked.connect(self.close_meeting)
        self.back.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.close_meeting)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def _unpaid_text(self) -> None:
        if not self.unpaid:
            self.unpaid_label.setText(_("Every member on the sheet has paid."))
            tone(self.unpaid_label, QColor("#1b5e20"))
            return
        names = ", ".join(f"{no} {name}" for no, name in self.unpaid[:6])
        more = len(self.unpaid) - 6
        if more > 0:
            names += " " + _("and {count} more").format(count=more)
        self.unpaid_label.setText(_("{count} member(s) have not paid and will be recorded as missing their saving: "
                                    "{names}").format(count=len(self.unpaid), names=names))
        muted(self.unpaid_label)

    def close_meeting(self) -> None:
        if not self.form.check():
            return
        diff = self.form.difference()
        details = _("Counted {counted} baht; the book says {book} baht.").format(
            counted=format_amount(self.form.counted()), book=format_amount(self.form.book_balance))
        if diff:
            details += " " + _("The difference of {amount} baht is recorded with your reason.").format(
                amount=format_amount(diff))
        if not confirm(self, _("Close the meeting"),
                       _("Close the meeting of {date} now?").format(date=format_date(self.meeting.date, "long")),
                       _("&Yes, close the meeting"), details=details):
            return
        counts, reason = self.form.counts(), self.form.reason.text().strip()
        book, mid = self.ctx.book, self.meeting.id
        self.ok.setEnabled(False)
        self.ctx.run(lambda: book.close_meeting(mid, counts, reason), topic="meeting", done=self._closed,
                     failed=self._failed, owner=self, parent=self, label=_("Closing the meeting…"))

    def _closed(self, meeting: Meeting) -> None:
        self.closed_meeting = meeting
        self.accept()

    def _failed(self, exc: UserError) -> None:
        self.ok.setEnabled(True)
        self.form.error.setText(exc.message())
        self.form.error.setVisible(True)


class SummaryDialog(QDialog):
    """The day's summary of a closed meeting, printable."""

    def __init__(self, ctx: Context, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.texts = Texts()
        self.printed: list = []
        self.setModal(True)
        self.texts.set(self.setWindowTitle, N_("Meeting day summary"))
        s = meeting.summary or {}
        title = QLabel(_("Meeting of {date} — closed").format(date=long_date(meeting.date)))
        title.setWordWrap(True)
        font_role(title, 1.25, bold=True)
        facts = QLabel(_("{receipts} receipt(s); {paid} member(s) paid; {missed} missed their saving.").format(
            receipts=s.get("receipts", 0), paid=s.get("members_paid", 0), missed=len(s.get("missed", []))))
        facts.setWordWrap(True)
        rows = printing.summary_totals(ctx.book, s)
        cash_rows = [(_("Cash in the book"), int(s.get("cash_book", 0)))]
        if s.get("cash_counted") is not None:
            cash_rows += [(_("Cash counted"), int(s["cash_counted"])),
                          (_("Difference"), int(s.get("cash_difference") or 0))]
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(facts)
        layout.addWidget(hline())
        layout.addWidget(totals_grid(rows))
        layout.addWidget(hline())
        layout.addWidget(totals_grid(cash_rows))
        notes = []
        if s.get("cash_reason"):
            notes.append(_("Reason for the difference: {reason}").format(reason=s["cash_reason"]))
        for key, msgid in (("cancelled", N_("Receipts cancelled (numbers): {list}")),
                           ("suspended", N_("No new loans for a while (member numbers): {list}")),
                           ("terminated", N_("Membership ended (member numbers): {list}"))):
            if s.get(key):
                notes.append(_(msgid).format(list=", ".join(str(n) for n in s[key])))
        for text in notes:
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.print_button = QPushButton()
        self.texts.set(self.print_button.setText, N_("&Print the summary"))
        self.done_button = QPushButton()
        self.texts.set(self.done_button.setText, N_("Done"))
        self.done_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.done_button)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_summary)
        self.done_button.clicked.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_summary)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def print_summary(self) -> None:
        book, mid = self.ctx.book, self.meeting.id
        self.ctx.run(lambda: printing.print_meeting_summary(book, mid), done=self._printed, owner=self, parent=self,
                     long=False, label=_("Preparing the summary…"), key="print-summary")

    def _printed(self, path) -> None:
        self.printed.append(path)
        printing.open_file(path, self)
        self.ctx.say(_("The summary is in {path}").format(path=str(path)))


class ReceiptsDialog(QDialog):
    """The receipts of the meeting: print the waiting ones, print one again, save one as PDF, cancel one."""

    reprint = Signal(int)
    save_pdf = Signal(int)
    cancel_receipt = Signal(int)
    print_waiting = Signal()

    def __init__(self, receipts: Callable[[], list[Receipt]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self._receipts = receipts
        self.setModal(True)
        self.texts.set(self.setWindowTitle, N_("Receipts of this meeting"))
        self.model = RowsModel((
            Column(N_("Receipt"), lambda r: str(r.receipt_no), right=True),
            Column(N_("No."), lambda r: str(r.member_no or ""), right=True),
            Column(N_("Name"), lambda r: r.member_name),
            Column(N_("Amount"), lambda r: format_amount(r.total.satang), right=True),
            Column(N_("Printed"), lambda r: _("cancelled") if r.voided_by else (
                _("{count} time(s)").format(count=r.printed) if r.printed else _("waiting"))),
        ), parent=self)
        self.table = Table(stretch_column=2)
        self.table.setModel(self.model)
        self.waiting_button = QPushButton()
        self.again_button = QPushButton()
        self.texts.set(self.again_button.setText, N_("Print &again"))
        self.pdf_button = QPushButton()
        self.texts.set(self.pdf_button.setText, N_("&Save as PDF…"))
        self.cancel_button = QPushButton()
        self.texts.set(self.cancel_button.setText, N_("&Cancel this receipt…"))
        self.close_button = QPushButton()
        self.texts.set(self.close_button.setText, N_("Close"))
        buttons = QHBoxLayout()
        for b in (self.waiting_button, self.again_button, self.pdf_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.texts, N_("A receipt printed before prints as a copy. A cancelled receipt "
                                                   "stays in the list, marked cancelled.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.waiting_button.clicked.connect(self.print_waiting)
        self.again_button.clicked.connect(lambda: self._emit(self.reprint))
        self.pdf_button.clicked.connect(lambda: self._emit(self.save_pdf))
        self.cancel_button.clicked.connect(lambda: self._emit(self.cancel_receipt))
        self.close_button.clicked.connect(self.accept)
        self.table.opened.connect(lambda _row: self._emit(self.reprint))
        self.texts.call(self.model.retranslate, now=False)
        self.refresh()
        self.resize(820, 480)

    def refresh(self) -> None:
        current = self.selected()
        rows = self._receipts()
        self.model.set_rows(rows)
        waiting = sum(1 for r in rows if not r.printed and not r.voided_by)
        self.waiting_button.setText(_("&Print the {count} waiting").format(count=waiting))
        self.waiting_button.setEnabled(bool(waiting))
        row = next((i for i, r in enumerate(rows) if r.receipt_no == current), len(rows) - 1)
        if rows:
            self.table.select_row(row)
        for b in (self.again_button, self.pdf_button, self.cancel_button):
            b.setEnabled(bool(rows))
        self.table.setFocus()

    def selected(self) -> int | None:
        row = self.table.current_row()
        return self.model.row(row).receipt_no if row is not None and row < self.model.rowCount() else None

    def _emit(self, signal) -> None:
        no = self.selected()
        if no is not None:
            signal.emit(no)
