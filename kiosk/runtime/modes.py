"""The one place that decides the kiosk's mode, from input times and a clock (no Qt).

Modes:

- ``interactive``: a visitor is using the kiosk.
- ``countdown``: nobody touched it for a while and the visitor's state is about to be reset;
  the screen asks "still there?" and any touch goes back to ``interactive``.
- ``idle``: home, default language, nothing open; waiting for a visitor.
- ``autoplay``: the attract loop. The first touch only wakes the kiosk (it is swallowed).
- ``closed``: outside opening hours; a dark screen, nothing moves; touches are swallowed.
- ``admin``: staff are at the PIN pad or in the admin panel; no visitor timeouts, but left
  alone for ``admin_after`` seconds it closes by itself.

A visitor's accessibility choices (:class:`~kiosk.runtime.access.Access`) hold the attract loop
off, and reach or larger text give them ``access_reset_after`` before the reset instead.

The controller is driven by :meth:`touch` (any input) and :meth:`tick` (call it often; it
compares monotonic deadlines, it does not count ticks), and reports what the screen must do
as a list of :class:`Action`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.runtime.access import Access


class Mode(StrEnum):
    INTERACTIVE = "interactive"
    COUNTDOWN = "countdown"
    IDLE = "idle"
    AUTOPLAY = "autoplay"
    CLOSED = "closed"
    ADMIN = "admin"


class Action(StrEnum):
    SHOW_COUNTDOWN = "show_countdown"  # ask "still there?"
    HIDE_COUNTDOWN = "hide_countdown"
    RESET = "reset"  # home, default language, every page back to its start
    START_AUTOPLAY = "start_autoplay"
    STOP_AUTOPLAY = "stop_autoplay"
    WELCOME = "welcome"  # a visitor woke the loop: home, in the language on screen
    CLOSE = "close"  # show the closed screen, stop everything
    OPEN = "open"
    LEAVE_ADMIN = "leave_admin"  # close the PIN pad or the admin panel (left unattended)


@dataclass(frozen=True)
class Timing:
    """Seconds without input before each step (from the content's config or the command line)."""

    autoplay_after: float = 90.0
    reset_after: float = 120.0
    countdown: float = 15.0
    autoplay: bool = True  # whether the attract loop runs at all
    admin_after: float = 120.0  # an admin panel or PIN pad left alone this long closes
    access_reset_after: float = 300.0  # the idle reset for a visitor in reach or larger text

    @property
    def leave_after(self) -> float:
        """Idle time after which the visitor's state is reset (autoplay starting resets it)."""
        return min(self.reset_after, self.autoplay_after if self.autoplay else math.inf)

    @property
    def countdown_shown(self) -> float:
        """Seconds the "still there?" countdown shows before the reset: ``countdown``, but
        never more than half of ``leave_after``, so a short reset time still leaves a visitor
        half of it untouched before the question appears."""
        return min(self.countdown, self.leave_after / 2)


class ModeController:
    """Turns input times, the clock and the opening hours into modes and actions."""

    def __init__(
        self,
        timing: Timing,
        clock: Callable[[], float] = time.monotonic,
        is_open: Callable[[], bool] = lambda: True,
        dirty: Callable[[], bool] = lambda: True,
    ) -> None:
        self.timing = timing
        self.clock = clock
        self.is_open = is_open
        self.dirty = dirty  # whether the visitor left anything to reset (not home, a detail...)
        self.mode = Mode.IDLE
        self.last_input = clock()
        self.changed_at = self.last_input
        self.extra = 0.0  # seconds "more time" gave this visitor (until the next reset)
        self.access = Access()  # the visitor's accessibility choices (the runtime sets them)

    @property
    def idle_for(self) -> float:
        return self.clock() - self.last_input

    @property
    def leave_after(self) -> float:
        """Idle seconds before this visitor's state is reset: the timing's (the longer one
        in reach or larger text), plus more time."""
        timing = self.timing
        if self.access.slows_reset:
            return max(timing.access_reset_after, timing.leave_after) + self.extra
        return timing.leave_after + self.extra

    @property
    def countdown_left(self) -> float:
        """Seconds until the reset while the countdown shows."""
        return max(0.0, self.leave_after - self.idle_for)

    def more_time(self) -> list[Action]:
        """The visitor asked the countdown for more time (WCAG 2.2.1): the question goes, and
        they get a whole reset period more, every time they ask, until the next reset."""
        if self.mode != Mode.COUNTDOWN:
            return []
        self.last_input = self.clock()
        self.extra += self.timing.leave_after
        self._set(Mode.INTERACTIVE)
        return [Action.HIDE_COUNTDOWN]

    def _set(self, mode: Mode) -> None:
        self.mode = mode
        self.changed_at = self.clock()
        if mode in (Mode.IDLE, Mode.AUTOPLAY, Mode.CLOSED):
            self.extra = 0.0  # the visitor is gone: the next one starts with the usual time

    def touch(self) -> tuple[bool, list[Action]]:
        """A touch, click or key arrived. Returns (swallow it, actions)."""
        self.last_input = self.clock()
        mode = self.mode
        if mode in (Mode.CLOSED, Mode.ADMIN):
            return mode == Mode.CLOSED, []
        if mode == Mode.AUTOPLAY:
            self._set(Mode.INTERACTIVE)
            # the wake-up touch presses nothing; the visitor starts at Home
            return True, [Action.STOP_AUTOPLAY, Action.WELCOME]
        if mode == Mode.COUNTDOWN:
            self._set(Mode.INTERACTIVE)
            return True, [Action.HIDE_COUNTDOWN]  # it answered "still there?"
        self._set(Mode.INTERACTIVE)
        return False, []

    def start_autoplay(self) -> list[Action]:
        """Start the attract loop now (``--autoplay``, or staff in the admin panel)."""
        if self.mode in (Mode.CLOSED, Mode.AUTOPLAY):
            return []
        self._set(Mode.AUTOPLAY)
        return [Action.RESET, Action.START_AUTOPLAY]

    def stop_autoplay(self) -> list[Action]:
        if self.mode != Mode.AUTOPLAY:
            return []
        self.last_input = self.clock()
        self._set(Mode.IDLE)
        return [Action.STOP_AUTOPLAY]

    def enter_admin(self) -> list[Action]:
        actions = self.stop_autoplay()
        if self.mode == Mode.COUNTDOWN:
            actions.append(Action.HIDE_COUNTDOWN)
        self._set(Mode.ADMIN)
        return actions

    def leave_admin(self) -> list[Action]:
        if self.mode != Mode.ADMIN:
            return []
        self.last_input = self.clock()
        self._set(Mode.INTERACTIVE)
        return self.tick()

    def tick(self) -> list[Action]:
        """Compare the deadlines with the clock; call it a few times a second."""
        mode, timing = self.mode, self.timing
        if mode == Mode.ADMIN:
            if self.idle_for < timing.admin_after:
                return []
            return [Action.LEAVE_ADMIN, *self.leave_admin()]
        if not self.is_open():
            if mode == Mode.CLOSED:
                return []
            actions = []
            if mode == Mode.AUTOPLAY:
                actions.append(Action.STOP_AUTOPLAY)
            if mode == Mode.COUNTDOWN:
                actions.append(Action.HIDE_COUNTDOWN)
            self._set(Mode.CLOSED)
            return [*actions, Action.RESET, Action.CLOSE]
        if mode == Mode.CLOSED:
            self.last_input = self.clock()
            self._set(Mode.IDLE)
            return [Action.OPEN]
        idle = self.idle_for
        if mode == Mode.INTERACTIVE:
            if idle >= self.leave_after - timing.countdown_shown:
                dirty = self.dirty()
                if dirty and timing.countdown_shown > 0:
                    self._set(Mode.COUNTDOWN)
                    return [Action.SHOW_COUNTDOWN]
                self._set(Mode.IDLE)
                if dirty:  # no countdown to ask "still there?": the reset comes at once
                    return [Action.RESET, *self.tick()]
                # nothing to reset: just wait at home
            return []
        if mode == Mode.COUNTDOWN:
            if idle >= self.leave_after:
                self._set(Mode.IDLE)
                return [Action.HIDE_COUNTDOWN, Action.RESET, *self.tick()]
            return []
        if mode == Mode.IDLE and self.access.active:
            return []  # the loop never starts over a visitor's accessibility choices
        if mode == Mode.IDLE and timing.autoplay and idle >= timing.autoplay_after:
            self._set(Mode.AUTOPLAY)
            return [Action.START_AUTOPLAY]
        return []
