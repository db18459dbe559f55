"""Aggregate figures of a survey round for the dashboard (Qt-free, read-only).

:func:`load_dashboard` answers, for one round of a commune, with a handful of
``GROUP BY`` queries (no ORM objects, no per-household Python loop), fast
enough for a 100,000-household commune:

* households, people and shares per category (poor, near-poor, middle, not
  poor, incomplete, and "not classified" for households without a
  classification in the round) per village and for the whole commune;
* the change since the previous round (counts per category, the delta, and
  household transitions previous category -> current category);
* how often each of the 12 indicators is deprived among surveyed households;
* the causes of poverty recorded for poor and near-poor households.

Once the chairman has decided a round (the review service wrote its
``official_classification`` rows), a household's category is its *official*
one, and the proposed one of the classification engine for households the
decision does not list; before the decision every category is the proposed
one. :attr:`Dashboard.source` says which is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, String, and_, case, func, literal, select, true
from sqlalchemy.orm import Session, aliased

from desktop_app.domain.labels import value_label
from desktop_app.domain.record import POVERTY_CAUSES
from desktop_app.errors import AppError, NotFound
from desktop_app.i18n import get_language, t
from desktop_app.messages import register
from desktop_app.services.register import RoundInfo, list_rounds, list_villages
from desktop_app.storage.database import Database
from desktop_app.storage.models import (
    CATEGORIES,
    INDICATOR_BIT,
    INDICATOR_ORDER,
    ClassificationRow,
    HouseholdRow,
    MemberRow,
    SurveyRow,
)
from desktop_app.storage.models_review import OfficialClassificationRow
from desktop_app.storage.records import live

__all__ = [
    "ALL_CATEGORIES", "AreaStats", "CategoryChange", "CauseStat", "Dashboard", "IndicatorStat",
    "PROPOSED", "OFFICIAL", "UNCLASSIFIED", "DASHBOARD_KINDS", "category_label", "load_dashboard",
    "previous_round",
]

register({
    "dashboard.unclassified": {"vi": "Chưa phân loại", "en": "Not classified"},
    "dashboard.no_village": {"vi": "(Chưa gán thôn)", "en": "(No village)"},
    "dashboard.commune_total": {"vi": "Toàn xã", "en": "Whole commune"},
    "dashboard.source.proposed": {
        "vi": "Kết quả đề xuất (chưa có quyết định công nhận)",
        "en": "Proposed classification (no decision yet)",
    },
    "dashboard.source.official": {
        "vi": "Kết quả chính thức (theo quyết định công nhận)",
        "en": "Official classification (by decision)",
    },
    "dashboard.no_round": {
        "vi": "Chưa có đợt rà soát nào; hãy tạo đợt rà soát trước.",
        "en": "There is no survey round yet; create a survey round first.",
    },
})

#: households without a classification in the round (not surveyed or not computed)
UNCLASSIFIED = "unclassified"
#: the categories of the dashboard, in display order
ALL_CATEGORIES: tuple[str, ...] = (*CATEGORIES, UNCLASSIFIED)
PROPOSED = "proposed"
OFFICIAL = "official"
#: categories above each category (leaving a category upwards)
_ABOVE = {"poor": ("near_poor", "middle", "not_poor"), "near_poor": ("middle", "not_poor")}
#: kinds of :class:`desktop_app.services.Changes` after which the dashboard reloads
DASHBOARD_KINDS = frozenset({"households", "members", "surveys", "classifications", "review", "official",
                             "rounds", "villages"})



def category_label(category: str, lang: str | None = None) -> str:
    """Vietnamese (or English) name of a category, ``unclassified`` included."""
    return t("dashboard.unclassified" if category == UNCLASSIFIED else f"category.{category}", lang)


@dataclass(frozen=True, slots=True)
class AreaStats:
    """Counts of one village (or of the whole commune when ``village_id`` is ``None``
    and ``is_total``)."""

    village_id: str | None
    name: str
    households: int
    members: int
    surveyed: int
    households_by_category: dict[str, int]
    members_by_category: dict[str, int]
    is_total: bool = False

    def share(self, category: str) -> float:
        """Share (0..1) of the area's households in ``category``."""
        return self.households_by_category.get(category, 0) / self.households if self.households else 0.0

    @property
    def classified(self) -> int:
        return self.households - self.households_by_category.get(UNCLASSIFIED, 0)


@dataclass(frozen=True, slots=True)
class IndicatorStat:
    """How many surveyed households are deprived (or unknown) in one indicator."""

    key: str
    name: str
    deprived: int
    unknown: int
    base: int  # surveyed households

    @property
    def share(self) -> float:
        return self.deprived / self.base if self.base else 0.0


