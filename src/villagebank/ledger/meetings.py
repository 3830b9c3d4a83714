"""The meeting day (วันทำการ): open a meeting, the collection sheet of what each member owes, one
payment per member per receipt (gap-free receipt numbers), and the close (cash count, missed savings,
the day's summary, and no back-dating into it afterwards).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from villagebank.i18n import N_, lazy
from villagebank.ledger import accounts as acc
from villagebank.ledger import cashbook, dto, loans, members, shares
from villagebank.ledger import journal as j
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, NotFound, RuleViolation
from villagebank.ledger.money import ZERO, Money
from villagebank.ledger.rules import Rules
from villagebank.ledger.shares import PostFn
from villagebank.thai import format_amount, format_date

FIRST_DAY = dt.date(1900, 1, 1)

PART_LABELS = {
    "shares": N_("Shares (savings)"),
    "entry_fee": N_("Entry fee"),
    "fine": N_("Fine"),
    "other": N_("Other fee"),
    "interest": N_("Loan interest"),
    "principal": N_("Loan principal"),
    "savings": N_("Savings"),
    "partner": N_("Partner fund"),
}


def _b(m: Money | int) -> str:
    return format_amount(m.satang if isinstance(m, Money) else m)


@dataclass(frozen=True)
class Parts:
    """What a member pays in one receipt. ``loans`` amounts are split into interest, then principal;
    ``repayments`` are (loan_no, principal, interest) with the split given (a paper or workbook record),
    checked against what the loan owes. ``other`` is a fee other than the entry fee or a fine."""

    shares: Money = ZERO
    entry_fee: Money = ZERO
    fine: Money = ZERO
    loans: tuple[tuple[int, Money], ...] = ()
    savings: tuple[tuple[str, Money], ...] = ()
    partners: tuple[tuple[str, Money], ...] = ()
    other: Money = ZERO
    repayments: tuple[tuple[int, Money, Money], ...] = ()

    @property
    def total(self) -> Money:
        return Money(self.shares.satang + self.entry_fee.satang + self.fine.satang + self.other.satang
                     + sum(a.satang for _, a in self.loans) + sum(a.satang for _, a in self.savings)
                     + sum(a.satang for _, a in self.partners)
                     + sum(p.satang + i.satang for _, p, i in self.repayments))


@dataclass(frozen=True)
class LoanDue:
    loan_no: int
    principal_due: Money
    interest_due: Money
    balance: Money
    overdue: Money

    @property
    def total(self) -> Money:
        return self.principal_due + self.interest_due


@dataclass(frozen=True)
class PartnerDue:
    partner: str
    name: str
    amount: Money


@dataclass(frozen=True)
class Dues:
    """What a member owes at a meeting (the collection sheet row)."""

    member_no: int
    name: str
    status: str
    shares: Money
    entry_fee: Money
    fine: Money
    loans: tuple[LoanDue, ...]
    partners: tuple[PartnerDue, ...] = ()
    paid: Money = ZERO  # already paid at this meeting
    receipts: tuple[int, ...] = ()
    is_new: bool = False

    @property
    def total(self) -> Money:
        return Money(self.shares.satang + self.entry_fee.satang + self.fine.satang
                     + sum(ld.total.satang for ld in self.loans) + sum(p.amount.satang for p in self.partners))

    @property
    def has_paid(self) -> bool:
        return bool(self.receipts)

    def as_parts(self) -> Parts:
        """Exactly what is due, as a payment (the typical member pays this)."""
        return Parts(shares=self.shares, entry_fee=self.entry_fee, fine=self.fine,
                     loans=tuple((ld.loan_no, ld.total) for ld in self.loans if ld.total.satang),
                     partners=tuple((p.partner, p.amount) for p in self.partners if p.amount.satang))


@dataclass(frozen=True)
class Meeting:
    id: int
    date: dt.date
    status: str
    opened_at: str
    closed_at: str | None
    summary: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Receipt:
    receipt_no: int
    entry_seq: int
    meeting_id: int | None
    member_no: int | None
    member_name: str
    date: dt.date
    items: tuple[tuple[str, Money], ...]  # (translated label, amount)
    total: Money
    printed: int
    voided_by: int | None = None


# --- meetings ---------------------------------------------------------------------------------------
def _meeting(row) -> Meeting:
    return Meeting(row.id, row.date, row.status, row.opened_at, row.closed_at,
                   json.loads(row.summary) if row.summary else {})


def get(conn: Connection, meeting_id: int) -> Meeting:
    row = conn.execute(select(s.meeting).where(s.meeting.c.id == meeting_id)).first()
    if row is None:
        raise NotFound(N_("there is no meeting number {id}"), id=meeting_id)
    return _meeting(row)


def open_meeting_row(conn: Connection) -> Meeting | None:
    row = conn.execute(select(s.meeting).where(s.meeting.c.status == "open")).first()
    return _meeting(row) if row else None


def listing(conn: Connection) -> list[Meeting]:
    return [_meeting(r) for r in conn.execute(select(s.meeting).order_by(s.meeting.c.date))]


def open_meeting(conn: Connection, date: dt.date, *, now: str) -> Meeting:
    current = open_meeting_row(conn)
    if current is not None:
        raise InvalidInput(N_("the meeting of {date} is still open; close it first"), date=format_date(current.date))
    if conn.execute(select(s.meeting.c.id).where(s.meeting.c.date == date)).first():
        raise InvalidInput(N_("the meeting of {date} was held and closed already; its receipts and summary are kept "
                              "(a correction is made in the cash book with a reason, not by opening the day again)"),
                           date=format_date(date))
    j.check_open(conn, date)
    last = conn.execute(select(func.max(s.meeting.c.date))).scalar()
    if last is not None and date < last:
        raise InvalidInput(N_("a meeting cannot be dated before the last meeting ({date})"), date=format_date(last))
    mid = conn.execute(s.meeting.insert().values(date=date, status="open", opened_at=now, summary="")
                       ).inserted_primary_key[0]
    return get(conn, mid)


def require_open(conn: Connection, meeting_id: int) -> Meeting:
    m = get(conn, meeting_id)
    if m.status != "open":
        raise InvalidInput(N_("the meeting of {date} is closed; nothing more can be recorded in it"),
                           date=format_date(m.date))
    return m


# --- dues -------------------------------------------------------------------------------------------
def _fee_paid(conn: Connection) -> set[int]:
    return set(conn.execute(select(s.posting.c.member_no).where(
        s.posting.c.account == acc.ENTRY_FEE_INCOME, s.posting.c.member_no.is_not(None))
        .group_by(s.posting.c.member_no).having(func.sum(s.posting.c.amount) < 0)).scalars())


def _with_shares(conn: Connection) -> set[int]:
    """Members who have saved (a first deposit that was cancelled does not count)."""
    return set(conn.execute(select(s.posting.c.member_no).where(
        s.posting.c.account == acc.SHARES, s.posting.c.member_no.is_not(None))
        .group_by(s.posting.c.member_no).having(func.sum(s.posting.c.amount) != 0)).scalars())


def _standing(q):
    """Only receipts whose entry was not cancelled (reversed)."""
    return q.where(s.receipt.c.entry_seq.not_in(
        select(s.entry.c.reverses_seq).where(s.entry.c.reverses_seq.is_not(None))))


def collection_sheet(conn: Connection, rules: Rules, date: dt.date, meeting_id: int | None = None,
                     member_nos: list[int] | None = None, partner_dues=None) -> list[Dues]:
    """What every active member owes at the meeting of ``date`` (member-number order)."""
    states = defaultdict(list)
    for st in loans.load_states(conn, rules, date, statuses=("disbursed",)):
        states[st.member_no].append(st)
    # Active members save; a former member who still owes a loan keeps repaying it at meetings.
    q = select(s.member).where(s.member.c.join_date <= date,
                               s.member.c.status.in_(members.ACTIVE_STATUSES) | s.member.c.member_no.in_(list(states)))
    if member_nos is not None:
        q = q.where(s.member.c.member_no.in_(member_nos))
    rows = conn.execute(q.order_by(s.member.c.member_no)).all()
    fee_paid = _fee_paid(conn)
    with_shares = _with_shares(conn)
    today: dict[int, int] = defaultdict(int)
    receipts: dict[int, list[int]] = defaultdict(list)
    paid: dict[int, int] = defaultdict(int)
    if meeting_id is not None:
        for r in conn.execute(_standing(select(s.receipt).where(s.receipt.c.meeting_id == meeting_id))):
            receipts[r.member_no].append(r.receipt_no)
            paid[r.member_no] += r.total
    for no, amount in conn.execute(
            select(s.posting.c.member_no, func.sum(s.posting.c.amount))
            .where(s.posting.c.account == acc.SHARES, s.posting.c.date == date, s.posting.c.member_no.is_not(None))
            .group_by(s.posting.c.member_no)):
        today[no] = -int(amount)
    pdues = partner_dues(conn, rules, date, [r.member_no for r in rows]) if partner_dues else {}
    fines = _fines_due(conn, rules, date) if rules.fine_per_miss else {}
    out = []
    for r in rows:
        saving = r.status in members.ACTIVE_STATUSES
        is_new = saving and r.member_no not in with_shares
        target = (rules.entry_deposit if is_new else rules.min_saving) if saving else 0
        share_due = max(0, target - today[r.member_no])
        if share_due % rules.share_value:
            share_due += rules.share_value - share_due % rules.share_value
        fee_due = rules.entry_fee if is_new and r.member_no not in fee_paid and not receipts[r.member_no] else 0
        loan_dues = []
        for st in states.get(r.member_no, []):
            loan_dues.append(LoanDue(st.loan_no, st.principal_due, st.interest_due, st.balance, st.overdue))
        out.append(Dues(r.member_no, f"{r.title}{r.first_name} {r.last_name}".strip(), r.status, Money(share_due),
                        Money(fee_due), Money(fines.get(r.member_no, 0)), tuple(loan_dues), tuple(pdues.get(r.member_no, ())),
                        Money(paid[r.member_no]), tuple(receipts[r.member_no]), is_new))
    return out


def _fines_due(conn: Connection, rules: Rules, date: dt.date) -> dict[int, int]:
    """Fines for missed savings this fiscal year not paid yet (the rule ``fine_per_miss``)."""
    from villagebank.ledger.periods import fiscal_year_bounds, fiscal_year_of

    fy = fiscal_year_of(date, rules.fiscal_year_start_month)
    start, end = fiscal_year_bounds(fy, rules.fiscal_year_start_month)
    charged = dict(conn.execute(
        select(s.missed_saving.c.member_no, func.count()).where(
            s.missed_saving.c.fiscal_year == fy, s.missed_saving.c.date < date)
        .group_by(s.missed_saving.c.member_no)).all())
    paid = dict(conn.execute(
        select(s.posting.c.member_no, -func.sum(s.posting.c.amount)).where(
            s.posting.c.account == acc.FINE_INCOME, s.posting.c.date >= start, s.posting.c.date <= end,
            s.posting.c.member_no.is_not(None))
        .group_by(s.posting.c.member_no)).all())
    return {no: max(0, n * rules.fine_per_miss - int(paid.get(no, 0) or 0)) for no, n in charged.items()}


# --- payments ---------------------------------------------------------------------------------------
def next_receipt_no(conn: Connection) -> int:
    return (conn.execute(select(func.max(s.receipt.c.receipt_no))).scalar() or 0) + 1


class Lookups:
    """What recording a payment reads from the book besides the rules: here one query each time.
    :class:`BatchLookups` keeps the same facts in memory across the payments of one date."""

    def __init__(self, conn: Connection, rules: Rules) -> None:
        self.conn = conn
        self.rules = rules

    def member(self, member_no: int) -> dto.Member:
        return members.get(self.conn, member_no)

    def require_money_account(self, code: str) -> None:
        cashbook.require_money_account(self.conn, code)

    def open_meeting(self, meeting_id: int) -> Meeting:
        return require_open(self.conn, meeting_id)

    def deposit_facts(self, member_no: int, date: dt.date) -> dict:
        """Keyword arguments for ``shares.check_deposit`` (empty: it reads them itself)."""
        return {}

    def loan(self, loan_no: int, date: dt.date) -> loans.LoanState:
        return loans.get_state(self.conn, self.rules, loan_no, date)

    def partner_facts(self, member_no: int, key: str, date: dt.date) -> dict:
        """Keyword arguments for the partner check (empty: it reads them itself)."""
        return {}

    def next_receipt_no(self) -> int:
        return next_receipt_no(self.conn)

    def add_receipt(self, values: dict) -> None:
        self.conn.execute(RECEIPT_INSERT, values)

    def recorded(self, member_no: int, parts: Parts, date: dt.date, receipt_no: int) -> None:
        """After a payment is posted (what is kept in memory follows it)."""


class BatchLookups(Lookups):
    """The facts a run of payments of one ``date`` reads, fetched once for all of them and kept up to date
    as each payment is posted (``MeetingCommands.pay_many``). Nothing else may write meanwhile: the run is
    one transaction. The run's entries and receipts are written together (``flush``), and before anything
    is read again from the book (a loan repaid twice in the run, say)."""

    def __init__(self, conn: Connection, rules: Rules, date: dt.date, payments: list[tuple[int, Parts]]) -> None:
        from villagebank.ledger import partners

        super().__init__(conn, rules)
        self.date = date
        nos = sorted({no for no, _parts in payments})
        self.members = members.get_many(conn, nos)
        self.money = {code for code, _name in cashbook.money_accounts(conn)}
        self.meetings: dict[int, Meeting] = {}
        self.today = shares.deposits_on(conn, date, nos)
        self.history = set(conn.execute(select(s.posting.c.member_no).where(
            s.posting.c.account == acc.SHARES, s.posting.c.member_no.in_(nos)).distinct()).scalars()) \
            if len(nos) < 900 else set(conn.execute(select(s.posting.c.member_no).where(
                s.posting.c.account == acc.SHARES).distinct()).scalars())
        self.balances: dict[int, int] | None = None
        if rules.max_total_shares is not None:
            self.balances = {no: shares.share_balance(conn, no).satang for no in nos}
        loan_nos = sorted({no for _m, p in payments for no in [*(n for n, _a in p.loans),
                                                                 *(n for n, _p, _i in p.repayments)]})
        self.loans = {st.loan_no: st for st in loans.load_states(conn, rules, date, loan_nos=loan_nos)} \
            if loan_nos else {}
        self.repaid: set[int] = set()
        keys = sorted({k for _m, p in payments for k, _a in p.partners})
        self.spans: dict[tuple[int, str], list] = {(no, k): [] for no in nos for k in keys}
        self.sums: dict[str, dict] = {}
        for e in partners.enrolments(conn, member_nos=nos, partners=keys) if keys else ():
            self.spans[(e.member_no, e.partner)].append(e)
        for k in keys:
            partner = rules.partner(k)
            if partner is not None:
                start, end = partners.contribution_year(partner, date)
                self.sums[k] = partners._sums(conn, [acc.partner_payable(k)], member_nos=nos, start=start, end=end)
        self.receipt_no = next_receipt_no(conn)
        self.entries: list[j.Prepared] = []
        self.receipts: list[dict] = []

    def add_entry(self, prepared: j.Prepared) -> None:
        self.entries.append(prepared)

    def add_receipt(self, values: dict) -> None:
        self.receipts.append(values)

    def flush(self) -> None:
        """Write the entries and receipts kept so far."""
        j.write(self.conn, self.entries)
        if self.receipts:
            self.conn.execute(RECEIPT_INSERT, self.receipts)
        self.entries, self.receipts = [], []

    def member(self, member_no: int) -> dto.Member:
        found = self.members.get(member_no)
        if found is not None:
            return found
        self.flush()
        return super().member(member_no)

    def require_money_account(self, code: str) -> None:
        if code not in self.money:
            self.flush()
            super().require_money_account(code)

    def open_meeting(self, meeting_id: int) -> Meeting:
        if meeting_id not in self.meetings:
            self.flush()
            self.meetings[meeting_id] = super().open_meeting(meeting_id)
        return self.meetings[meeting_id]

    def deposit_facts(self, member_no: int, date: dt.date) -> dict:
        if date != self.date or member_no not in self.members:
            return {}
        facts = {"today": Money(self.today.get(member_no, 0)), "history": member_no in self.history}
        if self.balances is not None:
            facts["balance"] = Money(self.balances[member_no])
        return facts

    def loan(self, loan_no: int, date: dt.date) -> loans.LoanState:
        if date == self.date and loan_no in self.loans and loan_no not in self.repaid:
            return self.loans[loan_no]
        self.flush()
        return super().loan(loan_no, date)

    def partner_facts(self, member_no: int, key: str, date: dt.date) -> dict:
        if date != self.date or (member_no, key) not in self.spans or key not in self.sums:
            return {}
        return {"spans": self.spans[(member_no, key)], "sums": self.sums[key]}

    def next_receipt_no(self) -> int:
        return self.receipt_no

    def recorded(self, member_no: int, parts: Parts, date: dt.date, receipt_no: int) -> None:
        self.receipt_no = receipt_no + 1
        if parts.shares.satang:
            self.today[member_no] = self.today.get(member_no, 0) + parts.shares.satang
            self.history.add(member_no)
            if self.balances is not None:
                self.balances[member_no] = self.balances.get(member_no, 0) + parts.shares.satang
        self.repaid.update(n for n, _a in parts.loans)
        self.repaid.update(n for n, _p, _i in parts.repayments)
        for key, amount in parts.partners:
            if key in self.sums:
                row = self.sums[key].setdefault((member_no, acc.partner_payable(key)), [0, 0, 0])
                row[0] += amount.satang


def record_payment(conn: Connection, rules: Rules, *, member_no: int, parts: Parts, date: dt.date, post: PostFn,
                   meeting_id: int | None = None, account: str = acc.CASH,
                   check_partner=None, lookups: Lookups | None = None) -> tuple[int, int]:
    """Post one member's payment as one balanced entry with one receipt; returns (receipt_no, entry seq).
    Every rule is checked before anything is written."""
    look = lookups or Lookups(conn, rules)
    member = look.member(member_no)
    look.require_money_account(account)
    if meeting_id is not None:
        m = look.open_meeting(meeting_id)
        if date != m.date:
            raise InvalidInput(N_("a payment at the meeting of {meeting} must be dated {meeting}"),
                               meeting=format_date(m.date))
    if parts.total.satang <= 0:
        raise InvalidInput(N_("nothing to record: every amount is zero"), field=N_("Amount"))
    for label, amount in (("shares", parts.shares), ("entry_fee", parts.entry_fee), ("fine", parts.fine),
                          ("other", parts.other),
                          *((("principal", a) for _, a in parts.loans)), *((("savings", a) for _, a in parts.savings)),
                          *((("partner", a) for _, a in parts.partners)),
                          *((("principal", p) for _, p, _i in parts.repayments)),
                          *((("interest", i) for _, _p, i in parts.repayments))):
        if amount.satang < 0:
            raise InvalidInput(N_("the amount cannot be negative"), field=PART_LABELS[label])
    lines: list[j.Line] = []
    if parts.shares.satang:
        shares.check_deposit(conn, rules, member, parts.shares, date, **look.deposit_facts(member_no, date))
        lines += [j.cr(acc.SHARES, parts.shares, member_no=member_no)]
    if parts.entry_fee.satang:
        lines.append(j.cr(acc.ENTRY_FEE_INCOME, parts.entry_fee, member_no=member_no))
    if parts.fine.satang:
        lines.append(j.cr(acc.FINE_INCOME, parts.fine, member_no=member_no))
    if parts.other.satang:
        lines.append(j.cr(acc.OTHER_INCOME, parts.other, member_no=member_no))
    seen_loans: set[int] = set()
    for loan_no, amount in parts.loans:
        if loan_no in seen_loans:
            raise InvalidInput(N_("loan {no} is listed twice"), no=loan_no)
        seen_loans.add(loan_no)
        if amount.satang == 0:
            continue
        st = look.loan(loan_no, date)
        if st.member_no != member_no:
            raise InvalidInput(N_("loan {no} belongs to member {owner}, not to member {member}"), no=loan_no,
                               owner=st.member_no, member=member_no)
        interest, principal = loans.split_payment(st, amount)
        lines += loans.repayment_lines(st, interest, principal, account)[1:]
    for kind, pairs in (("savings", parts.savings), ("partner", parts.partners)):
        keys = [k for k, _a in pairs]
        if len(set(keys)) != len(keys):
            raise InvalidInput(N_("“{key}” is listed twice in one payment"), field=PART_LABELS[kind],
                               key=next(k for k in keys if keys.count(k) > 1))
    for loan_no, principal, interest in parts.repayments:
        if loan_no in seen_loans:
            raise InvalidInput(N_("loan {no} is listed twice"), no=loan_no)
        seen_loans.add(loan_no)
        st = look.loan(loan_no, date)
        if st.member_no != member_no:
            raise InvalidInput(N_("loan {no} belongs to member {owner}, not to member {member}"), no=loan_no,
                               owner=st.member_no, member=member_no)
        loans.check_split(st, principal, interest, date)
        lines += loans.repayment_lines(st, interest, principal, account)[1:]
    for key, amount in parts.savings:
        if amount.satang == 0:
            continue
        product = rules.savings_product(key)
        if product is None or not product.active:
            raise NotFound(N_("there is no kind of savings “{key}”"), key=key)
        if member.status not in members.ACTIVE_STATUSES:
            raise RuleViolation(N_("member {no} is not an active member ({status})"), rule="status", no=member_no,
                                status=lazy(members.STATUS_LABELS[member.status]))
        lines.append(j.cr(acc.savings_account(key), amount, member_no=member_no))
    for key, amount in parts.partners:
        if amount.satang == 0:
            continue
        partner = rules.partner(key)
        if partner is None:
            raise NotFound(N_("there is no partner fund “{key}”"), key=key)
        if check_partner is not None:
            check_partner(conn, rules, member, key, amount, date, **look.partner_facts(member_no, key, date))
        lines.append(j.cr(acc.partner_payable(key), amount, member_no=member_no))
    total = parts.total
    lines.insert(0, j.dr(account, total))
    receipt_no = look.next_receipt_no()
    kind = "meeting_payment" if meeting_id is not None else "payment"
    loan_nos = [no for no, _ in parts.loans] + [no for no, _p, _i in parts.repayments]
    posted = post(conn, date=date, kind=kind, lines=lines, member_no=member_no, meeting_id=meeting_id,
                  receipt_no=receipt_no, loan_no=loan_nos[0] if len(loan_nos) == 1 else None)
    look.add_receipt({"receipt_no": receipt_no, "entry_seq": posted.seq, "meeting_id": meeting_id,
                      "member_no": member_no, "date": date, "total": total.satang, "printed": 0})
    look.recorded(member_no, parts, date, receipt_no)
    return receipt_no, posted.seq


RECEIPT_INSERT = s.receipt.insert()


def receipt_items(conn: Connection, rules: Rules, seq: int) -> list[tuple[str, Money]]:
    """The receipt's lines in the current language, from the entry's postings."""
    return _items(rules, j.entry_lines(conn, seq))


def _items(rules: Rules, lines: list[j.Line]) -> list[tuple[str, Money]]:
    """Receipt lines (translated label, amount) from an entry's postings, in posting order."""
    from villagebank.i18n import _

    items = []
    for ln in lines:
        if ln.amount >= 0:
            continue
        amount = Money(-ln.amount)
        simple = {acc.SHARES: "shares", acc.ENTRY_FEE_INCOME: "entry_fee", acc.FINE_INCOME: "fine",
                  acc.OTHER_INCOME: "other"}
        if ln.account in simple:
            msgid = PART_LABELS[simple[ln.account]]
            label = _(msgid)
        elif ln.account == acc.INTEREST_INCOME:
            label = _("Interest, loan {no}").format(no=ln.loan_no)
        elif ln.account == acc.LOANS:
            label = _("Principal, loan {no}").format(no=ln.loan_no)
        elif ln.account.startswith("savings:"):
            p = rules.savings_product(ln.account.split(":", 1)[1])
            label = p.name if p else ln.account
        elif ln.account.startswith("payable:"):
            p = rules.partner(ln.account.split(":", 1)[1])
            label = p.name if p else ln.account
        else:
            label = ln.account
        items.append((label, amount))
    return items


