"""The demo book: a realistic village bank to explore the app with (``villagebank demo``, ``make run``).

Deterministic for a given seed. It grows with the app: members now; the books' activity is added by
``populate_activity`` as the ledger gains them.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from villagebank.ledger import Book, FixedClock, create_book

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
    """A new book with ``members`` members who joined at the bank's founding meeting on ``start``."""
    rng = random.Random(seed)
    clock = FixedClock(start)
    book = create_book(path, user="demo", clock=clock, **BANK)
    used: set[str] = set()
    for _ in range(members):
        book.add_member(member_values(rng, start, used))
    populate_activity(book, rng, start, until or dt.date.today())
    book.clock = type(clock).__mro__[1]()  # back to the system clock for interactive use
    return book


def populate_activity(book: Book, rng: random.Random, start: dt.date, until: dt.date) -> None:
    """Monthly meetings from ``start`` to ``until`` (added as the ledger gains the four books)."""
    return None
