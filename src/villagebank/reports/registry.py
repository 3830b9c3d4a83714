"""The printed reports by name (the names of the command line, ``villagebank report NAME``).

Each entry builds a list of :class:`~villagebank.reports.table.Report` from a book and :class:`Params`; the
names are a contract with the treasurer's scripts and the GUI's report menu.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from villagebank.i18n import N_
from villagebank.ledger.errors import InvalidInput
from villagebank.reports import (
    cash,
    coverage,
    financial,
    loanbook,
    receipts,
    registers,
    statement,
    welfare,
    yearend,
)
from villagebank.reports.common import Period, period_for
from villagebank.reports.table import Report

if TYPE_CHECKING:
    from villagebank.ledger import Book


@dataclass(frozen=True)
class Params:
    """What a report is asked for: a month ``(year, month)`` or a fiscal year (C.E.), a member, a receipt."""

    month: tuple[int, int] | None = None
    year: int | None = None
    member_no: int | None = None
    receipt_no: int | None = None
    partner: str | None = None  # a partner fund's key (remittance lists)
    loan_no: int | None = None  # one loan (its repayment schedule)


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: str  # msgid
    build: Callable[[Book, Params], list[Report]]
    default_period: str  # "month" | "year" | "date": what no --month/--year means
    member: str = "no"  # "no" | "optional" | "required": --member
    landscape: bool = False
    loan: bool = False  # needs --loan N (printed from the loans page in the GUI)


def _period(book: Book, p: Params, default: str) -> Period:
    return period_for(book, p.month, p.year, default)


def month_of(book: Book, p: Params) -> tuple[int, int]:
    if p.month is not None:
        return p.month
    if p.year is not None:
        raise InvalidInput(N_("this report is for a month: give --month, not --year"))
    today = book.clock.today()
    return today.year, today.month


def _fiscal_year(book: Book, p: Params) -> int:
    if p.year is not None:
        return p.year
    if p.month is not None:
        return book.fiscal_year_of(dt.date(p.month[0], p.month[1], 1))
    return book.fiscal_year_of(book.clock.today())


def _statement(book: Book, p: Params) -> list[Report]:
    if p.member_no is None:
        raise InvalidInput(N_("give the member with --member N (or print all statements with “statements”)"))
    return [statement.statement(book, p.member_no, *month_of(book, p))]


def _statements(book: Book, p: Params) -> list[Report]:
    if p.member_no is not None:
        return [statement.statement(book, p.member_no, *month_of(book, p))]
    return statement.statements(book, *month_of(book, p))


def _receipts(book: Book, p: Params) -> list[Report]:
    start = end = None
    if p.receipt_no is None and (p.month is not None or p.year is not None or p.member_no is None):
        period = _period(book, p, "month")
        start, end = period.start, period.end
    found = receipts.select_receipts(book, receipt_no=p.receipt_no, member_no=p.member_no, start=start, end=end)
    if not found:
        raise InvalidInput(N_("there are no receipts for that period or member"))
    return receipts.receipts(book, found)


def _month_only(book: Book, p: Params) -> Period:
    period = _period(book, p, "month")
    if period.kind != "month":
        raise InvalidInput(N_("this report is for a month: give --month, not --year"))
    return period


def _closing_year(book: Book, p: Params) -> int:
    """The fiscal year of the year-end reports: ``--year``, the year of ``--month``, else the last year that is
    over."""
    if p.year is not None or p.month is not None:
        return _fiscal_year(book, p)
    return yearend.default_year(book)


def _claims(book: Book, p: Params) -> list[Report]:
    period = None if p.member_no is not None and p.month is None and p.year is None else _period(book, p, "year")
    return [welfare.claims_register(book, period, p.member_no)]


def _remittance(book: Book, p: Params) -> list[Report]:
    found = welfare.remittance_lists(book, _period(book, p, "date").as_of, p.partner)
    if not found:
        raise InvalidInput(N_("no partner fund has members or money to list"))
    return found


def _schedule(book: Book, p: Params) -> list[Report]:
    if p.loan_no is None:
        raise InvalidInput(N_("give the loan with --loan N"))
    return [loanbook.loan_schedule(book, p.loan_no)]


def _coverage(book: Book, p: Params) -> list[Report]:
    as_of = _period(book, p, "date").as_of
    if p.member_no is not None:
        return [coverage.member_coverage(book, p.member_no, as_of)]
    return [coverage.group_coverage(book, as_of)]


REPORTS: dict[str, ReportSpec] = {spec.name: spec for spec in (
    ReportSpec("statement", statement.TITLE, _statement, "month", member="required"),
    ReportSpec("statements", N_("Member monthly statements"), _statements, "month", member="optional"),
    ReportSpec("receipts", N_("Receipts"), _receipts, "month", member="optional"),
    ReportSpec("members", registers.MEMBERS_TITLE,
               lambda b, p: [registers.member_register(b, _period(b, p, "date"))], "date", landscape=True),
    ReportSpec("shares", registers.SHARES_TITLE,
               lambda b, p: [registers.share_register(b, _fiscal_year(b, p))], "year", landscape=True),
    ReportSpec("loans", loanbook.LOANS_TITLE,
               lambda b, p: [loanbook.loan_book(b, _fiscal_year(b, p))], "year", landscape=True),
    ReportSpec("schedule", loanbook.SCHEDULE_TITLE, _schedule, "date", loan=True),
    ReportSpec("overdue", loanbook.OVERDUE_TITLE,
               lambda b, p: [loanbook.overdue_loans(b, _period(b, p, "date"))], "date", landscape=True),
    ReportSpec("guarantors", loanbook.GUARANTORS_TITLE,
               lambda b, p: [loanbook.guarantor_exposure(b, _period(b, p, "date"))], "date"),
    ReportSpec("cashbook", cash.CASHBOOK_TITLE, lambda b, p: [cash.cash_book(b, _month_only(b, p))], "month",
               landscape=True),
    ReportSpec("secretary", cash.SECRETARY_TITLE, lambda b, p: [cash.secretary_record(b, _month_only(b, p))],
               "month"),
    ReportSpec("trial-balance", financial.TRIAL_TITLE,
               lambda b, p: [financial.trial_balance(b, _period(b, p, "date"))], "date"),
    ReportSpec("income", financial.INCOME_TITLE,
               lambda b, p: [financial.income_statement(b, _period(b, p, "month"))], "month"),
    ReportSpec("balance-sheet", financial.BALANCE_TITLE,
               lambda b, p: [financial.balance_sheet(b, _period(b, p, "date"))], "date"),
    ReportSpec("allocation", yearend.ALLOCATION_TITLE,
               lambda b, p: [yearend.allocation(b, _closing_year(b, p))], "year"),
    ReportSpec("payouts", yearend.PAYOUTS_TITLE, lambda b, p: [yearend.payouts(b, _closing_year(b, p))], "year",
               landscape=True),
    ReportSpec("remittance", welfare.REMITTANCE_TITLE, _remittance, "date", landscape=True),
    ReportSpec("claims", welfare.CLAIMS_TITLE, _claims, "year", member="optional"),
    ReportSpec("coverage", coverage.COVERAGE_TITLE, _coverage, "date", member="optional"),
    ReportSpec("agm", yearend.AGM_TITLE, lambda b, p: yearend.agm_pack(b, _closing_year(b, p)), "year"),
)}


def build(book: Book, name: str, params: Params) -> list[Report]:
    """The reports ``name`` makes for ``params`` (InvalidInput for unknown names and missing parameters)."""
    spec = REPORTS.get(name)
    if spec is None:
        raise InvalidInput(N_("there is no report “{name}”; the reports are: {names}"), name=name,
                           names=", ".join(REPORTS))
    if spec.member == "required" and params.member_no is None:
        raise InvalidInput(N_("give the member with --member N"))
    return spec.build(book, params)
