"""The benchmark suite's bulk generator writes valid books: the hash chain, the four books and the rules hold."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

gen = pytest.importorskip("bench.gen")


@pytest.fixture(scope="module")
def xs_book(tmp_path_factory):
    path = tmp_path_factory.mktemp("gen") / "book.vbk"
    counts = gen.Generator(gen.SCALES["XS"], 3, path).run()
    return path, counts


def test_generated_book_verifies(xs_book):
    from villagebank.ledger import FixedClock, open_book

    path, counts = xs_book
    assert counts["members"] == 60 and counts["entries"] > 1000
    with open_book(path, readonly=True, clock=FixedClock(dt.date(2026, 1, 2))) as book:
        report = book.verify()
        assert report.ok, [p.message() for p in report.problems[:5]]
        assert report.entries == counts["entries"]
        assert book.closed_years() == [gen.LAST_YEAR - 1]
        # Every loan's state from the ledger's own code agrees with the postings; none owes more than it lent.
        for st in book.loans(dt.date(gen.LAST_YEAR, 12, 31), statuses=("disbursed",)):
            assert 0 < st.balance.satang <= st.principal.satang
            assert book.balance("loans", loan_no=st.loan_no) == st.balance
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        # Receipts are gap-free and each is the total its entry received.
        nos = [r[0] for r in con.execute("SELECT receipt_no FROM receipt ORDER BY receipt_no")]
        assert nos == list(range(1, len(nos) + 1))
    finally:
        con.close()


def test_hledger_journal_has_the_same_postings(xs_book, tmp_path):
    path, counts = xs_book
    out = tmp_path / "book.journal"
    assert gen.write_journal(path, out) == counts["entries"]
    text = out.read_text(encoding="utf-8")
    assert text.count("\n    ") == counts["postings"]
    assert gen.hledger_account("shares", 7) == "equity:shares:m00007"
    assert gen.hledger_account("expense:office", None) == "expenses:office"
    assert gen._baht(-1205) == "-12.05"


# --- the suite's plumbing (fast: no benchmark is run by `make test`) ---------------------------------------------
def _result(job, scale, job_s, floors, postings, **extra):
    runs = {"job": {"times": [job_s], "median": job_s, "cores": 1.0, "peak_mib": 10.0, "cpu": [job_s]}}
    for name, s in floors.items():
        runs[name] = {"times": [s], "median": s, "cores": 1.0, "peak_mib": 5.0, "cpu": [s]}
    return {"job": job, "scale": scale, "runs": runs, "data": {"counts": {"postings": postings}}, **extra}


def test_the_table_gates_on_ratio_targets_and_fits_the_exponents():
    report = pytest.importorskip("bench.report")
    results = [_result("balances", "S", 0.01, {"raw sqlite3 GROUP BY": 0.008}, 40_000),
               _result("balances", "M", 1.0, {"raw sqlite3 GROUP BY": 0.4, "hledger bal": 50.0}, 4_000_000),
               _result("yearend", "M", 9.0, {"close without the backup": 3.0}, 4_000_000)]
    text, missed = report.table(results, title="t", notes=[], started=dt.datetime(2026, 1, 1), seconds=60)
    assert missed == ["balances M: ≤ 2× raw (measured 2.50×)",
                      "balances M: ≥ 100× faster than hledger (measured 50× faster)"]
    assert "| **no** |" in text and "50× faster" in text
    assert "| member balances as of a date | S 10.0 ms → M 1.00 s | 1.00 |" in text  # 100× the postings
    yearend = [line for line in text.splitlines() if "the close alone < 5 s" in line]
    assert yearend and "| yes |" in yearend[0]  # 3 s; the job with its backup (9 s) misses, not gating
    assert report.fit_exponent([(1, 2), (10, 20), (100, 200)]) == pytest.approx(1.0)


def test_a_rerun_replaces_only_its_own_results(tmp_path):
    main = pytest.importorskip("bench.__main__")
    old = [_result("balances", "S", 0.01, {}, 40_000, run={"started": "2026-01-01T10:00:00", "seconds": 600}),
           _result("gui", "M", 2.0, {}, 4_000_000)]
    path = tmp_path / "run.json"
    path.write_text(json.dumps(old))
    new = [_result("gui", "M", 1.1, {}, 4_000_000, ran="2026-01-01T11:30"),
           _result("gui", "L", 1.2, {}, 8_000_000, ran="2026-01-01T11:31")]
    merged, scales, started, seconds, rerun = main.merge_results(str(path), new)
    assert [(r["job"], r["scale"], r["runs"]["job"]["median"]) for r in merged] == [
        ("balances", "S", 0.01), ("gui", "M", 1.1), ("gui", "L", 1.2)]
    assert scales == ["S", "M", "L"] and started == dt.datetime(2026, 1, 1, 10) and seconds == 600
    assert rerun == ["gui M (11:30)", "gui L (11:31)"]
    assert [p[:2] for p in main.plan(["S", "M"], None, False, True)] == [(j, s) for j, s, *_ in main.PLAN]


def test_the_year_end_job_times_the_backup_and_the_close_apart(xs_book, tmp_path, monkeypatch):
    jobs = pytest.importorskip("bench.jobs")
    path, counts = xs_book
    ds = gen.Dataset(gen.SCALES["XS"], 3, path.parent, {"counts": counts})
    monkeypatch.setenv("VILLAGEBANK_HOME", str(tmp_path))
    out = jobs.year_end(ds, 2, tmp_path, backups=1)
    runs = out["runs"]
    assert len(runs["verified backup before the close"]["times"]) == 1
    assert len(runs["close without the backup"]["times"]) == 2
    first = runs["verified backup before the close"]["times"][0] + runs["close without the backup"]["times"][0]
    assert runs["job"]["times"][0] == pytest.approx(first)
    assert out["facts"]["members paid"] > 0
