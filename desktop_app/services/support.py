"""Support tracking services: record, edit, delete, bulk actions, queries.

Every function that changes data runs in ONE transaction, writes the audit
log (old -> new values) and returns :class:`Changes` (kind ``"support"``, or
``"support_programmes"`` for local programmes). Bad input raises
:class:`ValidationError` / :class:`NotFound` naming the problem and the fix,
with the database unchanged. Records are never deleted, only tombstoned.

Register filters for the household list (each returns household ids):
:func:`households_without_support` ("no support this year") and
:func:`households_uninsured_eligible` ("eligible for health insurance but
uninsured").
"""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import NotFound, ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.services import Changes
from desktop_app.services.register import Created
from desktop_app.storage.audit import write_audit, write_audit_many
from desktop_app.storage.database import Database
from desktop_app.storage.models import HouseholdRow, MemberRow, VillageRow, new_id
from desktop_app.storage.models_support import SupportProgrammeRow, SupportRecordRow
from desktop_app.storage.records import live
from desktop_app.support import texts as _texts  # noqa: F401 - registers the messages
from desktop_app.support.bulk import RULE_CODES, BulkRule, BulkTarget, RuleDef, rule_def, select_targets
from desktop_app.support.catalogue import PER_CHOICES, Catalogue, Programme, load_catalogue
from desktop_app.support.coverage import Coverage, coverage
from desktop_app.support.eligibility import Hint, hints_for, load_rules
from desktop_app.support.facts import load_facts
from desktop_app.support.lookup import HouseholdChoice, MemberChoice, household_choices, member_choices
from desktop_app.support.validate import MAX_AMOUNT, clean_amount, clean_date, clean_quantity, clean_term

__all__ = [
    "BulkRule", "BulkTarget", "Coverage", "HouseholdChoice", "MemberChoice", "SupportEntry",
    "bulk_rules", "household_choices", "member_choices", "years_with_support", "add_programme", "apply_bulk", "catalogue_for",
    "coverage", "delete_support", "eligible_supports", "get_support", "household_support",
    "households_uninsured_eligible", "households_without_support", "list_support", "preview_bulk",
    "record_support", "update_support", "MAX_AMOUNT", "RULE_CODES",
]

register_messages({
    "accounts.action.record_support": {"vi": "ghi, sửa, xóa hỗ trợ", "en": "record, edit or delete support"},
})

EDITABLE = ("programme", "date", "member_id", "amount_vnd", "quantity", "unit", "source", "note",
            "term_months", "purpose")
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@dataclass(frozen=True, slots=True)
class SupportEntry:
    """A support record as views show it (names resolved)."""

    id: str
    household_id: str
    household_code: str
    head_name: str | None
    village_id: str | None
    village: str | None
    member_id: str | None
    member_name: str | None
    programme: str
    programme_name: str
    date: _dt.date
    amount_vnd: int | None
    quantity: float | None
    unit: str | None
    source: str
    source_name: str
    note: str | None
    recorded_by: str | None
    term_months: int | None
    purpose: str | None
    batch_id: str | None
    revision: int

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        return d


# --------------------------------------------------------------------------
# catalogue


def _local_programmes(s: Session) -> tuple[Programme, ...]:
    rows = s.scalars(select(SupportProgrammeRow).where(live(SupportProgrammeRow))
                     .order_by(SupportProgrammeRow.created_at))
    return tuple(Programme(r.code, r.name_vi, r.name_en, r.unit_vi, r.unit_en, r.per, r.default_source,
                           r.recipients or "", r.recipients or "", local=True) for r in rows)


def catalogue_for(db: Database) -> Catalogue:
    """The shipped catalogue with the commune's local programmes."""
    with db.session() as s:
        return load_catalogue().with_local(_local_programmes(s))


def _actor_name(db: Database, actor: Any) -> str | None:
    if actor is None:
        return db.user
    from desktop_app.services.accounts import ADMINISTRATOR, OFFICER, require_role

    require_role(actor, ADMINISTRATOR, OFFICER, action="record_support")
    return actor.username


