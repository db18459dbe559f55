"""Import of an existing household list from Excel: read, validate, report.

:func:`read_household_workbook` finds the header row (first sheet that has one,
within its first 20 rows), maps columns (see :mod:`.import_columns`), reads one
member per row, groups rows by household code and checks every row: dates,
12-digit ID numbers, ID numbers repeated in the file, villages not in the
commune's list, exactly one head per household, coded values. Households
without errors are assembled into ``household-record/1`` dicts and validated
with :func:`desktop_app.domain.record.parse_record`; a household with any error
is rejected whole, so that the officer fixes it in the rejection report
(:func:`write_rejection_report`: the household's rows with an added "Lỗi"
column) and re-imports that file.

Ids are deterministic (uuid5): the household from the commune code and the
household code; a member from those and the member's ID number, or else
name and birth date. Importing the same file twice yields the same ids, so the
register updates rather than duplicates. Each record keeps ``household_code``
(and ``listed_category`` when the list has one) as extra keys.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from desktop_app.domain.record import FORMAT, parse_record
from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.reports.excel_common import BORDER, DATE, HEAD_FILL, print_setup, safe_sheet_title, save_workbook
from desktop_app.domain.text import fold
from desktop_app.reports.formatting import match_key, resolve_lang
from desktop_app.reports.import_columns import BY_FIELD, header_aliases
from desktop_app.reports.import_values import CellReader, Household, Row, RowError, show_value
from desktop_app.reports.texts import value_label

#: uuid5(NAMESPACE_URL, "urn:commune-poverty-register:excel-import"). Never change it: the ids of
#: imported households and members are derived from it.
NAMESPACE = uuid.UUID("5398834a-635e-5720-844d-e74d0d86ceca")
HEADER_SCAN_ROWS = 20
_MEMBER_PATH = re.compile(r"members\[(\d+)\]\.(\w+)")
ERROR_FILL = PatternFill("solid", fgColor="FFD7D7")

@dataclass(slots=True)
class ImportResult:
    """Valid records (``household-record/1`` dicts, one per household, in file
    order) and the errors of the rejected households."""

    path: str
    sheet: str
    header_row: int
    headers: list[str]
    columns: dict[str, str]  # field -> header used
    records: list[dict[str, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows_read: int = 0
    households_read: int = 0
    rejected: list[str] = field(default_factory=list)  # household codes
    lang: str = "vi"
    rejected_rows: list[tuple[int, tuple, str]] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors


def load_mapping(source: Mapping[str, str] | str | os.PathLike | None, lang: str | None = None) -> dict[str, str]:
    """A column mapping ``{our field: their header}`` from a dict or a JSON file
    (field names: :data:`desktop_app.reports.import_columns.COLUMNS`)."""
    lang = resolve_lang(lang)
    if source is None:
        return {}
    if isinstance(source, Mapping):
        mapping = dict(source)
    else:
        try:
            mapping = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValidationError("mapping", str(exc), record=str(source)) from None
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            raise ValidationError("mapping", t("import.mapping_file", lang, file=str(source)), record=str(source))
    for key in mapping:
        if key not in BY_FIELD:
            raise ValidationError(f"mapping.{key}", t("import.mapping_field", lang, field=key,
                                                      fields=", ".join(BY_FIELD)))
    return mapping


def _find_header(rows: Sequence[tuple], explicit: Mapping[str, str]) -> tuple[int, dict[int, str]] | None:
    """(index of the header row, {column index: field}) or None."""
    aliases = header_aliases()
    wanted = {match_key(h): f for f, h in explicit.items()}
    best: tuple[int, dict[int, str]] | None = None
    for idx, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        colmap: dict[int, str] = {}
        for col, value in enumerate(row):
            key = match_key(value) if isinstance(value, str) else ""
            if not key:
                continue
            fieldname = wanted.get(key) or aliases.get(key)
            if fieldname is None:
                prefixes = [a for a in aliases if " " in a and key.startswith(a + " ")]
                if prefixes:
                    fieldname = aliases[max(prefixes, key=len)]
            if fieldname and fieldname not in colmap.values() and (fieldname not in explicit or key in wanted):
                colmap[col] = fieldname
        found = set(colmap.values())
        if {"household_code", "full_name"} <= found and (best is None or len(colmap) > len(best[1])):
            best = (idx, colmap)
    return best


def household_id(commune_code: str, household_code: str) -> str:
    """The deterministic id of an imported household."""
    return str(uuid.uuid5(NAMESPACE, f"household|{commune_code}|{_code_key(household_code)}"))


def member_id(commune_code: str, household_code: str, member_key: str) -> str:
    """The deterministic id of an imported member (``member_key``: see :func:`_member_key`)."""
    return str(uuid.uuid5(NAMESPACE, f"member|{commune_code}|{_code_key(household_code)}|{member_key}"))


def _code_key(code: str) -> str:
    return " ".join(str(code).split()).upper()


def _open_rows(path: Path, sheet: str | None, explicit: Mapping[str, str], lang: str):
    """(sheet name, all rows, header index, column map) of the first sheet with a header."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ValidationError("(file)", t("import.unreadable", lang, file=path.name, reason=exc),
                              record=str(path)) from None
    try:
        names = [sheet] if sheet else wb.sheetnames
        for name in names:
            ws = wb[name]
            head = list(ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True))
            found = _find_header(head, explicit)
            if found is None:
                continue
            idx, colmap = found
            rows = list(ws.iter_rows(values_only=True))
            for fieldname, header in explicit.items():
                if fieldname not in colmap.values():
                    raise ValidationError(f"mapping.{fieldname}", t("import.mapping_header", lang, header=header,
                                                                    field=fieldname), record=str(path))
            return name, rows, idx, colmap
    finally:
        wb.close()
    raise ValidationError("(header)", t("import.no_header", lang, file=path.name,
                                        code=t("import.field.household_code", lang),
                                        village=t("import.field.village", lang),
                                        name=t("import.field.full_name", lang)), record=str(path))


