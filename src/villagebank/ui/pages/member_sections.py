"""The member page's sections that come with the books: money (shares, savings, what the bank owes) with the
member's actions (leave the bank, enrol in a partner fund, a new loan), loans, guarantees, the monthly
statement as printed, and the seven-risk coverage. Registered with ``member_section`` (see member_detail).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, _
from villagebank.ledger import LedgerError, Money
from villagebank.ledger.coverage import GROUP_LABELS, GROUPS, RISK_LABELS
from villagebank.ledger.dto import Member
from villagebank.ledger.loans import STATUS_LABELS
from villagebank.ledger.members import ACTIVE_STATUSES
from villagebank.ledger.members import STATUS_LABELS as MEMBER_STATUS
from villagebank.thai import format_amount, format_date
from villagebank.ui.context import MEMBERS, Context
from villagebank.ui.dialogs.common import confirm
from villagebank.ui.dialogs.partner_enrol import EnrolDialog
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.pages.member_detail import MemberSection, member_section
from villagebank.ui.qt import Texts, font_role, heading, muted, note_label
from villagebank.ui.views.dates import BEDateEdit
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.pickers import MonthPicker
from villagebank.ui.views.problems import ProblemList, problems_of
from villagebank.ui.views.report_view import ReportView
from villagebank.ui.views.tables import Table


def b(m: Money) -> str:
    return format_amount(m.satang)


def loan_columns() -> tuple[Column, ...]:
    return (
        Column(N_("Loan"), lambda s: str(s.loan_no), right=True),
        Column(N_("Applied"), lambda s: format_date(s.applied_date)),
        Column(N_("Amount"), lambda s: b(s.principal), right=True),
        Column(N_("Status"), lambda s: _(STATUS_LABELS.get(s.status, s.status))),
        Column(N_("Still owed"), lambda s: b(s.balance) if s.status in ("disbursed", "closed") else "", right=True),
        Column(N_("Overdue"), lambda s: b(s.overdue) if s.overdue.satang else "", right=True),
        Column(N_("Next payment"), lambda s: _("{amount} on {date}").format(
            amount=b(s.next_installment), date=format_date(s.next_due_date)) if s.next_due_date else ""),
    )


# --- money and actions --------------------------------------------------------------------------------
class LeaveDialog(QDialog):
    """A member resigns or has died: what is paid out, now or with the year's payouts; asks before doing it."""

    def __init__(self, ctx: Context, member: Member, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self.texts = Texts()
        t = self.texts
        t.set(self.setWindowTitle, N_("Leaving the bank"))
        book = ctx.book
        self.total = book.share_balance(member.member_no) + sum(
            (book.savings_balance(member.member_no, p.key) for p in book.rules.savings_products), Money(0))
        self.status = QComboBox()
        for status in ("resigned", "deceased"):
            self.status.addItem(_(MEMBER_STATUS[status]), status)
        self.date = BEDateEdit(field=N_("Date"))
        self.date.setDate(ctx.today())
        self.reason = QLineEdit()
        self.reason.setMaxLength(300)
        self.pay_now = QRadioButton()
        t.set(self.pay_now.setText, N_("Pay it now, in cash"))
        self.pay_later = QRadioButton()
        t.set(self.pay_later.setText, N_("Pay it at the year end, with the year's payouts"))
        self.pay_now.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.pay_now)
        group.addButton(self.pay_later)
        pay = QWidget()
        pay_layout = QVBoxLayout(pay)
        pay_layout.setContentsMargins(0, 0, 0, 0)
        pay_layout.addWidget(self.pay_now)
        pay_layout.addWidget(self.pay_later)
        form = FormGrid(t)
        form.add("status", N_("Why"), self.status, required=True)
        form.add("date", N_("Date"), self.date, required=True)
        form.add("reason", N_("Reason"), self.reason, required=True)
        form.add("pay", N_("Paying out"), pay)
        self.problems = ProblemList()
        self.ok_button = QPushButton()
        t.set(self.ok_button.setText, N_("&Record the leaving…"))
        cancel = QPushButton()
        t.set(cancel.setText, N_("Go back"))
        cancel.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(t, N_("Member {no} leaves the bank"), 1.2, no=member.member_no))
        summary = QLabel(_("{name}: shares and savings of {amount} baht are paid back. Open loans and guarantees "
                           "must be settled first.").format(name=member.full_name, amount=b(self.total)))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addWidget(form)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self.ok_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.resize(max(680, self.sizeHint().width()), self.sizeHint().height())
        self.reason.setFocus()

    def save(self) -> None:
        try:
            date = self.date.date()
        except UserError as exc:
            self.problems.set_problems([exc])
            return
        reason, status, pay_now = self.reason.text().strip(), self.status.currentData(), self.pay_now.isChecked()
        if not reason:
            self.problems.set_problems([UserError(N_("is required"), N_("Reason"))])
            self.reason.setFocus()
            return
        when = _("now, in cash") if pay_now else _("at the year end")
        if not confirm(self, _("Record the leaving?"),
                       _("{name} leaves the bank ({status}). {amount} baht is paid {when}. This cannot be undone "
                         "here.").format(name=self.member.full_name, status=self.status.currentText(),
                                         amount=b(self.total), when=when),
                       _("Record the leaving")):
            return
        no = self.member.member_no
        self.ok_button.setEnabled(False)
        self.ctx.run(lambda: self.ctx.book.leave(no, status, reason, date, pay_now=pay_now), topic=MEMBERS,
                     done=lambda _t: self.accept(), failed=self._failed, owner=self, parent=self)

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.problems.set_problems(problems_of(exc))


