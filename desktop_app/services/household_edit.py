"""Core helpers of the household editor (Qt-free): input parsing, member
checks, the income worksheet, the quick screen, and saving with the
household's classification.

The editor shows problems while the officer types: :func:`check_household`
returns :class:`Issue` objects (errors block saving, warnings do not) naming
the member and field and saying what to fix. :func:`save_and_classify`
refuses a household with errors (:class:`desktop_app.errors.ValidationError`,
nothing written), then saves it through
:func:`desktop_app.services.register.save_household` and stores its new
classification.

Survey answers that have no column of their own travel in the survey's
``extra`` (kept by the record format): ``quick_screen`` (Phiếu A: criterion
key -> true/false/null) and ``income_worksheet`` (per income source, the
income and production costs of the last 12 months, VND).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.classification import ClassificationResult, classify
from desktop_app.classification.engine import quick_screen_signs
from desktop_app.domain.labels import field_label, value_label
from desktop_app.domain.record import (
    ID_NUMBER_RE,
    MAX_AGE_YEARS,
    Household,
    Member,
    birth_as_date,
    completed_years,
)
from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.services import Changes
from desktop_app.services.register import save_household, store_classifications
from desktop_app.services.register_queries import id_number_owners
from desktop_app.standards.model import INDICATOR_KEYS, Standard
from desktop_app.storage.database import Database

__all__ = [
    "INCOME_SOURCES", "QUICK_SCREEN_KEY", "WORKSHEET_KEY", "Issue", "SaveResult", "check_household",
    "check_members", "errors_of", "format_birth_date", "format_date", "income_from_worksheet",
    "parse_birth_date", "parse_date", "parse_id_number", "quick_screen_stop", "quick_screen_result",
    "save_and_classify",
]

QUICK_SCREEN_KEY = "quick_screen"
WORKSHEET_KEY = "income_worksheet"
#: sources of the income worksheet (spec/domain.md §4), in the paper form's order
INCOME_SOURCES = ("crops", "livestock", "aquaculture", "forestry", "salt", "wages", "pensions",
                  "business", "remittances", "other")
#: a parent at least this many years older than the head is plausible; younger is a warning
_PARENT_MIN_GAP = 12

register({
    "edit.bad_birth_date": {
        "vi": "ngày sinh «{value}» không hợp lệ; ghi ngày/tháng/năm (ví dụ 12/04/1979) hoặc chỉ năm sinh (1979)",
        "en": "birth date '{value}' is not valid; write day/month/year (e.g. 12/04/1979) or the year alone (1979)",
    },
    "edit.bad_date": {
        "vi": "ngày «{value}» không hợp lệ; ghi ngày/tháng/năm, ví dụ 20/10/2025",
        "en": "date '{value}' is not valid; write day/month/year, e.g. 20/10/2025",
    },
    "edit.bad_id_number": {
        "vi": "số CCCD «{value}» phải gồm đúng 12 chữ số; hãy kiểm tra lại trên thẻ",
        "en": "citizen ID number '{value}' must be exactly 12 digits; check it on the card",
    },
    "edit.id_number_twice": {
        "vi": "số CCCD {value} đã ghi cho thành viên khác của hộ ({name}); mỗi người một số riêng",
        "en": "citizen ID number {value} is already given to another member ({name}); each person has their own",
    },
    "edit.id_number_taken": {
        "vi": "số CCCD {value} đã có trong sổ: {name}, hộ {code}; hãy kiểm tra lại số, hoặc bỏ người đó "
              "khỏi hộ {code} trước",
        "en": "citizen ID number {value} is already in the register: {name}, household {code}; check the "
              "number, or remove that person from household {code} first",
    },
    "edit.no_name": {"vi": "chưa ghi họ và tên", "en": "the full name is missing"},
    "edit.no_head": {
        "vi": "hộ chưa có chủ hộ; hãy chọn quan hệ «chủ hộ» cho một thành viên",
        "en": "the household has no head; set the relation 'head' for one member",
    },
    "edit.two_heads": {
        "vi": "hộ có {count} chủ hộ; chỉ một thành viên được là chủ hộ",
        "en": "the household has {count} heads; only one member may be the head",
    },
    "edit.born_after_survey": {
        "vi": "ngày sinh {birth} sau ngày rà soát {survey}; hãy kiểm tra lại ngày sinh",
        "en": "birth date {birth} is after the survey date {survey}; check the birth date",
    },
    "edit.too_old": {
        "vi": "tuổi {age} không thể đúng (quá {max} tuổi); hãy kiểm tra lại ngày sinh",
        "en": "age {age} is impossible (over {max}); check the birth date",
    },
    "edit.parent_young": {
        "vi": "{name} là bố/mẹ của chủ hộ nhưng không lớn hơn chủ hộ ít nhất {gap} tuổi; hãy kiểm tra "
              "ngày sinh hoặc quan hệ",
        "en": "{name} is a parent of the head but not at least {gap} years older; check the birth date or "
              "the relation",
    },
    "edit.child_older": {
        "vi": "{name} là {relation} của chủ hộ nhưng lớn tuổi hơn chủ hộ; hãy kiểm tra ngày sinh hoặc quan hệ",
        "en": "{name} is the head's {relation} but older than the head; check the birth date or the relation",
    },
    "edit.no_members": {
        "vi": "hộ phải có ít nhất một thành viên",
        "en": "a household must have at least one member",
    },
    "edit.has_errors": {
        "vi": "Chưa lưu được: còn {count} lỗi trong phiếu. Lỗi đầu tiên: {first}",
        "en": "Not saved: the form still has {count} errors. The first: {first}",
    },
    "edit.member_issue": {"vi": "Thành viên {n} ({name}): {problem}", "en": "Member {n} ({name}): {problem}"},
    "edit.member_issue_unnamed": {"vi": "Thành viên {n}: {problem}", "en": "Member {n}: {problem}"},
    "income.crops": {"vi": "Trồng trọt", "en": "Crops"},
    "income.livestock": {"vi": "Chăn nuôi", "en": "Livestock"},
    "income.aquaculture": {"vi": "Nuôi trồng, đánh bắt thủy sản", "en": "Aquaculture and fishing"},
    "income.forestry": {"vi": "Lâm nghiệp", "en": "Forestry"},
    "income.salt": {"vi": "Làm muối", "en": "Salt making"},
    "income.wages": {"vi": "Tiền công, tiền lương", "en": "Wages and salaries"},
    "income.pensions": {"vi": "Lương hưu, trợ cấp", "en": "Pensions and allowances"},
    "income.business": {"vi": "Sản xuất, kinh doanh, dịch vụ phi nông nghiệp", "en": "Non-farm business"},
    "income.remittances": {"vi": "Tiền người thân gửi về", "en": "Remittances"},
    "income.other": {"vi": "Thu nhập khác", "en": "Other income"},
})


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem in the editor: ``field`` is the record path
    (``members[1].birth_date``), ``member`` the member's index or ``None``,
    ``severity`` ``"error"`` (blocks saving) or ``"warning"``."""

    field: str
    message: str
    severity: str = "error"
    member: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What :func:`save_and_classify` did."""

    changes: Changes
    result: ClassificationResult


# --------------------------------------------------------------------------
# parsing what the officer types

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str | None, field: str = "survey.date") -> str | None:
    """``dd/mm/yyyy`` (or ISO ``yyyy-mm-dd``) -> ISO text; blank -> ``None``."""
    value = (text or "").strip()
    if not value:
        return None
    m = _DMY.match(value)
    try:
        if m:
            return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        if _ISO.match(value):
            return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise ValidationError(field, t("edit.bad_date", value=value))


def parse_birth_date(text: str | None, field: str = "birth_date") -> str | None:
    """A birth date as typed: ``dd/mm/yyyy``, ``yyyy`` (year only, as on old
    papers) or ISO; returns the record's form (``YYYY-MM-DD`` or ``YYYY``)."""
    value = (text or "").strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}", value):
        if 1850 <= int(value) <= 2200:
            return value
        raise ValidationError(field, t("edit.bad_birth_date", value=value))
    try:
        return parse_date(value, field)
    except ValidationError:
        raise ValidationError(field, t("edit.bad_birth_date", value=value)) from None


