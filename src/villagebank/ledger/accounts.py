"""The chart of accounts (domain.md §2). Member, loan and partner sub-ledgers are dimensions on the
posting rows (``member_no``, ``loan_no``) and per-partner payable accounts (``payable:<partner>``).

Signs: debit amounts are positive, credit amounts negative. Asset and expense accounts normally have a
positive (debit) balance; liability, equity and income accounts a negative (credit) one.
"""

from __future__ import annotations

from dataclasses import dataclass

from villagebank.i18n import N_

ASSET, LIABILITY, EQUITY, INCOME, EXPENSE = "asset", "liability", "equity", "income", "expense"
TYPES = (ASSET, LIABILITY, EQUITY, INCOME, EXPENSE)
CREDIT_NORMAL = frozenset({LIABILITY, EQUITY, INCOME})

CASH = "cash"
BANK = "bank:main"
LOANS = "loans"
SHARES = "shares"
PAYOUTS_PAYABLE = "payable:payouts"
FORMER_MEMBERS = "payable:former_members"
RESERVE = "fund:reserve"
WELFARE_FUND = "fund:welfare"
DEVELOPMENT_FUND = "fund:development"
OPENING_EQUITY = "equity:opening"
INTEREST_INCOME = "income:interest"
ENTRY_FEE_INCOME = "income:entry_fee"
FINE_INCOME = "income:fine"
BANK_INTEREST_INCOME = "income:bank_interest"
OTHER_INCOME = "income:other"
CASH_OVER = "income:cash_over"
CASH_SHORT = "expense:cash_short"
OTHER_EXPENSE = "expense:other"


@dataclass(frozen=True)
class AccountDef:
    code: str
    type: str
    name: str  # msgid, translated for display


DEFAULT_CHART: tuple[AccountDef, ...] = (
    AccountDef(CASH, ASSET, N_("Cash on hand")),
    AccountDef(BANK, ASSET, N_("Bank deposit account")),
    AccountDef(LOANS, ASSET, N_("Loans to members")),
    AccountDef(SHARES, EQUITY, N_("Members' shares (savings)")),
    AccountDef(PAYOUTS_PAYABLE, LIABILITY, N_("Dividends and refunds payable")),
    AccountDef(FORMER_MEMBERS, LIABILITY, N_("Due to former members")),
    AccountDef(RESERVE, EQUITY, N_("Reserve fund")),
    AccountDef(WELFARE_FUND, EQUITY, N_("Welfare fund")),
    AccountDef(DEVELOPMENT_FUND, EQUITY, N_("Group development fund")),
    AccountDef(OPENING_EQUITY, EQUITY, N_("Opening balances")),
    AccountDef(INTEREST_INCOME, INCOME, N_("Loan interest")),
    AccountDef(ENTRY_FEE_INCOME, INCOME, N_("Entry fees")),
    AccountDef(FINE_INCOME, INCOME, N_("Fines")),
    AccountDef(BANK_INTEREST_INCOME, INCOME, N_("Bank interest")),
    AccountDef(OTHER_INCOME, INCOME, N_("Other income")),
    AccountDef(CASH_OVER, INCOME, N_("Cash over")),
    AccountDef("expense:office", EXPENSE, N_("Office supplies")),
    AccountDef("expense:meeting", EXPENSE, N_("Meeting costs")),
    AccountDef("expense:travel", EXPENSE, N_("Travel")),
    AccountDef("expense:bank_fee", EXPENSE, N_("Bank fees")),
    AccountDef(CASH_SHORT, EXPENSE, N_("Cash short")),
    AccountDef(OTHER_EXPENSE, EXPENSE, N_("Other expenses")),
)


def partner_payable(partner_key: str) -> str:
    return f"payable:{partner_key}"


def savings_account(product_key: str) -> str:
    return f"savings:{product_key}"


def account_type_of(code: str) -> str | None:
    """The type implied by a code's prefix, for accounts created on the fly (``expense:<name>``)."""
    prefix = code.split(":", 1)[0]
    return {
        "expense": EXPENSE, "income": INCOME, "payable": LIABILITY, "bank": ASSET, "fund": EQUITY,
        "savings": LIABILITY,
    }.get(prefix)


def normal_balance(type_: str, amount: int) -> int:
    """A balance shown the way the book reads it: positive for a normal balance of that account type."""
    return -amount if type_ in CREDIT_NORMAL else amount
