"""Start-up of the GUI as the packaged app does it (the packaging smoke test runs the same path frozen)."""

import villagebank
from villagebank.ledger import create_book
from villagebank.ui.app import app_icon, run


def test_app_icon_has_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert {16, 32, 48, 256} <= {s.width() for s in icon.availableSizes()}


def test_smoke_quit_leaves_the_event_loop_after_showing_the_window(qapp, tmp_path, monkeypatch, clock):
    path = tmp_path / "b.vbk"
    create_book(path, name="ธนาคารหมู่บ้านทดสอบ", village="บ้านทดสอบ", tambon="ทดสอบ", amphoe="เมือง",
                province="เชียงใหม่", user="tester", clock=clock).close()
    monkeypatch.setenv("VILLAGEBANK_SMOKE_QUIT_MS", "50")
    assert run(book=path) == 0
    assert qapp.applicationVersion() == villagebank.__version__
    assert not qapp.windowIcon().isNull()
