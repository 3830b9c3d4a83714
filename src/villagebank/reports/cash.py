"""The cash book for a month (บัญชีเงินสด: receipts and payments side by side, balance brought and carried
forward) and the secretary's monthly record (บันทึกเลขานุการ)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagebank.i18n import N_, _
from villagebank.ledger import accounts as acc
from villagebank.ledger.cashbook import KIND_LABELS
from villagebank.reports.common import (
    CHAIR,
    CHECKER,
    SECRETARY,
    TREASURER,
    Period,
    account_name,
    new_report,
    signers,
)
from villagebank.reports.table import Column, KeyValues, Kind, Paragraph, Report, ReportTable, Style
from villagebank.thai import format_amount as _b
from villagebank.thai import format_date

if TYPE_CHECKING:
    from villagebank.ledger import Book
    from villagebank.ledger.cashbook import CashBook, CashLine

CASHBOOK_TITLE = N_("Cash book")
SECRETARY_TITLE = N_("Secretary's monthly record")


def describe(line: CashLine) -> str:
    """What a cash-book line says: the receipt and member, the loan, or the entry's own description."""
    who = f"{line.member_no} {line.member_name}".strip() if line.member_no is not None else ""
    if line.kind == "reversal":
        return _("Correction of entry {seq}").format(seq=line.reverses_seq) + (f" {line.memo}" if line.memo else "")
    if line.receipt_no is not None:
        return _("Receipt {no}, member {member}").format(no=line.receipt_no, member=who)
    if line.kind == "loan_disburse":
        return _("Loan {loan} paid out to {member}").format(loan=line.loan_no, member=who)
    label = _(KIND_LABELS[line.kind]) if line.kind in KIND_LABELS else line.kind
    text = line.memo or label
    if who:
        text = f"{text} ({who})"
    return text


def _cash_table(cb: CashBook, title: str) -> ReportTable:
    t = ReportTable([Column("in_date", _("Date"), Kind.DATE, 0.85), Column("in_item", _("Money received"), Kind.TEXT, 2.8),
                     Column("in_amount", _("Amount"), Kind.MONEY, 1.05),
                     Column("out_date", _("Date"), Kind.DATE, 0.85), Column("out_item", _("Money paid"), Kind.TEXT, 2.8),
                     Column("out_amount", _("Amount"), Kind.MONEY, 1.05)], title=title, key=cb.account)
    left: list[tuple] = [(cb.start, _("Balance brought forward"), cb.brought_forward.satang)]
    right: list[tuple] = []
    for line in cb.lines:
        if line.received.satang:
            left.append((line.date, describe(line), line.received.satang))
        if line.paid.satang:
            right.append((line.date, describe(line), line.paid.satang))
    right.append((cb.end, _("Balance carried forward"), cb.carried_forward.satang))
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else (None, None, None)
        b = right[i] if i < len(right) else (None, None, None)
        t.add(*a, *b)
    total_in = cb.brought_forward.satang + cb.received.satang
    total_out = cb.paid.satang + cb.carried_forward.satang
    t.add(None, _("Total"), total_in, None, _("Total"), total_out, style=Style.TOTAL)
    return t


def cash_book(book: Book, period: Period) -> Report:
    """Cash on hand, then each of the group's bank accounts that held or moved money, for the period."""
    assert period.start is not None
    report = new_report(book, "cashbook", _(CASHBOOK_TITLE), period.label, landscape=True,
                        signatures=signers(book, TREASURER, CHECKER))
    for code, name in sorted(book.money_accounts(), key=lambda a: (a[0] != acc.CASH, a[0])):  # cash first
        cb = book.cash_book(period.start, period.end, code)
        if code != acc.CASH and not cb.lines and not cb.brought_forward.satang:
            continue
        report.blocks.append(_cash_table(cb, account_name(name)))
        report.blocks.append(Paragraph(_("Received {received}, paid {paid}; balance {balance} on {date}.").format(
            received=_b(cb.received.satang), paid=_b(cb.paid.satang), balance=_b(cb.carried_forward.satang),
            date=format_date(cb.end, "long")), small=True))
    return report


