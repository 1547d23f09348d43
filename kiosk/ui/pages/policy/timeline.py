"""The policy timeline: an axis with a mark per event and a card per event.

Landscape runs left to right, portrait top to bottom. A card reveals itself, uncovered along
the axis behind a line of light, the first time it scrolls into view after
:meth:`TimelineStrip.conceal`; its mark on the axis lights up with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSequentialAnimationGroup,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QLinearGradient, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsEffect, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.content.models import Event
from kiosk.i18n import Language, date_year, format_date
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import Card
from kiosk.ui.widgets.clamped_label import ClampedLabel
from kiosk.ui.widgets.fit_label import FitLabel
from kiosk.ui.widgets.motion import play
from kiosk.ui.widgets.snapshot import snapshot
from kiosk.ui.widgets.text import TextLabel

REVEAL_MS = 560
REVEAL_STAGGER_MS = 90
CARD_WIDTH = 500  # landscape, at 1080 px on the short side
TEXT_LINES = 3  # a card's summary in portrait; the detail view shows it all
TITLE_LINES = 2  # a landscape card's title; the summary takes the height that is left
SOURCE_LINES = 2


class RevealEffect(QGraphicsEffect):
    """Draws its widget uncovered up to ``level`` (0..1) along the axis, behind a line of light.

    The widget stays where it is (its touch area never moves) and is drawn from one picture
    taken when the reveal starts, so a frame of the reveal lays out and draws no text, and the
    card repaints only the band its edge swept since the last frame (a fade over the whole card
    blended every pixel of 3-4 cards each frame: 14-18 ms at 4K). It stays enabled, drawing the
    widget itself once revealed: Qt repaints the whole parent when an effect is switched on or
    off (the whole strip at the end of each card's reveal: 20-26 ms at 4K).
    """

    def __init__(self, parent: QWidget, theme: Theme) -> None:
        super().__init__(parent)
        self.theme = theme
        self.level = 1.0
        self._picture: QPixmap | None = None

    def edge(self, level: float) -> int:
        """Where the edge stands at ``level``: x (landscape) or y (portrait) in the widget."""
        size = self.parent().size()
        return round((size.height() if self.theme.portrait else size.width()) * level)

    def swept(self, start: float, end: float) -> QRect:
        """What moving the edge from ``start`` to ``end`` changes, with the line at both ends."""
        line = self.line_width()
        low, high = sorted((self.edge(start), self.edge(end)))
        return self._band(low - line - 1, high + line + 1)

    def _band(self, start: int, end: int) -> QRect:
        """The widget's whole breadth between ``start`` and ``end`` along the axis."""
        size = self.parent().size()
        if self.theme.portrait:
            return QRect(0, start, size.width(), end - start)
        return QRect(start, 0, end - start, size.height())

    def line_width(self) -> int:
        return max(2, self.theme.px(3))

    def set_level(self, level: float) -> None:
        if level >= 1.0:
            self._picture = None
        self.level = level

    def forget(self) -> None:
        """The widget changed: take a new picture at the next frame."""
        self._picture = None

    def prepare(self) -> None:
        """Take the picture now, in the handler that starts the reveal, rather than in one of
        its frames (2-3 ms for a card at 4K, one frame in six of an entrance)."""
        level, self.level = self.level, 1.0  # drawn as itself while rendered
        self._picture = snapshot(self.parent())
        self.level = level

    def draw(self, painter: QPainter) -> None:
        if self.level >= 1.0:
            self.drawSource(painter)
            return
        if self.level <= 0.0:
            return
        if self._picture is None:
            self._picture = self.sourcePixmap(
                Qt.CoordinateSystem.LogicalCoordinates,
                QPoint(),
                QGraphicsEffect.PixmapPadMode.NoPad,
            )
        size = self.parent().size()
        edge = self.edge(self.level)
        shown, line = self._band(0, edge), self._band(edge - self.line_width(), edge)
        painter.save()
        painter.setClipRect(shown, Qt.ClipOperation.IntersectClip)
        painter.drawPixmap(0, 0, self._picture)
        # the line of light, within the card's rounded outline
        outline = QPainterPath()
        radius = self.theme.radius
        outline.addRoundedRect(QRectF(QPoint(), size.toSizeF()), radius, radius)
        painter.setClipPath(outline, Qt.ClipOperation.IntersectClip)
        painter.fillRect(line, self.theme.palette.color("accent", 0.9))
        painter.restore()


class EventCard(Card):
    """One event: date, title, the figure's number, a short text and the source."""

    reveal_changed = Signal()

    def __init__(self, event: Event, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.event = event
        self.setObjectName(f"event-{event.id}")
        self.date = TextLabel(self, role="accent", wrap=False)
        # A landscape card has the strip's height whatever its texts: the date, the number and
        # the source keep their lines, the title at most TITLE_LINES, and the summary shows the
        # lines that fit in what is left (cut with "…"; the detail view shows it all). A
        # portrait card is as high as its texts need, with a summary of TEXT_LINES.
        fixed_height = not theme.portrait
        self.fixed_height = fixed_height
        self.title = TextLabel(self, max_lines=TITLE_LINES if fixed_height else 0)
        self.number = FitLabel(self, role="accent")
        self.number.setVisible(event.figure is not None)
        self.text = ClampedLabel(
            self, max_lines=0 if fixed_height else TEXT_LINES, fill=fixed_height
        )
        self.source = TextLabel(self, role="dim", max_lines=SOURCE_LINES)
        for label in (self.date, self.number):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        pad = theme.px(28)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(theme.px(10))
        layout.addWidget(self.date)
        layout.addWidget(self.title)
        layout.addWidget(self.number)
        layout.addWidget(self.text, 1 if fixed_height else 0)
        if not fixed_height:
            layout.addStretch(1)
        layout.addSpacing(theme.px(6))
        layout.addWidget(self.source)
        self.lang: Language | None = None  # the language of its texts (None: none yet)
        self.base = QRect()  # where the strip put the card
        self.reveal_level = 1.0
        self.revealed = True  # shown, or on its way in, since the strip was last concealed
        self._effect = RevealEffect(self, theme)
        self.setGraphicsEffect(self._effect)
        self.pressed_changed.connect(self._on_pressed)
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(REVEAL_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.valueChanged.connect(lambda v: self._set_reveal(float(v)))
        self.sequence = QSequentialAnimationGroup(self)  # a pause (the stagger), then the reveal
        self._pause = self.sequence.addPause(0)
        self.sequence.addAnimation(self.animation)

    def set_language(self, content: Content, lang: Language) -> None:
        self.date.setFont(self.theme.font("button", lang))
        self.title.setFont(self.theme.font("title", lang))
        self.text.setFont(self.theme.font("lead", lang))
        self.source.setFont(self.theme.font("caption", lang))
        self.date.setText(format_date(self.event.date, lang))
        self.title.setText(self.event.title.get(lang))
        self.text.set_full_text(self.event.text.get(lang))
        self.source.setText(content.format_source(self.event.source, lang))
        figure = self.event.figure
        number = content.format_figure(figure, lang) if figure else ""
        self.number.set_fit(self.theme.font("headline", lang), [number])
        self.number.setText(number)
        self.lang = lang
        self._effect.forget()

    def place(self, rect: QRect) -> None:
        """Lay the card out at ``rect``."""
        self.base = QRect(rect)
        self._fit_source(rect)
        self.setGeometry(rect)
        self._effect.forget()

    def _fit_source(self, rect: QRect) -> None:
        """A landscape card too short for all its fixed lines (reach mode, larger text) leaves
        its source to the detail view, which shows it, rather than squeeze its number."""
        if not self.fixed_height or self.lang is None:
            return  # a portrait card grows with its texts
        layout = self.layout()
        margins = layout.contentsMargins()
        width = rect.width() - margins.left() - margins.right()
        parts = [self.date.sizeHint().height(), self.title.heightForWidth(width)]
        if self.number.isVisibleTo(self):
            parts.append(self.number.sizeHint().height())
        source = self.source.heightForWidth(width) + self.theme.px(6)
        fixed = sum(parts) + layout.spacing() * len(parts) + margins.top() + margins.bottom()
        self.source.setVisible(fixed + source <= rect.height())

    @property
    def running(self) -> bool:
        return self.sequence.state() == QAbstractAnimation.State.Running

    def conceal(self) -> None:
        """Hide the card until :meth:`reveal`."""
        self.sequence.stop()
        self.revealed = False
        self._set_reveal(0.0)

    def reveal(self, delay_ms: int = 0) -> None:
        """Fade and slide in (after ``delay_ms``), once per :meth:`conceal`."""
        if self.revealed:
            return
        self.revealed = True
        if self.theme.motion:
            self._effect.prepare()
        self._pause.setDuration(max(0, delay_ms))
        play(self.sequence, self.theme.motion)

    def settle(self) -> None:
        """Shown, at once."""
        self.sequence.stop()
        self.revealed = True
        self._set_reveal(1.0)

    def _set_reveal(self, level: float) -> None:
        swept = self._effect.swept(self.reveal_level, level)
        self.reveal_level = level
        self._effect.set_level(level)
        self.update(swept)  # only the band the edge crossed, its line at both ends
        self.reveal_changed.emit()

    def _on_pressed(self, pressed: bool) -> None:
        if pressed:
            self.settle()  # a finger on a card arriving brings it in at once


class TimelineStrip(QWidget):
    """The scrolled content: year marks, the axis, a mark and a card per event.

    ``arrange`` sizes it for the scroll area's viewport: as wide as the events need and as high
    as the viewport (landscape), or as wide as the viewport and as high as needed (portrait).
    """

    event_tapped = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.vertical = theme.portrait
        self.cards: list[EventCard] = []
        self.years: list[tuple[TextLabel, EventCard]] = []  # a year's label, its first card
        self._viewport = QSize()
        self._content: Content | None = None
        self._lang: Language | None = None
        self._axis = 0  # y of the axis (landscape) or x (portrait)
        self._ground: Callable[[QPainter], None] | None = None

    def set_ground(self, paint_ground: Callable[[QPainter], None]) -> None:
        """Paint the page's ground under the strip (given in the strip's coordinates).

        An opaque strip is scrolled by moving the pixels already drawn, repainting only the
        strip that comes into view, instead of every card and text in view each frame.
        """
        self._ground = paint_ground
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if self._ground is not None and event.type() in (
            QEvent.Type.Polish,
            QEvent.Type.StyleChange,
        ):  # the style sheet's polish clears it
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        return handled

    # content -------------------------------------------------------------------------------

    def set_events(self, events: tuple[Event, ...]) -> None:
        for card in self.cards:
            card.deleteLater()
        for label, _card in self.years:
            label.deleteLater()
        self.cards, self.years = [], []
        year = ""
        for event in events:
            card = EventCard(event, self.theme, self)
            card.clicked.connect(lambda eid=event.id: self.event_tapped.emit(eid))
            card.reveal_changed.connect(lambda c=card: self.update(self._mark_rect(c)))
            card.hide()  # shown when it comes near the view (catch_up)
            self.cards.append(card)
            if date_year(event.date) != year:
                year = date_year(event.date)
                label = TextLabel(self, wrap=False)
                label.setObjectName(f"year-{year}")
                label.setText(year)
                label.show()
                self.years.append((label, card))

    def set_language(self, content: Content, lang: Language) -> None:
        """Every card in ``lang``: in portrait at once (their heights place them); in
        landscape, where every card has the same size, the cards near the view now and the
        others (hidden until then) as they come near (:meth:`catch_up`), so a language switch
        costs the same for 15 events as for 150."""
        self._content, self._lang = content, lang
        for label, _card in self.years:
            label.setFont(self.theme.font("headline", lang))
            label.adjustSize()
        if self.vertical:
            for card in self.cards:
                card.set_language(content, lang)
        self.arrange(self._viewport)
        self.catch_up(QRect(-self.pos(), self._viewport))

    def catch_up(self, visible: QRect) -> None:
        """Show the cards within a screen of ``visible`` (strip coordinates), each in the
        current language, and hide the others: showing the page, scrolling it and switching
        its language cost what is near the view, not the number of events."""
        if self._content is None or self._lang is None or visible.isEmpty():
            return
        if self.vertical:
            near = visible.adjusted(0, -visible.height(), 0, visible.height())
        else:
            near = visible.adjusted(-visible.width(), 0, visible.width(), 0)
        for card in self.cards:
            if card.base.isEmpty() or card.base.intersects(near):
                self.bring_up_to_date(card)
            elif not card.isHidden():
                card.hide()

    def bring_up_to_date(self, card: EventCard) -> None:
        """One card in the current language, shown."""
        if self._content is not None and self._lang is not None and card.lang != self._lang:
            card.set_language(self._content, self._lang)
        if card.isHidden():
            card.show()

    def card(self, event_id: str) -> EventCard | None:
        return next((c for c in self.cards if c.event.id == event_id), None)

    # geometry ------------------------------------------------------------------------------

    def arrange(self, viewport: QSize) -> None:
        """Place every year, mark and card for a viewport of ``viewport``."""
        self._viewport = QSize(viewport)
        if viewport.isEmpty():
            return
        if self.vertical:
            self._arrange_vertical(viewport)
        else:
            self._arrange_horizontal(viewport)
        self.update()

    def _year_height(self) -> int:
        return max((label.sizeHint().height() for label, _ in self.years), default=0)

    def _arrange_horizontal(self, viewport: QSize) -> None:
        px, margin = self.theme.px, self.theme.margin
        year_height = self._year_height()
        self._axis = year_height + px(22)
        top = self._axis + px(42)
        size = QSize(px(CARD_WIDTH), max(px(240), viewport.height() - top - px(6)))
        step = size.width() + px(36)
        for index, card in enumerate(self.cards):
            card.place(QRect(QPoint(margin + index * step, top), size))
        for label, card in self.years:
            label.move(card.base.left(), self._axis - px(16) - label.height())
        width = margin * 2 + max(0, len(self.cards) * step - px(36))
        self.setFixedSize(max(width, viewport.width()), viewport.height())

    def _arrange_vertical(self, viewport: QSize) -> None:
        px, margin = self.theme.px, self.theme.margin
        self._axis = margin + px(14)
        left = margin + px(64)
        width = max(px(240), viewport.width() - left - margin)
        year_height = self._year_height()
        firsts = {id(card): label for label, card in self.years}
        y = px(8)
        for card in self.cards:
            label = firsts.get(id(card))
            if label is not None:
                label.move(left, y)
                y += year_height + px(14)
            height = card.heightForWidth(width)
            card.place(QRect(left, y, width, height))
            y += height + self.theme.gap
        self.setFixedSize(viewport.width(), max(y + px(40), viewport.height()))

    def mark_center(self, card: EventCard) -> QPointF:
        """Where an event's mark sits on the axis."""
        if self.vertical:
            return QPointF(self._axis, card.base.top() + self.theme.px(46))
        return QPointF(card.base.left() + self.theme.px(40), self._axis)

    def connector_end(self, card: EventCard) -> QPointF:
        """Where the line from an event's mark meets its card."""
        center = self.mark_center(card)
        if self.vertical:
            return QPointF(card.base.left() + self.theme.px(14), center.y())
        return QPointF(center.x(), card.base.top() + self.theme.px(14))

    def _mark_rect(self, card: EventCard) -> QRect:
        """What a card's reveal repaints: its mark (with the halo) and its connector."""
        r = self.theme.px(26)
        center = self.mark_center(card)
        mark = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
        return mark.united(QRectF(center, self.connector_end(card)).normalized()).toAlignedRect()

    # reveals -------------------------------------------------------------------------------

    def conceal(self) -> None:
        """Hide every card; each reveals when it next comes into view."""
        for card in self.cards:
            card.conceal()

    def reveal_within(self, visible: QRect) -> int:
        """Reveal the hidden cards that ``visible`` (strip coordinates) shows; how many."""
        due = [card for card in self.cards if not card.revealed and self.seen(card, visible)]
        for order, card in enumerate(due):
            card.reveal(min(order, 6) * REVEAL_STAGGER_MS)
        return len(due)

    def seen(self, card: EventCard, visible: QRect) -> bool:
        """Enough of ``card`` is in ``visible`` to reveal it (a sliver at the edge is not)."""
        seen = card.base.intersected(visible)
        if self.vertical:
            return seen.height() >= min(card.base.height() * 0.2, self.theme.px(120))
        return seen.width() >= card.base.width() * 0.2

    def settle(self) -> None:
        for card in self.cards:
            card.settle()

    def running(self) -> int:
        return sum(card.running for card in self.cards)

    def pin_years(self, visible: QRect) -> None:
        """Keep the year of the cards in view at the left edge (landscape) while it scrolls."""
        if self.vertical:
            return
        margin, gap = self.theme.margin, self.theme.gap
        for index, (label, card) in enumerate(self.years):
            x = max(card.base.left(), visible.left() + margin)
            if index + 1 < len(self.years):
                x = min(x, self.years[index + 1][1].base.left() - label.width() - gap)
            label.move(max(card.base.left(), x), label.y())

    # painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._ground is not None:
            self._ground(painter)
        if not self.cards:
            return
        palette, px = self.theme.palette, self.theme.px
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        first, last = self.mark_center(self.cards[0]), self.mark_center(self.cards[-1])
        if self.vertical:
            start, end = QPointF(first.x(), px(8)), QPointF(last.x(), self.height() - px(20))
        else:
            start, end = QPointF(px(8), first.y()), QPointF(self.width() - px(8), last.y())
        line = QLinearGradient(start, end)  # the axis fades in and out at its ends
        line.setColorAt(0.0, palette.color("accent", 0.0))
        line.setColorAt(0.04, palette.color("accent", 0.55))
        line.setColorAt(0.96, palette.color("accent", 0.55))
        line.setColorAt(1.0, palette.color("accent", 0.0))
        painter.setPen(QPen(line, max(1.5, px(3))))
        painter.drawLine(start, end)
        dirty = event.rect()
        radius = px(11)
        for card in self.cards:
            if not dirty.intersects(self._mark_rect(card)):
                continue
            level = card.reveal_level
            center = self.mark_center(card)
            painter.setPen(QPen(palette.color("accent", 0.35 * level), max(1.0, px(2))))
            painter.drawLine(center, self.connector_end(card))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color("accent", 0.18 * level))
            halo = radius * (1.0 + 1.1 * level)
            painter.drawEllipse(center, halo, halo)
            painter.setBrush(palette.color("ground"))
            painter.setPen(QPen(palette.color("accent"), max(1.5, px(3))))
            painter.drawEllipse(center, radius, radius)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color("accent", level))
            painter.drawEllipse(center, radius * 0.55 * level, radius * 0.55 * level)
