"""The key-figures page: one spread of big numbers and charts, with the rest under 'More
figures'; charts that grow and draw, replay on a tap, stop when hidden."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QScroller

from kiosk.content import chart_points
from kiosk.content.known_texts import text_languages
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.figures.chart_card import ChartCard
from kiosk.ui.pages.figures.charts import BarChart
from kiosk.ui.pages.figures.hero import split_number
from kiosk.ui.pages.figures.page import hero_rows
from kiosk.ui.theme import FIGURE_PX, SECONDARY_PX
from kiosk.ui.tools.layout_check import audit
from kiosk.ui.widgets.text import DrawnText
from tests.helpers import EXHIBIT, STRESS
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


def open_more(page: FiguresPage, qtbot) -> None:
    """A visitor's tap on 'More figures'; waits until the panel stands open."""
    touch_tap(page.more_button)
    qtbot.waitUntil(lambda: page.more.is_open and not page.more.animating, timeout=5000)


def test_split_number_keeps_the_words_around_the_digits() -> None:
    assert split_number("CNY 368.5 billion") == ("CNY ", "368.5", " billion")
    assert split_number("3685亿元") == ("", "3685", "亿元")
    assert split_number("over 2,000 companies") == ("over ", "2,000", " companies")
    assert split_number("over 20%") == ("over ", "20%", "")
    assert split_number("全國第1") == ("全國第", "1", "")
    assert split_number("no digits") == ("no digits", "", "")


def test_hero_rows_leave_no_hole() -> None:
    assert hero_rows(4, portrait=False) == [4]
    assert hero_rows(6, portrait=False) == [6]
    assert hero_rows(4, portrait=True) == [2, 2]
    assert hero_rows(5, portrait=True) == [3, 2]
    assert hero_rows(3, portrait=True) == [3]
    assert hero_rows(0, portrait=True) == []


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
def test_charts_and_numbers_end_on_exactly_the_data(qtbot, lang: str) -> None:
    window = make_window(qtbot, lang=lang)
    content = window.session.content
    page = open_figures(window, qtbot)
    assert sorted(c.chart.id for c in page.charts) == sorted(content.charts)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    for hero in page.heroes:
        assert hero.number.text() == content.format_figure(hero.figure, lang)
    open_more(page, qtbot)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    for chart_id in content.charts:
        plot = card(window, chart_id).plot
        values = [v.toPlainText() for v in plot.values]
        assert values == expected_values(window, chart_id, lang), chart_id
        assert all(plot.texts()), chart_id
    for tile in page.tiles:
        assert tile.number.text() == content.format_figure(tile.figure, lang)
    bars = card(window, "output_2024").plot
    assert [round(w) for w in bars.bars.opts["width"]] == [3685, 765]
    if lang == "en":
        assert [v.toPlainText() for v in bars.values] == ["CNY 368.5 billion", "CNY 76.5 billion"]
        assert "+45.7% year on year" in bars.texts()
    if lang == "zh-Hant":
        assert [v.toPlainText() for v in bars.values] == ["3685億元", "765億元"]
        hero = next(h for h in page.heroes if h.figure.id == "ai_output_2024")
        assert hero.number.text() == "3685億元"
    assert active_timers(page) == []


def test_the_spread_shows_each_number_once_and_the_rest_under_more(qtbot) -> None:
    window = make_window(qtbot, lang="en")
    content = window.session.content
    page = open_figures(window, qtbot)
    on_spread = [h.figure.id for h in page.heroes]
    on_spread += [f.id for c in page.spread_charts for f in c.chart.figures]
    assert len(on_spread) == len(set(on_spread)), on_spread
    assert 4 <= len(page.heroes) <= 6 and len(page.spread_charts) <= 2
    shown = set(on_spread) | {t.figure.id for t in page.tiles}
    shown |= {f.id for c in page.more.charts for f in c.chart.figures}
    assert shown == set(content.figures)  # nothing is lost, only one tap away
    assert not page.more.isVisible()
    open_more(page, qtbot)
    assert page.more.title.text() == "More figures"
    assert page.tiles and all(t.isVisible() for t in page.tiles[:1])
    touch_tap(page.more.back)
    qtbot.waitUntil(lambda: page.more.isHidden(), timeout=5000)


