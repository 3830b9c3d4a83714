"""Share deposits (ทะเบียนหุ้น / เงินสัจจะ), the saving discipline, leaving, and savings products.

Shares are a credit balance on account ``shares`` in each member's sub-ledger; savings products on
``savings:<key>``. Helpers take a connection inside the caller's transaction and never commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Connection, case, func, select

from villagebank.i18n import N_, lazy
from villagebank.ledger import accounts as acc
from villagebank.ledger import dto, members
from villagebank.ledger import journal as j
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, NotFound, RuleViolation
from villagebank.ledger.money import Money
from villagebank.ledger.periods import (
    add_months,
    fiscal_months,
    fiscal_year_bounds,
    fiscal_year_of,
    month_end,
)
from villagebank.ledger.rules import Rules
from villagebank.thai import format_amount, format_date

if TYPE_CHECKING:
    pass

class PostFn(Protocol):
    def __call__(self, conn: Connection, *, date: dt.date, kind: str, lines: list[j.Line],
                 **kw: object) -> j.Posted: ...


MONEY_ACCOUNTS = (acc.CASH,)  # where members' money is received; banks are "bank:<key>"
DEPOSIT_KINDS = ("deposit", "payment", "meeting_payment", "dividend_to_shares")


def _baht(m: Money | int) -> str:
    return format_amount(m.satang if isinstance(m, Money) else m)


def share_balance(conn: Connection, member_no: int, as_of: dt.date | None = None) -> Money:
    q = select(func.coalesce(func.sum(s.posting.c.amount), 0)).where(
        s.posting.c.account == acc.SHARES, s.posting.c.member_no == member_no)
    if as_of is not None:
        q = q.where(s.posting.c.date <= as_of)
    return Money(-int(conn.execute(q).scalar() or 0))


def account_balance(conn: Connection, account: str, member_no: int | None = None,
                    as_of: dt.date | None = None) -> Money:
    """Credit-normal balance (positive = the bank owes it) of a liability/equity sub-ledger."""
    q = select(func.coalesce(func.sum(s.posting.c.amount), 0)).where(s.posting.c.account == account)
    if member_no is not None:
        q = q.where(s.posting.c.member_no == member_no)
    if as_of is not None:
        q = q.where(s.posting.c.date <= as_of)
    return Money(-int(conn.execute(q).scalar() or 0))


def deposited_on(conn: Connection, member_no: int, date: dt.date) -> Money:
    """Shares bought by the member on ``date`` (credits to shares, net of same-day reversals)."""
    q = (select(func.coalesce(func.sum(s.posting.c.amount), 0))
         .select_from(s.posting.join(s.entry, s.entry.c.seq == s.posting.c.entry_seq))
         .where(s.posting.c.account == acc.SHARES, s.posting.c.member_no == member_no,
                s.posting.c.date == date, s.entry.c.kind.in_((*DEPOSIT_KINDS, "reversal"))))
    return Money(-int(conn.execute(q).scalar() or 0))


def deposits_on(conn: Connection, date: dt.date, member_nos: list[int] | None = None) -> dict[int, int]:
    """Shares bought on ``date`` by each member who bought any (satang; ``deposited_on`` for many at once)."""
    q = (select(s.posting.c.member_no, -func.sum(s.posting.c.amount))
         .select_from(s.posting.join(s.entry, s.entry.c.seq == s.posting.c.entry_seq))
         .where(s.posting.c.account == acc.SHARES, s.posting.c.date == date, s.posting.c.member_no.is_not(None),
                s.entry.c.kind.in_((*DEPOSIT_KINDS, "reversal")))
         .group_by(s.posting.c.member_no))
    if member_nos is not None and len(member_nos) < 900:
        q = q.where(s.posting.c.member_no.in_(member_nos))
    return {no: int(v) for no, v in conn.execute(q) if v}


def has_shares_history(conn: Connection, member_no: int) -> bool:
    return conn.execute(select(s.posting.c.entry_seq).where(
        s.posting.c.account == acc.SHARES, s.posting.c.member_no == member_no).limit(1)).first() is not None


def check_deposit(conn: Connection, rules: Rules, member: dto.Member, amount: Money, date: dt.date,
                  *, already: Money | None = None, today: Money | None = None, history: bool | None = None,
                  balance: Money | None = None) -> None:
    """Every share-deposit rule; RuleViolation names the rule and the numbers. ``already``: shares
    bought by this member earlier in the same payment (not yet posted). ``today`` (shares bought on the
    date), ``history`` (the member ever held shares) and ``balance`` (the share balance) are read from the
    book unless the caller knows them."""
    if member.status not in members.ACTIVE_STATUSES:
        raise RuleViolation(N_("member {no} is not an active member ({status}); shares cannot be bought"),
                            rule="status", no=member.member_no, status=lazy(members.STATUS_LABELS[member.status]))
    if date < member.join_date:
        raise InvalidInput(N_("the date {date} is before member {no} joined ({joined})"), date=format_date(date),
                           no=member.member_no, joined=format_date(member.join_date))
    if amount.satang <= 0:
        raise InvalidInput(N_("the amount must be more than zero"), field=N_("Shares"))
    if amount.satang % rules.share_value:
        raise RuleViolation(N_("shares are bought whole at {share} baht each: {amount} is not a whole number of "
                               "shares"), rule="share_value", share=_baht(rules.share_value), amount=_baht(amount))
    today = (deposited_on(conn, member.member_no, date) if today is None else today) + (already or Money(0))
    if rules.entry_deposit and today.satang == 0 and amount.satang < rules.entry_deposit \
            and not (has_shares_history(conn, member.member_no) if history is None else history):
        raise RuleViolation(N_("a new member's first deposit is at least {min} baht (this one is {amount})"),
                            rule="entry_deposit", min=_baht(rules.entry_deposit), amount=_baht(amount))
    cap = rules.max_deposit_per_meeting
    if cap is not None and today.satang + amount.satang > cap:
        if today.satang:
            raise RuleViolation(N_("deposit {amount} plus {before} already bought on {date} exceeds the {max} "
                                   "per-meeting limit"), rule="max_deposit_per_meeting", amount=_baht(amount),
                                before=_baht(today), date=format_date(date), max=_baht(cap))
        raise RuleViolation(N_("deposit {amount} exceeds the {max} per-meeting limit"),
                            rule="max_deposit_per_meeting", amount=_baht(amount), max=_baht(cap))
    total_cap = rules.max_total_shares
    if total_cap is not None:
        balance = (share_balance(conn, member.member_no) if balance is None else balance) + (already or Money(0))
        if balance.satang + amount.satang > total_cap:
            raise RuleViolation(N_("member {no} would hold {total} baht of shares, more than the {max} limit"),
                                rule="max_total_shares", no=member.member_no,
                                total=_baht(balance + amount), max=_baht(total_cap))


def deposit_lines(member_no: int, amount: Money, account: str = acc.CASH) -> list[j.Line]:
    return [j.dr(account, amount), j.cr(acc.SHARES, amount, member_no=member_no)]


def check_money_account(conn: Connection, account: str) -> None:
    if account != acc.CASH and not account.startswith("bank:"):
        raise InvalidInput(N_("money is received into cash or a bank account, not “{code}”"), code=account)
    if conn.execute(select(s.account.c.code).where(s.account.c.code == account)).first() is None:
        raise NotFound(N_("no account “{code}” in the chart of accounts"), code=account)


# --- the saving discipline ------------------------------------------------------------------------
@dataclass(frozen=True)
class MissOutcome:
    member_no: int
    saved: Money
    misses_this_year: int
    consecutive: int
    new_status: str | None  # "suspended" | "terminated" | None


def consecutive_misses(conn: Connection, member_no: int, meeting_dates: list[dt.date]) -> int:
    """How many of the latest closed meetings (newest first in ``meeting_dates``) the member missed."""
    missed = set(conn.execute(select(s.missed_saving.c.date).where(s.missed_saving.c.member_no == member_no))
                 .scalars())
    count = 0
    for d in meeting_dates:
        if d in missed:
            count += 1
        else:
            break
    return count


def apply_misses(conn: Connection, rules: Rules, meeting_id: int, date: dt.date, *, now: str,
                 post: PostFn) -> list[MissOutcome]:
    """At a meeting's close: every member who saved less than the minimum has missed; apply the
    suspension and termination rules, with the reason in the status history."""
    fy = fiscal_year_of(date, rules.fiscal_year_start_month)
    candidates = conn.execute(select(s.member).where(s.member.c.status.in_(members.ACTIVE_STATUSES),
                                                     s.member.c.join_date <= date)).all()
    closed_dates = list(conn.execute(select(s.meeting.c.date).where(
        s.meeting.c.status == "closed", s.meeting.c.date < date).order_by(s.meeting.c.date.desc())).scalars())
    outcomes = []
    bought = deposits_on(conn, date)
    for m in candidates:
        saved = Money(bought.get(m.member_no, 0))
        if saved.satang >= rules.min_saving:
            continue
        if m.join_date == date and saved.satang == 0:
            continue  # registered today, pays the entry deposit next time at the latest
        conn.execute(s.missed_saving.insert().values(member_no=m.member_no, meeting_id=meeting_id, date=date,
                                                     fiscal_year=fy, saved=saved.satang))
        in_year = conn.execute(select(func.count()).select_from(s.missed_saving).where(
            s.missed_saving.c.member_no == m.member_no, s.missed_saving.c.fiscal_year == fy)).scalar() or 0
        consecutive = 1 + consecutive_misses(conn, m.member_no, closed_dates)
        new_status = None
        if consecutive >= rules.terminate_after_consecutive_misses:
            terminate(conn, m.member_no, date, now=now, consecutive=consecutive, post=post)
            new_status = "terminated"
        elif in_year >= rules.suspend_after_misses:
            until = add_months(date, rules.suspension_months)
            members.set_status(conn, m.member_no, "suspended", date=date, now=now, suspended_until=until,
                               reason=members.encode_reason(
                                   N_("missed saving {count} times this fiscal year: no new loans until {until}"),
                                   count=in_year, until=until))
            new_status = "suspended"
        outcomes.append(MissOutcome(m.member_no, saved, in_year, consecutive, new_status))
    return outcomes


def terminate(conn: Connection, member_no: int, date: dt.date, *, now: str, consecutive: int,
              post: PostFn) -> Money:
    """End the membership after consecutive misses: the share balance is frozen as due to the former
    member (paid at year end with its dividend); savings products likewise."""
    members.set_status(conn, member_no, "terminated", date=date, now=now,
                       reason=members.encode_reason(N_("missed saving at {count} meetings in a row: membership "
                                                       "ended"), count=consecutive))
    return freeze_balances(conn, member_no, date, post=post, kind="terminate_shares")


def freeze_balances(conn: Connection, member_no: int, date: dt.date, *, post: PostFn, kind: str) -> Money:
    """Move a leaving member's shares and savings to ``due to former members`` (one entry)."""
    lines: list[j.Line] = []
    total = Money(0)
    for account in member_accounts(conn, member_no):
        bal = account_balance(conn, account, member_no)
        if bal.satang:
            lines.append(j.dr(account, bal, member_no=member_no))
            total += bal
    if total.satang:
        lines.append(j.cr(acc.FORMER_MEMBERS, total, member_no=member_no))
        post(conn, date=date, kind=kind, lines=lines, member_no=member_no)
    return total


