"""The main window on a demonstration register: pages, lazy household list,
refresh on changes, status bar, language switch, remembered geometry."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app import i18n  # noqa: E402
from desktop_app.services import accounts, register  # noqa: E402
from desktop_app.services.demo import create_demo  # noqa: E402
from desktop_app.storage.database import Database  # noqa: E402
from desktop_app.ui import translation  # noqa: E402
from desktop_app.ui.app import GuiApp  # noqa: E402
from desktop_app.ui.pages import PAGES  # noqa: E402
from desktop_app.ui.register import RegisterPage  # noqa: E402
from desktop_app.ui.settings import GuiSettings  # noqa: E402

PASSWORD = "matkhau2026"
HOUSEHOLDS = 180


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """One demonstration register for the module (building it takes a moment)."""
    data = tmp_path_factory.mktemp("demo")
    with Database.open(data) as db:
        create_demo(db, households=HOUSEHOLDS, seed=1)
        accounts.create_first_administrator(db, username="mai", full_name="Hoàng Thị Mai", password=PASSWORD)
    return data


@pytest.fixture
def gui(qtbot, demo_dir):
    translation.set_language("vi")
    db = Database.open(demo_dir)
    app = GuiApp(QApplication.instance(), demo_dir, lambda: db)
    app.db = db
    window = app.open_main_window(accounts.authenticate(db, "mai", PASSWORD))
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    yield app
    window.close()
    translation.uninstall()
    i18n.set_language("vi")
    db.close()


def test_pages_are_registered():
    from desktop_app.ui.dashboard import DashboardPage
    from desktop_app.ui.reports import ReportsPage
    from desktop_app.ui.review import ReviewPage
    from desktop_app.ui.support import SupportPage

    assert PAGES == [RegisterPage, ReviewPage, SupportPage, DashboardPage, ReportsPage]


def test_main_window_shows_the_register(gui):
    window = gui.window
    assert window.windowTitle() == "Sổ theo dõi hộ nghèo — Xã Tân Tiến"
    assert window.nav.count() == len(PAGES)
    assert window.nav.item(0).text() == "Sổ hộ"
    page = window.current_page()
    assert isinstance(page, RegisterPage)
    model = page.model
    assert model.rowCount() == HOUSEHOLDS
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Chủ hộ"
    status = [w.text() for w in (window.unit_label, window.round_label, window.user_label, window.role_label)]
    assert status == ["Xã Tân Tiến", "Đợt: Rà soát định kỳ 2026", "Người dùng: Hoàng Thị Mai", "Quản trị viên"]


def test_every_page_opens(qtbot, gui):
    window = gui.window
    for i in range(window.nav.count()):
        window.nav.setCurrentRow(i)
        assert window.current_page() is not None
        assert window.current_page().isVisible()


def test_changes_refresh_the_page(qtbot, gui):
    page = gui.window.current_page()
    qtbot.waitUntil(lambda: page.model.rowCount() == HOUSEHOLDS, timeout=5000)
    victim = page.model.household_id(0)
    changes = register.delete_household(gui.db, victim)
    gui.window.apply_changes(changes)
    qtbot.waitUntil(lambda: page.model.rowCount() == HOUSEHOLDS - 1, timeout=5000)
    assert victim not in {page.model.household_id(r) for r in range(page.model.rowCount())}


def test_shortcuts_and_menus(gui):
    window = gui.window
    assert window.page_actions[0].shortcut().toString() == "Ctrl+1"
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert [m.title() for m in (window.file_menu, window.view_menu, window.settings_menu, window.help_menu)] == [
        "&Tệp", "&Xem", "&Cài đặt", "Trợ &giúp"]
    about = window.about_text()
    assert "0.1" in about and "vn-2027-2030" in about and str(gui.data_dir) in about


def test_language_switch_is_live_and_remembered(qtbot, gui):
    window = gui.window
    page = window.current_page()
    window.language_actions["en"].trigger()
    assert i18n.get_language() == "en"
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=3000)  # LanguageChange is posted
    assert window.nav.item(0).text() == "Household register"
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Head of household"
    assert page.model.index(0, 4).data() == "Not classified"
    assert window.role_label.text() == "Administrator"
    assert page.count.text().endswith("households")
    assert GuiSettings(gui.data_dir).language == "en"
    window.language_actions["vi"].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Tệp", timeout=3000)
    assert page.model.index(0, 4).data() == "Chưa phân loại"
    assert GuiSettings(gui.data_dir).language == "vi"


def test_geometry_and_idle_time_are_remembered(gui):
    window = gui.window
    window.resize(1000, 700)
    gui.set_idle_minutes(7)
    assert gui.idle.timer.interval() == 7 * 60_000
    window.close()
    settings = GuiSettings(gui.data_dir)
    assert settings.idle_minutes == 7
    geometry, _state = settings.window_state("main_window")
    assert geometry is not None
    assert (gui.data_dir / "gui.ini").exists()
    settings.idle_minutes = 15
