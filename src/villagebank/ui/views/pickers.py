"""Small pickers the loan, welfare, year-end and report screens share: a member by number (the name shown
beside it), a month with a B.E. year, a fiscal year in B.E., a partner fund."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSpinBox, QWidget

from villagebank.i18n import N_, _
from villagebank.ledger import Book, LedgerError
from villagebank.ledger.dto import Member
from villagebank.ledger.members import STATUS_LABELS
from villagebank.thai import BE_OFFSET, month_name, to_arabic_digits
from villagebank.ui.qt import Texts, mark_error, muted, tone
from villagebank.ui.views.fields import CharFilter


class MemberPicker(QWidget):
    """Type a member number; the member's name (and status when not active) shows beside it at once.

    ``memberChanged(member_or_None)`` on every change; ``member()`` reads it."""

    memberChanged = Signal(object)

    def __init__(self, book: Book, parent: QWidget | None = None, *, placeholder: str = N_("number")) -> None:
        super().__init__(parent)
        self.book = book
        self.texts = Texts()
        self.edit = QLineEdit()
        self.edit.setValidator(CharFilter("", self.edit))
        self.edit.setMaxLength(7)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("8888888") + 24)
        self.texts.set(self.edit.setPlaceholderText, placeholder)
        self.name = QLabel()
        self.name.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.name, 1)
        self.setFocusProxy(self.edit)
        self._member: Member | None = None
        self.edit.textChanged.connect(self._changed)
        self.texts.call(self._show_name, now=False)

    def number(self) -> int | None:
        text = to_arabic_digits(self.edit.text().strip())
        return int(text) if text.isdigit() else None

    def member(self) -> Member | None:
        return self._member

    def set_number(self, no: int | None) -> None:
        self.edit.setText("" if no is None else str(no))

    def _changed(self) -> None:
        no = self.number()
        member = None
        if no is not None:
            try:
                member = self.book.member(no)
            except LedgerError:
                member = None
        self._member = member
        self._show_name()
        self.memberChanged.emit(member)

    def _show_name(self) -> None:
        member, no = self._member, self.number()
        if member is not None:
            text = member.full_name
            if member.status != "active":
                text += " " + _("({status})").format(status=_(STATUS_LABELS.get(member.status, member.status)))
            self.name.setText(text)
            if member.status != "active":
                muted(self.name)
            else:
                tone(self.name, self.palette().color(self.palette().ColorRole.WindowText))
            mark_error(self.edit, False)
        elif no is not None:
            self.name.setText(_("there is no member number {no}").format(no=no))
            muted(self.name)
            mark_error(self.edit, True)
        else:
            self.name.setText("")
            mark_error(self.edit, False)


class MonthPicker(QWidget):
    """A month: the month's name and a B.E. year. ``value()`` → ``(C.E. year, month)``."""

    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.month = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2400, 2800)
        self.year.setValue(today.year + BE_OFFSET)
        self.year.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.texts.set(self.year.setToolTip, N_("Year (B.E.)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.month)
        row.addWidget(self.year)
        row.addStretch(1)
        self.setFocusProxy(self.month)
        self._initial = today.month
        self.texts.call(self._fill)
        self.month.currentIndexChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)

    def _fill(self) -> None:
        current = self.month.currentIndex() + 1 if self.month.count() else self._initial
        self.month.blockSignals(True)
        self.month.clear()
        for m in range(1, 13):
            self.month.addItem(month_name(m), m)
        self.month.setCurrentIndex(current - 1)
        self.month.blockSignals(False)

    def value(self) -> tuple[int, int]:
        return self.year.value() - BE_OFFSET, int(self.month.currentData())

    def set_value(self, year: int, month: int) -> None:
        self.year.setValue(year + BE_OFFSET)
        self.month.setCurrentIndex(month - 1)


class YearPicker(QSpinBox):
    """A fiscal year typed and shown in B.E.; ``fiscal_year()`` → the C.E. year the ledger uses."""

    def __init__(self, fy: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(2400, 2800)
        self.setValue(fy + BE_OFFSET)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # as wide as a year

    def fiscal_year(self) -> int:
        return self.value() - BE_OFFSET

    def set_fiscal_year(self, fy: int) -> None:
        self.setValue(fy + BE_OFFSET)


class PartnerCombo(QComboBox):
    """The bank's partner funds (its rules), by name; ``key()`` → the partner's key."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.reload()

    def reload(self) -> None:
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        for p in self.book.rules.partners:
            if p.active:
                self.addItem(p.name, p.key)
        index = self.findData(current)
        self.setCurrentIndex(index if index >= 0 else 0)
        self.blockSignals(False)

    def key(self) -> str | None:
        return self.currentData()
