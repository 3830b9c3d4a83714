"""Seven-risk coverage (domain.md §7): which of the seven risks of the book (L1123: sickness, death, old
age, childbirth, disability, child support, unemployment) each member is covered against, by which
scheme — state, community or financial — and what is missing or duplicated (L1899–1902).

A member's schemes come from four places:

- recorded state (or other outside) schemes (table ``member_scheme``: old-age allowance, section 40, ...);
- enrolments in the bank's partner funds whose key is a scheme key below (``nsf``, ``community_welfare``,
  ``gsb``, ``baac_taweerak``);
- the bank's own welfare fund, for the risks its benefit schedule pays (the rules ``welfare_*``), once
  past the waiting period (death: past the first step of the death benefit as well);
- universal health coverage, presumed for a Thai national (citizen ID starting 1–5).

Which risks a scheme covers is a fact about the scheme, not a bank rule: the table :data:`SCHEMES`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from villagebank.i18n import N_, lazy
from villagebank.ledger import members, partners
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import InvalidInput, NotFound
from villagebank.ledger.rules import Rules
from villagebank.thai import format_amount, format_date, normalize_text

if TYPE_CHECKING:
    from villagebank.ledger import dto
    from villagebank.ledger.book import BookBase

    _Base = BookBase
else:
    _Base = object

# The seven risks, in the book's order (L1123).
SICKNESS, DEATH, OLD_AGE, CHILDBIRTH, DISABILITY, CHILD_SUPPORT, UNEMPLOYMENT = (
    "sickness", "death", "old_age", "childbirth", "disability", "child_support", "unemployment")
RISKS = (SICKNESS, DEATH, OLD_AGE, CHILDBIRTH, DISABILITY, CHILD_SUPPORT, UNEMPLOYMENT)
RISK_LABELS = {
    SICKNESS: N_("Sickness"),
    DEATH: N_("Death"),
    OLD_AGE: N_("Old age"),
    CHILDBIRTH: N_("Childbirth"),
    DISABILITY: N_("Disability"),
    CHILD_SUPPORT: N_("Child support"),
    UNEMPLOYMENT: N_("Unemployment"),
}

STATE, COMMUNITY, FINANCIAL = "state", "community", "financial"
GROUPS = (STATE, COMMUNITY, FINANCIAL)
GROUP_LABELS = {
    STATE: N_("State"),
    COMMUNITY: N_("Community"),
    FINANCIAL: N_("Financial institutions"),
}

FLAG_LABELS = {
    "missing": N_("Members with a risk not covered"),
    "duplicated": N_("Members with a risk covered twice"),
    "old_age_allowance": N_("Aged 60 or more, old-age allowance not recorded"),
    "no_birth_date": N_("No birth date in the register"),
    "welfare_waiting": N_("In the welfare fund's waiting period"),
    "partner_unpaid": N_("Partner dues unpaid after the collection months"),
}

WELFARE_FUND = "welfare_fund"
UHC = "uhc"
OLD_AGE_ALLOWANCE = "old_age_allowance"


@dataclass(frozen=True)
class Scheme:
    """A welfare scheme a member can be in. ``contributory``: paid for (by the member, or by the bank
    for the member); two contributory schemes of one group for one risk are flagged as duplicated.
    Allowances the state pays as of right are not."""

    key: str
    name: str  # msgid
    group: str
    risks: frozenset[str]
    contributory: bool = True
    recordable: bool = True  # may be recorded per member (the bank's own welfare fund is computed)


def _scheme(key: str, name: str, group: str, risks: tuple[str, ...], contributory: bool = True,
            recordable: bool = True) -> Scheme:
    return Scheme(key, name, group, frozenset(risks), contributory, recordable)


# Which risks each scheme covers, from the source book (seed/000_3b8d5bdfe1c1e793.txt, "L" = its line):
# the schemes are described at L1123–1177 and compared with the seven risks in table 1.2 (L860–877),
# table 2.2 (L1305–1313), table 2.3 (L1327–1337) and table 3.3 (L1697–1711).
SCHEMES: dict[str, Scheme] = {sc.key: sc for sc in (
    # State (L1125–1151).
    # 1.1 universal health coverage: treatment of sickness and accidents (L1127); the "Thai citizen"
    # column of tables 2.3/3.3 ticks sickness.
    _scheme(UHC, N_("Universal health coverage"), STATE, (SICKNESS,), contributory=False),
    # 1.2 social security section 40: loss of income from sickness, disability, death, and an old-age
    # lump sum (L1128–1133).
    _scheme("sso40", N_("Social security, section 40"), STATE, (SICKNESS, DISABILITY, DEATH, OLD_AGE)),
    # Section 33 (employees): the social security office pays all seven (table 1.2, L864–877).
    _scheme("sso33", N_("Social security, section 33"), STATE, RISKS),
    # Section 39 (former employees insuring themselves; named at L1692): the six benefits of section 33
    # without unemployment. The book does not list them; this follows the Social Security Act.
    _scheme("sso39", N_("Social security, section 39"), STATE,
            (SICKNESS, DEATH, OLD_AGE, CHILDBIRTH, DISABILITY, CHILD_SUPPORT)),
    # 1.3 National Savings Fund กอช.: a pension after 60 (L1134–1143; table 2.2 "old age", L1310).
    _scheme("nsf", N_("National Savings Fund (NSF)"), STATE, (OLD_AGE,)),
    # 1.4 old-age allowance, 600/700/800/1,000 baht a month from 60/70/80/90 (L1144–1149).
    _scheme(OLD_AGE_ALLOWANCE, N_("Old-age allowance"), STATE, (OLD_AGE,), contributory=False),
    # 1.5 disability allowance, 800 baht a month (L1151).
    _scheme("disability_allowance", N_("Disability allowance"), STATE, (DISABILITY,), contributory=False),
    # The state's child support grant (domain.md §7; not described in the book).
    _scheme("child_support_grant", N_("Child support grant"), STATE, (CHILD_SUPPORT,), contributory=False),
    # Community (L1153–1161).
    # The bank's own welfare fund: its risks come from the bank's benefit schedule (table 3.1,
    # L1622–1646: childbirth, hospital stay, death), see ``_welfare_fund_risks``.
    _scheme(WELFARE_FUND, N_("The bank's welfare fund"), COMMUNITY, (SICKNESS, CHILDBIRTH, DEATH),
            recordable=False),
    # 2.1 community welfare fund: hospital stays, accidents, childbirth and death (L1155; table 2.2
    # "birth / hospital / death", L1313; table 3.1). The heading at L1351 also names child support, which
    # the fund's benefit schedules (table 3.1) do not pay: not counted.
    _scheme("community_welfare", N_("Community welfare fund"), COMMUNITY, (SICKNESS, CHILDBIRTH, DEATH)),
    # 2.2 funeral aid society (ฌาปนกิจสงเคราะห์): collected from all members at a death (L1157).
    _scheme("funeral_aid", N_("Funeral aid society"), COMMUNITY, (DEATH,)),
    # Financial institutions (L1163–1177).
    # 3.1 BAAC Taweerak life-aid deposit: death (L1165–1170; table 2.2, L1312).
    _scheme("baac_taweerak", N_("BAAC Taweerak deposit"), FINANCIAL, (DEATH,)),
    # 3.2 GSB family-aid deposit: death (L1172–1176; table 2.2, L1311).
    _scheme("gsb", N_("GSB family welfare deposit"), FINANCIAL, (DEATH,)),
)}

# State allowances (facts of the schemes, not bank rules), satang a month.
OLD_AGE_ALLOWANCE_STEPS = ((60, 60000), (70, 70000), (80, 80000), (90, 100000))  # L1148–1149
DISABILITY_ALLOWANCE = 80000  # L1151


def old_age_allowance(age: int) -> int:
    """The old-age allowance at ``age`` in satang a month (0 below 60)."""
    amount = 0
    for from_age, satang in OLD_AGE_ALLOWANCE_STEPS:
        if age >= from_age:
            amount = satang
    return amount


def age_on(birth: dt.date, d: dt.date) -> int:
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


def thai_national(citizen_id: str | None) -> bool:
    """Citizen IDs of Thai nationals start with 1–5 (6, 7, 8 and 0 are given to other residents)."""
    return bool(citizen_id) and citizen_id[0] in "12345"


# --- records ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MemberScheme:
    id: int
    member_no: int
    scheme: str
    since: dt.date
    until: dt.date | None  # exclusive
    note: str

    def active_on(self, d: dt.date) -> bool:
        return self.since <= d and (self.until is None or d < self.until)


@dataclass(frozen=True)
class Cover:
    """One scheme covering a risk: where the app knows it from (``recorded``, ``partner``, ``bank``,
    ``citizen``) and since when."""

    scheme: str
    group: str
    source: str
    since: dt.date | None

    @property
    def name(self) -> str:
        return SCHEMES[self.scheme].name


@dataclass(frozen=True)
class RiskCover:
    risk: str
    covers: tuple[Cover, ...]

    @property
    def covered(self) -> bool:
        return bool(self.covers)

    def by_group(self, group: str) -> tuple[Cover, ...]:
        return tuple(c for c in self.covers if c.group == group)

    @property
    def duplicated_groups(self) -> tuple[str, ...]:
        return tuple(g for g in GROUPS
                     if sum(1 for c in self.by_group(g) if SCHEMES[c.scheme].contributory) >= 2)


@dataclass(frozen=True)
class Flag:
    """Something missing, duplicated or to check. ``message()`` renders it in the current language."""

    code: str  # missing | duplicated | old_age_allowance | no_birth_date | welfare_waiting | partner_unpaid
    template: str
    params: tuple[tuple[str, object], ...] = ()

    def message(self) -> str:
        from villagebank.i18n import _

        values = {}
        for k, v in self.params:
            if isinstance(v, tuple):
                v = ", ".join(_(x) for x in v)
            elif isinstance(v, str) and v in _MSGIDS:
                v = _(v)
            values[k] = v
        return _(self.template).format(**values)


_MSGIDS = frozenset({*RISK_LABELS.values(), *GROUP_LABELS.values(), *(sc.name for sc in SCHEMES.values())})


def _flag(code: str, template: str, **params: object) -> Flag:
    return Flag(code, template, tuple(sorted(params.items())))


@dataclass(frozen=True)
class MemberCoverage:
    member_no: int
    name: str
    age: int | None
    as_of: dt.date
    risks: tuple[RiskCover, ...]
    flags: tuple[Flag, ...]

    def risk(self, key: str) -> RiskCover:
        return next(r for r in self.risks if r.risk == key)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(r.risk for r in self.risks if not r.covered)

    @property
    def duplicated(self) -> tuple[str, ...]:
        return tuple(r.risk for r in self.risks if r.duplicated_groups)

    def flagged(self, code: str) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.code == code)


@dataclass(frozen=True)
class CoverageRow:
    """One risk of the group table (tables 2.3/3.3): members covered per group of schemes."""

    risk: str
    by_group: tuple[tuple[str, int], ...]  # (group, members covered by at least one scheme of it)
    covered: int
    missing: int
    duplicated: int
    by_scheme: tuple[tuple[str, int], ...]  # (scheme, members)

    def group(self, group: str) -> int:
        return dict(self.by_group).get(group, 0)


@dataclass(frozen=True)
class CoverageTable:
    as_of: dt.date
    members: int
    rows: tuple[CoverageRow, ...]
    flags: tuple[tuple[str, int], ...]  # (flag code, members flagged)

    def row(self, risk: str) -> CoverageRow:
        return next(r for r in self.rows if r.risk == risk)


# --- member schemes ---------------------------------------------------------------------------------
def _ms(row) -> MemberScheme:
    return MemberScheme(row.id, row.member_no, row.scheme, row.since, row.until, row.note)


def member_schemes(conn: Connection, member_nos: list[int] | None = None) -> list[MemberScheme]:
    q = select(s.member_scheme)
    if member_nos is not None:
        q = q.where(s.member_scheme.c.member_no.in_(member_nos))
    q = q.order_by(s.member_scheme.c.member_no, s.member_scheme.c.since, s.member_scheme.c.id)
    return [_ms(r) for r in conn.execute(q)]


def _require_scheme(key: str) -> Scheme:
    sc = SCHEMES.get(key)
    if sc is None or not sc.recordable:
        allowed = ", ".join(k for k, v in SCHEMES.items() if v.recordable)
        raise NotFound(N_("there is no welfare scheme “{key}” (one of: {allowed})"), key=key, allowed=allowed)
    return sc


def add_scheme(conn: Connection, member_no: int, key: str, since: dt.date, *, note: str, now: str) -> MemberScheme:
    sc = _require_scheme(key)
    members.get(conn, member_no)
    for ms in member_schemes(conn, [member_no]):
        if ms.scheme == key and (ms.until is None or ms.until > since):
            raise InvalidInput(N_("member {no} is already recorded in “{scheme}” (since {since})"), no=member_no,
                               scheme=lazy(sc.name), since=format_date(ms.since))
    note = normalize_text(note or "", max_len=200, field=N_("Note"))
    new_id = conn.execute(s.member_scheme.insert().values(
        member_no=member_no, scheme=key, since=since, until=None, note=note, recorded_at=now)).inserted_primary_key[0]
    return _ms(conn.execute(select(s.member_scheme).where(s.member_scheme.c.id == new_id)).one())


def end_scheme(conn: Connection, member_no: int, key: str, until: dt.date, *, now: str) -> MemberScheme:
    sc = _require_scheme(key)
    members.get(conn, member_no)
    current = [ms for ms in member_schemes(conn, [member_no]) if ms.scheme == key and ms.until is None]
    if not current:
        raise InvalidInput(N_("member {no} is not recorded in “{scheme}”"), no=member_no, scheme=lazy(sc.name))
    ms = current[-1]
    if until < ms.since:
        raise InvalidInput(N_("the scheme cannot end before it began ({since})"), since=format_date(ms.since))
    conn.execute(s.member_scheme.update().where(s.member_scheme.c.id == ms.id).values(until=until, ended_at=now))
    return MemberScheme(ms.id, ms.member_no, ms.scheme, ms.since, until, ms.note)


# --- coverage ---------------------------------------------------------------------------------------
def _welfare_fund_risks(rules: Rules, member: dto.Member) -> dict[str, dt.date]:
    """The risks the bank's own welfare fund pays for this member, each with the date cover starts."""
    start = member.join_date + dt.timedelta(days=rules.welfare_waiting_days)
    out: dict[str, dt.date] = {}
    if rules.welfare_hospital_per_night > 0 and rules.welfare_hospital_yearly_cap > 0:
        out[SICKNESS] = start
    if rules.welfare_childbirth > 0:
        out[CHILDBIRTH] = start
    paying = [days for days, amount in rules.welfare_death if amount > 0]
    if paying:
        out[DEATH] = max(start, member.join_date + dt.timedelta(days=paying[0]))
    return out


