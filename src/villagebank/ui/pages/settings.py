"""Settings: the bank's details, the bank's rules (saved with a reason, kept in the book's history),
and this computer's display preferences (language, text size) which apply at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from villagebank import i18n
from villagebank.i18n import N_, UserError, _
from villagebank.ledger.rules import LABELS, Rules
from villagebank.ui.context import BANK, RULES, Context
from villagebank.ui.dialogs.common import ReasonDialog, confirm
from villagebank.ui.errors import show_error
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import (
    MAX_POINT_SIZE,
    MIN_POINT_SIZE,
    Texts,
    error_label,
    heading,
    note_label,
    point_size,
)
from villagebank.ui.views.bank_form import BankForm
from villagebank.ui.views.fields import IntSpin
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.rules_editor import RulesEditor, RulesInvalid

LANGUAGE_NAMES = (("th", "ภาษาไทย"), ("en", "English"))  # each in its own language, never translated


class LanguageCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, name in LANGUAGE_NAMES:
            self.addItem(name, code)
        self.sync()

    def sync(self) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(i18n.current_language())))
        self.blockSignals(False)


class BankTab(QWidget):
    def __init__(self, ctx: Context, texts: Texts) -> None:
        super().__init__()
        self.ctx = ctx
        self.form = BankForm(texts)
        self.save_button = QPushButton()
        texts.set(self.save_button.setText, N_("&Save the bank's details"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def load(self) -> None:
        self.form.set_bank(self.ctx.book.bank())

    def save(self) -> None:
        try:
            values = self.form.values()
        except UserError:
            return
        self.save_button.setEnabled(False)
        self.ctx.run(lambda: self.ctx.book.update_bank(**values), topic=BANK, done=self._saved,
                     failed=self._failed, owner=self, parent=self.window())

    def _saved(self, _bank: object) -> None:
        self.save_button.setEnabled(True)
        self.ctx.say(_("The bank's details were saved."))

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not (isinstance(exc, UserError) and self.form.show_error(exc)):
            show_error(self.window(), exc)


class RulesTab(QWidget):
    def __init__(self, ctx: Context, texts: Texts) -> None:
        super().__init__()
        self.ctx = ctx
        self.editor = RulesEditor()
        self.problems = QLabel()
        error_label(self.problems)
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        self.save_button = QPushButton()
        texts.set(self.save_button.setText, N_("&Save the rules…"))
        self.undo_button = QPushButton()
        texts.set(self.undo_button.setText, N_("&Undo my changes"))
        buttons = QHBoxLayout()
        buttons.addWidget(note_label(texts, N_("Rules are the bank's regulations as decided by its members. "
                                               "Each change is kept in the book with the reason.")), 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo)

    def load(self) -> None:
        self.editor.set_rules(self.ctx.book.rules)
        self.problems.setVisible(False)

    def is_dirty(self) -> bool:
        try:
            return self.editor.collect(self.ctx.book.rules) != self.ctx.book.rules
        except RulesInvalid:
            return True

    def undo(self) -> None:
        if self.is_dirty() and not confirm(self.window(), _("Undo your changes?"),
                                           _("The rules go back to what is saved in the book."),
                                           _("Undo my changes"), _("Keep my changes")):
            return
        self.load()

    def save(self) -> None:
        old = self.ctx.book.rules
        try:
            new = self.editor.collect(old)
        except RulesInvalid as bad:
            self.editor.show_problems(bad.problems)
            self.problems.setText("\n".join(p.message() for p in bad.problems))
            self.problems.setVisible(True)
            return
        self.editor.clear_problems()
        self.problems.setVisible(False)
        names = self.editor.changed_names(old, new)
        if not names:
            self.ctx.say(_("The rules were not changed."))
            return
        summary = _("What changes:") + "\n" + "\n".join(f"• {_(LABELS[n])}" for n in names)
        reason = ReasonDialog.ask(self.window(), _("Save the rules"), _("Why are the rules changing?"),
                                  summary, _("Save the rules"))
        if reason is None:
            return
        self.save_button.setEnabled(False)
        self.ctx.run(lambda: self.ctx.book.set_rules(new, reason), topic=RULES, done=self._saved,
                     failed=self._failed, owner=self, parent=self.window())

    def _saved(self, rules: Rules) -> None:
        self.save_button.setEnabled(True)
        self.editor.set_rules(rules)
        self.ctx.say(_("The new rules were saved."))

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.editor.show_problems([exc])
            self.problems.setText(exc.message())
            self.problems.setVisible(True)
        else:
            show_error(self.window(), exc)


class DisplayTab(QWidget):
    def __init__(self, ctx: Context, texts: Texts) -> None:
        super().__init__()
        self.ctx = ctx
        self.language = LanguageCombo()
        self.font_size = IntSpin(MIN_POINT_SIZE, MAX_POINT_SIZE, suffix=N_("points"))
        self.font_size.setValue(point_size())
        self.form = FormGrid(texts, notes=True)
        self.form.add("language", N_("&Language"), self.language,
                      note=N_("Changes at once; nothing needs to restart."))
        self.form.add("font_size", N_("&Text size"), self.font_size,
                      note=N_("Bigger text is easier to read. Ctrl and + or Ctrl and - also change it anywhere."))
        self.sample = QLabel("ธนาคารหมู่บ้าน ผู้ค้ำประกัน น้ำค้าง 1,234.50")
        self.sample.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.sample)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(lambda: ctx.set_language(self.language.currentData()))
        self.font_size.valueChanged.connect(self._size_changed)
        texts.call(self.language.sync)

    def _size_changed(self, size: int) -> None:
        if size != point_size():
            self.ctx.set_font_size(size)

    def sync(self) -> None:
        self.language.sync()
        self.font_size.blockSignals(True)
        self.font_size.setValue(point_size())
        self.font_size.blockSignals(False)


@register
class SettingsPage(Page):
    key = "settings"
    title = N_("Settings")
    tooltip = N_("The bank's details and rules, language and text size")
    order = 100

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        self.tabs = QTabWidget()
        self.bank_tab = BankTab(ctx, t)
        self.rules_tab = RulesTab(ctx, t)
        self.display_tab = DisplayTab(ctx, t)
        from villagebank.ui.pages.access_tab import AccessTab

        self.access_tab = AccessTab(ctx, t)
        access_scroll = QScrollArea()  # a tall form: scrolls rather than making the window taller
        access_scroll.setWidgetResizable(True)
        access_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        access_scroll.setWidget(self.access_tab)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.bank_tab)
        for widget, msgid in ((scroll, N_("The bank")), (self.rules_tab, N_("The bank's rules")),
                              (self.display_tab, N_("Language and text size")),
                              (access_scroll, N_("Users"))):
            index = self.tabs.addTab(widget, "")
            t.set(lambda text, i=index: self.tabs.setTabText(i, text), msgid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Settings")))
        layout.addWidget(self.tabs, 1)
        self._loaded = False
        ctx.changed.connect(self._book_changed)

    def activate(self) -> None:
        if not self._loaded:
            self.bank_tab.load()
            self.rules_tab.load()
            self.access_tab.load()
            self._loaded = True
        self.display_tab.sync()
        self.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def _book_changed(self, topic: str) -> None:
        if topic in (BANK, RULES) and not self.isVisible():
            self._loaded = False

    def can_leave(self) -> bool:
        if not self._loaded or not self.rules_tab.is_dirty():
            return True
        leave = confirm(self.window(), _("Leave without saving the rules?"),
                        _("You changed some rules but did not save them."),
                        _("Leave and forget the changes"), _("Stay here"))
        if leave:
            self.rules_tab.load()
        return leave
