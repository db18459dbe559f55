"""Locking the window after a period without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
})


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``minutes`` without user input anywhere in the
    application (0 minutes: never). Install with :meth:`start`."""

    idle = Signal()

    def __init__(self, app: QObject, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self.app = app
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        self._installed = False

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(int(minutes), 0)
        self.timer.setInterval(self.minutes * 60_000)
        if self.timer.isActive():
            self.restart()

    def set_interval_ms(self, msecs: int) -> None:
        """Set the delay in milliseconds (tests)."""
        self.minutes = max(msecs, 0) / 60_000
        self.timer.setInterval(msecs)

    def start(self) -> None:
        if not self._installed:
            self.app.installEventFilter(self)
            self._installed = True
        self.restart()

    def stop(self) -> None:
        """Stop watching (while a login dialog is up)."""
        self.timer.stop()
        if self._installed:
            self.app.removeEventFilter(self)
            self._installed = False

    def restart(self) -> None:
        if self.minutes > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False
