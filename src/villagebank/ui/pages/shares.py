"""Shares (ทะเบียนหุ้น): the 12-month grid of a fiscal year, as in the paper book.

One row per member — brought forward, the shares bought in each month, withdrawn, the balance — and a totals
row that always stays last. Sorting and searching happen inside the model (10,000 members in milliseconds).
Keyboard: the year chooser (Alt+Y, Page Up/Down for the year before/after), the search box (Ctrl+F; a number
or a few letters of the name), Down into the grid.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from villagebank.i18n import N_, _
from villagebank.ledger import Book
from villagebank.ledger.periods import fiscal_months
from villagebank.ledger.shares import GridRow
from villagebank.thai import (
    format_amount,
    format_year,
    month_name,
    name_key,
    normalize_text,
    thai_sort_key,
    to_arabic_digits,
)
from villagebank.ui.context import Context
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import heading, muted
from villagebank.ui.views.tables import Table

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _amount(satang: int) -> str:
    """Whole-baht amounts without ``.00`` (a dense grid, as on paper); ``–`` for nothing."""
    if not satang:
        return "–"
    if satang % 100 == 0:
        return f"{satang // 100:,}"
    return format_amount(satang)


class ShareGridModel(QAbstractTableModel):
    """Rows of ``GridRow`` and a totals row (always last, never sorted)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.months: list[tuple[int, int]] = []
        self._all: list[tuple[GridRow, str]] = []
        self._rows: list[GridRow] = []
        self._total: list[int] = []
        self._vals: dict[int, list[int]] = {}
        self._query = ""
        self._sort = (0, False)

    def set_grid(self, rows: list[GridRow], months: list[tuple[int, int]]) -> None:
        self.beginResetModel()
        self.months = months
        self._all = [(r, r.name.casefold().replace(" ", "")) for r in rows]  # names are stored normalised
        self._vals = {r.member_no: self._values(r) for r in rows}
        self._arrange()
        self.endResetModel()

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self._query = query
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        text = normalize_text(self._query)
        digits = to_arabic_digits(text).replace(" ", "")
        if not text:
            rows = [r for r, _k in self._all]
        elif digits.isdigit():
            rows = [r for r, _k in self._all if r.member_no == int(digits)]
        else:
            key = name_key(text)
            rows = [r for r, k in self._all if key in k]
        column, descending = self._sort
        self._rows = sorted(rows, key=self._key(column), reverse=descending)
        vals = [self._vals[r.member_no] for r in rows]
        self._total = [sum(column) for column in zip(*vals, strict=True)] if vals else [0] * (self.columnCount() - 2)

    def _key(self, column: int):
        if column == 0:
            return lambda r: r.member_no
        if column == 1:
            return lambda r: (thai_sort_key(r.name), r.member_no)
        return lambda r: (self._vals[r.member_no][column - 2], r.member_no)

    @staticmethod
    def _values(r: GridRow) -> list[int]:
        return [r.brought_forward.satang, *(m.satang for m in r.months), r.withdrawn.satang, r.balance.satang]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._arrange()
        self.endResetModel()

    def total(self, column: int) -> int:
        return self._total[column - 2]

    def grid_row(self, i: int) -> GridRow | None:
        return self._rows[i] if i < len(self._rows) else None

    def member_count(self) -> int:
        return len(self._rows)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # --- Qt -------------------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() or not self.months else len(self._rows) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else 2 + 1 + 12 + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            if section == 0:
                return _("No.")
            if section == 1:
                return _("Name")
            if section == 2:
                return _("Brought forward")
            if 3 <= section < 15 and self.months:
                _year, month = self.months[section - 3]
                return month_name(month, abbr=True)
            if section == 15:
                return _("Withdrawn")
            if section == 16:
                return _("Balance")
        if role == Qt.ItemDataRole.TextAlignmentRole and section != 1:
            return _RIGHT
        return None

    def data(self, index: _Index, role: int = _DISPLAY):
        if not index.isValid():
            return None
        col = index.column()
        is_total = index.row() >= len(self._rows)
        if role == _DISPLAY:
            if is_total:
                if col == 1:
                    return _("Total ({count} members)").format(count=len(self._rows))
                return "" if col == 0 else _amount(self._total[col - 2])
            r = self._rows[index.row()]
            if col == 0:
                return str(r.member_no)
            if col == 1:
                return r.name
            return _amount(self._vals[r.member_no][col - 2])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if col == 1 else _RIGHT
        if role == Qt.ItemDataRole.FontRole and (is_total or col == 16):
            font = QFont()
            font.setBold(True)
            return font
        return None


