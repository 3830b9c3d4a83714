"""Year end and the welfare fund from the command line: close-year, reopen-year, payout, welfare."""

from __future__ import annotations

import argparse

from villagebank.cli.base import (
    EXIT_OK,
    UsageError,
    arg_date,
    arg_money,
    arg_year,
    command,
    open_existing,
    out,
    print_table,
)
from villagebank.i18n import _
from villagebank.thai import format_amount, format_date, format_year


def print_allocation(a) -> None:
    from villagebank.ledger.yearend import POOL_LABELS

    out(_("Fiscal year {year} ({start} – {end})").format(year=format_year(a.fiscal_year), start=format_date(a.start),
                                                       end=format_date(a.end)))
    out(_("Income {income}; expenses {expenses}; net profit {profit}").format(
        income=format_amount(a.income), expenses=format_amount(a.expenses), profit=format_amount(a.net_profit)))
    if a.net_profit > 0:
        rows = [[_(POOL_LABELS[p]), f"{a.pcts[p]}%", format_amount(a.pools[p])] for p in a.pools]
        rows.append([_("Remainders to the reserve"), "", format_amount(a.remainder_to_reserve)])
        rows.append([_("Total"), "100%", format_amount(a.net_profit)])
        print_table([_("Pool"), _("Share"), _("Amount")], rows, right={1, 2})
        out(_("Reserve fund receives {reserve} in all").format(reserve=format_amount(a.reserve_total)))
    for w in a.warnings:
        out("! " + w.message())
    out(_("{count} member(s) paid {total} baht").format(count=a.members_paid, total=format_amount(a.payouts_total)))


@command("close-year")
def _add_close(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("close-year", help=_("close a fiscal year and allocate its profit"))
    p.add_argument("year", type=arg_year, help=_("fiscal year in B.E. or C.E., e.g. 2568"))
    p.add_argument("--preview", action="store_true", help=_("show the allocation without posting it"))
    p.add_argument("--members", action="store_true", help=_("also list every member's payout"))
    p.set_defaults(handler=cmd_close)


def cmd_close(args: argparse.Namespace) -> int:
    with open_existing(args, readonly=args.preview) as book:
        if args.preview:
            blockers = book.close_blockers(args.year)
            a = book.preview_close(args.year)
        else:
            blockers = []
            a = book.close_year(args.year)
    print_allocation(a)
    if args.members:
        print_table([_("No."), _("Name"), _("Depositors"), _("Interest paid"), _("Borrowers"), _("Committee"),
                     _("Total")],
                    [[p.member_no, p.name, format_amount(p.depositor), format_amount(p.interest_paid),
                      format_amount(p.borrower), format_amount(p.committee), format_amount(p.total)]
                     for p in a.payouts], right={0, 2, 3, 4, 5, 6})
    if args.preview:
        out(_("Preview only: nothing was posted."))
        for b in blockers:
            out("! " + str(b))
    else:
        out(_("Fiscal year {year} is closed and locked.").format(year=format_year(args.year)))
    return EXIT_OK


@command("reopen-year")
def _add_reopen(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reopen-year", help=_("reopen a closed fiscal year (reverses its close), with a reason"))
    p.add_argument("year", type=arg_year)
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_reopen)


def cmd_reopen(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seqs = book.reopen_year(args.year, args.reason)
    out(_("Fiscal year {year} is open again; its close was reversed by entries {seqs}").format(
        year=format_year(args.year), seqs=", ".join(str(s) for s in seqs) or "-"))
    return EXIT_OK


@command("payout")
def _add_payout(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("payout", help=_("pay members their year-end payouts (and former members their shares)"))
    p.add_argument("member_no", type=int, nargs="?")
    p.add_argument("--all", action="store_true", help=_("pay everyone who is owed"))
    p.add_argument("--list", action="store_true", help=_("only list who is owed what"))
    p.add_argument("--date", type=arg_date)
    p.set_defaults(handler=cmd_payout)


def cmd_payout(args: argparse.Namespace) -> int:
    if args.list:
        with open_existing(args, readonly=True) as book:
            owed = book.owed_payouts()
        print_table([_("No."), _("Amount")], [[no, format_amount(m.satang)] for no, m in owed], right={0, 1})
        return EXIT_OK
    if (args.member_no is None) == (not args.all):
        raise UsageError(_("give a member number or --all"))
    with open_existing(args) as book:
        targets = [no for no, _m in book.owed_payouts()] if args.all else [args.member_no]
        total = 0
        for no in targets:
            total += book.pay_payout(no, args.date).satang
    out(_("Paid {count} member(s) {total} baht").format(count=len(targets), total=format_amount(total)))
    return EXIT_OK


@command("welfare")
def _add_welfare(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("welfare", help=_("the welfare fund: claims and the claims register"))
    ws = p.add_subparsers(dest="welfare_command", metavar="ACTION", required=True)
    c = ws.add_parser("claim", help=_("pay a benefit from the welfare fund"))
    c.add_argument("member_no", type=int)
    c.add_argument("case", choices=("childbirth", "hospital", "death"))
    c.add_argument("--nights", type=int)
    c.add_argument("--amount", type=arg_money)
    c.add_argument("--override", default="", help=_("the committee's reason for paying outside the schedule"))
    c.add_argument("--note", default="")
    c.add_argument("--date", type=arg_date)
    c.set_defaults(handler=cmd_claim)
    ls = ws.add_parser("list", help=_("the claims register"))
    ls.add_argument("--member", type=int)
    ls.add_argument("--year", type=arg_year)
    ls.set_defaults(handler=cmd_claims)


def cmd_claim(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        no = book.welfare_claim(args.member_no, args.case, args.date, nights=args.nights, amount=args.amount,
                                override_reason=args.override, note=args.note)
        claim = next(c for c in book.welfare_claims(member_no=args.member_no) if c.id == no)
        fund = book.welfare_fund_balance()
    out(_("Paid {amount} baht to member {no}; the welfare fund now holds {fund} baht").format(
        amount=format_amount(claim.amount.satang), no=args.member_no, fund=format_amount(fund.satang)))
    return EXIT_OK


def cmd_claims(args: argparse.Namespace) -> int:
    from villagebank.ledger.welfare import CASE_LABELS

    with open_existing(args, readonly=True) as book:
        claims = book.welfare_claims(member_no=args.member, fy=args.year)
    print_table([_("Date"), _("No."), _("Name"), _("Case"), _("Nights"), _("Amount"), _("Committee's reason")],
                [[format_date(c.date), c.member_no, c.member_name, _(CASE_LABELS[c.case]), c.nights or "",
                  format_amount(c.amount.satang), c.override_reason] for c in claims], right={1, 4, 5})
    return EXIT_OK
