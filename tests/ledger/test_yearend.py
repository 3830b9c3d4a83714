"""Year-end close and profit allocation, pinned on hand-computed cases (satang)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import member_values
from villagebank.ledger import FixedClock, InvalidInput, Money, PeriodLocked, create_book

JAN3 = dt.date(2025, 1, 3)


def baht(n):
    return Money.baht(n)


def build_year(book, clock, *, other_income="1027.01", loans=True, leave_m3=True):
    """FY 2025: four members (1 and 2 on the committee); member 3 resigns in March; two loans."""
    clock.set(JAN3)
    book.set_rules(book.rules.replace(no_mutual_guarantee=False), "ทดสอบ")
    for i, role in enumerate(("ประธาน", "เหรัญญิก", "", ""), start=1):
        book.add_member(member_values(f"สมาชิก{i}", join=dt.date(2024, 12, 1), committee_role=role))
    for no, amount in ((1, 100), (2, 100), (3, 100), (4, 1000)):
        book.deposit(no, baht(amount))
    clock.set(dt.date(2025, 1, 10))
    book.cash_in(Money.parse(other_income), "other", "เงินบริจาค")
    clock.set(dt.date(2025, 2, 10))
    book.cash_out(baht(50), "office", "สมุดบัญชี")
    if leave_m3:
        clock.set(dt.date(2025, 3, 10))
        book.leave(3, "resigned", "ย้ายถิ่น")
    if loans:
        clock.set(dt.date(2025, 4, 3))
        for borrower, amount, guarantors in ((4, 1000, [1, 2]), (1, 500, [2, 4])):
            no = book.apply_loan(borrower, baht(amount), 2, guarantors)
            book.approve_loan(no)
            book.disburse_loan(no)
        for day in (dt.date(2025, 5, 3), dt.date(2025, 6, 3)):
            clock.set(day)
            for no in (1, 2):
                book.repay_loan(no, book.loan(no).due_now)
    clock.set(dt.date(2025, 7, 3))
    book.deposit(2, baht(100))
    clock.set(dt.date(2026, 1, 15))
    return book


def test_allocation_with_odd_satang_and_a_member_who_left_in_march(book, clock):
    build_year(book, clock)
    a = book.preview_close(2025)
    assert (a.income, a.expenses, a.net_profit) == (102701 + 2300, 5000, 100001)
    assert a.pools == {"reserve": 20000, "depositors": 15000, "borrowers": 15000, "welfare": 20000,
                       "development": 10000, "committee": 20000}
    assert a.pool_remainder == 1
    by = {p.member_no: p for p in a.payouts}
    assert {no: p.share_months for no, p in by.items()} == {1: 120000, 2: 180000, 3: 20000, 4: 1200000}
    assert {no: p.depositor for no, p in by.items()} == {1: 1184, 2: 1776, 3: 197, 4: 11842}
    assert {no: p.interest_paid for no, p in by.items()} == {1: 800, 2: 0, 3: 0, 4: 1500}
    assert {no: p.borrower for no, p in by.items()} == {1: 5217, 2: 0, 3: 0, 4: 9782}
    assert {no: p.committee for no, p in by.items()} == {1: 10000, 2: 10000, 3: 0, 4: 0}
    assert a.member_remainders == {"depositors": 1, "borrowers": 1, "committee": 0}
    assert a.remainder_to_reserve == 3 and a.reserve_total == 20003
    assert a.reserve_total + 20000 + 10000 + a.payouts_total == a.net_profit
    assert a.members_paid == 4 and not a.warnings

    posted = book.close_year(2025)
    assert posted == a  # the preview is what was posted
    assert book.balance("fund:reserve") == -Money(20003)
    assert book.balance("fund:welfare") == -Money(20000)
    assert book.balance("fund:development") == -Money(10000)
    assert book.balance("payable:payouts", member_no=1) == -Money(16401)
    assert book.balance("payable:payouts", member_no=3) == -Money(197)
    for code, type_, _name in book.accounts():
        if type_ in ("income", "expense"):
            assert book.balance(code, as_of=dt.date(2025, 12, 31)) == Money(0), code
    assert book.is_year_closed(2025) and book.allocation(2025) == a
    assert book.verify().ok


def test_the_closed_year_is_locked_and_can_be_reopened_with_a_reason(book, clock):
    build_year(book, clock)
    book.close_year(2025)
    with pytest.raises(PeriodLocked):
        book.cash_out(baht(1), "office", "ย้อนหลัง", date=dt.date(2025, 12, 20))
    with pytest.raises(InvalidInput):
        book.close_year(2025)
    with pytest.raises(InvalidInput):
        book.reopen_year(2025, " ")
    reversals = book.reopen_year(2025, "แก้ไขค่าใช้จ่ายที่บันทึกตกหล่น")
    assert len(reversals) == 1 and not book.is_year_closed(2025)
    assert book.balance("fund:reserve") == Money(0) and book.balance("payable:payouts") == Money(0)
    assert book.entry(reversals[0]).reason == "แก้ไขค่าใช้จ่ายที่บันทึกตกหล่น"
    book.cash_out(baht(1), "office", "รายการตกหล่น", date=dt.date(2025, 12, 20))
    again = book.close_year(2025)
    assert again.net_profit == 100001 - 100
    assert book.verify().ok
    assert any(kind == "reopen_year" for _, kind, _ in book.events())


def test_reopen_refused_once_payouts_were_paid(book, clock):
    build_year(book, clock)
    book.close_year(2025)
    clock.set(dt.date(2026, 2, 3))
    assert book.pay_payout(4) == Money(21624)
    with pytest.raises(InvalidInput) as info:
        book.reopen_year(2025, "ลองเปิด")
    assert "4" in str(info.value)


def test_close_refusals_name_what_blocks(book, clock):
    build_year(book, clock)
    clock.set(dt.date(2025, 12, 31))
    with pytest.raises(InvalidInput) as info:
        book.close_year(2025)
    assert "31/12/2568" in str(info.value)
    clock.set(dt.date(2027, 1, 5))
    with pytest.raises(InvalidInput) as info:
        book.close_year(2026)
    assert "2568" in str(info.value)  # 2025 is not closed yet
    clock.set(dt.date(2026, 1, 3))
    m = book.open_meeting(dt.date(2026, 1, 3))
    book.close_meeting(m.id)
    clock.set(dt.date(2025, 12, 3))
    clock.set(dt.date(2026, 1, 15))
    assert book.close_blockers(2025) == []


def test_a_loss_year_charges_the_deficit_to_reserve(book, clock):
    build_year(book, clock, other_income="0.01", loans=False)
    a = book.preview_close(2025)
    assert a.net_profit == 1 - 5000 and a.deficit == 4999 and a.payouts == ()
    assert a.reserve_total == -4999 and a.warnings
    book.close_year(2025)
    assert book.balance("fund:reserve") == Money(4999)  # a debit: the reserve went down
    assert book.verify().ok


def test_a_year_with_no_interest_sends_the_borrowers_pool_to_reserve(book, clock):
    build_year(book, clock, loans=False)
    a = book.preview_close(2025)
    assert a.net_profit == 102701 - 5000
    assert a.empty_pools == ("borrowers",) and a.total_interest == 0
    assert all(p.borrower == 0 for p in a.payouts)
    assert a.remainder_to_reserve >= a.pools["borrowers"]
    assert [w.message() for w in a.warnings]
    a.check()


def test_a_fifteen_percent_development_rule(book, clock):
    book.set_rules(book.rules.replace(alloc_development_pct=Decimal("15"), alloc_committee_pct=Decimal("15")),
                   "มติประชุมใหญ่")
    build_year(book, clock)
    a = book.preview_close(2025)
    assert a.pools["development"] == 15000 and a.pools["committee"] == 15000
    assert a.pool_remainder == 1
    assert {p.member_no: p.committee for p in a.payouts if p.committee} == {1: 7500, 2: 7500}


def test_payouts_credited_to_shares_when_the_rule_says_so(book, clock):
    book.set_rules(book.rules.replace(payout_method="shares"), "มติ")
    build_year(book, clock)
    before = book.share_balance(4)
    book.close_year(2025)
    assert book.share_balance(4) == before + Money(21624)
    assert book.balance("payable:payouts", member_no=3) == -Money(197)  # a former member is paid in cash
    assert book.verify().ok


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(deposits=st.lists(st.tuples(st.integers(1, 5), st.integers(1, 12), st.integers(10, 200)), min_size=1,
                         max_size=12),
       income=st.integers(1, 10**8), expense=st.integers(0, 10**6),
       pcts=st.sampled_from([(20, 15, 15, 20, 10, 20), (15, 20, 10, 25, 15, 15), (100, 0, 0, 0, 0, 0),
                             (33.33, 16.67, 10, 10, 10, 20)]),
       unit=st.sampled_from([1, 25, 100]))
def test_every_satang_of_net_profit_lands_in_exactly_one_place(tmp_path_factory, deposits, income, expense, pcts,
                                                               unit):
    clock = FixedClock(JAN3)
    path = tmp_path_factory.mktemp("fy") / "b.vbk"
    with create_book(path, name="กลุ่ม", clock=clock) as book:
        keys = ("reserve", "depositors", "borrowers", "welfare", "development", "committee")
        book.set_rules(book.rules.replace(rounding_unit=unit, max_deposit_per_meeting=None,
                                          **{f"alloc_{k}_pct": Decimal(str(v)) for k, v in zip(keys, pcts,
                                                                                                strict=True)}),
                       "ทดสอบ")
        for i in range(1, 6):
            book.add_member(member_values(f"ก{i}", join=dt.date(2024, 12, 1), committee_role="กรรมการ" if i < 3 else ""))
            book.deposit(i, baht(100))
        for no, month, shares in sorted(deposits, key=lambda d: d[1]):
            clock.set(dt.date(2025, month, 20))
            book.deposit(no, baht(shares * 10))
        clock.set(dt.date(2025, 12, 28))
        book.cash_in(Money(income), "other", "รายได้")
        expense = min(expense, income)
        if expense:
            book.cash_out(Money(expense), "office", "ค่าใช้จ่าย")
        clock.set(dt.date(2026, 1, 10))
        a = book.close_year(2025)
        landed = a.reserve_total + a.pools["welfare"] + a.pools["development"] + a.payouts_total
        assert landed == a.net_profit == income - expense
        funds = sum(-book.balance(code).satang for code in ("fund:reserve", "fund:welfare", "fund:development",
                                                            "payable:payouts"))
        assert funds == a.net_profit
        assert all(p.total % unit == 0 for p in a.payouts)
        assert book.verify().ok


def test_the_income_statement_of_a_closed_year_still_shows_its_profit(book, clock):
    from villagebank.ledger.yearend import CLOSE_KINDS

    build_year(book, clock)
    book.close_year(2025)
    flows = {b.code: b.balance.satang for b in book.account_balances(
        start=dt.date(2025, 1, 1), as_of=dt.date(2025, 12, 31), exclude_kinds=CLOSE_KINDS)}
    assert -sum(v for code, v in flows.items() if code.startswith(("income:", "expense:"))) == 100001
