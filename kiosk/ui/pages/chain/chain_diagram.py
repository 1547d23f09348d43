"""The industry-chain diagram: four layer blocks stacked as a chain, drawn by hand (vector).

Foundation sits at the bottom and the terminal layer on top, joined by chevrons that carry the
chain upwards. Every block is a large touch target; ``appear`` (0..1) builds the chain up from
the bottom for the entrance animation.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import Content, Layer
from kiosk.i18n import Language, fill
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import FeedbackPressable, mix
from kiosk.ui.widgets.text import elide_line

STAGGER = 0.22  # of the entrance: each layer starts this much after the one below it

TEXT_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


def company_count(content: Content, count: int, lang: Language) -> str:
    """'9家代表企业' / '1 company' / '9 companies'."""
    key = "chain.companies.one" if count == 1 else "chain.companies"
    return fill(content.string(key, lang), value=str(count))


def staggered(progress: float, index: int, count: int) -> float:
    """Progress (0..1, eased) of item ``index`` of ``count`` when the whole is at ``progress``."""
    spread = STAGGER * max(0, count - 1)
    share = max(0.0, min(1.0, progress * (1 + spread) - index * STAGGER))
    return 1 - (1 - share) ** 3


class LayerBlock(FeedbackPressable):
    """One layer: its name, what it covers and how many companies it lists."""

    def __init__(self, layer: Layer, index: int, theme: Theme, parent: QWidget | None = None):
        super().__init__(theme, parent)
        self.layer = layer
        self.index = index  # 0 is the foundation, at the bottom
        self.setObjectName(f"layer-{layer.id}")
        self.appear = 1.0
        self.selected = False
        self.name = ""
        self.covers = ""
        self.count = ""
        self._lang: Language = "zh-Hans"
        self._fit_minimum()

    def _fit_minimum(self) -> None:
        """At least a touch target, and room for the name and one line of 'covers'."""
        theme = self.theme
        title = QFontMetrics(theme.font("title", self._lang)).height()
        body = QFontMetrics(theme.font("body", self._lang)).height()
        self.setMinimumHeight(max(theme.touch + theme.px(24), title + body + 2 * theme.px(12)))

    def set_language(self, content: Content, lang: Language) -> None:
        self._lang = lang
        self.name = self.layer.name.get(lang)
        self.covers = self.layer.covers.get(lang)
        count = sum(c.layer == self.layer.id for c in content.companies.values())
        self.count = company_count(content, count, lang)
        self._fit_minimum()
        self.updateGeometry()
        self.update()

    def set_selected(self, selected: bool) -> None:
        self.selected = selected
        self.update()

    def set_appear(self, value: float) -> None:
        self.appear = value
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.appear <= 0:
            return
        theme, palette = self.theme, self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(self.appear)
        painter.translate(0, theme.px(36) * (1 - self.appear))
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        lit = max(self.press_level, 1.0 if self.selected else 0.0)
        painter.setBrush(mix(palette.color("surface"), palette.color("surface_pressed"), lit))
        edge = mix(palette.color("line"), palette.color("accent"), lit)
        painter.setPen(QPen(edge, theme.px(3 if self.selected else 2)))
        painter.drawRoundedRect(rect, theme.radius, theme.radius)
        # a level marker: one to four bars, the chain's step
        pad = theme.px(28)
        bar_w, bar_h, gap = theme.px(10), theme.px(30), theme.px(6)
        painter.setPen(Qt.PenStyle.NoPen)
        for i in range(4):
            lit_bar = i <= self.index
            painter.setBrush(palette.color("accent" if lit_bar else "line", 0.9 if lit_bar else 1))
            x = rect.left() + pad + i * (bar_w + gap)
            painter.drawRoundedRect(
                QRectF(x, rect.center().y() - bar_h / 2, bar_w, bar_h), bar_w / 2, bar_w / 2
            )
        left = rect.left() + self._text_left()
        count_font = theme.font("caption", self._lang)
        painter.setFont(count_font)
        count_w = painter.fontMetrics().horizontalAdvance(self.count) + theme.px(8)
        title_h = QFontMetrics(theme.font("title", self._lang)).height()
        text_w = rect.right() - pad - count_w - left
        body_h = self._covers_height(text_w)
        # name and covers centred as a block, never above the block's top
        top = max(rect.top() + theme.px(12), rect.center().y() - (title_h + body_h) / 2)
        text = QRectF(left, top, text_w, rect.bottom() - top)
        painter.setPen(palette.color("accent"))
        painter.drawText(
            QRectF(rect.right() - pad - count_w, text.top(), count_w, text.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.count,
        )
        painter.setFont(theme.font("title", self._lang))
        painter.setPen(palette.color("text"))
        title_h = painter.fontMetrics().height()
        name = elide_line(self.name, painter.font(), text.width())  # one line, else cut '…'
        painter.drawText(QRectF(text.left(), text.top(), text.width(), title_h), TEXT_FLAGS, name)
        painter.setFont(theme.font("body", self._lang))
        painter.setPen(palette.color("text_dim"))
        below = QRectF(text.left(), text.top() + title_h, text.width(), text.height() - title_h)
        painter.drawText(below, TEXT_FLAGS, self.covers)

    def _text_left(self) -> int:
        theme = self.theme
        return theme.px(28) + 4 * (theme.px(10) + theme.px(6)) + theme.px(18)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """Room for the name and the wrapped 'covers' line at ``width``."""
        theme = self.theme
        count_w = QFontMetrics(theme.font("caption", self._lang)).horizontalAdvance(self.count)
        text_w = width - self._text_left() - theme.px(28) - count_w - theme.px(8)
        title = QFontMetrics(theme.font("title", self._lang)).height()
        covers = self._covers_height(text_w)
        return max(self.minimumHeight(), title + covers + 2 * theme.px(12) + 2)

    def _covers_height(self, width: float) -> int:
        """The 'covers' line's height, wrapped at ``width``."""
        metrics = QFontMetrics(self.theme.font("body", self._lang))
        flags = int(TEXT_FLAGS)
        return metrics.boundingRect(0, 0, max(1, int(width)), 100000, flags, self.covers).height()


