"""Excel outputs read back with openpyxl: summary workbook, household list
export (streaming writer) and the import template."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from desktop_app.reports import (
    CommuneSummary, SupportTotals, VillageCounts, samples, write_household_list, write_import_template,
    write_summary_workbook,
)
from desktop_app.reports.import_columns import COLUMNS


@pytest.fixture()
def summary_path(tmp_path: Path) -> Path:
    path = tmp_path / "tong_hop.xlsx"
    write_summary_workbook(path, samples.summary())
    return path


def test_summary_sheets_titles_and_print_setup(summary_path: Path) -> None:
    wb = load_workbook(summary_path)
    assert wb.sheetnames == ["Theo thôn", "Theo nhóm đối tượng", "Chỉ số thiếu hụt", "Nguyên nhân nghèo",
                             "Biến động", "Hỗ trợ"]
    for ws in wb.worksheets:
        assert ws["A1"].value and ws["A1"].font.b
        assert "Xã Thanh Hà" in ws["A2"].value and "22/12/2025" in ws["A2"].value
        assert ws.freeze_panes == "B6"
        assert ws.print_title_rows == "$4:$5"
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "Trang &P/&N" in ws.oddFooter.right.text


def test_summary_village_values_and_formats(summary_path: Path) -> None:
    ws = load_workbook(summary_path)["Theo thôn"]
    assert ws["A1"].value == "TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO THEO THÔN"
    assert [ws.cell(4, c).value for c in (1, 2, 3, 5)] == ["Thôn, tổ dân phố", "Tổng số hộ", "Hộ nghèo",
                                                             "Hộ cận nghèo"]
    assert ws["C5"].value == "Số hộ" and ws["D5"].value == "Tỷ lệ"
    assert "C4:D4" in {str(r) for r in ws.merged_cells.ranges}
    villages = samples.summary().villages
    first = villages[0]
    assert ws["A6"].value == first.village and ws["B6"].value == first.households and ws["C6"].value == first.poor
    assert ws["D6"].value == pytest.approx(first.poor / first.households)
    assert ws["B6"].number_format == "#,##0" and ws["D6"].number_format == "0.0%"
    total_row = 6 + len(villages)
    assert ws.cell(total_row, 1).value == "Tổng cộng" and ws.cell(total_row, 1).font.b
    assert ws.cell(total_row, 2).value == sum(v.households for v in villages)
    assert ws.cell(total_row, 3).value == sum(v.poor for v in villages)


def test_summary_other_sheets(summary_path: Path) -> None:
    wb = load_workbook(summary_path)
    ind = wb["Chỉ số thiếu hụt"]
    assert ind["A6"].value == "Việc làm" and ind["B6"].value == "VL" and ind["C6"].value == "Việc làm"
    assert ind["A17"].value == "Phương tiện phục vụ tiếp cận thông tin"
    assert ind["E6"].number_format == "0.0%"
    causes = wb["Nguyên nhân nghèo"]
    assert causes["A6"].value == "Thiếu vốn sản xuất"
    changes = wb["Biến động"]
    assert changes["B4"].value == "Hộ nghèo" and changes["C5"].value == "Thoát ra"
    support = wb["Hỗ trợ"]
    assert support["A6"].value == "Thẻ bảo hiểm y tế"
    assert support["D4"].value == "Kinh phí theo nguồn (đồng)" and support["D5"].value == "Ngân sách trung ương"
    assert support["D6"].number_format == "#,##0"
    groups = wb["Theo nhóm đối tượng"]
    assert groups["A6"].value == "Hộ dân tộc thiểu số"


def test_summary_zero_base_and_english(tmp_path: Path) -> None:
    data = CommuneSummary(commune=samples.COMMUNE, round_name="Round 2025", report_date=dt.date(2025, 12, 1),
                          villages=[VillageCounts("Thôn Mới", 0)],
                          support=[SupportTotals("Quà của hội phụ nữ", 3, 3, {"Hội phụ nữ xã": 900_000})])
    path = tmp_path / "en.xlsx"
    write_summary_workbook(path, data, lang="en")
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "By village"
    assert wb["By village"]["D6"].value is None  # no rate on a zero base
    support = wb["Support"]
    headers = [support.cell(5, c).value for c in range(1, support.max_column + 1)]
    assert "Hội phụ nữ xã" in headers  # a free-text funding source gets its own column
    assert support["A6"].value == "Quà của hội phụ nữ"


def test_household_list_export(tmp_path: Path) -> None:
    rows = list(samples.export_rows(250))
    rows[0] = dataclasses.replace(rows[0], head_name="Nguyễn Thị Lan & <con>\x01", head_id_number="001179001234",
                                  deprived=["telecom", "employment"], category="poor", official=True)
    path = tmp_path / "ds.xlsx"
    assert write_household_list(path, iter(rows), samples.COMMUNE, "Rà soát định kỳ năm 2025") == 250
    with zipfile.ZipFile(path) as zf:  # every part is well-formed XML
        for name in zf.namelist():
            ElementTree.fromstring(zf.read(name))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Danh sách hộ", "Chú giải"]
    ws = wb["Danh sách hộ"]
    assert ws["A1"].value == "DANH SÁCH HỘ GIA ĐÌNH" and "mỗi dòng một hộ" in ws["A2"].value
    header = [c.value for c in ws[4]]
    assert header[:4] == ["STT", "Mã hộ", "Họ và tên chủ hộ", "Thôn"]
    assert ws.freeze_panes == "D5" and ws.print_title_rows == "$4:$4"
    assert ws.auto_filter.ref == "A4:X254"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    first = {h: c.value for h, c in zip(header, ws[5])}
    assert first["STT"] == 1 and first["Mã hộ"] == "H000001"
    assert first["Họ và tên chủ hộ"] == "Nguyễn Thị Lan & <con>"  # escaped, control character dropped
    assert first["Số CCCD"] == "001179001234"  # text: leading zeros kept
    assert first["Loại hộ"] == "Hộ nghèo" and first["Tình trạng phân loại"] == "Chính thức"
    assert first["Chỉ số thiếu hụt"] == "VL, VT"
    assert first["Ngày rà soát"] == dt.datetime(2025, 10, 1)
    cells = {h: c for h, c in zip(header, ws[5])}
    assert cells["Ngày rà soát"].number_format == "DD/MM/YYYY"
    assert cells["Thu nhập bình quân (đồng/người/tháng)"].number_format == "#,##0"
    assert isinstance(first["Thu nhập bình quân (đồng/người/tháng)"], int)
    assert ws.max_row == 254
    legend = wb["Chú giải"]
    assert legend["A4"].value == "VL" and legend["B4"].value == "Việc làm"


def test_household_list_english_and_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    assert write_household_list(path, [], samples.COMMUNE, lang="en") == 0
    ws = load_workbook(path)["Households"]
    assert ws["C4"].value == "Head of household" and ws.max_row == 4


def test_import_template(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    write_import_template(path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Danh sách thành viên", "Giá trị", "Hướng dẫn"]
    ws = wb["Danh sách thành viên"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["Mã hộ (*)", "Thôn, tổ dân phố (*)", "Địa chỉ", "Họ và tên (*)"]
    assert len(headers) == len(COLUMNS)
    id_col = headers.index("Số CCCD") + 1
    from openpyxl.utils import get_column_letter
    assert ws.column_dimensions[get_column_letter(id_col)].number_format == "@"
    assert ws.freeze_panes == "E2"
    validations = ws.data_validations.dataValidation
    assert any("Giá trị" in (dv.formula1 or "") for dv in validations)
    values = wb["Giá trị"]
    assert "Chủ hộ" in [c.value for c in values[get_column_letter(1)]]
    help_ws = wb["Hướng dẫn"]
    assert "Mỗi dòng là một thành viên" in help_ws["A2"].value
    texts = [help_ws.cell(r, 3).value or "" for r in range(5, 5 + len(COLUMNS))]
    assert any("12 chữ số" in x for x in texts) and any("dd/mm/yyyy" in x for x in texts)
