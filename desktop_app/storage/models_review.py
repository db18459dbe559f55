"""Tables of the review procedure (rà soát) of a survey round.

Created by revision ``0003_review``; every table has the synced columns
(UUID key, timestamps, revision, tombstone). ``recorded_by`` keeps who
recorded a step (the account's username, else the OS user) and
``created_at`` / ``updated_at`` when.

* ``review_request`` - a household's request (Giấy đề nghị, Mẫu số 01) to
  enter or leave the lists, filed in a round.
* ``review_step`` - steps marked done by hand: ``list`` (the list of
  households to review is confirmed) and ``report`` (reported up).
* ``review_meeting`` - the village meeting (họp dân) of one village.
* ``review_outcome`` - per household, agreed or disputed at the meeting.
* ``review_posting`` - the public posting (niêm yết công khai) of the round.
* ``review_complaint`` - a complaint (from the posting) or a dispute (from
  the meeting) about a household, with its re-check (phúc tra) outcome.
* ``review_decision`` - the chairman's decision that makes the lists official.
* ``official_classification`` - the official category of a household in a
  decided round, with its certificate (Giấy chứng nhận) number.
"""

from __future__ import annotations

import datetime as _dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.storage.models import Base, Synced

REQUEST_KINDS = ("enter", "leave")
MANUAL_STEPS = ("list", "report")
OUTCOMES = ("agreed", "disputed")
COMPLAINT_ORIGINS = ("meeting", "posting")
RECHECK_RESULTS = ("kept", "changed")
OFFICIAL_SOURCES = ("proposed", "meeting", "recheck")


class ReviewRequestRow(Synced, Base):
    """A request (Mẫu số 01) of a household to enter or leave the lists."""

    __tablename__ = "review_request"

    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    kind: Mapped[str] = mapped_column(String(8))
    date: Mapped[_dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (Index("ix_review_request_round", "round_id", "household_id"),)


class ReviewStepRow(Synced, Base):
    """A step of a round marked done by hand (``list``, ``report``)."""

    __tablename__ = "review_step"

    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    step: Mapped[str] = mapped_column(String(16))
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (UniqueConstraint("round_id", "step"),)


class ReviewMeetingRow(Synced, Base):
    """The village meeting (họp dân) of one village in a round."""

    __tablename__ = "review_meeting"

    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    village_id: Mapped[str] = mapped_column(ForeignKey("village.id"))
    date: Mapped[_dt.date] = mapped_column(Date)
    chair: Mapped[str] = mapped_column(String)
    secretary: Mapped[str | None] = mapped_column(String)
    attendance: Mapped[int | None] = mapped_column(Integer)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (UniqueConstraint("round_id", "village_id"),)


class ReviewOutcomeRow(Synced, Base):
    """What the village meeting said about one household."""

    __tablename__ = "review_outcome"

    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    meeting_id: Mapped[str] = mapped_column(ForeignKey("review_meeting.id"))
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (UniqueConstraint("round_id", "household_id"),)


class ReviewPostingRow(Synced, Base):
    """The public posting (niêm yết công khai) of a round's lists."""

    __tablename__ = "review_posting"

    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    start_date: Mapped[_dt.date] = mapped_column(Date)
    end_date: Mapped[_dt.date] = mapped_column(Date)
    working_days: Mapped[int | None] = mapped_column(Integer)
    place: Mapped[str | None] = mapped_column(String)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (UniqueConstraint("round_id"),)


class ReviewComplaintRow(Synced, Base):
    """A complaint or meeting dispute about a household and its re-check."""

    __tablename__ = "review_complaint"

    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    origin: Mapped[str] = mapped_column(String(16))
    outcome_id: Mapped[str | None] = mapped_column(ForeignKey("review_outcome.id"))
    date: Mapped[_dt.date] = mapped_column(Date)
    complainant: Mapped[str | None] = mapped_column(String)
    content: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    recheck_date: Mapped[_dt.date | None] = mapped_column(Date)
    recheck_by: Mapped[str | None] = mapped_column(String)
    recheck_result: Mapped[str | None] = mapped_column(String(16))
    new_category: Mapped[str | None] = mapped_column(String(16))
    recheck_reason: Mapped[str | None] = mapped_column(Text)
    rechecked_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (Index("ix_review_complaint_round", "round_id", "household_id"),)


class ReviewDecisionRow(Synced, Base):
    """The commune chairman's decision recognising a round's lists."""

    __tablename__ = "review_decision"

    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    number: Mapped[str] = mapped_column(String(64))
    date: Mapped[_dt.date] = mapped_column(Date)
    signer: Mapped[str] = mapped_column(String)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (UniqueConstraint("round_id"),)


class OfficialClassificationRow(Synced, Base):
    """The official category of a household in a decided round."""

    __tablename__ = "official_classification"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    decision_id: Mapped[str] = mapped_column(ForeignKey("review_decision.id"))
    category: Mapped[str] = mapped_column(String(16))
    score_a: Mapped[int | None] = mapped_column(Integer)
    score_b: Mapped[int | None] = mapped_column(Integer)
    decided_at: Mapped[_dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(16))
    certificate_number: Mapped[str | None] = mapped_column(String(64))
    certificate_date: Mapped[_dt.date | None] = mapped_column(Date)
    certificate_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("round_id", "household_id"),
        Index("ix_official_classification_household", "household_id", "decided_at"),
    )
