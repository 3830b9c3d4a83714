"""Alt+letter keys: on every page, each letter underlined in a button, tab or label leads to one place, and
none is taken by the menu bar (Alt+B opened the Book menu instead of "Back up now": found by reading the manual
cold)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenuBar, QTabBar, QTabWidget

from tests.ui.conftest import open_main_window
from villagebank.i18n import set_language
from villagebank.ui.pages.base import pages_for

MNEMONIC = re.compile(r"&([^&\s])")


def letters(text: str) -> list[str]:
    return [m.group(1).upper() for m in MNEMONIC.finditer(text.replace("&&", ""))]


def page_mnemonics(page) -> dict[str, list[str]]:
    """Letter -> the texts that underline it, among the page's widgets shown on screen."""
    found: dict[str, list[str]] = defaultdict(list)
    for w in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
        if not w.isVisibleTo(page):
            continue
        if isinstance(w, QLabel) and w.buddy() is None:
            continue  # a label's letter only works with a buddy
        for letter in letters(w.text()):
            found[letter].append(w.text())
    for bar in page.findChildren(QTabBar):
        if bar.isVisibleTo(page):
            for i in range(bar.count()):
                for letter in letters(bar.tabText(i)):
                    found[letter].append(bar.tabText(i))
    return found


@pytest.mark.parametrize("lang", ["th", "en"])
def test_alt_letters_are_unique_on_every_page_and_free_of_the_menu_bar(qtbot, ctx, saving_book, lang):
    set_language(lang)
    window = open_main_window(qtbot, ctx)
    menu = {letter for a in window.findChild(QMenuBar).actions() for letter in letters(a.text())}
    assert menu, "the menu bar has its Alt letters"
    problems = []
    for spec in pages_for(ctx.book):
        page = window.go_to(spec.key)
        ctx.ops.wait_idle()
        tabs = [(w, i) for w in page.findChildren(QTabWidget) for i in range(w.count())] or [(None, 0)]
        for widget, index in tabs:  # every tab of the page in turn (the hidden ones' keys do not work)
            if widget is not None:
                widget.setCurrentIndex(index)
            for letter, texts in page_mnemonics(page).items():
                if letter in menu:
                    problems.append(f"{spec.key}: Alt+{letter} is the menu bar's, also {texts}")
                elif len(texts) > 1:
                    problems.append(f"{spec.key}: Alt+{letter} twice: {texts}")
    set_language("th")
    assert not problems, "\n".join(sorted(set(problems)))
