"""LayoutPool: reports drawn in two worker processes, each part its own PDF, joined in order with qpdf.

The joined file is read back with poppler (pdftotext, pdfinfo) and pikepdf, against ``render_pdf`` in one
process: the same pages, text, page sizes, document information and language.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pikepdf
import pytest

from villagebank.exports.batch import LayoutPool, part_bounds
from villagebank.exports.pdf import render_pdf
from villagebank.i18n import set_language
from villagebank.reports.table import Column, KeyValues, Kind, Paragraph, Report, ReportTable, Style

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

WORDS = ["ที่", "น้ำ", "ปั๊ม", "ผู้ค้ำประกัน", "น้ำค้าง", "เบี้ย", "กู้", "ญี่ปุ่น", "ฐาน", "ฎีกา", "ปฏิบัติ", "สัจจะออมทรัพย์",
         "ดอกเบี้ยค้างชำระ", "ฤดูกาล ฦๅ ฯลฯ", "เกี๊ยะ ก๋วยเตี๋ยว", "Mr. Somchai (ผู้กู้) 15/01/2568"]
CHUNK = 4  # reports per part in these tests (the default is 25): 40 reports make 8 parts


def _statement(k: int, *, page_size: str = "A4") -> Report:
    """A small statement; every few members another page size or length, and words that differ from part to
    part."""
    r = Report(key="statement", title="ใบแจ้งยอดสมาชิกประจำเดือน", bank_name="ธนาคารหมู่บ้านบ้านหนองน้ำใส",
               period="เดือนธันวาคม พ.ศ. 2568", printed_on=dt.date(2026, 1, 5), number=k, page_size=page_size,
               landscape=k % 7 == 3)
    if k % 5 == 4:
        r.page_size = "A5"
    head = KeyValues(title="สมาชิก")
    head.add("เลขที่สมาชิก", k, Kind.INT)
    head.add("ชื่อ-สกุล", f"นางสาวน้ำค้าง ปั๊มน้ำ {k}")
    r.blocks.append(head)
    t = ReportTable([Column("what", "รายการ", Kind.TEXT, 3), Column("amount", "จำนวนเงิน", Kind.MONEY, 1)])
    for i in range(40 if k % 6 == 0 else 3 + k % 4):  # every sixth runs to a second page
        t.add(f"{WORDS[(k + i) % len(WORDS)]} งวดที่ {i + 1}", 150000 + 2500 * i + k)
    t.add("รวม", 999999, style=Style.TOTAL)
    r.blocks += [t, Paragraph(WORDS[k % len(WORDS)] * (1 + k % 3))]
    return r


def _reports(n: int = 40) -> list[Report]:
    return [_statement(k) for k in range(1, n + 1)]


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _sizes(pdf: Path) -> list[tuple[str, str]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], check=True, capture_output=True,
                         text=True).stdout
    return re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)


@pytest.fixture(scope="module")
def pool():
    set_language("th")
    with LayoutPool(2) as p:
        yield p


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder the part files go into (this process makes their folder; the workers write)."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_part_bounds_cover_every_report_in_order() -> None:
    for count, workers, chunk in [(1, 2, 25), (24, 2, 25), (49, 2, 25), (50, 2, 25), (299, 2, 25),
                                  (9833, 2, 25), (40, 2, 4), (100, 3, 1)]:
        bounds = part_bounds(count, workers, chunk)
        assert bounds[0][0] == 0 and bounds[-1][1] == count
        assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
        sizes = [b - a for a, b in bounds]
        assert len(bounds) <= 4 * workers and max(sizes) - min(sizes) <= 1
        assert len(bounds) == 1 or min(sizes) >= chunk
    assert len(part_bounds(9833, 2)) == 8 and len(part_bounds(299, 2)) == 8 and len(part_bounds(30, 2)) == 1


def test_two_workers_make_the_single_process_file(pool: LayoutPool, tmp_path: Path, temp: Path) -> None:
    reports = _reports()
    single, joined = tmp_path / "single.pdf", tmp_path / "joined.pdf"
    pages = render_pdf(reports, single)
    assert len(part_bounds(len(reports), 2, CHUNK)) == 8
    assert pool.render(reports, joined, chunk=CHUNK) == pages
    assert pages > len(reports)  # some statements run to a second page
    text = _text(joined)
    assert text == _text(single)
    assert len(re.findall(r"หน้า 1/\d", text)) == len(reports)  # each statement starts a page
    assert [int(n) for n in re.findall(r"เลขที่สมาชิก\s+(\d+)", text)] == list(range(1, len(reports) + 1))
    for word in WORDS:
        assert word in text
    sizes = _sizes(joined)
    assert sizes == _sizes(single) and len(sizes) == pages and len(set(sizes)) == 4  # A4, A5, each also across
    assert not list(temp.iterdir())  # the part files and their folder are gone


def test_joined_file_keeps_document_information_and_language(pool: LayoutPool, tmp_path: Path, temp: Path) -> None:
    joined = tmp_path / "joined.pdf"
    pool.render(_reports(), joined, chunk=CHUNK)
    with pikepdf.open(joined) as pdf:
        info = pdf.docinfo
        assert str(info["/Title"]) == "ใบแจ้งยอดสมาชิกประจำเดือน"
        assert str(info["/Author"]) == "ธนาคารหมู่บ้านบ้านหนองน้ำใส"
        assert str(info["/Subject"]) == "เดือนธันวาคม พ.ศ. 2568"
        assert str(info["/Creator"]) == "villagebank"
        assert str(pdf.Root.Lang) == "th"
        # Every part brings its own font subsets: no two of them share a name in the joined file.
        fonts: dict[str, set] = {}
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                fonts.setdefault(str(font.BaseFont), set()).add(font.objgen)
                if "/FontDescriptor" in font:
                    assert font.FontDescriptor.FontName == font.BaseFont
    subsets = {name: objects for name, objects in fonts.items() if "+" in name}  # Helvetica is not embedded
    assert all(len(objects) == 1 for objects in subsets.values()), subsets
    assert sum(1 for name in subsets if name.endswith("+Sarabun-Regular")) == 8  # one subset per part
    assert not list(temp.iterdir())


def test_into_a_binary_file_object(pool: LayoutPool, tmp_path: Path, temp: Path) -> None:
    reports = _reports(12)
    buffer = io.BytesIO()
    pages = pool.render(reports, buffer, chunk=CHUNK)
    (tmp_path / "buffer.pdf").write_bytes(buffer.getvalue())
    single = tmp_path / "single.pdf"
    assert render_pdf(reports, single) == pages
    assert _text(tmp_path / "buffer.pdf") == _text(single)
    assert not list(temp.iterdir())


def test_a_worker_error_is_raised_and_leaves_no_file(tmp_path: Path, temp: Path) -> None:
    set_language("th")
    reports = _reports()
    reports[29].page_size = "B7"  # laid out in the seventh of eight parts
    target = tmp_path / "statements.pdf"
    with LayoutPool(2) as pool:
        with pytest.raises(ValueError, match="unsupported page size 'B7'"):
            pool.render(reports, target, chunk=CHUNK)
        assert not target.exists()
        assert not list(temp.iterdir())
        # The workers were ended: the pool now draws in this process.
        reports[29].page_size = "A4"
        assert pool.render(reports[:3], target) == 3 and _text(target).count("ใบแจ้งยอดสมาชิกประจำเดือน") == 3
