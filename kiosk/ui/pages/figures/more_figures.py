"""'More figures': the charts and figures the spread leaves out, on a panel over the page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractAnimation, QRect, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Chart, Content
from kiosk.content.spread import Spread
from kiosk.i18n import Language
from kiosk.ui.pages.figures.chart_card import ChartCard
from kiosk.ui.pages.figures.tile import CountUpTile
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.detail_overlay import DetailOverlay, DetailPanel
from kiosk.ui.widgets.rows import even_rows, place_rows
from kiosk.ui.widgets.scroll import touch_scroll_area
from kiosk.ui.widgets.text import TextLabel

STAGGER_MS = 70


CARD_MIN_WIDTH = 560  # px at 1080: a chart of 'More figures' in a two-column grid
TILE_MIN_WIDTH = 480  # px at 1080: a figure of 'More figures' in a row of three


class MoreFigures(DetailOverlay):
    """The rest of the key figures: charts, then every figure no chart draws, as count-up
    tiles in a kinetic scroll; they play when it opens."""

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(theme, parent, DetailPanel(theme))
        self.setObjectName("more-figures")
        self.back.setObjectName("more-back")
        self._chart_cards: list[ChartCard] = []  # one for each chart, shown here or not
        self.tiles: list[CountUpTile] = []
        self._language: tuple[Content, Language] | None = None
        self.grid = QGridLayout()
        self.title = TextLabel(self.panel, wrap=False)
        self.area, self.kinetic = touch_scroll_area(self.panel, theme, "surface")
        top = QHBoxLayout()
        top.setSpacing(theme.gap)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self.panel)
        pad = theme.px(20)
        layout.setContentsMargins(pad, pad, pad, 0)
        layout.setSpacing(theme.px(12))
        layout.addLayout(top)
        layout.addWidget(self.area, 1)

    def panel_rect(self) -> QRect:
        theme = self.theme
        return self.rect().adjusted(theme.margin, theme.page_top, -theme.margin, -theme.px(76))

    def rebuild(self, spread: Spread, charts: Sequence[Chart]) -> None:
        """Cards for every chart of ``charts`` (the content's: the spread may leave any of them
        here, see ``show_charts``) and for the figures ``spread`` leaves out."""
        body = QWidget()
        self.grid = QGridLayout(body)
        theme = self.theme
        self.grid.setContentsMargins(theme.px(24), theme.px(8), theme.px(24), theme.px(40))
        self.grid.setSpacing(theme.gap)
        self._chart_cards = [ChartCard(c, theme, body) for c in charts]
        self.tiles = [CountUpTile(f, theme, body) for f in spread.more_figures]
        old = self.area.takeWidget()
        if old is not None:
            old.deleteLater()
        body.setAutoFillBackground(False)
        self.show_charts(spread)
        self.area.setWidget(body)

    def show_charts(self, spread: Spread) -> None:
        """Show here the charts ``spread`` leaves out, in their order, two to a row."""
        here = {c.id for c in spread.more_charts}
        for card in self._chart_cards:
            card.setHidden(card.chart.id not in here)
            if card.chart.id in here and self._language is not None:
                content, lang = self._language
                if card.plot.chart is None or card.plot.lang != lang:  # as last shown
                    card.set_language(content, lang)
        while self.grid.count():
            self.grid.takeAt(0)
        # charts two to a row, figures three (each as wide as Home's tiles at least); one
        # column in portrait, and where two would leave a chart too narrow for its labels
        # (larger text in reach mode's square). A shorter last row's cards are wider.
        theme = self.theme
        scale = theme.access.text_scale
        narrow = theme.width / 2 < theme.px(CARD_MIN_WIDTH * scale)
        two = 1 if theme.portrait or narrow else 2
        room = theme.width - 2 * theme.margin - theme.px(88)  # the panel's and grid's margins
        three = max(1, min(3, int(room / theme.px(TILE_MIN_WIDTH * scale))))
        charts = self.charts
        place_rows(
            self.grid,
            [
                (charts, even_rows(len(charts), two)),
                (self.tiles, even_rows(len(self.tiles), three if two > 1 else 1)),
            ],
        )

    def set_language(self, content: Content, lang: Language) -> None:
        font = self.theme.font
        self._language = (content, lang)
        self.back.set_text(content.string("detail.back", lang), font("button", lang))
        self.title.setFont(font("title", lang))
        self.title.setText(content.string("figures.more", lang))
        for card in self.cards:  # a chart on the spread instead: when it comes back here
            card.set_language(content, lang)

    @property
    def charts(self) -> list[ChartCard]:
        """The charts shown here: those the spread leaves out."""
        return [card for card in self._chart_cards if not card.isHidden()]

    @property
    def cards(self) -> list[ChartCard | CountUpTile]:
        return [*self.charts, *self.tiles]

    def open(self, animate: bool = True) -> None:
        """Show the rest from the top, counting and drawing as it opens."""
        self.kinetic.scroller.stop()
        self.area.verticalScrollBar().setValue(0)
        self.reveal(animate)
        for index, card in enumerate(self.cards):
            if animate:
                card.play(delay_ms=min(index, 8) * STAGGER_MS + self.open_ms)
            else:
                card.settle()

    def on_closed(self) -> None:
        self.settle_cards()

    def settle_cards(self) -> None:
        """Every chart and count-up at its end."""
        for card in self.cards:
            card.settle()

    def running_animations(self) -> int:
        running = QAbstractAnimation.State.Running
        return sum(card.sequence.state() == running for card in self.cards)
