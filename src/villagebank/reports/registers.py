"""The member register (ทะเบียนสมาชิก) and the share register (ทะเบียนหุ้น: the 12-month grid)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagebank.i18n import N_, _
from villagebank.ledger.periods import fiscal_months
from villagebank.reports.common import (
    CHECKER,
    TREASURER,
    Period,
    as_of_label,
    citizen_id_text,
    new_report,
    phone_text,
    signers,
    status_label,
    year_period,
)
from villagebank.reports.table import Column, Kind, Paragraph, Report, ReportTable, Style
from villagebank.thai import format_date, format_year, month_name

if TYPE_CHECKING:
    from villagebank.ledger import Book

MEMBERS_TITLE = N_("Member register")
SHARES_TITLE = N_("Share register")


def member_register(book: Book, period: Period) -> Report:
    """Every member who had joined by the period's end, in member-number order, with their status then."""
    day = period.as_of
    report = new_report(book, "members", _(MEMBERS_TITLE), as_of_label(day), landscape=True,
                        signatures=signers(book, TREASURER, CHECKER))
    t = ReportTable([Column("no", _("No."), Kind.CODE, 0.5), Column("name", _("Name"), Kind.TEXT, 2.2, names=True),
                     Column("citizen_id", _("Citizen ID"), Kind.TEXT, 1.45, wrap=False),
                     Column("address", _("Address"), Kind.TEXT, 3.3),
                     Column("phone", _("Phone"), Kind.TEXT, 1.15, wrap=False),
                     Column("occupation", _("Occupation"), Kind.TEXT, 1.05),
                     Column("joined", _("Member since"), Kind.DATE, 0.95),
                     Column("status", _("Status"), Kind.TEXT, 1.1)], key="members")
    counts: dict[str, int] = {}
    for m in book.members():
        if m.join_date > day:
            continue
        status = m.status if not (m.exit_date and m.exit_date > day) else "active"
        counts[status] = counts.get(status, 0) + 1
        label = status_label(status)
        if status != "active" and m.exit_date and m.exit_date <= day:
            label = _("{status} ({date})").format(status=label, date=format_date(m.exit_date))
        t.add(m.member_no, m.full_name, citizen_id_text(m.citizen_id), m.address, phone_text(m.phone), m.occupation, m.join_date,
              label)
    report.blocks.append(t)
    active = counts.get("active", 0) + counts.get("suspended", 0)
    report.blocks.append(Paragraph(_("Members: {active} active ({suspended} with loans suspended); {left} former "
                                     "members.").format(active=active, suspended=counts.get("suspended", 0),
                                                        left=sum(counts.values()) - active)))
    return report


def share_register(book: Book, fy: int) -> Report:
    """The 12-month grid of shares bought in fiscal year ``fy``, with totals per member and per month."""
    start_month = book.rules.fiscal_year_start_month
    period = year_period(book, fy)
    report = new_report(book, "shares", _(SHARES_TITLE), period.label, landscape=True,
                        signatures=signers(book, TREASURER, CHECKER))
    months = fiscal_months(fy, start_month)
    cols = [Column("no", _("No."), Kind.CODE, 0.62), Column("name", _("Name"), Kind.TEXT, 2.75, names=True),
            Column("bf", _("Brought forward"), Kind.MONEY, 1.0, whole_baht=True)]
    for y, m in months:
        label = month_name(m, abbr=True)
        if start_month != 1:
            label = f"{label} {format_year(y)[-2:]}"
        cols.append(Column(f"m{y}{m:02d}", label, Kind.MONEY, 0.78, whole_baht=True))
    cols += [Column("total", _("Saved in the year"), Kind.MONEY, 1.0, whole_baht=True),
             Column("withdrawn", _("Withdrawn"), Kind.MONEY, 0.85, whole_baht=True),
             Column("balance", _("Balance"), Kind.MONEY, 1.05, whole_baht=True)]
    t = ReportTable(cols, key="shares")
    totals = [0] * (len(months) + 4)
    for g in book.share_grid(fy):
        values = [g.brought_forward.satang, *(x.satang for x in g.months), sum(x.satang for x in g.months),
                  g.withdrawn.satang, g.balance.satang]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        # a blank month is a month without saving: easier to see than a column of zeros
        t.add(g.member_no, g.name, values[0], *(v or None for v in values[1:-1]), values[-1])
    t.add(None, _("Total"), *totals, style=Style.TOTAL)
    report.blocks.append(t)
    report.blocks.append(Paragraph(_("Amounts in baht. A blank month: no shares bought that month."), small=True))
    return report
