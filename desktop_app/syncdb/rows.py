"""Which tables travel, and how their rows become JSON Lines and back.

A table travels when it has every column of
:class:`desktop_app.storage.models.Synced` (``id``, ``created_at``,
``updated_at``, ``revision``, ``deleted``), exists in the open database, and is
not local to an installation (:data:`LOCAL_TABLES`: user accounts). Tables
added by other features (review, support ...) therefore travel without
changes here. Payload files are named ``<table>.jsonl`` (one JSON object per
line, sorted keys) plus ``audit_log.jsonl`` for the audit rows.

:func:`decode_row` is the column-level validation of the importer: unknown
columns are refused, types and lengths are checked, and values are turned
back into what the column stores.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Iterable
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Engine, Float, Integer, Numeric, String, Table, inspect
from sqlalchemy.engine import Connection

from desktop_app.storage.models import AuditLogRow, load_all_models

SYNCED_COLUMNS = frozenset({"id", "created_at", "updated_at", "revision", "deleted"})
#: synced tables that stay on the installation (passwords and logins are local)
LOCAL_TABLES = frozenset({"user_account"})
AUDIT_FILE = "audit_log.jsonl"
AUDIT_KIND = "audit_log"
#: columns of an audit row that travel (``id`` travels as ``source_id``)
AUDIT_COLUMNS = ("id", "at", "user", "action", "table_name", "row_id", "old", "new")


class RowProblem(ValueError):
    """One value of one row is not acceptable (``field``, message key, params)."""

    def __init__(self, field: str, key: str, **params: Any):
        super().__init__(f"{field}: {key}")
        self.field = field
        self.key = key
        self.params = params


def synced_tables(bind: Engine | Connection) -> list[Table]:
    """Tables that travel, parents before children (foreign-key order)."""
    metadata = load_all_models()
    present = set(inspect(bind).get_table_names())
    return [table for table in metadata.sorted_tables
            if SYNCED_COLUMNS <= set(table.c.keys()) and table.name in present and table.name not in LOCAL_TABLES]


def file_name(table: Table | str) -> str:
    """Payload file name of a table."""
    return f"{table if isinstance(table, str) else table.name}.jsonl"


def audit_table() -> Table:
    return AuditLogRow.__table__  # type: ignore[return-value]


# --- encoding -------------------------------------------------------------------


def encode_value(value: Any) -> Any:
    """A column value as JSON (times as ISO 8601 UTC, dates as YYYY-MM-DD)."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        return value.astimezone(_dt.timezone.utc).isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def row_to_json(columns: Iterable[str], row: Any) -> dict[str, Any]:
    """A database row (mapping or sequence in ``columns`` order) as a JSON-ready dict."""
    if hasattr(row, "_mapping"):
        row = row._mapping
    if isinstance(row, dict) or hasattr(row, "keys"):
        return {c: encode_value(row[c]) for c in columns}
    return {c: encode_value(v) for c, v in zip(columns, row)}


def dump_line(obj: dict[str, Any]) -> str:
    """One JSON Lines line (sorted keys, UTF-8 text, no NaN)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def dump_jsonl(rows: Iterable[dict[str, Any]]) -> bytes:
    """Rows as JSON Lines bytes."""
    return "".join(dump_line(r) + "\n" for r in rows).encode("utf-8")


def parse_jsonl(data: bytes, file: str) -> list[dict[str, Any]]:
    """Parse a JSON Lines payload file; raises :class:`RowProblem` naming the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RowProblem(f"{file}", "syncdb.p.not_json") from None
    out: list[dict[str, Any]] = []
    loads = json.loads
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        try:
            obj = loads(line, parse_constant=_no_constant)
        except ValueError:
            raise RowProblem(f"{file}:{number}", "syncdb.p.not_json") from None
        if not isinstance(obj, dict):
            raise RowProblem(f"{file}:{number}", "syncdb.p.not_json")
        out.append(obj)
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


# --- decoding and column validation -------------------------------------------


def _kind(column: Any) -> str:
    typ = column.type
    impl = getattr(typ, "impl", None)
    for candidate in (typ, impl):
        if candidate is None:
            continue
        if isinstance(candidate, DateTime):
            return "datetime"
        if isinstance(candidate, Date):
            return "date"
        if isinstance(candidate, Boolean):
            return "bool"
        if isinstance(candidate, Integer):
            return "int"
        if isinstance(candidate, (Float, Numeric)):
            return "number"
        if isinstance(candidate, String):
            return "text"
        if isinstance(candidate, JSON):
            return "json"
    return "any"


