"""Disk full and I/O errors at the system-call level: ENOSPC injected at each ``pwrite64`` and EIO at each
``fdatasync``/``fsync`` of a command (strace), a file size limit (``ulimit -f``) and a real 2 MiB tmpfs.

Each time: the user sees the real cause in Thai (never a secondary "cannot rollback" error), nothing is
half-written (V, and the command applied exactly once after the retry), and the same Book works again.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.reliability.commands import add_member, deposit
from tests.reliability.harness import Strace, count_calls, read_records, strace_usable
from tests.reliability.oracle import check_book, state
from villagebank import paths
from villagebank.ledger import backup as bk
from villagebank.ledger import create_book

DISK_FULL = "พื้นที่ดิสก์เต็ม รายการนี้ยังไม่ถูกบันทึก"
DISK_ERROR = "ดิสก์ขัดข้องระหว่างบันทึก รายการนี้ยังไม่ถูกบันทึก"
BACKUP_FULL = "ยังไม่ได้สำรองข้อมูล: พื้นที่ดิสก์หรือแฟลชไดรฟ์เต็ม"
BACKUP_ERROR = "ยังไม่ได้สำรองข้อมูล: ดิสก์ขัดข้อง"
DELTA = {"member_add": {"member": 1, "member_status": 1}, "deposit": {"entry": 1, "posting": 2}, "backup": {}}
INJECTIONS = [("deposit", "pwrite64", "ENOSPC"), ("member_add", "pwrite64", "ENOSPC"), ("backup", "pwrite64", "ENOSPC"),
              ("deposit", "fdatasync", "EIO"), ("member_add", "fdatasync", "EIO"), ("backup", "fdatasync", "EIO"),
              ("backup", "fsync", "EIO")]


@pytest.fixture(scope="module")
def base_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("base") / "book.vbk"
    with create_book(path, name="ธนาคารหมู่บ้านทดสอบดิสก์เต็ม") as book:
        add_member(book, 1)
        for i in range(5):
            deposit(book, 10000 + i, member_no=1)
    return path


def _expected_message(command: str, error: str) -> str:
    if command == "backup":
        return BACKUP_FULL if error == "ENOSPC" else BACKUP_ERROR
    return DISK_FULL if error == "ENOSPC" else DISK_ERROR


@pytest.mark.skipif(strace_usable() is not None, reason=str(strace_usable()))
@pytest.mark.parametrize(("command", "syscall", "error"), INJECTIONS, ids=[f"{c}-{s}-{e}" for c, s, e in INJECTIONS])
def test_an_injected_disk_error_names_the_cause_and_the_retry_works(zygote, base_book, tmp_path, command, syscall,
                                                                    error, io_figures):
    before = state(base_book)
    before.pop("last")
    expected = dict(before)
    for key, n in DELTA[command].items():
        expected[key] += n

    def run(n: int | None) -> tuple[list[dict], Path]:
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        path = folder / "book.vbk"
        shutil.copy(base_book, path)
        out = folder / "out.jsonl"
        pid = zygote.spawn(book=str(path), out=str(out), task="once", command=command, gate=True, retry=True)
        tracer = Strace(pid, syscall, f"error={error}:when={n}" if n else None, folder / "count.strace")
        zygote.go(pid)
        tracer.finish()
        status = zygote.wait(pid)
        assert status == {"signal": 0, "code": 0}, zygote.errors()
        return read_records(out), path

    records, counted = run(None)
    calls = count_calls(counted.parent / "count.strace", syscall)
    failures = 0
    # A backup writes the whole copy: on CI every 3rd of its writes, from a point that changes per run.
    step = 3 if command == "backup" and syscall == "pwrite64" and not os.environ.get("VB_FULL_SWEEP") else 1
    points = range(1 + random.randrange(step), calls + 1, step)
    for n in points:
        records, path = run(n)
        first = records[0]
        if not first["ok"]:
            failures += 1
            assert first["reason"] == ("full" if error == "ENOSPC" else "io"), (n, first["message"])
            assert first["message"].startswith(_expected_message(command, error)), first
            assert "rollback" not in first["message"] and "transaction" not in first["message"], first
            assert records[1]["ok"], f"the retry after freeing space failed: {records}"
        problems = check_book(path)
        assert problems == [], f"{syscall} #{n}: {problems}"
        now = state(path)
        now.pop("last")
        assert now == expected, f"{syscall} #{n}: the command is not there exactly once: {now} != {expected}"
        if command == "backup":
            listed = bk.list_backups(paths.backups_dir_for(path))
            assert len(listed) == 1, f"{syscall} #{n}: {len(listed)} backups listed"
            bk.examine(listed[0].path)
    io_figures.append((command, syscall, error, calls, len(points), failures))
    assert calls > 0
    if syscall == "pwrite64":
        assert failures > 0


@pytest.fixture(scope="module")
def io_figures():
    found: list = []
    yield found
    print("\ninjected disk errors (each point: the real cause shown, retry ok, V ok):")
    for command, syscall, error, calls, tried, failures in found:
        print(f"  {command:11} {error:6} at {tried:3} of {calls:3} {syscall:9} calls: {failures} refused with the cause, "
              f"{tried - failures} ignored by SQLite or after the commit")


def test_a_file_size_limit_is_a_full_disk_and_the_book_goes_on_after(zygote, base_book, tmp_path):
    path = tmp_path / "book.vbk"
    shutil.copy(base_book, path)
    out = tmp_path / "out.jsonl"
    limit = path.stat().st_size + 1024 * 1024
    pid = zygote.spawn(book=str(path), out=str(out), task="fill", gate=False, fsize=limit)
    assert zygote.wait(pid) == {"signal": 0, "code": 0}, zygote.errors()
    failed, after = read_records(out)
    assert failed["reason"] in ("full", "io"), failed  # EFBIG reaches SQLite as a short write or a write error
    assert failed["message"].startswith((DISK_FULL, DISK_ERROR)), failed
    assert "rollback" not in failed["message"]
    assert failed["count"] > 10 and after["ok"]
    assert check_book(path) == []
    assert state(path)["entry"] == state(base_book)["entry"] + failed["count"] + 1


def _mount_tmpfs(folder: Path, size: str) -> str | None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return "mounting a tmpfs needs root"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    return None if done.returncode == 0 else f"cannot mount a tmpfs: {done.stderr.decode(errors='replace')[:200]}"


def test_a_real_full_disk_a_2_mib_tmpfs(zygote, base_book, tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    why = _mount_tmpfs(disk, "2m")
    if why:
        pytest.skip(why)
    try:
        path = disk / "book.vbk"
        shutil.copy(base_book, path)
        filler = disk / "old-photos.bin"
        free = shutil.disk_usage(disk).free
        filler.write_bytes(b"\x00" * (free - 200 * 1024))
        out = tmp_path / "out.jsonl"
        pid = zygote.spawn(book=str(path), out=str(out), task="fill", gate=False, free=str(filler))
        assert zygote.wait(pid) == {"signal": 0, "code": 0}, zygote.errors()
        failed, after = read_records(out)
        assert failed["reason"] == "full" and failed["message"].startswith(DISK_FULL), failed
        assert after["ok"], after
        assert check_book(path) == []
        assert state(path)["entry"] == state(base_book)["entry"] + failed["count"] + 1
    finally:
        subprocess.run(["umount", str(disk)], check=False)
