"""Visitor paths of issue 15, driven as a visitor drives them: real widgets, events through the
window system (so Qt makes its own double-clicks and mouse grabs), timers left to run."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.runtime.modes import Mode
from kiosk.ui.pages.chain import ChainPage
from tests.helpers import TEST_PIN
from tests.helpers.content import read, set_playlist, write
from tests.helpers.ui import (
    Clock,
    center,
    later,
    make_window,
    runtime_for,
    to_window,
    touch_drag,
    touch_tap,
)
from tests.ui.test_admin import corner_taps, type_pin
from tests.ui.test_robots import landed, open_robots, shown_name
from tests.ui.test_voices import open_voices


def window_mouse_drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 10) -> None:
    """A real mouse drag: press, moves and release through the window system, not sent to
    one widget, so Qt picks the receivers (and grabs the mouse) as it does for a visitor."""
    handle = widget.window().windowHandle()
    a, b = to_window(widget, start), to_window(widget, end)
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, steps + 1):
        QTest.mouseMove(handle, a + (b - a) * (i / steps))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=b)
    QApplication.processEvents()


# --- 1. the attract loop's details follow the language; waking it closes them ----------------


def short_loop(folder: Path) -> None:
    """A quick attract loop: the chain (one step: it opens a detail and leaves it open), then
    the voices, at the shortest dwell a curator may set; each loop in the next language."""
    set_playlist(
        folder, '{ page = "chain", dwell = 3, steps = 1 }', '{ page = "voices", dwell = 3 }'
    )
    config = re.sub(
        r"rotate_languages = \w+", "rotate_languages = true", read(folder, "config.toml")
    )
    write(folder, "config.toml", config)


def detail_language_ok(page: ChainPage) -> bool:
    """The open detail's title and back control are those of the session's language."""
    lang = page.session.language
    kind, _, key = page.detail.detail_id.partition("-")
    item = page.content.layers[key] if kind == "layer" else page.content.parts[key]
    title_ok = page.detail.title.text() == item.name.get(lang)
    return title_ok and page.detail.back.text() == page.session.text("detail.back")


def test_the_attract_loop_s_detail_follows_the_language_and_waking_closes_it(
    content_dir: Path, qtbot
) -> None:
    short_loop(content_dir)
    window = make_window(qtbot, content_dir)
    runtime = runtime_for(window, time.monotonic)  # the loop's own timers run in real time
    page: ChainPage = window.stack.page("chain")
    runtime.start_autoplay()

    def opened() -> bool:
        return not page.detail.isHidden() and bool(page.detail.detail_id)

    qtbot.waitUntil(opened, timeout=10000)  # the loop's step opened a detail
    first = window.session.language
    assert detail_language_ok(page)
    # the next loop, in the next language, comes back to the chain with that detail open
    qtbot.waitUntil(
        lambda: runtime.player.loops == 1 and window.current_page_id == "chain", timeout=10000
    )
    assert window.session.language != first
    assert not page.detail.isHidden()
    assert detail_language_ok(page)
    touch_tap(page)  # a visitor wakes the kiosk
    assert runtime.mode == Mode.INTERACTIVE and not runtime.player.running
    qtbot.waitUntil(lambda: page.detail.isHidden(), timeout=5000)
    assert window.current_page_id == "home"  # the visitor starts at Home, in that language
    assert window.session.language != first
    runtime.player.stop()


# --- 2. every swipe on a quote moves it ------------------------------------------------------


@pytest.mark.parametrize("mouse", [True, False], ids=["mouse", "touch"])
def test_every_swipe_on_the_quote_moves_it(window, qtbot, mouse) -> None:
    page = open_voices(window, qtbot, advance_ms=10**6)  # only the swipes move the quotes
    distance = window.theme.px(500)
    drag = window_mouse_drag if mouse else touch_drag
    moves = 0
    for _ in range(6):
        before = page.index
        start = center(page.stage)
        drag(page.stage, start, start - QPoint(distance, 0))
        moves += page.index != before
        qtbot.wait(1000)  # a visitor reading the quote before the next swipe
    assert moves == 6
    assert window.current_page_id == "voices"


# --- 3. a quick second tap is a tap -----------------------------------------------------------


def double_tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """Two quick mouse taps through the window system: Qt delivers press, release, then a
    double-click in place of the second press, then its release."""
    handle = widget.window().windowHandle()
    point = to_window(widget, pos if pos is not None else center(widget))
    QTest.mouseDClick(handle, Qt.MouseButton.LeftButton, pos=point)
    QApplication.processEvents()


def test_two_quick_taps_on_the_next_arrow_move_two_cards(qtbot) -> None:
    window, page = open_robots(qtbot)
    assert page.carousel.count >= 5
    double_tap(page.next)  # the second tap lands while the strip slides to the first card
    assert page.carousel.current_index == 2
    qtbot.wait(200)
    double_tap(page.next)
    assert page.carousel.current_index == 4
    landed(page, qtbot)
    assert shown_name(page) == page.cards[4].name


def test_five_quick_corner_taps_with_the_mouse_open_the_pin_pad(window, qtbot) -> None:
    clock = Clock()
    runtime = runtime_for(window, clock, admin_after=120)
    corner = QPoint(20, 20)
    double_tap(window, corner)  # taps 1 and 2
    clock.now += 0.4
    double_tap(window, corner)  # taps 3 and 4
    clock.now += 0.4
    handle = window.windowHandle()
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, pos=corner)  # tap 5
    qtbot.waitUntil(lambda: runtime.pin_pad.isVisible(), timeout=5000)
    assert runtime.mode == Mode.ADMIN


# --- 4. a locked PIN pad takes nothing --------------------------------------------------------


def test_a_locked_pin_pad_takes_no_digits_and_the_right_pin_opens_after(window, qtbot) -> None:
    clock = Clock()
    runtime = runtime_for(window, clock, admin_after=600)
    pad = runtime.pin_pad
    corner_taps(runtime, clock)
    qtbot.waitUntil(lambda: pad.isVisible(), timeout=5000)
    digit = pad.keys["7"]
    unlocked_look = digit.grab().toImage()
    for wrong in ("1111", "2222", "3333"):
        type_pin(runtime, wrong)
    assert runtime.gate.locked_for > 0
    assert not any(key.isEnabled() for key in pad.keys.values())
    assert pad.cancel.isEnabled()  # staff can still walk away
    assert digit.grab().toImage() != unlocked_look  # it looks out of use, not only is
    touch_tap(digit)  # a stray tap while locked
    assert pad.entered == ""
    later(runtime, clock, 30)
    touch_tap(pad.keys["4"])
    assert pad.entered == ""
    later(runtime, clock, 31)  # the lock has ended
    assert all(key.isEnabled() for key in pad.keys.values())
    assert digit.press_level == 0.0  # the stray tap while locked left no press showing
    assert digit.grab().toImage() == unlocked_look
    assert pad.entered == ""
    type_pin(runtime, TEST_PIN)
    assert runtime.admin.isVisible() and not pad.isVisible()
    assert runtime.mode == Mode.ADMIN
