"""Policy & scenarios: the dated events on a timeline that scrolls with a finger.

Landscape scrolls sideways (and keeps its swipes from changing the page), portrait scrolls
down. Cards reveal as they come into view; a tap enlarges an event.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QScrollBar, QScroller, QVBoxLayout, QWidget

from kiosk.ui.input import CLAIMS_SWIPES, KineticScroll
from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.policy.event_detail import EventDetail
from kiosk.ui.pages.policy.timeline import TimelineStrip
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.heading import PageHeading
from kiosk.ui.widgets.text import TextLabel

ADVANCE_MS = 900  # an autoplay step scrolls this long


class PolicyPage(PageView):
    """The timeline of policies, scenarios and targets."""

    page_id = "policy"

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(session, theme, parent)
        self._entered = False
        self.heading = PageHeading(theme, self)
        self.strip = TimelineStrip(theme)
        self.strip.event_tapped.connect(self.show_detail)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("timeline")
        self.scroll.setWidgetResizable(False)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.strip)
        if not theme.portrait:  # sideways drags scroll the timeline, not the pages
            self.scroll.setProperty(CLAIMS_SWIPES, True)
            self.strip.set_ground(self._paint_strip_ground)  # the ground only varies down
        self.scroll.viewport().installEventFilter(self)
        self.bar.valueChanged.connect(self._on_scrolled)
        self.kinetic = KineticScroll(self.scroll)
        self.empty = TextLabel(self, role="dim")
        self.empty.setObjectName("empty")
        self.detail = EventDetail(theme, self)
        m = theme.margin
        heading_row = QHBoxLayout()
        heading_row.setContentsMargins(m, 0, m, 0)
        heading_row.addWidget(self.heading)
        empty_row = QHBoxLayout()
        empty_row.setContentsMargins(m, 0, m, 0)
        empty_row.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, theme.page_top, 0, theme.page_bottom)
        layout.setSpacing(0)
        layout.addLayout(heading_row)
        layout.addSpacing(theme.px(24))
        layout.addLayout(empty_row)
        layout.addWidget(self.scroll, 1)
        self.rebuild()
        self.retranslate()

    @property
    def bar(self) -> QScrollBar:
        """The scroll bar along the timeline."""
        if self.theme.portrait:
            return self.scroll.verticalScrollBar()
        return self.scroll.horizontalScrollBar()

    # PageView ------------------------------------------------------------------------------

    def rebuild(self) -> None:
        self.detail.dismiss(animate=False)
        self.strip.set_events(self.content.events)
        self.empty.setVisible(not self.content.events)
        if not self._entered:
            self.strip.settle()

    def retranslate(self) -> None:
        lang = self.session.language
        self.heading.set_texts(self.content, self.page_id, "policy.hint", lang)
        self.empty.setFont(self.theme.font("lead", lang))
        self.empty.setText(self.session.text("page.empty"))
        self.strip.set_language(self.content, lang)
        self.detail.set_language(self.content, lang)
        self._on_scrolled()

    def enter(self) -> None:
        self._entered = True
        self.strip.conceal()
        self._on_scrolled()

    def leave(self) -> None:
        self._entered = False
        self.kinetic.scroller.stop()
        self.detail.dismiss(animate=False)
        self.settle()

    def settle(self) -> None:
        self.strip.settle()
        self.detail.settle()

    def reset(self) -> None:
        self.kinetic.scroller.stop()
        self.detail.dismiss(animate=False)
        self.bar.setValue(0)

    def details(self) -> list[str]:
        return [event.id for event in self.content.events]

    def show_detail(self, detail_id: str) -> None:
        card = self.strip.card(detail_id)
        if card is None:
            return
        self.kinetic.scroller.stop()
        if not self.visible_rect().contains(card.base):  # bring it into view to grow from it
            start = card.base.top() if self.theme.portrait else card.base.left()
            self.bar.setValue(start - self.theme.margin)
        self.strip.bring_up_to_date(card)
        card.settle()
        self.detail.open_event(card.event, self.content, self.session.language, card)

    def advance(self) -> bool:
        """Scroll on by about one card; False once the end of the timeline is in view."""
        if self.bar.value() >= self.bar.maximum() or self.detail.isVisible():
            return False
        if self.theme.portrait or len(self.strip.cards) < 2:
            step = round(self.scroll.viewport().height() * 0.6)
        else:
            step = self.strip.cards[1].base.left() - self.strip.cards[0].base.left()
        target = min(self.bar.maximum(), self.bar.value() + step)
        point = QPointF(0, target) if self.theme.portrait else QPointF(target, 0)
        self.kinetic.scroller.scrollTo(point, ADVANCE_MS)
        return True

    def running_animations(self) -> int:
        scrolling = self.kinetic.scroller.state() != QScroller.State.Inactive
        return self.strip.running() + int(self.detail.animating) + int(scrolling)

    # scrolling -----------------------------------------------------------------------------

    def visible_rect(self) -> QRect:
        """The part of the timeline in view, in the strip's coordinates."""
        return QRect(-self.strip.pos(), self.scroll.viewport().size())

    def _on_scrolled(self, *_: object) -> None:
        visible = self.visible_rect()
        self.strip.catch_up(visible)
        self.strip.pin_years(visible)
        if self._entered:
            self.strip.reveal_within(visible)

    def _paint_strip_ground(self, painter: QPainter) -> None:
        painter.save()
        painter.translate(-QPointF(self.strip.mapTo(self, QPoint(0, 0))))
        self.paint_ground(painter)
        painter.restore()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.strip.arrange(self.scroll.viewport().size())
            self._on_scrolled()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.detail.setGeometry(self.rect())
