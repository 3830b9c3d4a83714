"""The shares, cash book and overview pages against real temporary books: what they show matches the book,
the cash-book entries (expense with a new category, income, transfer, a cash count) land in the book, and
the share grid stays fast with 10,000 members."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.conftest import START
from tests.ui.conftest import focused, open_main_window, type_text, when_modal
from villagebank.ledger import Money
from villagebank.ledger.shares import GridRow
from villagebank.ui.dialogs.common import ReasonDialog
from villagebank.ui.pages.cashbook import CategoryDialog
from villagebank.ui.pages.shares import ShareGridModel

APR = dt.date(2025, 4, 20)


@pytest.fixture
def window(qtbot, ctx):
    return open_main_window(qtbot, ctx)


def gone(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def cell(model, row: int, col: int) -> str:
    return model.data(model.index(row, col))


def test_share_grid_of_a_year(qtbot, saving_book, clock, ctx, window):
    clock.set(APR)
    page = window.go_to("shares")
    ctx.ops.wait_idle()
    assert page.year.currentText() == "2568"
    m = page.model
    assert m.rowCount() == 11  # ten members and the total
    assert m.headerData(3, Qt.Orientation.Horizontal) == "ม.ค."
    assert [cell(m, 0, c) for c in (0, 2, 3, 4, 5, 6, 7, 16)] == ["1", "–", "100", "10", "10", "10", "–", "130"]
    assert cell(m, 10, 1) == "รวม (10 คน)" and cell(m, 10, 3) == "1,000" and cell(m, 10, 16) == "1,300"
    assert page.count.text() == "สมาชิก 10 คน ยอดคงเหลือสิ้นปี 1,300.00 บาท"
    type_text(page.search, "สมาชิก7")
    assert m.rowCount() == 2 and cell(m, 0, 0) == "7" and cell(m, 1, 16) == "130"
    page.search.clear()
    clock.set(dt.date(2026, 1, 10))  # a year later: 2569 and 2568 to choose from
    page._fill_years()
    assert [page.year.itemText(i) for i in range(page.year.count())] == ["2569", "2568"]
    qtbot.keyClick(page.search, Qt.Key.Key_PageDown)  # the year after
    ctx.ops.wait_idle()
    assert page.year.currentData() == 2026 and cell(m, 0, 2) == "130" and cell(m, 0, 3) == "–"
    qtbot.keyClick(page.search, Qt.Key.Key_PageUp)  # back to the year before
    ctx.ops.wait_idle()
    assert page.year.currentData() == 2025 and cell(m, 0, 3) == "100"
    m.sort(16, Qt.SortOrder.DescendingOrder)
    assert cell(m, 10, 1).startswith("รวม")  # the total stays last


def test_share_grid_model_with_10000_members_sorts_and_searches(qapp):
    """Correct at the network centre's size (its speed is measured by ``make bench``, not here)."""
    months = [(2025, m) for m in range(1, 13)]
    rows = [GridRow(i, f"นาย ทดสอบ{i} ใจดี", Money(10000), tuple(Money(1000 * (i % 3)) for _ in range(12)), Money(0),
                    Money(10000 + 12000 * (i % 3))) for i in range(1, 10_001)]
    model = ShareGridModel()
    model.set_grid(rows, months)
    model.sort(16, Qt.SortOrder.DescendingOrder)
    model.set_query("9999")
    assert model.rowCount() == 2
    model.set_query("")
    assert model.rowCount() == 10_001  # every member and the totals row
    first, last = (int(model.data(model.index(r, 0))) for r in (0, 9_999))
    assert first % 3 == 2 and last % 3 == 0  # the biggest totals first, the smallest last


