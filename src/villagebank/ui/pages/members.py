"""The member register: find a member by number or a few letters of the name, register, open, edit.

Keyboard: the cursor starts in the search box; typing filters at once; Enter opens the only match (or
goes to the list); Down goes to the list; Enter on a row opens the member; Esc goes back; Ctrl+F finds;
Alt+N registers a new member.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, _
from villagebank.ledger.dto import Member
from villagebank.ledger.members import ACTIVE_STATUSES, STATUS_LABELS, STATUSES
from villagebank.ui.context import MEMBERS, Context
from villagebank.ui.dialogs.member_form import MemberDialog
from villagebank.ui.models.members import MemberTableModel
from villagebank.ui.pages.base import Page, register
from villagebank.ui.pages.member_detail import MemberView
from villagebank.ui.qt import heading, muted
from villagebank.ui.views.tables import Table

CURRENT = "current"
EVERYONE = "all"


@register
class MembersPage(Page):
    key = "members"
    title = N_("Members")
    tooltip = N_("The member register: find, register and change members")
    order = 30

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        self.model = MemberTableModel(parent=self)
        self._loaded = False

        # --- the list ----------------------------------------------------------------------------
        self.list_view = QWidget()
        find_label = QLabel()
        t.set(find_label.setText, N_("&Find:"))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        t.set(self.search.setPlaceholderText, N_("member number, or a few letters of the name"))
        find_label.setBuddy(self.search)
        show_label = QLabel()
        t.set(show_label.setText, N_("Sho&w:"))
        self.status_combo = QComboBox()
        show_label.setBuddy(self.status_combo)
        t.call(self._fill_statuses)
        order_label = QLabel()
        t.set(order_label.setText, N_("&Order:"))
        self.order_combo = QComboBox()
        order_label.setBuddy(self.order_combo)
        t.call(self._fill_orders)
        self.add_button = QPushButton()
        t.set(self.add_button.setText, N_("&New member"))
        self.count_label = QLabel()
        muted(self.count_label)

        bar = QHBoxLayout()
        bar.addWidget(find_label)
        bar.addWidget(self.search, 3)
        bar.addSpacing(12)
        bar.addWidget(show_label)
        bar.addWidget(self.status_combo, 1)
        bar.addSpacing(12)
        bar.addWidget(order_label)
        bar.addWidget(self.order_combo)
        bar.addSpacing(12)
        bar.addWidget(self.add_button)

        self.table = Table(stretch_column=3, fit_on_reset=False)  # columns must not jump while typing
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        t.call(self.model.retranslate, now=False)

        list_layout = QVBoxLayout(self.list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(heading(t, N_("Members")))
        list_layout.addLayout(bar)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)

        # --- one member -------------------------------------------------------------------------
        self.member_view = MemberView(ctx)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.member_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        # --- wiring -------------------------------------------------------------------------------
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.status_combo.currentIndexChanged.connect(self._filter)
        self.order_combo.currentIndexChanged.connect(self._order_chosen)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._header_sorted)
        self.table.opened.connect(self.open_row)
        self.add_button.clicked.connect(self.add_member)
        self.member_view.back.connect(self.show_list)
        self.member_view.edit.connect(self.edit_member)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.changed.connect(self._book_changed)
        t.call(self._count, now=False)

    # --- combo boxes -------------------------------------------------------------------------------
    def _fill_statuses(self) -> None:
        current = self.status_combo.currentData() or CURRENT
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(_("Current members"), CURRENT)
        self.status_combo.addItem(_("Everyone, former members too"), EVERYONE)
        for status in STATUSES:
            self.status_combo.addItem(_("Only: {status}").format(status=_(STATUS_LABELS[status])), status)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(current)))
        self.status_combo.blockSignals(False)

    def _fill_orders(self) -> None:
        current = self.order_combo.currentData() or "number"
        self.order_combo.blockSignals(True)
        self.order_combo.clear()
        self.order_combo.addItem(_("by number"), "number")
        self.order_combo.addItem(_("by name (ก–ฮ)"), "name")
        self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(current)))
        self.order_combo.blockSignals(False)

    def _statuses(self) -> tuple[str, ...] | None:
        choice = self.status_combo.currentData()
        if choice == CURRENT:
            return ACTIVE_STATUSES
        if choice == EVERYONE:
            return None
        return (choice,)

    # --- loading and filtering ---------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self.reload()
        if self.stack.currentWidget() is self.list_view:
            self.focus_search()

    def reload(self) -> None:
        current = self._current_no()
        self.model.set_members(self.ctx.book.members())
        self._loaded = True
        self._filter()
        self.table.fit_columns()
        if current is not None:
            self._select(current)
        if self.member_view.member is not None:
            try:
                self.member_view.show_member(self.ctx.book.member(self.member_view.member.member_no))
            except Exception:  # the member view is refreshed on a best-effort basis
                self.show_list()

    def _book_changed(self, topic: str) -> None:
        if topic == MEMBERS:
            if self.isVisible():
                self.reload()
            else:
                self._loaded = False

    def _filter(self) -> None:
        current = self._current_no()
        self.model.set_filter(self.search.text(), self._statuses())
        self._count()
        if current is not None and self._select(current):
            return
        if self.model.rowCount():
            self.table.select_row(0)

    def _count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            self.count_label.setText(_("{count} member(s)").format(count=total))
        else:
            self.count_label.setText(_("Showing {shown} of {total} members").format(shown=shown, total=total))

    def _order_chosen(self) -> None:
        column = 0 if self.order_combo.currentData() == "number" else 1
        self.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)

    def _header_sorted(self, column: int, order: Qt.SortOrder) -> None:
        self.order_combo.blockSignals(True)
        if column in (0, 1):
            self.order_combo.setCurrentIndex(column)
        self.order_combo.blockSignals(False)
        row = self.table.current_row()
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))

    def _current_no(self) -> int | None:
        row = self.table.current_row()
        return self.model.member(row).member_no if row is not None and row < self.model.rowCount() else None

    def _select(self, member_no: int) -> bool:
        row = self.model.row_of(member_no)
        if row is None:
            return False
        self.table.select_row(row)
        return True

    def focus_search(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.model.rowCount() == 1:
                    self.open_row(0)
                elif self.model.rowCount():
                    self.table.setFocus()
                return True
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if self.table.current_row() is None:
                    self.table.select_row(0)
                return True
        return False

    # --- one member -----------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        self.open_member(self.model.member(row))

    def open_member(self, member: Member) -> None:
        self.member_view.show_member(self.ctx.book.member(member.member_no))
        self.stack.setCurrentWidget(self.member_view)
        self.member_view.edit_button.setFocus()

    def show_list(self) -> None:
        member = self.member_view.member
        self.stack.setCurrentWidget(self.list_view)
        if member is not None:
            self._select(member.member_no)
        self.table.setFocus()

    def add_member(self) -> MemberDialog:
        dialog = MemberDialog(self.ctx, known=self.model.all_members(), parent=self.window())
        dialog.finished.connect(lambda result: self._added(dialog, result))
        dialog.open()
        return dialog

    def _added(self, dialog: MemberDialog, result: int) -> None:
        self.window().activateWindow()
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.reload()
            self.search.clear()
            self._select(dialog.saved.member_no)
            self.table.setFocus()

    def edit_member(self, member: Member) -> MemberDialog:
        dialog = MemberDialog(self.ctx, member=self.ctx.book.member(member.member_no),
                              known=self.model.all_members(), parent=self.window())
        dialog.finished.connect(lambda result: self._edited(dialog, result))
        dialog.open()
        return dialog

    def _edited(self, dialog: MemberDialog, result: int) -> None:
        self.window().activateWindow()
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.member_view.show_member(dialog.saved)
            self.member_view.edit_button.setFocus()
