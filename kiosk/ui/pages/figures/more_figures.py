"""'More figures': the charts and figures the spread leaves out, on a panel over the page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QRect, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Content
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
LANDED_MS = 40  # the cards start this long after the panel lands: two frames' margin


CARD_MIN_WIDTH = 560  # px at 1080: a chart of 'More figures' in a two-column grid
TILE_MIN_WIDTH = 480  # px at 1080: a figure of 'More figures' in a row of three
PANEL_PAD = 20  # px at 1080: the panel's margin around its grid
GRID_PAD = 24  # px at 1080: the grid's margin on either side of its cards


class MoreFigures(DetailOverlay):
    """The rest of the key figures: charts, then every figure no chart draws, as count-up
    tiles in a kinetic scroll; they play when it opens."""

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(theme, parent, DetailPanel(theme))
        self.setObjectName("more-figures")
        self.back.setObjectName("more-back")
        self.charts: list[ChartCard] = []
        self.tiles: list[CountUpTile] = []
        self._later: Spread | None = None  # what to build when it opens (rebuild_later)
        self._language: tuple[Content, Language] | None = None
        self.title = TextLabel(self.panel, wrap=False)
        self.area, self.kinetic = touch_scroll_area(self.panel, theme, "surface")
        top = QHBoxLayout()
        top.setSpacing(theme.gap)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self.panel)
        pad = theme.px(PANEL_PAD)
        layout.setContentsMargins(pad, pad, pad, 0)
        layout.setSpacing(theme.px(12))
        layout.addLayout(top)
        layout.addWidget(self.area, 1)

    def panel_rect(self) -> QRect:
        theme = self.theme
        return self.rect().adjusted(theme.margin, theme.page_top, -theme.margin, -theme.px(76))

    def rebuild(self, spread: Spread) -> None:
        """Cards for what ``spread`` leaves out (in the language ``set_language`` gives): the
        charts two to a row, the figures three (each as wide as Home's tiles at least); one
        column in portrait, and where two would leave a chart too narrow for its labels
        (larger text in reach mode's square). A shorter last row's cards are wider."""
        body = QWidget()
        grid = QGridLayout(body)
        theme = self.theme
        grid.setContentsMargins(theme.px(GRID_PAD), theme.px(8), theme.px(GRID_PAD), theme.px(40))
        grid.setSpacing(theme.gap)
        self.charts = [ChartCard(c, theme, body) for c in spread.more_charts]
        self.tiles = [CountUpTile(f, theme, body) for f in spread.more_figures]
        scale = theme.access.text_scale
        narrow = theme.width / 2 < theme.px(CARD_MIN_WIDTH * scale)
        chart_columns = 1 if theme.portrait or narrow else 2
        room = theme.width - 2 * (theme.margin + theme.px(PANEL_PAD + GRID_PAD))
        tile_columns = max(1, min(3, int(room / theme.px(TILE_MIN_WIDTH * scale))))
        if chart_columns == 1:
            tile_columns = 1
        place_rows(
            grid,
            [
                (self.charts, even_rows(len(self.charts), chart_columns)),
                (self.tiles, even_rows(len(self.tiles), tile_columns)),
            ],
        )
        old = self.area.takeWidget()
        if old is not None:
            old.deleteLater()
        body.setAutoFillBackground(False)
        self.area.setWidget(body)
        self._later = None

    def rebuild_later(self, spread: Spread) -> None:
        """Build the cards for ``spread`` when the panel next opens: a language switch that
        moves a chart between the spread and here does not wait for a whole panel of charts
        (about 140 ms) that the visitor may never open."""
        self._later = spread

    def set_language(self, content: Content, lang: Language) -> None:
        font = self.theme.font
        self._language = (content, lang)
        self.back.set_text(content.string("detail.back", lang), font("button", lang))
        self.title.setFont(font("title", lang))
        self.title.setText(content.string("figures.more", lang))
        if self._later is None:  # cards built later are translated then
            for card in self.cards:
                card.set_language(content, lang)

    @property
    def cards(self) -> list[ChartCard | CountUpTile]:
        return [*self.charts, *self.tiles]

    def open(self, animate: bool = True) -> None:
        """Show the rest from the top, counting and drawing as it opens."""
        if self._later is not None and self._language is not None:
            spread, self._later = self._later, None
            self.rebuild(spread)
            self.set_language(*self._language)
        self.kinetic.scroller.stop()
        self.area.verticalScrollBar().setValue(0)
        # the cards at their start before the panel's picture is taken: it slides in with
        # empty charts and figures at zero, which start once it has landed and the frame it
        # lands on has stood on that picture (the live panel's first frame drew every chart
        # whole: 26-31 ms at 4K)
        for index, card in enumerate(self.cards):
            if animate:
                card.play(delay_ms=min(index, 8) * STAGGER_MS + self.open_ms + LANDED_MS)
            else:
                card.settle()
        self.reveal(animate)

    def on_closed(self) -> None:
        self.settle_cards()

    def settle_cards(self) -> None:
        """Every chart and count-up at its end."""
        for card in self.cards:
            card.settle()

    def running_animations(self) -> int:
        running = QAbstractAnimation.State.Running
        return sum(card.sequence.state() == running for card in self.cards)
