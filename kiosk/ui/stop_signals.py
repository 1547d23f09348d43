"""A clean exit when the service manager stops the kiosk (SIGTERM, SIGINT, SIGHUP).

Python runs its signal handlers only when the interpreter gets control, and Qt's event loop may
keep it away for seconds: a wake-up socket (``signal.set_wakeup_fd``) watched by the event loop
hands it control at once. A signal that arrives before the loop runs (the kiosk is still
loading) ends the loop as soon as it starts. Either way the exit is clean (status 0), so a stop
or restart by systemd, or a start it gave up on, is never counted as a crash.
"""

from __future__ import annotations

import contextlib
import signal
import socket

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer

SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")


class StopSignals:
    """Installed once per process, before the slow part of the start (no QApplication yet)."""

    def __init__(self) -> None:
        self.received: int | None = None
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for name in SIGNALS:
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), self._on_signal)
        self._notifier: QSocketNotifier | None = None

    def _on_signal(self, signum: int, _frame: object) -> None:
        self.received = signum
        QCoreApplication.exit(0)  # a no-op until the loop runs: `watch` covers that case

    def watch(self, app: QCoreApplication) -> None:
        """Call once the QApplication exists, just before its event loop starts."""
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, app)
        self._notifier.activated.connect(self._drain)
        QTimer.singleShot(0, self._exit_if_received)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass
        self._exit_if_received()  # the Python handler has run by now

    def _exit_if_received(self) -> None:
        if self.received is not None:
            QCoreApplication.exit(0)
