"""Seven-risk coverage (domain.md §7): the group table in the layout of the book's tables 2.3 and 3.3 — the seven
risks down the side, the state, community and financial-institution schemes across, members covered in each
cell — and one member's seven risks with the schemes that cover each and what is missing or duplicated.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from villagebank.i18n import N_, _
from villagebank.ledger.coverage import FLAG_LABELS, GROUP_LABELS, GROUPS, RISK_LABELS, SCHEMES
from villagebank.reports.common import CHECKER, TREASURER, as_of_label, member_label, new_report, signers
from villagebank.reports.table import Column, KeyValues, Kind, Paragraph, Report, ReportTable
from villagebank.thai import format_date

if TYPE_CHECKING:
    from villagebank.ledger import Book
    from villagebank.ledger.coverage import Cover

COVERAGE_TITLE = N_("Seven-risk welfare coverage")
MEMBER_COVERAGE_TITLE = N_("Seven-risk welfare coverage of a member")


def group_coverage(book: Book, as_of: dt.date) -> Report:
    """Members covered against each risk by each group of schemes, the members not covered and those covered
    twice; members in each scheme; members with each flag."""
    table = book.coverage_table(as_of)
    report = new_report(book, "coverage", _(COVERAGE_TITLE), as_of_label(as_of),
                        signatures=signers(book, TREASURER, CHECKER))
    report.blocks.append(Paragraph(_("{count} active members. Each cell counts the members covered against the "
                                     "risk by at least one scheme of the group.").format(count=table.members)))
    t = ReportTable([Column("risk", _("Risk"), Kind.TEXT, 1.7),
                     *(Column(g, _(GROUP_LABELS[g]), Kind.INT, 1.1) for g in GROUPS),
                     Column("covered", _("Covered"), Kind.INT, 1.0),
                     Column("missing", _("Not covered"), Kind.INT, 1.0),
                     Column("duplicated", _("Covered twice in a group"), Kind.INT, 1.1)],
                    title=_("Members covered against the seven risks"), key="risks")
    for row in table.rows:
        t.add(_(RISK_LABELS[row.risk]), *(row.group(g) for g in GROUPS), row.covered, row.missing, row.duplicated)
    report.blocks.append(t)
    members: dict[str, int] = {}
    for row in table.rows:
        for key, n in row.by_scheme:
            members[key] = max(members.get(key, 0), n)
    s = ReportTable([Column("scheme", _("Scheme"), Kind.TEXT, 2.6), Column("group", _("Group"), Kind.TEXT, 1.4),
                     Column("risks", _("Risks it covers"), Kind.TEXT, 2.8),
                     Column("members", _("Members"), Kind.INT, 0.9)],
                    title=_("Members in each scheme"), key="schemes")
    for key, scheme in SCHEMES.items():
        if members.get(key):
            risks = [row.risk for row in table.rows if dict(row.by_scheme).get(key)]
            s.add(_(scheme.name), _(GROUP_LABELS[scheme.group]), ", ".join(_(RISK_LABELS[r]) for r in risks),
                  members[key])
    if s.rows:
        report.blocks.append(s)
    if table.flags:
        f = ReportTable([Column("flag", _("To look at"), Kind.TEXT, 5.0), Column("members", _("Members"), Kind.INT, 1.0)],
                        title=_("Members to look at"), key="flags")
        for code, n in table.flags:
            f.add(_(FLAG_LABELS.get(code, code)), n)
        report.blocks.append(f)
    return report


def _covers_text(covers: tuple[Cover, ...]) -> str:
    parts = []
    for c in covers:
        name = _(c.name)
        parts.append(_("{scheme} (since {date})").format(scheme=name, date=format_date(c.since)) if c.since else name)
    return "\n".join(parts)


def member_coverage(book: Book, member_no: int, as_of: dt.date) -> Report:
    """One member's seven risks: covered or not, by which state, community and financial schemes (since when),
    and the flags: risks not covered, covered twice, allowances to claim, the welfare fund's waiting period."""
    cov = book.coverage(member_no, as_of)
    member = book.member(member_no)
    report = new_report(book, "coverage", _(MEMBER_COVERAGE_TITLE), as_of_label(as_of),
                        signatures=signers(book, TREASURER))
    report.sheet = member_label(member_no, member.full_name)
    report.number = member_no
    kv = KeyValues()
    kv.add(_("Member number"), member_no, Kind.CODE)
    kv.add(_("Name"), member.full_name)
    kv.add(_("Age"), _("{age} years").format(age=cov.age) if cov.age is not None else "-")
    kv.add(_("Member since"), member.join_date, Kind.DATE)
    report.blocks.append(kv)
    t = ReportTable([Column("risk", _("Risk"), Kind.TEXT, 1.5), Column("covered", _("Covered"), Kind.CHECK, 1.2),
                     *(Column(g, _(GROUP_LABELS[g]), Kind.TEXT, 2.25) for g in GROUPS)],
                    title=_("The seven risks"), key="risks")
    for rc in cov.risks:
        t.add(_(RISK_LABELS[rc.risk]), rc.covered, *(_covers_text(rc.by_group(g)) for g in GROUPS))
    report.blocks.append(t)
    if cov.flags:
        report.blocks.append(Paragraph(_("To look at:"), bold=True))
        for flag in cov.flags:
            report.blocks.append(Paragraph("• " + flag.message()))
    else:
        report.blocks.append(Paragraph(_("Nothing to look at: every risk is covered once.")))
    return report
