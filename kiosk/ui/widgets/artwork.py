"""Artwork from the content folder, rendered crisp at any size; a clean fallback if it fails."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImageReader, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)


def render_artwork(
    path: Path | None,
    size: QSize,
    ratio: float,
    fallback: QColor,
    fallback_svg: Path | None = None,
) -> QPixmap:
    """Render an SVG (or scale a bitmap) into a pixmap of ``size`` logical pixels.

    When it cannot be drawn, ``fallback_svg`` (app artwork) is drawn instead, or else a calm
    placeholder mark in the ``fallback`` colour.
    """
    pixmap = QPixmap(size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    target = QRectF(0, 0, size.width(), size.height())
    drawn = False
    if path is not None and path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        if renderer.isValid():
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            renderer.render(painter, target)
            drawn = True
    elif path is not None:
        reader = QImageReader(str(path))
        image = reader.read()
        if not image.isNull():
            scaled = image.scaled(
                size * ratio,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = (size.width() - scaled.width() / ratio) / 2
            y = (size.height() - scaled.height() / ratio) / 2
            painter.drawImage(QRectF(x, y, scaled.width() / ratio, scaled.height() / ratio), scaled)
            drawn = True
    if not drawn:
        if path is not None:
            log.warning("artwork %s could not be drawn; showing the fallback", path)
        renderer = QSvgRenderer(str(fallback_svg)) if fallback_svg is not None else None
        if renderer is not None and renderer.isValid():
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            renderer.render(painter, target)
        else:
            _draw_fallback(painter, target, fallback)
    painter.end()
    return pixmap


def _draw_fallback(painter: QPainter, rect: QRectF, color: QColor) -> None:
    """A calm placeholder mark: a rounded frame with a small circle, in the theme's line colour."""
    side = min(rect.width(), rect.height()) * 0.7
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    pen = QPen(color, max(2.0, side / 32))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(box, side / 6, side / 6)
    painter.drawEllipse(box.center(), side / 8, side / 8)
