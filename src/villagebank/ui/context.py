"""What every screen of an open book shares: the book, the writer thread, the preferences, and a signal
that says what changed (so the members list refreshes after the meeting day registers a member, etc.)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from villagebank import i18n
from villagebank.ledger import Book
from villagebank.ui import qt
from villagebank.ui.ops import Op, Ops
from villagebank.ui.settings import Prefs

# Topics for Context.changed. Later books add theirs ("shares", "loans", "cash", "meeting", ...).
MEMBERS = "members"
BANK = "bank"
RULES = "rules"


class Context(QObject):
    changed = Signal(str)  # a topic: what in the book has changed
    status = Signal(str)  # a short message for the status bar

    def __init__(self, book: Book, ops: Ops, prefs: Prefs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.ops = ops
        self.prefs = prefs
        # Set by the application: opening other books, creating a bank (menus, demo banner).
        self.actions: dict[str, Callable[[], Any]] = {}

    def today(self) -> dt.date:
        return self.book.clock.today()

    def run(self, fn: Callable[..., Any], *, topic: str | None = None, done: Callable[[Any], Any] | None = None,
            **kw: Any) -> Op | None:
        """Run a command on the writer thread; on success announce ``topic`` and call ``done``."""

        def finished(result: Any) -> None:
            if topic:
                self.changed.emit(topic)
            if done is not None:
                done(result)

        return self.ops.run(fn, done=finished, **kw)

    def say(self, message: str) -> None:
        self.status.emit(message)

    # --- preferences applied live ---------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.prefs.set_language(lang)
        if lang != i18n.current_language():
            i18n.set_language(lang)

    def set_font_size(self, size: int) -> int:
        used = qt.set_point_size(size)
        self.prefs.set_font_size(used)
        return used

    def parent_window(self, widget: QWidget | None = None) -> QWidget | None:
        return widget.window() if widget is not None else None