class TableSpec:
    """What :func:`decode_row` needs to know about a table's columns."""

    def __init__(self, table: Table):
        self.table = table
        self.name = table.name
        self.columns = list(table.c.keys())
        self.kinds = {c.key: _kind(c) for c in table.c}
        self.lengths = {c.key: getattr(c.type, "length", None) for c in table.c}
        self.required = {c.key for c in table.c
                         if not c.nullable and c.default is None and c.server_default is None}
        self.nullable = {c.key for c in table.c if c.nullable}
        self.foreign = {c.key: next(iter(c.foreign_keys)).column.table.name for c in table.c if c.foreign_keys}
        #: values of absent optional columns (so every stored row has every column)
        self.fill: dict[str, Any] = {}
        for c in table.c:
            default = c.default.arg if c.default is not None and c.default.is_scalar else None
            if c.nullable or default is not None:
                self.fill[c.key] = default
        #: per column: (key, kind, max length, nullable, may be absent, value when absent)
        self.plan = [(k, self.kinds[k], self.lengths[k], k in self.nullable,
                      k in self.fill and k not in SYNCED_COLUMNS, self.fill.get(k)) for k in self.columns]


def _value(kind: str, length: int | None, field: str, value: Any) -> Any:
    if kind == "text":
        if not isinstance(value, str):
            raise RowProblem(field, "syncdb.p.type", expected="text")
        if length is not None and len(value) > length:
            raise RowProblem(field, "syncdb.p.too_long", max=length)
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise RowProblem(field, "syncdb.p.type", expected="true/false")
        return value
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 2**63 - 1:
            raise RowProblem(field, "syncdb.p.type", expected="integer")
        return value
    if kind == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            raise RowProblem(field, "syncdb.p.type", expected="number")
        return value
    if kind == "datetime":
        try:
            parsed = _dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise RowProblem(field, "syncdb.p.type", expected="UTC time")
        return parsed.astimezone(_dt.timezone.utc)
    if kind == "date":
        try:
            if isinstance(value, str) and len(value) == 10:
                return _dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise RowProblem(field, "syncdb.p.type", expected="YYYY-MM-DD")
    return value


def decode_row(spec: TableSpec, obj: dict[str, Any]) -> dict[str, Any]:
    """Validate one payload object against the table's columns and return the
    values to store; raises :class:`RowProblem`."""
    kinds = spec.kinds
    for k in obj:
        if k not in kinds:
            raise RowProblem(sorted(x for x in obj if x not in kinds)[0], "syncdb.p.unknown_column")
    out: dict[str, Any] = {}
    for key, kind, length, nullable, fill_ok, fill in spec.plan:
        if key not in obj:
            if not fill_ok:
                raise RowProblem(key, "syncdb.p.required")
            out[key] = fill
            continue
        value = obj[key]
        if value is None:
            if not nullable:
                raise RowProblem(key, "syncdb.p.required")
            out[key] = None
        elif kind == "text" and value.__class__ is str and (length is None or len(value) <= length):
            out[key] = value
        elif kind == "json" or kind == "any":
            out[key] = value
        else:
            out[key] = _value(kind, length, key, value)
    if not out["id"]:
        raise RowProblem("id", "syncdb.p.required")
    return out


AUDIT_KINDS = {"id": "int", "at": "datetime", "user": "text", "action": "text", "table_name": "text",
               "row_id": "text", "old": "json", "new": "json"}


def decode_audit(obj: dict[str, Any]) -> dict[str, Any]:
    """Validate one audit row of a package (columns of ``audit_log``)."""
    unknown = [k for k in obj if k not in AUDIT_KINDS]
    if unknown:
        raise RowProblem(sorted(unknown)[0], "syncdb.p.unknown_column")
    if obj.get("id") is None:
        raise RowProblem("id", "syncdb.p.required")
    out: dict[str, Any] = {}
    lengths = {"user": 100, "action": 40, "table_name": 40, "row_id": 64}
    for key, kind in AUDIT_KINDS.items():
        value = obj.get(key)
        out[key] = None if value is None else _value(kind, lengths.get(key), key, value)
    return out
