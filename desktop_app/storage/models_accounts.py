"""User accounts of the register (table ``user_account``).

Kept in its own ``models_*`` module on the shared :class:`Base` so that
:func:`desktop_app.storage.models.load_all_models` (and so the migrations
environment and the schema test) see it; created by revision ``0002_accounts``.

The row has the synced columns (UUID key, timestamps, revision, tombstone)
like every table of the register, but the login bookkeeping
(``failed_attempts``, ``locked_until``, ``last_login_at``) is local state that
:mod:`desktop_app.services.accounts` updates without bumping ``revision``.
The password is never stored: only its scrypt hash.
"""

from __future__ import annotations

import datetime as _dt

from sqlalchemy import Boolean, Integer, String, UniqueConstraint, text, true
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.storage.models import Base, Synced

#: roles, from most to least powerful
ROLES = ("administrator", "officer", "viewer")


class UserRow(Synced, Base):
    """A person who may open the register (username unique, lower case)."""

    __tablename__ = "user_account"

    username: Mapped[str] = mapped_column(String(64))
    full_name: Mapped[str] = mapped_column(String)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    locked_until: Mapped[_dt.datetime | None] = mapped_column()
    last_login_at: Mapped[_dt.datetime | None] = mapped_column()
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    __table_args__ = (UniqueConstraint("username"),)
