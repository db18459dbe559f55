"""Dashboard aggregates (desktop_app.services.dashboard) on hand-built data
with known answers, and on a demonstration commune."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_app.domain.record import Household, Member, Survey
from desktop_app.errors import NotFound
from desktop_app.services import dashboard as dash
from desktop_app.services.classify import classify_round
from desktop_app.services.demo import create_demo
from desktop_app.services.register import (
    create_commune,
    create_round,
    delete_household,
    save_household,
    store_classifications,
)
from desktop_app.storage.database import Database
from desktop_app.storage.models import ClassificationRow
from desktop_app.storage.models_review import OfficialClassificationRow, ReviewDecisionRow

STANDARD = "vn-2022-2025"


def _household(hid: str, village: str, members: int, causes: list[str] | None = None,
               date: str = "2026-10-01") -> Household:
    people = [Member(member_id=f"{hid}-m{i}", full_name=f"Nguyễn Văn {hid.upper()} {i}") for i in range(members)]
    return Household(household_id=hid, members=people, village=village,
                     survey=Survey(date=date, poverty_causes=causes))


def _result(hid: str, category: str, deprived: tuple[str, ...] = (), unknown: tuple[str, ...] = ()) -> dict:
    indicators = {k: "no" for k in ("water", "latrine", "telecom")}
    indicators.update({k: "yes" for k in deprived})
    indicators.update({k: "unknown" for k in unknown})
    return {"household_id": hid, "standard": STANDARD, "standard_version": f"{STANDARD}@1",
            "category": category, "score_b": 10 * len(deprived), "indicators": indicators}


@pytest.fixture
def commune(db: Database) -> dict[str, str]:
    """The commune of :func:`build_commune` in a fresh SQLite register."""
    return build_commune(db)


def build_commune(db: Database) -> dict[str, str]:
    """Two villages, two rounds (2025 closed, 2026 open), six households.

    ===  =======  =======  ===========  ==============  =================================
    hh   village  members  2025         2026            2026 survey causes / indicators
    ===  =======  =======  ===========  ==============  =================================
    a    Đông     4        poor         poor            illness, lack_capital; water, latrine, telecom
    b    Đông     3        near_poor    poor            illness; water, housing_quality, employment (+ nutrition unknown)
    c    Đoài     5        near_poor    near_poor       lack_land; water
    d    Đoài     2        not_poor     middle          -
    e    Đoài     1        -            incomplete      - ; latrine unknown
    f    Đông     6        poor         (no survey)     -
    ===  =======  =======  ===========  ==============  =================================
    """
    cid = create_commune(db, code="99001", name="Xã Thử Nghiệm", villages=["Thôn Đông", "Thôn Đoài"]).id
    r1 = create_round(db, name="Rà soát 2025", standard_id=STANDARD, start_date="2024-09-15",
                      status="closed").id
    r2 = create_round(db, name="Rà soát 2026", standard_id=STANDARD, start_date="2025-09-15").id
    plan = {"a": ("Thôn Đông", 4), "b": ("Thôn Đông", 3), "c": ("Thôn Đoài", 5), "d": ("Thôn Đoài", 2),
            "e": ("Thôn Đoài", 1), "f": ("Thôn Đông", 6)}
    for hid in ("a", "b", "c", "d", "f"):
        village, n = plan[hid]
        save_household(db, _household(hid, village, n, date="2025-10-01"), round_id=r1)
    store_classifications(db, r1, [_result("a", "poor"), _result("b", "near_poor"), _result("c", "near_poor"),
                                   _result("d", "not_poor"), _result("f", "poor")])
    causes = {"a": ["illness", "lack_capital"], "b": ["illness"], "c": ["lack_land"]}
    for hid in ("a", "b", "c", "d", "e"):
        village, n = plan[hid]
        save_household(db, _household(hid, village, n, causes.get(hid)), round_id=r2)
    store_classifications(db, r2, [
        _result("a", "poor", ("water", "latrine", "telecom")),
        _result("b", "poor", ("water", "housing_quality", "employment"), ("nutrition",)),
        _result("c", "near_poor", ("water",)),
        _result("d", "middle"),
        _result("e", "incomplete", (), ("latrine",)),
    ])
    return {"commune": cid, "r1": r1, "r2": r2}


def test_counts_per_village_and_commune(db, commune):
    d = dash.load_dashboard(db, lang="vi")
    assert d.round.id == commune["r2"]  # the open round by default
    assert d.source == dash.PROPOSED
    assert [v.name for v in d.villages] == ["Thôn Đông", "Thôn Đoài"]
    dong, doai = d.villages
    assert dong.households == 3 and dong.members == 13 and dong.surveyed == 2
    assert dong.households_by_category == {"poor": 2, "near_poor": 0, "middle": 0, "not_poor": 0,
                                           "incomplete": 0, "unclassified": 1}
    assert dong.members_by_category["poor"] == 7 and dong.members_by_category["unclassified"] == 6
    assert doai.households_by_category == {"poor": 0, "near_poor": 1, "middle": 1, "not_poor": 0,
                                           "incomplete": 1, "unclassified": 0}
    assert doai.members == 8 and doai.surveyed == 3
    total = d.commune
    assert total.is_total and total.name == "Toàn xã"
    assert total.households == 6 and total.members == 21 and total.surveyed == 5 and total.classified == 5
    assert total.households_by_category["poor"] == 2
    assert total.share("poor") == pytest.approx(2 / 6)
    assert total.share("near_poor") == pytest.approx(1 / 6)
    assert sum(total.share(c) for c in dash.ALL_CATEGORIES) == pytest.approx(1.0)
    assert total.members_by_category == {"poor": 7, "near_poor": 5, "middle": 2, "not_poor": 0,
                                         "incomplete": 1, "unclassified": 6}


def test_same_figures_on_every_database(any_db):
    """The SQL of the aggregates (bit masks, JSON arrays) on SQLite and PostgreSQL."""
    ids = build_commune(any_db)
    _decide(any_db, ids["r2"], {"a": "poor", "b": "poor", "c": "poor"})
    d = dash.load_dashboard(any_db, ids["r2"], lang="vi")
    assert d.source == dash.OFFICIAL
    assert [v.households for v in d.villages] == [3, 3]
    assert d.commune.households_by_category["poor"] == 3 and d.commune.members_by_category["poor"] == 12
    assert {i.key: (i.deprived, i.unknown) for i in d.indicators}["latrine"] == (1, 1)
    assert {c.key: (c.poor, c.near_poor) for c in d.causes}["illness"] == (2, 0)
    assert d.causes_unrecorded == {"poor": 0, "near_poor": 0}
    assert {c.category: c.delta for c in d.changes}["near_poor"] == -2
    smaller = _household("a", "Thôn Đông", 4, ["illness"])
    del smaller.members[0]
    save_household(any_db, smaller, round_id=ids["r2"])
    d = dash.load_dashboard(any_db, ids["r2"])
    assert d.commune.members_by_category["poor"] == 11 and d.commune.surveyed == 5


def test_indicators_with_standard_names(db, commune):
    d = dash.load_dashboard(db, commune["r2"], lang="vi")
    by_key = {i.key: i for i in d.indicators}
    assert len(d.indicators) == 12
    assert by_key["water"].name == "Nguồn nước sinh hoạt"
    assert (by_key["water"].deprived, by_key["water"].base) == (3, 5)
    assert by_key["water"].share == pytest.approx(0.6)
    assert by_key["latrine"].deprived == 1 and by_key["latrine"].unknown == 1
    assert by_key["nutrition"].deprived == 0 and by_key["nutrition"].unknown == 1
    assert by_key["dependents"].deprived == 0
    en = dash.load_dashboard(db, commune["r2"], lang="en")
    assert {i.key: i.name for i in en.indicators}["water"] == "Drinking water"


def test_causes_among_poor_and_near_poor(db, commune):
    d = dash.load_dashboard(db, commune["r2"], lang="vi")
    causes = {c.key: c for c in d.causes}
    assert (causes["illness"].poor, causes["illness"].near_poor) == (2, 0)
    assert causes["lack_capital"].total == 1
    assert (causes["lack_land"].poor, causes["lack_land"].near_poor) == (0, 1)
    assert causes["no_job"].total == 0
    assert causes["illness"].label == "ốm đau, bệnh nặng, tai nạn"
    assert d.causes_unrecorded == {"poor": 0, "near_poor": 0}


def test_removed_members_and_surveys_not_counted(db, commune):
    smaller = _household("a", "Thôn Đông", 4, ["illness", "lack_capital"])
    del smaller.members[1]  # a member leaves household a (tombstoned)
    save_household(db, smaller, round_id=commune["r2"])
    gone = _household("d", "Thôn Đoài", 2)
    gone.survey = None  # d's survey of 2026 is removed (tombstoned)
    save_household(db, gone, round_id=commune["r2"])
    d = dash.load_dashboard(db, commune["r2"])
    dong, doai = d.villages
    assert dong.members == 12 and dong.members_by_category["poor"] == 6 and dong.surveyed == 2
    assert doai.surveyed == 2 and doai.members == 8
    assert d.commune.members == 20 and d.commune.surveyed == 4
    assert {i.key: i.base for i in d.indicators}["water"] == 4


def test_poor_households_without_a_cause(db, commune):
    save_household(db, _household("h", "Thôn Đông", 2, causes=[]), round_id=commune["r2"])
    save_household(db, _household("i", "Thôn Đoài", 3), round_id=commune["r2"])
    store_classifications(db, commune["r2"], [_result("h", "near_poor"), _result("i", "poor")])
    d = dash.load_dashboard(db, commune["r2"])
    assert d.causes_unrecorded == {"poor": 1, "near_poor": 1}
    assert {c.key: c for c in d.causes}["illness"].poor == 2  # unchanged


def test_change_since_previous_round(db, commune):
    d = dash.load_dashboard(db, commune["r2"])
    assert d.previous_round is not None and d.previous_round.id == commune["r1"]
    assert d.previous_source == dash.PROPOSED
    change = {c.category: c for c in d.changes}
    assert (change["poor"].previous, change["poor"].current, change["poor"].delta) == (2, 2, 0)
    assert (change["near_poor"].previous, change["near_poor"].current, change["near_poor"].delta) == (2, 1, -1)
    assert change["middle"].delta == 1 and change["not_poor"].delta == -1 and change["incomplete"].delta == 1
    assert d.transitions == {("poor", "poor"): 1, ("near_poor", "poor"): 1, ("near_poor", "near_poor"): 1,
                             ("not_poor", "middle"): 1, ("unclassified", "incomplete"): 1,
                             ("poor", "unclassified"): 1}
    assert d.left("poor") == 0 and d.entered("poor") == 1
    assert d.left("near_poor") == 0 and d.entered("near_poor") == 0 and d.entered("middle") == 1
    old = dash.load_dashboard(db, commune["r1"])
    assert old.previous_round is None and old.changes == [] and old.surveyed == 5
    assert old.commune.households_by_category["unclassified"] == 1  # e, not in 2025


def _decide(db: Database, round_id: str, categories: dict[str, str]) -> None:
    """What the review service writes at the chairman's decision (rows only)."""
    import datetime as dt

    with db.transaction() as s:
        decision = ReviewDecisionRow(round_id=round_id, number="12/QĐ-UBND", date=dt.date(2025, 12, 20),
                                     signer="Chủ tịch UBND xã")
        s.add(decision)
        s.flush()
        for hid, category in categories.items():
            s.add(OfficialClassificationRow(household_id=hid, round_id=round_id, decision_id=decision.id,
                                            category=category, decided_at=dt.date(2025, 12, 20),
                                            source="meeting"))


