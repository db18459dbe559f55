"""Mapping between ``household-record/1`` dataclasses and table rows.

Member and survey fields of the record are columns of the same name; unknown
keys go to the ``extra`` JSON column (``NULL`` when there are none). Reading
back gives dataclasses whose :func:`desktop_app.domain.record.record_to_dict`
equals the one of the saved household (numbers that were whole stay ``int``).

Reads here use Core ``select`` of plain columns (no ORM objects): a whole round
of 100,000 households (400,000 members) streams out in about three seconds.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Select, and_, false, literal_column, select, text
from sqlalchemy.orm import Session

from desktop_app.domain.record import MEMBER_KEYS, SURVEY_KEYS, Household, Member, Survey
from desktop_app.domain.text import fold
from desktop_app.storage.models import (
    CommuneRow,
    HouseholdRow,
    MemberRow,
    SurveyRow,
    VillageRow,
)

#: household columns that come straight from the record
HOUSEHOLD_FIELDS = ("address", "area", "region", "agricultural")
_NUMBER_FIELDS = frozenset({"income_per_capita", "floor_area_m2"})

_MEMBER_COLUMNS = [getattr(MemberRow, k) for k in MEMBER_KEYS if k != "member_id"]
_SURVEY_COLUMNS = [getattr(SurveyRow, k) for k in SURVEY_KEYS]


def live(model) -> Any:
    """SQL condition: the row of ``model`` is not a tombstone."""
    return model.deleted == false()


def _whole(value: Any) -> Any:
    """Floats read from a REAL column back to ``int`` when whole (as parsed)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def household_values(h: Household) -> dict[str, Any]:
    """Column values of the household row (without keys and commune/village)."""
    values = {k: getattr(h, k) for k in HOUSEHOLD_FIELDS}
    values["extra"] = dict(h.extra) or None
    return values


def member_values(m: Member, household_id: str, position: int) -> dict[str, Any]:
    """Column values of a member row (``id`` is the record's ``member_id``)."""
    values: dict[str, Any] = {"id": m.member_id, "household_id": household_id, "position": position}
    for key in MEMBER_KEYS:
        if key != "member_id":
            values[key] = getattr(m, key)
    values["name_folded"] = fold(m.full_name)
    values["extra"] = dict(m.extra) or None
    return values


def survey_values(s: Survey) -> dict[str, Any]:
    """Column values of a survey row for the record's fields (not keys)."""
    values = {key: getattr(s, key) for key in SURVEY_KEYS}
    values["extra"] = dict(s.extra) or None
    return values


def member_from_row(member_id: str, fields: Sequence[Any], extra: dict | None) -> Member:
    """A :class:`Member` from the values of ``_MEMBER_COLUMNS`` (in order)."""
    return Member(member_id, *fields, extra=dict(extra) if extra else {})


def survey_from_row(fields: Sequence[Any], extra: dict | None) -> Survey:
    """A :class:`Survey` from the values of ``_SURVEY_COLUMNS`` (in order)."""
    values = dict(zip(SURVEY_KEYS, fields))
    for key in _NUMBER_FIELDS:
        values[key] = _whole(values[key])
    return Survey(**values, extra=dict(extra) if extra else {})


def _member_select() -> Select:
    return select(MemberRow.household_id, MemberRow.id, *_MEMBER_COLUMNS, MemberRow.extra)


def _household_select(round_id: str | None) -> Select:
    """Households with commune code, village name and (when ``round_id``) the
    survey of that round, outer-joined."""
    cols = [HouseholdRow.id, CommuneRow.code, VillageRow.name,
            *[getattr(HouseholdRow, k) for k in HOUSEHOLD_FIELDS], HouseholdRow.extra]
    stmt = (select(*cols).select_from(HouseholdRow)
            .join(CommuneRow, CommuneRow.id == HouseholdRow.commune_id)
            .outerjoin(VillageRow, VillageRow.id == HouseholdRow.village_id))
    if round_id is None:
        return stmt
    return (stmt.add_columns(SurveyRow.id, *_SURVEY_COLUMNS, SurveyRow.extra)
            .outerjoin(SurveyRow, and_(SurveyRow.household_id == HouseholdRow.id,
                                       SurveyRow.round_id == round_id, live(SurveyRow))))


def _assemble(hrow: Sequence[Any], members: list[Member], with_survey: bool) -> Household:
    hid, commune_code, village, address, area, region, agricultural, extra = hrow[:8]
    survey = None
    if with_survey and hrow[8] is not None:
        survey = survey_from_row(hrow[9:-1], hrow[-1])
    return Household(
        household_id=hid, members=members, survey=survey, commune_code=commune_code,
        village=village, address=address, area=area, region=region,
        agricultural=agricultural, extra=dict(extra) if extra else {},
    )


def load_one(session: Session, household_id: str, round_id: str | None) -> Household | None:
    """The live household ``household_id`` with its live members and the survey
    of ``round_id`` (``None``: no survey), or ``None`` when there is none."""
    stmt = _household_select(round_id).where(HouseholdRow.id == household_id, live(HouseholdRow))
    hrow = session.execute(stmt).first()
    if hrow is None:
        return None
    mrows = session.execute(
        _member_select().where(MemberRow.household_id == household_id, live(MemberRow))
        .order_by(MemberRow.position)
    ).all()
    members = [member_from_row(r[1], r[2:-1], r[-1]) for r in mrows]
    return _assemble(hrow, members, round_id is not None)


def iter_round(session: Session, commune_id: str, round_id: str, surveyed_only: bool = True,
               batch_size: int = 2000) -> Iterator[Household]:
    """Every live household of a commune (only those with a survey in the round
    when ``surveyed_only``), with members and the round's survey.

    Two streamed queries in the same household order, merged here. On SQLite
    that order is the physical one (``rowid``, households scanned without an
    index and their members found through ``ix_member_household``), which
    reads the file nearly sequentially; elsewhere it is the household id.
    """
    conn = session.connection().execution_options(yield_per=batch_size)  # Core rows, streamed
    if conn.dialect.name == "sqlite":
        order = literal_column("household.rowid")
        # unary + keeps SQLite from driving the scan by the (commune, code) index
        in_commune = text("+household.commune_id = :commune_id").bindparams(commune_id=commune_id)
    else:
        order, in_commune = HouseholdRow.id, HouseholdRow.commune_id == commune_id
    hstmt = _household_select(round_id).where(in_commune, live(HouseholdRow)).order_by(order)
    mstmt = (_member_select().join(HouseholdRow, HouseholdRow.id == MemberRow.household_id)
             .where(in_commune, live(HouseholdRow), live(MemberRow))
             .order_by(order, MemberRow.position))
    groups = itertools.groupby(conn.execute(mstmt), key=lambda r: r[0])
    pending = next(groups, None)
    for hrow in conn.execute(hstmt):
        members: list[Member] = []
        if pending is not None and pending[0] == hrow[0]:  # same order: no string comparison needed
            members = [member_from_row(r[1], r[2:-1], r[-1]) for r in pending[1]]
            pending = next(groups, None)
        if surveyed_only and hrow[8] is None:
            continue
        yield _assemble(hrow, members, True)
