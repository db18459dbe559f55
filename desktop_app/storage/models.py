"""SQLAlchemy models of the register (one shared :class:`Base`).

Tables: ``meta`` (local key/value settings), ``commune``, ``village``,
``household``, ``member``, ``survey_round``, ``survey``, ``classification`` and
the append-only ``audit_log``. Every *synced* table (all but ``meta`` and
``audit_log``) has the columns of :class:`Synced`: a UUID string primary key
made on the device, ``created_at`` / ``updated_at`` (timezone-aware UTC),
``revision`` (incremented on every change, see :func:`_bump_revision`) and
``deleted`` (a tombstone: rows are never physically deleted).

The schema works on SQLite and PostgreSQL alike: dates of birth and survey
dates are ISO text exactly as in ``household-record/1``, lists and dicts are
:class:`sqlalchemy.JSON` (``none_as_null``: ``None`` is SQL ``NULL``).

The database schema itself is created by the Alembic migrations in
``storage/migrations``; a model change needs a new revision there (a test
compares the migrated schema with these models).
"""

from __future__ import annotations

import datetime as _dt
import importlib
import pkgutil
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    inspect,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from desktop_app.standards.model import INDICATOR_KEYS

#: The 12 indicators in the order of the bits of ``deprived_mask`` /
#: ``unknown_mask`` (bit i = i-th key). One definition for the whole
#: application: the standards model's. Stored masks depend on it, so keys may
#: only ever be appended (tests/test_services.py pins the first twelve).
INDICATOR_ORDER: tuple[str, ...] = INDICATOR_KEYS

#: longest id (primary or foreign key); ids made here are 36-character UUIDs,
#: ids coming with household records may be any text up to this length
ID_LENGTH = 64

INDICATOR_BIT: dict[str, int] = {key: 1 << i for i, key in enumerate(INDICATOR_ORDER)}

COMMUNE_MODES = ("commune", "district")
VILLAGE_KINDS = ("village", "residential_group")
ROUND_KINDS = ("periodic", "ad_hoc")
ROUND_STATUSES = ("open", "closed")
CATEGORIES = ("poor", "near_poor", "middle", "not_poor", "incomplete")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def load_all_models() -> MetaData:
    """Import every ``desktop_app.storage.models_*`` module and return the
    shared metadata.

    Later features may keep their tables in their own module
    (``storage/models_support.py`` ...) on the shared :class:`Base`; the
    migrations environment and the schema test call this to see them all.
    """
    import desktop_app.storage as storage_pkg

    for info in pkgutil.iter_modules(storage_pkg.__path__):
        if info.name.startswith("models_"):
            importlib.import_module(f"desktop_app.storage.{info.name}")
    return Base.metadata


def new_id() -> str:
    """A new random UUID string (primary keys are made on the device)."""
    return str(uuid.uuid4())


def utcnow() -> _dt.datetime:
    """The current time, timezone-aware, in UTC."""
    return _dt.datetime.now(_dt.timezone.utc)


def indicator_masks(indicators: Mapping[str, str]) -> tuple[int, int]:
    """``(deprived_mask, unknown_mask)`` of a ``{key: "yes"|"no"|"unknown"}`` dict.

    Bit ``i`` stands for ``INDICATOR_ORDER[i]``; keys outside the 12 are ignored.
    """
    deprived = unknown = 0
    for key, state in indicators.items():
        bit = INDICATOR_BIT.get(key)
        if bit is None:
            continue
        if state == "yes":
            deprived |= bit
        elif state == "unknown":
            unknown |= bit
    return deprived, unknown


class UTCDateTime(TypeDecorator[_dt.datetime]):
    """A timezone-aware UTC timestamp on every database.

    PostgreSQL keeps it as ``timestamptz``; SQLite as ISO text of the UTC time.
    Values read back are always aware and in UTC; naive values are refused.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: _dt.datetime | None, dialect) -> _dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC timestamp column")
        value = value.astimezone(_dt.timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: _dt.datetime | None, dialect) -> _dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=_dt.timezone.utc)
        return value.astimezone(_dt.timezone.utc)


JSONType = JSON(none_as_null=True)


class Base(DeclarativeBase):
    """Declarative base shared by every table of the register."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        _dt.datetime: UTCDateTime(),
        dict[str, Any]: JSONType,
        list[Any]: JSONType,
        Any: JSONType,
    }


