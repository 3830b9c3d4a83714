"""Integrity beyond the full ``verify``: the quick check made when a book is opened, and anchors.

An *anchor* is the sequence number and hash of the newest entry at some moment (``seq/hash``); it is
printed on receipts and monthly reports and recorded in every backup and in an anchors log beside the
backups. Whoever holds the laptop could rewrite the whole chain so that it verifies again; only an
anchor kept elsewhere shows it: the entry at the anchor's number no longer has the anchor's hash (the
chain was rewritten), or the book ends before it (the newest entries were deleted).

The anchors log (``anchors.jsonl`` in the book's backups folder) is JSON lines, appended and fsynced:
``{"type": "anchor", "book_id", "seq", "hash", "at", "kind", "file"}`` for each backup and
``{"type": "restore", "book_id", "at", "superseded": [[seq, hash], ...]}`` when an older backup was
restored on purpose: the anchors it gave up are then reported as given up, not as tampering.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from villagebank import paths
from villagebank.i18n import N_
from villagebank.ledger import dto, journal
from villagebank.ledger.errors import InvalidInput
from villagebank.ledger.journal import Problem

ANCHORS_LOG = "anchors.jsonl"
QUICK_TAIL = 200  # entries whose chain is recomputed at every open
#: Up to this size the open checks every page (SQLite's quick_check reads the whole file: about 0.1 s for a
#: bank's ten years, 2–5 s for a network centre's book). Above it, an open that asks to defer them leaves the
#: page check and the count of entries to :meth:`IntegrityMixin.run_deferred_checks`, run in the background.
PAGE_CHECK_MAX_BYTES = 64 * 2**20
MIN_ANCHOR_HEX = 8  # a typed anchor needs at least this many hex digits of the hash
_ANCHOR_RE = re.compile(r"^\s*(\d+)\s*/\s*([0-9a-fA-F]+)\s*$")


@dataclass(frozen=True)
class Anchor:
    """``seq`` and the newest entry's hash (whole or a prefix of at least 8 hex digits).

    ``source`` says where it was found: a backup file's name, or empty for a typed anchor.
    """

    seq: int
    hash: str
    source: str = ""
    at: str = ""

    def __str__(self) -> str:
        return f"{self.seq}/{self.hash[:12]}"

    @property
    def key(self) -> tuple[int, str]:
        return (self.seq, self.hash[:12])


def parse_anchor(text: str) -> Anchor:
    """An anchor typed from a receipt or report: ``SEQ/HASH`` (Thai digits are accepted)."""
    from villagebank.thai import normalize_text, to_arabic_digits

    clean = to_arabic_digits(normalize_text(text or ""))
    m = _ANCHOR_RE.match(clean)
    if not m or len(m.group(2)) < MIN_ANCHOR_HEX or len(m.group(2)) > 64:
        raise InvalidInput(N_("“{text}” is not an anchor: write the entry number, a slash and at least 8 "
                              "characters of the code, e.g. 125/d475e1b32ca1"), text=text, field=N_("Anchor"))
    return Anchor(int(m.group(1)), m.group(2).lower())


def _problem(at: int | None, code: str, template: str, **params: object) -> Problem:
    return Problem(at, code, template, tuple(sorted(params.items())))


def file_damage(rows: list[str]) -> Problem:
    """SQLite's check of the file found faults (``rows``, its own English lines): the message says how many, and
    the lines stay a parameter (``error``) for the log and the person helping, not in the treasurer's message."""
    return _problem(None, "sqlite", N_("the book file is damaged: the check of its pages found {count} fault(s)"),
                    count=len(rows), error="; ".join(rows[:3]))