def get_receipt(conn: Connection, rules: Rules, receipt_no: int) -> Receipt:
    r = conn.execute(select(s.receipt).where(s.receipt.c.receipt_no == receipt_no)).first()
    if r is None:
        raise NotFound(N_("there is no receipt number {no}"), no=receipt_no)
    name = ""
    if r.member_no is not None:
        name = members.get(conn, r.member_no).full_name
    voided = j.reversed_by(conn, r.entry_seq)
    return Receipt(r.receipt_no, r.entry_seq, r.meeting_id, r.member_no, name, r.date,
                   tuple(receipt_items(conn, rules, r.entry_seq)), Money(r.total), r.printed, voided)


def receipts_of(conn: Connection, rules: Rules, meeting_id: int | None = None, member_no: int | None = None) -> list[Receipt]:
    q = select(s.receipt.c.receipt_no).order_by(s.receipt.c.receipt_no)
    if meeting_id is not None:
        q = q.where(s.receipt.c.meeting_id == meeting_id)
    if member_no is not None:
        q = q.where(s.receipt.c.member_no == member_no)
    return [get_receipt(conn, rules, no) for no in conn.execute(q).scalars()]


def receipts_between(conn: Connection, rules: Rules, start: dt.date, end: dt.date,
                     member_no: int | None = None) -> list[Receipt]:
    """Every receipt dated ``start``..``end`` (inclusive; of one member when ``member_no`` is given), in number
    order, with its items and cancellation, in four queries whatever their number (``get_receipt`` costs four
    each)."""
    q = (select(s.receipt, s.member.c.title, s.member.c.first_name, s.member.c.last_name)
         .select_from(s.receipt.outerjoin(s.member, s.member.c.member_no == s.receipt.c.member_no))
         .where(s.receipt.c.date >= start, s.receipt.c.date <= end).order_by(s.receipt.c.receipt_no))
    if member_no is not None:
        # The receipt table has no index but its number and entry: reach one member's receipts through their
        # entries (a payment's entry names the member and has the receipt's date), not by reading every receipt.
        own = select(s.entry.c.seq).where(s.entry.c.member_no == member_no, s.entry.c.date >= start,
                                          s.entry.c.date <= end)
        q = q.where(s.receipt.c.member_no == member_no, s.receipt.c.entry_seq.in_(own))
    rows = conn.execute(q).all()
    if not rows:
        return []
    lines: dict[int, list[j.Line]] = defaultdict(list)
    voided: dict[int, int] = {}
    seqs = {r.entry_seq for r in rows}
    # many receipts' entries: select by date (they lie in the same dates), not by a long IN list of numbers
    chosen = (s.posting.c.entry_seq.in_(sorted(seqs)) if len(seqs) < 500 else
              s.posting.c.entry_seq.in_(select(s.entry.c.seq).where(s.entry.c.date >= start, s.entry.c.date <= end)))
    for p in conn.execute(select(s.posting.c.entry_seq, s.posting.c.account, s.posting.c.amount,
                                 s.posting.c.member_no, s.posting.c.loan_no)
                          .where(chosen).order_by(s.posting.c.entry_seq, s.posting.c.line)):
        if p.entry_seq in seqs:
            lines[p.entry_seq].append(j.Line(p.account, p.amount, p.member_no, p.loan_no))
    first, last = min(seqs), max(seqs)
    for seq, original in conn.execute(select(s.entry.c.seq, s.entry.c.reverses_seq).where(
            s.entry.c.reverses_seq >= first, s.entry.c.reverses_seq <= last)):
        if original in seqs:
            voided[original] = seq
    out = []
    for r in rows:
        name = ""
        if r.member_no is not None:
            name = f"{r.first_name} {r.last_name}".strip()
            name = f"{r.title}{name}" if r.title else name  # as Member.full_name
        out.append(Receipt(r.receipt_no, r.entry_seq, r.meeting_id, r.member_no, name, r.date,
                           tuple(_items(rules, lines[r.entry_seq])), Money(r.total), r.printed,
                           voided.get(r.entry_seq)))
    return out


