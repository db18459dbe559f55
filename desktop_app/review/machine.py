"""The review procedure of a round as a Qt-free state machine.

:class:`RoundFacts` is a snapshot of everything recorded for a round (loaded
by :mod:`desktop_app.review.facts`); :func:`status` says which step is done,
current or pending and what remains; the ``check_*`` functions refuse an
action that comes out of order or with dates out of order, raising
:class:`desktop_app.errors.ValidationError` with a message naming the fix.
:func:`final_results` gives the category each listed household would get
from the decision (proposed, then changed by re-checks).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.review.rules import DECIDABLE, LISTED

STEPS = ("list", "quick_screen", "survey", "meeting", "posting", "decision", "report")
DONE, CURRENT, PENDING = "done", "current", "pending"


@dataclass(frozen=True, slots=True)
class HouseholdFacts:
    """A household on the review list of a round."""

    household_id: str
    code: str
    village_id: str | None
    village: str | None
    head: str | None = None
    previous: str | None = None  # official category before this round
    classification: str | None = None  # proposed category of the engine (may be "incomplete")
    score_a: int | None = None
    score_b: int | None = None
    screened: bool = False  # quick screen (form A) answered
    screened_out: bool = False  # stopped at the quick screen: not poor without form B
    surveyed: bool = False  # has a survey row in the round
    request: str | None = None  # "enter" / "leave" (Mẫu số 01)

    @property
    def proposed(self) -> str | None:
        """The proposed category, or ``None`` while it is not known."""
        if self.screened_out:
            return "not_poor"
        return self.classification if self.classification in DECIDABLE else None


@dataclass(frozen=True, slots=True)
class Mark:
    """Who recorded something and when."""

    by: str | None
    at: _dt.datetime | None


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    id: str
    village_id: str
    village: str
    date: _dt.date
    chair: str
    secretary: str | None
    attendance: int | None
    mark: Mark


@dataclass(frozen=True, slots=True)
class ComplaintFacts:
    id: str
    household_id: str
    origin: str  # "meeting" / "posting"
    date: _dt.date
    complainant: str | None
    content: str | None
    recheck_date: _dt.date | None = None
    recheck_by: str | None = None
    result: str | None = None  # "kept" / "changed"
    new_category: str | None = None
    reason: str | None = None

    @property
    def resolved(self) -> bool:
        return self.result is not None


@dataclass(frozen=True, slots=True)
class PostingFacts:
    start: _dt.date
    end: _dt.date
    place: str | None
    working_days: int | None
    mark: Mark


@dataclass(frozen=True, slots=True)
class DecisionFacts:
    id: str
    number: str
    date: _dt.date
    signer: str
    mark: Mark


@dataclass(frozen=True, slots=True)
class RoundFacts:
    """Everything recorded about the review of one round."""

    round_id: str
    round_name: str
    households: tuple[HouseholdFacts, ...]
    villages: tuple[tuple[str, str], ...]  # (id, name) of the commune, in order
    list_mark: Mark | None = None
    meetings: Mapping[str, MeetingFacts] = field(default_factory=dict)  # by village id
    outcomes: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)  # household -> (outcome, note)
    complaints: tuple[ComplaintFacts, ...] = ()
    posting: PostingFacts | None = None
    decision: DecisionFacts | None = None
    certificates: Mapping[str, str | None] = field(default_factory=dict)  # official poor/near-poor -> number
    official: Mapping[str, str] = field(default_factory=dict)  # household -> official category
    report_mark: Mark | None = None

    def household(self, household_id: str) -> HouseholdFacts | None:
        return next((h for h in self.households if h.household_id == household_id), None)

    def village_name(self, village_id: str | None) -> str:
        return dict(self.villages).get(village_id or "", village_id or "?")

    def review_villages(self) -> list[tuple[str, str]]:
        """Villages (id, name) holding listed households, in commune order."""
        used = {h.village_id for h in self.households if h.village_id}
        return [(vid, name) for vid, name in self.villages if vid in used]

    def pending(self, village_id: str | None = None) -> list[HouseholdFacts]:
        """Listed households (of a village) still without a proposed result."""
        return [h for h in self.households if h.proposed is None
                and (village_id is None or h.village_id == village_id)]

    def missing_meetings(self) -> list[str]:
        return [name for vid, name in self.review_villages() if vid not in self.meetings]

    def open_complaints(self, origin: str | None = None) -> list[ComplaintFacts]:
        return [c for c in self.complaints if not c.resolved and (origin is None or c.origin == origin)]

    def missing_certificates(self) -> list[str]:
        return [hid for hid, number in self.certificates.items() if not number]


@dataclass(frozen=True, slots=True)
class StepStatus:
    step: str
    state: str  # done / current / pending
    remains: tuple[str, ...]
    mark: Mark | None = None

    @property
    def title(self) -> str:
        return t(f"review.step.{self.step}")


@dataclass(frozen=True, slots=True)
class ReviewStatus:
    round_id: str
    round_name: str
    steps: tuple[StepStatus, ...]

    @property
    def current(self) -> str | None:
        """The first step not done, ``None`` when the whole procedure is done."""
        return next((s.step for s in self.steps if s.state != DONE), None)

    @property
    def remains(self) -> tuple[str, ...]:
        """What remains at the current step."""
        return next((s.remains for s in self.steps if s.state == CURRENT), ())

    def step(self, name: str) -> StepStatus:
        return next(s for s in self.steps if s.step == name)


def _remains(facts: RoundFacts) -> dict[str, list[str]]:
    r: dict[str, list[str]] = {s: [] for s in STEPS}
    hs = facts.households
    if facts.decision is None:
        if not hs:
            r["list"].append(t("review.remain.list_empty"))
        elif facts.list_mark is None:
            r["list"].append(t("review.remain.list_confirm", count=len(hs)))
        unscreened = [h for h in hs if not h.screened and not h.surveyed]
        if unscreened:
            r["quick_screen"].append(t("review.remain.quick_screen", count=len(unscreened)))
        pending = facts.pending()
        if pending:
            r["survey"].append(t("review.remain.survey", count=len(pending)))
        for h in hs:
            if not h.village_id:
                r["meeting"].append(t("review.remain.no_village", code=h.code))
        for name in facts.missing_meetings():
            r["meeting"].append(t("review.remain.meeting", village=name))
        if facts.posting is None:
            r["posting"].append(t("review.remain.posting"))
        disputes = facts.open_complaints("meeting")
        if disputes:
            r["posting"].append(t("review.remain.disputes", count=len(disputes)))
        complaints = facts.open_complaints("posting")
        if complaints:
            r["posting"].append(t("review.remain.complaints", count=len(complaints)))
        r["decision"].append(t("review.remain.decision"))
    missing = facts.missing_certificates()
    if missing:
        r["decision"].append(t("review.remain.certificates", count=len(missing)))
    if facts.report_mark is None:
        r["report"].append(t("review.remain.report"))
    return r


def status(facts: RoundFacts) -> ReviewStatus:
    """Each step done, current (the first not done) or pending, with what remains."""
    remains = _remains(facts)
    marks = {"list": facts.list_mark, "posting": facts.posting.mark if facts.posting else None,
             "decision": facts.decision.mark if facts.decision else None, "report": facts.report_mark}
    if facts.meetings:
        last = max(facts.meetings.values(), key=lambda m: (m.mark.at or _dt.datetime.min.replace(
            tzinfo=_dt.timezone.utc)))
        marks["meeting"] = last.mark
    steps: list[StepStatus] = []
    current_seen = False
    for name in STEPS:
        done = not remains[name]
        if done:
            state = DONE
        elif not current_seen:
            state, current_seen = CURRENT, True
        else:
            state = PENDING
        steps.append(StepStatus(name, state, tuple(remains[name]), marks.get(name)))
    return ReviewStatus(facts.round_id, facts.round_name, tuple(steps))


# --------------------------------------------------------------------------
# results


def final_results(facts: RoundFacts) -> dict[str, tuple[str | None, str]]:
    """``{household_id: (category, source)}`` as the decision would make them:
    the proposed category, agreed at the meeting, changed by re-checks in
    the order they were done (the last change wins)."""
    out: dict[str, tuple[str | None, str]] = {}
    for h in facts.households:
        outcome = facts.outcomes.get(h.household_id)
        out[h.household_id] = (h.proposed, "meeting" if outcome and outcome[0] == "agreed" else "proposed")
    rechecked = sorted((c for c in facts.complaints if c.result == "changed" and c.new_category),
                       key=lambda c: (c.recheck_date or c.date, c.date))
    for c in rechecked:
        if c.household_id in out:
            out[c.household_id] = (c.new_category, "recheck")
    return out


# --------------------------------------------------------------------------
# checks (raise ValidationError when the action is refused)


def check_open(facts: RoundFacts) -> None:
    """Nothing may change once the round is decided."""
    if facts.decision is not None:
        raise ValidationError("round", t("review.err.decided", number=facts.decision.number))


def check_listed(facts: RoundFacts, household_id: str, code: str | None = None) -> HouseholdFacts:
    h = facts.household(household_id)
    if h is None:
        raise ValidationError("household", t("review.err.not_listed", code=code or household_id))
    return h


def check_confirm_list(facts: RoundFacts) -> None:
    check_open(facts)
    if not facts.households:
        raise ValidationError("list", t("review.err.list_empty"))


def check_quick_screen(facts: RoundFacts, village_id: str | None) -> None:
    """Form A answers may change until the household's village has met."""
    check_open(facts)
    if village_id and village_id in facts.meetings:
        raise ValidationError("quick_screen", t("review.err.screen_after_meeting",
                                                village=facts.village_name(village_id)))


