"""Commune -> office -> receipt -> delta, conflicts, revocation, summaries,
signed standards: on SQLite and (when ``CPR_TEST_PG_URL`` is set) PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app import syncdb
from desktop_app.storage.models import HouseholdRow, MemberRow
from desktop_app.sync.errors import ReplayedPackage, RevokedKey
from desktop_app.syncdb import keystore
from desktop_app.syncdb.testing import changed_household, commune_site, copy_device, district_on, link, row_counts


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def district(request, tmp_path: Path):
    """A receiving office on SQLite, then on a fresh PostgreSQL database."""
    if request.param == "postgres" and not os.environ.get("CPR_TEST_PG_URL"):
        pytest.skip("set CPR_TEST_PG_URL to run the PostgreSQL variant")
    with district_on(request.param, tmp_path / "district") as site:
        yield site


@pytest.fixture
def commune(tmp_path: Path):
    site = commune_site(tmp_path / "commune", households=12, seed=2, classify=True)
    yield site
    site.close()


def _live(db, model) -> int:
    with db.session() as s:
        return len(s.scalars(select(model.id).where(model.deleted.is_(False))).all())


def test_round_trip_receipt_then_delta_holds_only_changes(district, commune, tmp_path):
    link(commune, district)
    first = syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p1.cprsync")
    assert first.kind == "full" and first.sequence == 1 and first.counts["household"] == 12
    result = syncdb.import_package(district.db, district.data_dir, tmp_path / "p1.cprsync")
    assert result.applied["household"]["inserted"] == 12
    assert _live(district.db, HouseholdRow) == 12
    assert _live(district.db, MemberRow) == _live(commune.db, MemberRow)
    if district.db.dialect == "sqlite":
        assert result.backup is not None and result.backup.exists()
    (tmp_path / "r1.cprrcpt").write_bytes(syncdb.latest_receipt(district.db, result.commune_code))
    receipt, new = syncdb.import_receipt(commune.db, commune.data_dir, tmp_path / "r1.cprrcpt")
    assert new and receipt.sequence == 1

    hid, mid = changed_household(commune, "Nguyễn Văn Đổi")
    second = syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p2.cprsync")
    assert second.kind == "delta" and second.base_receipt == receipt.base_receipt()
    assert second.counts.get("member") == 1 and "village" not in second.counts
    assert second.counts.get("household", 0) <= 1
    result = syncdb.import_package(district.db, district.data_dir, tmp_path / "p2.cprsync")
    assert result.applied["member"]["updated"] == 1 and result.warnings == []
    with district.db.session() as s:
        assert s.get(MemberRow, mid).full_name == "Nguyễn Văn Đổi"

    # nothing changed since: the next delta (from receipt 2) is empty
    (tmp_path / "r2.cprrcpt").write_bytes(syncdb.latest_receipt(district.db, result.commune_code))
    syncdb.import_receipt(commune.db, commune.data_dir, tmp_path / "r2.cprrcpt")
    third = syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p3.cprsync")
    assert third.kind == "delta" and {k for k in third.counts if k != "audit_log"} == set()

    # a full export on demand holds everything again and changes nothing
    full = syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p4.cprsync", full=True)
    assert full.kind == "full" and full.counts["household"] == 12
    before = row_counts(district.db)
    result = syncdb.import_package(district.db, district.data_dir, tmp_path / "p4.cprsync")
    after = row_counts(district.db)
    assert result.applied["household"] == {"inserted": 0, "updated": 0, "unchanged": 12, "stale": 0,
                                           "conflicts": 0}
    changed = {k for k in after if after[k] != before[k]}
    assert changed <= {"sync_import", "sync_receipt", "sync_audit"}


def test_the_same_package_twice_changes_nothing(district, commune, tmp_path):
    link(commune, district)
    syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p.cprsync")
    syncdb.import_package(district.db, district.data_dir, tmp_path / "p.cprsync")
    before = row_counts(district.db)
    with pytest.raises(ReplayedPackage):
        syncdb.import_package(district.db, district.data_dir, tmp_path / "p.cprsync")
    assert row_counts(district.db) == before


def test_tombstones_travel(district, commune, tmp_path):
    from desktop_app.services.register import delete_household
    from desktop_app.storage.queries import list_households

    link(commune, district)
    syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p1.cprsync")
    syncdb.import_package(district.db, district.data_dir, tmp_path / "p1.cprsync")
    victim = list_households(commune.db)[3].household_id
    delete_household(commune.db, victim)
    syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p2.cprsync")  # no receipt: full again
    result = syncdb.import_package(district.db, district.data_dir, tmp_path / "p2.cprsync")
    assert result.applied["household"]["updated"] == 1
    with district.db.session() as s:
        assert s.get(HouseholdRow, victim).deleted is True
    assert _live(district.db, HouseholdRow) == 11


def test_two_devices_changing_the_same_household_make_a_conflict(district, commune, tmp_path):
    link(commune, district)
    syncdb.export_package(commune.db, commune.data_dir, tmp_path / "a1.cprsync")
    syncdb.import_package(district.db, district.data_dir, tmp_path / "a1.cprsync")
    second = copy_device(commune, tmp_path / "device-b")
    try:
        keystore.enroll(district.db, keystore.own_keys(second.db, second.data_dir).public.to_bytes())
        hid, mid = changed_household(commune, "Lê Thị Máy A")
        changed_household(second, "Lê Thị Máy B")
        syncdb.export_package(commune.db, commune.data_dir, tmp_path / "a2.cprsync")
        syncdb.export_package(second.db, second.data_dir, tmp_path / "b1.cprsync")
    finally:
        second.close()
    syncdb.import_package(district.db, district.data_dir, tmp_path / "a2.cprsync")
    result = syncdb.import_package(district.db, district.data_dir, tmp_path / "b1.cprsync")
    assert result.conflicts >= 1 and result.applied["member"]["conflicts"] == 1
    with district.db.session() as s:
        assert s.get(MemberRow, mid).full_name == "Lê Thị Máy A"  # never silently overwritten
    conflicts = syncdb.list_conflicts(district.db)
    member = [c for c in conflicts if c.table == "member"]
    assert len(member) == 1 and member[0].household_id == hid and "full_name" in member[0].differences
    assert member[0].local["full_name"] == "Lê Thị Máy A" and member[0].incoming["full_name"] == "Lê Thị Máy B"
    for c in conflicts:
        syncdb.resolve_conflict(district.db, c.id, "incoming" if c.table == "member" else "local", user="tester")
    with district.db.session() as s:
        assert s.get(MemberRow, mid).full_name == "Lê Thị Máy B"
    assert syncdb.list_conflicts(district.db) == []
    assert len(syncdb.list_conflicts(district.db, include_resolved=True)) == len(conflicts)


def test_keep_local_leaves_the_row(district, commune, tmp_path):
    link(commune, district)
    syncdb.export_package(commune.db, commune.data_dir, tmp_path / "a1.cprsync")
    syncdb.import_package(district.db, district.data_dir, tmp_path / "a1.cprsync")
    second = copy_device(commune, tmp_path / "device-b")
    try:
        keystore.enroll(district.db, keystore.own_keys(second.db, second.data_dir).public.to_bytes())
        _, mid = changed_household(second, "Bản Máy B")
        syncdb.export_package(second.db, second.data_dir, tmp_path / "b1.cprsync")
    finally:
        second.close()
    changed_household(commune, "Bản Máy A")
    syncdb.export_package(commune.db, commune.data_dir, tmp_path / "a2.cprsync")
    syncdb.import_package(district.db, district.data_dir, tmp_path / "a2.cprsync")
    syncdb.import_package(district.db, district.data_dir, tmp_path / "b1.cprsync")
    [conflict] = [c for c in syncdb.list_conflicts(district.db) if c.table == "member"]
    syncdb.resolve_conflict(district.db, conflict.id, "local")
    with district.db.session() as s:
        assert s.get(MemberRow, mid).full_name == "Bản Máy A"


def test_revoked_commune_key_is_refused(district, commune, tmp_path):
    link(commune, district)
    syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p1.cprsync")
    syncdb.import_package(district.db, district.data_dir, tmp_path / "p1.cprsync")
    key_id = keystore.own_keys(commune.db, commune.data_dir).key_id
    record = syncdb.revoke(district.db, district.data_dir, key_id, "mất máy tính xách tay")
    assert record.reason == "mất máy tính xách tay"
    changed_household(commune, "Sau Khi Mất")
    syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p2.cprsync")
    before = row_counts(district.db)
    with pytest.raises(RevokedKey) as err:
        syncdb.import_package(district.db, district.data_dir, tmp_path / "p2.cprsync")
    assert "mất máy" in str(err.value)
    assert row_counts(district.db) == before
    peers = {p.key_id: p for p in syncdb.list_peers(district.db)}
    assert peers[key_id].revoked_at is not None


def test_summaries_and_excel(district, commune, tmp_path):
    from openpyxl import load_workbook

    link(commune, district)
    syncdb.export_package(commune.db, commune.data_dir, tmp_path / "p1.cprsync")
    syncdb.import_package(district.db, district.data_dir, tmp_path / "p1.cprsync")
    data = syncdb.district_summary(district.db)
    [status] = data["communes"]
    assert status["last_sequence"] == 1 and status["households"] == 12 and status["packages"] == 1
    [totals] = data["totals"]
    assert totals["classified"] == 12 and sum(totals["categories"].values()) == 12
    assert data["sum"]["households"] == 12
    assert sum(totals["deprivations"].values()) >= 0
    assert totals["supported"] in (0, None)  # 0 when the support tables exist
    rows = syncdb.commune_households(district.db, status["code"])
    assert len(rows) == 12 and all(r["category"] for r in rows)
    out = tmp_path / "tong-hop.xlsx"
    syncdb.write_summary_xlsx(district.db, out, "vi")
    wb = load_workbook(out)
    assert len(wb.sheetnames) == 3
    assert wb.worksheets[0].cell(row=3, column=1).value == status["code"]


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_district_demo(kind, tmp_path):
    from desktop_app.storage.database import Database
    from desktop_app.syncdb.demo import create_district_demo
    from desktop_app.syncdb.testing import pg_database

    if kind == "postgres" and not os.environ.get("CPR_TEST_PG_URL"):
        pytest.skip("set CPR_TEST_PG_URL to run the PostgreSQL variant")
    import contextlib

    with (pg_database() if kind == "postgres" else contextlib.nullcontext(None)) as url:
        db = Database.open(tmp_path / "office") if url is None else Database.open(url=url)
        try:
            result = create_district_demo(db, tmp_path / "office", communes=2, households=5)
            assert result.households == 10 and len(result.imports) == 2
            assert keystore.installation(db).role == "district"
            data = syncdb.district_summary(db)
            assert data["sum"]["households"] == 10 and len(data["communes"]) == 2
        finally:
            db.close()
