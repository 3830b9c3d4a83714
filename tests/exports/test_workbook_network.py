"""The network centre: consolidating banks' workbooks, refusing files that are not book workbooks; the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.exports.test_workbook_import import thai_workbook
from villagebank.cli import main
from villagebank.exports.workbook.export import export_workbook
from villagebank.exports.workbook.importer import import_workbook
from villagebank.exports.workbook.network import NetworkRefused, consolidate
from villagebank.ledger import Money, open_book


def bank_export(folder: Path, name: str, extra_shares: int = 0) -> Path:
    """A small bank (the hand-made workbook imported) exported as of 31/03/2568."""
    src = thai_workbook(folder / f"{name}-src.xlsx")
    wb = load_workbook(src)
    wb["ข้อมูลกลุ่ม"]["B4"] = name
    if extra_shares:
        wb["เงินฝากสัจจะ"].append(["03/03/2568", 1, "deposit", extra_shares])
    wb.save(src)
    assert import_workbook(folder / f"{name}.vbk", src).ok
    with open_book(folder / f"{name}.vbk", readonly=True) as book:
        export_workbook(book, folder / f"{name}.xlsx", as_of=dt.date(2025, 3, 31))
    return folder / f"{name}.xlsx"


def test_consolidation_has_a_row_per_bank_totals_allocations_sources_and_a_chart(tmp_path):
    a = bank_export(tmp_path, "กลุ่มออมทรัพย์บ้านนาเจริญ")
    b = bank_export(tmp_path, "ธนาคารหมู่บ้านดอนแก้ว", extra_shares=1000)
    result = consolidate([a, b], tmp_path / "network.xlsx")
    assert [x.name for x in result.banks] == ["กลุ่มออมทรัพย์บ้านนาเจริญ", "ธนาคารหมู่บ้านดอนแก้ว"]
    wb = load_workbook(tmp_path / "network.xlsx")
    assert wb.sheetnames == ["ข้อมูลเครือข่าย", "สรุป", "จัดสรรกำไร", "แผนภูมิ"]
    assert len(wb.chartsheets) == 1
    ws = wb["สรุป"]
    head = [cell.value for cell in ws[1]]
    keys = [cell.comment.text.rsplit(" ", 1)[-1] for cell in ws[1]]
    assert keys[:5] == ["bank_name", "source_file", "as_of", "active_members", "total_shares"]
    rows = [[cell.value for cell in r] for r in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows[:2]] == ["กลุ่มออมทรัพย์บ้านนาเจริญ", "ธนาคารหมู่บ้านดอนแก้ว"]
    assert [r[1] for r in rows[:2]] == [a.name, b.name]
    assert rows[0][2] == dt.datetime(2025, 3, 31)
    shares = head.index("เงินสัจจะรวม")
    assert (rows[0][shares], rows[1][shares]) == (540, 1540)
    assert rows[2][0] == "รวม" and rows[2][shares] == "=SUM(E2:E3)"
    values = load_workbook(tmp_path / "network.xlsx", data_only=True)["สรุป"]
    assert values.cell(4, shares + 1).value == 2080  # the total is cached for readers that do not calculate
    assert [cell.value for cell in wb["จัดสรรกำไร"][1]][:3] == ["ชื่อกลุ่ม", "ไฟล์ต้นทาง", "ปี พ.ศ."]
    info = {r[0].value: r[1].value for r in wb["ข้อมูลเครือข่าย"].iter_rows(min_row=2)}
    assert info["format"] == "villagebank-network" and info["banks"] == 2


def test_files_that_are_not_book_workbooks_are_refused_all_listed_and_nothing_written(tmp_path, english):
    good = bank_export(tmp_path, "กลุ่มหนึ่ง")
    other = tmp_path / "other.xlsx"
    wb = Workbook()
    wb.active.append(["a", "b"])
    wb.save(other)
    newer = tmp_path / "newer.xlsx"
    wb = load_workbook(good)
    wb["ข้อมูลกลุ่ม"]["B3"] = 2
    wb.save(newer)
    text = tmp_path / "notes.xlsx"
    text.write_text("hello")
    with pytest.raises(NetworkRefused) as info:
        consolidate([good, other, newer, text], tmp_path / "network.xlsx")
    assert [r.path for r in info.value.refusals] == [other, newer, text]
    message = str(info.value)
    assert "not a book workbook" in message and "version “2” is unknown" in message
    assert not (tmp_path / "network.xlsx").exists()


def run(capsys, *args):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_cli_imports_exports_and_consolidates(tmp_path, capsys):
    src = thai_workbook(tmp_path / "src.xlsx")
    book = tmp_path / "b.vbk"
    code, out, err = run(capsys, "--book", book, "import", src, "--dry-run")
    assert code == 0 and not book.exists() and "540.00" in out
    code, out, err = run(capsys, "--book", book, "import", src)
    assert code == 0 and book.exists()
    code, out, err = run(capsys, "--book", book, "export", tmp_path / "out.xlsx", "--as-of", "31/03/2568")
    assert code == 0 and (tmp_path / "out.xlsx").exists()
    code, out, err = run(capsys, "network", "consolidate", tmp_path / "out.xlsx", "--out", tmp_path / "net.xlsx")
    assert code == 0 and (tmp_path / "net.xlsx").exists()
    code, out, err = run(capsys, "network", "consolidate", src, "--out", tmp_path / "net2.xlsx")
    assert code == 1 and "src.xlsx" in err and not (tmp_path / "net2.xlsx").exists()  # no summary sheet
    with open_book(book, readonly=True) as b:
        assert b.share_balance(4) == Money.baht(120)


def test_the_cli_lists_every_problem_and_exits_1(tmp_path, capsys):
    src = thai_workbook(tmp_path / "src.xlsx", shares=[["03/01/2568", 1, "deposit", "abc"],
                                                        ["03/01/2568", 2, "deposit", "2,500"]])
    code, _out, err = run(capsys, "--book", tmp_path / "b.vbk", "import", src)
    assert code == 1 and not (tmp_path / "b.vbk").exists()
    lines = [x.strip() for x in err.splitlines()]
    assert any(x.startswith("เงินฝากสัจจะ!D2: ") for x in lines)
    assert any(x.startswith("เงินฝากสัจจะ!D3: ") for x in lines)
    assert "Traceback" not in err


def test_an_export_that_cannot_be_written_is_refused_in_words(tmp_path, capsys):
    book = tmp_path / "b.vbk"
    assert run(capsys, "--book", book, "init", "--name", "กลุ่ม")[0] == 0
    code, _out, err = run(capsys, "--book", book, "export", tmp_path / "no" / "such" / "folder" / "x.xlsx")
    assert code == 1 and "Traceback" not in err and "x.xlsx" in err
    assert not list(tmp_path.glob("**/*.part"))


def test_the_progress_bar_draws_only_on_a_terminal():
    import io

    from villagebank.cli.workbook_cmds import ProgressBar

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    bar = ProgressBar(stream)
    bar("post", 5, 10)
    bar.end()
    assert "50%" in stream.getvalue() and stream.getvalue().endswith("\n")
    quiet = io.StringIO()
    ProgressBar(quiet)("post", 5, 10)
    assert quiet.getvalue() == ""