def member_accounts(conn: Connection, member_no: int) -> list[str]:
    """The member's share and savings accounts that have postings."""
    rows = conn.execute(select(s.posting.c.account).where(
        s.posting.c.member_no == member_no,
        (s.posting.c.account == acc.SHARES) | s.posting.c.account.like("savings:%")).distinct()).scalars()
    return sorted(rows)


def lift_expired_suspensions(conn: Connection, date: dt.date, *, now: str) -> list[int]:
    rows = conn.execute(select(s.member.c.member_no).where(
        s.member.c.status == "suspended", s.member.c.suspended_until.is_not(None),
        s.member.c.suspended_until <= date)).scalars().all()
    for no in rows:
        members.set_status(conn, no, "active", date=date, now=now, reason=N_("suspension ended"))
    return list(rows)


def misses_in_year(conn: Connection, member_no: int, fy: int) -> list[dt.date]:
    return list(conn.execute(select(s.missed_saving.c.date).where(
        s.missed_saving.c.member_no == member_no, s.missed_saving.c.fiscal_year == fy)
        .order_by(s.missed_saving.c.date)).scalars())


def misses_by_member(conn: Connection, fy: int) -> dict[int, list[dt.date]]:
    """Every member's missed savings of the fiscal year (one query; members without misses are absent)."""
    out: dict[int, list[dt.date]] = {}
    for no, date in conn.execute(select(s.missed_saving.c.member_no, s.missed_saving.c.date)
                                 .where(s.missed_saving.c.fiscal_year == fy)
                                 .order_by(s.missed_saving.c.member_no, s.missed_saving.c.date)):
        out.setdefault(no, []).append(date)
    return out


