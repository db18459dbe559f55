"""Office side: import a commune's package into the register, issue the receipt.

:func:`import_package`:

1. verifies the package completely (:func:`desktop_app.sync.read_package`
   with the enrolled keys, revocations, this office's keys and the last
   accepted sequence per commune and device);
2. decodes and checks every record (:func:`.validate.parse_package`);
3. backs a SQLite register up (``<data_dir>/backups/before-import-…``);
4. in ONE transaction: re-checks the sequence, checks records against the
   stored rows (:func:`.validate.check_against_database`), then writes, and
   records the import and the signed receipt. Any refusal rolls everything back.

Rows are applied one by one by id (they are UUIDs made on the devices):

* a new row is inserted, and ``sync_row_origin`` records its commune and device;
* the same content again changes nothing (importing a package twice is refused
  as a replay anyway);
* a newer revision from the device that wrote the stored row replaces it; an
  older one is ignored (stale);
* a *different* content from **another device** of the same commune is never
  applied silently: both versions go to ``sync_conflict`` for a person to
  choose (:mod:`.conflicts`), and the stored row stays until then. Only a
  version older in both revision and ``updated_at`` than the stored one is
  taken as an old copy (stale), not as a conflict.
* a row that exists but belongs to another commune (or to the office itself)
  refuses the whole package (:mod:`.validate`).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from desktop_app.storage.database import BACKUP_DIRNAME, Database, backup_sqlite
from desktop_app.storage.models import utcnow
from desktop_app.storage.models_sync import (
    SyncAuditRow,
    SyncConflictRow,
    SyncImportRow,
    SyncReceiptRow,
    SyncRowOriginRow,
)
from desktop_app.sync.errors import ReplayedPackage, refuse as sync_refuse
from desktop_app.sync.keys import ROLE_DISTRICT
from desktop_app.sync.package import VerifiedPackage, read_package
from desktop_app.sync.receipt import Receipt, make_receipt
from desktop_app.syncdb import keystore
from desktop_app.syncdb.bulk import bulk_insert
from desktop_app.syncdb.rows import encode_value, synced_tables
from desktop_app.syncdb.validate import Plan, Stored, chunks, check_against_database, load_stored, parse_package


@dataclass(frozen=True)
class ImportResult:
    """What one import did (``applied`` per table: inserted/updated/unchanged/stale/conflicts)."""

    commune_code: str
    commune_name: str
    device_id: str
    sequence: int
    kind: str
    manifest_sha256: str
    counts: dict[str, int]
    applied: dict[str, dict[str, int]]
    conflicts: int
    warnings: list[str]
    receipt: Receipt
    backup: Path | None


def last_sequences(conn: Connection) -> dict[tuple[str, str], int]:
    """``(commune code, device id) -> last accepted sequence``."""
    i = SyncImportRow.__table__
    stmt = select(i.c.commune_code, i.c.device_id, func.max(i.c.sequence)).group_by(i.c.commune_code, i.c.device_id)
    return {(c, d): n for c, d, n in conn.execute(stmt)}


def verify(db: Database, data_dir: Path, source: str | os.PathLike | bytes,
           name: str | None = None) -> VerifiedPackage:
    """Read and verify a package against this office's key store (no writes)."""
    keystore.require_role(db, ROLE_DISTRICT)
    my_keys = keystore.all_own_keys(db, data_dir)
    with db.session() as s:
        book = keystore.peer_book(s)
        last = last_sequences(s.connection())
    return read_package(source, trusted_keys=book.trusted, revoked=book.revoked, my_keys=my_keys,
                        last_sequence=lambda code, device: last.get((code, device)), name=name)


