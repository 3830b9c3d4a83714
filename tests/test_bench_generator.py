"""The benchmark suite's bulk generator writes valid books: the hash chain, the four books and the rules hold."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

gen = pytest.importorskip("bench.gen")


@pytest.fixture(scope="module")
def xs_book(tmp_path_factory):
    path = tmp_path_factory.mktemp("gen") / "book.vbk"
    counts = gen.Generator(gen.SCALES["XS"], 3, path).run()
    return path, counts


def test_generated_book_verifies(xs_book):
    from villagebank.ledger import FixedClock, open_book

    path, counts = xs_book
    assert counts["members"] == 60 and counts["entries"] > 1000
    with open_book(path, readonly=True, clock=FixedClock(dt.date(2026, 1, 2))) as book:
        report = book.verify()
        assert report.ok, [p.message() for p in report.problems[:5]]
        assert report.entries == counts["entries"]
        assert book.closed_years() == [gen.LAST_YEAR - 1]
        # Every loan's state from the ledger's own code agrees with the postings; none owes more than it lent.
        for st in book.loans(dt.date(gen.LAST_YEAR, 12, 31), statuses=("disbursed",)):
            assert 0 < st.balance.satang <= st.principal.satang
            assert book.balance("loans", loan_no=st.loan_no) == st.balance
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        # Receipts are gap-free and each is the total its entry received.
        nos = [r[0] for r in con.execute("SELECT receipt_no FROM receipt ORDER BY receipt_no")]
        assert nos == list(range(1, len(nos) + 1))
    finally:
        con.close()


def test_hledger_journal_has_the_same_postings(xs_book, tmp_path):
    path, counts = xs_book
    out = tmp_path / "book.journal"
    assert gen.write_journal(path, out) == counts["entries"]
    text = out.read_text(encoding="utf-8")
    assert text.count("\n    ") == counts["postings"]
    assert gen.hledger_account("shares", 7) == "equity:shares:m00007"
    assert gen.hledger_account("expense:office", None) == "expenses:office"
    assert gen._baht(-1205) == "-12.05"
