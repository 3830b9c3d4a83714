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
    with pytest.raises(InvalidInput) as info:
        saving_book.open_meeting(dt.date(2025, 4, 3))  # already held
    assert "ปิดวันไปแล้ว" in str(info.value) and "บัญชีเงินสด" in str(info.value)
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


def _batch_book(path, clock):
    """Three members with shares, member 1 in กอช., a loan to member 3; the meeting of 03/03/2568 is open."""
    from tests.conftest import meeting_day, valid_cid
    from villagebank.ledger import Rules, create_book

    book = create_book(path, name="กลุ่มทดสอบ", rules=Rules(loan_wait_months=0), clock=clock, user="t")
    for i in range(1, 4):
        book.add_member(member_values(f"สมาชิก{i}", cid=valid_cid(f"3101700203{i:02d}")))
    book.enrol_partner(1, "nsf", START)
    meeting_day(book, clock, START)
    clock.set(dt.date(2025, 2, 3))
    m = book.open_meeting()
    no = book.apply_loan(3, baht(100), 2, [1, 2])
    book.approve_loan(no)
    book.disburse_loan(no)
    book.close_meeting(m.id)
    clock.set(dt.date(2025, 3, 3))
    book.open_meeting()
    return book


def test_pay_many_records_what_paying_one_by_one_records_and_returns_each_refusal(tmp_path):
    from villagebank.ledger import FixedClock, LedgerError

    due = Parts(loans=((1, baht(50)),))
    payments = [
        (1, Parts(shares=baht(20), partners=(("nsf", baht(100)),))),
        (3, due),
        (3, Parts(loans=((1, baht(51)),))),  # the loan again, as it stands after the first receipt
        (2, Parts(shares=baht(1500))),
        (2, Parts(shares=baht(600))),  # 1,500 + 600 is over the 2,000 per-meeting limit
        (9, Parts(shares=baht(20))),  # no such member
        (1, Parts(partners=(("nsf", baht(1200)),))),  # over the year's 1,200 with the 100 above
        (2, Parts(shares=baht(500))),
    ]
    one, many = (_batch_book(tmp_path / name, FixedClock(START)) for name in ("one.vbk", "many.vbk"))
    expected = []
    for no, parts in payments:
        try:
            expected.append(one.pay(no, parts).receipt_no)
        except LedgerError as exc:
            expected.append(type(exc).__name__ + exc.template)
    got = many.pay_many(payments)
    assert [r if isinstance(r, int) else type(r).__name__ + r.template for r in got] == expected
    assert [isinstance(r, int) for r in got] == [True, True, True, True, False, False, False, True]

    def journal(book):
        return [(e.seq, e.date, e.kind, e.member_no, e.receipt_no, e.meeting_id, e.loan_no,
                 [(p.account, p.amount, p.member_no, p.loan_no) for p in e.postings]) for e in book.entries()]

    assert journal(one) == journal(many)
    assert [(r.receipt_no, r.member_no, r.total, r.items) for r in one.receipts()] == \
           [(r.receipt_no, r.member_no, r.total, r.items) for r in many.receipts()]
    assert many.verify().ok and many.loan(1).balance == one.loan(1).balance
    one.close()
    many.close()


def test_pay_payouts_pays_as_pay_payout_does_one_by_one(tmp_path):
    from villagebank.ledger import FixedClock, LedgerError
    from villagebank.ledger import journal as j

    def owe(book):
        with book._write() as conn:
            for no, amount in ((1, 120), (2, 30)):
                book._post(conn, date=dt.date(2025, 3, 3), kind="opening", member_no=no, lines=[
                    j.dr("equity:opening", baht(amount)), j.cr("payable:payouts", baht(amount), member_no=no)])
        return book

    one, many = (owe(_batch_book(tmp_path / name, FixedClock(START))) for name in ("one.vbk", "many.vbk"))
    expected = []
    for no in (2, 3, 1, 2):
        try:
            expected.append(one.pay_payout(no, dt.date(2025, 3, 3)))
        except LedgerError as exc:
            expected.append(exc.template)
    got = many.pay_payouts([2, 3, 1, 2], dt.date(2025, 3, 3))
    assert [r if isinstance(r, Money) else r.template for r in got] == expected == \
           [baht(30), "nothing is owed to member {no}", baht(120), "nothing is owed to member {no}"]
    assert [(e.seq, e.kind, e.member_no, e.postings) for e in one.entries()] == \
           [(e.seq, e.kind, e.member_no, e.postings) for e in many.entries()]
    assert many.verify().ok
    one.close()
    many.close()
