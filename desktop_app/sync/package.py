"""The sync package: one signed, encrypted file a commune sends to its office.

Byte layout (integers big-endian)::

    magic         8 bytes  b"CPRSYNC\\0"
    version       u16 major, u16 minor       (1, 0)
    manifest_len  u32
    manifest      canonical JSON (see :mod:`.canonical`), UTF-8
    sig_len       u16                         (64)
    signature     Ed25519 over the manifest bytes, purpose "sync-manifest"
    payload_len   u64
    payload       HPKE ciphertext of the container (:mod:`.container`)

Nothing may follow the payload. The manifest carries the SHA-256 of every
payload file and of the ciphertext, so the one signature covers everything.
The payload is encrypted with HPKE (RFC 9180, base mode,
DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / ChaCha20-Poly1305) to the office's
X25519 key; the HPKE ``info`` binds the ciphertext to the manifest (see
:func:`payload_info`). :func:`read_package` verifies everything before it
returns; see ``docs/sync-package.md``.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from cryptography.exceptions import InvalidTag

try:
    from cryptography.hazmat.primitives import hpke
except ImportError as _exc:  # pragma: no cover - depends on the installed version
    raise ImportError("desktop_app.sync needs a 'cryptography' release with HPKE (hazmat.primitives.hpke)") from _exc

import desktop_app
from desktop_app.fsutil import atomic_write_bytes
from desktop_app.i18n import t
from desktop_app.sync import canonical as cj
from desktop_app.sync import container
from desktop_app.sync.container import DEFAULT_LIMITS, Limits
from desktop_app.sync.errors import (
    InvalidPackage,
    KeyFileError,
    PackageTooLarge,
    PayloadTampered,
    ReplayedPackage,
    SignatureMismatch,
    UnknownSigner,
    UnsafeName,
    UnsupportedVersion,
    WrongRecipient,
    refuse,
)
from desktop_app.sync.keys import (
    ROLE_COMMUNE,
    ROLE_DISTRICT,
    InstallationKeys,
    KeyLookup,
    PublicKeyInfo,
    RevocationLookup,
    check_not_revoked,
)
from desktop_app.sync.manifest import (
    ENC_LEN,
    ENCRYPTION,
    MAJOR,
    MINOR,
    FORMAT as MANIFEST_FORMAT,
    RESERVED,
    Manifest,
    ManifestFieldError,
    UnsupportedCrypto,
    make_manifest,
    parse_version,
    validate_manifest,
)

MAGIC = b"CPRSYNC\0"
SIGNATURE_LEN = 64
INFO_PREFIX = b"cpr-sync-package/1 payload\0"
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)

#: ``(commune_code, device_id) -> last accepted sequence | None``
SequenceLookup = Callable[[str, str], "int | None"]


@dataclass(frozen=True)
class PackageWarning:
    """Something the importer should show but that does not refuse the package."""

    code: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return t(self.code, **self.params)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class VerifiedPackage:
    """A package whose every check passed: manifest, decrypted files, signer, warnings."""

    manifest: Manifest
    files: dict[str, bytes]
    signer: PublicKeyInfo
    warnings: list[PackageWarning]


def payload_info(manifest: dict[str, Any]) -> bytes:
    """HPKE ``info`` for a manifest: prefix + SHA-256 of the canonical manifest
    without its ``encryption`` block (which depends on the ciphertext)."""
    body = {k: v for k, v in manifest.items() if k != "encryption"}
    return INFO_PREFIX + hashlib.sha256(cj.canonical_bytes(body)).digest()


# --- writing ------------------------------------------------------------------


def encrypt_payload(plaintext: bytes, recipient: PublicKeyInfo, manifest: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Encrypt container bytes to ``recipient``; return the ``encryption`` block and
    the stored ciphertext (HPKE output without the 32-byte encapsulated key,
    which goes into the manifest as ``enc``)."""
    x_key = recipient.x25519
    if x_key is None:
        raise ValueError("the recipient has no encryption key (not a receiving office key)")
    sealed = _SUITE.encrypt(plaintext, x_key, info=payload_info(manifest))
    enc, ciphertext = sealed[:ENC_LEN], sealed[ENC_LEN:]
    block = dict(ENCRYPTION, enc=cj.b64encode(enc), ciphertext_sha256=cj.sha256_hex(ciphertext),
                 ciphertext_size=len(ciphertext))
    return block, ciphertext


