"""The reports page against a real book: a statement on screen, saved as PDF (pdftotext finds the bank's
name) and as Excel; every member's statements built with progress, not startable twice."""

import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from tests.ui.conftest import open_main_window, type_text


@pytest.fixture
def window(qtbot, saving_book, ctx):
    return open_main_window(qtbot, ctx)


@pytest.fixture
def page(window):
    return window.go_to("reports")


def test_statement_on_screen_then_saved_as_pdf_and_excel(qtbot, ctx, saving_book, page, tmp_path):
    book = saving_book
    page.choose("statement")
    page.month.set_value(2025, 4)
    assert page.member.isVisible()
    assert not page.preview()  # the member is required: refused, named
    assert not page.problems.ok
    type_text(page.member.edit, "3")
    assert page.preview()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: bool(page.reports))
    shown = page.view.plain_text()
    assert book.bank().name in shown and "สมาชิก3" in shown and "2568" in shown
    pdf = tmp_path / "statement.pdf"
    assert page.save("pdf", pdf)
    ctx.ops.wait_idle()
    qtbot.waitUntil(pdf.exists)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert book.bank().name in text and "สมาชิก3" in text
    xlsx = tmp_path / "statement.xlsx"
    assert page.save("xlsx", xlsx)
    ctx.ops.wait_idle()
    qtbot.waitUntil(xlsx.exists)
    values = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row if c]
    assert any(book.bank().name in str(v) for v in values)


def test_all_statements_run_once_at_a_time(qtbot, ctx, saving_book, page, tmp_path):
    page.choose("statements")
    page.month.set_value(2025, 4)
    first = tmp_path / "all.pdf"
    assert page.save("pdf", first)
    assert not page.save("pdf", tmp_path / "again.pdf")  # the same run is going on: not started twice
    ctx.ops.wait_idle(120_000)
    qtbot.waitUntil(first.exists, timeout=60_000)
    assert not (tmp_path / "again.pdf").exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(first), "-"], capture_output=True, text=True, check=True).stdout
        assert all(f"สมาชิก{i}" in text for i in range(1, 11))


def test_period_pickers_follow_the_report(page):
    page.choose("shares")
    assert page.year.isVisible() and not page.month.isVisible()
    page.choose("trial-balance")
    assert page.today.isVisible() and not page.month.isVisible()
    page.today.setChecked(False)
    assert page.month.isVisible()
    assert page.params().month is not None
