"""One tap is one action, whichever way Qt or the system delivers it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.input import CLAIMS_SWIPES
from kiosk.ui.widgets.buttons import PillButton
from tests.helpers.ui import center, touch_device, touch_drag, touch_tap


def _mouse(kind: QEvent.Type, widget, source: Qt.MouseEventSource, device=None) -> QMouseEvent:
    pos = QPointF(center(widget))
    buttons = (
        Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonPress
        else Qt.MouseButton.NoButton
    )
    args = [
        kind,
        pos,
        pos,
        widget.mapToGlobal(pos),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
        source,
    ]
    if device is not None:
        args.append(device)
    return QMouseEvent(*args)


def _send_click(widget, source: Qt.MouseEventSource, device=None) -> None:
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        QApplication.sendEvent(widget, _mouse(kind, widget, source, device))


def test_touch_plus_system_synthesized_mouse_gives_one_click(window) -> None:
    button = window.header.languages["en"]
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    touch_tap(button)
    # Windows delivers the same tap again as mouse events made by the system:
    _send_click(button, Qt.MouseEventSource.MouseEventSynthesizedBySystem)
    assert clicks == [1]
    assert window.session.language == "en"


def test_mouse_events_from_a_touch_screen_device_are_ignored(window) -> None:
    button = window.header.languages["zh-Hant"]
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    _send_click(button, Qt.MouseEventSource.MouseEventNotSynthesized, touch_device())
    assert clicks == []


def test_real_mouse_click_gives_one_click(window) -> None:
    button = window.header.languages["zh-Hant"]
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    _send_click(button, Qt.MouseEventSource.MouseEventNotSynthesized)
    assert clicks == [1]


def test_press_feedback_shows_while_the_finger_is_down(window, qtbot) -> None:
    tile = window.stack.page("home").tiles[0]
    from PySide6.QtTest import QTest

    point = tile.mapTo(window, center(tile))
    QTest.touchEvent(window, touch_device()).press(0, point, window).commit()
    assert tile.is_pressed
    qtbot.waitUntil(lambda: tile.press_level == 1.0, timeout=15000)
    QTest.touchEvent(window, touch_device()).release(0, point, window).commit()
    assert not tile.is_pressed


def test_second_finger_does_not_press_again(window) -> None:
    from PySide6.QtTest import QTest

    button: PillButton = window.header.languages["en"]
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    p = button.mapTo(window, center(button))
    seq = QTest.touchEvent(window, touch_device())
    seq.press(0, p, window).commit()
    QTest.touchEvent(window, touch_device()).stationary(0).press(1, p, window).commit()
    QTest.touchEvent(window, touch_device()).release(0, p, window).release(1, p, window).commit()
    QApplication.processEvents()
    assert clicks == [1]


def test_a_widget_that_claims_swipes_keeps_them_from_the_page(window, qtbot) -> None:
    home = window.stack.page("home")
    strip = QWidget(home)
    strip.setGeometry(0, 300, window.width(), 300)
    strip.setProperty(CLAIMS_SWIPES, True)
    strip.show()
    start = QPoint(window.width() * 3 // 4, 150)
    touch_drag(strip, start, start - QPoint(window.width() // 2, 0))
    assert window.current_page_id == "home"
    strip.setProperty(CLAIMS_SWIPES, False)
    touch_drag(strip, start, start - QPoint(window.width() // 2, 0))
    assert window.current_page_id == "figures"
