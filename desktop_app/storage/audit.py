"""The append-only audit log: who changed what, when, old and new values.

Every service that changes data calls :func:`write_audit` (or
:func:`write_audit_many`) inside its transaction, so the log entry commits or
rolls back together with the change. Rows are only ever inserted. Keeping all
writes here lets a later version chain the rows with hashes in one place.

Values are made JSON-safe (dates become ISO text) by :func:`jsonable`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from desktop_app.storage.models import AuditLogRow, utcnow


def jsonable(value: Any) -> Any:
    """``value`` with dates and timestamps as ISO text, recursively."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    return value


def write_audit(session: Session, *, user: str | None, action: str, table_name: str | None,
                row_id: str | None, old: Any = None, new: Any = None) -> None:
    """Append one audit row in the session's transaction."""
    write_audit_many(session, [{
        "user": user, "action": action, "table_name": table_name,
        "row_id": row_id, "old": old, "new": new,
    }])


def write_audit_many(session: Session, entries: Iterable[Mapping[str, Any]]) -> None:
    """Append several audit rows (keys: user, action, table_name, row_id, old, new)."""
    now = utcnow()
    rows = [{
        "at": now,
        "user": e.get("user"),
        "action": e["action"],
        "table_name": e.get("table_name"),
        "row_id": e.get("row_id"),
        "old": jsonable(e.get("old")),
        "new": jsonable(e.get("new")),
    } for e in entries]
    if rows:
        session.execute(insert(AuditLogRow), rows)
