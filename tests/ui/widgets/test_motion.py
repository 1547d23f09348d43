"""How animations start: the first step comes one frame after the start, not a paint later."""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractAnimation, QPauseAnimation, QVariantAnimation
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.widgets.motion import CLOCK_NAME

SLOW_PAINT_S = 0.06


class SlowPanel(QWidget):
    """A widget whose every paint takes 60 ms, as a heavy first frame does."""

    def paintEvent(self, event: QPaintEvent) -> None:
        start = time.perf_counter()
        while time.perf_counter() - start < SLOW_PAINT_S:
            pass


def first_step_time(qtbot, panel: QWidget) -> int:
    """Ask for a frame and start an animation in one handler, as a tap does; return the
    animation's own time at its first step after the start."""
    animation = QVariantAnimation(panel)
    animation.setDuration(2000)
    animation.setStartValue(0.0)
    animation.setEndValue(1.0)
    steps: list[int] = []
    animation.valueChanged.connect(lambda _: steps.append(animation.currentTime()))
    panel.update()  # the frame the tap asks for is queued first
    animation.start()
    qtbot.waitUntil(lambda: any(step > 0 for step in steps), timeout=5000)
    animation.stop()
    return next(step for step in steps if step > 0)


def test_an_animation_started_with_a_frame_runs_from_its_start_not_after_the_paint(
    qtbot, ground
) -> None:
    """The kiosk's clock keeps Qt's animation timer registered, so an animation started in
    the handler that also asked for a slow frame runs from its start: its first step after
    that frame shows the time the frame took. Without it, Qt's second queued start call runs
    after the frame and the animation's first step came one frame interval after a whole
    paint (25 ms into a 4K glide, every other step 16)."""
    panel = SlowPanel(ground)
    panel.resize(200, 200)
    panel.show()
    qtbot.waitExposed(panel)
    clock = QApplication.instance().findChild(QPauseAnimation, CLOCK_NAME)
    assert clock is not None and clock.state() == QAbstractAnimation.State.Running
    assert first_step_time(qtbot, panel) >= SLOW_PAINT_S * 1000 * 0.9
    clock.stop()  # Qt's own start: the animation's clock starts only after the slow frame
    try:
        qtbot.wait(50)
        assert first_step_time(qtbot, panel) < SLOW_PAINT_S * 1000 * 0.6
    finally:
        clock.start()
