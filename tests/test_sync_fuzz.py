"""Fuzzing: damaged packages, receipts, signed files and key files raise only
typed errors (subclasses of desktop_app.errors.AppError), never anything else."""

from __future__ import annotations

import hashlib
from typing import Any, Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.errors import AppError
from desktop_app.sync import canonical as cj
from desktop_app.sync.container import Limits
from desktop_app.sync.keys import InstallationKeys, load_public_key, verify_revocation, verify_rotation, \
    make_rotation
from desktop_app.sync.receipt import make_receipt, verify_receipt
from desktop_app.sync.signed_file import sign_file, verify_signed_file
from desktop_app.sync.testing import SyncWorld, craft, manifest_for, raw_container, split

WORLD = SyncWorld.make()
LIMITS = Limits(max_package_bytes=1 << 20, max_file_bytes=1 << 18, max_total_bytes=1 << 19, max_files=16,
                max_manifest_bytes=1 << 16, ratio_floor=1 << 12)
GOOD = WORLD.build(3, files={"households.jsonl": b'{"id":"h1"}\n' * 40, "members.jsonl": b"x", "e.jsonl": b""},
                   limits=LIMITS)
_data, _manifest = GOOD, WORLD.read(GOOD, limits=LIMITS).manifest
RECEIPT = make_receipt(_manifest, WORLD.district).to_bytes()
SIGNED = sign_file(b"[standard]\nid = \"vn-2027-2030\"\n", "vn-2027-2030.toml", WORLD.district)
PUBLIC = WORLD.district.public.to_bytes()
PRIVATE = WORLD.commune.to_bytes(None)
ROTATION = make_rotation(WORLD.commune, InstallationKeys.generate("commune", "22246", "Xã Đông Hòa")).to_bytes()

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: Any, data: bytes) -> bytes:
    """Apply 1-4 random edits: flip, overwrite, delete, insert, truncate, duplicate."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "set", "delete", "insert", "truncate", "dup"]))
        if not out:
            out += draw(st.binary(max_size=8))
            continue
        i = draw(st.integers(0, len(out) - 1))
        if op == "flip":
            out[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            out[i] = draw(st.integers(0, 255))
        elif op == "delete":
            del out[i : i + draw(st.integers(1, 64))]
        elif op == "insert":
            out[i:i] = draw(st.binary(min_size=1, max_size=32))
        elif op == "truncate":
            del out[i:]
        else:
            j = draw(st.integers(i, min(len(out), i + 64)))
            out[i:i] = out[i:j]
    return bytes(out)


def _only_typed_errors(call: Callable[[], Any]) -> None:
    try:
        call()
    except AppError as exc:
        assert exc.message  # every refusal has a message
    # any other exception propagates and fails the test


def _read(data: bytes) -> Any:
    return WORLD.read(data, limits=LIMITS)


@FUZZ
@given(mutated(GOOD))
def test_mutated_package(data):
    _only_typed_errors(lambda: _read(data))


@FUZZ
@given(st.integers(0, len(GOOD)))
def test_truncated_package(n):
    if n == len(GOOD):
        assert _read(GOOD[:n]).manifest.sequence == 3
    else:
        _only_typed_errors(lambda: _read(GOOD[:n]))


@FUZZ
@given(st.binary(max_size=512))
def test_random_bytes_after_magic(tail):
    _only_typed_errors(lambda: _read(b"CPRSYNC\0\x00\x01\x00\x00" + tail))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
FIELDS = ["format", "format_version", "commune_code", "commune_name", "device_id", "sequence", "base_receipt",
          "created_at", "app_version", "standards", "counts", "kind", "signer_key_id", "recipient_key_id",
          "files", "encryption", "unknown_field"]


@FUZZ
@given(st.sampled_from(FIELDS), json_values, st.booleans())
def test_re_signed_manifest_with_any_value(field, value, drop):
    """A well-signed manifest whose fields hold anything: still only typed errors."""
    parts = split(GOOD)
    manifest = parts.manifest
    if drop:
        manifest.pop(field, None)
    else:
        manifest[field] = value
    try:
        resigned = parts.resign(manifest, WORLD.commune).join()
    except cj.CanonicalError:
        return  # not representable as canonical JSON (NaN, lone surrogate): cannot be signed either
    _only_typed_errors(lambda: _read(resigned))


@FUZZ
@given(mutated(raw_container([(b"a.jsonl", 0, b"12345"), (b"b.jsonl", 1, b"x\x9c3\x04\x00\x002\x002")])))
def test_hostile_container_well_encrypted(plaintext):
    """The signer itself sends a malformed container: only typed errors."""
    digest = hashlib.sha256(b"12345").hexdigest()
    manifest = manifest_for(WORLD, {"a.jsonl": ("none", 5, digest, 5),
                                    "b.jsonl": ("zlib", 1, hashlib.sha256(b"1").hexdigest(), 9)}, 3)
    _only_typed_errors(lambda: _read(craft(WORLD, manifest, plaintext)))


def _receipt(data: bytes) -> Any:
    return verify_receipt(data, trusted_keys=WORLD.enrolled.get, revoked=WORLD.revocations.get,
                          commune_code="22246", device_id="laptop-1")


@FUZZ
@given(mutated(RECEIPT))
def test_mutated_receipt(data):
    _only_typed_errors(lambda: _receipt(data))


@FUZZ
@given(mutated(SIGNED))
def test_mutated_signed_file(data):
    _only_typed_errors(lambda: verify_signed_file(data, trusted_keys=WORLD.enrolled.get,
                                                  revoked=WORLD.revocations.get))


@FUZZ
@given(mutated(PUBLIC))
def test_mutated_public_key(data):
    _only_typed_errors(lambda: load_public_key(data))


@FUZZ
@given(mutated(PRIVATE))
def test_mutated_private_key(data):
    _only_typed_errors(lambda: InstallationKeys.from_bytes(data, None))


@FUZZ
@given(mutated(ROTATION))
def test_mutated_rotation(data):
    _only_typed_errors(lambda: verify_rotation(data, trusted_keys=WORLD.enrolled.get, revoked=WORLD.revocations.get))


@FUZZ
@given(json_values)
def test_any_json_as_revocation_or_receipt(value):
    try:
        body = cj.canonical_bytes(value)
    except cj.CanonicalError:
        return
    _only_typed_errors(lambda: verify_revocation(body, trusted_keys=WORLD.enrolled.get))
    _only_typed_errors(lambda: _receipt(body))
    _only_typed_errors(lambda: load_public_key(body))


names = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}\.jsonl", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(names, st.binary(max_size=2000) | st.text(max_size=300).map(str.encode), max_size=6),
       st.integers(1, 2**53 - 1), st.dictionaries(st.from_regex(r"[a-z_]{1,10}", fullmatch=True), st.integers(0, 10**6), max_size=4))
def test_round_trip_property(files, sequence, counts):
    data = WORLD.build(sequence, files=files, counts=counts, limits=LIMITS)
    verified = WORLD.read(data, limits=LIMITS)
    assert verified.files == files
    assert (verified.manifest.sequence, verified.manifest.counts) == (sequence, counts)
