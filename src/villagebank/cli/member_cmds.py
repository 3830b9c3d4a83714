"""Member register commands: member add | list | show | edit | status."""

from __future__ import annotations

import argparse

from villagebank.cli.base import EXIT_OK, arg_date, command, kv, open_existing, out, print_table
from villagebank.i18n import _

_TEXT_FIELDS = ("title", "first-name", "last-name", "citizen-id", "sex", "house-no", "moo", "tambon", "amphoe",
                "province", "postal-code", "phone", "occupation", "welfare-needs", "beneficiary", "committee-role",
                "income", "household-debt")


def _add_fields(p: argparse.ArgumentParser, required: bool) -> None:
    for name in _TEXT_FIELDS:
        p.add_argument(f"--{name}", required=required and name == "first-name")
    p.add_argument("--birth-date", type=arg_date)
    p.add_argument("--join-date", type=arg_date)
    p.add_argument("--group", action="store_true", default=None, help=_("the member is a group"))


def _values(args: argparse.Namespace) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in (*_TEXT_FIELDS, "birth-date", "join-date"):
        value = getattr(args, name.replace("-", "_"))
        if value is not None:
            values[name.replace("-", "_")] = value
    if args.group:
        values["is_group"] = True
    return values


@command("member")
def _add_member(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("member", help=_("the member register"))
    ms = p.add_subparsers(dest="member_command", metavar="ACTION", required=True)
    add = ms.add_parser("add", help=_("register a new member"))
    _add_fields(add, required=True)
    add.add_argument("--no", type=int, help=_("member number (default: the next free number)"))
    add.set_defaults(handler=cmd_add)
    ls = ms.add_parser("list", help=_("list members"))
    ls.add_argument("--search", default="", help=_("member number or part of a name"))
    ls.add_argument("--status", action="append", choices=("active", "suspended", "terminated", "resigned",
                                                          "deceased"))
    ls.add_argument("--order", choices=("number", "name"), default="number")
    ls.set_defaults(handler=cmd_list)
    show = ms.add_parser("show", help=_("show one member"))
    show.add_argument("member_no", type=int)
    show.set_defaults(handler=cmd_show)
    edit = ms.add_parser("edit", help=_("change a member's details (each change is logged)"))
    edit.add_argument("member_no", type=int)
    _add_fields(edit, required=False)
    edit.set_defaults(handler=cmd_edit)


def cmd_add(args: argparse.Namespace) -> int:
    values = _values(args)
    with open_existing(args) as book:
        values.setdefault("join_date", book.clock.today())
        member = book.add_member(values, member_no=args.no)
    out(_("Registered member {no}: {name}").format(no=member.member_no, name=member.full_name))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from villagebank.ledger.members import STATUS_LABELS
    from villagebank.thai import format_date

    with open_existing(args, readonly=True) as book:
        rows = book.members(args.search, statuses=tuple(args.status) if args.status else None, order=args.order)
    print_table(
        [_("No."), _("Name"), _("Joined"), _("Status")],
        [[m.member_no, m.full_name, format_date(m.join_date), _(STATUS_LABELS[m.status])] for m in rows],
        right={0},
    )
    out(_("{count} member(s)").format(count=len(rows)))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from villagebank.ledger.members import FIELD_LABELS, STATUS_LABELS, reason_text
    from villagebank.thai import format_date

    with open_existing(args, readonly=True) as book:
        m = book.member(args.member_no)
        history = book.member_status_history(args.member_no)
    for key, label in FIELD_LABELS.items():
        value = getattr(m, key)
        if value is None or value == "":
            continue
        if key == "status":
            value = _(STATUS_LABELS[value])
        elif hasattr(value, "isoformat"):
            value = format_date(value)
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        out(kv(label, value))
    if history:
        out(_("Status history:"))
        for h in history:
            status = _(STATUS_LABELS.get(h.status, h.status))
            out(f"  {format_date(h.date)}  {status}  {reason_text(h.reason)}")
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    values = _values(args)
    with open_existing(args) as book:
        member = book.edit_member(args.member_no, values)
    out(_("Member {no} updated").format(no=member.member_no))
    return EXIT_OK
