"""A table view set up for large Thai text and the keyboard.

Rows are tall enough for Thai marks above and below the line (they follow the font size), whole rows are
selected, Tab leaves the table instead of walking its cells, and Enter/double-click emit ``opened(row)``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class Table(QTableView):
    opened = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, stretch_column: int | None = None,
                 fit_on_reset: bool = True, padding: int = 28, stretch_min_chars: int = 0) -> None:
        super().__init__(parent)
        # The stretching column (names) keeps at least this many average characters: when the others take the
        # room, the table scrolls sideways rather than squeeze the names to "…".
        self._stretch_min_chars = stretch_min_chars
        self._padding = padding  # added to each column fitted to its contents (room for the sort arrow)
        self._fit_on_reset = fit_on_reset
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._stretch = stretch_column
        self.doubleClicked.connect(lambda index: self.opened.emit(index.row()))
        self._fit_rows()

    def _fit_rows(self) -> None:
        # Thai stacks marks above and below the consonant: ~1.9 line heights keeps them clear of the grid.
        height = int(self.fontMetrics().height() * 1.9)
        self.verticalHeader().setDefaultSectionSize(height)
        self.horizontalHeader().setMinimumHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()
            self.fit_columns()
        super().changeEvent(event)

    def setModel(self, model) -> None:  # type: ignore[override]
        super().setModel(model)
        # Bound methods (not lambdas), so Qt disconnects them when this view is destroyed.
        if self._fit_on_reset:
            model.modelReset.connect(self.fit_columns)
        model.headerDataChanged.connect(self._headers_changed)
        self.fit_columns()

    def _headers_changed(self, *_args: object) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Size columns to their contents once (cheap: Qt samples rows), then let one column stretch."""
        header = self.horizontalHeader()
        model = self.model()
        if model is None:
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(200)
        for col in range(model.columnCount()):
            if col != self._stretch:
                self.resizeColumnToContents(col)
                header.resizeSection(col, header.sectionSize(col) + self._padding)
        self._fit_stretch()

    def _fit_stretch(self) -> None:
        header, model = self.horizontalHeader(), self.model()
        if self._stretch is None or model is None or self._stretch >= model.columnCount():
            return
        least = self.fontMetrics().averageCharWidth() * self._stretch_min_chars
        others = sum(header.sectionSize(c) for c in range(model.columnCount())
                     if c != self._stretch and not header.isSectionHidden(c))
        if least and self.viewport().width() - others < least:
            header.setSectionResizeMode(self._stretch, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self._stretch, least)
        else:
            header.setSectionResizeMode(self._stretch, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._stretch_min_chars:
            self._fit_stretch()

    def current_row(self) -> int | None:
        index = self.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        index = model.index(row, 0)
        self.setCurrentIndex(index)
        self.selectRow(row)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index: QModelIndex = self.currentIndex()
            if index.isValid():
                self.opened.emit(index.row())
                event.accept()
                return
        super().keyPressEvent(event)
