"""Anchors catch what the chain cannot (newest entries deleted, whole chain recomputed); the quick check
at open refuses a damaged book for writing and names the newest backup; damaged files of every kind."""

import datetime as dt
import json
import random
import re
import sqlite3
import time

import pytest

from tests.reliability.commands import add_member, deposit
from tests.reliability.oracle import check_book
from villagebank.ledger import BookError, InvalidInput, open_book
from villagebank.ledger import journal as j
from villagebank.ledger.integrity import Anchor, parse_anchor, quick_check


def raw(path):
    con = sqlite3.connect(path)
    for t in ("entry", "posting"):
        for a in ("update", "delete"):
            con.execute(f"DROP TRIGGER IF EXISTS {t}_no_{a}")
    return con


def recompute_chain(path, book_id):
    """What a careful forger does after editing: recompute every hash so that the chain verifies."""
    con = raw(path)
    prev = j.genesis_hash(book_id)
    cols = ", ".join(j.ENTRY_COLUMNS)
    for row in con.execute(f"SELECT {cols} FROM entry ORDER BY seq").fetchall():
        lines = con.execute("SELECT line, account, member_no, loan_no, amount, date FROM posting "
                            "WHERE entry_seq = ? ORDER BY line", (row[0],)).fetchall()
        digest = j.compute_hash(prev, row, lines)
        con.execute("UPDATE entry SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, row[0]))
        prev = digest
    con.commit()
    con.close()


@pytest.fixture
def ten(book):
    for i in range(10):
        deposit(book, 10000 + i)
    return book


# --- anchors ---------------------------------------------------------------------------------------
def test_parse_anchor_from_a_receipt():
    assert parse_anchor("125/D475E1B32CA1") == Anchor(125, "d475e1b32ca1")
    assert parse_anchor(" ๑๒๕ / d475e1b3 ").seq == 125
    for bad in ("125", "125/xyz", "125/d475", "/d475e1b32ca1", "-1/d475e1b32ca1", "12/" + "a" * 65):
        with pytest.raises(InvalidInput):
            parse_anchor(bad)


def test_deleting_the_newest_entries_passes_the_chain_but_not_the_anchors(ten, book_path):
    ten.backup()  # anchor 10
    receipt = ten.anchor()
    con = raw(book_path)
    con.execute("DELETE FROM posting WHERE entry_seq > 7")
    con.execute("DELETE FROM entry WHERE seq > 7")
    con.commit()
    con.close()
    assert ten.verify().ok  # the chain alone cannot see a cut tail
    report = ten.verify(known=True)
    assert not report.ok
    assert [p.code for p in report.problems] == ["anchor_deleted"]
    with_receipt = ten.verify([parse_anchor(receipt)])
    assert [p.code for p in with_receipt.problems] == ["anchor_deleted"]
    message = with_receipt.problems[0].message()
    assert "7" in message and "10" in message


def test_a_recomputed_chain_passes_verify_but_not_the_anchors(ten, book_path):
    printed = ten.entry(4).hash[:12]
    ten.backup()
    con = raw(book_path)
    con.execute("UPDATE posting SET amount = 999999 WHERE entry_seq = 3 AND line = 1")
    con.execute("UPDATE posting SET amount = -999999 WHERE entry_seq = 3 AND line = 2")
    con.commit()
    con.close()
    recompute_chain(book_path, ten.book_id)
    assert ten.verify().ok  # balanced, gap-free, chain consistent: only an anchor kept elsewhere shows it
    report = ten.verify(known=True)
    assert [(p.seq, p.code) for p in report.problems] == [(10, "anchor_mismatch")]
    assert "rewritten" in report.problems[0].template
    typed = ten.verify([Anchor(4, printed)])  # the hash printed on the receipt of entry 4
    assert [(p.seq, p.code) for p in typed.problems] == [(4, "anchor_mismatch")]


def test_anchors_come_from_the_log_and_from_the_backup_files(ten, book_path):
    info = ten.backup()
    log = book_path.parent / "backups" / "book" / "anchors.jsonl"
    log.unlink()  # the log is gone: the backup file itself still holds the anchor
    anchors, _ = ten.known_anchors()
    assert [(a.seq, a.hash) for a in anchors] == [(10, info.last_hash)]
    info.path.unlink()  # and the other way round: the log keeps the anchor of a deleted backup
    second = ten.backup()
    second.path.unlink()
    anchors, _ = ten.known_anchors()
    assert [(a.seq, a.hash, a.source) for a in anchors] == [(10, info.last_hash, second.path.name)]


def test_a_torn_last_line_of_the_anchors_log_is_skipped(ten, book_path):
    ten.backup()
    log = book_path.parent / "backups" / "book" / "anchors.jsonl"
    with log.open("a") as fp:
        fp.write('{"type": "anchor", "seq": 9')
    anchors, _ = ten.known_anchors()
    assert {a.seq for a in anchors} == {10}
    assert json.loads(log.read_text().splitlines()[0])["seq"] == 10


# --- the quick check at open and damaged books ----------------------------------------------------------
def _damage_and_open(book_path, damage):
    damage(book_path)
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert info.value.reason == "damaged"
    return info.value


def test_a_damaged_book_is_refused_for_writing_naming_the_newest_backup(ten, book_path):
    newest = ten.backup()
    deposit(ten, 5)
    ten.close()
    con = raw(book_path)
    con.execute("UPDATE posting SET amount = amount + 1 WHERE entry_seq = 11 AND line = 1")
    con.commit()
    con.close()
    err = _damage_and_open(book_path, lambda p: None)
    assert err.newest_backup.path == newest.path
    text = str(err)
    assert newest.path.name in text and "10/" in text
    with open_book(book_path, readonly=True) as viewer:  # viewing is still possible
        assert {p.seq for p in viewer.damage} == {11}
        assert viewer.readonly and viewer.entry_count() == 11
        with pytest.raises(BookError):
            deposit(viewer, 1)


def test_no_backup_message_says_where_it_looked(ten, book_path):
    ten.close()
    con = raw(book_path)
    con.execute("DELETE FROM posting WHERE entry_seq = 10")
    con.commit()
    con.close()
    err = _damage_and_open(book_path, lambda p: None)
    assert err.newest_backup is None and "backups" in str(err)


def _checkpointed(book):
    path = book.path
    book.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def test_broken_header_truncation_and_a_zeroed_page_are_refused(book, tmp_path):
    for i in range(60):
        add_member(book, i)
        deposit(book, 1000 + i, member_no=i + 1)
    book.backup()
    path = _checkpointed(book)
    data = path.read_bytes()
    page = 4096
    cases = {
        "header": b"\x00" * 100 + data[100:],
        "truncated": data[: len(data) - 3 * page],
        "zeroed page": data[: page * 5] + b"\x00" * page + data[page * 6:],
    }
    for name, content in cases.items():
        path.write_bytes(content)
        with pytest.raises(BookError) as info:
            open_book(path)
        assert info.value.reason == "damaged", name
        assert "book-manual-" in str(info.value), name  # the newest backup is named
        detail = re.search(r"เสียหาย \(([^)]*)\)", str(info.value)).group(1)
        assert re.fullmatch(r"[\u0e00-\u0e7f ]+", detail), (name, detail)  # what is wrong, said in Thai
    path.write_bytes(data)
    with open_book(path) as again:
        assert again.verify().ok


def test_random_bit_flips_are_never_accepted_silently(book, tmp_path):
    """Flip single bits in a copy: a flip that changes the journal is refused at open or found by verify."""
    for i in range(30):
        add_member(book, i)
        deposit(book, 1000 + i, member_no=i + 1)
    path = _checkpointed(book)
    original = path.read_bytes()
    journal_before = _journal_dump(path)
    rnd = random.Random(2568)
    outcome = {"refused at open": 0, "found by verify": 0, "journal unchanged": 0}
    flipped = tmp_path / "flipped.vbk"
    for _ in range(60):
        data = bytearray(original)
        bit = rnd.randrange(len(data) * 8)
        data[bit // 8] ^= 1 << (bit % 8)
        flipped.write_bytes(bytes(data))
        try:
            with open_book(flipped) as b:
                ok = b.verify().ok
        except BookError:
            outcome["refused at open"] += 1
            continue
        except Exception:  # SQLite gave up on the file while reading: also refused
            outcome["refused at open"] += 1
            continue
        if not ok:
            outcome["found by verify"] += 1
        else:
            assert _journal_dump(flipped) == journal_before, f"bit {bit}: journal changed undetected"
            outcome["journal unchanged"] += 1
    assert outcome["refused at open"] + outcome["found by verify"] > 0


def _journal_dump(path):
    try:
        con = sqlite3.connect(path)
        try:
            return (con.execute("SELECT * FROM entry ORDER BY seq").fetchall(),
                    con.execute("SELECT * FROM posting ORDER BY entry_seq, line").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return None


def test_the_quick_check_finds_a_gap_and_an_orphan_line(ten, book_path):
    con = raw(book_path)
    con.execute("INSERT INTO posting (entry_seq, line, account, amount, date) VALUES (99, 1, 'cash', 5, '2025-01-03')")
    con.commit()
    con.close()
    with ten._read() as conn:
        codes = {p.code for p in quick_check(conn, ten.book_id)}
    assert "orphan" in codes
    con = raw(book_path)
    con.execute("DELETE FROM posting WHERE entry_seq = 99")
    con.execute("DELETE FROM posting WHERE entry_seq = 2")
    con.execute("DELETE FROM entry WHERE seq = 2")
    con.commit()
    con.close()
    with ten._read() as conn:
        codes = {p.code for p in quick_check(conn, ten.book_id)}
    assert "gap" in codes


# --- the start-up check is fast on a big book --------------------------------------------------------------
def build_big_book(path, *, members=300, years=10, seed=1):
    """A book of ``members`` members over ``years`` years of monthly meetings, written with plain
    executemany (a valid chain, balanced entries): every member saves each month, a third repay a loan."""
    from villagebank.ledger import create_book

    with create_book(path, name="ธนาคารหมู่บ้านขนาดใหญ่") as book:
        book_id = book.book_id
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    rnd = random.Random(seed)
    con.executemany(
        "INSERT INTO member (member_no, title, first_name, last_name, name_key, citizen_id, sex, house_no, moo, "
        "tambon, amphoe, province, postal_code, phone, occupation, welfare_needs, beneficiary, is_group, "
        "join_date, status, exit_reason, committee_role, created_at) VALUES "
        "(?, 'นาย', ?, 'ใจดี', ?, NULL, 'M', '', '', '', '', '', '', '', '', '', '', 0, '2015-01-01', 'active', "
        "'', '', '2015-01-01T09:00:00+07:00')",
        [(m, f"สมาชิก{m}", f"สมาชิก{m}ใจดี") for m in range(1, members + 1)])
    con.executemany("INSERT INTO member_status (member_no, date, status, reason, recorded_at) VALUES "
                    "(?, '2015-01-01', 'active', 'joined', '2015-01-01T09:00:00+07:00')",
                    [(m,) for m in range(1, members + 1)])
    prev = j.genesis_hash(book_id)
    seq = 0
    entries, postings = [], []
    day = dt.date(2015, 1, 5)
    for _month in range(years * 12):
        iso = day.isoformat()
        for m in range(1, members + 1):
            kinds = [("deposit", [("cash", 10000), ("shares", -10000)])]
            if m % 3 == 0:
                kinds.append(("loan_repayment", [("cash", 52000), ("loans", -50000), ("income:interest", -2000)]))
            for kind, lines in kinds:
                seq += 1
                created = f"{iso}T10:{rnd.randrange(60):02d}:00+07:00"
                ev = (seq, iso, kind, "", m, None, None, None, None, "", created, "treasurer")
                pv = [(i, acc, m, None, amt, iso) for i, (acc, amt) in enumerate(lines, start=1)]
                digest = j.compute_hash(prev, ev, pv)
                entries.append((*ev, prev, digest))
                postings.extend((seq, *p) for p in pv)
                prev = digest
        day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=5)
    con.executemany("INSERT INTO entry (seq, date, kind, memo, member_no, loan_no, meeting_id, receipt_no, "
                    "reverses_seq, reason, created_at, created_by, prev_hash, hash) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
    con.executemany("INSERT INTO posting (entry_seq, line, account, member_no, loan_no, amount, date) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?)", postings)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return seq, len(postings)


@pytest.mark.slow
def test_the_start_up_check_takes_under_half_a_second_on_ten_years_of_a_300_member_bank(tmp_path):
    path = tmp_path / "big.vbk"
    entries, postings = build_big_book(path)
    assert entries == 48000
    with open_book(path, readonly=True) as book:
        timings = []
        for _ in range(3):
            with book._read() as conn:
                start = time.perf_counter()
                problems = quick_check(conn, book.book_id)
                timings.append(time.perf_counter() - start)
        assert problems == []
    start = time.perf_counter()
    with open_book(path) as book:
        opened = time.perf_counter() - start
    quick = min(timings)
    size = path.stat().st_size / 2 ** 20
    print(f"\nstart-up check: {quick * 1000:.0f} ms (open_book {opened * 1000:.0f} ms) on {entries} entries, "
          f"{postings} postings, {size:.1f} MiB")
    assert quick < 0.5
    assert check_book(path) == []


# --- a large book's open may leave the whole-file checks for later ----------------------------------------
def test_deferred_checks_run_later_and_close_a_damaged_book_for_recording(ten, book_path, monkeypatch):
    from villagebank.ledger import integrity

    for i in range(integrity.QUICK_TAIL):  # the gap below must lie before the newest entries checked at every open
        deposit(ten, 20000 + i)
    ten.close()
    monkeypatch.setattr(integrity, "PAGE_CHECK_MAX_BYTES", 0)  # every book is "large"
    with open_book(book_path) as book:  # without defer_checks: everything at the open, as before
        assert not book.deferred_checks
    with open_book(book_path, defer_checks=True) as book:
        assert book.deferred_checks and book.damage == ()
        assert book.run_deferred_checks() == [] and not book.deferred_checks
        assert not book.readonly
    con = raw(book_path)  # an entry in the middle goes missing: only the count sees it
    con.execute("DELETE FROM posting WHERE entry_seq = 4")
    con.execute("DELETE FROM entry WHERE seq = 4")
    con.commit()
    con.close()
    with pytest.raises(BookError):
        open_book(book_path)
    with open_book(book_path, defer_checks=True) as book:  # the newest entries are fine: it opens
        assert book.deferred_checks and book.damage == ()
        problems = book.run_deferred_checks()
        assert [p.code for p in problems] == ["gap"] and book.damage == tuple(problems)
        assert book.readonly
        with pytest.raises(BookError):
            deposit(book, 1)
    monkeypatch.setattr(integrity, "PAGE_CHECK_MAX_BYTES", 1 << 40)  # a small book: checked at the open anyway
    with pytest.raises(BookError):
        open_book(book_path, defer_checks=True)


def test_verify_finds_a_receipt_total_changed_and_a_receipt_gap(book, book_path):
    from tests.conftest import member_values
    from villagebank.ledger import Money

    book.add_member(member_values("สมชาย"))
    for _ in range(3):
        book.deposit(1, Money.baht(100))
    assert book.verify().ok
    con = sqlite3.connect(book_path)
    con.execute("UPDATE receipt SET total = total + 1 WHERE receipt_no = 2")
    con.execute("UPDATE receipt SET receipt_no = 7 WHERE receipt_no = 3")
    con.commit()
    con.close()
    found = {(p.code, p.seq) for p in book.verify().problems}
    assert ("receipt_total", 2) in found and ("receipt_gap", 3) in found


def test_sqlite_faults_in_the_file_are_counted_in_the_message_and_kept_as_technical_detail(ten, book_path,
                                                                                           monkeypatch):
    """SQLite's own (English) lines do not go into the treasurer's message: the refusal says how many faults the
    page check found, and carries the lines as its technical detail (shown labelled, for the person helping)."""
    from villagebank.ledger import integrity

    lines = ["*** in database main ***", "Page 7: never used", "Page 9: never used"]
    problem = integrity.file_damage(lines)
    assert "3" in problem.message() and "Page" not in problem.message()
    assert problem.technical == "; ".join(lines)
    ten.close()
    monkeypatch.setattr(integrity, "page_checks", lambda conn: [integrity.file_damage(lines)])
    with pytest.raises(BookError) as info:
        open_book(book_path)
    assert "Page" not in info.value.message() and "3" in info.value.message()
    assert info.value.technical == "; ".join(lines)


def test_verify_finds_an_index_that_disagrees_with_its_table(ten, book_path):
    """The full verify runs SQLite's integrity check (beside the hash chain, on its own connection): an index
    that no longer matches its table is found, said in the user's words, SQLite's lines kept as technical detail."""
    ten.close()
    con = sqlite3.connect(book_path)  # the index declared partial (no rows) while it still holds every row
    con.execute("PRAGMA writable_schema=ON")
    con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_entry_date ON entry (date) WHERE seq < 0' "
                "WHERE name = 'ix_entry_date'")
    con.commit()
    con.close()
    with open_book(book_path) as book:  # the open's page check does not compare indexes with their tables
        report = book.verify()
    assert not report.ok
    first = report.problems[0]
    assert first.code == "sqlite" and "ix_entry_date" in first.technical
    assert "ix_entry" not in first.message()
