"""User accounts (optional): users list | enable | disable | add | password | deactivate."""

from __future__ import annotations

import argparse
import getpass
import os

from villagebank.cli.base import EXIT_OK, UsageError, command, open_existing, out, print_table
from villagebank.i18n import _


def _new_password() -> str:
    """From VILLAGEBANK_NEW_PASSWORD, or typed twice (not echoed)."""
    given = os.environ.get("VILLAGEBANK_NEW_PASSWORD")
    if given is not None:
        return given
    first = getpass.getpass(_("New password: "))
    if getpass.getpass(_("The new password again: ")) != first:
        raise UsageError(_("the two passwords differ"))
    return first


@command("users")
def _add_users(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help=_("user accounts and roles (optional; off by default)"))
    us = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    ls = us.add_parser("list", help=_("list the accounts"))
    ls.set_defaults(handler=cmd_list)
    en = us.add_parser("enable", help=_("switch user accounts on, creating the first treasurer"))
    en.add_argument("name")
    en.add_argument("--display-name", default="")
    en.set_defaults(handler=cmd_enable)
    dis = us.add_parser("disable", help=_("switch user accounts off (the treasurer only)"))
    dis.set_defaults(handler=cmd_disable)
    add = us.add_parser("add", help=_("add an account"))
    add.add_argument("name")
    add.add_argument("--role", choices=("treasurer", "committee"), required=True)
    add.add_argument("--display-name", default="")
    add.set_defaults(handler=cmd_add)
    pw = us.add_parser("password", help=_("set an account's password"))
    pw.add_argument("name")
    pw.set_defaults(handler=cmd_password)
    de = us.add_parser("deactivate", help=_("switch an account off"))
    de.add_argument("name")
    de.set_defaults(handler=cmd_deactivate)


def cmd_list(args: argparse.Namespace) -> int:
    from villagebank.ledger.access import ROLE_LABELS

    with open_existing(args, readonly=True) as book:
        state = _("on") if book.access_enabled else _("off")
        rows = [[u.name, u.display_name, _(ROLE_LABELS[u.role]), _("yes") if u.active else _("no")]
                for u in book.users()]
    out(_("User accounts are {state}.").format(state=state))
    print_table([_("User"), _("Name"), _("Role"), _("Active")], rows)
    return EXIT_OK


def cmd_enable(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        book.enable_access(args.name, _new_password(), args.display_name)
    out(_("User accounts are on; {name} is the treasurer.").format(name=args.name))
    return EXIT_OK


def cmd_disable(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        book.disable_access()
    out(_("User accounts are off."))
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        account = book.add_user(args.name, _new_password(), args.role, args.display_name)
    out(_("Account {name} added.").format(name=account.name))
    return EXIT_OK


def cmd_password(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        book.set_password(args.name, _new_password())
    out(_("The password of {name} was changed.").format(name=args.name))
    return EXIT_OK


def cmd_deactivate(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        book.set_user_active(args.name, False)
    out(_("Account {name} was switched off.").format(name=args.name))
    return EXIT_OK
