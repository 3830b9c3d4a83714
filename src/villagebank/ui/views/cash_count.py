"""Counting the cash by notes and coins, with the difference from the book shown as the pieces are typed.

Used when a meeting closes and for a count outside a meeting (cash book). Enter moves to the next box (the
count is typed from the top down), so it never closes the dialog by accident; a reason is asked for only
when the count differs from the book.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from villagebank.i18n import N_, _
from villagebank.ledger.cashbook import DENOMINATIONS
from villagebank.thai import format_amount
from villagebank.ui.qt import ERROR_COLOR, Texts, error_label, font_role, muted, tone
from villagebank.ui.views.fields import IntSpin

NOTES = tuple(d for d in DENOMINATIONS if d >= 2000)  # 1000, 500, 100, 50, 20 baht notes
COINS = tuple(d for d in DENOMINATIONS if d < 2000)  # 10, 5, 2, 1 baht; 50, 25 satang


def denomination_label(satang: int) -> str:
    if satang >= 2000:
        return _("{value} baht note").format(value=f"{satang // 100:,}")
    if satang >= 100:
        return _("{value} baht coin").format(value=satang // 100)
    return _("{value} satang coin").format(value=satang)


class _EnterIsTab(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            widget = obj if isinstance(obj, QWidget) else None
            if widget is not None:
                widget.focusNextChild()
            return True
        return False


class CashCountForm(QWidget):
    """Pieces of each note and coin; ``counts()`` → {denomination satang: pieces}."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.book_balance = 0
        self.spins: dict[int, IntSpin] = {}
        self.subtotals: dict[int, QLabel] = {}
        self._enter = _EnterIsTab(self)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        for group, title in ((NOTES, N_("Notes")), (COINS, N_("Coins"))):
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(4)
            head = QLabel()
            self.texts.set(head.setText, title)
            font_role(head, 1.05, bold=True)
            grid.addWidget(head, 0, 0, 1, 3)
            for i, denom in enumerate(group, start=1):
                label = QLabel()
                self.texts.call(lambda lbl=label, d=denom: lbl.setText(denomination_label(d)))
                spin = IntSpin(0, 99_999)
                spin.setObjectName(f"count_{denom}")
                spin.installEventFilter(self._enter)
                label.setBuddy(spin)
                sub = QLabel("–")
                sub.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                sub.setMinimumWidth(sub.fontMetrics().horizontalAdvance("888,888.00") + 8)
                muted(sub)
                grid.addWidget(label, i, 0)
                grid.addWidget(spin, i, 1)
                grid.addWidget(sub, i, 2)
                self.spins[denom] = spin
                self.subtotals[denom] = sub
                spin.valueChanged.connect(self._update)
            grid.setRowStretch(len(group) + 1, 1)
            columns.addLayout(grid)
        columns.addStretch(1)

        self.counted_label = QLabel()
        self.book_label = QLabel()
        self.diff_label = QLabel()
        for w in (self.counted_label, self.book_label, self.diff_label):
            font_role(w, 1.1, bold=w is not self.book_label)
        sums = QGridLayout()
        sums.setHorizontalSpacing(16)
        for row, (msgid, value) in enumerate(((N_("Cash counted"), self.counted_label),
                                              (N_("Cash in the book"), self.book_label),
                                              (N_("Difference"), self.diff_label))):
            label = QLabel()
            self.texts.set(label.setText, msgid)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            sums.addWidget(label, row, 0)
            sums.addWidget(value, row, 1)
        sums.setColumnStretch(2, 1)
        self.reason_label = QLabel()
        self.texts.set(self.reason_label.setText, N_("&Why is it different?"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(300)
        self.texts.set(self.reason.setPlaceholderText, N_("for example: a 25-satang coin short, no change"))
        self.reason_label.setBuddy(self.reason)
        self.error = QLabel()
        error_label(self.error)
        self.error.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns)
        layout.addSpacing(6)
        layout.addLayout(sums)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        self.reason.textChanged.connect(lambda: self.error.setVisible(False))
        self.texts.call(self._update)

    def set_book_balance(self, satang: int) -> None:
        self.book_balance = satang
        self._update()

    def set_counts(self, counts: dict[int, int]) -> None:
        for denom, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(counts.get(denom, 0))
            spin.blockSignals(False)
        self._update()

    def counts(self) -> dict[int, int]:
        return {d: s.value() for d, s in self.spins.items() if s.value()}

    def counted(self) -> int:
        return sum(d * s.value() for d, s in self.spins.items())

    def difference(self) -> int:
        return self.counted() - self.book_balance

    def first_field(self) -> QWidget:
        return self.spins[NOTES[0]]

    def check(self) -> bool:
        """A different count needs a reason (the ledger would refuse it too)."""
        if self.difference() and not self.reason.text().strip():
            self.error.setText(_("The count differs from the book: please write why."))
            self.error.setVisible(True)
            self.reason.setFocus()
            return False
        return True

    def _update(self) -> None:
        for denom, spin in self.spins.items():
            value = denom * spin.value()
            self.subtotals[denom].setText(format_amount(value) if value else "–")
        self.counted_label.setText(format_amount(self.counted()))
        self.book_label.setText(format_amount(self.book_balance))
        diff = self.difference()
        if diff == 0:
            self.diff_label.setText(_("none — the count matches the book"))
            tone(self.diff_label, QColor("#1b5e20"))
        else:
            words = _("{amount} more than the book") if diff > 0 else _("{amount} less than the book")
            self.diff_label.setText(words.format(amount=format_amount(abs(diff))))
            tone(self.diff_label, ERROR_COLOR)
        different = diff != 0
        self.reason_label.setEnabled(different)
        self.reason.setEnabled(different)
        self.changed.emit()
