"""The loans page against a real book: the wizard refuses a guarantor (the rule named, with the numbers),
accepts another, records, approves and pays out; a repayment; the overdue list with the guarantors' phones;
reject and cancel with a reason."""

import datetime as dt
import subprocess

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import open_main_window, type_text, when_modal
from villagebank.i18n import _
from villagebank.ledger import Money
from villagebank.ledger.rules import LABELS
from villagebank.ui.dialogs.common import ReasonDialog
from villagebank.ui.dialogs.loan_wizard import BORROWER, DECIDE, GUARANTORS, SCHEDULE, TERMS, RepaymentDialog

APR10 = dt.date(2025, 4, 10)


def baht(n):
    return Money.baht(n)


@pytest.fixture
def lending(saving_book, clock):
    clock.set(APR10)
    return saving_book


@pytest.fixture
def window(qtbot, lending, ctx):
    return open_main_window(qtbot, ctx)


@pytest.fixture
def loans(window):
    return window.go_to("loans")


def answer_yes(box: QMessageBox) -> None:
    for button in box.buttons():
        if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
            button.click()
            return


def click_then_yes(qtbot, button) -> None:
    seen = when_modal(qtbot, answer_yes)
    button.click()
    assert seen, "the program did not ask first"


def test_loan_with_guarantors_refused_then_accepted(qtbot, ctx, lending, loans):
    book = lending
    # Member 9 already guarantees two open loans: the rules' limit.
    for borrower in (1, 2):
        book.approve_loan(book.apply_loan(borrower, baht(200), 2, [9, 10]))
    loans.reload()
    wizard = loans.new_loan()
    qtbot.waitUntil(lambda: wizard.isVisible())
    assert wizard.step() == BORROWER
    type_text(wizard.borrower.edit, "3")
    assert "สมาชิก3" in wizard.borrower.name.text()
    assert wizard.eligibility.ok and wizard.next_button.isEnabled()
    qtbot.keyClick(wizard.borrower.edit, Qt.Key.Key_Return)
    assert wizard.step() == TERMS
    type_text(wizard.amount, "๘๐๐")  # Thai digits become 800
    wizard.term.setValue(4)
    wizard._check_current()
    assert wizard.next_button.isEnabled(), wizard.terms_problems.text()
    wizard.next()
    assert wizard.step() == GUARANTORS
    type_text(wizard.guarantors[0].picker.edit, "9")
    type_text(wizard.guarantors[1].picker.edit, "4")
    wizard._check_current()
    refused = wizard.guarantors[0].problems.text()
    assert refused.startswith("✗ " + _(LABELS["max_guaranteed_loans"]) + ":")  # the rule, named in Thai
    assert "2" in refused
    assert "1" in wizard.guarantors[0].exposure.text() and "2" in wizard.guarantors[0].exposure.text()
    assert not wizard.next_button.isEnabled()
    assert wizard.guarantors[1].problems.ok
    # Another guarantor: accepted.
    wizard.guarantors[0].picker.edit.clear()
    type_text(wizard.guarantors[0].picker.edit, "5")
    wizard._check_current()
    assert wizard.guarantors[0].problems.ok and wizard.next_button.isEnabled()
    wizard.next()
    assert wizard.step() == SCHEDULE
    assert wizard.schedule_model.rowCount() == 4
    click_then_yes(qtbot, wizard.next_button)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: wizard.step() == DECIDE)
    no = wizard.loan_no
    assert book.loan(no).status == "applied" and book.loan(no).guarantors == (5, 4)
    click_then_yes(qtbot, wizard.approve_button)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: book.loan(no).status == "approved")
    cash_before = book.cash_held()
    click_then_yes(qtbot, wizard.disburse_button)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: book.loan(no).status == "disbursed")
    assert book.cash_held() == cash_before - baht(800)
    wizard.accept()
    qtbot.waitUntil(lambda: loans.current() is not None and loans.current().loan_no == no)


def test_refusal_at_apply_names_each_rule(qtbot, ctx, lending, loans):
    """A refusal that arrives only when recording (the book changed meanwhile) is shown, each rule named."""
    wizard = loans.new_loan(borrower=3)
    type_text(wizard.borrower.edit, "")
    wizard.show_step(TERMS)
    type_text(wizard.amount, "500")
    wizard.term.setValue(2)
    wizard.show_step(GUARANTORS)
    type_text(wizard.guarantors[0].picker.edit, "4")
    type_text(wizard.guarantors[1].picker.edit, "5")
    wizard.show_step(SCHEDULE)
    # Meanwhile guarantor 4 stands for two other loans.
    for borrower in (1, 2):
        lending.approve_loan(lending.apply_loan(borrower, baht(100), 2, [4, 6 + borrower]))
    click_then_yes(qtbot, wizard.next_button)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: wizard.step() == GUARANTORS)
    assert not wizard.guarantors[0].problems.ok
    assert lending.loans(member_no=3) == []
    wizard.reject()


def test_repayment_and_overdue_list_with_guarantor_phones(qtbot, ctx, lending, clock, loans, tmp_path):
    book = lending
    book.edit_member(5, {"phone": "0891234567"})
    no = book.apply_loan(3, baht(600), 3, [4, 5])
    book.approve_loan(no)
    book.disburse_loan(no)
    clock.set(dt.date(2025, 7, 20))  # three meetings missed: overdue
    loans.set_filter("overdue")
    loans.reload()
    assert loans.model.rowCount() == 1
    guarantors = loans.model.data(loans.model.index(0, loans.model.columnCount() - 1))
    assert "0891234567" in guarantors
    assert "0891234567" in loans.detail.text()
    loans.table.select_row(0)
    dialog = loans.repay()
    assert isinstance(dialog, RepaymentDialog)
    due = book.loan(no).due_now
    assert dialog.amount.value() == due
    dialog.amount.setText("100")
    dialog._preview()
    assert dialog.save_button.isEnabled() and "100.00" not in dialog.problems.text()
    click_then_yes(qtbot, dialog.save_button)
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert book.loan(no).principal_paid + book.loan(no).interest_paid == baht(100)

    # The schedule to sign, as a PDF.
    loans.table.select_row(0)
    assert loans.schedule_button.isEnabled()
    pdf = tmp_path / "schedule.pdf"
    assert loans.print_schedule(pdf)
    ctx.ops.wait_idle()
    qtbot.waitUntil(pdf.exists)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "ตารางผ่อนชำระเงินกู้" in text and f"สัญญาเงินกู้ที่ {no}" in text


def test_reject_and_cancel_need_a_reason(qtbot, ctx, lending, loans):
    book = lending
    first = book.apply_loan(3, baht(300), 3, [4, 5])
    second = book.apply_loan(6, baht(300), 3, [7, 8])
    book.approve_loan(second)
    loans.reload()

    def give_reason(dialog: ReasonDialog) -> None:
        dialog.ok_button.click()  # empty: refused
        assert dialog.error.isVisible()
        type_text(dialog.reason, "ผู้กู้ขอยกเลิก")
        dialog.ok_button.click()

    assert loans.select_loan(first)
    when_modal(qtbot, give_reason)
    loans.reject_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: book.loan(first).status == "rejected")
    loans.set_filter("all")
    assert loans.select_loan(second)
    when_modal(qtbot, give_reason)
    loans.cancel_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: book.loan(second).status == "cancelled")
