"""Thai conventions in one tested place: Buddhist-era dates, Thai digits, amounts for display,
baht in words, Thai sort order, text normalisation. A leaf module (stdlib and i18n only)."""

from __future__ import annotations

import datetime as dt

from villagebank.i18n import current_language

BE_OFFSET = 543

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def format_amount(satang: int) -> str:
    """``123450`` → ``"1,234.50"`` (always two decimals, thousands separators, ``-`` for negatives)."""
    if not isinstance(satang, int) or isinstance(satang, bool):
        raise TypeError("amounts are integer satang")
    sign = "-" if satang < 0 else ""
    baht, st = divmod(abs(satang), 100)
    return f"{sign}{baht:,}.{st:02d}"


def format_date(d: dt.date, style: str = "short") -> str:
    """``short``: ``15/01/2568``; ``long``: ``15 มกราคม 2568`` (month names in the current language)."""
    year = d.year + BE_OFFSET
    if style == "short":
        return f"{d.day:02d}/{d.month:02d}/{year}"
    months = THAI_MONTHS if current_language() == "th" else EN_MONTHS
    return f"{d.day} {months[d.month - 1]} {year}"
