"""Year end: the allocation of the year's profit as the annual general meeting sees it (every pool, the
remainders, the total to the satang), the payout list per member, what blocks the close (named), then the
close itself — after a clear warning that the year will be locked and a verified backup is made first —,
printing, paying the payouts, and reopening a closed year with a reason (committee).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, _
from villagebank.ledger import LedgerError
from villagebank.ledger.yearend import POOL_LABELS, Allocation
from villagebank.reports.table import Report
from villagebank.thai import format_amount, format_date, format_year
from villagebank.ui.context import MEMBERS, Context
from villagebank.ui.dialogs.common import ReasonDialog, confirm
from villagebank.ui.dialogs.report_save import save_reports
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import font_role, heading, muted, note_label
from villagebank.ui.views.pickers import YearPicker
from villagebank.ui.views.problems import ProblemList, problems_of
from villagebank.ui.views.tables import Table

YEAR = "year"


def m(satang: int) -> str:
    return format_amount(satang)


def pool_rows(a: Allocation) -> list[tuple[str, str, int, str]]:
    """The AGM table: (what, percentage, amount, style) — the pools, the remainders, the total."""
    rows = [(_("Income of the year"), "", a.income, "item"), (_("Expenses of the year"), "", a.expenses, "item"),
            (_("Net profit"), "", a.net_profit, "total")]
    if a.net_profit <= 0:
        return rows
    for pool, amount in a.pools.items():
        label = _(POOL_LABELS[pool])
        if pool in a.empty_pools:
            label = _("{pool} (to the reserve: nobody to share it)").format(pool=label)
        rows.append((label, f"{a.pcts[pool]}%", amount, "item"))
    rows.append((_("Remainders of rounding, to the reserve"), "", a.pool_remainder + sum(a.member_remainders.values()),
                 "item"))
    rows.append((_("Total allocated"), "100%", a.net_profit, "total"))
    rows.append((_("The reserve fund receives in all"), "", a.reserve_total, "item"))
    return rows


def allocation_reports(book, a: Allocation, closed: bool) -> list[Report]:
    """The allocation and the payout list as printable reports (a preview's are stamped as such)."""
    from villagebank.reports.registry import Params, build

    return [*build(book, "allocation", Params(year=a.fiscal_year)),
            *build(book, "payouts", Params(year=a.fiscal_year))]


class YearEndPage(Page):
    key = "yearend"
    title = N_("Year end")
    tooltip = N_("Close the year: the allocation of the profit, the payouts, the annual meeting's table")
    order = 80

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        book = ctx.book
        self.allocation: Allocation | None = None
        self.closed = False
        today_fy = book.fiscal_year_of(ctx.today())
        closed = set(book.closed_years())
        self.year = YearPicker(today_fy - 1 if (today_fy - 1) not in closed else today_fy)
        year_label = QLabel()
        t.set(year_label.setText, N_("Fiscal &year (B.E.):"))
        year_label.setBuddy(self.year)
        self.status = QLabel()
        self.status.setWordWrap(True)
        font_role(self.status, 1.05, bold=True)
        self.close_button = QPushButton()
        t.set(self.close_button.setText, N_("&Close the year…"))
        self.print_button = QPushButton()
        t.set(self.print_button.setText, N_("Save as &PDF…"))
        self.paper_button = QPushButton()
        t.set(self.paper_button.setText, N_("Pri&nt…"))
        self.reopen_button = QPushButton()
        t.set(self.reopen_button.setText, N_("&Reopen the year…"))
        bar = QHBoxLayout()
        bar.addWidget(year_label)
        bar.addWidget(self.year)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.close_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.paper_button)
        bar.addWidget(self.reopen_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.pools_model = RowsModel((
            Column(N_("Item"), lambda r: r[0]),
            Column(N_("Share"), lambda r: r[1], right=True),
            Column(N_("Amount (baht)"), lambda r: m(r[2]), right=True),
        ), parent=self)
        self.pools = Table(stretch_column=0)
        self.pools.setModel(self.pools_model)
        self.payouts_model = RowsModel((
            Column(N_("No."), lambda p: str(p.member_no), right=True),
            Column(N_("Name"), lambda p: p.name),
            Column(N_("Depositors"), lambda p: m(p.depositor), right=True),
            Column(N_("Interest paid"), lambda p: m(p.interest_paid), right=True),
            Column(N_("Borrowers"), lambda p: m(p.borrower), right=True),
            Column(N_("Committee"), lambda p: m(p.committee), right=True),
            Column(N_("Total"), lambda p: m(p.total), right=True),
        ), parent=self)
        self.payouts = Table()  # names whole; the table scrolls sideways if it must
        self.payouts.setModel(self.payouts_model)
        for model in (self.pools_model, self.payouts_model):
            t.call(model.retranslate, now=False)
        self.blockers = ProblemList()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setSizePolicy(self.warnings.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Maximum)
        muted(self.warnings)
        allocation_tab = QWidget()
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(t, N_("The annual meeting's table"), 1.05))
        left_layout.addWidget(self.pools, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(heading(t, N_("Payout per member"), 1.05))
        right_layout.addWidget(self.payouts, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 720])
        tab_layout = QVBoxLayout(allocation_tab)
        tab_layout.addWidget(self.summary)
        tab_layout.addWidget(split, 1)
        tab_layout.addWidget(self.warnings)
        tab_layout.addWidget(self.blockers)

        # --- payouts owed --------------------------------------------------------------------------------
        owed_tab = QWidget()
        self.owed_model = RowsModel((
            Column(N_("No."), lambda r: str(r[0]), right=True),
            Column(N_("Name"), lambda r: r[1]),
            Column(N_("Owed (baht)"), lambda r: format_amount(r[2].satang), right=True),
        ), parent=self)
        self.owed = Table(stretch_column=1)
        self.owed.setModel(self.owed_model)
        t.call(self.owed_model.retranslate, now=False)
        self.pay_button = QPushButton()
        t.set(self.pay_button.setText, N_("Pay the selected &member…"))
        self.owed_total = QLabel()
        muted(self.owed_total)
        self.pay_problems = ProblemList()
        owed_bar = QHBoxLayout()
        owed_bar.addWidget(self.owed_total, 1)
        owed_bar.addWidget(self.pay_button)
        owed_layout = QVBoxLayout(owed_tab)
        owed_layout.addWidget(note_label(t, N_("Year-end payouts and the balances of members who left, still to be "
                                               "paid in cash. Each payment is a cash book entry.")))
        owed_layout.addWidget(self.owed, 1)
        owed_layout.addWidget(self.pay_problems)
        owed_layout.addLayout(owed_bar)

        self.tabs = QTabWidget()
        for widget, msgid in ((allocation_tab, N_("Allocation of the profit")), (owed_tab, N_("Payouts to pay"))):
            index = self.tabs.addTab(widget, "")
            t.set(lambda text, i=index: self.tabs.setTabText(i, text), msgid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Year end")))
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self._loaded = False
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.close_button.clicked.connect(self.close_year)
        self.print_button.clicked.connect(lambda: self.save_pdf())
        self.reopen_button.clicked.connect(self.reopen)
        self.paper_button.clicked.connect(self.print_)
        self.pay_button.clicked.connect(self.pay_selected)
        self.owed.opened.connect(lambda _r: self.pay_selected())
        ctx.changed.connect(self._book_changed)
        t.call(self._retranslated, now=False)

    def _retranslated(self) -> None:
        if self._loaded:
            self.reload()

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def _book_changed(self, topic: str) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._loaded = False

    def fiscal_year(self) -> int:
        return self.year.fiscal_year()

    def reload(self) -> None:
        book, fy = self.ctx.book, self.fiscal_year()
        self._loaded = True
        self.closed = book.is_year_closed(fy)
        try:
            a = book.allocation(fy) if self.closed else book.preview_close(fy)
        except LedgerError as exc:
            self.allocation = None
            self.pools_model.set_rows([])
            self.payouts_model.set_rows([])
            self.blockers.set_problems([exc])
            return
        self.allocation = a
        blockers = [] if self.closed else book.close_blockers(fy)
        self.status.setText(_("Closed: the year is locked.") if self.closed else _("Not closed yet."))
        self.summary.setText(_("{start} – {end}: income {income}, expenses {expenses}, net profit {profit} baht. "
                               "{count} member(s) receive {total} baht.").format(
            start=format_date(a.start), end=format_date(a.end), income=m(a.income), expenses=m(a.expenses),
            profit=m(a.net_profit), count=a.members_paid, total=m(a.payouts_total)))
        self.pools_model.set_rows(pool_rows(a))
        self.payouts_model.set_rows(a.payouts)
        self.pools.fit_columns()
        self.payouts.fit_columns()
        self.warnings.setText("\n".join("! " + w.message() for w in a.warnings))
        self.warnings.setHidden(not a.warnings)
        if self.closed:
            self.blockers.clear_problems()
        else:
            self.blockers.set_problems(blockers, N_("Nothing stops the close: the year can be closed."))
        self.close_button.setEnabled(not self.closed and not blockers)
        self.reopen_button.setEnabled(self.closed)
        members = {mm.member_no: mm.full_name for mm in book.members()}
        owed = [(no, members.get(no, ""), amount) for no, amount in book.owed_payouts()]
        self.owed_model.set_rows(owed)
        self.owed.fit_columns()
        self.owed_total.setText(_("{count} member(s) are owed {amount} baht").format(
            count=len(owed), amount=format_amount(sum(x[2].satang for x in owed))))
        self.pay_button.setEnabled(bool(owed))

    # --- commands ------------------------------------------------------------------------------------------
    def close_year(self) -> None:
        a, fy = self.allocation, self.fiscal_year()
        if a is None or self.closed:
            return
        text = _("Close fiscal year {year} now?").format(year=format_year(fy))
        details = _("The year will be LOCKED: nothing more can be recorded with a date inside it. The profit of "
                    "{profit} baht is allocated as shown, and {count} member(s) are owed {total} baht. A verified "
                    "backup of the book is made first. Reopening later needs the committee and a reason.").format(
            profit=m(a.net_profit), count=a.members_paid, total=m(a.payouts_total))
        from PySide6.QtWidgets import QMessageBox

        if not confirm(self.window(), _("Close the year"), text, _("Close and lock the year"), _("Not now"),
                       icon=QMessageBox.Icon.Warning, details=details):
            return
        self.close_button.setEnabled(False)
        self.ctx.ops.run(lambda _op: self.ctx.book.close_year(fy), done=self._closed, failed=self._failed,
                         key="close-year", long=True, parent=self.window(), owner=self,
                         label=_("Making a backup and closing the year…"))

    def _closed(self, alloc: Allocation) -> None:
        self.ctx.changed.emit(YEAR)
        self.ctx.say(_("Fiscal year {year} is closed; a backup was made first.").format(
            year=format_year(alloc.fiscal_year)))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.blockers.set_problems(problems_of(exc))
        self.close_button.setEnabled(not self.closed)

    def save_pdf(self, path=None) -> bool:
        a = self.allocation
        if a is None:
            return False
        book, closed = self.ctx.book, self.closed
        return save_reports(self.ctx, lambda _op: allocation_reports(book, a, closed), "pdf", parent=self.window(),
                            suggested=f"allocation-{format_year(a.fiscal_year)}.pdf", path=path,
                            failed=lambda exc: self.blockers.set_problems(problems_of(exc)))

    def print_(self) -> bool:
        """The allocation and the payout list on paper (Qt's print dialog)."""
        from villagebank.ui.views.report_view import print_reports

        if self.allocation is None:
            return False
        return print_reports(allocation_reports(self.ctx.book, self.allocation, self.closed), self.window())

    def reopen(self) -> None:
        fy = self.fiscal_year()
        if not self.closed:
            return
        reason = ReasonDialog.ask(self.window(), _("Reopen the year"),
                                  _("Why is fiscal year {year} reopened? (a committee decision)").format(
                                      year=format_year(fy)),
                                  _("The close's entries are reversed and the year is unlocked. Payouts already "
                                    "paid must be corrected first."), _("Reopen the year"))
        if reason is None:
            return
        self.ctx.run(lambda: self.ctx.book.reopen_year(fy, reason), topic=YEAR, owner=self, parent=self.window(),
                     done=lambda _r: self.ctx.say(_("Fiscal year {year} was reopened.").format(year=format_year(fy))),
                     failed=self._failed)

    def pay_selected(self) -> None:
        row = self.owed.current_row()
        if row is None or row >= self.owed_model.rowCount():
            return
        no, name, amount = self.owed_model.row(row)
        if not confirm(self.window(), _("Pay the member?"),
                       _("Pay {amount} baht in cash to {name} (member {no}) now?").format(
                           amount=format_amount(amount.satang), name=name, no=no),
                       _("Pay now"), default_yes=True):
            return
        self.ctx.run(lambda: self.ctx.book.pay_payout(no), topic=MEMBERS, owner=self, parent=self.window(),
                     done=lambda paid: self.ctx.say(_("{amount} baht paid to member {no}.").format(
                         amount=format_amount(paid.satang), no=no)),
                     failed=lambda exc: self.pay_problems.set_problems(problems_of(exc)))


register(YearEndPage)