def assemble(manifest_bytes: bytes, signature: bytes, ciphertext: bytes, version: tuple[int, int] = (MAJOR, MINOR)) -> bytes:
    """Lay out a package from its parts (no checks: tests use it to craft bad packages)."""
    return b"".join([
        MAGIC, struct.pack(">HHI", version[0], version[1], len(manifest_bytes)), manifest_bytes,
        struct.pack(">H", len(signature)), signature, struct.pack(">Q", len(ciphertext)), ciphertext,
    ])


def build_package(manifest_fields: dict[str, Any], files: dict[str, bytes], signer: InstallationKeys,
                  recipient: PublicKeyInfo, *, limits: Limits = DEFAULT_LIMITS,
                  name: str = "sync package") -> tuple[bytes, Manifest]:
    """Make package bytes. ``manifest_fields`` gives sequence, kind, base_receipt,
    standards, counts (and optionally commune_name, device_id, created_at,
    app_version and any extra fields); the writer fills the rest.

    Raises ``ValueError`` for a programming error (reserved or malformed fields,
    wrong key roles), :class:`UnsafeName` or :class:`PackageTooLarge` for files
    the reader would refuse.
    """
    if signer.role != ROLE_COMMUNE:
        raise ValueError("only a commune key signs sync packages")
    if recipient.role != ROLE_DISTRICT or recipient.x25519_raw is None:
        raise ValueError("packages are encrypted to a receiving office key")
    clash = sorted(set(manifest_fields) & set(RESERVED))
    if clash:
        raise ValueError(f"manifest fields set by the writer: {clash}")
    manifest: dict[str, Any] = dict(manifest_fields)
    if manifest.setdefault("commune_code", signer.public.code) != signer.public.code:
        raise ValueError("commune_code differs from the signing key's unit")
    manifest.setdefault("commune_name", signer.public.name)
    if signer.public.device_id is not None:
        manifest.setdefault("device_id", signer.public.device_id)
    manifest.setdefault("created_at", cj.utc_now())
    manifest.setdefault("app_version", desktop_app.__version__)
    manifest.setdefault("base_receipt", None)
    manifest.update(format=MANIFEST_FORMAT, format_version=f"{MAJOR}.{MINOR}", signer_key_id=signer.key_id,
                    recipient_key_id=recipient.key_id)
    try:
        entries = [container.pack_entry(n, files[n], limits) for n in sorted(files)]
        manifest["files"] = {e.name: {"method": e.method, "sha256": e.sha256, "size": e.size,
                                      "stored_size": len(e.stored)} for e in entries}
        validate_manifest(manifest, limits, with_encryption=False)
        plaintext = container.encode(entries, limits)
    except container.NameError_ as exc:
        raise refuse(UnsafeName, "sync.unsafe_name", name=name, file=str(exc)) from None
    except container.LimitError as exc:
        raise refuse(PackageTooLarge, "sync.too_large", name=name, what=exc.what, size=exc.size, limit=exc.limit) from None
    except ManifestFieldError as exc:
        raise ValueError(f"manifest field {exc.field}: {exc.problem}") from None
    manifest["encryption"], ciphertext = encrypt_payload(plaintext, recipient, manifest)
    manifest_bytes = cj.canonical_bytes(manifest)
    if len(manifest_bytes) > limits.max_manifest_bytes:
        raise refuse(PackageTooLarge, "sync.too_large", name=name, what="manifest",
                     size=len(manifest_bytes), limit=limits.max_manifest_bytes)
    data = assemble(manifest_bytes, signer.sign("sync-manifest", manifest_bytes), ciphertext)
    if len(data) > limits.max_package_bytes:
        raise refuse(PackageTooLarge, "sync.too_large", name=name, what="package", size=len(data),
                     limit=limits.max_package_bytes)
    return data, make_manifest(manifest, manifest_bytes)


def write_package(path: str | os.PathLike, manifest_fields: dict[str, Any], files: dict[str, bytes],
                  signer: InstallationKeys, recipient: PublicKeyInfo, *,
                  limits: Limits = DEFAULT_LIMITS) -> Manifest:
    """Build a package and write it atomically to ``path``; return its manifest."""
    data, manifest = build_package(manifest_fields, files, signer, recipient, limits=limits, name=Path(path).name)
    atomic_write_bytes(path, data)
    return manifest




# --- reading ------------------------------------------------------------------


class _Cursor:
    def __init__(self, data: bytes, name: str):
        self.data, self.pos, self.name = data, 0, name

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise refuse(InvalidPackage, "sync.truncated", name=self.name)
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> tuple:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))


