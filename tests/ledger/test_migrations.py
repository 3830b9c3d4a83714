"""Every frozen book of an older revision upgrades to head with its data, balances and chain intact."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from villagebank.ledger import Money, open_book
from villagebank.ledger.db import migrate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def old_book(tmp_path):
    path = tmp_path / "old.vbk"
    shutil.copy(FIXTURES / "book_r0001.vbk", path)
    return path


def test_revision_0001_book_upgrades_with_its_data_kept(old_book):
    with open_book(old_book) as book:
        assert migrate.current_revision(book.engine) == migrate.head_revision()
        assert len(book.members()) == 12
        assert book.member(3).phone == "0899999999"
        assert book.entry_count() == 6
        assert book.balance("cash") == Money(55000)
        assert book.entry(6).reverses_seq == 2
        assert len(book.locked_periods()) == 1
        report = book.verify()
        assert report.ok, [p.message() for p in report.problems]
        assert report.anchor == "6/d475e1b32ca1"
        if migrate.head_revision() != "0001":
            assert book.upgrade_backup is not None and book.upgrade_backup.exists()
            copy = sqlite3.connect(book.upgrade_backup)
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            copy.close()


def test_revision_0001_book_gains_the_partner_and_scheme_tables(old_book):
    import datetime as dt

    with open_book(old_book) as book:
        names = migrate.table_names(book.engine)
        assert {"partner_enrolment", "member_scheme"} <= names
        assert book.partner_enrolments() == [] and book.member_schemes() == []
        member = next(m for m in book.members() if m.citizen_id and m.is_active)
        e = book.enrol_partner(member.member_no, "community_welfare", dt.date(2025, 1, 1))
        assert book.partner_enrolments(member_no=member.member_no) == [e]
        book.add_member_scheme(member.member_no, "old_age_allowance", dt.date(2025, 1, 1))
        assert [ms.scheme for ms in book.member_schemes(member.member_no)] == ["old_age_allowance"]
        assert book.verify().ok
    con = sqlite3.connect(old_book)
    with pytest.raises(sqlite3.IntegrityError):  # named check constraint: a span cannot end before it began
        con.execute("UPDATE partner_enrolment SET until = '2024-01-01'")
    con.close()


def test_the_revisions_build_exactly_the_schema_of_the_code(tmp_path):
    """The hand-written revisions and ``db/schema.py`` agree (tables, columns, indexes, constraints)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from villagebank.ledger.db.engine import make_engine
    from villagebank.ledger.db.schema import metadata

    engine = make_engine(tmp_path / "fresh.vbk")
    migrate.create_schema(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()


def test_the_journal_stays_append_only_after_upgrade(old_book):
    open_book(old_book).close()
    con = sqlite3.connect(old_book)
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("DELETE FROM entry WHERE seq = 6")
    con.close()


def test_every_revision_runs_in_order_from_an_empty_file(tmp_path):
    from villagebank.ledger.db.engine import make_engine

    engine = make_engine(tmp_path / "empty.vbk")
    revisions = [r.revision for r in migrate.script_directory().walk_revisions()][::-1]
    for rev in revisions:
        migrate.create_schema(engine, rev)
        assert migrate.current_revision(engine) == rev
    engine.dispose()


def test_the_quick_head_is_alembics_head():
    """Opening a book compares its revision with the head read from the revision files, without alembic."""
    from villagebank.ledger.db import migrate

    assert migrate.quick_head() == migrate.head_revision()


def test_opening_a_current_book_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    from villagebank.ledger import create_book

    create_book(tmp_path / "b.vbk", name="ธนาคารหมู่บ้านทดสอบ").close()
    code = ("import sys; from villagebank.ledger import open_book; b = open_book(sys.argv[1]); b.close(); "
            "print(sorted(m for m in sys.modules if m.startswith('alembic')))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "b.vbk")], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
