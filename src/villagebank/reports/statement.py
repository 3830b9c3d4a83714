"""The member monthly statement (ใบแจ้งยอดสมาชิกประจำเดือน), one member or all active members.

A statement is a list of *sections*, each a function ``(StatementContext, Member) -> list[Block]``, printed in
the order of :data:`SECTIONS`. What is shared by every member's statement of a month (all loans, the share
grid, the month's receipts...) is read once into a :class:`StatementContext`, so ``statements`` costs a few
queries per member, not a few hundred. Features that come later (partner contributions, welfare claims) slot
in with :func:`add_section`, keeping what they prefetch in ``StatementContext.cache``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from villagebank.i18n import N_, _
from villagebank.ledger import Money, NotFound
from villagebank.ledger import accounts as acc
from villagebank.ledger.periods import fiscal_months
from villagebank.reports.common import (
    CHECKER,
    TREASURER,
    Period,
    month_period,
    new_report,
    signers,
    status_label,
)
from villagebank.reports.table import Block, Column, KeyValues, Kind, Paragraph, Report, ReportTable, Style
from villagebank.thai import format_amount, format_date

if TYPE_CHECKING:
    from villagebank.ledger import Book
    from villagebank.ledger.dto import Member
    from villagebank.ledger.loans import LoanState
    from villagebank.ledger.meetings import Receipt
    from villagebank.ledger.rules import SavingsProduct
    from villagebank.ledger.shares import GridRow

TITLE = N_("Member monthly statement")
# Entry kinds that take money out of a member's shares or savings (not deposits or their corrections).
OUT_KINDS = frozenset({"withdrawal", "savings_withdrawal", "leave_frozen", "terminate_shares"})


@dataclass
class StatementContext:
    """Everything the statements of one month share, read once."""

    book: Book
    period: Period
    month_index: int  # the month's place (0..11) in its fiscal year
    members: dict[int, Member]
    grid: dict[int, GridRow]
    month_ends: dict[int, list[int]]  # member -> share balance (satang) at the end of each fiscal month
    moves: dict[int, dict[str, list[int]]]  # member -> account -> [in, out] this month (satang)
    loans: dict[int, list[LoanState]]  # borrower -> loans as of the period's as-of date
    guarantees: dict[int, list[LoanState]]  # guarantor -> open loans they guarantee
    receipts: dict[int, list[Receipt]]  # member -> receipts of the month
    products: list[SavingsProduct]  # savings products that hold or moved money
    share_value: int
    cache: dict[str, Any] = field(default_factory=dict)  # for sections added later

    @property
    def start(self) -> dt.date:
        assert self.period.start is not None
        return self.period.start

    @property
    def as_of(self) -> dt.date:
        return self.period.as_of


Section = Callable[[StatementContext, "Member"], list[Block]]


#: Up to this many members, a statement run reads each member's own rows instead of the whole book's month.
FEW = 50


def prepare(book: Book, year: int, month: int, *, member_nos: Iterable[int] | None = None) -> StatementContext:
    """Read what the statements of ``year``-``month`` need (for all members, or only ``member_nos``).

    Everything is read with set-based queries, once per run: all members' loans once (the guarantees come from
    the same states), and the savings balances and missed savings of every member in one query each. A run for a
    few members (one member's statement) reads only their rows, so its cost does not grow with the book."""
    period = month_period(book, year, month)
    start, as_of = period.start, period.as_of
    assert start is not None
    rules = book.rules
    fy = book.fiscal_year_of(start)
    index = fiscal_months(fy, rules.fiscal_year_start_month).index((year, month))
    wanted = set(member_nos) if member_nos is not None else None
    scope = sorted(wanted) if wanted is not None and len(wanted) <= FEW else None
    if scope is not None:
        members = {}
        for no in scope:
            with contextlib.suppress(NotFound):
                members[no] = book.member(no)
    else:
        members = {m.member_no: m for m in book.members() if wanted is None or m.member_no in wanted}
    grid = {g.member_no: g for g in book.share_grid(fy, scope)}
    month_ends = book.month_end_share_balances(fy, scope)
    if scope is not None:
        moves = _moves((no, ln.kind, ln.account, ln.amount.satang) for no in scope
                       for ln in book.member_lines(no, start, period.end))
        states = [st for no in scope for st in book.loans(as_of, member_no=no)]
        guarantees = {no: found for no in scope if (found := book.guaranteed_by(no, as_of))}
    else:
        moves = _moves((p.member_no, e.kind, p.account, p.amount.satang)
                       for e in book.entries(start=start, end=period.end) for p in e.postings)
        states = book.loans(as_of)
        exposure: dict[int, list[LoanState]] = defaultdict(list)
        for st in states:  # what book.guarantor_exposure(as_of) computes, from the same states
            if st.is_open:
                for g in st.guarantors:
                    exposure[g].append(st)
        guarantees = dict(exposure)
    loans: dict[int, list[LoanState]] = defaultdict(list)
    for st in states:
        if st.disbursed_date is not None and st.disbursed_date <= as_of:
            loans[st.member_no].append(st)
    day_before = start - dt.timedelta(days=1)
    receipts: dict[int, list[Receipt]] = defaultdict(list)
    only = next(iter(wanted)) if wanted is not None and len(wanted) == 1 else None
    for r in book.receipts_between(start, period.end, member_no=only):
        if r.member_no is not None and (wanted is None or r.member_no in wanted):
            receipts[r.member_no].append(r)
    products = [p for p in rules.savings_products
                if book.balance(acc.savings_account(p.key), as_of=as_of).satang
                or book.balance(acc.savings_account(p.key), as_of=day_before).satang
                or any(acc.savings_account(p.key) in m for m in moves.values())]
    ctx = StatementContext(book, period, index, members, grid, month_ends, moves, dict(loans),
                           guarantees, dict(receipts), products, rules.share_value)
    if scope is None:  # many members: their per-member figures in one query each
        ctx.cache["misses"] = book.missed_savings_by_member(period.fiscal_year)
        ctx.cache["savings"] = {p.key: book.balances_by_member(acc.savings_account(p.key), as_of) for p in products}
    return ctx


def _moves(postings: Iterable[tuple[int | None, str, str, int]]) -> dict[int, dict[str, list[int]]]:
    """Per member and account, money in (credits) and out (debits) of shares and savings, from postings given as
    (member_no, entry kind, account, satang)."""
    out: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for member_no, kind, account, amount in postings:
        if member_no is None or not (account == acc.SHARES or account.startswith("savings:")):
            continue
        slot = out[member_no][account]
        if kind in OUT_KINDS:
            slot[1] += amount
        else:  # deposits, and corrections of deposits (which lower what came in)
            slot[0] -= amount
    return out


# --- sections -----------------------------------------------------------------------------------------------
def member_section(ctx: StatementContext, m: Member) -> list[Block]:
    kv = KeyValues()
    kv.add(_("Member number"), m.member_no, Kind.CODE)
    kv.add(_("Name"), m.full_name)
    status = status_label(m.status)
    if m.status == "suspended" and m.suspended_until:
        status = _("{status} until {date}").format(status=status, date=format_date(m.suspended_until, "long"))
    elif m.exit_date:
        status = _("{status} on {date}").format(status=status, date=format_date(m.exit_date, "long"))
    kv.add(_("Status"), status)
    kv.add(_("Member since"), m.join_date, Kind.DATE)
    return [kv]


def shares_section(ctx: StatementContext, m: Member) -> list[Block]:
    no, i = m.member_no, ctx.month_index
    row = ctx.grid.get(no)
    ends = ctx.month_ends.get(no)
    end = ends[i] if ends else 0
    if i > 0 and ends:
        before = ends[i - 1]
    else:
        before = row.brought_forward.satang if row else 0
    bought = row.months[i].satang if row else 0
    taken = before + bought - end
    t = ReportTable([Column("bf", _("Brought forward"), Kind.MONEY), Column("in", _("Saved this month"), Kind.MONEY),
                     Column("out", _("Withdrawn"), Kind.MONEY), Column("bal", _("Balance"), Kind.MONEY),
                     Column("count", _("Number of shares"), Kind.INT, 0.9)],
                    title=_("Shares (savings)"), key="shares")
    t.add(before, bought, taken, end, end // ctx.share_value if ctx.share_value else None)
    out: list[Block] = [t]
    if not m.is_active:
        owed = ctx.book.owed_to_former_member(m.member_no)
        if owed.satang:
            out.append(Paragraph(_("Owed to you as a former member: {amount} baht (paid out with the year-end "
                                   "payouts).").format(amount=format_amount(owed.satang)), bold=True))
    return out


def savings_section(ctx: StatementContext, m: Member) -> list[Block]:
    if not ctx.products:
        return []
    t = ReportTable([Column("product", _("Kind of savings"), Kind.TEXT, 2.2),
                     Column("bf", _("Brought forward"), Kind.MONEY), Column("in", _("Deposited"), Kind.MONEY),
                     Column("out", _("Withdrawn"), Kind.MONEY), Column("bal", _("Balance"), Kind.MONEY)],
                    title=_("Other savings"), key="savings")
    moves = ctx.moves.get(m.member_no, {})
    for p in ctx.products:
        code = acc.savings_account(p.key)
        known = ctx.cache.get("savings", {}).get(p.key)
        end = (known.get(m.member_no, Money(0)) if known is not None
               else ctx.book.savings_balance(m.member_no, p.key, ctx.as_of)).satang
        got, gave = moves.get(code, (0, 0))
        before = end - got + gave
        if before or got or gave or end:
            t.add(p.name, before, got, gave, end)
    return [t] if t.rows else []


def loans_section(ctx: StatementContext, m: Member) -> list[Block]:
    states = [st for st in ctx.loans.get(m.member_no, [])
              if st.status == "disbursed" or any(p.date >= ctx.start for p in st.payments)]
    if not states:
        return [Paragraph(_("Loans: none."))]
    t = ReportTable([Column("loan", _("Loan no."), Kind.CODE, 0.6), Column("date", _("Date borrowed"), Kind.DATE, 1.05),
                     Column("amount", _("Amount borrowed"), Kind.MONEY),
                     Column("principal", _("Principal paid this month"), Kind.MONEY),
                     Column("interest", _("Interest paid this month"), Kind.MONEY),
                     Column("balance", _("Principal outstanding"), Kind.MONEY),
                     Column("next_date", _("Next installment due"), Kind.DATE, 1.05),
                     Column("next", _("Next installment"), Kind.MONEY),
                     Column("overdue", _("Overdue"), Kind.MONEY)],
                    title=_("Loans"), key="loans")
    notes = []
    for st in states:
        month = [p for p in st.payments if p.date >= ctx.start]
        t.add(st.loan_no, st.disbursed_date, st.principal, sum(p.principal for p in month),
              sum(p.interest for p in month), st.balance, st.next_due_date,
              st.next_installment if st.next_due_date else None, st.overdue if st.overdue.satang else None)
        if st.overdue.satang:
            notes.append(_("Loan {loan} is overdue by {amount} baht ({count} installment(s) since {date}): please "
                           "pay at the next meeting.").format(loan=st.loan_no, amount=format_amount(st.overdue.satang),
                                                            count=st.overdue_installments,
                                                            date=format_date(st.oldest_overdue, "long")
                                                            if st.oldest_overdue else "-"))
    return [t, *(Paragraph(n, bold=True) for n in notes)]


def guarantees_section(ctx: StatementContext, m: Member) -> list[Block]:
    guaranteed = [st for st in ctx.guarantees.get(m.member_no, []) if st.status == "disbursed"
                  and st.disbursed_date is not None and st.disbursed_date <= ctx.as_of]
    if not guaranteed:
        return []
    t = ReportTable([Column("loan", _("Loan no."), Kind.CODE, 0.6), Column("borrower", _("Borrower"), Kind.TEXT, 2.6, names=True),
                     Column("balance", _("Principal outstanding"), Kind.MONEY),
                     Column("overdue", _("Overdue"), Kind.MONEY)],
                    title=_("Loans you guarantee"), key="guarantees")
    for st in guaranteed:
        t.add(st.loan_no, f"{st.member_no} {st.borrower}", st.balance, st.overdue if st.overdue.satang else None)
    return [t]


def receipts_section(ctx: StatementContext, m: Member) -> list[Block]:
    receipts = ctx.receipts.get(m.member_no, [])
    if not receipts:
        return [Paragraph(_("Payments this month: none."))]
    t = ReportTable([Column("date", _("Date"), Kind.DATE, 1.0), Column("no", _("Receipt no."), Kind.CODE, 0.8),
                     Column("items", _("Items"), Kind.TEXT, 4.4), Column("total", _("Amount"), Kind.MONEY, 1.1)],
                    title=_("Payments this month"), key="receipts")
    for r in receipts:
        items = ", ".join(f"{label} {format_amount(amount.satang)}" for label, amount in r.items)
        if r.voided_by:
            items = _("{items} (cancelled)").format(items=items)
        t.add(r.date, r.receipt_no, items, r.total if not r.voided_by else None)
    if len(receipts) > 1:
        t.add(None, None, _("Total"), sum(r.total.satang for r in receipts if not r.voided_by), style=Style.TOTAL)
    return [t]


def discipline_section(ctx: StatementContext, m: Member) -> list[Block]:
    known = ctx.cache.get("misses")
    misses = known.get(m.member_no, []) if known is not None else ctx.book.missed_savings(m.member_no,
                                                                                          ctx.period.fiscal_year)
    misses = [d for d in misses if d <= ctx.period.end]
    if not misses:
        text = _("Missed savings this fiscal year: none.")
    else:
        text = _("Missed savings this fiscal year: {count} ({dates}).").format(
            count=len(misses), dates=", ".join(format_date(d) for d in misses))
    out: list[Block] = [Paragraph(text)]
    if m.status == "suspended":
        until = format_date(m.suspended_until, "long") if m.suspended_until else "-"
        out.append(Paragraph(_("New loans are suspended until {date} because of missed savings.").format(date=until),
                             bold=True))
    return out


def year_to_date_section(ctx: StatementContext, m: Member) -> list[Block]:
    row = ctx.grid.get(m.member_no)
    saved = sum(x.satang for x in row.months[: ctx.month_index + 1]) if row else 0
    principal = interest = 0
    for st in ctx.loans.get(m.member_no, []):
        for p in st.payments:
            if ctx.period.year_start <= p.date <= ctx.period.end:
                principal += p.principal
                interest += p.interest
    kv = KeyValues(title=_("Since the start of the fiscal year ({date})").format(
        date=format_date(ctx.period.year_start, "long")), columns=3)
    kv.add(_("Saved"), saved, Kind.MONEY)
    kv.add(_("Principal repaid"), principal, Kind.MONEY)
    kv.add(_("Interest paid"), interest, Kind.MONEY)
    return [kv]


#: The statement's sections in print order: (key, function). Partner contributions and welfare claims are
#: added by their features with :func:`add_section` (after "savings" and after "guarantees").
SECTIONS: list[tuple[str, Section]] = [
    ("member", member_section),
    ("shares", shares_section),
    ("savings", savings_section),
    ("loans", loans_section),
    ("guarantees", guarantees_section),
    ("receipts", receipts_section),
    ("discipline", discipline_section),
    ("year_to_date", year_to_date_section),
]


def add_section(key: str, fn: Section, *, after: str | None = None) -> None:
    """Put a section into every statement, after the section ``after`` (default: at the end); replaces a
    section with the same key."""
    remove_section(key)
    keys = [k for k, _fn in SECTIONS]
    SECTIONS.insert(keys.index(after) + 1 if after in keys else len(SECTIONS), (key, fn))


def remove_section(key: str) -> None:
    SECTIONS[:] = [(k, f) for k, f in SECTIONS if k != key]


# --- reports ------------------------------------------------------------------------------------------------
def statement_for(ctx: StatementContext, member: Member, *, anchor: str | None = None,
                  signatures: list | None = None) -> Report:
    if "bank_name" not in ctx.cache:
        ctx.cache["bank_name"] = ctx.book.bank().name
    report = new_report(ctx.book, "statement", _(TITLE), ctx.period.label, anchor=anchor,
                        signatures=signatures if signatures is not None else signers(ctx.book, TREASURER, CHECKER),
                        bank_name=ctx.cache["bank_name"])
    report.sheet = f"{member.member_no} {member.full_name}"
    report.number = member.member_no
    for _key, section in SECTIONS:
        report.blocks.extend(section(ctx, member))
    return report


def statement(book: Book, member_no: int, year: int, month: int) -> Report:
    """The statement of one member (active or not) for a month."""
    member = book.member(member_no)
    ctx = prepare(book, year, month, member_nos=[member_no])
    return statement_for(ctx, member)


def statement_members(book: Book, year: int, month: int) -> list[int]:
    """Who gets a statement in a batch: active members (loans suspended too) who had joined by the month's end,
    in member-number order."""
    end = month_period(book, year, month).end
    return [m.member_no for m in book.members(statuses=("active", "suspended")) if m.join_date <= end]


def statements(book: Book, year: int, month: int, member_nos: list[int] | None = None) -> list[Report]:
    """Statements of all active members (or of ``member_nos``) for a month, in member-number order."""
    nos = member_nos if member_nos is not None else statement_members(book, year, month)
    ctx = prepare(book, year, month, member_nos=nos)
    anchor = book.anchor()
    signatures = signers(book, TREASURER, CHECKER)
    return [statement_for(ctx, ctx.members[no], anchor=anchor, signatures=signatures) for no in nos
            if no in ctx.members]
