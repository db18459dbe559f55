"""Filling the report writers' dataclasses from the register.

The writers of :mod:`desktop_app.reports` know nothing of the database; this
service reads a round, a village or a household and builds their plain data:
the village-meeting list, the posting list, a filled Phiếu B, a certificate,
the key registration sheet and a household's support ledger. The summary
workbook and the full household list are in :mod:`desktop_app.services.report_tables`.

Results of the review procedure (official categories, meetings, posting
dates, decision, certificate numbers, transitions) come from
:mod:`desktop_app.services.review` when this version has it; without it the
proposed classification is printed and the review parts stay empty. Read-only:
nothing here changes data.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import select

from desktop_app.domain.record import record_to_dict
from desktop_app.domain.text import fold
from desktop_app.errors import AppError, NotFound
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.reports.data import (
    Certificate, Commune, KeyEntry,
    KeySheet, ListHousehold, MemberLine, PostingList, SupportEntry, SupportLedger, SurveyForm, VillageMeetingList,
)
from desktop_app.services.register import load_household
from desktop_app.storage.database import Database
from desktop_app.storage.models import (
    INDICATOR_ORDER, ClassificationRow, CommuneRow, HouseholdRow, MemberRow, VillageRow,
)
from desktop_app.storage.queries import RoundInfo, VillageInfo, current_round, list_rounds, list_villages
from desktop_app.storage.records import live

register_messages({
    "reports.no_round": {
        "vi": "Sổ chưa có đợt rà soát nào; hãy tạo đợt rà soát trước.",
        "en": "The register has no survey round yet; create one first.",
    },
    "reports.round_unknown": {
        "vi": "Không có đợt rà soát «{round}». Các đợt đã có: {known}.",
        "en": "There is no survey round '{round}'. Known rounds: {known}.",
    },
    "reports.village_unknown": {
        "vi": "Xã không có thôn «{village}». Các thôn của xã: {known}.",
        "en": "The commune has no village '{village}'. Its villages: {known}.",
    },
    "reports.household_unknown": {
        "vi": "Không tìm thấy hộ «{household}» (ghi mã hộ, ví dụ TD-0012).",
        "en": "Household '{household}' was not found (give its code, e.g. TD-0012).",
    },
    "reports.not_classified": {
        "vi": "Hộ {code} chưa được phân loại trong đợt «{round}»; hãy nhập phiếu B và phân loại trước.",
        "en": "Household {code} has no classification in round '{round}'; enter its form B and classify first.",
    },
    "reports.no_certificate": {
        "vi": "Hộ {code} không có quyết định công nhận hộ nghèo hoặc hộ cận nghèo trong đợt «{round}»; "
              "giấy chứng nhận chỉ in sau quyết định của Chủ tịch UBND xã.",
        "en": "Household {code} is not recognised as poor or near-poor by a decision in round '{round}'; "
              "a certificate is printed only after the commune chairman's decision.",
    },
    "reports.posting_dates": {
        "vi": "Chưa ghi thời gian niêm yết của đợt này; hãy cho ngày bắt đầu và ngày kết thúc (--start, --end).",
        "en": "No posting period is recorded for this round; give the start and end dates (--start, --end).",
    },
    "reports.period": {"vi": "giai đoạn {start}–{end}", "en": "period {start}–{end}"},
    "reports.key_label": {"vi": "Khóa ký gói dữ liệu", "en": "Package signing key"},
    "reports.enc_label": {"vi": "Khóa mã hóa gói dữ liệu", "en": "Package encryption key"},
    "reports.no_support": {
        "vi": "Phiên bản này chưa có phần theo dõi hỗ trợ.",
        "en": "This version has no support tracking yet.",
    },
    "reports.office_default": {"vi": "Cơ quan tiếp nhận dữ liệu", "en": "Receiving office"},
})

#: support-service and review-service modules (optional: other engineers' features)
REVIEW_MODULE = "desktop_app.services.review"
SUPPORT_MODULE = "desktop_app.services.support"
LISTED = ("poor", "near_poor")


class ReportInputError(AppError):
    """A round, village, household or date the user gave cannot make the report (exit 2)."""

    exit_code = 2


def optional_module(name: str) -> ModuleType | None:
    """The module when this version has it, else ``None`` (errors inside it are not hidden)."""
    try:
        found = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return importlib.import_module(name) if found is not None else None


# --------------------------------------------------------------------------
# resolving what the user names


def resolve_round(db: Database, ref: str | None = None) -> RoundInfo:
    """A round by id or exact name; default the current round."""
    rounds = list_rounds(db)
    if not rounds:
        raise NotFound(t("reports.no_round"))
    if not ref:
        found = current_round(db)
        assert found is not None
        return found
    ref = ref.strip()
    found = next((r for r in rounds if r.id == ref), None) or next((r for r in rounds if r.name == ref), None)
    if found is None:
        raise ReportInputError(t("reports.round_unknown", round=ref,
                                         known="; ".join(f"«{r.name}»" for r in rounds)))
    return found


def resolve_village(db: Database, commune_id: str, ref: str) -> VillageInfo:
    """A village of the commune by id or name (accents, case and spaces matter
    only when two names differ just by them)."""
    villages = list_villages(db, commune_id)
    ref = " ".join((ref or "").split())
    found = next((v for v in villages if v.id == ref or v.name == ref), None)
    if found is None:
        folded = [v for v in villages if fold(v.name) == fold(ref)]
        found = folded[0] if len(folded) == 1 else None
    if found is None:
        raise ReportInputError(t("reports.village_unknown", village=ref,
                                           known=", ".join(v.name for v in villages)))
    return found


def resolve_household(db: Database, ref: str, commune_id: str | None = None) -> str:
    """A live household's id from its id or its code (``TD-0012``)."""
    ref = (ref or "").strip()
    with db.session() as s:
        stmt = select(HouseholdRow.id).where(live(HouseholdRow))
        if commune_id:
            stmt = stmt.where(HouseholdRow.commune_id == commune_id)
        hid = s.scalar(stmt.where(HouseholdRow.id == ref).limit(1)) or \
            s.scalar(stmt.where(HouseholdRow.code == ref.upper()).limit(1)) or \
            s.scalar(stmt.where(HouseholdRow.code == ref).limit(1))
    if hid is None:
        raise NotFound(t("reports.household_unknown", household=ref))
    return hid


