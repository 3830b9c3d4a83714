"""Signing in, when the book has user accounts switched on (Settings → users). After repeated wrong passwords
the next try must wait: the dialog says how long and counts down."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from villagebank.i18n import N_, UserError, _
from villagebank.ledger import AccessDenied, Book
from villagebank.ui.qt import Texts, error_label, heading, note_label
from villagebank.ui.views.forms import FormGrid


class LoginDialog(QDialog):
    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.texts = Texts()
        t = self.texts
        t.set(self.setWindowTitle, N_("Sign in"))
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        form = FormGrid(t)
        form.add("name", N_("&User name"), self.name)
        form.add("password", N_("&Password"), self.password)
        self.message = QLabel()
        error_label(self.message)
        self.message.setVisible(False)
        self.ok_button = QPushButton()
        t.set(self.ok_button.setText, N_("&Sign in"))
        self.ok_button.setDefault(True)
        cancel = QPushButton()
        t.set(cancel.setText, N_("Close the book"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(t, N_("Sign in to {bank}"), 1.2, bank=book.bank().name))
        layout.addWidget(note_label(t, N_("This book has user accounts: the treasurer records, the committee looks, "
                                          "prints and checks.")))
        layout.addWidget(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.ok_button.clicked.connect(self.try_login)
        cancel.clicked.connect(self.reject)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())
        self.name.setFocus()

    def try_login(self) -> bool:
        name, password = self.name.text(), self.password.text()
        try:
            wait = self.book.wait_before_login(name)
            if wait:
                raise AccessDenied(N_("too many wrong passwords: wait {seconds} seconds before trying again"),
                                   reason="wait", wait_seconds=wait, seconds=wait)
            self.book.login(name, password)
        except AccessDenied as exc:
            self.password.clear()
            self._show(exc.message())
            wait = exc.wait_seconds if exc.reason == "wait" else self.book.wait_before_login(name)
            if wait:
                self._wait(wait)
            self.password.setFocus()
            return False
        except UserError as exc:
            self._show(exc.message())
            return False
        self.accept()
        return True

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _wait(self, seconds: int) -> None:
        self._left = seconds
        self.ok_button.setEnabled(False)
        self._tick(first=True)
        self._timer.start()

    def _tick(self, first: bool = False) -> None:
        if not first:
            self._left -= 1
        if self._left <= 0:
            self._timer.stop()
            self.ok_button.setEnabled(True)
            self.ok_button.setText(_("&Sign in"))
            self._show(_("You can try again now."))
            return
        self.ok_button.setText(_("Wait {seconds} s").format(seconds=self._left))
        self._show(_("Too many wrong passwords: wait {seconds} seconds before trying again.").format(
            seconds=self._left))

    def waiting(self) -> int:
        return self._left if self._timer.isActive() else 0
