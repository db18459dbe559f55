"""Standards files: the shipped ones load; a broken file is reported with the
exact key and problem; a score table computes score A."""

from __future__ import annotations

import copy
import tomllib

import pytest

from desktop_app.classification import classify
from desktop_app.domain.record import parse_record
from desktop_app.errors import StandardFileError, UnknownStandard
from desktop_app.paths import standards_dir
from desktop_app.standards.loader import StandardRegistry, load_standard_bytes, parse_standard
from desktop_app.standards.model import INDICATOR_KEYS, SCORE_COLUMNS


def shipped(name: str) -> dict:
    return tomllib.loads((standards_dir() / f"{name}.toml").read_text(encoding="utf-8"))


def test_shipped_standards_load():
    reg = StandardRegistry()
    assert reg.ids() == ["vn-2022-2025", "vn-2027-2030"]
    s22, s27 = reg.get("vn-2022-2025"), reg.get("vn-2027-2030")
    assert (s22.rural_line, s22.urban_line) == (1_500_000, 2_000_000)
    assert (s22.middle_rural_max, s22.middle_urban_max) == (2_250_000, 3_000_000)
    assert (s22.score_cutoff_rural, s22.score_cutoff_urban) == (140, 175)
    assert (s27.rural_line, s27.urban_line) == (2_200_000, 2_800_000)
    assert s27.middle_rural_max is None and s27.score_cutoff_rural is None and s27.provisional
    for s in (s22, s27):
        assert [i.key for i in s.indicators] == list(INDICATOR_KEYS)
        for ind in s.indicators:
            assert ind.name.vi and ind.name.en and ind.text.vi and ind.text.en
    # provisional rules are marked (domain.md §5)
    provisional = {i.key for i in s22.indicators if i.provisional}
    assert {"employment", "dependents", "latrine", "info_access"} <= provisional
    assert s22.quick_screen and s22.quick_screen_provisional


def test_retirement_ages_follow_the_labour_code():
    s = StandardRegistry().get("vn-2022-2025")
    male, female = s.retirement["male"], s.retirement["female"]
    assert male.age_months(2020) == 720
    assert male.age_months(2021) == 723
    assert male.age_months(2025) == 735  # 61 y 3 m
    assert male.age_months(2028) == 744 == male.age_months(2040)
    assert female.age_months(2021) == 664
    assert female.age_months(2035) == 720 == female.age_months(2050)


def test_unknown_standard_names_the_installed_ones():
    with pytest.raises(UnknownStandard) as err:
        StandardRegistry().get("vn-1999")
    assert "vn-2022-2025" in str(err.value)


@pytest.mark.parametrize("mutate, key", [
    (lambda d: d.pop("id"), "id"),
    (lambda d: d.__setitem__("format", "poverty-standard/2"), "format"),
    (lambda d: d["income"].__setitem__("rural_line", "lots"), "income.rural_line"),
    (lambda d: d["income"].__setitem__("middle_rural_max", 1_000_000), "income.middle_rural_max"),
    (lambda d: d["indicators"]["water"]["hygienic"].append("tap"), "indicators.water.hygienic[6]"),
    (lambda d: d["indicators"].pop("telecom"), "indicators.telecom"),
    (lambda d: d["indicators"]["dependents"].__setitem__("max_share", 2), "indicators.dependents.max_share"),
    (lambda d: d["indicators"]["water"].__setitem__("rule", "magic"), "indicators.water.rule"),
    (lambda d: d["indicators"]["water"].__setitem__("colour", "blue"), "indicators.water.colour"),
    (lambda d: d["indicators"]["water"]["name"].pop("vi"), "indicators.water.name.vi"),
    (lambda d: d["working_age"]["retirement"].pop("female"), "working_age.retirement.female"),
    (lambda d: d.__setitem__("lists_to_year", 2000), "lists_to_year"),
])
def test_broken_standard_reports_exact_key(mutate, key):
    data = copy.deepcopy(shipped("vn-2022-2025"))
    mutate(data)
    with pytest.raises(StandardFileError) as err:
        parse_standard(data, source="broken.toml")
    assert err.value.key == key
    assert "broken.toml" in str(err.value)


def test_not_toml_and_not_utf8():
    with pytest.raises(StandardFileError) as err:
        load_standard_bytes(b"id = [unclosed", "x.toml")
    assert "TOML" in str(err.value)
    with pytest.raises(StandardFileError):
        load_standard_bytes(b"\xff\xfe\x00", "x.toml")


