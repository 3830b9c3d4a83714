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
