"""Frozen, detached records returned by Book queries (no live ORM objects ever leave the ledger)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from villagebank.ledger.money import Money

T = TypeVar("T")


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def make(cls: type[T], *values: object) -> T:
    """``cls(*values)`` (every field given, in order) without the frozen dataclass ``__init__``, which sets each
    field through ``object.__setattr__``: for queries that build tens of thousands of records."""
    obj = object.__new__(cls)
    obj.__dict__.update(zip(_field_names(cls), values, strict=True))
    return obj


@dataclass(frozen=True)
class BankInfo:
    name: str
    village: str = ""
    moo: str = ""
    tambon: str = ""
    amphoe: str = ""
    province: str = ""
    postal_code: str = ""
    phone: str = ""

    def place(self) -> str:
        parts = [self.village, self.tambon, self.amphoe, self.province]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Member:
    member_no: int
    title: str
    first_name: str
    last_name: str
    citizen_id: str | None
    birth_date: dt.date | None
    sex: str
    house_no: str
    moo: str
    tambon: str
    amphoe: str
    province: str
    postal_code: str
    phone: str
    occupation: str
    income: Money | None
    household_debt: Money | None
    welfare_needs: str
    beneficiary: str
    is_group: bool
    join_date: dt.date
    status: str
    suspended_until: dt.date | None
    exit_date: dt.date | None
    exit_reason: str
    committee_role: str

    @property
    def full_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip()
        return f"{self.title}{name}" if self.title else name

    @property
    def address(self) -> str:
        from villagebank.i18n import _

        parts = [self.house_no] if self.house_no else []
        for template, value in ((_("Moo {name}"), self.moo), (_("Tambon {name}"), self.tambon),
                                (_("Amphoe {name}"), self.amphoe), (_("Province {name}"), self.province)):
            if value:
                parts.append(template.format(name=value))
        if self.postal_code:
            parts.append(self.postal_code)
        return " ".join(parts)

    @property
    def is_active(self) -> bool:
        return self.status in ("active", "suspended")


@dataclass(frozen=True)
class StatusChange:
    member_no: int
    date: dt.date
    status: str
    reason: str


@dataclass(frozen=True)
class MemberEdit:
    member_no: int
    at: str
    by: str
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Posting:
    line: int
    account: str
    amount: Money
    member_no: int | None
    loan_no: int | None


class JournalEntry(NamedTuple):
    """One entry as :meth:`Book.journal_rows` streams the whole journal: plain values, and each posting a plain
    tuple ``(account, amount in satang, member_no, loan_no)`` in line order (no object per posting)."""

    seq: int
    date: dt.date
    kind: str
    memo: str
    member_no: int | None
    reverses_seq: int | None
    reason: str
    postings: tuple[tuple[str, int, int | None, int | None], ...]


@dataclass(frozen=True)
class Entry:
    seq: int
    date: dt.date
    kind: str
    memo: str
    member_no: int | None
    loan_no: int | None
    meeting_id: int | None
    receipt_no: int | None
    reverses_seq: int | None
    reason: str
    created_at: str
    created_by: str
    hash: str
    postings: tuple[Posting, ...] = ()
    reversed_by: int | None = None


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    entries: int
    last_seq: int | None
    last_hash: str | None
    problems: tuple  # tuple[journal.Problem, ...]
    anchors_checked: int = 0  # distinct anchors compared with the book (verify with anchors)
    superseded: int = 0  # anchors given up on purpose by restoring an older backup

    @property
    def anchor(self) -> str | None:
        if self.last_seq is None or self.last_hash is None:
            return None
        return f"{self.last_seq}/{self.last_hash[:12]}"


@dataclass(frozen=True)
class AccountBalance:
    code: str
    type: str
    name: str
    balance: Money  # signed: debit positive


@dataclass(frozen=True)
class MemberBalance:
    """One member's sub-ledger balances as of a date, as the member reads them (satang, positive normal)."""

    member_no: int
    shares: Money  # shares held: what the bank owes the member for them
    savings: Money  # every savings product together
    loans: Money  # loan principal the member still owes
    payable: Money  # year-end payouts and frozen shares the bank has not paid out yet


@dataclass(frozen=True)
class MemberLine:
    """One posting of a member's sub-ledgers, with the running balance of that account for the member."""

    seq: int
    date: dt.date
    kind: str
    receipt_no: int | None
    account: str
    loan_no: int | None
    amount: Money  # signed: debit positive
    balance: Money  # the member's balance of ``account`` after this line, positive normal (shares held, loan owed)
