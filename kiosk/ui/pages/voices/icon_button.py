"""A round touch button with a drawn chevron (previous / next), no text to translate."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import FeedbackPressable, mix


class ChevronButton(FeedbackPressable):
    """A ``theme.touch``-sized circle with a chevron pointing left (-1) or right (+1)."""

    def __init__(self, direction: int, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.direction = direction
        self.setFixedSize(QSize(theme.touch, theme.touch))

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = self.theme.px(10)  # the drawn circle is a little smaller than the target
        circle = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        painter.setBrush(
            mix(palette.color("surface", 0.85), palette.color("surface_pressed"), self.press_level)
        )
        edge = mix(palette.color("line"), palette.color("accent"), self.press_level)
        painter.setPen(QPen(edge, max(1.5, self.theme.px(2))))
        painter.drawEllipse(circle)
        arm = circle.width() * 0.16
        tip = QPointF(circle.center().x() + self.direction * arm * 0.55, circle.center().y())
        chevron = QPainterPath(QPointF(tip.x() - self.direction * arm, tip.y() - arm))
        chevron.lineTo(tip)
        chevron.lineTo(QPointF(tip.x() - self.direction * arm, tip.y() + arm))
        pen = QPen(palette.color("text"), max(2.0, self.theme.px(4)))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(chevron)