@register
class SharesPage(Page):
    key = "shares"
    title = N_("Shares")
    tooltip = N_("The share register: what each member saved in each month of the year")
    order = 40

    @classmethod
    def available(cls, book: Book) -> bool:
        return hasattr(book, "share_grid")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        self.model = ShareGridModel(self)
        year_label = QLabel()
        t.set(year_label.setText, N_("Fiscal &year:"))
        self.year = QComboBox()
        year_label.setBuddy(self.year)
        find_label = QLabel()
        t.set(find_label.setText, N_("&Find:"))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        t.set(self.search.setPlaceholderText, N_("member number, or a few letters of the name"))
        find_label.setBuddy(self.search)
        self.period = QLabel()
        muted(self.period)
        bar = QHBoxLayout()
        bar.addWidget(year_label)
        bar.addWidget(self.year)
        bar.addWidget(self.period)
        bar.addSpacing(20)
        bar.addWidget(find_label)
        bar.addWidget(self.search, 1)
        self.table = Table(stretch_column=None, fit_on_reset=False)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.count = QLabel()
        muted(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Share register")))
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.year.currentIndexChanged.connect(self.load)
        self.search.textChanged.connect(self._search)
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus, context=scope)
        # The years are listed newest first: Page Up goes to the year before, Page Down to the year after.
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self._step_year(+1), context=scope)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self._step_year(-1), context=scope)
        t.call(self.model.retranslate, now=False)
        t.call(self._fill_years, now=False)
        ctx.changed.connect(lambda _topic: setattr(self, "_stale", True))
        self._stale = True

    def _fill_years(self) -> None:
        book = self.ctx.book
        current = self.year.currentData()
        this = book.fiscal_year_of(self.ctx.today())
        meetings = book.meetings()
        first = book.fiscal_year_of(meetings[0].date) if meetings else this
        self.year.blockSignals(True)
        self.year.clear()
        start_month = book.rules.fiscal_year_start_month
        for fy in range(this, min(first, this) - 1, -1):
            text = format_year(fy) if start_month == 1 else f"{format_year(fy)}/{format_year(fy + 1)[-2:]}"
            self.year.addItem(text, fy)
        self.year.setCurrentIndex(max(0, self.year.findData(current if current is not None else this)))
        self.year.blockSignals(False)

    def activate(self) -> None:
        if self._stale:
            self._fill_years()
            self.load()
        self.search.setFocus()

    def _step_year(self, step: int) -> None:
        i = self.year.currentIndex() + step
        if 0 <= i < self.year.count():
            self.year.setCurrentIndex(i)

    def choose_year(self, fy: int) -> None:
        i = self.year.findData(fy)
        if i >= 0:
            self.year.setCurrentIndex(i)

    def load(self) -> None:
        self._stale = False
        fy = self.year.currentData()
        if fy is None:
            return
        book = self.ctx.book
        months = fiscal_months(fy, book.rules.fiscal_year_start_month)
        start, end = book.fiscal_year_bounds(fy)
        self.period.setText(_("{start} – {end}").format(start=f"{month_name(start.month)} {format_year(start.year)}",
                                                         end=f"{month_name(end.month)} {format_year(end.year)}"))
        self.ctx.ops.run(lambda: book.share_grid(fy), done=lambda rows: self._loaded(rows, months), owner=self,
                         parent=self.window(), key="share-grid", label=_("Reading the share register…"))

    def _loaded(self, rows: list[GridRow], months: list[tuple[int, int]]) -> None:
        self.model.set_grid(rows, months)
        self.fit_columns()
        self._count()

    def fit_columns(self) -> None:
        """Amount columns as narrow as their numbers, so the twelve months fit on a laptop's screen."""
        self.table.fit_columns()
        header = self.table.horizontalHeader()
        fm = self.table.fontMetrics()
        widest = max([0] + [fm.horizontalAdvance(self.model.data(self.model.index(r, c)) or "")
                            for r in range(min(self.model.rowCount(), 200)) for c in range(2, 17)]
                     + [fm.horizontalAdvance(self.model.data(self.model.index(self.model.rowCount() - 1, 16)) or "")])
        for col in range(2, 17):
            head = fm.horizontalAdvance(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            header.resizeSection(col, max(widest, head) + 14)
        header.resizeSection(0, max(fm.horizontalAdvance("99999"), fm.horizontalAdvance(_("No."))) + 24)
        # The names as wide as they are (up to a limit): the grid scrolls sideways on a small screen, the
        # names stay readable.
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        names = max([fm.horizontalAdvance(self.model.data(self.model.index(r, 1)) or "")
                     for r in range(min(self.model.rowCount(), 500))] + [80])
        header.resizeSection(1, min(names + 16, fm.horizontalAdvance("ก" * 24)))

    def _search(self, text: str) -> None:
        self.model.set_query(text)
        self._count()

    def _count(self) -> None:
        self.count.setText(_("{count} member(s); balance at the end of the year {amount} baht").format(
            count=self.model.member_count(), amount=format_amount(self.model.total(16))))
