"""Start the GUI (or a bare window) and print ``READY <monotonic seconds> <rows>`` once a window is shown
and painted, then quit. Run as a script by ``bench.jobs.gui``: ``python gui_probe.py app|bare BOOK``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _when_painted(app) -> None:
    """Print READY after the event loop has shown and painted a top-level window."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Painted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and getattr(obj, "isWindow", lambda: False)() and obj.isVisible():
                QTimer.singleShot(0, done)
            return False

    def done() -> None:
        from PySide6.QtWidgets import QAbstractItemView

        shown = time.monotonic()
        rows = 0  # the most rows of a visible list or table: the members list on the app's first page
        for w in app.topLevelWidgets():
            if w.isVisible():
                for view in w.findChildren(QAbstractItemView):
                    if view.isVisible() and view.model() is not None:
                        rows = max(rows, view.model().rowCount())
        print(f"READY {shown:.6f} {rows}", flush=True)
        app.exit(0)

    watcher = Painted(app)
    app.installEventFilter(watcher)
    app._bench_watcher = watcher  # keep it alive


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    w = QWidget()
    w.resize(900, 640)
    w.show()
    _when_painted(app)
    return app.exec()


def app_(book: str) -> int:
    from PySide6.QtWidgets import QApplication

    original = QApplication.exec

    def exec_(*_args):
        _when_painted(QApplication.instance())
        return original()  # a static method in PySide6

    QApplication.exec = exec_
    from villagebank.ui.app import run

    return run(book=Path(book))


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else app_(sys.argv[2]))
