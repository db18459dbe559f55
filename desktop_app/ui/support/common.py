"""Small helpers shared by the support screens."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from desktop_app.i18n import get_language
from desktop_app.services import Changes


def _separators() -> tuple[str, str]:
    """(thousands, decimal) separators of the core language: Vietnamese
    writes ``1.500.000,5``, English ``1,500,000.5``."""
    return (".", ",") if get_language() == "vi" else (",", ".")


def money(value: int | None) -> str:
    """``1.500.000`` (Vietnamese grouping), empty for ``None``."""
    if value is None:
        return ""
    return f"{int(value):,}".replace(",", _separators()[0])


def quantity(value: float | None) -> str:
    """A quantity: whole numbers grouped, else two decimals at most."""
    if value is None:
        return ""
    if float(value).is_integer():
        return money(int(value))
    thousands, decimal = _separators()
    return f"{value:,.2f}".rstrip("0").replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def to_qdate(day: _dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> _dt.date:
    return _dt.date(day.year(), day.month(), day.day())


def announce(widget: QWidget, changes: Changes) -> None:
    """Tell the application what changed: the main window's
    ``apply_changes`` when there is one (it refreshes every page), else the
    widget's own ``refresh``."""
    if not changes:
        return
    window = widget.window()
    apply = getattr(window, "apply_changes", None)
    if callable(apply) and window is not widget:
        apply(changes)
    else:
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            refresh(changes)
