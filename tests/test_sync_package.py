"""Sync package round trips, version policy, sequences, receipts, signed files."""

from __future__ import annotations

import os
import stat

import pytest

from desktop_app.sync import canonical as cj
from desktop_app.sync.container import Limits
from desktop_app.sync.errors import (
    InvalidPackage,
    PackageTooLarge,
    PayloadTampered,
    ReplayedPackage,
    RevokedKey,
    SignatureMismatch,
    UnknownSigner,
    UnsafeName,
    UnsupportedVersion,
    WrongRecipient,
)
from desktop_app.sync.keys import InstallationKeys
from desktop_app.sync.package import MAGIC, build_package, read_package, write_package
from desktop_app.sync.receipt import make_receipt, verify_receipt
from desktop_app.sync.signed_file import sign_file, verify_signed_file, write_signed_file
from desktop_app.sync.testing import SAMPLE_FILES, SyncWorld, craft, split

KiB = 1024


@pytest.fixture()
def world() -> SyncWorld:
    return SyncWorld.make()


# --- round trip ------------------------------------------------------------------


def test_round_trip_in_memory(world):
    data, manifest = build_package(world.fields(1, note_for_v2={"x": [1, 2]}), SAMPLE_FILES, world.commune,
                                   world.district.public)
    assert data.startswith(MAGIC + b"\x00\x01\x00\x00")
    verified = world.read(data)
    assert verified.files == SAMPLE_FILES
    assert verified.warnings == []
    m = verified.manifest
    assert (m.commune_code, m.commune_name, m.device_id, m.sequence, m.kind) == (
        "22246", "Xã Đông Hòa", "laptop-1", 1, "full")
    assert m.standards == ["vn-2022-2025"] and m.counts["members"] == 120
    assert m.recipient_key_id == world.district.key_id and m.signer_key_id == world.commune.key_id
    assert m.sha256 == manifest.sha256 == cj.sha256_hex(split(data).manifest_bytes)
    assert m.extra == {"note_for_v2": {"x": [1, 2]}}  # unknown fields kept, covered by the signature
    assert set(m.files) == set(SAMPLE_FILES)
    assert m.encryption["scheme"] == "HPKE" and m.encryption["aead"] == "ChaCha20Poly1305"
    assert verified.signer.key_id == world.commune.key_id


def test_manifest_is_canonical_and_plain_data_is_not_visible(world):
    data = world.build()
    parts = split(data)
    assert cj.canonical_bytes(parts.manifest) == parts.manifest_bytes
    assert b"household_id" not in data and "Thôn".encode() not in data  # payload is encrypted
    assert len(parts.signature) == 64


def test_write_and_read_file(tmp_path, world):
    path = tmp_path / "out" / "22246-laptop-1-000001.cprsync"
    manifest = write_package(path, world.fields(1), SAMPLE_FILES, world.commune, world.district.public)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temporary left over
    verified = world.read(path)
    assert verified.manifest.sha256 == manifest.sha256 and verified.files == SAMPLE_FILES


def test_empty_delta_package(world):
    data = world.build(2, files={}, kind="delta", base_receipt={"receipt_id": "r-1", "sequence": 1})
    world.sequences[("22246", "laptop-1")] = 1
    verified = world.read(data)
    assert verified.files == {} and verified.warnings == []


def test_package_for_previous_office_key_still_opens_after_office_rotation(world):
    new_office = InstallationKeys.generate("district", "717", "Phòng Nội vụ huyện Mẫu")
    data = world.build()  # made before the commune enrolled the new office key
    verified = world.read(data, my_keys=[new_office, world.district])
    assert verified.files == SAMPLE_FILES
    with pytest.raises(WrongRecipient):
        world.read(data, my_keys=[new_office])


# --- writer refuses what the reader would refuse --------------------------------------


def test_writer_refusals(world):
    with pytest.raises(ValueError):
        build_package(world.fields(1, signer_key_id="x"), {}, world.commune, world.district.public)
    with pytest.raises(ValueError):
        build_package(world.fields(1, kind="delta"), {}, world.commune, world.district.public)
    with pytest.raises(ValueError):
        build_package(world.fields(0), {}, world.commune, world.district.public)
    with pytest.raises(ValueError):
        build_package(world.fields(1, commune_code="11111"), {}, world.commune, world.district.public)
    with pytest.raises(ValueError):
        build_package(world.fields(1), {}, world.district, world.district.public)  # an office does not export
    with pytest.raises(ValueError):
        build_package(world.fields(1), {}, world.commune, world.commune.public)  # communes have no x25519
    for name in ("../x.jsonl", "a/b", "Households.jsonl", ".hidden"):
        with pytest.raises(UnsafeName):
            build_package(world.fields(1), {name: b""}, world.commune, world.district.public)
    small = Limits(max_file_bytes=10 * KiB)
    with pytest.raises(PackageTooLarge):
        build_package(world.fields(1), {"audit.jsonl": b"x" * (11 * KiB)}, world.commune,
                      world.district.public, limits=small)


