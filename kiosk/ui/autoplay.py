"""The attract loop: the playlist's pages, the steps inside them, its full-screen moments,
the language rotation."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

from kiosk.content.models import PlaylistEntry
from kiosk.content.playlist import PAGE_DWELL, the_playlist
from kiosk.ui.shell.main_window import KioskWindow
from kiosk.ui.shell.moment import MomentView


class AutoplayPlayer(QObject):
    """Plays the attract loop: each stop's page with its steps evenly spread, or its moment over
    the whole window, then the next stop.

    Every step is scheduled from a monotonic deadline; one single-shot timer waits for it.
    """

    def __init__(
        self,
        window: KioskWindow,
        clock: Callable[[], float] = time.monotonic,
        moment: MomentView | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.moment = moment or MomentView(window.session, window.theme, window)
        self.session = window.session  # the visitor's language and the content on screen
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._step)
        # (seconds from the start, what: page, step, moment or loop, the entry)
        self.plan: list[tuple[float, str, PlaylistEntry | None]] = []
        self.started = 0.0
        self.loops = 0

    def stops(self) -> list[PlaylistEntry]:
        """This loop's stops: the pages this window shows and the moments of the playlist."""
        order = self.window.page_order()
        stops = [e for e in the_playlist(self.session.content) if e.moment or e.page in order]
        return stops or [PlaylistEntry(page, PAGE_DWELL, 2) for page in order]

    def start(self) -> None:
        self.loops = 0
        self._begin_loop()

    def stop(self) -> None:
        self.timer.stop()
        self.plan = []
        self.moment.end()

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
        plan: list[tuple[float, str, PlaylistEntry | None]] = []
        for entry in self.stops():
            plan.append((at, "moment" if entry.moment else "page", entry))
            for step in range(entry.steps):
                plan.append((at + entry.dwell * (step + 1) / (entry.steps + 1), "step", entry))
            at += entry.dwell
        if not plan:  # no page to show: no loop
            return
        plan.append((at, "loop", None))
        self.plan = plan
        self.started = self.clock()
        self._step()

    def _step(self) -> None:
        now = self.clock() - self.started
        while self.plan and self.plan[0][0] <= now + 0.001:
            _, what, entry = self.plan.pop(0)
            if what == "page" and entry is not None:
                animate = not self.moment.isVisible()  # out of a moment: the page at once
                self.window.go_to(entry.page, animate)
                self.moment.end()
            elif what == "moment" and entry is not None:
                self.moment.show_moment(entry)  # an item a reload removed: the last screen stays
            elif what == "step" and entry is not None:
                self.window.advance_page(entry.page)
            elif what == "loop":
                self.loops += 1
                if self.session.content.settings.rotate_languages:
                    self.window.next_language()
                self._begin_loop()
                return
        if self.plan:
            wait = max(0.0, self.plan[0][0] - (self.clock() - self.started))
            self.timer.start(round(wait * 1000))
