"""The commune's summary tables and the full household list, from the register.

:func:`summary` fills :class:`desktop_app.reports.CommuneSummary` (households
and people per village and category, groups, indicators, causes, movements
since the last official list, support per programme and funding source);
:func:`household_rows` streams :class:`desktop_app.reports.HouseholdExportRow`
for the full list export. Categories are the official ones once the round is
decided (review module), else the proposed ones. Read-only.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.text import fold
from desktop_app.reports.texts import FUNDING_SOURCES, PROGRAMMES
from desktop_app.reports.data import (
    CauseCounts, CommuneSummary, GroupCounts, HouseholdExportRow, IndicatorCounts, SupportTotals, TransitionCounts,
    VillageCounts,
)
from desktop_app.services.reports import (
    REVIEW_MODULE, SUPPORT_MODULE, _change, _facts, _known, _lines, commune_data, optional_module, resolve_round,
)
from desktop_app.storage.database import Database
from desktop_app.storage.models import INDICATOR_ORDER, ClassificationRow, HouseholdRow, MemberRow, SurveyRow
from desktop_app.storage.queries import RoundInfo, VillageInfo, list_villages
from desktop_app.storage.records import live

_CHANGE_OF_EVENT = {"out_of_poverty": "out_of_poverty", "out_of_near_poverty": "out_of_near_poverty",
                    "fallen_back": "fallen_back_poor", "newly_poor": "new_poor",
                    "near_poor_again": "fallen_back_near_poor", "newly_near_poor": "new_near_poor"}


# --------------------------------------------------------------------------
# tables


def _categories(db: Database, rnd: RoundInfo) -> dict[str, str]:
    """Household -> category of the round: official when decided, else proposed."""
    with db.session() as s:
        cats = dict(s.execute(select(ClassificationRow.household_id, ClassificationRow.category).where(
            ClassificationRow.round_id == rnd.id, live(ClassificationRow))).all())
    facts = _facts(db, rnd.id)
    if facts is not None and facts.decision is not None:
        cats.update(facts.official)
    return cats


def summary(db: Database, round_ref: str | None = None, *, prepared_by: str | None = None,
            today: _dt.date | None = None) -> CommuneSummary:
    """The commune's summary tables of a round (official categories when decided)."""
    rnd = resolve_round(db, round_ref)
    cats = _categories(db, rnd)
    M, H, S = MemberRow, HouseholdRow, SurveyRow
    villages = list_villages(db, rnd.commune_id)
    counts = {v.id: VillageCounts(v.name, 0, people=0, poor_people=0, near_poor_people=0) for v in villages}
    groups = {g: GroupCounts(g, 0) for g in ("ethnic_minority", "meritorious", "social_protection")}
    with db.session() as s:
        members: dict[str, list[tuple]] = {}
        for hid, eth, merit, social in s.execute(select(M.household_id, M.ethnicity, M.meritorious,
                                                        M.social_protection).join(H, H.id == M.household_id)
                                                 .where(H.commune_id == rnd.commune_id, live(M), live(H))):
            members.setdefault(hid, []).append((eth, merit, social))
        hrows = s.execute(select(H.id, H.village_id).where(H.commune_id == rnd.commune_id, live(H))).all()
        causes_rows = s.execute(select(S.household_id, S.poverty_causes).where(S.round_id == rnd.id,
                                                                               live(S))).all()
        cls = s.execute(select(ClassificationRow.household_id, ClassificationRow.indicators).where(
            ClassificationRow.round_id == rnd.id, live(ClassificationRow))).all()
    for hid, vid in hrows:
        cat = cats.get(hid)
        people = len(members.get(hid, ()))
        vc = counts.get(vid or "")
        if vc is not None:
            vc.households += 1
            vc.people = (vc.people or 0) + people
            if cat in ("poor", "near_poor", "middle"):
                setattr(vc, cat, getattr(vc, cat) + 1)
            if cat == "poor":
                vc.poor_people = (vc.poor_people or 0) + people
            elif cat == "near_poor":
                vc.near_poor_people = (vc.near_poor_people or 0) + people
        ms = members.get(hid, ())
        flags = {"ethnic_minority": any(e and fold(e) != "kinh" for e, _, _ in ms),
                 "meritorious": any(m for _, m, _ in ms), "social_protection": any(x for _, _, x in ms)}
        for g, on in flags.items():
            if on:
                groups[g].households += 1
                if cat in ("poor", "near_poor"):
                    setattr(groups[g], cat, getattr(groups[g], cat) + 1)
    indicators = {k: IndicatorCounts(k) for k in INDICATOR_ORDER}
    base = [0, 0, 0]
    for hid, inds in cls:
        cat = cats.get(hid)
        base[2] += 1
        base[0] += cat == "poor"
        base[1] += cat == "near_poor"
        for k, state in (inds or {}).items():
            if state == "yes" and k in indicators:
                indicators[k].surveyed += 1
                if cat in ("poor", "near_poor"):
                    setattr(indicators[k], cat, getattr(indicators[k], cat) + 1)
    causes: dict[str, CauseCounts] = {}
    for hid, codes in causes_rows:
        cat = cats.get(hid)
        if cat not in ("poor", "near_poor"):
            continue
        for code in codes or ():
            cc = causes.setdefault(code, CauseCounts(code))
            setattr(cc, cat, getattr(cc, cat) + 1)
    return CommuneSummary(
        commune=commune_data(db, rnd.commune_id), round_name=rnd.name, report_date=today or _dt.date.today(),
        standard=rnd.standard_id, villages=[counts[v.id] for v in villages], groups=list(groups.values()),
        indicators=list(indicators.values()), indicator_base=(base[0], base[1], base[2]),
        causes=sorted(causes.values(), key=lambda c: -(c.poor + c.near_poor)),
        transitions=_transitions(db, rnd, villages), support=_support(db, rnd), prepared_by=prepared_by)


