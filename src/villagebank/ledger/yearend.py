"""Year-end close and profit allocation (domain.md §6), exactly:

1. net profit NP = income − expenses of the fiscal year (the close's own entries excluded); if NP ≤ 0
   there is no allocation and the deficit is charged to the reserve fund;
2. each pool = floor(NP × pct) to the rounding unit; what the flooring leaves goes to reserve;
3. depositors: a member's share-months = the sum of the 12 month-end share balances; payout =
   floor(pool × member's share-months / all share-months);
4. borrowers: payout = floor(pool × member's interest paid in the year / all interest paid);
5. committee: payout = floor(pool / number of committee members);
6. every remainder of 3–5 goes to reserve; an empty base sends its whole pool to reserve, with a warning.

So every satang of NP lands in exactly one place: reserve + welfare + development + all payouts +
remainder = NP. ``compute`` is pure over what it reads; the preview and the posting use the same result.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from decimal import Decimal

from sqlalchemy import Connection, func, select

from villagebank.i18n import N_
from villagebank.ledger import accounts as acc
from villagebank.ledger import journal as j
from villagebank.ledger import members, shares
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, LedgerError, NotFound
from villagebank.ledger.money import Money
from villagebank.ledger.periods import fiscal_year_bounds, fiscal_year_of
from villagebank.ledger.rules import ALLOCATION_POOLS, Rules
from villagebank.ledger.shares import PostFn
from villagebank.thai import format_date, format_year

CLOSE_KINDS = ("year_close", "dividend_to_shares", "year_reopen")

POOL_LABELS = {
    "reserve": N_("Reserve fund"),
    "depositors": N_("Returned to depositors"),
    "borrowers": N_("Returned to borrowers"),
    "welfare": N_("Medical welfare"),
    "development": N_("Group development"),
    "committee": N_("Committee"),
}


def floor_to(satang: int, unit: int) -> int:
    return satang - satang % unit


def share_of(pool: int, part: int, whole: int, unit: int) -> int:
    """floor(pool × part / whole) to the unit, in exact integer arithmetic."""
    return floor_to(pool * part // whole, unit)


@dataclass(frozen=True)
class MemberPayout:
    member_no: int
    name: str
    share_months: int  # satang-months: the sum of the 12 month-end balances
    depositor: int
    interest_paid: int
    borrower: int
    committee: int

    @property
    def total(self) -> int:
        return self.depositor + self.borrower + self.committee


@dataclass(frozen=True)
class Warning_:
    template: str
    params: tuple[tuple[str, object], ...] = ()

    def message(self) -> str:
        from villagebank.i18n import _

        return _(self.template).format(**dict(self.params))


@dataclass(frozen=True)
class Allocation:
    """The AGM table: what the close will post (preview) or posted (after the close). Satang."""

    fiscal_year: int
    start: dt.date
    end: dt.date
    income: int
    expenses: int
    net_profit: int
    pcts: dict[str, str]  # pool -> percentage text (Decimal)
    pools: dict[str, int]  # pool -> floored amount (for a loss year all zero)
    pool_remainder: int  # what flooring the pools left (to reserve)
    member_remainders: dict[str, int]  # depositors/borrowers/committee -> remainder after member payouts
    empty_pools: tuple[str, ...]  # pools whose base was empty (sent to reserve)
    payouts: tuple[MemberPayout, ...] = ()
    committee: tuple[int, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    total_share_months: int = 0
    total_interest: int = 0

    @property
    def deficit(self) -> int:
        return -self.net_profit if self.net_profit < 0 else 0

    @property
    def remainder_to_reserve(self) -> int:
        """Every remainder and every empty-base pool (the workbook's `remainder_to_reserve`)."""
        return (self.pool_remainder + sum(self.member_remainders.values())
                + sum(self.pools[p] for p in self.empty_pools))

    @property
    def reserve_total(self) -> int:
        """All that the close credits to the reserve fund (negative: the deficit charged to it)."""
        if self.net_profit <= 0:
            return self.net_profit
        return self.pools["reserve"] + self.remainder_to_reserve

    @property
    def members_paid(self) -> int:
        return sum(1 for p in self.payouts if p.total > 0)

    @property
    def payouts_total(self) -> int:
        return sum(p.total for p in self.payouts)

    def check(self) -> None:
        """Every satang of net profit lands in exactly one place."""
        if self.net_profit <= 0:
            return
        landed = self.reserve_total + self.pools["welfare"] + self.pools["development"] + self.payouts_total
        assert landed == self.net_profit, (landed, self.net_profit)

    def to_json(self) -> str:
        data = asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Allocation:
        data = json.loads(text)
        data["start"] = dt.date.fromisoformat(data["start"])
        data["end"] = dt.date.fromisoformat(data["end"])
        data["payouts"] = tuple(MemberPayout(**p) for p in data["payouts"])
        data["warnings"] = tuple(Warning_(w["template"], tuple(tuple(x) for x in w["params"]))
                                 for w in data["warnings"])
        data["committee"] = tuple(data["committee"])
        data["empty_pools"] = tuple(data["empty_pools"])
        return cls(**data)


def _profit_and_loss(conn: Connection, start: dt.date, end: dt.date) -> tuple[int, int]:
    """(income, expenses) of the period in satang, the close's own entries excluded."""
    rows = conn.execute(
        select(s.account.c.type, func.coalesce(func.sum(s.posting.c.amount), 0))
        .select_from(s.posting.join(s.account, s.account.c.code == s.posting.c.account)
                     .join(s.entry, s.entry.c.seq == s.posting.c.entry_seq))
        .where(s.posting.c.date >= start, s.posting.c.date <= end, s.account.c.type.in_((acc.INCOME, acc.EXPENSE)),
               s.entry.c.kind.not_in(CLOSE_KINDS))
        .group_by(s.account.c.type)).all()
    totals = {t: int(v) for t, v in rows}
    return -totals.get(acc.INCOME, 0), totals.get(acc.EXPENSE, 0)


def _interest_by_member(conn: Connection, start: dt.date, end: dt.date) -> dict[int, int]:
    rows = conn.execute(
        select(s.posting.c.member_no, -func.sum(s.posting.c.amount))
        .where(s.posting.c.account == acc.INTEREST_INCOME, s.posting.c.member_no.is_not(None),
               s.posting.c.date >= start, s.posting.c.date <= end)
        .group_by(s.posting.c.member_no)).all()
    return {no: int(v) for no, v in rows if v and v > 0}


def committee_roster(conn: Connection) -> list[int]:
    """Members with a committee role (the year's committee, as recorded in the member register)."""
    return list(conn.execute(select(s.member.c.member_no).where(
        s.member.c.committee_role != "", s.member.c.status.in_(members.ACTIVE_STATUSES))
        .order_by(s.member.c.member_no)).scalars())


def compute(conn: Connection, rules: Rules, fy: int) -> Allocation:
    start, end = fiscal_year_bounds(fy, rules.fiscal_year_start_month)
    income, expenses = _profit_and_loss(conn, start, end)
    np_ = income - expenses
    pcts = rules.allocation_pct()
    unit = rules.rounding_unit
    pct_text = {p: str(v) for p, v in pcts.items()}
    if np_ <= 0:
        return Allocation(fy, start, end, income, expenses, np_, pct_text, dict.fromkeys(ALLOCATION_POOLS, 0), 0, {},
                          (), warnings=(Warning_(N_("no profit this year: the deficit of {amount} baht is charged to "
                                                    "the reserve fund"), (("amount", Money(-np_).format()),)),)
                          if np_ < 0 else ())
    pools = {p: floor_to(int(Decimal(np_) * pcts[p] / 100), unit) for p in ALLOCATION_POOLS}
    pool_remainder = np_ - sum(pools.values())
    balances = shares.month_end_share_balances(conn, rules, fy)
    share_months = {no: sum(v for v in row if v > 0) for no, row in balances.items()}
    share_months = {no: v for no, v in share_months.items() if v > 0}
    interest = _interest_by_member(conn, start, end)
    roster = committee_roster(conn)
    names = {r.member_no: f"{r.title}{r.first_name} {r.last_name}".strip() for r in conn.execute(
        select(s.member.c.member_no, s.member.c.title, s.member.c.first_name, s.member.c.last_name))}
    warnings: list[Warning_] = []
    empty: list[str] = []
    dep: dict[int, int] = {}
    bor: dict[int, int] = {}
    com: dict[int, int] = {}
    remainders: dict[str, int] = {}
    total_sm = sum(share_months.values())
    if total_sm and pools["depositors"]:
        dep = {no: share_of(pools["depositors"], sm, total_sm, unit) for no, sm in share_months.items()}
        remainders["depositors"] = pools["depositors"] - sum(dep.values())
    elif pools["depositors"]:
        empty.append("depositors")
        warnings.append(Warning_(N_("no member held shares this year: the depositors' pool goes to the reserve")))
    total_interest = sum(interest.values())
    if total_interest and pools["borrowers"]:
        bor = {no: share_of(pools["borrowers"], v, total_interest, unit) for no, v in interest.items()}
        remainders["borrowers"] = pools["borrowers"] - sum(bor.values())
    elif pools["borrowers"]:
        empty.append("borrowers")
        warnings.append(Warning_(N_("no loan interest was paid this year: the borrowers' pool goes to the reserve")))
    if roster and pools["committee"]:
        each = floor_to(pools["committee"] // len(roster), unit)
        com = dict.fromkeys(roster, each)
        remainders["committee"] = pools["committee"] - each * len(roster)
    elif pools["committee"]:
        empty.append("committee")
        warnings.append(Warning_(N_("no committee is recorded (committee role in the member register): the "
                                    "committee pool goes to the reserve")))
    nos = sorted(set(dep) | set(bor) | set(com))
    payouts = tuple(MemberPayout(no, names.get(no, ""), share_months.get(no, 0), dep.get(no, 0), interest.get(no, 0),
                                 bor.get(no, 0), com.get(no, 0)) for no in nos)
    allocation = Allocation(fy, start, end, income, expenses, np_, pct_text, pools, pool_remainder, remainders,
                            tuple(empty), payouts, tuple(roster), tuple(warnings), total_sm, total_interest)
    allocation.check()
    return allocation


# --- state of the years -----------------------------------------------------------------------------
def latest_close(conn: Connection, fy: int):
    return conn.execute(select(s.year_close).where(s.year_close.c.fiscal_year == fy)
                        .order_by(s.year_close.c.id.desc()).limit(1)).first()


def is_closed(conn: Connection, fy: int) -> bool:
    row = latest_close(conn, fy)
    return row is not None and row.status == "closed"


def first_fiscal_year(conn: Connection, rules: Rules) -> int | None:
    first = conn.execute(select(func.min(s.entry.c.date))).scalar()
    return fiscal_year_of(first, rules.fiscal_year_start_month) if first else None


def close_blockers(conn: Connection, rules: Rules, fy: int, today: dt.date) -> list[InvalidInput]:
    """Why the year cannot be closed now (empty when it can)."""
    out: list[InvalidInput] = []
    start, end = fiscal_year_bounds(fy, rules.fiscal_year_start_month)
    label = format_year(fy)
    if is_closed(conn, fy):
        out.append(InvalidInput(N_("fiscal year {year} is already closed"), year=label))
    if today <= end:
        out.append(InvalidInput(N_("fiscal year {year} ends on {end}; it can be closed after that"), year=label,
                                end=format_date(end)))
    open_meeting = conn.execute(select(s.meeting.c.date).where(
        s.meeting.c.status == "open", s.meeting.c.date >= start, s.meeting.c.date <= end)).scalar()
    if open_meeting is not None:
        out.append(InvalidInput(N_("the meeting of {date} is still open; close it first"),
                                date=format_date(open_meeting)))
    first = first_fiscal_year(conn, rules)
    if first is not None:
        for earlier in range(first, fy):
            if not is_closed(conn, earlier):
                out.append(InvalidInput(N_("fiscal year {year} is not closed yet; close the years in order"),
                                        year=format_year(earlier)))
    return out


def close(conn: Connection, rules: Rules, fy: int, *, today: dt.date, now: str, by: str, post: PostFn) -> Allocation:
    problems = close_blockers(conn, rules, fy, today)
    if problems:
        raise problems[0] if len(problems) == 1 else CloseRefused(problems)
    alloc = compute(conn, rules, fy)
    lines = _close_lines(conn, alloc)
    seqs: list[int] = []
    if lines:
        seqs.append(post(conn, date=alloc.end, kind="year_close", lines=lines, check_locks=False,
                         memo=f"FY {fy}").seq)
    if rules.payout_method == "shares":
        active = set(conn.execute(select(s.member.c.member_no).where(
            s.member.c.status.in_(members.ACTIVE_STATUSES))).scalars())
        to_shares = [p for p in alloc.payouts if p.total > 0 and p.member_no in active]
        if to_shares:
            share_lines = []
            for p in to_shares:
                share_lines.append(j.dr(acc.PAYOUTS_PAYABLE, Money(p.total), member_no=p.member_no))
                share_lines.append(j.cr(acc.SHARES, Money(p.total), member_no=p.member_no))
            seqs.append(post(conn, date=alloc.end, kind="dividend_to_shares", lines=share_lines,
                             check_locks=False, memo=f"FY {fy}").seq)
    lock_id = conn.execute(s.period_lock.insert().values(
        start=alloc.start, end=alloc.end, kind="year", locked_at=now, locked_by=by,
        reason=f"year close {fy}")).inserted_primary_key[0]
    conn.execute(s.year_close.insert().values(
        fiscal_year=fy, status="closed", closed_at=now, closed_by=by, net_profit=alloc.net_profit,
        allocation=alloc.to_json(), entry_seqs=json.dumps(seqs), lock_id=lock_id))
    return alloc


class CloseRefused(InvalidInput):
    def __init__(self, problems: list[InvalidInput]) -> None:
        self.problems = problems
        super().__init__(problems[0].template, field=problems[0].field, **problems[0].params)

    def message(self) -> str:
        return "; ".join(str(p) for p in self.problems)


def _close_lines(conn: Connection, alloc: Allocation) -> list[j.Line]:
    """Income and expense accounts to zero; the profit to the pools and the members (or the deficit to
    the reserve)."""
    rows = conn.execute(
        select(s.posting.c.account, func.sum(s.posting.c.amount))
        .select_from(s.posting.join(s.account, s.account.c.code == s.posting.c.account)
                     .join(s.entry, s.entry.c.seq == s.posting.c.entry_seq))
        .where(s.posting.c.date >= alloc.start, s.posting.c.date <= alloc.end,
               s.account.c.type.in_((acc.INCOME, acc.EXPENSE)), s.entry.c.kind.not_in(CLOSE_KINDS))
        .group_by(s.posting.c.account)).all()
    lines = [j.Line(code, -int(total)) for code, total in rows if total]
    if alloc.net_profit <= 0:
        if alloc.net_profit < 0:
            lines.append(j.Line(acc.RESERVE, -alloc.net_profit))
        return lines
    lines.append(j.cr(acc.RESERVE, Money(alloc.reserve_total)))
    if alloc.pools["welfare"]:
        lines.append(j.cr(acc.WELFARE_FUND, Money(alloc.pools["welfare"])))
    if alloc.pools["development"]:
        lines.append(j.cr(acc.DEVELOPMENT_FUND, Money(alloc.pools["development"])))
    for p in alloc.payouts:
        if p.total:
            lines.append(j.cr(acc.PAYOUTS_PAYABLE, Money(p.total), member_no=p.member_no))
    return lines


def posted_allocation(conn: Connection, fy: int) -> Allocation:
    row = latest_close(conn, fy)
    if row is None or row.status != "closed":
        raise NotFound(N_("fiscal year {year} is not closed"), year=format_year(fy))
    return Allocation.from_json(row.allocation)


def closed_years(conn: Connection) -> list[int]:
    years = conn.execute(select(s.year_close.c.fiscal_year).distinct().order_by(s.year_close.c.fiscal_year)).scalars()
    return [fy for fy in years if is_closed(conn, fy)]


def reopen(conn: Connection, rules: Rules, fy: int, reason: str, *, now: str, by: str, post: PostFn) -> list[int]:
    """Reverse the close entries of the newest closed year (with the reason) and unlock it."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput(N_("reopening a closed year needs a reason"), field=N_("Reason"))
    row = latest_close(conn, fy)
    if row is None or row.status != "closed":
        raise InvalidInput(N_("fiscal year {year} is not closed"), year=format_year(fy))
    later = [y for y in closed_years(conn) if y > fy]
    if later:
        raise InvalidInput(N_("fiscal year {year} is closed too; reopen it first"), year=format_year(later[-1]))
    alloc = Allocation.from_json(row.allocation)
    seqs = json.loads(row.entry_seqs)
    if rules.payout_method != "shares" or "dividend_to_shares" not in _kinds(conn, seqs):
        paid = _payouts_already_paid(conn, alloc)
        if paid:
            raise InvalidInput(N_("payouts of fiscal year {year} were already paid to {count} member(s) (member "
                                  "{first}); correct those payments first"), year=format_year(fy), count=len(paid),
                               first=paid[0])
    reversals = []
    for seq in reversed(seqs):
        lines = [j.Line(ln.account, -ln.amount, ln.member_no, ln.loan_no) for ln in j.entry_lines(conn, seq)]
        reversals.append(post(conn, date=alloc.end, kind="year_reopen", lines=lines, reverses_seq=seq, reason=reason,
                              check_locks=False, memo=f"FY {fy}").seq)
    if row.lock_id is not None:
        conn.execute(s.period_lock.update().where(s.period_lock.c.id == row.lock_id)
                     .values(unlocked_at=now, unlock_reason=reason))
    conn.execute(s.year_close.update().where(s.year_close.c.id == row.id)
                 .values(status="reopened", reopened_at=now, reopen_reason=reason))
    conn.execute(s.event_log.insert().values(at=now, kind="reopen_year", detail=f"{fy}: {reason} ({by})"))
    return reversals


def _kinds(conn: Connection, seqs: list[int]) -> set[str]:
    if not seqs:
        return set()
    return set(conn.execute(select(s.entry.c.kind).where(s.entry.c.seq.in_(seqs))).scalars())


def _payouts_already_paid(conn: Connection, alloc: Allocation) -> list[int]:
    """Members whose payable is now smaller than this year's payout (some of it was paid out)."""
    out = []
    for p in alloc.payouts:
        if p.total and shares.account_balance(conn, acc.PAYOUTS_PAYABLE, p.member_no).satang < p.total:
            out.append(p.member_no)
    return out


def pay_payout(conn: Connection, member_no: int, *, date: dt.date, account: str, post: PostFn) -> Money:
    """Pay a member what the bank owes them: year-end payouts, and frozen shares of a former member."""
    from villagebank.ledger import cashbook

    cashbook.require_money_account(conn, account)
    payable = shares.account_balance(conn, acc.PAYOUTS_PAYABLE, member_no)
    former = shares.account_balance(conn, acc.FORMER_MEMBERS, member_no)
    total = payable + former
    if total.satang <= 0:
        raise InvalidInput(N_("nothing is owed to member {no}"), no=member_no)
    held = cashbook.balance_of(conn, account)
    if total > held:
        from villagebank.ledger.errors import RuleViolation

        raise RuleViolation(N_("there is only {held} baht in cash; {amount} baht cannot be paid out"),
                            rule="balance", held=str(held), amount=str(total))
    lines = []
    if payable.satang:
        lines.append(j.dr(acc.PAYOUTS_PAYABLE, payable, member_no=member_no))
    if former.satang:
        lines.append(j.dr(acc.FORMER_MEMBERS, former, member_no=member_no))
    lines.append(j.cr(account, total))
    post(conn, date=date, kind="payout", member_no=member_no, lines=lines)
    return total


def pay_payouts(conn: Connection, member_nos: list[int], *, date: dt.date, account: str, book_id: str,
                created_at: str, created_by: str) -> list[Money | LedgerError]:
    """``pay_payout`` for each member in turn, in one transaction that reads the amounts owed, the cash and
    the newest entry once: for each member what was paid, or the refusal in its place."""
    from villagebank.ledger import cashbook
    from villagebank.ledger.errors import RuleViolation

    cashbook.require_money_account(conn, account)
    j.check_open(conn, date)
    owed: dict[tuple[int, str], int] = {}
    for no, code, amount in conn.execute(
            select(s.posting.c.member_no, s.posting.c.account, -func.sum(s.posting.c.amount))
            .where(s.posting.c.account.in_((acc.PAYOUTS_PAYABLE, acc.FORMER_MEMBERS)),
                   s.posting.c.member_no.in_(sorted(set(member_nos))))
            .group_by(s.posting.c.member_no, s.posting.c.account)):
        owed[(no, code)] = int(amount)
    held = cashbook.balance_of(conn, account).satang
    last = j.last_entry(conn) or (0, j.genesis_hash(book_id))
    codes = set(conn.execute(select(s.account.c.code)).scalars())
    out: list[Money | LedgerError] = []
    prepared: list[j.Prepared] = []
    for no in member_nos:
        payable, former = owed.pop((no, acc.PAYOUTS_PAYABLE), 0), owed.pop((no, acc.FORMER_MEMBERS), 0)
        total = payable + former
        if total <= 0:
            out.append(InvalidInput(N_("nothing is owed to member {no}"), no=no))
            continue
        if total > held:
            out.append(RuleViolation(N_("there is only {held} baht in cash; {amount} baht cannot be paid out"),
                                     rule="balance", held=str(Money(held)), amount=str(Money(total))))
            continue
        lines = []
        if payable:
            lines.append(j.dr(acc.PAYOUTS_PAYABLE, Money(payable), member_no=no))
        if former:
            lines.append(j.dr(acc.FORMER_MEMBERS, Money(former), member_no=no))
        lines.append(j.cr(account, Money(total)))
        p = j.prepare(conn, book_id=book_id, date=date, kind="payout", member_no=no, lines=lines,
                      created_at=created_at, created_by=created_by, check_locks=False, last=last, accounts=codes)
        prepared.append(p)
        last = (p.seq, p.hash)
        held -= total
        out.append(Money(total))
    j.write(conn, prepared)
    return out


def owed_payouts(conn: Connection) -> list[tuple[int, Money]]:
    rows = conn.execute(
        select(s.posting.c.member_no, -func.sum(s.posting.c.amount))
        .where(s.posting.c.account.in_((acc.PAYOUTS_PAYABLE, acc.FORMER_MEMBERS)), s.posting.c.member_no.is_not(None))
        .group_by(s.posting.c.member_no).having(func.sum(s.posting.c.amount) < 0)
        .order_by(s.posting.c.member_no)).all()
    return [(no, Money(int(v))) for no, v in rows]


