"""The accessibility button, its panel, and the calm band reach mode leaves at the top.

The button (the international symbol of accessibility) sits in the lower left corner of every
screen; it opens a small panel over the page with one switch a mode (reach, larger text, high
contrast, reduced motion), a way back to the standard settings, and "done". The window applies
the choices (:meth:`kiosk.ui.shell.main_window.KioskWindow.set_access`).
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.runtime.access import Access
from kiosk.ui.input import CLOSES_LAYER, Pressable
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import CachedControl, FeedbackPressable, PillButton, mix
from kiosk.ui.widgets.text import TextLabel

PANEL_WIDTH = 760  # px at 1080 on the short side


def draw_access_symbol(painter: QPainter, circle: QRectF, pen: QPen) -> None:
    """The international symbol of accessibility: a figure with open arms in a ring."""
    r = circle.width() / 2
    c = circle.center()
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(c, r * 0.78, r * 0.78)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(pen.color())
    painter.drawEllipse(QPointF(c.x(), c.y() - r * 0.42), r * 0.1, r * 0.1)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shoulders = c.y() - r * 0.2
    painter.drawLine(QPointF(c.x() - r * 0.4, shoulders), QPointF(c.x() + r * 0.4, shoulders))
    hips = c.y() + r * 0.12
    painter.drawLine(QPointF(c.x(), shoulders), QPointF(c.x(), hips))
    for side in (-1, 1):
        painter.drawLine(QPointF(c.x(), hips), QPointF(c.x() + side * r * 0.24, c.y() + r * 0.5))


class AccessButton(CachedControl):
    """The round accessibility button, touch-sized; lit while any mode is on."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setObjectName("access-button")
        self.lit = theme.access.active
        self.setFixedSize(theme.touch, theme.touch)

    def look(self) -> Hashable:
        return (super().look(), self.lit)

    def draw(self, painter: QPainter) -> None:
        palette = self.theme.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(1.5, self.theme.px(2))
        circle = QRectF(self.rect()).adjusted(width, width, -width, -width)
        base = palette.color("accent", 0.22) if self.lit else palette.color("surface", 0.92)
        painter.setBrush(mix(base, palette.color("surface_pressed"), self.press_level))
        painter.setPen(QPen(palette.color("accent"), width))
        painter.drawEllipse(circle)
        symbol = circle.adjusted(*(circle.width() * f for f in (0.14, 0.14, -0.14, -0.14)))
        draw_access_symbol(
            painter, symbol, QPen(palette.color("text"), max(2.0, self.width() / 24))
        )


