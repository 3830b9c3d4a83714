"""Loans with guarantors (บัญชีเงินกู้): apply → approve → disburse, the schedule, repayments, overdue.

The loan row holds the application and decision; the money (principal outstanding, interest paid) is
always read from the journal: ``loans`` postings and ``income:interest`` postings carry ``loan_no``.

Interest (declining balance, the default): installment *k* belongs to the *k*-th calendar month after
the disbursement month and falls due at that month's meeting. The interest of period *k* is the
monthly rate on the principal still owed after the payments made up to the month before period *k*'s
due month (so a late payment costs interest on the larger balance). Principal is repaid in equal
installments rounded down to the rule's unit (whole baht); the last takes the rest. Payments go to
interest due first, then principal. A loan repaid within its first month pays one month's interest.
Flat rate: every period's interest is the monthly rate on the original principal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Connection, func, select

from villagebank.i18n import N_, lazy
from villagebank.ledger import accounts as acc
from villagebank.ledger import dto, members
from villagebank.ledger import journal as j
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, NotFound, RuleViolation
from villagebank.ledger.money import ZERO, Money
from villagebank.ledger.periods import add_months, months_between
from villagebank.ledger.rules import Rules
from villagebank.ledger.shares import PostFn, share_balance
from villagebank.thai import format_amount, format_date, normalize_text

STATUS_LABELS = {
    "applied": N_("applied"),
    "approved": N_("approved"),
    "rejected": N_("rejected"),
    "cancelled": N_("cancelled"),
    "disbursed": N_("being repaid"),
    "closed": N_("repaid"),
}
PURPOSES = {
    "occupation": N_("occupation"),
    "consumer": N_("consumer goods"),
    "debt": N_("paying off other debts"),
    "education": N_("education"),
    "health": N_("health care"),
    "other": N_("other"),
}
FIELD_LABELS = {
    "principal": N_("Loan amount"),
    "term_months": N_("Number of installments"),
    "rate_pct": N_("Interest per month (%)"),
    "purpose": N_("Purpose"),
    "guarantors": N_("Guarantors"),
    "amount": N_("Amount"),
}


def _b(m: Money | int) -> str:
    return format_amount(m.satang if isinstance(m, Money) else m)


def interest_for(base: int, rate_pct: Decimal, unit: int = 1) -> int:
    """One month's interest in satang, rounded half up to a multiple of ``unit`` satang."""
    units = (Decimal(base) * rate_pct / 100 / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(units) * unit


@dataclass(frozen=True)
class Installment:
    number: int
    due_date: dt.date
    principal: Money
    interest: Money  # expected if every earlier installment is paid on time
    balance_after: Money

    @property
    def total(self) -> Money:
        return self.principal + self.interest


def installment_principals(principal: int, term: int, unit: int) -> list[int]:
    each = (principal // term) // unit * unit
    return [each] * (term - 1) + [principal - each * (term - 1)]


def due_date(disbursed: dt.date, k: int, meeting_day: int, meeting_dates: dict[tuple[int, int], dt.date]) -> dt.date:
    """Installment ``k``'s due date: the meeting of the ``k``-th month after the payout month (or its
    ``meeting_day``, at most the 28th, when that month has no meeting)."""
    year, month = divmod(disbursed.year * 12 + disbursed.month - 1 + k, 12)
    return meeting_dates.get((year, month + 1)) or dt.date(year, month + 1, min(meeting_day, 28))


def schedule(principal: Money, term: int, rate_pct: Decimal, method: str, disbursed: dt.date, rules: Rules,
             meeting_dates: dict[tuple[int, int], dt.date] | None = None) -> list[Installment]:
    """The repayment plan shown before approval and printed with the contract."""
    meeting_dates = meeting_dates or {}
    parts = installment_principals(principal.satang, term, rules.installment_rounding)
    balance = principal.satang
    out = []
    for k, p in enumerate(parts, start=1):
        base = principal.satang if method == "flat" else balance
        interest = interest_for(base, rate_pct, rules.interest_rounding)
        balance -= p
        out.append(Installment(k, due_date(disbursed, k, rules.meeting_day, meeting_dates), Money(p), Money(interest),
                               Money(balance)))
    return out


@dataclass(frozen=True)
class Payment:
    date: dt.date
    principal: int
    interest: int


@dataclass(frozen=True)
class LoanState:
    """A loan as of a date, computed from the loan row and its postings."""

    loan_no: int
    member_no: int
    borrower: str
    status: str  # applied | approved | rejected | cancelled | disbursed | closed
    principal: Money
    term_months: int
    rate_pct: Decimal
    method: str
    purpose: str
    applied_date: dt.date
    disbursed_date: dt.date | None
    guarantors: tuple[int, ...]
    balance: Money = ZERO
    principal_paid: Money = ZERO
    interest_paid: Money = ZERO
    interest_due: Money = ZERO  # as of the date, including the current period
    principal_due: Money = ZERO  # installments due by the date (arrears included), unpaid
    overdue_principal: Money = ZERO
    overdue_interest: Money = ZERO
    overdue_installments: int = 0
    oldest_overdue: dt.date | None = None
    next_due_date: dt.date | None = None
    next_installment: Money = ZERO
    payments: tuple[Payment, ...] = field(default=(), repr=False)

    @property
    def is_open(self) -> bool:
        return self.status in ("approved", "disbursed")

    @property
    def overdue(self) -> Money:
        return self.overdue_principal + self.overdue_interest

    @property
    def due_now(self) -> Money:
        return self.principal_due + self.interest_due

    def months_overdue(self, as_of: dt.date) -> int:
        if self.oldest_overdue is None:
            return 0
        return max(1, months_between(self.oldest_overdue, as_of))


def compute_state(row, guarantors: tuple[int, ...], borrower: str, payments: list[Payment], as_of: dt.date,
                  rules: Rules, meeting_dates: dict[tuple[int, int], dt.date]) -> LoanState:
    rate = Decimal(row.rate_pct)
    base = dict(loan_no=row.loan_no, member_no=row.member_no, borrower=borrower, principal=Money(row.principal),
                term_months=row.term_months, rate_pct=rate, method=row.method, purpose=row.purpose,
                applied_date=row.applied_date, disbursed_date=row.disbursed_date, guarantors=guarantors)
    if row.status != "disbursed" or row.disbursed_date is None or row.disbursed_date > as_of:
        status = row.status
        if row.disbursed_date is not None and row.disbursed_date > as_of:  # as it stood before the payout
            status = "approved" if row.decided_date is not None and row.decided_date <= as_of else "applied"
        elif status in ("approved", "rejected", "cancelled") and (row.decided_date is None or row.decided_date > as_of):
            status = "applied"
        return LoanState(status=status, **base)
    disb = row.disbursed_date
    pays = sorted((p for p in payments if p.date <= as_of), key=lambda p: p.date)
    principal_paid = sum(p.principal for p in pays)
    interest_paid = sum(p.interest for p in pays)
    balance = row.principal - principal_paid
    m0 = disb.year * 12 + disb.month - 1
    paid_by_month: dict[int, int] = defaultdict(int)
    for p in pays:
        paid_by_month[p.date.year * 12 + p.date.month - 1] += p.principal
    months_paid = sorted(paid_by_month.items())
    through = {"next": 0, "sum": 0}  # principal paid up to a month, for months asked in increasing order

    def paid_through(month_index: int) -> int:
        i, total = through["next"], through["sum"]
        while i < len(months_paid) and months_paid[i][0] <= month_index:
            total += months_paid[i][1]
            i += 1
        through["next"], through["sum"] = i, total
        return total

    parts = installment_principals(row.principal, row.term_months, rules.installment_rounding)
    periods = months_between(disb, as_of)
    if as_of > disb:
        periods = max(1, periods)
    interest_accrued = 0
    interest_sched: list[int] = []
    k = 1
    while True:
        start_month = m0 + k - 1
        if k > periods and k > len(parts):
            break
        owed = row.principal - paid_through(start_month) if k > 1 else row.principal
        if owed <= 0:
            break
        amount = interest_for(row.principal if row.method == "flat" else owed, rate, rules.interest_rounding)
        interest_sched.append(amount)
        if k <= periods:
            interest_accrued += amount
        k += 1
        if k > 600:  # 50 years: a guard against runaway loops on corrupt data
            break
    interest_due = max(0, interest_accrued - interest_paid)
    count = max(len(parts), periods)
    if balance <= 0:
        # Repaid: due dates after the last installment and the last interest period change nothing (no principal
        # falls due there and none is owed), and a loan repaid years ago would otherwise compute one per month since.
        count = min(count, max(len(parts), len(interest_sched)))
    dues = [due_date(disb, i, rules.meeting_day, meeting_dates) for i in range(1, count + 1)]
    cumulative = 0
    principal_due_sched = 0
    overdue_sched = 0
    overdue_count = 0
    oldest = None
    next_due = None
    next_amount = 0
    for i, d in enumerate(dues, start=1):
        part = parts[i - 1] if i <= len(parts) else 0
        cumulative += part
        if d <= as_of:
            principal_due_sched = cumulative
        if d < as_of:
            overdue_sched = cumulative
            if cumulative > principal_paid and part > 0:
                overdue_count += 1
                oldest = oldest or d
        if next_due is None and cumulative > principal_paid and d >= as_of:
            next_due = d
            next_amount = min(cumulative - principal_paid, balance)
    overdue_interest_sched = sum(interest_sched[: sum(1 for d in dues[: len(interest_sched)] if d < as_of)])
    overdue_interest = max(0, overdue_interest_sched - interest_paid)
    overdue_principal = min(max(0, overdue_sched - principal_paid), balance)
    if overdue_interest and oldest is None:
        oldest = next((d for d in dues if d < as_of), None)
        overdue_count = overdue_count or 1
    status = "closed" if balance <= 0 and interest_due == 0 else "disbursed"
    if next_due is not None:
        idx = dues.index(next_due)
        next_interest = interest_sched[idx] if idx < len(interest_sched) else 0
        next_installment = Money(next_amount + next_interest)
    else:
        next_installment = Money(0)
    return LoanState(
        status=status, balance=Money(balance), principal_paid=Money(principal_paid),
        interest_paid=Money(interest_paid), interest_due=Money(interest_due),
        principal_due=Money(min(max(0, principal_due_sched - principal_paid), balance)),
        overdue_principal=Money(overdue_principal), overdue_interest=Money(overdue_interest),
        overdue_installments=overdue_count, oldest_overdue=oldest,
        next_due_date=next_due if status != "closed" else None, next_installment=next_installment,
        payments=tuple(pays), **base)


# --- loading ------------------------------------------------------------------------------------
def meeting_dates(conn: Connection) -> dict[tuple[int, int], dt.date]:
    out: dict[tuple[int, int], dt.date] = {}
    for d in conn.execute(select(s.meeting.c.date).order_by(s.meeting.c.date)).scalars():
        out.setdefault((d.year, d.month), d)
    return out


def _payments(conn: Connection, loan_nos: list[int] | None) -> dict[int, list[Payment]]:
    """Each loan's repayments (principal, interest) per date: one grouped query; rows read without per-row
    conversion (a network-scale book has about a million repayment postings)."""
    where = ""
    account = "p.account"
    params: tuple = (acc.LOANS, acc.INTEREST_INCOME, acc.LOANS, acc.INTEREST_INCOME)
    if loan_nos is not None:
        if not loan_nos:
            return {}
        where = f" AND p.loan_no IN ({', '.join('?' * len(loan_nos))})"
        params += tuple(loan_nos)
        # "+": the loans' own postings through the loan index; from a few loan numbers up SQLite otherwise
        # prefers the account index and reads every repayment of the book (2 s instead of 1 ms at 3 M postings)
        account = "+p.account"
    rows = conn.exec_driver_sql(
        "SELECT p.loan_no, p.date, -SUM(CASE WHEN p.account = ? THEN p.amount ELSE 0 END), "
        "-SUM(CASE WHEN p.account = ? THEN p.amount ELSE 0 END) "
        "FROM posting p JOIN entry e ON e.seq = p.entry_seq "
        f"WHERE p.loan_no IS NOT NULL AND {account} IN (?, ?) AND e.kind != 'loan_disburse'" + where +
        " GROUP BY p.loan_no, p.date", params).fetchall()
    out: dict[int, list[Payment]] = defaultdict(list)
    day = dt.date.fromisoformat
    for loan_no, date, principal, interest in rows:
        out[loan_no].append(Payment(day(date), int(principal), int(interest)))
    return out


def load_states(conn: Connection, rules: Rules, as_of: dt.date, *, loan_nos: list[int] | None = None,
                member_no: int | None = None, statuses: tuple[str, ...] | None = None) -> list[LoanState]:
    q = select(s.loan).where(s.loan.c.applied_date <= as_of).order_by(s.loan.c.loan_no)
    if loan_nos is not None:
        q = q.where(s.loan.c.loan_no.in_(loan_nos))
    if member_no is not None:
        q = q.where(s.loan.c.member_no == member_no)
    rows = conn.execute(q).all()
    if not rows:
        return []
    nos = [r.loan_no for r in rows]
    guars: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for g in conn.execute(select(s.loan_guarantor).where(s.loan_guarantor.c.loan_no.in_(nos))
                          if len(nos) < 900 else select(s.loan_guarantor)):
        guars[g.loan_no].append((g.position, g.member_no))
    borrowers = sorted({r.member_no for r in rows})
    names_q = select(s.member.c.member_no, s.member.c.title, s.member.c.first_name, s.member.c.last_name)
    if len(borrowers) < 900:  # one loan (a payment) must not read every member's name
        names_q = names_q.where(s.member.c.member_no.in_(borrowers))
    names = {m.member_no: f"{m.title}{m.first_name} {m.last_name}".strip() for m in conn.execute(names_q)}
    pays = _payments(conn, nos if len(nos) < 900 else None)
    mdates = meeting_dates(conn)
    out = []
    for r in rows:
        state = compute_state(r, tuple(no for _, no in sorted(guars.get(r.loan_no, []))), names.get(r.member_no, ""),
                              pays.get(r.loan_no, []), as_of, rules, mdates)
        if statuses is None or state.status in statuses:
            out.append(state)
    return out


def get_state(conn: Connection, rules: Rules, loan_no: int, as_of: dt.date) -> LoanState:
    found = load_states(conn, rules, as_of, loan_nos=[loan_no])
    if not found:
        raise NotFound(N_("there is no loan number {no}"), no=loan_no)
    return found[0]


# --- eligibility ----------------------------------------------------------------------------------
def cash_held(conn: Connection, as_of: dt.date | None = None) -> Money:
    """Cash on hand plus the group's bank accounts (``bank:<key>``: the codes between ``bank:`` and
    ``bank;``, so that each sum is read from the account index)."""
    total = 0
    for cond in (s.posting.c.account == acc.CASH, (s.posting.c.account >= "bank:") & (s.posting.c.account < "bank;")):
        q = select(func.coalesce(func.sum(s.posting.c.amount), 0)).where(cond)
        if as_of is not None:
            q = q.where(s.posting.c.date <= as_of)
        total += int(conn.execute(q).scalar() or 0)
    return Money(total)


def open_guarantees(conn: Connection, rules: Rules, member_no: int, as_of: dt.date,
                    exclude_loan: int | None = None) -> list[LoanState]:
    nos = list(conn.execute(select(s.loan_guarantor.c.loan_no).where(
        s.loan_guarantor.c.member_no == member_no)).scalars())
    if exclude_loan is not None:
        nos = [n for n in nos if n != exclude_loan]
    if not nos:
        return []
    return [st for st in load_states(conn, rules, as_of, loan_nos=nos) if st.is_open]


def borrower_problems(conn: Connection, rules: Rules, member: dto.Member, as_of: dt.date,
                      exclude_loan: int | None = None) -> list[RuleViolation]:
    """Why this member may not borrow now (empty when eligible)."""
    out: list[RuleViolation] = []
    if member.status == "suspended":
        until = format_date(member.suspended_until) if member.suspended_until else "-"
        out.append(RuleViolation(N_("member {no} may not borrow until {until}: loans are suspended after missed "
                                    "savings"), rule="suspend_after_misses", no=member.member_no, until=until))
    elif member.status != "active":
        out.append(RuleViolation(N_("member {no} is not an active member ({status})"), rule="status",
                                 no=member.member_no, status=lazy(members.STATUS_LABELS[member.status])))
    months = months_between(member.join_date, as_of)
    if months < rules.loan_wait_months:
        first = add_months(member.join_date, rules.loan_wait_months)
        out.append(RuleViolation(N_("member {no} has been a member for {months} month(s); a first loan needs "
                                    "{wait} months of saving (from {first})"), rule="loan_wait_months",
                                 no=member.member_no, months=months, wait=rules.loan_wait_months,
                                 first=format_date(first.replace(day=1))))
    if rules.borrower_must_not_be_overdue:
        for st in load_states(conn, rules, as_of, member_no=member.member_no, statuses=("disbursed",)):
            if st.loan_no != exclude_loan and st.overdue.satang > 0:
                out.append(RuleViolation(N_("member {no} has loan {loan} overdue by {amount} baht"),
                                         rule="borrower_must_not_be_overdue", no=member.member_no, loan=st.loan_no,
                                         amount=_b(st.overdue)))
    return out


def guarantor_problems(conn: Connection, rules: Rules, borrower: int, guarantors: list[int], principal: Money,
                       as_of: dt.date, exclude_loan: int | None = None) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    if len(guarantors) != rules.guarantors_required:
        out.append(RuleViolation(N_("a loan needs {required} guarantors ({given} given)"),
                                 rule="guarantors_required", field=FIELD_LABELS["guarantors"],
                                 required=rules.guarantors_required, given=len(guarantors)))
    if len(set(guarantors)) != len(guarantors):
        out.append(RuleViolation(N_("the same member is named twice as guarantor"), rule="guarantors_required",
                                 field=FIELD_LABELS["guarantors"]))
    for g in dict.fromkeys(guarantors):
        if g == borrower:
            out.append(RuleViolation(N_("member {no} cannot guarantee their own loan"), rule="guarantors_required",
                                     field=FIELD_LABELS["guarantors"], no=g))
            continue
        try:
            gm = members.get(conn, g)
        except NotFound:
            out.append(RuleViolation(N_("there is no member number {no}"), rule="guarantors_required",
                                     field=FIELD_LABELS["guarantors"], no=g))
            continue
        if gm.status != "active":
            out.append(RuleViolation(N_("guarantor {no} is not an active member ({status})"),
                                     rule="guarantors_required", no=g,
                                     status=lazy(members.STATUS_LABELS[gm.status])))
        current = open_guarantees(conn, rules, g, as_of, exclude_loan)
        if len(current) >= rules.max_guaranteed_loans:
            out.append(RuleViolation(N_("member {no} already guarantees {count} open loans (the limit is {max})"),
                                     rule="max_guaranteed_loans", no=g, count=len(current),
                                     max=rules.max_guaranteed_loans))
        if rules.guarantee_limit_pct_of_shares is not None:
            shares = share_balance(conn, g, as_of)
            limit = int((Decimal(shares.satang) * rules.guarantee_limit_pct_of_shares / 100).to_integral_value())
            exposure = sum(st.balance.satang if st.status == "disbursed" else st.principal.satang for st in current)
            if exposure + principal.satang > limit:
                out.append(RuleViolation(
                    N_("member {no} would guarantee {total} baht, more than {pct} percent of their {shares} baht "
                       "of shares ({limit} baht)"), rule="guarantee_limit_pct_of_shares", no=g,
                    total=_b(exposure + principal.satang), pct=str(rules.guarantee_limit_pct_of_shares.normalize()),
                    shares=_b(shares), limit=_b(limit)))
        if rules.no_mutual_guarantee:
            mutual = conn.execute(
                select(s.loan.c.loan_no).select_from(s.loan.join(s.loan_guarantor,
                                                                 s.loan_guarantor.c.loan_no == s.loan.c.loan_no))
                .where(s.loan.c.member_no == g, s.loan_guarantor.c.member_no == borrower,
                       s.loan.c.status.in_(("approved", "disbursed")))).scalars().all()
            open_mutual = [st.loan_no for st in load_states(conn, rules, as_of, loan_nos=list(mutual)) if st.is_open] \
                if mutual else []
            if open_mutual:
                out.append(RuleViolation(N_("member {no} cannot guarantee member {borrower}: member {borrower} "
                                            "guarantees loan {loan} of member {no} (no mutual guarantees)"),
                                         rule="no_mutual_guarantee", no=g, borrower=borrower, loan=open_mutual[0]))
    return out


def terms_problems(rules: Rules, principal: Money, term: int, rate: Decimal) -> list[InvalidInput]:
    out: list[InvalidInput] = []
    if principal.satang <= 0:
        out.append(InvalidInput(N_("the amount must be more than zero"), field=FIELD_LABELS["principal"]))
    if rules.max_loan_amount is not None and principal.satang > rules.max_loan_amount:
        out.append(RuleViolation(N_("{amount} baht is more than the largest loan of {max} baht"),
                                 rule="max_loan_amount", field=FIELD_LABELS["principal"], amount=_b(principal),
                                 max=_b(rules.max_loan_amount)))
    if term < 1:
        out.append(InvalidInput(N_("must be at least {min}"), field=FIELD_LABELS["term_months"], min=1))
    if rules.max_loan_term_months is not None and term > rules.max_loan_term_months:
        out.append(RuleViolation(N_("{term} installments is more than the longest term of {max} months"),
                                 rule="max_loan_term_months", field=FIELD_LABELS["term_months"], term=term,
                                 max=rules.max_loan_term_months))
    if term >= 1 and principal.satang > 0 and principal.satang // term < rules.installment_rounding:
        out.append(InvalidInput(N_("the loan is too small for {term} installments"), field=FIELD_LABELS["term_months"],
                                term=term))
    if not Decimal("0") <= rate <= Decimal("5"):
        out.append(InvalidInput(N_("must be between {min} and {max}"), field=FIELD_LABELS["rate_pct"], min="0",
                                max="5"))
    return out


def cash_problem(conn: Connection, principal: Money, as_of: dt.date, rules: Rules) -> RuleViolation | None:
    if not rules.loan_limited_to_cash:
        return None
    held = cash_held(conn, as_of)
    if principal > held:
        return RuleViolation(N_("the bank holds {held} baht in cash and bank accounts; a loan of {amount} baht is "
                                "more than that"), rule="loan_limited_to_cash", held=_b(held), amount=_b(principal))
    return None


# --- commands (connection level) --------------------------------------------------------------------
def next_loan_no(conn: Connection) -> int:
    return (conn.execute(select(func.max(s.loan.c.loan_no))).scalar() or 0) + 1


def apply(conn: Connection, rules: Rules, *, member_no: int, principal: Money, term: int, guarantors: list[int],
          date: dt.date, purpose: str = "", rate: Decimal | None = None, method: str | None = None,
          loan_no: int | None = None, now: str) -> int:
    member = members.get(conn, member_no)
    rate = rules.loan_rate_monthly_pct if rate is None else rate
    method = method or rules.loan_method
    if method not in ("declining", "flat"):
        raise InvalidInput(N_("must be one of: {allowed}"), field=N_("Loan repayment method"), allowed="declining, flat")
    purpose = normalize_text(purpose or "", max_len=200, field=FIELD_LABELS["purpose"])
    problems: list[Exception] = [*terms_problems(rules, principal, term, rate)]
    problems += borrower_problems(conn, rules, member, date)
    problems += guarantor_problems(conn, rules, member_no, guarantors, principal, date)
    cash = cash_problem(conn, principal, date, rules)
    if cash:
        problems.append(cash)
    if problems:
        raise LoanRefused(problems)
    if loan_no is None:
        loan_no = next_loan_no(conn)
    elif conn.execute(select(s.loan.c.loan_no).where(s.loan.c.loan_no == loan_no)).first():
        raise InvalidInput(N_("loan number {no} is already used"), no=loan_no)
    conn.execute(s.loan.insert().values(
        loan_no=loan_no, member_no=member_no, applied_date=date, purpose=purpose, principal=principal.satang,
        term_months=term, rate_pct=str(rate), method=method, status="applied", created_at=now))
    conn.execute(s.loan_guarantor.insert(), [
        {"loan_no": loan_no, "position": i, "member_no": g} for i, g in enumerate(guarantors, start=1)])
    return loan_no


class LoanRefused(RuleViolation):
    """One or more rules refuse a loan; ``problems`` lists every one (the message shows them all)."""

    def __init__(self, problems: list[Exception]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(getattr(first, "template", str(first)), rule=getattr(first, "rule", None),
                         field=getattr(first, "field", None), **getattr(first, "params", {}))

    def message(self) -> str:
        return "; ".join(str(p) for p in self.problems)


def _loan_row(conn: Connection, loan_no: int):
    row = conn.execute(select(s.loan).where(s.loan.c.loan_no == loan_no)).first()
    if row is None:
        raise NotFound(N_("there is no loan number {no}"), no=loan_no)
    return row


def decide(conn: Connection, rules: Rules, loan_no: int, *, approve: bool, date: dt.date, by: str,
           note: str = "") -> None:
    row = _loan_row(conn, loan_no)
    if row.status != "applied":
        raise InvalidInput(N_("loan {no} is {status}; only an application can be approved or rejected"), no=loan_no,
                           status=lazy(STATUS_LABELS[row.status]))
    if date < row.applied_date:
        raise InvalidInput(N_("the decision date is before the application ({date})"),
                           date=format_date(row.applied_date))
    if approve:
        member = members.get(conn, row.member_no)
        guarantors = [g for g in conn.execute(select(s.loan_guarantor.c.member_no).where(
            s.loan_guarantor.c.loan_no == loan_no).order_by(s.loan_guarantor.c.position)).scalars()]
        problems: list[Exception] = [*borrower_problems(conn, rules, member, date, exclude_loan=loan_no)]
        problems += guarantor_problems(conn, rules, row.member_no, guarantors, Money(row.principal), date,
                                       exclude_loan=loan_no)
        cash = cash_problem(conn, Money(row.principal), date, rules)
        if cash:
            problems.append(cash)
        if problems:
            raise LoanRefused(problems)
    elif not note.strip():
        raise InvalidInput(N_("a rejection needs a reason"), field=N_("Reason"))
    conn.execute(s.loan.update().where(s.loan.c.loan_no == loan_no).values(
        status="approved" if approve else "rejected", decided_date=date, decided_by=by,
        decision_note=normalize_text(note, max_len=300)))


def cancel(conn: Connection, loan_no: int, reason: str, *, date: dt.date, by: str) -> None:
    row = _loan_row(conn, loan_no)
    if row.status not in ("applied", "approved"):
        raise InvalidInput(N_("loan {no} is {status} and cannot be cancelled"), no=loan_no,
                           status=lazy(STATUS_LABELS[row.status]))
    if not reason.strip():
        raise InvalidInput(N_("a cancellation needs a reason"), field=N_("Reason"))
    conn.execute(s.loan.update().where(s.loan.c.loan_no == loan_no).values(
        status="cancelled", decided_date=date, decided_by=by, decision_note=normalize_text(reason, max_len=300)))


def disburse(conn: Connection, rules: Rules, loan_no: int, *, date: dt.date, account: str, post: PostFn,
             meeting_id: int | None = None) -> int:
    row = _loan_row(conn, loan_no)
    if row.status != "approved":
        raise InvalidInput(N_("loan {no} is {status}; only an approved loan can be paid out"), no=loan_no,
                           status=lazy(STATUS_LABELS[row.status]))
    if date < (row.decided_date or row.applied_date):
        raise InvalidInput(N_("the payout date is before the approval ({date})"),
                           date=format_date(row.decided_date or row.applied_date))
    principal = Money(row.principal)
    held = Money(int(conn.execute(select(func.coalesce(func.sum(s.posting.c.amount), 0)).where(
        s.posting.c.account == account, s.posting.c.date <= date)).scalar() or 0))
    if principal > held:
        raise RuleViolation(N_("{account} holds {held} baht; the loan of {amount} baht cannot be paid out from it"),
                            rule="loan_limited_to_cash", account=lazy(_account_label(conn, account)), held=_b(held),
                            amount=_b(principal))
    posted = post(conn, date=date, kind="loan_disburse", member_no=row.member_no, loan_no=loan_no,
                  meeting_id=meeting_id,
                  lines=[j.dr(acc.LOANS, principal, member_no=row.member_no, loan_no=loan_no), j.cr(account, principal)])
    conn.execute(s.loan.update().where(s.loan.c.loan_no == loan_no).values(
        status="disbursed", disbursed_date=date, disburse_seq=posted.seq))
    return posted.seq


def _account_label(conn: Connection, code: str) -> str:
    return conn.execute(select(s.account.c.name).where(s.account.c.code == code)).scalar() or code


def split_payment(state: LoanState, amount: Money) -> tuple[Money, Money]:
    """(interest, principal) parts of a payment: interest due first, then principal."""
    if state.status not in ("disbursed",):
        raise InvalidInput(N_("loan {no} is {status}; nothing is owed on it"), no=state.loan_no,
                           status=lazy(STATUS_LABELS[state.status]))
    owed = state.interest_due + state.balance
    if amount > owed:
        raise RuleViolation(N_("{amount} baht is more than loan {no} owes ({owed} baht: {principal} principal and "
                               "{interest} interest)"), rule="overpayment", field=FIELD_LABELS["amount"],
                            amount=_b(amount), no=state.loan_no, owed=_b(owed), principal=_b(state.balance),
                            interest=_b(state.interest_due))
    interest = min(amount, state.interest_due)
    return interest, amount - interest


def check_split(state: LoanState, principal: Money, interest: Money, date: dt.date) -> None:
    """A repayment whose split into principal and interest is given (a paper record, a workbook row):
    the principal may not exceed the balance, nor the interest what is due on ``date``."""
    if state.status not in ("disbursed",):
        raise InvalidInput(N_("loan {no} is {status}; nothing is owed on it"), no=state.loan_no,
                           status=lazy(STATUS_LABELS[state.status]))
    if principal.satang < 0 or interest.satang < 0:
        raise InvalidInput(N_("the amount cannot be negative"), field=FIELD_LABELS["amount"])
    if principal.satang == 0 and interest.satang == 0:
        raise InvalidInput(N_("a repayment needs principal or interest of more than zero"),
                           field=FIELD_LABELS["amount"])
    if principal > state.balance:
        raise RuleViolation(N_("{principal} baht of principal is more than the {balance} baht loan {no} still owes"),
                            rule="overpayment", no=state.loan_no, principal=_b(principal), balance=_b(state.balance))
    if interest > state.interest_due:
        raise RuleViolation(N_("{interest} baht of interest is more than the {due} baht due on loan {no} on {date}"),
                            rule="interest_due", no=state.loan_no, interest=_b(interest), due=_b(state.interest_due),
                            date=format_date(date))


def repayment_lines(state: LoanState, interest: Money, principal: Money, account: str) -> list[j.Line]:
    lines = [j.dr(account, interest + principal)]
    if interest.satang:
        lines.append(j.cr(acc.INTEREST_INCOME, interest, member_no=state.member_no, loan_no=state.loan_no))
    if principal.satang:
        lines.append(j.cr(acc.LOANS, principal, member_no=state.member_no, loan_no=state.loan_no))
    return lines


def guarantor_exposure(conn: Connection, rules: Rules, as_of: dt.date) -> dict[int, list[LoanState]]:
    """For each member, the open loans they guarantee."""
    out: dict[int, list[LoanState]] = defaultdict(list)
    for st in load_states(conn, rules, as_of):
        if st.is_open:
            for g in st.guarantors:
                out[g].append(st)
    return dict(out)
