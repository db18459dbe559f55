"""The manifest of a sync package: fields, validation and the version policy.

The manifest is canonical JSON (see :mod:`.canonical`). Known fields are
checked for type and range here; unknown fields are kept (a newer *minor*
version may add some) and are covered by the signature like the rest.
``docs/sync-package.md`` lists every field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.sync import canonical as cj
from desktop_app.sync import container
from desktop_app.sync.container import Limits
from desktop_app.sync.keys import CODE_RE, DEVICE_RE, KEY_ID_RE

MAJOR = 1
MINOR = 0
FORMAT = "cpr-sync-package"
KINDS = ("full", "delta")
MAX_SEQUENCE = 2**53 - 1
#: length of the HPKE encapsulated key (X25519 public key) carried as ``enc``
ENC_LEN = 32

ENCRYPTION = {
    "scheme": "HPKE",
    "mode": "base",
    "kem": "DHKEM(X25519, HKDF-SHA256)",
    "kdf": "HKDF-SHA256",
    "aead": "ChaCha20Poly1305",
}
#: fields the writer sets itself; ``manifest_fields`` may not contain them
RESERVED = ("format", "format_version", "signer_key_id", "recipient_key_id", "files", "encryption")


@dataclass(frozen=True)
class Manifest:
    """A validated manifest. ``raw`` is the whole signed object (unknown fields
    included), ``canonical`` its exact bytes and ``sha256`` their hash (the
    package's identity, quoted by receipts)."""

    format_version: str
    commune_code: str
    commune_name: str
    device_id: str
    sequence: int
    base_receipt: dict[str, Any] | None
    created_at: str
    app_version: str
    standards: list[str]
    counts: dict[str, int]
    kind: str
    signer_key_id: str
    recipient_key_id: str
    files: dict[str, dict[str, Any]]
    encryption: dict[str, Any]
    raw: dict[str, Any] = field(repr=False, compare=False)
    canonical: bytes = field(repr=False, compare=False)
    sha256: str = ""

    @property
    def extra(self) -> dict[str, Any]:
        """Fields this version does not know: kept, signed, passed on unchanged."""
        known = set(FIELDS) | {"format"}
        return {k: v for k, v in self.raw.items() if k not in known}





class ManifestFieldError(ValueError):
    """A known field is missing or malformed (``field``, ``problem``)."""

    def __init__(self, field_name: str, problem: str):
        super().__init__(f"{field_name}: {problem}")
        self.field, self.problem = field_name, problem


def _int(value: Any, name: str, low: int = 0, high: int = MAX_SEQUENCE) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ManifestFieldError(name, f"expected a whole number from {low} to {high}")
    return value


def _text(value: Any, name: str, max_len: int = 200, allow_empty: bool = False) -> str:
    if not isinstance(value, str) or len(value) > max_len or (not allow_empty and not value.strip()):
        raise ManifestFieldError(name, f"expected text of at most {max_len} characters")
    return value


def _key_id(value: Any, name: str) -> str:
    if not isinstance(value, str) or not KEY_ID_RE.match(value):
        raise ManifestFieldError(name, "expected a key id (32 hex digits)")
    return value


def _files(value: Any, limits: Limits) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ManifestFieldError("files", "expected an object")
    if len(value) > limits.max_files:
        raise container.LimitError("files", len(value), limits.max_files)
    total = 0
    for name, info in value.items():
        container.check_name(name)
        where = f"files.{name}"
        if not isinstance(info, dict):
            raise ManifestFieldError(where, "expected an object")
        if info.get("method") not in container.METHOD_CODES:
            raise ManifestFieldError(where + ".method", "expected 'none' or 'zlib'")
        if not cj.is_sha256_hex(info.get("sha256")):
            raise ManifestFieldError(where + ".sha256", "expected 64 lower-case hex digits")
        for key in ("size", "stored_size"):
            size = _int(info.get(key), f"{where}.{key}", 0, 2**62)
            if size > limits.max_file_bytes:
                raise container.LimitError(f"file {name}", size, limits.max_file_bytes)
        if info["method"] == "none" and info["stored_size"] != info["size"]:
            raise ManifestFieldError(where + ".stored_size", "differs from size for a file stored raw")
        total += info["size"]
    if total > limits.max_total_bytes:
        raise container.LimitError("total", total, limits.max_total_bytes)
    return value


def _encryption(value: Any, limits: Limits) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ManifestFieldError("encryption", "expected an object")
    for key, expected in ENCRYPTION.items():
        if value.get(key) != expected:
            raise UnsupportedCrypto(f"{key}={str(value.get(key))[:40]}")
    try:
        cj.b64decode(value.get("enc"), ENC_LEN)
    except cj.CanonicalError as exc:
        raise ManifestFieldError("encryption.enc", str(exc)) from None
    if not cj.is_sha256_hex(value.get("ciphertext_sha256")):
        raise ManifestFieldError("encryption.ciphertext_sha256", "expected 64 lower-case hex digits")
    _int(value.get("ciphertext_size"), "encryption.ciphertext_size", 0, 2**62)
    if value["ciphertext_size"] > limits.max_package_bytes:
        raise container.LimitError("payload", value["ciphertext_size"], limits.max_package_bytes)
    return value


class UnsupportedCrypto(ValueError):
    """The encryption block names a scheme this version does not implement."""


def _base_receipt(value: Any, kind: str) -> dict[str, Any] | None:
    if value is None:
        if kind == "delta":
            raise ManifestFieldError("base_receipt", "a delta package must name the receipt it builds on")
        return None
    if not isinstance(value, dict):
        raise ManifestFieldError("base_receipt", "expected an object or null")
    _text(value.get("receipt_id"), "base_receipt.receipt_id", 64)
    _int(value.get("sequence"), "base_receipt.sequence", 1)
    return value


def validate_manifest(raw: dict[str, Any], limits: Limits, with_encryption: bool = True) -> dict[str, Any]:
    """Check types and ranges of every known field; return the typed values."""
    if raw.get("format") != FORMAT:
        raise ManifestFieldError("format", f"expected '{FORMAT}'")
    version = raw.get("format_version")
    if not isinstance(version, str) or parse_version(version) is None:
        raise ManifestFieldError("format_version", "expected 'major.minor'")
    code = raw.get("commune_code")
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise ManifestFieldError("commune_code", "expected an administrative unit code")
    device = raw.get("device_id")
    if not isinstance(device, str) or not DEVICE_RE.match(device):
        raise ManifestFieldError("device_id", "expected a device id")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise ManifestFieldError("kind", "expected 'full' or 'delta'")
    cj_time = raw.get("created_at")
    try:
        cj.parse_time(cj_time)
    except cj.CanonicalError as exc:
        raise ManifestFieldError("created_at", str(exc)) from None
    standards = raw.get("standards")
    if not isinstance(standards, list) or len(standards) > 64:
        raise ManifestFieldError("standards", "expected a list of standard ids")
    for i, s in enumerate(standards):
        _text(s, f"standards[{i}]", 64)
    counts = raw.get("counts")
    if not isinstance(counts, dict) or len(counts) > 64:
        raise ManifestFieldError("counts", "expected an object of whole numbers")
    for k, v in counts.items():
        _text(k, "counts", 64)
        _int(v, f"counts.{k}")
    values = {
        "format_version": version,
        "commune_code": code,
        "commune_name": _text(raw.get("commune_name"), "commune_name"),
        "device_id": device,
        "sequence": _int(raw.get("sequence"), "sequence", 1),
        "base_receipt": _base_receipt(raw.get("base_receipt"), kind),
        "created_at": cj_time,
        "app_version": _text(raw.get("app_version"), "app_version", 64),
        "standards": standards,
        "counts": counts,
        "kind": kind,
        "signer_key_id": _key_id(raw.get("signer_key_id"), "signer_key_id"),
        "recipient_key_id": _key_id(raw.get("recipient_key_id"), "recipient_key_id"),
        "files": _files(raw.get("files"), limits),
    }
    if with_encryption:
        values["encryption"] = _encryption(raw.get("encryption"), limits)
    return values


FIELDS = (
    "format_version", "commune_code", "commune_name", "device_id", "sequence", "base_receipt",
    "created_at", "app_version", "standards", "counts", "kind", "signer_key_id",
    "recipient_key_id", "files", "encryption",
)


def parse_version(text: str) -> tuple[int, int] | None:
    parts = text.split(".")
    if len(parts) != 2 or not all(p.isdigit() and len(p) <= 5 and p.isascii() for p in parts):
        return None
    major, minor = int(parts[0]), int(parts[1])
    return (major, minor) if major <= 0xFFFF and minor <= 0xFFFF else None



def make_manifest(raw: dict[str, Any], canonical: bytes, values: dict[str, Any] | None = None) -> Manifest:
    values = values or {k: raw[k] for k in FIELDS}
    return Manifest(**values, raw=raw, canonical=canonical, sha256=cj.sha256_hex(canonical))
