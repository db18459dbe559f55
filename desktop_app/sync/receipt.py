"""Receipts: the office acknowledges an accepted package, signed with its key.

A receipt (``cpr-sync-receipt/1``, canonical JSON with an embedded Ed25519
signature, purpose ``sync-receipt``) names the commune and device, the
accepted sequence number, the SHA-256 of the package's manifest, the time and
the record counts. The commune verifies it with the office key it enrolled and
builds its next export as a *delta* after it (:meth:`Receipt.base_receipt`).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from desktop_app.fsutil import atomic_write_bytes
from desktop_app.sync import canonical as cj
from desktop_app.sync.errors import (
    InvalidPackage,
    SignatureMismatch,
    UnknownSigner,
    UnsupportedVersion,
    WrongRecipient,
    refuse,
)
from desktop_app.sync.keys import (
    CODE_RE,
    DEVICE_RE,
    KEY_ID_RE,
    ROLE_DISTRICT,
    InstallationKeys,
    KeyLookup,
    RevocationLookup,
    check_not_revoked,
)
from desktop_app.sync.package import Manifest

FORMAT = "cpr-sync-receipt/1"
MAX_RECEIPT_BYTES = 256 * 1024


@dataclass(frozen=True)
class Receipt:
    """A verified (or freshly made) receipt."""

    receipt_id: str
    commune_code: str
    device_id: str
    sequence: int
    manifest_sha256: str
    accepted_at: str
    counts: dict[str, int]
    district_key_id: str
    document: dict[str, Any] = field(repr=False, compare=False)

    def base_receipt(self) -> dict[str, Any]:
        """The ``base_receipt`` manifest field of the next (delta) export."""
        return {"receipt_id": self.receipt_id, "sequence": self.sequence}

    def to_bytes(self) -> bytes:
        return cj.canonical_bytes(self.document)

    def save(self, path: str | os.PathLike) -> None:
        atomic_write_bytes(path, self.to_bytes())


def make_receipt(manifest: Manifest, signer: InstallationKeys, *, counts: dict[str, int] | None = None,
                 accepted_at: str | None = None, receipt_id: str | None = None,
                 extra: dict[str, Any] | None = None) -> Receipt:
    """The office signs a receipt for an accepted package (``counts`` default to
    the manifest's counts; pass what was actually stored)."""
    if signer.role != ROLE_DISTRICT:
        raise ValueError("only a receiving office signs receipts")
    doc: dict[str, Any] = dict(extra or {})
    doc.update({
        "format": FORMAT,
        "receipt_id": receipt_id or str(uuid.uuid4()),
        "commune_code": manifest.commune_code,
        "device_id": manifest.device_id,
        "sequence": manifest.sequence,
        "manifest_sha256": manifest.sha256,
        "accepted_at": accepted_at or cj.utc_now(),
        "counts": dict(manifest.counts if counts is None else counts),
        "district_key_id": signer.key_id,
        "district_code": signer.public.code,
    })
    doc = cj.sign_document(doc, signer.ed25519_private, "sync-receipt")
    return _receipt(doc)


def _receipt(doc: dict[str, Any]) -> Receipt:
    return Receipt(doc["receipt_id"], doc["commune_code"], doc["device_id"], doc["sequence"],
                   doc["manifest_sha256"], doc["accepted_at"], doc["counts"], doc["district_key_id"], dict(doc))


def _check_fields(doc: dict[str, Any]) -> None:
    def need(ok: bool, what: str) -> None:
        if not ok:
            raise cj.CanonicalError(what)

    need(isinstance(doc.get("receipt_id"), str) and 0 < len(doc["receipt_id"]) <= 64, "receipt_id")
    need(isinstance(doc.get("commune_code"), str) and bool(CODE_RE.match(doc["commune_code"])), "commune_code")
    need(isinstance(doc.get("device_id"), str) and bool(DEVICE_RE.match(doc["device_id"])), "device_id")
    seq = doc.get("sequence")
    need(isinstance(seq, int) and not isinstance(seq, bool) and 1 <= seq <= 2**53 - 1, "sequence")
    need(cj.is_sha256_hex(doc.get("manifest_sha256")), "manifest_sha256")
    cj.parse_time(doc.get("accepted_at"))
    counts = doc.get("counts")
    need(isinstance(counts, dict) and all(
        isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in counts.values()), "counts")
    need(isinstance(doc.get("district_key_id"), str) and bool(KEY_ID_RE.match(doc["district_key_id"])),
         "district_key_id")


def verify_receipt(source: str | os.PathLike | bytes, *, trusted_keys: KeyLookup, revoked: RevocationLookup,
                   commune_code: str, device_id: str,
                   exported_manifest: Callable[[int], str | None] | None = None,
                   name: str | None = None) -> Receipt:
    """Verify a receipt on the commune side, or raise a typed error.

    Checks structure, the office key (enrolled, role district, not revoked),
    the signature, that it is for this commune and device, and (when
    ``exported_manifest(sequence)`` is given) that it acknowledges the package
    this installation exported with that sequence (same manifest hash).
    """
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), name or "receipt"
    else:
        name = name or Path(source).name
        try:
            with open(source, "rb") as f:
                data = f.read(MAX_RECEIPT_BYTES + 1)
        except OSError as exc:
            raise refuse(InvalidPackage, "sync.cannot_read", name=name, problem=exc.strerror or str(exc)) from None
    if len(data) > MAX_RECEIPT_BYTES:
        raise refuse(InvalidPackage, "sync.receipt_bad", name=name, problem="file too large")
    try:
        doc = cj.parse_canonical(data)
        if not isinstance(doc, dict) or not str(doc.get("format", "")).startswith("cpr-sync-receipt/"):
            raise cj.CanonicalError("not a receipt")
        if doc["format"] != FORMAT:
            raise refuse(UnsupportedVersion, "sync.unsupported_version", name=name,
                         found=str(doc["format"]).split("/", 1)[1][:20], supported=FORMAT.split("/", 1)[1])
        _check_fields(doc)
        signature, body = cj.document_signature(doc)
    except cj.CanonicalError as exc:
        raise refuse(InvalidPackage, "sync.receipt_bad", name=name, problem=str(exc)) from None
    key_id = doc["district_key_id"]
    signer = trusted_keys(key_id)
    if signer is None or signer.role != ROLE_DISTRICT or signer.key_id != key_id:
        raise refuse(UnknownSigner, "sync.receipt_unknown_signer", name=name, key_id=key_id)
    check_not_revoked(revoked, key_id, name, "sync.receipt_revoked")
    if not cj.verify(signer.ed25519, signature, "sync-receipt", body):
        raise refuse(SignatureMismatch, "sync.receipt_bad_signature", name=name)
    if (doc["commune_code"], doc["device_id"]) != (commune_code, device_id):
        raise refuse(WrongRecipient, "sync.receipt_wrong_commune", name=name, commune=doc["commune_code"],
                     device=doc["device_id"], my_commune=commune_code, my_device=device_id)
    if exported_manifest is not None and exported_manifest(doc["sequence"]) != doc["manifest_sha256"]:
        raise refuse(InvalidPackage, "sync.receipt_unknown_package", name=name, sequence=doc["sequence"])
    return _receipt(doc)
