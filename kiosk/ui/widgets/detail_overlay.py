"""The one detail view: a panel over its dimmed page, with one back control and one API.

Every detail (a robot, a timeline event, a layer of the industry chain) is a subclass that
fills :attr:`DetailOverlay.panel` and says where it stands (:meth:`~DetailOverlay.panel_rect`)
and where its opening starts (:meth:`~DetailOverlay.origin`: the card tapped, the edge it
comes from). The base does the rest the same way for all: the page dims at once and the panel
is uncovered in place by a window that grows from the origin to the panel's edges (closing:
shrinks back). It paints two pictures taken once (the dimmed page under it and the finished
panel), and each frame repaints only what the window's edges swept since the last one: at
3840x2160 a full-screen repaint alone takes longer than a frame's budget, while nothing moves
inside the panel. Once open, the live panel stands over the same dimmed picture, which its
page takes again when its words change (:meth:`DetailOverlay.page_changed`): the page's cards
never paint under it, and neither the end of an opening nor the start of a closing draws the
whole page (at 4K that last frame of an opening took 20-30 ms). A tap on the dimmed page, or on
the back control, closes it; a swipe on it is its own, never a page change. Once the panel has
closed, the dimming rolls up like a blind, so the live page comes back a strip a frame.

The API: ``reveal()`` (after the subclass filled the panel), ``dismiss(animate)``, ``settle()``,
``is_open``, ``animating`` and the ``closed`` signal.
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QAbstractAnimation,
    QAnimationGroup,
    QEasingCurve,
    QEvent,
    QObject,
    QPauseAnimation,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QPixmap, QRegion, QResizeEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.input import CLAIMS_SWIPES, CLOSES_LAYER, Pressable
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import BackButton
from kiosk.ui.widgets.cover import Cover
from kiosk.ui.widgets.snapshot import blit, snapshot

SCRIM = 0.82  # how dark the page gets under an open detail
OPEN_MS = 320
CLOSE_MS = 260
LIFT_MS = 130  # after a close, the dimming rolls up
LOWER_MS = 130  # as one opens, the dimming rolls down


def inside(rect: QRect, radius: float) -> QRegion:
    """The part of a rounded rectangle its corners leave whole: where an opaque rounded
    surface covers everything under it."""
    r = math.ceil(radius)
    return QRegion(rect.adjusted(r, 0, -r, 0)).united(QRegion(rect.adjusted(0, r, 0, -r)))


class DetailPanel(QWidget):
    """The opaque rounded surface a detail's words stand on, with the back control."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.back = BackButton(theme, self)
        self.back.setProperty(CLOSES_LAYER, True)  # the keypad's Back key presses it
        self._surface = QPixmap()  # its rounded surface, drawn once a size (4 ms at 4K)

    def paintEvent(self, event: QPaintEvent) -> None:
        ratio = self.devicePixelRatioF()
        if self._surface.deviceIndependentSize().toSize() != self.size() or (
            self._surface.devicePixelRatio() != ratio
        ):
            palette = self.theme.palette
            self._surface = QPixmap(self.size() * ratio)
            self._surface.setDevicePixelRatio(ratio)
            self._surface.fill(Qt.GlobalColor.transparent)
            painter = QPainter(self._surface)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
            painter.setBrush(palette.color("surface"))
            painter.setPen(QPen(palette.color("accent", 0.6), max(1.5, self.theme.px(2))))
            painter.drawRoundedRect(rect, self.theme.radius, self.theme.radius)
            painter.end()
        # the opaque inside filled, the rim copied (blending the whole picture: 4 ms at 4K)
        painter = QPainter(self)
        inner = self.interior()
        surface = self.theme.palette.color("surface")
        for area in event.region().intersected(inner):
            painter.fillRect(area, surface)
        for area in event.region().subtracted(inner):
            blit(painter, self._surface, area)

    def interior(self) -> QRegion:
        """Where its surface is one opaque colour (all but the rim)."""
        rim = self.theme.radius + max(1.5, self.theme.px(2)) + 1
        return inside(self.rect(), rim)


