"""Every page fits a laptop's 1366×768 screen in Thai at the default text size: no page makes the main
window wider than the screen (long labels wrap, action buttons sit in rows that fit)."""

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import discard_changes
from villagebank.ui.pages import pages_for
from villagebank.ui.windows.main_window import MainWindow


@pytest.fixture
def window(qtbot, saving_book, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w, before_close_func=discard_changes)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w or w.isVisible())
    return w


def test_every_page_fits_1366_pixels(qtbot, ctx, window):
    too_wide = {}
    for cls in pages_for(ctx.book):
        page = window.go_to(cls.key)
        for index in range(getattr(getattr(page, "tabs", None), "count", lambda: 0)()):
            page.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            if window.minimumSizeHint().width() > 1366:
                too_wide[f"{cls.key}[{index}]"] = window.minimumSizeHint().width()
        QApplication.processEvents()
        if window.minimumSizeHint().width() > 1366:
            too_wide[cls.key] = window.minimumSizeHint().width()
    assert not too_wide, too_wide


def test_every_page_is_listed_without_scrolling_on_a_768_pixel_screen(qtbot, ctx, window):
    """The navigation list shows all eleven pages in a 1366×768 window (the demo banner included): the backup
    page was below the fold (found by the manual's author)."""
    window.resize(1366, 768)
    QApplication.processEvents()
    nav = window.nav
    assert window.minimumSizeHint().height() <= 768
    last = nav.visualItemRect(nav.item(nav.count() - 1))
    assert last.bottom() <= nav.viewport().height(), (last, nav.viewport().height())
