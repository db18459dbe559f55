"""The review page driven through its real widgets: a round from the list to
the decision, certificates and the report, with the keyboard where it matters."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from desktop_app.services import review as rv  # noqa: E402
from desktop_app.services.accounts import Actor  # noqa: E402
from desktop_app.services.classify import classify_round  # noqa: E402
from desktop_app.services.demo import create_demo  # noqa: E402
from desktop_app.storage.models import AuditLogRow  # noqa: E402
from desktop_app.ui.review import ReviewPage  # noqa: E402
from desktop_app.ui.review.common import set_date  # noqa: E402
from desktop_app.ui.review.posting import ComplaintDialog, RecheckDialog  # noqa: E402

OFFICER = Actor("u1", "canbo", "officer", "Cán bộ Lan")
SHOTS = Path(os.environ.get("CPR_SCREENSHOTS", "")) if os.environ.get("CPR_SCREENSHOTS") else None


@pytest.fixture
def page(qtbot, db):
    create_demo(db, households=60, seed=3, classify=classify_round)
    widget = ReviewPage(db, OFFICER)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def shot(widget, name: str, tmp_path: Path) -> None:
    """Render offscreen (kept under $CPR_SCREENSHOTS when set, to look at)."""
    QApplication.processEvents()
    folder = SHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / f"review-{name}.png"))


def on_next_modal(handler, delay: int = 50) -> None:
    """Run ``handler(widget)`` on the next modal dialog or message box."""
    def run() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(delay, run)
            return
        handler(widget)
    QTimer.singleShot(delay, run)


def type_text(edit, text: str) -> None:
    """Type Vietnamese text as an input method does (QTest only types ASCII)."""
    edit.setFocus()
    edit.insert(text)


def audit_count(db) -> int:
    from sqlalchemy import func, select

    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditLogRow))


def test_a_round_through_to_the_decision_in_the_widgets(qtbot, page, db, tmp_path):
    stepper = page.stepper
    assert page.status.current == "list"
    assert "Chưa chốt danh sách" in stepper.item(0).text()
    shot(page, "1-list", tmp_path)
    qtbot.mouseClick(page.panels[0].confirm_button, Qt.MouseButton.LeftButton)
    assert page.status.current == "meeting"
    assert not page.panels[0].confirm_button.isEnabled()

    # keyboard: from step 3 down to step 4 in the stepper shows the meeting form
    stepper.setFocus()
    stepper.setCurrentRow(2)
    qtbot.keyClick(stepper, Qt.Key.Key_Down)
    assert page.stack.currentWidget() is page.panels[1]
    meeting = page.panels[1]
    villages = [meeting.village.itemData(i) for i in range(meeting.village.count())]
    assert len(villages) >= 2
    first_code = None
    for i, _vid in enumerate(villages):
        meeting.village.setCurrentIndex(meeting.village.findData(_vid))
        set_date(meeting.date, dt.date(2025, 11, 20))
        meeting.chair.clear()
        type_text(meeting.chair, "Trưởng thôn")
        meeting.attendance.setValue(30 + i)
        if i == 0:
            first_code = meeting.view.item(0, 0).text()
            meeting.set_outcome(first_code, "disputed", "Hộ mới mua xe máy")
        qtbot.mouseClick(meeting.save_button, Qt.MouseButton.LeftButton)
        if i == 0:
            shot(page, "2-meeting", tmp_path)
    assert page.status.current == "posting"
    assert page.status.remains == ("1 hộ có ý kiến khác tại họp dân chưa phúc tra", "Chưa niêm yết công khai") \
        or "Chưa niêm yết công khai" in page.status.remains

    posting = page.stack.widget(2)
    page.stepper.select_step("posting")
    assert page.stack.currentWidget() is posting
    set_date(posting.start, dt.date(2025, 11, 21))  # a Friday: 3 working days end on Tuesday
    assert posting.end.date().toPython() == dt.date(2025, 11, 25)
    type_text(posting.place, "Nhà văn hóa thôn")
    qtbot.mouseClick(posting.save_button, Qt.MouseButton.LeftButton)
    assert page.facts.posting is not None and page.facts.posting.place == "Nhà văn hóa thôn"

    def complain(dialog) -> None:
        assert isinstance(dialog, ComplaintDialog)
        dialog.household.setCurrentIndex(1)
        set_date(dialog.date, dt.date(2025, 11, 24))
        dialog.complainant.setText("Ông Ba")
        dialog.content.setPlainText("Hộ có con đi làm xa gửi tiền về")
        dialog.accept()
    on_next_modal(complain)
    qtbot.mouseClick(posting.add_button, Qt.MouseButton.LeftButton)
    assert len(page.facts.complaints) == 2
    assert page.status.remains[-1] == "1 khiếu nại chưa phúc tra"
    shot(page, "3-posting", tmp_path)

    for row in range(posting.view.rowCount()):
        posting.view.selectRow(row)

        def recheck(dialog, row=row) -> None:
            assert isinstance(dialog, RecheckDialog)
            set_date(dialog.date, dt.date(2025, 11, 26))
            dialog.by.setText("Tổ phúc tra")
            if row == 1:
                dialog.changed.setChecked(True)
                dialog.category.setCurrentIndex(dialog.category.findData("middle"))
                dialog.reason.setText("Thu nhập trên chuẩn cận nghèo")
            dialog.accept()
        on_next_modal(recheck)
        qtbot.mouseClick(posting.recheck_button, Qt.MouseButton.LeftButton)
    assert all(c.resolved for c in page.facts.complaints)
    assert page.status.current == "decision"

    decision = page.stack.widget(3)
    page.stepper.select_step("decision")
    type_text(decision.number, "12/QĐ-UBND")
    type_text(decision.signer, "Nguyễn Văn Chủ")
    assert decision.date.date().toPython() == dt.date(2025, 11, 26)  # the last re-check
    set_date(decision.date, dt.date(2025, 11, 24))  # before the re-checks: refused
    shot(page, "4-decision-form", tmp_path)
    before = audit_count(db)
    seen: list[str] = []

    def confirm_then_close_error(box) -> None:
        seen.append(box.text())
        on_next_modal(lambda err: (seen.append(err.text()), err.done(0)))
        yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
        yes.click()
    on_next_modal(confirm_then_close_error)
    qtbot.mouseClick(decision.decide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "Rà soát định kỳ 2026" in seen[0]
    assert "trước một lần phúc tra" in seen[1]
    assert audit_count(db) == before and page.facts.decision is None

    set_date(decision.date, dt.date(2025, 11, 28))

    def look_and_confirm(box) -> None:
        shot(box, "4b-confirm", tmp_path)
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()
    on_next_modal(look_and_confirm)
    qtbot.mouseClick(decision.decide_button, Qt.MouseButton.LeftButton)
    assert page.facts.decision is not None and page.facts.decision.number == "12/QĐ-UBND"
    official = {e.code: e for e in rv.official_list(db)}
    assert len(official) == decision.official.rowCount() == len(page.facts.households)
    changed = page.facts.households[1].code
    assert official[changed].category == "middle" and official[changed].source == "recheck"
    assert official[first_code].source == "proposed"  # disputed, the re-check kept the proposal
    assert official[page.facts.households[2].code].source == "meeting"  # agreed at its meeting
    assert not decision.report_button.isEnabled()  # certificates first

    row = next(r for r in range(decision.official.rowCount())
               if decision.official.item(r, 2).text() in ("Hộ nghèo", "Hộ cận nghèo"))
    decision.official.item(row, 4).setText("GCN-01")  # as the user edits a cell
    assert "GCN-01" in {e.certificate_number for e in rv.official_list(db)}
    qtbot.mouseClick(decision.number_button, Qt.MouseButton.LeftButton)
    assert not page.facts.missing_certificates()
    assert decision.report_button.isEnabled()
    qtbot.mouseClick(decision.report_button, Qt.MouseButton.LeftButton)
    assert page.status.current is None
    assert all(s.state == "done" for s in page.status.steps)
    assert decision.no_transitions.text()  # first decided round: nothing to compare with
    shot(page, "5-decided", tmp_path)


def test_page_title_and_refresh_only_on_review_changes(qtbot, page, db):
    from desktop_app.services import Changes

    assert page.title() == "Review"
    rv.confirm_list(db)
    page.refresh(Changes.of("settings"))
    assert page.status.current == "list"  # not reloaded for a kind it does not show
    page.refresh(Changes.of("review"))
    assert page.status.current == "meeting"


def test_empty_register_shows_the_reason(qtbot, db):
    widget = ReviewPage(db)
    qtbot.addWidget(widget)
    assert "Chưa có đợt rà soát" in widget.message.text()


def test_a_viewer_is_told_and_nothing_changes(qtbot, db):
    create_demo(db, households=30, seed=2, classify=classify_round)
    widget = ReviewPage(db, Actor("u2", "xem", "viewer"))
    qtbot.addWidget(widget)
    seen: list[str] = []
    on_next_modal(lambda box: (seen.append(box.text()), box.done(0)))
    qtbot.mouseClick(widget.panels[0].confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert "xem" in seen[0] and "ghi các bước rà soát" in seen[0]
    assert widget.status.current == "list" and rv.round_facts(db).list_mark is None
