"""Partner funds and seven-risk coverage from the command line: partner enrol | leave | list | remit |
bank-pays | due; scheme add | end | list; coverage."""

from __future__ import annotations

import argparse

from villagebank.cli.base import EXIT_OK, arg_date, arg_money, command, kv, open_existing, out, print_table
from villagebank.i18n import N_, _
from villagebank.thai import format_amount, format_date


def _m(money) -> str:
    return format_amount(money.satang)


def _d(date) -> str:
    return format_date(date) if date else "-"


# --- partner ------------------------------------------------------------------------------------------
@command("partner")
def _add_partner(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("partner", help=_("partner funds the bank collects for and forwards (NSF, community "
                                         "welfare fund, ...)"))
    ps = p.add_subparsers(dest="partner_command", metavar="ACTION", required=True)
    for name, helptext, handler in (("enrol", _("enrol a member in a partner fund"), cmd_enrol),
                                    ("leave", _("a member leaves a partner fund"), cmd_leave)):
        q = ps.add_parser(name, help=helptext)
        q.add_argument("member_no", type=int)
        q.add_argument("partner", help=_("partner key, e.g. nsf or community_welfare"))
        q.add_argument("--date", type=arg_date, help=_("from this date (default: today)"))
        if name == "enrol":
            q.add_argument("--note", default="")
        q.set_defaults(handler=handler)
    li = ps.add_parser("list", help=_("a partner's members: collected, paid by the bank, remitted, owed"))
    li.add_argument("partner")
    li.add_argument("--as-of", type=arg_date)
    li.add_argument("--owed", action="store_true", help=_("only members whose money is still to be remitted"))
    li.set_defaults(handler=cmd_list)
    r = ps.add_parser("remit", help=_("forward the money collected for a partner"))
    r.add_argument("partner")
    r.add_argument("--date", type=arg_date)
    r.add_argument("--account", default="cash", help=_("cash (default) or a bank account code"))
    r.add_argument("--member", type=int, action="append", help=_("only this member (repeat for more)"))
    r.add_argument("--note", default="")
    r.set_defaults(handler=cmd_remit)
    b = ps.add_parser("bank-pays", help=_("the bank pays members' dues from its welfare fund"))
    b.add_argument("partner")
    b.add_argument("--member", type=int, action="append",
                   help=_("only this member (repeat for more; default: every enrolled member)"))
    b.add_argument("--amount", type=arg_money, help=_("per member (default: the bank's part under its rules)"))
    b.add_argument("--date", type=arg_date)
    b.add_argument("--note", default="")
    b.set_defaults(handler=cmd_bank_pays)
    due = ps.add_parser("due", help=_("remittances due soon or overdue"))
    due.add_argument("--as-of", type=arg_date)
    due.add_argument("--days", type=int, default=30, help=_("how many days ahead (default 30)"))
    due.set_defaults(handler=cmd_due)


def cmd_enrol(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        e = book.enrol_partner(args.member_no, args.partner, args.date, note=args.note)
        name = book.rules.partner(args.partner).name
    out(_("Member {no} is enrolled in “{partner}” from {date}").format(no=e.member_no, partner=name,
                                                                      date=format_date(e.since)))
    return EXIT_OK


def cmd_leave(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        e = book.end_partner_enrolment(args.member_no, args.partner, args.date)
        name = book.rules.partner(args.partner).name
    out(_("Member {no} is no longer enrolled in “{partner}” from {date}").format(
        no=e.member_no, partner=name, date=_d(e.until)))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_existing(args, readonly=True) as book:
        st = book.partner_statement(args.partner, args.as_of)
    rows = st.remittance_list() if args.owed else st.rows
    out(kv(N_("Partner fund"), st.name, N_("As of"), format_date(st.as_of)))
    print_table([_("No."), _("Name"), _("Citizen ID"), _("Enrolled"), _("Collected"), _("Paid by bank"),
                 _("Remitted"), _("Owed")],
                [[r.member_no, r.name, r.citizen_id or "-",
                  (_("since {date}").format(date=_d(r.since)) if r.enrolled
                   else _("until {date}").format(date=_d(r.until))),
                  _m(r.collected), _m(r.paid_by_bank), _m(r.remitted), _m(r.owed)] for r in rows],
                right={0, 4, 5, 6, 7})
    out(_("{enrolled} enrolled; collected {collected}; paid by the bank {bank}; remitted {remitted}; owed to the "
          "partner {owed}").format(enrolled=st.enrolled, collected=_m(st.collected), bank=_m(st.paid_by_bank),
                                   remitted=_m(st.remitted), owed=_m(st.owed)))
    return EXIT_OK


def cmd_remit(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seq = book.remit_partner(args.partner, args.date, account=args.account, members=args.member,
                                 note=args.note)
        total = book.entry(seq).postings[-1].amount
    out(_("Remitted {amount} baht (entry {seq})").format(amount=_m(-total), seq=seq))
    return EXIT_OK


def cmd_bank_pays(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seq = book.partner_paid_by_bank(args.partner, args.member, args.amount, args.date, note=args.note)
        entry = book.entry(seq)
    paid = [p for p in entry.postings if p.amount.satang > 0]
    out(_("The welfare fund paid {amount} baht of dues for {count} member(s) (entry {seq})").format(
        amount=format_amount(sum(p.amount.satang for p in paid)), count=len(paid), seq=seq))
    return EXIT_OK


def cmd_due(args: argparse.Namespace) -> int:
    with open_existing(args, readonly=True) as book:
        rows = book.partner_deadlines(args.as_of, within_days=args.days)
    print_table([_("Partner fund"), _("Remit by"), _("Days left"), _("Owed")],
                [[r.name, format_date(r.deadline), _("overdue") if r.overdue else r.days_left, _m(r.owed)]
                 for r in rows], right={2, 3})
    return EXIT_OK


# --- scheme ---------------------------------------------------------------------------------------------
@command("scheme")
def _add_scheme(sub: argparse._SubParsersAction) -> None:
    from villagebank.ledger.coverage import SCHEMES

    keys = ", ".join(k for k, v in SCHEMES.items() if v.recordable)
    p = sub.add_parser("scheme", help=_("members' state and other welfare schemes (old-age allowance, section "
                                        "40, ...)"))
    ss = p.add_subparsers(dest="scheme_command", metavar="ACTION", required=True)
    a = ss.add_parser("add", help=_("record that a member is in a scheme"))
    e = ss.add_parser("end", help=_("record that a member left a scheme"))
    for q in (a, e):
        q.add_argument("member_no", type=int)
        q.add_argument("scheme", help=keys)
    a.add_argument("--since", type=arg_date, help=_("from this date (default: today)"))
    a.add_argument("--note", default="")
    a.set_defaults(handler=cmd_scheme_add)
    e.add_argument("--date", type=arg_date, help=_("from this date (default: today)"))
    e.set_defaults(handler=cmd_scheme_end)
    li = ss.add_parser("list", help=_("the schemes recorded"))
    li.add_argument("--member", type=int)
    li.set_defaults(handler=cmd_scheme_list)


def cmd_scheme_add(args: argparse.Namespace) -> int:
    from villagebank.ledger.coverage import SCHEMES

    with open_existing(args) as book:
        ms = book.add_member_scheme(args.member_no, args.scheme, args.since, note=args.note)
    out(_("Member {no} is recorded in “{scheme}” from {date}").format(
        no=ms.member_no, scheme=_(SCHEMES[ms.scheme].name), date=format_date(ms.since)))
    return EXIT_OK


def cmd_scheme_end(args: argparse.Namespace) -> int:
    from villagebank.ledger.coverage import SCHEMES

    with open_existing(args) as book:
        ms = book.end_member_scheme(args.member_no, args.scheme, args.date)
    out(_("Member {no} is no longer in “{scheme}” from {date}").format(
        no=ms.member_no, scheme=_(SCHEMES[ms.scheme].name), date=_d(ms.until)))
    return EXIT_OK


def cmd_scheme_list(args: argparse.Namespace) -> int:
    from villagebank.ledger.coverage import SCHEMES

    with open_existing(args, readonly=True) as book:
        rows = book.member_schemes(args.member)
    print_table([_("No."), _("Scheme"), _("Since"), _("Until"), _("Note")],
                [[ms.member_no, _(SCHEMES[ms.scheme].name) if ms.scheme in SCHEMES else ms.scheme,
                  format_date(ms.since), _d(ms.until), ms.note] for ms in rows], right={0})
    return EXIT_OK


# --- coverage -------------------------------------------------------------------------------------------
@command("coverage")
def _add_coverage(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("coverage", help=_("the seven risks: who is covered, by which schemes, what is missing"))
    p.add_argument("--member", type=int, help=_("one member (default: the table for the whole group)"))
    p.add_argument("--as-of", type=arg_date)
    p.set_defaults(handler=cmd_coverage)


def cmd_coverage(args: argparse.Namespace) -> int:
    from villagebank.ledger.coverage import FLAG_LABELS, GROUP_LABELS, GROUPS, RISK_LABELS

    with open_existing(args, readonly=True) as book:
        if args.member is not None:
            cov = book.coverage(args.member, args.as_of)
        else:
            table = book.coverage_table(args.as_of)
    if args.member is not None:
        out(_("Member {no} {name}").format(no=cov.member_no, name=cov.name) + "  "
            + kv(N_("Age"), cov.age if cov.age is not None else "-", N_("As of"), format_date(cov.as_of)))
        print_table([_("Risk"), *(_(GROUP_LABELS[g]) for g in GROUPS)],
                    [[_(RISK_LABELS[rc.risk]), *(", ".join(_(c.name) for c in rc.by_group(g)) or "-"
                                                 for g in GROUPS)] for rc in cov.risks])
        for flag in cov.flags:
            out("  - " + flag.message())
        return EXIT_OK
    print_table([_("Risk"), *(_(GROUP_LABELS[g]) for g in GROUPS), _("Covered"), _("Missing"), _("Duplicated")],
                [[_(RISK_LABELS[r.risk]), *(r.group(g) for g in GROUPS), r.covered, r.missing, r.duplicated]
                 for r in table.rows], right={1, 2, 3, 4, 5, 6})
    out(_("{count} member(s) as of {date}").format(count=table.members, date=format_date(table.as_of)))
    for code, count in table.flags:
        out("  " + kv(FLAG_LABELS.get(code, code), count))
    return EXIT_OK
