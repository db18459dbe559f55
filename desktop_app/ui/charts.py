"""Small chart widgets drawn with QPainter (no QtCharts, no other dependency).

* :class:`BarChart` - horizontal or vertical bars with value labels;
* :class:`StackedBarChart` - one horizontal bar per row split into series
  (e.g. categories per village), counts or 100 % shares;
* :class:`DonutChart` - a ring of slices with a legend (value and share);
* :class:`ChartPanel` - a titled card around any chart with a
  "Show as table" toggle: the same numbers in a :class:`QTableWidget`.

Every chart is accessible: a tooltip names the bar or slice under the mouse
with its value, the accessible description reads all values, and
:meth:`Chart.table` gives the numbers as rows of text (what the companion
table shows). Colours are :class:`Series` colours; ``hatched`` series get a
diagonal pattern (used for "incomplete"). :data:`CATEGORY_COLORS` are the
colours of the household categories used across the application.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSizePolicy, QStackedWidget, QTableWidget,
    QTableWidgetItem, QToolButton, QToolTip, QVBoxLayout, QWidget,
)

#: colours of the household categories (poor red, near-poor orange, middle
#: yellow-green, not poor blue-grey, incomplete grey hatched, not classified light grey)
CATEGORY_COLORS: dict[str, str] = {
    "poor": "#c62828", "near_poor": "#ef6c00", "middle": "#c0ca33", "not_poor": "#5c7fa3",
    "incomplete": "#9e9e9e", "unclassified": "#dddddd",
}
DEFAULT_COLOR = "#3f7fbf"
GRID = QColor("#e3e3e3")
TEXT = QColor("#222222")
MUTED = QColor("#666666")
_A = Qt.AlignmentFlag
_RIGHT = _A.AlignRight | _A.AlignVCenter
_LEFT = int(_A.AlignLeft | _A.AlignVCenter)
_CENTER = int(_A.AlignCenter)
_LABEL = int(_RIGHT | Qt.TextFlag.TextWordWrap)  # row labels: right-aligned, wrapped


@dataclass(frozen=True, slots=True)
class Series:
    """One colour of a chart: a segment of stacked bars or a slice of a donut."""

    key: str
    label: str
    color: str = DEFAULT_COLOR
    hatched: bool = False


def format_number(value: float) -> str:
    """``12.345`` (Vietnamese grouping when the default locale is Vietnamese)."""
    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", 1)


def format_share(share: float) -> str:
    """A share 0..1 as a percentage with one decimal: ``12,5%`` / ``12.5%``."""
    return QLocale().toString(100.0 * share, "f", 1) + "%"


def _fill(p: QPainter, shape: QRectF | QPainterPath, color: str | QColor, hatched: bool) -> None:
    """Fill ``shape`` with ``color`` (and a diagonal hatch over it when ``hatched``)."""
    base = QColor(color)
    brushes = [QBrush(base)] + ([QBrush(base.darker(160), Qt.BrushStyle.BDiagPattern)] if hatched else [])
    for brush in brushes:
        p.fillPath(shape, brush) if isinstance(shape, QPainterPath) else p.fillRect(shape, brush)


def _ink_on(color: str | QColor) -> QColor:
    """Black or white, whichever reads better on ``color``."""
    c = QColor(color)
    return QColor("#000000") if 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue() > 150 else QColor("#ffffff")


class Chart(QWidget):
    """Base of the charts: empty-data text, tooltips, table and accessibility."""

    #: emitted after new data was set
    dataChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions: list[tuple[QPainterPath, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMinimumHeight(80)

    # -- for subclasses --------------------------------------------------

    def headers(self) -> list[str]:  # column headers of :meth:`table`
        raise NotImplementedError

    def rows(self) -> list[list[str]]:  # the numbers as rows of text, one per bar or slice
        raise NotImplementedError

    def is_empty(self) -> bool:
        raise NotImplementedError

    def draw(self, p: QPainter, area: QRectF) -> None:  # paint the data into ``area``
        raise NotImplementedError

    # -- public ----------------------------------------------------------

    def set_title(self, title: str) -> None:
        """Name of the chart for assistive technology (the panel shows it)."""
        self.setAccessibleName(title)

    def table(self) -> tuple[list[str], list[list[str]]]:
        """``(headers, rows)``: what the companion table shows."""
        return self.headers(), self.rows()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """As tall as the data needs: a chart squeezed smaller is unreadable
        (put charts in a scroll area when space is short)."""
        return QSize(160, self.sizeHint().height())

    def tooltip_at(self, pos: QPointF) -> str | None:
        """Tooltip text of the bar or slice at ``pos`` (after a paint)."""
        for path, text in reversed(self._regions):
            if path.contains(pos):
                return text
        return None

    def _changed(self) -> None:
        summary = "; ".join(", ".join(r) for r in self.rows())
        self.setAccessibleDescription(summary)
        self.updateGeometry()
        self.update()
        self.dataChanged.emit()

    def _region(self, shape: QRectF | QPainterPath, text: str) -> None:
        if isinstance(shape, QRectF):
            path = QPainterPath()
            path.addRect(shape)
            shape = path
        self._regions.append((shape, text))

    # -- Qt --------------------------------------------------------------

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            text = self.tooltip_at(QPointF(e.pos()))
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._regions = []
        area = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        if self.is_empty():
            p.setPen(MUTED)
            p.drawText(area, _CENTER, QCoreApplication.translate("Chart", "No data"))
        else:
            self.draw(p, area)
        p.end()


def _lines(fm: QFontMetrics, text: str, width: float, max_lines: int) -> str:
    """``text`` wrapped at words into at most ``max_lines`` lines of ``width``;
    the last line is elided ("…") when the text is longer (the tooltip and the
    table keep the whole text)."""
    words, lines = text.split(), []
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and fm.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines.append(fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, int(width)))
    return "\n".join(lines)


def _label_column(fm: QFontMetrics, labels: Sequence[str], width: float) -> tuple[float, bool]:
    """Width of the label column (at most 40 % of ``width``) and whether labels wrap."""
    widest = max((fm.horizontalAdvance(s) for s in labels), default=0)
    limit = max(60.0, width * 0.4)
    return min(widest + 4.0, limit), widest + 4.0 > limit


class BarChart(Chart):
    """Bars with value labels. ``set_data(labels, values, ...)``; horizontal by default."""

    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Horizontal,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.orientation = orientation
        self._labels: list[str] = []
        self._values: list[float] = []
        self._texts: list[str] = []
        self._colors: list[str] = []
        self._hatched: list[bool] = []
        self._headers = ["", ""]

    def set_data(self, labels: Sequence[str], values: Sequence[float], *, texts: Sequence[str] | None = None,
                 colors: Sequence[str] | str | None = None, hatched: Sequence[bool] | None = None,
                 headers: Sequence[str] | None = None) -> None:
        """Bars named ``labels`` of ``values`` (not negative); ``texts`` are the
        value labels (default: the formatted values); ``colors`` one colour or
        one per bar; ``headers`` the two table headers (label, value)."""
        if len(labels) != len(values):
            raise ValueError("labels and values differ in length")
        self._labels = [str(s) for s in labels]
        self._values = [max(0.0, float(v)) for v in values]
        self._texts = list(texts) if texts is not None else [format_number(v) for v in values]
        if colors is None or isinstance(colors, str):
            self._colors = [colors or DEFAULT_COLOR] * len(labels)
        else:
            self._colors = list(colors)
        self._hatched = list(hatched) if hatched is not None else [False] * len(labels)
        self._headers = list(headers) if headers else [self.tr("Item"), self.tr("Value")]
        self._changed()

    def headers(self) -> list[str]:
        return list(self._headers)

    def rows(self) -> list[list[str]]:
        return [[label, text] for label, text in zip(self._labels, self._texts)]

    def is_empty(self) -> bool:
        return not self._labels

    def _row_height(self, wraps: bool) -> float:
        fm = self.fontMetrics()
        return fm.height() * (2.2 if wraps else 1.6)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        n = max(1, len(self._labels))
        if self.orientation == Qt.Orientation.Horizontal:
            _, wraps = _label_column(fm, self._labels, 600)
            return QSize(480, int(n * self._row_height(wraps) + 16))
        return QSize(max(320, n * 70), 260)

    def draw(self, p: QPainter, area: QRectF) -> None:
        if self.orientation == Qt.Orientation.Horizontal:
            self._draw_horizontal(p, area)
        else:
            self._draw_vertical(p, area)

    def _draw_horizontal(self, p: QPainter, area: QRectF) -> None:
        fm = self.fontMetrics()
        label_w, wraps = _label_column(fm, self._labels, area.width())
        value_w = max(fm.horizontalAdvance(t) for t in self._texts) + 8
        row_h = min(self._row_height(wraps) * 1.4, area.height() / len(self._labels))
        bar_x = area.left() + label_w + 8
        bar_w = max(10.0, area.right() - value_w - bar_x)
        top = max(self._values) or 1.0
        for i, (label, value, text) in enumerate(zip(self._labels, self._values, self._texts)):
            y = area.top() + i * row_h
            p.setPen(TEXT)
            p.drawText(QRectF(area.left(), y, label_w, row_h), _LABEL, _lines(fm, label, label_w, 2))
            bar = QRectF(bar_x, y + row_h * 0.18, max(1.0, bar_w * value / top) if value else 0.0, row_h * 0.64)
            _fill(p, bar, self._colors[i], self._hatched[i])
            p.setPen(TEXT)
            p.drawText(QRectF(bar.right() + 6, y, value_w, row_h), _LEFT, text)
            self._region(QRectF(area.left(), y, area.width(), row_h), f"{label}: {text}")

    def _draw_vertical(self, p: QPainter, area: QRectF) -> None:
        fm = self.fontMetrics()
        n = len(self._labels)
        col_w = area.width() / n
        label_h = fm.height() * 3.2
        texts = [_lines(fm, t, col_w - 2, 2) for t in self._texts]  # value labels: 2 lines when narrow
        value_h = fm.height() * max(t.count("\n") + 1 for t in texts)
        plot = QRectF(area.left(), area.top() + value_h + 4, area.width(), area.height() - label_h - value_h - 8)
        top = max(self._values) or 1.0
        p.setPen(QPen(GRID, 1))
        for k in range(5):
            y = plot.bottom() - plot.height() * k / 4
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        for i, (label, value, text) in enumerate(zip(self._labels, self._values, self._texts)):
            x = area.left() + i * col_w
            h = plot.height() * value / top
            bar = QRectF(x + col_w * 0.2, plot.bottom() - h, col_w * 0.6, h)
            _fill(p, bar, self._colors[i], self._hatched[i])
            p.setPen(TEXT)
            lines = texts[i].count("\n") + 1
            p.drawText(QRectF(x, bar.top() - fm.height() * lines - 2, col_w, fm.height() * lines),
                       int(_A.AlignHCenter | _A.AlignBottom), texts[i])
            p.drawText(QRectF(x + 2, plot.bottom() + 4, col_w - 4, label_h), int(_A.AlignHCenter | _A.AlignTop),
                       _lines(fm, label, col_w - 4, 3))
            self._region(QRectF(x, area.top(), col_w, area.height()), f"{label}: {text}")


class StackedBarChart(Chart):
    """Horizontal bars split into series, with a legend on top.

    ``set_data(labels, series, values)`` with ``values[row][series]``;
    ``normalized`` draws every bar at full width (shares of its total)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._series: list[Series] = []
        self._values: list[list[float]] = []
        self.normalized = False
        self._label_header = ""

    def set_data(self, labels: Sequence[str], series: Sequence[Series], values: Sequence[Sequence[float]], *,
                 normalized: bool = False, label_header: str = "") -> None:
        if len(values) != len(labels) or any(len(row) != len(series) for row in values):
            raise ValueError("values must have one row per label and one column per series")
        self._labels = [str(s) for s in labels]
        self._series = list(series)
        self._values = [[max(0.0, float(v)) for v in row] for row in values]
        self.normalized = normalized
        self._label_header = label_header
        self._changed()

    def headers(self) -> list[str]:
        return [self._label_header, *(s.label for s in self._series), self.tr("Total")]

    def rows(self) -> list[list[str]]:
        out = []
        for label, row in zip(self._labels, self._values):
            total = sum(row)
            cells = [f"{format_number(v)} ({format_share(v / total)})" if total else format_number(v) for v in row]
            out.append([label, *cells, format_number(total)])
        return out

    def is_empty(self) -> bool:
        return not self._labels or not self._series

    def _legend_height(self, width: float) -> float:
        return self._legend(None, QRectF(0, 0, width, 0))

    def _legend(self, p: QPainter | None, area: QRectF) -> float:
        """Draw (or, without ``p``, measure) the legend; returns its height."""
        fm = self.fontMetrics()
        x, y, line = area.left(), area.top(), fm.height() + 6
        for s in self._series:
            w = 14 + 6 + fm.horizontalAdvance(s.label) + 16
            if x + w > area.right() and x > area.left():
                x, y = area.left(), y + line
            if p is not None:
                box = QRectF(x, y + (line - 14) / 2, 14, 14)
                _fill(p, box, s.color, s.hatched)
                p.setPen(TEXT)
                p.drawText(QRectF(x + 20, y, w, line), _LEFT, s.label)
            x += w
        return y - area.top() + line

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        _, wraps = _label_column(fm, self._labels, 600)
        rows = max(1, len(self._labels)) * fm.height() * (2.8 if wraps else 2.4)
        return QSize(520, int(rows + self._legend_height(520) + 24))

    def draw(self, p: QPainter, area: QRectF) -> None:
        fm = self.fontMetrics()
        legend_h = self._legend(p, area) + 6
        body = area.adjusted(0, legend_h, 0, 0)
        label_w, _ = _label_column(fm, self._labels, body.width())
        totals = [sum(row) for row in self._values]
        total_w = max(fm.horizontalAdvance(format_number(t)) for t in totals) + 10
        row_h = min(fm.height() * 2.6, body.height() / len(self._labels))
        bar_x = body.left() + label_w + 8
        bar_w = max(10.0, body.right() - total_w - bar_x)
        top = max(totals) or 1.0
        for i, (label, row) in enumerate(zip(self._labels, self._values)):
            y = body.top() + i * row_h
            p.setPen(TEXT)
            p.drawText(QRectF(body.left(), y, label_w, row_h), _LABEL, _lines(fm, label, label_w, 2))
            total = totals[i]
            scale = (bar_w / total if total else 0.0) if self.normalized else bar_w / top
            x = bar_x
            for s, v in zip(self._series, row):
                if not v:
                    continue
                seg = QRectF(x, y + row_h * 0.15, v * scale, row_h * 0.7)
                _fill(p, seg, s.color, s.hatched)
                text = format_share(v / total) if self.normalized else format_number(v)
                if fm.horizontalAdvance(text) + 6 < seg.width():
                    p.setPen(_ink_on(s.color))
                    p.drawText(seg, _CENTER, text)
                self._region(seg, f"{label} - {s.label}: {format_number(v)} ({format_share(v / total)})")
                x += v * scale
            p.setPen(TEXT)
            p.drawText(QRectF(x + 6, y, total_w, row_h), _LEFT, format_number(total))


