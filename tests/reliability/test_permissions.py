"""A read-only book or folder, as an unprivileged user (root ignores file modes): a clear refusal or
read-only viewing, never a false success. Also the CLI: exit 1 and no receipt."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.reliability.commands import add_member, deposit
from tests.reliability.harness import child_env
from villagebank.ledger import create_book

NOBODY = 65534
HELPER = Path(__file__).with_name("unprivileged.py")


def _prefix() -> list[str]:
    if os.geteuid() != 0:
        return []  # already unprivileged: file modes apply
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is needed to drop root for this test")
    prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import villagebank.ledger"], env=child_env(),
                           capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"the unprivileged user cannot run this Python: {probe.stderr.decode(errors='replace')[:200]}")
    return prefix


@pytest.fixture
def world(tmp_path):
    """A folder the unprivileged user can reach (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="vb-perm-", dir="/tmp"))
    os.chmod(folder, 0o755)
    yield folder
    for p in folder.rglob("*"):
        os.chmod(p, 0o755 if p.is_dir() else 0o644)
    shutil.rmtree(folder, ignore_errors=True)


def _book(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "book.vbk"
    with create_book(path, name="ธนาคารหมู่บ้านทดสอบสิทธิ์") as book:
        add_member(book, 1)
        deposit(book, 10000, member_no=1)
    return path


def _own(path: Path) -> None:
    if os.geteuid() == 0:
        for p in [path, *path.rglob("*")]:
            os.chown(p, NOBODY, NOBODY)


def _run_helper(prefix, path, backup_to=None) -> dict:
    args = [*prefix, sys.executable, str(HELPER), str(path)] + ([str(backup_to)] if backup_to else [])
    done = subprocess.run(args, env=child_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _assert_refused_but_viewable(results: dict) -> None:
    refused = results["write_open"]
    assert refused["ok"] is False and refused["reason"] == "readonly", refused
    assert "เปิดได้เพื่อดูเท่านั้น" in refused["message"]  # "can only be opened for viewing"
    assert results["view"] == {"ok": True, "value": {"members": 1, "entries": 1, "ok": True}}
    assert results["record_while_viewing"]["ok"] is False
    assert results["record_while_viewing"]["reason"] == "readonly"


def test_a_read_only_book_file_is_refused_for_writing_and_opens_for_viewing(world):
    prefix = _prefix()
    path = _book(world / "bank")
    _own(world / "bank")
    os.chmod(path, 0o444)
    before = path.read_bytes()
    _assert_refused_but_viewable(_run_helper(prefix, path))
    assert path.read_bytes() == before


def test_a_read_only_folder_is_refused_for_writing_and_opens_for_viewing(world):
    prefix = _prefix()
    path = _book(world / "bank")
    _own(world / "bank")
    usb = world / "usb"
    usb.mkdir()
    _own(usb)
    os.chmod(usb, 0o555)
    os.chmod(world / "bank", 0o555)
    results = _run_helper(prefix, path, backup_to=usb)
    _assert_refused_but_viewable(results)
    assert results["backup"]["ok"] is False and results["backup"]["reason"] == "readonly"
    assert results["backup"]["message"].startswith("ยังไม่ได้สำรองข้อมูล")
    assert list(usb.iterdir()) == []


def test_the_cli_gives_no_false_receipt_on_a_read_only_book(world):
    prefix = _prefix()
    path = _book(world / "bank")
    _own(world / "bank")
    os.chmod(path, 0o444)
    done = subprocess.run([*prefix, sys.executable, "-m", "villagebank", "--book", str(path), "member", "add",
                           "--first-name", "สมหมาย"], env=child_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "อ่านอย่างเดียว" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""  # no "Registered member ..." receipt
    listed = subprocess.run([*prefix, sys.executable, "-m", "villagebank", "--book", str(path), "member", "list"],
                            env=child_env(), capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and "สมหมาย" not in listed.stdout
