"""Partner funds: money the bank collects for a partner and forwards (เก็บเงินแล้วส่งต่อ, domain.md §7).

A member is *enrolled* in a partner fund (กอช., the community welfare fund, GSB, BAAC Taweerak: the
bank's rules ``partners``) from a date until a date. While enrolled, the partner's dues appear on the
collection sheet in their season; what members pay is a payable to the partner (``payable:<key>``, one
sub-ledger per member) until a **remittance** (``Dr payable:<key>`` per member, ``Cr`` cash/bank)
clears it. The bank may pay part or all of a member's dues from its welfare fund (table 2.4, L1390–1400:
``Dr fund:welfare``, ``Cr payable:<key>``, per member).

Contribution year and dues (all amounts integer satang):

- A partner's **contribution year** runs 12 months from its first collection month (``collect_from``);
  for the defaults that is the calendar year.
- A yearly partner asks ``amount`` once per contribution year; a monthly partner asks ``amount`` for
  each month of its season (``collect_from``..``collect_to``) in which the member is enrolled.
- The bank's part of one period is ``floor(amount × bank_pays_pct / 100)``; the member's part is the
  rest, so the two always add up to ``amount``.
- At a meeting the member owes at most one period's part: what the months so far ask, less what was
  already paid in the contribution year (so a member who paid 1,200 baht of กอช. in January owes nothing
  for the rest of the year, and a missed month is not carried forward as arrears).
- Nobody pays more than the contribution year asks. A partner with ``amount`` 0 has no fixed dues (GSB
  and BAAC deposits: each member chooses): nothing appears on the sheet and any amount is accepted.

Helpers take a connection inside the caller's transaction and never commit.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Connection, case, func, select

from villagebank.i18n import N_, lazy
from villagebank.ledger import accounts as acc
from villagebank.ledger import cashbook, members
from villagebank.ledger import journal as j
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, NotFound, RuleViolation
from villagebank.ledger.meetings import PartnerDue
from villagebank.ledger.money import Money
from villagebank.ledger.periods import add_months
from villagebank.ledger.rules import Partner, Rules
from villagebank.ledger.shares import PostFn
from villagebank.thai import format_amount, format_date, normalize_text

if TYPE_CHECKING:
    from villagebank.ledger import dto
    from villagebank.ledger.book import BookBase

    _Base = BookBase
else:
    _Base = object

KIND_REMIT = "partner_remit"
KIND_BANK_PAYS = "partner_bank_pays"

FIELD_LABELS = {
    "partner": N_("Partner fund"),
    "since": N_("Enrolled since"),
    "until": N_("Enrolled until"),
    "note": N_("Note"),
    "amount": N_("Amount"),
}


def _b(satang: int | Money) -> str:
    return format_amount(satang.satang if isinstance(satang, Money) else satang)


# --- records ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Enrolment:
    """A member's enrolment in a partner fund; ``until`` is exclusive (not enrolled from that date)."""

    id: int
    member_no: int
    partner: str
    since: dt.date
    until: dt.date | None
    note: str

    def active_on(self, d: dt.date) -> bool:
        return self.since <= d and (self.until is None or d < self.until)

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """Enrolled on some day of ``start``..``end`` (inclusive)."""
        return self.since <= end and (self.until is None or self.until > start)


@dataclass(frozen=True)
class PartnerMemberRow:
    """One line of a partner's list: the member, the enrolment and the money (up to ``as_of``)."""

    member_no: int
    name: str
    citizen_id: str | None
    status: str
    enrolled: bool
    since: dt.date | None
    until: dt.date | None
    collected: Money  # paid by the member
    paid_by_bank: Money  # paid for the member from the welfare fund
    remitted: Money
    owed: Money  # collected + paid_by_bank - remitted: still to be forwarded to the partner


