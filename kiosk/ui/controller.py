"""The kiosk around the window: input watching, the attract loop, the countdown, closed hours.

:class:`KioskRuntime` feeds every touch to the one :class:`~kiosk.runtime.modes.ModeController`
and carries out what it decides. The controller is checked from a timer on the GUI thread;
its deadlines come from the monotonic clock, never from counting ticks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import __version__, storage
from kiosk.content import Content, Problem
from kiosk.content.schedule import local_now
from kiosk.i18n import fill
from kiosk.paths import user_config_dir, user_state_dir
from kiosk.runtime.access import Access
from kiosk.runtime.gesture import CornerTaps
from kiosk.runtime.memory import release_free_memory
from kiosk.runtime.modes import Action, Mode, ModeController, Timing
from kiosk.runtime.pin import LOCKOUT_FILE, PIN_FILE, PinGate, Verdict, read_pin_hash
from kiosk.runtime.process_stats import format_duration, format_megabytes, rss_bytes, uptime
from kiosk.ui.admin.admin_panel import AdminPanel, AdminStatus
from kiosk.ui.admin.frame_meter import FrameMeter
from kiosk.ui.admin.pin_pad import PinPad
from kiosk.ui.autoplay import AutoplayPlayer
from kiosk.ui.input import MOUSE_EVENTS, TOUCH_EVENTS, is_from_touch
from kiosk.ui.services.content_watch import ContentWatcher
from kiosk.ui.shell.keypad import Key, key_of
from kiosk.ui.shell.main_window import KioskWindow
from kiosk.ui.shell.moment import MomentView
from kiosk.ui.shell.overlays import ClosedOverlay, CountdownOverlay, CueOverlay

log = logging.getLogger(__name__)

TICK_MS = 250


def press_position(event: QEvent) -> QPointF | None:
    """Where on the screen a touch or mouse press is (its first point), or None."""
    if isinstance(event, QTouchEvent):
        return event.points()[0].globalPosition() if event.points() else None
    if isinstance(event, QMouseEvent):
        return event.globalPosition()
    return None


class KioskRuntime(QObject):
    """Connects the mode controller to the window: input in, actions out."""

    def __init__(
        self,
        window: KioskWindow,
        timing: Timing | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = local_now,
        log_lines: Callable[[int], list[str]] | None = None,
        watcher: ContentWatcher | None = None,
        safe_mode_crashes: int = 0,
        keep_hours: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session  # the visitor's language and the content on screen
        self.log_lines = log_lines
        settings = self.session.content.settings
        self.timing = timing or Timing(
            settings.autoplay_after,
            settings.reset_after,
            settings.countdown,
            settings.autoplay,
            access_reset_after=settings.access_reset_after,
        )
        self.controller = ModeController(
            self.timing,
            clock=clock,
            # the tools (--screenshot) show the open kiosk whatever the time: keep_hours False
            is_open=lambda: (
                not keep_hours or self.session.content.settings.hours.is_open(wall_clock())
            ),
            dirty=self._dirty,
        )
        self.moment = MomentView(self.session, window.theme, window)
        self.player = AutoplayPlayer(window, clock, self.moment)
        self.countdown = CountdownOverlay(window, "countdown")
        self.closed = ClosedOverlay(window, "closed")
        self.cue = CueOverlay(window, "autoplay-cue")
        self.cue.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.moment.raised.connect(self.cue.raise_)  # the call to action stays on top
        self.frames = FrameMeter(window)
        self.taps = CornerTaps()
        self._last_press = -1
        self.gate = PinGate(None, clock, record=user_state_dir() / LOCKOUT_FILE)
        self.pin_pad = PinPad(self.session, window.theme, window)
        self.pin_pad.submitted.connect(self._check_pin)
        self.pin_pad.cancelled.connect(self.close_admin)
        self.admin = AdminPanel(self.session, window.theme, self.admin_status, window)
        self.admin.close_requested.connect(self.close_admin)
        self.admin.reload_requested.connect(self.reload_now)
        self.admin.autoplay_toggled.connect(self.toggle_autoplay)
        self.admin.exit_requested.connect(self.exit_kiosk)
        self.notices: list[tuple[str, str]] = []  # (string key, role) shown in the admin panel
        if safe_mode_crashes:
            self.notices.append(("admin.safe_mode", "warm"))
        self.safe_mode_crashes = safe_mode_crashes
        self.pending: Content | None = None  # valid new content waiting for a quiet moment
        self.reload_problems: list[Problem] = []  # errors of the last reload that failed
        self.watcher = watcher
        if watcher is not None:
            watcher.setParent(self)
            watcher.loaded.connect(self._content_loaded)
            watcher.failed.connect(self._content_failed)
        self.session.language_changed.connect(self._retranslate)
        self.session.content_changed.connect(self._retranslate)  # a hot reload, too
        window.access_changed.connect(self._on_access_changed)
        self._swallowing = False
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QApplication.instance().installEventFilter(self)
        self.apply(self.controller.tick())

    @property
    def mode(self) -> Mode:
        return self.controller.mode

    def _dirty(self) -> bool:
        return not self.window.at_start()

    # --- input ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.window:
            for overlay in (self.closed, self.cue, self.pin_pad, self.admin):
                overlay.setGeometry(self.window.rect())
            self.countdown.setGeometry(self.window.visitor_rect())
            self.moment.setGeometry(self.window.rect())
            return False
        if kind == QEvent.Type.KeyPress:
            return self._on_key(watched, event)  # type: ignore[arg-type]
        if kind not in TOUCH_EVENTS and kind not in MOUSE_EVENTS:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        starts = kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress)
        if kind in MOUSE_EVENTS and is_from_touch(event):  # type: ignore[arg-type]
            return self._swallowing  # the touch itself is what counts
        if starts:
            self._count_corner_tap(event)
        if starts and not self._swallowing and self._on_more_time(event):
            self.apply(self.controller.more_time())
            self._swallowing = True
        elif starts and not self._swallowing:
            swallow, actions = self.controller.touch()
            self.apply(actions)
            self._swallowing = swallow
        elif not self._swallowing:
            self.controller.last_input = self.controller.clock()
        ends = kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
        if kind == QEvent.Type.MouseButtonRelease:
            ends = isinstance(event, QMouseEvent) and not event.buttons()
        swallowed = self._swallowing
        if ends:
            self._swallowing = False
            self._last_press = -1  # the next press counts, however soon it comes
        return swallowed

    def _on_key(self, watched: QObject, event: QKeyEvent) -> bool:
        """A key is input like a touch: it wakes the attract loop or answers the countdown
        (then it is swallowed: it moves no focus, presses nothing); Enter on the countdown is
        its focused "more time" button. Returns whether the key is swallowed."""
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        keypad = self.window.keypad
        if self.mode == Mode.COUNTDOWN and key_of(event) == Key.ACTIVATE:
            self.apply(self.controller.more_time())
            keypad.reveal()
            return True
        waking = self.mode in (Mode.AUTOPLAY, Mode.COUNTDOWN)
        swallow, actions = self.controller.touch()
        self.apply(actions)
        if swallow and waking:
            keypad.reveal()  # a keypad visitor: show where the focus is
        return swallow

    def _on_more_time(self, event: QEvent) -> bool:
        """Whether this press is on the countdown's "more time" button."""
        where = press_position(event)
        if self.mode != Mode.COUNTDOWN or not self.countdown.isVisible() or where is None:
            return False
        pos = self.countdown.mapFromGlobal(where.toPoint())
        return self.countdown.more_rect().contains(QPointF(pos))

    def _count_corner_tap(self, event: QEvent) -> None:
        """Five quick taps in the top-left corner open the PIN pad (staff only)."""
        stamp = event.timestamp()  # type: ignore[attr-defined]
        if self._last_press == stamp:  # the same press delivered again to a parent widget
            return
        self._last_press = stamp
        where = press_position(event)
        if where is None:
            return
        pos = self.window.mapFromGlobal(where.toPoint())
        corner = self.window.theme.touch
        in_corner = 0 <= pos.x() < corner and 0 <= pos.y() < corner
        if self.taps.tap(self.controller.clock(), in_corner) and self.mode != Mode.ADMIN:
            QTimer.singleShot(0, self.open_pin_pad)

    def _on_access_changed(self, access: Access) -> None:
        """A visitor's accessibility choices: the controller's timing, and a countdown on
        screen in their theme and place (an overlay takes both when shown)."""
        self.controller.access = access
        if self.countdown.isVisible():
            self.countdown.show_over()

    # --- admin ------------------------------------------------------------------------------

    def open_pin_pad(self) -> None:
        """The PIN pad over everything; the visitor timeouts pause while staff are here."""
        self.apply(self.controller.enter_admin())
        pin_hash, problem = read_pin_hash(user_config_dir() / PIN_FILE)
        self.gate.pin_hash = pin_hash
        self.pin_pad.open()
        log.info("admin: PIN pad opened")
        if problem:
            log.warning("admin: %s", problem)
            self.pin_pad.set_message(self.session.text("admin.pin.none"), "warm")
        elif self.gate.locked_for > 0:
            self.pin_pad.set_locked(True)
            self._show_locked()

    def _show_locked(self) -> None:
        seconds = str(max(1, round(self.gate.locked_for)))
        text = fill(self.session.text("admin.pin.locked"), value=seconds)
        self.pin_pad.set_message(text, "warm")

    def _check_pin(self, pin: str) -> None:
        verdict = self.gate.check(pin)
        session = self.session
        if verdict == Verdict.OPEN:
            log.info("admin: panel opened")
            self.pin_pad.hide()
            self.admin.open()
        elif verdict == Verdict.WRONG:
            log.warning("admin: wrong PIN")
            left = str(self.gate.max_attempts - self.gate.wrong)
            self.pin_pad.set_message(fill(session.text("admin.pin.wrong"), value=left), "warm")
        elif verdict == Verdict.LOCKED:
            log.warning("admin: PIN pad locked for %.0f s", self.gate.locked_for)
            self.pin_pad.set_locked(True)
            self._show_locked()
        else:
            self.pin_pad.set_message(session.text("admin.pin.none"), "warm")

    def close_admin(self) -> None:
        self.pin_pad.hide()
        self.admin.close_panel()
        log.info("admin: closed")
        self.apply(self.controller.leave_admin())

    def toggle_autoplay(self) -> None:
        enabled = not self.controller.timing.autoplay
        self.controller.timing = replace(self.controller.timing, autoplay=enabled)
        log.info("admin: attract loop %s", "enabled" if enabled else "disabled")
        if enabled:
            self.close_admin()
            self.start_autoplay()
        else:
            self.admin.refresh()

    def reload_now(self) -> None:
        """Staff asked for the content folder to be read again."""
        log.info("admin: reload requested")
        if self.watcher is not None:
            self.watcher.reload_now()
        self.admin.refresh()

    # --- hot reload -------------------------------------------------------------------------

    def _content_loaded(self, content: Content) -> None:
        self.pending = content
        self._swap_when_quiet()

    def _content_failed(self, problems: list[Problem]) -> None:
        self.reload_problems = list(problems)
        self.notices = [n for n in self.notices if not n[0].startswith("admin.reload")]
        self.notices.append(("admin.reload.failed", "warm"))

    def _swap_when_quiet(self) -> None:
        """New content goes on screen between visitors, never under a visitor's finger."""
        if self.pending is None or self.mode in (Mode.INTERACTIVE, Mode.COUNTDOWN):
            return
        content, self.pending = self.pending, None
        playing = self.mode == Mode.AUTOPLAY
        if playing:
            self.player.stop()
        self.session.set_content(content)
        if self.mode != Mode.CLOSED:
            self.window.reset_visitor()
        if playing:
            self.player.start()
        self.reload_problems = []
        self.notices = [n for n in self.notices if not n[0].startswith("admin.reload")]
        self.notices.append(("admin.reload.done", "accent"))
        warnings = len(content.problems)
        log.info(
            "content: version %s on screen (%d warning(s))", content.settings.version, warnings
        )
        QTimer.singleShot(0, release_free_memory)  # the old pages' images go back at once

    def exit_kiosk(self) -> None:
        log.info("admin: exit requested")
        QApplication.exit(0)

    def admin_status(self) -> AdminStatus:
        content, text = self.session.content, self.session.text
        return AdminStatus(
            version=__version__,
            content_folder=str(content.folder),
            content_version=content.settings.version,
            uptime=format_duration(uptime()),
            frame_rate=self.frames.fps(),
            memory=format_megabytes(rss_bytes()),
            problems=[p.format() for p in (*self.reload_problems, *content.problems)],
            notices=[
                *(
                    (fill(text(key), value=str(self.safe_mode_crashes)), role)
                    for key, role in self.notices
                ),
                *((fill(text("admin.storage"), value=p), "warm") for p in storage.problems()),
            ],
            log_lines=self.log_lines(14) if self.log_lines else [],
            autoplay_enabled=self.controller.timing.autoplay,
        )

    # --- actions ----------------------------------------------------------------------------

    def check(self) -> None:
        self.apply(self.controller.tick())
        if self.controller.mode == Mode.COUNTDOWN:
            self._update_countdown()
        elif self.pin_pad.isVisible():
            if self.gate.locked_for > 0:
                self._show_locked()
            elif self.pin_pad.locked:  # the lock ended: the keys work again, nothing typed
                self.pin_pad.set_locked(False)
                self.pin_pad.set_message(self.session.text("admin.pin.hint"))
        self._swap_when_quiet()

    def start_autoplay(self) -> None:
        self.apply(self.controller.start_autoplay())

    def apply(self, actions: list[Action]) -> None:
        for action in actions:
            log.info("mode %s: %s", self.controller.mode, action)
            if action == Action.SHOW_COUNTDOWN:
                self._update_countdown()
                self.countdown.show_over()
            elif action == Action.HIDE_COUNTDOWN:
                self.countdown.hide()
            elif action == Action.RESET:
                self.window.keypad.forget()  # the next visitor starts from the first target
                self.window.reset_visitor()
            elif action == Action.START_AUTOPLAY:
                self.window.keypad.forget()  # no ring over the loop; the next key shows it
                self.window.close_details()  # the loop starts clean
                self.player.start()
                self._retranslate()
                self.window.show_dots(False)  # the cue takes their place
                self.cue.show_over()
            elif action == Action.STOP_AUTOPLAY:
                self.player.stop()
                self.window.close_details()  # the visitor who woke it gets no loop's detail
                self.cue.hide()
                self.window.show_dots(True)
            elif action == Action.WELCOME:
                self.window.welcome()
            elif action == Action.CLOSE:
                self.window.pause()
                self._retranslate()
                self.closed.show_over()
            elif action == Action.OPEN:
                self.closed.hide()
                self.window.resume()
            elif action == Action.LEAVE_ADMIN:
                self.pin_pad.hide()
                self.admin.close_panel()

    def _retranslate(self, *_: object) -> None:
        """The overlays' texts in the current language (the attract loop rotates it)."""
        session = self.session
        self.cue.set_texts(session.text("autoplay.cue"), "")
        self.closed.set_texts(session.text("app.title"), session.text("closed.body"))

    def _update_countdown(self) -> None:
        session = self.session
        seconds = str(max(1, round(self.controller.countdown_left)))
        self.countdown.more = session.text("countdown.more")
        self.countdown.set_texts(
            session.text("countdown.title"), fill(session.text("countdown.body"), value=seconds)
        )
