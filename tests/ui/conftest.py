"""GUI test helpers: a real application set-up (Sarabun, style sheet, Qt strings in Thai), a context on
a real temporary book, typing Thai by keyboard, and answering the modal questions the program asks.

``qtbot.keyClicks`` with Thai text aborts pytest (a Qt assert; stack-notes): :func:`type_text` sends one
key event carrying each character instead, which is how an input method delivers Thai.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from villagebank.ui import app as uiapp
from villagebank.ui import qt
from villagebank.ui.context import Context
from villagebank.ui.ops import Ops
from villagebank.ui.settings import Prefs


@pytest.fixture
def prefs(qapp) -> Prefs:
    p = Prefs()
    uiapp.setup_application(qapp, p)
    qt.set_point_size(qt.DEFAULT_POINT_SIZE)
    yield p
    qt.set_point_size(qt.DEFAULT_POINT_SIZE)


@pytest.fixture
def ops(qapp):
    o = Ops()
    yield o
    o.shutdown()


@pytest.fixture
def ctx(book, ops, prefs) -> Context:
    return Context(book, ops, prefs)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character (works for Thai)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def press(qtbot, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def when_modal(qtbot, action: Callable[[QWidget], None], timeout_ms: int = 5000) -> list[QWidget]:
    """Schedule ``action(modal_widget)`` for the next modal dialog the code under test opens with
    ``exec()`` (which blocks). Returns a list that will hold the dialog, to assert on afterwards.

    A dialog that is already the modal one when this is called is not "the next" (on a loaded machine the
    timer can fire before the new dialog has become the active modal widget)."""
    seen: list[QWidget] = []
    waited = [0]
    already = QApplication.activeModalWidget()

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not already and modal.isVisible():
            seen.append(modal)
            action(modal)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def open_main_window(qtbot, ctx):
    """The main window on ``ctx``'s book, shown and active (closed at the end of the test, unsaved rules
    discarded)."""
    from villagebank.ui.windows.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w, before_close_func=discard_changes)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


def discard_changes(window) -> None:
    """Before a test closes the main window: forget unsaved rules (closing would ask, and wait)."""
    for page in window.pages.values():
        if page.key == "settings":
            page.rules_tab.load()


@pytest.fixture
def controller(qapp, prefs):
    """The application object (which book is open, which window shows it), shut down after the test."""
    from villagebank.ui import app as uiapp

    quits: list[bool] = []
    ctl = uiapp.App(qapp, prefs, quit=lambda: quits.append(True))
    ctl.quits = quits
    yield ctl
    if ctl.window is not None:
        ctl.window.close()
    if ctl.first_run is not None:
        ctl.first_run.close()
    ctl.shutdown()
