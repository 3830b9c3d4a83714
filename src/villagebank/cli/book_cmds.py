"""Book-level commands: init, demo, verify, info, rules, reverse."""

from __future__ import annotations

import argparse

from villagebank.cli.base import (
    EXIT_OK,
    EXIT_REFUSED,
    UsageError,
    arg_date,
    book_path,
    command,
    err,
    kv,
    open_existing,
    out,
    print_table,
)
from villagebank.i18n import N_, _


@command("init")
def _add_init(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help=_("create a new, empty book"))
    p.add_argument("--name", required=True, help=_("the bank's name"))
    for opt in ("village", "moo", "tambon", "amphoe", "province", "postal-code"):
        p.add_argument(f"--{opt}", default="")
    p.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    from villagebank.ledger import create_book

    path = book_path(args)
    with create_book(path, name=args.name, village=args.village, moo=args.moo, tambon=args.tambon,
                     amphoe=args.amphoe, province=args.province, postal_code=args.postal_code) as book:
        out(_("Created the book of {bank} at {path}").format(bank=book.bank().name, path=path))
    return EXIT_OK


@command("demo")
def _add_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=_("create a new book filled with demo data"))
    p.add_argument("--members", type=int, default=40, help=_("number of demo members"))
    p.add_argument("--seed", type=int, default=2568)
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from villagebank import demo

    path = book_path(args)
    if args.members < 5:
        raise UsageError(_("a demo book needs at least 5 members"))
    with demo.create_demo_book(path, members=args.members, seed=args.seed) as book:
        count = len(book.members())
        out(_("Created a demo book of {bank} with {count} members at {path}")
            .format(bank=book.bank().name, count=count, path=path))
    return EXIT_OK


@command("verify")
def _add_verify(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help=_("check the book: hash chain, sequence, balances, trial balance"))
    p.add_argument("--anchors", action="store_true",
                   help=_("also compare the book with the anchors recorded with its backups"))
    p.add_argument("--anchor", action="append", default=[], metavar="SEQ/HASH", type=arg_anchor,
                   help=_("an anchor printed on a receipt or report, e.g. 125/d475e1b32ca1 (repeatable)"))
    p.set_defaults(handler=cmd_verify)


def arg_anchor(text: str):
    from villagebank.i18n import UserError
    from villagebank.ledger.integrity import parse_anchor

    try:
        return parse_anchor(text)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_verify(args: argparse.Namespace) -> int:
    with open_existing(args, readonly=True) as book:
        report = book.verify(args.anchor, known=args.anchors)
    if report.ok:
        out(_("The book is in order: {count} entries checked; last entry {anchor}")
            .format(count=report.entries, anchor=report.anchor or "-"))
        if args.anchors or args.anchor:
            out(_("It agrees with {count} anchor(s).").format(count=report.anchors_checked))
        if args.anchors and not report.anchors_checked and not report.superseded:
            out(_("No anchors were found beside the backups: make a backup to record one."))
        if report.superseded:
            out(_("{count} anchor(s) were given up on purpose when an older backup was restored.")
                .format(count=report.superseded))
        return EXIT_OK
    err(_("The book FAILED the check: {count} problem(s) found").format(count=len(report.problems)))
    for problem in report.problems:
        prefix = _("entry {seq}").format(seq=problem.seq) if problem.seq is not None else _("book")
        err(f"  {prefix}: {problem.message()}")
        if detail := problem.technical:
            err("    " + _("Technical detail for the person helping you: {detail}").format(detail=detail))
    return EXIT_REFUSED


@command("info")
def _add_info(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help=_("show the bank, the book file and its last entry"))
    p.set_defaults(handler=cmd_info)


def cmd_info(args: argparse.Namespace) -> int:
    with open_existing(args, readonly=True) as book:
        bank = book.bank()
        out(kv(N_("Bank"), bank.name))
        if bank.place():
            out(kv(N_("Place"), bank.place()))
        out(kv(N_("Book file"), book.path))
        out(kv(N_("Members"), len(book.members())))
        out(kv(N_("Entries"), book.entry_count()))
        out(kv(N_("Last entry"), book.anchor() or "-"))
    return EXIT_OK


