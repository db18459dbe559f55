"""Reports filled from the register (services.reports / report_tables) and the
Excel import service (services.excel_import), on a real SQLite demo register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop_app import reports as writers
from desktop_app.services import excel_import, report_tables, reports
from desktop_app.services import register as reg
from desktop_app.services.classify import classify_round
from desktop_app.services.demo import create_demo
from desktop_app.storage.database import Database
from desktop_app.storage.models import ClassificationRow, HouseholdRow, MemberRow

LISTED = {"poor", "near_poor"}

# --------------------------------------------------------------------------
# helpers shared with test_cli_reports / test_ui_reports


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def count_rows(db: Database) -> tuple[int, int, int]:
    """(households, members, classifications) rows, deleted or not."""
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(HouseholdRow)),
                s.scalar(select(func.count()).select_from(MemberRow)),
                s.scalar(select(func.count()).select_from(ClassificationRow)))


GOOD_ROWS = [
    {"Mã hộ": "NK-01", "Thôn": "Thôn Đông", "Địa chỉ": "Xóm 2", "Họ và tên": "Nguyễn Thị Lựu", "Quan hệ": "Chủ hộ",
     "Giới tính": "Nữ", "Ngày sinh": "12/04/1979", "Số CCCD": "008179001234", "Dân tộc": "Tày",
     "Ngày rà soát": "20/10/2026", "Điểm A": 100, "Nguồn nước": "Giếng khoan", "Loại nhà tiêu": "Không có"},
    {"Mã hộ": "NK-01", "Họ và tên": "Hoàng Văn Sơn", "Quan hệ": "Chồng", "Giới tính": "Nam", "Ngày sinh": "1975",
     "Dân tộc": "Tày"},
    {"Mã hộ": "NK-02", "Thôn": "Bản Phiêng", "Họ và tên": "Lò Văn Thắng", "Quan hệ": "Chủ hộ", "Giới tính": "Nam",
     "Ngày sinh": "1960", "Dân tộc": "Thái", "Ngày rà soát": "21/10/2026", "Điểm A": 180},
]
BAD_ROWS = [
    # NK-03: impossible birth date (row 5 of the sheet)
    {"Mã hộ": "NK-03", "Thôn": "Thôn Đông", "Họ và tên": "Đặng Thị Huệ", "Quan hệ": "Chủ hộ", "Giới tính": "Nữ",
     "Ngày sinh": "31/02/1980"},
    # NK-04: a village the commune does not have (row 6)
    {"Mã hộ": "NK-04", "Thôn": "Thôn Không Có", "Họ và tên": "Vương Văn Đức", "Quan hệ": "Chủ hộ",
     "Giới tính": "Nam", "Ngày sinh": "1970"},
]


def fill_template(template: Path, out: Path, rows: list[dict[str, object]]) -> Path:
    """Fill the exported import template: keys are header prefixes."""
    wb = load_workbook(template)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]

    def column(prefix: str) -> int:
        return next(i for i, h in enumerate(headers, 1) if h and str(h).startswith(prefix))
    for r, row in enumerate(rows, 2):
        for key, value in row.items():
            ws.cell(r, column(key), value)
    wb.save(out)
    return out


@pytest.fixture
def demo_db(db: Database) -> Database:
    create_demo(db, households=120, seed=1, classify=classify_round)
    return db


# --------------------------------------------------------------------------
# lists and forms


def test_village_meeting_list_from_the_register(demo_db: Database, tmp_path: Path) -> None:
    data = reports.village_meeting_list(demo_db, None, "thôn đông")  # accents and case forgiven when unique
    assert data.village == "Thôn Đông" and data.commune.name == "Xã Tân Tiến"
    assert data.households and all(h.category in LISTED and h.village == "Thôn Đông" for h in data.households)
    lines = reg.list_households(demo_db, reg.current_round(demo_db).id, village="Thôn Đông", limit=1000)
    expected = {x.code for x in lines if x.category in LISTED}
    assert {h.household_code for h in data.households} == expected
    pages = writers.write_village_meeting_list(tmp_path / "v.pdf", data)
    text = pdf_text(tmp_path / "v.pdf")
    assert pages >= 1 and "Thôn Đông" in text and "Xã Tân Tiến" in text and "Rà soát định kỳ 2026" in text
    assert all(h.head_name in text for h in data.households)
    assert "Hộ nghèo" in text or "Hộ cận nghèo" in text


def test_unknown_village_and_round_name_the_known_ones(demo_db: Database) -> None:
    with pytest.raises(reports.ReportInputError) as err:
        reports.village_meeting_list(demo_db, None, "Thôn Mây")
    assert "Thôn Mây" in err.value.message and "Bản Phiêng" in err.value.message
    with pytest.raises(reports.ReportInputError) as err:
        reports.resolve_round(demo_db, "Đợt không có")
    assert "Rà soát định kỳ 2026" in err.value.message


def test_posting_list_needs_dates_then_groups_by_result(demo_db: Database) -> None:
    with pytest.raises(reports.ReportInputError):
        reports.posting_list(demo_db, None)
    with pytest.raises(reports.ReportInputError):
        reports.posting_list(demo_db, None, start=dt.date(2026, 11, 5), end=dt.date(2026, 11, 1))
    data = reports.posting_list(demo_db, None, start=dt.date(2026, 11, 2), end=dt.date(2026, 11, 4))
    assert data.village is None and data.households
    assert {h.category for h in data.households} <= LISTED
    one = reports.posting_list(demo_db, None, "Bản Phiêng", dt.date(2026, 11, 2), dt.date(2026, 11, 4))
    assert one.village == "Bản Phiêng" and all(h.village == "Bản Phiêng" for h in one.households)


def test_survey_form_of_a_classified_household(demo_db: Database, tmp_path: Path) -> None:
    code = reg.list_households(demo_db, reg.current_round(demo_db).id, limit=1)[0].code
    form = reports.survey_form(demo_db, code)
    assert form.household_code == code and form.category and len(form.indicators) == 12
    assert form.poverty_line == 1_500_000 and form.score_a_cutoff == 140 and not form.official
    writers.write_survey_form(tmp_path / "f.pdf", form)
    assert form.head_name in pdf_text(tmp_path / "f.pdf")
    with pytest.raises(reports.NotFound):
        reports.survey_form(demo_db, "XX-9999")


def test_certificate_only_after_the_decision(demo_db: Database, tmp_path: Path) -> None:
    review = pytest.importorskip("desktop_app.services.review")
    facts = review.round_facts(demo_db)
    poor = next(h for h in facts.households if h.proposed == "poor")
    with pytest.raises(reports.ReportInputError):
        reports.certificate(demo_db, poor.code)
    review.confirm_list(demo_db)
    for vid, name in facts.review_villages():
        codes = {h.code: ("agreed", None) for h in facts.households if h.village_id == vid}
        review.record_meeting(demo_db, name, dt.date(2026, 11, 10), "Ma Văn Trưởng", outcomes=codes)
    review.record_posting(demo_db, dt.date(2026, 11, 12))
    review.decide(demo_db, "15/QĐ-UBND", dt.date(2026, 11, 25), "Hà Thị Chủ")
    review.issue_certificates(demo_db)
    cert = reports.certificate(demo_db, poor.code)
    assert cert.category == "poor" and cert.decision_number == "15/QĐ-UBND" and cert.number
    assert cert.valid_from == dt.date(2027, 1, 1) and cert.head_name == poor.head
    writers.write_certificate(tmp_path / "c.pdf", cert)
    text = pdf_text(tmp_path / "c.pdf")
    assert poor.head in text and "15/QĐ-UBND" in text
    form = reports.survey_form(demo_db, poor.code)
    assert form.official and form.category == "poor"
    summary = report_tables.summary(demo_db)
    assert sum(v.poor for v in summary.villages) == sum(1 for c in facts.households if c.proposed == "poor")


# --------------------------------------------------------------------------
# tables


def test_summary_counts_match_the_register(demo_db: Database, tmp_path: Path) -> None:
    data = report_tables.summary(demo_db, "Rà soát định kỳ 2026")
    stats = reg.stats(demo_db)
    assert sum(v.households for v in data.villages) == stats["households"] == 120
    assert sum(v.poor for v in data.villages) == stats["categories"]["poor"]
    assert sum(v.near_poor for v in data.villages) == stats["categories"]["near_poor"]
    assert sum(v.people or 0 for v in data.villages) == stats["members"]
    assert data.indicator_base == (stats["categories"]["poor"], stats["categories"]["near_poor"], 120)
    assert data.causes and all(c.poor + c.near_poor > 0 for c in data.causes)
    writers.write_summary_workbook(tmp_path / "t.xlsx", data)
    wb = load_workbook(tmp_path / "t.xlsx")
    cells = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
    assert "Thôn Đông" in cells and any("Xã Tân Tiến" in c for c in cells)


def test_household_rows_leave_out_id_numbers_on_request(demo_db: Database) -> None:
    full = list(report_tables.household_rows(demo_db))
    private = list(report_tables.household_rows(demo_db, id_numbers=False))
    assert len(full) == len(private) == 120
    assert any(r.head_id_number for r in full) and not any(r.head_id_number for r in private)
    assert all(r.head_name and r.members >= 1 for r in full)


# --------------------------------------------------------------------------
# Excel import


def test_import_round_trip_classifies_and_does_not_duplicate(demo_db: Database, tmp_path: Path) -> None:
    writers.write_import_template(tmp_path / "mau.xlsx")
    path = fill_template(tmp_path / "mau.xlsx", tmp_path / "ds.xlsx", GOOD_ROWS)
    before = count_rows(demo_db)
    outcome = excel_import.import_excel(demo_db, path)
    assert (outcome.inserted, outcome.updated, outcome.members, outcome.classified) == (2, 0, 3, 2)
    assert outcome.rejection_report is None and "households" in outcome.changes
    after = count_rows(demo_db)
    assert after == (before[0] + 2, before[1] + 3, before[2] + 2)
    rnd = reg.current_round(demo_db)
    found = {h.code: h for h in reg.list_households(demo_db, rnd.id, search="NK-0")}
    assert set(found) == {"NK-01", "NK-02"}  # the file's codes are kept
    assert found["NK-01"].head_name == "Nguyễn Thị Lựu" and found["NK-01"].village == "Thôn Đông"
    assert found["NK-01"].category and found["NK-02"].category
    again = excel_import.import_excel(demo_db, path)
    assert (again.inserted, again.updated) == (0, 2)
    assert count_rows(demo_db) == after


def test_broken_file_all_or_nothing_then_valid_only(demo_db: Database, tmp_path: Path) -> None:
    writers.write_import_template(tmp_path / "mau.xlsx")
    path = fill_template(tmp_path / "mau.xlsx", tmp_path / "loi.xlsx", GOOD_ROWS + BAD_ROWS)
    preview = excel_import.preview_import(demo_db, path)
    assert preview.valid == 2 and sorted(preview.result.rejected) == ["NK-03", "NK-04"]
    before = count_rows(demo_db)
    with pytest.raises(excel_import.ImportRefused) as refused:
        excel_import.import_excel(demo_db, path, mode="all", rejects=tmp_path / "r.xlsx")
    assert count_rows(demo_db) == before
    assert refused.value.outcome.rejection_report == tmp_path / "r.xlsx"
    ws = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    notes = {row[-2]: row[-1] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert set(notes) == {5, 6}
    assert notes[5].startswith("Ngày sinh") and "không hợp lệ" in notes[5]
    assert notes[6].startswith("Thôn, tổ dân phố") and "Bản Phiêng" in notes[6]
    outcome = excel_import.import_excel(demo_db, path, mode="valid")
    assert outcome.inserted == 2 and outcome.rejection_report == tmp_path / "loi-loi.xlsx"
    assert outcome.rejection_report.exists()
    assert count_rows(demo_db)[0] == before[0] + 2


def test_import_refuses_a_bad_mode_and_an_unreadable_file(demo_db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(excel_import.ValidationError):
        excel_import.import_excel(demo_db, bad)
    with pytest.raises(excel_import.ValidationError):
        excel_import.import_excel(demo_db, bad, mode="some")


def test_import_cancel_writes_nothing(demo_db: Database, tmp_path: Path) -> None:
    writers.write_import_template(tmp_path / "mau.xlsx")
    path = fill_template(tmp_path / "mau.xlsx", tmp_path / "ds.xlsx", GOOD_ROWS)
    before = count_rows(demo_db)
    with pytest.raises(excel_import.ImportCancelled):
        excel_import.import_excel(demo_db, path, progress=lambda done, total: False)
    assert count_rows(demo_db) == before
