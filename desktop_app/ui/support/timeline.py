"""Widgets the household editor can embed: the household's support
timeline and the supports it appears eligible for."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop_app.errors import AppError
from desktop_app.services import Changes
from desktop_app.services import support as svc
from desktop_app.storage.database import Database
from desktop_app.ui.support.common import money, quantity

KINDS = frozenset({"support", "support_programmes", "households", "members", "classifications"})


class HouseholdSupportTimeline(QWidget):
    """Everything the household and its members received, grouped by year,
    newest first. ``set_household(id)`` shows another household."""

    def __init__(self, db: Database, household_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Support"), self.tr("Recipient"), self.tr("Amount")])
        self.tree.setAlternatingRowColors(True)
        self.empty = QLabel(self.tr("No support recorded for this household."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty)
        self.reload()

    def set_household(self, household_id: str | None) -> None:
        self.household_id = household_id
        self.reload()

    def refresh(self, changes: Changes) -> None:
        if changes.kinds & KINDS:
            self.reload()

    def reload(self) -> None:
        self.tree.clear()
        entries: list[svc.SupportEntry] = []
        if self.household_id:
            try:
                entries = svc.household_support(self.db, self.household_id)
            except AppError:
                entries = []
        years: dict[int, QTreeWidgetItem] = {}
        for e in entries:
            parent = years.get(e.date.year)
            if parent is None:
                parent = QTreeWidgetItem([str(e.date.year)])
                self.tree.addTopLevelItem(parent)
                years[e.date.year] = parent
            what = e.programme_name
            if e.quantity is not None:
                what += f" – {quantity(e.quantity)} {e.unit or ''}".rstrip()
            item = QTreeWidgetItem([e.date.strftime("%d/%m/%Y"), what,
                                    e.member_name or self.tr("Whole household"),
                                    money(e.amount_vnd) + (" đ" if e.amount_vnd is not None else "")])
            item.setToolTip(1, "\n".join(x for x in (e.source_name, e.note or "", e.purpose or "") if x))
            parent.addChild(item)
            parent.setExpanded(True)
        for c in range(4):
            self.tree.resizeColumnToContents(c)
        self.tree.setVisible(bool(entries))
        self.empty.setVisible(not entries)

    def count(self) -> int:
        """Records shown (for tests and the editor's tab title)."""
        return sum(self.tree.topLevelItem(i).childCount() for i in range(self.tree.topLevelItemCount()))


class EligibilityHints(QWidget):
    """The supports the household appears eligible for and has not received
    this year, each with its reason (one card per hint)."""

    def __init__(self, db: Database, household_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.hints: list = []
        self.labels: list[QLabel] = []
        self.box = QWidget()
        self.box_layout = QVBoxLayout(self.box)
        self.box_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.box)
        self.empty = QLabel(self.tr("No hint: nothing more this household appears eligible for this year."))
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        layout.addWidget(self.empty)
        self.reload()

    def set_household(self, household_id: str | None) -> None:
        self.household_id = household_id
        self.reload()

    def refresh(self, changes: Changes) -> None:
        if changes.kinds & KINDS:
            self.reload()

    def reload(self) -> None:
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        self.hints = []
        if self.household_id:
            try:
                self.hints = svc.eligible_supports(self.db, self.household_id)
            except AppError:
                self.hints = []
        catalogue = svc.catalogue_for(self.db)
        for h in self.hints:
            label = QLabel(f"<b>{html.escape(catalogue.programme_name(h.programme))}</b><br>"
                           f"{html.escape(h.reason)}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setStyleSheet("QLabel { background: #fffbe6; padding: 6px; }")
            self.box_layout.insertWidget(self.box_layout.count() - 1, label)
            self.labels.append(label)
        self.scroll.setVisible(bool(self.hints))
        self.empty.setVisible(not self.hints)
