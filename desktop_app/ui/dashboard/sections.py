"""The parts of the dashboard page: summary cards and the chart panels, each
filled from a :class:`desktop_app.services.dashboard.Dashboard`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.services.dashboard import ALL_CATEGORIES, Dashboard, category_label
from desktop_app.ui.charts import (
    CATEGORY_COLORS, BarChart, ChartPanel, DonutChart, Series, StackedBarChart, format_number, format_share,
)
from desktop_app.ui.translation import arg

INDICATOR_COLOR = "#00838f"
PREVIOUS_ALPHA = 0.45


def category_series() -> list[Series]:
    """The six categories as chart series (incomplete hatched)."""
    return [Series(c, category_label(c), CATEGORY_COLORS[c], hatched=c == "incomplete") for c in ALL_CATEGORIES]


def signed(n: int) -> str:
    """``+12`` / ``−3`` / ``0``."""
    return f"+{format_number(n)}" if n > 0 else (f"−{format_number(-n)}" if n < 0 else "0")


class SummaryCard(QFrame):
    """A big number with a caption and a detail line, with a coloured edge."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryCard")
        self.setStyleSheet(f"#summaryCard {{ background: #ffffff; border: 1px solid #d8d8d8; "
                           f"border-left: 6px solid {color}; border-radius: 4px; }}")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #444444;")
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 8)
        layout.setSpacing(2)
        for w in (self.caption, self.value, self.detail):
            layout.addWidget(w)

    def set(self, caption: str, value: str, detail: str) -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleName(f"{caption}: {value}. {detail}")


