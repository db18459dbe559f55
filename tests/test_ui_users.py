"""User accounts in the GUI: the administrator's dialog, own password change,
and the service refusing what the role does not allow."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from desktop_app.services import accounts  # noqa: E402
from desktop_app.storage.database import Database  # noqa: E402
from desktop_app import i18n  # noqa: E402
from desktop_app.ui import translation  # noqa: E402
from desktop_app.ui.users_dialog import NewUserDialog, PasswordDialog, UsersDialog  # noqa: E402

PASSWORD = "matkhau2026"


@pytest.fixture(autouse=True)
def vietnamese(qapp):
    translation.set_language("vi")
    yield
    translation.uninstall()  # leave Qt as other test modules expect it (English source texts)
    i18n.set_language("vi")


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "data")
    accounts.create_first_administrator(database, username="mai", full_name="Hoàng Thị Mai", password=PASSWORD)
    yield database
    database.close()


@pytest.fixture
def admin(db):
    return accounts.Actor.of(accounts.authenticate(db, "mai", PASSWORD))


def on_next_modal(action) -> None:
    def attempt() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, attempt)
        else:
            action(widget)

    QTimer.singleShot(0, attempt)


def row_of(dialog: UsersDialog, username: str) -> int:
    return next(i for i, u in enumerate(dialog.users) if u.username == username)


def test_add_user(qtbot, db, admin):
    dialog = UsersDialog(db, admin)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Tài khoản người dùng"
    assert [u.username for u in dialog.users] == ["mai"]
    assert dialog.table.item(0, 2).text() == "Quản trị viên"

    new = NewUserDialog(db, admin, dialog)
    qtbot.addWidget(new)
    new.full_name.setText("Nguyễn Thị Lan")
    new.username.setText("lan")
    new.password.setText("ngan")
    new.confirm.setText("ngan")
    new.create()
    assert "ít nhất 8" in new.errors.message("password")
    new.password.setText(PASSWORD)
    new.confirm.setText(PASSWORD)
    with qtbot.waitSignal(new.accepted):
        new.create()
    dialog.reload(new.created_id)
    assert [u.username for u in dialog.users] == ["lan", "mai"]
    assert dialog.selected().username == "lan"
    assert dialog.table.item(0, 2).text() == "Cán bộ nhập liệu"
    assert accounts.authenticate(db, "lan", PASSWORD).role == "officer"


def test_unlock_reset_and_disable(qtbot, db, admin):
    accounts.create_user(db, admin, username="lan", full_name="Nguyễn Thị Lan", role="officer", password=PASSWORD)
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(accounts.AuthenticationFailed):
            accounts.authenticate(db, "lan", "sai mat khau")
    dialog = UsersDialog(db, admin)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(row_of(dialog, "lan"))
    assert dialog.table.item(row_of(dialog, "lan"), 3).text().startswith("Bị khóa đến")
    assert dialog.unlock_button.isEnabled()
    dialog.unlock_button.click()
    assert dialog.table.item(row_of(dialog, "lan"), 3).text() == "Đang dùng"
    assert not dialog.unlock_button.isEnabled()

    def new_password(box: PasswordDialog) -> None:
        box.password.setText("mat khau moi")
        box.confirm.setText("mat khau moi")
        box.check()

    on_next_modal(new_password)
    dialog.reset_button.click()
    assert accounts.authenticate(db, "lan", "mat khau moi")

    seen = []

    def accept_confirmation(box: QMessageBox) -> None:
        seen.append(box.text())
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()

    assert dialog.active_button.text() == "&Ngừng sử dụng…"
    on_next_modal(accept_confirmation)
    dialog.active_button.click()
    assert "Nguyễn Thị Lan (lan)" in seen[0]
    assert dialog.table.item(row_of(dialog, "lan"), 3).text() == "Đã ngừng"
    with pytest.raises(accounts.AccountDisabled):
        accounts.authenticate(db, "lan", "mat khau moi")
    assert dialog.active_button.text() == "&Cho dùng lại"
    dialog.active_button.click()  # enabling needs no confirmation
    assert accounts.authenticate(db, "lan", "mat khau moi")


def test_the_service_refuses_a_viewer(qtbot, db, admin):
    accounts.create_user(db, admin, username="xem", full_name="Người Xem", role="viewer", password=PASSWORD)
    viewer = accounts.Actor.of(accounts.authenticate(db, "xem", PASSWORD))
    shown = []

    def read(box: QMessageBox) -> None:
        shown.append((box.windowTitle(), box.text()))
        box.accept()

    on_next_modal(read)
    dialog = UsersDialog(db, viewer)  # even if the GUI offered it, the service says no
    qtbot.addWidget(dialog)
    assert dialog.users == []
    assert shown[0][0] == "Không có quyền"
    assert "không có quyền quản lý người dùng" in shown[0][1]


def test_change_own_password(qtbot, db, admin):
    dialog = PasswordDialog.for_own_password()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Đổi mật khẩu của tôi"
    dialog.action = lambda current, new: accounts.change_password(db, admin, current, new)
    dialog.current.setText("khong dung")
    dialog.password.setText("mat khau moi")
    dialog.confirm.setText("mat khau moi")
    dialog.check()
    assert dialog.errors.message("old_password") == "mật khẩu hiện tại không đúng"
    dialog.current.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.check()
    assert accounts.authenticate(db, "mai", "mat khau moi")