@dataclass(frozen=True)
class PartnerStatement:
    partner: str
    name: str
    as_of: dt.date
    rows: tuple[PartnerMemberRow, ...]

    def _sum(self, attr: str) -> Money:
        return Money(sum(getattr(r, attr).satang for r in self.rows))

    @property
    def collected(self) -> Money:
        return self._sum("collected")

    @property
    def paid_by_bank(self) -> Money:
        return self._sum("paid_by_bank")

    @property
    def remitted(self) -> Money:
        return self._sum("remitted")

    @property
    def owed(self) -> Money:
        return self._sum("owed")

    @property
    def enrolled(self) -> int:
        return sum(1 for r in self.rows if r.enrolled)

    def remittance_list(self) -> tuple[PartnerMemberRow, ...]:
        """The members whose money is still to be forwarded (with citizen IDs for the partner)."""
        return tuple(r for r in self.rows if r.owed.satang > 0)


@dataclass(frozen=True)
class PartnerDeadline:
    """A remittance due soon (or overdue) for the overview screen."""

    partner: str
    name: str
    deadline: dt.date
    owed: Money
    days_left: int  # negative when overdue
    overdue: bool


@dataclass(frozen=True)
class PeriodDues:
    """A member's dues to one partner in the contribution year containing a date (satang).

    ``k``: periods asked so far (months of the season enrolled up to the date; 1 for a yearly partner);
    ``n``: periods in the whole contribution year.
    """

    full: int
    member_share: int
    bank_share: int
    k: int
    n: int
    collected: int
    bank_paid: int
    start: dt.date
    end: dt.date

    @property
    def left(self) -> int:
        """What the periods so far still ask for (member and bank together)."""
        return max(0, self.full * self.k - self.collected - self.bank_paid)

    @property
    def member_due(self) -> int:
        return min(self.member_share, max(0, self.member_share * self.k - self.collected), self.left)

    @property
    def bank_due(self) -> int:
        return min(self.bank_share, max(0, self.bank_share * self.k - self.bank_paid), self.left)

    @property
    def room(self) -> int:
        """The most that may still be paid for this contribution year."""
        return max(0, self.full * self.n - self.collected - self.bank_paid)


# --- periods ----------------------------------------------------------------------------------------
def in_season(p: Partner, month: int) -> bool:
    if p.collect_from <= p.collect_to:
        return p.collect_from <= month <= p.collect_to
    return month >= p.collect_from or month <= p.collect_to


def contribution_year(p: Partner, d: dt.date) -> tuple[dt.date, dt.date]:
    """The 12 months from the partner's first collection month that contain ``d``."""
    year = d.year if d.month >= p.collect_from else d.year - 1
    start = dt.date(year, p.collect_from, 1)
    return start, add_months(start, 12) - dt.timedelta(days=1)


def season_end(p: Partner, d: dt.date) -> dt.date:
    """The last day of the season in the contribution year containing ``d``."""
    start, _end = contribution_year(p, d)
    months = (p.collect_to - p.collect_from) % 12
    last = add_months(start, months)
    return dt.date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])


def remit_date(p: Partner, year: int) -> dt.date:
    return dt.date(year, p.remit_month, min(p.remit_day, calendar.monthrange(year, p.remit_month)[1]))


def split(p: Partner) -> tuple[int, int]:
    """(member's part, bank's part) of one period's dues, in satang; they add up to ``p.amount``."""
    bank = int((Decimal(p.amount) * p.bank_pays_pct / 100).to_integral_value(ROUND_FLOOR))
    return p.amount - bank, bank


def _periods(p: Partner, spans: list[Enrolment], d: dt.date) -> tuple[int, int]:
    """(k, n) for the contribution year containing ``d`` (see :class:`PeriodDues`)."""
    return _periods_of(p, tuple((e.since, e.until) for e in spans), d)


@functools.lru_cache(maxsize=4096)
def _periods_of(p: Partner, spans: tuple[tuple[dt.date, dt.date | None], ...], d: dt.date) -> tuple[int, int]:
    """``_periods`` by the enrolments' dates alone (members enrolled on the same dates share the result)."""
    start, _end = contribution_year(p, d)
    if p.period == "year":
        return 1, 1
    k = n = 0
    for i in range(12):
        first = add_months(start, i)
        if not in_season(p, first.month):
            continue
        last = dt.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
        if any(since <= last and (until is None or until > first) for since, until in spans):
            n += 1
            if first <= d:
                k += 1
    return k, n


