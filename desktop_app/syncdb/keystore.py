"""The key store: this installation's keys and the enrolled keys of others.

* This installation's **role** follows its register: ``district`` when a live
  commune row has ``mode = "district"`` (a receiving office), else
  ``commune``. Its code and name are that row's.
* A commune installation has a **device id** (``meta`` key ``sync.device_id``,
  made once, e.g. ``dev-3f2a91c0``): packages are numbered per device.
* **Private keys** live in ``<data_dir>/keys/<key_id>.cprpriv`` (mode 0600),
  created lazily on first need. When the environment variable
  ``CPR_KEY_PASSPHRASE`` is set, the file is sealed with that passphrase
  (Argon2id + ChaCha20-Poly1305) and the same variable must be set to use it;
  otherwise only the file permissions protect it (see docs/sync-package.md §1).
  Metadata (key id, fingerprints, public document) is in ``sync_key``.
* **Enrolled keys** (``sync_peer``): the office enrols each commune device's
  key, a commune enrols its office's key. A revoked key stays listed with the
  signed revocation record, date and reason.
"""

from __future__ import annotations

import datetime as _dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.storage.database import Database
from desktop_app.storage.models import CommuneRow, MetaRow, utcnow
from desktop_app.storage.models_sync import SyncKeyRow, SyncPeerRow
from desktop_app.storage.records import live
from desktop_app.sync import canonical as cj
from desktop_app.sync.keys import (
    ROLE_COMMUNE,
    ROLE_DISTRICT,
    InstallationKeys,
    PublicKeyInfo,
    Revocation,
    load_public_key,
    make_revocation,
    verify_revocation,
    verify_rotation,
)
from desktop_app.syncdb.errors import refuse

PASSPHRASE_ENV = "CPR_KEY_PASSPHRASE"
KEYS_DIRNAME = "keys"
DEVICE_META = "sync.device_id"


def passphrase() -> str | None:
    """The key passphrase from ``$CPR_KEY_PASSPHRASE`` (None when unset or empty)."""
    return os.environ.get(PASSPHRASE_ENV) or None


def keys_dir(data_dir: Path) -> Path:
    """``<data_dir>/keys`` (created owner-only when needed)."""
    path = Path(data_dir) / KEYS_DIRNAME
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
    return path


@dataclass(frozen=True)
class Installation:
    """Who this installation is: role, unit code and name, commune row, device."""

    role: str
    code: str
    name: str
    commune_id: str
    device_id: str | None


def _own_commune(s: Session) -> CommuneRow:
    rows = s.scalars(select(CommuneRow).where(live(CommuneRow)).order_by(CommuneRow.created_at)).all()
    district = [r for r in rows if r.mode == ROLE_DISTRICT]
    if district:
        return district[0]
    if not rows:
        raise refuse("syncdb.not_set_up")
    return rows[0]


def installation(db: Database) -> Installation:
    """This installation's role, unit and (commune) device id (made once)."""
    with db.transaction() as s:
        row = _own_commune(s)
        device = None
        if row.mode != ROLE_DISTRICT:
            meta = s.get(MetaRow, DEVICE_META)
            if meta is None or not meta.value:
                meta = MetaRow(key=DEVICE_META, value=f"dev-{secrets.token_hex(4)}")
                s.merge(meta)
            device = meta.value
        role = ROLE_DISTRICT if row.mode == ROLE_DISTRICT else ROLE_COMMUNE
        return Installation(role, row.code, row.name, row.id, device)


def require_role(db: Database, role: str) -> Installation:
    """This installation, or a refusal when it does not have ``role``."""
    inst = installation(db)
    if inst.role != role:
        raise refuse("syncdb.not_district" if role == ROLE_DISTRICT else "syncdb.not_commune")
    return inst