def check_meeting(facts: RoundFacts, village_id: str, date: _dt.date) -> None:
    check_open(facts)
    if facts.list_mark is None:
        raise ValidationError("round", t("review.err.list_not_confirmed"))
    if village_id not in dict(facts.villages):
        raise ValidationError("village", t("review.err.village_unknown", village=village_id))
    name = facts.village_name(village_id)
    pending = facts.pending(village_id)
    if pending:
        raise ValidationError("village", t("review.err.village_not_ready", village=name, count=len(pending)))
    if facts.posting is not None and date > facts.posting.start:
        raise ValidationError("date", t("review.err.meeting_after_posting", date=date, start=facts.posting.start))


def check_outcome(facts: RoundFacts, household_id: str, code: str | None = None) -> MeetingFacts:
    """The household is listed and its village has met; returns the meeting."""
    check_open(facts)
    h = check_listed(facts, household_id, code)
    meeting = facts.meetings.get(h.village_id or "")
    if meeting is None:
        raise ValidationError("household", t("review.err.no_meeting", village=facts.village_name(h.village_id)))
    return meeting


def check_posting(facts: RoundFacts, start: _dt.date, end: _dt.date) -> None:
    check_open(facts)
    if facts.list_mark is None:
        raise ValidationError("round", t("review.err.list_not_confirmed"))
    pending = facts.pending()
    if pending:
        raise ValidationError("round", t("review.err.not_ready_posting", count=len(pending)))
    missing = facts.missing_meetings()
    if missing:
        raise ValidationError("round", t("review.err.meetings_missing", villages=", ".join(missing)))
    for m in facts.meetings.values():
        if start < m.date:
            raise ValidationError("start", t("review.err.posting_before_meeting", start=start, date=m.date,
                                             village=m.village))
    if end < start:
        raise ValidationError("end", t("review.err.posting_end_before_start", start=start, end=end))
    for c in facts.complaints:
        if c.origin == "posting" and c.date < start:
            raise ValidationError("start", t("review.err.posting_after_complaint", date=c.date))


