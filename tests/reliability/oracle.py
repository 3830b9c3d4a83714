"""The oracle V, independent of the Book facade: read the file with plain sqlite3 and check
integrity_check, gap-free sequence, every entry balanced with at least two lines, no orphan posting,
the hash chain recomputed from the stored columns, the trial balance, and each member's join row.

Only the hash definition (``journal.compute_hash``/``genesis_hash``) is shared with the code under test.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from villagebank.ledger.journal import ENTRY_COLUMNS, compute_hash, genesis_hash


def connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)


def check_book(path: Path) -> list[str]:
    """Every defect found (empty when the book is sound). Never raises on a damaged file.

    Read-only first; a file left with a hot rollback journal (killed while switching a rollback-mode file
    to WAL) needs a writable connection to be recovered, as the app's next open would do.
    """
    for connect in (connect_ro, sqlite3.connect):
        try:
            con = connect(path)
        except sqlite3.Error as exc:
            return [f"cannot open: {exc}"]
        try:
            return _check(con)
        except sqlite3.OperationalError as exc:
            if "readonly" not in str(exc) or connect is not connect_ro:
                return [f"sqlite error while checking: {exc}"]
        except sqlite3.Error as exc:
            return [f"sqlite error while checking: {exc}"]
        finally:
            con.close()
    return ["unreachable"]


def _check(con: sqlite3.Connection) -> list[str]:
    problems = []
    rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        return [f"integrity_check: {rows[:3]}"]
    book_id = con.execute("SELECT value FROM book_meta WHERE key = 'book_id'").fetchone()[0]
    postings: dict[int, list[tuple]] = {}
    for r in con.execute("SELECT entry_seq, line, account, member_no, loan_no, amount, date FROM posting "
                         "ORDER BY entry_seq, line"):
        postings.setdefault(r[0], []).append(tuple(r[1:]))
    prev = genesis_hash(book_id)
    expected = 1
    cols = ", ".join(ENTRY_COLUMNS)
    seqs = set()
    for row in con.execute(f"SELECT {cols}, prev_hash, hash FROM entry ORDER BY seq"):
        seq = row[0]
        seqs.add(seq)
        if seq != expected:
            problems.append(f"sequence: expected {expected}, found {seq}")
        expected = seq + 1
        lines = postings.get(seq, [])
        if len(lines) < 2:
            problems.append(f"entry {seq}: {len(lines)} line(s)")
        if sum(ln[4] for ln in lines) != 0:
            problems.append(f"entry {seq}: unbalanced")
        if row[-2] != prev:
            problems.append(f"entry {seq}: prev_hash broken")
        if compute_hash(row[-2], tuple(row[:len(ENTRY_COLUMNS)]), lines) != row[-1]:
            problems.append(f"entry {seq}: hash mismatch")
        prev = row[-1]
    orphans = set(postings) - seqs
    if orphans:
        problems.append(f"orphan postings for entries {sorted(orphans)[:5]}")
    total = con.execute("SELECT COALESCE(SUM(amount), 0) FROM posting").fetchone()[0]
    if total != 0:
        problems.append(f"trial balance off by {total}")
    lonely = con.execute("SELECT count(*) FROM member m WHERE NOT EXISTS "
                         "(SELECT 1 FROM member_status s WHERE s.member_no = m.member_no)").fetchone()[0]
    if lonely:
        problems.append(f"{lonely} member(s) without their join row (half-written member add)")
    return problems


def state(path: Path) -> dict[str, object]:
    """Counts that a command changes, to tell "wholly present" from "absent"."""
    con = connect_ro(path)
    try:
        out: dict[str, object] = {}
        for table in ("entry", "posting", "member", "member_status", "rules", "period_lock"):
            out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        last = con.execute("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1").fetchone()
        out["last"] = tuple(last) if last else None
        return out
    finally:
        con.close()


def entry_hashes(path: Path) -> dict[int, str]:
    con = connect_ro(path)
    try:
        return dict(con.execute("SELECT seq, hash FROM entry"))
    finally:
        con.close()
