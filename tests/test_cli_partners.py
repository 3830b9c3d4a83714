"""Partner funds, schemes and coverage through the CLI: output, refusals (exit 1) and usage errors (exit 2)."""

import pytest

from tests.conftest import valid_cid
from villagebank.cli import main


def cli(capsys, *args, expect=0):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert code == expect, (args, captured.out, captured.err)
    return captured.out if expect == 0 else captured.err


@pytest.fixture
def bk(tmp_path, capsys):
    book = tmp_path / "p.vbk"
    b = ("--lang", "en", "--book", book)
    cli(capsys, *b, "init", "--name", "ธนาคารหมู่บ้านทดลอง")
    for i, birth in ((1, "01/01/2503"), (2, "01/01/2530"), (3, "01/01/2540")):
        cli(capsys, *b, "member", "add", "--first-name", f"สมาชิก{i}", "--citizen-id", valid_cid(f"31017002030{i}"),
            "--join-date", "03/01/2568", "--birth-date", birth)
    return b


def test_collect_remit_and_verify_a_community_welfare_fund(bk, capsys):
    b = bk
    out = cli(capsys, *b, "partner", "enrol", 1, "community_welfare", "--date", "01/01/2568")
    assert "Member 1 is enrolled" in out and "01/01/2568" in out
    cli(capsys, *b, "partner", "enrol", 2, "community_welfare", "--date", "01/01/2568")
    err = cli(capsys, *b, "partner", "enrol", 2, "community_welfare", expect=1)
    assert "already enrolled" in err and "Traceback" not in err
    cli(capsys, *b, "meeting", "open", "--date", "03/01/2568")
    sheet = cli(capsys, *b, "meeting", "sheet")
    assert sheet.count("200.00") == 2  # members 1 and 2: 200 baht in the "Other" column
    for no in (1, 2, 3):
        cli(capsys, *b, "meeting", "pay", no)
    err = cli(capsys, *b, "meeting", "pay", 3, "--partner", "community_welfare=200", expect=1)
    assert "member 3 is not enrolled" in err
    cli(capsys, *b, "meeting", "close")
    out = cli(capsys, *b, "partner", "list", "community_welfare", "--as-of", "03/01/2568")
    assert valid_cid("310170020301") in out and valid_cid("310170020302") in out
    assert "owed to the partner 400.00" in out
    out = cli(capsys, *b, "partner", "due", "--as-of", "10/01/2568")
    assert "05/02/2568" in out and "400.00" in out
    out = cli(capsys, *b, "partner", "remit", "community_welfare", "--date", "20/01/2568", "--member", 1)
    assert "Remitted 200.00 baht" in out
    err = cli(capsys, *b, "partner", "remit", "community_welfare", "--date", "20/01/2568", "--member", 1,
              expect=1)
    assert "member 1" in err
    cli(capsys, *b, "partner", "remit", "community_welfare", "--date", "20/01/2568")
    out = cli(capsys, *b, "partner", "list", "community_welfare", "--as-of", "20/01/2568", "--owed")
    assert "owed to the partner 0.00" in out
    out = cli(capsys, *b, "partner", "leave", 2, "community_welfare", "--date", "01/02/2568")
    assert "no longer enrolled" in out
    assert "in order" in cli(capsys, *b, "verify")


def test_the_bank_pays_from_its_welfare_fund(bk, capsys):
    b = bk
    cli(capsys, *b, "partner", "enrol", 1, "community_welfare", "--date", "01/01/2568")
    err = cli(capsys, *b, "partner", "bank-pays", "community_welfare", "--date", "03/01/2568", expect=1)
    assert "0%" in err
    err = cli(capsys, *b, "partner", "bank-pays", "community_welfare", "--amount", "50", "--member", 1,
              "--date", "03/01/2568", expect=1)
    assert "welfare fund holds only 0.00" in err


def test_schemes_and_coverage(bk, capsys):
    b = bk
    out = cli(capsys, *b, "coverage", "--member", 1, "--as-of", "01/06/2568")
    assert "Age: 65" in out and "old-age allowance of 600.00" in out
    out = cli(capsys, *b, "scheme", "add", 1, "old_age_allowance", "--since", "01/01/2563")
    assert "Old-age allowance" in out
    out = cli(capsys, *b, "coverage", "--member", 1, "--as-of", "01/06/2568")
    assert "old-age allowance of" not in out and "Old-age allowance" in out
    err = cli(capsys, *b, "scheme", "add", 1, "lottery", expect=1)
    assert "no welfare scheme" in err
    cli(capsys, *b, "scheme", "add", 2, "sso40", "--since", "01/01/2567")
    out = cli(capsys, *b, "scheme", "list")
    assert "Social security, section 40" in out
    cli(capsys, *b, "scheme", "end", 2, "sso40", "--date", "01/03/2568")
    out = cli(capsys, *b, "coverage", "--as-of", "01/06/2568")
    lines = {ln.split()[0]: ln.split()[1:] for ln in out.splitlines() if ln and ln.split()[0] in
             ("Sickness", "Death", "Unemployment")}
    assert lines["Sickness"] == ["3", "3", "0", "3", "0", "0"]
    assert lines["Unemployment"] == ["0", "0", "0", "0", "3", "0"]
    assert "3 member(s) as of 01/06/2568" in out
    th = cli(capsys, "--lang", "th", *b[2:], "coverage", "--as-of", "01/06/2568")
    assert "การว่างงาน" in th and "รัฐ" in th


def test_partner_usage_errors_exit_2(bk, capsys):
    b = bk
    cli(capsys, *b, "partner", "enrol", 1, expect=2)  # PARTNER missing
    cli(capsys, *b, "partner", "remit", "nsf", "--date", "31/02/2568", expect=2)
    cli(capsys, *b, "partner", "bank-pays", "nsf", "--amount", "abc", expect=2)
    cli(capsys, *b, "scheme", expect=2)
    cli(capsys, *b, "coverage", "--member", "x", expect=2)
    err = cli(capsys, *b, "partner", "list", "nope", expect=1)
    assert "no partner fund" in err
