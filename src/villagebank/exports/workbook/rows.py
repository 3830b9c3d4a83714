"""The book as workbook rows (pure data: the writer formats them). Everything is as of a date.

How the journal maps to the contract's sheets (version 1 and its addendum, ``docs/workbook.md``):

- member payments (``meeting_payment``, ``payment``, ``deposit``): the shares part is a ``share_txns``
  deposit; entry fee, fine and other fee are ``fees`` rows; each loan's principal and interest one
  ``repayments`` row; money collected for a partner a ``pass_through`` ``collected`` row;
- a partial withdrawal of shares and a payment to a former member of their shares (on leaving, after the
  membership ended) are ``share_txns`` withdrawals. Setting a leaving member's balance aside
  (``leave_frozen``, ``terminate_shares``) is not a row: it follows from the member's status and the
  meetings, and the importer posts it again;
- disbursed loans are ``loans`` rows (from the loan book); applications never paid out are not in v1;
- remittances to a partner and the dues the bank pays for members are ``pass_through`` rows
  (``remitted``, ``paid_by_bank``), one per member of the entry; welfare benefits are ``welfare_claims``
  rows (with the committee's reason when it approved a claim outside the schedule);
- the year-end close is not a row: it is the ``allocation`` and ``member_payouts`` sheets, from which
  the importer closes the year again. Payouts credited to shares at the close are ``share_txns`` rows of
  kind ``dividend_to_shares``; a year-end payout paid to a member is a ``cash`` row ``payout:<member_no>``
  (addendum). A close reversed by reopening the year is left out with its reversal;
- cash book entries (income, expenses, transfers, opening balances, cash-count differences, money
  received into a fund as ``fund:<fund>``) are ``cash`` rows. The contract has one cash box and one bank:
  bank interest and bank fees move the bank account, everything else cash (``contract.BANK_SIDE_CATEGORIES``).
  Money that moved the other way gets a ``bank_deposit``/``bank_withdrawal`` row beside it, and so does
  a member transaction paid into or out of a bank account, so that cash and bank balances come back
  exactly;
- a corrected entry and its correction are both left out when the correction is dated by the as-of
  date (their effects cancel); savings products other than shares have no sheet in v1: both are
  reported as warnings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from villagebank.exports.workbook import contract as c
from villagebank.i18n import N_, UserError
from villagebank.ledger import Book, Money
from villagebank.ledger import accounts as acc
from villagebank.ledger.dto import JournalEntry

PAYMENT_KINDS = ("meeting_payment", "payment", "deposit")
FEE_ACCOUNTS = {acc.ENTRY_FEE_INCOME: "entry_fee", acc.FINE_INCOME: "fine", acc.OTHER_INCOME: "other"}
SILENT_KINDS = ("leave_frozen", "terminate_shares", "loan_disburse", "year_close")
CASH_KINDS = ("cash_in", "cash_out", "opening", "transfer", "cash_count", "fund_in")


@dataclass
class ExportWarning:
    error: UserError

    def __str__(self) -> str:
        return self.error.message()


def _is_money(account: str) -> bool:
    return account == acc.CASH or account.startswith("bank:")


# --- bank ------------------------------------------------------------------------------------------------
def bank_rows(book: Book, as_of: dt.date) -> list[tuple[str, object]]:
    """(key, value) rows of the bank sheet: format, version, the bank, as_of, then every rule.
    Money rules in baht (Money), lists as JSON text as the app stores them (money there in satang)."""
    import dataclasses
    import json

    from villagebank.ledger.rules import MONEY_RULES

    info = book.bank()
    rows: list[tuple[str, object]] = [("format", c.FORMAT), ("version", c.VERSION), ("name", info.name),
                                      ("village", info.village), ("tambon", info.tambon),
                                      ("amphoe", info.amphoe), ("province", info.province), ("as_of", as_of)]
    rules = book.rules
    stored = json.loads(rules.to_json())
    for f in dataclasses.fields(rules):
        value = getattr(rules, f.name)
        if f.name in MONEY_RULES and value is not None:
            value = Money(value)
        elif isinstance(value, tuple):
            value = json.dumps(stored[f.name], ensure_ascii=False)
        rows.append((f.name, value))
    return rows


# --- members, loans, balances, summary ---------------------------------------------------------------
def member_rows(book: Book, as_of: dt.date) -> Iterator[dict]:
    for m in book.members_as_of(as_of):
        yield {"member_no": m.member_no, "title": m.title, "first_name": m.first_name, "last_name": m.last_name,
               "citizen_id": m.citizen_id or "", "birth_date": m.birth_date, "sex": m.sex, "house_no": m.house_no,
               "moo": m.moo, "tambon": m.tambon, "amphoe": m.amphoe, "province": m.province, "phone": m.phone,
               "occupation": m.occupation, "join_date": m.join_date, "status": m.status,
               "exit_date": m.exit_date if m.status in c.LEFT_STATUSES else None,
               "committee_role": m.committee_role}


def loan_rows(book: Book, as_of: dt.date) -> Iterator[dict]:
    for st in book.loans(as_of):
        if st.disbursed_date is None or st.disbursed_date > as_of:
            continue
        g = [*st.guarantors, None, None]
        yield {"loan_no": st.loan_no, "member_no": st.member_no, "date": st.disbursed_date,
               "principal": st.principal, "rate_monthly_pct": st.rate_pct, "term_months": st.term_months,
               "purpose": st.purpose, "guarantor1_no": g[0], "guarantor2_no": g[1]}


def balance_rows(book: Book, as_of: dt.date) -> Iterator[dict]:
    loan_bal: dict[int, int] = defaultdict(int)
    overdue: dict[int, int] = defaultdict(int)
    for st in book.loans(as_of, statuses=("disbursed",)):
        loan_bal[st.member_no] += st.balance.satang
        overdue[st.member_no] += st.overdue.satang
    shares = book.balances_by_member(acc.SHARES, as_of)  # every member's in one query
    for m in book.members_as_of(as_of):
        yield {"member_no": m.member_no, "name": m.full_name, "share_balance": shares.get(m.member_no, Money(0)),
               "loan_balance": Money(loan_bal[m.member_no]), "overdue_amount": Money(overdue[m.member_no]),
               "as_of": as_of}


def summary_rows(book: Book, as_of: dt.date) -> list[tuple[str, str, object]]:
    """(key, Thai label, value) of the summary sheet; values are Money, or int for counts."""
    from villagebank.ledger.members import ACTIVE_STATUSES

    rules = book.rules
    bal = {a.code: a.balance.satang for a in book.account_balances(as_of=as_of)}
    overdue = sum(st.overdue.satang for st in book.loans(as_of, statuses=("disbursed",)))
    start, _end = book.fiscal_year_bounds(book.fiscal_year_of(as_of))
    ytd = book.account_balances(as_of=as_of, start=start)
    income = -sum(a.balance.satang for a in ytd if a.type == acc.INCOME)
    expenses = sum(a.balance.satang for a in ytd if a.type == acc.EXPENSE)
    values: dict[str, object] = {
        "active_members": sum(1 for m in book.members_as_of(as_of) if m.status in ACTIVE_STATUSES),
        "total_shares": Money(-bal.get(acc.SHARES, 0)),
        "loans_outstanding": Money(bal.get(acc.LOANS, 0)),
        "overdue": Money(overdue),
        "cash": Money(bal.get(acc.CASH, 0)),
        "bank": Money(sum(v for k, v in bal.items() if k.startswith("bank:"))),
        "reserve_fund": Money(-bal.get(acc.RESERVE, 0)),
        "welfare_fund": Money(-bal.get(acc.WELFARE_FUND, 0)),
        "development_fund": Money(-bal.get(acc.DEVELOPMENT_FUND, 0)),
        "income_ytd": Money(income),
        "expenses_ytd": Money(expenses),
        "net_profit_ytd": Money(income - expenses),
    }
    rows = []
    for key in c.SUMMARY_KEYS:
        rows.append((key, c.SUMMARY_THAI[key], values[key]))
        if key == "bank":
            for p in rules.partners:
                rows.append((f"payable_{p.key}", f"{c.PAYABLE_THAI} {p.name}",
                             Money(-bal.get(acc.partner_payable(p.key), 0))))
    return rows


# --- the journal as rows ---------------------------------------------------------------------------------
def entry_rows(book: Book, as_of: dt.date, warnings: list[ExportWarning]) -> Iterator[tuple[str, dict]]:
    """(sheet key, row) for share_txns, fees, repayments, cash, pass_through and welfare_claims, in journal
    order."""
    # The journal is streamed (a network-scale book's is gigabytes as objects): what must be known before an
    # entry is reached — is it corrected or reopened later? — is read first, in one small query.
    reversals: dict[int, int] = {}  # seq of a corrected entry -> seq of its correction
    reopened: set[int] = set()
    for seq, kind, original in book.reversing_entries(end=as_of):
        if kind == "reversal":
            reversals[original] = seq
        elif kind == "year_reopen":
            reopened.add(original)
    claims = {cl.entry_seq: cl for cl in book.welfare_claims()}
    for e in book.journal_rows(end=as_of):
        if e.kind == "year_reopen" or e.seq in reopened:
            continue  # a close reversed by reopening the year: the standing close is the allocation sheet
        if e.reverses_seq is not None and e.reverses_seq in reversals:
            continue
        if e.seq in reversals:
            warnings.append(ExportWarning(UserError(
                N_("entry {seq} of {date} and its correction (entry {by}) are left out: they cancel out"),
                seq=e.seq, date=_d(e.date), by=reversals[e.seq])))
            continue
        yield from _rows_of(e, warnings, claims)


def _d(date: dt.date) -> str:
    from villagebank.thai import format_date

    return format_date(date)


# The entries come as ``JournalEntry`` (plain values) and their postings as (account, satang, member_no, loan_no).
def _rows_of(e: JournalEntry, warnings: list[ExportWarning], claims: dict) -> Iterator[tuple[str, dict]]:
    kind = e.kind
    if kind in PAYMENT_KINDS:
        yield from _payment_rows(e, warnings)
    elif kind in ("withdrawal", "former_member_payout"):
        account = acc.SHARES if kind == "withdrawal" else acc.FORMER_MEMBERS
        amount = sum(p[1] for p in e.postings if p[0] == account)
        yield "share_txns", {"date": e.date, "member_no": e.member_no, "kind": "withdrawal", "amount": Money(amount)}
    elif kind == "dividend_to_shares":
        for account, amount, member_no, _loan in e.postings:
            if account == acc.SHARES and member_no is not None:
                yield "share_txns", {"date": e.date, "member_no": member_no, "kind": "dividend_to_shares",
                                     "amount": Money(-amount)}
        return
    elif kind == "payout":
        paid = sum(p[1] for p in e.postings if p[0] in (acc.PAYOUTS_PAYABLE, acc.FORMER_MEMBERS))
        yield "cash", _cash(e.date, "out", f"{c.PAYOUT_PREFIX}{e.member_no}", e.memo, paid)
    elif kind == "welfare_claim":
        claim = claims.get(e.seq)
        paid = sum(p[1] for p in e.postings if p[0] == acc.WELFARE_FUND)
        yield "welfare_claims", {"date": e.date, "member_no": e.member_no, "case": claim.case if claim else "",
                                 "nights": claim.nights if claim else None, "amount_paid": Money(paid),
                                 "override_reason": (claim.override_reason if claim else e.reason) or None}
    elif kind in ("partner_remit", "partner_bank_pays"):
        for account, amount, member_no, _loan in e.postings:
            if account.startswith("payable:") and member_no is not None:
                yield "pass_through", {
                    "date": e.date, "member_no": member_no, "partner": account.split(":", 1)[1],
                    "direction": "remitted" if kind == "partner_remit" else "paid_by_bank",
                    "amount": Money(abs(amount))}
    elif kind in SILENT_KINDS:
        pass
    elif kind in CASH_KINDS:
        yield from _cash_rows(e)
        return
    else:
        warnings.append(ExportWarning(UserError(
            N_("entry {seq} of {date} ({kind}) has no place in workbook version 1 and is left out"),
            seq=e.seq, date=_d(e.date), kind=kind)))
        return
    # A member transaction through a bank account: the importer posts it to cash, so move it back.
    bank_net = sum(p[1] for p in e.postings if p[0].startswith("bank:"))
    if bank_net > 0:
        yield "cash", _cash(e.date, "out", "bank_deposit", e.memo, bank_net)
    elif bank_net < 0:
        yield "cash", _cash(e.date, "in", "bank_withdrawal", e.memo, -bank_net)


def _payment_rows(e: JournalEntry, warnings: list[ExportWarning]) -> Iterator[tuple[str, dict]]:
    shares = 0
    fees: dict[str, int] = defaultdict(int)
    loans: dict[int, list[int]] = {}
    partners: dict[str, int] = defaultdict(int)
    for account, amount, _member, loan_no in e.postings:
        a = -amount
        if account == acc.SHARES:
            shares += a
        elif account in FEE_ACCOUNTS:
            fees[FEE_ACCOUNTS[account]] += a
        elif (account == acc.LOANS or account == acc.INTEREST_INCOME) and loan_no is not None:
            loans.setdefault(loan_no, [0, 0])[0 if account == acc.LOANS else 1] += a
        elif account.startswith("payable:") and account not in (acc.PAYOUTS_PAYABLE, acc.FORMER_MEMBERS):
            partners[account.split(":", 1)[1]] += a
        elif account.startswith("savings:"):
            warnings.append(ExportWarning(UserError(
                N_("entry {seq} of {date}: savings besides shares ({account}) have no sheet in workbook version 1"),
                seq=e.seq, date=_d(e.date), account=account)))
    date, member_no = e.date, e.member_no
    if shares:
        yield "share_txns", {"date": date, "member_no": member_no, "kind": "deposit", "amount": Money(shares)}
    if fees:
        for kind in ("entry_fee", "fine", "other"):
            if fees.get(kind):
                yield "fees", {"date": date, "member_no": member_no, "kind": kind, "amount": Money(fees[kind])}
    for loan_no, (principal, interest) in loans.items():
        yield "repayments", {"date": date, "loan_no": loan_no, "principal": Money(principal),
                             "interest": Money(interest)}
    for partner, amount in partners.items():
        yield "pass_through", {"date": date, "member_no": member_no, "partner": partner,
                               "direction": "collected", "amount": Money(amount)}


def _cash(date: dt.date, direction: str, category: str, description: str, satang: int) -> dict:
    return {"date": date, "direction": direction, "category": category, "description": description,
            "amount": Money(satang)}


def _cash_rows(e: JournalEntry) -> Iterator[tuple[str, dict]]:
    """Cash book entries. The importer puts bank-side categories in the bank and the rest in cash; a
    ``bank_deposit``/``bank_withdrawal`` row next to the entry's row moves the money where it was."""
    money = [p for p in e.postings if _is_money(p[0])]
    others = [p for p in e.postings if not _is_money(p[0])]
    if e.kind == "transfer" or not others:
        cash = sum(p[1] for p in money if p[0] == acc.CASH)
        if cash > 0:
            yield "cash", _cash(e.date, "in", "bank_withdrawal", e.memo, cash)
        elif cash < 0:
            yield "cash", _cash(e.date, "out", "bank_deposit", e.memo, -cash)
        return
    implied_bank = 0  # what the importer will put in the bank for the rows below
    for account, satang, _member, _loan in others:
        amount = -satang  # income and opening credits are money in (positive)
        if account == acc.OPENING_EQUITY:
            in_bank = bool(money) and money[0][0] != acc.CASH
            implied_bank += amount if in_bank else 0
            yield "cash", _cash(e.date, "in", "opening_bank" if in_bank else "opening_cash", e.memo, amount)
            continue
        if account in c.BANK_SIDE_CATEGORIES:
            implied_bank += amount
        yield "cash", _cash(e.date, "in" if amount > 0 else "out", account, e.memo, abs(amount))
    actual_bank = sum(p[1] for p in money if p[0] != acc.CASH)
    diff = actual_bank - implied_bank  # what the importer would put in cash that belongs in the bank
    if diff > 0:
        yield "cash", _cash(e.date, "out", "bank_deposit", e.memo, diff)
    elif diff < 0:
        yield "cash", _cash(e.date, "in", "bank_withdrawal", e.memo, -diff)


