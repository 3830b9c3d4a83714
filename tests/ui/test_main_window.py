"""The main window: bank name and B.E. date always shown, pages from the registry only, the language
switched without restart, the text size changed live and remembered, window state remembered."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from tests.conftest import member_values
from tests.ui.conftest import focused, open_main_window
from villagebank.i18n import current_language
from villagebank.ui import qt
from villagebank.ui.pages import PAGES, Page, pages_for, register
from villagebank.ui.settings import Prefs
from villagebank.ui.windows.main_window import MainWindow


@pytest.fixture
def window(qtbot, ctx):
    return open_main_window(qtbot, ctx)


def nav_texts(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_header_shows_the_bank_and_todays_be_date(qtbot, ctx, window):
    assert window.bank_name.text() == "ธนาคารหมู่บ้านทดสอบ"
    assert "ต.ทดสอบ" in window.place.text() and "จ.เชียงใหม่" in window.place.text()
    # the book's clock says 3 January 2025 (a Friday): 3 มกราคม 2568
    assert window.date_label.text() == "วันนี้: วันศุกร์ที่ 3 มกราคม 2568"
    assert not window.banner.isVisible()


def test_navigation_lists_only_pages_that_exist(qtbot, ctx, window):
    pages = pages_for(ctx.book)
    keys = [p.key for p in pages]
    assert [p.order for p in pages] == sorted(p.order for p in pages)  # in the order of issue 7's list
    assert keys[:3] == ["overview", "meeting", "members"] and "settings" in keys
    assert nav_texts(window)[:3] == ["ภาพรวม", "วันทำการ", "สมาชิก"]
    assert window.current_page().key == "members"  # until another page has been used
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().key == "meeting"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().key == "overview"


def test_a_page_appears_by_registering_one_class(qtbot, ctx, prefs):
    from villagebank.i18n import N_

    class LoansPage(Page):
        key = "loans_test"
        title = N_("Loans")
        order = 50

        @classmethod
        def available(cls, book):
            return hasattr(book, "members")

    class NotYetPage(Page):
        key = "meeting_test"
        title = N_("Members")
        order = 20

        @classmethod
        def available(cls, book):
            return hasattr(book, "time_travel")  # a capability no book has

    register(LoansPage)
    register(NotYetPage)
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        keys = [cls.key for cls in w.page_classes]
        assert "loans_test" in keys and "meeting_test" not in keys
        assert keys.index("members") < keys.index("loans_test") < keys.index("settings")
        assert nav_texts(w)[keys.index("loans_test")] == "เงินกู้"
        w.go_to("loans_test")
        assert isinstance(w.current_page(), LoansPage)
    finally:
        PAGES.remove(LoansPage)
        PAGES.remove(NotYetPage)


def test_language_switch_retranslates_every_visible_label_without_restart(qtbot, ctx, window):
    ctx.book.add_member(member_values("สมชาย"))
    members = window.current_page()
    members.reload()
    window.go_to("settings")
    window.go_to("members")

    def visible_texts():
        out = set()
        for w in window.findChildren(QLabel) + window.findChildren(QPushButton):
            if w.isVisible() and w.text():
                out.add(w.text())
        return out

    thai = visible_texts()
    assert "ค้นหา (&F):" in thai and "สมาชิกใหม่ (&N)" in thai
    index = window.language.findData("en")
    window.language.setCurrentIndex(index)
    assert current_language() == "en"
    english = visible_texts()
    assert "&Find:" in english and "&New member" in english
    assert "Members" in nav_texts(window) and "Settings" in nav_texts(window)
    assert window.date_label.text() == "Today: Friday 3 January 2568"
    assert members.model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert members.model.data(members.model.index(0, 6)) == "active"
    assert members.count_label.text() == "1 member(s)"
    assert window.menuBar().actions()[0].text() == "&Book"
    # no Thai letters left on screen except the bank's own name and place, the member's name and
    # the language chooser's own "ภาษาไทย"
    leftovers = {t for t in english if any("\u0e00" <= ch <= "\u0e7f" for ch in t)}
    allowed = {window.bank_name.text(), window.place.text()}
    assert leftovers <= allowed, leftovers - allowed
    assert ctx.prefs.language("th") == "en"  # remembered for the next start
    window.language.setCurrentIndex(window.language.findData("th"))
    assert visible_texts() == thai


def test_text_size_changes_live_and_is_remembered(qtbot, ctx, window):
    members = window.current_page()
    before_table = members.table.font().pointSize()
    before_heading = window.bank_name.font().pointSizeF()
    row_height = members.table.verticalHeader().defaultSectionSize()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert qt.point_size() == qt.DEFAULT_POINT_SIZE + 2
    assert members.table.font().pointSize() == before_table + 2
    assert members.search.font().pointSize() == before_table + 2
    assert window.bank_name.font().pointSizeF() > before_heading
    assert members.table.verticalHeader().defaultSectionSize() > row_height
    assert Prefs().font_size() == qt.DEFAULT_POINT_SIZE + 2
    window.smaller.click()
    assert qt.point_size() == qt.DEFAULT_POINT_SIZE + 1
    # the settings page's size box follows, and sets it too
    settings = window.go_to("settings")
    assert settings.display_tab.font_size.value() == qt.DEFAULT_POINT_SIZE + 1
    settings.display_tab.font_size.setValue(18)
    assert qt.point_size() == 18 and Prefs().font_size() == 18
    for _ in range(20):
        window.change_font_size(+1)
    assert qt.point_size() == qt.MAX_POINT_SIZE
    # The page names stay whole at the largest size (the list grows with them).
    qtbot.waitUntil(lambda: window.nav.width() >= max(
        window.nav.fontMetrics().horizontalAdvance(window.nav.item(i).text()) for i in range(window.nav.count())))


def test_a_field_in_error_still_follows_the_text_size(qtbot, ctx, window):
    settings = window.go_to("settings")
    settings.tabs.setCurrentIndex(1)
    field = settings.rules_tab.editor.editors["min_saving"].widget
    field.setText("15")
    settings.rules_tab.save()
    assert field.property("error")
    window.change_font_size(+3)
    assert field.font().pointSize() == qt.point_size()
    field.setText("20")
    settings.rules_tab.editor.clear_problems()
    window.change_font_size(-1)
    QApplication.processEvents()
    assert field.font().pointSize() == qt.point_size()


def test_window_state_and_last_page_are_remembered(qtbot, ctx, prefs):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.go_to("settings")
    w.resize(w.width(), w.minimumSizeHint().height() + 10)  # (the offscreen screen is only 800 wide)
    height = w.height()
    w.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert prefs.qs.value("window/main/geometry")
    assert again.height() == height
    assert again.current_page().key == "settings"


def test_keyboard_reaches_the_member_list_from_search(qtbot, ctx, window, book_with_members):
    members = window.current_page()
    members.reload()
    members.activate()
    assert focused() is members.search
    qtbot.keyClick(members.search, Qt.Key.Key_Down)
    assert focused() is members.table
    qtbot.keyClick(members.table, Qt.Key.Key_Down)
    assert members.table.current_row() == 1
    qtbot.keyClick(members.table, Qt.Key.Key_Return)
    assert members.member_view.member.member_no == 2
    qtbot.keyClick(members.member_view, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is members.search
