"""Liveness from the GUI thread: READY=1 once the first frame is painted, then a heartbeat from
a timer on the event loop (systemd's watchdog or a heartbeat file), so a frozen UI is noticed."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk import PRODUCT, __version__, storage
from kiosk.runtime.liveness import beat, heartbeat_interval, notify
from kiosk.ui.services.first_frame import after_first_frame

log = logging.getLogger(__name__)


class Heartbeat(QObject):
    def __init__(
        self, window: QWidget, state_dir: Path, env: Mapping[str, str] = os.environ
    ) -> None:
        super().__init__(window)
        self.state_dir = state_dir
        self.env = env
        self.ready = False
        self.beats = 0
        self.fallback: Path | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(round(heartbeat_interval(env) * 1000))
        self.timer.timeout.connect(self.beat)
        after_first_frame(window, self._on_first_frame)

    def _on_first_frame(self) -> None:
        self.ready = True
        notify(f"READY=1\nSTATUS={PRODUCT} {__version__} on screen", self.env)
        self.beat()
        self.timer.start()

    def beat(self) -> None:
        self.beats += 1
        if beat(self.state_dir, self.env) or self.state_dir == self.fallback:
            return
        self.fallback = storage.fallback_dir()  # the state folder failed: keep beating elsewhere
        message = f"the heartbeat cannot be written in {self.state_dir}; it is in {self.fallback}"
        if storage.report("heartbeat", message):
            log.warning(message)
        self.state_dir = self.fallback
        beat(self.state_dir, self.env)

    def stopping(self) -> None:
        self.timer.stop()
        notify("STOPPING=1", self.env)
