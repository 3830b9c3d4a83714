"""The Book facade: the one door to a bank's books for the GUI, the CLI, reports and exports.

Every command is one write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``) and either happens wholly or
not at all; queries return frozen DTOs. Nothing here imports Qt, reportlab or openpyxl.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import DBAPIError, OperationalError

import villagebank
from villagebank import paths
from villagebank.i18n import N_, lazy
from villagebank.ledger import accounts, dto, integrity, journal, members
from villagebank.ledger.access import AccessMixin
from villagebank.ledger.backup import BackupMixin
from villagebank.ledger.db import engine as dbengine
from villagebank.ledger.db import migrate
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import BookError, InvalidInput, LedgerError, NotFound, StorageError
from villagebank.ledger.integrity import IntegrityMixin
from villagebank.ledger.money import Money
from villagebank.ledger.rules import Rules


def _first(row: tuple) -> object:
    """The first value of a row (``groupby`` keys)."""
    return row[0]


class Clock:
    """System time. Tests inject a fixed clock; nothing orders entries by it."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone().replace(microsecond=0)

    def today(self) -> dt.date:
        return dt.date.today()


class FixedClock(Clock):
    def __init__(self, today: dt.date, time: dt.time = dt.time(9, 0)) -> None:
        self._today = today
        self._time = time

    def set(self, today: dt.date) -> None:
        self._today = today

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self._today, self._time).astimezone()

    def today(self) -> dt.date:
        return self._today


def _storage_error(exc: BaseException) -> StorageError | None:
    """Map SQLite's write failures to the real cause in the user's words.

    The root cause wins: after SQLite has rolled back by itself (disk full), a later error such as
    "cannot rollback - no transaction is active" would only hide it, so the chain of causes is walked
    from its first error.
    """
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    for candidate in reversed(chain):
        mapped = _storage_error_of(candidate)
        if mapped is not None:
            return mapped
    if any(isinstance(c, dbengine.TransactionLost) for c in chain):
        return StorageError(N_("the database cancelled this command part-way: it was NOT saved. Try again"),
                            reason="io")
    return None


SQLITE_IOERR_SHMSIZE = 4874


def _storage_error_of(exc: BaseException) -> StorageError | None:
    orig = getattr(exc, "orig", exc)
    text = str(orig).lower()
    extended = getattr(orig, "sqlite_errorcode", None)
    code = extended & 0xFF if isinstance(extended, int) else None  # the primary code of an extended one
    # SQLite reports a failure to grow the WAL index (-shm) as an I/O error; on a local disk its cause is
    # a full disk (found by injecting ENOSPC at every write).
    shm_full = extended == SQLITE_IOERR_SHMSIZE
    if "disk is full" in text or code == getattr(sqlite3, "SQLITE_FULL", 13) or shm_full:
        return StorageError(N_("the disk is full: this entry was NOT saved. Free some space and try again"),
                            reason="full")
    if "readonly" in text or "read-only" in text or code == getattr(sqlite3, "SQLITE_READONLY", 8):
        return StorageError(N_("the book cannot be written (the file or folder is read-only): this entry was NOT "
                               "saved"), reason="readonly")
    if "disk i/o error" in text or code == getattr(sqlite3, "SQLITE_IOERR", 10):
        return StorageError(N_("the disk reported an error while saving: this entry was NOT saved. Check the disk "
                               "or USB stick and try again"), reason="io")
    if "database is locked" in text or "busy" in text:
        return StorageError(N_("the book is busy in another program: this entry was NOT saved. Try again"),
                            reason="busy")
    return None


