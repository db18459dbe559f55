"""The household editor, driven from the register with the keyboard."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from desktop_app.services import register  # noqa: E402
from desktop_app.services.classify import classify_round  # noqa: E402
from desktop_app.services.demo import create_demo  # noqa: E402
from desktop_app.ui.household import HouseholdEditor  # noqa: E402
from desktop_app.ui.register import RegisterPage  # noqa: E402


@pytest.fixture
def page(qtbot, db):
    demo = create_demo(db, households=40, seed=3, classify=classify_round)
    widget = RegisterPage(db)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.demo = demo
    return widget


def _new_editor(page, qtbot) -> HouseholdEditor:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert isinstance(editor, HouseholdEditor) and editor.new
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=2000)
    return editor


def type_vi(widget: QWidget, text: str) -> None:
    """Type Vietnamese text as an input method commits it."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose(qtbot, combo, value) -> None:
    """Pick ``value`` in a combo box with the arrow keys."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{value!r} not in the combo box")


def _answer_next_dialog(button_text: str) -> None:
    """Click ``button_text`` in the next message box (by its role when the
    text is translated); never leaves a modal dialog open."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        cancel = button_text.lower() == "cancel"
        for button in box.buttons():
            role = box.buttonRole(button)
            if (role == QMessageBox.ButtonRole.RejectRole) == cancel:
                button.click()
                return
        box.reject()
    QTimer.singleShot(20, click)


def _settle(qtbot, editor) -> None:
    """Let the live classification run (it waits a few milliseconds after typing)."""
    qtbot.waitUntil(lambda: not editor._live_timer.isActive(), timeout=2000)


