"""The Book and Help menus: the book workbook saved for the network centre, "where are my files", About."""

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QLabel

import villagebank
from tests.conftest import member_values
from tests.ui.conftest import discard_changes
from villagebank import paths
from villagebank.ui.dialogs import book_files
from villagebank.ui.windows.main_window import MainWindow


@pytest.fixture
def window(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w, before_close_func=discard_changes)
    w.show()
    return w


def menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_menus_offer_the_export_the_files_and_about_in_thai(window):
    assert "ส่งออกไฟล์ Excel ให้ศูนย์เครือข่าย… (&E)" in menu_texts(window.book_menu)
    assert window.help_menu.title() == "ช่วยเหลือ (&H)"
    assert menu_texts(window.help_menu) == ["ไฟล์ของฉันอยู่ที่ไหน (&F)", "เกี่ยวกับโปรแกรม (&A)"]


def test_where_are_my_files_names_the_book_and_its_backups(qtbot, window, ctx):
    dialog = window.show_files()
    texts = {w.text() for w in dialog.findChildren(QLabel)}
    assert str(ctx.book.path) in texts
    assert str(paths.backups_dir_for(ctx.book.path)) in texts
    assert dialog.windowTitle() == "ไฟล์ของฉันอยู่ที่ไหน"
    assert dialog.open_buttons[0].isEnabled()  # the book's folder exists
    dialog.close()


def test_about_shows_the_version(qtbot, window):
    box = window.show_about()
    assert villagebank.__version__ in box.text()
    box.close()


def test_export_writes_the_workbook_and_says_where(qtbot, window, ctx, tmp_path, monkeypatch):
    ctx.book.add_member(member_values("สมศรี"))
    shown = []
    monkeypatch.setattr(book_files.QMessageBox, "exec", lambda self: shown.append(self.informativeText()))
    target = tmp_path / "for-the-centre.xlsx"
    assert book_files.export_workbook(ctx, window, target)
    assert ctx.ops.wait_idle(60_000)
    qtbot.waitUntil(lambda: bool(shown))
    assert target.exists()
    assert "สมาชิก 1 คน" in shown[0] and "ศูนย์เครือข่าย" in shown[0]
    assert "สมาชิก" in load_workbook(target, read_only=True).sheetnames
    QApplication.processEvents()
