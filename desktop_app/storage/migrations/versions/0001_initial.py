"""Initial schema: communes, villages, households, members, rounds, surveys,
classifications, the audit log and local settings.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23

This revision is frozen: it must keep creating exactly the first schema even
when the models change later (changes go into new revisions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
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
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=True),
        sa.Column("row_id", sa.String(length=64), nullable=True),
        sa.Column("old", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("new", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_row", "audit_log", ["table_name", "row_id"])

    op.create_table(
        "commune",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("province", sa.String(), nullable=True),
        sa.Column("default_area", sa.String(length=16), nullable=True),
        sa.Column("default_region", sa.String(length=40), nullable=True),
        sa.Column("office_label", sa.String(), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commune")),
    )
    op.create_index("ix_commune_code", "commune", ["code"])

    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "survey_round",
        sa.Column("commune_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("standard_id", sa.String(length=40), nullable=False),
        sa.Column("standard_version", sa.String(length=40), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["commune_id"], ["commune.id"], name=op.f("fk_survey_round_commune_id_commune")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_round")),
    )
    op.create_index("ix_survey_round_commune", "survey_round", ["commune_id"])

    op.create_table(
        "village",
        sa.Column("commune_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["commune_id"], ["commune.id"], name=op.f("fk_village_commune_id_commune")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village")),
    )
    op.create_index("ix_village_commune", "village", ["commune_id", "position"])

    op.create_table(
        "household",
        sa.Column("commune_id", sa.String(length=64), nullable=False),
        sa.Column("village_id", sa.String(length=64), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(), nullable=True),
        sa.Column("area", sa.String(length=16), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=True),
        sa.Column("agricultural", sa.Boolean(), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["commune_id"], ["commune.id"], name=op.f("fk_household_commune_id_commune")),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"], name=op.f("fk_household_village_id_village")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    op.create_index("ix_household_commune_code", "household", ["commune_id", "code"])
    op.create_index("ix_household_village", "household", ["village_id"])

    op.create_table(
        "member",
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("name_folded", sa.String(), nullable=False),
        sa.Column("sex", sa.String(length=8), nullable=True),
        sa.Column("birth_date", sa.String(length=10), nullable=True),
        sa.Column("id_number", sa.String(length=12), nullable=True),
        sa.Column("relation", sa.String(length=16), nullable=True),
        sa.Column("ethnicity", sa.String(length=40), nullable=True),
        sa.Column("able_to_work", sa.Boolean(), nullable=True),
        sa.Column("disability", sa.String(length=24), nullable=True),
        sa.Column("employment", sa.String(length=32), nullable=True),
        sa.Column("health_insurance", sa.Boolean(), nullable=True),
        sa.Column("education", sa.String(length=32), nullable=True),
        sa.Column("studying", sa.Boolean(), nullable=True),
        sa.Column("vocational_certificate", sa.Boolean(), nullable=True),
        sa.Column("in_school", sa.Boolean(), nullable=True),
        sa.Column("nutrition", sa.String(length=16), nullable=True),
        sa.Column("meritorious", sa.Boolean(), nullable=True),
        sa.Column("social_protection", sa.Boolean(), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], name=op.f("fk_member_household_id_household")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    op.create_index("ix_member_household", "member", ["household_id", "position"])
    op.create_index("ix_member_id_number", "member", ["id_number"])
    op.create_index("ix_member_name_folded", "member", ["name_folded"])

    op.create_table(
        "survey",
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("standard", sa.String(length=40), nullable=True),
        sa.Column("score_a", sa.Integer(), nullable=True),
        sa.Column("b1_answers", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("income_per_capita", sa.Float(), nullable=True),
        sa.Column("house_none", sa.Boolean(), nullable=True),
        sa.Column("walls_durable", sa.Boolean(), nullable=True),
        sa.Column("columns_durable", sa.Boolean(), nullable=True),
        sa.Column("roof_durable", sa.Boolean(), nullable=True),
        sa.Column("floor_area_m2", sa.Float(), nullable=True),
        sa.Column("water_source", sa.String(length=32), nullable=True),
        sa.Column("latrine", sa.String(length=32), nullable=True),
        sa.Column("internet_use", sa.Boolean(), nullable=True),
        sa.Column("info_devices", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("hears_loudspeaker", sa.Boolean(), nullable=True),
        sa.Column("poverty_causes", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("quick_screen", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("income_worksheet", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], name=op.f("fk_survey_household_id_household")),
        sa.ForeignKeyConstraint(["round_id"], ["survey_round.id"], name=op.f("fk_survey_round_id_survey_round")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey")),
        sa.UniqueConstraint("round_id", "household_id", name=op.f("uq_survey_round_id_household_id")),
    )
    op.create_index("ix_survey_household", "survey", ["household_id"])

    op.create_table(
        "classification",
        sa.Column("survey_id", sa.String(length=64), nullable=True),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("standard_id", sa.String(length=40), nullable=False),
        sa.Column("standard_version", sa.String(length=40), nullable=True),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("score_a", sa.Integer(), nullable=True),
        sa.Column("score_b", sa.Integer(), nullable=True),
        sa.Column("income_per_capita", sa.Float(), nullable=True),
        sa.Column("indicators", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("reasons", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("missing", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("warnings", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("deprived_mask", sa.Integer(), nullable=False),
        sa.Column("unknown_mask", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], name=op.f("fk_classification_household_id_household")),
        sa.ForeignKeyConstraint(["round_id"], ["survey_round.id"], name=op.f("fk_classification_round_id_survey_round")),
        sa.ForeignKeyConstraint(["survey_id"], ["survey.id"], name=op.f("fk_classification_survey_id_survey")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classification")),
        sa.UniqueConstraint("round_id", "household_id", name=op.f("uq_classification_round_id_household_id")),
    )
    op.create_index("ix_classification_round_category", "classification", ["round_id", "category"])


def downgrade() -> None:
    op.drop_table("classification")
    op.drop_table("survey")
    op.drop_table("member")
    op.drop_table("household")
    op.drop_table("village")
    op.drop_table("survey_round")
    op.drop_table("meta")
    op.drop_table("commune")
    op.drop_table("audit_log")
