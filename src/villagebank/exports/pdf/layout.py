"""Lay a :class:`~villagebank.reports.table.Report` out into pages of drawing operations.

Layout is done here, not by platypus, so that every drawn line is known (and can carry its ``/ActualText``),
Thai lines break between words (see :mod:`.thaitext`), and the page count of a report is known before anything
is drawn ("หน้า 1/3" needs no second pass).

Coordinates are PDF points from the bottom-left corner. A :class:`PageLayout` holds two operation lists:
``under`` (backgrounds, drawn first) and ``over`` (text and rules). Operations are plain tuples:

* ``(TEXT, x, y, text, font, size, rgb)``: ``text`` (unshaped, as typed) with its baseline starting at x, y;
* ``(LINE, x1, y1, x2, y2, width, rgb)``;
* ``(RECT, x, y, w, h, fill_rgb | None, stroke_rgb | None, line_width)``.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm

from villagebank.i18n import N_, gettext_in
from villagebank.reports.table import (
    Column,
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

from .fonts import BOLD, REGULAR, has_glyph
from .thaitext import ASCENT, LEADING, shaped_width, width, words, wrap

TEXT, LINE, RECT = 0, 1, 2
LEFT, CENTER, RIGHT = 0, 1, 2

BLACK = (0.0, 0.0, 0.0)
GREY_TEXT = (0.25, 0.25, 0.25)
GRID = (0.55, 0.55, 0.55)
HEADER_FILL = (0.87, 0.87, 0.87)
GROUP_FILL = (0.94, 0.94, 0.94)
STAMP = (0.78, 0.05, 0.05)

#: What a true CHECK cell prints. Sarabun has no ✓ (U+2713); √ is the tick Thai forms use.
CHECK_MARK = "✓" if has_glyph("✓") else "√"

_ALIGN = {
    Kind.TEXT: LEFT,
    Kind.MONEY: RIGHT,
    Kind.INT: RIGHT,
    Kind.PERCENT: RIGHT,
    Kind.DATE: CENTER,
    Kind.CHECK: CENTER,
    Kind.CODE: CENTER,
}
_PARAGRAPH_ALIGN = {"left": LEFT, "center": CENTER, "right": RIGHT}
PAGE_SIZES = {"A4": A4, "A5": A5}
TAIL_ROWS = 2  # a table's last rows that go with the signatures onto a new page rather than leave them alone


@dataclass(frozen=True)
class Theme:
    """Sizes in points for one paper size."""

    margin_x: float
    margin_top: float
    margin_bottom: float
    body: float  # paragraphs, key/value panels, signatures
    table: float  # table cells
    bank: float
    title: float
    period: float
    footer: float
    stamp: float
    pad_x: float = 3.0  # cell padding left/right
    sign_room: float = 2.4  # blank lines above a signature's dotted line, to sign in
    block_gap: float = 0.8  # space between blocks, in ems of the text that follows

    @property
    def pad_top(self) -> float:
        return 0.15 * self.table + 0.5

    @property
    def pad_bottom(self) -> float:
        return 0.1 * self.table + 0.5


THEMES = {
    "A4": Theme(15 * mm, 12 * mm, 11 * mm, body=11, table=10, bank=12, title=15, period=11, footer=8.5, stamp=16),
    "A5": Theme(10 * mm, 9 * mm, 8 * mm, body=9.5, table=8.5, bank=10.5, title=12.5, period=9.5, footer=7.5,
                stamp=13, pad_x=2.5, sign_room=2.0, block_gap=0.6),
}


@dataclass
class PageLayout:
    size: tuple[float, float]
    under: list[tuple] = field(default_factory=list)
    over: list[tuple] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- values

def _percent(value: object) -> str:
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    elif isinstance(value, float):
        text = f"{value:g}"
    else:
        text = str(value)
    return f"{text}%"


def format_value(value: object, kind: Kind) -> str:
    """The printed text of a cell or key/value item (money via ``format_amount``, dates in B.E.)."""
    if value is None or value == "":
        return ""
    if kind is Kind.MONEY:
        satang = getattr(value, "satang", value)  # a ledger Money or plain int satang
        return format_amount(satang)  # type: ignore[arg-type]
    if kind is Kind.INT:
        return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)
    if kind is Kind.DATE:
        return format_date(value, "short") if isinstance(value, dt.date) else str(value)  # type: ignore[arg-type]
    if kind is Kind.PERCENT:
        return _percent(value)
    if kind is Kind.CHECK:
        return CHECK_MARK if value else ""
    return str(value)  # TEXT, CODE


def format_cell(value: object, col: Column) -> str:
    """A table cell's printed text: :func:`format_value`, with whole baht short in ``whole_baht`` columns."""
    if col.whole_baht and col.kind is Kind.MONEY and value is not None:
        satang = getattr(value, "satang", value)
        if isinstance(satang, int) and satang % 100 == 0:
            return f"{satang // 100:,}"
    return format_value(value, col.kind)


