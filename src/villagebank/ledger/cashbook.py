"""The cash book (บัญชีเงินสด): receipts and payments with a running balance, expenses by category,
the group's bank accounts and transfers, the cash count, and the secretary's monthly record.

Every member transaction already moves ``cash`` (or a bank account), so the cash book is a query over
the journal; this module adds the money that is not a member transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from villagebank.i18n import N_, lazy
from villagebank.ledger import accounts as acc
from villagebank.ledger import journal as j
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, NotFound, RuleViolation
from villagebank.ledger.money import Money
from villagebank.ledger.shares import PostFn
from villagebank.thai import format_amount, normalize_text

# Thai notes and coins, in satang (domain: 1000, 500, 100, 50, 20 notes; 10, 5, 2, 1 baht, 50, 25 satang).
DENOMINATIONS = (100000, 50000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25)

KIND_LABELS = {
    "deposit": N_("Share deposit"),
    "withdrawal": N_("Share withdrawal"),
    "meeting_payment": N_("Meeting-day payment"),
    "loan_disburse": N_("Loan paid out"),
    "loan_repayment": N_("Loan repayment"),
    "fee": N_("Fee"),
    "cash_in": N_("Receipt"),
    "cash_out": N_("Payment"),
    "transfer": N_("Transfer"),
    "cash_count": N_("Cash count difference"),
    "savings_deposit": N_("Savings deposit"),
    "savings_withdrawal": N_("Savings withdrawal"),
    "leave_frozen": N_("Shares of a leaving member set aside"),
    "terminate_shares": N_("Shares of a former member set aside"),
    "former_member_payout": N_("Paid to a former member"),
    "reversal": N_("Correction"),
    "opening": N_("Opening balance"),
    "fund_in": N_("Money received into a fund"),
    "year_close": N_("Year-end close"),
    "year_reopen": N_("Year-end close reversed"),
    "dividend_to_shares": N_("Year-end payout added to shares"),
    "payout": N_("Year-end payout paid"),
    "welfare_claim": N_("Welfare benefit paid"),
    "payment": N_("Member's payment"),
    "partner_remit": N_("Remitted to a partner fund"),
    "partner_bank_pays": N_("Partner dues paid by the bank"),
}

FIELD_LABELS = {
    "amount": N_("Amount"),
    "category": N_("Category"),
    "description": N_("Description"),
    "reason": N_("Reason"),
}


def _b(m: Money | int) -> str:
    return format_amount(m.satang if isinstance(m, Money) else m)


def money_accounts(conn: Connection) -> list[tuple[str, str]]:
    """Cash and the group's bank accounts: (code, name)."""
    return [(r.code, r.name) for r in conn.execute(
        select(s.account.c.code, s.account.c.name).where(
            (s.account.c.code == acc.CASH) | s.account.c.code.like("bank:%")).order_by(s.account.c.code))]


def require_money_account(conn: Connection, code: str) -> None:
    if code not in {c for c, _ in money_accounts(conn)}:
        raise InvalidInput(N_("“{code}” is not cash or one of the group's bank accounts"), code=code)


def balance_of(conn: Connection, code: str, as_of: dt.date | None = None) -> Money:
    q = select(func.coalesce(func.sum(s.posting.c.amount), 0)).where(s.posting.c.account == code)
    if as_of is not None:
        q = q.where(s.posting.c.date <= as_of)
    return Money(int(conn.execute(q).scalar() or 0))


def _category_account(conn: Connection, category: str, prefix: str) -> str:
    code = category if ":" in category else f"{prefix}:{category}"
    if not code.startswith(prefix + ":"):
        raise InvalidInput(N_("“{category}” is not a category of {kind}"), field=FIELD_LABELS["category"],
                           category=category, kind=lazy(N_("income") if prefix == "income" else N_("expenses")))
    if conn.execute(select(s.account.c.code).where(s.account.c.code == code)).first() is None:
        raise NotFound(N_("no category “{category}”; add it in the settings first"), field=FIELD_LABELS["category"],
                       category=category)
    return code