class FileCheck(threading.Thread):
    """SQLite's ``PRAGMA integrity_check`` in a thread of its own, on a connection of its own (``connect`` gives it
    as a context manager that closes it or hands it back). It reads the whole file and takes about as long as the
    hash chain (20 s each at network scale), and SQLite works without Python's lock, so the two run side by side.
    ``rows`` is its verdict (``["ok"]``), ``error`` what SQLite raised on a file too damaged to check; read them
    after ``join()``."""

    def __init__(self, connect: Callable[[], contextlib.AbstractContextManager[sqlite3.Connection]]) -> None:
        super().__init__(name="integrity-check", daemon=True)
        self._connect = connect
        self.rows: list[str] = []
        self.error: sqlite3.Error | None = None

    def run(self) -> None:
        try:
            with self._connect() as con:
                self.rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check")]
        except sqlite3.Error as exc:
            self.error = exc


def check_anchors(conn: Connection, anchors: Iterable[Anchor]) -> list[Problem]:
    """Compare the book with each anchor; a problem per anchor that does not hold."""
    last = journal.last_entry(conn)
    last_seq = last[0] if last else 0
    problems = []
    for a in _unique(anchors):
        if a.seq <= 0:
            continue
        if a.seq > last_seq:
            if a.source:
                problems.append(_problem(
                    None, "anchor_deleted", N_("the book ends at entry {last}, but the backup {source} holds entries "
                                               "up to {seq}: the newest entries were deleted"),
                    last=last_seq, seq=a.seq, source=a.source))
            else:
                problems.append(_problem(
                    None, "anchor_deleted", N_("the book ends at entry {last}, but the anchor {anchor} names entry "
                                               "{seq}: the newest entries were deleted"),
                    last=last_seq, seq=a.seq, anchor=str(a)))
            continue
        stored = conn.exec_driver_sql("SELECT hash FROM entry WHERE seq = ?", (a.seq,)).scalar()
        if stored is None:
            problems.append(_problem(a.seq, "anchor_missing", N_("entry {seq} of the anchor {anchor} is missing"),
                                     seq=a.seq, anchor=str(a)))
        elif not stored.startswith(a.hash):
            if a.source:
                problems.append(_problem(a.seq, "anchor_mismatch", N_(
                    "entry {seq} differs from the backup {source} (anchor {anchor}): the chain of entries was "
                    "rewritten"), seq=a.seq, source=a.source, anchor=str(a)))
            else:
                problems.append(_problem(a.seq, "anchor_mismatch", N_(
                    "entry {seq} does not match the anchor {anchor}: the chain of entries was rewritten"),
                    seq=a.seq, anchor=str(a)))
    return problems


def _unique(anchors: Iterable[Anchor]) -> list[Anchor]:
    seen: dict[tuple[int, str], Anchor] = {}
    for a in anchors:
        seen.setdefault((a.seq, a.hash), a)
    return sorted(seen.values(), key=lambda a: (a.seq, a.hash))


# --- the quick check at open ----------------------------------------------------------------------
def quick_check(conn: Connection, book_id: str, tail: int = QUICK_TAIL, *, pages: bool = True) -> list[Problem]:
    """What can be checked in a fraction of a second at every open.

    SQLite's ``quick_check`` (page structure), a gap-free sequence of all entries, no posting beyond the
    last entry, and the full check (balance, links, hashes) of the newest ``tail`` entries.
    ``pages=False`` leaves out the two checks that read the whole file (the page structure and the count
    of entries): :func:`page_checks` does them later. The complete ``verify`` checks every entry; run it in
    the background after opening.
    """
    problems: list[Problem] = page_checks(conn) if pages else []
    if any(p.code == "sqlite" for p in problems):
        return problems
    high = conn.exec_driver_sql("SELECT max(seq) FROM entry").scalar()
    if high is None:
        return problems
    orphan = conn.exec_driver_sql("SELECT min(entry_seq) FROM posting WHERE entry_seq > ?", (high,)).scalar()
    if orphan is not None:
        problems.append(_problem(orphan, "orphan", N_("a posting line belongs to no entry ({seq})"), seq=orphan))
    start = max(1, high - tail + 1)
    prev = conn.exec_driver_sql("SELECT hash FROM entry WHERE seq = ?", (start - 1,)).scalar() \
        if start > 1 else journal.genesis_hash(book_id)
    problems.extend(_check_tail(conn, start, prev))
    return problems


