"""Reading the cells of an imported household list: one parser per column kind.

Used by :mod:`desktop_app.reports.excel_import`. A parser returns the record
value of a cell (codes, ``YYYY-MM-DD`` dates, 12-digit ID numbers, booleans,
numbers) or records a :class:`RowError` naming the sheet row, the column as
headed in the file, the value and the problem in the import's language.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any, Iterable

from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.reports.formatting import fmt_date, match_key
from desktop_app.reports.import_columns import (
    BY_FIELD, COLUMNS, FALSE_WORDS, TRUE_MARKS, TRUE_WORDS, choice_lookup, choice_table, column_label,
)

_VILLAGE_PREFIXES = ("thon ", "xom ", "ban ", "ap ", "to dan pho ", "to ", "khu pho ", "khom ", "buon ", "lang ",
                     "phum ", "soc ", "khu ")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


def _m(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


MESSAGES = {
    "import.error_line": _m("Dòng {row}, cột «{column}» («{value}»): {problem}",
                            "Row {row}, column '{column}' ('{value}'): {problem}"),
    "import.unreadable": _m("Không đọc được tệp Excel {file}: {reason}. Hãy lưu tệp dưới dạng .xlsx rồi thử lại.",
                            "Cannot read the Excel file {file}: {reason}. Save it as .xlsx and try again."),
    "import.no_header": _m(
        "Không tìm thấy dòng tiêu đề trong tệp {file}: cần ít nhất các cột «{code}», «{village}» và «{name}». "
        "Hãy dùng tệp mẫu hoặc khai báo ánh xạ cột.",
        "No header row found in {file}: it needs at least the columns '{code}', '{village}' and '{name}'. "
        "Use the template or give a column mapping."),
    "import.mapping_field": _m("ánh xạ cột có trường «{field}» không tồn tại; các trường hợp lệ: {fields}",
                               "the column mapping names an unknown field '{field}'; known fields: {fields}"),
    "import.mapping_header": _m("không thấy cột «{header}» (ánh xạ cho trường «{field}») trong dòng tiêu đề",
                                "column '{header}' (mapped to field '{field}') is not in the header row"),
    "import.mapping_file": _m("tệp ánh xạ cột {file} phải là một đối tượng JSON {{\"trường\": \"tiêu đề cột\"}}",
                              "the column mapping file {file} must be a JSON object {{\"field\": \"column header\"}}"),
    "import.required": _m("không được để trống", "must not be empty"),
    "import.bad_date": _m("ngày không hợp lệ; ghi dd/mm/yyyy (ví dụ 12/04/1979), yyyy-mm-dd hoặc chỉ năm yyyy",
                          "not a valid date; write dd/mm/yyyy (e.g. 12/04/1979), yyyy-mm-dd or the year alone"),
    "import.future_date": _m("ngày sinh sau ngày hôm nay", "the birth date is after today"),
    "import.survey_date_full": _m("ngày rà soát phải ghi đủ ngày, tháng, năm (dd/mm/yyyy)",
                                  "the survey date needs day, month and year (dd/mm/yyyy)"),
    "import.bad_id": _m("số CCCD phải gồm đúng 12 chữ số (đang có {digits} chữ số)",
                        "a citizen ID number has exactly 12 digits (this one has {digits})"),
    "import.duplicate_id": _m("số CCCD trùng với dòng {rows}", "the citizen ID number also appears on row {rows}"),
    "import.duplicate_member": _m("trùng với thành viên ở dòng {row} (cùng họ tên và ngày sinh)",
                                  "same member as row {row} (same name and birth date)"),
    "import.unknown_village": _m("thôn không có trong danh sách thôn của xã ({known})",
                                 "the village is not in the commune's list ({known})"),
    "import.no_head": _m("hộ «{code}» chưa có chủ hộ: cần đúng một thành viên có quan hệ «{head}»",
                         "household '{code}' has no head: exactly one member must have the relation '{head}'"),
    "import.many_heads": _m("hộ «{code}» có {count} chủ hộ (dòng {rows}); mỗi hộ chỉ có một chủ hộ",
                            "household '{code}' has {count} heads (rows {rows}); a household has exactly one"),
    "import.bad_choice": _m("giá trị không hợp lệ; dùng một trong: {choices}", "not allowed; use one of: {choices}"),
    "import.bad_bool": _m("ghi «Có» hoặc «Không» (để trống nếu chưa rõ)", "write 'Yes' or 'No' (blank when unknown)"),
    "import.bad_number": _m("phải là số không âm", "must be a number, not negative"),
    "import.bad_int": _m("phải là số nguyên không âm", "must be a whole number, not negative"),
    "import.conflict": _m("khác với dòng {row} của cùng hộ («{other}»)",
                          "differs from row {row} of the same household ('{other}')"),
    "import.survey_without_date": _m("có thông tin phiếu B nhưng thiếu «{column}»",
                                     "Form B answers are given but '{column}' is missing"),
    "import.no_code": _m("thiếu mã hộ và không có dòng nào phía trên để ghép vào",
                         "no household code and no row above to join"),
    "import.household_rejected": _m("hộ bị từ chối do lỗi ở dòng {rows}", "household rejected because of row {rows}"),
    "import.col.error": _m("Lỗi", "Error"),
    "import.col.source_row": _m("Dòng trong tệp gốc", "Row in the original file"),
    "import.col.row": _m("Dòng", "Row"),
    "import.col.column": _m("Cột", "Column"),
    "import.col.value": _m("Giá trị", "Value"),
    "import.errors_sheet": _m("Danh sách lỗi", "Errors"),
}
register(MESSAGES)


@dataclass(slots=True)
class RowError:
    """A problem on one row: sheet, row number (as Excel shows it), column
    header, the value found and the problem (in the import's language)."""

    sheet: str
    row: int
    column: str
    value: str
    problem: str
    field: str | None = None
    lang: str = "vi"

    @property
    def text(self) -> str:
        return t("import.error_line", self.lang, row=self.row, column=self.column, value=self.value,
                 problem=self.problem)


class Row:
    """One sheet row: its number as Excel shows it, the raw cells, the member's
    parsed values and the problems found."""

    __slots__ = ("number", "raw", "values", "errors")

    def __init__(self, number: int, raw: tuple):
        self.number, self.raw = number, raw
        self.values: dict[str, Any] = {}
        self.errors: list[RowError] = []


class Household:
    """The rows sharing a household code, and its household-level values
    (each with the row it was read from)."""

    __slots__ = ("code", "rows", "values")

    def __init__(self, code: str):
        self.code = code
        self.rows: list[Row] = []
        self.values: dict[str, tuple[Any, int]] = {}  # household/survey field -> (value, row)


class CellReader:
    """Parses cells of one file, reporting problems in ``lang``."""

    def __init__(self, sheet: str, headers: list[str], colmap: dict[int, str], lang: str,
                 known_villages: Iterable[str] | None, today: _dt.date):
        self.sheet, self.lang, self.today = sheet, lang, today
        self.header_of = {f: headers[c] for c, f in colmap.items()}
        self.col_of = {f: c for c, f in colmap.items()}
        self.lookups = {c.field: choice_lookup(c.field) for c in COLUMNS if c.kind in ("choice", "choices")}
        self.key_cache: dict[str, str] = {}
        self.villages: dict[str, str] | None = None
        self.known = list(known_villages) if known_villages is not None else None
        if self.known is not None:
            self.villages = {}
            for name in self.known:
                self.villages.setdefault(match_key(name), name)
            for name in self.known:
                self.villages.setdefault(_strip_prefix(match_key(name)), name)

    def key(self, s: str) -> str:
        """:func:`match_key`, cached: the same few values repeat on thousands of rows."""
        v = self.key_cache.get(s)
        if v is None:
            v = self.key_cache[s] = match_key(s)
        return v

    def error(self, row: Row, fieldname: str, value: Any, key: str, /, **params: Any) -> None:
        row.errors.append(RowError(self.sheet, row.number, self.column(fieldname), show_value(value),
                                   t(key, self.lang, **params), fieldname, self.lang))

    def column(self, fieldname: str) -> str:
        """The column's header as in the file, else the field's label."""
        if fieldname in self.header_of:
            return self.header_of[fieldname]
        return column_label(fieldname, self.lang) if fieldname in BY_FIELD else fieldname

    def raw(self, row: "Row", fieldname: str) -> Any:
        """The cell of ``row`` in the column of ``fieldname`` (None when absent)."""
        col = self.col_of.get(fieldname)
        return row.raw[col] if col is not None and col < len(row.raw) else None

    def parse(self, row: Row, fieldname: str, value: Any) -> Any:
        """The record value of one cell, or None (blank or wrong; errors noted)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        kind = BY_FIELD[fieldname].kind
        try:
            return getattr(self, f"_{kind}")(row, fieldname, value)
        except _Bad as bad:
            self.error(row, fieldname, value, bad.key, **bad.params)
            return None

    def _text(self, row: Row, fieldname: str, value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, (_dt.date, _dt.datetime)):
            return fmt_date(value)
        text = " ".join(str(value).split())
        if fieldname == "village" and self.villages is not None:
            key = self.key(text)
            match = self.villages.get(key) or self.villages.get(_strip_prefix(key))
            if match is None:
                raise _Bad("import.unknown_village", known=", ".join(self.known or ()))
            return match
        return text

    def _id(self, row: Row, fieldname: str, value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            text = str(value)
            if len(text) in (10, 11):
                text = text.zfill(12)
        else:
            text = "".join(str(value).split()).replace(".", "").replace("-", "")
        if not (text.isdigit() and len(text) == 12):
            raise _Bad("import.bad_id", digits=sum(ch.isdigit() for ch in text))
        return text

    def _date(self, row: Row, fieldname: str, value: Any) -> str:
        text = _parse_date(value)
        if text is None:
            raise _Bad("import.bad_date")
        if len(text) == 10 and _dt.date.fromisoformat(text) > self.today:
            raise _Bad("import.future_date")
        if len(text) == 4 and int(text) > self.today.year:
            raise _Bad("import.future_date")
        return text

    def _survey_date(self, row: Row, fieldname: str, value: Any) -> str:
        text = _parse_date(value)
        if text is None:
            raise _Bad("import.bad_date")
        if len(text) == 4:
            raise _Bad("import.survey_date_full")
        return text

    def _choice(self, row: Row, fieldname: str, value: Any) -> str:
        code = self.lookups[fieldname].get(self.key(str(value)))
        if code is None:
            raise _Bad("import.bad_choice", choices=self._allowed(fieldname))
        return code

    def _allowed(self, fieldname: str) -> str:
        k = 0 if self.lang == "vi" else 1
        return ", ".join(pair[k] for pair in choice_table(fieldname).values())

    def _choices(self, row: Row, fieldname: str, value: Any) -> list[str]:
        lookup, out = self.lookups[fieldname], []
        for piece in re.split(r"[;\n]", str(value)):
            if not piece.strip():
                continue
            code = lookup.get(self.key(piece))
            parts = [code] if code else [lookup.get(self.key(p)) for p in piece.split(",") if p.strip()]
            if not parts or None in parts:
                raise _Bad("import.bad_choice", choices=self._allowed(fieldname))
            out += [p for p in parts if p not in out]
        return out

    def _bool(self, row: Row, fieldname: str, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        text = str(value).strip()
        if text in TRUE_MARKS:
            return True
        key = self.key(text)
        if key in TRUE_WORDS:
            return True
        if key in FALSE_WORDS:
            return False
        raise _Bad("import.bad_bool")

    def _int(self, row: Row, fieldname: str, value: Any) -> int:
        number = _parse_number(value)
        if number is None or number < 0 or not float(number).is_integer():
            raise _Bad("import.bad_int")
        return int(number)

    def _number(self, row: Row, fieldname: str, value: Any) -> int | float:
        number = _parse_number(value)
        if number is None or number < 0:
            raise _Bad("import.bad_number")
        return int(number) if float(number).is_integer() else number



class _Bad(Exception):
    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key, self.params = key, params


def _strip_prefix(key: str) -> str:
    for prefix in _VILLAGE_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def show_value(value: Any) -> str:
    """A cell value as the officer sees it (dates dd/mm/yyyy, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return fmt_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _parse_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY`` from a date cell, a year number or text; None if invalid."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat() if value.year >= 1850 else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 1850 <= value <= 2200:
            return str(int(value))
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return text if 1850 <= int(text) <= 2200 else None
    m = _DMY.fullmatch(text)
    if m:
        d, mo, y = (int(x) for x in m.groups())
    else:
        m = _YMD.fullmatch(text)
        if not m:
            return None
        y, mo, d = (int(x) for x in m.groups())
    try:
        date = _dt.date(y, mo, d)
    except ValueError:
        return None
    return date.isoformat() if y >= 1850 else None


def _parse_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = "".join(str(value).split())
    m = _THOUSANDS.fullmatch(text)
    if m:
        text = text.replace(m.group(1), "")
    elif "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number == number and number not in (float("inf"), float("-inf")) else None
