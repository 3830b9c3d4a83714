"""The floors: the same output produced by the bare stack from data prepared beforehand (untimed).

* SQL: the same statement through plain ``sqlite3`` (see ``jobs``).
* PDF: reportlab's canvas drawing the very pages our export laid out (captured from the timed run), each
  line shaped by HarfBuzz (cached per string, as any sensible renderer would) inside its ``/ActualText``
  span, one process.
* XLSX: xlsxwriter (``constant_memory``) and openpyxl (``write_only``) writing the very cells our export
  wrote (captured from the timed run into a marshal file, so that capturing keeps memory flat), with the
  same number formats.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import marshal
import os
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

# --- PDF ------------------------------------------------------------------------------------------------------


def reportlab_pages(layouts: list, out: Path) -> int:
    """Draw captured page layouts (lists of :class:`PageLayout`) with a plain reportlab canvas."""
    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import shapeStr
    from reportlab.pdfgen.canvas import Canvas

    from villagebank.exports.pdf.fonts import register_fonts
    from villagebank.exports.pdf.layout import LINE, RECT, TEXT

    register_fonts()
    rl_config.useA85 = 0

    @cache
    def shape(text: str, font: str):
        return shapeStr(text, font, 10.0)

    @cache
    def span(text: str) -> str:
        return "/Span <</ActualText <FEFF" + text.encode("utf-16-be").hex().upper() + ">>> BDC"

    c = Canvas(str(out), pageCompression=1)
    pages = 0
    for report in layouts:
        for page in report:
            c.setPageSize(page.size)
            for ops in (page.under, page.over):
                for op in ops:
                    kind = op[0]
                    if kind == TEXT:
                        _, x, y, text, font, size, rgb = op
                        c.setFillColorRGB(*rgb)
                        t = c.beginText(x, y)
                        t.setFont(font, size)
                        t.textOut(shape(text, font))
                        c.addLiteral(span(text))
                        c.drawText(t)
                        c.addLiteral("EMC")
                    elif kind == LINE:
                        _, x1, y1, x2, y2, w, rgb = op
                        c.setStrokeColorRGB(*rgb)
                        c.setLineWidth(w)
                        c.line(x1, y1, x2, y2)
                    elif kind == RECT:
                        _, x, y, w, h, fill_rgb, stroke_rgb, lw = op
                        if fill_rgb is not None:
                            c.setFillColorRGB(*fill_rgb)
                        if stroke_rgb is not None:
                            c.setStrokeColorRGB(*stroke_rgb)
                            c.setLineWidth(lw)
                        c.rect(x, y, w, h, stroke=int(stroke_rgb is not None), fill=int(fill_rgb is not None))
            c.showPage()
            pages += 1
    c.save()
    return pages


class LayoutCapture:
    """Keeps the page layouts our export draws, for the floor to draw the very same pages.

    In one process they are taken as ``render_layouts`` draws them. With worker processes the reports are
    kept as ``LayoutPool.render`` is given them, and laid out here when the capturing run is over (untimed):
    the workers lay out and draw in processes of their own.
    """

    def __init__(self) -> None:
        self.layouts: list = []
        self._reports: list = []

    def __enter__(self) -> LayoutCapture:
        from villagebank.exports import batch
        from villagebank.exports.pdf import render

        self._render = render.render_layouts
        self._render_pdf = batch.render_pdf
        self._pool_render = batch.LayoutPool.render
        keep, reports_kept = self.layouts, self._reports
        original_render, original_pool_render = self._render, self._pool_render

        def capturing(layouts, *args, **kw):
            def tee():
                for pages in layouts:
                    keep.append(pages)
                    yield pages
            return original_render(tee(), *args, **kw)

        def capturing_pdf(reports, *args, **kw):  # the one-process path of LayoutPool.render
            from villagebank.exports.pdf.layout import layout_report

            first = reports[0]
            return capturing((layout_report(r) for r in reports), *args, title=first.title,
                             author=first.bank_name, subject=first.period, lang=first.language)

        def capturing_pool(pool, reports, *args, **kw):
            if pool._pool is not None:
                reports_kept.extend(reports)
            return original_pool_render(pool, reports, *args, **kw)

        batch.render_pdf = capturing_pdf
        batch.LayoutPool.render = capturing_pool
        return self

    def __exit__(self, *exc: object) -> None:
        from villagebank.exports import batch
        from villagebank.exports.pdf.layout import layout_report

        batch.render_pdf = self._render_pdf
        batch.LayoutPool.render = self._pool_render
        if exc[0] is None:
            self.layouts.extend(layout_report(r) for r in self._reports)
        self._reports.clear()


# --- XLSX -----------------------------------------------------------------------------------------------------
# A captured cell is (row, col, kind, value, format key); kinds: n number, s string, d datetime, b boolean.

FORMATS: dict[str, dict[str, Any]] = {}  # filled from the Writer's own formats when capturing


class CellCapture:
    """Records every cell our export writes (sheet by sheet, in order) into a marshal file.

    In-process (``Writer``) the worksheet's write methods are wrapped. With ``ProcessWriter`` the cells are
    written by a child process, so the operations sent to it are recorded (pickled in batches) and turned into
    cells afterwards by :func:`_cells_of`, which mirrors ``Sheet.cell``."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / "cells.marshal"
        self.ops_path = Path(folder) / "ops.pickle"
        self.cells = 0

    def __enter__(self) -> CellCapture:
        import pickle

        from xlsxwriter.worksheet import Worksheet

        from villagebank.exports.workbook import writer as w

        self._ops_fp = self.ops_path.open("wb")
        self._send = w.ProcessWriter._send
        ops_fp = self._ops_fp

        def send(this, op, _orig=self._send):
            if op[0] in ("sheet", "add", "row"):
                pickle.dump(op, ops_fp, protocol=pickle.HIGHEST_PROTOCOL)
            return _orig(this, op)

        w.ProcessWriter._send = send
        self._fp = self.path.open("wb")
        # The methods behind the public write_* ones: our writer calls them directly for plain rows.
        self._orig = {name: getattr(Worksheet, name) for name in
                      ("_write_number", "_write_string", "_write_datetime", "_write_boolean")}
        self._writer_init = w.Writer.__init__
        buf: list = []
        fmt_keys: dict[int, str] = {}
        capture = self

        def writer_init(this, *a, **kw):
            self._writer_init(this, *a, **kw)
            for key, f in this.fmt.items():
                fmt_keys[id(f)] = key
                FORMATS[key] = _format_props(f)

        def wrap(kind: str, orig):
            def write(ws, row, col, value, cell_format=None, *rest):
                v = value
                if kind == "d":
                    v = (value.year, value.month, value.day)
                buf.append((ws.name, row, col, kind, v, fmt_keys.get(id(cell_format), "")))
                if len(buf) >= 50_000:
                    marshal.dump(buf, capture._fp)
                    capture.cells += len(buf)
                    buf.clear()
                return orig(ws, row, col, value, cell_format, *rest)
            return write

        self._buf = buf
        w.Writer.__init__ = writer_init
        for name, orig in self._orig.items():
            setattr(Worksheet, name, wrap({"_write_number": "n", "_write_string": "s", "_write_datetime": "d",
                                          "_write_boolean": "b"}[name], orig))
        return self

    def __exit__(self, *exc: object) -> None:
        import pickle

        from xlsxwriter.worksheet import Worksheet

        from villagebank.exports.workbook import writer as w

        for name, orig in self._orig.items():
            setattr(Worksheet, name, orig)
        w.Writer.__init__ = self._writer_init
        w.ProcessWriter._send = self._send
        self._ops_fp.close()
        if self.ops_path.stat().st_size:  # the cells went to a child process: rebuild them from its operations
            if not FORMATS:
                probe = w.Writer(self.path.with_suffix(".probe.xlsx"))
                FORMATS.update({key: _format_props(f) for key, f in probe.fmt.items()})
                probe.abort()
            names: list[str] = []
            rows: dict[int, int] = {}
            with self.ops_path.open("rb") as fp:
                while True:
                    try:
                        op = pickle.load(fp)
                    except EOFError:
                        break
                    if op[0] == "sheet":
                        names.append(op[1])
                        rows[len(names) - 1] = 0
                        if op[2]:
                            self._buf.extend((op[1], 0, col, "s", label, "head") for col, (label, _c) in enumerate(op[2]))
                            rows[len(names) - 1] = 1
                    elif op[0] == "row":
                        index = op[1]
                        self._buf.extend(_prepared_cells(names[index], rows[index], op[2], op[3]))
                        rows[index] += 1
                    else:
                        index = op[1]
                        self._buf.extend(_cells_of(names[index], rows[index], op[2], op[3]))
                        rows[index] += 1
                    if len(self._buf) >= 50_000:
                        marshal.dump(self._buf, self._fp)
                        self.cells += len(self._buf)
                        self._buf.clear()
        remove(self.ops_path)
        if self._buf:
            marshal.dump(self._buf, self._fp)
            self.cells += len(self._buf)
        self._fp.close()


