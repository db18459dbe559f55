"""Pages of the main window, in the order of the navigation list.

Each entry is a :class:`desktop_app.ui.pages.base.Page` subclass; the main
window creates one of each and gives the first six the shortcuts Ctrl+1…6.
"""

from __future__ import annotations

from desktop_app.ui.dashboard import DashboardPage
from desktop_app.ui.pages.base import Page
from desktop_app.ui.register import RegisterPage
from desktop_app.ui.reports import ReportsPage
from desktop_app.ui.review import ReviewPage
from desktop_app.ui.support import SupportPage

PAGES: list[type[Page]] = [
    RegisterPage,
    ReviewPage,
    SupportPage,
    DashboardPage,
    ReportsPage,
]

__all__ = ["PAGES", "Page"]
