"""Import of a household list from Excel: validation, rejection report,
mapping, deterministic ids."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.domain.record import parse_record
from desktop_app.errors import ValidationError
from desktop_app.reports import read_household_workbook, samples, write_import_template, write_rejection_report
from desktop_app.reports.excel_import import household_id
from desktop_app.reports.import_columns import record_rows

VILLAGES = ["Thôn Đông", "Thôn Tây"]
TODAY = dt.date(2025, 12, 31)
HEADERS = ["STT", "MÃ HỘ", "Thon", "Ho va ten", "Quan he voi chu ho", "Giới tính", "Ngày sinh (dd/mm/yyyy)",
           "Số CCCD", "Dân tộc", "Ngày rà soát", "Điểm A"]
# fmt: off
ROWS = [  # first data row is sheet row 4
    [1, "H01", "Thôn Đông", "Nguyễn Thị Lan", "Chủ hộ", "Nữ", "12/04/1979", "035179001234", "Kinh", "20/10/2025", 131],
    [None, None, None, "Trần Văn Dũng", "Chồng", "Nam", 1975, 35075004321, "Kinh"],           # continuation
    [None, None, None, "Trần Thị Ánh", "Con", "nu", dt.datetime(2010, 9, 1), None, "Kinh"],     # Excel date
    [2, "H02", "Thôn Tây", "Lê Văn Bình", "Chủ hộ", "Nam", "31/02/1980", "035180001111", "Kinh"],  # row 7: bad date
    [3, "H03", "Thôn Tây", "Phạm Thị Hoa", "Chủ hộ", "Nữ", "1990", "03517900123", "Tày"],        # row 8: 11 digits
    [4, "H04", "Thôn Tây", "Hoàng Văn Tú", "Chủ hộ", "Nam", "1985", "035185002222", "Kinh"],     # row 9: duplicate ID
    [5, "H05", "Thôn Tây", "Vũ Thị Yến", "Chủ hộ", "Nữ", "1987", "035185002222", "Kinh"],        # row 10: duplicate ID
    [6, "H06", "Thôn Bắc", "Đinh Văn Lực", "Chủ hộ", "Nam", "1970", None, "Mường"],              # row 11: village
    [7, "H07", "Thôn Đông", "Đỗ Văn Nam", "Chủ hộ", "Nam", "1960-05-05", "035060000001", "Kinh"],  # row 12: 2 heads
    [None, "H07", "Thôn Đông", "Đỗ Thị Mai", "Chủ hộ", "Nữ", "1962", "035162000002", "Kinh"],    # row 13
    [8, "H08", "đông", "Bùi Văn Khoa", "Chủ hộ", "Nam", "1955-01-30", None, "Kinh"],              # row 14: valid
    [9, "H09", "Thôn Tây", "Lý Thị Mỹ", "Con", "Nữ", "2001", None, "Kinh"],                       # row 15: no head
]
# fmt: on


def make_file(path: Path, rows: list[list] = ROWS, headers: list[str] = HEADERS) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2025"])
    ws.append([])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    return make_file(tmp_path / "ds_loi.xlsx")


def read(path: Path, **kw):
    kw.setdefault("known_villages", VILLAGES)
    kw.setdefault("commune_code", "22246")
    return read_household_workbook(path, today=TODAY, **kw)


def test_valid_rows_accepted(broken: Path) -> None:
    result = read(broken)
    assert result.sheet == "Danh sách" and result.header_row == 3
    assert result.columns["full_name"] == "Ho va ten" and result.columns["birth_date"] == "Ngày sinh (dd/mm/yyyy)"
    assert result.rows_read == 12 and result.households_read == 9
    assert [r["household_code"] for r in result.records] == ["H01", "H08"]
    lan = result.records[0]
    assert lan["village"] == "Thôn Đông" and lan["commune_code"] == "22246"
    names = [m["full_name"] for m in lan["members"]]
    assert names == ["Nguyễn Thị Lan", "Trần Văn Dũng", "Trần Thị Ánh"]
    head, husband, child = lan["members"]
    assert head["relation"] == "head" and head["birth_date"] == "1979-04-12" and head["id_number"] == "035179001234"
    assert husband["relation"] == "spouse" and husband["birth_date"] == "1975"
    assert husband["id_number"] == "035075004321"  # Excel dropped the leading zero; put back
    assert child["sex"] == "female" and child["birth_date"] == "2010-09-01" and "id_number" not in child
    assert lan["survey"]["date"] == "2025-10-20" and lan["survey"]["score_a"] == 131
    assert result.records[1]["village"] == "Thôn Đông"  # "đông" matched accent-insensitively
    for record in result.records:
        parse_record(record)  # valid household-record/1


def test_row_errors_name_row_column_value_and_problem(broken: Path) -> None:
    result = read(broken)
    assert not result.ok
    assert sorted(result.rejected) == ["H02", "H03", "H04", "H05", "H06", "H07", "H09"]
    by_row = {}
    for e in result.errors:
        assert e.sheet == "Danh sách"
        by_row.setdefault(e.row, []).append(e)
    (bad_date,) = by_row[7]
    assert (bad_date.column, bad_date.value) == ("Ngày sinh (dd/mm/yyyy)", "31/02/1980")
    assert "ngày không hợp lệ" in bad_date.problem
    (short_id,) = by_row[8]
    assert (short_id.column, short_id.value) == ("Số CCCD", "03517900123")
    assert "12 chữ số" in short_id.problem and "11" in short_id.problem
    assert "trùng với dòng 10" in by_row[9][0].problem and "trùng với dòng 9" in by_row[10][0].problem
    (village,) = by_row[11]
    assert (village.column, village.value) == ("Thon", "Thôn Bắc") and "Thôn Đông, Thôn Tây" in village.problem
    assert all("2 chủ hộ" in e.problem and "12, 13" in e.problem for e in by_row[12] + by_row[13])
    (no_head,) = by_row[15]
    assert no_head.column == "Quan he voi chu ho" and "chưa có chủ hộ" in no_head.problem
    assert set(by_row) == {7, 8, 9, 10, 11, 12, 13, 15}
    assert bad_date.text.startswith("Dòng 7, cột «Ngày sinh (dd/mm/yyyy)» («31/02/1980»): ")


def test_rejection_report_then_fix_and_reimport(broken: Path, tmp_path: Path) -> None:
    result = read(broken)
    report = tmp_path / "ds_loi_can_sua.xlsx"
    write_rejection_report(result, report)
    wb = load_workbook(report)
    ws = wb["Danh sách"]
    header = [c.value for c in ws[1]]
    assert header == HEADERS + ["Dòng trong tệp gốc", "Lỗi"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[-2] for r in rows] == [7, 8, 9, 10, 11, 12, 13, 15]
    errors = {r[-2]: r[-1] for r in rows}
    assert "Ngày sinh (dd/mm/yyyy): ngày không hợp lệ" in errors[7]
    assert "12 chữ số" in errors[8] and "trùng" in errors[9] and "Thôn Đông" in errors[11]
    assert rows[1][7] == "03517900123"  # the value as found, for the officer to fix
    assert ws.cell(2, 7).fill.fgColor.rgb.endswith("FFD7D7")  # the bad cell is shaded
    listing = wb["Danh sách lỗi"]
    assert [c.value for c in listing[1]] == ["Dòng", "Cột", "Giá trị", "Lỗi"]
    assert listing.max_row == 1 + len(result.errors)

    fixes = {7: {7: "28/02/1980"}, 8: {8: "035179001235"}, 10: {8: "035187003333"}, 11: {3: "Thôn Tây"},
             13: {5: "Vợ"}, 15: {5: "Chủ hộ"}}
    for r, row in enumerate(rows, 2):
        for col, value in fixes.get(row[-2], {}).items():
            ws.cell(r, col, value)
    wb.save(report)
    again = read(report)
    assert again.ok, [e.text for e in again.errors]
    assert sorted(r["household_code"] for r in again.records) == sorted(result.rejected)
    assert {r["household_id"] for r in again.records} == {household_id("22246", c) for c in result.rejected}


def test_reimport_gives_the_same_ids(broken: Path, tmp_path: Path) -> None:
    first, second = read(broken), read(broken)
    assert first.records == second.records
    ids = [m["member_id"] for r in first.records for m in r["members"]]
    assert len(set(ids)) == len(ids) == 4
    assert first.records[0]["household_id"] == household_id("22246", "H01") == household_id("22246", " h01 ")
    other = read(broken, commune_code="99999")
    assert other.records[0]["household_id"] != first.records[0]["household_id"]
    # rows moved around: same household and member ids
    moved_rows = [[None, "H01", "Thôn Đông", *row[3:]] if row[1] is None else row
                  for row in (ROWS[10], ROWS[0], ROWS[2], ROWS[1])]
    moved = make_file(tmp_path / "moved.xlsx", moved_rows)
    shuffled = {r["household_code"]: r for r in read(moved).records}
    original = {r["household_code"]: r for r in first.records}
    assert shuffled["H08"] == original["H08"]
    assert {m["member_id"] for m in shuffled["H01"]["members"]} == {m["member_id"] for m in original["H01"]["members"]}


def test_explicit_mapping_dict_and_json(tmp_path: Path) -> None:
    headers = ["Số hộ gia đình", "Xóm", "Tên người", "Vai trò", "Giới", "Sinh ngày", "Căn cước"]
    rows = [["A1", "Thôn Tây", "Hà Văn Sáu", "Chủ hộ", "Nam", "02/03/1968", "001068000123"]]
    path = make_file(tmp_path / "custom.xlsx", rows, headers)
    mapping = {"household_code": "Số hộ gia đình", "village": "Xóm", "full_name": "Tên người",
               "relation": "Vai trò", "sex": "Giới", "birth_date": "Sinh ngày", "id_number": "Căn cước"}
    result = read(path, mapping=mapping)
    assert result.ok and result.records[0]["members"][0]["birth_date"] == "1968-03-02"
    json_path = tmp_path / "mapping.json"
    json_path.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
    assert read(path, mapping=json_path).records == result.records
    with pytest.raises(ValidationError, match="trường «ward»"):
        read(path, mapping={**mapping, "ward": "Phường"})
    with pytest.raises(ValidationError, match="Giới tính"):
        read(path, mapping={**mapping, "sex": "Giới tính"})


def test_no_header_is_refused(tmp_path: Path) -> None:
    path = make_file(tmp_path / "x.xlsx", [["a", "b"]], ["Cột 1", "Cột 2"])
    with pytest.raises(ValidationError, match="Không tìm thấy dòng tiêu đề"):
        read(path)
    bad = tmp_path / "not_excel.xlsx"
    bad.write_text("hello")
    with pytest.raises(ValidationError, match="Không đọc được tệp Excel"):
        read(bad)


def test_record_level_and_household_level_problems(tmp_path: Path) -> None:
    headers = HEADERS
    rows = [
        [1, "K1", "Thôn Đông", "Mai Văn Bé", "Chủ hộ", "Nam", "01/11/2025", None, "Kinh", "20/10/2025"],
        [2, "K2", "Thôn Đông", "Tô Văn Hai", "Chủ hộ", "Nam", "1950", None, "Kinh", None, 150],
        [3, "K3", "Thôn Đông", "Ninh Thị Ba", "Chủ hộ", "Nữ", "1950", None, "Kinh"],
        [None, "K3", "Thôn Tây", "Ninh Văn Tư", "Con", "Nam", "1980", None, "Kinh"],
        [4, "K4", "Thôn Đông", "Kha Văn Năm", "Ông", "Nam", "1950", None, "Kinh"],
    ]
    result = read(make_file(tmp_path / "k.xlsx", rows, headers))
    by_row = {e.row: e for e in result.errors}
    assert by_row[4].column == "Ngày sinh (dd/mm/yyyy)" and "sau ngày rà soát" in by_row[4].problem
    assert by_row[5].column == "Ngày rà soát" and "phiếu B" in by_row[5].problem
    assert by_row[7].column == "Thon" and "khác với dòng 6" in by_row[7].problem
    assert by_row[8].value == "Ông" and "Chủ hộ, Vợ/chồng" in by_row[8].problem
    assert result.records == []


def test_errors_in_english(broken: Path) -> None:
    result = read(broken, lang="en")
    texts = " ".join(e.text for e in result.errors)
    assert "Row 8, column 'Số CCCD' ('03517900123')" in texts and "exactly 12 digits" in texts


def test_template_round_trip(tmp_path: Path) -> None:
    rows = list(samples.import_rows(30))
    template = tmp_path / "mau.xlsx"
    write_import_template(template, rows=rows)
    first = read_household_workbook(template, known_villages=samples.VILLAGES, commune_code="22246", today=TODAY)
    assert first.ok, [e.text for e in first.errors[:5]]
    assert len(first.records) == 30 and first.rows_read == len(rows)
    assert any(r["survey"] and r["survey"]["poverty_causes"] for r in first.records)
    again = tmp_path / "mau2.xlsx"
    write_import_template(again, rows=record_rows(first.records))
    second = read_household_workbook(again, known_villages=samples.VILLAGES, commune_code="22246", today=TODAY)
    assert second.records == first.records
