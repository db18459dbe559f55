"""Every bad package is refused with its typed error and ZERO rows changed in
the office's register (rows of every table counted before and after), on
SQLite and (with ``CPR_TEST_PG_URL``) PostgreSQL."""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import pytest

from desktop_app import syncdb
from desktop_app.sync import InstallationKeys
from desktop_app.sync.container import pack_entry
from desktop_app.sync.errors import (
    InvalidPackage,
    PayloadTampered,
    ReplayedPackage,
    RevokedKey,
    SignatureMismatch,
    UnknownSigner,
    UnsafeName,
    UnsupportedVersion,
    WrongRecipient,
)
from desktop_app.sync.package import build_package
from desktop_app.sync.testing import SyncWorld, craft, manifest_for, raw_container, split
from desktop_app.syncdb import InvalidRecord, keystore
from desktop_app.syncdb.export import collect_rows
from desktop_app.syncdb.testing import commune_site, district_on, link, row_counts


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def district(request, tmp_path: Path):
    if request.param == "postgres" and not os.environ.get("CPR_TEST_PG_URL"):
        pytest.skip("set CPR_TEST_PG_URL to run the PostgreSQL variant")
    with district_on(request.param, tmp_path / "district") as site:
        yield site


@pytest.fixture
def commune(tmp_path: Path):
    site = commune_site(tmp_path / "commune", households=6, seed=3)
    yield site
    site.close()


class Env:
    """A linked commune and office, with helpers to make (bad) packages."""

    def __init__(self, commune, district, tmp_path: Path):
        self.commune, self.district, self.tmp = commune, district, tmp_path
        link(commune, district)
        self.ckeys = keystore.own_keys(commune.db, commune.data_dir)
        self.dkeys = keystore.own_keys(district.db, district.data_dir)

    def good(self) -> bytes:
        path = self.tmp / "good.cprsync"
        syncdb.export_package(self.commune.db, self.commune.data_dir, path)
        return path.read_bytes()

    def files(self) -> dict[str, list[dict]]:
        with self.commune.db.session() as s:
            files, _, _ = collect_rows(s, None)
        return {name: [json.loads(line) for line in data.decode().splitlines()] for name, data in files.items()}

    def build(self, tables: dict[str, list[dict]], *, counts: dict[str, int] | None = None,
              signer: InstallationKeys | None = None, recipient=None, sequence: int = 1) -> bytes:
        files = {name: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
                 for name, rows in tables.items()}
        if counts is None:
            counts = {name.removesuffix(".jsonl"): len(rows) for name, rows in tables.items()}
        fields = {"sequence": sequence, "kind": "full", "standards": [], "counts": counts}
        data, _ = build_package(fields, files, signer or self.ckeys, recipient or self.dkeys.public)
        return data


@pytest.fixture
def env(commune, district, tmp_path):
    return Env(commune, district, tmp_path)


def _flip(data: bytes, index: int) -> bytes:
    out = bytearray(data)
    out[index] ^= 0x01
    return bytes(out)


def _resigned_hash(env: Env, good: bytes) -> bytes:
    parts = split(good)
    manifest = parts.manifest
    name = sorted(manifest["files"])[0]
    manifest["files"][name]["sha256"] = "0" * 64
    return parts.resign(manifest, env.ckeys).join()


def _traversal(env: Env, good: bytes) -> bytes:
    world = SyncWorld(env.ckeys, env.dkeys, env.dkeys)
    entry = pack_entry("household.jsonl", b"{}\n")
    manifest = manifest_for(world, {"../household.jsonl": (entry.method, entry.size, entry.sha256,
                                                           len(entry.stored))},
                            device_id=env.ckeys.public.device_id)
    return craft(world, manifest, raw_container([(b"../household.jsonl", 0, entry.stored)]))


def _edit(table: str, change) -> callable:
    def make(env: Env, good: bytes) -> bytes:
        tables = env.files()
        change(tables[f"{table}.jsonl"], tables)
        return env.build(tables)
    return make


def _born_after_survey(members, tables):
    survey = tables["survey.jsonl"][0]
    member = next(m for m in members if m["household_id"] == survey["household_id"])
    member["birth_date"] = "2030-01-01"


def _other_commune_household(households, tables):
    households[0]["commune_id"] = "ffffffff-0000-0000-0000-000000000000"


