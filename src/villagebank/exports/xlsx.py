"""Reports as Excel workbooks (xlsxwriter): one sheet per report, typed cells, ready to print on A4.

Money cells are numbers in baht with ``#,##0.00``, dates are date cells shown in the Buddhist era
(``[$-1070000]`` is Excel's Thai Buddhist calendar; LibreOffice reads it too), counts are numbers, member and
loan numbers are plain numbers without separators. The header row of a sheet's table is frozen and repeats on
printed pages; column widths fit the longest value (Thai marks above and below the line take no width).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

import xlsxwriter

from villagebank.i18n import N_, gettext_in
from villagebank.reports.table import (
    KeyValues,
    Kind,
    PageBreak,
    Paragraph,
    Report,
    ReportTable,
    Signature,
    Style,
)
from villagebank.thai import format_amount, format_date

FONT = "Tahoma"  # on every Windows, with Thai; LibreOffice substitutes a Thai font where it is missing
DATE_FORMAT = "[$-1070000]dd/mm/yyyy"
MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "#,##0"
CODE_FORMAT = "0"
MAX_WIDTH = 60.0
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def display_width(text: str) -> int:
    """Characters that take room on a line (Thai vowels above/below and tone marks take none)."""
    return sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else 1 for ch in text)


class _Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self.wb = wb
        self._cache: dict[tuple, Any] = {}

    def get(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._cache[key] = self.wb.add_format(props)
        return fmt


_KIND_FORMAT = {Kind.MONEY: MONEY_FORMAT, Kind.INT: INT_FORMAT, Kind.DATE: DATE_FORMAT, Kind.CODE: CODE_FORMAT}
_ALIGN = {Kind.MONEY: "right", Kind.INT: "right", Kind.PERCENT: "right", Kind.DATE: "center", Kind.CHECK: "center",
          Kind.CODE: "center", Kind.TEXT: "left"}


def _cell_text(value: object, kind: Kind) -> str:
    """What the cell shows (for measuring widths)."""
    if value is None:
        return ""
    if kind is Kind.MONEY:
        return format_amount(getattr(value, "satang", value))  # type: ignore[arg-type]
    if kind is Kind.DATE and isinstance(value, dt.date):
        return format_date(value)
    if kind is Kind.INT and isinstance(value, int):
        return f"{value:,}"
    return str(value)


class _Sheet:
    """Writes one report into one worksheet, row by row."""

    def __init__(self, wb: xlsxwriter.Workbook, fmt: _Formats, report: Report, name: str) -> None:
        self.ws = wb.add_worksheet(name)
        self.fmt = fmt
        self.report = report
        self.row = 0
        self.widths: dict[int, float] = {}
        self.tables: list[tuple[ReportTable, int]] = []  # (table, header row)
        self.breaks: list[int] = []

    def measure(self, col: int, text: str, cap: float = MAX_WIDTH) -> None:
        longest = max((display_width(line) for line in text.split("\n")), default=0)
        w = min(longest * 1.15 + 2.0, cap)
        if w > self.widths.get(col, 0.0):
            self.widths[col] = w

    def tr(self, message: str) -> str:
        return gettext_in(self.report.language, message)

    def write(self) -> None:
        r = self.report
        f = self.fmt
        self.ws.write_string(0, 0, r.bank_name, f.get(bold=True, font_size=13, font_name=FONT))
        self.ws.write_string(1, 0, r.title, f.get(bold=True, font_size=15, font_name=FONT))
        self.ws.write_string(2, 0, r.period, f.get(font_size=11, font_name=FONT))
        foot = [self.tr(N_("Printed {date}")).format(date=format_date(r.printed_on or dt.date.today()))]
        if r.anchor:
            foot.append(self.tr(N_("Ref. {anchor}")).format(anchor=r.anchor))
        if r.copy_mark:
            foot.insert(0, r.copy_mark)
        self.ws.write_string(3, 0, "  ".join(foot), f.get(font_size=9, font_color="#555555", font_name=FONT))
        self.row = 5
        for block in r.blocks:
            if isinstance(block, ReportTable):
                self.table(block)
            elif isinstance(block, KeyValues):
                self.key_values(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, PageBreak):
                self.breaks.append(self.row)
            else:
                raise TypeError(f"unknown report block {type(block).__name__}")
        self.signatures(r.signatures)
        self.finish()

    def paragraph(self, p: Paragraph) -> None:
        props: dict[str, Any] = {"font_name": FONT}
        if p.bold:
            props["bold"] = True
        if p.small:
            props["font_size"] = 9
        self.ws.write_string(self.row, 0, p.text, self.fmt.get(**props))
        self.row += 2

    def key_values(self, kv: KeyValues) -> None:
        if kv.title:
            self.ws.write_string(self.row, 0, kv.title, self.fmt.get(bold=True, font_name=FONT))
            self.row += 1
        for label, value, kind in kv.items:
            self.ws.write_string(self.row, 0, label, self.fmt.get(bold=True, font_name=FONT))
            self.measure(0, label, 30)
            self.value(self.row, 1, value, kind, {"align": "left"})
            self.measure(1, _cell_text(value, kind), 40)
            self.row += 1
        self.row += 1

    def value(self, row: int, col: int, value: object, kind: Kind, extra: dict[str, Any]) -> None:
        props = {"font_name": FONT, "align": _ALIGN[kind], **extra}
        if kind in _KIND_FORMAT:
            props["num_format"] = _KIND_FORMAT[kind]
        fmt = self.fmt.get(**props)
        ws = self.ws
        if value is None or value == "":
            ws.write_blank(row, col, None, fmt)
        elif kind is Kind.MONEY:
            satang = getattr(value, "satang", value)
            ws.write_number(row, col, satang / 100, fmt)  # type: ignore[operator]  # baht; exact to the satang shown
        elif kind is Kind.DATE and isinstance(value, dt.date):
            ws.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), fmt)
        elif kind in (Kind.INT, Kind.CODE) and isinstance(value, int) and not isinstance(value, bool):
            ws.write_number(row, col, value, fmt)
        elif kind is Kind.PERCENT and isinstance(value, int | float | Decimal):
            whole = Decimal(value) == Decimal(value).to_integral_value()
            ws.write_number(row, col, float(Decimal(value) / 100),
                            self.fmt.get(**{**props, "num_format": "0%" if whole else "0.00%"}))
        elif kind is Kind.CHECK:
            ws.write_string(row, col, "✓" if value else "", fmt)
        else:
            ws.write_string(row, col, str(value), fmt)

    def table(self, t: ReportTable) -> None:
        f = self.fmt
        n = len(t.columns)
        if t.title:
            self.ws.write_string(self.row, 0, t.title, f.get(bold=True, font_name=FONT))
            self.row += 1
        head = f.get(bold=True, bg_color="#DDDDDD", border=1, text_wrap=True, align="center", valign="vcenter",
                     font_name=FONT)
        header_row = self.row
        for c, col in enumerate(t.columns):
            self.ws.write_string(self.row, c, col.title, head)
            self.measure(c, col.title, 16)
        self.tables.append((t, header_row))
        self.row += 1
        for r in t.rows:
            if r.style is Style.HEAD:
                text = " ".join(_cell_text(v, c.kind) for v, c in zip(r.cells, t.columns, strict=False) if v is not None)
                fmt = f.get(bold=True, bg_color="#F0F0F0", border=1, font_name=FONT)
                if n > 1:
                    self.ws.merge_range(self.row, 0, self.row, n - 1, text, fmt)
                else:
                    self.ws.write_string(self.row, 0, text, fmt)
                self.row += 1
                continue
            extra: dict[str, Any] = {"border": 1, "valign": "top"}
            if r.style in (Style.TOTAL, Style.SUBTOTAL):
                extra.update(bold=True, top=2 if r.style is Style.TOTAL else 1)
            for c, (value, col) in enumerate(zip(r.cells, t.columns, strict=False)):
                cell_extra = dict(extra)
                if col.kind is Kind.TEXT and isinstance(value, str) and "\n" in value:
                    cell_extra["text_wrap"] = True
                self.value(self.row, c, value, col.kind, cell_extra)
                self.measure(c, _cell_text(value, col.kind))
            self.row += 1
        self.row += 1

    def signatures(self, signers: list[str | Signature]) -> None:
        if not signers:
            return
        self.row += 1
        label = self.tr(N_("Signed"))
        for s in signers:
            role, name = (s.role, s.name) if isinstance(s, Signature) else (s, "")
            self.ws.write_string(self.row, 0, f"{label} ................................ {role}",
                                 self.fmt.get(font_name=FONT))
            self.row += 1
            self.ws.write_string(self.row, 0, f"({name or '................................'})",
                                 self.fmt.get(font_name=FONT))
            self.row += 2

    def finish(self) -> None:
        ws, r = self.ws, self.report
        for col, w in self.widths.items():
            ws.set_column(col, col, max(w, 6.0))
        shared_columns = len({tuple(c.key for c in t.columns) for t, _row in self.tables}) == 1
        if self.tables and shared_columns:
            first_header = self.tables[0][1]
            ws.freeze_panes(first_header + 1, 0)
            ws.repeat_rows(first_header)
        else:
            ws.freeze_panes(4, 0)
        ws.set_paper(9)  # A4
        if r.landscape:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.set_footer("&L" + r.bank_name.replace("&", "&&") + "&R&P/&N")
        if self.breaks:
            ws.set_h_pagebreaks(self.breaks)


def sheet_names(reports: list[Report]) -> list[str]:
    """Unique sheet names of at most 31 characters: the report's ``sheet`` name, else its title."""
    used: set[str] = set()
    out = []
    for r in reports:
        base = _SHEET_BAD.sub(" ", (r.sheet or r.title)).strip()[:31] or "Sheet"
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            suffix = f" ({n})"
            name = base[: 31 - len(suffix)] + suffix
        used.add(name.casefold())
        out.append(name)
    return out


def render_xlsx(reports: Iterable[Report], path_or_file: str | Path | BinaryIO) -> int:
    """Write ``reports`` into one workbook at ``path_or_file``, one sheet each; return the number of sheets."""
    reports = list(reports)
    if not reports:
        raise ValueError("render_xlsx needs at least one report")
    target = str(path_or_file) if isinstance(path_or_file, Path) else path_or_file
    wb = xlsxwriter.Workbook(target, {"default_format_properties": {"font_name": FONT, "font_size": 10},
                                      "in_memory": True})
    first = reports[0]
    wb.set_properties({"title": first.title, "author": first.bank_name, "subject": first.period,
                       "comments": "villagebank"})
    fmt = _Formats(wb)
    for report, name in zip(reports, sheet_names(reports), strict=True):
        _Sheet(wb, fmt, report, name).write()
    wb.close()
    return len(reports)
