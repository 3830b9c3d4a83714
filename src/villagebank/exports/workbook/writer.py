"""Write the book workbook (and the network workbook) with XlsxWriter in ``constant_memory`` mode.

Why XlsxWriter: measured here (``tools/bench_workbook_writers.py``, rows shaped like ``share_txns``),
it wrote 100,000 rows in 8.1 s and 300,000 in 23.5 s with a flat 22 MB peak; openpyxl's write-only mode
took 20.7 s and 50.8 s (27 MB). openpyxl is still what reads workbooks.

Cells: money is a number formatted ``#,##0.00``; dates are date cells shown in B.E. with the format
``[$-107041E]dd/mm/yyyy`` (LCID 041E Thai, calendar 07 Thai Buddhist, digits 01 Western: LibreOffice
shows 03/07/2568; ``[$-D07041E]`` shows Thai digits ๐๓/๐๗/๒๕๖๘; the BCP-47 form ``[$-th-TH,107]`` is
not understood by LibreOffice 7.4, which shows the serial number). Text goes in as text, never as a
formula, and text starting with = + - @ is neutralised (``cells.neutralise``). Headers are the Thai
labels with the key in a cell comment; the header row is frozen and filtered; column widths follow
the longest value (Thai marks above and below the line take no width).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path

from villagebank.exports.workbook.cells import neutralise
from villagebank.ledger import Money
from villagebank.thai import format_amount

DATE_FORMAT = "[$-107041E]dd/mm/yyyy"
MONEY_FORMAT = "#,##0.00"
COUNT_FORMAT = "#,##0"
RATE_FORMAT = "0.00##"
MAX_WIDTH = 60
# Excel's serial day numbers (1900 system) count from 1899-12-30 for every date from 1900-03-01 on (the days
# before take Lotus's 29 February 1900 into account and go through XlsxWriter's own conversion).
EXCEL_EPOCH_ORDINAL = dt.date(1899, 12, 30).toordinal()
FIRST_SERIAL_DATE = dt.date(1900, 3, 1)


def display_width(text: str) -> float:
    """Columns a text takes: Thai marks above/below the line take none; Thai letters a little more."""
    width = 0.0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn":
            continue
        width += 1.15 if "\u0e00" <= ch <= "\u0e7f" else 1.0
    return width


@functools.lru_cache(maxsize=20_000)
def _text_width(text: str) -> float:
    """:func:`display_width` capped at ``MAX_WIDTH``, cached: a sheet repeats its kinds, categories and notes."""
    return min(display_width(text), MAX_WIDTH)


def _amount_width(satang: int) -> int:
    """``len(format_amount(satang))`` without formatting: digits, thousands commas, ``.00``, a minus sign."""
    baht = abs(satang) // 100
    digits = len(str(baht))
    return digits + (digits - 1) // 3 + 3 + (satang < 0)


#: The kinds of a prepared row, one letter a cell: ``-`` empty, ``m`` money, ``s`` text, ``d`` date, ``i`` whole number.
_KINDS: dict[str, str] = {}


def prepare(values: list[object] | tuple, widths: dict[int, float]) -> tuple[str, tuple] | None:
    """A plain row (``style`` None) as ``(kinds, values)`` for :meth:`Sheet.add_prepared`: money in baht, dates as
    serial numbers, text neutralised, each column's width noted in ``widths``. ``None`` when a cell needs
    :meth:`Sheet.cell`'s general path (a yes/no, a rate, a date before March 1900).

    Done by the reading process: a large export's rows then go to the writing process as plain values (no Money
    objects to unpickle) and the writing process only writes."""
    kinds = []
    out = []
    for col, value in enumerate(values):
        kind = type(value)
        if value is None:
            kinds.append("-")
            out.append(None)
            continue
        if kind is Money:
            satang = value.satang  # type: ignore[attr-defined]
            kinds.append("m")
            out.append(satang / 100)
            width = _amount_width(satang) + 2
        elif kind is str:
            text = neutralise(value)  # type: ignore[arg-type]
            kinds.append("s")
            out.append(text)
            width = _text_width(text) + 2
        elif kind is dt.date and value >= FIRST_SERIAL_DATE:  # type: ignore[operator]
            # A date cell is its serial number with the date format: XlsxWriter's write_datetime writes exactly
            # that, after a conversion that took half of the writing of a book's dates (60 µs a cell, 8 µs now).
            kinds.append("d")
            out.append(value.toordinal() - EXCEL_EPOCH_ORDINAL)  # type: ignore[attr-defined]
            width = 12
        elif kind is int:
            kinds.append("i")
            out.append(value)
            width = len(f"{value:,}") + 2
        else:
            return None
        if width > widths.get(col, 0):
            widths[col] = width
    key = "".join(kinds)
    return _KINDS.setdefault(key, key), tuple(out)  # one string per shape: pickled once per message


class Writer:
    """One .xlsx file written to a temporary name and renamed into place on :meth:`close`."""

    def __init__(self, path: Path | str, *, read_only_recommended: bool = True) -> None:
        import xlsxwriter

        self.path = Path(path)
        self.tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
        self.wb = xlsxwriter.Workbook(str(self.tmp), {
            "constant_memory": True, "tmpdir": tempfile.gettempdir(), "strings_to_formulas": False,
            "strings_to_urls": False, "strings_to_numbers": False})
        if read_only_recommended:
            self.wb.read_only_recommended()
        f = self.wb.add_format
        self.fmt = {
            "head": f({"bold": True, "bg_color": "#DDEBF7", "bottom": 1, "valign": "top"}),
            "date": f({"num_format": DATE_FORMAT, "align": "left"}),
            "money": f({"num_format": MONEY_FORMAT}),
            "count": f({"num_format": COUNT_FORMAT}),
            "rate": f({"num_format": RATE_FORMAT}),
            "text": f({}),
            "title": f({"bold": True, "font_size": 14}),
            "bold": f({"bold": True}),
            "total_money": f({"num_format": MONEY_FORMAT, "bold": True, "top": 1}),
            "total_count": f({"num_format": COUNT_FORMAT, "bold": True, "top": 1}),
            "total_text": f({"bold": True, "top": 1}),
            "wrap": f({"text_wrap": True, "valign": "top"}),
        }
        self.sheets: list[Sheet] = []

    def sheet(self, name: str, headers: list[tuple[str, str]] | None = None) -> Sheet:
        """A sheet whose first row holds ``headers`` (label, comment); the header row is frozen."""
        ws = self.wb.add_worksheet(name)
        sheet = Sheet(self, ws, headers or [])
        self.sheets.append(sheet)
        return sheet

    def close(self) -> Path:
        from xlsxwriter.exceptions import XlsxWriterException

        from villagebank.exports.workbook.problems import WorkbookError
        from villagebank.i18n import N_

        for sheet in self.sheets:
            sheet.finish()
        try:
            self.wb.close()
            os.replace(self.tmp, self.path)
        except (OSError, XlsxWriterException) as exc:
            self.tmp.unlink(missing_ok=True)
            cause = exc.__cause__ if exc.__cause__ is not None else exc
            raise WorkbookError(N_("cannot write {path}: {error}"), path=str(self.path),
                                error=getattr(cause, "strerror", None) or str(cause)) from exc
        return self.path

    def abort(self) -> None:
        with contextlib.suppress(Exception):  # best effort: the partial file is removed below
            self.wb.close()
        self.tmp.unlink(missing_ok=True)


class Sheet:
    def __init__(self, writer: Writer, ws, headers: list[tuple[str, str]]) -> None:
        self.w = writer
        self.ws = ws
        self.row = 0
        self.widths: dict[int, float] = {}
        self.filter = bool(headers)
        self.ncols = len(headers)
        self._money, self._text, self._date = writer.fmt["money"], writer.fmt["text"], writer.fmt["date"]
        if headers:
            for col, (label, comment) in enumerate(headers):
                ws.write_string(0, col, label, writer.fmt["head"])
                if comment:
                    ws.write_comment(0, col, comment, {"x_scale": 1.6, "y_scale": 0.8})
                self._width(col, display_width(label) + 2)
            ws.freeze_panes(1, 0)
            self.row = 1

    def note_widths(self, widths: dict[int, float]) -> None:
        """Widths noted elsewhere (by :func:`prepare` in the reading process), the widest kept."""
        for col, width in widths.items():
            self._width(col, width)

    def _width(self, col: int, width: float) -> None:
        if width > self.widths.get(col, 0):
            self.widths[col] = width

    def cell(self, row: int, col: int, value: object, style: str | None = None) -> None:
        if value is None:
            return
        ws, fmt = self.ws, self.w.fmt
        total = style == "total"
        if isinstance(value, Money):
            ws.write_number(row, col, value.satang / 100, fmt["total_money" if total else "money"])
            self._width(col, len(format_amount(value.satang)) + 2)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value)
            self._width(col, 6)
        elif isinstance(value, dt.date):
            d = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
            ws.write_datetime(row, col, d, fmt["date"])
            self._width(col, 12)
        elif isinstance(value, int):
            ws.write_number(row, col, value, fmt["total_count" if total else ("count" if style == "count" else "text")])
            self._width(col, len(f"{value:,}") + 2)
        elif isinstance(value, Decimal):
            ws.write_number(row, col, float(value), fmt["rate"])
            self._width(col, len(str(value)) + 3)
        else:
            text = neutralise(str(value))
            ws.write_string(row, col, text, fmt["total_text" if total else (style or "text")])
            self._width(col, min(display_width(text), MAX_WIDTH) + 2)

    def add(self, values: list[object] | tuple, style: str | None = None) -> int:
        prepared = prepare(values, self.widths) if style is None else None
        if prepared is not None:
            return self.add_prepared(*prepared)
        for col, value in enumerate(values):
            self.cell(self.row, col, value, style)
        self.row += 1
        self.ncols = max(self.ncols, len(values))
        return self.row - 1

    def add_prepared(self, kinds: str, values: tuple) -> int:
        """Write a row :func:`prepare` made (its widths were noted there)."""
        # XlsxWriter's methods behind write_number/write_string: the public ones only add a check for "A1"-style
        # cell names (1.3 µs a cell, a tenth of the writing), and every cell here is given by row and column.
        ws = self.ws
        number = getattr(ws, "_write_number", ws.write_number)
        string = getattr(ws, "_write_string", ws.write_string)
        row = self.row
        for col, kind in enumerate(kinds):
            if kind == "-":
                continue
            value = values[col]
            if kind == "s":
                string(row, col, value, self._text)
            elif kind == "m":
                number(row, col, value, self._money)
            elif kind == "d":
                number(row, col, value, self._date)
            else:
                number(row, col, value, self._text)
        self.row = row + 1
        if len(kinds) > self.ncols:
            self.ncols = len(kinds)
        return row

    def formula(self, row: int, col: int, formula: str, value: object, style: str = "total") -> None:
        """A formula with its computed value cached (readers that do not recalculate see the value)."""
        fmt = self.w.fmt
        number = value.satang / 100 if isinstance(value, Money) else value
        kind = "total_money" if isinstance(value, Money) else "total_count"
        self.ws.write_formula(row, col, formula, fmt[kind if style == "total" else "money"], number)

    def finish(self) -> None:
        for col, width in self.widths.items():
            self.ws.set_column(col, col, min(max(width, 6), MAX_WIDTH + 2))
        if self.filter and self.row > 1 and self.ncols:
            self.ws.autofilter(0, 0, self.row - 1, self.ncols - 1)


# --- the writer in a second process --------------------------------------------------------------------------------
class ProcessWriter:
    """:class:`Writer`'s interface, with XlsxWriter working in a child process while this one reads the book.

    Writing the cells is most of a large export's time (about 12 µs a cell here, six million cells for a
    network-scale book) and reading the book and shaping its rows most of the rest: on two cores they overlap.
    Rows go to the child in batches through a pipe; the file is the same as :class:`Writer`'s. ``close`` raises
    the child's error (a full disk...) as a ``WorkbookError``, as :class:`Writer` does.
    """

    BATCH = 2000  # operations per message
    #: Messages waiting for the child, at most (about 100 kB each). The reading side is bursty (a chunk of the
    #: journal, then the loans...) and the child would idle in its gaps: a deep queue keeps it writing. A sender
    #: thread passes them on, so this process goes on reading while the pipe is full.
    QUEUE = 256

    def __init__(self, path: Path | str, *, read_only_recommended: bool = True) -> None:
        import multiprocessing
        import queue
        import threading

        self.path = Path(path)
        ctx = multiprocessing.get_context("spawn")  # the same on Windows; no SQLite connection is inherited
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, str(self.path), read_only_recommended),
                                 name="xlsx-writer", daemon=True)
        self._proc.start()
        child.close()
        self._ops: list[tuple] = []
        self.sheets: list[_SheetProxy] = []
        self._queue: queue.Queue[bytes | None] = queue.Queue(self.QUEUE)
        self._send_error: BaseException | None = None
        self._sender = threading.Thread(target=self._send_loop, name="xlsx-sender", daemon=True)
        self._sender.start()

    def _send_loop(self) -> None:
        """The sender thread: messages from the queue into the pipe until ``None``. After a failure (the child
        died) it keeps emptying the queue, so that this process never blocks on it; ``_flush`` raises it."""
        while True:
            data = self._queue.get()
            if data is None:
                return
            if self._send_error is None:
                try:
                    self._conn.send_bytes(data)
                except (OSError, ValueError) as exc:
                    self._send_error = exc

    def _send(self, op: tuple) -> None:
        self._ops.append(op)
        if len(self._ops) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        import pickle

        if self._send_error is not None:  # the writing process is gone (killed, out of memory...)
            from villagebank.exports.workbook.problems import WorkbookError
            from villagebank.i18n import N_

            raise WorkbookError(N_("cannot write {path}: {error}"), path=str(self.path), error=str(self._send_error))
        if self._ops:
            self._queue.put(pickle.dumps(self._ops, protocol=pickle.HIGHEST_PROTOCOL))
            self._ops = []

    def _stop_sender(self, timeout: float | None = None) -> None:
        if self._sender.is_alive():
            self._queue.put(None)
            self._sender.join(timeout)

    def sheet(self, name: str, headers: list[tuple[str, str]] | None = None) -> _SheetProxy:
        self._send(("sheet", name, headers or []))
        sheet = _SheetProxy(self, len(self.sheets), 1 if headers else 0)
        self.sheets.append(sheet)
        return sheet

    def close(self) -> Path:
        from villagebank.exports.workbook.problems import WorkbookError
        from villagebank.i18n import N_

        try:
            for sheet in self.sheets:
                self._send(("widths", sheet.index, sheet.widths))
            self._send(("close",))
            self._flush()
            self._stop_sender()
            if self._send_error is not None:
                raise OSError(str(self._send_error))
            status, detail = self._conn.recv()
        except (OSError, EOFError) as exc:
            status, detail = "error", (N_("cannot write {path}: {error}"), {"path": str(self.path), "error": str(exc)})
        finally:
            self._proc.join()
            self._conn.close()
        if status != "ok":
            template, params = detail
            raise WorkbookError(template, **params)
        return self.path

    def abort(self) -> None:
        import queue

        with contextlib.suppress(queue.Empty):  # what still waits is not wanted: straight to the abort
            while True:
                self._queue.get_nowait()
        if self._send_error is None:
            with contextlib.suppress(OSError, EOFError, ValueError):
                self._ops = [("abort",)]
                self._flush()
        self._stop_sender(timeout=30)
        self._proc.join(timeout=30)
        if self._proc.is_alive():
            self._proc.kill()
        with contextlib.suppress(OSError):
            self._conn.close()


class _SheetProxy:
    """A sheet of a :class:`ProcessWriter`: ``add`` and ``formula``, and ``ws`` forwarding worksheet calls."""

    def __init__(self, writer: ProcessWriter, index: int, row: int) -> None:
        self.w = writer
        self.index = index
        self.row = row
        self.ws = _WorksheetProxy(writer, index)
        self.widths: dict[int, float] = {}  # of the prepared rows; sent with the close

    def add(self, values: list[object] | tuple, style: str | None = None) -> int:
        prepared = prepare(values, self.widths) if style is None else None
        if prepared is not None:
            self.w._send(("row", self.index, *prepared))
        else:
            self.w._send(("add", self.index, tuple(values), style))
        self.row += 1
        return self.row - 1

    def formula(self, row: int, col: int, formula: str, value: object, style: str = "total") -> None:
        self.w._send(("formula", self.index, row, col, formula, value, style))


class _WorksheetProxy:
    def __init__(self, writer: ProcessWriter, index: int) -> None:
        self._w = writer
        self._index = index

    def __getattr__(self, name: str):
        def call(*args: object, **kwargs: object) -> None:
            self._w._send(("ws", self._index, name, args, kwargs))
        return call


def _serve(conn, path: str, read_only_recommended: bool) -> None:  # pragma: no cover - the child process
    """The child of :class:`ProcessWriter`: a real :class:`Writer` doing what the batches say."""
    from villagebank.exports.workbook.problems import WorkbookError
    from villagebank.i18n import N_

    writer = Writer(path, read_only_recommended=read_only_recommended)
    sheets: list[Sheet] = []
    failed: BaseException | None = None
    try:
        while True:
            for op in conn.recv():
                kind = op[0]
                if failed is not None and kind not in ("close", "abort"):
                    continue
                try:
                    if kind == "row":
                        sheets[op[1]].add_prepared(op[2], op[3])
                    elif kind == "add":
                        sheets[op[1]].add(op[2], op[3])
                    elif kind == "widths":
                        sheets[op[1]].note_widths(op[2])
                    elif kind == "sheet":
                        sheets.append(writer.sheet(op[1], op[2]))
                    elif kind == "ws":
                        getattr(sheets[op[1]].ws, op[2])(*op[3], **op[4])
                    elif kind == "formula":
                        sheets[op[1]].formula(*op[2:])
                    elif kind == "abort":
                        writer.abort()
                        return
                    elif kind == "close":
                        if failed is not None:
                            raise failed
                        writer.close()
                        conn.send(("ok", None))
                        return
                except WorkbookError as exc:
                    if kind == "close":
                        writer.abort()
                        conn.send(("error", (exc.template, dict(exc.params))))
                        return
                    failed = exc
                except Exception as exc:
                    if kind == "close":
                        writer.abort()
                        conn.send(("error", (N_("cannot write {path}: {error}"), {"path": path, "error": str(exc)})))
                        return
                    failed = exc
    except EOFError:  # the exporting process went away
        writer.abort()
    finally:
        conn.close()
