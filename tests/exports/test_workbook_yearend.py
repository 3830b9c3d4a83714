"""The year end through the workbook: closed years come back closed with the same allocation, member
payouts, payouts paid and payouts credited to shares; a hand-edited year-end row is refused naming its cell."""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import meeting_day, member_values, monthly, valid_cid
from villagebank.exports.workbook.export import export_workbook
from villagebank.exports.workbook.importer import import_workbook
from villagebank.ledger import FixedClock, Money, Rules, create_book, open_book

AS_OF = dt.date(2025, 2, 28)


def entries(book) -> collections.Counter:
    return collections.Counter((e.date, e.kind, e.member_no, tuple(sorted(
        (p.account, p.amount.satang, p.member_no, p.loan_no) for p in e.postings))) for e in book.entries())


def build(folder: Path, method: str, *, resigns: bool = False) -> Path:
    """FY 2567 (2024) at monthly meetings: four members (1 and 2 on the committee), a loan to member 3 with
    interest, a donation; closed after the January 2568 meeting; payouts paid at the February meeting.
    ``resigns``: the treasurer (member 2) resigns at the January meeting, before the close."""
    clock = FixedClock(dt.date(2024, 1, 3))
    path = folder / f"{method}{'-resigns' if resigns else ''}.vbk"
    with create_book(path, name="กลุ่มออมทรัพย์ปิดปี", rules=Rules(loan_wait_months=0, payout_method=method),
                     clock=clock, user="tester") as book:
        for i, role in enumerate(("ประธาน", "เหรัญญิก", "", ""), start=1):
            book.add_member(member_values(f"สมาชิก{i}", join=dt.date(2024, 1, 3), committee_role=role,
                                          cid=valid_cid(f"3101700203{i:02d}")))

        def lend(_meeting) -> None:
            no = book.apply_loan(3, Money.baht(300), 3, [1, 2])
            book.approve_loan(no)
            book.disburse_loan(no)

        def donation(_meeting) -> None:
            book.cash_in(Money.parse("1027.01"), "other", "เงินบริจาค")

        def pay_payouts(_meeting) -> None:
            for no, _amount in book.owed_payouts():
                book.pay_payout(no)

        def resign(_meeting) -> None:
            book.leave(2, "resigned", "ย้ายไปอยู่ต่างจังหวัด")

        hooks = {dt.date(2024, 3, 3): lend, dt.date(2024, 6, 3): donation, dt.date(2025, 2, 3): pay_payouts}
        if resigns:
            hooks[dt.date(2025, 1, 3)] = resign
        for d in monthly(dt.date(2024, 1, 3), 14):
            meeting_day(book, clock, d, before_close=hooks.get(d))
            if d == dt.date(2025, 1, 3):
                book.close_year(2024)
        export_workbook(book, path.with_suffix(".xlsx"), as_of=AS_OF)
    return path.with_suffix(".xlsx")


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("yearend")
    return {method: build(folder, method) for method in ("cash", "shares")}


