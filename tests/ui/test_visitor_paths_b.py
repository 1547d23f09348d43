"""Issue 15, text that fits: driven along the visitor's path (start in Chinese, tap English on
the header, tap the first Home tile) and checked on what the window shows, in the bundled
content and with a curator's longer English."""

from __future__ import annotations

import time
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QAbstractAnimation, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.figures.charts import BarChart, ChartPlot, TrendChart
from kiosk.ui.shell.main_window import KioskWindow
from kiosk.ui.widgets.text import DrawnText, TextLabel
from tests.helpers import EXHIBIT
from tests.helpers.content import append_rows, set_cell, set_playlist
from tests.helpers.ui import make_window, open_page, runtime_for, touch_tap

ELLIPSIS = "…"
Running = QAbstractAnimation.State.Running
SIZES = [(1920, 1080), (3840, 2160), (1080, 1920)]
SIZE_IDS = ["1080p", "4k", "portrait"]
LONGER = " and a good deal more words that a curator might well write here"


def settle(qtbot, ms: int = 150) -> None:
    """Let posted layout requests and late fits run."""
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(ms // 3)


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def switch_to(window: KioskWindow, lang: str, qtbot) -> None:
    touch_tap(window.header.languages[lang])
    assert window.session.language == lang
    settle(qtbot)


def open_first_tile(window: KioskWindow, qtbot) -> FiguresPage:
    page = open_page(window, qtbot, window.page_order()[1])
    assert isinstance(page, FiguresPage)
    settle(qtbot)
    return page


def english_figures_from_chinese(qtbot, folder: Path, size) -> tuple[KioskWindow, FiguresPage]:
    window = make_window(qtbot, folder, size=size, lang="zh-Hans")
    settle(qtbot)
    switch_to(window, "en", qtbot)
    return window, open_first_tile(window, qtbot)


def text_shown_whole_or_cut(label: QLabel) -> str:
    """Why ``label``'s text is not fully inside it, or '' when it is (or is cut with '…')."""
    text = label.text()
    full = getattr(label, "full_text", text)
    if text != full and not text.endswith(ELLIPSIS):
        return f"cut without an ellipsis: {text!r}"
    room = label.contentsRect()
    metrics = QFontMetrics(label.font())
    if label.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap)
        box = metrics.boundingRect(QRect(0, 0, room.width(), 10**6), flags, text)
        if box.width() > room.width() + 1 or box.height() > room.height() + 2:
            return f"{box.width()}x{box.height()} in {room.width()}x{room.height()}: {text!r}"
        return ""
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if widest > room.width() + 1:
        return f"{widest} px in {room.width()} px: {text!r}"
    return ""


def figures_problems(window: KioskWindow, page: FiguresPage) -> list[str]:
    """Every text of the figures spread outside the window or over the page dots' row (the
    spread never scrolls), or not fully shown; with 'More figures' open, its texts outside the
    visible width of its scroll area too."""
    problems: list[str] = []
    screen = window.rect()
    spread = screen.adjusted(0, 0, 0, -window.theme.page_bottom)
    area = page.more.area
    seen = in_window(area.viewport())
    body = area.widget()
    if page.more.isVisible() and (
        area.horizontalScrollBar().maximum() > 0 or body.width() > area.viewport().width()
    ):
        problems.append(f"scrolls sideways: body {body.width()} px in {area.viewport().width()} px")
    texts: list[QWidget] = [*page.findChildren(QLabel), *page.findChildren(DrawnText)]
    for label in texts:
        if not label.isVisible() or not label.text():
            continue
        rect = in_window(label)
        name = f"{type(label).__name__} {label.text()[:30]!r}"
        if body.isAncestorOf(label):
            if rect.left() < seen.left() or rect.right() > seen.right():
                problems.append(f"{name} at {rect} leaves the visible area {seen}")
        elif page.more.isAncestorOf(label):
            if not screen.contains(rect):
                problems.append(f"{name} at {rect} leaves the window {screen}")
        elif not spread.contains(rect):
            problems.append(f"{name} at {rect} leaves the spread {spread}")
        why = label.overflow() if isinstance(label, DrawnText) else text_shown_whole_or_cut(label)
        if why:
            problems.append(f"{name}: {why}")
    for chart in page.charts:
        if chart.isVisible():
            problems += [f"{chart.chart.id}: {p}" for p in plot_problems(chart.plot)]
    return problems


def open_more(page: FiguresPage, qtbot) -> None:
    touch_tap(page.more_button)
    qtbot.waitUntil(lambda: page.more.is_open and not page.more.animating, timeout=5000)
    page.settle()
    settle(qtbot)


def item_rect(plot: ChartPlot, item: pg.TextItem) -> QRectF:
    """A chart text's rectangle in the plot's pixels."""
    return plot.mapFromScene(item.sceneBoundingRect()).boundingRect().toRectF()