def _support(db: Database, rnd: RoundInfo) -> list[SupportTotals]:
    """Support per programme in the year the round started (all years without
    a start date); empty without the support feature."""
    support = optional_module(SUPPORT_MODULE)
    if support is None:
        return []
    year = rnd.start_date.year if rnd.start_date else None
    totals: dict[str, tuple[set[str], list[int], dict[str, int]]] = {}
    for e in support.list_support(db, year=year):
        programme = _known(e.programme, e.programme_name, PROGRAMMES)
        households, records, amounts = totals.setdefault(programme, (set(), [0], {}))
        households.add(e.household_id)
        records[0] += 1
        if e.amount_vnd:
            source = _known(e.source, e.source_name, FUNDING_SOURCES)
            amounts[source] = amounts.get(source, 0) + int(e.amount_vnd)
    return [SupportTotals(p, len(h), r[0], a) for p, (h, r, a) in totals.items()]


def _transitions(db: Database, rnd: RoundInfo, villages: list[VillageInfo]) -> list[TransitionCounts]:
    """Movements per village from the review module (empty before a decision
    compared with an earlier one, or without the module)."""
    review = optional_module(REVIEW_MODULE)
    if review is None:
        return []
    moves = review.transitions(db, rnd.id)
    if not moves:
        return []
    out = {v.name: TransitionCounts(v.name) for v in villages}
    for m in moves:
        tc = out.setdefault(m.village or "?", TransitionCounts(m.village or "?"))
        for event in m.events:
            name = _CHANGE_OF_EVENT.get(event)
            if name and hasattr(tc, name):
                setattr(tc, name, getattr(tc, name) + 1)
    facts = _facts(db, rnd.id)
    for h in facts.households if facts is not None else ():
        tc = out.get(h.village or "?")
        if tc is None:
            continue
        tc.poor_start += h.previous == "poor"
        tc.near_poor_start += h.previous == "near_poor"
        now = facts.official.get(h.household_id)
        tc.poor_end += now == "poor"
        tc.near_poor_end += now == "near_poor"
    return list(out.values())


@dataclass(slots=True)
class _People:
    """What the export needs of a household's members (the head and three flags)."""

    head: tuple | None = None  # (rank, sex, birth_date, id_number, ethnicity)
    minority: bool = False
    meritorious: bool = False
    social: bool = False


def household_rows(db: Database, round_ref: str | None = None, *,
                   id_numbers: bool = True) -> Iterator[HouseholdExportRow]:
    """One export row per live household of the round's commune, in village
    then code order (without citizen ID numbers when ``id_numbers`` is false).
    Reads plain columns only, so that 100,000 households fit an old laptop."""
    rnd = resolve_round(db, round_ref)
    lines = _lines(db, rnd)
    cats = _categories(db, rnd)
    facts = _facts(db, rnd.id)
    decided = facts is not None and facts.decision is not None
    previous = {h.household_id: h.previous for h in facts.households} if facts is not None else {}
    M, H, S, C = MemberRow, HouseholdRow, SurveyRow, ClassificationRow
    people: dict[str, _People] = {}
    with db.session() as s:
        income = dict(s.execute(select(C.household_id, C.income_per_capita)
                                .where(C.round_id == rnd.id, live(C))).all())
        area = dict(s.execute(select(H.id, H.area).where(H.commune_id == rnd.commune_id, live(H))).all())
        surveys = {hid: (date, causes) for hid, date, causes in s.execute(
            select(S.household_id, S.date, S.poverty_causes).where(S.round_id == rnd.id, live(S)))}
        for hid, position, relation, sex, birth, number, eth, merit, social in s.execute(
                select(M.household_id, M.position, M.relation, M.sex, M.birth_date, M.id_number, M.ethnicity,
                       M.meritorious, M.social_protection).join(H, H.id == M.household_id)
                .where(H.commune_id == rnd.commune_id, live(M), live(H))):
            p = people.setdefault(hid, _People())
            rank = (0 if relation == "head" else 1, position or 0)
            if p.head is None or rank < p.head[0]:
                p.head = (rank, sex, birth, number, eth)
            p.minority |= bool(eth) and fold(eth) != "kinh"
            p.meritorious |= bool(merit)
            p.social |= bool(social)
    for x in lines:
        hid = x.household_id
        p = people.get(hid)
        head = p.head if p is not None else None
        date, causes = surveys.get(hid, (None, None))
        cat = cats.get(hid)
        yield HouseholdExportRow(
            household_code=x.code, village=x.village, head_name=x.head, members=x.members, address=x.address,
            head_sex=head[1] if head else None, head_birth=head[2] if head else None,
            head_id_number=head[3] if head and id_numbers else None, ethnicity=head[4] if head else None,
            area=area.get(hid), category=cat, official=decided if cat is not None else None,
            change=_change(previous.get(hid), cat) if decided else None, score_a=x.score_a, score_b=x.score_b,
            income_per_capita=income.get(hid), deprived=x.deprived,
            ethnic_minority=p.minority if p else None, meritorious=p.meritorious if p else None,
            social_protection=p.social if p else None, poverty_causes=list(causes or ()),
            survey_date=_dt.date.fromisoformat(date) if date else None, household_id=hid)
