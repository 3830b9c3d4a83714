"""Partner funds (collect and forward): enrolments, dues on the collection sheet in their season, the
bank paying dues from its welfare fund (table 2.4), remittances and the remittance list."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from tests.conftest import START, meeting_day, member_values, valid_cid
from villagebank.ledger import InvalidInput, Money, NotFound, RuleViolation
from villagebank.ledger import journal as j
from villagebank.ledger.meetings import Parts

pytestmark = pytest.mark.usefixtures("english")  # messages are matched in English

CW = "community_welfare"
JAN, JAN_LATE, FEB, MAR = dt.date(2025, 1, 3), dt.date(2025, 1, 20), dt.date(2025, 2, 3), dt.date(2025, 3, 3)


def baht(n):
    return Money.baht(n)


def partner_dues(book, date):
    """{member_no: {partner: baht}} of the collection sheet of ``date`` (without opening a meeting)."""
    return {d.member_no: {p.partner: p.amount for p in d.partners} for d in book.collection_sheet(date=date)
            if d.partners}


def set_partner(book, key, **changes):
    rules = book.rules
    partners = tuple(dataclasses.replace(p, **changes) if p.key == key else p for p in rules.partners)
    book.set_rules(rules.replace(partners=partners), reason="test")


def fund_welfare(book, amount, date=START):
    """Money in the welfare fund (as the year-end allocation would put it there)."""
    with book._write() as conn:
        book._post(conn, date=date, kind="opening", lines=[j.dr("cash", amount), j.cr("fund:welfare", amount)])


@pytest.fixture
def pbook(book):
    """Four members who joined on 03/01/2568; 1 and 2 are in the community welfare fund, 3 in กอช."""
    for i in range(1, 5):
        book.add_member(member_values(f"สมาชิก{i}", cid=valid_cid(f"3101700203{i:02d}")))
    book.enrol_partner(1, CW, dt.date(2025, 1, 1))
    book.enrol_partner(2, CW, dt.date(2025, 1, 1))
    book.enrol_partner(3, "nsf", dt.date(2025, 1, 1))
    return book


# --- dues on the collection sheet ---------------------------------------------------------------------
def test_a_yearly_due_shows_in_january_and_not_in_february_once_paid(pbook, clock):
    assert partner_dues(pbook, JAN) == {1: {CW: baht(200)}, 2: {CW: baht(200)}, 3: {"nsf": baht(100)}}
    meeting_day(pbook, clock, JAN, skip={2})
    # a second meeting in January: paid members owe nothing more (กอช. included: January is paid);
    # member 2 still owes the year's dues
    assert partner_dues(pbook, JAN_LATE) == {2: {CW: baht(200)}}
    meeting_day(pbook, clock, JAN_LATE)
    assert partner_dues(pbook, JAN_LATE) == {}
    # February is out of season for the yearly fund; กอช. is due again (monthly)
    assert partner_dues(pbook, FEB) == {3: {"nsf": baht(100)}}
    # the next year's January asks again
    assert partner_dues(pbook, dt.date(2026, 1, 3))[1] == {CW: baht(200)}


def test_an_unpaid_yearly_due_is_not_asked_after_its_season(pbook, clock):
    meeting_day(pbook, clock, JAN, skip={2})
    assert 2 not in partner_dues(pbook, FEB)
    assert pbook.partner_dues(2, CW, FEB).member_due == 20000


def test_a_monthly_due_is_asked_at_every_meeting_without_arrears(pbook, clock):
    for date in (JAN, FEB):
        assert partner_dues(pbook, date)[3] == {"nsf": baht(100)}
        meeting_day(pbook, clock, date)
    meeting_day(pbook, clock, MAR, skip={3})  # a missed month
    assert partner_dues(pbook, dt.date(2025, 4, 3))[3] == {"nsf": baht(100)}  # not 200: no arrears


def test_paying_a_whole_year_of_nsf_in_january_clears_the_rest_of_the_year(pbook, clock):
    clock.set(JAN)
    m = pbook.open_meeting()
    pbook.pay(3, Parts(shares=baht(100), entry_fee=baht(20), partners=(("nsf", baht(1200)),)), meeting_id=m.id)
    assert 3 not in partner_dues(pbook, JAN)
    pbook.close_meeting(m.id)
    assert 3 not in partner_dues(pbook, dt.date(2025, 12, 3))
    assert partner_dues(pbook, dt.date(2026, 1, 3))[3] == {"nsf": baht(100)}
    with pytest.raises(RuleViolation, match=r"1,200\.00"):  # no 13th month
        pbook.pay(3, Parts(partners=(("nsf", baht(100)),)), date=dt.date(2025, 2, 10))


def test_dues_follow_the_enrolment_span(pbook, clock):
    pbook.end_partner_enrolment(3, "nsf", dt.date(2025, 2, 1))
    assert 3 in partner_dues(pbook, JAN) and 3 not in partner_dues(pbook, FEB)
    pbook.enrol_partner(3, "nsf", dt.date(2025, 3, 1))
    assert partner_dues(pbook, MAR)[3] == {"nsf": baht(100)}
    pbook.enrol_partner(4, CW, dt.date(2025, 1, 10))
    assert 4 not in partner_dues(pbook, JAN) and partner_dues(pbook, JAN_LATE)[4] == {CW: baht(200)}


def test_former_members_owe_no_partner_dues(pbook, clock):
    pbook.leave(1, "resigned", "ย้ายบ้าน", JAN)
    assert 1 not in partner_dues(pbook, dt.date(2025, 1, 4))


# --- payments ----------------------------------------------------------------------------------------
def test_a_member_not_enrolled_is_refused_for_that_partner(pbook):
    with pytest.raises(RuleViolation, match="member 4 is not enrolled") as exc:
        pbook.pay(4, Parts(shares=baht(100), entry_fee=baht(20), partners=((CW, baht(200)),)), date=JAN)
    assert exc.value.rule == "partner_enrolment"
    with pytest.raises(RuleViolation):  # enrolled in กอช., not in the community fund
        pbook.pay(3, Parts(partners=((CW, baht(200)),)), date=JAN)
    with pytest.raises(NotFound):
        pbook.pay(1, Parts(partners=(("no_such_fund", baht(10)),)), date=JAN)
    assert pbook.entry_count() == 0


def test_paying_more_than_the_years_dues_is_refused(pbook):
    with pytest.raises(RuleViolation, match=r"200\.00") as exc:
        pbook.pay(1, Parts(partners=((CW, baht(300)),)), date=JAN)
    assert exc.value.rule == "partners"
    pbook.pay(1, Parts(partners=((CW, baht(150)),)), date=JAN)  # part now ...
    assert pbook.partner_dues(1, CW, JAN).member_due == 5000  # ... the rest later
    with pytest.raises(RuleViolation):
        pbook.pay(1, Parts(partners=((CW, baht(51)),)), date=JAN)
    pbook.pay(1, Parts(partners=((CW, baht(50)),)), date=JAN)


def test_an_inactive_partner_is_refused(pbook):
    with pytest.raises(RuleViolation, match="not in use"):
        pbook.enrol_partner(1, "gsb")
    set_partner(pbook, CW, active=False)
    assert partner_dues(pbook, JAN) == {3: {"nsf": baht(100)}}
    with pytest.raises(RuleViolation, match="not in use"):
        pbook.pay(1, Parts(partners=((CW, baht(200)),)), date=JAN)


def test_a_partner_without_fixed_dues_takes_what_the_member_chooses(pbook):
    set_partner(pbook, "gsb", active=True)  # amount 0: GSB family welfare deposits vary by member
    pbook.enrol_partner(4, "gsb", dt.date(2025, 1, 1))
    assert 4 not in partner_dues(pbook, JAN)
    pbook.pay(4, Parts(shares=baht(100), entry_fee=baht(20), partners=(("gsb", baht(730)),)), date=JAN)
    assert pbook.partner_statement("gsb", JAN).owed == baht(730)


def test_a_corrected_receipt_counts_as_not_collected(pbook, clock):
    r = pbook.pay(1, Parts(partners=((CW, baht(200)),)), date=JAN)
    assert 1 not in partner_dues(pbook, JAN)
    pbook.reverse_entry(r.entry_seq, "ผิดคน", JAN)
    assert partner_dues(pbook, JAN)[1] == {CW: baht(200)}
    row = pbook.partner_statement(CW, JAN).rows[0]
    assert (row.collected, row.owed) == (Money(0), Money(0))


# --- enrolments ---------------------------------------------------------------------------------------
def test_enrolment_rules(pbook):
    with pytest.raises(InvalidInput, match="already enrolled"):
        pbook.enrol_partner(1, CW, dt.date(2025, 6, 1))
    with pytest.raises(NotFound):
        pbook.enrol_partner(1, "no_such_fund")
    with pytest.raises(InvalidInput, match="not enrolled"):
        pbook.end_partner_enrolment(4, CW)
    with pytest.raises(InvalidInput):
        pbook.end_partner_enrolment(1, CW, dt.date(2024, 12, 31))  # before it began
    pbook.add_member(member_values("ไม่มีบัตร"))
    with pytest.raises(RuleViolation, match="citizen ID") as exc:
        pbook.enrol_partner(5, CW)
    assert exc.value.rule == "citizen_id"
    ended = pbook.end_partner_enrolment(1, CW, dt.date(2025, 3, 1))
    assert ended.until == dt.date(2025, 3, 1)
    assert [e.member_no for e in pbook.partner_enrolments(CW, as_of=dt.date(2025, 3, 1))] == [2]
    assert [e.member_no for e in pbook.partner_enrolments(CW, as_of=dt.date(2025, 2, 28))] == [1, 2]
    with pytest.raises(InvalidInput, match="already enrolled"):
        pbook.enrol_partner(1, CW, dt.date(2025, 2, 1))  # overlaps the ended span
    pbook.enrol_partner(1, CW, dt.date(2025, 3, 1))
    assert len(pbook.partner_enrolments(CW, member_no=1)) == 2


# --- the bank pays -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("pct", "member_owes", "bank_pays"), [
    ("0", 200, 0),  # 2554 (table 2.4, L1394)
    ("25", 150, 50),  # 2555
    ("50", 100, 100),
    ("100", 0, 200),  # 2556 onwards
])
def test_the_bank_pays_part_of_the_dues_as_in_table_2_4(pbook, clock, pct, member_owes, bank_pays):
    set_partner(pbook, CW, bank_pays_pct=Decimal(pct))
    fund_welfare(pbook, baht(1000))
    due = pbook.partner_dues(1, CW, JAN)
    assert (due.member_share, due.bank_share) == (member_owes * 100, bank_pays * 100)
    expected = {CW: baht(member_owes)} if member_owes else None
    assert partner_dues(pbook, JAN).get(1) == expected
    if bank_pays:
        seq = pbook.partner_paid_by_bank(CW, date=JAN)
        lines = pbook.entry(seq).postings
        assert {(p.account, p.member_no, p.amount) for p in lines} == {
            ("fund:welfare", 1, baht(bank_pays)), ("payable:community_welfare", 1, -baht(bank_pays)),
            ("fund:welfare", 2, baht(bank_pays)), ("payable:community_welfare", 2, -baht(bank_pays))}
    else:
        with pytest.raises(RuleViolation, match="0%"):
            pbook.partner_paid_by_bank(CW, date=JAN)
    assert partner_dues(pbook, JAN).get(1) == expected  # the bank's payment leaves the member's part
    meeting_day(pbook, clock, JAN)
    row = pbook.partner_statement(CW, JAN).rows[0]
    assert (row.collected, row.paid_by_bank, row.owed) == (baht(member_owes), baht(bank_pays), baht(200))
    assert pbook.balance("fund:welfare") == -baht(1000 - 2 * bank_pays)
    assert pbook.verify().ok


def test_bank_pays_50_percent_member_owes_100_of_200(pbook, clock):
    set_partner(pbook, CW, bank_pays_pct=Decimal("50"))
    fund_welfare(pbook, baht(500))
    assert partner_dues(pbook, JAN)[1] == {CW: baht(100)}
    pbook.partner_paid_by_bank(CW, 1, date=JAN)
    with pytest.raises(RuleViolation, match="nothing of it is left"):  # not twice
        pbook.partner_paid_by_bank(CW, 1, date=JAN)
    with pytest.raises(RuleViolation):  # the member may not pay more than the rest of the year's dues
        pbook.pay(1, Parts(partners=((CW, baht(101)),)), date=JAN)
    pbook.pay(1, Parts(partners=((CW, baht(100)),)), date=JAN)
    assert 1 not in partner_dues(pbook, JAN)
    # member 2: the bank's part is posted for all enrolled members still owing it; member 1 is done
    seq = pbook.partner_paid_by_bank(CW, date=JAN)
    assert {p.member_no for p in pbook.entry(seq).postings} == {2}


def test_the_bank_may_pay_a_whole_due_for_one_member(pbook):
    fund_welfare(pbook, baht(500))
    pbook.partner_paid_by_bank(CW, [1], amount=baht(200), date=JAN)  # a hardship case
    assert 1 not in partner_dues(pbook, JAN)
    with pytest.raises(RuleViolation, match=r"at most 0\.00"):
        pbook.partner_paid_by_bank(CW, [1], amount=baht(1), date=JAN)


def test_the_bank_may_pay_a_different_amount_for_each_member_in_one_entry(pbook):
    """As a workbook's paid_by_bank rows of one date give them: one entry, each member for their amount."""
    fund_welfare(pbook, baht(500))
    seq = pbook.partner_paid_by_bank(CW, {1: baht(200), 2: baht(50)}, date=JAN)
    assert {(p.account, p.member_no, p.amount) for p in pbook.entry(seq).postings} == {
        ("fund:welfare", 1, baht(200)), ("payable:community_welfare", 1, -baht(200)),
        ("fund:welfare", 2, baht(50)), ("payable:community_welfare", 2, -baht(50))}
    with pytest.raises(RuleViolation, match=r"at most 150\.00"):
        pbook.partner_paid_by_bank(CW, {2: baht(151)}, date=JAN)
    with pytest.raises(InvalidInput):
        pbook.partner_paid_by_bank(CW, {2: baht(0)}, date=JAN)