def test_hero_digits_are_set_for_distance(qtbot) -> None:
    for size in ((1920, 1080), (1080, 1920)):
        window = make_window(qtbot, size=size, lang="en")
        page = open_page(window, qtbot, "figures")
        for hero in page.heroes:
            assert hero.number.font().pixelSize() >= window.theme.px(FIGURE_PX), hero.figure.id
            assert hero.number.overflow() == "", hero.figure.id
            assert hero.label.text() == hero.figure.label.get("en")


def test_bars_ten_times_apart_get_scales_of_their_own(qtbot) -> None:
    window = make_window(qtbot, lang="en")
    open_page(window, qtbot, "figures")
    open_more(figures_page(window), qtbot)  # in English at 1080p it stands under 'More figures'
    robots = card(window, "robot_cluster_2024").plot
    qtbot.waitUntil(lambda: robots.progress == 1.0, timeout=10000)
    assert isinstance(robots, BarChart) and robots.separate
    assert robots.texts()[-3:] != []
    scales = [s.toPlainText() for s in robots.scale_texts]
    assert scales == ["scale 0–80,000", "scale 0–40", "scale 0–40"]
    widths = list(robots.bars.opts["width"])
    track = robots.tracks.opts["width"][0]
    assert widths[0] / track == pytest.approx(74032 / 80000)  # each on its own scale's track
    assert widths[1] / track == pytest.approx(34 / 40)
    assert widths[2] / widths[1] == pytest.approx(9 / 34)  # 34 and 9 share one
    companies = card(window, "companies_2024").plot
    assert isinstance(companies, BarChart) and not companies.separate
    assert not any(s.isVisible() for s in companies.scale_texts)
    assert [round(w) for w in companies.bars.opts["width"]] == [13069, 2000]


def test_bars_grow_and_lines_draw_on_the_way(window, qtbot) -> None:
    page = open_figures(window, qtbot)
    bars = card(window, "companies_2024")
    qtbot.waitUntil(lambda: 0.2 < bars.plot.progress < 0.8, timeout=15000)
    widths = list(bars.plot.bars.opts["width"])
    assert 0 < widths[0] < 13069
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    open_more(page, qtbot)
    trend = card(window, "output_path_2026")
    qtbot.waitUntil(lambda: 0.1 < trend.plot.progress < 0.6, timeout=15000)
    drawn = trend.plot.solid.getData()[0]
    assert drawn is not None and drawn[-1] < 2026
    assert not trend.plot.values[-1].isVisible()  # the 2026 value shows once the line is there
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    assert trend.plot.values[-1].isVisible()
    assert list(trend.plot.dashed.getData()[0]) == [2024.0, 2025.0, 2026.0]


def test_a_tap_replays_a_chart_and_counts_a_number_again(window, qtbot) -> None:
    page = open_figures(window, qtbot)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    chart = card(window, "companies_2024")
    touch_tap(chart, center(chart.plot))
    assert chart.running and page.running_animations() == 1
    qtbot.wait(80)
    assert chart.plot.progress < 0.5
    qtbot.waitUntil(lambda: not chart.running, timeout=15000)
    assert chart.plot.progress == 1.0
    hero = page.heroes[0]
    touch_tap(hero)
    assert page.running_animations() == 1
    qtbot.wait(200)
    assert hero.number.text() != "3685亿元"  # on its way up
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    assert hero.number.text() == "3685亿元"


def test_leaving_stops_every_chart_and_timer(window, qtbot) -> None:
    page = open_figures(window, qtbot)
    assert page.running_animations() == len(page.heroes) + len(page.spread_charts)
    window.go_home()
    assert page.running_animations() == 0
    assert active_timers(page) == []
    assert all(c.plot.progress == 1.0 for c in page.charts)


