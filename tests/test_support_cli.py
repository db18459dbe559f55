"""The ``support`` command line, run as a user would."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop_app.storage.database import Database
from support import run_cli
from test_support_build import build


@pytest.fixture
def data(data_dir):
    db = Database.open(data_dir)
    build(db)
    db.close()
    return data_dir


def test_add_list_eligible_and_export(data, tmp_path):
    p = run_cli("support", "add", "--household", "H1", "--programme", "policy_credit", "--date", "2026-03-01",
                "--amount", "30000000", "--term", "36", "--purpose", "Nuôi bò", data_dir=data)
    assert p.returncode == 0, p.stderr
    added = json.loads(p.stdout)
    assert (added["household_id"], added["amount_vnd"], added["term_months"]) == ("h1", 30_000_000, 36)
    p = run_cli("support", "add", "--household", "h1", "--member", "h1-c", "--programme", "tuition",
                "--date", "2026-09-05", "--quantity", "1", "--unit", "học kỳ", data_dir=data)
    assert p.returncode == 0, p.stderr
    listed = json.loads(run_cli("support", "list", "--household", "H1", "--year", "2026", data_dir=data).stdout)
    assert [e["programme"] for e in listed] == ["policy_credit", "tuition"]
    assert listed[1]["member_name"] == "Nguyễn Văn Cường" and listed[1]["unit"] == "học kỳ"
    hints = json.loads(run_cli("--lang", "en", "support", "eligible", "--household", "H3", data_dir=data).stdout)
    assert "social_allowance" in {h["programme"] for h in hints}
    assert all(h["reason"] for h in hints)
    out = tmp_path / "ledger.xlsx"
    p = run_cli("support", "export", "--out", str(out), "--year", "2026", data_dir=data)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["records"] == 2
    ws = openpyxl.load_workbook(out).active
    assert ws["H5"].value == 30_000_000


def test_bulk_dry_run_then_apply_then_nothing_left(data):
    p = run_cli("support", "bulk", "--rule", "health_insurance_uninsured", "--date", "2026-02-01", "--dry-run",
                data_dir=data)
    assert p.returncode == 0, p.stderr
    dry = json.loads(p.stdout)
    assert dry["count"] == 2 and dry["recorded"] == 0
    assert json.loads(run_cli("support", "list", data_dir=data).stdout) == []
    applied = json.loads(run_cli("support", "bulk", "--rule", "health_insurance_uninsured", "--date", "2026-02-01",
                                 data_dir=data).stdout)
    assert applied["recorded"] == 2
    again = json.loads(run_cli("support", "bulk", "--rule", "health_insurance_uninsured", "--date", "2026-02-01",
                               data_dir=data).stdout)
    assert (again["count"], again["recorded"]) == (0, 0)
    village = json.loads(run_cli("support", "bulk", "--rule", "tet_gift_poor", "--village", "Thôn Tây",
                                 "--date", "2026-01-20", "--amount", "500000", "--dry-run", data_dir=data).stdout)
    assert [t["household_id"] for t in village["targets"]] == ["h3"]


def test_coverage_json(data):
    run_cli("support", "add", "--household", "H3", "--programme", "housing", "--date", "2026-04-01",
            "--amount", "40000000", data_dir=data)
    cov = json.loads(run_cli("--lang", "en", "support", "coverage", "--year", "2026", data_dir=data).stdout)
    commune = {f["key"]: f for f in cov["figures"] if f["scope"] == "commune"}
    assert commune["housing"]["numerator"] == 1 and commune["housing"]["denominator"] == 2
    assert commune["health_insurance"]["percent"] == 66.7
    assert commune["health_insurance"]["label"] == "People of poor and near-poor households with health insurance"
    assert cov["by_programme"] == [{"code": "housing", "records": 1, "households": 1, "amount_vnd": 40_000_000}]


@pytest.mark.parametrize("args, words", [
    (("add", "--household", "H1", "--programme", "tuition", "--date", "2026-01-01", "--amount", "-5"), "âm"),
    (("add", "--household", "H1", "--programme", "tuition", "--date", "2099-01-01"), "tương lai"),
    (("add", "--household", "H1", "--member", "h3-a", "--programme", "tuition", "--date", "2026-01-01"),
     "không thuộc hộ"),
    (("add", "--household", "ZZ", "--programme", "tuition", "--date", "2026-01-01"), "Không tìm thấy hộ"),
    (("bulk", "--rule", "money_rain"), "không có"),
    (("list", "--year", "99999"), "năm"),
])
def test_bad_input_exits_2_and_changes_nothing(data, args, words):
    p = run_cli("support", *args, data_dir=data)
    assert p.returncode == 2, p.stdout + p.stderr
    assert words in p.stderr
    assert json.loads(run_cli("support", "list", data_dir=data).stdout) == []
