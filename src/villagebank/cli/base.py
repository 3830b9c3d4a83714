"""The command line: sub-commands over the same Book facade the GUI uses (never imports PySide6).

Exit codes (a contract with the network centre's scripts): 0 ok, 1 the book fails a check or the input
is refused, 2 usage error. Errors are printed in Thai or English (``--lang``), never as a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import villagebank
from villagebank import paths
from villagebank.i18n import UserError, _, language_from_environment, set_language

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {}


class UsageError(Exception):
    """Bad command-line usage (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors; keep it, in our words
        self.print_usage(sys.stderr)
        print(_("usage error: {message}").format(message=message), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def out(text: str = "") -> None:
    print(text)


def err(text: str) -> None:
    print(text, file=sys.stderr)


# --- typed arguments -------------------------------------------------------------------------------
def arg_date(text: str) -> dt.date:
    from villagebank.thai import parse_date

    try:
        return parse_date(text)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{text}” is not a date: type day/month/year in B.E., for example "
                                           "15/01/2568").format(text=text)) from None


def arg_year(text: str) -> int:
    from villagebank.thai import parse_year

    try:
        return parse_year(text)
    except (UserError, ValueError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def arg_month(text: str) -> tuple[int, int]:
    from villagebank.thai import parse_month

    try:
        return parse_month(text)
    except (UserError, ValueError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def arg_money(text: str):
    from villagebank.ledger.money import Money

    try:
        return Money.parse(text, allow_zero=True)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# --- book access --------------------------------------------------------------------------------
def book_path(args: argparse.Namespace) -> Path:
    return Path(args.book) if args.book else paths.default_book_path()


def open_existing(args: argparse.Namespace, readonly: bool = False):
    """Open the book; for writing, sign in first when the book has user accounts switched on."""
    from villagebank.ledger import open_book

    book = open_book(book_path(args), readonly=readonly)
    if not readonly:
        try:
            sign_in_if_needed(book, args)
        except BaseException:
            book.close()
            raise
    return book


def sign_in_if_needed(book, args: argparse.Namespace) -> None:
    """``--user`` (or VILLAGEBANK_USER) and the password from VILLAGEBANK_PASSWORD or typed (not echoed)."""
    import getpass
    import os

    if not book.access_enabled or book.signed_in is not None:
        return
    name = getattr(args, "user", None) or os.environ.get("VILLAGEBANK_USER") or ask(_("User name: "))
    password = os.environ.get("VILLAGEBANK_PASSWORD")
    if password is None:
        password = getpass.getpass(_("Password: "))
    book.login(name, password)


def ask(prompt: str) -> str:
    """A line typed on standard input ('' at its end)."""
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    return line.strip()


def command(name: str) -> Callable[[Callable[[argparse._SubParsersAction], None]], Callable]:
    """Register a function that adds a sub-command to the parser."""

    def deco(fn: Callable[[argparse._SubParsersAction], None]) -> Callable:
        COMMANDS[name] = fn
        return fn

    return deco


_parsers: dict[str, argparse.ArgumentParser] = {}


def build_parser() -> argparse.ArgumentParser:
    """The parser in the current language (built once per language and process)."""
    from villagebank.i18n import current_language

    lang = current_language()
    if lang not in _parsers:
        _parsers[lang] = _build_parser()
    return _parsers[lang]


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="villagebank", description=_("The books of a Thai village bank."))
    parser.add_argument("--book", metavar="PATH", help=_("the book file (default: the book in your data folder)"))
    parser.add_argument("--lang", choices=("th", "en"), help=_("language of messages (default: from the system)"))
    parser.add_argument("--user", metavar="NAME", help=_("your user name, when the book has user accounts"))
    parser.add_argument("--version", action="version", version=f"villagebank {villagebank.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _load_commands()
    for add in COMMANDS.values():
        add(sub)
    return parser


def _load_commands() -> None:
    """Import the modules that register sub-commands (each adds itself to COMMANDS)."""
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"villagebank.cli.{name}")


COMMAND_MODULES = ["book_cmds", "member_cmds", "money_cmds", "yearend_cmds", "partner_cmds", "workbook_cmds",
                   "report_cmds", "backup_cmds", "access_cmds", "selfcheck_cmds"]


def main(argv: Sequence[str], gui: Callable[[Path | None], int] | None = None) -> int:
    """Run a sub-command; with none, start ``gui`` (given by ``__main__``, which may import the ui)."""
    argv = list(argv)
    lang = _peek_lang(argv) or language_from_environment()
    set_language(lang)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        if gui is None:
            parser.print_help()
            return EXIT_USAGE
        return gui(Path(args.book) if args.book else None)
    handler: Handler = args.handler
    try:
        return handler(args)
    except UsageError as exc:
        err(_("usage error: {message}").format(message=str(exc)))
        return EXIT_USAGE
    except UserError as exc:
        err(_("Refused: {message}").format(message=exc.message()))
        if detail := getattr(exc, "technical", ""):  # SQLite's own words, for the person helping
            err("  " + _("Technical detail for the person helping you: {detail}").format(detail=detail))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        err(_("Stopped."))
        return EXIT_REFUSED
    except BrokenPipeError:  # output piped into `head` and closed early
        return EXIT_OK
    except Exception as exc:
        log = _log_crash()
        err(_("An unexpected error stopped the command: {error}. Nothing was saved by it. Details: {log}")
            .format(error=f"{type(exc).__name__}: {exc}", log=log))
        return EXIT_REFUSED


def _peek_lang(argv: list[str]) -> str | None:
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("th", "en"):
            return argv[i + 1]
        if a.startswith("--lang=") and a.split("=", 1)[1] in ("th", "en"):
            return a.split("=", 1)[1]
    return None


def _log_crash() -> str:
    try:
        folder = paths.user_data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "errors.log"
        with path.open("a", encoding="utf-8") as fp:
            fp.write(f"--- {dt.datetime.now().isoformat()} villagebank {villagebank.__version__}\n")
            fp.write(traceback.format_exc())
        return str(path)
    except OSError:
        logging.exception("crash")
        return "-"


def kv(*pairs: object) -> str:
    """``kv(N_("Bank"), name, N_("Place"), place)`` → "ธนาคาร: …  สถานที่: …" (labels translated here)."""
    items = list(pairs)
    return "  ".join(f"{_(str(items[i]))}: {items[i + 1]}" for i in range(0, len(items), 2))


def print_table(headers: list[str], rows: list[list[Any]], right: set[int] | None = None) -> None:
    """A plain text table (display widths account for Thai combining marks)."""
    right = right or set()
    cells = [[str(c) for c in r] for r in rows]
    widths = [display_width(h) for h in headers]
    for r in cells:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], display_width(c))

    def fmt(row: list[str]) -> str:
        parts = []
        for i, c in enumerate(row):
            pad = " " * (widths[i] - display_width(c))
            parts.append(pad + c if i in right else c + pad)
        return "  ".join(parts).rstrip()

    out(fmt(headers))
    out("  ".join("-" * w for w in widths))
    for r in cells:
        out(fmt(r))


def display_width(text: str) -> int:
    import unicodedata

    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text)
