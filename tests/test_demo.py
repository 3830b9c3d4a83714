"""The demo book is a realistic, verifiable bank (it is what `make run` opens the first time)."""

import datetime as dt

import pytest

from villagebank import demo
from villagebank.ledger import BookError


def test_demo_book_has_a_working_history(tmp_path):
    with demo.create_demo_book(tmp_path / "demo.vbk", members=15, until=dt.date(2025, 12, 31)) as book:
        meetings = book.meetings()
        assert len(meetings) == 18 and all(m.status == "closed" for m in meetings)
        assert len(book.members()) >= 15
        loans = book.loans(dt.date(2025, 12, 31))
        assert loans and any(st.status == "closed" for st in loans)
        assert book.member(7).status == "terminated"
        assert book.cash_counts() and all(c.difference.satang == 0 for c in book.cash_counts())
        report = book.verify()
        assert report.ok, [p.message() for p in report.problems]
    assert not list(tmp_path.glob("*.building*"))


def test_demo_refuses_to_overwrite(tmp_path):
    (tmp_path / "x.vbk").write_text("keep me")
    with pytest.raises(BookError):
        demo.create_demo_book(tmp_path / "x.vbk", members=5)
    assert (tmp_path / "x.vbk").read_text() == "keep me"
