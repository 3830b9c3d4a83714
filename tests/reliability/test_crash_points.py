"""Crash at every write: strace kills the worker at the N-th ``pwrite64`` / ``fdatasync`` (and, for a
backup, ``fsync`` / ``rename``) of one command, for N = 1 .. all, for each kind of command. After each
kill the book passes V and the command is wholly present or wholly absent. A control sweep with
``journal_mode=OFF`` must find damage: it proves the harness can fail.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
from pathlib import Path

import pytest

from tests.reliability.commands import add_member, deposit
from tests.reliability.harness import Strace, count_calls, strace_usable
from tests.reliability.oracle import check_book, state
from villagebank import paths
from villagebank.ledger import backup as bk
from villagebank.ledger import create_book

pytestmark = pytest.mark.skipif(strace_usable() is not None, reason=str(strace_usable()))

# What each command adds when it is wholly present.
DELTA = {
    "member_add": {"member": 1, "member_status": 1},
    "deposit": {"entry": 1, "posting": 2},
    "split": {"entry": 1, "posting": 3},
    "reverse": {"entry": 1, "posting": 2},
    "backup": {},
}
SWEEPS = [(cmd, "pwrite64") for cmd in DELTA] + [(cmd, "fdatasync") for cmd in DELTA] + \
    [("backup", "fsync"), ("backup", "rename")]


@pytest.fixture(scope="module")
def base_book(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("base")
    path = folder / "book.vbk"
    with create_book(path, name="ธนาคารหมู่บ้านทดสอบจุดล่ม") as book:
        add_member(book, 1)
        for i in range(5):
            deposit(book, 10000 + i, member_no=1)
    return path


def _plus(before: dict, delta: dict) -> dict:
    after = dict(before)
    for key, n in delta.items():
        after[key] += n
    after.pop("last")
    return after


def _fresh(base: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    path = folder / "book.vbk"
    shutil.copy(base, path)
    return path


def _run(zygote, path: Path, command: str, syscall: str, inject: str | None, log: Path | None,
         control: bool = False) -> dict:
    out = path.with_name("out.jsonl")
    pid = zygote.spawn(book=str(path), out=str(out), task="once", command=command, gate=True, control=control)
    tracer = Strace(pid, syscall, inject, log)
    zygote.go(pid)
    tracer.finish()
    return zygote.wait(pid)


def _verdict(path: Path, command: str, before: dict) -> str | None:
    """None when the book is sound and the command wholly present or absent; else what is wrong."""
    problems = check_book(path)
    if problems:
        return "; ".join(problems[:2])
    now = state(path)
    now.pop("last")
    absent, present = _plus(before, {}), _plus(before, DELTA[command])
    if now not in (absent, present):
        return f"half-present: {now} is neither {absent} nor {present}"
    if command == "backup":
        for info in bk.list_backups(paths.backups_dir_for(path)):
            try:
                bk.examine(info.path)
            except Exception as exc:
                return f"a listed backup does not verify: {exc}"
    return None


def _present(path: Path, command: str, before: dict) -> bool:
    if command == "backup":  # the book is the same either way; was the backup made?
        return bool(bk.list_backups(paths.backups_dir_for(path)))
    now = state(path)
    return now["entry"] != before["entry"] or now["member"] != before["member"]


def sweep(zygote, base: Path, work: Path, command: str, syscall: str, control: bool = False) -> dict:
    before = state(base)
    count_path = _fresh(base, work / "count")
    log = work / "count.strace"
    status = _run(zygote, count_path, command, syscall, None, log, control)
    assert status == {"signal": 0, "code": 0}, zygote.errors()
    calls = count_calls(log, syscall)
    assert _verdict(count_path, command, before) is None
    result = {"calls": calls, "killed": 0, "present": 0, "absent": 0, "bad": []}
    for n in range(1, calls + 1):
        path = _fresh(base, work / f"n{n}")
        status = _run(zygote, path, command, syscall, f"signal=KILL:when={n}", None, control)
        if status["signal"] != signal.SIGKILL:
            continue  # this run made fewer calls (e.g. no checkpoint): nothing was injected
        result["killed"] += 1
        problem = _verdict(path, command, before)
        if problem:
            result["bad"].append((n, problem))
        elif _present(path, command, before):
            result["present"] += 1
        else:
            result["absent"] += 1
        shutil.rmtree(path.parent)
    return result


@pytest.mark.parametrize(("command", "syscall"), SWEEPS, ids=[f"{c}-{s}" for c, s in SWEEPS])
def test_a_kill_at_each_write_leaves_the_command_whole_or_absent(zygote, base_book, tmp_path, command, syscall,
                                                                 crash_points):
    result = sweep(zygote, base_book, tmp_path, command, syscall)
    crash_points.append((command, syscall, result))
    assert result["calls"] > 0 or syscall in ("rename", "fsync")
    assert result["bad"] == [], result["bad"]
    if syscall == "pwrite64":
        assert result["killed"] >= 3


@pytest.mark.parametrize("command", ["deposit", "split", "member_add"])
def test_control_without_a_journal_the_harness_finds_damage(zygote, base_book, tmp_path, command, crash_points):
    result = sweep(zygote, base_book, tmp_path, command, "pwrite64", control=True)
    crash_points.append((f"{command} (control, journal_mode=OFF)", "pwrite64", result))
    assert result["killed"] >= 2
    assert result["bad"], "the control run found no damage: the harness could not fail"


RESTORE_SWEEPS = ["pwrite64", "fdatasync", "fsync", "rename"]
# The long sweeps (a restore or an upgrade copies the whole book) visit every STEP-th write on CI, starting
# at a point that changes from run to run; VB_FULL_SWEEP=1 visits every one.
STEP = 1 if os.environ.get("VB_FULL_SWEEP") else 4


def _points(calls: int, syscall: str) -> range:
    if syscall != "pwrite64" or STEP == 1:
        return range(1, calls + 1)
    return range(1 + random.randrange(STEP), calls + 1, STEP)


@pytest.mark.parametrize("syscall", RESTORE_SWEEPS)
def test_a_kill_at_each_write_of_a_restore_leaves_one_whole_book(zygote, base_book, tmp_path, syscall,
                                                                 crash_points):
    """The book at its path is always either the old book or the restored one, never neither nor a mix."""
    from villagebank.ledger import open_book

    source = tmp_path / "source.vbk"
    shutil.copy(base_book, source)
    with open_book(source) as book:
        older = book.backup(tmp_path)
        deposit(book, 777, member_no=1)
    shutil.copy(older.path, tmp_path / "restore-from.vbk")
    old_state, restored_state = state(source), state(older.path)
    old_state.pop("last")
    restored_state.pop("last")

    def run(n: int | None, log: Path | None) -> tuple[dict, Path]:
        path = _fresh(source, tmp_path / f"n{n}")
        inject = f"signal=KILL:when={n}" if n else None
        return _run(zygote, path, "restore", syscall, inject, log), path

    status, _ = run(None, tmp_path / "count.strace")
    assert status == {"signal": 0, "code": 0}, zygote.errors()
    calls = count_calls(tmp_path / "count.strace", syscall)
    result = {"calls": calls, "killed": 0, "present": 0, "absent": 0, "bad": []}
    for n in _points(calls, syscall):
        status, path = run(n, None)
        if status["signal"] != signal.SIGKILL:
            continue
        result["killed"] += 1
        problems = check_book(path)
        now = state(path) if not problems else {}
        now.pop("last", None)
        if problems or now not in (old_state, restored_state):
            result["bad"].append((n, problems or now))
            continue
        result["present" if now == restored_state else "absent"] += 1
        for aside in path.parent.glob("book-replaced-*.vbk"):
            assert check_book(aside) == [] and state(aside)["entry"] == old_state["entry"]
    crash_points.append(("restore", syscall, result))
    assert result["bad"] == []
    assert result["killed"] >= 1 or syscall == "fsync"


@pytest.mark.parametrize("syscall", ["pwrite64", "fdatasync", "rename"])
def test_a_kill_at_each_write_of_a_schema_upgrade_loses_nothing(zygote, tmp_path, syscall, crash_points):
    """Opening a revision-0001 book upgrades it after a verified backup; killed anywhere, the next open
    finds the same data and a sound book (upgraded or still old, then upgraded again)."""
    from villagebank.ledger import Money, open_book

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "book_r0001.vbk"

    def run(n: int | None, log: Path | None) -> tuple[dict, Path]:
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        path = folder / "book.vbk"
        shutil.copy(fixture, path)
        out = folder / "out.jsonl"
        pid = zygote.spawn(book=str(path), out=str(out), task="open", gate=True)
        tracer = Strace(pid, syscall, f"signal=KILL:when={n}" if n else None, log)
        zygote.go(pid)
        tracer.finish()
        return zygote.wait(pid), path

    status, _ = run(None, tmp_path / "count.strace")
    assert status == {"signal": 0, "code": 0}, zygote.errors()
    calls = count_calls(tmp_path / "count.strace", syscall)
    result = {"calls": calls, "killed": 0, "present": 0, "absent": 0, "bad": []}
    for n in _points(calls, syscall):
        status, path = run(n, None)
        if status["signal"] != signal.SIGKILL:
            continue
        result["killed"] += 1
        problems = check_book(path)
        if problems:
            result["bad"].append((n, problems))
            continue
        with open_book(path) as book:
            facts = (len(book.members()), book.entry_count(), book.balance("cash"), book.anchor(), book.verify().ok)
        if facts != (12, 6, Money(55000), "6/d475e1b32ca1", True):
            result["bad"].append((n, facts))
        for info in bk.list_backups(paths.backups_dir_for(path)):
            bk.examine(info.path)
            assert info.kind == "migration" and info.revision == "0001"
        result["present"] += 1
    crash_points.append(("schema upgrade (open of a 0001 book)", syscall, result))
    assert result["bad"] == []
    assert result["killed"] >= 1


@pytest.fixture(scope="module")
def crash_points():
    found: list = []
    yield found
    lines = [f"  {c:42} {s:9} {r['calls']:3} calls, {r['killed']:3} killed: {r['present']} present, "
             f"{r['absent']} absent, {len(r['bad'])} damaged" for c, s, r in found]
    total = sum(r["killed"] for _c, _s, r in found if "control" not in _c)
    print("\ncrash points (strace kill at the N-th call):\n" + "\n".join(lines) + f"\n  {total} kill points, "
          "0 damaged outside the control")
