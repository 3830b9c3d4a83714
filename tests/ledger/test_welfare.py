"""Welfare claims under the benefit schedule, at each boundary; overrides are recorded."""

import datetime as dt

import pytest

from tests.conftest import member_values
from villagebank.ledger import InvalidInput, Money
from villagebank.ledger.welfare import ClaimRefused

JOIN = dt.date(2025, 1, 3)


def baht(n):
    return Money.baht(n)


@pytest.fixture
def welfare_book(book, clock):
    clock.set(JOIN)
    for i in range(1, 5):
        book.add_member(member_values(f"สมาชิก{i}", join=JOIN))
        book.deposit(i, baht(100))
    book.cash_in(baht(20000), "fund:welfare", "เงินสมทบจาก อบต.")
    assert book.welfare_fund_balance() == baht(20000)
    return book


def rules_of(exc):
    return {p.rule for p in exc.problems}


def test_waiting_period_89_days_refused_90_paid(welfare_book, clock):
    book = welfare_book
    with pytest.raises(ClaimRefused) as info:
        book.welfare_claim(1, "childbirth", JOIN + dt.timedelta(days=89))
    assert rules_of(info.value) == {"welfare_waiting_days"}
    day = JOIN + dt.timedelta(days=90)  # 03/04/2568, a claim day
    book.welfare_claim(1, "childbirth", day)
    assert book.welfare_fund_balance() == baht(19500)
    claims = book.welfare_claims(member_no=1)
    assert [(c.case, c.amount) for c in claims] == [("childbirth", baht(500))]


def test_hospital_per_night_with_the_yearly_cap(welfare_book, english):
    book = welfare_book
    day = dt.date(2025, 5, 5)
    book.welfare_claim(2, "hospital", day, nights=20)
    a = book.assess_claim(2, "hospital", dt.date(2025, 6, 5), nights=10)
    assert a.entitled == baht(500) and a.hospital_paid_this_year == baht(2000)
    with pytest.raises(ClaimRefused) as info:
        book.welfare_claim(2, "hospital", dt.date(2025, 6, 5), nights=10)
    assert rules_of(info.value) == {"welfare_hospital_yearly_cap"}
    assert "500.00 baht remain" in str(info.value)
    book.welfare_claim(2, "hospital", dt.date(2025, 6, 5), nights=10, amount=baht(500))
    assert book.assess_claim(2, "hospital", dt.date(2025, 7, 5), nights=1).entitled == Money(0)
    # A new fiscal year starts a new cap.
    assert book.assess_claim(2, "hospital", dt.date(2026, 1, 5), nights=1).entitled == baht(100)


def test_death_benefit_by_years_of_membership(welfare_book):
    book = welfare_book
    a = book.assess_claim(3, "death", JOIN + dt.timedelta(days=179))
    assert "welfare_death" in {p.rule for p in a.problems}
    assert book.assess_claim(3, "death", JOIN + dt.timedelta(days=180)).entitled == baht(3000)
    assert book.assess_claim(3, "death", JOIN + dt.timedelta(days=366)).entitled == baht(5000)
    book.welfare_claim(3, "death", dt.date(2026, 1, 10))
    with pytest.raises(ClaimRefused):
        book.welfare_claim(3, "death", dt.date(2026, 2, 10))


def test_claims_paid_on_days_1_to_15_unless_the_committee_overrides(welfare_book):
    book = welfare_book
    with pytest.raises(ClaimRefused) as info:
        book.welfare_claim(4, "childbirth", dt.date(2025, 5, 16))
    assert rules_of(info.value) == {"claim_days"}
    no = book.welfare_claim(4, "childbirth", dt.date(2025, 5, 16), override_reason="มติกรรมการ 16/05/2568 คลอดฉุกเฉิน")
    claim = next(c for c in book.welfare_claims() if c.id == no)
    assert claim.override_reason.startswith("มติกรรมการ")
    assert book.entry(claim.entry_seq).reason == claim.override_reason


def test_fund_too_small(welfare_book):
    book = welfare_book
    book.welfare_claim(1, "death", dt.date(2025, 8, 5))  # 3,000
    for i in (2, 3, 4):
        book.welfare_claim(i, "death", dt.date(2026, 1, 5))  # 5,000 each: 15,000
    assert book.welfare_fund_balance() == baht(2000)
    with pytest.raises(ClaimRefused) as info:
        book.welfare_claim(2, "hospital", dt.date(2026, 2, 5), nights=25)
    assert rules_of(info.value) == {"welfare_fund"}
    assert book.verify().ok


def test_bad_claims(welfare_book):
    with pytest.raises(InvalidInput):
        welfare_book.welfare_claim(1, "lottery", dt.date(2025, 5, 5))
    with pytest.raises(InvalidInput):
        welfare_book.welfare_claim(1, "hospital", dt.date(2025, 5, 5))  # nights missing
