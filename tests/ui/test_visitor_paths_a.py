"""Visitor paths of issue 15, driven as a visitor drives them: real widgets, events through the
window system (so Qt makes its own double-clicks and mouse grabs), timers left to run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import center, to_window, touch_drag
from tests.ui.test_voices import open_voices


def window_mouse_drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 10) -> None:
    """A real mouse drag: press, moves and release through the window system, not sent to
    one widget, so Qt picks the receivers (and grabs the mouse) as it does for a visitor."""
    handle = widget.window().windowHandle()
    a, b = to_window(widget, start), to_window(widget, end)
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, steps + 1):
        QTest.mouseMove(handle, a + (b - a) * (i / steps))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=b)
    QApplication.processEvents()


# --- 2. every swipe on a quote moves it ------------------------------------------------------


@pytest.mark.parametrize("mouse", [True, False], ids=["mouse", "touch"])
def test_every_swipe_on_the_quote_moves_it(window, qtbot, mouse) -> None:  # noqa: ANN001
    page = open_voices(window, qtbot, advance_ms=10**6)  # only the swipes move the quotes
    distance = window.theme.px(500)
    drag = window_mouse_drag if mouse else touch_drag
    moves = 0
    for _ in range(6):
        before = page.index
        start = center(page.stage)
        drag(page.stage, start, start - QPoint(distance, 0))
        moves += page.index != before
        qtbot.wait(1000)  # a visitor reading the quote before the next swipe
    assert moves == 6
    assert window.current_page_id == "voices"
