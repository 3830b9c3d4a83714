"""Optional user accounts and roles (off by default: a one-person bank needs none).

When the switch is on (``book.enable_access``), nothing can be recorded until someone signs in:
the *treasurer* records; a *committee* member reads, prints and verifies, and may unlock a closed period
with a reason. Passwords are stored as argon2id hashes. After 3 wrong passwords in a row the next try
must wait (5 s, then 10, 20, ... up to 5 minutes); every sign-in and every failure is in the event log,
and who recorded each entry is in its ``created_by``.

What this protects and what it does not: it stops casual use of the laptop and says who did what. It
does not encrypt the book; whoever copies the file can read it. Rewriting the books is caught by the
hash chain and the anchors kept outside the laptop, not by passwords.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from villagebank.i18n import N_, lazy
from villagebank.ledger.db import schema as s
from villagebank.ledger.errors import AccessDenied, InvalidInput, NotFound

ROLES = ("treasurer", "committee")
ROLE_LABELS = {"treasurer": N_("treasurer"), "committee": N_("committee member")}
META_KEY = "access_control"
MIN_PASSWORD = 8
FREE_TRIES = 3
FIRST_WAIT, MAX_WAIT = 5, 300

_hasher: Any = None


def hasher() -> Any:
    """argon2id with the library's recommended parameters (tests may put a cheaper one here)."""
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher, Type

        _hasher = PasswordHasher(type=Type.ID)
    return _hasher


def wait_after(failures: int) -> int:
    """Seconds to wait before the next try after ``failures`` wrong passwords in a row."""
    if failures < FREE_TRIES:
        return 0
    return min(FIRST_WAIT * 2 ** (failures - FREE_TRIES), MAX_WAIT)


def login_key(name: str) -> str:
    from villagebank.thai import normalize_text

    key = normalize_text(name or "", max_len=60, field=N_("User name")).casefold()
    if not key:
        raise InvalidInput(N_("is required"), field=N_("User name"))
    return key


def _check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise InvalidInput(N_("a password needs at least {count} characters"), field=N_("Password"),
                           count=MIN_PASSWORD)
    if len(password) > 200:
        raise InvalidInput(N_("a password may have at most {count} characters"), field=N_("Password"), count=200)
    return password


@dataclass(frozen=True)
class UserAccount:
    name: str
    display_name: str
    role: str
    active: bool
    last_login_at: str | None


def _account(row: Any) -> UserAccount:
    return UserAccount(row.name, row.display_name, row.role, bool(row.active), row.last_login_at)