def import_package(db: Database, data_dir: Path, source: str | os.PathLike | bytes, *,
                   backup: bool = True, name: str | None = None) -> ImportResult:
    """Verify, validate and apply a package in one transaction; return what it did
    and the signed receipt (also stored, see :func:`desktop_app.syncdb.receipts.latest_receipt`)."""
    if name is None and not isinstance(source, (bytes, bytearray)):
        name = Path(source).name
    pkg = verify(db, data_dir, source, name)
    name = name or "sync package"
    manifest = pkg.manifest
    with db.session() as s:
        tables = synced_tables(s.connection())
    plan = parse_package(pkg, tables, name)
    backup_path = None
    if backup and db.dialect == "sqlite" and db.path is not None:
        backup_path = backup_sqlite(db.path, Path(db.data_dir or data_dir) / BACKUP_DIRNAME,
                                    f"before-import-{manifest.commune_code}-{manifest.device_id}-{manifest.sequence}")
    keys = keystore.own_keys(db, data_dir)
    receipt = make_receipt(manifest, keys, counts=plan.counts())
    try:
        with db.transaction() as s:
            conn = s.connection()
            last = last_sequences(conn).get((manifest.commune_code, manifest.device_id))
            if last is not None and manifest.sequence <= last:
                raise sync_refuse(ReplayedPackage, "sync.replayed", name=name, commune=manifest.commune_code,
                                  device=manifest.device_id, sequence=manifest.sequence, last=last)
            stored = load_stored(conn, plan)
            check_against_database(conn, plan, stored)
            applied, conflicts = apply_rows(conn, plan, stored, manifest.sha256)
            _store_audit(conn, plan)
            warnings = [w.message for w in pkg.warnings]
            conn.execute(SyncImportRow.__table__.insert(), [{
                "commune_code": manifest.commune_code, "commune_name": manifest.commune_name,
                "device_id": manifest.device_id, "sequence": manifest.sequence, "kind": manifest.kind,
                "manifest_sha256": manifest.sha256, "signer_key_id": manifest.signer_key_id,
                "created_at": manifest.created_at, "imported_at": utcnow(), "app_version": manifest.app_version,
                "counts": plan.counts(), "applied": applied, "warnings": warnings,
                "standards": list(manifest.standards), "receipt_id": receipt.receipt_id,
                "backup": str(backup_path) if backup_path else None}])
            conn.execute(SyncReceiptRow.__table__.insert(), [{
                "receipt_id": receipt.receipt_id, "direction": "issued", "commune_code": receipt.commune_code,
                "device_id": receipt.device_id, "sequence": receipt.sequence,
                "manifest_sha256": receipt.manifest_sha256, "accepted_at": receipt.accepted_at,
                "recorded_at": utcnow(), "document": receipt.to_bytes().decode("utf-8")}])
    except IntegrityError:
        # another import of the same package committed first
        raise sync_refuse(ReplayedPackage, "sync.replayed", name=name, commune=manifest.commune_code,
                          device=manifest.device_id, sequence=manifest.sequence, last=manifest.sequence) from None
    return ImportResult(manifest.commune_code, manifest.commune_name, manifest.device_id, manifest.sequence,
                        manifest.kind, manifest.sha256, plan.counts(), applied, conflicts, warnings, receipt,
                        backup_path)


def _same(table_columns: list[str], stored: dict[str, Any], incoming: dict[str, Any]) -> bool:
    return all(stored.get(c) == incoming.get(c) for c in table_columns)


def _newer(incoming: dict[str, Any], stored: dict[str, Any]) -> bool:
    if incoming["revision"] != stored["revision"]:
        return incoming["revision"] > stored["revision"]
    return incoming["updated_at"] > stored["updated_at"]


def _older_copy(incoming: dict[str, Any], stored: dict[str, Any]) -> bool:
    """Whether another device's version is older in both revision and time:
    taken as an old copy of the stored row (not an edit), so not a conflict."""
    return incoming["revision"] < stored["revision"] and incoming["updated_at"] <= stored["updated_at"]


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """A row as JSON values (for the conflicts table)."""
    return {k: encode_value(v) for k, v in row.items()}


