"""The keypad's focus ring: a thick accent outline with a dark halo around what a key would press.

It is drawn above everything and takes no input (a finger goes through it). Only its band is
part of the widget (a mask), so moving it repaints the band, never the whole target under it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import Theme

HALO_ALPHA = 0.9  # the dark edge on both sides of the accent: it shows on light grounds too


class FocusRing(QWidget):
    """A rounded outline ``outset`` pixels around a target rectangle (the parent's coordinates)."""

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.thickness = theme.px(6)
        self.halo = max(2, theme.px(3))
        self.outset = theme.px(6)
        self.target = QRect()
        self.hide()

    @property
    def margin(self) -> int:
        """How far the ring's outer edge lies from the target, antialiasing included."""
        return self.outset + self.thickness + self.halo + 1

    def radius(self) -> float:
        """The corner radius of the ring's centre line: the theme's, grown by the outset, and
        never more than half the ring's short side (a small target gets a round ring)."""
        line = self.line_rect()
        wished = self.theme.radius + self.outset + self.thickness / 2
        return min(wished, min(line.width(), line.height()) / 2)

    def line_rect(self) -> QRectF:
        """The centre line of the accent stroke, in the ring's own coordinates."""
        inset = self.margin - self.outset - self.thickness / 2
        return QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)

    def surround(self, rect: QRect) -> None:
        """Stand around ``rect`` (the parent's coordinates), shown and on top."""
        m = self.margin
        geometry = rect.adjusted(-m, -m, m, m)
        self.target = QRect(rect)
        if geometry != self.geometry():
            self.setGeometry(geometry)
            self._set_mask()
        if self.isHidden():
            self.show()
        parent = self.parentWidget()
        if parent is not None and parent.children()[-1] is not self:
            self.raise_()  # a layer raised since (a detail, the countdown) stays under it

    def _set_mask(self) -> None:
        band = self.thickness + 2 * self.halo + 2
        corner = math.ceil(0.3 * self.radius())  # the rounded corner's arc comes this far in
        inner = self.rect().adjusted(band + corner, band + corner, -band - corner, -band - corner)
        region = QRegion(self.rect())
        if inner.isValid():
            region = region.subtracted(QRegion(inner))
        self.setMask(region)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        line, radius = self.line_rect(), self.radius()
        painter.setPen(QPen(palette.color("ground", HALO_ALPHA), self.thickness + 2 * self.halo))
        painter.drawRoundedRect(line, radius, radius)
        painter.setPen(QPen(palette.color("accent"), self.thickness))
        painter.drawRoundedRect(line, radius, radius)
