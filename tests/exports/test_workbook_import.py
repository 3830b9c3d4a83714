"""Importing book workbooks written by other programs: Thai names and labels, B.E. text dates, Thai
digits; all or nothing, with every problem pinned to its cell."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import valid_cid
from villagebank.exports.workbook.importer import import_workbook
from villagebank.exports.workbook.problems import WorkbookError
from villagebank.ledger import Money, Rules, create_book, open_book

CID = valid_cid("310170020345")


def baht(n) -> Money:
    return Money.baht(n)


def sheet(wb: Workbook, title: str, header: list, rows: list[list]) -> None:
    ws = wb.create_sheet(title)
    ws.append(header)
    for r in rows:
        ws.append(r)


def thai_workbook(path: Path, *, bank_rows=None, members=None, shares=None, fees=None, loans=None,
                  repayments=None, cash=None, extra=None) -> Path:
    """A workbook as another program writes it: Thai sheet names and labels, columns in its own order,
    B.E. text dates, Thai digits, amounts as text with commas, an extra column of its own."""
    wb = Workbook()
    wb.remove(wb.active)
    sheet(wb, "ข้อมูลกลุ่ม", ["รหัส", "ค่า"], bank_rows if bank_rows is not None else [
        ["format", "villagebank-book"], ["version", 1], ["ชื่อกลุ่ม", "กลุ่มออมทรัพย์บ้านนาเจริญ"],
        ["province", "น่าน"], ["as_of", "31/03/2568"], ["min_saving", "๒๐"], ["entry_fee", 30],
        ["loan_wait_months", "๐"], ["max_deposit_per_meeting", "2,000"]])
    sheet(wb, "สมาชิก", ["ชื่อ", "นามสกุล", "เลขที่สมาชิก", "วันที่เข้าเป็นสมาชิก", "เลขประจำตัวประชาชน", "สถานะ",
                        "หมายเหตุของเรา"], members if members is not None else [
        ["สมชาย", "ใจดี", "๑", "๐๓/๐๑/๒๕๖๘", CID, "ปกติ", "ประธาน"],
        ["สมศรี", "ศรีสุข", 2, "03/01/2568", None, "active", ""],
        ["บุญมี", "บุญมา", 3, dt.datetime(2025, 1, 3), None, None, ""],
        ["มาลี", "แก้วมณี", 4, "3/1/2025", None, "active", ""],
    ])
    jan, feb, mar = "03/01/2568", "๐๓/๐๒/๒๕๖๘", "03/03/2568"
    sheet(wb, "เงินฝากสัจจะ", ["วันที่", "เลขที่สมาชิก", "ประเภท", "จำนวนเงิน"], shares if shares is not None else [
        *[[jan, n, "ฝาก", "๑๐๐"] for n in (1, 2, 3, 4)],
        *[[feb, n, "deposit", 20] for n in (1, 2, 3)],  # member 4 misses February
        *[[mar, n, "deposit", "20.00"] for n in (1, 2, 3, 4)],
    ])
    sheet(wb, "ค่าธรรมเนียมและค่าปรับ", ["วันที่", "เลขที่สมาชิก", "ประเภท", "จำนวนเงิน"],
          fees if fees is not None else [[jan, n, "ค่าธรรมเนียมแรกเข้า", "๓๐"] for n in (1, 2, 3, 4)])
    sheet(wb, "เงินกู้", ["เลขที่สัญญา", "เลขที่สมาชิก", "วันที่จ่ายเงินกู้", "เงินต้น", "ดอกเบี้ยต่อเดือน", "จำนวนงวด",
                         "วัตถุประสงค์", "ผู้ค้ำคนที่ 1", "ผู้ค้ำคนที่ 2"], loans if loans is not None else [
        [7, 1, feb, "300", "๑", 3, "ซื้อปุ๋ย", 2, 3]])
    sheet(wb, "ชำระเงินกู้", ["วันที่", "เลขที่สัญญา", "เงินต้น", "ดอกเบี้ย"],
          repayments if repayments is not None else [[mar, 7, 100, "๓.๐๐"]])
    sheet(wb, "บัญชีเงินสด", ["วันที่", "รับ/จ่าย", "หมวด", "รายการ", "จำนวนเงิน"], cash if cash is not None else [
        [mar, "จ่าย", "expense:meeting", "ค่าน้ำดื่ม", 50],
        [mar, "out", "bank_deposit", "นำเงินฝาก ธ.ก.ส.", "200"]])
    for title, header, rows in extra or ():
        sheet(wb, title, header, rows)
    wb.save(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_workbook_from_another_program_imports_with_the_expected_balances(tmp_path):
    xlsx = thai_workbook(tmp_path / "bank.xlsx")
    seen = []
    result = import_workbook(tmp_path / "new.vbk", xlsx, progress=lambda *a: seen.append(a))
    assert result.ok, [str(p) for p in result.problems]
    assert result.written and result.created and result.meetings == 3
    assert {"read", "post"} <= {stage for stage, _d, _t in seen}
    assert [str(w) for w in result.warnings] == ["สมาชิก!G1: " + result.warnings[0].message()]  # our own column
    with open_book(tmp_path / "new.vbk", readonly=True) as book:
        assert book.bank().name == "กลุ่มออมทรัพย์บ้านนาเจริญ" and book.bank().province == "น่าน"
        assert book.rules.min_saving == 2000 and book.rules.entry_fee == 3000 and book.rules.loan_wait_months == 0
        assert book.member(1).citizen_id == CID and book.member(1).join_date == dt.date(2025, 1, 3)
        assert [book.share_balance(n) for n in (1, 2, 3, 4)] == [baht(140)] * 3 + [baht(120)]
        assert book.missed_savings(4, 2025) == [dt.date(2025, 2, 3)]
        assert book.member(4).status == "active"
        st = book.loan(7, dt.date(2025, 3, 31))
        assert (st.balance, st.interest_paid, st.guarantors) == (baht(200), baht(3), (2, 3))
        assert book.cash_balance() == baht(520 + 60 - 300 + 80 + 103 - 50 - 200)
        assert book.cash_balance("bank:main") == baht(200)
        assert book.balance("income:entry_fee") == -baht(120)
        assert len(book.receipts(member_no=1)) == 3  # one receipt per member per meeting
        assert [m.status for m in book.meetings()] == ["closed"] * 3
        assert book.verify().ok
    figures = {k: v for k, _label, v in result.figures}
    assert figures["total_shares"] == baht(540) and figures["loans_outstanding"] == baht(200)
    assert figures["income_ytd"] == baht(123) and figures["expenses_ytd"] == baht(50)


def test_errors_on_six_sheets_are_all_reported_and_the_book_is_not_touched(tmp_path, english):
    path = tmp_path / "book.vbk"
    with create_book(path, name="กลุ่มออมทรัพย์บ้านนาเจริญ", rules=Rules(loan_wait_months=0)) as book:
        book.log_event("test", "a book with something in it")
    before = digest(path)
    jan = "03/01/2568"
    xlsx = thai_workbook(
        tmp_path / "bad.xlsx",
        members=[["สมชาย", "ใจดี", 1, jan, "1234567890123", "active", ""],  # bad check digit: E2
                 ["สมศรี", "ศรีสุข", 2, jan, None, "active", ""],
                 ["บุญมี", "บุญมา", 3, jan, None, "active", ""],
                 ["มาลี", "แก้วมณี", 4, jan, None, "active", ""]],
        shares=[[jan, 2, "deposit", "2,500"],  # over the 2,000 per-meeting limit: D2
                [jan, 3, "deposit", 100], [jan, 4, "deposit", 100]],
        fees=[[jan, 3, "fine", "-20"]],  # negative: D2
        loans=[[8, 3, jan, 100, 1, 2, "", 3, 4]],  # the borrower guarantees their own loan: H2
        repayments=[[jan, 99, 10, 0]],  # no such loan: B2
        cash=[[jan, "in", "salary", "", 10]],  # not a category: C2
    )
    result = import_workbook(path, xlsx)
    assert not result.ok and not result.written
    where = [p.where for p in result.problems]
    assert where == ["สมาชิก!E2", "เงินฝากสัจจะ!D2", "ค่าธรรมเนียมและค่าปรับ!D2", "เงินกู้!H2", "ชำระเงินกู้!B2",
                     "บัญชีเงินสด!C2"], [str(p) for p in result.problems]
    text = [str(p) for p in result.problems]
    assert "deposit 2,500.00 exceeds the 2,000.00 per-meeting limit" in text[1]
    assert "cannot guarantee their own loan" in text[3]
    assert digest(path) == before
    assert not list(tmp_path.glob(".book.vbk.import-*"))


def test_every_error_is_listed_in_thai_sorted_by_sheet_and_row(tmp_path):
    xlsx = thai_workbook(tmp_path / "bad.xlsx", shares=[["03/01/2568", 1, "deposit", "12.345"],
                                                        ["31/02/2568", 2, "deposit", 100],
                                                        ["03/01/2568", 3, "ถอนออก", 100]])
    result = import_workbook(tmp_path / "new.vbk", xlsx)
    assert [p.where for p in result.problems][:3] == ["เงินฝากสัจจะ!D2", "เงินฝากสัจจะ!A3", "เงินฝากสัจจะ!C4"]
    assert "ทศนิยม" in str(result.problems[0])  # in Thai, the user's language here
    assert not (tmp_path / "new.vbk").exists()


def test_a_missing_required_column_and_an_unknown_version_are_reported(tmp_path):
    wb = Workbook()
    wb.remove(wb.active)
    sheet(wb, "bank", ["key", "value"], [["format", "villagebank-book"], ["version", 1], ["name", "ก"]])
    sheet(wb, "members", ["member_no", "first_name", "join_date"], [[1, "ก", "03/01/2568"]])
    wb.save(tmp_path / "a.xlsx")
    result = import_workbook(tmp_path / "new.vbk", tmp_path / "a.xlsx")
    assert [p.where for p in result.problems] == ["members!1:1"] and "last_name" in str(result.problems[0])
    wb = Workbook()
    wb.active.title = "bank"
    wb.active.append(["key", "value"])
    wb.active.append(["format", "villagebank-book"])
    wb.active.append(["version", 2])
    wb.save(tmp_path / "v2.xlsx")
    result = import_workbook(tmp_path / "new.vbk", tmp_path / "v2.xlsx")
    assert [p.where for p in result.problems] == ["bank!B3"]
    (tmp_path / "x.xlsx").write_text("not a workbook")
    with pytest.raises(WorkbookError):
        import_workbook(tmp_path / "new.vbk", tmp_path / "x.xlsx")
    assert not (tmp_path / "new.vbk").exists()


def test_history_decides_the_status_and_a_wrong_status_is_a_problem(tmp_path, english):
    """Member 4 misses three meetings in a row: the rules end the membership, whatever the sheet says."""
    rows = [[d, n, "deposit", 100 if d == "03/01/2568" else 20] for d in ("03/01/2568", "03/02/2568", "03/03/2568",
                                                                         "03/04/2568") for n in (1, 2, 3, 4)
            if n != 4 or d == "03/01/2568"]
    xlsx = thai_workbook(tmp_path / "a.xlsx", shares=rows, loans=[], repayments=[], cash=[])
    result = import_workbook(tmp_path / "new.vbk", xlsx)
    assert [p.where for p in result.problems] == ["สมาชิก!F5"]
    assert "makes the status of member 4 “membership ended”, not “active”" in str(result.problems[0])
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    wb["สมาชิก"]["F5"] = "พ้นสภาพ"
    wb.save(xlsx)
    result = import_workbook(tmp_path / "new.vbk", xlsx)
    assert result.ok, [str(p) for p in result.problems]
    with open_book(tmp_path / "new.vbk", readonly=True) as book:
        assert book.member(4).status == "terminated" and book.member(4).exit_date == dt.date(2025, 4, 3)
        assert book.owed_to_former_member(4) == baht(100)


def test_a_member_who_resigns_is_paid_out_on_the_exit_date(tmp_path, english):
    xlsx = thai_workbook(tmp_path / "a.xlsx", loans=[], repayments=[], cash=[])
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    ws = wb["สมาชิก"]
    ws["F5"] = "ลาออก"
    ws.cell(1, 8, "วันที่พ้นสภาพ")
    ws.cell(5, 8, "15/03/2568")
    wb["เงินฝากสัจจะ"].append(["15/03/2568", 4, "ถอน", 110])
    wb.save(xlsx)
    result = import_workbook(tmp_path / "new.vbk", xlsx, dry_run=True)
    assert [p.where for p in result.problems] == ["เงินฝากสัจจะ!D13"]
    assert "the withdrawal must be the whole balance of 120.00 baht" in str(result.problems[0])
    wb["เงินฝากสัจจะ"]["D13"] = 120
    wb.save(xlsx)
    result = import_workbook(tmp_path / "new.vbk", xlsx, dry_run=True)
    assert result.ok and not result.written and not (tmp_path / "new.vbk").exists()
    assert import_workbook(tmp_path / "new.vbk", xlsx).written
    with open_book(tmp_path / "new.vbk", readonly=True) as book:
        m = book.member(4)
        assert (m.status, m.exit_date) == ("resigned", dt.date(2025, 3, 15))
        assert book.share_balance(4) == Money(0) and book.owed_to_former_member(4) == Money(0)


def test_import_into_an_existing_book_appends_and_keeps_the_lock(tmp_path):
    path = tmp_path / "book.vbk"
    create_book(path, name="กลุ่มออมทรัพย์บ้านนาเจริญ", rules=Rules(loan_wait_months=0)).close()
    xlsx = thai_workbook(tmp_path / "a.xlsx")
    dry = import_workbook(path, xlsx, dry_run=True)
    assert dry.ok and not dry.written and not dry.created
    assert any("min_saving" in str(w) for w in dry.warnings)  # the book's own rules apply
    before = digest(path)
    result = import_workbook(path, xlsx)
    assert result.ok and result.written and digest(path) != before
    with open_book(path) as book:
        assert book.rules.min_saving == 1000  # the book's rule, not the workbook's
        assert book.share_balance(4) == baht(120) and book.verify().ok
        assert [k for _a, k, _d in book.events("import")] == ["import"]
    before = digest(path)
    again = import_workbook(path, xlsx)  # the same history again: refused, nothing written
    assert not again.ok and again.problems[0].where == "สมาชิก!E2" and digest(path) == before  # ID taken