def apply_rows(conn: Connection, plan: Plan, stored: Stored, manifest_sha256: str) -> tuple[dict[str, dict[str, int]], int]:
    """Write the plan's rows (parents first); return per-table tallies and the
    number of new conflicts."""
    code, device = plan.commune_code, plan.device_id
    origin = SyncRowOriginRow.__table__
    applied: dict[str, dict[str, int]] = {}
    conflicts: list[dict[str, Any]] = []
    now = utcnow()
    c = SyncConflictRow.__table__
    open_conflicts = {(r.table_name, r.row_id, r.incoming_device): (r.id, r.incoming) for r in conn.execute(
        select(c.c.id, c.c.table_name, c.c.row_id, c.c.incoming_device, c.c.incoming).where(
            c.c.commune_code == code, c.c.resolved.is_(False)))}
    superseded: list[str] = []
    for table in plan.tables:
        rows = plan.rows.get(table.name, [])
        if not rows:
            continue
        columns = list(table.c.keys())
        existing, origins = stored.rows.get(table.name, {}), stored.origins.get(table.name, {})
        inserts, updates, new_origins, moved_origins = [], [], [], []
        tally = {"inserted": 0, "updated": 0, "unchanged": 0, "stale": 0, "conflicts": 0}
        for row in rows:
            old = existing.get(row["id"])
            if old is None:
                inserts.append(row)
                new_origins.append({"table_name": table.name, "row_id": row["id"], "commune_code": code,
                                    "device_id": device, "revision": row["revision"]})
                continue
            if _same(columns, old, row):
                tally["unchanged"] += 1
                continue
            owner = origins.get(row["id"])
            if owner is not None and owner[1] != device and _older_copy(row, old):
                tally["stale"] += 1
            elif owner is not None and owner[1] != device:
                pending = open_conflicts.get((table.name, row["id"], device))
                if pending is not None and pending[1] == jsonable(row):
                    tally["unchanged"] += 1
                    continue
                if pending is not None:
                    superseded.append(pending[0])
                conflicts.append({"id": str(uuid.uuid4()), "table_name": table.name, "row_id": row["id"],
                                  "commune_code": code, "local_device": owner[1], "incoming_device": device,
                                  "local": jsonable(old), "incoming": jsonable(row),
                                  "manifest_sha256": manifest_sha256, "detected_at": now, "resolved": False})
                tally["conflicts"] += 1
            elif _newer(row, old):
                updates.append({**row, "b_id": row["id"]})
                moved_origins.append({"b_table": table.name, "b_row": row["id"], "device_id": device,
                                      "revision": row["revision"]})
            else:
                tally["stale"] += 1
        bulk_insert(conn, table, inserts)
        if updates:
            stmt = table.update().where(table.c.id == bindparam("b_id")).values(
                {c: bindparam(c) for c in columns if c != "id"})
            for part in chunks(updates, 5000):
                conn.execute(stmt, list(part))
        bulk_insert(conn, origin, new_origins)
        if moved_origins:
            stmt = origin.update().where(origin.c.table_name == bindparam("b_table"),
                                         origin.c.row_id == bindparam("b_row")).values(
                device_id=bindparam("device_id"), revision=bindparam("revision"))
            conn.execute(stmt, moved_origins)
        tally["inserted"], tally["updated"] = len(inserts), len(updates)
        applied[table.name] = tally
    if superseded:
        conn.execute(c.update().where(c.c.id.in_(superseded)).values(
            resolved=True, resolved_at=now, resolution="superseded"))
    if conflicts:
        conn.execute(c.insert(), conflicts)
    return applied, len(conflicts)


def _store_audit(conn: Connection, plan: Plan) -> None:
    """Keep the commune device's audit rows (each once)."""
    if not plan.audit:
        return
    a = SyncAuditRow.__table__
    low = min(r["id"] for r in plan.audit)
    seen = set(conn.execute(select(a.c.source_id).where(
        a.c.commune_code == plan.commune_code, a.c.device_id == plan.device_id, a.c.source_id >= low)).scalars())
    rows = [{"commune_code": plan.commune_code, "device_id": plan.device_id, "source_id": r["id"],
             **{k: r[k] for k in ("at", "user", "action", "table_name", "row_id", "old", "new")}}
            for r in plan.audit if r["id"] not in seen]
    bulk_insert(conn, a, [{c: r.get(c) for c in a.c.keys() if c != "id"} for r in rows], skip=("id",))


def latest_receipt(db: Database, commune_code: str, device_id: str | None = None) -> bytes:
    """The last receipt issued to a commune (one device, or its latest import
    from any device) as the bytes of a ``.cprrcpt`` file."""
    from desktop_app.syncdb.errors import refuse

    r = SyncReceiptRow
    with db.session() as s:
        stmt = select(r.document).where(r.direction == "issued", r.commune_code == commune_code)
        if device_id is not None:
            stmt = stmt.where(r.device_id == device_id)
        document = s.scalars(stmt.order_by(r.recorded_at.desc(), r.sequence.desc())).first()
    if document is None:
        raise refuse("syncdb.no_receipt", commune=commune_code)
    return document.encode("utf-8")
