"""The demonstration commune and the ``demo`` / ``stats`` commands."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
import time
from collections import Counter

import pytest

from desktop_app.domain.record import record_to_dict
from desktop_app.services import demo
from desktop_app.services import register as reg
from desktop_app.storage.database import Database
from support import run_cli

VIETNAMESE_MARKS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def _households(db: Database) -> list:
    rnd = reg.current_round(db)
    return list(reg.iter_households_for_classification(db, rnd.id, surveyed_only=False))


def test_demo_and_stats_through_the_command_line(tmp_path):
    data = tmp_path / "data"
    done = run_cli("demo", "--households", "40", "--seed", "3", data_dir=data)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["households"] == 40 and summary["members"] >= 40
    stats = run_cli("stats", data_dir=data)
    assert stats.returncode == 0, stats.stderr
    counts = json.loads(stats.stdout)
    assert counts["households"] == 40 and counts["members"] == summary["members"]
    assert counts["round"]["name"] == demo.ROUND_NAME
    assert set(counts["categories"]) == {"poor", "near_poor", "middle", "not_poor", "incomplete"}
    assert counts["rounds"][0]["surveys"] == 40

    again = run_cli("demo", data_dir=data)
    assert again.returncode == 2
    assert "--data-dir" in again.stderr
    assert json.loads(run_cli("stats", data_dir=data).stdout)["households"] == 40


def test_demo_command_refuses_bad_count(tmp_path):
    done = run_cli("--lang", "en", "demo", "--households", "0", data_dir=tmp_path / "d")
    assert done.returncode == 2 and "number of households" in done.stderr


def test_stats_of_an_empty_register(tmp_path):
    done = run_cli("stats", data_dir=tmp_path / "d")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["households"] == 0


def test_demo_is_deterministic(tmp_path):
    records = []
    for name in ("a", "b"):
        with Database.open(tmp_path / name) as db:
            demo.create_demo(db, households=30, seed=7)
            records.append(sorted((record_to_dict(h) for h in _households(db)), key=lambda r: r["household_id"]))
    assert records[0] == records[1]
    with Database.open(tmp_path / "c") as db:
        demo.create_demo(db, households=30, seed=8)
        other = sorted(h.household_id for h in _households(db))
    assert other != [r["household_id"] for r in records[0]]


def test_demo_households_look_real(db):
    result = demo.create_demo(db, households=1500, seed=1)
    assert result.households == 1500 and result.classified is None
    commune = reg.list_communes(db)[0]
    assert commune.name.startswith("Xã ") and len(commune.code) == 5 and commune.province
    villages = reg.list_villages(db)
    assert 6 <= len(villages) <= 10
    assert {v.kind for v in villages} == {"village", "residential_group"}
    rnd = reg.current_round(db)
    assert (rnd.name, rnd.kind, rnd.standard_id) == ("Rà soát định kỳ 2026", "periodic", "vn-2022-2025")
    households = _households(db)
    assert len(households) == 1500
    ids, relations, sizes, ethnicities = [], Counter(), Counter(), Counter()
    below = middle = unknown_answers = 0
    for h in households:
        sizes[len(h.members)] += 1
        assert [m.relation for m in h.members].count("head") == 1
        assert h.members[0].relation == "head" and h.survey is not None
        assert h.area in ("rural", "urban") and h.village
        line, top, cutoff = demo.LINES[h.area]
        s = h.survey
        dt.date.fromisoformat(s.date)
        if (s.score_a is not None and s.score_a <= cutoff) or (
                s.score_a is None and s.income_per_capita is not None and s.income_per_capita <= line):
            below += 1
        elif s.income_per_capita is not None and line < s.income_per_capita <= top:
            middle += 1
        fields = [s.internet_use, s.floor_area_m2, s.latrine] + [m.birth_date for m in h.members]
        unknown_answers += any(v is None for v in fields + [m.health_insurance for m in h.members])
        for m in h.members:
            relations[m.relation] += 1
            ethnicities[m.ethnicity] += 1
            if m.id_number is not None:
                assert re.fullmatch(r"\d{12}", m.id_number)
                ids.append(m.id_number)
    assert set(sizes) <= set(range(1, 9)) and len(sizes) >= 6
    assert len(ids) == len(set(ids)) and 0 < len(ids) < sum(sizes[k] * k for k in sizes)
    assert {"spouse", "child"} <= set(relations)
    assert ethnicities.most_common(1)[0][0] in ("Tày", "Kinh") and len(ethnicities) >= 5
    names = [m.full_name for h in households for m in h.members]
    assert sum(bool(VIETNAMESE_MARKS.search(n)) for n in names) > 0.9 * len(names)
    assert 0.08 <= below / 1500 <= 0.20  # ~13 % at or below the line (poor + near-poor)
    assert 0.06 <= middle / 1500 <= 0.20
    assert 0.01 <= unknown_answers / 1500 <= 0.10


def test_demo_refuses_a_register_that_has_a_commune(db):
    reg.create_commune(db, code="01234", name="Xã Một")
    from desktop_app.errors import AppError

    with pytest.raises(AppError):
        demo.create_demo(db, households=5)


def test_demo_is_all_or_nothing(db):
    def interrupt(done):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        demo.create_demo(db, households=2500, seed=1, progress=interrupt)
    assert reg.list_communes(db) == [] and reg.stats(db)["households"] == 0
    assert demo.create_demo(db, households=10, seed=1).households == 10  # the register is still empty


def test_demo_calls_the_classifier(db):
    calls = []

    def classify(database, round_id):
        calls.append(round_id)
        return 5

    result = demo.create_demo(db, households=5, seed=2, classify=classify)
    assert calls == [result.round_id] and result.classified == 5
    assert "classifications" in result.changes


@pytest.mark.skipif(importlib.util.find_spec("desktop_app.services.classify") is None,
                    reason="desktop_app.services.classify is not written yet")
def test_demo_classified_gives_every_category(tmp_path):
    data = tmp_path / "data"
    done = run_cli("demo", "--households", "1500", "--seed", "2", data_dir=data)
    assert done.returncode == 0, done.stderr
    categories = json.loads(run_cli("stats", data_dir=data).stdout)["categories"]
    assert sum(categories.values()) == 1500
    assert 0.03 <= categories["poor"] / 1500 <= 0.12
    assert 0.02 <= categories["near_poor"] / 1500 <= 0.12
    assert categories["middle"] > 0 and categories["not_poor"] > categories["poor"]


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("CPR_SLOW_TESTS"), reason="set CPR_SLOW_TESTS=1 for the 100,000-household run")
def test_demo_of_100000_households_is_fast(db):
    started = time.perf_counter()
    result = demo.create_demo(db, households=100_000, seed=1)
    assert result.households == 100_000
    assert time.perf_counter() - started < 60
    started = time.perf_counter()
    assert sum(1 for _ in reg.iter_households_for_classification(db, result.round_id)) == 100_000
    assert time.perf_counter() - started < 10
