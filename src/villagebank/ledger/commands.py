"""The four books on the Book facade: mixins adding share, loan, cash-book and meeting-day commands
(one write transaction each) and queries (frozen results)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from villagebank.i18n import N_
from villagebank.ledger import accounts as acc
from villagebank.ledger import cashbook, loans, meetings, members, shares, welfare, yearend
from villagebank.ledger import journal as j
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, LedgerError, RuleViolation
from villagebank.ledger.meetings import Parts
from villagebank.ledger.money import Money
from villagebank.ledger.periods import fiscal_year_bounds, fiscal_year_of
from villagebank.thai import normalize_text

if TYPE_CHECKING:
    from villagebank.ledger.book import BookBase

    _Base = BookBase
else:
    _Base = object


class ShareCommands(_Base):
    def fiscal_year_of(self, date: dt.date) -> int:
        return fiscal_year_of(date, self.rules.fiscal_year_start_month)

    def fiscal_year_bounds(self, fy: int) -> tuple[dt.date, dt.date]:
        return fiscal_year_bounds(fy, self.rules.fiscal_year_start_month)

    def deposit(self, member_no: int, amount: Money, date: dt.date | None = None,
                account: str = acc.CASH) -> meetings.Receipt:
        """Shares bought by a member (at the open meeting of that date when there is one), with a receipt."""
        return self.pay(member_no, Parts(shares=amount), date=date, account=account)

    def share_balance(self, member_no: int, as_of: dt.date | None = None) -> Money:
        with self._read() as conn:
            return shares.share_balance(conn, member_no, as_of)

    def share_grid(self, fy: int, member_nos: Iterable[int] | None = None) -> list[shares.GridRow]:
        with self._read() as conn:
            return shares.share_grid(conn, self.rules, fy, member_nos)

    def month_end_share_balances(self, fy: int, member_nos: Iterable[int] | None = None) -> dict[int, list[int]]:
        with self._read() as conn:
            return shares.month_end_share_balances(conn, self.rules, fy, member_nos)

    def missed_savings(self, member_no: int, fy: int | None = None) -> list[dt.date]:
        fy = fy if fy is not None else self.fiscal_year_of(self.clock.today())
        with self._read() as conn:
            return shares.misses_in_year(conn, member_no, fy)

    def missed_savings_by_member(self, fy: int) -> dict[int, list[dt.date]]:
        """Every member's missed savings in fiscal year ``fy`` (members without a miss are absent)."""
        with self._read() as conn:
            return shares.misses_by_member(conn, fy)

    def savings_balance(self, member_no: int, product: str, as_of: dt.date | None = None) -> Money:
        with self._read() as conn:
            return shares.account_balance(conn, acc.savings_account(product), member_no, as_of)

    def save(self, member_no: int, product: str, amount: Money, date: dt.date | None = None,
             account: str = acc.CASH) -> meetings.Receipt:
        """A deposit into a savings product (voluntary, Village Fund special saving...)."""
        return self.pay(member_no, Parts(savings=((product, amount),)), date=date, account=account)

    def withdraw_savings(self, member_no: int, product: str, amount: Money, date: dt.date | None = None,
                         *, for_purpose: bool = False, account: str = acc.CASH, note: str = "") -> int:
        date = date or self.clock.today()
        with self._write() as conn:
            p = self.rules.savings_product(product)
            if p is None:
                raise InvalidInput(N_("there is no kind of savings “{key}”"), key=product)
            if not p.withdraw_anytime and not for_purpose:
                raise RuleViolation(N_("“{name}” can be withdrawn only for its purpose ({purpose}) or on leaving"),
                                    rule="savings_products", name=p.name, purpose=p.purpose or "-")
            self._withdraw(conn, member_no, acc.savings_account(product), amount, date, account,
                           "savings_withdrawal", note)
            return j.last_entry(conn)[0]

    def withdraw_shares(self, member_no: int, amount: Money, date: dt.date | None = None,
                        account: str = acc.CASH, note: str = "") -> int:
        """A partial withdrawal of shares by a member who stays (only when the rules allow it)."""
        date = date or self.clock.today()
        if self.rules.withdrawals_only_on_leaving:
            raise RuleViolation(N_("the bank's rules allow shares to be withdrawn only on leaving"),
                                rule="withdrawals_only_on_leaving")
        if amount.satang % self.rules.share_value:
            raise RuleViolation(N_("shares are withdrawn whole at {share} baht each"), rule="share_value",
                                share=str(Money(self.rules.share_value)))
        with self._write() as conn:
            self._withdraw(conn, member_no, acc.SHARES, amount, date, account, "withdrawal", note)
            return j.last_entry(conn)[0]

    def _withdraw(self, conn, member_no: int, account_code: str, amount: Money, date: dt.date, pay_from: str,
                  kind: str, note: str) -> None:
        member = members.get(conn, member_no)
        if member.status not in members.ACTIVE_STATUSES:
            raise RuleViolation(N_("member {no} is not an active member"), rule="status", no=member_no)
        if amount.satang <= 0:
            raise InvalidInput(N_("the amount must be more than zero"), field=N_("Amount"))
        balance = shares.account_balance(conn, account_code, member_no)
        if amount > balance:
            raise RuleViolation(N_("member {no} has only {balance} baht; {amount} baht cannot be withdrawn"),
                                rule="balance", no=member_no, balance=str(balance), amount=str(amount))
        cashbook.require_money_account(conn, pay_from)
        held = cashbook.balance_of(conn, pay_from)
        if amount > held:
            raise RuleViolation(N_("there is only {held} baht in cash; {amount} baht cannot be paid out"),
                                rule="balance", held=str(held), amount=str(amount))
        self._post(conn, date=date, kind=kind, member_no=member_no,
                   memo=normalize_text(note, max_len=200, field=N_("Note")),
                   lines=[j.dr(account_code, amount, member_no=member_no), j.cr(pay_from, amount)])

    def leave(self, member_no: int, status: str, reason: str, date: dt.date | None = None, *,
              pay_now: bool = True, account: str = acc.CASH) -> Money:
        """A member resigns or has died: shares and savings are paid out now (or set aside as due to a
        former member, paid with the year's dividend). Refused while they owe or guarantee a loan."""
        date = date or self.clock.today()
        if status not in ("resigned", "deceased"):
            raise InvalidInput(N_("must be one of: {allowed}"), field=N_("Status"), allowed="resigned, deceased")
        reason = normalize_text(reason or "", max_len=300, field=N_("Reason"))
        if not reason:
            raise InvalidInput(N_("is required"), field=N_("Reason"))
        with self._write() as conn:
            member = members.get(conn, member_no)
            if member.status not in members.ACTIVE_STATUSES:
                raise InvalidInput(N_("member {no} has already left"), no=member_no)
            owing = [st for st in loans.load_states(conn, self.rules, date, member_no=member_no) if st.is_open]
            if owing:
                raise RuleViolation(N_("member {no} still owes loan {loan} ({balance} baht); repay it first"),
                                    rule="open_loan", no=member_no, loan=owing[0].loan_no,
                                    balance=str(owing[0].balance))
            guaranteed = loans.open_guarantees(conn, self.rules, member_no, date)
            if guaranteed and status == "resigned":
                raise RuleViolation(N_("member {no} guarantees loan {loan}; find another guarantor first"),
                                    rule="guarantors_required", no=member_no, loan=guaranteed[0].loan_no)
            members.set_status(conn, member_no, status, date=date, now=self._now(), reason=reason)
            total = shares.freeze_balances(conn, member_no, date, post=self._post, kind="leave_frozen")
            if pay_now and total.satang:
                self._pay_former(conn, member_no, total, date, account)
            return total

    def pay_former_member(self, member_no: int, date: dt.date | None = None, account: str = acc.CASH) -> Money:
        """Pay out what the bank owes a former member (frozen shares, year-end payouts)."""
        date = date or self.clock.today()
        with self._write() as conn:
            owed = shares.account_balance(conn, acc.FORMER_MEMBERS, member_no)
            if owed.satang <= 0:
                raise InvalidInput(N_("nothing is owed to member {no}"), no=member_no)
            self._pay_former(conn, member_no, owed, date, account)
            return owed

    def _pay_former(self, conn, member_no: int, amount: Money, date: dt.date, account: str) -> None:
        held = cashbook.balance_of(conn, account)
        if amount > held:
            raise RuleViolation(N_("there is only {held} baht in cash; {amount} baht cannot be paid out"),
                                rule="balance", held=str(held), amount=str(amount))
        self._post(conn, date=date, kind="former_member_payout", member_no=member_no,
                   lines=[j.dr(acc.FORMER_MEMBERS, amount, member_no=member_no), j.cr(account, amount)])

    def owed_to_former_member(self, member_no: int) -> Money:
        with self._read() as conn:
            return shares.account_balance(conn, acc.FORMER_MEMBERS, member_no)


