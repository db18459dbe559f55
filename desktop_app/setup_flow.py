"""First-run setup as a Qt-free state machine.

Steps: ``mode`` (a commune's register or a receiving office) → ``unit`` (name,
code, province, default area and region, label of the receiving office) →
``villages`` (commune mode: thôn / tổ dân phố, at least one, unique names) →
``admin`` (the first administrator) → ``round`` (commune mode: the first survey
round and its standard) → ``summary``. The GUI wizard only draws this flow; the
tests drive it without a screen; :func:`desktop_app.services.setup.apply_setup`
writes the resulting :class:`SetupPlan` in one transaction.

Each step is filled with :meth:`SetupFlow.update` and checked with
:meth:`SetupFlow.validate`, which returns :class:`FieldError` s (field name and
a message in the current language) instead of raising, so that a form can show
every problem at once. :meth:`SetupFlow.advance` does both and moves on.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from desktop_app.domain.labels import value_label
from desktop_app.domain.record import AREAS, REGIONS
from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.services import accounts

MODES = ("commune", "district")
ROUND_KINDS = ("periodic", "ad_hoc")
#: label of the office that receives the commune's data, until the user names it
DEFAULT_OFFICE_LABEL = "Phòng/Sở tiếp nhận"
#: default name of the first round, by kind (``{year}`` is the round's year)
ROUND_NAMES = {"periodic": "Rà soát định kỳ năm {year}", "ad_hoc": "Rà soát thường xuyên năm {year}"}
_COMMUNE_CODE = re.compile(r"\d{5}")
_OFFICE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]{0,15}")

register_messages({
    "setup.required": {"vi": "không được để trống", "en": "must not be empty"},
    "setup.bad_choice": {"vi": "hãy chọn một mục trong danh sách", "en": "choose an item of the list"},
    "setup.commune_code": {
        "vi": "mã đơn vị hành chính cấp xã gồm đúng 5 chữ số (ví dụ 02287)",
        "en": "a commune's administrative unit code has exactly 5 digits (e.g. 02287)",
    },
    "setup.office_code": {
        "vi": "mã cơ quan gồm 1–16 chữ cái không dấu, chữ số, dấu chấm hoặc gạch ngang",
        "en": "an office code has 1–16 letters without accents, digits, dots or hyphens",
    },
    "setup.too_long": {"vi": "dài quá {max} ký tự", "en": "longer than {max} characters"},
    "setup.villages_empty": {
        "vi": "hãy nhập ít nhất một thôn hoặc tổ dân phố",
        "en": "enter at least one village or residential group",
    },
    "setup.village_duplicate": {
        "vi": "«{name}» bị trùng (dòng {line} và dòng {first})",
        "en": "'{name}' is repeated (lines {first} and {line})",
    },
    "setup.password_mismatch": {
        "vi": "hai lần nhập mật khẩu không giống nhau",
        "en": "the two passwords differ",
    },
    "setup.unknown_standard": {
        "vi": "chuẩn nghèo «{standard}» chưa được cài đặt",
        "en": "the poverty standard '{standard}' is not installed",
    },
    "setup.start_date_range": {
        "vi": "ngày bắt đầu phải trong khoảng năm 2000 đến năm 2100",
        "en": "the start date must be between the years 2000 and 2100",
    },
    "setup.summary.mode": {"vi": "Loại sổ", "en": "Register kind"},
    "setup.summary.mode.commune": {"vi": "Sổ của xã/phường/đặc khu", "en": "Commune register"},
    "setup.summary.mode.district": {
        "vi": "Cơ quan tiếp nhận (tổng hợp số liệu các xã)",
        "en": "Receiving office (sums up the communes' data)",
    },
    "setup.summary.name.commune": {"vi": "Tên xã", "en": "Commune"},
    "setup.summary.name.district": {"vi": "Tên cơ quan", "en": "Office"},
    "setup.summary.code": {"vi": "Mã đơn vị", "en": "Unit code"},
    "setup.summary.province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "setup.summary.area": {"vi": "Khu vực mặc định", "en": "Default area"},
    "setup.summary.region": {"vi": "Vùng kinh tế", "en": "Economic region"},
    "setup.summary.office_label": {"vi": "Tên gọi cơ quan tiếp nhận", "en": "Receiving office label"},
    "setup.summary.villages": {"vi": "Thôn/tổ dân phố ({count})", "en": "Villages ({count})"},
    "setup.summary.admin": {"vi": "Quản trị viên", "en": "Administrator"},
    "setup.summary.round": {"vi": "Đợt rà soát", "en": "Survey round"},
    "setup.summary.round_kind.periodic": {"vi": "định kỳ", "en": "periodic"},
    "setup.summary.round_kind.ad_hoc": {"vi": "thường xuyên", "en": "ad hoc"},
    "setup.summary.standard": {"vi": "Chuẩn nghèo", "en": "Poverty standard"},
    "setup.summary.start_date": {"vi": "Ngày bắt đầu", "en": "Start date"},
    "setup.summary.none": {"vi": "(không)", "en": "(none)"},
})


class Step(enum.StrEnum):
    """The steps of the setup, in order."""

    MODE = "mode"
    UNIT = "unit"
    VILLAGES = "villages"
    ADMIN = "admin"
    ROUND = "round"
    SUMMARY = "summary"


#: fields of :class:`SetupPlan` filled on each step
STEP_FIELDS: dict[Step, tuple[str, ...]] = {
    Step.MODE: ("mode",),
    Step.UNIT: ("name", "code", "province", "default_area", "default_region", "office_label"),
    Step.VILLAGES: ("villages",),
    Step.ADMIN: ("admin_full_name", "admin_username", "admin_password", "admin_password_confirm"),
    Step.ROUND: ("round_name", "round_kind", "standard_id", "round_start"),
    Step.SUMMARY: (),
}


@dataclass(frozen=True, slots=True)
class FieldError:
    """A problem with one field: its name (``villages[2]`` for a list item)
    and a message in the current language."""

    field: str
    message: str


@dataclass(frozen=True, slots=True)
class StandardChoice:
    """A poverty standard that a round may use (from the standards registry)."""

    id: str
    title: str
    lists_from_year: int
    lists_to_year: int


def standard_choices(registry: Iterable[Any], lang: str | None = None) -> list[StandardChoice]:
    """Choices from a :class:`desktop_app.standards.loader.StandardRegistry`."""
    return [StandardChoice(s.id, getattr(s.title, lang or "vi", s.title.vi) or s.id,
                           s.lists_from_year, s.lists_to_year) for s in registry]


def default_standard(choices: Sequence[StandardChoice], kind: str, on: _dt.date) -> str | None:
    """The standard a round of ``kind`` started ``on`` should use.

    A periodic review decides the lists of the next year (a review in late
    2026 decides the 2027 lists, so it uses ``vn-2027-2030``); an ad-hoc review
    changes the lists of its own year. Among the standards covering that year
    the newest wins; with none covering it, the newest installed.
    """
    if not choices:
        return None
    year = on.year + 1 if kind == "periodic" else on.year
    covering = [c for c in choices if c.lists_from_year <= year <= c.lists_to_year]
    pool = covering or list(choices)
    return max(pool, key=lambda c: (c.lists_from_year, c.id)).id


def default_round_name(kind: str, on: _dt.date) -> str:
    """``Rà soát định kỳ năm 2026`` and the like (round names are data, in Vietnamese)."""
    return ROUND_NAMES.get(kind, ROUND_NAMES["periodic"]).format(year=on.year)


@dataclass
class SetupPlan:
    """Everything the setup collects; :func:`validate_plan` checks it whole."""

    mode: str = "commune"
    name: str = ""
    code: str = ""
    province: str = ""
    default_area: str = "rural"
    default_region: str | None = None
    office_label: str = DEFAULT_OFFICE_LABEL
    villages: list[str] = field(default_factory=list)
    admin_full_name: str = ""
    admin_username: str = ""
    admin_password: str = field(default="", repr=False)
    admin_password_confirm: str = field(default="", repr=False)
    round_name: str = ""
    round_kind: str = "periodic"
    standard_id: str = ""
    round_start: _dt.date = field(default_factory=_dt.date.today)

    @property
    def is_commune(self) -> bool:
        return self.mode == "commune"


def clean_text(value: Any) -> str:
    """NFC-normalised text with runs of white space collapsed (Vietnamese
    typed with some keyboards arrives decomposed)."""
    return " ".join(unicodedata.normalize("NFC", str(value or "")).split())


def steps_for(mode: str) -> list[Step]:
    """The steps shown for ``mode``: a receiving office has no villages and no round."""
    skip = {Step.VILLAGES, Step.ROUND} if mode == "district" else set()
    return [s for s in Step if s not in skip]


def _required(errors: list[FieldError], name: str, value: str, max_len: int = 200) -> None:
    if not value:
        errors.append(FieldError(name, t("setup.required")))
    elif len(value) > max_len:
        errors.append(FieldError(name, t("setup.too_long", max=max_len)))


def validate_step(plan: SetupPlan, step: Step, standard_ids: Iterable[str]) -> list[FieldError]:
    """Problems of ``plan``'s fields on ``step`` (empty when the step is fine)."""
    errors: list[FieldError] = []
    if step is Step.MODE:
        if plan.mode not in MODES:
            errors.append(FieldError("mode", t("setup.bad_choice")))
    elif step is Step.UNIT:
        _required(errors, "name", plan.name)
        if not plan.code:
            errors.append(FieldError("code", t("setup.required")))
        elif plan.is_commune and not _COMMUNE_CODE.fullmatch(plan.code):
            errors.append(FieldError("code", t("setup.commune_code")))
        elif not plan.is_commune and not _OFFICE_CODE.fullmatch(plan.code):
            errors.append(FieldError("code", t("setup.office_code")))
        _required(errors, "province", plan.province)
        if plan.default_area not in AREAS:
            errors.append(FieldError("default_area", t("setup.bad_choice")))
        if plan.default_region is not None and plan.default_region not in REGIONS:
            errors.append(FieldError("default_region", t("setup.bad_choice")))
        _required(errors, "office_label", plan.office_label)
    elif step is Step.VILLAGES and plan.is_commune:
        if not plan.villages:
            errors.append(FieldError("villages", t("setup.villages_empty")))
        seen: dict[str, int] = {}
        for i, name in enumerate(plan.villages):
            if len(name) > 200:
                errors.append(FieldError(f"villages[{i}]", t("setup.too_long", max=200)))
            key = name.casefold()
            if key in seen:
                errors.append(FieldError(f"villages[{i}]", t("setup.village_duplicate", name=name,
                                                             line=i + 1, first=seen[key] + 1)))
            else:
                seen[key] = i
    elif step is Step.ADMIN:
        for name, check in (("admin_full_name", accounts.validate_full_name),
                            ("admin_username", accounts.validate_username),
                            ("admin_password", accounts.validate_password)):
            try:
                check(getattr(plan, name))
            except ValidationError as exc:
                errors.append(FieldError(name, exc.problem))
        if plan.admin_password != plan.admin_password_confirm:
            errors.append(FieldError("admin_password_confirm", t("setup.password_mismatch")))
    elif step is Step.ROUND and plan.is_commune:
        _required(errors, "round_name", plan.round_name)
        if plan.round_kind not in ROUND_KINDS:
            errors.append(FieldError("round_kind", t("setup.bad_choice")))
        if plan.standard_id not in set(standard_ids):
            errors.append(FieldError("standard_id", t("setup.unknown_standard", standard=plan.standard_id)))
        if not isinstance(plan.round_start, _dt.date) or not 2000 <= plan.round_start.year <= 2100:
            errors.append(FieldError("round_start", t("setup.start_date_range")))
    return errors