def _partner_or_fail(rules: Rules, key: str) -> Partner:
    p = rules.partner(key)
    if p is None:
        raise NotFound(N_("there is no partner fund “{key}”"), key=key)
    return p


def _require_in_use(p: Partner) -> None:
    if not p.active:
        raise RuleViolation(N_("the partner fund “{name}” is not in use in the bank's rules"), rule="partners",
                            name=p.name)


# --- enrolments -------------------------------------------------------------------------------------
def _enrolment(row) -> Enrolment:
    return Enrolment(row.id, row.member_no, row.partner, row.since, row.until, row.note)


def enrolments(conn: Connection, *, partner: str | None = None, member_nos: Iterable[int] | None = None,
               partners: Iterable[str] | None = None) -> list[Enrolment]:
    q = select(s.partner_enrolment)
    if partner is not None:
        q = q.where(s.partner_enrolment.c.partner == partner)
    if partners is not None:
        q = q.where(s.partner_enrolment.c.partner.in_(list(partners)))
    if member_nos is not None:
        q = q.where(s.partner_enrolment.c.member_no.in_(list(member_nos)))
    q = q.order_by(s.partner_enrolment.c.member_no, s.partner_enrolment.c.partner, s.partner_enrolment.c.since)
    return [_enrolment(r) for r in conn.execute(q)]


def enrol(conn: Connection, rules: Rules, member_no: int, partner: str, since: dt.date, *, note: str,
          now: str) -> Enrolment:
    p = _partner_or_fail(rules, partner)
    _require_in_use(p)
    member = members.get(conn, member_no)
    if member.status not in members.ACTIVE_STATUSES:
        raise RuleViolation(N_("member {no} is not an active member ({status})"), rule="status", no=member_no,
                            status=lazy(members.STATUS_LABELS[member.status]))
    if not member.citizen_id:
        raise RuleViolation(N_("member {no} has no citizen ID in the register; “{partner}” needs it on the "
                               "remittance list. Record it first"), rule="citizen_id", no=member_no,
                            partner=p.name)
    for e in enrolments(conn, partner=partner, member_nos=[member_no]):
        if e.until is None or e.until > since:
            raise InvalidInput(N_("member {no} is already enrolled in “{partner}” (since {since})"),
                               no=member_no, partner=p.name, since=format_date(e.since))
    note = normalize_text(note or "", max_len=200, field=FIELD_LABELS["note"])
    new_id = conn.execute(s.partner_enrolment.insert().values(
        member_no=member_no, partner=partner, since=since, until=None, note=note, recorded_at=now)
    ).inserted_primary_key[0]
    row = conn.execute(select(s.partner_enrolment).where(s.partner_enrolment.c.id == new_id)).one()
    return _enrolment(row)


def end_enrolment(conn: Connection, rules: Rules, member_no: int, partner: str, until: dt.date, *,
                  now: str) -> Enrolment:
    p = _partner_or_fail(rules, partner)
    members.get(conn, member_no)
    current = [e for e in enrolments(conn, partner=partner, member_nos=[member_no]) if e.until is None]
    if not current:
        raise InvalidInput(N_("member {no} is not enrolled in “{partner}”"), no=member_no, partner=p.name)
    e = current[-1]
    if until < e.since:
        raise InvalidInput(N_("the enrolment cannot end before it began ({since})"), field=FIELD_LABELS["until"],
                           since=format_date(e.since))
    conn.execute(s.partner_enrolment.update().where(s.partner_enrolment.c.id == e.id)
                 .values(until=until, ended_at=now))
    return Enrolment(e.id, e.member_no, e.partner, e.since, until, e.note)


