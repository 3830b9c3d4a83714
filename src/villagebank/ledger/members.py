"""Member register (ทะเบียนสมาชิก): add, edit (logged field by field), status history, search.

Helpers take a connection inside the caller's transaction and never commit.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Integer, String, func, or_, select, type_coerce

from villagebank.i18n import N_
from villagebank.ledger import dto
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, NotFound
from villagebank.ledger.money import Money
from villagebank.thai import name_key, normalize_text, thai_sort_key

STATUSES = ("active", "suspended", "terminated", "resigned", "deceased")
ACTIVE_STATUSES = ("active", "suspended")
TITLES = ("นาย", "นาง", "นางสาว", "เด็กชาย", "เด็กหญิง")
SEXES = ("M", "F", "")

STATUS_LABELS = {
    "active": N_("active"),
    "suspended": N_("loans suspended"),
    "terminated": N_("membership ended"),
    "resigned": N_("resigned"),
    "deceased": N_("deceased"),
}

FIELD_LABELS = {
    "member_no": N_("Member number"),
    "title": N_("Title"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "citizen_id": N_("Citizen ID"),
    "birth_date": N_("Birth date"),
    "sex": N_("Sex"),
    "house_no": N_("House number"),
    "moo": N_("Moo"),
    "tambon": N_("Tambon"),
    "amphoe": N_("Amphoe"),
    "province": N_("Province"),
    "postal_code": N_("Postal code"),
    "phone": N_("Phone"),
    "occupation": N_("Occupation"),
    "income": N_("Monthly income"),
    "household_debt": N_("Household debt"),
    "welfare_needs": N_("Welfare needs"),
    "beneficiary": N_("Beneficiary"),
    "is_group": N_("Member group"),
    "join_date": N_("Join date"),
    "status": N_("Status"),
    "exit_date": N_("Exit date"),
    "exit_reason": N_("Exit reason"),
    "committee_role": N_("Committee role"),
}

TEXT_LIMITS = {
    "title": 30, "first_name": 100, "last_name": 100, "house_no": 20, "moo": 10, "tambon": 80, "amphoe": 80,
    "province": 80, "postal_code": 5, "phone": 30, "occupation": 100, "welfare_needs": 500,
    "beneficiary": 200, "exit_reason": 300, "committee_role": 60,
}
EDITABLE = tuple(f for f in FIELD_LABELS if f not in ("member_no", "status", "exit_date", "exit_reason"))


def citizen_id_valid(cid: str) -> bool:
    """Thai 13-digit citizen ID with its mod-11 check digit."""
    if len(cid) != 13 or not cid.isdigit():
        return False
    total = sum(int(cid[i]) * (13 - i) for i in range(12))
    return (11 - total % 11) % 10 == int(cid[12])


def clean_citizen_id(raw: str | None) -> str | None:
    if raw is None:
        return None
    from villagebank.thai import to_arabic_digits

    digits = to_arabic_digits(normalize_text(str(raw))).replace("-", "").replace(" ", "")
    if not digits:
        return None
    if not citizen_id_valid(digits):
        raise InvalidInput(N_("“{value}” is not a valid 13-digit citizen ID (check the digits)"),
                           field=FIELD_LABELS["citizen_id"], value=str(raw))
    return digits


def _clean(values: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Normalise and validate member fields; InvalidInput names the first field at fault."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in FIELD_LABELS:
            raise InvalidInput(N_("unknown member field “{name}”"), name=key)
        label = FIELD_LABELS[key]
        if key in TEXT_LIMITS:
            text = normalize_text("" if value is None else str(value), max_len=TEXT_LIMITS[key], field=label)
            out[key] = text
        elif key == "citizen_id":
            out[key] = clean_citizen_id(value)
        elif key in ("birth_date", "join_date", "exit_date"):
            if value is not None and not isinstance(value, dt.date):
                raise InvalidInput(N_("not a date"), field=label)
            out[key] = value
        elif key in ("income", "household_debt"):
            if value is None or value == "":
                out[key] = None
            else:
                out[key] = Money.parse(value, field=label).satang
        elif key == "sex":
            v = (value or "").strip().upper()
            v = {"ชาย": "M", "หญิง": "F", "MALE": "M", "FEMALE": "F", "ช": "M", "ญ": "F"}.get(v, v)
            if v not in SEXES:
                raise InvalidInput(N_("must be M (male) or F (female)"), field=label)
            out[key] = v
        elif key == "is_group":
            out[key] = bool(value)
        elif key == "status":
            if value not in STATUSES:
                raise InvalidInput(N_("must be one of: {allowed}"), field=label, allowed=", ".join(STATUSES))
            out[key] = value
        else:
            out[key] = value
    if "first_name" in out and not out["first_name"]:
        raise InvalidInput(N_("is required"), field=FIELD_LABELS["first_name"])
    if out.get("postal_code") and (not out["postal_code"].isdigit() or len(out["postal_code"]) != 5):
        raise InvalidInput(N_("must be 5 digits"), field=FIELD_LABELS["postal_code"])
    bd = out.get("birth_date")
    if bd is not None and bd > today:
        raise InvalidInput(N_("cannot be in the future"), field=FIELD_LABELS["birth_date"])
    return out


def encode_reason(template: str, **params: object) -> str:
    """A status/edit reason stored as its msgid and parameters, translated when shown."""
    clean = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in params.items()}
    return json.dumps({"t": template, "p": clean}, ensure_ascii=False)


def reason_text(stored: str) -> str:
    """The stored reason in the current language (typed reasons come back as typed)."""
    from villagebank.i18n import _
    from villagebank.thai import format_date

    if stored.startswith("{"):
        try:
            data = json.loads(stored)
            params = {}
            for k, v in data.get("p", {}).items():
                if isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-":
                    with contextlib.suppress(ValueError):
                        v = format_date(dt.date.fromisoformat(v))
                params[k] = v
            template = data["t"]
            return _(template).format(**params)
        except (ValueError, KeyError, TypeError):
            return stored
    return _(stored)


_MEMBER_FIELDS = tuple(f.name for f in dataclasses.fields(dto.Member))


def _to_dto(row: Any) -> dto.Member:
    """A member row (any row with the member table's columns) as its DTO.

    Built by filling the instance's ``__dict__`` directly: a frozen dataclass's ``__init__`` with its 26 fields
    took most of the time of listing a network-scale book's 10,000 members (22 µs a member; now 4 µs)."""
    m = row._mapping
    values = [m[name] for name in _MEMBER_FIELDS]
    if values[_INCOME] is not None:
        values[_INCOME] = Money(values[_INCOME])
    if values[_DEBT] is not None:
        values[_DEBT] = Money(values[_DEBT])
    values[_GROUP] = bool(values[_GROUP])
    member = object.__new__(dto.Member)
    member.__dict__.update(zip(_MEMBER_FIELDS, values, strict=True))
    return member


_INCOME, _DEBT, _GROUP = (_MEMBER_FIELDS.index(k) for k in ("income", "household_debt", "is_group"))
# The member columns in DTO order, dates and the flag read as stored (ISO text, 0/1): SQLAlchemy's conversion of
# SQLite dates (a regular expression per value) was a third of listing a network's 10,000 members.
_RAW_COLUMNS = [type_coerce(s.member.c[name], String).label(name) if isinstance(s.member.c[name].type, Date) else
                type_coerce(s.member.c[name], Integer).label(name) if isinstance(s.member.c[name].type, Boolean) else
                s.member.c[name] for name in _MEMBER_FIELDS]
_DATES = [i for i, name in enumerate(_MEMBER_FIELDS) if isinstance(s.member.c[name].type, Date)]


def _listed(conn: Connection, query: Any) -> list[dto.Member]:
    """The members a ``select(s.member)`` finds, as DTOs equal to :func:`_to_dto`'s, built from the stored values."""
    out = []
    day, new, fields = dt.date.fromisoformat, object.__new__, _MEMBER_FIELDS
    for row in conn.execute(query.with_only_columns(*_RAW_COLUMNS)):
        values = list(row)
        for i in _DATES:
            if values[i] is not None:
                values[i] = day(values[i])
        if values[_INCOME] is not None:
            values[_INCOME] = Money(values[_INCOME])
        if values[_DEBT] is not None:
            values[_DEBT] = Money(values[_DEBT])
        values[_GROUP] = bool(values[_GROUP])
        member = new(dto.Member)
        member.__dict__.update(zip(fields, values, strict=True))
        out.append(member)
    return out


def next_member_no(conn: Connection) -> int:
    return (conn.execute(select(func.max(s.member.c.member_no))).scalar() or 0) + 1


def find_duplicates(conn: Connection, *, citizen_id: str | None, first_name: str, last_name: str,
                    exclude: int | None = None) -> list[dto.Member]:
    key = name_key(f"{first_name} {last_name}")
    cond = [s.member.c.name_key == key]
    if citizen_id:
        cond.append(s.member.c.citizen_id == citizen_id)
    q = select(s.member).where(or_(*cond))
    if exclude is not None:
        q = q.where(s.member.c.member_no != exclude)
    return [_to_dto(r) for r in conn.execute(q)]


def add(conn: Connection, values: dict[str, Any], *, now: str, today: dt.date,
        member_no: int | None = None) -> dto.Member:
    data = _clean(values, today)
    if "first_name" not in data:
        raise InvalidInput(N_("is required"), field=FIELD_LABELS["first_name"])
    if data.get("join_date") is None:
        raise InvalidInput(N_("is required"), field=FIELD_LABELS["join_date"])
    bd = data.get("birth_date")
    if bd is not None and bd > data["join_date"]:
        raise InvalidInput(N_("must be before the join date"), field=FIELD_LABELS["birth_date"])
    if data.get("citizen_id"):
        clash = conn.execute(select(s.member.c.member_no).where(s.member.c.citizen_id == data["citizen_id"])).scalar()
        if clash is not None:
            raise InvalidInput(N_("citizen ID {cid} is already registered to member {no}"),
                               field=FIELD_LABELS["citizen_id"], cid=data["citizen_id"], no=clash)
    if member_no is None:
        member_no = next_member_no(conn)
    else:
        if member_no < 1:
            raise InvalidInput(N_("must be a whole number from 1"), field=FIELD_LABELS["member_no"])
        if conn.execute(select(s.member.c.member_no).where(s.member.c.member_no == member_no)).first():
            raise InvalidInput(N_("member number {no} is already used (numbers are never reused)"),
                               field=FIELD_LABELS["member_no"], no=member_no)
    status = data.pop("status", "active")
    row = {k: data.get(k, _default(k)) for k in FIELD_LABELS if k not in ("member_no", "status")}
    row.update(member_no=member_no, status=status, created_at=now,
               name_key=name_key(f"{row['first_name']} {row['last_name']}"))
    conn.execute(s.member.insert().values(**row))
    conn.execute(s.member_status.insert().values(member_no=member_no, date=row["join_date"], status=status,
                                                 reason=N_("joined"), recorded_at=now))
    return get(conn, member_no)


def _default(key: str) -> Any:
    if key in ("income", "household_debt", "citizen_id", "birth_date", "exit_date"):
        return None
    if key == "is_group":
        return False
    return ""


def get(conn: Connection, member_no: int) -> dto.Member:
    row = conn.execute(select(s.member).where(s.member.c.member_no == member_no)).first()
    if row is None:
        raise NotFound(N_("there is no member number {no}"), no=member_no)
    return _to_dto(row)


def get_many(conn: Connection, member_nos: Iterable[int]) -> dict[int, dto.Member]:
    """The members of ``member_nos`` that exist, by number (one query)."""
    wanted = set(member_nos)
    if not wanted:
        return {}
    q = select(s.member)
    if len(wanted) < 900:
        q = q.where(s.member.c.member_no.in_(sorted(wanted)))
    return {r.member_no: _to_dto(r) for r in conn.execute(q) if r.member_no in wanted}


def edit(conn: Connection, member_no: int, changes: dict[str, Any], *, now: str, by: str,
         today: dt.date) -> dto.Member:
    """Change register fields; each changed field is logged with its old and new value."""
    current = conn.execute(select(s.member).where(s.member.c.member_no == member_no)).first()
    if current is None:
        raise NotFound(N_("there is no member number {no}"), no=member_no)
    for key in changes:
        if key not in EDITABLE:
            raise InvalidInput(N_("“{name}” cannot be edited here"), name=key)
    data = _clean(changes, today)
    if "first_name" in data and not data["first_name"]:
        raise InvalidInput(N_("is required"), field=FIELD_LABELS["first_name"])
    cid = data.get("citizen_id")
    if cid and cid != current.citizen_id:
        clash = conn.execute(select(s.member.c.member_no).where(s.member.c.citizen_id == cid)).scalar()
        if clash is not None:
            raise InvalidInput(N_("citizen ID {cid} is already registered to member {no}"),
                               field=FIELD_LABELS["citizen_id"], cid=cid, no=clash)
    updates = {k: v for k, v in data.items() if getattr(current, k) != v}
    if not updates:
        return _to_dto(current)
    if "first_name" in updates or "last_name" in updates:
        first = updates.get("first_name", current.first_name)
        last = updates.get("last_name", current.last_name)
        updates["name_key"] = name_key(f"{first} {last}")
    conn.execute(s.member.update().where(s.member.c.member_no == member_no).values(**updates))
    for key, new in updates.items():
        if key == "name_key":
            continue
        old = getattr(current, key)
        conn.execute(s.member_edit.insert().values(
            member_no=member_no, at=now, by=by, field=key,
            old=None if old is None else str(old), new=None if new is None else str(new)))
    return get(conn, member_no)


def set_status(conn: Connection, member_no: int, status: str, *, date: dt.date, reason: str, now: str,
               suspended_until: dt.date | None = None) -> None:
    if status not in STATUSES:
        raise InvalidInput(N_("must be one of: {allowed}"), field=FIELD_LABELS["status"], allowed=", ".join(STATUSES))
    values: dict[str, Any] = {"status": status, "suspended_until": suspended_until}
    if status in ("terminated", "resigned", "deceased"):
        values.update(exit_date=date, exit_reason=reason)
        # Contributions the bank collects for partner funds stop when the membership ends.
        conn.execute(s.partner_enrolment.update().where(
            s.partner_enrolment.c.member_no == member_no, s.partner_enrolment.c.until.is_(None),
            s.partner_enrolment.c.since <= date).values(until=date, ended_at=now))
    elif status == "active":
        values.update(exit_date=None, exit_reason="")
    conn.execute(s.member.update().where(s.member.c.member_no == member_no).values(**values))
    conn.execute(s.member_status.insert().values(member_no=member_no, date=date, status=status, reason=reason,
                                                 recorded_at=now))


def as_of(conn: Connection, as_of: dt.date) -> list[dto.Member]:
    """Members who had joined by ``as_of`` with status and exit date as of that day (from the history)."""
    import dataclasses

    last: dict[int, Any] = {}
    for r in conn.execute(select(s.member_status).where(s.member_status.c.date <= as_of)
                          .order_by(s.member_status.c.date, s.member_status.c.id)):
        last[r.member_no] = r
    out = []
    for row in conn.execute(select(s.member).where(s.member.c.join_date <= as_of).order_by(s.member.c.member_no)):
        m = _to_dto(row)
        h = last.get(m.member_no)
        if h is not None and h.status != m.status:
            left = h.status in ("terminated", "resigned", "deceased")
            m = dataclasses.replace(m, status=h.status, suspended_until=None,
                                    exit_date=h.date if left else None, exit_reason=h.reason if left else "")
        out.append(m)
    return out


def status_history(conn: Connection, member_no: int) -> list[dto.StatusChange]:
    rows = conn.execute(select(s.member_status).where(s.member_status.c.member_no == member_no)
                        .order_by(s.member_status.c.date, s.member_status.c.id))
    return [dto.StatusChange(r.member_no, r.date, r.status, r.reason) for r in rows]


def edit_log(conn: Connection, member_no: int) -> list[dto.MemberEdit]:
    rows = conn.execute(select(s.member_edit).where(s.member_edit.c.member_no == member_no)
                        .order_by(s.member_edit.c.id))
    return [dto.MemberEdit(r.member_no, r.at, r.by, r.field, r.old, r.new) for r in rows]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def committee(conn: Connection) -> list[dto.Member]:
    """Active members (loans suspended too) with a committee role, in member-number order."""
    return [_to_dto(r) for r in conn.execute(select(s.member).where(
        s.member.c.committee_role != "", s.member.c.status.in_(ACTIVE_STATUSES)).order_by(s.member.c.member_no))]


def listing(conn: Connection, *, query: str = "", statuses: tuple[str, ...] | None = None,
            order: str = "number") -> list[dto.Member]:
    """Members matching ``query`` (a member number, or part of a name/citizen ID; % and _ are literal).

    ``order``: ``number`` or ``name`` (Thai dictionary order).
    """
    q = select(s.member)
    if statuses:
        q = q.where(s.member.c.status.in_(statuses))
    text = normalize_text(query or "", max_len=200)
    if text:
        from villagebank.thai import to_arabic_digits

        digits = to_arabic_digits(text)
        conds = [s.member.c.name_key.like(f"%{_like_escape(name_key(text))}%", escape="\\")]
        if digits.isdigit() and len(digits) <= 6:  # a member number
            conds.append(s.member.c.member_no == int(digits))
        elif digits.isdigit():  # part of a citizen ID
            conds.append(s.member.c.citizen_id.like(f"%{digits}%"))
        q = q.where(or_(*conds))
    rows = _listed(conn, q.order_by(s.member.c.member_no))
    if order == "name":
        rows.sort(key=lambda m: (thai_sort_key(m.first_name), thai_sort_key(m.last_name), m.member_no))
    return rows
