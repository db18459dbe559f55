"""Classification of one household under one standard (spec/domain.md §4–6).

:func:`classify` is a pure function: the same household and standard always
give the same result. It never guesses: an unknown answer counts for neither
side, and when the category could change with the unknowns the household is
``incomplete`` and ``missing`` lists what to ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app import __version__
from desktop_app.classification import reasons as R
from desktop_app.classification.indicators import RULES, Outcome, prepare
from desktop_app.domain.record import Household
from desktop_app.i18n import get_language
from desktop_app.standards.model import INDICATOR_KEYS, Standard

CATEGORIES = ("poor", "near_poor", "middle", "not_poor", "incomplete")
STATE_TEXT = {True: "yes", False: "no", None: "unknown"}


@dataclass(slots=True)
class ClassificationResult:
    household_id: str
    standard: str
    standard_version: str
    category: str
    score_a: int | None
    score_b: int
    income_per_capita: float | None
    indicators: dict[str, str]
    reasons: dict[str, str]
    missing: list[str]
    missing_text: list[str]
    warnings: list[str]
    unknown_reasons: dict[str, str] = field(default_factory=dict)
    at_or_below_line: bool | None = None
    app_version: str = __version__

    @property
    def deprived_count(self) -> int:
        return self.score_b // 10

    def deprived_mask(self) -> int:
        return sum(1 << i for i, k in enumerate(INDICATOR_KEYS) if self.indicators.get(k) == "yes")

    def unknown_mask(self) -> int:
        return sum(1 << i for i, k in enumerate(INDICATOR_KEYS) if self.indicators.get(k) == "unknown")

    def to_dict(self) -> dict[str, Any]:
        return {
            "household_id": self.household_id,
            "standard": self.standard,
            "standard_version": self.standard_version,
            "category": self.category,
            "score_a": self.score_a,
            "score_b": self.score_b,
            "income_per_capita": self.income_per_capita,
            "indicators": dict(self.indicators),
            "reasons": dict(self.reasons),
            "unknown_reasons": dict(self.unknown_reasons),
            "missing": list(self.missing),
            "missing_text": list(self.missing_text),
            "warnings": list(self.warnings),
        }


def _score_bounds(household: Household, standard: Standard) -> tuple[int, int] | None:
    """Lowest and highest possible score A: from the written total, or from
    the B1 answers and the standard's score table (unanswered items and an
    unknown region widen the bounds). None when nothing is known."""
    s = household.survey
    if s.score_a is not None:
        return s.score_a, s.score_a
    table = standard.score_table
    if table is None or not s.b1_answers:
        return None
    if household.area == "urban":
        columns = ["urban"]
    elif household.area == "rural" and household.region:
        columns = [household.region]
    elif household.area == "rural":
        columns = [c for c in table.items[0].answers[next(iter(table.items[0].answers))].points if c != "urban"]
    else:
        columns = list(table.items[0].answers[next(iter(table.items[0].answers))].points)
    lo = hi = table.base_points
    for item in table.items:
        answer = s.b1_answers.get(item.key)
        options = [item.answers[str(answer)]] if answer is not None and str(answer) in item.answers \
            else list(item.answers.values())
        pts = [a.points[c] for a in options for c in columns]
        lo += min(pts)
        hi += max(pts)
    return lo, hi


def _income_decision(household: Household, standard: Standard, area: str, bounds: tuple[int, int] | None,
                     warnings: list[str], lang: str) -> tuple[bool | None, str | None]:
    """(at or below the line?, category above the line: middle / not_poor)."""
    s = household.survey
    line = standard.line(area)
    income = s.income_per_capita
    cutoff = standard.score_cutoff(area)
    below: bool | None = None
    if bounds is not None and cutoff is not None:
        lo, hi = bounds
        if hi <= cutoff:
            below = True
        elif lo > cutoff:
            below = False
        if below is not None and income is not None and below != (income <= line):
            warnings.append(R.score_income_conflict(bounds[0] if lo == hi else None, cutoff, income, line,
                                                    below, lang))
    elif bounds is not None and cutoff is None:
        warnings.append(R.no_cutoff(standard.id, lang))
    if below is None and (bounds is None or cutoff is None) and income is not None:
        below = income <= line
    if below is not False:
        return below, None
    middle_max = standard.middle_max(area)
    if income is None:
        return False, "not_poor"
    if middle_max is None:
        if income > line:
            warnings.append(R.no_middle_band(standard.id, lang))
        return False, "not_poor"
    return False, ("middle" if line < income <= middle_max else "not_poor")


QUICK_SCREEN_KEY = "quick_screen"


def quick_screen_signs(household: Household, standard: Standard) -> list[str]:
    """Keys of the standard's quick-screen (Phiếu A) criteria answered yes.

    The answers travel in ``survey.quick_screen`` (an extra key of the record:
    ``{criterion key: true/false}``); any one sign stops the review there."""
    survey = household.survey
    answers = survey.extra.get(QUICK_SCREEN_KEY) if survey is not None else None
    if not isinstance(answers, dict) or not answers:
        return []
    return [c.key for c in standard.quick_screen if answers.get(c.key) is True]


def _quick_screen_result(household: Household, standard: Standard, signs: list[str],
                         lang: str) -> ClassificationResult:
    texts = [c.text.get(lang) for c in standard.quick_screen if c.key in signs]
    return ClassificationResult(
        household_id=household.household_id, standard=standard.id, standard_version=standard.version,
        category="not_poor", score_a=None, score_b=0, income_per_capita=household.survey.income_per_capita,
        indicators={k: "unknown" for k in INDICATOR_KEYS}, reasons={}, missing=[], missing_text=[],
        warnings=[R.quick_screen_stop(lang), R.quick_screen_signs(texts, lang)], at_or_below_line=False,
    )


def classify(household: Household, standard: Standard, lang: str | None = None, *,
             explain_unknowns: bool = True) -> ClassificationResult:
    """Classify ``household`` (with its survey) under ``standard``.

    ``explain_unknowns=False`` leaves out the sentences about unknown answers
    (``unknown_reasons``, ``missing_text``; ``missing`` itself is kept): bulk
    reclassification stores neither, and views classify again for display.

    A household with a quick-screen sign (Phiếu A) stops there: not poor,
    indicators not surveyed, with a warning naming the signs."""
    lang = lang or get_language()
    warnings: list[str] = []
    survey = household.survey
    if survey is not None and survey.extra:
        signs = quick_screen_signs(household, standard)
        if signs:
            return _quick_screen_result(household, standard, signs, lang)
    if survey is None:
        return ClassificationResult(
            household.household_id, standard.id, standard.version, "incomplete", None, 0, None,
            {k: "unknown" for k in INDICATOR_KEYS}, {}, ["survey"], [R.missing_text("survey", household, lang)],
            [R.no_survey(lang)],
        )
    prepared = prepare(household, standard)
    outcomes: dict[str, Outcome] = {}
    indicators: dict[str, str] = {}
    deprived = unknown = 0
    for ind in standard.indicators:
        o = RULES[ind.rule](prepared, ind.params)
        outcomes[ind.key] = o
        if o.state is True:
            deprived += 1
            indicators[ind.key] = "yes"
        elif o.state is None:
            unknown += 1
            indicators[ind.key] = "unknown"
        else:
            indicators[ind.key] = "no"

    # income: with an unknown area, decide under both lines and keep what agrees
    bounds = _score_bounds(household, standard)
    if household.area:
        below, above_cat = _income_decision(household, standard, household.area, bounds, warnings, lang)
    else:
        decisions = [_income_decision(household, standard, a, bounds, warnings, lang) for a in ("rural", "urban")]
        belows = {d[0] for d in decisions}
        below = belows.pop() if len(belows) == 1 else None
        # above the line, a band that depends on the unknown area is "not determined"
        cats = {d[1] for d in decisions}
        above_cat = cats.pop() if len(cats) == 1 else "not_poor"
    missing: list[str] = []
    poor_min = standard.poor_min_deprivations
    if below is True:
        if deprived >= poor_min:
            category = "poor"
        elif deprived + unknown < poor_min:
            category = "near_poor"
        else:
            category = "incomplete"
    elif below is False:
        category = above_cat or "not_poor"
    else:
        category = "incomplete"
        if household.area is None:
            missing.append("area")
        if standard.score_cutoff(household.area or "rural") is not None and survey.score_a is None:
            missing.append("survey.b1_answers" if standard.score_table else "survey.score_a")
        if survey.income_per_capita is None:
            missing.append("survey.income_per_capita")
    if category == "incomplete" and unknown:
        for o in outcomes.values():
            if o.state is None:
                missing.extend(o.missing)
    if len(missing) > 1:
        missing = list(dict.fromkeys(missing))

    score_a = bounds[0] if bounds and bounds[0] == bounds[1] else None
    reasons = {k: R.reason(k, o, household, lang) for k, o in outcomes.items() if o.state is True} \
        if deprived else {}
    unknown_reasons = {k: R.unknown_reason(o, household, lang) for k, o in outcomes.items() if o.state is None} \
        if unknown and explain_unknowns else {}
    return ClassificationResult(
        household_id=household.household_id,
        standard=standard.id,
        standard_version=standard.version,
        category=category,
        score_a=score_a,
        score_b=10 * deprived,
        income_per_capita=survey.income_per_capita,
        indicators=indicators,
        reasons=reasons,
        missing=missing,
        missing_text=[R.missing_text(path, household, lang) for path in missing] if explain_unknowns else [],
        warnings=list(dict.fromkeys(warnings)) if warnings else warnings,
        unknown_reasons=unknown_reasons,
        at_or_below_line=below,
    )
