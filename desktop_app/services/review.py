"""Review procedure services: the steps of a round, the official lists and
the status of households between rounds.

Every action runs in ONE transaction: it loads the round's facts, lets the
state machine (:mod:`desktop_app.review.machine`) refuse it when it comes out
of order, writes the rows and the audit log, and returns
:class:`~desktop_app.services.Changes` (kinds ``"review"``, ``"surveys"``,
``"official"``). Recording the same thing twice changes nothing.

``actor`` (an :class:`desktop_app.services.accounts.Actor`) names who acts and
must be an administrator or an officer; without it the database's user
(the OS user) is written, as the command line does.

Other features call :func:`official_category`, :func:`transitions` and
:func:`newly_out_of_poverty`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.review import machine, rules
from desktop_app.review.facts import find_round, load_facts
from desktop_app.review.history import (
    OfficialEntry,
    Transition,
    has_earlier_decision,
    newly_out_of_poverty,
    official_category,
    official_list,
    transitions,
)
from desktop_app.review.machine import ReviewStatus, RoundFacts
from desktop_app.services import Changes
from desktop_app.services.accounts import ADMINISTRATOR, OFFICER, Actor, require_role
from desktop_app.storage.audit import write_audit
from desktop_app.storage.database import Database
from desktop_app.storage.models import ClassificationRow, HouseholdRow, RoundRow, SurveyRow, VillageRow
from desktop_app.storage.models_review import (
    COMPLAINT_ORIGINS,
    OUTCOMES,
    RECHECK_RESULTS,
    REQUEST_KINDS,
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

__all__ = [
    "COMPLAINT_ORIGINS", "OfficialEntry", "Transition", "confirm_list", "decide", "has_earlier_decision",
    "issue_certificate",
    "issue_certificates", "mark_reported", "newly_out_of_poverty", "official_category", "official_list",
    "posting_working_days", "record_complaint", "record_meeting", "record_outcome", "record_posting",
    "record_quick_screen", "record_recheck", "record_request", "review_status", "round_facts",
    "transitions",
]

T = TypeVar("T")


# --------------------------------------------------------------------------
# helpers


def _who(db: Database, actor: Actor | None) -> str:
    if actor is None:
        return db.user
    require_role(actor, ADMINISTRATOR, OFFICER, action="review")
    return actor.username


def _household(s: Session, commune_id: str, ref: str) -> HouseholdRow:
    ref = (ref or "").strip()
    row = s.scalar(select(HouseholdRow).where(
        or_(HouseholdRow.id == ref, HouseholdRow.code == ref), HouseholdRow.commune_id == commune_id,
        live(HouseholdRow)).limit(1))
    if row is None:
        raise ValidationError("household", t("review.err.household_unknown", household=ref))
    return row


def _village(s: Session, commune_id: str, ref: str) -> VillageRow:
    ref = (ref or "").strip()
    row = s.scalar(select(VillageRow).where(
        or_(VillageRow.id == ref, VillageRow.name == ref), VillageRow.commune_id == commune_id,
        live(VillageRow)).limit(1))
    if row is None:
        raise ValidationError("village", t("review.err.village_unknown", village=ref))
    return row


def _set(s: Session, who: str, action: str, row: Any, values: Mapping[str, Any], new: bool) -> bool:
    """Apply ``values`` to ``row`` (added when ``new``) and audit; False when nothing changed."""
    old = {k: getattr(row, k) for k in values} if not new else None
    changed = {k: v for k, v in values.items() if new or getattr(row, k) != v}
    if not changed:
        return False
    for k, v in changed.items():
        setattr(row, k, v)
    if new:
        s.add(row)
    s.flush()
    write_audit(s, user=who, action=action, table_name=row.__tablename__, row_id=row.id,
                old={k: old[k] for k in changed} if old else None, new=changed)
    return True


def _act(db: Database, actor: Actor | None, round_id: str | None,
         body: Callable[[Session, RoundRow, RoundFacts, str], T]) -> T:
    who = _who(db, actor)
    with db.transaction() as s:
        rnd = find_round(s, round_id)
        return body(s, rnd, load_facts(s, rnd), who)


def _changes(changed: bool, *kinds: str) -> Changes:
    return Changes.of(*kinds) if changed else Changes()


# --------------------------------------------------------------------------
# reading


def round_facts(db: Database, round_id: str | None = None) -> RoundFacts:
    """Everything recorded about the review of a round (default: the current round)."""
    with db.session() as s:
        return load_facts(s, find_round(s, round_id))


def review_status(db: Database, round_id: str | None = None) -> ReviewStatus:
    """Each step of the round done / current / pending, with what remains."""
    return machine.status(round_facts(db, round_id))


def posting_working_days(db: Database, round_id: str | None = None) -> int:
    """Working days of the public posting: ``[review] posting_working_days`` of
    the round's standards file when it has one, else 3 (provisional)."""
    from desktop_app.services.classify import round_standard

    with db.session() as s:
        rid = find_round(s, round_id).id
    try:
        raw = round_standard(db, rid).raw
    except Exception:  # noqa: BLE001 - an unknown standard: keep the default
        return rules.POSTING_WORKING_DAYS
    value = (raw.get("review") or {}).get("posting_working_days")
    return value if isinstance(value, int) and value > 0 else rules.POSTING_WORKING_DAYS


