"""Pages of the main window, in the order of the navigation list.

Each entry is a :class:`desktop_app.ui.pages.base.Page` subclass; the main
window creates one of each and gives the first six the shortcuts Ctrl+1…6.
``PAGES`` is built on first access: the page modules themselves import
:mod:`desktop_app.ui.pages.base`, so importing them here eagerly would be
circular.
"""

from __future__ import annotations

from desktop_app.ui.pages.base import Page

__all__ = ["PAGES", "Page"]


def _pages() -> list[type[Page]]:
    from desktop_app.ui.dashboard import DashboardPage
    from desktop_app.ui.register import RegisterPage
    from desktop_app.ui.reports import ReportsPage
    from desktop_app.ui.review import ReviewPage
    from desktop_app.ui.support import SupportPage

    return [RegisterPage, ReviewPage, SupportPage, DashboardPage, ReportsPage]


def __getattr__(name: str):
    if name == "PAGES":
        pages = _pages()
        globals()["PAGES"] = pages
        return pages
    raise AttributeError(name)
