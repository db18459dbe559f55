"""The "Support" page (Hỗ trợ): ledger, coverage, and one household's
timeline with its eligibility hints."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QCompleter, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout,
    QWidget,
)
from PySide6.QtCore import Qt

from desktop_app.errors import AppError
from desktop_app.services import Changes
from desktop_app.services import support as svc
from desktop_app.services.register import list_communes
from desktop_app.storage.database import Database
from desktop_app.support.ledger_excel import write_ledger
from desktop_app.ui.dialogs import confirm
from desktop_app.ui.errors import show_error
from desktop_app.ui.pages.base import Page
from desktop_app.ui.support.bulk_wizard import BulkWizard
from desktop_app.ui.support.common import announce, money
from desktop_app.ui.support.coverage_view import SupportCoverageView
from desktop_app.ui.support.ledger import SupportLedgerView
from desktop_app.ui.support.record_dialog import SupportRecordDialog
from desktop_app.ui.support.timeline import EligibilityHints, HouseholdSupportTimeline

#: kinds of data this page shows
SHOWN = frozenset({"support", "support_programmes", "households", "members", "villages", "surveys",
                   "classifications", "communes", "rounds", "review"})


class SupportPage(Page):
    """``SupportPage(state)`` in the main window, or ``SupportPage(db, actor)``."""

    icon = "support"

    def __init__(self, state_or_db, actor=None, parent: QWidget | None = None):
        if isinstance(state_or_db, Database):
            super().__init__(None, parent)  # type: ignore[arg-type]
            self.db, self._actor = state_or_db, actor
        else:
            super().__init__(state_or_db, parent)
            self.db, self._actor = state_or_db.db, actor
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.bulk_button = QPushButton()
        self.export_button = QPushButton()
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.bulk_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        self.ledger = SupportLedgerView(self.db)
        self.coverage = SupportCoverageView(self.db)
        self.household = QComboBox()
        self.household.setEditable(True)
        self.household.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.household.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.household.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.timeline = HouseholdSupportTimeline(self.db)
        self.hints = EligibilityHints(self.db)
        self.hints_title = QLabel()
        self.timeline_title = QLabel()
        for label in (self.hints_title, self.timeline_title):
            label.setStyleSheet("font-weight: bold;")
        household_tab = QWidget()
        split = QSplitter()
        left, right = QWidget(), QWidget()
        lv, rv = QVBoxLayout(left), QVBoxLayout(right)
        lv.addWidget(self.timeline_title)
        lv.addWidget(self.timeline, 1)
        rv.addWidget(self.hints_title)
        rv.addWidget(self.hints, 1)
        split.addWidget(left)
        split.addWidget(right)
        hv = QVBoxLayout(household_tab)
        hv.addWidget(self.household)
        hv.addWidget(split, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.ledger, "")
        self.tabs.addTab(self.coverage, "")
        self.tabs.addTab(household_tab, "")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)

        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.bulk_button.clicked.connect(self.bulk_action)
        self.export_button.clicked.connect(self.export_dialog)
        self.household.currentIndexChanged.connect(self._household_changed)
        self._coverage_stale = False
        self.tabs.currentChanged.connect(self._tab_changed)
        self.ledger.table.doubleClicked.connect(lambda _i: self.edit_record())
        self.ledger.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._fill_households()
        self.retranslate()
        self._enable()

    # -- Page API --------------------------------------------------------

    @property
    def actor(self):
        """Who acts: the logged-in officer in the main window."""
        state = getattr(self, "state", None)
        return self._actor or (getattr(state, "actor", None) if state is not None else None)

    def title(self) -> str:
        return self.tr("Support")

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&Record support…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.bulk_button.setText(self.tr("&Bulk action…"))
        self.export_button.setText(self.tr("E&xport to Excel…"))
        self.tabs.setTabText(0, self.tr("Ledger"))
        self.tabs.setTabText(1, self.tr("Coverage"))
        self.tabs.setTabText(2, self.tr("Household"))
        self.timeline_title.setText(self.tr("Support received"))
        self.hints_title.setText(self.tr("Appears eligible for (not received this year)"))

    def refresh(self, changes: Changes) -> None:
        """Reload what shows data named in ``changes``."""
        if not changes.kinds & SHOWN:
            return
        self.ledger.fill_filters()
        self.ledger.reload()
        self._coverage_stale = True
        self._tab_changed(self.tabs.currentIndex())
        if changes.kinds & {"households", "members", "villages"}:
            self._fill_households()
        self.timeline.reload()
        self.hints.reload()
        self._enable()

    # -- actions ---------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        """The coverage is computed again only when shown after a change
        (it reads every household)."""
        if index == 1 and self._coverage_stale:
            self._coverage_stale = False
            self.coverage.reload()

    def _enable(self) -> None:
        selected = self.ledger.selected() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _fill_households(self) -> None:
        keep = self.household.currentData()
        self.household.blockSignals(True)
        self.household.clear()
        for h in svc.household_choices(self.db):
            self.household.addItem(h.label(), h.id)
        i = self.household.findData(keep) if keep else 0
        self.household.setCurrentIndex(max(0, i))
        self.household.blockSignals(False)
        self._household_changed()

    def _household_changed(self) -> None:
        hid = self.household.currentData()
        self.timeline.set_household(hid)
        self.hints.set_household(hid)

    def show_household(self, household_id: str) -> None:
        """Open the household tab on ``household_id``."""
        self.household.setCurrentIndex(max(0, self.household.findData(household_id)))
        self.tabs.setCurrentIndex(2)

    def record_dialog(self, entry: svc.SupportEntry | None = None) -> SupportRecordDialog:
        """The add/edit dialog (not shown; tests drive it)."""
        hid = self.household.currentData() if self.tabs.currentIndex() == 2 else None
        return SupportRecordDialog(self.db, actor=self.actor, entry=entry, household_id=hid, parent=self)

    def add_record(self) -> None:
        dialog = self.record_dialog()
        if dialog.exec():
            announce(self, dialog.changes)

    def edit_record(self) -> None:
        entry = self.ledger.selected()
        if entry is None:
            return
        dialog = self.record_dialog(entry)
        if dialog.exec():
            announce(self, dialog.changes)

    def delete_record(self) -> None:
        entry = self.ledger.selected()
        if entry is None:
            return
        text = self.tr("Delete the support record of %1 for household %2 on %3?").replace(
            "%1", entry.programme_name).replace("%2", entry.household_code).replace(
            "%3", entry.date.strftime("%d/%m/%Y"))
        if not confirm(self, text, action=self.tr("&Delete the record"),
                       informative=self.tr("The record is kept in the history (audit log) with who deleted it.")):
            return
        try:
            changes = svc.delete_support(self.db, entry.id, actor=self.actor)
        except AppError as exc:
            show_error(self, exc)
            return
        announce(self, changes)

    def bulk_wizard(self) -> BulkWizard:
        return BulkWizard(self.db, actor=self.actor, parent=self)

    def bulk_action(self) -> None:
        wizard = self.bulk_wizard()
        if wizard.exec():
            announce(self, wizard.changes)

    def export_to(self, path: str | Path) -> Path:
        """Write the ledger as filtered by year to ``path`` (Excel)."""
        year = self.ledger.year.currentData()
        entries = svc.list_support(self.db, year=year)
        communes = list_communes(self.db)
        return write_ledger(path, entries, commune=communes[0].name if communes else "", year=year)

    def export_dialog(self) -> None:
        year = self.ledger.year.currentData() or _dt.date.today().year
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the support ledger"),
                                              f"so-ho-tro-{year}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            written = self.export_to(path)
        except AppError as exc:
            show_error(self, exc)
            return
        self.ledger.total.setText(self.tr("Exported to %1").replace("%1", str(written)) + " – " +
                                  self.tr("%1 VND").replace("%1", money(sum(
                                      e.amount_vnd or 0 for e in self.ledger.model.rows))))
