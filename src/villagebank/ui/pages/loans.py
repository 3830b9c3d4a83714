"""Loans: the loan book on screen — open loans, overdue loans with the guarantors to call, all loans — and
what the treasurer does with them: a new loan (the wizard), a repayment, approve, pay out, reject or cancel
with a reason.

Keyboard: Alt+N new loan; Enter on a row opens what the loan needs next (repayment for a loan being repaid,
approval for an application, payout for an approved loan).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from villagebank.i18n import N_, _
from villagebank.ledger.dto import Member
from villagebank.ledger.loans import STATUS_LABELS, LoanState
from villagebank.reports.registry import Params, build
from villagebank.thai import format_amount, format_date
from villagebank.ui.context import MEMBERS, Context
from villagebank.ui.dialogs.common import ReasonDialog, confirm
from villagebank.ui.dialogs.loan_wizard import LOANS, LoanWizard, RepaymentDialog
from villagebank.ui.dialogs.report_save import save_reports
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import heading, muted, note_label
from villagebank.ui.views.problems import ProblemList, problems_of
from villagebank.ui.views.tables import Table

OPEN, OVERDUE, APPLIED, ALL = "open", "overdue", "applied", "all"
FILTERS = ((OPEN, N_("Open loans")), (OVERDUE, N_("Overdue: guarantors to contact")),
           (APPLIED, N_("Applications waiting for a decision")), (ALL, N_("All loans")))


def b(m) -> str:
    return format_amount(m.satang)


def person(members: dict[int, Member], no: int, phone: bool = True) -> str:
    """``12 นางมาลี ใจดี โทร 0891234567`` — who to call."""
    m = members.get(no)
    if m is None:
        return str(no)
    text = f"{no} {m.full_name}"
    if m.phone and phone:
        text += " " + _("tel. {phone}").format(phone=m.phone)
    return text


class LoansPage(Page):
    key = "loans"
    title = N_("Loans")
    tooltip = N_("Loans with guarantors: new loans, repayments, overdue loans")
    order = 50

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        self.members: dict[int, Member] = {}
        self.filter = QComboBox()
        t.call(self._fill_filters)
        show = QLabel()
        t.set(show.setText, N_("Sho&w:"))
        show.setBuddy(self.filter)
        self.new_button = QPushButton()
        t.set(self.new_button.setText, N_("&New loan…"))
        self.repay_button = QPushButton()
        t.set(self.repay_button.setText, N_("&Repayment…"))
        self.approve_button = QPushButton()
        t.set(self.approve_button.setText, N_("&Approve…"))
        self.disburse_button = QPushButton()
        t.set(self.disburse_button.setText, N_("Pay &out…"))
        self.reject_button = QPushButton()
        t.set(self.reject_button.setText, N_("Re&ject…"))
        self.cancel_button = QPushButton()
        t.set(self.cancel_button.setText, N_("&Cancel the loan…"))
        self.schedule_button = QPushButton()
        t.set(self.schedule_button.setText, N_("Print the &schedule…"))
        t.set(self.schedule_button.setToolTip, N_("The loan's installments as a PDF, with lines for the borrower, "
                                                  "the guarantors, the treasurer and the chair to sign"))
        bar = QHBoxLayout()
        bar.addWidget(show)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        actions = QHBoxLayout()  # what can be done with the chosen loan, under the list (fits 1366 pixels)
        for button in (self.repay_button, self.approve_button, self.disburse_button, self.reject_button,
                       self.cancel_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.schedule_button)
        self.model = RowsModel(self._columns(), parent=self)
        self.table = Table(stretch_column=7)
        self.table.setModel(self.model)
        t.call(self.model.retranslate, now=False)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.problems = ProblemList()
        self.count = QLabel()
        muted(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Loans")))
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.detail)
        layout.addWidget(self.problems)
        layout.addWidget(self.count)
        layout.addWidget(note_label(t, N_("Enter on a loan: a repayment for a loan being repaid, the decision for "
                                          "an application, the payout for an approved loan.")))
        self._loaded = False
        self.filter.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._selected())
        self.table.opened.connect(lambda _row: self.open_current())
        self.new_button.clicked.connect(self.new_loan)
        self.repay_button.clicked.connect(self.repay)
        self.approve_button.clicked.connect(self.approve)
        self.disburse_button.clicked.connect(self.disburse)
        self.reject_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel)
        self.schedule_button.clicked.connect(lambda: self.print_schedule())
        ctx.changed.connect(self._book_changed)
        t.call(self._selected, now=False)

    def _columns(self) -> tuple[Column, ...]:
        return (
            Column(N_("Loan"), lambda s: str(s.loan_no), right=True),
            Column(N_("Borrower"), lambda s: person(self.members, s.member_no, self._phones())),
            Column(N_("Amount"), lambda s: b(s.principal), right=True),
            Column(N_("Status"), lambda s: _(STATUS_LABELS.get(s.status, s.status))),
            Column(N_("Still owed"), lambda s: b(s.balance) if s.status in ("disbursed", "closed") else "",
                   right=True),
            Column(N_("Overdue"), lambda s: self._overdue_text(s), right=True),
            Column(N_("Next payment"), lambda s: self._next_text(s)),
            Column(N_("Guarantors"), lambda s: ", ".join(person(self.members, g, self._phones())
                                                         for g in s.guarantors)),
        )

    def _overdue_columns(self) -> tuple[Column, ...]:
        """The overdue list is for calling people: who owes what since when, and the guarantors' phones."""
        return (
            Column(N_("Loan"), lambda s: str(s.loan_no), right=True),
            Column(N_("Borrower"), lambda s: person(self.members, s.member_no)),
            Column(N_("Overdue"), lambda s: self._overdue_text(s), right=True),
            Column(N_("Since"), lambda s: format_date(s.oldest_overdue) if s.oldest_overdue else ""),
            Column(N_("Still owed"), lambda s: b(s.balance), right=True),
            Column(N_("Guarantors to contact"), lambda s: "; ".join(person(self.members, g) for g in s.guarantors)),
        )

    def _phones(self) -> bool:
        """Phone numbers in the list only where the treasurer calls people: the overdue loans."""
        return self.filter.currentData() == OVERDUE

    def _overdue_text(self, s: LoanState) -> str:
        if not s.overdue.satang:
            return ""
        return _("{amount} ({count} installment(s))").format(amount=b(s.overdue), count=s.overdue_installments)

    def _next_text(self, s: LoanState) -> str:
        if s.next_due_date is None:
            return ""
        return _("{amount} on {date}").format(amount=b(s.next_installment), date=format_date(s.next_due_date))

    def _fill_filters(self) -> None:
        current = self.filter.currentData() or OPEN
        self.filter.blockSignals(True)
        self.filter.clear()
        for key, msgid in FILTERS:
            self.filter.addItem(_(msgid), key)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)

    # --- loading ---------------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self.reload()
        self.table.setFocus()

    def _book_changed(self, topic: str) -> None:
        if topic in (LOANS, MEMBERS, "meeting", "cash"):
            if self.isVisible():
                self.reload()
            else:
                self._loaded = False

    def set_filter(self, key: str) -> None:
        self.filter.setCurrentIndex(self.filter.findData(key))

    def reload(self) -> None:
        book = self.ctx.book
        current = self.current()
        self.members = {m.member_no: m for m in book.members()}
        which = self.filter.currentData()
        if which == OVERDUE:
            rows = sorted(book.overdue_loans(), key=lambda s: (s.oldest_overdue or self.ctx.today(), s.loan_no))
        elif which == APPLIED:
            rows = book.loans(statuses=("applied", "approved"))
        elif which == ALL:
            rows = book.loans()
        else:
            rows = book.loans(statuses=("applied", "approved", "disbursed"))
        columns = self._overdue_columns() if which == OVERDUE else self._columns()
        if [c.header for c in columns] != [c.header for c in self.model.columns]:
            self.model.columns = columns  # takes effect with the reset below
            self.table._stretch = len(columns) - 1  # the guarantors take the room that is left
        self.model.set_rows(rows)
        self.table.fit_columns()
        self._loaded = True
        total = sum(s.balance.satang for s in rows if s.status == "disbursed")
        overdue = sum(s.overdue.satang for s in rows)
        self.count.setText(_("{count} loan(s); still owed {owed} baht; overdue {overdue} baht").format(
            count=len(rows), owed=format_amount(total), overdue=format_amount(overdue)))
        row = next((i for i, s in enumerate(rows) if current is not None and s.loan_no == current.loan_no), 0)
        if rows:
            self.table.select_row(row)
        self._selected()

    def current(self) -> LoanState | None:
        row = self.table.current_row()
        if row is None or row >= self.model.rowCount():
            return None
        return self.model.row(row)

    def print_schedule(self, path=None) -> bool:
        """The chosen loan's repayment schedule as a PDF to sign (``report schedule --loan N``)."""
        s = self.current()
        if s is None:
            return False
        book, loan_no = self.ctx.book, s.loan_no
        return save_reports(self.ctx, lambda _op: build(book, "schedule", Params(loan_no=loan_no)), "pdf",
                            parent=self.window(), suggested=f"loan-{loan_no}-schedule.pdf", path=path,
                            failed=lambda exc: self.problems.set_problems(problems_of(exc)))

    def select_loan(self, loan_no: int) -> bool:
        for i in range(self.model.rowCount()):
            if self.model.row(i).loan_no == loan_no:
                self.table.select_row(i)
                return True
        return False

    def _selected(self) -> None:
        s = self.current()
        status = s.status if s else None
        self.repay_button.setEnabled(status == "disbursed")
        self.approve_button.setEnabled(status == "applied")
        self.reject_button.setEnabled(status == "applied")
        self.disburse_button.setEnabled(status == "approved")
        self.cancel_button.setEnabled(status in ("applied", "approved"))
        self.schedule_button.setEnabled(status in ("applied", "approved", "disbursed", "closed"))
        self.problems.clear_problems()
        if s is None:
            self.detail.setText("")
            return
        lines = [_("Loan {no}: {name}, {amount} baht over {term} months at {rate}% a month; purpose: {purpose}.")
                 .format(no=s.loan_no, name=person(self.members, s.member_no), amount=b(s.principal),
                         term=s.term_months, rate=str(s.rate_pct.normalize()), purpose=s.purpose or "-")]
        lines.append(_("Guarantors: {guarantors}.").format(
            guarantors="; ".join(person(self.members, g) for g in s.guarantors) or "-"))
        if s.overdue.satang:
            lines.append(_("Overdue {amount} baht since {date} ({count} installment(s)). Call the borrower and the "
                           "guarantors: {guarantors}.").format(
                amount=b(s.overdue), date=format_date(s.oldest_overdue) if s.oldest_overdue else "-",
                count=s.overdue_installments,
                guarantors="; ".join(person(self.members, g) for g in s.guarantors)))
        self.detail.setText("\n".join(lines))

    # --- actions ---------------------------------------------------------------------------------------
    def open_current(self) -> None:
        s = self.current()
        if s is None:
            return
        if s.status == "disbursed":
            self.repay()
        elif s.status == "applied":
            self.approve()
        elif s.status == "approved":
            self.disburse()

    def new_loan(self, borrower: int | None = None) -> LoanWizard:
        wizard = LoanWizard(self.ctx, self.window(), borrower=borrower)
        wizard.changed.connect(lambda _no: self.reload() if self.isVisible() else None)
        wizard.finished.connect(lambda _r: self._wizard_closed(wizard))
        wizard.open()
        return wizard

    def _wizard_closed(self, wizard: LoanWizard) -> None:
        loan_no = wizard.loan_no
        wizard.deleteLater()
        self.reload()
        if loan_no is not None:
            self.select_loan(loan_no)
        self.table.setFocus()

    def repay(self) -> RepaymentDialog | None:
        s = self.current()
        if s is None or s.status != "disbursed":
            return None
        dialog = RepaymentDialog(self.ctx, s.loan_no, self.window())
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.table.setFocus()))
        dialog.open()
        return dialog

    def _run(self, fn, done_text: str, loan_no: int) -> None:
        def done(_result: object) -> None:
            self.ctx.say(_(done_text).format(no=loan_no))
            self.reload()
            self.select_loan(loan_no)

        def failed(exc: BaseException) -> None:
            self.problems.set_problems(problems_of(exc))

        self.ctx.run(fn, topic=LOANS, done=done, failed=failed, owner=self, parent=self.window())

    def approve(self) -> None:
        s = self.current()
        if s is None or s.status != "applied":
            return
        if not confirm(self.window(), _("Approve the loan?"),
                       _("Approve loan number {no} of {name} for {amount} baht? The rules are checked again now.")
                       .format(no=s.loan_no, name=s.borrower, amount=b(s.principal)),
                       _("Approve the loan"), default_yes=True):
            return
        no = s.loan_no
        self._run(lambda: self.ctx.book.approve_loan(no), N_("Loan {no} was approved."), no)

    def disburse(self) -> None:
        s = self.current()
        if s is None or s.status != "approved":
            return
        if not confirm(self.window(), _("Pay out the loan?"),
                       _("Pay {amount} baht in cash to {name} now (loan number {no})?").format(
                           amount=b(s.principal), name=s.borrower, no=s.loan_no),
                       _("Pay out the loan"), default_yes=True,
                       details=_("The payment is recorded in the cash book with today's date.")):
            return
        no = s.loan_no
        self._run(lambda: self.ctx.book.disburse_loan(no), N_("Loan {no} was paid out."), no)

    def reject(self) -> None:
        s = self.current()
        if s is None or s.status != "applied":
            return
        reason = ReasonDialog.ask(self.window(), _("Reject the application"),
                                  _("Why is loan application {no} rejected?").format(no=s.loan_no),
                                  ok_text=_("Reject the application"))
        if reason is None:
            return
        no = s.loan_no
        self._run(lambda: self.ctx.book.reject_loan(no, reason), N_("Loan application {no} was rejected."), no)

    def cancel(self) -> None:
        s = self.current()
        if s is None or s.status not in ("applied", "approved"):
            return
        reason = ReasonDialog.ask(self.window(), _("Cancel the loan"),
                                  _("Why is loan {no} cancelled?").format(no=s.loan_no),
                                  ok_text=_("Cancel the loan"))
        if reason is None:
            return
        no = s.loan_no
        self._run(lambda: self.ctx.book.cancel_loan(no, reason), N_("Loan {no} was cancelled."), no)


register(LoansPage)