# --------------------------------------------------------------------------
# steps 1-3: list, quick screen, survey


def record_request(db: Database, household: str, kind: str, date: _dt.date | str, note: str | None = None, *,
                   round_id: str | None = None, actor: Actor | None = None) -> Changes:
    """Record a household's request (Mẫu số 01) to enter or leave the lists."""
    kind = rules.choice("kind", kind, REQUEST_KINDS)
    day = rules.parse_date("date", date)

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        machine.check_open(facts)
        h = _household(s, rnd.commune_id, household)
        row = ReviewRequestRow(round_id=rnd.id, household_id=h.id)
        return _changes(_set(s, who, "review.request", row, {
            "kind": kind, "date": day, "note": rules.text_value("note", note, required=False),
            "recorded_by": who}, new=True), "review")
    return _act(db, actor, round_id, body)


def record_quick_screen(db: Database, household: str, answers: Mapping[str, bool], date: _dt.date | str, *,
                        round_id: str | None = None, actor: Actor | None = None) -> Changes:
    """Record the quick screen (Phiếu A) answers ``{criterion key: bool}`` of a
    household in its survey's ``extra["quick_screen"]`` (where the household
    editor and the classification engine keep them); any ``True`` stops it at
    the quick screen (not poor without Phiếu B). Creates the round's survey
    row when there is none yet."""
    from desktop_app.services.classify import round_standard

    day = rules.parse_date("date", date)

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        h = _household(s, rnd.commune_id, household)
        machine.check_quick_screen(facts, h.village_id)
        standard = round_standard(db, rnd.id)
        keys = [c.key for c in standard.quick_screen]
        for key in answers:
            if key not in keys:
                raise ValidationError(f"quick_screen.{key}", t("review.err.unknown_criterion", key=key,
                                                                standard=standard.id, keys=", ".join(keys)))
        values = {k: bool(v) for k, v in answers.items()}
        row = s.scalar(select(SurveyRow).where(SurveyRow.round_id == rnd.id, SurveyRow.household_id == h.id))
        new = row is None
        if new:
            row = SurveyRow(round_id=rnd.id, household_id=h.id, date=day.isoformat(), standard=standard.id)
        extra = {**(row.extra or {}), "quick_screen": values}
        return _changes(_set(s, who, "review.quick_screen", row, {"extra": extra, "deleted": False}, new),
                        "surveys", "review")
    return _act(db, actor, round_id, body)


def _mark_step(db: Database, step: str, check: Callable[[RoundFacts], None], round_id: str | None,
               actor: Actor | None) -> Changes:
    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        existing = s.scalar(select(ReviewStepRow).where(ReviewStepRow.round_id == rnd.id,
                                                        ReviewStepRow.step == step))
        if existing is not None and not existing.deleted:
            return Changes()
        check(facts)
        row = existing or ReviewStepRow(round_id=rnd.id, step=step)
        return _changes(_set(s, who, f"review.{step}", row, {"recorded_by": who, "deleted": False},
                             new=existing is None), "review")
    return _act(db, actor, round_id, body)


