"""The report, export and import commands end to end on a demo register
(``python -m desktop_app`` in a subprocess; files read back)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.services import register as reg
from desktop_app.storage.database import Database
from support import run_cli
from test_services_reports import BAD_ROWS, GOOD_ROWS, count_rows, fill_template, pdf_text

ROUND = "Rà soát định kỳ 2026"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo register made through the command line (shared, read-only use)."""
    data = tmp_path_factory.mktemp("reports") / "data"
    done = run_cli("demo", "--households", "120", "--seed", "1", data_dir=data)
    assert done.returncode == 0, done.stderr
    return data


def _listed(data: Path, village: str | None = None) -> list:
    db = Database.open(data)
    try:
        rnd = reg.current_round(db)
        return [h for h in reg.list_households(db, rnd.id, village=village, limit=1000)
                if h.category in ("poor", "near_poor")]
    finally:
        db.close()


def test_village_list(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "hop-dan.pdf"
    done = run_cli("report", "village-list", "--round", ROUND, "--village", "Thôn Đông", "--out", str(out),
                   "--meeting-date", "15/11/2026", data_dir=demo_dir)
    assert done.returncode == 0, done.stderr
    assert "Đã ghi" in done.stderr
    text = pdf_text(out)
    assert "Xã Tân Tiến" in text and "Thôn Đông" in text and "15/11/2026" in text
    listed = _listed(demo_dir, "Thôn Đông")
    assert listed and all(h.head_name in text for h in listed)
    assert "Hộ nghèo" in text or "Hộ cận nghèo" in text


def test_village_list_refuses_an_unknown_village_listing_the_known_ones(demo_dir: Path, tmp_path: Path) -> None:
    done = run_cli("report", "village-list", "--village", "Thôn Mây", "--out", str(tmp_path / "x.pdf"),
                   data_dir=demo_dir)
    assert done.returncode == 2
    assert "Thôn Mây" in done.stderr and "Bản Phiêng" in done.stderr and "Thôn Đông" in done.stderr
    assert not (tmp_path / "x.pdf").exists()
    done = run_cli("report", "village-list", "--round", "Đợt 1999", "--village", "Thôn Đông",
                   "--out", str(tmp_path / "x.pdf"), data_dir=demo_dir)
    assert done.returncode == 2 and ROUND in done.stderr
    done = run_cli("report", "village-list", "--village", "Thôn Đông", "--meeting-date", "31/02/2026",
                   "--out", str(tmp_path / "x.pdf"), data_dir=demo_dir)
    assert done.returncode == 2 and "31/02/2026" in done.stderr


def test_posting_list(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "niem-yet.pdf"
    done = run_cli("report", "posting-list", "--out", str(out), data_dir=demo_dir)
    assert done.returncode == 2 and "--start" in done.stderr
    done = run_cli("report", "posting-list", "--round", ROUND, "--out", str(out), "--start", "2026-11-02",
                   "--end", "04/11/2026", data_dir=demo_dir)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "02/11/2026" in text and "04/11/2026" in text and "Xã Tân Tiến" in text
    assert all(h.head_name in text for h in _listed(demo_dir))
    one = tmp_path / "niem-yet-ban.pdf"
    done = run_cli("report", "posting-list", "--village", "Bản Phiêng", "--out", str(one), "--start",
                   "2026-11-02", "--end", "2026-11-04", data_dir=demo_dir)
    assert done.returncode == 0, done.stderr
    assert "Bản Phiêng" in pdf_text(one)


def test_survey_form_and_certificate(demo_dir: Path, tmp_path: Path) -> None:
    household = _listed(demo_dir)[0]
    out = tmp_path / "phieu.pdf"
    done = run_cli("report", "survey-form", "--household", household.code, "--out", str(out), data_dir=demo_dir)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert household.head_name in text and household.code in text and "Xã Tân Tiến" in text
    done = run_cli("report", "certificate", "--household", household.code, "--out", str(tmp_path / "c.pdf"),
                   data_dir=demo_dir)
    assert done.returncode == 2 and "quyết định" in done.stderr  # not decided yet
    done = run_cli("report", "survey-form", "--household", "ZZ-0001", "--out", str(out), data_dir=demo_dir)
    assert done.returncode == 2 and "ZZ-0001" in done.stderr


@pytest.mark.skipif(importlib.util.find_spec("desktop_app.services.review") is None,
                    reason="the review procedure is not in this version")
def test_certificate_after_the_decision(tmp_path: Path) -> None:
    import datetime as dt

    from desktop_app.services import review
    from desktop_app.services.classify import classify_round
    from desktop_app.services.demo import create_demo

    data = tmp_path / "data"
    db = Database.open(data)
    try:
        create_demo(db, households=60, seed=1, classify=classify_round)
        review.confirm_list(db)
        facts = review.round_facts(db)
        for vid, name in facts.review_villages():
            outcomes = {h.code: ("agreed", None) for h in facts.households if h.village_id == vid}
            review.record_meeting(db, name, dt.date(2026, 11, 10), "Ma Văn Trưởng", outcomes=outcomes)
        review.record_posting(db, dt.date(2026, 11, 12), place="Nhà văn hóa thôn")
        review.decide(db, "15/QĐ-UBND", dt.date(2026, 11, 25), "Hà Thị Chủ")
        review.issue_certificates(db)
        near = next(h for h in facts.households if h.proposed == "near_poor")
    finally:
        db.close()
    out = tmp_path / "gcn.pdf"
    done = run_cli("report", "certificate", "--household", near.code, "--round", ROUND, "--out", str(out),
                   data_dir=data)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert near.head in text and "15/QĐ-UBND" in text and "Xã Tân Tiến" in text and "CẬN NGHÈO" in text.upper()
    posting = tmp_path / "niem-yet.pdf"  # the recorded posting period and place are used
    done = run_cli("report", "posting-list", "--out", str(posting), data_dir=data)
    assert done.returncode == 0, done.stderr
    text = pdf_text(posting)
    assert "12/11/2026" in text and "Nhà văn hóa thôn" in text and near.head in text


@pytest.mark.skipif(importlib.util.find_spec("desktop_app.services.support") is None,
                    reason="the support feature is not in this version")
def test_support_ledger(demo_dir: Path, tmp_path: Path) -> None:
    from desktop_app.services.support import record_support

    household = _listed(demo_dir)[0]
    db = Database.open(demo_dir)
    try:
        record_support(db, household_id=household.household_id, programme="policy_credit", date="2026-03-02",
                       amount_vnd=50_000_000, source="social_policy_bank", note="Vay nuôi bò sinh sản")
    finally:
        db.close()
    out = tmp_path / "ho-tro.pdf"
    done = run_cli("report", "support-ledger", "--household", household.code, "--out", str(out), data_dir=demo_dir)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert household.head_name in text and "Xã Tân Tiến" in text and "Vay nuôi bò sinh sản" in text
    assert "50.000.000" in text


@pytest.mark.skipif(importlib.util.find_spec("desktop_app.syncdb.keystore") is None,
                    reason="the sync key store is not in this version")
def test_key_sheet(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("demo", "--households", "5", data_dir=data).returncode == 0
    out = tmp_path / "khoa.pdf"
    done = run_cli("report", "key-sheet", "--out", str(out), data_dir=data)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "Xã Tân Tiến" in text and "Khóa ký gói dữ liệu" in text


def test_tables(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "bieu.xlsx"
    done = run_cli("report", "tables", "--round", ROUND, "--out", str(out), data_dir=demo_dir)
    assert done.returncode == 0, done.stderr
    wb = load_workbook(out)
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("Xã Tân Tiến" in c for c in cells) and "Thôn Đông" in cells and "Bản Phiêng" in cells


def test_export_excel_with_and_without_id_numbers(demo_dir: Path, tmp_path: Path) -> None:
    full, private = tmp_path / "ds.xlsx", tmp_path / "ds-an.xlsx"
    assert run_cli("export-excel", "--out", str(full), data_dir=demo_dir).returncode == 0
    done = run_cli("export-excel", "--out", str(private), "--round", ROUND, "--no-id-numbers", data_dir=demo_dir)
    assert done.returncode == 0, done.stderr
    assert "120 hộ" in done.stderr

    def sheet(path: Path) -> list[tuple]:
        return list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    rows, hidden = sheet(full), sheet(private)
    header_at = next(i for i, r in enumerate(rows) if r and "Mã hộ" in [str(v) for v in r])
    header = [str(v) for v in rows[header_at]]
    cccd = next(i for i, h in enumerate(header) if "CCCD" in h)
    body, body_hidden = rows[header_at + 1:], hidden[header_at + 1:]
    assert len(body) == len(body_hidden) == 120
    assert any(r[cccd] for r in body) and not any(r[cccd] for r in body_hidden)
    names = {str(v) for r in body for v in r if v}
    assert {h.head_name for h in _listed(demo_dir)} <= names and "Hộ nghèo" in names


def test_import_excel_round_trip_and_no_duplicates(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("demo", "--households", "30", data_dir=data).returncode == 0
    template = tmp_path / "mau.xlsx"
    done = run_cli("export-template", "--out", str(template), data_dir=data)
    assert done.returncode == 0, done.stderr
    filled = fill_template(template, tmp_path / "ds.xlsx", GOOD_ROWS)
    dry = run_cli("import-excel", str(filled), "--dry-run", data_dir=data)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["valid"] == 2 and "Chạy thử" in dry.stderr
    first = run_cli("import-excel", str(filled), data_dir=data)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert (summary["inserted"], summary["members"], summary["classified"]) == (2, 3, 2)
    db = Database.open(data)
    try:
        rnd = reg.current_round(db)
        rows = {h.code: h for h in reg.list_households(db, rnd.id, search="NK-0")}
        assert rows["NK-01"].head_name == "Nguyễn Thị Lựu" and rows["NK-01"].category
        assert rows["NK-02"].village == "Bản Phiêng" and rows["NK-02"].category
        before = count_rows(db)
    finally:
        db.close()
    second = run_cli("import-excel", str(filled), data_dir=data)
    assert second.returncode == 0 and json.loads(second.stdout)["updated"] == 2
    db = Database.open(data)
    try:
        assert count_rows(db) == before
    finally:
        db.close()


def test_import_excel_broken_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("demo", "--households", "30", data_dir=data).returncode == 0
    template = tmp_path / "mau.xlsx"
    assert run_cli("export-template", "--out", str(template), data_dir=data).returncode == 0
    broken = fill_template(template, tmp_path / "loi.xlsx", GOOD_ROWS + BAD_ROWS)
    rejects = tmp_path / "bi-loai.xlsx"
    db = Database.open(data)
    try:
        before = count_rows(db)
    finally:
        db.close()
    done = run_cli("import-excel", str(broken), "--all-or-nothing", "--rejects", str(rejects), data_dir=data)
    assert done.returncode == 2 and "KHÔNG" in done.stderr
    db = Database.open(data)
    try:
        assert count_rows(db) == before
    finally:
        db.close()
    ws = load_workbook(rejects).worksheets[0]
    lines = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[-2] for r in lines] == [5, 6]
    assert "Đặng Thị Huệ" in lines[0] and "Ngày sinh" in lines[0][-1]
    assert "Vương Văn Đức" in lines[1] and "Thôn, tổ dân phố" in lines[1][-1]
    done = run_cli("import-excel", str(broken), data_dir=data)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["inserted"] == 2 and summary["rejected"] == 2
    assert Path(summary["rejection_report"]).name == "loi-loi.xlsx" and "2 hộ bị loại" in done.stderr
    db = Database.open(data)
    try:
        assert count_rows(db)[0] == before[0] + 2
    finally:
        db.close()


def test_refused_files_exit_3(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("demo", "--households", "5", data_dir=data).returncode == 0
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook", encoding="utf-8")
    done = run_cli("import-excel", str(junk), data_dir=data)
    assert done.returncode == 3 and "junk.xlsx" in done.stderr
    done = run_cli("import-excel", str(tmp_path / "missing.xlsx"), data_dir=data)
    assert done.returncode == 3
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = run_cli("export-template", "--out", str(blocker / "mau.xlsx"), data_dir=data)
    assert done.returncode == 3 and "mau.xlsx" in done.stderr
