"""Editors for the rules that are lists: the death-benefit steps, the claim days, the partner funds."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, _
from villagebank.ledger.money import Money
from villagebank.ledger.rules import LABELS, Partner, SavingsProduct
from villagebank.thai import month_name, to_arabic_digits
from villagebank.ui.qt import Texts, mark_error
from villagebank.ui.views.fields import DecimalEdit, IntSpin, MoneyEdit
from villagebank.ui.views.forms import FormGrid


class MonthCombo(QComboBox):
    """Months 1..12 by name in the current language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.texts.call(self._fill)

    def _fill(self) -> None:
        current = max(0, self.currentIndex())
        self.blockSignals(True)
        self.clear()
        self.addItems([month_name(m) for m in range(1, 13)])
        self.setCurrentIndex(current)
        self.blockSignals(False)

    def month(self) -> int:
        return self.currentIndex() + 1

    def set_month(self, month: int) -> None:
        self.setCurrentIndex(max(1, min(12, int(month))) - 1)


class DayRangeEdit(QWidget):
    """``from day … to day …`` of the month (the claim days)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.low = IntSpin(0, 31)
        self.high = IntSpin(0, 31)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        a, b = QLabel(), QLabel()
        self.texts.set(a.setText, N_("from day"))
        self.texts.set(b.setText, N_("to day"))
        a.setBuddy(self.low)
        b.setBuddy(self.high)
        for w in (a, self.low, b, self.high):
            layout.addWidget(w)
        layout.addStretch(1)
        self.setFocusProxy(self.low)

    def get(self) -> tuple[int, int]:
        return (self.low.value(), self.high.value())

    def put(self, value: tuple[int, int]) -> None:
        self.low.setValue(value[0])
        self.high.setValue(value[1])


class DeathStepsEditor(QWidget):
    """The death benefit by length of membership: lines of (from how many days, how much)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.table = QTableWidget(0, 2)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumWidth(self.table.fontMetrics().horizontalAdvance("ก" * 40))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.texts.call(self._headers)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.texts.set(self.add_button.setText, N_("Add a line"))
        self.texts.set(self.remove_button.setText, N_("Remove the chosen line"))
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels([_("From days of membership"), _("Amount (baht)")])

    def _fit(self) -> None:
        rows = self.table.rowCount()
        height = self.table.horizontalHeader().height() + rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(height + 6)
        self.table.setMaximumHeight(height + 6)

    def put(self, steps: tuple[tuple[int, int], ...]) -> None:
        self.table.setRowCount(0)
        for days, satang in steps:
            self._append(str(days), Money(satang).format())
        self._fit()

    def _append(self, days: str, amount: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        day_item = QTableWidgetItem(days)
        money_item = QTableWidgetItem(amount)
        for item in (day_item, money_item):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 0, day_item)
        self.table.setItem(row, 1, money_item)

    def add_line(self) -> None:
        self._append("", "")
        self._fit()
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.setFocus()

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._fit()

    def get(self) -> tuple[tuple[int, int], ...]:
        field = LABELS["welfare_death"]
        steps = []
        for row in range(self.table.rowCount()):
            days_text = to_arabic_digits((self.table.item(row, 0) or QTableWidgetItem()).text()).strip()
            amount_text = (self.table.item(row, 1) or QTableWidgetItem()).text().strip()
            if not days_text and not amount_text:
                continue
            if not days_text.isdigit():
                raise UserError(N_("line {row}: “{value}” is not a number of days"), field, row=row + 1,
                                value=days_text)
            amount = Money.parse(amount_text, field=field)
            steps.append((int(days_text), amount.satang))
        return tuple(steps)