def _members_filter(member_nos: Iterable[int] | None):
    """A condition on the posting's member: any member, or only ``member_nos``."""
    if member_nos is None:
        return s.posting.c.member_no.is_not(None)
    return s.posting.c.member_no.in_(sorted(member_nos))


# --- the 12-month grid ----------------------------------------------------------------------------
@dataclass(frozen=True)
class GridRow:
    member_no: int
    name: str
    brought_forward: Money
    months: tuple[Money, ...]  # shares bought (net) in each of the 12 fiscal months
    withdrawn: Money
    balance: Money


def share_grid(conn: Connection, rules: Rules, fy: int, member_nos: Iterable[int] | None = None) -> list[GridRow]:
    """The paper share register: one row per member who held or bought shares in the year (of ``member_nos``
    only, when given)."""
    start, end = fiscal_year_bounds(fy, rules.fiscal_year_start_month)
    months = fiscal_months(fy, rules.fiscal_year_start_month)
    index = {ym: i for i, ym in enumerate(months)}
    opening = dict(conn.execute(
        select(s.posting.c.member_no, -func.sum(s.posting.c.amount))
        .where(s.posting.c.account == acc.SHARES, s.posting.c.date < start, _members_filter(member_nos))
        .group_by(s.posting.c.member_no)).all())
    ym = func.strftime("%Y-%m", s.posting.c.date)
    withdrawal = s.entry.c.kind.in_(("withdrawal", "leave_frozen", "terminate_shares"))
    rows = conn.execute(
        select(s.posting.c.member_no, ym.label("ym"),
               func.sum(case((withdrawal, 0), else_=-s.posting.c.amount)).label("bought"),
               func.sum(case((withdrawal, s.posting.c.amount), else_=0)).label("withdrawn"))
        .select_from(s.posting.join(s.entry, s.entry.c.seq == s.posting.c.entry_seq))
        .where(s.posting.c.account == acc.SHARES, s.posting.c.date >= start, s.posting.c.date <= end,
               _members_filter(member_nos))
        .group_by(s.posting.c.member_no, ym)).all()
    per: dict[int, list[int]] = {}
    withdrawn: dict[int, int] = {}
    for r in rows:
        y, m = (int(x) for x in r.ym.split("-"))
        per.setdefault(r.member_no, [0] * 12)[index[(y, m)]] += int(r.bought)
        withdrawn[r.member_no] = withdrawn.get(r.member_no, 0) + int(r.withdrawn)
    nos = sorted(set(per) | {k for k, v in opening.items() if v})
    names = {r.member_no: (r.title, r.first_name, r.last_name) for r in conn.execute(
        select(s.member.c.member_no, s.member.c.title, s.member.c.first_name, s.member.c.last_name)
        .where(s.member.c.member_no.in_(nos)))} if nos else {}
    out = []
    for no in nos:
        bf = int(opening.get(no, 0) or 0)
        bought = per.get(no, [0] * 12)
        w = withdrawn.get(no, 0)
        t, f, la = names.get(no, ("", "?", ""))
        out.append(GridRow(no, f"{t}{f} {la}".strip(), Money(bf), tuple(Money(x) for x in bought), Money(w),
                           Money(bf + sum(bought) - w)))
    return out