def confirm_list(db: Database, *, round_id: str | None = None, actor: Actor | None = None) -> Changes:
    """Step 1: confirm the list of households to review."""
    return _mark_step(db, "list", machine.check_confirm_list, round_id, actor)


# --------------------------------------------------------------------------
# step 4: village meetings


def record_meeting(db: Database, village: str, date: _dt.date | str, chair: str, secretary: str | None = None,
                   attendance: int | None = None, *, outcomes: Mapping[str, tuple[str, str | None]] | None = None,
                   round_id: str | None = None, actor: Actor | None = None) -> Changes:
    """Record (or correct) the meeting of a village (id or name) and, in the
    same transaction, ``outcomes`` ``{household: (agreed|disputed, note)}``."""
    day = rules.parse_date("date", date)
    chair_ = rules.text_value("chair", chair)
    if attendance is not None and (not isinstance(attendance, int) or attendance < 0):
        raise ValidationError("attendance", t("review.err.bad_attendance"))
    wanted = {ref: (rules.choice("outcome", o, OUTCOMES), rules.text_value("note", n, required=False))
              for ref, (o, n) in (outcomes or {}).items()}

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        v = _village(s, rnd.commune_id, village)
        machine.check_meeting(facts, v.id, day)
        row = s.scalar(select(ReviewMeetingRow).where(ReviewMeetingRow.round_id == rnd.id,
                                                      ReviewMeetingRow.village_id == v.id))
        new = row is None
        row = row or ReviewMeetingRow(round_id=rnd.id, village_id=v.id)
        values = {"date": day, "chair": chair_, "secretary": rules.text_value("secretary", secretary,
                                                                              required=False),
                  "attendance": attendance, "deleted": False}
        changed = False
        if new or any(getattr(row, k) != v_ for k, v_ in values.items()):
            changed = _set(s, who, "review.meeting", row, {**values, "recorded_by": who}, new)
        if wanted:
            facts = load_facts(s, rnd)
            for ref, (outcome, note) in wanted.items():
                changed |= _outcome_in(s, rnd, facts, who, _household(s, rnd.commune_id, ref), outcome, note)
        return _changes(changed, "review")
    return _act(db, actor, round_id, body)


def _outcome_in(s: Session, rnd: RoundRow, facts: RoundFacts, who: str, h: HouseholdRow, outcome: str,
                note: str | None) -> bool:
    meeting = machine.check_outcome(facts, h.id, h.code)
    row = s.scalar(select(ReviewOutcomeRow).where(ReviewOutcomeRow.round_id == rnd.id,
                                                  ReviewOutcomeRow.household_id == h.id))
    new = row is None
    row = row or ReviewOutcomeRow(round_id=rnd.id, household_id=h.id)
    values = {"meeting_id": meeting.id, "outcome": outcome, "note": note, "deleted": False}
    if not new and all(getattr(row, k) == v for k, v in values.items()):
        return False
    _set(s, who, "review.outcome", row, {**values, "recorded_by": who}, new)
    dispute = s.scalar(select(ReviewComplaintRow).where(ReviewComplaintRow.outcome_id == row.id,
                                                        live(ReviewComplaintRow)))
    if outcome == "disputed":
        values = {"content": note, "date": meeting.date}
        if dispute is None:
            dispute = ReviewComplaintRow(round_id=rnd.id, household_id=h.id, origin="meeting", outcome_id=row.id)
            _set(s, who, "review.complaint", dispute, {**values, "recorded_by": who}, True)
        else:
            _set(s, who, "review.complaint", dispute, values, False)
    elif dispute is not None and dispute.recheck_result is None:
        _set(s, who, "review.complaint", dispute, {"deleted": True}, False)
    return True


