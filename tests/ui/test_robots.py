"""The robot showcase: swipe, flick and tap the carousel with a finger or the mouse, open and
close a robot's detail, and see the fallback artwork when a robot's image is missing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QRegion
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.pages.robots import RobotsPage
from kiosk.ui.pages.robots.robot_card import FALLBACK_ART
from kiosk.ui.widgets.carousel import NEIGHBOUR_OPACITY
from kiosk.ui.widgets.text import TextLabel
from tests.helpers import EXHIBIT
from tests.helpers.content import set_cell
from tests.helpers.ui import (
    center,
    make_window,
    mouse_drag,
    to_window,
    touch_device,
    touch_drag,
    touch_tap,
)

SIZES = [(1920, 1080), (1080, 1920), (3840, 2160)]
LANGS = ["zh-Hans", "zh-Hant", "en"]


def open_robots(qtbot, folder: Path = EXHIBIT, size=(1920, 1080), lang=None):
    window = make_window(qtbot, folder, size, lang)
    window.go_to("robots", animate=False)
    page: RobotsPage = window.stack.page("robots")
    page.settle()
    QApplication.processEvents()
    return window, page


def landed(page: RobotsPage, qtbot) -> None:
    """Wait until the strip rests on a card (and the cards around it are drawn)."""
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)


def shown_name(page: RobotsPage) -> str:
    """The name on the card drawn in the middle of the carousel."""
    carousel = page.carousel
    index = carousel.card_at(QRectF(carousel.rect()).center())
    assert index is not None
    assert carousel.position == index  # it rests there, it is not on its way
    return page.cards[index].name


def names(window, lang: str) -> list[str]:
    return [r.name.get(lang) for r in window.session.content.robots.values()]


def slow_touch_drag(qtbot, widget: QWidget, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """A finger that drags at a calm pace and rests before it lifts (no flick)."""
    window = widget.window()
    a, b = to_window(widget, start), to_window(widget, end)
    QTest.touchEvent(window, touch_device()).press(0, a, window).commit()
    for i in range(1, steps + 1):
        qtbot.wait(25)
        QTest.touchEvent(window, touch_device()).move(0, a + (b - a) * (i / steps), window).commit()
    qtbot.wait(160)
    QTest.touchEvent(window, touch_device()).release(0, b, window).commit()
    QApplication.processEvents()


def middle(page: RobotsPage) -> QPoint:
    return center(page.carousel)


# -- swiping --------------------------------------------------------------------------------


def test_touch_swipes_land_on_the_next_and_previous_card(qtbot) -> None:
    window, page = open_robots(qtbot)
    expected = names(window, "zh-Hans")
    assert shown_name(page) == expected[0]
    half_card = round(page.carousel.pitch() * 0.6)
    slow_touch_drag(qtbot, page.carousel, middle(page), middle(page) - QPoint(half_card, 0))
    landed(page, qtbot)
    assert shown_name(page) == expected[1]
    slow_touch_drag(qtbot, page.carousel, middle(page), middle(page) - QPoint(half_card, 0))
    landed(page, qtbot)
    assert shown_name(page) == expected[2]
    slow_touch_drag(qtbot, page.carousel, middle(page), middle(page) + QPoint(half_card, 0))
    landed(page, qtbot)
    assert shown_name(page) == expected[1]
    assert page.dots.position == 1.0
    assert window.current_page_id == "robots"


def test_a_slow_short_drag_snaps_back_but_a_quick_short_flick_moves_one_card(qtbot) -> None:
    window, page = open_robots(qtbot, lang="en")
    expected = names(window, "en")
    short = page.theme.px(90)  # far more than a tap, far less than half a card
    slow_touch_drag(qtbot, page.carousel, middle(page), middle(page) - QPoint(short, 0))
    landed(page, qtbot)
    assert shown_name(page) == expected[0]
    touch_drag(page.carousel, middle(page), middle(page) - QPoint(short, 0), steps=3)
    landed(page, qtbot)
    assert shown_name(page) == expected[1]
    touch_drag(page.carousel, middle(page), middle(page) + QPoint(short, 0), steps=3)
    landed(page, qtbot)
    assert shown_name(page) == expected[0]


def test_the_strip_follows_the_finger_while_it_drags(qtbot) -> None:
    window, page = open_robots(qtbot)
    carousel = page.carousel
    a = to_window(carousel, middle(page))
    distance = round(carousel.pitch() / 4)
    QTest.touchEvent(window, touch_device()).press(0, a, window).commit()
    QTest.touchEvent(window, touch_device()).move(0, a - QPoint(distance, 0), window).commit()
    assert carousel.position == pytest.approx(0.25, abs=0.01)
    QTest.touchEvent(window, touch_device()).move(0, a + QPoint(distance, 0), window).commit()
    assert -0.25 < carousel.position < 0  # past the first card it resists
    QTest.touchEvent(window, touch_device()).release(0, a + QPoint(distance, 0), window).commit()
    landed(page, qtbot)
    assert carousel.position == 0


def test_mouse_drags_swipe_and_a_small_mouse_drag_is_a_tap(qtbot) -> None:
    window, page = open_robots(qtbot, lang="zh-Hant")
    expected = names(window, "zh-Hant")
    carousel = page.carousel
    mouse_drag(carousel, middle(page), middle(page) - QPoint(page.theme.px(300), 0))
    landed(page, qtbot)
    assert shown_name(page) == expected[1]
    mouse_drag(carousel, middle(page), middle(page) + QPoint(page.theme.px(300), 0))
    landed(page, qtbot)
    assert shown_name(page) == expected[0]
    assert not page.detail.is_open
    small = page.theme.tap_slop // 2
    mouse_drag(carousel, middle(page), middle(page) + QPoint(small, small // 2), steps=3)
    assert page.detail.is_open
    assert page.detail.name.text() == expected[0]


def test_a_tiny_touch_drag_is_a_tap_that_opens_the_detail(qtbot) -> None:
    window, page = open_robots(qtbot)
    small = page.theme.tap_slop - 4
    touch_drag(page.carousel, middle(page), middle(page) - QPoint(small, 0), steps=4)
    assert page.detail.is_open
    assert page.detail.name.text() == names(window, "zh-Hans")[0]
    landed(page, qtbot)
    assert page.carousel.position == 0  # the strip did not move on


def test_a_tap_on_a_peeking_neighbour_brings_it_to_the_middle(qtbot) -> None:
    window, page = open_robots(qtbot)
    neighbour = page.carousel.card_rect(1)
    visible = neighbour.intersected(QRectF(page.carousel.rect()))
    touch_tap(page.carousel, visible.center().toPoint())
    assert not page.detail.is_open
    landed(page, qtbot)
    assert shown_name(page) == names(window, "zh-Hans")[1]


def test_swiping_on_the_carousel_never_changes_the_page(qtbot) -> None:
    window, page = open_robots(qtbot)
    far = page.carousel.width() // 3
    touch_drag(page.carousel, middle(page), middle(page) + QPoint(far, 0))  # back past card 0
    landed(page, qtbot)
    assert window.current_page_id == "robots"
    assert page.carousel.position == 0
    # the same swipe on the page's title is a page swipe
    touch_drag(page.title, QPoint(page.theme.px(40), 10), QPoint(page.theme.px(40) + far, 10))
    order = window.stack.order()
    assert window.current_page_id == order[order.index("robots") - 1]


def test_the_pages_built_behind_the_screen_wait_for_a_glide_to_end(qtbot) -> None:
    """A page takes up to 200 ms to build: built mid-glide, the strip jumped half its way."""
    window, page = open_robots(qtbot)
    pending = len(window.stack.factories) - len(window.stack.pages)
    assert pending > 0  # the window builds the rest after its first frame
    built_while_moving: set[int] = set()
    pages = window.stack.pages
    page.carousel.position_changed.connect(lambda _: built_while_moving.add(len(pages)))
    page.carousel.scroll_to(5)
    landed(page, qtbot)
    assert len(built_while_moving) == 1
    qtbot.waitUntil(lambda: len(window.stack.pages) == len(window.stack.factories), timeout=15000)


def test_a_finger_catches_a_moving_strip(qtbot) -> None:
    window, page = open_robots(qtbot)
    page.carousel.scroll_to(5)
    qtbot.waitUntil(lambda: 0.5 < page.carousel.position < 4.5, timeout=15000)
    a = to_window(page.carousel, middle(page))
    QTest.touchEvent(window, touch_device()).press(0, a, window).commit()
    caught = page.carousel.position
    assert page.carousel.snap.state() != QAbstractAnimation.State.Running
    qtbot.wait(60)
    assert page.carousel.position == caught  # held under the finger
    QTest.touchEvent(window, touch_device()).release(0, a, window).commit()
    landed(page, qtbot)
    assert page.carousel.position == round(caught)


# -- arrows and dots ------------------------------------------------------------------------


def test_arrows_step_and_stop_at_the_ends(qtbot) -> None:
    window, page = open_robots(qtbot, lang="en")
    expected = names(window, "en")
    for arrow in (page.previous, page.next):
        assert arrow.width() >= page.theme.touch and arrow.height() >= page.theme.touch
    assert not page.previous.isEnabled()
    touch_tap(page.previous)
    landed(page, qtbot)
    assert shown_name(page) == expected[0]
    touch_tap(page.next)
    touch_tap(page.next)  # a second tap while it moves goes on from where it is heading
    landed(page, qtbot)
    assert shown_name(page) == expected[2]
    assert page.dots.position == 2.0
    touch_tap(page.previous)
    landed(page, qtbot)
    assert shown_name(page) == expected[1]
    page.carousel.scroll_to(len(expected) - 1, animate=False)
    assert not page.next.isEnabled()
    touch_tap(page.next)
    landed(page, qtbot)
    assert shown_name(page) == expected[-1]


# -- the detail view ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_detail_shows_exactly_its_facts(qtbot, lang: str) -> None:
    window, page = open_robots(qtbot, lang=lang)
    content = window.session.content
    for index, robot in enumerate(content.robots.values()):
        page.carousel.scroll_to(index, animate=False)
        touch_tap(page.carousel)
        page.settle()
        detail = page.detail
        assert detail.is_open
        assert detail.name.text() == robot.name.get(lang)
        assert detail.fact_texts() == [fact.get(lang) for fact in robot.facts]
        assert detail.scene.text() == robot.scene.get(lang)
        assert detail.chip.text() == content.categories[robot.category].name.get(lang)
        assert detail.maker.isVisible() == (robot.maker is not None)
        if robot.maker is not None:
            assert detail.maker.text() == robot.maker.get(lang)
        assert robot.source.name.get(lang) in detail.source.text()
        assert detail.back.text() == content.string("detail.back", lang)
        touch_tap(detail.back)
        page.settle()
        assert not detail.isVisible()


def test_detail_closes_with_the_back_control_on_the_same_card(qtbot) -> None:
    window, page = open_robots(qtbot)
    page.carousel.scroll_to(3, animate=False)
    touch_tap(page.carousel)
    detail = page.detail
    assert detail.animating  # it fades in
    qtbot.waitUntil(lambda: not detail.animating, timeout=15000)
    assert detail.back.isVisible() and detail.back.height() >= page.theme.touch
    touch_tap(detail.back)
    assert not detail.is_open
    qtbot.waitUntil(lambda: not detail.isVisible(), timeout=15000)
    assert shown_name(page) == names(window, "zh-Hans")[3]


def test_detail_closes_with_a_tap_on_the_scrim_but_not_on_the_panel(qtbot) -> None:
    window, page = open_robots(qtbot, size=(1080, 1920), lang="en")
    page.carousel.scroll_to(2, animate=False)
    touch_tap(page.carousel)
    detail = page.detail
    qtbot.waitUntil(lambda: not detail.animating, timeout=15000)
    fact = detail.facts[0].label
    touch_tap(fact)
    assert detail.is_open
    touch_drag(detail, QPoint(10, detail.height() // 2), QPoint(detail.width() - 10, 0))
    assert detail.is_open and window.current_page_id == "robots"  # a swipe there is its own
    touch_tap(detail, QPoint(page.theme.px(20), detail.height() // 2))
    assert not detail.is_open
    qtbot.waitUntil(lambda: not detail.isVisible(), timeout=15000)
    assert shown_name(page) == names(window, "en")[2]


def test_an_open_detail_shows_the_page_under_it_in_the_language_tapped(qtbot) -> None:
    """Open, a detail keeps a dimmed picture of its page (the page does not repaint under it);
    a language tapped while it is open puts the page's new words in that picture, and the
    page paints itself again once the detail is closed."""
    window, page = open_robots(qtbot)
    touch_tap(page.carousel)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.panel.isVisible() and not detail.animating, timeout=15000)
    assert not page.carousel.updatesEnabled()  # held under the picture
    before = detail._backdrop.toImage()
    touch_tap(window.header.languages["en"])
    assert page.title.text() == window.session.content.pages["robots"].title.get("en")
    shown = detail._backdrop.toImage()
    assert shown != before and shown == detail.dimmed_page().toImage()
    touch_tap(detail.back)
    qtbot.waitUntil(lambda: detail.isHidden(), timeout=15000)
    assert page.carousel.updatesEnabled() and detail._backdrop.isNull()


def test_the_screen_shows_no_strip_of_the_panel_as_its_dimming_rolls_up(qtbot) -> None:
    """Closed to a band, the panel leaves none of it on screen while the dimmed page rolls up
    (the band's last picture stayed in the window's pixels until the blind passed it)."""
    window, page = open_robots(qtbot)
    touch_tap(page.carousel)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.panel.isVisible() and not detail.animating, timeout=15000)
    detail.lift.setDuration(3000)  # slow, so the band is still under the blind when read
    touch_tap(detail.back)
    qtbot.waitUntil(lambda: detail.lift.state() == QAbstractAnimation.State.Running, timeout=5000)
    QApplication.processEvents()  # the frame that starts the roll
    band = detail.origin().toAlignedRect().intersected(detail.rect())
    assert not band.isEmpty()
    screen = window.backingStore().paintDevice()  # the window's pixels, as shown
    assert isinstance(screen, QImage)
    ratio = screen.devicePixelRatio()
    top_left = detail.mapTo(window, band.topLeft()) * ratio
    shown = screen.copy(QRect(top_left, band.size() * ratio))
    expected = detail._backdrop.toImage().copy(QRect(band.topLeft() * ratio, band.size() * ratio))
    assert shown.convertToFormat(QImage.Format.Format_RGB32) == expected.convertToFormat(
        QImage.Format.Format_RGB32
    )


def window_pixels(window) -> QImage:
    """What the window shows (its backing store), as RGB32."""
    screen = window.backingStore().paintDevice()
    assert isinstance(screen, QImage)
    return screen.convertToFormat(QImage.Format.Format_RGB32)


def test_an_opening_rolls_the_dimming_down_a_band_a_frame(qtbot) -> None:
    """The dimmed page comes down over the page as it stood, so no frame of an opening copies
    a whole screen (the first one did: 7-13 ms at 4K); once down, it shows the dimmed page."""
    window, page = open_robots(qtbot)
    before = window_pixels(window)
    detail = page.detail
    detail.lower.setDuration(2000)  # slow, to read a frame on the way
    touch_tap(page.carousel)
    qtbot.waitUntil(lambda: 0.2 < detail.blind < 0.6, timeout=5000)
    detail.lower.pause()
    QApplication.processEvents()
    shown = window_pixels(window)
    bottom = detail.mapTo(window, QPoint(0, detail.height() - 3)).y()  # the page as it stood
    span = window.width() - 400  # clear of the shell's corner controls
    assert shown.copy(200, bottom, span, 1) == before.copy(200, bottom, span, 1)
    top = detail.mapTo(window, QPoint(0, 3)).y()  # above it: dimmed
    dimmed = detail._backdrop.toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = round(dimmed.devicePixelRatio())
    assert shown.copy(200, top, span, 1) == dimmed.copy(200 * ratio, 3 * ratio, span, 1)
    detail.lower.resume()
    qtbot.waitUntil(lambda: not detail.animating, timeout=15000)
    QApplication.processEvents()
    shown = window_pixels(window)
    low = (bottom - top + 3) * ratio
    assert shown.copy(200, bottom, span, 1) == dimmed.copy(200 * ratio, low, span, 1)


def same_screen_when_drawn_whole(window) -> bool:
    """The window shows what drawing it whole shows (a frame left a part undrawn if not)."""
    shown = window_pixels(window)
    window.repaint()
    return shown == window_pixels(window)


@pytest.mark.parametrize("switch", [False, True])
def test_the_frame_an_opening_ends_on_shows_the_panel_as_drawn_live(qtbot, switch: bool) -> None:
    """The last frame of an opening leaves the panel's pixels from its picture rather than
    drawing its texts again (12-17 ms at 4K): the screen is what the live panel draws, also
    when a language was tapped while it opened (then the panel is drawn live)."""
    window, page = open_robots(qtbot)
    detail = page.detail
    touch_tap(page.carousel)
    if switch:
        qtbot.waitUntil(lambda: detail.level > 0.3, timeout=5000)
        touch_tap(window.header.languages["en"])
        assert detail.animating
    qtbot.waitUntil(lambda: detail.panel.isVisible(), timeout=15000)
    QApplication.processEvents()  # the frame the opening ends on (if not drawn already)
    assert not detail.stand_in.armed
    assert detail.stand_in.frames == (0 if switch else 1)
    assert same_screen_when_drawn_whole(window)
    touch_tap(detail.back)  # the live panel answers
    qtbot.waitUntil(lambda: detail.isHidden(), timeout=15000)


def test_content_reloaded_under_an_open_detail_is_drawn_under_it(qtbot) -> None:
    """A curator's change read while a detail stands open: the page rebuilds under it, the
    detail's picture of it is taken again, and closing it lets the page paint again."""
    window, page = open_robots(qtbot)
    touch_tap(page.carousel)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.panel.isVisible() and not detail.animating, timeout=15000)
    content = window.session.content
    robots = dict(content.robots)
    first = next(iter(robots))
    robots.pop(first)
    window.session.set_content(replace(content, robots=robots))
    if not detail.isHidden():  # the detail may stay (its robot is another) or close
        assert detail._backdrop.toImage() == detail.dimmed_page().toImage()
        detail.dismiss(animate=False)
    assert detail.isHidden() and page.carousel.updatesEnabled()
    assert page.carousel.count == len(robots)


