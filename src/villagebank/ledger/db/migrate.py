"""Schema versions: create a new book at head, upgrade an older one (after copying it aside), refuse a
book written by a newer version of the app."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from villagebank import paths
from villagebank.i18n import N_
from villagebank.ledger.errors import BookError

if TYPE_CHECKING:  # alembic is imported only when a book is created or upgraded: 0.3-0.5 s at every start
    from alembic.config import Config
    from alembic.script import ScriptDirectory

_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]\s*$", re.M)
_DOWN_REVISION = re.compile(r"^down_revision(?:\s*:[^=]*)?\s*=\s*(?:None|['\"]([^'\"]+)['\"])\s*$", re.M)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    return cfg


@functools.cache
def script_directory() -> ScriptDirectory:
    """The revisions shipped with this version (read once per process)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


@functools.cache
def quick_head() -> str | None:
    """The head revision read from the revision files' ``revision`` and ``down_revision`` lines, without
    importing alembic; None when the files do not name exactly one head plainly (alembic then decides)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for f in sorted((paths.migrations_dir() / "versions").glob("*.py")):
        source = f.read_text(encoding="utf-8")
        rev, down = _REVISION.findall(source), _DOWN_REVISION.findall(source)
        if len(rev) != 1 or len(down) != 1:
            return None
        revisions.add(rev[0])
        if down[0]:
            downs.add(down[0])
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 and downs <= revisions else None


@functools.cache
def known_revisions() -> frozenset[str]:
    return frozenset(rev.revision for rev in script_directory().walk_revisions())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _stored_revision(engine: Engine) -> str | None:
    """The book's revision read with plain SQL (None when there is not exactly one)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except OperationalError:
        return None
    return rows[0] if len(rows) == 1 else None


def _run_upgrade(engine: Engine, target: str) -> None:
    """All revisions in one transaction (SQLite DDL is transactional), foreign keys off meanwhile."""
    from alembic import command

    cfg = _config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or SQLite ignores it
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise BookError(
                        N_("the upgraded book has broken references ({count}); the original was kept"),
                        reason="migration", count=len(problems))
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def create_schema(engine: Engine, target: str | None = None) -> None:
    """Create the tables of a new, empty book by running every revision (the same path as upgrades)."""
    _run_upgrade(engine, target or "head")


def needs_upgrade(engine: Engine) -> bool:
    head = quick_head()
    if head is not None and _stored_revision(engine) == head:  # the usual open: no alembic at all
        return False
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return False
    if current is None or current not in known_revisions():
        raise BookError(
            N_("this book was made by a newer version of villagebank; install the newer version to open it"),
            reason="newer")
    return True


def upgrade(engine: Engine, book_path: Path, backup: Callable[[], Path]) -> Path | None:
    """Upgrade the book to head when it is older; ``backup`` is called first (the verified backup procedure
    of ``ledger/backup.py``, kind ``migration``) and the path of the copy it made is returned."""
    if not needs_upgrade(engine):
        return None
    copy = backup()
    _run_upgrade(engine, "head")
    return copy


def table_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).fetchall()
    return {r[0] for r in rows}
