"""A bulleted line: an accent dot and its words, wrapped lines hanging under the first word."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import TextLabel

BULLET_INDENT = 34  # px at 1080p from the dot's column to the words


class BulletRow(QWidget):
    """One item of a list (a robot's facts, the chain's device kinds): the dot stands in its own
    column, so a wrapped line starts under the words, not under the dot (a hanging indent)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None, role: str = "") -> None:
        super().__init__(parent)
        self.theme = theme
        self.label = TextLabel(self, role=role)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addSpacing(theme.px(BULLET_INDENT))
        row.addWidget(self.label, 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.palette.color("accent"))
        line = QFontMetricsF(self.label.font()).height()
        radius = self.theme.px(6)
        painter.drawEllipse(QPointF(self.theme.px(8), line / 2), radius, radius)