class LoanCommands(_Base):
    def apply_loan(self, member_no: int, principal: Money, term: int, guarantors: list[int], *,
                   purpose: str = "", date: dt.date | None = None, rate: Decimal | None = None,
                   method: str | None = None, loan_no: int | None = None) -> int:
        """Record a loan application after checking every rule (LoanRefused lists each refusal)."""
        with self._write() as conn:
            return loans.apply(conn, self.rules, member_no=member_no, principal=principal, term=term,
                               guarantors=guarantors, date=date or self.clock.today(), purpose=purpose, rate=rate,
                               method=method, loan_no=loan_no, now=self._now())

    def approve_loan(self, loan_no: int, date: dt.date | None = None, note: str = "") -> None:
        with self._write() as conn:
            loans.decide(conn, self.rules, loan_no, approve=True, date=date or self.clock.today(), by=self.user,
                         note=note)

    def reject_loan(self, loan_no: int, reason: str, date: dt.date | None = None) -> None:
        with self._write() as conn:
            loans.decide(conn, self.rules, loan_no, approve=False, date=date or self.clock.today(), by=self.user,
                         note=reason)

    def cancel_loan(self, loan_no: int, reason: str, date: dt.date | None = None) -> None:
        with self._write() as conn:
            loans.cancel(conn, loan_no, reason, date=date or self.clock.today(), by=self.user)

    def disburse_loan(self, loan_no: int, date: dt.date | None = None, account: str = acc.CASH) -> int:
        date = date or self.clock.today()
        with self._write() as conn:
            m = meetings.open_meeting_row(conn)
            return loans.disburse(conn, self.rules, loan_no, date=date, account=account, post=self._post,
                                  meeting_id=m.id if m and m.date == date else None)

    def repay_loan(self, loan_no: int, amount: Money, date: dt.date | None = None,
                   account: str = acc.CASH) -> meetings.Receipt:
        """A repayment (interest due first, then principal), with a receipt."""
        with self._read() as conn:
            member_no = loans.get_state(conn, self.rules, loan_no, date or self.clock.today()).member_no
        return self.pay(member_no, Parts(loans=((loan_no, amount),)), date=date, account=account)

    def repay_loan_split(self, loan_no: int, principal: Money, interest: Money, date: dt.date | None = None,
                         account: str = acc.CASH) -> meetings.Receipt:
        """A repayment with its split into principal and interest given (a paper record or a workbook row),
        checked against what is owed: principal up to the balance, interest up to what is due."""
        with self._read() as conn:
            member_no = loans.get_state(conn, self.rules, loan_no, date or self.clock.today()).member_no
        return self.pay(member_no, Parts(repayments=((loan_no, principal, interest),)), date=date, account=account)

    def loan(self, loan_no: int, as_of: dt.date | None = None) -> loans.LoanState:
        with self._read() as conn:
            return loans.get_state(conn, self.rules, loan_no, as_of or self.clock.today())

    def loans(self, as_of: dt.date | None = None, *, member_no: int | None = None,
              statuses: tuple[str, ...] | None = None, loan_nos: list[int] | None = None) -> list[loans.LoanState]:
        with self._read() as conn:
            return loans.load_states(conn, self.rules, as_of or self.clock.today(), member_no=member_no,
                                     statuses=statuses, loan_nos=loan_nos)

    def loan_schedule(self, loan_no: int) -> list[loans.Installment]:
        with self._read() as conn:
            st = loans.get_state(conn, self.rules, loan_no, self.clock.today())
            start = st.disbursed_date or self.clock.today()
            return loans.schedule(st.principal, st.term_months, st.rate_pct, st.method, start, self.rules,
                                  loans.meeting_dates(conn))

    def preview_schedule(self, principal: Money, term: int, *, rate: Decimal | None = None,
                         method: str | None = None, date: dt.date | None = None) -> list[loans.Installment]:
        problems = loans.terms_problems(self.rules, principal, term,
                                        self.rules.loan_rate_monthly_pct if rate is None else rate)
        if problems:
            raise problems[0]
        return loans.schedule(principal, term, self.rules.loan_rate_monthly_pct if rate is None else rate,
                              method or self.rules.loan_method, date or self.clock.today(), self.rules)

    def loan_eligibility(self, member_no: int, date: dt.date | None = None) -> list[RuleViolation]:
        with self._read() as conn:
            return loans.borrower_problems(conn, self.rules, members.get(conn, member_no), date or self.clock.today())

    def guarantor_problems(self, borrower: int, guarantors: list[int], principal: Money,
                           date: dt.date | None = None) -> list[RuleViolation]:
        with self._read() as conn:
            return loans.guarantor_problems(conn, self.rules, borrower, guarantors, principal,
                                            date or self.clock.today())

    def loan_terms_problems(self, principal: Money, term: int, *, rate: Decimal | None = None,
                            date: dt.date | None = None) -> list[InvalidInput]:
        """What the rules say about a loan's amount, term and rate before it is applied for (largest loan,
        longest term, rate range, and the cash the bank holds): empty when they allow it. Read-only."""
        rate = self.rules.loan_rate_monthly_pct if rate is None else rate
        with self._read() as conn:
            problems: list[InvalidInput] = [*loans.terms_problems(self.rules, principal, term, rate)]
            cash = loans.cash_problem(conn, principal, date or self.clock.today(), self.rules)
        if cash is not None:
            problems.append(cash)
        return problems

    def guaranteed_by(self, member_no: int, as_of: dt.date | None = None) -> list[loans.LoanState]:
        with self._read() as conn:
            return loans.open_guarantees(conn, self.rules, member_no, as_of or self.clock.today())

    def overdue_loans(self, as_of: dt.date | None = None) -> list[loans.LoanState]:
        as_of = as_of or self.clock.today()
        return [st for st in self.loans(as_of, statuses=("disbursed",)) if st.overdue.satang > 0]

    def guarantor_exposure(self, as_of: dt.date | None = None) -> dict[int, list[loans.LoanState]]:
        with self._read() as conn:
            return loans.guarantor_exposure(conn, self.rules, as_of or self.clock.today())

    def cash_held(self, as_of: dt.date | None = None) -> Money:
        with self._read() as conn:
            return loans.cash_held(conn, as_of)


