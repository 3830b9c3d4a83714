"""The writer thread: work runs off the GUI thread, one op at a time, results and errors come back by
signal; a long op shows a progress dialog and cannot be started twice; errors are never tracebacks."""

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from villagebank.i18n import N_, UserError
from villagebank.ui import errors


@pytest.fixture
def shown(monkeypatch):
    """Capture message boxes instead of showing them (title, text)."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "message_box", lambda parent, icon, title, text: boxes.append((title, text)))
    return boxes


def test_work_runs_on_one_other_thread_and_result_comes_back_on_the_gui_thread(qtbot, ops):
    gui = threading.get_ident()
    workers, results = [], []
    for i in range(5):
        ops.run(lambda i=i: (workers.append(threading.get_ident()), i)[1],
                done=lambda r: results.append((r, threading.get_ident())))
    assert ops.busy
    assert ops.wait_idle()
    assert [r for r, _t in results] == [0, 1, 2, 3, 4]  # in order
    assert {t for _r, t in results} == {gui}
    assert len(set(workers)) == 1 and workers[0] != gui


def test_user_error_goes_to_failed_with_the_field_named(qtbot, ops, shown):
    failures = []

    def refuse():
        raise UserError(N_("is required"), N_("First name"))

    ops.run(refuse, done=lambda r: pytest.fail("not done"), failed=failures.append)
    ops.wait_idle()
    assert str(failures[0]) == "ชื่อ: ต้องกรอก"
    assert shown == []


def test_user_error_without_handler_is_shown_in_plain_thai(qtbot, ops, shown):
    ops.run(lambda: (_ for _ in ()).throw(UserError(N_("is required"), N_("First name"))))
    ops.wait_idle()
    assert shown == [("กรุณาตรวจสอบ", "ชื่อ: ต้องกรอก")]


def test_a_bug_is_logged_and_shown_without_a_traceback(qtbot, ops, shown, caplog):
    def bug():
        raise ZeroDivisionError("division by zero")

    failures = []
    ops.run(bug, failed=failures.append)
    ops.wait_idle()
    assert failures == []  # a bug never reaches a field's error handler
    title, text = shown[0]
    assert title == "เกิดปัญหา"
    assert "Traceback" not in text and "ZeroDivisionError" not in text
    assert "ข้อมูลที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ" in text
    assert "ZeroDivisionError" in caplog.text


def test_a_keyed_op_cannot_be_started_twice(qtbot, ops):
    gate = threading.Event()
    first = ops.run(lambda ctx: gate.wait(5), key="yearend", long=True, label="ปิดบัญชีสิ้นปี")
    assert first is not None
    assert ops.run(lambda ctx: None, key="yearend", long=True) is None
    assert ops.running("yearend") is first
    gate.set()
    ops.wait_idle()
    assert ops.running("yearend") is None
    assert ops.run(lambda ctx: None, key="yearend", long=True) is not None
    ops.wait_idle()


def test_long_op_shows_progress_and_can_be_stopped(qtbot, ops):
    gate = threading.Event()
    seen = []

    def work(ctx):
        for i in range(1, 4):
            ctx.progress(i, 10, f"สมาชิก {i}")
        gate.wait(60)  # released by the test below (a loaded machine can take seconds to get there)
        return "stopped" if ctx.cancelled else "done"

    op = ops.run(work, done=seen.append, long=True, cancellable=True, label="กำลังพิมพ์")
    dialog = op.dialog
    qtbot.waitUntil(lambda: dialog.value() == 3 and dialog.maximum() == 10)
    assert dialog.labelText() == "สมาชิก 3"
    from PySide6.QtWidgets import QPushButton

    stop = dialog.findChild(QPushButton)
    assert stop.text() == "หยุด"
    stop.click()
    assert op.cancel_requested.is_set()
    assert dialog.labelText() == "กำลังหยุด…"
    gate.set()
    ops.wait_idle()
    assert seen == ["stopped"]
    import shiboken6

    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_callbacks_of_a_closed_window_are_skipped(qtbot, ops):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    called = []
    gate = threading.Event()
    ops.run(lambda: gate.wait(5), done=called.append, owner=owner)
    owner.deleteLater()
    QApplication.processEvents()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    ops.wait_idle()
    assert called == []


def test_excepthook_shows_plain_message_and_logs(qtbot, shown, caplog):
    try:
        raise KeyError("boom")
    except KeyError as exc:
        errors._excepthook(KeyError, exc, exc.__traceback__)
    assert shown and "Traceback" not in shown[0][1]
    assert "KeyError" in caplog.text
    shown.clear()
    err = UserError(N_("is required"), N_("Last name"))
    errors._excepthook(UserError, err, None)
    assert shown == [("กรุณาตรวจสอบ", "นามสกุล: ต้องกรอก")]


def test_message_box_buttons_are_in_thai(qtbot, prefs):
    from PySide6.QtCore import QTimer

    texts = []

    def grab_and_close():
        box = QApplication.activeModalWidget()
        texts.extend(b.text() for b in box.buttons())
        box.buttons()[0].click()

    QTimer.singleShot(50, grab_and_close)
    errors.message_box(None, QMessageBox.Icon.Warning, "x", "y")
    assert texts == ["ตกลง"]
