"""The support screens driven through real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as _dt  # noqa: E402

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QDate, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWizard  # noqa: E402

from desktop_app.services import support  # noqa: E402
from desktop_app.ui.support import EligibilityHints, HouseholdSupportTimeline, SupportPage  # noqa: E402
from test_support_build import build, count_rows  # noqa: E402


@pytest.fixture
def page(qtbot, db):
    build(db)
    widget = SupportPage(db)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def choose(combo, data) -> None:
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)


def test_page_title_and_empty_ledger(page):
    assert page.title() == "Support"
    assert page.ledger.model.rowCount() == 0
    assert not page.edit_button.isEnabled()


def test_record_support_through_the_dialog(qtbot, page, db, tmp_path):
    dialog = page.record_dialog()
    qtbot.addWidget(dialog)
    choose(dialog.household, "h1")
    choose(dialog.member, "h1-b")
    choose(dialog.programme, "policy_credit")
    assert dialog.term.isEnabled() and dialog.source.currentData() == "social_policy_bank"
    dialog.date.setDate(QDate(2026, 3, 1))
    qtbot.keyClicks(dialog.amount, "30.000.000")
    dialog.term.setValue(36)
    dialog.purpose.setText("Nuôi bò")  # QTest types ASCII only
    dialog.note.setPlainText("Vay 3 năm")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    page.refresh(dialog.changes)
    choose(page.ledger.year, 2026)
    rows = page.ledger.model.rows
    assert len(rows) == 1
    e = rows[0]
    assert (e.household_id, e.member_id, e.amount_vnd, e.term_months, e.purpose, e.note) == (
        "h1", "h1-b", 30_000_000, 36, "Nuôi bò", "Vay 3 năm")
    assert page.ledger.model.index(0, 6).data() == "30.000.000"
    assert "30.000.000" in page.ledger.total.text()
    # edit it in the same dialog
    page.ledger.table.selectRow(0)
    assert page.edit_button.isEnabled()
    edit = page.record_dialog(page.ledger.selected())
    qtbot.addWidget(edit)
    assert edit.amount.text() == "30000000" and not edit.household.isEnabled()
    edit.amount.setText("25000000")
    qtbot.mouseClick(edit.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    page.refresh(edit.changes)
    assert support.list_support(db)[0].amount_vnd == 25_000_000
    # export what the ledger shows
    path = page.export_to(tmp_path / "ledger.xlsx")
    assert openpyxl.load_workbook(path).active["H5"].value == 25_000_000


def test_dialog_refuses_bad_input_and_stays_open(qtbot, page, db):
    before = (count_rows(db, "support_record"), count_rows(db, "audit_log"))
    dialog = page.record_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.household, "h2")
    choose(dialog.programme, "holiday_gift")
    qtbot.keyClicks(dialog.amount, "-500000")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "không được âm" in dialog.error.text()
    assert (count_rows(db, "support_record"), count_rows(db, "audit_log")) == before
    dialog.amount.setText("500000")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert count_rows(db, "support_record") == before[0] + 1


def test_dialog_future_date_is_impossible(qtbot, page):
    dialog = page.record_dialog()
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate.currentDate().addDays(5))
    assert dialog.date.date() == QDate.currentDate()  # the date editor stops at today


def test_bulk_wizard_end_to_end(qtbot, page, db):
    wizard = page.bulk_wizard()
    qtbot.addWidget(wizard)
    wizard.show()
    choose(wizard.rule_page.rule, "health_insurance_uninsured")
    wizard.rule_page.date.setDate(QDate(2026, 2, 1))
    wizard.next()
    preview = wizard.preview_page
    assert preview.table.rowCount() == 2
    assert {preview.table.item(r, 3).text() for r in range(2)} == {"Trần Thị Bình", "Lê Thị Dung"}
    assert preview.counts.text().startswith("2 selected of 2: 2 households, 2 people.")
    assert count_rows(db, "support_record") == 0
    preview.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    assert preview.counts.text().startswith("1 selected of 2")
    preview.table.item(1, 0).setCheckState(Qt.CheckState.Checked)
    wizard.next()
    assert "2 targets" in wizard.confirm_page.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == wizard.DialogCode.Accepted
    assert wizard.changes.count == 2
    page.refresh(wizard.changes)
    choose(page.ledger.year, 2026)
    assert {e.member_id for e in page.ledger.model.rows} == {"h1-b", "h2-a"}
    # running it again finds nobody and cannot go on
    again = page.bulk_wizard()
    qtbot.addWidget(again)
    again.show()
    choose(again.rule_page.rule, "health_insurance_uninsured")
    again.rule_page.date.setDate(QDate(2026, 2, 1))
    again.next()
    assert again.preview_page.table.rowCount() == 0 and not again.preview_page.isComplete()
    assert "Nobody to record" in again.preview_page.counts.text()


def test_bulk_wizard_bad_amount_is_shown(qtbot, page, db):
    wizard = page.bulk_wizard()
    qtbot.addWidget(wizard)
    wizard.show()
    choose(wizard.rule_page.rule, "tet_gift_poor")
    wizard.rule_page.amount.setText("-1")
    wizard.next()
    assert wizard.preview_page.problem.isVisible() and "âm" in wizard.preview_page.problem.text()
    assert not wizard.preview_page.isComplete()
    assert count_rows(db, "support_record") == 0


def click_in_next_message_box(role: QMessageBox.ButtonRole) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        for button in box.buttons():
            if box.buttonRole(button) == role:
                button.click()
                return
    QTimer.singleShot(50, click)


def test_delete_asks_first(qtbot, page, db):
    rid = support.record_support(db, household_id="h3", programme="holiday_gift", date="2026-01-20").id
    page.refresh(support.Changes.of("support"))
    choose(page.ledger.year, 2026)
    page.ledger.table.selectRow(0)
    click_in_next_message_box(QMessageBox.ButtonRole.RejectRole)
    page.delete_record()
    assert len(support.list_support(db)) == 1  # cancelled
    click_in_next_message_box(QMessageBox.ButtonRole.DestructiveRole)
    page.delete_record()
    assert support.list_support(db) == []
    assert page.ledger.model.rowCount() == 0
    assert count_rows(db, "support_record") == 1 and rid


def test_coverage_tab_shows_targets_values_and_charts(qtbot, page, db):
    support.record_support(db, household_id="h3", programme="housing", date="2026-04-01", amount_vnd=40_000_000)
    page.refresh(support.Changes.of("support"))
    page.tabs.setCurrentIndex(1)
    view = page.coverage
    labels = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert labels[0] == "Người thuộc hộ nghèo, hộ cận nghèo có thẻ bảo hiểm y tế"
    row = labels.index("Hộ nghèo thiếu hụt về nhà ở đã được hỗ trợ nhà ở")
    assert [view.table.item(row, c).text() for c in (1, 2, 3, 4)] == ["1 / 2", "50,0%", "100,0%", "50,0%"]
    assert view.programme_chart.rows()[0][0] == "Hỗ trợ nhà ở (xây mới, sửa chữa, xóa nhà tạm)"
    assert view.source_chart.rows()[0][0] == "Ngân sách trung ương"
    choose(view.scope, page.coverage.coverage.figures[-1].scope)
    assert view.table.rowCount() == 6


def test_household_widgets(qtbot, db):
    build(db)
    support.record_support(db, household_id="h1", programme="holiday_gift", date="2025-01-20", amount_vnd=500_000)
    support.record_support(db, household_id="h1", member_id="h1-c", programme="tuition", date="2026-09-05")
    timeline = HouseholdSupportTimeline(db, "h1")
    qtbot.addWidget(timeline)
    assert timeline.count() == 2
    assert timeline.tree.topLevelItem(0).text(0) == "2026"
    assert timeline.tree.topLevelItem(1).child(0).text(3) == "500.000 đ"
    timeline.set_household("h5")
    assert timeline.count() == 0 and not timeline.empty.isHidden()
    hints = EligibilityHints(db, "h5")
    qtbot.addWidget(hints)
    assert [h.programme for h in hints.hints] == ["health_insurance"]
    assert "Thẻ bảo hiểm y tế" in hints.labels[0].text()
    support.record_support(db, household_id="h5", programme="health_insurance", date=_dt.date.today())
    hints.refresh(support.Changes.of("support"))
    assert hints.hints == [] and not hints.empty.isHidden()


def test_screens_render(qtbot, page, db, tmp_path):
    """Render each tab offscreen (the PNGs are looked at during development)."""
    for i in range(3):
        page.tabs.setCurrentIndex(i)
        image = page.grab()
        assert not image.isNull() and image.width() >= 1000
        assert image.save(str(tmp_path / f"support-{i}.png"))
