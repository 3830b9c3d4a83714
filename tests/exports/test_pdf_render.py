"""render_pdf end to end: the PDF is read back with poppler (pdftotext, pdfinfo, pdftoppm)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from villagebank.exports.pdf import CHECK_MARK, render_pdf
from villagebank.i18n import set_language
from villagebank.reports.table import Column, KeyValues, Kind, Paragraph, Report, ReportTable, Style

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

CORPUS = [
    "ที่", "น้ำ", "ปั๊ม", "ผู้ค้ำประกัน", "น้ำค้าง", "เบี้ย", "กู้", "ปี่", "ฝั่ง", "ญี่ปุ่น", "ฐาน", "ฎีกา", "ปฏิบัติ",
    "สัจจะออมทรัพย์", "ดอกเบี้ยค้างชำระ", "ใบเสร็จรับเงิน", "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์",
    "สมาชิก 12 คน 1,234.50 บาท", "ฤดูกาล ฦๅ ฯลฯ ดีๆ เกี๊ยะ กุ้ง ปู่ย่า ตั๋ว ก๋วยเตี๋ยว", "Mr. Somchai (ผู้กู้) 15/01/2568 #12",
]
LONG_NAME = ("นางสาวสุนันทาภรณ์ศรีสวัสดิ์วัฒนาประเสริฐกุล ณ อยุธยา ผู้ค้ำประกันเงินกู้ฉุกเฉินของธนาคาร"
             "หมู่บ้านบ้านหนองน้ำใสจังหวัดอุบลราชธานี")
PARAGRAPH = (
    "ธนาคารหมู่บ้านจัดประชุมใหญ่สามัญประจำปีเพื่อรายงานผลการดำเนินงานและจัดสรรกำไรสุทธิให้แก่สมาชิก"
    "ตามสัดส่วนเงินฝากสัจจะออมทรัพย์ สมาชิกที่มีดอกเบี้ยค้างชำระต้องชำระให้ครบถ้วนก่อนวันปิดบัญชี "
    "ผู้ค้ำประกันมีหน้าที่ติดตามผู้กู้ให้ปฏิบัติตามสัญญาเงินกู้ทุกประการ"
) * 3


@pytest.fixture(autouse=True)
def thai() -> None:
    set_language("th")


def _report(**kw: object) -> Report:
    base = dict(key="test", title="ทะเบียนสมาชิก", bank_name="ธนาคารหมู่บ้านบ้านหนองน้ำใส",
                period="ณ วันที่ 31 ธันวาคม 2567", printed_on=dt.date(2025, 1, 15))
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


def _members(n: int) -> ReportTable:
    t = ReportTable([Column("no", "ที่", Kind.INT, 0.5), Column("name", "ชื่อ-สกุล", Kind.TEXT, 3),
                     Column("joined", "วันที่สมัคร", Kind.DATE, 1.2), Column("shares", "หุ้น", Kind.INT, 0.8),
                     Column("bal", "เงินฝากคงเหลือ", Kind.MONEY, 1.5), Column("rate", "อัตรา", Kind.PERCENT, 0.7),
                     Column("ok", "ตรวจ", Kind.CHECK, 0.5)])
    for k in range(n):
        t.add(k + 1, f"นางสาวญี่ปุ่น ปั๊มน้ำ {k + 1}", dt.date(2020, 1, 15), 1000 + k, 123450 + k * 100000,
              Decimal("20"), k % 2 == 0)
    t.add(None, "รวมทั้งสิ้น", None, None, sum(123450 + k * 100000 for k in range(n)), None, None, style=Style.TOTAL)
    return t


def _text(pdf: Path, *args: str, first: int | None = None, last: int | None = None) -> str:
    cmd = ["pdftotext", *args]
    if first:
        cmd += ["-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    return subprocess.run([*cmd, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _norm(text: str) -> str:
    return " ".join(text.split())


def _pages(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], check=True, capture_output=True,
                         text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


@pytest.mark.parametrize("mode", [(), ("-layout",), ("-raw",)])
def test_thai_corpus_round_trips_through_pdftotext(tmp_path: Path, mode: tuple[str, ...]) -> None:
    r = _report()
    r.blocks += [Paragraph(s) for s in CORPUS]
    t = ReportTable([Column("a", "คำ", Kind.TEXT, 1), Column("b", "ตัวหนา", Kind.TEXT, 1)])
    for s in CORPUS:
        t.add(s, s, style=Style.ITEM)
    t.add("รวม", "ผู้ค้ำประกัน", style=Style.TOTAL)
    r.blocks.append(t)
    pdf = tmp_path / "corpus.pdf"
    assert render_pdf([r], pdf) == 2
    text = _text(pdf, *mode)
    lines = [_norm(line) for line in text.splitlines()]
    for s in CORPUS:
        assert s in lines, f"{s!r} did not come back exactly"
    assert not re.search("[\ue000-\uf8ff]", text), "private-use codes leaked into the text"
    assert "นา " not in text and "ผู้คาประกัน" not in text


def test_shaping_is_really_applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same text out, different pixels: unshaped, the tone mark sits on sara i; shaped, it clears it."""
    from PIL import Image

    import villagebank.exports.pdf.render as render_module
    from villagebank.exports.pdf.layout import TEXT, layout_report

    r = _report(blocks=[Paragraph("ที่ ปี่ น้ำ ปั๊ม")])
    op = next(o for o in layout_report(r)[0].over if o[0] == TEXT and o[3] == "ที่ ปี่ น้ำ ปั๊ม")
    _, x, y, _, _, size, _ = op
    shaped_pdf, plain_pdf = tmp_path / "shaped.pdf", tmp_path / "plain.pdf"
    render_pdf([r], shaped_pdf)
    monkeypatch.setattr(render_module, "shaped", lambda text, font: text)
    render_pdf([r], plain_pdf)
    monkeypatch.undo()
    assert _text(shaped_pdf) == _text(plain_pdf)

    dpi = 300
    tops = []
    for pdf in (shaped_pdf, plain_pdf):
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
                       check=True)
        with Image.open(pdf.with_suffix(".png")) as im:
            height_pt = im.height * 72 / dpi
            box = [int(v * dpi / 72) for v in (x - 2, height_pt - y - 1.5 * size, x + 6 * size, height_pt - y + 0.5 * size)]
            ink = im.crop(tuple(box)).point(lambda v: 255 if v < 128 else 0)
            tops.append(ink.getbbox()[1])
    shaped_top, plain_top = tops
    # at 300 dpi and 11 pt the raised tone marks reach at least 5 px higher
    assert shaped_top < plain_top - 5


