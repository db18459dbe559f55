"""A vertical stepper: the seven steps of the review, done / current / pending,
with what remains under each. Arrow keys move between steps."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from desktop_app.review.machine import CURRENT, DONE, ReviewStatus

COLORS = {DONE: "#2e7d32", CURRENT: "#1565c0", "pending": "#9e9e9e"}


def step_icon(number: int, state: str, size: int = 28) -> QIcon:
    """A coloured disc with the step's number (filled when done or current)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(COLORS.get(state, COLORS["pending"]))
    painter.setPen(color)
    painter.setBrush(color if state != "pending" else QColor("white"))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(size // 2)
    painter.setFont(font)
    painter.setPen(QColor("white") if state != "pending" else color)
    painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, str(number))
    painter.end()
    return QIcon(pix)


class Stepper(QListWidget):
    """The steps of a round; ``step_chosen(step)`` when the user picks one."""

    step_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIconSize(QSize(28, 28))
        self.setWordWrap(True)
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(300)
        self.status: ReviewStatus | None = None
        self.currentRowChanged.connect(self._chosen)

    def state_text(self, state: str) -> str:
        return {DONE: self.tr("Done"), CURRENT: self.tr("Current step")}.get(state, self.tr("Not yet"))

    def show_status(self, status: ReviewStatus) -> None:
        """Draw ``status``; keeps the chosen step (else selects the current one)."""
        chosen = self.currentRow()
        self.status = status
        self.blockSignals(True)
        self.clear()
        for i, step in enumerate(status.steps, start=1):
            lines = [f"{step.title}  ({self.state_text(step.state)})"]
            lines += [f"  • {text}" for text in step.remains[:6]]
            if len(step.remains) > 6:
                lines.append(f"  • … (+{len(step.remains) - 6})")
            if step.state == DONE and step.mark and step.mark.by:
                when = step.mark.at.astimezone().strftime("%d/%m/%Y %H:%M") if step.mark.at else ""
                lines.append("  " + self.tr("by %1, %2").replace("%1", step.mark.by).replace("%2", when))
            item = QListWidgetItem(step_icon(i, step.state), "\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, step.step)
            font = item.font()
            font.setBold(step.state == CURRENT)
            item.setFont(font)
            if step.state == "pending":
                item.setForeground(QColor("#616161"))
            self.addItem(item)
        current = next((i for i, s in enumerate(status.steps) if s.state == CURRENT), len(status.steps) - 1)
        self.setCurrentRow(chosen if 0 <= chosen < self.count() else current)
        self.blockSignals(False)

    def select_step(self, step: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == step:
                self.setCurrentRow(i)
                return

    def _chosen(self, row: int) -> None:
        if row >= 0:
            self.step_chosen.emit(self.item(row).data(Qt.ItemDataRole.UserRole))
