"""Coverage dashboard: targets of the plans with value and gap (commune or
one village), and bar charts of the year's support by programme and by
funding source."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop_app.i18n import get_language
from desktop_app.services import support as svc
from desktop_app.storage.database import Database
from desktop_app.support.coverage import COMMUNE, Coverage
from desktop_app.ui.charts import BarChart, ChartPanel
from desktop_app.ui.support.common import money

GOOD, SHORT = "#2e7d32", "#c62828"


def _pct(value: float | None) -> str:
    """``94,5%`` (Vietnamese) / ``94.5%``."""
    if value is None:
        return ""
    text = f"{value:.1f}"
    return (text.replace(".", ",") if get_language() == "vi" else text) + "%"


class SupportCoverageView(QWidget):
    """Year and scope choosers, the targets table and two charts."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.coverage: Coverage | None = None
        self.year = QComboBox()
        self.scope = QComboBox()
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.programme_chart = BarChart()
        self.source_chart = BarChart()
        self.programme_panel = ChartPanel(self.tr("Support this year by programme (VND)"), self.programme_chart)
        self.source_panel = ChartPanel(self.tr("Support this year by funding source (VND)"), self.source_chart)
        top = QHBoxLayout()
        for label, combo in ((self.tr("&Year:"), self.year), (self.tr("&Area:"), self.scope)):
            text = QLabel(label)
            text.setBuddy(combo)
            top.addWidget(text)
            top.addWidget(combo)
        top.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.programme_panel, 0, 0)
        grid.addWidget(self.source_panel, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addLayout(grid, 3)
        this_year = _dt.date.today().year
        for y in sorted(set(svc.years_with_support(db)) | {this_year}, reverse=True):
            self.year.addItem(str(y), y)
        self.year.currentIndexChanged.connect(self.reload)
        self.scope.currentIndexChanged.connect(self.show_scope)
        self.reload()

    def reload(self) -> None:
        """Compute the coverage of the chosen year again."""
        year = self.year.currentData() or _dt.date.today().year
        self.coverage = svc.coverage(self.db, year)
        keep = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("Whole commune"), COMMUNE)
        seen: set[str] = set()
        for f in self.coverage.figures:
            if f.scope != COMMUNE and f.scope not in seen:
                seen.add(f.scope)
                self.scope.addItem(f.village or self.tr("No village"), f.scope)
        i = self.scope.findData(keep) if keep is not None else 0
        self.scope.setCurrentIndex(max(0, i))
        self.scope.blockSignals(False)
        self.show_scope()
        self._charts()

    def show_scope(self) -> None:
        if self.coverage is None:
            return
        scope = self.scope.currentData() or COMMUNE
        figures = [f for f in self.coverage.figures if f.scope == scope]
        self.table.setHorizontalHeaderLabels([self.tr("Target of the plan"), self.tr("Reached"),
                                              self.tr("Value"), self.tr("Target"), self.tr("Gap"),
                                              self.tr("Unknown")])
        self.table.setRowCount(len(figures))
        for r, f in enumerate(figures):
            if f.denominator is None:
                reached = self.tr("Loans: %1, %2 VND").replace("%1", str(f.numerator)) \
                    .replace("%2", money(f.amount_vnd or 0))
            else:
                reached = f"{f.numerator} / {f.denominator}"
            gap = None if f.gap is None else max(0.0, f.gap)
            cells = [f.label, reached, _pct(f.percent), _pct(f.target), _pct(gap),
                     str(f.unknown) if f.unknown else ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setToolTip(f"{f.source_document}\n«{f.source_text}»")
                if c == 4 and f.gap is not None and f.gap < 0:
                    item.setToolTip(self.tr("Target exceeded by %1 points").replace("%1", _pct(-f.gap)[:-1]))
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c in (2, 4) and f.gap is not None:
                    item.setForeground(QBrush(QColor(GOOD if f.gap <= 0 else SHORT)))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def _charts(self) -> None:
        assert self.coverage is not None
        catalogue = svc.catalogue_for(self.db)
        progs = self.coverage.by_programme
        self.programme_chart.set_data([catalogue.programme_name(t.code) for t in progs],
                                      [t.amount_vnd for t in progs],
                                      texts=[self.tr("%1 VND · %2 rec.").replace("%1", money(t.amount_vnd))
                                             .replace("%2", str(t.records)) for t in progs],
                                      headers=[self.tr("Programme"), self.tr("Amount (VND)")])
        srcs = self.coverage.by_source
        self.source_chart.set_data([catalogue.source_name(t.code) for t in srcs], [t.amount_vnd for t in srcs],
                                   texts=[self.tr("%1 VND").replace("%1", money(t.amount_vnd)) for t in srcs],
                                   colors="#2e7d32",
                                   headers=[self.tr("Funding source"), self.tr("Amount (VND)")])
