"""Start-up: no book yet → the first-run screen; Enter opens the demo; "Create my bank" by keyboard."""

from PySide6.QtCore import Qt

from tests.ui.conftest import focused, type_text
from villagebank import paths
from villagebank.ledger import Rules, create_book
from villagebank.ui import app as uiapp
from villagebank.ui.windows.first_run import BANK_STEP, CHOICES, RULES_STEP


def wait_for_window(qtbot, ctl):
    qtbot.waitUntil(lambda: ctl.window is not None and ctl.window.isVisible(), timeout=180_000)
    ctl.ops.wait_idle()
    return ctl.window


def test_no_book_shows_the_first_run_screen_and_enter_opens_the_demo(qtbot, controller, prefs):
    controller.start(None)
    first = controller.first_run
    assert first is not None and first.isVisible()
    assert first.step() == CHOICES
    assert first.demo_button.isDefault()
    qtbot.waitUntil(lambda: focused() is first.demo_button)
    assert "สมุดบัญชีตัวอย่าง" in first.demo_button.title.text()
    qtbot.keyClick(first.demo_button, Qt.Key.Key_Return)
    window = wait_for_window(qtbot, controller)
    assert window.demo and window.banner.isVisible()
    assert "ตัวอย่าง" in window.windowTitle()
    assert controller.book.path == uiapp.demo_book_path()
    assert len(controller.book.members()) >= 40  # the demo also takes new members at each annual meeting
    assert not paths.default_book_path().exists()  # the real book's place stays free
    assert prefs.last_book() == uiapp.demo_book_path()
    assert controller.first_run is None


def test_create_my_bank_by_keyboard(qtbot, controller):
    controller.start(None)
    first = controller.first_run
    qtbot.waitUntil(lambda: focused() is first.demo_button)
    qtbot.keyClick(first.demo_button, Qt.Key.Key_Tab)
    assert focused() is first.create_button
    qtbot.keyClick(first.create_button, Qt.Key.Key_Return)
    assert first.step() == BANK_STEP
    name = first.bank_form.edits["name"]
    assert focused() is name

    # Enter with no name: refused, the field says why
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert first.step() == BANK_STEP
    assert first.bank_form.rows["name"].error.text() == "ต้องกรอก"
    assert name.property("error")

    type_text(name, "ธนาคารหมู่บ้านบ้านหนองบัว")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    type_text(focused(), "บ้านหนองบัว")  # village
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "7")  # moo
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "หนองบัว")  # tambon
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert first.step() == RULES_STEP
    assert not name.property("error")
    # the rules are prefilled with the defaults, each explained
    editor = first.rules_editor
    assert editor.collect() == Rules()
    assert first.rules_editor.forms[0].rows["share_value"].note.text().startswith("ราคาของหุ้น")

    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    window = wait_for_window(qtbot, controller)
    book = controller.book
    assert book.path == paths.default_book_path()
    assert book.bank().name == "ธนาคารหมู่บ้านบ้านหนองบัว"
    assert book.bank().moo == "7" and book.bank().tambon == "หนองบัว"
    assert book.rules == Rules()
    assert not window.demo and not window.banner.isVisible()
    assert window.bank_name.text() == "ธนาคารหมู่บ้านบ้านหนองบัว"


def test_rules_changed_on_the_first_run_are_used_and_refused_ones_named(qtbot, controller):
    controller.start(None)
    first = controller.first_run
    first.show_step(BANK_STEP)
    first.bank_form.edits["name"].setText("กลุ่มออมทรัพย์บ้านนา")
    first.show_step(RULES_STEP)
    editor = first.rules_editor
    meeting = editor.editors["meeting_day"].widget
    meeting.setValue(30)
    first.finish_button.click()
    assert first.step() == RULES_STEP
    assert "วันทำการของเดือน (วันที่): ต้องเป็นวันที่ 1 ถึง 28" in first.rules_error.text()
    assert editor.forms[3].rows["meeting_day"].error.isVisible()
    assert editor.currentIndex() == 3  # the tab with the refused rule is shown
    meeting.setValue(15)
    first.finish_button.click()
    wait_for_window(qtbot, controller)
    assert controller.book.rules.meeting_day == 15


def test_escape_steps_back(qtbot, controller):
    controller.start(None)
    first = controller.first_run
    first.show_step(RULES_STEP)
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert first.step() == BANK_STEP
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert first.step() == CHOICES
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert first.isVisible()  # Esc on the first screen does not quit


def test_an_existing_book_opens_directly_and_is_remembered(qtbot, controller, prefs, tmp_path):
    path = tmp_path / "mine.vbk"
    create_book(path, name="ธนาคารหมู่บ้านทดสอบ").close()
    controller.start(path)
    window = wait_for_window(qtbot, controller)
    assert controller.first_run is None
    assert window.bank_name.text() == "ธนาคารหมู่บ้านทดสอบ"
    assert prefs.last_book() == path


def test_a_book_open_elsewhere_is_refused_politely(qtbot, controller, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import when_modal

    shown = []

    def close(box: QMessageBox) -> None:
        shown.append(box.text())
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole).click()

    path = tmp_path / "busy.vbk"
    held = create_book(path, name="ธนาคารหมู่บ้านทดสอบ")  # holds the one-writer lock
    try:
        when_modal(qtbot, close)
        controller.start(path)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        assert "เปิดอยู่ในหน้าต่างอื่นของโปรแกรมในเครื่องนี้แล้ว" in shown[0] and "pid" not in shown[0]
        assert "Traceback" not in shown[0]
        qtbot.waitUntil(lambda: bool(controller.quits))
        assert controller.window is None
    finally:
        held.close()


def test_creating_where_a_book_exists_uses_a_free_name(qtbot, controller):
    create_book(paths.default_book_path(), name="เล่มแรก").close()
    assert uiapp.free_book_path().name == "book-2.vbk"


def test_a_new_computer_restores_the_book_from_a_usb_backup(qtbot, controller, tmp_path):
    """The old laptop broke: the first run restores the backup from the USB stick into this computer's data
    folder (checked and shown first) and opens it."""
    from tests.conftest import member_values, valid_cid
    from villagebank.ui.dialogs.restore import RestoreDialog

    usb = tmp_path / "usb"
    usb.mkdir()
    with create_book(tmp_path / "old-laptop" / "book.vbk", name="ธนาคารหมู่บ้านย้ายเครื่อง") as old:
        old.add_member(member_values("สมศรี", cid=valid_cid("310170020301")))
        saved = old.backup(usb).path
    controller.start(None)
    assert controller.first_run.restore_button.isVisible()
    seen = []

    def accept(dialog) -> None:
        seen.append(dialog)
        assert isinstance(dialog, RestoreDialog) and dialog.check.ok
        dialog.yes_button.click()

    from tests.ui.conftest import when_modal

    when_modal(qtbot, accept)
    controller.restore_backup(saved)
    window = wait_for_window(qtbot, controller)
    assert seen and window.isVisible()
    assert controller.book.bank().name == "ธนาคารหมู่บ้านย้ายเครื่อง" and len(controller.book.members()) == 1
    assert controller.book.path == paths.default_book_path()  # in this computer's data folder, not on the stick
    assert saved.exists()  # the stick keeps its copy
