"""Home: the exhibition title, its subtitle and a tile into every other page."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.home.tile import PageTile
from kiosk.ui.session import Session
from kiosk.ui.theme import TYPE_SCALE, Theme
from kiosk.ui.widgets.artwork import render_artwork
from kiosk.ui.widgets.rows import even_rows, place_rows
from kiosk.ui.widgets.text import QWIDGETSIZE_MAX, TextLabel

CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
# The title gives way first when Home is short of room: down to a page title's size.
TITLE_FLOOR = TYPE_SCALE["headline"][0] / TYPE_SCALE["display"][0]


TILE_MIN_WIDTH = 480  # px at 1080: no column of tiles is narrower (reach mode's square)


def tile_rows(count: int, portrait: bool, columns: int = 0) -> list[int]:
    """How many tiles each row of Home's grid holds: rows as even as can be, the fuller first,
    and every row as wide as the grid (a shorter row has wider tiles), so no count leaves a
    hole: 5 is 3 + 2, 7 is 4 + 3 in landscape; 3 is 2 + 1, 5 is 2 + 2 + 1 in portrait.
    ``columns``: the most the width has room for (0: no limit)."""
    if count <= 0:
        return []
    most = 2 if portrait or count == 4 else (4 if count >= 7 else 3)
    return even_rows(count, min(most, columns) if columns > 0 else most)


class HomePage(PageView):
    """The title page."""

    page_id = "home"

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(session, theme, parent)
        self.tiles: list[PageTile] = []
        self._backdrop = QPixmap()
        self.title = TextLabel(self, align=CENTER, balance=True, floor=TITLE_FLOOR)
        self.subtitle = TextLabel(self, role="dim", align=CENTER, balance=True)
        self.tagline = TextLabel(self, role="accent", align=CENTER)
        self._grid = QGridLayout()
        self._grid.setSpacing(theme.gap)
        grid_row = QHBoxLayout()
        grid_row.addStretch(1)
        grid_row.addLayout(self._grid, 100)
        grid_row.addStretch(1)
        layout = QVBoxLayout(self)
        # the page is the screen's size: its texts give way (_fit_title), it never grows
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        m = theme.margin
        layout.setContentsMargins(m, theme.page_top, m, theme.page_bottom)  # clear of the dots
        layout.setSpacing(theme.px(16))
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        # reach mode: the band above the reach line shows the title and subtitle (ReachCap); the
        # room below is for the tiles
        self.title.setVisible(not theme.access.reach)
        self.subtitle.setVisible(not theme.access.reach)
        layout.addStretch(3)
        layout.addWidget(self.tagline)
        layout.addSpacing(theme.px(12))
        layout.addLayout(grid_row)
        self._grid_row = grid_row
        self.rebuild()
        self.retranslate()

    def rebuild(self) -> None:
        for tile in self.tiles:
            self._grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        pages = [p for p in self.content.ordered_pages() if p.id != self.page_id]
        theme = self.theme
        room = max(1, (theme.width - 2 * theme.margin) // theme.px(TILE_MIN_WIDTH))
        rows = tile_rows(len(pages), theme.portrait, room)
        for page in pages:
            tile = PageTile(page.id, page.icon, self.theme, self)
            tile.clicked.connect(lambda pid=page.id: self.navigate_requested.emit(pid))
            self.tiles.append(tile)
        place_rows(self._grid, [(self.tiles, rows)])
        if len(pages) == 1:  # a lone tile should not stretch across the whole screen
            for tile in self.tiles:
                tile.setMaximumWidth(self.theme.px(640))
        home = self.content.pages.get(self.page_id)
        self._backdrop_path = home.backdrop if home else None
        self._backdrop = QPixmap()

    def retranslate(self) -> None:
        lang = self.session.language
        self.title.setFont(self.theme.font("display", lang))
        self.subtitle.setFont(self.theme.font("lead", lang))
        self.tagline.setFont(self.theme.font("body", lang))
        self.title.setText(self.session.text("app.title"))
        self.subtitle.setText(self.session.text("app.subtitle"))
        self.tagline.setText(self.session.text("app.tagline"))
        for tile in self.tiles:
            page = self.content.pages[tile.page_id]
            tile.set_texts(page.title.get(lang), page.caption.get(lang), lang)
        self._fit_title()

    def _fit_title(self) -> None:
        """The title takes the height the rest leaves it. A long one (larger text, another
        exhibition's words) steps down towards a page title's size, and is cut only past it,
        rather than let the tiles be squeezed into each other below one line of each text.
        In reach mode, where the band shows the title, the hint gives way instead (down to a
        line, cut with '…')."""
        layout = self.layout()
        if layout is None:
            return
        giver = self.tagline if self.title.isHidden() else self.title
        # short of room even before the title gives way: each caption keeps one line
        tight = self._room_for(giver, layout, preferred=True) != QWIDGETSIZE_MAX
        for tile in self.tiles:
            tile.set_tight(tight)
        for label in (self.title, self.tagline):
            limit = self._room_for(label, layout) if label is giver else QWIDGETSIZE_MAX
            if label is self.tagline and limit != QWIDGETSIZE_MAX:
                limit = max(limit, label.fontMetrics().height())
            if limit != label.maximumHeight():
                label.setMaximumHeight(limit)
        layout.activate()  # what changed is laid out now, not on the event loop's next pass

    def _room_for(self, giver: TextLabel, layout: QLayout, preferred: bool = False) -> int:
        """The most height ``giver`` may take (Qt's 'no maximum' when it has all it asks)
        beside the tiles at their least, or at the height they ask (``preferred``)."""
        if giver.isHidden() or not self.tiles:
            return QWIDGETSIZE_MAX
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        need = margins.top() + margins.bottom()
        shown = [layout.itemAt(i) for i in range(layout.count())]
        for index, item in enumerate(shown):
            widget = item.widget()
            if item.layout() is self._grid_row:
                need += self._tiles_height(preferred)
            elif item.spacerItem() is not None:
                need += item.sizeHint().height()  # stretches ask nothing, spacings their size
            elif widget is not None and widget is not giver and not widget.isHidden():
                need += widget.heightForWidth(width)
            if not item.isEmpty() and index < len(shown) - 1:
                need += layout.spacing()
        room = self.height() - need
        return max(0, room) if room < giver.heightForWidth(width) else QWIDGETSIZE_MAX

    def _tiles_height(self, preferred: bool = False) -> int:
        """The grid's height with every tile at its least (one line of title and caption),
        or at the height its words ask at its width (``preferred``)."""
        rows: dict[int, int] = {}
        for tile in self.tiles:
            row = self._grid.getItemPosition(self._grid.indexOf(tile))[0]
            least = tile.least_height()
            height = max(least, tile.heightForWidth(tile.width())) if preferred else least
            rows[row] = max(rows.get(row, 0), height)
        return sum(rows.values()) + self._grid.verticalSpacing() * max(0, len(rows) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._backdrop = QPixmap()
        super().resizeEvent(event)
        self._fit_title()

    def _faded(self, art: QPixmap) -> QPixmap:
        """The backdrop with its upper half faded out: whatever a curator's artwork holds
        there, none of it stands behind the title and subtitle (docs/content.md)."""
        size = art.deviceIndependentSize()
        height = size.height()
        fade = QLinearGradient(
            0, height * 0.5 - self.theme.px(24), 0, height * 0.5 + self.theme.px(56)
        )
        fade.setColorAt(0.0, QColor(0, 0, 0, 0))
        fade.setColorAt(1.0, QColor(0, 0, 0, 255))
        painter = QPainter(art)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
        painter.fillRect(QRectF(QPointF(), size), QBrush(fade))
        painter.end()
        return art

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.theme.palette
        self.paint_ground(painter)
        if self._backdrop_path is not None and not self.theme.plain:  # no art in high contrast
            width = self.width()
            height = round(width / 3)
            if self._backdrop.isNull():
                self._backdrop = self._faded(
                    render_artwork(
                        self._backdrop_path,
                        QSize(width, height),
                        self.devicePixelRatioF(),
                        palette.color("ground"),
                    )
                )
            # its lower half starts under the subtitle; its upper half fades out (_faded)
            top = round(self.subtitle.geometry().bottom() + self.theme.px(40) - height * 0.5)
            painter.setOpacity(0.85)
            painter.drawPixmap(0, top, self._backdrop)
            painter.setOpacity(1.0)
            self._paint_calm(painter, self.tagline.geometry())

    def _paint_calm(self, painter: QPainter, words: QRect) -> None:
        """A soft pool of the ground behind the hint's words over the backdrop: the artwork
        never runs through a text."""
        text = self.tagline.text()
        if not text:
            return
        width = QFontMetricsF(self.tagline.font()).horizontalAdvance(text)
        rx = width / 2 + self.theme.px(120)
        ry = words.height() / 2 + self.theme.px(22)
        centre = QPointF(words.center())
        pool = QRadialGradient(QPointF(0, 0), rx)
        pool.setColorAt(0.0, self.theme.palette.color("ground", 0.94))
        pool.setColorAt(0.75, self.theme.palette.color("ground", 0.92))
        pool.setColorAt(1.0, self.theme.palette.color("ground", 0.0))
        brush = QBrush(pool)
        brush.setTransform(QTransform(1, 0, 0, ry / rx, centre.x(), centre.y()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(brush)
        painter.drawEllipse(centre, rx, ry)
