"""Reports: choose a report and its period (a month or a fiscal year in B.E.; the member when it is one
member's), see it on screen, save it as PDF or Excel, or print it.

The reports are the printed reports of the command line (``villagebank report NAME``, the registry): the
screen, the PDF and the Excel file show the same :class:`Report`. Building and writing run on the writer
thread with a progress dialog — every member's statement takes a while — and the same run cannot be started
twice while it goes on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from villagebank.i18n import N_, UserError, _
from villagebank.reports.registry import REPORTS, Params, ReportSpec, build
from villagebank.reports.table import Report
from villagebank.thai import BE_OFFSET
from villagebank.ui.context import Context
from villagebank.ui.dialogs.report_save import save_reports
from villagebank.ui.pages.base import Page, register
from villagebank.ui.qt import heading, note_label
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.pickers import MemberPicker, MonthPicker, YearPicker
from villagebank.ui.views.problems import ProblemList, problems_of
from villagebank.ui.views.report_view import ReportView, print_reports

CHUNK = 25
BUILD_KEY = "report-build"


def build_reports(book: Any, name: str, params: Params, op: Any = None) -> list[Report]:
    """The reports ``name`` makes (on the writer thread); every member's statement in chunks, with progress."""
    if name == "statements" and params.member_no is None:
        from villagebank.reports import statement
        from villagebank.reports.registry import month_of

        year, month = month_of(book, params)
        nos = statement.statement_members(book, year, month)
        if not nos:
            raise UserError(N_("no active member had joined by the end of that month"))
        out: list[Report] = []
        for i in range(0, len(nos), CHUNK):
            if op is not None and op.cancelled:
                raise UserError(N_("stopped before the end: nothing was written"))
            out += statement.statements(book, year, month, nos[i:i + CHUNK])
            if op is not None:
                op.progress(min(i + CHUNK, len(nos)), len(nos),
                            _("Statements: {done} of {total}").format(done=min(i + CHUNK, len(nos)), total=len(nos)))
        return out
    return build(book, name, params)


