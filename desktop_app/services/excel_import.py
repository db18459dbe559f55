"""Importing an existing household list (Excel) into the register.

:func:`preview_import` reads and checks the workbook with
:func:`desktop_app.reports.read_household_workbook`, the commune's villages
being the known ones, without writing anything. :func:`import_excel` then
saves, in ONE transaction:

* mode ``"valid"`` (chỉ nhập dòng hợp lệ): the households without errors;
* mode ``"all"`` (tất cả hoặc không): everything, or nothing when any row has
  an error.

Ids are uuid5 of the commune code and the household code, so importing the
same file again updates the same households instead of duplicating them; a
new household takes the code of the file when no other household has it. The
imported surveyed households are classified with the round's standard in the
same transaction. Rejected households go to a rejection report (the rows as
read plus an error column) that the officer corrects and imports again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from desktop_app.classification import classify
from desktop_app.domain.record import parse_record
from desktop_app.errors import AppError, ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.reports import ImportResult, read_household_workbook, write_rejection_report
from desktop_app.services import Changes
from desktop_app.services.register import import_households_in
from desktop_app.services.reports import resolve_round
from desktop_app.storage import bulk
from desktop_app.storage.audit import write_audit
from desktop_app.storage.database import Database
from desktop_app.storage.models import CommuneRow, HouseholdRow, utcnow
from desktop_app.storage.queries import CommuneInfo, RoundInfo, list_communes, list_villages
from desktop_app.storage.records import live

register_messages({
    "excel_import.cancelled": {
        "vi": "Đã hủy nhập dữ liệu; không có gì thay đổi.",
        "en": "The import was cancelled; nothing was changed.",
    },
    "excel_import.bad_mode": {
        "vi": "Cách nhập «{mode}» không hợp lệ; chọn «valid» (chỉ dòng hợp lệ) hoặc «all» (tất cả hoặc không).",
        "en": "Import mode '{mode}' is not valid; choose 'valid' (valid rows only) or 'all' (all or nothing).",
    },
    "excel_import.no_commune": {
        "vi": "Sổ chưa có xã nào; hãy thiết lập xã trước khi nhập danh sách hộ.",
        "en": "The register has no commune yet; set it up before importing a household list.",
    },
    "excel_import.refused": {
        "vi": "Tệp có {errors} lỗi ở {households} hộ nên KHÔNG nhập hộ nào (chế độ «tất cả hoặc không»). "
              "Sửa các lỗi trong báo cáo {report} rồi nhập lại.",
        "en": "The file has {errors} errors in {households} households, so NO household was imported "
              "(all-or-nothing mode). Fix the errors listed in {report} and import again.",
    },
})

VALID_ONLY = "valid"
ALL_OR_NOTHING = "all"
MODES = (VALID_ONLY, ALL_OR_NOTHING)
#: ``progress(done, total) -> bool``: return False to cancel (nothing is written)
Progress = Callable[[int, int], bool]


class ImportCancelled(AppError):
    """The officer cancelled the import: the transaction was rolled back."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__(t("excel_import.cancelled"))


class ImportRefused(AppError):
    """All-or-nothing import of a file with errors: nothing was written."""

    exit_code = 2

    def __init__(self, outcome: "ExcelImportOutcome") -> None:
        super().__init__(t("excel_import.refused", errors=len(outcome.preview.result.errors),
                           households=len(outcome.preview.result.rejected),
                           report=str(outcome.rejection_report or "-")))
        self.outcome = outcome


@dataclass(slots=True)
class ImportPreview:
    """A checked workbook, before anything is written."""

    path: Path
    result: ImportResult
    commune: CommuneInfo
    round: RoundInfo
    mapping: dict[str, str] = field(default_factory=dict)

    @property
    def valid(self) -> int:
        return len(self.result.records)

    @property
    def rejected(self) -> int:
        return len(self.result.rejected)


@dataclass(slots=True)
class ExcelImportOutcome:
    """What :func:`import_excel` did (``imported`` = ``inserted`` + ``updated``)."""

    preview: ImportPreview
    mode: str
    dry_run: bool
    inserted: int = 0
    updated: int = 0
    members: int = 0
    classified: int = 0
    rejection_report: Path | None = None
    changes: Changes = field(default_factory=Changes)

    @property
    def imported(self) -> int:
        return self.inserted + self.updated


def _commune(db: Database, rnd: RoundInfo) -> CommuneInfo:
    communes = list_communes(db)
    found = next((c for c in communes if c.id == rnd.commune_id), None)
    if found is None:
        raise ValidationError("commune", t("excel_import.no_commune"))
    return found


def default_rejection_path(path: str | os.PathLike) -> Path:
    """``danh-sach.xlsx`` -> ``danh-sach-loi.xlsx`` next to it."""
    p = Path(path)
    return p.with_name(f"{p.stem}-loi.xlsx")


