"""What each of the bank's rules means, in plain words (shown next to the rule on the settings and
first-run screens), and how the rules are grouped. The labels themselves are the ledger's
(``ledger.rules.LABELS``); the meanings follow ``shared/domain.md``.

This is text only; it could move to the ledger if the CLI wants to print the same explanations.
"""

from __future__ import annotations

from villagebank.i18n import N_

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Shares and saving"), (
        "share_value", "min_saving", "entry_deposit", "entry_fee", "max_deposit_per_meeting", "max_total_shares",
        "withdrawals_only_on_leaving", "fine_per_miss", "suspend_after_misses", "suspension_months",
        "terminate_after_consecutive_misses", "savings_products",
    )),
    (N_("Loans"), (
        "loan_wait_months", "loan_rate_monthly_pct", "loan_method", "installment_rounding", "interest_rounding",
        "max_loan_term_months",
        "max_loan_amount", "guarantors_required", "max_guaranteed_loans", "guarantee_limit_pct_of_shares",
        "no_mutual_guarantee", "borrower_must_not_be_overdue", "loan_limited_to_cash",
    )),
    (N_("Year end"), (
        "fiscal_year_start_month", "alloc_reserve_pct", "alloc_depositors_pct", "alloc_borrowers_pct",
        "alloc_welfare_pct", "alloc_development_pct", "alloc_committee_pct", "rounding_unit", "payout_method",
    )),
    (N_("Meeting day and cash"), ("meeting_day", "cash_holding_limit")),
    (N_("Welfare"), (
        "welfare_waiting_days", "welfare_childbirth", "welfare_hospital_per_night", "welfare_hospital_yearly_cap",
        "welfare_death", "claim_days",
    )),
    (N_("Partner funds"), ("partners",)),
)

HELP: dict[str, str] = {
    "share_value": N_("The price of one share. Savings are always a whole number of shares."),
    "min_saving": N_("Every member must save at least this much at every meeting (the saving promise)."),
    "entry_deposit": N_("A new member's first saving must be at least this much."),
    "entry_fee": N_("Paid once by a new member; it is income of the bank, not the member's savings."),
    "max_deposit_per_meeting": N_("The most one member may save at one meeting, so that nobody buys a lot of "
                                  "shares just before the dividend. Leave empty for no limit."),
    "max_total_shares": N_("The most savings one member may hold in total. Leave empty for no limit."),
    "withdrawals_only_on_leaving": N_("When ticked, members take their savings out only when they leave the bank."),
    "fine_per_miss": N_("Charged when a member misses a saving at a meeting. 0 means no fine."),
    "suspend_after_misses": N_("A member who misses saving more often than this in one year may not borrow "
                               "for a while."),
    "suspension_months": N_("How long a member who missed too often must wait before borrowing again."),
    "terminate_after_consecutive_misses": N_("A member who misses this many meetings in a row stops being a "
                                             "member; the savings are paid back at year end."),
    "loan_wait_months": N_("A new member saves for this many months before the first loan."),
    "loan_rate_monthly_pct": N_("Interest each month, in percent. 1 means 1 baht a month for every 100 baht "
                                "borrowed."),
    "loan_method": N_("How interest is counted: on what is still owed (it falls as the loan is repaid), or "
                      "always on the amount first borrowed."),
    "interest_rounding": N_("Each month's interest is rounded to the nearest multiple of this amount (1.00 = whole "
                            "baht), so that it can be paid in cash."),
    "savings_products": N_("Kinds of savings members may keep besides their shares, such as voluntary savings or a "
                           "special saving to repay a Village Fund debt. Each has its own balance per member."),
    "installment_rounding": N_("Monthly repayments are rounded to this amount; the last one takes what is left."),
    "max_loan_term_months": N_("The longest time a loan may run. Leave at no limit if the committee decides "
                               "each time."),
    "max_loan_amount": N_("The largest single loan. Leave empty for no limit."),
    "guarantors_required": N_("How many members must guarantee each loan (they pay if the borrower cannot)."),
    "max_guaranteed_loans": N_("One member may guarantee at most this many loans that are not yet repaid."),
    "guarantee_limit_pct_of_shares": N_("A guarantor may guarantee at most this percentage of their own "
                                        "savings. Leave empty for no limit."),
    "no_mutual_guarantee": N_("When ticked, two members may not each guarantee the other's loan."),
    "borrower_must_not_be_overdue": N_("When ticked, a member with a late repayment cannot take a new loan."),
    "loan_limited_to_cash": N_("When ticked, a loan cannot be larger than the cash the bank has."),
    "fiscal_year_start_month": N_("The bank's year starts in this month; profit is shared out at the end "
                                  "of each year."),
    "alloc_reserve_pct": N_("Part of the year's profit kept as the bank's reserve. The six parts must add up "
                            "to 100%."),
    "alloc_depositors_pct": N_("Part of the profit given back to members by how much they saved and for how "
                               "long."),
    "alloc_borrowers_pct": N_("Part of the profit given back to members by how much loan interest they paid."),
    "alloc_welfare_pct": N_("Part of the profit put into the welfare fund for members' medical costs."),
    "alloc_development_pct": N_("Part of the profit kept for developing the group."),
    "alloc_committee_pct": N_("Part of the profit shared equally by the committee members for their work."),
    "rounding_unit": N_("Year-end amounts are rounded down to this many satang; what is left over goes to "
                        "the reserve. 1 means exact to the satang."),
    "payout_method": N_("How members receive their year-end share of the profit."),
    "meeting_day": N_("The day of each month when members come to save and repay."),
    "cash_holding_limit": N_("Cash above this should be taken to the bank account. Leave empty for no limit."),
    "welfare_waiting_days": N_("A new member must wait this many days before receiving welfare benefits."),
    "welfare_childbirth": N_("Paid each time a member gives birth."),
    "welfare_hospital_per_night": N_("Paid for each night a member stays in hospital."),
    "welfare_hospital_yearly_cap": N_("The most hospital benefit one member receives in a year."),
    "welfare_death": N_("Paid to the family when a member dies; the longer the membership, the more. Each "
                        "line: from how many days of membership, how much."),
    "claim_days": N_("Welfare claims are paid on these days of each month."),
    "partners": N_("Money the bank collects from members for another fund and passes on to it, such as the "
                   "National Savings Fund or the community welfare fund."),
}

CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "loan_method": (("declining", N_("On what is still owed (declining balance)")),
                    ("flat", N_("Always on the amount first borrowed (flat)"))),
    "payout_method": (("cash", N_("Paid in cash at a meeting")),
                      ("shares", N_("Added to the member's savings"))),
}

# Words shown after a number field.
UNITS: dict[str, str] = {
    "suspend_after_misses": N_("times"),
    "suspension_months": N_("months"),
    "terminate_after_consecutive_misses": N_("times"),
    "loan_wait_months": N_("months"),
    "max_loan_term_months": N_("months"),
    "guarantors_required": N_("people"),
    "max_guaranteed_loans": N_("loans"),
    "rounding_unit": N_("satang"),
    "welfare_waiting_days": N_("days"),
}
