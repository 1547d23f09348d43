"""A horizontal carousel of large cards that follows a finger or the mouse and snaps to a card.

The strip's place is one number, ``position`` (0.0: the first card centred; 1.5: halfway between
the second and the third). A finger or the mouse moves it 1:1; one snap animation moves it
otherwise. Cards are pixmaps their owners draw once per size: a frame only moves and scales them.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QMoveEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from kiosk.ui.input import CLAIMS_SWIPES, PointerWidget, Pressable
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.motion import play
from kiosk.ui.widgets.opaque import OpaquePaint

SNAP_MS = 400
INTRO_MS = 650
PEEK_SCALE = 0.84  # a neighbour's size next to the centred card
NEIGHBOUR_OPACITY = 0.45
FLICK_PX_PER_MS = 0.45  # at 1080 px: a release faster than this moves on in its direction
VELOCITY_WINDOW_MS = 90  # the release speed is measured over the last moments of a drag
EDGE_RESISTANCE = 0.3  # past the first or the last card the strip follows a part of the drag
KEEP_AROUND = 2  # cards within this distance of the current one keep their pixmaps


class CarouselCard(Protocol):
    """What the carousel needs of a card: its picture at a size, cached by the card."""

    def pixmap(self, size: QSize, ratio: float) -> QPixmap: ...

    def has_pixmap(self, size: QSize, ratio: float) -> bool: ...

    def release(self) -> None: ...


class Carousel(OpaquePaint, PointerWidget):
    """Large cards in a row: the current one centred and bright, its neighbours peeking in.

    A drag moves the strip with the finger; the release snaps to the nearest card, and a quick
    flick moves on to the next card in its direction however short it was. A press that moves
    less than the tap slop is a tap: on the centred card it emits ``card_activated``, on a
    neighbour it brings that card to the centre.
    """

    current_changed = Signal(int)  # the card the strip shows or is on its way to
    position_changed = Signal(float)
    card_activated = Signal(int)  # the centred card was tapped

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setProperty(CLAIMS_SWIPES, True)  # its horizontal drags are its own
        self.cards: list[CarouselCard] = []
        self.card_size = QSize(1, 1)
        # the centred card's size for the carousel's size (the owner decides the proportions)
        self.size_policy: Callable[[QSize], QSize] | None = None
        self.gap = theme.px(36)
        self._position = 0.0
        self._current = 0
        self._spread = 1.0  # the entrance: neighbours tucked behind (0) or in place (1)
        self._paint_ground: Callable[[QPainter], None] | None = None
        self._ground_owner: QWidget | None = None
        self._ground = QPixmap()
        # each near card drawn once at a neighbour's size: a neighbour is then only blitted
        # (a smooth scaled draw of a card is 4 ms a frame at 4K); keyed by the card's picture
        self._peeks: dict[int, tuple[int, QPixmap]] = {}
        self.snap = QVariantAnimation(self)
        self.snap.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.snap.valueChanged.connect(self._on_snap_value)
        self.snap.finished.connect(self._on_landed)
        self.intro = QVariantAnimation(self)
        self.intro.setDuration(INTRO_MS)
        self.intro.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.intro.setStartValue(0.0)
        self.intro.setEndValue(1.0)
        self.intro.valueChanged.connect(self._on_spread)
        self.prefetch = QTimer(self)  # draws the cards around the current one between frames
        self.prefetch.setSingleShot(True)
        self.prefetch.setInterval(0)
        self.prefetch.timeout.connect(self._prefetch_one)
        self._pressing = False
        self._origin = QPointF()
        self._origin_position = 0.0
        self._travel = 0.0
        self._samples: deque[tuple[int, float]] = deque(maxlen=32)

    # -- the cards and where the strip is -------------------------------------------------

    def set_cards(self, cards: Sequence[CarouselCard]) -> None:
        """Show ``cards``, from the first."""
        self.stop()
        for card in self.cards:
            card.release()
        self.cards = list(cards)
        self._peeks.clear()
        self._current = -1
        self._set_position(0.0)
        self._set_current(0)
        self.update()

    def set_card_size(self, size: QSize) -> None:
        """The size of the centred card; neighbours are drawn smaller."""
        if size != self.card_size:
            self.card_size = QSize(max(1, size.width()), max(1, size.height()))
            self.refresh()

    def set_ground(self, owner: QWidget, paint: Callable[[QPainter], None]) -> None:
        """Paint ``owner``'s background (``paint`` in its coordinates) under the cards."""
        self._ground_owner, self._paint_ground = owner, paint
        self._ground = QPixmap()

    def refresh(self) -> None:
        """The cards' pictures changed (language, size): repaint and draw the neighbours ahead."""
        self.update()
        self.prefetch.start()

    @property
    def position(self) -> float:
        return self._position

    @property
    def current_index(self) -> int:
        """The centred card, or the one a snap is moving to."""
        return self._current

    @property
    def count(self) -> int:
        return len(self.cards)

    def pitch(self) -> float:
        """The distance between the centres of the centred card and a neighbour."""
        return self.card_size.width() * (1 + PEEK_SCALE) / 2 + self.gap

    def scroll_to(self, index: int, animate: bool = True) -> None:
        """Centre card ``index``: with a snap animation, or at once."""
        if not self.cards:
            return
        index = max(0, min(index, len(self.cards) - 1))
        self.snap.stop()
        self._set_current(index)
        still = not animate or not self.theme.motion or not self.isVisible()
        if still or abs(self._position - index) < 1e-3:
            self._set_position(float(index))
            self._on_landed()
            return
        distance = abs(self._position - index)
        self.snap.setDuration(round(SNAP_MS + 80 * min(max(distance - 1, 0), 3)))
        self.snap.setStartValue(self._position)
        self.snap.setEndValue(float(index))
        self.snap.start()

    def step(self, direction: int) -> bool:
        """Move one card forward (+1) or back (-1); False when there is none that way."""
        target = self._current + direction
        if not 0 <= target < len(self.cards):
            return False
        self.scroll_to(target)
        return True

    def play_intro(self) -> None:
        """The entrance: the neighbours glide out from behind the centred card."""
        self.intro.stop()
        if self.cards and self.isVisible():
            play(self.intro, self.theme.motion)

    def settle(self) -> None:
        """Jump every animation to its end."""
        if self.intro.state() == QAbstractAnimation.State.Running:
            self.intro.stop()
        self._on_spread(1.0)
        if self.snap.state() == QAbstractAnimation.State.Running:
            self.snap.stop()
            self._set_position(float(self._current))
            self._on_landed()

    def stop(self) -> None:
        """Forget a drag in progress, finish the animations and the drawing ahead."""
        self._pressing, self._touch_id = False, None
        if self.cards and self._position != self._current:
            self._set_position(float(self._current))
        self.settle()
        self.prefetch.stop()

    def running_animations(self) -> int:
        running = QAbstractAnimation.State.Running
        return (
            (self.snap.state() == running)
            + (self.intro.state() == running)
            + self.prefetch.isActive()
        )

    def _set_position(self, value: float) -> None:
        self._position = value
        self.position_changed.emit(value)
        self.update()

    def _set_current(self, index: int) -> None:
        if index != self._current:
            self._current = index
            self.current_changed.emit(index)

    def _on_snap_value(self, value: object) -> None:
        self._set_position(float(value))  # type: ignore[arg-type]

    def _on_spread(self, value: object) -> None:
        self._spread = float(value)  # type: ignore[arg-type]
        self.update()

    def _on_landed(self) -> None:
        for index, card in enumerate(self.cards):  # keep the memory of a few cards only
            if abs(index - self._current) > KEEP_AROUND:
                card.release()
                self._peeks.pop(index, None)
        self.prefetch.start()

    def _near(self) -> list[int]:
        """The cards kept drawn: those within ``KEEP_AROUND`` of the current one, nearest
        first."""
        near = [i for i in range(len(self.cards)) if abs(i - self._current) <= KEEP_AROUND]
        return sorted(near, key=lambda i: abs(i - self._current))

    def _missing_near(self) -> list[CarouselCard]:
        """The cards within reach of the current one that are not drawn yet, nearest first."""
        if not self._has_room():
            return []
        ratio = self.devicePixelRatioF()
        cards = [self.cards[i] for i in self._near()]
        return [card for card in cards if not card.has_pixmap(self.card_size, ratio)]

    def _prefetch_one(self) -> None:
        """Draw one missing card near the current one, then come back for the next.

        Never while the strip moves: a frame must not wait for a card that is not on screen.
        """
        if self._pressing or self.snap.state() == QAbstractAnimation.State.Running:
            return  # landing starts it again
        missing = self._missing_near()
        if missing:
            missing[0].pixmap(self.card_size, self.devicePixelRatioF())
            self.prefetch.start()
            return
        lacking = [i for i in self._near() if self._peek(i) is None]
        if lacking:  # then their neighbour's pictures, one a pass
            self._peek(lacking[0], make=True)
            if len(lacking) > 1:
                self.prefetch.start()

    def draw_ahead_now(self) -> None:
        """Draw every missing card near the current one at once (when nobody is watching)."""
        self.prefetch.stop()
        for card in self._missing_near():
            card.pixmap(self.card_size, self.devicePixelRatioF())
        for index in self._near():
            self._peek(index, make=True)

    def _peek(self, index: int, make: bool = False) -> QPixmap | None:
        """Card ``index`` at a neighbour's size, if drawn (``make``: draw it now, when its
        full picture is there)."""
        card = self.cards[index]
        ratio = self.devicePixelRatioF()
        if not card.has_pixmap(self.card_size, ratio):
            return None
        full = card.pixmap(self.card_size, ratio)
        kept = self._peeks.get(index)
        if kept is not None and kept[0] == full.cacheKey():
            return kept[1]
        if not make:
            return None
        size = QSizeF(self.card_size) * PEEK_SCALE
        peek = full.scaled(
            (size * ratio).toSize(),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        peek.setDevicePixelRatio(ratio)
        self._peeks[index] = (full.cacheKey(), peek)
        return peek

    # -- geometry ---------------------------------------------------------------------------

    def _has_room(self) -> bool:
        """Whether the cards have been given a size worth drawing."""
        return min(self.card_size.width(), self.card_size.height()) >= self.theme.px(40)

    def _offset(self, d: float) -> float:
        """How far right of the middle the centre of a card ``d`` places away is drawn."""
        near = min(abs(d), 1.0)
        far = max(abs(d) - 1.0, 0.0)
        step = self.card_size.width() * PEEK_SCALE + self.gap
        tucked = 0.45 + 0.55 * self._spread
        return math.copysign(near * self.pitch() + far * step, d) * tucked

    def card_rect(self, index: int) -> QRectF:
        """Where card ``index`` is drawn now."""
        d = index - self._position
        scale = 1.0 - (1.0 - PEEK_SCALE) * min(abs(d), 1.0)
        width, height = self.card_size.width() * scale, self.card_size.height() * scale
        x = self.width() / 2 + self._offset(d) - width / 2
        y = (self.height() - height) / 2
        if abs(scale - 1.0) < 1e-6:  # at rest the centred card sits on whole pixels: crisp
            return QRectF(round(x), round(y), width, height)
        return QRectF(x, y, width, height)

    def keypad_regions(self) -> list[QRect]:
        """The keypad's targets: every card where it is drawn now (the keys step through them
        and Enter opens the centred one)."""
        if not self._has_room():
            return []
        return [self.card_rect(i).toAlignedRect() for i in range(len(self.cards))]

    def keypad_focus(self, index: int, still: bool) -> None:
        """The keypad's focus came to card ``index``: bring it to the middle (``still``: at
        once, it is about to be pressed)."""
        if still:
            self.scroll_to(index, animate=False)
        elif index != self._current:
            self.scroll_to(index)

    def card_at(self, pos: QPointF) -> int | None:
        """The card drawn at ``pos`` (the nearest to the centre when two overlap)."""
        for index in sorted(range(len(self.cards)), key=lambda i: abs(i - self._position)):
            if self.card_rect(index).contains(pos):
                return index
        return None

    def _opacity(self, d: float) -> float:
        near = min(abs(d), 1.0)
        return (1.0 - (1.0 - NEIGHBOUR_OPACITY) * near) * (1.0 if near < 0.5 else self._spread)

    # -- painting ---------------------------------------------------------------------------

    def _ground_pixmap(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        if self._ground.isNull() or self._ground.size() != self.size() * ratio:
            self._ground = QPixmap(self.size() * ratio)
            self._ground.setDevicePixelRatio(ratio)
            self._ground.fill(self.theme.palette.color("ground"))
            if self._paint_ground is not None and self._ground_owner is not None:
                painter = QPainter(self._ground)
                offset = self.mapTo(self._ground_owner, QPoint(0, 0))
                painter.translate(-offset.x(), -offset.y())
                self._paint_ground(painter)
                painter.end()
        return self._ground

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._ground_pixmap())
        if not self.cards or not self._has_room():
            return
        # smooth scaling for the cards, antialiasing only for the glow's outline: with it a
        # scaled card's draw takes 7 ms at 4K instead of 4 (bench/robots_frames.py)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        ratio = self.devicePixelRatioF()
        bounds = QRectF(self.rect())
        visible = [i for i in range(len(self.cards)) if abs(i - self._position) < 2.5]
        visible.sort(key=lambda i: -abs(i - self._position))  # the centred card on top
        accent = self.theme.palette.color("accent")
        for index in visible:
            rect = self.card_rect(index)
            if not rect.intersects(bounds):
                continue
            d = index - self._position
            painter.setOpacity(self._opacity(d))
            peek = self._peek(index) if abs(d) >= 1.0 else None
            if peek is not None:  # a neighbour at its size: a blit, on whole pixels
                painter.drawPixmap(rect.topLeft().toPoint(), peek)
            else:
                pixmap = self.cards[index].pixmap(self.card_size, ratio)
                painter.drawPixmap(rect, pixmap, QRectF(pixmap.rect()))
            glow = 1.0 - min(abs(d), 1.0)
            if glow > 0.01:  # the centred card's edge lights up in the accent
                painter.setOpacity(glow)
                self._paint_glow(painter, rect, accent)

    def _paint_glow(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        """The accent outline of the card in ``rect``: its straight sides as filled bands, its
        corners as arcs (one antialiased rounded rectangle took 1.9 ms at 4K, this 0.5)."""
        edges = rect.adjusted(1, 1, -1, -1)
        radius = min(self.theme.radius * rect.width() / self.card_size.width(), edges.height() / 2)
        width = self.theme.px(3)
        across = 2 * radius
        half = width / 2
        bands = (
            QRectF(edges.left() + radius, edges.top() - half, edges.width() - across, width),
            QRectF(edges.left() + radius, edges.bottom() - half, edges.width() - across, width),
            QRectF(edges.left() - half, edges.top() + radius, width, edges.height() - across),
            QRectF(edges.right() - half, edges.top() + radius, width, edges.height() - across),
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)  # bands meet arcs evenly
        for band in bands:
            painter.fillRect(band, colour)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, width))
        corners = (
            (edges.left(), edges.top(), 90),
            (edges.right() - across, edges.top(), 0),
            (edges.right() - across, edges.bottom() - across, 270),
            (edges.left(), edges.bottom() - across, 180),
        )
        for x, y, start in corners:  # angles in 1/16 degree, counter-clockwise from 3 o'clock
            painter.drawArc(QRectF(x, y, across, across), start * 16, 90 * 16)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._ground = QPixmap()
        if self.size_policy is not None:
            self.set_card_size(self.size_policy(self.size()))
        super().resizeEvent(event)

    def moveEvent(self, event: QMoveEvent) -> None:
        self._ground = QPixmap()
        super().moveEvent(event)

    # -- input: one finger or the real mouse (PointerWidget) -----------------------------

    def _press(self, pos: QPointF, timestamp: int) -> None:
        if not self.cards:
            return
        # a finger catches the strip where it is: no animation holds a touch back
        if self.intro.state() == QAbstractAnimation.State.Running:
            self.intro.stop()
            self._on_spread(1.0)
        self.snap.stop()
        self._pressing = True
        self._origin = QPointF(pos)
        self._origin_position = self._position
        self._travel = 0.0
        self._samples.clear()
        self._samples.append((timestamp, pos.x()))

    def _move(self, pos: QPointF, timestamp: int) -> None:
        if not self._pressing:
            return
        self._travel = max(self._travel, math.dist(pos.toTuple(), self._origin.toTuple()))
        self._samples.append((timestamp, pos.x()))
        wanted = self._origin_position - (pos.x() - self._origin.x()) / self.pitch()
        last = len(self.cards) - 1
        if wanted < 0:
            wanted *= EDGE_RESISTANCE
        elif wanted > last:
            wanted = last + (wanted - last) * EDGE_RESISTANCE
        self._set_position(wanted)
        self._set_current(max(0, min(round(wanted), last)))

    def _release(self, pos: QPointF, timestamp: int) -> None:
        if not self._pressing:
            return
        self._move(pos, timestamp)
        self._pressing = False
        if self._travel < Pressable.tap_slop:
            self._tap(pos)
            return
        velocity = self._velocity(timestamp)  # px/ms; positive: the finger moved right
        if abs(velocity) >= FLICK_PX_PER_MS * self.theme.scale:
            if velocity < 0:  # towards the next card, however short the flick was
                target = math.floor(self._position + 1e-6) + 1
            else:
                target = math.ceil(self._position - 1e-6) - 1
        else:
            target = round(self._position)
        self.scroll_to(target)

    def _cancel(self) -> None:
        if self._pressing:
            self._pressing = False
            self.scroll_to(round(self._position))

    def _velocity(self, now: int) -> float:
        recent = [(t, x) for t, x in self._samples if now - t <= VELOCITY_WINDOW_MS]
        if len(recent) < 2:
            return 0.0
        (t0, x0), (t1, x1) = recent[0], recent[-1]
        return (x1 - x0) / max(t1 - t0, 1)

    def _tap(self, pos: QPointF) -> None:
        index = self.card_at(pos)
        nearest = max(0, min(round(self._position), len(self.cards) - 1))
        if index is None or index != nearest:
            self.scroll_to(nearest if index is None else index)
            return
        self.scroll_to(index)
        self.card_activated.emit(index)