class BookBase:
    """The core of an open book: transactions, bank, rules, members, journal, periods, verify.

    Feature areas add their commands and queries as mixin classes (``ledger/<area>.py``) combined into
    :class:`Book` at the end of this module; they use ``_read``/``_write``/``_post`` from here.
    """

    def __init__(self, path: Path, engine: Engine, lock: dbengine.BookLock | None, *, readonly: bool,
                 user: str, clock: Clock, durable: bool = True) -> None:
        self.path = path
        self.engine = engine
        self.durable = durable
        self._lock = lock
        self.readonly = readonly
        self.user = user
        self.clock = clock
        self._rules: Rules | None = None
        with self._read() as conn:
            meta = dict(conn.execute(select(s.book_meta.c.key, s.book_meta.c.value)).all())
        self.book_id: str = meta["book_id"]
        self.created_at: str = meta.get("created_at", "")
        self.upgrade_backup: Path | None = None

    # --- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def damage_error(self) -> BookError:
        """The refusal the open gives for this book's damage (``damage``, e.g. found by ``run_deferred_checks``
        after the open), naming the newest backup to restore from."""
        damage = getattr(self, "damage", ())
        return _damaged(self.path, self.book_id, damage[0].message() if damage else "-",
                        error=damage[0].technical if damage else "")

    def __enter__(self) -> BookBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the file as a whole -----------------------------------------------------------------
    def copy_to(self, target: Path | str) -> Path:
        """A consistent copy of the whole book at ``target`` (SQLite's online backup, then fsync).

        The copy is the same book (same book id, same hash chain): an import is posted into such a copy
        and the copy then replaces the book with :meth:`adopt_file`, or is thrown away."""
        target = Path(target)
        if target.exists():
            raise BookError(N_("a file already exists at {path}; choose another name"), reason="exists",
                            path=str(target))
        raw = self.engine.raw_connection()
        try:
            dst = sqlite3.connect(target)
            try:
                raw.driver_connection.backup(dst)
            finally:
                dst.close()
        except sqlite3.Error as exc:
            target.unlink(missing_ok=True)
            raise _storage_error(exc) or BookError(N_("cannot copy the book to {path} ({error})"), reason="io",
                                                   path=str(target), error=str(exc)) from exc
        finally:
            raw.close()
        dbengine.fsync_path(target)
        return target

    def adopt_file(self, source: Path | str) -> None:
        """Replace this book's file by ``source``, a copy of this book (see :meth:`copy_to`) that has been
        worked on. Atomic (a rename): the file is wholly the old book or wholly the new one. The writer
        lock is held throughout; the copy must be closed."""
        if self.readonly:
            raise BookError(N_("this book is open read-only; nothing can be recorded"), reason="readonly")
        source = Path(source)
        if not dbengine.looks_like_sqlite(source) or _book_id_of(source) != self.book_id:
            raise BookError(N_("{path} is not a copy of this book"), reason="not_a_book", path=str(source))
        if _sidecar(source, "-wal").exists():
            raise BookError(N_("{path} is still open; close it first"), reason="in_use", path=str(source))
        self.engine.dispose()
        if _sidecar(self.path, "-wal").exists():
            self.engine = dbengine.make_engine(self.path, durable=self.durable)
            raise BookError(N_("the book is open in another program; close it there first"), reason="in_use")
        try:
            dbengine.fsync_path(source)
            source.replace(self.path)
            dbengine.fsync_path(self.path.parent)
        except OSError as exc:
            raise StorageError(N_("the book file could not be replaced ({error}); the book is as it was"),
                               reason="io", error=exc.strerror or str(exc)) from exc
        finally:
            self.engine = dbengine.make_engine(self.path, durable=self.durable)
            self._rules = None
        self.log_event("adopt", f"replaced by a worked-on copy (import); last entry {self.anchor()}")

    # --- transactions ------------------------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One command = one BEGIN IMMEDIATE transaction; disk errors become StorageError."""
        if self.readonly:
            raise BookError(N_("this book is open read-only; nothing can be recorded"), reason="readonly")
        try:
            with self.engine.connect() as conn:
                conn.execution_options(vb_write=True)
                with conn.begin():
                    yield conn
        except (OperationalError, DBAPIError) as exc:
            mapped = _storage_error(exc)
            if mapped is not None:
                raise mapped from exc
            raise
        except sqlite3.OperationalError as exc:  # pragma: no cover - raw driver errors
            mapped = _storage_error(exc)
            if mapped is not None:
                raise mapped from exc
            raise
        self._after_write()

    def _after_write(self) -> None:
        """Hook run after each committed command (backups, anchors)."""

    def _now(self) -> str:
        return self.clock.now().isoformat()

    def _post(self, conn: Connection, *, date: dt.date, kind: str, lines: list[journal.Line],
              **kw: Any) -> journal.Posted:
        self._check_clock(conn)
        return journal.post(conn, book_id=self.book_id, date=date, kind=kind, lines=lines,
                            created_at=self._now(), created_by=self.user, **kw)

    # --- the system clock (never used for ordering; entries keep the business date typed) ---------
    clock_warning: LedgerError | None = None  # set while the clock is behind the newest entry

    def _check_clock(self, conn: Connection) -> None:
        """Warn (and log once per session) when the system clock is earlier than the newest entry's time."""
        newest = conn.execute(select(s.entry.c.created_at).order_by(s.entry.c.seq.desc()).limit(1)).scalar()
        now = self.clock.now()
        try:
            behind = bool(newest) and now < dt.datetime.fromisoformat(newest)
        except (TypeError, ValueError):
            behind = False
        if not behind:
            self.clock_warning = None
            return
        from villagebank.thai import format_date

        last = dt.datetime.fromisoformat(newest)
        self.clock_warning = LedgerError(
            N_("the computer's clock ({now}) is earlier than the newest entry ({newest}): check the date and time "
               "of the computer. Entries keep their order and their dates"),
            now=f"{format_date(now.date())} {now:%H:%M}", newest=f"{format_date(last.date())} {last:%H:%M}")
        if not getattr(self, "_clock_logged", False):
            self._clock_logged = True
            self._log(conn, "clock", f"system clock {now.isoformat()} is earlier than the newest entry {newest}")

    def _check_clock_at_open(self) -> None:
        try:
            with self._write() as conn:
                self._check_clock(conn)
        except LedgerError:  # a full disk must not stop the book from opening; the warning stays
            pass

    # --- bank and rules ------------------------------------------------------------------------
    def bank(self) -> dto.BankInfo:
        with self._read() as conn:
            row = conn.execute(select(s.bank).where(s.bank.c.id == 1)).first()
        assert row is not None
        return dto.BankInfo(row.name, row.village, row.moo, row.tambon, row.amphoe, row.province,
                            row.postal_code, row.phone)

    def update_bank(self, **fields: str) -> dto.BankInfo:
        allowed = {"name", "village", "moo", "tambon", "amphoe", "province", "postal_code", "phone"}
        from villagebank.thai import normalize_text

        clean = {}
        for key, value in fields.items():
            if key not in allowed:
                raise InvalidInput(N_("unknown bank field “{name}”"), name=key)
            clean[key] = normalize_text(value or "", max_len=200, field=BANK_LABELS.get(key, key))
        if "name" in clean and not clean["name"]:
            raise InvalidInput(N_("is required"), field=BANK_LABELS["name"])
        with self._write() as conn:
            conn.execute(s.bank.update().where(s.bank.c.id == 1).values(**clean))
        return self.bank()

    @property
    def rules(self) -> Rules:
        if self._rules is None:
            with self._read() as conn:
                self._rules = _current_rules(conn)
        return self._rules

    def set_rules(self, new: Rules, reason: str = "") -> Rules:
        """Store a new version of the rules (validated; the old versions stay for the audit trail)."""
        new.validate()
        with self._write() as conn:
            conn.execute(s.rules.insert().values(changed_at=self._now(), changed_by=self.user, reason=reason,
                                                 data=new.to_json()))
            _ensure_partner_accounts(conn, new)
        self._rules = new
        return new

    def rules_history(self) -> list[tuple[str, str, str, Rules]]:
        with self._read() as conn:
            rows = conn.execute(select(s.rules).order_by(s.rules.c.id)).all()
        return [(r.changed_at, r.changed_by, r.reason, Rules.from_json(r.data)) for r in rows]

    # --- members -------------------------------------------------------------------------------
    def add_member(self, values: dict[str, Any], member_no: int | None = None) -> dto.Member:
        with self._write() as conn:
            return members.add(conn, values, now=self._now(), today=self.clock.today(), member_no=member_no)

    def edit_member(self, member_no: int, changes: dict[str, Any]) -> dto.Member:
        with self._write() as conn:
            return members.edit(conn, member_no, changes, now=self._now(), by=self.user, today=self.clock.today())

    def member(self, member_no: int) -> dto.Member:
        with self._read() as conn:
            return members.get(conn, member_no)

    def members(self, query: str = "", *, statuses: tuple[str, ...] | None = None,
                order: str = "number") -> list[dto.Member]:
        with self._read() as conn:
            return members.listing(conn, query=query, statuses=statuses, order=order)

    def possible_duplicates(self, *, first_name: str, last_name: str, citizen_id: str | None = None,
                            exclude: int | None = None) -> list[dto.Member]:
        with self._read() as conn:
            cid = members.clean_citizen_id(citizen_id) if citizen_id else None
            return members.find_duplicates(conn, citizen_id=cid, first_name=first_name, last_name=last_name,
                                           exclude=exclude)

    def committee_members(self) -> list[dto.Member]:
        """Active members with a committee role (who sign the reports), in member-number order."""
        with self._read() as conn:
            return members.committee(conn)

    def members_as_of(self, as_of: dt.date) -> list[dto.Member]:
        """Members who had joined by ``as_of``, with their status and exit date as of that day."""
        with self._read() as conn:
            return members.as_of(conn, as_of)

    def member_status_history(self, member_no: int) -> list[dto.StatusChange]:
        with self._read() as conn:
            members.get(conn, member_no)
            return members.status_history(conn, member_no)

    def member_edits(self, member_no: int) -> list[dto.MemberEdit]:
        with self._read() as conn:
            return members.edit_log(conn, member_no)

    # --- journal -------------------------------------------------------------------------------
    def reverse_entry(self, seq: int, reason: str, date: dt.date | None = None) -> int:
        """Correct entry ``seq`` by posting its mirror image with a reason; returns the new entry's number."""
        with self._write() as conn:
            return journal.reverse(conn, book_id=self.book_id, seq=seq, reason=reason,
                                   date=date or self.clock.today(), created_at=self._now(),
                                   created_by=self.user).seq

    def entry(self, seq: int) -> dto.Entry:
        with self._read() as conn:
            found = self._entries(conn, select(s.entry).where(s.entry.c.seq == seq))
        if not found:
            raise NotFound(N_("there is no entry number {seq}"), seq=seq)
        return found[0]

    def entries(self, *, start: dt.date | None = None, end: dt.date | None = None, member_no: int | None = None,
                kinds: tuple[str, ...] | None = None, limit: int | None = None) -> list[dto.Entry]:
        q = select(s.entry)
        if start:
            q = q.where(s.entry.c.date >= start)
        if end:
            q = q.where(s.entry.c.date <= end)
        if member_no is not None:
            q = q.where(s.entry.c.member_no == member_no)
        if kinds:
            q = q.where(s.entry.c.kind.in_(kinds))
        q = q.order_by(s.entry.c.seq)
        if limit:
            q = q.limit(limit)
        with self._read() as conn:
            return self._entries(conn, q)

    #: The whole journal for :meth:`journal_rows`: each posting with its entry, in number and line order.
    _JOURNAL_SQL = ("SELECT e.seq, e.date, e.kind, e.memo, e.member_no, e.reverses_seq, e.reason, "
                    "p.account, p.amount, p.member_no, p.loan_no FROM entry e JOIN posting p ON p.entry_seq = e.seq "
                    "WHERE e.date <= ? ORDER BY e.seq, p.line")

    def journal_rows(self, *, end: dt.date | None = None) -> Iterator[dto.JournalEntry]:
        """Every entry dated up to ``end``, in number order, as :class:`~villagebank.ledger.dto.JournalEntry`
        (plain values; each posting ``(account, amount in satang, member_no, loan_no)``).

        For readers of the whole journal (the workbook export): a network-scale journal (a million entries, three
        million postings) is streamed in one read transaction, one SQL statement, and no objects per posting;
        through :meth:`entries` the same is gigabytes and 13 times slower."""
        from itertools import groupby

        fromiso, entry = dt.date.fromisoformat, dto.JournalEntry
        with self._read() as conn:
            cursor = conn.connection.driver_connection.execute(
                self._JOURNAL_SQL, ((end or dt.date.max).isoformat(),))
            for _seq, group in groupby(cursor, key=_first):
                lines = list(group)
                seq, date, kind, memo, member_no, reverses_seq, reason = lines[0][:7]
                yield entry(seq, fromiso(date), kind, memo, member_no, reverses_seq, reason,
                            tuple([row[7:] for row in lines]))

    def reversing_entries(self, *, end: dt.date | None = None) -> list[tuple[int, str, int]]:
        """(seq, kind, seq of the entry it reverses) of every entry that reverses another (a correction, a reopened
        year), dated up to ``end``."""
        q = (select(s.entry.c.seq, s.entry.c.kind, s.entry.c.reverses_seq)
             .where(s.entry.c.reverses_seq.is_not(None)).order_by(s.entry.c.seq))
        if end:
            q = q.where(s.entry.c.date <= end)
        with self._read() as conn:
            return [(r.seq, r.kind, r.reverses_seq) for r in conn.execute(q)]

    def _entries(self, conn: Connection, query: Any) -> list[dto.Entry]:
        rows = conn.execute(query).all()
        if not rows:
            return []
        seqs = [r.seq for r in rows]
        lines: dict[int, list[dto.Posting]] = {}
        reversals: dict[int, int] = {}
        make, posting = dto.make, dto.Posting
        p = s.posting
        for chunk in _chunks(seqs, 5000):
            for seq, line, account, amount, member_no, loan_no in conn.execute(
                    select(p.c.entry_seq, p.c.line, p.c.account, p.c.amount, p.c.member_no, p.c.loan_no)
                    .where(p.c.entry_seq.in_(chunk)).order_by(p.c.entry_seq, p.c.line)).all():
                found = lines.get(seq)
                if found is None:
                    found = lines[seq] = []
                found.append(make(posting, line, account, Money(amount), member_no, loan_no))
            for r in conn.execute(select(s.entry.c.seq, s.entry.c.reverses_seq)
                                  .where(s.entry.c.reverses_seq.in_(chunk))):
                reversals[r.reverses_seq] = r.seq
        return [make(dto.Entry, r.seq, r.date, r.kind, r.memo, r.member_no, r.loan_no, r.meeting_id, r.receipt_no,
                     r.reverses_seq, r.reason, r.created_at, r.created_by, r.hash, tuple(lines.get(r.seq, ())),
                     reversals.get(r.seq)) for r in rows]

    def entry_count(self) -> int:
        with self._read() as conn:
            return conn.execute(select(func.count()).select_from(s.entry)).scalar() or 0

    def accounts(self) -> list[tuple[str, str, str]]:
        with self._read() as conn:
            return [(r.code, r.type, r.name) for r in conn.execute(select(s.account).order_by(s.account.c.code))]

    def add_account(self, code: str, name: str, type_: str | None = None) -> None:
        from villagebank.thai import normalize_text

        type_ = type_ or accounts.account_type_of(code)
        if type_ not in accounts.TYPES:
            raise InvalidInput(N_("unknown kind of account for “{code}”"), code=code)
        name = normalize_text(name, max_len=100, field=N_("Account name"))
        with self._write() as conn:
            if conn.execute(select(s.account.c.code).where(s.account.c.code == code)).first():
                raise InvalidInput(N_("account “{code}” already exists"), code=code)
            conn.execute(s.account.insert().values(code=code, type=type_, name=name, active=True))

    def balance(self, account: str, *, member_no: int | None = None, loan_no: int | None = None,
                as_of: dt.date | None = None) -> Money:
        """Signed balance (debit positive) of an account, optionally of one member's or loan's sub-ledger."""
        q = select(func.coalesce(func.sum(s.posting.c.amount), 0)).where(s.posting.c.account == account)
        if member_no is not None:
            q = q.where(s.posting.c.member_no == member_no)
        if loan_no is not None:
            q = q.where(s.posting.c.loan_no == loan_no)
        if as_of is not None:
            q = q.where(s.posting.c.date <= as_of)
        with self._read() as conn:
            return Money(int(conn.execute(q).scalar() or 0))

    def account_balances(self, *, as_of: dt.date | None = None, start: dt.date | None = None,
                         exclude_kinds: tuple[str, ...] = ()) -> list[dto.AccountBalance]:
        """Every account's signed balance (debit positive) over [start, as_of]; ``exclude_kinds`` leaves
        out entries of those kinds (e.g. the year-end close, for an income statement of a closed year)."""
        cond = _posting_filter(as_of, start)
        if exclude_kinds:
            cond = cond & s.posting.c.entry_seq.not_in(select(s.entry.c.seq).where(s.entry.c.kind.in_(exclude_kinds)))
        q = (select(s.account.c.code, s.account.c.type, s.account.c.name,
                    func.coalesce(func.sum(s.posting.c.amount), 0).label("bal"))
             .select_from(s.account.outerjoin(s.posting, cond))
             .group_by(s.account.c.code).order_by(s.account.c.code))
        with self._read() as conn:
            return [dto.AccountBalance(r.code, r.type, r.name, Money(int(r.bal))) for r in conn.execute(q)]

    # --- periods -------------------------------------------------------------------------------
    def lock_period(self, start: dt.date, end: dt.date, kind: str = "month", reason: str = "") -> int:
        if end < start:
            raise InvalidInput(N_("the period ends before it starts"))
        with self._write() as conn:
            return conn.execute(s.period_lock.insert().values(
                start=start, end=end, kind=kind, locked_at=self._now(), locked_by=self.user, reason=reason)
            ).inserted_primary_key[0]

    def unlock_period(self, lock_id: int, reason: str) -> None:
        if not reason.strip():
            raise InvalidInput(N_("unlocking a closed period needs a reason"), field=N_("Reason"))
        with self._write() as conn:
            row = conn.execute(select(s.period_lock).where(s.period_lock.c.id == lock_id)).first()
            if row is None or row.unlocked_at is not None:
                raise NotFound(N_("there is no closed period number {id}"), id=lock_id)
            conn.execute(s.period_lock.update().where(s.period_lock.c.id == lock_id)
                         .values(unlocked_at=self._now(), unlock_reason=reason.strip()))
            self._log(conn, "unlock", f"period {lock_id} {row.start}..{row.end}: {reason.strip()}")

    def locked_periods(self) -> list[tuple[int, dt.date, dt.date, str]]:
        with self._read() as conn:
            rows = conn.execute(select(s.period_lock).where(s.period_lock.c.unlocked_at.is_(None))
                                .order_by(s.period_lock.c.start))
            return [(r.id, r.start, r.end, r.kind) for r in rows]

    # --- integrity -----------------------------------------------------------------------------
    @contextmanager
    def _raw_connection(self) -> Iterator[sqlite3.Connection]:
        """A connection of the book's own pool (opened as the book is: read-only, immutable...), as sqlite3's."""
        pooled = self.engine.raw_connection()
        try:
            yield pooled.driver_connection
        finally:
            pooled.close()

    def verify(self) -> dto.VerifyReport:
        """Check the whole book: SQLite integrity, sequence, balance, hash chain, trial balance."""
        problems: list[journal.Problem] = []
        file_check = integrity.FileCheck(self._raw_connection)  # beside the chain: half the time
        file_check.start()
        try:
            with self._read() as conn:
                chain, count, last_hash = journal.verify_chain(conn, self.book_id)
                problems.extend(chain)
                problems.extend(journal.trial_balance_problems(conn))
                problems.extend(self._book_checks(conn))
                last = journal.last_entry(conn)
        finally:
            file_check.join()
        if file_check.error is not None:
            problems.insert(0, journal.Problem(None, "sqlite", N_("part of the file is unreadable"),
                                               (("error", str(file_check.error)),)))
        elif file_check.rows != ["ok"]:
            problems.insert(0, integrity.file_damage(file_check.rows))
        return dto.VerifyReport(not problems, count, last[0] if last else None, last_hash, tuple(problems))

    def _book_checks(self, conn: Connection) -> list[journal.Problem]:
        """Checks that the four books agree with the journal."""
        from villagebank.ledger.checks import book_problems

        return book_problems(conn)

    def anchor(self) -> str | None:
        """``seq/first-12-hex`` of the newest entry: printed on receipts and reports."""
        with self._read() as conn:
            last = journal.last_entry(conn)
        return f"{last[0]}/{last[1][:12]}" if last else None

    def log_event(self, kind: str, detail: str = "") -> None:
        if self.readonly:
            return
        with self._write() as conn:
            self._log(conn, kind, detail)

    def _log(self, conn: Connection, kind: str, detail: str) -> None:
        conn.execute(s.event_log.insert().values(at=self._now(), kind=kind, detail=detail))

    def events(self, kind: str | None = None) -> list[tuple[str, str, str]]:
        q = select(s.event_log).order_by(s.event_log.c.id)
        if kind:
            q = q.where(s.event_log.c.kind == kind)
        with self._read() as conn:
            return [(r.at, r.kind, r.detail) for r in conn.execute(q)]


