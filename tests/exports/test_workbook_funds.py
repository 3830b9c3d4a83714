"""Importing partner-fund rows (collected, remitted, paid by the bank), welfare claims (with the committee's
override) and the cash categories of the addendum (money into a fund, payouts, cash-count differences),
each problem pinned to its cell."""

from __future__ import annotations

import datetime as dt

from tests.exports.test_workbook_import import thai_workbook
from villagebank.exports.workbook.importer import import_workbook
from villagebank.ledger import Money, open_book

JAN, FEB, MAR = "03/01/2568", "03/02/2568", "03/03/2568"
PASS_HEAD = ["วันที่", "เลขที่สมาชิก", "กองทุน", "รายการ", "จำนวนเงิน"]
CLAIM_HEAD = ["วันที่", "เลขที่สมาชิก", "กรณี", "จำนวนคืน", "จำนวนเงินที่จ่าย", "เหตุผลที่กรรมการอนุมัติเป็นกรณีพิเศษ"]


def baht(n) -> Money:
    return Money.baht(n)


def kinds(book) -> list[str]:
    return [e.kind for e in book.entries()]


def test_partner_rows_become_receipt_parts_remittances_and_dues_paid_by_the_bank(tmp_path):
    xlsx = thai_workbook(tmp_path / "a.xlsx", cash=[[JAN, "รับ", "fund:welfare", "เงินสมทบจาก อบต.", 1000]], extra=[
        ("เงินรับฝากส่งต่อ", PASS_HEAD, [
            [JAN, 1, "nsf", "เก็บ", 100],
            [JAN, 1, "community_welfare", "collected", 100],
            [JAN, 1, "community_welfare", "กลุ่มจ่ายแทน", 100],
            [FEB, 1, "nsf", "collected", "๑๐๐"],
            [FEB, 1, "community_welfare", "นำส่ง", 200],
            [MAR, 1, "nsf", "remitted", 200]])])
    result = import_workbook(tmp_path / "new.vbk", xlsx)
    assert result.ok, [str(p) for p in result.problems]
    with open_book(tmp_path / "new.vbk", readonly=True) as book:
        nsf = book.partner_statement("nsf", dt.date(2025, 3, 31)).rows
        cw = book.partner_statement("community_welfare", dt.date(2025, 3, 31)).rows
        assert [(r.member_no, r.collected, r.paid_by_bank, r.remitted, r.owed) for r in nsf] == \
               [(1, baht(200), baht(0), baht(200), baht(0))]
        assert [(r.member_no, r.collected, r.paid_by_bank, r.remitted, r.owed) for r in cw] == \
               [(1, baht(100), baht(100), baht(200), baht(0))]
        # enrolled from the start of the contribution year of the first row, or the join date when later
        assert [(e.partner, e.since) for e in book.partner_enrolments(member_no=1)] == \
               [("community_welfare", dt.date(2025, 1, 3)), ("nsf", dt.date(2025, 1, 3))]
        first = book.receipts(member_no=1)[0]  # one receipt per member per meeting, partner parts in it
        assert len(book.receipts(member_no=1)) == 3 and first.total == baht(100 + 30 + 100 + 100)
        assert book.welfare_fund_balance() == baht(900)  # the grant is not income; the bank paid 100 from it
        assert kinds(book).count("partner_remit") == 2 and kinds(book).count("partner_bank_pays") == 1
        assert kinds(book).count("fund_in") == 1 and book.verify().ok
    figures = {k: v for k, _label, v in result.figures}
    assert figures["income_ytd"] == baht(123) and figures["welfare_fund"] == baht(900)


def test_partner_rows_the_rules_refuse_are_each_pinned_to_their_cell(tmp_path, english):
    xlsx = thai_workbook(tmp_path / "a.xlsx", extra=[("เงินรับฝากส่งต่อ", PASS_HEAD, [
        [JAN, 2, "nsf", "collected", 100],  # member 2 has no citizen ID: cannot be enrolled
        [JAN, 1, "nsf", "collected", 100],
        [FEB, 1, "nsf", "remitted", 150],  # only 100 was collected
        [FEB, 1, "xyz", "collected", 10],  # no such partner fund
        [FEB, 1, "nsf", "collected", 1300],  # more than the year asks (1,200 baht)
    ])])
    result = import_workbook(tmp_path / "new.vbk", xlsx)
    assert [p.where for p in result.problems] == ["เงินรับฝากส่งต่อ!B2", "เงินรับฝากส่งต่อ!E4",
                                                  "เงินรับฝากส่งต่อ!C5", "เงินรับฝากส่งต่อ!E6"], \
        [str(p) for p in result.problems]
    text = [str(p) for p in result.problems]
    assert "no citizen ID" in text[0] and "only 100.00 baht was collected" in text[1]
    assert "no partner fund “xyz”" in text[2] and "too much" in text[3]
    assert not (tmp_path / "new.vbk").exists()


