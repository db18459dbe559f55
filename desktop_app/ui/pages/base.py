"""The base class of the main window's pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from desktop_app.services import Changes
from desktop_app.ui.state import AppState


class Page(QWidget):
    """A page of the main window.

    Subclasses set :attr:`icon` (a name in ``resources/icons``) and implement
    :meth:`title` (translated), :meth:`refresh` (reload what the page shows
    when ``changes`` names a kind of data it shows) and :meth:`retranslate`
    (set every text again; called when the language changes).
    """

    #: icon name in ``resources/icons`` (without extension)
    icon: str = ""

    def __init__(self, state: AppState | None, parent: QWidget | None = None):
        super().__init__(parent)
        #: the shell's shared state (``None`` when a page is shown on its own, e.g. in tests)
        self.state = state

    def title(self) -> str:
        """The page's name in the navigation list (subclasses translate it)."""
        return type(self).__name__

    def refresh(self, changes: Changes) -> None:
        """React to a change of data made anywhere in the application."""

    def retranslate(self) -> None:
        """Set the page's texts again in the current language."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
