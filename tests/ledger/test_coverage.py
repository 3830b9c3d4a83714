"""Seven-risk coverage: per member which risks are covered and by which schemes, the flags (missing,
duplicated, old-age allowance not recorded, welfare waiting period), and the group table (2.3 / 3.3)."""

import datetime as dt

import pytest

from tests.conftest import START, member_values, valid_cid
from villagebank.ledger import InvalidInput, NotFound
from villagebank.ledger.coverage import (
    CHILD_SUPPORT,
    CHILDBIRTH,
    COMMUNITY,
    DEATH,
    DISABILITY,
    FINANCIAL,
    OLD_AGE,
    RISKS,
    SCHEMES,
    SICKNESS,
    STATE,
    UNEMPLOYMENT,
    old_age_allowance,
)

pytestmark = pytest.mark.usefixtures("english")  # messages are matched in English

AS_OF = dt.date(2025, 6, 1)  # START + 149 days: past the 90-day waiting period, before the 180 days of death


def born(age: int, on: dt.date = AS_OF) -> dt.date:
    return dt.date(on.year - age, on.month, on.day)


def schemes_of(cov, risk):
    return {c.scheme for c in cov.risk(risk).covers}


@pytest.fixture
def cbook(book):
    """1: aged 61, Thai; 2: aged 40, Thai, in GSB and BAAC; 3: no birth date, a non-Thai ID; 4: aged 30."""
    book.add_member(member_values("หนึ่ง", cid=valid_cid("310170020301"), birth_date=born(61)))
    book.add_member(member_values("สอง", cid=valid_cid("110170020302"), birth_date=born(40)))
    book.add_member(member_values("สาม", cid=valid_cid("610170020303")))
    book.add_member(member_values("สี่", cid=valid_cid("310170020304"), birth_date=born(30)))
    return book


def test_the_scheme_table_covers_the_seven_risks_in_three_groups():
    assert RISKS == (SICKNESS, DEATH, OLD_AGE, CHILDBIRTH, DISABILITY, CHILD_SUPPORT, UNEMPLOYMENT)
    assert {s.group for s in SCHEMES.values()} == {STATE, COMMUNITY, FINANCIAL}
    assert set().union(*(s.risks for s in SCHEMES.values())) == set(RISKS)
    # only social security section 33 covers unemployment (table 3.3: ×; table 1.2)
    assert [k for k, s in SCHEMES.items() if UNEMPLOYMENT in s.risks] == ["sso33"]
    assert SCHEMES["sso40"].risks == {SICKNESS, DISABILITY, DEATH, OLD_AGE}
    assert SCHEMES["nsf"].risks == {OLD_AGE} and SCHEMES["gsb"].risks == {DEATH}


@pytest.mark.parametrize(("age", "amount"), [(59, 0), (60, 60000), (69, 60000), (70, 70000), (80, 80000),
                                             (89, 80000), (90, 100000), (101, 100000)])
def test_old_age_allowance_steps(age, amount):
    assert old_age_allowance(age) == amount  # 600/700/800/1,000 baht a month from 60/70/80/90 (L1149)


def test_a_61_year_old_without_the_allowance_is_flagged(cbook):
    cov = cbook.coverage(1, AS_OF)
    assert cov.age == 61
    [flag] = cov.flagged("old_age_allowance")
    assert flag.message() == ("aged 61: entitled to the old-age allowance of 600.00 baht a month, but not "
                              "recorded as receiving it")
    assert OLD_AGE in cov.missing
    assert not cbook.coverage(4, AS_OF).flagged("old_age_allowance")  # 30
    cbook.add_member_scheme(1, "old_age_allowance", dt.date(2024, 1, 1), note="อบต.")
    cov = cbook.coverage(1, AS_OF)
    assert not cov.flagged("old_age_allowance")
    assert schemes_of(cov, OLD_AGE) == {"old_age_allowance"}
    assert cov.risk(OLD_AGE).by_group(STATE)[0].source == "recorded"


def test_a_member_turning_60_is_flagged_from_the_birthday(cbook):
    cbook.add_member(member_values("ห้า", cid=valid_cid("310170020305"), birth_date=dt.date(1965, 6, 2)))
    assert not cbook.coverage(5, AS_OF).flagged("old_age_allowance")
    assert cbook.coverage(5, dt.date(2025, 6, 2)).flagged("old_age_allowance")


