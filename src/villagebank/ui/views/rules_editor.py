"""Every one of the bank's rules, grouped in tabs, each with its meaning in plain words beside it.

Money rules are typed in baht (stored as satang). Reading the editor (:meth:`RulesEditor.collect`) gives a
validated :class:`Rules` or raises :class:`RulesInvalid` with every problem, each naming its rule, as the
ledger's ``Rules.problems()`` names them; :meth:`RulesEditor.show_problems` puts each message under its
field and opens the tab of the first one.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QScrollArea, QTabWidget, QWidget

from villagebank.i18n import N_, UserError, _
from villagebank.ledger.rules import LABELS, MONEY_RULES, WELFARE_TEMPLATES, Rules
from villagebank.ui.qt import Texts
from villagebank.ui.rules_help import CHOICES, HELP, SECTIONS, UNITS
from villagebank.ui.views.fields import DecimalEdit, IntSpin, MoneyEdit
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.rule_widgets import (
    DayRangeEdit,
    DeathStepsEditor,
    MonthCombo,
    PartnersEditor,
    SavingsProductsEditor,
)

NO_LIMIT = N_("no limit")


class RulesInvalid(Exception):
    def __init__(self, problems: list[UserError]) -> None:
        super().__init__(problems[0].message() if problems else "")
        self.problems = problems


@dataclass
class _Editor:
    name: str
    widget: QWidget
    section: int

    def get(self) -> Any:
        w = self.widget
        if isinstance(w, MoneyEdit):
            value = w.value()
            return None if value is None else value.satang
        if isinstance(w, IntSpin):
            return w.get()
        if isinstance(w, DecimalEdit):
            return w.value()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, MonthCombo):
            return w.month()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, DayRangeEdit | DeathStepsEditor | PartnersEditor | SavingsProductsEditor):
            return w.get()
        raise TypeError(f"no reader for {type(w).__name__}")

    def put(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, MoneyEdit):
            w.setValue(value)
        elif isinstance(w, IntSpin):
            w.put(value)
        elif isinstance(w, DecimalEdit):
            w.setValue(value)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, MonthCombo):
            w.set_month(value)
        elif isinstance(w, QComboBox):
            i = w.findData(value)
            w.setCurrentIndex(max(0, i))
        elif isinstance(w, DayRangeEdit | DeathStepsEditor | PartnersEditor | SavingsProductsEditor):
            w.put(value)


def _field_types() -> dict[str, str]:
    return {f.name: str(f.type) for f in dataclasses.fields(Rules)}


class RulesEditor(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.editors: dict[str, _Editor] = {}
        self.forms: list[FormGrid] = []
        types = _field_types()
        for index, (title, names) in enumerate(SECTIONS):
            form = FormGrid(self.texts, notes=True)
            form.on_show_error = lambda _row, i=index: self.setCurrentIndex(i)
            for name in names:
                widget = self._make(name, types[name])
                self.editors[name] = _Editor(name, widget, index)
                form.add(name, LABELS[name], self._with_unit(name, widget), note=HELP.get(name),
                         wide=name in ("partners", "welfare_death", "savings_products"))
                form.rows[name].widget = widget
            if "welfare_death" in names:
                self._add_templates(form)
            form.grid.setRowStretch(form.grid.rowCount(), 1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(form)
            self.addTab(scroll, "")
            self.texts.set(lambda text, i=index: self.setTabText(i, text), title)
            self.forms.append(form)
        missing = set(types) - set(self.editors)
        if missing:  # a new rule in the ledger must get an editor here (tests check this too)
            raise RuntimeError(f"rules without an editor: {sorted(missing)}")

    def _make(self, name: str, type_name: str) -> QWidget:
        label = LABELS[name]
        optional = "None" in type_name
        if name in MONEY_RULES:
            return MoneyEdit(field=label, optional=optional, empty_text=NO_LIMIT if optional else None)
        if name in CHOICES:
            combo = QComboBox()

            def fill(combo: QComboBox = combo, choices=CHOICES[name]) -> None:
                current = combo.currentIndex()
                combo.blockSignals(True)
                combo.clear()
                for value, text in choices:
                    combo.addItem(_(text), value)
                combo.setCurrentIndex(max(0, current))
                combo.blockSignals(False)

            self.texts.call(fill)
            return combo
        if name == "fiscal_year_start_month":
            return MonthCombo()
        if name == "claim_days":
            return DayRangeEdit()
        if name == "welfare_death":
            return DeathStepsEditor()
        if name == "partners":
            return PartnersEditor()
        if name == "savings_products":
            return SavingsProductsEditor()
        if type_name.startswith("bool"):
            box = QCheckBox()
            self.texts.set(box.setText, N_("Yes"))
            return box
        if type_name.startswith("Decimal"):
            return DecimalEdit(field=label, optional=optional, empty_text=NO_LIMIT if optional else None)
        if type_name.startswith("int"):
            top = 31 if name == "meeting_day" else 9999
            return IntSpin(1 if optional else 0, top, none_text=NO_LIMIT if optional else None)
        raise TypeError(f"no editor for rule {name} ({type_name})")

    def _with_unit(self, name: str, widget: QWidget) -> QWidget:
        unit = UNITS.get(name)
        if name in MONEY_RULES:
            unit = N_("baht")
        elif isinstance(widget, DecimalEdit):
            unit = N_("%")
        if unit is None:
            return widget
        from PySide6.QtWidgets import QLabel

        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        label = QLabel()
        self.texts.set(label.setText, unit)
        layout.addWidget(label)
        layout.addStretch(1)
        box.setFocusProxy(widget)
        return box

    def _add_templates(self, form: FormGrid) -> None:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for key, msgid in (("ban_pin", N_("Use Ban Pin's schedule")), ("wiang", N_("Use Wiang's schedule"))):
            button = QPushButton()
            self.texts.set(button.setText, msgid)
            button.clicked.connect(lambda _c=False, k=key: self.apply_template(k))
            layout.addWidget(button)
        layout.addStretch(1)
        form.add("_templates", N_("Ready-made schedules"), box,
                 note=N_("Two real village funds' schedules from the handbook; change any amount after."))

    def apply_template(self, key: str) -> None:
        for name, value in WELFARE_TEMPLATES[key].items():
            self.editors[name].put(value)

    # --- values ------------------------------------------------------------------------------------
    def set_rules(self, rules: Rules) -> None:
        for name, editor in self.editors.items():
            editor.put(getattr(rules, name))
        self.clear_problems()

    def collect(self, base: Rules | None = None) -> Rules:
        """The rules as typed, validated; raises :class:`RulesInvalid` listing every problem."""
        problems: list[UserError] = []
        values: dict[str, Any] = {}
        for name, editor in self.editors.items():
            try:
                values[name] = editor.get()
            except UserError as exc:
                if exc.field is None:
                    exc.field = LABELS[name]
                problems.append(exc)
        if problems:
            raise RulesInvalid(problems)
        try:
            rules = Rules.from_values(values, base=base)
        except UserError as exc:
            raise RulesInvalid([exc]) from None
        found = rules.problems()
        if found:
            raise RulesInvalid(list(found))
        return rules

    def changed_names(self, old: Rules, new: Rules) -> list[str]:
        return [name for name in self.editors if getattr(old, name) != getattr(new, name)]

    # --- problems ----------------------------------------------------------------------------------
    def clear_problems(self) -> None:
        for form in self.forms:
            form.clear_errors()

    def show_problems(self, problems: list[UserError]) -> None:
        self.clear_problems()
        first = True
        for exc in problems:
            for form in self.forms:
                key = form.key_for_label(exc.field)
                if key is None:
                    continue
                message = exc.message()
                prefix = f"{_(exc.field)}: " if exc.field else ""
                shown = message[len(prefix):] if prefix and message.startswith(prefix) else message
                previous = form.rows[key].error.text()
                form.set_error(key, f"{previous}\n{shown}" if previous else shown)
                if first:
                    form.focus(key)
                    first = False
                break

    def focus_rule(self, name: str) -> None:
        editor = self.editors[name]
        self.setCurrentIndex(editor.section)
        editor.widget.setFocus(Qt.FocusReason.OtherFocusReason)
