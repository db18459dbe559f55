"""Helpers for tests and benchmarks of database sync (not used by the application).

* :func:`pg_database` - a fresh, uniquely named PostgreSQL database on the
  server of ``$CPR_TEST_PG_URL``, dropped afterwards;
* :class:`Site` - one installation (data folder + open register);
* :func:`commune_site` / :func:`district_site` / :func:`link` - set up a demo
  commune, a receiving office, and enrol their keys both ways;
* :func:`row_counts` - rows of every table (to prove a refusal wrote nothing).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text

from desktop_app.storage.database import Database
from desktop_app.syncdb import keystore

PG_ENV = "CPR_TEST_PG_URL"


@contextlib.contextmanager
def pg_database(server_url: str | None = None) -> Iterator[str]:
    """A new empty PostgreSQL database (URL), dropped when the block ends."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url or os.environ[PG_ENV])
    name = f"cpr_sync_{uuid.uuid4().hex[:12]}"
    conninfo = dict(host=url.host, port=url.port or 5432, user=url.username, dbname=url.database or "postgres")
    if url.password:
        conninfo["password"] = url.password
    with psycopg.connect(**conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(**conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Site:
    """An installation: its data folder (keys, backups, standards) and register."""

    data_dir: Path
    db: Database

    def close(self) -> None:
        self.db.close()


def commune_site(data_dir: Path, *, households: int = 20, seed: int = 1, classify: bool = False) -> Site:
    """A commune installation holding a demonstration commune."""
    from desktop_app.services.demo import create_demo

    db = Database.open(data_dir)
    classifier = None
    if classify:
        from desktop_app.services.classify import classify_round as classifier
    create_demo(db, households=households, seed=seed, classify=classifier)
    return Site(Path(data_dir), db)


def copy_device(site: Site, data_dir: Path) -> Site:
    """A second device of the same commune: a copy of the register with a new
    device id (and so, on first need, its own keys)."""
    from desktop_app.storage.database import backup_sqlite
    from desktop_app.storage.models import MetaRow

    assert site.db.path is not None
    data_dir.mkdir(parents=True, exist_ok=True)
    copy = backup_sqlite(site.db.path, data_dir, "copy")
    copy.rename(data_dir / site.db.path.name)
    db = Database.open(data_dir)
    with db.transaction() as s:
        s.query(MetaRow).filter(MetaRow.key == keystore.DEVICE_META).delete()
    return Site(data_dir, db)


def district_site(data_dir: Path, url: str | None = None, *, code: str = "717",
                  name: str = "Phòng Nông nghiệp huyện Mẫu") -> Site:
    """A receiving office (district mode) on SQLite, or on PostgreSQL with ``url``
    (keys still live in ``data_dir``)."""
    from desktop_app.services.register import create_commune

    db = Database.open(data_dir) if url is None else Database.open(url=url)
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    create_commune(db, code=code, name=name, mode="district")
    return Site(Path(data_dir), db)


def link(commune: Site, district: Site) -> None:
    """Enrol the commune's key at the office and the office's key at the commune."""
    ck = keystore.own_keys(commune.db, commune.data_dir)
    dk = keystore.own_keys(district.db, district.data_dir)
    keystore.enroll(district.db, ck.public.to_bytes())
    keystore.enroll(commune.db, dk.public.to_bytes())


def row_counts(db: Database) -> dict[str, int]:
    """``table -> number of rows`` for every table of the database."""
    with db.engine.connect() as conn:
        names = sorted(inspect(conn).get_table_names())
        return {n: conn.execute(text(f'SELECT COUNT(*) FROM "{n}"')).scalar_one() for n in names}


@contextlib.contextmanager
def district_on(kind: str, data_dir: Path) -> Iterator[Site]:
    """A receiving office on ``"sqlite"`` or ``"postgres"`` (a fresh database
    on ``$CPR_TEST_PG_URL``; the caller skips when it is unset)."""
    if kind == "sqlite":
        site = district_site(data_dir)
        try:
            yield site
        finally:
            site.close()
        return
    with pg_database() as url:
        site = district_site(data_dir, url)
        try:
            yield site
        finally:
            site.close()


def changed_household(site: Site, new_name: str) -> tuple[str, str]:
    """Rename the first member of the first household (by code); returns
    ``(household id, member id)``."""
    from desktop_app.services.register import load_household, save_household
    from desktop_app.storage.queries import list_households

    first = list_households(site.db)[0]
    household = load_household(site.db, first.household_id)
    household.members[0].full_name = new_name
    save_household(site.db, household)
    return household.household_id, household.members[0].member_id
