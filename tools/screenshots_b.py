"""Screenshots 90–143: loans and the loan wizard, welfare & partners, year end, reports, backup and the book's
safety screens, the member page's sections, the workbook import, user accounts; the Book and Help menus (the
workbook for the network centre, where are my files, About). Called by tools/screenshots.py
with the demo book open at its fixed date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from villagebank.ledger import Money


def shots(controller, window, book, out: Path, qapp: QApplication, save, center_on) -> None:
    from villagebank.ui.dialogs.loan_wizard import GUARANTORS, SCHEDULE, TERMS

    def dialog_shot(dialog: QWidget, name: str) -> None:
        center_on(dialog, window)
        save(dialog, out, name, qapp)

    # --- loans ---------------------------------------------------------------------------------------------
    loans = window.go_to("loans")
    loans.reload()
    save(window, out, "90-loans", qapp)
    today = book.clock.today()
    book.clock.set(dt.date(2025, 3, 10))  # two meetings later, before anyone paid: loans are overdue
    window._refresh_date()
    loans.set_filter("overdue")
    if loans.model.rowCount():
        loans.table.select_row(0)
    save(window, out, "91-loans-overdue", qapp)
    book.clock.set(today)
    window._refresh_date()
    loans.set_filter("open")
    members = [m for m in book.members(statuses=("active",))]
    eligible = [m.member_no for m in members if not book.loan_eligibility(m.member_no)]
    refused = [m.member_no for m in book.members(statuses=("active", "suspended"))
               if book.loan_eligibility(m.member_no)]
    exposure = book.guarantor_exposure()
    busy = [no for no, states in exposure.items() if len(states) >= book.rules.max_guaranteed_loans]
    borrower = eligible[0]
    if not refused:  # a member who joined today: a first loan needs months of saving
        refused = [book.add_member({"title": "นาง", "first_name": "ศรีนวล", "last_name": "ใจดี",
                                    "join_date": book.clock.today()}).member_no]
    if not busy:  # a member standing for as many loans as the rules allow
        from villagebank.ledger import LedgerError

        g = next(no for no in eligible if no != borrower)
        pool = [no for no in eligible if no not in (g, borrower)]
        for b_no, second in zip(pool, reversed(pool), strict=False):
            if len(book.guaranteed_by(g)) >= book.rules.max_guaranteed_loans:
                break
            if b_no == second:
                continue
            try:
                book.approve_loan(book.apply_loan(b_no, Money.baht(1000), 10, [g, second]))
            except LedgerError:
                continue
        busy = [g]
    wizard = loans.new_loan()
    if refused:
        wizard.borrower.set_number(refused[0])
        dialog_shot(wizard, "93-loan-wizard-borrower-refused")
    wizard.borrower.set_number(borrower)
    dialog_shot(wizard, "92-loan-wizard-borrower")
    wizard.show_step(TERMS)
    wizard.amount.setText(str(book.cash_held().satang // 100 + 50000))
    wizard.term.setValue(12)
    wizard._check_current()
    dialog_shot(wizard, "94-loan-wizard-terms-refused")
    wizard.amount.setText("8,000.00")
    wizard._check_current()
    dialog_shot(wizard, "95-loan-wizard-terms")
    wizard.show_step(GUARANTORS)
    others = [no for no in eligible if no != borrower and no not in busy]
    wizard.guarantors[0].picker.set_number(busy[0] if busy else borrower)
    wizard.guarantors[1].picker.set_number(others[0])
    wizard._check_current()
    dialog_shot(wizard, "96-loan-wizard-guarantor-refused")
    wizard.guarantors[0].picker.set_number(others[1])
    wizard._check_current()
    dialog_shot(wizard, "97-loan-wizard-guarantors")
    wizard.show_step(SCHEDULE)
    dialog_shot(wizard, "98-loan-wizard-schedule")
    wizard.loan_no = book.apply_loan(borrower, Money.baht(8000), 12, [others[1], others[0]], purpose="เลี้ยงไก่")
    from villagebank.ui.dialogs.loan_wizard import DECIDE

    wizard.show_step(DECIDE)
    wizard._show_decision("applied")
    dialog_shot(wizard, "99-loan-wizard-decide")
    wizard.done(0)
    loans.reload()
    open_loans = [s for s in book.loans(statuses=("disbursed",))]
    if open_loans:
        loans.select_loan(open_loans[0].loan_no)
        repay = loans.repay()
        if repay is not None:
            dialog_shot(repay, "100-loan-repayment")
            repay.done(0)

    # --- welfare & partners -----------------------------------------------------------------------------------
    welfare = window.go_to("welfare")
    claim = welfare.claim_tab
    newest = max(members, key=lambda m: m.join_date)
    claim.member.set_number(newest.member_no)
    claim.case.setCurrentIndex(claim.case.findData("hospital"))
    claim.nights.setValue(30)
    claim.assess()
    save(window, out, "105-welfare-claim-refused", qapp)
    old = min(members, key=lambda m: m.join_date)
    claim.member.set_number(old.member_no)
    claim.nights.setValue(3)
    claim.assess()
    save(window, out, "106-welfare-claim", qapp)
    book.welfare_claim(old.member_no, "hospital", nights=3, note="ใบรับรองแพทย์แนบ")
    book.welfare_claim(members[5].member_no, "hospital", nights=30,
                       override_reason="มติกรรมการ 10 ม.ค. 2568: ผ่าตัดใหญ่", note="ใบรับรองแพทย์แนบ")
    welfare.tabs.setCurrentIndex(1)
    save(window, out, "107-welfare-claims-register", qapp)
    welfare.tabs.setCurrentIndex(2)
    tab = welfare.partners_tab
    tab.partner.setCurrentIndex(max(0, tab.partner.findData("community_welfare")))
    tab.reload()
    save(window, out, "108-partner-funds", qapp)
    enrol = tab.enrol()
    dialog_shot(enrol, "109-partner-enrol")
    enrol.done(0)
    welfare.tabs.setCurrentIndex(0)

    # --- year end -------------------------------------------------------------------------------------------
    yearend = window.go_to("yearend")
    closed = book.closed_years()
    if closed:
        yearend.year.set_fiscal_year(closed[-1])
    yearend.reload()
    save(window, out, "110-year-end", qapp)
    yearend.year.set_fiscal_year(book.fiscal_year_of(book.clock.today()))
    yearend.reload()
    save(window, out, "111-year-end-blockers", qapp)
    yearend.tabs.setCurrentIndex(1)
    save(window, out, "112-year-end-payouts-owed", qapp)
    yearend.tabs.setCurrentIndex(0)
    if closed:
        yearend.year.set_fiscal_year(closed[-1])
        yearend.reload()

    # --- reports --------------------------------------------------------------------------------------------
    reports = window.go_to("reports")
    reports.choose("statement")
    reports.month.set_value(2024, 12)
    reports.member.set_number(old.member_no)
    reports.preview()
    controller.ops.wait_idle(120_000)
    save(window, out, "115-reports-statement", qapp)
    reports.choose("loans")
    reports.preview()
    controller.ops.wait_idle(120_000)
    save(window, out, "116-reports-loan-book", qapp)

    # --- backup and safety ----------------------------------------------------------------------------------
    from villagebank.ledger.backup import inspect_backup
    from villagebank.ui.dialogs.login import LoginDialog
    from villagebank.ui.dialogs.restore import DamagedBookDialog, RestoreDialog

    backup = window.go_to("backup")
    backup.backup()
    controller.ops.wait_idle(60_000)
    save(window, out, "120-backup", qapp)
    info = book.backups()[0]
    dialog = RestoreDialog(inspect_backup(info.path, book), window)
    dialog_shot(dialog, "121-restore-check")
    dialog.deleteLater()
    other = Path(info.path).with_name("not-a-book.vbk")
    other.write_bytes(b"this is not a book")
    dialog = RestoreDialog(inspect_backup(other, book), window)
    dialog_shot(dialog, "122-restore-refused")
    dialog.deleteLater()
    other.unlink()
    from villagebank.i18n import N_
    from villagebank.ledger import BookError

    err = BookError(N_("the book {path} is damaged ({detail}); it was not opened for recording. Restore it from "
                       "a backup: the newest is {backup}, made {date}, up to entry {anchor}"), reason="damaged",
                    path=str(book.path), detail="entry 812: hash chain broken", backup=str(info.path),
                    date="15/01/2568", anchor=info.anchor or "-")
    dialog = DamagedBookDialog(book.path, err.message(), info, window)
    dialog_shot(dialog, "123-damaged-book")
    dialog.deleteLater()
    in_use = BookError(N_("this book is already open in another villagebank window or program ({holder}); "
                          "close it there first"), reason="in_use", holder="pid 4242 on office-laptop")
    box = QMessageBox(QMessageBox.Icon.Information, "", in_use.message(), parent=window)
    from villagebank.i18n import _

    box.setWindowTitle(_("The book is already open"))
    box.setInformativeText(_("You can open it read-only: to look at it and print, without recording anything."))
    box.addButton(_("Open it read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
    box.show()
    dialog_shot(box, "124-second-instance")
    box.close()
    box.deleteLater()
    login = LoginDialog(book, window)
    login.name.setText("somsri")
    login._show(_("Too many wrong passwords: wait {seconds} seconds before trying again.").format(seconds=20))
    login.ok_button.setText(_("Wait {seconds} s").format(seconds=20))
    login.ok_button.setEnabled(False)
    dialog_shot(login, "125-login")
    login.deleteLater()
    settings = window.go_to("settings")
    settings.tabs.setCurrentIndex(settings.tabs.count() - 1)
    save(window, out, "126-settings-users", qapp)
    settings.tabs.setCurrentIndex(0)

    # --- the member page's sections -------------------------------------------------------------------------
    from villagebank.ui.pages.member_sections import (
        CoverageSection,
        GuaranteesSection,
        LoansSection,
        MoneySection,
        StatementSection,
    )

    page = window.go_to("members")
    with_loan = open_loans[0].member_no if open_loans else old.member_no
    page.open_member(book.member(with_loan))
    view = page.member_view
    for i, cls in enumerate((MoneySection, LoansSection, GuaranteesSection, StatementSection, CoverageSection)):
        section = next(s for s in view.sections if isinstance(s, cls))
        if cls is GuaranteesSection:
            guarantor = next(iter(exposure), with_loan)
            page.open_member(book.member(guarantor))
            section = next(s for s in view.sections if isinstance(s, cls))
        if cls is StatementSection:
            section.month.set_value(2024, 12)
        view.tabs.setCurrentWidget(section)
        save(window, out, f"{130 + i}-member-{cls.__name__.removesuffix('Section').lower()}", qapp)
    page.open_member(book.member(old.member_no))
    money = next(s for s in view.sections if isinstance(s, MoneySection))
    view.tabs.setCurrentWidget(money)
    leave = money.leave()
    leave.reason.setText("ย้ายไปอยู่กับลูกที่กรุงเทพฯ")
    dialog_shot(leave, "135-member-leaves")
    leave.done(0)
    view.tabs.setCurrentIndex(0)
    page.show_list()

    # --- read-only window -----------------------------------------------------------------------------------
    window.readonly_banner.setVisible(True)
    window.go_to("members")
    save(window, out, "136-read-only", qapp)
    window.readonly_banner.setVisible(False)

    # --- the Book and Help menus: the workbook for the network centre, where are my files, About -------------
    book_and_help_shots(window, book, out, qapp, save, dialog_shot)


def over(window: QWidget, popup: QWidget, out: Path, name: str, qapp: QApplication) -> None:
    """The window with a popup menu drawn where it opened."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter, QPixmap

    for _ in range(5):
        qapp.processEvents()
    base = window.grab()
    canvas = QPixmap(base.size())
    canvas.fill()
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, base)
    painter.drawPixmap(popup.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0)), popup.grab())
    painter.end()
    canvas.save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def book_and_help_shots(window, book, out: Path, qapp: QApplication, save, dialog_shot) -> None:
    import tempfile

    from PySide6.QtCore import QPoint

    from villagebank.exports.workbook.export import export_workbook
    from villagebank.ui.dialogs.book_files import export_done_box, suggested_name

    window.go_to("overview")
    bar = window.menuBar()
    for menu, name in ((window.book_menu, "139-menu-book"), (window.help_menu, "141-menu-help")):
        geo = bar.actionGeometry(menu.menuAction())
        menu.popup(bar.mapToGlobal(QPoint(geo.x(), geo.bottom())))
        over(window, menu, out, name, qapp)
        menu.hide()
        if name == "139-menu-book":
            target = Path(tempfile.mkdtemp(prefix="vb-export-")) / suggested_name(book.bank().name, book.clock.today())
            box = export_done_box(export_workbook(book, target), window)
            box.show()
            dialog_shot(box, "140-export-done")
            box.close()
            box.deleteLater()
    files = window.show_files()
    dialog_shot(files, "142-where-are-my-files")
    files.close()
    box = window.show_about()
    dialog_shot(box, "143-about")
    box.close()