class CashCommands(_Base):
    def cash_in(self, amount: Money, category: str, description: str = "", date: dt.date | None = None,
                account: str = acc.CASH) -> int:
        with self._write() as conn:
            return cashbook.record_in(conn, date=date or self.clock.today(), category=category, amount=amount,
                                      description=description, account=account, post=self._post)

    def cash_out(self, amount: Money, category: str, description: str = "", date: dt.date | None = None,
                 account: str = acc.CASH) -> int:
        with self._write() as conn:
            return cashbook.record_out(conn, date=date or self.clock.today(), category=category, amount=amount,
                                       description=description, account=account, post=self._post)

    def transfer(self, amount: Money, source: str, target: str, description: str = "",
                 date: dt.date | None = None) -> int:
        with self._write() as conn:
            return cashbook.transfer(conn, date=date or self.clock.today(), source=source, target=target,
                                     amount=amount, description=description, post=self._post)

    def count_cash(self, counts: dict[int, int], reason: str = "", date: dt.date | None = None) -> cashbook.CashCount:
        with self._write() as conn:
            return cashbook.record_count(conn, date=date or self.clock.today(), counts=counts, reason=reason,
                                         now=self._now(), by=self.user, post=self._post)

    def cash_counts(self) -> list[cashbook.CashCount]:
        with self._read() as conn:
            return cashbook.counts_list(conn)

    def cash_book(self, start: dt.date, end: dt.date, account: str = acc.CASH) -> cashbook.CashBook:
        with self._read() as conn:
            return cashbook.cash_book(conn, account, start, end)

    def money_accounts(self) -> list[tuple[str, str]]:
        with self._read() as conn:
            return cashbook.money_accounts(conn)

    def cash_balance(self, account: str = acc.CASH, as_of: dt.date | None = None) -> Money:
        with self._read() as conn:
            return cashbook.balance_of(conn, account, as_of)

    def expenses_by_category(self, start: dt.date, end: dt.date) -> list[tuple[str, str, Money]]:
        with self._read() as conn:
            return cashbook.expenses_by_category(conn, start, end)

    def secretary_record(self, year: int, month: int) -> cashbook.SecretaryRecord:
        with self._read() as conn:
            return cashbook.secretary_record(conn, year, month)

    def categories(self, kind: str) -> list[tuple[str, str]]:
        """Income or expense categories: (code, name)."""
        return [(code, name) for code, type_, name in self.accounts() if type_ == kind
                and code not in (acc.CASH_OVER, acc.CASH_SHORT)]


