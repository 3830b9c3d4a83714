"""Start-up of the GUI: one QApplication, Sarabun loaded, the language set, the book opened (a demo
book is created on first use), the main window shown."""

from __future__ import annotations

import contextlib
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from villagebank import paths
from villagebank.i18n import UserError, _, language_from_environment, set_language

DEFAULT_POINT_SIZE = 13


def load_fonts(app: QApplication, point_size: int = DEFAULT_POINT_SIZE) -> str:
    """Register the bundled Sarabun fonts and make Sarabun the application font."""
    family = ""
    for ttf in sorted(paths.fonts_dir().glob("Sarabun-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id >= 0 and not family:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else ""
    if family:
        app.setFont(QFont(family, point_size))
    return family


def open_or_create(book_path: Path | None):
    """The book at ``book_path`` (default: the user's book), creating a demo book when none exists."""
    from villagebank import demo
    from villagebank.ledger import open_book

    path = book_path or paths.default_book_path()
    if not path.exists():
        return demo.create_demo_book(path)
    # A large book's whole-file checks run after the window is shown (check_in_background).
    return open_book(path, defer_checks=True)


class _DeferredCheck(QObject):
    """Runs the open's deferred whole-file checks in a thread; a damaged book is then shown as such."""

    found = Signal(str)

    def __init__(self, book, parent) -> None:
        super().__init__(parent)
        self.book = book
        self.found.connect(self._show)
        threading.Thread(target=self._run, name="deferred-checks", daemon=True).start()

    def _run(self) -> None:
        try:
            problems = self.book.run_deferred_checks()
            text = problems[0].message() if problems else ""
        except Exception as exc:  # SQLite gave up on a badly damaged file
            text = str(exc)
        if text:
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self.found.emit(text)

    def _show(self, text: str) -> None:
        QMessageBox.critical(self.parent(), _("villagebank"),
                             text + "\n\n" + _("this book is open read-only; nothing can be recorded"))


def check_in_background(book, window) -> None:
    if getattr(book, "deferred_checks", False):
        window._deferred_check = _DeferredCheck(book, window)


def run(book: Path | None = None, argv: list[str] | None = None) -> int:
    set_language(language_from_environment())
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("villagebank")
    app.setOrganizationName("villagebank")
    load_fonts(app)
    try:
        opened = open_or_create(book)
    except UserError as exc:
        QMessageBox.critical(None, _("villagebank"), exc.message())
        return 1
    from villagebank.ui.main_window import MainWindow

    window = MainWindow(opened)
    window.show()
    check_in_background(opened, window)
    try:
        return app.exec()
    finally:
        opened.close()
