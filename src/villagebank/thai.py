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


def thai_sort_key(text: str) -> tuple:
    """Placeholder until the full Thai collation lands: leading vowels moved after their consonant."""
    out = []
    chars = list(text)
    i = 0
    while i < len(chars):
        c = chars[i]
        if c in "เแโใไ" and i + 1 < len(chars):
            out.append(chars[i + 1])
            out.append(c)
            i += 2
            continue
        out.append(c)
        i += 1
    return ("".join(ch for ch in out if ch not in "่้๊๋์"), text)


def normalize_text(text: str, max_len: int | None = None, field: str | None = None) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if ch not in "\u200b\u200c\u200d\u2060\ufeff" and (ch.isprintable() or ch == " "))
    text = " ".join(text.split())
    return text


def name_key(text: str) -> str:
    return normalize_text(text).casefold().replace(" ", "")


def parse_date(text: str):
    d, m, y = (int(x) for x in text.strip().split("/"))
    if y >= 2400:
        y -= BE_OFFSET
    return dt.date(y, m, d)


def to_arabic_digits(text: str) -> str:
    return text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
