"""The main window: the bank's name and today's B.E. date always at the top, the pages listed on the
left in large text, the chosen page on the right.

Keyboard: Ctrl+1 … Ctrl+9 and Ctrl+0 open the first ten pages in the order listed; Ctrl++ and Ctrl+- change the text size;
Alt opens the menus; Ctrl+Q quits. The Book menu also saves the book workbook for the network centre; the
Help menu says where the files are and which version this is. The language switch at the top right re-translates every label at
once; the text size and the window's size and place are remembered on this computer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, _
from villagebank.ui.context import BANK, Context
from villagebank.ui.formatting import long_date
from villagebank.ui.pages import Page, pages_for
from villagebank.ui.pages.settings import LanguageCombo
from villagebank.ui.qt import NAV_STYLE, Texts, fill, font_role, muted, point_size, tone

WINDOW_NAME = "main"


# Ctrl+1 … Ctrl+9 and Ctrl+0 open the pages in the order listed (the tenth, settings, with 0: the keys run
# along the top row of the keyboard); the backup page, the eleventh, is reached from the list (Ctrl+- is
# "smaller text").
PAGE_KEYS = (*[str(n) for n in range(1, 10)], "0")


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, ctx: Context, *, demo: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        self.demo = demo
        self.texts = Texts()
        self.page_classes: list[type[Page]] = pages_for(ctx.book)
        self.pages: dict[int, Page] = {}
        self._build_header()
        self._build_body()
        self._build_menus()
        self._build_shortcuts()
        self.texts.call(self._refresh_bank)
        ctx.changed.connect(self._book_changed)
        ctx.status.connect(self._status)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._refresh_date)
        self._clock.start(60_000)
        self.resize(1366, 768)
        ctx.prefs.restore_window(WINDOW_NAME, self)
        self.nav.setCurrentRow(self._start_row())

    # --- building -------------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.header = QFrame()
        fill(self.header, "#e8eef4")
        self.bank_name = QLabel()
        tone(self.bank_name, QColor("#1b3a57"))
        font_role(self.bank_name, 1.55, bold=True)
        self.place = QLabel()
        muted(self.place)
        self.date_label = QLabel()
        font_role(self.date_label, 1.15, bold=True)
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.language = LanguageCombo()
        self.language.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.texts.set(self.language.setToolTip, N_("Language of the program"))
        self.smaller = QToolButton()
        self.smaller.setText("A−")
        self.bigger = QToolButton()
        self.bigger.setText("A+")
        font_role(self.bigger, 1.2, bold=True)
        self.texts.set(self.smaller.setToolTip, N_("Smaller text (Ctrl and -)"))
        self.texts.set(self.bigger.setToolTip, N_("Bigger text (Ctrl and +)"))
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.bank_name)
        names.addWidget(self.place)
        tools = QHBoxLayout()
        tools.addStretch(1)
        tools.addWidget(self.language)
        tools.addWidget(self.smaller)
        tools.addWidget(self.bigger)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self.date_label)
        right.addLayout(tools)
        row = QHBoxLayout(self.header)
        row.setContentsMargins(16, 8, 16, 8)
        row.addLayout(names, 1)
        row.addLayout(right)
        self.language.currentIndexChanged.connect(lambda: self.ctx.set_language(self.language.currentData()))
        self.smaller.clicked.connect(lambda: self.change_font_size(-1))
        self.bigger.clicked.connect(lambda: self.change_font_size(+1))
        self.texts.call(self.language.sync)

        self.banner = QFrame()
        fill(self.banner, "#fff3cd")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.texts.set(self.banner_text.setText, N_("This is the demo book: its members and money are made up. "
                                                    "Try anything here; nothing is real."))
        self.create_button = QPushButton()
        self.texts.set(self.create_button.setText, N_("Create my own bank…"))
        self.create_button.clicked.connect(lambda: self._action("new_bank"))
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(16, 6, 16, 6)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.create_button)
        self.banner.setVisible(self.demo)
        self._build_readonly_banner()

    def _build_readonly_banner(self) -> None:
        """A book opened read-only (in use elsewhere, damaged, a read-only file): said at the top, always."""
        self.readonly_banner = QFrame()
        fill(self.readonly_banner, "#fde2e1")
        text = QLabel()
        text.setWordWrap(True)
        damaged = bool(getattr(self.ctx.book, "damage", ()))
        self.texts.set(text.setText, N_("This book is DAMAGED and open read-only: you can look and print, nothing can "
                                        "be recorded. Restore it from a backup (Backup page).") if damaged else
                       N_("This book is open read-only: you can look and print, nothing can be recorded."))
        row = QHBoxLayout(self.readonly_banner)
        row.setContentsMargins(16, 6, 16, 6)
        row.addWidget(text, 1)
        self.readonly_banner.setVisible(self.ctx.book.readonly)

    def _build_body(self) -> None:
        self.nav = QListWidget()
        self.nav.setStyleSheet(NAV_STYLE)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        palette = self.nav.palette()
        palette.setColor(palette.ColorRole.Base, QColor("#f1f4f7"))
        self.nav.setPalette(palette)
        font_role(self.nav, 1.2, bold=False)
        self.nav.setSpacing(2)
        self.nav.setUniformItemSizes(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for i, cls in enumerate(self.page_classes):
            item = QListWidgetItem()
            self.nav.addItem(item)
            self.texts.set(item.setText, cls.title)
            if cls.tooltip:
                shortcut = f"  (Ctrl+{PAGE_KEYS[i]})" if i < len(PAGE_KEYS) else ""
                self.texts.set(lambda text, it=item, s=shortcut: it.setToolTip(text + s), cls.tooltip)
        self.texts.call(self._fit_nav)
        self.stack = QStackedWidget()
        self.stack.setContentsMargins(12, 8, 12, 8)
        self._blank = QWidget()
        self.stack.addWidget(self._blank)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        page_area = QWidget()
        page_layout = QVBoxLayout(page_area)
        page_layout.setContentsMargins(14, 10, 14, 6)
        page_layout.addWidget(self.stack)
        row.addWidget(page_area, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.banner)
        column.addWidget(self.readonly_banner)
        column.addWidget(body, 1)
        self.setCentralWidget(central)
        self._last_row = -1
        self.nav.currentRowChanged.connect(self._nav_changed)

    def _fit_nav(self) -> None:
        fm = self.nav.fontMetrics()
        widest = max((fm.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())), default=100)
        self.nav.setFixedWidth(max(180, widest + 56))
        for i in range(self.nav.count()):
            # Eleven pages in the height a 1366×768 laptop leaves (with the demo banner): ~1.7 lines each.
            self.nav.item(i).setSizeHint(QSize(0, int(fm.height() * 1.7)))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        book_menu = bar.addMenu("")
        self.texts.set(book_menu.setTitle, N_("&Book"))
        for msgid, key in ((N_("&New bank…"), "new_bank"), (N_("&Open another book…"), "open_book"),
                           (N_("Open the &demo book"), "open_demo")):
            action = QAction(self)
            self.texts.set(action.setText, msgid)
            action.triggered.connect(lambda _c=False, k=key: self._action(k))
            book_menu.addAction(action)
        book_menu.addSeparator()
        export_action = QAction(self)
        self.texts.set(export_action.setText, N_("&Export the book workbook for the network centre…"))
        export_action.triggered.connect(self.export_workbook)
        book_menu.addAction(export_action)
        book_menu.addSeparator()
        quit_action = QAction(self)
        self.texts.set(quit_action.setText, N_("&Quit"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        book_menu.addAction(quit_action)

        view_menu = bar.addMenu("")
        self.texts.set(view_menu.setTitle, N_("&View"))
        bigger = QAction(self)
        self.texts.set(bigger.setText, N_("&Bigger text"))
        bigger.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        bigger.triggered.connect(lambda: self.change_font_size(+1))
        smaller = QAction(self)
        self.texts.set(smaller.setText, N_("&Smaller text"))
        smaller.setShortcut(QKeySequence("Ctrl+-"))
        smaller.triggered.connect(lambda: self.change_font_size(-1))
        view_menu.addAction(bigger)
        view_menu.addAction(smaller)
        view_menu.addSeparator()
        from villagebank.ui.pages.settings import LANGUAGE_NAMES

        for code, name in LANGUAGE_NAMES:
            action = QAction(name, self)
            action.triggered.connect(lambda _c=False, c=code: self.ctx.set_language(c))
            view_menu.addAction(action)

        help_menu = bar.addMenu("")
        self.texts.set(help_menu.setTitle, N_("&Help"))
        files_action = QAction(self)
        self.texts.set(files_action.setText, N_("Where are my &files"))
        files_action.triggered.connect(self.show_files)
        about_action = QAction(self)
        self.texts.set(about_action.setText, N_("&About villagebank"))
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(files_action)
        help_menu.addAction(about_action)
        self.book_menu, self.view_menu, self.help_menu = book_menu, view_menu, help_menu
        self.texts.call(self._fit_menus)

    def _fit_menus(self) -> None:
        """Menus as wide as their longest item: Qt measures Thai items about a fifth short (the shaped text is
        wider than the advances it adds up) and elides a long one in the middle; a quarter more fits them."""
        for menu in (self.book_menu, self.view_menu, self.help_menu):
            fm = menu.fontMetrics()
            widest = max((fm.horizontalAdvance(a.text().replace("&", "")) for a in menu.actions()), default=0)
            menu.setMinimumWidth(widest * 5 // 4 + 3 * fm.height())

    def export_workbook(self) -> bool:
        from villagebank.ui.dialogs.book_files import export_workbook

        return export_workbook(self.ctx, self)

    def show_files(self):
        from villagebank.ui.dialogs.book_files import FilesDialog

        dialog = FilesDialog(self.ctx.book.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self):
        from villagebank.ui.dialogs.book_files import about_box

        box = about_box(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        return box

    def _build_shortcuts(self) -> None:
        for i, key in enumerate(PAGE_KEYS[:len(self.page_classes)]):
            QShortcut(QKeySequence(f"Ctrl+{key}"), self, lambda row=i: self.go_to_row(row))

    # --- pages ---------------------------------------------------------------------------------
    def _start_row(self) -> int:
        wanted = self.ctx.prefs.value("ui/last_page", "members")
        for i, cls in enumerate(self.page_classes):
            if cls.key == wanted:
                return i
        return 0

    def go_to_row(self, row: int) -> None:
        if 0 <= row < self.nav.count():
            self.nav.setCurrentRow(row)

    def go_to(self, key: str) -> Page | None:
        for i, cls in enumerate(self.page_classes):
            if cls.key == key:
                self.nav.setCurrentRow(i)
                return self.page(i)
        return None

    def page(self, row: int) -> Page:
        page = self.pages.get(row)
        if page is None:
            page = self.page_classes[row](self.ctx)
            self.pages[row] = page
            self.stack.addWidget(page)
        return page

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _nav_changed(self, row: int) -> None:
        if row == self._last_row or row < 0:
            return
        current = self.current_page()
        if current is not None and not current.can_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._last_row)
            self.nav.blockSignals(False)
            return
        self._last_row = row
        page = self.page(row)
        self.stack.setCurrentWidget(page)
        self.ctx.prefs.set_value("ui/last_page", page.key)
        page.activate()

    # --- header --------------------------------------------------------------------------------
    def _refresh_bank(self) -> None:
        bank = self.ctx.book.bank()
        self.bank_name.setText(bank.name)
        parts = []
        if bank.village:
            parts.append(bank.village)
        if bank.moo:
            parts.append(_("Moo {name}").format(name=bank.moo))
        if bank.tambon:
            parts.append(_("Tambon {name}").format(name=bank.tambon))
        if bank.amphoe:
            parts.append(_("Amphoe {name}").format(name=bank.amphoe))
        if bank.province:
            parts.append(_("Province {name}").format(name=bank.province))
        self.place.setText(" ".join(parts))
        title = _("{bank} — Village bank books").format(bank=bank.name)
        if self.demo:
            title = _("{title} (demo)").format(title=title)
        if self.ctx.book.readonly:
            title = _("{title} (read-only)").format(title=title)
        user = getattr(self.ctx.book, "signed_in", None)
        if user is not None:
            from villagebank.ledger.access import ROLE_LABELS

            title = _("{title} — signed in: {name} ({role})").format(
                title=title, name=user.display_name or user.name, role=_(ROLE_LABELS.get(user.role, user.role)))
        self.setWindowTitle(title)
        self._refresh_date()

    def _refresh_date(self) -> None:
        self.date_label.setText(_("Today: {date}").format(date=long_date(self.ctx.today())))

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _book_changed(self, topic: str) -> None:
        if topic == BANK:
            self._refresh_bank()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the text size changed: the page names need their width
            QTimer.singleShot(0, self._fit_nav)
        super().changeEvent(event)

    def change_font_size(self, step: int) -> None:
        self.ctx.set_font_size(point_size() + step)
        self.statusBar().showMessage(_("Text size: {size} points").format(size=point_size()), 3000)

    def _action(self, key: str) -> None:
        action = self.ctx.actions.get(key)
        if action is not None:
            action()

    # --- closing --------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.current_page()
        if current is not None and not current.can_leave():
            event.ignore()
            return
        if self.ctx.ops.busy:
            self.statusBar().showMessage(_("Saving… please wait."))
            self.ctx.ops.wait_idle()
        self.ctx.prefs.save_window(WINDOW_NAME, self)
        self.ctx.prefs.sync()
        self._clock.stop()
        super().closeEvent(event)
        self.closed.emit()