# --- close --------------------------------------------------------------------------------------------
def day_totals(conn: Connection, date: dt.date) -> dict[str, int]:
    """Totals of the day per kind of money (the counters): satang, positive = received."""
    # A receipt cancelled the same day took no money (it and its correction are left out), and the cash count's
    # difference is the summary's own line, not an expense or cash paid out.
    original = s.entry.alias("original")
    same_day = (select(s.entry.c.seq, s.entry.c.reverses_seq)
                .join(original, original.c.seq == s.entry.c.reverses_seq)
                .where(s.entry.c.date == date, original.c.date == date)).subquery()
    rows = conn.execute(
        select(s.posting.c.account, s.entry.c.kind, func.sum(s.posting.c.amount))
        .select_from(s.posting.join(s.entry, s.entry.c.seq == s.posting.c.entry_seq))
        .where(s.posting.c.date == date, s.entry.c.kind != "cash_count",
               s.entry.c.seq.not_in(select(same_day.c.seq)), s.entry.c.seq.not_in(select(same_day.c.reverses_seq)))
        .group_by(s.posting.c.account, s.entry.c.kind)).all()
    totals: dict[str, int] = defaultdict(int)
    for account, kind, amount in rows:
        amount = int(amount)
        if account == acc.SHARES:
            totals["shares"] += -amount
        elif account == acc.LOANS:
            totals["loans_out" if kind == "loan_disburse" else "principal"] += amount if kind == "loan_disburse" \
                else -amount
        elif account == acc.INTEREST_INCOME:
            totals["interest"] += -amount
        elif account == acc.ENTRY_FEE_INCOME:
            totals["entry_fees"] += -amount
        elif account == acc.FINE_INCOME:
            totals["fines"] += -amount
        elif account.startswith("savings:") or (account.startswith("payable:") and account not in (acc.PAYOUTS_PAYABLE, acc.FORMER_MEMBERS)):
            totals[account] += -amount
        elif account.startswith("expense:"):
            totals["expenses"] += amount
        elif account == acc.CASH:
            totals["cash_in" if amount > 0 else "cash_out"] += abs(amount)
    return dict(totals)


