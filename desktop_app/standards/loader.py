"""Load and validate standards files; keep the installed ones.

Every problem is reported as :class:`desktop_app.errors.StandardFileError`
naming the file, the exact key (``indicators.water.hygienic[2]``) and the
problem, so the office that wrote the file can fix it.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

from desktop_app.domain import record as rec
from desktop_app.errors import StandardFileError, UnknownStandard
from desktop_app.i18n import t as _t
from desktop_app.messages import register
from desktop_app.paths import standards_dir
from desktop_app.standards.model import (
    INDICATOR_KEYS,
    SCORE_COLUMNS,
    Indicator,
    QuickScreenCriterion,
    Retirement,
    ScoreAnswer,
    ScoreItem,
    ScoreTable,
    Standard,
    Text,
)

register({
    "std.missing": {"vi": "thiếu (bắt buộc phải có)", "en": "missing (required)"},
    "std.wrong_type": {"vi": "phải là {expected}, nhưng đang là {found}", "en": "must be {expected}, found {found}"},
    "std.kind_only": {"vi": "phải là {expected}", "en": "must be {expected}"},
    "std.kind.str": {"vi": "một chuỗi ký tự không rỗng", "en": "a non-empty text"},
    "std.kind.int": {"vi": "một số nguyên ≥ 0", "en": "a whole number ≥ 0"},
    "std.kind.whole": {"vi": "một số nguyên", "en": "a whole number"},
    "std.kind.bool": {"vi": "true hoặc false", "en": "true or false"},
    "std.kind.number": {"vi": "một số ≥ 0", "en": "a number ≥ 0"},
    "std.kind.share": {"vi": "một số từ 0 đến 1", "en": "a number between 0 and 1"},
    "std.kind.list": {"vi": "một danh sách [...]", "en": "a list [...]"},
    "std.kind.table": {"vi": "một bảng {{...}}", "en": "a table {{...}}"},
    "std.unknown_value": {"vi": "giá trị {value} không hợp lệ; các giá trị được phép: {allowed}",
                          "en": "unknown value {value}; allowed: {allowed}"},
    "std.bad_format": {"vi": "phải là «{expected}», nhưng đang là {found}", "en": "must be '{expected}', found {found}"},
    "std.version": {
        "vi": "phiên bản {version} của định dạng chưa được phần mềm này hỗ trợ (hỗ trợ {expected}); "
              "hãy cài phiên bản phần mềm mới hơn",
        "en": "version {version} is not supported by this application (supports {expected}); "
              "install a newer version of the application"},
    "std.above": {"vi": "phải lớn hơn {key} ({value})", "en": "must be above {key} ({value})"},
    "std.between": {"vi": "phải từ {low} đến {high}", "en": "must be between {low} and {high}"},
    "std.between_keys": {"vi": "phải nằm giữa {low} và {high}", "en": "must lie between {low} and {high}"},
    "std.unknown_indicator": {"vi": "chỉ số không có trong danh sách; các chỉ số: {known}",
                              "en": "unknown indicator; known: {known}"},
    "std.unknown_rule": {"vi": "quy tắc {rule} không có; các quy tắc: {known}", "en": "unknown rule {rule}; known: {known}"},
    "std.unknown_param": {"vi": "tham số không dùng cho quy tắc {rule}", "en": "unknown parameter for rule {rule}"},
    "std.not_before": {"vi": "không được trước {key}", "en": "must not be before {key}"},
    "std.need_one": {"vi": "phải có ít nhất một mục", "en": "must list at least one entry"},
    "std.twice": {"vi": "{value} xuất hiện hai lần", "en": "{value} appears twice"},
    "std.answer_value": {"vi": "phải là chuỗi ký tự hoặc số nguyên", "en": "must be a text or a whole number"},
    "std.points": {"vi": "thiếu hoặc không phải số nguyên", "en": "missing or not a whole number"},
    "std.unknown_column": {"vi": "cột không hợp lệ; dùng: {known}", "en": "unknown column; use: {known}"},
    "std.not_utf8": {"vi": "không phải văn bản UTF-8 (lỗi ở byte {position}); hãy lưu tệp dạng UTF-8",
                     "en": "not UTF-8 text (error at byte {position}); save the file as UTF-8"},
    "std.not_toml": {"vi": "không phải tệp TOML hợp lệ: {problem}", "en": "not valid TOML: {problem}"},
    "std.unreadable": {"vi": "không đọc được tệp: {problem}", "en": "cannot be read: {problem}"},
})

FORMAT = "poverty-standard/1"
SUPPORTED_MAJOR = 1

# Parameters each built-in rule takes: name -> (kind, required, allowed values)
_RULE_PARAMS: dict[str, dict[str, tuple[str, bool, tuple[str, ...] | None]]] = {
    "employment": {"deprived_employment": ("list", True, rec.EMPLOYMENTS)},
    "dependents": {
        "max_share": ("share", True, None),
        "child_under_years": ("int", True, None),
        "student_counts": ("bool", False, None),
    },
    "nutrition": {
        "child_under_years": ("int", True, None),
        "deprived_values": ("list", True, rec.NUTRITIONS),
    },
    "health_insurance": {"min_age_years": ("int", True, None)},
    "adult_education": {
        "min_age_years": ("int", True, None),
        "max_age_years": ("int", True, None),
        "young_max_age_years": ("int", True, None),
        "young_qualified": ("list", True, rec.EDUCATIONS),
        "adult_qualified": ("list", True, rec.EDUCATIONS),
        "on_job_training_counts": ("bool", False, None),
    },
    "child_schooling": {"min_age_years": ("int", True, None), "max_age_years": ("int", True, None)},
    "housing_quality": {"min_non_durable": ("int", True, None)},
    "housing_area": {"min_m2_per_person": ("number", True, None)},
    "water": {"hygienic": ("list", True, rec.WATER_SOURCES)},
    "latrine": {"hygienic": ("list", True, rec.LATRINES)},
    "telecom": {},
    "info_access": {
        "devices": ("list", True, rec.INFO_DEVICES),
        "loudspeaker_counts": ("bool", False, None),
    },
}
_INDICATOR_META = {"rule", "order", "provisional", "service", "name", "text"}


class _Reader:
    def __init__(self, source: str):
        self.source = source

    def fail(self, key: str, problem: str) -> StandardFileError:
        return StandardFileError(self.source, key, problem)

    def get(self, table: dict, key: str, path: str, kind: str, required: bool = True, default: Any = None):
        if key not in table:
            if required:
                raise self.fail(path, _t("std.missing"))
            return default
        value = table[key]
        ok = {
            "str": isinstance(value, str) and value.strip() != "",
            "int": isinstance(value, int) and not isinstance(value, bool) and value >= 0,
            "bool": isinstance(value, bool),
            "number": isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0,
            "share": isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 1,
            "list": isinstance(value, list),
            "table": isinstance(value, dict),
        }[kind]
        if not ok:
            raise self.fail(path, _t("std.wrong_type", expected=_t(f"std.kind.{kind}"), found=repr(value)))
        return value

    def text(self, table: dict, key: str, path: str, required: bool = True) -> Text:
        value = self.get(table, key, path, "table", required=required)
        if value is None:
            return Text("", "")
        vi = self.get(value, "vi", f"{path}.vi", "str")
        en = self.get(value, "en", f"{path}.en", "str")
        return Text(vi, en)

    def choices(self, value: list, path: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        for i, item in enumerate(value):
            if item not in allowed:
                raise self.fail(f"{path}[{i}]", _t("std.unknown_value", value=repr(item), allowed=", ".join(allowed)))
        return tuple(value)


def parse_standard(data: dict[str, Any], source: str = "<standard>", sha256: str = "") -> Standard:
    """Validate a parsed TOML document and build a :class:`Standard`."""
    r = _Reader(source)
    fmt = r.get(data, "format", "format", "str")
    name, _, version = fmt.partition("/")
    if name != "poverty-standard" or not version.split(".")[0].isdigit():
        raise r.fail("format", _t("std.bad_format", expected=FORMAT, found=repr(fmt)))
    if int(version.split(".")[0]) != SUPPORTED_MAJOR:
        raise r.fail("format", _t("std.version", version=version, expected=FORMAT))
    sid = r.get(data, "id", "id", "str")
    revision = r.get(data, "revision", "revision", "int")
    income = r.get(data, "income", "income", "table")
    rural_line = r.get(income, "rural_line", "income.rural_line", "int")
    urban_line = r.get(income, "urban_line", "income.urban_line", "int")
    mid_r = r.get(income, "middle_rural_max", "income.middle_rural_max", "int", required=False)
    mid_u = r.get(income, "middle_urban_max", "income.middle_urban_max", "int", required=False)
    if mid_r is not None and mid_r <= rural_line:
        raise r.fail("income.middle_rural_max", _t("std.above", key="income.rural_line", value=rural_line))
    if mid_u is not None and mid_u <= urban_line:
        raise r.fail("income.middle_urban_max", _t("std.above", key="income.urban_line", value=urban_line))
    categories = r.get(data, "categories", "categories", "table", required=False, default={})
    poor_min = r.get(categories, "poor_min_deprivations", "categories.poor_min_deprivations", "int",
                     required=False, default=3)
    if not 1 <= poor_min <= len(INDICATOR_KEYS):
        raise r.fail("categories.poor_min_deprivations", _t("std.between", low=1, high=len(INDICATOR_KEYS)))

    wa = r.get(data, "working_age", "working_age", "table")
    retirement_tbl = r.get(wa, "retirement", "working_age.retirement", "table")
    retirement: dict[str, Retirement] = {}
    for sex in ("male", "female"):
        p = f"working_age.retirement.{sex}"
        t = r.get(retirement_tbl, sex, p, "table")
        retirement[sex] = Retirement(
            before_base_months=r.get(t, "before_base_months", f"{p}.before_base_months", "int"),
            base_year=r.get(t, "base_year", f"{p}.base_year", "int"),
            base_months=r.get(t, "base_months", f"{p}.base_months", "int"),
            step_months=r.get(t, "step_months", f"{p}.step_months", "int"),
            max_months=r.get(t, "max_months", f"{p}.max_months", "int"),
        )

    ind_tbl = r.get(data, "indicators", "indicators", "table")
    indicators: list[Indicator] = []
    for key in ind_tbl:
        if key not in INDICATOR_KEYS:
            raise r.fail(f"indicators.{key}", _t("std.unknown_indicator", known=", ".join(INDICATOR_KEYS)))
    for key in INDICATOR_KEYS:
        p = f"indicators.{key}"
        t = r.get(ind_tbl, key, p, "table")
        rule = r.get(t, "rule", f"{p}.rule", "str")
        if rule not in _RULE_PARAMS:
            raise r.fail(f"{p}.rule", _t("std.unknown_rule", rule=repr(rule), known=", ".join(_RULE_PARAMS)))
        params: dict[str, Any] = {}
        spec = _RULE_PARAMS[rule]
        for pname, (kind, required, allowed) in spec.items():
            value = r.get(t, pname, f"{p}.{pname}", kind, required=required)
            if value is None:
                continue
            if allowed is not None:
                value = r.choices(value, f"{p}.{pname}", allowed)
            params[pname] = value
        for extra in t:
            if extra not in spec and extra not in _INDICATOR_META:
                raise r.fail(f"{p}.{extra}", _t("std.unknown_param", rule=repr(rule)))
        indicators.append(Indicator(
            key=key, rule=rule,
            order=r.get(t, "order", f"{p}.order", "int"),
            provisional=r.get(t, "provisional", f"{p}.provisional", "bool", required=False, default=False),
            service=r.text(t, "service", f"{p}.service"),
            name=r.text(t, "name", f"{p}.name"),
            text=r.text(t, "text", f"{p}.text"),
            params=params,
        ))
    indicators.sort(key=lambda i: i.order)
    ae = next(i for i in indicators if i.key == "adult_education").params
    if ae and not ae["min_age_years"] <= ae["young_max_age_years"] <= ae["max_age_years"]:
        raise r.fail("indicators.adult_education.young_max_age_years",
                     _t("std.between_keys", low="min_age_years", high="max_age_years"))

    score_table = None
    if "score_table" in data:
        score_table = _parse_score_table(r, r.get(data, "score_table", "score_table", "table"))

    quick: list[QuickScreenCriterion] = []
    qs = r.get(data, "quick_screen", "quick_screen", "table", required=False, default={})
    for i, c in enumerate(r.get(qs, "criteria", "quick_screen.criteria", "list", required=False, default=[])):
        p = f"quick_screen.criteria[{i}]"
        if not isinstance(c, dict):
            raise r.fail(p, _t("std.kind_only", expected=_t("std.kind.table")))
        quick.append(QuickScreenCriterion(
            key=r.get(c, "key", f"{p}.key", "str"),
            text=Text(r.get(c, "vi", f"{p}.vi", "str"), r.get(c, "en", f"{p}.en", "str")),
        ))

    lists_from = r.get(data, "lists_from_year", "lists_from_year", "int")
    lists_to = r.get(data, "lists_to_year", "lists_to_year", "int")
    if lists_to < lists_from:
        raise r.fail("lists_to_year", _t("std.not_before", key="lists_from_year"))
    return Standard(
        id=sid,
        revision=revision,
        title=r.text(data, "title", "title"),
        legal_basis=r.text(data, "legal_basis", "legal_basis", required=False),
        issued_by=r.get(data, "issued_by", "issued_by", "str", required=False, default=""),
        lists_from_year=lists_from,
        lists_to_year=lists_to,
        provisional=r.get(data, "provisional", "provisional", "bool", required=False, default=False),
        rural_line=rural_line,
        urban_line=urban_line,
        middle_rural_max=mid_r,
        middle_urban_max=mid_u,
        score_cutoff_rural=r.get(income, "score_cutoff_rural", "income.score_cutoff_rural", "int", required=False),
        score_cutoff_urban=r.get(income, "score_cutoff_urban", "income.score_cutoff_urban", "int", required=False),
        income_text=r.text(income, "text", "income.text", required=False),
        income_provisional=r.get(income, "provisional", "income.provisional", "bool", required=False,
                                 default=False),
        poor_min_deprivations=poor_min,
        working_age_min_years=r.get(wa, "min_years", "working_age.min_years", "int"),
        retirement=retirement,
        working_age_text=r.text(wa, "text", "working_age.text", required=False),
        indicators=tuple(indicators),
        score_table=score_table,
        quick_screen=tuple(quick),
        quick_screen_provisional=r.get(qs, "provisional", "quick_screen.provisional", "bool", required=False,
                                       default=False),
        source=source,
        sha256=sha256,
        raw=data,
    )


def _parse_score_table(r: _Reader, t: dict) -> ScoreTable:
    items: list[ScoreItem] = []
    raw_items = r.get(t, "items", "score_table.items", "list")
    if not raw_items:
        raise r.fail("score_table.items", _t("std.need_one"))
    seen: set[str] = set()
    for i, it in enumerate(raw_items):
        p = f"score_table.items[{i}]"
        if not isinstance(it, dict):
            raise r.fail(p, _t("std.kind_only", expected=_t("std.kind.table")))
        key = r.get(it, "key", f"{p}.key", "str")
        if key in seen:
            raise r.fail(f"{p}.key", _t("std.twice", value=repr(key)))
        seen.add(key)
        answers: dict[str, ScoreAnswer] = {}
        raw_answers = r.get(it, "answers", f"{p}.answers", "list")
        if not raw_answers:
            raise r.fail(f"{p}.answers", _t("std.need_one"))
        for j, a in enumerate(raw_answers):
            pa = f"{p}.answers[{j}]"
            if not isinstance(a, dict):
                raise r.fail(pa, _t("std.kind_only", expected=_t("std.kind.table")))
            value = a.get("value")
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                raise r.fail(f"{pa}.value", _t("std.answer_value"))
            value = str(value)
            if value in answers:
                raise r.fail(f"{pa}.value", _t("std.twice", value=repr(value)))
            points_tbl = r.get(a, "points", f"{pa}.points", "table")
            points: dict[str, int] = {}
            for col in SCORE_COLUMNS:
                v = points_tbl.get(col)
                if not isinstance(v, int) or isinstance(v, bool):
                    raise r.fail(f"{pa}.points.{col}", _t("std.points"))
                points[col] = v
            for col in points_tbl:
                if col not in SCORE_COLUMNS:
                    raise r.fail(f"{pa}.points.{col}", _t("std.unknown_column", known=", ".join(SCORE_COLUMNS)))
            answers[value] = ScoreAnswer(value=value, label=r.text(a, "label", f"{pa}.label"), points=points)
        items.append(ScoreItem(key=key, question=r.text(it, "question", f"{p}.question"), answers=answers))
    base = t.get("base_points", 0)
    if not isinstance(base, int) or isinstance(base, bool):
        raise r.fail("score_table.base_points", _t("std.kind_only", expected=_t("std.kind.whole")))
    return ScoreTable(base_points=base, items=tuple(items))


def load_standard_bytes(data: bytes, source: str) -> Standard:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StandardFileError(source, "(file)", _t("std.not_utf8", position=exc.start)) from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StandardFileError(source, "(file)", _t("std.not_toml", problem=str(exc))) from None
    return parse_standard(doc, source=source, sha256=hashlib.sha256(data).hexdigest())


def load_standard_file(path: str | Path) -> Standard:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StandardFileError(str(path), "(file)", _t("std.unreadable", problem=exc.strerror)) from None
    return load_standard_bytes(data, path.name)


class StandardRegistry:
    """The standards available to this installation: those shipped in
    ``resources/standards`` and those imported into ``<data_dir>/standards``.
    An imported file with the same id and a higher revision wins."""

    def __init__(self, folders: list[Path] | None = None):
        self._by_id: dict[str, Standard] = {}
        for folder in folders if folders is not None else [standards_dir()]:
            self.load_folder(folder)

    def load_folder(self, folder: Path) -> None:
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.toml")):
            self.add(load_standard_file(path))

    def add(self, standard: Standard) -> None:
        current = self._by_id.get(standard.id)
        if current is None or standard.revision >= current.revision:
            self._by_id[standard.id] = standard

    def get(self, standard_id: str) -> Standard:
        try:
            return self._by_id[standard_id]
        except KeyError:
            raise UnknownStandard(standard_id, list(self._by_id)) from None

    def ids(self) -> list[str]:
        return sorted(self._by_id)

    def __iter__(self):
        return iter(self._by_id[k] for k in self.ids())


_default_registry: StandardRegistry | None = None


def default_registry(data_dir: Path | None = None) -> StandardRegistry:
    """The shipped standards plus those imported into ``data_dir`` (cached
    for the shipped-only case)."""
    global _default_registry
    if data_dir is not None:
        return StandardRegistry([standards_dir(), Path(data_dir) / "standards"])
    if _default_registry is None:
        _default_registry = StandardRegistry()
    return _default_registry
