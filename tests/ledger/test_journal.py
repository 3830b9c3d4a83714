"""The journal: balanced entries, gap-free sequence, reversals, period locks, hash chain, tampering."""

import contextlib
import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import START
from villagebank.ledger import FixedClock, InvalidInput, LedgerError, Money, PeriodLocked, create_book
from villagebank.ledger import journal as j


def post(book, lines, date=START, kind="test", **kw):
    with book._write() as conn:
        return book._post(conn, date=date, kind=kind, lines=lines, **kw).seq


def deposit(book, satang, member_no=1, date=START):
    return post(book, [j.dr("cash", Money(satang)), j.cr("shares", Money(satang), member_no=member_no)], date=date)


def raw(book_path):
    con = sqlite3.connect(book_path)
    for t in ("entry", "posting"):
        for a in ("update", "delete"):
            con.execute(f"DROP TRIGGER IF EXISTS {t}_no_{a}")
    return con


def test_entries_balance_and_number_without_gaps(book):
    assert [deposit(book, 1000 * i) for i in range(1, 4)] == [1, 2, 3]
    with pytest.raises(LedgerError):
        post(book, [j.Line("cash", 100), j.Line("shares", -99, 1)])
    with pytest.raises(InvalidInput):
        post(book, [j.Line("cash", 100)])
    assert deposit(book, 500) == 4  # the refused entries took no number
    assert book.balance("cash") == Money(6500)
    assert book.verify().ok


def test_unknown_account_refused(book):
    with pytest.raises(LedgerError):
        post(book, [j.Line("cash", 100), j.Line("nowhere", -100)])
    assert book.entry_count() == 0


def test_reversal_needs_a_reason_and_happens_once(book):
    seq = deposit(book, 2000)
    with pytest.raises(InvalidInput):
        book.reverse_entry(seq, "  ")
    rev = book.reverse_entry(seq, "พิมพ์ยอดผิด")
    assert book.balance("cash") == Money(0)
    e = book.entry(rev)
    assert e.reverses_seq == seq and e.reason == "พิมพ์ยอดผิด" and e.kind == "reversal"
    assert book.entry(seq).reversed_by == rev
    with pytest.raises(InvalidInput):
        book.reverse_entry(seq, "again")
    with pytest.raises(InvalidInput):
        book.reverse_entry(rev, "undo the undo")
    assert book.verify().ok


def test_locked_period_refuses_entries_dated_inside(book):
    deposit(book, 1000, date=dt.date(2025, 1, 3))
    lock = book.lock_period(dt.date(2025, 1, 1), dt.date(2025, 1, 31), "month", "ปิดบัญชีเดือนมกราคม")
    with pytest.raises(PeriodLocked) as info:
        deposit(book, 1000, date=dt.date(2025, 1, 20))
    assert "20/01/2568" in str(info.value)
    deposit(book, 1000, date=dt.date(2025, 2, 3))
    with pytest.raises(InvalidInput):
        book.unlock_period(lock, "")
    book.unlock_period(lock, "แก้ไขรายการตกหล่น")
    deposit(book, 1000, date=dt.date(2025, 1, 20))
    assert any(kind == "unlock" for _, kind, _ in book.events())


