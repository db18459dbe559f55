"""The first-run wizard driven like a user would: typing, Enter, Next, Finish,
against a real SQLite register in ``tmp_path``."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as _dt  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWizard  # noqa: E402

from desktop_app.services import accounts, register  # noqa: E402
from desktop_app.services.setup import needs_setup  # noqa: E402
from desktop_app.setup_flow import SetupFlow, Step, standard_choices  # noqa: E402
from desktop_app.standards.loader import default_registry  # noqa: E402
from desktop_app.storage.database import Database  # noqa: E402
from desktop_app import i18n  # noqa: E402
from desktop_app.ui import translation  # noqa: E402
from desktop_app.ui.setup_wizard import SetupWizard  # noqa: E402

PASSWORD = "matkhau2026"


@pytest.fixture
def vietnamese(qapp):
    translation.set_language("vi")
    yield
    translation.uninstall()  # leave Qt as other test modules expect it (English source texts)
    i18n.set_language("vi")


@pytest.fixture
def database(tmp_path):
    db = Database.open(tmp_path / "data")
    yield db
    db.close()


@pytest.fixture
def wizard(qtbot, database, vietnamese):
    registry = default_registry()
    flow = SetupFlow(standard_choices(registry), today=_dt.date(2026, 10, 1))
    wiz = SetupWizard(database, registry, flow)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    return wiz


def current_step(wiz: SetupWizard) -> Step:
    return wiz.currentPage().step


def press_next(qtbot, wiz: SetupWizard) -> None:
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` as key events; QTest only knows ASCII keys, so other
    characters come as key events carrying their text (as Vietnamese
    keyboard tools such as Unikey send them)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                         ch))


def type_into(qtbot, widget, text: str) -> None:
    widget.clear()
    type_text(qtbot, widget, text)


def fill_unit(qtbot, wiz: SetupWizard, code: str = "02287") -> None:
    page = wiz.currentPage()
    type_into(qtbot, page.name, "Xã Tân Tiến")
    type_into(qtbot, page.code, code)
    type_into(qtbot, page.province, "Tỉnh Tuyên Quang")
    page.region.setFocus()
    qtbot.keyClick(page.region, Qt.Key.Key_Down)  # first region, by keyboard
    type_into(qtbot, page.office_label, "UBND xã")


def test_buttons_are_vietnamese(wizard):
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Tiếp tục >"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Hủy"
    assert wizard.windowTitle() == "Thiết lập sổ theo dõi hộ nghèo"


def test_wizard_end_to_end_creates_the_register(qtbot, wizard, database):
    assert current_step(wizard) is Step.MODE
    assert wizard.currentPage().commune.isChecked()
    press_next(qtbot, wizard)

    assert current_step(wizard) is Step.UNIT
    fill_unit(qtbot, wizard)
    qtbot.keyClick(wizard.currentPage().office_label, Qt.Key.Key_Return)  # Enter = Next

    assert current_step(wizard) is Step.VILLAGES
    villages = wizard.currentPage().villages
    assert villages.hasFocus()
    for name in ("Thôn Đông", "Bản Phiêng", "Tổ dân phố 3"):
        type_text(qtbot, villages, name)
        qtbot.keyClick(villages, Qt.Key.Key_Return)
    assert "3 thôn/tổ dân phố" in wizard.currentPage().count.text()
    press_next(qtbot, wizard)

    assert current_step(wizard) is Step.ADMIN
    form = wizard.currentPage().form
    type_into(qtbot, form.full_name, "Hoàng Thị Mai")
    type_into(qtbot, form.username, "Mai.HT")
    type_into(qtbot, form.password, PASSWORD)
    type_into(qtbot, form.confirm, PASSWORD)
    qtbot.keyClick(form.confirm, Qt.Key.Key_Return)

    assert current_step(wizard) is Step.ROUND
    page = wizard.currentPage()
    assert page.name.text() == "Rà soát định kỳ năm 2026"
    assert page.standard.currentData() == "vn-2027-2030"
    press_next(qtbot, wizard)

    assert current_step(wizard) is Step.SUMMARY
    summary = wizard.currentPage().text.text()
    assert "Xã Tân Tiến" in summary and "Thôn Đông, Bản Phiêng, Tổ dân phố 3" in summary
    assert PASSWORD not in summary
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.text() == "&Hoàn tất"
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    assert wizard.result is not None and not needs_setup(database)
    commune = register.list_communes(database)[0]
    assert (commune.code, commune.name, commune.province, commune.office_label, commune.default_region) == (
        "02287", "Xã Tân Tiến", "Tỉnh Tuyên Quang", "UBND xã", "northern_midlands_mountains")
    assert [v.name for v in register.list_villages(database, commune.id)] == ["Thôn Đông", "Bản Phiêng",
                                                                             "Tổ dân phố 3"]
    rnd = register.current_round(database, commune.id)
    assert (rnd.name, rnd.kind, rnd.standard_id) == ("Rà soát định kỳ năm 2026", "periodic", "vn-2027-2030")
    admin = accounts.authenticate(database, "mai.ht", PASSWORD)
    assert (admin.full_name, admin.role) == ("Hoàng Thị Mai", "administrator")


def test_wizard_shows_errors_and_stays(qtbot, wizard):
    press_next(qtbot, wizard)
    fill_unit(qtbot, wizard, code="2287")
    page = wizard.currentPage()
    page.province.clear()
    press_next(qtbot, wizard)
    assert current_step(wizard) is Step.UNIT
    assert "đúng 5 chữ số" in page.errors.message("code")
    assert page.errors.message("province") == "không được để trống"
    assert page.errors.labels["code"].isVisible()
    assert page.code.hasFocus()  # the first bad field
    assert page.errors.message("name") == ""
    # editing the field removes its stale error
    type_into(qtbot, page.code, "02287")
    assert page.errors.message("code") == ""
    type_into(qtbot, page.province, "Tỉnh Tuyên Quang")
    press_next(qtbot, wizard)
    assert current_step(wizard) is Step.VILLAGES

    page = wizard.currentPage()
    type_text(qtbot, page.villages, "Thôn Đông")
    qtbot.keyClick(page.villages, Qt.Key.Key_Return)
    type_text(qtbot, page.villages, "thôn đông")
    press_next(qtbot, wizard)
    assert current_step(wizard) is Step.VILLAGES
    assert "bị trùng" in page.errors.message("villages")


def test_admin_errors(qtbot, wizard):
    wizard.flow.update({"name": "Xã A", "code": "01234", "province": "Tỉnh B", "villages": ["Thôn C"]})
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    assert current_step(wizard) is Step.ADMIN
    form = wizard.currentPage().form
    type_into(qtbot, form.full_name, "Hoàng Thị Mai")
    type_into(qtbot, form.username, "mai")
    type_into(qtbot, form.password, "ngan")
    type_into(qtbot, form.confirm, "khac")
    press_next(qtbot, wizard)
    assert current_step(wizard) is Step.ADMIN
    assert "ít nhất 8 ký tự" in form.errors.message("admin_password")
    assert form.errors.message("admin_password_confirm") == "hai lần nhập mật khẩu không giống nhau"
    form.show_passwords.setChecked(True)
    assert form.password.echoMode() == form.password.EchoMode.Normal


def test_district_mode_skips_villages_and_round(qtbot, wizard, database):
    page = wizard.currentPage()
    assert page.commune.hasFocus()
    qtbot.keyClick(page.commune, Qt.Key.Key_Down)  # arrow keys move between the choices
    assert page.district.isChecked()
    press_next(qtbot, wizard)
    page = wizard.currentPage()
    assert page.name_label.text() == "Tê&n cơ quan:"
    type_into(qtbot, page.name, "Sở Y tế tỉnh Tuyên Quang")
    type_into(qtbot, page.code, "08")
    type_into(qtbot, page.province, "Tỉnh Tuyên Quang")
    press_next(qtbot, wizard)
    assert current_step(wizard) is Step.ADMIN
    form = wizard.currentPage().form
    for widget, text in ((form.full_name, "Lê Văn An"), (form.username, "an"), (form.password, PASSWORD),
                         (form.confirm, PASSWORD)):
        type_into(qtbot, widget, text)
    press_next(qtbot, wizard)
    assert current_step(wizard) is Step.SUMMARY
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert register.list_communes(database)[0].mode == "district"
    assert register.list_rounds(database) == []


def test_round_kind_moves_the_defaults(qtbot, wizard):
    wizard.flow.update({"name": "Xã A", "code": "01234", "province": "Tỉnh B", "villages": ["Thôn C"]})
    wizard.flow.update({"admin_full_name": "A B", "admin_username": "ab", "admin_password": PASSWORD,
                        "admin_password_confirm": PASSWORD})
    for _ in range(4):
        press_next(qtbot, wizard)
    page = wizard.currentPage()
    assert current_step(wizard) is Step.ROUND
    page.kind.setCurrentIndex(page.kind.findData("ad_hoc"))
    assert page.name.text() == "Rà soát thường xuyên năm 2026"
    assert page.standard.currentData() == "vn-2022-2025"
    type_into(qtbot, page.name, "Đợt bổ sung tháng 10")
    page.kind.setCurrentIndex(page.kind.findData("periodic"))
    assert page.name.text() == "Đợt bổ sung tháng 10"  # what the user typed is kept
    assert page.standard.currentData() == "vn-2027-2030"


def test_going_back_keeps_what_was_typed(qtbot, wizard):
    press_next(qtbot, wizard)
    fill_unit(qtbot, wizard)
    press_next(qtbot, wizard)
    assert current_step(wizard) is Step.VILLAGES
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage().name.text() == "Xã Tân Tiến"
