"""kill -9 of a process that is posting, after a random 50-400 ms, many times over on the same book.

After every kill: V (integrity_check, gap-free sequence, every entry balanced with its lines, the hash
chain, the trial balance, every member with its join row), every acknowledged command present with the
acknowledged hash, and the next worker opens the book again (WAL recovery, stale lock). ``VB_KILLS``
sets the number of kills (at least 50 on CI).
"""

from __future__ import annotations

import os
import random
import signal
import time

from tests.reliability.commands import add_member
from tests.reliability.harness import read_records
from tests.reliability.oracle import check_book, connect_ro, entry_hashes, state
from villagebank.ledger import create_book, open_book

KILLS = int(os.environ.get("VB_KILLS", "60"))


def test_kill_9_while_posting_never_damages_the_book_nor_loses_an_acknowledged_posting(zygote, tmp_path):
    path = tmp_path / "book.vbk"
    with create_book(path, name="ธนาคารหมู่บ้านทดสอบการดับเครื่อง") as book:
        add_member(book, 1)
    seed = int(os.environ.get("VB_SEED", time.time_ns() % 100000))
    rnd = random.Random(seed)
    acked_entries = acked_members = postings_checked = 0
    for run in range(KILLS):
        acks = tmp_path / f"acks-{run}.jsonl"
        pid = zygote.spawn(book=str(path), out=str(acks), task="loop", gate=False, seed=seed + run)
        time.sleep(rnd.uniform(0.05, 0.4))
        os.kill(pid, signal.SIGKILL)
        status = zygote.wait(pid)
        assert status["signal"] == signal.SIGKILL, f"run {run} (seed {seed}): the worker ended by itself " \
                                                  f"{status}:\n{zygote.errors()}"
        problems = check_book(path)
        assert problems == [], f"run {run} (seed {seed}): {problems}"
        hashes = entry_hashes(path)
        con = connect_ro(path)
        try:
            members = {r[0] for r in con.execute("SELECT member_no FROM member")}
        finally:
            con.close()
        for ack in read_records(acks):
            if "seq" in ack:
                assert hashes.get(ack["seq"]) == ack["hash"], f"run {run} (seed {seed}): acknowledged {ack} lost"
                acked_entries += 1
            else:
                assert ack["member"] in members, f"run {run} (seed {seed}): acknowledged {ack} lost"
                acked_members += 1
        postings_checked += state(path)["posting"]
    with open_book(path) as book:  # the stale lock of the last killed worker is no obstacle
        report = book.verify()
        entries = book.entry_count()
    assert report.ok
    assert acked_entries > KILLS  # the harness did post between kills
    print(f"\nkill -9: {KILLS} kills (seed {seed}), {entries} entries in the book, {acked_entries} acknowledged "
          f"entries and {acked_members} acknowledged members all present, {postings_checked} posting rows "
          f"checked by V, 0 failures")
