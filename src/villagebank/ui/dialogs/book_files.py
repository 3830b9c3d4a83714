"""The book's files for a person, not a programmer: where they are on this computer (the book, its backups,
the printed receipts and meeting summaries, the error log) with a button to open each folder; the book
workbook (Excel) saved for the network centre; the About box with the version.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import villagebank
from villagebank import paths
from villagebank.i18n import N_, _
from villagebank.thai import format_date, format_number
from villagebank.ui.context import Context
from villagebank.ui.qt import Texts, heading, muted, note_label

EXPORT_FOLDER_KEY = "export/folder"


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the computer's file manager (Explorer on Windows)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def file_places(book_path: Path) -> list[tuple[str, Path, Path]]:
    """(what, the file or folder shown, the folder a button opens) for the open book."""
    data = paths.user_data_dir()
    return [
        (N_("The book (all the bank's records, one file)"), book_path, book_path.parent),
        (N_("Its backups"), paths.backups_dir_for(book_path), paths.backups_dir_for(book_path)),
        (N_("Printed receipts (PDF)"), data / "receipts", data / "receipts"),
        (N_("Meeting day summaries (PDF)"), data / "meetings", data / "meetings"),
        (N_("Error log (send it with a problem report)"), data / "logs", data / "logs"),
    ]


class FilesDialog(QDialog):
    """Where are my files: each place with its full path and a button that opens its folder."""

    def __init__(self, book_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = t = Texts()
        t.set(self.setWindowTitle, N_("Where are my files"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(t, N_("Where are my files"), 1.3))
        layout.addWidget(note_label(t, N_("Everything the program keeps is in these folders on this computer. "
                                          "Installing a newer version or removing the program does not touch them. "
                                          "Copy the book and its backups to a USB stick to keep them safe.")))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.open_buttons: list[QPushButton] = []
        for row, (what, shown, folder) in enumerate(file_places(Path(book_path))):
            label = QLabel()
            t.set(label.setText, what)
            place = QLabel(str(shown))
            place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            place.setWordWrap(True)
            muted(place)
            button = QPushButton()
            t.set(button.setText, N_("Open the folder"))
            button.clicked.connect(lambda _c=False, f=folder: open_folder(f) if f.exists() else None)
            button.setEnabled(folder.exists())
            self.open_buttons.append(button)
            grid.addWidget(label, row * 2, 0, 1, 2)
            grid.addWidget(place, row * 2 + 1, 1)
            grid.addWidget(button, row * 2 + 1, 2)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, self.sizeHint().height())


def about_box(parent: QWidget | None = None) -> QMessageBox:
    """The About box: the program, its version, where the book is. ``exec()`` it to show it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("About villagebank"))
    box.setText(_("villagebank — the books of a village bank") + "\n" + _("Version {version}").format(
        version=villagebank.__version__))
    box.setInformativeText(_("Works offline on this computer. The book and its backups are in {folder}.").format(
        folder=str(paths.user_data_dir())))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(_("OK"))
    return box


def export_done_box(result, parent: QWidget | None = None) -> QMessageBox:
    """Said after the workbook is saved: where, as of which date, how many rows, and any warnings."""
    counts = result.counts
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("The book workbook is saved"))
    box.setText(_("Saved: {path}").format(path=result.path.name))
    lines = [_("In the folder: {folder}").format(folder=str(result.path.parent)),_("The book as of {date}: {members} member(s), {loans} loan(s).").format(
        date=format_date(result.as_of), members=format_number(counts.get("members", 0)),
        loans=format_number(counts.get("loans", 0))),
        _("Send this file to the network centre (on a USB stick or by e-mail).")]
    lines += [str(w) for w in result.warnings]
    box.setInformativeText("\n".join(lines))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(_("OK"))
    return box


def suggested_name(bank_name: str, as_of: dt.date) -> str:
    return f"{bank_name or 'book'}-{as_of.isoformat()}.xlsx".replace("/", "-").replace("\\", "-")


def export_workbook(ctx: Context, parent: QWidget | None, path: Path | None = None) -> bool:
    """Ask where (unless ``path``), then write the book workbook as of today on the writer thread and say where it
    is. False when cancelled or already running."""
    book = ctx.book
    as_of = ctx.today()
    if path is None:
        folder = ctx.prefs.value(EXPORT_FOLDER_KEY, str(Path.home()))
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the book workbook for the network centre"),
            str(Path(folder) / suggested_name(book.bank().name, as_of)), _("Excel workbooks (*.xlsx)"))
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        ctx.prefs.set_value(EXPORT_FOLDER_KEY, str(path.parent))

    def work(op):
        from villagebank.exports.workbook.export import export_workbook as write

        return write(book, path, as_of=as_of, progress=lambda _stage, done, total: op.progress(done, total))

    def done(result) -> None:
        ctx.say(_("Saved: {path}").format(path=str(result.path)))
        export_done_box(result, parent).exec()

    op = ctx.ops.run(work, done=done, key="workbook-export", long=True, parent=parent,
                     label=_("Writing the book workbook…"))
    return op is not None
