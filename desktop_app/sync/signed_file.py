"""Signed files: a detached-signature envelope for a standards TOML (or any file).

Layout (integers big-endian)::

    magic        8 bytes  b"CPRSIGN\\0"
    version      u16 major, u16 minor   (1, 0)
    header_len   u32
    header       canonical JSON: format, format_version, file_name, size,
                 sha256, signer_key_id, signed_at (+ any extra fields)
    sig_len      u16                    (64)
    signature    Ed25519 over the header bytes, purpose "signed-file"
    content      the file's bytes, to the end of the envelope

The header carries the content's SHA-256 and size, so the signature covers
the content. :func:`verify_signed_file` checks everything against the keys
enrolled here before the content may be used.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.fsutil import atomic_write_bytes
from desktop_app.sync import canonical as cj
from desktop_app.sync import container
from desktop_app.sync.errors import (
    InvalidPackage,
    PackageTooLarge,
    PayloadTampered,
    SignatureMismatch,
    UnknownSigner,
    UnsafeName,
    UnsupportedVersion,
    refuse,
)
from desktop_app.sync.keys import (
    KEY_ID_RE,
    ROLE_DISTRICT,
    InstallationKeys,
    KeyLookup,
    PublicKeyInfo,
    RevocationLookup,
    check_not_revoked,
)

MAGIC = b"CPRSIGN\0"
MAJOR = 1
MINOR = 0
FORMAT = "cpr-signed-file"
MAX_HEADER_BYTES = 64 * 1024
DEFAULT_MAX_SIZE = 16 * 1024 * 1024


@dataclass(frozen=True)
class SignedFile:
    """A verified signed file: its name, content, header and signer."""

    file_name: str
    content: bytes = field(repr=False)
    header: dict[str, Any]
    signer: PublicKeyInfo


def sign_file(content: bytes, file_name: str, signer: InstallationKeys, *, signed_at: str | None = None,
              extra: dict[str, Any] | None = None) -> bytes:
    """Wrap ``content`` in a signed envelope (``file_name`` must be a safe name)."""
    try:
        container.check_name(file_name)
    except container.NameError_:
        raise ValueError(f"unsafe file name {file_name!r}") from None
    header: dict[str, Any] = dict(extra or {})
    header.update({"format": FORMAT, "format_version": f"{MAJOR}.{MINOR}", "file_name": file_name,
                   "size": len(content), "sha256": cj.sha256_hex(content), "signer_key_id": signer.key_id,
                   "signed_at": signed_at or cj.utc_now()})
    header_bytes = cj.canonical_bytes(header)
    signature = signer.sign("signed-file", header_bytes)
    return b"".join([MAGIC, struct.pack(">HHI", MAJOR, MINOR, len(header_bytes)), header_bytes,
                     struct.pack(">H", len(signature)), signature, content])


def write_signed_file(path: str | os.PathLike, content: bytes, file_name: str, signer: InstallationKeys) -> None:
    """Sign ``content`` and write the envelope atomically to ``path``."""
    atomic_write_bytes(path, sign_file(content, file_name, signer))


def verify_signed_file(source: str | os.PathLike | bytes, *, trusted_keys: KeyLookup, revoked: RevocationLookup,
                       expected_name: str | None = None, allowed_roles: tuple[str, ...] = (ROLE_DISTRICT,),
                       max_size: int = DEFAULT_MAX_SIZE, name: str | None = None) -> SignedFile:
    """Verify a signed file against the enrolled keys; return its content.

    Raises :class:`InvalidPackage` (malformed, or not the expected file name),
    :class:`UnsupportedVersion`, :class:`UnknownSigner`, :class:`RevokedKey`,
    :class:`SignatureMismatch`, :class:`PayloadTampered`, :class:`PackageTooLarge`
    or :class:`UnsafeName`.
    """
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), name or "signed file"
    else:
        name = name or Path(source).name
        try:
            with open(source, "rb") as f:
                data = f.read(max_size + MAX_HEADER_BYTES + 1)
        except OSError as exc:
            raise refuse(InvalidPackage, "sync.cannot_read", name=name, problem=exc.strerror or str(exc)) from None

    def bad(problem: str) -> InvalidPackage:
        return refuse(InvalidPackage, "sync.signed_file_bad", name=name, problem=problem)

    if len(data) > max_size + MAX_HEADER_BYTES:
        raise refuse(PackageTooLarge, "sync.too_large", name=name, what="file", size=len(data),
                     limit=max_size + MAX_HEADER_BYTES)
    if len(data) < 16 or data[:8] != MAGIC:
        raise bad("not a signed file" if data[: min(len(data), 8)] != MAGIC[: min(len(data), 8)] else "truncated")
    major, minor, header_len = struct.unpack(">HHI", data[8:16])
    if major != MAJOR:
        raise refuse(UnsupportedVersion, "sync.unsupported_version", name=name, found=f"{major}.{minor}",
                     supported=f"{MAJOR}.x")
    if header_len > MAX_HEADER_BYTES or 16 + header_len + 2 > len(data):
        raise bad("truncated or oversized header")
    header_bytes = data[16 : 16 + header_len]
    pos = 16 + header_len
    (sig_len,) = struct.unpack(">H", data[pos : pos + 2])
    signature = data[pos + 2 : pos + 2 + sig_len]
    if len(signature) != sig_len:
        raise bad("truncated")
    content = data[pos + 2 + sig_len :]
    try:
        header = cj.parse_canonical(header_bytes)
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise cj.CanonicalError("not a signed file header")
        if header.get("format_version") != f"{major}.{minor}":
            raise cj.CanonicalError("format_version differs from the file header")
        size = header.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0 or not cj.is_sha256_hex(header.get("sha256")):
            raise cj.CanonicalError("size or sha256 malformed")
        cj.parse_time(header.get("signed_at"))
        key_id = header.get("signer_key_id")
        if not isinstance(key_id, str) or not KEY_ID_RE.match(key_id):
            raise cj.CanonicalError("signer_key_id malformed")
    except cj.CanonicalError as exc:
        raise bad(str(exc)) from None
    try:
        file_name = container.check_name(header.get("file_name"))
    except container.NameError_ as exc:
        raise refuse(UnsafeName, "sync.unsafe_name", name=name, file=str(exc)) from None
    if size > max_size:
        raise refuse(PackageTooLarge, "sync.too_large", name=name, what="file", size=size, limit=max_size)
    signer = trusted_keys(key_id)
    if signer is None or signer.key_id != key_id or signer.role not in allowed_roles:
        raise refuse(UnknownSigner, "sync.signed_file_unknown_signer", name=name, key_id=key_id)
    check_not_revoked(revoked, key_id, name, "sync.signed_file_revoked")
    if sig_len != 64 or not cj.verify(signer.ed25519, signature, "signed-file", header_bytes):
        raise refuse(SignatureMismatch, "sync.signed_file_tampered", name=name, what="signature")
    if len(content) != size or cj.sha256_hex(content) != header["sha256"]:
        raise refuse(PayloadTampered, "sync.signed_file_tampered", name=name, what="sha256")
    if expected_name is not None and file_name != expected_name:
        raise bad(f"it contains '{file_name}', expected '{expected_name}'")
    return SignedFile(file_name, content, header, signer)