def test_cash_book_entries_by_keyboard(qtbot, saving_book, clock, ctx, window):
    book = saving_book
    clock.set(APR)
    page = window.go_to("cashbook")
    assert page.month_label.text() == "เมษายน 2568"
    before = book.cash_balance()
    lines = page.lines()
    assert lines[0].label == "ยอดยกมา" and lines[-1].label == "ยอดยกไป"
    assert cell(page.model, page.model.rowCount() - 1, 5) == f"{before.satang // 100:,}.00"

    # An expense in a category of her own, added from the form.
    dialog = page.enter("expense")
    qtbot.waitUntil(lambda: focused() is dialog.amount)
    type_text(dialog.amount, "๓๕")  # Thai digits
    dialog.description.setFocus()
    type_text(dialog.description, "ค่าถ่ายเอกสาร")

    def name_category(box):
        assert isinstance(box, CategoryDialog)
        type_text(box.name, "ค่าถ่ายเอกสาร")
        qtbot.keyClick(box.name, Qt.Key.Key_Return)

    when_modal(qtbot, name_category)
    dialog.new_category()
    ctx.ops.wait_idle()
    assert dialog.category.currentText() == "ค่าถ่ายเอกสาร"
    dialog.amount.setFocus()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # Enter saves
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: gone(dialog))
    assert book.cash_balance() == before - Money(3500)
    [(code, _name, amount)] = [e for e in book.expenses_by_category(START, APR) if e[1] == "ค่าถ่ายเอกสาร"]
    assert amount == Money(3500) and code.startswith("expense:")

    # Income: bank interest into the bank account.
    dialog = page.enter("income")
    dialog.account.setCurrentIndex(dialog.account.findData("bank:main"))
    dialog.category.setCurrentIndex(dialog.category.findData("income:bank_interest"))
    type_text(dialog.amount, "12.50")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    ctx.ops.wait_idle()
    assert book.cash_balance("bank:main") == Money(1250)

    # A transfer asking for more than the cash box holds is refused under the amount; then a good one.
    dialog = page.transfer()
    type_text(dialog.amount, "99999")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    ctx.ops.wait_idle()
    assert dialog.isVisible()
    assert dialog.form.rows["amount"].error.isVisible() or dialog.error.isVisible()
    dialog.amount.setText("500")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: gone(dialog))
    assert book.cash_balance("bank:main") == Money(51250)

    # The page shows the month's lines with the running balance.
    page.load()
    texts = [cell(page.model, r, 1) for r in range(page.model.rowCount())]
    assert any("ค่าถ่ายเอกสาร" in t for t in texts)
    page.account.setCurrentIndex(page.account.findData("bank:main"))
    assert cell(page.model, page.model.rowCount() - 1, 5) == "512.50"

    # The photocopies were recorded twice: the second is cancelled from the list with a reason (Delete).
    page.account.setCurrentIndex(page.account.findData("cash"))
    dialog = page.enter("expense")
    dialog.category.setCurrentIndex(dialog.category.findText("ค่าถ่ายเอกสาร"))
    type_text(dialog.amount, "35")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: gone(dialog))
    twice = book.cash_balance()
    row = max(r for r in range(page.model.rowCount()) if "ค่าถ่ายเอกสาร" in (cell(page.model, r, 1) or ""))
    page.table.selectRow(row)
    page.table.setFocus()
    seq = page.selected_line().seq

    def give_reason(box):
        assert isinstance(box, ReasonDialog) and str(seq) in box.windowTitle() + box.findChild(QLabel).text()
        type_text(box.reason, "บันทึกซ้ำ")
        qtbot.keyClick(box.reason, Qt.Key.Key_Return)

    asked = when_modal(qtbot, give_reason)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    ctx.ops.wait_idle()
    assert asked and book.cash_balance() == twice + Money(3500)
    correction = book.entry(book.entry(seq).reversed_by)
    assert correction.reverses_seq == seq and correction.reason == "บันทึกซ้ำ"
    assert any(f"แก้ไขรายการที่ {seq}" in (cell(page.model, r, 1) or "") for r in range(page.model.rowCount()))
    # A correction is not corrected again, and the balance lines are not entries.
    page.table.selectRow(0)
    refused = when_modal(qtbot, lambda box: box.close())
    page.correct(reason="ลองอีกครั้ง")
    assert refused and book.entry(seq).reversed_by == correction.seq

    # A cash count outside a meeting, 10 baht short, with the reason.
    dialog = page.count_cash()
    held = book.cash_balance()
    dialog.form.set_counts({100000: held.satang // 100000})
    rest = held.satang % 100000
    dialog.form.spins[100].setValue(rest // 100 - 10)
    assert dialog.form.difference() == -1000
    dialog.save()
    assert dialog.form.error.isVisible()  # the reason is required
    dialog.form.reason.setText("ทอนเงินผิด")
    dialog.save()
    ctx.ops.wait_idle()
    count = book.cash_counts()[-1]
    assert count.difference == Money(-1000) and count.reason == "ทอนเงินผิด"

    # The secretary's record of the month.
    page.account.setCurrentIndex(page.account.findData("cash"))
    page.tabs.setCurrentIndex(1)
    record = book.secretary_record(2025, 4)
    assert page.secretary.values["members_at_end"].text() == "10"
    assert page.secretary.values["carried_forward"].text() == f"{record.carried_forward.satang / 100:,.2f}"
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp)
    assert page.month_label.text() == "มีนาคม 2568"


def test_overview_figures_and_what_is_coming(qtbot, saving_book, clock, ctx, window):
    book = saving_book
    clock.set(APR)
    page = window.go_to("overview")
    ctx.ops.wait_idle()
    o = page.data
    assert o is not None
    assert o.members[-1] == 10 and o.savings[-1] == book.balance("shares").satang * -1
    assert page.figures["members"].value.text() == "10"
    assert page.figures["savings"].value.text() == "1,300.00"
    assert len(page.charts["savings"].values) == 12
    assert "3 พฤษภาคม 2568" in page.coming.text()  # the rule's meeting day (the 3rd)
    assert page.overdue_list.text() == "ไม่มีเงินกู้ค้างชำระ"
    page.charts["money"].grab()  # paints without error
