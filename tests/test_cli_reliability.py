"""The CLI contract of issue 8: backup [--to DIR], backups, restore FILE [--yes], verify [--anchors]
[--anchor SEQ/HASH], users; exit codes 0 ok, 1 refused or failed check, 2 usage."""

import io
import sqlite3
from pathlib import Path

import pytest

from villagebank.cli import main
from villagebank.ledger import open_book


def run(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def cli_book(tmp_path, capsys):
    path = tmp_path / "b.vbk"
    assert run(capsys, "--book", str(path), "init", "--name", "ธนาคารหมู่บ้านทดสอบ")[0] == 0
    for name in ("สมชาย", "สมศรี"):
        assert run(capsys, "--book", str(path), "member", "add", "--first-name", name)[0] == 0
    return path


def test_backup_prints_the_path_of_a_verified_backup(cli_book, capsys, tmp_path):
    code, out, err = run(capsys, "--book", str(cli_book), "backup")
    assert code == 0
    made = Path(out.strip())
    assert made.exists() and made.parent == cli_book.parent / "backups" / "b"
    assert "ตรวจสอบ" in err
    code, out, _ = run(capsys, "--book", str(cli_book), "backup", "--to", str(tmp_path / "usb"))
    assert code == 0 and Path(out.strip()).parent == tmp_path / "usb"
    code, out, _ = run(capsys, "--book", str(cli_book), "backups")
    assert code == 0 and made.name in out and "1" in out


def test_backup_works_while_the_book_is_open_elsewhere(cli_book, capsys):
    with open_book(cli_book):
        code, out, _ = run(capsys, "--book", str(cli_book), "backup")
    assert code == 0 and Path(out.strip()).exists()


def test_restore_shows_what_it_will_restore_and_asks(cli_book, capsys, monkeypatch):
    backup = run(capsys, "--book", str(cli_book), "backup")[1].strip()
    run(capsys, "--book", str(cli_book), "member", "add", "--first-name", "มาลี")
    code, out, _ = run(capsys, "--book", str(cli_book), "restore", backup, stdin="n\n", monkeypatch=monkeypatch)
    assert code == 1 and "ธนาคารหมู่บ้านทดสอบ" in out and "ไม่มีการเปลี่ยนแปลง" in out
    with open_book(cli_book, readonly=True) as book:
        assert len(book.members()) == 3
    code, out, _ = run(capsys, "--book", str(cli_book), "restore", backup, stdin="y\n", monkeypatch=monkeypatch)
    assert code == 0 and "replaced" in out
    with open_book(cli_book, readonly=True) as book:
        assert len(book.members()) == 2


def test_restore_refuses_with_the_reason_and_exit_1(cli_book, capsys, tmp_path):
    other = tmp_path / "other.vbk"
    run(capsys, "--book", str(other), "init", "--name", "กลุ่มบ้านอื่น")
    code, _, err = run(capsys, "--book", str(cli_book), "restore", str(other), "--yes")
    assert code == 1 and "กลุ่มบ้านอื่น" in err
    code, out, _ = run(capsys, "--book", str(cli_book), "restore", str(other), "--yes", "--other-bank")
    assert code == 0 and "คำเตือน" in out
    text = tmp_path / "notes.vbk"
    text.write_text("not a book")
    code, _, err = run(capsys, "--lang", "en", "--book", str(cli_book), "restore", str(text), "--yes")
    assert code == 1 and "not a villagebank book" in err


def test_verify_with_anchors_catches_deleted_newest_entries(cli_book, capsys):
    from tests.reliability.commands import deposit

    with open_book(cli_book) as book:
        for _ in range(4):
            deposit(book, 10000)
        anchor = book.anchor()
    assert run(capsys, "--book", str(cli_book), "backup")[0] == 0
    code, out, _ = run(capsys, "--book", str(cli_book), "verify", "--anchors")
    assert code == 0 and "ตรงกับรหัสตรวจสอบ 1 รหัส" in out
    con = sqlite3.connect(cli_book)
    con.execute("DROP TRIGGER entry_no_delete")
    con.execute("DROP TRIGGER posting_no_delete")
    con.execute("DELETE FROM posting WHERE entry_seq = 4")
    con.execute("DELETE FROM entry WHERE seq = 4")
    con.commit()
    con.close()
    assert run(capsys, "--book", str(cli_book), "verify")[0] == 0  # the chain alone cannot tell
    code, _, err = run(capsys, "--lang", "en", "--book", str(cli_book), "verify", "--anchors")
    assert code == 1 and "the newest entries were deleted" in err
    code, _, err = run(capsys, "--lang", "en", "--book", str(cli_book), "verify", "--anchor", anchor)
    assert code == 1 and "the newest entries were deleted" in err
    assert run(capsys, "--book", str(cli_book), "verify", "--anchor", "4/xyz")[0] == 2


def test_user_accounts_from_the_cli(cli_book, capsys, monkeypatch):
    monkeypatch.setenv("VILLAGEBANK_NEW_PASSWORD", "treasurer-pass")
    assert run(capsys, "--book", str(cli_book), "users", "enable", "somchai")[0] == 0
    monkeypatch.setenv("VILLAGEBANK_PASSWORD", "wrong-password")
    code, _, err = run(capsys, "--book", str(cli_book), "--user", "somchai", "member", "add", "--first-name", "ก")
    assert code == 1 and "รหัสผ่านไม่ถูกต้อง" in err
    monkeypatch.setenv("VILLAGEBANK_PASSWORD", "treasurer-pass")
    code, out, _ = run(capsys, "--book", str(cli_book), "--user", "somchai", "member", "add", "--first-name", "ก")
    assert code == 0
    code, out, _ = run(capsys, "--book", str(cli_book), "users", "list")
    assert code == 0 and "somchai" in out and "เหรัญญิก" in out
    assert run(capsys, "--book", str(cli_book), "verify")[0] == 0  # reading needs no password