def plot_problems(plot: ChartPlot) -> list[str]:
    """Chart texts outside the plot's width, and a bar's label on top of its growth text."""
    plot.grab()  # a chart text takes its place on screen when it is drawn
    problems = []
    items = [i for i in plot.text_items() if i.isVisible()]
    for item in items:
        rect = item_rect(plot, item)
        if rect.left() < -1 or rect.right() > plot.width() + 1:
            problems.append(f"{item.toPlainText()!r} at {rect} outside 0..{plot.width()}")
    if isinstance(plot, BarChart):
        for label, growth in zip(plot.labels, plot.growths, strict=True):
            shown = growth.isVisible() and growth.toPlainText()
            if shown and item_rect(plot, label).intersects(item_rect(plot, growth)):
                problems.append(f"{label.toPlainText()!r} on {growth.toPlainText()!r}")
    return problems


# --- the English figures page, reached from Chinese -------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_english_figures_reached_from_chinese_home_fit_the_window(qtbot, size) -> None:
    window, page = english_figures_from_chinese(qtbot, EXHIBIT, size)
    assert figures_problems(window, page) == []
    for hero in page.heroes:  # every number whole
        assert hero.number.text() == window.session.content.format_figure(hero.figure, "en")
    open_more(page, qtbot)
    assert figures_problems(window, page) == []
    for tile in page.tiles:  # every value whole, inside its tile
        number = tile.number
        assert number.text() == window.session.content.format_figure(tile.figure, "en")
        assert number.overflow() == "", number.text()


def longer_english(folder: Path) -> None:
    """A curator's English, about twice as long as ours: titles, captions, labels, notes."""
    set_cell(folder, "pages.csv", "figures", "title_en", "Shenzhen, the AI City, in Numbers")
    set_cell(
        folder, "pages.csv", "figures", "caption_en", "AI output hit CNY 368.5 billion" + LONGER
    )
    set_cell(folder, "charts.csv", "companies_2024", "title_en", "AI companies" + LONGER)
    set_cell(folder, "charts.csv", "companies_2024", "note_en", "One in seven" + LONGER)
    set_cell(folder, "figures.csv", "ai_output_2024", "label_en", "AI industry output" + LONGER)
    set_cell(folder, "figures.csv", "ai_companies_china_2024", "label_en", "AI companies" + LONGER)
    set_cell(folder, "figures.csv", "ai_hurun_rank_2024", "label_en", "Hurun rank" + LONGER)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_a_curator_s_longer_english_still_fits_after_the_switch(
    content_dir: Path, qtbot, size
) -> None:
    longer_english(content_dir)
    window, page = english_figures_from_chinese(qtbot, content_dir, size)
    assert figures_problems(window, page) == []
    open_more(page, qtbot)
    assert figures_problems(window, page) == []


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)], ids=["1080p", "4k"])
def test_english_from_the_start_fits_the_window(content_dir: Path, qtbot, size) -> None:
    longer_english(content_dir)
    window = make_window(qtbot, content_dir, size=size, lang="en")
    page = open_first_tile(window, qtbot)
    assert figures_problems(window, page) == []


def test_switching_back_and_forth_on_the_page_keeps_it_inside(qtbot) -> None:
    window, page = english_figures_from_chinese(qtbot, EXHIBIT, (1920, 1080))
    for lang in ("zh-Hant", "en", "zh-Hans", "en"):
        switch_to(window, lang, qtbot)
        page.settle()
        settle(qtbot)
        assert figures_problems(window, page) == [], lang


# --- charts -------------------------------------------------------------------------------------


def percent_chart(folder: Path, *values: str) -> None:
    """A bar chart of percentages only (a curator's share chart)."""
    ids = []
    for index, value in enumerate(values):
        ids.append(f"share_{index}")
        append_rows(
            folder,
            "figures.csv",
            f"share_{index},{value},percent,,,2024,time_weekly,"
            f"份额{index},份額{index},Share {index}",
        )
    append_rows(
        folder,
        "charts.csv",
        f"shares,bars,{' '.join(ids)},份额,份額,Shares,份额说明,份額說明,What the shares are",
    )


def bar_share(plot: BarChart, index: int) -> float:
    """How much of the plot's width a bar takes."""
    assert isinstance(plot.bars, pg.BarGraphItem)
    x0 = plot.mapFromScene(plot.box.mapViewToScene(pg.Point(0, index))).x()
    x1 = plot.mapFromScene(plot.box.mapViewToScene(pg.Point(plot.bars.opts["width"][index], index)))
    return (x1.x() - x0) / plot.width()


@pytest.mark.parametrize("values", [("28.8",), ("28.8", "45.7")], ids=["lone", "pair"])
def test_a_percent_bar_is_its_share_of_the_whole_track(content_dir: Path, qtbot, values) -> None:
    percent_chart(content_dir, *values)
    window, page = english_figures_from_chinese(qtbot, content_dir, (1920, 1080))
    open_more(page, qtbot)  # a chart not marked for the spread is one tap away
    plot = next(c.plot for c in page.charts if c.chart.id == "shares")
    assert isinstance(plot, BarChart)
    # the track (where 100 % ends) takes most of the plot; the rest is room for the value
    for index, value in enumerate(values):
        share = bar_share(plot, index)
        assert 0.6 * float(value) / 100 <= share <= float(value) / 100 + 0.01, (value, share)
    assert plot_problems(plot) == []


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_bar_labels_never_sit_on_the_growth_text(content_dir: Path, qtbot, size) -> None:
    longer_english(content_dir)
    window, page = english_figures_from_chinese(qtbot, content_dir, size)
    open_more(page, qtbot)
    bars = [c.plot for c in page.charts if isinstance(c.plot, BarChart)]
    assert any(g.toPlainText() for plot in bars for g in plot.growths)
    for plot in bars:
        assert plot_problems(plot) == [], plot.chart.id if plot.chart else ""