def _load(source: str | os.PathLike | bytes, limits: Limits, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), name or "sync package"
    else:
        name = name or Path(source).name
        try:
            with open(source, "rb") as f:
                size = os.fstat(f.fileno()).st_size
                if size > limits.max_package_bytes:
                    raise refuse(PackageTooLarge, "sync.too_large", name=name, what="package", size=size,
                                 limit=limits.max_package_bytes)
                data = f.read(limits.max_package_bytes + 1)
        except OSError as exc:
            raise refuse(InvalidPackage, "sync.cannot_read", name=name, problem=exc.strerror or str(exc)) from None
    if len(data) > limits.max_package_bytes:
        raise refuse(PackageTooLarge, "sync.too_large", name=name, what="package", size=len(data),
                     limit=limits.max_package_bytes)
    return data, name


def _as_keys(my_keys: InstallationKeys | Iterable[InstallationKeys]) -> list[InstallationKeys]:
    return [my_keys] if isinstance(my_keys, InstallationKeys) else list(my_keys)


def read_package(source: str | os.PathLike | bytes, *, trusted_keys: KeyLookup, revoked: RevocationLookup,
                 my_keys: InstallationKeys | Sequence[InstallationKeys], last_sequence: SequenceLookup,
                 limits: Limits = DEFAULT_LIMITS, name: str | None = None) -> VerifiedPackage:
    """Read and verify a package completely, or raise a typed :class:`SyncError`.

    ``trusted_keys(key_id)`` returns an enrolled key or None; ``revoked(key_id)``
    a revocation (truthy) or None; ``my_keys`` are this office's keys (the
    current one and, during a rotation, older ones still receiving);
    ``last_sequence(commune_code, device_id)`` the last accepted sequence.
    Order: structure and limits, recipient, signer enrolment and revocation,
    signature, sequence, ciphertext hash, decryption, files and their hashes.
    Nothing is returned unless every check passed. The caller must re-check the
    sequence inside the transaction that stores the data.
    """
    data, name = _load(source, limits, name)
    cur = _Cursor(data, name)
    if data[: len(MAGIC)] != MAGIC[: len(data)] or not data:
        raise refuse(InvalidPackage, "sync.not_a_package", name=name)
    cur.take(len(MAGIC))
    major, minor = cur.unpack(">HH")
    if major != MAJOR:
        raise refuse(UnsupportedVersion, "sync.unsupported_version", name=name, found=f"{major}.{minor}",
                     supported=f"{MAJOR}.x")
    (manifest_len,) = cur.unpack(">I")
    if manifest_len > limits.max_manifest_bytes:
        raise refuse(PackageTooLarge, "sync.too_large", name=name, what="manifest", size=manifest_len,
                     limit=limits.max_manifest_bytes)
    manifest_bytes = cur.take(manifest_len)
    (sig_len,) = cur.unpack(">H")
    signature = cur.take(sig_len)
    (payload_len,) = cur.unpack(">Q")  # the whole file is already within the size limit
    ciphertext = cur.take(payload_len)
    if cur.pos != len(data):
        raise refuse(InvalidPackage, "sync.trailing_data", name=name)
    if sig_len != SIGNATURE_LEN:
        raise refuse(SignatureMismatch, "sync.bad_signature", name=name)

    manifest = _parse_manifest(manifest_bytes, (major, minor), limits, name)
    keys = _as_keys(my_keys)
    mine = next((k for k in keys if k.key_id == manifest.recipient_key_id), None)
    if mine is None:
        current = next((k.key_id for k in keys if k.role == ROLE_DISTRICT), None)
        if current is None:
            raise refuse(KeyFileError, "sync.no_decryption_key", name=name)
        raise refuse(WrongRecipient, "sync.wrong_recipient", name=name, recipient=manifest.recipient_key_id,
                     mine=current)
    if mine.x25519_private is None:
        raise refuse(KeyFileError, "sync.no_decryption_key", name=name)
    signer = _check_signer(manifest, trusted_keys, revoked, name)
    if not cj.verify(signer.ed25519, signature, "sync-manifest", manifest_bytes):
        raise refuse(SignatureMismatch, "sync.bad_signature", name=name)
    warnings = _check_sequence(manifest, last_sequence, name)

    if len(ciphertext) != manifest.encryption["ciphertext_size"] or \
            cj.sha256_hex(ciphertext) != manifest.encryption["ciphertext_sha256"]:
        raise refuse(PayloadTampered, "sync.hash_mismatch", name=name, what="ciphertext")
    enc = cj.b64decode(manifest.encryption["enc"], ENC_LEN)
    try:
        plaintext = _SUITE.decrypt(enc + ciphertext, mine.x25519_private, info=payload_info(manifest.raw))
    except (InvalidTag, ValueError):
        raise refuse(PayloadTampered, "sync.decrypt_failed", name=name) from None
    files = _decode_container(plaintext, manifest, limits, name)
    return VerifiedPackage(manifest, files, signer, warnings)


