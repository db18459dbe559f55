"""Canonical JSON, strict parsing and domain-separated Ed25519 signatures.

Everything the sync layer signs is *canonical JSON*: ``json.dumps(obj,
sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)``
encoded as UTF-8. A reader parses strictly (UTF-8 only, no duplicate keys, no
NaN/Infinity, bounded nesting) and then requires that re-serialising the parsed
value gives back *exactly* the bytes it read, so one document has exactly one
byte representation and the signature covers what the reader understood.

Signatures are Ed25519 over ``b"CPR-SIGNATURE\\0" + purpose + b"\\0" + bytes``
(*domain separation*): a signature made for one kind of document (say a
receipt) can never be presented as a signature of another kind (a manifest),
even though the same key signs both.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import hashlib
import json
import re
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

#: nesting depth allowed in any parsed document
MAX_DEPTH = 32

SIGNATURE_PREFIX = b"CPR-SIGNATURE\0"

PURPOSES = (
    "public-key",
    "key-rotation",
    "key-revocation",
    "sync-manifest",
    "sync-receipt",
    "signed-file",
)

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class CanonicalError(ValueError):
    """A document is not valid strict canonical JSON (the text says why)."""


def canonical_bytes(obj: Any) -> bytes:
    """The canonical UTF-8 bytes of a JSON value.

    Raises :class:`CanonicalError` for values JSON cannot carry exactly
    (NaN, infinity, lone surrogates, non-string keys, unsupported types).
    """
    try:
        text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        return text.encode("utf-8")
    except (TypeError, ValueError, RecursionError) as exc:  # UnicodeEncodeError is a ValueError
        raise CanonicalError(f"value cannot be written as canonical JSON ({exc.__class__.__name__})") from exc


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise CanonicalError(f"key '{key}' appears twice")
        out[key] = value
    return out


def _reject_constant(name: str) -> Any:
    raise CanonicalError(f"'{name}' is not allowed")


def _depth_ok(data: bytes) -> bool:
    """Cheap pre-check of nesting depth, before the recursive JSON parser runs."""
    depth = 0
    in_string = False
    escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def parse_canonical(data: bytes, *, require_canonical: bool = True) -> Any:
    """Parse strict JSON from ``data``; with ``require_canonical`` the bytes must
    be exactly the canonical form of the value. Raises :class:`CanonicalError`."""
    if not _depth_ok(data):
        raise CanonicalError(f"nested more than {MAX_DEPTH} levels deep")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CanonicalError("not valid UTF-8 text") from exc
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except CanonicalError:
        raise
    except (ValueError, RecursionError) as exc:
        raise CanonicalError(f"not valid JSON ({exc.__class__.__name__})") from exc
    if require_canonical and canonical_bytes(value) != data:
        raise CanonicalError("not in canonical form (sorted keys, no spaces, UTF-8)")
    return value


# --- encodings ------------------------------------------------------------


def b64encode(data: bytes) -> str:
    """Standard base64 with padding (RFC 4648 §4)."""
    return base64.b64encode(data).decode("ascii")


def b64decode(text: Any, length: int | None = None) -> bytes:
    """Strict base64 decode; ``length`` (when given) is the exact decoded size."""
    if not isinstance(text, str):
        raise CanonicalError("expected base64 text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise CanonicalError("not valid base64") from exc
    if b64encode(raw) != text:
        raise CanonicalError("base64 is not in canonical form")
    if length is not None and len(raw) != length:
        raise CanonicalError(f"expected {length} bytes, found {len(raw)}")
    return raw


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_sha256_hex(value: Any) -> bool:
    return isinstance(value, str) and bool(_HEX64.match(value))


def utc_now() -> str:
    """The current UTC time as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return format_time(_dt.datetime.now(_dt.timezone.utc))


def format_time(moment: _dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("a time written into a sync document must be timezone-aware")
    return moment.astimezone(_dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: Any) -> _dt.datetime:
    """Parse ``YYYY-MM-DDTHH:MM:SSZ``; raises :class:`CanonicalError`."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", value):
        raise CanonicalError("expected a UTC time written as YYYY-MM-DDTHH:MM:SSZ")
    try:
        return _dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=_dt.timezone.utc)
    except ValueError as exc:
        raise CanonicalError("not a real date and time") from exc


# --- signatures -----------------------------------------------------------


def signed_message(purpose: str, data: bytes) -> bytes:
    """The exact bytes an Ed25519 signature of ``purpose`` covers."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown signature purpose {purpose!r}")
    return SIGNATURE_PREFIX + purpose.encode("ascii") + b"\0" + data


def sign(private_key: ed25519.Ed25519PrivateKey, purpose: str, data: bytes) -> bytes:
    return private_key.sign(signed_message(purpose, data))


def verify(public_key: ed25519.Ed25519PublicKey, signature: bytes, purpose: str, data: bytes) -> bool:
    """True when ``signature`` is a valid signature of ``data`` for ``purpose``."""
    try:
        public_key.verify(signature, signed_message(purpose, data))
    except InvalidSignature:
        return False
    return True


def sign_document(doc: dict[str, Any], private_key: ed25519.Ed25519PrivateKey, purpose: str) -> dict[str, Any]:
    """Return ``doc`` with a ``signature`` field over its canonical bytes
    (every field except ``signature`` itself)."""
    body = {k: v for k, v in doc.items() if k != "signature"}
    signature = sign(private_key, purpose, canonical_bytes(body))
    return {**body, "signature": b64encode(signature)}


def document_signature(doc: dict[str, Any]) -> tuple[bytes, bytes]:
    """Split a signed document into (signature, canonical bytes of the body).

    Raises :class:`CanonicalError` when the signature field is missing or malformed.
    """
    if "signature" not in doc:
        raise CanonicalError("the signature is missing")
    signature = b64decode(doc["signature"], 64)
    body = {k: v for k, v in doc.items() if k != "signature"}
    return signature, canonical_bytes(body)
