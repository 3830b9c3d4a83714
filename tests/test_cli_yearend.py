"""close-year, reopen-year, payout and welfare through the CLI (contract names and exit codes)."""

import datetime as dt

from tests.ledger.test_yearend import build_year
from villagebank.cli import main
from villagebank.ledger import FixedClock, Money, create_book


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_close_year_preview_close_reopen(tmp_path, capsys):
    path = tmp_path / "b.vbk"
    clock = FixedClock(dt.date(2025, 1, 3))
    with create_book(path, name="กลุ่ม", clock=clock) as book:
        build_year(book, clock)
    code, out, _ = run(capsys, "--lang", "en", "--book", path, "close-year", "2568", "--preview", "--members")
    assert code == 0 and "1,000.01" in out and "Preview only" in out and "4 member(s) paid 499.98 baht" in out
    code, out, _ = run(capsys, "--book", path, "close-year", "2025")
    assert code == 0 and "ปิดบัญชีปี 2568" in out
    code, _, err = run(capsys, "--book", path, "close-year", "2568")
    assert code == 1 and "ปิดบัญชีแล้ว" in err
    code, out, _ = run(capsys, "--book", path, "payout", "--list")
    assert code == 0 and "216.24" in out
    code, _, _ = run(capsys, "--book", path, "reopen-year", "2568", "--reason", "ทดสอบ")
    assert code == 0
    assert run(capsys, "--book", path, "verify")[0] == 0
    assert run(capsys, "--book", path, "close-year", "25")[0] == 2  # not a year


def test_welfare_claim_and_register(tmp_path, capsys):
    path = tmp_path / "b.vbk"
    clock = FixedClock(dt.date(2025, 1, 3))
    with create_book(path, name="กลุ่ม", clock=clock) as book:
        book.add_member({"first_name": "สมศรี", "join_date": dt.date(2025, 1, 3)})
        book.deposit(1, Money(10000))
        book.cash_in(Money(300000), "fund:welfare", "สมทบ")
    code, _, err = run(capsys, "--book", path, "welfare", "claim", "1", "childbirth", "--date", "10/02/2568")
    assert code == 1 and "90" in err
    code, out, _ = run(capsys, "--book", path, "welfare", "claim", "1", "hospital", "--nights", "3", "--date",
                       "10/05/2568")
    assert code == 0 and "300.00" in out
    code, out, _ = run(capsys, "--book", path, "welfare", "list", "--year", "2568")
    assert code == 0 and "สมศรี" in out and "นอนโรงพยาบาล" in out
