"""Share deposits and the saving discipline: each rule at its limit passes, one over is refused."""

import datetime as dt

import pytest

from tests.conftest import START, meeting_day, member_values, monthly
from villagebank.ledger import InvalidInput, LedgerError, Money, RuleViolation
from villagebank.ledger.meetings import Parts
from villagebank.ledger.members import reason_text


def baht(n):
    return Money.baht(n)


def test_new_member_pays_entry_deposit_and_fee(book, clock):
    book.add_member(member_values("สมชาย"))
    m = book.open_meeting(START)
    dues = book.dues(1, m.id)
    assert (dues.shares, dues.entry_fee, dues.is_new) == (baht(100), baht(20), True)
    r = book.pay(1, meeting_id=m.id)
    assert r.receipt_no == 1 and r.total == baht(120)
    assert [a for _, a in r.items] == [baht(100), baht(20)]
    assert book.share_balance(1) == baht(100)
    assert book.balance("income:entry_fee") == -baht(20)
    assert book.cash_balance() == baht(120)


def test_first_deposit_limit(book):
    book.add_member(member_values("สมชาย"))
    book.add_member(member_values("สมศรี"))
    with pytest.raises(RuleViolation) as info:
        book.deposit(1, baht(90))
    assert info.value.rule == "entry_deposit" and "100.00" in str(info.value) and "90.00" in str(info.value)
    book.deposit(2, baht(100))  # exactly at the limit
    assert book.share_balance(2) == baht(100)


def test_whole_shares_only(book):
    book.add_member(member_values("สมชาย"))
    book.deposit(1, baht(100))
    with pytest.raises(RuleViolation) as info:
        book.deposit(1, Money.parse("15"))
    assert info.value.rule == "share_value"


def test_per_meeting_cap_at_the_limit_passes_one_share_over_is_refused(book, english):
    book.add_member(member_values("สมชาย"))
    book.add_member(member_values("สมศรี"))
    book.deposit(1, baht(2000))
    with pytest.raises(RuleViolation) as info:
        book.deposit(2, baht(2010))
    assert str(info.value) == "deposit 2,010.00 exceeds the 2,000.00 per-meeting limit"
    book.deposit(2, baht(1000))
    with pytest.raises(RuleViolation) as info:
        book.deposit(2, baht(1010))
    assert info.value.rule == "max_deposit_per_meeting" and "1,000.00 already" in str(info.value)
    # The next meeting day starts a new allowance.
    book.deposit(2, baht(2000), date=START + dt.timedelta(days=31))


def test_total_cap_when_the_bank_turns_it_on(book):
    book.set_rules(book.rules.replace(max_total_shares=50000), "ประชุมใหญ่")
    book.add_member(member_values("สมชาย"))
    book.deposit(1, baht(500))
    with pytest.raises(RuleViolation) as info:
        book.deposit(1, baht(10), date=START + dt.timedelta(days=31))
    assert info.value.rule == "max_total_shares"


def test_second_miss_in_a_year_suspends_loans_for_12_months(saving_book, clock):
    book = saving_book
    meeting_day(book, clock, dt.date(2025, 5, 3), skip={3})
    assert book.member(3).status == "active"
    meeting_day(book, clock, dt.date(2025, 6, 3))
    meeting_day(book, clock, dt.date(2025, 7, 3), skip={3})
    m = book.member(3)
    assert m.status == "suspended" and m.suspended_until == dt.date(2026, 7, 3)
    assert book.missed_savings(3, 2025) == [dt.date(2025, 5, 3), dt.date(2025, 7, 3)]
    history = book.member_status_history(3)
    assert history[-1].status == "suspended"
    assert "2" in reason_text(history[-1].reason) and "03/07/2569" in reason_text(history[-1].reason)
    # Saving at less than the minimum is a miss too.
    meeting_day(book, clock, dt.date(2025, 8, 3), pay={4: Parts(shares=Money(0), fine=Money(500))})
    assert book.missed_savings(4, 2025) == [dt.date(2025, 8, 3)]
    # The suspension ends 12 months after the miss.
    for d in monthly(dt.date(2025, 9, 3), 10):
        meeting_day(book, clock, d)
    assert book.member(3).status == "suspended"
    meeting_day(book, clock, dt.date(2026, 7, 3))
    assert book.member(3).status == "active"