def read_household_workbook(path: str | os.PathLike, mapping: Mapping[str, str] | str | os.PathLike | None = None,
                            known_villages: Iterable[str] | None = None, *, commune_code: str,
                            sheet: str | None = None, defaults: Mapping[str, Any] | None = None,
                            lang: str | None = None, today: _dt.date | None = None) -> ImportResult:
    """Read and validate a household list workbook (one row per member).

    ``mapping``: ``{field: header}`` dict or JSON file overriding the default
    header matching; ``known_villages``: the commune's villages (a village not
    in it is an error; matching ignores accents, case and a "Thôn/Xóm/…"
    prefix, and the record gets the known spelling); ``defaults``: values for
    ``area``, ``region``, ``agricultural`` and the survey ``standard`` when the
    file has none. Raises :class:`ValidationError` when the file cannot be read
    or has no recognisable header; row problems go to ``result.errors``.
    """
    lang = resolve_lang(lang)
    path = Path(path)
    explicit = load_mapping(mapping, lang)
    defaults = dict(defaults or {})
    name, rows, idx, colmap = _open_rows(path, sheet, explicit, lang)
    headers = ["" if v is None else str(v) for v in rows[idx]]
    reader = CellReader(name, headers, colmap, lang, known_villages, today or _dt.date.today())
    result = ImportResult(path=str(path), sheet=name, header_row=idx + 1, headers=headers,
                          columns={f: headers[c] for c, f in colmap.items()}, lang=lang)
    households = _read_rows(reader, rows, idx, colmap)
    result.rows_read = sum(len(h.rows) for h in households)
    result.households_read = len(households)
    _check_duplicates(reader, households)
    has_relation = "relation" in colmap.values()
    for hh in households:
        _check_household(reader, hh, has_relation)
        record = None if _household_errors(hh) else _assemble(hh, commune_code, defaults)
        if record is not None:
            try:
                parse_record(record, label=hh.code)
            except ValidationError as exc:
                _record_error(reader, hh, exc)
                record = None
        if record is not None:
            result.records.append(record)
            continue
        result.rejected.append(hh.code)
        bad_rows = ", ".join(str(r.number) for r in hh.rows if r.errors)
        for row in hh.rows:
            result.errors += row.errors
            note = "; ".join(f"{e.column}: {e.problem}" for e in row.errors)
            if not row.errors:
                note = t("import.household_rejected", lang, rows=bad_rows)
            result.rejected_rows.append((row.number, row.raw, note))
    result.errors.sort(key=lambda e: e.row)
    result.rejected_rows.sort(key=lambda r: r[0])
    return result


def _read_rows(reader: CellReader, rows: list[tuple], idx: int, colmap: dict[int, str]) -> list[Household]:
    """Parse every non-empty row and group the rows by household code."""
    by_code: dict[str, Household] = {}
    previous: Household | None = None
    code_col = next(c for c, f in colmap.items() if f == "household_code")
    for offset, raw in enumerate(rows[idx + 1:], start=idx + 2):
        if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in raw):
            continue
        row = Row(offset, raw)
        code_value = raw[code_col] if code_col < len(raw) else None
        code = reader.parse(row, "household_code", code_value)
        if code is None:
            if previous is None:
                reader.error(row, "household_code", code_value, "import.no_code")
                code = f"?{offset}"
            else:
                code = previous.code
        key = _code_key(code)
        hh = by_code.get(key)
        if hh is None:
            hh = by_code[key] = Household(code)
        hh.rows.append(row)
        previous = hh
        for col, fieldname in colmap.items():
            if fieldname == "household_code" or col >= len(raw):
                continue
            value = reader.parse(row, fieldname, raw[col])
            if value is None:
                continue
            if BY_FIELD[fieldname].level == "member":
                row.values[fieldname] = value
            else:
                _merge(reader, hh, row, fieldname, value, raw[col])
    return list(by_code.values())


