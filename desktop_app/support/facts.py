"""What the support features know about households, read in bulk.

:func:`load_facts` returns, for every live household (optionally of one
village, or a given list), its category, whether it is *newly out of
poverty* (spec §7: left the poor or near-poor list within 36 months), its
members with their ages at a reference date, and the deprivation indicators
of its classification.

The category is the *official* one in force on the reference date (the
latest decision of the commune at or before it, from the review procedure)
and else the *proposed* classification of the household's most recent round
(``classification.category``). *Newly out of poverty* comes from the
official history too (:func:`desktop_app.review.rules.newly_out`); without the
review package it falls back to the proposed classifications of the rounds.
Everything about the review procedure goes through :func:`_official` here,
so switching sources is one place.
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import ModuleType

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.record import birth_as_date, completed_years
from desktop_app.storage.database import Database
from desktop_app.storage.models import ClassificationRow, HouseholdRow, MemberRow, RoundRow, VillageRow
from desktop_app.storage.records import live

POOR_LISTS = ("poor", "near_poor")
ABOVE = ("middle", "not_poor")
NEWLY_OUT_MONTHS = 36
#: statuses a household may have for support purposes
STATUSES = ("poor", "near_poor", "newly_out_of_poverty", "middle_farm")


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """A member as the support rules see them."""

    id: str
    name: str
    age: int | None
    sex: str | None
    health_insurance: bool | None
    in_school: bool | None
    studying: bool | None
    employment: str | None
    disability: str | None
    able_to_work: bool | None
    social_protection: bool | None

    @property
    def pupil(self) -> bool:
        """At school or studying (a pupil or student)."""
        return bool(self.in_school) or bool(self.studying)


@dataclass(frozen=True, slots=True)
class HouseholdFacts:
    """A household as the support rules see it."""

    id: str
    code: str
    village_id: str | None
    village: str | None
    agricultural: bool | None
    category: str | None
    newly_out: bool
    members: tuple[MemberFacts, ...]
    indicators: dict[str, str] = field(default_factory=dict)

    @property
    def head_name(self) -> str | None:
        return self.members[0].name if self.members else None

    def statuses(self) -> set[str]:
        """The household's support statuses (see :data:`STATUSES`)."""
        out: set[str] = set()
        if self.category in POOR_LISTS:
            out.add(self.category)
        if self.newly_out and self.category not in POOR_LISTS:
            out.add("newly_out_of_poverty")
        if self.category == "middle" and self.agricultural:
            out.add("middle_farm")
        return out

    def deprived(self, key: str) -> bool:
        return self.indicators.get(key) == "yes"


def _review() -> ModuleType | None:
    """The review service when installed (it may land after this module)."""
    try:
        return importlib.import_module("desktop_app.services.review")
    except ImportError:
        return None


def official_category(db: Database, household_id: str) -> str | None:
    """The decided category of the household, or ``None`` when the review
    service is not installed or nothing was decided."""
    review = _review()
    fn = getattr(review, "official_category", None) if review else None
    return fn(db, household_id) if fn else None


def _official(s: Session, ids: set[str] | None, on: _dt.date) -> tuple[dict[str, str], set[str]] | None:
    """``({household_id: official category in force on on}, {newly out of
    poverty})`` read in bulk from the review procedure, or ``None`` when the
    review package is not installed."""
    try:
        from desktop_app.review.facts import official_history
        from desktop_app.review.rules import newly_out
    except ImportError:
        return None
    categories: dict[str, str] = {}
    newly: set[str] = set()
    for hid, history in official_history(s, None if ids is None else list(ids)).items():
        pairs = [(day, category) for day, category, _round in history if day <= on]
        if pairs:
            categories[hid] = pairs[-1][1]
        if newly_out(pairs, on):
            newly.add(hid)
    return categories, newly


def _proposed(s: Session, chosen) -> dict[str, tuple[str, dict[str, str], list[str]]]:
    """``{household_id: (latest category, its indicators, older categories)}``
    from the proposed classifications, newest round first."""
    stmt = (select(ClassificationRow.household_id, ClassificationRow.category, ClassificationRow.indicators)
            .join(RoundRow, RoundRow.id == ClassificationRow.round_id)
            .where(live(ClassificationRow), live(RoundRow), ClassificationRow.household_id.in_(chosen))
            .order_by(RoundRow.start_date.desc().nulls_last(), RoundRow.created_at.desc()))
    out: dict[str, tuple[str, dict[str, str], list[str]]] = {}
    for hid, category, indicators in s.execute(stmt):
        if hid in out:
            out[hid][2].append(category)
        else:
            out[hid] = (category, dict(indicators or {}), [])
    return out


