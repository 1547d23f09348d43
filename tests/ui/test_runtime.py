"""The kiosk runtime on a real window, with a fake clock: nobody waits 90 seconds."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPoint
from PySide6.QtGui import QCloseEvent

from kiosk.runtime.modes import Mode, Timing
from kiosk.ui.controller import KioskRuntime
from tests.helpers.ui import center, later, runtime_for, touch_tap


def test_countdown_then_reset_to_home_and_default_language(window, qtbot, clock) -> None:
    runtime = runtime_for(window, clock, autoplay=False)
    touch_tap(window.header.languages["en"])
    touch_tap(window.stack.page("home").tiles[0])
    assert window.current_page_id == "figures"
    later(runtime, clock, 104)
    assert runtime.mode == Mode.INTERACTIVE and not runtime.countdown.isVisible()
    later(runtime, clock, 2)
    assert runtime.mode == Mode.COUNTDOWN and runtime.countdown.isVisible()
    assert runtime.countdown.title == "Still there?"
    assert "14 s" in runtime.countdown.body
    later(runtime, clock, 15)
    assert not runtime.countdown.isVisible()
    assert window.current_page_id == "home"
    assert window.session.language == window.session.content.settings.default_language


def test_a_touch_on_the_countdown_keeps_the_visitor_where_they_were(window, qtbot, clock) -> None:
    runtime = runtime_for(window, clock, autoplay=False)
    touch_tap(window.stack.page("home").tiles[0])
    later(runtime, clock, 110)
    assert runtime.countdown.isVisible()
    touch_tap(runtime.countdown)
    assert not runtime.countdown.isVisible()
    assert runtime.mode == Mode.INTERACTIVE
    assert window.current_page_id == "figures"
    later(runtime, clock, 100)
    assert window.current_page_id == "figures"  # the idle time started again


def test_autoplay_starts_when_idle_and_plays_the_playlist(window, qtbot, clock) -> None:
    runtime = runtime_for(window, clock)
    later(runtime, clock, 91)  # nobody touched it since it started, at home
    assert runtime.mode == Mode.AUTOPLAY
    assert runtime.cue.isVisible()
    assert runtime.cue.title == window.session.text("autoplay.cue")
    playlist = window.session.content.settings.playlist
    assert window.current_page_id == playlist[0].page
    clock.now += playlist[0].dwell + 0.01
    runtime.player._step()
    assert window.current_page_id == playlist[1].page


def test_the_wake_up_touch_is_swallowed(window, qtbot, clock) -> None:
    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    assert window.current_page_id == "home"
    tile = window.stack.page("home").tiles[0]
    touch_tap(tile)
    assert runtime.mode == Mode.INTERACTIVE
    assert not runtime.cue.isVisible()
    assert window.current_page_id == "home"  # the tile under the finger was not pressed
    touch_tap(tile)
    assert window.current_page_id == "figures"  # the next touch is the visitor's


def test_a_mouse_click_wakes_it_too_and_is_swallowed(window, qtbot, clock) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    tile = window.stack.page("home").tiles[0]
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton, pos=center(tile))
    assert runtime.mode == Mode.INTERACTIVE
    assert window.current_page_id == "home"


def test_autoplay_steps_inside_pages_and_rotates_languages(window, qtbot, clock) -> None:
    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    total = sum(e.dwell for e in window.session.content.settings.playlist)
    languages = [window.session.language]
    cues = [runtime.cue.title]
    for _ in range(int(total * 4) + 4):  # two loops, half a second at a time
        clock.now += 0.5
        runtime.player._step()
        if window.session.language != languages[-1]:
            languages.append(window.session.language)
            cues.append(runtime.cue.title)
    assert languages[:3] == ["zh-Hans", "zh-Hant", "en"]
    strings = window.session.content.strings["autoplay.cue"]
    assert cues[:3] == [strings.get(lang) for lang in languages[:3]]  # the cue follows
    assert runtime.cue.isVisible() and not window.dots.isVisible()
    assert runtime.player.loops >= 2


def test_closed_hours_darken_the_screen_and_open_by_themselves(window, qtbot, clock) -> None:
    hours = {"open": True}
    runtime = KioskRuntime(window, Timing(), clock=clock)
    runtime.timer.stop()
    runtime.controller.is_open = lambda: hours["open"]
    touch_tap(window.stack.page("home").tiles[0])
    figures = window.stack.page("figures")
    hours["open"] = False
    later(runtime, clock, 1)
    assert runtime.mode == Mode.CLOSED and runtime.closed.isVisible()
    assert window.current_page_id == "home"
    assert figures.running_animations() == 0
    assert window.stack.page("home").running_animations() == 0
    touch_tap(runtime.closed, QPoint(10, 10))
    assert runtime.mode == Mode.CLOSED
    hours["open"] = True
    later(runtime, clock, 1)
    assert runtime.mode == Mode.IDLE and not runtime.closed.isVisible()


def test_the_schedule_from_the_config_decides(window, qtbot, clock) -> None:
    from dataclasses import replace

    from kiosk.content.schedule import parse_schedule

    schedule, _ = parse_schedule({"daily": "09:00-18:00"})
    content = window.session.content
    window.session.set_content(replace(content, settings=replace(content.settings, hours=schedule)))
    night = KioskRuntime(window, Timing(), clock=clock, wall_clock=lambda: datetime(2026, 1, 5, 22))
    assert night.mode == Mode.CLOSED


def test_a_close_request_does_nothing_in_kiosk_mode(window) -> None:
    window.allow_close = False
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted()
    assert window.isVisible()
    window.allow_close = True


def test_waking_the_loop_on_any_page_lands_on_home_in_the_language_shown(
    window, qtbot, clock
) -> None:
    """The loop had moved on to another page (and maybe another language): the touch that
    wakes it brings the visitor to Home, in the language on screen, with nothing pressed."""
    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    playlist = window.session.content.settings.playlist
    clock.now += playlist[0].dwell + 0.01
    runtime.player._step()
    assert window.current_page_id == playlist[1].page != "home"
    window.session.set_language("en")  # as the loop's language rotation would
    page = window.stack.current
    touch_tap(page, QPoint(page.width() // 2, page.height() // 2))
    assert runtime.mode == Mode.INTERACTIVE and not runtime.cue.isVisible()
    assert window.current_page_id == "home"
    assert window.session.language == "en"
    assert window.dots.isVisible()


def test_more_time_on_the_countdown_gives_the_visitor_a_whole_period_more(
    window, qtbot, clock
) -> None:
    """WCAG 2.2.1: the "still there?" question offers more time; a tap on it keeps the visitor
    where they were for a whole reset period more; the next visitor gets the usual time."""
    runtime = runtime_for(window, clock, autoplay=False)
    touch_tap(window.stack.page("home").tiles[0])
    later(runtime, clock, 106)
    countdown = runtime.countdown
    assert countdown.isVisible()
    assert countdown.more == window.session.text("countdown.more") != ""
    button = countdown.more_rect().toAlignedRect()
    assert button.height() >= window.theme.touch
    image = countdown.grab().toImage()
    accent = window.theme.palette.color("accent")
    x = button.left() + button.width() // 2
    edge = [image.pixelColor(x, y).green() for y in range(button.top() - 2, button.top() + 4)]
    assert any(abs(g - accent.green()) < 60 for g in edge), edge  # the button, in the accent
    touch_tap(countdown, button.center())
    assert not countdown.isVisible() and runtime.mode == Mode.INTERACTIVE
    assert window.current_page_id == "figures"
    later(runtime, clock, 200)  # past the usual 120 s, inside the 240 s it has now
    assert not countdown.isVisible() and window.current_page_id == "figures"
    later(runtime, clock, 30)
    assert countdown.isVisible()  # asked again, 15 s before the longer time is up
    later(runtime, clock, 15)
    assert window.current_page_id == "home"
    touch_tap(window.stack.page("home").tiles[0])  # the next visitor: the usual time
    later(runtime, clock, 106)
    assert countdown.isVisible()
