"""Importing a bank's book workbook (Excel) on the first run: the file is checked first without writing
anything (a dry run); every problem is listed as a table — sheet, cell, message — that the treasurer can fix
the workbook from, then "Check again"; when nothing is wrong, "Import" makes the book and opens it.

Checking and importing run on the writer thread with progress (large workbooks take a while), once at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from villagebank.i18n import N_, _
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.ops import Ops
from villagebank.ui.qt import Texts, error_label, font_role, heading, note_label
from villagebank.ui.views.tables import Table

IMPORT_KEY = "import"


def cell_of(problem: Any) -> str:
    where = problem.where
    return where.split("!", 1)[1] if "!" in where else ""


def choose_workbook(parent: QWidget | None) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(parent, _("Choose the book workbook"), str(Path.home()),
                                                _("Excel workbooks (*.xlsx);;All files (*)"))
    return Path(name) if name else None


class ImportDialog(QDialog):
    """``imported(book_path)`` is called when the import wrote the book."""

    def __init__(self, ops: Ops, book_path: Path, workbook: Path, parent: QWidget | None = None, *,
                 imported: Callable[[Path], None] | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.book_path = book_path
        self.workbook = workbook
        self.imported = imported
        self.result_ = None
        self.texts = Texts()
        t = self.texts
        t.set(self.setWindowTitle, N_("Import a book workbook"))
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        font_role(self.file_label, 1.05, bold=True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = RowsModel((
            Column(N_("Sheet"), lambda p: p.sheet),
            Column(N_("Cell"), cell_of),
            Column(N_("What is wrong"), lambda p: p.message()),
        ), parent=self)
        self.table = Table(stretch_column=2)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        t.call(self.model.retranslate, now=False)
        self.error = QLabel()
        error_label(self.error)
        self.error.setVisible(False)
        self.check_button = QPushButton()
        t.set(self.check_button.setText, N_("&Check again"))
        self.other_button = QPushButton()
        t.set(self.other_button.setText, N_("Choose &another file…"))
        self.import_button = QPushButton()
        t.set(self.import_button.setText, N_("&Import and open the book"))
        self.import_button.setEnabled(False)
        close = QPushButton()
        t.set(close.setText, N_("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(t, N_("Import a book workbook"), 1.3))
        layout.addWidget(note_label(t, N_("The workbook is checked first: nothing is written until every row can "
                                          "be imported. Fix each cell listed below in Excel, save, then check "
                                          "again.")))
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.check_button.clicked.connect(self.check)
        self.other_button.clicked.connect(self.choose_other)
        self.import_button.clicked.connect(self.run_import)
        close.clicked.connect(self.reject)
        self.resize(1100, 680)

    def _run(self, dry_run: bool) -> bool:
        from villagebank.exports.workbook.importer import import_workbook

        book_path, workbook = self.book_path, self.workbook
        self.file_label.setText(_("File: {file}").format(file=str(workbook)))
        self.error.setVisible(False)
        self.import_button.setEnabled(False)

        def work(op: Any) -> Any:
            return import_workbook(book_path, workbook, dry_run=dry_run,
                                   progress=lambda text, done, total: op.progress(done, total, text))

        op = self.ops.run(work, done=self._checked, failed=self._failed, key=IMPORT_KEY, long=True, parent=self,
                          owner=self, label=_("Checking the workbook…") if dry_run else _("Importing the workbook…"))
        return op is not None

    def check(self) -> bool:
        return self._run(True)

    def run_import(self) -> bool:
        return self._run(False)

    def choose_other(self) -> None:
        file = choose_workbook(self)
        if file is not None:
            self.workbook = file
            self.check()

    def _checked(self, result: Any) -> None:
        self.result_ = result
        self.model.set_rows([*result.problems, *result.warnings])
        self.table.fit_columns()
        rows = sum(result.counts.values())
        if result.problems:
            self.summary.setText(_("{count} problem(s) to fix in the workbook ({rows} rows read). Nothing was "
                                   "written.").format(count=len(result.problems), rows=rows))
        elif result.written:
            self.summary.setText(_("Imported: {rows} rows.").format(rows=rows))
        else:
            self.summary.setText(_("No problems: {rows} rows can be imported.").format(rows=rows))
        self.import_button.setEnabled(result.ok and not result.written)
        if result.ok and not result.written:
            self.import_button.setDefault(True)
            self.import_button.setFocus()
        if result.written:
            self.accept()
            if self.imported is not None:
                self.imported(result.book_path)

    def _failed(self, exc: BaseException) -> None:
        message = exc.message() if hasattr(exc, "message") else str(exc)
        self.error.setText(message)
        self.error.setVisible(True)
        self.model.set_rows([])
