"""Installation keys: generation, public-key documents, storage, rotation, revocation.

* A **commune** installation has an Ed25519 signing key.
* A **district** (receiving office) installation has an Ed25519 signing key
  and an X25519 encryption key (packages are encrypted to it).

The *key id* and the *fingerprint* are both derived from SHA-256 of the raw
32-byte Ed25519 public key: the key id is its first 32 hex digits in lower
case, the fingerprint the same 32 digits in upper case in groups of four
(``"3F2A 91C0 …"``, 8 groups), short enough to read out on the phone and
128 bits strong. The X25519 key has its own fingerprint made the same way.

Public keys travel as JSON documents (``cpr-public-key/1``) self-signed by the
Ed25519 key; private keys are stored as ``cpr-private-key/1`` JSON files,
sealed under a passphrase (Argon2id + ChaCha20-Poly1305) or, without a
passphrase, protected only by owner-only file permissions.
See ``docs/sync-package.md`` for the procedures and the trade-offs.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from desktop_app.fsutil import atomic_write_bytes, make_private
from desktop_app.sync import canonical as cj
from desktop_app.sync.errors import (
    InvalidPackage,
    KeyFileError,
    RevokedKey,
    SignatureMismatch,
    UnknownSigner,
    UnsupportedVersion,
    WrongPassphrase,
    refuse,
)

PUBLIC_FORMAT = "cpr-public-key/1"
PRIVATE_FORMAT = "cpr-private-key/1"
ROTATION_FORMAT = "cpr-key-rotation/1"
REVOCATION_FORMAT = "cpr-key-revocation/1"

ROLE_COMMUNE = "commune"
ROLE_DISTRICT = "district"
ROLES = (ROLE_COMMUNE, ROLE_DISTRICT)

#: Argon2id parameters for new key files (RFC 9106 §4, second recommended option)
ARGON2_PARAMS = {"iterations": 3, "lanes": 4, "memory_cost": 65536}
#: upper bounds accepted when reading a key file (a crafted file must not exhaust memory)
_ARGON2_MAX = {"iterations": 20, "lanes": 16, "memory_cost": 1 << 20}

CODE_RE = re.compile(r"^[0-9A-Za-z_-]{1,32}$")
DEVICE_RE = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
KEY_ID_RE = re.compile(r"^[0-9a-f]{32}$")
MAX_NAME = 200

#: ``key_id -> PublicKeyInfo | None``: the keys enrolled at this installation
KeyLookup = Callable[[str], "PublicKeyInfo | None"]
#: ``key_id -> Revocation | truthy | None``: whether a key is revoked
RevocationLookup = Callable[[str], Any]


# --- identifiers ------------------------------------------------------------


def key_digest(raw_public_key: bytes) -> str:
    """First 32 hex digits (128 bits) of SHA-256 of a raw public key."""
    return hashlib.sha256(raw_public_key).hexdigest()[:32]


def key_id_for(ed25519_raw: bytes) -> str:
    """The key id of an Ed25519 public key (32 lower-case hex digits)."""
    return key_digest(ed25519_raw)


def fingerprint(raw_public_key: bytes) -> str:
    """Human fingerprint: 32 upper-case hex digits in 8 groups of 4."""
    digest = key_digest(raw_public_key).upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def _raw(key: ed25519.Ed25519PublicKey | x25519.X25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _raw_private(key: ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def check_unit(role: str, code: str, name: str, device_id: str | None) -> None:
    """Raise ``ValueError`` when identity fields are malformed (programming/input error)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise ValueError("unit code must be 1-32 characters of [0-9A-Za-z_-]")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        raise ValueError(f"unit name must be non-empty text of at most {MAX_NAME} characters")
    if device_id is not None and (not isinstance(device_id, str) or not DEVICE_RE.match(device_id)):
        raise ValueError("device id must be 1-64 characters of [0-9A-Za-z_-]")


# --- public keys --------------------------------------------------------------