class MeetingCommands(_Base):
    def open_meeting(self, date: dt.date | None = None) -> meetings.Meeting:
        with self._write() as conn:
            return meetings.open_meeting(conn, date or self.clock.today(), now=self._now())

    def current_meeting(self) -> meetings.Meeting | None:
        with self._read() as conn:
            return meetings.open_meeting_row(conn)

    def meeting(self, meeting_id: int) -> meetings.Meeting:
        with self._read() as conn:
            return meetings.get(conn, meeting_id)

    def meetings(self) -> list[meetings.Meeting]:
        with self._read() as conn:
            return meetings.listing(conn)

    def collection_sheet(self, meeting_id: int | None = None, date: dt.date | None = None) -> list[meetings.Dues]:
        with self._read() as conn:
            if meeting_id is not None:
                date = meetings.get(conn, meeting_id).date
            return meetings.collection_sheet(conn, self.rules, date or self.clock.today(), meeting_id,
                                             partner_dues=self._partner_dues_hook())

    def dues(self, member_no: int, meeting_id: int | None = None, date: dt.date | None = None) -> meetings.Dues:
        with self._read() as conn:
            if meeting_id is not None:
                date = meetings.get(conn, meeting_id).date
            rows = meetings.collection_sheet(conn, self.rules, date or self.clock.today(), meeting_id,
                                             member_nos=[member_no], partner_dues=self._partner_dues_hook())
            if not rows:
                members.get(conn, member_no)
                raise InvalidInput(N_("member {no} is not an active member and owes nothing at a meeting"),
                                   no=member_no)
            return rows[0]

    def _partner_dues_hook(self):
        return None

    def _partner_check_hook(self):
        return None

    def _payment_day(self, conn, meeting_id: int | None, date: dt.date | None) -> tuple[dt.date, int | None]:
        """The date and meeting of a payment: the given meeting's date, else ``date`` (default: the open
        meeting's, else today), inside the open meeting when it is held that day."""
        if meeting_id is None:
            current = meetings.open_meeting_row(conn)
            when = date or (current.date if current else self.clock.today())
            return when, (current.id if current is not None and current.date == when else None)
        when = meetings.get(conn, meeting_id).date
        if date is not None and date != when:
            raise InvalidInput(N_("a payment at the meeting of {meeting} must be dated {meeting}"),
                               meeting=str(when))
        return when, meeting_id

    def pay(self, member_no: int, parts: Parts | None = None, *, meeting_id: int | None = None,
            date: dt.date | None = None, account: str = acc.CASH) -> meetings.Receipt:
        """Record one member's payment (everything due when ``parts`` is None) as one entry and one
        receipt. Inside an open meeting when there is one for the date."""
        with self._write() as conn:
            when, meeting_id = self._payment_day(conn, meeting_id, date)
            if parts is None:
                rows = meetings.collection_sheet(conn, self.rules, when, meeting_id, member_nos=[member_no],
                                                 partner_dues=self._partner_dues_hook())
                if not rows:
                    members.get(conn, member_no)
                    raise InvalidInput(N_("member {no} is not an active member and owes nothing at a meeting"),
                                       no=member_no)
                parts = rows[0].as_parts()
            receipt_no, _seq = meetings.record_payment(conn, self.rules, member_no=member_no, parts=parts, date=when,
                                                       post=self._post, meeting_id=meeting_id, account=account,
                                                       check_partner=self._partner_check_hook())
            return meetings.get_receipt(conn, self.rules, receipt_no)

    def pay_many(self, payments: Sequence[tuple[int, Parts]], *, meeting_id: int | None = None,
                 date: dt.date | None = None, account: str = acc.CASH) -> list[int | LedgerError]:
        """Record many members' payments of one date as ``pay`` would, one after the other (the same rules,
        entries and receipts), in one transaction that reads what they share once: for each payment its
        receipt number, or the refusal (LedgerError) in its place while the others go on. Every rule is
        checked before a payment writes anything; a storage error records none of them."""
        results: list[int | LedgerError] = []
        if not payments:
            return results
        with self._write() as conn:
            when, meeting_id = self._payment_day(conn, meeting_id, date)
            try:
                j.check_open(conn, when)
            except LedgerError as exc:
                return [exc] * len(payments)
            self._check_clock(conn)
            lookups = meetings.BatchLookups(conn, self.rules, when, list(payments))
            codes = set(conn.execute(select(s.account.c.code)).scalars())
            last = j.last_entry(conn) or (0, j.genesis_hash(self.book_id))
            wrote = False

            def post(conn, *, date: dt.date, kind: str, lines: list[j.Line], **kw) -> j.Posted:
                nonlocal last, wrote
                prepared = j.prepare(conn, book_id=self.book_id, date=date, kind=kind, lines=lines,
                                     created_at=self._now(), created_by=self.user, check_locks=date != when,
                                     last=last, accounts=codes, **kw)
                wrote = True
                lookups.add_entry(prepared)
                last = (prepared.seq, prepared.hash)
                return j.Posted(prepared.seq, prepared.hash)

            check_partner = self._partner_check_hook()
            for member_no, parts in payments:
                wrote = False
                try:
                    receipt_no, _seq = meetings.record_payment(
                        conn, self.rules, member_no=member_no, parts=parts, date=when, post=post,
                        meeting_id=meeting_id, account=account, check_partner=check_partner, lookups=lookups)
                except LedgerError as exc:
                    if wrote:  # refused after writing: never keep half a payment
                        raise
                    results.append(exc)
                else:
                    results.append(receipt_no)
            lookups.flush()
        return results

    def close_meeting(self, meeting_id: int, counts: dict[int, int] | None = None,
                      reason: str = "") -> meetings.Meeting:
        with self._write() as conn:
            return meetings.close_meeting(conn, self.rules, meeting_id, counts=counts, reason=reason,
                                          now=self._now(), by=self.user, post=self._post)

    def receipt(self, receipt_no: int) -> meetings.Receipt:
        with self._read() as conn:
            return meetings.get_receipt(conn, self.rules, receipt_no)

    def receipts(self, meeting_id: int | None = None, member_no: int | None = None) -> list[meetings.Receipt]:
        with self._read() as conn:
            return meetings.receipts_of(conn, self.rules, meeting_id, member_no)

    def receipts_between(self, start: dt.date, end: dt.date, member_no: int | None = None) -> list[meetings.Receipt]:
        """Receipts dated ``start``..``end`` (one member's when ``member_no`` is given), in number order: the same
        records as :meth:`receipt`, read in a few queries for a month of statements."""
        with self._read() as conn:
            return meetings.receipts_between(conn, self.rules, start, end, member_no)

    def mark_receipt_printed(self, receipt_no: int) -> bool:
        """Count a print of the receipt; returns True when this print is a copy (a reprint)."""
        from sqlalchemy import select

        from villagebank.ledger.db import schema as s

        with self._write() as conn:
            printed = conn.execute(select(s.receipt.c.printed).where(s.receipt.c.receipt_no == receipt_no)).scalar()
            if printed is None:
                meetings.get_receipt(conn, self.rules, receipt_no)
            conn.execute(s.receipt.update().where(s.receipt.c.receipt_no == receipt_no)
                         .values(printed=(printed or 0) + 1))
            return bool(printed)

    def day_totals(self, date: dt.date) -> dict[str, int]:
        with self._read() as conn:
            return meetings.day_totals(conn, date)