class AccessMixin:
    """Sign-in, roles and user accounts on the Book; gates every write when the switch is on."""

    _session: UserAccount | None = None
    _technical_depth = 0
    _extra_roles: tuple[str, ...] = ()
    _access_on: bool | None = None

    # --- state ---------------------------------------------------------------------------------------
    @property
    def access_enabled(self) -> bool:
        """Whether user accounts are switched on for this book."""
        if self._access_on is None:
            book: Any = self
            with book._read() as conn:
                value = conn.execute(select(s.book_meta.c.value).where(s.book_meta.c.key == META_KEY)).scalar()
            self._access_on = value == "on"
        return self._access_on

    @property
    def signed_in(self) -> UserAccount | None:
        return self._session

    def users(self) -> list[UserAccount]:
        book: Any = self
        with book._read() as conn:
            return [_account(r) for r in conn.execute(select(s.user_account).order_by(s.user_account.c.name))]

    # --- the gate ------------------------------------------------------------------------------------
    @contextmanager
    def _technical(self) -> Iterator[None]:
        """Writes that are not bookkeeping (event log, sign-in counters) pass the role check."""
        self._technical_depth += 1
        try:
            yield
        finally:
            self._technical_depth -= 1

    @contextmanager
    def _roles(self, *roles: str) -> Iterator[None]:
        """Also allow ``roles`` (besides the treasurer) for the writes inside."""
        before = self._extra_roles
        self._extra_roles = before + roles
        try:
            yield
        finally:
            self._extra_roles = before

    def _require_write(self) -> None:
        book: Any = self
        if self._technical_depth or book.readonly or not self.access_enabled:
            return
        if self._session is None:
            raise AccessDenied(N_("this book has user accounts: sign in before recording anything"),
                               reason="signin")
        if self._session.role not in ("treasurer", *self._extra_roles):
            raise AccessDenied(N_("a {role} cannot record this: sign in as the treasurer"), reason="role",
                               role=lazy(ROLE_LABELS.get(self._session.role, self._session.role)))

    @contextmanager
    def _write(self) -> Iterator[Any]:
        self._require_write()
        with super()._write() as conn:  # type: ignore[misc]
            yield conn

    def log_event(self, kind: str, detail: str = "") -> None:
        with self._technical():
            super().log_event(kind, detail)  # type: ignore[misc]

    def _check_clock_at_open(self) -> None:
        with self._technical():
            super()._check_clock_at_open()  # type: ignore[misc]

    def _log(self, conn: Any, kind: str, detail: str) -> None:
        if self._session is not None:
            detail = f"{detail} [{self._session.name}]"
        super()._log(conn, kind, detail)  # type: ignore[misc]

    def unlock_period(self, lock_id: int, reason: str) -> None:
        """The committee may unlock a closed period too (with a reason, logged with who did it)."""
        with self._roles("committee"):
            super().unlock_period(lock_id, reason)  # type: ignore[misc]

    # --- switching on and off --------------------------------------------------------------------------
    def enable_access(self, name: str, password: str, display_name: str = "") -> UserAccount:
        """Switch user accounts on, creating the first treasurer (who is then signed in)."""
        if self.access_enabled:
            raise InvalidInput(N_("user accounts are already switched on"))
        book: Any = self
        key = login_key(name)
        with self._technical(), book._write() as conn:
            self._insert_user(conn, key, password, "treasurer", display_name)
            conn.execute(s.book_meta.delete().where(s.book_meta.c.key == META_KEY))
            conn.execute(s.book_meta.insert().values(key=META_KEY, value="on"))
            book._log(conn, "access", f"user accounts switched on; first treasurer {key}")
        self._access_on = True
        self._sign_in(key)
        assert self._session is not None
        return self._session

    def disable_access(self) -> None:
        """Switch user accounts off (the signed-in treasurer only). The accounts are kept."""
        book: Any = self
        with book._write() as conn:
            conn.execute(s.book_meta.update().where(s.book_meta.c.key == META_KEY).values(value="off"))
            book._log(conn, "access", "user accounts switched off")
        self._access_on = False

    # --- accounts --------------------------------------------------------------------------------------
    def _insert_user(self, conn: Any, key: str, password: str, role: str, display_name: str) -> None:
        from villagebank.thai import normalize_text

        book: Any = self
        if role not in ROLES:
            raise InvalidInput(N_("must be one of: {allowed}"), field=N_("Role"), allowed=", ".join(ROLES))
        _check_password(password)
        if conn.execute(select(s.user_account.c.id).where(s.user_account.c.name == key)).first():
            raise InvalidInput(N_("the user name “{name}” is already taken"), field=N_("User name"), name=key)
        conn.execute(s.user_account.insert().values(
            name=key, display_name=normalize_text(display_name or "", max_len=100, field=N_("Name")), role=role,
            pw_hash=hasher().hash(password), active=True, created_at=book._now(),
            created_by=self._session.name if self._session else book.user, failed_count=0))

    def add_user(self, name: str, password: str, role: str, display_name: str = "") -> UserAccount:
        """A new account (the treasurer does this once accounts are on)."""
        book: Any = self
        key = login_key(name)
        with book._write() as conn:
            self._insert_user(conn, key, password, role, display_name)
            book._log(conn, "access", f"account {key} added as {role}")
        return self._get(key)

    def set_password(self, name: str, new_password: str, old_password: str | None = None) -> None:
        """Change a password: one's own (signed in; ``old_password`` is checked when given), or anyone's as the
        signed-in treasurer. With accounts switched off, anyone may set one."""
        book: Any = self
        key = login_key(name)
        account_row = self._row(key)
        own = self._session is not None and self._session.name == key
        treasurer = self._session is not None and self._session.role == "treasurer"
        if (self.access_enabled and not (treasurer or own)) or \
                (old_password is not None and not _verify(account_row.pw_hash, old_password)):
            raise AccessDenied(N_("wrong name or password"), reason="wrong")
        _check_password(new_password)
        with self._technical(), book._write() as conn:
            conn.execute(s.user_account.update().where(s.user_account.c.name == key)
                         .values(pw_hash=hasher().hash(new_password), failed_count=0, last_failed_at=None))
            book._log(conn, "access", f"password of {key} changed")

    def set_user_active(self, name: str, active: bool) -> None:
        book: Any = self
        key = login_key(name)
        row = self._row(key)
        with book._write() as conn:
            if not active and row.role == "treasurer":
                others = conn.execute(select(func.count()).select_from(s.user_account).where(
                    s.user_account.c.role == "treasurer", s.user_account.c.active.is_(True),
                    s.user_account.c.name != key)).scalar()
                if not others:
                    raise InvalidInput(N_("the last treasurer's account cannot be switched off"))
            conn.execute(s.user_account.update().where(s.user_account.c.name == key).values(active=active))
            book._log(conn, "access", f"account {key} {'activated' if active else 'deactivated'}")

    def _row(self, key: str) -> Any:
        book: Any = self
        with book._read() as conn:
            row = conn.execute(select(s.user_account).where(s.user_account.c.name == key)).first()
        if row is None:
            raise NotFound(N_("there is no user “{name}”"), name=key)
        return row

    def _get(self, key: str) -> UserAccount:
        return _account(self._row(key))

    # --- signing in ------------------------------------------------------------------------------------
    def wait_before_login(self, name: str) -> int:
        """Seconds before ``name`` may try again (0 when a try is allowed now)."""
        try:
            row = self._row(login_key(name))
        except (NotFound, InvalidInput):
            return 0
        return self._wait_left(row)

    def _wait_left(self, row: Any) -> int:
        book: Any = self
        wait = wait_after(row.failed_count or 0)
        if not wait or not row.last_failed_at:
            return 0
        try:
            until = dt.datetime.fromisoformat(row.last_failed_at) + dt.timedelta(seconds=wait)
        except ValueError:
            return wait
        left = (until - book.clock.now()).total_seconds()
        return max(0, int(left + 0.999))

    def login(self, name: str, password: str) -> UserAccount:
        """Sign in. Raises :class:`AccessDenied`: ``wrong`` (name or password), or ``wait`` with
        ``wait_seconds`` after repeated wrong passwords. Every try is logged."""
        book: Any = self
        key = login_key(name)
        with book._read() as conn:
            row = conn.execute(select(s.user_account).where(s.user_account.c.name == key)).first()
        if row is None or not row.active:
            _verify(_dummy_hash(), password or "")  # the same time for an unknown name
            self._record(None, "login_failed", f"unknown or inactive user {key[:60]}")
            raise AccessDenied(N_("wrong name or password"), reason="wrong")
        wait = self._wait_left(row)
        if wait:
            raise AccessDenied(N_("too many wrong passwords: wait {seconds} seconds before trying again"),
                               reason="wait", wait_seconds=wait, seconds=wait)
        if not _verify(row.pw_hash, password or ""):
            failures = (row.failed_count or 0) + 1
            self._record({"failed_count": failures, "last_failed_at": book._now()}, "login_failed",
                         f"{key}: wrong password ({failures} in a row; next try after {wait_after(failures)} s)",
                         key=key)
            raise AccessDenied(N_("wrong name or password"), reason="wrong", wait_seconds=wait_after(failures))
        changes: dict[str, Any] = {"failed_count": 0, "last_failed_at": None, "last_login_at": book._now()}
        if hasher().check_needs_rehash(row.pw_hash):
            changes["pw_hash"] = hasher().hash(password)
        self._record(changes, "login", f"{key} signed in as {row.role}", key=key)
        self._sign_in(key)
        assert self._session is not None
        return self._session

    def _record(self, changes: dict[str, Any] | None, kind: str, detail: str, key: str | None = None) -> None:
        book: Any = self
        if book.readonly:
            return
        with self._technical(), book._write() as conn:
            if changes and key:
                conn.execute(s.user_account.update().where(s.user_account.c.name == key).values(**changes))
            book._log(conn, kind, detail)

    def _sign_in(self, key: str) -> None:
        book: Any = self
        self._session = self._get(key)
        book.user = key

    def logout(self) -> None:
        book: Any = self
        if self._session is not None and not book.readonly:
            name = self._session.name
            with self._technical(), book._write() as conn:
                book._log(conn, "logout", f"{name} signed out")
        self._session = None


def _verify(pw_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return bool(hasher().verify(pw_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_dummy: str | None = None


def _dummy_hash() -> str:
    global _dummy
    if _dummy is None:
        _dummy = hasher().hash("villagebank-no-such-user")
    return _dummy
