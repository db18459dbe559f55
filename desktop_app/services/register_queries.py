"""Read-only queries of the household register view: filters, sort, windows.

The register view of a 100,000-household commune shows one filtered, sorted
list. :func:`ordered_ids` runs ONE query per filter or sort change and returns
the ids of every matching household in display order (that list is also the
row count); :func:`rows_for` then reads the columns of the few rows on screen
by id. Filters and the sort are done by the database (``ORDER BY``); search
uses the storage layer's accent-insensitive condition on ``member.name_folded``
(:func:`desktop_app.storage.queries.search_condition`).

Also here: :func:`id_number_owners`, the citizen ID numbers already used in a
commune (for the household editor's uniqueness check).
"""

from __future__ import annotations

import bisect
import contextlib
from itertools import compress, repeat
from operator import contains, itemgetter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.sql.elements import ColumnElement

from desktop_app.domain.text import fold
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.storage.database import Database
from desktop_app.storage.models import (
    INDICATOR_BIT,
    ClassificationRow,
    HouseholdRow,
    MemberRow,
    RoundRow,
    SurveyRow,
    VillageRow,
)
from desktop_app.storage.queries import UNCLASSIFIED, search_condition
from desktop_app.storage.records import live

try:  # the review procedure's tables (official classification, meeting outcomes)
    from desktop_app.storage.models_review import OfficialClassificationRow, ReviewOutcomeRow
except ImportError:  # pragma: no cover - older trees without the review procedure
    OfficialClassificationRow = ReviewOutcomeRow = None  # type: ignore[assignment,misc]
O_ROW, R_ROW = OfficialClassificationRow, ReviewOutcomeRow

__all__ = [
    "CATEGORY_RANK", "SORT_KEYS", "UNCLASSIFIED", "RegisterFilter", "RegisterRow", "SearchIndex", "category_label",
    "count_register", "id_number_owners", "ordered_ids", "rows_for",
]

register_messages({
    "register_view.proposed": {"vi": "{category} (đề xuất)", "en": "{category} (proposed)"},
    "register_view.not_classified": {"vi": "Chưa phân loại", "en": "Not classified"},
})


def category_label(category: str | None, official: bool | None, lang: str | None = None) -> str:
    """The category as the register shows it: "Hộ nghèo (đề xuất)" for a
    proposed classification, "Hộ nghèo" for an official one."""
    if category is None:
        return t("register_view.not_classified", lang)
    name = t(f"category.{category}", lang)
    return name if official else t("register_view.proposed", lang, category=name)


#: columns the register can be sorted by
SORT_KEYS = ("code", "head", "village", "members", "category", "score_a", "score_b", "review")
#: display order of categories when sorting by category (poorest first)
CATEGORY_RANK = {"poor": 0, "near_poor": 1, "middle": 2, "not_poor": 3, "incomplete": 4}
#: SQLite page cache (KiB) while reading a whole commune
_READ_CACHE_KIB = 4096
#: largest number of ids read per ``IN (...)`` (SQLite's variable limit is far higher)
_WINDOW_MAX = 900


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    """What the register shows. ``None``/``False`` means "no filter".

    ``category`` is a category or ``"unclassified"``; ``deprivation`` an
    indicator key (households deprived in it in the round); the three flags
    keep households with at least one member of an ethnic minority (recorded
    ethnicity not Kinh), with meritorious service, or a social-protection
    beneficiary; ``search`` is the search box text.
    """

    round_id: str | None = None
    commune_id: str | None = None
    village_id: str | None = None
    category: str | None = None
    deprivation: str | None = None
    ethnic_minority: bool = False
    meritorious: bool = False
    social_protection: bool = False
    search: str = ""

    def with_(self, **changes: Any) -> RegisterFilter:
        """A copy with some fields changed."""
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One line of the register. ``official`` is ``True`` when the category
    is a decided (official) classification, ``False`` when only proposed,
    ``None`` when the household has no classification. ``review_status`` is
    shown when the review procedure stores one (else ``None``)."""

    household_id: str
    code: str
    head_name: str | None
    village: str | None
    members: int
    category: str | None
    official: bool | None
    score_a: int | None
    score_b: int | None
    surveyed: bool
    review_status: str | None


def _member_exists(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """Some live member of the household meets ``condition``."""
    return exists().where(MemberRow.household_id == HouseholdRow.id, live(MemberRow), condition)


def _head_folded() -> Any:
    """The folded name of the household's head (first member when no head)."""
    M = MemberRow
    return (select(M.name_folded).where(M.household_id == HouseholdRow.id, live(M))
            .order_by(case((M.relation == "head", 0), else_=1), M.position).limit(1).scalar_subquery())