def own_keys(db: Database, data_dir: Path, *, create: bool = True) -> InstallationKeys:
    """This installation's current keys, made (and recorded) on first need."""
    inst = installation(db)
    with db.session() as s:
        row = s.scalars(select(SyncKeyRow).where(SyncKeyRow.active.is_(True))
                        .order_by(SyncKeyRow.created_at.desc())).first()
        if row is not None and row.role == inst.role and (row.code, row.device_id) == (inst.code, inst.device_id):
            return InstallationKeys.load(keys_dir(data_dir) / row.file_name, passphrase())
    if not create:
        raise refuse("syncdb.not_set_up")
    keys = InstallationKeys.generate(inst.role, inst.code, inst.name, device_id=inst.device_id)
    file_name = f"{keys.key_id}.cprpriv"
    keys.save(keys_dir(data_dir) / file_name, passphrase())
    info = keys.public
    with db.transaction() as s:
        for old in s.scalars(select(SyncKeyRow).where(SyncKeyRow.active.is_(True))):
            old.active = False
        s.add(SyncKeyRow(key_id=info.key_id, role=info.role, code=info.code, name=info.name,
                         device_id=info.device_id, fingerprint=info.signing_fingerprint,
                         enc_fingerprint=info.encryption_fingerprint, document=info.to_bytes().decode("utf-8"),
                         file_name=file_name, active=True))
    return keys


def all_own_keys(db: Database, data_dir: Path) -> list[InstallationKeys]:
    """Every key of this installation whose file is present, the current one first
    (an office keeps old keys to open packages still addressed to them)."""
    current = own_keys(db, data_dir)
    out = [current]
    with db.session() as s:
        rows = s.scalars(select(SyncKeyRow).where(SyncKeyRow.key_id != current.key_id)).all()
    for row in rows:
        path = keys_dir(data_dir) / row.file_name
        if path.exists():
            out.append(InstallationKeys.load(path, passphrase()))
    return out


# --- enrolled keys --------------------------------------------------------------


def _peer_info(row: SyncPeerRow) -> PublicKeyInfo:
    return load_public_key(row.document.encode("utf-8"))


@dataclass(frozen=True)
class PeerBook:
    """Enrolled keys loaded once: lookups for :func:`desktop_app.sync.read_package` and friends."""

    keys: dict[str, PublicKeyInfo]
    revocations: dict[str, Revocation]

    def trusted(self, key_id: str) -> PublicKeyInfo | None:
        return self.keys.get(key_id)

    def revoked(self, key_id: str) -> Revocation | None:
        return self.revocations.get(key_id)

    def district(self) -> PublicKeyInfo | None:
        """The newest enrolled, unrevoked office key (commune side)."""
        found = [k for k in self.keys.values() if k.role == ROLE_DISTRICT and k.key_id not in self.revocations]
        return max(found, key=lambda k: k.created_at) if found else None


def _revocation(row: SyncPeerRow) -> Revocation | None:
    if row.revoked_at is None:
        return None
    doc: dict[str, Any] = {}
    if row.revocation:
        doc = cj.parse_canonical(row.revocation.encode("utf-8"), require_canonical=False)
    when = row.revoked_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    return Revocation(row.key_id, doc.get("revoked_at", when), row.revoked_reason or "",
                      doc.get("revoked_by", ""), doc)


def peer_book(s: Session) -> PeerBook:
    """Every enrolled key and revocation (read inside ``s``)."""
    keys: dict[str, PublicKeyInfo] = {}
    revocations: dict[str, Revocation] = {}
    for row in s.scalars(select(SyncPeerRow)):
        keys[row.key_id] = _peer_info(row)
        rev = _revocation(row)
        if rev is not None:
            revocations[row.key_id] = rev
    return PeerBook(keys, revocations)


def load_peers(db: Database) -> PeerBook:
    with db.session() as s:
        return peer_book(s)


def _add_peer(s: Session, info: PublicKeyInfo) -> bool:
    existing = s.get(SyncPeerRow, info.key_id)
    if existing is not None:
        if existing.document.encode("utf-8") != info.to_bytes():
            raise refuse("syncdb.key_conflict", key_id=info.key_id, other=f"{existing.role} {existing.code}")
        return False
    s.add(SyncPeerRow(key_id=info.key_id, role=info.role, code=info.code, name=info.name,
                      device_id=info.device_id, fingerprint=info.signing_fingerprint,
                      enc_fingerprint=info.encryption_fingerprint, document=info.to_bytes().decode("utf-8")))
    return True


