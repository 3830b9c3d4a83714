"""The member register by keyboard, against a real temporary book: register (a bad citizen ID refused,
then a good one), search, open, edit (the change appears in the edit log), duplicates warned about."""

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import START, valid_cid
from tests.ui.conftest import focused, open_main_window, type_text, when_modal
from villagebank.ui.dialogs.member_form import MemberDialog


@pytest.fixture
def window(qtbot, ctx):
    return open_main_window(qtbot, ctx)


@pytest.fixture
def members(window):
    page = window.go_to("members")
    assert page is not None
    return page


def open_dialog(qtbot, members) -> MemberDialog:
    qtbot.keyClick(members.search, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), MemberDialog))
    return QApplication.activeModalWidget()


def gone(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def saved(qtbot, ctx, dialog) -> None:
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: gone(dialog))


def test_register_a_member_by_keyboard_refusing_a_bad_citizen_id(qtbot, ctx, window, members):
    book = ctx.book
    assert focused() is members.search
    dialog = open_dialog(qtbot, members)
    qtbot.waitUntil(lambda: focused() is dialog.title_combo)
    qtbot.keyClick(dialog.title_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.title_combo, Qt.Key.Key_Down)
    assert dialog.title_combo.currentText() == "นาง"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.first_name
    type_text(dialog.first_name, "สมหญิง")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "ใจงาม")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.citizen_id
    good = valid_cid("310170020345")
    bad = good[:12] + str((int(good[12]) + 3) % 10)
    qtbot.keyClicks(dialog.citizen_id, bad)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # leaving the field checks it
    error = dialog.forms[0].rows["citizen_id"].error
    assert error.isVisible() and "ไม่ใช่เลขประจำตัวประชาชน 13 หลักที่ถูกต้อง" in error.text()
    assert dialog.sex.currentData() == "F"  # นาง → หญิง, typed for her

    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter = save: refused, nothing written
    assert dialog.isVisible()
    assert focused() is dialog.citizen_id
    assert dialog.summary.isVisible()
    assert book.members() == []

    dialog.citizen_id.selectAll()
    qtbot.keyClicks(dialog.citizen_id, good)
    qtbot.keyClick(dialog.citizen_id, Qt.Key.Key_Return)
    saved(qtbot, ctx, dialog)
    [m] = book.members()
    assert (m.member_no, m.title, m.first_name, m.last_name, m.citizen_id, m.sex) == \
        (1, "นาง", "สมหญิง", "ใจงาม", good, "F")
    assert m.join_date == START  # today, from the book's clock
    assert (m.moo, m.tambon, m.province) == ("", "ทดสอบ", "เชียงใหม่")  # the bank's place, prefilled
    assert members.model.rowCount() == 1
    assert members.table.current_row() == 0
    assert "สมหญิง" in window.statusBar().currentMessage()


def test_search_open_edit_and_see_the_edit_log(qtbot, ctx, window, members, book_with_members):
    members.reload()
    assert members.model.rowCount() == 5
    type_text(members.search, "มาลี")
    assert members.model.rowCount() == 1
    qtbot.keyClick(members.search, Qt.Key.Key_Return)  # the only match opens
    view = members.member_view
    assert members.stack.currentWidget() is view
    assert "มาลี" in view.heading.text()
    no = view.member.member_no

    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), MemberDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.member.member_no == no
    dialog.phone.setFocus()
    qtbot.keyClicks(dialog.phone, "081-234-5678")
    dialog.birth_date.setFocus()
    qtbot.keyClicks(dialog.birth_date.line, "12/05/2510")
    qtbot.keyClick(dialog.birth_date.line, Qt.Key.Key_Return)
    saved(qtbot, ctx, dialog)

    member = book_with_members.member(no)
    assert member.phone == "081-234-5678" and member.birth_date == dt.date(1967, 5, 12)
    edits = {e.field: (e.old, e.new) for e in book_with_members.member_edits(no)}
    assert edits == {"phone": ("", "081-234-5678"), "birth_date": (None, "1967-05-12")}
    log = view.sections[-1]
    texts = [[log.model.data(log.model.index(r, c)) for c in range(5)] for r in range(log.model.rowCount())]
    assert ["โทรศัพท์", "–", "081-234-5678"] in [row[1:4] for row in texts]
    assert ["วันเกิด", "–", "12/05/2510"] in [row[1:4] for row in texts]
    assert not log.empty.isVisible()

    qtbot.waitUntil(lambda: focused() is view.edit_button)
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # back to the list, on the same member
    assert members.stack.currentWidget() is members.list_view
    assert members.model.member(members.table.current_row()).member_no == no


