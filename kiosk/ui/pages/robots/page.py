"""Robot showcase: the robots and machines of the article in a swipeable carousel of cards."""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.robots.robot_card import RobotCard
from kiosk.ui.pages.robots.robot_detail import RobotDetail
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import ChevronButton
from kiosk.ui.widgets.carousel import Carousel
from kiosk.ui.widgets.dots import Dots
from kiosk.ui.widgets.text import TextLabel

CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


class RobotsPage(PageView):
    """One card per robot; a tap on the centred card opens its detail over the page."""

    page_id = "robots"

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(session, theme, parent)
        self.cards: list[RobotCard] = []
        self.title = TextLabel(self)
        self.caption = TextLabel(self, role="dim")
        self.empty = TextLabel(self, role="dim", align=CENTER)
        self.carousel = Carousel(theme, self)
        self.carousel.set_ground(self, self.paint_ground)
        self.carousel.size_policy = self._card_size
        self.previous = ChevronButton(-1, theme, self, side=theme.px(104))
        self.previous.setObjectName("robot-previous")
        self.next = ChevronButton(1, theme, self, side=theme.px(104))
        self.next.setObjectName("robot-next")
        self.dots = Dots(theme, self, counter=True)
        self.dots.setObjectName("robot-dots")
        self.detail = RobotDetail(theme, self)

        m = theme.margin
        words = QVBoxLayout()
        words.setContentsMargins(m, 0, m, 0)
        words.setSpacing(theme.px(8))
        words.addWidget(self.title)
        words.addWidget(self.caption)
        controls = QHBoxLayout()
        controls.setSpacing(theme.px(28))
        controls.addStretch(1)
        controls.addWidget(self.previous)
        controls.addWidget(self.dots)
        controls.addWidget(self.next)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, theme.page_top, 0, theme.page_bottom)
        layout.setSpacing(0)
        layout.addLayout(words)
        layout.addSpacing(theme.px(28))
        layout.addWidget(self.carousel, 1)
        layout.addWidget(self.empty, 1)
        layout.addSpacing(theme.px(20))
        layout.addLayout(controls)

        self.carousel.current_changed.connect(self._on_current_changed)
        self.carousel.position_changed.connect(self.dots.set_position)
        self.dots.chosen.connect(self.carousel.scroll_to)
        self.carousel.card_activated.connect(self.open_detail)
        self.previous.clicked.connect(lambda: self.carousel.step(-1))
        self.next.clicked.connect(lambda: self.carousel.step(1))
        self.rebuild()
        self.retranslate()
        # the stack sizes a page right after building it, hidden: lay it out and draw the first
        # cards then, so the first frame that slides the page in does not wait for them
        QTimer.singleShot(0, self, self._draw_ahead)

    def _draw_ahead(self) -> None:
        if self.isVisible() or not self.cards:
            return
        self.layout().activate()
        self.carousel.set_card_size(self._card_size(self.carousel.size()))

    def _card_size(self, area: QSize) -> QSize:
        """The centred card's size in the carousel's ``area``; neighbours peek at both sides."""
        if self.theme.portrait:
            width = round(area.width() * 0.78)
            return QSize(width, min(area.height(), round(width * 1.3)))
        height = area.height()
        return QSize(min(round(area.width() * 0.66), round(height * 2.2)), height)

    # -- content and language ---------------------------------------------------------------

    def rebuild(self) -> None:
        self.detail.dismiss(animate=False)
        self.cards = [RobotCard(robot, self.theme) for robot in self.content.robots.values()]
        for card in self.cards:
            card.set_language(self.content, self.session.language)
        self.carousel.set_cards(self.cards)
        self.dots.set_count(len(self.cards))
        has_cards = bool(self.cards)
        self.carousel.setVisible(has_cards)
        self.empty.setVisible(not has_cards)
        for control in (self.previous, self.dots, self.next):
            control.setVisible(len(self.cards) > 1)
        self._on_current_changed(self.carousel.current_index)

    def retranslate(self) -> None:
        lang = self.session.language
        self.set_heading(self.title, self.caption)
        self.empty.setFont(self.theme.font("lead", lang))
        self.empty.setText(self.session.text("page.empty"))
        for card in self.cards:
            card.set_language(self.content, lang)
        self.carousel.refresh()
        self.detail.set_language(self.content, lang)  # last: it takes the page under it

    # -- what the visitor does ----------------------------------------------------------------

    def current_card(self) -> RobotCard | None:
        """The card in the middle of the carousel (or on its way there)."""
        return self.cards[self.carousel.current_index] if self.cards else None

    def open_detail(self, index: int, animate: bool = True) -> None:
        card = self.cards[index]
        self.detail.open(card.robot, self.content, self.session.language, animate)

    def _on_current_changed(self, index: int) -> None:
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.cards) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.detail.setGeometry(self.rect())
        super().resizeEvent(event)

    # -- the page's life ----------------------------------------------------------------------

    def enter(self) -> None:
        self.carousel.play_intro()

    def leave(self) -> None:
        self.detail.dismiss(animate=False)
        self.carousel.stop()
        self.settle()

    def settle(self) -> None:
        self.detail.settle()
        self.carousel.settle()
        for animation in self.findChildren(QAbstractAnimation):  # press feedback, too
            if animation.state() == QAbstractAnimation.State.Running and animation.group() is None:
                animation.setCurrentTime(animation.totalDuration())
                animation.stop()

    def reset(self) -> None:
        self.detail.dismiss(animate=False)
        self.carousel.stop()
        self.carousel.scroll_to(0, animate=False)
        self.carousel.draw_ahead_now()  # nobody is watching: no timer is left running
        self.settle()

    def close_details(self) -> None:
        self.detail.dismiss(animate=self.isVisible())

    def details(self) -> list[str]:
        return [card.robot.id for card in self.cards]

    def show_detail(self, detail_id: str) -> None:
        """Bring ``detail_id``'s card to the middle and open its detail."""
        index = next((i for i, c in enumerate(self.cards) if c.robot.id == detail_id), None)
        if index is None:
            return
        self.carousel.scroll_to(index, animate=False)
        self.open_detail(index)

    def advance(self) -> bool:
        if self.detail.is_open:
            self.detail.dismiss()
        return self.carousel.step(1)

    def running_animations(self) -> int:
        running = QAbstractAnimation.State.Running
        animations = sum(
            a.state() == running and a.group() is None
            for a in self.findChildren(QAbstractAnimation)
        )
        return animations + sum(t.isActive() for t in self.findChildren(QTimer))