def test_a_finger_on_a_chart_scrolls_more_figures_and_never_moves_the_chart(window, qtbot) -> None:
    page = open_figures(window, qtbot)
    open_more(page, qtbot)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    chart = card(window, "output_2024")
    before = chart.plot.box.viewRange()
    scroll = page.more.area.verticalScrollBar()
    start = center(chart)
    touch_drag(chart, start, start - QPoint(0, window.theme.px(400)), steps=12)
    qtbot.waitUntil(lambda: scroll.value() > 0, timeout=15000)
    assert chart.plot.box.viewRange() == before
    assert not chart.running  # a drag is not a tap
    assert page.more.is_open  # nor a tap on the scrim
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


def test_a_changed_value_redraws_the_chart_and_the_number(content_dir: Path, qtbot) -> None:
    set_cell(content_dir, "figures.csv", "ai_core_output_2024", "value", "1234.5")
    set_cell(content_dir, "figures.csv", "ai_output_2024", "value", "4000")
    window = make_window(qtbot, content_dir, lang="en")
    page = figures_page(window)
    page.settle()
    plot = card(window, "output_2024").plot
    assert [v.toPlainText() for v in plot.values] == ["CNY 400 billion", "CNY 123.45 billion"]
    assert [round(w, 1) for w in plot.bars.opts["width"]] == [4000, 1234.5]
    hero = next(h for h in page.heroes if h.figure.id == "ai_output_2024")
    assert hero.number.text() == "CNY 400 billion"
    assert hero.figure.number.value == Decimal("4000")


SIZES = [(1920, 1080), (1080, 1920), (3840, 2160)]


def spread_errors(window, page: FiguresPage, lang: str) -> list[str]:
    """What the layout check finds wrong on the spread, and any text the spread puts over the
    page dots' row or out of the window (it never scrolls)."""
    content = window.session.content
    smallest = window.theme.px(SECONDARY_PX)
    found = audit(window, "figures", lang, text_languages(content), window.theme.touch, smallest)
    errors = [f.line() for f in found if f.error]
    floor = window.height() - window.theme.page_bottom
    for widget in [*page.findChildren(QLabel), *page.findChildren(DrawnText)]:
        if widget.isVisible() and widget.text() and not page.more.isAncestorOf(widget):
            rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            if rect.bottom() > floor or not window.rect().contains(rect):
                errors.append(f"{widget.text()[:30]!r} at {rect}: off the spread")
    return errors


@pytest.mark.parametrize("size", SIZES, ids=["1080p", "portrait", "4k"])
@pytest.mark.parametrize("pack", [EXHIBIT, STRESS], ids=["exhibit", "stress"])
def test_the_spread_fits_the_screen_without_scrolling(qtbot, pack: Path, size) -> None:
    for lang in ("zh-Hans", "zh-Hant", "en"):
        window = make_window(qtbot, pack, size=size, lang=lang)
        page = open_page(window, qtbot, "figures")
        assert page.heroes and page.spread_charts
        assert not [a for a in page.findChildren(QScrollArea) if not page.more.isAncestorOf(a)]
        assert spread_errors(window, page, lang) == [], lang
        window.close()


def chart_ids(cards: list[ChartCard]) -> list[str]:
    return [c.chart.id for c in cards]


def test_a_chart_back_on_the_4k_spread_has_its_first_label_inside_it(qtbot) -> None:
    """At 3840x2160 a bar label's laid-out line is a pixel taller than its font's: after a tap
    on 简体中文 with 'More figures' open (opened in English, where the robot chart waits
    under it), the chart back on the spread had its first label 2 px above its top."""
    window = make_window(qtbot, size=(3840, 2160), lang="en")
    page = open_page(window, qtbot, "figures")
    page.settle()
    touch_tap(page.more_button)
    page.more.settle()
    touch_tap(window.header.languages["zh-Hans"])
    page.settle()
    robot = next(c for c in page.spread_charts if c.objectName() == "chart-robot_cluster_2024")
    assert robot.isVisible()
    assert spread_errors(window, page, "zh-Hans") == []


