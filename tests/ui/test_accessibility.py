"""Accessibility (issue 20): the button on every screen, its panel, and each mode as a visitor
meets it: reach, larger text, high contrast, reduced motion; the choices' timing and reset."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QAbstractAnimation, QPoint, QRect, QRectF
from PySide6.QtWidgets import QScrollArea, QWidget

from kiosk.runtime.access import Access
from kiosk.runtime.modes import Mode
from kiosk.ui.input import Pressable
from kiosk.ui.shell.main_window import KioskWindow
from kiosk.ui.theme import HIGH_CONTRAST
from tests.helpers import REPO, STRESS
from tests.helpers.ui import later, make_window, open_page, runtime_for, touch_drag, touch_tap

SECOND = REPO / "tests" / "data" / "second"


def open_panel(window: KioskWindow) -> None:
    touch_tap(window.access_button)
    assert window.access_panel.isVisible()


def switch(window: KioskWindow, name: str) -> None:
    """A tap on one mode's switch in the panel (opened first if it is not)."""
    if not window.access_panel.isVisible():
        open_panel(window)
    touch_tap(window.access_panel.switches[name])


def targets(window: KioskWindow) -> list[QWidget]:
    """Every touchable thing a visitor can see."""
    return [
        w
        for w in window.findChildren(Pressable)
        if w.isVisible() and w.isEnabled() and not w.visibleRegion().isEmpty()
    ]


def top_in_window(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).y()


def test_the_button_is_in_the_lower_part_of_every_screen(window, qtbot) -> None:
    for page_id in window.page_order():
        window.go_to(page_id, animate=False)
        button = window.access_button
        assert button.isVisible(), page_id
        assert button.width() >= window.theme.touch and button.height() >= window.theme.touch
        assert top_in_window(button) >= window.height() * 0.8, page_id
        assert window.childAt(button.geometry().center()) is button, page_id  # nothing over it


def test_the_panel_names_each_mode_in_the_visitor_s_language(window, qtbot) -> None:
    touch_tap(window.header.languages["en"])
    open_panel(window)
    panel = window.access_panel
    assert panel.title.text() == window.session.text("access.title") == "Accessibility"
    for name, row in panel.switches.items():
        assert row.label.text() == window.session.text(f"access.{name}") != ""
        assert row.state.text() == "Off"
        assert row.height() >= window.theme.touch
    touch_tap(panel.done)
    assert not panel.isVisible()


def test_larger_text_sets_reading_type_1_4_times_larger_and_keeps_the_visitor_s_place(
    window, qtbot
) -> None:
    page = open_page(window, qtbot, "policy")
    body = window.theme.font("body", "zh-Hans").pixelSize()
    switch(window, "larger_text")
    assert window.access.larger_text
    assert window.current_page_id == "policy"  # the visitor stays where they were
    assert window.theme.font("body", "zh-Hans").pixelSize() == round(body * 1.4)
    assert window.theme.font("headline", "zh-Hans").pixelSize() == 60  # already large
    page = window.stack.current
    assert page is not None and page.page_id == "policy"
    panel = window.access_panel
    assert panel.isVisible() and panel.switches["larger_text"].state.text() == "开"
    assert window.access_button.lit
    touch_tap(panel.reset)
    assert window.access == Access() and window.theme.font("body", "zh-Hans").pixelSize() == body


def test_high_contrast_draws_on_black_with_no_art_behind_the_words(window, qtbot) -> None:
    home = window.stack.page("home")

    def strip_colours() -> set[tuple[int, int, int]]:
        """The colours beside the hint, between the subtitle and the tiles (the skyline's
        place in the standard theme)."""
        home = window.stack.current
        image = home.grab().toImage()
        top = home.subtitle.geometry().bottom() + 20
        bottom = min(t.geometry().top() for t in home.tiles) - 10
        left = home.tagline.geometry().left() - 40
        return {
            image.pixelColor(x, y).getRgb()[:3]
            for x in range(20, max(21, left), 7)
            for y in range(top, bottom, 5)
        }

    assert len(strip_colours()) > 10  # the standard theme shows its artwork there
    switch(window, "high_contrast")
    touch_tap(window.access_panel.done)
    home = window.stack.current
    assert window.theme.palette == HIGH_CONTRAST
    assert strip_colours() == {(0, 0, 0)}
    title = home.title.palette().color(home.title.foregroundRole())
    assert title.name().upper() == HIGH_CONTRAST.text.upper()


def test_reduced_motion_shows_each_change_at_once(window, qtbot) -> None:
    switch(window, "reduced_motion")
    touch_tap(window.access_panel.done)
    home = window.stack.current
    tile = next(t for t in home.tiles if t.page_id == "figures")
    touch_tap(tile)
    page = window.stack.current
    assert page is not None and page.page_id == "figures"  # no slide: there at once
    assert window.stack.transition.state() != QAbstractAnimation.State.Running
    assert page.running_animations() == 0  # the count-ups and charts at their end
    voices = window.stack.page("voices")
    window.go_to("voices")
    assert voices.countdown.state() != QAbstractAnimation.State.Running  # no auto-advance
    assert voices.running_animations() == 0


