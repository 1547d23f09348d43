"""Touch and mouse input with one path per widget, so a tap gives exactly one action.

A touch reaches a widget as QTouchEvents. Qt (for touches nobody accepted) or the system (on
Windows) may also deliver mouse events made from that same touch; those carry a touch-screen
device or a "synthesized" source and are ignored here, so only a real mouse uses the mouse path.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QInputDevice, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QScroller,
    QScrollerProperties,
    QWidget,
)

TOUCH_EVENTS = {
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
}
# Dynamic property: set it True on a widget whose horizontal drags are its own (a carousel, a
# horizontal timeline), so a swipe that starts there does not also change the page.
CLAIMS_SWIPES = "claims_swipes"
# Dynamic property: set it True on the control that closes a full-window layer or a detail (its
# back or cancel button), so the keypad's Back key can press it (kiosk/ui/shell/keypad.py).
CLOSES_LAYER = "closes_layer"

POINTER_EVENT_CLASSES = (QMouseEvent, QTouchEvent)
MOUSE_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
}


def is_from_touch(event: QMouseEvent) -> bool:
    """True for a mouse event that Qt or the system made from a touch."""
    if event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
        return True
    device = event.device()
    return device is not None and device.type() == QInputDevice.DeviceType.TouchScreen


class PointerWidget(QWidget):
    """A widget that follows one finger or the real mouse, through one set of hooks.

    Touches arrive as QTouchEvents (the first finger decides; others are ignored); mouse
    events made from a touch are dropped, and the real mouse counts only while no finger is
    down. Subclasses implement ``_press``, ``_move`` and ``_release`` (local positions,
    millisecond timestamps) and ``_cancel`` (the system took the touch away, or it hid).
    """

    # class-level default: Qt may send a hide event while a wrapper is torn down
    _touch_id: int | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def event(self, event: QEvent) -> bool:
        if event.type() in TOUCH_EVENTS:
            self._on_touch(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _on_touch(self, event: QTouchEvent) -> None:
        event.accept()
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self._touch_id = None
            self._cancel()
            return
        points = event.points()
        if kind == QEvent.Type.TouchBegin:
            self._touch_id = points[0].id()
            self._press(points[0].position(), event.timestamp())
            return
        point = next((p for p in points if p.id() == self._touch_id), None)
        if point is None:
            return  # another finger: the first one decides
        if kind == QEvent.Type.TouchEnd or point.state() == point.State.Released:
            self._touch_id = None
            self._release(point.position(), event.timestamp())
        elif point.state() != point.State.Stationary:  # only a moved finger has a new place
            self._move(point.position(), event.timestamp())

    def _is_real_mouse(self, event: QMouseEvent) -> bool:
        return not is_from_touch(event) and self._touch_id is None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._is_real_mouse(event) and event.button() == Qt.MouseButton.LeftButton:
            self._press(event.position(), event.timestamp())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._is_real_mouse(event):
            self._move(event.position(), event.timestamp())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._is_real_mouse(event) and event.button() == Qt.MouseButton.LeftButton:
            self._release(event.position(), event.timestamp())

    def hideEvent(self, event: QEvent) -> None:
        self._touch_id = None
        self._cancel()
        super().hideEvent(event)  # type: ignore[arg-type]

    def _press(self, pos: QPointF, timestamp: int) -> None:
        """A finger or the mouse went down."""

    def _move(self, pos: QPointF, timestamp: int) -> None:
        """It moved."""

    def _release(self, pos: QPointF, timestamp: int) -> None:
        """It was lifted."""

    def _cancel(self) -> None:
        """The touch was taken away, or the widget hid."""


class Pressable(PointerWidget):
    """A touchable widget: press feedback, and ``clicked`` on a tap (not on a drag).

    Subclasses may refine :meth:`_begin` and :meth:`_end` (where the press starts and ends).
    """

    clicked = Signal()
    pressed_changed = Signal(bool)
    tap_slop = 24  # pixels; the main window sets it from the theme
    _pressed = False  # class-level default, as for ``_touch_id``

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._origin = QPointF()

    @property
    def is_pressed(self) -> bool:
        return self._pressed

    def _set_pressed(self, pressed: bool) -> None:
        if pressed != self._pressed:
            self._pressed = pressed
            self.pressed_changed.emit(pressed)
            self.update()

    def _press(self, pos: QPointF, timestamp: int) -> None:
        self._begin(pos)

    def _release(self, pos: QPointF, timestamp: int) -> None:
        self._end(pos)

    def _cancel(self) -> None:
        self._set_pressed(False)

    def _begin(self, pos: QPointF) -> None:
        self._origin = pos
        if self.isEnabled():  # a control out of use shows no press (a locked PIN pad's key)
            self._set_pressed(True)

    def _move(self, pos: QPointF, timestamp: int = 0) -> None:
        if self._pressed and math.dist(pos.toTuple(), self._origin.toTuple()) > self.tap_slop:
            self._set_pressed(False)  # it is a drag or a swipe, not a tap

    def _end(self, pos: QPointF) -> None:
        tapped = self._pressed and self.rect().contains(pos.toPoint())
        self._set_pressed(False)
        if tapped and self.isEnabled():
            self.clicked.emit()

    def cancel_press(self) -> None:
        """Forget a press in progress (the page it is on is leaving, say)."""
        self._touch_id = None
        self._set_pressed(False)


class QuickTaps(QObject):
    """Makes every quick second tap a press: installed once on the application.

    Qt turns the second of two presses within the double-click interval into a
    MouseButtonDblClick (the press itself never reaches a widget), so a visitor's fast second
    tap on an arrow, or staff's quick taps in the corner, counted once. Nothing in a kiosk
    wants a double-click: the filter sends a plain press in its place to the same widget, so
    widgets and every application-wide watcher (swipes, kinetic scrolling, the corner
    gesture) see one press per tap. Double-clicks made from a touch are left alone: the
    touch events themselves carry that tap.
    """

    @classmethod
    def install(cls, app: QApplication) -> QuickTaps:
        """The application's filter, created and installed on the first call."""
        existing = app.findChild(cls)
        if existing is not None:
            return existing
        taps = cls(app)
        app.installEventFilter(taps)
        return taps

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent):  # cheap: every event of the application
            return False
        if event.type() != QEvent.Type.MouseButtonDblClick or not isinstance(watched, QWidget):
            return False
        if is_from_touch(event):
            return False
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            event.position(),
            event.scenePosition(),
            event.globalPosition(),
            event.button(),
            event.buttons(),
            event.modifiers(),
            event.pointingDevice(),
        )
        press.setTimestamp(event.timestamp())
        QApplication.sendEvent(watched, press)
        return True  # the double-click itself goes no further