# ---------------------------------------------------------------------------------------------- cells

@dataclass(slots=True)
class _Cell:
    lines: tuple[str, ...]
    font: str
    size: float
    align: int


@dataclass(slots=True)
class _Row:
    style: Style | None  # None: the column header row
    cells: list[_Cell]  # one per column; one spanning cell for HEAD rows
    height: float
    keep: bool = False  # stay on the page of the next row
    middle: bool = False  # centre the cells' lines in the height (rows made taller than their text)


def _fit(text: str, font: str, size: float, avail: float) -> _Cell:
    """A one-line value (number, date, unwrapped text): shrink to at most 75 % to fit, else wrap. Never clip."""
    w = shaped_width(text, font, size)
    if w <= avail:
        return _Cell((text,), font, size, LEFT)
    smaller = math.floor(size * avail / w * 10) / 10
    if smaller >= 0.75 * size:
        return _Cell((text,), font, smaller, LEFT)
    small = round(0.75 * size, 1)
    return _Cell(wrap(text, font, small, avail), font, small, LEFT)


def _header_cell(title: str, size: float, avail: float) -> _Cell:
    """A column title: wrapped between words; when one word is wider than the column, the title is set smaller
    (down to 75 %) rather than broken inside the word."""
    widest = max((shaped_width(w, BOLD, size) for w in words(title)), default=0.0)
    if widest > avail:
        size = max(round(0.75 * size, 1), math.floor(size * avail / widest * 10) / 10)
    return _Cell(wrap(title, BOLD, size, avail), BOLD, size, CENTER)


def wrap_at_spaces(text: str, font: str, size: float, avail: float) -> tuple[str, ...]:
    """Lines of ``text`` broken only at spaces (and ``\\n``), for names: a part wider than the line on its own
    is broken between words as usual."""
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for part in para.split():
            candidate = f"{line} {part}" if line else part
            if shaped_width(candidate, font, size) <= avail:
                line = candidate
                continue
            if shaped_width(part, font, size) > avail:  # too long for any line: break it between words
                pieces = wrap(candidate, font, size, avail)
            else:
                if line:
                    out.append(line)
                pieces = (part,)
            out.extend(pieces[:-1])
            line = pieces[-1]
        out.append(line)
    return tuple(out) or ("",)


def _text_ops(ops: list[tuple], lines: tuple[str, ...], font: str, size: float, x: float, top: float,
              avail: float, align: int, leading: float, rgb: tuple[float, float, float] = BLACK) -> None:
    """Place ``lines`` in the box starting at ``x`` (``avail`` wide) whose first line box starts at ``top``."""
    y = top - ASCENT * (leading / LEADING)
    for line in lines:
        if line:
            if align == LEFT:
                lx = x
            else:
                lw = shaped_width(line, font, size)
                lx = x + avail - lw if align == RIGHT else x + (avail - lw) / 2
            ops.append((TEXT, lx, y, line, font, size, rgb))
        y -= leading


# ---------------------------------------------------------------------------------------------- composer

