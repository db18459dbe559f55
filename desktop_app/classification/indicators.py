"""The 12 deprivation indicators in three-valued logic.

Every evaluator takes the prepared household (:class:`Prepared`) and the
indicator's parameters from the standard, and returns an :class:`Outcome`:
``state`` True (deprived: the known answers prove it), False (not deprived:
the known answers rule it out) or None (unknown), the facts that caused a
deprivation (for the reason sentence) and the answers that are missing when
the state is unknown. Nothing here guesses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import datetime as _dt

from desktop_app.domain.record import Household, Member

_date_fromisoformat = _dt.date.fromisoformat
from desktop_app.standards.model import Standard


def t_and(*values: bool | None) -> bool | None:
    """Kleene AND."""
    result: bool | None = True
    for v in values:
        if v is False:
            return False
        if v is None:
            result = None
    return result


def t_or(*values: bool | None) -> bool | None:
    """Kleene OR."""
    result: bool | None = False
    for v in values:
        if v is True:
            return True
        if v is None:
            result = None
    return result


def t_not(v: bool | None) -> bool | None:
    return None if v is None else not v


@dataclass(slots=True)
class PMember:
    """A member with the facts every indicator needs, computed once."""

    index: int
    member: Member
    age_years: int | None
    age_months: int | None
    working_age: bool | None
    past_working_age: bool | None


@dataclass(slots=True)
class Prepared:
    household: Household
    members: list[PMember]
    standard: Standard


@dataclass(slots=True)
class Fact:
    """One cause of a deprivation: who (member index or None) and what."""

    member: int | None
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Outcome:
    state: bool | None
    facts: list[Fact] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def prepare(household: Household, standard: Standard) -> Prepared:
    survey = household.survey
    sdate = survey.survey_date() if survey is not None else None
    min_months = standard.working_age_min_years * 12
    if sdate is not None:
        ret = standard.retirement
        ret_m = ret["male"].age_months(sdate.year)
        ret_f = ret["female"].age_months(sdate.year)
        s_y, s_m, s_d = sdate.year, sdate.month, sdate.day
    out: list[PMember] = []
    append = out.append
    for i, m in enumerate(household.members):
        bd = m.birth_date
        if bd is None or sdate is None:
            append(PMember(i, m, None, None, None, None))
            continue
        if len(bd) == 4:
            months = (s_y - int(bd)) * 12 + (s_m - 1)
        else:
            b = _date_fromisoformat(bd)
            months = (s_y - b.year) * 12 + (s_m - b.month) - (1 if s_d < b.day else 0)
        sex = m.sex
        if sex == "male":
            past: bool | None = months >= ret_m
        elif sex == "female":
            past = months >= ret_f
        else:
            pm_, pf_ = months >= ret_m, months >= ret_f
            past = pm_ if pm_ == pf_ else None
        if months < min_months:
            working: bool | None = False
        else:
            working = None if past is None else not past
        append(PMember(i, m, months // 12, months, working, past))
    return Prepared(household, out, standard)


def _age_in(pm: PMember, lo: int, hi: int) -> bool | None:
    """Whether completed age lies in [lo, hi]."""
    a = pm.age_years
    return None if a is None else lo <= a <= hi


def _age_missing(pm: PMember, out: list[str]) -> None:
    if pm.age_years is None:
        out.append(f"members[{pm.index}].birth_date")


def _working_missing(pm: PMember, out: list[str]) -> None:
    if pm.age_years is None:
        out.append(f"members[{pm.index}].birth_date")
    elif pm.working_age is None and pm.member.sex is None:
        out.append(f"members[{pm.index}].sex")


def _any_member(p: Prepared, judge: Callable[[PMember, list[Fact], list[str]], bool | None]) -> Outcome:
    """Deprived when some member is proven deprived; not deprived when every
    member is proven not; unknown otherwise."""
    facts: list[Fact] = []
    missing: list[str] = []
    state: bool | None = False
    for pm in p.members:
        member_missing: list[str] = []
        v = judge(pm, facts, member_missing)
        if v is None:
            if state is False:
                state = None
            missing.extend(member_missing)
        elif v is True:
            state = True
    return Outcome(state, facts if state else [], missing if state is None else [])


def employment(p: Prepared, params: dict) -> Outcome:
    deprived = set(params["deprived_employment"])

    def judge(pm: PMember, facts: list[Fact], missing: list[str]) -> bool | None:
        emp = pm.member.employment
        if emp is not None and emp not in deprived:
            return False
        if pm.working_age is False:
            return False
        if emp is None:
            missing.append(f"members[{pm.index}].employment")
            _working_missing(pm, missing)
            return None
        if pm.working_age is None:
            _working_missing(pm, missing)
            return None
        facts.append(Fact(pm.index, f"employment.{emp}", {"age": pm.age_years}))
        return True

    return _any_member(p, judge)


def nutrition(p: Prepared, params: dict) -> Outcome:
    under = params["child_under_years"]
    bad = set(params["deprived_values"])

    def judge(pm: PMember, facts: list[Fact], missing: list[str]) -> bool | None:
        child = _age_in(pm, 0, under - 1)
        nut = pm.member.nutrition
        if child is False or (nut is not None and nut not in bad):
            return False
        if nut is None:
            missing.append(f"members[{pm.index}].nutrition")
            _age_missing(pm, missing)
            return None
        if child is None:
            _age_missing(pm, missing)
            return None
        facts.append(Fact(pm.index, f"nutrition.{nut}", {"age": pm.age_years}))
        return True

    return _any_member(p, judge)


def health_insurance(p: Prepared, params: dict) -> Outcome:
    min_age = params["min_age_years"]

    def judge(pm: PMember, facts: list[Fact], missing: list[str]) -> bool | None:
        hi = pm.member.health_insurance
        old = _age_in(pm, min_age, 999)
        if hi is True or old is False:
            return False
        if hi is None:
            missing.append(f"members[{pm.index}].health_insurance")
            _age_missing(pm, missing)
            return None
        if old is None:
            _age_missing(pm, missing)
            return None
        facts.append(Fact(pm.index, "health_insurance.none", {"age": pm.age_years}))
        return True

    return _any_member(p, judge)


def adult_education(p: Prepared, params: dict) -> Outcome:
    lo, hi = params["min_age_years"], params["max_age_years"]
    young_max = params["young_max_age_years"]
    young_ok = set(params["young_qualified"])
    adult_ok = set(params["adult_qualified"])
    training_counts = params.get("on_job_training_counts", True)

    def qualified(pm: PMember) -> bool | None:
        m = pm.member
        if training_counts and m.vocational_certificate is True:
            return True
        edu = m.education
        if edu is None:
            by_edu: bool | None = None
        elif pm.age_years is None:
            in_young, in_adult = edu in young_ok, edu in adult_ok
            by_edu = in_young if in_young == in_adult else None
        else:
            by_edu = edu in (young_ok if pm.age_years <= young_max else adult_ok)
        # The on-job training exception counts only when a certificate was
        # recorded (it is proven by the employer's paper, not presumed): an
        # unanswered certificate question does not hold the indicator open.
        return by_edu

    def judge(pm: PMember, facts: list[Fact], missing: list[str]) -> bool | None:
        m = pm.member
        in_range = _age_in(pm, lo, hi)
        not_studying = t_not(m.studying)
        lacks = t_not(qualified(pm))
        v = t_and(in_range, not_studying, lacks)
        if v is None:
            if in_range is None:
                _age_missing(pm, missing)
            if not_studying is None:
                missing.append(f"members[{pm.index}].studying")
            if lacks is None:
                if m.education is None:
                    missing.append(f"members[{pm.index}].education")
        elif v:
            facts.append(Fact(pm.index, "adult_education", {"age": pm.age_years, "education": m.education}))
        return v

    return _any_member(p, judge)


def child_schooling(p: Prepared, params: dict) -> Outcome:
    lo, hi = params["min_age_years"], params["max_age_years"]

    def judge(pm: PMember, facts: list[Fact], missing: list[str]) -> bool | None:
        in_range = _age_in(pm, lo, hi)
        school = pm.member.in_school
        if school is True or in_range is False:
            return False
        if school is None:
            missing.append(f"members[{pm.index}].in_school")
            _age_missing(pm, missing)
            return None
        if in_range is None:
            _age_missing(pm, missing)
            return None
        facts.append(Fact(pm.index, "child_schooling", {"age": pm.age_years}))
        return True

    return _any_member(p, judge)


def dependents(p: Prepared, params: dict) -> Outcome:
    max_share = params["max_share"]
    under = params["child_under_years"]
    student_counts = params.get("student_counts", True)
    n = len(p.members)
    proven: list[tuple[int, str]] = []
    unknown = 0
    missing: list[str] = []
    for pm in p.members:
        m = pm.member
        child = _age_in(pm, 0, under - 1)
        past = pm.past_working_age
        unable = t_not(m.able_to_work)
        if student_counts:
            if m.studying is False or (m.employment is not None and m.employment != "not_in_labour_force"):
                student: bool | None = False
            elif m.studying is True and m.employment == "not_in_labour_force":
                student = True
            else:
                student = None
        else:
            student = False
        for flag, why in ((child, "child"), (past, "past_working_age"), (unable, "unable"), (student, "student")):
            if flag is True:
                proven.append((pm.index, why))
                break
        else:
            if t_or(child, past, unable, student) is None:
                unknown += 1
                if child is None or past is None:
                    _working_missing(pm, missing)
                if unable is None:
                    missing.append(f"members[{pm.index}].able_to_work")
                if student is None:
                    if m.studying is None:
                        missing.append(f"members[{pm.index}].studying")
                    if m.employment is None:
                        missing.append(f"members[{pm.index}].employment")
    d = len(proven)
    if d > max_share * n:
        facts = [Fact(None, "dependents.share", {"dependants": d, "members": n})]
        facts += [Fact(i, f"dependents.{why}", {}) for i, why in proven]
        return Outcome(True, facts)
    if d + unknown <= max_share * n:
        return Outcome(False)
    return Outcome(None, [], missing)


def housing_quality(p: Prepared, params: dict) -> Outcome:
    s = p.household.survey
    threshold = params["min_non_durable"]
    if s.house_none is True:
        return Outcome(True, [Fact(None, "housing.none")])
    parts = (("walls", s.walls_durable), ("columns", s.columns_durable), ("roof", s.roof_durable))
    bad = [name for name, v in parts if v is False]
    unknown = [name for name, v in parts if v is None]
    if len(bad) >= threshold:
        return Outcome(True, [Fact(None, "housing.non_durable", {"parts": bad})])
    if s.house_none is False and len(bad) + len(unknown) < threshold:
        return Outcome(False)
    missing = [f"survey.{name}_durable" for name in unknown] if len(bad) + len(unknown) >= threshold else []
    if s.house_none is None:
        missing.insert(0, "survey.house_none")
    return Outcome(None, [], missing)


def housing_area(p: Prepared, params: dict) -> Outcome:
    s = p.household.survey
    minimum = params["min_m2_per_person"]
    if s.house_none is True:
        return Outcome(True, [Fact(None, "housing.none")])
    if s.floor_area_m2 is None:
        return Outcome(None, [], ["survey.floor_area_m2"])
    n = len(p.members)
    per = s.floor_area_m2 / n
    if per < minimum:
        return Outcome(True, [Fact(None, "housing.area", {"area": s.floor_area_m2, "members": n, "per": per,
                                                           "min": minimum})])
    if s.house_none is None:  # "no house" would still make it deprived
        return Outcome(None, [], ["survey.house_none"])
    return Outcome(False)


def _choice_indicator(field_name: str, code: str) -> Callable[[Prepared, dict], Outcome]:
    def evaluate(p: Prepared, params: dict) -> Outcome:
        value = getattr(p.household.survey, field_name)
        if value is None:
            return Outcome(None, [], [f"survey.{field_name}"])
        if value in params["hygienic"]:
            return Outcome(False)
        return Outcome(True, [Fact(None, code, {"value": value})])

    return evaluate


def telecom(p: Prepared, params: dict) -> Outcome:
    use = p.household.survey.internet_use
    if use is None:
        return Outcome(None, [], ["survey.internet_use"])
    return Outcome(True, [Fact(None, "telecom.none")]) if use is False else Outcome(False)


def info_access(p: Prepared, params: dict) -> Outcome:
    s = p.household.survey
    devices = set(params["devices"])
    has_device = None if s.info_devices is None else bool(devices.intersection(s.info_devices))
    hears = s.hears_loudspeaker if params.get("loudspeaker_counts", True) else False
    v = t_and(t_not(has_device), t_not(hears))
    if v is None:
        missing = []
        if has_device is None:
            missing.append("survey.info_devices")
        if hears is None:
            missing.append("survey.hears_loudspeaker")
        return Outcome(None, [], missing)
    return Outcome(True, [Fact(None, "info.none")]) if v else Outcome(False)


RULES: dict[str, Callable[[Prepared, dict], Outcome]] = {
    "employment": employment,
    "dependents": dependents,
    "nutrition": nutrition,
    "health_insurance": health_insurance,
    "adult_education": adult_education,
    "child_schooling": child_schooling,
    "housing_quality": housing_quality,
    "housing_area": housing_area,
    "water": _choice_indicator("water_source", "water"),
    "latrine": _choice_indicator("latrine", "latrine"),
    "telecom": telecom,
    "info_access": info_access,
}
