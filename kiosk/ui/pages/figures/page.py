"""Key figures as one spread: a few big numbers and at most two charts on one screen, with no
scrolling; the rest one tap away under 'More figures' (see ``kiosk.content.spread``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.content.spread import Spread, leaving_out, plan_spread
from kiosk.i18n import Language
from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.figures.chart_card import ChartCard
from kiosk.ui.pages.figures.hero import HeroFigure
from kiosk.ui.pages.figures.more_figures import MoreFigures
from kiosk.ui.pages.figures.tile import CountUpTile
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import PillButton
from kiosk.ui.widgets.scroll import add_scrolling
from kiosk.ui.widgets.text import TextLabel

STAGGER_MS = 90
MORE = "more"  # the one detail of the page


def hero_rows(count: int, portrait: bool) -> list[int]:
    """How many heroes stand in each row: one row in landscape; in portrait up to three a row,
    the fuller row first (4: 2 + 2, 5: 3 + 2, 6: 3 + 3)."""
    if count <= 0:
        return []
    if not portrait or count <= 3:
        return [count]
    first = (count + 1) // 2
    return [first, count - first]


def invalidate(layout: QLayout) -> None:
    """Forget the sizes ``layout`` and every layout in it computed (a parent's ``invalidate``
    keeps its children's: their minimum would still count a widget just hidden)."""
    for index in range(layout.count()):
        inner = layout.itemAt(index).layout()
        if inner is not None:
            invalidate(inner)
    layout.invalidate()


class FiguresPage(PageView):
    """The numbers of the exhibition, counting up and drawing when the page is entered."""

    page_id = "figures"

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(session, theme, parent)
        self.planned = Spread((), (), (), ())  # the content's spread
        self.spread = self.planned  # what the screen has room for: see ``fit``
        self.heroes: list[HeroFigure] = []
        self._chart_cards: list[ChartCard] = []  # one for each planned chart, shown or not
        self.title = TextLabel(self, balance=True)
        self.caption = TextLabel(self, role="dim")
        self.more_button = PillButton(theme, self)
        self.more_button.setObjectName("figures-more")
        self.more_button.clicked.connect(lambda: self.show_detail(MORE))
        self.empty = TextLabel(self, role="dim")
        self.sources = TextLabel(self, role="dim", max_lines=3 if theme.portrait else 2)
        self.sources.setObjectName("figures-sources")
        self.more = MoreFigures(theme, self)
        self._heroes_box = QVBoxLayout()
        self._heroes_box.setSpacing(theme.gap)
        # the charts stand side by side in landscape; one under the other in portrait, and in
        # reach mode's square, where the spread scrolls and side by side would cut their values
        self._charts_box = QBoxLayout(
            QBoxLayout.Direction.TopToBottom
            if theme.portrait or theme.reach_square
            else QBoxLayout.Direction.LeftToRight
        )
        self._charts_box.setSpacing(theme.gap)
        head = QHBoxLayout()
        head.setSpacing(theme.gap)
        head.addWidget(self.title, 1)
        head.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, theme.page_top, m, theme.page_bottom)
        layout.setSpacing(theme.px(8))
        layout.addLayout(head)
        layout.addWidget(self.caption)
        # The spread fits the screen; in larger text, or in reach mode's shorter room, it may
        # not, and scrolls rather than squeeze its numbers and charts into each other. (Without
        # scrolling its parts stand in the page's own layout: the spread is fitted to the pixel.)
        body = layout
        if theme.access.reflows:
            body = QVBoxLayout()
            body.setContentsMargins(0, 0, 0, 0)
            body.setSpacing(theme.px(8))
            add_scrolling(layout, self, body, "figures", True, theme)
        body.addLayout(self._heroes_box)
        body.addLayout(self._charts_box, 1)
        body.addWidget(self.sources)
        body.addWidget(self.empty)
        self.rebuild()
        self.retranslate()

    @property
    def spread_charts(self) -> list[ChartCard]:
        """The chart cards standing on the spread."""
        shown = {c.id for c in self.spread.charts}
        return [card for card in self._chart_cards if card.chart.id in shown]

    @property
    def charts(self) -> list[ChartCard]:
        """Every chart card: the spread's, then those under 'More figures'."""
        return [*self.spread_charts, *self.more.charts]

    @property
    def tiles(self) -> list[CountUpTile]:
        """The figures no chart draws and no hero shows, under 'More figures'."""
        return self.more.tiles

    def rebuild(self) -> None:
        self.more.dismiss(animate=False)
        for widget in [*self.heroes, *self._chart_cards]:
            widget.deleteLater()
        for box in (self._heroes_box, self._charts_box):
            while box.count():
                item = box.takeAt(0)
                inner = item.layout() if item is not None else None
                if inner is not None:
                    inner.deleteLater()
        content = self.content
        self.planned = self.spread = plan_spread(content.figures, content.charts)
        theme = self.theme
        self.heroes = [HeroFigure(f, theme, self) for f in self.spread.heroes]
        start = 0
        for count in hero_rows(len(self.heroes), theme.portrait or theme.reach_square):
            row = QHBoxLayout()
            row.setSpacing(theme.gap)
            peers = self.heroes[start : start + count]
            for hero in peers:
                row.addWidget(hero, 1)
                hero.number.peers = [p.number for p in peers if p is not hero]
            start += count
            self._heroes_box.addLayout(row)
        self._chart_cards = [ChartCard(c, theme, self, compact=True) for c in self.planned.charts]
        for card in self._chart_cards:
            self._charts_box.addWidget(card, 1)
        self.more.rebuild(self.spread)
        self.more_button.setVisible(self.spread.has_more)
        self.empty.setVisible(not self.heroes and not self._chart_cards)

    def _stand(self, spread: Spread) -> None:
        """Stand ``spread``'s charts on the page, the others hidden there."""
        self.spread = spread
        shown = {c.id for c in spread.charts}
        for card in self._chart_cards:
            if card.isHidden() and card.chart.id in shown:
                card.settle()  # back on the page, whole ('enter' plays it)
            card.setHidden(card.chart.id not in shown)
        self.sources.setText(self.credits(self.language))  # the language its texts are in

    def fit(self, translating: bool = False) -> None:
        """Leave under 'More figures' the charts the screen has no room for, the tallest first,
        so nothing stands on anything: a curator's longer words, another language or a smaller
        screen may need more height than the page has. Where the spread scrolls (larger text,
        reach mode), every chart stays. ``translating``: on a language switch, a hidden 'More
        figures' is built again only when it opens."""
        if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return  # not yet given its size on screen: 'resizeEvent' fits it
        before = self.spread.charts
        spread = self.planned
        left_out: set[str] = set()
        if not self.theme.access.reflows:
            cards = {card.chart.id: card for card in self._chart_cards}
            layout = self.layout()
            while spread.charts:
                self._stand(spread)
                invalidate(layout)
                if layout.totalMinimumHeightForWidth(self.width()) <= self.height():
                    break
                tallest = max(
                    spread.charts,
                    key=lambda c: (
                        cards[c.id].layout().totalMinimumHeightForWidth(cards[c.id].width())
                    ),
                )
                left_out.add(tallest.id)
                spread = leaving_out(self.planned, left_out, self.content.charts)
        self._stand(spread)
        if spread.charts != before:
            if translating and self.more.isHidden():
                self.more.rebuild_later(spread)  # a visitor's tap waits for no hidden panel
            else:
                self.more.rebuild(spread)
                self.more.set_language(self.content, self.language)
                if not self.more.isHidden():
                    self.more.settle_cards()
        self.more_button.setVisible(spread.has_more)

    def retranslate(self) -> None:
        lang = self.session.language
        content = self.content
        self.set_heading(self.title, self.caption)
        self.more_button.set_text(
            content.string("figures.more", lang), self.theme.font("button", lang)
        )
        for card in [*self.heroes, *self._chart_cards]:
            card.set_language(content, lang)
        self.sources.setFont(self.theme.font("caption", lang))
        self.sources.setText(self.credits(lang))
        self.empty.setFont(self.theme.font("lead", lang))
        self.empty.setText(self.session.text("page.empty"))
        self.fit(translating=True)  # the words of another language take another height
        self.more.set_language(content, lang)

    def credits(self, lang: Language) -> str:
        """Every source of what the spread shows, once each, in the order first shown."""
        figures = [*self.spread.heroes, *(f for c in self.spread.charts for f in c.figures)]
        sources = {f.source.id: f.source for f in figures}
        return self.content.format_sources(list(sources.values()), lang) if sources else ""

    @property
    def cards(self) -> list[HeroFigure | ChartCard]:
        """What plays on the spread."""
        return [*self.heroes, *self.spread_charts]

    def enter(self) -> None:
        for index, card in enumerate(self.cards):
            card.play(delay_ms=min(index, 8) * STAGGER_MS)

    def leave(self) -> None:
        self.settle()

    def settle(self) -> None:
        for card in self.cards:
            card.settle()
        self.more.settle()
        self.more.settle_cards()

    def reset(self) -> None:
        self.more.dismiss(animate=False)

    def close_details(self) -> None:
        self.more.dismiss(animate=self.isVisible())

    def details(self) -> list[str]:
        return [MORE] if self.spread.has_more else []

    def show_detail(self, detail_id: str) -> None:
        if detail_id == MORE and self.spread.has_more:
            self.more.open(animate=self.isVisible())

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.fit()
        if not self.more.isHidden():
            self.more.setGeometry(self.rect())
            self.more.place_panel()

    def running_animations(self) -> int:
        running = QAbstractAnimation.State.Running
        playing = sum(card.sequence.state() == running for card in self.cards)
        return playing + self.more.running_animations() + int(self.more.animating)
