"""Realistic books at benchmark scale, written in bulk (``executemany``) instead of through the ledger API.

Posting a network-scale book (10,000 members, 10 years, > 1 million entries) one command at a time would
take hours, so the generator simulates the bank's months itself and writes the rows directly: members, one
meeting a month, each member's payment as one entry with its receipt, loans with two guarantors and their
repayments, misses (with the suspension rule), resignations, expenses, bank transfers and bank interest. The
journal's hash chain is computed with :func:`villagebank.ledger.journal.compute_hash`, so ``verify()``
passes; every year but the last is closed through the ledger's own ``yearend.close`` (on the rows written
so far) and its payouts are paid at the February meeting.

The simulation keeps to the bank's rules as the ledger checks them (``loans.borrower_problems``,
``guarantor_problems``, ``cash_problem``, the saving discipline of ``shares.apply_misses``) so that the
book's workbook imports again without a problem: the importer replays every row through ``Book`` commands.

Outputs per scale and seed (cached under ``bench/data/<scale>-s<seed>-g<version>/``): ``book.vbk``, the
same postings as an hledger journal ``book.journal`` and, on request, the book workbook ``book.xlsx``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from bench import DATA

GEN_VERSION = 1
LAST_YEAR = 2025  # every generated book ends with fiscal year 2025 (January fiscal years), left open
USER = "treasurer"


@dataclass(frozen=True)
class Scale:
    name: str
    banks: int
    members: int
    years: int

    @property
    def first_year(self) -> int:
        return LAST_YEAR - self.years + 1

    @property
    def end(self) -> dt.date:
        return dt.date(LAST_YEAR, 12, 31)


SCALES = {
    "XS": Scale("XS", 1, 60, 2),  # unit tests of the generator
    "S2": Scale("S2", 1, 150, 5),  # half of S: does import memory grow with the file?
    "S": Scale("S", 1, 300, 5),
    "S10": Scale("S10", 1, 300, 10),  # the full verify's scale (the issue: "S, 10 years")
    "M": Scale("M", 40, 10_000, 10),
    "L": Scale("L", 40, 20_000, 10),
}

VILLAGES = ("ดอนแก้ว", "หนองบัว", "โนนสูง", "ป่าแดง", "ทุ่งใหญ่", "ห้วยทราย", "นาคำ", "โพนทอง", "สันทราย",
            "แม่ริม", "บ่อหิน", "ดงมะไฟ", "หนองแวง", "โคกกลาง", "นาดี", "ท่าช้าง", "หัวนา", "บึงสามัคคี",
            "สระแก้ว", "คำเจริญ", "หนองหอย", "ป่าตึง", "ศรีสะอาด", "โนนหนามแท่ง", "ดอนมูล", "ห้วยน้ำริน",
            "นาหว้า", "เหล่าใหญ่", "ทุ่งกุลา", "สันป่าตอง", "บ้านใหม่", "หนองคู", "กุดน้ำใส", "ดอนตาล",
            "โคกสะอาด", "นาแก", "ป่าสัก", "ห้วยแก้ว", "แม่แตง", "เวียงหนอง")
ROLES = ("ประธาน", "รองประธาน", "เหรัญญิก", "เลขานุการ", "กรรมการ")
PURPOSES = ("ทุนทำนา", "ซื้อปุ๋ยและเมล็ดพันธุ์", "ลงทุนค้าขาย", "ซ่อมแซมบ้าน", "ค่าเล่าเรียนบุตร",
            "ซื้ออุปกรณ์การเกษตร", "เลี้ยงสัตว์")
SAVINGS = (5000, 10000, 10000, 10000, 20000, 20000, 30000, 50000, 100000)  # satang a month
LOAN_AMOUNTS = (300000, 500000, 500000, 1000000, 1000000, 1500000, 2000000, 3000000, 5000000)
LOAN_TERMS = (6, 10, 12, 12, 12, 18, 24)


def data_dir(scale: str, seed: int) -> Path:
    return DATA / f"{scale}-s{seed}-g{GEN_VERSION}"


def _time(d: dt.date) -> str:
    return f"{d.isoformat()}T09:00:00+07:00"


@dataclass
class LoanSim:
    loan_no: int
    member_no: int
    principal: int
    term: int
    disbursed: dt.date
    guarantors: tuple[int, int]
    parts: list[int]
    balance: int
    paid_installments: int = 0
    regular: bool = True
    payments: dict[dt.date, list[int]] = field(default_factory=dict)  # date -> [principal, interest]


@dataclass
class MemberSim:
    no: int
    bank: int
    join: dt.date
    saving: int
    miss_p: float
    status: str = "active"
    suspended_until: dt.date | None = None
    exit_date: dt.date | None = None
    exit_reason: str = ""
    new: bool = True
    consecutive: int = 0
    misses: dict[int, int] = field(default_factory=dict)  # fiscal year -> misses
    shares: int = 0  # credit balance in satang (positive: the bank holds it)
    loan: LoanSim | None = None
    guaranteeing: set[int] = field(default_factory=set)


class Generator:
    """Builds one book at ``path``; :meth:`run` returns counts for ``meta.json``."""

    def __init__(self, scale: Scale, seed: int, path: Path) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.path = path
        self.seq = 0
        self.prev_hash = ""
        self.receipt_no = 0
        self.loan_no = 0
        self.meeting_id = 0
        self.members: dict[int, MemberSim] = {}
        self.loans: dict[int, LoanSim] = {}
        self.cash = 0
        self.bank = 0
        self.used_ids: set[str] = set()
        self.rows: dict[str, list[tuple]] = defaultdict(list)
        self.status_updates: dict[int, tuple] = {}
        self.counts: dict[str, int] = defaultdict(int)
        self.meeting_dates: dict[tuple[int, int], dt.date] = {}
        self.last_lock_end: dt.date | None = None
        self.owed_payouts: dict[int, int] = {}
        self.bank_sizes: dict[int, int] = defaultdict(int)

    # --- the journal ------------------------------------------------------------------------------------
    def post(self, date: dt.date, kind: str, lines: list[tuple[str, int, int | None, int | None]], *,
             memo: str = "", member_no: int | None = None, loan_no: int | None = None,
             meeting_id: int | None = None, receipt_no: int | None = None) -> int:
        """One balanced entry; ``lines`` are (account, satang, member_no, loan_no), debit positive."""
        from villagebank.ledger.journal import compute_hash

        lines = [ln for ln in lines if ln[1]]
        assert len(lines) >= 2 and sum(ln[1] for ln in lines) == 0, (kind, lines)
        self.seq += 1
        iso = date.isoformat()
        ev = (self.seq, iso, kind, memo, member_no, loan_no, meeting_id, receipt_no, None, "", _time(date), USER)
        pv = [(i, a, m, lo, amt, iso) for i, (a, amt, m, lo) in enumerate(lines, start=1)]
        digest = compute_hash(self.prev_hash, ev, pv)
        self.rows["entry"].append((*ev, self.prev_hash, digest))
        self.rows["posting"].extend((self.seq, *p) for p in pv)
        self.prev_hash = digest
        for account, amount, _m, _l in lines:
            if account == "cash":
                self.cash += amount
            elif account == "bank:main":
                self.bank += amount
        return self.seq

    def flush(self) -> None:
        db = self.db
        inserts = {
            "entry": "INSERT INTO entry (seq, date, kind, memo, member_no, loan_no, meeting_id, receipt_no, reverses_seq, "
                     "reason, created_at, created_by, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            "posting": "INSERT INTO posting (entry_seq, line, account, member_no, loan_no, amount, date) "
                       "VALUES (?,?,?,?,?,?,?)",
            "receipt": "INSERT INTO receipt (receipt_no, entry_seq, meeting_id, member_no, date, total, printed) "
                       "VALUES (?,?,?,?,?,?,1)",
            "member": "INSERT INTO member (member_no, title, first_name, last_name, name_key, citizen_id, birth_date, "
                      "sex, house_no, moo, tambon, amphoe, province, postal_code, phone, occupation, income, "
                      "household_debt, welfare_needs, beneficiary, is_group, join_date, status, suspended_until, "
                      "exit_date, exit_reason, committee_role, created_at) "
                      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,'','',0,?,'active',NULL,NULL,'',?,?)",
            "member_status": "INSERT INTO member_status (member_no, date, status, reason, recorded_at) VALUES (?,?,?,?,?)",
            "loan": "INSERT INTO loan (loan_no, member_no, applied_date, purpose, principal, term_months, rate_pct, "
                    "method, status, decided_date, decided_by, decision_note, disbursed_date, disburse_seq, "
                    "created_at) VALUES (?,?,?,?,?,?,'1','declining','disbursed',?,'" + USER + "','',?,?,?)",
            "loan_guarantor": "INSERT INTO loan_guarantor (loan_no, position, member_no) VALUES (?,?,?)",
            "meeting": "INSERT INTO meeting (id, date, status, opened_at, closed_at, summary) VALUES (?,?,'closed',?,?,?)",
            "missed_saving": "INSERT INTO missed_saving (member_no, meeting_id, date, fiscal_year, saved) "
                             "VALUES (?,?,?,?,0)",
            "period_lock": "INSERT INTO period_lock (start, \"end\", kind, locked_at, locked_by, reason) "
                           "VALUES (?,?,'meeting',?,'" + USER + "',?)",
        }
        for table in ("member", "member_status", "meeting", "entry", "posting", "receipt", "loan", "loan_guarantor",
                      "missed_saving", "period_lock"):
            rows = self.rows.pop(table, None)
            if rows:
                db.executemany(inserts[table], rows)
                self.counts[table] += len(rows)
        if self.status_updates:
            db.executemany("UPDATE member SET status=?, suspended_until=?, exit_date=?, exit_reason=? "
                           "WHERE member_no=?", [(*v, k) for k, v in self.status_updates.items()])
            self.status_updates.clear()

    # --- members --------------------------------------------------------------------------------------------
    def join(self, date: dt.date, bank: int) -> MemberSim:
        from villagebank.demo import member_values
        from villagebank.thai import name_key

        no = len(self.members) + 1
        v = member_values(self.rng, date, self.used_ids)
        village = VILLAGES[bank % len(VILLAGES)]
        in_bank = self.bank_sizes[bank]
        self.bank_sizes[bank] += 1
        role = ROLES[in_bank] if in_bank < len(ROLES) else ""  # each bank's first five members: its committee
        self.rows["member"].append((
            no, v["title"], v["first_name"], v["last_name"], name_key(f"{v['first_name']} {v['last_name']}"),
            v["citizen_id"], v["birth_date"].isoformat(), v["sex"], v["house_no"], str(bank % 15 + 1),
            village, "เมือง", "ขอนแก่น", "40000", v["phone"], v["occupation"], date.isoformat(), role, _time(date)))
        self.rows["member_status"].append((no, date.isoformat(), "active", "joined", _time(date)))
        forgetful = self.rng.random() < 0.05
        m = MemberSim(no, bank, date, self.rng.choice(SAVINGS), 0.08 if forgetful else 0.01)
        self.members[no] = m
        return m

    def set_status(self, m: MemberSim, status: str, date: dt.date, reason: str,
                   suspended_until: dt.date | None = None) -> None:
        m.status = status
        m.suspended_until = suspended_until
        if status in ("terminated", "resigned", "deceased"):
            m.exit_date, m.exit_reason = date, reason
        self.status_updates[m.no] = (status, suspended_until.isoformat() if suspended_until else None,
                                     m.exit_date.isoformat() if m.exit_date else None, m.exit_reason)
        self.rows["member_status"].append((m.no, date.isoformat(), status, reason, _time(date)))

    # --- loans -------------------------------------------------------------------------------------------------
    def loan_due(self, loan: LoanSim, date: dt.date) -> tuple[int, int]:
        """(principal, interest) due at the meeting of ``date``, exactly as ``loans.compute_state`` says."""
        from villagebank.ledger import loans as L

        if loan.regular:
            k = loan.paid_installments + 1
            return loan.parts[k - 1], L.interest_for(loan.balance, Decimal(1), self.rules.interest_rounding)
        row = SimpleNamespace(loan_no=loan.loan_no, member_no=loan.member_no, principal=loan.principal,
                              term_months=loan.term, rate_pct="1", method="declining", purpose="",
                              applied_date=loan.disbursed, decided_date=loan.disbursed, disbursed_date=loan.disbursed,
                              status="disbursed")
        pays = [L.Payment(d, p, i) for d, (p, i) in loan.payments.items()]
        st = L.compute_state(row, loan.guarantors, "", pays, date, self.rules, self.meeting_dates)
        return st.principal_due.satang, st.interest_due.satang

    def lend(self, date: dt.date, borrower: MemberSim, amount: int, term: int,
             guarantors: tuple[int, int], meeting_id: int) -> None:
        from villagebank.ledger.loans import installment_principals

        self.loan_no += 1
        no = self.loan_no
        seq = self.post(date, "loan_disburse", [("loans", amount, borrower.no, no), ("cash", -amount, None, None)],
                        member_no=borrower.no, loan_no=no, meeting_id=meeting_id)
        iso = date.isoformat()
        self.rows["loan"].append((no, borrower.no, iso, self.rng.choice(PURPOSES), amount, term, iso, iso, seq,
                                  _time(date)))
        for pos, g in enumerate(guarantors, start=1):
            self.rows["loan_guarantor"].append((no, pos, g))
            self.members[g].guaranteeing.add(no)
        loan = LoanSim(no, borrower.no, amount, term, date, guarantors,
                       installment_principals(amount, term, self.rules.installment_rounding), amount)
        borrower.loan = loan
        self.loans[no] = loan

    def close_loan(self, loan: LoanSim) -> None:
        self.members[loan.member_no].loan = None
        for g in loan.guarantors:
            self.members[g].guaranteeing.discard(loan.loan_no)
        del self.loans[loan.loan_no]

    def pick_guarantors(self, borrower: MemberSim, pool: list[MemberSim], leaving: set[int]) -> tuple[int, int] | None:
        """Two members the rules accept: active, fewer than ``max_guaranteed_loans`` open guarantees, not the
        borrower, and not borrowing on a loan the borrower guarantees (no mutual guarantee)."""
        found: list[int] = []
        for _ in range(12):
            g = self.rng.choice(pool)
            if g.no == borrower.no or g.no in found or g.status != "active" or g.no in leaving \
                    or len(g.guaranteeing) >= self.rules.max_guaranteed_loans:
                continue
            if g.loan is not None and borrower.no in g.loan.guarantors:
                continue
            found.append(g.no)
            if len(found) == 2:
                return found[0], found[1]
        return None

    # --- the month ---------------------------------------------------------------------------------------------
    def meeting(self, date: dt.date, joining: int) -> None:
        from villagebank.ledger.periods import add_months, fiscal_year_of, months_between

        rng, rules = self.rng, self.rules
        self.meeting_id += 1
        mid = self.meeting_id
        fy = fiscal_year_of(date, rules.fiscal_year_start_month)
        by_bank: dict[int, list[MemberSim]] = defaultdict(list)
        for _ in range(joining):
            self.join(date, rng.randrange(self.scale.banks))
        for m in self.members.values():
            if m.status in ("active", "suspended") and m.join <= date:
                by_bank[m.bank].append(m)
        # Who resigns at this meeting (before paying): no open loan, guarantees nothing, a year a member.
        leaving = [m for ms in by_bank.values() for m in ms
                   if m.status == "active" and m.loan is None and not m.guaranteeing
                   and months_between(m.join, date) >= 12 and rng.random() < 0.0008]
        leaving_nos = {m.no for m in leaving}
        totals: dict[str, int] = defaultdict(int)
        paid: set[int] = set()
        # 1. payments, in member-number order (the collection sheet)
        for m in sorted((m for ms in by_bank.values() for m in ms), key=lambda x: x.no):
            if m.no in leaving_nos:
                continue
            missed = not m.new and m.consecutive < rules.terminate_after_consecutive_misses - 1 \
                and rng.random() < m.miss_p
            if missed:
                if m.loan is not None:
                    m.loan.regular = False
                continue
            shares = max(rules.entry_deposit, m.saving) if m.new else m.saving
            fee = rules.entry_fee if m.new else 0
            lines: list[tuple[str, int, int | None, int | None]] = [("shares", -shares, m.no, None)]
            if fee:
                lines.append(("income:entry_fee", -fee, m.no, None))
            loan = m.loan
            loan_no = None
            if loan is not None and months_between(loan.disbursed, date) >= 1:
                principal, interest = self.loan_due(loan, date)
                if principal or interest:
                    loan_no = loan.loan_no
                    lines += [("income:interest", -interest, m.no, loan_no), ("loans", -principal, m.no, loan_no)]
                    slot = loan.payments.setdefault(date, [0, 0])
                    slot[0] += principal
                    slot[1] += interest
                    loan.balance -= principal
                    loan.paid_installments += 1
                    totals["principal"] += principal
                    totals["interest"] += interest
                    if loan.balance == 0:
                        self.close_loan(loan)
            total = -sum(ln[1] for ln in lines)
            self.receipt_no += 1
            seq = self.post(date, "meeting_payment", [("cash", total, None, None), *lines], member_no=m.no,
                            loan_no=loan_no, meeting_id=mid, receipt_no=self.receipt_no)
            self.rows["receipt"].append((self.receipt_no, seq, mid, m.no, date.isoformat(), total))
            m.shares += shares
            m.new = False
            m.consecutive = 0
            paid.add(m.no)
            totals["shares"] += shares
            totals["entry_fees"] += fee
        # 2. what goes out today: loans, members leaving, year-end payouts, expenses
        plans = []
        for ms in by_bank.values():
            for m in ms:
                if m.status == "active" and m.loan is None and m.no not in leaving_nos \
                        and months_between(m.join, date) >= rules.loan_wait_months and rng.random() < 0.05:
                    plans.append((m, rng.choice(LOAN_AMOUNTS), rng.choice(LOAN_TERMS), ms))
        expenses = []
        for _bank in range(self.scale.banks):
            if rng.random() < 0.8:
                expenses.append(("expense:meeting", rng.randint(5, 15) * 1000, "ค่าน้ำดื่มและอาหารว่างวันทำการ"))
            if date.month in (1, 7):
                expenses.append(("expense:office", rng.randint(10, 40) * 1000, "ค่าสมุดบัญชีและเครื่องเขียน"))
        payouts = dict(self.owed_payouts) if date.month == 2 else {}
        need = sum(p[1] for p in plans) + sum(m.shares for m in leaving) + sum(payouts.values()) \
            + sum(e[1] for e in expenses)
        short = need - self.cash
        if short > 0 and self.bank > 0:
            amount = min(-(-short // 100000) * 100000, self.bank - self.bank % 100)
            self.post(date, "transfer", [("cash", amount, None, None), ("bank:main", -amount, None, None)],
                      memo="ถอนเงินจากธนาคาร")
        for m, amount, term, pool in plans:
            # Guarantors are picked loan by loan: an earlier loan of the day may have used them up.
            g = self.pick_guarantors(m, pool, leaving_nos) if amount <= self.cash else None
            if g is None:
                continue
            self.lend(date, m, amount, term, g, mid)
            totals["loans_out"] += amount
        for m in leaving:
            if m.shares > self.cash:
                continue
            self.set_status(m, "resigned", date, "ลาออกจากการเป็นสมาชิก")
            if m.shares:
                self.post(date, "leave_frozen", [("shares", m.shares, m.no, None),
                                                 ("payable:former_members", -m.shares, m.no, None)], member_no=m.no)
                self.post(date, "former_member_payout", [("payable:former_members", m.shares, m.no, None),
                                                         ("cash", -m.shares, None, None)], member_no=m.no)
                m.shares = 0
        for no, amount in payouts.items():
            if amount <= self.cash:
                self.post(date, "payout", [("payable:payouts", amount, no, None), ("cash", -amount, None, None)],
                          member_no=no)
                del self.owed_payouts[no]
        for account, amount, memo in expenses:
            if amount <= self.cash:
                self.post(date, "cash_out", [(account, amount, None, None), ("cash", -amount, None, None)], memo=memo)
                totals["expenses"] += amount
        if date.month in (6, 12) and self.bank >= 100000:
            interest = self.bank * 25 // 10000
            self.post(date, "cash_in", [("bank:main", interest, None, None), ("income:bank_interest", -interest, None,
                                                                              None)], memo="ดอกเบี้ยเงินฝาก ธ.ก.ส.")
        limit = (rules.cash_holding_limit or 2000000) * self.scale.banks
        if self.cash > limit:
            amount = (self.cash - limit // 2) // 100000 * 100000
            if amount > 0:
                self.post(date, "transfer", [("bank:main", amount, None, None), ("cash", -amount, None, None)],
                          memo="นำเงินฝากธนาคาร")
        # 3. the close: suspensions that ended, then misses (shares.apply_misses), the meeting locked
        lifted = []
        for ms in by_bank.values():
            for m in ms:
                if m.status == "suspended" and m.suspended_until is not None and m.suspended_until <= date:
                    self.set_status(m, "active", date, "suspension ended")
                    lifted.append(m.no)
        missed, suspended = [], []
        for ms in by_bank.values():
            for m in ms:
                if m.no in paid or m.status not in ("active", "suspended"):
                    continue
                self.rows["missed_saving"].append((m.no, mid, date.isoformat(), fy))
                m.misses[fy] = m.misses.get(fy, 0) + 1
                m.consecutive += 1
                missed.append(m.no)
                assert m.consecutive < rules.terminate_after_consecutive_misses
                if m.misses[fy] >= rules.suspend_after_misses:
                    from villagebank.i18n import N_
                    from villagebank.ledger.members import encode_reason

                    until = add_months(date, rules.suspension_months)
                    self.set_status(m, "suspended", date, encode_reason(
                        N_("missed saving {count} times this fiscal year: no new loans until {until}"),
                        count=m.misses[fy], until=until), suspended_until=until)
                    suspended.append(m.no)
        summary = {"totals": {k: v for k, v in totals.items() if v}, "receipts": len(paid), "members_paid": len(paid),
                   "missed": missed, "suspended": suspended, "terminated": [], "suspension_lifted": lifted,
                   "cash_book": self.cash, "cash_counted": None, "cash_difference": None}
        self.rows["meeting"].append((mid, date.isoformat(), _time(date), _time(date), json.dumps(summary)))
        start = self.last_lock_end + dt.timedelta(days=1) if self.last_lock_end else dt.date(1900, 1, 1)
        self.rows["period_lock"].append((start.isoformat(), date.isoformat(), _time(date), f"meeting {mid}"))
        self.last_lock_end = date

    def close_year(self, fy: int, today: dt.date) -> None:
        """Close ``fy`` with the ledger's own code on the rows written so far; its payouts are owed."""
        from villagebank.ledger import yearend

        self.flush()
        self.db.execute("COMMIT")
        self.book.clock.set(today)
        with self.book._write() as conn:
            alloc = yearend.close(conn, self.book.rules, fy, today=today, now=_time(today), by=USER,
                                  post=self.book._post)
        for p in alloc.payouts:
            if p.total:
                self.owed_payouts[p.member_no] = self.owed_payouts.get(p.member_no, 0) + p.total
        self.seq, self.prev_hash = self.db.execute("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1").fetchone()
        self.db.execute("BEGIN")

    def run(self) -> dict:
        from villagebank.ledger import FixedClock, create_book
        from villagebank.ledger.journal import genesis_hash
        from villagebank.ledger.periods import add_months

        sc = self.scale
        first = dt.date(sc.first_year, 1, 3)
        name = "ธนาคารหมู่บ้านบ้านดอนแก้ว" if sc.banks == 1 else f"เครือข่ายธนาคารหมู่บ้าน {sc.banks} กลุ่ม"
        self.book = create_book(self.path, name=name, village="บ้านดอนแก้ว", tambon="ดอนแก้ว", amphoe="เมือง",
                                province="ขอนแก่น", clock=FixedClock(first), user=USER, durable=False)
        self.rules = self.book.rules
        self.prev_hash = genesis_hash(self.book.book_id)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA synchronous=OFF")
        months = []
        d = first
        while d <= sc.end:
            months.append(d)
            self.meeting_dates[(d.year, d.month)] = d
            d = add_months(d, 1)
        founders = int(sc.members * 0.7)
        later = sc.members - founders
        joining = [0] * len(months)
        joining[0] = founders
        for _ in range(later):
            joining[self.rng.randrange(1, len(months))] += 1
        self.db.execute("BEGIN")
        for i, day in enumerate(months):
            self.meeting(day, joining[i])
            if len(self.rows["posting"]) > 200_000:
                self.flush()
            if day.month == 1 and day.year > sc.first_year:
                self.close_year(day.year - 1, day)
        self.flush()
        self.db.execute("COMMIT")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = dict(self.counts)
        counts.update(postings=self.db.execute("SELECT count(*) FROM posting").fetchone()[0],
                      entries=self.db.execute("SELECT count(*) FROM entry").fetchone()[0],
                      open_loans=len(self.loans), members=len(self.members))
        self.db.close()
        self.book.close()
        return counts