def test_a_chart_the_screen_has_no_room_for_waits_under_more_until_there_is(qtbot) -> None:
    """In English at 1920x1080 the exhibit's numbers take two lines more than in Chinese, and
    the robot cluster's note lay over its last bar: that chart waits under 'More figures'. A
    visitor's switch to Chinese on the page brings it back, drawn whole."""
    window = make_window(qtbot, lang="en")
    page = open_page(window, qtbot, "figures")
    assert chart_ids(page.spread_charts) == ["companies_2024"]
    assert page.findChild(ChartCard, "chart-robot_cluster_2024").isHidden()
    assert "robot_cluster_2024" in chart_ids(page.more.charts)
    assert spread_errors(window, page, "en") == []
    assert "robot industry cluster" in page.sources.text()  # a hero's source still
    touch_tap(window.header.languages["zh-Hans"])
    both = ["companies_2024", "robot_cluster_2024"]
    qtbot.waitUntil(lambda: chart_ids(page.spread_charts) == both, timeout=5000)
    robots = page.spread_charts[1]
    assert robots.isVisible() and robots.plot.progress == 1.0
    assert "9家" in robots.plot.texts()
    assert spread_errors(window, page, "zh-Hans") == []
    open_more(page, qtbot)  # built when it opens: the switch did not wait for it
    assert "robot_cluster_2024" not in chart_ids(page.more.charts)
    assert page.more.title.text() == "更多数据"
    assert all(c.plot.lang == "zh-Hans" for c in page.more.charts)
    touch_tap(window.header.languages["en"])  # and back, the panel open: there at once
    qtbot.waitUntil(lambda: chart_ids(page.spread_charts) == ["companies_2024"], timeout=5000)
    moved = next(c for c in page.more.charts if c.chart.id == "robot_cluster_2024")
    qtbot.waitUntil(lambda: moved.plot.progress == 1.0, timeout=10000)
    assert "9 companies" in moved.plot.texts()


@pytest.mark.parametrize("size", SIZES[:2], ids=["1080p", "portrait"])
def test_more_figures_leaves_no_hole_beside_a_last_card(qtbot, size) -> None:
    """Every row of 'More figures' is as wide as the panel's grid: charts two to a row and the
    figures three in landscape (a shorter last row's cards wider), one column in portrait."""
    for lang in ("zh-Hans", "en"):  # 4 and 5 charts at 1080p, 9 figures
        window = make_window(qtbot, size=size, lang=lang)
        page = open_page(window, qtbot, "figures")
        open_more(page, qtbot)
        rows: dict[int, list[QRect]] = {}
        for item in page.more.cards:
            rows.setdefault(item.y(), []).append(item.geometry())
        left = min(r.left() for row in rows.values() for r in row)
        right = max(r.right() for row in rows.values() for r in row)
        for y, row in rows.items():
            assert min(r.left() for r in row) == left, (lang, y)
            assert abs(max(r.right() for r in row) - right) <= 1, (lang, y, row)
        per_row = [len(rows[y]) for y in sorted(rows)]
        charts = len(page.more.charts)
        if size[0] > size[1]:
            assert per_row[: charts // 2] == [2] * (charts // 2)
            assert per_row[-3:] == [3, 3, 3], per_row  # the exhibit's nine figures
        else:
            assert set(per_row) == {1}
        window.close()


def ink_under(plot, item) -> int:
    """Pixels of a chart text's rectangle that differ from the plot's ground."""
    image = plot.grab().toImage()
    rect = plot.mapFromScene(item.sceneBoundingRect()).boundingRect()
    ground = image.pixelColor(2, 2)
    return sum(
        image.pixelColor(x, y) != ground
        for x in range(max(0, rect.left()), min(image.width(), rect.right()), 2)
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom()), 2)
    )


