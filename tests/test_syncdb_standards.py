"""Signed standards files: the office signs, a commune verifies and installs
(accepted), or refuses without installing anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.errors import StandardFileError
from desktop_app.paths import standards_dir
from desktop_app.standards.loader import default_registry
from desktop_app.sync import InstallationKeys, write_signed_file
from desktop_app.sync.errors import PayloadTampered, RevokedKey, SyncError, UnknownSigner
from desktop_app.syncdb import keystore
from desktop_app.syncdb.standards import import_standard, sign_standard
from desktop_app.syncdb.testing import commune_site, district_site, link


@pytest.fixture
def sites(tmp_path: Path):
    commune = commune_site(tmp_path / "commune", households=2)
    district = district_site(tmp_path / "district")
    link(commune, district)
    yield commune, district
    commune.close()
    district.close()


def _bumped(tmp_path: Path) -> Path:
    text = (standards_dir() / "vn-2027-2030.toml").read_text(encoding="utf-8")
    path = tmp_path / "vn-2027-2030.toml"
    path.write_text(text.replace("revision = 1", "revision = 7", 1), encoding="utf-8")
    return path


def test_signed_standard_is_installed_and_used(sites, tmp_path):
    commune, district = sites
    signed = tmp_path / "vn-2027-2030.cprsig"
    assert sign_standard(district.db, district.data_dir, _bumped(tmp_path), signed) == "vn-2027-2030"
    installed = import_standard(commune.db, commune.data_dir, signed)
    assert installed.path == commune.data_dir / "standards" / "vn-2027-2030.toml" and installed.path.exists()
    assert default_registry(commune.data_dir).get("vn-2027-2030").revision == 7


def test_tampered_standard_is_refused(sites, tmp_path):
    commune, district = sites
    signed = tmp_path / "s.cprsig"
    sign_standard(district.db, district.data_dir, _bumped(tmp_path), signed)
    signed.write_bytes(signed.read_bytes().replace(b"revision = 7", b"revision = 9"))
    with pytest.raises(PayloadTampered):
        import_standard(commune.db, commune.data_dir, signed)
    assert not (commune.data_dir / "standards").exists()


def test_standard_signed_by_an_unknown_office_is_refused(sites, tmp_path):
    commune, _ = sites
    stranger = InstallationKeys.generate("district", "999", "Huyện lạ")
    signed = tmp_path / "s.cprsig"
    write_signed_file(signed, _bumped(tmp_path).read_bytes(), "vn-2027-2030.toml", stranger)
    with pytest.raises(UnknownSigner):
        import_standard(commune.db, commune.data_dir, signed)
    assert not (commune.data_dir / "standards").exists()


def test_signed_but_invalid_standard_is_refused(sites, tmp_path):
    commune, district = sites
    keys = keystore.own_keys(district.db, district.data_dir)
    signed = tmp_path / "s.cprsig"
    write_signed_file(signed, b'id = "broken"\nrevision = "x"\n', "broken.toml", keys)
    with pytest.raises(SyncError) as err:
        import_standard(commune.db, commune.data_dir, signed)
    assert err.value.exit_code == 3 and err.value.key == "syncdb.standard_invalid"
    assert not (commune.data_dir / "standards" / "broken.toml").exists()


def test_office_does_not_sign_an_invalid_standard(sites, tmp_path):
    _, district = sites
    bad = tmp_path / "bad.toml"
    bad.write_text("id = 1\n", encoding="utf-8")
    with pytest.raises(StandardFileError):
        sign_standard(district.db, district.data_dir, bad, tmp_path / "bad.cprsig")
    assert not (tmp_path / "bad.cprsig").exists()


def test_standard_signed_with_a_revoked_office_key_is_refused(sites, tmp_path):
    from sqlalchemy import update

    from desktop_app.storage.models import utcnow
    from desktop_app.storage.models_sync import SyncPeerRow

    commune, district = sites
    signed = tmp_path / "s.cprsig"
    sign_standard(district.db, district.data_dir, _bumped(tmp_path), signed)
    with commune.db.transaction() as s:
        s.execute(update(SyncPeerRow).values(revoked_at=utcnow(), revoked_reason="key leaked"))
    with pytest.raises(RevokedKey):
        import_standard(commune.db, commune.data_dir, signed)