def _cells_of(sheet: str, row: int, values: tuple, style: str | None) -> Iterator[tuple]:
    """The cells ``Sheet.add(values, style)`` writes (its ``cell`` method, mirrored)."""
    from decimal import Decimal

    from villagebank.exports.workbook.cells import neutralise
    from villagebank.ledger import Money

    total = style == "total"
    for col, value in enumerate(values):
        if value is None:
            continue
        if isinstance(value, Money):
            yield sheet, row, col, "n", value.satang / 100, "total_money" if total else "money"
        elif isinstance(value, bool):
            yield sheet, row, col, "b", value, ""
        elif isinstance(value, dt.date):
            yield sheet, row, col, "d", (value.year, value.month, value.day), "date"
        elif isinstance(value, int):
            yield sheet, row, col, "n", value, "total_count" if total else ("count" if style == "count" else "text")
        elif isinstance(value, Decimal):
            yield sheet, row, col, "n", float(value), "rate"
        else:
            yield sheet, row, col, "s", neutralise(str(value)), "total_text" if total else (style or "text")


def _prepared_cells(sheet: str, row: int, kinds: str, values: tuple) -> Iterator[tuple]:
    """The cells ``Sheet.add_prepared(kinds, values)`` writes."""
    for col, kind in enumerate(kinds):
        value = values[col]
        if kind == "s":
            yield sheet, row, col, "s", value, "text"
        elif kind == "m":
            yield sheet, row, col, "n", value, "money"
        elif kind == "d":  # the serial number with the date format, as written
            yield sheet, row, col, "n", value, "date"
        elif kind == "i":
            yield sheet, row, col, "n", value, "text"