# --- the year end ----------------------------------------------------------------------------------------
def allocation_values(a) -> dict:
    """The ``allocation`` row of a posted (or recomputed) close. Pools paid to members are what the members
    got; ``remainder_to_reserve`` is every remainder and every pool with an empty base, so the row adds up
    to the net profit. A loss year: the deficit charged to the reserve, as a negative number."""
    from villagebank.thai import BE_OFFSET

    row: dict = {"year": a.fiscal_year + BE_OFFSET, "net_profit": Money(a.net_profit)}
    if a.net_profit <= 0:
        row.update({k: Money(0) for k in ("depositors", "borrowers", "welfare", "development", "committee",
                                           "remainder_to_reserve")})
        row["reserve"] = Money(a.net_profit)
        return row
    paid = {k: sum(getattr(p, k) for p in a.payouts) for k in ("depositor", "borrower", "committee")}
    row.update({"reserve": Money(a.pools["reserve"]), "depositors": Money(paid["depositor"]),
                "borrowers": Money(paid["borrower"]), "welfare": Money(a.pools["welfare"]),
                "development": Money(a.pools["development"]), "committee": Money(paid["committee"]),
                "remainder_to_reserve": Money(a.remainder_to_reserve)})
    assert sum(row[k].satang for k in row if k not in ("year", "net_profit")) == a.net_profit, row
    return row


def payout_values(a) -> list[dict]:
    """The ``member_payouts`` rows of a close: every member with a payout (share-months in baht)."""
    from villagebank.thai import BE_OFFSET

    return [{"year": a.fiscal_year + BE_OFFSET, "member_no": p.member_no, "share_months": Money(p.share_months),
             "depositor_payout": Money(p.depositor), "interest_paid": Money(p.interest_paid),
             "borrower_payout": Money(p.borrower), "committee_payout": Money(p.committee),
             "total": Money(p.total)} for p in a.payouts if p.total > 0]


def year_end_rows(book: Book, as_of: dt.date) -> Iterator[tuple[dict, list[dict]]]:
    """(allocation row, member_payouts rows) of every year closed by ``as_of`` (its close is dated the last
    day of the fiscal year)."""
    for fy in book.closed_years():
        a = book.allocation(fy)
        if a.end <= as_of:
            yield allocation_values(a), payout_values(a)