class StandIn(QObject):
    """For the one frame after an opening ends, the panel and its children paint nothing: the
    screen shows them already, from the picture the opening drew (the overlay draws only what
    that last step changed). Only within the window's repaint: a grab draws them as usual."""

    def __init__(self, overlay: DetailOverlay) -> None:
        super().__init__(overlay)
        self.overlay = overlay
        self.armed = False
        self.frames = 0  # how many frames it stood in (tests read it)
        self._painting = False

    def arm(self) -> None:
        self.armed = True
        self.overlay.window().installEventFilter(self)

    def disarm(self) -> None:
        if self.armed:
            self.armed = False
            self.overlay.window().removeEventFilter(self)
            self.overlay.stood_in()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._painting:
            panel = self.overlay.panel
            return event.type() == QEvent.Type.Paint and (
                watched is panel or (isinstance(watched, QWidget) and panel.isAncestorOf(watched))
            )
        if event.type() != QEvent.Type.UpdateRequest or not isinstance(watched, QWidget):
            return False
        app = QApplication.instance()
        self._painting = True
        app.installEventFilter(self)
        try:
            watched.event(event)  # the frame, with the panel's paints left out
            self.frames += 1
        finally:
            self._painting = False
            app.removeEventFilter(self)
            self.disarm()
        return True


