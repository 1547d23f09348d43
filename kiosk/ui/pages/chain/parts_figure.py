"""The chain page's figure: labelled, touchable parts on a picture.

Out of the box the picture is a stylised robot drawn by hand (vector) with three regions a part
can sit on (brain, cerebellum, limbs: parts.csv ``region``). A curator can give the page their
own image instead (``[chain] figure`` in config.toml) and place each part on it as a hotspot in
percent of the image. Each part, and its label, is a touch target; a tap emits ``part_clicked``.
``appear`` (0..1) fades the parts in one after another.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QFontMetricsF,
    QImageReader,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPaintEvent,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from kiosk.content import Content, Part
from kiosk.i18n import Language
from kiosk.ui.pages.chain.chain_diagram import company_count, staggered
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.artwork import render_artwork
from kiosk.ui.widgets.buttons import FeedbackPressable, mix
from kiosk.ui.widgets.text import elide_line

# The built-in figure is drawn in a 300 x 520 design space, scaled to the widget; a curator's
# image gets a design space 300 wide and as tall as its proportions make it.
DESIGN_W, DESIGN_H = 300.0, 520.0
HEAD_CENTRE, HEAD_RADIUS = QPointF(154, 88), 72.0


def _limb(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    return path


@functools.cache
def region_shapes() -> dict[str, QPainterPath]:
    """Outline of each region of the built-in figure in design coordinates (what is drawn and
    what a finger hits); built once (the limbs are a union of strokes), never changed."""
    brain = QPainterPath()
    brain.addEllipse(QPointF(142, 72), 54, 44)
    cerebellum = QPainterPath()
    cerebellum.addEllipse(QPointF(190, 116), 30, 19)
    body = QPainterPath()
    body.addRoundedRect(QRectF(96, 170, 108, 146), 30, 30)
    stroker = QPainterPathStroker()
    stroker.setWidth(28)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    for limb in (
        _limb((98, 188), (62, 258), (50, 330)),
        _limb((202, 188), (238, 258), (250, 330)),
        _limb((126, 312), (120, 414), (116, 492)),
        _limb((174, 312), (180, 414), (184, 492)),
    ):
        body = body.united(stroker.createStroke(limb))
    return {"brain": brain, "cerebellum": cerebellum, "limbs": body.simplified()}


# Where each region's leader line starts and the height its label wishes to be centred at
# (design coordinates). The figure faces left, so every label sits on its right.
REGION_ANCHORS: dict[str, tuple[QPointF, float]] = {
    "brain": (QPointF(178, 40), 0.0),
    "cerebellum": (QPointF(218, 120), 150.0),
    "limbs": (QPointF(250, 318), 318.0),
}
REGION_ORDER = ("limbs", "brain", "cerebellum")  # drawing order: the body behind the head


@dataclass(frozen=True)
class Spot:
    """Where a part sits on the figure, in design coordinates."""

    shape: QPainterPath  # drawn and hit
    anchor: QPointF  # where its leader line starts
    label_y: float  # where its label would like its centre
    region: str = ""  # the built-in figure's region, for its marks


def placements(parts: list[Part], design: QSizeF) -> dict[str, Spot]:
    """Each part's spot: its region of the built-in figure, or its hotspot on the image."""
    spots: dict[str, Spot] = {}
    regions = region_shapes()
    for part in parts:
        if part.hotspot is not None:
            x, y, w, h = part.hotspot
            rect = QRectF(
                x / 100 * design.width(),
                y / 100 * design.height(),
                w / 100 * design.width(),
                h / 100 * design.height(),
            )
            shape = QPainterPath()
            shape.addEllipse(rect)
            spots[part.id] = Spot(
                shape, QPointF(rect.right(), rect.center().y()), rect.center().y()
            )
        elif part.region in regions:
            anchor, label_y = REGION_ANCHORS[part.region]
            spots[part.id] = Spot(regions[part.region], anchor, label_y, part.region)
    if all(s.region for s in spots.values()):  # the built-in figure: its drawing order
        order = {region: index for index, region in enumerate(REGION_ORDER)}
        spots = dict(sorted(spots.items(), key=lambda item: order[item[1].region]))
    return spots