def test_three_consecutive_misses_end_membership_and_freeze_shares(saving_book, clock):
    book = saving_book
    shares_before = book.share_balance(5)
    for d in monthly(dt.date(2025, 5, 3), 2):
        meeting_day(book, clock, d, skip={5})
    assert book.member(5).status == "suspended"
    meeting_day(book, clock, dt.date(2025, 7, 3), skip={5})
    m = book.member(5)
    assert m.status == "terminated" and m.exit_date == dt.date(2025, 7, 3)
    assert book.share_balance(5) == Money(0)
    assert book.owed_to_former_member(5) == shares_before
    assert "3" in reason_text(book.member_status_history(5)[-1].reason)
    with pytest.raises(RuleViolation):
        book.deposit(5, baht(10))
    assert 5 not in [d.member_no for d in book.collection_sheet(date=dt.date(2025, 8, 3))]
    assert book.verify().ok


def test_two_misses_that_are_not_consecutive_do_not_terminate(saving_book, clock):
    book = saving_book
    meeting_day(book, clock, dt.date(2025, 5, 3), skip={6})
    meeting_day(book, clock, dt.date(2025, 6, 3))
    meeting_day(book, clock, dt.date(2025, 7, 3), skip={6})
    meeting_day(book, clock, dt.date(2025, 8, 3), skip={6})
    assert book.member(6).status == "suspended"


def test_leaving_pays_out_shares_and_savings(saving_book, clock):
    book = saving_book
    clock.set(dt.date(2025, 4, 10))
    book.save(7, "voluntary", baht(300))
    before = book.cash_balance()
    total = book.leave(7, "resigned", "ย้ายไปต่างจังหวัด")
    assert total == baht(100 + 30) + baht(300)
    assert book.cash_balance() == before - total
    assert book.member(7).status == "resigned" and book.share_balance(7) == Money(0)
    with pytest.raises(InvalidInput):
        book.leave(7, "resigned", "again")


def test_leaving_at_year_end_sets_the_money_aside(saving_book, clock):
    book = saving_book
    clock.set(dt.date(2025, 4, 10))
    total = book.leave(8, "deceased", "เสียชีวิต", pay_now=False)
    assert book.owed_to_former_member(8) == total
    assert book.pay_former_member(8) == total
    assert book.owed_to_former_member(8) == Money(0)


def test_withdrawals_only_as_the_rules_allow(saving_book, clock):
    book = saving_book
    clock.set(dt.date(2025, 4, 10))
    with pytest.raises(RuleViolation) as info:
        book.withdraw_shares(1, baht(20))
    assert info.value.rule == "withdrawals_only_on_leaving"
    book.set_rules(book.rules.replace(withdrawals_only_on_leaving=False), "มติที่ประชุม")
    book.withdraw_shares(1, baht(20))
    assert book.share_balance(1) == baht(110)
    with pytest.raises(RuleViolation):
        book.withdraw_shares(1, baht(120))


def test_savings_products_are_separate_from_shares(saving_book, clock):
    book = saving_book
    clock.set(dt.date(2025, 4, 10))
    book.save(2, "village_fund", baht(500))
    assert book.savings_balance(2, "village_fund") == baht(500)
    assert book.share_balance(2) == baht(130)
    with pytest.raises(RuleViolation):
        book.withdraw_savings(2, "village_fund", baht(100))
    book.withdraw_savings(2, "village_fund", baht(100), for_purpose=True)
    assert book.savings_balance(2, "village_fund") == baht(400)
    with pytest.raises(LedgerError):
        book.save(2, "nope", baht(10))


def test_share_grid_has_the_twelve_columns_of_the_paper_book(saving_book):
    grid = {row.member_no: row for row in saving_book.share_grid(2025)}
    row = grid[1]
    assert row.brought_forward == Money(0)
    assert [m.satang for m in row.months[:5]] == [10000, 1000, 1000, 1000, 0]
    assert row.balance == baht(130) == saving_book.share_balance(1)
    assert sum(r.balance.satang for r in grid.values()) == -saving_book.balance("shares").satang
