"""A clean exit when the service manager stops the kiosk (SIGTERM, SIGINT, SIGHUP).

Python runs its signal handlers only when the interpreter gets control, and the GUI thread may
be busy for seconds (building pages after the first frame takes ~15 s on an emulated machine):
systemd's stop timeout would then SIGKILL a kiosk that was asked to stop and the next start
would count a crash. So the wake-up socket (``signal.set_wakeup_fd``, written by the C-level
handler at once) is read by a thread of its own, which

1. notes the stop at once (``on_stop``: the crash record is marked clean, so even a SIGKILL
   later is no crash),
2. asks Qt's event loop to quit (a posted Quit event wakes an idle loop at once), and
3. ends the process itself after ``grace`` seconds if the GUI thread has not come back by then,
   before systemd's own timeout (TimeoutStopSec=15) kills it.

A signal that arrives before the loop runs (the kiosk is still loading) ends the loop as soon
as it starts. Either way a stop or restart by systemd is never counted as a crash.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QTimer

log = logging.getLogger(__name__)

SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")
GRACE_S = 8.0  # within the unit's TimeoutStopSec=15, with room for the log to be flushed


class StopSignals:
    """Installed once per process, before the slow part of the start (no QApplication yet)."""

    def __init__(self, grace: float = GRACE_S, exit_now: Callable[[int], None] = os._exit) -> None:
        self.received: int | None = None
        self.on_stop: Callable[[], None] | None = None  # set once there is a record to mark
        self.grace = grace
        self._exit_now = exit_now
        self._reader, self._writer = socket.socketpair()
        self._writer.setblocking(False)  # the C handler must never block
        signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for name in SIGNALS:
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), self._on_signal)
        self.noted = threading.Event()
        self._closed = threading.Event()
        threading.Thread(target=self._wait, name="stop-signals", daemon=True).start()

    def _on_signal(self, signum: int, _frame: object) -> None:
        self.received = signum
        QCoreApplication.exit(0)  # a no-op until the loop runs: `watch` covers that case

    def watch(self, app: QCoreApplication) -> None:
        """Call once the QApplication exists, just before its event loop starts."""
        QTimer.singleShot(0, self._exit_if_received)

    def close(self) -> None:
        """Give the signals back (tests: the process goes on)."""
        self._closed.set()
        signal.set_wakeup_fd(-1)
        for name in SIGNALS:
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), signal.SIG_DFL)
        self._writer.close()
        self._reader.close()

    def _exit_if_received(self) -> None:
        if self.received is not None:
            QCoreApplication.exit(0)

    def _note(self) -> None:
        if self.on_stop is not None:
            try:
                self.on_stop()
            except Exception:  # the stop itself must go on
                log.exception("noting the stop failed")

    def _wait(self) -> None:
        """The stop thread: waits for a signal byte, then notes, quits and, if need be, exits."""
        try:
            data = self._reader.recv(64)
        except OSError:
            return
        if not data:
            return
        signum = data[-1]
        self.received = self.received or signum
        log.info("stop requested by signal %d", signum)
        self._note()
        self.noted.set()
        app = QCoreApplication.instance()
        if app is not None:
            QCoreApplication.postEvent(app, QEvent(QEvent.Type.Quit))
        if self._closed.wait(self.grace):
            return
        log.warning("still busy %.0f s after the stop signal: exiting now", self.grace)
        self._note()  # the record may have been made after the signal arrived
        for handler in logging.getLogger().handlers:
            with contextlib.suppress(Exception):  # a closed stream must not keep us alive
                handler.flush()
        self._exit_now(0)