def test_new_poor_household_typed_classified_saved_and_found(page, qtbot, db):
    editor = _new_editor(page, qtbot)
    members = editor.members
    choose(qtbot, editor.village, register.list_villages(db)[1].id)
    type_vi(editor.address, "Xóm 3")
    choose(qtbot, editor.area, "rural")
    editor.survey_date.setFocus()
    editor.survey_date.selectAll()  # today's date is proposed
    qtbot.keyClicks(editor.survey_date, "20/10/2025")
    # the head, on the form of member 1
    type_vi(members.full_name, "Hoàng Văn Tư")
    choose(qtbot, members.sex, "male")
    qtbot.keyClicks(members.birth_date, "15/03/1975")
    qtbot.keyClicks(members.id_number, "035075001111")
    members.ethnicity.setFocus()
    qtbot.keyClicks(members.ethnicity.lineEdit(), "Kinh")
    choose(qtbot, members.able_to_work, True)
    choose(qtbot, members.employment, "self_employed")
    choose(qtbot, members.health_insurance, True)
    choose(qtbot, members.education, "upper_secondary")
    # a second member, added with the keyboard
    qtbot.keyClick(editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(members.members) == 2 and members.full_name.hasFocus()
    type_vi(members.full_name, "Lò Thị Mai")
    choose(qtbot, members.sex, "female")
    qtbot.keyClicks(members.birth_date, "1978")
    choose(qtbot, members.relation, "spouse")
    choose(qtbot, members.health_insurance, True)
    choose(qtbot, members.employment, "self_employed")
    # Phiếu B: score A 120, and three deprivations (housing, latrine, internet)
    editor.income.score_a.setFocus()
    qtbot.keyClicks(editor.income.score_a, "120")
    b2 = editor.b2
    choose(qtbot, b2.house_none, False)
    choose(qtbot, b2.walls_durable, False)
    choose(qtbot, b2.columns_durable, False)
    choose(qtbot, b2.roof_durable, True)
    b2.floor_area_m2.setFocus()
    qtbot.keyClicks(b2.floor_area_m2, "40")
    choose(qtbot, b2.water_source, "piped")
    choose(qtbot, b2.latrine, "none")
    choose(qtbot, b2.internet_use, False)
    _settle(qtbot, editor)

    panel = editor.panel
    assert panel.category.text() == "Hộ nghèo (đề xuất)"
    assert "Score A: 120" in panel.scores.text() and "Score B: 30 (3 deprivations)" in panel.scores.text()
    details = panel.details.text()
    assert "Chất lượng nhà ở" in details and "tường và cột" in details
    assert "Nhà tiêu: không có nhà tiêu (không hợp vệ sinh)" in details
    assert "Không thành viên nào sử dụng internet" in details
    assert "To correct" not in details, [i.message for i in editor.issues]

    hid = editor.household.household_id
    with qtbot.waitSignal(editor.saved, timeout=3000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    saved = register.load_household(db, hid, page.demo.round_id)
    assert [m.full_name for m in saved.members] == ["Hoàng Văn Tư", "Lò Thị Mai"]
    assert saved.members[1].birth_date == "1978" and saved.survey.score_a == 120
    assert saved.address == "Xóm 3" and saved.survey.date == "2025-10-20"
    # found in the register, accents optional, with its classification
    page.search.setFocus()
    qtbot.keyClicks(page.search, "hoang van tu")
    qtbot.waitUntil(lambda: page.model.search == "hoang van tu", timeout=2000)
    assert hid in [page.model.household_id(r) for r in range(page.model.rowCount())]
    row = page.model.row_data(page.model.row_of(hid))
    assert (row.category, row.score_a, row.score_b, row.official) == ("poor", 120, 30, False)


def test_bad_id_number_and_birth_after_survey_are_refused(page, qtbot, db):
    before = register.count_households(db, page.demo.round_id)
    editor = _new_editor(page, qtbot)
    members = editor.members
    editor.survey_date.setFocus()
    editor.survey_date.selectAll()  # today's date is proposed
    qtbot.keyClicks(editor.survey_date, "20/10/2025")
    type_vi(members.full_name, "Đinh Văn Hùng")
    qtbot.keyClicks(members.id_number, "12345")
    _settle(qtbot, editor)
    assert "12 chữ số" in members.issue_label.text()
    assert "12 chữ số" in editor.panel.details.text()
    assert members.table.item(0, 5).text() == "Error"
    qtbot.keyClicks(members.birth_date, "01/01/2026")
    _settle(qtbot, editor)
    assert "sau ngày rà soát 20/10/2025" in members.issue_label.text()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.isVisible() and editor.message.text().startswith("Not saved")
    assert register.count_households(db, page.demo.round_id) == before
    # corrected, it saves
    members.id_number.setFocus()
    members.id_number.selectAll()
    qtbot.keyClicks(members.id_number, "035080009876")
    members.birth_date.selectAll()
    qtbot.keyClicks(members.birth_date, "1980")
    _settle(qtbot, editor)
    assert members.issue_label.text() == ""
    assert editor.save()
    assert register.count_households(db, page.demo.round_id) == before + 1


def test_id_number_already_in_the_register(page, qtbot, db):
    other = register.load_household(db, page.model.household_id(0), page.demo.round_id)
    number = next(m.id_number for m in other.members if m.id_number)
    editor = _new_editor(page, qtbot)
    type_vi(editor.members.full_name, "Vi Văn Sơn")
    qtbot.keyClicks(editor.members.id_number, number)
    _settle(qtbot, editor)
    assert "đã có trong sổ" in editor.members.issue_label.text()


def test_quick_screen_stops_the_household(page, qtbot):
    editor = _new_editor(page, qtbot)
    first = next(iter(editor.quick.criteria.values()))
    choose(qtbot, first, True)
    _settle(qtbot, editor)
    assert "Stopped at Form A" in editor.panel.category.text()
    assert editor.panel.category.text().startswith("Hộ không nghèo")
    assert not editor.b2.isEnabled() and not editor.income.isEnabled() and editor.stop_banner.isVisible()
    choose(qtbot, first, False)
    _settle(qtbot, editor)
    assert editor.b2.isEnabled() and not editor.stop_banner.isVisible()


def test_income_worksheet_computes_income_per_person(page, qtbot):
    editor = _new_editor(page, qtbot)
    income, cost = editor.income.worksheet["crops"]
    income.setFocus()
    qtbot.keyClicks(income, "30.000.000")
    qtbot.keyClicks(cost, "6000000")
    _settle(qtbot, editor)
    # one member: (30 - 6) million / 1 / 12
    assert editor.income.income.value() == 2_000_000 and editor.income.income.isReadOnly()
    assert "Income: 2.000.000 VND" in editor.panel.scores.text()


def test_existing_household_edit_and_unsaved_changes_confirmation(page, qtbot, db):
    page.table.setFocus()
    page.table.selectRow(0)
    hid = page.selected_id()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.editor
    qtbot.waitExposed(editor)
    assert editor.household.household_id == hid and editor.code_edit.text() == page.model.row_data(0).code
    editor.address.setFocus()
    editor.address.selectAll()
    qtbot.keyClicks(editor.address, "So 9")
    assert editor.dirty
    _answer_next_dialog("Cancel")
    editor.reject()
    assert editor.isVisible()
    _answer_next_dialog("Discard changes")
    editor.reject()
    assert not editor.isVisible()
    assert register.load_household(db, hid).address != "So 9"


def test_tab_follows_the_paper_form(page, qtbot):
    editor = _new_editor(page, qtbot)
    order = [editor.code_edit, editor.village, editor.address, editor.area, editor.region, editor.agricultural,
             editor.survey_date, editor.members.table, editor.members.full_name, editor.members.sex,
             editor.members.birth_date, editor.members.id_number]
    for a, b in zip(order, order[1:]):
        assert a.nextInFocusChain() is b or _next_focusable(a) is b, (a.objectName(), b.objectName())
    last_member_field = editor.members.social_protection
    assert _next_focusable(last_member_field) is editor.members.add_button
    assert _next_focusable(editor.members.down_button) is next(iter(editor.quick.criteria.values()))


def _next_focusable(widget: QWidget) -> QWidget:
    w = widget.nextInFocusChain()
    while w is not widget and not (w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(w.window())):
        w = w.nextInFocusChain()
    return w
