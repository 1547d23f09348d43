"""The brain / cerebellum / limbs picture: a stylised robot figure drawn by hand (vector).

Large models are the brain, motion control and on-device models the cerebellum, robot bodies
and devices the limbs. Each part, and its label, is a touch target; a tap emits
``part_clicked``. ``appear`` (0..1) fades the parts in one after another.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPaintEvent,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from kiosk.content import Content, Part
from kiosk.i18n import Language
from kiosk.ui.pages.chain.chain_diagram import company_count, staggered
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import FeedbackPressable, mix

# The figure is drawn in a 300 x 520 design space, scaled to the widget.
DESIGN_W, DESIGN_H = 300.0, 520.0
HEAD_CENTRE, HEAD_RADIUS = QPointF(154, 88), 72.0


def _limb(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    return path


def part_shapes() -> dict[str, QPainterPath]:
    """Outline of each part in design coordinates (what is drawn and what a finger hits)."""
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


# Where each label's leader line starts and the height of the label's centre (design
# coordinates). The figure faces left, so every label sits on its right.
ANCHORS: dict[str, tuple[QPointF, float]] = {
    "brain": (QPointF(178, 40), 0.0),
    "cerebellum": (QPointF(218, 120), 150.0),
    "limbs": (QPointF(250, 318), 318.0),
}


class BodyFigure(FeedbackPressable):
    """The figure with its three labelled parts."""

    part_clicked = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setObjectName("body-figure")
        self.shapes = part_shapes()
        self.parts: list[Part] = []
        self.names: dict[str, str] = {}
        self.counts: dict[str, str] = {}
        self.selected: str | None = None
        self.pressed_part: str | None = None
        self.appear = 1.0
        self._lang: Language = "zh-Hans"
        self.clicked.connect(self._on_clicked)
        self.setMinimumHeight(theme.px(420))

    def set_parts(self, parts: list[Part], content: Content, lang: Language) -> None:
        self.parts = [p for p in parts if p.id in self.shapes]
        self._lang = lang
        self.names = {p.id: p.name.get(lang) for p in self.parts}
        self.counts = {
            p.id: company_count(
                content, sum(p.id in c.parts for c in content.companies.values()), lang
            )
            for p in self.parts
        }
        self.update()

    def select(self, part_id: str | None) -> None:
        self.selected = part_id
        self.update()

    def set_appear(self, progress: float) -> None:
        self.appear = progress
        self.update()

    # --- geometry ------------------------------------------------------------------------

    def _label_width(self) -> float:
        title = QFontMetrics(self.theme.font("title", self._lang))
        caption = QFontMetrics(self.theme.font("caption", self._lang))
        texts = [title.horizontalAdvance(n) for n in self.names.values()]
        texts += [caption.horizontalAdvance(c) for c in self.counts.values()]
        return max(texts, default=0) + self.theme.px(24)

    def transform(self) -> QTransform:
        """Design space to widget pixels: the figure and its labels centred together."""
        label = self._label_width() + self.theme.px(48)
        top = self.theme.px(60)  # the brain's label rises above the head
        scale = min(
            (self.width() - label) / DESIGN_W, (self.height() - top - self.theme.px(8)) / DESIGN_H
        )
        scale = max(scale, 0.2)
        dx = (self.width() - DESIGN_W * scale - label) / 2
        dy = top + (self.height() - top - DESIGN_H * scale) / 2
        return QTransform(scale, 0, 0, scale, dx, dy)

    def label_rect(self, part_id: str) -> QRectF:
        """The label of a part: a touch target at least as tall as the theme's minimum."""
        anchor, centre_y = ANCHORS[part_id]
        transform = self.transform()
        right = transform.map(QPointF(DESIGN_W, centre_y))
        width, height = self._label_width(), max(self.theme.touch, self.theme.px(100))
        x = min(right.x() + self.theme.px(24), self.width() - width)
        return QRectF(x, right.y() - height / 2, width, height)

    def part_at(self, pos: QPointF) -> str | None:
        """The part under ``pos``: its label, or its shape within a fingertip's reach."""
        for part in self.parts:
            if self.label_rect(part.id).contains(pos):
                return part.id
        inverse, _ = self.transform().inverted()
        design = inverse.map(pos)
        reach = self.theme.px(24) * inverse.m11()
        finger = QRectF(design.x() - reach, design.y() - reach, 2 * reach, 2 * reach)
        for part_id in ("cerebellum", "brain", "limbs"):  # smallest first
            if part_id in self.names and self.shapes[part_id].intersects(finger):
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

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        transform = self.transform()
        order = ["limbs", "brain", "cerebellum"]
        count = len(order)
        # the head outline holds brain and cerebellum
        head = staggered(self.appear, 0, count)
        painter.setOpacity(head)
        head_path = QPainterPath()
        head_path.addEllipse(HEAD_CENTRE, HEAD_RADIUS, HEAD_RADIUS)
        painter.setPen(QPen(palette.color("line"), theme.px(3)))
        painter.setBrush(palette.color("surface", 0.6))
        painter.drawPath(transform.map(head_path))
        for index, part_id in enumerate(order):
            if part_id not in self.names:
                continue
            shown = staggered(self.appear, index, count)
            if shown <= 0:
                continue
            painter.setOpacity(shown)
            edge, fill_ = self._part_colors(part_id)
            pen = QPen(edge, theme.px(4))
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(fill_)
            painter.drawPath(transform.map(self.shapes[part_id]))
            self._paint_detail(painter, transform, part_id, edge)
            self._paint_label(painter, transform, part_id, edge)
        painter.end()

    def _paint_detail(
        self, painter: QPainter, transform: QTransform, part_id: str, color: QColor
    ) -> None:
        """Small marks that make the parts read: folds of the brain, joints of the limbs."""
        theme = self.theme
        pen = QPen(color, theme.px(2))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if part_id == "brain":
            folds = QPainterPath(QPointF(182, 70))
            folds.cubicTo(QPointF(170, 52), QPointF(154, 86), QPointF(140, 62))
            folds.cubicTo(QPointF(128, 44), QPointF(114, 84), QPointF(100, 64))
            folds.moveTo(QPointF(164, 96))
            folds.cubicTo(QPointF(150, 84), QPointF(134, 104), QPointF(116, 92))
            painter.drawPath(transform.map(folds))
        elif part_id == "cerebellum":
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
        self, painter: QPainter, transform: QTransform, part_id: str, color: QColor
    ) -> None:
        theme, palette = self.theme, self.theme.palette
        anchor, _ = ANCHORS[part_id]
        start = transform.map(anchor)
        rect = self.label_rect(part_id)
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
        painter.drawText(
            QRectF(text.left(), top, text.width(), title_h), align, self.names[part_id]
        )
        painter.setFont(theme.font("caption", self._lang))
        painter.setPen(palette.color("accent"))
        painter.drawText(
            QRectF(text.left(), top + title_h, text.width(), caption_h),
            align,
            self.counts[part_id],
        )