def member_coverage(conn: Connection, rules: Rules, member: dto.Member, as_of: dt.date,
                    recorded: list[MemberScheme], spans: list[partners.Enrolment]) -> MemberCoverage:
    covers: dict[str, list[Cover]] = defaultdict(list)
    seen: set[str] = set()
    flags: list[Flag] = []

    def add(key: str, source: str, since: dt.date | None, risks: frozenset[str] | None = None) -> None:
        if key in seen:
            return
        seen.add(key)
        sc = SCHEMES[key]
        for risk in sorted(risks if risks is not None else sc.risks):
            covers[risk].append(Cover(key, sc.group, source, since))

    for ms in recorded:
        if ms.active_on(as_of) and ms.scheme in SCHEMES:
            add(ms.scheme, "recorded", ms.since)
    for e in spans:
        if e.active_on(as_of) and e.partner in SCHEMES and SCHEMES[e.partner].recordable:
            add(e.partner, "partner", e.since)
            p = rules.partner(e.partner)
            if p is not None and p.active and p.period == "year" and p.amount > 0:
                start, end = partners.contribution_year(p, as_of)[0], partners.season_end(p, as_of)
                mine = [x for x in spans if x.partner == p.key]
                st = partners.period_dues(conn, p, member.member_no, as_of, spans=mine)
                in_season = any(x.overlaps(start, end) for x in mine)
                if as_of > end and in_season and st.member_due + st.bank_due > 0:
                    flags.append(_flag("partner_unpaid", N_("enrolled in “{partner}” but {amount} baht of this "
                                                            "year's dues is unpaid (collection ended {date})"),
                                       partner=p.name, amount=format_amount(st.member_due + st.bank_due),
                                       date=format_date(end)))
    if UHC not in seen and thai_national(member.citizen_id):
        add(UHC, "citizen", None)
    fund = _welfare_fund_risks(rules, member)
    now = frozenset(r for r, d in fund.items() if d <= as_of)
    if now:
        add(WELFARE_FUND, "bank", min(fund[r] for r in now), now)
    for start in sorted({d for d in fund.values() if d > as_of}):
        flags.append(_flag("welfare_waiting", N_("the bank's welfare fund covers {risks} only from {date} (the "
                                                 "waiting period after joining)"),
                           risks=tuple(RISK_LABELS[r] for r in RISKS if fund.get(r) == start),
                           date=format_date(start)))
    age = age_on(member.birth_date, as_of) if member.birth_date else None
    if age is None:
        flags.append(_flag("no_birth_date", N_("no birth date in the register: the old-age allowance cannot be "
                                               "checked")))
    elif age >= OLD_AGE_ALLOWANCE_STEPS[0][0] and OLD_AGE_ALLOWANCE not in seen:
        flags.append(_flag("old_age_allowance", N_("aged {age}: entitled to the old-age allowance of {amount} baht "
                                                   "a month, but not recorded as receiving it"),
                           age=age, amount=format_amount(old_age_allowance(age))))
    order = {key: i for i, key in enumerate(SCHEMES)}
    risks = tuple(RiskCover(r, tuple(sorted(covers.get(r, ()), key=lambda c: order[c.scheme]))) for r in RISKS)
    for rc in risks:
        if not rc.covered:
            flags.append(_flag("missing", N_("not covered against {risk}"), risk=RISK_LABELS[rc.risk]))
        for g in rc.duplicated_groups:
            flags.append(_flag("duplicated", N_("{risk} is covered more than once by {group} schemes: {schemes}"),
                               risk=RISK_LABELS[rc.risk], group=GROUP_LABELS[g],
                               schemes=tuple(c.name for c in rc.by_group(g) if SCHEMES[c.scheme].contributory)))
    return MemberCoverage(member.member_no, member.full_name, age, as_of, risks, tuple(flags))