def record_outcome(db: Database, household: str, outcome: str, note: str | None = None, *,
                   round_id: str | None = None, actor: Actor | None = None) -> Changes:
    """Record what the meeting said about a household: ``agreed`` or
    ``disputed`` (a dispute must be re-checked before the decision)."""
    outcome = rules.choice("outcome", outcome, OUTCOMES)
    note_ = rules.text_value("note", note, required=False)

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        h = _household(s, rnd.commune_id, household)
        return _changes(_outcome_in(s, rnd, facts, who, h, outcome, note_), "review")
    return _act(db, actor, round_id, body)


# --------------------------------------------------------------------------
# step 5: posting, complaints, re-checks


def record_posting(db: Database, start: _dt.date | str, end: _dt.date | str | None = None,
                   place: str | None = None, *, working_days: int | None = None, round_id: str | None = None,
                   actor: Actor | None = None) -> Changes:
    """Record the public posting; without ``end`` it lasts ``working_days``
    (default :func:`posting_working_days`) working days from ``start``."""
    day = rules.parse_date("start", start)
    end_day = rules.parse_date("end", end, required=False)
    days = working_days or (None if end_day else posting_working_days(db, round_id))
    if end_day is None:
        end_day = rules.add_working_days(day, days or rules.POSTING_WORKING_DAYS)

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        machine.check_posting(facts, day, end_day)
        row = s.scalar(select(ReviewPostingRow).where(ReviewPostingRow.round_id == rnd.id))
        new = row is None
        row = row or ReviewPostingRow(round_id=rnd.id)
        values = {"start_date": day, "end_date": end_day, "working_days": days,
                  "place": rules.text_value("place", place, required=False), "deleted": False}
        if not new and all(getattr(row, k) == v for k, v in values.items()):
            return Changes()
        return _changes(_set(s, who, "review.posting", row, {**values, "recorded_by": who}, new), "review")
    return _act(db, actor, round_id, body)


def record_complaint(db: Database, household: str, date: _dt.date | str, content: str,
                     complainant: str | None = None, *, round_id: str | None = None,
                     actor: Actor | None = None) -> str:
    """Record a complaint about a household received during the posting;
    returns the complaint's id (to record its re-check)."""
    day = rules.parse_date("date", date)
    content_ = rules.text_value("content", content)

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> str:
        h = _household(s, rnd.commune_id, household)
        machine.check_complaint(facts, h.id, day, h.code)
        row = ReviewComplaintRow(round_id=rnd.id, household_id=h.id, origin="posting")
        _set(s, who, "review.complaint", row, {
            "date": day, "content": content_, "recorded_by": who,
            "complainant": rules.text_value("complainant", complainant, required=False)}, True)
        return row.id
    return _act(db, actor, round_id, body)


def record_recheck(db: Database, complaint_id: str, date: _dt.date | str, result: str, *,
                   new_category: str | None = None, reason: str | None = None, by: str | None = None,
                   round_id: str | None = None, actor: Actor | None = None) -> Changes:
    """Record the re-check (phúc tra) of a complaint or meeting dispute:
    ``kept`` or ``changed`` to ``new_category`` with a ``reason``."""
    day = rules.parse_date("date", date)
    result = rules.choice("result", result, RECHECK_RESULTS)
    reason_ = rules.text_value("reason", reason, required=False)

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        machine.check_recheck(facts, complaint_id, day, result, new_category, reason_)
        row = s.get(ReviewComplaintRow, complaint_id)
        assert row is not None
        values = {"recheck_date": day, "recheck_result": result,
                  "new_category": new_category if result == "changed" else None, "recheck_reason": reason_,
                  "recheck_by": rules.text_value("by", by, required=False)}
        if all(getattr(row, k) == v for k, v in values.items()):
            return Changes()
        return _changes(_set(s, who, "review.recheck", row, {**values, "rechecked_by": who}, False), "review")
    return _act(db, actor, round_id, body)


# --------------------------------------------------------------------------
# step 6: decision and certificates; step 7: report