def test_official_categories_preferred(db, commune):
    d = dash.load_dashboard(db, commune["r2"])
    assert d.source == dash.PROPOSED and "đề xuất" in d.source_text("vi")
    # the decision lists a, b and c; c was found poor at the re-check
    _decide(db, commune["r2"], {"a": "poor", "b": "poor", "c": "poor"})
    d = dash.load_dashboard(db, commune["r2"])
    assert d.source == dash.OFFICIAL and d.previous_source == dash.PROPOSED
    assert "chính thức" in d.source_text("vi")
    cats = d.commune.households_by_category
    assert (cats["poor"], cats["near_poor"], cats["middle"], cats["incomplete"]) == (3, 0, 1, 1)
    assert d.commune.members_by_category["poor"] == 12
    assert {c.key: c for c in d.causes}["lack_land"].poor == 1
    assert d.transitions[("near_poor", "poor")] == 2
    assert d.entered("poor") == 2 and d.left("near_poor") == 0
    # the 2026 figures become the previous ones of a later round, official too
    r3 = create_round(db, name="Rà soát 2027", standard_id=STANDARD, start_date="2026-09-15").id
    later = dash.load_dashboard(db, r3)
    assert later.previous_round.id == commune["r2"] and later.previous_source == dash.OFFICIAL
    assert {c.category: c.previous for c in later.changes}["poor"] == 3
    assert later.commune.households_by_category["unclassified"] == 6


