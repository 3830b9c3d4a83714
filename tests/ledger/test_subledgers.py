"""Members' sub-ledgers as whole-book queries: all balances as of a date, one member's lines."""

import datetime as dt

from tests.conftest import START, meeting_day, member_values, monthly
from villagebank.ledger import Money

APR10 = dt.date(2025, 4, 10)


def baht(n):
    return Money.baht(n)


def test_member_balances_as_of_a_date_agree_with_the_per_member_queries(saving_book, clock):
    book = saving_book
    clock.set(APR10)
    no = book.apply_loan(1, baht(1000), 2, [2, 3], date=APR10)
    book.approve_loan(no, date=APR10)
    book.disburse_loan(no, date=APR10)
    meeting_day(book, clock, dt.date(2025, 5, 3))  # member 1 repays the first installment
    for as_of in (START - dt.timedelta(days=1), START, APR10, dt.date(2025, 5, 3)):
        rows = book.member_balances(as_of)
        assert [r.member_no for r in rows] == sorted(r.member_no for r in rows)
        by_no = {r.member_no: r for r in rows}
        for m in book.members():
            expected_shares = book.share_balance(m.member_no, as_of)
            got = by_no.get(m.member_no)
            assert (got.shares if got else Money(0)) == expected_shares
        loans = by_no[1].loans if 1 in by_no else Money(0)
        assert loans == book.balance("loans", member_no=1, as_of=as_of)
    assert book.member_balances(START - dt.timedelta(days=1)) == []
    last = {r.member_no: r for r in book.member_balances()}
    assert last[1].loans == baht(500) and last[2].loans == Money(0)
    assert last[1].savings == Money(0) and last[1].payable == Money(0)


def test_member_balances_count_savings_and_what_the_bank_owes(book, clock):
    book.add_member(member_values("สมชาย"))
    book.deposit(1, baht(100))
    book.save(1, "voluntary", baht(50))
    book.save(1, "village_fund", baht(30))
    [row] = book.member_balances()
    assert (row.shares, row.savings, row.loans, row.payable) == (baht(100), baht(80), Money(0), Money(0))
    book.leave(1, "resigned", "ย้ายไปต่างจังหวัด", pay_now=False)
    [row] = book.member_balances()
    assert (row.shares, row.savings, row.payable) == (Money(0), Money(0), baht(180))


def test_member_lines_run_each_account_forward(saving_book, clock):
    book = saving_book
    lines = book.member_lines(1)
    shares = [ln for ln in lines if ln.account == "shares"]
    assert [ln.date for ln in shares] == monthly(START, 4)
    assert shares[0].amount == -baht(100) and shares[0].balance == baht(100)
    assert shares[-1].balance == book.share_balance(1)
    assert {ln.kind for ln in lines} == {"meeting_payment"}
    assert all(ln.receipt_no is not None for ln in lines)
    fee = [ln for ln in lines if ln.account == "income:entry_fee"]
    assert len(fee) == 1 and fee[0].balance == baht(20)  # income is credit-normal: shown as paid
    # A window keeps the balances brought forward.
    window = book.member_lines(1, start=monthly(START, 4)[2], end=monthly(START, 4)[2])
    assert [ln.date for ln in window if ln.account == "shares"] == [monthly(START, 4)[2]]
    assert window[0].balance == next(ln for ln in shares if ln.date == monthly(START, 4)[2]).balance
    assert book.member_lines(99) == []
