"""The main window (a first version: the bank's name, today's B.E. date and the member list)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from villagebank.i18n import _
from villagebank.ledger import Book
from villagebank.ledger.dto import Member
from villagebank.ledger.members import STATUS_LABELS
from villagebank.thai import format_date

_Index = QModelIndex | QPersistentModelIndex


class MemberTableModel(QAbstractTableModel):
    """Members as rows; a thin adapter over a list of frozen DTOs."""

    COLUMNS = ("member_no", "name", "join_date", "status")

    def __init__(self, members: list[Member]) -> None:
        super().__init__()
        self._rows = members

    def set_members(self, members: list[Member]) -> None:
        self.beginResetModel()
        self._rows = members
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (_("No."), _("Name"), _("Joined"), _("Status"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "member_no":
                return str(m.member_no)
            if col == "name":
                return m.full_name
            if col == "join_date":
                return format_date(m.join_date)
            return _(STATUS_LABELS[m.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "member_no":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MainWindow(QMainWindow):
    def __init__(self, book: Book) -> None:
        super().__init__()
        self.book = book
        bank = book.bank()
        self.setWindowTitle(f"{bank.name} — villagebank")
        central = QWidget()
        layout = QVBoxLayout(central)
        self.title = QLabel(f"<b>{bank.name}</b>")
        self.title.setObjectName("bankName")
        self.date_label = QLabel(_("Today: {date}").format(date=format_date(dt.date.today(), "long")))
        layout.addWidget(self.title)
        layout.addWidget(self.date_label)
        self.model = MemberTableModel(book.members())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.resize(900, 640)
