"""Exporting the book workbook: every sheet of the contract, the round trip on the demo book, formula
neutralising, and LibreOffice as a second reader."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from villagebank import demo
from villagebank.exports.workbook import contract as c
from villagebank.exports.workbook.export import export_workbook
from villagebank.exports.workbook.importer import import_workbook
from villagebank.ledger import Money, create_book, open_book
from villagebank.ledger.db import schema as s
from villagebank.thai import format_amount

AS_OF = dt.date(2026, 3, 31)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory) -> Path:
    """A demo book and its export: 21 monthly meetings, loans, misses, a terminated member, partner funds
    (collections, dues paid by the bank, remittances), welfare claims, grants to the welfare fund, a loss
    year (2567) and a profitable one (2568) closed in January, payouts paid in February, a cash count short."""
    folder = tmp_path_factory.mktemp("demo")
    with demo.create_demo_book(folder / "demo.vbk", members=12, until=AS_OF) as book:
        export_workbook(book, folder / "demo.xlsx", as_of=AS_OF)
    return folder


def sheet_rows(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


def entries(book) -> collections.Counter:
    """The journal without what only numbers it (sequence, receipt, meeting, time of typing)."""
    out = collections.Counter()
    for e in book.entries():
        lines = tuple(sorted((p.account, p.amount.satang, p.member_no, p.loan_no) for p in e.postings))
        out[(e.date, e.kind, e.member_no, lines)] += 1
    return out


def misses(book) -> list[tuple]:
    with book._read() as conn:
        return sorted((r.member_no, r.date, r.fiscal_year, r.saved) for r in conn.execute(select(s.missed_saving)))


def test_the_export_has_every_sheet_in_thai_with_keys_and_formats(demo_export):
    path = demo_export / "demo.xlsx"
    wb = load_workbook(path)  # not read-only: comments, formats and panes
    assert wb.sheetnames == [spec.thai for spec in c.SHEETS] + [c.NOTE_SHEET]
    for spec in c.SHEETS:
        ws = wb[spec.thai]
        assert [cell.value for cell in ws[1]] == [col.thai for col in spec.columns]
        assert [cell.comment.text.rsplit(" ", 1)[-1] for cell in ws[1]] == [col.key for col in spec.columns]
        assert ws.freeze_panes == "A2"
    members = wb["สมาชิก"]
    assert members["O2"].is_date and members["O2"].number_format == "[$-107041E]dd/mm/yyyy"
    assert wb["เงินฝากสัจจะ"]["D2"].number_format == "#,##0.00"
    assert wb["ข้อมูลกลุ่ม"]["B2"].value == "villagebank-book" and wb["ข้อมูลกลุ่ม"]["B3"].value == 1
    allocation = [[cell.value for cell in r] for r in wb["จัดสรรกำไร"].iter_rows(min_row=2)]
    assert [r[0] for r in allocation] == [2567, 2568]
    loss, profit = allocation
    assert loss[1] < 0 and loss[2] == loss[1] and loss[3:] == [0] * 6  # the deficit charged to the reserve
    assert round(sum(profit[2:]), 2) == profit[1] > 0  # the pools and the remainder add up to the net profit
    payouts = [[cell.value for cell in r] for r in wb["เงินปันผลและเฉลี่ยคืน"].iter_rows(min_row=2)]
    assert payouts and {r[0] for r in payouts} == {2568}
    assert round(sum(r[3] for r in payouts), 2) == profit[3]  # depositors
    assert round(sum(r[7] for r in payouts), 2) == round(profit[3] + profit[4] + profit[7], 2)
    cash = [[cell.value for cell in r] for r in wb["บัญชีเงินสด"].iter_rows(min_row=2)]
    categories = {r[2] for r in cash}
    assert {"fund:welfare", "expense:cash_short"} <= categories
    assert sum(1 for x in categories if x.startswith("payout:")) == len(payouts)
    passing = {(r[3], r[2]) for r in wb["เงินรับฝากส่งต่อ"].iter_rows(min_row=2, values_only=True)}
    assert passing >= {("collected", "nsf"), ("remitted", "nsf"), ("paid_by_bank", "community_welfare")}
    assert wb["สวัสดิการ"].max_row > 1
    assert any("import" in str(r[0].value) for r in wb[c.NOTE_SHEET].iter_rows() if r[0].value)
    assert members.column_dimensions["C"].width >= 8
    with zipfile.ZipFile(path) as z:
        assert "<f>" not in "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_round_trip_on_the_demo_book(demo_export, tmp_path):
    """export → import into a new book → export: the same balances, entries, misses, statuses, closed years
    with the same allocations and payouts, the same partner and welfare records."""
    result = import_workbook(tmp_path / "copy.vbk", demo_export / "demo.xlsx")
    assert result.ok, [str(p) for p in result.problems[:10]]
    assert result.closed_years == [2024, 2025]
    with open_book(demo_export / "demo.vbk", readonly=True) as a, open_book(tmp_path / "copy.vbk") as b:
        kinds = {kind for _d, kind, _m, _l in entries(a)}
        assert kinds >= {"year_close", "payout", "fund_in", "welfare_claim", "partner_remit", "partner_bank_pays",
                         "cash_count", "terminate_shares"}
        assert entries(a) == entries(b)
        assert {x.code: x.balance for x in a.account_balances()} == {x.code: x.balance for x in b.account_balances()}
        assert misses(a) == misses(b) and misses(a)
        assert [(m.member_no, m.status, m.exit_date, m.suspended_until) for m in a.members()] == \
               [(m.member_no, m.status, m.exit_date, m.suspended_until) for m in b.members()]
        assert {m.status for m in a.members()} >= {"active", "terminated"}
        assert len(a.meetings()) == len(b.meetings()) == 21
        assert a.closed_years() == b.closed_years() == [2024, 2025]
        for fy in (2024, 2025):
            x, y = a.allocation(fy), b.allocation(fy)
            assert (x.net_profit, x.pools, x.remainder_to_reserve, x.payouts) == \
                   (y.net_profit, y.pools, y.remainder_to_reserve, y.payouts)
        assert a.owed_payouts() == b.owed_payouts() == []
        claims = [(w.member_no, w.date, w.case, w.nights, w.amount) for w in a.welfare_claims()]
        assert claims and claims == [(w.member_no, w.date, w.case, w.nights, w.amount) for w in b.welfare_claims()]
        for partner in ("nsf", "community_welfare"):
            sa, sb = a.partner_statement(partner, AS_OF), b.partner_statement(partner, AS_OF)
            assert [(r.member_no, r.collected, r.paid_by_bank, r.remitted) for r in sa.rows] == \
                   [(r.member_no, r.collected, r.paid_by_bank, r.remitted) for r in sb.rows]
        assert b.verify().ok
        export_workbook(b, tmp_path / "again.xlsx", as_of=AS_OF)
    first, second = sheet_rows(demo_export / "demo.xlsx"), sheet_rows(tmp_path / "again.xlsx")
    for spec in c.SHEETS:
        assert sorted(first[spec.thai], key=repr) == sorted(second[spec.thai], key=repr), spec.key
    assert first["ยอดคงเหลือ"] == second["ยอดคงเหลือ"] and first["สรุป"] == second["สรุป"]


def test_text_that_looks_like_a_formula_is_neutralised_and_comes_back(tmp_path):
    hostile = {"first_name": '=HYPERLINK("http://x.example","คลิก")', "last_name": "+66 ใจดี",
               "occupation": "'); DROP TABLE member;--", "phone": "-", "house_no": "@SUM(A1)"}
    with create_book(tmp_path / "b.vbk", name="=กลุ่ม") as book:
        book.add_member({**hostile, "join_date": dt.date(2025, 1, 3)})
        book.deposit(1, Money.baht(100), dt.date(2025, 1, 3))
        book.cash_out(Money.baht(5), "office", "-ค่าปากกา", dt.date(2025, 1, 4))
        export_workbook(book, tmp_path / "b.xlsx", as_of=dt.date(2025, 1, 31))
    wb = load_workbook(tmp_path / "b.xlsx")
    row = {cell.column_letter: cell for cell in wb["สมาชิก"][2]}
    assert row["C"].value == "'" + hostile["first_name"] and row["C"].data_type == "s"
    assert row["D"].value == "'+66 ใจดี" and row["H"].value == "'@SUM(A1)" and row["M"].value == "'-"
    assert row["N"].value == "''); DROP TABLE member;--"
    assert wb["บัญชีเงินสด"]["D2"].value == "'-ค่าปากกา"
    result = import_workbook(tmp_path / "again.vbk", tmp_path / "b.xlsx")
    assert result.ok, [str(p) for p in result.problems]
    with open_book(tmp_path / "again.vbk", readonly=True) as book:
        m = book.member(1)
        assert (m.first_name, m.last_name, m.occupation, m.phone, m.house_no) == tuple(hostile[k] for k in (
            "first_name", "last_name", "occupation", "phone", "house_no"))
        assert book.bank().name == "=กลุ่ม"
        assert book.entries(kinds=("cash_out",))[0].memo == "-ค่าปากกา"


def test_export_as_of_a_date_leaves_later_history_out(demo_export, tmp_path):
    with open_book(demo_export / "demo.vbk", readonly=True) as book:
        result = export_workbook(book, tmp_path / "mid.xlsx", as_of=dt.date(2025, 3, 31))
        shares = book.balance("shares", as_of=dt.date(2025, 3, 31))
    rows = sheet_rows(tmp_path / "mid.xlsx")
    assert all(r[0] <= dt.datetime(2025, 3, 31) for r in rows["เงินฝากสัจจะ"][1:])
    summary = {r[0]: r[2] for r in rows["สรุป"][1:]}
    assert round(summary["total_shares"] * 100) == -shares.satang
    assert result.counts["members"] == 12  # the members who joined in July 2025 are not there yet


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice is not installed (Debian: libreoffice-calc)")
def test_libreoffice_opens_the_export_and_converts_it_with_thai_and_totals_intact(demo_export, tmp_path):
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    # Filter options: comma, double quote, UTF-8, from row 1, ..., "as shown", ..., every sheet (-1).
    options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    subprocess.run([SOFFICE, "--headless", "--convert-to", options, str(demo_export / "demo.xlsx"), "--outdir",
                    str(tmp_path)], env=env, check=True, timeout=240, capture_output=True)

    def read(thai: str) -> list[list[str]]:
        with (tmp_path / f"demo-{thai}.csv").open(encoding="utf-8", newline="") as fp:
            return list(csv.reader(fp))

    with open_book(demo_export / "demo.vbk", readonly=True) as book:
        bank = book.bank().name
        member = book.member(1)
        shares = -book.balance("shares", as_of=AS_OF).satang
        loans = book.balance("loans", as_of=AS_OF).satang
    summary = {r[0]: r for r in read("สรุป")}
    assert summary["รหัส"] == ["รหัส", "รายการ", "จำนวน"]
    assert summary["total_shares"][1:] == ["เงินสัจจะรวม", format_amount(shares)]
    assert summary["loans_outstanding"][2] == format_amount(loans)
    members = read("สมาชิก")
    assert members[0][:4] == ["เลขที่สมาชิก", "คำนำหน้า", "ชื่อ", "นามสกุล"]
    assert members[1][2:4] == [member.first_name, member.last_name]
    assert members[1][14] == "03/07/2567"  # the join date shown in B.E.
    assert read("ข้อมูลกลุ่ม")[3] == ["name", bank]


def test_the_second_process_writes_the_same_workbook(demo_export, tmp_path):
    """A large book's cells are written by a second process (ProcessWriter): the same sheets, cells and widths."""
    with open_book(demo_export / "demo.vbk", readonly=True) as book:
        export_workbook(book, tmp_path / "one.xlsx", as_of=AS_OF, workers=1)
        export_workbook(book, tmp_path / "two.xlsx", as_of=AS_OF, workers=2)
    assert sheet_rows(tmp_path / "two.xlsx") == sheet_rows(tmp_path / "one.xlsx")
    one, two = load_workbook(tmp_path / "one.xlsx"), load_workbook(tmp_path / "two.xlsx")
    for a, b in zip(one.worksheets, two.worksheets, strict=True):
        assert {k: v.width for k, v in a.column_dimensions.items()} == {k: v.width for k, v in b.column_dimensions.items()}
        assert a.freeze_panes == b.freeze_panes and a.auto_filter.ref == b.auto_filter.ref
        assert [(c.coordinate, c.comment.text) for row in a.iter_rows() for c in row if c.comment] == \
            [(c.coordinate, c.comment.text) for row in b.iter_rows() for c in row if c.comment]


