"""Pages of the main window, in the order of the navigation list.

Each entry is a :class:`desktop_app.ui.pages.base.Page` subclass; the main
window creates one of each and gives the first six the shortcuts Ctrl+1…6.
"""

from __future__ import annotations

from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.register_page import RegisterPage

PAGES: list[type[Page]] = [
    RegisterPage,
]

__all__ = ["PAGES", "Page"]