@dataclass(frozen=True, slots=True)
class CauseStat:
    """Poor and near-poor households naming one cause of poverty."""

    key: str
    label: str
    poor: int
    near_poor: int

    @property
    def total(self) -> int:
        return self.poor + self.near_poor


@dataclass(frozen=True, slots=True)
class CategoryChange:
    """Households of a category in the previous round and in this one."""

    category: str
    previous: int
    current: int

    @property
    def delta(self) -> int:
        return self.current - self.previous


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the dashboard shows for one round."""

    round: RoundInfo
    rounds: list[RoundInfo]
    source: str  # PROPOSED or OFFICIAL
    commune: AreaStats
    villages: list[AreaStats]
    indicators: list[IndicatorStat]
    causes: list[CauseStat]
    causes_unrecorded: dict[str, int]  # poor / near_poor households with no cause recorded
    previous_round: RoundInfo | None = None
    previous_source: str | None = None
    changes: list[CategoryChange] = field(default_factory=list)
    #: ``{(previous category, current category): households}``; "unclassified" when none
    transitions: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def surveyed(self) -> int:
        return self.commune.surveyed

    def left(self, category: str) -> int:
        """Households of ``category`` in the previous round that are above it
        now (``left("poor")``: out of poverty, thoát nghèo)."""
        above = _ABOVE.get(category, ())
        return sum(n for (a, b), n in self.transitions.items() if a == category and b in above)

    def entered(self, category: str) -> int:
        """Households in ``category`` now that were not in the previous round
        (newly poor or fallen back, households new to the register included)."""
        return sum(n for (a, b), n in self.transitions.items() if b == category and a != category)

    def source_text(self, lang: str | None = None) -> str:
        return t(f"dashboard.source.{self.source}", lang)


# --------------------------------------------------------------------------
# which category a household has in a round


def _source(s: Session, round_id: str) -> str:
    """OFFICIAL when the round has a decision (official rows), else PROPOSED."""
    O = OfficialClassificationRow
    decided = s.scalar(select(O.id).where(O.round_id == round_id, live(O)).limit(1))
    return OFFICIAL if decided is not None else PROPOSED


# --------------------------------------------------------------------------
# rounds


def previous_round(rounds: list[RoundInfo], current: RoundInfo) -> RoundInfo | None:
    """The round to compare ``current`` with: the newest older periodic round of
    the same commune, else the next older round of any kind (``rounds`` are
    newest first, as :func:`list_rounds` gives them)."""
    same = [r for r in rounds if r.commune_id == current.commune_id]
    try:
        older = same[same.index(current) + 1:]
    except ValueError:
        return None
    return next((r for r in older if r.kind == "periodic"), older[0] if older else None)


# --------------------------------------------------------------------------
# queries

_MAIN_FIXED = 6  # village, category, previous category, households, surveyed, members


def _with_category(stmt: Select, household_id: Any, round_id: str, official: bool,
                   name: str) -> tuple[Select, Any, Any]:
    """Join the classification (and, ``official``, the official category) of
    ``round_id`` to ``stmt``; returns ``(stmt, category, classification alias)``
    where ``category`` prefers the official category over the proposed one."""
    C = aliased(ClassificationRow, name=f"{name}_c")
    stmt = stmt.outerjoin(C, and_(C.household_id == household_id, C.round_id == round_id, live(C)))
    if not official:
        return stmt, C.category, C
    O = aliased(OfficialClassificationRow, name=f"{name}_o")
    stmt = stmt.outerjoin(O, and_(O.household_id == household_id, O.round_id == round_id, live(O)))
    return stmt, func.coalesce(O.category, C.category), C


def _main_query(commune_id: str, round_id: str, official: bool, prev_id: str | None,
                prev_official: bool) -> Select:
    """ONE pass over the commune's live households, grouped by (village,
    category, previous category): households, surveys, members, and the
    deprived / unknown counts of each indicator (from the stored bit masks).

    Surveys and members are counted from their indexes alone, tombstones
    included (reading the rows to check ``deleted`` would cost more than the
    rest of the query); :func:`_tombstones` counts those to subtract."""
    H, M, S = HouseholdRow, MemberRow, SurveyRow
    members = select(func.count()).select_from(M).where(M.household_id == H.id).correlate(H).scalar_subquery()
    stmt = select().select_from(H).outerjoin(S, and_(S.household_id == H.id, S.round_id == round_id))
    stmt, current, C = _with_category(stmt, H.id, round_id, official, "cur")
    category = func.coalesce(current, literal(UNCLASSIFIED))
    previous: Any = literal(None, String)
    if prev_id is not None:
        stmt, previous, _ = _with_category(stmt, H.id, prev_id, prev_official, "prev")
    bits = []
    for key in INDICATOR_ORDER:
        bit = INDICATOR_BIT[key]
        bits.append(func.sum(case((C.deprived_mask.op("&")(bit) != 0, 1), else_=0)))
        bits.append(func.sum(case((C.unknown_mask.op("&")(bit) != 0, 1), else_=0)))
    return (stmt.add_columns(H.village_id, category, previous, func.count(), func.count(S.household_id),
                             func.sum(members), *bits)
            .where(H.commune_id == commune_id, live(H))
            .group_by(H.village_id, category, previous))


def _tombstones(s: Session, commune_id: str, round_id: str, official: bool) -> dict[tuple[str | None, str],
                                                                                 tuple[int, int]]:
    """``{(village_id, category): (deleted surveys, deleted members)}`` of the
    commune's live households: what :func:`_main_query` counted too many.
    Tombstones are few: they are found first by a plain scan of the member
    and survey tables (``|| ''`` keeps SQLite off the indexes, whose random
    row reads cost more than reading the tables in order)."""
    H, M, S = HouseholdRow, MemberRow, SurveyRow
    found: dict[tuple[str | None, str], tuple[int, int]] = {}
    for i, (model, extra) in enumerate(((S, S.round_id.concat("") == round_id), (M, true()))):
        key = model.household_id.concat("")
        dead = (select(key.label("household_id"), func.count().label("n"))
                .where(model.deleted.is_(True), extra).group_by(key).subquery())
        stmt, current, _ = _with_category(select().select_from(dead).join(H, H.id == dead.c.household_id),
                                          H.id, round_id, official, "cur")
        category = func.coalesce(current, literal(UNCLASSIFIED))
        for vid, cat, n in s.execute(stmt.add_columns(H.village_id, category, func.sum(dead.c.n))
                                     .where(H.commune_id == commune_id, live(H)).group_by(H.village_id, category)):
            pair = list(found.get((vid, cat), (0, 0)))
            pair[i] += int(n or 0)
            found[(vid, cat)] = (pair[0], pair[1])
    return found


def _cause_counts(s: Session, db: Database, round_id: str, official: bool) -> tuple[
        dict[tuple[str, str], int], dict[str, int]]:
    """``{(cause, category): households}`` among surveyed poor and near-poor
    households, and per category how many of them have no cause recorded."""
    H, S = HouseholdRow, SurveyRow
    poorish = ("poor", "near_poor")
    if official:  # every surveyed household may have become poor by decision
        base, category, _ = _with_category(select().select_from(S), S.household_id, round_id, True, "cur")
    else:  # start from the classifications of the round that are poor or near-poor (index)
        C = ClassificationRow
        base = select().select_from(C).join(S, and_(S.household_id == C.household_id, C.round_id == round_id))
        category = C.category
        base = base.where(C.round_id == round_id, live(C))
    base = (base.join(H, and_(H.id == S.household_id, live(H)))
            .where(S.round_id == round_id, live(S), category.in_(poorish)))
    fn = "json_each" if db.dialect == "sqlite" else "json_array_elements_text"
    items = getattr(func, fn)(S.poverty_causes).table_valued("value")
    per_cause = (base.outerjoin(items, true())  # no cause: one row with a NULL cause
                 .add_columns(category, items.c.value, func.count(func.distinct(S.household_id)))
                 .group_by(category, items.c.value))
    counts: dict[tuple[str, str], int] = {}
    none = dict.fromkeys(poorish, 0)
    for cat, cause, n in s.execute(per_cause):
        if cause is None:
            none[cat] = n
        else:
            counts[(str(cause), cat)] = n
    return counts, none


# --------------------------------------------------------------------------
# the dashboard


def _indicator_names(db: Database, standard_id: str, lang: str | None) -> dict[str, str]:
    from desktop_app.services.classify import registry_for  # not at import: classify imports much

    try:
        standard = registry_for(db).get(standard_id)
    except AppError:
        return {k: k for k in INDICATOR_ORDER}
    names = {ind.key: ind.name.get(lang or get_language()) for ind in standard.indicators}
    return {k: names.get(k, k) for k in INDICATOR_ORDER}


class _Acc:
    """Sums of the main query's groups for one area."""

    def __init__(self) -> None:
        self.households = dict.fromkeys(ALL_CATEGORIES, 0)
        self.members = dict.fromkeys(ALL_CATEGORIES, 0)
        self.surveyed = 0

    def add(self, category: str, households: int, surveyed: int, members: int) -> None:
        self.households[category] = self.households.get(category, 0) + households
        self.members[category] = self.members.get(category, 0) + members
        self.surveyed += surveyed

    def stats(self, village_id: str | None, name: str, is_total: bool = False) -> AreaStats:
        return AreaStats(village_id, name, sum(self.households.values()), sum(self.members.values()),
                         self.surveyed, dict(self.households), dict(self.members), is_total)


