"""The one touch scroll area: no scroll bars, no frame, the page's ground showing through,
kinetic scrolling by finger, and a cue at its foot while more lies below."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QBoxLayout, QLayout, QScrollArea, QSizePolicy, QWidget

from kiosk.ui.input import KineticScroll
from kiosk.ui.theme import Theme

CUE_HEIGHT = 72  # px at 1080: the fade at the foot of an area with more below


class ScrollCue(QWidget):
    """Over the foot of a scroll area while more lies below: what is cut there fades into the
    colour behind the area, with a small chevron pointing down; gone at the end. Without it a
    row cut at the fold read as the end of the page. It takes no input."""

    def __init__(self, area: QScrollArea, theme: Theme, colour: QColor) -> None:
        super().__init__(area)
        self.setObjectName(f"{area.objectName() or 'scroll'}-cue")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.area, self.theme, self.colour = area, theme, colour
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self._show_if_more)  # each scrolled frame: only this
        bar.rangeChanged.connect(self.follow)
        area.installEventFilter(self)
        self.follow()

    def follow(self, *_: object) -> None:
        """Stand at the viewport's foot, on top, shown while there is more below."""
        viewport = self.area.viewport().geometry()
        height = min(self.theme.px(CUE_HEIGHT), viewport.height() // 3)
        self.setGeometry(viewport.left(), viewport.bottom() + 1 - height, viewport.width(), height)
        self.raise_()
        self._show_if_more()

    def _show_if_more(self) -> None:
        bar = self.area.verticalScrollBar()
        self.setVisible(bar.value() < bar.maximum())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.follow()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        fade = QLinearGradient(QPointF(0, 0), QPointF(0, self.height()))
        clear = QColor(self.colour)
        clear.setAlphaF(0.0)
        fade.setColorAt(0.0, clear)
        fade.setColorAt(0.75, self.colour)
        fade.setColorAt(1.0, self.colour)
        painter.fillRect(self.rect(), fade)
        arm = self.theme.px(14)
        centre = QPointF(self.width() / 2, self.height() - arm - self.theme.px(6))
        pen = QPen(self.theme.palette.color("accent"), max(2.0, self.theme.px(3)))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        down = arm * 0.55
        painter.drawPolyline(
            [
                QPointF(centre.x() - arm, centre.y() - down),
                QPointF(centre.x(), centre.y() + down),
                QPointF(centre.x() + arm, centre.y() - down),
            ]
        )


def shown_part(widget: QWidget, within: QWidget) -> QRect:
    """Where ``widget`` can be seen, in ``within``'s coordinates: its rectangle cut by each of
    its parents up to ``within`` (a scroll area's viewport hides what is scrolled away)."""
    shown = within.rect()
    parent: QWidget | None = widget
    while parent is not None and parent is not within:
        shown &= QRect(parent.mapTo(within, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return shown


class TouchScrollArea(QScrollArea):
    """A scroll area with its :class:`ScrollCue` (``cue``)."""

    cue: ScrollCue

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt's name)
        """Scroll ``widget``, as tall as its content at the area's width. A body whose words
        wrap ignores its minimum height: a layout's minimum sums each item's height at its
        own preferred width, which left up to 900 px of blank below a long company list."""
        layout = widget.layout()
        if layout is not None and layout.hasHeightForWidth():
            policy = widget.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
            widget.setSizePolicy(policy)
        super().setWidget(widget)


def touch_scroll_area(
    parent: QWidget, theme: Theme, under: str, body: QWidget | None = None
) -> tuple[TouchScrollArea, KineticScroll]:
    """A vertical scroll area over ``body`` (resized to its width), the :class:`KineticScroll`
    a finger scrolls it with (a child of the area) and its :class:`ScrollCue`, fading into the
    palette's colour ``under`` (what the area stands on)."""
    area = TouchScrollArea(parent)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.viewport().setAutoFillBackground(False)
    kinetic = KineticScroll(area)
    if body is not None:
        area.setWidget(body)
    area.cue = ScrollCue(area, theme, theme.palette.color(under))
    return area, kinetic


def add_scrolling(
    box: QBoxLayout,
    parent: QWidget,
    inner: QLayout,
    name: str,
    scrolls: bool,
    theme: Theme,
    under: str = "ground",
    stretch: int = 1,
) -> TouchScrollArea | None:
    """Add ``inner`` to ``box``: as it is, or (``scrolls``) in a touch scroll area named
    ``<name>-scroll`` over a body ``<name>-body``, so that what may not fit its room (larger
    text, reach mode) scrolls in one direction rather than squeeze. The area, if any."""
    if not scrolls:
        box.addLayout(inner, stretch)
        return None
    body = QWidget()
    body.setObjectName(f"{name}-body")
    body.setLayout(inner)
    area, _ = touch_scroll_area(parent, theme, under, body)
    area.setObjectName(f"{name}-scroll")
    area.cue.setObjectName(f"{name}-cue")
    box.addWidget(area, stretch)
    return area
