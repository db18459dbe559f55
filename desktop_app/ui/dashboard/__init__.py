"""The dashboard page: a round's figures as charts and tables.

:class:`DashboardPage` is the page of the main window (``PAGES`` entry
``desktop_app.ui.dashboard.DashboardPage``); :mod:`.sections` fills its
cards and charts (:mod:`desktop_app.ui.charts`) from
:func:`desktop_app.services.dashboard.load_dashboard`.
"""

from desktop_app.ui.dashboard.page import DashboardPage

__all__ = ["DashboardPage"]
