"""What every report shares: its period, its header (bank, title, period), the journal anchor for the footer,
the signatures the book's practice asks for, and a few formatting helpers.

Reports are built in the current language (``_`` at build time); ``Report.language`` records which.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from villagebank.i18n import N_, _, current_language
from villagebank.ledger.periods import month_bounds
from villagebank.reports.table import Report, Signature
from villagebank.thai import format_date, format_month, format_year

if TYPE_CHECKING:
    from villagebank.ledger import Book
    from villagebank.ledger.dto import Member

# Signers (domain.md §1: the treasurer keeps the books, the committee checks and signs, the secretary
# writes the monthly record, the chair approves).
TREASURER = N_("Treasurer")
CHAIR = N_("Chair of the committee")
CHECKER = N_("Committee member who checked")
SECRETARY = N_("Secretary")
RECEIVED_BY = N_("Received by")
PAID_BY = N_("Paid by")

# Words in a member's free-text committee role that name each signer (Thai and English); roles that also
# hold one of the _DEPUTY words (vice chair, assistant treasurer) do not sign in the office's place.
_ROLE_WORDS = {
    TREASURER: ("เหรัญญิก", "treasurer"),
    CHAIR: ("ประธาน", "chair"),
    SECRETARY: ("เลขานุการ", "เลขา", "secretary"),
    CHECKER: ("ตรวจสอบ", "audit", "checker", "inspector"),
}
_DEPUTY = ("รอง", "ผู้ช่วย", "vice", "deputy", "assistant")


@dataclass(frozen=True)
class Period:
    """The time a report covers: ``start`` … ``end`` (inclusive; ``start`` None for "as of" reports).

    ``as_of`` is ``end`` clipped to today: balances and arrears of the current month are those of today.
    ``year_start`` is the first day of the fiscal year ``end`` falls in (year-to-date figures start there).
    """

    kind: str  # "month" | "year" | "date"
    start: dt.date | None
    end: dt.date
    as_of: dt.date
    label: str  # translated, for the header
    fiscal_year: int
    year_start: dt.date


def month_period(book: Book, year: int, month: int) -> Period:
    start, end = month_bounds(year, month)
    return _period(book, "month", start, end, _("Month of {month}").format(month=format_month(year, month)))


def year_period(book: Book, fy: int) -> Period:
    start, end = book.fiscal_year_bounds(fy)
    if start.month == 1:
        label = _("Year {year}").format(year=format_year(fy))
    else:
        label = _("Fiscal year {year} ({start} – {end})").format(
            year=format_year(fy), start=format_date(start, "long"), end=format_date(end, "long"))
    return _period(book, "year", start, end, label)


def date_period(book: Book, day: dt.date) -> Period:
    return _period(book, "date", None, day, as_of_label(day))


def as_of_label(day: dt.date) -> str:
    return _("As of {date}").format(date=format_date(day, "long"))


def _period(book: Book, kind: str, start: dt.date | None, end: dt.date, label: str) -> Period:
    as_of = min(end, book.clock.today())  # nothing is known after today: a month not over is shown as of today
    fy = book.fiscal_year_of(end)
    return Period(kind, start, end, as_of, label, fy, book.fiscal_year_bounds(fy)[0])


def period_for(book: Book, month: tuple[int, int] | None = None, year: int | None = None,
               default: str = "month") -> Period:
    """The period a command line asks for: ``--month``, ``--year`` or (neither) this month / year / today."""
    today = book.clock.today()
    if month is not None:
        return month_period(book, *month)
    if year is not None:
        return year_period(book, year)
    if default == "year":
        return year_period(book, book.fiscal_year_of(today))
    if default == "date":
        return date_period(book, today)
    return month_period(book, today.year, today.month)


# --- the report shell -------------------------------------------------------------------------------------
def new_report(book: Book, key: str, title: str, period: str, *, landscape: bool = False,
               signatures: list[str | Signature] | None = None, anchor: str | None = None,
               bank_name: str | None = None) -> Report:
    """An empty report with the bank's name (read from the book unless given), the period, the print date and the
    journal anchor."""
    return Report(key=key, title=title, bank_name=bank_name if bank_name is not None else book.bank().name,
                  period=period, landscape=landscape,
                  signatures=signatures or [], anchor=anchor if anchor is not None else book.anchor(),
                  printed_on=book.clock.today(), language=current_language())


def signers(book: Book, *roles: str, members: list[Member] | None = None) -> list[str | Signature]:
    """Signature lines for ``roles`` (msgids above), with the name of the member who holds each office when
    exactly one active member's committee role names it."""
    people = members if members is not None else book.committee_members()
    out: list[str | Signature] = []
    for role in roles:
        words = _ROLE_WORDS.get(role, ())
        holders = [m for m in people if m.committee_role and m.is_active and _holds(m.committee_role, words)]
        name = holders[0].full_name if len(holders) == 1 else ""
        out.append(Signature(_(role), name) if name else _(role))
    return out


def _holds(role: str, words: tuple[str, ...]) -> bool:
    text = role.casefold()
    return any(w in text for w in words) and not any(d in text for d in _DEPUTY)


# --- small formatting helpers -------------------------------------------------------------------------------
def member_label(no: int, name: str) -> str:
    """``5 นายสมชาย ใจดี`` — a member number and name in one cell."""
    return f"{no} {name}".strip()


def citizen_id_text(cid: str | None) -> str:
    """``1101700203451`` → ``1-1017-00203-45-1`` (the way Thai ID cards print it)."""
    if not cid or len(cid) != 13 or not cid.isdigit():
        return cid or ""
    return f"{cid[0]}-{cid[1:5]}-{cid[5:10]}-{cid[10:12]}-{cid[12]}"


def phone_text(phone: str) -> str:
    """``0812345678`` → ``081-234-5678``, ``053123456`` → ``053-123-456``; anything else as typed."""
    digits = phone.replace("-", "").replace(" ", "")
    if digits.isdigit() and digits.startswith("0") and len(digits) in (9, 10):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return phone


def status_label(status: str) -> str:
    from villagebank.ledger.members import STATUS_LABELS

    return _(STATUS_LABELS.get(status, status))


def account_name(name: str) -> str:
    """Account names of the default chart are English msgids; a bank's own accounts are plain text."""
    return _(name)