def page_checks(conn: Connection) -> list[Problem]:
    """The open's checks that read the whole file: SQLite's page structure, and every entry number from 1 to
    the last present (a gap-free sequence)."""
    rows = conn.exec_driver_sql("PRAGMA quick_check").scalars().all()
    if rows != ["ok"]:
        return [file_damage([str(r) for r in rows])]
    count, low, high = conn.exec_driver_sql("SELECT count(*), min(seq), max(seq) FROM entry").one()
    if count and (low != 1 or high != count):
        return [_problem(None, "gap", N_("entries are missing: numbers {low} to {high} hold only {count} "
                                         "entries"), low=low, high=high, count=count)]
    return []


def _check_tail(conn: Connection, start: int, prev_hash: str | None) -> list[Problem]:
    cols = ", ".join(journal.ENTRY_COLUMNS)
    entries = conn.exec_driver_sql(f"SELECT {cols}, prev_hash, hash FROM entry WHERE seq >= ? ORDER BY seq",
                                   (start,)).all()
    lines: dict[int, list[tuple]] = {}
    for p in conn.exec_driver_sql("SELECT entry_seq, line, account, member_no, loan_no, amount, date FROM posting "
                                  "WHERE entry_seq >= ? ORDER BY entry_seq, line", (start,)):
        lines.setdefault(p[0], []).append(tuple(p[1:]))
    problems: list[Problem] = []
    expected = start
    for row in entries:
        seq = row[0]
        if seq != expected:
            problems.append(_problem(seq, "gap", N_("entries {first} to {last} are missing before entry {seq}"),
                                     first=expected, last=seq - 1, seq=seq))
        expected = seq + 1
        own = lines.get(seq, [])
        if len(own) < 2:
            problems.append(_problem(seq, "lines", N_("entry {seq} has fewer than two posting lines"), seq=seq))
        total = sum(ln[4] if type(ln[4]) is int else 0 for ln in own)
        if total != 0:
            problems.append(_problem(seq, "unbalanced", N_("entry {seq} does not balance (off by {diff} satang)"),
                                     seq=seq, diff=total))
        stored_prev, stored_hash = row[-2], row[-1]
        if prev_hash is not None and stored_prev != prev_hash:
            problems.append(_problem(seq, "chain", N_("entry {seq} does not follow the entry before it (the chain "
                                                      "of entries was broken: an entry was removed, reordered or "
                                                      "altered)"), seq=seq))
        if journal.compute_hash(stored_prev, tuple(row[:len(journal.ENTRY_COLUMNS)]), own) != stored_hash:
            problems.append(_problem(seq, "hash", N_("entry {seq} was altered after it was recorded"), seq=seq))
        prev_hash = stored_hash
    return problems


# --- the anchors log ------------------------------------------------------------------------------
def anchors_log_path(book_path: Path) -> Path:
    return paths.backups_dir_for(book_path) / ANCHORS_LOG


