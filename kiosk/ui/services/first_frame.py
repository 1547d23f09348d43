"""``KIOSK_EXIT_AT_FIRST_FRAME=1``: print FRAME and exit when Home is first painted.

For start-up benchmarks of builds that cannot be patched from outside (the frozen bundle):
bench/bundle.py times process spawn to that line, as bench/startup.py does for the source.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

EXIT_ENV = "KIOSK_EXIT_AT_FIRST_FRAME"


class _FirstFrame(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if sys.stdout is not None:  # None in a Windows GUI build
                sys.stdout.write("FRAME\n")
                sys.stdout.flush()
            os._exit(0)
        return False


def exit_at_first_frame(window: QObject) -> None:
    """When asked by the environment, end the process at the current page's first paint."""
    if not os.environ.get(EXIT_ENV):
        return
    page = window.stack.current  # type: ignore[attr-defined]
    page.first_frame_probe = _FirstFrame(page)
    page.installEventFilter(page.first_frame_probe)


class _AfterFirstFrame(QObject):
    def __init__(self, window: QObject, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)  # once this frame is on screen
            self.deleteLater()
        return False


def after_first_frame(window: QObject, callback: Callable[[], None]) -> None:
    """Run ``callback`` just after the window's first frame (what visitors need comes first)."""
    _AfterFirstFrame(window, callback)
