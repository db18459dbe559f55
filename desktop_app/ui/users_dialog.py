"""Managing user accounts (administrators) and changing one's own password.

Every action calls :mod:`desktop_app.services.accounts`, which checks the
role itself: hiding the menu entry from non-administrators is only a
convenience. Disabling an account asks for confirmation first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.services import accounts
from desktop_app.storage.database import Database
from desktop_app.ui.dialogs import confirm
from desktop_app.ui.errors import show_error
from desktop_app.ui.forms import FieldErrors
from desktop_app.ui.translation import arg


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(QDialog):
    """A new password typed twice (and the current one when ``ask_current``)."""

    def __init__(self, title: str = "", ask_current: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Change my password"))
        self.setMinimumWidth(460)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.current = _password_edit() if ask_current else None
        if self.current is not None:
            self.errors.add_row(form, self.tr("&Current password:"), "old_password", self.current)
        self.password = _password_edit()
        self.confirm = _password_edit()
        self.errors.add_row(form, self.tr("&New password:"), "password", self.password,
                            self.tr("At least 8 characters."))
        self.errors.add_row(form, self.tr("Password &again:"), "password_confirm", self.confirm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        #: set by the caller: ``action(current, new)``, raising ValidationError when refused
        self.action: Callable[[str, str], object] | None = None

    @classmethod
    def for_own_password(cls, parent: QWidget | None = None) -> PasswordDialog:
        """The dialog asking the current password too (titled "Change my password")."""
        return cls("", ask_current=True, parent=parent)

    def check(self) -> None:
        if self.password.text() != self.confirm.text():
            self.errors.show([("password_confirm", self.tr("The two passwords differ."))])
            return
        try:
            if self.action is not None:
                self.action(self.current.text() if self.current is not None else "", self.password.text())
        except ValidationError as exc:
            self.errors.show([(exc.field, exc.problem)])
            self.adjustSize()
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.accept()


class NewUserDialog(QDialog):
    """Full name, username, role and a first password."""

    def __init__(self, db: Database, actor: accounts.Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.created_id: str | None = None
        self.setWindowTitle(self.tr("New user"))
        self.setMinimumWidth(520)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.full_name = QLineEdit()
        self.username = QLineEdit()
        self.username.setMaxLength(32)
        self.role = QComboBox()
        for role in accounts.ROLES:
            self.role.addItem(accounts.role_label(role), role)
        self.role.setCurrentIndex(self.role.findData(accounts.OFFICER))
        self.password = _password_edit()
        self.confirm = _password_edit()
        self.errors.add_row(form, self.tr("&Full name:"), "full_name", self.full_name)
        self.errors.add_row(form, self.tr("&Username:"), "username", self.username,
                            self.tr("Lower-case letters without accents, digits, dot, underscore or hyphen."))
        self.errors.add_row(form, self.tr("&Role:"), "role", self.role,
                            self.tr("Administrators manage users; officers enter and change data; viewers only "
                                    "look and print."))
        self.errors.add_row(form, self.tr("&Password:"), "password", self.password,
                            self.tr("At least 8 characters; the user can change it later."))
        self.errors.add_row(form, self.tr("Password &again:"), "password_confirm", self.confirm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def create(self) -> None:
        if self.password.text() != self.confirm.text():
            self.errors.show([("password_confirm", self.tr("The two passwords differ."))])
            return
        try:
            created = accounts.create_user(self.db, self.actor, username=self.username.text(),
                                           full_name=self.full_name.text(), role=self.role.currentData(),
                                           password=self.password.text())
        except ValidationError as exc:
            self.errors.show([(exc.field, exc.problem)])
            self.adjustSize()
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.created_id = created.id
        self.accept()


class UsersDialog(QDialog):
    """The list of accounts with add, reset password, unlock, enable/disable."""

    COLUMNS = 5

    def __init__(self, db: Database, actor: accounts.Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.users: list[accounts.User] = []
        self.setWindowTitle(self.tr("User accounts"))
        self.resize(820, 420)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Username"), self.tr("Full name"), self.tr("Role"),
                                              self.tr("Status"), self.tr("Last login")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.active_button = QPushButton()
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button.clicked.connect(self.toggle_active)
        row = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.unlock_button, self.active_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        try:
            self.users = accounts.list_users(self.db, self.actor)
        except Exception as exc:  # noqa: BLE001 - e.g. PermissionDenied
            show_error(self, exc)
            self.users = []
        self.table.setRowCount(len(self.users))
        for i, user in enumerate(self.users):
            if not user.active:
                status = self.tr("Disabled")
            elif user.locked():
                status = arg(self.tr("Locked until %1"), user.locked_until.astimezone().strftime("%H:%M"))
            else:
                status = self.tr("Active")
            last = user.last_login_at.astimezone().strftime("%d/%m/%Y %H:%M") if user.last_login_at else ""
            for column, text in enumerate((user.username, user.full_name, accounts.role_label(user.role),
                                           status, last)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.id)
                self.table.setItem(i, column, item)
            if user.id == select_id:
                self.table.selectRow(i)
        self._update_buttons()

    def selected(self) -> accounts.User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.reset_button, self.unlock_button, self.active_button):
            button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.locked())
        self.active_button.setText(self.tr("&Enable") if user is not None and not user.active
                                   else self.tr("&Disable…"))

    def add_user(self) -> None:
        dialog = NewUserDialog(self.db, self.actor, self)
        if dialog.exec():
            self.reload(dialog.created_id)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = PasswordDialog(arg(self.tr("New password for %1"), user.username), parent=self)
        dialog.action = lambda _current, new: accounts.reset_password(self.db, self.actor, user.id, new)
        if dialog.exec():
            self.reload(user.id)

    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            accounts.unlock_user(self.db, self.actor, user.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
        self.reload(user.id)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active and not confirm(
                self, arg(self.tr("Disable the account of %1 (%2)? They can no longer log in."), user.full_name,
                          user.username),
                action=self.tr("&Disable the account")):
            return
        try:
            accounts.update_user(self.db, self.actor, user.id, active=not user.active)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
        self.reload(user.id)


def change_own_password(db: Database, actor: accounts.Actor, parent: QWidget | None = None) -> bool:
    """Ask for the current and a new password and change it; ``True`` when changed."""
    dialog = PasswordDialog.for_own_password(parent)
    dialog.action = lambda current, new: accounts.change_password(db, actor, current, new)
    return bool(dialog.exec())
