"""The loan book (บัญชีเงินกู้) with guarantors and the monthly principal/interest columns, overdue loans with
the guarantors to contact, and guarantor exposure."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from villagebank.i18n import N_, _
from villagebank.ledger.periods import fiscal_months
from villagebank.reports.common import (
    CHAIR,
    CHECKER,
    TREASURER,
    Period,
    new_report,
    phone_text,
    signers,
    year_period,
)
from villagebank.reports.table import (
    Column,
    KeyValues,
    Kind,
    PageBreak,
    Paragraph,
    Report,
    ReportTable,
    Signature,
    Style,
)
from villagebank.thai import format_amount, format_date, format_year, month_name

if TYPE_CHECKING:
    from villagebank.ledger import Book
    from villagebank.ledger.dto import Member
    from villagebank.ledger.loans import LoanState

LOANS_TITLE = N_("Loan book")
OVERDUE_TITLE = N_("Overdue loans")
GUARANTORS_TITLE = N_("Guarantor exposure")


def _people(book: Book) -> dict[int, Member]:
    return {m.member_no: m for m in book.members()}


def _who(people: dict[int, Member], no: int) -> str:
    m = people.get(no)
    return f"{no} {m.full_name}" if m else str(no)


def _with_phone(people: dict[int, Member], no: int) -> str:
    m = people.get(no)
    if m is None:
        return str(no)
    if m.phone:
        return _("{member}\nphone {phone}").format(member=_who(people, no), phone=phone_text(m.phone))
    return _who(people, no)


def paid_out_by(st: LoanState, day: dt.date) -> bool:
    """Whether the loan had been paid out by ``day`` (a state computed for a day before the payout still says
    "disbursed" when the loan was paid out later)."""
    return st.status in ("disbursed", "closed") and st.disbursed_date is not None and st.disbursed_date <= day


def loan_book(book: Book, fy: int) -> Report:
    """Every loan that was open at some time in fiscal year ``fy``: the register with guarantors, then each
    loan's repayments month by month (principal and interest)."""
    period = year_period(book, fy)
    start, as_of = period.year_start, period.as_of
    people = _people(book)
    report = new_report(book, "loans", _(LOANS_TITLE), period.label, landscape=True,
                        signatures=signers(book, TREASURER, CHECKER, CHAIR))
    states = []
    for st in book.loans(as_of):
        if st.disbursed_date is None or st.disbursed_date > as_of:
            continue
        before = sum(p.principal for p in st.payments if p.date < start)
        if st.disbursed_date >= start or st.principal.satang - before > 0:
            states.append(st)
    register = ReportTable([
        Column("loan", _("Loan no."), Kind.CODE, 0.6),
        Column("borrower", _("Borrower"), Kind.TEXT, 2.1, names=True),
        Column("date", _("Date"), Kind.DATE, 0.95), Column("amount", _("Amount"), Kind.MONEY, 1.0),
        Column("term", _("Installments"), Kind.INT, 0.6), Column("purpose", _("Purpose"), Kind.TEXT, 1.25),
        Column("g1", _("Guarantor 1"), Kind.TEXT, 2.0, names=True),
        Column("g2", _("Guarantor 2"), Kind.TEXT, 2.0, names=True),
        Column("principal", _("Principal repaid in the year"), Kind.MONEY, 1.0),
        Column("interest", _("Interest paid in the year"), Kind.MONEY, 0.95),
        Column("balance", _("Balance"), Kind.MONEY, 1.0)], title=_("Loans and their guarantors"), key="loans")
    months = fiscal_months(fy, book.rules.fiscal_year_start_month)
    index = {ym: i for i, ym in enumerate(months)}
    grid_cols = [Column("loan", _("Loan no."), Kind.CODE, 0.6), Column("item", _("Item"), Kind.TEXT, 1.0)]
    for y, m in months:
        label = month_name(m, abbr=True)
        if months[0][0] != months[-1][0]:
            label = f"{label} {format_year(y)[-2:]}"
        grid_cols.append(Column(f"m{y}{m:02d}", label, Kind.MONEY, 1.0))
    grid_cols.append(Column("total", _("Total"), Kind.MONEY, 1.15))
    grid = ReportTable(grid_cols, title=_("Repayments month by month"), key="repayments")
    totals = [0, 0, 0, 0]
    month_totals = [[0] * 12, [0] * 12]
    for st in states:
        g = [_who(people, no) for no in st.guarantors] + ["", ""]
        principal = [0] * 12
        interest = [0] * 12
        for p in st.payments:
            i = index.get((p.date.year, p.date.month))
            if i is not None and p.date >= start:
                principal[i] += p.principal
                interest[i] += p.interest
        row = [st.principal.satang, sum(principal), sum(interest), st.balance.satang]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        register.add(st.loan_no, _who(people, st.member_no), st.disbursed_date, st.principal, st.term_months,
                     st.purpose, g[0], g[1], sum(principal), sum(interest), st.balance)
        head = _("Loan {loan}: {borrower}, {amount} baht on {date}, {term} installments; guarantors: {guarantors}") \
            .format(loan=st.loan_no, borrower=_who(people, st.member_no), amount=format_amount(st.principal.satang),
                    date=format_date(st.disbursed_date) if st.disbursed_date else "-", term=st.term_months,
                    guarantors=", ".join(x for x in g if x) or "-")
        grid.add(head, *([None] * (len(grid_cols) - 1)), style=Style.HEAD)
        grid.add(st.loan_no, _("Principal"), *(v or None for v in principal), sum(principal), keep_with_next=True)
        grid.add(st.loan_no, _("Interest"), *(v or None for v in interest), sum(interest))
        month_totals = [[a + b for a, b in zip(month_totals[0], principal, strict=True)],
                        [a + b for a, b in zip(month_totals[1], interest, strict=True)]]
    register.add(None, _("Total"), None, totals[0], None, None, None, None, totals[1], totals[2], totals[3],
                 style=Style.TOTAL)
    grid.add(None, _("Total principal"), *month_totals[0], sum(month_totals[0]), style=Style.SUBTOTAL)
    grid.add(None, _("Total interest"), *month_totals[1], sum(month_totals[1]), style=Style.TOTAL)
    report.blocks += [register, PageBreak(), grid]
    return report


