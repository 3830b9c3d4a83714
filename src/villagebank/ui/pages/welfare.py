"""Welfare & partners: benefits paid from the bank's welfare fund under its schedule, the claims register,
and the money collected for partner funds (กอช., the community welfare fund…): who is enrolled, what was
collected, paid by the bank, remitted and still owed, with citizen IDs; remittance; the bank paying dues.

A claim shows, as it is typed, what the schedule allows and every rule that refuses it (waiting period,
yearly cap, claim days, the fund's money…). A refused claim can be paid only as a committee's override, with
the reason written down; the reason is kept with the entry.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, _
from villagebank.ledger import LedgerError
from villagebank.ledger.partners import FIELD_LABELS as PARTNER_FIELDS
from villagebank.ledger.welfare import CASE_LABELS, CASES, Assessment
from villagebank.reports.table import Report
from villagebank.thai import format_amount, format_date
from villagebank.ui import formatting
from villagebank.ui.context import MEMBERS, Context
from villagebank.ui.dialogs.common import ReasonDialog, confirm
from villagebank.ui.dialogs.partner_enrol import PARTNERS, EnrolDialog
from villagebank.ui.dialogs.report_save import save_reports
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import Texts, font_role, heading, muted, note_label
from villagebank.ui.views.dates import BEDateEdit
from villagebank.ui.views.fields import IntSpin, MoneyEdit
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.pickers import MemberPicker, PartnerCombo
from villagebank.ui.views.problems import ProblemList, problems_of
from villagebank.ui.views.tables import Table

WELFARE = "welfare"


def b(m) -> str:
    return format_amount(m.satang if hasattr(m, "satang") else m)


class ClaimTab(QWidget):
    def __init__(self, ctx: Context, texts: Texts) -> None:
        super().__init__()
        self.ctx = ctx
        t = texts
        self.assessment: Assessment | None = None
        self.member = MemberPicker(ctx.book)
        self.case = QComboBox()
        t.call(self._fill_cases)
        self.date = BEDateEdit(field=N_("Date"))
        self.date.setDate(ctx.today())
        self.nights = IntSpin(1, 366, suffix=N_("nights"))
        self.amount = MoneyEdit(field=N_("Amount"), optional=True, allow_zero=False,
                                empty_text=N_("what the schedule allows"))
        self.note = QLineEdit()
        self.note.setMaxLength(300)
        t.set(self.note.setPlaceholderText, N_("for example: medical certificate attached"))
        self.form = FormGrid(t, notes=True)
        self.form.add("member", N_("Member"), self.member, required=True)
        self.form.add("case", N_("Case"), self.case, required=True)
        self.form.add("date", N_("Date"), self.date, required=True,
                      note=N_("The day the benefit is paid."))
        self.nights_row = self.form.add("nights", N_("Nights in hospital"), self.nights)
        self.form.add("amount", N_("Amount"), self.amount,
                      note=N_("Leave empty to pay what the schedule allows."))
        self.form.add("note", N_("Note"), self.note)
        self.entitled = QLabel()
        font_role(self.entitled, 1.15, bold=True)
        self.problems = ProblemList()
        self.fund = QLabel()
        muted(self.fund)
        self.pay_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.fund, 1)
        buttons.addWidget(self.pay_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.entitled)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.member.memberChanged.connect(lambda _m: self.assess())
        self.case.currentIndexChanged.connect(lambda _i: self.assess())
        self.date.dateChanged.connect(lambda _d: self.assess())
        self.nights.valueChanged.connect(lambda _v: self.assess())
        self.amount.textChanged.connect(lambda _t: self.assess())
        self.pay_button.clicked.connect(self.pay)
        t.call(self.assess)

    def _fill_cases(self) -> None:
        current = self.case.currentData() or CASES[0]
        self.case.blockSignals(True)
        self.case.clear()
        for case in CASES:
            self.case.addItem(_(CASE_LABELS[case]), case)
        self.case.setCurrentIndex(max(0, self.case.findData(current)))
        self.case.blockSignals(False)

    def _inputs(self):
        member = self.member.member()
        case = self.case.currentData()
        date = self.date.date()
        nights = self.nights.value() if case == "hospital" else None
        amount = self.amount.value()
        return member, case, date, nights, amount

    def assess(self) -> None:
        hospital = self.case.currentData() == "hospital"
        self.nights.setVisible(hospital)
        self.nights_row.label.setVisible(hospital)
        self.fund.setText(_("The welfare fund holds {amount} baht.").format(amount=b(self.ctx.book.welfare_fund_balance())))
        self.assessment = None
        try:
            member, case, date, nights, amount = self._inputs()
        except UserError as exc:
            self.entitled.setText("")
            self.problems.set_problems([exc])
            self._buttons()
            return
        if member is None:
            self.entitled.setText("")
            self.problems.clear_problems()
            self._buttons()
            return
        try:
            a = self.ctx.book.assess_claim(member.member_no, case, date, nights=nights, amount=amount)
        except LedgerError as exc:
            self.entitled.setText("")
            self.problems.set_problems([exc])
            self._buttons()
            return
        self.assessment = a
        text = _("The schedule allows {amount} baht for {case}.").format(amount=b(a.entitled),
                                                                         case=_(CASE_LABELS[case]))
        if case == "hospital" and a.hospital_paid_this_year.satang:
            text += " " + _("Already paid this fiscal year for hospital stays: {amount} baht.").format(
                amount=b(a.hospital_paid_this_year))
        self.entitled.setText(text)
        self.problems.set_problems(a.problems, N_("Every rule of the benefit schedule is met."))
        self._buttons()

    def _buttons(self) -> None:
        a = self.assessment
        self.pay_button.setEnabled(a is not None)
        if a is not None and a.problems:
            self.pay_button.setText(_("Pay as the committee's &override…"))
        else:
            self.pay_button.setText(_("&Pay the benefit…"))

    def pay(self) -> None:
        self.assess()
        a = self.assessment
        if a is None:
            return
        member, case, date, nights, amount = self._inputs()
        pay = amount if amount is not None else a.entitled
        override = ""
        if a.problems:
            reason = ReasonDialog.ask(
                self.window(), _("The committee's override"),
                _("The schedule refuses this claim. Why does the committee pay it anyway?"),
                "\n".join(f"✗ {p}" for p in self.problems.problems), _("Pay with this reason"))
            if reason is None:
                return
            override = reason
        elif not confirm(self.window(), _("Pay the benefit?"),
                         _("Pay {amount} baht from the welfare fund to {name} for {case}?").format(
                             amount=b(pay), name=member.full_name, case=_(CASE_LABELS[case])),
                         _("Pay the benefit"), default_yes=True):
            return
        note = self.note.text()
        self.pay_button.setEnabled(False)
        self.ctx.run(lambda: self.ctx.book.welfare_claim(member.member_no, case, date, nights=nights, amount=amount,
                                                         override_reason=override, note=note),
                     topic=WELFARE, done=self._paid, failed=self._failed, owner=self, parent=self.window())

    def _paid(self, claim_id: int) -> None:
        self.ctx.say(_("The benefit was paid (claim number {no}).").format(no=claim_id))
        self.member.set_number(None)
        self.amount.setValue(None)
        self.note.clear()
        self.assess()

    def _failed(self, exc: BaseException) -> None:
        self._buttons()
        self.problems.set_problems(problems_of(exc))


class ClaimsTab(QWidget):
    def __init__(self, ctx: Context, texts: Texts) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = RowsModel((
            Column(N_("Date"), lambda c: format_date(c.date)),
            Column(N_("Member"), lambda c: f"{c.member_no} {c.member_name}"),
            Column(N_("Case"), lambda c: _(CASE_LABELS.get(c.case, c.case))),
            Column(N_("Nights"), lambda c: str(c.nights) if c.nights else "", right=True),
            Column(N_("Amount"), lambda c: b(c.amount), right=True),
            Column(N_("Committee's override"), lambda c: c.override_reason),
            Column(N_("Note"), lambda c: c.note + (" " + _("(reversed)") if c.reversed_by else "")),
        ), parent=self)
        self.table = Table(stretch_column=6)
        self.table.setModel(self.model)
        texts.call(self.model.retranslate, now=False)
        self.total = QLabel()
        muted(self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)

    def reload(self) -> None:
        claims = list(reversed(self.ctx.book.welfare_claims()))
        self.model.set_rows(claims)
        self.table.fit_columns()
        paid = sum(c.amount.satang for c in claims if not c.reversed_by)
        self.total.setText(_("{count} claim(s), {amount} baht paid").format(count=len(claims), amount=format_amount(paid)))


class PartnersTab(QWidget):
    def __init__(self, ctx: Context, texts: Texts) -> None:
        super().__init__()
        self.ctx = ctx
        t = texts
        self.partner = PartnerCombo(ctx.book)
        label = QLabel()
        t.set(label.setText, N_("&Partner fund:"))
        label.setBuddy(self.partner)
        self.enrol_button = QPushButton()
        t.set(self.enrol_button.setText, N_("&Enrol a member…"))
        self.end_button = QPushButton()
        t.set(self.end_button.setText, N_("E&nd the enrolment…"))
        self.bank_pays_button = QPushButton()
        t.set(self.bank_pays_button.setText, N_("The bank pa&ys the dues…"))
        self.remit_button = QPushButton()
        t.set(self.remit_button.setText, N_("&Remit to the fund…"))
        self.list_button = QPushButton()
        t.set(self.list_button.setText, N_("Save the &list as PDF…"))
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.partner)
        bar.addStretch(1)
        bar.addWidget(self.enrol_button)
        bar.addWidget(self.end_button)
        money = QHBoxLayout()  # the money buttons under the list (the page fits 1366 pixels)
        money.addWidget(self.bank_pays_button)
        money.addWidget(self.remit_button)
        money.addStretch(1)
        money.addWidget(self.list_button)
        self.model = RowsModel((
            Column(N_("Member"), lambda r: f"{r.member_no} {r.name}"),
            Column(N_("Citizen ID"), lambda r: formatting.citizen_id(r.citizen_id)),
            Column(PARTNER_FIELDS["since"], self._enrolled),
            Column(N_("Collected"), lambda r: b(r.collected), right=True),
            Column(N_("Paid by the bank"), lambda r: b(r.paid_by_bank), right=True),
            Column(N_("Remitted"), lambda r: b(r.remitted), right=True),
            Column(N_("Still to remit"), lambda r: b(r.owed), right=True),
        ), parent=self)
        self.table = Table(stretch_column=0)
        self.table.setModel(self.model)
        t.call(self.model.retranslate, now=False)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        font_role(self.totals, 1.05, bold=True)
        self.deadline = QLabel()
        muted(self.deadline)
        self.problems = ProblemList()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addLayout(money)
        layout.addWidget(self.deadline)
        layout.addWidget(self.problems)
        self.partner.currentIndexChanged.connect(lambda _i: self.reload())
        self.enrol_button.clicked.connect(self.enrol)
        self.end_button.clicked.connect(self.end_enrolment)
        self.remit_button.clicked.connect(self.remit)
        self.bank_pays_button.clicked.connect(self.bank_pays)
        self.list_button.clicked.connect(lambda: self.save_list())
        self.statement = None

    def _enrolled(self, r) -> str:
        if r.since is None:
            return ""
        if r.until is not None:
            return _("{since} – {until}").format(since=format_date(r.since), until=format_date(r.until))
        return format_date(r.since)

    def reload(self) -> None:
        self.partner.reload()
        key = self.partner.key()
        self.problems.clear_problems()
        if key is None:
            self.model.set_rows([])
            self.totals.setText(_("The bank has no partner funds in its rules (Settings)."))
            return
        st = self.ctx.book.partner_statement(key)
        self.statement = st
        self.model.set_rows(st.rows)
        self.table.fit_columns()
        self.totals.setText(_("{enrolled} enrolled. Collected {collected}, paid by the bank {bank}, remitted "
                              "{remitted}; still to remit {owed} baht for {count} member(s).").format(
            enrolled=st.enrolled, collected=b(st.collected), bank=b(st.paid_by_bank), remitted=b(st.remitted),
            owed=b(st.owed), count=len(st.remittance_list())))
        deadlines = [d for d in self.ctx.book.partner_deadlines(within_days=366) if d.partner == key]
        if deadlines:
            d = deadlines[0]
            template = (N_("Remittance was due on {date}: {days} day(s) late.") if d.overdue
                        else N_("Remit by {date} ({days} day(s) from today)."))
            self.deadline.setText(_(template).format(date=format_date(d.deadline, "long"), days=abs(d.days_left)))
        else:
            self.deadline.setText("")

    def current_row(self):
        row = self.table.current_row()
        return self.model.row(row) if row is not None and row < self.model.rowCount() else None

    def _run(self, fn, done_msgid: str) -> None:
        def done(result: object) -> None:
            self.ctx.say(_(done_msgid))
            self.reload()

        self.ctx.run(fn, topic=PARTNERS, done=done, failed=lambda exc: self.problems.set_problems(problems_of(exc)),
                     owner=self, parent=self.window())

    def enrol(self, member_no: int | None = None) -> EnrolDialog:
        dialog = EnrolDialog(self.ctx, self.window(), member_no=member_no, partner=self.partner.key())
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.reload()))
        dialog.open()
        return dialog

    def end_enrolment(self) -> None:
        row, key = self.current_row(), self.partner.key()
        if row is None or key is None or not row.enrolled:
            return
        if not confirm(self.window(), _("End the enrolment?"),
                       _("Member {no} ({name}) leaves {partner} from today?").format(
                           no=row.member_no, name=row.name, partner=self.partner.currentText()),
                       _("End the enrolment")):
            return
        no = row.member_no
        self._run(lambda: self.ctx.book.end_partner_enrolment(no, key), N_("The enrolment was ended."))

    def remit(self) -> None:
        key, st = self.partner.key(), self.statement
        if key is None or st is None:
            return
        waiting = st.remittance_list()
        if not waiting:
            self.problems.set_problems([UserError(N_("nothing collected is waiting to be remitted"))])
            return
        if not confirm(self.window(), _("Remit to the fund?"),
                       _("Pay {amount} baht in cash to {partner} for {count} member(s)?").format(
                           amount=b(st.owed), partner=st.name, count=len(waiting)),
                       _("Remit the money"), default_yes=True,
                       details=_("The list with the members' citizen IDs is on this page; save or print it from "
                                 "Reports for the fund.")):
            return
        self._run(lambda: self.ctx.book.remit_partner(key), N_("The money was remitted to the fund."))

    def save_list(self, path=None) -> bool:
        """The partner's list (members, citizen IDs, money) as a PDF for the fund, with signature lines."""
        st = self.statement
        if st is None:
            return False
        book = self.ctx.book
        return save_reports(self.ctx, lambda _op: [partner_list_report(book, st)], "pdf", parent=self.window(),
                            suggested=f"{st.partner}-{st.as_of.isoformat()}.pdf", path=path,
                            failed=lambda exc: self.problems.set_problems(problems_of(exc)))

    def bank_pays(self) -> None:
        key = self.partner.key()
        if key is None:
            return
        partner = next(p for p in self.ctx.book.rules.partners if p.key == key)
        if not confirm(self.window(), _("Pay the dues from the welfare fund?"),
                       _("The bank pays its part ({pct}%) of the dues to {partner} for every enrolled member, from "
                         "the welfare fund?").format(pct=str(partner.bank_pays_pct.normalize()), partner=partner.name),
                       _("Pay from the welfare fund"), default_yes=True):
            return
        self._run(lambda: self.ctx.book.partner_paid_by_bank(key), N_("The bank paid the dues from the welfare fund."))


