"""Register a member or change a member's details.

Every field is checked when the treasurer leaves it (citizen ID check digit, B.E. dates, lengths, postal
code), and all of them again on Save; a problem appears in red under its field. Before saving, people
who may already be registered (same citizen ID, or same name) are listed and the treasurer decides.
The address fields suggest the places already used by other members, and a new member starts with the
bank's own moo/tambon/amphoe/province, which is where most members live.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, _
from villagebank.ledger.dto import Member
from villagebank.ledger.members import FIELD_LABELS, TEXT_LIMITS, TITLES
from villagebank.thai import normalize_text
from villagebank.ui.context import MEMBERS, Context
from villagebank.ui.dialogs.common import confirm
from villagebank.ui.errors import show_error
from villagebank.ui.qt import Texts, error_label, font_role, note_label
from villagebank.ui.views.dates import BEDateEdit
from villagebank.ui.views.fields import CharFilter, CitizenIdEdit, IntSpin, MoneyEdit
from villagebank.ui.views.forms import FormGrid

ADDRESS_FIELDS = ("moo", "tambon", "amphoe", "province", "postal_code")
TEXT_FIELDS = ("first_name", "last_name", "house_no", "moo", "tambon", "amphoe", "province", "postal_code",
               "phone", "occupation", "welfare_needs", "beneficiary", "committee_role")
MALE_TITLES = ("นาย", "เด็กชาย")
FEMALE_TITLES = ("นาง", "นางสาว", "เด็กหญิง")


def _label(key: str) -> str:
    return FIELD_LABELS[key]


def _line(key: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(TEXT_LIMITS.get(key, 200))
    return edit


def _completer(values: list[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(values, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


def _common(values: list[str]) -> list[str]:
    """Distinct non-empty values, most used first."""
    counts = Counter(v for v in values if v)
    return [v for v, _n in counts.most_common()]


class MemberDialog(QDialog):
    """``MemberDialog(ctx, known=members)`` registers; ``MemberDialog(ctx, member=m, ...)`` edits ``m``."""

    def __init__(self, ctx: Context, *, member: Member | None = None, known: list[Member] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self.known = known if known is not None else ctx.book.members()
        self.saved: Member | None = None
        self._initial: dict[str, Any] = {}
        self.texts = Texts()
        self.setModal(True)
        if member is None:
            self.texts.set(self.setWindowTitle, N_("Register a new member"))
        else:
            self.texts.set(self.setWindowTitle, N_("Change the details of member {no}"), no=member.member_no)
        self._build()
        self._fill()
        self._initial = self._snapshot()
        (self.title_combo if member is None else self.first_name).setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        t = self.texts
        self.member_no = IntSpin(1, 999_999, none_text=N_("the next number"))
        self.title_combo = QComboBox()
        self.title_combo.addItem("", "")
        for title in TITLES:
            self.title_combo.addItem(title, title)
        self.first_name = _line("first_name")
        self.last_name = _line("last_name")
        self.citizen_id = CitizenIdEdit(field=_label("citizen_id"))
        self.birth_date = BEDateEdit(field=_label("birth_date"), optional=True)
        self.sex = QComboBox()
        t.call(self._fill_sex)
        self.is_group = QCheckBox()
        t.set(self.is_group.setText, N_("This member is a group of people"))
        self.join_date = BEDateEdit(field=_label("join_date"))
        self.house_no = _line("house_no")
        self.moo = _line("moo")
        self.tambon = _line("tambon")
        self.amphoe = _line("amphoe")
        self.province = _line("province")
        self.postal_code = _line("postal_code")
        self.postal_code.setValidator(CharFilter("", self.postal_code))
        self.phone = _line("phone")
        self.phone.setValidator(CharFilter("-+ ,", self.phone))
        self.occupation = _line("occupation")
        self.income = MoneyEdit(field=_label("income"), optional=True)
        self.household_debt = MoneyEdit(field=_label("household_debt"), optional=True)
        self.welfare_needs = _line("welfare_needs")
        self.beneficiary = _line("beneficiary")
        self.committee_role = _line("committee_role")
        self._completers()

        left = FormGrid(t)
        left.add_section(N_("The person"))
        if self.member is None:
            left.add("member_no", _label("member_no"), self.member_no,
                     note=N_("Leave it for the next number, or type the number from the paper register."))
        left.add("title", _label("title"), self.title_combo)
        left.add("first_name", _label("first_name"), self.first_name, required=True, check=self._check_first)
        left.add("last_name", _label("last_name"), self.last_name)
        left.add("citizen_id", _label("citizen_id"), self.citizen_id, check=self._check_cid)
        left.add("birth_date", _label("birth_date"), self.birth_date, check=self._check_birth)
        left.add("sex", _label("sex"), self.sex)
        left.add("is_group", _label("is_group"), self.is_group)
        left.add_section(N_("Membership"))
        left.add("join_date", _label("join_date"), self.join_date, required=True, check=self._check_join)
        left.add("committee_role", _label("committee_role"), self.committee_role)

        right = FormGrid(t)
        right.add_section(N_("Address"))
        right.add("house_no", _label("house_no"), self.house_no)
        right.add("moo", _label("moo"), self.moo)
        right.add("tambon", _label("tambon"), self.tambon)
        right.add("amphoe", _label("amphoe"), self.amphoe)
        right.add("province", _label("province"), self.province)
        right.add("postal_code", _label("postal_code"), self.postal_code, check=self._check_postal)
        right.add("phone", _label("phone"), self.phone)
        right.add_section(N_("Work, money and welfare"))
        right.add("occupation", _label("occupation"), self.occupation)
        right.add("income", _label("income"), self.income, check=self.income.problem)
        right.add("household_debt", _label("household_debt"), self.household_debt,
                  check=self.household_debt.problem)
        right.add("welfare_needs", _label("welfare_needs"), self.welfare_needs)
        right.add("beneficiary", _label("beneficiary"), self.beneficiary,
                  note=N_("Who receives the death benefit."))
        self.forms = (left, right)
        left.grid.setRowStretch(left.grid.rowCount(), 1)
        right.grid.setRowStretch(right.grid.rowCount(), 1)

        columns = QWidget()
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(28)
        row.addWidget(left, 1)
        row.addWidget(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(columns)

        self.summary = QLabel()
        error_label(self.summary)
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        font_role(self.summary, 1.0, bold=True)

        self.save_button = QPushButton()
        t.set(self.save_button.setText, N_("&Save"))
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.cancel_button = QPushButton()
        t.set(self.cancel_button.setText, N_("Cancel (Esc)"))
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(note_label(t, N_("Fields marked * must be filled in. Enter saves, Esc cancels.")), 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

        self._sex_from_title = False
        self._tab_order()
        self.title_combo.currentIndexChanged.connect(self._title_chosen)
        self.sex.activated.connect(self._sex_chosen)
        self.tambon.editingFinished.connect(self._tambon_chosen)
        self.resize(1160, 680)

    def _tab_order(self) -> None:
        """Tab walks down the left column, then down the right one, then to Save and Cancel."""
        chain: list[QWidget] = []
        for form in self.forms:
            for row in form.rows.values():
                widget = row.widget.line if isinstance(row.widget, BEDateEdit) else row.widget
                chain.append(widget)
        chain += [self.save_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _fill_sex(self) -> None:
        current = self.sex.currentData() if self.sex.count() else ""
        self.sex.blockSignals(True)
        self.sex.clear()
        self.sex.addItem(_("not given"), "")
        self.sex.addItem(_("male"), "M")
        self.sex.addItem(_("female"), "F")
        self.sex.setCurrentIndex(max(0, self.sex.findData(current)))
        self.sex.blockSignals(False)

    def _completers(self) -> None:
        for key in ("moo", "tambon", "amphoe", "province", "postal_code", "occupation"):
            values = _common([getattr(m, key) for m in self.known])
            getattr(self, key).setCompleter(_completer(values, self))

    def _fill(self) -> None:
        m = self.member
        if m is None:
            bank = self.ctx.book.bank()
            for key in ADDRESS_FIELDS:
                getattr(self, key).setText(getattr(bank, key))
            self.join_date.setDate(self.ctx.today())
            self.member_no.put(None)
            return
        self.title_combo.setCurrentIndex(max(0, self.title_combo.findData(m.title)))
        for key in TEXT_FIELDS:
            getattr(self, key).setText(getattr(m, key) or "")
        self.citizen_id.setValue(m.citizen_id)
        self.birth_date.setDate(m.birth_date)
        self.sex.setCurrentIndex(max(0, self.sex.findData(m.sex)))
        self.is_group.setChecked(m.is_group)
        self.join_date.setDate(m.join_date)
        self.income.setValue(m.income)
        self.household_debt.setValue(m.household_debt)

    # --- helpers that save typing --------------------------------------------------------------
    def _title_chosen(self) -> None:
        """นาย/เด็กชาย → male, นาง/นางสาว/เด็กหญิง → female, unless the treasurer chose the sex herself."""
        if self.sex.currentData() and not self._sex_from_title:
            return
        title = self.title_combo.currentData()
        sex = "M" if title in MALE_TITLES else "F" if title in FEMALE_TITLES else ""
        self.sex.setCurrentIndex(self.sex.findData(sex))
        self._sex_from_title = bool(sex)

    def _sex_chosen(self) -> None:
        self._sex_from_title = False

    def _tambon_chosen(self) -> None:
        """A known tambon fills its amphoe and province (when other members agree on them)."""
        tambon = self.tambon.text().strip()
        if not tambon:
            return
        places = Counter((m.amphoe, m.province, m.postal_code) for m in self.known if m.tambon == tambon)
        if not places:
            return
        (amphoe, province, postal), _count = places.most_common(1)[0]
        for widget, value in ((self.amphoe, amphoe), (self.province, province), (self.postal_code, postal)):
            if not widget.text().strip() and value:
                widget.setText(value)

    # --- checks (each returns the message for its field, or None) ------------------------------
    def _check_first(self) -> str | None:
        if not self.first_name.text().strip():
            return _("is required")
        return None

    def _check_cid(self) -> str | None:
        problem = self.citizen_id.problem()
        if problem:
            return _strip_field(problem, _label("citizen_id"))
        cid = self.citizen_id.value()
        if cid:
            exclude = self.member.member_no if self.member else None
            for other in self.known:
                if other.citizen_id == cid and other.member_no != exclude:
                    return _("citizen ID {cid} is already registered to member {no}").format(
                        cid=cid, no=other.member_no)
        return None

    def _check_birth(self) -> str | None:
        problem = self.birth_date.problem()
        if problem:
            return _strip_field(problem, _label("birth_date"))
        born = self.birth_date.date()
        if born is None:
            return None
        if born > self.ctx.today():
            return _("cannot be in the future")
        try:
            joined = self.join_date.date()
        except UserError:
            joined = None
        if joined is not None and born > joined:
            return _("must be before the join date")
        return None

    def _check_join(self) -> str | None:
        problem = self.join_date.problem()
        return _strip_field(problem, _label("join_date")) if problem else None

    def _check_postal(self) -> str | None:
        code = self.postal_code.text().strip()
        if code and (len(code) != 5 or not code.isdigit()):
            return _("must be 5 digits")
        return None

    # --- values --------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the form holds, in the ledger's field names (call after the checks pass)."""
        out: dict[str, Any] = {key: normalize_text(getattr(self, key).text()) for key in TEXT_FIELDS}
        out["title"] = self.title_combo.currentData() or ""
        out["citizen_id"] = self.citizen_id.value()
        out["birth_date"] = self.birth_date.date()
        out["sex"] = self.sex.currentData() or ""
        out["is_group"] = self.is_group.isChecked()
        out["join_date"] = self.join_date.date()
        out["income"] = self.income.value()
        out["household_debt"] = self.household_debt.value()
        return out

    def _snapshot(self) -> dict[str, str]:
        snap = {key: getattr(self, key).text() for key in TEXT_FIELDS}
        snap.update(title=self.title_combo.currentText(), cid=self.citizen_id.text(),
                    birth=self.birth_date.text(), sex=str(self.sex.currentData()),
                    group=str(self.is_group.isChecked()), join=self.join_date.text(),
                    income=self.income.text(), debt=self.household_debt.text(), no=self.member_no.text())
        return snap

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    def changes(self) -> dict[str, Any]:
        """For an edit: only the fields whose value differs from the member's."""
        assert self.member is not None
        values = self.values()
        return {k: v for k, v in values.items() if getattr(self.member, k) != v}

    def check_all(self) -> bool:
        bad = []
        for form in self.forms:
            bad.extend(form.check_all())
        if bad:
            self.summary.setText(_("Please correct the fields marked in red."))
            self.summary.setVisible(True)
            for form in self.forms:
                if bad[0] in form.rows:
                    form.focus(bad[0])
            return False
        self.summary.setVisible(False)
        return True

    # --- saving --------------------------------------------------------------------------------
    def save(self) -> None:
        if not self.save_button.isEnabled() or not self.check_all():
            return
        values = self.values()
        if self.member is not None:
            changes = self.changes()
            if not changes:
                self.ctx.say(_("Nothing was changed."))
                self.accept()
                return
            if not self._duplicates_ok(values, changes):
                return
            no = self.member.member_no
            fn = lambda: self.ctx.book.edit_member(no, changes)  # noqa: E731
        else:
            if not self._duplicates_ok(values, values):
                return
            number = self.member_no.get()
            fn = lambda: self.ctx.book.add_member(values, member_no=number)  # noqa: E731
        self.save_button.setEnabled(False)
        self.ctx.run(fn, topic=MEMBERS, done=self._saved, failed=self._failed, owner=self, parent=self)

    def _duplicates_ok(self, values: dict[str, Any], changed: dict[str, Any]) -> bool:
        if not ({"first_name", "last_name", "citizen_id"} & set(changed)):
            return True
        found = self.ctx.book.possible_duplicates(
            first_name=values["first_name"], last_name=values["last_name"], citizen_id=values["citizen_id"],
            exclude=self.member.member_no if self.member else None)
        if not found:
            return True
        lines = "\n".join(_("No. {no}: {name} (joined {date})").format(
            no=m.member_no, name=m.full_name, date=_date(m.join_date)) for m in found)
        same_cid = any(values["citizen_id"] and m.citizen_id == values["citizen_id"] for m in found)
        if same_cid:
            text = _("A member with the same citizen ID is already registered:")
        else:
            text = _("A member with the same name is already registered. Is this the same person?")
        return confirm(self, _("Maybe already registered"), text, _("Save anyway"), _("Go back and check"),
                       details=lines)

    def _saved(self, member: Member) -> None:
        self.saved = member
        if self.member is None:
            self.ctx.say(_("Registered member {no}: {name}").format(no=member.member_no, name=member.full_name))
        else:
            self.ctx.say(_("Member {no} updated").format(no=member.member_no))
        self.save_button.setEnabled(True)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, UserError):
            for form in self.forms:
                if form.show_error(exc):
                    self.summary.setText(exc.message())
                    self.summary.setVisible(True)
                    return
        show_error(self, exc)

    def reject(self) -> None:
        if self.is_dirty() and not confirm(
                self, _("Leave without saving?"), _("What you typed in this form will be lost."),
                _("Leave without saving"), _("Go back to the form")):
            return
        super().reject()


def _strip_field(message: str, field: str) -> str:
    prefix = f"{_(field)}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def _date(d: dt.date) -> str:
    from villagebank.thai import format_date

    return format_date(d)
