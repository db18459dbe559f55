"""Logging in (at start and after the idle lock), and creating the first
administrator of a register that has none (e.g. one filled by ``demo``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import accounts
from desktop_app.setup_flow import check_admin
from desktop_app.storage.database import Database
from desktop_app.ui.errors import show_error
from desktop_app.ui.forms import ERROR_STYLE, hint_label
from desktop_app.ui.icons import app_icon
from desktop_app.ui.setup_wizard import AdminForm


class LoginDialog(QDialog):
    """Username and password; on success :attr:`user` is the logged-in user.

    Wrong passwords and lockouts are shown in the dialog itself (the core's
    message says what to do); the dialog stays open for another try.
    """

    def __init__(self, db: Database, *, unit_name: str = "", username: str = "", locked_after: int = 0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.user: accounts.User | None = None
        self.setWindowTitle(self.tr("Log in"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        header = QLabel(self.tr("Poverty register") + (f" — {unit_name}" if unit_name else ""))
        font = header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        header.setFont(font)
        layout.addWidget(header)
        self.notice: QLabel | None = None
        if locked_after:
            self.notice = hint_label(self.tr(
                "The window was locked after %n minute(s) without use. Log in again to continue.", "",
                locked_after))
            layout.addWidget(self.notice)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        user_label = QLabel(self.tr("&Username:"))
        user_label.setBuddy(self.username)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("login_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(self.tr("&Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def try_login(self) -> None:
        """Check the username and password; accept on success."""
        try:
            self.user = accounts.authenticate(self.db, self.username.text(), self.password.text())
        except accounts.AuthenticationFailed as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.adjustSize()  # make room for the wrapped message
            self.password.clear()
            self.password.setFocus()
            return
        except Exception as exc:  # noqa: BLE001 - e.g. the database became unreadable
            show_error(self, exc)
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """Creates an administrator when the register has none."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.created_username = ""
        self.setWindowTitle(self.tr("Create the administrator"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr(
            "This register has no administrator account yet. Create one now: the administrator manages the "
            "register and the other users.")))
        self.form = AdminForm()
        layout.addWidget(self.form)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("&Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.form.full_name.setFocus()

    def create(self) -> None:
        values, problems = check_admin(self.form.values())
        self.form.errors.show((e.field, e.message) for e in problems)
        if problems:
            self.adjustSize()
            return
        try:
            accounts.create_first_administrator(self.db, username=values["admin_username"],
                                                full_name=values["admin_full_name"],
                                                password=values["admin_password"])
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.created_username = values["admin_username"]
        self.accept()
