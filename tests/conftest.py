"""Shared fixtures: every test gets its own data folder and Thai as the language."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

from villagebank.i18n import set_language
from villagebank.ledger import FixedClock, create_book

START = dt.date(2025, 1, 3)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("VILLAGEBANK_HOME", str(home))
    monkeypatch.setenv("VILLAGEBANK_LANG", "th")
    set_language("th")
    yield
    set_language("th")


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("th")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "book.vbk"


@pytest.fixture
def book(book_path: Path, clock: FixedClock):
    b = create_book(book_path, name="ธนาคารหมู่บ้านทดสอบ", village="บ้านทดสอบ", tambon="ทดสอบ",
                    amphoe="เมือง", province="เชียงใหม่", user="tester", clock=clock)
    yield b
    b.close()


def valid_cid(prefix: str) -> str:
    """A valid citizen ID from a 12-digit prefix."""
    total = sum(int(prefix[i]) * (13 - i) for i in range(12))
    return prefix + str((11 - total % 11) % 10)


def member_values(first: str, last: str = "ทดสอบ", *, join: dt.date = START, cid: str | None = None,
                  **extra: object) -> dict[str, object]:
    values: dict[str, object] = {"first_name": first, "last_name": last, "join_date": join}
    if cid:
        values["citizen_id"] = cid
    values.update(extra)
    return values


@pytest.fixture
def book_with_members(book):
    names = ["สมชาย", "สมศรี", "บุญมี", "มาลี", "ประเสริฐ"]
    for i, name in enumerate(names, start=1):
        book.add_member(member_values(name, cid=valid_cid(f"11017002034{i}")))
    return book


def meeting_day(book, clock, date: dt.date, *, skip: set[int] = frozenset(), pay: dict | None = None,
                counts=None, close: bool = True, before_close=None):
    """Hold a meeting on ``date``: everyone active pays what is due except ``skip``; ``pay`` overrides
    one member's parts. Returns the meeting."""
    clock.set(date)
    m = book.open_meeting(date)
    for d in book.collection_sheet(m.id):
        if d.member_no in skip:
            continue
        book.pay(d.member_no, (pay or {}).get(d.member_no), meeting_id=m.id)
    if before_close:
        before_close(m)
    if close:
        book.close_meeting(m.id, counts)
    return m


def monthly(start: dt.date, n: int) -> list[dt.date]:
    from villagebank.ledger.periods import add_months

    return [add_months(start, i) for i in range(n)]


@pytest.fixture
def saving_book(book, clock):
    """Ten members who joined on 03/01/2568 and saved at four monthly meetings (Jan–Apr 2025)."""
    for i in range(1, 11):
        book.add_member(member_values(f"สมาชิก{i}", cid=valid_cid(f"3101700203{i:02d}")))
    for d in monthly(START, 4):
        meeting_day(book, clock, d)
    return book
