"""The Reports page and the Excel import dialog, driven like an officer would
(real widgets, real worker thread, real files read back)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from PySide6.QtCore import QDate, Qt  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402

from desktop_app import reports as writers  # noqa: E402
from desktop_app.services import register as reg  # noqa: E402
from desktop_app.services.classify import classify_round  # noqa: E402
from desktop_app.services.demo import create_demo  # noqa: E402
from desktop_app.ui.reports import ExcelImportDialog, ReportsPage  # noqa: E402
from desktop_app.ui.reports.page import KINDS  # noqa: E402
from test_services_reports import BAD_ROWS, GOOD_ROWS, count_rows, fill_template, pdf_text  # noqa: E402

WAIT_MS = 30_000


@pytest.fixture
def page(qtbot, db):
    create_demo(db, households=100, seed=1, classify=classify_round)
    widget = ReportsPage(db)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_page_lists_rounds_villages_and_reports(page) -> None:
    assert page.title() == "Reports"
    assert page.kinds.count() == len(KINDS)
    assert page.round_combo.currentText() == "Rà soát định kỳ 2026"
    villages = [page.village_combo.itemText(i) for i in range(page.village_combo.count())]
    assert villages[:2] == ["Thôn Đông", "Bản Phiêng"]
    page.kinds.setCurrentRow(KINDS.index("import"))
    assert page.import_button.isVisible() and not page.create_button.isVisible()
    page.kinds.setCurrentRow(KINDS.index("posting_list"))
    assert page.village_combo.itemData(0) is None  # whole commune first


def test_generate_a_village_list_then_open_it(page, qtbot, tmp_path: Path, monkeypatch) -> None:
    page.kinds.setCurrentRow(KINDS.index("village_list"))
    page.village_combo.setCurrentIndex(page.village_combo.findText("Thôn Đông"))
    page.meeting_check.setChecked(True)
    page.meeting_date.setDate(QDate(2026, 11, 15))
    out = tmp_path / "hop-dan-thon-dong.pdf"
    page.output.setText(str(out))
    assert not page.open_button.isEnabled()
    with qtbot.waitSignal(page.report_written, timeout=WAIT_MS) as written:
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert written.args == [str(out)]
    assert page.open_button.isEnabled() and str(out) in page.status.text()
    text = pdf_text(out)
    assert "Thôn Đông" in text and "Xã Tân Tiến" in text and "15/11/2026" in text
    rnd = reg.current_round(page.db)
    listed = [h for h in reg.list_households(page.db, rnd.id, village="Thôn Đông", limit=1000)
              if h.category in ("poor", "near_poor")]
    assert listed and all(h.head_name in text for h in listed)
    opened: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].toLocalFile() == str(out)


def test_household_export_without_id_numbers(page, qtbot, tmp_path: Path) -> None:
    page.kinds.setCurrentRow(KINDS.index("household_list"))
    page.no_ids.setChecked(True)
    out = tmp_path / "ds.xlsx"
    page.output.setText(str(out))
    with qtbot.waitSignal(page.report_written, timeout=WAIT_MS):
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    header_at = next(i for i, r in enumerate(rows) if r and "Mã hộ" in [str(v) for v in r])
    cccd = next(i for i, h in enumerate(rows[header_at]) if h and "CCCD" in str(h))
    assert len(rows) - header_at - 1 == 100 and not any(r[cccd] for r in rows[header_at + 1:])


def test_import_dialog_end_to_end(page, qtbot, tmp_path: Path) -> None:
    writers.write_import_template(tmp_path / "mau.xlsx")
    path = fill_template(tmp_path / "mau.xlsx", tmp_path / "ds.xlsx", GOOD_ROWS + BAD_ROWS)
    page.kinds.setCurrentRow(KINDS.index("import"))
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ExcelImportDialog) and not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS):
        dialog.load_file(path)
    # mapping detected and editable
    assert dialog.combos["full_name"].currentText() == "Họ và tên (*)"
    assert dialog.combos["household_code"].currentText() == "Mã hộ (*)"
    # preview: 2 valid households, 2 rejected and shaded, with their errors
    assert dialog.table.rowCount() == 4
    codes = [dialog.table.item(r, 0).text() for r in range(4)]
    assert codes == ["NK-01", "NK-02", "NK-03", "NK-04"]
    assert dialog.table.item(0, 2).text() == "Nguyễn Thị Lựu"
    bad = dialog.table.item(3, 4)
    assert "Thôn Không Có" in bad.text() and bad.background().color().name().upper() == "#FFD7D7"
    assert dialog.save_rejects.isEnabled() and dialog.import_button.isEnabled()

    # all or nothing: nothing written
    before = count_rows(page.db)
    dialog.all_or_nothing.setChecked(True)
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert count_rows(page.db) == before and "Nothing was imported" in dialog.summary.text()
    report = dialog.save_rejection_report(tmp_path / "loai.xlsx")
    notes = [r[-1] for r in load_workbook(report).worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert len(notes) == 2 and "Ngày sinh" in notes[0]

    # valid rows only: the two valid households are imported and classified
    dialog.valid_only.setChecked(True)
    with qtbot.waitSignal(page.data_changed, timeout=WAIT_MS) as changed:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "households" in changed.args[0]
    assert dialog.outcome.inserted == 2 and dialog.outcome.classified == 2
    assert "Imported 2 households" in dialog.summary.text()
    rnd = reg.current_round(page.db)
    found = {h.code: h for h in reg.list_households(page.db, rnd.id, search="NK-0")}
    assert set(found) == {"NK-01", "NK-02"} and all(h.category for h in found.values())

    # check again with an edited mapping, import again: no duplicates
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.recheck, Qt.MouseButton.LeftButton)
    after = count_rows(page.db)
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.updated == 2 and count_rows(page.db) == after