def secretary_record(book: Book, period: Period) -> Report:
    """The secretary's monthly record: members, money received and paid, expenses, loans paid out, the balance
    carried forward, and what the month's meetings decided about missed savings."""
    assert period.start is not None
    y, m = period.start.year, period.start.month
    rec = book.secretary_record(y, m)
    report = new_report(book, "secretary", _(SECRETARY_TITLE), period.label,
                        signatures=signers(book, SECRETARY, CHAIR))
    kv = KeyValues(title=_("Members"), columns=3)
    kv.add(_("At the end of the month"), rec.members_at_end, Kind.INT)
    kv.add(_("New members"), rec.new_members, Kind.INT)
    kv.add(_("Members who left"), rec.left_members, Kind.INT)
    report.blocks.append(kv)
    money = ReportTable([Column("item", _("Item"), Kind.TEXT, 4.0), Column("amount", _("Amount (baht)"), Kind.MONEY, 1.4)],
                        title=_("Money (cash and bank accounts)"), key="money")
    money.add(_("Balance brought forward"), rec.brought_forward)
    money.add(_("Received in the month"), rec.received)
    money.add(_("of which shares (savings)"), rec.shares_received)
    money.add(_("of which loan principal repaid"), rec.loan_repayments)
    money.add(_("of which loan interest"), rec.interest_received)
    money.add(_("Paid in the month"), rec.paid)
    money.add(_("of which loans paid out"), rec.loans_paid_out)
    money.add(_("of which expenses"), rec.expenses)
    money.add(_("Balance carried forward"), rec.carried_forward, style=Style.TOTAL)
    report.blocks.append(money)
    expenses = book.expenses_by_category(period.start, period.end)
    if expenses:
        t = ReportTable([Column("item", _("Expense"), Kind.TEXT, 4.0),
                         Column("amount", _("Amount (baht)"), Kind.MONEY, 1.4)], title=_("Expenses of the month"),
                        key="expenses")
        for _code, name, amount in expenses:
            t.add(account_name(name), amount)
        t.add(_("Total"), sum(a.satang for _c, _n, a in expenses), style=Style.TOTAL)
        report.blocks.append(t)
    people = {x.member_no: x.full_name for x in book.members()}
    out = [st for st in book.loans(period.as_of)
           if st.disbursed_date is not None and period.start <= st.disbursed_date <= period.end]
    if out:
        t = ReportTable([Column("loan", _("Loan no."), Kind.CODE, 0.6), Column("borrower", _("Borrower"), Kind.TEXT, 2.4, names=True),
                         Column("date", _("Date"), Kind.DATE, 1.0), Column("amount", _("Amount"), Kind.MONEY, 1.2),
                         Column("term", _("Installments"), Kind.INT, 0.8),
                         Column("guarantors", _("Guarantors"), Kind.TEXT, 2.6, names=True)],
                        title=_("Loans paid out"), key="loans")
        for st in out:
            t.add(st.loan_no, f"{st.member_no} {st.borrower}", st.disbursed_date, st.principal, st.term_months,
                  "\n".join(f"{g} {people.get(g, '')}".strip() for g in st.guarantors))
        t.add(None, _("Total"), None, sum(st.principal.satang for st in out), None, None, style=Style.TOTAL)
        report.blocks.append(t)
    for meeting in book.meetings():
        if period.start <= meeting.date <= period.end and meeting.summary:
            report.blocks.append(_meeting_note(meeting.date, meeting.summary, people))
    return report


def _meeting_note(day, summary: dict, people: dict[int, str]) -> Paragraph:
    def names(nos: list[int]) -> str:
        return ", ".join(f"{n} {people.get(n, '')}".strip() for n in nos) or "-"

    parts = [_("Meeting of {date}: {receipts} receipts from {members} members.").format(
        date=format_date(day, "long"), receipts=summary.get("receipts", 0), members=summary.get("members_paid", 0))]
    if summary.get("missed"):
        parts.append(_("Missed their saving: {names}.").format(names=names(summary["missed"])))
    if summary.get("suspended"):
        parts.append(_("Loans suspended: {names}.").format(names=names(summary["suspended"])))
    if summary.get("terminated"):
        parts.append(_("Membership ended: {names}.").format(names=names(summary["terminated"])))
    return Paragraph(" ".join(parts))
