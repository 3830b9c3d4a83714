"""Fiscal years and months. A fiscal year is named by the C.E. year in which it starts (a January
start makes it the calendar year); its start month is the bank's rule ``fiscal_year_start_month``."""

from __future__ import annotations

import calendar
import datetime as dt


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: dt.date, months: int, day: int | None = None) -> dt.date:
    """``d`` moved by ``months`` (day clamped to the month's length; ``day`` overrides the day)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day or d.day, last))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start``'s month to ``end``'s month (e.g. Jul → Oct = 3)."""
    return (end.year * 12 + end.month) - (start.year * 12 + start.month)


def fiscal_year_of(d: dt.date, start_month: int) -> int:
    return d.year if d.month >= start_month else d.year - 1


def fiscal_year_bounds(fy: int, start_month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(fy, start_month, 1)
    end = add_months(start, 12) - dt.timedelta(days=1)
    return start, end


def fiscal_months(fy: int, start_month: int) -> list[tuple[int, int]]:
    """The 12 (year, month) pairs of a fiscal year, in order."""
    start = dt.date(fy, start_month, 1)
    out = []
    for i in range(12):
        d = add_months(start, i)
        out.append((d.year, d.month))
    return out


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), month_end(year, month)
