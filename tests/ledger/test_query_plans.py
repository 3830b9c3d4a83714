"""One member's reads go through the indexes whatever the book's size. A plan that scans the posting, entry or
receipt table answers at once on a test book and takes seconds on a network-scale one (3 M postings, 1 M
receipts), so the plans themselves are checked. Without ``ANALYZE`` statistics SQLite plans from the schema and
the query alone: the plan seen here is the plan on the large book."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def reads(book):
    """The SELECT statements (with their parameters) the book runs inside the block."""
    seen: list[tuple[str, tuple]] = []

    def before(conn, cursor, statement, params, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, tuple(params)))

    event.listen(book.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(book.engine, "before_cursor_execute", before)


def plans(book, seen) -> list[tuple[str, list[str]]]:
    con = sqlite3.connect(f"file:{book.path}?mode=ro", uri=True)
    try:
        return [(sql, [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, params)]) for sql, params in seen]
    finally:
        con.close()


def scans(book, seen, tables=("posting", "entry", "receipt")) -> list[str]:
    return [f"{step}  <-  {sql[:160]}" for sql, steps in plans(book, seen) for step in steps
            if any(step.startswith(f"SCAN {t}") or step.startswith(f"SCAN {t[0]} ") for t in tables)]


def test_one_members_receipts_of_a_month_are_read_through_their_entries(saving_book):
    book = saving_book
    with reads(book) as seen:
        found = book.receipts_between(dt.date(2025, 3, 1), dt.date(2025, 4, 30), member_no=3)
    assert found and {r.member_no for r in found} == {3}
    assert scans(book, seen) == []


def test_the_repayments_of_a_few_loans_are_read_through_the_loan_index(saving_book):
    """From about nine loan numbers up SQLite preferred the account index: every repayment of the book was read
    (2 s on the network-scale book) for a member's statement that shows a few loans."""
    from villagebank.ledger.loans import _payments

    book = saving_book
    for count in (1, 9, 40):
        with reads(book) as seen, book._read() as conn:
            _payments(conn, list(range(1, count + 1)))  # loans that need not exist: the plan is what is checked
        [(_sql, steps)] = plans(book, seen)
        assert any("ix_posting_loan" in s for s in steps), (count, steps)