def overdue_loans(book: Book, period: Period) -> Report:
    """Loans with installments or interest unpaid after their due date, with the guarantors to contact."""
    day = period.as_of
    people = _people(book)
    report = new_report(book, "overdue", _(OVERDUE_TITLE), _("As of {date}").format(date=format_date(day, "long")),
                        landscape=True, signatures=signers(book, TREASURER, CHAIR))
    t = ReportTable([
        Column("loan", _("Loan no."), Kind.CODE, 0.55), Column("borrower", _("Borrower"), Kind.TEXT, 2.1, names=True),
        Column("balance", _("Principal outstanding"), Kind.MONEY, 1.05),
        Column("principal", _("Overdue principal"), Kind.MONEY, 1.0),
        Column("interest", _("Overdue interest"), Kind.MONEY, 0.95),
        Column("total", _("Total overdue"), Kind.MONEY, 1.05),
        Column("count", _("Installments overdue"), Kind.INT, 0.8),
        Column("since", _("Overdue since"), Kind.DATE, 0.95),
        Column("months", _("Months"), Kind.INT, 0.6),
        Column("guarantors", _("Guarantors to contact"), Kind.TEXT, 2.6, names=True)], key="overdue")
    totals = [0, 0, 0, 0]
    found = book.overdue_loans(day)
    for st in found:
        guarantors = "\n".join(_with_phone(people, no) for no in st.guarantors) or "-"
        row = [st.balance.satang, st.overdue_principal.satang, st.overdue_interest.satang, st.overdue.satang]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        t.add(st.loan_no, _with_phone(people, st.member_no), *row, st.overdue_installments, st.oldest_overdue,
              st.months_overdue(day), guarantors)
    if found:
        t.add(None, _("Total ({count} loans)").format(count=len(found)), *totals, None, None, None, None,
              style=Style.TOTAL)
        report.blocks.append(t)
    else:
        report.blocks.append(Paragraph(_("No loan is overdue.")))
    return report


