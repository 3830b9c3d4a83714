"""The meeting day: open, collection sheet, payments with gap-free receipts, close and lock."""

import datetime as dt

import pytest

from tests.conftest import START, member_values
from villagebank.ledger import InvalidInput, Money, PeriodLocked
from villagebank.ledger.meetings import Parts


def baht(n):
    return Money.baht(n)


def test_a_whole_meeting_day(saving_book, clock):
    book = saving_book
    clock.set(dt.date(2025, 5, 3))
    book.add_member(member_values("สมาชิกใหม่", join=dt.date(2025, 5, 3)))
    m = book.open_meeting()
    with pytest.raises(InvalidInput):
        book.open_meeting(dt.date(2025, 5, 4))  # one open meeting at a time
    sheet = book.collection_sheet(m.id)
    assert len(sheet) == 11 and not any(d.has_paid for d in sheet)
    new = sheet[-1]
    assert new.is_new and new.total == baht(120)
    first = book.receipts()[-1].receipt_no
    for d in sheet[:6]:
        book.pay(d.member_no, meeting_id=m.id)
    book.pay(7, Parts(shares=baht(50)), meeting_id=m.id)  # more than the minimum
    sheet = book.collection_sheet(m.id)
    assert [d.member_no for d in sheet if not d.has_paid] == [8, 9, 10, 11]
    receipts = [r.receipt_no for r in book.receipts(meeting_id=m.id)]
    assert receipts == list(range(first + 1, first + 8))
    with pytest.raises(InvalidInput):
        book.pay(8, meeting_id=m.id, date=dt.date(2025, 5, 2))
    closed = book.close_meeting(m.id, counts={100000: 1, 50000: 1, 10000: 1, 1000: 1}, reason="")
    s = closed.summary
    assert s["receipts"] == 7 and s["members_paid"] == 7
    assert s["totals"]["shares"] == 6 * 1000 + 5000 and s["missed"] == [8, 9, 10]
    assert s["cash_difference"] == 0
    with pytest.raises(InvalidInput):
        book.pay(8, meeting_id=m.id)
    with pytest.raises(PeriodLocked):
        book.deposit(8, baht(10), date=dt.date(2025, 5, 3))
    with pytest.raises(PeriodLocked):
        book.cash_out(baht(1), "office", "ย้อนหลัง", date=dt.date(2025, 4, 20))
    book.deposit(8, baht(10), date=dt.date(2025, 5, 4))  # after the meeting: a new day
    assert book.verify().ok


def test_meeting_dates_move_forward(saving_book):
    with pytest.raises(InvalidInput):
        saving_book.open_meeting(dt.date(2025, 4, 3))  # already held
    with pytest.raises(PeriodLocked):
        saving_book.open_meeting(dt.date(2025, 3, 20))  # inside the closed months


def test_receipt_reprints_are_copies(saving_book):
    r = saving_book.receipts()[0]
    assert saving_book.mark_receipt_printed(r.receipt_no) is False
    assert saving_book.mark_receipt_printed(r.receipt_no) is True


def test_a_member_who_joined_today_and_paid_nothing_is_not_a_miss(book, clock):
    book.add_member(member_values("ก", join=START))
    m = book.open_meeting(START)
    closed = book.close_meeting(m.id)
    assert closed.summary["missed"] == []


def test_fines_for_missed_savings_are_due_when_the_rule_sets_one(saving_book, clock):
    from tests.conftest import meeting_day

    book = saving_book
    book.set_rules(book.rules.replace(fine_per_miss=500), "มติที่ประชุม")
    meeting_day(book, clock, dt.date(2025, 5, 3), skip={2})
    clock.set(dt.date(2025, 6, 3))
    m = book.open_meeting()
    dues = book.dues(2, m.id)
    assert dues.fine == baht(5) and dues.total == baht(15)
    r = book.pay(2, meeting_id=m.id)
    assert ("ค่าปรับ", baht(5)) in r.items
    assert book.dues(2, m.id).fine == Money(0)


def test_one_kind_of_savings_or_partner_listed_twice_is_refused(saving_book):
    with pytest.raises(InvalidInput):
        saving_book.pay(1, Parts(savings=(("voluntary", baht(10)), ("voluntary", baht(10)))))


def test_leaving_ends_partner_enrolments(saving_book, clock):
    book = saving_book
    book.edit_member(1, {"citizen_id": "1101700203450"})
    clock.set(dt.date(2025, 4, 10))
    book.enrol_partner(1, "nsf")
    book.leave(1, "resigned", "ย้ายบ้าน")
    assert all(e.until is not None for e in book.partner_enrolments(member_no=1))


def test_receipts_between_reads_what_receipt_reads(saving_book, clock):
    """The batch query for statements returns the same records as ``receipt(no)``, cancellations included."""
    book = saving_book
    clock.set(dt.date(2025, 4, 20))
    extra = book.deposit(3, baht(40), dt.date(2025, 4, 20))
    book.reverse_entry(extra.entry_seq, "ฝากผิดคน")
    start, end = dt.date(2025, 3, 1), dt.date(2025, 4, 30)
    expected = [book.receipt(r.receipt_no) for r in book.receipts() if start <= r.date <= end]
    assert len(expected) == 21 and expected[-1].voided_by is not None
    assert book.receipts_between(start, end) == expected
    assert book.receipts_between(start, end, member_no=3) == [r for r in expected if r.member_no == 3]
    assert book.receipts_between(dt.date(2026, 1, 1), dt.date(2026, 1, 31)) == []
