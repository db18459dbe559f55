"""Office side: check every record of a verified package before anything is written.

Two stages, both raising :class:`desktop_app.syncdb.errors.InvalidRecord`:

1. :func:`parse_package` (no database): payload files map to known tables,
   each line is a JSON object whose columns exist and whose values have the
   column's type (:func:`desktop_app.syncdb.rows.decode_row`), ids are
   unique, the manifest's counts match, commune rows carry the package's
   commune code.
2. :func:`check_against_database` (inside the import transaction, before the
   first write): a row that already exists must belong to the same commune;
   every reference (foreign key) must point to a row of the package or to a
   stored row of the same commune; households with their members and surveys
   pass :func:`desktop_app.domain.record.parse_record` (e.g. nobody born after
   the survey date).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ARRAY, String, Table, any_, bindparam, select
from sqlalchemy.engine import Connection

from desktop_app.domain.record import MEMBER_KEYS, SURVEY_KEYS, parse_record
from desktop_app.errors import ValidationError
from desktop_app.storage.models_sync import SyncRowOriginRow
from desktop_app.sync.package import VerifiedPackage
from desktop_app.syncdb.errors import InvalidRecord, invalid_record
from desktop_app.syncdb.rows import (
    AUDIT_FILE,
    AUDIT_KIND,
    RowProblem,
    TableSpec,
    decode_audit,
    decode_row,
    parse_jsonl,
)

FILE_RE = re.compile(r"^([a-z0-9_]+?)(?:\.(\d{3}))?\.jsonl$")
#: ids per ``IN (…)`` query (SQLite ≥ 3.32 allows 32766 parameters, PostgreSQL 65535)
CHUNK = 5000


@dataclass
class Plan:
    """The decoded rows of a package, per table in foreign-key order."""

    name: str
    commune_code: str
    device_id: str
    tables: list[Table]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    audit: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {name: len(rows) for name, rows in self.rows.items() if rows}
        if self.audit:
            out[AUDIT_KIND] = len(self.audit)
        return out


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def id_in(conn: Connection, column: Any, ids: Sequence[str]) -> Any:
    """``column IN ids``; on PostgreSQL as ``= ANY(array)`` (one parameter, no
    per-id query text)."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(ids), type_=ARRAY(String)))
    return column.in_(list(ids))


def _group_files(pkg: VerifiedPackage, name: str, known: set[str]) -> dict[str, list[bytes]]:
    grouped: dict[str, list[tuple[int, bytes]]] = {}
    for file, data in pkg.files.items():
        if file == AUDIT_FILE:
            grouped.setdefault(AUDIT_KIND, []).append((0, data))
            continue
        m = FILE_RE.match(file)
        table = m.group(1) if m else file
        if m is None or (table not in known and table != AUDIT_KIND):
            raise invalid_record(name, table, file, "file", "syncdb.p.unknown_table")
        grouped.setdefault(table, []).append((int(m.group(2) or 0), data))
    return {t: [d for _, d in sorted(parts)] for t, parts in grouped.items()}


def parse_package(pkg: VerifiedPackage, tables: list[Table], name: str) -> Plan:
    """Decode and check every row of ``pkg`` against ``tables`` (no database)."""
    manifest = pkg.manifest
    plan = Plan(name, manifest.commune_code, manifest.device_id, tables)
    by_name = {t.name: t for t in tables}
    grouped = _group_files(pkg, name, set(by_name))
    for table_name, parts in grouped.items():
        objs: list[dict[str, Any]] = []
        try:
            for i, data in enumerate(parts):
                objs.extend(parse_jsonl(data, f"{table_name}#{i + 1}"))
        except RowProblem as exc:
            raise invalid_record(name, table_name, exc.field, "(line)", exc.key, **exc.params) from None
        if table_name == AUDIT_KIND:
            plan.audit = [_decode(name, AUDIT_KIND, i, obj, decode_audit) for i, obj in enumerate(objs)]
            continue
        spec = TableSpec(by_name[table_name])
        rows = [_decode(name, table_name, i, obj, lambda o, spec=spec: decode_row(spec, o))
                for i, obj in enumerate(objs)]
        seen: set[str] = set()
        for row in rows:
            if row["id"] in seen:
                raise invalid_record(name, table_name, row["id"], "id", "syncdb.p.duplicate")
            seen.add(row["id"])
        plan.rows[table_name] = rows
    _check_counts(plan, manifest.counts, name)
    for row in plan.rows.get("commune", []):
        if row.get("code") != manifest.commune_code:
            raise invalid_record(name, "commune", row["id"], "code", "syncdb.p.wrong_commune",
                                 found=row.get("code"), expected=manifest.commune_code)
        if row.get("mode") not in (None, "commune"):
            raise invalid_record(name, "commune", row["id"], "mode", "syncdb.p.type", expected="commune")
    return plan


