"""Settings: a rule refused with its field named, then saved with a reason; the bank's details; every
rule has an editor; leaving with unsaved rules asks first."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.ui.conftest import focused, open_main_window, type_text, when_modal
from villagebank.ledger.rules import LABELS, Rules, field_names
from villagebank.ui.dialogs.common import ReasonDialog
from villagebank.ui.views.rules_editor import RulesEditor


@pytest.fixture
def window(qtbot, ctx):
    return open_main_window(qtbot, ctx)


@pytest.fixture
def settings(window):
    return window.go_to("settings")


def answer_reason(qtbot, text: str):
    def act(dialog):
        assert isinstance(dialog, ReasonDialog)
        dialog.reason.setFocus()
        type_text(dialog.reason, text)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    return when_modal(qtbot, act)


def test_every_rule_has_an_editor_and_round_trips(qtbot, prefs):
    editor = RulesEditor()
    qtbot.addWidget(editor)
    assert set(editor.editors) == set(field_names())
    custom = Rules().replace(share_value=2000, min_saving=4000, max_total_shares=None, max_loan_term_months=24,
                             loan_rate_monthly_pct=Decimal("1.25"), loan_method="flat", payout_method="shares",
                             fiscal_year_start_month=7, guarantee_limit_pct_of_shares=Decimal("80"),
                             no_mutual_guarantee=False, claim_days=(5, 20),
                             welfare_death=((90, 100000), (365, 200000)))
    editor.set_rules(custom)
    assert editor.collect() == custom
    editor.set_rules(Rules())
    assert editor.collect() == Rules()


def test_a_refused_rule_names_its_field_then_a_good_one_is_saved_with_a_reason(qtbot, ctx, window, settings):
    book = ctx.book
    settings.tabs.setCurrentIndex(1)
    tab = settings.rules_tab
    field = tab.editor.editors["min_saving"].widget
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "15")  # not a whole number of 10-baht shares
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.keyClick(tab.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(tab.problems.isVisible)  # a mnemonic clicks after a short animation
    assert tab.problems.text() == "เงินสัจจะขั้นต่ำต่อครั้ง: ต้องเป็นจำนวนหุ้นเต็ม (หุ้นละ 10.00 บาท)"
    row = tab.editor.forms[0].rows["min_saving"]
    assert row.error.isVisible() and field.property("error")
    assert focused() is field
    assert book.rules == Rules() and len(book.rules_history()) == 1

    field.selectAll()
    type_text(field, "๒๐")  # Thai digits
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == "20.00"
    asked = answer_reason(qtbot, "มติที่ประชุมใหญ่ 3 ก.ค. 2568")
    tab.save()
    assert asked and "เงินสัจจะขั้นต่ำต่อครั้ง" in asked[0].summary.text()
    ctx.ops.wait_idle()
    assert book.rules.min_saving == 2000
    _at, _by, reason, rules = book.rules_history()[-1]
    assert reason == "มติที่ประชุมใหญ่ 3 ก.ค. 2568" and rules.min_saving == 2000
    assert not tab.problems.isVisible() and not row.error.isVisible()
    assert "บันทึกระเบียบใหม่แล้ว" in window.statusBar().currentMessage()


def test_allocation_must_add_up_to_100(qtbot, ctx, window, settings):
    tab = settings.rules_tab
    settings.tabs.setCurrentIndex(1)
    tab.editor.editors["alloc_committee_pct"].widget.setText("25")
    tab.save()
    assert "ต้องรวมกันได้ 100%" in tab.problems.text()
    assert tab.editor.currentIndex() == 2  # the year-end tab is opened on the first problem
    assert LABELS["alloc_reserve_pct"] == "Reserve fund (%)"
    assert tab.problems.text().startswith("เงินสำรองกลุ่ม (%): ")


def test_cancelling_the_reason_saves_nothing(qtbot, ctx, window, settings):
    tab = settings.rules_tab
    tab.editor.editors["meeting_day"].widget.setValue(10)
    when_modal(qtbot, lambda dialog: dialog.cancel_button.click())
    tab.save()
    ctx.ops.wait_idle()
    assert ctx.book.rules.meeting_day == 3


def test_a_reason_is_required(qtbot, prefs):
    dialog = ReasonDialog(None, "t", "q")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error.text() == "กรุณาเขียนเหตุผล"


def test_leaving_with_unsaved_rules_asks(qtbot, ctx, window, settings):
    settings.rules_tab.editor.editors["entry_fee"].widget.setText("30")
    asked = when_modal(qtbot, lambda box: box.escapeButton().click())  # stay
    window.go_to("members")
    assert asked and window.current_page() is settings
    asked = when_modal(qtbot, lambda box: box.buttons()[0].click())  # leave and forget
    window.go_to("members")
    assert window.current_page().key == "members"
    assert ctx.book.rules.entry_fee == 2000


def test_bank_details_saved_and_header_follows(qtbot, ctx, window, settings):
    form = settings.bank_tab.form
    name: QLineEdit = form.edits["name"]
    name.clear()
    settings.bank_tab.save()
    assert form.rows["name"].error.text() == "ต้องกรอก"
    name.setFocus()
    type_text(name, "ธนาคารหมู่บ้านบ้านใหม่")
    form.edits["postal_code"].setText("5018")
    settings.bank_tab.save()
    assert form.rows["postal_code"].error.text() == "ต้องเป็นตัวเลข 5 หลัก"
    form.edits["postal_code"].setText("50180")
    settings.bank_tab.save()
    ctx.ops.wait_idle()
    assert ctx.book.bank().name == "ธนาคารหมู่บ้านบ้านใหม่"
    assert window.bank_name.text() == "ธนาคารหมู่บ้านบ้านใหม่"


def test_partner_funds_can_be_added_and_changed(qtbot, ctx, window, settings):
    tab = settings.rules_tab
    partners = tab.editor.editors["partners"].widget
    partners.add_partner()
    partners.name.setText("ฌาปนกิจหมู่บ้าน")
    partners.name.editingFinished.emit()
    partners.amount.setText("50")
    partners.amount.editingFinished.emit()
    rules = tab.editor.collect(ctx.book.rules)
    added = rules.partners[-1]
    assert (added.name, added.amount, added.active) == ("ฌาปนกิจหมู่บ้าน", 5000, True)
    assert added.key not in {p.key for p in Rules().partners}
