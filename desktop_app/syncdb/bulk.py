"""Fast bulk inserts inside the caller's transaction.

On PostgreSQL rows go through ``COPY … FROM STDIN`` (psycopg 3), many times
faster than ``executemany``; JSON columns are sent as JSON text and times as
aware ``timestamptz`` values. On SQLite, a Core ``executemany`` (already fast
there). Values are those of :func:`desktop_app.syncdb.rows.decode_row`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Table
from sqlalchemy.engine import Connection

#: rows per ``executemany`` call on SQLite
BATCH = 5000


def _is_json(column: Any) -> bool:
    typ = column.type
    return isinstance(typ, JSON) or isinstance(getattr(typ, "impl", None), JSON)


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], skip: tuple[str, ...] = ()) -> None:
    """Insert ``rows`` (dicts with every column of ``table`` but ``skip``, e.g.
    an autoincrement key) into ``table``."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        for i in range(0, len(rows), BATCH):
            conn.execute(table.insert(), list(rows[i : i + BATCH]))
        return
    from psycopg.types.json import Json

    columns = [c for c in table.c.keys() if c not in skip]
    json_cols = {c.key for c in table.c if _is_json(c)}
    names = ", ".join(f'"{c}"' for c in columns)
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([Json(row[c]) if c in json_cols and row[c] is not None else row[c] for c in columns])
