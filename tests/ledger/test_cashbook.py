"""The cash book, bank transfers, the cash count and the secretary's monthly record."""

import datetime as dt

import pytest

from villagebank.ledger import InvalidInput, LedgerError, Money, RuleViolation, StorageError


def baht(n):
    return Money.baht(n)


def test_receipts_payments_and_running_balance(saving_book, clock):
    book = saving_book
    clock.set(dt.date(2025, 4, 10))
    book.cash_out(baht(45), "office", "ซื้อสมุดบัญชี")
    book.transfer(baht(1000), "cash", "bank:main", "ฝากธนาคาร ธ.ก.ส.")
    book.cash_in(Money.parse("12.34"), "bank_interest", "ดอกเบี้ยเงินฝาก", account="bank:main")
    cb = book.cash_book(dt.date(2025, 4, 1), dt.date(2025, 4, 30))
    assert cb.brought_forward == baht(1400)
    assert cb.received == baht(100) and cb.paid == baht(1045)
    assert cb.carried_forward == baht(455) == book.cash_balance()
    assert [ln.balance for ln in cb.lines][-1] == cb.carried_forward
    assert book.cash_balance("bank:main") == Money(101234)
    assert [(code, total) for code, _n, total in book.expenses_by_category(dt.date(2025, 1, 1),
                                                                              dt.date(2025, 12, 31))] == [
        ("expense:office", baht(45))]


def test_cash_refusals(saving_book, clock):
    book = saving_book
    clock.set(dt.date(2025, 4, 10))
    with pytest.raises(RuleViolation):
        book.cash_out(baht(5000), "office", "มากเกินไป")
    with pytest.raises(LedgerError):
        book.cash_out(baht(5), "nonsense", "x")
    with pytest.raises(InvalidInput):
        book.cash_out(baht(5), "income:other", "x")
    with pytest.raises(InvalidInput):
        book.transfer(baht(5), "cash", "cash")
    with pytest.raises(InvalidInput):
        book.cash_in(Money(0), "other", "x")


def test_cash_count_matches_or_records_over_short_with_a_reason(saving_book, clock):
    book = saving_book
    clock.set(dt.date(2025, 4, 10))
    assert book.cash_balance() == baht(1500)
    ok = book.count_cash({100000: 1, 50000: 1})
    assert ok.difference == Money(0) and ok.entry_seq is None
    with pytest.raises(InvalidInput) as info:
        book.count_cash({100000: 1, 10000: 4, 5000: 1, 2000: 2})
    assert "1,490.00" in str(info.value) and "-10.00" in str(info.value)
    short = book.count_cash({100000: 1, 10000: 4, 5000: 1, 2000: 2}, reason="ทอนเงินผิด")
    assert short.difference == -baht(10) and book.cash_balance() == baht(1490)
    assert book.balance("expense:cash_short") == baht(10)
    with pytest.raises(InvalidInput):
        book.count_cash({3000: 1})  # there is no 30-baht note


def test_secretary_record(saving_book, clock):
    book = saving_book
    clock.set(dt.date(2025, 4, 20))
    book.cash_out(baht(45), "meeting", "น้ำดื่ม")
    no = book.apply_loan(1, baht(500), 5, [2, 3])
    book.approve_loan(no)
    book.disburse_loan(no)
    rec = book.secretary_record(2025, 4)
    assert rec.members_at_end == 10 and rec.new_members == 0
    assert rec.brought_forward == baht(1400)
    assert rec.received == baht(100) and rec.shares_received == baht(100)
    assert rec.paid == baht(545) and rec.expenses == baht(45) and rec.loans_paid_out == baht(500)
    assert rec.carried_forward == baht(955) == book.cash_balance()
    jan = book.secretary_record(2025, 1)
    assert jan.new_members == 10 and jan.received == baht(1200)


def test_a_failed_write_leaves_nothing_behind(saving_book, clock, monkeypatch):
    """An error on the last statement of a multi-row posting commits nothing."""
    import sqlalchemy

    from villagebank.ledger.db import schema as s

    book = saving_book
    clock.set(dt.date(2025, 4, 10))
    before = (book.entry_count(), book.cash_balance())
    real_execute = sqlalchemy.engine.Connection.execute

    def failing(self, statement, *args, **kw):
        if getattr(statement, "table", None) is s.receipt:
            raise sqlalchemy.exc.OperationalError("INSERT", {}, Exception("database or disk is full"))
        return real_execute(self, statement, *args, **kw)

    monkeypatch.setattr(sqlalchemy.engine.Connection, "execute", failing)
    with pytest.raises(StorageError) as info:
        book.deposit(1, baht(10))
    monkeypatch.setattr(sqlalchemy.engine.Connection, "execute", real_execute)
    assert info.value.reason == "full"
    assert (book.entry_count(), book.cash_balance()) == before
    assert book.verify().ok
    book.deposit(1, baht(10))  # works again once the disk has room
