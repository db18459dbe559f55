"""Storage layer: opening, pragmas, migrations, backups, refusal of newer
schemas, transactions, and the round trip of household records."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text

from desktop_app.domain.record import parse_record, record_to_dict
from desktop_app.errors import DatabaseError, SchemaTooNew
from desktop_app.paths import DB_FILENAME
from desktop_app.services import register as reg
from desktop_app.storage.database import MIGRATIONS_DIR, Database
from desktop_app.storage.models import CommuneRow, HouseholdRow, MemberRow, load_all_models

POSIX = os.name == "posix"


def _head() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg).get_current_head()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fixture_records(cases: list[dict]) -> list[dict]:
    """The fixture records; the few member ids the file reuses in another
    household (the register refuses that) get a suffix in the later one."""
    seen: set[str] = set()
    records = []
    for case in cases:
        record = copy.deepcopy(case["record"])
        for m in record["members"]:
            base, n = m["member_id"], 1
            while m["member_id"] in seen:
                n += 1
                m["member_id"] = f"{base}-{n}"
            seen.add(m["member_id"])
        records.append(record)
    return records


def _setup_rounds(db: Database, records: list[dict]) -> dict[str, str]:
    """One commune and one round per commune code of ``records``."""
    rounds: dict[str, str] = {}
    for r in records:
        code = r["commune_code"]
        if code not in rounds:
            cid, _ = reg.create_commune(db, code=code, name=f"Xã {code}")
            rounds[code] = reg.create_round(db, commune_id=cid, name="Rà soát định kỳ", standard_id="vn-2022-2025",
                                            start_date="2025-09-01").id
    return rounds


# -- opening -------------------------------------------------------------


def test_new_database_is_created_private_and_migrated(data_dir):
    db = Database.open(data_dir)
    try:
        assert db.schema_revision() == _head()
        assert (data_dir / DB_FILENAME).is_file()
        assert db.last_backup is None
        if POSIX:
            assert (data_dir.stat().st_mode & 0o777) == 0o700
            assert ((data_dir / DB_FILENAME).stat().st_mode & 0o777) == 0o600
    finally:
        db.close()
    assert not (data_dir / "backups").exists()


def test_sqlite_pragmas_on_every_connection(db):
    for _ in range(2):
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
            conn.invalidate()  # the next round gets a brand-new connection


def test_single_linear_chain_of_revisions_starting_at_0001():
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    assert len(script.get_heads()) == 1, "multiple heads: re-point the newer revision's down_revision"
    revisions = list(script.walk_revisions())
    assert revisions[-1].revision == "0001_initial" and revisions[-1].down_revision is None
    for rev in revisions:
        assert rev.revision[:4].isdigit(), f"revision ids are NNNN_name: {rev.revision}"


def test_models_match_migrations(any_db):
    """The migrated schema is exactly what the models declare (a model change
    without a migration, or the other way round, fails here)."""
    with any_db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, load_all_models()) == []


def test_reopen_keeps_data_and_takes_no_backup(data_dir):
    with Database.open(data_dir) as db:
        reg.create_commune(db, code="01234", name="Xã Một")
    with Database.open(data_dir, create=False) as db:
        assert [c.code for c in reg.list_communes(db)] == ["01234"]
        assert db.last_backup is None
    assert not (data_dir / "backups").exists()


def test_missing_database_without_create_is_refused(data_dir):
    with pytest.raises(DatabaseError) as err:
        Database.open(data_dir, create=False)
    assert err.value.exit_code == 3
    assert not data_dir.exists()


def test_foreign_file_is_refused_untouched(data_dir):
    data_dir.mkdir()
    path = data_dir / DB_FILENAME
    path.write_bytes(b"this is not a database at all" * 100)
    digest = _sha(path)
    with pytest.raises(DatabaseError):
        Database.open(data_dir)
    assert _sha(path) == digest


def test_other_sqlite_database_is_refused_untouched(data_dir):
    data_dir.mkdir()
    path = data_dir / DB_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()
    digest = _sha(path)
    with pytest.raises(DatabaseError) as err:
        Database.open(data_dir)
    assert "not" in err.value.message or "không" in err.value.message
    assert _sha(path) == digest


def test_newer_schema_is_refused_and_file_left_byte_for_byte(data_dir):
    with Database.open(data_dir) as db:
        reg.create_commune(db, code="01234", name="Xã Một")
    path = data_dir / DB_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    digest, listing = _sha(path), sorted(p.name for p in data_dir.iterdir())
    with pytest.raises(SchemaTooNew) as err:
        Database.open(data_dir)
    assert err.value.found == "9999_from_the_future"
    assert err.value.newest_known == _head()
    assert err.value.exit_code == 3
    assert _sha(path) == digest
    assert sorted(p.name for p in data_dir.iterdir() if not p.name.endswith(("-wal", "-shm"))) == listing
    assert not (data_dir / "backups").exists()


def _extra_revision(tmp_path: Path, body: str, rev: str = "9999_test_extra") -> Path:
    """A copy of the migrations folder with one more revision after head."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    upgrade = textwrap.indent(textwrap.dedent(body).strip(), "    ")
    source = (
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        f"revision = {rev!r}\n"
        f"down_revision = {_head()!r}\n"
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        f"def upgrade():\n{upgrade}\n\n\n"
        "def downgrade():\n    pass\n"
    )
    (scripts / "versions" / f"{rev}.py").write_text(source, encoding="utf-8")
    return scripts


