"""Backups and the book's safety through the whole application (App): a backup from the Backup page then a
restore (the check shown first, the replaced book kept aside), the automatic verified backup on closing, a
damaged book opening on the restore screen and read-only, a second instance offered read-only, user
accounts (turned on in Settings, a login with wrong passwords and the wait, who is signed in in the title)."""

import datetime as dt
import sqlite3

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.conftest import member_values, valid_cid
from tests.ui.conftest import type_text, when_modal
from villagebank.ledger import BookError, Clock, Money, create_book, open_book
from villagebank.ledger import access as access_mod
from villagebank.ui.dialogs.login import LoginDialog
from villagebank.ui.dialogs.restore import DamagedBookDialog, RestoreDialog


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    from argon2 import PasswordHasher, Type

    monkeypatch.setattr(access_mod, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1,
                                                              type=Type.ID))
    monkeypatch.setattr(access_mod, "_dummy", None)



@pytest.fixture
def path(tmp_path):
    p = tmp_path / "village.vbk"
    with create_book(p, name="ธนาคารหมู่บ้านทดสอบ") as book:
        for i, name in enumerate(("สมชาย", "มาลี"), start=1):
            book.add_member(member_values(name, cid=valid_cid(f"31017002030{i}")))
        book.deposit(1, Money.baht(100))
    return p


def wait_for_window(qtbot, ctl):
    qtbot.waitUntil(lambda: ctl.window is not None and ctl.window.isVisible(), timeout=60_000)
    ctl.ops.wait_idle()
    return ctl.window


def test_backup_then_restore_keeps_the_replaced_book_aside(qtbot, controller, path):
    controller.start(path)
    window = wait_for_window(qtbot, controller)
    page = window.go_to("backup")
    assert page.backup()
    controller.ops.wait_idle()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "ตรวจ" in page.result.text() or "checked" in page.result.text()
    controller.book.add_member(member_values("บุญมี", cid=valid_cid("310170020303")))
    assert len(controller.book.members()) == 3
    page.reload()
    dialog = page.restore_selected()
    assert isinstance(dialog, RestoreDialog) and dialog.check.ok
    facts = "\n".join(label.text() for label in dialog.findChildren(type(page.result)))
    assert "ธนาคารหมู่บ้านทดสอบ" in facts and "/25" in facts  # B.E. dates
    assert dialog.yes_button.isVisible()
    dialog.yes_button.click()
    qtbot.waitUntil(lambda: controller.last_restore is not None, timeout=30_000)
    window = wait_for_window(qtbot, controller)
    assert len(controller.book.members()) == 2  # as it was at the backup
    aside = controller.last_restore.aside
    assert aside is not None and aside.exists()
    with open_book(aside, readonly=True) as old:
        assert len(old.members()) == 3


def test_a_file_of_another_bank_is_refused_with_the_reason(qtbot, controller, path, tmp_path):
    other = tmp_path / "other.vbk"
    create_book(other, name="ธนาคารอื่น").close()
    controller.start(path)
    window = wait_for_window(qtbot, controller)
    page = window.go_to("backup")
    dialog = page.restore_file(other)
    assert not dialog.check.ok and not dialog.yes_button.isVisible()
    dialog.reject()


def test_closing_the_program_makes_a_verified_backup(qtbot, controller, path):
    controller.start(path)
    window = wait_for_window(qtbot, controller)
    book = controller.book
    assert book.backups() == []
    window.close()
    qtbot.waitUntil(lambda: controller.book is None)
    with open_book(path, readonly=True) as again:
        kinds = [b.kind for b in again.backups()]
    assert kinds == ["close"]


def damage(path):
    con = sqlite3.connect(path)
    for a in ("update", "delete"):
        con.execute(f"DROP TRIGGER IF EXISTS posting_no_{a}")
    last = con.execute("SELECT max(entry_seq) FROM posting").fetchone()[0]
    con.execute("UPDATE posting SET amount = amount + 1 WHERE entry_seq = ? AND line = 1", (last,))
    con.commit()
    con.close()


def test_a_damaged_book_shows_the_restore_screen_and_opens_read_only(qtbot, controller, path):
    with open_book(path) as book:
        book.backup()
        book.deposit(2, Money.baht(100))
    damage(path)
    seen = []

    def read_only(dialog: DamagedBookDialog) -> None:
        seen.append(dialog.newest)
        dialog.view_button.click()

    when_modal(qtbot, read_only)
    controller.start(path)
    window = wait_for_window(qtbot, controller)
    assert seen and seen[0] is not None  # the newest backup was offered
    book = controller.book
    assert book.readonly and book.damage
    assert window.readonly_banner.isVisible()
    assert "อ่านอย่างเดียว" in window.windowTitle() or "read-only" in window.windowTitle()
    with pytest.raises(BookError):  # never postings
        book.deposit(1, Money.baht(10))


