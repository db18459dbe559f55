"""Building blocks of the PDF reports: styles, cells, tables, header, signatures,
and the "Trang x/y" page numbering.

Every PDF is A4 (portrait or landscape), uses the embedded DejaVu fonts and is
built in memory, then written atomically (:func:`desktop_app.fsutil.atomic_write_bytes`).
"""

from __future__ import annotations

import datetime as _dt
import bisect
import functools
import io
import os
from dataclasses import dataclass
from typing import Any, Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop_app import APP_NAME, __version__
from desktop_app.fsutil import atomic_write_bytes
from desktop_app.i18n import t
from desktop_app.reports.data import Commune
from desktop_app.reports.fonts import CONDENSED, CONDENSED_BOLD, MONO, SANS, SANS_BOLD, ensure_fonts
from desktop_app.reports.formatting import fmt_date, nfc

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN = 12 * mm
GRID = colors.HexColor("#555555")
HEAD_BG = colors.HexColor("#E4E9F0")
ZEBRA = colors.HexColor("#F6F7F9")
CELL_PAD = 3  # points left/right inside table cells
#: every layout table names its font: an empty string cell otherwise makes
#: reportlab reference (unembedded) Helvetica in the PDF
BASE_FONT = ("FONT", (0, 0), (-1, -1), SANS, 9.5)


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    body_bold: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    center: ParagraphStyle
    center_bold: ParagraphStyle
    hint: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    mono: ParagraphStyle


@functools.lru_cache(maxsize=1)
def styles() -> Styles:
    """The paragraph styles of all reports (fonts registered on first use)."""
    ensure_fonts()

    def ps(name: str, font: str = SANS, size: float = 9.5, leading: float | None = None,
           align: int = TA_LEFT, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25,
                              alignment=align, **kw)

    return Styles(
        body=ps("body", spaceAfter=2),
        body_bold=ps("body_bold", SANS_BOLD),
        small=ps("small", size=8),
        title=ps("title", SANS_BOLD, 14, align=TA_CENTER, spaceBefore=4, spaceAfter=2),
        subtitle=ps("subtitle", SANS_BOLD, 10.5, align=TA_CENTER, spaceAfter=4),
        heading=ps("heading", SANS_BOLD, 10.5, spaceBefore=8, spaceAfter=4),
        center=ps("center", align=TA_CENTER),
        center_bold=ps("center_bold", SANS_BOLD, align=TA_CENTER),
        hint=ps("hint", size=8.5, align=TA_CENTER, textColor=colors.HexColor("#333333")),
        cell=ps("cell", CONDENSED, 8.5, 10.2),
        cell_center=ps("cell_center", CONDENSED, 8.5, 10.2, TA_CENTER),
        cell_right=ps("cell_right", CONDENSED, 8.5, 10.2, TA_RIGHT),
        head=ps("head", CONDENSED_BOLD, 8, 9.6, TA_CENTER),
        mono=ps("mono", MONO, 10, 14),
    )


def markup(text: object) -> str:
    """Paragraph markup of plain text: NFC, XML-escaped, new lines kept."""
    return escape(nfc(text)).replace("\n", "<br/>")


def para(text: object, style: ParagraphStyle, bold_prefix: str | None = None) -> Paragraph:
    """A Paragraph of plain ``text``; ``bold_prefix`` is printed in bold before it."""
    body = markup(text)
    if bold_prefix:
        body = f"<b>{markup(bold_prefix)}</b> {body}"
    return Paragraph(body, style)


