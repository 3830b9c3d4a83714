"""A refusal that carries SQLite's own words (a damaged file) shows them apart, labelled for the person helping."""

from villagebank.ledger.errors import BackupError
from villagebank.ui import errors


def test_sqlite_words_are_shown_as_labelled_technical_detail(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(errors, "message_box", lambda parent, icon, title, text: shown.append(text))
    exc = BackupError("{file} is damaged ({detail})", reason="damaged", file="สำรอง.vbk", detail="ทดสอบ")
    exc.technical = "database disk image is malformed"
    errors.show_user_error(None, exc)
    message, detail = shown[0].split("\n\n", 1)
    assert message == exc.message() and "malformed" not in message
    assert detail.endswith("database disk image is malformed") and detail != exc.technical  # labelled
    shown.clear()
    errors.show_user_error(None, BackupError("{file} is damaged ({detail})", reason="damaged", file="a", detail="b"))
    assert "\n\n" not in shown[0]  # nothing to add when there is no technical detail


def test_the_restore_dialog_of_a_damaged_file_shows_sqlite_words_apart(qtbot, tmp_path):
    """A backup whose page is zeroed: the dialog says it cannot be restored in the user's words, and shows SQLite's
    own words on a line of their own, labelled for the person helping."""
    from PySide6.QtWidgets import QLabel

    from villagebank.ledger import create_book
    from villagebank.ledger.backup import inspect_backup
    from villagebank.ui.dialogs.restore import RestoreDialog

    path = tmp_path / "book.vbk"
    create_book(path, name="ธนาคารทดสอบ").close()
    data = path.read_bytes()
    zeroed = tmp_path / "zeroed.vbk"
    zeroed.write_bytes(data[:4096 * 2] + b"\x00" * 4096 + data[4096 * 3:])
    check = inspect_backup(zeroed, None)
    assert not check.ok and check.error.technical
    dialog = RestoreDialog(check)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert check.error.message() in texts and "zeroed.vbk" in check.error.message()  # the user's file, not the copy
    assert check.error.technical not in check.error.message()
    assert any(text.endswith(check.error.technical) and text != check.error.technical for text in texts)
