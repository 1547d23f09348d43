"""Helpers that drive the UI the way a visitor does (touch and mouse), build a window over a
content folder, and move a runtime's clock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractAnimation, QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import application, build_window
from kiosk.content import load_content_cached
from kiosk.paths import interface_dir
from kiosk.runtime.modes import Timing
from kiosk.ui.controller import KioskRuntime
from kiosk.ui.pages.base import PageView
from kiosk.ui.shell.main_window import KioskWindow
from tests.helpers import EXHIBIT
from tests.helpers.clock import Clock

_TOUCH: QPointingDevice | None = None


def touch_device() -> QPointingDevice:
    global _TOUCH
    if _TOUCH is None:
        _TOUCH = QTest.createTouchDevice()
    return _TOUCH


def center(widget: QWidget) -> QPoint:
    return widget.rect().center()


def to_window(widget: QWidget, pos: QPoint) -> QPoint:
    return widget.mapTo(widget.window(), pos)


def touch_tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """A finger down and up on ``widget`` (positions in its coordinates)."""
    window = widget.window()
    point = to_window(widget, pos or center(widget))
    QTest.touchEvent(window, touch_device()).press(0, point, window).commit()
    QTest.touchEvent(window, touch_device()).release(0, point, window).commit()
    QApplication.processEvents()


def touch_drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 8) -> None:
    """A finger pressed at ``start``, moved in steps to ``end`` and lifted."""
    window = widget.window()
    a, b = to_window(widget, start), to_window(widget, end)
    QTest.touchEvent(window, touch_device()).press(0, a, window).commit()
    for i in range(1, steps + 1):
        p = a + (b - a) * (i / steps)
        QTest.touchEvent(window, touch_device()).move(0, p, window).commit()
    QTest.touchEvent(window, touch_device()).release(0, b, window).commit()
    QApplication.processEvents()


def mouse_drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 8) -> None:
    """A real mouse pressed at ``start``, dragged to ``end`` and released."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, steps + 1):
        QTest.mouseMove(widget, start + (end - start) * (i / steps))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)
    QApplication.processEvents()


def make_window(qtbot, folder: Path = EXHIBIT, size=(1920, 1080), lang=None) -> KioskWindow:
    application()
    # as the kiosk starts: from the compiled copy when the folder has not changed
    content = load_content_cached(folder, interface=interface_dir())
    window = build_window(content, size, lang)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def runtime_for(window, clock: Clock, **kwargs) -> KioskRuntime:
    timing = Timing(**{"autoplay_after": 90, "reset_after": 120, "countdown": 15, **kwargs})
    runtime = KioskRuntime(window, timing, clock=clock)
    runtime.timer.stop()  # the test calls check() after moving the clock
    return runtime


def later(runtime: KioskRuntime, clock: Clock, seconds: float) -> None:
    clock.now += seconds
    runtime.check()


def stage(qtbot, size=(1920, 1080)) -> QWidget:
    """A bare shown widget of ``size`` to test one widget on, with no window or content."""
    application()
    ground = QWidget()
    ground.resize(*size)
    qtbot.addWidget(ground)
    ground.show()
    qtbot.waitExposed(ground)
    return ground


def open_page(window: KioskWindow, qtbot, page_id: str, settled: bool = True) -> PageView:
    """Go to ``page_id`` as a visitor does, by a tap on its tile on Home, and wait until it is
    shown and (when ``settled``) its entrance animations have ended."""
    home = window.stack.page(window.page_order()[0])
    touch_tap(next(t for t in home.tiles if t.page_id == page_id))
    page = window.stack.page(page_id)
    sliding = QAbstractAnimation.State.Running
    qtbot.waitUntil(
        lambda: window.stack.current is page and window.stack.transition.state() != sliding,
        timeout=15000,
    )
    if settled:
        qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    return page
