"""Input fields that read numbers the way a Thai treasurer types them.

* :class:`MoneyEdit`: baht, right-aligned, shown as ``1,234.50``; accepts Thai digits (turned into 0-9 as
  typed), commas and ``.``; reads through :meth:`Money.parse` (the ledger's one parser), so the message
  for a bad amount is the ledger's, naming the field.
* :class:`IntSpin`: a spin box that also accepts Thai digits; ``none_text`` makes its lowest value mean
  "no limit" (``None``).
* :class:`DecimalEdit`: a percentage or rate, right-aligned (Thai digits accepted).
* :class:`CitizenIdEdit`: 13 digits with the check digit tested as the treasurer types.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QValidator
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QSpinBox, QWidget

from villagebank.i18n import N_, UserError
from villagebank.ledger.members import citizen_id_valid
from villagebank.ledger.money import Money
from villagebank.thai import to_arabic_digits
from villagebank.ui import formatting
from villagebank.ui.qt import Texts, mark_error


class CharFilter(QValidator):
    """Accept only ``allowed`` characters (after turning Thai digits into 0-9, which it does as typed)."""

    def __init__(self, allowed: str, parent: QWidget | None = None, *, digits: bool = True) -> None:
        super().__init__(parent)
        self.allowed = allowed
        self.digits = digits

    def validate(self, text: str, pos: int):
        fixed = to_arabic_digits(text)
        if all((self.digits and ch.isdigit() and ch.isascii()) or ch in self.allowed for ch in fixed):
            return (QValidator.State.Acceptable, fixed, pos)
        return (QValidator.State.Invalid, text, pos)


class _SelectOnFocus:
    """Select the whole text when the field is entered from the keyboard, so typing replaces it."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # type: ignore[misc]
        super().focusInEvent(event)  # type: ignore[misc]
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason):
            QTimer.singleShot(0, self.selectAll)  # type: ignore[attr-defined]


class MoneyEdit(_SelectOnFocus, QLineEdit):
    """An amount in baht. ``value()`` → :class:`Money` (``None`` when empty and optional)."""

    valueChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, field: str | None = None, optional: bool = False,
                 allow_negative: bool = False, allow_zero: bool = True, empty_text: str | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.optional = optional
        self.allow_negative = allow_negative
        self.allow_zero = allow_zero
        self._last: Money | None = None
        self.texts = Texts()
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setValidator(CharFilter(",. -" if allow_negative else ",. ", self))
        self.setMaxLength(24)
        if empty_text:
            self.texts.set(self.setPlaceholderText, empty_text)
        else:
            self.setPlaceholderText("0.00")
        self.editingFinished.connect(self._finished)
        self._fit()

    def _fit(self) -> None:
        width = self.fontMetrics().horizontalAdvance("888,888,888.88") + 20
        self.setMinimumWidth(width)
        self.setMaximumWidth(int(width * 1.4))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit()
        super().changeEvent(event)

    def value(self) -> Money | None:
        text = self.text().strip()
        if not text:
            if self.optional:
                return None
            raise UserError(N_("is required"), self.field)
        return Money.parse(text, field=self.field, allow_negative=self.allow_negative,
                           allow_zero=self.allow_zero)

    def setValue(self, value: Money | int | None) -> None:
        """``value``: Money, or integer satang, or ``None`` (empty)."""
        if isinstance(value, int):
            value = Money(value)
        self.setText("" if value is None else value.format())
        mark_error(self, False)
        self._last = value

    def problem(self) -> str | None:
        try:
            self.value()
        except UserError as exc:
            return exc.message()
        return None

    def _finished(self) -> None:
        try:
            value = self.value()
        except UserError:
            mark_error(self, True)
            return
        mark_error(self, False)
        self.setText("" if value is None else value.format())
        if value != self._last:
            self._last = value
            self.valueChanged.emit(value)


class IntSpin(_SelectOnFocus, QSpinBox):
    """A whole number; Thai digits typed become 0-9. With ``none_text`` the minimum means no value."""

    def __init__(self, minimum: int = 0, maximum: int = 999_999, parent: QWidget | None = None, *,
                 none_text: str | None = None, suffix: str | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self._none = none_text is not None
        self.setRange(minimum - 1 if self._none else minimum, maximum)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setAccelerated(True)
        # As wide as its longest value (Qt measures the range, the "no limit" text and the suffix).
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        if none_text:
            self.texts.set(self.setSpecialValueText, none_text)
        if suffix:
            self.texts.set(lambda text: self.setSuffix(" " + text), suffix)

    def validate(self, text: str, pos: int):
        return super().validate(to_arabic_digits(text), pos)

    def valueFromText(self, text: str) -> int:
        return super().valueFromText(to_arabic_digits(text))

    def get(self) -> int | None:
        if self._none and self.value() == self.minimum():
            return None
        return self.value()

    def put(self, value: int | None) -> None:
        if value is None:
            self.setValue(self.minimum())
        else:
            self.setValue(int(value))

    def selectAll(self) -> None:
        self.lineEdit().selectAll()


class DecimalEdit(_SelectOnFocus, QLineEdit):
    """A decimal number (a percentage, a rate). ``value()`` → ``Decimal`` or ``None`` when empty."""

    def __init__(self, parent: QWidget | None = None, *, field: str | None = None, optional: bool = False,
                 empty_text: str | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.optional = optional
        self.texts = Texts()
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setValidator(CharFilter(".%", self))
        self.setMaxLength(12)
        if empty_text:
            self.texts.set(self.setPlaceholderText, empty_text)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("888.88%") + 40)

    def value(self) -> Decimal | None:
        text = self.text().strip().rstrip("%").strip()
        if not text:
            if self.optional:
                return None
            raise UserError(N_("a value is required"), self.field)
        try:
            dec = Decimal(text)
        except InvalidOperation:
            raise UserError(N_("“{value}” is not a valid value"), self.field, value=self.text()) from None
        if not dec.is_finite():
            raise UserError(N_("“{value}” is not a valid value"), self.field, value=self.text())
        return dec

    def setValue(self, value: Decimal | None) -> None:
        self.setText("" if value is None else format(value.normalize(), "f"))
        mark_error(self, False)


class CitizenIdEdit(_SelectOnFocus, QLineEdit):
    """A 13-digit citizen ID; dashes and spaces allowed; shows whether the check digit is right."""

    def __init__(self, parent: QWidget | None = None, *, field: str | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setValidator(CharFilter("- ", self))
        self.setMaxLength(17)
        self.setPlaceholderText("x-xxxx-xxxxx-xx-x")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("8-8888-88888-88-8") + 24)
        self.editingFinished.connect(self._finished)

    def digits(self) -> str:
        return self.text().replace("-", "").replace(" ", "")

    def value(self) -> str | None:
        digits = self.digits()
        if not digits:
            return None
        if not citizen_id_valid(digits):
            raise UserError(N_("“{value}” is not a valid 13-digit citizen ID (check the digits)"), self.field,
                            value=self.text().strip())
        return digits

    def problem(self) -> str | None:
        try:
            self.value()
        except UserError as exc:
            return exc.message()
        return None

    def setValue(self, cid: str | None) -> None:
        self.setText(formatting.citizen_id(cid))
        mark_error(self, False)

    def _finished(self) -> None:
        ok = self.problem() is None
        mark_error(self, not ok)
        if ok and self.digits():
            self.setText(formatting.citizen_id(self.digits()))