def test_search_by_number_and_status_filter(qtbot, ctx, window, members, book_with_members):
    members.reload()
    qtbot.keyClicks(members.search, "3")
    assert [members.model.member(r).member_no for r in range(members.model.rowCount())] == [3]
    members.search.clear()
    type_text(members.search, "๔")
    assert members.model.member(0).member_no == 4
    members.search.clear()
    members.status_combo.setCurrentIndex(members.status_combo.findData("resigned"))
    assert members.model.rowCount() == 0
    assert members.count_label.text() == "แสดง 0 จาก 5 คน"
    members.order_combo.setCurrentIndex(1)
    members.status_combo.setCurrentIndex(0)
    assert [members.model.member(r).first_name for r in range(5)] == ["บุญมี", "ประเสริฐ", "มาลี", "สมชาย",
                                                                         "สมศรี"]


def test_a_possible_duplicate_is_shown_before_saving(qtbot, ctx, window, members, book_with_members):
    members.reload()
    dialog = members.add_member()
    dialog.first_name.setText("สมชาย")
    dialog.last_name.setText("ทดสอบ")
    asked = when_modal(qtbot, lambda box: box.escapeButton().click())  # "go back and check"
    dialog.save()
    assert asked and isinstance(asked[0], QMessageBox)
    assert "สมชาย ทดสอบ" in asked[0].informativeText()
    assert dialog.isVisible() and len(book_with_members.members()) == 5

    asked = when_modal(qtbot, lambda box: box.buttons()[0].click())  # "save anyway"
    dialog.save()
    saved(qtbot, ctx, dialog)
    assert len(book_with_members.members()) == 6


def test_ledger_refusal_is_shown_under_its_field(qtbot, ctx, window, members, book_with_members):
    members.reload()
    taken = book_with_members.member(2).citizen_id
    dialog = members.add_member()
    dialog.first_name.setText("ใหม่")
    dialog.known = []  # the form's own check does not know the others: the ledger must refuse
    dialog.citizen_id.setText(taken)
    when_modal(qtbot, lambda box: box.buttons()[0].click())  # the same-ID warning: save anyway
    dialog.save()
    ctx.ops.wait_idle()
    assert dialog.isVisible()
    error = dialog.forms[0].rows["citizen_id"].error
    assert error.isVisible() and "ลงทะเบียนไว้แล้วกับสมาชิกเลขที่ 2" in error.text()
    assert len(book_with_members.members()) == 5


def test_leaving_a_filled_form_asks_first(qtbot, ctx, window, members):
    dialog = members.add_member()
    type_text(dialog.first_name, "ทองดี")
    asked = when_modal(qtbot, lambda box: box.escapeButton().click())  # stay
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()
    asked = when_modal(qtbot, lambda box: box.buttons()[0].click())  # leave without saving
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked
    qtbot.waitUntil(lambda: gone(dialog))
    assert ctx.book.members() == []


def test_address_completion_comes_from_other_members(qtbot, ctx, window, members, book):
    from tests.conftest import member_values

    book.add_member(member_values("สมศักดิ์", tambon="ริมใต้", amphoe="แม่ริม", province="เชียงใหม่",
                                  postal_code="50180"))
    members.reload()
    dialog = members.add_member()
    assert "ริมใต้" in dialog.tambon.completer().model().stringList()
    for w in (dialog.amphoe, dialog.province, dialog.postal_code):
        w.clear()
    dialog.tambon.setText("ริมใต้")
    dialog.tambon.editingFinished.emit()
    assert (dialog.amphoe.text(), dialog.province.text(), dialog.postal_code.text()) == \
        ("แม่ริม", "เชียงใหม่", "50180")
    dialog.done(0)


def test_tab_walks_the_form_in_the_order_it_is_read(qtbot, ctx, window, members):
    dialog = members.add_member()
    order = []
    widget = dialog.member_no
    for _ in range(30):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(dialog) \
                or widget.focusProxy() is not None or widget.parent() is None:
            widget = widget.nextInFocusChain()
    names = [next((k for f in dialog.forms for k, r in f.rows.items()
                   if r.widget is w or getattr(r.widget, "line", None) is w), None) for w in order]
    keys = [k for k in names if k]
    assert keys[:12] == ["member_no", "title", "first_name", "last_name", "citizen_id", "birth_date", "sex",
                         "is_group", "join_date", "committee_role", "house_no", "moo"]
    dialog.done(0)