def test_writer_stores_raw_rather_than_trip_the_ratio_guard(world):
    limits = Limits(max_ratio=10, ratio_floor=1 * KiB)
    files = {"audit.jsonl": b"a" * (200 * KiB), "members.jsonl": os.urandom(4 * KiB).hex().encode()}
    data, manifest = build_package(world.fields(1), files, world.commune, world.district.public, limits=limits)
    assert manifest.files["audit.jsonl"]["method"] == "none"
    assert manifest.files["members.jsonl"]["method"] == "zlib"
    assert world.read(data, limits=limits).files == files


# --- version policy -------------------------------------------------------------------


def test_unknown_minor_version_is_accepted_with_unknown_fields(world):
    parts = split(world.build())
    manifest = dict(parts.manifest, format_version="1.7", signature_policy={"new": True})
    data = craft(world, manifest, b"", version=(1, 7))
    # the crafted container is empty but the manifest lists files: the payload check fails *after*
    # the version was accepted
    with pytest.raises(InvalidPackage) as err:
        world.read(data)
    assert err.value.key == "sync.bad_container"
    manifest["files"] = {}
    from desktop_app.sync.testing import raw_container

    verified = world.read(craft(world, manifest, raw_container([]), version=(1, 7)))
    assert verified.manifest.format_version == "1.7"
    assert verified.manifest.extra == {"signature_policy": {"new": True}}


def test_future_major_version_is_refused_by_name(world):
    parts = split(world.build())
    parts.version = (2, 0)
    with pytest.raises(UnsupportedVersion) as err:
        world.read(parts.join())
    assert err.value.found == "2.0" and err.value.supported == "1.x"
    assert "2.0" in err.value.message and "1.x" in err.value.message


# --- sequences --------------------------------------------------------------------------


def test_sequence_replay_and_gap(world):
    key = ("22246", "laptop-1")
    world.sequences[key] = 4
    with pytest.raises(ReplayedPackage):
        world.read(world.build(4))
    with pytest.raises(ReplayedPackage):
        world.read(world.build(2))
    assert world.read(world.build(5)).warnings == []
    gap = world.read(world.build(7)).warnings
    assert [w.code for w in gap] == ["sync.warn_gap"] and "4" in gap[0].message and "7" in gap[0].message
    del world.sequences[key]
    assert [w.code for w in world.read(world.build(3)).warnings] == ["sync.warn_first_not_one"]


def test_delta_on_an_unexpected_receipt_is_a_warning(world):
    world.sequences[("22246", "laptop-1")] = 3
    data = world.build(4, kind="delta", base_receipt={"receipt_id": "r-2", "sequence": 2})
    assert [w.code for w in world.read(data).warnings] == ["sync.warn_base_mismatch"]


# --- receipts ---------------------------------------------------------------------------


def _verify(world, data, **kw):
    args = dict(trusted_keys=world.enrolled.get, revoked=world.revocations.get, commune_code="22246",
                device_id="laptop-1")
    args.update(kw)
    return verify_receipt(data, **args)


def test_receipt_cycle_full_then_delta(tmp_path, world):
    data, exported = build_package(world.fields(1), SAMPLE_FILES, world.commune, world.district.public)
    accepted = world.read(data)
    world.sequences[("22246", "laptop-1")] = accepted.manifest.sequence
    receipt = make_receipt(accepted.manifest, world.district, counts={"households": 50})
    path = tmp_path / "receipt.cprrcpt"
    receipt.save(path)
    verified = _verify(world, path, exported_manifest={1: exported.sha256}.get)
    assert verified.sequence == 1 and verified.manifest_sha256 == exported.sha256
    assert verified.counts == {"households": 50} and verified.district_key_id == world.district.key_id
    delta = world.build(2, kind="delta", base_receipt=verified.base_receipt(), files={"households.jsonl": b""})
    assert world.read(delta).warnings == []


