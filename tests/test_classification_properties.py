"""Property-based tests of the classification rule's invariants (hypothesis)."""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_app.classification import classify
from desktop_app.domain import record as rec
from desktop_app.domain.record import parse_record
from desktop_app.standards.loader import default_registry

REGISTRY = default_registry()
STANDARDS = ["vn-2022-2025", "vn-2027-2030"]


def maybe(strategy):
    return st.one_of(st.none(), strategy)


SURVEY_DATE = st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def members(draw, survey_date: dt.date, index: int):
    age_days = draw(st.integers(min_value=0, max_value=100 * 365))
    birth = survey_date - dt.timedelta(days=age_days)
    birth_text = draw(st.sampled_from([birth.isoformat(), str(birth.year) if birth.year < survey_date.year
                                       else birth.isoformat(), None]))
    return {
        "member_id": f"m{index}",
        "full_name": draw(st.sampled_from(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"])),
        "sex": draw(maybe(st.sampled_from(rec.SEXES))),
        "birth_date": birth_text,
        "relation": "head" if index == 0 else draw(st.sampled_from(rec.RELATIONS[1:])),
        "able_to_work": draw(maybe(st.booleans())),
        "disability": draw(maybe(st.sampled_from(rec.DISABILITIES))),
        "employment": draw(maybe(st.sampled_from(rec.EMPLOYMENTS))),
        "health_insurance": draw(maybe(st.booleans())),
        "education": draw(maybe(st.sampled_from(rec.EDUCATIONS))),
        "studying": draw(maybe(st.booleans())),
        "vocational_certificate": draw(maybe(st.booleans())),
        "in_school": draw(maybe(st.booleans())),
        "nutrition": draw(maybe(st.sampled_from(rec.NUTRITIONS))),
    }


@st.composite
def households(draw):
    survey_date = draw(SURVEY_DATE)
    n = draw(st.integers(min_value=1, max_value=6))
    ms = [draw(members(survey_date, i)) for i in range(n)]
    survey = {
        "date": survey_date.isoformat(),
        "standard": draw(st.sampled_from(STANDARDS)),
        "score_a": draw(maybe(st.integers(min_value=60, max_value=260))),
        "income_per_capita": draw(maybe(st.integers(min_value=0, max_value=4_000_000))),
        "house_none": draw(maybe(st.booleans())),
        "walls_durable": draw(maybe(st.booleans())),
        "columns_durable": draw(maybe(st.booleans())),
        "roof_durable": draw(maybe(st.booleans())),
        "floor_area_m2": draw(maybe(st.integers(min_value=0, max_value=200))),
        "water_source": draw(maybe(st.sampled_from(rec.WATER_SOURCES))),
        "latrine": draw(maybe(st.sampled_from(rec.LATRINES))),
        "internet_use": draw(maybe(st.booleans())),
        "info_devices": draw(maybe(st.lists(st.sampled_from(rec.INFO_DEVICES), unique=True, max_size=3))),
        "hears_loudspeaker": draw(maybe(st.booleans())),
    }
    return {
        "format": rec.FORMAT,
        "household_id": "h1",
        "area": draw(maybe(st.sampled_from(rec.AREAS))),
        "region": draw(maybe(st.sampled_from(rec.REGIONS))),
        "members": ms,
        "survey": survey,
    }


def run(obj):
    h = parse_record(obj)
    return classify(h, REGISTRY.get(h.survey.standard))


# value choices used to answer an unknown field
MEMBER_ANSWERS = {
    "sex": rec.SEXES, "able_to_work": (True, False), "employment": rec.EMPLOYMENTS,
    "health_insurance": (True, False), "education": rec.EDUCATIONS, "studying": (True, False),
    # vocational_certificate is left out on purpose: the on-job training
    # exception counts only when recorded (null = no certificate shown), as
    # the shared fixtures require.
    "in_school": (True, False), "nutrition": rec.NUTRITIONS,
    "disability": rec.DISABILITIES,
}
SURVEY_ANSWERS = {
    "score_a": (60, 140, 141, 175, 176, 260), "income_per_capita": (0, 1_500_000, 2_000_000, 2_200_001, 5_000_000),
    "house_none": (True, False), "walls_durable": (True, False), "columns_durable": (True, False),
    "roof_durable": (True, False), "floor_area_m2": (0, 10, 30, 120), "water_source": rec.WATER_SOURCES,
    "latrine": rec.LATRINES, "internet_use": (True, False), "info_devices": ([], ["tv"], ["basic_phone"]),
    "hears_loudspeaker": (True, False),
}


def unknown_slots(obj):
    slots = []
    for i, m in enumerate(obj["members"]):
        for k in MEMBER_ANSWERS:
            if m.get(k) is None:
                slots.append(("member", i, k))
        if m.get("birth_date") is None:
            slots.append(("member", i, "birth_date"))
    for k in SURVEY_ANSWERS:
        if obj["survey"].get(k) is None:
            slots.append(("survey", None, k))
    if obj.get("area") is None:
        slots.append(("household", None, "area"))
    return slots


def fill(obj, slot, value):
    where, i, key = slot
    filled = copy.deepcopy(obj)
    if where == "member":
        filled["members"][i][key] = value
    elif where == "survey":
        filled["survey"][key] = value
    else:
        filled[key] = value
    return filled


@st.composite
def household_and_answers(draw):
    """A household and, for EVERY unknown answer in it, a way to answer it."""
    obj = draw(households())
    sdate = dt.date.fromisoformat(obj["survey"]["date"])
    answered = []
    for slot in unknown_slots(obj):
        where, _, key = slot
        if key == "birth_date":
            days = draw(st.integers(min_value=0, max_value=100 * 365))
            value = (sdate - dt.timedelta(days=days)).isoformat()
        elif where == "member":
            value = draw(st.sampled_from(MEMBER_ANSWERS[key]))
        elif where == "survey":
            value = draw(st.sampled_from(SURVEY_ANSWERS[key]))
        else:
            value = draw(st.sampled_from(rec.AREAS))
        answered.append((slot, fill(obj, slot, value)))
    return obj, answered


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(household_and_answers())
def test_answering_an_unknown_never_contradicts_what_was_known(pair):
    before_obj, answered = pair
    before = run(before_obj)
    for slot, after_obj in answered:
        after = run(after_obj)
        # a decided indicator stays decided the same way
        for key, state in before.indicators.items():
            if state != "unknown":
                assert after.indicators[key] == state, (slot, key)
        if slot == ("survey", None, "score_a") and before_obj["survey"]["income_per_capita"] is not None:
            # the official method: a written score A overrides the income
            # worksheet for "at or below the line" (domain.md section 4)
            continue
        # a decided category stays, except that an income answer may place a
        # "not poor (band not determined)" household in the middle band
        if before.category != "incomplete":
            if before.category == "not_poor" and after.category == "middle":
                assert slot == ("survey", None, "income_per_capita")
            else:
                assert after.category == before.category, slot
        if before.at_or_below_line is not None:
            assert after.at_or_below_line == before.at_or_below_line, slot


@SETTINGS
@given(households())
def test_category_agrees_with_counts(obj):
    r = run(obj)
    yes = sum(v == "yes" for v in r.indicators.values())
    unknown = sum(v == "unknown" for v in r.indicators.values())
    assert r.score_b == 10 * yes
    assert 0 <= r.score_b <= 120
    if r.category == "poor":
        assert yes >= 3
    if r.category == "near_poor":
        assert yes + unknown < 3
    if r.category in ("poor", "near_poor"):
        assert r.at_or_below_line is True
    if r.category in ("middle", "not_poor"):
        assert r.at_or_below_line is False
    assert (r.category == "incomplete") == bool(r.missing)
    assert set(r.reasons) == {k for k, v in r.indicators.items() if v == "yes"}
    assert set(r.unknown_reasons) == {k for k, v in r.indicators.items() if v == "unknown"}


@SETTINGS
@given(households(), st.sampled_from(["water", "latrine", "telecom", "housing"]))
def test_one_more_deprivation_never_makes_a_poor_household_near_poor(obj, which):
    before = run(obj)
    worse = copy.deepcopy(obj)
    s = worse["survey"]
    if which == "water":
        s["water_source"] = "surface_water"
    elif which == "latrine":
        s["latrine"] = "none"
    elif which == "telecom":
        s["internet_use"] = False
    else:
        s["house_none"] = True
    after = run(worse)
    assert after.score_b >= before.score_b
    if before.category == "poor":
        assert after.category == "poor"
    if before.category == "near_poor":
        assert after.category in ("near_poor", "poor", "incomplete")


@SETTINGS
@given(households())
def test_classification_is_deterministic_and_bilingual(obj):
    h = parse_record(obj)
    std = REGISTRY.get(h.survey.standard)
    vi, en, vi2 = classify(h, std, "vi"), classify(h, std, "en"), classify(h, std, "vi")
    assert vi.to_dict() == vi2.to_dict()
    assert (vi.category, vi.score_b, vi.indicators, vi.missing) == (en.category, en.score_b, en.indicators,
                                                                    en.missing)
    assert set(vi.reasons) == set(en.reasons)