def test_the_bank_pays_only_for_enrolled_active_members_and_from_a_funded_welfare_fund(pbook):
    set_partner(pbook, CW, bank_pays_pct=Decimal("100"))
    with pytest.raises(RuleViolation, match=r"welfare fund holds only 0\.00") as exc:
        pbook.partner_paid_by_bank(CW, date=JAN)
    assert exc.value.rule == "welfare_fund"
    fund_welfare(pbook, baht(300))
    with pytest.raises(RuleViolation, match=r"300\.00"):  # 2 × 200 > 300
        pbook.partner_paid_by_bank(CW, date=JAN)
    with pytest.raises(RuleViolation) as exc:
        pbook.partner_paid_by_bank(CW, [4], date=JAN)
    assert exc.value.rule == "partner_enrolment"
    with pytest.raises(InvalidInput):
        pbook.partner_paid_by_bank(CW, [1], amount=baht(0), date=JAN)
    pbook.partner_paid_by_bank(CW, [1], date=JAN)
    assert pbook.balance("fund:welfare") == -baht(100)


# --- remittance ----------------------------------------------------------------------------------------
def test_remittance_clears_the_payable_and_the_book_verifies(pbook, clock):
    meeting_day(pbook, clock, JAN)
    cash = pbook.cash_balance()
    seq = pbook.remit_partner(CW, dt.date(2025, 1, 25))
    e = pbook.entry(seq)
    assert e.kind == "partner_remit"
    assert [(p.account, p.member_no, p.amount) for p in e.postings] == [
        ("payable:community_welfare", 1, baht(200)), ("payable:community_welfare", 2, baht(200)),
        ("cash", None, -baht(400))]
    assert pbook.balance("payable:community_welfare") == Money(0)
    assert pbook.cash_balance() == cash - baht(400)
    st = pbook.partner_statement(CW, dt.date(2025, 1, 25))
    assert (st.collected, st.remitted, st.owed, st.enrolled) == (baht(400), baht(400), Money(0), 2)
    assert st.remittance_list() == ()
    assert pbook.balance("payable:nsf") == -baht(100)  # another partner's money stays
    lines = pbook.cash_book(dt.date(2025, 1, 1), dt.date(2025, 1, 31)).lines
    assert lines[-1].kind == "partner_remit" and lines[-1].paid == baht(400)
    report = pbook.verify()
    assert report.ok, [p.message() for p in report.problems]


