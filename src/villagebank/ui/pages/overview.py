"""Overview (the first page): the bank's key figures, their trend over the last twelve months, and what is
coming up — the next meeting day (the rule ``meeting_day``), partner remittance deadlines, overdue loans and
whom to call. Read on the writer thread (a dozen month-end balances), so the window paints at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from villagebank.i18n import N_, _
from villagebank.ledger import Book
from villagebank.ledger import accounts as acc
from villagebank.ledger.periods import add_months, month_end
from villagebank.thai import format_amount, format_date, month_name
from villagebank.ui.context import Context
from villagebank.ui.formatting import long_date
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import ERROR_COLOR, fill, font_role, heading, muted, tone
from villagebank.ui.views.charts import TrendChart

FIGURE_COLOR = QColor("#1b3a57")
FUNDS = (acc.RESERVE, acc.WELFARE_FUND, acc.DEVELOPMENT_FUND)


@dataclass
class Overview:
    today: dt.date
    months: list[tuple[int, int]]
    members: list[int]
    savings: list[int]
    loans: list[int]
    money: list[int]  # cash and bank
    funds: list[int]
    active_members: int = 0
    open_loans: int = 0
    overdue: int = 0
    overdue_loans: list = field(default_factory=list)  # LoanState
    cash: int = 0
    bank: int = 0
    meeting_open: dt.date | None = None
    next_meeting: dt.date | None = None
    deadlines: list = field(default_factory=list)  # PartnerDeadline
    names: dict[int, str] = field(default_factory=dict)


def next_meeting_date(meeting_day: int, today: dt.date) -> dt.date:
    """The next meeting day by the rule (today when today is the day)."""
    this_month = today.replace(day=min(meeting_day, month_end(today.year, today.month).day))
    return this_month if this_month >= today else add_months(this_month, 1, day=meeting_day)


def read_overview(book: Book, today: dt.date) -> Overview:
    """Everything the page shows, read in one go (on the writer thread)."""
    ends = []
    for back in range(11, -1, -1):
        first = add_months(today.replace(day=1), -back)
        ends.append(min(month_end(first.year, first.month), today))
    people = book.members()
    series: dict[str, list[int]] = {k: [] for k in ("members", "savings", "loans", "money", "funds")}
    for end in ends:
        balances = {b.code: b.balance.satang for b in book.account_balances(as_of=end)}
        series["members"].append(sum(1 for m in people if m.join_date <= end
                                     and (m.exit_date is None or m.exit_date > end)))
        series["savings"].append(-balances.get(acc.SHARES, 0))
        series["loans"].append(balances.get(acc.LOANS, 0))
        series["money"].append(sum(v for k, v in balances.items() if k == acc.CASH or k.startswith("bank:")))
        series["funds"].append(-sum(balances.get(k, 0) for k in FUNDS))
    o = Overview(today, [(d.year, d.month) for d in ends], **series)
    o.active_members = sum(1 for m in people if m.is_active)
    o.names = {m.member_no: m.full_name for m in people}
    o.open_loans = sum(1 for st in book.loans(today, statuses=("disbursed",)) if st.balance.satang)
    o.overdue_loans = sorted(book.overdue_loans(today), key=lambda st: (st.oldest_overdue or today, st.loan_no))
    o.overdue = sum(st.overdue.satang for st in o.overdue_loans)
    o.cash = book.cash_balance(acc.CASH).satang
    o.bank = sum(book.cash_balance(code).satang for code, _n in book.money_accounts() if code != acc.CASH)
    current = book.current_meeting()
    o.meeting_open = current.date if current else None
    o.next_meeting = next_meeting_date(book.rules.meeting_day, today)
    if hasattr(book, "partner_deadlines"):
        o.deadlines = book.partner_deadlines(today)
    return o


class Figure(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        fill(self, "#eef3f8")
        self.label = QLabel()
        muted(self.label)
        self.value = QLabel()
        font_role(self.value, 1.35, bold=True)
        self.detail = QLabel()
        muted(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.label)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set(self, label: str, value: str, detail: str = "", alarm: bool = False) -> None:
        self.label.setText(label)
        self.value.setText(value)
        self.detail.setText(detail)
        tone(self.value, ERROR_COLOR if alarm else FIGURE_COLOR)


@register
class OverviewPage(Page):
    key = "overview"
    title = N_("Overview")
    tooltip = N_("The bank at a glance: key figures, their trend, and what is coming up")
    order = 10

    @classmethod
    def available(cls, book: Book) -> bool:
        return hasattr(book, "account_balances") and hasattr(book, "overdue_loans")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        self.data: Overview | None = None
        self.figures = {key: Figure() for key in ("members", "savings", "loans", "overdue", "money", "funds")}
        cards = QHBoxLayout()
        cards.setSpacing(8)
        for f in self.figures.values():
            cards.addWidget(f, 1)
        self.charts = {key: TrendChart() for key in ("members", "savings", "loans", "money")}
        charts = QGridLayout()
        charts.setSpacing(8)
        for i, chart in enumerate(self.charts.values()):
            charts.addWidget(chart, 0, i)
        self.coming = QLabel()
        self.coming.setWordWrap(True)
        self.coming.setTextFormat(Qt.TextFormat.PlainText)
        self.coming.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.overdue_list = QLabel()
        self.overdue_list.setWordWrap(True)
        self.overdue_list.setTextFormat(Qt.TextFormat.PlainText)
        self.overdue_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        below = QHBoxLayout()
        for title, label in ((N_("Coming up"), self.coming), (N_("Overdue loans: whom to call"), self.overdue_list)):
            box = QVBoxLayout()
            head = QLabel()
            t.set(head.setText, title)
            font_role(head, 1.1, bold=True)
            box.addWidget(head)
            box.addWidget(label, 1)
            below.addLayout(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Overview")))
        layout.addLayout(cards)
        layout.addLayout(charts, 3)
        layout.addSpacing(6)
        layout.addLayout(below, 2)
        t.call(self._show, now=False)
        ctx.changed.connect(lambda _topic: setattr(self, "_stale", True))
        self._stale = True

    def activate(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        book, today = self.ctx.book, self.ctx.today()
        self.ctx.ops.run(lambda: read_overview(book, today), done=self._loaded, owner=self, parent=self.window(),
                         key="overview", label=_("Reading the figures…"))

    def _loaded(self, data: Overview) -> None:
        self.data = data
        self._show()

    def _show(self) -> None:
        o = self.data
        if o is None:
            return
        f = self.figures
        f["members"].set(_("Members"), f"{o.active_members:,}", _("active now"))
        f["savings"].set(_("Savings (shares)"), format_amount(o.savings[-1]), _("baht"))
        f["loans"].set(_("Loans out"), format_amount(o.loans[-1]), _("{count} loan(s)").format(count=o.open_loans))
        f["overdue"].set(_("Overdue"), format_amount(o.overdue),
                         _("{count} loan(s)").format(count=len(o.overdue_loans)), alarm=bool(o.overdue))
        f["money"].set(_("Cash and bank"), format_amount(o.cash + o.bank),
                       _("cash {cash} · bank {bank}").format(cash=format_amount(o.cash), bank=format_amount(o.bank)))
        f["funds"].set(_("Funds"), format_amount(o.funds[-1]), _("reserve, welfare, development"))
        labels = [month_name(m, abbr=True) for _y, m in o.months]
        for key, title, values, text in (
                ("members", _("Members by month"), o.members, f"{o.members[-1]:,}"),
                ("savings", _("Savings by month (baht)"), o.savings, format_amount(o.savings[-1])),
                ("loans", _("Loans out by month (baht)"), o.loans, format_amount(o.loans[-1])),
                ("money", _("Cash and bank by month (baht)"), o.money, format_amount(o.money[-1]))):
            self.charts[key].set_series(title, values, labels, text)
        lines = []
        if o.meeting_open is not None:
            lines.append(_("• The meeting of {date} is open.").format(date=format_date(o.meeting_open, "long")))
        elif o.next_meeting is not None:
            days = (o.next_meeting - o.today).days
            when = _("today") if days == 0 else _("in {days} day(s)").format(days=days)
            lines.append(_("• Next meeting day: {date} ({when})").format(date=long_date(o.next_meeting), when=when))
        for d in o.deadlines:
            text = _("• Send {amount} baht to {name} by {date}").format(
                amount=format_amount(d.owed.satang), name=d.name, date=format_date(d.deadline, "long"))
            if d.overdue:
                text += " " + _("(late)")
            lines.append(text)
        if not o.deadlines:
            lines.append(_("• No partner remittances due in the next 30 days."))
        self.coming.setText("\n".join(lines))
        if not o.overdue_loans:
            self.overdue_list.setText(_("No loan is overdue."))
            return
        out = []
        for st in o.overdue_loans[:6]:
            guarantors = ", ".join(o.names.get(g, str(g)) for g in st.guarantors)
            out.append(_("• Loan {no}, {name}: {amount} baht overdue; guarantors {guarantors}").format(
                no=st.loan_no, name=st.borrower, amount=format_amount(st.overdue.satang), guarantors=guarantors))
        if len(o.overdue_loans) > 6:
            out.append(_("and {count} more").format(count=len(o.overdue_loans) - 6))
        self.overdue_list.setText("\n".join(out))
