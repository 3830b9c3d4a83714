"""Welfare and partner-fund reports: the welfare claims register (ทะเบียนการจ่ายเงินสวัสดิการ), the remittance list of
each partner fund (รายชื่อนำส่งเงิน: members, citizen IDs, amounts), and the two statement sections they add to the
member monthly statement (partner contributions; welfare benefits paid).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from villagebank.i18n import N_, _
from villagebank.ledger import accounts as acc
from villagebank.ledger.welfare import CASE_LABELS, CASES
from villagebank.reports import statement
from villagebank.reports.common import (
    CHAIR,
    CHECKER,
    RECEIVED_BY,
    TREASURER,
    Period,
    as_of_label,
    citizen_id_text,
    member_label,
    new_report,
    signers,
)
from villagebank.reports.table import Block, Column, Kind, Paragraph, Report, ReportTable, Style
from villagebank.thai import format_amount, format_date

if TYPE_CHECKING:
    from villagebank.ledger import Book
    from villagebank.ledger.dto import Member
    from villagebank.ledger.partners import PartnerMemberRow, PartnerStatement
    from villagebank.ledger.rules import Partner
    from villagebank.ledger.welfare import Claim

CLAIMS_TITLE = N_("Welfare claims register")
REMITTANCE_TITLE = N_("Partner fund remittance list")

# How money moved in and out of the welfare fund, by the kind of entry (reversals count as what they reverse).
_FUND_CLAIMS = "welfare_claim"
_FUND_BANK_PAYS = "partner_bank_pays"
_FUND_CLOSE = ("year_close", "year_reopen", "dividend_to_shares")


def _case(c: Claim) -> str:
    text = _(CASE_LABELS.get(c.case, c.case))
    return _("{items} (cancelled)").format(items=text) if c.reversed_by else text


# --- the claims register ------------------------------------------------------------------------------------
def claims_register(book: Book, period: Period | None, member_no: int | None = None) -> Report:
    """Claims paid in ``period`` (all years when None; one member's when ``member_no``): date, member, case,
    nights, amount and the committee's reason when it paid outside the schedule; totals per case; for the whole
    bank, the welfare fund brought forward, its money in and out, and carried forward.

    Cancelled claims (reversed entries) are listed without an amount and left out of the totals."""
    member = book.member(member_no) if member_no is not None else None
    label = period.label if period is not None else _("All years")
    report = new_report(book, "claims", _(CLAIMS_TITLE), label, signatures=signers(book, TREASURER, CHECKER, CHAIR))
    fy = period.fiscal_year if period is not None and period.kind == "year" else None
    claims = book.welfare_claims(member_no=member_no, fy=fy)
    if period is not None and period.start is not None:
        claims = [c for c in claims if period.start <= c.date <= period.end]
    if member is not None:
        report.blocks.append(Paragraph(_("Member: {member}").format(member=member_label(member.member_no,
                                                                                         member.full_name)),
                                       bold=True))
    t = ReportTable([Column("date", _("Date"), Kind.DATE, 1.1),
                     Column("member", _("Member"), Kind.TEXT, 2.3, names=True), Column("case", _("Case"), Kind.TEXT, 1.6),
                     Column("nights", _("Nights"), Kind.INT, 0.8), Column("amount", _("Amount (baht)"), Kind.MONEY, 1.1),
                     Column("reason", _("Committee's reason for paying outside the schedule"), Kind.TEXT, 1.5),
                     Column("note", _("Note"), Kind.TEXT, 1.9)],
                    title=_("Claims paid"), key="claims")
    for c in claims:
        t.add(c.date, member_label(c.member_no, c.member_name), _case(c), c.nights,
              None if c.reversed_by else c.amount.satang, c.override_reason, c.note)
    paid = [c for c in claims if not c.reversed_by]
    total = sum(c.amount.satang for c in paid)
    if claims:
        t.add(None, _("Total ({count} claims)").format(count=len(paid)), None, None, total, None, None,
              style=Style.TOTAL)
        report.blocks.append(t)
        report.blocks.append(_by_case(paid))
    else:
        report.blocks.append(Paragraph(_("No welfare claims were paid in this period.")))
    if member is None and period is not None and period.start is not None:
        report.blocks.append(_fund_table(book, period))
    return report


def _by_case(paid: list[Claim]) -> ReportTable:
    t = ReportTable([Column("case", _("Case"), Kind.TEXT, 3.0), Column("count", _("Claims"), Kind.INT, 1.0),
                     Column("nights", _("Nights"), Kind.INT, 1.0), Column("amount", _("Amount (baht)"), Kind.MONEY, 1.4)],
                    title=_("Totals by case"), key="by_case")
    cases = [*CASES, *sorted({c.case for c in paid} - set(CASES))]
    for case in cases:
        mine = [c for c in paid if c.case == case]
        if mine:
            nights = sum(c.nights or 0 for c in mine)
            t.add(_(CASE_LABELS.get(case, case)), len(mine), nights or None, sum(c.amount.satang for c in mine))
    t.add(_("Total"), len(paid), sum(c.nights or 0 for c in paid) or None, sum(c.amount.satang for c in paid),
          style=Style.TOTAL)
    return t


def _fund_table(book: Book, period: Period) -> ReportTable:
    """The welfare fund over the period: brought forward, money in and out by kind, carried forward."""
    assert period.start is not None
    before = period.start - dt.timedelta(days=1)
    opening = book.welfare_fund_balance(before).satang
    closing = book.welfare_fund_balance(period.as_of).satang
    moves: dict[str, int] = defaultdict(int)
    entries = book.entries(start=period.start, end=period.as_of)
    kinds = {e.seq: e.kind for e in entries}
    for e in entries:
        amount = -sum(p.amount.satang for p in e.postings if p.account == acc.WELFARE_FUND)  # credit: money in
        if not amount:
            continue
        kind = e.kind
        if e.reverses_seq is not None:  # a correction counts as what it corrects
            kind = kinds.get(e.reverses_seq) or book.entry(e.reverses_seq).kind
        if kind == _FUND_CLAIMS:
            moves["claims"] += amount
        elif kind == _FUND_BANK_PAYS:
            moves["bank_pays"] += amount
        elif kind in _FUND_CLOSE:
            moves["close"] += amount
        else:
            moves["in" if amount > 0 else "out"] += amount
    t = ReportTable([Column("item", _("Item"), Kind.TEXT, 4.0), Column("amount", _("Amount (baht)"), Kind.MONEY, 1.5)],
                    title=_("Welfare fund"), key="fund")
    t.add(_("Balance brought forward ({date})").format(date=format_date(before)), opening, style=Style.SUBTOTAL)
    labels = {"close": _("From the year-end allocation (medical welfare pool)"),
              "in": _("Other money received (grants, donations)"),
              "claims": _("Claims paid"),
              "bank_pays": _("Partner fund dues paid for members"),
              "out": _("Other payments from the fund")}
    for key, text in labels.items():
        if moves.get(key):
            t.add(text, moves[key])
    t.add(_("Balance carried forward ({date})").format(date=format_date(period.as_of)), closing, style=Style.TOTAL)
    return t


# --- partner remittance lists -------------------------------------------------------------------------------
def remittance_lists(book: Book, as_of: dt.date, partner: str | None = None) -> list[Report]:
    """One list per partner fund (only ``partner`` when given; else every fund with members or money): each
    member with citizen ID, enrolment, money collected, paid by the bank, remitted and still to remit."""
    if partner is not None:
        st = book.partner_statement(partner, as_of)  # NotFound for an unknown fund
        return [remittance_list(book, st)]
    out = []
    for p in book.rules.partners:
        st = book.partner_statement(p.key, as_of)
        if st.rows:
            out.append(remittance_list(book, st))
    return out


def _enrolled_text(r: PartnerMemberRow) -> str:
    if r.since is None:
        return ""
    if r.until is not None:
        return f"{format_date(r.since)} – {format_date(r.until)}"
    return format_date(r.since)


def next_remit_date(p: Partner, as_of: dt.date) -> dt.date:
    """The partner's next remittance deadline on or after ``as_of``."""
    def on(year: int) -> dt.date:
        return dt.date(year, p.remit_month, min(p.remit_day, calendar.monthrange(year, p.remit_month)[1]))

    day = on(as_of.year)
    return day if day >= as_of else on(as_of.year + 1)


def remittance_list(book: Book, st: PartnerStatement) -> Report:
    report = new_report(book, "remittance", _(REMITTANCE_TITLE) + ": " + st.name, as_of_label(st.as_of),
                        landscape=True, signatures=signers(book, TREASURER, RECEIVED_BY))
    report.sheet = st.name
    t = ReportTable([Column("no", _("No."), Kind.CODE, 0.55), Column("name", _("Name"), Kind.TEXT, 2.3, names=True),
                     Column("citizen_id", _("Citizen ID"), Kind.TEXT, 1.55, wrap=False),
                     Column("enrolled", _("Enrolled"), Kind.TEXT, 1.95),
                     Column("collected", _("Collected from the member"), Kind.MONEY, 1.2),
                     Column("bank", _("Paid by the bank"), Kind.MONEY, 1.2),
                     Column("remitted", _("Already remitted"), Kind.MONEY, 1.2),
                     Column("owed", _("To remit"), Kind.MONEY, 1.2)],
                    key="remittance")
    for r in st.rows:
        t.add(r.member_no, r.name, citizen_id_text(r.citizen_id), _enrolled_text(r), r.collected.satang,
              r.paid_by_bank.satang or None, r.remitted.satang or None, r.owed.satang)
    if not st.rows:
        report.blocks.append(Paragraph(_("No member is enrolled in this fund and nothing was collected for it.")))
        return report
    t.add(None, _("Total ({count} members)").format(count=len(st.rows)), None, None, st.collected.satang,
          st.paid_by_bank.satang, st.remitted.satang, st.owed.satang, style=Style.TOTAL)
    report.blocks.append(t)
    p = book.rules.partner(st.partner)
    due = len(st.remittance_list())
    if st.owed.satang > 0 and p is not None:
        report.blocks.append(Paragraph(_("To remit to {partner}: {amount} baht for {count} member(s), by {date}.")
                                       .format(partner=st.name, amount=format_amount(st.owed.satang), count=due,
                                               date=format_date(next_remit_date(p, st.as_of), "long")), bold=True))
    elif st.owed.satang <= 0:
        report.blocks.append(Paragraph(_("Everything collected has been remitted.")))
    return report


# --- statement sections -------------------------------------------------------------------------------------
def _partner_rows(ctx: statement.StatementContext) -> list[tuple[Partner, dict[int, tuple[PartnerMemberRow, ...]]]]:
    """Per partner fund, each member's rows at the month's end, before the month and before the fiscal year."""
    cached = ctx.cache.get("partners")
    if cached is None:
        book = ctx.book
        day_before = ctx.start - dt.timedelta(days=1)
        year_before = ctx.period.year_start - dt.timedelta(days=1)
        cached = []
        for p in book.rules.partners:
            now = book.partner_statement(p.key, ctx.as_of)
            if not now.rows:
                continue
            rows: dict[int, list] = defaultdict(lambda: [None, None, None])
            for i, st in enumerate((now, book.partner_statement(p.key, day_before),
                                    book.partner_statement(p.key, year_before))):
                for r in st.rows:
                    rows[r.member_no][i] = r
            cached.append((p, {no: tuple(v) for no, v in rows.items()}))
        ctx.cache["partners"] = cached
    return cached


def _money(r: PartnerMemberRow | None, attr: str) -> int:
    return getattr(r, attr).satang if r is not None else 0


def partners_section(ctx: statement.StatementContext, m: Member) -> list[Block]:
    """The partner funds the member is enrolled in (or paid into this fiscal year): paid this month and this year,
    paid for the member by the bank this year, and collected but not yet forwarded to the fund."""
    # No title: the first column's says what the table is (a statement must fit on A5 too).
    t = ReportTable([Column("partner", _("Partner funds (collected for you and forwarded)"), Kind.TEXT, 2.6),
                     Column("month", _("Paid this month"), Kind.MONEY),
                     Column("ytd", _("Paid this year"), Kind.MONEY),
                     Column("bank", _("Paid for you by the bank"), Kind.MONEY),
                     Column("owed", _("Not yet forwarded"), Kind.MONEY)],
                    key="partners")
    for p, by_member in _partner_rows(ctx):
        now, month, year = by_member.get(m.member_no, (None, None, None))
        if now is None:
            continue
        paid_month = _money(now, "collected") - _money(month, "collected")
        paid_year = _money(now, "collected") - _money(year, "collected")
        bank = _money(now, "paid_by_bank") - _money(year, "paid_by_bank")
        remitted = _money(now, "remitted") - _money(year, "remitted")
        if not (now.enrolled or paid_year or bank or remitted or now.owed.satang):
            continue
        t.add(p.name, paid_month, paid_year, bank or None, now.owed.satang or None)
    return [t] if t.rows else []


def _claims_by_member(ctx: statement.StatementContext) -> dict[int, list[Claim]]:
    cached = ctx.cache.get("claims")
    if cached is None:
        cached = defaultdict(list)
        for c in ctx.book.welfare_claims(fy=ctx.period.fiscal_year):
            if ctx.period.year_start <= c.date <= ctx.period.end:
                cached[c.member_no].append(c)
        ctx.cache["claims"] = cached
    return cached


def welfare_section(ctx: statement.StatementContext, m: Member) -> list[Block]:
    """Welfare benefits paid to the member this fiscal year (none: nothing printed), with this month's and the
    year's totals when there is more than one."""
    claims = _claims_by_member(ctx).get(m.member_no, [])
    if not claims:
        return []
    t = ReportTable([Column("date", _("Date"), Kind.DATE, 1.0),
                     Column("case", _("Welfare benefits paid to you"), Kind.TEXT, 2.6),
                     Column("nights", _("Nights"), Kind.INT, 0.8), Column("amount", _("Amount (baht)"), Kind.MONEY, 1.2)],
                    key="welfare")
    for c in claims:
        t.add(c.date, _case(c), c.nights, None if c.reversed_by else c.amount.satang)
    paid = [c for c in claims if not c.reversed_by]
    this_month = [c for c in paid if c.date >= ctx.start]
    if this_month and len(this_month) < len(paid):
        t.add(None, _("This month"), None, sum(c.amount.satang for c in this_month), style=Style.SUBTOTAL)
    if len(claims) > 1:
        t.add(None, _("This fiscal year"), None, sum(c.amount.satang for c in paid), style=Style.TOTAL)
    return [t]


statement.add_section("partners", partners_section, after="savings")
statement.add_section("welfare", welfare_section, after="guarantees")
