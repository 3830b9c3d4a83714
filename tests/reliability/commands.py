"""The commands the harnesses run, through the Book facade. One place to switch them to the real
deposit / meeting-payment commands when those land (``book.deposit`` ...)."""

from __future__ import annotations

import datetime as dt

from villagebank.ledger import Money
from villagebank.ledger import journal as j


def member_values(i: int) -> dict[str, object]:
    return {"title": "นาง", "first_name": f"สมศรี{i}", "last_name": "ใจดี", "join_date": dt.date(2025, 1, 3)}


def deposit(book, amount_satang: int, member_no: int | None = 1) -> tuple[int, str]:
    """A member's saving: cash up, the member's shares up. Returns (seq, hash) after the commit.

    Posts through the same transaction path as the real commands (``_write``/``_post``) so that the
    harnesses can post any amount any number of times a day without the share rules refusing it."""
    member_no = 1 if member_no is None else member_no
    with book._write() as conn:
        posted = book._post(conn, date=book.clock.today(), kind="deposit", member_no=member_no,
                            lines=[j.dr("cash", Money(amount_satang)),
                                   j.cr("shares", Money(amount_satang), member_no=member_no)])
    return posted.seq, posted.hash


def split_payment(book, amount_satang: int, member_no: int | None = 1) -> tuple[int, str]:
    """A three-line entry (saving plus a fine), so that a half-written entry would show."""
    member_no = 1 if member_no is None else member_no
    fine = 1000
    with book._write() as conn:
        posted = book._post(conn, date=book.clock.today(), kind="meeting_payment", member_no=member_no,
                            lines=[j.dr("cash", Money(amount_satang + fine)),
                                   j.cr("shares", Money(amount_satang), member_no=member_no),
                                   j.cr("income:fine", Money(fine), member_no=member_no)])
    return posted.seq, posted.hash


def add_member(book, i: int) -> int:
    return book.add_member(member_values(i)).member_no
