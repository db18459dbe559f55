"""Office side: summaries across the imported communes (Qt-free).

* :func:`commune_status` - every commune with its last package (sequence,
  date, device, warnings) and open conflicts;
* :func:`district_totals` - households, categories and rates per commune (in
  each commune's current round: the latest by start date), deprivation counts
  per indicator, and support coverage when a support table exists;
* :func:`commune_households` - drill-down: a commune's households;
* :func:`district_summary` - everything as one JSON-ready dict;
* :func:`write_summary_xlsx` - the province's Excel summary (atomic).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, inspect, select
from sqlalchemy.orm import Session

from desktop_app.fsutil import atomic_write
from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.storage.database import Database
from desktop_app.storage.models import (
    CATEGORIES,
    INDICATOR_BIT,
    ClassificationRow,
    CommuneRow,
    HouseholdRow,
    MemberRow,
    RoundRow,
    VillageRow,
)
from desktop_app.storage.models_sync import SyncConflictRow, SyncImportRow
from desktop_app.storage.records import live

register({
    "syncdb.xlsx.communes": {"vi": "Các xã", "en": "Communes"},
    "syncdb.xlsx.categories": {"vi": "Phân loại", "en": "Categories"},
    "syncdb.xlsx.deprivations": {"vi": "Thiếu hụt", "en": "Deprivations"},
    "syncdb.xlsx.title": {"vi": "Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo theo xã",
                          "en": "Summary of the poor and near-poor household review by commune"},
    "syncdb.xlsx.code": {"vi": "Mã xã", "en": "Commune code"},
    "syncdb.xlsx.name": {"vi": "Tên xã", "en": "Commune"},
    "syncdb.xlsx.households": {"vi": "Tổng số hộ", "en": "Households"},
    "syncdb.xlsx.classified": {"vi": "Số hộ đã phân loại", "en": "Classified"},
    "syncdb.xlsx.rate": {"vi": "Tỷ lệ {category} (%)", "en": "{category} rate (%)"},
    "syncdb.xlsx.last_sequence": {"vi": "Số thứ tự gói cuối", "en": "Last package number"},
    "syncdb.xlsx.last_import": {"vi": "Ngày nhận gói cuối", "en": "Last package received"},
    "syncdb.xlsx.warnings": {"vi": "Cảnh báo", "en": "Warnings"},
    "syncdb.xlsx.conflicts": {"vi": "Xung đột chưa giải quyết", "en": "Open conflicts"},
    "syncdb.xlsx.indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "syncdb.xlsx.total": {"vi": "Toàn huyện", "en": "All communes"},
    "syncdb.xlsx.support": {"vi": "Hộ nghèo/cận nghèo được hỗ trợ", "en": "Poor/near-poor households supported"},
})

SUPPORT_TABLE_PREFIX = "support"


@dataclass
class CommuneStatus:
    """A commune as seen by the office: its last package and open conflicts."""

    code: str
    name: str
    commune_id: str
    households: int = 0
    last_sequence: int | None = None
    last_device: str | None = None
    last_imported_at: str | None = None
    last_created_at: str | None = None
    packages: int = 0
    devices: int = 0
    warnings: list[str] = field(default_factory=list)
    open_conflicts: int = 0


@dataclass
class CommuneTotals:
    """Counts of one commune in its current round."""

    code: str
    name: str
    round_id: str | None
    households: int
    classified: int
    categories: dict[str, int]
    rates: dict[str, float]
    deprivations: dict[str, int]
    supported: int | None = None


def _communes(s: Session) -> list[CommuneRow]:
    return list(s.scalars(select(CommuneRow).where(live(CommuneRow), CommuneRow.mode != "district")
                          .order_by(CommuneRow.code)))


def _household_counts(s: Session) -> dict[str, int]:
    stmt = select(HouseholdRow.commune_id, func.count()).where(live(HouseholdRow)).group_by(HouseholdRow.commune_id)
    return dict(s.execute(stmt).all())


def commune_status(db: Database) -> list[CommuneStatus]:
    """Every commune of the register, with its last imported package."""
    with db.session() as s:
        counts = _household_counts(s)
        out: dict[str, CommuneStatus] = {}
        for c in _communes(s):
            out.setdefault(c.code, CommuneStatus(c.code, c.name, c.id))
            out[c.code].households += counts.get(c.id, 0)
        for imp in s.scalars(select(SyncImportRow).order_by(SyncImportRow.imported_at, SyncImportRow.id)):
            st = out.setdefault(imp.commune_code, CommuneStatus(imp.commune_code, imp.commune_name, ""))
            st.packages += 1
            st.last_sequence, st.last_device = imp.sequence, imp.device_id
            st.last_imported_at = imp.imported_at.isoformat()
            st.last_created_at = imp.created_at
            st.warnings = list(imp.warnings or [])
        devices = s.execute(select(SyncImportRow.commune_code, func.count(func.distinct(SyncImportRow.device_id)))
                            .group_by(SyncImportRow.commune_code)).all()
        for code, n in devices:
            out[code].devices = n
        conflicts = s.execute(select(SyncConflictRow.commune_code, func.count()).where(
            SyncConflictRow.resolved.is_(False)).group_by(SyncConflictRow.commune_code)).all()
        for code, n in conflicts:
            if code in out:
                out[code].open_conflicts = n
        return [out[k] for k in sorted(out)]


def _current_rounds(s: Session) -> dict[str, str]:
    """``commune id -> id of its current round`` (latest start date, then latest created)."""
    rows = s.execute(select(RoundRow.commune_id, RoundRow.id, RoundRow.start_date, RoundRow.created_at)
                     .where(live(RoundRow))).all()
    best: dict[str, tuple] = {}
    for commune_id, round_id, start, created in rows:
        key = (start.isoformat() if start else "", created.isoformat())
        if commune_id not in best or key > best[commune_id][0]:
            best[commune_id] = (key, round_id)
    return {c: v[1] for c, v in best.items()}


def _support_table(s: Session) -> Any | None:
    from desktop_app.storage.models import load_all_models

    present = set(inspect(s.connection()).get_table_names())
    for table in load_all_models().sorted_tables:
        if table.name.startswith(SUPPORT_TABLE_PREFIX) and table.name in present and \
                {"household_id", "deleted"} <= set(table.c.keys()):
            return table
    return None


def district_totals(db: Database) -> list[CommuneTotals]:
    """Per commune: households, categories and rates (current round), deprivations, support."""
    with db.session() as s:
        counts = _household_counts(s)
        rounds = _current_rounds(s)
        support = _support_table(s)
        out = []
        for c in _communes(s):
            round_id = rounds.get(c.id)
            cats = {k: 0 for k in CATEGORIES}
            depr = {k: 0 for k in INDICATOR_BIT}
            supported = None
            if round_id is not None:
                where = and_(ClassificationRow.round_id == round_id, live(ClassificationRow))
                for cat, n in s.execute(select(ClassificationRow.category, func.count()).where(where)
                                        .group_by(ClassificationRow.category)):
                    cats[cat] = cats.get(cat, 0) + n
                sums = [func.sum(case((ClassificationRow.deprived_mask.op("&")(bit) != 0, 1), else_=0))
                        for bit in INDICATOR_BIT.values()]
                values = s.execute(select(*sums).where(where)).one()
                depr = {k: int(v or 0) for k, v in zip(INDICATOR_BIT, values)}
                if support is not None:
                    poor = select(ClassificationRow.household_id).where(
                        where, ClassificationRow.category.in_(("poor", "near_poor")))
                    supported = s.scalar(select(func.count(func.distinct(support.c.household_id))).where(
                        support.c.deleted.is_(False), support.c.household_id.in_(poor)))
            classified = sum(cats.values())
            rates = {k: round(100.0 * v / classified, 2) if classified else 0.0 for k, v in cats.items()}
            out.append(CommuneTotals(c.code, c.name, round_id, counts.get(c.id, 0), classified, cats, rates,
                                     depr, supported))
        return out


def commune_households(db: Database, commune_code: str, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Drill-down: a commune's households (code, village, address, members,
    category in the current round), by household code."""
    with db.session() as s:
        commune = s.scalars(select(CommuneRow).where(CommuneRow.code == commune_code, live(CommuneRow),
                                                     CommuneRow.mode != "district")).first()
        if commune is None:
            return []
        round_id = _current_rounds(s).get(commune.id)
        members = (select(MemberRow.household_id, func.count().label("n")).where(live(MemberRow))
                   .group_by(MemberRow.household_id).subquery())
        stmt = (select(HouseholdRow.id, HouseholdRow.code, VillageRow.name, HouseholdRow.address,
                       func.coalesce(members.c.n, 0), ClassificationRow.category, ClassificationRow.score_a,
                       ClassificationRow.income_per_capita)
                .select_from(HouseholdRow)
                .outerjoin(VillageRow, VillageRow.id == HouseholdRow.village_id)
                .outerjoin(members, members.c.household_id == HouseholdRow.id)
                .outerjoin(ClassificationRow, and_(ClassificationRow.household_id == HouseholdRow.id,
                                                   ClassificationRow.round_id == round_id,
                                                   live(ClassificationRow)))
                .where(HouseholdRow.commune_id == commune.id, live(HouseholdRow))
                .order_by(HouseholdRow.code))
        if limit is not None:
            stmt = stmt.limit(limit)
        keys = ("household_id", "code", "village", "address", "members", "category", "score_a", "income_per_capita")
        return [dict(zip(keys, row)) for row in s.execute(stmt)]