def add_programme(db: Database, *, code: str, name_vi: str, name_en: str | None = None,
                  unit_vi: str = "lần", unit_en: str = "time", per: str = "household",
                  default_source: str = "local_budget", recipients: str | None = None,
                  actor: Any = None) -> Created:
    """Add a local programme of the commune to the catalogue."""
    user = _actor_name(db, actor)
    code = (code or "").strip()
    if not _CODE.match(code):
        raise ValidationError("code", t("support.bad_code", value=code))
    name_vi = (name_vi or "").strip()
    if not name_vi:
        raise ValidationError("name_vi", t("record.empty_text"))
    if per not in PER_CHOICES:
        raise ValidationError("per", t("support.bad_per", value=per))
    base = load_catalogue()
    if default_source not in base.source_codes():
        raise ValidationError("default_source", t("support.unknown_source", value=default_source,
                                                  choices=", ".join(base.source_codes())))
    with db.transaction() as s:
        if code in load_catalogue().with_local(_local_programmes(s)).programme_codes():
            raise ValidationError("code", t("support.programme_exists", code=code))
        row = SupportProgrammeRow(code=code, name_vi=name_vi, name_en=(name_en or "").strip() or name_vi,
                                  unit_vi=unit_vi.strip() or "lần", unit_en=unit_en.strip() or "time", per=per,
                                  default_source=default_source, recipients=recipients)
        s.add(row)
        s.flush()
        write_audit(s, user=user, action="insert", table_name=row.__tablename__, row_id=row.id,
                    new={"code": code, "name_vi": row.name_vi, "name_en": row.name_en, "per": per})
        return Created(row.id, Changes.of("support_programmes"))


# --------------------------------------------------------------------------
# validation


def _household(s: Session, household_id: str) -> HouseholdRow:
    row = s.get(HouseholdRow, household_id) if household_id else None
    if row is None or row.deleted:
        raise NotFound(t("support.household_not_found", household_id=household_id))
    return row


def _clean(s: Session, cat: Catalogue, values: dict[str, Any], household: HouseholdRow) -> dict[str, Any]:
    """Check and normalise the values of a record (raises on bad input)."""
    v = dict(values)
    programme = cat.programme(v.get("programme") or "")
    if programme is None:
        raise ValidationError("programme", t("support.unknown_programme", value=v.get("programme"),
                                             choices=", ".join(cat.programme_codes())))
    v["date"] = clean_date(v.get("date"))
    member_id = v.get("member_id") or None
    if member_id is not None:
        m = s.get(MemberRow, member_id)
        if m is None or m.deleted or m.household_id != household.id:
            raise ValidationError("member_id", t("support.member_not_found", member_id=member_id,
                                                 code=household.code))
    v["member_id"] = member_id
    v["amount_vnd"] = clean_amount(v.get("amount_vnd"))
    v["quantity"] = clean_quantity(v.get("quantity"))
    unit = (v.get("unit") or "").strip() or None
    if v["amount_vnd"] is None and v["quantity"] is None:
        v["quantity"] = 1.0
    if v["quantity"] is not None and unit is None:
        unit = programme.unit("vi")
    v["unit"] = unit
    source = v.get("source") or programme.default_source
    if cat.source(source) is None:
        raise ValidationError("source", t("support.unknown_source", value=source,
                                          choices=", ".join(cat.source_codes())))
    v["source"] = source
    v["note"] = (v.get("note") or "").strip() or None
    purpose = (v.get("purpose") or "").strip() or None
    term = v.get("term_months")
    if programme.code != "policy_credit" and (purpose is not None or term not in (None, "")):
        raise ValidationError("term_months", t("support.credit_only"))
    v["term_months"] = clean_term(term)
    v["purpose"] = purpose
    return v


# --------------------------------------------------------------------------
# recording


