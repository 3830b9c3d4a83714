import sqlite3

import pytest

from tests.conftest import member_values
from villagebank.ledger import BookError, create_book, open_book
from villagebank.ledger.db import migrate


def test_new_book_has_bank_rules_and_chart(book):
    assert book.bank().name == "ธนาคารหมู่บ้านทดสอบ"
    assert book.rules.share_value == 1000
    codes = {c for c, _, _ in book.accounts()}
    assert {"cash", "loans", "shares", "fund:reserve", "payable:nsf", "income:interest"} <= codes
    assert book.verify().ok


def test_pragmas_are_applied(book):
    with book.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_reopen_keeps_data(book, book_path):
    book.add_member(member_values("สมชาย"))
    book.close()
    with open_book(book_path) as again:
        assert [m.first_name for m in again.members()] == ["สมชาย"]
        assert again.book_id == book.book_id


def test_refuses_a_file_that_is_not_a_book(tmp_path):
    text = tmp_path / "notes.vbk"
    text.write_text("hello")
    with pytest.raises(BookError) as info:
        open_book(text)
    assert info.value.reason == "not_a_book"
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(BookError) as info:
        open_book(other)
    assert info.value.reason == "not_a_book"
    with pytest.raises(BookError) as info:
        open_book(tmp_path / "missing.vbk")
    assert info.value.reason == "missing"


def test_refuses_a_book_from_a_newer_version(book, book_path):
    book.close()
    con = sqlite3.connect(book_path)
    con.execute("UPDATE alembic_version SET version_num = 'f00dfacef00d'")
    con.commit()
    con.close()
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert info.value.reason == "newer"
    assert "ใหม่กว่า" in str(info.value) or "newer" in str(info.value)


def test_refuses_a_book_open_in_another_app(book, book_path):
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert info.value.reason == "in_use"
    assert "on this computer" in info.value.template and "pid" not in str(info.value)
    # Another computer holding it (a shared folder) is named.
    book_path.with_name(book_path.name + ".lock").write_text("pid 4242 on office-pc")
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert "“office-pc”" in str(info.value) and info.value.params["computer"] == "office-pc"
    # Read-only viewing is still possible.
    with open_book(book_path, readonly=True) as viewer:
        assert viewer.bank().name == book.bank().name


def test_lock_is_released_on_close_and_a_stale_lock_file_is_harmless(book, book_path):
    book.close()
    assert book_path.with_name(book_path.name + ".lock").exists()  # left behind, like after a crash
    with open_book(book_path) as again:
        assert again.bank().name


def test_readonly_book_refuses_writes(book, book_path):
    book.close()
    with open_book(book_path, readonly=True) as ro, pytest.raises(BookError) as info:
        ro.add_member(member_values("สมชาย"))
    assert info.value.reason == "readonly"


def test_create_refuses_an_existing_file(book, book_path):
    with pytest.raises(BookError):
        create_book(book_path, name="อีกกลุ่ม")


def test_schema_is_at_head(book):
    assert migrate.current_revision(book.engine) == migrate.head_revision()


def test_a_worked_on_copy_replaces_the_book_whole(book_with_members, tmp_path):
    """copy_to + adopt_file: the import's scratch copy. The book is the old file or the new one."""
    from villagebank.ledger import BookError, Money, open_book

    book = book_with_members
    book.deposit(1, Money.baht(100))
    copy = book.copy_to(tmp_path / "scratch.vbk")
    with open_book(copy, durable=False) as scratch:
        assert scratch.book_id == book.book_id and scratch.share_balance(1) == Money.baht(100)
        scratch.deposit(2, Money.baht(200))
        with pytest.raises(BookError):
            book.adopt_file(copy)  # still open
    assert book.share_balance(2) == Money(0)
    before = book.anchor()
    book.adopt_file(copy)
    assert not copy.exists()
    assert book.share_balance(2) == Money.baht(200) and book.anchor() != before
    book.deposit(3, Money.baht(100))  # still writable, lock still held
    assert book.verify().ok
    with pytest.raises(BookError):
        open_book(book.path)
    other = tmp_path / "other.vbk"
    from villagebank.ledger import create_book

    create_book(other, name="อื่น").close()
    with pytest.raises(BookError):
        book.adopt_file(other)  # not a copy of this book