def _parse_manifest(manifest_bytes: bytes, version: tuple[int, int], limits: Limits, name: str) -> Manifest:
    try:
        raw = cj.parse_canonical(manifest_bytes)
    except cj.CanonicalError as exc:
        raise refuse(InvalidPackage, "sync.bad_manifest", name=name, problem=str(exc)) from None
    if not isinstance(raw, dict):
        raise refuse(InvalidPackage, "sync.bad_manifest", name=name, problem="not a JSON object")
    try:
        values = validate_manifest(raw, limits)
    except ManifestFieldError as exc:
        raise refuse(InvalidPackage, "sync.bad_field", name=name, field=exc.field, problem=exc.problem) from None
    except UnsupportedCrypto as exc:
        raise refuse(InvalidPackage, "sync.unsupported_crypto", name=name, scheme=str(exc)) from None
    except container.NameError_ as exc:
        raise refuse(UnsafeName, "sync.unsafe_name", name=name, file=str(exc)) from None
    except container.LimitError as exc:
        raise refuse(PackageTooLarge, "sync.too_large", name=name, what=exc.what, size=exc.size,
                     limit=exc.limit) from None
    if parse_version(values["format_version"]) != version:
        raise refuse(InvalidPackage, "sync.bad_field", name=name, field="format_version",
                     problem=f"differs from the file header ({version[0]}.{version[1]})")
    return make_manifest(raw, manifest_bytes, values)


def _check_signer(manifest: Manifest, trusted_keys: KeyLookup, revoked: RevocationLookup, name: str) -> PublicKeyInfo:
    signer = trusted_keys(manifest.signer_key_id)
    if signer is None or signer.key_id != manifest.signer_key_id:
        raise refuse(UnknownSigner, "sync.unknown_signer", name=name, key_id=manifest.signer_key_id)
    if signer.role != ROLE_COMMUNE or signer.code != manifest.commune_code or (
            signer.device_id is not None and signer.device_id != manifest.device_id):
        raise refuse(UnknownSigner, "sync.signer_wrong_unit", name=name, claimed=manifest.commune_code,
                     key_id=signer.key_id, enrolled=f"{signer.role} {signer.code}")
    check_not_revoked(revoked, signer.key_id, name)
    return signer


def _check_sequence(manifest: Manifest, last_sequence: SequenceLookup, name: str) -> list[PackageWarning]:
    last = last_sequence(manifest.commune_code, manifest.device_id)
    seq, device = manifest.sequence, manifest.device_id
    if last is not None and seq <= last:
        raise refuse(ReplayedPackage, "sync.replayed", name=name, commune=manifest.commune_code, device=device,
                     sequence=seq, last=last)
    warnings = []
    if last is None and seq != 1:
        warnings.append(PackageWarning("sync.warn_first_not_one", {"device": device, "sequence": seq}))
    elif last is not None and seq > last + 1:
        warnings.append(PackageWarning("sync.warn_gap", {"device": device, "last": last, "sequence": seq}))
    base = manifest.base_receipt
    if base is not None and base["sequence"] != last:
        warnings.append(PackageWarning("sync.warn_base_mismatch",
                                       {"base": base["sequence"], "last": "—" if last is None else last}))
    return warnings


def _decode_container(plaintext: bytes, manifest: Manifest, limits: Limits, name: str) -> dict[str, bytes]:
    for file_name, info in manifest.files.items():
        if info["method"] == "zlib" and container.ratio_exceeded(info["size"], info["stored_size"], limits):
            raise refuse(PackageTooLarge, "sync.too_large", name=name, what=f"ratio {file_name}",
                         size=info["size"] // max(info["stored_size"], 1), limit=limits.max_ratio)
    try:
        files = container.decode(plaintext, manifest.files, limits)
    except container.NameError_ as exc:
        raise refuse(UnsafeName, "sync.unsafe_name", name=name, file=str(exc)) from None
    except container.LimitError as exc:
        raise refuse(PackageTooLarge, "sync.too_large", name=name, what=exc.what, size=exc.size,
                     limit=exc.limit) from None
    except container.HashError as exc:
        raise refuse(PayloadTampered, "sync.hash_mismatch", name=name, what=f"file {exc}") from None
    except container.ContainerError as exc:
        raise refuse(InvalidPackage, "sync.bad_container", name=name, problem=str(exc)) from None
    for file_name, content in files.items():
        if len(content) != manifest.files[file_name]["size"]:  # pragma: no cover - decode checks it
            raise refuse(PayloadTampered, "sync.hash_mismatch", name=name, what=f"file {file_name}")
    return files