from villagebank.ledger.commands import (  # noqa: E402 - the mixins need BookBase defined first
    CashCommands,
    LoanCommands,
    MeetingCommands,
    ShareCommands,
    WelfareCommands,
    YearEndCommands,
)
from villagebank.ledger.coverage import CoverageCommands  # noqa: E402
from villagebank.ledger.partners import PartnerCommands  # noqa: E402
from villagebank.ledger.subledgers import SubledgerQueries  # noqa: E402


class Book(IntegrityMixin, BackupMixin, AccessMixin, ShareCommands, LoanCommands, CashCommands, PartnerCommands,
           CoverageCommands, MeetingCommands, YearEndCommands, WelfareCommands, SubledgerQueries, BookBase):
    """An open book: the one facade. Use :func:`open_book` or :func:`create_book`; close it (or ``with``)."""

    def __enter__(self) -> Book:
        return self

    def _before_year_close(self, fy: int) -> None:
        self.backup(kind="year_close")


BANK_LABELS = {
    "name": N_("Bank name"), "village": N_("Village"), "moo": N_("Moo"), "tambon": N_("Tambon"),
    "amphoe": N_("Amphoe"), "province": N_("Province"), "postal_code": N_("Postal code"), "phone": N_("Phone"),
}


def _posting_filter(as_of: dt.date | None, start: dt.date | None) -> Any:
    cond = s.posting.c.account == s.account.c.code
    if as_of is not None:
        cond = cond & (s.posting.c.date <= as_of)
    if start is not None:
        cond = cond & (s.posting.c.date >= start)
    return cond


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _book_id_of(path: Path) -> str | None:
    # Read-write on purpose: a read-only connection to a WAL book leaves its -wal and -shm files behind.
    try:
        con = sqlite3.connect(path)
        try:
            row = con.execute("SELECT value FROM book_meta WHERE key = 'book_id'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _current_rules(conn: Connection) -> Rules:
    row = conn.execute(select(s.rules.c.data).order_by(s.rules.c.id.desc()).limit(1)).first()
    if row is None:
        raise BookError(N_("the book has no rules; it is damaged"), reason="damaged")
    return Rules.from_json(row[0])


def _ensure_partner_accounts(conn: Connection, rules: Rules) -> None:
    """Each partner has its payable account and each savings kind its liability account."""
    existing = set(conn.execute(select(s.account.c.code)).scalars())
    wanted = [(accounts.partner_payable(p.key), p.name) for p in rules.partners]
    wanted += [(accounts.savings_account(p.key), p.name) for p in rules.savings_products]
    for code, name in wanted:
        if code not in existing:
            conn.execute(s.account.insert().values(code=code, type=accounts.LIABILITY, name=name, active=True))


def _default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


# --- opening and creating -------------------------------------------------------------------------
def create_book(path: Path | str, *, name: str, village: str = "", moo: str = "", tambon: str = "",
                amphoe: str = "", province: str = "", postal_code: str = "", rules: Rules | None = None,
                user: str | None = None, clock: Clock | None = None, durable: bool = True) -> Book:
    """Create a new, empty book file at ``path`` (which must not exist) and open it."""
    from villagebank.thai import normalize_text

    path = Path(path)
    name = normalize_text(name or "", max_len=200, field=BANK_LABELS["name"])
    if not name:
        raise InvalidInput(N_("is required"), field=BANK_LABELS["name"])
    rules = (rules or Rules()).validate()
    if path.exists() and path.stat().st_size > 0:
        raise BookError(N_("a file already exists at {path}; choose another name"), reason="exists", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(N_("cannot create the folder {path} ({error})"), reason="io", path=str(path.parent),
                           error=exc.strerror or str(exc)) from exc
    clock = clock or Clock()
    lock = dbengine.BookLock(path)
    lock.acquire()
    engine = dbengine.make_engine(path, durable=durable)
    try:
        migrate.create_schema(engine)
        now = clock.now().isoformat()
        with engine.connect() as conn:
            conn.execution_options(vb_write=True)
            with conn.begin():
                conn.execute(s.book_meta.insert(), [
                    {"key": "format", "value": s.BOOK_FORMAT},
                    {"key": "book_id", "value": str(uuid.uuid4())},
                    {"key": "created_at", "value": now},
                    {"key": "app_version", "value": villagebank.__version__},
                ])
                conn.execute(s.bank.insert().values(
                    id=1, name=name, village=normalize_text(village), moo=normalize_text(moo),
                    tambon=normalize_text(tambon), amphoe=normalize_text(amphoe),
                    province=normalize_text(province), postal_code=normalize_text(postal_code), phone=""))
                conn.execute(s.rules.insert().values(changed_at=now, changed_by=user or _default_user(),
                                                     reason=N_("book created"), data=rules.to_json()))
                conn.execute(s.account.insert(), [
                    {"code": a.code, "type": a.type, "name": a.name, "active": True} for a in accounts.DEFAULT_CHART
                ])
                _ensure_partner_accounts(conn, rules)
                conn.execute(s.event_log.insert().values(at=now, kind="create", detail=villagebank.__version__))
    except BaseException:
        engine.dispose()
        lock.release()
        raise
    return Book(path, engine, lock, readonly=False, user=user if user is not None else _default_user(), clock=clock,
                durable=durable)


def open_book(path: Path | str, *, readonly: bool = False, user: str | None = None,
              clock: Clock | None = None, durable: bool = True, defer_checks: bool = False) -> Book:
    """Open an existing book: check it is a book, take the one-writer lock, run the quick check, upgrade an
    older schema (after a verified backup), refuse a newer one.

    A damaged book is refused for writing (``BookError`` reason ``damaged``, naming the newest backup in
    ``error.newest_backup``); opened with ``readonly=True`` it opens for viewing with ``book.damage`` set.
    A read-only file or folder is refused for writing (reason ``readonly``): open it read-only to view it.
    ``durable=False``: a scratch copy (see :meth:`BookBase.copy_to`), written without waiting for the disk.
    ``defer_checks=True`` (the GUI, which must show its window quickly): on a book larger than
    ``integrity.PAGE_CHECK_MAX_BYTES`` the open's checks that read the whole file are left to
    ``book.run_deferred_checks()`` (``book.deferred_checks`` is then set); the newest entries are still checked.
    """
    path = Path(path)
    clock = clock or Clock()
    if not path.exists():
        raise BookError(N_("there is no book at {path}"), reason="missing", path=str(path))
    if not dbengine.looks_like_sqlite(path):
        if _holds_a_book(path):  # a book whose first page was damaged
            raise _damaged(path, None, lazy(HEADER_DAMAGED))
        raise BookError(N_("{path} is not a villagebank book"), reason="not_a_book", path=str(path))
    if not readonly:
        _check_writable(path)
    lock = None
    if not readonly:
        lock = dbengine.BookLock(path)
        lock.acquire()
    # Viewing a cleanly closed book in a folder we cannot write: SQLite cannot make its -shm file there.
    immutable = readonly and not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists()
    engine = dbengine.make_engine(path, readonly=readonly, immutable=immutable, durable=durable)
    book_id = None
    try:
        names = migrate.table_names(engine)
        if "book_meta" not in names:
            raise BookError(N_("{path} is not a villagebank book"), reason="not_a_book", path=str(path))
        with engine.connect() as conn:
            meta = dict(conn.execute(select(s.book_meta.c.key, s.book_meta.c.value)).all())
        if meta.get("format") != s.BOOK_FORMAT:
            raise BookError(N_("{path} is not a villagebank book"), reason="not_a_book", path=str(path))
        book_id = meta.get("book_id")
        defer = defer_checks and path.stat().st_size > integrity.PAGE_CHECK_MAX_BYTES
        with engine.connect() as conn:
            damage = integrity.quick_check(conn, book_id or "", pages=not defer)
        if damage and not readonly:
            raise _damaged(path, book_id, damage[0].message(), error=damage[0].technical)
        upgrade_copy = None
        if migrate.needs_upgrade(engine):
            if readonly:
                raise BookError(N_("this book needs an upgrade; open it normally once first"), reason="upgrade")
            upgrade_copy = migrate.upgrade(engine, path, lambda: _migration_backup(engine, path, book_id, clock))
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        if lock:
            lock.release()
        raise _damaged(path, book_id, lazy(UNREADABLE), error=str(exc)) from exc
    except DBAPIError as exc:
        engine.dispose()
        if lock:
            lock.release()
        mapped = _storage_error(exc)
        if mapped is not None:
            raise mapped from exc
        raise _damaged(path, book_id, lazy(UNREADABLE), error=str(exc.orig)) from exc
    except BaseException:
        engine.dispose()
        if lock:
            lock.release()
        raise
    book = Book(path, engine, lock, readonly=readonly, user=user if user is not None else _default_user(),
                clock=clock, durable=durable)
    book.upgrade_backup = upgrade_copy
    book.damage = tuple(damage)
    book.deferred_checks = defer
    if upgrade_copy is not None:
        book.log_event("migrate", f"upgraded to {migrate.head_revision()}; verified copy at {upgrade_copy}")
    if not readonly:
        book._check_clock_at_open()
    return book


def _check_writable(path: Path) -> None:
    """Refuse to open for writing what cannot be written, before anything is shown as recorded."""
    if not os.access(path, os.W_OK):
        raise BookError(N_("the book file {path} is read-only: it can only be opened for viewing"),
                        reason="readonly", path=str(path))
    if not os.access(path.parent, os.W_OK):
        raise BookError(N_("the folder of the book ({folder}) cannot be written: the book can only be opened for "
                           "viewing. Copy it to a folder you can write to"), reason="readonly",
                        folder=str(path.parent))


def _holds_a_book(path: Path) -> bool:
    """Whether a file that no longer starts like SQLite still holds a book's marks (a damaged book)."""
    marker = s.BOOK_FORMAT.encode()
    try:
        with path.open("rb") as fp:
            tail = b""
            while chunk := fp.read(1 << 20):
                if marker in tail + chunk:
                    return True
                tail = chunk[-len(marker):]
    except OSError:
        return False
    return False


HEADER_DAMAGED = N_("the beginning of the file is unreadable")
UNREADABLE = N_("part of the file is unreadable")


def _damaged(path: Path, book_id: str | None, detail: str, error: str = "") -> BookError:
    """The refusal of a damaged book, naming the newest backup to restore from. ``error`` (SQLite's own words,
    English) is kept on the error for the log and the person helping, not put in the treasurer's message."""
    from villagebank.ledger import backup as backups
    from villagebank.thai import format_date

    newest = backups.newest_backup(path, book_id)
    if newest is not None:
        when = format_date(newest.created_at.date()) if newest.created_at else "-"
        err = BookError(N_("the book {path} is damaged ({detail}); it was not opened for recording. Restore it from "
                           "a backup: the newest is {backup}, made {date}, up to entry {anchor}"),
                        reason="damaged", path=str(path), detail=detail, backup=str(newest.path), date=when,
                        anchor=newest.anchor or "-")
    else:
        err = BookError(N_("the book {path} is damaged ({detail}); it was not opened for recording. No backup of it "
                           "was found in {folder}: restore it from a copy, e.g. on a USB stick"),
                        reason="damaged", path=str(path), detail=detail,
                        folder=str(paths.backups_dir_for(path)))
    err.newest_backup = newest  # type: ignore[attr-defined]
    err.technical = error  # type: ignore[attr-defined]
    return err


def _migration_backup(engine: Engine, path: Path, book_id: str | None, clock: Clock) -> Path:
    """The verified backup made before a schema upgrade (kind ``migration``, kept forever)."""
    from villagebank.ledger import backup as backups

    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        info = backups.make_backup(raw, folder=paths.backups_dir_for(path), stem=path.stem, kind="migration",
                                   now=clock.now(), book_id=book_id or "")
    backups.record_anchor(path, info)
    return info.path
