"""Year-end reports: the allocation table of the annual meeting (การจัดสรรกำไรประจำปี), the payout list with a
signature column (บัญชีจ่ายเงินปันผลและเงินเฉลี่ยคืน), and the annual-meeting pack that binds them with the income
statement and the balance sheet.

A closed year prints what the close posted (the allocation stored with it); a year not closed yet prints the
allocation the close would post now, stamped and titled as a preview. Every satang of the net profit appears
once: pools + rounding remainder = net profit; reserve pool + every remainder = what the reserve fund receives;
the payout list's total = what the member pools paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from villagebank.i18n import N_, _
from villagebank.ledger.errors import InvalidInput
from villagebank.ledger.yearend import POOL_LABELS
from villagebank.reports import financial
from villagebank.reports.common import (
    CHAIR,
    CHECKER,
    TREASURER,
    date_period,
    new_report,
    signers,
    year_period,
)
from villagebank.reports.table import Column, KeyValues, Kind, Paragraph, Report, ReportTable, Style
from villagebank.thai import format_amount, format_date, format_year

if TYPE_CHECKING:
    from villagebank.ledger import Book
    from villagebank.ledger.yearend import Allocation

ALLOCATION_TITLE = N_("Year-end profit allocation")
PAYOUTS_TITLE = N_("Year-end payout list")
AGM_TITLE = N_("Annual general meeting pack")
PREVIEW = N_("PREVIEW")

#: Where each pool goes (domain.md §6).
POOL_TARGETS = {
    "reserve": N_("The reserve fund"),
    "depositors": N_("Members, by share-months"),
    "borrowers": N_("Members, by interest paid"),
    "welfare": N_("The welfare fund"),
    "development": N_("The development fund"),
    "committee": N_("Committee, equal shares"),
}
MEMBER_POOLS = ("depositors", "borrowers", "committee")


@dataclass(frozen=True)
class YearEnd:
    """A fiscal year's allocation and whether it is only a preview (the year is not closed)."""

    allocation: Allocation
    preview: bool


def year_end(book: Book, fy: int) -> YearEnd:
    """The posted allocation of a closed year, else the one the close would post now (InvalidInput for a year
    before the book's first entry or not begun yet)."""
    if book.is_year_closed(fy):
        return YearEnd(book.allocation(fy), False)
    start, end = book.fiscal_year_bounds(fy)
    first = book.entries(limit=1)
    if start > book.clock.today() or not first or first[0].date > end:
        raise InvalidInput(N_("the book has nothing in fiscal year {year} to allocate"), year=format_year(fy))
    return YearEnd(book.preview_close(fy), True)


def default_year(book: Book) -> int:
    """The fiscal year an annual meeting talks about: the last one that is over."""
    today = book.clock.today()
    fy = book.fiscal_year_of(today)
    return fy - 1 if book.fiscal_year_bounds(fy)[1] > today else fy


def _shell(book: Book, key: str, title: str, ye: YearEnd, *, landscape: bool = False) -> Report:
    a = ye.allocation
    text = _(title)
    if ye.preview:
        text = _("{title} (preview)").format(title=text)
    report = new_report(book, key, text, year_period(book, a.fiscal_year).label, landscape=landscape,
                        signatures=signers(book, TREASURER, CHECKER, CHAIR))
    if ye.preview:  # a draft: stamped, and nobody signs it
        report.copy_mark = _(PREVIEW)
        report.signatures = []
        if book.clock.today() <= a.end:
            note = _("Preview: fiscal year {year} is not over yet (it ends on {end}). These are the figures so far; "
                     "the allocation is decided when the year is closed.")
        else:
            note = _("Preview: fiscal year {year} is not closed yet. These are the figures the close would post "
                     "today; any entry made before the close changes them.")
        report.blocks.append(Paragraph(note.format(year=format_year(a.fiscal_year), end=format_date(a.end, "long")),
                                       bold=True, small=True))
    return report


def _pct(text: str) -> Decimal:
    return Decimal(text)


