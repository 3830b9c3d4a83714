"""Meeting day (วันทำการ): the screen used most, with members queuing.

Keyboard, for a member who pays exactly what is due: type the member number (or a few letters of the name),
**Enter** fills in what they owe, **Enter** again records it and queues the receipt — two key presses after
the number. To take a different amount, type over any part (Tab moves between the parts) before Enter. Esc
leaves a member without recording.

Other keys: F3 or Ctrl+F back to the search box; Down into the sheet (Enter there takes that member); F7 the
receipts of the meeting (print, print again, save as PDF, cancel one with a reason); Ctrl+P prints the
receipts waiting; Delete on a paid member cancels their receipt (asks why, first); F9 counts the cash and
closes the meeting. Every write goes through the one writer thread, so the screen never stops answering.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, _
from villagebank.ledger import Book
from villagebank.ledger.meetings import Meeting, Parts, Receipt, total_label
from villagebank.ledger.money import Money
from villagebank.thai import baht_text, format_amount, format_date
from villagebank.ui import printing
from villagebank.ui.context import Context
from villagebank.ui.dialogs.common import ReasonDialog
from villagebank.ui.dialogs.meeting import CloseMeetingDialog, ReceiptsDialog, SummaryDialog
from villagebank.ui.formatting import long_date
from villagebank.ui.models.collection import EVERYONE, PAID, UNPAID, CollectionModel, SheetRow
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import (
    ERROR_COLOR,
    Texts,
    error_label,
    fill,
    font_role,
    heading,
    muted,
    note_label,
    tone,
)
from villagebank.ui.views.dates import BEDateEdit
from villagebank.ui.views.fields import MoneyEdit
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.tables import Table

MEETING = "meeting"  # Context.changed topic
DONE_COLOR = QColor("#1b5e20")
PRINT_AT_ONCE = "meeting/print_at_once"

COUNTER_KEYS = ("shares", "entry_fees", "fines", "principal", "interest")


class EntryPanel(QFrame):
    """One member's payment: each part an editable amount, the total in figures and in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.row: SheetRow | None = None
        self.fields: list[tuple[str, object, MoneyEdit, int]] = []  # (kind, key, edit, due satang)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        fill(self, "#f7f9fb")
        self.title = QLabel()
        self.title.setWordWrap(True)
        font_role(self.title, 1.25, bold=True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.empty = note_label(self.texts, N_("Type a member number (or a few letters of the name) and press Enter: "
                                               "what the member owes appears here. Enter again records it."))
        self.form_box = QVBoxLayout()
        self.form_box.setContentsMargins(0, 0, 0, 0)
        self.form: FormGrid | None = None
        self.total = QLabel()
        font_role(self.total, 1.35, bold=True)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        muted(self.words)
        self.error = QLabel()
        error_label(self.error)
        self.error.setVisible(False)
        self.record_button = QPushButton()
        self.texts.set(self.record_button.setText, N_("Record payment (Enter)"))
        font_role(self.record_button, 1.1, bold=True)
        self.skip_button = QPushButton()
        self.texts.set(self.skip_button.setText, N_("Not now (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.empty)
        layout.addLayout(self.form_box)
        layout.addStretch(1)
        layout.addWidget(self.total)
        layout.addWidget(self.words)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.texts.call(self._retitle, now=False)
        self.clear()

    # --- showing a member --------------------------------------------------------------------------
    def clear(self) -> None:
        self.row = None
        self._drop_form()
        self.title.setText(_("Take a payment"))
        self.note.setVisible(False)
        self.empty.setVisible(True)
        self.total.setText("")
        self.words.setText("")
        self.error.setVisible(False)
        self.record_button.setEnabled(False)
        self.skip_button.setEnabled(False)

    def _drop_form(self) -> None:
        if self.form is not None:
            self.form.hide()
            self.form_box.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None
        self.fields = []

    def load(self, row: SheetRow, texts: dict[int, str] | None = None) -> None:
        """Show ``row``'s dues as editable amounts (``texts``: what was typed before, by field position)."""
        self.row = row
        d = row.dues
        self._drop_form()
        self.empty.setVisible(False)
        form = FormGrid(self.texts)
        form.grid.setVerticalSpacing(4)

        def add(kind: str, key: object, msgid: str, due: Money, **params: object) -> None:
            edit = MoneyEdit(field=msgid)
            edit.setValue(due)
            edit.returnPressed.connect(self.record_button.click)
            edit.textChanged.connect(self._update_total)
            form.add(f"{kind}:{key}:{len(self.fields)}", msgid, edit, label_params=params)
            self.fields.append((kind, key, edit, due.satang))

        add("shares", None, N_("Entry deposit (shares)") if d.is_new else N_("Saving (shares)"), d.shares)
        if d.is_new or d.entry_fee.satang:
            add("entry_fee", None, N_("Entry fee"), d.entry_fee)
        if d.fine.satang:
            add("fine", None, N_("Fine"), d.fine)
        for ld in d.loans:
            add("principal", ld.loan_no, N_("Loan {no}: principal"), ld.principal_due, no=ld.loan_no)
            add("interest", ld.loan_no, N_("Loan {no}: interest"), ld.interest_due, no=ld.loan_no)
        for p in d.partners:
            add("partner", p.partner, N_("Partner fund: {name}"), p.amount, name=p.name)
        self.form = form
        self.form_box.addWidget(form)
        for i, (_k, _key, edit, _due) in enumerate(self.fields):
            if texts and i in texts:
                edit.setText(texts[i])
        # Tab walks the parts top to bottom, then the buttons.
        chain = [f[2] for f in self.fields] + [self.record_button, self.skip_button]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)
        self._retitle()
        self.error.setVisible(False)
        self.record_button.setEnabled(True)
        self.skip_button.setEnabled(True)
        self._update_total()

    def _retitle(self) -> None:
        row = self.row
        if row is None:
            self.title.setText(_("Take a payment"))
            return
        d = row.dues
        self.title.setText(_("{no}  {name}").format(no=d.member_no, name=d.name))
        notes = []
        color = None
        if row.paid:
            notes.append(_("Already paid at this meeting: {amount} baht (receipt {receipts}). Anything recorded now "
                           "is an extra receipt.").format(amount=format_amount(row.paid_amount),
                                                         receipts=", ".join(str(n) for n in row.receipts)))
            color = ERROR_COLOR
        if d.is_new:
            notes.append(_("New member: the first deposit and the entry fee."))
        if row.overdue:
            notes.append(_("Overdue on the loan: {amount} baht (included below).").format(
                amount=format_amount(row.overdue)))
            color = ERROR_COLOR
        if d.status == "suspended":
            notes.append(_("No new loans for now (missed savings)."))
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        if color is not None:
            tone(self.note, color)
        else:
            muted(self.note)

    def first_field(self) -> MoneyEdit | None:
        return self.fields[0][2] if self.fields else None

    def typed(self) -> dict[int, str]:
        return {i: f[2].text() for i, f in enumerate(self.fields)}

    def _update_total(self) -> None:
        total = 0
        for _kind, _key, edit, _due in self.fields:
            try:
                value = edit.value()
            except UserError:
                continue
            total += value.satang if value is not None else 0
        self.total.setText(_("Total {amount} baht").format(amount=format_amount(total)))
        self.words.setText(f"({baht_text(total)})" if total else "")

    # --- reading the payment ---------------------------------------------------------------------
    def parts(self) -> Parts:
        """The payment as typed; exactly the member's dues when nothing was changed. Raises UserError."""
        assert self.row is not None
        values = []
        for _kind, _key, edit, _due in self.fields:
            try:
                value = edit.value()
            except UserError:
                edit.setFocus()
                raise
            values.append(value.satang if value is not None else 0)
        if all(v == f[3] for v, f in zip(values, self.fields, strict=True)):
            return self.row.dues.as_parts()
        shares = entry_fee = fine = 0
        loans: dict[int, list[int]] = {}
        partners: list[tuple[str, Money]] = []
        for (kind, key, _edit, _due), v in zip(self.fields, values, strict=True):
            if kind == "shares":
                shares = v
            elif kind == "entry_fee":
                entry_fee = v
            elif kind == "fine":
                fine = v
            elif kind in ("principal", "interest"):
                loans.setdefault(int(key), [0, 0])[0 if kind == "principal" else 1] = v  # type: ignore[arg-type]
            elif kind == "partner" and v:
                partners.append((str(key), Money(v)))
        repayments = tuple((no, Money(p), Money(i)) for no, (p, i) in loans.items() if p or i)
        return Parts(shares=Money(shares), entry_fee=Money(entry_fee), fine=Money(fine), repayments=repayments,
                     partners=tuple(partners))

    def show_error(self, exc: UserError) -> None:
        if self.form is not None and self.form.show_error(exc):
            return
        self.error.setText(exc.message())
        self.error.setVisible(True)


class Counter(QFrame):
    """One running total of the day (a counter at the table)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        fill(self, "#eef3f8")
        self.label = QLabel()
        muted(self.label)
        self.value = QLabel()
        font_role(self.value, 1.15, bold=True)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        layout.addWidget(self.label)
        layout.addWidget(self.value)

    def set(self, label: str, value: str) -> None:
        self.label.setText(label)
        self.value.setText(value)


@register
class MeetingPage(Page):
    key = "meeting"
    title = N_("Meeting day")
    tooltip = N_("Open the meeting, take each member's payment, count the cash and close")
    order = 20

    @classmethod
    def available(cls, book: Book) -> bool:
        return hasattr(book, "open_meeting")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.meeting: Meeting | None = None
        self.receipts: dict[int, Receipt] = {}
        self.totals: dict[str, int] = {}
        self.model = CollectionModel(self)
        self.stack = QStackedWidget()
        self._build_open_view()
        self._build_day_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        ctx.changed.connect(self._book_changed)
        self._stale = True

    # --- no meeting open: open one ---------------------------------------------------------------
    def _build_open_view(self) -> None:
        t = self.texts
        self.open_view = QWidget()
        self.open_date = BEDateEdit(field=N_("Meeting date"))
        self.open_button = QPushButton()
        t.set(self.open_button.setText, N_("&Open the meeting (Enter)"))
        font_role(self.open_button, 1.1, bold=True)
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        muted(self.last_label)
        self.last_button = QPushButton()
        t.set(self.last_button.setText, N_("Show the last meeting's &summary"))
        self.open_error = QLabel()
        error_label(self.open_error)
        self.open_error.setVisible(False)
        date_label = QLabel()
        t.set(date_label.setText, N_("Meeting &date:"))
        date_label.setBuddy(self.open_date)
        row = QHBoxLayout()
        row.addWidget(date_label)
        row.addWidget(self.open_date)
        row.addStretch(1)
        layout = QVBoxLayout(self.open_view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Meeting day")))
        layout.addWidget(note_label(t, N_("No meeting is open. Open the meeting to take the members' payments: "
                                          "everyone's saving, loan repayments and other dues are listed, ready to "
                                          "record.")))
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.open_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(self.last_label)
        last_row = QHBoxLayout()
        last_row.addWidget(self.last_button)
        last_row.addStretch(1)
        layout.addLayout(last_row)
        layout.addStretch(1)
        self.stack.addWidget(self.open_view)
        self.open_button.clicked.connect(self.open_meeting)
        self.open_date.line.returnPressed.connect(self.open_meeting)
        self.last_button.clicked.connect(self.show_last_summary)

    # --- a meeting open: the collection sheet -------------------------------------------------------------
    def _build_day_view(self) -> None:
        t = self.texts
        self.day_view = QWidget()
        self.day_title = QLabel()
        font_role(self.day_title, 1.3, bold=True)
        # A long day ("วันพฤหัสบดีที่ 26 พฤศจิกายน 2569") beside the three buttons must not widen the window.
        self.day_title.setWordWrap(True)
        self.day_title.setMinimumWidth(1)
        self.progress = QLabel()
        font_role(self.progress, 1.05, bold=True)
        self.receipts_button = QPushButton()
        t.set(self.receipts_button.setText, N_("Receipts (F7)"))
        self.print_button = QPushButton()
        self.close_button = QPushButton()
        t.set(self.close_button.setText, N_("Count cash and close (F9)"))
        top = QHBoxLayout()
        top.addWidget(self.day_title, 3)  # takes the spare room; wraps only when there is none
        top.addSpacing(12)
        top.addWidget(self.progress)
        top.addWidget(self.receipts_button)
        top.addWidget(self.print_button)
        top.addWidget(self.close_button)

        find_label = QLabel()
        t.set(find_label.setText, N_("&Member:"))
        self.find = QLineEdit()
        self.find.setClearButtonEnabled(True)
        t.set(self.find.setPlaceholderText, N_("member number or a few letters of the name, then Enter"))
        font_role(self.find, 1.15)
        find_label.setBuddy(self.find)
        self.find_error = QLabel()
        error_label(self.find_error)
        self.find_error.setVisible(False)
        show_label = QLabel()
        t.set(show_label.setText, N_("Sho&w:"))
        self.show_combo = QComboBox()
        show_label.setBuddy(self.show_combo)
        t.call(self._fill_show)
        self.print_at_once = QCheckBox()
        t.set(self.print_at_once.setText, N_("Open each receipt for printing at once"))
        self.print_at_once.setChecked(self.ctx.prefs.value(PRINT_AT_ONCE, "0") == "1")
        bar = QHBoxLayout()
        bar.addWidget(find_label)
        bar.addWidget(self.find, 3)
        bar.addSpacing(10)
        bar.addWidget(show_label)
        bar.addWidget(self.show_combo, 1)

        # Narrow padding: beside the payment panel at 1366 pixels the names and the last column need the room.
        self.table = Table(stretch_column=1, fit_on_reset=False, padding=12, stretch_min_chars=14)
        self.table.setAlternatingRowColors(False)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        t.call(self.model.retranslate, now=False)
        left = QVBoxLayout()
        left.addLayout(bar)
        left.addWidget(self.find_error)
        left.addWidget(self.table, 1)
        left.addWidget(self.print_at_once)

        self.panel = EntryPanel()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel_scroll = scroll
        t.call(self._fit_panel)
        middle = QHBoxLayout()
        middle.addLayout(left, 1)
        middle.addWidget(scroll)

        self.counters_box = QGridLayout()
        self.counters_box.setHorizontalSpacing(6)
        self.counters: list[Counter] = []
        layout = QVBoxLayout(self.day_view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(self.counters_box)
        self.stack.addWidget(self.day_view)

        self.find.textChanged.connect(self._find_changed)
        self.find.installEventFilter(self)
        self.show_combo.currentIndexChanged.connect(lambda: self.model.set_filter(show=self.show_combo.currentData()))
        self.table.opened.connect(lambda row: self.take(self.model.row(row)))
        self.panel.record_button.clicked.connect(self.record)
        self.panel.skip_button.clicked.connect(self.skip)
        self.receipts_button.clicked.connect(self.show_receipts)
        self.print_button.clicked.connect(self.print_waiting)
        self.close_button.clicked.connect(self.close_meeting)
        self.print_at_once.toggled.connect(lambda on: self.ctx.prefs.set_value(PRINT_AT_ONCE, "1" if on else "0"))
        ctx_widget = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_F3), self.day_view, self.focus_find, context=ctx_widget)
        QShortcut(QKeySequence.StandardKey.Find, self.day_view, self.focus_find, context=ctx_widget)
        QShortcut(QKeySequence(Qt.Key.Key_F7), self.day_view, self.show_receipts, context=ctx_widget)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self.day_view, self.close_meeting, context=ctx_widget)
        QShortcut(QKeySequence.StandardKey.Print, self.day_view, self.print_waiting, context=ctx_widget)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.panel_scroll, self.skip, context=ctx_widget)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self._cancel_from_table,
                  context=Qt.ShortcutContext.WidgetShortcut)
        t.call(self._refresh_header, now=False)
        t.call(self._refresh_counters, now=False)

    def _fit_panel(self) -> None:
        # As narrow as the panel allows: the collection sheet beside it needs the room for names and amounts.
        self.panel_scroll.setFixedWidth(max(290, self.panel.minimumSizeHint().width() + 8))

    def _fill_show(self) -> None:
        current = self.show_combo.currentData() or EVERYONE
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        self.show_combo.addItem(_("Everyone"), EVERYONE)
        self.show_combo.addItem(_("Not paid yet"), UNPAID)
        self.show_combo.addItem(_("Paid"), PAID)
        self.show_combo.setCurrentIndex(max(0, self.show_combo.findData(current)))
        self.show_combo.blockSignals(False)

    # --- loading -------------------------------------------------------------------------------
    def activate(self) -> None:
        if self._stale:
            self.reload()
        elif self.meeting is not None:
            self.focus_find()

    def _book_changed(self, topic: str) -> None:
        if topic != MEETING:
            self._stale = True
            if self.isVisible() and self.meeting is None:
                self.reload()

    def reload(self) -> None:
        """Read the open meeting (if any) and its collection sheet (on the writer thread, in order)."""
        self._stale = False
        book = self.ctx.book
        self.meeting = book.current_meeting()
        if self.meeting is None:
            self._show_open_view()
            return
        mid, date = self.meeting.id, self.meeting.date

        def load() -> tuple:
            return book.collection_sheet(mid), book.receipts(mid), book.day_totals(date)

        self.ctx.ops.run(load, done=self._loaded, owner=self, parent=self.window(), key=f"meeting-sheet-{mid}",
                         label=_("Reading the collection sheet…"))
        self.stack.setCurrentWidget(self.day_view)
        self._refresh_header()

    def _loaded(self, result: tuple) -> None:
        sheet, receipts, totals = result
        self.receipts = {r.receipt_no: r for r in receipts}
        self.totals = totals
        self.model.set_sheet(sheet, self._cancelled(), self._receipt_totals())
        self.fit_sheet()
        self._refresh_header()
        self._refresh_counters()
        self.focus_find()

    def fit_sheet(self) -> None:
        """Hide the kinds of money nobody owes today, then size the columns (the names get the rest)."""
        empty = set(self.model.empty_columns())
        for col in range(self.model.columnCount()):
            self.table.setColumnHidden(col, col in empty)
        self.table.fit_columns()
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount()):
            if col != 1 and col not in empty:  # no sort arrow room needed but on the column sorted by
                header.resizeSection(col, header.sectionSize(col) - 12)

    def _cancelled(self) -> set[int]:
        return {no for no, r in self.receipts.items() if r.voided_by}

    def _receipt_totals(self) -> dict[int, int]:
        return {no: r.total.satang for no, r in self.receipts.items()}

    def _show_open_view(self) -> None:
        self.stack.setCurrentWidget(self.open_view)
        self.open_date.setDate(self.ctx.today())
        self.open_error.setVisible(False)
        meetings = self.ctx.book.meetings()
        last = meetings[-1] if meetings else None
        self._last = last
        if last is None:
            self.last_label.setText(_("This will be the bank's first meeting."))
            self.last_button.setVisible(False)
        else:
            self.last_label.setText(_("Last meeting: {date} (closed)").format(date=long_date(last.date)))
            self.last_button.setVisible(last.status == "closed")
        self.open_date.line.setFocus()
        self.open_date.line.selectAll()

    # --- opening -----------------------------------------------------------------------------------
    def open_meeting(self) -> None:
        try:
            date = self.open_date.date()
        except UserError as exc:
            self._open_failed(exc)
            return
        assert date is not None
        book = self.ctx.book
        self.open_button.setEnabled(False)
        self.ctx.run(lambda: book.open_meeting(date), topic=MEETING, done=self._opened, failed=self._open_failed,
                     owner=self, parent=self.window(), key="open-meeting")

    def _opened(self, meeting: Meeting) -> None:
        self.open_button.setEnabled(True)
        self.ctx.say(_("The meeting of {date} is open.").format(date=format_date(meeting.date, "long")))
        self.reload()

    def _open_failed(self, exc: UserError) -> None:
        self.open_button.setEnabled(True)
        self.open_error.setText(exc.message())
        self.open_error.setVisible(True)
        self.open_date.line.setFocus()

    def show_last_summary(self) -> None:
        last = getattr(self, "_last", None)
        if last is not None:
            dialog = SummaryDialog(self.ctx, self.ctx.book.meeting(last.id), self.window())
            dialog.exec()
            dialog.deleteLater()

    # --- header and counters ---------------------------------------------------------------------
    def _refresh_header(self) -> None:
        m = self.meeting
        if m is None:
            return
        self.day_title.setText(_("Meeting of {date}").format(date=long_date(m.date)))
        paid, total = self.model.counts()
        self.progress.setText(_("{paid} of {total} members paid").format(paid=paid, total=total))
        tone(self.progress, DONE_COLOR if total and paid == total else ERROR_COLOR)
        waiting = len(self.waiting())
        self.print_button.setText(_("Print {count} receipt(s) (Ctrl+P)").format(count=waiting))
        self.print_button.setEnabled(bool(waiting))

    def waiting(self) -> list[int]:
        """Receipts of this meeting not printed yet (the queue), in number order."""
        return sorted(no for no, r in self.receipts.items() if not r.printed and not r.voided_by)

    def _refresh_counters(self) -> None:
        totals = self.totals
        keys = [k for k in COUNTER_KEYS]
        keys += sorted(k for k in totals if k.startswith(("payable:", "savings:")))
        items = [(total_label(k, self.ctx.book.rules), totals.get(k, 0)) for k in keys]
        items.append((_("Cash received today"), totals.get("cash_in", 0)))
        while len(self.counters) < len(items):
            self.counters.append(Counter())
        # Six side by side fit a laptop's width; more (savings kinds, partner funds) go on two rows.
        per_row = len(items) if len(items) <= 6 else (len(items) + 1) // 2
        for i, counter in enumerate(self.counters[:len(items)]):
            self.counters_box.addWidget(counter, i // per_row, i % per_row)
        for counter, (label, amount) in zip(self.counters, items, strict=False):
            counter.set(label, format_amount(amount))
            counter.setVisible(True)
        for counter in self.counters[len(items):]:
            counter.setVisible(False)

    def counter_values(self) -> dict[str, str]:
        return {c.label.text(): c.value.text() for c in self.counters if c.isVisible()}

    # --- finding a member ------------------------------------------------------------------------
    def focus_find(self) -> None:
        if QApplication.activeModalWidget() is None:
            self.window().activateWindow()  # back from a dialog
        self.find.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find.selectAll()

    def _find_changed(self, text: str) -> None:
        self.find_error.setVisible(False)
        self.model.set_filter(query=text)
        if self.model.rowCount():
            self.table.select_row(0)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.find and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.find_member()
                return True
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if self.table.current_row() is None:
                    self.table.select_row(0)
                return True
        return False

    def find_member(self) -> None:
        text = self.find.text().strip()
        if not text:
            row = self.table.current_row()
            if row is not None and self.model.rowCount():
                self.table.setFocus()
            return
        found = self.model.matches(text)
        if len(found) == 1:
            self.take(found[0])
        elif found:
            self.table.setFocus()
            self.table.select_row(0)
        else:
            self.find_error.setText(_("No member “{text}” on this meeting's sheet.").format(text=text))
            self.find_error.setVisible(True)
            self.find.selectAll()

    def take(self, row: SheetRow, texts: dict[int, str] | None = None) -> None:
        """Fill in the member's dues in the entry panel and put the cursor on the first amount."""
        if row.pending:
            self.ctx.say(_("Member {no}'s payment is still being saved; a moment please.").format(no=row.dues.member_no))
            return
        i = self.model.row_of(row.dues.member_no)
        if i is not None:
            self.table.select_row(i)
        self.panel.load(row, texts)
        first = self.panel.first_field()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            first.selectAll()

    def skip(self) -> None:
        self.find.clear()
        self.focus_find()
        self.panel.clear()

    # --- recording --------------------------------------------------------------------------------
    def record(self) -> None:
        row = self.panel.row
        if row is None or self.meeting is None:
            return
        try:
            parts = self.panel.parts()
        except UserError as exc:
            self.panel.show_error(exc)
            return
        typed = self.panel.typed()
        no, mid, date, book = row.dues.member_no, self.meeting.id, self.meeting.date, self.ctx.book
        self.model.set_pending(no, True)
        self.find.clear()
        self.focus_find()
        self.panel.clear()

        def pay() -> tuple:
            receipt = book.pay(no, parts, meeting_id=mid)
            return receipt, book.dues(no, mid), book.day_totals(date)

        self.ctx.run(pay, topic=MEETING, done=self._paid, owner=self, parent=self.window(),
                     failed=lambda exc: self._pay_failed(no, typed, exc))

    def _paid(self, result: tuple) -> None:
        receipt, dues, totals = result
        self.receipts[receipt.receipt_no] = receipt
        self.totals = totals
        self.model.update_member(dues, self._cancelled(), self._receipt_totals())
        self._refresh_header()
        self._refresh_counters()
        self.ctx.say(_("Receipt {no}: {name}, {amount} baht").format(no=receipt.receipt_no, name=receipt.member_name,
                                                                     amount=format_amount(receipt.total.satang)))
        if self.print_at_once.isChecked():
            self.print_receipts([receipt.receipt_no])

    def _pay_failed(self, member_no: int, typed: dict[int, str], exc: UserError) -> None:
        self.model.set_pending(member_no, False)
        row = self.model.member(member_no)
        if row is None:
            return
        self.take(row, typed)
        self.panel.show_error(exc)

    # --- receipts ----------------------------------------------------------------------------------
    def print_waiting(self) -> None:
        nos = self.waiting()
        if nos:
            self.print_receipts(nos)
        else:
            self.ctx.say(_("No receipts are waiting to be printed."))

    def print_receipts(self, nos: list[int], target=None) -> None:
        book, mid = self.ctx.book, self.meeting.id if self.meeting else None

        def work() -> tuple:
            path = printing.print_receipts(book, nos, target)
            return path, book.receipts(mid) if mid is not None else []

        self.ctx.run(work, done=self._printed, owner=self, parent=self.window(), key="print-receipts",
                     label=_("Preparing the receipts…"))

    def _printed(self, result: tuple) -> None:
        path, receipts = result
        if receipts:
            self.receipts = {r.receipt_no: r for r in receipts}
        self._refresh_header()
        if self._receipts_dialog is not None:
            self._receipts_dialog.refresh()
        printing.open_file(path, self.window())
        self.ctx.say(_("The receipts are in {path}").format(path=str(path)))

    _receipts_dialog: ReceiptsDialog | None = None

    def show_receipts(self) -> ReceiptsDialog | None:
        if self.meeting is None:
            return None
        dialog = ReceiptsDialog(lambda: sorted(self.receipts.values(), key=lambda r: r.receipt_no), self.window())
        self._receipts_dialog = dialog
        dialog.print_waiting.connect(self.print_waiting)
        dialog.reprint.connect(lambda no: self.print_receipts([no]))
        dialog.save_pdf.connect(lambda no: self.save_receipt_pdf(no, dialog))
        dialog.cancel_receipt.connect(lambda no: self.cancel_receipt(no, dialog))
        dialog.finished.connect(lambda _r: self._receipts_closed(dialog))
        dialog.open()
        return dialog

    def _receipts_closed(self, dialog: ReceiptsDialog) -> None:
        if self._receipts_dialog is dialog:
            self._receipts_dialog = None
        dialog.deleteLater()
        self.focus_find()

    def save_receipt_pdf(self, no: int, parent: QWidget | None = None) -> None:
        name, _filter = QFileDialog.getSaveFileName(parent or self.window(), _("Save the receipt as PDF"),
                                                    str(printing.output_folder("receipts") / f"receipt-{no}.pdf"),
                                                    _("PDF files (*.pdf)"))
        if name:
            from pathlib import Path

            target = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
            if target.exists():
                target.unlink()
            self.print_receipts([no], target)

    def _cancel_from_table(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        r = self.model.row(row)
        if r.receipts:
            self.cancel_receipt(r.receipts[-1])

    def cancel_receipt(self, no: int, parent: QWidget | None = None) -> None:
        """Cancel a receipt: its entry is reversed with a reason (asked for, and confirmed, first)."""
        r = self.receipts.get(no)
        if r is None or self.meeting is None:
            return
        if r.voided_by:
            self.ctx.say(_("Receipt {no} is already cancelled.").format(no=no))
            return
        items = "\n".join(f"  {label}: {format_amount(amount.satang)}" for label, amount in r.items)
        reason = ReasonDialog.ask(
            parent or self.window(), _("Cancel a receipt"),
            _("Cancel receipt {no} of {name} ({amount} baht)?").format(no=no, name=r.member_name,
                                                                        amount=format_amount(r.total.satang)),
            _("{items}\n\nThe money is taken out of the book again by a correcting entry; the receipt stays in the "
              "list, marked cancelled.").format(items=items),
            ok_text=_("Yes, cancel receipt {no}").format(no=no))
        if parent is None or parent is self.window():
            self.focus_find()
        if not reason:
            return
        book, mid, date, seq, member_no = self.ctx.book, self.meeting.id, self.meeting.date, r.entry_seq, r.member_no

        def reverse() -> tuple:
            book.reverse_entry(seq, reason, date=date)
            dues = book.dues(member_no, mid) if member_no is not None else None
            return book.receipts(mid), dues, book.day_totals(date)

        self.ctx.run(reverse, topic=MEETING, done=self._cancelled_receipt, owner=self, parent=self.window())

    def _cancelled_receipt(self, result: tuple) -> None:
        receipts, dues, totals = result
        self.receipts = {r.receipt_no: r for r in receipts}
        self.totals = totals
        if dues is not None:
            self.model.update_member(dues, self._cancelled(), self._receipt_totals())
        self._refresh_header()
        self._refresh_counters()
        if self._receipts_dialog is not None:
            self._receipts_dialog.refresh()
        self.ctx.say(_("The receipt is cancelled."))

    # --- closing -----------------------------------------------------------------------------------
    def close_meeting(self) -> CloseMeetingDialog | None:
        if self.meeting is None:
            return None
        unpaid = [(r.dues.member_no, r.dues.name) for r in self.model.all_rows()
                  if not r.paid and r.dues.status in ("active", "suspended")]
        dialog = CloseMeetingDialog(self.ctx, self.meeting, unpaid, self.window())
        dialog.finished.connect(lambda result: self._close_finished(dialog, result))
        dialog.open()
        return dialog

    def _close_finished(self, dialog: CloseMeetingDialog, result: int) -> None:
        closed = dialog.closed_meeting
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or closed is None:
            self.focus_find()
            return
        self.meeting = None
        self.receipts = {}
        self.model.set_sheet([])
        self._show_open_view()
        summary = SummaryDialog(self.ctx, closed, self.window())
        self.summary_dialog = summary
        summary.finished.connect(lambda _r: summary.deleteLater())
        summary.open()

    def can_leave(self) -> bool:
        return True