def record_support(db: Database, *, household_id: str, programme: str, date: _dt.date | str,
                   member_id: str | None = None, amount_vnd: int | str | None = None,
                   quantity: float | str | None = None, unit: str | None = None, source: str | None = None,
                   note: str | None = None, term_months: int | str | None = None,
                   purpose: str | None = None, actor: Any = None) -> Created:
    """Record one support given to a household (or one member). With neither
    an amount nor a quantity, the quantity is 1 of the programme's unit; the
    source defaults to the programme's usual source."""
    user = _actor_name(db, actor)
    with db.transaction() as s:
        household = _household(s, household_id)
        cat = load_catalogue().with_local(_local_programmes(s))
        v = _clean(s, cat, {"programme": programme, "date": date, "member_id": member_id,
                            "amount_vnd": amount_vnd, "quantity": quantity, "unit": unit, "source": source,
                            "note": note, "term_months": term_months, "purpose": purpose}, household)
        row = SupportRecordRow(household_id=household.id, recorded_by=user, **v)
        s.add(row)
        s.flush()
        write_audit(s, user=user, action="insert", table_name=row.__tablename__, row_id=row.id,
                    new={"household_id": household.id, **v})
        return Created(row.id, Changes.of("support"))


def _record(s: Session, record_id: str) -> SupportRecordRow:
    row = s.get(SupportRecordRow, record_id) if record_id else None
    if row is None or row.deleted:
        raise NotFound(t("support.record_not_found", record_id=record_id))
    return row


