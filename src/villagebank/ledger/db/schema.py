"""The book's tables (SQLAlchemy Core). Money columns are INTEGER satang; dates are ISO ``DATE``.

Every change here needs an Alembic revision in ``migrations/versions`` and an upgrade test.
The journal (``entry``, ``posting``) is append-only: triggers refuse UPDATE and DELETE.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

BOOK_FORMAT = "villagebank-book"

# Key/value facts about the file: format, book_id (uuid), created_at, app_version.
book_meta = Table(
    "book_meta", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

bank = Table(
    "bank", metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("name", Text, nullable=False),
    Column("village", Text, nullable=False, default=""),
    Column("moo", Text, nullable=False, default=""),
    Column("tambon", Text, nullable=False, default=""),
    Column("amphoe", Text, nullable=False, default=""),
    Column("province", Text, nullable=False, default=""),
    Column("postal_code", Text, nullable=False, default=""),
    Column("phone", Text, nullable=False, default=""),
)

# Every version of the rules; the newest row is in force. Changes are audited here.
rules = Table(
    "rules", metadata,
    Column("id", Integer, primary_key=True),
    Column("changed_at", Text, nullable=False),
    Column("changed_by", Text, nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("data", Text, nullable=False),
)

# Chart of accounts. Codes: "cash", "bank:<n>", "loans", "shares", "payable:<partner>", "income:<cat>",
# "expense:<cat>", ... Member, loan and partner sub-ledgers are dimensions on the posting rows.
account = Table(
    "account", metadata,
    Column("code", String(60), primary_key=True),
    Column("type", String(10), nullable=False),  # asset | liability | equity | income | expense
    Column("name", Text, nullable=False),  # msgid (translated for display) or the bank's own name
    Column("active", Boolean, nullable=False, default=True),
)

member = Table(
    "member", metadata,
    Column("member_no", Integer, primary_key=True, autoincrement=False),
    Column("title", Text, nullable=False, default=""),
    Column("first_name", Text, nullable=False),
    Column("last_name", Text, nullable=False, default=""),
    Column("name_key", Text, nullable=False),  # normalised name for search and duplicate checks
    Column("citizen_id", String(13), nullable=True, unique=True),
    Column("birth_date", Date, nullable=True),
    Column("sex", String(1), nullable=False, default=""),  # "M" | "F" | ""
    Column("house_no", Text, nullable=False, default=""),
    Column("moo", Text, nullable=False, default=""),
    Column("tambon", Text, nullable=False, default=""),
    Column("amphoe", Text, nullable=False, default=""),
    Column("province", Text, nullable=False, default=""),
    Column("postal_code", Text, nullable=False, default=""),
    Column("phone", Text, nullable=False, default=""),
    Column("occupation", Text, nullable=False, default=""),
    Column("income", Integer, nullable=True),  # satang per month
    Column("household_debt", Integer, nullable=True),  # satang
    Column("welfare_needs", Text, nullable=False, default=""),
    Column("beneficiary", Text, nullable=False, default=""),
    Column("is_group", Boolean, nullable=False, default=False),
    Column("join_date", Date, nullable=False),
    Column("status", String(12), nullable=False),  # active | suspended | terminated | resigned | deceased
    Column("suspended_until", Date, nullable=True),
    Column("exit_date", Date, nullable=True),
    Column("exit_reason", Text, nullable=False, default=""),
    Column("committee_role", Text, nullable=False, default=""),
    Column("created_at", Text, nullable=False),
)
Index("ix_member_name_key", member.c.name_key)

member_status = Table(
    "member_status", metadata,
    Column("id", Integer, primary_key=True),
    Column("member_no", Integer, ForeignKey("member.member_no"), nullable=False),
    Column("date", Date, nullable=False),
    Column("status", String(12), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("recorded_at", Text, nullable=False),
)
Index("ix_member_status_member", member_status.c.member_no)

member_edit = Table(
    "member_edit", metadata,
    Column("id", Integer, primary_key=True),
    Column("member_no", Integer, ForeignKey("member.member_no"), nullable=False),
    Column("at", Text, nullable=False),
    Column("by", Text, nullable=False, default=""),
    Column("field", String(40), nullable=False),
    Column("old", Text, nullable=True),
    Column("new", Text, nullable=True),
)

# The journal. seq is gap-free from 1. date is the business date the treasurer typed; created_at the
# system time. hash = sha256 over the canonical entry + its postings + prev_hash.
entry = Table(
    "entry", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("date", Date, nullable=False),
    Column("kind", String(30), nullable=False),
    Column("memo", Text, nullable=False, default=""),
    Column("member_no", Integer, nullable=True),
    Column("loan_no", Integer, nullable=True),
    Column("meeting_id", Integer, nullable=True),
    Column("receipt_no", Integer, nullable=True),
    Column("reverses_seq", Integer, ForeignKey("entry.seq"), nullable=True),
    Column("reason", Text, nullable=False, default=""),
    Column("created_at", Text, nullable=False),
    Column("created_by", Text, nullable=False, default=""),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
Index("ix_entry_date", entry.c.date)
Index("ix_entry_member", entry.c.member_no)
Index("ix_entry_reverses", entry.c.reverses_seq)

# Debit amounts are positive, credits negative; the lines of an entry sum to zero.
posting = Table(
    "posting", metadata,
    Column("entry_seq", Integer, ForeignKey("entry.seq"), primary_key=True),
    Column("line", Integer, primary_key=True, autoincrement=False),
    Column("account", String(60), ForeignKey("account.code"), nullable=False),
    Column("member_no", Integer, nullable=True),
    Column("loan_no", Integer, nullable=True),
    Column("amount", Integer, nullable=False),
    Column("date", Date, nullable=False),  # copy of the entry's date (as-of queries without a join)
)
Index("ix_posting_account_date", posting.c.account, posting.c.date, posting.c.amount)
Index("ix_posting_member", posting.c.member_no, posting.c.account, posting.c.date, posting.c.amount)
Index("ix_posting_loan", posting.c.loan_no, posting.c.date)

# Closed periods: no entry may be dated inside [start, end] while the lock stands.
period_lock = Table(
    "period_lock", metadata,
    Column("id", Integer, primary_key=True),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("kind", String(10), nullable=False),  # month | year | meeting
    Column("locked_at", Text, nullable=False),
    Column("locked_by", Text, nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("unlocked_at", Text, nullable=True),
    Column("unlock_reason", Text, nullable=True),
)

# Technical events (start, backups, migrations, clock jumps, logins); not part of the journal.
event_log = Table(
    "event_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("kind", String(30), nullable=False),
    Column("detail", Text, nullable=False, default=""),
)

# --- the four books (revision 0002) ----------------------------------------------------------------
loan = Table(
    "loan", metadata,
    Column("loan_no", Integer, primary_key=True, autoincrement=False),
    Column("member_no", Integer, ForeignKey("member.member_no"), nullable=False),
    Column("applied_date", Date, nullable=False),
    Column("purpose", Text, nullable=False, default=""),
    Column("principal", Integer, nullable=False),  # satang
    Column("term_months", Integer, nullable=False),
    Column("rate_pct", String(12), nullable=False),  # monthly %, Decimal text
    Column("method", String(10), nullable=False),  # declining | flat
    Column("status", String(10), nullable=False),  # applied | approved | rejected | cancelled | disbursed
    Column("decided_date", Date, nullable=True),
    Column("decided_by", Text, nullable=False, default=""),
    Column("decision_note", Text, nullable=False, default=""),
    Column("disbursed_date", Date, nullable=True),
    Column("disburse_seq", Integer, ForeignKey("entry.seq"), nullable=True),
    Column("created_at", Text, nullable=False),
)
Index("ix_loan_member", loan.c.member_no)

loan_guarantor = Table(
    "loan_guarantor", metadata,
    Column("loan_no", Integer, ForeignKey("loan.loan_no"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("member_no", Integer, ForeignKey("member.member_no"), nullable=False),
)
Index("ix_loan_guarantor_member", loan_guarantor.c.member_no)

meeting = Table(
    "meeting", metadata,
    Column("id", Integer, primary_key=True),
    Column("date", Date, nullable=False, unique=True),
    Column("status", String(10), nullable=False),  # open | closed
    Column("opened_at", Text, nullable=False),
    Column("closed_at", Text, nullable=True),
    Column("summary", Text, nullable=False, default=""),  # JSON of the day's totals at close
)

# Gap-free receipt numbers, taken in the posting transaction.
receipt = Table(
    "receipt", metadata,
    Column("receipt_no", Integer, primary_key=True, autoincrement=False),
    Column("entry_seq", Integer, ForeignKey("entry.seq"), nullable=False, unique=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id"), nullable=True),
    Column("member_no", Integer, ForeignKey("member.member_no"), nullable=True),
    Column("date", Date, nullable=False),
    Column("total", Integer, nullable=False),
    Column("printed", Integer, nullable=False, default=0),  # times printed; reprints are marked copies
)

cash_count = Table(
    "cash_count", metadata,
    Column("id", Integer, primary_key=True),
    Column("date", Date, nullable=False),
    Column("meeting_id", Integer, ForeignKey("meeting.id"), nullable=True),
    Column("counts", Text, nullable=False),  # JSON {denomination satang: pieces}
    Column("counted", Integer, nullable=False),
    Column("book_balance", Integer, nullable=False),
    Column("difference", Integer, nullable=False),  # counted - book
    Column("reason", Text, nullable=False, default=""),
    Column("entry_seq", Integer, ForeignKey("entry.seq"), nullable=True),
    Column("recorded_at", Text, nullable=False),
    Column("recorded_by", Text, nullable=False, default=""),
)

# A missed saving at a meeting (recorded when the meeting closes).
missed_saving = Table(
    "missed_saving", metadata,
    Column("id", Integer, primary_key=True),
    Column("member_no", Integer, ForeignKey("member.member_no"), nullable=False),
    Column("meeting_id", Integer, ForeignKey("meeting.id"), nullable=False),
    Column("date", Date, nullable=False),
    Column("fiscal_year", Integer, nullable=False),
    Column("saved", Integer, nullable=False),  # satang saved at that meeting (below the minimum)
    UniqueConstraint("member_no", "meeting_id"),
)
Index("ix_missed_saving_member", missed_saving.c.member_no, missed_saving.c.date)

# --- year end and the welfare fund (revision 0003) ----------------------------------------------------
# One row per close (a reopened year that is closed again gets a new row); the newest row of a fiscal
# year says whether it is closed. ``allocation`` is the JSON of the posted allocation (the AGM table).
year_close = Table(
    "year_close", metadata,
    Column("id", Integer, primary_key=True),
    Column("fiscal_year", Integer, nullable=False),
    Column("status", String(10), nullable=False),  # closed | reopened
    Column("closed_at", Text, nullable=False),
    Column("closed_by", Text, nullable=False, default=""),
    Column("net_profit", Integer, nullable=False),
    Column("allocation", Text, nullable=False),
    Column("entry_seqs", Text, nullable=False),  # JSON list of the close entries
    Column("lock_id", Integer, ForeignKey("period_lock.id"), nullable=True),
    Column("reopened_at", Text, nullable=True),
    Column("reopen_reason", Text, nullable=True),
)
Index("ix_year_close_fy", year_close.c.fiscal_year)

welfare_claim = Table(
    "welfare_claim", metadata,
    Column("id", Integer, primary_key=True),
    Column("member_no", Integer, ForeignKey("member.member_no"), nullable=False),
    Column("date", Date, nullable=False),
    Column("fiscal_year", Integer, nullable=False),
    Column("case", String(20), nullable=False),  # childbirth | hospital | death
    Column("nights", Integer, nullable=True),
    Column("amount", Integer, nullable=False),
    Column("override_reason", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("entry_seq", Integer, ForeignKey("entry.seq"), nullable=False),
    Column("recorded_at", Text, nullable=False),
    Column("recorded_by", Text, nullable=False, default=""),
)
Index("ix_welfare_claim_member", welfare_claim.c.member_no, welfare_claim.c.fiscal_year)

# Optional user accounts (off unless book_meta "access_control" is "on"): treasurer writes; committee
# reads, prints, verifies and may unlock a period with a reason. Passwords as argon2id hashes; failed
# attempts are counted for the growing wait before the next try.
user_account = Table(
    "user_account", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(60), nullable=False, unique=True),  # normalised, case-folded login name
    Column("display_name", Text, nullable=False, default=""),
    Column("role", String(12), nullable=False),  # treasurer | committee
    Column("pw_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", Text, nullable=False),
    Column("created_by", Text, nullable=False, default=""),
    Column("failed_count", Integer, nullable=False, default=0),
    Column("last_failed_at", Text, nullable=True),
    Column("last_login_at", Text, nullable=True),
)
# --- partner funds and seven-risk coverage (revision r4partners) -------------------------------------
# Who is enrolled in which partner fund (rules.partners, by key) through the bank, since/until. ``until``
# is exclusive: the member is no longer enrolled on that date. Overlapping spans are refused in code.
partner_enrolment = Table(
    "partner_enrolment", metadata,
    Column("id", Integer, primary_key=True),
    Column("member_no", Integer, ForeignKey("member.member_no"), nullable=False),
    Column("partner", String(40), nullable=False),
    Column("since", Date, nullable=False),
    Column("until", Date, nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("recorded_at", Text, nullable=False),
    Column("ended_at", Text, nullable=True),
    CheckConstraint("until IS NULL OR until >= since", name="dates"),
)
Index("ix_partner_enrolment_member", partner_enrolment.c.member_no, partner_enrolment.c.partner)
Index("ix_partner_enrolment_partner", partner_enrolment.c.partner, partner_enrolment.c.since)

# A member's state (or other outside) welfare scheme: old-age allowance, disability allowance, social
# security section 40/33, ... (keys in ledger/coverage.py SCHEMES). ``until`` is exclusive, as above.
member_scheme = Table(
    "member_scheme", metadata,
    Column("id", Integer, primary_key=True),
    Column("member_no", Integer, ForeignKey("member.member_no"), nullable=False),
    Column("scheme", String(40), nullable=False),
    Column("since", Date, nullable=False),
    Column("until", Date, nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("recorded_at", Text, nullable=False),
    Column("ended_at", Text, nullable=True),
    CheckConstraint("until IS NULL OR until >= since", name="dates"),
)
Index("ix_member_scheme_member", member_scheme.c.member_no, member_scheme.c.scheme)

JOURNAL_TABLES = ("entry", "posting")

__all__ = [
    "BOOK_FORMAT",
    "JOURNAL_TABLES",
    "account",
    "bank",
    "book_meta",
    "cash_count",
    "entry",
    "event_log",
    "loan",
    "loan_guarantor",
    "meeting",
    "member",
    "member_edit",
    "member_scheme",
    "member_status",
    "metadata",
    "missed_saving",
    "partner_enrolment",
    "period_lock",
    "posting",
    "receipt",
    "rules",
    "user_account",
    "welfare_claim",
    "year_close",
]
