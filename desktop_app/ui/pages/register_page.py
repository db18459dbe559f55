"""The household register ("Sổ hộ"): the households of the current round.

A plain first version: a search box and a table that loads households in
batches of :data:`BATCH` as the user scrolls (``canFetchMore``/``fetchMore``
over :func:`desktop_app.services.register.list_households`), so a commune of
100,000 households opens at once. The full register page replaces it later.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import t
from desktop_app.services import Changes, register
from desktop_app.storage.database import Database
from desktop_app.storage.queries import HouseholdSummary
from desktop_app.ui.pages.base import Page
from desktop_app.ui.state import AppState
from desktop_app.ui.translation import arg

BATCH = 500
SEARCH_DELAY_MS = 300
#: kinds of data this page shows
SHOWN = frozenset({"households", "members", "villages", "rounds", "surveys", "classifications", "communes"})
_Index = QModelIndex | QPersistentModelIndex


class HouseholdTableModel(QAbstractTableModel):
    """Households of a round (or a commune), fetched lazily in batches."""

    COLUMNS = ("code", "head_name", "village", "members", "category", "score_a", "score_b", "surveyed")
    _NUMERIC = frozenset({"members", "score_a", "score_b"})

    def __init__(self, db: Database, round_id: str | None, commune_id: str | None, batch: int = BATCH,
                 parent: Any = None):
        super().__init__(parent)
        self.db = db
        self.round_id = round_id
        self.commune_id = commune_id
        self.batch = batch
        self.search = ""
        self.rows: list[HouseholdSummary] = []
        self.total = 0

    # -- loading ---------------------------------------------------------

    def reload(self, round_id: str | None = None, commune_id: str | None = None, *,
               search: str | None = None) -> None:
        """Start again from the first batch (after a change or a new search)."""
        self.beginResetModel()
        if round_id is not None or commune_id is not None:
            self.round_id, self.commune_id = round_id, commune_id
        if search is not None:
            self.search = search
        self.rows = []
        self.total = register.count_households(self.db, self.round_id, commune_id=self.commune_id,
                                               search=self.search or None) if self.commune_id else 0
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt API
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802, B008 - Qt API
        if parent.isValid():
            return
        batch = register.list_households(self.db, self.round_id, commune_id=self.commune_id,
                                         search=self.search or None, offset=len(self.rows), limit=self.batch)
        if len(batch) < self.batch:  # the list got shorter meanwhile
            self.total = len(self.rows) + len(batch)
        if not batch:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self.rows.extend(batch)
        self.endInsertRows()

    # -- model -----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        column = self.COLUMNS[index.column()]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.household_id
        return None

    def _display(self, row: HouseholdSummary, column: str) -> str:
        if column == "category":
            return t(f"category.{row.category}") if row.category else self.tr("Not classified")
        if column == "surveyed":
            return self.tr("Yes") if row.surveyed else self.tr("No")
        value = getattr(row, column)
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self.header_texts()[section]

    def header_texts(self) -> list[str]:
        return [self.tr("Code"), self.tr("Head of household"), self.tr("Village"), self.tr("Members"),
                self.tr("Classification"), self.tr("Score A"), self.tr("Score B"), self.tr("Surveyed")]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))


class RegisterPage(Page):
    """The household list of the current round."""

    icon = "register"

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.count = QLabel()
        self.model = HouseholdTableModel(state.db, self._round_id(), self._commune_id(), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((90, 220, 150, 90, 190, 80, 80, 90)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)

        bar = QHBoxLayout()
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self.model.reload()

    def title(self) -> str:
        return self.tr("Households")

    def _round_id(self) -> str | None:
        return self.state.round.id if self.state.round else None

    def _commune_id(self) -> str | None:
        return self.state.commune.id if self.state.commune else None

    def _apply_search(self) -> None:
        self.model.reload(search=self.search.text().strip())

    def _show_count(self) -> None:
        shown, total = len(self.model.rows), self.model.total
        if self.model.search:
            self.count.setText(self.tr("%n household(s) found", "", total))
        else:
            self.count.setText(self.tr("%n household(s)", "", total))
        self.count.setToolTip(arg(self.tr("%1 loaded so far"), shown) if shown < total else "")

    def refresh(self, changes: Changes) -> None:
        if changes.kinds & SHOWN:
            self.retranslate()
            self.model.reload(self._round_id(), self._commune_id())

    def retranslate(self) -> None:
        rnd = self.state.round
        self.heading.setText(arg(self.tr("Household register — %1"), rnd.name) if rnd
                             else self.tr("Household register"))
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Name of a member, citizen ID number or household code"))
        self.model.retranslate()
        self._show_count()
