"""The mode controller, walked through every transition with a fake clock (no sleeping)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.content.schedule import parse_schedule, parse_spans
from kiosk.runtime.access import Access
from kiosk.runtime.gesture import CornerTaps
from kiosk.runtime.modes import Action, Mode, ModeController, Timing
from tests.helpers.clock import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


def controller(clock: Clock, **timing: float) -> ModeController:
    values = {"autoplay_after": 90.0, "reset_after": 120.0, "countdown": 15.0, **timing}
    mode = ModeController(Timing(**values), clock=clock)
    mode.touch()  # a visitor starts using it
    return mode


def test_idle_visitor_gets_a_countdown_then_the_reset_then_autoplay(clock: Clock) -> None:
    mode = controller(clock)
    clock.advance(74)
    assert mode.tick() == [] and mode.mode == Mode.INTERACTIVE
    clock.advance(1)  # 75 s: autoplay at 90 s resets the visitor, so warn 15 s before
    assert mode.tick() == [Action.SHOW_COUNTDOWN]
    assert mode.mode == Mode.COUNTDOWN
    assert mode.countdown_left == pytest.approx(15)
    clock.advance(14.9)
    assert mode.tick() == []
    clock.advance(0.2)
    assert mode.tick() == [Action.HIDE_COUNTDOWN, Action.RESET, Action.START_AUTOPLAY]
    assert mode.mode == Mode.AUTOPLAY


@pytest.mark.parametrize(("reset_after", "shown_at"), [(20, 10), (30, 15), (40, 25)])
def test_a_short_reset_leaves_half_of_it_before_the_countdown(
    clock: Clock, reset_after: float, shown_at: float
) -> None:
    mode = controller(clock, reset_after=reset_after)  # countdown 15 s
    clock.advance(shown_at - 0.1)
    assert mode.tick() == [] and mode.mode == Mode.INTERACTIVE
    clock.advance(0.2)
    assert mode.tick() == [Action.SHOW_COUNTDOWN]
    assert mode.countdown_left == pytest.approx(reset_after - shown_at, abs=0.2)
    clock.advance(reset_after - shown_at)
    assert mode.tick()[:2] == [Action.HIDE_COUNTDOWN, Action.RESET]


def test_any_touch_dismisses_the_countdown_and_is_swallowed(clock: Clock) -> None:
    mode = controller(clock)
    clock.advance(80)
    mode.tick()
    assert mode.touch() == (True, [Action.HIDE_COUNTDOWN])
    assert mode.mode == Mode.INTERACTIVE
    clock.advance(74)
    assert mode.tick() == []  # the idle time starts again from that touch


def test_the_wake_up_touch_is_swallowed_and_stops_autoplay(clock: Clock) -> None:
    mode = controller(clock)
    assert mode.start_autoplay() == [Action.RESET, Action.START_AUTOPLAY]
    assert mode.touch() == (True, [Action.STOP_AUTOPLAY, Action.WELCOME])
    assert mode.mode == Mode.INTERACTIVE
    assert mode.touch() == (False, [])  # the next touch is the visitor's


def test_without_autoplay_the_reset_comes_at_reset_after(clock: Clock) -> None:
    mode = ModeController(Timing(90, 120, 15, autoplay=False), clock=clock)
    mode.touch()
    clock.advance(104)
    assert mode.tick() == []
    clock.advance(1)
    assert mode.tick() == [Action.SHOW_COUNTDOWN]
    clock.advance(15)
    assert mode.tick() == [Action.HIDE_COUNTDOWN, Action.RESET]
    assert mode.mode == Mode.IDLE
    clock.advance(3600)
    assert mode.tick() == []  # no attract loop: it waits at home


def test_a_clean_screen_needs_no_countdown(clock: Clock) -> None:
    mode = ModeController(Timing(90, 120, 15), clock=clock, dirty=lambda: False)
    mode.touch()
    clock.advance(80)
    assert mode.tick() == []
    assert mode.mode == Mode.IDLE
    clock.advance(10)
    assert mode.tick() == [Action.START_AUTOPLAY]


def test_touch_at_home_while_idle_is_a_normal_touch(clock: Clock) -> None:
    mode = ModeController(Timing(), clock=clock)
    assert mode.mode == Mode.IDLE
    assert mode.touch() == (False, [])
    assert mode.mode == Mode.INTERACTIVE


def test_closing_and_opening_by_the_schedule(clock: Clock) -> None:
    open_now = [True]
    mode = ModeController(Timing(), clock=clock, is_open=lambda: open_now[0])
    mode.start_autoplay()
    open_now[0] = False
    assert mode.tick() == [Action.STOP_AUTOPLAY, Action.RESET, Action.CLOSE]
    assert mode.mode == Mode.CLOSED
    assert mode.touch() == (True, [])  # a touch on the dark screen does nothing
    assert mode.tick() == []
    open_now[0] = True
    assert mode.tick() == [Action.OPEN]
    assert mode.mode == Mode.IDLE
    clock.advance(90)
    assert mode.tick() == [Action.START_AUTOPLAY]


def test_admin_has_no_visitor_timeouts(clock: Clock) -> None:
    mode = controller(clock, admin_after=100_000)
    mode.enter_admin()
    clock.advance(10_000)
    assert mode.tick() == []
    assert mode.touch() == (False, [])
    assert mode.mode == Mode.ADMIN
    assert mode.leave_admin() == []
    assert mode.mode == Mode.INTERACTIVE


def test_a_clock_that_jumps_is_not_a_problem_because_it_is_monotonic(clock: Clock) -> None:
    mode = controller(clock)
    clock.advance(1_000_000)  # a long suspend: one step at a time, never a crash
    actions = mode.tick()
    assert actions == [Action.SHOW_COUNTDOWN]


@pytest.mark.parametrize(
    ("text", "today", "tomorrow"),
    [
        ("09:00-18:00", [(540, 1080)], []),
        ("09:00-12:00, 13:30-17:00", [(540, 720), (810, 1020)], []),
        ("20:00-02:00", [(1200, 1440)], [(0, 120)]),
        ("00:00-24:00", [(0, 1440)], []),
        ("closed", [], []),
    ],
)
def test_spans_parse(text: str, today: list, tomorrow: list) -> None:
    assert parse_spans(text) == (today, tomorrow, "")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("9-18", "not a time span"), ("25:00-26:00", "does not exist"), ("10:00-10:00", "same")],
)
def test_bad_spans_say_why(text: str, fragment: str) -> None:
    assert fragment in parse_spans(text)[2]


def test_weekly_schedule() -> None:
    schedule, errors = parse_schedule(
        {"daily": "09:00-18:00", "monday": "closed", "friday": "09:00-22:00"}
    )
    assert errors == {}
    assert not schedule.is_open(datetime(2026, 11, 23, 10, 0))  # a Monday
    assert schedule.is_open(datetime(2026, 11, 24, 9, 0))  # Tuesday at opening
    assert not schedule.is_open(datetime(2026, 11, 24, 18, 0))  # Tuesday at closing
    assert schedule.is_open(datetime(2026, 11, 27, 21, 59))  # Friday late
    assert parse_schedule({})[0].is_open(datetime(2026, 11, 23, 3, 0))  # no hours: always open


def test_schedule_errors_name_the_setting() -> None:
    _, errors = parse_schedule({"mondey": "09:00-18:00", "tuesday": "9 to 5", "sunday": 9})
    assert set(errors) == {"mondey", "tuesday", "sunday"}
    assert "unknown day" in errors["mondey"]


def test_admin_left_alone_closes_and_the_kiosk_carries_on(clock: Clock) -> None:
    controller = ModeController(Timing(admin_after=120), clock)
    controller.touch()
    assert controller.enter_admin() == []
    assert controller.mode == Mode.ADMIN
    clock.now += 119
    assert controller.tick() == []
    controller.touch()  # staff still working: the timer starts again
    clock.now += 119
    assert controller.tick() == []
    clock.now += 1
    actions = controller.tick()
    assert actions[0] == Action.LEAVE_ADMIN
    assert controller.mode in (Mode.INTERACTIVE, Mode.COUNTDOWN, Mode.IDLE)


def test_corner_taps_open_on_the_fifth_within_three_seconds() -> None:
    taps = CornerTaps()
    assert [taps.tap(t, True) for t in (0, 0.5, 1, 1.5)] == [False] * 4
    assert taps.tap(2.0, True)
    assert not taps.tap(2.2, True)  # counting starts again


def test_slow_or_interrupted_corner_taps_do_not_open() -> None:
    taps = CornerTaps()
    assert not any(taps.tap(t, True) for t in (0, 1, 2, 3, 3.5))  # the first fell out: 4 in 3 s
    assert taps.tap(4.0, True)  # 1..4: five within three seconds
    for t in (10, 10.2, 10.4, 10.6):
        taps.tap(t, True)
    assert not taps.tap(10.7, False)  # a tap elsewhere
    assert not taps.tap(10.8, True)


@pytest.mark.skipif(not hasattr(__import__("time"), "tzset"), reason="POSIX time zones")
def test_the_local_time_follows_a_time_zone_change_without_a_restart(monkeypatch) -> None:
    from kiosk.content.schedule import local_now

    monkeypatch.setenv("TZ", "UTC0")  # POSIX zone strings: no tzdata needed
    utc = local_now()
    monkeypatch.setenv("TZ", "CST-8")  # as an administrator changing the zone to UTC+8
    shanghai = local_now()
    offset = (shanghai - utc).total_seconds() / 3600
    assert round(offset) == 8
    monkeypatch.delenv("TZ")
    __import__("time").tzset()


def test_accessibility_choices_hold_the_attract_loop_off() -> None:
    clock = Clock(0.0)
    mode = ModeController(Timing(90, 120, 15), clock=clock, dirty=lambda: False)
    mode.access = Access(high_contrast=True)
    clock.now = 1000.0
    assert mode.tick() == [] and mode.tick() == []
    assert mode.mode == Mode.IDLE
    mode.access = Access()
    assert mode.tick() == [Action.START_AUTOPLAY]


def test_reach_and_larger_text_wait_longer_before_the_reset() -> None:
    clock = Clock(0.0)
    timing = Timing(90, 120, 15, access_reset_after=300)
    mode = ModeController(timing, clock=clock)
    mode.touch()
    mode.access = Access(larger_text=True)
    assert mode.leave_after == 300
    clock.now = 284.0
    assert mode.tick() == []
    clock.now = 285.0
    assert mode.tick() == [Action.SHOW_COUNTDOWN]
    mode.access = Access(reduced_motion=True)  # no reading or reaching help: the usual time
    assert mode.leave_after == 90


def test_with_no_countdown_a_visitor_s_state_is_reset_at_once() -> None:
    clock = Clock(0.0)
    mode = ModeController(Timing(90, 120, 0, autoplay=False), clock=clock)
    mode.touch()
    clock.now = 121.0
    assert mode.tick() == [Action.RESET]
    assert mode.mode == Mode.IDLE
