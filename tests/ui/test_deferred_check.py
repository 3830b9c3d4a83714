"""A large book's whole-file checks run after the window is shown; damage found then is shown and stops recording."""

import sqlite3

from PySide6.QtWidgets import QMessageBox

from tests.reliability.commands import deposit
from villagebank.ledger import integrity, open_book
from villagebank.ui.app import check_in_background
from villagebank.ui.main_window import MainWindow


def test_damage_found_after_the_window_is_shown(qtbot, book, book_path, monkeypatch):
    for i in range(integrity.QUICK_TAIL + 5):
        deposit(book, 1000 + i)
    book.close()
    con = sqlite3.connect(book_path)
    for a in ("update", "delete"):
        con.execute(f"DROP TRIGGER IF EXISTS entry_no_{a}")
        con.execute(f"DROP TRIGGER IF EXISTS posting_no_{a}")
    con.execute("DELETE FROM posting WHERE entry_seq = 2")
    con.execute("DELETE FROM entry WHERE seq = 2")
    con.commit()
    con.close()
    monkeypatch.setattr(integrity, "PAGE_CHECK_MAX_BYTES", 0)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    opened = open_book(book_path, defer_checks=True)
    try:
        window = MainWindow(opened)
        qtbot.addWidget(window)
        window.show()
        check_in_background(opened, window)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        assert opened.readonly and opened.damage
        assert "1" in shown[0]  # the gap names the missing entry numbers
    finally:
        opened.close()
