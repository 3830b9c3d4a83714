"""One member's page: a heading, then tabs (sections) — details, status history, edit log.

Sections are registered like pages: the balances, loans, guarantees, statement and seven-risk coverage
sections arrive with their books as one :class:`MemberSection` subclass each, decorated with
:func:`member_section` (shown only when the open book supports them).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from villagebank.i18n import N_, _
from villagebank.ledger import Book
from villagebank.ledger.dto import Member, MemberEdit, StatusChange
from villagebank.ledger.members import FIELD_LABELS, STATUS_LABELS
from villagebank.thai import format_date
from villagebank.ui import formatting
from villagebank.ui.context import Context
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.qt import Texts, font_role, muted
from villagebank.ui.views.tables import Table


class MemberSection(QWidget):
    title: ClassVar[str] = ""
    order: ClassVar[int] = 0

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = Texts()

    @classmethod
    def available(cls, book: Book) -> bool:
        return True

    def show_member(self, member: Member) -> None:
        raise NotImplementedError


MEMBER_SECTIONS: list[type[MemberSection]] = []


def member_section(cls: type[MemberSection]) -> type[MemberSection]:
    MEMBER_SECTIONS.append(cls)
    MEMBER_SECTIONS.sort(key=lambda c: c.order)
    return cls


# --- details ---------------------------------------------------------------------------------------
DETAIL_FIELDS = (
    ("member_no", "title", "first_name", "last_name", "citizen_id", "birth_date", "sex", "is_group", "join_date",
     "status", "exit_date", "exit_reason", "committee_role"),
    ("house_no", "moo", "tambon", "amphoe", "province", "postal_code", "phone", "occupation", "income",
     "household_debt", "welfare_needs", "beneficiary"),
)
SEX_WORDS = {"M": N_("male"), "F": N_("female"), "": N_("not given")}


def field_text(member: Member, key: str) -> str:
    value = getattr(member, key)
    if key == "citizen_id":
        return formatting.citizen_id(value)
    if key in ("birth_date", "join_date", "exit_date"):
        return format_date(value, "long") if value else ""
    if key in ("income", "household_debt"):
        return value.format() if value is not None else ""
    if key == "sex":
        return _(SEX_WORDS.get(value, value))
    if key == "is_group":
        return _("yes") if value else _("no")
    if key == "status":
        text = _(STATUS_LABELS.get(value, value))
        if value == "suspended" and member.suspended_until:
            text += " " + _("(until {date})").format(date=format_date(member.suspended_until))
        return text
    return "" if value is None else str(value)


@member_section
class DetailsSection(MemberSection):
    title = N_("Details")
    order = 10

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._member: Member | None = None
        self.values: dict[str, QLabel] = {}
        columns = QHBoxLayout(self)
        for fields in DETAIL_FIELDS:
            grid = QGridLayout()
            grid.setHorizontalSpacing(16)
            grid.setVerticalSpacing(6)
            for row, key in enumerate(fields):
                label = QLabel()
                self.texts.set(label.setText, FIELD_LABELS[key])
                muted(label)
                value = QLabel()
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(True)
                grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
                self.values[key] = value
            grid.setColumnStretch(1, 1)
            grid.setRowStretch(len(fields), 1)
            columns.addLayout(grid, 1)
        self.texts.call(self._refresh, now=False)

    def show_member(self, member: Member) -> None:
        self._member = member
        self._refresh()

    def _refresh(self) -> None:
        if self._member is None:
            return
        for key, label in self.values.items():
            label.setText(field_text(self._member, key) or "–")


@member_section
class StatusSection(MemberSection):
    title = N_("Status history")
    order = 80

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = RowsModel((
            Column(N_("Date"), lambda s: format_date(s.date)),
            Column(N_("Status"), lambda s: _(STATUS_LABELS.get(s.status, s.status))),
            Column(N_("Reason"), lambda s: _(s.reason) if s.reason else ""),
        ), parent=self)
        self.table = Table(stretch_column=2)
        self.table.setModel(self.model)
        QVBoxLayout(self).addWidget(self.table)
        self.texts.call(self.model.retranslate, now=False)

    def show_member(self, member: Member) -> None:
        rows: list[StatusChange] = self.ctx.book.member_status_history(member.member_no)
        self.model.set_rows(rows)


def edit_value(field: str, value: str | None) -> str:
    """A logged old/new value as the treasurer reads it (dates in B.E., amounts in baht, words)."""
    if value is None or value == "":
        return "–"
    if field in ("birth_date", "join_date", "exit_date"):
        import datetime as dt

        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if field in ("income", "household_debt"):
        try:
            return formatting.money(int(value))
        except ValueError:
            return value
    if field == "sex":
        return _(SEX_WORDS.get(value, value))
    if field == "is_group":
        return _("yes") if value in ("True", "1") else _("no")
    if field == "citizen_id":
        return formatting.citizen_id(value)
    return value


@member_section
class EditLogSection(MemberSection):
    title = N_("Changes to the details")
    order = 90

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = RowsModel((
            Column(N_("When"), lambda e: formatting.timestamp(e.at)),
            Column(N_("What"), lambda e: _(FIELD_LABELS.get(e.field, e.field))),
            Column(N_("Before"), lambda e: edit_value(e.field, e.old)),
            Column(N_("After"), lambda e: edit_value(e.field, e.new)),
            Column(N_("By"), lambda e: e.by),
        ), parent=self)
        self.table = Table(stretch_column=4)
        self.table.setModel(self.model)
        self.empty = QLabel()
        muted(self.empty)
        self.texts.set(self.empty.setText, N_("No changes since the member was registered."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.texts.call(self.model.retranslate, now=False)

    def show_member(self, member: Member) -> None:
        rows: list[MemberEdit] = self.ctx.book.member_edits(member.member_no)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)


class MemberView(QWidget):
    """The member page inside the members screen: ``back`` returns to the list, ``edit`` asks to edit."""

    back = Signal()
    edit = Signal(object)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = Texts()
        self.member: Member | None = None
        self.heading = QLabel()
        font_role(self.heading, 1.35, bold=True)
        self.heading.setWordWrap(True)
        self.back_button = QPushButton()
        self.texts.set(self.back_button.setText, N_("← Back to the list (Esc)"))
        self.edit_button = QPushButton()
        self.texts.set(self.edit_button.setText, N_("&Edit details (F2)"))
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        top.addWidget(self.edit_button)
        self.tabs = QTabWidget()
        self.sections: list[MemberSection] = []
        for cls in MEMBER_SECTIONS:
            if cls.available(ctx.book):
                section = cls(ctx)
                self.sections.append(section)
                index = self.tabs.addTab(section, "")
                self.texts.set(lambda text, i=index: self.tabs.setTabText(i, text), cls.title)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.back_button.clicked.connect(self.back)
        self.edit_button.clicked.connect(lambda: self.member and self.edit.emit(self.member))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, lambda: self.member and self.edit.emit(self.member),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.texts.call(self._heading, now=False)

    def show_member(self, member: Member) -> None:
        self.member = member
        self._heading()
        for section in self.sections:
            section.show_member(member)

    def _heading(self) -> None:
        m = self.member
        if m is None:
            return
        self.heading.setText(_("Member {no}: {name} ({status})").format(
            no=m.member_no, name=m.full_name, status=_(STATUS_LABELS.get(m.status, m.status))))