def test_backup_taken_before_migrating(data_dir, tmp_path):
    with Database.open(data_dir) as db:
        reg.create_commune(db, code="01234", name="Xã Một")
    scripts = _extra_revision(tmp_path, """
        op.create_table("test_extra", sa.Column("id", sa.Integer, primary_key=True))
    """)
    with Database.open(data_dir, script_location=scripts) as db:
        assert db.schema_revision() == "9999_test_extra"
        backup = db.last_backup
        with db.session() as s:
            assert s.execute(text("SELECT count(*) FROM test_extra")).scalar() == 0
    backups = list((data_dir / "backups").iterdir())
    assert backups == [backup]
    assert backup.name.startswith(f"before-migration-{_head()}-to-9999_test_extra-")
    assert backup.suffix == ".sqlite3"
    if POSIX:
        assert (backup.stat().st_mode & 0o777) == 0o600
        assert ((data_dir / "backups").stat().st_mode & 0o777) == 0o700
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == _head()
        assert conn.execute("SELECT code FROM commune").fetchall() == [("01234",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_failed_migration_changes_nothing(data_dir, tmp_path):
    with Database.open(data_dir) as db:
        reg.create_commune(db, code="01234", name="Xã Một")
    scripts = _extra_revision(tmp_path, """
        op.create_table("test_extra", sa.Column("id", sa.Integer, primary_key=True))
        op.execute("INSERT INTO no_such_table VALUES (1)")
    """)
    with pytest.raises(DatabaseError) as err:
        Database.open(data_dir, script_location=scripts)
    assert err.value.exit_code == 3
    with Database.open(data_dir) as db:  # the released schema opens as before
        assert db.schema_revision() == _head()
        with db.session() as s:
            tables = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert "test_extra" not in tables


def test_transaction_commits_once_or_not_at_all(db):
    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            s.add(CommuneRow(code="1", name="x"))
            s.flush()
            raise RuntimeError("boom")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(CommuneRow)) == 0
    with db.transaction() as s:
        s.add(CommuneRow(code="1", name="x"))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(CommuneRow)) == 1


def test_sync_columns_uuid_utc_revision(db):
    cid, _ = reg.create_commune(db, code="1", name="x")
    with db.session() as s:
        row = s.get(CommuneRow, cid)
        assert len(row.id) == 36 and row.id.count("-") == 4
        assert row.created_at.tzinfo is not None and row.created_at.utcoffset() == dt.timedelta(0)
        assert row.revision == 1 and row.deleted is False
        created = row.created_at
    with db.transaction() as s:
        s.get(CommuneRow, cid).name = "y"
    with db.transaction() as s:  # no real change: no new revision
        s.get(CommuneRow, cid).name = "y"
    with db.session() as s:
        row = s.get(CommuneRow, cid)
        assert row.revision == 2 and row.updated_at >= created and row.created_at == created


# -- household records round trip ------------------------------------------


