"""A form grid: label, field, the field's error in red right under it, and an optional explanation.

Errors name the field: a ``UserError`` from the ledger carries the field's label (an ``N_`` msgid), and
:meth:`FormGrid.show_error` finds the field by that label, shows the message under it, frames it in red
and puts the cursor there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from villagebank.i18n import UserError, _
from villagebank.ui.qt import Texts, error_label, font_role, mark_error, note_label


@dataclass
class Row:
    key: str
    label_msgid: str
    widget: QWidget
    label: QLabel
    error: QLabel
    note: QLabel | None
    check: Callable[[], str | None] | None
    page: int = 0


class FormGrid(QWidget):
    """Rows of ``label | field [error below] | note``. Keys are the ledger's field names."""

    def __init__(self, texts: Texts, parent: QWidget | None = None, *, notes: bool = False) -> None:
        super().__init__(parent)
        self.texts = texts
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 2 if notes else 1)
        if notes:
            self.grid.setColumnStretch(2, 3)
            # Long Thai labels wrap less when the label column has room for about 24 characters.
            self.grid.setColumnMinimumWidth(0, self.fontMetrics().horizontalAdvance("ก" * 24))
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(8)
        self.rows: dict[str, Row] = {}
        self._next = 0
        self.notes = notes
        self.on_show_error: Callable[[Row], None] | None = None

    def add_section(self, msgid: str) -> QLabel:
        label = QLabel()
        self.texts.set(label.setText, msgid)
        font_role(label, 1.1, bold=True)
        if self._next:
            label.setContentsMargins(0, 10, 0, 0)
        self.grid.addWidget(label, self._next, 0, 1, 3 if self.notes else 2)
        self._next += 1
        return label

    def add(self, key: str, label_msgid: str, widget: QWidget, *, note: str | None = None,
            required: bool = False, check: Callable[[], str | None] | None = None,
            label_params: dict | None = None, wide: bool = False) -> Row:
        """Add a row. ``check`` runs when the field is left (or a date is picked); ``wide`` lets the field
        take the note's column too (lists and tables), with the note above it."""
        label = QLabel()
        params = label_params or {}
        if required:
            self.texts.set(lambda text: label.setText(f"{text}\u00a0*"), label_msgid, **params)  # * stays with its word
        else:
            self.texts.set(label.setText, label_msgid, **params)
        label.setBuddy(widget)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setWordWrap(True)
        label.setContentsMargins(0, 4, 0, 0)
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if wide and note:
            box.addWidget(note_label(self.texts, note))
        box.addWidget(widget)
        error = QLabel()
        error_label(error)
        error.setWordWrap(True)
        error.setVisible(False)
        box.addWidget(error)
        self.grid.addWidget(label, self._next, 0)
        self.grid.addWidget(cell, self._next, 1, 1, 2 if wide and self.notes else 1)
        note_widget = None
        if note and not wide:
            note_widget = note_label(self.texts, note)
            if self.notes:
                note_widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                note_widget.setContentsMargins(0, 4, 0, 0)
                self.grid.addWidget(note_widget, self._next, 2)
            else:
                box.addWidget(note_widget)
        self._next += 1
        row = Row(key, label_msgid, widget, label, error, note_widget, check)
        self.rows[key] = row
        if check is not None:
            target = getattr(widget, "line", widget)
            if hasattr(target, "editingFinished"):
                target.editingFinished.connect(lambda k=key: self.check(k))
            if hasattr(widget, "dateChanged"):
                widget.dateChanged.connect(lambda _d, k=key: self.check(k))
        # A refusal under a field goes away as soon as the treasurer edits that field (it stayed on screen
        # after the number had been put right: found by reading the manual cold).
        target = getattr(widget, "line", widget)
        if hasattr(target, "textEdited"):
            target.textEdited.connect(lambda _t, k=key: self._edited(k))
        elif hasattr(widget, "activated"):
            widget.activated.connect(lambda _i, k=key: self._edited(k))
        return row

    def _edited(self, key: str) -> None:
        if self.rows[key].error.isVisible():
            self.set_error(key, None)

    # --- errors ----------------------------------------------------------------------------------
    def set_error(self, key: str, message: str | None) -> None:
        row = self.rows[key]
        row.error.setText(message or "")
        row.error.setVisible(bool(message))
        target = getattr(row.widget, "line", row.widget)
        mark_error(target, bool(message))

    def clear_errors(self) -> None:
        for key in self.rows:
            self.set_error(key, None)

    def check(self, key: str) -> bool:
        """Run the row's own check (on leaving the field); shows or clears its error."""
        row = self.rows[key]
        if row.check is None:
            return True
        message = row.check()
        self.set_error(key, message)
        return message is None

    def check_all(self) -> list[str]:
        """Check every row; returns the keys in error (first one gets the focus)."""
        bad = [key for key in self.rows if not self.check(key)]
        if bad:
            self.focus(bad[0])
        return bad

    def key_for_label(self, label: str | None) -> str | None:
        if not label:
            return None
        for key, row in self.rows.items():
            if label in (row.label_msgid, _(row.label_msgid)):
                return key
        return None

    def show_error(self, exc: UserError) -> bool:
        """Put a ledger error under the field it names. False when no field of this form is named."""
        key = self.key_for_label(exc.field)
        if key is None:
            return False
        message = exc.message()
        prefix = f"{_(exc.field)}: " if exc.field else ""
        self.set_error(key, message[len(prefix):] if prefix and message.startswith(prefix) else message)
        self.focus(key)
        return True

    def focus(self, key: str) -> None:
        row = self.rows[key]
        if self.on_show_error is not None:
            self.on_show_error(row)
        row.widget.setFocus(Qt.FocusReason.OtherFocusReason)