def record_in(conn: Connection, *, date: dt.date, category: str, amount: Money, description: str, account: str,
              post: PostFn) -> int:
    """Money received that is not a member's payment (bank interest, donations, other income)."""
    require_money_account(conn, account)
    _positive(amount)
    kind = "cash_in"
    if category == "opening":
        credit, kind = acc.OPENING_EQUITY, "opening"
    elif category in (acc.WELFARE_FUND, acc.DEVELOPMENT_FUND, acc.RESERVE):
        credit, kind = category, "fund_in"  # e.g. a subsidy from the local government to the welfare fund
    else:
        credit = _category_account(conn, category, "income")
    text = normalize_text(description, max_len=200, field=FIELD_LABELS["description"])
    return post(conn, date=date, kind=kind, memo=text, lines=[j.dr(account, amount), j.cr(credit, amount)]).seq


def record_out(conn: Connection, *, date: dt.date, category: str, amount: Money, description: str, account: str,
               post: PostFn) -> int:
    """An expense paid from cash or a bank account (refused if the account lacks the money)."""
    require_money_account(conn, account)
    _positive(amount)
    debit = _category_account(conn, category, "expense")
    text = normalize_text(description, max_len=200, field=FIELD_LABELS["description"])
    _enough(conn, account, amount, date)
    return post(conn, date=date, kind="cash_out", memo=text, lines=[j.dr(debit, amount), j.cr(account, amount)]).seq


def transfer(conn: Connection, *, date: dt.date, source: str, target: str, amount: Money, description: str,
             post: PostFn) -> int:
    require_money_account(conn, source)
    require_money_account(conn, target)
    if source == target:
        raise InvalidInput(N_("a transfer needs two different accounts"))
    _positive(amount)
    _enough(conn, source, amount, date)
    text = normalize_text(description, max_len=200, field=FIELD_LABELS["description"])
    return post(conn, date=date, kind="transfer", memo=text, lines=[j.dr(target, amount), j.cr(source, amount)]).seq


def _positive(amount: Money) -> None:
    if amount.satang <= 0:
        raise InvalidInput(N_("the amount must be more than zero"), field=FIELD_LABELS["amount"])


def _enough(conn: Connection, account: str, amount: Money, date: dt.date) -> None:
    held = balance_of(conn, account)
    if amount > held:
        name = conn.execute(select(s.account.c.name).where(s.account.c.code == account)).scalar() or account
        raise RuleViolation(N_("{account} holds only {held} baht; {amount} baht cannot be paid from it"),
                            rule="balance", account=lazy(name), held=_b(held), amount=_b(amount))


# --- cash count -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CashCount:
    id: int
    date: dt.date
    counts: dict[int, int]
    counted: Money
    book_balance: Money
    difference: Money
    reason: str
    entry_seq: int | None


def count_total(counts: dict[int, int]) -> Money:
    total = 0
    for denom, pieces in counts.items():
        if denom not in DENOMINATIONS:
            raise InvalidInput(N_("{value} is not a Thai note or coin"), value=_b(denom))
        if type(pieces) is not int or pieces < 0:
            raise InvalidInput(N_("the number of {value} pieces must be a whole number of 0 or more"),
                               value=_b(denom))
        total += denom * pieces
    return Money(total)