def format_date(value: str | None) -> str:
    """ISO date -> ``dd/mm/yyyy`` (a year alone stays as it is)."""
    if not value:
        return ""
    if len(value) == 4:
        return value
    d = _dt.date.fromisoformat(value)
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


format_birth_date = format_date


def parse_id_number(text: str | None, field: str = "id_number") -> str | None:
    """A citizen ID number: exactly 12 digits (spaces ignored); blank -> ``None``."""
    value = "".join((text or "").split())
    if not value:
        return None
    if not ID_NUMBER_RE.fullmatch(value):
        raise ValidationError(field, t("edit.bad_id_number", value=value))
    return value


# --------------------------------------------------------------------------
# checks


def _name(m: Member, i: int) -> str:
    return m.full_name.strip() or f"#{i + 1}"


def check_members(members: Sequence[Member], survey_date: str | None,
                  taken: Mapping[str, tuple[str, str]] | None = None) -> list[Issue]:
    """Problems of the members list (Qt-free, no database).

    Errors: no member, empty name, an ID number not of 12 digits, the same
    ID number twice in the household or already held in the register
    (``taken``: ``{id_number: (household code, name)}``), a birth after the
    survey date, an age over 120, not exactly one head. Warnings: a parent
    not clearly older than the head, a child or grandchild older than the head.
    """
    issues: list[Issue] = []
    if not members:
        return [Issue("members", t("edit.no_members"))]
    survey = _dt.date.fromisoformat(survey_date) if survey_date else None
    seen: dict[str, int] = {}
    for i, m in enumerate(members):
        path = f"members[{i}]"
        if not m.full_name.strip():
            issues.append(Issue(f"{path}.full_name", t("edit.no_name"), member=i))
        if m.id_number is not None:
            if not ID_NUMBER_RE.fullmatch(m.id_number):
                issues.append(Issue(f"{path}.id_number", t("edit.bad_id_number", value=m.id_number), member=i))
            elif m.id_number in seen:
                other = members[seen[m.id_number]]
                issues.append(Issue(f"{path}.id_number", t("edit.id_number_twice", value=m.id_number,
                                                           name=_name(other, seen[m.id_number])), member=i))
            else:
                seen[m.id_number] = i
                if taken and m.id_number in taken:
                    code, name = taken[m.id_number]
                    issues.append(Issue(f"{path}.id_number", t("edit.id_number_taken", value=m.id_number,
                                                               name=name, code=code), member=i))
        birth = birth_as_date(m.birth_date) if m.birth_date else None
        if birth is not None and survey is not None:
            if birth > survey:
                issues.append(Issue(f"{path}.birth_date", t("edit.born_after_survey", birth=format_date(
                    m.birth_date), survey=format_date(survey_date)), member=i))
            elif completed_years(birth, survey) > MAX_AGE_YEARS:
                issues.append(Issue(f"{path}.birth_date", t("edit.too_old", age=completed_years(birth, survey),
                                                            max=MAX_AGE_YEARS), member=i))
    heads = [i for i, m in enumerate(members) if m.relation == "head"]
    if not heads:
        issues.append(Issue("members", t("edit.no_head")))
    elif len(heads) > 1:
        for i in heads[1:]:
            issues.append(Issue(f"members[{i}].relation", t("edit.two_heads", count=len(heads)), member=i))
    if len(heads) == 1:
        issues.extend(_plausibility(members, heads[0]))
    return issues


