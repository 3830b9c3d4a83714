"""Import a book workbook into a new book or an existing one: all or nothing, every problem listed.

How it works. The workbook is read and checked cell by cell (``reader``). Its rows are then posted,
through the same Book commands the treasurer uses, into a scratch copy of the book (a new book is
built in a scratch file): so the bank's rules apply to imported rows exactly as to typed ones. A row a
rule refuses is listed with its cell and skipped, and posting goes on to find the other problems; rows
that depend on a member or loan whose own row failed are skipped without repeating the problem. Only
when there is no problem at all does the scratch file replace the book (an atomic rename, with the
book's writer lock held); otherwise, or with ``dry_run``, it is thrown away and the book file is not
touched.

Order of posting (interchange.md): by date; within a date, members join, then money in (deposits,
fees, repayments, pass-through collected, cash in), then money out (loans, withdrawals, cash out,
pass-through remitted, welfare claims); within a sheet, row order.

Meetings (the choice this importer makes): **every date with a share deposit is a meeting day**. The
meeting is opened before the day's money moves and closed after it, so the close applies the missed
saving rules exactly as when the treasurer closes a meeting: an active member who saved less than the
minimum on that date has missed it, two misses in a fiscal year suspend loans, three in a row end the
membership (and set the balance aside). Member payments of one date are one receipt per member, as at
the counter (a second deposit of the same member that day starts a second receipt). In village banks
shares are bought only at the meeting (no back-dating, domain.md §1); a bank that took deposits between
meetings would see those days counted as meetings. Statuses in the members sheet are then checked
against what the history produced (a member marked active whom the misses terminated is a problem).

A member who resigned or died (status and exit date in the members sheet) leaves on the exit date: a
withdrawal that day is the payout of the whole balance; without one the balance is set aside for the
year end. A withdrawal by a member who has already left is a payment of what the bank owes them.

Partner funds (``pass_through``). A ``collected`` row is the partner part of the member's receipt of that
date, checked as at the counter (enrolled, no more than the contribution year asks). ``remitted`` and
``paid_by_bank`` rows of one date and partner are one remittance, one payment of dues by the bank, each
member for the amount of their row. The workbook does not carry enrolments: a member is enrolled in a
partner fund, before their first row for it, from the start of that row's contribution year (or the join
date, when later), unless already enrolled then; leaving ends the enrolment, as in the app.

Welfare claims are claims on the welfare fund under the bank's benefit schedule, exactly as typed: a row
the schedule refuses is a problem, unless its ``override_reason`` (an addendum column, see
``docs/workbook.md``) gives the committee's reason for approving it outside the schedule, which is
recorded with the claim as when the treasurer types it.

The year end. Each row of the ``allocation`` sheet names a fiscal year the import closes. A year is closed
once its last row is posted, before any row of a later year that needs it (its payouts): at the first
point from the end of the year on where the close the app computes equals the workbook's rows (the
committee and the members who are active at the close matter), else at the latest point. The recomputed
allocation, member payouts and payouts credited to shares (``dividend_to_shares`` rows, dated the last
day of the year) must equal the workbook's rows: a difference is a problem naming the cell. A
``payout:<member_no>`` cash row pays the member everything the bank owes them then (year-end payouts and
the shares of a former member), and must be that amount.

Cash-count differences (categories ``income:cash_over``, ``expense:cash_short``) are posted as the cash
count of their date (at the meeting's close when there is a meeting), as in the app; money received
into a fund (``fund:<fund>``) is not income.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from villagebank.exports.workbook import contract as c
from villagebank.exports.workbook.problems import Problem, Progress, sorted_problems
from villagebank.exports.workbook.reader import ParsedWorkbook, Row, read_workbook
from villagebank.i18n import N_, UserError
from villagebank.ledger import Book, LedgerError, Money, PeriodLocked, create_book, open_book
from villagebank.ledger import accounts as acc
from villagebank.ledger.loans import LoanRefused
from villagebank.ledger.meetings import Parts
from villagebank.ledger.members import ACTIVE_STATUSES, STATUS_LABELS, encode_reason
from villagebank.ledger.welfare import ClaimRefused
from villagebank.thai import format_amount, format_date, format_year

# Which column a refusal points at, by the rule that refused (the default is the sheet's first money or
# member column).
RULE_COLUMNS = {
    "share_txns": {"status": "member_no", "open_loan": "member_no", "guarantors_required": "member_no",
                   "withdrawals_only_on_leaving": "kind"},
    "repayments": {"overpayment": "principal", "interest_due": "interest"},
    "pass_through": {"status": "member_no", "partner_enrolment": "member_no", "citizen_id": "member_no",
                     "partners": "amount", "balance": "amount", "welfare_fund": "amount"},
    "welfare_claims": {"status": "member_no", "welfare_waiting_days": "member_no", "claim_days": "date",
                       "welfare_death": "case", "welfare_hospital_yearly_cap": "amount_paid",
                       "welfare_schedule": "amount_paid", "welfare_fund": "amount_paid", "balance": "amount_paid"},
    "loans": {"loan_wait_months": "member_no", "suspend_after_misses": "member_no", "status": "member_no",
              "borrower_must_not_be_overdue": "member_no", "guarantors_required": "guarantor1_no",
              "max_guaranteed_loans": "guarantor1_no", "guarantee_limit_pct_of_shares": "guarantor1_no",
              "no_mutual_guarantee": "guarantor1_no", "loan_limited_to_cash": "principal",
              "max_loan_amount": "principal", "max_loan_term_months": "term_months"},
}
DEFAULT_COLUMN = {"members": "member_no", "share_txns": "amount", "fees": "amount", "repayments": "principal",
                  "loans": "member_no", "cash": "amount", "pass_through": "amount", "welfare_claims": "amount_paid",
                  "allocation": "year", "member_payouts": "member_no"}
LOAN_FIELDS = {"Loan amount": "principal", "Number of installments": "term_months",
               "Interest per month (%)": "rate_monthly_pct", "Guarantors": "guarantor1_no", "Purpose": "purpose"}
WELFARE_FIELDS = {"Case": "case", "Nights in hospital": "nights", "Amount": "amount_paid",
                  "Committee's reason": "override_reason"}
NO_MEMBER = "there is no member number {no}"
PARTNER_TEMPLATES = frozenset({"there is no partner fund “{key}”",
                               "the partner fund “{name}” is not in use in the bank's rules"})
# Other spellings of the welfare cases (the contract's keys are childbirth, hospital, death).
WELFARE_CASES = {"คลอดบุตร": "childbirth", "นอนโรงพยาบาล": "hospital", "รักษาพยาบาล": "hospital",
                 "เสียชีวิต": "death"}
# Ledger messages that name the loan of the row (checked before a guarantor's number could match).
LOAN_TEMPLATES = frozenset({"there is no loan number {no}", "loan number {no} is already used"})


@dataclass
class ImportResult:
    book_path: Path
    workbook: Path
    created: bool  # the import makes a new book
    dry_run: bool
    written: bool = False
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # rows read per sheet key
    meetings: int = 0
    new_categories: list[str] = field(default_factory=list)
    closed_years: list[int] = field(default_factory=list)  # fiscal years the import closed
    figures: list[tuple[str, str, object]] = field(default_factory=list)  # the summary after the import
    as_of: dt.date | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def import_workbook(book_path: Path | str, workbook: Path | str, *, dry_run: bool = False,
                    progress: Progress | None = None, user: str | None = None) -> ImportResult:
    """Import ``workbook`` into the book at ``book_path`` (created from the bank sheet when there is none).

    Nothing is written unless every row imports: check ``result.ok`` and ``result.problems``.
    Raises WorkbookError (a UserError) only when the file is not a readable .xlsx at all."""
    book_path, workbook = Path(book_path), Path(workbook)
    parsed = read_workbook(workbook, progress)
    result = ImportResult(book_path, workbook, created=not book_path.exists(), dry_run=dry_run)
    result.counts = {key: len(rows) for key, rows in parsed.rows.items()}
    result.warnings = list(parsed.warnings)
    if parsed.stop:
        result.problems = sorted_problems(parsed.problems)
        return result
    scratch = book_path.with_name(f".{book_path.name}.import-{uuid.uuid4().hex[:8]}")
    try:
        if result.created:
            _into_new(parsed, result, scratch, progress, user)
        else:
            _into_existing(parsed, result, scratch, progress, user)
    finally:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    return result


def _into_new(parsed: ParsedWorkbook, result: ImportResult, scratch: Path, progress, user) -> None:
    fields = parsed.bank.fields
    name = fields.get("name") or ""
    problems = list(parsed.problems)
    if not name:
        problems.append(parsed.bank.problem("name", UserError(N_("a new book needs the bank's name (name)"))))
    try:
        book = create_book(scratch, name=name or "-", rules=parsed.bank.rules, user=user, durable=False,
                           **{k: fields.get(k) or "" for k in ("village", "moo", "tambon", "amphoe", "province",
                                                                  "postal_code")})
    except LedgerError as exc:
        problems.append(parsed.bank.problem("name", exc))
        book = create_book(scratch, name="-", rules=parsed.bank.rules, user=user, durable=False)
    with book:
        _replay(book, parsed, result, problems, progress)
    result.problems = sorted_problems(problems)
    if result.ok and not result.dry_run:
        from villagebank.ledger.db.engine import fsync_path

        if result.book_path.exists():
            result.problems = [Problem(None, "", 0, 0, UserError(
                N_("a file appeared at {path} during the import; nothing was written"), path=str(result.book_path)))]
            return
        result.book_path.parent.mkdir(parents=True, exist_ok=True)
        fsync_path(scratch)
        scratch.replace(result.book_path)
        fsync_path(result.book_path.parent)
        result.written = True


def _into_existing(parsed: ParsedWorkbook, result: ImportResult, scratch: Path, progress, user) -> None:
    problems = list(parsed.problems)
    with open_book(result.book_path, user=user) as original:
        _compare_bank(original, parsed, result)
        open_meeting = original.current_meeting()
        if open_meeting is not None:
            problems.append(Problem(None, "", 0, 0, UserError(
                N_("the meeting of {date} is still open in the book; close it before importing"),
                date=format_date(open_meeting.date))))
            result.problems = sorted_problems(problems)
            return
        original.copy_to(scratch)
        with open_book(scratch, user=user, durable=False) as book:
            _replay(book, parsed, result, problems, progress)
        result.problems = sorted_problems(problems)
        if result.ok and not result.dry_run:
            original.adopt_file(scratch)
            original.log_event("import", f"{result.workbook.name}: {sum(result.counts.values())} rows")
            result.written = True


def _compare_bank(book: Book, parsed: ParsedWorkbook, result: ImportResult) -> None:
    bank = parsed.bank
    name = bank.fields.get("name")
    if name and name != book.bank().name:
        result.warnings.append(bank.problem("name", UserError(
            N_("the workbook is of “{workbook}” and the book of “{book}”"), workbook=name, book=book.bank().name)))
    differ = [n for n in bank.rule_names if getattr(bank.rules, n) != getattr(book.rules, n)]
    if differ:
        result.warnings.append(bank.problem(differ[0], UserError(
            N_("the workbook's rules differ from the book's ({names}); the book's rules apply"),
            names=", ".join(differ))))


# --- posting ----------------------------------------------------------------------------------------------
def _row_type(row: Row) -> str:
    """The kind of a row: ``deposit``, ``fee``, ``cash:in``, ``pass_through:collected``... ("" when unreadable)."""
    if row.sheet == "share_txns":
        return row["kind"] or ""
    if row.sheet in ("cash", "pass_through"):
        return f"{row.sheet}:{row['direction'] or ''}"
    return {"fees": "fee", "repayments": "repayment", "loans": "loan", "welfare_claims": "welfare_claim"}[row.sheet]


def _replay(book: Book, parsed: ParsedWorkbook, result: ImportResult, problems: list[Problem],
            progress: Progress | None) -> None:
    r = Replay(book, parsed, problems)
    r.run(progress)
    result.meetings = r.meetings
    result.new_categories = r.new_categories
    result.closed_years = list(r.years.closed)
    result.as_of = parsed.bank.fields.get("as_of") or r.last_date or book.clock.today()
    from villagebank.exports.workbook.rows import summary_rows

    result.figures = summary_rows(book, result.as_of)


@dataclass
class Event:
    phase: int
    order: tuple[int, int]  # (sheet order, row number)
    run: Callable[[], None]


class Replay:
    """Posts the workbook's rows into ``book`` in the contract's order, collecting every problem."""

    def __init__(self, book: Book, parsed: ParsedWorkbook, problems: list[Problem]) -> None:
        self.book = book
        self.p = parsed
        self.problems = problems
        self.bad_members: set[int] = set()
        self.bad_loans: set[int] = set()
        self.members: dict[int, Row] = {}  # the members sheet's rows by number
        self.loan_owner: dict[int, int] = {}
        self.left: set[int] = set()
        self.meetings = 0
        self.new_categories: list[str] = []
        self.last_date: dt.date | None = None
        self.reason = encode_reason(N_("left the bank (recorded by a workbook import)"))
        self.bad_enrolments: set[tuple[int, str]] = set()  # (member, partner) whose enrolment failed
        self.counts: dict[dt.date, list[Row]] = defaultdict(list)  # cash-count differences by date
        self.years = YearEnd(self)
        self._meeting_counts: dict[dt.date, tuple[dict[int, int], str]] = {}
        # The scratch copy is not the treasurer's book: the verified backup a close makes first would be a
        # copy of a file that is about to be renamed into place whole, or thrown away.
        book._before_year_close = lambda fy: None  # type: ignore[method-assign]

    # --- problems ---------------------------------------------------------------------------------------
    def fail(self, row: Row, exc: Exception, column: str | None = None) -> None:
        for e in (exc.problems if isinstance(exc, LoanRefused | ClaimRefused) else [exc]):
            if not isinstance(e, UserError):
                e = UserError(N_("the row could not be recorded: {error}"), error=str(e))
            self.problems.append(row.problem(column or self._column(row, e), e))

    def _column(self, row: Row, e: UserError) -> str:
        if isinstance(e, PeriodLocked):
            return "date"
        if e.template in LOAN_TEMPLATES:
            return "loan_no"
        no = e.params.get("no")
        if row.sheet == "loans" and no is not None:
            for key in ("guarantor1_no", "guarantor2_no"):
                if row[key] == no and no != row["member_no"]:
                    return key
        if e.template == NO_MEMBER:
            return "member_no" if "member_no" in row.cols else DEFAULT_COLUMN.get(row.sheet, "")
        if e.template in PARTNER_TEMPLATES and row.sheet == "pass_through":
            return "partner"
        if row.sheet == "welfare_claims" and e.field in WELFARE_FIELDS:
            return WELFARE_FIELDS[e.field]
        rule = getattr(e, "rule", None)
        if rule and rule in RULE_COLUMNS.get(row.sheet, {}):
            return RULE_COLUMNS[row.sheet][rule]
        if row.sheet == "loans" and e.field in LOAN_FIELDS:
            return LOAN_FIELDS[e.field]
        if row.sheet == "members" and e.field:
            from villagebank.ledger.members import FIELD_LABELS

            by_label = {label: key for key, label in FIELD_LABELS.items()}
            if by_label.get(e.field) in row.cols:
                return by_label[e.field]
        return DEFAULT_COLUMN.get(row.sheet, "")

    # --- the plan -----------------------------------------------------------------------------------------
    def run(self, progress: Progress | None) -> None:
        self._check_members()
        self._check_loans()
        self.years.read()
        days: dict[dt.date, list[Event]] = defaultdict(list)
        joins: dict[dt.date, list[Row]] = defaultdict(list)
        meeting_days: dict[dt.date, Row] = {}
        parts: dict[tuple[dt.date, int], list[Row]] = defaultdict(list)
        groups: dict[tuple[dt.date, str, str], list[Row]] = defaultdict(list)  # remittances, dues paid by the bank
        enrol: dict[tuple[int, str], Row] = {}  # each member's first row for a partner
        payout_days: set[dt.date] = set()
        payouts: dict[dt.date, list[Row]] = defaultdict(list)
        withdrawal_days: set[tuple[int, dt.date]] = set()
        for row in self.p.sheet("members"):
            if row.ok:
                joins[row["join_date"]].append(row)
        for key in ("share_txns", "fees", "repayments", "loans", "cash", "pass_through", "welfare_claims"):
            for row in self.p.sheet(key):
                kind = _row_type(row)
                if kind == "deposit" and row["date"] is not None:
                    meeting_days.setdefault(row["date"], row)
                if not row.ok or not kind:
                    continue
                if kind == "dividend_to_shares":
                    self.years.dividend(row)
                    continue
                if row.sheet == "pass_through":
                    pair = (row["member_no"], row["partner"])
                    if pair not in enrol or (row["date"], row.number) < (enrol[pair]["date"], enrol[pair].number):
                        enrol[pair] = row
                if kind in PART_KINDS:
                    owner = self._owner(row)
                    if owner is not None:
                        parts[(row["date"], owner)].append(row)
                    continue
                if kind == "withdrawal":
                    withdrawal_days.add((row["member_no"], row["date"]))
                if kind.startswith("cash:"):
                    kind = self._cash_kind(row)
                    if kind is None:
                        continue
                    if kind == "cash:count":
                        self.counts[row["date"]].append(row)
                        continue
                    if kind == "cash:payout":
                        payout_days.add(row["date"])
                        payouts[row["date"]].append(row)
                        continue
                if kind in GROUP_KINDS:
                    groups[(row["date"], row["partner"], kind)].append(row)
                    continue
                days[row["date"]].append(Event(PHASES[kind], (c.SHEET_ORDER[row.sheet], row.number),
                                               _bind(POSTERS[kind], self, row)))
        receipts: dict[dt.date, list[tuple[tuple, int, list[Row]]]] = defaultdict(list)
        for (date, member_no), rows in parts.items():
            rows.sort(key=lambda x: (PHASES[_row_type(x)], c.SHEET_ORDER[x.sheet], x.number))
            first = rows[0]
            receipts[date].append(((PHASES[_row_type(first)], c.SHEET_ORDER[first.sheet], first.number),
                                   member_no, rows))
        for date, items in receipts.items():  # the day's receipts come first (phases 1-4), in their order
            items.sort(key=lambda x: x[0])
            days[date].append(Event(1, (0, 0), _bind(Replay.payments, self, date,
                                                     [(no, rows) for _key, no, rows in items])))
        for (date, _partner, kind), rows in groups.items():
            days[date].append(Event(PHASES[kind], (c.SHEET_ORDER[rows[0].sheet], rows[0].number),
                                    _bind(Replay.partner_group, self, kind, rows)))
        for date, rows in payouts.items():
            days[date].append(Event(PHASES["cash:payout"], (c.SHEET_ORDER["cash"], rows[0].number),
                                    _bind(Replay.payouts, self, rows)))
        for row in enrol.values():
            days[row["date"]].append(Event(0, (c.SHEET_ORDER[row.sheet], row.number), _bind(Replay.enrol, self, row)))
        for no, row in self.members.items():
            if row.ok and row["status"] in ("resigned", "deceased") and row["exit_date"] is not None \
                    and (no, row["exit_date"]) not in withdrawal_days:
                days[row["exit_date"]].append(Event(PHASES["withdrawal"], (len(c.SHEETS), row.number),
                                                    _bind(Replay.leave, self, row)))
        dates = sorted(set(days) | set(joins) | set(meeting_days) | set(self.counts))
        total = sum(len(v) for v in days.values()) + sum(len(v) for v in joins.values()) + len(meeting_days)
        done = 0
        for date in dates:
            self.years.before(date, date in payout_days)
            self.last_date = date
            for row in joins.get(date, ()):
                self.join(row)
                done += 1
            meeting = None
            if date in meeting_days:
                meeting = self.open_meeting(date, meeting_days[date])
                done += 1
            for event in sorted(days.get(date, ()), key=lambda e: (e.phase, e.order)):
                event.run()
                done += 1
                if progress and done % 25 == 0:
                    progress("post", done, total)
            self.count_cash(date, meeting)
            if meeting is not None:
                try:
                    self.book.close_meeting(meeting, *self.meeting_count(date))
                except LedgerError as exc:
                    self.problems.append(meeting_days[date].problem("date", exc))
        self.years.finish()
        if progress:
            progress("post", total, total)
        self._check_statuses()

    def _check_members(self) -> None:
        seen_cid: dict[str, int] = {}
        for row in self.p.sheet("members"):
            no = row["member_no"]
            if no is None:
                continue
            if no in self.members:
                self.problems.append(row.problem("member_no", UserError(
                    N_("member number {no} is already on row {row}"), no=no, row=self.members[no].number)))
                row.ok = False
                continue
            self.members[no] = row
            if not row.ok:
                self.bad_members.add(no)
                continue
            cid = row["citizen_id"]
            if cid and cid in seen_cid:
                self.problems.append(row.problem("citizen_id", UserError(
                    N_("citizen ID {cid} is already on row {row}"), cid=cid, row=seen_cid[cid])))
                row.ok = False
                self.bad_members.add(no)
                continue
            if cid:
                seen_cid[cid] = row.number
            status, exit_date = row["status"], row["exit_date"]
            if status in ("resigned", "deceased") and exit_date is None:
                self.problems.append(row.problem("exit_date", UserError(
                    N_("a member who resigned or died needs the exit date"))))
                row.ok = False
            elif status in ("active", "suspended", None) and exit_date is not None:
                self.problems.append(row.problem("exit_date", UserError(
                    N_("an exit date is given but the member has not left (status {status})"),
                    status=status or "active")))
                row.ok = False
            elif exit_date is not None and row["join_date"] is not None and exit_date < row["join_date"]:
                self.problems.append(row.problem("exit_date", UserError(
                    N_("the exit date is before the join date"))))
                row.ok = False
            if not row.ok:
                self.bad_members.add(no)

    def _check_loans(self) -> None:
        first: dict[int, int] = {}
        for row in self.p.sheet("loans"):
            no = row["loan_no"]
            if no is None:
                continue
            if no in first:
                self.problems.append(row.problem("loan_no", UserError(
                    N_("loan number {no} is already on row {row}"), no=no, row=first[no])))
                row.ok = False
                continue
            first[no] = row.number
            if row["member_no"] is not None:
                self.loan_owner[no] = row["member_no"]
            if not row.ok or row["member_no"] in self.bad_members:
                self.bad_loans.add(no)

    def _owner(self, row: Row) -> int | None:
        """The member a payment row belongs to (a repayment's from its loan); None to skip the row."""
        if row.sheet != "repayments":
            return None if row["member_no"] in self.bad_members else row["member_no"]
        no = row["loan_no"]
        if no in self.bad_loans:
            return None
        if no in self.loan_owner:
            return self.loan_owner[no]
        try:
            return self.book.loan(no).member_no
        except LedgerError as exc:
            self.fail(row, exc, "loan_no")
            return None

    def _cash_kind(self, row: Row) -> str | None:
        """The kind of a cash row by its category: ``cash:in``/``cash:out``, ``cash:payout`` or ``cash:count``
        (None, with the problem listed, when the category or its direction is wrong)."""
        category, direction = row["category"], row["direction"]
        kind = f"cash:{direction}"
        expected = c.CASH_SPECIAL.get(category) or c.FUND_CATEGORIES.get(category)
        if category.startswith(c.PAYOUT_PREFIX):
            number = category[len(c.PAYOUT_PREFIX):].strip()
            if not (number.isascii() and number.isdigit()):
                self.problems.append(row.problem("category", UserError(
                    N_("“{category}” names no member: write payout:<member number>, for example payout:12"),
                    category=category)))
                return None
            expected, kind = "out", "cash:payout"
        elif expected is None:
            prefix, _, name = category.partition(":")
            if prefix not in ("income", "expense") or not name.strip():
                self.problems.append(row.problem("category", UserError(
                    N_("“{category}” is not a category: use expense:<name>, income:<name>, bank_deposit, "
                       "bank_withdrawal, opening_cash, opening_bank, fund:welfare, fund:development, "
                       "fund:reserve or payout:<member number>"), category=category)))
                return None
            expected = "in" if prefix == "income" else "out"
            if category in c.COUNT_CATEGORIES:
                kind = "cash:count"
        if direction != expected:
            self.problems.append(row.problem("direction", UserError(
                N_("the direction of “{category}” must be “{expected}”"), category=category, expected=expected)))
            return None
        return kind

    # --- posters ------------------------------------------------------------------------------------------
    def join(self, row: Row) -> None:
        values = {k: row[k] for k in ("title", "first_name", "last_name", "citizen_id", "birth_date", "sex",
                                      "house_no", "moo", "tambon", "amphoe", "province", "phone", "occupation",
                                      "join_date", "committee_role") if row[k] not in (None, "")}
        try:
            self.book.add_member(values, member_no=row["member_no"])
        except LedgerError as exc:
            self.fail(row, exc)
            self.bad_members.add(row["member_no"])
            self.bad_loans.update(n for n, m in self.loan_owner.items() if m == row["member_no"])

    def open_meeting(self, date: dt.date, row: Row) -> int | None:
        try:
            meeting = self.book.open_meeting(date)
        except LedgerError as exc:
            self.problems.append(row.problem("date", exc))
            return None
        self.meetings += 1
        return meeting.id

    def payments(self, date: dt.date, members: list[tuple[int, list[Row]]]) -> None:
        """The members' deposits, fees, repayments and partner collections of a date: one receipt per member
        (more when a slot repeats), all posted together (``Book.pay_many``). A refused receipt's rows are
        then posted one by one to find which the rules refuse."""
        batch: list[tuple[int, list[Row]]] = []
        for member_no, rows in members:
            if member_no in self.bad_members:
                continue
            rows = [r for r in rows if not (r.sheet == "repayments" and r["loan_no"] in self.bad_loans)
                    and not (r.sheet == "pass_through" and (member_no, r["partner"]) in self.bad_enrolments)]
            receipts: list[tuple[dict, list[Row]]] = []
            for row in rows:
                slot = _slot(row)
                target = next((rc for rc in receipts if slot not in rc[0]), None)
                if target is None:
                    target = ({}, [])
                    receipts.append(target)
                target[0][slot] = row
                target[1].append(row)
            batch += [(member_no, group) for _slots, group in receipts]
        results = self.book.pay_many([(no, _parts(group)) for no, group in batch], date=date)
        for (member_no, group), result in zip(batch, results, strict=True):
            if not isinstance(result, LedgerError):
                continue
            before = len(self.problems)
            for row in group:  # find which rows are refused: post them one by one
                try:
                    self.book.pay(member_no, _parts([row]), date=date)
                except LedgerError as exc:
                    self.fail(row, exc)
            if len(self.problems) == before:  # refused together, accepted apart
                self.fail(group[0], result)

    def loan(self, row: Row) -> None:
        no = row["loan_no"]
        if no in self.bad_loans:
            return
        guarantors = [g for g in (row["guarantor1_no"], row["guarantor2_no"]) if g is not None]
        try:
            self.book.apply_loan(row["member_no"], row["principal"], row["term_months"], guarantors,
                                 purpose=row["purpose"] or "", date=row["date"], rate=row["rate_monthly_pct"],
                                 loan_no=no)
            self.book.approve_loan(no, row["date"])
            self.book.disburse_loan(no, row["date"])
        except LedgerError as exc:
            self.fail(row, exc)
            self.bad_loans.add(no)

    def withdrawal(self, row: Row) -> None:
        no, date, amount = row["member_no"], row["date"], row["amount"]
        if no in self.bad_members:
            return
        try:
            member = self.book.member(no)
            mrow = self.members.get(no)
            leaving = (mrow is not None and mrow.ok and mrow["status"] in ("resigned", "deceased")
                       and mrow["exit_date"] == date and member.status in ACTIVE_STATUSES)
            if leaving:
                balance = self.book.share_balance(no)
                if amount != balance:
                    self.fail(row, UserError(N_("member {no} leaves on {date}: the withdrawal must be the whole "
                                                "balance of {balance} baht"), no=no, date=format_date(date),
                                             balance=format_amount(balance.satang)), "amount")
                    self.bad_members.add(no)  # the leaving failed: its status follows from this problem
                    return
                self.left.add(no)
                self.book.leave(no, mrow["status"], self.reason, date, pay_now=True)
            elif member.status not in ACTIVE_STATUSES:
                owed = self.book.owed_to_former_member(no)
                if amount != owed:
                    self.fail(row, UserError(N_("member {no} has left and is owed {owed} baht: the withdrawal must "
                                                "be that amount"), no=no, owed=format_amount(owed.satang)),
                              "amount")
                    return
                self.book.pay_former_member(no, date)
            else:
                self.book.withdraw_shares(no, amount, date)
        except LedgerError as exc:
            self.fail(row, exc)
            if no in self.left:
                self.bad_members.add(no)

    def leave(self, row: Row) -> None:
        no = row["member_no"]
        if no in self.bad_members or no in self.left:
            return
        try:
            if self.book.member(no).status in ACTIVE_STATUSES:
                self.book.leave(no, row["status"], self.reason, row["exit_date"], pay_now=False)
                self.left.add(no)
        except LedgerError as exc:
            self.fail(row, exc, "status")
            self.bad_members.add(no)

    def cash_in(self, row: Row) -> None:
        self._cash(row)

    def cash_out(self, row: Row) -> None:
        self._cash(row)

    def _cash(self, row: Row) -> None:
        category, amount, date, text = row["category"], row["amount"], row["date"], row["description"] or ""
        try:
            if category == "bank_deposit":
                self.book.transfer(amount, acc.CASH, acc.BANK, text, date)
            elif category == "bank_withdrawal":
                self.book.transfer(amount, acc.BANK, acc.CASH, text, date)
            elif category in ("opening_cash", "opening_bank"):
                self.book.cash_in(amount, "opening", text, date, account=acc.CASH if category == "opening_cash"
                                  else acc.BANK)
            elif category in c.FUND_CATEGORIES:
                self.book.cash_in(amount, category, text, date)
            else:
                self._ensure_category(category)
                account = acc.BANK if category in c.BANK_SIDE_CATEGORIES else acc.CASH
                if category.startswith("income:"):
                    self.book.cash_in(amount, category, text, date, account=account)
                else:
                    self.book.cash_out(amount, category, text, date, account=account)
        except LedgerError as exc:
            self.fail(row, exc)

    def _ensure_category(self, code: str) -> None:
        if code not in {a for a, _t, _n in self.book.accounts()}:
            self.book.add_account(code, code.split(":", 1)[1])
            self.new_categories.append(code)

    def payouts(self, rows: list[Row]) -> None:
        """The year-end payouts paid on a date: each member is paid everything the bank owes them then
        (``pay_payout``), which the row's amount must be."""
        date = rows[0]["date"]
        owed = dict(self.book.owed_payouts())
        known = {m.member_no for m in self.book.members()}
        paying: list[tuple[int, Row]] = []
        for row in rows:
            no, amount = int(row["category"][len(c.PAYOUT_PREFIX):]), row["amount"]
            if no in self.bad_members:
                continue
            if no not in known:
                self.fail(row, UserError(NO_MEMBER, no=no), "category")
            elif no not in owed:
                self.fail(row, UserError(N_("nothing is owed to member {no} on {date}: there is no year-end payout "
                                            "to pay"), no=no, date=format_date(date)), "category")
            elif amount != owed[no]:
                self.fail(row, UserError(N_("member {no} is owed {owed} baht on {date} (year-end payouts, and the "
                                            "shares of a former member): a payout pays all of it"),
                                         no=no, owed=format_amount(owed[no].satang), date=format_date(date)), "amount")
            else:
                paying.append((no, row))
        if not paying:
            return
        try:
            results = self.book.pay_payouts([no for no, _row in paying], date)
        except LedgerError as exc:
            results = [exc] * len(paying)
        for (_no, row), result in zip(paying, results, strict=True):
            if isinstance(result, LedgerError):
                self.fail(row, result)

    def count_cash(self, date: dt.date, meeting: int | None) -> None:
        """The cash-count differences of ``date``: the first is the count at the meeting's close (or a count
        of its own when there is no meeting); a count can only be of notes and coins, so a difference that
        no count could give, and any further one that day, is posted as it stands."""
        rows = self.counts.get(date)
        if not rows:
            return
        first, *more = rows
        for row in more:
            self._cash(row)
        counts = self._count_for(first)
        if counts is None:
            self._cash(first)
        elif meeting is not None:
            self._meeting_counts[date] = (counts, self._count_reason(first))
        else:
            try:
                self.book.count_cash(counts, self._count_reason(first), date)
            except LedgerError as exc:
                self.fail(first, exc)

    def meeting_count(self, date: dt.date) -> tuple[dict[int, int] | None, str]:
        return self._meeting_counts.pop(date, (None, ""))

    def _count_for(self, row: Row) -> dict[int, int] | None:
        from villagebank.ledger.cashbook import DENOMINATIONS

        diff = row["amount"].satang if row["direction"] == "in" else -row["amount"].satang
        left = self.book.cash_balance(as_of=row["date"]).satang + diff
        if left < 0 or left % DENOMINATIONS[-1]:
            return None
        counts = {}
        for denom in DENOMINATIONS:
            counts[denom], left = divmod(left, denom)
        return {d: n for d, n in counts.items() if n}

    @staticmethod
    def _count_reason(row: Row) -> str:
        from villagebank.i18n import _

        return row["description"] or _("cash count difference (recorded by a workbook import)")

    def enrol(self, row: Row) -> None:
        """Enrol the member of a partner fund's first row, unless already enrolled on that date."""
        from villagebank.ledger.partners import contribution_year

        no, key, date = row["member_no"], row["partner"], row["date"]
        partner = self.book.rules.partner(key)
        if no in self.bad_members or partner is None:
            return  # an unknown partner is the row's own problem
        try:
            if any(e.active_on(date) for e in self.book.partner_enrolments(key, no)):
                return
            since = max(contribution_year(partner, date)[0], self.book.member(no).join_date)
            self.book.enrol_partner(no, key, since)
        except LedgerError as exc:
            self.fail(row, exc)
            self.bad_enrolments.add((no, key))

    def partner_group(self, kind: str, rows: list[Row]) -> None:
        """The remittance (or payment of dues by the bank) of one date and partner: one entry, each member
        for the amount of their rows."""
        rows = [r for r in rows if r["member_no"] not in self.bad_members
                and (r["member_no"], r["partner"]) not in self.bad_enrolments]
        if not rows:
            return

        def post(group: list[Row]) -> None:
            amounts: dict[int, Money] = {}
            for r in group:
                amounts[r["member_no"]] = amounts.get(r["member_no"], Money(0)) + r["amount"]
            partner, date = group[0]["partner"], group[0]["date"]
            if kind == "pass_through:remitted":
                self.book.remit_partner(partner, date, members=amounts)
            else:
                self.book.partner_paid_by_bank(partner, amounts, date=date)

        try:
            post(rows)
        except LedgerError as whole:
            before = len(self.problems)
            if len(rows) > 1:
                for row in rows:  # find which rows are refused: post them one by one
                    try:
                        post([row])
                    except LedgerError as exc:
                        self.fail(row, exc)
            if len(self.problems) == before:
                self.fail(rows[0], whole)

    def welfare_claim(self, row: Row) -> None:
        no = row["member_no"]
        if no in self.bad_members:
            return
        case = row["case"] or ""
        case = WELFARE_CASES.get(case, case.casefold())
        try:
            self.book.welfare_claim(no, case, row["date"], nights=row["nights"], amount=row["amount_paid"],
                                    override_reason=row["override_reason"] or "")
        except LedgerError as exc:
            self.fail(row, exc)

    # --- after the history --------------------------------------------------------------------------------
    def _check_statuses(self) -> None:
        from villagebank.i18n import lazy

        for no, row in self.members.items():
            if not row.ok or no in self.bad_members or row["status"] is None:
                continue
            try:
                m = self.book.member(no)
            except LedgerError:
                continue
            if m.status != row["status"]:
                self.problems.append(row.problem("status", UserError(
                    N_("the history in this workbook makes the status of member {no} “{actual}”, not “{expected}”"), no=no,
                    actual=lazy(STATUS_LABELS[m.status]), expected=lazy(STATUS_LABELS[row["status"]]))))
            elif row["exit_date"] is not None and m.exit_date != row["exit_date"]:
                self.problems.append(row.problem("exit_date", UserError(
                    N_("the history in this workbook ends the membership of member {no} on {actual}"), no=no,
                    actual=format_date(m.exit_date) if m.exit_date else "-")))


def _bind(fn, *args) -> Callable[[], None]:
    return lambda: fn(*args)


def _slot(row: Row) -> object:
    if row.sheet == "share_txns":
        return "shares"
    if row.sheet == "fees":
        return row["kind"]
    if row.sheet == "pass_through":
        return ("partner", row["partner"])
    return ("loan", row["loan_no"])


def _parts(rows: list[Row]) -> Parts:
    shares = fee = fine = other = 0
    repayments = []
    partners = []
    for row in rows:
        if row.sheet == "share_txns":
            shares += row["amount"].satang
        elif row.sheet == "fees":
            amount = row["amount"].satang
            if row["kind"] == "entry_fee":
                fee += amount
            elif row["kind"] == "fine":
                fine += amount
            else:
                other += amount
        elif row.sheet == "pass_through":
            partners.append((row["partner"], row["amount"]))
        else:
            repayments.append((row["loan_no"], row["principal"], row["interest"]))
    return Parts(shares=Money(shares), entry_fee=Money(fee), fine=Money(fine), other=Money(other),
                 repayments=tuple(repayments), partners=tuple(partners))


def _fiscal_year(year: int) -> int:
    """A fiscal year named in B.E. (≥ 2400, as the export writes it) or C.E."""
    from villagebank.thai import BE_OFFSET

    return year - BE_OFFSET if year >= 2400 else year


class YearEnd:
    """The years the import closes (the ``allocation`` sheet's rows), when it closes them, and the checks of
    each close against the workbook's ``allocation``, ``member_payouts`` and ``dividend_to_shares`` rows."""

    def __init__(self, replay: Replay) -> None:
        self.r = replay
        self.rows: dict[int, Row] = {}  # fiscal year -> its allocation row
        self.payouts: dict[int, list[Row]] = defaultdict(list)
        self.dividends: dict[int, list[Row]] = defaultdict(list)
        self.pending: list[int] = []
        self.closed: list[int] = []
        self.payout_sheet = False

    @property
    def book(self) -> Book:
        return self.r.book

    def read(self) -> None:
        for row in self.r.p.sheet("allocation"):
            if row["year"] is None:
                continue
            fy = _fiscal_year(row["year"])
            if fy in self.rows:
                self.r.problems.append(row.problem("year", UserError(
                    N_("the year {year} is already on row {row}"), year=row["year"], row=self.rows[fy].number)))
                continue
            self.rows[fy] = row
        self.payout_sheet = "member_payouts" in self.r.p.rows
        for row in self.r.p.sheet("member_payouts"):
            if row["year"] is None:
                continue
            fy = _fiscal_year(row["year"])
            if fy not in self.rows:
                self.r.problems.append(row.problem("year", UserError(NOT_CLOSED, year=row["year"])))
                continue
            self.payouts[fy].append(row)
        self.pending = sorted(self.rows)

    def dividend(self, row: Row) -> None:
        """A payout credited to shares: posted by the close of its year, checked then."""
        date = row["date"]
        fy = self.book.fiscal_year_of(date)
        end = self.book.fiscal_year_bounds(fy)[1]
        if date != end:
            self.r.problems.append(row.problem("date", UserError(
                N_("payouts are credited to shares by the year-end close, dated the last day of the fiscal year "
                   "({end})"), end=format_date(end))))
        elif fy not in self.rows:
            self.r.problems.append(row.problem("kind", UserError(NOT_CLOSED, year=format_year(fy))))
        else:
            self.dividends[fy].append(row)

    def before(self, date: dt.date, pays: bool) -> None:
        """Before the rows of ``date``: close each year that has ended, as soon as the close the app computes
        equals the workbook's rows; at the latest before a payout, or when the next year has ended too."""
        while self.pending:
            fy = self.pending[0]
            if date <= self.book.fiscal_year_bounds(fy)[1]:
                return
            if not (pays or date > self.book.fiscal_year_bounds(fy + 1)[1] or self._matches(fy)):
                return  # try again after this date's rows (a member's status may change)
            self._close(fy)

    def finish(self) -> None:
        while self.pending:
            self._close(self.pending[0])

    def _matches(self, fy: int) -> bool:
        from villagebank.ledger.members import ACTIVE_STATUSES

        try:
            alloc = self.book.preview_close(fy)
        except LedgerError:
            return True  # the close will say why
        credited = {}
        if self.book.rules.payout_method == "shares":
            active = {m.member_no for m in self.book.members(statuses=ACTIVE_STATUSES)}
            credited = {p.member_no: p.total for p in alloc.payouts if p.total > 0 and p.member_no in active}
        return not self._differences(fy, alloc, credited)

    def _close(self, fy: int) -> None:
        self.pending.remove(fy)
        row = self.rows[fy]
        try:
            alloc = self.book.close_year(fy)
        except LedgerError as exc:
            for e in getattr(exc, "problems", None) or [exc]:
                self.r.problems.append(row.problem("year", e))
            return
        self.closed.append(fy)
        credited: dict[int, int] = defaultdict(int)
        for e in self.book.entries(start=alloc.end, end=alloc.end, kinds=("dividend_to_shares",)):
            if e.reversed_by is None:
                for p in e.postings:
                    if p.account == acc.SHARES and p.member_no is not None:
                        credited[p.member_no] -= p.amount.satang
        self.r.problems.extend(self._differences(fy, alloc, dict(credited)))

    def _differences(self, fy: int, alloc, credited: dict[int, int]) -> list[Problem]:
        """Where the workbook's rows of ``fy`` differ from the close ``alloc`` (and the payouts it credits to
        shares, ``credited``): one problem per cell."""
        from villagebank.exports.workbook.rows import allocation_values, payout_values

        out: list[Problem] = []
        row, year = self.rows[fy], format_year(fy)

        def differs(r: Row, key: str, want: Money) -> None:
            have = r[key]
            if have is not None and have != want:
                out.append(r.problem(key, UserError(
                    N_("the year-end close of {year} computes {amount} baht here, not {value}"), year=year,
                    amount=format_amount(want.satang), value=format_amount(have.satang))))

        expected = allocation_values(alloc)
        for col in c.ALLOCATION.columns[1:]:
            differs(row, col.key, expected[col.key])
        if self.payout_sheet:
            want = {v["member_no"]: v for v in payout_values(alloc)}
            seen: dict[int, Row] = {}
            for prow in self.payouts[fy]:
                no = prow["member_no"]
                if no is None:
                    continue
                if no in seen:
                    out.append(prow.problem("member_no", UserError(
                        N_("member {no} is already on row {row} for this year"), no=no, row=seen[no].number)))
                    continue
                seen[no] = prow
                if no not in want:
                    out.append(prow.problem("member_no", UserError(
                        N_("the year-end close of {year} pays member {no} nothing"), year=year, no=no)))
                    continue
                for col in c.MEMBER_PAYOUTS.columns[2:]:
                    differs(prow, col.key, want[no][col.key])
            for no, v in want.items():
                if no not in seen:
                    out.append(row.problem("year", UserError(
                        N_("the year-end close of {year} pays member {no} {amount} baht; the member payouts sheet "
                           "has no row for it"), year=year, no=no, amount=format_amount(v["total"].satang))))
        rows: dict[int, Row] = {}
        for drow in self.dividends[fy]:
            no = drow["member_no"]
            if no in rows:
                out.append(drow.problem("member_no", UserError(
                    N_("member {no} is already on row {row} for this year"), no=no, row=rows[no].number)))
                continue
            rows[no] = drow
            if no not in credited:
                out.append(drow.problem("member_no", UserError(
                    N_("the year-end close of {year} credits no payout to the shares of member {no}"),
                    year=year, no=no)))
            elif credited[no] != drow["amount"].satang:
                out.append(drow.problem("amount", UserError(
                    N_("the year-end close of {year} credits {amount} baht to the shares of member {no}"),
                    year=year, amount=format_amount(credited[no]), no=no)))
        for no, amount in credited.items():
            if no not in rows:
                out.append(row.problem("year", UserError(
                    N_("the year-end close of {year} credits {amount} baht to the shares of member {no}; the "
                       "share_txns sheet has no dividend_to_shares row for it"), year=year, amount=format_amount(amount),
                    no=no)))
        return out


NOT_CLOSED = N_("this workbook does not close the year {year}: the allocation sheet has no row for it")

# The contract's order within a date: members (0), money in (1-5), money out (6-10).
PHASES = {"deposit": 1, "fee": 2, "repayment": 3, "pass_through:collected": 4, "cash:in": 5, "loan": 6,
          "withdrawal": 7, "cash:out": 8, "cash:payout": 8, "pass_through:remitted": 9,
          "pass_through:paid_by_bank": 9, "welfare_claim": 10}
# Rows that are parts of a member's receipt at the counter.
PART_KINDS = frozenset({"deposit", "fee", "repayment", "pass_through:collected"})
# Rows posted together, one entry per date and partner.
GROUP_KINDS = frozenset({"pass_through:remitted", "pass_through:paid_by_bank"})
# One poster per kind of row (parts of receipts are posted by Replay.payment, groups by
# Replay.partner_group; ``dividend_to_shares`` rows by the year-end close, cash-count differences by the
# day's count). Adding a kind is one function here and one entry in PHASES.
POSTERS: dict[str, Callable[[Replay, Row], None]] = {
    "loan": Replay.loan,
    "withdrawal": Replay.withdrawal,
    "cash:in": Replay.cash_in,
    "cash:out": Replay.cash_out,
    "welfare_claim": Replay.welfare_claim,
}