class _Composer:
    """Flows the blocks of one report down the body area of its pages."""

    def __init__(self, report: Report, theme: Theme, size: tuple[float, float], header_h: float,
                 footer_h: float) -> None:
        self.report = report
        self.theme = theme
        self.size = size
        self.left = theme.margin_x
        self.width = size[0] - 2 * theme.margin_x
        self.top = size[1] - theme.margin_top - header_h
        self.bottom = theme.margin_bottom + footer_h + 0.6 * theme.body  # clear of the footer rule
        self.pages: list[PageLayout] = []
        self.signed_alone = False
        self.new_page()

    def tr(self, message: str) -> str:
        """A fixed label in the report's language."""
        return gettext_in(self.report.language, message)

    # page state
    def new_page(self) -> None:
        self.page = PageLayout(self.size)
        self.pages.append(self.page)
        self.y = self.top
        self.fresh = True

    def room(self) -> float:
        return self.y - self.bottom

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the cursor (or this page is still empty)."""
        if height > self.room() + 0.01 and not self.fresh:
            self.new_page()

    def gap(self, size: float | None = None) -> None:
        if not self.fresh:
            self.y -= self.theme.block_gap * (size or self.theme.body)

    def lines(self, lines: tuple[str, ...], font: str, size: float, align: int = LEFT) -> None:
        """Place lines across the body width, breaking pages between lines."""
        leading = LEADING * size
        for line in lines:
            self.need(leading)
            _text_ops(self.page.over, (line,), font, size, self.left, self.y, self.width, align, leading)
            self.y -= leading
            self.fresh = False

    # blocks
    def paragraph(self, block: Paragraph) -> None:
        size = self.theme.table if block.small else self.theme.body
        font = BOLD if block.bold else REGULAR
        self.gap(size)
        self.lines(wrap(block.text, font, size, self.width), font, size, _PARAGRAPH_ALIGN.get(block.align, LEFT))

    def page_break(self) -> None:
        if not self.fresh:
            self.new_page()

    def key_values(self, block: KeyValues) -> None:
        size = self.theme.body
        leading = LEADING * size
        n = max(1, block.columns)
        gutter = 12.0
        pair_w = (self.width - gutter * (n - 1)) / n
        label_w = []
        for j in range(n):
            labels = [item[0] for item in block.items[j::n]]
            # wrap() measures unshaped widths: a label as wide as its widest unshaped form never wraps
            widest = max((max(shaped_width(lab, BOLD, size), width(lab, BOLD, size)) for lab in labels), default=0.0)
            # labels take up to 45 % of the pair, or more when every value beside them is short (amounts)
            values = max((shaped_width(format_value(v, k), REGULAR, size) for _lab, v, k in block.items[j::n]),
                         default=0.0)
            label_w.append(min(widest + 8.0, max(0.45 * pair_w, pair_w - values - 4.0)))
        title = wrap(block.title, BOLD, size, self.width) if block.title else ()
        self.gap()
        rows = [block.items[i:i + n] for i in range(0, len(block.items), n)]
        for r, items in enumerate(rows):
            cells = []
            for j, (label, value, kind) in enumerate(items):
                lab = wrap(label, BOLD, size, label_w[j] - 8.0)
                val = wrap(format_value(value, kind), REGULAR, size, pair_w - label_w[j])
                cells.append((j, lab, val))
            height = max(max(len(lab), len(val)) for _, lab, val in cells) * leading
            if r == 0 and title:
                self.need(len(title) * leading + height)
                self.lines(title, BOLD, size)
            self.need(height)
            for j, lab, val in cells:
                x = self.left + j * (pair_w + gutter)
                _text_ops(self.page.over, lab, BOLD, size, x, self.y, label_w[j], LEFT, leading)
                _text_ops(self.page.over, val, REGULAR, size, x + label_w[j], self.y, pair_w - label_w[j], LEFT,
                          leading)
            self.y -= height
            self.fresh = False
        if not rows and title:
            self.lines(title, BOLD, size)

    def signatures(self, signers: list[str | Signature]) -> None:
        """Signature lines, 2 or 3 to a row, with blank room above each to sign in; kept on one page.

        Each reads ``ลงชื่อ ............ <role>`` with ``(............)`` below for the printed name (or the
        name itself, in brackets, when it is known); a role too long for its slot goes on a line of its own under
        the brackets.
        """
        if not signers:
            return
        per_row, slot_w, pre_w, rows, heights = self._signature_plan(signers)
        size = self.theme.body
        leading = LEADING * size
        sign_room = self.theme.sign_room * leading  # blank space above the dotted line to sign in
        self.gap()
        self.need(sum(heights))  # together on one page whenever they fit on one
        self.signed_alone = self.fresh and len(self.pages) > 1  # nothing else on their page
        for row, height in zip(rows, heights, strict=True):
            self.need(height)
            top = self.y - sign_room
            offset = (per_row - len(row)) * slot_w / 2  # centre a short last row
            for k, (first, used, dots_w, name, below) in enumerate(row):
                x = self.left + offset + k * slot_w + (slot_w - used) / 2
                ops = self.page.over
                _text_ops(ops, (first,), REGULAR, size, x, top, used, LEFT, leading)
                _text_ops(ops, (name,), REGULAR, size, x + pre_w, top - leading, dots_w, CENTER, leading)
                if below:
                    _text_ops(ops, below, REGULAR, size, x + pre_w, top - 2 * leading, dots_w, CENTER, leading)
            self.y -= height
            self.fresh = False

    def signatures_height(self, signers: list[str | Signature]) -> float:
        """The height :meth:`signatures` takes below a block (the gap included)."""
        if not signers:
            return 0.0
        return self.theme.block_gap * self.theme.body + sum(self._signature_plan(signers)[4])

    def paragraph_height(self, block: Paragraph) -> float:
        """The height :meth:`paragraph` takes below a block (the gap included)."""
        size = self.theme.table if block.small else self.theme.body
        font = BOLD if block.bold else REGULAR
        return self.theme.block_gap * size + len(wrap(block.text, font, size, self.width)) * LEADING * size

    def _signature_plan(self, signers: list[str | Signature]) -> tuple[int, float, float, list[list[tuple]], list[float]]:
        """(signers per row, slot width, width of the "Signed" label, rows of slots, row heights)."""
        roles = [s.role if isinstance(s, Signature) else s for s in signers]
        names = [s.name if isinstance(s, Signature) else "" for s in signers]
        size = self.theme.body
        leading = LEADING * size
        label = self.tr(N_("Signed")) + " "
        pre_w = shaped_width(label, REGULAR, size)
        role_w = [shaped_width(" " + role, REGULAR, size) for role in roles]
        min_dots, max_dots = 70.0, 150.0

        def fits(per_row: int) -> bool:
            inner = self.width / per_row - 12.0
            return all(inner - pre_w - w >= min_dots for w in role_w)

        per_row = 3 if len(roles) >= 3 and len(roles) != 4 and fits(3) else 2
        slot_w = self.width / per_row
        inner = slot_w - 12.0
        dot = width(".", REGULAR, size)
        bracket = width("()", REGULAR, size)
        slots = []
        for role, rw, printed in zip(roles, role_w, names, strict=True):
            dots_w = min(inner - pre_w - rw, max_dots)
            if dots_w >= min_dots:
                first = label + "." * int(dots_w / dot) + " " + role
                below: tuple[str, ...] = ()
                used = pre_w + dots_w + rw
            else:
                dots_w = min(inner - pre_w, max_dots)
                first = label + "." * int(dots_w / dot)
                below = wrap(role, REGULAR, size, dots_w)
                used = pre_w + dots_w
            name = "(" + "." * max(int((dots_w - bracket) / dot), 3) + ")"
            if printed:
                lines = wrap("(" + printed + ")", REGULAR, size, dots_w)  # a long name wraps under the line
                name, below = lines[0], (*lines[1:], *below)
            slots.append((first, used, dots_w, name, below))
        rows = [slots[i:i + per_row] for i in range(0, len(slots), per_row)]
        sign_room = self.theme.sign_room * leading
        heights = [sign_room + (2 + max(len(s[4]) for s in row)) * leading for row in rows]
        return per_row, slot_w, pre_w, rows, heights

    # tables
    def table(self, table: ReportTable, tail: float = 0.0) -> None:
        """Place a table; ``tail``: the height of what must follow its last rows on their page (the signatures
        and the notes before them), so that the signatures never stand alone on a page."""
        t = self.theme
        size = t.table
        leading = LEADING * size
        pads = t.pad_top + t.pad_bottom
        cols = table.columns
        if not cols:
            return
        weights = [max(float(c.width), 0.0) for c in cols]
        total = sum(weights) or float(len(cols))
        col_w = [self.width * (w if sum(weights) else 1.0) / total for w in weights]
        xs = [self.left + sum(col_w[:i]) for i in range(len(cols) + 1)]
        inner = [w - 2 * t.pad_x for w in col_w]

        def row_height(cells: list[_Cell], least: float = 1.0) -> float:
            return max(max((len(c.lines) for c in cells), default=1), least) * leading + pads

        header_cells = [_header_cell(c.title, size, inner[i]) for i, c in enumerate(cols)]
        header = _Row(None, header_cells, row_height(header_cells))

        rows: list[_Row] = []
        for row in table.rows:
            if row.style is Style.HEAD:
                text = " ".join(s for s in (format_value(v, c.kind) for v, c in zip(row.cells, cols, strict=False))
                                if s)
                cells = [_Cell(wrap(text, BOLD, size, self.width - 2 * t.pad_x), BOLD, size, LEFT)]
            else:
                font = BOLD if row.style in (Style.TOTAL, Style.SUBTOTAL) else REGULAR
                cells = []
                for i, (value, col) in enumerate(zip(row.cells, cols, strict=False)):
                    text = format_cell(value, col)
                    if col.kind is Kind.TEXT and col.names:
                        cell = _Cell(wrap_at_spaces(text, font, size, inner[i]), font, size, LEFT)
                    elif col.kind is Kind.TEXT and col.wrap:
                        cell = _Cell(wrap(text, font, size, inner[i]), font, size, LEFT)
                    else:
                        cell = _fit(text, font, size, inner[i])
                    cell.align = _ALIGN[col.kind]
                    cells.append(cell)
            least = table.item_lines if row.style is Style.ITEM else 1.0
            rows.append(_Row(row.style, cells, row_height(cells, least), row.keep_with_next, least > 1))

        title = wrap(table.title, BOLD, t.body, self.width) if table.title else ()
        title_h = len(title) * LEADING * t.body
        self.gap()
        self.need(title_h + header.height + (rows[0].height if rows else 0.0))
        if title:
            self.lines(title, BOLD, t.body)
        frag: list[tuple[_Row, float]] = []  # rows on this page with their top y

        def place(r: _Row) -> None:
            frag.append((r, self.y))
            self._row_ops(r, xs, col_w, leading)
            self.y -= r.height
            self.fresh = False

        def next_page() -> None:
            self._grid(frag, xs)
            frag.clear()
            self.new_page()
            if title:
                self.lines(wrap(table.title + " " + self.tr(N_("(continued)")), BOLD, t.body, self.width), BOLD, t.body)
            place(header)

        place(header)
        page_room = self.top - self.bottom - header.height - (len(title) * LEADING * t.body if title else 0.0)
        last = max(0, len(rows) - TAIL_ROWS)  # the rows that go onto the page of what follows the table
        for i, r in enumerate(rows):
            # a group heading never ends a page, a total never starts one alone, rows kept together stay so
            # (as far as a page can hold them)
            keep, j = r.height, i
            while j + 1 < len(rows) and (rows[j].style is Style.HEAD or rows[j].keep
                                         or rows[j + 1].style is Style.TOTAL):
                if keep + rows[j + 1].height > page_room:
                    break
                keep += rows[j + 1].height
                j += 1
            if tail and i == last:
                with_tail = sum(x.height for x in rows[i:]) + tail
                if with_tail <= page_room:
                    keep = max(keep, with_tail)
            if keep > self.room() + 0.01 and len(frag) > 1:
                next_page()
            while r.height > self.room() + 0.01:  # taller than a whole page: split its lines
                n = int((self.room() - pads) / leading)
                if n < 1 and len(frag) > 1:
                    next_page()
                    continue
                n = max(n, 1)  # a page holding nothing but the header still takes a line: always progress
                first = _Row(r.style, [_Cell(c.lines[:n], c.font, c.size, c.align) for c in r.cells], 0.0)
                first.height = n * leading + pads
                r = _Row(r.style, [_Cell(c.lines[n:] or ("",), c.font, c.size, c.align) for c in r.cells], 0.0)
                r.height = row_height(r.cells)
                place(first)
                next_page()
            place(r)
        self._grid(frag, xs)

    def _row_ops(self, r: _Row, xs: list[float], col_w: list[float], leading: float) -> None:
        t = self.theme
        top = self.y - t.pad_top
        ops = self.page.over
        if r.style is Style.HEAD:
            c = r.cells[0]
            _text_ops(ops, c.lines, c.font, c.size, xs[0] + t.pad_x, top, xs[-1] - xs[0] - 2 * t.pad_x, LEFT, leading)
            return
        room = r.height - t.pad_top - t.pad_bottom
        for i, c in enumerate(r.cells):
            drop = max(0.0, (room - len(c.lines) * leading) / 2) if r.middle else 0.0
            _text_ops(ops, c.lines, c.font, c.size, xs[i] + t.pad_x, top - drop, col_w[i] - 2 * t.pad_x, c.align,
                      leading)

    def _grid(self, frag: list[tuple[_Row, float]], xs: list[float]) -> None:
        """Backgrounds, rules and the frame of the part of a table on this page."""
        if not frag:
            return
        under, over = self.page.under, self.page.over
        x0, x1 = xs[0], xs[-1]
        top = frag[0][1]
        bottom = frag[-1][1] - frag[-1][0].height
        run_top: float | None = None
        for r, y in frag:
            y_end = y - r.height
            if r.style is None:
                under.append((RECT, x0, y_end, x1 - x0, r.height, HEADER_FILL, None, 0))
            elif r.style is Style.HEAD:
                under.append((RECT, x0, y_end, x1 - x0, r.height, GROUP_FILL, None, 0))
            if r.style in (Style.TOTAL, Style.SUBTOTAL):
                over.append((LINE, x0, y, x1, y, 0.9 if r.style is Style.TOTAL else 0.6, BLACK))
            elif r.style is None:
                over.append((LINE, x0, y_end, x1, y_end, 0.6, BLACK))
            else:
                over.append((LINE, x0, y_end, x1, y_end, 0.3, GRID))
            # vertical rules run through every row except spanning group headings
            if r.style is Style.HEAD:
                if run_top is not None:
                    self._verticals(xs, run_top, y)
                run_top = None
            elif run_top is None:
                run_top = y
        if run_top is not None:
            self._verticals(xs, run_top, bottom)
        over.append((RECT, x0, bottom, x1 - x0, top - bottom, None, BLACK, 0.6))

    def _verticals(self, xs: list[float], top: float, bottom: float) -> None:
        for x in xs[1:-1]:
            self.page.over.append((LINE, x, top, x, bottom, 0.3, GRID))


# ---------------------------------------------------------------------------------------------- pages

def page_size(report: Report) -> tuple[float, float]:
    try:
        size = PAGE_SIZES[report.page_size.upper()]
    except KeyError:
        raise ValueError(f"unsupported page size {report.page_size!r}; use A4 or A5") from None
    return landscape(size) if report.landscape else size


def _header(report: Report, theme: Theme, size: tuple[float, float]) -> tuple[list[tuple], float]:
    """Operations drawing the page header (the same on every page of a report), and its height."""
    ops: list[tuple] = []
    left, avail = theme.margin_x, size[0] - 2 * theme.margin_x
    top = size[1] - theme.margin_top
    stamp_w = 0.0
    if report.copy_mark:
        s = theme.stamp
        text_w = shaped_width(report.copy_mark, BOLD, s)
        stamp_w = text_w + 1.2 * s
        box_h = LEADING * s
        x = left + avail - stamp_w
        ops.append((RECT, x, top - box_h, stamp_w, box_h, None, STAMP, 1.6))
        ops.append((RECT, x + 2.2, top - box_h + 2.2, stamp_w - 4.4, box_h - 4.4, None, STAMP, 0.6))
        _text_ops(ops, (report.copy_mark,), BOLD, s, x, top, stamp_w, CENTER, box_h, STAMP)
    text_w = avail - 2 * (stamp_w + 6.0) if stamp_w else avail
    y = top
    for text, font, fsize in ((report.bank_name, BOLD, theme.bank), (report.title, BOLD, theme.title),
                              (report.period, REGULAR, theme.period)):
        if not text:
            continue
        leading = LEADING * fsize
        lines = wrap(text, font, fsize, text_w)
        _text_ops(ops, lines, font, fsize, left + (avail - text_w) / 2, y, text_w, CENTER, leading)
        y -= leading * len(lines)
    y = min(y, top - LEADING * theme.stamp) if stamp_w else y
    y -= 3.0
    ops.append((LINE, left, y, left + avail, y, 0.8, BLACK))
    return ops, top - y + 0.8 * theme.body


def _footer_height(theme: Theme) -> float:
    return LEADING * theme.footer + 4.0


def _footer(report: Report, theme: Theme, size: tuple[float, float], page: int, pages: int) -> list[tuple]:
    ops: list[tuple] = []
    f = theme.footer
    left, avail = theme.margin_x, size[0] - 2 * theme.margin_x
    rule_y = theme.margin_bottom + _footer_height(theme)
    ops.append((LINE, left, rule_y, left + avail, rule_y, 0.4, GRID))
    top = rule_y - 2.0
    printed = report.printed_on or dt.date.today()
    lang = report.language
    parts = [(gettext_in(lang, N_("Printed {date}")).format(date=format_date(printed, "short")), LEFT),
             (gettext_in(lang, N_("Page {page}/{pages}")).format(page=page, pages=pages), RIGHT)]
    if report.anchor:
        parts.append((gettext_in(lang, N_("Ref. {anchor}")).format(anchor=report.anchor), CENTER))
    for text, align in parts:
        _text_ops(ops, (text,), REGULAR, f, left, top, avail, align, LEADING * f, GREY_TEXT)
    return ops


def layout_report(report: Report) -> list[PageLayout]:
    """All pages of one report, headers and footers included (pages numbered within the report).

    The signatures never stand alone on a page: a table's last rows go along with them (see
    :meth:`_Composer.table`), or else the last block does when it fits on one page with them.
    """
    size = page_size(report)
    theme = THEMES[report.page_size.upper()]
    header_ops, header_h = _header(report, theme, size)
    comp = _compose(report, report.blocks, theme, size, header_h)
    last = report.blocks[-1] if report.blocks else None
    if comp.signed_alone and isinstance(last, (KeyValues, Paragraph)):
        again = _compose(report, [*report.blocks[:-1], PageBreak(), last], theme, size, header_h)
        if not again.signed_alone and len(again.pages) == len(comp.pages):
            comp = again
    pages = comp.pages
    for n, page in enumerate(pages, start=1):
        page.over[:0] = header_ops
        page.over.extend(_footer(report, theme, size, n, len(pages)))
    return pages


def _compose(report: Report, blocks: list, theme: Theme, size: tuple[float, float], header_h: float) -> _Composer:
    comp = _Composer(report, theme, size, header_h, _footer_height(theme))
    last_table = max((i for i, b in enumerate(blocks) if isinstance(b, ReportTable)), default=None)
    tail = 0.0
    if last_table is not None and report.signatures:
        after = blocks[last_table + 1:]
        if all(isinstance(b, Paragraph) for b in after):  # only notes between the table and the signatures
            tail = comp.signatures_height(report.signatures) + sum(comp.paragraph_height(b) for b in after)
    for i, block in enumerate(blocks):
        if isinstance(block, ReportTable):
            comp.table(block, tail if i == last_table else 0.0)
        elif isinstance(block, KeyValues):
            comp.key_values(block)
        elif isinstance(block, Paragraph):
            comp.paragraph(block)
        elif isinstance(block, PageBreak):
            comp.page_break()
        else:
            raise TypeError(f"unknown report block {type(block).__name__}")
    comp.signatures(report.signatures)
    return comp
