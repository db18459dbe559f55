"""Starting the GUI: language, database, first-run setup, login, main window,
and the idle lock.

:func:`run_gui` is what ``python -m desktop_app`` calls with no command.
:class:`GuiApp` holds the steps so that tests can drive them one by one.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import APP_AUTHOR, __version__
from desktop_app.services import accounts
from desktop_app.services.register import list_communes
from desktop_app.services.setup import needs_setup
from desktop_app.setup_flow import SetupFlow, standard_choices
from desktop_app.standards.loader import default_registry
from desktop_app.storage.database import Database
from desktop_app.ui import translation
from desktop_app.ui.errors import show_error
from desktop_app.ui.icons import app_icon
from desktop_app.ui.idle import IdleWatcher
from desktop_app.ui.login import FirstAdminDialog, LoginDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import GuiSettings
from desktop_app.ui.setup_wizard import SetupWizard
from desktop_app.ui.state import AppState

log = logging.getLogger(__name__)

#: exit codes of :func:`run_gui` (as the command line's)
EXIT_OK, EXIT_DATABASE = 0, 3


class GuiApp(QObject):
    """The GUI's life: :meth:`start` runs setup and login (modal dialogs) and
    opens the main window; :meth:`lock` locks it after idle time."""

    def __init__(self, app: QApplication, data_dir: Path, open_database: Callable[[], Database],
                 language: str | None = None):
        super().__init__(app)
        self.app = app
        self.data_dir = Path(data_dir)
        self.open_database = open_database
        self.settings = GuiSettings(self.data_dir)
        self.language_hint = language
        self.db: Database | None = None
        self.state: AppState | None = None
        self.window: MainWindow | None = None
        self.idle = IdleWatcher(app, self.settings.idle_minutes, self)
        self.idle.idle.connect(lambda: self.lock(after_idle=True))
        self.lock_dialog: LoginDialog | None = None

    # -- start -----------------------------------------------------------

    def start(self) -> int | None:
        """Everything up to the main window. Returns an exit code when the
        application should stop (the user quit, or the database is unusable),
        ``None`` when the main window is shown."""
        translation.set_language(self.settings.language_or(self.language_hint))
        try:
            self.db = self.open_database()
        except Exception as exc:  # noqa: BLE001 - shown to the user, then exit
            show_error(None, exc)
            return EXIT_DATABASE
        username = self.settings.last_username
        try:
            if needs_setup(self.db):
                wizard = self.make_wizard()
                if not wizard.exec() or wizard.result is None:
                    return EXIT_OK
                username = wizard.flow.plan.admin_username
            elif not accounts.has_administrator(self.db):
                dialog = FirstAdminDialog(self.db)
                if not dialog.exec():
                    return EXIT_OK
                username = dialog.created_username
        except Exception as exc:  # noqa: BLE001 - e.g. the database became unreadable
            show_error(None, exc)
            return EXIT_DATABASE
        user = self.login(username)
        if user is None:
            return EXIT_OK
        self.open_main_window(user)
        return None

    def make_wizard(self, parent: QWidget | None = None) -> SetupWizard:
        registry = default_registry(self.data_dir)
        flow = SetupFlow(standard_choices(registry, translation.current_language()))
        return SetupWizard(self._db(), registry, flow, parent)

    def login(self, username: str = "") -> accounts.User | None:
        """Show the login dialog (modal); the user, or ``None`` when they quit."""
        dialog = LoginDialog(self._db(), unit_name=self._unit_name(), username=username)
        if not dialog.exec():
            return None
        return dialog.user

    def open_main_window(self, user: accounts.User) -> MainWindow:
        self.settings.last_username = user.username
        self.state = AppState(self._db(), self.data_dir, self.settings, accounts.Actor.of(user))
        self.state.reload()
        self.window = MainWindow(self.state)
        self.window.language_requested.connect(self.set_language)
        self.window.lock_requested.connect(self.lock)
        self.window.idle_minutes_changed.connect(self.set_idle_minutes)
        self.window.destroyed.connect(self.idle.stop)
        self.window.show()
        self.idle.start()
        return self.window

    # -- while running ---------------------------------------------------

    def lock(self, after_idle: bool = False) -> None:
        """Hide the data and ask for a login again (any user may log in)."""
        window = self.window
        if window is None or window.locked:
            return
        self.idle.stop()
        window.set_locked(True)
        minutes = self.settings.idle_minutes if after_idle else 0
        username = self.state.actor.username if self.state is not None else ""
        dialog = LoginDialog(self._db(), unit_name=self._unit_name(), username=username,
                             locked_after=minutes, parent=window)
        dialog.accepted.connect(lambda: self._unlock(dialog.user))
        dialog.rejected.connect(window.close)
        self.lock_dialog = dialog
        dialog.open()

    def _unlock(self, user: accounts.User | None) -> None:
        if user is None or self.window is None or self.state is None:
            return
        if user.id != self.state.actor.user_id:
            self.state.set_actor(accounts.Actor.of(user))
            self.settings.last_username = user.username
        self.window.set_locked(False)
        self.lock_dialog = None
        self.idle.start()

    def set_language(self, lang: str) -> None:
        """Switch the language now (open windows retranslate) and remember it."""
        self.settings.language = lang
        self.settings.sync()
        translation.set_language(lang)

    def set_idle_minutes(self, minutes: int) -> None:
        self.settings.idle_minutes = minutes
        self.idle.set_minutes(self.settings.idle_minutes)
        self.idle.restart()

    # -- helpers ---------------------------------------------------------

    def _db(self) -> Database:
        if self.db is None:
            raise RuntimeError("the database is not open")
        return self.db

    def _unit_name(self) -> str:
        if self.state is not None and self.state.commune is not None:
            return self.state.commune.name
        communes = list_communes(self._db())
        return communes[0].name if communes else ""


def make_application(argv: list[str]) -> QApplication:
    """The :class:`QApplication` with the application's name and icon."""
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Commune poverty register")
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def run_gui(ctx, argv: list[str]) -> int:
    """Run the GUI until the user quits; returns the exit code."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    app = make_application(argv)
    gui = GuiApp(app, ctx.data_dir, ctx.database, ctx.lang)
    code = gui.start()
    if code is not None:
        return code
    return int(app.exec())