# --- the hledger journal ---------------------------------------------------------------------------------------
def hledger_account(account: str, member_no: int | None) -> str:
    """The ledger's account (and member sub-ledger) as an hledger account name."""
    top = {"cash": "assets:cash", "bank": "assets:bank", "loans": "assets:loans", "shares": "equity:shares",
           "savings": "liabilities:savings", "payable": "liabilities:payable", "income": "income",
           "expense": "expenses", "fund": "equity:fund", "equity": "equity"}
    head, _sep, rest = account.partition(":")
    name = top.get(head, head) + (f":{rest}" if rest else "")
    return f"{name}:m{member_no:05d}" if member_no is not None else name


def _baht(satang: int) -> str:
    sign = "-" if satang < 0 else ""
    satang = abs(satang)
    return f"{sign}{satang // 100}.{satang % 100:02d}"


def write_journal(book_path: Path, out: Path) -> int:
    """Every entry of the book as an hledger journal transaction (the same postings); returns the count."""
    con = sqlite3.connect(f"file:{book_path}?mode=ro", uri=True)
    count = 0
    try:
        cur = con.execute("SELECT p.entry_seq, p.date, e.kind, p.account, p.member_no, p.amount FROM posting p "
                          "JOIN entry e ON e.seq = p.entry_seq ORDER BY p.entry_seq, p.line")
        with out.open("w", encoding="utf-8") as fp:
            current = None
            while rows := cur.fetchmany(20000):
                chunk = []
                for seq, date, kind, account, member_no, amount in rows:
                    if seq != current:
                        chunk.append(f"\n{date} ({seq}) {kind}\n")
                        current = seq
                        count += 1
                    chunk.append(f"    {hledger_account(account, member_no)}  {_baht(amount)}\n")
                fp.write("".join(chunk))
    finally:
        con.close()
    return count