def test_deleted_households_not_counted(db, commune):
    delete_household(db, "a")
    d = dash.load_dashboard(db, commune["r2"])
    assert d.commune.households == 5 and d.commune.households_by_category["poor"] == 1
    assert {i.key: i for i in d.indicators}["telecom"].deprived == 0
    assert {c.key: c for c in d.causes}["lack_capital"].total == 0


def test_unknown_round_and_empty_register(db):
    with pytest.raises(NotFound):
        dash.load_dashboard(db)
    create_commune(db, code="99002", name="Xã Trống", villages=["Thôn Một"])
    rid = create_round(db, name="Đợt 1", standard_id=STANDARD).id
    d = dash.load_dashboard(db, rid)
    assert d.commune.households == 0 and d.commune.share("poor") == 0.0
    assert all(i.share == 0.0 for i in d.indicators)
    with pytest.raises(NotFound):
        dash.load_dashboard(db, "no-such-round")


def test_category_labels():
    assert dash.category_label("poor", "vi") == "Hộ nghèo"
    assert dash.category_label("unclassified", "en") == "Not classified"


def test_demo_commune_matches_round_statistics(db):
    result = create_demo(db, households=300, seed=2, classify=classify_round)
    d = dash.load_dashboard(db)
    assert d.commune.households == 300 and d.commune.surveyed == 300
    assert d.commune.classified == result.classified
    assert d.commune.members == result.members
    assert sum(v.households for v in d.villages) == 300
    assert sum(v.members_by_category["poor"] for v in d.villages) == d.commune.members_by_category["poor"]
    assert d.commune.households_by_category["poor"] > 0
    # every poor household of the demo has at least one cause
    poor = d.commune.households_by_category["poor"]
    assert 0 < max(c.poor for c in d.causes) <= poor
    assert d.causes_unrecorded["poor"] + 0 <= poor
    # a poor household has at least 3 deprivations: total deprivations >= 3 x poor
    assert sum(i.deprived for i in d.indicators) >= 3 * poor
    # against a plain count with the ORM
    with db.session() as s:
        rows = s.scalars(select(ClassificationRow.category)).all()
    assert d.commune.households_by_category["near_poor"] == rows.count("near_poor")
