"""Reading and writing single workbook cells: dates, amounts, whole numbers, rates, choices, text.

Reading follows the contract: dates are date cells or ``DD/MM/YYYY`` text (a year ≥ 2400 is B.E.);
amounts are numbers with at most 2 decimals or text with thousands separators and digits 0–9 or Thai
digits. Every refusal is a :class:`~villagebank.i18n.UserError` the importer pins to the cell.

Writing neutralises text that a spreadsheet could take for a formula (a leading ``=``, ``+``, ``-``,
``@``, tab or carriage return, and a leading apostrophe so that the escape is reversible): it gets an
apostrophe in front, which the reader removes again.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from villagebank.exports.workbook.contract import DATE, ENUM, ID, INT, MONEY, RATE, SIGNED, Col
from villagebank.i18n import N_, UserError
from villagebank.ledger import Money
from villagebank.thai import normalize_text, parse_date, to_arabic_digits

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class CellError(UserError):
    code = "cell"


def neutralise(text: str) -> str:
    """Text safe to put in a spreadsheet cell: never read as a formula; the escape is reversible."""
    text = _ILLEGAL_XML.sub("", text)
    if text.startswith((*FORMULA_START, "'")):
        return "'" + text
    return text


def unescape(text: str) -> str:
    """The inverse of :func:`neutralise` for text read back from a cell."""
    if text.startswith("'") and len(text) > 1 and text[1:].startswith((*FORMULA_START, "'")):
        return text[1:]
    return text


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: object) -> str:
    text = normalize_text(str(value))
    return text if len(text) <= 40 else text[:39] + "…"


def read_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    raise CellError(N_("“{value}” is not a date: use a date cell or day/month/year, for example 03/07/2568"),
                    value=_shown(value))


def read_money(value: object) -> Money:
    """Baht: a number with at most 2 decimals, or text (commas, Thai digits). Never negative."""
    if isinstance(value, bool):
        raise CellError(N_("“{value}” is not an amount; type baht, for example 1,234.50"), value=_shown(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError(N_("“{value}” is not an amount; type baht, for example 1,234.50"), value=_shown(value))
        value = Decimal(repr(value))  # the shortest text that reads back as this number
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return Money.parse(value)


def read_signed(value: object) -> Money:
    """An amount that may be negative (a loss, a deficit charged to the reserve): ``-1234.5``, ``−1,234.50``."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool) and value < 0:
        return -read_money(-value)
    if isinstance(value, str) and value.strip().startswith(("-", "\u2212")):
        return -read_money(value.strip()[1:])
    return read_money(value)


def read_int(value: object) -> int:
    if isinstance(value, bool):
        raise CellError(N_("“{value}” is not a whole number"), value=_shown(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = to_arabic_digits(normalize_text(value)).replace(",", "")
        if text.isascii() and text.isdigit():
            return int(text)
    raise CellError(N_("“{value}” is not a whole number"), value=_shown(value))


def read_rate(value: object) -> Decimal:
    """A monthly interest rate in percent: ``1``, ``1.25``, ``๑.๒๕``, ``1.25%``."""
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        if isinstance(value, float):
            dec = Decimal(repr(value))
        elif isinstance(value, int | Decimal):
            dec = Decimal(value)
        else:
            dec = Decimal(to_arabic_digits(normalize_text(str(value))).rstrip("%").strip())
        if not dec.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        raise CellError(N_("“{value}” is not a percentage"), value=_shown(value)) from None
    return dec


def read_id(value: object) -> str:
    """Digits kept as text (citizen ID, phone): a number cell loses no digits it still has."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unescape(normalize_text(str(value)))


def read_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        from villagebank.thai import format_date

        value = format_date(value if isinstance(value, dt.date) and not isinstance(value, dt.datetime)
                            else value.date())
    return unescape(normalize_text(str(value)))


def read_enum(value: object, col: Col) -> str:
    text = normalize_text(str(value))
    key = text.casefold()
    if key in col.choices:
        return key
    for alias, target in col.aliases:
        if normalize_text(alias) == text:
            return target
    raise CellError(N_("“{value}” is not one of: {allowed}"), value=_shown(value), allowed=", ".join(col.choices))


def read_cell(value: object, col: Col) -> object:
    """The typed value of a non-blank cell for column ``col`` (CellError/UserError when it cannot be read)."""
    if col.kind == DATE:
        return read_date(value)
    if col.kind == MONEY:
        return read_money(value)
    if col.kind == SIGNED:
        return read_signed(value)
    if col.kind == INT:
        return read_int(value)
    if col.kind == RATE:
        return read_rate(value)
    if col.kind == ENUM:
        return read_enum(value, col)
    if col.kind == ID:
        return read_id(value)
    return read_text(value)


def header_key(text: object) -> str:
    """A header or sheet name made comparable: normalised, case-folded, without spaces."""
    return normalize_text(str(text or "")).casefold().replace(" ", "")