TOTAL_LABELS = {
    "shares": N_("Shares (savings)"),
    "principal": N_("Loan principal repaid"),
    "interest": N_("Loan interest"),
    "entry_fees": N_("Entry fees"),
    "fines": N_("Fines"),
    "other_fees": N_("Other fees"),
    "loans_out": N_("Loans paid out"),
    "expenses": N_("Expenses"),
    "cash_in": N_("Cash received"),
    "cash_out": N_("Cash paid"),
}


def total_label(key: str, rules: Rules) -> str:
    """The day's total ``key`` (from :func:`day_totals`) in the current language."""
    from villagebank.i18n import _

    if key in TOTAL_LABELS:
        msgid = TOTAL_LABELS[key]
        return _(msgid)
    kind, _sep, code = key.partition(":")
    if kind == "savings":
        product = rules.savings_product(code)
        return product.name if product else key
    if kind == "payable":
        partner = rules.partner(code)
        return partner.name if partner else key
    return key


def close_meeting(conn: Connection, rules: Rules, meeting_id: int, *, counts: dict[int, int] | None, reason: str,
                  now: str, by: str, post: PostFn) -> Meeting:
    m = require_open(conn, meeting_id)
    count = None
    if counts is not None:
        count = cashbook.record_count(conn, date=m.date, counts=counts, reason=reason, now=now, by=by, post=post,
                                      meeting_id=meeting_id)
    lifted = shares.lift_expired_suspensions(conn, m.date, now=now)
    outcomes = shares.apply_misses(conn, rules, meeting_id, m.date, now=now, post=post)
    paid = conn.execute(_standing(select(func.count(func.distinct(s.receipt.c.member_no))).where(
        s.receipt.c.meeting_id == meeting_id))).scalar() or 0
    summary = {
        "totals": day_totals(conn, m.date),
        "receipts": conn.execute(_standing(select(func.count()).select_from(s.receipt).where(
            s.receipt.c.meeting_id == meeting_id))).scalar() or 0,
        "members_paid": paid,
        "missed": [o.member_no for o in outcomes],
        "suspended": [o.member_no for o in outcomes if o.new_status == "suspended"],
        "terminated": [o.member_no for o in outcomes if o.new_status == "terminated"],
        "suspension_lifted": lifted,
        # What the book said before the count's difference was posted (after it, the book equals the count).
        "cash_book": count.book_balance.satang if count else cashbook.balance_of(conn, acc.CASH, m.date).satang,
        "cash_counted": count.counted.satang if count else None,
        "cash_difference": count.difference.satang if count else None,
        "cash_reason": count.reason if count and count.difference.satang else "",
        "cancelled": [r.receipt_no for r in conn.execute(
            select(s.receipt.c.receipt_no).where(s.receipt.c.meeting_id == meeting_id).where(
                s.receipt.c.entry_seq.in_(select(s.entry.c.reverses_seq).where(s.entry.c.reverses_seq.is_not(None))))
            .order_by(s.receipt.c.receipt_no))],
    }
    previous = conn.execute(select(func.max(s.period_lock.c.end)).where(
        s.period_lock.c.kind == "meeting", s.period_lock.c.unlocked_at.is_(None))).scalar()
    start = previous + dt.timedelta(days=1) if previous else FIRST_DAY
    if start <= m.date:
        conn.execute(s.period_lock.insert().values(start=start, end=m.date, kind="meeting", locked_at=now,
                                                   locked_by=by, reason=f"meeting {meeting_id}"))
    conn.execute(s.meeting.update().where(s.meeting.c.id == meeting_id).values(
        status="closed", closed_at=now, summary=json.dumps(summary)))
    return get(conn, meeting_id)


def lazy_label(key: str) -> str:
    return lazy(PART_LABELS[key])


