"""Applying the first-run setup (:mod:`desktop_app.setup_flow`) to a database.

:func:`apply_setup` creates the commune (or receiving office), its villages,
the first survey round and the first administrator in ONE transaction: either
everything is there afterwards or nothing is (the register's ``*_in``
services work inside the caller's session).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.services import Changes, accounts, register
from desktop_app.setup_flow import SetupPlan, validate_plan
from desktop_app.standards.loader import StandardRegistry, default_registry
from desktop_app.storage.database import Database
from desktop_app.storage.models import CommuneRow
from desktop_app.storage.records import live

register_messages({
    "setup.already_done": {
        "vi": "Sổ đã được thiết lập (đã có xã «{name}»); không thiết lập lại.",
        "en": "The register is already set up (commune '{name}' exists); it was not set up again.",
    },
})


@dataclass(frozen=True, slots=True)
class SetupResult:
    """What :func:`apply_setup` created."""

    commune_id: str
    round_id: str | None
    admin_id: str
    changes: Changes


def needs_setup(db: Database) -> bool:
    """Whether the register has no commune (or office) yet."""
    with db.session() as s:
        return s.scalar(select(CommuneRow.id).where(live(CommuneRow)).limit(1)) is None


def apply_setup(db: Database, plan: SetupPlan, registry: StandardRegistry | None = None) -> SetupResult:
    """Write ``plan`` in one transaction; raises :class:`ValidationError` for
    the first problem of the plan, or when the register is already set up."""
    registry = registry or default_registry(db.data_dir)
    errors = validate_plan(plan, registry.ids())
    if errors:
        raise ValidationError(errors[0].field, errors[0].message)
    with db.transaction() as s:
        existing = s.scalar(select(CommuneRow).where(live(CommuneRow)).limit(1))
        if existing is not None:
            raise ValidationError("name", t("setup.already_done", name=existing.name))
        commune = register.create_commune_in(
            s, db, code=plan.code, name=plan.name, province=plan.province, default_area=plan.default_area,
            default_region=plan.default_region, office_label=plan.office_label, mode=plan.mode,
            villages=plan.villages if plan.is_commune else ())
        changes = commune.changes | Changes.of("users")
        round_id: str | None = None
        if plan.is_commune:
            standard = registry.get(plan.standard_id)
            rnd = register.create_round_in(
                s, db, name=plan.round_name, kind=plan.round_kind, commune_id=commune.id,
                standard_id=standard.id, standard_version=standard.version, start_date=plan.round_start)
            round_id, changes = rnd.id, changes | rnd.changes
        admin = accounts.insert_user(s, username=plan.admin_username, full_name=plan.admin_full_name,
                                     role=accounts.ADMINISTRATOR, password=plan.admin_password,
                                     audit_user=db.user)
        return SetupResult(commune.id, round_id, admin.id, changes)