def preview_import(db: Database, path: str | os.PathLike, mapping: Mapping[str, str] | str | os.PathLike | None = None,
                   *, round_ref: str | None = None, lang: str | None = None) -> ImportPreview:
    """Read and check the workbook (the commune's villages are the known ones);
    nothing is written. ``mapping``: ``{field: header}`` or a JSON file."""
    if not list_communes(db):
        raise ValidationError("commune", t("excel_import.no_commune"))
    rnd = resolve_round(db, round_ref)
    commune = _commune(db, rnd)
    villages = [v.name for v in list_villages(db, commune.id)]
    defaults = {"area": commune.default_area, "region": commune.default_region, "standard": rnd.standard_id}
    result = read_household_workbook(path, mapping, known_villages=villages, commune_code=commune.code,
                                     defaults=defaults, lang=lang)
    return ImportPreview(Path(path), result, commune, rnd, dict(result.columns))


def import_excel(db: Database, path: str | os.PathLike, *, mapping: Mapping[str, str] | str | os.PathLike | None = None,
                 round_ref: str | None = None, mode: str = VALID_ONLY, dry_run: bool = False,
                 rejects: str | os.PathLike | None = None, lang: str | None = None,
                 progress: Progress | None = None, preview: ImportPreview | None = None,
                 write_report: bool = True) -> ExcelImportOutcome:
    """Import a household workbook (see the module doc).

    The rejection report is written (to ``rejects``, default
    :func:`default_rejection_path`) whenever a household was rejected, also
    on a dry run. In mode ``"all"`` a file with errors raises
    :class:`ImportRefused` (nothing written; the outcome is on the error).
    ``preview`` reuses an earlier :func:`preview_import` of the same file;
    ``write_report=False`` leaves the rejection report to the caller
    (:func:`desktop_app.reports.write_rejection_report` with ``preview.result``).
    """
    if mode not in MODES:
        raise ValidationError("mode", t("excel_import.bad_mode", mode=mode))
    preview = preview or preview_import(db, path, mapping, round_ref=round_ref, lang=lang)
    result = preview.result
    outcome = ExcelImportOutcome(preview, mode, dry_run)
    if result.rejected and write_report:
        outcome.rejection_report = Path(rejects) if rejects else default_rejection_path(preview.path)
        write_rejection_report(result, outcome.rejection_report, lang)
    if mode == ALL_OR_NOTHING and result.errors:
        raise ImportRefused(outcome)
    households = [parse_record(r, label=r.get("household_code")) for r in result.records]
    if dry_run or not households:
        return outcome
    from desktop_app.services.classify import round_standard

    standard = round_standard(db, preview.round.id)
    total = len(households) * 2
    results = []
    for i, h in enumerate(households, 1):
        if h.survey is not None:
            results.append(classify(h, standard, "vi").to_dict())
        if progress is not None and i % 200 == 0 and progress(i, total) is False:
            raise ImportCancelled()

    def step(done: int) -> None:
        if progress is not None and progress(len(households) + done, total) is False:
            raise ImportCancelled()

    codes = {r["household_id"]: str(r.get("household_code") or "") for r in result.records}
    with db.transaction() as s:
        saved = import_households_in(s, db, households, round_id=preview.round.id, commune_id=preview.commune.id,
                                     source=preview.path.name, chunk_size=500, progress=step)
        renamed = _take_file_codes(s, preview.commune.id, codes)
        inserted, updated, _ = bulk.upsert_classifications(s, preview.round.id, results, utcnow())
        write_audit(s, user=db.user, action="import_excel", table_name="household", row_id=None,
                    new={"source": preview.path.name, "mode": mode, "rejected": len(result.rejected),
                         "codes_from_file": renamed, "classified": inserted + updated})
    outcome.inserted, outcome.updated, outcome.members = saved.inserted, saved.updated, saved.members
    outcome.classified = len(results)
    outcome.changes = saved.changes | (Changes.of("classifications") if results else Changes())
    if progress is not None:
        progress(total, total)
    return outcome


def _take_file_codes(s, commune_id: str, codes: Mapping[str, str]) -> int:  # noqa: ANN001 - Session
    """Give each imported household the code of the file when no other live
    household of the commune has it (the register's own code otherwise)."""
    taken = {code: hid for hid, code in s.execute(select(HouseholdRow.id, HouseholdRow.code).where(
        HouseholdRow.commune_id == commune_id, live(HouseholdRow)))}
    changed = 0
    for hid, code in codes.items():
        code = " ".join(code.split()).upper()
        if not code or len(code) > 32 or taken.get(code, hid) != hid:
            continue
        row = s.get(HouseholdRow, hid)
        if row is None or row.code == code:
            continue
        taken.pop(row.code, None)
        row.code = code
        taken[code] = hid
        changed += 1
    s.flush()
    return changed


def commune_code(db: Database) -> str | None:
    """The code of the register's commune (for templates and messages)."""
    with db.session() as s:
        return s.scalar(select(CommuneRow.code).where(live(CommuneRow)).order_by(CommuneRow.created_at).limit(1))
