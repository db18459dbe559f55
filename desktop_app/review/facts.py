"""Loading the :class:`~desktop_app.review.machine.RoundFacts` of a round
from the database, and the official history of households.

Before the decision the review list is: households whose latest official
category (from another decided round) is poor or near-poor, households the
round's classification proposes as poor or near-poor, and households that
filed a request (Mẫu số 01) in the round. After the decision it is the
round's official rows (frozen).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import NotFound
from desktop_app.i18n import t
from desktop_app.review.machine import (
    ComplaintFacts,
    DecisionFacts,
    HouseholdFacts,
    Mark,
    MeetingFacts,
    PostingFacts,
    RoundFacts,
)
from desktop_app.review.rules import LISTED
from desktop_app.storage.models import ClassificationRow, HouseholdRow, MemberRow, RoundRow, SurveyRow, VillageRow
from desktop_app.storage.models_review import (
    OfficialClassificationRow,
    ReviewComplaintRow,
    ReviewDecisionRow,
    ReviewMeetingRow,
    ReviewOutcomeRow,
    ReviewPostingRow,
    ReviewRequestRow,
    ReviewStepRow,
)
from desktop_app.storage.records import live


def _mark(row) -> Mark:
    return Mark(row.recorded_by, row.updated_at)


def official_history(s: Session, household_ids: Iterable[str] | None = None, *,
                     exclude_round: str | None = None,
                     before: _dt.date | None = None) -> dict[str, list[tuple[_dt.date, str, str]]]:
    """``{household_id: [(decision date, category, round_id), ...]}`` oldest
    first, from live official rows (optionally of some households, other
    rounds, decisions strictly before a date)."""
    q = (select(OfficialClassificationRow.household_id, ReviewDecisionRow.date,
                OfficialClassificationRow.category, OfficialClassificationRow.round_id)
         .join(ReviewDecisionRow, ReviewDecisionRow.id == OfficialClassificationRow.decision_id)
         .where(live(OfficialClassificationRow), live(ReviewDecisionRow))
         .order_by(ReviewDecisionRow.date, ReviewDecisionRow.created_at))
    if household_ids is not None:
        ids = list(household_ids)
        if not ids:
            return {}
        q = q.where(OfficialClassificationRow.household_id.in_(ids))
    if exclude_round is not None:
        q = q.where(OfficialClassificationRow.round_id != exclude_round)
    if before is not None:
        q = q.where(ReviewDecisionRow.date < before)
    out: dict[str, list[tuple[_dt.date, str, str]]] = {}
    for hid, day, category, rid in s.execute(q):
        out.setdefault(hid, []).append((day, category, rid))
    return out


def find_round(s: Session, round_id: str | None) -> RoundRow:
    """The round by id or name, else the newest open round (else the newest)."""
    if round_id is not None:
        row = s.get(RoundRow, round_id)
        if row is None or row.deleted:
            row = s.scalar(select(RoundRow).where(RoundRow.name == round_id, live(RoundRow)).limit(1))
        if row is None:
            raise NotFound(t("review.err.round_unknown", round_id=round_id))
        return row
    q = select(RoundRow).where(live(RoundRow))
    order = (RoundRow.start_date.desc().nulls_last(), RoundRow.created_at.desc())
    row = s.scalar(q.where(RoundRow.status == "open").order_by(*order).limit(1)) or \
        s.scalar(q.order_by(*order).limit(1))
    if row is None:
        raise NotFound(t("review.err.no_round"))
    return row



def quick_screen_answers(survey: SurveyRow) -> dict | None:
    """The quick screen (Phiếu A) answers ``{criterion key: true/false/null}``
    of a survey: the record's ``extra["quick_screen"]`` (as the household
    editor and the classification engine keep them), else the old column."""
    answers = (survey.extra or {}).get("quick_screen")
    if isinstance(answers, dict) and answers:
        return answers
    return survey.quick_screen or None


def decision_row(s: Session, round_id: str) -> ReviewDecisionRow | None:
    return s.scalar(select(ReviewDecisionRow).where(ReviewDecisionRow.round_id == round_id,
                                                    live(ReviewDecisionRow)))


def load_facts(s: Session, rnd: RoundRow) -> RoundFacts:
    """Everything recorded about the review of round ``rnd``."""
    rid = rnd.id
    villages = tuple((v.id, v.name) for v in s.scalars(
        select(VillageRow).where(VillageRow.commune_id == rnd.commune_id, live(VillageRow))
        .order_by(VillageRow.position, VillageRow.name)))
    decision = decision_row(s, rid)
    official_rows = list(s.scalars(select(OfficialClassificationRow).where(
        OfficialClassificationRow.round_id == rid, live(OfficialClassificationRow))))
    classes = {c.household_id: c for c in s.scalars(
        select(ClassificationRow).where(ClassificationRow.round_id == rid, live(ClassificationRow)))}
    requests = {r.household_id: r.kind for r in s.scalars(
        select(ReviewRequestRow).where(ReviewRequestRow.round_id == rid, live(ReviewRequestRow))
        .order_by(ReviewRequestRow.date))}
    history = official_history(s, exclude_round=rid, before=decision.date if decision else None)
    if decision is not None:
        ids = [o.household_id for o in official_rows]
    else:
        ids = sorted({hid for hid, c in classes.items() if c.category in LISTED}
                     | {hid for hid, h in history.items() if h[-1][1] in LISTED} | set(requests))
    households = _households(s, rid, rnd.commune_id, ids, classes, requests, history, villages)

    meetings = {m.village_id: MeetingFacts(m.id, m.village_id, dict(villages).get(m.village_id, m.village_id),
                                           m.date, m.chair, m.secretary, m.attendance, _mark(m))
                for m in s.scalars(select(ReviewMeetingRow).where(ReviewMeetingRow.round_id == rid,
                                                                   live(ReviewMeetingRow)))}
    outcomes = {o.household_id: (o.outcome, o.note) for o in s.scalars(
        select(ReviewOutcomeRow).where(ReviewOutcomeRow.round_id == rid, live(ReviewOutcomeRow)))}
    complaints = tuple(
        ComplaintFacts(c.id, c.household_id, c.origin, c.date, c.complainant, c.content, c.recheck_date,
                       c.recheck_by, c.recheck_result, c.new_category, c.recheck_reason)
        for c in s.scalars(select(ReviewComplaintRow).where(ReviewComplaintRow.round_id == rid,
                                                            live(ReviewComplaintRow))
                           .order_by(ReviewComplaintRow.date, ReviewComplaintRow.created_at)))
    p = s.scalar(select(ReviewPostingRow).where(ReviewPostingRow.round_id == rid, live(ReviewPostingRow)))
    posting = PostingFacts(p.start_date, p.end_date, p.place, p.working_days, _mark(p)) if p else None
    steps = {r.step: _mark(r) for r in s.scalars(
        select(ReviewStepRow).where(ReviewStepRow.round_id == rid, live(ReviewStepRow)))}
    return RoundFacts(
        round_id=rid, round_name=rnd.name, households=households, villages=villages,
        list_mark=steps.get("list"), meetings=meetings, outcomes=outcomes, complaints=complaints,
        posting=posting,
        decision=DecisionFacts(decision.id, decision.number, decision.date, decision.signer, _mark(decision))
        if decision else None,
        certificates={o.household_id: o.certificate_number for o in official_rows if o.category in LISTED},
        official={o.household_id: o.category for o in official_rows},
        report_mark=steps.get("report"),
    )


def _households(s: Session, rid: str, commune_id: str, ids: list[str], classes: dict,
                requests: dict[str, str], history: dict, villages: tuple) -> tuple[HouseholdFacts, ...]:
    if not ids:
        return ()
    names = dict(villages)
    rows = {h.id: h for h in s.scalars(select(HouseholdRow).where(
        HouseholdRow.id.in_(ids), HouseholdRow.commune_id == commune_id, live(HouseholdRow)))}
    heads: dict[str, str] = {}
    for hid, name in s.execute(select(MemberRow.household_id, MemberRow.full_name)
                               .where(MemberRow.household_id.in_(ids), live(MemberRow))
                               .order_by(MemberRow.household_id, MemberRow.position.desc())):
        heads[hid] = name  # position descending: the first member wins
    surveys = {sv.household_id: quick_screen_answers(sv) for sv in s.scalars(
        select(SurveyRow).where(SurveyRow.round_id == rid, SurveyRow.household_id.in_(ids), live(SurveyRow)))}
    out = []
    for hid in ids:
        row = rows.get(hid)
        if row is None:
            continue
        c = classes.get(hid)
        screen = surveys.get(hid)
        past = history.get(hid)
        out.append(HouseholdFacts(
            household_id=hid, code=row.code, village_id=row.village_id, village=names.get(row.village_id or ""),
            head=heads.get(hid), previous=past[-1][1] if past else None,
            classification=c.category if c else None, score_a=c.score_a if c else None,
            score_b=c.score_b if c else None, screened=screen is not None,
            screened_out=bool(screen) and any(v is True for v in screen.values()),
            surveyed=hid in surveys, request=requests.get(hid)))
    order = {vid: i for i, (vid, _) in enumerate(villages)}
    out.sort(key=lambda h: (order.get(h.village_id or "", len(order)), h.code))
    return tuple(out)