class YearEndCommands(_Base):
    def preview_close(self, fy: int) -> yearend.Allocation:
        """The allocation the close would post now (the same numbers)."""
        with self._read() as conn:
            return yearend.compute(conn, self.rules, fy)

    def close_blockers(self, fy: int) -> list[InvalidInput]:
        with self._read() as conn:
            return yearend.close_blockers(conn, self.rules, fy, self.clock.today())

    def close_year(self, fy: int) -> yearend.Allocation:
        """Close fiscal year ``fy``: allocate the profit, make payouts payable, lock the year.
        A verified backup of the book as it was is made first (kept forever)."""
        with self._read() as conn:
            blockers = yearend.close_blockers(conn, self.rules, fy, self.clock.today())
        if blockers:
            raise blockers[0] if len(blockers) == 1 else yearend.CloseRefused(blockers)
        self._before_year_close(fy)
        with self._write() as conn:
            alloc = yearend.close(conn, self.rules, fy, today=self.clock.today(), now=self._now(), by=self.user,
                                  post=self._post)
        return alloc

    def _before_year_close(self, fy: int) -> None:
        """Hook: the facade makes a verified backup here."""

    def reopen_year(self, fy: int, reason: str) -> list[int]:
        with self._write() as conn:
            return yearend.reopen(conn, self.rules, fy, reason, now=self._now(), by=self.user, post=self._post)

    def allocation(self, fy: int) -> yearend.Allocation:
        """The posted allocation of a closed year (the AGM table and the payout list)."""
        with self._read() as conn:
            return yearend.posted_allocation(conn, fy)

    def closed_years(self) -> list[int]:
        with self._read() as conn:
            return yearend.closed_years(conn)

    def is_year_closed(self, fy: int) -> bool:
        with self._read() as conn:
            return yearend.is_closed(conn, fy)

    def pay_payout(self, member_no: int, date: dt.date | None = None, account: str = acc.CASH) -> Money:
        with self._write() as conn:
            return yearend.pay_payout(conn, member_no, date=date or self.clock.today(), account=account,
                                      post=self._post)

    def pay_payouts(self, member_nos: Sequence[int], date: dt.date | None = None,
                    account: str = acc.CASH) -> list[Money | LedgerError]:
        """``pay_payout`` for each member, one after the other, in one transaction: for each member what was
        paid, or the refusal (LedgerError) in its place while the others go on."""
        with self._write() as conn:
            self._check_clock(conn)
            return yearend.pay_payouts(conn, list(member_nos), date=date or self.clock.today(), account=account,
                                       book_id=self.book_id, created_at=self._now(), created_by=self.user)

    def owed_payouts(self) -> list[tuple[int, Money]]:
        with self._read() as conn:
            return yearend.owed_payouts(conn)


