"""Official lists and the status of households between rounds (domain.md §7).

Other features call :func:`official_category`, :func:`transitions` and
:func:`newly_out_of_poverty` (re-exported by :mod:`desktop_app.services.review`).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop_app.i18n import t
from desktop_app.review import rules
from desktop_app.review.facts import decision_row, find_round, load_facts, official_history
from desktop_app.storage.database import Database
from desktop_app.storage.models_review import OfficialClassificationRow, ReviewDecisionRow
from desktop_app.storage.records import live


@dataclass(frozen=True, slots=True)
class Transition:
    """A household whose status changed between its previous official
    category and the one of the round (``events``: codes of :data:`rules.TRANSITIONS`)."""

    household_id: str
    code: str
    village: str | None
    previous: str | None
    current: str
    events: tuple[str, ...]

    def labels(self, lang: str | None = None) -> list[str]:
        return [t(f"review.transition.{e}", lang) for e in self.events]

    def to_dict(self) -> dict[str, Any]:
        return {"household_id": self.household_id, "code": self.code, "village": self.village,
                "previous": self.previous, "current": self.current, "events": list(self.events),
                "labels": self.labels()}


@dataclass(frozen=True, slots=True)
class OfficialEntry:
    """A row of a decided round's official list."""

    household_id: str
    code: str
    village: str | None
    category: str
    score_a: int | None
    score_b: int | None
    source: str
    certificate_number: str | None




def official_list(db: Database, round_id: str | None = None) -> list[OfficialEntry]:
    """The official list of a decided round (empty before the decision)."""
    with db.session() as s:
        rnd = find_round(s, round_id)
        facts = load_facts(s, rnd)
        rows = {o.household_id: o for o in s.scalars(select(OfficialClassificationRow).where(
            OfficialClassificationRow.round_id == rnd.id, live(OfficialClassificationRow)))}
        return [OfficialEntry(h.household_id, h.code, h.village, o.category, o.score_a, o.score_b, o.source,
                              o.certificate_number)
                for h in facts.households if (o := rows.get(h.household_id)) is not None]


def official_category(db: Database, household_id: str, round_id: str | None = None) -> str | None:
    """The official category of a household in a round, or (without a round)
    its latest official category; ``None`` when it has none."""
    with db.session() as s:
        if round_id is not None:
            return s.scalar(select(OfficialClassificationRow.category).where(
                OfficialClassificationRow.round_id == round_id,
                OfficialClassificationRow.household_id == household_id, live(OfficialClassificationRow)))
        history = official_history(s, [household_id]).get(household_id)
        return history[-1][1] if history else None


def _earlier(s, round_id: str, day: _dt.date) -> bool:
    return s.scalar(select(ReviewDecisionRow.id).where(
        ReviewDecisionRow.round_id != round_id, ReviewDecisionRow.date < day, live(ReviewDecisionRow)).limit(1)) \
        is not None


def has_earlier_decision(db: Database, round_id: str | None = None) -> bool:
    """Whether a round was decided before this one's decision (else there is
    nothing to compare with and :func:`transitions` is empty)."""
    with db.session() as s:
        rnd = find_round(s, round_id)
        decision = decision_row(s, rnd.id)
        return decision is not None and _earlier(s, rnd.id, decision.date)


def transitions(db: Database, round_id: str | None = None) -> list[Transition]:
    """Households of a decided round whose status changed since their previous
    official category. Empty before the decision, and for the first decided
    round of the register (there is nothing to compare with)."""
    with db.session() as s:
        rnd = find_round(s, round_id)
        decision = decision_row(s, rnd.id)
        if decision is None or not _earlier(s, rnd.id, decision.date):
            return []
        facts = load_facts(s, rnd)
        history = official_history(s, [h.household_id for h in facts.households], exclude_round=rnd.id,
                                   before=decision.date)
        out = []
        for h in facts.households:
            current = facts.official.get(h.household_id)
            if current is None:
                continue
            past = [c for _, c, _ in history.get(h.household_id, [])]
            events = rules.transition_events(past, current)
            if events:
                out.append(Transition(h.household_id, h.code, h.village, past[-1] if past else None, current,
                                      events))
        return out


def newly_out_of_poverty(db: Database, household_id: str, on_date: _dt.date | str) -> bool:
    """Whether the household is *hộ mới thoát nghèo* on ``on_date``: it left the
    poor or near-poor list by a decision less than 36 months before that day
    and has not come back on a list since."""
    day = rules.parse_date("on_date", on_date)
    with db.session() as s:
        history = official_history(s, [household_id]).get(household_id, [])
    return rules.newly_out([(d, c) for d, c, _ in history], day)