def test_every_fixture_record_round_trips(any_db, fixture_cases):
    records = _fixture_records(fixture_cases)
    rounds = _setup_rounds(any_db, records)
    for record in records:
        household = parse_record(record)
        reg.save_household(any_db, household, round_id=rounds[record["commune_code"]])
    for record in records:
        loaded = reg.load_household(any_db, record["household_id"], rounds[record["commune_code"]])
        assert record_to_dict(loaded) == record
        assert record_to_dict(reg.load_household(any_db, record["household_id"])) == record


def test_every_fixture_record_round_trips_through_bulk_import(any_db, fixture_cases):
    records = _fixture_records(fixture_cases)
    rounds = _setup_rounds(any_db, records)
    by_code: dict[str, list] = {}
    for record in records:
        by_code.setdefault(record["commune_code"], []).append(parse_record(record))
    for code, households in by_code.items():
        result = reg.import_households(any_db, households, round_id=rounds[code])
        assert result.inserted == len(households) and result.updated == 0
    expected = {r["household_id"]: r for r in records}
    seen = 0
    for code, rid in rounds.items():
        for household in reg.iter_households_for_classification(any_db, rid):
            assert record_to_dict(household) == expected[household.household_id]
            seen += 1
    assert seen == len(records)


def _odd_record() -> dict:
    return {
        "format": "household-record/1",
        "household_id": "hh-odd-1",
        "commune_code": "99999",
        "village": "Tổ dân phố 3",
        "address": None,
        "area": "urban",
        "region": None,
        "agricultural": None,
        "future_household_key": {"nested": [1, 2, {"x": "ệ"}]},
        "members": [
            {"member_id": "m-2", "full_name": "Đỗ Thị Ánh", "birth_date": "1950", "sex": "female",
             "future_member_key": "giữ nguyên"},
            {"member_id": "m-1", "full_name": "Lò Văn Ún", "id_number": "001099000123", "relation": "head"},
        ],
        "survey": {
            "date": "2025-10-01", "standard": None, "income_per_capita": 1234567.5, "floor_area_m2": 12.25,
            "score_a": 0, "b1_answers": {"b1_1": "a", "b1_2": 3}, "info_devices": [], "poverty_causes": None,
            "future_survey_key": [True, None],
        },
    }


def test_unknown_keys_nulls_and_fractions_round_trip(any_db):
    record = _odd_record()
    cid, _ = reg.create_commune(any_db, code="99999", name="Xã Chín")
    rid, _ = reg.create_round(any_db, commune_id=cid, name="R", standard_id="vn-2022-2025")
    reg.save_household(any_db, parse_record(record), round_id=rid)
    loaded = record_to_dict(reg.load_household(any_db, "hh-odd-1", rid))
    expected = record_to_dict(parse_record(copy.deepcopy(record)))
    assert loaded == expected
    assert loaded["future_household_key"] == {"nested": [1, 2, {"x": "ệ"}]}
    assert loaded["members"][0]["future_member_key"] == "giữ nguyên"
    assert loaded["survey"]["future_survey_key"] == [True, None]
    assert loaded["members"][0]["member_id"] == "m-2"  # order of members kept
    # without a survey in any round
    no_survey = dict(record, household_id="hh-odd-2", survey=None,
                     members=[dict(m, member_id=m["member_id"] + "b") for m in record["members"]])
    reg.save_household(any_db, parse_record(no_survey))
    assert record_to_dict(reg.load_household(any_db, "hh-odd-2")) == record_to_dict(parse_record(no_survey))


def test_member_name_is_stored_folded(db):
    cid, _ = reg.create_commune(db, code="99999", name="Xã Chín")
    reg.save_household(db, parse_record(dict(_odd_record(), survey=None)))
    with db.session() as s:
        folded = dict(s.execute(select(MemberRow.id, MemberRow.name_folded)).all())
        assert folded == {"m-1": "lo van un", "m-2": "do thi anh"}
        assert s.scalar(select(HouseholdRow.code)) == "TDP3-0001"


@pytest.mark.postgres
def test_postgres_open_twice_and_refuse_newer(pg_url):
    with Database.open(url=pg_url) as db:
        assert db.dialect == "postgresql"
        assert db.schema_revision() == _head()
    with Database.open(url=pg_url) as db:
        assert db.last_backup is None
        with db.transaction() as s:
            s.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaTooNew):
        Database.open(url=pg_url)
