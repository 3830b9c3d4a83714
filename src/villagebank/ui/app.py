"""Start-up of the GUI: one QApplication, Sarabun loaded, the language set, the book opened (a demo
book is created on first use), the main window shown."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import villagebank
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


def app_icon() -> QIcon:
    """The app's icon in every size made (resources/icons), for the windows and the task bar."""
    icon = QIcon()
    for png in sorted(paths.icons_dir().glob("villagebank-*.png")):
        icon.addFile(str(png))
    return icon


def open_or_create(book_path: Path | None):
    """The book at ``book_path`` (default: the user's book), creating a demo book when none exists."""
    from villagebank import demo
    from villagebank.ledger import open_book

    path = book_path or paths.default_book_path()
    if not path.exists():
        return demo.create_demo_book(path)
    return open_book(path)


def run(book: Path | None = None, argv: list[str] | None = None) -> int:
    set_language(language_from_environment())
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("villagebank")
    app.setOrganizationName("villagebank")
    app.setApplicationVersion(villagebank.__version__)  # for the About box
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("villagebank")  # Linux: matches packaging/linux/villagebank.desktop
    load_fonts(app)
    try:
        opened = open_or_create(book)
    except UserError as exc:
        QMessageBox.critical(None, _("villagebank"), exc.message())
        return 1
    from villagebank.ui.main_window import MainWindow

    window = MainWindow(opened)
    window.show()
    smoke_ms = os.environ.get("VILLAGEBANK_SMOKE_QUIT_MS")
    if smoke_ms:  # packaging/smoke.sh: quit this long after the window is shown (painted) in the event loop
        QTimer.singleShot(int(smoke_ms), app.quit)
    try:
        return app.exec()
    finally:
        opened.close()
