"""Tables of the sync feature (revision ``0005_sync``); local bookkeeping, never synced.

* ``sync_key`` - this installation's own keys (metadata; the private keys live
  in ``<data_dir>/keys/<key_id>.cprpriv``, mode 0600);
* ``sync_peer`` - enrolled keys of other installations (a commune enrols its
  receiving office; the office enrols every commune device), with revocation
  and rotation state;
* ``sync_export`` - packages this commune installation exported (sequence,
  manifest hash, the watermark of the rows it holds);
* ``sync_import`` - packages this office imported (sequence per commune and
  device, counts, warnings, the receipt issued);
* ``sync_receipt`` - receipts issued (office) and received (commune);
* ``sync_conflict`` - two devices of one commune changed the same row: both
  versions, until a person chooses one;
* ``sync_row_origin`` - at the office: which commune and device last wrote
  each imported row (ownership and conflict detection);
* ``sync_audit`` - at the office: the communes' audit log rows.

None of these tables has the synced columns, so they never travel.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import Boolean, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.storage.models import ID_LENGTH, Base, JSONType, utcnow

KEY_ID_LENGTH = 32
CODE_LENGTH = 32
DEVICE_LENGTH = 64


class SyncKeyRow(Base):
    """One of this installation's own key pairs (the newest active one signs)."""

    __tablename__ = "sync_key"

    key_id: Mapped[str] = mapped_column(String(KEY_ID_LENGTH), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    name: Mapped[str] = mapped_column(String)
    device_id: Mapped[str | None] = mapped_column(String(DEVICE_LENGTH))
    fingerprint: Mapped[str] = mapped_column(String(48))
    enc_fingerprint: Mapped[str | None] = mapped_column(String(48))
    document: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[_dt.datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SyncPeerRow(Base):
    """An enrolled key of another installation (commune device or office)."""

    __tablename__ = "sync_peer"

    key_id: Mapped[str] = mapped_column(String(KEY_ID_LENGTH), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    name: Mapped[str] = mapped_column(String)
    device_id: Mapped[str | None] = mapped_column(String(DEVICE_LENGTH))
    fingerprint: Mapped[str] = mapped_column(String(48))
    enc_fingerprint: Mapped[str | None] = mapped_column(String(48))
    document: Mapped[str] = mapped_column(Text)
    enrolled_at: Mapped[_dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[_dt.datetime | None] = mapped_column()
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    revocation: Mapped[str | None] = mapped_column(Text)
    superseded_by: Mapped[str | None] = mapped_column(String(KEY_ID_LENGTH))

    __table_args__ = (Index("ix_sync_peer_role_code", "role", "code"),)


class SyncExportRow(Base):
    """A package exported by this (commune) installation."""

    __tablename__ = "sync_export"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(DEVICE_LENGTH))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    base_receipt_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[_dt.datetime] = mapped_column(default=utcnow)
    counts: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    watermark: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    file_name: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("device_id", "sequence"),)


class SyncImportRow(Base):
    """A package imported by this (office) installation."""

    __tablename__ = "sync_import"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    commune_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    commune_name: Mapped[str] = mapped_column(String)
    device_id: Mapped[str] = mapped_column(String(DEVICE_LENGTH))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    signer_key_id: Mapped[str] = mapped_column(String(KEY_ID_LENGTH))
    created_at: Mapped[str] = mapped_column(String(32))
    imported_at: Mapped[_dt.datetime] = mapped_column(default=utcnow)
    app_version: Mapped[str | None] = mapped_column(String(64))
    counts: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    applied: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    warnings: Mapped[list[Any] | None] = mapped_column(JSONType)
    standards: Mapped[list[Any] | None] = mapped_column(JSONType)
    receipt_id: Mapped[str | None] = mapped_column(String(64))
    backup: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("commune_code", "device_id", "sequence"),
        UniqueConstraint("manifest_sha256"),
    )


class SyncReceiptRow(Base):
    """A receipt issued by this office (``direction`` ``issued``) or received
    by this commune installation (``received``); ``document`` is its canonical JSON."""

    __tablename__ = "sync_receipt"

    receipt_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))
    commune_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    device_id: Mapped[str] = mapped_column(String(DEVICE_LENGTH))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    accepted_at: Mapped[str] = mapped_column(String(32))
    recorded_at: Mapped[_dt.datetime] = mapped_column(default=utcnow)
    document: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_sync_receipt_commune", "direction", "commune_code", "device_id", "sequence"),)


class SyncConflictRow(Base):
    """Two versions of one row from different devices of the same commune."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    commune_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    local_device: Mapped[str | None] = mapped_column(String(DEVICE_LENGTH))
    incoming_device: Mapped[str] = mapped_column(String(DEVICE_LENGTH))
    local: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    incoming: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    detected_at: Mapped[_dt.datetime] = mapped_column(default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    resolved_at: Mapped[_dt.datetime | None] = mapped_column()
    resolution: Mapped[str | None] = mapped_column(String(16))
    resolved_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (Index("ix_sync_conflict_open", "resolved", "commune_code"),)


class SyncRowOriginRow(Base):
    """At the office: the commune and device that last wrote an imported row."""

    __tablename__ = "sync_row_origin"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    commune_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    device_id: Mapped[str] = mapped_column(String(DEVICE_LENGTH))
    revision: Mapped[int] = mapped_column(Integer)


class SyncAuditRow(Base):
    """At the office: one audit log row of a commune device, as received."""

    __tablename__ = "sync_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    commune_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    device_id: Mapped[str] = mapped_column(String(DEVICE_LENGTH))
    source_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[_dt.datetime | None] = mapped_column()
    user: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str | None] = mapped_column(String(40))
    table_name: Mapped[str | None] = mapped_column(String(40))
    row_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    old: Mapped[Any | None] = mapped_column(JSONType)
    new: Mapped[Any | None] = mapped_column(JSONType)

    __table_args__ = (UniqueConstraint("commune_code", "device_id", "source_id"),)