# --- money ------------------------------------------------------------------------------------------
def _sums(conn: Connection, accounts: list[str], *, member_nos: Iterable[int] | None = None,
          start: dt.date | None = None, end: dt.date | None = None) -> dict[tuple[int | None, str], list[int]]:
    """{(member_no, account): [collected, paid_by_bank, remitted]} from the postings in ``start``..``end``.

    A correction counts as the kind of entry it corrects (a reversed receipt lowers what was collected).
    """
    orig = s.entry.alias("orig")
    kind = func.coalesce(orig.c.kind, s.entry.c.kind)
    amount = s.posting.c.amount
    q = (select(s.posting.c.member_no, s.posting.c.account,
                func.sum(case((kind.in_((KIND_REMIT, KIND_BANK_PAYS)), 0), else_=-amount)),
                func.sum(case((kind == KIND_BANK_PAYS, -amount), else_=0)),
                func.sum(case((kind == KIND_REMIT, amount), else_=0)))
         .select_from(s.posting.join(s.entry, s.entry.c.seq == s.posting.c.entry_seq)
                      .outerjoin(orig, orig.c.seq == s.entry.c.reverses_seq))
         .where(s.posting.c.account.in_(accounts))
         .group_by(s.posting.c.member_no, s.posting.c.account))
    if member_nos is not None:
        q = q.where(s.posting.c.member_no.in_(list(member_nos)))
    if start is not None:
        q = q.where(s.posting.c.date >= start)
    if end is not None:
        q = q.where(s.posting.c.date <= end)
    return {(r[0], r[1]): [int(r[2] or 0), int(r[3] or 0), int(r[4] or 0)] for r in conn.execute(q)}


def period_dues(conn: Connection, p: Partner, member_no: int, d: dt.date,
                spans: list[Enrolment] | None = None, sums: dict | None = None) -> PeriodDues:
    start, end = contribution_year(p, d)
    if spans is None:
        spans = enrolments(conn, partner=p.key, member_nos=[member_no])
    if sums is None:
        sums = _sums(conn, [acc.partner_payable(p.key)], member_nos=[member_no], start=start, end=end)
    collected, bank_paid, _remitted = sums.get((member_no, acc.partner_payable(p.key)), (0, 0, 0))
    k, n = _periods(p, spans, d)
    member_share, bank_share = split(p)
    return PeriodDues(p.amount, member_share, bank_share, k, n, collected, bank_paid, start, end)


def dues_at(conn: Connection, rules: Rules, date: dt.date, member_nos: list[int]) -> dict[int, list[PartnerDue]]:
    """The collection-sheet hook: each active, enrolled member's partner dues at the meeting of ``date``."""
    partners = [p for p in rules.partners if p.active and p.amount > 0 and in_season(p, date.month)]
    if not partners or not member_nos:
        return {}
    active = set(conn.execute(select(s.member.c.member_no).where(
        s.member.c.member_no.in_(member_nos), s.member.c.status.in_(members.ACTIVE_STATUSES))).scalars())
    spans: dict[tuple[int, str], list[Enrolment]] = defaultdict(list)
    for e in enrolments(conn, member_nos=active, partners=[p.key for p in partners]):
        spans[(e.member_no, e.partner)].append(e)
    out: dict[int, list[PartnerDue]] = defaultdict(list)
    for p in partners:
        enrolled = sorted(m for (m, key), es in spans.items() if key == p.key and any(e.active_on(date) for e in es))
        if not enrolled:
            continue
        start, end = contribution_year(p, date)
        sums = _sums(conn, [acc.partner_payable(p.key)], member_nos=enrolled, start=start, end=end)
        for m in enrolled:
            due = period_dues(conn, p, m, date, spans[(m, p.key)], sums).member_due
            if due > 0:
                out[m].append(PartnerDue(p.key, p.name, Money(due)))
    return dict(out)


