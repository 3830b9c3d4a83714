"""The CLI as the network centre's scripts use it: sub-commands, messages and exit codes."""

import sqlite3

from villagebank.cli import main


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_member_and_verify(tmp_path, capsys):
    book = str(tmp_path / "b.vbk")
    code, out, _ = run(capsys, "--book", book, "init", "--name", "ธนาคารหมู่บ้านทดสอบ", "--province", "น่าน")
    assert code == 0 and "ธนาคารหมู่บ้านทดสอบ" in out
    code, out, _ = run(capsys, "--book", book, "member", "add", "--first-name", "สมชาย", "--last-name", "ใจดี",
                       "--join-date", "03/07/2568", "--citizen-id", "1101700203450")
    assert code == 0
    code, out, _ = run(capsys, "--book", book, "member", "list")
    assert code == 0 and "สมชาย ใจดี" in out and "03/07/2568" in out
    code, out, _ = run(capsys, "--book", book, "verify")
    assert code == 0


def test_refused_input_exits_1_with_a_thai_message(tmp_path, capsys):
    book = str(tmp_path / "b.vbk")
    run(capsys, "--book", book, "init", "--name", "กลุ่ม")
    code, _, err = run(capsys, "--book", book, "member", "add", "--first-name", "ก", "--citizen-id", "123")
    assert code == 1
    assert "เลขประจำตัวประชาชน" in err and "Traceback" not in err
    code, _, err = run(capsys, "--lang", "en", "--book", book, "member", "add", "--first-name", "ก",
                       "--citizen-id", "123")
    assert code == 1 and "Citizen ID" in err


def test_usage_errors_exit_2(tmp_path, capsys):
    assert run(capsys, "nonsense")[0] == 2
    assert run(capsys, "--book", str(tmp_path / "b.vbk"), "member", "add")[0] == 2  # --first-name missing
    assert run(capsys, "--book", str(tmp_path / "b.vbk"), "member", "add", "--first-name", "ก",
               "--join-date", "31/02/2568")[0] == 2


def test_missing_book_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, "--book", str(tmp_path / "none.vbk"), "verify")
    assert code == 1 and "Traceback" not in err


def test_demo_then_verify(tmp_path, capsys):
    book = str(tmp_path / "d.vbk")
    code, out, _ = run(capsys, "--book", book, "demo", "--members", "12")
    assert code == 0
    code, out, _ = run(capsys, "--book", book, "member", "list")
    assert out.count("\n") >= 12
    assert run(capsys, "--book", book, "verify")[0] == 0


def test_editing_a_stored_amount_makes_verify_exit_1_naming_the_entry(tmp_path, capsys):
    from villagebank.ledger import Money, open_book
    from villagebank.ledger import journal as j

    path = tmp_path / "b.vbk"
    run(capsys, "--book", str(path), "init", "--name", "กลุ่ม")
    with open_book(path) as book:
        for amount in (1000, 2000, 3000):
            with book._write() as conn:
                book._post(conn, date=book.clock.today(), kind="deposit",
                           lines=[j.dr("cash", Money(amount)), j.cr("shares", Money(amount), member_no=1)])
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER posting_no_update")
    con.execute("UPDATE posting SET amount = 2500 WHERE entry_seq = 2 AND amount = 2000")
    con.commit()
    con.close()
    code, _, err = run(capsys, "--lang", "en", "--book", str(path), "verify")
    assert code == 1
    assert "entry 2" in err


def test_rules_show_and_set(tmp_path, capsys):
    book = str(tmp_path / "b.vbk")
    run(capsys, "--book", book, "init", "--name", "กลุ่ม")
    code, out, _ = run(capsys, "--book", book, "rules", "set", "min_saving=20", "alloc_development_pct=15",
                       "alloc_committee_pct=15", "--reason", "ประชุมใหญ่ 2568")
    assert code == 0
    code, out, _ = run(capsys, "--book", book, "rules", "show")
    assert "20.00" in out
    code, _, err = run(capsys, "--book", book, "rules", "set", "alloc_reserve_pct=50")
    assert code == 1 and "100" in err


def test_version(capsys):
    import villagebank

    code, out, _ = run(capsys, "--version")
    assert code == 0 and villagebank.__version__ in out
