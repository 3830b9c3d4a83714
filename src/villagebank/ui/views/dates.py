"""A date editor in Buddhist-era years (Qt has no Buddhist calendar).

:class:`BEDateEdit` is a line edit that shows ``15/01/2568`` and accepts what a treasurer types:
``15/1/2568``, ``๑๕/๐๑/๒๕๖๘``, ``15 ม.ค. 2568``, ``15 มกราคม 2568``, or a C.E. year (``15/01/2025``); it
reads through :func:`villagebank.thai.parse_date`, the one tested parser. Beside it, the date in words
(``วันพุธที่ 15 มกราคม 2568``) lets the treasurer see at a glance that day and month are the right way round.

Keyboard: Up/Down change the day, Page Up/Page Down the month, Alt+Down or F4 opens the calendar; in the
calendar arrows move, Page Up/Down change the month, Enter chooses, Esc closes.

:class:`BECalendarPopup` wraps a ``QCalendarWidget`` whose own navigation bar (which can only show C.E.
years) is replaced by ours: month names in the current language and a B.E. year.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, current_language
from villagebank.thai import BE_OFFSET, DateInputError, format_date, month_name, parse_date, to_arabic_digits
from villagebank.ui.formatting import long_date
from villagebank.ui.qt import Texts, calendar_icon, mark_error, muted

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2200, 12, 31)


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(d.day, last))


class DateCharFilter(QValidator):
    """Lets through only what can be part of a date (digits of both scripts, separators, month names);
    Thai digits are turned into 0-9 as they are typed."""

    def validate(self, text: str, pos: int):
        fixed = to_arabic_digits(text)
        for ch in fixed:
            if not (ch.isdigit() or ch in "/.- " or ch.isalpha() or "\u0e00" <= ch <= "\u0e7f"):
                return (QValidator.State.Invalid, text, pos)
        return (QValidator.State.Acceptable, fixed, pos)


class BECalendarPopup(QFrame):
    """A month calendar with B.E. years; ``chosen(date)`` when the user picks a day."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.texts = Texts()
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.texts.set(self.prev_button.setToolTip, N_("Previous month (Page Up)"))
        self.texts.set(self.next_button.setToolTip, N_("Next month (Page Down)"))
        self.month_combo = QComboBox()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(MIN_DATE.year + BE_OFFSET, MAX_DATE.year + BE_OFFSET)
        self.texts.set(self.year_spin.setToolTip, N_("Year (B.E.)"))
        self.today_button = QPushButton()
        self.texts.set(self.today_button.setText, N_("Today"))
        for w in (self.prev_button, self.next_button, self.month_combo, self.year_spin, self.today_button):
            w.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.calendar = QCalendarWidget()
        self.calendar.setNavigationBarVisible(False)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
        self.calendar.setDateRange(_qdate(MIN_DATE), _qdate(MAX_DATE))

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.month_combo, 1)
        bar.addWidget(self.year_spin)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.calendar)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.today_button)
        layout.addLayout(bottom)

        self.texts.call(self._retranslate)
        self.prev_button.clicked.connect(self.calendar.showPreviousMonth)
        self.next_button.clicked.connect(self.calendar.showNextMonth)
        self.month_combo.activated.connect(self._month_picked)
        self.year_spin.valueChanged.connect(self._year_picked)
        self.today_button.clicked.connect(lambda: self._choose(dt.date.today()))
        self.calendar.currentPageChanged.connect(self._page_changed)
        self.calendar.activated.connect(lambda q: self._choose(_pydate(q)))
        self.calendar.clicked.connect(lambda q: self._choose(_pydate(q)))
        self.calendar.installEventFilter(self)
        for child in self.calendar.findChildren(QWidget):
            child.installEventFilter(self)

    def _retranslate(self) -> None:
        current = self.month_combo.currentIndex()
        self.month_combo.clear()
        self.month_combo.addItems([month_name(m) for m in range(1, 13)])
        self.month_combo.setCurrentIndex(max(current, self.calendar.monthShown() - 1))
        lang = QLocale.Language.Thai if current_language() == "th" else QLocale.Language.English
        country = QLocale.Country.Thailand if current_language() == "th" else QLocale.Country.UnitedKingdom
        self.calendar.setLocale(QLocale(lang, country))
        # Thai has no one-letter day names (อ is both Sunday and Tuesday): use the short names.
        self.calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)

    def set_date(self, d: dt.date) -> None:
        self.calendar.setSelectedDate(_qdate(d))
        self.calendar.setCurrentPage(d.year, d.month)
        self._page_changed(d.year, d.month)

    def selected_date(self) -> dt.date:
        return _pydate(self.calendar.selectedDate())

    def shown_year_be(self) -> int:
        return self.year_spin.value()

    def _page_changed(self, year: int, month: int) -> None:
        self.month_combo.blockSignals(True)
        self.year_spin.blockSignals(True)
        self.month_combo.setCurrentIndex(month - 1)
        self.year_spin.setValue(year + BE_OFFSET)
        self.month_combo.blockSignals(False)
        self.year_spin.blockSignals(False)

    def _month_picked(self, index: int) -> None:
        self.calendar.setCurrentPage(self.calendar.yearShown(), index + 1)

    def _year_picked(self, be_year: int) -> None:
        self.calendar.setCurrentPage(be_year - BE_OFFSET, self.calendar.monthShown())

    def _choose(self, d: dt.date) -> None:
        self.chosen.emit(d)
        self.close()

    def _move_month(self, months: int) -> None:
        moved = add_months(self.selected_date(), months)
        self.set_date(moved)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.selected_date())
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
            if key == Qt.Key.Key_PageUp:
                self._move_month(-12 if event.modifiers() & Qt.KeyboardModifier.ControlModifier else -1)
                return True
            if key == Qt.Key.Key_PageDown:
                self._move_month(12 if event.modifiers() & Qt.KeyboardModifier.ControlModifier else 1)
                return True
        return False

    def popup(self, anchor: QWidget, d: dt.date) -> None:
        self.set_date(d)
        self.adjustSize()
        pos = anchor.mapToGlobal(QPoint(0, anchor.height()))
        screen = QGuiApplication.screenAt(pos) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            if pos.y() + self.height() > area.bottom():
                pos.setY(anchor.mapToGlobal(QPoint(0, 0)).y() - self.height())
            pos.setX(max(area.left(), min(pos.x(), area.right() - self.width())))
        self.move(pos)
        self.show()
        self.calendar.setFocus()