def test_no_birth_date_is_flagged_and_uhc_is_presumed_only_for_thai_nationals(cbook):
    cov = cbook.coverage(3, AS_OF)
    assert cov.age is None and cov.flagged("no_birth_date")
    assert SICKNESS in {r for r in RISKS if "uhc" not in schemes_of(cov, r)}
    assert "uhc" in schemes_of(cbook.coverage(2, AS_OF), SICKNESS)
    assert cbook.coverage(2, AS_OF).risk(SICKNESS).by_group(STATE)[0].source == "citizen"


def test_the_banks_welfare_fund_covers_after_its_waiting_period(cbook):
    day89, day90, day180 = (START + dt.timedelta(days=n) for n in (89, 90, 180))
    cov = cbook.coverage(4, day89)
    assert "welfare_fund" not in set().union(*(schemes_of(cov, r) for r in RISKS))
    assert [f.message() for f in cov.flagged("welfare_waiting")] == [
        "the bank's welfare fund covers Sickness, Childbirth only from 03/04/2568 (the waiting period after "
        "joining)",
        "the bank's welfare fund covers Death only from 02/07/2568 (the waiting period after joining)"]
    cov = cbook.coverage(4, day90)
    assert {r for r in RISKS if "welfare_fund" in schemes_of(cov, r)} == {SICKNESS, CHILDBIRTH}
    cov = cbook.coverage(4, day180)
    assert {r for r in RISKS if "welfare_fund" in schemes_of(cov, r)} == {SICKNESS, CHILDBIRTH, DEATH}
    assert not cov.flagged("welfare_waiting")
    # a bank whose schedule pays no childbirth benefit does not cover childbirth
    cbook.set_rules(cbook.rules.replace(welfare_childbirth=0))
    assert "welfare_fund" not in schemes_of(cbook.coverage(4, day180), CHILDBIRTH)


def test_partner_enrolments_count_as_schemes(cbook):
    cbook.enrol_partner(2, "nsf", dt.date(2025, 1, 1))
    cbook.enrol_partner(2, "community_welfare", dt.date(2025, 1, 1))
    cov = cbook.coverage(2, AS_OF)
    assert schemes_of(cov, OLD_AGE) == {"nsf"}
    assert schemes_of(cov, SICKNESS) == {"uhc", "welfare_fund", "community_welfare"}
    assert cov.risk(OLD_AGE).covers[0].source == "partner"
    cbook.end_partner_enrolment(2, "nsf", dt.date(2025, 5, 1))
    assert OLD_AGE in cbook.coverage(2, AS_OF).missing


def test_duplicates_are_two_paid_schemes_of_one_group_for_one_risk(cbook):
    cbook.add_member_scheme(2, "gsb", dt.date(2024, 1, 1))
    cbook.add_member_scheme(2, "baac_taweerak", dt.date(2024, 1, 1))
    cov = cbook.coverage(2, dt.date(2025, 8, 1))
    assert cov.duplicated == (DEATH,)
    [flag] = cov.flagged("duplicated")
    assert flag.message() == ("Death is covered more than once by Financial institutions schemes: "
                              "BAAC Taweerak deposit, GSB family welfare deposit")
    # the old-age allowance is a right, not a purchase: with กอช. it is not a duplicate ...
    cbook.add_member_scheme(1, "old_age_allowance", dt.date(2024, 1, 1))
    cbook.add_member_scheme(1, "nsf", dt.date(2024, 1, 1))
    assert OLD_AGE not in cbook.coverage(1, AS_OF).duplicated
    # ... but section 40 and กอช. both sold for old age are (the book's Wiang members chose one, L1426–1428)
    cbook.add_member_scheme(1, "sso40", dt.date(2024, 1, 1))
    assert OLD_AGE in cbook.coverage(1, AS_OF).duplicated
    # the same scheme recorded and enrolled through the bank counts once
    cbook.enrol_partner(1, "nsf", dt.date(2025, 1, 1))
    assert schemes_of(cbook.coverage(1, AS_OF), OLD_AGE) == {"old_age_allowance", "nsf", "sso40"}


def test_missing_risks_and_their_flags(cbook):
    cov = cbook.coverage(4, AS_OF)
    assert cov.missing == (DEATH, OLD_AGE, DISABILITY, CHILD_SUPPORT, UNEMPLOYMENT)
    assert cov.flagged("missing")[0].message() == "not covered against Death"
    cbook.add_member_scheme(4, "sso33", dt.date(2020, 1, 1))
    assert cbook.coverage(4, AS_OF).missing == ()