def test_remitting_more_than_collected_is_refused(pbook, clock):
    meeting_day(pbook, clock, JAN, skip={2})
    with pytest.raises(RuleViolation, match=r"only 200\.00") as exc:
        pbook.remit_partner(CW, FEB, members={1: baht(300)})
    assert exc.value.rule == "partners"
    with pytest.raises(RuleViolation, match="member 2"):
        pbook.remit_partner(CW, FEB, members=[2])
    with pytest.raises(RuleViolation):
        pbook.remit_partner(CW, FEB, members={1: baht(150), 4: baht(1)})
    with pytest.raises(RuleViolation):  # money collected after the remittance date is not there yet
        pbook.remit_partner(CW, dt.date(2025, 1, 2))
    pbook.remit_partner(CW, FEB, members={1: baht(150)})
    assert pbook.partner_statement(CW, FEB).rows[0].owed == baht(50)
    pbook.remit_partner(CW, FEB, members=[1])
    with pytest.raises(RuleViolation, match="nothing collected"):
        pbook.remit_partner(CW, FEB)
    assert pbook.verify().ok


def test_a_remittance_needs_the_money(pbook, clock):
    meeting_day(pbook, clock, JAN)
    pbook.transfer(pbook.cash_balance(), "cash", "bank:main", date=dt.date(2025, 1, 4))
    with pytest.raises(RuleViolation, match=r"400\.00"):
        pbook.remit_partner(CW, FEB)
    pbook.remit_partner(CW, FEB, account="bank:main")
    with pytest.raises(InvalidInput):
        pbook.remit_partner("nsf", FEB, account="fund:welfare")


