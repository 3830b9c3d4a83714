"""Ledger errors: data, not text. Each carries a code, parameters and an ``N_`` template; the UI and the
CLI render them in the user's language (``str(err)``)."""

from __future__ import annotations

from villagebank.i18n import UserError


class LedgerError(UserError):
    code = "ledger"


class InvalidInput(LedgerError):
    """Typed or imported input is malformed or out of range (names the field)."""

    code = "invalid_input"


class RuleViolation(LedgerError):
    """A bank rule refuses the command; the message names the rule and the numbers."""

    code = "rule"

    def __init__(self, template: str, rule: str | None = None, field: str | None = None, **params: object):
        super().__init__(template, field=field, **params)
        self.rule = rule


class NotFound(LedgerError):
    code = "not_found"


class PeriodLocked(LedgerError):
    code = "period_locked"


class BookError(LedgerError):
    """The book file cannot be opened or used (not a book, newer version, in use, damaged...)."""

    code = "book"

    def __init__(self, template: str, reason: str = "book", **params: object):
        super().__init__(template, **params)
        self.reason = reason


class StorageError(LedgerError):
    """The disk refused a write (full, read-only, I/O error): nothing was saved."""

    code = "storage"

    def __init__(self, template: str, reason: str = "io", **params: object):
        super().__init__(template, **params)
        self.reason = reason


class BackupError(LedgerError):
    """A backup could not be made, or a file offered for restore was refused (``reason`` says why:
    ``missing``, ``not_a_book``, ``other_bank``, ``damaged``, ``newer``, ``full``, ``readonly``, ``io``,
    ``verify``)."""

    code = "backup"

    def __init__(self, template: str, reason: str = "io", **params: object):
        super().__init__(template, **params)
        self.reason = reason


class AccessDenied(LedgerError):
    """Access control refused: wrong name or password, a role without the right, or wait before retrying
    (``wait_seconds``)."""

    code = "access"

    def __init__(self, template: str, reason: str = "denied", wait_seconds: int = 0, **params: object):
        super().__init__(template, **params)
        self.reason = reason
        self.wait_seconds = wait_seconds
