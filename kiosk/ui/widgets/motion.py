"""Reduced motion in one place: animations start through :func:`play`, which shows a visitor
who asked for no motion the end of each at once (no count-ups, slides or growing charts)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation


def play(animation: QAbstractAnimation, motion: bool = True) -> None:
    """Start ``animation``, or, when ``motion`` is off, jump it to its end state at once (its
    ``finished`` handlers run as after a played animation)."""
    animation.start()
    if not motion and animation.totalDuration() >= 0:
        animation.setCurrentTime(animation.totalDuration())
