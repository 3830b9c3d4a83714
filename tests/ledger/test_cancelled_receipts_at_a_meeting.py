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
