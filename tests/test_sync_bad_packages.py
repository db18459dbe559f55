"""A corpus of bad packages: each one is refused with the right typed error,
whose message exists in Vietnamese and English and says what to do."""

from __future__ import annotations

import hashlib
import json
import struct
import time
import zlib
from typing import Callable

import pytest

from desktop_app import i18n
from desktop_app.errors import Refused
from desktop_app.sync import canonical as cj
from desktop_app.sync.container import Limits
from desktop_app.sync.errors import (
    InvalidPackage,
    KeyFileError,
    PackageTooLarge,
    PayloadTampered,
    ReplayedPackage,
    RevokedKey,
    SignatureMismatch,
    SyncError,
    UnknownSigner,
    UnsafeName,
    UnsupportedVersion,
    WrongRecipient,
)
from desktop_app.sync.keys import InstallationKeys, make_revocation
from desktop_app.sync.package import assemble
from desktop_app.sync.testing import SyncWorld, craft, manifest_for, raw_container, split, zlib_bomb

MiB = 1024 * 1024
SMALL = Limits(max_package_bytes=4 * MiB, max_file_bytes=1 * MiB, max_total_bytes=2 * MiB, max_files=8,
               max_manifest_bytes=64 * 1024, max_ratio=100, ratio_floor=64 * 1024)


@pytest.fixture(scope="module")
def world() -> SyncWorld:
    return SyncWorld.make()


@pytest.fixture(scope="module")
def good(world) -> bytes:
    return world.build(5)


def _entry(content: bytes, method: str = "none") -> tuple[tuple[str, int, str, int], bytes]:
    stored = zlib.compress(content) if method == "zlib" else content
    return (method, len(content), hashlib.sha256(content).hexdigest(), len(stored)), stored


def _one_file(world, name: str, content: bytes, *, container_name: bytes | None = None, method: str = "none",
              **overrides) -> bytes:
    declared, stored = _entry(content, method)
    manifest = manifest_for(world, {name: declared}, sequence=5)
    manifest.update(overrides)
    code = 1 if method == "zlib" else 0
    return craft(world, manifest, raw_container([(container_name or name.encode(), code, stored)]))


def _resigned(world, good: bytes, change: Callable[[dict], None], signer=None) -> bytes:
    parts = split(good)
    manifest = parts.manifest
    change(manifest)
    return parts.resign(manifest, signer or world.commune).join()


def _with_manifest_bytes(world, good: bytes, body: bytes) -> bytes:
    parts = split(good)
    return assemble(body, world.commune.sign("sync-manifest", body), parts.ciphertext)


def _flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1:]


