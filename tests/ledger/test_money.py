from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from villagebank.ledger.errors import InvalidInput
from villagebank.ledger.money import MAX_SATANG, Money, total


@pytest.mark.parametrize(("text", "satang"), [
    ("1,234.50", 123450),
    ("๑,๒๓๔.๕๐", 123450),
    ("500 บาท", 50000),
    ("500บาท", 50000),
    ("0", 0),
    ("12", 1200),
    ("12.5", 1250),
    ("12.05", 1205),
    ("1234567", 123456700),
    ("  1,000  ", 100000),
    ("฿20", 2000),
    ("1,000,000,000,000", MAX_SATANG),
])
def test_parse_accepts_what_a_treasurer_types(text, satang):
    assert Money.parse(text).satang == satang


@pytest.mark.parametrize("text", [
    "-5", "1e3", "1_000", "NaN", "nan", "inf", "12.345", "1,23", ".5", "0x10", "١٢٣", "12,3456", "1,2345",
    "", "   ", "abc", "1.2.3", "1,000,000,000,000.01", "10000000000000", "+5", "1 000", "๑๒.๓๔๕",
])
def test_parse_refuses_malformed_amounts(text):
    with pytest.raises(InvalidInput):
        Money.parse(text)


def test_parse_names_the_field_in_the_message():
    with pytest.raises(InvalidInput) as info:
        Money.parse("12.345", field="จำนวนเงิน")
    assert str(info.value).startswith("จำนวนเงิน")
    assert "12.345" in str(info.value)


def test_negative_only_when_allowed():
    assert Money.parse("-5", allow_negative=True).satang == -500
    with pytest.raises(InvalidInput):
        Money.parse("0", allow_zero=False)


def test_floats_are_refused_everywhere():
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money.baht(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100) * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        float(Money(100))
    with pytest.raises(TypeError):
        Money(100) / 3  # type: ignore[operator]
    with pytest.raises(InvalidInput):
        Money.parse(1.5)  # type: ignore[arg-type]


def test_arithmetic_and_comparison():
    a, b = Money(1050), Money(250)
    assert a + b == Money(1300)
    assert a - b == Money(800)
    assert -a == Money(-1050)
    assert a * 3 == Money(3150) == 3 * a
    assert a.floor_div(4) == Money(262)
    assert Money(1099).floor_to(100) == Money(1000)
    assert sum([a, b]) == Money(1300)
    assert total([a, b, b]) == Money(1550)
    assert a > b and b < a and a >= a and not Money(0)
    assert Money.baht(Decimal("12.34")) == Money(1234)
    assert Money.baht(12) == Money(1200)
    with pytest.raises(AttributeError):
        a._satang = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        _ = a < 5  # type: ignore[operator]


def test_format():
    assert str(Money(123450)) == "1,234.50"
    assert Money(-5).format() == "-0.05"
    assert Money(0).format() == "0.00"
    assert Money(123450).to_decimal() == Decimal("1234.5")


@given(st.integers(min_value=0, max_value=MAX_SATANG))
def test_parse_of_format_is_exact(satang):
    assert Money.parse(Money(satang).format()).satang == satang


@given(st.integers(min_value=0, max_value=MAX_SATANG))
def test_parse_of_thai_digits_is_exact(satang):
    thai = Money(satang).format().translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert Money.parse(thai).satang == satang