def image_design_size(path: Path | None) -> QSizeF:
    """The design space of a curator's figure: 300 wide, as tall as the image's proportions."""
    size = QSizeF()
    if path is not None and path.suffix.lower() == ".svg":
        size = QSizeF(QSvgRenderer(str(path)).defaultSize())
    elif path is not None:
        size = QSizeF(QImageReader(str(path)).size())
    if size.isEmpty():
        return QSizeF(DESIGN_W, DESIGN_H)
    return QSizeF(DESIGN_W, DESIGN_W * size.height() / size.width())


LABEL_SHARE = 0.6  # the labels take at most this share of the figure's width
# In a scrolled page, the most height the drawing takes (px at 1080): a wide column (stacked in
# portrait, or beside the layers) does not make it taller than the page shows at once.
FIGURE_MOST = 560


class PartsFigure(FeedbackPressable):
    """The figure with its labelled parts."""

    part_clicked = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setObjectName("parts-figure")
        self.image: Path | None = None
        self.design = QSizeF(DESIGN_W, DESIGN_H)
        self.spots: dict[str, Spot] = {}
        self.names: dict[str, str] = {}
        self.counts: dict[str, str] = {}
        self.selected: str | None = None
        self.pressed_part: str | None = None
        self.appear = 1.0
        self._lang: Language = "zh-Hans"
        self._art: QPixmap | None = None
        self.clicked.connect(self._on_clicked)
        self.setMinimumHeight(theme.px(420))
        self.natural_height = False  # True in a scrolled page: as tall as its width asks

    def hasHeightForWidth(self) -> bool:
        return self.natural_height

    def heightForWidth(self, width: int) -> int:
        """The figure's height at ``width`` with its labels beside it (in a scrolled page)."""
        theme = self.theme
        scale = max(0.2, (width - self._label_width(width) - theme.px(48)) / self.design.width())
        labels = len(self.names) * (self._label_height() + theme.px(8))
        figure = min(self.design.height() * scale, theme.px(FIGURE_MOST))  # a wide column's
        return max(self.minimumHeight(), round(theme.px(68) + max(figure, labels)))

    def set_parts(self, parts: list[Part], content: Content, lang: Language) -> None:
        if content.chain_figure != self.image or not self.spots:
            self.image = content.chain_figure
            self.design = (
                image_design_size(self.image) if self.image else QSizeF(DESIGN_W, DESIGN_H)
            )
            self._art = None
        self.spots = placements(parts, self.design)
        self._lang = lang
        named = [p for p in parts if p.id in self.spots]
        self.names = {p.id: p.name.get(lang) for p in named}
        self.counts = {
            p.id: company_count(
                content, sum(p.id in c.parts for c in content.companies.values()), lang
            )
            for p in named
        }
        self.update()

    def select(self, part_id: str | None) -> None:
        self.selected = part_id
        self.update()

    def set_appear(self, progress: float) -> None:
        self.appear = progress
        self.update()

    # --- geometry ------------------------------------------------------------------------

    def _label_width(self, width: float | None = None) -> float:
        """The labels' width in a figure ``width`` wide (default: its own)."""
        title = QFontMetricsF(self.theme.font("title", self._lang))
        caption = QFontMetricsF(self.theme.font("caption", self._lang))
        texts = [math.ceil(title.horizontalAdvance(n)) for n in self.names.values()]
        texts += [math.ceil(caption.horizontalAdvance(c)) for c in self.counts.values()]
        # a long name (larger text, a narrow column) is cut with '…' rather than leave the widget
        room = (self.width() if width is None else width) * LABEL_SHARE
        return min(max(texts, default=0) + self.theme.px(24), room)

    def _label_height(self) -> float:
        return float(max(self.theme.touch, self.theme.px(100)))

    def transform(self) -> QTransform:
        """Design space to widget pixels: the figure and its labels centred together."""
        label = self._label_width() + self.theme.px(48)
        top = self.theme.px(60)  # a label may rise above the figure's top
        width, height = self.design.width(), self.design.height()
        scale = min(
            (self.width() - label) / width, (self.height() - top - self.theme.px(8)) / height
        )
        scale = max(scale, 0.2)
        dx = (self.width() - width * scale - label) / 2
        dy = top + (self.height() - top - height * scale) / 2
        return QTransform(scale, 0, 0, scale, dx, dy)

    def label_rects(self) -> dict[str, QRectF]:
        """Each part's label: a touch target at least as tall as the theme's minimum, beside
        the figure at its part's height, moved apart where two would overlap."""
        transform = self.transform()
        width, height = self._label_width(), self._label_height()
        gap = self.theme.px(8)
        x = min(
            transform.map(QPointF(self.design.width(), 0)).x() + self.theme.px(24),
            self.width() - width,
        )
        wished = sorted(
            (transform.map(QPointF(0, spot.label_y)).y() - height / 2, part_id)
            for part_id, spot in self.spots.items()
            if part_id in self.names
        )
        tops: list[float] = []
        for top, _ in wished:
            tops.append(max(top, tops[-1] + height + gap) if tops else max(top, 0.0))
        overflow = (tops[-1] + height - self.height()) if tops else 0.0
        if overflow > 0:  # shift the column up, never above the widget's top
            tops = [max(0.0, t - overflow) for t in tops]
            for i in range(1, len(tops)):
                tops[i] = max(tops[i], tops[i - 1] + height + gap)
        return {
            part_id: QRectF(x, top, width, height)
            for (_, part_id), top in zip(wished, tops, strict=True)
        }

    def keypad_regions(self) -> list[QRect]:
        """The keypad's targets: each part's label, top to bottom (a tap there opens it)."""
        labels = sorted(self.label_rects().values(), key=lambda rect: rect.top())
        return [rect.toAlignedRect() for rect in labels]

    def label_rect(self, part_id: str) -> QRectF:
        return self.label_rects()[part_id]

    def part_at(self, pos: QPointF) -> str | None:
        """The part under ``pos``: its label, or its shape within a fingertip's reach."""
        for part_id, rect in self.label_rects().items():
            if rect.contains(pos):
                return part_id
        inverse, _ = self.transform().inverted()
        design = inverse.map(pos)
        reach = self.theme.px(24) * inverse.m11()
        finger = QRectF(design.x() - reach, design.y() - reach, 2 * reach, 2 * reach)

        def area(part_id: str) -> float:
            box = self.spots[part_id].shape.boundingRect()
            return box.width() * box.height()

        for part_id in sorted(self.names, key=area):  # smallest first
            if self.spots[part_id].shape.intersects(finger):
                return part_id
        return None

    # --- input ----------------------------------------------------------------------------

    def _begin(self, pos: QPointF) -> None:
        self.pressed_part = self.part_at(pos)
        if self.pressed_part is not None:
            super()._begin(pos)

    def _on_clicked(self) -> None:
        if self.pressed_part is not None:
            self.part_clicked.emit(self.pressed_part)

    # --- painting -------------------------------------------------------------------------

    def _part_colors(self, part_id: str) -> tuple[QColor, QColor]:
        palette = self.theme.palette
        lit = 1.0 if part_id == self.selected else 0.0
        if part_id == self.pressed_part and self.is_pressed:
            lit = max(lit, self.press_level)
        edge = mix(palette.color("text_dim"), palette.color("accent"), max(lit, 0.35))
        fill_ = mix(palette.color("accent", 0.10), palette.color("accent", 0.42), lit)
        return edge, fill_

    def _artwork(self, rect: QRectF) -> QPixmap:
        """The curator's figure at ``rect``'s size, rendered once per size."""
        size = rect.size().toSize()
        if self._art is None or self._art.deviceIndependentSize().toSize() != size:
            ratio = self.devicePixelRatioF()
            self._art = render_artwork(self.image, size, ratio, self.theme.palette.color("line"))
        return self._art

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        transform = self.transform()
        count = len(self.spots)
        # the backdrop: the curator's image, or the head outline that holds brain and cerebellum
        painter.setOpacity(staggered(self.appear, 0, count + 1))
        if self.image is not None:
            rect = transform.mapRect(QRectF(QPointF(0, 0), self.design))
            painter.drawPixmap(rect.topLeft(), self._artwork(rect))
        else:
            head_path = QPainterPath()
            head_path.addEllipse(HEAD_CENTRE, HEAD_RADIUS, HEAD_RADIUS)
            painter.setPen(QPen(palette.color("line"), theme.px(3)))
            painter.setBrush(palette.color("surface", 0.6))
            painter.drawPath(transform.map(head_path))
        labels = self.label_rects()
        for index, (part_id, spot) in enumerate(self.spots.items()):
            if part_id not in self.names:
                continue
            shown = staggered(self.appear, index + 1, count + 1)
            if shown <= 0:
                continue
            painter.setOpacity(shown)
            edge, fill_ = self._part_colors(part_id)
            pen = QPen(edge, theme.px(4))
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(fill_)
            painter.drawPath(transform.map(spot.shape))
            self._paint_detail(painter, transform, spot.region, edge)
            self._paint_label(painter, transform.map(spot.anchor), labels[part_id], part_id, edge)
        painter.end()

    def _paint_detail(
        self, painter: QPainter, transform: QTransform, region: str, color: QColor
    ) -> None:
        """Small marks that make the built-in regions read: folds of the brain, joints of the
        limbs (a curator's hotspots have none)."""
        if not region:
            return
        theme = self.theme
        pen = QPen(color, theme.px(2))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if region == "brain":
            folds = QPainterPath(QPointF(182, 70))
            folds.cubicTo(QPointF(170, 52), QPointF(154, 86), QPointF(140, 62))
            folds.cubicTo(QPointF(128, 44), QPointF(114, 84), QPointF(100, 64))
            folds.moveTo(QPointF(164, 96))
            folds.cubicTo(QPointF(150, 84), QPointF(134, 104), QPointF(116, 92))
            painter.drawPath(transform.map(folds))
        elif region == "cerebellum":
            lines = QPainterPath(QPointF(168, 112))
            lines.lineTo(QPointF(212, 112))
            lines.moveTo(QPointF(170, 121))
            lines.lineTo(QPointF(210, 121))
            painter.drawPath(transform.map(lines))
        else:
            painter.setBrush(self.theme.palette.color("ground"))
            for x, y in ((62, 258), (238, 258), (120, 414), (180, 414), (150, 230)):
                painter.drawEllipse(transform.map(QPointF(x, y)), theme.px(7), theme.px(7))

    def _paint_label(
        self, painter: QPainter, start: QPointF, rect: QRectF, part_id: str, color: QColor
    ) -> None:
        theme, palette = self.theme, self.theme.palette
        end = QPointF(rect.left(), rect.center().y())
        pen = QPen(color, theme.px(2))
        painter.setPen(pen)
        bend = QPointF(end.x() - theme.px(24), end.y())
        painter.drawPolyline([start, bend, end])
        painter.setBrush(color)
        painter.drawEllipse(start, theme.px(5), theme.px(5))
        align = Qt.AlignmentFlag.AlignLeft
        pad = theme.px(12)
        text = rect.adjusted(pad, 0, -pad, 0)
        painter.setFont(theme.font("title", self._lang))
        title_h = painter.fontMetrics().height()
        caption_h = QFontMetrics(theme.font("caption", self._lang)).height()
        top = rect.center().y() - (title_h + caption_h) / 2
        painter.setPen(palette.color("text"))
        name = elide_line(self.names[part_id], painter.font(), text.width())
        painter.drawText(QRectF(text.left(), top, text.width(), title_h), align, name)
        painter.setFont(theme.font("caption", self._lang))
        painter.setPen(palette.color("accent"))
        count = elide_line(self.counts[part_id], painter.font(), text.width())
        painter.drawText(QRectF(text.left(), top + title_h, text.width(), caption_h), align, count)