def update_support(db: Database, record_id: str, *, actor: Any = None, **changes: Any) -> Changes:
    """Change fields of a record (``programme``, ``date``, ``member_id``,
    ``amount_vnd``, ``quantity``, ``unit``, ``source``, ``note``,
    ``term_months``, ``purpose``). The audit log keeps old and new values."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(sorted(unknown)[0], t("support.not_editable", choices=", ".join(EDITABLE)))
    user = _actor_name(db, actor)
    with db.transaction() as s:
        row = _record(s, record_id)
        household = _household(s, row.household_id)
        cat = load_catalogue().with_local(_local_programmes(s))
        current = {k: getattr(row, k) for k in EDITABLE}
        v = _clean(s, cat, {**current, **changes}, household)
        old = {k: current[k] for k in EDITABLE if current[k] != v[k]}
        new = {k: v[k] for k in old}
        if not new:
            return Changes()
        for k, value in new.items():
            setattr(row, k, value)
        write_audit(s, user=user, action="update", table_name=row.__tablename__, row_id=row.id, old=old, new=new)
        return Changes.of("support")


def delete_support(db: Database, record_id: str, *, actor: Any = None) -> Changes:
    """Tombstone a record; the audit log keeps what it was."""
    user = _actor_name(db, actor)
    with db.transaction() as s:
        row = _record(s, record_id)
        old = {"deleted": False, "household_id": row.household_id, **{k: getattr(row, k) for k in EDITABLE}}
        row.deleted = True
        write_audit(s, user=user, action="delete", table_name=row.__tablename__, row_id=row.id,
                    old=old, new={"deleted": True})
        return Changes.of("support")


# --------------------------------------------------------------------------
# reading


def _entries(s: Session, stmt, cat: Catalogue) -> list[SupportEntry]:
    rows = s.execute(stmt).all()
    hids = {r[0].household_id for r in rows}
    heads: dict[str, str] = {}
    names: dict[str, str] = {}
    if hids:
        for m in s.execute(select(MemberRow.id, MemberRow.household_id, MemberRow.full_name, MemberRow.position,
                                  MemberRow.deleted).where(MemberRow.household_id.in_(hids))
                           .order_by(MemberRow.position)):
            names[m.id] = m.full_name
            if not m.deleted:
                heads.setdefault(m.household_id, m.full_name)
    out = []
    for rec, code, vid, vname in rows:
        out.append(SupportEntry(
            rec.id, rec.household_id, code, heads.get(rec.household_id), vid, vname, rec.member_id,
            names.get(rec.member_id) if rec.member_id else None, rec.programme,
            cat.programme_name(rec.programme), rec.date, rec.amount_vnd, rec.quantity, rec.unit, rec.source,
            cat.source_name(rec.source), rec.note, rec.recorded_by, rec.term_months, rec.purpose, rec.batch_id,
            rec.revision))
    return out


def _base_stmt():
    return (select(SupportRecordRow, HouseholdRow.code, HouseholdRow.village_id, VillageRow.name)
            .join(HouseholdRow, HouseholdRow.id == SupportRecordRow.household_id)
            .outerjoin(VillageRow, VillageRow.id == HouseholdRow.village_id)
            .where(live(SupportRecordRow), live(HouseholdRow)))


def _year_range(year: int | str) -> tuple[_dt.date, _dt.date]:
    try:
        y = int(year)
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
    except (TypeError, ValueError):
        raise ValidationError("year", t("support.bad_year", value=year)) from None


def list_support(db: Database, *, year: int | None = None, programme: str | None = None,
                 village_id: str | None = None, source: str | None = None,
                 household_id: str | None = None) -> list[SupportEntry]:
    """The ledger: live records, filtered, by date then household code."""
    stmt = _base_stmt()
    if year is not None:
        lo, hi = _year_range(year)
        stmt = stmt.where(SupportRecordRow.date >= lo, SupportRecordRow.date <= hi)
    if programme:
        stmt = stmt.where(SupportRecordRow.programme == programme)
    if village_id:
        stmt = stmt.where(HouseholdRow.village_id == village_id)
    if source:
        stmt = stmt.where(SupportRecordRow.source == source)
    if household_id:
        stmt = stmt.where(SupportRecordRow.household_id == household_id)
    stmt = stmt.order_by(SupportRecordRow.date, HouseholdRow.code, SupportRecordRow.created_at)
    with db.session() as s:
        return _entries(s, stmt, load_catalogue().with_local(_local_programmes(s)))


def get_support(db: Database, record_id: str) -> SupportEntry:
    with db.session() as s:
        _record(s, record_id)
        cat = load_catalogue().with_local(_local_programmes(s))
        return _entries(s, _base_stmt().where(SupportRecordRow.id == record_id), cat)[0]


def household_support(db: Database, household_id: str) -> list[SupportEntry]:
    """Everything the household and its members received, newest first."""
    with db.session() as s:
        _household(s, household_id)
    return list(reversed(list_support(db, household_id=household_id)))


def years_with_support(db: Database) -> list[int]:
    """Years that have records, newest first (for year filters)."""
    with db.session() as s:
        dates = s.scalars(select(SupportRecordRow.date).where(live(SupportRecordRow)).distinct())
        return sorted({d.year for d in dates}, reverse=True)


def _received(s: Session, year: int, household_ids: Iterable[str] | None = None
              ) -> dict[str, dict[str, set[str | None]]]:
    """``{household_id: {programme: {member ids, None = whole household}}}`` of ``year``."""
    lo, hi = _year_range(year)
    stmt = (select(SupportRecordRow.household_id, SupportRecordRow.programme, SupportRecordRow.member_id)
            .where(live(SupportRecordRow), SupportRecordRow.date >= lo, SupportRecordRow.date <= hi))
    wanted = set(household_ids) if household_ids is not None else None
    out: dict[str, dict[str, set[str | None]]] = {}
    for hid, programme, member_id in s.execute(stmt):
        if wanted is None or hid in wanted:
            out.setdefault(hid, {}).setdefault(programme, set()).add(member_id)
    return out


# --------------------------------------------------------------------------
# register filters and eligibility


def households_without_support(db: Database, year: int | None = None) -> list[str]:
    """Ids of live households that received no support in ``year`` (default:
    this year). Filter "no support this year" of the household list."""
    year = year or _dt.date.today().year
    with db.session() as s:
        got = set(_received(s, year))
        return [hid for hid in s.scalars(select(HouseholdRow.id).where(live(HouseholdRow))
                                         .order_by(HouseholdRow.code)) if hid not in got]


def households_uninsured_eligible(db: Database, on: _dt.date | None = None) -> list[str]:
    """Ids of households eligible for health insurance (poor, near-poor,
    newly out of poverty, middle farm household) with a member who has no
    health insurance and got no card this year. Filter "eligible for health
    insurance but uninsured" of the household list."""
    on = on or _dt.date.today()
    facts = load_facts(db, on=on)
    with db.session() as s:
        received = _received(s, on.year)
    wide = RuleDef("health_insurance_uninsured", "health_insurance",
                   ("poor", "near_poor", "newly_out_of_poverty", "middle_farm"), "uninsured")
    return list(dict.fromkeys(tg.household_id for tg in select_targets(wide, facts, received, load_rules().ages)))