def claims_workbook(path, claims):
    return thai_workbook(path, cash=[[JAN, "in", "fund:welfare", "", 2000]],
                         extra=[("สวัสดิการ", CLAIM_HEAD, claims)])


def test_welfare_claims_follow_the_schedule_unless_the_committee_approved_them(tmp_path, english):
    override = "มติคณะกรรมการครั้งที่ 2/2568"
    claims = [["10/04/2568", 1, "childbirth", None, 500, None],
              ["10/02/2568", 2, "hospital", 3, 300, None],  # 38 days of membership, the schedule wants 90
              ["10/02/2568", 3, "นอนโรงพยาบาล", 2, 200, override],  # the same, approved by the committee
              ["20/04/2568", 4, "childbirth", None, 500, None],  # claims are paid on days 1-15
              ["10/04/2568", 4, "hospital", None, 100, None],  # a hospital claim needs the nights
              ["10/04/2568", 4, "funeral", None, 100, None],  # not a case of the schedule
              ["10/04/2568", 2, "hospital", 2, 300, None]]  # more than 2 nights × 100 baht
    result = import_workbook(tmp_path / "new.vbk", claims_workbook(tmp_path / "a.xlsx", claims))
    assert [p.where for p in result.problems] == ["สวัสดิการ!B3", "สวัสดิการ!A5", "สวัสดิการ!D6", "สวัสดิการ!C7",
                                                  "สวัสดิการ!E8"], [str(p) for p in result.problems]
    assert "benefits start after 90 days" in str(result.problems[0])
    assert "more than the schedule allows (200.00 baht)" in str(result.problems[-1])
    result = import_workbook(tmp_path / "new.vbk", claims_workbook(tmp_path / "b.xlsx", claims[:1] + claims[2:3]))
    assert result.ok, [str(p) for p in result.problems]
    with open_book(tmp_path / "new.vbk", readonly=True) as book:
        got = [(c.member_no, c.case, c.nights, c.amount, c.override_reason) for c in book.welfare_claims()]
        assert got == [(3, "hospital", 2, baht(200), override), (1, "childbirth", None, baht(500), "")]
        assert book.welfare_fund_balance() == baht(2000 - 700)


def test_cash_categories_of_the_addendum_and_their_problems(tmp_path, english):
    cash = [[JAN, "in", "fund:welfare", "", 500],
            ["10/03/2568", "out", "payout:1", "", 10],  # nothing is owed to member 1
            [MAR, "out", "fund:welfare", "", 10],  # money goes into a fund, never out of it here
            [MAR, "out", "payout:หนึ่ง", "", 10],  # names no member
            [MAR, "in", "salary", "", 10]]
    result = import_workbook(tmp_path / "new.vbk", thai_workbook(tmp_path / "a.xlsx", cash=cash))
    assert [p.where for p in result.problems] == ["บัญชีเงินสด!C3", "บัญชีเงินสด!B4", "บัญชีเงินสด!C5",
                                                  "บัญชีเงินสด!C6"], [str(p) for p in result.problems]
    assert "nothing is owed to member 1" in str(result.problems[0])
    assert "fund:welfare" in str(result.problems[3]) and "payout:<member number>" in str(result.problems[3])


def test_a_cash_count_difference_is_posted_as_the_count_at_the_meetings_close(tmp_path):
    cash = [[MAR, "out", "expense:cash_short", "เหรียญ 50 สตางค์หาย", "0.50"],
            ["10/03/2568", "in", "income:cash_over", "", "1.25"]]  # a count of its own (no meeting that day)
    result = import_workbook(tmp_path / "new.vbk", thai_workbook(tmp_path / "a.xlsx", cash=cash))
    assert result.ok, [str(p) for p in result.problems]
    with open_book(tmp_path / "new.vbk", readonly=True) as book:
        counts = [(c.date, c.difference, c.reason) for c in book.cash_counts()]
        assert counts[0] == (dt.date(2025, 3, 3), -Money(50), "เหรียญ 50 สตางค์หาย")
        assert counts[1][:2] == (dt.date(2025, 3, 10), Money(125)) and counts[1][2]
        assert kinds(book).count("cash_count") == 2 and "cash_out" not in kinds(book)
        assert book.meeting(3).summary["cash_difference"] == -50


def test_a_workbook_from_another_program_can_use_thai_case_names_and_blank_reasons(tmp_path):
    claims = [["10/04/2568", 1, "คลอดบุตร", None, "๕๐๐", " "]]
    result = import_workbook(tmp_path / "new.vbk", claims_workbook(tmp_path / "a.xlsx", claims))
    assert result.ok, [str(p) for p in result.problems]
    with open_book(tmp_path / "new.vbk", readonly=True) as book:
        assert [(c.case, c.amount, c.override_reason) for c in book.welfare_claims()] == [("childbirth", baht(500), "")]
