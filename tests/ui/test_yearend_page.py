"""Year end against a real book: the preview (the AGM table to the satang, the payout list), blockers named,
the close after a warning (a year-close backup first, the year locked), the PDF of the allocation, a payout
paid, and reopening with a reason."""

import shutil
import subprocess

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ledger.test_yearend import build_year
from tests.ui.conftest import open_main_window, type_text, when_modal
from villagebank.i18n import _
from villagebank.ui.dialogs.common import ReasonDialog


@pytest.fixture
def year_book(book, clock):
    return build_year(book, clock)


@pytest.fixture
def window(qtbot, year_book, ctx):
    return open_main_window(qtbot, ctx)


@pytest.fixture
def page(window):
    return window.go_to("yearend")


def accept(box: QMessageBox) -> None:
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()


def test_preview_then_close_the_year(qtbot, ctx, year_book, page, tmp_path):
    book = year_book
    assert page.fiscal_year() == 2025
    assert not page.closed and page.close_button.isEnabled()
    texts = [page.pools_model.data(page.pools_model.index(r, 2)) for r in range(page.pools_model.rowCount())]
    assert "1,000.01" in texts  # net profit 100001 satang, and the total allocated
    assert page.payouts_model.rowCount() == len(book.preview_close(2025).payouts)
    assert page.blockers.ok
    backups_before = len(book.backups())

    def warned_then_yes(box: QMessageBox) -> None:
        assert box.icon() == QMessageBox.Icon.Warning
        assert _("Close and lock the year") in [b.text() for b in box.buttons()]
        assert _("backup") in box.informativeText() or "สำรอง" in box.informativeText()
        accept(box)

    seen = when_modal(qtbot, warned_then_yes)
    page.close_button.click()
    assert seen
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: book.is_year_closed(2025))
    assert len(book.backups()) == backups_before + 1
    assert any(b.kind == "year_close" for b in book.backups())
    qtbot.waitUntil(lambda: page.closed)
    assert "1,000.01" in [page.pools_model.data(page.pools_model.index(r, 2))
                          for r in range(page.pools_model.rowCount())]
    assert not page.close_button.isEnabled() and page.reopen_button.isEnabled()

    # Print the allocation and payouts as PDF.
    target = tmp_path / "allocation.pdf"
    assert page.save_pdf(target)
    ctx.ops.wait_idle()
    qtbot.waitUntil(target.exists)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert book.bank().name in text
        assert "1,000.01" in text

    # Pay one member's payout from the list of payouts owed.
    page.tabs.setCurrentIndex(1)
    assert page.owed_model.rowCount() >= 1
    no, _name, _amount = page.owed_model.row(0)
    page.owed.select_row(0)
    when_modal(qtbot, accept)
    page.pay_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: all(n != no for n, _a in book.owed_payouts()))


def test_blockers_are_named_and_reopen_needs_a_reason(qtbot, ctx, year_book, clock, page):
    book = year_book
    page.year.set_fiscal_year(2026)
    page.reload()
    assert not page.close_button.isEnabled()
    assert "2569" in page.blockers.text()  # the year 2569 has not ended
    page.year.set_fiscal_year(2025)
    book.close_year(2025)
    page.reload()
    assert page.closed

    def reason(dialog: ReasonDialog) -> None:
        type_text(dialog.reason, "แก้ไขรายการเดือนธันวาคม")
        dialog.ok_button.click()

    when_modal(qtbot, reason)
    page.reopen_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: not book.is_year_closed(2025))
    qtbot.waitUntil(lambda: not page.closed)
