"""Where things live: resources and migrations (source tree or frozen app) and the user's data.

A leaf module: stdlib and platformdirs only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "villagebank"
BOOK_SUFFIX = ".vbk"


def _install_root() -> Path:
    """The folder holding ``resources/`` and ``migrations/``.

    Frozen (PyInstaller): ``sys._MEIPASS``. Source tree or editable install: the repository root.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return _install_root() / "resources"


def migrations_dir() -> Path:
    return _install_root() / "migrations"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def locale_dir() -> Path:
    return resources_dir() / "i18n"


def icons_dir() -> Path:
    """The app icon: ``villagebank.svg`` and ``villagebank-<size>.png`` (made by packaging/make_icons.py)."""
    return resources_dir() / "icons"


def user_data_dir() -> Path:
    """The user's data folder (books and backups). ``VILLAGEBANK_HOME`` overrides it (tests, portable use)."""
    override = os.environ.get("VILLAGEBANK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_book_path() -> Path:
    return user_data_dir() / f"book{BOOK_SUFFIX}"


def backups_dir_for(book_path: Path) -> Path:
    """Backups live beside the book, in ``backups/<book stem>/``."""
    return book_path.parent / "backups" / book_path.stem
