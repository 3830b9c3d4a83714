"""The first screen when there is no book yet: try the demo book, create my bank, or open a book file.

"Try the demo book" is the default: Enter opens it (``make run`` on a fresh machine is one key press
from a working demo). Creating a bank takes two steps: the bank's name and place, then its rules,
prefilled with the defaults and each explained in plain words (they can be changed later in Settings).

"Import a book workbook" checks an Excel workbook first (a dry run) and lists every problem by sheet and cell
(``dialogs/import_workbook.py``); the import makes a new book from it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from villagebank import i18n
from villagebank.i18n import N_, UserError
from villagebank.ledger.rules import Rules
from villagebank.ui.errors import show_error
from villagebank.ui.pages.settings import LanguageCombo
from villagebank.ui.qt import Texts, error_label, font_role, heading, note_label
from villagebank.ui.settings import Prefs
from villagebank.ui.views.bank_form import BankForm
from villagebank.ui.views.rules_editor import RulesEditor, RulesInvalid

CHOICES, BANK_STEP, RULES_STEP = range(3)


class ChoiceButton(QPushButton):
    """A big button with a bold title and a line of explanation under it (a framed, clearly clickable
    version of a command link)."""

    def __init__(self, texts: Texts, title: str, description: str) -> None:
        super().__init__()
        self.title = QLabel()
        font_role(self.title, 1.25, bold=True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        texts.set(self.title.setText, title)
        texts.set(self.description.setText, description)
        texts.set(self.setAccessibleName, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 14)
        layout.setSpacing(4)
        for label in (self.title, self.description):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        width = max(400, self.width())
        return QSize(width, self.layout().totalHeightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        height = self.layout().totalHeightForWidth(self.width())
        if height != self.height():
            self.setFixedHeight(height)


class FirstRunWindow(QDialog):
    demo_requested = Signal()
    open_requested = Signal()
    import_requested = Signal()
    restore_requested = Signal()
    create_requested = Signal(dict, object)  # bank fields, Rules

    def __init__(self, prefs: Prefs, parent: QWidget | None = None, *, message: str = "") -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.texts = Texts()
        t = self.texts
        t.set(self.setWindowTitle, N_("Village bank books"))
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self.language = LanguageCombo()
        t.call(self.language.sync)
        self.language.currentIndexChanged.connect(self._language)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._choices_page(message))
        self.stack.addWidget(self._bank_page())
        self.stack.addWidget(self._rules_page())
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.resize(1100, 720)
        self.show_step(CHOICES)

    def _language(self) -> None:
        lang = self.language.currentData()
        self.prefs.set_language(lang)
        if lang != i18n.current_language():
            i18n.set_language(lang)

    # --- pages -----------------------------------------------------------------------------------
    def _choices_page(self, message: str) -> QWidget:
        t = self.texts
        page = QWidget()
        outer = QHBoxLayout(page)
        column = QWidget()
        column.setMaximumWidth(920)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.addWidget(heading(t, N_("Welcome to the village bank books"), 1.6))
        layout.addWidget(note_label(t, N_("This program keeps the books of a village bank on this computer: "
                                          "members, savings, loans and the cash book. Choose how to start.")))
        self.message = QLabel(message)
        error_label(self.message)
        self.message.setWordWrap(True)
        self.message.setVisible(bool(message))
        layout.addWidget(self.message)
        layout.addSpacing(12)
        self.demo_button = ChoiceButton(t, N_("Try the program with the demo book"),
                                        N_("A made-up village bank with its members, loans and meetings, to look "
                                           "around and practise. Nothing in it is real. (Enter)"))
        self.create_button = ChoiceButton(t, N_("Create my bank"),
                                          N_("Type the bank's name and village, then check its rules. "
                                             "Takes a few minutes."))
        self.open_button = ChoiceButton(t, N_("Open a book file"),
                                        N_("A book (.vbk) from this computer or a USB stick, for example "
                                           "one copied from another computer."))
        self.import_button = ChoiceButton(t, N_("Import a book workbook"),
                                          N_("The bank's books kept in Excel (the book workbook): checked first, "
                                             "every problem listed by sheet and cell."))
        self.restore_button = ChoiceButton(t, N_("Restore from a backup"),
                                           N_("A new computer, or the old one broke: choose the newest backup of the "
                                              "book (for example on the USB stick). It is checked, copied into "
                                              "this computer and opened."))
        for button in (self.demo_button, self.create_button, self.import_button, self.open_button,
                       self.restore_button):
            layout.addWidget(button)
            layout.addSpacing(6)
        layout.addStretch(1)
        self.demo_button.clicked.connect(self.demo_requested)
        self.create_button.clicked.connect(lambda: self.show_step(BANK_STEP))
        self.open_button.clicked.connect(self.open_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.restore_button.clicked.connect(self.restore_requested)
        return page

    def _bank_page(self) -> QWidget:
        t = self.texts
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(t, N_("Create my bank — step 1 of 2: the bank"), 1.4))
        layout.addWidget(note_label(t, N_("Only the name is needed; the rest is printed on reports and can be "
                                          "filled in later in Settings.")))
        self.bank_form = BankForm(t, with_phone=False)
        layout.addWidget(self.bank_form)
        layout.addStretch(1)
        self.back_button_1 = QPushButton()
        t.set(self.back_button_1.setText, N_("← Back"))
        self.next_button = QPushButton()
        t.set(self.next_button.setText, N_("&Next: the rules →"))
        row = QHBoxLayout()
        row.addWidget(self.back_button_1)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        self.back_button_1.clicked.connect(lambda: self.show_step(CHOICES))
        self.next_button.clicked.connect(self._to_rules)
        return page

    def _rules_page(self) -> QWidget:
        t = self.texts
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(t, N_("Create my bank — step 2 of 2: the rules"), 1.4))
        layout.addWidget(note_label(t, N_("These are the usual rules of village banks. Change any that your "
                                          "bank's regulations set differently; you can change them later too.")))
        self.rules_editor = RulesEditor()
        self.rules_editor.set_rules(Rules())
        layout.addWidget(self.rules_editor, 1)
        self.rules_error = QLabel()
        error_label(self.rules_error)
        self.rules_error.setWordWrap(True)
        self.rules_error.setVisible(False)
        layout.addWidget(self.rules_error)
        self.back_button_2 = QPushButton()
        t.set(self.back_button_2.setText, N_("← Back"))
        self.finish_button = QPushButton()
        t.set(self.finish_button.setText, N_("&Create the bank"))
        row = QHBoxLayout()
        row.addWidget(self.back_button_2)
        row.addStretch(1)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
        self.back_button_2.clicked.connect(lambda: self.show_step(BANK_STEP))
        self.finish_button.clicked.connect(self._finish)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    # --- steps -----------------------------------------------------------------------------------
    def show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        buttons = {CHOICES: self.demo_button, BANK_STEP: self.next_button, RULES_STEP: self.finish_button}
        for s, button in buttons.items():
            button.setAutoDefault(s == step)
            button.setDefault(s == step)
        if step == CHOICES:
            self.demo_button.setFocus()
        elif step == BANK_STEP:
            self.bank_form.edits["name"].setFocus()
        else:
            self.rules_editor.setCurrentIndex(0)
            self.rules_editor.setFocus()
        self.set_busy(False)

    def step(self) -> int:
        return self.stack.currentIndex()

    def _to_rules(self) -> None:
        try:
            self.bank_values = self.bank_form.values()
        except UserError:
            return
        self.show_step(RULES_STEP)

    def _finish(self) -> None:
        try:
            self.bank_values = self.bank_form.values()
        except UserError:
            self.show_step(BANK_STEP)
            return
        try:
            rules = self.rules_editor.collect(Rules())
        except RulesInvalid as bad:
            self.rules_editor.show_problems(bad.problems)
            self.rules_error.setText("\n".join(p.message() for p in bad.problems))
            self.rules_error.setVisible(True)
            return
        self.rules_error.setVisible(False)
        self.set_busy(True)
        self.create_requested.emit(dict(self.bank_values), rules)

    def set_busy(self, busy: bool) -> None:
        for button in (self.finish_button, self.demo_button, self.open_button, self.create_button,
                       self.import_button):
            button.setEnabled(not busy)

    def failed(self, exc: BaseException) -> None:
        """The application could not create or open a book: say why, where it belongs."""
        self.set_busy(False)
        if isinstance(exc, UserError):
            if self.bank_form.show_error(exc):
                self.show_step(BANK_STEP)
                self.bank_form.show_error(exc)
                return
            if self.step() == RULES_STEP and any(f.key_for_label(exc.field) for f in self.rules_editor.forms):
                self.rules_editor.show_problems([exc])
                return
        show_error(self, exc)

    def reject(self) -> None:
        """Esc goes one step back; on the first screen it does nothing (closing the window quits)."""
        if self.step() == RULES_STEP:
            self.show_step(BANK_STEP)
        elif self.step() == BANK_STEP:
            self.show_step(CHOICES)

    def closeEvent(self, event) -> None:  # the window's close button: really close
        super().reject()
        event.accept()