def commune_data(db: Database, commune_id: str) -> Commune:
    """The printed commune of the reports."""
    with db.session() as s:
        row = s.get(CommuneRow, commune_id)
        if row is None:
            raise NotFound(t("reports.no_round"))
        return Commune(name=row.name, code=row.code, province=row.province)


def _facts(db: Database, round_id: str) -> Any:
    review = optional_module(REVIEW_MODULE)
    return review.round_facts(db, round_id) if review is not None else None


# --------------------------------------------------------------------------
# household lines


@dataclass(slots=True)
class _Line:
    """What the lists know of one household in a round."""

    household_id: str
    code: str
    village_id: str | None
    village: str | None
    address: str | None
    members: int
    head: str
    category: str | None
    score_a: int | None
    score_b: int | None
    deprived: tuple[str, ...]


def _lines(db: Database, rnd: RoundInfo, village_id: str | None = None,
           ids: Sequence[str] | None = None) -> list[_Line]:
    """Household lines of the round's commune, in village then code order."""
    H, V, C, M = HouseholdRow, VillageRow, ClassificationRow, MemberRow
    with db.session() as s:
        stmt = (select(H.id, H.code, H.village_id, V.name, V.position, H.address, C.category, C.score_a, C.score_b,
                       C.indicators)
                .outerjoin(V, V.id == H.village_id)
                .outerjoin(C, (C.household_id == H.id) & (C.round_id == rnd.id) & live(C))
                .where(H.commune_id == rnd.commune_id, live(H)))
        if village_id is not None:
            stmt = stmt.where(H.village_id == village_id)
        rows = s.execute(stmt).all()
        if ids is not None:
            wanted = set(ids)
            rows = [r for r in rows if r[0] in wanted]
        heads: dict[str, tuple[int, int, str]] = {}
        counts: dict[str, int] = {}
        mstmt = select(M.household_id, M.position, M.relation, M.full_name).join(H, H.id == M.household_id).where(
            H.commune_id == rnd.commune_id, live(M), live(H))
        if village_id is not None:
            mstmt = mstmt.where(H.village_id == village_id)
        for hid, position, relation, name in s.execute(mstmt):
            counts[hid] = counts.get(hid, 0) + 1
            rank = (0 if relation == "head" else 1, position or 0, name)
            if hid not in heads or rank < heads[hid]:
                heads[hid] = rank
    lines = [_Line(r[0], r[1], r[2], r[3], r[5], counts.get(r[0], 0), heads.get(r[0], (0, 0, ""))[2], r[6], r[7],
                   r[8], tuple(k for k in INDICATOR_ORDER if (r[9] or {}).get(k) == "yes")) for r in rows]
    order = {r[0]: (r[4] if r[4] is not None else -1) for r in rows}
    lines.sort(key=lambda x: (order[x.household_id], len(x.code), x.code))
    return lines


