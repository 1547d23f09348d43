"""A widget drawn once into a transparent pixmap, so a transition moves a picture, not text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap, QRegion
from PySide6.QtWidgets import QWidget


def snapshot(widget: QWidget, area: QRect | None = None, under: QPixmap | None = None) -> QPixmap:
    """``widget`` (shown or not) rendered with its children into a transparent pixmap, or
    onto ``under`` (a picture of what stands beneath it, the picture's size: the result is then
    opaque, copied each frame, and no transparent picture is cleared first).

    ``area`` (in the widget's coordinates) limits the picture to the part that has content,
    which keeps the pixmap and the cost of drawing it each frame small.
    """
    widget.ensurePolished()
    if widget.layout() is not None:
        widget.layout().activate()
    rect = QRect(widget.rect()) if area is None else area.intersected(widget.rect())
    ratio = widget.devicePixelRatioF()
    if under is not None:
        pixmap = under
    else:
        pixmap = QPixmap(rect.size() * ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
    pixmap.setDevicePixelRatio(ratio)
    if not rect.isEmpty():
        widget.render(pixmap, QPoint(), QRegion(rect), QWidget.RenderFlag.DrawChildren)
    return pixmap


def blit(painter: QPainter, picture: QPixmap, area: QRect, at: QPoint | None = None) -> None:
    """Copy the part of a picture that falls in ``area``: the picture painted with its top
    left at ``at`` (by default the widget's, the picture the widget's size). A plain copy of
    pixels (a rectangle in floating point, or a scale, takes Qt's slow path: at 4K that is
    the difference between 1 and 5 ms a frame)."""
    source = area if at is None else area.translated(-at)
    ratio = picture.devicePixelRatio()
    if ratio == 1.0:
        painter.drawPixmap(area.topLeft(), picture, source)
        return
    scaled = QRectF(
        source.x() * ratio, source.y() * ratio, source.width() * ratio, source.height() * ratio
    )
    painter.drawPixmap(QRectF(area), picture, scaled)
