"""Questions the program asks: a confirmation in plain words, a reason for a change.

Buttons say what they do ("Save the rules", "Go back"), never a bare OK/Cancel; the safe answer is the
default whenever the other one cannot be undone; Esc always means "no, go back".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, _
from villagebank.ui.qt import Texts, error_label, font_role, note_label


def confirm(parent: QWidget | None, title: str, text: str, yes: str, no: str | None = None, *,
            default_yes: bool = False, icon: QMessageBox.Icon = QMessageBox.Icon.Question,
            details: str | None = None) -> bool:
    """Ask a yes/no question; all strings already translated. Esc and closing the window mean no."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or _("Go back"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button if default_yes else no_button)
    box.setEscapeButton(no_button)
    box.exec()
    answer = box.clickedButton() is yes_button
    box.deleteLater()  # it has a parent: without this it would live as long as the window
    return answer


class ReasonDialog(QDialog):
    """Asks why something changes (kept in the book's history with the change). The reason is required."""

    def __init__(self, parent: QWidget | None, title: str, question: str, summary: str = "",
                 ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        heading = QLabel(question)
        heading.setWordWrap(True)
        font_role(heading, 1.1, bold=True)
        layout.addWidget(heading)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setVisible(bool(summary))
        layout.addWidget(self.summary)
        label = QLabel()
        self.texts.set(label.setText, N_("&Reason:"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(300)
        self.texts.set(self.reason.setPlaceholderText, N_("for example: decided at the meeting of 3 July 2568"))
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        self.error = QLabel()
        error_label(self.error)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        layout.addWidget(note_label(self.texts, N_("The reason is kept in the book with the change.")))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ok_button = QPushButton(ok_text or _("Save"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.texts.set(self.cancel_button.setText, N_("Go back"))
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.ok_button.clicked.connect(self._ok)
        self.cancel_button.clicked.connect(self.reject)
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())

    def _ok(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(_("Please write a reason."))
            self.error.setVisible(True)
            self.reason.setFocus()
            return
        self.accept()

    def text(self) -> str:
        return self.reason.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, question: str, summary: str = "",
            ok_text: str | None = None) -> str | None:
        dialog = cls(parent, title, question, summary, ok_text)
        answer = dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        return answer
