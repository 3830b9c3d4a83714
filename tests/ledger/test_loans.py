"""Loans with guarantors: eligibility and guarantor rules at their limits, schedule, repayments, overdue."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.conftest import meeting_day
from villagebank.ledger import InvalidInput, LedgerError, Money, RuleViolation
from villagebank.ledger.loans import LoanRefused
from villagebank.ledger.meetings import Parts

APR3, APR10 = dt.date(2025, 4, 3), dt.date(2025, 4, 10)


def baht(n):
    return Money.baht(n)


def rules_of(exc: LoanRefused) -> set[str]:
    return {p.rule for p in exc.problems if hasattr(p, "rule")}


@pytest.fixture
def lending_book(saving_book, clock):
    """Interest to the satang here, so the hand-computed figures show every step."""
    clock.set(APR10)
    saving_book.set_rules(saving_book.rules.replace(interest_rounding=1), "ทดสอบ")
    return saving_book


def test_interest_is_rounded_to_whole_baht_by_default(saving_book, clock):
    clock.set(APR10)
    plan = saving_book.preview_schedule(baht(1000), 3, date=APR10)
    assert [i.interest for i in plan] == [baht(10), baht(7), baht(3)]


def test_membership_age_at_the_limit_passes_one_month_short_is_refused(saving_book, clock, english):
    book = saving_book
    with pytest.raises(LoanRefused) as info:
        book.apply_loan(1, baht(500), 5, [2, 3], date=dt.date(2025, 3, 31))
    assert rules_of(info.value) == {"loan_wait_months"}
    assert "2 month(s)" in str(info.value) and "3 months" in str(info.value)
    assert book.apply_loan(1, baht(500), 5, [2, 3], date=APR3) == 1


def test_guarantor_limit_two_open_loans_pass_a_third_is_refused(lending_book, english):
    book = lending_book
    for borrower in (1, 2):
        no = book.apply_loan(borrower, baht(200), 2, [9, 10])
        book.approve_loan(no)
    with pytest.raises(LoanRefused) as info:
        book.apply_loan(3, baht(200), 2, [9, 4])
    assert "member 9 already guarantees 2 open loans (the limit is 2)" in str(info.value)
    # Once a guaranteed loan is repaid, the guarantor is free again.
    book.disburse_loan(1)
    book.repay_loan(1, book.loan(1).interest_due + baht(200))
    assert book.loan(1).status == "closed"
    assert book.apply_loan(3, baht(200), 2, [9, 4]) == 3


@pytest.mark.parametrize(("guarantors", "rule"), [
    ([2], "guarantors_required"),
    ([2, 2], "guarantors_required"),
    ([1, 2], "guarantors_required"),
    ([2, 99], "guarantors_required"),
])
def test_guarantors_must_be_two_other_members(lending_book, guarantors, rule):
    with pytest.raises(LoanRefused) as info:
        lending_book.apply_loan(1, baht(200), 2, guarantors)
    assert rule in rules_of(info.value)
    assert lending_book.loans() == []


def test_suspended_or_terminated_guarantor_is_refused(lending_book, clock):
    book = lending_book
    for d in (dt.date(2025, 5, 3), dt.date(2025, 6, 3)):
        meeting_day(book, clock, d, skip={4})
    assert book.member(4).status == "suspended"
    with pytest.raises(LoanRefused) as info:
        book.apply_loan(1, baht(200), 2, [2, 4])
    assert "guarantors_required" in rules_of(info.value)
    with pytest.raises(LoanRefused) as info:
        book.apply_loan(4, baht(200), 2, [1, 2])
    assert rules_of(info.value) == {"suspend_after_misses"}
    assert "03/06/2569" in str(info.value)


def test_no_mutual_guarantees(lending_book):
    book = lending_book
    book.approve_loan(book.apply_loan(1, baht(200), 2, [2, 3]))
    with pytest.raises(LoanRefused) as info:
        book.apply_loan(2, baht(200), 2, [1, 5])
    assert rules_of(info.value) == {"no_mutual_guarantee"}
    book.set_rules(book.rules.replace(no_mutual_guarantee=False), "มติ")
    assert book.apply_loan(2, baht(200), 2, [1, 5])


def test_guarantee_limit_relative_to_shares(lending_book):
    book = lending_book
    book.set_rules(book.rules.replace(guarantee_limit_pct_of_shares=Decimal("500")), "มติ")
    # Member 2 holds 130 baht of shares: at most 650 baht guaranteed.
    book.approve_loan(book.apply_loan(1, baht(650), 5, [2, 3]))
    with pytest.raises(LoanRefused) as info:
        book.apply_loan(4, baht(10), 1, [2, 5])
    assert rules_of(info.value) == {"guarantee_limit_pct_of_shares"}


def test_loan_no_more_than_the_cash_held(lending_book, english):
    book = lending_book
    held = book.cash_held()
    assert held == baht(1500)
    assert book.apply_loan(1, held, 10, [2, 3])
    with pytest.raises(LoanRefused) as info:
        book.apply_loan(4, held + baht(1), 10, [5, 6])
    assert rules_of(info.value) == {"loan_limited_to_cash"}
    assert "1,500.00" in str(info.value) and "1,501.00" in str(info.value)


def test_borrower_with_an_overdue_loan_is_refused(lending_book, clock):
    book = lending_book
    no = book.apply_loan(1, baht(300), 3, [2, 3])
    book.approve_loan(no)
    book.disburse_loan(no)
    meeting_day(book, clock, dt.date(2025, 5, 3), pay={1: Parts(shares=baht(10))})
    clock.set(dt.date(2025, 5, 10))
    st = book.loan(no)
    assert st.overdue == baht(100) + baht(3) and st.overdue_installments == 1
    with pytest.raises(LoanRefused) as info:
        book.apply_loan(1, baht(100), 1, [4, 5])
    assert rules_of(info.value) == {"borrower_must_not_be_overdue"}
    assert [o.loan_no for o in book.overdue_loans()] == [no]


def test_schedule_equal_principal_whole_baht_last_takes_the_rest(lending_book):
    plan = lending_book.preview_schedule(baht(1000), 3, date=APR10)
    assert [i.principal for i in plan] == [baht(333), baht(333), baht(334)]
    assert [i.interest for i in plan] == [baht(10), Money(667), Money(334)]
    assert [i.due_date for i in plan] == [dt.date(2025, 5, 3), dt.date(2025, 6, 3), dt.date(2025, 7, 3)]
    assert plan[-1].balance_after == Money(0)
    flat = lending_book.preview_schedule(baht(1000), 3, date=APR10, method="flat")
    assert [i.interest for i in flat] == [baht(10)] * 3
    with pytest.raises(LedgerError):
        lending_book.preview_schedule(baht(1000), 0)


def test_repayment_goes_to_interest_first_then_principal_declining(lending_book, clock):
    book = lending_book
    no = book.apply_loan(1, baht(1000), 3, [2, 3], purpose="ซื้อปุ๋ย")
    book.approve_loan(no)
    book.disburse_loan(no)
    assert book.balance("loans", loan_no=no) == baht(1000)
    meeting_day(book, clock, dt.date(2025, 5, 3))  # pays 333 + 10.00 interest
    st = book.loan(no)
    assert (st.balance, st.interest_paid) == (baht(667), baht(10))
    # June: pays late (nothing); July: owes two installments and interest on 667 twice.
    meeting_day(book, clock, dt.date(2025, 6, 3), pay={1: Parts(shares=baht(10))})
    clock.set(dt.date(2025, 7, 3))
    m = book.open_meeting()
    dues = book.dues(1, m.id)
    loan_due = dues.loans[0]
    assert loan_due.principal_due == baht(667)
    assert loan_due.interest_due == Money(667 + 667)
    r = book.pay(1, Parts(shares=baht(10), loans=((no, baht(100)),)), meeting_id=m.id)
    assert [a for _, a in r.items] == [baht(10), Money(1334), Money(10000 - 1334)]
    st = book.loan(no)
    assert st.balance == Money(66700 - 8666)
    with pytest.raises(RuleViolation) as info:
        book.pay(1, Parts(loans=((no, baht(1000)),)), meeting_id=m.id)
    assert info.value.rule == "overpayment"
    book.pay(1, Parts(loans=((no, st.due_now + st.balance - st.principal_due),)), meeting_id=m.id)
    assert book.loan(no).status == "closed"
    assert book.verify().ok


def test_early_payoff_within_the_first_month_pays_one_month_interest(lending_book, clock):
    book = lending_book
    no = book.apply_loan(1, baht(500), 5, [2, 3])
    book.approve_loan(no)
    book.disburse_loan(no)
    clock.set(dt.date(2025, 4, 20))
    st = book.loan(no)
    assert st.interest_due == baht(5)
    book.repay_loan(no, baht(505))
    assert book.loan(no).status == "closed"


def test_flat_rate_loan(lending_book, clock):
    book = lending_book
    no = book.apply_loan(1, baht(600), 3, [2, 3], method="flat", rate=Decimal("2"))
    book.approve_loan(no)
    book.disburse_loan(no)
    for d in (dt.date(2025, 5, 3), dt.date(2025, 6, 3), dt.date(2025, 7, 3)):
        meeting_day(book, clock, d)
    st = book.loan(no)
    assert st.status == "closed" and st.interest_paid == baht(36)


def test_application_workflow(lending_book):
    book = lending_book
    no = book.apply_loan(1, baht(200), 2, [2, 3])
    with pytest.raises(InvalidInput):
        book.disburse_loan(no)
    with pytest.raises(InvalidInput):
        book.reject_loan(no, "")
    book.reject_loan(no, "ไม่มีแผนอาชีพ")
    assert book.loan(no).status == "rejected"
    with pytest.raises(InvalidInput):
        book.approve_loan(no)
    no2 = book.apply_loan(1, baht(200), 2, [2, 3])
    book.approve_loan(no2)
    book.cancel_loan(no2, "ผู้กู้ขอยกเลิก")
    assert book.loan(no2).status == "cancelled"
    assert book.entry_count() == len(book.entries())  # no money moved by any of this
    assert book.balance("loans") == Money(0)


def test_disbursement_needs_the_cash(lending_book):
    book = lending_book
    no = book.apply_loan(1, baht(1500), 10, [2, 3])
    book.approve_loan(no)
    book.cash_out(baht(10), "office", "ปากกา")
    with pytest.raises(RuleViolation) as info:
        book.disburse_loan(no)
    assert info.value.rule == "loan_limited_to_cash"


def test_guarantor_exposure_and_loan_book(lending_book):
    book = lending_book
    for borrower, guarantors in ((1, [2, 3]), (4, [2, 5])):
        no = book.apply_loan(borrower, baht(300), 3, guarantors)
        book.approve_loan(no)
        book.disburse_loan(no)
    exposure = book.guarantor_exposure()
    assert sorted(st.loan_no for st in exposure[2]) == [1, 2]
    assert [st.loan_no for st in book.guaranteed_by(5)] == [2]
    assert sum(st.balance.satang for st in book.loans(statuses=("disbursed",))) == book.balance("loans").satang


def test_member_who_owes_a_loan_cannot_leave(lending_book):
    book = lending_book
    no = book.apply_loan(1, baht(300), 3, [2, 3])
    book.approve_loan(no)
    book.disburse_loan(no)
    with pytest.raises(RuleViolation):
        book.leave(1, "resigned", "ย้ายบ้าน")
    with pytest.raises(RuleViolation):
        book.leave(2, "resigned", "ย้ายบ้าน")


def test_reversing_a_repayment_reopens_what_was_owed(lending_book):
    book = lending_book
    no = book.apply_loan(1, baht(300), 3, [2, 3])
    book.approve_loan(no)
    book.disburse_loan(no)
    r = book.repay_loan(no, baht(300))  # the same day: no interest yet
    assert book.loan(no).status == "closed"
    book.reverse_entry(r.entry_seq, "บันทึกผิดสัญญา")
    st = book.loan(no)
    assert st.status == "disbursed" and st.balance == baht(300)
    assert book.receipt(r.receipt_no).voided_by is not None
    assert book.verify().ok


def test_a_former_member_who_owes_a_loan_still_repays_at_meetings(lending_book, clock):
    book = lending_book
    no = book.apply_loan(1, baht(600), 6, [2, 3])
    book.approve_loan(no)
    book.disburse_loan(no)
    for d in (dt.date(2025, 5, 3), dt.date(2025, 6, 3), dt.date(2025, 7, 3)):
        meeting_day(book, clock, d, pay={1: Parts(loans=((no, book.loan(no, d).due_now),))})
    assert book.member(1).status == "terminated"
    clock.set(dt.date(2025, 8, 3))
    dues = book.dues(1, date=dt.date(2025, 8, 3))
    assert dues.shares == Money(0) and dues.loans and not dues.is_new


def test_a_repayment_with_its_split_given_is_checked_against_what_is_owed(lending_book, clock, english):
    """A paper or workbook record gives principal and interest; neither may exceed what the loan owes."""
    book = lending_book
    no = book.apply_loan(1, baht(1000), 3, [2, 3])
    book.approve_loan(no)
    book.disburse_loan(no)
    clock.set(dt.date(2025, 5, 3))
    assert book.loan(no).interest_due == baht(10)
    with pytest.raises(RuleViolation) as info:
        book.repay_loan_split(no, baht(100), baht(11))
    assert info.value.rule == "interest_due" and "11.00 baht of interest is more than the 10.00" in str(info.value)
    with pytest.raises(RuleViolation) as info:
        book.repay_loan_split(no, baht(1001), baht(0))
    assert info.value.rule == "overpayment"
    with pytest.raises(InvalidInput):
        book.repay_loan_split(no, baht(0), baht(0))
    # Interest need not come first when the record says so: the unpaid interest stays due.
    r = book.repay_loan_split(no, baht(300), baht(4))
    assert [a for _, a in r.items] == [baht(4), baht(300)] and r.total == baht(304)
    st = book.loan(no)
    assert (st.balance, st.interest_paid, st.interest_due) == (baht(700), baht(4), baht(6))
    # It can share a receipt with shares and an "other" fee.
    r = book.pay(1, Parts(shares=baht(10), other=baht(5), repayments=((no, baht(0), baht(6)),)))
    assert r.total == baht(21) and book.loan(no).interest_due == Money(0)
    assert book.balance("income:other", member_no=1) == -baht(5)
    with pytest.raises(InvalidInput):
        book.pay(1, Parts(loans=((no, baht(1)),), repayments=((no, baht(1), baht(0)),)))
    assert book.verify().ok


def test_a_loan_as_it_stood_on_an_earlier_date(lending_book, clock):
    book = lending_book
    no = book.apply_loan(1, baht(300), 3, [2, 3], date=APR3)
    book.approve_loan(no, date=dt.date(2025, 4, 5))
    book.disburse_loan(no, date=APR10)
    assert book.loan(no, dt.date(2025, 4, 4)).status == "applied"
    assert book.loan(no, dt.date(2025, 4, 6)).status == "approved"
    assert book.loan(no, APR10).status == "disbursed"
    assert book.loans(dt.date(2025, 4, 2)) == []  # not applied for yet
    assert book.guarantor_exposure(dt.date(2025, 4, 2)) == {}


def test_loan_terms_problems_before_applying(lending_book, english):
    """The loan wizard's live check of amount, term and rate: the same rules apply_loan uses, read-only."""
    book = lending_book
    assert book.loan_terms_problems(baht(1000), 10) == []
    book.set_rules(book.rules.replace(max_loan_term_months=12), "ทดสอบ")
    problems = book.loan_terms_problems(book.cash_held() + baht(1), 24, rate=Decimal("6"))
    assert {getattr(p, "rule", None) for p in problems} >= {"max_loan_term_months", "loan_limited_to_cash"}
    assert any("between 0 and 5" in str(p) for p in problems)