def rows_of(path: Path, sheet: str) -> list[list]:
    wb = load_workbook(path, read_only=True)
    try:
        return [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    finally:
        wb.close()


def edited(src: Path, dst: Path, edit) -> Path:
    wb = load_workbook(src)
    edit(wb)
    wb.save(dst)
    return dst


@pytest.mark.parametrize("method", ["cash", "shares"])
def test_a_closed_year_comes_back_closed_with_the_same_allocation_and_payouts(exports, tmp_path, method):
    src = exports[method]
    result = import_workbook(tmp_path / "copy.vbk", src)
    assert result.ok, [str(p) for p in result.problems]
    assert result.closed_years == [2024]
    with open_book(src.with_suffix(".vbk"), readonly=True) as a, open_book(tmp_path / "copy.vbk") as b:
        assert entries(a) == entries(b)
        x, y = a.allocation(2024), b.allocation(2024)
        assert x.net_profit > 0 and x.payouts and (x.pools, x.payouts, x.committee) == (y.pools, y.payouts, y.committee)
        assert b.closed_years() == [2024] and b.owed_payouts() == a.owed_payouts() == []
        kind = "payout" if method == "cash" else "dividend_to_shares"
        assert sum(1 for e in b.entries() if e.kind == kind) == (len(x.payouts) if method == "cash" else 1)
        assert b.verify().ok
        export_workbook(b, tmp_path / "again.xlsx", as_of=AS_OF)
    for sheet in ("จัดสรรกำไร", "เงินปันผลและเฉลี่ยคืน", "เงินฝากสัจจะ", "บัญชีเงินสด", "สรุป", "ยอดคงเหลือ"):
        # the same rows; the journal order differs where the close was posted at another point of the replay
        assert sorted(rows_of(src, sheet), key=repr) == sorted(rows_of(tmp_path / "again.xlsx", sheet), key=repr), sheet


def test_a_closed_year_whose_allocation_row_was_edited_by_hand_is_refused_naming_the_cell(exports, tmp_path, english):
    src = exports["cash"]
    head = rows_of(src, "จัดสรรกำไร")[0]
    assert head[3] == "เฉลี่ยคืนผู้ฝาก"  # depositors: column D

    def edit(wb) -> None:
        wb["จัดสรรกำไร"]["D2"] = wb["จัดสรรกำไร"]["D2"].value + 1
        wb["เงินปันผลและเฉลี่ยคืน"]["H3"] = 0.01  # a member's total

    path = tmp_path / "book.vbk"
    result = import_workbook(path, edited(src, tmp_path / "edited.xlsx", edit))
    assert not result.ok and not path.exists()
    assert [p.where for p in result.problems] == ["จัดสรรกำไร!D2", "เงินปันผลและเฉลี่ยคืน!H3"], \
        [str(p) for p in result.problems]
    depositors = rows_of(src, "จัดสรรกำไร")[1][3]
    assert f"computes {depositors:,.2f} baht here, not {depositors + 1:,.2f}" in str(result.problems[0])
    assert "the year-end close of 2567" in str(result.problems[0])


def test_a_payout_row_must_pay_what_is_owed(exports, tmp_path, english):
    src = exports["cash"]
    cash = rows_of(src, "บัญชีเงินสด")
    at = next(i for i, r in enumerate(cash, start=1) if str(r[2]).startswith("payout:"))

    def edit(wb) -> None:
        wb["บัญชีเงินสด"][f"E{at}"] = wb["บัญชีเงินสด"][f"E{at}"].value - 1

    result = import_workbook(tmp_path / "b.vbk", edited(src, tmp_path / "edited.xlsx", edit))
    assert [p.where for p in result.problems] == [f"บัญชีเงินสด!E{at}"]
    assert "a payout pays all of it" in str(result.problems[0])


def test_payouts_credited_to_shares_must_be_the_closes(exports, tmp_path, english):
    src = exports["shares"]
    shares = rows_of(src, "เงินฝากสัจจะ")
    found = [i for i, r in enumerate(shares, start=1) if r[2] == "dividend_to_shares"]
    assert len(found) == 4 and {shares[i - 1][0] for i in found} == {dt.datetime(2024, 12, 31)}

    def edit(wb) -> None:
        ws = wb["เงินฝากสัจจะ"]
        ws[f"D{found[0]}"] = ws[f"D{found[0]}"].value + 1
        ws.delete_rows(found[1])  # the credit of another member left out

    result = import_workbook(tmp_path / "b.vbk", edited(src, tmp_path / "edited.xlsx", edit))
    assert [p.where for p in result.problems] == [f"เงินฝากสัจจะ!D{found[0]}", "จัดสรรกำไร!A2"], \
        [str(p) for p in result.problems]
    assert "credits 153.03 baht to the shares of member 1" in str(result.problems[0])
    assert "member 2; the share_txns sheet has no dividend_to_shares row for it" in str(result.problems[1])


def test_without_the_allocation_sheet_no_year_is_closed_and_what_needs_the_close_is_refused(exports, tmp_path,
                                                                                          english):
    for method in ("cash", "shares"):
        result = import_workbook(tmp_path / f"{method}.vbk", edited(
            exports[method], tmp_path / f"{method}.xlsx", lambda wb: wb.remove(wb["จัดสรรกำไร"])))
        assert not result.ok and result.closed_years == []
        where = [p.where for p in result.problems]
        text = [p.message() for p in result.problems]
        payouts = [f"เงินปันผลและเฉลี่ยคืน!A{row}" for row in range(2, 6)]
        assert where[4:] == payouts and all("does not close the year 2567" in m for m in text[4:])
        if method == "cash":  # the payouts paid in February: nothing is owed without the close
            assert where[:4] == [f"บัญชีเงินสด!C{row}" for row in range(3, 7)]
            assert all("nothing is owed to member" in m for m in text[:4])
        else:  # the payouts credited to shares
            assert [w.split("!")[0] for w in where[:4]] == ["เงินฝากสัจจะ"] * 4
            assert all("does not close the year 2567" in m for m in text[:4])


def test_the_close_waits_for_the_point_of_the_replay_where_it_was_made(tmp_path):
    """The treasurer resigned at the January meeting, before the close: the committee pool went to the chair
    alone. Closed at the end of the year the replay would share it with the treasurer; the import closes
    the year once the January rows are posted, where the close comes out as the workbook has it."""
    src = build(tmp_path, "cash", resigns=True)
    with open_book(src.with_suffix(".vbk"), readonly=True) as a:
        alloc = a.allocation(2024)
        assert alloc.committee == (1,) and a.member(2).status == "resigned"
        assert {p.member_no for p in alloc.payouts} >= {2}  # the treasurer's savings and interest still count
    result = import_workbook(tmp_path / "copy.vbk", src)
    assert result.ok, [str(p) for p in result.problems]
    with open_book(src.with_suffix(".vbk"), readonly=True) as a, open_book(tmp_path / "copy.vbk") as b:
        assert b.allocation(2024).payouts == a.allocation(2024).payouts and b.allocation(2024).committee == (1,)
        assert entries(a) == entries(b)
