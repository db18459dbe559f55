"""Plain data the report writers print: no database, no Qt.

The caller (the services layer) fills these dataclasses from the register;
tests and benchmarks build them directly. Codes (categories, indicators,
programmes, funding sources, changes, record values) are the English codes of
``spec/household-record.md`` and ``spec/domain.md``; the writers turn them into
labels in the report's language. A programme or funding source that is not a
known code is printed as given.

Dates are :class:`datetime.date`; a member's birth date may also be the
record's ``"YYYY-MM-DD"`` / ``"YYYY"`` text.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Mapping, Sequence

BirthDate = _dt.date | str | None


@dataclass(slots=True)
class Commune:
    """The administrative unit printing the report.

    ``name`` includes its kind, as it appears on official papers:
    "Xã Thanh Hà", "Phường An Lạc". ``place`` is the place name used in the
    "…, ngày … tháng … năm …" line (default: ``name``).
    """

    name: str
    code: str | None = None
    province: str | None = None
    place: str | None = None

    @property
    def place_name(self) -> str:
        return self.place or self.name


@dataclass(slots=True)
class ListHousehold:
    """One household line of a printed list (village meeting or posting)."""

    head_name: str
    members: int
    category: str | None  # poor / near_poor / middle / not_poor / incomplete
    address: str | None = None
    household_code: str | None = None
    village: str | None = None
    score_a: int | float | None = None
    score_b: int | None = None
    deprived: Sequence[str] = ()  # indicator keys, see texts.INDICATORS
    change: str | None = None  # texts.CHANGES, e.g. "out_of_poverty"
    note: str | None = None


@dataclass(slots=True)
class VillageMeetingList:
    """Danh sách họp dân: the proposed classification read out in one village."""

    commune: Commune
    village: str
    round_name: str  # e.g. "Rà soát định kỳ năm 2025"
    households: Sequence[ListHousehold]
    meeting_date: _dt.date | None = None
    chair: str | None = None
    secretary: str | None = None


@dataclass(slots=True)
class PostingList:
    """Danh sách niêm yết công khai, for one village or (``village=None``) the commune."""

    commune: Commune
    round_name: str
    posting_from: _dt.date
    posting_to: _dt.date
    households: Sequence[ListHousehold]
    village: str | None = None
    posting_place: str | None = None  # e.g. "Nhà văn hóa thôn Đông và trụ sở UBND xã"
    complaint_to: str | None = None  # where/how to complain; default: the commune People's Committee
    signed_on: _dt.date | None = None
    signer: str | None = None
    signer_role: str = "commune_chair"  # or "village_head"


@dataclass(slots=True)
class MemberLine:
    """One member on Phiếu B or a certificate. Coded values as in household-record/1."""

    full_name: str
    relation: str | None = None
    sex: str | None = None
    birth_date: BirthDate = None
    id_number: str | None = None
    ethnicity: str | None = None
    health_insurance: bool | None = None
    education: str | None = None
    employment: str | None = None


@dataclass(slots=True)
class SurveyForm:
    """A filled Phiếu B: household, B1 income evidence, B2 indicators and result.

    ``indicators`` maps each of the 12 indicator keys to ``"yes"`` (deprived),
    ``"no"`` or ``"unknown"``; ``reasons`` holds the sentence explaining an
    indicator (from the classification result).
    """

    commune: Commune
    village: str | None
    head_name: str
    members: Sequence[MemberLine]
    indicators: Mapping[str, str]
    category: str | None
    score_b: int | None
    address: str | None = None
    household_code: str | None = None
    area: str | None = None  # rural / urban
    survey_date: _dt.date | None = None
    standard: str | None = None
    surveyor: str | None = None
    score_a: int | float | None = None
    score_a_cutoff: int | None = None
    income_per_capita: int | float | None = None
    poverty_line: int | None = None
    reasons: Mapping[str, str] = field(default_factory=dict)
    missing: Sequence[str] = ()
    warnings: Sequence[str] = ()
    official: bool = False  # True once the commune's decision recognised it

    @classmethod
    def from_record(cls, record: Mapping, result: Mapping, commune: Commune, **extra) -> "SurveyForm":
        """Build from a ``household-record/1`` dict and its classification result dict
        (``spec/household-record.md``). ``extra`` sets the remaining fields
        (``surveyor``, ``score_a_cutoff``, ``poverty_line``, ``official``, ...)."""
        members = [
            MemberLine(
                full_name=m.get("full_name") or "", relation=m.get("relation"), sex=m.get("sex"),
                birth_date=m.get("birth_date"), id_number=m.get("id_number"), ethnicity=m.get("ethnicity"),
                health_insurance=m.get("health_insurance"), education=m.get("education"),
                employment=m.get("employment"),
            )
            for m in record.get("members") or ()
        ]
        head = next((m.full_name for m in members if m.relation == "head"), members[0].full_name if members else "")
        survey = record.get("survey") or {}
        sdate = survey.get("date")
        values: dict = dict(
            commune=commune, village=record.get("village"), head_name=head, members=members,
            indicators=dict(result.get("indicators") or {}), category=result.get("category"),
            score_b=result.get("score_b"), address=record.get("address"),
            household_code=record.get("household_code"), area=record.get("area"),
            survey_date=_dt.date.fromisoformat(sdate) if sdate else None,
            standard=result.get("standard") or survey.get("standard"),
            score_a=result.get("score_a", survey.get("score_a")),
            income_per_capita=result.get("income_per_capita", survey.get("income_per_capita")),
            reasons=dict(result.get("reasons") or {}), missing=list(result.get("missing") or ()),
            warnings=list(result.get("warnings") or ()),
        )
        values.update(extra)
        return cls(**values)


@dataclass(slots=True)
class Certificate:
    """Giấy chứng nhận hộ nghèo / hộ cận nghèo (``category`` is poor or near_poor)."""

    commune: Commune
    category: str
    head_name: str
    members: Sequence[MemberLine]
    valid_from: _dt.date
    valid_to: _dt.date
    standard_period: str  # e.g. "giai đoạn 2022–2025"
    number: str | None = None  # e.g. "15/GCN-UBND"
    address: str | None = None
    village: str | None = None
    head_birth: BirthDate = None
    head_id_number: str | None = None
    decision_number: str | None = None
    decision_date: _dt.date | None = None
    issued_on: _dt.date | None = None
    signer: str | None = None


@dataclass(slots=True)
class SupportEntry:
    """One support delivered: amount in VND and/or quantity with unit."""

    programme: str  # texts.PROGRAMMES code or free text
    date: _dt.date
    amount_vnd: int | None = None
    quantity: float | None = None
    unit: str | None = None
    funding_source: str | None = None  # texts.FUNDING_SOURCES code or free text
    note: str | None = None
    recorded_by: str | None = None
    member_name: str | None = None  # when the support went to one member


@dataclass(slots=True)
class SupportLedger:
    commune: Commune
    head_name: str
    entries: Sequence[SupportEntry]
    village: str | None = None
    address: str | None = None
    household_code: str | None = None
    category: str | None = None


@dataclass(slots=True)
class KeyEntry:
    label: str  # e.g. "Khóa ký gói dữ liệu"
    fingerprint: str  # hex; printed in groups of 4
    algorithm: str | None = None  # e.g. "Ed25519"
    created: _dt.date | None = None


@dataclass(slots=True)
class KeySheet:
    """The key registration sheet the commune signs, stamps and sends to the office."""

    commune: Commune
    district_office: str  # configured label of the receiving office
    keys: Sequence[KeyEntry]
    district: str | None = None  # name of the receiving unit, when different from the label
    device: str | None = None
    officer: str | None = None
    chairman: str | None = None
    signed_on: _dt.date | None = None


# --------------------------------------------------------------------------
# Excel summary tables (numbers the services compute from the register)


@dataclass(slots=True)
class VillageCounts:
    """Households and people per category in one village (or residential group)."""

    village: str
    households: int
    poor: int = 0
    near_poor: int = 0
    middle: int = 0
    people: int | None = None
    poor_people: int | None = None
    near_poor_people: int | None = None


@dataclass(slots=True)
class GroupCounts:
    """Households of one group (texts.GROUPS) and how many are poor / near-poor."""

    group: str
    households: int
    poor: int = 0
    near_poor: int = 0


@dataclass(slots=True)
class IndicatorCounts:
    """Households deprived in one indicator, among poor, near-poor and all surveyed."""

    indicator: str
    poor: int = 0
    near_poor: int = 0
    surveyed: int = 0


@dataclass(slots=True)
class CauseCounts:
    cause: str  # household-record poverty_causes code
    poor: int = 0
    near_poor: int = 0


@dataclass(slots=True)
class TransitionCounts:
    """Movements of one village since the last approved round (spec/domain.md §7)."""

    village: str
    poor_start: int = 0
    out_of_poverty: int = 0
    new_poor: int = 0
    fallen_back_poor: int = 0
    poor_end: int = 0
    near_poor_start: int = 0
    out_of_near_poverty: int = 0
    new_near_poor: int = 0
    fallen_back_near_poor: int = 0
    near_poor_end: int = 0


@dataclass(slots=True)
class SupportTotals:
    """Support of one programme: households reached, records, and VND per funding source."""

    programme: str
    households: int
    records: int
    amounts: Mapping[str, int] = field(default_factory=dict)  # funding source -> VND


@dataclass(slots=True)
class CommuneSummary:
    """Everything the summary workbook shows; empty sequences give empty sheets."""

    commune: Commune
    round_name: str
    report_date: _dt.date
    standard: str | None = None
    villages: Sequence[VillageCounts] = ()
    groups: Sequence[GroupCounts] = ()
    indicators: Sequence[IndicatorCounts] = ()
    indicator_base: tuple[int, int, int] | None = None  # (poor, near_poor, surveyed) households
    causes: Sequence[CauseCounts] = ()
    transitions: Sequence[TransitionCounts] = ()
    support: Sequence[SupportTotals] = ()
    prepared_by: str | None = None


@dataclass(slots=True)
class HouseholdExportRow:
    """One household of the full list export (one row per household)."""

    household_code: str | None
    village: str | None
    head_name: str
    members: int
    address: str | None = None
    head_sex: str | None = None
    head_birth: BirthDate = None
    head_id_number: str | None = None
    ethnicity: str | None = None
    area: str | None = None
    category: str | None = None
    official: bool | None = None  # True: decided by the commune; False: proposed
    change: str | None = None
    score_a: int | float | None = None
    score_b: int | None = None
    income_per_capita: int | float | None = None
    deprived: Sequence[str] = ()
    ethnic_minority: bool | None = None
    meritorious: bool | None = None
    social_protection: bool | None = None
    poverty_causes: Sequence[str] = ()
    survey_date: _dt.date | None = None
    household_id: str | None = None