def test_the_second_process_reports_a_file_it_cannot_write(demo_export, tmp_path):
    from villagebank.exports.workbook.problems import WorkbookError

    target = tmp_path / "missing-folder" / "book.xlsx"
    with open_book(demo_export / "demo.vbk", readonly=True) as book, pytest.raises(WorkbookError) as info:
        export_workbook(book, target, as_of=AS_OF, workers=2)
    assert "book.xlsx" in info.value.message()
    assert not target.exists()


def test_a_writing_process_that_dies_stops_the_export_with_a_message_and_no_file(tmp_path):
    """The child killed mid-way (out of memory, say): the next rows raise the plain "cannot write" error, the
    abort does not hang on the rows still queued, and neither the file nor its partial copy is left."""
    from villagebank.exports.workbook.problems import WorkbookError
    from villagebank.exports.workbook.writer import ProcessWriter

    target = tmp_path / "book.xlsx"
    w = ProcessWriter(target)
    sheet = w.sheet("ทดสอบ", [("เลขที่", "key")])
    sheet.add([1, "ก", Money(100)])
    w._proc.kill()
    w._proc.join()
    with pytest.raises(WorkbookError) as info:
        for i in range(200 * ProcessWriter.BATCH):
            sheet.add([i, "สมาชิก", Money(i)])
    assert "book.xlsx" in info.value.message()
    w.abort()
    assert not w._sender.is_alive()
    assert list(tmp_path.iterdir()) == []