def record_count(conn: Connection, *, date: dt.date, counts: dict[int, int], reason: str, now: str, by: str,
                 post: PostFn, meeting_id: int | None = None) -> CashCount:
    """Compare the counted cash with the book; a difference is posted as cash over/short with a reason."""
    counted = count_total(counts)
    book = balance_of(conn, acc.CASH, date)
    diff = counted - book
    reason = normalize_text(reason or "", max_len=300, field=FIELD_LABELS["reason"])
    seq = None
    if diff.satang:
        if not reason:
            raise InvalidInput(N_("the counted cash ({counted}) differs from the book ({book}) by {diff} baht: "
                                  "give the reason"), field=FIELD_LABELS["reason"], counted=_b(counted), book=_b(book),
                               diff=_b(diff))
        if diff.satang > 0:
            lines = [j.dr(acc.CASH, diff), j.cr(acc.CASH_OVER, diff)]
        else:
            lines = [j.dr(acc.CASH_SHORT, -diff), j.cr(acc.CASH, -diff)]
        seq = post(conn, date=date, kind="cash_count", memo=reason, meeting_id=meeting_id, lines=lines).seq
    cid = conn.execute(s.cash_count.insert().values(
        date=date, meeting_id=meeting_id, counts=json.dumps({str(k): v for k, v in counts.items() if v}),
        counted=counted.satang, book_balance=book.satang, difference=diff.satang, reason=reason, entry_seq=seq,
        recorded_at=now, recorded_by=by)).inserted_primary_key[0]
    return CashCount(cid, date, {k: v for k, v in counts.items() if v}, counted, book, diff, reason, seq)


def counts_list(conn: Connection) -> list[CashCount]:
    return [CashCount(r.id, r.date, {int(k): v for k, v in json.loads(r.counts).items()}, Money(r.counted),
                      Money(r.book_balance), Money(r.difference), r.reason, r.entry_seq)
            for r in conn.execute(select(s.cash_count).order_by(s.cash_count.c.id))]


# --- the cash book ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class CashLine:
    seq: int
    date: dt.date
    kind: str
    memo: str
    member_no: int | None
    member_name: str
    loan_no: int | None
    receipt_no: int | None
    received: Money
    paid: Money
    balance: Money
    reverses_seq: int | None


@dataclass(frozen=True)
class CashBook:
    account: str
    start: dt.date
    end: dt.date
    brought_forward: Money
    lines: tuple[CashLine, ...]
    carried_forward: Money

    @property
    def received(self) -> Money:
        return Money(sum(x.received.satang for x in self.lines))

    @property
    def paid(self) -> Money:
        return Money(sum(x.paid.satang for x in self.lines))


def cash_book(conn: Connection, account: str, start: dt.date, end: dt.date) -> CashBook:
    require_money_account(conn, account)
    bf = balance_of(conn, account, start - dt.timedelta(days=1))
    rows = conn.execute(
        select(s.entry.c.seq, s.entry.c.date, s.entry.c.kind, s.entry.c.memo, s.entry.c.member_no, s.entry.c.loan_no,
               s.entry.c.receipt_no, s.entry.c.reverses_seq, func.sum(s.posting.c.amount).label("amt"),
               s.member.c.title, s.member.c.first_name, s.member.c.last_name)
        .select_from(s.entry.join(s.posting, s.posting.c.entry_seq == s.entry.c.seq)
                     .outerjoin(s.member, s.member.c.member_no == s.entry.c.member_no))
        .where(s.posting.c.account == account, s.posting.c.date >= start, s.posting.c.date <= end)
        .group_by(s.entry.c.seq).order_by(s.entry.c.date, s.entry.c.seq)).all()
    running = bf.satang
    lines = []
    for r in rows:
        amt = int(r.amt)
        running += amt
        name = f"{r.title or ''}{r.first_name or ''} {r.last_name or ''}".strip() if r.first_name else ""
        lines.append(CashLine(r.seq, r.date, r.kind, r.memo, r.member_no, name, r.loan_no, r.receipt_no,
                              Money(max(amt, 0)), Money(max(-amt, 0)), Money(running), r.reverses_seq))
    return CashBook(account, start, end, bf, tuple(lines), Money(running))


