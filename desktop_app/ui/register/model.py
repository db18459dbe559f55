"""The register's table model: a windowed cache over the ordered household ids.

One query per filter or sort change gives the ids of every matching
household in display order (:func:`~desktop_app.services.register_queries.ordered_ids`);
``rowCount`` is their number. The columns of a row are read when the view
first asks for it, a window of :data:`WINDOW` rows at a time
(:func:`~desktop_app.services.register_queries.rows_for`), and kept in a
bounded cache. Search-as-you-type filters the ordered ids in memory through a
:class:`~desktop_app.services.register_queries.SearchIndex` built on a
background thread after the first display; until it is ready the database
answers the search.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop_app.services.register_queries import (
    SORT_KEYS,
    RegisterFilter,
    RegisterRow,
    SearchIndex,
    category_label,
    ordered_ids,
    rows_for,
)
from desktop_app.storage.database import Database

WINDOW = 100
CACHE_ROWS = 5000
_Index = QModelIndex | QPersistentModelIndex
# roles as plain ints: the view asks data() a dozen roles per cell and per repaint
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
#: (text, background) colours of each category
CATEGORY_COLOURS = {
    "poor": ("#a61b1b", "#fde3e1"),
    "near_poor": ("#9a4a00", "#ffe9cc"),
    "middle": ("#6b5d00", "#fff7c2"),
    "not_poor": ("#1d6b2f", "#e1f4e4"),
    "incomplete": ("#444444", "#ececec"),
}


def category_text(category: str | None, official: bool | None) -> str:
    """The category as shown (core text, "(đề xuất)" when only proposed)."""
    return category_label(category, official)


class RegisterModel(QAbstractTableModel):
    """The filtered, sorted households of a round (see module docstring)."""

    COLUMNS = SORT_KEYS  # code, head, village, members, category, score_a, score_b, review
    _NUMERIC = frozenset({"members", "score_a", "score_b"})
    #: emitted after every reload (new filter, search, sort or data)
    reloaded = Signal()
    #: emitted (on the GUI thread) when the search index is ready
    index_ready = Signal()
    _index_built = Signal(object)

    def __init__(self, db: Database, round_id: str | None, commune_id: str | None, parent: Any = None):
        super().__init__(parent)
        self.db = db
        self.filter = RegisterFilter(round_id=round_id, commune_id=commune_id)
        self.search = ""
        self.sort_key = "code"
        self.descending = False
        self.base: list[str] = []  # ids for the filter (no search), in order
        self.ids: list[str] = []  # what is shown
        self.cache: OrderedDict[str, RegisterRow] = OrderedDict()
        self.search_index: SearchIndex | None = None
        self._index_thread: threading.Thread | None = None
        self._index_built.connect(self._set_index, Qt.ConnectionType.QueuedConnection)
        self._brushes: dict[str, QBrush] = {}
        self.loaded = False

    # -- loading -------------------------------------------------------------

    def reload(self) -> None:
        """Run the filter and sort query again and show the result."""
        self.beginResetModel()
        self.base = ordered_ids(self.db, self.filter, self.sort_key, self.descending) \
            if self.filter.commune_id or self.filter.round_id else []
        self.cache.clear()
        if self.search_index is not None:
            self.search_index.align(self.base)  # now, not on the next keystroke
        self.ids = self._searched()
        self.loaded = True
        self.endResetModel()
        self.reloaded.emit()

    def _searched(self) -> list[str]:
        if not self.search.strip():
            return self.base
        if self.search_index is not None:
            return self.search_index.filter(self.base, self.search)
        found = set(ordered_ids(self.db, self.filter.with_(search=self.search)))  # the index is being built
        return [h for h in self.base if h in found]

    def set_search(self, text: str) -> None:
        """Filter the shown households by the search box text (no new filter query)."""
        if text == self.search:
            return
        self.beginResetModel()
        self.search = text
        self.ids = self._searched()
        self.endResetModel()
        self.reloaded.emit()

    def set_filter(self, **changes: Any) -> None:
        """Change filter fields (``village_id``, ``category``, ``deprivation``,
        ``ethnic_minority``, ``meritorious``, ``social_protection``) and reload."""
        self.filter = self.filter.with_(**changes)
        self.reload()

    def set_scope(self, round_id: str | None, commune_id: str | None) -> None:
        if (round_id, commune_id) != (self.filter.round_id, self.filter.commune_id):
            self.filter = self.filter.with_(round_id=round_id, commune_id=commune_id)
            self.search_index = None
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (by the database)."""
        if not 0 <= column < len(self.COLUMNS):
            return
        key, descending = self.COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if self.loaded and (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.reload()

    # -- the search index ------------------------------------------------------

    def build_index(self, wait: bool = False) -> None:
        """Build the search index on a background thread (``wait``: here)."""
        if self.search_index is not None or (self._index_thread is not None and self._index_thread.is_alive()):
            if wait and self._index_thread is not None:
                self._index_thread.join()
                self._set_index(self._pending)
            return
        commune_id = self.filter.commune_id
        self._pending: SearchIndex | None = None

        def work() -> None:
            try:
                self._pending = SearchIndex.build(self.db, commune_id)
            except Exception:  # noqa: BLE001 - the database answers searches instead
                self._pending = None
            if not wait:
                self._index_built.emit(self._pending)

        self._index_thread = threading.Thread(target=work, name="register-search-index", daemon=True)
        self._index_thread.start()
        if wait:
            self._index_thread.join()
            self._set_index(self._pending)

    def _set_index(self, index: SearchIndex | None) -> None:
        if index is None or self.search_index is not None:
            return
        index.align(self.base)
        self.search_index = index
        self.index_ready.emit()

    def household_changed(self, household_id: str) -> None:
        """Keep the search index right after one household was saved or deleted."""
        if self.search_index is not None:
            self.search_index.update(self.db, household_id)

    def drop_index(self) -> None:
        """Forget the search index (after bulk changes); rebuilt in the background."""
        self.search_index = None
        self._index_thread = None
        self.build_index()

    # -- model -----------------------------------------------------------------

    def household_id(self, row: int) -> str | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, household_id: str) -> int:
        try:
            return self.ids.index(household_id)
        except ValueError:
            return -1

    def row_data(self, row: int) -> RegisterRow | None:
        hid = self.household_id(row)
        if hid is None:
            return None
        cached = self.cache.get(hid)
        if cached is not None:
            return cached
        start = max(0, row - WINDOW // 4)
        window = [h for h in self.ids[start:start + WINDOW] if h not in self.cache]
        for key, value in rows_for(self.db, self.filter.round_id, window).items():
            self.cache[key] = value
        while len(self.cache) > CACHE_ROWS:
            self.cache.popitem(last=False)
        return self.cache.get(hid)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        role = role if type(role) is int else int(role.value)  # noqa: E721 - the fast path is the int one
        if role == _DISPLAY:
            row = self.row_data(index.row())
            return None if row is None else self._display(row, self.COLUMNS[index.column()])
        if role == _ALIGN:
            return _RIGHT if self.COLUMNS[index.column()] in self._NUMERIC else None
        if role == _FOREGROUND or role == _BACKGROUND:
            if self.COLUMNS[index.column()] != "category":
                return None
            row = self.row_data(index.row())
            if row is None or row.category is None:
                return None
            fg, bg = CATEGORY_COLOURS.get(row.category, ("#000000", "#ffffff"))
            return self._brushes.setdefault(fg if role == _FOREGROUND else bg, QBrush(QColor(
                fg if role == _FOREGROUND else bg)))
        if role == _USER:
            return self.household_id(index.row())
        return None

    def _display(self, row: RegisterRow, column: str) -> str:
        if column == "code":
            return row.code
        if column == "head":
            return row.head_name or ""
        if column == "village":
            return row.village or ""
        if column == "members":
            return str(row.members)
        if column == "category":
            if row.category is None:
                return "" if not row.surveyed else category_text(None, None)
            return category_text(row.category, row.official)
        if column in ("score_a", "score_b"):
            value = getattr(row, column)
            return "" if value is None else str(value)
        return self._review_text(row.review_status)

    def _review_text(self, status: str | None) -> str:
        return {"decided": self.tr("Decided"), "agreed": self.tr("Agreed at the meeting"),
                "disputed": self.tr("Disputed at the meeting")}.get(status or "", "")

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self.header_texts()[section]

    def header_texts(self) -> list[str]:
        return [self.tr("Code"), self.tr("Head of household"), self.tr("Village"), self.tr("Members"),
                self.tr("Classification"), self.tr("Score A"), self.tr("Score B"), self.tr("Review")]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.COLUMNS) - 1))
