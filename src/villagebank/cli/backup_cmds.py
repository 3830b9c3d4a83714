"""Backups: backup [--to DIR] | backups [--in DIR] | restore FILE [--yes]."""

from __future__ import annotations

import argparse
from pathlib import Path

from villagebank.cli.base import EXIT_OK, EXIT_REFUSED, ask, book_path, command, err, out, print_table
from villagebank.i18n import _


@command("backup")
def _add_backup(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help=_("make a verified backup of the book (prints its path)"))
    p.add_argument("--to", metavar="DIR", help=_("the folder to write it to, e.g. a USB stick (default: the "
                                                 "backups folder beside the book)"))
    p.set_defaults(handler=cmd_backup)


def _open_for_backup(args: argparse.Namespace):
    """Writable when possible (the backup is logged in the book); read-only when the book is open elsewhere."""
    from villagebank.ledger import BookError, open_book

    try:
        return open_book(book_path(args))
    except BookError as exc:
        if exc.reason not in ("in_use", "readonly"):
            raise
        return open_book(book_path(args), readonly=True)


def cmd_backup(args: argparse.Namespace) -> int:
    with _open_for_backup(args) as book:
        info = book.backup(args.to)
    out(str(info.path))
    err(_("Backup made and verified: {count} entries, last entry {anchor}")
        .format(count=info.entries, anchor=info.anchor or "-"))
    return EXIT_OK


@command("backups")
def _add_backups(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backups", help=_("list the backups of the book, newest first"))
    p.add_argument("--in", dest="folder", metavar="DIR", help=_("another folder to look in, e.g. a USB stick"))
    p.set_defaults(handler=cmd_backups)


def cmd_backups(args: argparse.Namespace) -> int:
    from villagebank import paths
    from villagebank.ledger.backup import KIND_LABELS, list_backups
    from villagebank.thai import format_date

    folder = Path(args.folder) if args.folder else paths.backups_dir_for(book_path(args))
    rows = []
    for info in list_backups(folder):
        made = f"{format_date(info.created_at.date())} {info.created_at:%H:%M}" if info.created_at else "-"
        rows.append([info.path.name, _(KIND_LABELS.get(info.kind, info.kind)) if info.kind else "-", made,
                     info.bank_name, info.anchor or "-"])
    print_table([_("File"), _("Kind"), _("Made"), _("Bank"), _("Last entry")], rows)
    out(_("{count} backup(s) in {folder}").format(count=len(rows), folder=folder))
    return EXIT_OK


@command("restore")
def _add_restore(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("restore", help=_("replace the book by a backup, after checking it (the replaced book is "
                                         "kept aside)"))
    p.add_argument("file", metavar="FILE", help=_("the backup file"))
    p.add_argument("--yes", action="store_true", help=_("do not ask before replacing the book"))
    p.add_argument("--other-bank", action="store_true",
                   help=_("accept the book of another bank (moving a book to a new computer)"))
    p.set_defaults(handler=cmd_restore)


def cmd_restore(args: argparse.Namespace) -> int:
    from villagebank.ledger.backup import inspect_backup, restore
    from villagebank.thai import format_date

    path = book_path(args)
    check = inspect_backup(args.file, path if path.exists() else None, allow_other_bank=args.other_bank)
    if not check.ok:
        assert check.error is not None
        err(_("Refused: {message}").format(message=check.error.message()))
        return EXIT_REFUSED
    info = check.info
    assert info is not None
    out(_("This backup holds the book of: {bank}").format(bank=info.bank_name))
    out(_("Made: {date}").format(date=f"{format_date(info.created_at.date())} {info.created_at:%H:%M}"
                                 if info.created_at else _("unknown (a plain copy of a book)")))
    out(_("Last entry: number {seq} of {date} ({anchor})").format(
        seq=info.last_seq, date=format_date(info.last_date) if info.last_date else "-", anchor=info.anchor or "-"))
    out(_("Members: {members}; entries: {entries}").format(members=info.members, entries=info.entries))
    for warning in check.warnings:
        out(_("Warning: {message}").format(message=warning.message()))
    if not args.yes:
        answer = ask(_("Replace the book at {path} with this backup? [y/N] ").format(path=path)).casefold()
        if answer not in ("y", "yes", "ใช่", "ช", "ย"):
            out(_("Nothing was changed."))
            return EXIT_REFUSED
    result = restore(path, args.file, allow_other_bank=args.other_bank)
    out(_("The book was restored from {file}.").format(file=args.file))
    if result.aside is not None:
        out(_("The replaced book is kept as {aside}").format(aside=result.aside))
    return EXIT_OK