def expenses_by_category(conn: Connection, start: dt.date, end: dt.date) -> list[tuple[str, str, Money]]:
    rows = conn.execute(
        select(s.account.c.code, s.account.c.name, func.coalesce(func.sum(s.posting.c.amount), 0))
        .select_from(s.account.join(s.posting, s.posting.c.account == s.account.c.code))
        .where(s.account.c.type == acc.EXPENSE, s.posting.c.date >= start, s.posting.c.date <= end)
        .group_by(s.account.c.code).order_by(s.account.c.code)).all()
    return [(code, name, Money(int(total))) for code, name, total in rows if total]


# --- the secretary's monthly record ------------------------------------------------------------------
@dataclass(frozen=True)
class SecretaryRecord:
    year: int
    month: int
    members_at_end: int
    new_members: int
    left_members: int
    brought_forward: Money  # cash and bank
    received: Money
    paid: Money
    expenses: Money
    loans_paid_out: Money
    loan_repayments: Money
    interest_received: Money
    shares_received: Money
    carried_forward: Money


def secretary_record(conn: Connection, year: int, month: int) -> SecretaryRecord:
    from villagebank.ledger.periods import month_bounds

    start, end = month_bounds(year, month)
    money = (s.posting.c.account == acc.CASH) | s.posting.c.account.like("bank:%")
    bf = int(conn.execute(select(func.coalesce(func.sum(s.posting.c.amount), 0)).where(
        money, s.posting.c.date < start)).scalar() or 0)
    # Movements between cash and bank are not receipts or payments of the group.
    per_entry = conn.execute(
        select(s.entry.c.kind, func.sum(s.posting.c.amount))
        .select_from(s.entry.join(s.posting, s.posting.c.entry_seq == s.entry.c.seq))
        .where(money, s.posting.c.date >= start, s.posting.c.date <= end, s.entry.c.kind != "transfer")
        .group_by(s.entry.c.seq)).all()
    received = sum(int(a) for _k, a in per_entry if a > 0)
    paid = sum(-int(a) for _k, a in per_entry if a < 0)

    def flow(account_cond, sign: int = 1) -> int:
        return sign * int(conn.execute(select(func.coalesce(func.sum(s.posting.c.amount), 0)).where(
            account_cond, s.posting.c.date >= start, s.posting.c.date <= end)).scalar() or 0)

    expenses = flow(s.posting.c.account.like("expense:%"))
    loans_out = int(conn.execute(
        select(func.coalesce(func.sum(s.posting.c.amount), 0))
        .select_from(s.posting.join(s.entry, s.entry.c.seq == s.posting.c.entry_seq))
        .where(s.posting.c.account == acc.LOANS, s.entry.c.kind == "loan_disburse", s.posting.c.date >= start,
               s.posting.c.date <= end)).scalar() or 0)
    repaid = -int(conn.execute(
        select(func.coalesce(func.sum(s.posting.c.amount), 0))
        .select_from(s.posting.join(s.entry, s.entry.c.seq == s.posting.c.entry_seq))
        .where(s.posting.c.account == acc.LOANS, s.entry.c.kind != "loan_disburse", s.posting.c.date >= start,
               s.posting.c.date <= end)).scalar() or 0)
    interest = flow(s.posting.c.account == acc.INTEREST_INCOME, -1)
    shares_in = flow(s.posting.c.account == acc.SHARES, -1)
    active = conn.execute(select(func.count()).select_from(s.member).where(
        s.member.c.join_date <= end,
        (s.member.c.exit_date.is_(None)) | (s.member.c.exit_date > end))).scalar() or 0
    joined = conn.execute(select(func.count()).select_from(s.member).where(
        s.member.c.join_date >= start, s.member.c.join_date <= end)).scalar() or 0
    left = conn.execute(select(func.count()).select_from(s.member).where(
        s.member.c.exit_date >= start, s.member.c.exit_date <= end)).scalar() or 0
    return SecretaryRecord(year, month, active, joined, left, Money(bf), Money(received), Money(paid),
                           Money(expenses), Money(loans_out), Money(repaid), Money(interest), Money(shares_in),
                           Money(bf + received - paid))