@pytest.mark.parametrize(("size", "line"), [((1080, 1920), 840), ((1920, 1080), 216)])
def test_reach_mode_puts_every_control_under_the_reach_line(qtbot, size, line) -> None:
    window = make_window(qtbot, size=size)
    switch(window, "reach")
    touch_tap(window.access_panel.done)
    assert window.reach_top() == line
    cap = window.reach_cap
    assert cap.isVisible() and cap.height() == line
    assert cap.title.text() == window.session.text("app.title")
    for page_id in window.page_order():
        window.go_to(page_id, animate=False)
        qtbot.wait(1)
        page = window.stack.current
        for detail in [None, *page.details()[:2]]:
            if detail is not None:
                page.show_detail(detail)
                page.settle()
            for target in targets(window):
                assert top_in_window(target) >= line, (page_id, detail, target.objectName())
            page.reset()
    touch_tap(window.header.languages["en"])  # the header works down there
    assert window.session.language == "en"


def test_the_choices_reset_with_the_idle_reset_and_the_loop_waits_for_it(
    window, qtbot, clock
) -> None:
    runtime = runtime_for(window, clock)
    switch(window, "high_contrast")  # at Home, in the default language: only the choice
    touch_tap(window.access_panel.done)
    later(runtime, clock, 80)
    assert runtime.mode == Mode.COUNTDOWN  # a choice is a visitor's state: asked, then reset
    assert runtime.countdown.theme.palette == HIGH_CONTRAST
    later(runtime, clock, 15)
    assert window.access == Access() and runtime.mode != Mode.AUTOPLAY
    assert not window.reach_cap.isVisible()
    later(runtime, clock, 1)
    assert runtime.mode == Mode.AUTOPLAY  # only once the next visitor starts clean


def test_larger_text_gives_the_visitor_longer_before_the_reset(window, qtbot, clock) -> None:
    runtime = runtime_for(window, clock, access_reset_after=300)
    open_page(window, qtbot, "policy")
    switch(window, "larger_text")
    touch_tap(window.access_panel.done)
    later(runtime, clock, 200)  # past the usual 90 s before the loop
    assert runtime.mode == Mode.INTERACTIVE and window.current_page_id == "policy"
    later(runtime, clock, 86)
    assert runtime.mode == Mode.COUNTDOWN
    later(runtime, clock, 15)
    assert window.current_page_id == "home" and window.access == Access()


def test_another_exhibition_gets_the_panel_in_its_own_words(qtbot) -> None:
    window = make_window(qtbot, SECOND)
    open_panel(window)
    for row in window.access_panel.switches.values():
        assert row.label.text() and "深圳" not in row.label.text()
    switch(window, "reach")
    assert window.access.reach and window.stack.current is not None


# --- larger text on a long exhibition: the pages reflow, nothing is squeezed --------------------


def with_larger_text(qtbot) -> KioskWindow:
    """A visitor at 1920x1080 on the stress pack who chose English, then larger text."""
    window = make_window(qtbot, STRESS)
    touch_tap(window.header.languages["en"])
    switch(window, "larger_text")
    touch_tap(window.access_panel.done)
    assert window.access.larger_text and not window.access_panel.isVisible()
    return window


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def test_a_long_title_on_home_steps_down_so_every_tile_keeps_its_lines(qtbot) -> None:
    window = with_larger_text(qtbot)
    home = window.stack.current
    assert home is not None and home.page_id == "home"
    tiles = [in_window(t) for t in home.tiles]
    for tile, rect in zip(home.tiles, tiles, strict=True):
        assert window.rect().contains(rect), tile.page_id
        assert tile.height() >= tile.least_height(), tile.page_id  # a line of each text
        for label in (tile.title, tile.caption):
            assert label.height() >= label.fontMetrics().height() - 1, tile.page_id
    for a, b in itertools.combinations(tiles, 2):
        assert not a.intersects(b)  # no row drawn over another
    assert not any(in_window(window.dots).intersects(r) for r in tiles)
    title, theme = home.title, window.theme
    assert not title.elided and title.text() == window.session.text("app.title")  # every word
    size = title.font().pixelSize()
    assert theme.px(60) <= size < theme.font("display", "en").pixelSize()  # a step down
    assert in_window(title).bottom() < in_window(home.subtitle).top()