def _pct_text(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")


def _whole(satang: int) -> str:
    """Baht without ".00" when whole (share-months are counted in whole baht)."""
    return f"{satang // 100:,}" if satang % 100 == 0 else format_amount(satang)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def allocation_report(book: Book, ye: YearEnd) -> Report:
    """The AGM table: income, expenses and net profit; the six pools with their percentages; what the member
    pools paid and left; what the reserve fund receives (or, in a loss year, the deficit charged to it)."""
    a = ye.allocation
    report = _shell(book, "allocation", ALLOCATION_TITLE, ye)
    profit = KeyValues(title=_("Net profit of the year"), columns=3)
    profit.add(_("Total income"), a.income, Kind.MONEY)
    profit.add(_("Total expenses"), a.expenses, Kind.MONEY)
    if a.net_profit >= 0:
        profit.add(_("Net profit"), a.net_profit, Kind.MONEY)
    else:
        profit.add(_("Net loss"), a.deficit, Kind.MONEY)
    report.blocks.append(profit)
    if a.net_profit > 0:
        report.blocks.extend([_pools_table(a), _members_table(a), _reserve_table(a)])
    elif a.net_profit < 0:
        reserve = ReportTable([Column("item", _("Item"), Kind.TEXT, 4.0),
                               Column("amount", _("Amount (baht)"), Kind.MONEY, 1.5)],
                              title=_("Reserve fund"), key="reserve")
        reserve.add(_("Deficit of the year charged to the reserve fund"), -a.deficit)
        reserve.add(_("Change in the reserve fund"), a.reserve_total, style=Style.TOTAL)
        report.blocks.append(reserve)
    else:
        report.blocks.append(Paragraph(_("No profit and no loss: there is nothing to allocate.")))
    for w in a.warnings:
        report.blocks.append(Paragraph(_sentence(w.message()) + ".", bold=True))
    if a.net_profit > 0:
        if book.rules.payout_method == "shares":
            how = _("Members' payouts are credited to their shares.")
        else:
            how = _("Members' payouts are paid in cash at the payout meeting, against their signature on the "
                    "payout list.")
        report.blocks.append(Paragraph(how, small=True))
    return report


def _pools_table(a: Allocation) -> ReportTable:
    t = ReportTable([Column("pool", _("Pool"), Kind.TEXT, 2.3), Column("to", _("Goes to"), Kind.TEXT, 3.0),
                     Column("pct", _("Percent"), Kind.PERCENT, 0.9), Column("amount", _("Amount (baht)"), Kind.MONEY, 1.4)],
                    title=_("Allocation of the net profit"), key="allocation")
    for pool, amount in a.pools.items():
        t.add(_(POOL_LABELS[pool]), _(POOL_TARGETS[pool]), _pct(a.pcts[pool]), amount)
    if a.pool_remainder:
        to_reserve = POOL_TARGETS["reserve"]
        t.add(_("Left over from rounding the pools"), _(to_reserve), None, a.pool_remainder)
    t.add(_("Net profit"), None, sum((_pct(v) for v in a.pcts.values()), Decimal(0)), a.net_profit,
          style=Style.TOTAL)
    return t


def _members_table(a: Allocation) -> ReportTable:
    """What each member pool paid and what it left for the reserve fund."""
    t = ReportTable([Column("pool", _("Pool"), Kind.TEXT, 2.0), Column("basis", _("Shared by"), Kind.TEXT, 2.6),
                     Column("members", _("Members paid"), Kind.INT, 1.0),
                     Column("amount", _("Pool (baht)"), Kind.MONEY, 1.3),
                     Column("paid", _("To members"), Kind.MONEY, 1.3),
                     Column("reserve", _("Left to the reserve fund"), Kind.MONEY, 1.3)],
                    title=_("Paid to members"), key="members")
    paid = {"depositors": [p.depositor for p in a.payouts], "borrowers": [p.borrower for p in a.payouts],
            "committee": [p.committee for p in a.payouts]}
    basis = {
        "depositors": _("{amount} baht-months of shares").format(amount=_whole(a.total_share_months)),
        "borrowers": _("{amount} baht of loan interest").format(amount=format_amount(a.total_interest)),
        "committee": _("{count} committee member(s)").format(count=len(a.committee)),
    }
    totals = [0, 0, 0, 0]
    for pool in MEMBER_POOLS:
        amounts = paid[pool]
        row = [sum(1 for x in amounts if x), a.pools[pool], sum(amounts),
               a.pools[pool] if pool in a.empty_pools else a.member_remainders.get(pool, 0)]
        totals = [x + y for x, y in zip(totals, row, strict=True)]
        t.add(_(POOL_LABELS[pool]), basis[pool], *row)
    t.add(_("Total"), None, None, *totals[1:], style=Style.TOTAL)
    return t


def _reserve_table(a: Allocation) -> ReportTable:
    t = ReportTable([Column("item", _("Item"), Kind.TEXT, 4.0), Column("amount", _("Amount (baht)"), Kind.MONEY, 1.5)],
                    title=_("Reserve fund"), key="reserve")
    reserve = POOL_LABELS["reserve"]
    t.add(_("{pool} ({pct}%)").format(pool=_(reserve), pct=_pct_text(_pct(a.pcts["reserve"]))), a.pools["reserve"])
    if a.pool_remainder:
        t.add(_("Left over from rounding the pools"), a.pool_remainder)
    left = sum(a.pools[p] if p in a.empty_pools else a.member_remainders.get(p, 0) for p in MEMBER_POOLS)
    if left:
        t.add(_("Left over from the pools paid to members (table above)"), left)
    t.add(_("The reserve fund receives"), a.reserve_total, style=Style.TOTAL)
    return t


def payouts_report(book: Book, ye: YearEnd) -> Report:
    """Every member's share-months, depositor payout, interest paid, borrower payout, committee payout and total,
    with an empty column to sign in at the payout meeting (rows tall enough to sign); totals at the end."""
    a = ye.allocation
    cash = book.rules.payout_method != "shares"
    signing = cash and not ye.preview  # members sign for their cash on the list of a closed year only
    report = _shell(book, "payouts", PAYOUTS_TITLE, ye, landscape=True)
    columns = [Column("no", _("No."), Kind.CODE, 0.55), Column("name", _("Name"), Kind.TEXT, 2.5, names=True),
               Column("share_months", _("Share-months (baht-months)"), Kind.MONEY, 1.4, whole_baht=True),
               Column("depositor", _("Returned to depositors"), Kind.MONEY, 1.15),
               Column("interest", _("Loan interest paid"), Kind.MONEY, 1.15),
               Column("borrower", _("Returned to borrowers"), Kind.MONEY, 1.15),
               Column("committee", _("Committee"), Kind.MONEY, 1.05),
               Column("total", _("Total to receive"), Kind.MONEY, 1.2)]
    if signing:
        columns.append(Column("signature", _("Signature of the member"), Kind.TEXT, 2.2))
    if not a.payouts:
        report.blocks.append(Paragraph(_("No member receives a payout for this year.")))
        return report
    t = ReportTable(columns, key="payouts", item_lines=1.7 if signing else 1.0)
    sums = [0] * 6
    for p in a.payouts:
        values = [p.share_months, p.depositor, p.interest_paid, p.borrower, p.committee, p.total]
        sums = [x + y for x, y in zip(sums, values, strict=True)]
        cells = [p.member_no, p.name, *(v or None for v in values[:5]), p.total]
        t.add(*cells, *([""] if signing else []))
    t.add(None, _("Total ({count} members)").format(count=len(a.payouts)), *sums, *([None] if signing else []),
          style=Style.TOTAL)
    report.blocks.append(t)
    notes = [_("Share-months: the sum of the member's share balances at the end of each month of the fiscal year, "
               "in baht.")]
    if a.pools["depositors"] and "depositors" not in a.empty_pools:
        notes.append(_("Depositors share {pool} baht in proportion to their share-months.").format(
            pool=format_amount(a.pools["depositors"])))
    if a.pools["borrowers"] and "borrowers" not in a.empty_pools:
        notes.append(_("Borrowers share {pool} baht in proportion to the loan interest they paid in the year.").format(
            pool=format_amount(a.pools["borrowers"])))
    if a.committee and a.pools["committee"] and "committee" not in a.empty_pools:
        each = max((p.committee for p in a.payouts), default=0)
        notes.append(_("Each of the {count} committee members receives {each} baht.").format(
            count=len(a.committee), each=format_amount(each)))
    if not cash:
        notes.append(_("Members' payouts are credited to their shares."))
    report.blocks.append(Paragraph(" ".join(notes), small=True))
    return report


def allocation(book: Book, fy: int) -> Report:
    return allocation_report(book, year_end(book, fy))


def payouts(book: Book, fy: int) -> Report:
    return payouts_report(book, year_end(book, fy))


def agm_pack(book: Book, fy: int) -> list[Report]:
    """The annual meeting's papers in one run: the allocation, the year's income statement, the balance sheet at
    the year's end and the payout list."""
    ye = year_end(book, fy)
    end = book.fiscal_year_bounds(fy)[1]
    return [allocation_report(book, ye), financial.income_statement(book, year_period(book, fy)),
            financial.balance_sheet(book, date_period(book, end)), payouts_report(book, ye)]
