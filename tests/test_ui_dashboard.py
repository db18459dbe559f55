"""The dashboard page and the chart widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QColor

from desktop_app.domain.record import Household, Member, Survey
from desktop_app.services import Changes
from desktop_app.services.register import save_household, store_classifications
from desktop_app.ui.charts import (
    CATEGORY_COLORS, BarChart, ChartPanel, DonutChart, Series, StackedBarChart, format_share,
)
from desktop_app.ui.dashboard import DashboardPage
from test_dashboard import _decide, _result, commune  # noqa: F401 - the fixture is used by name

LONG = "Không biết cách làm ăn, không có kỹ năng lao động, thiếu đất canh tác và phương tiện sản xuất"


@pytest.fixture(autouse=True)
def english_numbers():
    """Numbers as 1,234 and 12.5% whatever the machine's locale."""
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(old)


def _page(qtbot, db) -> DashboardPage:
    page = DashboardPage(db)
    qtbot.addWidget(page)
    page.resize(1280, 1600)
    page.show()
    _settle(qtbot, page)
    return page


def _settle(qtbot, page: DashboardPage) -> None:
    def idle() -> bool:
        page.wait()
        return page.status.text() == ""

    qtbot.waitUntil(idle, timeout=20_000)


def _tips(chart) -> set[str]:
    """Every tooltip of a painted chart (sampled every 4 pixels)."""
    return {tip for x in range(0, chart.width(), 4) for y in range(0, chart.height(), 4)
            if (tip := chart.tooltip_at(QPointF(x, y)))}


def _table(panel: ChartPanel) -> dict[str, list[str]]:
    t = panel.table_widget
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(1, t.columnCount())]
            for r in range(t.rowCount())}


# --------------------------------------------------------------------------
# charts


@pytest.mark.parametrize("n", [0, 1, 40])
def test_bar_charts_paint(qtbot, n):
    labels = [f"Thôn {i}" if i % 3 else LONG for i in range(n)]
    values = [(i * 37) % 101 for i in range(n)]
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        chart = BarChart(orientation)
        qtbot.addWidget(chart)
        chart.set_data(labels, values, colors="#c62828")
        chart.resize(600, 400)
        image = chart.grab().toImage()
        assert not image.isNull()
        headers, rows = chart.table()
        assert len(headers) == 2 and len(rows) == n
        if n:
            assert rows[0] == [labels[0], str(values[0])]
            assert chart.accessibleDescription().startswith(labels[0])


