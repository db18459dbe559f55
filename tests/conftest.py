"""Shared pytest fixtures (generic; add yours below with a docstring).

* ``shared_dir`` - the project's ``shared/`` folder (``$CPR_SHARED_DIR`` or
  ``../shared`` next to the repository), see ``support.shared_dir``.
* ``fixture_cases`` - the cases of ``shared/fixtures/classification_cases.json``.
* ``data_dir`` / ``db`` - a fresh data folder and an open SQLite register in it.
* ``pg_url`` - a PostgreSQL URL on a fresh schema (tests marked ``postgres``
  run only when ``$CPR_TEST_PG_URL`` names a server; the schema is dropped
  afterwards).
* ``any_db`` - the same register test on SQLite and, when available, PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import support
from desktop_app.storage.database import Database


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = support.shared_dir()
    if not (path / "fixtures").is_dir():
        pytest.fail(f"shared folder not found at {path}; set CPR_SHARED_DIR")
    return path


@pytest.fixture(scope="session")
def fixture_cases(shared_dir: Path) -> list[dict]:
    return support.fixture_cases()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder that does not exist yet (the register creates it)."""
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = Database.open(data_dir)
    yield database
    database.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """``$CPR_TEST_PG_URL`` with ``search_path`` set to a new, empty schema."""
    url = os.environ.get("CPR_TEST_PG_URL")
    if not url:
        pytest.skip("set CPR_TEST_PG_URL=postgresql+psycopg://user@host/db to run PostgreSQL tests")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"cpr_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request, tmp_path: Path) -> Iterator[Database]:
    """An open, empty register on SQLite, then on PostgreSQL when configured."""
    if request.param == "sqlite":
        database = Database.open(tmp_path / "data")
    else:
        database = Database.open(url=request.getfixturevalue("pg_url"))
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _language_isolation() -> Iterator[None]:
    """Every test starts with the core in Vietnamese (the default) and the GUI
    with no translator installed (English source texts); a test that switches
    language cannot leak it into the next one."""
    import sys

    from desktop_app import i18n

    i18n.set_language("vi")
    yield
    i18n.set_language("vi")
    if "desktop_app.ui.translation" in sys.modules:
        from PySide6.QtCore import QLocale

        sys.modules["desktop_app.ui.translation"].uninstall()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