def _plausibility(members: Sequence[Member], head_index: int) -> list[Issue]:
    head_birth = birth_as_date(members[head_index].birth_date) if members[head_index].birth_date else None
    if head_birth is None:
        return []
    out: list[Issue] = []
    for i, m in enumerate(members):
        birth = birth_as_date(m.birth_date) if m.birth_date else None
        if birth is None or i == head_index:
            continue
        path = f"members[{i}].birth_date"
        gap = completed_years(birth, head_birth) if birth <= head_birth else -1
        if m.relation == "parent" and gap < _PARENT_MIN_GAP:
            out.append(Issue(path, t("edit.parent_young", name=_name(m, i), gap=_PARENT_MIN_GAP),
                             "warning", i))
        elif m.relation in ("child", "grandchild") and birth < head_birth:
            out.append(Issue(path, t("edit.child_older", name=_name(m, i),
                                     relation=value_label("relation", m.relation)), "warning", i))
    return out


def check_household(db: Database, household: Household, *, commune_id: str | None = None) -> list[Issue]:
    """:func:`check_members` with the register's ID numbers: a number held by
    a member of another household of the commune is an error."""
    numbers = [m.id_number for m in household.members if m.id_number and ID_NUMBER_RE.fullmatch(m.id_number)]
    taken = id_number_owners(db, numbers, commune_id=commune_id, exclude_household=household.household_id)
    date = household.survey.date if household.survey is not None else None
    return check_members(household.members, date, taken)