def test_bar_chart_tooltip_and_colour(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_data(["Hộ nghèo", "Hộ cận nghèo"], [10, 5], texts=["10 (50.0%)", "5 (25.0%)"],
                   colors=[CATEGORY_COLORS["poor"], CATEGORY_COLORS["near_poor"]])
    chart.resize(500, 120)
    image = chart.grab().toImage()
    assert _tips(chart) == {"Hộ nghèo: 10 (50.0%)", "Hộ cận nghèo: 5 (25.0%)"}
    y = next(y for y in range(120) if chart.tooltip_at(QPointF(250, y)) == "Hộ nghèo: 10 (50.0%)") + 8
    reds = sum(1 for x in range(image.width()) if image.pixelColor(x, y) == QColor(CATEGORY_COLORS["poor"]))
    assert reds > 50  # the longest bar is drawn in the category's colour
    with pytest.raises(ValueError):
        chart.set_data(["a"], [1, 2])


@pytest.mark.parametrize("normalized", [False, True])
def test_stacked_and_donut_paint(qtbot, normalized):
    series = [Series("poor", "Hộ nghèo", CATEGORY_COLORS["poor"]),
              Series("incomplete", "Chưa đủ thông tin", CATEGORY_COLORS["incomplete"], hatched=True)]
    stacked = StackedBarChart()
    donut = DonutChart()
    for w in (stacked, donut):
        qtbot.addWidget(w)
        w.resize(640, 360)
        assert not w.grab().toImage().isNull()  # empty: "No data"
    stacked.set_data([LONG, "Thôn Đông", "Thôn trống"], series, [[3, 1], [0, 2], [0, 0]], normalized=normalized,
                     label_header="Thôn")
    donut.set_data(series, [3, 1], center_text="4\nhộ")
    for w in (stacked, donut):
        assert not w.grab().toImage().isNull()
    headers, rows = stacked.table()
    assert headers == ["Thôn", "Hộ nghèo", "Chưa đủ thông tin", "Total"]
    assert rows[0] == [LONG, "3 (75.0%)", "1 (25.0%)", "4"]
    assert rows[2] == ["Thôn trống", "0", "0", "0"]
    assert donut.rows() == [["Hộ nghèo", "3", "75.0%"], ["Chưa đủ thông tin", "1", "25.0%"]]
    tips = _tips(donut)
    assert "Hộ nghèo: 3 (75.0%)" in tips and "Chưa đủ thông tin: 1 (25.0%)" in tips
    donut.set_data(series, [0, 0])  # all zero: nothing to divide
    assert not donut.grab().toImage().isNull()


def test_chart_panel_table_toggle(qtbot):
    chart = BarChart()
    panel = ChartPanel("Số hộ", chart, note="Ghi chú")
    qtbot.addWidget(panel)
    chart.set_data(["A", "B"], [1, 2], headers=["Thôn", "Số hộ"])
    assert not panel.showing_table()
    panel.toggle.click()
    assert panel.showing_table()
    assert panel.table_widget.horizontalHeaderItem(1).text() == "Số hộ"
    assert _table(panel) == {"A": ["1"], "B": ["2"]}
    assert panel.toggle.text() == "Show as chart"
    panel.toggle.click()
    assert not panel.showing_table() and panel.toggle.text() == "Show as table"
    assert format_share(0.125) == "12.5%"


# --------------------------------------------------------------------------
# the page


def test_page_shows_the_numbers(qtbot, db, commune):  # noqa: F811
    page = _page(qtbot, db)
    assert page.title() == "Dashboard"
    d = page.dashboard
    assert d is not None and d.round.id == commune["r2"]
    s = page.sections
    assert s.cards["households"].value.text() == "6"
    assert s.cards["poor"].value.text() == "2"
    assert "33.3%" in s.cards["poor"].detail.text() and "+0" not in s.cards["poor"].detail.text()
    assert s.cards["near_poor"].value.text() == "1" and "−1" in s.cards["near_poor"].detail.text()
    villages = _table(s.village_panel)
    assert villages["Thôn Đông"][:2] == ["2 (66.7%)", "0 (0.0%)"]
    assert villages["Thôn Đông"][-1] == "3"
    assert villages["Toàn xã"][-1] == "6"
    indicators = _table(s.indicator_panel)
    assert len(indicators) == 12
    assert indicators["Nguồn nước sinh hoạt"] == ["3 (60.0%)"]
    assert indicators["Nhà tiêu hợp vệ sinh"] == ["1 (20.0%) · 1 unknown"]
    causes = _table(s.cause_panel)
    assert causes["ốm đau, bệnh nặng, tai nạn"] == ["2 (100.0%)", "0 (0.0%)", "2"]
    people = _table(s.people_panel)
    assert people["Hộ nghèo"] == ["7 (33.3%)"]
    change = _table(s.change_panel)
    assert change["Hộ cận nghèo – Rà soát 2026"] == ["1 (−1)"]
    assert change["Hộ cận nghèo – Rà soát 2025"] == ["2"]
    assert "PROPOSED" in page.source_label.text()


def test_round_switching(qtbot, db, commune):  # noqa: F811
    page = _page(qtbot, db)
    assert page.rounds.count() == 2
    index = page.rounds.findData(commune["r1"])
    assert "(closed)" in page.rounds.itemText(index)
    page.rounds.setCurrentIndex(index)
    page.rounds.activated.emit(index)
    _settle(qtbot, page)
    assert page.dashboard.round.id == commune["r1"]
    s = page.sections
    assert s.cards["near_poor"].value.text() == "2"
    assert "There is no earlier round" in s.change_panel.note_label.text()
    assert _table(s.change_panel) == {}
    page.refresh(Changes.of("surveys"))  # the chosen round stays chosen
    _settle(qtbot, page)
    assert page.dashboard.round.id == commune["r1"]


def test_refresh_only_on_shown_changes(qtbot, db, commune):  # noqa: F811
    page = _page(qtbot, db)
    first = page.dashboard
    page.refresh(Changes.of("settings"))
    page.refresh(Changes.of("communes"))
    _settle(qtbot, page)
    assert page.dashboard is first  # not reloaded
    g = Household(household_id="g", village="Thôn Đoài", survey=Survey(date="2026-10-02", poverty_causes=["no_job"]),
                  members=[Member(member_id="g-1", full_name="Lò Văn Páo")])
    save_household(db, g, round_id=commune["r2"])
    store_classifications(db, commune["r2"], [_result("g", "poor", ("water", "latrine", "telecom"))])
    page.refresh(Changes.of("households", "classifications"))
    _settle(qtbot, page)
    assert page.dashboard is not first
    assert page.sections.cards["poor"].value.text() == "3"
    assert _table(page.sections.cause_panel)["có lao động nhưng không có việc làm"][-1] == "1"
    _decide(db, commune["r2"], {"a": "poor", "b": "poor", "c": "poor", "g": "poor"})
    page.refresh(Changes.of("official"))
    _settle(qtbot, page)
    assert page.sections.cards["poor"].value.text() == "4"
    assert "OFFICIAL" in page.source_label.text()


def test_hidden_page_reloads_when_shown_and_requests_coalesce(qtbot, db, commune):  # noqa: F811
    page = _page(qtbot, db)
    first = page.dashboard
    page.hide()
    page.refresh(Changes.of("surveys"))
    _settle(qtbot, page)
    assert page.dashboard is first  # hidden: nothing computed
    store_classifications(db, commune["r2"], [_result("d", "poor", ("water", "latrine", "telecom"))])
    page.show()  # shown again: the noted change is loaded
    _settle(qtbot, page)
    assert page.dashboard is not first and page.sections.cards["poor"].value.text() == "3"
    loads = []
    page.loaded.connect(lambda: loads.append(page.dashboard))
    for _ in range(5):  # a burst of changes: at most the running and one more computation
        page.refresh(Changes.of("classifications"))
    _settle(qtbot, page)
    assert 1 <= len(loads) <= 2 and page.reload_button.isEnabled()


def test_page_in_the_main_window_state(qtbot, db, data_dir, commune):  # noqa: F811
    """Constructed as the main window does: ``DashboardPage(state)``."""
    from desktop_app.services.accounts import Actor
    from desktop_app.ui.settings import GuiSettings
    from desktop_app.ui.state import AppState

    state = AppState(db=db, data_dir=data_dir, settings=GuiSettings(data_dir),
                     actor=Actor(user_id=None, username="lan", role="officer"))
    state.reload()
    page = DashboardPage(state)
    qtbot.addWidget(page)
    page.show()
    _settle(qtbot, page)
    assert page.db is db and page.actor.username == "lan" and page.icon == "dashboard"
    assert page.dashboard.round.id == state.round.id == commune["r2"]
    assert page.rounds.count() == 2


def test_language_switch_recomputes_the_names(qtbot, db, commune):  # noqa: F811
    from desktop_app import i18n
    from desktop_app.ui import translation

    page = _page(qtbot, db)
    assert "Toàn xã" in _table(page.sections.village_panel)
    before = i18n.get_language()
    try:
        translation.set_language("en")  # widgets get a LanguageChange event
        qtbot.waitUntil(lambda: "Whole commune" in _table(page.sections.village_panel), timeout=20_000)
        assert "Drinking water" in _table(page.sections.indicator_panel)
    finally:
        translation.set_language(before)
    qtbot.waitUntil(lambda: "Toàn xã" in _table(page.sections.village_panel), timeout=20_000)
    _settle(qtbot, page)


def test_empty_register(qtbot, db):
    page = _page(qtbot, db)
    assert page.dashboard is None
    assert page.message.isVisibleTo(page) and "no survey round" in page.message.text()
    assert not page.sections.isVisibleTo(page)
