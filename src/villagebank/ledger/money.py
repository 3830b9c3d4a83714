"""Money as a whole number of satang (1 baht = 100 satang). Never a float.

``Money(150)`` is 1.50 baht. Arithmetic with ``int`` multiplies/divides counts; any float raises TypeError.
The one parser for typed amounts is :meth:`Money.parse`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from villagebank.i18n import N_
from villagebank.ledger.errors import InvalidInput
from villagebank.thai import format_amount

SATANG_PER_BAHT = 100
MAX_BAHT = 10**12
MAX_SATANG = MAX_BAHT * SATANG_PER_BAHT

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Whole part: plain digits, or digits grouped by commas in threes. Fraction: 1 or 2 digits.
_AMOUNT_RE = re.compile(r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d{1,2}))?")
_SUFFIXES = ("บาท", "baht", "thb", "฿")


class Money:
    """An amount in integer satang. Immutable, hashable, totally ordered."""

    __slots__ = ("_satang",)

    def __init__(self, satang: int) -> None:
        if type(satang) is not int:
            raise TypeError(f"Money takes integer satang, not {type(satang).__name__}")
        object.__setattr__(self, "_satang", satang)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Money is immutable")

    @property
    def satang(self) -> int:
        return self._satang

    # --- construction -------------------------------------------------------------------------
    @classmethod
    def baht(cls, amount: int | str | Decimal) -> Money:
        """Whole baht (int) or an exact decimal (``Decimal``/``str`` with at most 2 places)."""
        if isinstance(amount, bool | float):
            raise TypeError("Money.baht takes int, str or Decimal, never float")
        if isinstance(amount, int):
            return cls(amount * SATANG_PER_BAHT)
        try:
            dec = Decimal(amount)
        except InvalidOperation as exc:
            raise ValueError(f"not an amount: {amount!r}") from exc
        if not dec.is_finite():
            raise ValueError(f"not an amount: {amount!r}")
        satang = dec * SATANG_PER_BAHT
        if satang != satang.to_integral_value():
            raise ValueError(f"more than 2 decimals: {amount!r}")
        return cls(int(satang))

    @classmethod
    def parse(
        cls,
        text: object,
        *,
        field: str | None = None,
        allow_negative: bool = False,
        allow_zero: bool = True,
    ) -> Money:
        """Parse an amount as a treasurer types it: ``1,234.50``, ``๑,๒๓๔.๕๐``, ``500 บาท``.

        Refused (InvalidInput naming ``field``): negatives unless allowed, exponents, underscores,
        ``NaN``, more than 2 decimals, bad digit grouping (``1,23``), a missing whole part (``.5``),
        hex, digits of other scripts, and amounts over 10^12 baht.
        """
        if isinstance(text, Money):
            value = text
        elif isinstance(text, int) and not isinstance(text, bool):
            value = cls(text * SATANG_PER_BAHT)
        elif isinstance(text, Decimal):
            try:
                value = cls.baht(text)
            except ValueError:
                raise InvalidInput(
                    N_("“{text}” has more than 2 decimals; amounts are baht with up to 2 decimals"),
                    field=field, text=str(text)) from None
        elif isinstance(text, str):
            value = cls._parse_text(text, field)
        else:
            raise InvalidInput(N_("“{text}” is not an amount; type baht, for example 1,234.50"),
                               field=field, text=str(text))
        if value._satang < 0 and not allow_negative:
            raise InvalidInput(N_("the amount cannot be negative"), field=field)
        if value._satang == 0 and not allow_zero:
            raise InvalidInput(N_("the amount must be more than zero"), field=field)
        if abs(value._satang) > MAX_SATANG:
            raise InvalidInput(N_("the amount is too large (at most {max} baht)"), field=field,
                               max=format_amount(MAX_SATANG))
        return value

    @classmethod
    def _parse_text(cls, raw: str, field: str | None) -> Money:
        text = raw.strip().translate(_THAI_DIGITS)
        lowered = text.lower()
        for suffix in _SUFFIXES:
            if lowered.endswith(suffix):
                text = text[: -len(suffix)].strip()
                break
            if lowered.startswith(suffix):
                text = text[len(suffix):].strip()
                break
        negative = False
        if text.startswith("-") or text.startswith("\u2212"):
            negative = True
            text = text[1:].strip()
        if not text:
            raise InvalidInput(N_("please type an amount, for example 1,234.50"), field=field)
        if not text.isascii():
            raise InvalidInput(N_("“{text}” is not an amount; use the digits 0-9 or ๐-๙, for example 1,234.50"),
                               field=field, text=raw.strip())
        match = _AMOUNT_RE.fullmatch(text)
        if not match:
            if re.fullmatch(r"[\d,]*\.\d{3,}", text):
                raise InvalidInput(N_("“{text}” has more than 2 decimals; amounts are baht with up to 2 decimals"),
                                   field=field, text=raw.strip())
            raise InvalidInput(N_("“{text}” is not an amount; type baht, for example 1,234.50"),
                               field=field, text=raw.strip())
        whole = int(match["whole"].replace(",", ""))
        frac = match["frac"] or "0"
        satang = whole * SATANG_PER_BAHT + int(frac.ljust(2, "0"))
        if satang > MAX_SATANG:
            raise InvalidInput(N_("the amount is too large (at most {max} baht)"), field=field,
                               max=format_amount(MAX_SATANG))
        return cls(-satang if negative else satang)

    # --- arithmetic ---------------------------------------------------------------------------
    def __add__(self, other: object) -> Money:
        if isinstance(other, Money):
            return Money(self._satang + other._satang)
        return NotImplemented

    def __radd__(self, other: object) -> Money:
        if other == 0 and isinstance(other, int):  # sum() starts from 0
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if isinstance(other, Money):
            return Money(self._satang - other._satang)
        return NotImplemented

    def __neg__(self) -> Money:
        return Money(-self._satang)

    def __abs__(self) -> Money:
        return Money(abs(self._satang))

    def __mul__(self, other: object) -> Money:
        if type(other) is int:
            return Money(self._satang * other)
        if isinstance(other, float):
            raise TypeError("Money cannot be multiplied by a float")
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Money:
        raise TypeError("Money cannot be divided with '/': use floor_div() and allocate the remainder")

    def floor_div(self, n: int) -> Money:
        if type(n) is not int or n <= 0:
            raise TypeError("floor_div takes a positive int")
        return Money(self._satang // n)

    def floor_to(self, unit: int) -> Money:
        """Round down to a multiple of ``unit`` satang (``unit`` ≥ 1)."""
        return Money(self._satang - self._satang % unit)

    # --- comparison ---------------------------------------------------------------------------
    def _key(self, other: object) -> int:
        if isinstance(other, Money):
            return other._satang
        raise TypeError("Money compares only with Money")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Money) and other._satang == self._satang

    def __hash__(self) -> int:
        return hash(("Money", self._satang))

    def __lt__(self, other: object) -> bool:
        return self._satang < self._key(other)

    def __le__(self, other: object) -> bool:
        return self._satang <= self._key(other)

    def __gt__(self, other: object) -> bool:
        return self._satang > self._key(other)

    def __ge__(self, other: object) -> bool:
        return self._satang >= self._key(other)

    def __bool__(self) -> bool:
        return self._satang != 0

    def __float__(self) -> float:
        raise TypeError("Money is never converted to float")

    # --- display ------------------------------------------------------------------------------
    def to_decimal(self) -> Decimal:
        """Baht as an exact Decimal (for Excel number cells)."""
        return Decimal(self._satang) / SATANG_PER_BAHT

    def format(self) -> str:
        return format_amount(self._satang)

    def __str__(self) -> str:
        return format_amount(self._satang)

    def __repr__(self) -> str:
        return f"Money({self._satang})"

    def __reduce__(self):  # pickling (worker processes)
        return (Money, (self._satang,))


ZERO = Money(0)


def total(amounts) -> Money:
    result = 0
    for a in amounts:
        result += a.satang
    return Money(result)
