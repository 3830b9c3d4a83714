"""Display helpers the screens share (pure functions over ``thai`` and ``i18n``; no Qt)."""

from __future__ import annotations

import datetime as dt

from villagebank.i18n import N_, _
from villagebank.thai import format_amount, format_date

WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
            N_("Sunday"))


def weekday_name(d: dt.date) -> str:
    return _(WEEKDAYS[d.weekday()])


def long_date(d: dt.date) -> str:
    """``วันพุธที่ 15 มกราคม 2568`` / ``Wednesday 15 January 2568``."""
    return _("{weekday} {date}").format(weekday=weekday_name(d), date=format_date(d, "long"))


def date_or_blank(d: dt.date | None, style: str = "short") -> str:
    return format_date(d, style) if d else ""


def timestamp(text: str) -> str:
    """An ISO timestamp from the ledger (``2025-01-03T09:00:00+07:00``) as ``03/01/2568 09:00``."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text or ""
    return f"{format_date(moment.date())} {moment:%H:%M}"


def citizen_id(cid: str | None) -> str:
    """``1101700203451`` → ``1-1017-00203-45-1`` (the way it is printed on the card)."""
    if not cid:
        return ""
    if len(cid) != 13 or not cid.isdigit():
        return cid
    return f"{cid[0]}-{cid[1:5]}-{cid[5:10]}-{cid[10:12]}-{cid[12]}"


def money(satang: int | None) -> str:
    return "" if satang is None else format_amount(satang)