def district_summary(db: Database) -> dict[str, Any]:
    """Status and totals of every commune plus the sums, JSON-ready."""
    status = commune_status(db)
    totals = district_totals(db)
    cats = {k: sum(x.categories.get(k, 0) for x in totals) for k in CATEGORIES}
    classified = sum(cats.values())
    sums = {
        "communes": len(totals),
        "households": sum(x.households for x in totals),
        "classified": classified,
        "categories": cats,
        "rates": {k: round(100.0 * v / classified, 2) if classified else 0.0 for k, v in cats.items()},
        "deprivations": {k: sum(x.deprivations.get(k, 0) for x in totals) for k in INDICATOR_BIT},
    }
    if any(x.supported is not None for x in totals):
        sums["supported"] = sum(x.supported or 0 for x in totals)
    return {"communes": [asdict(x) for x in status], "totals": [asdict(x) for x in totals], "sum": sums}


def write_summary_xlsx(db: Database, out: str | os.PathLike, lang: str | None = None) -> None:
    """Write the province's Excel summary: communes and packages, categories and
    rates, deprivations per indicator (one sheet each), atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    data = district_summary(db)
    wb = Workbook()
    bold = Font(bold=True)

    def sheet(ws, title: str, header: list[str], rows: list[list[Any]]) -> None:
        ws.append([title])
        ws["A1"].font = bold
        ws.append(header)
        for cell in ws[2]:
            cell.font = bold
        for row in rows:
            ws.append(row)
        for i, _ in enumerate(header, start=1):
            ws.column_dimensions[ws.cell(row=2, column=i).column_letter].width = 18

    tr = lambda key, **kw: t(key, lang, **kw)  # noqa: E731
    ws = wb.active
    ws.title = tr("syncdb.xlsx.communes")
    sheet(ws, tr("syncdb.xlsx.title"),
          [tr("syncdb.xlsx.code"), tr("syncdb.xlsx.name"), tr("syncdb.xlsx.households"),
           tr("syncdb.xlsx.last_sequence"), tr("syncdb.xlsx.last_import"), tr("syncdb.xlsx.warnings"),
           tr("syncdb.xlsx.conflicts")],
          [[c["code"], c["name"], c["households"], c["last_sequence"], c["last_imported_at"],
            "; ".join(c["warnings"]), c["open_conflicts"]] for c in data["communes"]])
    cat_names = [tr(f"category.{k}") for k in CATEGORIES]
    header = [tr("syncdb.xlsx.code"), tr("syncdb.xlsx.name"), tr("syncdb.xlsx.households"),
              tr("syncdb.xlsx.classified"), *cat_names,
              *[tr("syncdb.xlsx.rate", category=n) for n in cat_names[:2]], tr("syncdb.xlsx.support")]
    rows = [[x["code"], x["name"], x["households"], x["classified"], *[x["categories"][k] for k in CATEGORIES],
             x["rates"]["poor"], x["rates"]["near_poor"], x["supported"]] for x in data["totals"]]
    s = data["sum"]
    rows.append(["", tr("syncdb.xlsx.total"), s["households"], s["classified"],
                 *[s["categories"][k] for k in CATEGORIES], s["rates"]["poor"], s["rates"]["near_poor"],
                 s.get("supported")])
    sheet(wb.create_sheet(tr("syncdb.xlsx.categories")), tr("syncdb.xlsx.title"), header, rows)
    header = [tr("syncdb.xlsx.code"), tr("syncdb.xlsx.name"), *INDICATOR_BIT]
    rows = [[x["code"], x["name"], *[x["deprivations"][k] for k in INDICATOR_BIT]] for x in data["totals"]]
    rows.append(["", tr("syncdb.xlsx.total"), *[s["deprivations"][k] for k in INDICATOR_BIT]])
    sheet(wb.create_sheet(tr("syncdb.xlsx.deprivations")), tr("syncdb.xlsx.title"), header, rows)
    with atomic_write(out, "wb") as f:
        wb.save(f)