@member_section
class MoneySection(MemberSection):
    title = N_("Money and actions")
    order = 20

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        self.member: Member | None = None
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(6)
        self.partners = QLabel()
        self.partners.setWordWrap(True)
        self.leave_button = QPushButton()
        t.set(self.leave_button.setText, N_("Leaves the bank (resigned or &died)…"))
        self.enrol_button = QPushButton()
        t.set(self.enrol_button.setText, N_("Enrol in a &partner fund…"))
        self.loan_button = QPushButton()
        t.set(self.loan_button.setText, N_("New &loan for this member…"))
        actions = QHBoxLayout()
        actions.addWidget(self.loan_button)
        actions.addWidget(self.enrol_button)
        actions.addStretch(1)
        actions.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addWidget(heading(t, N_("Partner funds"), 1.05))
        layout.addWidget(self.partners)
        layout.addStretch(1)
        layout.addLayout(actions)
        self.leave_button.clicked.connect(self.leave)
        self.enrol_button.clicked.connect(self.enrol)
        self.loan_button.clicked.connect(self.new_loan)
        t.call(lambda: self.member and self.show_member(self.member), now=False)

    def _set_lines(self, lines: list[tuple[str, str]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.setParent(None)
                widget.deleteLater()
        for row, (label, value) in enumerate(lines):
            name = QLabel(label)
            muted(name)
            amount = QLabel(value)
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # amounts line up
            font_role(amount, 1.1, bold=True)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(amount, row, 1)
        self.grid.setColumnStretch(2, 1)

    def show_member(self, member: Member) -> None:
        self.member = member
        book, no = self.ctx.book, member.member_no
        lines = [(_("Shares"), _("{amount} baht").format(amount=b(book.share_balance(no))))]
        for p in book.rules.savings_products:
            balance = book.savings_balance(no, p.key)
            if balance.satang or p.active:
                lines.append((p.name, _("{amount} baht").format(amount=b(balance))))
        owed = dict(book.owed_payouts()).get(no)
        if owed is not None:
            lines.append((_("The bank owes (payouts, balance of a former member)"),
                          _("{amount} baht").format(amount=b(owed))))
        open_loans = [s for s in book.loans(member_no=no) if s.status == "disbursed"]
        if open_loans:
            lines.append((_("Loans still owed"), _("{amount} baht").format(
                amount=format_amount(sum(s.balance.satang for s in open_loans)))))
        lines.append((_("Missed savings this fiscal year"), str(len(book.missed_savings(no)))))
        self._set_lines(lines)
        names = {p.key: p.name for p in book.rules.partners}
        enrolments = book.partner_enrolments(member_no=no)
        self.partners.setText("\n".join(
            _("{partner}: since {since}").format(partner=names.get(e.partner, e.partner), since=format_date(e.since))
            + (" " + _("until {date}").format(date=format_date(e.until)) if e.until else "")
            for e in enrolments) or _("Not enrolled in any partner fund."))
        active = member.status in ACTIVE_STATUSES and not book.readonly
        for button in (self.leave_button, self.enrol_button, self.loan_button):
            button.setEnabled(active)

    def leave(self) -> LeaveDialog | None:
        if self.member is None:
            return None
        dialog = LeaveDialog(self.ctx, self.member, self.window())
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def enrol(self) -> EnrolDialog | None:
        if self.member is None:
            return None
        dialog = EnrolDialog(self.ctx, self.window(), member_no=self.member.member_no)
        member = self.member

        def closed(_r: int) -> None:
            dialog.deleteLater()
            self.show_member(member)

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def new_loan(self):
        if self.member is None:
            return None
        from villagebank.ui.dialogs.loan_wizard import LoanWizard

        wizard = LoanWizard(self.ctx, self.window(), borrower=self.member.member_no)
        wizard.finished.connect(lambda _r: wizard.deleteLater())
        wizard.open()
        return wizard


# --- loans and guarantees --------------------------------------------------------------------------------
@member_section
class LoansSection(MemberSection):
    title = N_("Loans")
    order = 30

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = RowsModel(loan_columns(), parent=self)
        self.table = Table(stretch_column=6)
        self.table.setModel(self.model)
        self.empty = note_label(self.texts, N_("No loans."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.texts.call(self.model.retranslate, now=False)

    def show_member(self, member: Member) -> None:
        rows = self.ctx.book.loans(member_no=member.member_no)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)


@member_section
class GuaranteesSection(MemberSection):
    title = N_("Guarantees")
    order = 40

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = RowsModel((
            Column(N_("Loan"), lambda s: str(s.loan_no), right=True),
            Column(N_("Borrower"), lambda s: f"{s.member_no} {s.borrower}"),
            Column(N_("Amount"), lambda s: b(s.principal), right=True),
            Column(N_("Still owed"), lambda s: b(s.balance) if s.status == "disbursed" else b(s.principal),
                   right=True),
            Column(N_("Overdue"), lambda s: b(s.overdue) if s.overdue.satang else "", right=True),
            Column(N_("Status"), lambda s: _(STATUS_LABELS.get(s.status, s.status))),
        ), parent=self)
        self.table = Table(stretch_column=1)
        self.table.setModel(self.model)
        self.summary = note_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.texts.call(self.model.retranslate, now=False)

    def show_member(self, member: Member) -> None:
        rows = self.ctx.book.guaranteed_by(member.member_no)
        self.model.set_rows(rows)
        limit = self.ctx.book.rules.max_guaranteed_loans
        self.summary.setText(_("Guarantees {count} open loan(s); the rules allow {max}.").format(
            count=len(rows), max=limit))


# --- the statement ----------------------------------------------------------------------------------------
@member_section
class StatementSection(MemberSection):
    title = N_("Statement")
    order = 50

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        self.member: Member | None = None
        self.month = MonthPicker(ctx.today())
        self.show_button = QPushButton()
        t.set(self.show_button.setText, N_("&Show the statement"))
        label = QLabel()
        t.set(label.setText, N_("Month:"))
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.month)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        self.view = ReportView()
        self.problems = ProblemList()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problems)
        layout.addWidget(self.view, 1)
        self.show_button.clicked.connect(self.refresh)
        self.month.changed.connect(self.refresh)

    def show_member(self, member: Member) -> None:
        self.member = member
        self._stale = True
        if self.isVisible():  # built when the tab is shown: opening a member stays quick
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self.refresh()

    def refresh(self) -> None:
        if self.member is None:
            return
        self._stale = False
        from villagebank.reports.registry import Params, build

        try:
            reports = build(self.ctx.book, "statement", Params(month=self.month.value(),
                                                               member_no=self.member.member_no))
        except LedgerError as exc:
            self.problems.set_problems([exc])
            self.view.show_reports([])
            return
        self.problems.clear_problems()
        self.view.show_reports(reports)


# --- seven risks -------------------------------------------------------------------------------------------
@member_section
class CoverageSection(MemberSection):
    title = N_("Seven risks")
    order = 60

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        columns = [Column(N_("Risk"), lambda r: _(RISK_LABELS[r.risk]))]
        for group in GROUPS:
            columns.append(Column(GROUP_LABELS[group], lambda r, g=group: ", ".join(
                _(c.name) for c in r.by_group(g))))
        columns.append(Column(N_("Covered"), lambda r: (_("twice") if r.duplicated_groups else "✓")
                              if r.covered else _("not covered")))
        self.model = RowsModel(columns, parent=self)
        self.table = Table(stretch_column=1)
        self.table.setModel(self.model)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        muted(self.flags)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.texts, N_("Which of the seven risks of life this member is protected "
                                                   "against, and by whom: the state, the community (the bank's "
                                                   "welfare fund, partner funds), financial institutions.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.flags)
        self.texts.call(self.model.retranslate, now=False)

    def show_member(self, member: Member) -> None:
        cov = self.ctx.book.coverage(member.member_no)
        self.model.set_rows(cov.risks)
        self.table.fit_columns()
        self.flags.setText("\n".join("! " + f.message() for f in cov.flags))