def test_the_chain_scrolls_in_larger_text_and_a_swipe_brings_its_lowest_layer(qtbot) -> None:
    window = with_larger_text(qtbot)
    page = open_page(window, qtbot, "chain")
    area = page.findChild(QScrollArea, "chain-scroll")
    assert area is not None and area.isVisible()
    viewport = in_window(area.viewport())
    assert window.rect().contains(viewport)
    blocks = sorted(page.diagram.blocks, key=lambda b: in_window(b).top())
    for upper, lower in itertools.pairwise(blocks):  # whole, one under the other
        assert in_window(upper).bottom() < in_window(lower).top()
    for block in blocks:
        assert block.height() >= block.heightForWidth(block.width()) - 1, block.layer.id
    figure = page.figure
    assert figure.height() >= figure.heightForWidth(figure.width()) - 1
    for rect in figure.label_rects().values():  # the parts' labels stay inside the figure
        assert QRectF(figure.rect()).contains(rect)
    foundation = blocks[-1]
    assert not viewport.contains(in_window(foundation))  # below the fold
    for _ in range(6):  # a visitor swipes up until it is in view
        if viewport.contains(in_window(foundation)):
            break
        middle = area.viewport().rect().center()
        touch_drag(area.viewport(), middle + QPoint(0, 200), middle - QPoint(0, 200))
        qtbot.wait(400)
    assert viewport.contains(in_window(foundation))
    touch_tap(foundation)
    qtbot.waitUntil(lambda: page.detail.is_open, timeout=15000)
    assert page.detail.detail_id == f"layer-{foundation.layer.id}"
    # what stays lit beside the panel is the part of the layers in view, not what scrolled
    # away over the page's title
    lit = page.detail.lit_rect()
    assert lit is not None
    assert QRect(area.viewport().mapTo(page, QPoint(0, 0)), area.viewport().size()).contains(lit)


def test_a_long_event_in_larger_text_cuts_its_words_never_its_number(qtbot) -> None:
    window = with_larger_text(qtbot)
    page = open_page(window, qtbot, "policy")
    card = page.strip.card("ai_output_2024")
    assert card is not None and not card.visibleRegion().isEmpty()
    touch_tap(card)
    qtbot.waitUntil(lambda: page.detail.is_open and not page.detail.animating, timeout=15000)
    panel = page.detail.panel
    number = panel.number
    assert number.text() == number.full_text  # whole
    assert number.height() >= number.fontMetrics().height() - 1  # and not squeezed
    assert not panel.detail.isVisible() or panel.detail.height() == 0  # the background went
    assert panel.text.elided and panel.text.text().endswith("…")  # then the card's text
    assert panel.text.height() >= panel.text.fontMetrics().height() - 1  # down to a line
    order = [panel.title, number, panel.label, panel.text, panel.source]
    for upper, lower in itertools.pairwise(order):
        assert upper.geometry().bottom() < lower.geometry().top()
    assert panel.source.geometry().bottom() <= panel.height()
    assert not panel.source.elided


def test_every_mode_on_a_long_exhibition_in_portrait_keeps_each_text_readable(qtbot) -> None:
    """1080x1920, the stress pack, every mode: the band above the reach line shows the title
    and subtitle; Home's tiles keep a line of each text and no row covers another; the
    languages keep their names; the chain's detail is wide enough for its words."""
    window = make_window(qtbot, STRESS, size=(1080, 1920))
    touch_tap(window.header.languages["en"])
    for name in ("reach", "larger_text", "high_contrast", "reduced_motion"):
        switch(window, name)
    touch_tap(window.access_panel.done)
    cap = window.reach_cap
    assert cap.title.text() == window.session.text("app.title")
    assert cap.subtitle.isVisible() and not cap.subtitle.elided
    assert cap.subtitle.text() == window.session.text("app.subtitle")
    home = window.stack.current
    assert home is not None and home.page_id == "home"
    assert not home.title.isVisible() and not home.subtitle.isVisible()  # in the band
    rects = [in_window(t) for t in home.tiles]
    for tile in home.tiles:
        for label in (tile.title, tile.caption):  # one line each at least, one under the other
            assert label.height() >= label.fontMetrics().height() - 1, tile.page_id
        assert tile.title.geometry().bottom() < tile.caption.geometry().top(), tile.page_id
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b)
    for button in window.header.languages.values():
        assert button.shown_text() == button.text()  # 简体中文, 繁體中文, English: whole
    page = open_page(window, qtbot, "chain")
    top = min(page.diagram.blocks, key=lambda b: in_window(b).top())
    touch_tap(top, top.visibleRegion().boundingRect().center())  # on what shows of it
    qtbot.waitUntil(lambda: page.detail.is_open and not page.detail.animating, timeout=15000)
    panel = page.detail.panel
    assert panel.width() >= page.width() * 0.8  # no room beside the layers: it covers
    assert page.detail.title.text().rstrip("…")  # never cut to nothing
    assert all(row.name.text().rstrip("…") for row in page.detail.rows)


def test_a_chain_detail_opened_for_a_layer_out_of_view_scrolls_it_in(qtbot) -> None:
    """The keypad, the screenshots and a reload reopen a detail by its id: in a scrolled chain
    page its layer comes into view, lit beside the panel."""
    window = with_larger_text(qtbot)
    page = open_page(window, qtbot, "chain")
    foundation = next(b for b in page.diagram.blocks if b.layer.id == "foundation")
    area = page.findChild(QScrollArea, "chain-scroll")
    viewport = QRect(area.viewport().mapTo(page, QPoint(0, 0)), area.viewport().size())
    assert not viewport.contains(in_page(foundation, page))  # below the fold
    page.show_detail("layer-foundation")
    assert viewport.contains(in_page(foundation, page))
    lit = page.detail.lit_rect()
    assert lit is not None and lit.contains(in_page(foundation, page))


def in_page(widget: QWidget, page: QWidget) -> QRect:
    return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())
