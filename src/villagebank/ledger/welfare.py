"""The welfare fund (direct welfare, domain.md §7): benefits paid from the fund under the bank's
benefit schedule — waiting period, childbirth per time, hospital per night with a yearly cap, death by
years of membership, claims paid on days 1–15. A claim outside the schedule is refused naming the rule,
unless the committee overrides it with a reason that is recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from villagebank.i18n import N_, lazy
from villagebank.ledger import accounts as acc
from villagebank.ledger import cashbook, members
from villagebank.ledger import journal as j
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, RuleViolation
from villagebank.ledger.money import ZERO, Money
from villagebank.ledger.periods import fiscal_year_bounds, fiscal_year_of
from villagebank.ledger.rules import Rules
from villagebank.ledger.shares import PostFn
from villagebank.thai import format_amount, normalize_text

CASES = ("childbirth", "hospital", "death")
CASE_LABELS = {
    "childbirth": N_("childbirth"),
    "hospital": N_("hospital stay"),
    "death": N_("death"),
}


def _b(m: Money | int) -> str:
    return format_amount(m.satang if isinstance(m, Money) else m)


@dataclass(frozen=True)
class Claim:
    id: int
    member_no: int
    member_name: str
    date: dt.date
    fiscal_year: int
    case: str
    nights: int | None
    amount: Money
    override_reason: str
    note: str
    entry_seq: int
    reversed_by: int | None = None


@dataclass(frozen=True)
class Assessment:
    """What the schedule allows for a claim, and every rule that refuses it."""

    case: str
    entitled: Money
    problems: tuple[RuleViolation, ...]
    hospital_paid_this_year: Money = ZERO
    membership_days: int = 0


def fund_balance(conn: Connection, as_of: dt.date | None = None) -> Money:
    q = select(func.coalesce(func.sum(s.posting.c.amount), 0)).where(s.posting.c.account == acc.WELFARE_FUND)
    if as_of is not None:
        q = q.where(s.posting.c.date <= as_of)
    return Money(-int(conn.execute(q).scalar() or 0))


def _paid(conn: Connection, member_no: int, case: str, fy: int | None = None) -> Money:
    q = (select(func.coalesce(func.sum(s.welfare_claim.c.amount), 0))
         .where(s.welfare_claim.c.member_no == member_no, s.welfare_claim.c.case == case,
                s.welfare_claim.c.entry_seq.not_in(select(s.entry.c.reverses_seq).where(
                    s.entry.c.reverses_seq.is_not(None)))))
    if fy is not None:
        q = q.where(s.welfare_claim.c.fiscal_year == fy)
    return Money(int(conn.execute(q).scalar() or 0))


def death_benefit(rules: Rules, days: int) -> int:
    amount = 0
    for min_days, value in rules.welfare_death:
        if days >= min_days:
            amount = value
    return amount


def assess(conn: Connection, rules: Rules, *, member_no: int, case: str, date: dt.date,
           nights: int | None = None, amount: Money | None = None) -> Assessment:
    if case not in CASES:
        raise InvalidInput(N_("must be one of: {allowed}"), field=N_("Case"), allowed=", ".join(CASES))
    member = members.get(conn, member_no)
    problems: list[RuleViolation] = []
    days = (date - member.join_date).days
    fy = fiscal_year_of(date, rules.fiscal_year_start_month)
    if member.status not in (*members.ACTIVE_STATUSES, "deceased"):
        problems.append(RuleViolation(N_("member {no} is not a member any more ({status})"), rule="status",
                                      no=member_no, status=lazy(members.STATUS_LABELS[member.status])))
    if days < rules.welfare_waiting_days:
        problems.append(RuleViolation(N_("member {no} joined {days} day(s) ago; benefits start after {wait} days of "
                                         "membership"), rule="welfare_waiting_days", no=member_no, days=days,
                                      wait=rules.welfare_waiting_days))
    hospital_paid = Money(0)
    if case == "childbirth":
        entitled = Money(rules.welfare_childbirth)
    elif case == "hospital":
        if nights is None or nights < 1:
            raise InvalidInput(N_("must be at least {min}"), field=N_("Nights in hospital"), min=1)
        hospital_paid = _paid(conn, member_no, "hospital", fy)
        full = rules.welfare_hospital_per_night * nights
        left = max(0, rules.welfare_hospital_yearly_cap - hospital_paid.satang)
        entitled = Money(min(full, left))
        if full > left and (amount is None or amount > entitled):
            problems.append(RuleViolation(
                N_("{nights} night(s) make {full} baht, over the yearly cap of {cap} baht: {left} baht remain for "
                   "this fiscal year"), rule="welfare_hospital_yearly_cap", nights=nights, full=_b(full),
                cap=_b(rules.welfare_hospital_yearly_cap), left=_b(left)))
    else:
        entitled = Money(death_benefit(rules, days))
        if entitled.satang == 0 and days >= rules.welfare_waiting_days:
            first = rules.welfare_death[0][0] if rules.welfare_death else 0
            problems.append(RuleViolation(N_("a death benefit needs {days} days of membership (member {no} has {have})"),
                                          rule="welfare_death", days=first, no=member_no, have=days))
        if _paid(conn, member_no, "death").satang:
            problems.append(RuleViolation(N_("a death benefit was already paid for member {no}"),
                                          rule="welfare_death", no=member_no))
    if amount is not None:
        if amount.satang <= 0:
            raise InvalidInput(N_("the amount must be more than zero"), field=N_("Amount"))
        if amount > entitled and not any(p.rule == "welfare_hospital_yearly_cap" for p in problems):
            problems.append(RuleViolation(N_("{amount} baht is more than the schedule allows ({entitled} baht)"),
                                          rule="welfare_schedule", amount=_b(amount), entitled=_b(entitled)))
    lo, hi = rules.claim_days
    if not lo <= date.day <= hi:
        problems.append(RuleViolation(N_("claims are paid on days {lo} to {hi} of a month"), rule="claim_days",
                                      lo=lo, hi=hi))
    pay = amount if amount is not None else entitled
    fund = fund_balance(conn)
    if pay > fund:
        problems.append(RuleViolation(N_("the welfare fund holds {fund} baht; {amount} baht cannot be paid"),
                                      rule="welfare_fund", fund=_b(fund), amount=_b(pay)))
    return Assessment(case, entitled, tuple(problems), hospital_paid, days)


class ClaimRefused(RuleViolation):
    def __init__(self, problems: tuple[RuleViolation, ...]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(first.template, rule=first.rule, field=first.field, **first.params)

    def message(self) -> str:
        return "; ".join(str(p) for p in self.problems)


def claim(conn: Connection, rules: Rules, *, member_no: int, case: str, date: dt.date, nights: int | None,
          amount: Money | None, override_reason: str, note: str, account: str, now: str, by: str,
          post: PostFn) -> int:
    """Pay a benefit from the welfare fund. Refused outside the schedule unless ``override_reason``."""
    override_reason = normalize_text(override_reason or "", max_len=300, field=N_("Committee's reason"))
    note = normalize_text(note or "", max_len=300, field=N_("Note"))
    a = assess(conn, rules, member_no=member_no, case=case, date=date, nights=nights, amount=amount)
    pay = amount if amount is not None else a.entitled
    if override_reason and amount is None and case == "hospital":
        pay = Money(rules.welfare_hospital_per_night * (nights or 0))
    if a.problems and not override_reason:
        raise ClaimRefused(a.problems)
    if pay.satang <= 0:
        raise InvalidInput(N_("the amount must be more than zero"), field=N_("Amount"))
    cashbook.require_money_account(conn, account)
    held = cashbook.balance_of(conn, account)
    if pay > held:
        raise RuleViolation(N_("there is only {held} baht in cash; {amount} baht cannot be paid out"),
                            rule="balance", held=_b(held), amount=_b(pay))
    seq = post(conn, date=date, kind="welfare_claim", member_no=member_no,
               memo=note, reason=override_reason,
               lines=[j.dr(acc.WELFARE_FUND, pay, member_no=member_no), j.cr(account, pay)]).seq
    fy = fiscal_year_of(date, rules.fiscal_year_start_month)
    return conn.execute(s.welfare_claim.insert().values(
        member_no=member_no, date=date, fiscal_year=fy, case=case, nights=nights if case == "hospital" else None,
        amount=pay.satang, override_reason=override_reason, note=note, entry_seq=seq, recorded_at=now,
        recorded_by=by)).inserted_primary_key[0]


def register(conn: Connection, *, member_no: int | None = None, fy: int | None = None) -> list[Claim]:
    q = (select(s.welfare_claim, s.member.c.title, s.member.c.first_name, s.member.c.last_name)
         .select_from(s.welfare_claim.join(s.member, s.member.c.member_no == s.welfare_claim.c.member_no))
         .order_by(s.welfare_claim.c.date, s.welfare_claim.c.id))
    if member_no is not None:
        q = q.where(s.welfare_claim.c.member_no == member_no)
    if fy is not None:
        q = q.where(s.welfare_claim.c.fiscal_year == fy)
    out = []
    for r in conn.execute(q):
        out.append(Claim(r.id, r.member_no, f"{r.title}{r.first_name} {r.last_name}".strip(), r.date,
                         r.fiscal_year, r.case, r.nights, Money(r.amount), r.override_reason, r.note, r.entry_seq,
                         j.reversed_by(conn, r.entry_seq)))
    return out


def year_bounds(rules: Rules, fy: int) -> tuple[dt.date, dt.date]:
    return fiscal_year_bounds(fy, rules.fiscal_year_start_month)


