"""Each report's numbers against the ledger, on the demo book: in the ReportTable and in the PDF's text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from villagebank.exports.pdf import render_pdf
from villagebank.ledger import accounts as acc
from villagebank.ledger.accounts import CREDIT_NORMAL, EXPENSE, INCOME
from villagebank.reports import cash, financial, loanbook, receipts, registers, statement
from villagebank.reports.common import date_period, month_period, year_period
from villagebank.reports.table import KeyValues, Paragraph, Report, ReportTable, Style
from villagebank.thai import baht_text

from .conftest import UNTIL, baht, needs_poppler, pdf_text, squeeze

pytestmark = needs_poppler

YEAR = 2025
DECEMBER = (2025, 12)


def _render(report: Report | list[Report], tmp_path: Path, name: str = "r.pdf") -> str:
    pdf = tmp_path / name
    render_pdf(report if isinstance(report, list) else [report], pdf)
    return pdf_text(pdf, "-layout")


def _table(report: Report, key: str) -> ReportTable:
    return next(t for t in report.tables() if t.key == key)


def _total(table: ReportTable, key: str, style: Style = Style.TOTAL) -> object:
    row = next(r for r in table.rows if r.style is style)
    return row.cells[[c.key for c in table.columns].index(key)]


def _column_sum(table: ReportTable, key: str) -> int:
    return sum(int(getattr(v, "satang", v) or 0) for v in table.column_values(key))


# --- share register ------------------------------------------------------------------------------------------
def test_share_register_totals_equal_the_shares_account(demo, tmp_path):
    report = registers.share_register(demo, YEAR)
    t = _table(report, "shares")
    _start, end = demo.fiscal_year_bounds(YEAR)
    shares = -demo.balance(acc.SHARES, as_of=end).satang
    assert _total(t, "balance") == shares
    assert _column_sum(t, "balance") == shares
    months = [c.key for c in t.columns if c.key.startswith("m")]
    assert len(months) == 12
    for key in months:  # totals per month
        assert _total(t, key) == _column_sum(t, key)
    for row in t.rows:  # totals per member
        if row.style is Style.ITEM:
            cells = dict(zip([c.key for c in t.columns], row.cells, strict=True))
            saved = sum(int(cells[k] or 0) for k in months)
            assert cells["total"] == saved
            assert cells["balance"] == cells["bf"] + saved - int(cells["withdrawn"] or 0)
            assert cells["balance"] == demo.share_balance(cells["no"], end).satang
    text = _render(report, tmp_path)
    assert f"{shares // 100:,}" in text  # whole baht in the grid
    assert "ทะเบียนหุ้น" in text and "ม.ค." in text and "ธ.ค." in text and "ประจำปี 2568" in text


# --- financial statements ------------------------------------------------------------------------------------
def test_trial_balance_sums_to_zero(demo, tmp_path):
    report = financial.trial_balance(demo, date_period(demo, UNTIL))
    t = _table(report, "trial_balance")
    debit, credit = _total(t, "debit"), _total(t, "credit")
    assert debit == credit == _column_sum(t, "debit") == _column_sum(t, "credit")
    assert debit == sum(b.balance.satang for b in demo.account_balances(as_of=UNTIL) if b.balance.satang > 0)
    text = _render(report, tmp_path)
    assert text.count(baht(debit)) >= 2 and "งบทดลอง" in text and "ณ วันที่ 31 ธันวาคม 2568" in text


def test_balance_sheet_balances(demo, tmp_path):
    report = financial.balance_sheet(demo, date_period(demo, UNTIL))
    t = _table(report, "balance_sheet")
    subtotals = [r.cells[1] for r in t.rows if r.style is Style.SUBTOTAL]
    assets, liabilities, equity = subtotals
    assert assets == _total(t, "amount") == liabilities + equity
    held = demo.balance(acc.CASH, as_of=UNTIL) + demo.balance(acc.BANK, as_of=UNTIL) + demo.balance(acc.LOANS, as_of=UNTIL)
    assert assets == held.satang
    text = _render(report, tmp_path)
    assert text.count(baht(assets)) == 2 and "งบดุล" in text


def test_income_statement_net_profit(demo, tmp_path):
    period = month_period(demo, *DECEMBER)
    report = financial.income_statement(demo, period)
    t = _table(report, "income")
    flows = demo.account_balances(as_of=period.end, start=period.start)
    ytd = demo.account_balances(as_of=period.end, start=period.year_start)
    assert _total(t, "period") == -sum(b.balance.satang for b in flows if b.type in (INCOME, EXPENSE))
    assert _total(t, "ytd") == -sum(b.balance.satang for b in ytd if b.type in (INCOME, EXPENSE))
    interest = next(b for b in ytd if b.code == acc.INTEREST_INCOME)
    assert next(r for r in t.rows if r.cells[0] == "ดอกเบี้ยเงินกู้").cells[2] == -interest.balance.satang
    year = financial.income_statement(demo, year_period(demo, YEAR))
    assert _total(_table(year, "income"), "period") == _total(t, "ytd")  # the year to date in December is the year
    text = _render(report, tmp_path)
    assert "งบกำไรขาดทุน" in text and baht(_total(t, "ytd")) in text and "ประจำเดือนธันวาคม 2568" in text


# --- statement -----------------------------------------------------------------------------------------------
def _borrower_with_guarantees(demo):
    exposure = demo.guarantor_exposure(UNTIL)
    for st in demo.loans(UNTIL, statuses=("disbursed",)):
        if st.member_no in exposure and st.payments and st.payments[-1].date >= dt.date(2025, 12, 1):
            return st
    pytest.skip("the demo has no borrower who guarantees a loan")


def test_statement_matches_the_ledger(demo, tmp_path):
    st = _borrower_with_guarantees(demo)
    no = st.member_no
    report = statement.statement(demo, no, *DECEMBER)
    shares = _table(report, "shares")
    assert shares.rows[0].cells[3] == demo.share_balance(no, UNTIL).satang
    assert shares.rows[0].cells[0] == demo.share_balance(no, dt.date(2025, 11, 30)).satang
    loans = _table(report, "loans")
    row = next(r for r in loans.rows if r.cells[0] == st.loan_no)
    assert row.cells[5] == demo.loan(st.loan_no, UNTIL).balance
    december = [p for p in st.payments if p.date >= dt.date(2025, 12, 1)]
    assert row.cells[3] == sum(p.principal for p in december) and row.cells[4] == sum(p.interest for p in december)
    guaranteed = {r.cells[0] for r in _table(report, "guarantees").rows}
    assert guaranteed == {g.loan_no for g in demo.guarantor_exposure(UNTIL)[no] if g.status == "disbursed"}
    paid = _table(report, "receipts")
    assert {r.cells[1] for r in paid.rows if r.style is Style.ITEM} == {
        r.receipt_no for r in demo.receipts(member_no=no) if r.date >= dt.date(2025, 12, 1)}
    text = _render(report, tmp_path)
    flat = squeeze(text)
    assert squeeze(demo.member(no).full_name) in flat
    assert baht(demo.loan(st.loan_no, UNTIL).balance.satang) in text
    assert baht(demo.share_balance(no, UNTIL).satang) in text
    assert "ใบแจ้งยอดสมาชิกประจำเดือน" in text and "ประจำเดือนธันวาคม 2568" in text and "หน้า 1/1" in text
    assert f"อ้างอิง {demo.anchor()}" in text
    assert "เหรัญญิก" in text and "กรรมการผู้ตรวจสอบ" in text


def test_statement_year_to_date_and_discipline(demo):
    no, misses = next((m.member_no, demo.missed_savings(m.member_no, YEAR)) for m in demo.members(statuses=("active",
                       "suspended")) if demo.missed_savings(m.member_no, YEAR))
    report = statement.statement(demo, no, *DECEMBER)
    texts = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    assert any(f"ขาดส่งสัจจะในปีบัญชีนี้ {len(misses)} ครั้ง" in t for t in texts)
    ytd = next(b for b in report.blocks if isinstance(b, KeyValues) and b.title and "ต้นปีบัญชี" in b.title)
    start, end = demo.fiscal_year_bounds(YEAR)
    saved = demo.share_balance(no, end) - demo.share_balance(no, start - dt.timedelta(days=1))
    assert ytd.items[0][1] == saved.satang  # no withdrawals by an active member
    interest = sum(p.interest for st in demo.loans(UNTIL, member_no=no) for p in st.payments if p.date >= start)
    assert ytd.items[2][1] == interest


def test_statements_cover_active_members_in_number_order(demo):
    reports = statement.statements(demo, *DECEMBER)
    expected = [m.member_no for m in demo.members(statuses=("active", "suspended"))]
    assert [r.number for r in reports] == expected
    assert all(r.anchor == demo.anchor() for r in reports)
    assert 7 not in expected  # terminated in 2025 for three missed savings in a row


def test_former_member_statement_shows_what_is_owed(demo):
    report = statement.statement(demo, 7, *DECEMBER)
    owed = demo.owed_to_former_member(7)
    texts = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    if owed.satang:
        assert any(baht(owed.satang) in t for t in texts)


def test_a_section_can_be_added_to_every_statement(demo):
    def extra_section(ctx, member):
        return [Paragraph(f"extra {member.member_no}")]

    before = list(statement.SECTIONS)
    assert [k for k, _f in before].index("partners") == [k for k, _f in before].index("savings") + 1
    assert [k for k, _f in before].index("welfare") == [k for k, _f in before].index("guarantees") + 1
    statement.add_section("extra", extra_section, after="savings")
    try:
        report = statement.statement(demo, 1, *DECEMBER)
        keys = [k for k, _f in statement.SECTIONS]
        assert keys.index("extra") == keys.index("savings") + 1
        assert any(isinstance(b, Paragraph) and b.text == "extra 1" for b in report.blocks)
    finally:
        statement.remove_section("extra")
    assert [k for k, _f in statement.SECTIONS] == [k for k, _f in before]


# --- receipts ------------------------------------------------------------------------------------------------
def test_receipt_in_figures_and_thai_words_and_copy_mark(demo, tmp_path):
    r = demo.receipts(member_no=1)[-1]
    report = receipts.receipt_report(demo, r)
    items = _table(report, "items")
    assert _total(items, "amount") == r.total and _column_sum(items, "amount") == r.total.satang
    assert report.copy_mark is None
    text = _render(report, tmp_path)
    assert baht_text(r.total.satang) in squeeze(text)
    assert baht(r.total.satang) in text and "ใบเสร็จรับเงิน" in text and f"เลขที่ {r.receipt_no}" in text
    assert "สำเนา" not in text
    # The member signs as the payer and the treasurer as the receiver, each named under the line.
    treasurer = next(m for m in demo.members() if m.committee_role and "เหรัญญิก" in m.committee_role)
    assert [(s.role, s.name) for s in report.signatures] == [("ผู้จ่ายเงิน", r.member_name),
                                                             ("ผู้รับเงิน", treasurer.full_name)]
    assert r.member_name in text and treasurer.full_name in text
    printed = type(r)(**{**r.__dict__, "printed": 1})
    again = receipts.receipt_report(demo, printed)
    assert again.copy_mark == "สำเนา"
    assert "สำเนา" in _render(again, tmp_path, "copy.pdf")


# --- loans ---------------------------------------------------------------------------------------------------
def test_loan_book_balances_and_monthly_columns(demo, tmp_path):
    report = loanbook.loan_book(demo, YEAR)
    register = _table(report, "loans")
    assert _total(register, "balance") == demo.balance(acc.LOANS, as_of=UNTIL).satang
    start, end = demo.fiscal_year_bounds(YEAR)
    income = next(b for b in demo.account_balances(as_of=end, start=start) if b.code == acc.INTEREST_INCOME)
    assert _total(register, "interest") == -income.balance.satang
    grid = _table(report, "repayments")
    principal = next(r for r in grid.rows if r.style is Style.SUBTOTAL)
    assert principal.cells[-1] == _total(register, "principal")
    assert _total(grid, "total") == _total(register, "interest")
    for row in register.rows:
        if row.style is Style.ITEM:
            st = demo.loan(row.cells[0], UNTIL)
            assert row.cells[-1] == st.balance
            assert {row.cells[6], row.cells[7]} == {f"{g} {demo.member(g).full_name}" for g in st.guarantors}
    text = _render(report, tmp_path)
    assert "บัญชีเงินกู้" in text and "ผู้ค้ำประกันคนที่ 1" in text and baht(_total(register, "balance")) in text


def test_a_loans_schedule_adds_up_to_its_terms_and_names_who_signs(demo, tmp_path):
    st = next(s for s in demo.loans(UNTIL) if s.status == "disbursed" and len(s.guarantors) == 2)
    report = loanbook.loan_schedule(demo, st.loan_no)
    t = _table(report, "schedule")
    items = [r for r in t.rows if r.style is Style.ITEM]
    assert len(items) == st.term_months
    assert _column_sum(t, "principal") == st.principal.satang == _total(t, "principal")
    assert items[0].cells[3] == demo.loan_schedule(st.loan_no)[0].interest.satang
    assert items[-1].cells[5] == 0  # nothing owed after the last installment
    signers = [(sig.role, sig.name) for sig in report.signatures]
    assert signers[:3] == [("ผู้กู้", demo.member(st.member_no).full_name),
                           *[("ผู้ค้ำประกัน", demo.member(g).full_name) for g in st.guarantors]]
    text = _render(report, tmp_path)
    assert "ตารางผ่อนชำระเงินกู้" in text and f"สัญญาเงินกู้ที่ {st.loan_no}" in text
    assert baht(st.principal.satang) in text and demo.member(st.member_no).full_name in text


def test_overdue_loans_list_guarantors_to_contact(demo, tmp_path):
    report = loanbook.overdue_loans(demo, date_period(demo, UNTIL))
    overdue = demo.overdue_loans(UNTIL)
    assert overdue, "the demo has a late payer"
    t = _table(report, "overdue")
    assert [r.cells[0] for r in t.rows if r.style is Style.ITEM] == [st.loan_no for st in overdue]
    assert _total(t, "total") == sum(st.overdue.satang for st in overdue)
    text = _render(report, tmp_path)
    flat = squeeze(text)
    for st in overdue:
        for g in st.guarantors:
            m = demo.member(g)
            assert squeeze(m.full_name) in flat
            assert f"{m.phone[:3]}-{m.phone[3:6]}-{m.phone[6:]}" in text
    assert baht(sum(st.overdue.satang for st in overdue)) in text


def test_guarantor_exposure(demo, tmp_path):
    report = loanbook.guarantor_exposure(demo, date_period(demo, UNTIL))
    t = _table(report, "guarantors")
    exposure = demo.guarantor_exposure(UNTIL)
    heads = [r for r in t.rows if r.style is Style.HEAD]
    assert len(heads) == len(exposure)
    owed = sum(st.balance.satang if st.status == "disbursed" else st.principal.satang
               for loans in exposure.values() for st in loans)
    assert _total(t, "balance") == owed
    assert "รายงานการค้ำประกันเงินกู้" in _render(report, tmp_path)


# --- cash ----------------------------------------------------------------------------------------------------
def test_cash_book_brought_and_carried_forward(demo, tmp_path):
    period = month_period(demo, *DECEMBER)
    report = cash.cash_book(demo, period)
    t = _table(report, acc.CASH)
    cb = demo.cash_book(period.start, period.end)
    assert t.rows[0].cells[1] == "ยอดยกมา" and t.rows[0].cells[2] == cb.brought_forward.satang
    assert _total(t, "in_amount") == _total(t, "out_amount") == cb.brought_forward.satang + cb.received.satang
    carried = next(r for r in t.rows if r.cells[4] == "ยอดยกไป")
    assert carried.cells[5] == demo.cash_balance(as_of=period.end).satang
    assert _column_sum(t, "in_amount") == cb.brought_forward.satang + cb.received.satang
    text = _render(report, tmp_path)
    assert "บัญชีเงินสด" in text and "รายการรับ" in text and "รายการจ่าย" in text
    assert baht(cb.carried_forward.satang) in text


def test_secretary_record(demo, tmp_path):
    period = month_period(demo, *DECEMBER)
    report = cash.secretary_record(demo, period)
    money = _table(report, "money")
    held = demo.cash_balance(as_of=period.end) + demo.cash_balance(acc.BANK, as_of=period.end)
    assert _total(money, "amount") == held
    text = _render(report, tmp_path)
    assert "บันทึกเลขานุการประจำเดือน" in text and "เลขานุการ" in text and baht(held.satang) in text


# --- member register -----------------------------------------------------------------------------------------
def test_member_register(demo, tmp_path):
    report = registers.member_register(demo, date_period(demo, UNTIL))
    t = _table(report, "members")
    members = [m for m in demo.members() if m.join_date <= UNTIL]
    assert [r.cells[0] for r in t.rows] == [m.member_no for m in members]
    text = _render(report, tmp_path)
    flat = squeeze(text)
    for m in members:
        assert squeeze(m.full_name) in flat
        cid = m.citizen_id
        assert f"{cid[0]}-{cid[1:5]}-{cid[5:10]}-{cid[10:12]}-{cid[12]}" in text


# --- balances across reports ---------------------------------------------------------------------------------
def test_reports_agree_with_each_other(demo):
    shares = _total(_table(registers.share_register(demo, YEAR), "shares"), "balance")
    sheet = _table(financial.balance_sheet(demo, date_period(demo, UNTIL)), "balance_sheet")
    shares_line = next(r for r in sheet.rows if r.cells[0] == "เงินสัจจะสะสม (ทุนเรือนหุ้น)")
    assert shares_line.cells[1] == shares
    trial = _table(financial.trial_balance(demo, date_period(demo, UNTIL)), "trial_balance")
    for b in demo.account_balances(as_of=UNTIL):
        if b.balance.satang and b.type in CREDIT_NORMAL:
            # a credit-normal account may stand in debit (a reserve that absorbed a loss year)
            column, amount = (2, -b.balance.satang) if b.balance.satang < 0 else (1, b.balance.satang)
            assert any(r.cells[column] == amount for r in trial.rows), b


# --- small books -----------------------------------------------------------------------------------------------
def test_statement_shows_other_savings_and_a_cancelled_receipt(saving_book, clock, tmp_path):
    from villagebank.ledger import Money

    book = saving_book
    clock.set(dt.date(2025, 4, 10))
    saved = book.save(1, "voluntary", Money(50000))
    wrong = book.deposit(1, Money(2000))
    book.reverse_entry(wrong.entry_seq, "บันทึกซ้ำ")
    report = statement.statement(book, 1, 2025, 4)
    savings = _table(report, "savings")
    assert [r.cells for r in savings.rows] == [("เงินฝากออมทรัพย์", 0, 50000, 0, 50000)]
    assert book.savings_balance(1, "voluntary").satang == 50000
    paid = _table(report, "receipts")
    numbers = [r.cells[1] for r in paid.rows if r.style is Style.ITEM]
    assert saved.receipt_no in numbers and wrong.receipt_no in numbers
    cancelled = next(r for r in paid.rows if r.cells[1] == wrong.receipt_no)
    assert cancelled.cells[3] is None and "(ยกเลิก)" in cancelled.cells[2]
    shares = _table(report, "shares").rows[0].cells
    assert shares[3] == book.share_balance(1).satang  # the reversed deposit is not in the balance
    voided = receipts.receipt_report(book, book.receipt(wrong.receipt_no))
    assert voided.copy_mark == "ยกเลิก"
    text = _render([report, voided], tmp_path)
    assert "เงินฝากประเภทอื่น" in text and "ยกเลิก" in text and baht(50000) in text


def test_signatures_carry_the_names_of_the_office_holders(saving_book):
    book = saving_book
    book.edit_member(2, {"committee_role": "เหรัญญิก"})
    book.edit_member(3, {"committee_role": "ประธานกรรมการ"})
    book.edit_member(4, {"committee_role": "รองประธานกรรมการ"})  # a deputy does not sign for the chair
    report = financial.trial_balance(book, date_period(book, dt.date(2025, 4, 30)))
    names = {s.role: s.name for s in report.signatures if not isinstance(s, str)}
    assert names == {"เหรัญญิก": book.member(2).full_name, "ประธานกรรมการ": book.member(3).full_name}
    assert "กรรมการผู้ตรวจสอบ" in report.signatures  # nobody holds it: a line to write the name on
