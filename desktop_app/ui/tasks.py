"""Running core operations off the GUI thread, with progress and cancellation.

A core callable that may take a while accepts ``progress(done, total) -> bool``
and stops early when it returns ``False``. :class:`TaskRunner` runs such
callables one at a time on a single worker thread (one writer at a time, as
the database wants), shows a :class:`QProgressDialog` with a Cancel button
only when the work lasts longer than :data:`PROGRESS_DELAY_MS`, and delivers
the result or the error back on the GUI thread by signal.

    runner = TaskRunner(window)
    task = runner.run(import_file, path, label=self.tr("Importing…"))
    task.finished.connect(self.on_imported)
    task.failed.connect(lambda exc: show_error(self, exc))
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

#: a progress dialog appears only for work lasting longer than this
PROGRESS_DELAY_MS = 600


class Task(QObject):
    """One operation: emits exactly one of ``finished(result)``,
    ``failed(exception)`` or ``cancelled()``, on the GUI thread."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict[str, Any], label: str,
                 relay: _Relay):
        super().__init__()
        self.fn, self.args, self.kwargs, self.label = fn, args, kwargs, label
        self._relay = relay
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        """Ask the operation to stop at its next progress report."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> bool:
        """The ``progress`` callback given to the core (runs on the worker thread)."""
        self._relay.progress.emit(self, int(done), int(total))
        return not self._cancel.is_set()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the runner receives (queued)."""

    progress = Signal(object, int, int)
    outcome = Signal(object, str, object)


class _Job(QRunnable):
    def __init__(self, task: Task, relay: _Relay):
        super().__init__()
        self.task = task
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        task = self.task
        try:
            result = task.fn(*task.args, progress=task.report, **task.kwargs)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI
            kind, value = ("cancelled" if task.cancel_requested else "failed"), exc
        else:
            kind, value = ("cancelled" if task.cancel_requested else "finished"), result
        self.relay.outcome.emit(task, kind, value)


class TaskRunner(QObject):
    """Runs :class:`Task` s one after another on one worker thread."""

    def __init__(self, parent: QWidget | None = None, delay_ms: int = PROGRESS_DELAY_MS):
        super().__init__(parent)
        self.parent_widget = parent
        self.delay_ms = delay_ms
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._relay.outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._running: dict[int, tuple[Task, QProgressDialog | None]] = {}

    def run(self, fn: Callable[..., Any], *args: Any, label: str = "", cancellable: bool = True,
            **kwargs: Any) -> Task:
        """Start ``fn(*args, progress=..., **kwargs)`` on the worker thread."""
        task = Task(fn, args, kwargs, label, self._relay)
        self._running[id(task)] = (task, None)
        QTimer.singleShot(self.delay_ms, self, lambda t=task, c=cancellable: self._show_dialog(t, c))
        self.pool.start(_Job(task, self._relay))
        return task

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task ran (for tests and shutdown)."""
        return self.pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Ask every running task to stop and wait for the worker (window closing)."""
        for task, _dialog in list(self._running.values()):
            task.cancel()
        return self.wait(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def _show_dialog(self, task: Task, cancellable: bool) -> None:
        entry = self._running.get(id(task))
        if entry is None or entry[1] is not None:
            return  # already done
        dialog = QProgressDialog(task.label, self.tr("Cancel") if cancellable else "", 0, 0,
                                 self.parent_widget)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        # stay open, saying "Cancelling…", until the operation has stopped
        dialog.canceled.disconnect(dialog.cancel)
        dialog.canceled.connect(task.cancel)
        dialog.canceled.connect(lambda d=dialog: d.setLabelText(self.tr("Cancelling…")))
        self._running[id(task)] = (task, dialog)
        dialog.show()

    def _progress(self, task: Task, done: int, total: int) -> None:
        entry = self._running.get(id(task))
        if entry is None:
            return
        task.progressed.emit(done, total)
        dialog = entry[1]
        if dialog is None:
            return
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        else:
            dialog.setMaximum(0)  # busy indicator

    def _deliver(self, task: Task, kind: str, value: object) -> None:
        _, dialog = self._running.pop(id(task), (task, None))
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        task.done = True
        if kind == "finished":
            task.finished.emit(value)
        elif kind == "failed":
            task.failed.emit(value)
        else:
            task.cancelled.emit()