def _decode(name: str, table: str, index: int, obj: dict[str, Any], decode) -> dict[str, Any]:
    try:
        return decode(obj)
    except RowProblem as exc:
        row = obj.get("id", f"#{index + 1}")
        raise invalid_record(name, table, row, exc.field, exc.key, **exc.params) from None


def _check_counts(plan: Plan, declared: dict[str, int], name: str) -> None:
    found = plan.counts()
    for kind in sorted(set(declared) | set(found)):
        if declared.get(kind, 0) != found.get(kind, 0):
            params = {"name": name, "table": kind, "declared": declared.get(kind, 0), "found": found.get(kind, 0)}
            from desktop_app.i18n import t

            raise InvalidRecord(t("syncdb.counts_mismatch", **params), "syncdb.counts_mismatch", params)


# --- checks against the stored rows -----------------------------------------------


@dataclass
class Stored:
    """Stored rows and origins for the ids of a package (read in the import transaction)."""

    rows: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    origins: dict[str, dict[str, tuple[str, str, int]]] = field(default_factory=dict)


def load_origins(conn: Connection, table_name: str, ids: Sequence[str]) -> dict[str, tuple[str, str, int]]:
    """``row id -> (commune code, device id, revision)`` of imported rows."""
    o = SyncRowOriginRow.__table__
    out: dict[str, tuple[str, str, int]] = {}
    for part in chunks(list(ids)):
        stmt = select(o.c.row_id, o.c.commune_code, o.c.device_id, o.c.revision).where(
            o.c.table_name == table_name, id_in(conn, o.c.row_id, part))
        for row_id, code, device, revision in conn.execute(stmt):
            out[row_id] = (code, device, revision)
    return out


