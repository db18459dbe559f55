"""A demonstration receiving office (``demo --district``).

:func:`create_district_demo` sets an empty register up as a receiving office
(a commune row with ``mode = "district"``), makes its keys, and, when
``communes`` > 0, simulates that many commune installations in a temporary
folder: each gets a demonstration commune (:func:`desktop_app.services.demo.create_demo`
with its own seed), its own keys, enrols the office's key and exports a full
package, which the office enrols and imports like a real one. The commune
folders are removed afterwards unless ``keep_communes_in`` is given.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from desktop_app.errors import AppError
from desktop_app.i18n import t
from desktop_app.services.register import create_commune
from desktop_app.storage.database import Database
from desktop_app.storage.models import CommuneRow
from desktop_app.storage.records import live
from desktop_app.syncdb import keystore
from desktop_app.syncdb.export import export_package
from desktop_app.syncdb.importer import ImportResult, import_package

DEMO_DISTRICT_CODE = "717"
DEMO_DISTRICT_NAME = "Phòng Nông nghiệp và Môi trường (mẫu)"


@dataclass
class DistrictDemoResult:
    """What :func:`create_district_demo` made."""

    district_id: str
    key_id: str
    imports: list[ImportResult] = field(default_factory=list)

    @property
    def households(self) -> int:
        return sum(r.counts.get("household", 0) for r in self.imports)


def create_district_demo(db: Database, data_dir: Path, *, code: str = DEMO_DISTRICT_CODE,
                         name: str = DEMO_DISTRICT_NAME, province: str | None = None, communes: int = 3,
                         households: int = 50, seed: int = 1,
                         classify: Callable[[Database, str], int] | None = None,
                         keep_communes_in: Path | None = None) -> DistrictDemoResult:
    """Set an empty register up as a demonstration receiving office (see module doc)."""
    from desktop_app.services.demo import create_demo

    with db.session() as s:
        if s.scalar(select(CommuneRow.id).where(live(CommuneRow)).limit(1)) is not None:
            raise AppError(t("demo.not_empty"))
    created = create_commune(db, code=code, name=name, province=province, mode="district")
    keys = keystore.own_keys(db, data_dir)
    result = DistrictDemoResult(created.id, keys.key_id)
    with tempfile.TemporaryDirectory(prefix="cpr-district-demo-") as tmp:
        work = Path(keep_communes_in) if keep_communes_in is not None else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        office_key = work / "office.cprkey"
        keys.public.save(office_key)
        for i in range(communes):
            commune_dir = work / f"commune-{i + 1}"
            with Database.open(commune_dir) as cdb:
                create_demo(cdb, households=households, seed=seed + i, classify=classify)
                commune_keys = keystore.own_keys(cdb, commune_dir)
                keystore.enroll(cdb, office_key)
                package = work / f"commune-{i + 1}.cprsync"
                export_package(cdb, commune_dir, package)
            key_file = work / f"commune-{i + 1}.cprkey"
            commune_keys.public.save(key_file)
            keystore.enroll(db, key_file)
            result.imports.append(import_package(db, data_dir, package, backup=False))
    return result