def coverage_of(conn: Connection, rules: Rules, member_nos: list[int] | None, as_of: dt.date) -> list[MemberCoverage]:
    """Coverage of the given members (default: every active member who had joined by ``as_of``)."""
    if member_nos is None:
        listing = [m for m in members.listing(conn, statuses=members.ACTIVE_STATUSES) if m.join_date <= as_of]
    else:
        listing = [members.get(conn, no) for no in member_nos]
    nos = [m.member_no for m in listing]
    recorded: dict[int, list[MemberScheme]] = defaultdict(list)
    for ms in member_schemes(conn, nos):
        recorded[ms.member_no].append(ms)
    spans: dict[int, list[partners.Enrolment]] = defaultdict(list)
    for e in partners.enrolments(conn, member_nos=nos):
        spans[e.member_no].append(e)
    return [member_coverage(conn, rules, m, as_of, recorded[m.member_no], spans[m.member_no]) for m in listing]


def group_table(covs: list[MemberCoverage], as_of: dt.date) -> CoverageTable:
    rows = []
    for risk in RISKS:
        per_group = {g: 0 for g in GROUPS}
        per_scheme: dict[str, int] = defaultdict(int)
        covered = duplicated = 0
        for c in covs:
            rc = c.risk(risk)
            covered += rc.covered
            duplicated += bool(rc.duplicated_groups)
            for g in GROUPS:
                per_group[g] += bool(rc.by_group(g))
            for cv in rc.covers:
                per_scheme[cv.scheme] += 1
        rows.append(CoverageRow(risk, tuple(per_group.items()), covered, len(covs) - covered, duplicated,
                                tuple((k, per_scheme[k]) for k in SCHEMES if per_scheme.get(k))))
    flagged: dict[str, int] = defaultdict(int)
    for c in covs:
        for code in {f.code for f in c.flags}:
            flagged[code] += 1
    return CoverageTable(as_of, len(covs), tuple(rows), tuple(sorted(flagged.items())))


