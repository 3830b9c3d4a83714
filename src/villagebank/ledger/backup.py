"""Verified backups, their rotation, and restore.

A backup is made by SQLite's backup API into a hidden temporary file in the destination folder,
switched to a single self-contained file (``journal_mode=DELETE``), stamped with a ``backup_info`` table
(kind, time, book_id, bank, anchor, app version), fsynced, then opened again and checked
(``integrity_check``, the whole hash chain, the trial balance, the same book_id and anchor) and only then
renamed into place (and the folder fsynced). A backup that fails any step leaves nothing behind but a
``*.partial`` file, which is never listed and is removed by a later backup.

Automatic backups (kinds ``daily`` and ``close``) in the book's backups folder are rotated: the newest
of each of the last 7 days, 4 weeks and 12 months that have one are kept. Year-close and migration
backups, and manual ones, are kept forever.

Restore checks the offered file in a temporary copy first (a book? this bank's? undamaged? not from a
newer version?), says what it would restore, and replaces the book atomically, keeping the replaced
book aside under a timestamped name. The book must not be open (the GUI closes it first).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, create_engine
from sqlalchemy.pool import NullPool

import villagebank
from villagebank import paths
from villagebank.i18n import N_, lazy
from villagebank.ledger import integrity, journal
from villagebank.ledger.db import engine as dbengine
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import BackupError, LedgerError
from villagebank.ledger.integrity import Anchor

KINDS = ("manual", "daily", "close", "migration", "year_close")
KIND_LABELS = {"manual": N_("made by hand"), "daily": N_("daily"), "close": N_("on closing the app"),
               "migration": N_("before an upgrade"), "year_close": N_("year close")}
ROTATED_KINDS = ("daily", "close")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
INFO_TABLE = "backup_info"
_NAME_RE = re.compile(r"^(?P<stem>.+)-(?P<kind>manual|daily|close|migration|year_close)-"
                      r"(?P<ts>\d{8}-\d{6})(?:-(?P<n>\d+))?\.vbk$")
_PARTIAL_RE = re.compile(r"^\..+\.(?P<pid>\d+)\.partial(?:-journal|-wal|-shm)?$")
_STALE_PARTIAL_SECONDS = 24 * 3600


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds. ``created_at`` is None for a plain copy of a book (no backup stamp)."""

    path: Path
    kind: str
    created_at: dt.datetime | None
    book_id: str
    bank_name: str
    last_seq: int
    last_hash: str | None
    last_date: dt.date | None
    entries: int
    members: int
    revision: str | None
    app_version: str
    size: int

    @property
    def anchor(self) -> str | None:
        return f"{self.last_seq}/{self.last_hash[:12]}" if self.last_hash else None


# --- small file-system helpers ---------------------------------------------------------------------
def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable. Some file systems (FAT on USB sticks, Windows) cannot sync a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _pid_alive(pid: int) -> bool:
    if os.name == "nt":  # pragma: no cover - rely on the age there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def cleanup_partials(folder: Path) -> list[Path]:
    """Remove what interrupted backups left (``.<name>.<pid>.partial``), if their process is gone."""
    removed = []
    try:
        names = list(folder.iterdir())
    except OSError:
        return removed
    now = time.time()
    for p in names:
        m = _PARTIAL_RE.match(p.name)
        if not m:
            continue
        pid = int(m.group("pid"))
        try:
            old = now - p.stat().st_mtime > _STALE_PARTIAL_SECONDS
        except OSError:
            continue
        if (pid != os.getpid() and not _pid_alive(pid)) or old:
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p)
    return removed


def _os_error(exc: OSError, folder: Path) -> BackupError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return BackupError(N_("the backup was NOT made: the disk or USB stick is full"), reason="full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BackupError(N_("the backup was NOT made: the folder {folder} cannot be written"), reason="readonly",
                           folder=str(folder))
    return BackupError(N_("the backup was NOT made: the disk reported an error ({error})"), reason="io",
                       error=exc.strerror or str(exc))


