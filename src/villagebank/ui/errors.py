"""Errors as the treasurer sees them: a plain message in her language, never a traceback.

* A :class:`~villagebank.i18n.UserError` (bad input, a rule refusing, the disk full...) is shown as it
  renders itself: ``"Field: message"``.
* Anything else is a bug: the traceback goes to the log file, and the user reads that something went
  wrong, that what was saved before is safe, and where the details are.

:func:`install_excepthook` makes this the behaviour for exceptions escaping Qt slots and event handlers
(PySide6 reports those through ``sys.excepthook``) and for threads.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from villagebank import paths
from villagebank.i18n import N_, UserError, _

log = logging.getLogger("villagebank.ui")

_showing = False  # one message box at a time: a failing paint must not stack dozens of boxes
_log_path: Path | None = None


def log_file() -> Path:
    return _log_path or paths.user_data_dir() / "logs" / "villagebank.log"


def setup_logging() -> Path:
    """Log to ``<data>/logs/villagebank.log`` (rotated at 1 MB, 3 kept); returns the path."""
    global _log_path
    path = paths.user_data_dir() / "logs" / "villagebank.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                                         encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("villagebank")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    _log_path = path
    return path


def _parent(parent: QWidget | None) -> QWidget | None:
    if parent is not None:
        return parent
    return QApplication.activeWindow()


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message with one button in our own words (Qt has no Thai for its buttons)."""
    box = QMessageBox(_parent(parent))
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    ok = box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    box.exec()
    box.deleteLater()


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show any exception the right way: a UserError as itself, anything else as an unexpected problem."""
    if isinstance(exc, UserError):
        show_user_error(parent, exc)
    else:
        report_unexpected(parent, exc)


def show_user_error(parent: QWidget | None, exc: UserError) -> None:
    global _showing
    log.info("refused: %s%s", exc.template, f" ({exc.technical})" if getattr(exc, "technical", "") else "")
    if _showing:
        return
    _showing = True
    try:
        message = exc.message()
        if detail := getattr(exc, "technical", ""):  # SQLite's own words (a damaged file), for the person helping
            message += "\n\n" + _("Technical detail for the person helping you: {detail}").format(detail=detail)
        message_box(parent, QMessageBox.Icon.Warning, _("Please check"), message)
    finally:
        _showing = False


UNEXPECTED = N_("Something unexpected went wrong, and this action did not finish.\n\n"
                "Everything saved before is safe. If it happens again, please give the file\n{path}\n"
                "to the person who helps you with the program.")


def report_unexpected(parent: QWidget | None, exc: BaseException, tb: TracebackType | None = None) -> None:
    global _showing
    details = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
    log.error("unexpected error\n%s", details)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        message_box(parent, QMessageBox.Icon.Critical, _("Something went wrong"),
                    _(UNEXPECTED).format(path=str(log_file())))
    finally:
        _showing = False


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        if isinstance(exc, UserError):
            show_user_error(None, exc)
        else:
            report_unexpected(None, exc, tb)
    except Exception:  # never let the hook itself raise
        sys.__excepthook__(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        log.error("unexpected error in thread %s\n%s", args.thread.name if args.thread else "?",
                  "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)))


def install_excepthook() -> None:
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