def write_workbook(book_path: Path, out: Path) -> None:
    from villagebank.exports.workbook.export import export_workbook
    from villagebank.ledger import FixedClock, open_book

    with open_book(book_path, readonly=True, clock=FixedClock(dt.date(LAST_YEAR + 1, 1, 2))) as book:
        export_workbook(book, out, as_of=dt.date(LAST_YEAR, 12, 31))


# --- the cache -------------------------------------------------------------------------------------------------
@dataclass
class Dataset:
    scale: Scale
    seed: int
    dir: Path
    meta: dict

    @property
    def book(self) -> Path:
        return self.dir / "book.vbk"

    @property
    def journal(self) -> Path:
        return self.dir / "book.journal"

    @property
    def workbook(self) -> Path:
        return self.dir / "book.xlsx"


def ensure(scale: str, seed: int = 1, *, journal: bool = True, workbook: bool = False, log=print) -> Dataset:
    """The dataset of ``scale`` and ``seed``, generated on first use and cached."""
    sc = SCALES[scale]
    folder = data_dir(scale, seed)
    meta_path = folder / "meta.json"
    if not meta_path.exists():
        tmp = folder.with_name(folder.name + ".building")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        log(f"generating {scale} (seed {seed}): {sc.members:,} members, {sc.banks} bank(s), {sc.years} years ...")
        t0 = time.perf_counter()
        counts = Generator(sc, seed, tmp / "book.vbk").run()
        for leftover in tmp.glob("book.vbk.lock"):
            leftover.unlink()
        meta = {"scale": scale, "seed": seed, "generator": GEN_VERSION, "counts": counts,
                "seconds": round(time.perf_counter() - t0, 1)}
        (tmp / "meta.json").write_text(json.dumps(meta, indent=1))
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)
        log(f"  {counts['entries']:,} entries, {counts['postings']:,} postings in {meta['seconds']} s")
    ds = Dataset(sc, seed, folder, json.loads(meta_path.read_text()))
    if journal and not ds.journal.exists():
        t0 = time.perf_counter()
        tmp_j = ds.journal.with_name("book.journal.part")
        n = write_journal(ds.book, tmp_j)
        tmp_j.rename(ds.journal)
        log(f"  hledger journal of {scale}: {n:,} transactions in {time.perf_counter() - t0:.1f} s")
    if workbook and not ds.workbook.exists():
        t0 = time.perf_counter()
        tmp_w = ds.dir / "export.xlsx"
        write_workbook(ds.book, tmp_w)
        tmp_w.rename(ds.workbook)
        log(f"  book workbook of {scale} in {time.perf_counter() - t0:.1f} s")
    ds.meta["book_bytes"] = ds.book.stat().st_size
    return ds