# --- the Book mixin ---------------------------------------------------------------------------------
class CoverageCommands(_Base):
    """Members' outside welfare schemes and the seven-risk coverage on the Book facade."""

    def add_member_scheme(self, member_no: int, scheme: str, since: dt.date | None = None,
                          note: str = "") -> MemberScheme:
        """Record that a member is in a state (or other outside) scheme, e.g. ``old_age_allowance``."""
        with self._write() as conn:
            return add_scheme(conn, member_no, scheme, since or self.clock.today(), note=note, now=self._now())

    def end_member_scheme(self, member_no: int, scheme: str, until: dt.date | None = None) -> MemberScheme:
        with self._write() as conn:
            return end_scheme(conn, member_no, scheme, until or self.clock.today(), now=self._now())

    def member_schemes(self, member_no: int | None = None) -> list[MemberScheme]:
        with self._read() as conn:
            return member_schemes(conn, None if member_no is None else [member_no])

    def coverage(self, member_no: int, as_of: dt.date | None = None) -> MemberCoverage:
        """Which of the seven risks a member is covered against, by which schemes, and the flags."""
        with self._read() as conn:
            return coverage_of(conn, self.rules, [member_no], as_of or self.clock.today())[0]

    def coverage_all(self, as_of: dt.date | None = None) -> list[MemberCoverage]:
        """Coverage of every active member."""
        with self._read() as conn:
            return coverage_of(conn, self.rules, None, as_of or self.clock.today())

    def coverage_table(self, as_of: dt.date | None = None) -> CoverageTable:
        """The group view (tables 2.3/3.3): members covered per risk and per group of schemes."""
        as_of = as_of or self.clock.today()
        return group_table(self.coverage_all(as_of), as_of)
