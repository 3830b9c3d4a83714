"""The longest Thai names the register accepts: every report prints them whole, inside their cells."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from tests.conftest import meeting_day, member_values, valid_cid
from villagebank.exports.pdf import render_pdf
from villagebank.exports.pdf.fonts import register_fonts
from villagebank.exports.pdf.layout import LINE, TEXT, THEMES, PageLayout, layout_report
from villagebank.exports.pdf.thaitext import shaped_width
from villagebank.ledger import FixedClock, Money, create_book
from villagebank.ledger.periods import add_months
from villagebank.reports.registry import REPORTS, Params, build

from .conftest import needs_poppler, pdf_text, squeeze

BANK = "ธนาคารหมู่บ้านบ้านหนองบัวทองพัฒนาสามัคคีเพื่อการออมทรัพย์และสวัสดิการชุมชนตำบลหนองบัวทองอำเภอเมือง"
# First and last names at (or near) the register's 100-character limit, with the marks that stack highest.
LONG = [
    ("เด็กหญิง", "เจ้าพระยามหาศิริธรรมราชสุวรรณภูมิวัฒนาสกุลประเสริฐศักดิ์ศรีสวัสดิ์มงคลชัยพฤกษ์ปิ่นแก้วน้ำค้างฟ้าใส",
     "ณ อยุธยาศรีสุวรรณวัฒนาภิรมย์พงศ์ไพบูลย์ผู้ค้ำประกันเกี๊ยะก๋วยเตี๋ยวปั๊มน้ำญี่ปุ่นฐานฎีกาปฏิบัติ"),
    ("นางสาว", "สุนันทาภรณ์ศรีสวัสดิ์วัฒนาประเสริฐกุลวงศ์", "ปิ่นเกล้าเจ้าอยู่หัวมหาดไทยศรีบุญเรืองรุ่งโรจน์"),
    ("นาย", "ก", "ข"),
    ("นาง", "พิมพ์ชนกจันทร์เพ็ญศรีสุดาวรรณ", "ธรรมสอนวงศ์ใหญ่เครือคำปิงเมือง"),
]
START = dt.date(2025, 1, 3)
REASON = ("คณะกรรมการกองทุนสวัสดิการมีมติเป็นเอกฉันท์ให้จ่ายนอกเกณฑ์เนื่องจากสมาชิกเข้ารับการรักษาตัวที่โรงพยาบาล"
          "ส่งเสริมสุขภาพตำบลหนองบัวทองพัฒนาก่อนครบกำหนดระยะเวลารอคอยเพียงไม่กี่วัน")


@pytest.fixture(scope="module")
def long_book(tmp_path_factory: pytest.TempPathFactory):
    from villagebank.i18n import set_language

    set_language("th")
    clock = FixedClock(START)
    book = create_book(tmp_path_factory.mktemp("long") / "long.vbk", name=BANK, village="บ้านหนองบัวทอง",
                       moo="12", tambon="หนองบัวทองพัฒนา", amphoe="เมืองอุบลราชธานี", province="อุบลราชธานี",
                       user="tester", clock=clock)
    for i, (title, first, last) in enumerate(LONG * 2, start=1):
        assert len(first) <= 100 and len(last) <= 100
        book.add_member(member_values(first, last, title=title, cid=valid_cid(f"31017002{i:04d}"),
                                      house_no="999/99", moo="12", tambon="หนองบัวทองพัฒนา",
                                      amphoe="เมืองอุบลราชธานี", province="อุบลราชธานี", phone="0891234567",
                                      occupation="ทำสวนยางพาราและเลี้ยงปลานิลในกระชัง"))
        book.enrol_partner(i, "nsf", START)  # on the remittance list with their citizen IDs
    for k in range(4):
        meeting_day(book, clock, add_months(START, k))
    day = add_months(START, 4)
    clock.set(day)
    m = book.open_meeting(day)
    no = book.apply_loan(1, Money(100000), 6, [2, 4], purpose="ทุนประกอบอาชีพเลี้ยงปลานิลในกระชังริมแม่น้ำมูล")
    book.approve_loan(no)
    book.disburse_loan(no)
    book.close_meeting(m.id)
    clock.set(dt.date(2025, 5, 10))  # a welfare claim paid outside the schedule, with the committee's long reason
    book.cash_in(Money(500000), "fund:welfare", "เงินสมทบกองทุนสวัสดิการจากองค์การบริหารส่วนตำบลหนองบัวทองพัฒนา")
    book.welfare_claim(1, "hospital", dt.date(2025, 5, 10), nights=3, override_reason=REASON,
                       note="ใบรับรองแพทย์แนบ")
    for k in (5, 6, 7):
        meeting_day(book, clock, add_months(START, k), skip={1} if k == 7 else set())
    clock.set(dt.date(2025, 8, 20))
    yield book
    book.close()


def _boxes(page: PageLayout) -> list[tuple[tuple[float, float, float, float], str]]:
    out = []
    for op in page.over:
        if op[0] == TEXT:
            _, x, y, text, font, size, _rgb = op
            out.append(((x, y - 0.33 * size, x + shaped_width(text, font, size), y + 1.05 * size), text))
    return out


def _assert_laid_out_cleanly(pages: list[PageLayout], page_size: str) -> None:
    theme = THEMES[page_size]
    for page in pages:
        w, _h = page.size
        boxes = _boxes(page)
        rules = [(op[1], min(op[2], op[4]), max(op[2], op[4])) for op in page.over if op[0] == LINE and op[1] == op[3]]
        for (x0, y0, x1, y1), text in boxes:
            assert x0 >= theme.margin_x - 0.01 and x1 <= w - theme.margin_x + 0.01, f"outside the margins: {text!r}"
            for x, lo, hi in rules:  # no column rule runs through text: nothing spills out of its cell
                assert not (lo < y1 - 1 and hi > y0 + 1 and x0 + 0.01 < x < x1 - 0.01), f"crosses a rule: {text!r}"
        for (a, ta), (b, tb) in itertools.combinations(boxes, 2):
            overlap = a[0] < b[2] - 0.01 and b[0] < a[2] - 0.01 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5
            assert not overlap, f"{ta!r} overlaps {tb!r}"


@needs_poppler
@pytest.mark.parametrize("name", [n for n in sorted(REPORTS) if n != "statement"])
def test_long_names_print_whole_and_inside_their_cells(long_book, name, tmp_path: Path):
    register_fonts()
    params = Params(month=(2025, 8), member_no=5 if name == "receipts" else None)  # 5 has the longest name too
    if name in ("shares", "loans", "claims"):
        params = Params(year=2025)
    if name == "schedule":
        loan = long_book.loans()[0]
        params = Params(loan_no=loan.loan_no)
    reports = build(long_book, name, params)
    for r in reports:
        _assert_laid_out_cleanly(layout_report(r), r.page_size)
    pdf = tmp_path / f"{name}.pdf"
    render_pdf(reports, pdf)
    raw = squeeze(pdf_text(pdf, "-raw"))
    assert squeeze(BANK) in raw
    people = {1, 2, 4} if name in ("loans", "overdue", "guarantors") else {5} if name == "receipts" else set()
    if name in ("members", "shares", "statements", "remittance", "payouts", "agm"):
        people = {m.member_no for m in long_book.members()}
    if name == "schedule":  # the borrower and each guarantor, whole, in the header and under their lines
        people = {loan.member_no, *loan.guarantors}
    if name == "claims":  # the committee's reason wraps in its cell, whole and in order
        people = {1}
        lines = [op[3] for r in reports for page in layout_report(r) for op in page.over if op[0] == TEXT]
        assert squeeze(REASON) in squeeze("".join(lines))
        assert all(squeeze(line) in raw for line in lines if line in REASON)
    for no in people:
        assert squeeze(long_book.member(no).full_name) in raw, (name, no)


def test_the_longest_name_in_a_statement_and_its_signature(long_book):
    from villagebank.reports import statement
    from villagebank.reports.table import Signature

    long_book_members = long_book.members()
    assert max(len(m.full_name) for m in long_book_members) > 190
    report = statement.statement(long_book, 1, 2025, 8)
    report.signatures = [Signature("เหรัญญิก", long_book.member(1).full_name), "ประธานกรรมการ"]
    register_fonts()
    _assert_laid_out_cleanly(layout_report(report), "A4")
    report.page_size = "A5"
    _assert_laid_out_cleanly(layout_report(report), "A5")