def test_trend_labels_stay_under_their_points_after_a_switch(qtbot) -> None:
    window = make_window(qtbot, size=(1920, 1080), lang="zh-Hans")
    page = open_first_tile(window, qtbot)
    switch_to(window, "zh-Hant", qtbot)
    page.settle()
    settle(qtbot)
    open_more(page, qtbot)
    trends = [c.plot for c in page.charts if isinstance(c.plot, TrendChart)]
    assert trends
    for plot in trends:
        plot.grab()  # a chart text takes its place on screen when it is drawn
        for x, y, value, year in zip(plot.xs, plot.ys, plot.values, plot.years, strict=True):
            point = plot.mapFromScene(plot.box.mapViewToScene(pg.Point(x, y)))
            for item in (value, year):
                centre = item_rect(plot, item).center().x()
                assert abs(centre - point.x()) <= 3, (item.toPlainText(), centre, point.x())


# --- the same mechanism on Home and the timeline ------------------------------------------------


def no_overlap(labels: list[TextLabel]) -> list[str]:
    rects = [(label, in_window(label)) for label in labels if label.isVisible() and label.text()]
    return [
        f"{a.text()[:20]!r} on {b.text()[:20]!r}"
        for i, (a, ra) in enumerate(rects)
        for b, rb in rects[i + 1 :]
        if ra.intersects(rb)
    ]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_long_english_home_tiles_keep_title_and_caption_apart(
    content_dir: Path, qtbot, size
) -> None:
    for page_id in ("figures", "chain", "robots", "policy", "voices"):
        title, caption = f"The long {page_id} title", f"A {page_id} caption"
        set_cell(content_dir, "pages.csv", page_id, "title_en", title + LONGER)
        set_cell(content_dir, "pages.csv", page_id, "caption_en", caption + LONGER)
    window = make_window(qtbot, content_dir, size=size, lang="zh-Hans")
    switch_to(window, "en", qtbot)
    home = window.stack.page("home")
    for tile in home.tiles:
        tile_rect = in_window(tile)
        assert window.rect().contains(tile_rect)
        assert no_overlap([tile.title, tile.caption]) == []
        for label in (tile.title, tile.caption):
            assert tile_rect.contains(in_window(label)), label.text()
            assert text_shown_whole_or_cut(label) == "", label.text()


def test_english_timeline_cards_cut_only_at_a_word_with_an_ellipsis(
    content_dir: Path, qtbot
) -> None:
    window = make_window(qtbot, content_dir, size=(1920, 1080), lang="zh-Hans")
    switch_to(window, "en", qtbot)
    window.go_to("policy", animate=False)
    page = window.stack.page("policy")
    page.settle()
    settle(qtbot)
    texts = [label for label in page.findChildren(TextLabel) if label.isVisible() and label.text()]
    assert texts
    for label in texts:
        assert text_shown_whole_or_cut(label) == "", label.text()
        shown = label.text()
        full = getattr(label, "full_text", shown)
        if shown != full:
            head = shown.removesuffix(ELLIPSIS)
            assert full.startswith(head), shown
            after = full[len(head) : len(head) + 1]
            assert not after or not after.isalnum(), f"cut inside a word: {shown!r}"


# --- the attract loop's English round -----------------------------------------------------------


def test_the_attract_loop_s_english_round_shows_the_figures_inside(
    content_dir: Path, qtbot
) -> None:
    """Home, then the figures, each loop in the next language: the page laid out in Chinese
    first must fit in the English round too (with a curator's longer English)."""
    longer_english(content_dir)
    set_playlist(content_dir, '{ page = "home", dwell = 3 }', '{ page = "figures", dwell = 4 }')
    window = make_window(qtbot, content_dir, size=(1920, 1080), lang="zh-Hans")
    runtime = runtime_for(window, time.monotonic)
    page = window.stack.page("figures")
    assert isinstance(page, FiguresPage)
    runtime.start_autoplay()
    try:
        qtbot.waitUntil(
            lambda: window.session.language == "en" and window.stack.current is page,
            timeout=30000,
        )
        qtbot.waitUntil(lambda: window.stack.transition.state() != Running, timeout=5000)
        page.settle()
        settle(qtbot)
        assert window.session.language == "en"
        assert figures_problems(window, page) == []
    finally:  # the runtime outlives the test otherwise: leave nothing running
        runtime.player.stop()
        runtime.timer.stop()
        QApplication.instance().removeEventFilter(runtime)
