"""Benchmarks of database sync; prints ``BENCH <name> <value> <unit>`` lines.

    python bench/sync.py [--households 100000] [--delta 1000]
                         [--pg-communes 20] [--pg-households 50000] [--pg-url URL] [--keep DIR]

1. a demonstration commune of ``--households`` households (services.demo);
2. ``export_full_100k_s``: full export of it;
3. ``import_full_s``: a SQLite office imports that package (verify, validate,
   backup, apply, receipt), and ``raw_insert_s``: the same decoded rows bulk
   inserted into an empty register with SQLAlchemy Core ``executemany`` in one
   transaction (no checks), both in this run; ``import_vs_raw_ratio``;
4. ``export_delta_1k_s``: after the receipt, ``--delta`` households change and
   the delta is exported;
5. with a PostgreSQL server (``--pg-url`` or ``$CPR_TEST_PG_URL``):
   ``--pg-communes`` communes of ``--pg-households`` households each are
   imported into a fresh PostgreSQL database (``pg_rows_per_s``, ``pg_total_s``).
   The communes are made from one demonstration commune whose ids and code are
   rewritten per commune (so every package is distinct and signed by its own key).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from desktop_app.storage.database import Database  # noqa: E402
from desktop_app.storage.models import HouseholdRow  # noqa: E402
from desktop_app.sync import InstallationKeys  # noqa: E402
from desktop_app.sync.package import write_package  # noqa: E402
from desktop_app.syncdb import export_package, import_package, import_receipt, keystore, latest_receipt  # noqa: E402
from desktop_app.syncdb.export import collect_rows  # noqa: E402
from desktop_app.syncdb.rows import synced_tables  # noqa: E402
from desktop_app.syncdb.testing import commune_site, district_site, link, pg_database  # noqa: E402
from desktop_app.syncdb.validate import parse_package  # noqa: E402

UUID_RE = re.compile(rb"[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")


def bench(name: str, value: float, unit: str) -> None:
    print(f"BENCH {name} {value:.3f} {unit}", flush=True)


def note(text: str) -> None:
    print(f"# {text}", file=sys.stderr, flush=True)


def raw_insert(pkg, work: Path) -> float:
    """Bulk insert the package's decoded rows into an empty register (no checks)."""
    db = Database.open(work / "raw")
    try:
        with db.session() as s:
            tables = synced_tables(s.connection())
        plan = parse_package(pkg, tables, "raw")
        started = time.perf_counter()
        with db.engine.begin() as conn:
            for table in plan.tables:
                rows = plan.rows.get(table.name)
                if rows:
                    conn.execute(table.insert(), rows)
        return time.perf_counter() - started
    finally:
        db.close()


def change_households(db: Database, n: int) -> None:
    with db.transaction() as s:
        for i, row in enumerate(s.scalars(select(HouseholdRow).order_by(HouseholdRow.code).limit(n))):
            row.address = f"Địa chỉ mới {i}"


def rewritten(files: dict[str, bytes], k: int, old_code: str, new_code: str) -> dict[str, bytes]:
    """The same commune with other ids (first 8 hex digits of every UUID) and another code."""
    prefix = f"{k:08x}".encode()
    out = {}
    for name, data in files.items():
        data = UUID_RE.sub(lambda m: prefix + m.group(1), data)
        if name == "commune.jsonl":
            data = data.replace(f'"code":"{old_code}"'.encode(), f'"code":"{new_code}"'.encode())
        out[name] = data
    return out


def pg_bench(url: str, commune, communes: int, work: Path) -> None:
    with commune.db.session() as s:
        files, counts, _ = collect_rows(s, None)
    old_code = keystore.installation(commune.db).code
    rows_per_package = sum(v for k, v in counts.items() if k != "audit_log")
    with pg_database(url) as db_url:
        office = district_site(work / "pg-office", db_url)
        try:
            office_keys = keystore.own_keys(office.db, office.data_dir)
            packages = []
            for k in range(communes):
                code = f"9{k:04d}"
                keys = InstallationKeys.generate("commune", code, f"Xã thử {k}", device_id="bench-1")
                keystore.enroll(office.db, keys.public.to_bytes())
                path = work / f"pg-{k}.cprsync"
                write_package(path, {"sequence": 1, "kind": "full", "standards": [], "counts": counts},
                              rewritten(files, k, old_code, code), keys, office_keys.public)
                packages.append(path)
            started = time.perf_counter()
            for path in packages:
                import_package(office.db, office.data_dir, path)
            total = time.perf_counter() - started
        finally:
            office.close()
    bench("pg_rows_per_s", rows_per_package * communes / total, "rows/s")
    bench("pg_total_s", total, "s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--households", type=int, default=100_000, help="0 skips the SQLite benchmarks")
    parser.add_argument("--delta", type=int, default=1_000)
    parser.add_argument("--pg-communes", type=int, default=20)
    parser.add_argument("--pg-households", type=int, default=50_000)
    parser.add_argument("--pg-url", default=os.environ.get("CPR_TEST_PG_URL"))
    parser.add_argument("--keep", type=Path, default=None, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="cpr-bench-sync-"))
    try:
        if args.households > 0:
            started = time.perf_counter()
            commune = commune_site(work / "commune", households=args.households, seed=1)
            note(f"demo commune of {args.households} households made in {time.perf_counter() - started:.1f} s")
            office = district_site(work / "office")
            link(commune, office)
            package = work / "full.cprsync"
            started = time.perf_counter()
            result = export_package(commune.db, commune.data_dir, package)
            bench("export_full_100k_s", time.perf_counter() - started, "s")
            note(f"package {package.stat().st_size / 1e6:.1f} MB, counts {json.dumps(result.counts)}")

            started = time.perf_counter()
            imported = import_package(office.db, office.data_dir, package)
            import_s = time.perf_counter() - started
            raw_s = _raw_from_package(office, package, work)
            bench("import_full_s", import_s, "s")
            bench("raw_insert_s", raw_s, "s")
            bench("import_vs_raw_ratio", import_s / raw_s, "x")

            receipt = work / "r1.cprrcpt"
            receipt.write_bytes(latest_receipt(office.db, imported.commune_code))
            import_receipt(commune.db, commune.data_dir, receipt)
            change_households(commune.db, args.delta)
            started = time.perf_counter()
            delta = export_package(commune.db, commune.data_dir, work / "delta.cprsync")
            bench("export_delta_1k_s", time.perf_counter() - started, "s")
            note(f"delta counts {json.dumps(delta.counts)}")
            office.close()
            commune.close()

        if args.pg_url and args.pg_communes > 0:
            pg_commune = commune_site(work / "pg-commune", households=args.pg_households, seed=2)
            try:
                pg_bench(args.pg_url, pg_commune, args.pg_communes, work)
            finally:
                pg_commune.close()
        else:
            note("no PostgreSQL server (--pg-url / CPR_TEST_PG_URL): pg benchmarks skipped")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _raw_from_package(office, package: Path, work: Path) -> float:
    """Decrypt the package with the office's keys (sequence check bypassed) and
    time a plain bulk insert of its rows."""
    from desktop_app.sync.package import read_package

    book = keystore.load_peers(office.db)
    pkg = read_package(package, trusted_keys=book.trusted, revoked=book.revoked,
                       my_keys=keystore.all_own_keys(office.db, office.data_dir), last_sequence=lambda c, d: None)
    return raw_insert(pkg, work)


if __name__ == "__main__":
    raise SystemExit(main())