def test_every_chart_text_is_drawn_when_more_figures_opens(qtbot) -> None:
    """A chart first painted into the panel's opening picture once lost its first label and
    its years (a stale text cache): each shown text must leave ink where it stands."""
    window = make_window(qtbot, lang="en")
    page = open_page(window, qtbot, "figures")
    open_more(page, qtbot)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    for chart in page.more.charts:
        if not chart.visibleRegion().isEmpty():
            for item in chart.plot.text_items():
                if item.isVisible() and item.toPlainText():
                    assert ink_under(chart.plot, item) > 20, (chart.chart.id, item.toPlainText())


def _off_ground(image: QImage, rows: range, colour: QColor, skip: range) -> int:
    """How many pixels of ``rows`` (outside the columns ``skip``) differ from ``colour``."""
    off = 0
    for y in rows:
        for x in range(0, image.width(), 3):
            if x in skip:
                continue
            pixel = image.pixelColor(x, y)
            if max(abs(pixel.red() - colour.red()), abs(pixel.blue() - colour.blue())) > 6:
                off += 1
    return off


def test_more_figures_shows_that_more_lies_below_until_the_end(window, qtbot) -> None:
    """A row cut at the panel's foot fades under a chevron while more lies below (the issue:
    a chart row cut at the fold with no cue); scrolled to the end, the cue goes."""
    page = open_figures(window, qtbot)
    open_more(page, qtbot)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    area = page.more.area
    scroll = area.verticalScrollBar()
    assert scroll.maximum() > 0  # the exhibit's More figures is taller than its panel
    assert area.cue.isVisible()
    viewport = area.viewport().geometry()
    assert area.cue.geometry().bottom() == viewport.bottom()
    assert area.cue.width() == viewport.width()

    def foot() -> int:  # what is drawn in the viewport's last rows, beside the chevron
        image = area.grab(viewport).toImage()
        middle = image.width() // 2
        rows = range(image.height() - 6, image.height() - 1)
        surface = window.theme.palette.color("surface")
        return _off_ground(image, rows, surface, range(middle - 60, middle + 60))

    assert foot() == 0  # the cut cards fade into the panel
    area.cue.hide()
    assert foot() > 0  # (without the cue their edges and words run into the foot)
    area.cue.follow()
    middle = center(area)
    for _ in range(12):  # a visitor swipes up to the end
        if scroll.value() == scroll.maximum():
            break
        touch_drag(area, middle, middle - QPoint(0, window.theme.px(300)), steps=10)
        qtbot.waitUntil(
            lambda: page.more.kinetic.scroller.state() == QScroller.State.Inactive, timeout=5000
        )
    assert scroll.value() == scroll.maximum()
    assert not area.cue.isVisible()
    touch_drag(area, middle, middle + QPoint(0, window.theme.px(200)), steps=10)
    qtbot.waitUntil(lambda: scroll.value() < scroll.maximum(), timeout=5000)
    assert area.cue.isVisible()


def test_a_hidden_spread_fitted_again_keeps_the_language_of_its_words(qtbot) -> None:
    """Seen on a real window: after a switch to English, a resize of the hidden figures page
    set its sources in English over words still in Chinese; the attract loop's reset back to
    Chinese then showed Chinese numbers over English sources."""
    window = make_window(qtbot, lang="zh-Hans")
    window.stack.build_all()
    page = figures_page(window)
    assert page.isHidden() and page.language == "zh-Hans"
    touch_tap(window.header.languages["en"])  # on Home: the hidden page catches up later
    # a resize reaches a hidden page when anything is drawn off screen (a detail's opening
    # picture on another page sent it, traced on the real window): it fits again, hidden
    page.resize(page.width(), page.height() - 1)
    page.grab()
    assert page.sources.text() == page.credits("zh-Hans")
    touch_tap(window.header.languages["zh-Hans"])  # back before it was ever shown
    page = open_page(window, qtbot, "figures")
    assert page.sources.text() == page.credits("zh-Hans")
    assert page.sources.text().startswith("来源")


