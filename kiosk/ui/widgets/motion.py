"""How animations start, in one place.

Reduced motion: animations start through :func:`play`, which shows a visitor who asked for no
motion the end of each at once (no count-ups, slides or growing charts).

Their first step on time: :func:`keep_clock` keeps Qt's animation clock registered.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QCoreApplication, QPauseAnimation

CLOCK_NAME = "kiosk-animation-clock"
CLOCK_LOOP_MS = 3_600_000  # the clock's pause wakes the process once per loop: once an hour


def play(animation: QAbstractAnimation, motion: bool = True) -> None:
    """Start ``animation``, or, when ``motion`` is off, jump it to its end state at once (its
    ``finished`` handlers run as after a played animation)."""
    animation.start()
    if not motion and animation.totalDuration() >= 0:
        animation.setCurrentTime(animation.totalDuration())


def keep_clock(app: QCoreApplication) -> QPauseAnimation:
    """Keep one endless pause running for the application's life, so that an animation's
    first step comes one frame after its start.

    With no animation running, Qt starts an animation through two queued calls, and the
    second runs only after the window has painted the frame its start asked for: the first
    step came a whole paint late (the carousel's first glide interval was 25 ms at 4K, every
    other one 16). With a pause running, Qt's clock stays registered (a pause alone sleeps
    until it ends, no ticks) and an animation's start restarts it at once. Idempotent.
    """
    kept = app.findChild(QPauseAnimation, CLOCK_NAME)
    if kept is not None:
        return kept
    clock = QPauseAnimation(CLOCK_LOOP_MS, app)
    clock.setObjectName(CLOCK_NAME)
    clock.setLoopCount(-1)
    clock.start()
    return clock