def test_the_network_consolidation_carries_the_banks_real_allocation_rows(demo_export, tmp_path):
    """A loss year (negative net profit and reserve) and a profitable one, read and written back exactly."""
    from villagebank.exports.workbook.network import consolidate, read_bank_file

    bank = read_bank_file(demo_export / "demo.xlsx")
    with open_book(demo_export / "demo.vbk", readonly=True) as book:
        loss, profit = book.allocation(2024), book.allocation(2025)
    assert [a["year"] for a in bank.allocation] == [2567, 2568]
    first, second = bank.allocation
    assert first["net_profit"] == first["reserve"] == Money(loss.net_profit) < Money(0)
    assert second["net_profit"] == Money(profit.net_profit)
    assert second["reserve"] + second["remainder_to_reserve"] == Money(profit.reserve_total)
    assert second["welfare"] == Money(profit.pools["welfare"])
    assert sum((v for k, v in second.items() if k not in ("year", "net_profit")), Money(0)) == second["net_profit"]
    consolidate([demo_export / "demo.xlsx"], tmp_path / "network.xlsx")
    rows = sheet_rows(tmp_path / "network.xlsx")["จัดสรรกำไร"]
    assert rows[0][:4] == ("ชื่อกลุ่ม", "ไฟล์ต้นทาง", "ปี พ.ศ.", "กำไรสุทธิ")
    assert [r[2:5] for r in rows[1:]] == [(2567, loss.net_profit / 100, loss.net_profit / 100),
                                          (2568, profit.net_profit / 100, profit.pools["reserve"] / 100)]
    assert {r[0] for r in rows[1:]} == {bank.name} and {r[1] for r in rows[1:]} == {"demo.xlsx"}