class DonutChart(Chart):
    """A ring of slices with a legend (label, value, share) on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: list[Series] = []
        self._values: list[float] = []
        self.center_text = ""
        self._headers = ["", "", ""]

    def set_data(self, series: Sequence[Series], values: Sequence[float], *, center_text: str = "",
                 headers: Sequence[str] | None = None) -> None:
        """Slices ``series`` of ``values``; ``center_text`` is written in the hole."""
        if len(series) != len(values):
            raise ValueError("series and values differ in length")
        self._series = list(series)
        self._values = [max(0.0, float(v)) for v in values]
        self.center_text = center_text
        self._headers = list(headers) if headers else [self.tr("Item"), self.tr("Value"), self.tr("Share")]
        self._changed()

    def headers(self) -> list[str]:
        return list(self._headers)

    def rows(self) -> list[list[str]]:
        total = sum(self._values)
        return [[s.label, format_number(v), format_share(v / total) if total else "-"]
                for s, v in zip(self._series, self._values)]

    def is_empty(self) -> bool:
        return not self._series or sum(self._values) <= 0

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(460, int(max(200, len(self._series) * (fm.height() + 8) + 20)))

    def draw(self, p: QPainter, area: QRectF) -> None:
        fm = self.fontMetrics()
        total = sum(self._values)
        d = min(area.height(), area.width() * 0.42)
        ring = QRectF(area.left(), area.top() + (area.height() - d) / 2, d, d)
        hole = ring.adjusted(d * 0.22, d * 0.22, -d * 0.22, -d * 0.22)
        inner = QPainterPath()
        inner.addEllipse(hole)
        start = 90.0
        for s, v in zip(self._series, self._values):
            if not v:
                continue
            span = -360.0 * v / total
            path = QPainterPath(ring.center())
            path.arcTo(ring, start, span)
            path.closeSubpath()
            path = path.subtracted(inner)
            _fill(p, path, s.color, s.hatched)
            p.setPen(QPen(QColor("#ffffff"), 1.5))
            p.drawPath(path)
            self._region(path, f"{s.label}: {format_number(v)} ({format_share(v / total)})")
            start += span
        if self.center_text:
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(TEXT)
            p.drawText(hole, int(_A.AlignCenter | Qt.TextFlag.TextWordWrap), self.center_text)
            p.setFont(self.font())
        # legend
        x = ring.right() + 18
        line = fm.height() + 8
        y = area.top() + max(0.0, (area.height() - line * len(self._series)) / 2)
        num_w = max(fm.horizontalAdvance(format_number(v)) for v in self._values) + 12
        pct_w = fm.horizontalAdvance("100,0%") + 8
        text_w = max(40.0, area.right() - x - 20 - num_w - pct_w)
        for s, v in zip(self._series, self._values):
            box = QRectF(x, y + (line - 14) / 2, 14, 14)
            _fill(p, box, s.color, s.hatched)
            p.setPen(TEXT)
            label = fm.elidedText(s.label, Qt.TextElideMode.ElideRight, int(text_w))
            p.drawText(QRectF(x + 20, y, text_w, line), _LEFT, label)
            p.drawText(QRectF(x + 20 + text_w, y, num_w, line), int(_RIGHT), format_number(v))
            p.setPen(MUTED)
            p.drawText(QRectF(x + 20 + text_w + num_w, y, pct_w, line), int(_RIGHT),
                       format_share(v / total))
            self._region(QRectF(x, y, area.right() - x, line),
                         f"{s.label}: {format_number(v)} ({format_share(v / total)})")
            y += line


class ChartPanel(QWidget):
    """A titled card showing a chart, or the same numbers as a table.

    The "Show as table" button toggles between the two; :attr:`table_widget`
    is always filled (screen readers and tests can read it)."""

    def __init__(self, title: str, chart: Chart, parent: QWidget | None = None, *, note: str = "") -> None:
        super().__init__(parent)
        self.chart = chart
        chart.set_title(title)
        self.setObjectName("chartPanel")
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.note_label = QLabel(note)
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #555555;")
        self.note_label.setVisible(bool(note))
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggled)
        self.table_widget = QTableWidget()
        self.table_widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_widget.setAlternatingRowColors(True)
        self.table_widget.verticalHeader().setVisible(False)
        self.table_widget.setAccessibleName(title)
        self.stack = QStackedWidget()
        self.stack.addWidget(chart)
        self.stack.addWidget(self.table_widget)
        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addWidget(self.note_label)
        layout.addWidget(self.stack, 1)
        self.setStyleSheet("#chartPanel { background: #ffffff; border: 1px solid #d8d8d8; border-radius: 6px; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        chart.dataChanged.connect(self._fill_table)
        self._fill_table()
        self.retranslate()

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self.chart.set_title(title)
        self.table_widget.setAccessibleName(title)

    def retranslate(self) -> None:
        """Set the toggle's texts again (the owner sets the title)."""
        self._toggled(self.toggle.isChecked())
        self.toggle.setToolTip(self.tr("Show the numbers of this chart as a table"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_note(self, note: str) -> None:
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    def showing_table(self) -> bool:
        return self.stack.currentWidget() is self.table_widget

    def _toggled(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.table_widget if on else self.chart)
        self.toggle.setText(self.tr("Show as chart") if on else self.tr("Show as table"))

    def _fill_table(self) -> None:
        headers, rows = self.chart.table()
        t = self.table_widget
        t.clear()
        t.setColumnCount(len(headers))
        t.setRowCount(len(rows))
        t.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(_RIGHT)
                t.setItem(r, c, item)
        header = t.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if headers:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        t.setMinimumHeight(min(400, 30 + 26 * len(rows)))
