"""Helpers for tests of the sync layer: a small world of keys, and crafting of
hostile packages (signed with a real key, but with any manifest or container).

Not used by the application; kept in the package so that every sync test
module (and the lead's integration tests) can share it.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from typing import Any

from desktop_app.sync import canonical as cj
from desktop_app.sync import container
from desktop_app.sync.keys import InstallationKeys, PublicKeyInfo, Revocation
from desktop_app.sync.package import (
    DEFAULT_LIMITS,
    Limits,
    VerifiedPackage,
    assemble,
    build_package,
    encrypt_payload,
    read_package,
)

SAMPLE_FILES = {
    "households.jsonl": b'{"household_id":"h1","village":"Th\xc3\xb4n \xc4\x90\xc3\xb4ng"}\n' * 50,
    "members.jsonl": b'{"member_id":"m1","household_id":"h1"}\n' * 120,
    "surveys.jsonl": b'{"survey_id":"s1"}\n',
    "tombstones.jsonl": b"",
}


@dataclass
class SyncWorld:
    """A commune, its office, another office, and the office's enrolment state."""

    commune: InstallationKeys
    district: InstallationKeys
    other_district: InstallationKeys
    enrolled: dict[str, PublicKeyInfo] = field(default_factory=dict)
    revocations: dict[str, Any] = field(default_factory=dict)
    sequences: dict[tuple[str, str], int] = field(default_factory=dict)

    @classmethod
    def make(cls) -> "SyncWorld":
        commune = InstallationKeys.generate("commune", "22246", "Xã Đông Hòa", device_id="laptop-1",
                                            created_at="2025-10-01T08:00:00Z")
        district = InstallationKeys.generate("district", "717", "Phòng Nội vụ huyện Mẫu",
                                             created_at="2025-09-01T08:00:00Z")
        other = InstallationKeys.generate("district", "718", "Phòng Nội vụ huyện Khác")
        world = cls(commune, district, other)
        world.enroll(commune.public, district.public)
        return world

    def enroll(self, *infos: PublicKeyInfo) -> None:
        for info in infos:
            self.enrolled[info.key_id] = info

    def revoke(self, key_id: str, record: Revocation | bool = True) -> None:
        self.revocations[key_id] = record

    def last_sequence(self, commune_code: str, device_id: str) -> int | None:
        return self.sequences.get((commune_code, device_id))

    def fields(self, sequence: int = 1, **extra: Any) -> dict[str, Any]:
        base = {"sequence": sequence, "kind": "full", "standards": ["vn-2022-2025"],
                "counts": {"households": 50, "members": 120, "surveys": 1}}
        base.update(extra)
        return base

    def build(self, sequence: int = 1, files: dict[str, bytes] | None = None, signer: InstallationKeys | None = None,
              recipient: PublicKeyInfo | None = None, limits: Limits = DEFAULT_LIMITS, **extra: Any) -> bytes:
        data, _ = build_package(self.fields(sequence, **extra), SAMPLE_FILES if files is None else files,
                                signer or self.commune, recipient or self.district.public, limits=limits)
        return data

    def read(self, data: Any, limits: Limits = DEFAULT_LIMITS, my_keys: Any = None) -> VerifiedPackage:
        return read_package(data, trusted_keys=self.enrolled.get, revoked=self.revocations.get,
                            my_keys=my_keys if my_keys is not None else self.district,
                            last_sequence=self.last_sequence, limits=limits)


@dataclass
class Parts:
    """A package split into its parts (for tampering)."""

    version: tuple[int, int]
    manifest_bytes: bytes
    signature: bytes
    ciphertext: bytes

    @property
    def manifest(self) -> dict[str, Any]:
        return cj.parse_canonical(self.manifest_bytes)

    def join(self) -> bytes:
        return assemble(self.manifest_bytes, self.signature, self.ciphertext, self.version)

    def resign(self, manifest: dict[str, Any], signer: InstallationKeys) -> "Parts":
        body = cj.canonical_bytes(manifest)
        return Parts(self.version, body, signer.sign("sync-manifest", body), self.ciphertext)


def split(data: bytes) -> Parts:
    """Split well-formed package bytes into parts."""
    major, minor, mlen = struct.unpack(">HHI", data[8:16])
    manifest = data[16 : 16 + mlen]
    pos = 16 + mlen
    (slen,) = struct.unpack(">H", data[pos : pos + 2])
    sig = data[pos + 2 : pos + 2 + slen]
    pos += 2 + slen
    (clen,) = struct.unpack(">Q", data[pos : pos + 8])
    return Parts((major, minor), manifest, sig, data[pos + 8 : pos + 8 + clen])


def raw_container(entries: list[tuple[bytes, int, bytes]]) -> bytes:
    """Container bytes from (raw name, method code, stored bytes) with no checks."""
    out = [container.MAGIC, struct.pack(">I", len(entries))]
    for name, method, stored in entries:
        out += [struct.pack(">B", len(name)), name, struct.pack(">BQ", method, len(stored)), stored]
    return b"".join(out)


def craft(world: SyncWorld, manifest: dict[str, Any], plaintext: bytes, *, signer: InstallationKeys | None = None,
          recipient: PublicKeyInfo | None = None, version: tuple[int, int] = (1, 0)) -> bytes:
    """Encrypt any container to ``recipient`` and sign any manifest: a package
    that is well signed and well encrypted but whose content may be hostile."""
    manifest = dict(manifest)
    manifest.pop("encryption", None)
    manifest["encryption"], ciphertext = encrypt_payload(plaintext, recipient or world.district.public, manifest)
    body = cj.canonical_bytes(manifest)
    return assemble(body, (signer or world.commune).sign("sync-manifest", body), ciphertext, version)


def manifest_for(world: SyncWorld, files: dict[str, tuple[str, int, str, int]], sequence: int = 1,
                 **extra: Any) -> dict[str, Any]:
    """A complete manifest (without encryption) declaring ``files`` as
    ``name -> (method, size, sha256, stored_size)``."""
    m = world.fields(sequence, **extra)
    m.update(format="cpr-sync-package", format_version="1.0", commune_code=world.commune.public.code,
             commune_name=world.commune.public.name, device_id="laptop-1", created_at="2025-11-02T03:04:05Z",
             app_version="0.1.0", base_receipt=m.get("base_receipt"), signer_key_id=world.commune.key_id,
             recipient_key_id=world.district.key_id)
    m["files"] = {n: {"method": meth, "size": size, "sha256": digest, "stored_size": stored}
                  for n, (meth, size, digest, stored) in files.items()}
    return m


def zlib_bomb(size: int) -> bytes:
    """zlib data of ``size`` zero bytes (about 1000:1)."""
    c = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    out = []
    left = size
    while left > 0:
        out.append(c.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    out.append(c.flush())
    return b"".join(out)
