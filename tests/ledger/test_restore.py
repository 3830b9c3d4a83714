"""Restore: the file is checked in a temporary copy, refused with the reason, shown before anything is
replaced; the replaced book is kept aside; the live book is untouched by a refused or failed restore."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.reliability.commands import add_member, deposit
from tests.reliability.oracle import check_book
from villagebank.ledger import BackupError, BookError, create_book, open_book
from villagebank.ledger import backup as bk
from villagebank.ledger.db import migrate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(book, book_path):
    """A book with 2 members and 5 entries, a backup of it, then 3 more entries; the book is closed."""
    add_member(book, 1)
    add_member(book, 2)
    for _ in range(5):
        deposit(book, 20000, member_no=1)
    info = book.backup()
    for _ in range(3):
        deposit(book, 5000, member_no=2)
    book.close()
    return info


def test_inspect_says_what_it_would_restore(saved, book_path):
    check = bk.inspect_backup(saved.path, book_path)
    assert check.ok and check.error is None
    info = check.info
    assert info.bank_name == "ธนาคารหมู่บ้านทดสอบ" and info.members == 2 and info.entries == 5
    assert info.last_seq == 5 and info.last_date is not None and info.created_at is not None
    assert not check.needs_upgrade
    assert check.current_last_seq == 8
    assert any("6" in str(w) and "8" in str(w) for w in check.warnings)  # entries 6 to 8 would go


def _refused(file, book_path, reason):
    before = digest(book_path)
    check = bk.inspect_backup(file, book_path)
    assert not check.ok and check.error.reason == reason, check.error
    assert str(check.error)  # a message in Thai for the screen
    with pytest.raises(BackupError) as info:
        bk.restore(book_path, file)
    assert info.value.reason == reason
    assert digest(book_path) == before  # the live book is untouched
    assert not list(book_path.parent.glob(".*partial*"))
    return check


def test_a_missing_file_is_refused(saved, book_path, tmp_path):
    _refused(tmp_path / "nothing.vbk", book_path, "missing")


def test_a_file_that_is_not_a_book_is_refused(saved, book_path, tmp_path):
    text = tmp_path / "notes.vbk"
    text.write_text("บันทึกการประชุม")
    _refused(text, book_path, "not_a_book")
    other = tmp_path / "other.vbk"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    _refused(other, book_path, "not_a_book")


def test_another_banks_book_is_refused_unless_allowed_on_purpose(saved, book_path, tmp_path):
    other_path = tmp_path / "other.vbk"
    with create_book(other_path, name="ธนาคารบ้านอื่น") as other:
        deposit(other, 100)
    check = _refused(other_path, book_path, "other_bank")
    assert "ธนาคารบ้านอื่น" in str(check.error)
    allowed = bk.inspect_backup(other_path, book_path, allow_other_bank=True)
    assert allowed.ok and any("ธนาคารบ้านอื่น" in str(w) for w in allowed.warnings)
    result = bk.restore(book_path, other_path, allow_other_bank=True)
    with open_book(book_path) as moved:
        assert moved.bank().name == "ธนาคารบ้านอื่น"
    assert check_book(result.aside) == []


def test_a_damaged_backup_is_refused(saved, book_path, tmp_path):
    bad = tmp_path / "bad.vbk"
    shutil.copy(saved.path, bad)
    con = sqlite3.connect(bad)
    con.execute("DROP TRIGGER posting_no_update")
    con.execute("UPDATE posting SET amount = amount + 100 WHERE entry_seq = 3 AND line = 1")
    con.commit()
    con.close()
    check = _refused(bad, book_path, "damaged")
    assert "3" in str(check.error)
    torn = tmp_path / "torn.vbk"
    data = saved.path.read_bytes()
    torn.write_bytes(data[: len(data) // 2])
    _refused(torn, book_path, "damaged")
    zeroed = tmp_path / "zeroed.vbk"
    page = 4096
    zeroed.write_bytes(data[:page * 2] + b"\x00" * page + data[page * 3:])
    check = _refused(zeroed, book_path, "damaged")
    # SQLite's own English words are the technical detail, not the treasurer's message
    assert check.error.technical and check.error.technical not in check.error.message()
    assert not any(word in check.error.message() for word in ("database", "malformed", "Page", "***"))


def test_a_backup_from_a_newer_version_is_refused(saved, book_path, tmp_path):
    newer = tmp_path / "newer.vbk"
    shutil.copy(saved.path, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = 'f00dfacef00d'")
    con.commit()
    con.close()
    _refused(newer, book_path, "newer")


def test_restore_keeps_the_replaced_book_aside_and_replaces_it_whole(saved, book_path):
    result = bk.restore(book_path, saved.path)
    assert result.aside is not None and result.aside.exists() and result.aside.parent == book_path.parent
    assert "replaced" in result.aside.name
    assert check_book(result.aside) == [] and check_book(book_path) == []
    with open_book(result.aside, readonly=True) as kept:
        assert kept.entry_count() == 8  # nothing is lost: the newer entries are in the kept book
    with open_book(book_path) as restored:
        assert restored.entry_count() == 5 and len(restored.members()) == 2
        assert restored.verify().ok
        assert any(kind == "restore" for _at, kind, _d in restored.events())
        deposit(restored, 700)  # and it records again
    assert not list(book_path.parent.glob(".*partial*"))
    assert bk.read_info(saved.path) is not None  # the backup itself is unchanged


def test_restore_is_refused_while_the_book_is_open(saved, book_path):
    before = digest(book_path)
    with open_book(book_path), pytest.raises(BookError) as info:
        bk.restore(book_path, saved.path)
    assert info.value.reason == "in_use"
    assert digest(book_path) == before


def test_restore_on_a_new_computer_where_there_is_no_book_yet(saved, tmp_path):
    target = tmp_path / "new laptop" / "book.vbk"
    result = bk.restore(target, saved.path)
    assert result.aside is None
    with open_book(target) as book:
        assert book.entry_count() == 5


def test_restoring_an_older_schema_upgrades_it_with_a_migration_backup(tmp_path):
    target = tmp_path / "book.vbk"
    check = bk.inspect_backup(FIXTURES / "book_r0001.vbk", None)
    assert check.ok and check.needs_upgrade and check.info.revision == "0001"
    bk.restore(target, FIXTURES / "book_r0001.vbk")
    with open_book(target) as book:
        assert migrate.current_revision(book.engine) == migrate.head_revision()
        assert book.upgrade_backup is not None
        assert bk.read_info(book.upgrade_backup).kind == "migration"
        assert book.verify(known=True).ok


def test_restore_drill_anchors_given_up_on_purpose_are_not_reported_as_tampering(book, book_path):
    for _ in range(3):
        deposit(book, 1000)
    old = book.backup()
    for _ in range(2):
        deposit(book, 1000)
    book.backup()  # anchor 5
    book.close()
    bk.restore(book_path, old.path)
    with open_book(book_path) as restored:
        report = restored.verify(known=True)
        assert report.ok, [p.message() for p in report.problems]
        assert report.superseded == 1 and report.anchors_checked == 1
