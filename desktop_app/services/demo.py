"""A demonstration commune with realistic, made-up households.

:func:`create_demo` sets up a commune (chosen by the seed among a northern
mountain, a Red River delta, a Mekong delta and a north-central commune), its
villages, a periodic round "Rà soát định kỳ 2026" under the ``vn-2022-2025``
standard, and ``households`` households with members and a survey each, then
optionally classifies the round. Everything is deterministic for a seed.

Households are drawn with a target outcome so that classification gives a
realistic picture: about 7 % poor and 6 % near-poor (score A at or below the
cut-off, 140 rural / 175 urban, or income at or below 1,500,000 / 2,000,000
VND), about 12 % in the middle band (income up to 2,250,000 / 3,000,000), the
rest above, and a few percent with unanswered questions (``null``). Targets
are approximate: the classification engine decides.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.record import Household, Member, Survey
from desktop_app.errors import AppError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.services import Changes
from desktop_app.services.names import style_of
from desktop_app.services.register import create_commune_in, create_round_in, import_households_in
from desktop_app.storage.audit import write_audit
from desktop_app.storage.database import Database
from desktop_app.storage.models import CommuneRow, MetaRow
from desktop_app.storage.records import live

register_messages({
    "demo.not_empty": {
        "vi": "Sổ đã có dữ liệu xã; dữ liệu mẫu chỉ tạo trong sổ trống. Hãy dùng thư mục dữ liệu khác (--data-dir).",
        "en": "The register already holds a commune; the demo is only made in an empty register. "
              "Use another data folder (--data-dir).",
    },
    "demo.bad_count": {
        "vi": "số hộ phải từ 1 đến {max}",
        "en": "the number of households must be from 1 to {max}",
    },
})

MAX_HOUSEHOLDS = 1_000_000
ROUND_NAME = "Rà soát định kỳ 2026"
STANDARD_ID = "vn-2022-2025"
ROUND_START = _dt.date(2025, 9, 15)
ROUND_END = _dt.date(2025, 12, 15)
SURVEY_DAYS = (_dt.date(2025, 9, 20), _dt.date(2025, 11, 30))

#: per area: (poverty line, top of the middle band, B1 score cut-off)
LINES = {"rural": (1_500_000, 2_250_000, 140), "urban": (2_000_000, 3_000_000, 175)}


@dataclass(frozen=True)
class CommuneTemplate:
    code: str
    name: str
    province: str
    province_id: str  # first 3 digits of citizen ID numbers issued there
    region: str
    villages: tuple[tuple[str, str], ...]
    ethnicities: tuple[tuple[str, int], ...]


TEMPLATES = (
    CommuneTemplate("02287", "Xã Tân Tiến", "Tỉnh Tuyên Quang", "008", "northern_midlands_mountains", (
        ("Thôn Đông", "village"), ("Bản Phiêng", "village"), ("Thôn Tân Lập", "village"),
        ("Bản Nà Cọ", "village"), ("Thôn Khuổi Nhòa", "village"), ("Bản Lũng Pù", "village"),
        ("Thôn Trung Tâm", "village"), ("Tổ dân phố 3", "residential_group"),
    ), (("Tày", 30), ("Kinh", 26), ("H'Mông", 15), ("Dao", 12), ("Nùng", 10), ("Mường", 4), ("Thái", 3))),
    CommuneTemplate("12163", "Xã Hồng Phong", "Tỉnh Hưng Yên", "033", "red_river_delta", (
        ("Thôn Đông", "village"), ("Thôn Đoài", "village"), ("Thôn Nam", "village"), ("Thôn Bắc", "village"),
        ("Thôn Thượng", "village"), ("Thôn Hạ", "village"), ("Tổ dân phố 3", "residential_group"),
        ("Tổ dân phố 5", "residential_group"),
    ), (("Kinh", 99), ("Mường", 1))),
    CommuneTemplate("29578", "Xã Long Hòa", "Tỉnh Vĩnh Long", "086", "mekong_delta", (
        ("Ấp Bình Thạnh", "village"), ("Ấp Phước Hảo", "village"), ("Ấp Sóc Ruộng", "village"),
        ("Ấp Tân Định", "village"), ("Ấp Cây Da", "village"), ("Ấp Chợ", "village"),
        ("Ấp Sóc Tre", "village"), ("Khóm 1", "residential_group"), ("Khóm 2", "residential_group"),
    ), (("Kinh", 64), ("Khmer", 33), ("Hoa", 3))),
    CommuneTemplate("17638", "Xã Châu Bình", "Tỉnh Nghệ An", "040", "north_central_coast", (
        ("Bản Khe Choăng", "village"), ("Bản Mường", "village"), ("Thôn Tiền Phong", "village"),
        ("Bản Hạt", "village"), ("Thôn Quyết Tiến", "village"), ("Bản Đôn", "village"),
        ("Tổ dân phố 1", "residential_group"),
    ), (("Thái", 45), ("Kinh", 40), ("H'Mông", 8), ("Mường", 7))),
)

SIZE_WEIGHTS = ((1, 6), (2, 14), (3, 20), (4, 27), (5, 17), (6, 9), (7, 4), (8, 3))
HYGIENIC_WATER = ("piped", "borehole", "protected_dug_well", "protected_spring", "rain_water", "bottled")
UNHYGIENIC_WATER = ("unprotected_dug_well", "unprotected_spring", "surface_water", "other")
HYGIENIC_LATRINE = ("septic_flush", "semi_septic_flush", "ventilated_pit", "double_vault")
UNHYGIENIC_LATRINE = ("unimproved_pit", "none", "other")
CAUSES = (("illness", 30), ("lack_capital", 25), ("lack_labour", 18), ("many_dependants", 12),
          ("lack_land", 10), ("lack_skills", 10), ("no_job", 6), ("lack_means", 6), ("other", 3))
#: deprivations a household may be given on purpose, with weights
DEPRIVATIONS = (("health_insurance", 12), ("housing_quality", 14), ("housing_area", 8), ("water", 12),
                ("latrine", 16), ("telecom", 10), ("info_access", 6), ("employment", 10),
                ("adult_education", 8), ("child_schooling", 4), ("nutrition", 5))
#: target outcome -> (share, numbers of deliberate deprivations to draw from)
TARGETS = (("poor", 7, (3, 3, 3, 4, 4, 5, 6)), ("near_poor", 6, (0, 1, 1, 2, 2, 2)),
           ("middle", 12, (0, 0, 1, 1, 2, 3)), ("not_poor", 73, (0, 0, 0, 0, 1, 1, 2)),
           ("unknown_income", 2, (0, 1, 2)))


@dataclass(frozen=True)
class DemoResult:
    commune_id: str
    round_id: str
    households: int
    members: int
    classified: int | None
    changes: Changes


def create_demo(db: Database, households: int = 200, seed: int = 1,
                classify: Callable[[Database, str], int] | None = None,
                progress: Callable[[int], None] | None = None) -> DemoResult:
    """Fill an empty register with a demonstration commune (see module doc).

    ``classify(db, round_id) -> int`` (e.g. ``services.classify.classify_round``)
    is called at the end when given, after the demo data is committed (in one
    transaction). Refuses a register that holds a commune.
    """
    if not 1 <= households <= MAX_HOUSEHOLDS:
        raise AppError(t("demo.bad_count", max=MAX_HOUSEHOLDS))
    rng = random.Random(seed)
    tpl = TEMPLATES[(seed - 1) % len(TEMPLATES)]
    with db.transaction() as s:  # all or nothing
        if s.scalar(select(CommuneRow.id).where(live(CommuneRow)).limit(1)) is not None:
            raise AppError(t("demo.not_empty"))
        commune_id, changes = create_commune_in(
            s, db, code=tpl.code, name=tpl.name, province=tpl.province, default_area="rural",
            default_region=tpl.region, villages=tpl.villages)
        round_id, round_changes = create_round_in(
            s, db, commune_id=commune_id, name=ROUND_NAME, kind="periodic", standard_id=STANDARD_ID,
            start_date=ROUND_START, end_date=ROUND_END)
        gen = _Generator(rng, tpl)
        result = import_households_in(s, db, (gen.household() for _ in range(households)), round_id=round_id,
                                      commune_id=commune_id, source=f"demo seed={seed}", progress=progress)
        value = json.dumps({"seed": seed, "households": households, "commune_id": commune_id})
        s.merge(MetaRow(key="demo", value=value))
        write_audit(s, user=db.user, action="demo", table_name="meta", row_id="demo", new=value)
    classified = classify(db, round_id) if classify is not None else None
    all_changes = changes | round_changes | result.changes | Changes.of("settings")
    if classified:
        all_changes = all_changes | Changes.of("classifications")
    return DemoResult(commune_id, round_id, result.inserted, result.members, classified, all_changes)


def _weighted(items) -> tuple[tuple, list[int]]:
    values, weights = zip(*[(i[0], i[1]) for i in items])
    total, cum = 0, []
    for w in weights:
        total += w
        cum.append(total)
    return values, cum


class _Generator:
    """Draws households one at a time from one random generator."""

    def __init__(self, rng: random.Random, tpl: CommuneTemplate):
        self.rng = rng
        self.tpl = tpl
        self.villages = tpl.villages
        self.ethnicities = _weighted(tpl.ethnicities)
        self.sizes = _weighted(SIZE_WEIGHTS)
        self.targets = _weighted([(name, share) for name, share, _ in TARGETS])
        self.target_k = {name: ks for name, _, ks in TARGETS}
        self.deprivations = _weighted(DEPRIVATIONS)
        self.causes = _weighted(CAUSES)
        self.ids: set[str] = set()
        self.day_span = (SURVEY_DAYS[1] - SURVEY_DAYS[0]).days

    # -- helpers ---------------------------------------------------------

    def _pick(self, weighted: tuple[tuple, list[int]]):
        return self.rng.choices(weighted[0], cum_weights=weighted[1])[0]

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _birth(self, age: int, on: _dt.date) -> str:
        rng = self.rng
        year = on.year - age
        last_month = on.month - 1 if year == on.year else 12
        month = rng.randint(1, max(1, last_month))
        day = rng.randint(1, 28)
        if age >= 65 and rng.random() < 0.08:
            return str(year)  # year of birth only, as on old papers
        return f"{year:04d}-{month:02d}-{day:02d}"

    def _id_number(self, sex: str, birth_year: int, age: int) -> str | None:
        rng = self.rng
        if rng.random() > (0.95 if age >= 14 else 0.2):
            return None
        province = self.tpl.province_id if rng.random() < 0.9 else f"{rng.randint(1, 96):03d}"
        century = (0 if birth_year < 2000 else 2) + (0 if sex == "male" else 1)
        while True:
            number = f"{province}{century}{birth_year % 100:02d}{rng.randint(0, 999_999):06d}"
            if number not in self.ids:
                self.ids.add(number)
                return number

    # -- one household ---------------------------------------------------

    def household(self) -> Household:
        rng = self.rng
        village, kind = self.villages[rng.randrange(len(self.villages))]
        area = "urban" if kind == "residential_group" else "rural"
        on = SURVEY_DAYS[0] + _dt.timedelta(days=rng.randint(0, self.day_span))
        people = self._people()
        target = self._pick(self.targets)
        ethnicity = self._pick(self.ethnicities)
        members = self._members(people, ethnicity, on)
        survey = Survey(date=on.isoformat(), standard=STANDARD_ID)
        self._income(survey, target, area)
        self._answers(survey, members, target, on)
        if rng.random() < 0.04:
            self._forget(survey, members)
        if area == "rural":
            address = f"Xóm {rng.randint(1, 12)}"
        else:
            address = f"Số {rng.randint(1, 180)}, ngõ {rng.randint(1, 40)}"
        return Household(
            household_id=self._uuid(), members=members, survey=survey, commune_code=self.tpl.code,
            village=village, address=address, area=area, region=self.tpl.region,
            agricultural=rng.random() < (0.85 if area == "rural" else 0.2),
        )

    def _people(self) -> list[tuple[str, str, int]]:
        """(relation, sex, age) of each member, head first."""
        rng = self.rng
        n = self._pick(self.sizes)
        if n == 1:
            return [("head", rng.choice(("male", "female", "female")), rng.randint(28, 88))]
        head_sex = "male" if rng.random() < 0.78 else "female"
        head_age = int(rng.triangular(24, 80, 44))
        people = [("head", head_sex, head_age)]
        if rng.random() < 0.88:
            other = "female" if head_sex == "male" else "male"
            people.append(("spouse", other, max(18, head_age + rng.randint(-8, 4))))
        if head_age < 48 and len(people) < n and rng.random() < 0.3:
            people.append(("parent", rng.choice(("male", "female")), min(98, head_age + rng.randint(22, 34))))
        while len(people) < n:
            if head_age >= 52 and rng.random() < 0.45:
                people.append(("grandchild", rng.choice(("male", "female")), rng.randint(0, 15)))
            else:
                age = head_age - rng.randint(20, 38)
                if age < 0:
                    age = rng.randint(0, max(0, head_age - 18))
                people.append(("child", rng.choice(("male", "female")), age))
        return people

    def _members(self, people: list[tuple[str, str, int]], ethnicity: str, on: _dt.date) -> list[Member]:
        rng = self.rng
        style = style_of(ethnicity)
        family = style.family_name(rng)
        spouse_family = style.family_name(rng)
        # children carry the father's family name
        father_family = family if people[0][1] == "male" else spouse_family
        members = []
        for relation, sex, age in people:
            if relation == "head" or (relation == "parent" and sex == "male"):
                fam, eth = family, ethnicity
            elif relation == "parent":  # the head's mother kept her own family name
                fam, eth = style.family_name(rng), ethnicity
            elif relation == "spouse":
                eth = ethnicity if rng.random() < 0.9 else self._pick(self.ethnicities)
                fam = spouse_family if eth == ethnicity else style_of(eth).family_name(rng)
            else:
                fam, eth = father_family, ethnicity
            birth = self._birth(age, on)
            members.append(self._member(relation, sex, age, birth, style_of(eth).full_name(rng, fam, sex), eth))
        return members

    def _member(self, relation: str, sex: str, age: int, birth: str, name: str, ethnicity: str) -> Member:
        rng = self.rng
        retired = age >= (61 if sex == "male" else 57)
        able = not (retired and rng.random() < 0.15) and rng.random() > 0.02
        if age < 15:
            employment = None
        elif age < 18 or (age <= 22 and rng.random() < 0.35):
            employment = "not_in_labour_force"  # pupils and students
        elif retired:
            employment = "self_employed" if able and rng.random() < 0.35 else "not_in_labour_force"
        elif not able:
            employment = "not_in_labour_force"
        else:
            employment = rng.choices(("self_employed", "wage_with_contract", "not_in_labour_force"),
                                     weights=(62, 30, 8))[0]
        studying = None if age < 16 else (employment == "not_in_labour_force" and age <= 22)
        if age < 11:
            education = None
        elif age < 16:
            education = "primary"
        elif age <= 30:
            education = rng.choices(("upper_secondary", "vocational_elementary", "vocational_intermediate",
                                     "college", "university"), weights=(55, 12, 10, 10, 13))[0]
            if age < 18:
                education = "lower_secondary"
        else:
            education = rng.choices(("none", "primary", "lower_secondary", "upper_secondary",
                                     "vocational_intermediate", "college", "university"),
                                    weights=(5, 20, 35, 25, 6, 4, 5))[0]
        disability = "none"
        if rng.random() < 0.05:
            disability = rng.choice(("mild", "mild", "severe", "especially_severe"))
            if disability != "mild":
                able = False
                employment = "not_in_labour_force" if age >= 15 else None
        return Member(
            member_id=self._uuid(), full_name=name, sex=sex, birth_date=birth,
            id_number=self._id_number(sex, int(birth[:4]), age), relation=relation, ethnicity=ethnicity,
            able_to_work=able if age >= 15 else True, disability=disability, employment=employment,
            health_insurance=True, education=education, studying=studying,
            vocational_certificate=False, in_school=True if 3 <= age <= 15 else None,
            nutrition="normal" if age < 16 else None, meritorious=rng.random() < 0.015,
            social_protection=(retired and rng.random() < 0.12) or disability in ("severe", "especially_severe"),
        )

    def _income(self, survey: Survey, target: str, area: str) -> None:
        rng = self.rng
        line, top, cutoff = LINES[area]
        if target in ("poor", "near_poor"):
            survey.score_a = rng.randint(cutoff - 55, cutoff)
            if rng.random() < 0.15:
                survey.income_per_capita = rng.randint(int(line * 0.45) // 10_000, line // 10_000) * 10_000
            survey.poverty_causes = sorted({self._pick(self.causes) for _ in range(rng.randint(1, 3))})
        elif target == "middle":
            survey.income_per_capita = rng.randint(line // 10_000 + 1, top // 10_000) * 10_000
            if rng.random() < 0.5:
                survey.score_a = rng.randint(cutoff + 1, cutoff + 40)
        elif target == "not_poor":
            if rng.random() < 0.6:
                survey.score_a = rng.randint(cutoff + 1, cutoff + 120)
            else:
                survey.income_per_capita = rng.randint(top // 10_000 + 1, top * 3 // 10_000) * 10_000

    def _answers(self, survey: Survey, members: list[Member], target: str, on: _dt.date) -> None:
        """Survey answers with the target's number of deliberate deprivations."""
        rng = self.rng
        n = len(members)
        ages = [on.year - int(m.birth_date[:4]) for m in members]
        k = rng.choice(self.target_k[target])
        chosen: set[str] = set()
        for _ in range(12):
            if len(chosen) >= k:
                break
            chosen.add(self._pick(self.deprivations))
        survey.house_none = False
        survey.walls_durable, survey.columns_durable, survey.roof_durable = True, True, rng.random() < 0.8
        if "housing_quality" in chosen:
            if rng.random() < 0.04:
                survey.house_none = True
            survey.walls_durable, survey.columns_durable, survey.roof_durable = False, rng.random() < 0.3, False
        if "housing_area" in chosen:
            survey.floor_area_m2 = rng.randint(max(3, 3 * n), 8 * n - 1)
        else:
            survey.floor_area_m2 = rng.randint(max(8 * n + 2, 24), max(8 * n + 2, 24) + 90)
        survey.water_source = rng.choice(UNHYGIENIC_WATER if "water" in chosen else HYGIENIC_WATER)
        survey.latrine = rng.choice(UNHYGIENIC_LATRINE if "latrine" in chosen else HYGIENIC_LATRINE)
        survey.internet_use = "telecom" not in chosen
        if "info_access" in chosen:
            survey.info_devices = rng.choice(([], ["basic_phone"]))
            survey.hears_loudspeaker = False
        else:
            devices = rng.sample(("tv", "radio", "basic_phone", "computer"), rng.randint(0, 2))
            survey.info_devices = sorted({"smartphone", *devices})
            survey.hears_loudspeaker = rng.random() < 0.8
        by_age = list(zip(ages, members))
        if "health_insurance" in chosen:
            self._one(by_age, lambda a, m: a >= 6, "health_insurance", False)
        if "employment" in chosen:
            self._one(by_age, lambda a, m: 18 <= a <= 55 and m.able_to_work, "employment",
                      rng.choice(("wage_without_contract", "unemployed")))
        if "adult_education" in chosen:
            young = [(a, m) for a, m in by_age if 18 <= a <= 30]
            if young:
                m = rng.choice(young)[1]
                m.education, m.studying = "lower_secondary", False
                m.employment = m.employment if m.employment != "not_in_labour_force" else "self_employed"
        if "child_schooling" in chosen:
            self._one(by_age, lambda a, m: 4 <= a <= 14, "in_school", False)
        if "nutrition" in chosen:
            self._one(by_age, lambda a, m: a <= 14, "nutrition", rng.choice(("stunted", "underweight")))

    def _one(self, by_age, condition, field: str, value) -> None:
        eligible = [m for a, m in by_age if condition(a, m)]
        if eligible:
            setattr(self.rng.choice(eligible), field, value)

    def _forget(self, survey: Survey, members: list[Member]) -> None:
        """Leave one or two answers blank (unknown), as happens on paper forms."""
        rng = self.rng
        for _ in range(rng.randint(1, 2)):
            what = rng.randrange(5)
            if what == 0:
                survey.internet_use = None
            elif what == 1:
                survey.floor_area_m2 = None
            elif what == 2:
                survey.latrine = None
            elif what == 3:
                rng.choice(members).health_insurance = None
            else:
                m = rng.choice(members)
                m.birth_date = None
