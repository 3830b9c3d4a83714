"""The document model's additions for the reports: CODE cells, signature names, the report's own language,
paragraph alignment, page breaks, whole-baht grids, names broken at spaces, rows kept together, headers."""

from __future__ import annotations

import datetime as dt

import pytest

from villagebank.exports.pdf.fonts import BOLD, register_fonts
from villagebank.exports.pdf.layout import TEXT, format_cell, format_value, layout_report, wrap_at_spaces
from villagebank.exports.pdf.thaitext import shaped_width
from villagebank.i18n import set_language
from villagebank.reports.table import (
    Column,
    Kind,
    PageBreak,
    Paragraph,
    Report,
    ReportTable,
    Signature,
    Style,
)


@pytest.fixture(autouse=True)
def thai() -> None:
    set_language("th")
    register_fonts()


def _report(**kw: object) -> Report:
    base = dict(key="t", title="ทดสอบ", bank_name="ธนาคารหมู่บ้าน", period="มกราคม 2568",
                printed_on=dt.date(2025, 1, 15))
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


def _texts(pages) -> list[tuple]:
    return [op for page in pages for op in page.over if op[0] == TEXT]


def test_code_cells_have_no_separators_and_whole_baht_columns_drop_satang() -> None:
    assert format_value(12345, Kind.CODE) == "12345" and format_value(12345, Kind.INT) == "12,345"
    grid = Column("m", "ม.ค.", Kind.MONEY, whole_baht=True)
    assert format_cell(123400, grid) == "1,234" and format_cell(123450, grid) == "1,234.50"
    assert format_cell(None, grid) == "" and format_cell(123400, Column("x", "x", Kind.MONEY)) == "1,234.00"


def test_signature_names_print_in_brackets() -> None:
    r = _report(signatures=[Signature("เหรัญญิก", "นางสมศรี ใจดี"), "ประธานกรรมการ"])
    texts = [op[3] for op in _texts(layout_report(r))]
    assert "(นางสมศรี ใจดี)" in texts
    assert any(t.startswith("(....") for t in texts)  # no name known: dots to write it in


def test_fixed_labels_follow_the_report_language() -> None:
    texts = [op[3] for op in _texts(layout_report(_report(language="en", signatures=["Treasurer"])))]
    assert "Page 1/1" in texts and any(t.startswith("Signed") for t in texts)
    texts = [op[3] for op in _texts(layout_report(_report(language="th", signatures=["เหรัญญิก"])))]
    assert "หน้า 1/1" in texts and any(t.startswith("ลงชื่อ") for t in texts)


def test_paragraph_alignment_size_and_page_breaks() -> None:
    r = _report(blocks=[Paragraph("กลาง", align="center", small=True), PageBreak(), PageBreak(),
                        Paragraph("ขวา", align="right")])
    pages = layout_report(r)
    assert len(pages) == 2  # a break at the top of a page does nothing
    centre = next(op for op in _texts(pages) if op[3] == "กลาง")
    right = next(op for op in _texts(pages) if op[3] == "ขวา")
    width = pages[0].size[0]
    assert abs(centre[1] + shaped_width("กลาง", centre[4], centre[5]) / 2 - width / 2) < 0.5
    assert centre[5] < right[5]  # small
    assert abs(right[1] + shaped_width("ขวา", right[4], right[5]) - (width - 15 * 72 / 25.4)) < 0.5


def test_names_break_only_at_spaces() -> None:
    lines = wrap_at_spaces("37 นางสาวเพ็ญศรี ปิงเมือง", "Sarabun", 10.0, 75.0)
    assert lines == ("37 นางสาวเพ็ญศรี", "ปิงเมือง")
    long = "เจ้าพระยามหาศิริธรรมราชสุวรรณภูมิวัฒนาสกุลประเสริฐศักดิ์"
    lines = wrap_at_spaces(f"1 {long}", "Sarabun", 10.0, 80.0)
    assert "".join(lines).replace(" ", "") == f"1{long}" and len(lines) > 1 and lines[0].startswith("1 เจ้า")