def _merge(reader: CellReader, hh: Household, row: Row, fieldname: str, value: Any, raw: Any) -> None:
    """Keep a household-level value from its first row; a different value later is an error."""
    seen = hh.values.get(fieldname)
    if seen is None:
        hh.values[fieldname] = (value, row.number)
        return
    other, where = seen
    same = fold(other) == fold(value) if isinstance(value, str) and isinstance(other, str) else other == value
    if not same:
        reader.error(row, fieldname, raw, "import.conflict", row=where, other=show_value(other))


def _check_duplicates(reader: CellReader, households: list[Household]) -> None:
    """The same ID number on several rows: an error on each of them."""
    rows_of: dict[str, list[Row]] = {}
    for hh in households:
        for row in hh.rows:
            number = row.values.get("id_number")
            if number:
                rows_of.setdefault(number, []).append(row)
    for number, rows in rows_of.items():
        if len(rows) > 1:
            for row in rows:
                others = ", ".join(str(r.number) for r in rows if r is not row)
                reader.error(row, "id_number", number, "import.duplicate_id", rows=others)


def _check_household(reader: CellReader, hh: Household, has_relation: bool) -> None:
    first = hh.rows[0]
    if "village" not in hh.values and not any(e.field == "village" for r in hh.rows for e in r.errors):
        reader.error(first, "village", None, "import.required")
    survey = [(hh.values[f][1], f) for f in _SURVEY_FIELDS if f in hh.values]
    if survey and "survey_date" not in hh.values and not any(e.field == "survey_date" for r in hh.rows
                                                              for e in r.errors):
        where = next(r for r in hh.rows if r.number == min(survey)[0])
        reader.error(where, "survey_date", None, "import.survey_without_date", column=reader.column("survey_date"))
    seen: dict[tuple[str, str], int] = {}
    for row in hh.rows:
        name = row.values.get("full_name")
        if name is None:
            if not any(e.field == "full_name" for e in row.errors):
                reader.error(row, "full_name", None, "import.required")
            continue
        key = (fold(name), row.values.get("birth_date") or "")
        if key in seen:
            reader.error(row, "full_name", name, "import.duplicate_member", row=seen[key])
        else:
            seen[key] = row.number
    if not has_relation and len(hh.rows) == 1:
        first.values["relation"] = "head"
    if any(e.field == "relation" for r in hh.rows for e in r.errors):
        return  # a relation that could not be read: counting heads would mislead
    heads = [r for r in hh.rows if r.values.get("relation") == "head"]
    head_label = value_label("relation", "head", reader.lang)
    if not heads:
        reader.error(first, "relation", reader.raw(first, "relation"), "import.no_head", code=hh.code, head=head_label)
    elif len(heads) > 1:
        numbers = ", ".join(str(r.number) for r in heads)
        for row in heads:
            reader.error(row, "relation", head_label, "import.many_heads", code=hh.code, count=len(heads),
                         rows=numbers)


def _household_errors(hh: Household) -> bool:
    return any(row.errors for row in hh.rows)


def _member_key(row: Row, used: set[str]) -> str:
    """Stable key of a member within the household: ID number, else name and birth date."""
    number = row.values.get("id_number")
    key = f"id|{number}" if number else f"name|{fold(row.values.get('full_name'))}|{row.values.get('birth_date') or ''}"
    base, n = key, 1
    while key in used:
        n += 1
        key = f"{base}#{n}"
    used.add(key)
    return key


_HOUSEHOLD_FIELDS = ("village", "address", "area", "agricultural")
_SURVEY_FIELDS = tuple(c for c in BY_FIELD if BY_FIELD[c].level == "survey" and c != "survey_date")


