"""The journal: balanced entries with a gap-free sequence, a hash chain, reversals and period locks.

Helpers here take a SQLAlchemy connection inside the caller's transaction and never commit.
Each entry's hash is sha256 over the previous entry's hash and the canonical JSON of every stored
column of the entry and its postings, so any later edit, deletion or reordering breaks the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, select

from villagebank.i18n import N_
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, LedgerError, NotFound, PeriodLocked
from villagebank.ledger.money import Money

ENTRY_COLUMNS = ("seq", "date", "kind", "memo", "member_no", "loan_no", "meeting_id", "receipt_no",
                 "reverses_seq", "reason", "created_at", "created_by")
POSTING_COLUMNS = ("line", "account", "member_no", "loan_no", "amount", "date")


@dataclass(frozen=True)
class Line:
    """One posting line. ``amount`` in satang: positive debit, negative credit."""

    account: str
    amount: int
    member_no: int | None = None
    loan_no: int | None = None


def dr(account: str, amount: Money, *, member_no: int | None = None, loan_no: int | None = None) -> Line:
    return Line(account, amount.satang, member_no, loan_no)


def cr(account: str, amount: Money, *, member_no: int | None = None, loan_no: int | None = None) -> Line:
    return Line(account, -amount.satang, member_no, loan_no)


def genesis_hash(book_id: str) -> str:
    return hashlib.sha256(f"villagebank-genesis:{book_id}".encode()).hexdigest()


def compute_hash(prev_hash: str, entry_values: Iterable[object], posting_values: Iterable[Iterable[object]]) -> str:
    """``entry_values`` in ENTRY_COLUMNS order, each posting in POSTING_COLUMNS order; dates as ISO text."""
    payload = json.dumps([list(entry_values), [list(p) for p in posting_values]],
                         ensure_ascii=False, separators=(",", ":"), default=_jsonable)
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot hash {type(value).__name__}")


@dataclass(frozen=True)
class Posted:
    seq: int
    hash: str


def last_entry(conn: Connection) -> tuple[int, str] | None:
    row = conn.execute(select(s.entry.c.seq, s.entry.c.hash).order_by(s.entry.c.seq.desc()).limit(1)).first()
    return (row[0], row[1]) if row else None


def check_open(conn: Connection, date: dt.date) -> None:
    """Refuse a date inside a locked (closed) period."""
    row = conn.execute(
        select(s.period_lock.c.kind, s.period_lock.c.start, s.period_lock.c.end)
        .where(s.period_lock.c.unlocked_at.is_(None), s.period_lock.c.start <= date, s.period_lock.c.end >= date)
        .limit(1)
    ).first()
    if row:
        from villagebank.thai import format_date

        raise PeriodLocked(N_("{date} is in a closed period ({start} – {end}); entries can no longer be dated "
                              "inside it"), date=format_date(date), start=format_date(row.start),
                           end=format_date(row.end))


@dataclass(frozen=True)
class Prepared:
    """An entry checked and chained, ready to be written (``write``)."""

    seq: int
    hash: str
    entry: dict
    postings: list[dict]


def post(conn: Connection, **kw) -> Posted:
    """Append one balanced entry; returns its sequence number and hash (arguments: ``prepare``'s)."""
    prepared = prepare(conn, **kw)
    write(conn, [prepared])
    return Posted(prepared.seq, prepared.hash)


def prepare(
    conn: Connection,
    *,
    book_id: str,
    date: dt.date,
    kind: str,
    lines: list[Line],
    created_at: str,
    created_by: str,
    memo: str = "",
    member_no: int | None = None,
    loan_no: int | None = None,
    meeting_id: int | None = None,
    receipt_no: int | None = None,
    reverses_seq: int | None = None,
    reason: str = "",
    check_locks: bool = True,
    last: tuple[int, str] | None = None,
    accounts: Collection[str] | None = None,
) -> Prepared:
    """Check one balanced entry and chain it after the newest; nothing is written yet.

    A caller that posts many entries in one transaction may pass what it knows: ``last``, the newest
    entry's (seq, hash) (``(0, genesis_hash(book_id))`` in an empty book), and ``accounts``, the codes of
    the chart of accounts; otherwise they are read. It must then write the entries in order."""
    lines = [ln for ln in lines if ln.amount != 0]
    if len(lines) < 2:
        raise InvalidInput(N_("an entry needs at least two lines with amounts"))
    for ln in lines:
        if type(ln.amount) is not int:
            raise TypeError("posting amounts are integer satang")
    if sum(ln.amount for ln in lines) != 0:
        raise LedgerError(N_("the entry does not balance: debits and credits differ by {diff} satang"),
                          diff=sum(ln.amount for ln in lines))
    codes = {ln.account for ln in lines}
    missing = codes - (set(accounts) if accounts is not None else set(
        conn.execute(select(s.account.c.code).where(s.account.c.code.in_(codes))).scalars()))
    if missing:
        raise NotFound(N_("no account “{code}” in the chart of accounts"), code=sorted(missing)[0])
    if check_locks:
        check_open(conn, date)
    if last is None:
        last = last_entry(conn) or (0, genesis_hash(book_id))
    seq = last[0] + 1
    prev_hash = last[1]
    entry_values = (seq, date.isoformat(), kind, memo, member_no, loan_no, meeting_id, receipt_no, reverses_seq,
                    reason, created_at, created_by)
    posting_values = [(i, ln.account, ln.member_no, ln.loan_no, ln.amount, date.isoformat())
                      for i, ln in enumerate(lines, start=1)]
    digest = compute_hash(prev_hash, entry_values, posting_values)
    entry = {"seq": seq, "date": date, "kind": kind, "memo": memo, "member_no": member_no, "loan_no": loan_no,
             "meeting_id": meeting_id, "receipt_no": receipt_no, "reverses_seq": reverses_seq, "reason": reason,
             "created_at": created_at, "created_by": created_by, "prev_hash": prev_hash, "hash": digest}
    postings = [{"entry_seq": seq, "line": i, "account": ln.account, "member_no": ln.member_no,
                 "loan_no": ln.loan_no, "amount": ln.amount, "date": date} for i, ln in enumerate(lines, start=1)]
    return Prepared(seq, digest, entry, postings)


def write(conn: Connection, prepared: list[Prepared]) -> None:
    """Write prepared entries (in the order they were chained)."""
    if prepared:
        conn.execute(ENTRY_INSERT, [p.entry for p in prepared])
        conn.execute(POSTING_INSERT, [row for p in prepared for row in p.postings])


ENTRY_INSERT = s.entry.insert()
POSTING_INSERT = s.posting.insert()


def entry_lines(conn: Connection, seq: int) -> list[Line]:
    rows = conn.execute(
        select(s.posting.c.account, s.posting.c.amount, s.posting.c.member_no, s.posting.c.loan_no)
        .where(s.posting.c.entry_seq == seq).order_by(s.posting.c.line)
    ).all()
    return [Line(r.account, r.amount, r.member_no, r.loan_no) for r in rows]


def reversed_by(conn: Connection, seq: int) -> int | None:
    return conn.execute(select(s.entry.c.seq).where(s.entry.c.reverses_seq == seq)).scalar()


def reverse(
    conn: Connection,
    *,
    book_id: str,
    seq: int,
    reason: str,
    date: dt.date,
    created_at: str,
    created_by: str,
    kind: str = "reversal",
) -> Posted:
    """Post the mirror image of entry ``seq`` (which must exist and not be reversed already)."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput(N_("a correction needs a reason"), field=N_("Reason"))
    original = conn.execute(select(s.entry).where(s.entry.c.seq == seq)).first()
    if original is None:
        raise NotFound(N_("there is no entry number {seq}"), seq=seq)
    if original.reverses_seq is not None:
        raise InvalidInput(N_("entry {seq} is itself a correction; record the original entry again instead"),
                           seq=seq)
    done = reversed_by(conn, seq)
    if done is not None:
        raise InvalidInput(N_("entry {seq} was already corrected by entry {by}"), seq=seq, by=done)
    lines = [Line(ln.account, -ln.amount, ln.member_no, ln.loan_no) for ln in entry_lines(conn, seq)]
    return post(conn, book_id=book_id, date=date, kind=kind, lines=lines, created_at=created_at,
                created_by=created_by, memo=original.memo, member_no=original.member_no,
                loan_no=original.loan_no, meeting_id=None, reverses_seq=seq, reason=reason)


# --- verification -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """A defect found by verify: the entry at fault (or None for book-wide problems) and a message."""

    seq: int | None
    code: str
    template: str
    params: tuple[tuple[str, object], ...] = ()

    def message(self) -> str:
        from villagebank.i18n import _

        return _(self.template).format(**dict(self.params))

    @property
    def technical(self) -> str:
        """SQLite's own words kept with a problem (its ``error`` parameter, not in the message), or ``""``."""
        return str(dict(self.params).get("error", ""))


def _problem(at: int | None, code: str, template: str, **params: object) -> Problem:
    return Problem(at, code, template, tuple(sorted(params.items())))


def _iter_postings(conn: Connection) -> Iterator[tuple]:
    cur = conn.exec_driver_sql(
        "SELECT entry_seq, line, account, member_no, loan_no, amount, date FROM posting ORDER BY entry_seq, line")
    while True:
        rows = cur.fetchmany(5000)
        if not rows:
            return
        yield from rows


def verify_chain(conn: Connection, book_id: str, max_problems: int = 200) -> tuple[list[Problem], int, str | None]:
    """Check sequence, balance, dates and the hash chain of every entry.

    Returns (problems, number of entries, hash of the last entry). Streams: memory is flat in the
    journal's size.
    """
    problems: list[Problem] = []
    expected_seq = 1
    prev_hash = genesis_hash(book_id)
    postings = _iter_postings(conn)
    pending = next(postings, None)
    count = 0
    last_hash: str | None = None
    cols = ", ".join(ENTRY_COLUMNS)
    cur = conn.exec_driver_sql(f"SELECT {cols}, prev_hash, hash FROM entry ORDER BY seq")
    seen_reversed: set[int] = set()
    while True:
        batch = cur.fetchmany(5000)
        if not batch:
            break
        for row in batch:
            count += 1
            seq = row[0]
            values = tuple(row[: len(ENTRY_COLUMNS)])
            stored_prev, stored_hash = row[-2], row[-1]
            if seq != expected_seq:
                if seq > expected_seq:
                    problems.append(_problem(seq, "gap", N_("entries {first} to {last} are missing before entry {seq}"),
                                             first=expected_seq, last=seq - 1, seq=seq))
                else:
                    problems.append(_problem(seq, "sequence", N_("entry {seq} is out of sequence"), seq=seq))
            expected_seq = seq + 1
            lines = []
            while pending is not None and pending[0] < seq:
                problems.append(_problem(pending[0], "orphan", N_("a posting line belongs to no entry ({seq})"),
                                         seq=pending[0]))
                pending = next(postings, None)
            while pending is not None and pending[0] == seq:
                lines.append(tuple(pending[1:]))
                pending = next(postings, None)
            total = 0
            for ln in lines:
                amount = ln[4]
                if type(amount) is not int:
                    problems.append(_problem(seq, "amount_type", N_("entry {seq} has an amount that is not whole satang"),
                                             seq=seq))
                    amount = 0
                total += amount
                if ln[5] != row[1]:
                    problems.append(_problem(seq, "date", N_("entry {seq} has a posting dated differently from the entry"),
                                             seq=seq))
            if len(lines) < 2:
                problems.append(_problem(seq, "lines", N_("entry {seq} has fewer than two posting lines"), seq=seq))
            if total != 0:
                problems.append(_problem(seq, "unbalanced", N_("entry {seq} does not balance (off by {diff} satang)"),
                                         seq=seq, diff=total))
            reverses = row[8]
            if reverses is not None:
                if reverses >= seq:
                    problems.append(_problem(seq, "reversal", N_("entry {seq} corrects a later entry"), seq=seq))
                elif reverses in seen_reversed:
                    problems.append(_problem(seq, "reversal", N_("entry {seq} corrects entry {orig} a second time"),
                                             seq=seq, orig=reverses))
                seen_reversed.add(reverses)
            if stored_prev != prev_hash:
                problems.append(_problem(seq, "chain", N_("entry {seq} does not follow the entry before it (the chain "
                                                          "of entries was broken: an entry was removed, reordered or "
                                                          "altered)"), seq=seq))
            digest = compute_hash(stored_prev, values, lines)
            if digest != stored_hash:
                problems.append(_problem(seq, "hash", N_("entry {seq} was altered after it was recorded"), seq=seq))
            prev_hash = stored_hash
            last_hash = stored_hash
            if len(problems) >= max_problems:
                return problems, count, last_hash
    while pending is not None:
        problems.append(_problem(pending[0], "orphan", N_("a posting line belongs to no entry ({seq})"), seq=pending[0]))
        pending = next(postings, None)
    return problems, count, last_hash


def trial_balance_problems(conn: Connection) -> list[Problem]:
    total = conn.exec_driver_sql("SELECT COALESCE(SUM(amount), 0) FROM posting").scalar()
    if total != 0:
        return [_problem(None, "trial_balance", N_("the trial balance is off by {diff} satang"), diff=total)]
    return []