class DetailOverlay(Pressable):
    """Covers its page: the dimmed page and :attr:`panel`; see the module's notes."""

    closed = Signal()  # it closed (its animation ended, or at once)
    scrim = SCRIM
    open_ms = OPEN_MS
    close_ms = CLOSE_MS

    def __init__(self, theme: Theme, parent: QWidget, panel: DetailPanel | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setProperty(CLAIMS_SWIPES, True)  # it is modal: a swipe on it is its own
        self.panel = panel if panel is not None else DetailPanel(theme)
        self.panel.setParent(self)
        self.back = self.panel.back
        self.back.clicked.connect(self.dismiss)
        self.level = 0.0  # 0 closed .. 1 open
        self._target = 0.0  # where the running (or last) motion goes
        self._backdrop = QPixmap()  # the page under it, dimmed, while it moves and stands open
        self._picture = QPixmap()  # the panel, while it moves
        self._shown = QRect()  # the part of the panel the last frame uncovered
        self._swept = QRegion()  # what the last frame of the motion changed
        self._stale = False  # the panel changed since its picture was taken
        self.stand_in = StandIn(self)
        self.cover = Cover(self)
        self.animation = QVariantAnimation(self)
        self.animation.valueChanged.connect(self._on_level)
        self.animation.finished.connect(self._on_finished)
        # the last part of a close: the live page comes back a band at a time (all at once,
        # its repaint took 13-29 ms at 4K, in one frame)
        self.lift = QVariantAnimation(self)
        self.lift.setDuration(LIFT_MS)
        self.lift.setStartValue(0.0)
        self.lift.setEndValue(1.0)
        self.lift.valueChanged.connect(self._on_lift)
        self.lift.finished.connect(self._on_lifted)
        # and the first part of an opening: the dimmed page comes down a band a frame over
        # the page as it stood (all at once, the first frame copied a whole screen: 7-13 ms
        # at 4K); the panel's window opens under it
        self.blind = 1.0  # how far down the dimming has come (0..1)
        self.lower = QVariantAnimation(self)
        self.lower.setDuration(LOWER_MS)
        self.lower.setStartValue(0.0)
        self.lower.setEndValue(1.0)
        self.lower.valueChanged.connect(self._on_lower)
        self.lower.finished.connect(self._all_down)
        self.hide()

    # state ---------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """Shown or opening (not closing), whether or not its page is on screen."""
        return not self.isHidden() and self._target == 1.0

    @property
    def animating(self) -> bool:
        running = QAbstractAnimation.State.Running
        return running in (self.animation.state(), self.lift.state(), self.lower.state())

    def reveal(self, animate: bool = True) -> None:
        """Cover the page and bring the (filled) panel in; at once unless ``animate`` and the
        page is on screen."""
        parent = self.parentWidget()
        self.setGeometry(parent.rect())
        self.place_panel()
        self.raise_()
        self.show()
        self.page_changed()  # open already: its page may show another choice now
        self._run(1.0, self.open_ms if animate and self.isVisible() else 0)

    def dismiss(self, animate: bool = True) -> None:
        """Close: the page under it is as it was. At once unless ``animate`` and on screen."""
        if self.isHidden():
            return
        if self._target == 0.0:  # already closing
            if not animate:
                self.settle()
            return
        self.cancel_press()
        self._run(0.0, self.close_ms if animate and self.isVisible() else 0)

    def settle(self) -> None:
        """Jump a running open or close to its end."""
        if self.animation.state() == QAbstractAnimation.State.Running:
            self.animation.stop()
            self._on_level(self._target)
            self._on_finished(lift=False)
        if self.lift.state() == QAbstractAnimation.State.Running:
            self.lift.stop()
            self._on_lifted()
        self._all_down()

    # what subclasses decide ----------------------------------------------------------------

    def panel_rect(self) -> QRect:
        """Where the panel stands: below the header, clear of the page dots."""
        theme = self.theme
        side = theme.margin if theme.portrait else theme.px(80)
        return self.rect().adjusted(side, theme.page_top, -side, -theme.px(76))

    def place_panel(self) -> None:
        """Set the panel's geometry (a subclass may size it to its words)."""
        self.panel.setGeometry(self.panel_rect())

    def origin(self) -> QRectF:
        """Where the window that uncovers the panel starts: by default a band across its
        middle, so it opens like a shutter."""
        rect = QRectF(self.panel.geometry())
        band = rect.height() * 0.12
        return rect.adjusted(
            rect.width() * 0.03,
            rect.height() / 2 - band,
            -rect.width() * 0.03,
            -(rect.height() / 2 - band),
        )

    def window_rect(self, level: float) -> QRectF:
        """The part of the panel uncovered at ``level`` (0..1): the origin grown to the panel,
        within the panel."""
        panel = QRectF(self.panel.geometry())
        start = self.origin()
        rect = QRectF(
            QPointF(
                start.left() + (panel.left() - start.left()) * level,
                start.top() + (panel.top() - start.top()) * level,
            ),
            QPointF(
                start.right() + (panel.right() - start.right()) * level,
                start.bottom() + (panel.bottom() - start.bottom()) * level,
            ),
        )
        return rect.intersected(panel)

    def on_closed(self) -> None:
        """It closed: forget what it showed."""

    def lit_rect(self) -> QRect | None:
        """A part of the page the scrim barely dims (what was tapped), or None."""
        return None

    # motion --------------------------------------------------------------------------------

    def _run(self, target: float, duration: int) -> None:
        self.animation.stop()
        self.stand_in.disarm()
        if self.lift.state() == QAbstractAnimation.State.Running:  # opened again as it lifts
            self.lift.stop()
            self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, False)
            self._drop_backdrop()  # the page may have changed where it was live: drawn again
            self.setGeometry(self.parentWidget().rect())
        self._target = target
        if target == 0.0 or duration <= 0:  # closed, or opened at once, as it rolls down
            self._all_down()
        if duration <= 0 or not self.theme.motion or self.level == target:
            self._on_level(target)
            self._on_finished(lift=False)
            return
        # closing half-open keeps its picture
        drawn = target == 1.0 or self.panel.isVisible() or self._picture.isNull()
        dims = self._backdrop.isNull()  # an open one has it, up to date, on screen
        if dims:
            self._take_backdrop()
        if drawn:
            self._picture = self._panel_picture()
            self._stale = False
        self.panel.hide()
        self.animation.setDuration(max(1, round(duration * abs(target - self.level))))
        curve = QEasingCurve.Type.OutCubic if target else QEasingCurve.Type.InOutCubic
        self.animation.setEasingCurve(curve)
        self.animation.setStartValue(self.level)
        self.animation.setEndValue(target)
        self._shown = self.window_rect(self.level).toAlignedRect()
        if dims and target == 1.0:  # the dimming rolls down, then only the window's edges
            self.blind = 0.0
            self.lower.start()
        elif dims:  # closing from a live page (a reset): it dims at once
            self.update()
        else:  # the panel's picture stands in for it, where it stood
            self.update(self.panel.geometry())
        self.animation.start()

    def _take_backdrop(self) -> None:
        """Paint the page under it from a picture, dimmed: while it moves and while it stands
        open it is opaque, so no frame repaints the page's cards and texts beneath it."""
        self._backdrop = self.dimmed_page()
        self.cover.hold()  # the page's cards under it paint nothing meanwhile
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def _panel_picture(self) -> QPixmap:
        """The panel drawn on the dimmed page where it stands: opaque, so a frame copies it
        (and no transparent picture of 6 Mpx is cleared first: 8-11 ms at 4K)."""
        ratio = self.devicePixelRatioF()
        where = self.panel.geometry()
        under = self._backdrop.copy(QRect(where.topLeft() * ratio, where.size() * ratio))
        return snapshot(self.panel, under=under)

    def dimmed_page(self) -> QPixmap:
        """The page under it as it is now, under the scrim (a widget held from painting
        renders without its children: the page is let go while it is drawn)."""
        held = bool(self.cover.held)
        self.cover.release()
        page = self.parentWidget()
        ratio = self.devicePixelRatioF()
        backdrop = QPixmap(self.size() * ratio)  # not cleared: the page's ground covers it
        backdrop.setDevicePixelRatio(ratio)
        painter = QPainter(backdrop)
        page.render(painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawWindowBackground)
        for child in page.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child is not self and not child.isHidden():
                child.render(painter, child.pos(), renderFlags=QWidget.RenderFlag.DrawChildren)
        self._paint_scrim(painter, 1.0)
        painter.end()
        if held:
            self.cover.hold()
        return backdrop

    def _drop_backdrop(self) -> None:
        """Paint the page live again (closed, or open without motion)."""
        self.cover.release()
        self._backdrop = QPixmap()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def page_changed(self) -> None:
        """The page under it changed (its language, its content): an open one takes its dimmed
        picture again."""
        if not self._backdrop.isNull() and not self.animating:
            self._backdrop = self.dimmed_page()
            self.update()
        elif self.animating:
            self._stale = True  # the panel's words may have changed under its picture

    def _on_level(self, value: object) -> None:
        self.level = float(value)  # type: ignore[arg-type]
        if self._backdrop.isNull():
            self.update()
            return
        shown = self.window_rect(self.level).toAlignedRect()
        edge = max(2, self.theme.px(3))  # the window's luminous edge, drawn inside it
        swept = QRegion(shown).xored(QRegion(self._shown))
        for rect in (shown, self._shown):
            swept = swept.united(
                QRegion(rect).subtracted(QRegion(rect.adjusted(edge, edge, -edge, -edge)))
            )
        self._shown = shown
        self._swept = swept
        self.update(swept)

    def _on_finished(self, lift: bool = True) -> None:
        if self._target == 1.0:
            # opened to its end: the screen is about to show the whole picture of the panel,
            # which the live panel would draw again, text and all (12-17 ms at 4K); for that
            # frame the picture stands in for it, unless it moved on since it was taken
            if lift and self.isVisible() and not self._picture.isNull() and self._still():
                self.stand_in.arm()
            else:
                self._picture = QPixmap()
                # the rest already shows the dimmed page: only the panel's corners change
                self.update(self.panel.geometry())
            self.panel.show()
            return
        self._picture = QPixmap()
        if lift and not self._backdrop.isNull() and self.isVisible():
            self.update(self._shown)  # the band the panel closed to: the dimmed page again
            self.cover.release()  # the page paints again where the dimming has lifted
            self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)  # shorter: no repaint
            self.lift.start()
            return
        self._on_lifted()

    def _still(self) -> bool:
        """The panel is as its picture shows it, and nothing in it is moving (an animation
        still in the pause before it, as 'More figures' charts wait for the panel to land,
        has not moved anything yet)."""
        running = QAbstractAnimation.State.Running
        moving = (
            a.state() == running and not isinstance(a, QPauseAnimation | QAnimationGroup)
            for a in self.panel.findChildren(QAbstractAnimation)
        )
        return not self._stale and self.blind == 1.0 and not any(moving)

    def stood_in(self) -> None:
        """The frame the picture stood in for the panel is drawn: the panel is live."""
        self._picture = QPixmap()

    def _on_lift(self, value: object) -> None:
        """Roll the dimming up, ``value`` (0..1) of the way: it keeps its top edge and grows
        shorter, so only the strip it leaves is repainted, by the page, live."""
        lifted = float(value)  # type: ignore[arg-type]
        height = self.parentWidget().height()
        self.resize(self.width(), max(1, round(height * (1.0 - lifted))))

    def _on_lower(self, value: object) -> None:
        """Roll the dimming down to ``value`` (0..1) of the page: only the band it gains is
        painted (under it the page keeps the pixels it had, held from painting)."""
        before = self._blind_px()
        self.blind = float(value)  # type: ignore[arg-type]
        after = self._blind_px()
        if after > before:
            self.update(QRect(0, before, self.width(), after - before))

    def _all_down(self) -> None:
        """The dimming stands all the way down (its roll ended, or was cut short)."""
        self.lower.stop()
        self._on_lower(1.0)

    def _blind_px(self) -> int:
        """Where the dimming ends, in pixels from the top."""
        return round(self.height() * self.blind)

    def _on_lifted(self) -> None:
        self.stand_in.disarm()
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, False)
        self._drop_backdrop()
        self.hide()
        self.setGeometry(self.parentWidget().rect())  # rolled up: whole again, out of sight
        self.on_closed()
        self.closed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lift.state() == QAbstractAnimation.State.Running:
            return  # rolling up: the panel is closed, the picture stays
        self.place_panel()
        self.page_changed()

    # input: a tap on the scrim closes ------------------------------------------------------

    def _end(self, pos: QPointF) -> None:
        panel = self.panel.geometry()
        outside = not panel.contains(pos.toPoint()) and not panel.contains(self._origin.toPoint())
        tapped = self.is_pressed and self.rect().contains(pos.toPoint())
        super()._end(pos)
        if tapped and outside and self._target == 1.0:
            self.dismiss()

    # painting ------------------------------------------------------------------------------

    def _paint_scrim(self, painter: QPainter, level: float) -> None:
        """The scrim over the page at ``level``; what was tapped (``lit_rect``) stays bright."""
        lit = self.lit_rect()
        if lit is not None:
            painter.setClipRegion(QRegion(self.rect()).subtracted(QRegion(lit)))
        painter.fillRect(self.rect(), self.theme.palette.color("ground", self.scrim * level))
        if lit is not None:
            painter.setClipping(False)
            painter.fillRect(lit, self.theme.palette.color("ground", 0.2 * self.scrim * level))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._backdrop.isNull():  # without motion: the live page under a scrim
            self._paint_scrim(painter, self.level)
            return
        # where it has come down to: below, the page keeps its pixels until it gets there
        region = event.region().intersected(QRect(0, 0, self.width(), self._blind_px()))
        if self.stand_in.armed:  # the picture, for one more frame: only the last step's change
            region = region.intersected(self._swept)
        elif self.panel.isVisible():  # open: the dimmed page around the panel's opaque inside
            inner = self.panel.interior().translated(self.panel.pos())
            for area in region.subtracted(inner):
                blit(painter, self._backdrop, area)
            return
        for area in region:  # the dimmed page, where this frame changes
            blit(painter, self._backdrop, area)
        if self._picture.isNull() or self.level <= 0.0:
            return
        shown = self.window_rect(self.level)
        if shown.isEmpty():
            return
        painter.setClipRegion(region.intersected(QRegion(shown.toAlignedRect())))
        painter.drawPixmap(self.panel.geometry().topLeft(), self._picture)
        if self.level < 1.0:  # the window's edge, in the accent
            edge = max(2, self.theme.px(3))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.theme.palette.color("accent", 0.8))
            outer = QRegion(shown.toAlignedRect())
            painter.setClipRegion(
                region.intersected(
                    outer.subtracted(
                        QRegion(shown.toAlignedRect().adjusted(edge, edge, -edge, -edge))
                    )
                )
            )
            painter.drawRect(shown)