def _format_props(f) -> dict[str, Any]:
    props: dict[str, Any] = {}
    if f.num_format and f.num_format != "General":
        props["num_format"] = f.num_format
    if f.bold:
        props["bold"] = True
    return props


def read_cells(path: Path, sample: int = 1) -> Iterator[tuple]:
    """The captured cells in order; ``sample`` > 1 keeps every n-th data row of each sheet (header rows always)."""
    with path.open("rb") as fp:
        while True:
            try:
                chunk = marshal.load(fp)
            except EOFError:
                return
            if sample == 1:
                yield from chunk
            else:
                for cell in chunk:
                    if cell[1] == 0 or cell[1] % sample == 0:
                        yield cell


def xlsxwriter_cells(path: Path, out: Path, sample: int = 1) -> int:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True, "tmpdir": tempfile.gettempdir(),
                                        "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
    fmts = {key: wb.add_format(props) if props else None for key, props in FORMATS.items()}
    sheets: dict[str, Any] = {}
    n = 0
    ws = None
    current = None
    for name, row, col, kind, value, fk in read_cells(path, sample):
        if name != current:
            ws = sheets.get(name) or sheets.setdefault(name, wb.add_worksheet(name))
            current = name
        f = fmts.get(fk)
        if kind == "n":
            ws.write_number(row, col, value, f)
        elif kind == "s":
            ws.write_string(row, col, value, f)
        elif kind == "d":
            ws.write_datetime(row, col, dt.datetime(*value), f)
        else:
            ws.write_boolean(row, col, value, f)
        n += 1
    wb.close()
    return n


def openpyxl_cells(path: Path, out: Path, sample: int = 1) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    sheets: dict[str, Any] = {}
    n = 0
    row_cells: list = []
    row_no = None
    ws = None
    current = None

    def flush() -> None:
        if ws is not None and row_cells:
            ws.append(row_cells)

    for name, row, col, kind, value, fk in read_cells(path, sample):
        if name != current or row != row_no:
            flush()
            if name != current:
                ws = sheets.get(name) or sheets.setdefault(name, wb.create_sheet(name))
                current = name
            row_cells = []
            row_no = row
        while len(row_cells) < col:
            row_cells.append(None)
        if kind == "d":
            value = dt.datetime(*value)
        props = FORMATS.get(fk) or {}
        if props:
            cell = WriteOnlyCell(ws, value)
            if "num_format" in props:
                cell.number_format = props["num_format"]
            if props.get("bold"):
                cell.font = bold
            row_cells.append(cell)
        else:
            row_cells.append(value)
        n += 1
    flush()
    wb.save(str(out))
    return n


def remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
