"""The bank's rules (ระเบียบ): one typed, validated, versioned settings object stored in the book.

Every default here is the default of ``shared/domain.md`` §3–7; a bank edits its own. Amounts are integer
satang; percentages are ``Decimal`` percentage points (``Decimal("20")`` = 20%). Nothing in the ledger
uses a literal for a rule: it reads ``book.rules``.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from villagebank.i18n import N_
from villagebank.ledger.errors import InvalidInput

RULES_VERSION = 1

ALLOCATION_POOLS = ("reserve", "depositors", "borrowers", "welfare", "development", "committee")

# Field labels shown to the user (settings screen, error messages). Keys are rule names (the
# workbook's `bank` sheet uses the same names).
LABELS: dict[str, str] = {
    "share_value": N_("Value of one share"),
    "min_saving": N_("Minimum saving per meeting"),
    "entry_deposit": N_("First deposit of a new member"),
    "entry_fee": N_("Entry fee"),
    "max_deposit_per_meeting": N_("Most shares bought at one meeting"),
    "max_total_shares": N_("Most shares one member may hold"),
    "suspend_after_misses": N_("Missed savings in a year that suspend loans"),
    "suspension_months": N_("Months a suspension lasts"),
    "terminate_after_consecutive_misses": N_("Consecutive missed savings that end membership"),
    "loan_wait_months": N_("Months of saving before a first loan"),
    "loan_rate_monthly_pct": N_("Loan interest per month (%)"),
    "loan_method": N_("Loan repayment method"),
    "installment_rounding": N_("Installments rounded to"),
    "interest_rounding": N_("Monthly interest rounded to the nearest"),
    "max_loan_term_months": N_("Longest loan term (months)"),
    "max_loan_amount": N_("Largest loan"),
    "guarantors_required": N_("Guarantors per loan"),
    "max_guaranteed_loans": N_("Open loans one member may guarantee"),
    "guarantee_limit_pct_of_shares": N_("Guarantee limit as a percentage of the guarantor's shares"),
    "no_mutual_guarantee": N_("Two members may not guarantee each other"),
    "borrower_must_not_be_overdue": N_("Borrower must have no overdue loan"),
    "loan_limited_to_cash": N_("A loan may not exceed the cash the bank holds"),
    "withdrawals_only_on_leaving": N_("Shares withdrawn only on leaving"),
    "fiscal_year_start_month": N_("First month of the fiscal year"),
    "alloc_reserve_pct": N_("Reserve fund (%)"),
    "alloc_depositors_pct": N_("Returned to depositors (%)"),
    "alloc_borrowers_pct": N_("Returned to borrowers (%)"),
    "alloc_welfare_pct": N_("Medical welfare (%)"),
    "alloc_development_pct": N_("Group development (%)"),
    "alloc_committee_pct": N_("Committee (%)"),
    "rounding_unit": N_("Allocation rounded down to (satang)"),
    "payout_method": N_("How year-end payouts are paid"),
    "meeting_day": N_("Meeting day of the month"),
    "fine_per_miss": N_("Fine for a missed saving"),
    "cash_holding_limit": N_("Most cash the treasurer should hold"),
    "welfare_waiting_days": N_("Days of membership before welfare benefits"),
    "welfare_childbirth": N_("Childbirth benefit per time"),
    "welfare_hospital_per_night": N_("Hospital benefit per night"),
    "welfare_hospital_yearly_cap": N_("Hospital benefit per year at most"),
    "welfare_death": N_("Death benefit by years of membership"),
    "claim_days": N_("Days of the month claims are paid"),
    "partners": N_("Partner funds"),
    "savings_products": N_("Kinds of savings besides shares"),
}


@dataclass(frozen=True)
class Partner:
    """A fund the bank collects for and forwards to (กอช., community welfare fund, ...).

    ``amount`` is due per ``period`` (``month`` or ``year``); yearly dues are collected in the months
    ``collect_from``..``collect_to`` and remitted by ``remit_month``/``remit_day``. ``bank_pays_pct`` of
    the dues is paid from the bank's welfare fund (domain.md §7, table 2.4).
    """

    key: str
    name: str
    amount: int  # satang per period
    period: str = "year"  # "month" | "year"
    collect_from: int = 1  # month
    collect_to: int = 12  # month
    remit_month: int = 12
    remit_day: int = 31
    bank_pays_pct: Decimal = Decimal("0")
    active: bool = True


@dataclass(frozen=True)
class SavingsProduct:
    """A savings kind separate from shares (account ``savings:<key>``), e.g. voluntary savings or the
    special saving earmarked to repay a member's Village Fund debt. ``withdraw_anytime``: a member may
    withdraw while still a member (otherwise only on leaving or for its ``purpose``)."""

    key: str
    name: str
    withdraw_anytime: bool = True
    purpose: str = ""
    active: bool = True


DEFAULT_SAVINGS_PRODUCTS = (
    SavingsProduct("voluntary", "เงินฝากออมทรัพย์", True),
    SavingsProduct("village_fund", "เงินออมพิเศษเพื่อชำระหนี้กองทุนหมู่บ้าน", False,
                   "ชำระหนี้กองทุนหมู่บ้าน"),
)

DEFAULT_PARTNERS = (
    Partner("nsf", "กองทุนการออมแห่งชาติ (กอช.)", 10000, "month", 1, 12, 12, 20),
    Partner("community_welfare", "กองทุนสวัสดิการชุมชน", 20000, "year", 1, 1, 2, 5),
    Partner("gsb", "สวัสดิการครอบครัว ธนาคารออมสิน", 0, "year", 1, 12, 12, 31, active=False),
    Partner("baac_taweerak", "ทวีรัก ธ.ก.ส.", 0, "year", 1, 12, 12, 31, active=False),
)

# Death benefit by membership age: (minimum days of membership, satang). Ban Pin template.
WELFARE_TEMPLATES: dict[str, dict[str, Any]] = {
    "ban_pin": {
        "welfare_waiting_days": 90,
        "welfare_childbirth": 50000,
        "welfare_hospital_per_night": 10000,
        "welfare_hospital_yearly_cap": 250000,
        "welfare_death": ((180, 300000), (365, 500000), (730, 600000), (1095, 800000), (1460, 1000000)),
    },
    "wiang": {
        "welfare_waiting_days": 90,
        "welfare_childbirth": 50000,
        "welfare_hospital_per_night": 10000,
        "welfare_hospital_yearly_cap": 200000,
        "welfare_death": (
            (180, 300000), (365, 500000), (730, 700000), (1095, 900000), (1460, 1100000), (1825, 1200000),
        ),
    },
}


@dataclass(frozen=True)
class Rules:
    # Shares (domain.md §4)
    share_value: int = 1000
    min_saving: int = 1000
    entry_deposit: int = 10000
    entry_fee: int = 2000
    max_deposit_per_meeting: int | None = 200000
    max_total_shares: int | None = None
    suspend_after_misses: int = 2
    suspension_months: int = 12
    terminate_after_consecutive_misses: int = 3
    withdrawals_only_on_leaving: bool = True
    fine_per_miss: int = 0
    # Loans (§5)
    loan_wait_months: int = 3
    loan_rate_monthly_pct: Decimal = Decimal("1")
    loan_method: str = "declining"  # "declining" | "flat"
    installment_rounding: int = 100  # satang: whole baht
    interest_rounding: int = 100  # satang: each month's interest to the nearest baht (practice)
    max_loan_term_months: int | None = None
    max_loan_amount: int | None = None
    guarantors_required: int = 2
    max_guaranteed_loans: int = 2
    guarantee_limit_pct_of_shares: Decimal | None = None
    no_mutual_guarantee: bool = True
    borrower_must_not_be_overdue: bool = True
    loan_limited_to_cash: bool = True
    # Year end (§6)
    fiscal_year_start_month: int = 1
    alloc_reserve_pct: Decimal = Decimal("20")
    alloc_depositors_pct: Decimal = Decimal("15")
    alloc_borrowers_pct: Decimal = Decimal("15")
    alloc_welfare_pct: Decimal = Decimal("20")
    alloc_development_pct: Decimal = Decimal("10")
    alloc_committee_pct: Decimal = Decimal("20")
    rounding_unit: int = 1
    payout_method: str = "cash"  # "cash" | "shares"
    # Meeting day and cash (§1, §7)
    meeting_day: int = 3
    cash_holding_limit: int | None = 2000000
    # Welfare schedule (§7, Ban Pin template)
    welfare_waiting_days: int = 90
    welfare_childbirth: int = 50000
    welfare_hospital_per_night: int = 10000
    welfare_hospital_yearly_cap: int = 250000
    welfare_death: tuple[tuple[int, int], ...] = WELFARE_TEMPLATES["ban_pin"]["welfare_death"]
    claim_days: tuple[int, int] = (1, 15)
    partners: tuple[Partner, ...] = DEFAULT_PARTNERS
    savings_products: tuple[SavingsProduct, ...] = DEFAULT_SAVINGS_PRODUCTS

    # --- derived ------------------------------------------------------------------------------
    def allocation_pct(self) -> dict[str, Decimal]:
        return {pool: getattr(self, f"alloc_{pool}_pct") for pool in ALLOCATION_POOLS}

    def partner(self, key: str) -> Partner | None:
        return next((p for p in self.partners if p.key == key), None)

    def savings_product(self, key: str) -> SavingsProduct | None:
        return next((p for p in self.savings_products if p.key == key), None)

    def replace(self, **changes: Any) -> Rules:
        return dataclasses.replace(self, **changes)

    # --- validation ---------------------------------------------------------------------------
    def problems(self) -> list[InvalidInput]:
        """Every invalid setting, each naming its field (empty list when valid)."""
        out: list[InvalidInput] = []

        def bad(name: str, template: str, **params: object) -> None:
            out.append(InvalidInput(template, field=LABELS.get(name, name), **params))

        positive = ("share_value", "suspension_months", "terminate_after_consecutive_misses",
                    "guarantors_required", "suspend_after_misses", "installment_rounding", "rounding_unit",
                    "interest_rounding")
        for name in positive:
            if getattr(self, name) < 1:
                bad(name, N_("must be at least {min}"), min=1)
        non_negative = ("min_saving", "entry_deposit", "entry_fee", "fine_per_miss", "loan_wait_months",
                        "max_guaranteed_loans", "welfare_waiting_days", "welfare_childbirth",
                        "welfare_hospital_per_night", "welfare_hospital_yearly_cap")
        for name in non_negative:
            if getattr(self, name) < 0:
                bad(name, N_("cannot be negative"))
        for name in ("max_deposit_per_meeting", "max_total_shares", "max_loan_term_months", "max_loan_amount",
                     "cash_holding_limit"):
            value = getattr(self, name)
            if value is not None and value < 1:
                bad(name, N_("must be empty (no limit) or at least {min}"), min=1)
        if self.share_value >= 1:
            for name in ("min_saving", "entry_deposit", "max_deposit_per_meeting", "max_total_shares"):
                value = getattr(self, name)
                if value is not None and value % self.share_value:
                    bad(name, N_("must be a whole number of shares ({share} baht each)"),
                        share=_baht(self.share_value))
        if self.guarantors_required > 5:
            bad("guarantors_required", N_("must be at most {max}"), max=5)
        if not Decimal("0") <= self.loan_rate_monthly_pct <= Decimal("5"):
            bad("loan_rate_monthly_pct", N_("must be between {min} and {max}"), min="0", max="5")
        if self.loan_method not in ("declining", "flat"):
            bad("loan_method", N_("must be one of: {allowed}"), allowed="declining, flat")
        if self.payout_method not in ("cash", "shares"):
            bad("payout_method", N_("must be one of: {allowed}"), allowed="cash, shares")
        if not 1 <= self.fiscal_year_start_month <= 12:
            bad("fiscal_year_start_month", N_("must be a month from {min} to {max}"), min=1, max=12)
        if not 1 <= self.meeting_day <= 28:
            bad("meeting_day", N_("must be a day from {min} to {max}"), min=1, max=28)
        pcts = self.allocation_pct()
        for pool, pct in pcts.items():
            if pct < 0 or pct > 100 or pct != pct.quantize(Decimal("0.01")):
                bad(f"alloc_{pool}_pct", N_("must be a percentage from 0 to 100 with at most 2 decimals"))
        if sum(pcts.values()) != Decimal("100"):
            bad("alloc_reserve_pct", N_("the six allocation percentages add up to {total}%, they must add up to 100%"),
                total=str(sum(pcts.values()).normalize()))
        if self.guarantee_limit_pct_of_shares is not None and self.guarantee_limit_pct_of_shares <= 0:
            bad("guarantee_limit_pct_of_shares", N_("must be empty (no limit) or more than 0"))
        lo, hi = self.claim_days
        if not 1 <= lo <= hi <= 31:
            bad("claim_days", N_("must be days of the month from {min} to {max}"), min=1, max=31)
        last_days = -1
        for days, amount in self.welfare_death:
            if days <= last_days or amount < 0:
                bad("welfare_death", N_("steps must have rising days of membership and amounts of 0 or more"))
                break
            last_days = days
        keys = [p.key for p in self.partners]
        if len(set(keys)) != len(keys) or not all(k and k.isidentifier() for k in keys):
            bad("partners", N_("each partner needs its own key (letters, digits and _)"))
        keys = [p.key for p in self.savings_products]
        if len(set(keys)) != len(keys) or not all(k and k.isidentifier() for k in keys):
            bad("savings_products", N_("each savings kind needs its own key (letters, digits and _)"))
        for p in self.partners:
            if p.period not in ("month", "year") or p.amount < 0 or not (1 <= p.collect_from <= 12) \
                    or not (1 <= p.collect_to <= 12) or not (1 <= p.remit_month <= 12) \
                    or not (1 <= p.remit_day <= _days_in(p.remit_month)) or not (0 <= p.bank_pays_pct <= 100):
                bad("partners", N_("partner “{name}” has an invalid setting"), name=p.name)
        return out

    def validate(self) -> Rules:
        problems = self.problems()
        if problems:
            raise problems[0]
        return self

    # --- storage ------------------------------------------------------------------------------
    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        data["_version"] = RULES_VERSION
        return json.dumps(data, default=_json_default, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Rules:
        data = json.loads(text)
        data.pop("_version", None)
        return cls.from_values(data)

    @classmethod
    def from_values(cls, data: dict[str, Any], *, base: Rules | None = None) -> Rules:
        """Build rules from stored or typed values (unknown keys refused; missing keys keep ``base``)."""
        base = base or cls()
        fields = {f.name: f for f in dataclasses.fields(cls)}
        changes: dict[str, Any] = {}
        for name, value in data.items():
            if name not in fields:
                raise InvalidInput(N_("unknown rule “{name}”"), name=name)
            changes[name] = coerce(name, value, fields[name].type)
        return dataclasses.replace(base, **changes)


def _days_in(month: int) -> int:
    """The most days a month can have (February 29: a leap-year deadline is clamped when used)."""
    return (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1] if 1 <= month <= 12 else 31


def _baht(satang: int) -> str:
    from villagebank.thai import format_amount

    return format_amount(satang)


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__} in rules")


def coerce(name: str, value: Any, type_name: object) -> Any:
    """Turn a stored/typed value into the rule's type; InvalidInput naming the rule otherwise."""
    label = LABELS.get(name, name)
    t = str(type_name)
    try:
        if name == "partners":
            return tuple(v if isinstance(v, Partner) else _partner(v) for v in value)
        if name == "savings_products":
            return tuple(v if isinstance(v, SavingsProduct) else SavingsProduct(**v) for v in value)
        if name == "welfare_death":
            return tuple((int(d), int(a)) for d, a in value)
        if name == "claim_days":
            lo, hi = value
            return (int(lo), int(hi))
        if value is None or value == "":
            if "None" in t:
                return None
            raise InvalidInput(N_("a value is required"), field=label)
        if t.startswith("bool"):
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "y", "ใช่", "on"):
                return True
            if text in ("0", "false", "no", "n", "ไม่", "off"):
                return False
            raise InvalidInput(N_("must be yes or no"), field=label)
        if t.startswith("Decimal"):
            if isinstance(value, float):
                value = repr(value)
            dec = Decimal(str(value).strip().rstrip("%"))
            if not dec.is_finite():
                raise InvalidOperation
            return dec
        if t.startswith("int"):
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return int(value)
        if t.startswith("str"):
            return str(value)
    except (ValueError, TypeError, InvalidOperation):
        raise InvalidInput(N_("“{value}” is not a valid value"), field=label, value=str(value)) from None
    return value


def _partner(data: dict[str, Any]) -> Partner:
    data = dict(data)
    if "bank_pays_pct" in data:
        data["bank_pays_pct"] = Decimal(str(data["bank_pays_pct"]))
    return Partner(**data)


# Rules whose values are money (satang) — shown and typed in baht.
MONEY_RULES = frozenset({
    "share_value", "min_saving", "entry_deposit", "entry_fee", "max_deposit_per_meeting", "max_total_shares",
    "fine_per_miss", "installment_rounding", "interest_rounding", "max_loan_amount", "cash_holding_limit", "welfare_childbirth",
    "welfare_hospital_per_night", "welfare_hospital_yearly_cap",
})


def field_names() -> list[str]:
    return [f.name for f in dataclasses.fields(Rules)]


__all__ = [
    "ALLOCATION_POOLS",
    "DEFAULT_PARTNERS",
    "DEFAULT_SAVINGS_PRODUCTS",
    "LABELS",
    "MONEY_RULES",
    "WELFARE_TEMPLATES",
    "Partner",
    "Rules",
    "SavingsProduct",
    "field_names",
]
