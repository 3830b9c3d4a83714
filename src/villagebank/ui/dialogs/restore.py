"""Restoring a backup: the file is checked first (in a temporary copy) and what it would restore is shown —
the bank, the last entry and its date, when it was made, members and entries — or why it is refused
(not a book, another bank's book, damaged, from a newer version). Only then, and only after a clear "yes",
the book is replaced; the replaced book is kept aside under a dated name.

The damaged-book screen (:class:`DamagedBookDialog`) offers the same restore, or opening the book read-only
to look at it (never to record).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from villagebank import paths
from villagebank.i18n import N_, _
from villagebank.ledger.backup import BackupInfo, RestoreCheck
from villagebank.thai import format_date, format_number
from villagebank.ui.qt import ERROR_COLOR, Texts, font_role, heading, note_label, tone

RESTORE, READ_ONLY, CHOOSE = 10, 11, 12


def made_text(info: BackupInfo) -> str:
    if info.created_at is None:
        return _("unknown (a plain copy of a book)")
    return f"{format_date(info.created_at.date())} {info.created_at:%H:%M}"


def backup_facts(info: BackupInfo) -> list[tuple[str, str]]:
    """What a backup holds, as (label, value) lines the treasurer can read."""
    return [
        (_("Bank"), info.bank_name),
        (_("Made"), made_text(info)),
        (_("Last entry"), _("number {seq} of {date}").format(
            seq=info.last_seq, date=format_date(info.last_date) if info.last_date else "-")),
        (_("Members"), format_number(info.members)),
        (_("Entries"), format_number(info.entries)),
        (_("File"), str(info.path)),
    ]


def facts_label(info: BackupInfo) -> QLabel:
    label = QLabel("\n".join(f"{k}: {v}" for k, v in backup_facts(info)))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RestoreDialog(QDialog):
    """Shows a :class:`RestoreCheck`; accepted only when the check passed and the user said yes."""

    def __init__(self, check: RestoreCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.texts = Texts()
        t = self.texts
        t.set(self.setWindowTitle, N_("Restore from a backup"))
        layout = QVBoxLayout(self)
        if not check.ok:
            layout.addWidget(heading(t, N_("This file cannot be restored"), 1.15))
            reason = QLabel(check.error.message() if check.error else "")
            reason.setWordWrap(True)
            tone(reason, ERROR_COLOR)
            layout.addWidget(reason)
            layout.addWidget(note_label(t, N_("Nothing was changed. Choose another backup file.")))
            if detail := getattr(check.error, "technical", ""):  # SQLite's own words, for the person helping
                technical = QLabel(_("Technical detail for the person helping you: {detail}").format(detail=detail))
                technical.setWordWrap(True)
                technical.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                layout.addWidget(technical)
        else:
            assert check.info is not None
            layout.addWidget(heading(t, N_("This backup would restore:"), 1.15))
            layout.addWidget(facts_label(check.info))
            for warning in check.warnings:
                w = QLabel("! " + warning.message())
                w.setWordWrap(True)
                tone(w, ERROR_COLOR)
                layout.addWidget(w)
            layout.addWidget(note_label(t, N_("The book as it is now is kept aside under a dated name in its folder, "
                                              "so nothing is lost. The program opens the restored book afterwards.")))
        self.yes_button = QPushButton()
        t.set(self.yes_button.setText, N_("&Replace the book with this backup"))
        self.yes_button.setVisible(check.ok)
        self.no_button = QPushButton()
        t.set(self.no_button.setText, N_("Go back"))
        self.no_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.no_button)
        layout.addLayout(buttons)
        self.yes_button.clicked.connect(self.accept)
        self.no_button.clicked.connect(self.reject)
        self.resize(max(680, self.sizeHint().width()), self.sizeHint().height())


def choose_backup_file(parent: QWidget | None, book_path: Path) -> Path | None:
    folder = paths.backups_dir_for(book_path)
    start = str(folder if folder.exists() else book_path.parent)
    name, _filter = QFileDialog.getOpenFileName(parent, _("Choose a backup file"), start,
                                                _("Village bank books (*.vbk);;All files (*)"))
    return Path(name) if name else None


class DamagedBookDialog(QDialog):
    """A damaged book: restore it from a backup (the newest is offered), or look at it read-only.

    ``done(RESTORE)`` with :attr:`file` set, ``done(READ_ONLY)``, or rejected (close)."""

    def __init__(self, book_path: Path, message: str, newest: BackupInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book_path = book_path
        self.file: Path | None = None
        self.texts = Texts()
        t = self.texts
        t.set(self.setWindowTitle, N_("The book is damaged"))
        layout = QVBoxLayout(self)
        title = heading(t, N_("The book is damaged and cannot be used for recording"), 1.3)
        tone(title, ERROR_COLOR)
        layout.addWidget(title)
        text = QLabel(message)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
        layout.addWidget(note_label(t, N_("Nothing more can be recorded in it. Restore it from a backup: the entries "
                                          "made after that backup must then be typed again from the receipts. You "
                                          "may also open it read-only to look at it and print.")))
        self.newest = newest
        self.restore_button = QPushButton()
        if newest is not None:
            layout.addWidget(heading(t, N_("The newest backup:"), 1.05))
            layout.addWidget(facts_label(newest))
            t.set(self.restore_button.setText, N_("&Restore the newest backup…"))
        else:
            t.set(self.restore_button.setText, N_("&Restore from a backup file…"))
        self.other_button = QPushButton()
        t.set(self.other_button.setText, N_("Restore from &another file…"))
        self.other_button.setVisible(newest is not None)
        self.view_button = QPushButton()
        t.set(self.view_button.setText, N_("Open it read-only to &look"))
        self.close_button = QPushButton()
        t.set(self.close_button.setText, N_("Close"))
        font_role(self.restore_button, 1.05, bold=True)
        self.restore_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.other_button)
        buttons.addWidget(self.view_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self._restore_newest)
        self.other_button.clicked.connect(self._restore_other)
        self.view_button.clicked.connect(lambda: self.done(READ_ONLY))
        self.close_button.clicked.connect(self.reject)
        self.resize(max(820, self.sizeHint().width()), max(480, self.sizeHint().height()))

    def _restore_newest(self) -> None:
        if self.newest is None:
            self._restore_other()
            return
        self.file = self.newest.path
        self.done(RESTORE)

    def _restore_other(self) -> None:
        file = choose_backup_file(self, self.book_path)
        if file is not None:
            self.file = file
            self.done(RESTORE)