class WelfareCommands(_Base):
    def welfare_fund_balance(self, as_of: dt.date | None = None) -> Money:
        with self._read() as conn:
            return welfare.fund_balance(conn, as_of)

    def assess_claim(self, member_no: int, case: str, date: dt.date | None = None, *, nights: int | None = None,
                     amount: Money | None = None) -> welfare.Assessment:
        """What the benefit schedule allows, with every rule that would refuse the claim."""
        with self._read() as conn:
            return welfare.assess(conn, self.rules, member_no=member_no, case=case, date=date or self.clock.today(),
                                  nights=nights, amount=amount)

    def welfare_claim(self, member_no: int, case: str, date: dt.date | None = None, *, nights: int | None = None,
                      amount: Money | None = None, override_reason: str = "", note: str = "",
                      account: str = acc.CASH) -> int:
        with self._write() as conn:
            return welfare.claim(conn, self.rules, member_no=member_no, case=case, date=date or self.clock.today(),
                                 nights=nights, amount=amount, override_reason=override_reason, note=note,
                                 account=account, now=self._now(), by=self.user, post=self._post)

    def welfare_claims(self, member_no: int | None = None, fy: int | None = None) -> list[welfare.Claim]:
        with self._read() as conn:
            return welfare.register(conn, member_no=member_no, fy=fy)
