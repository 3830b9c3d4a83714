"""Verified backups: the procedure, the stamp, the anchors log, failures, rotation over simulated days."""

import datetime as dt
import json
import sqlite3

import pytest

from tests.reliability.commands import deposit
from tests.reliability.oracle import check_book, state
from villagebank import paths
from villagebank.ledger import BackupError, FixedClock, create_book
from villagebank.ledger import backup as bk
from villagebank.ledger.integrity import anchors_log_path


def _deposits(book, n=3, amount=10000):
    for _ in range(n):
        deposit(book, amount)


def test_a_backup_is_a_verified_single_file_stamped_with_its_anchor(book, book_path):
    _deposits(book, 4)
    info = book.backup()
    assert info.path.parent == paths.backups_dir_for(book_path)
    assert info.path.name == "book-manual-20250103-090000.vbk"
    assert info.kind == "manual" and info.last_seq == 4 and info.entries == 4
    assert info.anchor == book.anchor() and info.bank_name == book.bank().name
    assert info.book_id == book.book_id and info.created_at == book.clock.now()
    # One self-contained file: no WAL, no journal, no temporary file left.
    assert sorted(p.name for p in info.path.parent.iterdir()) == ["anchors.jsonl", info.path.name]
    con = sqlite3.connect(info.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    stamp = dict(con.execute("SELECT key, value FROM backup_info"))
    con.close()
    assert stamp["last_seq"] == "4" and stamp["last_hash"] == info.last_hash and stamp["kind"] == "manual"
    assert check_book(info.path) == []
    assert bk.examine(info.path, expect_book_id=book.book_id).last_hash == info.last_hash
    assert any(kind == "backup" for _at, kind, _d in book.events())


def test_a_backup_to_a_chosen_folder_records_its_anchor_beside_the_books_backups(book, book_path, tmp_path):
    _deposits(book, 2)
    usb = tmp_path / "usb stick" / "ธนาคาร"
    info = book.backup(usb)
    assert info.path.parent == usb and info.path.exists()
    records = [json.loads(line) for line in anchors_log_path(book_path).read_text().splitlines()]
    assert records[-1]["seq"] == 2 and records[-1]["hash"] == info.last_hash
    assert records[-1]["file"] == str(info.path) and records[-1]["book_id"] == book.book_id
    assert [b.path for b in bk.list_backups(usb)] == [info.path]


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(book):
    first, second = book.backup(), book.backup()
    assert first.path != second.path and first.path.exists() and second.path.exists()


def test_a_backup_that_fails_its_check_leaves_nothing_and_the_book_untouched(book, book_path, monkeypatch):
    _deposits(book, 3)
    before = state(book_path)

    def broken(path, **kw):
        raise BackupError("{file} is damaged ({detail})", reason="damaged", file=path.name, detail="test")

    monkeypatch.setattr(bk, "examine", broken)
    with pytest.raises(BackupError) as info:
        book.backup()
    assert info.value.reason == "verify"
    assert "ไม่ได้" in str(info.value)  # "the backup was NOT made" in Thai
    folder = paths.backups_dir_for(book_path)
    assert [p.name for p in folder.iterdir()] == []
    assert state(book_path) == before and check_book(book_path) == []
    deposit(book, 500)  # the book goes on working


def test_an_unwritable_destination_is_refused_with_the_reason(book, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(BackupError) as info:
        book.backup(blocker)
    assert info.value.reason in ("readonly", "io")


def test_what_a_killed_backup_left_is_never_listed_and_is_cleaned_by_the_next(book, book_path):
    folder = paths.backups_dir_for(book_path)
    folder.mkdir(parents=True)
    dead_pid = 2 ** 22 + 12345  # above pid_max: no such process
    leftover = folder / f".book-manual-20250101-090000.vbk.{dead_pid}.partial"
    leftover.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert bk.list_backups(folder) == []
    book.backup()
    assert not leftover.exists()


def test_a_read_only_book_can_be_backed_up(book, book_path):
    from villagebank.ledger import open_book

    _deposits(book, 2)
    with open_book(book_path, readonly=True) as viewer:
        info = viewer.backup()
    assert info.last_seq == 2 and check_book(info.path) == []


# --- rotation ---------------------------------------------------------------------------------------
def _touch(folder, stem, kind, when):
    p = folder / f"{stem}-{kind}-{when:%Y%m%d-%H%M%S}.vbk"
    p.write_bytes(b"")
    return p


def _expected_keep(times, daily=7, weekly=4, monthly=12):
    """An independent statement of the policy: newest first, newest per day/week/month, N of each."""
    keep = set()
    for count, key in ((daily, lambda t: t.date()), (weekly, lambda t: t.isocalendar()[:2]),
                       (monthly, lambda t: (t.year, t.month))):
        buckets = {}
        for t in sorted(times, reverse=True):
            buckets.setdefault(key(t), t)
        keep |= set(sorted(buckets.values(), reverse=True)[:count])
    return keep


def test_rotation_over_two_years_of_simulated_days(tmp_path):
    import random

    rnd = random.Random(8)
    folder = tmp_path / "backups"
    folder.mkdir()
    day = dt.datetime(2024, 1, 1, 17, 0)
    forever = []
    made = []
    for _ in range(730):
        day += dt.timedelta(days=1)
        if rnd.random() < 0.4:  # the laptop is not used every day
            continue
        for k in range(rnd.choice((1, 1, 2, 3))):  # opened and closed more than once some days
            when = day + dt.timedelta(minutes=37 * k)
            made.append(when)
            _touch(folder, "book", "close", when)
            bk.rotate(folder, "book")
        if day.month == 12 and day.day == 31:
            forever.append(_touch(folder, "book", "year_close", day))
        if rnd.random() < 0.01:
            forever.append(_touch(folder, "book", "migration", day))
        if made:  # pruning day by day keeps what the policy says about the whole history
            left = {bk.parse_backup_name(p.name)[2] for p in folder.iterdir()
                    if bk.parse_backup_name(p.name)[1] == "close"}
            assert left == _expected_keep(made)
    kept = sorted(bk.parse_backup_name(p.name)[2] for p in folder.iterdir()
                  if bk.parse_backup_name(p.name)[1] == "close")
    assert set(kept) == _expected_keep(made)
    assert len(kept) <= 7 + 4 + 12
    assert kept[-1] == made[-1]  # the newest is always kept
    days = sorted({t.date() for t in made}, reverse=True)[:7]
    assert {t.date() for t in kept} >= set(days)  # the last 7 days used each have one
    months = sorted({(t.year, t.month) for t in made}, reverse=True)[:12]
    assert {(t.year, t.month) for t in kept} >= set(months)  # and the last 12 months
    assert all(p.exists() for p in forever)  # year-close and migration backups are kept forever


def test_rotation_keeps_manual_backups_and_other_books(tmp_path):
    folder = tmp_path
    when = dt.datetime(2025, 1, 1, 9)
    manual = _touch(folder, "book", "manual", when)
    other = _touch(folder, "other", "close", when)
    for i in range(40):
        _touch(folder, "book", "close", when + dt.timedelta(days=i))
    bk.rotate(folder, "book")
    assert manual.exists() and other.exists()
    kept = sorted(p.name[11:19] for p in folder.iterdir() if p.name.startswith("book-close"))
    # 7 days (3-9 Feb), the newest of 3 older weeks (2 Feb, 26 Jan, 19 Jan), of January (31 Jan).
    assert kept == ["20250119", "20250126", "20250131", "20250202", "20250203", "20250204", "20250205",
                    "20250206", "20250207", "20250208", "20250209"]


def test_real_backups_on_closing_over_simulated_weeks_all_restore(tmp_path):
    clock = FixedClock(dt.date(2025, 1, 1))
    path = tmp_path / "book.vbk"
    with create_book(path, name="ธนาคารทดสอบ", clock=clock) as book:
        for day in range(45):
            clock.set(dt.date(2025, 1, 1) + dt.timedelta(days=day))
            deposit(book, 1000 + day)
            book.backup(kind="close")
        year_end = book.backup(kind="year_close")
        backups = book.backups()
    closes = [b for b in backups if b.kind == "close"]
    assert len(closes) == len(_expected_keep([b.created_at.replace(tzinfo=None) for b in closes]))
    assert 7 <= len(closes) <= 7 + 4 + 12
    assert year_end.path in {b.path for b in backups}
    for b in backups:  # every kept backup restores and verifies
        check = bk.inspect_backup(b.path, path)
        assert check.ok, check.error
        assert check_book(b.path) == []
    assert max(b.last_seq for b in closes) == 45