CASES = {
    "truncated": (lambda env, good: good[: len(good) // 2], InvalidPackage),
    "empty": (lambda env, good: b"", InvalidPackage),
    "wrong_magic": (lambda env, good: b"NOTSYNC\0" + good[8:], InvalidPackage),
    "trailing_data": (lambda env, good: good + b"\0", InvalidPackage),
    "future_major_version": (lambda env, good: good[:8] + struct.pack(">H", 2) + good[10:], UnsupportedVersion),
    "bad_signature": (lambda env, good: _flip(good, 18 + len(split(good).manifest_bytes) + 5), SignatureMismatch),
    "flipped_payload_byte": (lambda env, good: _flip(good, len(good) - 10), PayloadTampered),
    "manifest_hash_disagrees_with_payload": (_resigned_hash, PayloadTampered),
    "manifest_counts_disagree_with_payload": (
        lambda env, good: env.build(env.files(), counts={"household": 999}), InvalidRecord),
    "unknown_signer": (lambda env, good: env.build(env.files(), signer=InstallationKeys.generate(
        "commune", env.ckeys.public.code, "Xã giả", device_id="stolen-1")), UnknownSigner),
    "another_district": (lambda env, good: env.build(env.files(), recipient=InstallationKeys.generate(
        "district", "999", "Huyện khác").public), WrongRecipient),
    "path_traversal_name": (_traversal, UnsafeName),
    "member_born_after_survey": (_edit("member", _born_after_survey), InvalidRecord),
    "unknown_column": (_edit("household", lambda rows, t: rows[0].update(secret_column=1)), InvalidRecord),
    "wrong_type": (_edit("member", lambda rows, t: rows[0].update(position="first")), InvalidRecord),
    "missing_required_column": (_edit("household", lambda rows, t: rows[0].pop("code")), InvalidRecord),
    "bad_sex_value": (_edit("member", lambda rows, t: rows[0].update(sex="robot")), InvalidRecord),
    "reference_to_missing_row": (_edit("household", _other_commune_household), InvalidRecord),
    "commune_row_of_another_code": (_edit("commune", lambda rows, t: rows[0].update(code="99999")), InvalidRecord),
    "duplicate_row": (_edit("village", lambda rows, t: rows.append(dict(rows[0]))), InvalidRecord),
    "bad_json_line": (lambda env, good: env.build({**{"household.jsonl": []}}, counts={}) if False else
                      _bad_json(env), InvalidRecord),
}


def _bad_json(env: Env) -> bytes:
    fields = {"sequence": 1, "kind": "full", "standards": [], "counts": {"household": 1}}
    data, _ = build_package(fields, {"household.jsonl": b"{not json}\n"}, env.ckeys, env.dkeys.public)
    return data


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_package_is_refused_and_nothing_changes(env, case):
    make, expected = CASES[case]
    bad = make(env, env.good())
    before = row_counts(env.district.db)
    with pytest.raises(expected) as err:
        syncdb.import_package(env.district.db, env.district.data_dir, bad, name="bad.cprsync")
    assert err.value.exit_code == 3 and str(err.value)
    assert row_counts(env.district.db) == before


def test_revoked_key_and_replay_change_nothing(env):
    good = env.good()
    syncdb.import_package(env.district.db, env.district.data_dir, good, name="good.cprsync")
    before = row_counts(env.district.db)
    with pytest.raises(ReplayedPackage):
        syncdb.import_package(env.district.db, env.district.data_dir, good, name="good.cprsync")
    assert row_counts(env.district.db) == before
    syncdb.revoke(env.district.db, env.district.data_dir, env.ckeys.key_id, "lost laptop")
    before = row_counts(env.district.db)
    with pytest.raises(RevokedKey):
        syncdb.import_package(env.district.db, env.district.data_dir, env.build(env.files(), sequence=2),
                              name="later.cprsync")
    assert row_counts(env.district.db) == before


def test_a_commune_cannot_overwrite_another_communes_rows(env, tmp_path):
    good = env.good()
    syncdb.import_package(env.district.db, env.district.data_dir, good, name="good.cprsync")
    stolen = env.files()
    intruder = commune_site(tmp_path / "intruder", households=2, seed=4)
    try:
        link(intruder, env.district)
        keys = keystore.own_keys(intruder.db, intruder.data_dir)
        # the intruder sends the first commune's households as its own rows
        for row in stolen["household.jsonl"]:
            row["address"] = "đã bị sửa"
        with intruder.db.session() as s:
            files, _, _ = collect_rows(s, None)
        tables = {n: [json.loads(x) for x in d.decode().splitlines()] for n, d in files.items()}
        tables["household.jsonl"] += stolen["household.jsonl"]
        for row in stolen["household.jsonl"]:
            row["commune_id"] = tables["commune.jsonl"][0]["id"]
            row["revision"] += 5
        bad = env.build(tables, signer=keys)
    finally:
        intruder.close()
    before = row_counts(env.district.db)
    with pytest.raises(InvalidRecord) as err:
        syncdb.import_package(env.district.db, env.district.data_dir, bad, name="intruder.cprsync")
    assert err.value.table == "household"
    assert row_counts(env.district.db) == before


def test_invalid_record_names_table_row_and_field(env):
    bad = CASES["member_born_after_survey"][0](env, env.good())
    with pytest.raises(InvalidRecord) as err:
        syncdb.import_package(env.district.db, env.district.data_dir, bad, name="bad.cprsync")
    assert err.value.table == "member" and "birth_date" in err.value.field
    assert "Không có dữ liệu nào được ghi" in str(err.value)
