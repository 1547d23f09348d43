"""Touch buttons drawn from the theme, with animated press feedback.

One pill (:class:`PillButton`), one back control (:class:`BackButton`), one round arrow
(:class:`ChevronButton`), all drawing the same chevron (:func:`draw_chevron`).
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui.input import Pressable
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.paint_cache import PaintCache
from kiosk.ui.widgets.text import fit_text

DISABLED_OPACITY = 0.3
BUTTON_HINT_EM = 12  # a button asks for at most this many ems for its text; a longer one shrinks


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """Linear blend of two colours."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def draw_chevron(painter: QPainter, centre: QPointF, arm: float, direction: int, pen: QPen) -> None:
    """A chevron pointing left (``direction`` -1) or right (+1), its bend on ``centre``'s
    side of the way it points, ``arm`` long along each axis, in round-capped ``pen``."""
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    tip = QPointF(centre.x() + direction * arm * 0.55, centre.y())
    back = centre.x() - direction * arm * 0.55
    painter.drawPolyline([QPointF(back, tip.y() - arm), tip, QPointF(back, tip.y() + arm)])


class FeedbackPressable(Pressable):
    """A Pressable whose ``press_level`` (0..1) eases in on press and out on release."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.press_level = 0.0
        self._feedback = QVariantAnimation(self)
        self._feedback.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._feedback.valueChanged.connect(self._on_feedback)
        self.pressed_changed.connect(self._on_pressed_changed)

    def _on_pressed_changed(self, pressed: bool) -> None:
        self._feedback.stop()
        self._feedback.setDuration(90 if pressed else 260)
        self._feedback.setStartValue(self.press_level)
        self._feedback.setEndValue(1.0 if pressed else 0.0)
        if self.isVisible():
            self._feedback.start()
        else:
            self._on_feedback(0.0)

    def _on_feedback(self, value: float) -> None:
        self.press_level = float(value)
        self.update()


class CachedControl(FeedbackPressable):
    """A control whose look is drawn once (:class:`PaintCache`) and copied while it rests;
    while its press feedback moves it is drawn each frame. Subclasses give :meth:`draw` and
    the state it reads, :meth:`look`."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self._cache = PaintCache()

    def look(self) -> Hashable:
        """Everything :meth:`draw` reads besides the size (the theme's palette included)."""
        return (self.theme.palette, self.isEnabled(), self.press_level)

    def draw(self, painter: QPainter) -> None:
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        if 0.0 < self.press_level < 1.0:  # a different look every frame: no use keeping it
            painter = QPainter(self)
            self.draw(painter)
            return
        self._cache.paint(self, self.look(), self.draw)


class PillButton(CachedControl):
    """A rounded text button; ``selected`` fills it with the accent (language switch, home)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self._text = ""
        self.selected = False
        self.setMinimumHeight(theme.touch)

    def set_text(self, text: str, font: QFont) -> None:
        self._text = text
        self.setFont(font)
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._text

    def _pad(self) -> int:
        return self.theme.px(32)

    def fitted(self) -> tuple[QFont, str]:
        """The text as the button shows it: the shared rule of every label (shrink to the
        theme's floor, then cut with "…"), in the room between its paddings."""
        room = self.width() - 2 * self._pad()
        fitted = fit_text(self._text, self.font(), room, wrap=False)
        return fitted.font, fitted.text

    def shown_text(self) -> str:
        """What the button shows (``text()`` cut with "…" when it does not fit)."""
        return self.fitted()[1]

    def set_selected(self, selected: bool) -> None:
        self.selected = selected
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange:
            self.update()  # drawn dimmed while disabled
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        """Its text's width, up to ``BUTTON_HINT_EM``: a long caption never squeezes the
        title beside it; it shrinks, then is cut, in the room it is given."""
        em = self.font().pixelSize() if self.font().pixelSize() > 0 else self.fontMetrics().height()
        text = min(self.fontMetrics().horizontalAdvance(self._text), BUTTON_HINT_EM * em)
        return QSize(max(text + 2 * self._pad(), self.theme.touch), self.theme.touch)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.theme.touch, self.theme.touch)

    def look(self) -> Hashable:
        font, text = self.fitted()
        return (super().look(), self.selected, text, font.key())

    def draw(self, painter: QPainter) -> None:
        palette = self.theme.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.isEnabled():
            painter.setOpacity(DISABLED_OPACITY)  # visibly out of use (a locked PIN pad)
        inset = self.theme.px(14)  # the visible pill is smaller than the touch target
        rect = QRectF(self.rect()).adjusted(2, inset, -2, -inset)
        base = palette.color("accent", 0.18) if self.selected else palette.color("surface", 0.85)
        painter.setBrush(mix(base, palette.color("surface_pressed"), self.press_level))
        edge = palette.color("accent") if self.selected else palette.color("line")
        painter.setPen(QPen(edge, max(1.5, self.theme.px(2))))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(palette.color("text") if self.selected else palette.color("text_dim"))
        font, text = self.fitted()
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