def test_a_damaged_book_restored_from_its_newest_backup(qtbot, controller, path):
    with open_book(path) as book:
        book.backup()
        book.deposit(2, Money.baht(100))
    damage(path)

    def restore_newest(dialog: QDialog) -> None:
        if isinstance(dialog, DamagedBookDialog):
            when_modal(qtbot, lambda d: d.yes_button.click() if isinstance(d, RestoreDialog) else d.reject())
            dialog.restore_button.click()

    when_modal(qtbot, restore_newest)
    controller.start(path)
    window = wait_for_window(qtbot, controller)
    assert not controller.book.readonly and not controller.book.damage
    assert controller.book.verify().ok
    assert not window.readonly_banner.isVisible()


def test_a_second_instance_may_open_the_book_read_only(qtbot, controller, path):
    held = open_book(path)  # the first instance holds the one-writer lock
    try:
        texts = []

        def open_read_only(box: QMessageBox) -> None:
            texts.append(box.text())
            next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()

        when_modal(qtbot, open_read_only)
        controller.start(path)
        window = wait_for_window(qtbot, controller)
        assert texts and "Traceback" not in texts[0]
        assert controller.book.readonly and window.readonly_banner.isVisible()
    finally:
        held.close()


class TenMinutesLater(Clock):
    def now(self) -> dt.datetime:
        return super().now() + dt.timedelta(minutes=10)


def test_user_accounts_turned_on_then_a_login_with_a_wait(qtbot, controller, path):
    controller.start(path)
    window = wait_for_window(qtbot, controller)
    settings = window.go_to("settings")
    settings.tabs.setCurrentIndex(settings.tabs.count() - 1)
    tab = settings.access_tab
    type_text(tab.name, "somsri")
    type_text(tab.display, "นางสมศรี")
    tab.password.setText("ลับมาก12345")
    tab.repeat.setText("ลับมาก12345")

    def yes(box: QMessageBox) -> None:
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()

    when_modal(qtbot, yes)
    tab.on_button.click()
    controller.ops.wait_idle()
    qtbot.waitUntil(lambda: controller.book.access_enabled)
    qtbot.waitUntil(lambda: "นางสมศรี" in window.windowTitle())
    window.close()
    qtbot.waitUntil(lambda: controller.book is None)

    # Next start: the login dialog first; wrong passwords, then the wait is shown.
    state = {}

    def login(dialog: LoginDialog) -> None:
        dialog.name.setText("somsri")
        for _ in range(3):
            dialog.password.setText("wrong-password")
            assert not dialog.try_login()
        state["message"] = dialog.message.text()
        state["waiting"] = dialog.waiting()
        state["button"] = dialog.ok_button.isEnabled()
        dialog.book.clock = TenMinutesLater()
        dialog._left = 0
        dialog._tick(first=True)
        dialog.password.setText("ลับมาก12345")
        assert dialog.try_login()

    controller.window = None
    when_modal(qtbot, login)
    controller.start(path)
    window = wait_for_window(qtbot, controller)
    assert state["waiting"] > 0 and not state["button"]
    assert "5" in state["message"]
    assert controller.book.signed_in.name == "somsri"
    assert "นางสมศรี" in window.windowTitle()
    # The treasurer adds a committee member, who forgets the password: the treasurer sets a new one.
    settings = window.go_to("settings")
    settings.tabs.setCurrentIndex(settings.tabs.count() - 1)
    tab = settings.access_tab
    type_text(tab.name, "boonmee")
    tab.role.setCurrentIndex(tab.role.findData("committee"))
    tab.password.setText("เริ่มต้น12345")
    tab.repeat.setText("เริ่มต้น12345")
    tab.add_button.click()
    controller.ops.wait_idle()
    assert {u.name for u in controller.book.users()} == {"boonmee", "somsri"}
    assert tab.password_button.isVisible()
    type_text(tab.name, "boonmee")
    tab.password.setText("ใหม่หมด67890")
    tab.repeat.setText("ใหม่หมด67890")
    tab.password_button.click()
    controller.ops.wait_idle()
    assert not tab.problems.isVisible()
    book = controller.book
    book.logout()
    book.login("boonmee", "ใหม่หมด67890")
    assert book.signed_in.name == "boonmee"
