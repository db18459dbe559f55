"""Alembic environment of the register, run programmatically.

:mod:`desktop_app.storage.database` builds an :class:`alembic.config.Config`
with ``script_location`` set to this folder and passes an open connection in
``config.attributes["connection"]``; there is no ``alembic.ini``. Offline
(``--sql``) mode is not supported.

Adding a revision: see ``README.md`` next to this file.
"""

from __future__ import annotations

from alembic import context

from desktop_app.storage.models import load_all_models

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - misuse
    raise RuntimeError("run migrations through desktop_app.storage.database (a connection is required)")

context.configure(
    connection=connection,
    target_metadata=load_all_models(),
    # SQLite cannot ALTER most things: batch mode recreates tables instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
