"""Backup: make a verified backup now (into the book's backups folder, or a chosen folder such as a USB
stick), see the backups (kind, when, last entry), and restore one after its check is shown.

A backup is also made automatically, and verified, every time the program closes (kind "on closing the
app"), before a year is closed and before the book is upgraded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from villagebank import paths
from villagebank.i18n import N_, _
from villagebank.ledger.backup import KIND_LABELS, BackupInfo, inspect_backup
from villagebank.thai import format_date, format_number
from villagebank.ui.context import Context
from villagebank.ui.dialogs.restore import RestoreDialog, choose_backup_file, made_text
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import heading, muted, note_label
from villagebank.ui.views.problems import ProblemList, problems_of
from villagebank.ui.views.tables import Table

USB_KEY = "backup/folder"


class BackupPage(Page):
    key = "backup"
    title = N_("Backup")
    tooltip = N_("Backups of the book: make one now, to a USB stick, restore one")
    order = 110

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        self.now_button = QPushButton()
        t.set(self.now_button.setText, N_("Back up &now"))
        self.usb_button = QPushButton()
        t.set(self.usb_button.setText, N_("Back up to a &folder or USB stick…"))
        self.restore_button = QPushButton()
        t.set(self.restore_button.setText, N_("&Restore the selected backup…"))
        self.file_button = QPushButton()
        t.set(self.file_button.setText, N_("Restore from a f&ile…"))
        bar = QHBoxLayout()
        for button in (self.now_button, self.usb_button):
            bar.addWidget(button)
        bar.addStretch(1)
        for button in (self.restore_button, self.file_button):
            bar.addWidget(button)
        self.model = RowsModel((
            Column(N_("Made"), made_text),
            Column(N_("Kind"), lambda i: _(KIND_LABELS.get(i.kind, i.kind)) if i.kind else "-"),
            Column(N_("Last entry"), lambda i: _("number {seq} of {date}").format(
                seq=i.last_seq, date=format_date(i.last_date) if i.last_date else "-")),
            Column(N_("Members"), lambda i: format_number(i.members), right=True),
            Column(N_("Entries"), lambda i: format_number(i.entries), right=True),
            Column(N_("File"), lambda i: i.path.name),
        ), parent=self)
        self.table = Table(stretch_column=5)
        self.table.setModel(self.model)
        t.call(self.model.retranslate, now=False)
        self.folder = QLabel()
        muted(self.folder)
        self.folder.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.problems = ProblemList()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Backup")))
        layout.addWidget(note_label(t, N_("A verified backup is made every time the program closes, before a year "
                                          "is closed and before an upgrade. Keep a copy on a USB stick away from "
                                          "this computer too: back up to it at the end of each meeting day.")))
        layout.addLayout(bar)
        layout.addWidget(self.result)
        layout.addWidget(self.problems)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.folder)
        self.now_button.clicked.connect(lambda: self.backup())
        self.usb_button.clicked.connect(self.backup_to_folder)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.file_button.clicked.connect(lambda: self.restore_file())
        self.table.opened.connect(lambda _r: self.restore_selected())
        self._loaded = False

    def activate(self) -> None:
        self.reload()

    def reload(self) -> None:
        book = self.ctx.book
        items = book.backups()
        self.model.set_rows(items)
        self.table.fit_columns()
        if items:
            self.table.select_row(0)
        self.restore_button.setEnabled(bool(items) and not book.readonly)
        self.folder.setText(_("Backups folder: {folder}").format(folder=str(paths.backups_dir_for(book.path))))
        self._loaded = True

    # --- making backups ----------------------------------------------------------------------------------
    def backup(self, folder: Path | None = None) -> bool:
        book = self.ctx.book
        self.problems.clear_problems()
        op = self.ctx.ops.run(lambda _op: book.backup(folder, kind="manual"), done=self._made, failed=self._failed,
                              key="backup", long=True, parent=self.window(), owner=self,
                              label=_("Making and checking the backup…"))
        return op is not None

    def backup_to_folder(self) -> None:
        start = self.ctx.prefs.value(USB_KEY, str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self.window(), _("Choose the folder or USB stick"), start)
        if folder:
            self.ctx.prefs.set_value(USB_KEY, folder)
            self.backup(Path(folder))

    def _made(self, info: BackupInfo) -> None:
        self.result.setText(_("Backup made and checked: {path} (last entry number {seq}).").format(
            path=str(info.path), seq=info.last_seq))
        self.ctx.say(_("Backup made and checked."))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.result.setText("")
        self.problems.set_problems(problems_of(exc))

    # --- restoring -------------------------------------------------------------------------------------------
    def selected(self) -> BackupInfo | None:
        row = self.table.current_row()
        return self.model.row(row) if row is not None and row < self.model.rowCount() else None

    def restore_selected(self) -> RestoreDialog | None:
        info = self.selected()
        return self.restore_file(info.path) if info is not None else None

    def restore_file(self, file: Path | None = None) -> RestoreDialog | None:
        book = self.ctx.book
        if file is None:
            file = choose_backup_file(self.window(), book.path)
            if file is None:
                return None
        check = inspect_backup(file, book)
        dialog = RestoreDialog(check, self.window())
        dialog.finished.connect(lambda result: self._restore_answered(dialog, result))
        dialog.open()
        return dialog

    def _restore_answered(self, dialog: RestoreDialog, result: int) -> None:
        check = dialog.check
        dialog.deleteLater()
        if result != RestoreDialog.DialogCode.Accepted or not check.ok:
            return
        action = self.ctx.actions.get("restore")
        if action is None:
            self.problems.set_problems([RuntimeError(_("restoring needs the whole program (not available here)"))])
            return
        action(check.file)


register(BackupPage)
