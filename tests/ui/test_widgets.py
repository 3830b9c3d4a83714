"""The B.E. date editor, the money field and the number fields, driven by keyboard."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.conftest import valid_cid
from tests.ui.conftest import type_text
from villagebank.i18n import N_, UserError, set_language
from villagebank.ledger.money import Money
from villagebank.ui.views.dates import BEDateEdit, add_months
from villagebank.ui.views.fields import CitizenIdEdit, DecimalEdit, IntSpin, MoneyEdit


@pytest.fixture
def date_edit(qtbot, prefs):
    edit = BEDateEdit(field=N_("Birth date"))
    qtbot.addWidget(edit)
    edit.show()
    return edit


def finish(qtbot, edit) -> None:
    qtbot.keyClick(edit.line, Qt.Key.Key_Tab)
    edit.line.editingFinished.emit()


@pytest.mark.parametrize("typed", ["15/01/2568", "15/1/2568", "๑๕/๐๑/๒๕๖๘", "15 ม.ค. 2568", "15 มกราคม 2568",
                                   "15/01/2025", "2025-01-15"])
def test_date_edit_reads_what_a_treasurer_types(qtbot, date_edit, typed):
    type_text(date_edit.line, typed)
    date_edit.line.editingFinished.emit()
    assert date_edit.date() == dt.date(2025, 1, 15)
    assert date_edit.text() == "15/01/2568"  # shown in B.E. after leaving the field
    assert "15 มกราคม 2568" in date_edit.words.text()
    assert date_edit.words.text().startswith("วันพุธที่")
    assert not date_edit.line.property("error")


def test_date_edit_thai_digits_become_arabic_as_typed(qtbot, date_edit):
    type_text(date_edit.line, "๑๒/๓")
    assert date_edit.text() == "12/3"


def test_date_edit_refuses_a_bad_date_naming_the_field(qtbot, date_edit):
    type_text(date_edit.line, "31/02/2568")
    date_edit.line.editingFinished.emit()
    assert date_edit.line.property("error")
    with pytest.raises(UserError) as err:
        date_edit.date()
    assert str(err.value).startswith("วันเกิด: ")
    assert "28" in str(err.value)


def test_date_edit_refuses_symbols_and_required_when_empty(qtbot, date_edit):
    type_text(date_edit.line, "1@5")
    assert date_edit.text() == "15"
    date_edit.line.clear()
    with pytest.raises(UserError, match="ต้องกรอก"):
        date_edit.date()
    date_edit.optional = True
    assert date_edit.date() is None


def test_date_edit_keys_step_days_and_months(qtbot, date_edit):
    date_edit.setDate(dt.date(2025, 1, 31))
    qtbot.keyClick(date_edit.line, Qt.Key.Key_Up)
    assert date_edit.date() == dt.date(2025, 2, 1)
    qtbot.keyClick(date_edit.line, Qt.Key.Key_Down)
    qtbot.keyClick(date_edit.line, Qt.Key.Key_PageUp)
    assert date_edit.date() == dt.date(2025, 2, 28)  # 31 January + 1 month: the month's last day
    qtbot.keyClick(date_edit.line, Qt.Key.Key_PageDown)
    assert date_edit.date() == dt.date(2025, 1, 28)


def test_calendar_popup_shows_be_years_and_thai_months_and_picks_by_keyboard(qtbot, date_edit):
    date_edit.setDate(dt.date(2025, 1, 15))
    qtbot.keyClick(date_edit.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = date_edit.popup_widget()
    assert popup is not None and popup.isVisible()
    assert popup.shown_year_be() == 2568
    assert popup.month_combo.currentText() == "มกราคม"
    qtbot.keyClick(popup.calendar, Qt.Key.Key_PageDown)  # next month
    assert popup.shown_year_be() == 2568 and popup.month_combo.currentText() == "กุมภาพันธ์"
    for _ in range(12):
        qtbot.keyClick(popup.calendar, Qt.Key.Key_PageDown)
    assert popup.shown_year_be() == 2569
    with qtbot.waitSignal(date_edit.dateChanged):
        qtbot.keyClick(popup.calendar, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert date_edit.date() == dt.date(2026, 2, 15)
    assert date_edit.text() == "15/02/2569"


def test_calendar_escape_closes_without_changing(qtbot, date_edit):
    date_edit.setDate(dt.date(2025, 1, 15))
    qtbot.keyClick(date_edit.line, Qt.Key.Key_F4)
    popup = date_edit.popup_widget()
    qtbot.keyClick(popup.calendar, Qt.Key.Key_PageDown)
    qtbot.keyClick(popup.calendar, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert date_edit.date() == dt.date(2025, 1, 15)


def test_calendar_month_names_follow_the_language(qtbot, date_edit):
    date_edit.open_calendar()
    popup = date_edit.popup_widget()
    set_language("en")
    assert popup.month_combo.itemText(0) == "January"
    set_language("th")
    assert popup.month_combo.itemText(0) == "มกราคม"


def test_add_months_keeps_the_day_when_it_can():
    assert add_months(dt.date(2025, 1, 15), 1) == dt.date(2025, 2, 15)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2025, 1, 31), -2) == dt.date(2024, 11, 30)


# --- money -----------------------------------------------------------------------------------------
@pytest.fixture
def money(qtbot, prefs):
    edit = MoneyEdit(field=N_("Monthly income"))
    qtbot.addWidget(edit)
    edit.show()
    return edit


@pytest.mark.parametrize(("typed", "satang", "shown"), [
    ("1234.5", 123450, "1,234.50"), ("1,234.50", 123450, "1,234.50"), ("๑,๒๓๔.๕๐", 123450, "1,234.50"),
    ("500", 50000, "500.00"), ("0", 0, "0.00"),
])
def test_money_field_reads_thai_digits_and_commas_and_shows_two_decimals(qtbot, money, typed, satang, shown):
    type_text(money, typed)
    money.editingFinished.emit()
    assert money.value() == Money(satang)
    assert money.text() == shown
    assert money.alignment() & Qt.AlignmentFlag.AlignRight


def test_money_field_refuses_bad_amounts_naming_the_field(qtbot, money):
    type_text(money, "12.345")
    money.editingFinished.emit()
    assert money.property("error")
    with pytest.raises(UserError) as err:
        money.value()
    assert str(err.value).startswith("รายได้ต่อเดือน: ")
    money.clear()
    type_text(money, "abc-")
    assert money.text() == ""  # letters and minus cannot be typed into a positive amount


def test_money_field_optional_and_set_value(qtbot, money):
    money.optional = True
    assert money.value() is None
    money.setValue(Money(2000000))
    assert money.text() == "20,000.00"
    money.setValue(150)
    assert money.text() == "1.50"


def test_int_spin_accepts_thai_digits_and_none(qtbot, prefs):
    spin = IntSpin(1, 600, none_text=N_("no limit"))
    qtbot.addWidget(spin)
    spin.show()
    assert spin.get() is None and spin.text() == "ไม่จำกัด"
    spin.lineEdit().selectAll()
    type_text(spin.lineEdit(), "๒๔")
    assert spin.value() == 24 and spin.get() == 24


def test_decimal_edit(qtbot, prefs):
    edit = DecimalEdit(field=N_("Loan interest per month (%)"))
    qtbot.addWidget(edit)
    type_text(edit, "๑.๕")
    from decimal import Decimal

    assert edit.value() == Decimal("1.5")


def test_citizen_id_edit_checks_the_check_digit(qtbot, prefs):
    edit = CitizenIdEdit(field=N_("Citizen ID"))
    qtbot.addWidget(edit)
    good = valid_cid("110170020345")
    type_text(edit, "-".join((good[0], good[1:5], good[5:10], good[10:12], good[12])))
    edit.editingFinished.emit()
    assert edit.problem() is None and edit.value() == good
    assert not edit.property("error")
    edit.clear()
    bad = good[:12] + str((int(good[12]) + 1) % 10)
    type_text(edit, "".join(chr(0x0E50 + int(d)) for d in bad))  # in Thai digits
    edit.editingFinished.emit()
    assert edit.property("error")
    assert edit.problem().startswith("เลขประจำตัวประชาชน: ")


def test_a_pdf_the_computer_cannot_open_is_shown_by_its_place(qtbot, monkeypatch, tmp_path):
    """On a laptop without a PDF reader nothing would appear after 'print': the treasurer is told where the
    file is and how to print it (found by reading the manual cold on a bare desktop)."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    from tests.ui.conftest import when_modal
    from villagebank.ui import printing

    monkeypatch.setattr(printing, "opener", lambda path: False)
    parent = QWidget()
    qtbot.addWidget(parent)
    pdf = tmp_path / "receipts-1-3.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    texts: list[str] = []

    def read(box) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    when_modal(qtbot, read)
    assert printing.open_file(pdf, parent) is False
    assert texts and str(pdf) in texts[0] and "ไม่มีโปรแกรมเปิดไฟล์ PDF" in texts[0]


def test_a_refusal_under_a_field_goes_when_the_field_is_edited(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from tests.ui.conftest import type_text
    from villagebank.ui.qt import Texts
    from villagebank.ui.views.forms import FormGrid

    form = FormGrid(Texts())
    qtbot.addWidget(form)
    amount, other = QLineEdit(), QLineEdit()
    form.add("amount", "Amount", amount)
    form.add("other", "Other", other)
    form.show()
    form.set_error("amount", "ต้องเป็นจำนวนหุ้นเต็ม")
    form.set_error("other", "ผิด")
    assert form.rows["amount"].error.isVisible()
    type_text(amount, "2")
    assert not form.rows["amount"].error.isVisible()
    assert form.rows["other"].error.isVisible()  # only the field edited
    other.setText("x")  # a change by the program is not the treasurer's correction
    assert form.rows["other"].error.isVisible()
