"""Columns of the household import workbook, how their values are read, and
the downloadable template.

Layout: ONE ROW PER MEMBER. Every row carries the household code ("Mã hộ");
rows with the same code form one household, whether adjacent or not. Household
columns (village, address, area, survey answers …) may be repeated on every
row of the household or written only on its first row; a row with an empty
household code continues the household of the row above (lists where the
household's first row holds the code and the following member rows are blank).

Each household needs exactly one member whose relation is "Chủ hộ"; a file
without a relation column is accepted when every household has one row (that
member is the head).

Headers are matched accent- and case-insensitively against the Vietnamese and
English names below and a few common variants ("Họ tên", "Năm sinh", "CCCD",
…); a header with a note after the name ("Ngày sinh (dd/mm/yyyy)") also
matches. An explicit mapping ``{field: header}`` (dict or JSON file) overrides
the default for the fields it names.

Values: codes of ``spec/household-record.md`` or their Vietnamese/English labels
("Nữ", "female"); Có/Không (x, yes/no, 1/0) for yes/no columns; blank means
unknown. Dates as dd/mm/yyyy, yyyy-mm-dd, a year alone, or an Excel date cell.
Citizen ID numbers must have 12 digits; the template formats that column (and
the dates) as text so Excel keeps leading zeros and does not swap day and
month. A number cell of 10 or 11 digits is read as an ID whose leading zeros
Excel dropped (every CCCD begins with a 0 province code) and padded back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.reports.excel_common import BORDER, HEAD_FILL, TEXT, print_setup, save_workbook
from desktop_app.domain.labels import field_label, values_of
from desktop_app.reports.formatting import fmt_date, match_key, resolve_lang
from desktop_app.reports.texts import CATEGORIES, value_label


@dataclass(frozen=True, slots=True)
class ImportColumn:
    """One importable field. ``level``: household, member or survey; ``kind``:
    text, id, date, survey_date, choice, choices (a list), bool, int, number."""

    field: str
    level: str
    kind: str
    vi: str
    en: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    width: float = 14


def _c(field: str, level: str, kind: str, vi: str, en: str, *aliases: str, required: bool = False,
       width: float = 14) -> ImportColumn:
    return ImportColumn(field, level, kind, vi, en, aliases, required, width)


COLUMNS: tuple[ImportColumn, ...] = (
    _c("household_code", "household", "text", "Mã hộ", "Household code", "ma ho gia dinh", "ma so ho", "so ho",
       "ma ho gd", "household", required=True, width=11),
    _c("village", "household", "text", "Thôn, tổ dân phố", "Village", "thon", "thon xom", "xom", "ban", "ap",
       "to dan pho", "thon to", "thon ban", "village name", required=True, width=16),
    _c("address", "household", "text", "Địa chỉ", "Address", "dia chi cu tru", "noi o", width=18),
    _c("full_name", "member", "text", "Họ và tên", "Full name", "ho ten", "ho ten thanh vien", "ho va ten thanh vien",
       "name", required=True, width=24),
    _c("relation", "member", "choice", "Quan hệ với chủ hộ", "Relation to head", "quan he", "quan he chu ho",
       "relation", width=14),
    _c("sex", "member", "choice", "Giới tính", "Sex", "gioi", "gender", "nam nu", width=9),
    _c("birth_date", "member", "date", "Ngày sinh", "Birth date", "ngay thang nam sinh", "nam sinh",
       "ngay sinh nam sinh", "date of birth", "birth year", width=12),
    _c("id_number", "member", "id", "Số CCCD", "Citizen ID", "cccd", "so can cuoc", "so can cuoc cong dan",
       "so dinh danh", "so dinh danh ca nhan", "cmnd cccd", "so cmnd cccd", "id number", width=15),
    _c("ethnicity", "member", "text", "Dân tộc", "Ethnicity", "ethnic group", width=10),
    _c("able_to_work", "member", "bool", "Có khả năng lao động", "Able to work", "kha nang lao dong", width=11),
    _c("disability", "member", "choice", "Khuyết tật", "Disability", "muc do khuyet tat", width=11),
    _c("employment", "member", "choice", "Việc làm", "Employment", "tinh trang viec lam", width=20),
    _c("health_insurance", "member", "bool", "Có thẻ BHYT", "Health insurance", "bhyt", "the bhyt", "bao hiem y te",
       width=9),
    _c("education", "member", "choice", "Trình độ học vấn", "Education", "trinh do", "hoc van", width=16),
    _c("studying", "member", "bool", "Đang đi học, đào tạo", "Studying", "dang di hoc", "dang hoc", width=10),
    _c("vocational_certificate", "member", "bool", "Được đào tạo tại nơi làm việc", "On-the-job training",
       "dao tao tai noi lam viec", width=12),
    _c("in_school", "member", "bool", "Trẻ 3-15 tuổi đi học đúng cấp", "Child in school", "tre di hoc",
       "di hoc dung cap", width=12),
    _c("nutrition", "member", "choice", "Dinh dưỡng trẻ dưới 16 tuổi", "Child nutrition", "dinh duong", width=12),
    _c("meritorious", "member", "bool", "Người có công", "Meritorious service", "nguoi co cong voi cach mang",
       width=10),
    _c("social_protection", "member", "bool", "Đối tượng bảo trợ xã hội", "Social protection", "bao tro xa hoi",
       "doi tuong btxh", width=11),
    _c("area", "household", "choice", "Khu vực", "Area", "nong thon thanh thi", width=11),
    _c("agricultural", "household", "bool", "Hộ nông nghiệp", "Agricultural household", "ho nong lam ngu nghiep",
       width=10),
    _c("listed_category", "household", "choice", "Loại hộ hiện tại", "Current category", "loai ho", "phan loai ho",
       "phan loai", width=14),
    _c("survey_date", "survey", "survey_date", "Ngày rà soát", "Survey date", "ngay dieu tra", width=12),
    _c("score_a", "survey", "int", "Điểm A (tổng điểm B1)", "Score A (B1 total)", "diem a", "tong diem b1", width=10),
    _c("income_per_capita", "survey", "number", "Thu nhập bình quân (đồng/người/tháng)", "Income per capita",
       "thu nhap binh quan", "thu nhap binh quan dau nguoi", width=14),
    _c("house_none", "survey", "bool", "Không có nhà ở", "No dwelling", "khong co nha", width=10),
    _c("walls_durable", "survey", "bool", "Tường bền chắc", "Durable walls", "tuong", width=10),
    _c("columns_durable", "survey", "bool", "Cột bền chắc", "Durable columns", "cot", width=10),
    _c("roof_durable", "survey", "bool", "Mái bền chắc", "Durable roof", "mai", width=10),
    _c("floor_area_m2", "survey", "number", "Diện tích nhà ở (m2)", "Floor area (m2)", "dien tich nha",
       "dien tich nha o", width=10),
    _c("water_source", "survey", "choice", "Nguồn nước sinh hoạt", "Water source", "nguon nuoc", width=16),
    _c("latrine", "survey", "choice", "Loại nhà tiêu", "Latrine", "nha tieu", "nha ve sinh", width=14),
    _c("internet_use", "survey", "bool", "Có sử dụng internet", "Uses internet", "internet", width=10),
    _c("info_devices", "survey", "choices", "Phương tiện tiếp cận thông tin", "Information devices",
       "phuong tien thong tin", width=18),
    _c("hears_loudspeaker", "survey", "bool", "Nghe được loa truyền thanh", "Hears loudspeakers",
       "loa truyen thanh", width=11),
    _c("poverty_causes", "survey", "choices", "Nguyên nhân nghèo", "Causes of poverty", "nguyen nhan", width=22),
)
BY_FIELD: dict[str, ImportColumn] = {c.field: c for c in COLUMNS}

#: which group of :mod:`desktop_app.domain.labels` a choice column uses
CHOICE_TABLE = {"listed_category": "category"}
#: extra accepted spellings (matching keys) of coded values, besides codes and labels
EXTRA_VALUES: dict[str, dict[str, tuple[str, ...]]] = {
    "sex": {"male": ("m", "trai"), "female": ("nu", "f", "gai")},
    "relation": {"head": ("chu ho", "ch"), "spouse": ("vo", "chong", "vo chong"),
                 "child": ("con", "con de", "con nuoi"),
                 "parent": ("bo", "me", "cha", "cha me", "bo me", "bo de", "me de"),
                 "grandchild": ("chau", "chau noi", "chau ngoai"), "sibling": ("anh", "chi", "em", "anh chi em")},
    "area": {"rural": ("nt",), "urban": ("do thi", "tt", "thanh pho")},
    "disability": {"none": ("khong", "khong khuyet tat")},
    "category": {"poor": ("ngheo", "hn"), "near_poor": ("can ngheo", "hcn"), "middle": ("trung binh",),
                 "not_poor": ("khong ngheo",)},
    "info_devices": {"tv": ("tivi", "tv", "truyen hinh"), "computer": ("may vi tinh",)},
    "employment": {"wage_with_contract": ("lam cong co hop dong", "co hop dong"),
                   "wage_without_contract": ("lam cong khong co hop dong", "khong hop dong"),
                   "not_in_labour_force": ("khong tham gia lao dong",)},
    "education": {"none": ("chua tot nghiep tieu hoc", "chua di hoc", "khong"),
                  "vocational_intermediate": ("trung cap nghe",), "university": ("dai hoc", "sau dai hoc")},
    "nutrition": {"stunted": ("thap coi",), "underweight": ("nhe can",)},
    "latrine": {"ventilated_pit": ("ho xi thong hoi",), "unimproved_pit": ("ho xi khong hop ve sinh",),
                "none": ("khong co", "khong")},
    "water_source": {"other": ("khac",)},
}
TRUE_WORDS = frozenset({"co", "c", "x", "yes", "y", "true", "1", "dung"})
TRUE_MARKS = frozenset({"✓", "✔", "☑", "☒"})
FALSE_WORDS = frozenset({"khong", "k", "ko", "no", "n", "false", "0", "sai"})


def choice_table(field: str) -> dict[str, tuple[str, str]]:
    """Codes and (vi, en) labels of a choice column."""
    group = CHOICE_TABLE.get(field, field)
    codes = CATEGORIES[:4] if group == "category" else values_of(group)
    return {code: (value_label(group, code, "vi"), value_label(group, code, "en")) for code in codes}


def choice_lookup(field: str) -> dict[str, str]:
    """Matching key -> code for a choice column (codes, both labels, variants)."""
    group = CHOICE_TABLE.get(field, field)
    out: dict[str, str] = {}
    for code, (vi, en) in choice_table(field).items():
        for spelling in (code, vi, en):
            out.setdefault(match_key(spelling), code)
    for code, spellings in EXTRA_VALUES.get(group, {}).items():
        for spelling in spellings:
            out.setdefault(match_key(spelling), code)
    return out


def header_aliases() -> dict[str, str]:
    """Matching key of a header -> field: both languages, the field key, the
    shared field label of :mod:`desktop_app.domain.labels` and variants."""
    out: dict[str, str] = {}
    for col in COLUMNS:
        for spelling in (col.vi, col.en, col.field, field_label(col.field, "vi"), field_label(col.field, "en"),
                         *col.aliases):
            out.setdefault(match_key(spelling), col.field)
    return out


def _m(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    "import.template.sheet": _m("Danh sách thành viên", "Members"),
    "import.template.help_sheet": _m("Hướng dẫn", "Instructions"),
    "import.template.values_sheet": _m("Giá trị", "Values"),
    "import.template.help_title": _m("HƯỚNG DẪN ĐIỀN DANH SÁCH HỘ GIA ĐÌNH", "HOW TO FILL IN THE HOUSEHOLD LIST"),
    "import.template.help_intro": _m(
        "Mỗi dòng là một thành viên. Các thành viên cùng hộ ghi cùng «Mã hộ»; thông tin của hộ (thôn, địa chỉ, "
        "phiếu B…) ghi ở dòng đầu của hộ hoặc lặp lại ở mọi dòng. Dòng để trống «Mã hộ» được ghép vào hộ ở dòng "
        "trên. Ô để trống nghĩa là chưa rõ. Mỗi hộ có đúng một người «Chủ hộ».",
        "One row per member. Members of a household share the same household code; household information "
        "(village, address, Form B …) goes on the household's first row or is repeated on every row. A row with an "
        "empty household code belongs to the household above. A blank cell means unknown. Each household has "
        "exactly one head."),
    "import.template.col": _m("Cột", "Column"),
    "import.template.required": _m("Bắt buộc", "Required"),
    "import.template.how": _m("Cách ghi", "How to fill in"),
    "import.template.field": _m("Tên trường (ánh xạ)", "Field (mapping)"),
    "import.how.text": _m("Chữ", "Text"),
    "import.how.id": _m("Đúng 12 chữ số, ghi dạng chữ (giữ số 0 ở đầu)",
                        "Exactly 12 digits, as text (keep leading zeros)"),
    "import.how.date": _m("dd/mm/yyyy (ví dụ 12/04/1979), yyyy-mm-dd hoặc chỉ năm sinh yyyy",
                          "dd/mm/yyyy (e.g. 12/04/1979), yyyy-mm-dd, or the year alone"),
    "import.how.survey_date": _m("dd/mm/yyyy; bắt buộc khi có thông tin phiếu B",
                                 "dd/mm/yyyy; required with Form B answers"),
    "import.how.bool": _m("Có / Không (để trống nếu chưa rõ)", "Yes / No (blank when unknown)"),
    "import.how.int": _m("Số nguyên", "Whole number"),
    "import.how.number": _m("Số (ví dụ 1.500.000 hoặc 25,5)", "Number (e.g. 1500000 or 25.5)"),
    "import.how.choice": _m("Một trong: {values}", "One of: {values}"),
    "import.how.choices": _m("Một hoặc nhiều, cách nhau bởi dấu chấm phẩy: {values}",
                             "One or more, separated by semicolons: {values}"),
}
for _col in COLUMNS:
    MESSAGES[f"import.field.{_col.field}"] = _m(_col.vi, _col.en)
register(MESSAGES)


def column_label(field: str, lang: str) -> str:
    return t(f"import.field.{field}", lang)


def how_to_fill(col: ImportColumn, lang: str) -> str:
    """The instruction text of a column (allowed values listed for choices)."""
    if col.kind in ("choice", "choices"):
        values = ", ".join(labels[0 if lang == "vi" else 1] for labels in choice_table(col.field).values())
        return t(f"import.how.{col.kind}", lang, values=values)
    return t(f"import.how.{col.kind}", lang)


def write_import_template(path: str | os.PathLike, lang: str | None = None,
                          rows: Iterable[Mapping[str, Any]] = ()) -> None:
    """Write the template workbook: the member sheet (header row, text-formatted
    ID and date columns, drop-down lists for coded columns), the instructions
    and the allowed values. ``rows`` (``{field: value}`` with codes, e.g. from
    :func:`record_rows`) pre-fills it for correction and re-import."""
    lang = resolve_lang(lang)
    wb = Workbook()
    ws = wb.active
    ws.title = t("import.template.sheet", lang)
    values_ws = wb.create_sheet(t("import.template.values_sheet", lang))
    help_ws = wb.create_sheet(t("import.template.help_sheet", lang))
    head_font, bold = Font(bold=True, color="9C0006"), Font(bold=True)
    last_row = 2000
    value_col = 0
    for i, col in enumerate(COLUMNS, 1):
        letter = get_column_letter(i)
        cell = ws.cell(1, i, column_label(col.field, lang) + (" (*)" if col.required else ""))
        cell.font, cell.fill, cell.border = head_font if col.required else bold, HEAD_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[letter].width = col.width
        if col.kind in ("id", "date", "survey_date", "text"):
            ws.column_dimensions[letter].number_format = TEXT
        if col.kind in ("choice", "bool"):
            value_col += 1
            vletter = get_column_letter(value_col)
            if col.kind == "bool":
                labels = [t("report.yes", lang), t("report.no", lang)]
            else:
                labels = [pair[0 if lang == "vi" else 1] for pair in choice_table(col.field).values()]
            values_ws.cell(1, value_col, column_label(col.field, lang)).font = bold
            for r, text in enumerate(labels, 2):
                values_ws.cell(r, value_col, text)
            dv = DataValidation(type="list", allow_blank=True, showErrorMessage=False,
                                formula1=f"'{values_ws.title}'!${vletter}$2:${vletter}${len(labels) + 1}")
            dv.add(f"{letter}2:{letter}{last_row}")
            ws.add_data_validation(dv)
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = "E2"
    print_setup(ws, "1:1", t("report.page", lang, page="&P", pages="&N"))
    for r, row in enumerate(rows, 2):
        for i, (col, value) in enumerate(zip(COLUMNS, template_values(row, lang)), 1):
            if value is not None:
                cell = ws.cell(r, i, value)
                if col.kind in ("id", "date", "survey_date"):
                    cell.number_format = TEXT
    _write_help(help_ws, lang)
    save_workbook(wb, path)


def record_rows(records: Iterable[Mapping[str, Any]]) -> Iterable[dict[str, Any]]:
    """Template rows (one per member, codes as values) of ``household-record/1``
    dicts; the household code is the record's ``household_code`` (kept by the
    importer) or else its ``household_id``."""
    for rec in records:
        survey = rec.get("survey") or {}
        base = {f: rec.get(f) for f in ("village", "address", "area", "agricultural", "listed_category")}
        base["household_code"] = rec.get("household_code") or rec.get("household_id")
        base.update({c.field: survey.get(c.field) for c in COLUMNS if c.level == "survey"})
        base["survey_date"] = survey.get("date")
        for member in rec.get("members") or ():
            row = dict(base)
            row.update({c.field: member.get(c.field) for c in COLUMNS if c.level == "member"})
            yield row


def template_values(row: Mapping[str, Any], lang: str = "vi") -> list[Any]:
    """One template row, in :data:`COLUMNS` order, of ``{field: value}`` with
    record codes: values as an officer types them (labels, Có/Không, dd/mm/yyyy)."""
    out = []
    for col in COLUMNS:
        value = row.get(col.field)
        out.append(None if value is None else _display(col, value, lang))
    return out


def _display(col: ImportColumn, value: Any, lang: str) -> Any:
    """A record value as the officer would type it (labels, Có/Không, dd/mm/yyyy)."""
    k = 0 if lang == "vi" else 1
    if col.kind == "bool":
        return t("report.yes" if value else "report.no", lang)
    if col.kind == "choice":
        return choice_table(col.field).get(value, (value, value))[k]
    if col.kind == "choices":
        table = choice_table(col.field)
        return "; ".join(table.get(v, (v, v))[k] for v in value)
    if col.kind in ("date", "survey_date"):
        return fmt_date(value)
    return value


def _write_help(ws, lang: str) -> None:  # noqa: ANN001 - openpyxl worksheet
    ws["A1"] = t("import.template.help_title", lang)
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = t("import.template.help_intro", lang)
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A2:D2")
    ws.row_dimensions[2].height = 75
    heads = [t("import.template.col", lang), t("import.template.required", lang), t("import.template.how", lang),
             t("import.template.field", lang)]
    for i, text in enumerate(heads, 1):
        cell = ws.cell(4, i, text)
        cell.font, cell.fill, cell.border = Font(bold=True), PatternFill("solid", fgColor="DDE4EE"), BORDER
    for r, col in enumerate(COLUMNS, 5):
        ws.cell(r, 1, column_label(col.field, lang))
        ws.cell(r, 2, t("report.yes", lang) if col.required else "")
        ws.cell(r, 3, how_to_fill(col, lang)).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(r, 4, col.field)
    for letter, width in zip("ABCD", (34, 10, 80, 22)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A5"
