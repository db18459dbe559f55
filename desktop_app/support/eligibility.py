"""Eligibility hints: the supports a household appears eligible for.

Rules are data (``resources/support/eligibility.toml``): a programme, the
household statuses it is for (poor, near-poor, newly out of poverty within 36
months, middle-living-standard farm household), optionally a condition on the
members (uninsured, pupil, child, working age, jobless, elderly alone, severe
disability) and/or deprivations, and a reason sentence in Vietnamese and
English. :func:`hints_for` is pure: it takes :class:`HouseholdFacts` and what
the household already received this year, and returns the hints.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import i18n
from desktop_app.errors import StandardFileError
from desktop_app.support.catalogue import read_toml, support_dir
from desktop_app.support.facts import STATUSES, HouseholdFacts, MemberFacts
from desktop_app.support.texts import indicator_label, join_names, status_label

MEMBER_CONDITIONS = ("uninsured", "pupil", "child", "working_age", "jobless", "elderly_alone",
                     "severe_disability")
PLACEHOLDERS = {"members", "status", "indicators"}


@dataclass(frozen=True, slots=True)
class Ages:
    """Age limits of the rules (completed years)."""

    child_below: int = 16
    working_from: int = 15
    working_below: int = 60
    elderly_from: int = 60


@dataclass(frozen=True, slots=True)
class Rule:
    programme: str
    statuses: tuple[str, ...]
    member: str | None
    any_deprived: tuple[str, ...]
    vi: str
    en: str


@dataclass(frozen=True)
class Rules:
    ages: Ages
    rules: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class Hint:
    """One support the household appears eligible for, with its reason."""

    programme: str
    member_ids: tuple[str, ...]
    member_names: tuple[str, ...]
    status: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"programme": self.programme, "member_ids": list(self.member_ids),
                "member_names": list(self.member_names), "status": self.status, "reason": self.reason}


#: ``{programme: {member id, or None for the whole household}}`` received
Received = Mapping[str, set[str | None]]


def parse_rules(data: dict[str, Any], source: str = "eligibility.toml") -> Rules:
    """Check and build the rules (errors name the key)."""
    if data.get("format") != "support-eligibility/1":
        raise StandardFileError(source, "format", "expected 'support-eligibility/1'")
    raw_ages = data.get("ages", {})
    try:
        ages = Ages(**{k: int(v) for k, v in raw_ages.items()})
    except (TypeError, ValueError) as exc:
        raise StandardFileError(source, "ages", str(exc)) from exc
    rules = []
    for i, entry in enumerate(data.get("rule", [])):
        where = f"rule[{i}]"
        programme = entry.get("programme")
        if not isinstance(programme, str) or not programme:
            raise StandardFileError(source, f"{where}.programme", "missing")
        statuses = tuple(entry.get("statuses", ()))
        bad = [s for s in statuses if s not in STATUSES]
        if not statuses or bad:
            raise StandardFileError(source, f"{where}.statuses", f"use some of {', '.join(STATUSES)}")
        member = entry.get("member")
        if member is not None and member not in MEMBER_CONDITIONS:
            raise StandardFileError(source, f"{where}.member", f"use one of {', '.join(MEMBER_CONDITIONS)}")
        vi, en = entry.get("vi"), entry.get("en")
        if not vi or not en:
            raise StandardFileError(source, where, "the reason needs 'vi' and 'en'")
        if i18n.placeholders(vi) != i18n.placeholders(en) or not i18n.placeholders(vi) <= PLACEHOLDERS:
            raise StandardFileError(source, where, "'vi' and 'en' must use the same placeholders "
                                                   f"among {', '.join(sorted(PLACEHOLDERS))}")
        rules.append(Rule(programme, statuses, member, tuple(entry.get("any_deprived", ())), vi, en))
    return Rules(ages, tuple(rules))


@functools.lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> Rules:
    """The shipped rules (cached)."""
    path = path or support_dir() / "eligibility.toml"
    return parse_rules(read_toml(path), path.name)


def _working(m: MemberFacts, ages: Ages) -> bool:
    return (m.age is not None and ages.working_from <= m.age < ages.working_below
            and m.able_to_work is not False and not m.in_school)


def member_condition(name: str, ages: Ages) -> Callable[[MemberFacts, HouseholdFacts], bool]:
    """The predicate of a member condition (see :data:`MEMBER_CONDITIONS`)."""
    def elderly_alone(m: MemberFacts, h: HouseholdFacts) -> bool:
        return (m.age is not None and m.age >= ages.elderly_from
                and not any(_working(o, ages) for o in h.members))

    table: dict[str, Callable[[MemberFacts, HouseholdFacts], bool]] = {
        "uninsured": lambda m, h: m.health_insurance is not True,
        "pupil": lambda m, h: m.pupil,
        "child": lambda m, h: m.age is not None and m.age < ages.child_below,
        "working_age": lambda m, h: _working(m, ages),
        "jobless": lambda m, h: _working(m, ages) and m.employment in ("unemployed", "wage_without_contract"),
        "elderly_alone": elderly_alone,
        "severe_disability": lambda m, h: m.disability in ("severe", "especially_severe"),
    }
    return table[name]


def _status(h: HouseholdFacts, wanted: tuple[str, ...]) -> str | None:
    have = h.statuses()
    return next((s for s in STATUSES if s in have and s in wanted), None)


def hints_for(h: HouseholdFacts, received: Received | None = None, *, rules: Rules | None = None,
              lang: str | None = None) -> list[Hint]:
    """The hints of household ``h``, leaving out what it (or the members
    concerned) already received this year (``received``)."""
    rules = rules or load_rules()
    received = received or {}
    out: list[Hint] = []
    seen: dict[str, set[str]] = {}
    for rule in rules.rules:
        status = _status(h, rule.statuses)
        if status is None:
            continue
        got = received.get(rule.programme, set())
        deprived = [k for k in rule.any_deprived if h.deprived(k)]
        if rule.any_deprived and not deprived:
            continue
        members: list[MemberFacts] = []
        if rule.member is not None:
            if None in got:
                continue
            pred = member_condition(rule.member, rules.ages)
            already = seen.setdefault(rule.programme, set())
            members = [m for m in h.members if pred(m, h) and m.id not in got and m.id not in already]
            if not members:
                continue
            already.update(m.id for m in members)
        elif got or rule.programme in seen:
            continue
        else:
            seen[rule.programme] = set()
        template = rule.en if (lang or i18n.get_language()) == "en" else rule.vi
        names = [m.name for m in members]
        reason = template.format(members=join_names(names, lang), status=status_label(status, lang),
                                 indicators=", ".join(indicator_label(k, lang) for k in deprived))
        if reason[:1].islower():
            reason = reason[:1].upper() + reason[1:]
        out.append(Hint(rule.programme, tuple(m.id for m in members), tuple(names), status, reason))
    return out

