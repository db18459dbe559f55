"""Keys: public-key documents, fingerprints, private key storage, rotation,
revocation, registration sheet, and the sync message catalogue."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import unicodedata

import pytest

from desktop_app import i18n
from desktop_app.errors import Refused
from desktop_app.messages import CATALOGUE
from desktop_app.sync import canonical as cj
from desktop_app.sync.errors import (
    MESSAGES,
    InvalidPackage,
    KeyFileError,
    RevokedKey,
    SignatureMismatch,
    UnknownSigner,
    UnsupportedVersion,
    WrongPassphrase,
)
from desktop_app.sync.keys import (
    InstallationKeys,
    PublicKeyInfo,
    fingerprint,
    key_id_for,
    load_public_key,
    make_revocation,
    make_rotation,
    verify_revocation,
    verify_rotation,
)
from desktop_app.sync.sheet import registration_sheet
from desktop_app.sync.testing import SyncWorld

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture(scope="module")
def world() -> SyncWorld:
    return SyncWorld.make()


# --- public keys -------------------------------------------------------------


def test_commune_and_district_keys_have_the_right_parts(world):
    assert world.commune.public.role == "commune" and world.commune.x25519_private is None
    assert world.commune.public.x25519_raw is None and world.commune.public.encryption_fingerprint is None
    assert world.district.public.role == "district" and world.district.x25519_private is not None
    assert world.district.public.x25519 is not None
    assert world.commune.public.device_id == "laptop-1"


def test_key_id_and_fingerprint_format(world):
    info = world.district.public
    assert re.fullmatch(r"[0-9a-f]{32}", info.key_id)
    assert info.key_id == key_id_for(info.ed25519_raw)
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", info.signing_fingerprint)
    assert info.signing_fingerprint.replace(" ", "").lower() == info.key_id
    assert info.encryption_fingerprint == fingerprint(info.x25519_raw)
    assert info.encryption_fingerprint != info.signing_fingerprint


def test_public_key_file_round_trip(tmp_path, world):
    path = tmp_path / "xa-22246.cprkey"
    world.commune.public.save(path)
    loaded = load_public_key(path)
    assert loaded == world.commune.public
    assert path.read_bytes() == cj.canonical_bytes(loaded.document)
    assert load_public_key(path.read_bytes()).key_id == world.commune.key_id


def test_public_key_document_tampering_is_refused(world):
    doc = dict(world.commune.public.document, name="Xã Giả Mạo")
    with pytest.raises(SignatureMismatch):
        PublicKeyInfo.from_document(doc)
    other = InstallationKeys.generate("commune", "22246", "Xã Đông Hòa")
    swapped = dict(world.commune.public.document, ed25519=other.public.document["ed25519"])
    with pytest.raises(KeyFileError):  # key id no longer matches the key
        PublicKeyInfo.from_document(swapped)
    swapped["key_id"] = other.key_id  # consistent id, but the self-signature is by the old key
    with pytest.raises(SignatureMismatch):
        PublicKeyInfo.from_document(swapped)


def test_public_key_document_bad_shapes(world):
    for doc in (None, [], {"format": "something"}, dict(world.commune.public.document, role="king"),
                dict(world.commune.public.document, x25519="AAAA"), {k: v for k, v in
                world.district.public.document.items() if k != "x25519"}):
        with pytest.raises(KeyFileError):
            PublicKeyInfo.from_document(doc)
    with pytest.raises(KeyFileError):
        load_public_key(b"\xff\xfe not json")


def test_future_public_key_format_names_version(world):
    doc = dict(world.commune.public.document, format="cpr-public-key/2")
    with pytest.raises(UnsupportedVersion) as err:
        PublicKeyInfo.from_document(doc)
    assert err.value.found == "2" and err.value.supported == "1"


def test_unknown_public_key_fields_are_kept_and_signed():
    keys = InstallationKeys.generate("commune", "22246", "Xã Đông Hòa", extra={"phone": "0912 345 678"})
    again = load_public_key(keys.public.to_bytes())
    assert again.extra == {"phone": "0912 345 678"}
    with pytest.raises(SignatureMismatch):
        PublicKeyInfo.from_document(dict(keys.public.document, phone="0999 999 999"))


def test_generate_refuses_malformed_identity():
    with pytest.raises(ValueError):
        InstallationKeys.generate("province", "1", "X")
    with pytest.raises(ValueError):
        InstallationKeys.generate("commune", "22 246", "X")
    with pytest.raises(ValueError):
        InstallationKeys.generate("commune", "22246", "  ")
    with pytest.raises(ValueError):
        InstallationKeys.generate("commune", "22246", "X", device_id="../etc")


# --- private key storage ---------------------------------------------------------


@posix_only
def test_private_key_with_passphrase(tmp_path, world):
    path = tmp_path / "keys" / "district.cprpriv"
    world.district.save(path, "Mật khẩu mạnh 2025")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text("utf-8")
    secret = cj.b64encode(world.district.ed25519_private.private_bytes_raw())
    assert secret not in text and '"protection":"passphrase"' in text and "argon2id" in text
    loaded = InstallationKeys.load(path, "Mật khẩu mạnh 2025")
    assert loaded.key_id == world.district.key_id
    assert loaded.x25519_private.private_bytes_raw() == world.district.x25519_private.private_bytes_raw()
    assert [p.name for p in path.parent.iterdir()] == ["district.cprpriv"]  # no temporary left over


def test_wrong_or_missing_passphrase(world):
    data = world.commune.to_bytes("đúng rồi")
    with pytest.raises(WrongPassphrase) as err:
        InstallationKeys.from_bytes(data, "sai rồi")
    assert err.value.exit_code == 3 and "Mật khẩu" in i18n.t(err.value.key, "vi")
    with pytest.raises(WrongPassphrase):
        InstallationKeys.from_bytes(data, None)
    with pytest.raises(ValueError):
        world.commune.to_bytes("")


def test_passphrase_is_unicode_normalised(world):
    composed = unicodedata.normalize("NFC", "Đồng Hới")
    decomposed = unicodedata.normalize("NFD", "Đồng Hới")
    assert composed != decomposed
    data = world.commune.to_bytes(composed)
    assert InstallationKeys.from_bytes(data, decomposed).key_id == world.commune.key_id


@posix_only
def test_private_key_without_passphrase_is_owner_only(tmp_path, world):
    path = tmp_path / "commune.cprpriv"
    world.commune.save(path, None)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert '"protection":"none"' in path.read_text("utf-8")
    os.chmod(path, 0o644)  # e.g. restored from a USB stick
    loaded = InstallationKeys.load(path)
    assert loaded.key_id == world.commune.key_id
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_private_key_file_problems(tmp_path, world):
    with pytest.raises(KeyFileError):
        InstallationKeys.load(tmp_path / "missing.cprpriv")
    with pytest.raises(KeyFileError):
        InstallationKeys.from_bytes(b"{}", None)
    data = cj.parse_canonical(world.commune.to_bytes(None))
    data["public_key"] = world.district.public.document  # secret does not match the public key
    with pytest.raises(KeyFileError):
        InstallationKeys.from_bytes(cj.canonical_bytes(data), None)
    sealed = cj.parse_canonical(world.commune.to_bytes("pw"))
    sealed["kdf"] = dict(sealed["kdf"], memory_cost=1 << 30)  # a crafted file must not exhaust memory
    with pytest.raises(KeyFileError):
        InstallationKeys.from_bytes(cj.canonical_bytes(sealed), "pw")
    sealed = cj.parse_canonical(world.commune.to_bytes("pw"))
    sealed["public_key"] = InstallationKeys.generate("commune", "22246", "Xã Đông Hòa").public.document
    with pytest.raises(WrongPassphrase):  # the public key is bound as associated data
        InstallationKeys.from_bytes(cj.canonical_bytes(sealed), "pw")


# --- rotation ---------------------------------------------------------------------


def test_rotation_round_trip_and_new_key_is_accepted():
    world = SyncWorld.make()
    new = InstallationKeys.generate("commune", "22246", "Xã Đông Hòa", device_id="laptop-1")
    statement = make_rotation(world.commune, new, reason="máy mới")
    verified = verify_rotation(statement.to_bytes(), trusted_keys=world.enrolled.get,
                               revoked=world.revocations.get)
    assert verified.new_key == new.public and verified.old_key_id == world.commune.key_id
    assert verified.reason == "máy mới"
    world.enroll(verified.new_key)
    package = world.build(signer=new)
    assert world.read(package).signer.key_id == new.key_id


def test_rotation_refusals():
    world = SyncWorld.make()
    new = InstallationKeys.generate("commune", "22246", "Xã Đông Hòa")
    statement = make_rotation(world.commune, new)
    tampered = dict(statement.document, reason="giả")
    with pytest.raises(SignatureMismatch):
        verify_rotation(tampered, trusted_keys=world.enrolled.get, revoked=world.revocations.get)
    with pytest.raises(UnknownSigner):
        verify_rotation(statement.document, trusted_keys={}.get, revoked=world.revocations.get)
    world.revoke(world.commune.key_id)
    with pytest.raises(RevokedKey):
        verify_rotation(statement.document, trusted_keys=world.enrolled.get, revoked=world.revocations.get)
    with pytest.raises(InvalidPackage):
        verify_rotation(b"not json", trusted_keys=world.enrolled.get, revoked=world.revocations.get)


def test_rotation_to_another_unit_is_refused():
    world = SyncWorld.make()
    elsewhere = InstallationKeys.generate("commune", "99999", "Xã Khác")
    with pytest.raises(ValueError):
        make_rotation(world.commune, elsewhere)
    # a statement crafted and signed by the old key that hands over to another unit
    doc = cj.sign_document({"format": "cpr-key-rotation/1", "old_key_id": world.commune.key_id,
                            "new_key": elsewhere.public.document, "rotated_at": "2025-12-01T00:00:00Z",
                            "reason": ""}, world.commune.ed25519_private, "key-rotation")
    with pytest.raises(InvalidPackage):
        verify_rotation(doc, trusted_keys=world.enrolled.get, revoked=world.revocations.get)


# --- revocation ---------------------------------------------------------------------


def test_revocation_round_trip_and_effect():
    world = SyncWorld.make()
    record = make_revocation(world.commune.key_id, "máy bị mất", world.district,
                             revoked_at="2025-12-02T01:00:00Z")
    verified = verify_revocation(record.to_bytes(), trusted_keys=world.enrolled.get)
    assert (verified.key_id, verified.reason, verified.revoked_by) == (
        world.commune.key_id, "máy bị mất", world.district.key_id)
    world.revoke(verified.key_id, verified)
    with pytest.raises(RevokedKey) as err:
        world.read(world.build())
    assert "2025-12-02T01:00:00Z" in err.value.message and "máy bị mất" in err.value.message


def test_revocation_refusals():
    world = SyncWorld.make()
    record = make_revocation(world.commune.key_id, "mất máy", world.district)
    with pytest.raises(SignatureMismatch):
        verify_revocation(dict(record.document, key_id="0" * 32), trusted_keys=world.enrolled.get)
    with pytest.raises(UnknownSigner):
        verify_revocation(record.document, trusted_keys={}.get)
    with pytest.raises(InvalidPackage):
        verify_revocation(dict(record.document, format="x"), trusted_keys=world.enrolled.get)
    with pytest.raises(ValueError):
        make_revocation(world.district.key_id, "x", world.commune)  # communes do not revoke


# --- registration sheet ------------------------------------------------------------


def test_registration_sheet_vi_and_en(world):
    import datetime as dt

    sheet = registration_sheet(world.district.public, lang="vi", printed_on=dt.date(2025, 12, 3))
    text = "\n".join(sheet.lines())
    assert sheet.title == "PHIẾU ĐĂNG KÝ KHÓA ĐỒNG BỘ DỮ LIỆU"
    assert world.district.public.signing_fingerprint in text
    assert world.district.public.encryption_fingerprint in text
    assert "Phòng Nội vụ huyện Mẫu" in text and "717" in text
    assert "01/09/2025" in text and "03/12/2025" in text
    en = registration_sheet(world.commune.public, lang="en", printed_on=dt.date(2025, 12, 3))
    labels = dict(en.fields)
    assert labels["Signing key fingerprint (Ed25519)"] == world.commune.public.signing_fingerprint
    assert "Encryption key fingerprint (X25519)" not in labels
    assert labels["Device id"] == "laptop-1" and labels["Key created"] == "2025-10-01"
    assert len(en.signature_blocks) == 2


# --- catalogue and architecture ------------------------------------------------------


def test_sync_messages_have_both_languages_with_same_placeholders():
    for key, entry in MESSAGES.items():
        assert CATALOGUE[key] == entry
        assert set(entry) == {"vi", "en"}, key
        assert i18n.placeholders(entry["vi"]) == i18n.placeholders(entry["en"]), key
        assert entry["vi"] != entry["en"], key


def test_every_sync_error_is_a_refusal():
    from desktop_app.sync import errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.SyncError)]
    assert len(classes) >= 12
    for cls in classes:
        assert issubclass(cls, Refused) and cls.exit_code == 3


def test_sync_core_does_not_import_qt():
    code = ("import sys, desktop_app.sync, desktop_app.sync.testing; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_canonical_json_rules():
    assert cj.canonical_bytes({"b": 1, "a": "Đ"}) == '{"a":"Đ","b":1}'.encode()
    for bad in (b'{"a":1,"a":2}', b'{"a":NaN}', b'{"a": 1}', b'{"b":1,"a":2}', b"\xff",
                b"[" * 100 + b"]" * 100, b'"\\u00e9"', b'"\\ud800"'):
        with pytest.raises(cj.CanonicalError):
            cj.parse_canonical(bad)
    with pytest.raises(cj.CanonicalError):
        cj.canonical_bytes({"a": float("nan")})
    with pytest.raises(cj.CanonicalError):
        cj.b64decode("AAB=")  # non-canonical padding bits
