"""The support ledger as an Excel workbook (openpyxl).

One sheet "Sổ hỗ trợ": a title and subtitle, a header row, one row per
record (dates as real dates, VND as numbers formatted ``#,##0``), a total
row, frozen panes under the header, an auto filter, and a print setup (A4
landscape, fit to width, header repeated on every page). A second sheet sums
the year by programme and by funding source. The file is written atomically.
"""

from __future__ import annotations

import io
import os
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.errors import AppError
from desktop_app.fsutil import atomic_write_bytes
from desktop_app.i18n import t
from desktop_app.support import texts as _texts  # noqa: F401 - registers the messages

MONEY = "#,##0"
QTY = "#,##0.##"
DATE = "DD/MM/YYYY"
HEADER_ROW = 4
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
_TOTAL_FILL = PatternFill("solid", fgColor="F0F0F0")
_FONT = Font(name="Arial", size=10)
_BOLD = Font(name="Arial", size=10, bold=True)
_WRAP = Alignment(vertical="center", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

#: (message key, width, number format, attribute or callable)
COLUMNS = (
    ("support.col.no", 6, None), ("support.col.date", 12, DATE), ("support.col.household", 11, None),
    ("support.col.head", 22, None), ("support.col.village", 16, None), ("support.col.member", 22, None),
    ("support.col.programme", 30, None), ("support.col.amount", 15, MONEY), ("support.col.quantity", 10, QTY),
    ("support.col.unit", 10, None), ("support.col.source", 22, None), ("support.col.term", 10, "0"),
    ("support.col.purpose", 20, None), ("support.col.note", 28, None), ("support.col.recorded_by", 16, None),
)
AMOUNT_COL = 8


class ExportFailed(AppError):
    exit_code = 3


def _values(i: int, e, lang: str | None) -> list:
    member = e.member_name or t("support.whole_household", lang)
    return [i, e.date, e.household_code, e.head_name, e.village, member, e.programme_name, e.amount_vnd,
            e.quantity, e.unit, e.source_name, e.term_months, e.purpose, e.note, e.recorded_by]


def _head(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for c, label in enumerate(labels, start=1):
        cell = ws.cell(row=row, column=c, value=label)
        cell.font, cell.fill, cell.border, cell.alignment = _BOLD, _HEAD_FILL, _BORDER, _CENTER


def _print_setup(ws: Worksheet, last_col: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "&P/&N"


def build_ledger(entries: Sequence, *, commune: str, year: int | None, lang: str | None = None,
                 catalogue=None) -> Workbook:
    """The workbook of ``entries`` (:class:`SupportEntry`, in ledger order)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ hỗ trợ" if (lang or "vi") == "vi" else "Support ledger"
    ncol = len(COLUMNS)
    last = get_column_letter(ncol)
    ws["A1"] = t("support.ledger.title", lang)
    ws["A1"].font = Font(name="Arial", size=14, bold=True)
    ws["A2"] = (t("support.ledger.subtitle", lang, commune=commune, year=year) if year
                else t("support.ledger.subtitle_all", lang, commune=commune))
    ws["A2"].font = Font(name="Arial", size=10, italic=True)
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")
    _head(ws, HEADER_ROW, [t(key, lang) for key, _w, _f in COLUMNS])
    for c, (_key, width, _fmt) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    r = HEADER_ROW
    for i, e in enumerate(entries, start=1):
        r = HEADER_ROW + i
        for c, value in enumerate(_values(i, e, lang), start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.font, cell.border, cell.alignment = _FONT, _BORDER, _WRAP
            fmt = COLUMNS[c - 1][2]
            if fmt:
                cell.number_format = fmt
    total_row = r + 1
    ws.cell(row=total_row, column=2, value=t("support.ledger.total", lang)).font = _BOLD
    col = get_column_letter(AMOUNT_COL)
    total = ws.cell(row=total_row, column=AMOUNT_COL,
                    value=f"=SUM({col}{HEADER_ROW + 1}:{col}{max(total_row - 1, HEADER_ROW + 1)})"
                    if entries else 0)
    total.number_format, total.font = MONEY, _BOLD
    for c in range(1, ncol + 1):
        ws.cell(row=total_row, column=c).fill = _TOTAL_FILL
        ws.cell(row=total_row, column=c).border = _BORDER
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(total_row - 1, HEADER_ROW)}"
    _print_setup(ws, last)
    _totals_sheet(wb, entries, lang)
    return wb


def _totals_sheet(wb: Workbook, entries: Sequence, lang: str | None) -> None:
    ws = wb.create_sheet("Tổng hợp" if (lang or "vi") == "vi" else "Totals")
    ws["A1"] = t("support.ledger.title", lang)
    ws["A1"].font = Font(name="Arial", size=14, bold=True)
    r = 3
    for key, attr in (("support.col.programme", "programme_name"), ("support.col.source", "source_name")):
        _head(ws, r, [t(key, lang), t("support.col.no", lang), t("support.col.amount", lang)])
        groups: dict[str, list] = defaultdict(list)
        for e in entries:
            groups[getattr(e, attr)].append(e)
        for name, items in sorted(groups.items(), key=lambda kv: -sum(x.amount_vnd or 0 for x in kv[1])):
            r += 1
            ws.cell(row=r, column=1, value=name).border = _BORDER
            ws.cell(row=r, column=2, value=len(items)).border = _BORDER
            cell = ws.cell(row=r, column=3, value=sum(x.amount_vnd or 0 for x in items))
            cell.number_format, cell.border = MONEY, _BORDER
        r += 2
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 18
    _print_setup(ws, "C")


def write_ledger(path: str | os.PathLike, entries: Sequence, *, commune: str, year: int | None,
                 lang: str | None = None) -> Path:
    """Write the ledger workbook to ``path`` atomically; returns the path."""
    wb = build_ledger(entries, commune=commune, year=year, lang=lang)
    buf = io.BytesIO()
    wb.save(buf)
    try:
        atomic_write_bytes(path, buf.getvalue())
    except OSError as exc:
        raise ExportFailed(t("support.file_failed", path=path, error=exc)) from exc
    return Path(path)