def _sqlite_error(exc: sqlite3.Error, folder: Path) -> BackupError:
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", 0) or 0
    if "full" in text or code & 0xFF == 13 or code == 4874:  # SQLITE_IOERR_SHMSIZE: the -shm could not grow
        return BackupError(N_("the backup was NOT made: the disk or USB stick is full"), reason="full")
    if "readonly" in text or "unable to open" in text or code & 0xFF in (8, 14):
        return BackupError(N_("the backup was NOT made: the folder {folder} cannot be written"), reason="readonly",
                           folder=str(folder))
    return BackupError(N_("the backup was NOT made: the disk reported an error ({error})"), reason="io",
                       error=str(exc))


# --- reading a book file without changing it ----------------------------------------------------------
def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(path.as_posix())}?mode=ro", uri=True, check_same_thread=False)


@contextlib.contextmanager
def _ro_connection(path: Path) -> Iterator[Connection]:
    """A SQLAlchemy connection on ``path``, read-only (for the journal's verify functions)."""
    engine = create_engine("sqlite://", creator=lambda: _connect_ro(path), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _known_revisions() -> set[str]:
    from villagebank.ledger.db import migrate

    return {rev.revision for rev in migrate.script_directory().walk_revisions()}


def _facts(conn: Connection, path: Path) -> BackupInfo:
    """What the book file at ``path`` holds (raises sqlite3 errors on a damaged file)."""
    tables = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
    meta = dict(conn.exec_driver_sql("SELECT key, value FROM book_meta").all()) if "book_meta" in tables else {}
    if meta.get("format") != s.BOOK_FORMAT or "book_id" not in meta:
        raise BackupError(N_("{file} is not a villagebank book"), reason="not_a_book", file=path.name)
    stamp: dict[str, str] = {}
    if INFO_TABLE in tables:
        stamp = dict(conn.exec_driver_sql(f"SELECT key, value FROM {INFO_TABLE}").all())
    revision = None
    if "alembic_version" in tables:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    bank = conn.exec_driver_sql("SELECT name FROM bank WHERE id = 1").scalar() if "bank" in tables else ""
    last = conn.exec_driver_sql("SELECT seq, hash, date FROM entry ORDER BY seq DESC LIMIT 1").first()
    entries = conn.exec_driver_sql("SELECT count(*) FROM entry").scalar() or 0
    members = (conn.exec_driver_sql("SELECT count(*) FROM member").scalar() or 0) if "member" in tables else 0
    created = None
    with contextlib.suppress(KeyError, ValueError):
        created = dt.datetime.fromisoformat(stamp["created_at"])
    last_date = None
    if last is not None:
        with contextlib.suppress(TypeError, ValueError):
            last_date = dt.date.fromisoformat(str(last[2]))
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return BackupInfo(path=path, kind=stamp.get("kind", ""), created_at=created, book_id=meta["book_id"],
                      bank_name=bank or "", last_seq=last[0] if last else 0, last_hash=last[1] if last else None,
                      last_date=last_date, entries=entries, members=members, revision=revision,
                      app_version=stamp.get("app_version", meta.get("app_version", "")), size=size)


def read_info(path: Path) -> BackupInfo | None:
    """The facts of a backup (or book) file, without checking it; None when it is not a readable book."""
    if not dbengine.looks_like_sqlite(path):
        return None
    try:
        with _ro_connection(path) as conn:
            return _facts(conn, path)
    except Exception:  # any unreadable file is simply not listed
        return None


def examine(path: Path, *, expect_book_id: str | None = None) -> BackupInfo:
    """Check a book or backup file completely; return its facts or raise :class:`BackupError`.

    Refuses: not a book, a newer schema, SQLite damage, a broken journal (sequence, balance, hash chain,
    trial balance), or (with ``expect_book_id``) another book.
    """
    if not path.exists():
        raise BackupError(N_("there is no file {file}"), reason="missing", file=str(path))
    if not dbengine.looks_like_sqlite(path):
        raise BackupError(N_("{file} is not a villagebank book"), reason="not_a_book", file=path.name)
    # SQLite's integrity_check and the hash chain each read the whole file and take about as long (20 s each for a
    # network-scale book): the check runs in a thread on a connection of its own while this one walks the chain
    # (SQLite works without Python's lock), so the two take the time of one. Its verdict comes first.
    sqlite_check = _IntegrityCheck(path)
    sqlite_check.start()
    try:
        with _ro_connection(path) as conn:
            info = _facts(conn, path)
            if (info.revision is not None and info.revision not in _known_revisions()) or (
                    expect_book_id is not None and info.book_id != expect_book_id):
                sqlite_check.raise_damage(path)  # damage is said first; then the refusals below
                return _refuse(info, path, expect_book_id)
            problems, _count, _last = journal.verify_chain(conn, info.book_id, max_problems=5)
            problems += journal.trial_balance_problems(conn)
    except sqlite3.DatabaseError as exc:
        sqlite_check.raise_damage(path)
        raise _file_damaged(path, str(exc)) from exc
    except Exception as exc:
        orig = getattr(exc, "orig", None)
        if isinstance(orig, sqlite3.DatabaseError):
            sqlite_check.raise_damage(path)
            raise _file_damaged(path, str(orig)) from exc
        sqlite_check.join()
        raise
    sqlite_check.raise_damage(path)
    if problems:
        raise BackupError(N_("{file} is damaged: {detail}"), reason="damaged", file=path.name,
                          detail=problems[0].message())
    return info


def _refuse(info: BackupInfo, path: Path, expect_book_id: str | None) -> BackupInfo:
    if info.revision is not None and info.revision not in _known_revisions():
        raise BackupError(N_("{file} was made by a newer version of villagebank; install the newer version "
                             "to use it"), reason="newer", file=path.name)
    if expect_book_id is not None and info.book_id != expect_book_id:
        raise BackupError(N_("{file} is another book (of {bank}), not a copy of this one"),
                          reason="other_bank", file=path.name, bank=info.bank_name)
    return info


PAGE_FAULTS = N_("the check of its pages found faults")


def _file_damaged(path: Path, error: str, detail: str | None = None) -> BackupError:
    """A file SQLite finds damaged: the message in the user's words (``detail``, by default that part of it is
    unreadable); SQLite's own English words (``error``) kept as ``technical`` for the log and the person helping."""
    from villagebank.ledger.book import UNREADABLE

    exc = BackupError(N_("{file} is damaged ({detail})"), reason="damaged", file=path.name,
                      detail=detail if detail is not None else lazy(UNREADABLE))
    exc.technical = error  # type: ignore[attr-defined]
    return exc


class _IntegrityCheck(integrity.FileCheck):
    """:class:`~villagebank.ledger.integrity.FileCheck` of a backup or book file: :meth:`raise_damage` waits for
    its verdict and refuses a damaged file."""

    def __init__(self, path: Path) -> None:
        super().__init__(lambda: contextlib.closing(_connect_ro(path)))

    def raise_damage(self, path: Path) -> None:
        self.join()
        if self.error is not None:
            raise _file_damaged(path, str(self.error)) from self.error
        if self.rows != ["ok"]:
            raise _file_damaged(path, "; ".join(self.rows[:3]), lazy(PAGE_FAULTS))


# --- making a backup ----------------------------------------------------------------------------------
def backup_name(stem: str, kind: str, when: dt.datetime, folder: Path) -> str:
    base = f"{stem}-{kind}-{when:%Y%m%d-%H%M%S}"
    name, n = f"{base}.vbk", 1
    while (folder / name).exists():
        n += 1
        name = f"{base}-{n}.vbk"
    return name


def _snapshot(source: sqlite3.Connection, target: Path, stamp: dict[str, str] | None) -> None:
    """Copy ``source`` (one consistent read) into ``target`` as a single-file book, stamped, fsynced."""
    dst = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.execute("PRAGMA synchronous=FULL")
        dst.execute("BEGIN IMMEDIATE")
        dst.execute(f"DROP TABLE IF EXISTS {INFO_TABLE}")
        if stamp is not None:
            last = dst.execute("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1").fetchone()
            stamp = {**stamp, "last_seq": str(last[0] if last else 0), "last_hash": last[1] if last else ""}
            dst.execute(f"CREATE TABLE {INFO_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            dst.executemany(f"INSERT INTO {INFO_TABLE} (key, value) VALUES (?, ?)", sorted(stamp.items()))
        dst.execute("COMMIT")
    finally:
        dst.close()
    _fsync_file(target)


def make_backup(source: sqlite3.Connection, *, folder: Path, stem: str, kind: str, now: dt.datetime,
                book_id: str) -> BackupInfo:
    """The verified backup procedure on an open SQLite connection to the book (see the module doc)."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    cleanup_partials(folder)
    name = backup_name(stem, kind, now, folder)
    final = folder / name
    tmp = folder / f".{name}.{os.getpid()}.partial"
    stamp = {"kind": kind, "created_at": now.isoformat(), "book_id": book_id,
             "app_version": villagebank.__version__, "source": stem}
    try:
        try:
            _snapshot(source, tmp, stamp)
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, folder) from exc
        except OSError as exc:
            raise _os_error(exc, folder) from exc
        try:
            info = examine(tmp, expect_book_id=book_id)
        except BackupError as exc:
            failed = BackupError(N_("the backup was NOT made: the copy did not pass its check ({detail})"),
                                 reason="verify", detail=exc.message().replace(tmp.name, name))
            failed.technical = getattr(exc, "technical", "")  # type: ignore[attr-defined]
            raise failed from exc
        with _ro_connection(tmp) as conn:
            recorded = dict(conn.exec_driver_sql(f"SELECT key, value FROM {INFO_TABLE}").all())
        if recorded.get("last_seq") != str(info.last_seq) or recorded.get("last_hash") != (info.last_hash or ""):
            raise BackupError(N_("the backup was NOT made: the copy did not pass its check ({detail})"),
                              reason="verify", detail="anchor")
        try:
            os.replace(tmp, final)
        except OSError as exc:
            raise _os_error(exc, folder) from exc
        _fsync_dir(folder)
    except BaseException:
        _remove(tmp)
        raise
    return BackupInfo(**{**info.__dict__, "path": final})


def record_anchor(book_path: Path, info: BackupInfo) -> None:
    """Append the backup's anchor to the anchors log beside the book's backups (best effort)."""
    if not info.last_hash:
        return
    with contextlib.suppress(OSError):
        integrity.append_log(integrity.anchors_log_path(book_path), {
            "type": "anchor", "book_id": info.book_id, "seq": info.last_seq, "hash": info.last_hash,
            "at": info.created_at.isoformat() if info.created_at else "", "kind": info.kind,
            "file": str(info.path)})


def backup(book: Any, dest_dir: Path | str | None = None, kind: str = "manual") -> BackupInfo:
    """Make a verified backup of the open ``book``; into ``dest_dir`` (e.g. a USB stick) or, by default, the
    book's backups folder. Automatic kinds (``daily``, ``close``) rotate the backups folder afterwards.

    Raises :class:`BackupError` (reason ``full``/``readonly``/``io``/``verify``); the book is never changed
    by a failed backup.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    default = paths.backups_dir_for(book.path)
    folder = Path(dest_dir) if dest_dir is not None else default
    with book.engine.connect() as conn:
        raw = conn.connection.driver_connection
        info = make_backup(raw, folder=folder, stem=book.path.stem, kind=kind, now=book.clock.now(),
                           book_id=book.book_id)
    record_anchor(book.path, info)
    with contextlib.suppress(LedgerError):
        book.log_event("backup", f"{kind} {info.path} anchor {info.anchor}")
    if kind in ROTATED_KINDS and folder.resolve() == default.resolve():
        rotate(folder, book.path.stem)
    return info


# --- rotation -------------------------------------------------------------------------------------------
def parse_backup_name(name: str) -> tuple[str, str, dt.datetime] | None:
    """``(stem, kind, time)`` from a backup's file name, or None."""
    m = _NAME_RE.match(name)
    if not m:
        return None
    try:
        when = dt.datetime.strptime(m.group("ts"), "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return m.group("stem"), m.group("kind"), when


def rotate(folder: Path, stem: str, *, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY,
           keep_monthly: int = KEEP_MONTHLY) -> list[Path]:
    """Delete automatic backups of ``stem`` beyond the newest per day (7), ISO week (4) and month (12).

    Each rule walks the backups newest first and keeps the newest of each new day/week/month until it has
    kept its count (as ``borg prune`` does); a backup kept by any rule stays. Returns the removed files.
    """
    items: list[tuple[dt.datetime, str, Path]] = []
    try:
        files = list(folder.iterdir())
    except OSError:
        return []
    for f in files:
        parsed = parse_backup_name(f.name)
        if parsed and parsed[0] == stem and parsed[1] in ROTATED_KINDS:
            items.append((parsed[2], f.name, f))
    items.sort(reverse=True)
    rules: list[tuple[int, Callable[[dt.datetime], object]]] = [
        (keep_daily, lambda t: t.date()),
        (keep_weekly, lambda t: tuple(t.isocalendar())[:2]),
        (keep_monthly, lambda t: (t.year, t.month)),
    ]
    keep: set[Path] = set()
    for count, bucket in rules:
        seen: list[object] = []
        for when, _name, f in items:
            b = bucket(when)
            if b in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(b)
            keep.add(f)
    removed = []
    for _when, _name, f in items:
        if f not in keep:
            with contextlib.suppress(OSError):
                f.unlink()
                removed.append(f)
    return removed


def list_backups(folder: Path, *, book_id: str | None = None) -> list[BackupInfo]:
    """The backups (and book copies) in ``folder``, newest first; ``book_id`` keeps one book's only."""
    found = []
    try:
        files = sorted(folder.iterdir())
    except OSError:
        return []
    for f in files:
        if f.name.startswith(".") or f.suffix != paths.BOOK_SUFFIX or not f.is_file():
            continue
        info = read_info(f)
        if info is None or (book_id is not None and info.book_id != book_id):
            continue
        found.append(info)
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    found.sort(key=lambda i: (i.created_at or epoch, i.last_seq), reverse=True)
    return found


def newest_backup(book_path: Path, book_id: str | None = None) -> BackupInfo | None:
    """The newest backup of the book in its backups folder (for the "restore from a backup" prompt)."""
    items = list_backups(paths.backups_dir_for(book_path), book_id=book_id)
    return items[0] if items else None


# --- restore ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RestoreCheck:
    """The verdict on a file offered for restore. When ``ok`` is False, ``error`` says why (refused).

    ``info`` is what it would restore; ``warnings`` are shown before asking (another bank's book allowed
    on purpose, newer entries in the current book that the backup lacks, a divergence).
    """

    file: Path
    ok: bool
    error: BackupError | None
    info: BackupInfo | None
    warnings: tuple[LedgerError, ...] = ()
    needs_upgrade: bool = False
    current_book_id: str | None = None
    current_last_seq: int | None = None


@dataclass(frozen=True)
class RestoreResult:
    book_path: Path
    aside: Path | None  # the replaced book, kept under a timestamped name
    check: RestoreCheck


def _current_facts(current: Any) -> tuple[str | None, int | None, Path | None]:
    if current is None:
        return None, None, None
    if isinstance(current, (str, Path)):
        path = Path(current)
        info = read_info(path) if path.exists() else None
        return (info.book_id, info.last_seq, path) if info else (None, None, path if path.exists() else None)
    last = current.anchor()
    return current.book_id, int(last.split("/")[0]) if last else 0, Path(current.path)


def _hash_at(path: Path, seq: int) -> str | None:
    try:
        with _ro_connection(path) as conn:
            return conn.exec_driver_sql("SELECT hash FROM entry WHERE seq = ?", (seq,)).scalar()
    except Exception:  # a damaged current book: no comparison
        return None


def inspect_backup(file: Path | str, current: Any = None, *, allow_other_bank: bool = False) -> RestoreCheck:
    """Check ``file`` in a temporary copy; say what it would restore over ``current`` (a Book, a book path or
    None). Refuses (``ok`` False): missing, not a book, damaged, newer version, another bank's book (unless
    ``allow_other_bank``, e.g. moving to a new laptop; then a warning)."""
    from villagebank.ledger.db import migrate

    file = Path(file)
    cur_id, cur_last, cur_path = _current_facts(current)
    tmpdir = Path(tempfile.mkdtemp(prefix="villagebank-restore-"))
    try:
        copy = tmpdir / (file.name or "candidate.vbk")  # the user's file name: the refusals below name it
        try:
            if not file.is_file():
                raise BackupError(N_("there is no file {file}"), reason="missing", file=str(file))
            shutil.copyfile(file, copy)
            wal = Path(f"{file}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
            info = examine(copy)
        except BackupError as exc:
            return RestoreCheck(file, False, exc, None, current_book_id=cur_id, current_last_seq=cur_last)
        except OSError as exc:
            return RestoreCheck(file, False, BackupError(N_("{file} cannot be read ({error})"), reason="io",
                                                         file=file.name, error=exc.strerror or str(exc)),
                                None, current_book_id=cur_id, current_last_seq=cur_last)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    info = BackupInfo(**{**info.__dict__, "path": file})
    warnings: list[LedgerError] = []
    if cur_id is not None and info.book_id != cur_id:
        if not allow_other_bank:
            err = BackupError(N_("{file} is the book of another bank ({bank}), not a copy of this book; it was "
                                 "refused. To move a book to a new computer, restore it on purpose as another "
                                 "bank's book"), reason="other_bank", file=file.name, bank=info.bank_name)
            return RestoreCheck(file, False, err, info, current_book_id=cur_id, current_last_seq=cur_last)
        warnings.append(LedgerError(N_("this is the book of another bank ({bank}): it will replace the current "
                                       "book completely"), bank=info.bank_name))
    elif cur_id is not None and cur_last is not None:
        if cur_last > info.last_seq:
            warnings.append(LedgerError(N_("the current book has entries {first} to {last} that this backup does "
                                           "not have: they will no longer be in the book (the replaced book is "
                                           "kept aside)"), first=info.last_seq + 1, last=cur_last))
        if info.last_seq and cur_path is not None and cur_last >= info.last_seq:
            at = _hash_at(cur_path, info.last_seq)
            if at is not None and at != info.last_hash:
                warnings.append(LedgerError(N_("the current book and this backup differ at entry {seq}: one of "
                                               "them was changed"), seq=info.last_seq))
    needs_upgrade = info.revision != migrate.head_revision()
    return RestoreCheck(file, True, None, info, tuple(warnings), needs_upgrade, cur_id, cur_last)


def restore(book_path: Path | str, file: Path | str, *, allow_other_bank: bool = False,
            clock: Any = None) -> RestoreResult:
    """Replace the book at ``book_path`` by the backup ``file`` after checking it (see :func:`inspect_backup`).

    The replaced book is kept aside as ``<stem>-replaced-<time>.vbk``; the book is replaced by one atomic
    rename, so at every moment there is a complete book at ``book_path``. A refused or failed restore
    leaves the book untouched. The book must not be open for writing anywhere (``BookError`` in_use).
    """
    from villagebank.ledger.book import Clock

    book_path, file = Path(book_path), Path(file)
    clock = clock or Clock()
    check = inspect_backup(file, book_path, allow_other_bank=allow_other_bank)
    if not check.ok:
        assert check.error is not None
        raise check.error
    assert check.info is not None
    folder = book_path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    lock = dbengine.BookLock(book_path)
    lock.acquire()
    cleanup_partials(folder)  # what an interrupted restore left
    tmp = folder / f".{book_path.name}.restore.{os.getpid()}.partial"
    now = clock.now()
    try:
        try:
            src = _connect_ro(file)
            try:
                _snapshot(src, tmp, None)
            finally:
                src.close()
            con = sqlite3.connect(tmp, isolation_level=None)
            try:
                con.execute("INSERT INTO event_log (at, kind, detail) VALUES (?, 'restore', ?)",
                            (now.isoformat(), f"restored from {file} (anchor {check.info.anchor})"))
            finally:
                con.close()
            _fsync_file(tmp)
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, folder) from exc
        except OSError as exc:
            raise _os_error(exc, folder) from exc
        info = examine(tmp, expect_book_id=check.info.book_id)
        aside = _set_aside(book_path, now) if book_path.exists() else None
        try:
            os.replace(tmp, book_path)
        except OSError as exc:
            raise _os_error(exc, folder) from exc
        _fsync_dir(folder)
    except BaseException:
        _remove(tmp)
        lock.release()
        raise
    try:
        _record_restore(book_path, info, file, aside, now)
    finally:
        lock.release()
    return RestoreResult(book_path, aside, check)


def _set_aside(book_path: Path, now: dt.datetime) -> Path:
    """Keep the current book under a timestamped name (a hard link, so the book never disappears)."""
    with contextlib.suppress(sqlite3.Error):  # fold its WAL in so the kept file is complete by itself
        con = sqlite3.connect(book_path, isolation_level=None)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()
    aside = book_path.with_name(f"{book_path.stem}-replaced-{now:%Y%m%d-%H%M%S}{book_path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = book_path.with_name(f"{book_path.stem}-replaced-{now:%Y%m%d-%H%M%S}-{n}{book_path.suffix}")
    try:
        os.link(book_path, aside)
    except OSError:
        shutil.copy2(book_path, aside)
        _fsync_file(aside)
    for suffix in ("-wal", "-journal"):
        side = Path(f"{book_path}{suffix}")
        if side.exists():  # could not be folded in (damaged book): keep it with the replaced book
            os.replace(side, Path(f"{aside}{suffix}"))
    with contextlib.suppress(FileNotFoundError):
        Path(f"{book_path}-shm").unlink()
    _fsync_dir(book_path.parent)
    return aside


def _record_restore(book_path: Path, info: BackupInfo, file: Path, aside: Path | None, now: dt.datetime) -> None:
    """Note in the anchors log which recorded anchors the restored book gave up on purpose."""
    log = integrity.anchors_log_path(book_path)
    anchors, _ = integrity.logged_anchors(log, info.book_id)
    for other in list_backups(paths.backups_dir_for(book_path), book_id=info.book_id):
        if other.last_hash:
            anchors.append(Anchor(other.last_seq, other.last_hash, other.path.name))
    superseded: set[tuple[int, str]] = set()
    try:
        with _ro_connection(book_path) as conn:
            for a in anchors:
                if integrity.check_anchors(conn, [a]):
                    superseded.add((a.seq, a.hash[:12]))
    except Exception:  # the log is an aid; the restore itself is done
        return
    with contextlib.suppress(OSError):
        integrity.append_log(log, {"type": "restore", "book_id": info.book_id, "at": now.isoformat(),
                                   "file": str(file), "aside": str(aside) if aside else "",
                                   "restored": info.anchor or "", "superseded": sorted(map(list, superseded))})


# --- the Book side -----------------------------------------------------------------------------------------
class BackupMixin:
    """``book.backup(...)`` and ``book.backups()``."""

    def backup(self, dest_dir: Path | str | None = None, kind: str = "manual") -> BackupInfo:
        return backup(self, dest_dir, kind)

    def backups(self) -> list[BackupInfo]:
        book: Any = self
        return list_backups(paths.backups_dir_for(book.path), book_id=book.book_id)
