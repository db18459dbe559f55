"""The Excel support ledger, read back with openpyxl."""

from __future__ import annotations

import datetime as _dt

import openpyxl
import pytest

from desktop_app.services import support
from desktop_app.support.ledger_excel import ExportFailed, write_ledger
from test_support_build import build


@pytest.fixture
def ledger(db):
    build(db)
    support.record_support(db, household_id="h1", programme="policy_credit", date="2026-03-01",
                           amount_vnd=30_000_000, term_months=36, purpose="Nuôi bò")
    support.record_support(db, household_id="h1", member_id="h1-c", programme="tuition", date="2026-09-05",
                           amount_vnd=1_200_000, note="Học kỳ I")
    support.record_support(db, household_id="h3", programme="holiday_gift", date="2026-01-20", amount_vnd=500_000,
                           source="fund_for_the_poor")
    support.record_support(db, household_id="h2", programme="health_insurance", date="2025-02-01")
    return support.list_support(db, year=2026)


def test_ledger_workbook_layout_and_values(tmp_path, ledger):
    path = write_ledger(tmp_path / "out" / "so-ho-tro.xlsx", ledger, commune="Xã Thử Nghiệm", year=2026)
    wb = openpyxl.load_workbook(path)
    ws = wb["Sổ hỗ trợ"]
    assert ws["A1"].value == "SỔ THEO DÕI HỖ TRỢ HỘ NGHÈO, HỘ CẬN NGHÈO"
    assert ws["A2"].value == "Xã Thử Nghiệm - năm 2026"
    header = [c.value for c in ws[4]]
    assert header[:8] == ["STT", "Ngày", "Mã hộ", "Chủ hộ", "Thôn/tổ", "Người nhận", "Chương trình",
                          "Số tiền (đồng)"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=5, max_row=7)]
    assert [r[2] for r in rows] == ["H3", "H1", "H1"]  # by date
    assert rows[0][1] == _dt.datetime(2026, 1, 20)
    assert rows[1][6] == "Vay vốn tín dụng chính sách" and rows[1][7] == 30_000_000
    assert rows[1][11] == 36 and rows[1][12] == "Nuôi bò"
    assert rows[2][5] == "Nguyễn Văn Cường" and rows[0][5] == "Cả hộ"
    assert rows[0][10] == "Quỹ Vì người nghèo"
    assert ws["H5"].number_format == "#,##0" and ws["B5"].number_format == "DD/MM/YYYY"
    assert ws["B8"].value == "Tổng cộng" and ws["H8"].value == "=SUM(H5:H7)"
    assert ws["H8"].number_format == "#,##0"
    assert ws.freeze_panes == "D5"
    assert ws.auto_filter.ref == "A4:O7"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$4:$4"
    totals = wb["Tổng hợp"]
    values = [[c.value for c in r] for r in totals.iter_rows(min_row=3, max_row=6)]
    assert values[1] == ["Vay vốn tín dụng chính sách", 1, 30_000_000]
    assert not list(tmp_path.joinpath("out").glob(".*.tmp"))  # atomic: no temporary file left


def test_ledger_in_english_and_empty(tmp_path, db):
    path = write_ledger(tmp_path / "empty.xlsx", [], commune="X", year=None, lang="en")
    ws = openpyxl.load_workbook(path)["Support ledger"]
    assert ws["A2"].value == "X - all years" and ws["A4"].value == "No."
    assert ws["H5"].value == 0


def test_unwritable_target_is_a_typed_error(tmp_path, ledger):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportFailed):
        write_ledger(blocker / "sub" / "x.xlsx", ledger, commune="X", year=2026)