# Each case: (id, builder(world, good) -> bytes, expected class, expected message key or None)
CASES: list[tuple[str, Callable[[SyncWorld, bytes], bytes], type[SyncError], str | None]] = [
    # --- structure ---
    ("empty file", lambda w, g: b"", InvalidPackage, "sync.not_a_package"),
    ("truncated in magic", lambda w, g: g[:5], InvalidPackage, "sync.truncated"),
    ("truncated in header", lambda w, g: g[:13], InvalidPackage, "sync.truncated"),
    ("truncated in manifest", lambda w, g: g[:200], InvalidPackage, "sync.truncated"),
    ("truncated in payload", lambda w, g: g[:-1], InvalidPackage, "sync.truncated"),
    ("payload length beyond the file", lambda w, g: (lambda p: p[: len(p) - len(split(g).ciphertext) - 8]
                                                     + struct.pack(">Q", 2**63) + split(g).ciphertext)(g),
     InvalidPackage, "sync.truncated"),
    ("trailing data", lambda w, g: g + b"\0", InvalidPackage, "sync.trailing_data"),
    ("wrong magic", lambda w, g: b"CPRSYNK\0" + g[8:], InvalidPackage, "sync.not_a_package"),
    ("zip file", lambda w, g: b"PK\x03\x04" + b"\0" * 100, InvalidPackage, "sync.not_a_package"),
    ("future major version", lambda w, g: g[:8] + struct.pack(">HH", 2, 0) + g[12:], UnsupportedVersion,
     "sync.unsupported_version"),
    ("header version differs from manifest", lambda w, g: g[:8] + struct.pack(">HH", 1, 1) + g[12:],
     InvalidPackage, "sync.bad_field"),
    ("manifest length beyond limit", lambda w, g: g[:12] + struct.pack(">I", 0xFFFFFFFF) + g[16:], PackageTooLarge,
     "sync.too_large"),
    # --- malformed manifest JSON (well signed, so only the parser can object) ---
    ("manifest not JSON", lambda w, g: _with_manifest_bytes(w, g, b"{manifest"), InvalidPackage, "sync.bad_manifest"),
    ("manifest not UTF-8", lambda w, g: _with_manifest_bytes(w, g, b'{"a":"\xff"}'), InvalidPackage,
     "sync.bad_manifest"),
    ("manifest not canonical", lambda w, g: _with_manifest_bytes(
        w, g, json.dumps(split(g).manifest, indent=1).encode()), InvalidPackage, "sync.bad_manifest"),
    ("manifest duplicate key", lambda w, g: _with_manifest_bytes(w, g, b'{"a":1,"a":1}'), InvalidPackage,
     "sync.bad_manifest"),
    ("manifest NaN", lambda w, g: _with_manifest_bytes(w, g, b'{"a":NaN}'), InvalidPackage, "sync.bad_manifest"),
    ("manifest deeply nested", lambda w, g: _with_manifest_bytes(w, g, b"[" * 5000 + b"]" * 5000), InvalidPackage,
     "sync.bad_manifest"),
    ("manifest is a list", lambda w, g: _with_manifest_bytes(w, g, b"[]"), InvalidPackage, "sync.bad_manifest"),
    ("manifest wrong format", lambda w, g: _resigned(w, g, lambda m: m.update(format="zip")), InvalidPackage,
     "sync.bad_field"),
    ("manifest missing sequence", lambda w, g: _resigned(w, g, lambda m: m.pop("sequence")), InvalidPackage,
     "sync.bad_field"),
    ("manifest sequence is text", lambda w, g: _resigned(w, g, lambda m: m.update(sequence="6")), InvalidPackage,
     "sync.bad_field"),
    ("manifest sequence is bool", lambda w, g: _resigned(w, g, lambda m: m.update(sequence=True)), InvalidPackage,
     "sync.bad_field"),
    ("manifest bad kind", lambda w, g: _resigned(w, g, lambda m: m.update(kind="partial")), InvalidPackage,
     "sync.bad_field"),
    ("manifest bad time", lambda w, g: _resigned(w, g, lambda m: m.update(created_at="hôm qua")), InvalidPackage,
     "sync.bad_field"),
    ("manifest bad file hash", lambda w, g: _resigned(
        w, g, lambda m: m["files"]["members.jsonl"].update(sha256="XYZ")), InvalidPackage, "sync.bad_field"),
    ("unsupported encryption", lambda w, g: _resigned(
        w, g, lambda m: m["encryption"].update(aead="AES-128-CBC")), InvalidPackage, "sync.unsupported_crypto"),
    # --- signature and keys ---
    ("bad signature", lambda w, g: _flip(g, 16 + len(split(g).manifest_bytes) + 2 + 10), SignatureMismatch,
     "sync.bad_signature"),
    ("signature of wrong length", lambda w, g: (lambda p: assemble(p.manifest_bytes, p.signature[:63],
                                                                  p.ciphertext))(split(g)),
     SignatureMismatch, "sync.bad_signature"),
    ("manifest changed after signing", lambda w, g: (lambda p: assemble(
        cj.canonical_bytes(dict(p.manifest, sequence=6)), p.signature, p.ciphertext))(split(g)),
     SignatureMismatch, "sync.bad_signature"),
    ("signed by another key with the enrolled key id", lambda w, g: _resigned(
        w, g, lambda m: None, signer=InstallationKeys.generate("commune", "22246", "Xã Đông Hòa")),
     SignatureMismatch, "sync.bad_signature"),
    ("unknown signer", lambda w, g: w.build(5, signer=InstallationKeys.generate(
        "commune", "22246", "Xã Đông Hòa", device_id="laptop-1")), UnknownSigner, "sync.unknown_signer"),
    ("signer claims another commune", lambda w, g: _resigned(
        w, g, lambda m: m.update(commune_code="99999")), UnknownSigner, "sync.signer_wrong_unit"),
    ("signer claims another device", lambda w, g: _resigned(
        w, g, lambda m: m.update(device_id="laptop-9")), UnknownSigner, "sync.signer_wrong_unit"),
    ("meant for another district", lambda w, g: w.build(5, recipient=w.other_district.public), WrongRecipient,
     "sync.wrong_recipient"),
    # --- payload ---
    ("flipped byte in payload", lambda w, g: _flip(g, len(g) - 40), PayloadTampered, "sync.hash_mismatch"),
    ("ciphertext hash disagrees (re-signed)", lambda w, g: _resigned(
        w, g, lambda m: m["encryption"].update(ciphertext_sha256="0" * 64)), PayloadTampered, "sync.hash_mismatch"),
    ("file hash disagrees (re-signed)", lambda w, g: _resigned(
        w, g, lambda m: m["files"]["members.jsonl"].update(sha256="0" * 64)), PayloadTampered,
     "sync.decrypt_failed"),  # the manifest is bound into the HPKE info
    ("file hash disagrees (re-encrypted)", lambda w, g: (lambda d, s: craft(
        w, manifest_for(w, {"members.jsonl": (d[0], d[1], "0" * 64, d[3])}, 5),
        raw_container([(b"members.jsonl", 0, s)])))(*_entry(b"x\n")), PayloadTampered, "sync.hash_mismatch"),
    ("ciphertext of another package under this manifest", lambda w, g: (lambda p, q: assemble(
        q.manifest_bytes, q.signature, p.ciphertext))(split(w.build(5, files={"a.jsonl": b"1"})), split(g)),
     PayloadTampered, "sync.hash_mismatch"),
    ("low-order ephemeral key (re-signed)", lambda w, g: _resigned(
        w, g, lambda m: m["encryption"].update(enc=cj.b64encode(bytes(32)))), PayloadTampered, "sync.decrypt_failed"),
    ("another commune re-wraps this commune's ciphertext", lambda w, g: _rewrap(w, g), PayloadTampered,
     "sync.decrypt_failed"),
    ("container lists an extra file", lambda w, g: (lambda d, s: craft(
        w, manifest_for(w, {"a.jsonl": d}, 5), raw_container([(b"a.jsonl", 0, s), (b"b.jsonl", 0, s)])))(
        *_entry(b"1")), InvalidPackage, "sync.bad_container"),
    ("container file stored differently", lambda w, g: (lambda d, s: craft(
        w, manifest_for(w, {"a.jsonl": d}, 5), raw_container([(b"a.jsonl", 1, s)])))(*_entry(b"1")),
     InvalidPackage, "sync.bad_container"),
    ("container garbage", lambda w, g: craft(w, manifest_for(w, {}, 5), b"garbage"), InvalidPackage,
     "sync.bad_container"),
    ("container trailing bytes", lambda w, g: craft(w, manifest_for(w, {}, 5), raw_container([]) + b"\0"),
     InvalidPackage, "sync.bad_container"),
    ("invalid zlib stream", lambda w, g: craft(w, manifest_for(w, {"a.jsonl": ("zlib", 10, "0" * 64, 4)}, 5),
                                               raw_container([(b"a.jsonl", 1, b"\x78\x9c\xff\xff")])),
     InvalidPackage, "sync.bad_container"),
    # --- names ---
    *[(f"unsafe name {n!r}", (lambda n: lambda w, g: _one_file(w, n, b"x"))(n), UnsafeName, "sync.unsafe_name")
      for n in ("../evil.jsonl", "/etc/passwd", "a/b.jsonl", "C:\\x.jsonl", "..", ".hidden", "-rf",
                "Households.jsonl", "", "a" * 65, "naïve.jsonl", "a..b", "x\0.jsonl", "a b")],
    ("unsafe name only in container", lambda w, g: _one_file(w, "a.jsonl", b"x", container_name=b"../a.jsonl"),
     UnsafeName, "sync.unsafe_name"),
    ("non-ASCII name only in container", lambda w, g: _one_file(w, "a.jsonl", b"x", container_name=b"\xc3\xa9"),
     UnsafeName, "sync.unsafe_name"),
]


