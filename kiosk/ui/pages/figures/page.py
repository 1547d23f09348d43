"""Key figures: the charts, then every figure as a count-up tile, in a kinetic scroll."""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, Qt
from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.input import KineticScroll
from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.figures.chart_card import ChartCard
from kiosk.ui.pages.figures.count_up import CountUpTile
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import TextLabel

STAGGER_MS = 70


class FiguresPage(PageView):
    """The numbers of Shenzhen's AI economy, counting up when the page is entered."""

    page_id = "figures"

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(session, theme, parent)
        self.charts: list[ChartCard] = []
        self.tiles: list[CountUpTile] = []
        self.title = TextLabel(self)
        self.caption = TextLabel(self, role="dim")
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.kinetic = KineticScroll(self.scroll)
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, theme.page_top, m, 0)
        layout.setSpacing(theme.px(8))
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addSpacing(theme.px(20))
        layout.addWidget(self.scroll, 1)
        self.rebuild()
        self.retranslate()

    def rebuild(self) -> None:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, self.theme.margin + self.theme.px(40))
        grid.setSpacing(self.theme.gap)
        columns = 1 if self.theme.portrait else 2
        self.charts = [ChartCard(c, self.theme, body) for c in self.content.charts.values()]
        self.tiles = [CountUpTile(f, self.theme, body) for f in self.content.figures.values()]
        cards: list[QWidget] = [*self.charts, *self.tiles]
        for index, card in enumerate(cards):
            grid.addWidget(card, index // columns, index % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        if not cards:
            empty = TextLabel(body, role="dim")
            empty.setObjectName("empty")
            grid.addWidget(empty, 0, 0)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(body)

    def retranslate(self) -> None:
        lang = self.session.language
        self.set_heading(self.title, self.caption)
        for card in self.cards:
            card.set_language(self.content, lang)
        empty = self.scroll.widget().findChild(TextLabel, "empty")
        if empty is not None:
            empty.setFont(self.theme.font("lead", lang))
            empty.setText(self.session.text("page.empty"))

    @property
    def cards(self) -> list[ChartCard | CountUpTile]:
        return [*self.charts, *self.tiles]

    def enter(self) -> None:
        for index, card in enumerate(self.cards):
            card.play(delay_ms=min(index, 8) * STAGGER_MS)

    def leave(self) -> None:
        self.settle()

    def settle(self) -> None:
        for card in self.cards:
            card.settle()

    def reset(self) -> None:
        self.kinetic.scroller.stop()
        self.scroll.verticalScrollBar().setValue(0)

    def running_animations(self) -> int:
        running = QAbstractAnimation.State.Running
        return sum(card.sequence.state() == running for card in self.cards)
