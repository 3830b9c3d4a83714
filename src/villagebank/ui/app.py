"""Start-up of the GUI and the switching between books.

``run()``: one QApplication (Fusion style, Sarabun at the user's text size, our Thai for Qt's own
buttons), errors shown in plain words and logged (never a traceback), the language from the
preferences, then :class:`App` decides what to show:

* ``--book PATH`` that exists, else the last book opened on this computer, else the default book in the
  data folder: it is opened (on the writer thread: an upgrade may take a while) and the main window
  shows it;
* no book at all: the first-run screen (try the demo book — the default, one Enter —, create my bank,
  open a book file). ``make run`` on a fresh machine therefore shows the first-run screen and Enter opens
  the demo book, which lives apart from the real book (``demo.vbk``) and is marked as the demo on screen.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

import villagebank
from villagebank import paths
from villagebank.i18n import _, language_from_environment, set_language
from villagebank.ledger import Book, BookError, Rules, create_book, open_book
from villagebank.ui import errors, qt
from villagebank.ui.context import Context
from villagebank.ui.ops import Ops
from villagebank.ui.settings import Prefs

DEFAULT_POINT_SIZE = qt.DEFAULT_POINT_SIZE
DEMO_BOOK_NAME = "demo.vbk"
DEFERRED_CHECK_DELAY_MS = 500  # a large book's whole-file checks start this long after its window is shown


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


def setup_application(app: QApplication, prefs: Prefs) -> None:
    """Style, fonts, style sheet and Qt's own strings: everything a window needs before it is built."""
    app.setApplicationName("villagebank")
    app.setOrganizationName("villagebank")
    app.setApplicationVersion(villagebank.__version__)  # for the About box
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("villagebank")  # Linux: matches packaging/linux/villagebank.desktop
    qt.apply_theme(app)
    load_fonts(app, prefs.font_size())
    if not getattr(app, "_vb_translator", None):
        app._vb_translator = qt.install_qt_translator(app)  # type: ignore[attr-defined]


def demo_book_path() -> Path:
    return paths.user_data_dir() / DEMO_BOOK_NAME


def is_demo(book: Book) -> bool:
    """The demo book: the one at the demo path, or one made by ``create_demo_book`` (user "demo")."""
    if book.path.resolve() == demo_book_path().resolve():
        return True
    history = book.rules_history()
    return bool(history) and history[0][1] == "demo"