def label_value(label: str, value: object, style: ParagraphStyle | None = None) -> Paragraph:
    """``Label: value`` with the label in bold."""
    return para(value if value not in (None, "") else "", style or styles().body, bold_prefix=f"{label}:")


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: header text, width in points, alignment ``LEFT|CENTER|RIGHT``."""

    header: str
    width: float
    align: str = "LEFT"


class CellMaker:
    """Makes table cells fast: text that fits on one line stays a plain string
    (drawn directly); longer text becomes a wrapping Paragraph."""

    def __init__(self, columns: Sequence[Column], font: str = CONDENSED, size: float = 8.5):
        st = styles()
        self.font, self.size = font, size
        self._room = [c.width - 2 * CELL_PAD - 0.5 for c in columns]
        by_align = {"LEFT": st.cell, "CENTER": st.cell_center, "RIGHT": st.cell_right}
        self._styles = [by_align[c.align] for c in columns]

    def __call__(self, col: int, text: object) -> str | Paragraph:
        s = nfc(text)
        if "\n" not in s and stringWidth(s, self.font, self.size) <= self._room[col]:
            return s
        return Paragraph(markup(s), self._styles[col])


def _grid_style(columns: Sequence[Column], nhead: int) -> list[tuple]:
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), CONDENSED, 8.5, 10.2),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if nhead:
        style += [("FONT", (0, 0), (-1, nhead - 1), CONDENSED_BOLD, 8, 9.6),
                  ("BACKGROUND", (0, 0), (-1, nhead - 1), HEAD_BG),
                  ("ALIGN", (0, 0), (-1, nhead - 1), "CENTER")]
    for i, c in enumerate(columns):
        if c.align != "LEFT":
            style.append(("ALIGN", (i, nhead), (i, -1), c.align))
    return style


def grid_table(columns: Sequence[Column], header_rows: Sequence[Sequence[Any]], rows: list[list[Any]],
               extra_style: Sequence[tuple] = (), zebra: bool = True) -> Table:
    """A gridded table whose header rows repeat on every page (small tables;
    long lists use :class:`PagedTable`)."""
    nhead = len(header_rows)
    style = _grid_style(columns, nhead)
    if zebra and rows:
        style.append(("ROWBACKGROUNDS", (0, nhead), (-1, -1), [colors.white, ZEBRA]))
    style.extend(extra_style)
    return Table([list(r) for r in header_rows] + rows, colWidths=[c.width for c in columns],
                 repeatRows=nhead, style=TableStyle(style), hAlign="LEFT")


class PagedTable(Flowable):
    """A long gridded table cut into one reportlab Table per page.

    reportlab's own ``Table.split`` re-measures every remaining row at each
    page break, which is quadratic: a 5,000-household list took over 20 s.
    This flowable measures every row once, then each page gets a Table of just
    the rows that fit, headed by the header rows (the ``repeatRows`` effect).
    ``sections`` are indices of rows printed as bold full-width group titles;
    a page never ends on one.
    """

    _MEASURE_BATCH = 256

    def __init__(self, columns: Sequence[Column], header_rows: Sequence[Sequence[Any]], rows: list[list[Any]],
                 header_style: Sequence[tuple] = (), sections: frozenset[int] = frozenset(), zebra: bool = True,
                 column_fonts: dict[int, tuple[str, float, float]] | None = None):
        super().__init__()
        self.columns = list(columns)
        self.header_rows = [list(r) for r in header_rows]
        self.rows = rows
        self.header_style = list(header_style)
        self.sections = sections
        self.zebra = zebra
        self.column_fonts = column_fonts or {}
        self.start, self.end = 0, len(rows)
        self._widths = [c.width for c in self.columns]
        self.width = sum(self._widths)
        self._base = _grid_style(self.columns, len(self.header_rows))
        self._head_h: list[float] | None = None
        self._cum: list[float] | None = None  # cumulative row heights, shared by the parts
        self.hAlign = "LEFT"

    def _measure(self) -> None:
        if self._cum is not None:
            return
        big = 1e7
        head = Table(self.header_rows, colWidths=self._widths,
                     style=TableStyle(self._base + self.header_style))
        head.wrap(self.width, big)
        self._head_h = list(head._rowHeights)
        cum = [0.0]
        # measuring needs only the cell font and paddings (no grid, spans or colours)
        style = TableStyle(self._base[:1] + [c for c in self._base if c[0].endswith("PADDING")]
                           + self._font_cmds(0))
        for i in range(0, len(self.rows), self._MEASURE_BATCH):
            part = Table(self.rows[i:i + self._MEASURE_BATCH], colWidths=self._widths, style=style)
            part.wrap(self.width, big)
            for h in part._rowHeights:
                cum.append(cum[-1] + h)
        self._cum = cum

    _SHARED = ("columns", "header_rows", "rows", "header_style", "sections", "zebra", "column_fonts", "end",
               "_widths", "width", "_base", "_head_h", "_cum", "hAlign")

    def _font_cmds(self, first_row: int) -> list[tuple]:
        return [("FONT", (c, first_row), (c, -1), *f) for c, f in self.column_fonts.items()]

    def _rest(self, start: int) -> "PagedTable":
        """A part from ``start`` sharing the rows and measurements (but none of
        the layout state platypus keeps on a flowable, such as ``_postponed``)."""
        other = PagedTable.__new__(PagedTable)
        Flowable.__init__(other)
        for name in self._SHARED:
            setattr(other, name, getattr(self, name))
        other.start = start
        return other

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._measure()
        assert self._cum is not None and self._head_h is not None
        self.height = sum(self._head_h) + self._cum[self.end] - self._cum[self.start]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803
        self._measure()
        assert self._cum is not None and self._head_h is not None
        room = availHeight - sum(self._head_h)
        n = bisect.bisect_right(self._cum, self._cum[self.start] + room + 1e-6) - 1 - self.start
        n = min(n, self.end - self.start)
        while n > 1 and (self.start + n - 1) in self.sections:
            n -= 1
        if n <= 0:
            return []
        if self.start + n >= self.end:
            return [self._rest(self.start)]
        first = self._rest(self.start)
        first.end = self.start + n
        return [first, self._rest(self.start + n)]

    def _table(self) -> Table:
        assert self._cum is not None and self._head_h is not None
        nhead = len(self.header_rows)
        rows = self.rows[self.start:self.end]
        heights = self._head_h + [self._cum[i + 1] - self._cum[i] for i in range(self.start, self.end)]
        style = self._base + self.header_style + self._font_cmds(nhead)
        if self.zebra and rows:
            bands = [colors.white, ZEBRA] if self.start % 2 == 0 else [ZEBRA, colors.white]
            style.append(("ROWBACKGROUNDS", (0, nhead), (-1, -1), bands))
        for i in range(self.start, self.end):
            if i in self.sections:
                r = nhead + i - self.start
                style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), HEAD_BG),
                          ("FONT", (0, r), (-1, r), CONDENSED_BOLD, 8.5, 10.2), ("ALIGN", (0, r), (-1, r), "LEFT")]
        return Table(self.header_rows + rows, colWidths=self._widths, rowHeights=heights,
                     style=TableStyle(style), hAlign="LEFT")

    def draw(self) -> None:
        table = self._table()
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def header_cells(columns: Sequence[Column]) -> list[Paragraph]:
    """One header row of wrapping bold cells."""
    st = styles().head
    return [Paragraph(markup(c.header), st) if c.header else "" for c in columns]


def scale_columns(columns: Sequence[Column], width: float) -> list[Column]:
    """Columns whose widths (given as relative weights) fill ``width``."""
    total = sum(c.width for c in columns)
    return [Column(c.header, c.width * width / total, c.align) for c in columns]


def official_header(commune: Commune, lang: str, width: float, number: str | None = None) -> Table:
    """The two-column heading of Vietnamese official papers: issuing body on the
    left (and the document number), national name and motto on the right."""
    st = styles()
    left = [para(t("report.committee", lang), st.center_bold), para(nfc(commune.name).upper(), st.center_bold)]
    if number:
        left.append(para(t("report.cert.number", lang, number=number), st.center))
    right = [para(t("report.nation", lang), st.center_bold),
             Paragraph(f"<u>{markup(t('report.motto', lang))}</u>", st.center_bold)]
    tbl = Table([[left, right]], colWidths=[width * 0.42, width * 0.58])
    tbl.setStyle(TableStyle([BASE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return tbl


def place_date(commune: Commune, lang: str, on: _dt.date | None) -> str:
    """"Thanh Hà, ngày 05 tháng 11 năm 2025" (dotted blanks when no date)."""
    place = nfc(commune.place_name)
    if on is None:
        return t("report.place_date_blank", lang, place=place)
    return t("report.place_date", lang, place=place, day=f"{on.day:02d}", month=f"{on.month:02d}", year=on.year)


def signature_block(signers: Sequence[tuple[str, str, str | None]], width: float,
                    date_line: str | None = None, space: float = 22 * mm) -> Table:
    """Signature boxes side by side: each ``(role, hint, name)``; ``date_line``
    goes above the last one, as on official papers."""
    st = styles()
    n = len(signers)
    cells = []
    for i, (role, hint, name) in enumerate(signers):
        cell: list = []
        if date_line:
            cell.append(Paragraph(f"<i>{markup(date_line)}</i>", st.center) if i == n - 1 else Spacer(1, 12))
        cell += [para(role, st.center_bold), para(hint, st.hint), Spacer(1, space), para(name or "", st.center_bold)]
        cells.append(cell)
    tbl = Table([cells], colWidths=[width / n] * n)
    tbl.setStyle(TableStyle([BASE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return tbl


def legend_table(items: Sequence[tuple[str, str]], width: float, per_row: int = 4) -> Table:
    """Code legend ``code: meaning`` laid out in a compact grid."""
    st = styles()
    cells = [Paragraph(f"<b>{markup(code)}</b>: {markup(text)}", st.small) for code, text in items]
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    if rows and len(rows[-1]) < per_row:
        rows[-1] += [""] * (per_row - len(rows[-1]))
    tbl = Table(rows, colWidths=[width / per_row] * per_row, hAlign="LEFT")
    tbl.setStyle(TableStyle([BASE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    return tbl


class NumberedCanvas(Canvas):
    """Canvas that knows the page count when it saves: every page gets
    "Trang x/y" (or "Page x/y") and a footer label at the bottom."""

    def __init__(self, *args: Any, footer: str = "", lang: str = "vi", counter: list[int] | None = None,
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer = nfc(footer)
        self._lang = lang
        self._counter = counter

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(self._pageNumber, total)
            super().showPage()
        if self._counter is not None:
            self._counter.append(total)
        super().save()

    def _draw_footer(self, page: int, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(SANS, 7.5)
        self.setFillColor(colors.HexColor("#444444"))
        y = 7 * mm
        self.drawString(MARGIN, y, self._footer)
        self.drawRightString(width - MARGIN, y, t("report.page", self._lang, page=page, pages=total))
        self.restoreState()


def build_pdf(path: str | os.PathLike, story: list, *, title: str, footer: str, lang: str,
              pagesize: tuple[float, float] = PORTRAIT, on_page: Callable | None = None) -> int:
    """Lay out ``story`` and write the PDF atomically; returns the page count."""
    ensure_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm, title=nfc(title), author=APP_NAME, creator=f"{APP_NAME} {__version__}",
        subject=nfc(title), lang="vi-VN" if lang == "vi" else "en", invariant=True, pageCompression=1,
        initialFontName=SANS, initialFontSize=9.5,
    )
    counter: list[int] = []
    maker = functools.partial(NumberedCanvas, footer=footer, lang=lang, counter=counter)
    kwargs: dict[str, Any] = {"canvasmaker": maker}
    if on_page is not None:
        kwargs["onFirstPage"] = kwargs["onLaterPages"] = on_page
    doc.build(story, **kwargs)
    atomic_write_bytes(path, buf.getvalue())
    return counter[-1] if counter else 0


def frame_width(pagesize: tuple[float, float]) -> float:
    """Usable width of the page frame (margins and the frame's 6 pt paddings removed)."""
    return pagesize[0] - 2 * MARGIN - 12


def printed_footer(label: str, lang: str) -> str:
    """Footer label with the printing date, e.g. "Danh sách họp dân – Thôn Đông · In ngày 05/11/2025"."""
    return f"{label}  ·  {t('report.printed_on', lang, date=fmt_date(_dt.date.today()))}"