def shown_plot(window, plot) -> QImage:
    """The plot's pixels as the window shows them (its backing store)."""
    screen = window.backingStore().paintDevice()
    assert isinstance(screen, QImage)
    ratio = screen.devicePixelRatio()
    viewport = plot.viewport()
    corner = viewport.mapTo(window, QPoint(0, 0)) * ratio
    shown = screen.copy(QRect(corner, viewport.size() * ratio))
    return shown.convertToFormat(QImage.Format.Format_RGB32)


def pixels(image: QImage) -> np.ndarray:
    """An RGB32 image as an array of rows of BGRA bytes."""
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]
    return rows.reshape(image.height(), image.width(), 4).copy()


@pytest.mark.parametrize("chart_id", ["robot_cluster_2024", "output_path_2026"])
def test_a_chart_drawn_a_strip_a_frame_shows_what_drawing_it_whole_shows(
    window, qtbot, chart_id: str
) -> None:
    """Each frame of a chart's animation repaints only what it changed (the band a bar's end
    or the line swept, the texts that moved or faded): paused on the way and at the end, the
    screen shows exactly the chart drawn whole."""
    page = open_figures(window, qtbot)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    chart = next((c for c in page.spread_charts if c.chart.id == chart_id), None)
    if chart is None:  # under 'More figures', scrolled into view
        open_more(page, qtbot)
        chart = next(c for c in page.more.charts if c.chart.id == chart_id)
        page.more.area.ensureWidgetVisible(chart, 0, 0)
        qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    on_screen = QRect(chart.plot.mapTo(window, QPoint(0, 0)), chart.plot.size())
    assert window.rect().contains(on_screen)
    touch_tap(chart, center(chart.plot))
    for stop in (0.35, 0.6, 1.0):
        qtbot.waitUntil(lambda s=stop: chart.plot.progress >= s, timeout=15000)
        if chart.running:
            chart.sequence.pause()
        QApplication.processEvents()  # the frame of the chart as it stands
        shown = pixels(shown_plot(window, chart.plot))
        chart.plot.viewport().repaint()  # the same frame drawn whole, in the same place
        whole = pixels(shown_plot(window, chart.plot))
        # the same pixels: a gradient clipped to a band may round a channel one step apart,
        # and a wide line's corner rasterise a pixel or two differently (a part left undrawn
        # differs by hundreds: a dot, a text, a bar's band)
        differ = (abs(shown.astype(int) - whole.astype(int)) > 2).any(axis=2)
        assert int(differ.sum()) <= 8, stop
        if stop < 1.0:
            chart.sequence.resume()


def test_more_figures_slides_in_with_its_charts_at_their_start(qtbot) -> None:
    """The panel's opening shows the charts and figures as they will start, empty and at
    zero (its picture was taken before they were reset: full charts slid in, then vanished
    and grew); they start once it has landed, so the frame it lands on stands on that
    picture instead of drawing every chart whole (26-31 ms at 4K)."""
    window = make_window(qtbot, lang="en")
    page = open_page(window, qtbot, "figures")
    open_more(page, qtbot)  # drawn once: now full, as a second opening finds them
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    more = page.more
    more.dismiss(animate=False)
    stood = more.stand_in.frames
    touch_tap(page.more_button)
    assert more.animating
    assert all(chart.plot.progress == 0.0 for chart in more.charts)
    shown = more._picture.toImage()
    drawn = more._panel_picture().toImage()  # the panel as it stands now: charts empty
    assert shown == drawn
    qtbot.waitUntil(lambda: not more.animating, timeout=5000)
    QApplication.processEvents()  # the frame it lands on
    assert more.stand_in.frames == stood + 1
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    assert all(chart.plot.progress == 1.0 for chart in more.charts)
