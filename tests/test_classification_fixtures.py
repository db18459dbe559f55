"""Every case of shared/fixtures/classification_cases.json, through the Python
API and through the command line: category, score B and every indicator."""

from __future__ import annotations

import json

import pytest

from desktop_app.classification import classify
from desktop_app.domain.record import parse_record
from desktop_app.standards.loader import default_registry
from support import fixture_cases, run_cli

CASES = fixture_cases()


def test_fixture_file_is_not_empty():
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_fixture_case_api(case):
    household = parse_record(case["record"])
    standard = default_registry().get(household.survey.standard)
    result = classify(household, standard)
    expected = case["expected"]
    assert result.category == expected["category"]
    assert result.score_b == expected["score_b"]
    assert result.indicators == expected["indicators"]
    # every deprived indicator has a reason, nothing else has one
    assert set(result.reasons) == {k for k, v in result.indicators.items() if v == "yes"}
    assert all(result.reasons.values())
    if result.category == "incomplete":
        assert result.missing, "an incomplete household must say what to ask"
    else:
        assert result.missing == []


def test_fixture_cases_cli(tmp_path):
    records = tmp_path / "records.json"
    records.write_text(json.dumps([c["record"] for c in CASES], ensure_ascii=False), encoding="utf-8")
    proc = run_cli("classify", str(records), data_dir=tmp_path / "data")
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)
    assert len(results) == len(CASES)
    for case, result in zip(CASES, results):
        assert result["household_id"] == case["record"]["household_id"]
        assert result["category"] == case["expected"]["category"], case["name"]
        assert result["score_b"] == case["expected"]["score_b"], case["name"]
        assert result["indicators"] == case["expected"]["indicators"], case["name"]


def test_cli_reads_json_lines_and_english(tmp_path):
    lines = "\n".join(json.dumps(c["record"], ensure_ascii=False) for c in CASES[:5])
    path = tmp_path / "records.jsonl"
    path.write_text(lines + "\n", encoding="utf-8")
    proc = run_cli("classify", str(path), "--lang", "en", data_dir=tmp_path / "data")
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)
    assert [r["household_id"] for r in results] == [c["record"]["household_id"] for c in CASES[:5]]
    reasons = " ".join(v for r in results for v in r["reasons"].values())
    assert "years old" in reasons or "m²" in reasons


def test_cli_bad_record_names_record_field_and_problem(tmp_path):
    records = [c["record"] for c in CASES[:3]]
    records[1] = json.loads(json.dumps(records[1]))
    records[1]["members"][0]["birth_date"] = "1990-02-30"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    proc = run_cli("classify", str(path), data_dir=tmp_path / "data")
    assert proc.returncode == 2
    assert proc.stdout == ""  # nothing half-written
    assert "record 2" in proc.stderr
    assert "members[0].birth_date" in proc.stderr
    assert "1990-02-30" in proc.stderr


@pytest.mark.parametrize("content, needle", [
    ("{not json", "JSON"),
    ('{"a": 1}\n[1,2', "JSON"),
    ('[{"household_id": "h", "members": [], "survey": {"date": "2025-01-01"}}]', "members"),
    ('[{"household_id": "h", "members": [{"member_id": "m", "full_name": "A", "id_number": "123"}],'
     ' "survey": {"date": "2025-01-01", "standard": "vn-2022-2025"}}]', "id_number"),
    ('[{"household_id": "h", "members": [{"member_id": "m", "full_name": "A", "birth_date": "1800-01-01"}],'
     ' "survey": {"date": "2025-01-01", "standard": "vn-2022-2025"}}]', "birth_date"),
    ('[{"household_id": "h", "members": [{"member_id": "m", "full_name": "A"}],'
     ' "survey": {"date": "2025-01-01", "standard": "vn-1999"}}]', "vn-1999"),
    ('[{"household_id": "h", "members": [{"member_id": "m", "full_name": "A"}],'
     ' "survey": {"date": "2025-01-01"}}]', "survey.standard"),
])
def test_cli_bad_input_exit_2(tmp_path, content, needle):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    proc = run_cli("classify", str(path), data_dir=tmp_path / "data")
    assert proc.returncode == 2, proc.stderr
    assert needle in proc.stderr
    assert proc.stdout == ""


def test_cli_missing_file(tmp_path):
    proc = run_cli("classify", str(tmp_path / "nope.json"), data_dir=tmp_path / "data")
    assert proc.returncode == 2
    assert "nope.json" in proc.stderr
