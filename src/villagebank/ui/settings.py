"""User-interface preferences (QSettings): language, text size, the last book, window state.

The bank's rules live in the book (they are audited and backed up with it); only preferences of this
computer's user live here. The file is ``settings.ini`` in the user's data folder, so a portable copy on
a USB stick (``VILLAGEBANK_HOME``) carries its preferences, and tests stay isolated.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

from villagebank import paths
from villagebank.i18n import LANGUAGES
from villagebank.ui.qt import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE


class Prefs:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.user_data_dir() / "settings.ini"
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    # --- language and text size ---------------------------------------------------------------
    def language(self, default: str) -> str:
        value = str(self.qs.value("ui/language", "") or "")
        return value if value in LANGUAGES else default

    def set_language(self, lang: str) -> None:
        self.qs.setValue("ui/language", lang)

    def font_size(self) -> int:
        try:
            size = int(self.qs.value("ui/font_size", DEFAULT_POINT_SIZE))
        except (TypeError, ValueError):
            size = DEFAULT_POINT_SIZE
        return max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))

    def set_font_size(self, size: int) -> None:
        self.qs.setValue("ui/font_size", int(size))

    # --- books ---------------------------------------------------------------------------------
    def last_book(self) -> Path | None:
        value = str(self.qs.value("book/last", "") or "")
        return Path(value) if value else None

    def set_last_book(self, path: Path | None) -> None:
        self.qs.setValue("book/last", str(path) if path else "")

    # --- window state --------------------------------------------------------------------------
    def save_window(self, name: str, window: QWidget) -> None:
        self.qs.setValue(f"window/{name}/geometry", window.saveGeometry())
        if isinstance(window, QMainWindow):
            self.qs.setValue(f"window/{name}/state", window.saveState())

    def restore_window(self, name: str, window: QWidget) -> bool:
        geometry = self.qs.value(f"window/{name}/geometry")
        restored = isinstance(geometry, QByteArray | bytes) and bool(window.restoreGeometry(geometry))
        state = self.qs.value(f"window/{name}/state")
        if isinstance(window, QMainWindow) and isinstance(state, QByteArray | bytes):
            window.restoreState(state)
        return restored

    def value(self, key: str, default: str = "") -> str:
        return str(self.qs.value(key, default) or default)

    def set_value(self, key: str, value: str) -> None:
        self.qs.setValue(key, value)

    def sync(self) -> None:
        self.qs.sync()