def _list_household(line: _Line, category: str | None, change: str | None = None,
                    note: str | None = None) -> ListHousehold:
    return ListHousehold(head_name=line.head, members=line.members, category=category, address=line.address,
                         household_code=line.code, village=line.village, score_a=line.score_a,
                         score_b=line.score_b, deprived=line.deprived, change=change, note=note)


def _change(previous: str | None, current: str | None) -> str | None:
    """The report's change code between two official categories."""
    if previous is None or current is None:
        return None
    if previous == current:
        return "unchanged"
    if previous == "poor" and current == "near_poor":
        return "poor_to_near_poor"
    if previous == "near_poor" and current == "poor":
        return "near_poor_to_poor"
    if previous == "poor":
        return "out_of_poverty"
    if previous == "near_poor":
        return "out_of_near_poverty"
    return "new_poor" if current == "poor" else "new_near_poor" if current == "near_poor" else None


def village_meeting_list(db: Database, round_ref: str | None, village: str,
                         meeting_date: _dt.date | None = None) -> VillageMeetingList:
    """The households of a village on the round's review list (proposed poor or
    near-poor, or on a list before; with the review module: its review list),
    with their proposed classification; meeting date, chair and secretary from
    the recorded meeting when there is one."""
    rnd = resolve_round(db, round_ref)
    vil = resolve_village(db, rnd.commune_id, village)
    facts = _facts(db, rnd.id)
    chair = secretary = None
    if facts is not None:
        listed = {h.household_id: h for h in facts.households if h.village_id == vil.id}
        lines = _lines(db, rnd, vil.id, list(listed))
        meeting = facts.meetings.get(vil.id)
        if meeting is not None:
            meeting_date = meeting_date or meeting.date
            chair, secretary = meeting.chair, meeting.secretary
        households = [_list_household(x, listed[x.household_id].proposed or x.category) for x in lines]
    else:
        lines = [x for x in _lines(db, rnd, vil.id) if x.category in LISTED]
        households = [_list_household(x, x.category) for x in lines]
    return VillageMeetingList(commune=commune_data(db, rnd.commune_id), village=vil.name, round_name=rnd.name,
                              households=households, meeting_date=meeting_date, chair=chair, secretary=secretary)