def load_dashboard(db: Database, round_id: str | None = None, *, lang: str | None = None,
                   previous_round_id: str | None = None) -> Dashboard:
    """The dashboard figures of ``round_id`` (default: the current round, the
    newest open one). ``previous_round_id`` overrides the round compared with
    (default :func:`previous_round`). Raises :class:`NotFound` when there is
    no such round."""
    rounds = list_rounds(db)
    if round_id is None:
        rnd = next((r for r in rounds if r.status == "open"), rounds[0] if rounds else None)
        if rnd is None:
            raise NotFound(t("dashboard.no_round", lang))
    else:
        rnd = next((r for r in rounds if r.id == round_id), None)
        if rnd is None:
            raise NotFound(t("register.round_not_found", lang, round_id=round_id))
    prev = (next((r for r in rounds if r.id == previous_round_id), None) if previous_round_id
            else previous_round(rounds, rnd))
    villages = list_villages(db, rnd.commune_id)
    names = _indicator_names(db, rnd.standard_id, lang)
    with db.session() as s:
        source = _source(s, rnd.id)
        prev_source = _source(s, prev.id) if prev is not None else None
        groups = s.execute(_main_query(rnd.commune_id, rnd.id, source == OFFICIAL, prev.id if prev else None,
                                       prev_source == OFFICIAL)).all()
        dead = _tombstones(s, rnd.commune_id, rnd.id, source == OFFICIAL)
        causes, no_cause = _cause_counts(s, db, rnd.id, source == OFFICIAL)

    known = {v.id for v in villages}
    areas: dict[str | None, _Acc] = {v.id: _Acc() for v in villages}
    total = _Acc()
    deprived = dict.fromkeys(INDICATOR_ORDER, 0)
    unknown = dict.fromkeys(INDICATOR_ORDER, 0)
    before: dict[str, int] = {}
    surveyed_in = dict.fromkeys(ALL_CATEGORIES, 0)  # surveyed households per category
    transitions: dict[tuple[str, str], int] = {}
    for row in groups:
        vid, category, prev_category, n, n_surveyed, n_members = row[:_MAIN_FIXED]
        dead_surveys, dead_members = dead.pop((vid, category), (0, 0))  # once per (village, category)
        n_surveyed, n_members = n_surveyed - dead_surveys, int(n_members or 0) - dead_members
        areas.setdefault(vid if vid in known else None, _Acc()).add(category, n, n_surveyed, n_members)
        total.add(category, n, n_surveyed, n_members)
        surveyed_in[category] = surveyed_in.get(category, 0) + n_surveyed
        for i, key in enumerate(INDICATOR_ORDER):
            deprived[key] += int(row[_MAIN_FIXED + 2 * i] or 0)
            unknown[key] += int(row[_MAIN_FIXED + 2 * i + 1] or 0)
        if prev is not None:
            if prev_category is not None:
                before[prev_category] = before.get(prev_category, 0) + n
            key2 = (prev_category or UNCLASSIFIED, category)
            transitions[key2] = transitions.get(key2, 0) + n
    area_stats = [areas[v.id].stats(v.id, v.name) for v in villages]
    if None in areas:  # households of no village, or of a village that was removed
        area_stats.append(areas[None].stats(None, t("dashboard.no_village", lang)))
    commune = total.stats(None, t("dashboard.commune_total", lang), is_total=True)
    changes = ([CategoryChange(c, before.get(c, 0), commune.households_by_category[c]) for c in CATEGORIES]
               if prev is not None else [])
    indicators = [IndicatorStat(k, names[k], deprived[k], unknown[k], commune.surveyed) for k in INDICATOR_ORDER]
    keys = [*POVERTY_CAUSES, *sorted({c for c, _ in causes} - set(POVERTY_CAUSES))]
    cause_stats = [CauseStat(k, value_label("poverty_causes", k, lang), causes.get((k, "poor"), 0),
                             causes.get((k, "near_poor"), 0)) for k in keys]
    # not surveyed, or surveyed without a cause
    unrecorded = {c: commune.households_by_category[c] - surveyed_in[c] + no_cause[c] for c in ("poor", "near_poor")}
    return Dashboard(round=rnd, rounds=[r for r in rounds if r.commune_id == rnd.commune_id], source=source,
                     commune=commune, villages=area_stats, indicators=indicators, causes=cause_stats,
                     causes_unrecorded=unrecorded, previous_round=prev, previous_source=prev_source,
                     changes=changes, transitions=transitions)
