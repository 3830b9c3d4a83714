"""``villagebank selfcheck``: is this installation whole?

Checks what a broken install or a bad package would lose: the program and where it keeps the books, the
Thai fonts, both catalogues, the schema upgrade scripts, and a Thai PDF end to end (HarfBuzz shaping, the
word breaker's dictionary, the fonts). The network centre's first question on a laptop where something
fails; also run on the frozen app by ``packaging/smoke.sh``. Needs no book.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import villagebank
from villagebank import paths
from villagebank.cli.base import EXIT_OK, EXIT_REFUSED, command, out
from villagebank.i18n import LANGUAGES, N_, _, current_language, set_language

#: Thai words the PDF check breaks and prints: shaping (tone marks above upper vowels) and the dictionary.
SAMPLE = "ธนาคารหมู่บ้าน ผู้ค้ำประกันน้ำค้าง"


@command("selfcheck")
def _add_selfcheck(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("selfcheck", help=_("check this installation: fonts, translations, schema scripts and "
                                           "a Thai PDF (needs no book)"))
    p.add_argument("--pdf", metavar="FILE", help=_("keep the test PDF in FILE"))
    p.set_defaults(handler=cmd_selfcheck)


def cmd_selfcheck(args: argparse.Namespace) -> int:
    checks: list[tuple[str, Callable[[], str]]] = [
        (N_("Program"), _program),
        (N_("Your files"), _data),
        (N_("Fonts"), _fonts),
        (N_("Translations"), _translations),
        (N_("Schema upgrades"), _migrations),
        (N_("Thai PDF"), lambda: _pdf(Path(args.pdf) if args.pdf else None)),
    ]
    ok, bad = _("ok"), _("FAILED")
    failed = 0
    for label, check in checks:
        try:
            out(f"{ok:8}{_(label)}: {check()}")
        except Exception as exc:  # report every failure, then the next check
            failed += 1
            out(f"{bad:8}{_(label)}: {type(exc).__name__}: {exc}")
    return EXIT_REFUSED if failed else EXIT_OK


def _program() -> str:
    kind = _("installed program") if getattr(sys, "frozen", False) else _("source tree")
    return (f"villagebank {villagebank.__version__} ({kind}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; {paths.resources_dir().parent}")


def _data() -> str:
    book = paths.default_book_path()
    return _("books in {folder}, backups in {backups}").format(
        folder=book.parent, backups=paths.backups_dir_for(book).parent)


def _fonts() -> str:
    from villagebank.exports.pdf.fonts import register_fonts

    found = sorted(p.name for p in paths.fonts_dir().glob("*.ttf"))
    for name in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf"):
        if name not in found:
            raise FileNotFoundError(paths.fonts_dir() / name)
    register_fonts()
    return ", ".join(found)


def _translations() -> str:
    before = current_language()
    try:
        seen = []
        for lang in LANGUAGES:
            set_language(lang)
            text = _("Refused: {message}")
            if lang != "en" and text == "Refused: {message}":
                raise LookupError(f"the {lang} catalogue is missing or empty")
            seen.append(lang)
        return ", ".join(seen)
    finally:
        set_language(before)


def _migrations() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    scripts = ScriptDirectory.from_config(cfg)
    revisions = list(scripts.walk_revisions())  # imports every script, as an upgrade would
    heads = scripts.get_heads()
    if len(heads) != 1:
        raise LookupError(f"expected one head revision, found {heads}")
    return _("{count} revisions, head {head}").format(count=len(revisions), head=heads[0])


def _pdf(keep: Path | None) -> str:
    from villagebank.exports.pdf import render_pdf
    from villagebank.exports.pdf.thaitext import words
    from villagebank.reports.table import Column, Kind, Paragraph, Report, ReportTable

    table = ReportTable(columns=[Column("text", _("Text")), Column("amount", _("Amount"), Kind.MONEY)])
    table.add(SAMPLE, 123_456)
    report = Report(key="selfcheck", title=_("Self-check"), bank_name="villagebank",
                    period=_("Version {version}").format(version=villagebank.__version__), printed_on=dt.date.today(),
                    blocks=[Paragraph(" ".join([SAMPLE] * 6)), table])
    with tempfile.TemporaryDirectory() as tmp:
        path = keep or Path(tmp) / "selfcheck.pdf"
        pages = render_pdf([report], str(path))
        size = path.stat().st_size
        if pages < 1 or size < 1000:
            raise ValueError(f"{pages} page(s), {size} bytes")
    return _("{pages} page(s), {kb} KB; words: {words}").format(
        pages=pages, kb=round(size / 1024), words=" | ".join(w for w in words(SAMPLE) if w.strip()))
