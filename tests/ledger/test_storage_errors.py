"""Disk full and I/O errors inside the process: the user sees the real cause, nothing is half-written, and
the same Book works again once space is freed. (Injected system-call failures: tests/reliability.)"""

import contextlib
import sqlite3

import pytest
from sqlalchemy import event

from tests.conftest import member_values
from tests.reliability.commands import deposit, split_payment
from tests.reliability.oracle import check_book, state
from villagebank.ledger import StorageError
from villagebank.ledger.book import _storage_error
from villagebank.ledger.db import schema as s

DISK_FULL_TH = "พื้นที่ดิสก์เต็ม รายการนี้ยังไม่ถูกบันทึก"


class DiskLimit:
    """Make the book's file unable to grow (SQLite's max_page_count): SQLITE_FULL, as on a full disk."""

    def __init__(self, book):
        self.book = book
        with book.engine.connect() as conn:
            self.pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def _limit(self, dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count = {self.pages}")

    def __enter__(self):
        event.listen(self.book.engine, "connect", self._limit)
        self.book.engine.dispose()
        return self

    def __exit__(self, *exc):
        event.remove(self.book.engine, "connect", self._limit)
        self.book.engine.dispose()  # space is freed


def test_a_full_disk_names_the_cause_in_thai_and_saves_nothing(book, book_path):
    deposit(book, 1000)
    before = state(book_path)
    with DiskLimit(book):
        with pytest.raises(StorageError) as info:
            for i in range(500):
                book.add_member(member_values(f"สมาชิก{i}"))
                split_payment(book, 5000, member_no=i + 1)
        assert info.value.reason == "full"
        assert str(info.value).startswith(DISK_FULL_TH)
        assert "rollback" not in str(info.value)
        after_full = state(book_path)
        with pytest.raises(StorageError):
            split_payment(book, 5000)
        assert state(book_path) == after_full  # a refused command leaves no trace
    assert check_book(book_path) == []
    assert after_full["entry"] >= before["entry"]
    seq, _ = deposit(book, 2500)  # the same Book works again once space is freed
    assert seq == after_full["entry"] + 1
    assert book.verify().ok and check_book(book_path) == []


def test_code_that_swallows_the_disk_full_error_cannot_half_write_or_falsely_succeed(book, book_path):
    before = state(book_path)
    limit = DiskLimit(book)
    with pytest.raises(StorageError) as info, limit, book._write() as conn:
        # SQLite rolls the whole transaction back by itself on SQLITE_FULL, and a careless caller that
        # swallows the error goes on: its next statement would run outside any transaction.
        with contextlib.suppress(Exception):
            conn.execute(s.event_log.insert(), [{"at": "x", "kind": "big", "detail": "ก" * 5000}] * 200)
        conn.execute(s.event_log.insert().values(at="x", kind="after", detail="must not be saved alone"))
    assert info.value.reason == "full"
    assert state(book_path) == before
    # Or it simply returns: COMMIT would then "succeed" with nothing saved.
    with pytest.raises(StorageError) as info, limit, book._write() as conn, contextlib.suppress(Exception):
        conn.execute(s.event_log.insert(), [{"at": "x", "kind": "big", "detail": "ก" * 5000}] * 200)
    assert info.value.reason == "full"
    assert not any(kind in ("big", "after") for _at, kind, _d in book.events())


def test_the_root_cause_wins_over_a_secondary_rollback_error():
    root = sqlite3.OperationalError("database or disk is full")
    try:
        try:
            raise root
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError("cannot rollback - no transaction is active") from None
    except sqlite3.OperationalError as secondary:
        secondary.__context__ = root
        mapped = _storage_error(secondary)
    assert mapped is not None and mapped.reason == "full"
    io = sqlite3.OperationalError("disk I/O error")
    io.sqlite_errorcode = 1034  # SQLITE_IOERR_FSYNC: an extended code
    assert _storage_error(io).reason == "io"
