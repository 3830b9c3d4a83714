"""Settings → Users: the switch that turns user accounts on (off by default: a one-person bank needs none),
the accounts (treasurer records; committee looks, prints, checks), signing in as someone else."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from villagebank.i18n import N_, UserError, _
from villagebank.ledger.access import ROLE_LABELS, ROLES
from villagebank.ui import formatting
from villagebank.ui.context import BANK, Context
from villagebank.ui.dialogs.common import confirm
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.qt import Texts, font_role, note_label
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.problems import ProblemList, problems_of
from villagebank.ui.views.tables import Table


class AccessTab(QWidget):
    def __init__(self, ctx: Context, texts: Texts) -> None:
        super().__init__()
        self.ctx = ctx
        t = texts
        self.state = QLabel()
        self.state.setWordWrap(True)
        font_role(self.state, 1.1, bold=True)
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.display = QLineEdit()
        self.display.setMaxLength(100)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        t.call(self._fill_roles)
        self.form = FormGrid(t, notes=True)
        self.form.add("name", N_("&User name"), self.name, note=N_("Short, for signing in, e.g. somsri"))
        self.form.add("display", N_("Full name"), self.display)
        self.form.add("role", N_("Role"), self.role,
                      note=N_("The treasurer records; a committee member looks, prints and checks."))
        self.form.add("password", N_("&Password"), self.password, note=N_("At least 8 characters."))
        self.form.add("repeat", N_("Password again"), self.repeat)
        self.on_button = QPushButton()
        t.set(self.on_button.setText, N_("Turn &on user accounts…"))
        self.add_button = QPushButton()
        t.set(self.add_button.setText, N_("&Add this user"))
        self.off_button = QPushButton()
        t.set(self.off_button.setText, N_("Turn o&ff user accounts…"))
        self.switch_button = QPushButton()
        t.set(self.switch_button.setText, N_("Sign in as &someone else…"))
        self.password_button = QPushButton()
        t.set(self.password_button.setText, N_("Set a new pass&word"))
        t.set(self.password_button.setToolTip, N_("The user name above gets the password typed twice above (the "
                                                  "treasurer may do it for anyone, the others for themselves)"))
        self.model = RowsModel((
            Column(N_("User name"), lambda u: u.name),
            Column(N_("Full name"), lambda u: u.display_name),
            Column(N_("Role"), lambda u: _(ROLE_LABELS.get(u.role, u.role))),
            Column(N_("Active"), lambda u: _("yes") if u.active else _("no")),
            Column(N_("Last signed in"), lambda u: formatting.timestamp(u.last_login_at or "")),
        ), parent=self)
        self.table = Table(stretch_column=1)
        self.table.setModel(self.model)
        t.call(self.model.retranslate, now=False)
        self.problems = ProblemList()
        buttons = QHBoxLayout()
        buttons.addWidget(self.on_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.password_button)
        buttons.addStretch(1)
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.off_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(note_label(t, N_("Off by default. When on, nobody can use the book without signing in, "
                                          "and the journal records who entered what. It does not encrypt the book: "
                                          "keep the computer and the USB backups safe.")))
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.problems)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)
        self.on_button.clicked.connect(self.turn_on)
        self.add_button.clicked.connect(self.add_user)
        self.off_button.clicked.connect(self.turn_off)
        self.switch_button.clicked.connect(self.switch_user)
        self.password_button.clicked.connect(self.new_password)
        t.call(self.load, now=False)

    def _fill_roles(self) -> None:
        current = self.role.currentData() or "treasurer"
        self.role.clear()
        for role in ROLES:
            self.role.addItem(_(ROLE_LABELS[role]), role)
        self.role.setCurrentIndex(max(0, self.role.findData(current)))

    def load(self) -> None:
        book = self.ctx.book
        on = book.access_enabled
        user = book.signed_in
        if not on:
            self.state.setText(_("User accounts are off: whoever uses this computer can record."))
        elif user is not None:
            self.state.setText(_("User accounts are on. Signed in: {name} ({role}).").format(
                name=user.display_name or user.name, role=_(ROLE_LABELS.get(user.role, user.role))))
        else:
            self.state.setText(_("User accounts are on. Nobody is signed in."))
        self.on_button.setVisible(not on)
        self.add_button.setVisible(on)
        self.off_button.setVisible(on)
        self.switch_button.setVisible(on)
        self.password_button.setVisible(on)
        role_row = self.form.rows["role"]
        for widget in (role_row.label, role_row.widget.parentWidget(), role_row.note):
            if widget is not None:
                widget.setVisible(on)
        self.table.setVisible(on)
        self.model.set_rows(book.users() if on else [])
        self.table.fit_columns()
        for w in (self.on_button, self.add_button, self.off_button, self.password_button):
            w.setEnabled(not book.readonly)

    def _values(self) -> tuple[str, str, str] | None:
        if self.password.text() != self.repeat.text():
            self.problems.set_problems([UserError(N_("the two passwords are not the same"), N_("Password again"))])
            return None
        return self.name.text(), self.password.text(), self.display.text()

    def _clear(self) -> None:
        for edit in (self.name, self.display, self.password, self.repeat):
            edit.clear()

    def _run(self, fn, done_msgid: str) -> None:
        def done(_result: object) -> None:
            self._clear()
            self.problems.clear_problems()
            self.ctx.say(_(done_msgid))
            self.ctx.changed.emit(BANK)  # the title bar shows who is signed in
            self.load()

        self.ctx.run(fn, done=done, failed=lambda exc: self.problems.set_problems(problems_of(exc)), owner=self,
                     parent=self.window())

    def turn_on(self) -> None:
        values = self._values()
        if values is None:
            return
        name, password, display = values
        if not confirm(self.window(), _("Turn on user accounts?"),
                       _("From now on, nobody can use this book without signing in. “{name}” becomes the "
                         "treasurer's account.").format(name=name.strip()),
                       _("Turn on user accounts"), default_yes=True):
            return
        self._run(lambda: self.ctx.book.enable_access(name, password, display), N_("User accounts are on."))

    def add_user(self) -> None:
        values = self._values()
        if values is None:
            return
        name, password, display = values
        role = self.role.currentData()
        self._run(lambda: self.ctx.book.add_user(name, password, role, display), N_("The user was added."))

    def new_password(self) -> None:
        """A forgotten password replaced: the treasurer for anyone, a committee member for themselves."""
        values = self._values()
        if values is None:
            return
        name, password, _display = values
        self._run(lambda: self.ctx.book.set_password(name, password), N_("The new password is set."))

    def turn_off(self) -> None:
        if not confirm(self.window(), _("Turn off user accounts?"),
                       _("Whoever uses this computer will be able to record again without signing in. The accounts "
                         "are kept."), _("Turn off user accounts")):
            return
        self._run(lambda: self.ctx.book.disable_access(), N_("User accounts are off."))

    def switch_user(self) -> None:
        from villagebank.ui.dialogs.login import LoginDialog

        book = self.ctx.book
        book.logout()
        dialog = LoginDialog(book, self.window())
        dialog.exec()
        dialog.deleteLater()
        self.ctx.changed.emit(BANK)
        self.load()