def month_end_share_balances(conn: Connection, rules: Rules, fy: int,
                              member_nos: Iterable[int] | None = None) -> dict[int, list[int]]:
    """Each member's (of ``member_nos`` only, when given) share balance (satang) at the end of each of the fiscal
    year's 12 months."""
    start, _end = fiscal_year_bounds(fy, rules.fiscal_year_start_month)
    months = fiscal_months(fy, rules.fiscal_year_start_month)
    balances: dict[int, list[int]] = {}
    opening = dict(conn.execute(
        select(s.posting.c.member_no, -func.sum(s.posting.c.amount))
        .where(s.posting.c.account == acc.SHARES, s.posting.c.date < start, _members_filter(member_nos))
        .group_by(s.posting.c.member_no)).all())
    ym = func.strftime("%Y-%m", s.posting.c.date)
    moves: dict[int, dict[tuple[int, int], int]] = {}
    for r in conn.execute(
            select(s.posting.c.member_no, ym.label("ym"), -func.sum(s.posting.c.amount))
            .where(s.posting.c.account == acc.SHARES, s.posting.c.date >= start,
                   s.posting.c.date <= month_end(*months[-1]), _members_filter(member_nos))
            .group_by(s.posting.c.member_no, ym)).all():
        y, m = (int(x) for x in r[1].split("-"))
        moves.setdefault(r[0], {})[(y, m)] = int(r[2])
    for no in set(opening) | set(moves):
        running = int(opening.get(no, 0) or 0)
        row = []
        for ymk in months:
            running += moves.get(no, {}).get(ymk, 0)
            row.append(running)
        balances[no] = row
    return balances

