"""How smoothly the window paints: the frame rate of its recent animations (admin panel)."""

from __future__ import annotations

import statistics
import time
from collections import deque

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

GAP = 0.1  # a longer pause between frames is not animation, just stillness
WINDOW = 10.0  # seconds of history that count


class FrameMeter(QObject):
    """Timestamps the window's frames (each UpdateRequest is one) and reports their rate."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.frames: deque[float] = deque(maxlen=1200)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.frames.append(time.monotonic())
        return False

    def fps(self, now: float | None = None) -> float | None:
        """Frames per second while something animated in the last ten seconds, else None."""
        now = time.monotonic() if now is None else now
        recent = [t for t in self.frames if now - t <= WINDOW]
        gaps = [b - a for a, b in zip(recent, recent[1:], strict=False) if 0 < b - a < GAP]
        if len(gaps) < 5:
            return None
        return 1.0 / statistics.median(gaps)