def eligible_supports(db: Database, household_id: str, *, on: _dt.date | None = None,
                      lang: str | None = None) -> list[Hint]:
    """The supports the household appears eligible for and has not received
    this year, each with its reason sentence."""
    on = on or _dt.date.today()
    with db.session() as s:
        _household(s, household_id)
        received = _received(s, on.year, [household_id]).get(household_id, {})
    facts = load_facts(db, on=on, household_ids=[household_id])
    return hints_for(facts[0], received, rules=load_rules(), lang=lang) if facts else []


# --------------------------------------------------------------------------
# bulk actions


def _rule(rule: BulkRule):
    d = rule_def(rule.code)
    if d is None:
        raise ValidationError("rule", t("support.unknown_rule", value=rule.code, choices=", ".join(RULE_CODES)))
    return d


def _village(s: Session, village_id: str | None) -> None:
    if village_id is not None:
        row = s.get(VillageRow, village_id)
        if row is None or row.deleted:
            raise NotFound(t("support.village_not_found", village=village_id))


def preview_bulk(db: Database, rule: BulkRule) -> list[BulkTarget]:
    """The households or people the rule would reach (nothing is written).
    Those that already received the programme in the rule's year are left out."""
    d = _rule(rule)
    day = clean_date(rule.date)
    with db.session() as s:
        _village(s, rule.village_id)
        received = _received(s, day.year)
    facts = load_facts(db, on=day, village_id=rule.village_id)
    return select_targets(d, facts, received, load_rules().ages)


def apply_bulk(db: Database, rule: BulkRule, targets_confirmed: Sequence[BulkTarget | tuple[str, str | None]],
               *, actor: Any = None) -> Changes:
    """Record the rule's support for the confirmed targets, in ONE
    transaction. Every target must still be in the rule's preview (else
    nothing is written); targets that received it meanwhile are refused the
    same way, so applying twice records nothing twice."""
    d = _rule(rule)
    user = _actor_name(db, actor)
    keys = [tg.key if isinstance(tg, BulkTarget) else (tg[0], tg[1]) for tg in targets_confirmed]
    if not keys:
        raise ValidationError("targets", t("support.no_targets"))
    allowed = {tg.key for tg in preview_bulk(db, rule)}
    for key in keys:
        if key not in allowed:
            raise ValidationError("targets", t("support.bad_target", value=key[1] or key[0]))
    batch = str(uuid.uuid4())
    note = rule.note or t("support.bulk_note", "vi", rule=d.label("vi"))
    with db.transaction() as s:
        cat = load_catalogue().with_local(_local_programmes(s))
        received = _received(s, clean_date(rule.date).year, {k[0] for k in keys})
        entries = []
        for hid, mid in dict.fromkeys(keys):
            got = received.get(hid, {}).get(d.programme, set())
            if (mid is None and got) or None in got or (mid is not None and mid in got):
                raise ValidationError("targets", t("support.bad_target", value=mid or hid))
            household = _household(s, hid)
            v = _clean(s, cat, {"programme": d.programme, "date": rule.date, "member_id": mid,
                                "amount_vnd": rule.amount_vnd, "quantity": rule.quantity, "unit": rule.unit,
                                "source": rule.source, "note": note}, household)
            row = SupportRecordRow(id=new_id(), household_id=hid, recorded_by=user, batch_id=batch, **v)
            s.add(row)
            entries.append({"user": user, "action": "insert", "table_name": row.__tablename__,
                            "row_id": row.id, "new": {"household_id": hid, "batch_id": batch, **v}})
        s.flush()
        entries.append({"user": user, "action": "bulk_support", "table_name": "support_record", "row_id": None,
                        "new": {"rule": d.code, "batch_id": batch, "count": len(entries),
                                "village_id": rule.village_id}})
        write_audit_many(s, entries)
        return Changes.of("support", count=len(entries) - 1)


def bulk_rules() -> list[tuple[str, str]]:
    """``(code, label)`` of the bulk rules, in the current language."""
    from desktop_app.support.bulk import RULES

    return [(r.code, r.label()) for r in RULES]