def _months_between(a: _dt.date, b: _dt.date) -> int:
    return (b.year - a.year) * 12 + (b.month - a.month)


def _newly_out_fallback(s: Session, ids: set[str], on: _dt.date) -> set[str]:
    """Households whose latest proposed category is above the lists, that were
    on a list in an earlier round, the latest round being within 36 months."""
    stmt = (select(ClassificationRow.household_id, ClassificationRow.category, RoundRow.start_date,
                   RoundRow.end_date)
            .join(RoundRow, RoundRow.id == ClassificationRow.round_id)
            .where(live(ClassificationRow), live(RoundRow))
            .order_by(RoundRow.start_date.desc().nulls_last(), RoundRow.created_at.desc()))
    history: dict[str, list[tuple[str, _dt.date | None]]] = {}
    for hid, category, start, end in s.execute(stmt):
        if hid in ids:
            history.setdefault(hid, []).append((category, end or start))
    out = set()
    for hid, rows in history.items():
        (latest, when), older = rows[0], rows[1:]
        if latest in ABOVE and any(c in POOR_LISTS for c, _ in older):
            if when is None or 0 <= _months_between(when, on) <= NEWLY_OUT_MONTHS:
                out.add(hid)
    return out


def load_facts(db: Database, *, on: _dt.date | None = None, village_id: str | None = None,
               household_ids: Iterable[str] | None = None) -> list[HouseholdFacts]:
    """Facts of live households (all, of one village, or the given ids), in
    village and code order. Ages are completed years on ``on`` (default today)."""
    on = on or _dt.date.today()
    wanted = list(dict.fromkeys(household_ids)) if household_ids is not None else None
    chosen = select(HouseholdRow.id).where(live(HouseholdRow))
    if village_id is not None:
        chosen = chosen.where(HouseholdRow.village_id == village_id)
    if wanted is not None:
        chosen = chosen.where(HouseholdRow.id.in_(wanted))
    with db.session() as s:
        stmt = (select(HouseholdRow.id, HouseholdRow.code, HouseholdRow.village_id, VillageRow.name,
                       HouseholdRow.agricultural)
                .outerjoin(VillageRow, VillageRow.id == HouseholdRow.village_id)
                .where(HouseholdRow.id.in_(chosen))
                .order_by(VillageRow.position, HouseholdRow.code))
        rows = s.execute(stmt).all()
        ids = {r[0] for r in rows}
        members: dict[str, list[MemberFacts]] = {}
        mstmt = (select(MemberRow.household_id, MemberRow.id, MemberRow.full_name, MemberRow.birth_date,
                        MemberRow.sex, MemberRow.health_insurance, MemberRow.in_school, MemberRow.studying,
                        MemberRow.employment, MemberRow.disability, MemberRow.able_to_work,
                        MemberRow.social_protection)
                 .where(live(MemberRow), MemberRow.household_id.in_(chosen))
                 .order_by(MemberRow.household_id, MemberRow.position))
        for hid, mid, name, birth_text, *rest in s.execute(mstmt):
            birth = _safe_birth(birth_text)
            age = completed_years(birth, on) if birth is not None and birth <= on else None
            members.setdefault(hid, []).append(MemberFacts(mid, name, age, *rest))
        proposed = _proposed(s, chosen)
        official = _official(s, ids if wanted is not None or village_id is not None else None, on)
        if official is None:
            official = ({}, _newly_out_fallback(s, ids, on))
    categories, newly = official
    out = []
    for hid, code, vid, vname, agricultural in rows:
        category, indicators, _older = proposed.get(hid, (None, {}, []))
        category = categories.get(hid, category)
        out.append(HouseholdFacts(hid, code, vid, vname, agricultural, category, hid in newly,
                                  tuple(members.get(hid, ())), indicators))
    return out


def _safe_birth(value: str | None) -> _dt.date | None:
    try:
        return birth_as_date(value)
    except ValueError:
        return None
