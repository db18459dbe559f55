"""Register services: upserts, tombstones, revisions, audit log, search,
lists, statistics, bulk import and classification storage."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import func, select

from desktop_app.domain.record import parse_record, record_to_dict
from desktop_app.domain.text import fold, initials
from desktop_app.errors import NotFound, ValidationError
from desktop_app.services import Changes
from desktop_app.services import register as reg
from desktop_app.storage.models import (
    INDICATOR_ORDER,
    AuditLogRow,
    ClassificationRow,
    HouseholdRow,
    MemberRow,
    SurveyRow,
    VillageRow,
    indicator_masks,
)

COMMUNE = "22246"


def _record(hid: str = "h1", village: str = "Thôn Đông", names=("Nguyễn Thị Lan", "Trần Văn Bình"),
            ids=("035179001234", None), score_a: int | None = 131) -> dict:
    members = []
    for i, (name, idn) in enumerate(zip(names, ids)):
        members.append({"member_id": f"{hid}-m{i}", "full_name": name, "sex": "female" if i == 0 else "male",
                        "birth_date": "1979-04-12", "id_number": idn, "relation": "head" if i == 0 else "spouse"})
    return {
        "format": "household-record/1", "household_id": hid, "commune_code": COMMUNE, "village": village,
        "address": "Xóm 3", "area": "rural", "region": "red_river_delta", "agricultural": True,
        "members": members,
        "survey": {"date": "2025-10-20", "standard": "vn-2022-2025", "score_a": score_a, "floor_area_m2": 36,
                   "water_source": "piped", "latrine": "none", "internet_use": False, "info_devices": ["tv"]},
    }


@pytest.fixture
def setup(any_db):
    """A commune with two villages and an open round."""
    cid, changes = reg.create_commune(any_db, code=COMMUNE, name="Xã Hồng Phong", province="Tỉnh Hưng Yên",
                                      default_area="rural", villages=["Thôn Đông", ("Tổ dân phố 3", None)])
    assert changes.kinds == {"communes", "villages"}
    rid, changes = reg.create_round(any_db, name="Rà soát định kỳ 2026", standard_id="vn-2022-2025",
                                    start_date="2025-09-15", end_date="2025-12-15")
    assert changes.kinds == {"rounds"}
    return any_db, cid, rid


def _row(db, model, row_id):
    with db.session() as s:
        row = s.get(model, row_id)
        s.expunge_all()
        return row


def _audit(db, table=None):
    with db.session() as s:
        stmt = select(AuditLogRow).order_by(AuditLogRow.id)
        if table:
            stmt = stmt.where(AuditLogRow.table_name == table)
        rows = s.scalars(stmt).all()
        s.expunge_all()
        return rows


# -- text folding -------------------------------------------------------------


def test_fold_and_initials():
    assert fold("Nguyễn Thị Lan") == "nguyen thi lan"
    assert fold("  ĐẶNG   Thị Ngọc  Hà ") == "dang thi ngoc ha"
    assert fold("Giàng A Páo") == fold("giang a pao")
    assert fold(None) == "" and fold("") == ""
    assert initials("Thôn Đông") == "TD"
    assert initials("Tổ dân phố 3") == "TDP3"
    assert initials("Bản Phiêng") == "BP"


def test_changes_record():
    a, b = Changes.of("households", ["members"]), Changes.of("surveys", count=3)
    assert "households" in a and "surveys" not in a
    assert (a | b).kinds == {"households", "members", "surveys"} and (a | b).count == 3
    assert not Changes() and a


# -- communes, villages, rounds ---------------------------------------------------


def test_commune_setup_validates(setup):
    db, cid, rid = setup
    with pytest.raises(ValidationError):
        reg.create_commune(db, code=COMMUNE, name="Trùng mã")
    with pytest.raises(ValidationError):
        reg.create_commune(db, code="1", name="x", mode="province")
    with pytest.raises(ValidationError):
        reg.create_round(db, name="x", standard_id="s", kind="monthly")
    with pytest.raises(ValidationError):
        reg.create_round(db, name="x", standard_id="s", start_date="2025-12-01", end_date="2025-01-01")
    villages = reg.list_villages(db, cid)
    assert [(v.name, v.kind) for v in villages] == [("Thôn Đông", "village"), ("Tổ dân phố 3", "residential_group")]
    assert reg.current_round(db).id == rid
    assert [a.action for a in _audit(db)] == ["insert"] * 4


# -- households ------------------------------------------------------------


def test_save_load_update_and_revisions(setup):
    db, cid, rid = setup
    record = _record()
    changes = reg.save_household(db, parse_record(record), round_id=rid)
    assert changes.kinds == {"households", "members", "surveys"}
    assert record_to_dict(reg.load_household(db, "h1", rid)) == record_to_dict(parse_record(record))
    assert _row(db, HouseholdRow, "h1").code == "TD-0001"

    # saving the same record again changes nothing
    assert reg.save_household(db, parse_record(record), round_id=rid) == Changes()
    assert _row(db, MemberRow, "h1-m0").revision == 1

    # one member field and one survey field change
    changed = copy.deepcopy(record)
    changed["members"][0]["health_insurance"] = False
    changed["survey"]["score_a"] = 150
    changes = reg.save_household(db, parse_record(changed), round_id=rid)
    assert changes.kinds == {"members", "surveys"}
    assert _row(db, MemberRow, "h1-m0").revision == 2
    assert _row(db, MemberRow, "h1-m1").revision == 1
    assert _row(db, HouseholdRow, "h1").revision == 1
    loaded = reg.load_household(db, "h1", rid)
    assert loaded.members[0].health_insurance is False and loaded.survey.score_a == 150
    update = [a for a in _audit(db, "member") if a.action == "update"]
    assert len(update) == 1 and update[0].old == {"health_insurance": None}
    assert update[0].new == {"health_insurance": False} and update[0].row_id == "h1-m0"


def test_removed_member_is_tombstoned_and_can_return(setup):
    db, cid, rid = setup
    record = _record()
    reg.save_household(db, parse_record(record), round_id=rid)
    smaller = copy.deepcopy(record)
    del smaller["members"][1]
    assert reg.save_household(db, parse_record(smaller), round_id=rid).kinds == {"members"}
    gone = _row(db, MemberRow, "h1-m1")
    assert gone is not None and gone.deleted is True and gone.revision == 2
    assert [m.member_id for m in reg.load_household(db, "h1").members] == ["h1-m0"]
    assert [a.action for a in _audit(db, "member")][-1] == "delete"
    reg.save_household(db, parse_record(record), round_id=rid)
    back = _row(db, MemberRow, "h1-m1")
    assert back.deleted is False and back.revision == 3
    with db.session() as s:  # never physically deleted
        assert s.scalar(select(func.count()).select_from(MemberRow)) == 2


def test_delete_household_tombstones_everything(setup):
    db, cid, rid = setup
    reg.save_household(db, parse_record(_record()), round_id=rid)
    reg.store_classifications(db, rid, [_result("h1")])
    changes = reg.delete_household(db, "h1")
    assert changes.kinds == {"households", "members", "surveys", "classifications"}
    with pytest.raises(NotFound):
        reg.load_household(db, "h1")
    with pytest.raises(NotFound):
        reg.delete_household(db, "h1")
    assert reg.list_households(db, rid) == [] and reg.count_households(db, rid) == 0
    assert reg.stats(db)["households"] == 0 and reg.stats(db)["members"] == 0
    with db.session() as s:
        for model in (HouseholdRow, MemberRow, SurveyRow, ClassificationRow):
            rows = s.scalars(select(model)).all()
            assert rows and all(r.deleted and r.revision == 2 for r in rows)
    # saving it again brings it back
    reg.save_household(db, parse_record(_record()), round_id=rid)
    assert reg.load_household(db, "h1", rid).survey is not None
    assert _row(db, HouseholdRow, "h1").revision == 3


def test_villages_codes_and_commune_resolution(setup):
    db, cid, rid = setup
    reg.save_household(db, parse_record(_record("a")), round_id=rid)
    reg.save_household(db, parse_record(_record("b")), round_id=rid)
    changes = reg.save_household(db, parse_record(_record("c", village="Bản Phiêng")), round_id=rid)
    assert "villages" in changes
    reg.save_household(db, parse_record(_record("d", village="tổ dân phố 3")), round_id=rid)
    reg.save_household(db, parse_record(_record("e", village=None)), round_id=rid)
    codes = {h: _row(db, HouseholdRow, h).code for h in "abcde"}
    assert codes == {"a": "TD-0001", "b": "TD-0002", "c": "BP-0001", "d": "TDP3-0001", "e": "HO-0001"}
    assert reg.load_household(db, "d").village == "Tổ dân phố 3"  # matched without accents or case
    assert [v.name for v in reg.list_villages(db, cid)] == ["Thôn Đông", "Tổ dân phố 3", "Bản Phiêng"]
    with pytest.raises(NotFound):
        reg.save_household(db, parse_record(dict(_record("x"), commune_code="00001")), round_id=rid)
    other, _ = reg.create_commune(db, code="00001", name="Xã Khác")
    with pytest.raises(ValidationError):  # a round of another commune
        reg.save_household(db, parse_record(dict(_record("x"), commune_code="00001")), round_id=rid)
    with pytest.raises(NotFound):  # the other commune has no open round
        reg.save_household(db, parse_record(dict(_record("x"), commune_code="00001")))


def test_member_of_another_household_is_refused(setup):
    db, cid, rid = setup
    reg.save_household(db, parse_record(_record("a")), round_id=rid)
    thief = _record("b")
    thief["members"][1]["member_id"] = "a-m1"
    with pytest.raises(ValidationError) as err:
        reg.save_household(db, parse_record(thief), round_id=rid)
    assert err.value.field == "members[1].member_id"
    with pytest.raises(NotFound):
        reg.load_household(db, "b")  # nothing half-written
    too_long = _record("c" * 65)
    with pytest.raises(ValidationError):
        reg.save_household(db, parse_record(too_long), round_id=rid)


def test_survey_removed_when_round_given_without_survey(setup):
    db, cid, rid = setup
    reg.save_household(db, parse_record(_record()), round_id=rid)
    assert reg.save_household(db, parse_record(dict(_record(), survey=None))) == Changes()
    assert reg.load_household(db, "h1").survey is not None
    changes = reg.save_household(db, parse_record(dict(_record(), survey=None)), round_id=rid)
    assert changes.kinds == {"surveys"}
    assert reg.load_household(db, "h1").survey is None


# -- search and lists -------------------------------------------------------


def test_accent_insensitive_search(setup):
    db, cid, rid = setup
    reg.save_household(db, parse_record(_record("a", names=("Nguyễn Thị Lan", "Đặng Văn Hùng"),
                                                 ids=("035179001234", "001099000777"))), round_id=rid)
    reg.save_household(db, parse_record(_record("b", names=("Trần Thị Lan Anh", "Lò Văn Ún"),
                                                 ids=(None, "035199000001"))), round_id=rid)

    def found(text):
        return sorted(r.household_id for r in reg.list_households(db, rid, search=text))

    assert found("nguyen thi lan") == ["a"]
    assert found("NGUYỄN THỊ LAN") == ["a"]
    assert found("Nguyen   Thi  Lan") == ["a"]
    assert found("dang van hung") == ["a"]
    assert found("lan") == ["a", "b"]
    assert found("lo van un") == ["b"]
    assert found("035") == ["a", "b"]  # id number prefix
    assert found("0351790") == ["a"]
    assert found("001099000777") == ["a"]
    assert found("99000") == []  # prefix, not substring
    assert found("td-0002") == ["b"]  # household code prefix
    assert found("50%") == [] and found("_") == []
    assert found("") == ["a", "b"]
    assert reg.count_households(db, rid, search="lan") == 2


def test_list_filters_paging_and_summary(setup):
    db, cid, rid = setup
    for i in range(7):
        village = "Thôn Đông" if i % 2 == 0 else "Tổ dân phố 3"
        reg.save_household(db, parse_record(_record(f"h{i}", village=village)), round_id=rid)
    reg.save_household(db, parse_record(dict(_record("nosurvey"), survey=None)))
    reg.store_classifications(db, rid, [_result("h0", "poor"), _result("h1", "near_poor"), _result("h2", "poor")])
    rows = reg.list_households(db, rid)
    assert [r.code for r in rows] == ["TD-0001", "TD-0002", "TD-0003", "TD-0004", "TD-0005",
                                      "TDP3-0001", "TDP3-0002", "TDP3-0003"]
    first = rows[0]
    assert (first.household_id, first.head_name, first.village, first.members) == ("h0", "Nguyễn Thị Lan",
                                                                                    "Thôn Đông", 2)
    assert (first.category, first.score_a, first.score_b, first.surveyed) == ("poor", 131, 30, True)
    assert [r.surveyed for r in rows if r.household_id == "nosurvey"] == [False]
    assert [r.code for r in reg.list_households(db, rid, offset=2, limit=3)] == ["TD-0003", "TD-0004", "TD-0005"]
    assert {r.household_id for r in reg.list_households(db, rid, category="poor")} == {"h0", "h2"}
    assert reg.count_households(db, rid, category="unclassified") == 5
    village = reg.list_villages(db, cid)[1]
    assert {r.household_id for r in reg.list_households(db, rid, village=village.id)} == {"h1", "h3", "h5"}
    assert reg.count_households(db, rid, village="Tổ dân phố 3", category="near_poor") == 1
    assert reg.count_households(db, rid) == 8


def test_stats(setup):
    db, cid, rid = setup
    for i in range(3):
        reg.save_household(db, parse_record(_record(f"h{i}")), round_id=rid)
    reg.store_classifications(db, rid, [_result("h0", "poor"), _result("h1", "middle")])
    stats = reg.stats(db)
    assert stats["households"] == 3 and stats["members"] == 6 and stats["villages"] == 2
    assert stats["round"] == {"id": rid, "name": "Rà soát định kỳ 2026"}
    assert stats["categories"] == {"poor": 1, "near_poor": 0, "middle": 1, "not_poor": 0, "incomplete": 0}
    (rnd,) = stats["rounds"]
    assert rnd["surveys"] == 3 and rnd["classified"] == 2 and rnd["standard_id"] == "vn-2022-2025"


# -- bulk -------------------------------------------------------------------------


def test_import_households_new_and_existing_in_one_transaction(setup):
    db, cid, rid = setup
    reg.save_household(db, parse_record(_record("old", score_a=100)), round_id=rid)
    households = [parse_record(_record(f"n{i}", village="Bản Mới")) for i in range(5)]
    households.append(parse_record(_record("old", score_a=120)))
    calls = []
    result = reg.import_households(db, households, round_id=rid, chunk_size=2, progress=calls.append,
                                   source="test.json")
    assert (result.inserted, result.updated, result.members) == (5, 1, 10)
    assert result.changes.kinds >= {"households", "members", "surveys", "villages"}
    assert calls == [2, 4, 6]
    assert reg.load_household(db, "old").survey.score_a == 120
    assert {_row(db, HouseholdRow, f"n{i}").code for i in range(5)} == {f"BM-000{i}" for i in range(1, 6)}
    assert _audit(db)[-1].action == "import" and _audit(db)[-1].new["inserted"] == 5


def test_import_conflict_writes_nothing(setup):
    db, cid, rid = setup
    reg.save_household(db, parse_record(_record("a")), round_id=rid)
    clash = _record("b")
    clash["members"][0]["member_id"] = "a-m0"
    with pytest.raises(ValidationError):
        reg.import_households(db, [parse_record(_record("c")), parse_record(clash)], round_id=rid)
    assert reg.count_households(db, rid) == 1


def test_iter_households_for_classification(setup):
    db, cid, rid = setup
    for i in range(5):
        reg.save_household(db, parse_record(_record(f"h{i}")), round_id=rid)
    reg.save_household(db, parse_record(dict(_record("nosurvey"), survey=None)))
    reg.delete_household(db, "h3")
    got = {h.household_id: h for h in reg.iter_households_for_classification(db, rid)}
    assert set(got) == {"h0", "h1", "h2", "h4"}
    for hid, household in got.items():
        assert record_to_dict(household) == record_to_dict(reg.load_household(db, hid, rid))
    everyone = {h.household_id for h in reg.iter_households_for_classification(db, rid, surveyed_only=False)}
    assert everyone == {"h0", "h1", "h2", "h4", "nosurvey"}
    with pytest.raises(NotFound):
        list(reg.iter_households_for_classification(db, "no-such-round"))


# -- classifications --------------------------------------------------------


def _result(hid: str, category: str = "poor", deprived=("housing_quality", "latrine", "telecom"),
            unknown=()) -> dict:
    indicators = {k: "yes" if k in deprived else "unknown" if k in unknown else "no" for k in INDICATOR_ORDER}
    return {
        "household_id": hid, "standard": "vn-2022-2025", "standard_version": "2021.1", "category": category,
        "score_a": 131, "score_b": 10 * len(deprived), "income_per_capita": None, "indicators": indicators,
        "reasons": {k: f"Lý do {k}" for k in deprived}, "missing": [f"x.{k}" for k in unknown], "warnings": [],
    }


def test_indicator_bit_order_is_pinned():
    assert INDICATOR_ORDER[:12] == (
        "employment", "dependents", "nutrition", "health_insurance", "adult_education", "child_schooling",
        "housing_quality", "housing_area", "water", "latrine", "telecom", "info_access")


def test_indicator_masks():
    indicators = {k: "no" for k in INDICATOR_ORDER} | {"employment": "yes", "info_access": "yes",
                                                        "water": "unknown"}
    assert indicator_masks(indicators) == (1 | 1 << 11, 1 << 8)


def test_store_classifications_upsert_and_revisions(setup):
    db, cid, rid = setup
    for i in range(3):
        reg.save_household(db, parse_record(_record(f"h{i}")), round_id=rid)
    results = [_result("h0"), _result("h1", "incomplete", deprived=("latrine",), unknown=("water", "telecom")),
               _result("h2", "not_poor", deprived=())]
    changes = reg.store_classifications(db, rid, results)
    assert changes.kinds == {"classifications"} and changes.count == 3
    with db.session() as s:
        rows = {r.household_id: r for r in s.scalars(select(ClassificationRow))}
        survey_ids = dict(s.execute(select(SurveyRow.household_id, SurveyRow.id)).all())
    h0, h1 = rows["h0"], rows["h1"]
    assert h0.survey_id == survey_ids["h0"] and h0.round_id == rid and h0.standard_id == "vn-2022-2025"
    assert h0.deprived_mask == (1 << 6 | 1 << 9 | 1 << 10) and h0.unknown_mask == 0
    assert h1.deprived_mask == 1 << 9 and h1.unknown_mask == (1 << 8 | 1 << 10)
    assert h0.reasons == {"housing_quality": "Lý do housing_quality", "latrine": "Lý do latrine",
                          "telecom": "Lý do telecom"}
    assert h0.app_version and h0.computed_at.tzinfo is not None and h0.revision == 1

    assert reg.store_classifications(db, rid, results) == Changes()  # nothing new: no new revisions
    assert _row(db, ClassificationRow, h0.id).revision == 1
    results[0]["category"] = "near_poor"
    assert reg.store_classifications(db, rid, results).count == 1
    again = _row(db, ClassificationRow, h0.id)
    assert again.category == "near_poor" and again.revision == 2
    assert _row(db, ClassificationRow, h1.id).revision == 1
    assert [a.action for a in _audit(db, "classification")] == ["classify", "classify"]
    with pytest.raises(NotFound):
        reg.store_classifications(db, rid, [_result("nobody")])
    with pytest.raises(NotFound):
        reg.store_classifications(db, "no-such-round", results)


def test_village_rows_are_synced_rows(setup):
    db, cid, rid = setup
    with db.session() as s:
        for v in s.scalars(select(VillageRow)):
            assert len(v.id) == 36 and v.revision == 1 and v.deleted is False and v.created_at.tzinfo
