"""The trial balance (งบทดลอง), the income statement (งบกำไรขาดทุน) and the balance sheet (งบดุล), for a month
or a fiscal year, straight from the journal's account balances.

Until the year-end close posts its entries, income and expense accounts keep every year's totals: the balance
sheet shows the surplus of earlier years and this year's profit as two lines of equity, so it balances either way.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from villagebank.i18n import N_, _
from villagebank.ledger.accounts import (
    ASSET,
    CREDIT_NORMAL,
    DEFAULT_CHART,
    EQUITY,
    EXPENSE,
    INCOME,
    LIABILITY,
    TYPES,
)
from villagebank.ledger.yearend import CLOSE_KINDS
from villagebank.reports.common import (
    CHAIR,
    CHECKER,
    TREASURER,
    Period,
    account_name,
    as_of_label,
    new_report,
    signers,
)
from villagebank.reports.table import Column, Kind, Paragraph, Report, ReportTable, Style

if TYPE_CHECKING:
    from villagebank.ledger import Book
    from villagebank.ledger.dto import AccountBalance

TRIAL_TITLE = N_("Trial balance")
INCOME_TITLE = N_("Income statement")
BALANCE_TITLE = N_("Balance sheet")

TYPE_LABELS = {
    ASSET: N_("Assets"),
    LIABILITY: N_("Liabilities"),
    EQUITY: N_("Members' equity and funds"),
    INCOME: N_("Income"),
    EXPENSE: N_("Expenses"),
}


_CHART_ORDER = {a.code: i for i, a in enumerate(DEFAULT_CHART)}


def _ordered(balances: list[AccountBalance]) -> list[AccountBalance]:
    """By kind (assets first), then in the order of the default chart (cash, bank, loans...), then by code."""
    return sorted(balances, key=lambda b: (TYPES.index(b.type) if b.type in TYPES else len(TYPES),
                                           _CHART_ORDER.get(b.code, len(_CHART_ORDER)), b.code))


def _normal(b: AccountBalance) -> int:
    return -b.balance.satang if b.type in CREDIT_NORMAL else b.balance.satang


def trial_balance(book: Book, period: Period) -> Report:
    """Every account with a balance at the period's end, debits and credits; the two totals are equal."""
    day = period.as_of
    report = new_report(book, "trial-balance", _(TRIAL_TITLE), as_of_label(day),
                        signatures=signers(book, TREASURER, CHECKER, CHAIR))
    t = ReportTable([Column("account", _("Account"), Kind.TEXT, 3.6),
                     Column("debit", _("Debit"), Kind.MONEY, 1.3), Column("credit", _("Credit"), Kind.MONEY, 1.3)],
                    key="trial_balance")
    debit = credit = 0
    for b in _ordered(book.account_balances(as_of=day)):
        amount = b.balance.satang
        if not amount:
            continue
        if amount > 0:
            debit += amount
        else:
            credit -= amount
        t.add(account_name(b.name), amount if amount > 0 else None, -amount if amount < 0 else None)
    t.add(_("Total"), debit, credit, style=Style.TOTAL)
    report.blocks.append(t)
    return report


def income_statement(book: Book, period: Period) -> Report:
    """Income and expenses of the period (a month also shows the fiscal year to date) and the net profit."""
    assert period.start is not None
    end = period.end
    columns = [Column("account", _("Account"), Kind.TEXT, 4.0), Column("period", _("This period"), Kind.MONEY, 1.4)]
    with_ytd = period.kind == "month"
    if with_ytd:
        columns[1] = Column("period", _("This month"), Kind.MONEY, 1.4)
        columns.append(Column("ytd", _("Year to date"), Kind.MONEY, 1.4))
    report = new_report(book, "income", _(INCOME_TITLE), period.label,
                        signatures=signers(book, TREASURER, CHECKER, CHAIR))
    # The year-end close zeroes income and expenses on the last day: leave it out of the statement.
    flows = {b.code: b for b in book.account_balances(as_of=end, start=period.start, exclude_kinds=CLOSE_KINDS)}
    ytd = {b.code: b for b in book.account_balances(as_of=end, start=period.year_start, exclude_kinds=CLOSE_KINDS)} \
        if with_ytd else {}
    t = ReportTable(columns, key="income")
    net = [0, 0]
    for type_ in (INCOME, EXPENSE):
        t.add(_(TYPE_LABELS[type_]), *([None] * (len(columns) - 1)), style=Style.HEAD)
        sums = [0, 0]
        for b in _ordered([b for b in flows.values() if b.type == type_]):
            values = [_normal(b), _normal(ytd[b.code]) if with_ytd else 0]
            if not any(values):
                continue
            sums = [sums[0] + values[0], sums[1] + values[1]]
            t.add(account_name(b.name), *values[: len(columns) - 1])
        label = _("Total income") if type_ == INCOME else _("Total expenses")
        t.add(label, *sums[: len(columns) - 1], style=Style.SUBTOTAL)
        sign = 1 if type_ == INCOME else -1
        net = [net[0] + sign * sums[0], net[1] + sign * sums[1]]
    t.add(_("Net profit (loss)"), *net[: len(columns) - 1], style=Style.TOTAL)
    report.blocks.append(t)
    if net[0] < 0:
        report.blocks.append(Paragraph(_("The period ends with a loss.")))
    return report


def balance_sheet(book: Book, period: Period) -> Report:
    """Assets against liabilities and members' equity at the period's end; the two totals are equal."""
    day = period.as_of
    report = new_report(book, "balance-sheet", _(BALANCE_TITLE), as_of_label(day),
                        signatures=signers(book, TREASURER, CHECKER, CHAIR))
    balances = _ordered(book.account_balances(as_of=day))
    earlier_end = period.year_start - dt.timedelta(days=1)
    earlier = -sum(b.balance.satang for b in book.account_balances(as_of=earlier_end) if b.type in (INCOME, EXPENSE))
    this_year = -sum(b.balance.satang for b in book.account_balances(as_of=day, start=period.year_start)
                     if b.type in (INCOME, EXPENSE))
    t = ReportTable([Column("account", _("Account"), Kind.TEXT, 4.0), Column("amount", _("Amount (baht)"), Kind.MONEY, 1.5)],
                    key="balance_sheet")
    totals = {}
    for type_ in (ASSET, LIABILITY, EQUITY):
        t.add(_(TYPE_LABELS[type_]), None, style=Style.HEAD)
        total = 0
        for b in balances:
            if b.type == type_ and b.balance.satang:
                t.add(account_name(b.name), _normal(b))
                total += _normal(b)
        if type_ == EQUITY:
            if earlier:
                t.add(_("Surplus of earlier years not yet allocated"), earlier)
            t.add(_("Net profit of this fiscal year to date"), this_year)
            total += earlier + this_year
        labels = {ASSET: _("Total assets"), LIABILITY: _("Total liabilities"), EQUITY: _("Total equity and funds")}
        t.add(labels[type_], total, style=Style.SUBTOTAL)
        totals[type_] = total
    t.add(_("Total liabilities, equity and funds"), totals[LIABILITY] + totals[EQUITY], style=Style.TOTAL)
    report.blocks.append(t)
    return report
