"""The book workbook, version 1 (``shared/interchange.md``): sheets, columns, keys and Thai labels.

This module is the one place the contract is written down in code; the reader, the importer, the
writer and the network consolidation all use it. Keys are the contract for programs; sheet names and
column labels are Thai by the contract (they are data, not translated text). Where the contract names
no Thai label (the cash sheet's ``direction`` and ``category``, some pass-through and welfare columns,
the summary rows' labels) the labels here are ours; programs should read the keys.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT = "villagebank-book"
VERSION = 1
NETWORK_FORMAT = "villagebank-network"
NETWORK_VERSION = 1

# Column kinds: how a cell is read and written (SIGNED: an amount that may be negative, e.g. a loss).
TEXT, INT, DATE, MONEY, SIGNED, RATE, ENUM, ID = "text", "int", "date", "money", "signed", "rate", "enum", "id"


@dataclass(frozen=True)
class Col:
    key: str
    thai: str
    kind: str = TEXT
    required: bool = False  # the column must be present and its cells filled
    choices: tuple[str, ...] = ()  # ENUM: the keys allowed
    aliases: tuple[tuple[str, str], ...] = ()  # ENUM: (other spelling, key), e.g. ("รับ", "in")
    blank_ok: bool = False  # a required column whose cells may be left blank (read as zero)


@dataclass(frozen=True)
class Sheet:
    key: str
    thai: str
    columns: tuple[Col, ...]
    export_only: bool = False
    checked: bool = False  # export-only, but read on import and checked against what the app recomputes

    def column(self, key: str) -> Col:
        return next(c for c in self.columns if c.key == key)


def _c(key: str, thai: str, kind: str = TEXT, required: bool = False, **kw) -> Col:
    return Col(key, thai, kind, required, **kw)


DATE_COL = _c("date", "วันที่", DATE, True)
MEMBER_COL = _c("member_no", "เลขที่สมาชิก", INT, True)

MEMBER_STATUSES = ("active", "suspended", "terminated", "resigned", "deceased")
LEFT_STATUSES = ("terminated", "resigned", "deceased")

BANK = Sheet("bank", "ข้อมูลกลุ่ม", (_c("key", "รหัส", TEXT, True), _c("value", "ค่า")))

MEMBERS = Sheet("members", "สมาชิก", (
    _c("member_no", "เลขที่สมาชิก", INT, True),
    _c("title", "คำนำหน้า"),
    _c("first_name", "ชื่อ", TEXT, True),
    _c("last_name", "นามสกุล", TEXT, True),
    _c("citizen_id", "เลขประจำตัวประชาชน", ID),
    _c("birth_date", "วันเกิด", DATE),
    _c("sex", "เพศ"),
    _c("house_no", "บ้านเลขที่"),
    _c("moo", "หมู่ที่"),
    _c("tambon", "ตำบล"),
    _c("amphoe", "อำเภอ"),
    _c("province", "จังหวัด"),
    _c("phone", "โทรศัพท์", ID),
    _c("occupation", "อาชีพ"),
    _c("join_date", "วันที่เข้าเป็นสมาชิก", DATE, True),
    _c("status", "สถานะ", ENUM, choices=MEMBER_STATUSES,
       aliases=(("ปกติ", "active"), ("พักการกู้", "suspended"), ("พ้นสภาพ", "terminated"),
                ("ลาออก", "resigned"), ("เสียชีวิต", "deceased"))),
    _c("exit_date", "วันที่พ้นสภาพ", DATE),
    _c("committee_role", "ตำแหน่งกรรมการ"),
))

SHARE_TXNS = Sheet("share_txns", "เงินฝากสัจจะ", (
    DATE_COL, MEMBER_COL,
    _c("kind", "ประเภท", ENUM, True, choices=("deposit", "withdrawal", "dividend_to_shares"),
       aliases=(("ฝาก", "deposit"), ("ถอน", "withdrawal"), ("ปันผลเข้าหุ้น", "dividend_to_shares"))),
    _c("amount", "จำนวนเงิน", MONEY, True),
))

FEES = Sheet("fees", "ค่าธรรมเนียมและค่าปรับ", (
    DATE_COL, MEMBER_COL,
    _c("kind", "ประเภท", ENUM, True, choices=("entry_fee", "fine", "other"),
       aliases=(("ค่าธรรมเนียมแรกเข้า", "entry_fee"), ("ค่าปรับ", "fine"), ("อื่น ๆ", "other"), ("อื่นๆ", "other"))),
    _c("amount", "จำนวนเงิน", MONEY, True),
))

LOANS = Sheet("loans", "เงินกู้", (
    _c("loan_no", "เลขที่สัญญา", INT, True),
    MEMBER_COL,
    _c("date", "วันที่จ่ายเงินกู้", DATE, True),
    _c("principal", "เงินต้น", MONEY, True),
    _c("rate_monthly_pct", "ดอกเบี้ยต่อเดือน", RATE),
    _c("term_months", "จำนวนงวด", INT, True),
    _c("purpose", "วัตถุประสงค์"),
    _c("guarantor1_no", "ผู้ค้ำคนที่ 1", INT),
    _c("guarantor2_no", "ผู้ค้ำคนที่ 2", INT),
))

REPAYMENTS = Sheet("repayments", "ชำระเงินกู้", (
    DATE_COL,
    _c("loan_no", "เลขที่สัญญา", INT, True),
    _c("principal", "เงินต้น", MONEY, True, blank_ok=True),
    _c("interest", "ดอกเบี้ย", MONEY, True, blank_ok=True),
))

CASH = Sheet("cash", "บัญชีเงินสด", (
    DATE_COL,
    _c("direction", "รับ/จ่าย", ENUM, True, choices=("in", "out"), aliases=(("รับ", "in"), ("จ่าย", "out"))),
    _c("category", "หมวด", TEXT, True),
    _c("description", "รายการ"),
    _c("amount", "จำนวนเงิน", MONEY, True),
))

PASS_THROUGH = Sheet("pass_through", "เงินรับฝากส่งต่อ", (
    DATE_COL, MEMBER_COL,
    _c("partner", "กองทุน", TEXT, True),
    _c("direction", "รายการ", ENUM, True, choices=("collected", "remitted", "paid_by_bank"),
       aliases=(("เก็บ", "collected"), ("นำส่ง", "remitted"), ("กลุ่มจ่ายแทน", "paid_by_bank"),
                ("กลุ่มจ่ายสมทบ", "paid_by_bank"))),
    _c("amount", "จำนวนเงิน", MONEY, True),
))

WELFARE_CLAIMS = Sheet("welfare_claims", "สวัสดิการ", (
    DATE_COL, MEMBER_COL,
    _c("case", "กรณี", TEXT, True),
    _c("nights", "จำนวนคืน", INT),
    _c("amount_paid", "จำนวนเงินที่จ่าย", MONEY, True),
    # Addendum (docs/workbook.md): blank = paid under the benefit schedule; text = the committee approved
    # the claim outside the schedule, for this reason. Readers that do not know the column ignore it.
    _c("override_reason", "เหตุผลที่กรรมการอนุมัติเป็นกรณีพิเศษ"),
))

BALANCES = Sheet("balances", "ยอดคงเหลือ", (
    _c("member_no", "เลขที่สมาชิก", INT),
    _c("name", "ชื่อ-นามสกุล"),
    _c("share_balance", "เงินสัจจะคงเหลือ", MONEY),
    _c("loan_balance", "เงินกู้คงเหลือ", MONEY),
    _c("overdue_amount", "ค้างชำระ", MONEY),
    _c("as_of", "ณ วันที่", DATE),
), export_only=True)

SUMMARY = Sheet("summary", "สรุป", (
    _c("key", "รหัส"), _c("label", "รายการ"), _c("value", "จำนวน", MONEY),
), export_only=True)

# The year-end sheets are recomputed by the app; on import they are read to say which fiscal years the
# import closes, and checked against the recomputed close (``checked``), never posted as such.
ALLOCATION = Sheet("allocation", "จัดสรรกำไร", (
    _c("year", "ปี พ.ศ.", INT, True),
    _c("net_profit", "กำไรสุทธิ", SIGNED, True),
    _c("reserve", "ทุนสำรอง", SIGNED, True),
    _c("depositors", "เฉลี่ยคืนผู้ฝาก", MONEY, True),
    _c("borrowers", "เฉลี่ยคืนผู้กู้", MONEY, True),
    _c("welfare", "สวัสดิการ", MONEY, True),
    _c("development", "พัฒนากลุ่ม", MONEY, True),
    _c("committee", "กรรมการ", MONEY, True),
    _c("remainder_to_reserve", "เศษเข้าทุนสำรอง", MONEY, True),
), export_only=True, checked=True)

MEMBER_PAYOUTS = Sheet("member_payouts", "เงินปันผลและเฉลี่ยคืน", (
    _c("year", "ปี พ.ศ.", INT, True),
    _c("member_no", "เลขที่สมาชิก", INT, True),
    _c("share_months", "ยอดเงินสัจจะรายเดือนรวม", MONEY, True),
    _c("depositor_payout", "เฉลี่ยคืนผู้ฝาก", MONEY, True),
    _c("interest_paid", "ดอกเบี้ยที่ชำระ", MONEY, True),
    _c("borrower_payout", "เฉลี่ยคืนผู้กู้", MONEY, True),
    _c("committee_payout", "ค่าตอบแทนกรรมการ", MONEY, True),
    _c("total", "รวม", MONEY, True),
), export_only=True, checked=True)

SHEETS: tuple[Sheet, ...] = (BANK, MEMBERS, SHARE_TXNS, FEES, LOANS, REPAYMENTS, CASH, PASS_THROUGH,
                             WELFARE_CLAIMS, BALANCES, SUMMARY, ALLOCATION, MEMBER_PAYOUTS)
BY_KEY = {s.key: s for s in SHEETS}
SHEET_ORDER = {s.key: i for i, s in enumerate(SHEETS)}

# The read-only note the export adds as its last sheet (not part of the contract; readers ignore it).
NOTE_SHEET = "หมายเหตุ"

# bank sheet keys that are not rules (``name`` may also be written in Thai).
BANK_KEYS = ("format", "version", "name", "village", "tambon", "amphoe", "province", "as_of")
# Accepted on import although the contract does not list them (the book has these fields).
BANK_EXTRA_KEYS = ("moo", "postal_code", "phone")
BANK_KEY_ALIASES = {"ชื่อกลุ่ม": "name", "หมู่บ้าน": "village", "ตำบล": "tambon", "อำเภอ": "amphoe",
                    "จังหวัด": "province", "หมู่ที่": "moo", "รหัสไปรษณีย์": "postal_code", "โทรศัพท์": "phone",
                    "ณ วันที่": "as_of"}
BANK_KEY_THAI = {"format": "รูปแบบไฟล์", "version": "รุ่นของรูปแบบ", "name": "ชื่อกลุ่ม", "village": "หมู่บ้าน",
                 "tambon": "ตำบล", "amphoe": "อำเภอ", "province": "จังหวัด", "as_of": "ข้อมูล ณ วันที่"}

# The summary sheet's rows, in order (``payable_<partner>`` rows are added per partner after ``bank``).
SUMMARY_KEYS = ("active_members", "total_shares", "loans_outstanding", "overdue", "cash", "bank",
                "reserve_fund", "welfare_fund", "development_fund", "income_ytd", "expenses_ytd", "net_profit_ytd")
SUMMARY_THAI = {
    "active_members": "จำนวนสมาชิก (คน)",
    "total_shares": "เงินสัจจะรวม",
    "loans_outstanding": "เงินกู้คงเหลือ",
    "overdue": "เงินกู้ค้างชำระ",
    "cash": "เงินสด",
    "bank": "เงินฝากธนาคาร",
    "reserve_fund": "ทุนสำรอง",
    "welfare_fund": "กองทุนสวัสดิการ",
    "development_fund": "กองทุนพัฒนากลุ่ม",
    "income_ytd": "รายได้ตั้งแต่ต้นปีบัญชี",
    "expenses_ytd": "ค่าใช้จ่ายตั้งแต่ต้นปีบัญชี",
    "net_profit_ytd": "กำไรสุทธิตั้งแต่ต้นปีบัญชี",
}
PAYABLE_THAI = "เงินรับฝากส่งต่อค้างนำส่ง"  # + the partner's name
COUNT_KEYS = frozenset({"active_members"})  # summary values that are counts, not money

# Cash sheet categories that are not income:<name> / expense:<name>, and the direction each must have.
CASH_SPECIAL = {"bank_deposit": "out", "bank_withdrawal": "in", "opening_cash": "in", "opening_bank": "in"}
# Addendum to version 1 (docs/workbook.md): money received into a fund (not income: it does not change the
# year's profit), and a year-end payout paid to a member (``payout:<member_no>``).
FUND_CATEGORIES = {"fund:welfare": "in", "fund:development": "in", "fund:reserve": "in"}
PAYOUT_PREFIX = "payout:"
# Cash-count differences: income/expense categories of their own, posted as the cash count of the day.
COUNT_CATEGORIES = {"income:cash_over": "in", "expense:cash_short": "out"}
# Income and expenses that move the bank account rather than the cash box (the bank credits its interest
# to the account and takes its fees from it). Every other category moves cash.
BANK_SIDE_CATEGORIES = frozenset({"income:bank_interest", "expense:bank_fee"})