def test_a_tap_on_the_scrim_while_the_detail_opens_closes_it(qtbot) -> None:
    window, page = open_robots(qtbot)
    touch_tap(page.carousel)
    detail = page.detail
    assert detail.animating
    touch_tap(detail, QPoint(page.theme.px(20), detail.height() // 2))
    assert not detail.is_open
    qtbot.waitUntil(lambda: not detail.isVisible(), timeout=15000)
    landed(page, qtbot)
    assert shown_name(page) == names(window, "zh-Hans")[0]


def test_the_open_detail_follows_the_language(qtbot) -> None:
    window, page = open_robots(qtbot)
    page.show_detail("dji_drone")
    page.settle()
    window.session.set_language("en")
    robot = window.session.content.robots["dji_drone"]
    assert page.detail.name.text() == "DJI drones"
    assert page.detail.fact_texts() == [f.en for f in robot.facts]
    assert page.current_card().name == "DJI drones"


# -- artwork --------------------------------------------------------------------------------


def svg_image(path: Path, size: QSize) -> QImage:
    """An SVG drawn straight with Qt's renderer, as the card should show it."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer = QSvgRenderer(str(path))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return image


def test_a_missing_image_shows_the_fallback_robot(content_dir: Path, qtbot) -> None:
    (content_dir / "images" / "robots" / "patrol.svg").unlink()
    window, page = open_robots(qtbot, content_dir)
    assert any("patrol.svg" in p.message for p in window.session.content.errors)
    ids = [card.robot.id for card in page.cards]
    assert "patrol" in ids  # the card stays, with the fallback artwork
    index = ids.index("patrol")
    card = page.cards[index]
    assert card.robot.image is None and card.artwork_path == FALLBACK_ART
    size = QSize(320, 240)
    drawn = card.artwork(size, 1.0).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    fallback = svg_image(FALLBACK_ART, size).convertToFormat(QImage.Format.Format_ARGB32)
    own = svg_image(EXHIBIT / "images" / "robots" / "patrol.svg", size)
    assert drawn == fallback
    assert drawn != own.convertToFormat(QImage.Format.Format_ARGB32)
    page.carousel.scroll_to(index, animate=False)
    assert shown_name(page) == "巡逻机器人"
    touch_tap(page.carousel)
    page.settle()
    art = page.detail.stage.art.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    expected = svg_image(FALLBACK_ART, art.size()).convertToFormat(QImage.Format.Format_ARGB32)
    assert art == expected


def test_artwork_is_drawn_at_the_screen_s_resolution(qtbot) -> None:
    window, page = open_robots(qtbot, size=(3840, 2160))
    carousel = page.carousel
    pixmap = page.cards[0].pixmap(carousel.card_size, carousel.devicePixelRatioF())
    assert pixmap.width() == carousel.card_size.width() * carousel.devicePixelRatioF()
    assert carousel.card_rect(0).size().toSize() == carousel.card_size  # drawn 1:1, not scaled
    page.show_detail("astribot_s1")
    page.settle()
    stage = page.detail.stage
    assert stage.art.width() >= stage.art_rect().width() * stage.devicePixelRatioF() - 1


# -- the page's life ------------------------------------------------------------------------


def test_reset_and_leave_stop_everything(qtbot) -> None:
    window, page = open_robots(qtbot)
    page.enter()
    assert page.running_animations() > 0  # the entrance
    page.carousel.scroll_to(4)
    page.show_detail("nursing")
    assert page.running_animations() > 0
    page.leave()
    assert page.running_animations() == 0
    assert not page.detail.isVisible()
    page.carousel.scroll_to(6)
    touch_tap(page.next)
    page.reset()
    assert page.running_animations() == 0
    assert page.carousel.position == 0 and page.carousel.current_index == 0
    assert not page.detail.is_open
    assert not page.next.is_pressed
    window.go_home()
    assert page.running_animations() == 0


def test_leaving_while_a_finger_drags_stops_the_strip(qtbot) -> None:
    window, page = open_robots(qtbot)
    a = to_window(page.carousel, middle(page))
    QTest.touchEvent(window, touch_device()).press(0, a, window).commit()
    QTest.touchEvent(window, touch_device()).move(0, a - QPoint(200, 0), window).commit()
    window.go_to("home", animate=False)
    QTest.touchEvent(window, touch_device()).release(0, a - QPoint(200, 0), window).commit()
    QApplication.processEvents()
    assert page.running_animations() == 0
    assert page.carousel.position == 0


def test_advance_steps_through_the_cards_and_stops_at_the_last(qtbot) -> None:
    window, page = open_robots(qtbot, lang="en")
    expected = names(window, "en")
    for name in expected[1:]:
        assert page.advance()
        page.settle()
        assert shown_name(page) == name
    assert not page.advance()
    page.settle()
    assert shown_name(page) == expected[-1]
    page.reset()
    assert shown_name(page) == expected[0]


def test_details_name_every_robot_and_show_detail_opens_it(qtbot) -> None:
    window, page = open_robots(qtbot)
    assert page.details() == list(window.session.content.robots)
    page.show_detail("smartmore")
    page.settle()
    assert page.detail.is_open and page.detail.name.text() == "思谋工业质检仪"
    assert page.current_card().robot.id == "smartmore"


def test_content_text_is_shown_literally(content_dir: Path, qtbot) -> None:
    set_cell(content_dir, "robots.csv", "astribot_s1", "name_en", "<b>Astribot</b> S1")
    set_cell(content_dir, "robot_facts.csv", "astribot_s1", "text_en", "<i>cable</i> & drive")
    window, page = open_robots(qtbot, content_dir, lang="en")
    assert shown_name(page) == "<b>Astribot</b> S1"
    touch_tap(page.carousel)
    page.settle()
    assert page.detail.name.text() == "<b>Astribot</b> S1"
    assert page.detail.fact_texts()[0] == "<i>cable</i> & drive"
    for label in page.findChildren(TextLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_no_robots_shows_the_empty_note(content_dir: Path, qtbot) -> None:
    for name in ("robots.csv", "robot_facts.csv"):
        header = (content_dir / name).read_text(encoding="utf-8").splitlines()[0]
        (content_dir / name).write_text(header + "\n", encoding="utf-8")
    window, page = open_robots(qtbot, content_dir)
    assert page.cards == [] and page.details() == []
    assert page.empty.isVisible()
    assert page.empty.text() == window.session.content.strings["page.empty"].zh_hans
    assert not page.next.isVisible()
    assert not page.advance()


# -- layout at every size -------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_layout_fits_every_screen_and_language(qtbot, size) -> None:
    window, page = open_robots(qtbot, size=size)
    theme = page.theme
    screen = window.rect()
    carousel = page.carousel
    carousel.scroll_to(1, animate=False)
    area = QRectF(carousel.rect())
    centred = carousel.card_rect(1)
    assert area.contains(centred)
    for neighbour in (0, 2):  # both neighbours peek in
        seen = carousel.card_rect(neighbour).intersected(area)
        assert seen.width() >= theme.px(40) and seen.height() > centred.height() * 0.7
    for control in (page.previous, page.next):
        rect = control.geometry()
        assert screen.contains(rect) and rect.height() >= theme.touch
        assert not rect.intersects(carousel.geometry())
    below = window.dots.geometry()
    assert page.dots.geometry().bottom() < below.top()
    header = window.header.geometry()
    for lang in LANGS:
        window.session.set_language(lang)
        ratio = carousel.devicePixelRatioF()
        for card in page.cards:
            card.pixmap(carousel.card_size, ratio)
            assert not card.clipped, (lang, card.robot.id)
        for robot_id in page.details():
            page.show_detail(robot_id)
            page.settle()
            panel = page.detail.panel.geometry()
            assert screen.contains(panel) and panel.top() >= header.bottom()
            assert panel.bottom() < below.top() + below.height() // 2
            labels = [page.detail.name, page.detail.scene, page.detail.source]
            labels += [row.label for row in page.detail.facts if row.isVisible()]
            for label in labels:
                assert label.height() >= label.heightForWidth(label.width()) - 1, (
                    lang,
                    robot_id,
                    label.text(),
                )
                placed = QRect(label.mapTo(page.detail.panel, QPoint(0, 0)), label.size())
                assert page.detail.panel.rect().contains(placed), (lang, robot_id, label.text())
            page.reset()


class PaintWatcher(QObject):
    """Notes the region of every paint event of the widget it watches (not its bounding
    rect: a frame repainting a heading and a button spans the widgets between them)."""

    def __init__(self, painted: list[QRegion]) -> None:
        super().__init__()
        self.painted = painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.painted.append(QRegion(event.region()))
        return False


def test_the_carousel_paints_alone_copies_opaque_cards_and_dims_the_sides(qtbot) -> None:
    """A frame of the glide repaints the carousel only, not the page under it (the style's
    polish had cleared the widget's opaque promise: 10 ms a frame at 4K); a card near the
    current one is copied from opaque pictures of it on the ground, lit and dimmed, made between
    frames; the centred card shows as drawn, and a neighbour shows at the sides' light over the
    ground, copied from its dimmed picture (dimming the sides in each frame took 1.6 ms at 4K)."""
    window, page = open_robots(qtbot)
    carousel = page.carousel
    assert carousel.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    touch_tap(window.header.languages["en"])  # a restyle keeps it too
    assert carousel.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    painted: list[QRegion] = []
    watcher = PaintWatcher(painted)
    page.installEventFilter(watcher)
    touch_tap(page.next)
    qtbot.waitUntil(lambda: carousel.running_animations() == 0, timeout=15000)
    assert not any(region.intersects(carousel.geometry()) for region in painted)
    current = carousel.current_index
    qtbot.waitUntil(lambda: carousel._solid(current + 1) is not None, timeout=5000)
    solid = carousel._solid(current + 1)
    assert solid is not None
    assert not solid.lit.hasAlphaChannel() and not solid.dim.hasAlphaChannel()
    neighbour, centred = carousel.card_rect(current + 1), carousel.card_rect(current)
    assert solid.lit.deviceIndependentSize().toSize() == neighbour.size().toSize()
    assert neighbour.size() == centred.size()  # one size: a glide only moves them
    shown = carousel.grab().toImage()
    ground = carousel._ground_pixmap().toImage()
    y = round(centred.center().y())
    middle = round(centred.center().x())
    lit = carousel._solid(current)
    assert lit is not None
    card = lit.lit.toImage().pixelColor(middle - round(centred.left()), y)
    assert shown.pixelColor(middle, y) == card  # the middle: in full light
    side = carousel.width() - 4  # well past the fall-off
    assert carousel.brightness(side) == pytest.approx(NEIGHBOUR_OPACITY)
    drawn = solid.lit.toImage().pixelColor(side - round(neighbour.left()), y)
    under = ground.pixelColor(side, y)
    seen = shown.pixelColor(side, y)
    assert seen == solid.dim.toImage().pixelColor(side - round(neighbour.left()), y)
    for channel in ("red", "green", "blue"):
        light = getattr(drawn, channel)() * NEIGHBOUR_OPACITY
        expected = light + getattr(under, channel)() * (1 - NEIGHBOUR_OPACITY)
        assert abs(getattr(seen, channel)() - expected) <= 3, (channel, seen.name(), drawn.name())


def close_to(seen: QColor, wanted: QColor, within: int = 24) -> bool:
    return all(
        abs(getattr(seen, c)() - getattr(wanted, c)()) <= within for c in ("red", "green", "blue")
    )


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_the_centred_card_glows_all_round_and_the_glow_passes_on_mid_glide(qtbot, size) -> None:
    """The accent outline, copied from pieces drawn once, goes all the way round the centred
    card: on each side and round each corner; half-way through a glide both cards glow at half
    the level, and the one left behind no longer glows once the strip lands."""
    window, page = open_robots(qtbot, size=size)
    carousel = page.carousel
    accent = window.theme.palette.color("accent")
    radius = carousel._outline_pieces().radius

    def outline_points(index: int) -> list[QPoint]:
        card = carousel.card_rect(index).toRect()
        left, top, right, bottom = card.left() + 1, card.top() + 1, card.right(), card.bottom()
        middle = card.center()
        slant = round(radius * (1 - 0.5**0.5))  # a corner's arc at 45 degrees
        return [
            QPoint(middle.x(), top),
            QPoint(middle.x(), bottom),
            QPoint(left, middle.y()),
            QPoint(right, middle.y()),
            QPoint(left + slant, top + slant),
            QPoint(right - slant, top + slant),
            QPoint(right - slant, bottom - slant),
            QPoint(left + slant, bottom - slant),
        ]

    shown = carousel.grab().toImage()
    current = carousel.current_index
    for point in outline_points(current):
        assert close_to(shown.pixelColor(point), accent), (point, shown.pixelColor(point).name())
    carousel.snap.setEasingCurve(QEasingCurve.Type.Linear)
    touch_tap(page.next)
    qtbot.waitUntil(lambda: carousel.snap.state() == QAbstractAnimation.State.Running)
    carousel.snap.pause()
    carousel.snap.setCurrentTime(carousel.snap.duration() // 2)  # half-way between the cards
    assert carousel.position == pytest.approx(current + 0.5, abs=0.01)
    shown = carousel.grab().toImage()
    for index in (current, current + 1):
        for point in outline_points(index)[:2]:  # top and bottom: in the light either way
            seen = shown.pixelColor(point)
            assert not close_to(seen, accent, 8) and seen.blue() > 100, (index, seen.name())
    carousel.snap.resume()
    landed(page, qtbot)
    shown = carousel.grab().toImage()
    assert all(close_to(shown.pixelColor(p), accent) for p in outline_points(current + 1))
    behind = outline_points(current)[3]  # its right side, at the left of the strip now
    assert not close_to(shown.pixelColor(behind), accent), shown.pixelColor(behind).name()


def test_a_near_card_is_kept_as_its_opaque_pictures_and_shows_the_language_tapped(qtbot) -> None:
    """Once a near card's opaque pictures are made, the card forgets its own picture (the
    strip keeps two pictures of it, not three); a language tap makes them anew, so the
    centred card shows in the new language exactly as the card draws itself on the ground."""
    window, page = open_robots(qtbot, lang="zh-Hans")
    carousel = page.carousel
    landed(page, qtbot)
    size, ratio = carousel.card_size, carousel.devicePixelRatioF()
    current = carousel.current_index
    qtbot.waitUntil(lambda: carousel._solid(current + 1) is not None, timeout=5000)
    assert carousel._solid(current) is not None
    assert not page.cards[current].has_pixmap(size, ratio)
    assert not page.cards[current + 1].has_pixmap(size, ratio)
    touch_tap(window.header.languages["en"])
    landed(page, qtbot)
    qtbot.waitUntil(lambda: carousel._solid(current) is not None, timeout=5000)
    card = page.cards[current]
    assert card.lang == "en"
    rect = carousel.card_rect(current).toRect()
    expected = QImage(size * ratio, QImage.Format.Format_RGB32)
    expected.setDevicePixelRatio(ratio)
    painter = QPainter(expected)
    painter.drawPixmap(QRectF(QPoint(0, 0), QSize(size)), carousel._ground_pixmap(), QRectF(rect))
    painter.drawPixmap(0, 0, card.pixmap(size, ratio))  # the card drawn anew, in English
    painter.end()
    shown = carousel.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)
    inner = QRect(QPoint(0, 0), size).adjusted(12, 12, -12, -12)  # clear of the glowing outline
    assert shown.copy(inner) == expected.copy(inner)