@command("rules")
def _add_rules(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help=_("show or change the bank's rules"))
    rs = p.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    show = rs.add_parser("show", help=_("list every rule and its value"))
    show.set_defaults(handler=cmd_rules_show)
    setp = rs.add_parser("set", help=_("change rules: NAME=VALUE ..."))
    setp.add_argument("assignments", nargs="+", metavar="NAME=VALUE")
    setp.add_argument("--reason", default="", help=_("why the rules change (e.g. the meeting that decided)"))
    setp.set_defaults(handler=cmd_rules_set)


def cmd_rules_show(args: argparse.Namespace) -> int:
    from villagebank.ledger.rules import LABELS, MONEY_RULES, field_names
    from villagebank.thai import format_amount

    with open_existing(args, readonly=True) as book:
        rules = book.rules
    for name in field_names():
        value = getattr(rules, name)
        if name == "partners":
            value = ", ".join(f"{p.key}" for p in value)
        elif name in MONEY_RULES and value is not None:
            value = format_amount(value)
        elif value is None:
            value = _("(no limit)")
        label = _(LABELS.get(name, name))
        out(f"{name:36} {value}    # {label}")
    return EXIT_OK


def cmd_rules_set(args: argparse.Namespace) -> int:
    from villagebank.ledger import Money
    from villagebank.ledger.rules import MONEY_RULES, Rules

    changes: dict[str, object] = {}
    for item in args.assignments:
        if "=" not in item:
            raise UsageError(_("write each change as NAME=VALUE, e.g. min_saving=20"))
        name, value = item.split("=", 1)
        name = name.strip()
        if name in MONEY_RULES and value.strip():
            value = Money.parse(value, field=name).satang
        changes[name] = value
    with open_existing(args) as book:
        new = Rules.from_values(changes, base=book.rules)
        book.set_rules(new, reason=args.reason)
    out(_("Rules changed: {names}").format(names=", ".join(changes)))
    return EXIT_OK


@command("reverse")
def _add_reverse(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reverse", help=_("correct an entry by recording its reversal, with a reason"))
    p.add_argument("seq", type=int, help=_("number of the entry to correct"))
    p.add_argument("--reason", required=True)
    p.add_argument("--date", type=arg_date, help=_("date of the correction (default: today)"))
    p.set_defaults(handler=cmd_reverse)


def cmd_reverse(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seq = book.reverse_entry(args.seq, args.reason, args.date)
    out(_("Entry {seq} was corrected by entry {new}").format(seq=args.seq, new=seq))
    return EXIT_OK


@command("account")
def _add_account(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("account", help=_("the chart of accounts: bank accounts, income and expense categories"))
    acs = p.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    a = acs.add_parser("add", help=_("add a bank account (bank:KEY) or a category (income:KEY, expense:KEY)"))
    a.add_argument("code")
    a.add_argument("name")
    a.set_defaults(handler=cmd_account_add)
    ls = acs.add_parser("list", help=_("every account and its balance"))
    ls.add_argument("--as-of", type=arg_date)
    ls.set_defaults(handler=cmd_account_list)


def cmd_account_add(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        book.add_account(args.code.strip(), args.name)
    out(_("Account {code} added").format(code=args.code.strip()))
    return EXIT_OK


def cmd_account_list(args: argparse.Namespace) -> int:
    from villagebank.ledger.accounts import normal_balance
    from villagebank.thai import format_amount

    with open_existing(args, readonly=True) as book:
        rows = book.account_balances(as_of=args.as_of)
    print_table([_("Code"), _("Account"), _("Balance")],
                [[r.code, _(r.name), format_amount(normal_balance(r.type, r.balance.satang))] for r in rows],
                right={2})
    return EXIT_OK