def _rewrap(world: SyncWorld, good: bytes) -> bytes:
    """Commune B takes commune A's ciphertext and signs it as its own package."""
    other = InstallationKeys.generate("commune", "33333", "Xã Bên Cạnh", device_id="laptop-b")
    world.enroll(other.public)
    parts = split(good)
    manifest = dict(parts.manifest, commune_code="33333", commune_name="Xã Bên Cạnh", device_id="laptop-b",
                    signer_key_id=other.key_id)
    return parts.resign(manifest, other).join()


@pytest.mark.parametrize("case_id,build,expected,key", CASES, ids=[c[0] for c in CASES])
def test_bad_package_is_refused(world, good, case_id, build, expected, key):
    data = build(world, good)
    with pytest.raises(expected) as err:
        world.read(data)
    assert type(err.value) is expected, f"{case_id}: got {type(err.value).__name__}: {err.value}"
    if key:
        assert err.value.key == key, f"{case_id}: {err.value.key}: {err.value}"
    _assert_good_message(err.value)


def _assert_good_message(err: SyncError) -> None:
    assert isinstance(err, Refused) and err.exit_code == 3
    vi, en = i18n.t(err.key, "vi", **err.params), i18n.t(err.key, "en", **err.params)
    assert vi == err.message and vi != en and len(en) > 30


