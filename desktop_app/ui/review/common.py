"""Small helpers shared by the review panels: dates, tables, calling services."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.i18n import t
from desktop_app.services import Changes
from desktop_app.services.accounts import Actor
from desktop_app.storage.database import Database

#: categories a re-check may give
CATEGORIES = ("poor", "near_poor", "middle", "not_poor")
DATE_FORMAT = "dd/MM/yyyy"


def category_text(category: str | None) -> str:
    """The category's name (core catalogue), or a dash."""
    return t(f"category.{category}") if category else "—"


def date_text(day: _dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "—"


def date_edit(day: _dt.date | None = None) -> QDateEdit:
    """A date field with a calendar and the Vietnamese day/month/year order."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    set_date(edit, day or _dt.date.today())
    return edit


def set_date(edit: QDateEdit, day: _dt.date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def get_date(edit: QDateEdit) -> _dt.date:
    d = edit.date()
    return _dt.date(d.year(), d.month(), d.day())


def table(headers: Sequence[str], *, stretch: int | None = None) -> QTableWidget:
    """A read-only table selecting whole rows, keyboard friendly."""
    view = QTableWidget(0, len(headers))
    view.setHorizontalHeaderLabels(list(headers))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fill(view: QTableWidget, rows: Sequence[Sequence[Any]], keys: Sequence[Any] | None = None) -> None:
    """Replace the rows of ``view``; ``keys[i]`` is kept as the first cell's user data."""
    view.setRowCount(0)
    view.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c == 0 and keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            view.setItem(r, c, item)


def row_key(view: QTableWidget, row: int | None = None) -> Any:
    """The key of ``row`` (default: the selected row), or ``None``."""
    if row is None:
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
    item = view.item(row, 0)
    return item.data(Qt.ItemDataRole.UserRole) if item else None


class ServicePanel(QWidget):
    """A panel that calls review services; emits ``changed(Changes)`` after a
    successful change and shows errors in the application's one error dialog."""

    changed = Signal(object)

    def __init__(self, db: Database, actor: Actor | Callable[[], Actor | None] | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        #: who acts: an actor, or a callable giving the one logged in now
        self.actor = actor
        self.round_id: str | None = None

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(db, *args, round_id=..., actor=..., **kwargs)``; ``None`` after an error (shown)."""
        from desktop_app.ui.errors import show_error

        try:
            actor = self.actor() if callable(self.actor) else self.actor
            result = fn(self.db, *args, round_id=self.round_id, actor=actor, **kwargs)
        except Exception as exc:  # noqa: BLE001 - shown to the user in one place
            show_error(self, exc)
            return None
        self.changed.emit(result if isinstance(result, Changes) else Changes.of("review"))
        return result if result is not None else True