class PointerWatcher(QObject):
    """Sees one finger or the real mouse wherever it lands, without consuming anything.

    Installed on the application, so it sees the input whichever widget takes it (a Pressable
    under the finger accepts the touch; a watcher still sees it). An event is seen once per
    receiver while it propagates to parents; it is handled once. Subclasses choose where a
    gesture may start (:meth:`accepts`) and implement ``_press``, ``_move`` and ``_release``
    with global positions and millisecond timestamps.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._active = False
        self._touch_id: int | None = None
        self._last: tuple[QEvent.Type, int, float, float] | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def accepts(self, watched: QWidget, pos: QPointF) -> bool:
        """Whether a press delivered to ``watched`` at global ``pos`` starts a gesture here."""
        return True

    @staticmethod
    def widget_at(watched: QWidget, pos: QPointF) -> QWidget:
        """The innermost widget under ``pos`` (the receiver may be an ancestor of it: a touch
        goes to the nearest widget that accepts touch events)."""
        window = watched.window()
        found = window.childAt(window.mapFromGlobal(pos.toPoint()))
        return found if found is not None else window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the application passes here: the class test is far cheaper than
        # event.type(), which builds a Python enum each time
        if not isinstance(event, POINTER_EVENT_CLASSES):
            return False
        kind = event.type()
        if kind not in TOUCH_EVENTS and kind not in MOUSE_EVENTS:
            return False
        if not isinstance(watched, QWidget):
            return False
        if kind in MOUSE_EVENTS:
            self._on_mouse(watched, event)  # type: ignore[arg-type]
        else:
            self._on_touch(watched, event)  # type: ignore[arg-type]
        return False

    def _seen(self, kind: QEvent.Type, timestamp: int, pos: QPointF) -> bool:
        key = (kind, timestamp, pos.x(), pos.y())
        if key == self._last:
            return True
        self._last = key
        return False

    def _on_mouse(self, watched: QWidget, event: QMouseEvent) -> None:
        if is_from_touch(event) or self._seen(
            event.type(), event.timestamp(), event.globalPosition()
        ):
            return
        kind, pos, time = event.type(), event.globalPosition(), event.timestamp()
        left = event.button() == Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonPress and left and self.accepts(watched, pos):
            self._active = True
            self._press(pos, time)
        elif not self._active or self._touch_id is not None:
            return
        elif kind == QEvent.Type.MouseMove:
            self._move(pos, time)
        elif kind == QEvent.Type.MouseButtonRelease and left:
            self._active = False
            self._release(pos, time)

    def _on_touch(self, watched: QWidget, event: QTouchEvent) -> None:
        points = event.points()
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            if self._active:
                self._active, self._touch_id = False, None
                self._cancel()
            return
        if not points or self._seen(kind, event.timestamp(), points[0].globalPosition()):
            return
        if kind == QEvent.Type.TouchBegin:
            if self.accepts(watched, points[0].globalPosition()):
                self._active, self._touch_id = True, points[0].id()
                self._press(points[0].globalPosition(), event.timestamp())
            return
        point = next((p for p in points if p.id() == self._touch_id), None)
        if point is None or not self._active:
            return  # another finger: the first one decides
        if kind == QEvent.Type.TouchEnd or point.state() == point.State.Released:
            self._active, self._touch_id = False, None
            self._release(point.globalPosition(), event.timestamp())
        elif point.state() != point.State.Stationary:
            self._move(point.globalPosition(), event.timestamp())

    def _press(self, pos: QPointF, timestamp: int) -> None:
        """A finger or the mouse went down."""

    def _move(self, pos: QPointF, timestamp: int) -> None:
        """It moved."""

    def _release(self, pos: QPointF, timestamp: int) -> None:
        """It was lifted."""

    def _cancel(self) -> None:
        """The system took the touch away."""


class SwipeDetector(PointerWatcher):
    """Emits ``swiped`` for a horizontal swipe or flick anywhere in a window.

    ``swiped(+1)`` means "show the next page" (the finger moved left).
    """

    swiped = Signal(int)

    def __init__(self, window: QWidget, distance: float, flick: float) -> None:
        super().__init__(window)
        self._window = window
        self._distance = distance
        self._flick = flick
        self._start: QPointF | None = None
        self._start_time = 0

    def accepts(self, watched: QWidget, pos: QPointF) -> bool:
        if watched.window() is not self._window:
            return False
        widget: QWidget | None = self.widget_at(watched, pos)
        while widget is not None:  # a carousel or a horizontal scroll keeps its own swipes
            if widget.property(CLAIMS_SWIPES):
                return False
            widget = widget.parentWidget()
        return True

    def _press(self, pos: QPointF, timestamp: int) -> None:
        self._start = pos
        self._start_time = timestamp

    def _cancel(self) -> None:
        self._start = None

    def _release(self, pos: QPointF, timestamp: int) -> None:
        if self._start is None:
            return
        dx = pos.x() - self._start.x()
        dy = pos.y() - self._start.y()
        quick = timestamp - self._start_time < 300
        self._start = None
        if abs(dx) < 1.5 * abs(dy):
            return  # mostly vertical: a scroll, not a page swipe
        if abs(dx) >= self._distance or (quick and abs(dx) >= self._flick):
            self.swiped.emit(1 if dx < 0 else -1)


class KineticScroll(PointerWatcher):
    """Kinetic touch and mouse scrolling of a scroll area, fed to Qt's QScroller.

    QScroller's own gestures do not see a touch that a Pressable inside the area accepted, so
    this watcher hands it every finger or mouse drag that starts in the area: a drag scrolls
    (and the Pressable under it cancels its press), a flick coasts, a tap stays a tap.
    """

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self._viewport = area.viewport()
        self.scroller = QScroller.scroller(self._viewport)
        props = self.scroller.scrollerProperties()
        props.setScrollMetric(
            QScrollerProperties.ScrollMetric.FrameRate, QScrollerProperties.FrameRates.Fps60
        )
        props.setScrollMetric(
            QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        self.scroller.setScrollerProperties(props)

    def accepts(self, watched: QWidget, pos: QPointF) -> bool:
        viewport = self._viewport
        if not viewport.isVisible() or watched.window() is not viewport.window():
            return False
        under = self.widget_at(watched, pos)
        return under is viewport or viewport.isAncestorOf(under)

    def _local(self, pos: QPointF) -> QPointF:
        return self._viewport.mapFromGlobal(pos)

    def _press(self, pos: QPointF, timestamp: int) -> None:
        self.scroller.handleInput(QScroller.Input.InputPress, self._local(pos), timestamp)

    def _move(self, pos: QPointF, timestamp: int) -> None:
        self.scroller.handleInput(QScroller.Input.InputMove, self._local(pos), timestamp)

    def _release(self, pos: QPointF, timestamp: int) -> None:
        self.scroller.handleInput(QScroller.Input.InputRelease, self._local(pos), timestamp)

    def _cancel(self) -> None:
        self.scroller.stop()


def _send_button(widget: QWidget, pressed: bool, at: QPointF | None) -> None:
    local = QPointF(widget.rect().center()) if at is None else QPointF(at)
    spot = QPointF(widget.mapToGlobal(local.toPoint()))
    event = QMouseEvent(
        QEvent.Type.MouseButtonPress if pressed else QEvent.Type.MouseButtonRelease,
        local,
        spot,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton if pressed else Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def press_at(widget: QWidget, at: QPointF | None = None) -> None:
    """A press at ``at`` (its middle by default) of ``widget``, as a finger's reaches it."""
    _send_button(widget, True, at)


def release_at(widget: QWidget, at: QPointF | None = None) -> None:
    """The release that ends :func:`press_at`."""
    _send_button(widget, False, at)


def tap(widget: QWidget, at: QPointF | None = None) -> None:
    """A press and release at ``at`` (its middle by default) of ``widget``, as a finger's tap
    reaches it."""
    press_at(widget, at)
    release_at(widget, at)
