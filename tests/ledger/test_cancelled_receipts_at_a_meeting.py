"""Found while building the meeting-day screen: a receipt cancelled at the open meeting (its entry reversed)
still counts on the collection sheet and in the day's summary. Recorded here as expected failures (strict:
they start failing the day the ledger is fixed, so the marks come off); the GUI meanwhile decides "paid" from
the receipts that stand (``ui/models/collection.py``)."""

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


@pytest.mark.xfail(strict=True, reason="collection_sheet counts cancelled receipts as paid")
def test_a_cancelled_receipt_leaves_the_member_unpaid(cancelled):
    book, m = cancelled
    [d] = book.collection_sheet(m.id)
    assert not d.has_paid and d.paid.satang == 0


@pytest.mark.xfail(strict=True, reason="after a cancelled first payment the member is no longer treated as new")
def test_a_cancelled_first_payment_is_due_again_in_full(cancelled):
    book, m = cancelled
    [d] = book.collection_sheet(m.id)
    assert d.is_new and d.shares.satang == book.rules.entry_deposit and d.entry_fee.satang == book.rules.entry_fee


@pytest.mark.xfail(strict=True, reason="the day's summary counts cancelled receipts and their members")
def test_the_summary_leaves_cancelled_receipts_out(cancelled):
    book, m = cancelled
    closed = book.close_meeting(m.id)
    assert closed.summary["members_paid"] == 0
