"""Support tracking: the ``support_record`` and ``support_programme`` tables.

Revision ID: 0004_support
Revises: 0003_review
Create Date: 2026-11-23

This revision is frozen once released (changes go into new revisions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_support"
down_revision = "0003_review"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:
    """Columns every synced table has (UUID key, timestamps, revision, tombstone)."""
    return [
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "support_record",
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("programme", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount_vnd", sa.BigInteger(), nullable=True),
        sa.Column("quantity", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("term_months", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(), nullable=True),
        sa.Column("batch_id", sa.String(length=64), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"],
                                name=op.f("fk_support_record_household_id_household")),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_support_record_member_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_record")),
    )
    op.create_index("ix_support_record_household", "support_record", ["household_id", "date"])
    op.create_index("ix_support_record_programme", "support_record", ["programme", "date"])
    op.create_index("ix_support_record_date", "support_record", ["date"])
    op.create_table(
        "support_programme",
        sa.Column("commune_id", sa.String(length=64), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_vi", sa.String(), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.Column("unit_vi", sa.String(length=40), nullable=False),
        sa.Column("unit_en", sa.String(length=40), nullable=False),
        sa.Column("per", sa.String(length=16), nullable=False),
        sa.Column("default_source", sa.String(length=32), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["commune_id"], ["commune.id"],
                                name=op.f("fk_support_programme_commune_id_commune")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_programme")),
    )
    op.create_index("ix_support_programme_code", "support_programme", ["code"])


def downgrade() -> None:
    op.drop_index("ix_support_programme_code", table_name="support_programme")
    op.drop_table("support_programme")
    op.drop_index("ix_support_record_date", table_name="support_record")
    op.drop_index("ix_support_record_programme", table_name="support_record")
    op.drop_index("ix_support_record_household", table_name="support_record")
    op.drop_table("support_record")
