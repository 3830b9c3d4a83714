"""A large book's whole-file checks run after the window is shown (App opens with ``defer_checks=True``); damage
found then closes the book and shows the damaged-book screen, as if the open had found it."""

import sqlite3

import pytest

from tests.reliability.commands import deposit
from tests.ui.conftest import when_modal
from villagebank.ledger import BookError, Money, integrity
from villagebank.ui.dialogs.restore import DamagedBookDialog


@pytest.fixture
def large(book, book_path, monkeypatch):
    """A book treated as large (its page check deferred), with more entries than the open's tail check reads."""
    for i in range(integrity.QUICK_TAIL + 5):
        deposit(book, 1000 + i)
    book.close()
    monkeypatch.setattr(integrity, "PAGE_CHECK_MAX_BYTES", 0)
    return book_path


def remove_entry(path, seq):
    con = sqlite3.connect(path)
    for a in ("update", "delete"):
        con.execute(f"DROP TRIGGER IF EXISTS entry_no_{a}")
        con.execute(f"DROP TRIGGER IF EXISTS posting_no_{a}")
    con.execute("DELETE FROM posting WHERE entry_seq = ?", (seq,))
    con.execute("DELETE FROM entry WHERE seq = ?", (seq,))
    con.commit()
    con.close()


def test_damage_found_after_the_window_is_shown(qtbot, controller, large):
    remove_entry(large, 2)  # an old entry: only the deferred count of entries sees it
    seen = []

    def read_only(dialog) -> None:
        if isinstance(dialog, DamagedBookDialog):
            seen.append(dialog)
            dialog.view_button.click()

    when_modal(qtbot, read_only, timeout_ms=30_000)
    controller.start(large)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert controller.deferred_check is not None  # the window was shown first, then the check found the gap
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible(), timeout=30_000)
    controller.ops.wait_idle()
    book = controller.book
    assert book.readonly and book.damage and "1" in book.damage[0].message()
    assert controller.window.readonly_banner.isVisible()
    with pytest.raises(BookError):  # nothing is recorded in it any more
        book.deposit(1, Money.baht(10))


def test_a_sound_large_book_stays_open_for_recording(qtbot, controller, large):
    controller.start(large)
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible(), timeout=30_000)
    assert controller.deferred_check is None  # not while the window is first painted
    qtbot.waitUntil(lambda: controller.deferred_check is not None, timeout=5_000)
    check = controller.deferred_check
    check.thread.join(30)
    qtbot.wait(50)
    assert controller.book is check.book and not controller.book.readonly and not controller.book.damage
    assert not controller.book.deferred_checks
