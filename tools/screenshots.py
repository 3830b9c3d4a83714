"""Render every screen of the GUI in Thai into docs/screenshots/*.png (offscreen; no display needed).

    PYTHONPATH=src QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [OUT_DIR]

Builds a demo book in a temporary data folder with a fixed date (15 January 2568), opens it at a
laptop's 1366×768, and grabs each page, the member form (empty, with a refused citizen ID, editing),
the member page tabs, the rules tabs (one with a refused value), the B.E. calendar and the first-run
screens. Look at each picture at 100%: Thai marks must not be clipped, numbers must line up.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
HOME = Path(tempfile.mkdtemp(prefix="vb-shots-"))
os.environ["VILLAGEBANK_HOME"] = str(HOME)

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from villagebank import demo  # noqa: E402
from villagebank.i18n import set_language  # noqa: E402
from villagebank.ledger import FixedClock  # noqa: E402
from villagebank.ui import app as uiapp  # noqa: E402
from villagebank.ui.settings import Prefs  # noqa: E402

TODAY = dt.date(2025, 1, 15)
SIZE = (1366, 768)


def settle(qapp: QApplication) -> None:
    for _ in range(5):
        qapp.processEvents()


def save(widget: QWidget, out: Path, name: str, qapp: QApplication) -> Path:
    settle(qapp)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def save_over(window: QWidget, popup: QWidget, out: Path, name: str, qapp: QApplication) -> Path:
    """A window with a popup (calendar, dialog) drawn where it would appear."""
    settle(qapp)
    base = window.grab()
    canvas = QPixmap(base.size())
    canvas.fill()
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, base)
    top_left = popup.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
    painter.drawPixmap(top_left, popup.grab())
    painter.end()
    path = out / f"{name}.png"
    canvas.save(str(path))
    print(path)
    return path


def center_on(dialog: QWidget, window: QWidget) -> None:
    geo = window.geometry()
    dialog.move(geo.x() + (geo.width() - dialog.width()) // 2, geo.y() + (geo.height() - dialog.height()) // 2)


# --- gui-a: overview, meeting day, shares, cash book (60–89) ------------------------------------------------
def gui_a_screens(window, book, out: Path, qapp: QApplication) -> None:
    from villagebank.demo import cash_counts
    from villagebank.ledger import Money
    from villagebank.ui import printing
    from villagebank.ui.dialogs.common import ReasonDialog
    from villagebank.ui.dialogs.meeting import SummaryDialog

    printing.opener = lambda path: True  # nothing to open here
    ops = window.ctx.ops
    window.go_to("overview")
    ops.wait_idle()
    save(window, out, "60-overview", qapp)

    meeting = window.go_to("meeting")
    ops.wait_idle()
    save(window, out, "61-meeting-open", qapp)
    meeting.open_meeting()
    ops.wait_idle()
    ops.wait_idle()
    rows = meeting.model.all_rows()
    borrower = next(r for r in rows if r.dues.loans)
    for r in rows[:14]:
        if r is borrower:
            continue
        meeting.take(r)
        meeting.record()
        ops.wait_idle()
    meeting.show_combo.setCurrentIndex(0)
    meeting.find.setText(str(borrower.dues.member_no))
    meeting.find_member()
    save(window, out, "62-meeting-day", qapp)
    meeting.skip()
    meeting.table.scrollToTop()
    meeting.show_combo.setCurrentIndex(meeting.show_combo.findData("unpaid"))
    meeting.table.select_row(0)
    save(window, out, "63-meeting-unpaid", qapp)
    meeting.show_combo.setCurrentIndex(0)

    dialog = meeting.show_receipts()
    dialog.resize(900, 520)
    center_on(dialog, window)
    save_over(window, dialog, out, "64-meeting-receipts", qapp)
    first = min(meeting.receipts)
    r = meeting.receipts[first]
    ask = ReasonDialog(dialog, "ยกเลิกใบเสร็จ",
                       f"ยกเลิกใบเสร็จเลขที่ {first} ของ {r.member_name} ({r.total.format()} บาท) ใช่ไหม?",
                       "\n".join(f"  {label}: {amount.format()}" for label, amount in r.items)
                       + "\n\nเงินจะถูกนำออกจากบัญชีด้วยรายการแก้ไข ใบเสร็จยังอยู่ในรายการ โดยมีคำว่า ยกเลิก",
                       ok_text=f"ใช่ ยกเลิกใบเสร็จเลขที่ {first}")
    ask.reason.setText("บันทึกผิดคน")
    ask.show()
    center_on(ask, window)
    save_over(window, ask, out, "65-meeting-cancel-receipt", qapp)
    ask.close()
    ask.deleteLater()
    dialog.done(0)
    settle(qapp)

    close = meeting.close_meeting()
    center_on(close, window)
    close.form.set_counts(cash_counts(Money(close.form.book_balance) - Money(25)))
    close.form.reason.setText("ขาดเหรียญ 25 สตางค์ ไม่มีเงินทอน")
    save_over(window, close, out, "66-meeting-close", qapp)
    close.done(0)
    settle(qapp)
    # The summary of a closed meeting, closed in a scratch copy: closing it in the book would lock today's
    # date, and the screens after this one (welfare claims, ...) record entries dated today.
    from villagebank.ledger import open_book

    scratch = book.copy_to(Path(tempfile.mkdtemp(prefix="vb-close-")) / "copy.vbk")
    copy = open_book(scratch, clock=FixedClock(TODAY), durable=False)
    closed = copy.close_meeting(meeting.meeting.id, cash_counts(copy.cash_balance()), "")
    copy.close()
    summary = SummaryDialog(window.ctx, closed, window)
    summary.show()
    center_on(summary, window)
    save_over(window, summary, out, "67-meeting-summary", qapp)
    summary.done(0)
    meeting.reload()

    shares = window.go_to("shares")
    ops.wait_idle()
    shares.choose_year(2024)
    ops.wait_idle()
    save(window, out, "70-shares", qapp)
    shares.search.setText("บุญ")
    save(window, out, "71-shares-search", qapp)
    shares.search.clear()

    cash = window.go_to("cashbook")
    cash.show_month(2025, 1)
    save(window, out, "75-cashbook", qapp)
    expense = cash.enter("expense")
    expense.amount.setText("150")
    expense.description.setText("ค่าถ่ายเอกสารรายงานประจำเดือน")
    center_on(expense, window)
    save_over(window, expense, out, "76-cashbook-expense", qapp)
    expense.done(0)
    transfer = cash.transfer()
    transfer.amount.setText("5,000")
    transfer.description.setText("นำเงินฝากธนาคาร ธ.ก.ส.")
    center_on(transfer, window)
    save_over(window, transfer, out, "77-cashbook-transfer", qapp)
    transfer.done(0)
    count = cash.count_cash()
    count.form.set_counts(cash_counts(Money(count.form.book_balance)))
    center_on(count, window)
    save_over(window, count, out, "78-cashbook-count", qapp)
    count.done(0)
    expenses = [r for r in range(cash.model.rowCount()) if getattr(cash.model.row(r), "kind", "") == "cash_out"]
    if expenses:  # the question before a wrong entry is cancelled (nothing is posted: the dialog is not run)
        cash.table.selectRow(expenses[-1])
        correct = cash.correction_dialog(cash.selected_line())
        correct.reason.setText("บันทึกซ้ำ ใบเสร็จค่าถ่ายเอกสารใบเดียวกัน")
        correct.show()
        center_on(correct, window)
        save_over(window, correct, out, "80-cashbook-correct", qapp)
        correct.done(0)
    cash.tabs.setCurrentIndex(1)
    save(window, out, "79-cashbook-secretary", qapp)
    cash.tabs.setCurrentIndex(0)
    settle(qapp)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    set_language("th")
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    prefs = Prefs()
    uiapp.setup_application(qapp, prefs)
    controller = uiapp.App(qapp, prefs)

    # --- first run ----------------------------------------------------------------------------------
    controller.start(None)
    first = controller.first_run
    first.resize(*SIZE)
    save(first, out, "01-first-run", qapp)
    first.show_step(1)
    first.bank_form.edits["name"].setText("ธนาคารหมู่บ้านบ้านหนองบัว")
    first.bank_form.edits["village"].setText("บ้านหนองบัว")
    first.bank_form.edits["moo"].setText("7")
    save(first, out, "02-first-run-bank", qapp)
    first.show_step(2)
    save(first, out, "03-first-run-rules", qapp)
    first.show_step(0)
    import screenshots_b  # 90–139: the gui-b screens (loans, welfare, year end, reports, backup, ...)

    screenshots_b.first_run_shots(controller, first, out, qapp, save, Path(tempfile.mkdtemp(prefix="vb-import-")))

    # --- the demo book, at a fixed date -------------------------------------------------------------
    path = uiapp.demo_book_path()
    book = demo.create_demo_book(path, until=TODAY)
    book.clock = FixedClock(TODAY)
    controller.show_book(book)
    window = controller.window
    window.resize(*SIZE)
    window.move(0, 0)
    members = window.go_to("members")
    save(window, out, "10-members", qapp)
    members.search.setText("บุญ")
    save(window, out, "11-members-search", qapp)
    members.search.clear()
    members.order_combo.setCurrentIndex(1)
    save(window, out, "12-members-by-name", qapp)
    members.order_combo.setCurrentIndex(0)

    # member form: new, with a refused citizen ID
    dialog = members.add_member()
    center_on(dialog, window)
    save(dialog, out, "20-member-new", qapp)
    dialog.first_name.setText("สมหญิง")
    dialog.last_name.setText("ใจงาม")
    dialog.title_combo.setCurrentIndex(dialog.title_combo.findData("นาง"))
    dialog.citizen_id.setText("1-2345-67890-12-3")
    dialog.birth_date.setText("31/02/2510")
    dialog.check_all()
    save(dialog, out, "21-member-new-errors", qapp)
    dialog.birth_date.setText("12/05/2510")
    dialog.birth_date.open_calendar()
    popup = dialog.birth_date.popup_widget()
    save_over(dialog, popup, out, "22-date-calendar", qapp)
    popup.close()
    dialog.done(0)

    # member page and edit
    m = book.members()[2]
    book.edit_member(m.member_no, {"phone": "0891234567", "occupation": "ทำสวนลำไย"})
    members.reload()
    members.open_member(book.member(m.member_no))
    save(window, out, "30-member-page", qapp)
    view = members.member_view
    from villagebank.ui.pages.member_detail import EditLogSection, StatusSection

    view.tabs.setCurrentWidget(next(s for s in view.sections if isinstance(s, StatusSection)))
    save(window, out, "31-member-status-history", qapp)
    view.tabs.setCurrentWidget(next(s for s in view.sections if isinstance(s, EditLogSection)))
    save(window, out, "32-member-edit-log", qapp)
    view.tabs.setCurrentIndex(0)
    edit = members.edit_member(book.member(m.member_no))
    center_on(edit, window)
    save(edit, out, "33-member-edit", qapp)
    edit.done(0)
    members.show_list()

    # settings
    settings = window.go_to("settings")
    save(window, out, "40-settings-bank", qapp)
    settings.tabs.setCurrentIndex(1)
    rules = settings.rules_tab
    for i in range(rules.editor.count()):
        rules.editor.setCurrentIndex(i)
        save(window, out, f"{41 + i}-settings-rules-{i + 1}", qapp)
    rules.editor.setCurrentIndex(0)
    rules.editor.editors["min_saving"].widget.setText("15")
    rules.save()
    save(window, out, "48-settings-rules-refused", qapp)
    rules.load()
    settings.tabs.setCurrentIndex(2)
    save(window, out, "49-settings-display", qapp)
    settings.tabs.setCurrentIndex(0)

    gui_a_screens(window, book, out, qapp)

    # English, and bigger text
    window.go_to("members")
    set_language("en")
    save(window, out, "50-members-english", qapp)
    set_language("th")
    window.ctx.set_font_size(17)
    save(window, out, "51-members-large-text", qapp)
    window.ctx.set_font_size(13)
    screenshots_b.shots(controller, window, book, out, qapp, save, center_on)
    controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs/screenshots"))