def validate_plan(plan: SetupPlan, standard_ids: Iterable[str]) -> list[FieldError]:
    """Problems of every step of ``plan``'s mode."""
    ids = list(standard_ids)
    return [e for step in steps_for(plan.mode) for e in validate_step(plan, step, ids)]


def _clean(name: str, value: Any) -> Any:
    """The stored form of a value typed for field ``name``."""
    if name == "villages":
        lines = value.splitlines() if isinstance(value, str) else list(value or ())
        return [v for v in (clean_text(x) for x in lines) if v]
    if name in ("admin_password", "admin_password_confirm"):
        return unicodedata.normalize("NFC", str(value or ""))
    if name == "admin_username":
        return accounts.normalize_username(str(value or ""))
    if name == "default_region":
        return value or None
    if name == "round_start":
        return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value))
    if name == "code":
        return "".join(str(value or "").split())
    return clean_text(value)


def check_admin(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
    """Clean and check the administrator's fields alone (for a register that
    exists but has no administrator): ``(cleaned values, problems)``."""
    plan = SetupPlan()
    for name in STEP_FIELDS[Step.ADMIN]:
        setattr(plan, name, _clean(name, values.get(name, "")))
    cleaned = {name: getattr(plan, name) for name in STEP_FIELDS[Step.ADMIN]}
    return cleaned, validate_step(plan, Step.ADMIN, ())


class SetupFlow:
    """The setup's state: the plan being filled and the current step.

    ``standards`` are the standards a round may use; ``today`` fixes the
    defaults of the round (its name, year and standard).
    """

    def __init__(self, standards: Sequence[StandardChoice], today: _dt.date | None = None):
        self.standards = list(standards)
        self.today = today or _dt.date.today()
        self.plan = SetupPlan(round_start=self.today)
        self.plan.round_name = default_round_name("periodic", self.today)
        self.plan.standard_id = default_standard(self.standards, "periodic", self.today) or ""
        self.current: Step = Step.MODE
        self._touched: set[str] = set()

    # -- fields ----------------------------------------------------------

    @property
    def standard_ids(self) -> list[str]:
        return [s.id for s in self.standards]

    def steps(self) -> list[Step]:
        """The steps of the chosen mode, in order."""
        return steps_for(self.plan.mode)

    def values(self, step: Step) -> dict[str, Any]:
        """The current values of ``step``'s fields."""
        return {name: getattr(self.plan, name) for name in STEP_FIELDS[step]}

    def update(self, values: Mapping[str, Any]) -> None:
        """Set fields of the plan (unknown names raise ``KeyError``).

        Changing the round's kind or start date also moves the default name
        and standard, unless the user has typed or chosen their own.
        """
        known = {f.name for f in fields(SetupPlan)}
        cleaned = {}
        for name, value in values.items():
            if name not in known:
                raise KeyError(name)
            cleaned[name] = _clean(name, value)
        before = replace(self.plan)
        for name, value in cleaned.items():
            if name in ("round_name", "standard_id") and value != self._default(name, before):
                self._touched.add(name)
            setattr(self.plan, name, value)
        if self.plan.round_kind != before.round_kind or self.plan.round_start != before.round_start:
            for name in ("round_name", "standard_id"):
                if name not in self._touched:
                    setattr(self.plan, name, self._default(name, self.plan))

    def _default(self, name: str, plan: SetupPlan) -> str:
        if name == "round_name":
            return default_round_name(plan.round_kind, plan.round_start)
        return default_standard(self.standards, plan.round_kind, plan.round_start) or ""

    def validate(self, step: Step | None = None) -> list[FieldError]:
        """Problems of ``step`` (default: the current step)."""
        step = step or self.current
        if step is Step.SUMMARY:
            return validate_plan(self.plan, self.standard_ids)
        return validate_step(self.plan, step, self.standard_ids)

    # -- moving ----------------------------------------------------------

    def next_step(self, step: Step | None = None) -> Step | None:
        """The step after ``step`` in the chosen mode (``None`` after the summary)."""
        steps = self.steps()
        i = steps.index(step or self.current)
        return steps[i + 1] if i + 1 < len(steps) else None

    def previous_step(self, step: Step | None = None) -> Step | None:
        steps = self.steps()
        i = steps.index(step or self.current)
        return steps[i - 1] if i > 0 else None

    def advance(self, values: Mapping[str, Any] | None = None) -> list[FieldError]:
        """Fill the current step with ``values``, check it and, when it is
        fine, move to the next step. Returns the problems (empty on success)."""
        if values:
            self.update(values)
        errors = self.validate()
        if not errors:
            following = self.next_step()
            if following is not None:
                self.current = following
        return errors

    def back(self) -> Step:
        """Go back one step (staying on the first)."""
        self.current = self.previous_step() or self.current
        return self.current

    def ready(self) -> bool:
        """Whether the whole plan is valid (the summary may be applied)."""
        return not validate_plan(self.plan, self.standard_ids)

    # -- summary ---------------------------------------------------------

    def summary(self) -> list[tuple[str, str]]:
        """``(label, value)`` lines describing the plan in the current language."""
        p = self.plan
        none = t("setup.summary.none")
        titles = {s.id: s.title for s in self.standards}
        lines = [
            (t("setup.summary.mode"), t(f"setup.summary.mode.{p.mode}")),
            (t(f"setup.summary.name.{p.mode}"), p.name),
            (t("setup.summary.code"), p.code),
            (t("setup.summary.province"), p.province),
            (t("setup.summary.area"), value_label("area", p.default_area).capitalize()),
            (t("setup.summary.region"), value_label("region", p.default_region) if p.default_region else none),
            (t("setup.summary.office_label"), p.office_label),
        ]
        if p.is_commune:
            lines.append((t("setup.summary.villages", count=len(p.villages)), ", ".join(p.villages) or none))
        lines.append((t("setup.summary.admin"), f"{p.admin_full_name} ({p.admin_username})"))
        if p.is_commune:
            kind = t(f"setup.summary.round_kind.{p.round_kind}") if p.round_kind in ROUND_KINDS else p.round_kind
            lines += [
                (t("setup.summary.round"), f"{p.round_name} ({kind})"),
                (t("setup.summary.standard"), titles.get(p.standard_id, p.standard_id)),
                (t("setup.summary.start_date"), p.round_start.strftime("%d/%m/%Y")),
            ]
        return lines
