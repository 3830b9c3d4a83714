"""The demo book: a realistic village bank to explore the app with (``villagebank demo``, ``make run``).

Deterministic for a given seed. It grows with the app: members now; the books' activity is added by
``populate_activity`` as the ledger gains them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from villagebank.i18n import N_
from villagebank.ledger import Book, BookError, FixedClock, LedgerError, Money, create_book, open_book
from villagebank.ledger.db.engine import fsync_path

BANK = {
    "name": "ธนาคารหมู่บ้านบ้านดอนแก้ว",
    "village": "บ้านดอนแก้ว",
    "moo": "5",
    "tambon": "ดอนแก้ว",
    "amphoe": "แม่ริม",
    "province": "เชียงใหม่",
    "postal_code": "50180",
}

MALE = ("สมชาย", "สมศักดิ์", "บุญมี", "ประเสริฐ", "วิชัย", "สุรชัย", "ทองดี", "เสถียร", "อำนาจ", "ไพโรจน์",
        "เกษม", "ชาญชัย", "แสง", "บุญเรือง", "ประยูร", "คำแปง", "อินทร", "ศรีวงศ์", "โชคดี", "ณรงค์")
FEMALE = ("สมศรี", "บุญเรือน", "มาลี", "ประนอม", "คำปุ๋น", "ศรีนวล", "จันทร์เพ็ญ", "อรุณี", "แสงเดือน",
          "บัวตอง", "เพ็ญศรี", "ทองใบ", "ละเอียด", "สุนีย์", "อำพร", "ใจดี", "น้ำฝน", "ผ่องศรี", "เยาวลักษณ์",
          "ปราณี")
LAST = ("ใจดี", "ศรีสุข", "บุญมา", "แก้วมณี", "ทองคำ", "อินต๊ะ", "ปัญญาดี", "คำมูล", "สายสุวรรณ", "วงศ์ใหญ่",
        "ชัยวงค์", "ธรรมสอน", "จันทร์แก้ว", "ศรีบุญเรือง", "พรหมมินทร์", "เครือคำ", "ปิงเมือง", "ดวงแก้ว",
        "ยอดคำ", "น้ำค้าง")
OCCUPATIONS = ("ทำนา", "ทำสวนลำไย", "เลี้ยงไก่", "ค้าขาย", "รับจ้าง", "ทอผ้า", "ช่างไม้", "เลี้ยงโคนม")


def citizen_id(rng: random.Random) -> str:
    base = str(rng.choice((1, 3))) + "".join(str(rng.randint(0, 9)) for _ in range(11))
    total = sum(int(base[i]) * (13 - i) for i in range(12))
    return base + str((11 - total % 11) % 10)


def member_values(rng: random.Random, join_date: dt.date, used_ids: set[str]) -> dict[str, object]:
    female = rng.random() < 0.55
    first = rng.choice(FEMALE if female else MALE)
    age = rng.randint(22, 78)
    birth = dt.date(join_date.year - age, rng.randint(1, 12), rng.randint(1, 28))
    cid = citizen_id(rng)
    while cid in used_ids:
        cid = citizen_id(rng)
    used_ids.add(cid)
    return {
        "title": ("นางสาว" if rng.random() < 0.25 else "นาง") if female else "นาย",
        "first_name": first,
        "last_name": rng.choice(LAST),
        "citizen_id": cid,
        "birth_date": birth,
        "sex": "F" if female else "M",
        "house_no": f"{rng.randint(1, 199)}",
        "moo": BANK["moo"],
        "tambon": BANK["tambon"],
        "amphoe": BANK["amphoe"],
        "province": BANK["province"],
        "postal_code": BANK["postal_code"],
        "phone": f"08{rng.randint(10000000, 99999999)}",
        "occupation": rng.choice(OCCUPATIONS),
        "join_date": join_date,
    }


def create_demo_book(path: Path | str, *, members: int = 40, seed: int = 2568,
                     start: dt.date = dt.date(2024, 7, 3), until: dt.date | None = None) -> Book:
    """A new book: ``members`` members join at the founding meeting on ``start``; monthly meetings follow
    until ``until`` (default today) with savings, loans with guarantors, a few misses and late payers,
    expenses, bank deposits and a cash count at every close."""
    path = Path(path)
    if path.exists():
        raise BookError(N_("a file already exists at {path}; choose another name"), reason="exists", path=str(path))
    rng = random.Random(seed)
    clock = FixedClock(start)
    building = path.with_name(path.name + ".building")
    for leftover in path.parent.glob(building.name + "*"):
        leftover.unlink()
    # Built without waiting for the disk at every command (a scratch file); flushed once before it is renamed.
    book = create_book(building, user="demo", clock=clock, durable=False, **BANK)
    try:
        # The annual meeting decided that the bank pays half of the community welfare fund dues (table 2.4).
        partners = tuple(replace(p, bank_pays_pct=Decimal("50")) if p.key == "community_welfare" else p
                         for p in book.rules.partners)
        book.set_rules(book.rules.replace(partners=partners), "มติประชุมใหญ่สามัญประจำปี")
        used: set[str] = set()
        roles = ("ประธาน", "รองประธาน", "เหรัญญิก", "เลขานุการ", "กรรมการ")
        for i in range(members):
            values = member_values(rng, start, used)
            if i < len(roles):
                values["committee_role"] = roles[i]
            member = book.add_member(values)
            if i % 3 == 0:
                book.enrol_partner(member.member_no, "nsf")
            if i % 2 == 0:
                book.enrol_partner(member.member_no, "community_welfare")
        populate_activity(book, clock, rng, start, until or dt.date.today(), used)
    finally:
        book.close()
    fsync_path(building)
    building.replace(path)  # the demo appears whole or not at all
    fsync_path(path.parent)
    for leftover in path.parent.glob(building.name + "*"):
        leftover.unlink()
    return open_book(path)


def cash_counts(amount: Money) -> dict[int, int]:
    """Notes and coins making up ``amount`` (largest first), as a cash count."""
    from villagebank.ledger.cashbook import DENOMINATIONS

    left = amount.satang
    counts = {}
    for denom in DENOMINATIONS:
        counts[denom], left = divmod(left, denom)
    return {d: n for d, n in counts.items() if n}


def populate_activity(book: Book, clock: FixedClock, rng: random.Random, start: dt.date, until: dt.date,
                      used: set[str]) -> None:
    """Monthly meetings from ``start`` up to ``until``."""
    from villagebank.ledger.loans import LoanRefused
    from villagebank.ledger.periods import add_months

    stops_saving = {7}  # misses three meetings in a row in 2025: membership ends
    late_payer = None  # a borrower who stops paying in the last two months: overdue
    forgetful = {13}  # misses twice in a year: loans suspended
    meetings = []
    d = start
    while d <= until:
        meetings.append(d)
        d = add_months(d, 1)
    for i, day in enumerate(meetings):
        clock.set(day)
        last_two = i >= len(meetings) - 2
        if day.month == 7 and day.year > start.year:  # the annual meeting takes new members
            for _ in range(rng.randint(2, 4)):
                book.add_member(member_values(rng, day, used))
        meeting = book.open_meeting(day)
        if i == len(meetings) - 2:
            late_payer = next((st.member_no for st in book.loans(day, statuses=("disbursed",))
                               if st.disbursed_date and st.disbursed_date <= add_months(day, -3)), None)
        for dues in book.collection_sheet(meeting.id):
            no = dues.member_no
            if no in stops_saving and dt.date(2025, 3, 1) <= day <= dt.date(2025, 5, 31):
                continue
            if no in forgetful and day in (dt.date(2025, 2, 3), dt.date(2025, 9, 3)):
                continue
            parts = dues.as_parts()
            if rng.random() < 0.25 and not dues.is_new and dues.status in ("active", "suspended"):
                extra = Money(rng.choice((1000, 2000, 4000, 9000, 19000)) * 10)
                parts = replace(parts, shares=parts.shares + extra)
            if no == late_payer and last_two and parts.loans:
                parts = replace(parts, loans=())
            if parts.total.satang:
                book.pay(no, parts, meeting_id=meeting.id)
        if day.month == 1:  # the tambon administration's yearly grant to the welfare fund
            book.cash_in(Money(500000), "fund:welfare", "เงินสมทบกองทุนสวัสดิการจาก อบต.")
        if day.month == 2:  # the community welfare fund's dues are forwarded by 5 February
            with contextlib.suppress(LedgerError):
                book.partner_paid_by_bank("community_welfare")
            _remit(book, "community_welfare")
        if day.month == 12:  # the National Savings Fund contributions go to BAAC in December
            _remit(book, "nsf")
        if day.month == 2 and book.owed_payouts():
            for no, amount in book.owed_payouts():
                _ensure_cash(book, amount)
                book.pay_payout(no)
        if i >= 6 and rng.random() < 0.4:
            _welfare_claim(book, rng, day)
        if i >= 3:
            _lend(book, rng, day, LoanRefused)
        if rng.random() < 0.8:
            _expense(book, Money(rng.randint(5, 15) * 1000), "meeting", "ค่าน้ำดื่มและอาหารว่างวันทำการ")
        if day.month in (1, 7):
            _expense(book, Money(rng.randint(10, 40) * 1000), "office", "ค่าสมุดบัญชีและเครื่องเขียน")
        if day.month in (6, 12):
            book.cash_in(Money(rng.randint(2000, 9000)), "bank_interest", "ดอกเบี้ยเงินฝาก ธ.ก.ส.",
                         account="bank:main")
        cash = book.cash_balance()
        limit = book.rules.cash_holding_limit or 0
        if limit and cash.satang > limit:
            book.transfer(Money((cash.satang - limit // 2) // 100000 * 100000), "cash", "bank:main",
                          "นำเงินฝากธนาคาร")
        counts = cash_counts(book.cash_balance())
        exact = sum(d * n for d, n in counts.items()) == book.cash_balance().satang
        book.close_meeting(meeting.id, counts, "" if exact else "เศษสตางค์ที่ไม่มีเหรียญ")
        if day.month == 1 and day.year > start.year and not book.close_blockers(day.year - 1):
            book.close_year(day.year - 1)  # the annual close, after the January meeting


def _remit(book: Book, partner: str) -> None:
    owed = book.partner_statement(partner).owed
    if owed.satang > 0:
        _ensure_cash(book, owed)
        if book.cash_balance() >= owed:
            book.remit_partner(partner)


def _welfare_claim(book: Book, rng: random.Random, day: dt.date) -> None:
    """Now and then a member claims a benefit from the welfare fund (when the schedule allows it)."""
    candidates = [m.member_no for m in book.members(statuses=("active",))]
    no = rng.choice(candidates)
    case, nights = rng.choice((("childbirth", None), ("hospital", rng.randint(1, 6))))
    assessment = book.assess_claim(no, case, day, nights=nights)
    if assessment.problems or not assessment.entitled.satang:
        return
    _ensure_cash(book, assessment.entitled)
    if book.cash_balance() >= assessment.entitled:
        book.welfare_claim(no, case, day, nights=nights, note="ใบรับรองแพทย์แนบ")


def _ensure_cash(book: Book, amount: Money) -> None:
    """Withdraw from the bank account what the cash box lacks for a payment."""
    short = amount - book.cash_balance()
    if short.satang > 0:
        rounded = Money(-(-short.satang // 100000) * 100000)  # whole thousands when the bank has them
        available = book.cash_balance("bank:main").floor_to(100)  # whole baht
        if available.satang:
            book.transfer(min(rounded, available), "bank:main", "cash", "ถอนเงินจากธนาคาร")


def _expense(book: Book, amount: Money, category: str, text: str) -> None:
    _ensure_cash(book, amount)
    if book.cash_balance() >= amount:
        book.cash_out(amount, category, text)


def _lend(book: Book, rng: random.Random, day: dt.date, refused: type[Exception]) -> None:
    """One to three members borrow at the meeting, with two guarantors each."""
    active = [m.member_no for m in book.members(statuses=("active",))]
    borrowing = {st.member_no for st in book.loans(day) if st.is_open}
    candidates = [no for no in active if no not in borrowing]
    rng.shuffle(candidates)
    for borrower in candidates[: rng.randint(1, 3)]:
        if book.loan_eligibility(borrower, day):
            continue
        amount = Money(rng.choice((2000, 3000, 5000, 8000, 10000)) * 100)
        held = book.cash_held(day)
        if amount > held:
            amount = Money(held.satang // 100000 * 100000)
        if amount.satang < 100000:
            return
        others = [no for no in active if no != borrower]
        rng.shuffle(others)
        pair = next(([a, b] for a, b in zip(others[::2], others[1::2], strict=False)
                     if not book.guarantor_problems(borrower, [a, b], amount, day)), None)
        if pair is None:
            continue
        try:
            no = book.apply_loan(borrower, amount, rng.choice((6, 10, 12)), pair,
                                 purpose=rng.choice(("ทุนทำนา", "ซื้อปุ๋ยและเมล็ดพันธุ์", "ลงทุนค้าขาย",
                                                     "ซ่อมแซมบ้าน", "ค่าเล่าเรียนบุตร")))
        except refused:
            continue
        book.approve_loan(no)
        _ensure_cash(book, amount)
        if book.cash_balance() >= amount:
            book.disburse_loan(no)
        else:
            book.cancel_loan(no, "เงินสดไม่พอจ่าย")