def check_complaint(facts: RoundFacts, household_id: str, date: _dt.date, code: str | None = None) -> None:
    check_open(facts)
    if facts.posting is None:
        raise ValidationError("round", t("review.err.no_posting"))
    check_listed(facts, household_id, code)
    if date < facts.posting.start:
        raise ValidationError("date", t("review.err.complaint_before_posting", date=date,
                                        start=facts.posting.start))


def check_recheck(facts: RoundFacts, complaint_id: str, date: _dt.date, result: str,
                  new_category: str | None, reason: str | None) -> ComplaintFacts:
    check_open(facts)
    complaint = next((c for c in facts.complaints if c.id == complaint_id), None)
    if complaint is None:
        raise ValidationError("complaint", t("review.err.complaint_unknown", complaint_id=complaint_id))
    if date < complaint.date:
        raise ValidationError("date", t("review.err.recheck_before_complaint", date=date,
                                        complaint_date=complaint.date))
    if result == "changed":
        current = final_results(facts).get(complaint.household_id, (None, ""))[0]
        if new_category not in DECIDABLE or new_category == current:
            raise ValidationError("new_category", t("review.err.new_category"))
        if not reason:
            raise ValidationError("reason", t("review.err.reason_required"))
    return complaint


def decision_remains(facts: RoundFacts) -> list[str]:
    """What must be done before the decision (steps 1 to 5)."""
    remains = _remains(facts)
    return [text for step in STEPS[:5] for text in remains[step]]


def check_decision(facts: RoundFacts, number: str, date: _dt.date, signer: str) -> bool:
    """True when the same decision is already recorded (nothing to do)."""
    if facts.decision is not None:
        d = facts.decision
        if (d.number, d.date, d.signer) == (number, date, signer):
            return True
        raise ValidationError("number", t("review.err.decision_differs", number=d.number, date=d.date))
    remains = decision_remains(facts)
    if remains:
        raise ValidationError("round", t("review.err.not_ready_decision", remains="; ".join(remains)))
    assert facts.posting is not None
    later = [(facts.posting.end, "posting_end")]
    later += [(c.date, "complaint") for c in facts.complaints]
    later += [(c.recheck_date, "recheck") for c in facts.complaints if c.recheck_date]
    for other, what in sorted(later, reverse=True):
        if date < other:
            raise ValidationError("date", t("review.err.decision_before", date=date, other=other,
                                            what=t(f"review.what.{what}")))
    return False


def check_certificate(facts: RoundFacts, household_id: str, number: str, code: str | None = None) -> None:
    if facts.decision is None:
        raise ValidationError("round", t("review.err.not_decided"))
    category = facts.official.get(household_id)
    if category is None:
        raise ValidationError("household", t("review.err.not_listed", code=code or household_id))
    if category not in LISTED:
        raise ValidationError("household", t("review.err.no_certificate_needed", code=code or household_id))
    for other, taken in facts.certificates.items():
        if taken == number and other != household_id:
            h = facts.household(other)
            raise ValidationError("number", t("review.err.certificate_taken", number=number,
                                              code=h.code if h else other))


def check_report(facts: RoundFacts) -> None:
    if facts.decision is None:
        raise ValidationError("round", t("review.err.not_decided"))
    missing = facts.missing_certificates()
    if missing:
        raise ValidationError("round", t("review.err.certificates_missing", count=len(missing)))
