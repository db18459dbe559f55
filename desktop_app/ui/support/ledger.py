"""The support ledger: a filterable table of records (year, programme,
village, funding source) with a total line."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget,
)

from desktop_app.services import support as svc
from desktop_app.services.register import list_villages
from desktop_app.storage.database import Database
from desktop_app.ui.support.common import money, quantity

_Index = QModelIndex | QPersistentModelIndex


class SupportLedgerModel(QAbstractTableModel):
    """Rows of :class:`SupportEntry`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[svc.SupportEntry] = []

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Household"), self.tr("Head"), self.tr("Village"), self.tr("Recipient"),
                self.tr("Programme"), self.tr("Amount (VND)"), self.tr("Quantity"), self.tr("Source"),
                self.tr("Note")]

    def set_rows(self, rows: list[svc.SupportEntry]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else 10

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            qty = f"{quantity(e.quantity)} {e.unit or ''}".strip() if e.quantity is not None else ""
            values = [e.date.strftime("%d/%m/%Y"), e.household_code, e.head_name or "", e.village or "",
                      e.member_name or self.tr("Whole household"), e.programme_name, money(e.amount_vnd), qty,
                      e.source_name, e.note or ""]
            return values[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [e.programme_name]
            if e.term_months or e.purpose:
                parts.append(self.tr("Loan: %1 months, %2").replace("%1", str(e.term_months or "?"))
                             .replace("%2", e.purpose or ""))
            if e.recorded_by:
                parts.append(self.tr("Recorded by %1").replace("%1", e.recorded_by))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.UserRole:
            return e.id
        return None


class SupportLedgerView(QWidget):
    """Filters, the table and a total line."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.year = QComboBox()
        self.programme = QComboBox()
        self.village = QComboBox()
        self.source = QComboBox()
        self.model = SupportLedgerModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.total = QLabel()
        filters = QHBoxLayout()
        for label, combo in ((self.tr("&Year:"), self.year), (self.tr("&Programme:"), self.programme),
                             (self.tr("&Village:"), self.village), (self.tr("&Source:"), self.source)):
            text = QLabel(label)
            text.setBuddy(combo)
            filters.addWidget(text)
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        self.fill_filters()
        for combo in (self.year, self.programme, self.village, self.source):
            combo.currentIndexChanged.connect(self.reload)
        self.reload()

    def fill_filters(self) -> None:
        """(Re)fill the filter lists, keeping the current choices."""
        keep = [c.currentData() for c in (self.year, self.programme, self.village, self.source)]
        all_years = self.year.count() > 0 and self.year.currentIndex() == self.year.count() - 1
        for c in (self.year, self.programme, self.village, self.source):
            c.blockSignals(True)
            c.clear()
        years = sorted(set(svc.years_with_support(self.db)) | {_dt.date.today().year}, reverse=True)
        for y in years:
            self.year.addItem(str(y), y)
        self.year.addItem(self.tr("All years"), None)
        self.programme.addItem(self.tr("All programmes"), None)
        catalogue = svc.catalogue_for(self.db)
        for p in catalogue.programmes:
            self.programme.addItem(p.name(), p.code)
        self.village.addItem(self.tr("All villages"), None)
        for v in list_villages(self.db):
            self.village.addItem(v.name, v.id)
        self.source.addItem(self.tr("All sources"), None)
        for s in catalogue.sources:
            self.source.addItem(s.name(), s.code)
        for c, value in zip((self.year, self.programme, self.village, self.source), keep):
            i = c.findData(value) if value is not None else -1
            c.setCurrentIndex(i if i >= 0 else 0)
            c.blockSignals(False)
        if all_years:
            self.year.setCurrentIndex(self.year.count() - 1)

    def reload(self) -> None:
        rows = svc.list_support(self.db, year=self.year.currentData(), programme=self.programme.currentData(),
                                village_id=self.village.currentData(), source=self.source.currentData())
        self.model.set_rows(rows)
        total = sum(e.amount_vnd or 0 for e in rows)
        self.total.setText(self.tr("%1 records, total %2 VND").replace("%1", str(len(rows)))
                           .replace("%2", money(total)))

    def selected(self) -> svc.SupportEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None