def check_payment(conn: Connection, rules: Rules, member: dto.Member, key: str, amount: Money,
                  date: dt.date, *, spans: list[Enrolment] | None = None, sums: dict | None = None) -> None:
    """The payment hook: a member pays a partner only while enrolled, and no more than the year asks.
    ``spans`` (the member's enrolments in the partner) and ``sums`` (as ``_sums`` gives them for the
    contribution year of ``date``) are read from the book unless the caller knows them."""
    p = _partner_or_fail(rules, key)
    _require_in_use(p)
    if member.status not in members.ACTIVE_STATUSES:
        raise RuleViolation(N_("member {no} is not an active member ({status})"), rule="status",
                            no=member.member_no, status=lazy(members.STATUS_LABELS[member.status]))
    if spans is None:
        spans = enrolments(conn, partner=key, member_nos=[member.member_no])
    if not any(e.active_on(date) for e in spans):
        raise RuleViolation(N_("member {no} is not enrolled in “{partner}” on {date}; enrol the member first"),
                            rule="partner_enrolment", no=member.member_no, partner=p.name, date=format_date(date))
    st = period_dues(conn, p, member.member_no, date, spans, sums)
    if p.amount and amount.satang > st.room:
        raise RuleViolation(
            N_("member {no} can pay at most {room} baht more to “{partner}” for {start} – {end} (the year's dues "
               "are {dues} baht; {paid} baht is already paid); {amount} baht is too much"),
            rule="partners", no=member.member_no, room=_b(st.room), partner=p.name, start=format_date(st.start),
            end=format_date(st.end), dues=_b(st.full * st.n), paid=_b(st.collected + st.bank_paid),
            amount=_b(amount))


def owed_by_member(conn: Connection, key: str, as_of: dt.date | None = None) -> dict[int, int]:
    """Collected (and paid by the bank) but not yet remitted, per member (satang, credit-normal)."""
    code = acc.partner_payable(key)
    return {m: c + b - r for (m, _a), (c, b, r) in _sums(conn, [code], end=as_of).items() if m is not None}


def _money_check(conn: Connection, account: str, amount: int) -> None:
    held = cashbook.balance_of(conn, account).satang
    if amount > held:
        name = conn.execute(select(s.account.c.name).where(s.account.c.code == account)).scalar() or account
        raise RuleViolation(N_("{account} holds only {held} baht; {amount} baht cannot be paid from it"),
                            rule="balance", account=lazy(name), held=_b(held), amount=_b(amount))


def remit(conn: Connection, rules: Rules, *, partner: str, date: dt.date, account: str,
          member_amounts: Iterable[int] | Mapping[int, Money] | None, note: str, post: PostFn) -> j.Posted:
    """Forward collected money to the partner: ``Dr payable:<partner>`` per member, ``Cr`` ``account``.

    ``member_amounts``: None = everything owed (as of ``date``) for every member; member numbers = all of
    theirs; ``{member_no: Money}`` = those amounts. Never more than was collected for a member.
    """
    p = _partner_or_fail(rules, partner)
    cashbook.require_money_account(conn, account)
    owed = owed_by_member(conn, partner, as_of=date)
    amounts: dict[int, int] = {}
    if member_amounts is None:
        amounts = {m: o for m, o in sorted(owed.items()) if o > 0}
        if not amounts:
            raise RuleViolation(N_("nothing collected for “{partner}” up to {date} is waiting to be remitted"),
                                rule="partners", partner=p.name, date=format_date(date))
    else:
        items = (member_amounts.items() if isinstance(member_amounts, Mapping)
                 else ((m, None) for m in member_amounts))
        for m, amount in items:
            members.get(conn, m)
            have = owed.get(m, 0)
            if amount is None:
                if have <= 0:
                    raise RuleViolation(N_("nothing collected from member {no} for “{partner}” is waiting to be "
                                           "remitted"), rule="partners", no=m, partner=p.name)
                want = have
            else:
                want = amount.satang
                if want <= 0:
                    raise InvalidInput(N_("the amount must be more than zero"), field=FIELD_LABELS["amount"])
            amounts[m] = amounts.get(m, 0) + want
            if amounts[m] > have:
                raise RuleViolation(N_("{amount} baht cannot be remitted to “{partner}” for member {no}: only "
                                       "{owed} baht was collected and not yet remitted"), rule="partners",
                                    amount=_b(amounts[m]), partner=p.name, no=m, owed=_b(have))
    total = sum(amounts.values())
    _money_check(conn, account, total)
    code = acc.partner_payable(partner)
    lines = [j.dr(code, Money(v), member_no=m) for m, v in sorted(amounts.items())]
    lines.append(j.cr(account, Money(total)))
    memo = normalize_text(note or "", max_len=200, field=FIELD_LABELS["note"]) or p.name
    return post(conn, date=date, kind=KIND_REMIT, lines=lines, memo=memo)


