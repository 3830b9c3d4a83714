"""Thai conventions: digits, B.E. dates, baht in words, dictionary order, text normalisation."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from villagebank import i18n, paths, thai
from villagebank.i18n import UserError
from villagebank.thai import (
    DateInputError,
    TextInputError,
    baht_text,
    format_amount,
    format_date,
    format_month,
    format_number,
    format_year,
    month_name,
    name_key,
    normalize_text,
    parse_date,
    parse_month,
    parse_year,
    thai_sort_key,
    to_arabic_digits,
    to_thai_digits,
)

D = dt.date


@pytest.fixture
def language():
    """Switch the language for one test and restore the previous one afterwards."""
    before = i18n.current_language()
    yield i18n.set_language
    i18n.set_language(before if before in i18n.LANGUAGES else "en")


@pytest.fixture
def th(language):
    language("th")


@pytest.fixture
def en(language):
    language("en")


# --- digits and numbers ------------------------------------------------------------------------------
def test_digit_conversion_table():
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"
    assert to_arabic_digits("๑,๒๓๔.๕๐ บาท") == "1,234.50 บาท"
    assert to_thai_digits("15/01/2568") == "๑๕/๐๑/๒๕๖๘"
    # Other scripts' digits are left alone (the parsers then refuse them).
    assert to_arabic_digits("١٢٣") == "١٢٣"


@given(st.text())
def test_digit_conversion_round_trip(s):
    assert to_arabic_digits(to_thai_digits(to_arabic_digits(s))) == to_arabic_digits(s)
    assert not any(c in "0123456789" for c in to_thai_digits(s))
    assert not any(c in "๐๑๒๓๔๕๖๗๘๙" for c in to_arabic_digits(s))


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (1234, "1,234"), (1234567, "1,234,567"),
     (-1234, "-1,234")],
)
def test_format_number(n, text):
    assert format_number(n) == text


@pytest.mark.parametrize("bad", [1.0, True, "12", None])
def test_format_number_refuses_non_int(bad):
    with pytest.raises(TypeError):
        format_number(bad)


def test_format_amount_unchanged():
    assert format_amount(123450) == "1,234.50"
    assert format_amount(-5) == "-0.05"
    assert format_amount(0) == "0.00"


# --- dates: display ----------------------------------------------------------------------------------
def test_format_date_thai(th):
    d = D(2025, 1, 15)
    assert format_date(d) == "15/01/2568"
    assert format_date(d, "short") == "15/01/2568"
    assert format_date(d, "long") == "15 มกราคม 2568"
    assert format_date(d, "abbr") == "15 ม.ค. 2568"
    assert format_date(D(2024, 2, 29), "long") == "29 กุมภาพันธ์ 2567"
    assert format_date(D(2025, 12, 1), "abbr") == "1 ธ.ค. 2568"


def test_format_date_english_keeps_buddhist_era(en):
    d = D(2025, 1, 15)
    assert format_date(d) == "15/01/2568"
    assert format_date(d, "long") == "15 January 2568"
    assert format_date(d, "abbr") == "15 Jan 2568"


def test_format_date_unknown_style():
    with pytest.raises(ValueError):
        format_date(D(2025, 1, 15), "iso")


def test_format_date_accepts_datetime():
    assert format_date(dt.datetime(2025, 1, 15, 23, 59)) == "15/01/2568"


def test_month_tables():
    assert len(thai.THAI_MONTHS_ABBR) == len(set(thai.THAI_MONTHS_ABBR)) == 12
    assert thai.THAI_MONTHS_ABBR[0] == "ม.ค." and thai.THAI_MONTHS_ABBR[11] == "ธ.ค."
    assert thai.EN_MONTHS_ABBR[8] == "Sep"


def test_month_name_follows_language(language):
    language("th")
    assert [month_name(m) for m in (1, 4, 12)] == ["มกราคม", "เมษายน", "ธันวาคม"]
    assert month_name(5, abbr=True) == "พ.ค."
    assert format_month(2025, 1) == "มกราคม 2568"
    language("en")
    assert month_name(1) == "January"
    assert month_name(5, abbr=True) == "May"
    assert format_month(2025, 1) == "January 2568"


@pytest.mark.parametrize("bad", [0, 13, -1])
def test_month_name_refuses_bad_month(bad):
    with pytest.raises(ValueError):
        month_name(bad)


def test_format_year():
    assert format_year(2025) == "2568"
    assert format_year(1957) == "2500"


# --- dates: input ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/01/2568", D(2025, 1, 15)),
        ("15/01/2025", D(2025, 1, 15)),
        ("15-01-2568", D(2025, 1, 15)),
        ("15.01.2568", D(2025, 1, 15)),
        ("5/1/2568", D(2025, 1, 5)),
        ("05/1/2568", D(2025, 1, 5)),
        ("  15/01/2568 \t", D(2025, 1, 15)),
        ("15 / 01 / 2568", D(2025, 1, 15)),
        ("๑๕/๐๑/๒๕๖๘", D(2025, 1, 15)),
        ("\u200b15/01/2568\u200b", D(2025, 1, 15)),
        ("2025-01-15", D(2025, 1, 15)),
        ("2568-01-15", D(2025, 1, 15)),
        ("29/02/2567", D(2024, 2, 29)),  # 2024 is a leap year
        ("29/02/2543", D(2000, 2, 29)),  # 2000: divisible by 400
        ("31/12/2399", D(2399, 12, 31)),  # the last C.E. year typed as C.E.
        ("01/01/1900", D(1900, 1, 1)),  # the first
        ("01/01/2400", D(1857, 1, 1)),  # the first B.E. year
        ("15 มกราคม 2568", D(2025, 1, 15)),
        ("15 ม.ค. 2568", D(2025, 1, 15)),
        ("15 มค 2568", D(2025, 1, 15)),
        ("15 มกราคม พ.ศ. 2568", D(2025, 1, 15)),
        ("15 January 2568", D(2025, 1, 15)),
        ("15 jan 2025", D(2025, 1, 15)),
    ],
)
def test_parse_date_accepts(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "template"),
    [
        ("", thai.MSG_DATE_EMPTY),
        ("   ", thai.MSG_DATE_EMPTY),
        ("29/02/2566", thai.MSG_DATE_NO_DAY),  # 2023: not a leap year
        ("29/02/2443", thai.MSG_DATE_NO_DAY),  # 1900: not a leap year
        ("31/04/2568", thai.MSG_DATE_NO_DAY),
        ("32/01/2568", thai.MSG_DATE_NO_DAY),
        ("00/01/2568", thai.MSG_DATE_BAD),
        ("15/13/2568", thai.MSG_DATE_MONTH),
        ("15/00/2568", thai.MSG_DATE_MONTH),
        ("15/01/68", thai.MSG_DATE_YEAR),  # 2-digit years are refused
        ("15/01/25", thai.MSG_DATE_YEAR),
        ("15/01/0123", thai.MSG_DATE_YEAR),
        ("15/01/1899", thai.MSG_DATE_YEAR),
        ("15/01/02568", thai.MSG_DATE_YEAR),
        ("15 มกราคม พ.ศ. 2025", thai.MSG_DATE_YEAR),  # พ.ศ. 2025 is not a year we keep
        ("15/01", thai.MSG_DATE_BAD),
        ("15-01/2568", thai.MSG_DATE_BAD),  # mixed separators
        ("15/01/2568/1", thai.MSG_DATE_BAD),
        ("2568", thai.MSG_DATE_BAD),
        ("15012568", thai.MSG_DATE_BAD),
        ("15 foo 2568", thai.MSG_DATE_BAD),
        ("x15/01/2568", thai.MSG_DATE_BAD),
        ("١٥/٠١/٢٥٦٨", thai.MSG_DATE_BAD),  # Arabic-Indic digits
        ("１５/０１/２５６８", thai.MSG_DATE_BAD),  # full-width digits
        ("15/01/2_568", thai.MSG_DATE_BAD),
        ("'); DROP TABLE member;--", thai.MSG_DATE_BAD),
    ],
)
def test_parse_date_refuses(text, template):
    with pytest.raises(DateInputError) as info:
        parse_date(text)
    err = info.value
    assert isinstance(err, UserError)
    assert err.code == "bad_date"
    assert err.template == template


def test_parse_date_error_names_the_field_and_quotes_the_text(en):
    with pytest.raises(DateInputError) as info:
        parse_date("29/02/2566", field="Date of birth")
    assert str(info.value) == "Date of birth: “29/02/2566” is not a date: February 2566 has only 28 days."


def test_parse_date_error_in_thai(th):
    with pytest.raises(DateInputError) as info:
        parse_date("29/02/2566")
    assert str(info.value) == "“29/02/2566” ไม่มีวันนี้ในปฏิทิน เดือนกุมภาพันธ์ 2566 มีแค่ 28 วัน"
    with pytest.raises(DateInputError) as info:
        parse_date("15/01/68")
    assert str(info.value).startswith("“15/01/68” ปีไม่ถูกต้อง")
    with pytest.raises(DateInputError) as info:
        parse_date("")
    assert str(info.value) == "กรุณาใส่วันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 15/01/2568"


def test_parse_date_error_quotes_hostile_text_safely(en):
    hostile = "\u202e" + "9" * 500 + "\x00"
    with pytest.raises(DateInputError) as info:
        parse_date(hostile)
    quoted = info.value.params["text"]
    assert "\u202e" not in quoted and "\x00" not in quoted
    assert len(quoted) <= 40 and quoted.endswith("…")


@pytest.mark.parametrize("bad", [None, 20250115, D(2025, 1, 15)])
def test_parse_date_refuses_non_text(bad):
    with pytest.raises(TypeError):
        parse_date(bad)


dates_1900_2399 = st.dates(min_value=D(1900, 1, 1), max_value=D(2399, 12, 31))


@settings(max_examples=300)
@given(d=dates_1900_2399, style=st.sampled_from(thai.DATE_STYLES), lang=st.sampled_from(i18n.LANGUAGES))
@example(d=D(2024, 2, 29), style="short", lang="th")
@example(d=D(1900, 1, 1), style="long", lang="th")
@example(d=D(2399, 12, 31), style="abbr", lang="en")
def test_date_round_trip(d, style, lang):
    before = i18n.current_language()
    i18n.set_language(lang)
    try:
        text = format_date(d, style)
        assert parse_date(text) == d
        assert parse_date(to_thai_digits(text)) == d
    finally:
        i18n.set_language(before if before in i18n.LANGUAGES else "en")


@given(dates_1900_2399)
def test_date_no_drift(d):
    """Typed as B.E. or as C.E., the same day comes back: never ±543 years off."""
    be, ce = d.year + 543, d.year
    assert parse_date(f"{d.day}/{d.month}/{be}") == d
    assert parse_date(f"{d.day}/{d.month}/{ce}") == d
    assert parse_date(d.isoformat()) == d


@pytest.mark.parametrize(
    ("text", "year"),
    [("2568", 2025), ("2025", 2025), (" ๒๕๖๘ ", 2025), ("1900", 1900), ("2399", 2399), ("2400", 1857),
     ("พ.ศ. 2568", 2025), ("พ.ศ.2568", 2025)],
)
def test_parse_year(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize(
    "text", ["", "68", "25", "0123", "1899", "02568", "25681", "2568.0", "-2568", "2,568", "พ.ศ. 2025", "abc"]
)
def test_parse_year_refuses(text):
    with pytest.raises(DateInputError) as info:
        parse_year(text)
    assert info.value.code == "bad_date"


@given(st.integers(min_value=1900, max_value=2399))
def test_year_round_trip(year):
    assert parse_year(format_year(year)) == year


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2568-01", (2025, 1)), ("2025-01", (2025, 1)), ("01/2568", (2025, 1)), ("1/2568", (2025, 1)),
     ("12/2567", (2024, 12)), ("1-2025", (2025, 1)), ("๐๑/๒๕๖๘", (2025, 1)), ("มกราคม 2568", (2025, 1)),
     ("ธ.ค. 2567", (2024, 12)), ("January 2568", (2025, 1)), (" 2568 - 1 ", (2025, 1))],
)
def test_parse_month(text, expected):
    assert parse_month(text) == expected


@pytest.mark.parametrize(
    "text", ["", "13/2568", "0/2568", "01/68", "2568-13", "2568", "01/2568/1", "foo 2568", "01/0123", "2568/01/15"]
)
def test_parse_month_refuses(text):
    with pytest.raises(DateInputError):
        parse_month(text)


@given(st.integers(1900, 2399), st.integers(1, 12), st.sampled_from(i18n.LANGUAGES))
def test_month_round_trip(year, month, lang):
    before = i18n.current_language()
    i18n.set_language(lang)
    try:
        assert parse_month(format_month(year, month)) == (year, month)
        assert parse_month(f"{month:02d}/{format_year(year)}") == (year, month)
    finally:
        i18n.set_language(before if before in i18n.LANGUAGES else "en")


# --- baht in words -----------------------------------------------------------------------------------
BAHT_CASES = [
    (0, "ศูนย์บาทถ้วน"),
    (100, "หนึ่งบาทถ้วน"),
    (200, "สองบาทถ้วน"),
    (1000, "สิบบาทถ้วน"),
    (1100, "สิบเอ็ดบาทถ้วน"),
    (2000, "ยี่สิบบาทถ้วน"),
    (2100, "ยี่สิบเอ็ดบาทถ้วน"),
    (3100, "สามสิบเอ็ดบาทถ้วน"),
    (9900, "เก้าสิบเก้าบาทถ้วน"),
    (10000, "หนึ่งร้อยบาทถ้วน"),
    (10100, "หนึ่งร้อยเอ็ดบาทถ้วน"),
    (11000, "หนึ่งร้อยสิบบาทถ้วน"),
    (12000, "หนึ่งร้อยยี่สิบบาทถ้วน"),
    (100000, "หนึ่งพันบาทถ้วน"),
    (100100, "หนึ่งพันเอ็ดบาทถ้วน"),
    (1000000, "หนึ่งหมื่นบาทถ้วน"),
    (10000000, "หนึ่งแสนบาทถ้วน"),
    (100000000, "หนึ่งล้านบาทถ้วน"),
    (100000100, "หนึ่งล้านเอ็ดบาทถ้วน"),
    (100001000, "หนึ่งล้านสิบบาทถ้วน"),
    (1000000000, "สิบล้านบาทถ้วน"),
    (1100000000, "สิบเอ็ดล้านบาทถ้วน"),
    (2100002100, "ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน"),
    (10100000000, "หนึ่งร้อยเอ็ดล้านบาทถ้วน"),
    (123450, "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"),
    (50, "ห้าสิบสตางค์"),
    (1, "หนึ่งสตางค์"),
    (10, "สิบสตางค์"),
    (11, "สิบเอ็ดสตางค์"),
    (21, "ยี่สิบเอ็ดสตางค์"),
    (99, "เก้าสิบเก้าสตางค์"),
    (101, "หนึ่งบาทหนึ่งสตางค์"),
    (121, "หนึ่งบาทยี่สิบเอ็ดสตางค์"),
    (10101, "หนึ่งร้อยเอ็ดบาทหนึ่งสตางค์"),
    (50000, "ห้าร้อยบาทถ้วน"),
    (9999999999, "เก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทเก้าสิบเก้าสตางค์"),
    (123456789012345, "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดล้านแปดแสนเก้าหมื่นหนึ่งร้อยยี่สิบสาม"
                      "บาทสี่สิบห้าสตางค์"),
    (10**14, "หนึ่งล้านล้านบาทถ้วน"),  # 10^12 baht
    (10**14 + 100, "หนึ่งล้านล้านเอ็ดบาทถ้วน"),
    (10**14 - 1, "เก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้า"
                 "บาทเก้าสิบเก้าสตางค์"),
    (200000100000000, "สองล้านเอ็ดล้านบาทถ้วน"),  # 2,000,001 ล้าน baht
    (10**14 + 10**8, "หนึ่งล้านเอ็ดล้านบาทถ้วน"),  # 1,000,001 ล้าน baht
    (10**14 + 2 * 10**8, "หนึ่งล้านสองล้านบาทถ้วน"),
    (-100, "ลบหนึ่งบาทถ้วน"),
    (-150, "ลบหนึ่งบาทห้าสิบสตางค์"),
    (-1, "ลบหนึ่งสตางค์"),
]


@pytest.mark.parametrize(("satang", "text"), BAHT_CASES)
def test_baht_text_table(satang, text):
    assert baht_text(satang) == text


@pytest.mark.parametrize("bad", [1.5, True, "100", None])
def test_baht_text_refuses_non_int(bad):
    with pytest.raises(TypeError):
        baht_text(bad)


_ORACLE_DIGITS = ["", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
_ORACLE_PLACES = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"]


def oracle_words(n: int) -> str:
    """An independent formulation: walk the decimal digits left to right; every sixth place says ล้าน."""
    s = str(n)
    out = []
    for i, ch in enumerate(s):
        d = int(ch)
        pos = len(s) - 1 - i
        place = pos % 6
        if d:
            if place == 1 and d == 1:
                out.append("สิบ")
            elif place == 1 and d == 2:
                out.append("ยี่สิบ")
            elif place == 0 and d == 1 and int(s[:i] or "0") != 0:
                out.append("เอ็ด")
            else:
                out.append(_ORACLE_DIGITS[d] + _ORACLE_PLACES[place])
        if place == 0 and pos > 0:
            out.append("ล้าน")
    return "".join(out)


def oracle_baht_text(satang: int) -> str:
    sign = "ลบ" if satang < 0 else ""
    baht, stg = divmod(abs(satang), 100)
    if satang == 0:
        return "ศูนย์บาทถ้วน"
    return sign + (oracle_words(baht) + "บาท" if baht else "") + (oracle_words(stg) + "สตางค์" if stg else "ถ้วน")


_WORD_VALUES = {
    "หนึ่ง": 1, "เอ็ด": 1, "สอง": 2, "ยี่": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8,
    "เก้า": 9,
}
_PLACE_VALUES = {"สิบ": 10, "ร้อย": 100, "พัน": 1000, "หมื่น": 10_000, "แสน": 100_000}
_TOKEN = re.compile("|".join([*_WORD_VALUES, *_PLACE_VALUES, "ล้าน"]))


def words_to_int(words: str) -> int:
    """Read Thai number words back (the inverse of writing them); the words must tokenise exactly."""
    tokens = _TOKEN.findall(words)
    assert "".join(tokens) == words, f"unknown words in {words!r}"
    total = acc = 0
    pending: int | None = None
    for tok in tokens:
        if tok in _WORD_VALUES:
            assert pending is None, f"two digits in a row in {words!r}"
            pending = _WORD_VALUES[tok]
        elif tok in _PLACE_VALUES:
            acc += (1 if pending is None else pending) * _PLACE_VALUES[tok]
            pending = None
        else:  # ล้าน
            total = (total + acc + (pending or 0)) * 1_000_000
            acc, pending = 0, None
    return total + acc + (pending or 0)


def baht_text_to_satang(text: str) -> int:
    sign = -1 if text.startswith("ลบ") else 1
    text = text.removeprefix("ลบ")
    if text == "ศูนย์บาทถ้วน":
        return 0
    m = re.fullmatch(r"(?:(.+)บาท)?(?:ถ้วน|(.+)สตางค์)", text)
    assert m, text
    return sign * (words_to_int(m[1] or "") * 100 + words_to_int(m[2] or ""))


amounts = st.one_of(
    st.integers(min_value=-(10**14), max_value=10**14),
    st.integers(min_value=0, max_value=10**14).map(lambda n: n - n % 100),  # whole baht
    st.integers(min_value=0, max_value=14).map(lambda k: 10**k),
    st.integers(min_value=0, max_value=14).map(lambda k: 10**k + 100),
    st.lists(st.sampled_from([0, 1, 2, 9]), min_size=1, max_size=14).map(lambda ds: int("".join(map(str, ds)))),
)


@settings(max_examples=1000)
@given(amounts)
def test_baht_text_agrees_with_independent_oracle(satang):
    assert baht_text(satang) == oracle_baht_text(satang)


@settings(max_examples=1000)
@given(amounts)
def test_baht_text_reads_back(satang):
    assert baht_text_to_satang(baht_text(satang)) == satang


@settings(max_examples=500)
@given(amounts)
def test_baht_text_structure(satang):
    text = baht_text(satang)
    baht, stg = divmod(abs(satang), 100)
    assert text.startswith("ลบ") == (satang < 0)
    body = text.removeprefix("ลบ")
    assert text.endswith("ถ้วน") == (stg == 0)
    assert text.endswith("สตางค์") == (stg != 0)
    assert ("บาท" in text) == (baht != 0 or satang == 0)
    assert ("ศูนย์" in text) == (satang == 0)
    assert text.count("บาท") <= 1 and text.count("สตางค์") <= 1
    for wrong in ("หนึ่งสิบ", "สองสิบ", "ยี่สิบสิบ", "ลบลบ", "ล้านล้านล้าน"):
        assert wrong not in text
    # เอ็ด only ends a number that has other digits before it, never starts one.
    assert not body.startswith("เอ็ด") and "บาทเอ็ด" not in text
    assert "หนึ่งสตางค์" not in text or stg == 1
    # One ล้าน per six digits above the units: 10^6 → 1, 10^12 → 2.
    if baht:
        assert text.split("บาท")[0].count("ล้าน") == (len(str(baht)) - 1) // 6


def test_baht_text_sweep():
    """Every amount up to 2,000 baht, then every 7th satang up to 10,000 baht, agrees with the oracle."""
    for satang in [*range(200_001), *range(200_001, 1_000_000, 7)]:
        assert baht_text(satang) == oracle_baht_text(satang)


# --- text normalisation ------------------------------------------------------------------------------
NAM_OK = "น้ำ"  # น + ้ + ำ
NAM_NIKHAHIT = "น\u0e4d\u0e49\u0e32"  # น + ํ + ้ + า (looks the same on screen)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  สมชาย   ใจดี  ", "สมชาย ใจดี"),
        ("สม\u200bชาย", "สมชาย"),
        ("\ufeffสมชาย\u2060", "สมชาย"),
        ("สม\u200c\u200dชาย", "สมชาย"),
        ("abc\u202edef\u202c", "abcdef"),
        ("\u2066abc\u2069", "abc"),
        ("a\x00b", "ab"),
        ("a\x07b\x1bc", "abc"),
        ("a\tb\nc\r\nd", "a b c d"),
        ("a\u00a0\u2003b", "a b"),
        (NAM_NIKHAHIT, NAM_OK),
        ("น\u0e4d\u0e32", "นำ"),  # ํ + า → ำ
        ("น\u0e49\u0e4d\u0e32", NAM_OK),  # ้ + ํ + า
        ("น\u0e33\u0e49", NAM_OK),  # ำ then ้ typed in the wrong order
        ("ก\u0e48\u0e48า", "ก่า"),  # doubled mai ek
        ("ก\u0e48\u0e48\u0e48า", "ก่า"),
        ("ก\u0e34\u0e34น", "กิน"),  # doubled sara i
        ("จันทร\u0e4c\u0e4c", "จันทร์"),
        ("ก\u0e48\u200b\u0e48า", "ก่า"),  # doubled with a zero-width space between
        ("เเก้ว", "แก้ว"),  # two sara e for sara ae
        ("e\u0301", "é"),  # NFC
        ("'); DROP TABLE member;--", "'); DROP TABLE member;--"),
        ("100%_x", "100%_x"),
        ("=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")"),
        ("", ""),
        (" \u200b ", ""),
    ],
)
def test_normalize_text_table(raw, clean):
    assert normalize_text(raw) == clean


def test_normalize_text_fixes_nam():
    assert NAM_NIKHAHIT != NAM_OK
    assert normalize_text(NAM_NIKHAHIT) == NAM_OK
    assert normalize_text("นํ้าฝน") == "น้ำฝน"


def test_normalize_text_removes_lone_surrogates():
    assert normalize_text("a\ud800b") == "ab"
    normalize_text("a\ud800b").encode("utf-8")


hostile_alphabet = st.sampled_from(
    [*"กขนมสเแโใไะัาำิีึืุู่้๊๋็์ํฺๆ ab.%_'\"=", "\u200b", "\u200d", "\ufeff", "\u202e", "\u2066", "\x00", "\t", "\n",
     "\u00a0", "\u0301", "\ud800"]
)
texts = st.one_of(st.text(), st.text(hostile_alphabet))


@settings(max_examples=500)
@given(texts)
@example("\u0e4d\u0e4d\u0e32")
@example("ก\u0e4d\u0e48\u0e4d\u0e32")
@example("ก\u0e33\u0e48\u0e48")
@example("เเเ")
def test_normalize_text_idempotent_and_clean(s):
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert once == once.strip() and "  " not in once
    assert not re.search("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\x00-\x1f\x7f]", once)
    assert not re.search(r"([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\1", once)  # no doubled mark
    assert "\u0e4d\u0e32" not in once
    once.encode("utf-8")


def test_normalize_text_max_len(en):
    assert normalize_text("x" * 10, max_len=10) == "x" * 10
    # The limit applies after cleaning: zero-width characters and outer spaces don't count.
    assert normalize_text("  " + "x\u200b" * 10 + "  ", max_len=10) == "x" * 10
    with pytest.raises(TextInputError) as info:
        normalize_text("x" * 10_000, max_len=100, field="Note")
    err = info.value
    assert isinstance(err, UserError) and err.code == "text_too_long"
    assert err.field == "Note"
    assert str(err) == "Note: The text is too long: at most 100 characters are allowed (this has 10,000)."


def test_normalize_text_max_len_in_thai(th):
    with pytest.raises(TextInputError) as info:
        normalize_text("ก" * 1500, max_len=1000)
    assert str(info.value) == "ข้อความยาวเกินไป ใส่ได้ไม่เกิน 1,000 ตัวอักษร (ตอนนี้มี 1,500 ตัวอักษร)"


def test_normalize_text_refuses_non_text():
    with pytest.raises(TypeError):
        normalize_text(None)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("สมชาย ใจดี", "สมชาย  ใจดี"),
        ("สมชาย ใจดี", "สมชายใจดี"),
        ("สม\u200bชาย", "สมชาย"),
        ("นํ้าฝน", "น้ำฝน"),
        ("ก\u0e49\u0e49าน", "ก้าน"),
        ("เเก้ว", "แก้ว"),
        ("Somchai Jaidee", "SOMCHAI JAIDEE"),
        ("\u202eสมชาย", "สมชาย"),
    ],
)
def test_name_key_finds_duplicates(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("สมชาย", "สมชัย"), ("ป่า", "ป้า"), ("กา", "ก่า"), ("น้ำ", "นำ")])
def test_name_key_keeps_different_names_apart(a, b):
    assert name_key(a) != name_key(b)


@given(texts)
@example("\u0e47\r\u0e47")  # marks brought together once the space is removed
def test_name_key_stable(s):
    assert name_key(name_key(s)) == name_key(s)
    assert " " not in name_key(s)


# --- Thai dictionary order ---------------------------------------------------------------------------
# Expected order, with the reason each name sits where it does (first level: consonants in ก..ฮ order,
# a consonant before any vowel, vowels in the order ะ ั า ำ ิ ี ึ ื ุ ู เ แ โ ใ ไ, and a leading vowel
# เ แ โ ใ ไ read after the consonant it is written before):
THAI_NAMES_IN_ORDER = [
    "กมล",  # ก + ม: a consonant straight after ก comes before ก + any vowel
    "กัญญา",  # ก + ั
    "กิตติ",  # ก + ิ (ั < ิ)
    "เกษม",  # read ก เ ษ ม: under ก, after ก + ิ because เ comes after ิ
    "แก้ว",  # read ก แ ว: เ < แ
    "ขวัญ",  # ข after every ก (although it is written before แก้ว's and เกษม's ก in Unicode terms)
    "จันทร์",  # จ + ั; ์ is ignored at the first level
    "ใจดี",  # read จ ใ ด ี: จ + ใ comes after จ + ั
    "ชัยวัฒน์",  # ช
    "ทองดี",  # ท
    "นงลักษณ์",  # น + ง (a consonant)
    "นิพนธ์",  # น + ิ
    "บุญมี",  # บ
    "ประเสริฐ",  # ป
    "พรทิพย์",  # พ + ร (a consonant)
    "ไพโรจน์",  # read พ ไ ...: พ + a vowel, after พ + ร
    "มาลี",  # ม
    "สมชาย",  # ส ม ช
    "สมศรี",  # ส ม ศ: ช < ศ
    "สุดา",  # ส + ุ: after ส + ม
    "โสภา",  # read ส โ ภ า: โ after ุ
    "อำนาจ",  # อ + ำ
    "เอื้อมพร",  # read อ เ ื อ ...: ำ < เ
]


def test_thai_names_sort_in_dictionary_order():
    rng = random.Random(2568)
    for _ in range(20):
        names = THAI_NAMES_IN_ORDER[:]
        rng.shuffle(names)
        assert sorted(names, key=thai_sort_key) == THAI_NAMES_IN_ORDER


def test_leading_vowel_is_skipped():
    assert sorted(["ขวัญ", "เกษม"], key=thai_sort_key) == ["เกษม", "ขวัญ"]
    assert sorted(["ไก่", "กา", "โก", "แก", "เก", "ใกล้", "กะ"], key=thai_sort_key) == [
        "กะ", "กา", "เก", "แก", "โก", "ใกล้", "ไก่",
    ]


def test_tone_marks_break_ties_only():
    assert sorted(["ป้า", "ป่า", "ปาก", "ปา", "ป่าน", "ป๋า", "ป๊า"], key=thai_sort_key) == [
        "ปา", "ป่า", "ป้า", "ป๊า", "ป๋า", "ปาก", "ป่าน",
    ]
    # ์ is ignored first: จันทร์ sorts as จันทร, before จันทรา (one letter longer)
    assert sorted(["จันทรา", "จันทร์"], key=thai_sort_key) == ["จันทร์", "จันทรา"]


def test_digits_latin_thai_blocks():
    names = ["สมชาย", "Somchai", "123", "๑๒๔", "abc", "ABD", "กมล"]
    assert sorted(names, key=thai_sort_key) == ["123", "๑๒๔", "abc", "ABD", "Somchai", "กมล", "สมชาย"]


def test_spaces_sort_word_by_word():
    # The first name decides before the surname: "สม ใจดี" < "สมชาย ..."
    assert sorted(["สมชาย ใจดี", "สม ใจดี", "สมชาย กล้าหาญ"], key=thai_sort_key) == [
        "สม ใจดี", "สมชาย กล้าหาญ", "สมชาย ใจดี",
    ]


def test_sort_key_sees_through_typing_variants():
    a, b = thai_sort_key("นํ้าฝน"), thai_sort_key("น้ำฝน")
    assert a[:3] == b[:3]
    assert thai_sort_key("สม\u200bชาย")[:3] == thai_sort_key("สมชาย")[:3]


@settings(max_examples=300)
@given(st.lists(texts, max_size=8))
def test_sort_key_is_a_total_order(items):
    once = sorted(items, key=thai_sort_key)
    assert sorted(reversed(once), key=thai_sort_key) == once
    keys = [thai_sort_key(x) for x in once]
    assert keys == sorted(keys)


# --- catalogues --------------------------------------------------------------------------------------
MESSAGES = [v for k, v in vars(thai).items() if k.startswith("MSG_")]
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _catalog(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with (paths.locale_dir() / lang / "LC_MESSAGES" / "villagebank.po").open("rb") as fp:
        return {m.id: m.string for m in read_po(fp, locale=lang) if m.id}


def test_messages_are_in_both_catalogues_with_the_same_placeholders():
    assert len(MESSAGES) >= 10
    th_cat, en_cat = _catalog("th"), _catalog("en")
    for msgid in MESSAGES:
        assert msgid in en_cat, msgid
        assert th_cat.get(msgid), msgid
        assert set(_PLACEHOLDER.findall(th_cat[msgid])) == set(_PLACEHOLDER.findall(msgid)), msgid
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in th_cat[msgid]), msgid


def test_message_templates_format_with_their_parameters():
    params = {"text": "x", "month": "m", "year": "2568", "days": 28, "limit": "1", "length": "2"}
    for msgid in MESSAGES:
        msgid.format(**params)
        assert set(_PLACEHOLDER.findall(msgid)) <= set(params)