def posting_list(db: Database, round_ref: str | None, village: str | None = None,
                 start: _dt.date | None = None, end: _dt.date | None = None) -> PostingList:
    """The public posting list of the round (one village or the commune): the
    review list with its result (official when decided, else proposed) and the
    change since the previous official list. Dates: given, else recorded."""
    rnd = resolve_round(db, round_ref)
    vil = resolve_village(db, rnd.commune_id, village) if village else None
    facts = _facts(db, rnd.id)
    place = None
    if facts is not None and facts.posting is not None:
        start, end = start or facts.posting.start, end or facts.posting.end
        place = facts.posting.place
    if start is None or end is None:
        raise ReportInputError(t("reports.posting_dates"))
    if end < start:
        raise ReportInputError(t("register.dates_order", start=start.isoformat(), end=end.isoformat()))
    vid = vil.id if vil else None
    if facts is not None:
        listed = {h.household_id: h for h in facts.households if vid is None or h.village_id == vid}
        households = []
        for x in _lines(db, rnd, vid, list(listed)):
            h = listed[x.household_id]
            current = facts.official.get(x.household_id) or h.proposed or x.category
            households.append(_list_household(x, current, _change(h.previous, current)))
    else:
        households = [_list_household(x, x.category) for x in _lines(db, rnd, vid) if x.category in LISTED]
    return PostingList(commune=commune_data(db, rnd.commune_id), round_name=rnd.name, posting_from=start,
                       posting_to=end, households=households, village=vil.name if vil else None,
                       posting_place=place)


# --------------------------------------------------------------------------
# one household


def _classification(db: Database, round_id: str, household_id: str) -> ClassificationRow | None:
    with db.session() as s:
        row = s.scalar(select(ClassificationRow).where(ClassificationRow.round_id == round_id,
                                                       ClassificationRow.household_id == household_id,
                                                       live(ClassificationRow)))
        if row is not None:
            s.expunge(row)
        return row


def _code(db: Database, household_id: str) -> str:
    with db.session() as s:
        return s.scalar(select(HouseholdRow.code).where(HouseholdRow.id == household_id)) or household_id


def _members(record: dict[str, Any]) -> list[MemberLine]:
    return [MemberLine(full_name=m.get("full_name") or "", relation=m.get("relation"), sex=m.get("sex"),
                       birth_date=m.get("birth_date"), id_number=m.get("id_number"), ethnicity=m.get("ethnicity"),
                       health_insurance=m.get("health_insurance"), education=m.get("education"),
                       employment=m.get("employment")) for m in record.get("members") or ()]


def survey_form(db: Database, household_ref: str, round_ref: str | None = None) -> SurveyForm:
    """The household's filled Phiếu B in the round with its classification."""
    rnd = resolve_round(db, round_ref)
    hid = resolve_household(db, household_ref, rnd.commune_id)
    row = _classification(db, rnd.id, hid)
    if row is None:
        raise ReportInputError(t("reports.not_classified", code=_code(db, hid), round=rnd.name))
    household = load_household(db, hid, rnd.id)
    record = record_to_dict(household)
    record["household_code"] = _code(db, hid)
    result = {"indicators": row.indicators, "category": row.category, "score_b": row.score_b,
              "score_a": row.score_a, "income_per_capita": row.income_per_capita, "standard": row.standard_id,
              "reasons": row.reasons, "missing": row.missing, "warnings": row.warnings}
    extra: dict[str, Any] = {}
    try:
        from desktop_app.services.classify import round_standard

        std = round_standard(db, rnd.id)
        urban = record.get("area") == "urban"
        extra["poverty_line"] = std.urban_line if urban else std.rural_line
        extra["score_a_cutoff"] = std.score_cutoff_urban if urban else std.score_cutoff_rural
    except Exception:  # noqa: BLE001 - an unknown standard: the form leaves the line empty
        pass
    review = optional_module(REVIEW_MODULE)
    if review is not None:
        official = review.official_category(db, hid, rnd.id)
        if official is not None:
            extra["official"] = True
            result["category"] = official
    return SurveyForm.from_record(record, result, commune_data(db, rnd.commune_id), **extra)


