"""The workbook writer's date cells: serial numbers with the B.E. date format, the very XML XlsxWriter's own
``write_datetime`` writes (the writer computes the serial itself: the conversion was half its time on dates)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import xlsxwriter
from openpyxl import load_workbook

from villagebank.exports.workbook.writer import DATE_FORMAT, Writer

DATES = [dt.date(1900, 3, 1), dt.date(1999, 12, 31), dt.date(2024, 2, 29), dt.date(2025, 12, 31)]


def test_date_cells_are_what_write_datetime_writes(tmp_path):
    ours = tmp_path / "ours.xlsx"
    w = Writer(ours)
    sheet = w.sheet("วันที่")
    for d in DATES:
        sheet.add([d])
    sheet.add([dt.date(2025, 1, 2)], style="total")
    w.close()

    plain = tmp_path / "plain.xlsx"
    wb = xlsxwriter.Workbook(str(plain), {"constant_memory": True})
    ws = wb.add_worksheet("วันที่")
    fmt = wb.add_format({"num_format": DATE_FORMAT, "align": "left"})
    for row, d in enumerate([*DATES, dt.date(2025, 1, 2)]):
        ws.write_datetime(row, 0, dt.datetime(d.year, d.month, d.day), fmt)
    wb.close()

    def cells(path):
        xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
        return re.sub(r' s="\d+"', "", xml[xml.index("<sheetData>"):xml.index("</sheetData>")])

    assert cells(ours) == cells(plain)
    got = [row[0].value.date() for row in load_workbook(ours).active.iter_rows()]
    assert got == [*DATES, dt.date(2025, 1, 2)]
    assert load_workbook(ours).active["A2"].number_format == DATE_FORMAT
