"""Review procedure: requests, meetings, outcomes, posting, complaints,
decision and the official classification of a round.

Revision ID: 0003_review
Revises: 0002_accounts
Create Date: 2026-11-23

This revision is frozen once released (changes go into new revisions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_review"
down_revision = "0002_accounts"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def _round_fk(table: str) -> sa.ForeignKeyConstraint:
    return _fk(table, "round_id", "survey_round")


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def upgrade() -> None:
    op.create_table(
        "review_request",
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        *_synced(),
        _round_fk("review_request"), _fk("review_request", "household_id", "household"), _pk("review_request"),
    )
    op.create_index("ix_review_request_round", "review_request", ["round_id", "household_id"])

    op.create_table(
        "review_step",
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        *_synced(),
        _round_fk("review_step"), _pk("review_step"),
        sa.UniqueConstraint("round_id", "step", name=op.f("uq_review_step_round_id_step")),
    )

    op.create_table(
        "review_meeting",
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("village_id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("chair", sa.String(), nullable=False),
        sa.Column("secretary", sa.String(), nullable=True),
        sa.Column("attendance", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        *_synced(),
        _round_fk("review_meeting"), _fk("review_meeting", "village_id", "village"), _pk("review_meeting"),
        sa.UniqueConstraint("round_id", "village_id", name=op.f("uq_review_meeting_round_id_village_id")),
    )

    op.create_table(
        "review_outcome",
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("meeting_id", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        *_synced(),
        _round_fk("review_outcome"), _fk("review_outcome", "household_id", "household"),
        _fk("review_outcome", "meeting_id", "review_meeting"), _pk("review_outcome"),
        sa.UniqueConstraint("round_id", "household_id", name=op.f("uq_review_outcome_round_id_household_id")),
    )

    op.create_table(
        "review_posting",
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("working_days", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        *_synced(),
        _round_fk("review_posting"), _pk("review_posting"),
        sa.UniqueConstraint("round_id", name=op.f("uq_review_posting_round_id")),
    )

    op.create_table(
        "review_complaint",
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("outcome_id", sa.String(length=64), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("complainant", sa.String(), nullable=True),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("recheck_date", sa.Date(), nullable=True),
        sa.Column("recheck_by", sa.String(), nullable=True),
        sa.Column("recheck_result", sa.String(length=16), nullable=True),
        sa.Column("new_category", sa.String(length=16), nullable=True),
        sa.Column("recheck_reason", sa.Text(), nullable=True),
        sa.Column("rechecked_by", sa.String(length=100), nullable=True),
        *_synced(),
        _round_fk("review_complaint"), _fk("review_complaint", "household_id", "household"),
        _fk("review_complaint", "outcome_id", "review_outcome"), _pk("review_complaint"),
    )
    op.create_index("ix_review_complaint_round", "review_complaint", ["round_id", "household_id"])

    op.create_table(
        "review_decision",
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("signer", sa.String(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        *_synced(),
        _round_fk("review_decision"), _pk("review_decision"),
        sa.UniqueConstraint("round_id", name=op.f("uq_review_decision_round_id")),
    )

    op.create_table(
        "official_classification",
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("decision_id", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("score_a", sa.Integer(), nullable=True),
        sa.Column("score_b", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("certificate_number", sa.String(length=64), nullable=True),
        sa.Column("certificate_date", sa.Date(), nullable=True),
        sa.Column("certificate_by", sa.String(length=100), nullable=True),
        *_synced(),
        _round_fk("official_classification"), _fk("official_classification", "household_id", "household"),
        _fk("official_classification", "decision_id", "review_decision"), _pk("official_classification"),
        sa.UniqueConstraint("round_id", "household_id",
                            name=op.f("uq_official_classification_round_id_household_id")),
    )
    op.create_index("ix_official_classification_household", "official_classification",
                    ["household_id", "decided_at"])


def downgrade() -> None:
    op.drop_index("ix_official_classification_household", table_name="official_classification")
    op.drop_table("official_classification")
    op.drop_table("review_decision")
    op.drop_index("ix_review_complaint_round", table_name="review_complaint")
    op.drop_table("review_complaint")
    op.drop_table("review_posting")
    op.drop_table("review_outcome")
    op.drop_table("review_meeting")
    op.drop_table("review_step")
    op.drop_index("ix_review_request_round", table_name="review_request")
    op.drop_table("review_request")
