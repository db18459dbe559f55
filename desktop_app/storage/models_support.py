"""Support tracking tables (issue 4): ``support_record`` and ``support_programme``.

Kept in its own ``models_*`` module on the shared :class:`Base`; created by
revision ``0004_support``. Both tables are synced (UUID key, timestamps,
revision, tombstone). A support record belongs to a household and, when it
was given to one person, to one member; amounts are whole VND.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import BigInteger, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.storage.models import JSONType, Base, Synced


class SupportRecordRow(Synced, Base):
    """One support delivered to a household (or one of its members)."""

    __tablename__ = "support_record"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"))
    programme: Mapped[str] = mapped_column(String(40))
    date: Mapped[_dt.date] = mapped_column(Date)
    amount_vnd: Mapped[int | None] = mapped_column(BigInteger)
    quantity: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    term_months: Mapped[int | None] = mapped_column(Integer)
    purpose: Mapped[str | None] = mapped_column(String)
    batch_id: Mapped[str | None] = mapped_column(String(64))
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    __table_args__ = (
        Index("ix_support_record_household", "household_id", "date"),
        Index("ix_support_record_programme", "programme", "date"),
        Index("ix_support_record_date", "date"),
    )


class SupportProgrammeRow(Synced, Base):
    """A local programme the commune added to the shipped catalogue."""

    __tablename__ = "support_programme"

    commune_id: Mapped[str | None] = mapped_column(ForeignKey("commune.id"))
    code: Mapped[str] = mapped_column(String(40))
    name_vi: Mapped[str] = mapped_column(String)
    name_en: Mapped[str] = mapped_column(String)
    unit_vi: Mapped[str] = mapped_column(String(40))
    unit_en: Mapped[str] = mapped_column(String(40))
    per: Mapped[str] = mapped_column(String(16))
    default_source: Mapped[str] = mapped_column(String(32))
    recipients: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_support_programme_code", "code"),)