def append_log(log: Path, record: dict[str, Any]) -> None:
    """Append one JSON line and fsync it (a torn last line after a crash is skipped when reading)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def read_log(log: Path) -> Iterator[dict[str, Any]]:
    try:
        raw = log.read_bytes()
    except OSError:
        return
    for line in raw.splitlines():
        with contextlib.suppress(ValueError):
            record = json.loads(line.decode("utf-8"))
            if isinstance(record, dict):
                yield record


def logged_anchors(log: Path, book_id: str) -> tuple[list[Anchor], set[tuple[int, str]]]:
    """Anchors of book ``book_id`` in the log, and the (seq, hash) keys given up by restores."""
    anchors: list[Anchor] = []
    superseded: set[tuple[int, str]] = set()
    for r in read_log(log):
        if r.get("book_id") != book_id:
            continue
        if r.get("type") == "anchor" and isinstance(r.get("seq"), int) and isinstance(r.get("hash"), str):
            source = Path(str(r.get("file") or ANCHORS_LOG)).name
            anchors.append(Anchor(r["seq"], r["hash"], source, str(r.get("at", ""))))
        elif r.get("type") == "restore":
            for item in r.get("superseded") or ():
                with contextlib.suppress(TypeError, ValueError, IndexError):
                    superseded.add((int(item[0]), str(item[1])[:12]))
    return anchors, superseded


# --- the Book side -----------------------------------------------------------------------------------
class IntegrityMixin:
    """``verify`` with anchors, ``check_anchors``, ``known_anchors`` and the quick check."""

    # Set by open_book: the problems its quick check found (the book is then open read-only).
    damage: tuple[Problem, ...] = ()

    def known_anchors(self) -> tuple[list[Anchor], set[tuple[int, str]]]:
        """Every anchor of this book recorded beside its backups (the anchors log and the backup files
        themselves), and the keys of anchors given up on purpose by a restore."""
        from villagebank.ledger import backup

        book: Any = self
        anchors, superseded = logged_anchors(anchors_log_path(book.path), book.book_id)
        for info in backup.list_backups(paths.backups_dir_for(book.path), book_id=book.book_id):
            if info.last_seq and info.last_hash:
                anchors.append(Anchor(info.last_seq, info.last_hash, info.path.name, info.created_at.isoformat()
                                      if info.created_at else ""))
        return anchors, superseded

    def check_anchors(self, anchors: Iterable[Anchor]) -> list[Problem]:
        book: Any = self
        with book._read() as conn:
            return check_anchors(conn, anchors)

    def verify(self, anchors: Iterable[Anchor] | None = None, *, known: bool = False) -> dto.VerifyReport:
        """The full check; with ``anchors`` and/or ``known=True`` (the recorded anchors) also the anchors.

        Anchors given up by a deliberate restore are counted in ``report.superseded``, not as problems.
        """
        report: dto.VerifyReport = super().verify()  # type: ignore[misc]
        given = list(anchors or ())
        superseded: set[tuple[int, str]] = set()
        if known:
            found, superseded = self.known_anchors()
            given.extend(found)
        if not given:
            return report
        active = [a for a in given if not a.source or a.key not in superseded]
        dropped = {a.key for a in given if a.source and a.key in superseded}
        problems = self.check_anchors(active)
        all_problems = tuple(report.problems) + tuple(problems)
        return replace(report, ok=not all_problems, problems=all_problems,
                       anchors_checked=len({(a.seq, a.hash) for a in active}), superseded=len(dropped))

    def quick_check(self) -> list[Problem]:
        book: Any = self
        with book._read() as conn:
            return quick_check(conn, book.book_id)

    # Set by open_book(defer_checks=True) on a large book: the page check and the count are still to run.
    deferred_checks: bool = False

    def run_deferred_checks(self) -> list[Problem]:
        """The open checks a large book's open left for later (see ``open_book(defer_checks=True)``); safe to run
        in a background thread. A damaged book found here is closed for recording (``readonly``) and its
        problems are kept in ``damage``, as if the open had found them."""
        book: Any = self
        if not self.deferred_checks:
            return []
        try:
            with book._read() as conn:
                problems = page_checks(conn)
        except DBAPIError as exc:  # SQLite gave up on a badly damaged file: said as the open says it (its own
            # English words kept as a parameter for the person helping, not in the message)
            problems = [_problem(None, "sqlite", N_("part of the file is unreadable"), error=str(exc.orig))]
        self.deferred_checks = False
        if problems:
            self.damage = tuple(problems)
            book.readonly = True
        return problems