@dataclass(frozen=True)
class PublicKeyInfo:
    """A verified public-key document of a commune or district installation."""

    role: str
    code: str
    name: str
    key_id: str
    ed25519_raw: bytes = field(repr=False)
    x25519_raw: bytes | None = field(repr=False)
    created_at: str
    device_id: str | None
    document: dict[str, Any] = field(repr=False, compare=False, hash=False)

    @property
    def ed25519(self) -> ed25519.Ed25519PublicKey:
        return ed25519.Ed25519PublicKey.from_public_bytes(self.ed25519_raw)

    @property
    def x25519(self) -> x25519.X25519PublicKey | None:
        return None if self.x25519_raw is None else x25519.X25519PublicKey.from_public_bytes(self.x25519_raw)

    @property
    def signing_fingerprint(self) -> str:
        return fingerprint(self.ed25519_raw)

    @property
    def encryption_fingerprint(self) -> str | None:
        return None if self.x25519_raw is None else fingerprint(self.x25519_raw)

    @property
    def extra(self) -> dict[str, Any]:
        """Fields of the document this version does not know (kept, signed)."""
        known = {"format", "role", "code", "name", "key_id", "ed25519", "x25519", "created_at", "device_id", "signature"}
        return {k: v for k, v in self.document.items() if k not in known}

    def to_bytes(self) -> bytes:
        """The document as canonical JSON (what is written to a ``.cprkey`` file)."""
        return cj.canonical_bytes(self.document)

    def save(self, path: str | os.PathLike) -> None:
        atomic_write_bytes(path, self.to_bytes())

    @classmethod
    def from_document(cls, doc: Any, source: str = "public key") -> "PublicKeyInfo":
        """Validate a public-key document and its self-signature."""

        def bad(problem: str) -> KeyFileError:
            return refuse(KeyFileError, "sync.key_doc_bad", name=source, problem=problem)

        if not isinstance(doc, dict):
            raise bad("not a JSON object")
        fmt = doc.get("format")
        if not isinstance(fmt, str) or not fmt.startswith("cpr-public-key/"):
            raise bad("not a public key document")
        if fmt != PUBLIC_FORMAT:
            raise refuse(UnsupportedVersion, "sync.unsupported_version", name=source,
                         found=fmt.split("/", 1)[1], supported=PUBLIC_FORMAT.split("/", 1)[1])
        role, code, name = doc.get("role"), doc.get("code"), doc.get("name")
        device_id = doc.get("device_id")
        try:
            check_unit(role, code, name, device_id)
            ed_raw = cj.b64decode(doc.get("ed25519"), 32)
            x_raw = None
            if role == ROLE_DISTRICT:
                x_raw = cj.b64decode(doc.get("x25519"), 32)
            elif "x25519" in doc:
                raise ValueError("a commune key has no encryption key")
            cj.parse_time(doc.get("created_at"))
            ed_key = ed25519.Ed25519PublicKey.from_public_bytes(ed_raw)
            if x_raw is not None:
                x25519.X25519PublicKey.from_public_bytes(x_raw)
            signature, body = cj.document_signature(doc)
        except ValueError as exc:  # CanonicalError is a ValueError
            raise bad(str(exc)) from exc
        if doc.get("key_id") != key_id_for(ed_raw):
            raise bad("the key id does not match the key")
        if not cj.verify(ed_key, signature, "public-key", body):
            raise refuse(SignatureMismatch, "sync.key_doc_bad", name=source,
                         problem="the self-signature does not verify")
        return cls(role, code, name, doc["key_id"], ed_raw, x_raw, doc["created_at"], device_id, dict(doc))


def load_public_key(source: str | os.PathLike | bytes) -> PublicKeyInfo:
    """Read and verify a public-key file (path) or its bytes."""
    name = "public key"
    if not isinstance(source, (bytes, bytearray)):
        name = Path(source).name
        try:
            with open(source, "rb") as f:
                source = f.read(256 * 1024 + 1)
        except OSError as exc:
            raise refuse(KeyFileError, "sync.key_doc_bad", name=name, problem=exc.strerror or str(exc)) from exc
    if len(source) > 256 * 1024:
        raise refuse(KeyFileError, "sync.key_doc_bad", name=name, problem="file too large")
    try:
        doc = cj.parse_canonical(bytes(source), require_canonical=False)
    except cj.CanonicalError as exc:
        raise refuse(KeyFileError, "sync.key_doc_bad", name=name, problem=str(exc)) from exc
    return PublicKeyInfo.from_document(doc, name)


# --- private keys -------------------------------------------------------------


def _normalise_passphrase(passphrase: str) -> bytes:
    # Vietnamese input methods may type composed or decomposed letters: use NFC.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


