"""Opening the register database: SQLite (default) or PostgreSQL.

:meth:`Database.open` finds or creates the database, refuses one written by a
newer version (:class:`desktop_app.errors.SchemaTooNew`, file untouched),
backs an existing SQLite database up with SQLite's online backup API before
migrating it, and migrates it to the newest schema with the Alembic revisions
of ``storage/migrations``.

SQLite connections run with ``journal_mode=WAL``, ``synchronous=FULL`` (a
committed transaction survives a power cut), ``foreign_keys=ON`` and a busy
timeout. Transactions are real SQLite transactions (``BEGIN`` is issued by us,
not by the driver), so migrations are atomic too; writes start with
``BEGIN IMMEDIATE`` so that two writers queue instead of failing halfway.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import getpass
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop_app.errors import DatabaseError, SchemaTooNew
from desktop_app.fsutil import _fsync_dir, make_private
from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.paths import DB_FILENAME, default_data_dir

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BACKUP_DIRNAME = "backups"
BUSY_TIMEOUT_MS = 15_000
#: page cache per connection; large imports rewrite index pages far less with it
CACHE_KIB = 64 * 1024

register({
    "db.missing": {
        "vi": "Không tìm thấy cơ sở dữ liệu {path}. Hãy kiểm tra thư mục dữ liệu (--data-dir).",
        "en": "No database at {path}. Check the data folder (--data-dir).",
    },
    "db.unreadable": {
        "vi": "Không mở được cơ sở dữ liệu {path}: {error}. Tệp có thể bị hỏng; hãy dùng bản sao lưu.",
        "en": "Cannot open the database {path}: {error}. The file may be damaged; use a backup.",
    },
    "db.not_register": {
        "vi": "{path} không phải là cơ sở dữ liệu của sổ theo dõi hộ nghèo; tệp không bị thay đổi.",
        "en": "{path} is not a poverty register database; the file was not changed.",
    },
    "db.migration_failed": {
        "vi": "Nâng cấp cơ sở dữ liệu {path} thất bại: {error}. Dữ liệu không bị thay đổi; bản sao lưu: {backup}.",
        "en": "Upgrading the database {path} failed: {error}. The data was not changed; backup: {backup}.",
    },
    "db.migrations_broken": {
        "vi": "Bộ nâng cấp cơ sở dữ liệu của phiên bản này bị lỗi: {error}",
        "en": "The database upgrade scripts of this version are broken: {error}",
    },
    "db.backup_failed": {
        "vi": "Không sao lưu được cơ sở dữ liệu trước khi nâng cấp: {error}. Không có gì bị thay đổi.",
        "en": "Could not back up the database before upgrading: {error}. Nothing was changed.",
    },
})


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some systems
        return ""


def _private_dir(path: Path) -> None:
    """Create ``path`` (and parents) with owner-only permissions if missing."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        make_private(path)