def _member_count() -> Any:
    return (select(func.count()).select_from(MemberRow)
            .where(MemberRow.household_id == HouseholdRow.id, live(MemberRow)).scalar_subquery())


def _needs_classification(f: RegisterFilter, sort: str) -> bool:
    return f.category is not None or f.deprivation is not None or sort in ("category", "score_a", "score_b")


def _statement(f: RegisterFilter, sort: str = "code", descending: bool = False, *, count: bool = False):
    """The ids (or their count) of the households matching ``f`` in order."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; use one of {SORT_KEYS}")
    H, C, V = HouseholdRow, ClassificationRow, VillageRow
    stmt = select(func.count() if count else H.id).select_from(H)
    if not count and sort == "village":
        stmt = stmt.outerjoin(V, V.id == H.village_id)
    if _needs_classification(f, "code" if count else sort):
        stmt = stmt.outerjoin(C, and_(C.household_id == H.id, C.round_id == f.round_id, live(C)))
    stmt = stmt.where(live(H))
    if f.commune_id is not None:
        stmt = stmt.where(H.commune_id == f.commune_id)
    elif f.round_id is not None:
        stmt = stmt.where(H.commune_id == select(RoundRow.commune_id)
                          .where(RoundRow.id == f.round_id).scalar_subquery())
    if f.village_id is not None:
        stmt = stmt.where(H.village_id == f.village_id)
    if f.category is not None:
        stmt = stmt.where(C.id.is_(None) if f.category == UNCLASSIFIED else C.category == f.category)
    if f.deprivation is not None:
        stmt = stmt.where(C.deprived_mask.op("&")(INDICATOR_BIT[f.deprivation]) != 0)
    if f.ethnic_minority:
        stmt = stmt.where(_member_exists(and_(MemberRow.ethnicity.is_not(None),
                                              func.lower(func.trim(MemberRow.ethnicity)) != "kinh")))
    if f.meritorious:
        stmt = stmt.where(_member_exists(MemberRow.meritorious.is_(True)))
    if f.social_protection:
        stmt = stmt.where(_member_exists(MemberRow.social_protection.is_(True)))
    condition = search_condition(f.search)
    if condition is not None:
        stmt = stmt.where(condition)
    if count:
        return stmt
    natural = [func.length(H.code), H.code]
    key: list[Any]
    if sort == "code":
        key = []
    elif sort == "head":
        key = [_head_folded()]
    elif sort == "village":
        key = [func.coalesce(V.position, -1)]
    elif sort == "members":
        key = [_member_count()]
    elif sort == "category":
        key = [case(*[(C.category == c, r) for c, r in CATEGORY_RANK.items()], else_=len(CATEGORY_RANK))]
    elif sort == "score_a":
        key = [C.score_a.is_(None), C.score_a]
    elif sort == "score_b":
        key = [C.score_b.is_(None), C.score_b]
    elif O_ROW is not None:  # "review": decided, then agreed, disputed, none
        key = [case((exists().where(O_ROW.household_id == H.id, O_ROW.round_id == f.round_id,
                                    live(O_ROW)), 0), else_=1),
               func.coalesce(select(R_ROW.outcome).where(R_ROW.household_id == H.id,
                                                         R_ROW.round_id == f.round_id, live(R_ROW))
                             .limit(1).scalar_subquery(), "~")]
    else:
        key = []
    order = key + natural
    if descending:
        order = [k.desc() for k in order]
    return stmt.order_by(*order)


def _raw_rows(conn: Any, stmt: Any) -> Any:
    """Rows of a Core statement straight from the driver's cursor (tuples).

    SQLAlchemy's result processing costs more than the query itself on
    100,000 rows; the statements here only select plain text and numbers.
    """
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.construct_params()
    driver = conn.connection.driver_connection
    if conn.dialect.paramstyle == "qmark":
        return driver.execute(str(compiled), [params[k] for k in compiled.positiontup])
    return conn.execute(stmt).tuples()  # other databases: the ordinary way


@contextlib.contextmanager
def _reading(db: Database) -> Iterator[Any]:
    """A connection for one large read with a small SQLite page cache.

    The register's connections keep a 64 MB page cache and map the file
    into memory (good for imports and reports); a scan of every household
    would fill both and keep that memory for the life of the connection.
    Here the cache is small and the file is read, not mapped, for the read;
    both settings are given back afterwards (the operating system caches
    the file anyway).
    """
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection if conn.dialect.name == "sqlite" else None
        if raw is None:
            yield conn
            return
        cache = raw.execute("PRAGMA cache_size").fetchone()[0]
        mmap = raw.execute("PRAGMA mmap_size").fetchone()
        raw.execute(f"PRAGMA cache_size=-{_READ_CACHE_KIB}")
        raw.execute("PRAGMA mmap_size=0")  # a mapped scan would stay resident in this process
        try:
            yield conn
        finally:
            raw.execute("PRAGMA shrink_memory")
            raw.execute(f"PRAGMA cache_size={int(cache)}")
            if mmap:
                raw.execute(f"PRAGMA mmap_size={int(mmap[0])}")


def ordered_ids(db: Database, f: RegisterFilter, sort: str = "code", descending: bool = False) -> list[str]:
    """Ids of every household matching ``f``, sorted by ``sort`` (one of
    :data:`SORT_KEYS`; ties in natural code order)."""
    with _reading(db) as conn:
        return list(map(itemgetter(0), _raw_rows(conn, _statement(f, sort, descending)).fetchall()))


def count_register(db: Database, f: RegisterFilter) -> int:
    """How many households match ``f``."""
    with db.engine.connect() as conn:
        return conn.execute(_statement(f, count=True)).scalar() or 0


def rows_for(db: Database, round_id: str | None, ids: Sequence[str]) -> dict[str, RegisterRow]:
    """The register lines of households ``ids`` (by id; missing ids are absent).

    The category is the official one when the round's decision gave one,
    else the proposed classification; ``review_status`` is ``"decided"``,
    or the village meeting's ``"agreed"``/``"disputed"``, or ``None``.
    """
    out: dict[str, RegisterRow] = {}
    if not ids:
        return out
    H, M, C, S, V = HouseholdRow, MemberRow, ClassificationRow, SurveyRow, VillageRow
    head = (select(M.full_name).where(M.household_id == H.id, live(M))
            .order_by(case((M.relation == "head", 0), else_=1), M.position).limit(1).scalar_subquery())
    cols: list[Any] = [H.id, H.code, V.name.label("village"), C.id.label("cid"), C.category, C.score_a,
                       C.score_b, S.id.label("sid"), head.label("head"), _member_count().label("members")]
    O, R = OfficialClassificationRow, ReviewOutcomeRow
    if O is not None:
        cols += [O.id.label("oid"), O.category.label("ocategory"), O.score_a.label("oscore_a"),
                 O.score_b.label("oscore_b"), R.outcome.label("outcome")]
    with db.engine.connect() as conn:
        for start in range(0, len(ids), _WINDOW_MAX):
            part = list(ids[start:start + _WINDOW_MAX])
            stmt = (select(*cols).select_from(H)
                    .outerjoin(V, V.id == H.village_id)
                    .outerjoin(C, and_(C.household_id == H.id, C.round_id == round_id, live(C)))
                    .outerjoin(S, and_(S.household_id == H.id, S.round_id == round_id, live(S))))
            if O is not None:
                stmt = (stmt.outerjoin(O, and_(O.household_id == H.id, O.round_id == round_id, live(O)))
                        .outerjoin(R, and_(R.household_id == H.id, R.round_id == round_id, live(R))))
            for r in conn.execute(stmt.where(H.id.in_(part), live(H))):
                m = r._mapping
                decided = m.get("oid") is not None
                category, score_a, score_b = ((m["ocategory"], m["oscore_a"], m["oscore_b"]) if decided
                                              else (r.category, r.score_a, r.score_b))
                out[r.id] = RegisterRow(
                    household_id=r.id, code=r.code, head_name=r.head, village=r.village,
                    members=r.members or 0, category=category,
                    official=True if decided else (False if r.cid is not None else None),
                    score_a=score_a, score_b=score_b, surveyed=r.sid is not None,
                    review_status="decided" if decided else m.get("outcome"),
                )
    return out


def id_number_owners(db: Database, id_numbers: Iterable[str], *, commune_id: str | None = None,
                     exclude_household: str | None = None) -> dict[str, tuple[str, str]]:
    """Citizen ID numbers among ``id_numbers`` already held by a live member
    of another live household (of ``commune_id`` when given):
    ``{id_number: (household code, member name)}``."""
    wanted = sorted({n for n in id_numbers if n})
    if not wanted:
        return {}
    M, H = MemberRow, HouseholdRow
    stmt = (select(M.id_number, H.code, M.full_name).join(H, H.id == M.household_id)
            .where(M.id_number.in_(wanted), live(M), live(H)))
    if commune_id is not None:
        stmt = stmt.where(H.commune_id == commune_id)
    if exclude_household is not None:
        stmt = stmt.where(H.id != exclude_household)
    with db.session() as s:
        return {n: (code, name) for n, code, name in s.execute(stmt)}


class _Texts(dict):
    """Texts by household id; a household without any is the empty text."""

    def __missing__(self, key: str) -> str:
        return ""


class SearchIndex:
    """An in-memory copy of what the search box looks at, for search-as-you-type.

    The SQL search (:func:`desktop_app.storage.queries.search_condition`)
    scans every member name, which takes a few hundred milliseconds in a
    100,000-household commune; typing needs an answer in a few. This index
    keeps, per live household, its code and its members' folded names
    (``member.name_folded``) and citizen ID numbers, and answers with exactly
    the same rule: digits are an ID number prefix, other text an
    accent-insensitive part of a member's name, and either may be the start
    of the household code. :meth:`update` refreshes one household after a save.
    """

    def __init__(self) -> None:
        self._names: dict[str, str] = _Texts()
        self._ids: dict[str, str] = _Texts()
        self._codes: dict[str, str] = {}
        self._sorted_codes: list[tuple[str, str]] | None = None
        self._aligned: tuple[int, list[str], list[str]] | None = None  # (id(order), names, ids)

    def __len__(self) -> int:
        return len(self._codes)

    @classmethod
    def build(cls, db: Database, commune_id: str | None = None) -> SearchIndex:
        """Read the index of every live household (of ``commune_id`` when given)."""
        index = cls()
        H, M = HouseholdRow, MemberRow
        hstmt = select(H.id, H.code).where(live(H))
        mstmt = (select(M.household_id, M.name_folded, M.id_number)
                 .join(H, H.id == M.household_id).where(live(M), live(H)))
        if commune_id is not None:
            hstmt = hstmt.where(H.commune_id == commune_id)
            mstmt = mstmt.where(H.commune_id == commune_id)
        names, numbers = _Texts(), _Texts()
        get_name, get_number = names.get, numbers.get
        with _reading(db) as conn:
            index._codes = {hid: code.upper() for hid, code in _raw_rows(conn, hstmt)}
            # joined as they come: no list per household, little garbage left behind
            for hid, name, number in _raw_rows(conn, mstmt):
                prev = get_name(hid)
                names[hid] = (name or "") if prev is None else f"{prev}\n{name or ''}"
                if number:
                    numbers[hid] = f"{get_number(hid, '')}\n{number}"
        index._names, index._ids = names, numbers
        return index

    def update(self, db: Database, household_id: str) -> None:
        """Re-read one household (gone from the index when deleted)."""
        H, M = HouseholdRow, MemberRow
        with db.engine.connect() as conn:
            code = conn.execute(select(H.code).where(H.id == household_id, live(H))).scalar()
            rows = conn.execute(select(M.name_folded, M.id_number)
                                .where(M.household_id == household_id, live(M))).all()
        for table in (self._names, self._ids, self._codes):
            table.pop(household_id, None)
        self._sorted_codes = self._aligned = None
        if code is None:
            return
        self._codes[household_id] = code.upper()
        self._names[household_id] = "\n".join(r[0] or "" for r in rows)
        numbers = [r[1] for r in rows if r[1]]
        if numbers:
            self._ids[household_id] = "\n" + "\n".join(numbers)

    def _code_matches(self, prefix: str) -> set[str]:
        codes = self._sorted_codes or []
        i = bisect.bisect_left(codes, (prefix, ""))
        found: set[str] = set()
        while i < len(codes) and codes[i][0].startswith(prefix):
            found.add(codes[i][1])
            i += 1
        return found

    def filter(self, ordered: list[str], search: str) -> list[str]:
        """The ids of ``ordered`` (kept in order) that the search text finds.

        Per-household texts are aligned with ``ordered`` once per list, so
        each keystroke costs one pass of substring tests.
        """
        q = " ".join((search or "").split())
        if not q:
            return list(ordered)
        self.align(ordered)
        assert self._aligned is not None and self._sorted_codes is not None
        by_code = self._code_matches(q.upper())
        if q.isdigit():
            needle, texts = "\n" + q, self._aligned[2]
        else:
            needle, texts = fold(q), self._aligned[1]
        found = list(compress(ordered, map(contains, texts, repeat(needle))))  # all in C: fast
        if by_code:
            found_set = set(found)
            return [h for h in ordered if h in found_set or h in by_code]
        return found

    def align(self, ordered: list[str]) -> None:
        """Prepare the texts of ``ordered`` (done once per list; :meth:`filter` does it when needed)."""
        if self._aligned is None or self._aligned[0] != id(ordered) or len(self._aligned[1]) != len(ordered):
            self._aligned = (id(ordered), list(map(self._names.__getitem__, ordered)),
                             list(map(self._ids.__getitem__, ordered)))
        if self._sorted_codes is None:
            self._sorted_codes = sorted(zip(self._codes.values(), self._codes.keys()))

    def matches(self, search: str) -> set[str] | None:
        """Ids of every indexed household the search text finds (``None``: no search)."""
        if not " ".join((search or "").split()):
            return None
        return set(self.filter(list(self._codes), search))
