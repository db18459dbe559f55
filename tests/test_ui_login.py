"""Login dialog, first-administrator dialog, the start-up sequence and the idle lock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as _dt  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from desktop_app.errors import DatabaseError  # noqa: E402
from desktop_app.services import accounts  # noqa: E402
from desktop_app.services.demo import create_demo  # noqa: E402
from desktop_app.services.setup import apply_setup  # noqa: E402
from desktop_app.setup_flow import SetupFlow, standard_choices  # noqa: E402
from desktop_app.standards.loader import default_registry  # noqa: E402
from desktop_app.storage.database import Database  # noqa: E402
from desktop_app import i18n  # noqa: E402
from desktop_app.ui import translation  # noqa: E402
from desktop_app.ui.app import EXIT_DATABASE, EXIT_OK, GuiApp  # noqa: E402
from desktop_app.ui.login import FirstAdminDialog, LoginDialog  # noqa: E402
from desktop_app.ui.setup_wizard import SetupWizard  # noqa: E402

PASSWORD = "matkhau2026"


@pytest.fixture(autouse=True)
def vietnamese(qapp):
    translation.set_language("vi")
    yield
    translation.uninstall()  # leave Qt as other test modules expect it (English source texts)
    i18n.set_language("vi")


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def database(data_dir):
    db = Database.open(data_dir)
    yield db
    db.close()


@pytest.fixture
def set_up(database):
    flow = SetupFlow(standard_choices(default_registry()), today=_dt.date(2026, 10, 1))
    flow.update({"name": "Xã Tân Tiến", "code": "02287", "province": "Tỉnh Tuyên Quang", "villages": ["Thôn Đông"],
                 "admin_full_name": "Hoàng Thị Mai", "admin_username": "mai", "admin_password": PASSWORD,
                 "admin_password_confirm": PASSWORD})
    apply_setup(database, flow.plan)
    return database


def login_with(qtbot, dialog: LoginDialog, password: str) -> None:
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def test_login_success(qtbot, set_up):
    dialog = LoginDialog(set_up, unit_name="Xã Tân Tiến", username="mai")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Đăng nhập"
    assert dialog.focusWidget() is dialog.password  # the username is already there
    with qtbot.waitSignal(dialog.accepted):
        login_with(qtbot, dialog, PASSWORD)
    assert dialog.user.username == "mai" and dialog.user.role == "administrator"


def test_wrong_password_then_lockout(qtbot, set_up):
    dialog = LoginDialog(set_up, username="mai")
    qtbot.addWidget(dialog)
    dialog.show()
    login_with(qtbot, dialog, "sai mat khau")
    assert dialog.isVisible() and dialog.user is None
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith("Sai tên đăng nhập hoặc mật khẩu.")
    assert dialog.password.text() == "" and dialog.focusWidget() is dialog.password
    for _ in range(accounts.MAX_FAILED_ATTEMPTS - 1):
        login_with(qtbot, dialog, "sai mat khau")
    assert "đang bị khóa đến" in dialog.error.text()
    login_with(qtbot, dialog, PASSWORD)  # locked: even the right password waits
    assert dialog.user is None and "đang bị khóa" in dialog.error.text()


def test_first_admin_dialog(qtbot, database):
    create_demo(database, households=5, seed=3)
    assert not accounts.has_administrator(database)
    dialog = FirstAdminDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.set_values({"admin_full_name": "Lê Văn An", "admin_username": "An", "admin_password": "short",
                            "admin_password_confirm": "short"})
    dialog.create()
    assert dialog.isVisible() and "ít nhất 8" in dialog.form.errors.message("admin_password")
    dialog.form.set_values({"admin_full_name": "Lê Văn An", "admin_username": "An", "admin_password": PASSWORD,
                            "admin_password_confirm": PASSWORD})
    with qtbot.waitSignal(dialog.accepted):
        dialog.create()
    assert dialog.created_username == "an"
    assert accounts.authenticate(database, "an", PASSWORD).role == "administrator"


def answer_modal(qtbot, action) -> None:
    """Run ``action(widget)`` on the next modal dialog (they block in exec())."""
    def attempt() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, attempt)
        else:
            action(widget)

    QTimer.singleShot(0, attempt)


def test_start_runs_login_and_opens_the_main_window(qtbot, set_up, data_dir):
    gui = GuiApp(QApplication.instance(), data_dir, lambda: set_up)

    def log_in(dialog):
        assert isinstance(dialog, LoginDialog)
        dialog.username.setText("mai")
        dialog.password.setText(PASSWORD)
        dialog.try_login()

    answer_modal(qtbot, log_in)
    assert gui.start() is None
    window = gui.window
    qtbot.addWidget(window)
    assert window.isVisible()
    assert gui.state.actor.username == "mai" and set_up.user == "mai"  # audit names the officer
    assert gui.settings.last_username == "mai"
    window.close()


def test_start_on_an_empty_register_opens_the_wizard(qtbot, database, data_dir):
    gui = GuiApp(QApplication.instance(), data_dir, lambda: database)
    seen = []

    def cancel(dialog):
        seen.append(type(dialog))
        dialog.reject()

    answer_modal(qtbot, cancel)
    assert gui.start() == EXIT_OK
    assert seen == [SetupWizard]


def test_start_with_a_broken_database_shows_the_error(qtbot, data_dir):
    def broken():
        raise DatabaseError("Không mở được cơ sở dữ liệu /x: hỏng.")

    gui = GuiApp(QApplication.instance(), data_dir, broken)
    texts = []

    def read(box):
        texts.append((box.windowTitle(), box.text(), box.informativeText()))
        box.accept()

    answer_modal(qtbot, read)
    assert gui.start() == EXIT_DATABASE
    assert isinstance(texts and texts[0], tuple)
    title, text, hint = texts[0]
    assert title == "Lỗi cơ sở dữ liệu" and "hỏng" in text and "backups" in hint


def test_idle_lock_and_unlock(qtbot, set_up, data_dir):
    gui = GuiApp(QApplication.instance(), data_dir, lambda: set_up)
    gui.db = set_up
    window = gui.open_main_window(accounts.authenticate(set_up, "mai", PASSWORD))
    qtbot.addWidget(window)
    gui.idle.set_interval_ms(50)
    gui.idle.restart()
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    dialog = gui.lock_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.notice.text() == "Cửa sổ đã tự khóa sau 15 phút không sử dụng. Hãy đăng nhập lại để tiếp tục."
    assert window.central.currentWidget() is window.lock_screen
    assert not window.menuBar().isEnabled()
    login_with(qtbot, dialog, "sai mat khau")
    assert window.locked
    login_with(qtbot, dialog, PASSWORD)
    assert not window.locked and window.menuBar().isEnabled()
    assert gui.idle.timer.isActive()
    window.close()


def test_lock_by_shortcut_and_quit_from_the_lock(qtbot, set_up, data_dir):
    gui = GuiApp(QApplication.instance(), data_dir, lambda: set_up)
    gui.db = set_up
    window = gui.open_main_window(accounts.authenticate(set_up, "mai", PASSWORD))
    qtbot.addWidget(window)
    window.lock_action.trigger()
    assert window.locked and gui.lock_dialog is not None
    qtbot.mouseClick(gui.lock_dialog.quit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_message_box_buttons_are_vietnamese(qtbot):
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Ok
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Ok).text() == "Đồng ý"
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Hủy"