@dataclass(frozen=True)
class InstallationKeys:
    """The private keys of this installation, with its public-key document.

    ``x25519_private`` is present for a district (receiving office) only.
    """

    ed25519_private: ed25519.Ed25519PrivateKey = field(repr=False)
    x25519_private: x25519.X25519PrivateKey | None = field(repr=False)
    public: PublicKeyInfo

    @property
    def key_id(self) -> str:
        return self.public.key_id

    @property
    def role(self) -> str:
        return self.public.role

    @classmethod
    def generate(cls, role: str, code: str, name: str, *, device_id: str | None = None,
                 created_at: str | None = None, extra: dict[str, Any] | None = None) -> "InstallationKeys":
        """Make new keys and their self-signed public-key document."""
        check_unit(role, code, name, device_id)
        ed_priv = ed25519.Ed25519PrivateKey.generate()
        x_priv = x25519.X25519PrivateKey.generate() if role == ROLE_DISTRICT else None
        ed_raw = _raw(ed_priv.public_key())
        doc: dict[str, Any] = dict(extra or {})
        doc.update({
            "format": PUBLIC_FORMAT, "role": role, "code": code, "name": name,
            "key_id": key_id_for(ed_raw), "ed25519": cj.b64encode(ed_raw),
            "created_at": created_at or cj.utc_now(),
        })
        if device_id is not None:
            doc["device_id"] = device_id
        if x_priv is not None:
            doc["x25519"] = cj.b64encode(_raw(x_priv.public_key()))
        doc = cj.sign_document(doc, ed_priv, "public-key")
        return cls(ed_priv, x_priv, PublicKeyInfo.from_document(doc))

    def sign(self, purpose: str, data: bytes) -> bytes:
        """Ed25519 signature of ``data`` for ``purpose`` (see :mod:`.canonical`)."""
        return cj.sign(self.ed25519_private, purpose, data)

    # -- storage --

    def to_bytes(self, passphrase: str | None) -> bytes:
        """Serialise as a ``cpr-private-key/1`` document (canonical JSON)."""
        secret = {"ed25519": cj.b64encode(_raw_private(self.ed25519_private))}
        if self.x25519_private is not None:
            secret["x25519"] = cj.b64encode(_raw_private(self.x25519_private))
        plain = cj.canonical_bytes(secret)
        doc: dict[str, Any] = {"format": PRIVATE_FORMAT, "public_key": self.public.document}
        if passphrase is None:
            doc.update({"protection": "none", "secret": cj.b64encode(plain)})
        else:
            if not passphrase:
                raise ValueError("an empty passphrase protects nothing; pass None for a file-permission-only key")
            salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
            kdf = {"name": "argon2id", "salt": cj.b64encode(salt), **ARGON2_PARAMS}
            key = _derive(passphrase, kdf)
            sealed = ChaCha20Poly1305(key).encrypt(nonce, plain, _private_aad(self.public.document))
            doc.update({"protection": "passphrase", "kdf": kdf, "aead": "ChaCha20Poly1305",
                        "nonce": cj.b64encode(nonce), "secret": cj.b64encode(sealed)})
        return cj.canonical_bytes(doc)

    def save(self, path: str | os.PathLike, passphrase: str | None) -> None:
        """Write the private key file atomically with owner-only permissions (0600)."""
        atomic_write_bytes(path, self.to_bytes(passphrase), private=True)

    @classmethod
    def from_bytes(cls, data: bytes, passphrase: str | None, source: str = "key file") -> "InstallationKeys":
        """Open a private key document; raises :class:`KeyFileError`/:class:`WrongPassphrase`."""

        def bad(problem: str) -> KeyFileError:
            return refuse(KeyFileError, "sync.key_file_bad", name=source, problem=problem)

        try:
            doc = cj.parse_canonical(data, require_canonical=False)
        except cj.CanonicalError as exc:
            raise bad(str(exc)) from exc
        if not isinstance(doc, dict) or doc.get("format") != PRIVATE_FORMAT:
            raise bad("not a private key file of this application")
        public = PublicKeyInfo.from_document(doc.get("public_key"), source)
        protection = doc.get("protection")
        try:
            if protection == "none":
                plain = cj.b64decode(doc.get("secret"))
            elif protection == "passphrase":
                if passphrase is None:
                    raise refuse(WrongPassphrase, "sync.key_needs_passphrase", name=source)
                kdf = doc.get("kdf")
                if doc.get("aead") != "ChaCha20Poly1305":
                    raise bad("unknown encryption")
                key = _derive(passphrase, kdf)
                nonce = cj.b64decode(doc.get("nonce"), 12)
                try:
                    plain = ChaCha20Poly1305(key).decrypt(nonce, cj.b64decode(doc.get("secret")),
                                                          _private_aad(public.document))
                except InvalidTag:
                    raise refuse(WrongPassphrase, "sync.key_wrong_passphrase") from None
            else:
                raise bad("unknown protection")
            secret = cj.parse_canonical(plain)
            if not isinstance(secret, dict):
                raise bad("malformed secret")
            ed_priv = ed25519.Ed25519PrivateKey.from_private_bytes(cj.b64decode(secret.get("ed25519"), 32))
            x_priv = None
            if "x25519" in secret:
                x_priv = x25519.X25519PrivateKey.from_private_bytes(cj.b64decode(secret["x25519"], 32))
        except ValueError as exc:
            raise bad(str(exc)) from exc
        if _raw(ed_priv.public_key()) != public.ed25519_raw or (
            (x_priv is None and public.x25519_raw is not None)
            or (x_priv is not None and _raw(x_priv.public_key()) != public.x25519_raw)
        ):
            raise bad("the private key does not match its public key")
        return cls(ed_priv, x_priv, public)

    @classmethod
    def load(cls, path: str | os.PathLike, passphrase: str | None = None) -> "InstallationKeys":
        """Read a private key file. A file readable by others is narrowed to 0600."""
        p = Path(path)
        try:
            if os.name == "posix" and stat.S_IMODE(p.stat().st_mode) & 0o077:
                make_private(p)
            data = p.read_bytes()
        except OSError as exc:
            raise refuse(KeyFileError, "sync.key_file_bad", name=p.name, problem=exc.strerror or str(exc)) from exc
        return cls.from_bytes(data, passphrase, p.name)