def test_long_table_page_labels_headers_and_numbers(tmp_path: Path) -> None:
    r = _report(anchor="1234/ab12cd", copy_mark="สำเนา")
    r.blocks.append(_members(45))
    pdf = tmp_path / "members.pdf"
    assert render_pdf([r], pdf) == 2
    assert len(_pages(pdf)) == 2
    for n in (1, 2):
        page = _text(pdf, "-layout", first=n, last=n)
        assert f"หน้า {n}/2" in page
        for s in ("ธนาคารหมู่บ้านบ้านหนองน้ำใส", "ทะเบียนสมาชิก", "ณ วันที่ 31 ธันวาคม 2567", "ชื่อ-สกุล",
                  "วันที่สมัคร", "เงินฝากคงเหลือ", "พิมพ์เมื่อ 15/01/2568", "อ้างอิง 1234/ab12cd", "สำเนา"):
            assert s in page, (n, s)
    text = _text(pdf, "-layout")
    assert "1,234.50" in text and "45,234.50" in text  # 123450 and 123450 + 44 * 100000 satang
    assert "1,044" in text and "15/01/2563" in text and "20%" in text and CHECK_MARK in text
    total = sum(123450 + k * 100000 for k in range(45))
    assert f"{total // 100:,}.{total % 100:02d}" in text
    # money right-aligned: every amount (the bold total too) ends at the same x
    boxes = re.findall(r'xMax="([\d.]+)"[^>]*>(\d[\d,]*\.\d\d)</word>', _text(pdf, "-bbox"))
    assert len(boxes) == 46
    assert max(float(x) for x, _ in boxes) - min(float(x) for x, _ in boxes) < 0.05


def test_long_name_in_narrow_column_is_fully_extracted(tmp_path: Path) -> None:
    r = _report(page_size="A5")
    t = ReportTable([Column("no", "ที่", Kind.INT, 0.4), Column("name", "ชื่อ", Kind.TEXT, 1.0),
                     Column("amt", "จำนวนเงิน", Kind.MONEY, 1.0)])
    t.add(1, LONG_NAME, 123450)
    t.add(2, "นายสั้น", 5)
    r.blocks.append(t)
    pdf = tmp_path / "narrow.pdf"
    render_pdf([r], pdf)
    text = _text(pdf, "-raw")
    squeezed = "".join(text.split())
    assert "".join(LONG_NAME.split()) in squeezed
    assert LONG_NAME not in _norm(text)  # it did wrap
    assert "1,234.50" in text


def test_paragraph_lines_end_between_words(tmp_path: Path) -> None:
    from pythainlp.tokenize import word_tokenize

    r = _report(page_size="A5", blocks=[Paragraph(PARAGRAPH)])
    pdf = tmp_path / "para.pdf"
    render_pdf([r], pdf)
    lines = [ln.strip() for ln in _text(pdf, "-raw").splitlines()]
    start = next(i for i, ln in enumerate(lines) if ln and PARAGRAPH.startswith(ln))
    body = []
    for ln in lines[start:]:
        if not ln:
            break
        body.append(ln)
        if "".join("".join(body).split()) == "".join(PARAGRAPH.split()):
            break
    assert "".join("".join(body).split()) == "".join(PARAGRAPH.split())
    assert len(body) > 5
    ends, pos = set(), 0
    for w in word_tokenize(PARAGRAPH, engine="newmm", keep_whitespace=False):
        pos += len("".join(w.split()))
        ends.add(pos)
    pos = 0
    for ln in body[:-1]:
        pos += len("".join(ln.split()))
        assert pos in ends, f"line ends inside a word: {ln!r}"


