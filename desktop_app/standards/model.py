"""Typed model of a poverty standard (``poverty-standard/1`` files).

A standard is data: income lines, the middle band, the B1 score cut-offs, an
optional B1 score table, working-age rules and the parameters and texts of the
12 deprivation indicators. See ``docs/standards-format.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

INDICATOR_KEYS = (
    "employment",
    "dependents",
    "nutrition",
    "health_insurance",
    "adult_education",
    "child_schooling",
    "housing_quality",
    "housing_area",
    "water",
    "latrine",
    "telecom",
    "info_access",
)

SCORE_COLUMNS = (
    "northern_midlands_mountains",
    "red_river_delta",
    "north_central_coast",
    "central_highlands",
    "southeast",
    "mekong_delta",
    "urban",
)


@dataclass(frozen=True, slots=True)
class Text:
    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True, slots=True)
class Retirement:
    before_base_months: int
    base_year: int
    base_months: int
    step_months: int
    max_months: int

    def age_months(self, year: int) -> int:
        """Statutory retirement age, in months, in ``year``."""
        if year < self.base_year:
            return self.before_base_months
        return min(self.base_months + (year - self.base_year) * self.step_months, self.max_months)


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    rule: str
    order: int
    provisional: bool
    service: Text
    name: Text
    text: Text
    params: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ScoreAnswer:
    value: str
    label: Text
    points: dict[str, int]  # column (region key or "urban") -> points


@dataclass(frozen=True, slots=True)
class ScoreItem:
    key: str
    question: Text
    answers: dict[str, ScoreAnswer]


@dataclass(frozen=True, slots=True)
class ScoreTable:
    base_points: int
    items: tuple[ScoreItem, ...]


@dataclass(frozen=True, slots=True)
class QuickScreenCriterion:
    key: str
    text: Text


@dataclass(frozen=True, slots=True)
class Standard:
    id: str
    revision: int
    title: Text
    legal_basis: Text
    issued_by: str
    lists_from_year: int
    lists_to_year: int
    provisional: bool
    rural_line: int
    urban_line: int
    middle_rural_max: int | None
    middle_urban_max: int | None
    score_cutoff_rural: int | None
    score_cutoff_urban: int | None
    income_text: Text
    income_provisional: bool
    poor_min_deprivations: int
    working_age_min_years: int
    retirement: dict[str, Retirement]  # "male" / "female"
    working_age_text: Text
    indicators: tuple[Indicator, ...]
    score_table: ScoreTable | None
    quick_screen: tuple[QuickScreenCriterion, ...]
    quick_screen_provisional: bool
    source: str = ""
    sha256: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def version(self) -> str:
        """``<id>@<revision>``: what a stored classification records."""
        return f"{self.id}@{self.revision}"

    def line(self, area: str) -> int:
        return self.urban_line if area == "urban" else self.rural_line

    def middle_max(self, area: str) -> int | None:
        return self.middle_urban_max if area == "urban" else self.middle_rural_max

    def score_cutoff(self, area: str) -> int | None:
        return self.score_cutoff_urban if area == "urban" else self.score_cutoff_rural

    def indicator(self, key: str) -> Indicator:
        for ind in self.indicators:
            if ind.key == key:
                return ind
        raise KeyError(key)