def _private_aad(public_doc: dict[str, Any]) -> bytes:
    return PRIVATE_FORMAT.encode("ascii") + b"\0" + cj.canonical_bytes(public_doc)


def _derive(passphrase: str, kdf: Any) -> bytes:
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise ValueError("unknown key derivation")
    params = {}
    for name, limit in _ARGON2_MAX.items():
        value = kdf.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= limit:
            raise ValueError(f"key derivation parameter {name} out of range")
        params[name] = value
    if params["memory_cost"] < 8 * params["lanes"]:
        raise ValueError("key derivation parameter memory_cost out of range")
    salt = cj.b64decode(kdf.get("salt"), 16)
    return Argon2id(salt=salt, length=32, **params).derive(_normalise_passphrase(passphrase))


# --- rotation and revocation -------------------------------------------------------


@dataclass(frozen=True)
class RotationStatement:
    """``old_key_id`` hands over to ``new_key`` (signed by the old key)."""

    old_key_id: str
    new_key: PublicKeyInfo
    rotated_at: str
    reason: str
    document: dict[str, Any] = field(repr=False, compare=False)

    def to_bytes(self) -> bytes:
        return cj.canonical_bytes(self.document)


def make_rotation(old: InstallationKeys, new: InstallationKeys, reason: str = "",
                  rotated_at: str | None = None) -> RotationStatement:
    """The old key signs a statement that ``new`` replaces it (same role and unit)."""
    if (old.public.role, old.public.code) != (new.public.role, new.public.code):
        raise ValueError("a key can only hand over to a key of the same role and unit")
    if old.key_id == new.key_id:
        raise ValueError("the new key is the old key")
    doc = {"format": ROTATION_FORMAT, "old_key_id": old.key_id, "new_key": new.public.document,
           "rotated_at": rotated_at or cj.utc_now(), "reason": reason}
    doc = cj.sign_document(doc, old.ed25519_private, "key-rotation")
    return RotationStatement(old.key_id, new.public, doc["rotated_at"], reason, doc)


