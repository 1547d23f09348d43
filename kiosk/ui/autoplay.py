"""The attract loop: the playlist's pages, the steps inside them, the language rotation."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

from kiosk.content.models import PlaylistEntry
from kiosk.ui.shell.main_window import KioskWindow

DEFAULT_DWELL = 12.0


class AutoplayPlayer(QObject):
    """Plays the attract loop: each stop's page, its steps evenly spread, then the next stop.

    Every step is scheduled from a monotonic deadline; one single-shot timer waits for it.
    """

    def __init__(self, window: KioskWindow, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session  # the visitor's language and the content on screen
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._step)
        self.plan: list[tuple[float, str, str]] = []  # (seconds from the start, what, page)
        self.started = 0.0
        self.loops = 0

    def stops(self) -> list[PlaylistEntry]:
        settings = self.session.content.settings
        order = self.window.page_order()
        entries = [e for e in settings.playlist if e.page in order]
        return entries or [PlaylistEntry(page, DEFAULT_DWELL, 2) for page in order]

    def start(self) -> None:
        self.loops = 0
        self._begin_loop()

    def stop(self) -> None:
        self.timer.stop()
        self.plan = []

    def next_due(self) -> float | None:
        """When the next stop or step is due, on the player's clock; None when stopped."""
        return self.started + self.plan[0][0] if self.plan else None

    def play_due(self) -> None:
        """Play every stop and step due by now (its timer does; ``--check-layout`` with a
        clock it moves itself)."""
        self.timer.stop()
        self._step()

    @property
    def running(self) -> bool:
        return bool(self.plan) or self.timer.isActive()

    def _begin_loop(self) -> None:
        at = 0.0
        plan: list[tuple[float, str, str]] = []
        for entry in self.stops():
            plan.append((at, "page", entry.page))
            for step in range(entry.steps):
                plan.append((at + entry.dwell * (step + 1) / (entry.steps + 1), "step", entry.page))
            at += entry.dwell
        plan.append((at, "loop", ""))
        self.plan = plan
        self.started = self.clock()
        self._step()

    def _step(self) -> None:
        now = self.clock() - self.started
        while self.plan and self.plan[0][0] <= now + 0.001:
            _, what, page_id = self.plan.pop(0)
            if what == "page":
                self.window.go_to(page_id)
            elif what == "step":
                self.window.advance_page(page_id)
            elif what == "loop":
                self.loops += 1
                if self.session.content.settings.rotate_languages:
                    self.window.next_language()
                self._begin_loop()
                return
        if self.plan:
            wait = max(0.0, self.plan[0][0] - (self.clock() - self.started))
            self.timer.start(round(wait * 1000))
