"""Thai conventions in one tested place: Buddhist-era dates, Thai digits, amounts for display,
baht in words, Thai sort order, text normalisation. A leaf module (stdlib and i18n only).

Dates: every year a person reads is Buddhist era (B.E. = C.E. + 543). Input accepts B.E. or C.E.: a
four-digit year of 2400 or more is B.E., 1900..2399 is C.E.; anything else is refused, so there is never
a silent ±543 drift. Functions that return years return C.E. (``datetime.date`` years).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from villagebank.i18n import N_, UserError, current_language

BE_OFFSET = 543
BE_MIN_YEAR = 2400  # a typed year >= this is B.E.
CE_MIN_YEAR = 1900  # a typed year in CE_MIN_YEAR..BE_MIN_YEAR-1 is C.E.

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
EN_MONTHS_ABBR = tuple(m[:3] for m in EN_MONTHS)

DATE_STYLES = ("short", "long", "abbr")

# --- user-visible messages (translated when the error is shown) -------------------------------------
MSG_DATE_EMPTY = N_("Type a date as day/month/year in B.E., for example 15/01/2568.")
MSG_DATE_BAD = N_("“{text}” is not a date: type day/month/year in B.E., for example 15/01/2568.")
MSG_DATE_YEAR = N_(
    "“{text}”: type the year with four digits, in B.E. (for example 2568) or C.E. (for example 2025)."
)
MSG_DATE_MONTH = N_("“{text}” is not a date: the month must be from 1 to 12.")
MSG_DATE_NO_DAY = N_("“{text}” is not a date: {month} {year} has only {days} days.")
MSG_YEAR_EMPTY = N_("Type a year in B.E., for example 2568.")
MSG_YEAR_BAD = N_("“{text}” is not a year: type four digits in B.E., for example 2568.")
MSG_MONTH_EMPTY = N_("Type a month as month/year in B.E., for example 01/2568.")
MSG_MONTH_BAD = N_("“{text}” is not a month: type month/year in B.E., for example 01/2568.")
MSG_TEXT_TOO_LONG = N_("The text is too long: at most {limit} characters are allowed (this has {length}).")


class DateInputError(UserError):
    """A date, month or year the user typed could not be read."""

    code = "bad_date"


class TextInputError(UserError):
    """Text the user typed breaks a limit (too long)."""

    code = "text_too_long"


# --- digits and numbers ------------------------------------------------------------------------------
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def to_arabic_digits(s: str) -> str:
    """Thai digits ``๐``–``๙`` → ``0``–``9``; everything else unchanged."""
    return s.translate(_TO_ARABIC)


def to_thai_digits(s: str) -> str:
    """``0``–``9`` → Thai digits ``๐``–``๙``; everything else unchanged."""
    return s.translate(_TO_THAI)


def _check_int(value: object, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    return value


def format_number(n: int) -> str:
    """A count for display: ``1234`` → ``"1,234"``."""
    return f"{_check_int(n, 'n'):,}"


def format_amount(satang: int) -> str:
    """``123450`` → ``"1,234.50"`` (always two decimals, thousands separators, ``-`` for negatives)."""
    if not isinstance(satang, int) or isinstance(satang, bool):
        raise TypeError("amounts are integer satang")
    sign = "-" if satang < 0 else ""
    baht, st = divmod(abs(satang), 100)
    return f"{sign}{baht:,}.{st:02d}"


# --- dates: display ----------------------------------------------------------------------------------
def _check_month(month: int) -> int:
    if _check_int(month, "month") < 1 or month > 12:
        raise ValueError(f"month must be 1..12, not {month}")
    return month


def month_name(m: int, abbr: bool = False) -> str:
    """Month ``m`` (1..12) in the current language: ``มกราคม`` / ``January`` (``abbr``: ``ม.ค.`` / ``Jan``)."""
    _check_month(m)
    if current_language() == "th":
        names = THAI_MONTHS_ABBR if abbr else THAI_MONTHS
    else:
        names = EN_MONTHS_ABBR if abbr else EN_MONTHS
    return names[m - 1]


def format_year(year: int) -> str:
    """C.E. ``2025`` → ``"2568"`` (B.E.)."""
    return str(_check_int(year, "year") + BE_OFFSET)


def format_month(year: int, month: int) -> str:
    """C.E. year and month → ``"มกราคม 2568"`` (``"January 2568"`` in English)."""
    return f"{month_name(month)} {format_year(year)}"


def format_date(d: dt.date, style: str = "short") -> str:
    """``short``: ``15/01/2568``; ``long``: ``15 มกราคม 2568``; ``abbr``: ``15 ม.ค. 2568``.

    Years are always B.E.; month names follow the current language (``15 January 2568``, ``15 Jan 2568``).
    """
    year = d.year + BE_OFFSET
    if style == "short":
        return f"{d.day:02d}/{d.month:02d}/{year}"
    if style == "long":
        return f"{d.day} {month_name(d.month)} {year}"
    if style == "abbr":
        return f"{d.day} {month_name(d.month, abbr=True)} {year}"
    raise ValueError(f"unknown date style {style!r}; use one of {', '.join(DATE_STYLES)}")


# --- dates: input ------------------------------------------------------------------------------------
def _month_token(s: str) -> str:
    return re.sub(r"[\s.]", "", s).casefold()


_MONTH_WORDS: dict[str, int] = {}
for _names in (THAI_MONTHS, THAI_MONTHS_ABBR, EN_MONTHS, EN_MONTHS_ABBR):
    for _i, _name in enumerate(_names, start=1):
        _MONTH_WORDS[_month_token(_name)] = _i
_MONTH_WORDS["sept"] = 9

_SEP = r"\s*([-/.])\s*"
_BE_MARK = r"(?:(พ\.?\s*ศ\.?)\s*)?"  # an optional "พ.ศ." before a year: the year is then B.E.
_RE_DMY = re.compile(r"([0-9]{1,2})" + _SEP + r"([0-9]{1,2})\s*\2\s*([0-9]+)")
_RE_YMD = re.compile(r"([0-9]{4})" + _SEP + r"([0-9]{1,2})\s*\2\s*([0-9]{1,2})")
_RE_D_NAME_Y = re.compile(r"([0-9]{1,2})\s*([^0-9]+?)\s*" + _BE_MARK + r"([0-9]+)")
_RE_MY = re.compile(r"([0-9]{1,2})" + _SEP + r"([0-9]+)")
_RE_YM = re.compile(r"([0-9]{4})" + _SEP + r"([0-9]{1,2})")
_RE_NAME_Y = re.compile(r"([^0-9]+?)\s*" + _BE_MARK + r"([0-9]+)")
_RE_YEAR = re.compile(_BE_MARK + r"([0-9]+)")


def _echo(text: str, limit: int = 40) -> str:
    """What the user typed, made safe and short enough to quote in a message."""
    shown = normalize_text(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _clean_input(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"expected text, not {type(text).__name__}")
    return to_arabic_digits(normalize_text(text))


def _ce_year(digits: str, be_marked: bool = False) -> int | None:
    """Four typed digits → C.E. year: >= 2400 is B.E., 1900..2399 is C.E.; ``None`` if refused."""
    if len(digits) != 4:
        return None
    year = int(digits)
    if year >= BE_MIN_YEAR:
        return year - BE_OFFSET
    if year >= CE_MIN_YEAR and not be_marked:
        return year
    return None


def parse_date(text: str, *, field: str | None = None) -> dt.date:
    """Read a date the user typed.

    Accepts ``DD/MM/YYYY`` (``/``, ``-`` or ``.``; one- or two-digit day and month), ``YYYY-MM-DD``,
    ``15 มกราคม 2568`` / ``15 ม.ค. 2568`` / ``15 January 2568`` (optionally ``พ.ศ.`` before the year),
    Thai digits and surrounding spaces. Year ≥ 2400 is B.E., 1900..2399 is C.E.; others are refused.
    Raises :class:`DateInputError`.
    """
    s = _clean_input(text)
    if not s:
        raise DateInputError(MSG_DATE_EMPTY, field)
    be_marked = False
    if m := _RE_DMY.fullmatch(s):
        day, month, year_digits = int(m[1]), int(m[3]), m[4]
    elif m := _RE_YMD.fullmatch(s):
        year_digits, month, day = m[1], int(m[3]), int(m[4])
    elif (m := _RE_D_NAME_Y.fullmatch(s)) and _month_token(m[2]) in _MONTH_WORDS:
        day, month, be_marked, year_digits = int(m[1]), _MONTH_WORDS[_month_token(m[2])], bool(m[3]), m[4]
    else:
        raise DateInputError(MSG_DATE_BAD, field, text=_echo(text))
    year = _ce_year(year_digits, be_marked)
    if year is None:
        raise DateInputError(MSG_DATE_YEAR, field, text=_echo(text))
    if not 1 <= month <= 12:
        raise DateInputError(MSG_DATE_MONTH, field, text=_echo(text))
    if day < 1:
        raise DateInputError(MSG_DATE_BAD, field, text=_echo(text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        raise DateInputError(
            MSG_DATE_NO_DAY, field, text=_echo(text), month=month_name(month), year=format_year(year),
            days=last,
        ) from None


def parse_year(text: str, *, field: str | None = None) -> int:
    """``"2568"`` → ``2025``; ``"2025"`` → ``2025``; ``"พ.ศ. 2568"`` → ``2025``. Returns C.E."""
    s = _clean_input(text)
    if not s:
        raise DateInputError(MSG_YEAR_EMPTY, field)
    m = _RE_YEAR.fullmatch(s)
    year = _ce_year(m[2], bool(m[1])) if m else None
    if year is None:
        raise DateInputError(MSG_YEAR_BAD, field, text=_echo(text))
    return year


def parse_month(text: str, *, field: str | None = None) -> tuple[int, int]:
    """``"2568-01"``, ``"2025-01"``, ``"01/2568"``, ``"1/2568"``, ``"มกราคม 2568"`` → ``(2025, 1)`` (C.E. year, month)."""
    s = _clean_input(text)
    if not s:
        raise DateInputError(MSG_MONTH_EMPTY, field)
    be_marked = False
    if m := _RE_YM.fullmatch(s):
        year_digits, month = m[1], int(m[3])
    elif m := _RE_MY.fullmatch(s):
        month, year_digits = int(m[1]), m[3]
    elif (m := _RE_NAME_Y.fullmatch(s)) and _month_token(m[1]) in _MONTH_WORDS:
        month, be_marked, year_digits = _MONTH_WORDS[_month_token(m[1])], bool(m[2]), m[3]
    else:
        raise DateInputError(MSG_MONTH_BAD, field, text=_echo(text))
    year = _ce_year(year_digits, be_marked)
    if year is None or not 1 <= month <= 12:
        raise DateInputError(MSG_MONTH_BAD, field, text=_echo(text))
    return year, month


# --- baht in words -----------------------------------------------------------------------------------
_DIGIT_WORDS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES = (("แสน", 100_000), ("หมื่น", 10_000), ("พัน", 1_000), ("ร้อย", 100))
_MILLION = 1_000_000


def _group_words(n: int, has_higher: bool) -> str:
    """Words for ``0 < n < 1,000,000``; ``has_higher``: nonzero digits stand above this group (millions)."""
    out = []
    for word, value in _PLACES:
        d = n // value % 10
        if d:
            out.append(_DIGIT_WORDS[d] + word)
    tens, ones = n // 10 % 10, n % 10
    if tens == 1:
        out.append("สิบ")
    elif tens == 2:
        out.append("ยี่สิบ")
    elif tens:
        out.append(_DIGIT_WORDS[tens] + "สิบ")
    if ones == 1:
        # Excel BAHTTEXT: a final 1 after other digits is เอ็ด (101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด);
        # a number that is just 1 is หนึ่ง (1 บาท, 1 ล้าน, 1 สตางค์).
        out.append("เอ็ด" if has_higher or n > 1 else "หนึ่ง")
    elif ones:
        out.append(_DIGIT_WORDS[ones])
    return "".join(out)


def _number_words(n: int) -> str:
    """Words for ``n >= 1``; millions nest (``ล้านล้าน`` for 10^12)."""
    high, low = divmod(n, _MILLION)
    text = _number_words(high) + "ล้าน" if high else ""
    if low:
        text += _group_words(low, has_higher=bool(high))
    return text


def baht_text(satang: int) -> str:
    """An amount in Thai words as Excel's BAHTTEXT writes it.

    ``123450`` → ``หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์``; ``10000`` → ``หนึ่งร้อยบาทถ้วน``;
    ``50`` → ``ห้าสิบสตางค์``; ``0`` → ``ศูนย์บาทถ้วน``; negative amounts start with ``ลบ``.
    """
    satang = _check_int(satang, "satang")
    sign = "ลบ" if satang < 0 else ""
    baht, st = divmod(abs(satang), 100)
    if baht == 0 and st == 0:
        return "ศูนย์บาทถ้วน"
    text = _number_words(baht) + "บาท" if baht else ""
    text += _number_words(st) + "สตางค์" if st else "ถ้วน"
    return sign + text


# --- text normalisation ------------------------------------------------------------------------------
_TONES = "\u0e48-\u0e4b"  # ่ ้ ๊ ๋
_THAI_COMBINING = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # vowels above/below, tone marks, ์ ํ ๎ ็ ฺ
_RE_SPACES = re.compile(r" {2,}")
_RE_NIKHAHIT_AA = re.compile(f"\u0e4d([{_TONES}]?)\u0e32")  # ํ(+tone)+า → (tone+)ำ
_RE_AM_TONE = re.compile(f"\u0e33([{_TONES}])")  # ำ+tone → tone+ำ (typed in the wrong order)
_RE_DOUBLED_MARK = re.compile(f"([{_THAI_COMBINING}])\\1+")
_REMOVED_CATEGORIES = frozenset(("Cc", "Cf", "Cs"))  # controls, format (zero-width, bidi), lone surrogates


def _fix_thai(t: str) -> str:
    previous = None
    while t != previous:
        previous = t
        t = t.replace("เเ", "แ")  # two sara e typed for sara ae
        t = _RE_DOUBLED_MARK.sub(r"\1", t)
        t = _RE_NIKHAHIT_AA.sub("\\1\u0e33", t)
        t = _RE_AM_TONE.sub("\\1\u0e33", t)
        t = unicodedata.normalize("NFC", t)
    return t


def normalize_text(s: str, max_len: int | None = None, field: str | None = None) -> str:
    """Clean text the user typed or pasted before it is stored or compared.

    NFC; zero-width characters, bidi controls and other control/format characters (NUL included) are
    removed; whitespace runs become one space and the ends are stripped; Thai typing variants are fixed
    (``นํ้า`` → ``น้ำ``, ``นำ้`` → ``น้ำ``, ``เเ`` → ``แ``, a doubled tone mark or vowel mark → one).
    Idempotent. If the result is longer than ``max_len`` characters, :class:`TextInputError` names
    ``field`` (an ``N_`` label) and the limit.
    """
    if not isinstance(s, str):
        raise TypeError(f"expected text, not {type(s).__name__}")
    kept = []
    for ch in s:
        if ch.isspace():
            kept.append(" ")
        elif unicodedata.category(ch) not in _REMOVED_CATEGORIES:
            kept.append(ch)
    t = unicodedata.normalize("NFC", "".join(kept))
    t = _RE_SPACES.sub(" ", t).strip(" ")
    if not t.isascii():
        t = _fix_thai(t)
    if max_len is not None and len(t) > max_len:
        raise TextInputError(
            MSG_TEXT_TOO_LONG, field, limit=format_number(max_len), length=format_number(len(t))
        )
    return t


def name_key(s: str) -> str:
    """A key to find duplicate names: normalised, case-folded, without any spaces."""
    t = normalize_text(s).casefold().replace(" ", "")
    # Removing spaces can bring marks together (``ก่ ่``): clean the Thai again.
    return _fix_thai(unicodedata.normalize("NFC", t))


# --- Thai dictionary order ---------------------------------------------------------------------------
_PREVOWELS = frozenset("เแโใไ")
_THAI_VOWEL_ORDER = "ะัาๅำิีึืุูเแโใไ"
_THAI_MARKS = frozenset("\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")  # ฺ ็ ่ ้ ๊ ๋ ์ ํ ๎
# Primary classes: space < punctuation/symbols < digits < other letters (Latin...) < Thai consonants
# < Thai vowels < ๆ ฯ.
_CLASS = 1 << 21
_W_SPACE, _W_PUNCT, _W_DIGIT, _W_LETTER, _W_CONSONANT, _W_VOWEL, _W_THAI_OTHER = (
    k * _CLASS for k in range(7)
)


def _is_consonant(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e"  # ก..ฮ in dictionary order (ฤ after ร, ฦ after ล)


def _primary_weight(ch: str) -> int:
    if ch == " ":
        return _W_SPACE
    if _is_consonant(ch):
        return _W_CONSONANT + ord(ch)
    i = _THAI_VOWEL_ORDER.find(ch)
    if i >= 0:
        return _W_VOWEL + i
    if "\u0e00" <= ch <= "\u0e7f" and ch.isalpha():  # ๆ ฯ
        return _W_THAI_OTHER + ord(ch)
    if "0" <= ch <= "9":
        return _W_DIGIT + ord(ch)
    if ch.isalnum():
        return _W_LETTER + ord(ch)
    return _W_PUNCT + ord(ch)


def thai_sort_key(s: str) -> tuple:
    """A key for ``sorted()`` giving Thai dictionary order.

    First level: letters only — leading vowels เ แ โ ใ ไ are sorted after the consonant they precede
    (``เกษม`` under ก), consonants before vowels (``กมล`` < ``กะ`` < ``กา`` < ``เก``). Second level: tone
    marks, ์ and other diacritics (``ปา`` < ``ป่า`` < ``ป้า``). Then case, then the text itself. Spaces sort
    first, then punctuation, digits (Thai digits as digits), Latin letters (case-insensitive), then Thai.
    """
    t = normalize_text(s)
    folded = unicodedata.normalize("NFD", to_arabic_digits(t).casefold())
    clusters: list[list] = []  # [base, marks]
    for ch in folded:
        if ch in _THAI_MARKS or (unicodedata.combining(ch) and not "\u0e00" <= ch <= "\u0e7f"):
            if not clusters:
                clusters.append(["", []])
            clusters[-1][1].append(ord(ch))
        else:
            clusters.append([ch, []])
    i = 0
    while i < len(clusters) - 1:
        if clusters[i][0] in _PREVOWELS and _is_consonant(clusters[i + 1][0]):
            clusters[i], clusters[i + 1] = clusters[i + 1], clusters[i]
            i += 2
        else:
            i += 1
    primary = tuple(_primary_weight(base) for base, _ in clusters if base)
    secondary = tuple(tuple(marks) for _, marks in clusters)
    return (primary, secondary, t, s)
