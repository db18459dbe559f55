"""Office side: rows two devices of one commune changed differently.

The importer never lets the last package win silently: the stored version
(*local*) stays, and both versions are kept in ``sync_conflict``.
:func:`list_conflicts` lists them (with the household they concern, for the
officer to look up), :func:`resolve_conflict` applies the chosen version:

* ``keep="local"``: the stored row stays as it is;
* ``keep="incoming"``: the row becomes exactly the incoming version, and the
  device that sent it becomes the row's origin (its later revisions apply).

Either way the conflict is marked resolved with the time and the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop_app.services import Changes
from desktop_app.storage.database import Database
from desktop_app.storage.models import utcnow
from desktop_app.storage.models_sync import SyncConflictRow, SyncRowOriginRow
from desktop_app.syncdb.errors import refuse
from desktop_app.syncdb.rows import TableSpec, decode_row, synced_tables

KEEP_CHOICES = ("local", "incoming")


@dataclass(frozen=True)
class ConflictView:
    """One conflict as listed to the officer (JSON-ready)."""

    id: str
    table: str
    row_id: str
    commune_code: str
    household_id: str | None
    local_device: str | None
    incoming_device: str
    local: dict[str, Any]
    incoming: dict[str, Any]
    differences: list[str]
    detected_at: str
    resolved: bool
    resolution: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _differences(local: dict[str, Any], incoming: dict[str, Any]) -> list[str]:
    skip = {"updated_at", "revision", "created_at"}
    return sorted(k for k in set(local) | set(incoming) if k not in skip and local.get(k) != incoming.get(k))


def _view(row: SyncConflictRow) -> ConflictView:
    local, incoming = row.local or {}, row.incoming or {}
    household = incoming.get("household_id") or local.get("household_id")
    if row.table_name == "household":
        household = row.row_id
    return ConflictView(row.id, row.table_name, row.row_id, row.commune_code, household, row.local_device,
                        row.incoming_device, local, incoming, _differences(local, incoming),
                        row.detected_at.isoformat(), row.resolved, row.resolution)


def list_conflicts(db: Database, *, commune_code: str | None = None,
                   include_resolved: bool = False) -> list[ConflictView]:
    """Conflicts (unresolved ones unless ``include_resolved``), oldest first."""
    with db.session() as s:
        stmt = select(SyncConflictRow).order_by(SyncConflictRow.detected_at, SyncConflictRow.id)
        if not include_resolved:
            stmt = stmt.where(SyncConflictRow.resolved.is_(False))
        if commune_code is not None:
            stmt = stmt.where(SyncConflictRow.commune_code == commune_code)
        return [_view(r) for r in s.scalars(stmt)]


def resolve_conflict(db: Database, conflict_id: str, keep: str, *, user: str | None = None) -> Changes:
    """Apply the chosen version of a conflict (see the module docstring)."""
    if keep not in KEEP_CHOICES:
        raise ValueError(f"keep must be one of {KEEP_CHOICES}")
    with db.transaction() as s:
        row = s.get(SyncConflictRow, conflict_id)
        if row is None or row.resolved:
            raise refuse("syncdb.conflict_unknown", conflict_id=conflict_id)
        changes = Changes()
        if keep == "incoming":
            conn = s.connection()
            table = next((t for t in synced_tables(conn) if t.name == row.table_name), None)
            if table is None:
                raise refuse("syncdb.conflict_unknown", conflict_id=conflict_id)
            values = decode_row(TableSpec(table), dict(row.incoming or {}))
            conn.execute(table.update().where(table.c.id == row.row_id).values(
                {k: v for k, v in values.items() if k != "id"}))
            origin = s.get(SyncRowOriginRow, (row.table_name, row.row_id))
            if origin is not None:
                origin.device_id = row.incoming_device
                origin.revision = values["revision"]
            changes = Changes.of(_kind(row.table_name))
        row.resolved = True
        row.resolved_at = utcnow()
        row.resolution = keep
        row.resolved_by = user if user is not None else db.user
        return changes


def _kind(table_name: str) -> str:
    return {"household": "households", "member": "members", "survey": "surveys", "survey_round": "rounds",
            "classification": "classifications", "village": "villages", "commune": "communes"}.get(
        table_name, table_name)
