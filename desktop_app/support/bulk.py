"""Bulk support rules: who a rule reaches (pure).

A rule names a programme, the household statuses it is for and, for supports
given to people, the members concerned (e.g. health-insurance cards for every
uninsured member of poor and near-poor households). Whoever already received
the programme in the rule's year is left out, so applying a rule twice
records nothing the second time.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.i18n import t
from desktop_app.support.eligibility import Ages, member_condition
from desktop_app.support.facts import HouseholdFacts


@dataclass(frozen=True, slots=True)
class RuleDef:
    """What a bulk rule does."""

    code: str
    programme: str
    statuses: tuple[str, ...]
    member: str | None = None  # member condition (see eligibility.MEMBER_CONDITIONS)

    def label(self, lang: str | None = None) -> str:
        return t(f"support.rule.{self.code}", lang)


RULES: tuple[RuleDef, ...] = (
    RuleDef("health_insurance_uninsured", "health_insurance", ("poor", "near_poor"), "uninsured"),
    RuleDef("tet_gift_poor", "holiday_gift", ("poor",)),
    RuleDef("tet_gift_poor_near_poor", "holiday_gift", ("poor", "near_poor")),
    RuleDef("electricity_poor", "electricity", ("poor",)),
)
RULE_CODES = tuple(r.code for r in RULES)


@dataclass(frozen=True, slots=True)
class BulkRule:
    """A bulk action as the officer set it up: which rule, for which village
    (all when ``None``), on which date, and what each target receives."""

    code: str
    date: _dt.date
    village_id: str | None = None
    amount_vnd: int | None = None
    quantity: float | None = None
    unit: str | None = None
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class BulkTarget:
    """One household (``member_id`` None) or person a rule reaches."""

    household_id: str
    member_id: str | None
    household_code: str
    village: str | None
    name: str | None
    status: str

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.household_id, self.member_id)

    def to_dict(self) -> dict[str, Any]:
        return {"household_id": self.household_id, "member_id": self.member_id,
                "household_code": self.household_code, "village": self.village, "name": self.name,
                "status": self.status}


def rule_def(code: str) -> RuleDef | None:
    return next((r for r in RULES if r.code == code), None)


def select_targets(rule: RuleDef, facts: list[HouseholdFacts],
                   received: Mapping[str, Mapping[str, set[str | None]]],
                   ages: Ages | None = None) -> list[BulkTarget]:
    """Targets of ``rule`` among ``facts``; ``received`` is
    ``{household_id: {programme: {member ids, None = whole household}}}``
    of the rule's year."""
    ages = ages or Ages()
    pred = member_condition(rule.member, ages) if rule.member else None
    out: list[BulkTarget] = []
    for h in facts:
        status = next((s for s in rule.statuses if s in h.statuses()), None)
        if status is None:
            continue
        got = received.get(h.id, {}).get(rule.programme, set())
        if pred is None:
            if not got:
                out.append(BulkTarget(h.id, None, h.code, h.village, h.head_name, status))
            continue
        if None in got:
            continue
        out.extend(BulkTarget(h.id, m.id, h.code, h.village, m.name, status)
                   for m in h.members if pred(m, h) and m.id not in got)
    return out
