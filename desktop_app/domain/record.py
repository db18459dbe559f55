"""The household record (``household-record/1``): typed model, parsing, validation.

See ``spec/household-record.md``. A field a survey may leave blank is ``None``
when unknown, never "no". Unknown keys are kept in ``extra`` and written back
unchanged (a newer version may add some).

:func:`parse_record` validates a JSON object and returns a :class:`Household`;
errors are :class:`desktop_app.errors.ValidationError` naming the record, the
field path (``members[2].birth_date``) and the problem in plain language.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register

FORMAT = "household-record/1"

AREAS = ("rural", "urban")
REGIONS = (
    "northern_midlands_mountains",
    "red_river_delta",
    "north_central_coast",
    "central_highlands",
    "southeast",
    "mekong_delta",
)
SEXES = ("male", "female")
RELATIONS = ("head", "spouse", "child", "parent", "grandchild", "sibling", "other")
DISABILITIES = ("none", "mild", "severe", "especially_severe")
EMPLOYMENTS = (
    "wage_with_contract",
    "wage_without_contract",
    "self_employed",
    "unemployed",
    "not_in_labour_force",
)
EDUCATIONS = (
    "none",
    "primary",
    "lower_secondary",
    "upper_secondary",
    "vocational_elementary",
    "vocational_intermediate",
    "college",
    "university",
)
NUTRITIONS = ("normal", "stunted", "underweight")
WATER_SOURCES = (
    "piped",
    "borehole",
    "protected_dug_well",
    "protected_spring",
    "rain_water",
    "bottled",
    "unprotected_dug_well",
    "unprotected_spring",
    "surface_water",
    "other",
)
LATRINES = (
    "septic_flush",
    "semi_septic_flush",
    "ventilated_pit",
    "double_vault",
    "unimproved_pit",
    "other",
    "none",
)
INFO_DEVICES = ("tv", "radio", "computer", "smartphone", "tablet", "basic_phone")
POVERTY_CAUSES = (
    "lack_capital",
    "lack_land",
    "lack_means",
    "lack_labour",
    "lack_skills",
    "no_job",
    "illness",
    "social_evils",
    "idleness",
    "many_dependants",
    "other",
)

MAX_AGE_YEARS = 120
MAX_MEMBERS = 60
ID_NUMBER_RE = re.compile(r"^\d{12}$")

MESSAGES = {
    "record.not_object": {"vi": "phải là một đối tượng JSON {{…}}", "en": "must be a JSON object {{…}}"},
    "record.bad_format": {
        "vi": "định dạng «{found}» không được hỗ trợ; cần «{expected}». Hãy xuất lại tệp bằng phiên bản phù hợp.",
        "en": "format '{found}' is not supported; expected '{expected}'. Export the file again with a matching version.",
    },
    "record.required": {"vi": "bắt buộc phải có", "en": "is required"},
    "record.not_text": {"vi": "phải là chuỗi ký tự", "en": "must be text"},
    "record.not_bool": {"vi": "phải là true, false hoặc null (chưa rõ)", "en": "must be true, false or null (unknown)"},
    "record.not_int": {"vi": "phải là số nguyên không âm", "en": "must be a whole number, not negative"},
    "record.not_number": {"vi": "phải là số không âm", "en": "must be a number, not negative"},
    "record.not_list": {"vi": "phải là một danh sách [...]", "en": "must be a list [...]"},
    "record.bad_choice": {
        "vi": "giá trị «{value}» không hợp lệ; chọn một trong: {choices}",
        "en": "value '{value}' is not allowed; use one of: {choices}",
    },
    "record.bad_date": {
        "vi": "ngày «{value}» không hợp lệ; ghi theo dạng NNNN-TT-NN (ví dụ 1979-04-12) hoặc chỉ năm NNNN",
        "en": "date '{value}' is not valid; write YYYY-MM-DD (e.g. 1979-04-12) or the year alone YYYY",
    },
    "record.bad_survey_date": {
        "vi": "ngày rà soát «{value}» không hợp lệ; ghi theo dạng NNNN-TT-NN",
        "en": "survey date '{value}' is not valid; write YYYY-MM-DD",
    },
    "record.born_after_survey": {
        "vi": "ngày sinh {birth} sau ngày rà soát {survey}; hãy kiểm tra lại ngày sinh",
        "en": "birth date {birth} is after the survey date {survey}; check the birth date",
    },
    "record.too_old": {
        "vi": "tuổi {age} không thể đúng (quá {max} tuổi); hãy kiểm tra lại ngày sinh",
        "en": "age {age} is impossible (over {max}); check the birth date",
    },
    "record.bad_id_number": {
        "vi": "số CCCD «{value}» phải gồm đúng 12 chữ số",
        "en": "citizen ID number '{value}' must be exactly 12 digits",
    },
    "record.no_members": {
        "vi": "hộ phải có ít nhất một thành viên",
        "en": "a household must have at least one member",
    },
    "record.too_many_members": {
        "vi": "hộ có {count} thành viên, quá {max}; hãy kiểm tra lại tệp",
        "en": "the household has {count} members, more than {max}; check the file",
    },
    "record.duplicate_member": {
        "vi": "mã thành viên «{value}» bị trùng trong hộ",
        "en": "member id '{value}' appears twice in the household",
    },
    "record.empty_text": {"vi": "không được để trống", "en": "must not be empty"},
}
register(MESSAGES)


@dataclass(slots=True)
class Member:
    member_id: str
    full_name: str
    sex: str | None = None
    birth_date: str | None = None  # "YYYY-MM-DD" or "YYYY"
    id_number: str | None = None
    relation: str | None = None
    ethnicity: str | None = None
    able_to_work: bool | None = None
    disability: str | None = None
    employment: str | None = None
    health_insurance: bool | None = None
    education: str | None = None
    studying: bool | None = None
    vocational_certificate: bool | None = None
    in_school: bool | None = None
    nutrition: str | None = None
    meritorious: bool | None = None
    social_protection: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def birth(self) -> _dt.date | None:
        """Birth date as a date; a year alone counts as 1 January."""
        return birth_as_date(self.birth_date)


@dataclass(slots=True)
class Survey:
    date: str  # YYYY-MM-DD
    standard: str | None = None
    score_a: int | None = None
    b1_answers: dict[str, Any] | None = None
    income_per_capita: float | None = None
    house_none: bool | None = None
    walls_durable: bool | None = None
    columns_durable: bool | None = None
    roof_durable: bool | None = None
    floor_area_m2: float | None = None
    water_source: str | None = None
    latrine: str | None = None
    internet_use: bool | None = None
    info_devices: list[str] | None = None
    hears_loudspeaker: bool | None = None
    poverty_causes: list[str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def survey_date(self) -> _dt.date:
        return _dt.date.fromisoformat(self.date)


@dataclass(slots=True)
class Household:
    household_id: str
    members: list[Member]
    survey: Survey | None
    commune_code: str | None = None
    village: str | None = None
    address: str | None = None
    area: str | None = None
    region: str | None = None
    agricultural: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return record_to_dict(self)


HOUSEHOLD_KEYS = ("household_id", "commune_code", "village", "address", "area", "region", "agricultural")
MEMBER_KEYS = tuple(f for f in Member.__dataclass_fields__ if f != "extra")
SURVEY_KEYS = tuple(f for f in Survey.__dataclass_fields__ if f != "extra")


def birth_as_date(value: str | None) -> _dt.date | None:
    if value is None:
        return None
    if len(value) == 4:
        return _dt.date(int(value), 1, 1)
    return _dt.date.fromisoformat(value)


# --------------------------------------------------------------------------
# parsing


class _Ctx:
    __slots__ = ("record",)

    def __init__(self, record: str | None):
        self.record = record

    def fail(self, path: str, key: str, **params) -> ValidationError:
        return ValidationError(path, t(key, **params), record=self.record)


def _text(ctx: _Ctx, obj: dict, key: str, path: str, required: bool = False) -> str | None:
    value = obj.get(key)
    if value is None:
        if required:
            raise ctx.fail(path, "record.required")
        return None
    if not isinstance(value, str):
        raise ctx.fail(path, "record.not_text")
    value = value.strip()
    if required and not value:
        raise ctx.fail(path, "record.empty_text")
    return value or None


def _bool(ctx: _Ctx, obj: dict, key: str, path: str) -> bool | None:
    value = obj.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise ctx.fail(path, "record.not_bool")


def _choice(ctx: _Ctx, obj: dict, key: str, path: str, choices: tuple[str, ...]) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value not in choices:
        raise ctx.fail(path, "record.bad_choice", value=value, choices=", ".join(choices))
    return value


def _int(ctx: _Ctx, obj: dict, key: str, path: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or value != int(value):
        raise ctx.fail(path, "record.not_int")
    return int(value)


def _number(ctx: _Ctx, obj: dict, key: str, path: str) -> float | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value < 0 \
            or value in (float("inf"),):
        raise ctx.fail(path, "record.not_number")
    return int(value) if isinstance(value, int) or float(value).is_integer() else float(value)


def _choices_list(ctx: _Ctx, obj: dict, key: str, path: str, choices: tuple[str, ...]) -> list[str] | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, list):
        raise ctx.fail(path, "record.not_list")
    out: list[str] = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or item not in choices:
            raise ctx.fail(f"{path}[{i}]", "record.bad_choice", value=item, choices=", ".join(choices))
        if item not in out:
            out.append(item)
    return out


def _parse_date(ctx: _Ctx, value: Any, path: str, allow_year: bool) -> str | None:
    if value is None:
        return None
    key = "record.bad_date" if allow_year else "record.bad_survey_date"
    if not isinstance(value, str):
        raise ctx.fail(path, key, value=value)
    value = value.strip()
    if allow_year and re.fullmatch(r"\d{4}", value):
        if not 1850 <= int(value) <= 2200:
            raise ctx.fail(path, key, value=value)
        return value
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ctx.fail(path, key, value=value)
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise ctx.fail(path, key, value=value) from None
    return value


def parse_member(ctx: _Ctx, obj: Any, path: str) -> Member:
    if not isinstance(obj, dict):
        raise ctx.fail(path, "record.not_object")
    id_number = _text(ctx, obj, "id_number", f"{path}.id_number")
    if id_number is not None and not ID_NUMBER_RE.fullmatch(id_number):
        raise ctx.fail(f"{path}.id_number", "record.bad_id_number", value=id_number)
    member = Member(
        member_id=_text(ctx, obj, "member_id", f"{path}.member_id", required=True),
        full_name=_text(ctx, obj, "full_name", f"{path}.full_name", required=True),
        sex=_choice(ctx, obj, "sex", f"{path}.sex", SEXES),
        birth_date=_parse_date(ctx, obj.get("birth_date"), f"{path}.birth_date", allow_year=True),
        id_number=id_number,
        relation=_choice(ctx, obj, "relation", f"{path}.relation", RELATIONS),
        ethnicity=_text(ctx, obj, "ethnicity", f"{path}.ethnicity"),
        able_to_work=_bool(ctx, obj, "able_to_work", f"{path}.able_to_work"),
        disability=_choice(ctx, obj, "disability", f"{path}.disability", DISABILITIES),
        employment=_choice(ctx, obj, "employment", f"{path}.employment", EMPLOYMENTS),
        health_insurance=_bool(ctx, obj, "health_insurance", f"{path}.health_insurance"),
        education=_choice(ctx, obj, "education", f"{path}.education", EDUCATIONS),
        studying=_bool(ctx, obj, "studying", f"{path}.studying"),
        vocational_certificate=_bool(ctx, obj, "vocational_certificate", f"{path}.vocational_certificate"),
        in_school=_bool(ctx, obj, "in_school", f"{path}.in_school"),
        nutrition=_choice(ctx, obj, "nutrition", f"{path}.nutrition", NUTRITIONS),
        meritorious=_bool(ctx, obj, "meritorious", f"{path}.meritorious"),
        social_protection=_bool(ctx, obj, "social_protection", f"{path}.social_protection"),
        extra={k: v for k, v in obj.items() if k not in MEMBER_KEYS},
    )
    return member


def parse_survey(ctx: _Ctx, obj: Any, path: str = "survey") -> Survey:
    if not isinstance(obj, dict):
        raise ctx.fail(path, "record.not_object")
    date = _parse_date(ctx, obj.get("date"), f"{path}.date", allow_year=False)
    if date is None:
        raise ctx.fail(f"{path}.date", "record.required")
    b1 = obj.get("b1_answers")
    if b1 is not None and not isinstance(b1, dict):
        raise ctx.fail(f"{path}.b1_answers", "record.not_object")
    return Survey(
        date=date,
        standard=_text(ctx, obj, "standard", f"{path}.standard"),
        score_a=_int(ctx, obj, "score_a", f"{path}.score_a"),
        b1_answers=b1,
        income_per_capita=_number(ctx, obj, "income_per_capita", f"{path}.income_per_capita"),
        house_none=_bool(ctx, obj, "house_none", f"{path}.house_none"),
        walls_durable=_bool(ctx, obj, "walls_durable", f"{path}.walls_durable"),
        columns_durable=_bool(ctx, obj, "columns_durable", f"{path}.columns_durable"),
        roof_durable=_bool(ctx, obj, "roof_durable", f"{path}.roof_durable"),
        floor_area_m2=_number(ctx, obj, "floor_area_m2", f"{path}.floor_area_m2"),
        water_source=_choice(ctx, obj, "water_source", f"{path}.water_source", WATER_SOURCES),
        latrine=_choice(ctx, obj, "latrine", f"{path}.latrine", LATRINES),
        internet_use=_bool(ctx, obj, "internet_use", f"{path}.internet_use"),
        info_devices=_choices_list(ctx, obj, "info_devices", f"{path}.info_devices", INFO_DEVICES),
        hears_loudspeaker=_bool(ctx, obj, "hears_loudspeaker", f"{path}.hears_loudspeaker"),
        poverty_causes=_choices_list(ctx, obj, "poverty_causes", f"{path}.poverty_causes", POVERTY_CAUSES),
        extra={k: v for k, v in obj.items() if k not in SURVEY_KEYS},
    )


def parse_record(obj: Any, label: str | None = None) -> Household:
    """Validate one ``household-record/1`` object.

    ``label`` names the record in error messages (e.g. "record 3"); the
    household id is added when present.
    """
    ctx = _Ctx(label)
    if not isinstance(obj, dict):
        raise ctx.fail("(record)", "record.not_object")
    hid = obj.get("household_id")
    if isinstance(hid, str) and hid:
        ctx.record = f"{label} ({hid})" if label else hid
    fmt = obj.get("format", FORMAT)
    if fmt != FORMAT:
        raise ctx.fail("format", "record.bad_format", found=fmt, expected=FORMAT)
    household_id = _text(ctx, obj, "household_id", "household_id", required=True)
    members_raw = obj.get("members")
    if members_raw is None:
        raise ctx.fail("members", "record.required")
    if not isinstance(members_raw, list):
        raise ctx.fail("members", "record.not_list")
    if not members_raw:
        raise ctx.fail("members", "record.no_members")
    if len(members_raw) > MAX_MEMBERS:
        raise ctx.fail("members", "record.too_many_members", count=len(members_raw), max=MAX_MEMBERS)
    members = [parse_member(ctx, m, f"members[{i}]") for i, m in enumerate(members_raw)]
    seen: set[str] = set()
    for i, m in enumerate(members):
        if m.member_id in seen:
            raise ctx.fail(f"members[{i}].member_id", "record.duplicate_member", value=m.member_id)
        seen.add(m.member_id)
    survey = parse_survey(ctx, obj["survey"]) if obj.get("survey") is not None else None
    if survey is not None:
        sdate = survey.survey_date()
        for i, m in enumerate(members):
            b = m.birth()
            if b is None:
                continue
            if b > sdate:
                raise ctx.fail(f"members[{i}].birth_date", "record.born_after_survey",
                               birth=m.birth_date, survey=survey.date)
            age = completed_years(b, sdate)
            if age > MAX_AGE_YEARS:
                raise ctx.fail(f"members[{i}].birth_date", "record.too_old", age=age, max=MAX_AGE_YEARS)
    return Household(
        household_id=household_id,
        members=members,
        survey=survey,
        commune_code=_text(ctx, obj, "commune_code", "commune_code"),
        village=_text(ctx, obj, "village", "village"),
        address=_text(ctx, obj, "address", "address"),
        area=_choice(ctx, obj, "area", "area", AREAS),
        region=_choice(ctx, obj, "region", "region", REGIONS),
        agricultural=_bool(ctx, obj, "agricultural", "agricultural"),
        extra={k: v for k, v in obj.items() if k not in HOUSEHOLD_KEYS + ("format", "members", "survey")},
    )


def record_to_dict(h: Household) -> dict[str, Any]:
    """The ``household-record/1`` JSON object of a household (extra keys kept)."""
    out: dict[str, Any] = {"format": FORMAT}
    for k in HOUSEHOLD_KEYS:
        out[k] = getattr(h, k)
    out.update(h.extra)
    members = []
    for m in h.members:
        md = {k: getattr(m, k) for k in MEMBER_KEYS}
        md.update(m.extra)
        members.append(md)
    out["members"] = members
    if h.survey is not None:
        sd = {k: getattr(h.survey, k) for k in SURVEY_KEYS}
        sd.update(h.survey.extra)
        out["survey"] = sd
    else:
        out["survey"] = None
    return out


# --------------------------------------------------------------------------
# ages


def completed_months(birth: _dt.date, on: _dt.date) -> int:
    """Completed months of age on ``on`` (a birthday on the 31st completes a
    month on the last day of shorter months only when the day is reached)."""
    months = (on.year - birth.year) * 12 + (on.month - birth.month)
    if on.day < birth.day:
        months -= 1
    return months


def completed_years(birth: _dt.date, on: _dt.date) -> int:
    return completed_months(birth, on) // 12