def first_run_shots(controller, first, out: Path, qapp: QApplication, save, tmp: Path) -> None:
    """The first-run screen with "Import a book workbook", and the import's problem table."""
    from openpyxl import load_workbook

    from villagebank import demo
    from villagebank.exports.workbook.export import export_workbook
    from villagebank.ui.dialogs.import_workbook import ImportDialog

    save(first, out, "137-first-run-import", qapp)
    source = demo.create_demo_book(tmp / "source.vbk", members=12, until=dt.date(2025, 3, 31))
    export_workbook(source, tmp / "book.xlsx", as_of=dt.date(2025, 3, 31))
    source.close()
    wb = load_workbook(tmp / "book.xlsx")
    ws = wb["สมาชิก"]
    header = [c.value for c in ws[1]]
    ws.cell(3, header.index("เลขประจำตัวประชาชน") + 1).value = "1234567890123"
    ws.cell(5, header.index("วันที่เข้าเป็นสมาชิก") + 1).value = "31/02/2568"
    wb.save(tmp / "book.xlsx")
    dialog = ImportDialog(controller.ops, tmp / "new.vbk", tmp / "book.xlsx", first)
    dialog.show()
    dialog.check()
    controller.ops.wait_idle(180_000)
    save(dialog, out, "138-import-problems", qapp)
    dialog.done(0)
    dialog.deleteLater()
