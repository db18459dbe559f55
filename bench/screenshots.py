"""Render the setup wizard, the login dialog and the main window to PNG files.

Usage: ``python bench/screenshots.py OUT_DIR [--lang vi|en] [--households N]``

Runs offscreen (``QT_QPA_PLATFORM=offscreen`` unless set), in a temporary
data folder: every wizard page filled with example values (and one page
showing validation errors), the login dialog (also after a wrong password),
the main window on a demonstration commune, and the lock screen. Each image
is ``QWidget.grab()`` of a real widget; look at them after a GUI change, with
Vietnamese text. Prints ``BENCH screenshots <n> files`` at the end.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop_app.services import accounts  # noqa: E402
from desktop_app.services.demo import create_demo  # noqa: E402
from desktop_app.setup_flow import SetupFlow, Step, standard_choices  # noqa: E402
from desktop_app.standards.loader import default_registry  # noqa: E402
from desktop_app.storage.database import Database  # noqa: E402
from desktop_app.ui import translation  # noqa: E402
from desktop_app.ui.app import make_application  # noqa: E402
from desktop_app.ui.login import FirstAdminDialog, LoginDialog  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.settings import GuiSettings  # noqa: E402
from desktop_app.ui.setup_wizard import SetupWizard  # noqa: E402
from desktop_app.ui.state import AppState  # noqa: E402
from desktop_app.ui.users_dialog import UsersDialog  # noqa: E402

EXAMPLE = {
    Step.MODE: {"mode": "commune"},
    Step.UNIT: {"name": "Xã Tân Tiến", "code": "02287", "province": "Tỉnh Tuyên Quang", "default_area": "rural",
                "default_region": "northern_midlands_mountains", "office_label": "Phòng/Sở tiếp nhận"},
    Step.VILLAGES: {"villages": "Thôn Đông\nBản Phiêng\nThôn Tân Lập\nBản Nà Cọ\nThôn Khuổi Nhòa\nTổ dân phố 3"},
    Step.ADMIN: {"admin_full_name": "Hoàng Thị Mai", "admin_username": "mai", "admin_password": "matkhau2026",
                 "admin_password_confirm": "matkhau2026"},
}


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, out: Path, name: str, app: QApplication, saved: list[Path]) -> None:
    settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    saved.append(path)


def wizard_shots(app: QApplication, data: Path, out: Path, saved: list[Path]) -> None:
    db = Database.open(data / "wizard")
    registry = default_registry()
    flow = SetupFlow(standard_choices(registry, translation.current_language()), today=_dt.date(2026, 10, 1))
    wizard = SetupWizard(db, registry, flow)
    wizard.resize(820, 600)
    wizard.show()
    for number, step in enumerate(Step, start=1):
        page = wizard.page_for(step)
        if step is Step.UNIT:  # show the validation errors once
            page.code.setText("2287")
            wizard.next()
            save(wizard, out, f"wizard-{number}-{step.value}-errors", app, saved)
        if step in EXAMPLE:
            flow.update(EXAMPLE[step])
            page.load()
        save(wizard, out, f"wizard-{number}-{step.value}", app, saved)
        if step is not Step.SUMMARY:
            wizard.next()
    wizard.close()
    db.close()


def main_window_shots(app: QApplication, data: Path, out: Path, households: int, saved: list[Path]) -> None:
    db = Database.open(data / "demo")
    from desktop_app.services.classify import classify_round

    create_demo(db, households=households, seed=1, classify=classify_round)
    dialog = FirstAdminDialog(db)
    dialog.show()
    save(dialog, out, "first-admin", app, saved)
    dialog.close()
    accounts.create_first_administrator(db, username="mai", full_name="Hoàng Thị Mai", password="matkhau2026")
    login = LoginDialog(db, unit_name="Xã Tân Tiến", username="mai")
    login.show()
    login.password.setText("sai mat khau")
    login.try_login()
    save(login, out, "login-wrong-password", app, saved)
    login.close()
    user = accounts.authenticate(db, "mai", "matkhau2026")
    state = AppState(db, data / "demo", GuiSettings(data / "demo"), accounts.Actor.of(user))
    state.reload()
    window = MainWindow(state)
    window.resize(1200, 760)
    window.show()
    save(window, out, "main-window", app, saved)
    window.pages[0].search.setText("nguyen thi")
    window.pages[0]._apply_search()
    save(window, out, "main-window-search", app, saved)
    window.pages[0]._clear_search() if hasattr(window.pages[0], "_clear_search") else None
    for index, page in enumerate(window.pages):
        window.nav.setCurrentRow(index)
        wait = getattr(page, "wait", None)
        if callable(wait):
            wait()
        app.processEvents()
        save(window, out, f"page-{index + 1}-{type(page).__name__.removesuffix('Page').lower()}", app, saved)
    window.nav.setCurrentRow(0)
    window.set_locked(True)
    locked = LoginDialog(db, unit_name=state.commune.name if state.commune else "", username="mai",
                         locked_after=15, parent=window)
    locked.show()
    save(window, out, "lock-screen", app, saved)
    save(locked, out, "login-after-idle", app, saved)
    locked.close()
    window.set_locked(False)
    accounts.create_user(db, state.actor, username="lan", full_name="Nguyễn Thị Lan", role="officer",
                         password="matkhau2026")
    users = UsersDialog(db, state.actor, window)
    users.show()
    users.table.selectRow(0)
    save(users, out, "users", app, saved)
    users.close()
    about = window.about_text()
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, window.tr("About"), about, parent=window)
    box.show()
    save(box, out, "about", app, saved)
    box.close()
    window.close()
    db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--households", type=int, default=300)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    translation.set_language(args.lang)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        wizard_shots(app, Path(tmp), args.out, saved)
        main_window_shots(app, Path(tmp), args.out, args.households, saved)
    for path in saved:
        print(path)
    print(f"BENCH screenshots {len(saved)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