def bank_pays(conn: Connection, rules: Rules, *, partner: str, member_nos: Iterable[int] | Mapping[int, Money] | None,
              amount: Money | None, date: dt.date, note: str, post: PostFn) -> j.Posted:
    """The bank pays members' dues from its welfare fund: ``Dr fund:welfare``, ``Cr payable:<partner>``,
    per member. ``amount`` per member; by default the bank's part (``bank_pays_pct``) still unpaid for the
    period of ``date``; ``member_nos`` None = every active member enrolled on ``date``; a mapping
    ``{member_no: Money}`` gives each member's amount (``amount`` is then ignored)."""
    p = _partner_or_fail(rules, partner)
    _require_in_use(p)
    amounts = dict(member_nos) if isinstance(member_nos, Mapping) else {}
    for a in ([amount] if amount is not None else []) + list(amounts.values()):
        if a.satang <= 0:
            raise InvalidInput(N_("the amount must be more than zero"), field=FIELD_LABELS["amount"])
    spans: dict[int, list[Enrolment]] = defaultdict(list)
    for e in enrolments(conn, partner=partner):
        spans[e.member_no].append(e)
    explicit = member_nos is not None
    if member_nos is None:
        active = set(conn.execute(select(s.member.c.member_no).where(
            s.member.c.status.in_(members.ACTIVE_STATUSES))).scalars())
        candidates = sorted(m for m, es in spans.items() if m in active and any(e.active_on(date) for e in es))
    else:
        candidates = sorted(set(member_nos))
    pay: dict[int, int] = {}
    for m in candidates:
        each = amounts.get(m, amount)
        member = members.get(conn, m)
        if explicit:
            if member.status not in members.ACTIVE_STATUSES:
                raise RuleViolation(N_("member {no} is not an active member ({status})"), rule="status", no=m,
                                    status=lazy(members.STATUS_LABELS[member.status]))
            if not any(e.active_on(date) for e in spans.get(m, [])):
                raise RuleViolation(N_("member {no} is not enrolled in “{partner}” on {date}; enrol the member "
                                       "first"), rule="partner_enrolment", no=m, partner=p.name,
                                    date=format_date(date))
        st = period_dues(conn, p, m, date, spans.get(m, []))
        want = st.bank_due if each is None else each.satang
        if each is not None and p.amount and want > st.room:
            raise RuleViolation(
                N_("member {no} can have at most {room} baht more paid to “{partner}” for {start} – {end} (the "
                   "year's dues are {dues} baht; {paid} baht is already paid); {amount} baht is too much"),
                rule="partners", no=m, room=_b(st.room), partner=p.name, start=format_date(st.start),
                end=format_date(st.end), dues=_b(st.full * st.n), paid=_b(st.collected + st.bank_paid),
                amount=_b(want))
        if want <= 0 and explicit:
            raise RuleViolation(N_("the bank's part of the dues to “{partner}” for member {no} is {pct}% and "
                                   "nothing of it is left to pay for {start} – {end}; give an amount"),
                                rule="partners", partner=p.name, no=m, pct=str(p.bank_pays_pct.normalize()),
                                start=format_date(st.start), end=format_date(st.end))
        if want > 0:
            pay[m] = want
    if not pay:
        raise RuleViolation(N_("the bank has nothing to pay to “{partner}” on {date}: its part of the dues is "
                               "{pct}% and no enrolled member has any of it left to pay"), rule="partners",
                            partner=p.name, date=format_date(date), pct=str(p.bank_pays_pct.normalize()))
    total = sum(pay.values())
    fund = -int(conn.execute(select(func.coalesce(func.sum(s.posting.c.amount), 0))
                             .where(s.posting.c.account == acc.WELFARE_FUND)).scalar() or 0)
    if total > fund:
        raise RuleViolation(N_("the welfare fund holds only {held} baht; the bank cannot pay {amount} baht of "
                               "dues to “{partner}” from it"), rule="welfare_fund", held=_b(fund),
                            amount=_b(total), partner=p.name)
    code = acc.partner_payable(partner)
    lines: list[j.Line] = []
    for m, v in sorted(pay.items()):
        lines += [j.dr(acc.WELFARE_FUND, Money(v), member_no=m), j.cr(code, Money(v), member_no=m)]
    memo = normalize_text(note or "", max_len=200, field=FIELD_LABELS["note"]) or p.name
    return post(conn, date=date, kind=KIND_BANK_PAYS, lines=lines, memo=memo)


