"""A receipt cancelled at the open meeting (its entry reversed) no longer counts: the member is unpaid again
on the collection sheet, a new member owes the entry deposit and fee again, and the day's summary leaves it
out. (Found while building the meeting-day screen.)"""

from __future__ import annotations

import pytest

from tests.conftest import START, member_values, valid_cid


@pytest.fixture
def cancelled(book, clock):
    """A new member pays the entry deposit and fee at the first meeting; the receipt is cancelled."""
    book.add_member(member_values("สมชาย", cid=valid_cid("110170020341")))
    m = book.open_meeting(START)
    receipt = book.pay(1, None, meeting_id=m.id)
    book.reverse_entry(receipt.entry_seq, "บันทึกผิดคน", date=START)
    return book, m


def test_a_cancelled_receipt_leaves_the_member_unpaid(cancelled):
    book, m = cancelled
    [d] = book.collection_sheet(m.id)
    assert not d.has_paid and d.paid.satang == 0


def test_a_cancelled_first_payment_is_due_again_in_full(cancelled):
    book, m = cancelled
    [d] = book.collection_sheet(m.id)
    assert d.is_new and d.shares.satang == book.rules.entry_deposit and d.entry_fee.satang == book.rules.entry_fee


def test_the_summary_leaves_cancelled_receipts_out(cancelled):
    book, m = cancelled
    closed = book.close_meeting(m.id)
    assert closed.summary["members_paid"] == 0
    assert closed.summary["receipts"] == 0 and closed.summary["cancelled"] == [1]


def test_the_days_money_leaves_the_cancelled_receipt_and_the_count_out(book, clock):
    """Found by reading the manual cold: the day's 'cash received' counted a receipt cancelled that day, the
    cancel showed as cash paid out, the count's shortage as an expense, and the summary's 'cash in the book' was
    read after the shortage was posted (equal to the count, beside a difference of -1.00)."""
    for i in (1, 2):
        book.add_member(member_values(f"สมาชิก{i}", cid=valid_cid(f"11017002034{i}")))
    m = book.open_meeting(START)
    first = book.pay(1, None, meeting_id=m.id)
    book.pay(2, None, meeting_id=m.id)
    book.reverse_entry(first.entry_seq, "บันทึกผิดคน", date=START)
    again = book.pay(1, None, meeting_id=m.id)
    held = book.cash_balance(as_of=START)
    totals = book.day_totals(START)
    assert totals["cash_in"] == held.satang == 2 * again.total.satang and "cash_out" not in totals
    short = {100: held.satang // 100 - 1}  # one baht coins, one short
    closed = book.close_meeting(m.id, short, "เหรียญหาย")
    s = closed.summary
    assert s["cash_book"] == held.satang and s["cash_counted"] == held.satang - 100
    assert s["cash_difference"] == -100 and s["cash_reason"] == "เหรียญหาย"
    assert s["totals"]["cash_in"] == held.satang and "expenses" not in s["totals"] and "cash_out" not in s["totals"]
    assert s["cancelled"] == [first.receipt_no] and s["receipts"] == 2