class AccessSwitch(FeedbackPressable):
    """One mode in the panel: its name, a line on what it does, and an on/off switch."""

    def __init__(self, name: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.name = name
        self.on = False
        self.setObjectName(f"access-{name}")
        self.label = TextLabel(self, max_lines=2)
        self.hint = TextLabel(self, role="dim", max_lines=2)
        self.state = TextLabel(
            self, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.state.setObjectName(f"access-{name}-state")
        words = QVBoxLayout()
        words.setSpacing(theme.px(2))
        words.addWidget(self.label)
        words.addWidget(self.hint)
        row = QHBoxLayout(self)
        pad = theme.px(24)
        row.setContentsMargins(
            pad, theme.px(12), pad + self.switch_width() + theme.px(16), theme.px(12)
        )
        row.setSpacing(theme.px(16))
        row.addLayout(words, 1)
        row.addWidget(self.state)
        self.setMinimumHeight(theme.touch)

    def switch_width(self) -> int:
        return self.theme.px(96)

    def switch_rect(self) -> QRectF:
        height = self.theme.px(48)
        pad = self.theme.px(24)
        return QRectF(
            self.width() - pad - self.switch_width(),
            (self.height() - height) / 2,
            self.switch_width(),
            height,
        )

    def set_texts(
        self, name: str, hint: str, state: str, words: tuple[str, str], session: Session
    ) -> None:
        """Its name, hint and state word; ``words``, both state words, size the state's room."""
        lang = session.language
        self.label.setFont(self.theme.font("title", lang))
        self.hint.setFont(self.theme.font("caption", lang))
        self.state.setFont(self.theme.font("button", lang))
        self.label.setText(name)
        self.hint.setText(hint)
        self.state.setText(state)
        widest = max(self.state.fontMetrics().horizontalAdvance(w) for w in words)
        self.state.setFixedWidth(widest + self.theme.px(4))
        self.setAccessibleName(name)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette, px = self.theme.palette, self.theme.px
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setBrush(
            mix(palette.color("surface"), palette.color("surface_pressed"), self.press_level)
        )
        edge = palette.color("accent") if self.on else palette.color("line")
        painter.setPen(QPen(edge, max(1.5, px(2))))
        painter.drawRoundedRect(rect, self.theme.radius, self.theme.radius)
        track = self.switch_rect()
        painter.setPen(
            QPen(palette.color("accent") if self.on else palette.color("line"), max(1.5, px(3)))
        )
        painter.setBrush(palette.color("accent") if self.on else palette.color("ground"))
        painter.drawRoundedRect(track, track.height() / 2, track.height() / 2)
        knob = track.height() - 2 * px(7)
        x = track.right() - px(7) - knob if self.on else track.left() + px(7)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color("ground") if self.on else palette.color("text_dim"))
        painter.drawEllipse(QRectF(x, track.top() + px(7), knob, knob))


class AccessPanel(Pressable):
    """A layer over the window: the page dimmed, and the panel above the accessibility button.
    A tap outside the panel closes it."""

    toggled = Signal(str)  # a mode's name
    reset_requested = Signal()

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self.setObjectName("access-panel")
        self.anchor = QRect()  # the button it opens from
        self.box = QWidget(self)
        self.box.setObjectName("access-box")
        self.title = TextLabel(self.box, max_lines=1)
        self.switches = {name: AccessSwitch(name, theme, self.box) for name in Access.names()}
        for name, switch in self.switches.items():
            switch.clicked.connect(lambda name=name: self.toggled.emit(name))
        self.reset = PillButton(theme, self.box)
        self.reset.setObjectName("access-reset")
        self.reset.clicked.connect(self.reset_requested)
        self.done = PillButton(theme, self.box)
        self.done.setObjectName("access-done")
        self.done.clicked.connect(self.hide)
        self.done.setProperty(CLOSES_LAYER, True)  # the keypad's Back key presses it
        column = QVBoxLayout(self.box)
        pad = theme.px(28)
        column.setContentsMargins(pad, pad, pad, pad)
        column.setSpacing(theme.px(14))
        column.addWidget(self.title)
        for switch in self.switches.values():
            column.addWidget(switch)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.px(16))
        buttons.addWidget(self.reset, 1)
        buttons.addWidget(self.done, 1)
        column.addLayout(buttons)
        self.clicked.connect(self.hide)  # a tap on the dimmed page around it
        session.language_changed.connect(self.retranslate)
        session.content_changed.connect(self.retranslate)
        self.hide()
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        session, lang = self.session, self.session.language
        access = self.theme.access
        self.title.setFont(self.theme.font("headline", lang))
        self.title.setText(session.text("access.title"))
        for name, switch in self.switches.items():
            switch.on = getattr(access, name)
            words = (session.text("access.on"), session.text("access.off"))
            state = words[0] if switch.on else words[1]
            switch.set_texts(
                session.text(f"access.{name}"),
                session.text(f"access.{name}.hint"),
                state,
                words,
                session,
            )
            switch.update()
        for button, key in ((self.reset, "access.reset"), (self.done, "access.done")):
            button.set_text(session.text(key), self.theme.font("button", lang))
        self.reset.setEnabled(access.active)
        self._place()

    def open_from(self, anchor: QRect) -> None:
        """Show the panel above (or beside) ``anchor``, the button, in this layer's coordinates."""
        self.anchor = anchor
        self.show()
        self.raise_()
        self._place()

    def _place(self) -> None:
        theme = self.theme
        wide = theme.px(PANEL_WIDTH * theme.access.text_scale)
        width = min(wide, self.width() - 2 * theme.px(24))
        height = self.box.layout().totalHeightForWidth(width)
        height = min(height, self.height() - 2 * theme.px(24))
        anchor = self.anchor if not self.anchor.isNull() else QRect(0, self.height(), 0, 0)
        left = max(theme.px(24), min(anchor.left(), self.width() - width - theme.px(24)))
        top = anchor.top() - theme.px(16) - height
        if top < theme.px(24):  # no room above the button: beside it
            top = max(theme.px(24), anchor.bottom() - height)
            left = min(anchor.right() + theme.px(16), self.width() - width - theme.px(24))
        self.box.setGeometry(left, top, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place()
        super().resizeEvent(event)

    def _end(self, pos: QPointF) -> None:
        if self.box.geometry().contains(pos.toPoint()):
            self._set_pressed(False)  # a press on the panel's own ground closes nothing
            return
        super()._end(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color("ground", 0.72))
        box = QRectF(self.box.geometry()).adjusted(1, 1, -1, -1)
        painter.setBrush(palette.color("ground"))
        painter.setPen(QPen(palette.color("accent"), max(1.5, self.theme.px(2))))
        painter.drawRoundedRect(box, self.theme.radius, self.theme.radius)


class ReachCap(QWidget):
    """The top of the screen in reach mode: nothing to touch there, only the exhibition's
    title and subtitle (Home leaves both to it), over the ground, and a line where the
    reachable part begins."""

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self.setObjectName("reach-cap")
        self.title = TextLabel(self, align=Qt.AlignmentFlag.AlignCenter, balance=True)
        self.title.setObjectName("reach-title")
        self.subtitle = TextLabel(
            self, role="dim", align=Qt.AlignmentFlag.AlignCenter, balance=True
        )
        self.subtitle.setObjectName("reach-subtitle")
        session.language_changed.connect(self.retranslate)
        session.content_changed.connect(self.retranslate)
        self.retranslate()
        self.hide()

    def retranslate(self, *_: object) -> None:
        lang = self.session.language
        self.title.setFont(self.theme.font("headline", lang))
        self.title.setText(self.session.text("app.title"))
        self.subtitle.setFont(self.theme.font("lead", lang))
        self.subtitle.setText(self.session.text("app.subtitle"))
        self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place()
        super().resizeEvent(event)

    def _place(self) -> None:
        """Title and subtitle centred as a block; the subtitle takes the lines the band has
        room for under the title (on a landscape screen's short band, maybe none)."""
        m = self.theme.margin
        room = self.rect().adjusted(m, m // 2, -m, -m // 2)
        width, gap = room.width(), self.theme.px(16)
        title = min(self.title.heightForWidth(width), room.height())
        left = room.height() - title - gap
        line = self.subtitle.fontMetrics().height()
        sub = min(self.subtitle.heightForWidth(width), left) if left >= line else 0
        shown = sub > 0 and bool(self.subtitle.full_text)
        self.subtitle.setVisible(shown)
        block = title + (gap + sub if shown else 0)
        top = room.top() + (room.height() - block) // 2
        self.title.setGeometry(room.left(), top, width, title)
        self.subtitle.setGeometry(room.left(), top + title + gap, width, sub)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.fillRect(self.rect(), palette.color("ground"))
        painter.setPen(QPen(palette.color("line"), max(1.0, self.theme.px(2))))
        y = self.height() - 1
        painter.drawLine(self.theme.margin, y, self.width() - self.theme.margin, y)
