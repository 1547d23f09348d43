"""The keypad path (docs/keypad.md): keys on the real window, asserting on what is shown.

Nothing here names a page or a target: pages come from the window's page order and targets from
the navigator, on two exhibitions, so the keys work for whatever the content holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.runtime.modes import Mode
from kiosk.ui.input import Pressable
from kiosk.ui.pages.base import PageView
from kiosk.ui.shell.keypad import SCROLL, KeypadNavigator, Target, reading_order, same_row
from kiosk.ui.shell.main_window import KioskWindow
from tests.helpers import EXHIBIT, SECOND
from tests.helpers.ui import later, make_window, runtime_for, touch_tap

PACKS = [pytest.param(EXHIBIT, id="exhibit"), pytest.param(SECOND, id="second")]
K = Qt.Key


def key(window: KioskWindow, which: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window, which, modifier)
    QApplication.processEvents()


def settled(window: KioskWindow, qtbot) -> Target:
    """Wait until the ring stands on a target (a page slid in, a layer opened or closed)."""
    nav = window.keypad
    qtbot.waitUntil(
        lambda: (nav.sync() or True) and not nav._pending and nav.ring.isVisible(), timeout=5000
    )
    assert nav.current is not None
    return nav.current


def own(page: PageView, targets: list[Target]) -> list[Target]:
    return [t for t in targets if page is t.widget or page.isAncestorOf(t.widget)]


def focus_on(window: KioskWindow, qtbot, wanted: Target, limit: int = 80) -> None:
    """Press Right until ``wanted`` has the focus (it must be reachable in reading order)."""
    nav = window.keypad
    for _ in range(limit):
        if nav.current == wanted:
            return
        key(window, K.Key_Right)
        settled(window, qtbot)
    raise AssertionError(f"{wanted} never got the focus; last {nav.current}")


def window_for(qtbot, folder: Path, size=(1920, 1080)) -> KioskWindow:
    window = make_window(qtbot, folder, size)
    window.stack.build_all()
    window.keypad.release.setInterval(10)  # a key's press is held shorter than on screen
    return window


def cleanup(window: KioskWindow) -> None:
    window.keypad.forget()
    window.stack.transition.stop()
    for page in window.stack.pages.values():
        page.leave()


# --- order --------------------------------------------------------------------------------


def test_reading_order_is_rows_top_to_bottom_then_left_to_right() -> None:
    rects = [QRect(500, 0, 100, 100), QRect(0, 10, 100, 100), QRect(0, 300, 50, 50)]
    assert reading_order(rects) == [1, 0, 2]
    tall = QRect(800, 0, 100, 600)  # a column beside three stacked blocks reads after them
    blocks = [QRect(0, 0, 300, 100), QRect(0, 200, 300, 100), QRect(0, 400, 300, 100)]
    assert reading_order([tall, *blocks]) == [1, 2, 3, 0]
    assert not same_row(QRect(0, 0, 100, 100), QRect(0, 80, 100, 100))


def assert_reading_order(window: KioskWindow, targets: list[Target]) -> None:
    """Each next target is in the same row further right, or in a row below, or starts a
    column to the right of the one before."""
    rects = [t.rect_in(window) for t in targets]
    for a, b, ta, tb in zip(rects, rects[1:], targets, targets[1:], strict=False):
        if same_row(a, b):
            assert b.left() >= a.left(), (ta, tb)
        else:
            assert b.top() >= a.top() or b.left() >= a.right(), (ta, tb)


# --- home, pages, details -----------------------------------------------------------------


@pytest.mark.parametrize("folder", PACKS)
def test_right_and_enter_open_every_page_and_back_returns_to_its_tile(qtbot, folder) -> None:
    window = window_for(qtbot, folder)
    nav = window.keypad
    home_id, *others = window.page_order()
    home = window.stack.page(home_id)
    key(window, K.Key_Right)  # the first key shows where the focus is, on the page's first
    first = settled(window, qtbot)
    assert first == own(home, nav.targets())[0]
    for page_id in others:
        tile = next(w for w in home.findChildren(Pressable) if getattr(w, "page_id", "") == page_id)
        focus_on(window, qtbot, Target(tile))
        key(window, K.Key_Return)
        qtbot.waitUntil(lambda page_id=page_id: window.current_page_id == page_id, timeout=3000)
        landed = settled(window, qtbot)
        page = window.stack.page(page_id)
        assert landed == own(page, nav.targets())[0]  # the page's own first target
        assert_reading_order(window, nav.targets())
        key(window, K.Key_Escape)  # Back: home, onto the tile that opened the page
        assert window.current_page_id == home_id
        assert settled(window, qtbot) == Target(tile)
    cleanup(window)


def activate_everything_on(window: KioskWindow, qtbot, page: PageView) -> set[str]:
    """Reach every target of ``page`` with Right, press it with Enter; a detail it opens must
    close with Back onto it. Returns what each press did."""
    nav = window.keypad
    done: set[str] = set()
    visited: list[Target] = []
    first = settled(window, qtbot)
    while True:
        target = nav.current
        assert target is not None
        if target in visited:
            break  # round once: every target after the first came back to it
        assert len(visited) < 200, "the focus never came round"
        if own(page, [target]) and target.region != SCROLL:
            visited.append(target)
            clicks: list[bool] = []
            if isinstance(target.widget, Pressable):
                target.widget.clicked.connect(lambda clicks=clicks: clicks.append(True))
            was = window.current_page_id
            key(window, K.Key_Return)
            qtbot.waitUntil(lambda: not nav.release.isActive())  # the press is lifted
            root, modal = nav.scope()
            if modal:  # a detail opened from it: Back closes it, onto its opener
                done.add("detail")
                root.settle()  # type: ignore[attr-defined]
                settled(window, qtbot)
                assert root.isAncestorOf(nav.current.widget)  # the focus is trapped inside
                key(window, K.Key_Backspace)
                root.settle()  # type: ignore[attr-defined]
                assert not nav.scope()[1]
                assert settled(window, qtbot) == target
            elif isinstance(target.widget, Pressable):
                assert clicks, f"{target} was not pressed"
                done.add("click")
            assert window.current_page_id == was
        key(window, K.Key_Right)
        settled(window, qtbot)
    assert visited[0] == first
    return done


@pytest.mark.parametrize("folder", PACKS)
def test_every_target_of_every_page_is_reached_and_pressed(qtbot, folder) -> None:
    window = window_for(qtbot, folder)
    nav = window.keypad
    for page_id in window.page_order()[1:]:
        window.go_to(page_id, animate=False)
        page = window.stack.page(page_id)
        if not nav.active:
            key(window, K.Key_Down)  # the first key only shows the ring
        expected = own(page, nav.targets())
        assert expected, f"nothing to press on {page_id}"
        assert settled(window, qtbot) == expected[0]  # a new page: its first target
        assert_reading_order(window, nav.targets())
        done = activate_everything_on(window, qtbot, page)
        assert done, f"nothing was pressed on {page_id}"
    cleanup(window)


def test_every_event_of_a_long_timeline_is_reached(qtbot) -> None:
    window = window_for(qtbot, EXHIBIT)
    page_id = next(p for p in window.page_order() if hasattr(window.stack.page(p), "strip"))
    window.go_to(page_id, animate=False)
    page = window.stack.page(page_id)
    cards = page.strip.cards  # type: ignore[attr-defined]
    key(window, K.Key_Down)
    settled(window, qtbot)
    seen = set()
    for _ in range(len(cards) + 30):
        current = window.keypad.current
        seen.add(id(current.widget))
        if current.widget in cards:  # focused: scrolled fully into view
            qtbot.waitUntil(lambda current=current: card_in_view(page, current), timeout=3000)
        key(window, K.Key_Right)
        settled(window, qtbot)
    assert all(id(card) in seen for card in cards)
    cleanup(window)


def card_in_view(page, target: Target) -> bool:
    viewport = page.scroll.viewport()
    rect = QRect(target.widget.mapTo(viewport, QPoint(0, 0)), target.widget.size())
    return viewport.rect().contains(rect)


@pytest.mark.parametrize("folder", PACKS)
def test_a_carousel_steps_with_the_arrows_and_its_card_opens_with_enter(qtbot, folder) -> None:
    window = window_for(qtbot, folder)
    nav = window.keypad
    page_id = next(p for p in window.page_order() if hasattr(window.stack.page(p), "carousel"))
    window.go_to(page_id, animate=False)
    carousel = window.stack.page(page_id).carousel  # type: ignore[attr-defined]
    key(window, K.Key_Right)
    assert settled(window, qtbot) == Target(carousel, 0)
    key(window, K.Key_Right)
    assert nav.current == Target(carousel, 1)
    assert carousel.current_index == 1  # the strip moved under the ring
    key(window, K.Key_Enter)
    qtbot.waitUntil(lambda: nav.scope()[1], timeout=3000)
    detail = nav.scope()[0]
    settled(window, qtbot)
    key(window, K.Key_Escape)
    qtbot.waitUntil(lambda: not detail.isVisible(), timeout=3000)
    assert settled(window, qtbot) == Target(carousel, 1)
    cleanup(window)


def test_a_part_of_the_figure_opens_its_detail_and_back_returns_to_it(qtbot) -> None:
    window = window_for(qtbot, EXHIBIT)
    nav = window.keypad
    page_id = next(p for p in window.page_order() if hasattr(window.stack.page(p), "figure"))
    window.go_to(page_id, animate=False)
    page = window.stack.page(page_id)
    figure = page.figure  # type: ignore[attr-defined]
    key(window, K.Key_Right)
    settled(window, qtbot)
    last = Target(figure, len(figure.keypad_regions()) - 1)
    focus_on(window, qtbot, last)
    assert nav.ring.geometry().contains(last.rect_in(window))
    key(window, K.Key_Return)
    qtbot.waitUntil(lambda: page.detail.is_open and not page.detail.animating, timeout=3000)
    assert page.detail.detail_id.startswith("part-")
    assert figure.selected == page.detail.detail_id.partition("-")[2]
    assert settled(window, qtbot).widget is page.detail.back  # the panel's only target
    key(window, K.Key_Right)
    assert nav.current.widget is page.detail.back or page.detail.isAncestorOf(nav.current.widget)
    key(window, K.Key_Escape)
    qtbot.waitUntil(lambda: page.detail.isHidden(), timeout=3000)
    assert settled(window, qtbot) == last
    cleanup(window)


def test_down_scrolls_a_long_list_with_nothing_to_press_in_it(qtbot) -> None:
    window = window_for(qtbot, EXHIBIT, (1080, 1920))  # portrait: the panel is narrow and long
    nav = window.keypad
    page_id = next(p for p in window.page_order() if hasattr(window.stack.page(p), "diagram"))
    window.go_to(page_id, animate=False)
    page = window.stack.page(page_id)
    longest = max(page.details(), key=lambda d: len(page.companies_of(d)))  # type: ignore[attr-defined]
    page.show_detail(longest)
    page.detail.settle()
    area = page.detail.scroll
    if area.verticalScrollBar().maximum() <= 0:
        pytest.skip("the longest list fits")
    key(window, K.Key_Down)
    settled(window, qtbot)
    key(window, K.Key_Down)
    assert nav.current == Target(area, SCROLL)
    key(window, K.Key_Down)
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 0, timeout=3000)
    assert nav.current == Target(area, SCROLL)
    cleanup(window)


# --- the ring -----------------------------------------------------------------------------


def test_the_ring_surrounds_the_focused_target_on_top_and_shows(qtbot) -> None:
    window = window_for(qtbot, EXHIBIT)
    nav = window.keypad
    ring = nav.ring
    assert ring.isHidden()  # a touch visitor never sees it
    key(window, K.Key_Right)
    target = settled(window, qtbot)
    rect = target.rect_in(window)
    assert ring.geometry().contains(rect)
    assert ring.geometry().adjusted(50, 50, -50, -50).width() < rect.width()  # close around it
    assert [c for c in window.children() if c.isWidgetType()][-1] is ring  # above everything
    assert ring.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    image = window.grab().toImage()
    accent = QColor(window.theme.palette.accent)
    # the accent band, a few pixels out from the target's top edge, in its middle
    y = rect.top() - ring.outset - ring.thickness // 2 - 1
    assert image.pixelColor(rect.center().x(), y) == accent
    halo = image.pixelColor(rect.center().x(), y - ring.thickness // 2 - ring.halo + 1)
    assert halo.lightness() < 60  # the dark edge that shows it on light grounds
    key(window, K.Key_Right)
    assert nav.current != target and ring.geometry().contains(nav.current.rect_in(window))
    cleanup(window)


def test_the_ring_follows_its_target_when_the_window_resizes(qtbot) -> None:
    window = window_for(qtbot, EXHIBIT)
    nav = window.keypad
    key(window, K.Key_Right)
    key(window, K.Key_Right)
    target = settled(window, qtbot)
    before = nav.ring.geometry()
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: nav.ring.geometry() != before, timeout=2000)
    assert nav.ring.geometry().contains(target.rect_in(window))
    cleanup(window)


def test_a_touch_or_a_click_hides_the_ring_and_the_next_key_shows_it(qtbot) -> None:
    window = window_for(qtbot, EXHIBIT)
    nav = window.keypad
    key(window, K.Key_Right)
    target = settled(window, qtbot)
    touch_tap(window.stack.current, QPoint(window.width() // 2, window.theme.page_top))
    assert nav.ring.isHidden() and not nav.follow.isActive()
    assert window.current_page_id == window.page_order()[0]
    key(window, K.Key_Right)  # shows it again where it was, without moving
    assert settled(window, qtbot) == target
    QTest.mouseClick(window.stack.current, Qt.MouseButton.LeftButton, pos=QPoint(5, 300))
    assert nav.ring.isHidden()
    cleanup(window)


# --- back, help, lockdown -----------------------------------------------------------------


def test_back_goes_home_and_help_only_asks_for_help(qtbot) -> None:
    window = window_for(qtbot, SECOND)
    nav = window.keypad
    asked: list[bool] = []
    nav.help_requested.connect(lambda: asked.append(True))
    home, second = window.page_order()[:2]
    window.go_to(second, animate=False)
    for which, modifier in (
        (K.Key_F1, Qt.KeyboardModifier.NoModifier),
        (K.Key_Question, Qt.KeyboardModifier.ShiftModifier),
        (K.Key_H, Qt.KeyboardModifier.NoModifier),
    ):
        key(window, which, modifier)
    assert len(asked) == 3
    # help opens the accessibility panel, again closes it, a third time opens it
    assert window.current_page_id == second and window.access_panel.isVisible()
    assert nav.scope()[1]
    key(window, K.Key_Backspace)  # back closes the panel first
    assert not window.access_panel.isVisible() and window.current_page_id == second
    key(window, K.Key_Backspace)
    assert window.current_page_id == home
    key(window, K.Key_Escape)  # at home Back does nothing
    assert window.current_page_id == home and window.isVisible()
    cleanup(window)


def test_no_key_closes_the_kiosk(qtbot) -> None:
    window = window_for(qtbot, EXHIBIT)
    window.allow_close = False
    for which, modifier in (
        (K.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (K.Key_F4, Qt.KeyboardModifier.AltModifier),
        (K.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (K.Key_W, Qt.KeyboardModifier.ControlModifier),
        (K.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    ):
        key(window, which, modifier)
        assert window.isVisible()
    cleanup(window)


# --- the runtime: waking, the countdown, the attract loop, staff --------------------------


def test_the_first_key_in_the_attract_loop_wakes_home_and_is_swallowed(qtbot, clock) -> None:
    window = window_for(qtbot, EXHIBIT)
    nav = window.keypad
    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    assert nav.ring.isHidden()
    for _ in range(40):  # into the loop, off Home
        clock.now += 0.5
        runtime.player._step()
        if window.current_page_id != window.page_order()[0]:
            break
    key(window, K.Key_Return)
    assert runtime.mode == Mode.INTERACTIVE and not runtime.cue.isVisible()
    home = window.stack.page(window.page_order()[0])
    assert window.current_page_id == home.page_id
    first = own(home, nav.targets())[0]
    assert settled(window, qtbot) == first  # shown, neither moved nor pressed
    qtbot.wait(60)
    assert window.current_page_id == home.page_id
    key(window, K.Key_Right)  # the next key is the visitor's
    assert nav.current != first
    runtime.timer.stop()
    cleanup(window)


def test_a_key_answers_the_countdown_and_enter_asks_for_more_time(qtbot, clock) -> None:
    window = window_for(qtbot, EXHIBIT)
    nav = window.keypad
    runtime = runtime_for(window, clock, autoplay=False)
    page_id = window.page_order()[1]
    window.go_to(page_id, animate=False)
    key(window, K.Key_Right)
    target = settled(window, qtbot)
    later(runtime, clock, 110)
    assert runtime.countdown.isVisible()
    more = settled(window, qtbot)  # the layer's one target: "more time"
    assert more.widget is runtime.countdown
    assert nav.ring.geometry().contains(runtime.countdown.more_rect().toAlignedRect())
    key(window, K.Key_Left)
    assert runtime.mode == Mode.INTERACTIVE and not runtime.countdown.isVisible()
    assert runtime.controller.extra == 0
    assert settled(window, qtbot) == target  # the key only answered: nothing moved
    assert window.current_page_id == page_id
    later(runtime, clock, 110)
    assert runtime.countdown.isVisible()
    key(window, K.Key_Return)
    assert not runtime.countdown.isVisible() and runtime.controller.extra > 0
    assert settled(window, qtbot) == target
    cleanup(window)


def test_the_attract_loop_hides_the_ring_and_a_reset_forgets_the_focus(qtbot, clock) -> None:
    window = window_for(qtbot, EXHIBIT)
    nav = window.keypad
    runtime = runtime_for(window, clock)
    key(window, K.Key_Right)
    key(window, K.Key_Right)
    settled(window, qtbot)
    later(runtime, clock, 91)  # at home, nothing to reset: it waits
    assert nav.ring.isVisible()
    later(runtime, clock, 91)
    assert runtime.mode == Mode.AUTOPLAY
    assert nav.ring.isHidden() and nav.current is None
    runtime.player.stop()
    cleanup(window)


def test_the_pin_pad_keeps_the_focus_and_back_cancels_it(qtbot, clock) -> None:
    window = window_for(qtbot, EXHIBIT)
    nav = window.keypad
    runtime = runtime_for(window, clock)
    runtime.open_pin_pad()
    key(window, K.Key_Right)
    settled(window, qtbot)
    for _ in range(len(runtime.pin_pad.keys) + 2):
        assert runtime.pin_pad.isAncestorOf(nav.current.widget)
        key(window, K.Key_Right)
    key(window, K.Key_Escape)
    assert runtime.pin_pad.isHidden() and runtime.mode == Mode.INTERACTIVE
    cleanup(window)


def test_the_navigator_is_the_windows_and_cheap_when_unused(qtbot) -> None:
    window = window_for(qtbot, EXHIBIT)
    assert isinstance(window.keypad, KeypadNavigator)
    assert not window.keypad.follow.isActive() and window.keypad.ring.isHidden()
    cleanup(window)


# --- the accessibility panel ----------------------------------------------------------------


def test_the_help_key_opens_the_accessibility_panel_and_its_switches_work_by_keys(qtbot) -> None:
    """EZ Access: help opens the panel; its switches are reached and pressed with the keys,
    the panel stays open over the rebuilt page, and the ring keeps to it."""
    window = window_for(qtbot, EXHIBIT)
    try:
        key(window, K.Key_Right)  # the first key only shows the ring
        settled(window, qtbot)
        key(window, K.Key_F1)
        panel = window.access_panel
        assert panel.isVisible()
        target = settled(window, qtbot)
        assert panel.isAncestorOf(target.widget)  # focus trapped in the panel
        contrast = panel.switches["high_contrast"]
        focus_on(window, qtbot, Target(contrast))
        key(window, K.Key_Return)
        qtbot.waitUntil(lambda: window.access.high_contrast, timeout=3000)
        panel = window.access_panel  # rebuilt in the new theme, still open
        assert panel.isVisible() and panel.switches["high_contrast"].on
        target = settled(window, qtbot)
        assert panel.isAncestorOf(target.widget)
        assert window.keypad.ring.theme is window.theme
        key(window, K.Key_F1)  # help again: the panel closes
        assert not window.access_panel.isVisible()
    finally:
        cleanup(window)


def test_the_keys_work_in_reach_mode_where_layers_cover_only_the_reachable_part(qtbot) -> None:
    """In reach mode a layer (the panel, a detail) covers the part under the reach line, not
    the whole window: it still keeps the focus, and the ring stands on top of it."""
    window = window_for(qtbot, EXHIBIT, size=(1080, 1920))
    try:
        touch_tap(window.access_button)
        touch_tap(window.access_panel.switches["reach"])
        touch_tap(window.access_panel.done)
        assert window.access.reach and window.reach_top() > 0
        key(window, K.Key_F1)
        target = settled(window, qtbot)
        panel = window.access_panel
        assert panel.isAncestorOf(target.widget)
        ring = window.keypad.ring
        assert window.childAt(ring.geometry().topLeft() + QPoint(ring.margin // 2, 0)) is not panel
        assert window.children().index(ring) > window.children().index(panel)
        focus_on(window, qtbot, Target(panel.switches["larger_text"]))
        key(window, K.Key_Return)
        qtbot.waitUntil(lambda: window.access.larger_text, timeout=3000)
    finally:
        cleanup(window)
