"""The ledger: the bank's books as an append-only, hash-chained double-entry journal in SQLite.

The public door is :class:`~villagebank.ledger.book.Book` via :func:`open_book` / :func:`create_book`.
"""

from villagebank.ledger.book import Book, Clock, FixedClock, create_book, open_book
from villagebank.ledger.errors import (
    AccessDenied,
    BackupError,
    BookError,
    InvalidInput,
    LedgerError,
    NotFound,
    PeriodLocked,
    RuleViolation,
    StorageError,
)
from villagebank.ledger.money import Money
from villagebank.ledger.rules import Rules

__all__ = [
    "AccessDenied", "BackupError", "Book", "BookError", "Clock", "FixedClock", "InvalidInput", "LedgerError", "Money", "NotFound",
    "PeriodLocked", "RuleViolation", "Rules", "StorageError", "create_book", "open_book",
]