def test_an_unpaid_yearly_partner_due_is_flagged_after_its_season(cbook):
    from villagebank.ledger import Money
    from villagebank.ledger.meetings import Parts

    cbook.enrol_partner(1, "community_welfare", dt.date(2025, 1, 1))
    cbook.enrol_partner(2, "community_welfare", dt.date(2025, 1, 1))
    cbook.pay(2, Parts(partners=(("community_welfare", Money.baht(200)),)), date=dt.date(2025, 1, 10))
    assert not cbook.coverage(1, dt.date(2025, 1, 31)).flagged("partner_unpaid")  # still in season
    [flag] = cbook.coverage(1, dt.date(2025, 2, 1)).flagged("partner_unpaid")
    assert "200.00" in flag.message() and "31/01/2568" in flag.message()
    assert not cbook.coverage(2, dt.date(2025, 2, 1)).flagged("partner_unpaid")
    cbook.enrol_partner(4, "community_welfare", dt.date(2025, 3, 1))  # joined after the season: nothing asked
    assert not cbook.coverage(4, dt.date(2025, 4, 1)).flagged("partner_unpaid")


def test_member_schemes_are_validated(cbook):
    with pytest.raises(NotFound, match="no welfare scheme"):
        cbook.add_member_scheme(1, "lottery")
    with pytest.raises(NotFound):
        cbook.add_member_scheme(1, "welfare_fund")  # computed from the bank's rules, not recorded
    with pytest.raises(NotFound):
        cbook.add_member_scheme(99, "sso40")
    cbook.add_member_scheme(1, "sso40", dt.date(2024, 1, 1))
    with pytest.raises(InvalidInput, match="already recorded"):
        cbook.add_member_scheme(1, "sso40", dt.date(2025, 1, 1))
    with pytest.raises(InvalidInput):
        cbook.end_member_scheme(1, "sso40", dt.date(2023, 1, 1))
    with pytest.raises(InvalidInput, match="not recorded"):
        cbook.end_member_scheme(1, "nsf")
    ended = cbook.end_member_scheme(1, "sso40", dt.date(2025, 3, 1))
    assert ended.until == dt.date(2025, 3, 1)
    assert "sso40" not in schemes_of(cbook.coverage(1, AS_OF), DEATH)
    assert "sso40" in schemes_of(cbook.coverage(1, dt.date(2025, 2, 28)), DEATH)
    cbook.add_member_scheme(1, "sso40", dt.date(2025, 4, 1))
    assert [ms.scheme for ms in cbook.member_schemes(1)] == ["sso40", "sso40"]


def test_the_group_table_counts_members_per_risk_and_group(cbook):
    cbook.add_member_scheme(1, "old_age_allowance", dt.date(2024, 1, 1))
    cbook.add_member_scheme(2, "gsb", dt.date(2024, 1, 1))
    cbook.add_member_scheme(2, "baac_taweerak", dt.date(2024, 1, 1))
    cbook.add_member_scheme(4, "sso40", dt.date(2024, 1, 1))
    cbook.enrol_partner(4, "community_welfare", dt.date(2025, 1, 1))
    cbook.add_member(member_values("ออกแล้ว", cid=valid_cid("310170020306")))
    cbook.leave(5, "resigned", "ย้าย", dt.date(2025, 3, 1))  # former members are not counted
    table = cbook.coverage_table(AS_OF)
    assert table.members == 4
    rows = {r.risk: (r.group(STATE), r.group(COMMUNITY), r.group(FINANCIAL), r.covered, r.missing, r.duplicated)
            for r in table.rows}
    assert rows == {
        SICKNESS: (3, 4, 0, 4, 0, 1),  # uhc for the 3 Thai nationals (+ sso40); welfare fund for all 4;
        # member 4 has both the bank's welfare fund and the community welfare fund: duplicated
        DEATH: (1, 1, 1, 2, 2, 1),  # sso40 and community welfare (4); GSB + BAAC (2, duplicated)
        OLD_AGE: (2, 0, 0, 2, 2, 0),  # allowance (1), sso40 (4)
        CHILDBIRTH: (0, 4, 0, 4, 0, 1),
        DISABILITY: (1, 0, 0, 1, 3, 0),
        CHILD_SUPPORT: (0, 0, 0, 0, 4, 0),
        UNEMPLOYMENT: (0, 0, 0, 0, 4, 0),
    }
    assert dict(table.row(DEATH).by_scheme) == {"sso40": 1, "community_welfare": 1, "baac_taweerak": 1, "gsb": 1}
    flags = dict(table.flags)
    assert "old_age_allowance" not in flags  # member 1 receives it; the others are under 60
    assert flags["no_birth_date"] == 1 and flags["duplicated"] == 2 and flags["missing"] == 4
    assert len(cbook.coverage_all(AS_OF)) == 4
