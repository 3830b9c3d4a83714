"""Optional user accounts: off by default; treasurer writes, committee reads/verifies/unlocks with a
reason; argon2id; a growing, recorded wait after wrong passwords; who did what in created_by."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type

from tests.conftest import member_values
from tests.reliability.commands import deposit
from villagebank.ledger import AccessDenied, Clock, InvalidInput, access, open_book

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


class SettableClock(Clock):
    def __init__(self, when):
        self.when = when

    def now(self):
        return self.when

    def today(self):
        return self.when.date()


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    """argon2id still, but with test-sized cost (the default costs ~50 ms and 64 MiB per hash)."""
    monkeypatch.setattr(access, "_hasher", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1,
                                                          type=Type.ID))
    monkeypatch.setattr(access, "_dummy", None)


@pytest.fixture
def guarded(book, book_path):
    """A book with accounts on: treasurer somchai, committee malee; closed and reopened (nobody signed in)."""
    book.enable_access("Somchai", "treasurer-pass", "สมชาย ใจดี")
    book.add_user("malee", "committee-pass", "committee", "มาลี")
    book.lock_period(dt.date(2024, 12, 1), dt.date(2024, 12, 31), reason="ปิดงวด")
    book.close()
    clock = SettableClock(dt.datetime(2025, 1, 3, 9, 0, tzinfo=dt.UTC))
    b = open_book(book_path, clock=clock)
    yield b
    b.close()


def test_off_by_default_nothing_asks_for_a_password(book):
    assert not book.access_enabled and book.signed_in is None
    deposit(book, 1000)
    assert book.entry(1).created_by == "tester"


def test_the_switch_creates_the_first_treasurer_and_records_who_did_what(book):
    account = book.enable_access("Somchai", "treasurer-pass")
    assert account.role == "treasurer" and book.signed_in.name == "somchai"
    deposit(book, 1000)
    assert book.entry(1).created_by == "somchai"
    assert any(kind == "access" for _at, kind, _d in book.events())
    with book._read() as conn:
        stored = conn.exec_driver_sql("SELECT pw_hash FROM user_account").scalar()
    assert stored.startswith("$argon2id$") and "treasurer-pass" not in stored


def test_nothing_is_recorded_before_signing_in(guarded):
    assert guarded.access_enabled and guarded.signed_in is None
    with pytest.raises(AccessDenied) as info:
        guarded.add_member(member_values("สมหญิง"))
    assert info.value.reason == "signin"
    assert guarded.members() == [] and guarded.verify().ok  # reading and verifying need no password


def test_the_committee_reads_and_unlocks_with_a_reason_but_does_not_record(guarded):
    guarded.login("MALEE", "committee-pass")
    with pytest.raises(AccessDenied) as info:
        deposit(guarded, 1000)
    assert info.value.reason == "role" and "กรรมการ" in str(info.value)
    with pytest.raises(InvalidInput):
        guarded.unlock_period(guarded.locked_periods()[0][0], "")
    guarded.unlock_period(guarded.locked_periods()[0][0], "แก้ไขรายการเดือนธันวาคมตามมติที่ประชุม")
    assert guarded.locked_periods() == []
    unlock = [d for _at, kind, d in guarded.events() if kind == "unlock"]
    assert unlock and unlock[-1].endswith("[malee]")
    with pytest.raises(AccessDenied):
        guarded.add_user("x", "password-x", "treasurer")


def test_the_treasurer_records_with_their_name(guarded):
    guarded.login("somchai", "treasurer-pass")
    deposit(guarded, 1000)
    assert guarded.entry(1).created_by == "somchai"
    guarded.logout()
    with pytest.raises(AccessDenied):
        deposit(guarded, 1000)


def test_wrong_passwords_make_the_next_try_wait_longer_and_are_recorded(guarded):
    clock = guarded.clock
    for _ in range(3):
        with pytest.raises(AccessDenied) as info:
            guarded.login("somchai", "guess")
        assert info.value.reason == "wrong"
    assert info.value.wait_seconds == 5
    with pytest.raises(AccessDenied) as info:
        guarded.login("somchai", "treasurer-pass")  # even the right password must wait
    assert info.value.reason == "wait" and info.value.wait_seconds == 5
    clock.when += dt.timedelta(seconds=5)
    with pytest.raises(AccessDenied):
        guarded.login("somchai", "guess")
    assert guarded.wait_before_login("somchai") == 10
    clock.when += dt.timedelta(seconds=9)
    with pytest.raises(AccessDenied) as info:
        guarded.login("somchai", "treasurer-pass")
    assert info.value.wait_seconds == 1
    clock.when += dt.timedelta(seconds=1)
    guarded.login("somchai", "treasurer-pass")
    assert guarded.wait_before_login("somchai") == 0
    kinds = [kind for _at, kind, _d in guarded.events()]
    assert kinds.count("login_failed") == 4 and kinds.count("login") == 1
    assert [access.wait_after(n) for n in range(2, 11)] == [0, 5, 10, 20, 40, 80, 160, 300, 300]


def test_an_unknown_name_gets_the_same_answer_as_a_wrong_password(guarded):
    with pytest.raises(AccessDenied) as unknown:
        guarded.login("nobody", "treasurer-pass")
    with pytest.raises(AccessDenied) as wrong:
        guarded.login("somchai", "nope-nope")
    assert str(unknown.value) == str(wrong.value)


def test_passwords_have_a_minimum_length_and_names_are_unique(book):
    with pytest.raises(InvalidInput):
        book.enable_access("somchai", "short")
    book.enable_access("somchai", "long-enough")
    with pytest.raises(InvalidInput):
        book.add_user("SOMCHAI", "another-one", "committee")
    with pytest.raises(InvalidInput):
        book.set_user_active("somchai", False)  # the last treasurer cannot be switched off


def test_switching_off_needs_the_treasurer(guarded):
    guarded.login("malee", "committee-pass")
    with pytest.raises(AccessDenied):
        guarded.disable_access()
    guarded.logout()
    guarded.login("somchai", "treasurer-pass")
    guarded.disable_access()
    guarded.logout()
    deposit(guarded, 1000)  # off again: no sign-in needed


def test_the_default_hasher_is_argon2id(monkeypatch):
    monkeypatch.setattr(access, "_hasher", None)
    assert access.hasher().type is Type.ID


def test_a_revision_0001_book_upgrades_with_accounts_off(tmp_path):
    path = tmp_path / "old.vbk"
    shutil.copy(FIXTURES / "book_r0001.vbk", path)
    with open_book(path) as book:
        assert not book.access_enabled and book.users() == []
        assert book.entry_count() == 6 and book.verify().ok
