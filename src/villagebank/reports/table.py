"""The report document model shared by the screen preview, the PDF and the Excel renderers.

A :class:`Report` is what one printed document holds: a title, the bank's name, the period, then a
sequence of blocks (tables, key/value panels, paragraphs), then signature lines. Cell values are typed
(money as integer satang, dates as ``datetime.date``), never pre-formatted text: each renderer formats.
All strings in it are already translated into the report's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    TEXT = "text"
    MONEY = "money"  # int satang; right-aligned, #,##0.00
    INT = "int"  # counts, member numbers; right-aligned
    DATE = "date"  # datetime.date; shown in B.E.
    PERCENT = "percent"  # Decimal or int percentage points, e.g. Decimal("20")
    CHECK = "check"  # bool: shown as ✓ / empty
    CODE = "code"  # member, loan and receipt numbers: digits as they are (no thousands separator), centred


class Style(Enum):
    ITEM = "item"
    HEAD = "head"  # a group heading row spanning the table
    TOTAL = "total"  # bold, rule above
    SUBTOTAL = "subtotal"


@dataclass(frozen=True)
class Column:
    key: str  # stable key (Excel header key, tests)
    title: str  # translated header
    kind: Kind = Kind.TEXT
    width: float = 1.0  # relative width weight
    wrap: bool = True  # TEXT only: wrap between words
    whole_baht: bool = False  # MONEY only: print whole-baht amounts without ".00" (dense grids of shares)
    names: bool = False  # TEXT only: people's names, broken only at spaces (a segmenter cuts unknown names)


@dataclass(frozen=True)
class Row:
    cells: tuple[object, ...]
    style: Style = Style.ITEM
    keep_with_next: bool = False  # print on the same page as the next row (a loan's principal and interest)


@dataclass
class ReportTable:
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    title: str | None = None  # heading printed above the table
    key: str = "table"  # sheet name seed for Excel
    item_lines: float = 1.0  # the least height of an item row, in text lines (more: room to sign in a column)

    def add(self, *cells: object, style: Style = Style.ITEM, keep_with_next: bool = False) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"row has {len(cells)} cells, table {self.key!r} has {len(self.columns)} columns")
        self.rows.append(Row(tuple(cells), style, keep_with_next))

    def column_values(self, key: str) -> list[object]:
        i = [c.key for c in self.columns].index(key)
        return [r.cells[i] for r in self.rows if r.style is Style.ITEM]


@dataclass
class KeyValues:
    """A panel of labelled values (statement headers, summaries). Values typed like cells."""

    items: list[tuple[str, object, Kind]] = field(default_factory=list)
    title: str | None = None
    columns: int = 2  # pairs per printed line

    def add(self, label: str, value: object, kind: Kind = Kind.TEXT) -> None:
        self.items.append((label, value, kind))


@dataclass
class Paragraph:
    text: str
    bold: bool = False
    align: str = "left"  # "left" | "center" | "right"
    small: bool = False  # notes and footnotes: the table size instead of the body size


@dataclass
class PageBreak:
    """Start the next block on a new page (nothing happens at the top of a page)."""


Block = ReportTable | KeyValues | Paragraph | PageBreak


@dataclass(frozen=True)
class Signature:
    """A signature line: the signer's role, and the printed name under the line when it is known."""

    role: str
    name: str = ""


@dataclass
class Report:
    key: str  # report name, e.g. "statement"
    title: str
    bank_name: str
    period: str  # translated period label, e.g. "เดือนมกราคม พ.ศ. 2568"
    blocks: list[Block] = field(default_factory=list)
    signatures: list[str | Signature] = field(default_factory=list)  # translated role labels (or with names)
    landscape: bool = False
    anchor: str | None = None  # journal anchor "seq/short-hash" printed in the footer
    printed_on: dt.date | None = None
    copy_mark: str | None = None  # e.g. "สำเนา" on reprints
    page_size: str = "A4"  # "A4" or "A5"
    language: str | None = None  # language of the strings ("th", "en"); None: the current language
    sheet: str | None = None  # Excel sheet name (default: the title), e.g. the member of a statement
    number: int | None = None  # the receipt or member the report is about (callers count receipt prints by it)

    def tables(self) -> list[ReportTable]:
        return [b for b in self.blocks if isinstance(b, ReportTable)]