class PartnersEditor(QWidget):
    """The partner funds the bank collects for: a list on the left, the chosen fund's details on the right.

    Funds are never deleted here (their money and history stay in the book): untick "In use" instead.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self._partners: list[Partner] = []
        self._loading = False
        self.list = QListWidget()
        # the longest default name, with the "(not in use)" that follows a fund switched off
        self.list.setMinimumWidth(self.list.fontMetrics().horizontalAdvance("สวัสดิการครอบครัว ธนาคารออมสิน (ไม่ได้ใช้)")
                                  + 30)
        self.add_button = QPushButton()
        self.texts.set(self.add_button.setText, N_("Add a partner fund"))
        self.add_button.clicked.connect(self.add_partner)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.add_button)

        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.amount = MoneyEdit(field=N_("Amount"))
        self.period = QComboBox()
        self.texts.call(self._fill_period)
        self.collect_from = MonthCombo()
        self.collect_to = MonthCombo()
        self.remit_month = MonthCombo()
        self.remit_day = IntSpin(1, 31)
        self.bank_pays = DecimalEdit(field=N_("Paid by the bank (%)"))
        self.active = QCheckBox()
        self.texts.set(self.active.setText, N_("In use"))
        self.form = FormGrid(self.texts)
        self.form.add("name", N_("Fund name"), self.name)
        self.form.add("amount", N_("Amount"), self.amount)
        self.form.add("period", N_("Collected per"), self.period)
        self.form.add("collect_from", N_("Collected from month"), self.collect_from)
        self.form.add("collect_to", N_("Collected until month"), self.collect_to)
        self.form.add("remit_month", N_("Passed on by month"), self.remit_month)
        self.form.add("remit_day", N_("Passed on by day"), self.remit_day)
        self.form.add("bank_pays", N_("Paid by the bank (%)"), self.bank_pays,
                      note=N_("The part of each member's dues the bank pays from its welfare fund."))
        self.form.add("active", N_("In use"), self.active)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addWidget(self.form, 1)
        self.list.currentRowChanged.connect(self._show)
        for signal in (self.name.editingFinished, self.amount.editingFinished, self.bank_pays.editingFinished):
            signal.connect(self._commit)
        for combo in (self.period, self.collect_from, self.collect_to, self.remit_month):
            combo.currentIndexChanged.connect(self._commit)
        self.remit_day.valueChanged.connect(self._commit)
        self.active.toggled.connect(self._commit)
        self.setFocusProxy(self.list)

    def _fill_period(self) -> None:
        current = max(0, self.period.currentIndex())
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(_("month"), "month")
        self.period.addItem(_("year"), "year")
        self.period.setCurrentIndex(current)
        self.period.blockSignals(False)

    def _label(self, p: Partner) -> str:
        return p.name if p.active else _("{name} (not in use)").format(name=p.name)

    def _refresh_list(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for p in self._partners:
            QListWidgetItem(self._label(p), self.list)
        self.list.blockSignals(False)
        if self._partners:
            self.list.setCurrentRow(min(max(row, 0), len(self._partners) - 1))

    def put(self, partners: tuple[Partner, ...]) -> None:
        self._partners = list(partners)
        self._refresh_list()
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        enabled = 0 <= row < len(self._partners)
        self.form.setEnabled(enabled)
        if not enabled:
            return
        p = self._partners[row]
        self._loading = True
        self.name.setText(p.name)
        self.amount.setValue(p.amount)
        self.period.setCurrentIndex(0 if p.period == "month" else 1)
        self.collect_from.set_month(p.collect_from)
        self.collect_to.set_month(p.collect_to)
        self.remit_month.set_month(p.remit_month)
        self.remit_day.setValue(p.remit_day)
        self.bank_pays.setValue(p.bank_pays_pct)
        self.active.setChecked(p.active)
        self._loading = False
        self.form.clear_errors()

    def _commit(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._partners):
            return
        current = self._partners[row]
        try:
            amount = self.amount.value() or Money(0)
            self.form.set_error("amount", None)
        except UserError as exc:
            self.form.set_error("amount", exc.message())
            amount = Money(current.amount)
        try:
            pays = self.bank_pays.value() if self.bank_pays.text().strip() else Decimal("0")
            self.form.set_error("bank_pays", None)
        except UserError as exc:
            self.form.set_error("bank_pays", exc.message())
            pays = current.bank_pays_pct
        self._partners[row] = dataclasses.replace(
            current, name=self.name.text().strip() or current.name, amount=amount.satang,
            period=self.period.currentData() or "year", collect_from=self.collect_from.month(),
            collect_to=self.collect_to.month(), remit_month=self.remit_month.month(),
            remit_day=self.remit_day.value(), bank_pays_pct=pays or Decimal("0"), active=self.active.isChecked())
        item = self.list.item(row)
        if item is not None:
            item.setText(self._label(self._partners[row]))
        self.changed.emit()

    def add_partner(self) -> None:
        keys = {p.key for p in self._partners}
        n = 1
        while f"partner_{n}" in keys:
            n += 1
        self._partners.append(Partner(f"partner_{n}", _("New fund"), 0, "year"))
        self._refresh_list()
        self.list.setCurrentRow(len(self._partners) - 1)
        self.name.setFocus()
        self.name.selectAll()

    def get(self) -> tuple[Partner, ...]:
        self._commit()
        field = LABELS["partners"]
        for name, widget in (("amount", self.amount), ("bank_pays", self.bank_pays)):
            if bool(widget.property("error")):
                raise UserError(N_("check the fund “{name}”: {problem}"), field,
                                name=self.name.text(), problem=self.form.rows[name].error.text())
        return tuple(self._partners)

    def mark(self, on: bool) -> None:
        mark_error(self.list, on)


class SavingsProductsEditor(QWidget):
    """The kinds of savings besides shares: a list on the left, the chosen kind's details on the right.

    Kinds are never deleted here (members' money stays in them): untick "In use" instead.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self._products: list[SavingsProduct] = []
        self._loading = False
        self.list = QListWidget()
        self.list.setMinimumWidth(self.list.fontMetrics().horizontalAdvance("เงินออมพิเศษเพื่อชำระหนี้กองทุน") + 30)
        self.add_button = QPushButton()
        self.texts.set(self.add_button.setText, N_("Add a kind of savings"))
        self.add_button.clicked.connect(self.add_product)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.add_button)
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.anytime = QCheckBox()
        self.texts.set(self.anytime.setText, N_("Members may withdraw at any time"))
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(100)
        self.active = QCheckBox()
        self.texts.set(self.active.setText, N_("In use"))
        self.form = FormGrid(self.texts)
        self.form.add("name", N_("Name"), self.name)
        self.form.add("anytime", N_("Withdrawals"), self.anytime)
        self.form.add("purpose", N_("Purpose"), self.purpose,
                      note=N_("When withdrawals are not free, the money may only be taken out for this purpose "
                              "or when the member leaves."))
        self.form.add("active", N_("In use"), self.active)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addWidget(self.form, 1)
        self.list.currentRowChanged.connect(self._show)
        for signal in (self.name.editingFinished, self.purpose.editingFinished):
            signal.connect(self._commit)
        for box in (self.anytime, self.active):
            box.toggled.connect(self._commit)
        self.setFocusProxy(self.list)

    def _label(self, p: SavingsProduct) -> str:
        return p.name if p.active else _("{name} (not in use)").format(name=p.name)

    def _refresh_list(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for p in self._products:
            QListWidgetItem(self._label(p), self.list)
        self.list.blockSignals(False)
        if self._products:
            self.list.setCurrentRow(min(max(row, 0), len(self._products) - 1))

    def put(self, products: tuple[SavingsProduct, ...]) -> None:
        self._products = list(products)
        self._refresh_list()
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        enabled = 0 <= row < len(self._products)
        self.form.setEnabled(enabled)
        if not enabled:
            return
        p = self._products[row]
        self._loading = True
        self.name.setText(p.name)
        self.anytime.setChecked(p.withdraw_anytime)
        self.purpose.setText(p.purpose)
        self.active.setChecked(p.active)
        self._loading = False

    def _commit(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._products):
            return
        current = self._products[row]
        self._products[row] = dataclasses.replace(
            current, name=self.name.text().strip() or current.name, withdraw_anytime=self.anytime.isChecked(),
            purpose=self.purpose.text().strip(), active=self.active.isChecked())
        item = self.list.item(row)
        if item is not None:
            item.setText(self._label(self._products[row]))
        self.changed.emit()

    def add_product(self) -> None:
        keys = {p.key for p in self._products}
        n = 1
        while f"savings_{n}" in keys:
            n += 1
        self._products.append(SavingsProduct(f"savings_{n}", _("New kind of savings")))
        self._refresh_list()
        self.list.setCurrentRow(len(self._products) - 1)
        self.name.setFocus()
        self.name.selectAll()

    def get(self) -> tuple[SavingsProduct, ...]:
        self._commit()
        return tuple(self._products)

    def mark(self, on: bool) -> None:
        mark_error(self.list, on)