def test_receipt_refusals(world):
    data, exported = build_package(world.fields(1), SAMPLE_FILES, world.commune, world.district.public)
    manifest = world.read(data).manifest
    receipt = make_receipt(manifest, world.district)
    doc = receipt.document
    with pytest.raises(SignatureMismatch):
        _verify(world, cj.canonical_bytes(dict(doc, sequence=9)))
    with pytest.raises(UnknownSigner):
        _verify(world, receipt.to_bytes(), trusted_keys={}.get)
    with pytest.raises(UnknownSigner):  # signed by a commune key posing as the office
        forged = cj.sign_document(dict(doc, district_key_id=world.commune.key_id), world.commune.ed25519_private,
                                  "sync-receipt")
        _verify(world, cj.canonical_bytes(forged))
    world.revoke(world.district.key_id)
    with pytest.raises(RevokedKey):
        _verify(world, receipt.to_bytes())
    world.revocations.clear()
    with pytest.raises(WrongRecipient):
        _verify(world, receipt.to_bytes(), commune_code="99999")
    with pytest.raises(WrongRecipient):
        _verify(world, receipt.to_bytes(), device_id="laptop-2")
    with pytest.raises(InvalidPackage):
        _verify(world, receipt.to_bytes(), exported_manifest={1: "0" * 64}.get)
    with pytest.raises(InvalidPackage):
        _verify(world, b"{not json")
    with pytest.raises(InvalidPackage):
        _verify(world, receipt.to_bytes() + b" ")
    with pytest.raises(UnsupportedVersion):
        _verify(world, cj.canonical_bytes(dict(doc, format="cpr-sync-receipt/2")))
    # a receipt signature cannot be replayed as a manifest signature (domain separation)
    assert not cj.verify(world.district.public.ed25519, cj.b64decode(doc["signature"]), "sync-manifest",
                         cj.canonical_bytes({k: v for k, v in doc.items() if k != "signature"}))
    with pytest.raises(ValueError):
        make_receipt(manifest, world.commune)


# --- signed standards files --------------------------------------------------------------

TOML = "[standard]\nid = \"vn-2027-2030\"\nrural_line = 2200000\nname = \"Chuẩn nghèo 2027–2030\"\n".encode()


def _check(world, data, **kw):
    return verify_signed_file(data, trusted_keys=world.enrolled.get, revoked=world.revocations.get, **kw)


def test_signed_file_round_trip(tmp_path, world):
    path = tmp_path / "vn-2027-2030.toml.cprsig"
    write_signed_file(path, TOML, "vn-2027-2030.toml", world.district)
    result = _check(world, path, expected_name="vn-2027-2030.toml")
    assert result.content == TOML and result.file_name == "vn-2027-2030.toml"
    assert result.signer.key_id == world.district.key_id


def test_signed_file_refusals(world):
    data = sign_file(TOML, "vn-2027-2030.toml", world.district)
    tampered = data[:-3] + b"999"
    with pytest.raises(PayloadTampered):
        _check(world, tampered)
    with pytest.raises(PayloadTampered):
        _check(world, data + b"\n")
    i = data.index(b'"signed_at":"') + len(b'"signed_at":"') + 3  # last digit of the year
    with pytest.raises(SignatureMismatch):  # the header was changed after signing
        _check(world, data[:i] + bytes([data[i] ^ 1]) + data[i + 1:])
    with pytest.raises(UnknownSigner):
        _check(world, sign_file(TOML, "vn-2027-2030.toml", world.other_district))
    with pytest.raises(UnknownSigner):  # a commune cannot issue standards
        _check(world, sign_file(TOML, "vn-2027-2030.toml", world.commune))
    world.revoke(world.district.key_id)
    with pytest.raises(RevokedKey):
        _check(world, data)
    world.revocations.clear()
    with pytest.raises(InvalidPackage):
        _check(world, data, expected_name="vn-2022-2025.toml")
    with pytest.raises(InvalidPackage):
        _check(world, data[:20])
    with pytest.raises(InvalidPackage):
        _check(world, b"[standard]\n")
    with pytest.raises(UnsupportedVersion):
        _check(world, data[:8] + b"\x00\x02" + data[10:])
    with pytest.raises(PackageTooLarge):
        _check(world, data, max_size=10)
    with pytest.raises(ValueError):
        sign_file(TOML, "../vn.toml", world.district)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_package_file_is_not_world_writable(tmp_path, world):
    path = tmp_path / "p.cprsync"
    write_package(path, world.fields(1), {}, world.commune, world.district.public)
    assert not stat.S_IMODE(path.stat().st_mode) & 0o022


def test_read_package_accepts_a_single_key_or_a_list(world):
    data = world.build()
    for keys in (world.district, [world.district], (world.other_district, world.district)):
        assert read_package(data, trusted_keys=world.enrolled.get, revoked=world.revocations.get, my_keys=keys,
                            last_sequence=world.last_sequence).files == SAMPLE_FILES