def _score_table_standard():
    data = copy.deepcopy(shipped("vn-2022-2025"))
    points_a = {c: 10 for c in SCORE_COLUMNS}
    points_b = {c: 40 for c in SCORE_COLUMNS}
    points_b["urban"] = 80
    data["score_table"] = copy.deepcopy({
        "base_points": 50,
        "items": [
            {"key": "b1_1", "question": {"vi": "Câu 1", "en": "Question 1"},
             "answers": [{"value": "a", "label": {"vi": "A", "en": "A"}, "points": dict(points_a)},
                         {"value": "b", "label": {"vi": "B", "en": "B"}, "points": dict(points_b)}]},
            {"key": "b1_2", "question": {"vi": "Câu 2", "en": "Question 2"},
             "answers": [{"value": "a", "label": {"vi": "A", "en": "A"}, "points": dict(points_a)},
                         {"value": "b", "label": {"vi": "B", "en": "B"}, "points": dict(points_b)}]},
        ],
    })
    return data


def test_score_table_computes_score_a_and_never_guesses():
    std = parse_standard(_score_table_standard(), "with-table.toml")
    assert std.score_table is not None and len(std.score_table.items) == 2
    base = {
        "household_id": "h", "area": "rural", "region": "red_river_delta",
        "members": [{"member_id": "m", "full_name": "Nguyễn Văn An", "birth_date": "1980-01-01", "sex": "male",
                     "employment": "self_employed", "health_insurance": True, "able_to_work": True,
                     "studying": False}],
        "survey": {"date": "2025-10-01", "b1_answers": {"b1_1": "a", "b1_2": "a"}},
    }
    r = classify(parse_record(base), std)
    assert r.score_a == 70 and r.at_or_below_line is True  # 50 + 10 + 10 <= 140
    base["survey"]["b1_answers"] = {"b1_1": "b", "b1_2": "b"}
    r = classify(parse_record(base), std)
    assert r.score_a == 130 and r.at_or_below_line is True
    base["survey"]["b1_answers"] = {"b1_1": "b"}  # 100 .. 130: still at or below
    r = classify(parse_record(base), std)
    assert r.score_a is None and r.at_or_below_line is True
    base["area"] = "urban"
    base["survey"]["b1_answers"] = {"b1_1": "b"}  # urban: 130 .. 210 vs 175: undecided
    r = classify(parse_record(base), std)
    assert r.at_or_below_line is None and r.category == "incomplete"
    assert "survey.b1_answers" in r.missing


def test_score_table_errors_name_the_key():
    data = _score_table_standard()
    del data["score_table"]["items"][1]["answers"][0]["points"]["mekong_delta"]
    with pytest.raises(StandardFileError) as err:
        parse_standard(data, "t.toml")
    assert err.value.key == "score_table.items[1].answers[0].points.mekong_delta"


def test_imported_standard_with_higher_revision_wins(tmp_path):
    text = (standards_dir() / "vn-2022-2025.toml").read_text(encoding="utf-8")
    local = text.replace("revision = 1", "revision = 2").replace("rural_line = 1_500_000", "rural_line = 2_000_000")
    folder = tmp_path / "standards"
    folder.mkdir()
    (folder / "dong-nai.toml").write_text(local, encoding="utf-8")
    reg = StandardRegistry([standards_dir(), folder])
    assert reg.get("vn-2022-2025").rural_line == 2_000_000
    assert reg.get("vn-2022-2025").version == "vn-2022-2025@2"


def test_quick_screen_sign_stops_at_phieu_a():
    std = StandardRegistry().get("vn-2022-2025")
    record = {
        "household_id": "h", "area": "rural",
        "members": [{"member_id": "m", "full_name": "Trần Văn Bình", "birth_date": "1970-01-01"}],
        "survey": {"date": "2025-10-01", "score_a": 100, "quick_screen": {"car": True, "public_servant": False}},
    }
    r = classify(parse_record(record), std)
    assert r.category == "not_poor" and r.at_or_below_line is False and r.missing == []
    assert any("Phiếu A" in w for w in r.warnings)
    assert any(std.quick_screen[0].text.vi in w for w in r.warnings)
    record["survey"]["quick_screen"] = {"car": False}
    assert classify(parse_record(record), std).category != "not_poor"