# --- queries ----------------------------------------------------------------------------------------
def statement(conn: Connection, rules: Rules, key: str, as_of: dt.date) -> PartnerStatement:
    p = _partner_or_fail(rules, key)
    code = acc.partner_payable(key)
    sums = {m: v for (m, _a), v in _sums(conn, [code], end=as_of).items() if m is not None}
    spans: dict[int, list[Enrolment]] = defaultdict(list)
    for e in enrolments(conn, partner=key):
        if e.since <= as_of:
            spans[e.member_no].append(e)
    nos = sorted(set(sums) | set(spans))
    info = {r.member_no: r for r in conn.execute(select(
        s.member.c.member_no, s.member.c.title, s.member.c.first_name, s.member.c.last_name, s.member.c.citizen_id,
        s.member.c.status).where(s.member.c.member_no.in_(nos)))} if nos else {}
    rows = []
    for m in nos:
        r = info.get(m)
        c, b, rem = sums.get(m, (0, 0, 0))
        es = spans.get(m, [])
        last = es[-1] if es else None
        name = f"{r.title}{r.first_name} {r.last_name}".strip() if r else ""
        rows.append(PartnerMemberRow(
            m, name, r.citizen_id if r else None, r.status if r else "", any(e.active_on(as_of) for e in es),
            last.since if last else None, last.until if last else None, Money(c), Money(b), Money(rem),
            Money(c + b - rem)))
    return PartnerStatement(key, p.name, as_of, tuple(rows))


def deadlines(conn: Connection, rules: Rules, as_of: dt.date, within_days: int) -> list[PartnerDeadline]:
    """Remittances due within ``within_days`` of ``as_of``, or overdue (money collected before the last
    deadline and still not forwarded), for every partner that is owed money."""
    out = []
    for p in rules.partners:
        code = acc.partner_payable(p.key)
        sums = _sums(conn, [code], end=as_of)
        owed = sum(c + b - r for c, b, r in sums.values())
        if owed <= 0:
            continue
        nxt = remit_date(p, as_of.year)
        if nxt < as_of:
            nxt = remit_date(p, as_of.year + 1)
        prev = remit_date(p, nxt.year - 1)
        before = _sums(conn, [code], end=prev)
        remitted_since = sum(r for _c, _b, r in sums.values()) - sum(r for _c, _b, r in before.values())
        late = sum(c + b - r for c, b, r in before.values()) - remitted_since
        if late > 0:
            out.append(PartnerDeadline(p.key, p.name, prev, Money(owed), (prev - as_of).days, True))
        elif (nxt - as_of).days <= within_days:
            out.append(PartnerDeadline(p.key, p.name, nxt, Money(owed), (nxt - as_of).days, False))
    return sorted(out, key=lambda d: (d.deadline, d.partner))


def book_problems(conn: Connection) -> list[j.Problem]:
    """Partner payables name their member, and no member's payable was remitted beyond what was collected."""
    out: list[j.Problem] = []
    own = (acc.PAYOUTS_PAYABLE, acc.FORMER_MEMBERS)
    for seq, account in conn.execute(
            select(s.posting.c.entry_seq, s.posting.c.account).where(
                s.posting.c.account.like("payable:%"), s.posting.c.account.not_in(own),
                s.posting.c.member_no.is_(None)).limit(50)):
        out.append(j.Problem(seq, "no_member", N_("entry {seq} moves {account} without naming the member"),
                             (("account", account), ("seq", seq))))
    for member_no, account, _bal in conn.execute(
            select(s.posting.c.member_no, s.posting.c.account, func.sum(s.posting.c.amount))
            .where(s.posting.c.account.like("payable:%"), s.posting.c.account.not_in(own),
                   s.posting.c.member_no.is_not(None))
            .group_by(s.posting.c.member_no, s.posting.c.account).having(func.sum(s.posting.c.amount) > 0)):
        out.append(j.Problem(None, "negative_balance", N_("member {member} has a negative balance on {account}"),
                             (("account", account), ("member", member_no))))
    return out