class BEDateEdit(QWidget):
    """Type or pick a date; shows and accepts B.E. years. ``date()`` reads it (``None`` when empty)."""

    dateChanged = Signal(object)  # dt.date | None

    def __init__(self, parent: QWidget | None = None, *, field: str | None = None, optional: bool = False,
                 show_words: bool = True) -> None:
        super().__init__(parent)
        self.field = field
        self.optional = optional
        self.minimum: dt.date | None = None
        self.maximum: dt.date | None = None
        self._last: dt.date | None = None
        self.texts = Texts()
        self.line = QLineEdit()
        self.line.setValidator(DateCharFilter(self.line))
        self.line.setMaxLength(40)
        self.texts.set(self.line.setPlaceholderText, N_("dd/mm/yyyy B.E."))
        self.texts.set(self.line.setToolTip, N_("Day/month/year in B.E., for example 15/01/2568. "
                                                "Up/Down: one day; Page Up/Down: one month; Alt+Down: calendar"))
        self.button = QToolButton()
        self.button.setIcon(calendar_icon())
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.texts.set(self.button.setToolTip, N_("Choose from a calendar (Alt+Down)"))
        self.words = QLabel()
        muted(self.words)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        layout.addWidget(self.words, 1)
        # Only once it has a parent: shown before, the label would flash up as a window of its own and take the
        # active window away from the main window (the keyboard focus went nowhere).
        self.words.setVisible(show_words)
        self.setFocusProxy(self.line)
        self._fit_width()
        self._popup: BECalendarPopup | None = None
        self.button.clicked.connect(self.open_calendar)
        self.line.editingFinished.connect(self._finished)
        self.line.textEdited.connect(self._edited)
        self.line.installEventFilter(self)
        self.texts.call(self._update_words)
        self.texts.call(self._fit_width)

    def _fit_width(self) -> None:
        fm = self.line.fontMetrics()
        widest = max(fm.horizontalAdvance("88/88/88888"), fm.horizontalAdvance(self.line.placeholderText()))
        self.line.setFixedWidth(widest + 24)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    # --- value ---------------------------------------------------------------------------------
    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)
        self._finished()

    def setDate(self, d: dt.date | None) -> None:
        self.line.setText(format_date(d) if d else "")
        self._set_valid(True)
        self._emit_if_changed(d)
        self._update_words()

    def clear(self) -> None:
        self.setDate(None)

    def date(self) -> dt.date | None:
        """The date typed, or ``None`` if empty and optional; raises a UserError naming the field."""
        text = self.line.text().strip()
        if not text:
            if self.optional:
                return None
            raise UserError(N_("is required"), self.field)
        value = parse_date(text, field=self.field)
        if self.minimum and value < self.minimum:
            raise UserError(N_("must be on or after {date}"), self.field, date=format_date(self.minimum))
        if self.maximum and value > self.maximum:
            raise UserError(N_("must be on or before {date}"), self.field, date=format_date(self.maximum))
        return value

    def problem(self) -> str | None:
        """The message for what is typed now, or ``None`` when it is a good date (or empty and optional)."""
        try:
            self.date()
        except UserError as exc:
            return exc.message()
        return None

    def is_valid(self) -> bool:
        return self.problem() is None

    # --- editing -------------------------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        self._update_words()

    def _finished(self) -> None:
        try:
            value = self.date()
        except (DateInputError, UserError):
            self._set_valid(False)
            self._update_words()
            return
        if value is not None:
            self.line.setText(format_date(value))
        self._set_valid(True)
        self._update_words()
        self._emit_if_changed(value)

    def _emit_if_changed(self, value: dt.date | None) -> None:
        if value != self._last:
            self._last = value
            self.dateChanged.emit(value)

    def _set_valid(self, ok: bool) -> None:
        mark_error(self.line, not ok)

    def _update_words(self) -> None:
        text = self.line.text().strip()
        if not text:
            self.words.setText("")
            return
        try:
            value = parse_date(text)
        except UserError:
            self.words.setText("")
            return
        self.words.setText(long_date(value))

    def _current_or_today(self) -> dt.date:
        try:
            value = parse_date(self.line.text()) if self.line.text().strip() else None
        except UserError:
            value = None
        return value or dt.date.today()

    def step(self, days: int = 0, months: int = 0) -> None:
        d = self._current_or_today()
        d = add_months(d, months) if months else d + dt.timedelta(days=days)
        self.setDate(d)

    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = BECalendarPopup(self)
            self._popup.chosen.connect(self._picked)
        self._popup.popup(self.line, self._current_or_today())

    def popup_widget(self) -> BECalendarPopup | None:
        return self._popup

    def _picked(self, d: dt.date) -> None:
        self.setDate(d)
        self.line.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
                self.open_calendar()
                return True
            if key == Qt.Key.Key_Up:
                self.step(days=1)
                return True
            if key == Qt.Key.Key_Down:
                self.step(days=-1)
                return True
            if key == Qt.Key.Key_PageUp:
                self.step(months=1)
                return True
            if key == Qt.Key.Key_PageDown:
                self.step(months=-1)
                return True
        return False


__all__ = ["BECalendarPopup", "BEDateEdit", "add_months"]
