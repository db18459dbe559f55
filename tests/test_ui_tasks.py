"""Worker-thread operations (progress, cancel, errors), the error-to-message
mapping and the confirmation helper."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget  # noqa: E402

from desktop_app import errors  # noqa: E402
from desktop_app.services import accounts  # noqa: E402
from desktop_app.sync import errors as sync_errors  # noqa: E402
from desktop_app import i18n  # noqa: E402
from desktop_app.ui import translation  # noqa: E402
from desktop_app.ui.dialogs import confirm  # noqa: E402
from desktop_app.ui.errors import describe_error  # noqa: E402
from desktop_app.ui.tasks import TaskRunner  # noqa: E402


@pytest.fixture(autouse=True)
def vietnamese(qapp):
    translation.set_language("vi")
    yield
    translation.uninstall()  # leave Qt as other test modules expect it (English source texts)
    i18n.set_language("vi")


@pytest.fixture
def runner(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    tasks = TaskRunner(parent, delay_ms=100)
    yield tasks
    assert tasks.shutdown(5000)


def test_result_arrives_on_the_gui_thread(qtbot, runner):
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work(a, b, progress):
        seen["thread"] = threading.get_ident()
        for i in range(3):
            progress(i + 1, 3)
        return a + b

    task = runner.run(work, 2, 3, label="Đang tính…")
    steps = []
    task.progressed.connect(lambda done, total: steps.append((done, total, threading.get_ident())))
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [5]
    assert seen["thread"] != gui_thread
    assert [s[:2] for s in steps][-1] == (3, 3) and all(s[2] == gui_thread for s in steps)
    assert not runner.busy


def test_quick_work_shows_no_dialog(qtbot, runner):
    task = runner.run(lambda progress: "ok", label="x")
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    qtbot.wait(150)
    assert not [d for d in runner.parent_widget.findChildren(QProgressDialog) if d.isVisible()]


def test_slow_work_shows_a_cancellable_dialog(qtbot, runner):
    def slow(progress):
        for i in range(1000):
            if not progress(i, 1000):
                return "stopped"
            time.sleep(0.01)
        return "done"

    task = runner.run(slow, label="Đang nhập tệp…")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in runner.parent_widget.findChildren(QProgressDialog)),
                    timeout=3000)
    dialog = next(d for d in runner.parent_widget.findChildren(QProgressDialog) if d.isVisible())
    assert dialog.labelText() == "Đang nhập tệp…" and dialog.windowTitle() == "Xin chờ"
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Hủy"
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        cancel.click()
        assert dialog.isVisible() and dialog.labelText() == "Đang hủy…"
    assert task.cancel_requested and not dialog.isVisible()


def test_errors_are_delivered(qtbot, runner):
    def bad(progress):
        raise errors.ValidationError("code", "mã sai")

    task = runner.run(bad, label="x")
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], errors.ValidationError)


def test_tasks_run_one_at_a_time(qtbot, runner):
    active, peak = [0], [0]
    lock = threading.Lock()

    def work(progress):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.02)
        with lock:
            active[0] -= 1

    tasks = [runner.run(work, label="x") for _ in range(4)]
    with qtbot.waitSignal(tasks[-1].finished, timeout=5000):
        pass
    assert peak[0] == 1


@pytest.mark.parametrize(("exc", "title", "hint_part"), [
    (errors.ValidationError("code", "mã sai"), "Dữ liệu chưa hợp lệ", "Chưa có gì được lưu"),
    (errors.PermissionDenied("không có quyền"), "Không có quyền", "quản trị viên"),
    (accounts.AccountLocked("bị khóa", "mai", None), "Tài khoản bị khóa", "mở khóa"),
    (errors.SchemaTooNew("0009", "0005", "/x.sqlite3"), "Cần phiên bản mới hơn", "không bị thay đổi"),
    (errors.DatabaseError("hỏng"), "Lỗi cơ sở dữ liệu", "backups"),
    (sync_errors.SignatureMismatch("chữ ký sai"), "Chữ ký không khớp", "xuất lại"),
    (sync_errors.ReplayedPackage("đã nhập"), "Gói dữ liệu đã được nhập", "Không có gì bị thay đổi"),
    (errors.Refused("từ chối"), "Tệp bị từ chối", "không có gì bị thay đổi"),
    (FileNotFoundError(2, "No such file", "/media/usb/a.zip"), "Không đọc hoặc ghi được tệp", "USB"),
])
def test_errors_map_to_vietnamese_messages(exc, title, hint_part):
    info = describe_error(exc)
    assert info.title == title
    assert hint_part in info.hint
    assert info.text


def test_unexpected_errors_keep_details():
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        info = describe_error(exc)
    assert info.title == "Lỗi ngoài dự kiến" and info.text == "boom"
    assert "Traceback" in info.details and info.icon == QMessageBox.Icon.Critical


def test_sync_errors_are_rendered_again_in_the_current_language():
    exc = sync_errors.SyncError("old text", key="accounts.disabled", params={"username": "mai"})
    assert describe_error(exc).text == "Tài khoản «mai» đã bị ngừng sử dụng. Hãy liên hệ quản trị viên."


def _click_on_next_box(role):
    def attempt():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, attempt)
            return
        for button in box.buttons():
            if box.buttonRole(button) == role:
                button.click()
                return

    QTimer.singleShot(0, attempt)


def test_confirm(qtbot):
    _click_on_next_box(QMessageBox.ButtonRole.RejectRole)
    assert confirm(None, "Ngừng tài khoản «lan»?") is False
    _click_on_next_box(QMessageBox.ButtonRole.DestructiveRole)
    assert confirm(None, "Ngừng tài khoản «lan»?", action="Ngừng sử dụng") is True


def test_confirm_defaults_to_cancel(qtbot):
    def check():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, check)
            return
        seen.append((box.defaultButton().text(), box.windowTitle()))
        box.defaultButton().click()

    seen: list = []
    QTimer.singleShot(0, check)
    assert confirm(None, "Xóa?") is False
    assert seen == [("Hủy", "Xin xác nhận")]