class Sections(QWidget):
    """Cards and chart panels of the dashboard, laid out in a grid."""

    CARD_KEYS = ("households", "surveyed", "poor", "near_poor", "middle", "incomplete")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = {k: SummaryCard(CATEGORY_COLORS.get(k, "#607d8b")) for k in self.CARD_KEYS}
        self.category_chart = DonutChart()
        self.people_chart = BarChart(Qt.Orientation.Vertical)
        self.village_chart = StackedBarChart()
        self.indicator_chart = BarChart()
        self.cause_chart = StackedBarChart()
        self.change_chart = BarChart()
        self.category_panel = ChartPanel("", self.category_chart)
        self.people_panel = ChartPanel("", self.people_chart)
        self.village_panel = ChartPanel("", self.village_chart)
        self.indicator_panel = ChartPanel("", self.indicator_chart)
        self.cause_panel = ChartPanel("", self.cause_chart)
        self.change_panel = ChartPanel("", self.change_chart)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        cards = QGridLayout()
        cards.setSpacing(10)
        for i, key in enumerate(self.CARD_KEYS):
            cards.addWidget(self.cards[key], 0, i)
        grid.addLayout(cards, 0, 0, 1, 2)
        grid.addWidget(self.category_panel, 1, 0)
        grid.addWidget(self.people_panel, 1, 1)
        grid.addWidget(self.village_panel, 2, 0, 1, 2)
        grid.addWidget(self.indicator_panel, 3, 0)
        grid.addWidget(self.cause_panel, 3, 1)
        grid.addWidget(self.change_panel, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.retranslate()

    def panels(self) -> list[ChartPanel]:
        return [self.category_panel, self.people_panel, self.village_panel, self.indicator_panel,
                self.cause_panel, self.change_panel]

    def retranslate(self) -> None:
        for panel, title in ((self.category_panel, self.tr("Households by category (whole commune)")),
                             (self.people_panel, self.tr("People by household category")),
                             (self.village_panel, self.tr("Households by category in each village")),
                             (self.indicator_panel, self.tr("Deprivation indicators: deprived households")),
                             (self.cause_panel, self.tr("Causes of poverty (poor and near-poor households)")),
                             (self.change_panel, self.tr("Change since the previous round"))):
            panel.set_title(title)

    # -- filling ---------------------------------------------------------

    def show_dashboard(self, d: Dashboard) -> None:
        """Fill every card and chart from ``d``."""
        self._cards(d)
        c = d.commune
        series = category_series()
        unit = self.tr("households")
        self.category_chart.set_data(series, [c.households_by_category[s.key] for s in series],
                                     center_text=f"{format_number(c.households)}\n{unit}",
                                     headers=[self.tr("Category"), self.tr("Households"), self.tr("Share")])
        people = [c.members_by_category[s.key] for s in series]
        self.people_chart.set_data(
            [s.label for s in series], people,
            texts=[f"{format_number(n)} ({format_share(n / c.members)})" if c.members else "0" for n in people],
            colors=[s.color for s in series], hatched=[s.hatched for s in series],
            headers=[self.tr("Category"), self.tr("People (share)")])
        self.people_panel.set_note(arg(self.tr("%1 people in %2 households."), format_number(c.members),
                                       format_number(c.households)))
        areas = [*d.villages, c]
        self.village_chart.set_data([a.name for a in areas], series,
                                    [[a.households_by_category[s.key] for s in series] for a in areas],
                                    normalized=True, label_header=self.tr("Village"))
        self._indicators(d)
        self._causes(d)
        self._changes(d)

    def _cards(self, d: Dashboard) -> None:
        c = d.commune
        change = {x.category: x for x in d.changes}
        self.cards["households"].set(self.tr("Households"), format_number(c.households),
                                     arg(self.tr("%1 people"), format_number(c.members)))
        self.cards["surveyed"].set(self.tr("Surveyed this round"), format_number(c.surveyed),
                                   arg(self.tr("%1 of households"),
                                       format_share(c.surveyed / c.households) if c.households else "-"))
        for key in ("poor", "near_poor", "middle", "incomplete"):
            n = c.households_by_category[key]
            detail = arg(self.tr("rate %1"), format_share(c.share(key)))
            if key in change:
                detail += " · " + arg(self.tr("%1 since the previous round"), signed(change[key].delta))
            self.cards[key].set(category_label(key), format_number(n), detail)

    def _indicators(self, d: Dashboard) -> None:
        items = d.indicators
        texts = []
        for i in items:
            text = f"{format_number(i.deprived)} ({format_share(i.share)})"
            if i.unknown:
                text += " · " + arg(self.tr("%1 unknown"), format_number(i.unknown))
            texts.append(text)
        self.indicator_chart.set_data([i.name for i in items], [i.deprived for i in items], texts=texts,
                                      colors=INDICATOR_COLOR,
                                      headers=[self.tr("Indicator"), self.tr("Deprived households (share)")])
        self.indicator_panel.set_note(arg(self.tr("Share of the %1 households surveyed in this round."),
                                          format_number(d.surveyed)))

    def _causes(self, d: Dashboard) -> None:
        causes = sorted(d.causes, key=lambda x: -x.total)
        series = [Series("poor", category_label("poor"), CATEGORY_COLORS["poor"]),
                  Series("near_poor", category_label("near_poor"), CATEGORY_COLORS["near_poor"])]
        self.cause_chart.set_data([x.label for x in causes], series, [[x.poor, x.near_poor] for x in causes],
                                  label_header=self.tr("Cause"))
        missing = d.causes_unrecorded
        note = self.tr("A household may name several causes.")
        if missing["poor"] or missing["near_poor"]:
            note += " " + arg(self.tr("No cause recorded: %1 poor and %2 near-poor households."),
                              format_number(missing["poor"]), format_number(missing["near_poor"]))
        self.cause_panel.set_note(note)

    def _changes(self, d: Dashboard) -> None:
        if d.previous_round is None:
            self.change_chart.set_data([], [])
            self.change_panel.set_note(self.tr("There is no earlier round to compare with."))
            return
        labels, values, texts, colors = [], [], [], []
        for x in d.changes:
            name = category_label(x.category)
            color = CATEGORY_COLORS[x.category]
            labels += [f"{name} – {d.previous_round.name}", f"{name} – {d.round.name}"]
            values += [x.previous, x.current]
            texts += [format_number(x.previous), f"{format_number(x.current)} ({signed(x.delta)})"]
            colors += [_lighter(color), color]
        self.change_chart.set_data(labels, values, texts=texts, colors=colors,
                                   hatched=[x.category == "incomplete" for x in d.changes for _ in (0, 1)],
                                   headers=[self.tr("Category and round"), self.tr("Households (change)")])
        shown = self.tr("official") if d.previous_source == "official" else self.tr("proposed")
        note = arg(self.tr("Compared with «%1» (%2 categories)."), d.previous_round.name, shown)
        note += " " + arg(self.tr("Out of poverty: %1 · newly poor or fallen back: %2 · out of near-poverty: %3 · "
                                  "newly near-poor: %4 households."),
                          format_number(d.left("poor")), format_number(d.entered("poor")),
                          format_number(d.left("near_poor")), format_number(d.entered("near_poor")))
        self.change_panel.set_note(note)


def _lighter(color: str) -> str:
    """The colour mixed with white (bars of the previous round)."""
    c = QColor(color)
    mix = [int(v + (255 - v) * (1 - PREVIOUS_ALPHA)) for v in (c.red(), c.green(), c.blue())]
    return QColor(*mix).name()


__all__ = ["Sections", "SummaryCard", "category_series"]