def enroll(db: Database, source: str | os.PathLike | bytes) -> tuple[PublicKeyInfo, bool]:
    """Enrol a public-key file: a commune device's key at the office, the
    office's key at a commune. Returns ``(key, newly enrolled)``; enrolling the
    same key twice changes nothing. The caller shows the fingerprint for the
    officer to compare with the printed registration sheet."""
    info = load_public_key(source)
    inst = installation(db)
    expected = ROLE_COMMUNE if inst.role == ROLE_DISTRICT else ROLE_DISTRICT
    if info.role != expected:
        name = Path(source).name if not isinstance(source, (bytes, bytearray)) else "public key"
        raise refuse("syncdb.wrong_role_key", name=name, found=info.role, expected=expected)
    with db.transaction() as s:
        return info, _add_peer(s, info)


def enroll_rotation(db: Database, source: bytes, name: str = "rotation") -> PublicKeyInfo:
    """Verify a rotation statement against the enrolled old key, enrol the new
    key and mark the old one superseded (it stays usable until revoked)."""
    with db.transaction() as s:
        book = peer_book(s)
        statement = verify_rotation(source, trusted_keys=book.trusted, revoked=book.revoked, name=name)
        _add_peer(s, statement.new_key)
        old = s.get(SyncPeerRow, statement.old_key_id)
        if old is not None:
            old.superseded_by = statement.new_key.key_id
        return statement.new_key


def revoke(db: Database, data_dir: Path, key_id: str, reason: str) -> Revocation:
    """Office: revoke an enrolled commune key (lost laptop ...). Packages signed
    by it are refused from now on; the signed record is kept."""
    require_role(db, ROLE_DISTRICT)
    keys = own_keys(db, data_dir)
    record = make_revocation(key_id, reason, keys) if len(key_id) == 32 else None
    with db.transaction() as s:
        row = s.get(SyncPeerRow, key_id)
        if row is None or record is None:
            raise refuse("syncdb.key_unknown", key_id=key_id)
        if row.revoked_at is None:
            row.revoked_at = cj.parse_time(record.revoked_at)
            row.revoked_reason = reason
            row.revocation = record.to_bytes().decode("utf-8")
        return _revocation(row) or record


def record_revocation(db: Database, source: bytes, name: str = "revocation") -> Revocation:
    """Record a revocation published by an enrolled office (``.cprrev``): the
    key is refused from then on here too (e.g. a commune learning that its
    office's old key leaked)."""
    with db.transaction() as s:
        book = peer_book(s)
        record = verify_revocation(source, trusted_keys=book.trusted, name=name)
        row = s.get(SyncPeerRow, record.key_id)
        if row is None:
            raise refuse("syncdb.key_unknown", key_id=record.key_id)
        if row.revoked_at is None:
            row.revoked_at = cj.parse_time(record.revoked_at)
            row.revoked_reason = record.reason
            row.revocation = record.to_bytes().decode("utf-8")
        return record


@dataclass(frozen=True)
class PeerView:
    """An enrolled key as listed to the officer."""

    key_id: str
    role: str
    code: str
    name: str
    device_id: str | None
    fingerprint: str
    enrolled_at: _dt.datetime
    revoked_at: _dt.datetime | None
    revoked_reason: str | None
    superseded_by: str | None


def list_peers(db: Database) -> list[PeerView]:
    """Every enrolled key, by unit code then enrolment time."""
    with db.session() as s:
        rows = s.scalars(select(SyncPeerRow).order_by(SyncPeerRow.code, SyncPeerRow.enrolled_at)).all()
        return [PeerView(r.key_id, r.role, r.code, r.name, r.device_id, r.fingerprint, r.enrolled_at,
                         r.revoked_at, r.revoked_reason, r.superseded_by) for r in rows]


def now_text() -> str:
    """The current UTC time as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")


KeyLookup = Callable[[str], "PublicKeyInfo | None"]
