"""Members' sub-ledgers as whole-book queries: every member's balances as of a date, and one member's lines.

Both are single set-based queries over ``posting`` (no per-member loop): the balances scan the covering index
``ix_posting_member`` (member_no, account, date, amount) in its own order, so the cost grows with the postings
and nothing is sorted; one member's lines are an index lookup.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, or_, select

from villagebank.ledger import accounts as acc
from villagebank.ledger import dto
from villagebank.ledger.db import schema as s
from villagebank.ledger.money import Money

if TYPE_CHECKING:
    from villagebank.ledger.book import BookBase

    _Base = BookBase
else:
    _Base = object

#: The member sub-ledger accounts of :func:`balances` (savings products are ``savings:<key>``).
BALANCE_ACCOUNTS = (acc.SHARES, acc.LOANS, acc.PAYOUTS_PAYABLE, acc.FORMER_MEMBERS)


def balances(conn: Connection, as_of: dt.date | None = None) -> list[dto.MemberBalance]:
    """Every member with a share, savings, loan or payable posting by ``as_of``, in member-number order."""
    p = s.posting
    q = (select(p.c.member_no, p.c.account, func.sum(p.c.amount))
         .where(p.c.member_no.is_not(None), or_(p.c.account.in_(BALANCE_ACCOUNTS), p.c.account.like("savings:%"))))
    if as_of is not None:
        q = q.where(p.c.date <= as_of)
    q = q.group_by(p.c.member_no, p.c.account)  # the index's order: no sort
    out: list[dto.MemberBalance] = []
    current: int | None = None
    shares = savings = loans = payable = 0

    def flush() -> None:
        if current is not None:
            out.append(dto.MemberBalance(current, Money(-shares), Money(-savings), Money(loans), Money(-payable)))

    for member_no, account, total in conn.execute(q):
        if member_no != current:
            flush()
            current, shares, savings, loans, payable = member_no, 0, 0, 0, 0
        if account == acc.SHARES:
            shares = total
        elif account == acc.LOANS:
            loans = total
        elif account.startswith("savings:"):
            savings += total
        else:
            payable += total
    flush()
    return out


def member_lines(conn: Connection, member_no: int, start: dt.date | None = None,
                 end: dt.date | None = None) -> list[dto.MemberLine]:
    """Every posting of ``member_no`` (all accounts) from ``start`` to ``end``, by date then entry, with each
    account's running balance for the member (which counts postings before ``start`` too)."""
    p, e, a = s.posting, s.entry, s.account
    q = (select(p.c.entry_seq, p.c.date, e.c.kind, e.c.receipt_no, p.c.account, p.c.loan_no, p.c.amount, a.c.type)
         .select_from(p.join(e, e.c.seq == p.c.entry_seq).join(a, a.c.code == p.c.account))
         .where(p.c.member_no == member_no))
    if end is not None:
        q = q.where(p.c.date <= end)
    rows = conn.execute(q).all()
    rows.sort(key=lambda r: (r[1], r[0]))
    running: dict[str, int] = defaultdict(int)
    out = []
    credit_normal = acc.CREDIT_NORMAL
    for seq, date, kind, receipt_no, account, loan_no, amount, type_ in rows:
        total = running[account] = running[account] + amount
        if start is not None and date < start:
            continue
        out.append(dto.MemberLine(seq, date, kind, receipt_no, account, loan_no, Money(amount),
                                  Money(-total if type_ in credit_normal else total)))
    return out


def account_by_member(conn: Connection, account: str, as_of: dt.date | None = None) -> dict[int, Money]:
    """Each member's balance of one sub-ledger account as of ``as_of``, as the member reads it (positive normal:
    savings held, loan owed); members without postings on it are absent."""
    p = s.posting
    q = select(p.c.member_no, func.sum(p.c.amount)).where(p.c.account == account, p.c.member_no.is_not(None))
    if as_of is not None:
        q = q.where(p.c.date <= as_of)
    type_ = conn.execute(select(s.account.c.type).where(s.account.c.code == account)).scalar() or acc.ASSET
    return {no: Money(acc.normal_balance(type_, int(total))) for no, total in conn.execute(q.group_by(p.c.member_no))}


class SubledgerQueries(_Base):
    def member_balances(self, as_of: dt.date | None = None) -> list[dto.MemberBalance]:
        """Every member's shares, savings, loans and payouts owed as of ``as_of`` (one query, member order)."""
        with self._read() as conn:
            return balances(conn, as_of)

    def member_lines(self, member_no: int, start: dt.date | None = None,
                     end: dt.date | None = None) -> list[dto.MemberLine]:
        """One member's statement data: all their postings, with running balances per account."""
        with self._read() as conn:
            return member_lines(conn, member_no, start, end)

    def balances_by_member(self, account: str, as_of: dt.date | None = None) -> dict[int, Money]:
        """Every member's balance of ``account`` (e.g. ``savings:voluntary``) as of ``as_of``, positive normal."""
        with self._read() as conn:
            return account_by_member(conn, account, as_of)