def free_book_path() -> Path:
    """The default book path, or ``book-2.vbk``, ``book-3.vbk``… beside it when taken."""
    first = paths.default_book_path()
    if not first.exists():
        return first
    n = 2
    while True:
        candidate = first.with_name(f"{first.stem}-{n}{first.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


class DeferredCheck(QObject):
    """Runs a large book's deferred whole-file checks (``open_book(defer_checks=True)``) in a thread of its
    own once the window is shown (not on the writer thread: recording goes on meanwhile). ``damaged`` is
    emitted, in the GUI thread, when they find damage: the book is then already closed for recording."""

    damaged = Signal(object)  # the Book

    def __init__(self, book: Book, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.thread = threading.Thread(target=self._run, name="deferred-checks", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        if self.book.run_deferred_checks():
            with contextlib.suppress(RuntimeError):  # the application was closed meanwhile
                self.damaged.emit(self.book)


class App(QObject):
    """Which book is open and which window shows it. One per process."""

    def __init__(self, qapp: QApplication, prefs: Prefs | None = None, *,
                 quit: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.qapp = qapp
        self.quit = quit or qapp.quit
        self.prefs = prefs or Prefs()
        self.ops = Ops(self)
        self.book: Book | None = None
        self.ctx: Context | None = None
        self.window = None  # MainWindow
        self.first_run = None  # FirstRunWindow
        self.new_book_path: Path | None = None
        self._switching = False
        # The questions asked around opening and restoring (ui/safety.py), while they are shown.
        self.damaged_dialog = self.login_dialog = self.restore_dialog = None
        self.deferred_check: DeferredCheck | None = None
        self.last_restore = None
        qapp.setQuitOnLastWindowClosed(False)

    # --- starting ------------------------------------------------------------------------------
    def start(self, book_path: Path | None = None) -> None:
        if book_path is not None and not book_path.exists():
            self.new_book_path = book_path
            self.show_first_run()
            return
        path = book_path or self._remembered_book()
        if path is None and os.environ.get("VILLAGEBANK_DEMO_IF_EMPTY") == "1":
            self.open_demo()  # `make run` on a fresh checkout: straight into the demo book
        elif path is None:
            self.show_first_run()
        else:
            self.open(path)

    def _remembered_book(self) -> Path | None:
        last = self.prefs.last_book()
        if last is not None and last.exists():
            return last
        default = paths.default_book_path()
        return default if default.exists() else None

    # --- first run -----------------------------------------------------------------------------
    def show_first_run(self, message: str = "", *, step: int | None = None) -> None:
        from villagebank.ui.windows.first_run import FirstRunWindow

        if self.first_run is None:
            self.first_run = FirstRunWindow(self.prefs, message=message)
            self.first_run.demo_requested.connect(self.open_demo)
            self.first_run.open_requested.connect(self.choose_book_file)
            self.first_run.restore_requested.connect(lambda: self.restore_backup())
            self.first_run.create_requested.connect(self.create_bank)
            self.first_run.import_requested.connect(lambda: self.import_workbook())
            self.first_run.finished.connect(self._first_run_closed)
        elif message:
            self.first_run.message.setText(message)
            self.first_run.message.setVisible(True)
        if step is not None:
            self.first_run.show_step(step)
        self.first_run.show()
        self.first_run.raise_()
        self.first_run.activateWindow()

    def _first_run_closed(self, _result: int) -> None:
        window, self.first_run = self.first_run, None
        if window is not None:
            window.deleteLater()
        if self.window is None and not self.ops.busy:
            self.quit()

    def _parent(self) -> QWidget | None:
        return self.first_run if self.first_run is not None else self.window

    # --- opening and creating ------------------------------------------------------------------
    def open(self, path: Path, *, readonly: bool = False) -> None:
        # A large book's checks that read the whole file run once its window is shown (DeferredCheck).
        self.ops.run(lambda _ctx: open_book(path, readonly=readonly, defer_checks=not readonly), done=self.show_book,
                     failed=lambda exc: self._open_failed(exc, path), key="open", long=True,
                     label=_("Opening the book…"), parent=self._parent())

    def _open_failed(self, exc: BaseException, path: Path | None = None) -> None:
        from villagebank.ui import safety

        if (isinstance(exc, BookError) and path is not None and exc.reason in ("in_use", "damaged", "readonly")
                and safety.offer_read_only(self, exc, path)):
            return
        if isinstance(exc, BookError) and exc.reason == "in_use" and self.window is None:
            errors.show_error(self.first_run, exc)
            if self.first_run is None:
                self.quit()
            return
        if self.window is None:
            self.show_first_run(str(exc))
        else:
            errors.show_error(self.window, exc)

    def open_demo(self) -> None:
        path = demo_book_path()
        if path.exists():
            self.open(path)
            return
        from villagebank import demo

        if self.first_run is not None:
            self.first_run.set_busy(True)
        self.ops.run(lambda _ctx: demo.create_demo_book(path), done=self.show_book, failed=self._create_failed,
                     key="demo", long=True, label=_("Preparing the demo book…"), parent=self._parent())

    def create_bank(self, values: dict, rules: Rules) -> None:
        path = self.new_book_path or free_book_path()
        self.ops.run(lambda: create_book(path, rules=rules, **values), done=self._created,
                     failed=self._create_failed, key="create", parent=self._parent())

    def _created(self, book: Book) -> None:
        self.new_book_path = None
        self.show_book(book)
        if self.ctx is not None:
            self.ctx.say(_("Your bank's book was created: {path}").format(path=str(book.path)))

    def _create_failed(self, exc: BaseException) -> None:
        if self.first_run is not None:
            self.first_run.failed(exc)
        else:
            errors.show_error(self.window, exc)

    def choose_book_file(self) -> None:
        start = str(paths.user_data_dir()) if paths.user_data_dir().exists() else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(self._parent(), _("Open a book file"), start,
                                                    _("Village bank books (*.vbk);;All files (*)"))
        if name:
            self.open(Path(name))

    def restore_backup(self, file: Path | None = None) -> None:
        """First run on a new computer: a backup checked, shown, copied into this computer's data folder, opened."""
        from villagebank.ui import safety

        if file is None:
            start = str(Path.home())
            name, _filter = QFileDialog.getOpenFileName(self._parent(), _("Choose the backup to restore"), start,
                                                        _("Village bank books (*.vbk);;All files (*)"))
            if not name:
                return
            file = Path(name)
        safety.restore_file(self, self.new_book_path or free_book_path(), file)

    def import_workbook(self, workbook: Path | None = None):
        """Import a book workbook into a new book (checked first; every problem listed by cell)."""
        from villagebank.ui.dialogs.import_workbook import ImportDialog, choose_workbook

        workbook = workbook or choose_workbook(self._parent())
        if workbook is None:
            return None
        path = self.new_book_path or free_book_path()
        dialog = ImportDialog(self.ops, path, workbook, self._parent(), imported=self.open)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        dialog.check()
        return dialog

    def new_bank(self) -> None:
        from villagebank.ui.windows.first_run import BANK_STEP

        self.show_first_run(step=BANK_STEP)

    # --- showing a book ------------------------------------------------------------------------
    def show_book(self, book: Book) -> None:
        from villagebank.ui import safety
        from villagebank.ui.windows.main_window import MainWindow

        if not safety.sign_in(self, book):  # user accounts on: nobody gets in without signing in
            return

        old_window = self.window
        old_book = self.book
        old_ctx = self.ctx
        self.book = book
        self.ctx = Context(book, self.ops, self.prefs, self)
        self.ctx.actions.update(new_bank=self.new_bank, open_book=self.choose_book_file, open_demo=self.open_demo)
        self.ctx.actions["restore"] = lambda file: safety.restore_open_book(self, file)
        self.window = MainWindow(self.ctx, demo=is_demo(book))
        self.window.closed.connect(self._window_closed)
        self.prefs.set_last_book(book.path)
        self.window.show()
        if old_window is not None:
            self._switching = True
            old_window.close()
            old_window.deleteLater()
            self._switching = False
        if old_book is not None and old_book is not book:
            old_book.close()
        if old_ctx is not None:
            old_ctx.deleteLater()
        if self.first_run is not None:
            first_run, self.first_run = self.first_run, None
            first_run.finished.disconnect(self._first_run_closed)
            first_run.close()
            first_run.deleteLater()
        if getattr(book, "deferred_checks", False):
            # Once the window is painted and its first page filled: the checks read the whole file (seconds) and
            # would otherwise take the second core from the window's first paint.
            QTimer.singleShot(DEFERRED_CHECK_DELAY_MS, lambda: self._check_later(book))

    def _check_later(self, book: Book) -> None:
        """Start the deferred checks of ``book`` if it is still the open book (and they have not started)."""
        if self.book is not book or (self.deferred_check is not None and self.deferred_check.book is book):
            return
        self.deferred_check = DeferredCheck(book, self)
        self.deferred_check.damaged.connect(self._damage_found_later)

    def _damage_found_later(self, book: Book) -> None:
        """The deferred checks found damage: the book is closed and its window with it, and the damaged-book
        screen is shown as if the open had found it (restore from a backup, or look at it read-only)."""
        if self.book is not book:
            return
        from villagebank.ui import safety

        exc = book.damage_error()
        self.close_window_and_book()
        safety.offer_read_only(self, exc, book.path)

    def close_window_and_book(self) -> None:
        """Close the main window (without quitting: something else is shown next) and the book."""
        window = self.window
        if window is not None:
            self._switching = True
            window.close()
            window.deleteLater()
            self._switching = False
            self.window = None
        self.close_book()

    def _window_closed(self) -> None:
        if self._switching:
            return
        from villagebank.ui import safety

        self.window = None
        safety.backup_on_close(self)
        self.close_book()
        if self.first_run is None:
            self.quit()

    def close_book(self) -> None:
        self.ops.wait_idle()
        if self.book is not None:
            self.book.close()
            self.book = None

    def shutdown(self) -> None:
        self.ops.shutdown()
        if self.book is not None:
            self.book.close()
            self.book = None


def run(book: Path | None = None, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    errors.setup_logging()
    errors.install_excepthook()
    prefs = Prefs()
    set_language(prefs.language(language_from_environment()))
    setup_application(app, prefs)
    controller = App(app, prefs)
    controller.start(book)
    smoke_ms = os.environ.get("VILLAGEBANK_SMOKE_QUIT_MS")
    if smoke_ms:  # packaging/smoke.sh: quit this long after start-up (the window has been shown by then)
        QTimer.singleShot(int(smoke_ms), app.quit)
    try:
        return app.exec()
    finally:
        controller.shutdown()