def test_good_package_passes_the_same_checks(world, good):
    assert world.read(good).manifest.sequence == 5


def test_bad_package_message_says_what_to_do(world, good):
    with pytest.raises(PayloadTampered) as err:
        world.read(_flip(good, len(good) - 40))
    assert "xuất lại gói" in err.value.message
    assert "export the package again" in i18n.t(err.value.key, "en", **err.value.params)


# --- keys, sequences ----------------------------------------------------------------


def test_revoked_key(world, good):
    world.revoke(world.commune.key_id, make_revocation(world.commune.key_id, "mất máy", world.district))
    try:
        with pytest.raises(RevokedKey) as err:
            world.read(good)
        _assert_good_message(err.value)
        world.revoke(world.commune.key_id, True)
        with pytest.raises(RevokedKey):
            world.read(good)
    finally:
        world.revocations.clear()


@pytest.mark.parametrize("last", [5, 6, 100])
def test_replayed_sequence(world, good, last):
    world.sequences[("22246", "laptop-1")] = last
    try:
        with pytest.raises(ReplayedPackage) as err:
            world.read(good)
        _assert_good_message(err.value)
    finally:
        world.sequences.clear()


def test_commune_installation_cannot_open_packages(world, good):
    with pytest.raises(KeyFileError):
        world.read(good, my_keys=world.commune)


# --- sizes and bombs -------------------------------------------------------------------


def test_oversized_package(world, good, tmp_path):
    limits = Limits(max_package_bytes=len(good) - 1)
    with pytest.raises(PackageTooLarge):
        world.read(good, limits=limits)
    path = tmp_path / "big.cprsync"
    path.write_bytes(good)
    with pytest.raises(PackageTooLarge):
        world.read(path, limits=limits)


def test_declared_file_too_large(world):
    data = craft(world, manifest_for(world, {"a.jsonl": ("zlib", 5 * MiB, "0" * 64, 100)}, 5), raw_container([]))
    with pytest.raises(PackageTooLarge):
        world.read(data, limits=SMALL)


def test_too_many_files(world):
    files = {f"f{i}.jsonl": _entry(b"")[0] for i in range(9)}
    data = craft(world, manifest_for(world, files, 5), raw_container([]))
    with pytest.raises(PackageTooLarge):
        world.read(data, limits=SMALL)


def test_total_size_too_large(world):
    files = {f"f{i}.jsonl": ("none", 900 * 1024, "0" * 64, 900 * 1024) for i in range(3)}
    with pytest.raises(PackageTooLarge):
        world.read(craft(world, manifest_for(world, files, 5), raw_container([])), limits=SMALL)


def test_compression_bomb_with_honest_size_is_refused_by_ratio(world):
    bomb = zlib_bomb(900 * 1024)  # within the file limit, but ~1000:1
    content = b"\0" * (900 * 1024)
    declared = ("zlib", len(content), hashlib.sha256(content).hexdigest(), len(bomb))
    data = craft(world, manifest_for(world, {"audit.jsonl": declared}, 5), raw_container([(b"audit.jsonl", 1, bomb)]))
    with pytest.raises(PackageTooLarge):
        world.read(data, limits=SMALL)


def test_compression_bomb_that_lies_about_its_size_is_stopped_early(world):
    bomb = zlib_bomb(512 * MiB)  # ~0.5 MB stored, would inflate to 512 MiB
    declared = ("zlib", 1000, "0" * 64, len(bomb))
    data = craft(world, manifest_for(world, {"audit.jsonl": declared}, 5), raw_container([(b"audit.jsonl", 1, bomb)]))
    start = time.monotonic()
    with pytest.raises(PackageTooLarge):
        world.read(data)
    assert time.monotonic() - start < 5  # stopped after the first bounded chunk, not after 512 MiB