def test_several_reports_number_their_own_pages_and_keep_their_sizes(tmp_path: Path) -> None:
    long = _report(title="รายงานยาว")
    long.blocks.append(_members(45))
    statement = _report(title="รายการเดินบัญชี", page_size="A5", signatures=["ผู้รับเงิน", "เหรัญญิก"])
    kv = KeyValues()
    kv.add("ชื่อ-สกุล", "นายสมชาย ใจดี")
    kv.add("ยอดคงเหลือ", 99999, Kind.MONEY)
    statement.blocks.append(kv)
    wide = _report(title="รายงานแนวนอน", landscape=True)
    wide.blocks.append(_members(3))
    buf = io.BytesIO()
    assert render_pdf([long, statement, wide], buf) == 4
    pdf = tmp_path / "many.pdf"
    pdf.write_bytes(buf.getvalue())
    sizes = _pages(pdf)
    assert [tuple(round(v) for v in s) for s in sizes] == [(595, 842), (595, 842), (420, 595), (842, 595)]
    labels = [re.findall(r"หน้า \d+/\d+", _text(pdf, first=n, last=n)) for n in range(1, 5)]
    assert labels == [["หน้า 1/2"], ["หน้า 2/2"], ["หน้า 1/1"], ["หน้า 1/1"]]
    page3 = _text(pdf, "-layout", first=3, last=3)
    assert "999.99" in page3 and page3.count("ลงชื่อ") == 2 and "ผู้รับเงิน" in page3 and "เหรัญญิก" in page3


def test_english_labels_when_the_language_is_english(tmp_path: Path) -> None:
    set_language("en")
    try:
        pdf = tmp_path / "en.pdf"
        render_pdf([_report(signatures=["Treasurer"])], pdf)
        text = _text(pdf, "-layout")
        assert "Page 1/1" in text and "Printed 15/01/2568" in text and "Signed" in text
    finally:
        set_language("th")


def test_an_empty_list_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        render_pdf([], tmp_path / "none.pdf")


@pytest.mark.slow
def test_300_member_statements_in_one_pdf_each_on_its_own_page(tmp_path: Path) -> None:
    """The layout of a whole month's statements in one file (its time is measured by ``make bench``, job pdf)."""
    reports = []
    for i in range(300):
        r = _report(key="statement", title="รายการเดินบัญชีเงินฝากสัจจะออมทรัพย์", period="เดือนมกราคม พ.ศ. 2568",
                    signatures=["ผู้รับเงิน", "เหรัญญิก"], anchor=f"{i}/abcdef")
        kv = KeyValues()
        kv.add("ชื่อ-สกุล", f"นายสมชาย ใจดีมีทรัพย์ {i}")
        kv.add("เลขที่สมาชิก", i, Kind.INT)
        r.blocks.append(kv)
        t = ReportTable([Column("date", "วันที่", Kind.DATE, 1.2), Column("desc", "รายการ", Kind.TEXT, 3),
                         Column("in", "ฝาก", Kind.MONEY), Column("out", "ถอน", Kind.MONEY),
                         Column("bal", "คงเหลือ", Kind.MONEY, 1.3)])
        for k in range(12):
            t.add(dt.date(2025, 1 + k, 1 + i % 28), "ฝากเงินสัจจะออมทรัพย์ประจำเดือน", 10000 + i * 37 + k,
                  i * 3 + k, 100000 + i * 1000 + k * 7)
        r.blocks.append(t)
        reports.append(r)
    pdf = tmp_path / "statements.pdf"
    assert render_pdf(reports, pdf) == 300
    last = _text(pdf, first=300, last=300)
    assert "นายสมชาย ใจดีมีทรัพย์ 299" in last and "299/abcdef" in last and "หน้า 1/1" in last


def test_without_actual_text_substituted_glyphs_still_map_to_thai(tmp_path: Path) -> None:
    """The fallback for readers that ignore /ActualText: no private-use codes in the ToUnicode maps."""
    from reportlab.pdfgen.canvas import Canvas

    from villagebank.exports.pdf.fonts import BOLD, REGULAR, register_fonts
    from villagebank.exports.pdf.thaitext import shaped

    register_fonts()
    pdf = tmp_path / "plain.pdf"
    canvas = Canvas(str(pdf))
    y = 800
    for font in (REGULAR, BOLD):
        for text in ("ที่ ปี่ ญี่ปุ่น", "ฐุ ญู ฎุ ฏู"):
            canvas.setFont(font, 14)
            canvas.drawString(50, y, shaped(text, font))  # no ActualText span around it
            y -= 30
    canvas.save()
    text = _text(pdf)
    assert not re.search("[\ue000-\uf8ff]", text)
    assert "ที่ ปี่ ญี่ปุ่น" in text and "ฐุ ญู ฎุ ฏู" in text