def guarantor_exposure(book: Book, period: Period) -> Report:
    """For each member who guarantees open loans: the loans, what is still owed and what is overdue."""
    day = period.as_of
    people = _people(book)
    limit = book.rules.max_guaranteed_loans
    report = new_report(book, "guarantors", _(GUARANTORS_TITLE),
                        _("As of {date}").format(date=format_date(day, "long")),
                        signatures=signers(book, TREASURER, CHECKER))
    t = ReportTable([
        Column("loan", _("Loan no."), Kind.CODE, 0.6), Column("borrower", _("Borrower"), Kind.TEXT, 2.4, names=True),
        Column("status", _("Status"), Kind.TEXT, 1.0),
        Column("balance", _("Principal outstanding"), Kind.MONEY, 1.1),
        Column("overdue", _("Overdue"), Kind.MONEY, 1.0)], key="guarantors")
    exposure = {no: kept for no, loans in book.guarantor_exposure(day).items()
                if (kept := [st for st in loans if st.applied_date <= day])}
    grand = [0, 0]
    at_limit = 0
    for no in sorted(exposure):
        loans: list[LoanState] = exposure[no]
        m = people.get(no)
        head = _("Guarantor {member}: {count} of at most {limit} loans").format(
            member=_who(people, no), count=len(loans), limit=limit)
        if m is not None and m.phone:
            head = _("{text}; phone {phone}").format(text=head, phone=phone_text(m.phone))
        t.add(head, None, None, None, None, style=Style.HEAD)
        sub = [0, 0]
        for st in loans:
            paid_out = paid_out_by(st, day)
            owed = st.balance if paid_out else st.principal
            status = _("being repaid") if paid_out else _("approved, not yet paid out")
            if st.overdue.satang:
                status = _("overdue")
            t.add(st.loan_no, _who(people, st.member_no), status, owed, st.overdue if st.overdue.satang else None)
            sub = [sub[0] + owed.satang, sub[1] + st.overdue.satang]
        t.add(None, _("Total"), None, sub[0], sub[1] or None, style=Style.SUBTOTAL)
        grand = [grand[0] + sub[0], grand[1] + sub[1]]
        at_limit += len(loans) >= limit
    if exposure:
        t.add(None, _("All guarantors ({count})").format(count=len(exposure)), None, grand[0], grand[1] or None,
              style=Style.TOTAL)
        report.blocks.append(t)
        if at_limit:
            report.blocks.append(Paragraph(_("{count} member(s) guarantee as many loans as the rules allow "
                                             "({limit}) and cannot guarantee another.").format(count=at_limit,
                                                                                              limit=limit)))
    else:
        report.blocks.append(Paragraph(_("No member guarantees an open loan.")))
    return report



# --- one loan's repayment schedule ------------------------------------------------------------------------------
SCHEDULE_TITLE = N_("Loan repayment schedule")
BORROWER = N_("Borrower")
GUARANTOR = N_("Guarantor")
METHOD_LABELS = {"declining": N_("on what is still owed (declining balance)"),
                 "flat": N_("on the amount borrowed (flat)")}


def loan_schedule(book: Book, loan_no: int) -> Report:
    """A loan's installments as the borrower and guarantors sign for them: the terms, each installment's due
    date, principal, interest and the balance after it, what has been paid so far."""
    st = book.loan(loan_no)
    people = _people(book)
    installments = book.loan_schedule(loan_no)
    report = new_report(book, "schedule", _(SCHEDULE_TITLE), _("Loan {no}").format(no=loan_no),
                        signatures=[Signature(_(BORROWER), _name(people, st.member_no)),
                                    *[Signature(_(GUARANTOR), _name(people, g)) for g in st.guarantors],
                                    *signers(book, TREASURER, CHAIR)])
    kv = KeyValues()
    kv.add(_("Borrower"), _who(people, st.member_no))
    kv.add(_("Amount borrowed"), st.principal.satang, Kind.MONEY)
    for n, g in enumerate(st.guarantors, start=1):  # one per line: a name is never broken across two
        kv.add(_("Guarantor {n}").format(n=n), _who(people, g))
    kv.add(_("Interest"), _("{rate}% a month, {method}").format(rate=_rate(st.rate_pct),
                                                                 method=_(METHOD_LABELS.get(st.method, st.method))))
    kv.add(_("Term"), _("{months} months").format(months=st.term_months))
    kv.add(_("Paid out on"), format_date(st.disbursed_date) if st.disbursed_date else _("not paid out yet"))
    if st.purpose:
        kv.add(_("Purpose"), st.purpose)
    if st.disbursed_date:
        kv.add(_("Still owed today"), st.balance.satang, Kind.MONEY)
    report.blocks.append(kv)
    t = ReportTable([Column("n", _("Installment"), Kind.INT, 0.8), Column("due", _("Due on"), Kind.DATE, 1.2),
                     Column("principal", _("Principal"), Kind.MONEY), Column("interest", _("Interest"), Kind.MONEY),
                     Column("total", _("To pay"), Kind.MONEY), Column("balance", _("Owed after it"), Kind.MONEY)],
                    key="schedule")
    for i in installments:
        t.add(i.number, i.due_date, i.principal.satang, i.interest.satang, i.total.satang, i.balance_after.satang)
    t.add(None, _("Total"), sum(i.principal.satang for i in installments),
          sum(i.interest.satang for i in installments), sum(i.total.satang for i in installments), None,
          style=Style.TOTAL)
    report.blocks.append(t)
    report.blocks.append(Paragraph(_("The interest is what falls due when every installment is paid on its meeting "
                                     "day; paying more or earlier lowers it, paying late adds to it. Payments go "
                                     "to the interest due first, then to the principal."), small=True))
    return report


def _name(people: dict[int, Member], no: int) -> str:
    m = people.get(no)
    return m.full_name if m else ""


def _rate(pct) -> str:
    return format(pct.normalize(), "f")
