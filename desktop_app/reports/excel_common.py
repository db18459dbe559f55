"""Shared layout of the openpyxl sheets: title, two-level headers, number
formats, frozen panes and print setup (A4 landscape, fit to width, header rows
repeated on every printed page).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.fsutil import atomic_write_bytes

COUNT = "#,##0"
MONEY = "#,##0"
RATE = "0.0%"
DATE = "DD/MM/YYYY"
TEXT = "@"

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
TOTAL_FILL = PatternFill("solid", fgColor="F0F0F0")
TITLE_FONT = Font(name="Arial", size=14, bold=True)
SUBTITLE_FONT = Font(name="Arial", size=10, italic=True)
HEAD_FONT = Font(name="Arial", size=10, bold=True)
BODY_FONT = Font(name="Arial", size=10)
BOLD_FONT = Font(name="Arial", size=10, bold=True)
CENTER_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)

HEADER_ROW = 4  # first header row; rows 1-2 title and subtitle, row 3 blank


@dataclass(frozen=True, slots=True)
class XlColumn:
    """A column: header label, optional group label spanning adjacent columns
    with the same group, number format and width (characters)."""

    label: str
    fmt: str | None = None
    width: float = 12
    group: str | None = None


def safe_sheet_title(title: str) -> str:
    """A valid sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    for ch in "[]:*?/\\":
        title = title.replace(ch, "-")
    return title[:31]


def add_table_sheet(wb: Workbook, name: str, title: str, subtitle: str, columns: Sequence[XlColumn],
                    rows: Sequence[Sequence[Any]], total: Sequence[Any] | None = None,
                    notes: Sequence[str] = (), footer: str = "&P/&N") -> Worksheet:
    """A sheet with a title, two header rows (groups merged above their columns,
    ungrouped labels merged over both rows), formatted data, an optional bold
    total row, notes below, frozen panes and print setup."""
    ws = wb.create_sheet(safe_sheet_title(name))
    ncol = len(columns)
    last = get_column_letter(ncol)
    ws["A1"] = title
    ws["A1"].font = TITLE_FONT
    ws.merge_cells(f"A1:{last}1")
    ws["A2"] = subtitle
    ws["A2"].font = SUBTITLE_FONT
    ws.merge_cells(f"A2:{last}2")
    h1, h2 = HEADER_ROW, HEADER_ROW + 1
    c = 0
    while c < ncol:
        col = columns[c]
        letter = get_column_letter(c + 1)
        if col.group is None:
            ws.cell(h1, c + 1, col.label)
            ws.merge_cells(f"{letter}{h1}:{letter}{h2}")
            c += 1
            continue
        end = c
        while end + 1 < ncol and columns[end + 1].group == col.group:
            end += 1
        ws.cell(h1, c + 1, col.group)
        if end > c:
            ws.merge_cells(f"{letter}{h1}:{get_column_letter(end + 1)}{h1}")
        for k in range(c, end + 1):
            ws.cell(h2, k + 1, columns[k].label)
        c = end + 1
    for r in (h1, h2):
        for k in range(1, ncol + 1):
            cell = ws.cell(r, k)
            cell.font, cell.fill, cell.alignment, cell.border = HEAD_FONT, HEAD_FILL, CENTER_WRAP, BORDER
    ws.row_dimensions[h1].height = ws.row_dimensions[h2].height = 30
    r = h2 + 1
    for values in rows:
        _write_row(ws, r, values, columns, BODY_FONT)
        r += 1
    if total is not None:
        _write_row(ws, r, total, columns, BOLD_FONT, TOTAL_FILL)
        r += 1
    for note in notes:
        r += 1
        ws.cell(r, 1, note).font = SUBTITLE_FONT
    for k, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(k)].width = col.width
    ws.freeze_panes = f"B{h2 + 1}"
    print_setup(ws, f"{h1}:{h2}", footer)
    return ws


def _write_row(ws: Worksheet, r: int, values: Sequence[Any], columns: Sequence[XlColumn], font: Font,
               fill: PatternFill | None = None) -> None:
    for k, (value, col) in enumerate(zip(values, columns), 1):
        cell = ws.cell(r, k, value)
        cell.font, cell.border = font, BORDER
        if col.fmt:
            cell.number_format = col.fmt
        if k == 1:
            cell.alignment = LEFT_WRAP
        if fill is not None:
            cell.fill = fill


def print_setup(ws: Worksheet, title_rows: str, footer: str = "&P/&N") -> None:
    """A4 landscape, fit to one page wide, ``title_rows`` ("4:5") repeated on
    each page, ``footer`` (Excel codes: &P page, &N pages) at the bottom right."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.right.text = footer


def rate(part: int | None, whole: int | None) -> float | None:
    """``part / whole`` or ``None`` (blank cell) when the base is zero or unknown."""
    if part is None or not whole:
        return None
    return part / whole


def save_workbook(wb: Workbook, path: str | os.PathLike) -> None:
    """Save atomically (memory buffer, then :func:`atomic_write_bytes`)."""
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write_bytes(path, buf.getvalue())