def test_the_remittance_list_names_members_with_citizen_ids(pbook, clock):
    meeting_day(pbook, clock, JAN, skip={2})
    st = pbook.partner_statement(CW, JAN)
    assert [(r.member_no, r.citizen_id, r.enrolled, r.owed) for r in st.rows] == [
        (1, valid_cid("310170020301"), True, baht(200)), (2, valid_cid("310170020302"), True, Money(0))]
    assert [r.member_no for r in st.remittance_list()] == [1]
    with pytest.raises(NotFound):
        pbook.partner_statement("no_such_fund")


def test_remittance_deadlines_due_soon_then_overdue(pbook, clock):
    assert pbook.partner_deadlines(JAN) == []  # nothing collected yet
    meeting_day(pbook, clock, JAN)
    soon = pbook.partner_deadlines(dt.date(2025, 1, 10))
    assert [(d.partner, d.deadline, d.owed, d.days_left, d.overdue) for d in soon] == [
        (CW, dt.date(2025, 2, 5), baht(400), 26, False)]
    assert pbook.partner_deadlines(dt.date(2025, 1, 10), within_days=7) == []
    late = pbook.partner_deadlines(dt.date(2025, 2, 10))
    assert [(d.partner, d.deadline, d.days_left, d.overdue) for d in late] == [(CW, dt.date(2025, 2, 5), -5, True)]
    pbook.remit_partner(CW, dt.date(2025, 2, 10))
    assert pbook.partner_deadlines(dt.date(2025, 2, 10)) == []
    # กอช. money is remitted in December (remit day 20 by default)
    nsf = pbook.partner_deadlines(dt.date(2025, 12, 1))
    assert [(d.partner, d.deadline, d.owed) for d in nsf] == [("nsf", dt.date(2025, 12, 20), baht(100))]


# --- verify ----------------------------------------------------------------------------------------------
def test_verify_finds_a_partner_payable_remitted_beyond_collection_or_without_a_member(pbook):
    with pbook._write() as conn:
        pbook._post(conn, date=JAN, kind="partner_remit",
                    lines=[j.dr("payable:nsf", baht(10), member_no=3), j.cr("cash", baht(10))])
        pbook._post(conn, date=JAN, kind="opening",
                    lines=[j.dr("cash", baht(5)), j.cr("payable:community_welfare", baht(5))])
    codes = {p.code for p in pbook.verify().problems}
    assert codes == {"negative_balance", "no_member"}
