"""The main window: navigation list, pages, menus and status bar.

Pages come from :data:`desktop_app.ui.pages.PAGES`; Ctrl+1…6 switch to the
first six. A change made anywhere goes through :meth:`MainWindow.apply_changes`,
which lets every page decide whether to reload (pages never poll). Texts are
set in :meth:`MainWindow.retranslate`, called again when the language changes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSize, Qt, Signal, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.i18n import get_language
from desktop_app.services import Changes
from desktop_app.services.accounts import ADMINISTRATOR, role_label
from desktop_app.standards.loader import default_registry
from desktop_app.ui.icons import app_icon, icon
from desktop_app.ui.pages import PAGES, Page
from desktop_app.ui.settings import MAX_IDLE_MINUTES
from desktop_app.ui.state import AppState
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.translation import arg
from desktop_app.ui.users_dialog import UsersDialog, change_own_password

WINDOW_KEY = "main_window"
NAV_WIDTH = 200
SHORTCUT_PAGES = 6


class MainWindow(QMainWindow):
    """The register's main window. Signals ask the application to act:
    ``language_requested(lang)``, ``lock_requested()``, ``idle_minutes_changed(m)``."""

    language_requested = Signal(str)
    lock_requested = Signal()
    idle_minutes_changed = Signal(int)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.tasks = TaskRunner(self)
        self.setWindowIcon(app_icon())
        self.setObjectName("MainWindow")

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setSpacing(2)
        self.pages_stack = QStackedWidget()
        self.pages: list[Page] = []
        for page_class in PAGES:
            page = page_class(state)
            self.pages.append(page)
            self.pages_stack.addWidget(page)
            item = QListWidgetItem(icon(page.icon), page.title())
            item.setSizeHint(QSize(NAV_WIDTH - 8, 36))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.pages_stack.setCurrentIndex)

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(6, 6, 6, 6)
        row.addWidget(self.nav)
        row.addWidget(self.pages_stack, 1)
        self.lock_screen = self._make_lock_screen()
        self.central = QStackedWidget()
        self.central.addWidget(body)
        self.central.addWidget(self.lock_screen)
        self.setCentralWidget(self.central)

        self._make_actions()
        self._make_menus()
        self.unit_label, self.round_label, self.user_label, self.role_label = (QLabel() for _ in range(4))
        for label in (self.unit_label, self.round_label, self.user_label, self.role_label):
            label.setContentsMargins(6, 0, 6, 0)
            self.statusBar().addPermanentWidget(label)
        self.retranslate()
        self.nav.setCurrentRow(0)
        self.resize(1180, 760)
        geometry, window_state = state.settings.window_state(WINDOW_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if window_state is not None:
            self.restoreState(window_state)

    # -- building ----------------------------------------------------------

    def _make_lock_screen(self) -> QWidget:
        screen = QWidget()
        layout = QVBoxLayout(screen)
        layout.addStretch(1)
        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(96, 96))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lock_text = QLabel()
        self.lock_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        layout.addWidget(self.lock_text)
        layout.addStretch(1)
        return screen

    def _make_actions(self) -> None:
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.page_actions: list[QAction] = []
        for i in range(len(self.pages)):
            action = QAction(self)
            if i < SHORTCUT_PAGES:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, row=i: self.show_page(row))
            self.page_actions.append(action)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in ("vi", "en"):
            action = QAction(self, checkable=True)
            action.setData(lang)
            action.setChecked(lang == get_language())
            action.triggered.connect(lambda _checked=False, code=lang: self.language_requested.emit(code))
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.idle_action = QAction(self)
        self.idle_action.triggered.connect(self.ask_idle_minutes)
        self.users_action = QAction(self)
        self.users_action.triggered.connect(self.show_users)
        self.password_action = QAction(self)
        self.password_action.triggered.connect(self.change_password)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for action in self.page_actions:
            self.view_menu.addAction(action)
        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.settings_menu.addAction(self.idle_action)
        self.settings_menu.addSeparator()
        self.settings_menu.addAction(self.users_action)
        self.settings_menu.addAction(self.password_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    # -- texts -------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text of the window in the current language."""
        self.setWindowTitle(self._window_title())
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.lock_action.setText(self.tr("&Lock the window"))
        self.quit_action.setText(self.tr("&Quit"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions["vi"].setText("Tiếng Việt")
        self.language_actions["en"].setText("English")
        for lang, action in self.language_actions.items():
            action.setChecked(lang == get_language())
        self.idle_action.setText(self.tr("&Idle lock time…"))
        self.users_action.setText(self.tr("&User accounts…"))
        self.password_action.setText(self.tr("Change my &password…"))
        self.about_action.setText(self.tr("&About"))
        for i, page in enumerate(self.pages):
            self.nav.item(i).setText(page.title())
            self.page_actions[i].setText(page.title())
        self.lock_text.setText(self.tr("The window is locked. Log in again to continue."))
        self.update_status()

    def _window_title(self) -> str:
        unit = self.state.commune.name if self.state.commune else ""
        title = self.tr("Poverty register")
        return f"{title} — {unit}" if unit else title

    def update_status(self) -> None:
        """Show the commune, the round, the user and their role."""
        state = self.state
        self.unit_label.setText(state.commune.name if state.commune else self.tr("No commune"))
        self.round_label.setText(arg(self.tr("Round: %1"), state.round.name) if state.round
                                 else self.tr("No survey round"))
        self.user_label.setText(arg(self.tr("User: %1"), state.actor.full_name or state.actor.username))
        self.role_label.setText(role_label(state.actor.role))
        self.users_action.setVisible(state.actor.role == ADMINISTRATOR)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- behaviour ---------------------------------------------------------

    def show_page(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        self.pages_stack.currentWidget().setFocus()

    def current_page(self) -> Page:
        return self.pages[self.pages_stack.currentIndex()]

    def apply_changes(self, changes: Changes) -> None:
        """Tell every page what changed (one call per operation)."""
        if not changes:
            return
        if changes.kinds & {"communes", "rounds"}:
            self.state.reload()
            self.setWindowTitle(self._window_title())
        for page in self.pages:
            page.refresh(changes)
        self.update_status()

    def set_locked(self, locked: bool) -> None:
        """Hide the register's data behind a lock screen (or show it again)."""
        self.central.setCurrentWidget(self.lock_screen if locked else self.central.widget(0))
        self.menuBar().setEnabled(not locked)
        for action in (self.lock_action, *self.page_actions, self.idle_action, self.users_action,
                       self.password_action):
            action.setEnabled(not locked)
        if not locked:
            self.update_status()

    @property
    def locked(self) -> bool:
        return self.central.currentWidget() is self.lock_screen

    def ask_idle_minutes(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Idle lock time"))
        dialog.setLabelText(self.tr("Lock the window after this many minutes without use (0: never):"))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, MAX_IDLE_MINUTES)
        dialog.setIntValue(self.state.settings.idle_minutes)
        if dialog.exec():
            self.idle_minutes_changed.emit(dialog.intValue())

    def show_users(self) -> None:
        UsersDialog(self.state.db, self.state.actor, self).exec()

    def change_password(self) -> None:
        change_own_password(self.state.db, self.state.actor, self)

    def about_text(self) -> str:
        """The About box's text (HTML)."""
        db = self.state.db
        where = str(db.path) if db.path else db.engine.url.render_as_string(hide_password=True)
        lang = get_language()
        standards = "".join(
            f"<li>{html.escape(s.id)} — {html.escape(getattr(s.title, lang, s.title.vi))}</li>"
            for s in default_registry(self.state.data_dir))
        rows = [
            (self.tr("Version"), html.escape(__version__)),
            (self.tr("Data folder"), html.escape(str(self.state.data_dir))),
            (self.tr("Database"), html.escape(where)),
            (self.tr("Schema"), html.escape(db.schema_revision() or "-")),
            ("Qt", html.escape(qVersion())),
        ]
        table = "".join(f"<tr><td><b>{label}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>" for label, value in rows)
        name = html.escape(self.tr("Commune poverty register"))
        purpose = html.escape(self.tr("For the yearly review of poor and near-poor households."))
        installed = html.escape(self.tr("Poverty standards installed:"))
        return (f"<h3>{name}</h3><p>{purpose}</p><table>{table}</table>"
                f"<p><b>{installed}</b></p><ul>{standards}</ul>")

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.about_text())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.state.settings.save_window_state(WINDOW_KEY, self.saveGeometry(), self.saveState())
        self.state.settings.sync()
        self.tasks.shutdown()
        super().closeEvent(event)
