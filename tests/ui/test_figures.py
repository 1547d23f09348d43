"""The key-figures page: charts that grow and draw, replay on a tap, stop when hidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.content import chart_points
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.figures.chart_card import ChartCard
from tests.helpers.content import set_cell
from tests.helpers.ui import center, make_window, mouse_drag, open_page, touch_drag, touch_tap


def figures_page(window) -> FiguresPage:
    return window.stack.page("figures")


def card(window, chart_id: str) -> ChartCard:
    return next(c for c in figures_page(window).charts if c.chart.id == chart_id)


def expected_values(window, chart_id: str, lang: str) -> list[str]:
    content = window.session.content
    return [
        content.format_amount(p.figure.unit, p.value, p.figure.number.decimals, p.qualifier, lang)
        for p in chart_points(content.charts[chart_id])
    ]


def active_timers(widget) -> list[QTimer]:
    return [t for t in widget.findChildren(QTimer) if t.isActive()]


def open_figures(window, qtbot) -> FiguresPage:
    return open_page(window, qtbot, "figures", settled=False)  # the tests watch the count-up


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
def test_charts_end_on_exactly_the_data(qtbot, lang: str) -> None:
    window = make_window(qtbot, lang=lang)
    page = open_figures(window, qtbot)
    assert [c.chart.id for c in page.charts] == list(window.session.content.charts)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    for chart_id in window.session.content.charts:
        plot = card(window, chart_id).plot
        values = [v.toPlainText() for v in plot.values]
        assert values == expected_values(window, chart_id, lang), chart_id
        assert all(plot.texts()), chart_id
    for tile in page.tiles:
        assert tile.number.text() == window.session.content.format_figure(tile.figure, lang)
    bars = card(window, "output_2024").plot
    assert [round(w) for w in bars.bars.opts["width"]] == [3685, 765]
    if lang == "en":
        assert [v.toPlainText() for v in bars.values] == ["CNY 368.5 billion", "CNY 76.5 billion"]
        assert "+45.7% year on year" in bars.texts()
    if lang == "zh-Hant":
        assert [v.toPlainText() for v in bars.values] == ["3685億元", "765億元"]
        tile = next(t for t in page.tiles if t.figure.id == "target_terminal_stretch_2026")
        assert tile.number.text() == "力爭1萬億元"
    assert active_timers(page) == []


def test_bars_grow_and_lines_draw_on_the_way(window, qtbot) -> None:
    page = open_figures(window, qtbot)
    bars = card(window, "output_2024")
    trend = card(window, "output_path_2026")
    qtbot.waitUntil(lambda: 0.2 < bars.plot.progress < 0.8, timeout=15000)
    widths = list(bars.plot.bars.opts["width"])
    assert 0 < widths[0] < 3685
    qtbot.waitUntil(lambda: 0.1 < trend.plot.progress < 0.6, timeout=15000)
    drawn = trend.plot.solid.getData()[0]
    assert drawn is not None and drawn[-1] < 2026
    assert not trend.plot.values[-1].isVisible()  # the 2026 value shows once the line is there
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    assert trend.plot.values[-1].isVisible()
    assert list(trend.plot.dashed.getData()[0]) == [2024.0, 2025.0, 2026.0]


def test_a_tap_on_a_chart_replays_it_and_a_tap_on_a_tile_counts_again(window, qtbot) -> None:
    page = open_figures(window, qtbot)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    chart = card(window, "output_2024")
    touch_tap(chart, center(chart.plot))
    assert chart.running and page.running_animations() == 1
    qtbot.wait(80)
    assert chart.plot.progress < 0.5
    qtbot.waitUntil(lambda: not chart.running, timeout=15000)
    assert chart.plot.progress == 1.0
    tile = page.tiles[0]
    page.scroll.ensureWidgetVisible(tile)
    touch_tap(tile)
    assert page.running_animations() == 1
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    assert tile.number.text() == "3685亿元"


def test_leaving_stops_every_chart_and_timer(window, qtbot) -> None:
    page = open_figures(window, qtbot)
    assert page.running_animations() == len(page.charts) + len(page.tiles)
    window.go_home()
    assert page.running_animations() == 0
    assert active_timers(page) == []
    assert all(c.plot.progress == 1.0 for c in page.charts)


def test_a_finger_on_a_chart_scrolls_the_page_and_never_moves_the_chart(window, qtbot) -> None:
    page = open_figures(window, qtbot)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    chart = card(window, "output_2024")
    before = chart.plot.box.viewRange()
    scroll = page.scroll.verticalScrollBar()
    start = center(chart)
    touch_drag(chart, start, start - QPoint(0, window.theme.px(400)), steps=12)
    qtbot.waitUntil(lambda: scroll.value() > 0, timeout=15000)
    assert chart.plot.box.viewRange() == before
    assert not chart.running  # a drag is not a tap
    mouse_drag(chart.plot.viewport(), center(chart.plot), center(chart.plot) + QPoint(200, 80))
    QApplication.processEvents()
    assert chart.plot.box.viewRange() == before


def test_chart_text_from_content_is_shown_literally(content_dir: Path, qtbot) -> None:
    tag = "<b>Firms</b> <img src=x>"
    set_cell(content_dir, "figures.csv", "ai_companies_china_2024", "label_en", tag)
    set_cell(content_dir, "charts.csv", "companies_2024", "title_en", tag)
    window = make_window(qtbot, content_dir, lang="en")
    page = figures_page(window)
    page.settle()
    chart = card(window, "companies_2024")
    assert chart.title.text() == tag
    assert tag in chart.plot.texts()
    label = chart.plot.labels[0].textItem
    assert label.toPlainText() == tag
    assert "&lt;b&gt;" in label.toHtml()  # escaped: no bold, no image


def test_a_changed_value_redraws_the_chart(content_dir: Path, qtbot) -> None:
    set_cell(content_dir, "figures.csv", "ai_core_output_2024", "value", "1234.5")
    window = make_window(qtbot, content_dir, lang="en")
    page = figures_page(window)
    page.settle()
    plot = card(window, "output_2024").plot
    assert [v.toPlainText() for v in plot.values] == ["CNY 368.5 billion", "CNY 123.45 billion"]
    assert [round(w, 1) for w in plot.bars.opts["width"]] == [3685, 1234.5]
    tile = next(t for t in page.tiles if t.figure.id == "ai_core_output_2024")
    assert tile.number.text() == "CNY 123.45 billion"
