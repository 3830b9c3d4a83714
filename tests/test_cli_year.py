"""A scripted year of meetings for 40 members, driven only through the CLI, leaves the books agreeing."""

import datetime as dt

import pytest

from tests.conftest import valid_cid
from villagebank.cli import main
from villagebank.ledger import Money, open_book
from villagebank.thai import format_date


def cli(capsys, *args, expect=0):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert code == expect, (args, captured.out, captured.err)
    return captured.out if expect == 0 else captured.err


@pytest.mark.slow
def test_a_year_of_meetings_through_the_cli(tmp_path, capsys):
    book = tmp_path / "year.vbk"
    b = ("--book", book)
    cli(capsys, *b, "init", "--name", "ธนาคารหมู่บ้านทดลอง", "--province", "ลำปาง")
    for i in range(1, 41):
        cli(capsys, *b, "member", "add", "--first-name", f"สมาชิก{i}", "--last-name", "ทดลอง",
            "--citizen-id", valid_cid(f"1{i:03d}00020345"[:12]), "--join-date", "03/01/2568")
    for month in range(1, 13):
        day = format_date(dt.date(2025, month, 3))
        cli(capsys, *b, "meeting", "open", "--date", day)
        out = cli(capsys, *b, "meeting", "sheet", "--unpaid")
        assert ("40" if month < 9 else "39") in out.splitlines()[-1]  # member 40 has left by September
        for no in range(1, 41):
            if no == 40 and month >= 6:
                continue  # member 40 stops saving: suspended in July, membership ended in August
            if no == 7 and month == 5:
                cli(capsys, *b, "meeting", "pay", no, "--shares", "๕๐")
                continue
            cli(capsys, *b, "meeting", "pay", no)
        if month == 4:
            plan = ((1, 2, 3, "1,200", 6), (4, 5, 6, "1,200", 6), (10, 11, 12, "๑,๒๐๐", 6), (20, 2, 5, "500", 5))
            for no, (borrower, g1, g2, amount, term) in enumerate(plan, start=1):
                cli(capsys, *b, "loan", "apply", borrower, amount, "--term", term, "--guarantor", g1,
                    "--guarantor", g2, "--purpose", "ทุนประกอบอาชีพ", "--date", day)
                cli(capsys, *b, "loan", "approve", no, "--date", day)
                cli(capsys, *b, "loan", "disburse", no, "--date", day)
            # Member 2 now guarantees two open loans: a third is refused, naming the rule and the numbers.
            err = cli(capsys, *b, "--lang", "en", "loan", "apply", 21, "500", "--term", 5, "--guarantor", 2,
                      "--guarantor", 22, "--date", day, expect=1)
            assert "member 2 already guarantees 2 open loans" in err
        if month == 6:
            cli(capsys, *b, "cash", "out", "150", "--category", "meeting", "--description", "ค่าน้ำดื่ม",
                "--date", day)
            cli(capsys, *b, "cash", "transfer", "2,000", "--from", "cash", "--to", "bank:main", "--date", day)
        if month == 12:
            cli(capsys, *b, "cash", "in", "35.50", "--category", "bank_interest", "--account", "bank:main",
                "--date", day)
        cli(capsys, *b, "meeting", "close")
    assert cli(capsys, *b, "verify").startswith(("สมุดบัญชีถูกต้อง", "The book is in order"))
    cli(capsys, *b, "loan", "list")
    cli(capsys, *b, "cash", "book", "--month", "2568-12")
    with open_book(book, readonly=True) as bk:
        members = bk.members()
        assert bk.member(40).status == "terminated"
        shares_total = sum(bk.share_balance(m.member_no).satang for m in members)
        assert shares_total == -bk.balance("shares").satang
        end = dt.date(2025, 12, 31)
        cb = bk.cash_book(dt.date(2025, 1, 1), end)
        assert cb.carried_forward == bk.balance("cash") == bk.cash_balance()
        states = bk.loans(end)
        assert sum(st.balance.satang for st in states) == bk.balance("loans").satang
        assert {st.status for st in states} == {"closed"}
        assert sum(st.interest_paid.satang for st in states) == -bk.balance("income:interest").satang
        assert bk.owed_to_former_member(40) == Money(-bk.balance("payable:former_members").satang)
        receipts = bk.receipts()
        assert [r.receipt_no for r in receipts] == list(range(1, len(receipts) + 1))
        assert len(receipts) == 40 * 12 - 7
        assert bk.verify().ok
