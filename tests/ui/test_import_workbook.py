"""First run → import a book workbook: the dry run lists every problem as sheet, cell, message and writes
nothing; after the workbook is fixed, "Check again" finds none and the import makes the book and opens it."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from tests.conftest import member_values, valid_cid
from villagebank.exports.workbook.export import export_workbook
from villagebank.ledger import Money, create_book


@pytest.fixture
def workbook(tmp_path):
    with create_book(tmp_path / "source.vbk", name="ธนาคารหมู่บ้านนำเข้า") as book:
        for i, name in enumerate(("สมชาย", "มาลี"), start=1):
            book.add_member(member_values(name, join=dt.date(2025, 1, 3), cid=valid_cid(f"31017002030{i}")))
            book.deposit(i, Money.baht(100), dt.date(2025, 1, 3))
        export_workbook(book, tmp_path / "book.xlsx", as_of=dt.date(2025, 1, 31))
    return tmp_path / "book.xlsx"


def break_cell(path, sheet_index: int, cell: str, value):
    wb = load_workbook(path)
    ws = wb.worksheets[sheet_index]
    old = ws[cell].value
    ws[cell].value = value
    wb.save(path)
    return ws.title, old


def test_dry_run_problems_as_a_table_then_import(qtbot, controller, workbook, tmp_path):
    wb = load_workbook(workbook)
    members_sheet = next(i for i, ws in enumerate(wb.worksheets) if ws.title == "สมาชิก")
    header = [c.value for c in wb.worksheets[members_sheet][1]]
    col = header.index("เลขประจำตัวประชาชน") + 1
    letter = wb.worksheets[members_sheet].cell(1, col).column_letter
    title, good = break_cell(workbook, members_sheet, f"{letter}2", "1234567890123")
    controller.start(None)
    qtbot.waitUntil(lambda: controller.first_run is not None)
    dialog = controller.import_workbook(workbook)
    controller.ops.wait_idle(120_000)
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=60_000)
    assert not dialog.result_.ok
    rows = [(dialog.model.data(dialog.model.index(r, 0)), dialog.model.data(dialog.model.index(r, 1)))
            for r in range(dialog.model.rowCount())]
    assert (title, f"{letter}2") in rows
    assert not dialog.import_button.isEnabled()
    assert not dialog.book_path.exists()  # nothing written
    break_cell(workbook, members_sheet, f"{letter}2", good)
    assert dialog.check()
    controller.ops.wait_idle(120_000)
    qtbot.waitUntil(lambda: dialog.result_.ok, timeout=60_000)
    assert dialog.import_button.isEnabled()
    assert dialog.run_import()
    controller.ops.wait_idle(120_000)
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible(), timeout=60_000)
    controller.ops.wait_idle()
    assert controller.book.bank().name == "ธนาคารหมู่บ้านนำเข้า"
    assert len(controller.book.members()) == 2
