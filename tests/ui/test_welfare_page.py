"""Welfare & partners against a real book: a claim refused by the schedule (each rule named), then paid as
the committee's override with its reason; the claims register; a partner enrolment, the bank paying its
part, the remittance."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox

from tests.conftest import member_values, valid_cid
from tests.ui.conftest import open_main_window, type_text, when_modal
from villagebank.i18n import _
from villagebank.ledger import Money
from villagebank.ledger.rules import LABELS
from villagebank.ui.dialogs.common import ReasonDialog

JAN10 = dt.date(2025, 1, 10)


def baht(n):
    return Money.baht(n)


@pytest.fixture
def wbook(book, clock):
    clock.set(JAN10)
    rules = book.rules
    partners = tuple(replace(p, bank_pays_pct=Decimal("50")) if p.key == "community_welfare" else p
                     for p in rules.partners)
    book.set_rules(rules.replace(partners=partners), "ทดสอบ")
    for i, name in enumerate(("สมชาย", "มาลี", "บุญมี"), start=1):
        book.add_member(member_values(name, join=dt.date(2025, 1, 3), cid=valid_cid(f"31017002030{i}")))
    book.cash_in(baht(5000), "fund:welfare", "เงินสมทบจาก อบต.")
    return book


@pytest.fixture
def window(qtbot, wbook, ctx):
    return open_main_window(qtbot, ctx)


@pytest.fixture
def page(window):
    return window.go_to("welfare")


def test_claim_refused_then_paid_as_an_override_with_a_reason(qtbot, ctx, wbook, page):
    tab = page.claim_tab
    type_text(tab.member.edit, "2")
    tab.case.setCurrentIndex(tab.case.findData("childbirth"))
    tab.assess()
    assert "500.00" in tab.entitled.text()
    text = tab.problems.text()
    assert text.startswith("✗ " + _(LABELS["welfare_waiting_days"]) + ":")  # the rule, named in Thai
    assert "90" in text and "7" in text  # the numbers: joined 7 days ago, 90 days needed
    assert tab.pay_button.isEnabled() and tab.pay_button.text() == _("Pay as the committee's &override…")

    def empty_then_reason(dialog: ReasonDialog) -> None:
        assert "✗" in dialog.summary.text()
        dialog.ok_button.click()
        assert dialog.error.isVisible()  # a reason is required
        type_text(dialog.reason, "มติกรรมการ 10 ม.ค. 2568")
        dialog.ok_button.click()

    seen = when_modal(qtbot, empty_then_reason)
    tab.pay_button.click()
    assert seen
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: len(wbook.welfare_claims()) == 1)
    claim = wbook.welfare_claims()[0]
    assert claim.member_no == 2 and claim.case == "childbirth" and claim.amount == baht(500)
    assert claim.override_reason == "มติกรรมการ 10 ม.ค. 2568"
    assert wbook.welfare_fund_balance() == baht(4500)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.claims_tab.model.rowCount() == 1)
    assert "มติกรรมการ" in page.claims_tab.model.data(page.claims_tab.model.index(0, 5))


def test_a_claim_within_the_schedule_is_paid_after_asking(qtbot, ctx, wbook, clock, page):
    clock.set(dt.date(2025, 5, 5))
    tab = page.claim_tab
    tab.date.setDate(dt.date(2025, 5, 5))
    type_text(tab.member.edit, "1")
    tab.case.setCurrentIndex(tab.case.findData("hospital"))
    tab.nights.setValue(3)
    tab.assess()
    assert tab.problems.ok and "300.00" in tab.entitled.text()

    def yes(box: QMessageBox) -> None:
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()

    when_modal(qtbot, yes)
    tab.pay_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: len(wbook.welfare_claims()) == 1)
    assert wbook.welfare_claims()[0].override_reason == ""
    assert wbook.welfare_claims()[0].nights == 3


def test_partner_enrolment_bank_pays_and_remittance(qtbot, ctx, wbook, page):
    tab = page.partners_tab
    page.tabs.setCurrentIndex(2)
    tab.partner.setCurrentIndex(tab.partner.findData("community_welfare"))
    for no in (1, 3):
        dialog = tab.enrol(no)
        assert dialog.partner.key() == "community_welfare"
        dialog.ok_button.click()
        ctx.ops.wait_idle()
        qtbot.waitUntil(lambda d=dialog: not shiboken6.isValid(d) or not d.isVisible())
    assert {e.member_no for e in wbook.partner_enrolments("community_welfare")} == {1, 3}
    tab.reload()
    assert tab.model.rowCount() == 2
    cid = tab.model.data(tab.model.index(0, 1))
    assert cid.replace("-", "") == wbook.member(1).citizen_id

    def yes(box: QMessageBox) -> None:
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()

    when_modal(qtbot, yes)
    tab.bank_pays_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: wbook.partner_statement("community_welfare").paid_by_bank == baht(200))
    tab.reload()
    assert "200.00" in tab.totals.text()
    when_modal(qtbot, yes)
    tab.remit_button.click()
    ctx.ops.wait_idle()
    qtbot.waitUntil(lambda: wbook.partner_statement("community_welfare").remitted == baht(200))
    assert wbook.partner_statement("community_welfare").owed == baht(0)


def test_the_partner_list_is_saved_for_the_fund(qtbot, ctx, wbook, page, tmp_path):
    import shutil
    import subprocess

    wbook.enrol_partner(1, "community_welfare")
    tab = page.partners_tab
    page.tabs.setCurrentIndex(2)
    tab.partner.setCurrentIndex(tab.partner.findData("community_welfare"))
    tab.reload()
    target = tmp_path / "list.pdf"
    assert tab.save_list(target)
    ctx.ops.wait_idle()
    qtbot.waitUntil(target.exists)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert wbook.bank().name in text and "กองทุนสวัสดิการชุมชน" in text
        assert "3-1017-00203-01-" in text  # the citizen ID, as printed on the card
