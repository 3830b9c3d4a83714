"""What the application does to keep the books safe around opening and closing a book:

* a **damaged book** opens on a "restore from backup" screen (restore the newest backup, another file, or
  look at it read-only — never record in it);
* a book **open in another window** (a second instance) or a read-only file: a polite message, and the
  choice to open it read-only;
* **user accounts** switched on: nobody gets in without signing in;
* **restore** of the open book: the window and the book are closed, the backup is checked again and put in
  place (the replaced book kept aside), and the restored book is opened;
* an automatic, verified **backup when the program closes** (kind ``close``, rotated).

The functions take the :class:`~villagebank.ui.app.App` that owns the book and the windows.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from villagebank.i18n import _
from villagebank.ledger import Book, BookError, LedgerError, open_book
from villagebank.ledger.backup import inspect_backup, restore
from villagebank.ui import errors
from villagebank.ui.dialogs.common import confirm
from villagebank.ui.dialogs.restore import READ_ONLY, RESTORE, DamagedBookDialog, RestoreDialog

if TYPE_CHECKING:
    from villagebank.ui.app import App

log = logging.getLogger("villagebank.ui.safety")


# --- opening --------------------------------------------------------------------------------------------
def offer_read_only(app: App, exc: BookError, path: Path) -> bool:
    """A book that cannot be opened for recording: say why and offer what can be done. True when handled."""
    parent = app._parent()
    if exc.reason == "damaged":
        message = exc.message()
        if getattr(exc, "technical", ""):
            message += "\n\n" + _("Technical detail for the person helping you: {detail}").format(
                detail=exc.technical)
        dialog = DamagedBookDialog(path, message, getattr(exc, "newest_backup", None), parent)
        app.damaged_dialog = dialog
        result = dialog.exec()
        file = dialog.file
        dialog.deleteLater()
        app.damaged_dialog = None
        if result == RESTORE and file is not None:
            restore_file(app, path, file)
        elif result == READ_ONLY:
            app.open(path, readonly=True)
        else:
            _nothing_open(app)
        return True
    if exc.reason in ("in_use", "readonly"):
        title = _("The book is already open") if exc.reason == "in_use" else _("The book cannot be written")
        more = _("You can open it read-only: to look at it and print, without recording anything.")
        if confirm(parent, title, exc.message(), _("Open it read-only"), _("Close"),
                   icon=QMessageBox.Icon.Information, details=more):
            app.open(path, readonly=True)
        elif app.window is None and app.first_run is None:
            app.quit()
        return True
    return False


def _nothing_open(app: App) -> None:
    if app.window is None:
        app.show_first_run()


def sign_in(app: App, book: Book) -> bool:
    """Ask for the user's name and password when the book has accounts; False (book closed) when declined."""
    if book.readonly or not book.access_enabled or book.signed_in is not None:
        return True
    from villagebank.ui.dialogs.login import LoginDialog

    dialog = LoginDialog(book, app._parent())
    app.login_dialog = dialog
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    app.login_dialog = None
    if ok:
        return True
    book.close()
    _nothing_open(app)
    return False


# --- restoring ------------------------------------------------------------------------------------------
def restore_file(app: App, book_path: Path, file: Path, *, ask: bool = True) -> None:
    """Check ``file``, show what it restores and ask (unless ``ask`` is False), then restore and open."""
    check = inspect_backup(file, book_path if book_path.exists() else None)
    if ask:
        dialog = RestoreDialog(check, app._parent())
        app.restore_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        app.restore_dialog = None
        if not accepted or not check.ok:
            _nothing_open(app)
            return
    elif not check.ok:
        errors.show_error(app._parent(), check.error)
        return
    _run_restore(app, book_path, file)


def restore_open_book(app: App, file: Path) -> None:
    """Restore the open book from ``file`` (already checked and confirmed): close it, restore, reopen."""
    if app.book is None:
        return
    path = app.book.path
    app.close_window_and_book()
    _run_restore(app, path, file)


def _run_restore(app: App, book_path: Path, file: Path) -> None:
    def done(result) -> None:
        app.last_restore = result
        _open_then_say(app, book_path, _("The book was restored from {file}. The book as it was is kept as "
                                         "{aside}.").format(file=file.name,
                                                            aside=result.aside.name if result.aside else "-"))

    def failed(exc: BaseException) -> None:
        errors.show_error(app._parent(), exc)
        app.open(book_path)

    app.ops.run(lambda _op: restore(book_path, file), done=done, failed=failed, key="restore", long=True,
                parent=app._parent(), label=_("Checking the backup and restoring the book…"))


def _open_then_say(app: App, path: Path, message: str) -> None:
    def opened(book: Book) -> None:
        app.show_book(book)
        if app.ctx is not None:
            app.ctx.say(message)

    app.ops.run(lambda _op: open_book(path), done=opened,
                failed=lambda exc: app._open_failed(exc, path), key="open", long=True,
                label=_("Opening the book…"), parent=app._parent())


# --- closing --------------------------------------------------------------------------------------------
def backup_on_close(app: App) -> None:
    """The automatic verified backup when the program closes (not for a read-only or damaged book)."""
    book = app.book
    if book is None or book.readonly or getattr(book, "damage", ()):
        return
    app.ops.run(lambda: book.backup(kind="close"), failed=lambda exc: _backup_failed(exc))
    app.ops.wait_idle()


def _backup_failed(exc: BaseException) -> None:
    log.error("backup on close failed: %s", exc)
    if isinstance(exc, LedgerError):
        errors.message_box(None, QMessageBox.Icon.Warning, _("The backup was not made"),
                           _("The automatic backup on closing could not be made: {reason}\n\nThe book itself is "
                             "safe. Make a backup from the Backup page next time.").format(reason=exc.message()))
    else:
        errors.report_unexpected(None, exc)
