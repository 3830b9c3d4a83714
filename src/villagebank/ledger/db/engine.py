"""Opening the SQLite file: PRAGMAs, our own BEGIN (IMMEDIATE for writes), and the one-writer lock.

pysqlite's own transaction handling is switched off (``isolation_level=None``) and SQLAlchemy's
``begin`` event emits ``BEGIN`` ourselves, the documented recipe that makes rollbacks complete. A
connection marked ``vb_write`` begins with ``BEGIN IMMEDIATE`` so a write command takes the write lock
at its start and never fails half-way on a busy database.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.util import LRUCache

from villagebank.i18n import N_
from villagebank.ledger.errors import BookError

SQLITE_HEADER = b"SQLite format 3\x00"
# One statement cache for every engine of the process (a CLI run or a test opens many books).
_COMPILED_CACHE: LRUCache = LRUCache(3000)
BUSY_TIMEOUT_MS = 5000


def make_engine(path: Path, *, readonly: bool = False, immutable: bool = False, durable: bool = True) -> Engine:
    """An engine on the book file with WAL, foreign keys and synchronous=FULL on every connection.

    ``immutable`` (read-only only) tells SQLite the file cannot change, so it needs no ``-shm`` file:
    for viewing a cleanly closed book in a read-only folder. ``durable=False`` (synchronous=OFF) is only
    for scratch copies that are thrown away on a crash and fsynced before they replace a book (an import
    works on one).
    """
    if readonly:
        url = f"sqlite:///file:{path.as_posix()}?mode=ro{'&immutable=1' if immutable else ''}&uri=true"
    else:
        url = f"sqlite:///{path.as_posix()}"
    # Read-only engines pool their connection too: a report or an export runs thousands of short reads, and
    # opening a connection (with its PRAGMAs) for each one cost more than the reads (2 ms each).
    engine = create_engine(url,
                           execution_options={"compiled_cache": _COMPILED_CACHE},
                           connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not readonly:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL" if durable else "PRAGMA synchronous=OFF")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.info.pop("vb_last_error", None)
        if conn.get_execution_options().get("vb_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    # SQLite rolls a whole transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, ...).
    # Code that caught such an error and went on would then run its next statements in autocommit
    # mode, one by one, and the final COMMIT would silently do nothing: a half-written command or a
    # false success. Refuse both, naming the error that ended the transaction.
    @event.listens_for(engine, "handle_error")
    def _remember_error(ctx) -> None:
        if ctx.connection is not None and not ctx.connection.closed:
            ctx.connection.info["vb_last_error"] = ctx.original_exception

    @event.listens_for(engine, "before_cursor_execute")
    def _guard_statement(conn, _cursor, statement, _params, _context, _many) -> None:
        if conn.get_execution_options().get("vb_write") and conn.in_transaction() \
                and statement.lstrip()[:5].upper() != "BEGIN":
            _check_still_in_transaction(conn)

    @event.listens_for(engine, "commit")
    def _guard_commit(conn) -> None:
        if conn.get_execution_options().get("vb_write"):
            _check_still_in_transaction(conn)

    return engine


def _check_still_in_transaction(conn) -> None:
    raw = conn.connection.driver_connection
    if raw is not None and not raw.in_transaction:
        raise TransactionLost(conn.info.get("vb_last_error"))


class TransactionLost(sqlite3.OperationalError):
    """SQLite ended the write transaction by itself (after ``cause``); the command was not saved."""

    def __init__(self, cause: BaseException | None) -> None:
        super().__init__(f"the transaction was rolled back by SQLite after: {cause}")
        self.cause = cause
        self.__cause__ = cause


def fsync_path(path: Path) -> None:
    """Flush a file (or, on POSIX, a folder's entries) to the disk."""
    if path.is_dir() and os.name == "nt":  # pragma: no cover - Windows cannot open folders
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fp:
            return fp.read(16) == SQLITE_HEADER
    except OSError:
        return False


class BookLock:
    """An exclusive OS lock on ``<book>.lock`` held while the book is open for writing.

    The OS releases it when the process dies, so a stale lock after a crash needs no clean-up; the file
    records who holds it (pid, host) for the message shown to a second instance.
    """

    def __init__(self, book_path: Path) -> None:
        self.path = book_path.with_name(book_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise BookError(N_("cannot create the lock file next to the book ({error})"), reason="lock",
                            error=exc.strerror or str(exc)) from exc
        try:
            _lock_fd(fd)
        except OSError:
            holder = ""
            with contextlib.suppress(OSError):
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            found = re.fullmatch(r"pid (\d+) on (.+)", holder)
            computer = found.group(2) if found else ""
            if computer and computer != socket.gethostname():
                raise BookError(N_("this book is already open in villagebank on the computer “{computer}”; close "
                                   "it there first"), reason="in_use", computer=computer) from None
            raise BookError(N_("this book is already open in another villagebank window on this computer; close "
                               "that window first (look for it in the task bar)"), reason="in_use") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            try:
                _unlock_fd(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _lock_fd(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
