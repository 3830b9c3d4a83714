"""One writer: a second instance gets a clear message (and may view read-only); after kill -9 of the
first, the stale lock is no obstacle."""

from __future__ import annotations

import os
import signal
import time

import pytest

from tests.reliability.commands import add_member
from tests.reliability.oracle import check_book
from villagebank.ledger import BookError, create_book, open_book


def test_a_second_instance_is_refused_then_recovers_after_the_first_is_killed(zygote, tmp_path):
    path = tmp_path / "book.vbk"
    with create_book(path, name="ธนาคารหมู่บ้านสองหน้าต่าง") as book:
        add_member(book, 1)
    pid = zygote.spawn(book=str(path), out=str(tmp_path / "acks.jsonl"), task="loop", gate=True)
    zygote.go(pid)
    time.sleep(0.2)
    with pytest.raises(BookError) as info:
        open_book(path)
    assert info.value.reason == "in_use"
    assert "เปิดอยู่ในหน้าต่างอื่นของโปรแกรมในเครื่องนี้" in str(info.value) and "pid" not in str(info.value)
    assert path.with_name("book.vbk.lock").read_text().startswith(f"pid {pid} on ")  # who holds it, for support
    with open_book(path, readonly=True) as viewer:  # viewing while the other one records
        assert viewer.entry_count() >= 0 and viewer.bank().name
    os.kill(pid, signal.SIGKILL)
    assert zygote.wait(pid)["signal"] == signal.SIGKILL
    assert path.with_name("book.vbk.lock").exists()  # left behind by the killed process
    with open_book(path) as again:  # ... and no obstacle: the OS released the lock with the process
        assert again.verify().ok
    assert check_book(path) == []