def test_rows_kept_with_the_next_stay_on_one_page() -> None:
    t = ReportTable([Column("a", "ก", Kind.TEXT), Column("b", "ข", Kind.MONEY)])
    for k in range(60):
        t.add(f"หัวข้อ {k}", None, style=Style.HEAD)
        t.add("เงินต้น", 100 * k, keep_with_next=True)
        t.add("ดอกเบี้ย", k)
    pages = layout_report(_report(blocks=[t]))
    assert len(pages) > 2
    for page in pages:
        texts = [op[3] for op in page.over if op[0] == TEXT]
        # a page never ends on a heading or between a principal row and its interest row
        body = [x for x in texts if x.startswith(("หัวข้อ", "เงินต้น", "ดอกเบี้ย"))]
        assert body[-1] == "ดอกเบี้ย" and body[0].startswith("หัวข้อ")


def test_a_column_title_too_wide_for_its_column_shrinks_rather_than_breaks_a_word() -> None:
    t = ReportTable([Column("no", "สัญญา", Kind.CODE, 0.8), Column("x", "รายการ", Kind.TEXT, 12.0)])
    t.add(1, "ก")
    ops = _texts(layout_report(_report(blocks=[t])))
    title = next(op for op in ops if op[3] == "สัญญา")
    assert title[4] == BOLD and title[5] < 10.0
    assert not any(op[3] in ("สัญ", "ญา") for op in ops)


def _signed_table(rows: int, **table: object) -> Report:
    t = ReportTable([Column("no", "เลขที่", Kind.CODE, 0.6), Column("name", "ชื่อ-นามสกุล", Kind.TEXT, 3.0),
                     Column("amount", "จำนวนเงิน", Kind.MONEY), Column("sign", "ลายมือชื่อ", Kind.TEXT, 2.0)],
                    key="list", **table)  # type: ignore[arg-type]
    for i in range(1, rows + 1):
        t.add(i, f"นายสมชาย ใจดี {i}", 10000 * i, "")
    t.add(None, "รวม", 10000 * rows * (rows + 1) // 2, None, style=Style.TOTAL)
    return _report(blocks=[t, Paragraph("หมายเหตุ: จ่ายเป็นเงินสด")], signatures=["เหรัญญิก", "ประธานกรรมการ"])


def test_rows_for_signing_are_taller_and_their_text_centred() -> None:
    def name_ys(report: Report) -> list[float]:
        return [op[2] for op in _texts(layout_report(report)) if op[3].startswith("นายสมชาย")]

    plain, tall = name_ys(_signed_table(5)), name_ys(_signed_table(5, item_lines=1.7))
    step_plain, step_tall = plain[0] - plain[1], tall[0] - tall[1]
    assert step_tall == pytest.approx(step_plain + 0.7 * 1.5 * 10)  # 0.7 more lines of 10 pt text
    assert tall[0] < plain[0]  # the text sits lower: in the middle of the taller row


@pytest.mark.parametrize("rows", range(20, 60))
def test_signatures_never_stand_alone_on_the_last_page(rows: int) -> None:
    pages = layout_report(_signed_table(rows))
    last = [op[3] for op in pages[-1].over if op[0] == TEXT]
    assert any(t.startswith("ลงชื่อ") for t in last)
    assert "รวม" in last and any(t.startswith("นายสมชาย") for t in last)  # the last member and the total go along
    assert "หมายเหตุ: จ่ายเป็นเงินสด" in last


@pytest.mark.parametrize("page_size", ["A4", "A5"])
def test_signatures_take_a_closing_panel_along_rather_than_stand_alone(page_size: str) -> None:
    from villagebank.reports.table import KeyValues

    def report(lines: int) -> Report:
        kv = KeyValues(title="ยอดสะสมตั้งแต่ต้นปีบัญชี", columns=3)
        for label in ("ฝากสัจจะ", "ชำระเงินต้น", "ดอกเบี้ยที่ชำระ"):
            kv.add(label, 123456, Kind.MONEY)
        return _report(page_size=page_size, blocks=[Paragraph("\n".join(["บรรทัด"] * lines)), kv],
                       signatures=["เหรัญญิก", "กรรมการผู้ตรวจสอบ"])

    seen_two_pages = False
    for lines in range(10, 60):
        pages = layout_report(report(lines))
        last = [op[3] for op in pages[-1].over if op[0] == TEXT]
        assert any(t.startswith("ลงชื่อ") for t in last)
        if len(pages) > 1 and "บรรทัด" not in last:
            seen_two_pages = True
            assert "ยอดสะสมตั้งแต่ต้นปีบัญชี" in last  # the panel went along with the signatures
    assert seen_two_pages
    texts = [op[3] for op in _texts(layout_report(report(1)))]
    assert "ดอกเบี้ยที่ชำระ" in texts  # a label beside a short amount is not wrapped