def load_rows(conn: Connection, table: Table, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for part in chunks(list(ids)):
        for row in conn.execute(select(*table.c).where(id_in(conn, table.c.id, part))):
            values = dict(row._mapping)
            out[values["id"]] = values
    return out


def load_stored(conn: Connection, plan: Plan) -> Stored:
    stored = Stored()
    for table in plan.tables:
        ids = [r["id"] for r in plan.rows.get(table.name, [])]
        if not ids:
            continue
        stored.rows[table.name] = load_rows(conn, table, ids)
        stored.origins[table.name] = load_origins(conn, table.name, list(stored.rows[table.name]))
    return stored


def check_against_database(conn: Connection, plan: Plan, stored: Stored) -> None:
    """Ownership, references and household records (raises :class:`InvalidRecord`)."""
    code, name = plan.commune_code, plan.name
    for table in plan.tables:
        rows = plan.rows.get(table.name, [])
        existing, origins = stored.rows.get(table.name, {}), stored.origins.get(table.name, {})
        for row in rows:
            if row["id"] in existing:
                owner = origins.get(row["id"])
                if owner is None or owner[0] != code:
                    raise invalid_record(name, table.name, row["id"], "id", "syncdb.p.other_commune",
                                         owner=owner[0] if owner else "—")
        _check_references(conn, plan, table, rows)
    _check_households(conn, plan)


def _check_references(conn: Connection, plan: Plan, table: Table, rows: list[dict[str, Any]]) -> None:
    spec = TableSpec(table)
    for column, target in spec.foreign.items():
        in_package = {r["id"] for r in plan.rows.get(target, [])}
        wanted = sorted({r[column] for r in rows if r.get(column) is not None} - in_package)
        if not wanted:
            continue
        owners = load_origins(conn, target, wanted)
        for value in wanted:
            owner = owners.get(value)
            if owner is None:
                target_table = next((t for t in plan.tables if t.name == target), None)
                exists = target_table is not None and bool(load_rows(conn, target_table, [value]))
                row = next(r for r in rows if r.get(column) == value)
                if exists:
                    raise invalid_record(plan.name, table.name, row["id"], column, "syncdb.p.other_commune",
                                         owner="—")
                raise invalid_record(plan.name, table.name, row["id"], column, "syncdb.p.missing_parent",
                                     target=target, value=value)
            if owner[0] != plan.commune_code:
                row = next(r for r in rows if r.get(column) == value)
                raise invalid_record(plan.name, table.name, row["id"], column, "syncdb.p.other_commune",
                                     owner=owner[0])


def _member_dict(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row.get(k) for k in MEMBER_KEYS if k != "member_id"}
    out["member_id"] = row["id"]
    for k, v in (row.get("extra") or {}).items():
        out.setdefault(k, v)
    return out


def _survey_dict(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row.get(k) for k in SURVEY_KEYS}
    for k, v in (row.get("extra") or {}).items():
        out.setdefault(k, v)
    return out


def _check_households(conn: Connection, plan: Plan) -> None:
    """Run the household-record checks on every household whose members or
    surveys arrive (stored members and surveys of the same household count)."""
    members_in = [r for r in plan.rows.get("member", [])]
    surveys_in = [r for r in plan.rows.get("survey", [])]
    if not members_in and not surveys_in:
        return
    tables = {t.name: t for t in plan.tables}
    members: dict[str, dict[str, dict[str, Any]]] = {}
    surveys: dict[str, dict[str, dict[str, Any]]] = {}
    affected = sorted({r["household_id"] for r in members_in} | {r["household_id"] for r in surveys_in})
    stored_households = {t for t in ("member", "survey") if t in tables}
    if stored_households:
        for part in chunks(affected):
            if "member" in tables:
                m = tables["member"]
                for row in conn.execute(select(*m.c).where(id_in(conn, m.c.household_id, part))):
                    values = dict(row._mapping)
                    members.setdefault(values["household_id"], {})[values["id"]] = values
            if "survey" in tables:
                sv = tables["survey"]
                for row in conn.execute(select(*sv.c).where(id_in(conn, sv.c.household_id, part))):
                    values = dict(row._mapping)
                    surveys.setdefault(values["household_id"], {})[values["id"]] = values
    for r in members_in:
        members.setdefault(r["household_id"], {})[r["id"]] = r
    for r in surveys_in:
        surveys.setdefault(r["household_id"], {})[r["id"]] = r
    for hid in affected:
        live_members = sorted((m for m in members.get(hid, {}).values() if not m["deleted"]),
                              key=lambda m: (m.get("position") or 0, m["id"]))
        if not live_members:
            continue
        member_dicts = [_member_dict(m) for m in live_members]
        live_surveys = [s for s in surveys.get(hid, {}).values() if not s["deleted"]] or [None]
        for survey in live_surveys:
            record = {"household_id": hid, "members": member_dicts,
                      "survey": _survey_dict(survey) if survey is not None else None}
            try:
                parse_record(record, label=None)
            except ValidationError as exc:
                table, row_id = "household", hid
                match = re.match(r"members\[(\d+)\]", exc.field)
                if match:
                    table, row_id = "member", live_members[int(match.group(1))]["id"]
                elif exc.field.startswith("survey") and survey is not None:
                    table, row_id = "survey", survey["id"]
                raise invalid_record(plan.name, table, row_id, exc.field, exc.problem) from None
