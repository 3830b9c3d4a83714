"""The meeting day's collection sheet as a Qt model: one row per member with what is due, whether they have
paid, and a filter (everyone / not paid yet / paid) and search (member number or part of the name) done
inside the model (fast for thousands of members, no proxy).

A member counts as paid when one of their receipts at this meeting has not been cancelled (the ledger's
``Dues.has_paid`` counts cancelled receipts too, so the page passes the receipts it knows are cancelled).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from villagebank.i18n import N_, _
from villagebank.ledger.meetings import Dues
from villagebank.thai import format_amount, name_key, normalize_text, thai_sort_key, to_arabic_digits

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)

UNPAID_BG = QColor("#fff1cc")  # a warm yellow: still to come
PAID_FG = QColor("#1b5e20")
UNPAID_FG = QColor("#8a4b00")
OVERDUE_FG = QColor("#b71c1c")
PENDING_FG = QColor("#555555")

EVERYONE, UNPAID, PAID = "all", "unpaid", "paid"


def _money(satang: int) -> str:
    return format_amount(satang) if satang else "–"


class SheetRow:
    __slots__ = ("dues", "key", "paid", "paid_amount", "pending", "receipts")

    def __init__(self, dues: Dues, receipts: tuple[int, ...], paid_amount: int) -> None:
        self.dues = dues
        self.receipts = receipts  # receipts at this meeting that stand (not cancelled)
        self.paid = bool(receipts)
        self.paid_amount = paid_amount
        self.pending = False  # a payment is being recorded
        self.key = name_key(dues.name)

    @property
    def principal(self) -> int:
        return sum(ld.principal_due.satang for ld in self.dues.loans)

    @property
    def interest(self) -> int:
        return sum(ld.interest_due.satang for ld in self.dues.loans)

    @property
    def overdue(self) -> int:
        return sum(ld.overdue.satang for ld in self.dues.loans)

    @property
    def partners(self) -> int:
        return sum(p.amount.satang for p in self.dues.partners)


class CollectionModel(QAbstractTableModel):
    COLUMNS = ("no", "name", "state", "shares", "entry_fee", "principal", "interest", "fine", "partners", "total",
               "paid")
    HEADERS = (N_("No."), N_("Name"), N_("Paid?"), N_("Saving"), N_("Joining fee"), N_("Principal"),
               N_("Interest"), N_("Fine"), N_("Partner funds"), N_("Total due"), N_("Paid today"))
    OPTIONAL = ("entry_fee", "principal", "interest", "fine", "partners")  # hidden when nobody owes any

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[SheetRow] = []
        self._rows: list[SheetRow] = []
        self._by_no: dict[int, SheetRow] = {}
        self._query = ""
        self._show = EVERYONE
        self._sort = (0, False)

    # --- loading ---------------------------------------------------------------------------------
    def set_sheet(self, sheet: list[Dues], cancelled: set[int] = frozenset(),
                  totals: dict[int, int] | None = None) -> None:
        """``cancelled``: receipt numbers whose entries were reversed; ``totals``: receipt → total satang."""
        self.beginResetModel()
        self._all = [self._row(d, cancelled, totals) for d in sheet]
        self._by_no = {r.dues.member_no: r for r in self._all}
        self._rows = self._arranged()
        self.endResetModel()

    @staticmethod
    def _row(d: Dues, cancelled: set[int], totals: dict[int, int] | None) -> SheetRow:
        standing = tuple(no for no in d.receipts if no not in cancelled)
        if totals is None or len(standing) == len(d.receipts):
            paid = d.paid.satang
        else:
            paid = sum(totals.get(no, 0) for no in standing)
        return SheetRow(d, standing, paid)

    def update_member(self, dues: Dues, cancelled: set[int] = frozenset(),
                      totals: dict[int, int] | None = None) -> None:
        """One member's row after a payment or a correction (stays where it is until the next filter)."""
        new = self._row(dues, cancelled, totals)
        old = self._by_no.get(dues.member_no)
        if old is None:
            self.set_sheet([*(r.dues for r in self._all), dues])
            return
        for attr in ("dues", "receipts", "paid", "paid_amount", "key"):
            setattr(old, attr, getattr(new, attr))
        old.pending = False
        self._changed(old)

    def set_pending(self, member_no: int, pending: bool) -> None:
        row = self._by_no.get(member_no)
        if row is not None:
            row.pending = pending
            self._changed(row)

    def _changed(self, row: SheetRow) -> None:
        try:
            i = self._rows.index(row)
        except ValueError:
            return
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))

    # --- filter and order ----------------------------------------------------------------------------
    def set_filter(self, query: str | None = None, show: str | None = None) -> None:
        self.beginResetModel()
        if query is not None:
            self._query = query
        if show is not None:
            self._show = show
        self._rows = self._arranged()
        self.endResetModel()

    def matches(self, query: str) -> list[SheetRow]:
        """Rows that ``query`` finds among everyone (a number is one member; letters search the names)."""
        text = normalize_text(query or "")
        if not text:
            return list(self._all)
        digits = to_arabic_digits(text).replace(" ", "")
        if digits.isdigit():
            row = self._by_no.get(int(digits))
            return [row] if row is not None else []
        key = name_key(text)
        return [r for r in self._all if key in r.key]

    def _arranged(self) -> list[SheetRow]:
        rows = self.matches(self._query)
        if self._show == UNPAID:
            rows = [r for r in rows if not r.paid]
        elif self._show == PAID:
            rows = [r for r in rows if r.paid]
        return self._sorted(rows)

    def _sorted(self, rows: list[SheetRow]) -> list[SheetRow]:
        column, descending = self._sort
        col = self.COLUMNS[column]
        if col == "name":
            key = lambda r: (thai_sort_key(r.dues.name), r.dues.member_no)  # noqa: E731
        elif col in ("no", "state"):
            key = (lambda r: (r.paid, r.dues.member_no)) if col == "state" else (lambda r: r.dues.member_no)
        else:
            key = lambda r: (self._number(r, col), r.dues.member_no)  # noqa: E731
        return sorted(rows, key=key, reverse=descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._rows = self._sorted(self._rows)
        self.endResetModel()

    # --- lookups -------------------------------------------------------------------------------------
    def row(self, i: int) -> SheetRow:
        return self._rows[i]

    def row_of(self, member_no: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.dues.member_no == member_no:
                return i
        return None

    def member(self, member_no: int) -> SheetRow | None:
        return self._by_no.get(member_no)

    def all_rows(self) -> list[SheetRow]:
        return list(self._all)

    def empty_columns(self) -> list[int]:
        """Optional columns nobody on the sheet owes anything in (the page hides them)."""
        return [i for i, col in enumerate(self.COLUMNS) if col in self.OPTIONAL
                and not any(self._number(r, col) for r in self._all)]

    def counts(self) -> tuple[int, int]:
        """(members paid, members on the sheet)."""
        return sum(1 for r in self._all if r.paid), len(self._all)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    # --- Qt model interface ------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == _DISPLAY:
                return _(self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section not in (1, 2):
                return _RIGHT
        return None

    @staticmethod
    def _number(r: SheetRow, col: str) -> int:
        d = r.dues
        return {"shares": d.shares.satang, "entry_fee": d.entry_fee.satang, "principal": r.principal,
                "interest": r.interest, "fine": d.fine.satang, "partners": r.partners, "total": d.total.satang,
                "paid": r.paid_amount}.get(col, 0)

    def data(self, index: _Index, role: int = _DISPLAY):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            if col == "no":
                return str(r.dues.member_no)
            if col == "name":
                return r.dues.name + ("  " + _("(new)") if r.dues.is_new else "")
            if col == "state":
                if r.pending:
                    return _("saving…")
                return _("✓ paid") if r.paid else _("not yet")
            if col == "paid":
                return _money(r.paid_amount)
            return _money(self._number(r, col))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == "state":
                return _CENTER
            return None if col == "name" else _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if r.paid else QBrush(UNPAID_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == "state":
                return PENDING_FG if r.pending else (PAID_FG if r.paid else UNPAID_FG)
            if col == "principal" and r.overdue:
                return OVERDUE_FG
            return None
        if role == Qt.ItemDataRole.FontRole and col == "state":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == "principal" and r.overdue:
            return _("Overdue: {amount} baht").format(amount=format_amount(r.overdue))
        return None