class ReportsPage(Page):
    key = "reports"
    title = N_("Reports")
    tooltip = N_("Statements, registers, the loan book, the cash book, financial statements: see, save, print")
    order = 90

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t = self.texts
        book = ctx.book
        self.reports: list[Report] = []
        self.names = QListWidget()
        self.names.setMinimumWidth(300)
        self.names.setSpacing(3)  # room for Thai marks above and below each line
        t.call(self._fill_names)
        self.month = MonthPicker(ctx.today())
        self.year = YearPicker(book.fiscal_year_of(ctx.today()))
        self.today = QCheckBox()
        t.set(self.today.setText, N_("as of today"))
        self.today.setChecked(True)
        self.member = MemberPicker(book)
        self.form = FormGrid(t)
        self.form.add("month", N_("&Month"), self.month)
        self.form.add("year", N_("Fiscal &year (B.E.)"), self.year)
        self.form.add("today", N_("As of"), self.today)
        self.form.add("member", N_("Member &number"), self.member)
        self.show_button = QPushButton()
        t.set(self.show_button.setText, N_("&Show on screen"))
        self.pdf_button = QPushButton()
        t.set(self.pdf_button.setText, N_("Save as &PDF…"))
        self.xlsx_button = QPushButton()
        t.set(self.xlsx_button.setText, N_("Save as &Excel…"))
        self.print_button = QPushButton()
        t.set(self.print_button.setText, N_("P&rint…"))
        buttons = QHBoxLayout()
        for button in (self.show_button, self.pdf_button, self.xlsx_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.problems = ProblemList()
        self.view = ReportView()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.problems)
        right_layout.addWidget(self.view, 1)
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        t.set(label.setText, N_("&Which report:"))
        label.setBuddy(self.names)
        left_layout.addWidget(label)
        left_layout.addWidget(self.names, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([320, 960])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(t, N_("Reports")))
        layout.addWidget(note_label(t, N_("Choose a report and its period, look at it on screen, then save it as "
                                          "PDF (to print or send) or Excel (for the network centre).")))
        layout.addWidget(split, 1)
        self.names.currentRowChanged.connect(lambda _r: self._chosen())
        self.names.itemActivated.connect(lambda _i: self.preview())
        self.today.toggled.connect(lambda _c: self._chosen())
        self.show_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.print_button.clicked.connect(self.print_)
        self.names.setCurrentRow(0)
        t.call(self._chosen)

    def _fill_names(self) -> None:
        current = self.names.currentRow()
        self.names.blockSignals(True)
        self.names.clear()
        for spec in REPORTS.values():
            if spec.loan:  # one loan's schedule is printed from the loans page, where the loan is chosen
                continue
            item = QListWidgetItem(_(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            self.names.addItem(item)
        self.names.setCurrentRow(max(0, current))
        self.names.blockSignals(False)
        # As wide as the longest title (the year-end payout list is long in Thai), never narrower than 300.
        fm = self.names.fontMetrics()
        widest = max((fm.horizontalAdvance(self.names.item(i).text()) for i in range(self.names.count())), default=0)
        self.names.setMinimumWidth(max(300, widest + 36))

    def activate(self) -> None:
        self.names.setFocus()

    def spec(self) -> ReportSpec:
        item = self.names.currentItem()
        return REPORTS[item.data(Qt.ItemDataRole.UserRole) if item else "statement"]

    def choose(self, name: str) -> None:
        for i in range(self.names.count()):
            if self.names.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.names.setCurrentRow(i)
                return

    def _show_row(self, key: str, visible: bool) -> None:
        row = self.form.rows[key]
        row.label.setVisible(visible)
        row.widget.parentWidget().setVisible(visible)

    def _chosen(self) -> None:
        spec = self.spec()
        kind = spec.default_period
        self._show_row("today", kind == "date")
        self._show_row("month", kind == "month" or (kind == "date" and not self.today.isChecked()))
        self._show_row("year", kind == "year")
        self._show_row("member", spec.member != "no")
        label = _("Member &number (needed)") if spec.member == "required" else _("Member &number (or everyone)")
        self.form.rows["member"].label.setText(label)
        self.problems.clear_problems()

    def params(self) -> Params:
        spec = self.spec()
        member = self.member.number() if spec.member != "no" else None
        if spec.member == "required" and member is None:
            raise UserError(N_("choose the member first (type the member number)"))
        kind = spec.default_period
        if kind == "year":
            return Params(year=self.year.fiscal_year(), member_no=member)
        if kind == "date" and self.today.isChecked():
            return Params(member_no=member)
        return Params(month=self.month.value(), member_no=member)

    def suggested_name(self, fmt: str) -> str:
        spec, p = self.spec(), self.params()
        parts = [spec.name]
        if p.month:
            parts.append(f"{p.month[0] + BE_OFFSET}-{p.month[1]:02d}")
        if p.year:
            parts.append(str(p.year + BE_OFFSET))
        if p.member_no is not None:
            parts.append(f"m{p.member_no}")
        return "-".join(parts) + f".{fmt}"

    def _failed(self, exc: BaseException) -> None:
        self.problems.set_problems(problems_of(exc))

    def _job(self) -> tuple[str, Params] | None:
        try:
            return self.spec().name, self.params()
        except UserError as exc:
            self.problems.set_problems([exc])
            return None

    # --- actions -----------------------------------------------------------------------------------------
    def preview(self) -> bool:
        job = self._job()
        if job is None:
            return False
        name, params = job
        self.problems.clear_problems()
        book = self.ctx.book
        op = self.ctx.ops.run(lambda op: build_reports(book, name, params, op), done=self._previewed,
                              failed=self._failed, key=BUILD_KEY, long=True, cancellable=True, owner=self,
                              parent=self.window(), label=_("Preparing the report…"))
        return op is not None

    def _previewed(self, reports: list[Report]) -> None:
        self.reports = reports
        self.view.show_reports(reports)

    def _after(self, name: str, fmt: str):
        if name != "receipts" or fmt != "pdf":
            return None
        book = self.ctx.book

        def count_prints(reports: list[Report]) -> None:
            for r in reports:
                if r.number is not None:
                    book.mark_receipt_printed(r.number)

        return count_prints

    def save(self, fmt: str, path: Path | None = None) -> bool:
        job = self._job()
        if job is None:
            return False
        name, params = job
        self.problems.clear_problems()
        book = self.ctx.book
        return save_reports(self.ctx, lambda op: build_reports(book, name, params, op), fmt, parent=self.window(),
                            suggested=self.suggested_name(fmt), path=path, failed=self._failed,
                            key=BUILD_KEY, after=self._after(name, fmt))

    def print_(self) -> bool:
        job = self._job()
        if job is None:
            return False
        name, params = job
        book = self.ctx.book
        after = self._after(name, "pdf")

        def printed(reports: list[Report]) -> None:
            self._previewed(reports)
            if print_reports(reports, self.window()) and after is not None:
                self.ctx.run(lambda: after(reports), owner=self, parent=self.window())

        op = self.ctx.ops.run(lambda op: build_reports(book, name, params, op), done=printed, failed=self._failed,
                              key=BUILD_KEY, long=True, cancellable=True, owner=self, parent=self.window(),
                              label=_("Preparing the report…"))
        return op is not None


register(ReportsPage)