class Card(FeedbackPressable):
    """An opaque rounded surface that brightens while pressed (figure tiles and chart cards).

    Opaque, so a child that repaints every frame (a chart) never makes the page under the card
    repaint too.
    """

    def fill_color(self) -> QColor:
        palette = self.theme.palette
        return mix(palette.color("surface"), palette.color("surface_pressed"), self.press_level)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        border = mix(palette.color("line"), palette.color("accent"), self.press_level)
        painter.setBrush(self.fill_color())
        painter.setPen(QPen(border, max(1.5, self.theme.px(2))))
        painter.drawRoundedRect(rect, self.theme.radius, self.theme.radius)


class BackButton(PillButton):
    """The one back / close control of every detail view: a pill with a chevron and a word."""

    def _chevron_room(self) -> int:
        return self.theme.px(34)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self._chevron_room(), hint.height())

    def fitted(self) -> tuple[QFont, str]:
        room = self.width() - 2 * self._pad() - self._chevron_room()
        fitted = fit_text(self._text, self.font(), room, wrap=False)
        return fitted.font, fitted.text

    def draw(self, painter: QPainter) -> None:
        palette, px = self.theme.palette, self.theme.px
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = px(10)  # the visible pill is smaller than the touch target
        rect = QRectF(self.rect()).adjusted(2, inset, -2, -inset)
        base = palette.color("surface_pressed", 0.55)
        painter.setBrush(mix(base, palette.color("surface_pressed"), self.press_level))
        edge = mix(palette.color("accent", 0.6), palette.color("accent"), self.press_level)
        painter.setPen(QPen(edge, max(1.5, px(2))))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        arm = px(9)
        centre = QPointF(rect.left() + self._pad() + arm * 0.3, rect.center().y())
        draw_chevron(painter, centre, arm, -1, QPen(palette.color("text"), max(2.0, px(4))))
        painter.setPen(palette.color("text"))
        font, text = self.fitted()
        painter.setFont(font)
        words = rect.adjusted(self._pad() + self._chevron_room(), 0, -self._pad(), 0)
        painter.drawText(words, Qt.AlignmentFlag.AlignCenter, text)


class ChevronButton(CachedControl):
    """A round button with a chevron: back (-1) or forward (+1), no text to translate;
    dimmed while disabled (there is no more that way). ``side`` defaults to the touch size."""

    def __init__(
        self, direction: int, theme: Theme, parent: QWidget | None = None, side: int = 0
    ) -> None:
        super().__init__(theme, parent)
        self.direction = direction
        side = side or theme.touch
        self.setFixedSize(side, side)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange:
            self.update()
        super().changeEvent(event)

    def look(self) -> Hashable:
        return (super().look(), self.direction)

    def draw(self, painter: QPainter) -> None:
        palette = self.theme.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.isEnabled():
            painter.setOpacity(DISABLED_OPACITY)
        width = max(1.5, self.theme.px(2))
        circle = QRectF(self.rect()).adjusted(width, width, -width, -width)
        fill = mix(
            palette.color("surface", 0.9), palette.color("surface_pressed"), self.press_level
        )
        painter.setBrush(fill)
        painter.setPen(
            QPen(mix(palette.color("line"), palette.color("accent"), self.press_level), width)
        )
        painter.drawEllipse(circle)
        pen = QPen(palette.color("text"), max(2.0, circle.width() / 20))
        draw_chevron(painter, circle.center(), circle.width() * 0.15, self.direction, pen)
