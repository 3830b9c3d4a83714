"""``villagebank report NAME``: every report renders from the demo book through the command line."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from villagebank.cli import main
from villagebank.ledger import open_book
from villagebank.reports.registry import REPORTS

from .conftest import baht, needs_poppler, pdf_text

pytestmark = needs_poppler


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _pages(out: str) -> int:
    return int(re.search(r"(\d+) หน้า|(\d+) page", out).group(1 if "หน้า" in out else 2))


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_report_renders_through_the_cli(name, demo_copy, tmp_path, capsys):
    pdf = tmp_path / f"{name}.pdf"
    extra = ["--member", "3"] if name in ("statement", "receipts") else ["--loan", "1"] if name == "schedule" else []
    code, out, err = run(capsys, "--book", str(demo_copy), "report", name, "--month", "2568-12", *extra,
                         "--out", str(pdf))
    assert code == 0, err
    assert _pages(out) >= 1 and pdf.exists()
    text = pdf_text(pdf, "-layout")
    assert "ธนาคารหมู่บ้านบ้านดอนแก้ว" in text and "หน้า 1/" in text and "อ้างอิง" in text
    assert not re.search("[\ue000-\uf8ff]", text)


def test_months_and_years_in_be_or_ce_are_the_same(demo_copy, tmp_path, capsys):
    texts = []
    for month in ("2568-12", "2025-12", "12/2568"):
        pdf = tmp_path / f"{month.replace('/', '-')}.pdf"
        assert run(capsys, "--book", str(demo_copy), "report", "cashbook", "--month", month, "--out", str(pdf))[0] == 0
        texts.append(pdf_text(pdf))
    assert texts[0] == texts[1] == texts[2] and "ประจำเดือนธันวาคม 2568" in texts[0]
    for year in ("2568", "2025"):
        pdf = tmp_path / f"shares-{year}.pdf"
        assert run(capsys, "--book", str(demo_copy), "report", "shares", "--year", year, "--out", str(pdf))[0] == 0
        assert "ประจำปี 2568" in pdf_text(pdf)


def test_every_report_name_of_the_contract_is_there():
    contract = {"statement", "statements", "receipts", "members", "shares", "loans", "overdue", "guarantors",
                "cashbook", "secretary", "trial-balance", "income", "balance-sheet", "allocation", "payouts",
                "remittance", "claims", "coverage"}
    assert contract <= set(REPORTS) and "agm" in REPORTS


def test_unknown_report_and_missing_member(demo_copy, capsys):
    code, _out, err = run(capsys, "--book", str(demo_copy), "report", "nonsense")
    assert code == 1 and "statements" in err
    code, _out, err = run(capsys, "--book", str(demo_copy), "report", "statement", "--month", "2568-12")
    assert code == 1 and "--member" in err
    code, _out, err = run(capsys, "--book", str(demo_copy), "report", "cashbook", "--year", "2568")
    assert code == 1 and "--month" in err
    code, _out, err = run(capsys, "--book", str(demo_copy), "report", "schedule")
    assert code == 1 and "--loan" in err


def test_receipt_reprints_are_copies(demo_copy, tmp_path, capsys):
    with open_book(demo_copy, readonly=True) as book:
        last = book.receipts(member_no=2)[-1]
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    for pdf in (first, second):
        code, _out, err = run(capsys, "--book", str(demo_copy), "report", "receipts", "--receipt",
                              str(last.receipt_no), "--out", str(pdf))
        assert code == 0, err
    assert "สำเนา" not in pdf_text(first) and "สำเนา" in pdf_text(second)
    assert baht(last.total.satang) in pdf_text(second)
    with open_book(demo_copy, readonly=True) as book:
        assert book.receipt(last.receipt_no).printed == 2


def test_english_with_lang_en(demo_copy, tmp_path, capsys):
    pdf = tmp_path / "en.pdf"
    code, out, _err = run(capsys, "--book", str(demo_copy), "report", "balance-sheet", "--year", "2568", "--out",
                          str(pdf), "--lang", "en")
    assert code == 0 and "Wrote" in out
    text = pdf_text(pdf, "-layout")
    assert "Balance sheet" in text and "As of 31 December 2568" in text and "Total assets" in text
    assert "Page 1/1" in text and "Signed" in text and "Treasurer" in text


def test_statements_in_worker_processes_are_the_same_pdf_text(demo_copy, tmp_path, capsys):
    texts = []
    for workers in ("1", "2"):
        pdf = tmp_path / f"w{workers}.pdf"
        code, _out, err = run(capsys, "--book", str(demo_copy), "report", "statements", "--month", "2568-12",
                             "--workers", workers, "--out", str(pdf))
        assert code == 0, err
        texts.append(pdf_text(pdf))
    assert texts[0] == texts[1]
    with open_book(demo_copy, readonly=True) as book:
        active = [m for m in book.members(statuses=("active", "suspended"))]
    assert texts[0].count("ใบแจ้งยอดสมาชิกประจำเดือน") == len(active)
    numbers = [int(n) for n in re.findall(r"เลขที่สมาชิก\s+(\d+)", texts[0])]
    assert numbers == [m.member_no for m in active]  # in member-number order


def test_xlsx_cells_are_typed(demo_copy, tmp_path, capsys):
    xlsx = tmp_path / "loans.xlsx"
    code, _out, err = run(capsys, "--book", str(demo_copy), "report", "loans", "--year", "2568", "--out", str(xlsx))
    assert code == 0, err
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    rows = list(ws.iter_rows(values_only=False))
    header = next(i for i, r in enumerate(rows) if r[0].value == "สัญญา")
    first = rows[header + 1]
    assert isinstance(first[0].value, int) and first[0].number_format == "0"
    assert isinstance(first[2].value, dt.datetime) and "1070000" in first[2].number_format  # B.E. date cell
    assert isinstance(first[3].value, int | float) and first[3].number_format == "#,##0.00"
    with open_book(demo_copy, readonly=True) as book:
        st = book.loan(first[0].value, dt.date(2025, 12, 31))
    assert first[2].value.date() == st.disbursed_date and first[3].value == st.principal.satang / 100


def test_xlsx_share_register_freezes_its_header(demo_copy, tmp_path, capsys):
    xlsx = tmp_path / "shares.xlsx"
    assert run(capsys, "--book", str(demo_copy), "report", "shares", "--year", "2568", "--format", "xlsx",
               "--out", str(xlsx))[0] == 0
    wb = openpyxl.load_workbook(xlsx)
    ws = wb.worksheets[0]
    header = next(r for r in ws.iter_rows() if r[0].value == "เลขที่")
    assert ws.freeze_panes == f"A{header[0].row + 1}"
    assert ws.print_title_rows.replace("$", "") == f"{header[0].row}:{header[0].row}"
    total = next(r for r in ws.iter_rows() if r[1].value == "รวม")
    with open_book(demo_copy, readonly=True) as book:
        shares = -book.balance("shares", as_of=dt.date(2025, 12, 31)).satang
    assert total[-1].value == shares / 100 and total[-1].font.b
    assert ws.column_dimensions["B"].width >= 15  # names fit


def test_statements_to_xlsx_one_sheet_per_member(demo_copy, tmp_path, capsys):
    xlsx = tmp_path / "st.xlsx"
    assert run(capsys, "--book", str(demo_copy), "report", "statements", "--month", "2568-12", "--out",
               str(xlsx))[0] == 0
    wb = openpyxl.load_workbook(xlsx)
    with open_book(demo_copy, readonly=True) as book:
        active = book.members(statuses=("active", "suspended"))
    assert wb.sheetnames == [f"{m.member_no} {m.full_name}"[:31] for m in active]


def test_wrong_suffix_for_format_is_a_usage_error(demo_copy, tmp_path, capsys):
    assert run(capsys, "--book", str(demo_copy), "report", "members", "--format", "xlsx", "--out",
               str(tmp_path / "x.pdf"))[0] == 2


def test_default_output_name(demo_copy, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "--book", str(demo_copy), "report", "income", "--month", "2568-12")[0] == 0
    assert Path(tmp_path / "income-2568-12.pdf").exists()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_shows_buddhist_era_dates(demo_copy, tmp_path, capsys):
    """A second reader: LibreOffice opens the workbook and shows its date cells in B.E."""
    xlsx = tmp_path / "loans.xlsx"
    assert run(capsys, "--book", str(demo_copy), "report", "loans", "--year", "2568", "--out", str(xlsx))[0] == 0
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    subprocess.run(["soffice", "--headless", "--convert-to", "html", "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, env=env, timeout=180)
    html = (tmp_path / "loans.html").read_text(encoding="utf-8", errors="replace")
    assert re.search(r"\d\d/\d\d/256[78]", html) and not re.search(r"\d\d/\d\d/202[45]", html)
    assert "ทะเบียนเงินกู้และผู้ค้ำประกัน" in html
