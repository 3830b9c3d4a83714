from decimal import Decimal

import pytest

from villagebank.ledger.errors import InvalidInput
from villagebank.ledger.rules import LABELS, Rules, field_names


def test_defaults_are_the_domain_defaults():
    r = Rules()
    assert (r.share_value, r.min_saving, r.entry_deposit, r.entry_fee) == (1000, 1000, 10000, 2000)
    assert r.max_deposit_per_meeting == 200000 and r.max_total_shares is None
    assert (r.suspend_after_misses, r.suspension_months, r.terminate_after_consecutive_misses) == (2, 12, 3)
    assert r.loan_wait_months == 3 and r.loan_rate_monthly_pct == Decimal("1")
    assert (r.guarantors_required, r.max_guaranteed_loans) == (2, 2)
    assert r.fiscal_year_start_month == 1 and r.rounding_unit == 1 and r.payout_method == "cash"
    assert r.allocation_pct() == {"reserve": 20, "depositors": 15, "borrowers": 15, "welfare": 20,
                                  "development": 10, "committee": 20}
    assert r.welfare_waiting_days == 90 and r.welfare_childbirth == 50000
    assert r.welfare_hospital_per_night == 10000 and r.welfare_hospital_yearly_cap == 250000
    assert [a for _, a in r.welfare_death] == [300000, 500000, 600000, 800000, 1000000]
    assert {p.key for p in r.partners} == {"nsf", "community_welfare", "gsb", "baac_taweerak"}
    nsf = r.partner("nsf")
    assert nsf and nsf.amount == 10000 and nsf.period == "month"
    assert r.validate() is r


def test_every_rule_has_a_label():
    assert set(field_names()) <= set(LABELS)


def test_percentages_must_sum_to_100_and_the_field_is_named():
    bad = Rules().replace(alloc_development_pct=Decimal("15"))
    problems = bad.problems()
    assert len(problems) == 1
    assert "105" in str(problems[0])
    assert str(problems[0]).startswith("เงินสำรอง") or "Reserve" in str(problems[0]) or "(%)" in str(problems[0])
    with pytest.raises(InvalidInput):
        bad.validate()
    ok = Rules().replace(alloc_development_pct=Decimal("15"), alloc_committee_pct=Decimal("15"))
    assert ok.validate()


@pytest.mark.parametrize(("change", "field"), [
    ({"share_value": 0}, "share_value"),
    ({"min_saving": 1500}, "min_saving"),  # not whole shares
    ({"loan_rate_monthly_pct": Decimal("-1")}, "loan_rate_monthly_pct"),
    ({"fiscal_year_start_month": 13}, "fiscal_year_start_month"),
    ({"loan_method": "balloon"}, "loan_method"),
    ({"max_deposit_per_meeting": 0}, "max_deposit_per_meeting"),
    ({"rounding_unit": 0}, "rounding_unit"),
    ({"claim_days": (16, 15)}, "claim_days"),
])
def test_invalid_rules_are_refused_naming_the_field(change, field, english):
    problems = Rules().replace(**change).problems()
    assert problems, change
    assert problems[0].field == LABELS[field]


def test_json_round_trip():
    r = Rules().replace(loan_rate_monthly_pct=Decimal("1.25"), max_total_shares=500000, payout_method="shares")
    assert Rules.from_json(r.to_json()) == r


def test_from_values_coerces_typed_text():
    r = Rules.from_values({"loan_rate_monthly_pct": "1.5", "no_mutual_guarantee": "no", "max_total_shares": "",
                           "guarantors_required": "3"})
    assert r.loan_rate_monthly_pct == Decimal("1.5")
    assert r.no_mutual_guarantee is False and r.max_total_shares is None and r.guarantors_required == 3
    with pytest.raises(InvalidInput):
        Rules.from_values({"no_such_rule": 1})
    with pytest.raises(InvalidInput):
        Rules.from_values({"guarantors_required": "two"})
