"""Commune side: export a sync package, import the office's receipt.

:func:`export_package` writes every row changed since the export that the
last received receipt acknowledges (``kind: "delta"``), or every row
(``full=True``, or when no receipt has come back yet: ``kind: "full"``).
Rows of every synced table travel (:func:`desktop_app.syncdb.rows.synced_tables`),
tombstones included, plus the audit log rows, as ``<table>.jsonl`` files.

The *watermark* of an export is, per table, the latest ``updated_at`` it
holds (for the audit log: the highest row id). It is stored with the export
(``sync_export``); the next delta holds the rows whose ``updated_at`` is later
than the watermark of the acknowledged export. Everything runs in one write
transaction, so the rows, the watermark and the stored sequence number agree.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, func, select
from sqlalchemy.orm import Session

from desktop_app.storage.database import Database
from desktop_app.storage.models import AuditLogRow, RoundRow
from desktop_app.storage.models_sync import SyncExportRow, SyncReceiptRow
from desktop_app.storage.records import live
from desktop_app.sync.keys import ROLE_COMMUNE
from desktop_app.sync.package import write_package
from desktop_app.sync.receipt import Receipt, verify_receipt
from desktop_app.syncdb import keystore
from desktop_app.syncdb.errors import refuse
from desktop_app.syncdb.rows import (
    AUDIT_COLUMNS,
    AUDIT_FILE,
    AUDIT_KIND,
    dump_line,
    encode_value,
    file_name,
    synced_tables,
)

#: a table's rows are split into files of at most this many bytes
CHUNK_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export_package` wrote."""

    path: Path
    sequence: int
    kind: str
    counts: dict[str, int]
    manifest_sha256: str
    base_receipt: dict[str, Any] | None


def _last_receipt(s: Session, device_id: str) -> SyncReceiptRow | None:
    return s.scalars(select(SyncReceiptRow).where(SyncReceiptRow.direction == "received",
                                                  SyncReceiptRow.device_id == device_id)
                     .order_by(SyncReceiptRow.sequence.desc())).first()


def _parse_mark(value: str | None) -> _dt.datetime | None:
    return None if value is None else _dt.datetime.fromisoformat(value)


def _table_files(name: str, lines: list[str]) -> dict[str, bytes]:
    """Split a table's lines into payload files of at most :data:`CHUNK_BYTES`."""
    chunks: list[bytes] = []
    current: list[str] = []
    size = 0
    for line in lines:
        n = len(line) + 1
        if current and size + n > CHUNK_BYTES:
            chunks.append(("\n".join(current) + "\n").encode("utf-8"))
            current, size = [], 0
        current.append(line)
        size += n * 2  # upper bound of UTF-8 bytes for Vietnamese text
    if current:
        chunks.append(("\n".join(current) + "\n").encode("utf-8"))
    if len(chunks) == 1:
        return {file_name(name): chunks[0]}
    return {f"{name}.{i:03d}.jsonl": chunk for i, chunk in enumerate(chunks, start=1)}


_dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode


def _is_time(column: Any) -> bool:
    """Whether a column holds dates or times (sent as ISO 8601 text)."""
    typ = column.type
    return isinstance(typ, (DateTime, Date)) or isinstance(getattr(typ, "impl", None), (DateTime, Date))


