"""Read-only queries of the register: household lists, counts, statistics,
communes, villages and rounds (re-exported by :mod:`desktop_app.services.register`).

Lists are built for 100,000-household communes: the filtered page of
household ids is found first, and the head's name and the member count are
computed for that page only.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain.text import fold
from desktop_app.storage.database import Database
from desktop_app.storage.models import (
    CATEGORIES,
    ClassificationRow,
    CommuneRow,
    HouseholdRow,
    MemberRow,
    RoundRow,
    SurveyRow,
    VillageRow,
)
from desktop_app.storage.records import live

#: ``category`` filter value for households without a classification in the round
UNCLASSIFIED = "unclassified"


@dataclass(frozen=True, slots=True)
class HouseholdSummary:
    """One line of the household list."""

    household_id: str
    code: str
    head_name: str | None
    village: str | None
    village_id: str | None
    members: int
    category: str | None
    score_a: int | None
    score_b: int | None
    surveyed: bool


@dataclass(frozen=True, slots=True)
class CommuneInfo:
    id: str
    code: str
    name: str
    province: str | None
    default_area: str | None
    default_region: str | None
    office_label: str | None
    mode: str


@dataclass(frozen=True, slots=True)
class VillageInfo:
    id: str
    commune_id: str
    name: str
    kind: str
    position: int


@dataclass(frozen=True, slots=True)
class RoundInfo:
    id: str
    commune_id: str
    name: str
    kind: str
    standard_id: str
    standard_version: str | None
    start_date: _dt.date | None
    end_date: _dt.date | None
    status: str


def _info(cls, row: Any):
    return cls(**{name: getattr(row, name) for name in cls.__slots__})


def list_communes(db: Database) -> list[CommuneInfo]:
    """Live communes, by code."""
    with db.session() as s:
        rows = s.scalars(select(CommuneRow).where(live(CommuneRow)).order_by(CommuneRow.code))
        return [_info(CommuneInfo, r) for r in rows]


def list_villages(db: Database, commune_id: str | None = None) -> list[VillageInfo]:
    """Live villages (of one commune, or all), in their order."""
    with db.session() as s:
        stmt = select(VillageRow).where(live(VillageRow))
        if commune_id is not None:
            stmt = stmt.where(VillageRow.commune_id == commune_id)
        rows = s.scalars(stmt.order_by(VillageRow.commune_id, VillageRow.position, VillageRow.name))
        return [_info(VillageInfo, r) for r in rows]


def _rounds_stmt(commune_id: str | None) -> Select:
    stmt = select(RoundRow).where(live(RoundRow))
    if commune_id is not None:
        stmt = stmt.where(RoundRow.commune_id == commune_id)
    return stmt.order_by(RoundRow.start_date.desc().nulls_last(), RoundRow.created_at.desc())


def list_rounds(db: Database, commune_id: str | None = None) -> list[RoundInfo]:
    """Live survey rounds, newest first."""
    with db.session() as s:
        return [_info(RoundInfo, r) for r in s.scalars(_rounds_stmt(commune_id))]


def current_round(db: Database, commune_id: str | None = None) -> RoundInfo | None:
    """The newest open round (else the newest round), or ``None``."""
    rounds = list_rounds(db, commune_id)
    return next((r for r in rounds if r.status == "open"), rounds[0] if rounds else None)


def _after(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_condition(search: str | None):
    """SQL condition on households for a search box text, or ``None``.

    Digits: citizen ID number prefix. Other text: accent-insensitive part of
    a member's name ("nguyen thi lan" finds "Nguyễn Thị Lan"). Either way a
    household code starting with the text matches too.
    """
    q = " ".join((search or "").split())
    if not q:
        return None
    members = select(MemberRow.household_id).where(live(MemberRow))
    if q.isdigit():
        members = members.where(MemberRow.id_number >= q, MemberRow.id_number < _after(q))
    else:
        folded = fold(q)
        members = members.where(MemberRow.name_folded.like(f"%{_escape_like(folded)}%", escape="\\"))
    code = q.upper()
    return or_(HouseholdRow.id.in_(members), and_(HouseholdRow.code >= code, HouseholdRow.code < _after(code)))


def _filtered(round_id: str | None, village: str | None, search: str | None, category: str | None,
              commune_id: str | None, *, for_page: bool) -> Select:
    """Ids (and, ``for_page``, the sort columns) of the households matching
    the filters; tables are joined only when a filter or the order needs them."""
    C = ClassificationRow
    if for_page:
        stmt = (select(HouseholdRow.id, HouseholdRow.code, VillageRow.position.label("vpos"))
                .select_from(HouseholdRow).outerjoin(VillageRow, VillageRow.id == HouseholdRow.village_id))
    else:
        stmt = select(HouseholdRow.id).select_from(HouseholdRow)
        if village is not None:
            stmt = stmt.outerjoin(VillageRow, VillageRow.id == HouseholdRow.village_id)
    stmt = stmt.where(live(HouseholdRow))
    if commune_id is not None:
        stmt = stmt.where(HouseholdRow.commune_id == commune_id)
    elif round_id is not None:  # the households of the round's commune
        stmt = stmt.where(HouseholdRow.commune_id == select(RoundRow.commune_id)
                          .where(RoundRow.id == round_id).scalar_subquery())
    if village is not None:
        stmt = stmt.where(or_(VillageRow.id == village, VillageRow.name == village))
    condition = search_condition(search)
    if condition is not None:
        stmt = stmt.where(condition)
    if category is not None:
        stmt = stmt.outerjoin(C, and_(C.household_id == HouseholdRow.id, C.round_id == round_id, live(C)))
        stmt = stmt.where(C.id.is_(None) if category == UNCLASSIFIED else C.category == category)
    return stmt


def list_households(db: Database, round_id: str | None = None, *, village: str | None = None,
                    search: str | None = None, category: str | None = None,
                    commune_id: str | None = None, offset: int = 0, limit: int = 100) -> list[HouseholdSummary]:
    """A page of live households in village order then code, with the head's
    name, member count and the classification and survey of ``round_id``.

    ``village`` is a village id or name; ``category`` one of the categories or
    ``"unclassified"``; ``search`` see :func:`search_condition`. The page is
    chosen first; everything else is looked up for its rows only.
    """
    inner = _filtered(round_id, village, search, category, commune_id, for_page=True)
    cols = inner.selected_columns
    page = (inner.order_by(func.coalesce(cols.vpos, -1), func.length(cols.code), cols.code)
            .offset(offset).limit(limit).subquery())
    M, C, S, V, H = MemberRow, ClassificationRow, SurveyRow, VillageRow, HouseholdRow
    head = (select(M.full_name).where(M.household_id == page.c.id, live(M))
            .order_by(case((M.relation == "head", 0), else_=1), M.position).limit(1).scalar_subquery())
    count = (select(func.count()).select_from(M).where(M.household_id == page.c.id, live(M))
             .scalar_subquery())
    stmt = (select(page.c.id, page.c.code, V.name.label("village"), V.id.label("village_id"),
                   C.category, C.score_a, C.score_b, S.id.label("survey_id"),
                   head.label("head_name"), count.label("members"))
            .select_from(page)
            .join(H, H.id == page.c.id)
            .outerjoin(V, V.id == H.village_id)
            .outerjoin(C, and_(C.household_id == page.c.id, C.round_id == round_id, live(C)))
            .outerjoin(S, and_(S.household_id == page.c.id, S.round_id == round_id, live(S)))
            .order_by(func.coalesce(page.c.vpos, -1), func.length(page.c.code), page.c.code))
    with db.session() as s:
        return [HouseholdSummary(
            household_id=r.id, code=r.code, head_name=r.head_name, village=r.village,
            village_id=r.village_id, members=r.members, category=r.category, score_a=r.score_a,
            score_b=r.score_b, surveyed=r.survey_id is not None,
        ) for r in s.execute(stmt)]


def count_households(db: Database, round_id: str | None = None, *, village: str | None = None,
                     search: str | None = None, category: str | None = None,
                     commune_id: str | None = None) -> int:
    """How many households :func:`list_households` lists in all pages."""
    inner = _filtered(round_id, village, search, category, commune_id, for_page=False).subquery()
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(inner)) or 0


def _categories(s: Session, round_id: str) -> dict[str, int]:
    counts = dict.fromkeys(CATEGORIES, 0)
    rows = s.execute(
        select(ClassificationRow.category, func.count())
        .join(HouseholdRow, HouseholdRow.id == ClassificationRow.household_id)
        .where(ClassificationRow.round_id == round_id, live(ClassificationRow), live(HouseholdRow))
        .group_by(ClassificationRow.category))
    for category, n in rows:
        counts[category] = n
    return counts


def stats(db: Database, commune_id: str | None = None) -> dict[str, Any]:
    """Summary counts: households, members, villages, and per round surveys
    and households per category; ``categories`` is that of the current round
    (newest open round, else newest)."""
    def where(stmt: Select, model) -> Select:
        return stmt.where(model.commune_id == commune_id) if commune_id is not None else stmt

    with db.session() as s:
        households = s.scalar(where(select(func.count()).select_from(HouseholdRow)
                                    .where(live(HouseholdRow)), HouseholdRow))
        members = s.scalar(where(select(func.count()).select_from(MemberRow)
                                 .join(HouseholdRow, HouseholdRow.id == MemberRow.household_id)
                                 .where(live(MemberRow), live(HouseholdRow)), HouseholdRow))
        villages = s.scalar(where(select(func.count()).select_from(VillageRow).where(live(VillageRow)),
                                  VillageRow))
        rounds = []
        for r in s.scalars(_rounds_stmt(commune_id)):
            surveys = s.scalar(select(func.count()).select_from(SurveyRow)
                               .join(HouseholdRow, HouseholdRow.id == SurveyRow.household_id)
                               .where(SurveyRow.round_id == r.id, live(SurveyRow), live(HouseholdRow)))
            categories = _categories(s, r.id)
            rounds.append({
                "id": r.id, "name": r.name, "kind": r.kind, "standard_id": r.standard_id,
                "status": r.status, "start_date": r.start_date.isoformat() if r.start_date else None,
                "surveys": surveys, "classified": sum(categories.values()), "categories": categories,
            })
    current = next((r for r in rounds if r["status"] == "open"), rounds[0] if rounds else None)
    return {
        "households": households,
        "members": members,
        "villages": villages,
        "round": {"id": current["id"], "name": current["name"]} if current else None,
        "categories": dict(current["categories"]) if current else dict.fromkeys(CATEGORIES, 0),
        "rounds": rounds,
    }
