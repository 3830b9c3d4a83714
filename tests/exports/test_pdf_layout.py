"""Layout of reports into pages, checked on the drawing operations (no PDF reader needed)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest

from villagebank.exports.pdf import CHECK_MARK, format_value
from villagebank.exports.pdf.fonts import BOLD, register_fonts
from villagebank.exports.pdf.layout import LINE, TEXT, THEMES, PageLayout, layout_report
from villagebank.exports.pdf.thaitext import shaped_width
from villagebank.i18n import set_language
from villagebank.reports.table import Column, KeyValues, Kind, Paragraph, Report, ReportTable, Style

LONG_NAME = ("นางสาวสุนันทาภรณ์ศรีสวัสดิ์วัฒนาประเสริฐกุล ณ อยุธยา ผู้ค้ำประกันเงินกู้ฉุกเฉินของธนาคาร"
             "หมู่บ้านบ้านหนองน้ำใสจังหวัดอุบลราชธานี")


@pytest.fixture(autouse=True)
def thai() -> None:
    set_language("th")
    register_fonts()


def _report(**kw: object) -> Report:
    base = dict(key="test", title="ทะเบียนสมาชิก", bank_name="ธนาคารหมู่บ้านบ้านหนองน้ำใส",
                period="ณ วันที่ 31 ธันวาคม 2567", printed_on=dt.date(2025, 1, 15))
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


def _members_table(n: int, name: str = "นายสมชาย ใจดี") -> ReportTable:
    t = ReportTable([Column("no", "ที่", Kind.INT, 0.5), Column("name", "ชื่อ-สกุล", Kind.TEXT, 3),
                     Column("joined", "วันที่สมัคร", Kind.DATE, 1.2), Column("bal", "เงินฝาก", Kind.MONEY, 1.5),
                     Column("ok", "ตรวจ", Kind.CHECK, 0.5)], title="สมาชิก")
    for k in range(n):
        t.add(k + 1, f"{name} {k + 1}", dt.date(2020, 1, 1 + k % 28), 123450 + k, k % 2 == 0)
    t.add(None, "รวม", None, sum(123450 + k for k in range(n)), None, style=Style.TOTAL)
    return t


def _texts(page: PageLayout) -> list[tuple]:
    return [op for op in page.over if op[0] == TEXT]


def _box(op: tuple) -> tuple[float, float, float, float]:
    _, x, y, text, font, size, _rgb = op
    return x, y - 0.33 * size, x + shaped_width(text, font, size), y + 1.05 * size


def _assert_no_overlap_and_inside(pages: list[PageLayout], report: Report) -> None:
    theme = THEMES[report.page_size]
    for page in pages:
        w, h = page.size
        boxes = [(_box(op), op[3]) for op in _texts(page)]
        for (x0, y0, x1, y1), text in boxes:
            assert x0 >= theme.margin_x - 0.01 and x1 <= w - theme.margin_x + 0.01, f"outside margins: {text!r}"
            assert y0 >= theme.margin_bottom - 0.01 and y1 <= h - theme.margin_top + 0.5 * 16, text
        for (a, ta), (b, tb) in itertools.combinations(boxes, 2):
            overlap = a[0] < b[2] - 0.01 and b[0] < a[2] - 0.01 and a[1] < b[3] - 0.01 and b[1] < a[3] - 0.01
            assert not overlap, f"{ta!r} overlaps {tb!r}"


def test_values_are_formatted_by_kind() -> None:
    assert format_value(123450, Kind.MONEY) == "1,234.50"
    assert format_value(-5, Kind.MONEY) == "-0.05"
    assert format_value(1234567, Kind.INT) == "1,234,567"
    assert format_value(dt.date(2025, 1, 15), Kind.DATE) == "15/01/2568"
    assert format_value(Decimal("20"), Kind.PERCENT) == "20%"
    assert format_value(Decimal("20.00"), Kind.PERCENT) == "20%"
    assert format_value(Decimal("12.5"), Kind.PERCENT) == "12.5%"
    assert format_value(7, Kind.PERCENT) == "7%"
    assert format_value(True, Kind.CHECK) == CHECK_MARK
    assert format_value(False, Kind.CHECK) == ""
    assert format_value(None, Kind.MONEY) == ""
    with pytest.raises(TypeError):
        format_value(12.5, Kind.MONEY)  # money is integer satang, never float


@pytest.mark.parametrize("page_size,landscape", [("A4", False), ("A4", True), ("A5", False), ("A5", True)])
def test_long_thai_name_in_a_narrow_column_wraps_and_nothing_overlaps(page_size: str, landscape: bool) -> None:
    r = _report(page_size=page_size, landscape=landscape, copy_mark="สำเนา", anchor="1234/ab12cd")
    t = ReportTable([Column("no", "ที่", Kind.INT, 0.4), Column("name", "ชื่อ", Kind.TEXT, 1.0),
                     Column("amt", "จำนวนเงิน", Kind.MONEY, 0.8), Column("big", "ยอดรวมทั้งปี", Kind.MONEY, 0.6),
                     Column("code", "รหัส", Kind.TEXT, 0.4, wrap=False)])
    t.add(1, LONG_NAME, 123450, 123456789012, "ABCDEFGHIJKLMNOP")
    t2 = ReportTable(list(t.columns))
    t2.add(2, "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ", 99, 5, "x")
    r.blocks += [t, t2, Paragraph(LONG_NAME * 2, bold=True)]
    kv = KeyValues(columns=3)
    for k in range(6):
        kv.add(f"รายการที่ {k}", LONG_NAME[: 12 * (k + 1)])
    r.blocks.append(kv)
    r.signatures = ["ผู้รับเงิน", "เหรัญญิก", "ประธานกรรมการธนาคารหมู่บ้าน"]
    pages = layout_report(r)
    _assert_no_overlap_and_inside(pages, r)
    # The name is drawn on several lines, all between the first and second column rules, and nothing is lost.
    page = pages[0]
    verticals = sorted({round(op[1], 3) for op in page.over if op[0] == LINE and op[1] == op[3]})
    header_y, next_header_y = (op[2] for op in _texts(page) if op[3] == "ชื่อ")  # the two tables' headers
    name_ops = [op for op in _texts(page) if verticals[0] < op[1] < verticals[1] and next_header_y < op[2] < header_y]
    assert len(name_ops) >= 3
    assert "".join(op[3] for op in name_ops).replace(" ", "") == LONG_NAME.replace(" ", "")
    for op in name_ops:
        x0, _, x1, _ = _box(op)
        assert verticals[0] < x0 and x1 < verticals[1]


def test_table_breaks_across_pages_and_repeats_its_header() -> None:
    r = _report()
    r.blocks.append(_members_table(80))
    pages = layout_report(r)
    assert len(pages) == 3
    for n, page in enumerate(pages, start=1):
        texts = [op[3] for op in _texts(page)]
        assert "ชื่อ-สกุล" in texts and "วันที่สมัคร" in texts  # header row on every page
        assert f"หน้า {n}/3" in texts
        assert "ธนาคารหมู่บ้านบ้านหนองน้ำใส" in texts and "ทะเบียนสมาชิก" in texts
        assert "ณ วันที่ 31 ธันวาคม 2567" in texts and "พิมพ์เมื่อ 15/01/2568" in texts
    assert "สมาชิก (ต่อ)" in [op[3] for op in _texts(pages[1])]
    # every row exactly once
    names = [op[3] for page in pages for op in _texts(page) if op[3].startswith("นายสมชาย ใจดี ")]
    assert names == [f"นายสมชาย ใจดี {k}" for k in range(1, 81)]
    _assert_no_overlap_and_inside(pages, r)


def test_total_rows_are_bold_with_a_rule_above_and_numbers_right_aligned() -> None:
    r = _report()
    r.blocks.append(_members_table(5))
    page = layout_report(r)[0]
    texts = _texts(page)
    total = next(op for op in texts if op[3] == "รวม")
    total_amount = next(op for op in texts if op[3] == format_value(sum(123450 + k for k in range(5)), Kind.MONEY))
    assert total[4] == BOLD and total_amount[4] == BOLD
    rules = [op for op in page.over if op[0] == LINE and op[2] == op[4] and op[5] >= 0.9]
    assert any(total[2] < op[2] < total[2] + 2 * total[5] for op in rules), "no rule above the total row"
    amounts = [op for op in texts if op[3] in {format_value(123450 + k, Kind.MONEY) for k in range(5)}]
    rights = {round(op[1] + shaped_width(op[3], op[4], op[5]), 2) for op in amounts}
    assert len(amounts) == 5 and len(rights) == 1  # right edges line up
    assert round(total_amount[1] + shaped_width(total_amount[3], BOLD, total_amount[5]), 2) == rights.pop()
    assert CHECK_MARK in [op[3] for op in texts]


def test_group_heading_spans_the_table_and_never_ends_a_page() -> None:
    r = _report()
    t = _members_table(0)
    heading = "หมวดเงินฝากสัจจะออมทรัพย์ของสมาชิกสามัญทั้งหมด"
    for k in range(60):
        if k % 10 == 0:
            t.add(heading, None, None, None, None, style=Style.HEAD)
        t.add(k, "นาย ก", None, 100, False)
    r.blocks.append(t)
    pages = layout_report(r)
    for page in pages:
        texts = _texts(page)
        heads = [i for i, op in enumerate(texts) if op[3] == heading]
        for i in heads:
            assert texts[i][4] == BOLD
            # wider than the first column, so it is drawn across the table on one line
            assert shaped_width(heading, BOLD, texts[i][5]) > 100
        body = [op for op in texts if op[3] in (heading, "นาย ก")]
        assert body[-1][3] != heading


def test_signatures_stay_together_on_one_page() -> None:
    roles = ["ผู้รับเงิน", "เหรัญญิก", "ประธานกรรมการ"]
    for n in range(25, 45):
        r = _report(signatures=roles)
        r.blocks.append(_members_table(n))
        pages = layout_report(r)
        on = [sum(op[3].startswith("ลงชื่อ") for op in _texts(p)) for p in pages]
        assert sorted(on)[-1] == 3, (n, on)
        last = [op[3] for op in _texts(pages[-1])]
        for role in roles:
            assert any(t.endswith(role) or t == role for t in last)


def test_key_values_in_columns() -> None:
    r = _report()
    kv = KeyValues(title="ข้อมูลสมาชิก", columns=2)
    kv.add("ชื่อ-สกุล", "นายสมชาย ใจดี")
    kv.add("เลขที่สมาชิก", 1234, Kind.INT)
    kv.add("ยอดคงเหลือ", 123450, Kind.MONEY)
    kv.add("วันที่สมัคร", dt.date(2019, 3, 4), Kind.DATE)
    r.blocks.append(kv)
    texts = {op[3]: op for op in _texts(layout_report(r)[0])}
    for s in ("ข้อมูลสมาชิก", "ชื่อ-สกุล", "นายสมชาย ใจดี", "1,234", "1,234.50", "04/03/2562"):
        assert s in texts
    assert texts["ชื่อ-สกุล"][2] == texts["เลขที่สมาชิก"][2]  # a pair per column on one line
    assert texts["เลขที่สมาชิก"][1] > texts["นายสมชาย ใจดี"][1]
    assert texts["ยอดคงเหลือ"][2] < texts["ชื่อ-สกุล"][2]


def test_unknown_page_size_is_refused() -> None:
    with pytest.raises(ValueError):
        layout_report(_report(page_size="Letter"))


def test_a_row_taller_than_a_page_is_split_across_pages_without_loss() -> None:
    r = _report(page_size="A5")
    t = ReportTable([Column("no", "ที่", Kind.INT, 0.3), Column("note", "หมายเหตุ", Kind.TEXT, 1.0)])
    huge = " ".join(f"บันทึกการประชุมครั้งที่ {k} ผู้ค้ำประกันรับทราบ" for k in range(150))
    t.add(1, huge)
    t.add(2, "ท้ายตาราง")
    r.blocks.append(t)
    pages = layout_report(r)
    assert len(pages) >= 3
    drawn = "".join(op[3] for page in pages for op in _texts(page) if op[3] in huge and op[3] != "ที่" and not op[3].isdigit())
    assert "".join(drawn.split()) == "".join(huge.split())
    for page in pages:
        assert "หมายเหตุ" in [op[3] for op in _texts(page)]  # header repeated
    _assert_no_overlap_and_inside(pages, r)
