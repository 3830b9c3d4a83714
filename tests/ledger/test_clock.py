"""A system clock set back (or forward) never changes the order or the chain; going back is warned and
logged (event kind ``clock``), at open and at a posting."""

import datetime as dt

from tests.reliability.commands import deposit
from villagebank.ledger import Clock, open_book


class SettableClock(Clock):
    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def now(self) -> dt.datetime:
        return self.when

    def today(self) -> dt.date:
        return self.when.date()


TZ = dt.timezone(dt.timedelta(hours=7))


def test_a_clock_set_back_between_postings_is_warned_and_logged_but_changes_nothing(book):
    clock = SettableClock(dt.datetime(2025, 3, 1, 10, 0, tzinfo=TZ))
    book.clock = clock
    deposit(book, 1000)
    deposit(book, 2000)
    assert book.clock_warning is None
    clock.when = dt.datetime(2024, 12, 31, 8, 0, tzinfo=TZ)  # the battery of the clock ran out
    seq, _ = deposit(book, 3000)
    assert seq == 3  # the sequence, not the clock, orders entries
    assert book.clock_warning is not None and "2567" in str(book.clock_warning)  # B.E. dates in the warning
    deposit(book, 4000)
    clock_events = [d for _at, kind, d in book.events() if kind == "clock"]
    assert len(clock_events) == 1  # logged once, not at every posting
    assert [e.seq for e in book.entries()] == [1, 2, 3, 4]
    assert book.verify().ok
    clock.when = dt.datetime(2025, 3, 2, 9, 0, tzinfo=TZ)  # set right again
    deposit(book, 5000)
    assert book.clock_warning is None


def test_a_clock_behind_the_newest_entry_is_reported_at_open(book, book_path):
    book.clock = SettableClock(dt.datetime(2025, 6, 1, 10, 0, tzinfo=TZ))
    deposit(book, 1000)
    book.close()
    with open_book(book_path, clock=SettableClock(dt.datetime(2025, 5, 1, 10, 0, tzinfo=TZ))) as again:
        assert again.clock_warning is not None
        assert [kind for _at, kind, _d in again.events()].count("clock") == 1
    with open_book(book_path, clock=SettableClock(dt.datetime(2025, 7, 1, 10, 0, tzinfo=TZ))) as later:
        assert later.clock_warning is None  # a clock moved forward is normal


def test_created_at_in_another_time_zone_compares_by_the_instant(book):
    book.clock = SettableClock(dt.datetime(2025, 3, 1, 10, 0, tzinfo=TZ))
    deposit(book, 1000)
    book.clock = SettableClock(dt.datetime(2025, 3, 1, 4, 0, tzinfo=dt.UTC))  # 11:00 in Thailand
    deposit(book, 1000)
    assert book.clock_warning is None
