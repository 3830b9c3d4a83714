"""The page registry: each screen of the main window is one :class:`Page` subclass, registered once.

Adding a screen (meeting day, shares, loans, cash book, welfare, year end, reports, backup) is one class
in one module under ``ui/pages/`` decorated with :func:`register`, plus its import in
``ui/pages/__init__.py`` (explicit, so packaging finds it). The navigation list shows the registered
pages in ``order``, only those whose :meth:`Page.available` says the open book supports them, so nothing
appears before it works.

Order numbers leave room for the pages to come (issue 7's list): overview 10, meeting day 20, members
30, shares 40, loans 50, cash book 60, welfare & partners 70, year end 80, reports 90, settings 100,
backup 110.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

from villagebank.ledger import Book
from villagebank.ui.context import Context
from villagebank.ui.qt import Texts


class Page(QWidget):
    key: ClassVar[str] = ""
    title: ClassVar[str] = ""  # an N_ msgid: the navigation entry
    tooltip: ClassVar[str] = ""  # an N_ msgid: what the page is for, in plain words
    order: ClassVar[int] = 0

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = Texts()

    @classmethod
    def available(cls, book: Book) -> bool:
        """Whether the open book supports this page (e.g. ``hasattr(book, "open_meeting")``)."""
        return True

    def activate(self) -> None:
        """Called each time the page is shown: refresh what may have changed."""

    def can_leave(self) -> bool:
        """Called before another page is shown; ask about unsaved changes here. True lets it go."""
        return True


PAGES: list[type[Page]] = []


def register(cls: type[Page]) -> type[Page]:
    if not cls.key or not cls.title:
        raise TypeError(f"{cls.__name__} needs a key and a title")
    if any(p.key == cls.key for p in PAGES):
        raise TypeError(f"a page with key {cls.key!r} is already registered")
    PAGES.append(cls)
    PAGES.sort(key=lambda p: p.order)
    return cls


def pages_for(book: Book) -> list[type[Page]]:
    return [p for p in PAGES if p.available(book)]