def _readonly_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _inspect_sqlite(path: Path) -> tuple[str | None, bool]:
    """``(alembic revision or None, has any table)`` read without writing."""
    try:
        conn = sqlite3.connect(_readonly_uri(path), uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            has_tables = bool(tables - {"alembic_version"})
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            return revision, has_tables
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseError(t("db.unreadable", path=path, error=exc)) from exc


def backup_sqlite(source: Path, dest_dir: Path, label: str) -> Path:
    """Copy ``source`` with SQLite's online backup API into
    ``dest_dir/<label>-<UTC timestamp>.sqlite3`` (owner-only, atomic)."""
    _private_dir(dest_dir)
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = dest_dir / f"{label}-{stamp}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = dest_dir / f"{label}-{stamp}-{n}.sqlite3"
    tmp = target.with_name(f".{target.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        src = sqlite3.connect(_readonly_uri(source), uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _fsync_dir(dest_dir)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    make_private(target)
    return target


MMAP_BYTES = 512 * 1024 * 1024


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # We issue BEGIN ourselves (see _on_begin): the driver must not.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        # memory-mapped reads: large aggregate queries (dashboard, lists)
        # read the file without copying it through the page cache twice
        cur.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _alembic_config(script_location: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


class Database:
    """An open register database. Create with :meth:`open`.

    ``user`` is written in the audit log of every change (the OS user name by
    default; the GUI may set the officer's name).
    """

    def __init__(self, engine: Engine, *, url: str, path: Path | None, data_dir: Path | None,
                 script_location: Path, backup: Path | None = None):
        self.engine = engine
        self.url = url
        self.path = path
        self.data_dir = data_dir
        self.script_location = script_location
        #: the backup taken before migrating when this database was opened
        self.last_backup = backup
        self.user: str = _current_user()
        self._write_engine = (engine.execution_options(sqlite_begin="IMMEDIATE")
                              if engine.dialect.name == "sqlite" else engine)

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path | str | None = None, url: str | None = None, create: bool = True,
             *, script_location: Path | str | None = None) -> Database:
        """Open (and, with ``create``, create) the database and migrate it to
        the newest schema.

        Without ``url`` the database is the SQLite file ``<data_dir>/register.sqlite3``
        (``data_dir`` defaults to the user data folder). ``url`` may name
        another SQLite file or a PostgreSQL database
        (``postgresql+psycopg://user@host/db``). ``script_location`` replaces
        the migrations folder (for tests and tools).
        """
        scripts = Path(script_location) if script_location else MIGRATIONS_DIR
        if url is not None and not make_url(url).get_backend_name() == "sqlite":
            return cls._open_server(url, scripts)
        if url is not None:
            database = make_url(url).database
            if not database or database == ":memory:":
                raise DatabaseError(t("db.missing", path=url))
            path = Path(database)
            data_dir = path.parent
        else:
            data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
            path = data_dir / DB_FILENAME
        return cls._open_sqlite(Path(path), Path(data_dir), scripts, create)

    @classmethod
    def _open_sqlite(cls, path: Path, data_dir: Path, scripts: Path, create: bool) -> Database:
        head, known = _revisions(scripts)
        current: str | None = None
        if path.exists():
            current, has_tables = _inspect_sqlite(path)
            _check_revision(current, has_tables, head, known, path)
        elif not create:
            raise DatabaseError(t("db.missing", path=path))
        else:
            _private_dir(data_dir)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        backup = None
        if current is not None and current != head:
            try:
                backup = backup_sqlite(path, data_dir / BACKUP_DIRNAME,
                                       f"before-migration-{current}-to-{head}")
            except (OSError, sqlite3.Error) as exc:
                raise DatabaseError(t("db.backup_failed", error=exc)) from exc
        engine = _sqlite_engine(path)
        db = cls(engine, url=str(engine.url), path=path, data_dir=data_dir,
                 script_location=scripts, backup=backup)
        try:
            if current != head:
                db._upgrade()
        except BaseException:
            engine.dispose()
            raise
        return db

    @classmethod
    def _open_server(cls, url: str, scripts: Path) -> Database:
        head, known = _revisions(scripts)
        engine = create_engine(url, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
                has_tables = bool(set(inspect(conn).get_table_names()) - {"alembic_version"})
            _check_revision(current, has_tables, head, known, make_url(url).render_as_string())
            db = cls(engine, url=url, path=None, data_dir=None, script_location=scripts)
            if current != head:
                db._upgrade()
            return db
        except SQLAlchemyError as exc:
            engine.dispose()
            raise DatabaseError(t("db.unreadable", path=make_url(url).render_as_string(), error=exc)) from exc
        except BaseException:
            engine.dispose()
            raise

    def _upgrade(self) -> None:
        """Migrate to head in one transaction (foreign keys checked at the end on SQLite)."""
        cfg = _alembic_config(self.script_location)
        where = str(self.path) if self.path else make_url(self.url).render_as_string()
        try:
            with self._write_engine.connect() as conn:  # BEGIN IMMEDIATE on SQLite
                sqlite = conn.dialect.name == "sqlite"
                raw = conn.connection.driver_connection
                if sqlite:  # must be outside a transaction; table rebuilds need it off
                    raw.execute("PRAGMA foreign_keys=OFF")
                try:
                    with conn.begin():
                        cfg.attributes["connection"] = conn
                        command.upgrade(cfg, "head")
                        if sqlite:
                            bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                            if bad:
                                raise DatabaseError(f"foreign key check failed: {bad[:5]}")
                finally:
                    if sqlite:
                        raw.execute("PRAGMA foreign_keys=ON")
        except (SQLAlchemyError, CommandError, DatabaseError) as exc:
            raise DatabaseError(t("db.migration_failed", path=where, error=exc,
                                  backup=self.last_backup or "-")) from exc

    # -- use -------------------------------------------------------------

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed once at the end of the block,
        or rolled back entirely when the block raises."""
        with Session(self._write_engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; anything it would write is rolled back when
        the block ends (the session is closed without commit; loaded objects
        stay readable, detached)."""
        with Session(self.engine) as session:
            yield session

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at."""
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        """Close every connection (SQLite then folds the WAL into the file)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _revisions(scripts: Path) -> tuple[str, set[str]]:
    """``(head revision, every known revision)`` of a migrations folder."""
    try:
        script = ScriptDirectory.from_config(_alembic_config(scripts))
        head = script.get_current_head()
        known = {rev.revision for rev in script.walk_revisions()}
    except CommandError as exc:  # e.g. two heads after merging parallel work
        raise DatabaseError(t("db.migrations_broken", error=exc)) from exc
    if head is None:
        raise DatabaseError(t("db.migrations_broken", error="no revision"))
    return head, known


def _check_revision(current: str | None, has_tables: bool, head: str, known: set[str],
                    where: Path | str) -> None:
    if current is not None and current not in known:
        raise SchemaTooNew(current, head, str(where))
    if current is None and has_tables:
        raise DatabaseError(t("db.not_register", path=where))
