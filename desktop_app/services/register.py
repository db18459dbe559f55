"""Register services: communes, villages, rounds, households, classifications.

Every function that changes data runs in ONE transaction, writes the audit
log and returns :class:`desktop_app.services.Changes` (creators return
:class:`Created`, the new id and the changes). The ``*_in`` variants do the
same inside a caller's transaction, so that a larger service (the demo) can
combine them into one. Rows are never deleted:
removing a household or member sets its tombstone (``deleted``).

Households come and go as :class:`desktop_app.domain.record.Household`
dataclasses (``household-record/1``): :func:`save_household` upserts one,
:func:`import_households` many at once (bulk inserts), :func:`load_household`
reads one back so that ``record_to_dict`` gives the saved record again, and
:func:`iter_households_for_classification` streams a whole round.
Read-only queries (household lists, counts, statistics, communes, villages,
rounds) live in :mod:`desktop_app.storage.queries` and are re-exported here.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.domain.record import AREAS, REGIONS, Household
from desktop_app.errors import NotFound, ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.services import Changes
from desktop_app.storage import bulk, records
from desktop_app.storage.audit import write_audit
from desktop_app.storage.database import Database
from desktop_app.storage.lookup import Resolver, add_village_row, find_commune, find_round, guess_village_kind
from desktop_app.storage.models import (
    COMMUNE_MODES,
    ID_LENGTH,
    ROUND_KINDS,
    ROUND_STATUSES,
    ClassificationRow,
    CommuneRow,
    HouseholdRow,
    MemberRow,
    RoundRow,
    SurveyRow,
    utcnow,
)
from desktop_app.storage.queries import (
    UNCLASSIFIED,
    CommuneInfo,
    HouseholdSummary,
    RoundInfo,
    VillageInfo,
    count_households,
    current_round,
    list_communes,
    list_households,
    list_rounds,
    list_villages,
    stats,
)
from desktop_app.storage.records import live

__all__ = [
    "UNCLASSIFIED", "CommuneInfo", "Created", "HouseholdSummary", "ImportResult", "RoundInfo",
    "VillageInfo", "add_village", "count_households", "create_commune", "create_commune_in", "create_round",
    "create_round_in", "current_round", "delete_household", "guess_village_kind", "import_households",
    "import_households_in",
    "iter_households_for_classification", "list_communes", "list_households", "list_rounds",
    "list_villages", "load_household", "save_household", "stats", "store_classifications",
]

register_messages({
    "register.commune_exists": {
        "vi": "Đã có xã mã «{code}» trong sổ.",
        "en": "A commune with code '{code}' is already in the register.",
    },
    "register.member_elsewhere": {
        "vi": "thành viên «{name}» (mã {member_id}) đang thuộc hộ {code}; hãy bỏ khỏi hộ đó trước",
        "en": "member '{name}' (id {member_id}) belongs to household {code}; remove them from it first",
    },
    "register.id_too_long": {
        "vi": "mã «{value}» dài quá {max} ký tự",
        "en": "id '{value}' is longer than {max} characters",
    },
    "register.household_not_found": {
        "vi": "Không tìm thấy hộ «{household_id}» (có thể đã bị xóa).",
        "en": "Household '{household_id}' was not found (it may have been deleted).",
    },
    "register.bad_date": {
        "vi": "ngày «{value}» không hợp lệ; ghi theo dạng NNNN-TT-NN",
        "en": "date '{value}' is not valid; write YYYY-MM-DD",
    },
    "register.dates_order": {
        "vi": "ngày kết thúc {end} trước ngày bắt đầu {start}",
        "en": "end date {end} is before start date {start}",
    },
    "register.id_conflict": {
        "vi": "Mã hộ hoặc mã thành viên trong tệp trùng với dữ liệu đã có: {error}. Không có gì được ghi.",
        "en": "A household or member id in the file is already used: {error}. Nothing was written.",
    },
})


class Created(NamedTuple):
    """Result of a service that creates a row: its id and the changes."""

    id: str
    changes: Changes


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What :func:`import_households` did."""

    inserted: int
    updated: int
    members: int
    changes: Changes