def certificate(db: Database, household_ref: str, round_ref: str | None = None) -> Certificate:
    """The certificate of a household recognised poor or near-poor by the
    round's decision (refused before the decision or for another category)."""
    rnd = resolve_round(db, round_ref)
    hid = resolve_household(db, household_ref, rnd.commune_id)
    facts = _facts(db, rnd.id)
    category = facts.official.get(hid) if facts is not None else None
    if facts is None or facts.decision is None or category not in LISTED:
        raise ReportInputError(t("reports.no_certificate", code=_code(db, hid), round=rnd.name))
    household = load_household(db, hid, rnd.id)
    record = record_to_dict(household)
    members = _members(record)
    head = next((m for m in members if m.relation == "head"), members[0] if members else None)
    decision = facts.decision
    years = (decision.date.year + 1, decision.date.year + 1)
    try:
        from desktop_app.services.classify import round_standard

        std = round_standard(db, rnd.id)
        years = (std.lists_from_year, std.lists_to_year)
    except Exception:  # noqa: BLE001 - unknown standard: valid for the next year
        pass
    valid_from = max(_dt.date(decision.date.year + 1, 1, 1), _dt.date(years[0], 1, 1))
    valid_to = _dt.date(max(years[1], valid_from.year), 12, 31)
    return Certificate(
        commune=commune_data(db, rnd.commune_id), category=category, head_name=head.full_name if head else "",
        members=members, valid_from=valid_from, valid_to=valid_to,
        standard_period=t("reports.period", start=years[0], end=years[1]),
        number=facts.certificates.get(hid), address=record.get("address"), village=record.get("village"),
        head_birth=head.birth_date if head else None, head_id_number=head.id_number if head else None,
        decision_number=decision.number, decision_date=decision.date, issued_on=decision.date,
        signer=decision.signer)


def key_sheet(db: Database, data_dir: Path) -> KeySheet:
    """The key registration sheet of this installation's current keys (made on first need)."""
    from desktop_app.syncdb.keystore import installation, own_keys

    inst = installation(db)
    keys = own_keys(db, data_dir)
    info = keys.public
    try:
        created = _dt.date.fromisoformat(str(info.created_at)[:10])
    except ValueError:
        created = None
    entries = [KeyEntry(t("reports.key_label"), info.signing_fingerprint.replace(" ", ""),
                        "Ed25519", created)]
    if info.encryption_fingerprint:
        entries.append(KeyEntry(t("reports.enc_label"),
                                info.encryption_fingerprint.replace(" ", ""), "X25519", created))
    with db.session() as s:
        office = s.scalar(select(CommuneRow.office_label).where(CommuneRow.id == inst.commune_id))
    return KeySheet(commune=commune_data(db, inst.commune_id), district_office=office or t("reports.office_default"),
                    keys=entries, device=inst.device_id, signed_on=_dt.date.today())


def _known(code: str, name: str, known: Sequence[str]) -> str:
    """The code when the writers know it (they print its label), else the catalogue's name."""
    return code if code in known else (name or code)


def support_ledger(db: Database, household_ref: str) -> SupportLedger:
    """The household's support ledger (needs the support feature of this version)."""
    from desktop_app.reports.texts import FUNDING_SOURCES, PROGRAMMES

    support = optional_module(SUPPORT_MODULE)
    if support is None:
        raise NotFound(t("reports.no_support"))
    hid = resolve_household(db, household_ref)
    entries = [SupportEntry(programme=_known(e.programme, e.programme_name, PROGRAMMES), date=e.date,
                            amount_vnd=e.amount_vnd, quantity=e.quantity, unit=e.unit,
                            funding_source=_known(e.source, e.source_name, FUNDING_SOURCES), note=e.note,
                            recorded_by=e.recorded_by, member_name=e.member_name)
               for e in sorted(support.household_support(db, hid), key=lambda e: e.date)]
    household = load_household(db, hid)
    record = record_to_dict(household)
    members = _members(record)
    head = next((m for m in members if m.relation == "head"), members[0] if members else None)
    with db.session() as s:
        commune_id = s.scalar(select(HouseholdRow.commune_id).where(HouseholdRow.id == hid))
    rnd = current_round(db, commune_id)
    category = None
    if rnd is not None:
        review = optional_module(REVIEW_MODULE)
        category = review.official_category(db, hid) if review is not None else None
        if category is None:
            row = _classification(db, rnd.id, hid)
            category = row.category if row is not None else None
    return SupportLedger(commune=commune_data(db, commune_id), head_name=head.full_name if head else "",
                         entries=entries, village=record.get("village"), address=record.get("address"),
                         household_code=_code(db, hid), category=category)