def test_the_journal_refuses_update_and_delete(book, book_path):
    deposit(book, 1000)
    con = sqlite3.connect(book_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE posting SET amount = 5 WHERE entry_seq = 1 AND line = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM entry WHERE seq = 1")
    con.close()


ENTRY_TAMPERS = [
    ("date", "'2025-01-04'"), ("kind", "'other'"), ("memo", "'x'"), ("member_no", "99"), ("loan_no", "7"),
    ("meeting_id", "3"), ("receipt_no", "12"), ("reason", "'r'"), ("created_at", "'2020-01-01T00:00:00'"),
    ("created_by", "'mallory'"), ("prev_hash", "'00'"), ("hash", "'00'"),
]
POSTING_TAMPERS = [("account", "'bank:main'"), ("member_no", "42"), ("loan_no", "9"), ("date", "'2025-01-05'")]


@pytest.mark.parametrize(("column", "value"), ENTRY_TAMPERS)
def test_tampering_with_any_entry_column_is_detected(book, book_path, column, value):
    for i in range(3):
        deposit(book, 1000 + i, member_no=1)
    con = raw(book_path)
    con.execute(f"UPDATE entry SET {column} = {value} WHERE seq = 2")
    con.commit()
    con.close()
    report = book.verify()
    assert not report.ok
    assert 2 in {p.seq for p in report.problems}


@pytest.mark.parametrize(("column", "value"), POSTING_TAMPERS)
def test_tampering_with_any_posting_column_is_detected(book, book_path, column, value):
    for i in range(3):
        deposit(book, 1000 + i, member_no=1)
    con = raw(book_path)
    con.execute(f"UPDATE posting SET {column} = {value} WHERE entry_seq = 2 AND line = 2")
    con.commit()
    con.close()
    report = book.verify()
    assert not report.ok and 2 in {p.seq for p in report.problems}


def test_a_balanced_edit_is_caught_only_by_the_chain(book, book_path):
    for _ in range(3):
        deposit(book, 1000)
    con = raw(book_path)
    con.execute("UPDATE posting SET amount = 5000 WHERE entry_seq = 2 AND line = 1")
    con.execute("UPDATE posting SET amount = -5000 WHERE entry_seq = 2 AND line = 2")
    con.commit()
    con.close()
    report = book.verify()
    assert [(p.seq, p.code) for p in report.problems] == [(2, "hash")]


def test_deleted_and_reordered_entries_are_detected(book, book_path):
    for _ in range(4):
        deposit(book, 1000)
    con = raw(book_path)
    con.execute("DELETE FROM posting WHERE entry_seq = 2")
    con.execute("DELETE FROM entry WHERE seq = 2")
    con.commit()
    con.close()
    codes = {(p.seq, p.code) for p in book.verify().problems}
    assert (3, "gap") in codes and (3, "chain") in codes


def test_unbalanced_amount_edit_is_named(book, book_path):
    deposit(book, 1000)
    deposit(book, 2000)
    con = raw(book_path)
    con.execute("UPDATE posting SET amount = 2500 WHERE entry_seq = 2 AND line = 1")
    con.commit()
    con.close()
    report = book.verify()
    codes = {(p.seq, p.code) for p in report.problems}
    assert (2, "unbalanced") in codes and (2, "hash") in codes and (None, "trial_balance") in codes
    assert any("2" in p.message() for p in report.problems)


# --- property tests ---------------------------------------------------------------------------------
ACCOUNTS = ["cash", "bank:main", "equity:opening", "income:interest", "expense:office", "fund:reserve",
            "fund:welfare"]

line_st = st.tuples(st.sampled_from(ACCOUNTS), st.integers(min_value=1, max_value=10**9),
                    st.one_of(st.none(), st.integers(min_value=1, max_value=30)))
command_st = st.one_of(
    st.tuples(st.just("post"), st.lists(line_st, min_size=1, max_size=4), st.integers(0, 90)),
    st.tuples(st.just("reverse"), st.integers(min_value=1, max_value=40), st.text(min_size=1, max_size=10)),
)


def _apply(book, commands):
    for cmd in commands:
        if cmd[0] == "post":
            _, lines, day = cmd
            debit = [j.Line(a, amt, m) for a, amt, m in lines]
            total = sum(amt for _, amt, _ in lines)
            credit_acct = ACCOUNTS[total % len(ACCOUNTS)]
            post(book, [*debit, j.Line(credit_acct, -total)], date=START + dt.timedelta(days=day))
        else:
            _, seq, reason = cmd
            with contextlib.suppress(LedgerError):  # refused commands write nothing
                book.reverse_entry(seq, reason.strip() or "r")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(commands=st.lists(command_st, min_size=1, max_size=25))
def test_random_valid_commands_keep_the_book_verifiable(tmp_path_factory, commands):
    path = tmp_path_factory.mktemp("prop") / "b.vbk"
    with create_book(path, name="กลุ่ม", clock=FixedClock(START)) as book:
        _apply(book, commands)
        report = book.verify()
        assert report.ok, [p.message() for p in report.problems]
        assert sum(b.balance.satang for b in book.account_balances()) == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(commands=st.lists(command_st, min_size=2, max_size=12), data=st.data())
def test_tampering_any_stored_column_of_any_entry_fails_verify(tmp_path_factory, commands, data):
    path = tmp_path_factory.mktemp("tamper") / "b.vbk"
    with create_book(path, name="กลุ่ม", clock=FixedClock(START)) as book:
        _apply(book, commands)
        count = book.entry_count()
        assume(count > 0)
        seq = data.draw(st.integers(min_value=1, max_value=count))
        table, column, value = data.draw(st.sampled_from(
            [("entry", c, v) for c, v in ENTRY_TAMPERS] + [("posting", c, v) for c, v in POSTING_TAMPERS]
            + [("posting", "amount", "amount + 1"), ("entry", "seq", "seq + 1000")]))
        con = raw(path)
        where = "seq" if table == "entry" else "entry_seq"
        if table == "entry" and column == "seq":
            con.execute("PRAGMA foreign_keys=OFF")
        before = con.execute(f"SELECT {column} FROM {table} WHERE {where} = ? LIMIT 1", (seq,)).fetchone()
        con.execute(f"UPDATE {table} SET {column} = {value} WHERE rowid = (SELECT rowid FROM {table} "
                    f"WHERE {where} = ? LIMIT 1)", (seq,))
        after = con.execute(f"SELECT {column} FROM {table} WHERE {where} = ? LIMIT 1",
                            (seq + 1000 if column == "seq" else seq,)).fetchone()
        con.commit()
        con.close()
        if before == after:
            return  # the drawn value equals the stored one: nothing was changed
        assert not book.verify().ok


def test_the_journal_streamed_as_plain_rows_is_the_journal(saving_book, clock):
    """``journal_rows`` (the workbook export reads a network-scale journal so) holds what ``entries`` returns."""
    book = saving_book
    clock.set(dt.date(2025, 4, 20))
    extra = book.deposit(3, Money.baht(40), dt.date(2025, 4, 20))
    fix = book.reverse_entry(extra.entry_seq, "ฝากผิดคน")
    for end in (None, dt.date(2025, 3, 31)):
        entries = book.entries(end=end)
        rows = list(book.journal_rows(end=end))
        assert len(entries) > 10
        assert rows == [(e.seq, e.date, e.kind, e.memo, e.member_no, e.reverses_seq, e.reason,
                         tuple((p.account, p.amount.satang, p.member_no, p.loan_no) for p in e.postings))
                        for e in entries]
        assert rows[0].postings[0][1] == entries[0].postings[0].amount.satang
    assert book.reversing_entries() == [(fix, "reversal", extra.entry_seq)]
    assert book.reversing_entries(end=dt.date(2025, 3, 31)) == []