class Synced:
    """Columns every synced table has (see the module docstring)."""

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    created_at: Mapped[_dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[_dt.datetime] = mapped_column(default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


@event.listens_for(Synced, "before_update", propagate=True)
def _bump_revision(mapper, connection, target: Synced) -> None:
    """Increment ``revision`` and refresh ``updated_at`` on every ORM update
    that changes a column, unless the caller set them itself (sync import)."""
    state = inspect(target)
    if not state.session or not state.session.is_modified(target, include_collections=False):
        return
    if not state.attrs.revision.history.has_changes():
        target.revision = (target.revision or 0) + 1
    if not state.attrs.updated_at.history.has_changes():
        target.updated_at = utcnow()


def synced_defaults(now: _dt.datetime) -> dict[str, Any]:
    """Values of the :class:`Synced` columns (but ``id``) for a new row made by
    a bulk Core insert."""
    return {"created_at": now, "updated_at": now, "revision": 1, "deleted": False}


class MetaRow(Base):
    """Local settings of this installation (not synced)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class CommuneRow(Synced, Base):
    """A commune (xã, phường, đặc khu) whose households are kept here."""

    __tablename__ = "commune"

    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String)
    province: Mapped[str | None] = mapped_column(String)
    default_area: Mapped[str | None] = mapped_column(String(16))
    default_region: Mapped[str | None] = mapped_column(String(40))
    office_label: Mapped[str | None] = mapped_column(String)
    mode: Mapped[str] = mapped_column(String(16), default="commune")

    __table_args__ = (Index("ix_commune_code", "code"),)


class VillageRow(Synced, Base):
    """A village (thôn, bản, ấp) or residential group (tổ dân phố) of a commune."""

    __tablename__ = "village"

    commune_id: Mapped[str] = mapped_column(ForeignKey("commune.id"))
    name: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String(20), default="village")
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_village_commune", "commune_id", "position"),)


class HouseholdRow(Synced, Base):
    """A household; ``id`` is the record's ``household_id``, ``code`` the short
    human code (``TD-0012``) printed on lists."""

    __tablename__ = "household"

    commune_id: Mapped[str] = mapped_column(ForeignKey("commune.id"))
    village_id: Mapped[str | None] = mapped_column(ForeignKey("village.id"))
    code: Mapped[str] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String)
    area: Mapped[str | None] = mapped_column(String(16))
    region: Mapped[str | None] = mapped_column(String(40))
    agricultural: Mapped[bool | None] = mapped_column(Boolean)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    __table_args__ = (
        Index("ix_household_village", "village_id"),
        Index("ix_household_commune_code", "commune_id", "code"),
    )


class MemberRow(Synced, Base):
    """A member of a household; ``id`` is the record's ``member_id``."""

    __tablename__ = "member"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    full_name: Mapped[str] = mapped_column(String)
    name_folded: Mapped[str] = mapped_column(String)
    sex: Mapped[str | None] = mapped_column(String(8))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    id_number: Mapped[str | None] = mapped_column(String(12))
    relation: Mapped[str | None] = mapped_column(String(16))
    ethnicity: Mapped[str | None] = mapped_column(String(40))
    able_to_work: Mapped[bool | None] = mapped_column(Boolean)
    disability: Mapped[str | None] = mapped_column(String(24))
    employment: Mapped[str | None] = mapped_column(String(32))
    health_insurance: Mapped[bool | None] = mapped_column(Boolean)
    education: Mapped[str | None] = mapped_column(String(32))
    studying: Mapped[bool | None] = mapped_column(Boolean)
    vocational_certificate: Mapped[bool | None] = mapped_column(Boolean)
    in_school: Mapped[bool | None] = mapped_column(Boolean)
    nutrition: Mapped[str | None] = mapped_column(String(16))
    meritorious: Mapped[bool | None] = mapped_column(Boolean)
    social_protection: Mapped[bool | None] = mapped_column(Boolean)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    __table_args__ = (
        Index("ix_member_household", "household_id", "position"),
        Index("ix_member_name_folded", "name_folded"),
        Index("ix_member_id_number", "id_number"),
    )


class RoundRow(Synced, Base):
    """A survey round (đợt rà soát): periodic or ad hoc, under one standard."""

    __tablename__ = "survey_round"

    commune_id: Mapped[str] = mapped_column(ForeignKey("commune.id"))
    name: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String(16), default="periodic")
    standard_id: Mapped[str] = mapped_column(String(40))
    standard_version: Mapped[str | None] = mapped_column(String(40))
    start_date: Mapped[_dt.date | None] = mapped_column(Date)
    end_date: Mapped[_dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")

    __table_args__ = (Index("ix_survey_round_commune", "commune_id"),)


class SurveyRow(Synced, Base):
    """The survey (Phiếu B, plus Phiếu A answers and the income worksheet) of a
    household in a round; at most one per (round, household)."""

    __tablename__ = "survey"

    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    date: Mapped[str] = mapped_column(String(10))
    standard: Mapped[str | None] = mapped_column(String(40))
    score_a: Mapped[int | None] = mapped_column(Integer)
    b1_answers: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    income_per_capita: Mapped[float | None] = mapped_column(Float)
    house_none: Mapped[bool | None] = mapped_column(Boolean)
    walls_durable: Mapped[bool | None] = mapped_column(Boolean)
    columns_durable: Mapped[bool | None] = mapped_column(Boolean)
    roof_durable: Mapped[bool | None] = mapped_column(Boolean)
    floor_area_m2: Mapped[float | None] = mapped_column(Float)
    water_source: Mapped[str | None] = mapped_column(String(32))
    latrine: Mapped[str | None] = mapped_column(String(32))
    internet_use: Mapped[bool | None] = mapped_column(Boolean)
    info_devices: Mapped[list[Any] | None] = mapped_column(JSONType)
    hears_loudspeaker: Mapped[bool | None] = mapped_column(Boolean)
    poverty_causes: Mapped[list[Any] | None] = mapped_column(JSONType)
    quick_screen: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    income_worksheet: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    __table_args__ = (
        UniqueConstraint("round_id", "household_id"),
        Index("ix_survey_household", "household_id"),
    )


class ClassificationRow(Synced, Base):
    """The (proposed) classification of a household in a round, as computed by
    the classification engine; one current row per (round, household)."""

    __tablename__ = "classification"

    survey_id: Mapped[str | None] = mapped_column(ForeignKey("survey.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    round_id: Mapped[str] = mapped_column(ForeignKey("survey_round.id"))
    standard_id: Mapped[str] = mapped_column(String(40))
    standard_version: Mapped[str | None] = mapped_column(String(40))
    app_version: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(16))
    score_a: Mapped[int | None] = mapped_column(Integer)
    score_b: Mapped[int | None] = mapped_column(Integer)
    income_per_capita: Mapped[float | None] = mapped_column(Float)
    indicators: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    reasons: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    missing: Mapped[list[Any] | None] = mapped_column(JSONType)
    warnings: Mapped[list[Any] | None] = mapped_column(JSONType)
    deprived_mask: Mapped[int] = mapped_column(Integer, default=0)
    unknown_mask: Mapped[int] = mapped_column(Integer, default=0)
    computed_at: Mapped[_dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("round_id", "household_id"),
        Index("ix_classification_round_category", "round_id", "category"),
    )


class AuditLogRow(Base):
    """One change made through a service (append-only; never updated)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[_dt.datetime] = mapped_column(default=utcnow)
    user: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    table_name: Mapped[str | None] = mapped_column(String(40))
    row_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    old: Mapped[Any | None] = mapped_column(JSONType)
    new: Mapped[Any | None] = mapped_column(JSONType)

    __table_args__ = (Index("ix_audit_log_row", "table_name", "row_id"),)
