"""Work off the GUI thread: one writer thread, results and errors back by signal.

The pattern of Anki's ``CollectionOp`` and Picard's ``run_task``: a screen hands a callable to
:meth:`Ops.run` and says what to do with its result; the callable runs on the one worker thread (so two
commands never write the book at the same time, and the window keeps painting while SQLite syncs to
disk); the result or the error comes back to the GUI thread through a queued signal.

Rules of use:

* Every command that writes the book, and every long query (imports, reports for all members, year end),
  goes through :meth:`Ops.run`. Short queries (one member, a list of members) may call ``Book`` directly
  on the GUI thread: the book is SQLite in WAL mode, so they read alongside the writer.
* A :class:`~villagebank.i18n.UserError` goes to ``failed`` (if given) or is shown in plain words naming
  the field; anything else is a bug: it is logged and shown as "something went wrong", never a traceback.
* ``long=True`` shows a progress dialog after a short delay and passes an :class:`OpContext` to the
  callable, which may report progress and check ``ctx.cancelled``. A ``key`` makes an op exclusive:
  starting it again while it runs brings the running one forward instead of starting a second.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QElapsedTimer, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from villagebank.i18n import UserError, _
from villagebank.ui import errors

log = logging.getLogger("villagebank.ui.ops")

PROGRESS_DELAY_MS = 400


class OpContext:
    """Given to a long op's callable: report progress, notice a cancel request."""

    def __init__(self, op: Op, ops: Ops) -> None:
        self._op = op
        self._ops = ops

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        self._ops._progressed.emit(self._op, int(done), int(total), text)

    @property
    def cancelled(self) -> bool:
        return self._op.cancel_requested.is_set()


class Op:
    """One piece of work handed to the writer thread."""

    _ids = itertools.count(1)

    def __init__(self, fn: Callable[..., Any], *, done: Callable[[Any], Any] | None,
                 failed: Callable[[BaseException], Any] | None, owner: QObject | None, parent: QWidget | None,
                 label: str, key: str | None, long: bool, cancellable: bool) -> None:
        self.id = next(self._ids)
        self.fn = fn
        self.done = done
        self.failed = failed
        self.owner = owner
        self.parent = parent
        self.label = label
        self.key = key
        self.long = long
        self.cancellable = cancellable
        self.cancel_requested = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.finished = False


_STOP = object()


class _Worker(QThread):
    def __init__(self, ops: Ops) -> None:
        super().__init__()
        self.setObjectName("villagebank-writer")
        self._ops = ops
        self.jobs: queue.Queue[Any] = queue.Queue()

    def run(self) -> None:
        while True:
            op = self.jobs.get()
            if op is _STOP:
                return
            try:
                result = op.fn(OpContext(op, self._ops)) if op.long else op.fn()
            except BaseException as exc:  # delivered to the GUI thread; nothing is lost here
                self._ops._finished.emit(op, False, exc)
            else:
                self._ops._finished.emit(op, True, result)


class Ops(QObject):
    """The one writer thread of the application (create one; shut it down before closing the book)."""

    busy_changed = Signal(bool)
    _finished = Signal(object, bool, object)
    _progressed = Signal(object, int, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = _Worker(self)
        self._pending: dict[int, Op] = {}
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._worker.start()

    # --- starting work ------------------------------------------------------------------------
    def run(self, fn: Callable[..., Any], *, done: Callable[[Any], Any] | None = None,
            failed: Callable[[BaseException], Any] | None = None, owner: QObject | None = None,
            parent: QWidget | None = None, label: str = "", key: str | None = None, long: bool = False,
            cancellable: bool = False) -> Op | None:
        """Run ``fn`` on the writer thread; ``done(result)`` / ``failed(user_error)`` on the GUI thread.

        ``owner``: when this widget has been deleted by the time the result arrives, the callbacks are
        skipped (the dialog that asked has closed). Returns the op, or ``None`` when ``key`` is running.
        """
        if key is not None:
            running = self.running(key)
            if running is not None:
                if running.dialog is not None:
                    running.dialog.raise_()
                    running.dialog.activateWindow()
                return None
        op = Op(fn, done=done, failed=failed, owner=owner, parent=parent, label=label, key=key, long=long,
                cancellable=cancellable)
        was_busy = self.busy
        self._pending[op.id] = op
        if long:
            op.dialog = self._make_dialog(op)
        self._worker.jobs.put(op)
        if not was_busy:
            self.busy_changed.emit(True)
        return op

    def running(self, key: str) -> Op | None:
        return next((op for op in self._pending.values() if op.key == key), None)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    # --- progress dialog ----------------------------------------------------------------------
    def _make_dialog(self, op: Op) -> QProgressDialog:
        dialog = QProgressDialog(op.label or _("Working…"), _("Stop"), 0, 0, op.parent)
        dialog.setWindowTitle(_("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not op.cancellable:
            dialog.setCancelButton(None)
        else:
            dialog.canceled.connect(lambda: self._request_cancel(op))
        return dialog

    def _request_cancel(self, op: Op) -> None:
        op.cancel_requested.set()
        if op.dialog is not None and not op.finished:
            op.dialog.setLabelText(_("Stopping…"))
            op.dialog.show()

    def _on_progress(self, op: Op, done: int, total: int, text: str) -> None:
        dialog = op.dialog
        if dialog is None or op.finished or not shiboken6.isValid(dialog):
            return
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if text:
            dialog.setLabelText(text)

    # --- results ------------------------------------------------------------------------------
    def _on_finished(self, op: Op, ok: bool, value: Any) -> None:
        op.finished = True
        self._pending.pop(op.id, None)
        if op.dialog is not None and shiboken6.isValid(op.dialog):
            op.dialog.reset()
            op.dialog.hide()
            op.dialog.deleteLater()
        op.dialog = None
        try:
            owner_alive = op.owner is None or shiboken6.isValid(op.owner)
            if ok:
                if op.done is not None and owner_alive:
                    op.done(value)
            elif isinstance(value, UserError) and op.failed is not None and owner_alive:
                op.failed(value)
            else:
                parent = op.parent if op.parent is not None and shiboken6.isValid(op.parent) else None
                errors.show_error(parent, value)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)

    # --- waiting and stopping -----------------------------------------------------------------
    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every op has finished and reported (closing, tests). True if idle."""
        timer = QElapsedTimer()
        timer.start()
        while self._pending and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            QThread.msleep(5)
        QCoreApplication.processEvents()
        return not self._pending

    def shutdown(self, timeout_ms: int = 60_000) -> bool:
        """Finish the queued work, then stop the thread. True if everything finished."""
        idle = self.wait_idle(timeout_ms)
        if self._worker.isRunning():
            self._worker.jobs.put(_STOP)
            self._worker.wait(QDeadlineTimer(timeout_ms))
        if not idle:
            log.error("writer thread still had %d op(s) at shutdown", len(self._pending))
        return idle
