"""The household register page on a demo commune, driven like an officer would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402
from sqlalchemy import select  # noqa: E402

from desktop_app.domain.text import fold  # noqa: E402
from desktop_app.services import register  # noqa: E402
from desktop_app.services.classify import classify_round  # noqa: E402
from desktop_app.services.demo import create_demo  # noqa: E402
from desktop_app.storage.models import INDICATOR_BIT, ClassificationRow, HouseholdRow, MemberRow  # noqa: E402
from desktop_app.ui.register import RegisterPage  # noqa: E402


@pytest.fixture
def page(qtbot, db):
    demo = create_demo(db, households=160, seed=1, classify=classify_round)
    widget = RegisterPage(db)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.demo = demo
    return widget


def _live_households(db, member=None, classification=None) -> set[str]:
    """Household ids counted straight from the tables."""
    with db.session() as s:
        ids = set(s.scalars(select(HouseholdRow.id).where(HouseholdRow.deleted.is_(False))))
        if member is not None:
            ids &= {m.household_id for m in s.scalars(select(MemberRow).where(MemberRow.deleted.is_(False)))
                    if member(m)}
        if classification is not None:
            ids &= {c.household_id for c in s.scalars(select(ClassificationRow)) if classification(c)}
    return ids


def _shown(page) -> list[str]:
    return [page.model.household_id(r) for r in range(page.model.rowCount())]


def _answer_next_dialog(qtbot, button_text: str) -> None:
    """Click ``button_text`` in the next modal message box."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")
    QTimer.singleShot(20, click)


def test_opens_with_every_household_and_lazy_rows(page, db):
    model = page.model
    assert model.rowCount() == 160 == len(_live_households(db))
    assert page.count.text().startswith("160")
    assert len(model.cache) <= 200  # only the rows on screen were read
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[:3] == ["Code", "Head of household", "Village"]
    categories = {model.data(model.index(r, 4)) for r in range(model.rowCount())}
    assert "Hộ nghèo (đề xuất)" in categories


@pytest.mark.parametrize("with_index", [False, True])
def test_search_as_you_type_is_accent_insensitive(page, qtbot, db, with_index):
    if with_index:
        page.model.build_index(wait=True)
        assert page.model.search_index is not None
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "nguyen")
    qtbot.waitUntil(lambda: page.model.search == "nguyen", timeout=2000)
    expected = _live_households(db, member=lambda m: "nguyen" in fold(m.full_name))
    assert expected and set(_shown(page)) == expected
    assert page.model.rowCount() == register.count_households(db, page.demo.round_id, search="nguyen")
    head = page.model.data(page.model.index(0, 1))
    assert head is not None
    # accents typed: the same households
    page.search.clear()
    page.search.insert("Nguyễn")  # as a Vietnamese input method commits it (QTest types ASCII only)
    qtbot.waitUntil(lambda: page.model.search == "Nguyễn", timeout=2000)
    assert set(_shown(page)) == expected
    # Enter moves to the list, on the first household
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0


def test_each_filter_narrows_like_a_direct_count(page, qtbot, db):
    everything = set(_shown(page))
    # village: the keyboard picks the first village
    page.village.setFocus()
    qtbot.keyClick(page.village, Qt.Key.Key_Down)
    village_id = page.village.currentData()
    with db.session() as s:
        in_village = set(s.scalars(select(HouseholdRow.id).where(HouseholdRow.village_id == village_id)))
    assert set(_shown(page)) == in_village and 0 < len(in_village) < len(everything)
    page.clear_filters()
    assert set(_shown(page)) == everything

    page.category.setCurrentIndex(page.category.findData("poor"))
    page.category.activated.emit(page.category.currentIndex())
    poor = _live_households(db, classification=lambda c: c.category == "poor")
    assert set(_shown(page)) == poor and poor
    page.clear_filters()

    page.deprivation.setCurrentIndex(page.deprivation.findData("latrine"))
    page.deprivation.activated.emit(page.deprivation.currentIndex())
    bit = INDICATOR_BIT["latrine"]
    assert set(_shown(page)) == _live_households(db, classification=lambda c: c.deprived_mask & bit)
    page.clear_filters()

    checks = ((page.minority, lambda m: m.ethnicity is not None and m.ethnicity != "Kinh"),
              (page.meritorious, lambda m: m.meritorious is True),
              (page.social, lambda m: m.social_protection is True))
    for box, rule in checks:
        box.setChecked(True)
        assert set(_shown(page)) == _live_households(db, member=rule), box.text()
        box.setChecked(False)
    assert set(_shown(page)) == everything


def test_sorting_by_clicking_headers(page, qtbot):
    model = page.model
    page.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # score B
    scores = [model.data(model.index(r, 6)) for r in range(model.rowCount())]
    numbers = [int(s) for s in scores if s]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] >= 30
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # head
    heads = [fold(model.data(model.index(r, 1))) for r in range(model.rowCount())]
    assert heads == sorted(heads)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(3) + 5, 5))
    assert model.sort_key == "members"


def test_delete_asks_then_tombstones(page, qtbot, db):
    model = page.model
    page.table.setFocus()
    page.table.selectRow(2)
    hid = page.selected_id()
    _answer_next_dialog(qtbot, "Cancel")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert model.rowCount() == 160 and hid in _shown(page)
    _answer_next_dialog(qtbot, "Delete the household")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert model.rowCount() == 159 and hid not in _shown(page)
    with db.session() as s:
        assert s.get(HouseholdRow, hid).deleted is True


def test_enter_opens_the_household_and_ctrl_n_a_new_one(page, qtbot):
    page.table.setFocus()
    page.table.selectRow(0)
    hid = page.selected_id()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    assert editor.household.household_id == hid and not editor.new
    editor.reject()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor is not editor and page.editor.new
    assert len(page.editor.members.members) == 1 and page.editor.members.members[0].relation == "head"
    page.editor.reject()



def test_viewer_account_cannot_change(qtbot, db):
    from desktop_app.services.accounts import VIEWER, Actor

    create_demo(db, households=20, seed=1, classify=classify_round)
    widget = RegisterPage(db, Actor(None, "xem", VIEWER, "Người xem"))
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.new_button.isEnabled() and not widget.delete_button.isEnabled()
    qtbot.keyClick(widget.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert widget.editor is None
    widget.table.selectRow(0)
    qtbot.keyClick(widget.table, Qt.Key.Key_Delete)  # no confirmation, nothing deleted
    assert widget.model.rowCount() == 20
    widget.open_household(widget.selected_id())
    assert widget.editor is not None and not widget.editor.save_button.isEnabled()
    assert widget.editor.save() is False
    widget.editor.reject()


def _gui_strings() -> set[tuple[str, str]]:
    """(class, source) of every tr() string of the register and editor packages."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "desktop_app" / "ui"
    found: set[tuple[str, str]] = set()
    for path in [*root.glob("register/*.py"), *root.glob("household/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr" \
                        and node.args and isinstance(node.args[0], ast.Constant):
                    found.add((cls.name, node.args[0].value))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "translate" and len(node.args) == 2 \
                    and all(isinstance(a, ast.Constant) for a in node.args):
                found.add((node.args[0].value, node.args[1].value))
    return found
