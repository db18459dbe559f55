"""Key store: lazy keys in <data_dir>/keys (0600, passphrase from the
environment), enrolment rules, rotation, and the 0005_sync migration."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect, text

from desktop_app.storage.database import MIGRATIONS_DIR, Database
from desktop_app.sync import InstallationKeys, make_revocation, make_rotation
from desktop_app.sync.errors import SyncError, WrongPassphrase
from desktop_app.syncdb import export_package, keystore
from desktop_app.syncdb.errors import SyncUsageError
from desktop_app.syncdb.testing import commune_site, district_site, link


@pytest.fixture
def commune(tmp_path: Path):
    site = commune_site(tmp_path / "commune", households=2)
    yield site
    site.close()


@pytest.fixture
def office(tmp_path: Path):
    site = district_site(tmp_path / "office")
    yield site
    site.close()


def test_keys_are_made_once_with_owner_only_permissions(commune):
    keys = keystore.own_keys(commune.db, commune.data_dir)
    again = keystore.own_keys(commune.db, commune.data_dir)
    assert keys.key_id == again.key_id and keys.role == "commune"
    inst = keystore.installation(commune.db)
    assert keys.public.device_id == inst.device_id and inst.device_id.startswith("dev-")
    [path] = (commune.data_dir / "keys").glob("*.cprpriv")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_passphrase_from_the_environment(commune, monkeypatch):
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, "mật khẩu dài của xã")
    keys = keystore.own_keys(commune.db, commune.data_dir)
    [path] = (commune.data_dir / "keys").glob("*.cprpriv")
    assert b'"protection":"passphrase"' in path.read_bytes()
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, "sai")
    with pytest.raises(WrongPassphrase):
        keystore.own_keys(commune.db, commune.data_dir)
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, "mật khẩu dài của xã")
    assert keystore.own_keys(commune.db, commune.data_dir).key_id == keys.key_id


def test_enrolment_rules(commune, office):
    ck = keystore.own_keys(commune.db, commune.data_dir)
    dk = keystore.own_keys(office.db, office.data_dir)
    with pytest.raises(SyncError):  # an office enrols commune keys only
        keystore.enroll(office.db, dk.public.to_bytes())
    with pytest.raises(SyncError):  # a commune enrols its office's key only
        keystore.enroll(commune.db, ck.public.to_bytes())
    info, new = keystore.enroll(office.db, ck.public.to_bytes())
    assert new and info.key_id == ck.key_id
    assert keystore.enroll(office.db, ck.public.to_bytes())[1] is False


def test_export_needs_the_office_key(commune, tmp_path):
    with pytest.raises(SyncUsageError) as err:
        export_package(commune.db, commune.data_dir, tmp_path / "p.cprsync")
    assert err.value.exit_code == 2
    assert not (tmp_path / "p.cprsync").exists()


def test_rotation_enrols_the_new_key_and_marks_the_old(commune, office):
    link(commune, office)
    old = keystore.own_keys(commune.db, commune.data_dir)
    new = InstallationKeys.generate("commune", old.public.code, old.public.name, device_id="dev-new")
    info = keystore.enroll_rotation(office.db, make_rotation(old, new).to_bytes())
    assert info.key_id == new.key_id
    peers = {p.key_id: p for p in keystore.list_peers(office.db)}
    assert peers[old.key_id].superseded_by == new.key_id


def test_migration_0005_upgrades_a_0004_database_with_data(tmp_path):
    path = tmp_path / "data" / "register.sqlite3"
    path.parent.mkdir()
    engine = create_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004_support")
        conn.execute(text("INSERT INTO commune (id, created_at, updated_at, revision, deleted, code, name, mode) "
                          "VALUES ('c1', '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 1, 0, "
                          "'22246', 'Xã Đông Hòa', 'commune')"))
    engine.dispose()
    with Database.open(path.parent) as db:
        assert db.schema_revision() == "0005_sync"
        names = set(inspect(db.engine).get_table_names())
        assert {"sync_key", "sync_peer", "sync_export", "sync_import", "sync_receipt", "sync_conflict",
                "sync_row_origin", "sync_audit"} <= names
        assert keystore.installation(db).code == "22246"


def test_revocation_record_is_honoured_elsewhere(commune, office, tmp_path):
    link(commune, office)
    dk = keystore.own_keys(office.db, office.data_dir)
    record = make_revocation(dk.key_id, "khóa bị lộ", dk)
    keystore.record_revocation(commune.db, record.to_bytes())
    assert keystore.load_peers(commune.db).district() is None
    with pytest.raises(SyncUsageError):  # no usable office key any more
        export_package(commune.db, commune.data_dir, tmp_path / "p.cprsync")
