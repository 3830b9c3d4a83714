"""The member page's sections against a real book: money and the member's actions (leaving with the payout
now, enrolling in a partner fund), loans, guarantees, the statement of a month, the seven risks."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import open_main_window, type_text, when_modal
from villagebank.i18n import _
from villagebank.ledger import Money
from villagebank.ui.pages.member_sections import (
    CoverageSection,
    GuaranteesSection,
    LoansSection,
    MoneySection,
    StatementSection,
)

APR10 = dt.date(2025, 4, 10)


@pytest.fixture
def mbook(saving_book, clock):
    clock.set(APR10)
    no = saving_book.apply_loan(3, Money.baht(500), 5, [4, 5])
    saving_book.approve_loan(no)
    saving_book.disburse_loan(no)
    return saving_book


@pytest.fixture
def window(qtbot, mbook, ctx):
    return open_main_window(qtbot, ctx)


def section(view, cls):
    return next(s for s in view.sections if isinstance(s, cls))


def open_member(window, no):
    members = window.go_to("members")
    members.open_member(window.ctx.book.member(no))
    return members.member_view


def yes(box: QMessageBox) -> None:
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()


def test_money_loans_guarantees_statement_and_risks(qtbot, mbook, window):
    view = open_member(window, 3)
    money = section(view, MoneySection)
    texts = [money.grid.itemAt(i).widget().text() for i in range(money.grid.count())]
    assert _("Loans still owed") in texts and "500.00" in " ".join(texts)
    loans = section(view, LoansSection)
    assert loans.model.rowCount() == 1 and loans.model.data(loans.model.index(0, 2)) == "500.00"
    view4 = open_member(window, 4)
    guarantees = section(view4, GuaranteesSection)
    assert guarantees.model.rowCount() == 1
    statement = section(view4, StatementSection)
    statement.month.set_value(2025, 4)
    statement.refresh()
    assert mbook.bank().name in statement.view.plain_text()
    coverage = section(view4, CoverageSection)
    assert coverage.model.rowCount() == 7


def test_a_member_leaves_and_is_paid_now(qtbot, ctx, mbook, window):
    view = open_member(window, 8)
    money = section(view, MoneySection)
    shares = mbook.share_balance(8)
    cash = mbook.cash_held()
    dialog = money.leave()
    type_text(dialog.reason, "ย้ายไปอยู่ต่างจังหวัด")
    when_modal(qtbot, yes)
    dialog.ok_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: mbook.member(8).status == "resigned")
    assert mbook.cash_held() == cash - shares
    assert mbook.share_balance(8) == Money(0)


def test_leaving_with_an_open_loan_is_refused_naming_it(qtbot, ctx, mbook, window):
    view = open_member(window, 3)
    dialog = section(view, MoneySection).leave()
    type_text(dialog.reason, "ลาออก")
    when_modal(qtbot, yes)
    dialog.ok_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: not dialog.problems.ok)
    assert "1" in dialog.problems.text() and mbook.member(3).status == "active"
    dialog.reject()


def test_partner_enrolment_from_the_member_page(qtbot, ctx, mbook, window):
    view = open_member(window, 6)
    money = section(view, MoneySection)
    dialog = money.enrol()
    dialog.partner.setCurrentIndex(dialog.partner.findData("nsf"))
    dialog.ok_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: bool(mbook.partner_enrolments(member_no=6)))
    qtbot.waitUntil(lambda: "กอช" in money.partners.text())
