"""A horizontal carousel of large cards that follows a finger or the mouse and snaps to a card.

The strip's place is one number, ``position`` (0.0: the first card centred; 1.5: halfway between
the second and the third). A finger or the mouse moves it 1:1; one snap animation moves it
otherwise. Cards are pixmaps their owners draw once per size, and the strip is rigid: every card
has one size, and a frame only copies them to whole pixels. The light is the screen's, not the
cards': the middle, where the centred card stands, is bright, and the sides are dimmed, so a
card brightens as it glides in. At 3840x2160 a frame of the glide scaled and faded two cards of
2 Mpx each (15 ms a frame, bench/robots_frames.py); it now copies opaque pictures of them, lit
in the middle and dimmed at the sides, and blends only the light's two fall-offs.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QLinearGradient,
    QMoveEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from kiosk.ui.input import CLAIMS_SWIPES, PointerWidget, Pressable
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.motion import play
from kiosk.ui.widgets.opaque import OpaquePaint
from kiosk.ui.widgets.snapshot import blit

SNAP_MS = 400
INTRO_MS = 650
NEIGHBOUR_OPACITY = 0.45  # how bright a card at the sides is
SHADE_RAMP = 48  # px at 1080p past the gap over which the light falls off at the middle's edges
FLICK_PX_PER_MS = 0.45  # at 1080 px: a release faster than this moves on in its direction
VELOCITY_WINDOW_MS = 90  # the release speed is measured over the last moments of a drag
EDGE_RESISTANCE = 0.3  # past the first or the last card the strip follows a part of the drag
KEEP_AROUND = 2  # cards within this distance of the current one keep their pixmaps
SOLID_AROUND = 1  # and within this one their opaque pictures too (one more set of pictures)


class CarouselCard(Protocol):
    """What the carousel needs of a card: its picture at a size, cached by the card, and a
    number that changes whenever the picture does (the carousel keeps copies of it)."""

    version: int

    def pixmap(self, size: QSize, ratio: float) -> QPixmap: ...

    def has_pixmap(self, size: QSize, ratio: float) -> bool: ...

    def release(self) -> None: ...


class Solid(NamedTuple):
    """A card drawn once onto the ground under it, opaque (a frame copies it; a translucent
    card is blended, and the ground drawn under it first): as it shows in the middle, and as
    it shows dimmed at the sides (copied there, where the dimming is even, instead of dimming
    the sides every frame: 1.6 ms a frame at 4K)."""

    lit: QPixmap
    dim: QPixmap


class Outline(NamedTuple):
    """A card's glowing outline in pieces, drawn once a size: the four corners are quarters
    of ``ring``; ``across`` is the top and the bottom between them, ``upright`` either side;
    each piece has ``pad`` px of room round the stroke."""

    ring: QPixmap
    across: QPixmap
    upright: QPixmap
    pad: int
    radius: int


class Carousel(OpaquePaint, PointerWidget):
    """Large cards in a row: the current one centred in the light, its neighbours peeking in
    dimmed.

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
        # each near card's opaque pictures (see Solid), keyed by the card's version, its size
        # and the ground's picture
        self._solids: dict[int, tuple[tuple[int, int, int, float, int], Solid]] = {}
        self._shade: tuple[tuple[int, int, int], tuple[QPixmap, QPixmap]] | None = None
        self._outline: tuple[tuple[int, int, float, int], Outline] | None = None
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
        self._solids.clear()
        self._current = -1
        self._set_position(0.0)
        self._set_current(0)
        self.update()

    def set_card_size(self, size: QSize) -> None:
        """The size of every card."""
        if size != self.card_size:
            self.card_size = QSize(max(1, size.width()), max(1, size.height()))
            self.refresh()

    def set_ground(self, owner: QWidget, paint: Callable[[QPainter], None]) -> None:
        """Paint ``owner``'s background (``paint`` in its coordinates) under the cards. It may
        change down the strip but not across it (the pages' glow from the top): a card's
        opaque picture carries the ground of its corners wherever it glides."""
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
        """The distance between the centres of two cards side by side."""
        return self.card_size.width() + self.gap

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
            if abs(index - self._current) > SOLID_AROUND:
                self._solids.pop(index, None)
        self.prefetch.start()

    def _near(self, reach: int = KEEP_AROUND) -> list[int]:
        """The cards within ``reach`` of the current one, nearest first."""
        near = [i for i in range(len(self.cards)) if abs(i - self._current) <= reach]
        return sorted(near, key=lambda i: abs(i - self._current))

    def _missing_near(self) -> list[CarouselCard]:
        """The cards within reach of the current one that are not drawn yet, nearest first
        (a card whose opaque pictures are made needs its picture no more)."""
        if not self._has_room():
            return []
        ratio = self.devicePixelRatioF()
        return [
            self.cards[i]
            for i in self._near()
            if self._solid(i) is None and not self.cards[i].has_pixmap(self.card_size, ratio)
        ]

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
        lacking = [i for i in self._near(SOLID_AROUND) if self._solid(i) is None]
        if lacking:  # then their opaque pictures, one a pass
            self._solid(lacking[0], make=True)
            if len(lacking) > 1:
                self.prefetch.start()

    def draw_ahead_now(self) -> None:
        """Draw every missing card near the current one at once (when nobody is watching)."""
        self.prefetch.stop()
        for card in self._missing_near():
            card.pixmap(self.card_size, self.devicePixelRatioF())
        for index in self._near(SOLID_AROUND):
            self._solid(index, make=True)

    def _solid(self, index: int, make: bool = False) -> Solid | None:
        """Card ``index``'s opaque pictures, if made (``make``: make them now, when its
        picture is drawn; the card then forgets its picture, so that the strip keeps two
        pictures of a near card, as when it kept its picture and one opaque copy)."""
        card = self.cards[index]
        ratio = self.devicePixelRatioF()
        ground = self._ground_pixmap()
        size = self.card_size
        key = (card.version, size.width(), size.height(), ratio, ground.cacheKey())
        kept = self._solids.get(index)
        if kept is not None and kept[0] == key:
            return kept[1]
        if not make or not card.has_pixmap(size, ratio):
            return None
        full = card.pixmap(size, ratio)
        rows = QRectF(0, self.card_rect(index).top() * ratio, full.width(), full.height())
        lit = QPixmap(full.size())  # no alpha: a frame copies it
        lit.setDevicePixelRatio(ratio)
        painter = QPainter(lit)
        painter.drawPixmap(QPointF(0, 0), ground, rows)
        painter.drawPixmap(0, 0, full)
        painter.end()
        dim = lit.copy()
        painter = QPainter(dim)  # dimmed toward the ground, as _paint_shade dims the sides
        painter.setOpacity(1.0 - NEIGHBOUR_OPACITY)
        painter.drawPixmap(QPointF(0, 0), ground, rows)
        painter.end()
        self._solids[index] = (key, Solid(lit, dim))
        card.release()
        return self._solids[index][1]

    # -- geometry ---------------------------------------------------------------------------

    def _has_room(self) -> bool:
        """Whether the cards have been given a size worth drawing."""
        return min(self.card_size.width(), self.card_size.height()) >= self.theme.px(40)

    def _offset(self, d: float) -> float:
        """How far right of the middle the centre of a card ``d`` places away is drawn (the
        entrance tucks the neighbours behind the centred card)."""
        return d * self.pitch() * (0.45 + 0.55 * self._spread)

    def card_rect(self, index: int) -> QRectF:
        """Where card ``index`` is drawn now: on whole pixels, so a frame copies it."""
        width, height = self.card_size.width(), self.card_size.height()
        x = self.width() / 2 + self._offset(index - self._position) - width / 2
        return QRectF(round(x), round((self.height() - height) / 2), width, height)

    def lit_span(self) -> tuple[float, float]:
        """The middle's left and right edges: the light is full between them (where the centred
        card stands) and falls off past them, over the gap and a little more, to
        ``NEIGHBOUR_OPACITY``."""
        half = self.card_size.width() / 2
        return self.width() / 2 - half, self.width() / 2 + half

    def _ramp(self) -> float:
        """How wide the light's fall-off is, past each edge of the middle."""
        return self.gap + self.theme.px(SHADE_RAMP)

    def brightness(self, x: float) -> float:
        """How bright the strip is ``x`` px from its left edge (1.0 in the middle)."""
        left, right = self.lit_span()
        ramp = self._ramp()
        outside = max(left - x, x - right, 0.0)
        return 1.0 - (1.0 - NEIGHBOUR_OPACITY) * min(outside / ramp, 1.0)

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

    def _presence(self, d: float) -> float:
        """A card's opacity: the neighbours come in with the entrance."""
        return 1.0 if abs(d) < 0.5 else self._spread

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
        ground = self._ground_pixmap()
        if not self.cards or not self._has_room():
            painter.drawPixmap(0, 0, ground)
            return
        bounds = self.rect()
        shown = [  # the centred card last, on top (the entrance tucks the others under it)
            (index, self.card_rect(index).toRect())
            for index in sorted(range(len(self.cards)), key=lambda i: -abs(i - self._position))
        ]
        shown = [(index, rect) for index, rect in shown if rect.intersects(bounds)]
        falloffs = self._falloffs()
        evens = self._evens(falloffs)
        middle = QRect(
            evens[0].right() + 1, 0, evens[1].left() - evens[0].right() - 1, self.height()
        )
        layers: list[tuple[QRect, float, QPixmap, QPoint]] = []  # pictures, their parts
        undimmed: list[QRect] = []  # cards drawn lit where the sides are dimmed
        bare = QRegion(event.rect())  # where no opaque card is drawn: the ground shows
        for index, rect in shown:
            presence = self._presence(index - self._position)
            solid = self._solid(index)
            if solid is None:
                picture = self.cards[index].pixmap(self.card_size, self.devicePixelRatioF())
                layers.append((rect, presence, picture, rect.topLeft()))
                undimmed.append(rect)
                continue
            if presence >= 1.0:  # a translucent card (the entrance's) shows the ground under it
                bare = bare.subtracted(QRegion(rect))
            layers.append((rect & middle, presence, solid.lit, rect.topLeft()))
            layers += [(rect & even, presence, solid.dim, rect.topLeft()) for even in evens]
        for part in bare:  # a rect at a time: the ground clipped to the gaps took 0.9 ms
            blit(painter, ground, part)
        for area, presence, picture, at in layers:
            if not area.isEmpty():
                painter.setOpacity(presence)
                blit(painter, picture, area, at)
        painter.setOpacity(1.0)
        self._paint_shade(painter, event.rect(), falloffs, undimmed)
        for index, rect in shown:
            glow = 1.0 - min(abs(index - self._position), 1.0)
            if glow > 0.01:  # the centred card's edge lights up in the accent
                self._paint_glow(painter, QRectF(rect), glow)

    def _falloffs(self) -> tuple[QRect, QRect]:
        """The bands at each edge of the middle where the light falls off, on whole pixels;
        outside them it is even: full in the middle, ``NEIGHBOUR_OPACITY`` at the sides."""
        left, right = self.lit_span()
        ramp = self._ramp()
        start, end = math.floor(left - ramp), math.ceil(left)
        return (
            QRect(start, 0, end - start, self.height()),
            QRect(self.width() - end, 0, end - start, self.height()),
        )

    def _evens(self, falloffs: tuple[QRect, QRect]) -> tuple[QRect, QRect]:
        """The sides outside the fall-offs, where the dimming is even."""
        right = falloffs[1].right() + 1
        return (
            QRect(0, 0, falloffs[0].left(), self.height()),
            QRect(right, 0, self.width() - right, self.height()),
        )

    def _paint_shade(
        self,
        painter: QPainter,
        area: QRect,
        falloffs: tuple[QRect, QRect],
        undimmed: list[QRect],
    ) -> None:
        """Dim the sides toward the ground so that they are as bright as :meth:`brightness`
        says: in the fall-offs, a picture of the ground, more opaque outwards; where the
        dimming is even, the ground painted at that level over the cards ``undimmed`` (cards
        still drawing in; the others were copied dimmed, and on the bare ground dimming toward
        the ground changes nothing)."""
        for falloff, picture in zip(falloffs, self._shade_pictures(), strict=True):
            if falloff.intersects(area):
                painter.drawPixmap(falloff.topLeft(), picture)
        painter.setOpacity(1.0 - NEIGHBOUR_OPACITY)  # as a card's dimmed picture is drawn
        ground = self._ground_pixmap()
        for even in self._evens(falloffs):
            for rect in undimmed:
                part = even & rect & area
                if not part.isEmpty():
                    blit(painter, ground, part)
        painter.setOpacity(1.0)

    def _shade_pictures(self) -> tuple[QPixmap, QPixmap]:
        """The ground over each fall-off, as opaque as leaves it :meth:`brightness` bright:
        drawn once a size (in bands, one span a row each, it took 4 ms a frame at 4K)."""
        ground = self._ground_pixmap()
        key = (ground.cacheKey(), self.card_size.width(), self.gap)
        if self._shade is not None and self._shade[0] == key:
            return self._shade[1]
        ratio = self.devicePixelRatioF()
        left, right = self.lit_span()
        ramp = self._ramp()
        pictures = []
        for band, edges in zip(
            self._falloffs(), ((left - ramp, left), (right, right + ramp)), strict=True
        ):
            picture = QPixmap(band.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.drawPixmap(
                QPointF(0, 0),
                ground,
                QRectF(band.left() * ratio, 0, band.width() * ratio, band.height() * ratio),
            )
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
            fade = QLinearGradient(0, 0, band.width(), 0)
            for x in edges:  # the fall-off's ends (past them the gradient keeps their level)
                shade = QColor(0, 0, 0)
                shade.setAlphaF(1.0 - self.brightness(x))
                fade.setColorAt(min(max((x - band.left()) / band.width(), 0.0), 1.0), shade)
            painter.fillRect(QRect(QPoint(0, 0), band.size()), fade)
            painter.end()
            pictures.append(picture)
        self._shade = (key, (pictures[0], pictures[1]))
        return self._shade[1]

    def _paint_glow(self, painter: QPainter, rect: QRectF, level: float) -> None:
        """The accent outline round the card in ``rect``, ``level`` opaque, copied from its
        pieces drawn once a size: filled and stroked anew at an opacity, its four bands and
        arcs took 0.8 ms a card at 4K."""
        outline = self._outline_pieces()
        pad, radius = outline.pad, outline.radius
        card = rect.toRect()  # the stroke runs 1 px inside the card's edges
        left, top = card.left() + 1, card.top() + 1
        right, bottom = card.right(), card.bottom()  # QRect's right is its last pixel
        painter.setOpacity(level)
        for x in (left, right):  # the sides
            painter.drawPixmap(QPoint(x - pad, top + radius), outline.upright)
        for y in (top, bottom):  # the top and the bottom
            painter.drawPixmap(QPoint(left + radius, y - pad), outline.across)
        near, far = 0, pad + radius  # a quarter of the ring: from its edge to its centre
        quarter = QSize(far, far)
        for x, y, qx, qy in (
            (left, top, near, near),
            (right - 2 * radius, top, far, near),
            (right - 2 * radius, bottom - 2 * radius, far, far),
            (left, bottom - 2 * radius, near, far),
        ):
            at = QPoint(x - pad, y - pad)  # where the ring would stand, its circle there
            blit(painter, outline.ring, QRect(at + QPoint(qx, qy), quarter), at)
        painter.setOpacity(1.0)

    def _outline_pieces(self) -> Outline:
        """The glowing outline of a card, in pieces: its corners as one antialiased ring (a
        circle of the corners' radius), and a band of each of its straight sides."""
        ratio = self.devicePixelRatioF()
        accent = self.theme.palette.color("accent")
        key = (self.card_size.width(), self.card_size.height(), ratio, accent.rgba())
        if self._outline is not None and self._outline[0] == key:
            return self._outline[1]
        radius = max(1, min(self.theme.radius, (self.card_size.height() - 2) // 2))
        width = self.theme.px(3)
        pad = math.ceil(width / 2) + 2  # room round the stroke, for its antialiasing
        pen = QPen(accent, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)

        def piece(size: QSize, draw: Callable[[QPainter], None]) -> QPixmap:
            picture = QPixmap(size * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(pen)
            draw(painter)
            painter.end()
            return picture

        side = 2 * radius + 2 * pad
        circle = QRectF(pad, pad, 2 * radius, 2 * radius)
        ring = piece(QSize(side, side), lambda p: p.drawEllipse(circle))
        long = max(self.card_size.width() - 2 - 2 * radius, 1)  # between the corners
        tall = max(self.card_size.height() - 2 - 2 * radius, 1)
        across = piece(QSize(long, 2 * pad), lambda p: p.drawLine(0, pad, long, pad))
        upright = piece(QSize(2 * pad, tall), lambda p: p.drawLine(pad, 0, pad, tall))
        self._outline = (key, Outline(ring, across, upright, pad, radius))
        return self._outline[1]

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