def collect_rows(s: Session, watermark: dict[str, Any] | None) -> tuple[dict[str, bytes], dict[str, int], dict[str, Any]]:
    """Payload files, counts and the new watermark for rows after ``watermark``
    (``None``: every row)."""
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    new_mark: dict[str, Any] = dict(watermark or {})
    conn = s.connection()
    for table in synced_tables(conn):
        columns = list(table.c.keys())
        stamp_at = columns.index("updated_at")
        convert = [i for i, c in enumerate(table.c) if _is_time(c)]
        stmt = select(*table.c).order_by(table.c.id)
        since = _parse_mark((watermark or {}).get(table.name))
        if since is not None:
            stmt = stmt.where(table.c.updated_at > since)
        lines: list[str] = []
        latest = since
        for row in conn.execute(stmt).all():
            stamp = row[stamp_at]
            if latest is None or stamp > latest:
                latest = stamp
            values = list(row)
            for i in convert:
                if values[i] is not None:
                    values[i] = values[i].isoformat()
            lines.append(_dump(dict(zip(columns, values))))
        if lines:
            files.update(_table_files(table.name, lines))
            counts[table.name] = len(lines)
        if latest is not None:
            new_mark[table.name] = latest.isoformat()
    audit = AuditLogRow.__table__
    after = (watermark or {}).get(AUDIT_KIND)
    stmt = select(*[audit.c[c] for c in AUDIT_COLUMNS]).order_by(audit.c.id)
    if after is not None:
        stmt = stmt.where(audit.c.id > int(after))
    lines = []
    last_id = after
    for row in conn.execute(stmt):
        values = row._mapping
        last_id = values["id"]
        lines.append(dump_line({c: encode_value(values[c]) for c in AUDIT_COLUMNS}))
    if lines:
        for name, data in _table_files(AUDIT_KIND, lines).items():
            files[AUDIT_FILE if name == file_name(AUDIT_KIND) else name] = data
        counts[AUDIT_KIND] = len(lines)
    if last_id is not None:
        new_mark[AUDIT_KIND] = int(last_id)
    return files, counts, new_mark


def export_package(db: Database, data_dir: Path, out: str | os.PathLike, *, full: bool = False) -> ExportResult:
    """Write a package of the changes since the last acknowledged receipt (or a
    full snapshot) to ``out`` atomically, and record it (sequence +1)."""
    inst = keystore.require_role(db, ROLE_COMMUNE)
    keys = keystore.own_keys(db, data_dir)
    office = keystore.load_peers(db).district()
    if office is None:
        raise refuse("syncdb.no_district_key")
    device = inst.device_id or ""
    with db.transaction() as s:
        receipt = _last_receipt(s, device)
        base = {"receipt_id": receipt.receipt_id, "sequence": receipt.sequence} if receipt else None
        watermark = None
        if receipt is not None and not full:
            acknowledged = s.scalars(select(SyncExportRow).where(
                SyncExportRow.device_id == device, SyncExportRow.sequence == receipt.sequence)).first()
            watermark = acknowledged.watermark if acknowledged is not None else None
        kind = "delta" if watermark is not None else "full"
        files, counts, new_mark = collect_rows(s, watermark)
        last = s.scalar(select(func.max(SyncExportRow.sequence)).where(SyncExportRow.device_id == device))
        sequence = (last or 0) + 1
        standards = sorted({sid for sid in s.scalars(select(RoundRow.standard_id).where(live(RoundRow))) if sid})
        fields = {"sequence": sequence, "kind": kind, "base_receipt": base, "commune_name": inst.name,
                  "standards": standards, "counts": counts}
        manifest = write_package(out, fields, files, keys, office)
        s.add(SyncExportRow(device_id=device, sequence=sequence, kind=kind, manifest_sha256=manifest.sha256,
                            base_receipt_id=base["receipt_id"] if base else None, counts=counts,
                            watermark=new_mark, file_name=str(out)))
    return ExportResult(Path(out), sequence, kind, counts, manifest.sha256, base)


def import_receipt(db: Database, data_dir: Path, source: str | os.PathLike | bytes) -> tuple[Receipt, bool]:
    """Verify the office's receipt for one of this installation's exports and
    record it; the next export is then a delta from that export. Returns
    ``(receipt, newly recorded)``."""
    inst = keystore.require_role(db, ROLE_COMMUNE)
    book = keystore.load_peers(db)
    device = inst.device_id or ""
    with db.transaction() as s:
        exported = {row.sequence: row.manifest_sha256 for row in
                    s.scalars(select(SyncExportRow).where(SyncExportRow.device_id == device))}
        receipt = verify_receipt(source, trusted_keys=book.trusted, revoked=book.revoked, commune_code=inst.code,
                                 device_id=device, exported_manifest=exported.get)
        if s.get(SyncReceiptRow, receipt.receipt_id) is not None:
            return receipt, False
        s.add(SyncReceiptRow(receipt_id=receipt.receipt_id, direction="received", commune_code=receipt.commune_code,
                             device_id=receipt.device_id, sequence=receipt.sequence,
                             manifest_sha256=receipt.manifest_sha256, accepted_at=receipt.accepted_at,
                             document=receipt.to_bytes().decode("utf-8")))
    return receipt, True