class ChainDiagram(QWidget):
    """The four layers, foundation at the bottom, with chevrons carrying the chain upwards."""

    layer_clicked = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.blocks: list[LayerBlock] = []
        self.appear = 1.0
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(theme.px(36))  # room for the chevrons between blocks

    def set_layers(self, layers: list[Layer]) -> None:
        for block in self.blocks:
            self._layout.removeWidget(block)
            block.deleteLater()
        self.blocks = [LayerBlock(layer, i, self.theme, self) for i, layer in enumerate(layers)]
        for block in reversed(self.blocks):  # the terminal layer on top
            self._layout.addWidget(block, 1)
            block.clicked.connect(lambda b=block: self.layer_clicked.emit(b.layer.id))

    def set_language(self, content: Content, lang: Language) -> None:
        for block in self.blocks:
            block.set_language(content, lang)

    def select(self, layer_id: str | None) -> None:
        for block in self.blocks:
            block.set_selected(block.layer.id == layer_id)

    def set_appear(self, progress: float) -> None:
        """The entrance: blocks rise in from the foundation up, then the chevrons draw."""
        self.appear = progress
        for block in self.blocks:
            block.set_appear(staggered(progress, block.index, len(self.blocks)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ordered = sorted(self.blocks, key=lambda b: b.index)
        for lower, upper in zip(ordered, ordered[1:], strict=False):
            shown = min(lower.appear, upper.appear)
            if shown <= 0:
                continue
            top, bottom = upper.geometry().bottom(), lower.geometry().top()
            x = self.width() / 2
            painter.setOpacity(shown)
            pen = QPen(palette.color("accent"), theme.px(4))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half, height = theme.px(22), theme.px(9)
            for step in (0, 1):
                y = bottom - (bottom - top) * (0.3 + 0.35 * step)
                chevron = QPainterPath(QPointF(x - half, y + height))
                chevron.lineTo(x, y - height)
                chevron.lineTo(x + half, y + height)
                painter.drawPath(chevron)
