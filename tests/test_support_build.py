"""A hand-built commune for the support tests (imported by the other
``test_support*`` modules), with known answers, and checks of the shipped
support data files."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from desktop_app.domain.record import Household, Member, Survey
from desktop_app.services import register
from desktop_app.storage.database import Database
from desktop_app.support.catalogue import REQUIRED_PROGRAMMES, SOURCE_CODES, load_catalogue
from desktop_app.support.coverage import load_targets
from desktop_app.support.eligibility import load_rules

ON = _dt.date(2026, 6, 1)
YEAR = 2026
STANDARD = "vn-2022-2025"
ALL_NO = {k: "no" for k in ("employment", "dependents", "nutrition", "health_insurance", "adult_education",
                            "child_schooling", "housing_quality", "housing_area", "water", "latrine", "telecom",
                            "info_access")}


@dataclass
class Commune:
    """Ids of the hand-built commune."""

    commune_id: str
    round_id: str
    east: str  # village ids
    west: str
    h1: str
    h2: str
    h3: str
    h4: str
    h5: str


def _member(mid: str, name: str, birth: str, sex: str, insured: bool | None, **kw) -> Member:
    return Member(member_id=mid, full_name=name, birth_date=birth, sex=sex, health_insurance=insured, **kw)


def build(db: Database) -> Commune:
    """Five households with known categories and indicators:

    * H1 (Thôn Đông, poor): head 40 insured, spouse 38 insurance unknown,
      pupil 10 insured; deprived in water and housing quality;
    * H2 (Thôn Đông, near-poor): 30 uninsured (False), child 5 insured;
    * H3 (Thôn Tây, poor): one person of 70, insured; deprived in latrine and
      housing quality;
    * H4 (Thôn Tây, not poor): two uninsured people; deprived in water;
    * H5 (Thôn Tây, middle, farming): one uninsured person of 50.
    """
    created = register.create_commune(db, code="99999", name="Xã Thử Nghiệm", province="Tỉnh Thử",
                                       villages=["Thôn Đông", "Thôn Tây"])
    rnd = register.create_round(db, name="Rà soát 2025", standard_id=STANDARD,
                                start_date="2025-09-15", end_date="2025-12-15")
    villages = {v.name: v.id for v in register.list_villages(db)}
    survey = Survey(date="2025-10-01", standard=STANDARD, score_a=100)
    households = {
        "h1": ("Thôn Đông", "poor", {"water": "yes", "housing_quality": "yes"}, None, [
            _member("h1-a", "Nguyễn Văn An", "1986-01-10", "male", True, employment="self_employed"),
            _member("h1-b", "Trần Thị Bình", "1988-02-01", "female", None, employment="self_employed"),
            _member("h1-c", "Nguyễn Văn Cường", "2016-03-01", "male", True, in_school=True),
        ]),
        "h2": ("Thôn Đông", "near_poor", {}, None, [
            _member("h2-a", "Lê Thị Dung", "1996-01-01", "female", False, employment="self_employed"),
            _member("h2-b", "Lê Văn Em", "2021-01-01", "male", True),
        ]),
        "h3": ("Thôn Tây", "poor", {"latrine": "yes", "housing_quality": "yes"}, None, [
            _member("h3-a", "Phạm Văn Giàu", "1956-01-01", "male", True),
        ]),
        "h4": ("Thôn Tây", "not_poor", {"water": "yes"}, None, [
            _member("h4-a", "Hoàng Văn Hải", "1980-01-01", "male", False, employment="self_employed"),
            _member("h4-b", "Hoàng Thị Hoa", "1982-01-01", "female", False, employment="self_employed"),
        ]),
        "h5": ("Thôn Tây", "middle", {}, True, [
            _member("h5-a", "Đỗ Văn Khoa", "1976-01-01", "male", None, employment="self_employed"),
        ]),
    }
    results = []
    for hid, (village, category, deprived, agricultural, members) in households.items():
        record = Household(household_id=hid, members=members, survey=survey, village=village, area="rural",
                           region="red_river_delta", agricultural=agricultural)
        register.save_household(db, record, round_id=rnd.id, code=hid.upper())
        results.append({"household_id": hid, "standard": STANDARD, "category": category,
                        "indicators": {**ALL_NO, **deprived}, "score_b": 10 * len(deprived)})
    register.store_classifications(db, rnd.id, results)
    return Commune(created.id, rnd.id, villages["Thôn Đông"], villages["Thôn Tây"], "h1", "h2", "h3", "h4", "h5")


def count_rows(db: Database, table: str) -> int:
    from sqlalchemy import text

    with db.session() as s:
        return s.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


# --------------------------------------------------------------------------
# the shipped data files


def test_catalogue_has_every_programme_and_source_in_both_languages():
    cat = load_catalogue()
    assert [p.code for p in cat.programmes] == list(REQUIRED_PROGRAMMES)
    assert sorted(cat.source_codes()) == sorted(SOURCE_CODES)
    for p in cat.programmes:
        assert p.vi and p.en and p.unit_vi and p.unit_en and p.per in ("household", "member")
        assert cat.source(p.default_source) is not None
    assert cat.programme("health_insurance").per == "member"
    assert cat.programme_name("policy_credit", "vi") == "Vay vốn tín dụng chính sách"
    assert cat.source_name("fund_for_the_poor", "vi") == "Quỹ Vì người nghèo"


def test_targets_carry_their_source_text_from_the_seed_plans(shared_dir):
    seeds = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in (shared_dir / "seeds").glob("*.txt"))
    targets = load_targets()
    assert {t.key for t in targets} == {"health_insurance", "tuition", "hygienic_water", "hygienic_latrine",
                                        "housing", "policy_loans"}
    for t in targets:
        assert " ".join(t.source_text.split()) in seeds, t.key
    assert next(t for t in targets if t.key == "health_insurance").target == 100
    assert next(t for t in targets if t.key == "hygienic_water").target == 95


def test_eligibility_rules_name_known_programmes():
    codes = load_catalogue().programme_codes()
    rules = load_rules()
    assert rules.rules and all(r.programme in codes for r in rules.rules)