def verify_rotation(source: bytes | dict[str, Any], *, trusted_keys: KeyLookup,
                    revoked: RevocationLookup, name: str = "rotation") -> RotationStatement:
    """Verify a rotation statement against the enrolled old key.

    Returns the statement; the caller enrols ``new_key`` and marks the old key
    as superseded. A revoked old key cannot rotate (enrol the new key on paper).
    """

    def bad(problem: str) -> InvalidPackage:
        return refuse(InvalidPackage, "sync.rotation_bad", name=name, problem=problem)

    try:
        doc = cj.parse_canonical(source) if isinstance(source, (bytes, bytearray)) else source
        if not isinstance(doc, dict) or doc.get("format") != ROTATION_FORMAT:
            raise bad("not a key rotation statement")
        signature, body = cj.document_signature(doc)
        cj.parse_time(doc.get("rotated_at"))
    except cj.CanonicalError as exc:
        raise bad(str(exc)) from exc
    if not isinstance(doc.get("reason"), str):
        raise bad("reason must be text")
    old_id = doc.get("old_key_id")
    old = trusted_keys(old_id) if isinstance(old_id, str) and KEY_ID_RE.match(old_id) else None
    if old is None:
        raise refuse(UnknownSigner, "sync.unknown_signer", name=name, key_id=str(old_id)[:40])
    check_not_revoked(revoked, old_id, name)
    if not cj.verify(old.ed25519, signature, "key-rotation", body):
        raise refuse(SignatureMismatch, "sync.rotation_bad", name=name, problem="the old key's signature does not verify")
    new = PublicKeyInfo.from_document(doc.get("new_key"), name)
    if (new.role, new.code) != (old.role, old.code) or new.key_id == old.key_id:
        raise bad("the new key is not of the same role and unit")
    return RotationStatement(old_id, new, doc["rotated_at"], doc["reason"], dict(doc))


@dataclass(frozen=True)
class Revocation:
    """A revoked key: which key, when, why, and which office key signed it."""

    key_id: str
    revoked_at: str
    reason: str
    revoked_by: str
    document: dict[str, Any] = field(repr=False, compare=False)

    def to_bytes(self) -> bytes:
        return cj.canonical_bytes(self.document)


def make_revocation(key_id: str, reason: str, signer: InstallationKeys,
                    revoked_at: str | None = None) -> Revocation:
    """A district records that ``key_id`` is revoked (signed by the district key)."""
    if not KEY_ID_RE.match(key_id):
        raise ValueError("malformed key id")
    if signer.role != ROLE_DISTRICT:
        raise ValueError("only a receiving office revokes keys")
    doc = {"format": REVOCATION_FORMAT, "key_id": key_id, "revoked_at": revoked_at or cj.utc_now(),
           "reason": reason, "revoked_by": signer.key_id}
    doc = cj.sign_document(doc, signer.ed25519_private, "key-revocation")
    return Revocation(key_id, doc["revoked_at"], reason, signer.key_id, doc)


def verify_revocation(source: bytes | dict[str, Any], *, trusted_keys: KeyLookup,
                      name: str = "revocation") -> Revocation:
    """Verify a revocation record signed by an enrolled district key.

    A revocation is honoured even when signed by the key it revokes (a stolen
    key can only be used to give itself up).
    """

    def bad(problem: str) -> InvalidPackage:
        return refuse(InvalidPackage, "sync.revocation_bad", name=name, problem=problem)

    try:
        doc = cj.parse_canonical(source) if isinstance(source, (bytes, bytearray)) else source
        if not isinstance(doc, dict) or doc.get("format") != REVOCATION_FORMAT:
            raise bad("not a key revocation record")
        signature, body = cj.document_signature(doc)
        cj.parse_time(doc.get("revoked_at"))
    except cj.CanonicalError as exc:
        raise bad(str(exc)) from exc
    key_id, by, reason = doc.get("key_id"), doc.get("revoked_by"), doc.get("reason")
    if not (isinstance(key_id, str) and KEY_ID_RE.match(key_id)) or not isinstance(reason, str):
        raise bad("malformed key id or reason")
    signer = trusted_keys(by) if isinstance(by, str) and KEY_ID_RE.match(by) else None
    if signer is None or signer.role != ROLE_DISTRICT:
        raise refuse(UnknownSigner, "sync.unknown_signer", name=name, key_id=str(by)[:40])
    if not cj.verify(signer.ed25519, signature, "key-revocation", body):
        raise refuse(SignatureMismatch, "sync.revocation_bad", name=name, problem="the signature does not verify")
    return Revocation(key_id, doc["revoked_at"], reason, by, dict(doc))


def check_not_revoked(revoked: RevocationLookup, key_id: str, name: str, key: str = "sync.revoked_key") -> None:
    """Raise :class:`RevokedKey` when ``revoked(key_id)`` says so."""
    record = revoked(key_id)
    if record:
        when = getattr(record, "revoked_at", "?")
        reason = getattr(record, "reason", "") or "?"
        raise refuse(RevokedKey, key, name=name, key_id=key_id, revoked_at=when, reason=reason)


def not_revoked(_key_id: str) -> None:
    """A :data:`RevocationLookup` for an installation that has revoked nothing."""
    return None