# --------------------------------------------------------------------------
# small helpers


def _choice(field: str, value: Any, choices: Sequence[str], optional: bool = False) -> None:
    if value is None and optional:
        return
    if value not in choices:
        raise ValidationError(field, t("record.bad_choice", value=value, choices=", ".join(choices)))


def _text(field: str, value: str | None) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(field, t("record.empty_text"))
    return value


def _date(field: str, value: _dt.date | str | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError(field, t("register.bad_date", value=value)) from None


def _check_ids(h: Household) -> None:
    """Ids of a record must fit the key columns (on every database)."""
    if len(h.household_id) > ID_LENGTH:
        raise ValidationError("household_id", t("register.id_too_long", value=h.household_id, max=ID_LENGTH),
                              record=h.household_id)
    for i, m in enumerate(h.members):
        if len(m.member_id) > ID_LENGTH:
            raise ValidationError(f"members[{i}].member_id",
                                  t("register.id_too_long", value=m.member_id, max=ID_LENGTH),
                                  record=h.household_id)


def _snapshot(row: Any, keys: Iterable[str]) -> dict[str, Any]:
    return {k: getattr(row, k) for k in keys}


def _apply(row: Any, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set ``values`` on an ORM row; return the (old, new) values that changed."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for key, value in values.items():
        current = getattr(row, key)
        if current != value:
            old[key], new[key] = current, value
            setattr(row, key, value)
    return old, new


def _audit(session: Session, db: Database, action: str, row: Any, old: Any = None, new: Any = None) -> None:
    write_audit(session, user=db.user, action=action, table_name=row.__tablename__,
                row_id=getattr(row, "id", None), old=old, new=new)


# --------------------------------------------------------------------------
# communes, villages, rounds


def create_commune(db: Database, *, code: str, name: str, province: str | None = None,
                   default_area: str | None = None, default_region: str | None = None,
                   office_label: str | None = None, mode: str = "commune",
                   villages: Iterable[str | tuple[str, str | None]] = ()) -> Created:
    """Set up a commune and its villages (names, or ``(name, kind)`` pairs, in order)."""
    with db.transaction() as s:
        return create_commune_in(s, db, code=code, name=name, province=province, default_area=default_area,
                                 default_region=default_region, office_label=office_label, mode=mode,
                                 villages=villages)


def create_commune_in(s: Session, db: Database, *, code: str, name: str, province: str | None = None,
                      default_area: str | None = None, default_region: str | None = None,
                      office_label: str | None = None, mode: str = "commune",
                      villages: Iterable[str | tuple[str, str | None]] = ()) -> Created:
    """:func:`create_commune` inside the caller's transaction ``s``."""
    code = _text("code", code)
    name = _text("name", name)
    _choice("mode", mode, COMMUNE_MODES)
    _choice("default_area", default_area, AREAS, optional=True)
    _choice("default_region", default_region, REGIONS, optional=True)
    if s.scalar(select(CommuneRow.id).where(CommuneRow.code == code, live(CommuneRow))):
        raise ValidationError("code", t("register.commune_exists", code=code))
    commune = CommuneRow(code=code, name=name, province=province, default_area=default_area,
                         default_region=default_region, office_label=office_label, mode=mode)
    s.add(commune)
    s.flush()
    _audit(s, db, "insert", commune, new=_snapshot(commune, ("code", "name", "province", "mode")))
    kinds = {"communes"}
    for position, village in enumerate(villages):
        vname, vkind = (village, None) if isinstance(village, str) else village
        add_village_row(s, db.user, commune.id, vname, vkind, position)
        kinds.add("villages")
    return Created(commune.id, Changes.of(kinds))


def add_village(db: Database, commune_id: str, name: str, kind: str | None = None) -> Created:
    """Add a village (kind guessed from the name when not given) at the end."""
    with db.transaction() as s:
        find_commune(s, commune_id, None)
        village = add_village_row(s, db.user, commune_id, name, kind)
        return Created(village.id, Changes.of("villages"))


def create_round(db: Database, *, name: str, standard_id: str, kind: str = "periodic",
                 commune_id: str | None = None, standard_version: str | None = None,
                 start_date: _dt.date | str | None = None, end_date: _dt.date | str | None = None,
                 status: str = "open") -> Created:
    """Create a survey round of the commune (the only one when not named)."""
    with db.transaction() as s:
        return create_round_in(s, db, name=name, standard_id=standard_id, kind=kind, commune_id=commune_id,
                               standard_version=standard_version, start_date=start_date,
                               end_date=end_date, status=status)


def create_round_in(s: Session, db: Database, *, name: str, standard_id: str, kind: str = "periodic",
                    commune_id: str | None = None, standard_version: str | None = None,
                    start_date: _dt.date | str | None = None, end_date: _dt.date | str | None = None,
                    status: str = "open") -> Created:
    """:func:`create_round` inside the caller's transaction ``s``."""
    name = _text("name", name)
    standard_id = _text("standard_id", standard_id)
    _choice("kind", kind, ROUND_KINDS)
    _choice("status", status, ROUND_STATUSES)
    start, end = _date("start_date", start_date), _date("end_date", end_date)
    if start and end and end < start:
        raise ValidationError("end_date", t("register.dates_order", start=start, end=end))
    commune = find_commune(s, commune_id, None)
    row = RoundRow(commune_id=commune.id, name=name, kind=kind, standard_id=standard_id,
                   standard_version=standard_version, start_date=start, end_date=end, status=status)
    s.add(row)
    s.flush()
    _audit(s, db, "insert", row, new=_snapshot(row, ("commune_id", "name", "kind", "standard_id",
                                                      "standard_version", "start_date", "end_date")))
    return Created(row.id, Changes.of("rounds"))


# --------------------------------------------------------------------------
# households


def save_household(db: Database, household: Household, *, round_id: str | None = None,
                   village_id: str | None = None, village_name: str | None = None,
                   commune_id: str | None = None, code: str | None = None) -> Changes:
    """Insert or update a household (by ``household_id``), its members (by
    ``member_id``; members no longer listed are tombstoned) and, when the
    record has one, its survey in ``round_id`` (default: the commune's latest
    open round). With ``round_id`` given and no survey in the record, that
    round's survey is tombstoned.

    The commune is ``commune_id``, else the one of the record's
    ``commune_code``, else the only commune. The village is ``village_id``,
    else ``village_name`` or the record's ``village`` (created when new).
    """
    with db.transaction() as s:
        resolver = Resolver(s, db.user, commune_id)
        kinds = _save(s, db, resolver, household, round_id, village_id, village_name, code)
        return Changes.of(kinds | resolver.kinds)


def _save(s: Session, db: Database, resolver: Resolver, h: Household, round_id: str | None,
          village_id: str | None, village_name: str | None, code: str | None) -> set[str]:
    kinds: set[str] = set()
    _check_ids(h)
    commune = resolver.commune(h.commune_code)
    vname = village_name or h.village
    vid = resolver.village(commune, village_id, vname)
    values = {"commune_id": commune.id, "village_id": vid, "deleted": False, **records.household_values(h)}
    row = s.get(HouseholdRow, h.household_id)
    if row is None:
        row = HouseholdRow(id=h.household_id, code=code or resolver.next_code(commune.id, vname), **values)
        s.add(row)
        _audit(s, db, "insert", row, new={**values, "code": row.code})
        kinds.add("households")
    else:
        if code:
            values["code"] = code
        old, new = _apply(row, values)
        if new:
            _audit(s, db, "update", row, old, new)
            kinds.add("households")
    s.flush()

    existing = {m.id: m for m in s.scalars(select(MemberRow).where(MemberRow.household_id == h.household_id))}
    for position, member in enumerate(h.members):
        values = {**records.member_values(member, h.household_id, position), "deleted": False}
        mrow = existing.pop(member.member_id, None) or s.get(MemberRow, member.member_id)
        if mrow is not None and mrow.household_id != h.household_id and not mrow.deleted:
            other = s.get(HouseholdRow, mrow.household_id)
            if other is not None and not other.deleted:  # a live member of another household
                raise ValidationError(f"members[{position}].member_id", t(
                    "register.member_elsewhere", name=mrow.full_name, member_id=mrow.id, code=other.code))
        if mrow is None:
            mrow = MemberRow(**values)
            s.add(mrow)
            _audit(s, db, "insert", mrow, new=values)
            kinds.add("members")
        else:
            old, new = _apply(mrow, values)
            if new:
                _audit(s, db, "update", mrow, old, new)
                kinds.add("members")
    for mrow in existing.values():
        if not mrow.deleted:
            mrow.deleted = True
            _audit(s, db, "delete", mrow, {"deleted": False}, {"deleted": True})
            kinds.add("members")

    if h.survey is None and round_id is None:
        return kinds
    rnd = find_round(s, round_id, commune)
    srow = s.scalar(select(SurveyRow).where(SurveyRow.round_id == rnd.id,
                                            SurveyRow.household_id == h.household_id))
    if h.survey is None:
        if srow is not None and not srow.deleted:
            srow.deleted = True
            _audit(s, db, "delete", srow, {"deleted": False}, {"deleted": True})
            kinds.add("surveys")
        return kinds
    values = {**records.survey_values(h.survey), "deleted": False}
    if srow is None:
        srow = SurveyRow(round_id=rnd.id, household_id=h.household_id, **values)
        s.add(srow)
        s.flush()
        _audit(s, db, "insert", srow, new={"round_id": rnd.id, "household_id": h.household_id, **values})
        kinds.add("surveys")
    else:
        old, new = _apply(srow, values)
        if new:
            _audit(s, db, "update", srow, old, new)
            kinds.add("surveys")
    return kinds


def load_household(db: Database, household_id: str, round_id: str | None = None) -> Household:
    """The household with its members and its survey of ``round_id`` (default:
    its most recent survey). Raises :class:`NotFound` when missing or deleted."""
    with db.session() as s:
        if round_id is None:
            round_id = s.scalar(select(SurveyRow.round_id)
                                .where(SurveyRow.household_id == household_id, live(SurveyRow))
                                .order_by(SurveyRow.date.desc(), SurveyRow.updated_at.desc()).limit(1))
        household = records.load_one(s, household_id, round_id)
    if household is None:
        raise NotFound(t("register.household_not_found", household_id=household_id))
    return household


def delete_household(db: Database, household_id: str) -> Changes:
    """Tombstone a household with its members, surveys and classifications."""
    with db.transaction() as s:
        row = s.get(HouseholdRow, household_id)
        if row is None or row.deleted:
            raise NotFound(t("register.household_not_found", household_id=household_id))
        kinds = {"households"}
        row.deleted = True
        _audit(s, db, "delete", row, {"deleted": False}, {"deleted": True})
        for model, kind in ((MemberRow, "members"), (SurveyRow, "surveys"),
                            (ClassificationRow, "classifications")):
            for child in s.scalars(select(model).where(model.household_id == household_id, live(model))):
                child.deleted = True
                _audit(s, db, "delete", child, {"deleted": False}, {"deleted": True})
                kinds.add(kind)
        return Changes.of(kinds)


def import_households(db: Database, households: Iterable[Household], *, round_id: str | None = None,
                      commune_id: str | None = None, source: str | None = None, chunk_size: int = 2000,
                      progress: Callable[[int], None] | None = None) -> ImportResult:
    """Save many households in ONE transaction, fast.

    New households (and their members and surveys) are bulk-inserted;
    households already in the register go through the same upsert as
    :func:`save_household`. ``households`` may be a generator (read in chunks
    of ``chunk_size``); ``progress(n)`` is called after each chunk. One
    summary row is written to the audit log (``source`` names the file).
    """
    with db.transaction() as s:
        return import_households_in(s, db, households, round_id=round_id, commune_id=commune_id,
                                    source=source, chunk_size=chunk_size, progress=progress)


def import_households_in(s: Session, db: Database, households: Iterable[Household], *,
                         round_id: str | None = None, commune_id: str | None = None,
                         source: str | None = None, chunk_size: int = 2000,
                         progress: Callable[[int], None] | None = None) -> ImportResult:
    """:func:`import_households` inside the caller's transaction ``s``."""
    inserted = updated = members = 0
    now = utcnow()
    resolver = Resolver(s, db.user, commune_id)
    rounds: dict[str, str] = {}
    kinds: set[str] = set()
    it = iter(households)
    try:
        while chunk := list(itertools.islice(it, chunk_size)):
            for h in chunk:
                _check_ids(h)
            known = bulk.existing_ids(s, HouseholdRow.id, [h.household_id for h in chunk])
            by_commune: dict[str, tuple[CommuneRow, list[Household]]] = {}
            for h in chunk:
                if h.household_id in known:
                    kinds |= _save(s, db, resolver, h, round_id, None, None, None)
                    updated += 1
                else:
                    commune = resolver.commune(h.commune_code)
                    by_commune.setdefault(commune.id, (commune, []))[1].append(h)
            for cid, (commune, group) in by_commune.items():
                villages = {h.household_id: resolver.village(commune, None, h.village) for h in group}
                codes = {h.household_id: resolver.next_code(cid, h.village) for h in group}
                if any(h.survey is not None for h in group) and cid not in rounds:
                    rounds[cid] = find_round(s, round_id, commune).id
                m, n_surveys = bulk.insert_households(s, group, commune_id=cid, village_ids=villages,
                                                      codes=codes, round_id=rounds.get(cid), now=now)
                members += m
                inserted += len(group)
                kinds |= {"households", "members"} | ({"surveys"} if n_surveys else set())
            if progress is not None:
                progress(inserted + updated)
    except IntegrityError as exc:
        raise ValidationError("household_id", t("register.id_conflict", error=exc.orig)) from None
    write_audit(s, user=db.user, action="import", table_name="household", row_id=None,
                new={"source": source, "inserted": inserted, "updated": updated, "members": members})
    return ImportResult(inserted, updated, members, Changes.of(kinds | resolver.kinds, count=inserted + updated))


def iter_households_for_classification(db: Database, round_id: str, *, surveyed_only: bool = True,
                                       batch_size: int = 2000) -> Iterator[Household]:
    """Every live household of the round's commune with its members and its
    survey of the round (only surveyed households unless ``surveyed_only`` is
    false), streamed with two queries in all. Consume it fully (or close it)."""
    with db.session() as s:
        rnd = find_round(s, round_id, None)
        yield from records.iter_round(s, rnd.commune_id, rnd.id, surveyed_only, batch_size)


def store_classifications(db: Database, round_id: str, results: Iterable[Mapping[str, Any]]) -> Changes:
    """Store classification results of a round in one transaction.

    Each result is the engine's output mapping (``household_id``,
    ``standard``, ``standard_version``, ``category``, ``score_a``, ``score_b``,
    ``income_per_capita``, ``indicators``, ``reasons``, ``missing``,
    ``warnings``). Unchanged results keep their row and revision.
    """
    now = utcnow()
    with db.transaction() as s:
        rnd = find_round(s, round_id, None)
        try:
            inserted, updated, unchanged = bulk.upsert_classifications(s, rnd.id, results, now)
        except LookupError as exc:
            raise NotFound(t("register.household_not_found", household_id=exc.args[0])) from None
        if inserted or updated:
            write_audit(s, user=db.user, action="classify", table_name="classification", row_id=None,
                        new={"round_id": rnd.id, "inserted": inserted, "updated": updated,
                             "unchanged": unchanged})
    count = inserted + updated
    return Changes.of("classifications", count=count) if count else Changes()
