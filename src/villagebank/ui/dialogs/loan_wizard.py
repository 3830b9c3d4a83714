"""The loan wizard: borrower → terms → guarantors → schedule → record, approve, pay out.

Every step shows, as it is typed, what the bank's rules say: the borrower's eligibility, the amount and term
against the largest loan, the longest term and the cash held, and each guarantor's problems with their
current exposure (open loans guaranteed, shares). Each refusal names its rule and the numbers. "Next" is
offered only when the rules allow the step; recording, approving and paying out each ask first.

Keyboard: Enter = Next (the default button), Alt+B = Back, Esc = close (asks nothing: an application is
only recorded by the last step's button).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, _
from villagebank.ledger import LedgerError, Money
from villagebank.ledger.dto import Member
from villagebank.ledger.loans import FIELD_LABELS, PURPOSES
from villagebank.thai import format_amount, format_date
from villagebank.ui.context import Context
from villagebank.ui.dialogs.common import ReasonDialog, confirm
from villagebank.ui.errors import show_error
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.qt import Texts, font_role, heading, hline, muted, note_label
from villagebank.ui.views.fields import DecimalEdit, IntSpin, MoneyEdit
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.pickers import MemberPicker
from villagebank.ui.views.problems import ProblemList, problems_of
from villagebank.ui.views.tables import Table

LOANS = "loans"
BORROWER, TERMS, GUARANTORS, SCHEDULE, DECIDE = range(5)
STEP_TITLES = (N_("Step 1 of 5: the borrower"), N_("Step 2 of 5: amount, term and interest"),
               N_("Step 3 of 5: the guarantors"), N_("Step 4 of 5: the repayment schedule"),
               N_("Step 5 of 5: approve and pay out"))


def b(m: Money | int) -> str:
    return format_amount(m.satang if isinstance(m, Money) else m)


def exposure_text(ctx: Context, member: Member) -> str:
    """What a member already stands for: open loans guaranteed (with their balances) and shares held."""
    loans = ctx.book.guaranteed_by(member.member_no)
    shares = ctx.book.share_balance(member.member_no)
    if loans:
        each = ", ".join(_("loan {no} of {name} ({balance} baht)").format(
            no=st.loan_no, name=st.borrower, balance=b(st.balance if st.status == "disbursed" else st.principal))
            for st in loans)
        text = _("Guarantees {count} open loan(s): {loans}.").format(count=len(loans), loans=each)
    else:
        text = _("Guarantees no open loan.")
    return text + " " + _("Shares: {amount} baht.").format(amount=b(shares))


def installment_columns() -> tuple[Column, ...]:
    return (
        Column(N_("Installment"), lambda i: str(i.number), right=True),
        Column(N_("Due"), lambda i: format_date(i.due_date)),
        Column(N_("Principal"), lambda i: b(i.principal), right=True),
        Column(N_("Interest"), lambda i: b(i.interest), right=True),
        Column(N_("To pay"), lambda i: b(i.total), right=True),
        Column(N_("Still owed after"), lambda i: b(i.balance_after), right=True),
    )


class GuarantorRow(QWidget):
    def __init__(self, ctx: Context, texts: Texts, index: int) -> None:
        super().__init__()
        self.picker = MemberPicker(ctx.book)
        self.exposure = note_label()
        self.problems = ProblemList()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        label = QLabel()
        texts.set(label.setText, N_("Guarantor &{n}:"), n=index + 1)
        label.setBuddy(self.picker.edit)
        font_role(label, 1.05, bold=True)
        layout.addWidget(label)
        layout.addWidget(self.picker)
        layout.addWidget(self.exposure)
        layout.addWidget(self.problems)


class LoanWizard(QDialog):
    """``finished_loan(loan_no)`` when the wizard recorded something (application, approval, payout)."""

    changed = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None, *, borrower: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.book = ctx.book
        self.texts = Texts()
        t = self.texts
        t.set(self.setWindowTitle, N_("New loan"))
        self.loan_no: int | None = None
        self.step_label = heading(t, "", 1.25)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._borrower_step())
        self.stack.addWidget(self._terms_step())
        self.stack.addWidget(self._guarantors_step())
        self.stack.addWidget(self._schedule_step())
        self.stack.addWidget(self._decide_step())
        self.back_button = QPushButton()
        t.set(self.back_button.setText, N_("← &Back"))
        self.next_button = QPushButton()
        self.close_button = QPushButton()
        t.set(self.close_button.setText, N_("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(hline())
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._check_current)
        t.call(self._refresh_buttons, now=False)
        self.resize(980, 680)
        self.show_step(BORROWER)
        if borrower is not None:
            self.borrower.set_number(borrower)

    # --- steps -----------------------------------------------------------------------------------------
    def _borrower_step(self) -> QWidget:
        t = self.texts
        page = QWidget()
        layout = QVBoxLayout(page)
        label = QLabel()
        t.set(label.setText, N_("&Member number of the borrower:"))
        self.borrower = MemberPicker(self.book)
        label.setBuddy(self.borrower.edit)
        self.borrower_info = note_label()
        self.eligibility = ProblemList()
        layout.addWidget(label)
        layout.addWidget(self.borrower)
        layout.addWidget(self.borrower_info)
        layout.addSpacing(8)
        layout.addWidget(heading(t, N_("May this member borrow?"), 1.05))
        layout.addWidget(self.eligibility)
        layout.addStretch(1)
        self.borrower.memberChanged.connect(lambda _m: self._check_borrower())
        return page

    def _terms_step(self) -> QWidget:
        t = self.texts
        page = QWidget()
        layout = QVBoxLayout(page)
        self.terms_form = FormGrid(t, notes=True)
        self.amount = MoneyEdit(field=FIELD_LABELS["principal"], allow_zero=False)
        self.term = IntSpin(1, 240, suffix=N_("months"))
        self.term.setValue(min(12, self.book.rules.max_loan_term_months or 12))
        self.rate = DecimalEdit(field=FIELD_LABELS["rate_pct"])
        self.rate.setValue(self.book.rules.loan_rate_monthly_pct)
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        t.call(self._fill_purposes)
        self.terms_form.add("principal", FIELD_LABELS["principal"], self.amount, required=True,
                            note=N_("In baht. The largest loan and the cash the bank holds are checked."))
        self.terms_form.add("term_months", FIELD_LABELS["term_months"], self.term,
                            note=N_("Monthly installments, paid at each meeting."))
        self.terms_form.add("rate_pct", FIELD_LABELS["rate_pct"], self.rate,
                            note=N_("On the balance still owed; filled in with the bank's rule."))
        self.terms_form.add("purpose", FIELD_LABELS["purpose"], self.purpose,
                            note=N_("What the money is for (occupation, consumer goods, paying off debts…)."))
        self.terms_problems = ProblemList()
        layout.addWidget(self.terms_form)
        layout.addWidget(self.terms_problems)
        layout.addStretch(1)
        self.amount.textChanged.connect(lambda: self._timer.start())
        self.term.valueChanged.connect(lambda: self._timer.start())
        self.rate.textChanged.connect(lambda: self._timer.start())
        return page

    def _fill_purposes(self) -> None:
        text = self.purpose.currentText()
        self.purpose.blockSignals(True)
        self.purpose.clear()
        for msgid in PURPOSES.values():
            self.purpose.addItem(_(msgid))
        default = PURPOSES["occupation"]
        self.purpose.setCurrentText(text or _(default))
        self.purpose.blockSignals(False)

    def _guarantors_step(self) -> QWidget:
        t = self.texts
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(note_label(t, N_("Guarantors are active members other than the borrower. Beside each: "
                                          "the loans they already guarantee and their shares.")))
        self.guarantors = [GuarantorRow(self.ctx, t, i) for i in range(max(1, self.book.rules.guarantors_required))]
        for row in self.guarantors:
            layout.addWidget(row)
            row.picker.memberChanged.connect(lambda _m: self._timer.start())
        self.guarantor_problems = ProblemList()
        layout.addWidget(self.guarantor_problems)
        layout.addStretch(1)
        return page

    def _schedule_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.schedule_model = RowsModel(installment_columns(), parent=self)
        self.schedule_table = Table(stretch_column=1)
        self.schedule_table.setModel(self.schedule_model)
        self.texts.call(self.schedule_model.retranslate, now=False)
        self.totals = QLabel()
        font_role(self.totals, 1.05, bold=True)
        self.apply_problems = ProblemList()
        layout.addWidget(self.summary)
        layout.addWidget(self.schedule_table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.apply_problems)
        return page

    def _decide_step(self) -> QWidget:
        t = self.texts
        page = QWidget()
        layout = QVBoxLayout(page)
        self.decided = QLabel()
        self.decided.setWordWrap(True)
        font_role(self.decided, 1.1, bold=True)
        self.approve_button = QPushButton()
        t.set(self.approve_button.setText, N_("&Approve the loan (committee's decision)…"))
        self.reject_button = QPushButton()
        t.set(self.reject_button.setText, N_("&Reject the application…"))
        self.disburse_button = QPushButton()
        t.set(self.disburse_button.setText, N_("&Pay out the loan now…"))
        self.decide_problems = ProblemList()
        row = QHBoxLayout()
        row.addWidget(self.approve_button)
        row.addWidget(self.reject_button)
        row.addWidget(self.disburse_button)
        row.addStretch(1)
        layout.addWidget(self.decided)
        layout.addLayout(row)
        layout.addWidget(self.decide_problems)
        layout.addWidget(note_label(t, N_("You can also close this window now: the application stays in the "
                                          "loans list, to approve and pay out later.")))
        layout.addStretch(1)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject_application)
        self.disburse_button.clicked.connect(self.disburse)
        return page

    # --- navigation ------------------------------------------------------------------------------------
    def step(self) -> int:
        return self.stack.currentIndex()

    def show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.step_label.setText(_(STEP_TITLES[step]))
        if step == BORROWER:
            self.borrower.edit.setFocus()
        elif step == TERMS:
            self.amount.setFocus()
        elif step == GUARANTORS:
            self.guarantors[0].picker.edit.setFocus()
        elif step == SCHEDULE:
            self._fill_schedule()
        self._check_current()
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        step = self.step()
        self.step_label.setText(_(STEP_TITLES[step]))
        self.back_button.setVisible(step not in (BORROWER, DECIDE))
        self.next_button.setVisible(step != DECIDE)
        self.next_button.setText(_("&Record the application…") if step == SCHEDULE else _("&Next →"))
        self.next_button.setDefault(step != DECIDE)
        self.next_button.setAutoDefault(step != DECIDE)
        self.close_button.setText(_("Done") if step == DECIDE else _("Close"))

    def back(self) -> None:
        if self.step() > BORROWER and self.step() != DECIDE:
            self.show_step(self.step() - 1)

    def next(self) -> None:
        self._check_current()
        if not self.next_button.isEnabled():
            return
        if self.step() == SCHEDULE:
            self.record()
        elif self.step() < SCHEDULE:
            self.show_step(self.step() + 1)

    # --- live checks -----------------------------------------------------------------------------------
    def _check_current(self) -> None:
        step = self.step()
        ok = True
        if step == BORROWER:
            ok = self._check_borrower()
        elif step == TERMS:
            ok = self._check_terms()
        elif step == GUARANTORS:
            ok = self._check_guarantors()
        elif step == SCHEDULE:
            ok = self.schedule_model.rowCount() > 0
        self.next_button.setEnabled(ok)

    def _check_borrower(self) -> bool:
        member = self.borrower.member()
        if member is None:
            self.borrower_info.setText("")
            self.eligibility.clear_problems()
            ok = False
        else:
            shares = self.book.share_balance(member.member_no)
            open_loans = [st for st in self.book.loans(member_no=member.member_no) if st.is_open]
            self.borrower_info.setText(_("Member since {date}. Shares: {shares} baht. Open loans: {count}.").format(
                date=format_date(member.join_date), shares=b(shares), count=len(open_loans)))
            self.eligibility.set_problems(self.book.loan_eligibility(member.member_no),
                                          N_("Yes: every rule for borrowers is met."))
            ok = self.eligibility.ok
        if self.step() == BORROWER:
            self.next_button.setEnabled(ok)
        return ok

    def principal(self) -> Money | None:
        try:
            return self.amount.value()
        except UserError:
            return None

    def rate_value(self) -> Decimal | None:
        try:
            return self.rate.value()
        except UserError:
            return None

    def _check_terms(self) -> bool:
        principal, rate = self.principal(), self.rate_value()
        problems: list[BaseException] = []
        if principal is None:
            problem = self.amount.problem() if self.amount.text().strip() else None
            if problem:
                problems.append(UserError(problem))
        if rate is None:
            problems.append(UserError(N_("“{value}” is not a valid value"), FIELD_LABELS["rate_pct"],
                                      value=self.rate.text()))
        if principal is not None and rate is not None:
            problems += self.book.loan_terms_problems(principal, self.term.value(), rate=rate)
        if principal is None and not problems:
            self.terms_problems.clear_problems()
            return False
        self.terms_problems.set_problems(problems, N_("The amount, term and interest are within the rules."))
        return principal is not None and not problems

    def guarantor_numbers(self) -> list[int]:
        return [row.picker.number() for row in self.guarantors if row.picker.number() is not None]

    def _check_guarantors(self) -> bool:
        borrower = self.borrower.number()
        principal = self.principal()
        if borrower is None or principal is None:
            return False
        nos = self.guarantor_numbers()
        problems = self.book.guarantor_problems(borrower, nos, principal) if nos else []
        claimed: set[int] = set()
        for row in self.guarantors:
            member = row.picker.member()
            no = row.picker.number()
            if member is None:
                row.exposure.setText("")
                row.problems.clear_problems()
                continue
            row.exposure.setText(exposure_text(self.ctx, member))
            mine = [i for i, p in enumerate(problems) if getattr(p, "params", {}).get("no") == no]
            claimed.update(mine)
            row.problems.set_problems([problems[i] for i in mine], N_("Can guarantee this loan."))
        general = [p for i, p in enumerate(problems) if i not in claimed]
        all_filled = len(nos) == len(self.guarantors)
        if all_filled and not problems:
            self.guarantor_problems.set_problems([], N_("The guarantors meet every rule."))
        elif general:
            self.guarantor_problems.set_problems(general)
        else:
            self.guarantor_problems.clear_problems()
        return all_filled and not problems

    def _fill_schedule(self) -> None:
        principal, rate = self.principal(), self.rate_value()
        member = self.borrower.member()
        if principal is None or rate is None or member is None:
            self.schedule_model.set_rows([])
            return
        try:
            plan = self.book.preview_schedule(principal, self.term.value(), rate=rate)
        except LedgerError as exc:
            self.apply_problems.set_problems([exc])
            self.schedule_model.set_rows([])
            return
        self.apply_problems.clear_problems()
        self.schedule_model.set_rows(plan)
        self.schedule_table.fit_columns()
        interest = sum((i.interest for i in plan), Money(0))
        guarantors = ", ".join(self._name_of(no) for no in self.guarantor_numbers())
        self.summary.setText(_("{name} borrows {amount} baht for {term} months at {rate}% a month, for {purpose}. "
                               "Guarantors: {guarantors}.").format(
            name=member.full_name, amount=b(principal), term=self.term.value(), rate=str(rate.normalize()),
            purpose=self.purpose.currentText(), guarantors=guarantors))
        self.totals.setText(_("Interest over the whole loan: {interest} baht. Total to repay: {total} baht.").format(
            interest=b(interest), total=b(principal + interest)))

    def _name_of(self, no: int) -> str:
        try:
            return f"{no} {self.book.member(no).full_name}"
        except LedgerError:
            return str(no)

    # --- commands --------------------------------------------------------------------------------------
    def record(self) -> None:
        member, principal, rate = self.borrower.member(), self.principal(), self.rate_value()
        if member is None or principal is None or rate is None:
            return
        term, guarantors, purpose = self.term.value(), self.guarantor_numbers(), self.purpose.currentText()
        if not confirm(self, _("Record the loan application?"),
                       _("Record an application of {name} for {amount} baht over {term} months?").format(
                           name=member.full_name, amount=b(principal), term=term),
                       _("Record the application"), default_yes=True):
            return
        self.next_button.setEnabled(False)
        self.ctx.run(lambda: self.book.apply_loan(member.member_no, principal, term, guarantors, purpose=purpose,
                                                  rate=rate),
                     topic=LOANS, done=self._recorded, failed=self._refused, owner=self, parent=self)

    def _recorded(self, loan_no: int) -> None:
        self.loan_no = loan_no
        self.changed.emit(loan_no)
        self.show_step(DECIDE)
        self._show_decision("applied")
        self.approve_button.setFocus()

    def _refused(self, exc: BaseException) -> None:
        self.next_button.setEnabled(True)
        problems = problems_of(exc)
        if self.step() == DECIDE:
            self.decide_problems.set_problems(problems)
            return
        self.apply_problems.set_problems(problems)
        rules = {getattr(p, "rule", None) for p in problems}
        if rules & {"guarantors_required", "max_guaranteed_loans", "guarantee_limit_pct_of_shares",
                    "no_mutual_guarantee"}:
            self.show_step(GUARANTORS)
        elif rules & {"max_loan_amount", "max_loan_term_months", "loan_limited_to_cash"}:
            self.show_step(TERMS)
        elif rules & {"status", "loan_wait_months", "suspend_after_misses", "borrower_must_not_be_overdue"}:
            self.show_step(BORROWER)

    def _show_decision(self, status: str) -> None:
        no = self.loan_no
        text = {
            "applied": N_("The application was recorded as loan number {no}. The committee decides on it now or "
                          "later."),
            "approved": N_("Loan number {no} is approved. Pay it out when the borrower receives the money."),
            "disbursed": N_("Loan number {no} was paid out. The first installment is due at next month's "
                            "meeting."),
            "rejected": N_("The application for loan number {no} was rejected; the reason is kept with it."),
        }[status]
        self.decided.setText(_(text).format(no=no))
        self.approve_button.setVisible(status == "applied")
        self.reject_button.setVisible(status == "applied")
        self.disburse_button.setVisible(status == "approved")
        self.decide_problems.clear_problems()

    def approve(self) -> None:
        if self.loan_no is None:
            return
        no = self.loan_no
        if not confirm(self, _("Approve the loan?"),
                       _("Approve loan number {no}? The rules are checked again now.").format(no=no),
                       _("Approve the loan"), default_yes=True):
            return
        self.ctx.run(lambda: self.book.approve_loan(no), topic=LOANS, owner=self, parent=self,
                     done=lambda _r: (self._show_decision("approved"), self.changed.emit(no),
                                      self.disburse_button.setFocus()),
                     failed=self._refused)

    def reject_application(self) -> None:
        if self.loan_no is None:
            return
        no = self.loan_no
        reason = ReasonDialog.ask(self, _("Reject the application"),
                                  _("Why is loan application {no} rejected?").format(no=no),
                                  ok_text=_("Reject the application"))
        if reason is None:
            return
        self.ctx.run(lambda: self.book.reject_loan(no, reason), topic=LOANS, owner=self, parent=self,
                     done=lambda _r: (self._show_decision("rejected"), self.changed.emit(no)),
                     failed=self._refused)

    def disburse(self) -> None:
        if self.loan_no is None:
            return
        no = self.loan_no
        state = self.book.loan(no)
        if not confirm(self, _("Pay out the loan?"),
                       _("Pay {amount} baht in cash to {name} now (loan number {no})?").format(
                           amount=b(state.principal), name=state.borrower, no=no),
                       _("Pay out the loan"), default_yes=True,
                       details=_("The payment is recorded in the cash book with today's date.")):
            return
        self.ctx.run(lambda: self.book.disburse_loan(no), topic=LOANS, owner=self, parent=self,
                     done=lambda _seq: (self._show_decision("disbursed"), self.changed.emit(no),
                                        self.close_button.setFocus()),
                     failed=self._refused)


class RepaymentDialog(QDialog):
    """A repayment on one loan: what is owed now, the amount (prefilled), how it splits; asks, then records."""

    def __init__(self, ctx: Context, loan_no: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from villagebank.ledger.loans import split_payment

        self._split = split_payment
        self.ctx = ctx
        self.texts = Texts()
        t = self.texts
        self.state = ctx.book.loan(loan_no)
        self.receipt = None
        st = self.state
        t.set(self.setWindowTitle, N_("Repayment of loan {no}"), no=loan_no)
        info = QLabel(_("Loan {no} of {name}: {principal} baht, still owed {balance} baht.").format(
            no=st.loan_no, name=st.borrower, principal=b(st.principal), balance=b(st.balance)))
        info.setWordWrap(True)
        font_role(info, 1.05, bold=True)
        due = QLabel(_("Due now: interest {interest} baht, principal {principal} baht. Overdue: {overdue} baht.")
                     .format(interest=b(st.interest_due), principal=b(st.principal_due), overdue=b(st.overdue)))
        due.setWordWrap(True)
        self.form = FormGrid(t)
        self.amount = MoneyEdit(field=FIELD_LABELS["amount"], allow_zero=False)
        default = st.due_now if st.due_now.satang else st.next_installment
        self.amount.setValue(default if default.satang else st.interest_due + st.balance)
        self.form.add("amount", FIELD_LABELS["amount"], self.amount, required=True,
                      note=N_("Interest due is paid first, then principal."))
        self.split = QLabel()
        muted(self.split)
        self.problems = ProblemList()
        self.save_button = QPushButton()
        t.set(self.save_button.setText, N_("&Record the repayment…"))
        self.save_button.setDefault(True)
        cancel = QPushButton()
        t.set(cancel.setText, N_("Go back"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(due)
        layout.addWidget(self.form)
        layout.addWidget(self.split)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self.amount.textChanged.connect(self._preview)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self._preview()
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())
        self.amount.setFocus()

    def _preview(self) -> None:
        try:
            amount = self.amount.value()
            assert amount is not None
            interest, principal = self._split(self.state, amount)
        except (UserError, AssertionError) as exc:
            self.split.setText("")
            if isinstance(exc, UserError) and self.amount.text().strip():
                self.problems.set_problems([exc])
            self.save_button.setEnabled(False)
            return
        self.problems.clear_problems()
        self.save_button.setEnabled(True)
        self.split.setText(_("Of this: interest {interest} baht, principal {principal} baht; still owed after: "
                             "{left} baht.").format(interest=b(interest), principal=b(principal),
                                                    left=b(self.state.balance - principal)))

    def save(self) -> None:
        try:
            amount = self.amount.value()
        except UserError as exc:
            self.problems.set_problems([exc])
            return
        assert amount is not None
        if not confirm(self, _("Record the repayment?"),
                       _("{name} repays {amount} baht on loan {no}?").format(
                           name=self.state.borrower, amount=b(amount), no=self.state.loan_no),
                       _("Record the repayment"), default_yes=True):
            return
        self.save_button.setEnabled(False)
        no = self.state.loan_no
        self.ctx.run(lambda: self.ctx.book.repay_loan(no, amount), topic=LOANS, done=self._saved,
                     failed=self._failed, owner=self, parent=self)

    def _saved(self, receipt) -> None:
        self.receipt = receipt
        self.ctx.say(_("Repayment recorded: receipt number {no}, {amount} baht.").format(
            no=receipt.receipt_no, amount=b(receipt.total)))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.problems.set_problems(problems_of(exc))
        else:
            show_error(self, exc)
