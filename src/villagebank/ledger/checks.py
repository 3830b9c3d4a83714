"""Whole-book checks beyond the hash chain: the four books agree with the journal.

Each returns a list of problems (never stops at the first), naming the entry, loan or receipt at fault.
"""

from __future__ import annotations

from sqlalchemy import Connection

from villagebank.i18n import N_
from villagebank.ledger.journal import Problem


def _p(at: int | None, code: str, template: str, **params: object) -> Problem:
    return Problem(at, code, template, tuple(sorted(params.items())))


MEMBER_ACCOUNTS_SQL = ("account = 'shares' OR account LIKE 'savings:%' OR account IN "
                       "('payable:payouts', 'payable:former_members', 'loans')")


def book_problems(conn: Connection) -> list[Problem]:
    out: list[Problem] = []
    q = conn.exec_driver_sql
    for seq, account in q(f"SELECT entry_seq, account FROM posting WHERE member_no IS NULL AND ({MEMBER_ACCOUNTS_SQL}) "
                          "LIMIT 50"):
        out.append(_p(seq, "no_member", N_("entry {seq} moves {account} without naming the member"), seq=seq,
                      account=account))
    for seq, in q("SELECT entry_seq FROM posting WHERE account = 'loans' AND loan_no IS NULL LIMIT 50"):
        out.append(_p(seq, "no_loan", N_("entry {seq} moves loans without naming the loan"), seq=seq))
    for loan_no, bal, principal in q(
            "SELECT p.loan_no, SUM(p.amount), l.principal FROM posting p LEFT JOIN loan l ON l.loan_no = p.loan_no "
            "WHERE p.account = 'loans' GROUP BY p.loan_no"):
        if principal is None:
            out.append(_p(None, "loan_missing", N_("postings name loan {loan}, which is not in the loan book"),
                          loan=loan_no))
        elif bal < 0 or bal > principal:
            out.append(_p(None, "loan_balance", N_("loan {loan} has a balance of {balance} satang, outside 0 to "
                                                   "its amount"), loan=loan_no, balance=bal))
    for loan_no, member_no in q(
            "SELECT DISTINCT p.loan_no, p.member_no FROM posting p JOIN loan l ON l.loan_no = p.loan_no "
            "WHERE p.account IN ('loans', 'income:interest') AND p.member_no <> l.member_no"):
        out.append(_p(None, "loan_member", N_("loan {loan} has postings for member {member}, not its borrower"),
                      loan=loan_no, member=member_no))
    for loan_no, status, seq in q("SELECT loan_no, status, disburse_seq FROM loan"):
        if (status == "disbursed") != (seq is not None):
            out.append(_p(None, "loan_status", N_("loan {loan} is marked {status} but its payout entry does not "
                                                  "agree"), loan=loan_no, status=status))
    for member_no, account, _balance in q(
            "SELECT member_no, account, SUM(amount) FROM posting WHERE member_no IS NOT NULL AND "
            "(account = 'shares' OR account LIKE 'savings:%') GROUP BY member_no, account HAVING SUM(amount) > 0"):
        out.append(_p(None, "negative_balance", N_("member {member} has a negative balance on {account}"),
                      member=member_no, account=account))
    expected = 1
    # Each receipt's entry credits summed inside SQLite (one statement, not one query per receipt).
    for receipt_no, seq, total, credits in q(
            "SELECT r.receipt_no, r.entry_seq, r.total, (SELECT -SUM(p.amount) FROM posting p "
            "WHERE p.entry_seq = r.entry_seq AND p.amount < 0) FROM receipt r ORDER BY r.receipt_no"):
        if receipt_no != expected:
            out.append(_p(seq, "receipt_gap", N_("receipt numbers jump from {before} to {after}"),
                          before=expected - 1, after=receipt_no))
        expected = receipt_no + 1
        if credits != total:
            out.append(_p(seq, "receipt_total", N_("receipt {no} shows a total that differs from its entry {seq}"),
                          no=receipt_no, seq=seq))
    return out