# --- the Book mixin ---------------------------------------------------------------------------------
class PartnerCommands(_Base):
    """Partner funds on the Book facade; also the two meeting-day hooks of ``MeetingCommands``."""

    def _partner_dues_hook(self):
        return dues_at

    def _partner_check_hook(self):
        return check_payment

    def _book_checks(self, conn: Connection) -> list[j.Problem]:
        return [*super()._book_checks(conn), *book_problems(conn)]

    def enrol_partner(self, member_no: int, partner: str, since: dt.date | None = None,
                      note: str = "") -> Enrolment:
        """Enrol a member (active, with a citizen ID) in a partner fund from ``since`` (default today)."""
        with self._write() as conn:
            return enrol(conn, self.rules, member_no, partner, since or self.clock.today(), note=note,
                         now=self._now())

    def end_partner_enrolment(self, member_no: int, partner: str, until: dt.date | None = None) -> Enrolment:
        """The member leaves the partner fund: not enrolled from ``until`` (default today) on."""
        with self._write() as conn:
            return end_enrolment(conn, self.rules, member_no, partner, until or self.clock.today(), now=self._now())

    def partner_enrolments(self, partner: str | None = None, member_no: int | None = None,
                           as_of: dt.date | None = None) -> list[Enrolment]:
        """Enrolments (all spans; only those active on ``as_of`` when it is given)."""
        with self._read() as conn:
            found = enrolments(conn, partner=partner, member_nos=None if member_no is None else [member_no])
        return [e for e in found if as_of is None or e.active_on(as_of)]

    def partner_dues(self, member_no: int, partner: str, date: dt.date | None = None) -> PeriodDues:
        """A member's dues to a partner in the contribution year of ``date`` (member's and bank's parts)."""
        with self._read() as conn:
            members.get(conn, member_no)
            return period_dues(conn, _partner_or_fail(self.rules, partner), member_no, date or self.clock.today())

    def remit_partner(self, partner: str, date: dt.date | None = None, account: str = acc.CASH,
                      members: Iterable[int] | Mapping[int, Money] | None = None, note: str = "") -> int:
        """Forward what was collected for ``partner`` (every member's, or ``members``') from cash or a bank
        account; returns the entry number. Refused for more than was collected."""
        with self._write() as conn:
            return remit(conn, self.rules, partner=partner, date=date or self.clock.today(), account=account,
                         member_amounts=members, note=note, post=self._post).seq

    def partner_paid_by_bank(self, partner: str, members: int | Iterable[int] | Mapping[int, Money] | None = None,
                             amount: Money | None = None, date: dt.date | None = None, note: str = "") -> int:
        """The bank pays members' dues from the welfare fund (table 2.4); returns the entry number.
        ``members`` may map each member to the amount paid for them."""
        if isinstance(members, int):
            members = [members]
        with self._write() as conn:
            return bank_pays(conn, self.rules, partner=partner, member_nos=members, amount=amount,
                             date=date or self.clock.today(), note=note, post=self._post).seq

    def partner_statement(self, partner: str, as_of: dt.date | None = None) -> PartnerStatement:
        """Who is enrolled; collected, paid by the bank, remitted and owed per member, with citizen IDs."""
        with self._read() as conn:
            return statement(conn, self.rules, partner, as_of or self.clock.today())

    def partner_deadlines(self, as_of: dt.date | None = None, within_days: int = 30) -> list[PartnerDeadline]:
        """Remittances due soon or overdue (partner, deadline, amount owed) for the overview screen."""
        with self._read() as conn:
            return deadlines(conn, self.rules, as_of or self.clock.today(), within_days)
