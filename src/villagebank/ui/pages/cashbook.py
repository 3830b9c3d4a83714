"""Cash book (บัญชีเงินสด): what came in and went out in a month, with the running balance, for the cash box
and each bank account; expenses and other income, bank transfers, a cash count outside a meeting, and the
secretary's monthly record.

Keyboard: Page Up / Page Down change the month, Alt+A the account; Alt+E an expense, Alt+I income, Alt+T a
transfer, Alt+C a cash count; in the entry forms Enter saves and Esc goes back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, _
from villagebank.ledger import Book
from villagebank.ledger.cashbook import KIND_LABELS, CashLine, SecretaryRecord
from villagebank.ledger.money import Money
from villagebank.ledger.periods import add_months, month_bounds
from villagebank.thai import format_amount, format_date, format_month
from villagebank.ui.context import Context
from villagebank.ui.dialogs.common import ReasonDialog
from villagebank.ui.models.rows import Column, RowsModel
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import Texts, error_label, font_role, heading, note_label
from villagebank.ui.views.cash_count import CashCountForm
from villagebank.ui.views.dates import BEDateEdit
from villagebank.ui.views.fields import MoneyEdit
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.tables import Table

CASH = "cash"  # Context.changed topic

# The entries the cash book may correct by a reversal with a reason. Loan pay-outs, the year's close and
# payouts, welfare benefits, partner remittances and a member's leaving have their own screens and their own
# rules for being undone; a cash count is corrected by counting again.
CORRECTABLE = ("cash_in", "cash_out", "transfer", "fund_in", "fee", "deposit", "savings_deposit",
               "loan_repayment", "payment", "meeting_payment")


def account_name(name: str) -> str:
    """Account names of the default chart are msgids; ones the treasurer added are her own words."""
    return _(name)


def line_text(line: CashLine) -> str:
    what = _(KIND_LABELS.get(line.kind, line.kind))
    if line.member_name:
        what = _("{what}: {name}").format(what=what, name=line.member_name)
    if line.memo:
        what = f"{what} — {line.memo}"
    if line.reverses_seq:
        what = _("{what} (corrects entry {seq})").format(what=what, seq=line.reverses_seq)
    return what


class _Bookend:
    """Brought/carried forward as rows of the table."""

    def __init__(self, label: str, balance: Money) -> None:
        self.label = label
        self.balance = balance


def _cell(r, attr: str) -> str:
    if isinstance(r, _Bookend):
        return {"what": r.label, "balance": format_amount(r.balance.satang)}.get(attr, "")
    if attr == "date":
        return format_date(r.date)
    if attr == "what":
        return line_text(r)
    if attr == "receipt":
        return str(r.receipt_no or "")
    if attr in ("received", "paid"):
        amount = getattr(r, attr).satang
        return format_amount(amount) if amount else ""
    return format_amount(r.balance.satang)


def _lay_out_form_dialog(dialog: QDialog, t: Texts, title: str | None, *body: QWidget, ok_text: str = N_("Save"),
                         on_ok: Callable[[], None] | None = None) -> tuple[QPushButton, QLabel]:
    """A cash-book dialog: its heading (the title bar is not always in view, or there at all), the ``body``, a
    line for a refusal the form cannot place, and ``ok_text`` (Enter) / Go back. The first calls ``on_ok``
    (by default ``dialog.save``)."""
    error = QLabel()
    error_label(error)
    error.setVisible(False)
    ok = QPushButton()
    t.set(ok.setText, ok_text)
    ok.setDefault(True)
    back = QPushButton()
    t.set(back.setText, N_("Go back"))
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    buttons.addWidget(ok)
    buttons.addWidget(back)
    layout = QVBoxLayout(dialog)
    if title is not None:
        layout.addWidget(heading(t, title, 1.2))
    for widget in body:
        layout.addWidget(widget)
    layout.addWidget(error)
    layout.addLayout(buttons)
    ok.clicked.connect(on_ok or dialog.save)
    back.clicked.connect(dialog.reject)
    return ok, error


class EntryDialog(QDialog):
    """An expense or other income: date, account, category (a new one can be added), amount, description."""

    def __init__(self, ctx: Context, kind: str, account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind  # "expense" | "income"
        self.saved: int | None = None
        self.texts = t = Texts()
        title = N_("Record an expense") if kind == "expense" else N_("Record income")
        t.set(self.setWindowTitle, title)
        self.form = FormGrid(t)
        self.date = BEDateEdit(field=N_("Date"))
        self.date.setDate(ctx.today())
        self.account = QComboBox()
        for code, name in ctx.book.money_accounts():
            self.account.addItem(account_name(name), code)
        self.account.setCurrentIndex(max(0, self.account.findData(account)))
        self.category = QComboBox()
        self.add_category = QPushButton()
        t.set(self.add_category.setText, N_("&New category…"))
        cat_row = QWidget()
        cat_box = QHBoxLayout(cat_row)
        cat_box.setContentsMargins(0, 0, 0, 0)
        cat_box.addWidget(self.category, 1)
        cat_box.addWidget(self.add_category)
        cat_row.setFocusProxy(self.category)
        self.amount = MoneyEdit(field=N_("Amount"), allow_zero=False)
        self.description = QLineEdit()
        self.description.setMaxLength(200)
        self.form.add("date", N_("&Date"), self.date)
        self.form.add("account", N_("Paid from") if kind == "expense" else N_("Received into"), self.account)
        self.form.add("category", N_("&Category"), cat_row)
        self.form.add("amount", N_("&Amount"), self.amount)
        self.form.add("description", N_("D&escription"), self.description)
        self.ok, self.error = _lay_out_form_dialog(self, t, title, self.form)
        self.add_category.clicked.connect(self.new_category)
        self.fill_categories()
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def fill_categories(self, select: str | None = None) -> None:
        self.category.clear()
        for code, name in self.ctx.book.categories(self.kind):
            self.category.addItem(account_name(name), code)
        if select:
            self.category.setCurrentIndex(max(0, self.category.findData(select)))

    def new_category(self) -> None:
        dialog = CategoryDialog(self.ctx, self.kind, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.code:
            self.fill_categories(dialog.code)
        dialog.deleteLater()
        self.amount.setFocus()

    def save(self) -> None:
        self.form.clear_errors()
        self.error.setVisible(False)
        try:
            date = self.date.date()
            amount = self.amount.value()
        except UserError as exc:
            self._failed(exc)
            return
        book, kind = self.ctx.book, self.kind
        account, category = self.account.currentData(), self.category.currentData()
        text = self.description.text()
        fn = book.cash_out if kind == "expense" else book.cash_in
        self.ok.setEnabled(False)
        self.ctx.run(lambda: fn(amount, category, text, date, account), topic=CASH, done=self._saved,
                     failed=self._failed, owner=self, parent=self)

    def _saved(self, seq: int) -> None:
        self.saved = seq
        self.accept()

    def _failed(self, exc: UserError) -> None:
        self.ok.setEnabled(True)
        if not self.form.show_error(exc):
            self.error.setText(exc.message())
            self.error.setVisible(True)


class CategoryDialog(QDialog):
    """A new expense or income category (an account of the chart, named in the treasurer's words)."""

    def __init__(self, ctx: Context, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.code: str | None = None
        self.texts = t = Texts()
        t.set(self.setWindowTitle, N_("New category"))
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        label = QLabel()
        t.set(label.setText, N_("&Name of the category:"))
        label.setBuddy(self.name)
        _ok, self.error = _lay_out_form_dialog(self, t, None, label, self.name, ok_text=N_("Add"), on_ok=self.add)
        self.resize(460, self.sizeHint().height())

    def add(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.error.setText(_("Please write a name."))
            self.error.setVisible(True)
            return
        taken = {code for code, _t, _n in self.ctx.book.accounts()}
        n = 1
        while f"{self.kind}:own{n}" in taken:
            n += 1
        code = f"{self.kind}:own{n}"
        book = self.ctx.book
        self.ctx.run(lambda: book.add_account(code, name), topic=CASH, done=lambda _r: self._added(code),
                     failed=self._failed, owner=self, parent=self)

    def _added(self, code: str) -> None:
        self.code = code
        self.accept()

    def _failed(self, exc: UserError) -> None:
        self.error.setText(exc.message())
        self.error.setVisible(True)


class TransferDialog(QDialog):
    """Money moved between the cash box and a bank account (or two bank accounts)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: int | None = None
        self.texts = t = Texts()
        title = N_("Move money between cash and the bank")
        t.set(self.setWindowTitle, title)
        self.form = FormGrid(t)
        self.date = BEDateEdit(field=N_("Date"))
        self.date.setDate(ctx.today())
        self.source = QComboBox()
        self.target = QComboBox()
        accounts = ctx.book.money_accounts()
        for combo in (self.source, self.target):
            for code, name in accounts:
                combo.addItem(account_name(name), code)
        # The usual move: the cash box into the bank.
        self.source.setCurrentIndex(max(0, self.source.findData("cash")))
        self.target.setCurrentIndex(next((i for i, (code, _n) in enumerate(accounts) if code != "cash"), 0))
        self.amount = MoneyEdit(field=N_("Amount"), allow_zero=False)
        self.description = QLineEdit()
        self.description.setMaxLength(200)
        self.form.add("date", N_("&Date"), self.date)
        self.form.add("source", N_("&From"), self.source)
        self.form.add("target", N_("&To"), self.target)
        self.form.add("amount", N_("&Amount"), self.amount)
        self.form.add("description", N_("D&escription"), self.description)
        self.ok, self.error = _lay_out_form_dialog(self, t, title, self.form)
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())

    def save(self) -> None:
        self.form.clear_errors()
        try:
            date = self.date.date()
            amount = self.amount.value()
        except UserError as exc:
            self._failed(exc)
            return
        book, source, target, text = self.ctx.book, self.source.currentData(), self.target.currentData(), \
            self.description.text()
        self.ok.setEnabled(False)
        self.ctx.run(lambda: book.transfer(amount, source, target, text, date), topic=CASH, done=self._saved,
                     failed=self._failed, owner=self, parent=self)

    def _saved(self, seq: int) -> None:
        self.saved = seq
        self.accept()

    def _failed(self, exc: UserError) -> None:
        self.ok.setEnabled(True)
        if not self.form.show_error(exc):
            self.error.setText(exc.message())
            self.error.setVisible(True)


class CountDialog(QDialog):
    """Count the cash box outside a meeting; a difference is recorded with its reason."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_count = None
        self.texts = t = Texts()
        t.set(self.setWindowTitle, N_("Count the cash"))
        title = QLabel()
        t.call(lambda: title.setText(_("Cash count on {date}").format(date=format_date(ctx.today(), "long"))))
        font_role(title, 1.2, bold=True)
        self.form = CashCountForm()
        self.form.set_book_balance(ctx.book.cash_balance(as_of=ctx.today()).satang)
        self.ok = QPushButton()
        t.set(self.ok.setText, N_("&Save the count"))
        self.ok.setAutoDefault(False)
        back = QPushButton()
        t.set(back.setText, N_("Go back"))
        back.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(back)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        self.ok.clicked.connect(self.save)
        back.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        if not self.form.check():
            return
        book, counts, reason, date = self.ctx.book, self.form.counts(), self.form.reason.text().strip(), \
            self.ctx.today()
        self.ctx.run(lambda: book.count_cash(counts, reason, date), topic=CASH, done=self._saved,
                     failed=self._failed, owner=self, parent=self)

    def _saved(self, count) -> None:
        self.result_count = count
        self.accept()

    def _failed(self, exc: UserError) -> None:
        self.form.error.setText(exc.message())
        self.form.error.setVisible(True)


SECRETARY_FIELDS = (
    ("members_at_end", N_("Members at the end of the month"), False),
    ("new_members", N_("New members"), False),
    ("left_members", N_("Members who left"), False),
    ("brought_forward", N_("Brought forward (cash and bank)"), True),
    ("received", N_("Money received"), True),
    ("paid", N_("Money paid"), True),
    ("expenses", N_("Expenses of the month"), True),
    ("loans_paid_out", N_("Loans paid out"), True),
    ("loan_repayments", N_("Loan principal repaid"), True),
    ("interest_received", N_("Loan interest received"), True),
    ("shares_received", N_("Shares (savings) received"), True),
    ("carried_forward", N_("Carried forward (cash and bank)"), True),
)


class SecretaryView(QWidget):
    """The secretary's monthly record (บันทึกเลขานุการ) of the month shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        grid = QGridLayout()
        grid.setHorizontalSpacing(30)
        grid.setVerticalSpacing(6)
        self.values: dict[str, QLabel] = {}
        for i, (key, msgid, _money) in enumerate(SECRETARY_FIELDS):
            label = QLabel()
            self.texts.set(label.setText, msgid)
            value = QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font_role(value, 1.0, bold=key in ("carried_forward", "members_at_end"))
            grid.addWidget(label, i, 0)
            grid.addWidget(value, i, 1)
            self.values[key] = value
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)

    def show_record(self, record: SecretaryRecord) -> None:
        for key, _msgid, money in SECRETARY_FIELDS:
            value = getattr(record, key)
            self.values[key].setText(format_amount(value.satang) if money else f"{value:,}")


@register
class CashBookPage(Page):
    key = "cashbook"
    title = N_("Cash book")
    tooltip = N_("Money in and out with the balance; expenses, income, bank transfers, cash count")
    order = 60

    @classmethod
    def available(cls, book: Book) -> bool:
        return hasattr(book, "cash_book")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        today = ctx.today()
        self.month = (today.year, today.month)
        self.prev_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        for b, tip in ((self.prev_button, N_("The month before (Page Up)")),
                       (self.next_button, N_("The month after (Page Down)"))):
            t.set(b.setToolTip, tip)
            b.setFixedWidth(b.fontMetrics().horizontalAdvance("◀") + 28)
        self.month_label = QLabel()
        font_role(self.month_label, 1.15, bold=True)
        account_label = QLabel()
        t.set(account_label.setText, N_("&Account:"))
        self.account = QComboBox()
        account_label.setBuddy(self.account)
        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.month_label)
        bar.addWidget(self.next_button)
        bar.addSpacing(20)
        bar.addWidget(account_label)
        bar.addWidget(self.account)
        bar.addStretch(1)
        self.expense_button = QPushButton()
        t.set(self.expense_button.setText, N_("&Expense…"))
        self.income_button = QPushButton()
        t.set(self.income_button.setText, N_("&Income…"))
        self.transfer_button = QPushButton()
        t.set(self.transfer_button.setText, N_("&Transfer…"))
        self.count_button = QPushButton()
        t.set(self.count_button.setText, N_("&Count cash…"))
        self.correct_button = QPushButton()
        t.set(self.correct_button.setText, N_("Co&rrect an entry…"))
        t.set(self.correct_button.setToolTip, N_("Cancel the chosen entry with a reason (Delete): a correcting entry "
                                                 "takes it out of the book; then record it again as it should be"))
        for b in (self.expense_button, self.income_button, self.transfer_button, self.count_button,
                  self.correct_button):
            bar.addWidget(b)

        self.model = RowsModel((
            Column(N_("Date"), lambda r: _cell(r, "date")),
            Column(N_("Item"), lambda r: _cell(r, "what")),
            Column(N_("Receipt no."), lambda r: _cell(r, "receipt"), right=True),
            Column(N_("Money in"), lambda r: _cell(r, "received"), right=True),
            Column(N_("Money out"), lambda r: _cell(r, "paid"), right=True),
            Column(N_("Balance"), lambda r: _cell(r, "balance"), right=True),
        ), parent=self)
        self.table = Table(stretch_column=1)
        self.table.setModel(self.model)
        self.totals = QLabel()
        font_role(self.totals, 1.05, bold=True)
        book_tab = QWidget()
        book_layout = QVBoxLayout(book_tab)
        book_layout.addWidget(self.table, 1)
        book_layout.addWidget(self.totals)
        self.secretary = SecretaryView()
        secretary_tab = QWidget()
        sec_layout = QVBoxLayout(secretary_tab)
        sec_layout.addWidget(note_label(t, N_("The secretary's monthly record: members, money received and paid, "
                                              "expenses, loans and the balance carried forward (cash and bank "
                                              "together).")))
        sec_layout.addWidget(self.secretary, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(book_tab, "")
        self.tabs.addTab(secretary_tab, "")
        t.set(lambda text: self.tabs.setTabText(0, text), N_("Receipts and payments"))
        t.set(lambda text: self.tabs.setTabText(1, text), N_("Secretary's record"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Cash book")))
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

        self.prev_button.clicked.connect(lambda: self.move_month(-1))
        self.next_button.clicked.connect(lambda: self.move_month(1))
        self.account.currentIndexChanged.connect(self.load)
        self.expense_button.clicked.connect(lambda: self.enter("expense"))
        self.income_button.clicked.connect(lambda: self.enter("income"))
        self.transfer_button.clicked.connect(self.transfer)
        self.count_button.clicked.connect(self.count_cash)
        self.correct_button.clicked.connect(lambda: self.correct())
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, lambda: self.correct(),
                  context=Qt.ShortcutContext.WidgetShortcut)
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.move_month(-1), context=scope)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.move_month(1), context=scope)
        t.call(self.model.retranslate, now=False)
        t.call(self._fill_accounts)
        t.call(self.load, now=False)
        ctx.changed.connect(lambda _topic: setattr(self, "_stale", True))
        self._stale = True

    def _fill_accounts(self) -> None:
        current = self.account.currentData() or "cash"
        self.account.blockSignals(True)
        self.account.clear()
        for code, name in self.ctx.book.money_accounts():
            self.account.addItem(account_name(name), code)
        self.account.setCurrentIndex(max(0, self.account.findData(current)))
        self.account.blockSignals(False)

    def activate(self) -> None:
        if self._stale:
            self._fill_accounts()
            self.load()
        self.table.setFocus()

    def move_month(self, step: int) -> None:
        d = add_months(dt.date(self.month[0], self.month[1], 1), step)
        self.month = (d.year, d.month)
        self.load()

    def show_month(self, year: int, month: int) -> None:
        self.month = (year, month)
        self.load()

    def load(self) -> None:
        self._stale = False
        year, month = self.month
        start, end = month_bounds(year, month)
        account = self.account.currentData() or "cash"
        self.month_label.setText(format_month(year, month))
        cash_book = self.ctx.book.cash_book(start, end, account)
        rows: list = [_Bookend(_("Brought forward"), cash_book.brought_forward), *cash_book.lines,
                      _Bookend(_("Carried forward"), cash_book.carried_forward)]
        self.model.set_rows(rows)
        self.table.select_row(len(rows) - 1)
        self.totals.setText(_("Received {received} · Paid {paid} · Balance {balance} baht").format(
            received=format_amount(cash_book.received.satang), paid=format_amount(cash_book.paid.satang),
            balance=format_amount(cash_book.carried_forward.satang)))
        self.secretary.show_record(self.ctx.book.secretary_record(year, month))

    def lines(self) -> list:
        return [self.model.row(i) for i in range(self.model.rowCount())]

    # --- entries ---------------------------------------------------------------------------------
    def _after(self, dialog: QDialog) -> None:
        dialog.deleteLater()
        self.window().activateWindow()
        self.load()
        self.table.setFocus()

    def enter(self, kind: str) -> EntryDialog:
        dialog = EntryDialog(self.ctx, kind, self.account.currentData() or "cash", self.window())
        dialog.finished.connect(lambda _r: self._after(dialog))
        dialog.open()
        dialog.amount.setFocus()
        return dialog

    def transfer(self) -> TransferDialog:
        dialog = TransferDialog(self.ctx, self.window())
        dialog.finished.connect(lambda _r: self._after(dialog))
        dialog.open()
        dialog.amount.setFocus()
        return dialog

    def selected_line(self) -> CashLine | None:
        row = self.table.currentIndex().row()
        line = self.model.row(row) if 0 <= row < self.model.rowCount() else None
        return line if isinstance(line, CashLine) else None

    def correct(self, reason: str | None = None) -> None:
        """Cancel the chosen entry by a reversal with the treasurer's reason (asked for unless given)."""
        line = self.selected_line()
        if line is None:
            QMessageBox.information(self.window(), _("Correct an entry"),
                                    _("Choose the entry to correct in the list first (not the balance lines)."))
            return
        if line.reverses_seq is not None or line.kind not in CORRECTABLE:
            where = _("This entry is itself a correction.") if line.reverses_seq is not None else _(
                "“{kind}” is corrected on its own page (loans, welfare & partners, year end, member page), "
                "where its rules are checked.").format(kind=_(KIND_LABELS.get(line.kind, line.kind)))
            QMessageBox.information(self.window(), _("Correct an entry"), where)
            return
        if reason is None:
            dialog = self.correction_dialog(line)
            reason = dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
            dialog.deleteLater()
            if not reason:
                return
        book, seq = self.ctx.book, line.seq
        self.ctx.run(lambda: book.reverse_entry(seq, reason), topic=CASH, done=self._corrected, owner=self,
                     parent=self.window())

    def correction_dialog(self, line: CashLine) -> ReasonDialog:
        """The question before ``line`` is cancelled: what it was, what the correction does, the reason."""
        amount = line.received if line.received.satang else line.paid
        return ReasonDialog(
            self.window(), _("Correct an entry"),
            _("Cancel this entry of {date}: {what} ({amount} baht)?").format(
                date=format_date(line.date), what=line_text(line), amount=format_amount(amount.satang)),
            _("A correcting entry dated today takes the money out of the book again, with your reason; the entry "
              "stays in the list. A receipt of it is marked cancelled. Then record what should have been recorded."),
            ok_text=_("Yes, cancel this entry"))

    def _corrected(self, seq: int) -> None:
        self.load()
        self.ctx.say(_("Entry {seq} records the correction.").format(seq=seq))
        self.table.setFocus()

    def count_cash(self) -> CountDialog:
        dialog = CountDialog(self.ctx, self.window())
        dialog.finished.connect(lambda _r: self._after(dialog))
        dialog.open()
        return dialog

