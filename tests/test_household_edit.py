"""Core helpers of the household editor and the register view's queries
(Qt-free, real SQLite)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from desktop_app.domain.record import Household, Member, Survey
from desktop_app.domain.text import fold
from desktop_app.errors import ValidationError
from desktop_app.services import register
from desktop_app.services.classify import classify_round, round_standard
from desktop_app.services.demo import create_demo
from desktop_app.services.household_edit import (
    QUICK_SCREEN_KEY,
    check_household,
    check_members,
    classify_edited,
    errors_of,
    format_date,
    income_from_worksheet,
    parse_birth_date,
    parse_date,
    parse_id_number,
    save_and_classify,
)
from desktop_app.services.register_queries import (
    SORT_KEYS,
    RegisterFilter,
    SearchIndex,
    category_label,
    count_register,
    id_number_owners,
    ordered_ids,
    rows_for,
)
from desktop_app.storage.models import INDICATOR_BIT, ClassificationRow, HouseholdRow, MemberRow


def _m(name: str, relation: str | None = "head", birth: str | None = "1980-05-01", id_number: str | None = None,
       **kw) -> Member:
    return Member(member_id=str(uuid.uuid4()), full_name=name, relation=relation, birth_date=birth,
                  id_number=id_number, **kw)


def _fields(issues, severity="error"):
    return {(i.field, i.severity) for i in issues if i.severity == severity}


# --------------------------------------------------------------------------
# parsing


def test_parse_birth_date_accepts_paper_forms():
    assert parse_birth_date("12/04/1979") == "1979-04-12"
    assert parse_birth_date("1/2/1980") == "1980-02-01"
    assert parse_birth_date("1979") == "1979"
    assert parse_birth_date(" 1979-04-12 ") == "1979-04-12"
    assert parse_birth_date("") is None
    for bad in ("31/02/1980", "12/13/1980", "1700", "abc", "12-1980"):
        with pytest.raises(ValidationError) as err:
            parse_birth_date(bad)
        assert "ngày/tháng/năm" in err.value.problem
    assert format_date("1979-04-12") == "12/04/1979"
    assert format_date("1979") == "1979"
    assert parse_date("20/10/2025") == "2025-10-20"


def test_parse_id_number():
    assert parse_id_number("0351 7900 1234") == "035179001234"
    assert parse_id_number("") is None
    with pytest.raises(ValidationError) as err:
        parse_id_number("12345")
    assert "12 chữ số" in err.value.problem


# --------------------------------------------------------------------------
# member checks


def test_valid_household_has_no_issue():
    members = [_m("Nguyễn Văn An", "head", "1970-01-01", "035170001234"),
               _m("Trần Thị Bích", "spouse", "1972-03-04", "035172001235"),
               _m("Nguyễn Văn Cường", "child", "2005", None),
               _m("Nguyễn Văn Dũng", "parent", "1945")]
    assert check_members(members, "2025-10-20") == []


def test_head_count_errors():
    assert ("members", "error") in _fields(check_members([_m("A", "spouse")], "2025-10-20"))
    issues = check_members([_m("A"), _m("B")], "2025-10-20")
    assert ("members[1].relation", "error") in _fields(issues)
    assert "2 chủ hộ" in issues[0].message


def test_id_number_errors():
    issues = check_members([_m("A", id_number="123"), _m("B", "child", "2000-01-01", "035170001234"),
                            _m("C", "child", "2001-01-01", "035170001234")], "2025-10-20")
    fields = _fields(issues)
    assert ("members[0].id_number", "error") in fields
    assert ("members[2].id_number", "error") in fields
    taken = check_members([_m("A", id_number="035170009999")], "2025-10-20",
                          {"035170009999": ("TD-0001", "Lê Văn Tám")})
    assert "TD-0001" in taken[0].message and "Lê Văn Tám" in taken[0].message


def test_birth_dates_against_the_survey_date():
    issues = check_members([_m("A", birth="2026-01-01")], "2025-10-20")
    assert issues[0].field == "members[0].birth_date" and issues[0].is_error
    assert "sau ngày rà soát 20/10/2025" in issues[0].message
    old = check_members([_m("A", birth="1890")], "2025-10-20")
    assert old[0].is_error and "quá 120" in old[0].message


def test_implausible_relations_are_warnings():
    issues = check_members([_m("Chủ", "head", "1970-01-01"), _m("Bố", "parent", "1990-01-01"),
                            _m("Con", "child", "1960-01-01")], "2025-10-20")
    assert errors_of(issues) == []
    assert _fields(issues, "warning") == {("members[1].birth_date", "warning"), ("members[2].birth_date", "warning")}


def test_empty_names_and_no_members():
    assert check_members([], "2025-10-20")[0].field == "members"
    assert ("members[0].full_name", "error") in _fields(check_members([_m(" ")], "2025-10-20"))


def test_income_worksheet():
    sheet = {"sources": {"crops": {"income": 30_000_000, "cost": 6_000_000}, "wages": {"income": 12_000_000}}}
    assert income_from_worksheet(sheet, 4) == 750_000  # (42 - 6) million / 4 / 12
    assert income_from_worksheet({"sources": {}}, 4) is None
    assert income_from_worksheet(sheet, 0) is None
    assert income_from_worksheet({"sources": {"crops": {"income": 1, "cost": 10}}}, 1) == 0


# --------------------------------------------------------------------------
# with a database


@pytest.fixture
def demo(db):
    result = create_demo(db, households=150, seed=2, classify=classify_round)
    return db, result


def _household(hid: str | None = None, *, id_number: str | None = None, birth: str = "1980-05-01",
               score_a: int | None = 120) -> Household:
    return Household(
        household_id=hid or str(uuid.uuid4()), area="rural", village=None,
        members=[_m("Hoàng Thị Mến", "head", birth, id_number, health_insurance=True, sex="female",
                    employment="self_employed", education="upper_secondary", ethnicity="Kinh")],
        survey=Survey(date="2025-10-20", score_a=score_a, house_none=False, walls_durable=False,
                      columns_durable=False, roof_durable=True, floor_area_m2=30, water_source="piped",
                      latrine="none", internet_use=False, info_devices=["tv"], hears_loudspeaker=True))


def test_id_number_unique_in_the_commune(demo):
    db, result = demo
    with db.session() as s:
        number, hid = s.execute(select(MemberRow.id_number, MemberRow.household_id)
                                .where(MemberRow.id_number.is_not(None)).limit(1)).one()
    owners = id_number_owners(db, [number], commune_id=result.commune_id)
    assert number in owners
    assert id_number_owners(db, [number], exclude_household=hid) == {}
    issues = check_household(db, _household(id_number=number), commune_id=result.commune_id)
    assert issues and issues[0].field == "members[0].id_number" and "đã có trong sổ" in issues[0].message


def test_save_and_classify_refuses_errors_and_writes_nothing(demo):
    db, result = demo
    standard = round_standard(db, result.round_id)
    before = register.count_households(db, result.round_id)
    with pytest.raises(ValidationError) as err:
        save_and_classify(db, _household(birth="2026-02-01"), standard, round_id=result.round_id,
                          commune_id=result.commune_id)
    assert "sau ngày rà soát" in str(err.value)
    assert register.count_households(db, result.round_id) == before


def test_save_and_classify_stores_the_classification(demo):
    db, result = demo
    standard = round_standard(db, result.round_id)
    household = _household()
    saved = save_and_classify(db, household, standard, round_id=result.round_id, commune_id=result.commune_id)
    assert saved.result.category == "poor" and saved.result.score_b == 30
    assert {"households", "members", "surveys", "classifications"} <= saved.changes.kinds
    rows = rows_for(db, result.round_id, [household.household_id])
    row = rows[household.household_id]
    assert (row.category, row.score_a, row.score_b, row.official) == ("poor", 120, 30, False)
    assert category_label(row.category, row.official) == "Hộ nghèo (đề xuất)"


def test_quick_screen_stops_the_review(demo):
    db, result = demo
    standard = round_standard(db, result.round_id)
    household = _household()
    household.survey.extra[QUICK_SCREEN_KEY] = {standard.quick_screen[0].key: True}
    res = classify_edited(household, standard)
    assert res.category == "not_poor"
    assert any("Phiếu A" in w for w in res.warnings)
    household.survey.extra[QUICK_SCREEN_KEY] = {standard.quick_screen[0].key: False}
    assert classify_edited(household, standard).category == "poor"


# --------------------------------------------------------------------------
# register queries


def _direct_count(db, round_id, where=None, member=None):
    """Households counted straight from the tables (independent of the module)."""
    with db.session() as s:
        ids = set(s.scalars(select(HouseholdRow.id).where(HouseholdRow.deleted.is_(False))))
        if member is not None:
            rows = s.execute(select(MemberRow.household_id, MemberRow).where(MemberRow.deleted.is_(False)))
            ids &= {hid for hid, m in rows if member(m)}
        if where is not None:
            rows = s.scalars(select(ClassificationRow).where(ClassificationRow.round_id == round_id))
            ids &= {c.household_id for c in rows if where(c)}
        return len(ids)


def test_filters_match_direct_counts(demo):
    db, result = demo
    rid = result.round_id
    f = RegisterFilter(round_id=rid)
    assert count_register(db, f) == len(ordered_ids(db, f)) == 150
    village = register.list_villages(db)[0]
    with db.session() as s:
        in_village = s.scalar(select(func.count()).select_from(HouseholdRow)
                              .where(HouseholdRow.village_id == village.id))
    assert len(ordered_ids(db, f.with_(village_id=village.id))) == in_village
    assert len(ordered_ids(db, f.with_(category="poor"))) == _direct_count(db, rid, lambda c: c.category == "poor")
    bit = INDICATOR_BIT["latrine"]
    assert len(ordered_ids(db, f.with_(deprivation="latrine"))) == \
        _direct_count(db, rid, lambda c: c.deprived_mask & bit) > 0
    minority = len(ordered_ids(db, f.with_(ethnic_minority=True)))
    assert minority == _direct_count(db, rid, member=lambda m: m.ethnicity and m.ethnicity != "Kinh") > 0
    assert len(ordered_ids(db, f.with_(meritorious=True))) == _direct_count(db, rid, member=lambda m: m.meritorious)
    assert len(ordered_ids(db, f.with_(social_protection=True))) == \
        _direct_count(db, rid, member=lambda m: m.social_protection)
    both = f.with_(category="poor", ethnic_minority=True)
    assert count_register(db, both) == len(ordered_ids(db, both)) <= minority


def test_sorting_is_done_by_the_database(demo):
    db, result = demo
    f = RegisterFilter(round_id=result.round_id)
    for key in SORT_KEYS:
        ids = ordered_ids(db, f, key)
        assert sorted(ids) == sorted(ordered_ids(db, f)), key
    ids = ordered_ids(db, f, "score_b", descending=True)
    rows = rows_for(db, result.round_id, ids)
    scores = [rows[h].score_b for h in ids if rows[h].score_b is not None]
    assert scores == sorted(scores, reverse=True)
    ids = ordered_ids(db, f, "head")
    rows = rows_for(db, result.round_id, ids)
    heads = [fold(rows[h].head_name) for h in ids]
    assert heads == sorted(heads)


@pytest.mark.parametrize("text", ["nguyen", "Nguyễn", "thi", "0", "035", "TD", "zzz", "  "])
def test_search_index_agrees_with_the_sql_search(demo, text):
    db, result = demo
    f = RegisterFilter(round_id=result.round_id)
    index = SearchIndex.build(db, result.commune_id)
    base = ordered_ids(db, f)
    expected = ordered_ids(db, f.with_(search=text))
    assert index.filter(base, text) == expected
    assert len(expected) == register.count_households(db, result.round_id, search=text or None)


def test_search_index_follows_a_saved_and_deleted_household(demo):
    db, result = demo
    standard = round_standard(db, result.round_id)
    index = SearchIndex.build(db, result.commune_id)
    household = _household()
    save_and_classify(db, household, standard, round_id=result.round_id, commune_id=result.commune_id)
    index.update(db, household.household_id)
    base = ordered_ids(db, RegisterFilter(round_id=result.round_id))
    assert household.household_id in index.filter(base, "hoang thi men")
    register.delete_household(db, household.household_id)
    index.update(db, household.household_id)
    assert index.matches("hoang thi men") == set()