def errors_of(issues: Sequence[Issue]) -> list[Issue]:
    return [i for i in issues if i.is_error]


def describe(issue: Issue, members: Sequence[Member]) -> str:
    """The issue as a sentence naming the member when it is about one."""
    if issue.member is None or issue.member >= len(members):
        return issue.message
    m = members[issue.member]
    if not m.full_name.strip():
        return t("edit.member_issue_unnamed", n=issue.member + 1, problem=issue.message)
    return t("edit.member_issue", n=issue.member + 1, name=m.full_name.strip(), problem=issue.message)


# --------------------------------------------------------------------------
# income worksheet and quick screen


def income_from_worksheet(worksheet: Mapping[str, Any] | None, members: int) -> float | None:
    """Income per person per month from a worksheet
    ``{"sources": {source: {"income": VND, "cost": VND}}}`` (12 months):
    (total income - total costs) ÷ members ÷ 12, rounded to the đồng,
    never below 0. ``None`` when nothing is entered or there are no members."""
    sources = (worksheet or {}).get("sources") or {}
    values = [(v.get("income"), v.get("cost")) for v in sources.values() if isinstance(v, Mapping)]
    if members <= 0 or not any(inc is not None or cost is not None for inc, cost in values):
        return None
    net = sum(inc or 0 for inc, _ in values) - sum(cost or 0 for _, cost in values)
    return max(0, round(net / members / 12))


def quick_screen_stop(household: Household, standard: Standard) -> list[str]:
    """Keys of the standard's quick-screen criteria ticked for the household
    (any one stops the review at Phiếu A); the engine decides the outcome."""
    return quick_screen_signs(household, standard)


def quick_screen_result(household: Household, standard: Standard, lang: str | None = None
                        ) -> ClassificationResult:
    """The classification of a household stopped at the quick screen."""
    return classify(household, standard, lang)


def classify_edited(household: Household, standard: Standard, lang: str | None = None) -> ClassificationResult:
    """The live classification of the editor (the engine applies the quick screen)."""
    return classify(household, standard, lang)


# --------------------------------------------------------------------------
# saving


def save_and_classify(db: Database, household: Household, standard: Standard, *, round_id: str,
                      village_id: str | None = None, commune_id: str | None = None,
                      code: str | None = None) -> SaveResult:
    """Check, save and classify one household of ``round_id``.

    Errors from :func:`check_household` raise :class:`ValidationError` (the
    first one, with their count) before anything is written. The household
    is saved with :func:`~desktop_app.services.register.save_household`; its
    classification (in Vietnamese, the register's language) is then stored
    with :func:`~desktop_app.services.register.store_classifications`.
    """
    errors = errors_of(check_household(db, household, commune_id=commune_id))
    if errors:
        first = describe(errors[0], household.members)
        raise ValidationError(errors[0].field, t("edit.has_errors", count=len(errors), first=first))
    changes = save_household(db, household, round_id=round_id, village_id=village_id,
                             commune_id=commune_id, code=code)
    result = classify_edited(household, standard, "vi")
    changes = changes | store_classifications(db, round_id, [result.to_dict()])
    return SaveResult(changes, result)


def field_name(path: str) -> str:
    """The label of a record path's last field (``members[0].birth_date`` -> "ngày sinh")."""
    return field_label(path.rsplit(".", 1)[-1])