def partner_list_report(book, st) -> Report:
    """One partner's list for the fund: members, citizen IDs and money, with signature lines (``report remittance``)."""
    from villagebank.reports.welfare import remittance_list

    return remittance_list(book, st)


class WelfarePage(Page):
    key = "welfare"
    title = N_("Welfare & partners")
    tooltip = N_("Welfare benefits, the claims register, money collected for partner funds")
    order = 70

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        self.tabs = QTabWidget()
        self.claim_tab = ClaimTab(ctx, t)
        self.claims_tab = ClaimsTab(ctx, t)
        self.partners_tab = PartnersTab(ctx, t)
        for widget, msgid in ((self.claim_tab, N_("Pay a benefit")), (self.claims_tab, N_("Claims register")),
                              (self.partners_tab, N_("Partner funds"))):
            index = self.tabs.addTab(widget, "")
            t.set(lambda text, i=index: self.tabs.setTabText(i, text), msgid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Welfare & partners")))
        layout.addWidget(note_label(t, N_("Benefits are paid from the bank's welfare fund under its schedule "
                                          "(Settings → rules). Money collected for partner funds is kept apart "
                                          "until it is remitted.")))
        layout.addWidget(self.tabs, 1)
        self._loaded = False
        ctx.changed.connect(self._book_changed)
        self.tabs.currentChanged.connect(lambda _i: self.reload())

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self.claims_tab.reload()
        self.partners_tab.reload()
        self.claim_tab.assess()
        self._loaded = True

    def _book_changed(self, topic: str) -> None:
        if topic in (WELFARE, PARTNERS, MEMBERS, "rules", "meeting", "cash", "year"):
            if self.isVisible():
                self.reload()
            else:
                self._loaded = False


register(WelfarePage)
