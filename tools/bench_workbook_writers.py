"""Measure the two streaming xlsx writers on rows shaped like the book workbook's share_txns sheet.

Usage: PYTHONPATH=src .venv/bin/python tools/bench_workbook_writers.py [ROWS]
Each writer runs in its own process (peak RSS is per process). Prints seconds, peak RSS and file size.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
import time

DATE_FMT = "[$-107041E]dd/mm/yyyy"
MONEY_FMT = "#,##0.00"
HEAD = ("วันที่", "เลขที่สมาชิก", "ประเภท", "จำนวนเงิน", "รายการ")


def rows(n: int):
    start = dt.date(2015, 1, 3)
    for i in range(n):
        yield (start + dt.timedelta(days=i // 400), i % 1000 + 1, "deposit", 100 + (i % 37) * 10.5,
               "ค่าน้ำดื่มและอาหารว่างวันทำการ")


def xlsxwriter_write(path: str, n: int) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"constant_memory": True, "tmpdir": tempfile.gettempdir()})
    ws = wb.add_worksheet("เงินฝากสัจจะ")
    date_f = wb.add_format({"num_format": DATE_FMT})
    money_f = wb.add_format({"num_format": MONEY_FMT})
    head_f = wb.add_format({"bold": True})
    for c, h in enumerate(HEAD):
        ws.write_string(0, c, h, head_f)
    ws.freeze_panes(1, 0)
    for r, (d, no, kind, amount, text) in enumerate(rows(n), start=1):
        ws.write_datetime(r, 0, dt.datetime(d.year, d.month, d.day), date_f)
        ws.write_number(r, 1, no)
        ws.write_string(r, 2, kind)
        ws.write_number(r, 3, amount, money_f)
        ws.write_string(r, 4, text)
    ws.set_column(0, 4, 14)
    wb.close()


def openpyxl_write(path: str, n: int) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("เงินฝากสัจจะ")
    ws.freeze_panes = "A2"
    for c in "ABCDE":
        ws.column_dimensions[c].width = 14

    def cell(value, fmt=None, bold=False):
        x = WriteOnlyCell(ws, value)
        if fmt:
            x.number_format = fmt
        if bold:
            x.font = Font(bold=True)
        return x

    ws.append([cell(h, bold=True) for h in HEAD])
    for d, no, kind, amount, text in rows(n):
        ws.append([cell(d, DATE_FMT), no, kind, cell(amount, MONEY_FMT), text])
    wb.save(path)


def child(which: str, n: int) -> None:
    path = os.path.join(tempfile.gettempdir(), f"bench-{which}-{os.getpid()}.xlsx")
    t0 = time.perf_counter()
    {"xlsxwriter": xlsxwriter_write, "openpyxl": openpyxl_write}[which](path, n)
    seconds = time.perf_counter() - t0
    size = os.path.getsize(path)
    os.unlink(path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{which:11} {n:>8} rows  {seconds:6.2f} s  peak RSS {peak:6.0f} MB  file {size / 1e6:5.1f} MB")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    for which in ("xlsxwriter", "openpyxl"):
        subprocess.run([sys.executable, __file__, "--child", which, str(n)], check=True)


if __name__ == "__main__":
    main()