def decide(db: Database, number: str, date: _dt.date | str, signer: str, *, round_id: str | None = None,
           actor: Actor | None = None) -> Changes:
    """Record the chairman's decision: the round's results become official."""
    number_ = rules.text_value("number", number)
    signer_ = rules.text_value("signer", signer)
    day = rules.parse_date("date", date)

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        if machine.check_decision(facts, number_, day, signer_):
            return Changes()
        decision = ReviewDecisionRow(round_id=rnd.id)
        _set(s, who, "review.decision", decision, {"number": number_, "date": day, "signer": signer_,
                                                   "recorded_by": who}, True)
        scores = {c.household_id: (c.score_a, c.score_b) for c in s.scalars(
            select(ClassificationRow).where(ClassificationRow.round_id == rnd.id, live(ClassificationRow)))}
        screened_out = {h.household_id for h in facts.households if h.screened_out}
        rows = []
        for hid, (category, source) in machine.final_results(facts).items():
            a, b = (None, None) if hid in screened_out else scores.get(hid, (None, None))
            rows.append(OfficialClassificationRow(household_id=hid, round_id=rnd.id, decision_id=decision.id,
                                                  category=category, score_a=a, score_b=b, decided_at=day,
                                                  source=source))
        s.add_all(rows)
        s.flush()
        write_audit(s, user=who, action="review.official", table_name="official_classification", row_id=None,
                    new={"round_id": rnd.id, "decision_id": decision.id, "households": len(rows)})
        return Changes.of("review", "official", count=len(rows))
    return _act(db, actor, round_id, body)


def issue_certificate(db: Database, household: str, number: str, date: _dt.date | str | None = None, *,
                      round_id: str | None = None, actor: Actor | None = None) -> Changes:
    """Record the certificate (Giấy chứng nhận) number of a poor or near-poor household."""
    number_ = rules.text_value("number", number)
    day = rules.parse_date("date", date, required=False)

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        h = _household(s, rnd.commune_id, household)
        machine.check_certificate(facts, h.id, number_, h.code)
        row = s.scalar(select(OfficialClassificationRow).where(
            OfficialClassificationRow.round_id == rnd.id, OfficialClassificationRow.household_id == h.id))
        values = {"certificate_number": number_, "certificate_date": day or facts.decision.date}
        if all(getattr(row, k) == v for k, v in values.items()):
            return Changes()
        return _changes(_set(s, who, "review.certificate", row, {**values, "certificate_by": who}, False),
                        "official")
    return _act(db, actor, round_id, body)


def issue_certificates(db: Database, *, pattern: str = "{n:03d}/GCN", start: int = 1,
                       date: _dt.date | str | None = None, round_id: str | None = None,
                       actor: Actor | None = None) -> Changes:
    """Number the certificates of every poor or near-poor household that has
    none yet, in list order (``pattern`` with ``{n}``; numbers in use are skipped)."""
    day = rules.parse_date("date", date, required=False)

    def body(s: Session, rnd: RoundRow, facts: RoundFacts, who: str) -> Changes:
        if facts.decision is None:
            raise ValidationError("round", t("review.err.not_decided"))
        taken = {n for n in facts.certificates.values() if n}
        n, count = start, 0
        rows = {o.household_id: o for o in s.scalars(select(OfficialClassificationRow).where(
            OfficialClassificationRow.round_id == rnd.id, live(OfficialClassificationRow)))}
        for h in facts.households:
            if h.household_id not in facts.certificates or facts.certificates[h.household_id]:
                continue
            while (number := pattern.format(n=n)) in taken:
                n += 1
            taken.add(number)
            _set(s, who, "review.certificate", rows[h.household_id], {
                "certificate_number": number, "certificate_date": day or facts.decision.date,
                "certificate_by": who}, False)
            count += 1
        return Changes.of("official", count=count) if count else Changes()
    return _act(db, actor, round_id, body)


def mark_reported(db: Database, *, round_id: str | None = None, actor: Actor | None = None) -> Changes:
    """Step 7: mark the round's results as reported up."""
    return _mark_step(db, "report", machine.check_report, round_id, actor)
