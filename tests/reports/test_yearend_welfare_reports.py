"""The year-end, partner-fund, welfare and coverage reports against the ledger, on the demo book: in the ReportTable
and in the text ``pdftotext`` extracts. The demo closes 2567 with a loss; 2568 is not closed yet (a preview)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from villagebank.exports.pdf import render_pdf
from villagebank.i18n import _
from villagebank.ledger.errors import InvalidInput
from villagebank.ledger.welfare import CASE_LABELS
from villagebank.reports import coverage, statement, welfare, yearend
from villagebank.reports.common import citizen_id_text, month_period, year_period
from villagebank.reports.registry import Params, build
from villagebank.reports.table import KeyValues, Report, ReportTable, Style

from .conftest import baht, needs_poppler, pdf_text, squeeze

pytestmark = needs_poppler

LOSS_YEAR, YEAR = 2024, 2025


def _render(report: Report | list[Report], tmp_path: Path, name: str = "r.pdf") -> str:
    pdf = tmp_path / name
    render_pdf(report if isinstance(report, list) else [report], pdf)
    return pdf_text(pdf, "-layout")


def _table(report: Report, key: str) -> ReportTable:
    return next(t for t in report.tables() if t.key == key)


def _cells(table: ReportTable, style: Style = Style.ITEM) -> list[dict[str, object]]:
    keys = [c.key for c in table.columns]
    return [dict(zip(keys, r.cells, strict=True)) for r in table.rows if r.style is style]


def _total(table: ReportTable, key: str) -> object:
    return _cells(table, Style.TOTAL)[-1][key]


def _sum(table: ReportTable, key: str) -> int:
    return sum(int(getattr(v, "satang", v) or 0) for v in table.column_values(key))


# --- allocation ----------------------------------------------------------------------------------------------
def test_allocation_preview_pools_and_remainders_add_up_to_the_net_profit(demo, tmp_path):
    a = demo.preview_close(YEAR)
    assert not demo.is_year_closed(YEAR) and a.net_profit > 0
    report = yearend.allocation(demo, YEAR)
    assert report.copy_mark == "ฉบับร่าง" and "(ฉบับร่าง)" in report.title and not report.signatures
    pools = _table(report, "allocation")
    assert _sum(pools, "amount") == _total(pools, "amount") == a.net_profit  # pools + rounding = net profit
    assert [r["amount"] for r in _cells(pools)][:6] == list(a.pools.values())
    members = _table(report, "members")
    paid = _total(members, "paid")
    assert paid == _sum(members, "paid") == a.payouts_total
    assert _total(members, "reserve") == sum(a.member_remainders.values())
    reserve = _table(report, "reserve")
    assert _sum(reserve, "amount") == _total(reserve, "amount") == a.reserve_total
    assert a.reserve_total + a.pools["welfare"] + a.pools["development"] + paid == a.net_profit
    text = _render(report, tmp_path)
    for amount in (a.income, a.expenses, a.net_profit, *a.pools.values(), a.reserve_total, a.payouts_total):
        assert baht(amount) in text
    assert "ฉบับร่าง: ปีบัญชี 2568 ยังไม่ได้ปิดบัญชี" in text and "การจัดสรรกำไรประจำปี (ฉบับร่าง)" in text
    assert "ลงชื่อ" not in text  # a draft is not signed


def test_allocation_of_a_loss_year_charges_the_deficit_to_the_reserve(demo, tmp_path):
    a = demo.allocation(LOSS_YEAR)
    assert a.net_profit < 0
    report = yearend.allocation(demo, LOSS_YEAR)
    assert report.copy_mark is None and report.signatures
    kv = next(b for b in report.blocks if isinstance(b, KeyValues))
    assert [v for _label, v, _kind in kv.items] == [a.income, a.expenses, a.deficit]
    reserve = _table(report, "reserve")
    assert _total(reserve, "amount") == a.reserve_total == -a.deficit
    assert not any(t.key == "allocation" for t in report.tables())
    text = _render(report, tmp_path)
    assert "ขาดทุนสุทธิ" in text and baht(a.deficit) in text and "-" + baht(a.deficit) in text
    assert "ประจำปี 2567" in text and "ฉบับร่าง" not in text and "ลงชื่อ" in text


# --- payouts -------------------------------------------------------------------------------------------------
def test_payouts_sum_to_the_allocation_and_have_a_column_to_sign(demo, tmp_path):
    a = demo.preview_close(YEAR)
    ye = yearend.YearEnd(a, preview=False)  # as the list of a closed year prints
    report = yearend.payouts_report(demo, ye)
    t = _table(report, "payouts")
    assert t.columns[-1].key == "signature" and t.item_lines > 1
    assert _sum(t, "total") == _total(t, "total") == a.payouts_total
    for key, pool in (("depositor", "depositors"), ("borrower", "borrowers"), ("committee", "committee")):
        assert _sum(t, key) == _total(t, key) == a.pools[pool] - a.member_remainders.get(pool, 0)
    assert _total(t, "share_months") == a.total_share_months and _total(t, "interest") == a.total_interest
    rows = _cells(t)
    assert [r["no"] for r in rows] == [p.member_no for p in a.payouts]
    for r, p in zip(rows, a.payouts, strict=True):
        assert r["total"] == p.total and (r["depositor"] or 0) + (r["borrower"] or 0) + (r["committee"] or 0) == p.total
    text = _render(report, tmp_path)
    assert baht(a.payouts_total) in text and "ลายมือชื่อผู้รับเงิน" in text and f"รวม ({len(a.payouts)} คน)" in text
    for p in a.payouts:
        assert re.search(rf"^\s*{p.member_no}\s+{re.escape(p.name)}\s.*{re.escape(baht(p.total))}", text, re.M)


def test_a_long_payout_list_repeats_its_header_on_every_page(demo, tmp_path):
    a = demo.preview_close(YEAR)
    many = tuple(dataclasses.replace(p, member_no=i) for i, p in enumerate(a.payouts * 5, start=1))
    report = yearend.payouts_report(demo, yearend.YearEnd(dataclasses.replace(a, payouts=many), preview=False))
    pdf = tmp_path / "long.pdf"
    pages = render_pdf([report], pdf)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = pdf_text(pdf, "-f", str(page), "-l", str(page))
        assert "ลายมือชื่อผู้รับเงิน" in text and "หุ้น-เดือน" in text and f"หน้า {page}/{pages}" in text
    assert "ลงชื่อ" in pdf_text(pdf, "-f", str(pages), "-l", str(pages))


def test_the_preview_payout_list_has_no_signature_column(demo):
    t = _table(yearend.payouts(demo, YEAR), "payouts")
    assert "signature" not in [c.key for c in t.columns] and t.item_lines == 1


# --- remittance lists ----------------------------------------------------------------------------------------
def test_remittance_lists_owe_what_their_members_owe(demo, tmp_path):
    as_of = dt.date(2025, 11, 30)  # the National Savings Fund's money goes to BAAC in December
    reports = welfare.remittance_lists(demo, as_of)
    assert [r.title for r in reports] == [f"รายชื่อนำส่งเงิน: {p.name}" for p in demo.rules.partners
                                          if demo.partner_statement(p.key, as_of).rows]
    for report in reports:
        st = next(demo.partner_statement(p.key, as_of) for p in demo.rules.partners if p.name in report.title)
        t = _table(report, "remittance")
        assert _total(t, "owed") == _sum(t, "owed") == st.owed.satang
        for key, attr in (("collected", "collected"), ("bank", "paid_by_bank"), ("remitted", "remitted")):
            assert _sum(t, key) == (_total(t, key) or 0) == getattr(st, attr).satang
        assert [r["citizen_id"] for r in _cells(t)] == [citizen_id_text(r.citizen_id) for r in st.rows]
        text = _render(report, tmp_path)
        assert baht(st.owed.satang) in text and "ผู้รับเงิน" in text and "เหรัญญิก" in text
        for r in st.rows:
            assert citizen_id_text(r.citizen_id) in text
    nsf = demo.partner_statement("nsf", as_of)
    assert nsf.owed.satang > 0
    only = build(demo, "remittance", Params(month=(2025, 11), partner="nsf"))
    assert len(only) == 1 and _total(_table(only[0], "remittance"), "owed") == nsf.owed.satang
    text = _render(only, tmp_path, "nsf.pdf")
    assert "ต้องนำส่งเงินให้ กองทุนการออมแห่งชาติ (กอช.) " + baht(nsf.owed.satang) in text


# --- welfare claims ------------------------------------------------------------------------------------------
def test_the_claims_register_totals_and_the_fund_carried_forward(demo, tmp_path):
    claims = demo.welfare_claims(fy=YEAR)
    paid = [c for c in claims if not c.reversed_by]
    assert paid
    report = welfare.claims_register(demo, year_period(demo, YEAR))
    t = _table(report, "claims")
    total = sum(c.amount.satang for c in paid)
    assert _total(t, "amount") == _sum(t, "amount") == total
    by_case = _table(report, "by_case")
    assert _total(by_case, "amount") == _sum(by_case, "amount") == total
    assert _total(by_case, "count") == len(paid)
    labels = {_(msgid): case for case, msgid in CASE_LABELS.items()}
    for row in _cells(by_case):
        assert row["amount"] == sum(c.amount.satang for c in paid if c.case == labels[row["case"]])
    fund = _table(report, "fund")
    start, end = demo.fiscal_year_bounds(YEAR)
    opening = demo.welfare_fund_balance(start - dt.timedelta(days=1)).satang
    closing = demo.welfare_fund_balance(end).satang
    rows = [r.cells[1] for r in fund.rows]
    assert rows[0] == opening and rows[-1] == closing and sum(rows[1:-1]) == closing - opening
    assert -total in rows  # claims paid, as money out of the fund
    text = _render(report, tmp_path)
    assert baht(total) in text and baht(closing) in text and f"รวม ({len(paid)} ครั้ง)" in text
    for c in paid:
        assert baht(c.amount.satang) in text and c.member_name.split()[0] in text


def test_a_members_claims_and_a_month_of_claims(demo, tmp_path):
    first = demo.welfare_claims(fy=YEAR)[0]
    mine = [c for c in demo.welfare_claims(member_no=first.member_no) if not c.reversed_by]
    report = build(demo, "claims", Params(member_no=first.member_no))[0]
    assert report.period == "ทุกปี" and _total(_table(report, "claims"), "amount") == sum(c.amount.satang for c in mine)
    assert not any(t.key == "fund" for t in report.tables())  # the fund is the bank's, not the member's
    month = build(demo, "claims", Params(month=(first.date.year, first.date.month)))[0]
    in_month = [c for c in demo.welfare_claims() if (c.date.year, c.date.month) == (first.date.year, first.date.month)]
    assert _sum(_table(month, "claims"), "amount") == sum(c.amount.satang for c in in_month)
    empty = build(demo, "claims", Params(month=(2024, 7)))[0]
    assert "ช่วงนี้ไม่มีการจ่ายเงินสวัสดิการ" in _render(empty, tmp_path)


# --- seven-risk coverage -------------------------------------------------------------------------------------
def test_coverage_counts_are_the_ledgers_table(demo, tmp_path):
    as_of = dt.date(2025, 12, 31)
    ledger = demo.coverage_table(as_of)
    report = coverage.group_coverage(demo, as_of)
    rows = _cells(_table(report, "risks"))
    assert len(rows) == 7
    for row, expected in zip(rows, ledger.rows, strict=True):
        assert [row["state"], row["community"], row["financial"]] == [expected.group(g) for g in
                                                                       ("state", "community", "financial")]
        assert (row["covered"], row["missing"], row["duplicated"]) == (expected.covered, expected.missing,
                                                                       expected.duplicated)
        assert row["covered"] + row["missing"] == ledger.members
    flags = {r["flag"]: r["members"] for r in _cells(_table(report, "flags"))}
    assert sorted(flags.values()) == sorted(n for _code, n in ledger.flags)
    text = _render(report, tmp_path)
    assert f"สมาชิก {ledger.members} คน" in text
    sickness = ledger.rows[0]
    assert re.search(r"การเจ็บป่วย\s+" + r"\s+".join(str(n) for n in (
        sickness.group("state"), sickness.group("community"), sickness.group("financial"), sickness.covered,
        sickness.missing, sickness.duplicated)), text)


def test_a_members_seven_risks(demo, tmp_path):
    cov = demo.coverage(1, dt.date(2025, 12, 31))
    report = build(demo, "coverage", Params(month=(2025, 12), member_no=1))[0]
    rows = _cells(_table(report, "risks"))
    assert [r["covered"] for r in rows] == [rc.covered for rc in cov.risks]
    text = _render(report, tmp_path)
    for f in cov.flags:
        assert squeeze(f.message()) in squeeze(text)
    assert "หลักประกันสุขภาพถ้วนหน้า" in text and "√" in text


# --- the member statement's new sections ---------------------------------------------------------------------
def test_statement_shows_partner_contributions_and_welfare_claims(demo, tmp_path):
    claim = next(c for c in demo.welfare_claims(fy=YEAR) if c.date.month >= 6)
    year, month = claim.date.year, claim.date.month
    report = statement.statement(demo, claim.member_no, year, month)
    t = _table(report, "welfare")
    ytd = [c for c in demo.welfare_claims(member_no=claim.member_no, fy=YEAR) if c.date <= claim.date]
    assert _sum(t, "amount") == sum(c.amount.satang for c in ytd if not c.reversed_by)
    assert [r["date"] for r in _cells(t)] == [c.date for c in ytd]
    if len(ytd) > 1:
        assert _total(t, "amount") == _sum(t, "amount")
    period = month_period(demo, year, month)
    enrolled = [e for e in demo.partner_enrolments(member_no=claim.member_no) if e.active_on(period.end)]
    assert enrolled, "pick a claim of a member in a partner fund"
    partners = _table(report, "partners")
    for e in enrolled:
        name = demo.rules.partner(e.partner).name
        row = next(r for r in _cells(partners) if r["partner"] == name)
        now = next(r for r in demo.partner_statement(e.partner, period.end).rows if r.member_no == claim.member_no)
        before = {r.member_no: r for r in demo.partner_statement(e.partner, period.year_start
                                                                 - dt.timedelta(days=1)).rows}.get(claim.member_no)
        assert row["ytd"] == now.collected.satang - (before.collected.satang if before else 0)
        assert (row["owed"] or 0) == now.owed.satang
    text = _render(report, tmp_path)
    assert "เงินสวัสดิการที่ท่านได้รับ" in text and "กองทุนที่กลุ่มเก็บเงินแล้วส่งต่อให้ท่าน" in text
    assert baht(claim.amount.satang) in text


def test_statements_stay_one_page_each_with_the_new_sections(demo, tmp_path):
    reports = statement.statements(demo, YEAR, 11)
    pdf = tmp_path / "all.pdf"
    assert render_pdf(reports, pdf) == len(reports)
    assert any(t.key == "partners" for r in reports for t in r.tables())
    assert any(t.key == "welfare" for r in reports for t in r.tables())


# --- the annual-meeting pack ---------------------------------------------------------------------------------
def test_the_agm_pack_binds_allocation_accounts_and_payouts(demo, tmp_path):
    reports = build(demo, "agm", Params(year=YEAR))
    assert [r.key for r in reports] == ["allocation", "income", "balance-sheet", "payouts"]
    a = demo.preview_close(YEAR)
    income = _table(reports[1], "income")
    assert next(r for r in income.rows if r.style is Style.TOTAL).cells[1] == a.net_profit
    text = _render(reports, tmp_path)
    for title in ("การจัดสรรกำไรประจำปี (ฉบับร่าง)", "งบกำไรขาดทุน", "งบดุล", "บัญชีรายชื่อผู้รับเงินเฉลี่ยคืน"):
        assert title in text
    assert text.count(baht(a.net_profit)) >= 2 and "ณ วันที่ 31 ธันวาคม 2568" in text


@pytest.mark.parametrize("fy", [LOSS_YEAR, YEAR])
def test_year_end_reports_default_to_the_last_year_over(demo, fy):
    assert yearend.default_year(demo) == YEAR  # today is 10 January 2569
    assert build(demo, "allocation", Params(year=fy))[0].period == year_period(demo, fy).label


@pytest.mark.parametrize("fy", [2020, 2027])
def test_a_year_the_book_has_nothing_in_is_refused(demo, fy):
    with pytest.raises(InvalidInput):
        build(demo, "payouts", Params(year=fy))