def _assemble(hh: Household, commune_code: str, defaults: Mapping[str, Any]) -> dict[str, Any] | None:
    """The household-record/1 dict of a household whose rows are all valid."""
    values = {k: v for k, (v, _) in hh.values.items()}
    record: dict[str, Any] = {
        "format": FORMAT, "household_id": household_id(commune_code, hh.code), "commune_code": commune_code,
        "household_code": hh.code,
    }
    for key in _HOUSEHOLD_FIELDS:
        record[key] = values.get(key, defaults.get(key))
    record["region"] = defaults.get("region")
    if "listed_category" in values:
        record["listed_category"] = values["listed_category"]
    used: set[str] = set()
    members = []
    for row in hh.rows:
        member = {"member_id": member_id(commune_code, hh.code, _member_key(row, used))}
        member.update(row.values)
        members.append(member)
    record["members"] = members
    survey_values = {k: values[k] for k in _SURVEY_FIELDS if k in values}
    if "survey_date" in values:
        record["survey"] = {"date": values["survey_date"], "standard": defaults.get("standard"), **survey_values}
    else:
        record["survey"] = None
    return record


def _record_error(reader: CellReader, hh: Household, exc: ValidationError) -> None:
    """Put an error of :func:`parse_record` on the row and column it came from."""
    m = _MEMBER_PATH.match(exc.field)
    if m:
        row = hh.rows[min(int(m.group(1)), len(hh.rows) - 1)]
        fieldname = m.group(2)
    else:
        fieldname = exc.field.split(".")[-1] if exc.field.startswith("survey.") else exc.field
        fieldname = "survey_date" if fieldname == "date" else fieldname
        where = hh.values.get(fieldname, (None, hh.rows[0].number))[1]
        row = next(r for r in hh.rows if r.number == where)
    row.errors.append(RowError(reader.sheet, row.number, reader.column(fieldname),
                               show_value(reader.raw(row, fieldname)), exc.problem, fieldname, reader.lang))


def write_rejection_report(result: ImportResult, path: str | os.PathLike, lang: str | None = None) -> None:
    """Write the rejected households' rows as they were read, with two added
    columns: the row number in the original file and "Lỗi" (what to fix); cells
    with an error are shaded. A second sheet lists every error. After fixing,
    the officer imports this file again (the added columns are ignored)."""
    lang = resolve_lang(lang or result.lang)
    wb = Workbook()
    ws = wb.active
    ws.title = safe_sheet_title(result.sheet)
    headers = result.headers + [t("import.col.source_row", lang), t("import.col.error", lang)]
    width = len(headers)
    for col, text in enumerate(headers, 1):
        cell = ws.cell(1, col, text)
        cell.font, cell.fill, cell.border = Font(bold=True), HEAD_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        longest = max([len(text)] + [len(show_value(raw[col - 1])) for _, raw, _ in result.rejected_rows[:200]
                                     if col - 1 < len(raw)])
        ws.column_dimensions[get_column_letter(col)].width = max(8, min(40, longest + 2))
    ws.column_dimensions[get_column_letter(width)].width = 70
    column_of = {h: i for i, h in enumerate(result.headers)}
    bad_cells: dict[int, set[int]] = {}
    for e in result.errors:
        if e.column in column_of:
            bad_cells.setdefault(e.row, set()).add(column_of[e.column])
    for r, (number, raw, note) in enumerate(result.rejected_rows, 2):
        for c, value in enumerate(raw[:len(result.headers)], 1):
            if value is None:
                continue
            cell = ws.cell(r, c, value)
            if isinstance(value, (_dt.date, _dt.datetime)):
                cell.number_format = DATE
            elif isinstance(value, str):
                cell.number_format = "@"
        for c in bad_cells.get(number, ()):
            ws.cell(r, c + 1).fill = ERROR_FILL
        ws.cell(r, width - 1, number)
        note_cell = ws.cell(r, width, note)
        note_cell.alignment = Alignment(wrap_text=True, vertical="top")
        if number in bad_cells or note and number in {e.row for e in result.errors}:
            note_cell.font = Font(color="9C0006")
    ws.freeze_panes = "A2"
    print_setup(ws, "1:1", t("report.page", lang, page="&P", pages="&N"))
    errors = wb.create_sheet(safe_sheet_title(t("import.errors_sheet", lang)))
    for col, (text, w) in enumerate(((t("import.col.row", lang), 8), (t("import.col.column", lang), 24),
                                     (t("import.col.value", lang), 24), (t("import.col.error", lang), 80)), 1):
        cell = errors.cell(1, col, text)
        cell.font, cell.fill, cell.border = Font(bold=True), HEAD_FILL, BORDER
        errors.column_dimensions[get_column_letter(col)].width = w
    for r, e in enumerate(result.errors, 2):
        errors.cell(r, 1, e.row)
        errors.cell(r, 2, e.column)
        errors.cell(r, 3, e.value).number_format = "@"
        errors.cell(r, 4, e.problem)
    errors.freeze_panes = "A2"
    save_workbook(wb, path)
