"""Animated pyqtgraph charts in the kiosk's look: bars that grow and lines that draw.

A chart is a plot with no axes, no mouse and no menu: a finger on it never pans or zooms it
(mouse and touch pass through to the card around it, which replays the animation on a tap).
Every text reaches pyqtgraph as plain text (``TextItem.setText`` sets plain text; nothing goes
through ``setHtml`` or a ``LabelItem``), so a caption with tags is shown literally.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QResizeEvent,
    QShowEvent,
    QTextOption,
)
from PySide6.QtWidgets import QWidget

from kiosk.content import Chart, ChartPoint, Content, chart_points
from kiosk.content.charts import bar_scales, nice_ceiling
from kiosk.i18n import Language, fill, format_value
from kiosk.ui.theme import NUMBER_FLOOR, TEXT_FLOOR, Theme
from kiosk.ui.widgets.text import elide_line, fit_text

CACHE = pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
BAR_STAGGER = 0.18  # of the animation: each bar starts this much after the one above it


def _ease(progress: float) -> float:
    return max(0.0, min(1.0, progress))


def _stagger(progress: float, index: int, count: int) -> float:
    """Progress of item ``index`` of ``count`` when the whole chart is at ``progress``."""
    spread = BAR_STAGGER * (count - 1)
    return _ease(progress * (1 + spread) - index * BAR_STAGGER)


class ChartPlot(pg.GraphicsView):
    """A pyqtgraph view styled to the theme: transparent, no axes, inert to mouse and touch.

    A bare view box, not a PlotWidget: a PlotItem builds its options forms and four axes
    whether shown or not, which was most of the cost of making a chart card.
    """

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.theme = theme
        self.chart: Chart | None = None
        self.points: tuple[ChartPoint, ...] = ()
        self.content: Content | None = None
        self.lang: Language = "zh-Hans"
        self.progress = 1.0
        self.compact = False  # on the spread: tighter rows
        self._rects: dict[pg.TextItem, QRect] = {}  # where each text was last drawn
        self._moved: list[pg.TextItem] = []  # texts this frame moved, shown or hid
        self.setFrameShape(pg.QtWidgets.QFrame.Shape.NoFrame)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setInteractive(False)
        self.setAntialiasing(True)
        # The scene would repaint through a queued signal, a second repaint in the same frame;
        # the chart repaints itself with the rest of the window instead (see set_progress).
        self.setViewportUpdateMode(pg.QtWidgets.QGraphicsView.ViewportUpdateMode.NoViewportUpdate)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # a dozen items: no spatial index to go stale while a hidden chart is laid out
        self.scene().setItemIndexMethod(pg.QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
        self.box = pg.ViewBox(enableMouse=False, enableMenu=False, defaultPadding=0)
        self.box.disableAutoRange()
        self.setCentralItem(self.box)

    def addItem(self, item: pg.GraphicsObject) -> None:  # noqa: N802 (pyqtgraph's name)
        self.box.addItem(item)

    def clear(self) -> None:
        """Remove every item the chart drew."""
        for item in list(self.box.addedItems):
            self.box.removeItem(item)

    def text_items(self) -> list[pg.TextItem]:
        """The chart's texts (labels, values), shown or not, in drawing order."""
        return [i for i in self.box.addedItems if isinstance(i, pg.TextItem)]

    def color(self, name: str, alpha: float = 1.0) -> QColor:
        return self.theme.palette.color(name, alpha)

    def text_item(
        self, font: QFont, color: QColor, anchor: tuple[float, float], centred: bool = False
    ) -> pg.TextItem:
        item = pg.TextItem(color=color, anchor=anchor)
        item.setFont(font)
        document = item.textItem.document()
        document.setDocumentMargin(0)
        if centred:
            document.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
        # drawn once into a pixmap, then only moved and faded: no text layout in a frame
        item.setCacheMode(CACHE)
        item.textItem.setCacheMode(CACHE)
        self.addItem(item)
        return item

    def set_chart(self, chart: Chart, content: Content, lang: Language) -> None:
        """Show ``chart`` in ``lang``; keeps the current animation progress."""
        self.chart, self.content, self.lang = chart, content, lang
        self.points = chart_points(chart)
        self.build()
        self._lay_out()

    def amount(self, point: ChartPoint, value: Decimal | None = None) -> str:
        assert self.content is not None
        return self.content.format_amount(
            point.figure.unit,
            point.value if value is None else value,
            point.figure.number.decimals,
            point.qualifier,
            self.lang,
            like=point.value,
        )

    def build(self) -> None:
        """Create the items for ``self.points``."""

    def texts(self) -> list[str]:
        """Every text the chart shows, as plain text, in drawing order."""
        return [i.toPlainText() for i in self.text_items() if i.isVisible()]

    def relayout(self) -> None:
        """Fit ranges and sizes to the plot's pixel size."""

    def set_progress(self, progress: float) -> None:
        """Draw the animation at ``progress`` (0 nothing, 1 the final chart), repainting only
        what :meth:`advance` changed (a whole chart took 3-15 ms a frame at 4K)."""
        self._moved = []
        whole = self.advance(progress)
        self.progress = progress
        if whole:
            self.viewport().update()
        for item in self._moved:  # where it stands now
            self._rects[item] = self._drawn_rect(item)
            self.viewport().update(self._rects[item])

    def advance(self, progress: float) -> bool:
        """Set the chart's items for ``progress``, through :meth:`fade`, :meth:`show_text`
        and :meth:`move`, and mark what else changes (``viewport().update``); True when
        everything may have changed."""
        return True

    def fade(self, item: pg.TextItem, opacity: float) -> None:
        """Set a text's opacity and repaint it, if it changes (a set calls back into Python)."""
        if item.opacity() != opacity:
            item.setOpacity(opacity)
            self.viewport().update(self._rect(item))

    def show_text(self, item: pg.TextItem, visible: bool) -> None:
        if item.isVisible() != visible:
            self.viewport().update(self._rect(item))
            item.setVisible(visible)
            self._moved.append(item)

    def move(self, item: pg.TextItem, x: float, y: float) -> None:
        pos = item.pos()
        if pos.x() != x or pos.y() != y:
            self.viewport().update(self._rect(item))
            item.setPos(x, y)
            self._moved.append(item)

    def _rect(self, item: pg.TextItem) -> QRect:
        """Where a text was last drawn (kept until it moves or the chart is laid out again)."""
        rect = self._rects.get(item)
        if rect is None:
            rect = self._rects[item] = self._drawn_rect(item)
        return rect

    def _drawn_rect(self, item: pg.TextItem) -> QRect:
        """Where a text stands on the viewport, shown or not."""
        item.updateTransform()  # pyqtgraph sets it when painting: the view's range may be new
        return self.mapFromScene(item.sceneBoundingRect()).boundingRect().adjusted(-2, -2, 2, 2)

    def device_rect(self, rect: QRectF, pad: float = 0.0) -> QRect:
        """A rectangle in data units, on the viewport, ``pad`` pixels larger each way."""
        mapped = self.mapFromScene(self.box.mapViewToScene(rect)).boundingRect()
        grow = math.ceil(pad) + 2  # and a margin for antialiasing
        return mapped.adjusted(-grow, -grow, grow, grow)

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(400), self.minimumHeight())  # not pyqtgraph's 640x480

    def refit(self) -> None:
        """Lay the chart out again for its size, with fresh text pictures: a device cache keeps
        only what was once exposed, so a chart first painted elsewhere (a detail's opening
        picture, half out of view) lost its first label and its years until redrawn."""
        for item in self.text_items():
            for cached in (item, item.textItem):
                cached.setCacheMode(cached.CacheMode.NoCache)
                cached.setCacheMode(CACHE)
        self._lay_out()

    def _lay_out(self) -> None:
        """Lay the chart out anew at its progress, and repaint all of it."""
        self.relayout()
        self._rects.clear()
        self.set_progress(self.progress)
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if getattr(self, "chart", None) is not None:  # pyqtgraph resizes during __init__
            self.refit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is not None:  # its texts fit the room it has on screen
            self.refit()


class BarChart(ChartPlot):
    """Horizontal bars, one per figure, each labelled above and valued at its end.

    Bars more than ``SCALE_RATIO`` apart are not drawn on one scale (34 beside 74,032 would be
    a sliver): each group of bars gets a scale of its own, shown as a faint track to a round
    number and named on the bar's label line ('scale 0–80,000').
    """

    def build(self) -> None:
        self.clear()
        theme, lang = self.theme, self.lang
        assert self.content is not None
        first_year = min((p.year for p in self.points), default=0)
        colors = [self.color("warm" if p.year > first_year else "accent") for p in self.points]
        scales = bar_scales([p.value for p in self.points])
        self.separate = len(set(scales)) > 1
        ends = [nice_ceiling(s) for s in scales] if self.separate else scales
        most = max(ends, default=Decimal(1))
        self.factors = [float(most / end) if self.separate else 1.0 for end in ends]
        self.tracks = pg.BarGraphItem(
            x0=[0.0] * len(self.points),
            y=list(range(len(self.points))),
            height=0.4,
            width=[float(most)] * len(self.points),
            brush=self.color("line", 0.45),
            pen=pg.mkPen(None),
        )
        self.tracks.setVisible(self.separate)
        self.addItem(self.tracks)
        self.bars = pg.BarGraphItem(
            x0=[0.0] * len(self.points),
            y=list(range(len(self.points))),
            height=0.4,
            width=[0.0] * len(self.points),
            brushes=[
                self.bar_brush(c, float(p.value) * f)
                for c, p, f in zip(colors, self.points, self.factors, strict=True)
            ],
            pens=[pg.mkPen(c, width=theme.px(2)) for c in colors],
        )
        self.addItem(self.bars)
        self.labels = []
        self.values = []
        self.growths = []
        self.scale_texts = []
        self.full_texts: dict[pg.TextItem, tuple[str, QFont]] = {}
        for point, color, end in zip(self.points, colors, ends, strict=True):
            label = self.text_item(theme.font("body", lang), self.color("text_dim"), (0, 1))
            label.setText(point.figure.label.get(lang))
            self.labels.append(label)
            value_font = self.value_font()
            value = self.text_item(value_font, color, (0, 0.5))
            value.setText(self.amount(point))
            self.values.append(value)
            growth = self.text_item(theme.font("body", lang), self.color("warm"), (1, 1))
            growth.setText(self.content.format_growth(point.figure, lang))
            growth.setVisible(bool(growth.toPlainText()))
            self.growths.append(growth)
            scale = self.text_item(theme.font("caption", lang), self.color("text_dim"), (1, 1))
            if self.separate:
                unit = point.figure.unit
                number = format_value(unit.kind, end, 0, lang, unit.scale, style=unit.style)
                scale.setText(fill(self.content.string("chart.scale", lang), value=number))
            scale.setVisible(self.separate)
            self.scale_texts.append(scale)
            for item, font in ((label, "body"), (growth, "body"), (scale, "caption")):
                self.full_texts[item] = (item.toPlainText(), theme.font(font, lang))
            self.full_texts[value] = (value.toPlainText(), value_font)

    def value_font(self) -> QFont:
        """The values at the bars' ends: title size, one step smaller on the spread."""
        font = self.theme.font("lead" if self.compact else "title", self.lang)
        font.setWeight(QFont.Weight.Bold)
        return font

    def fit(self, item: pg.TextItem, width: float) -> float:
        """Show ``item``'s text on one line of ``width`` pixels, as every label of the kiosk
        does (smaller, then cut with '…'); return the width it takes."""
        text, font = self.full_texts[item]
        floor = NUMBER_FLOOR if item in self.values else TEXT_FLOOR
        # not on screen yet: no room known to fit to, show it whole (it fits when shown)
        room = width if self.isVisible() else 0
        minimum = self.theme.reading_minimum(font.pixelSize())
        fitted = fit_text(text, font, room, wrap=False, floor=floor, minimum=minimum)
        if item.textItem.font() != fitted.font:
            item.setFont(fitted.font)
        if item.toPlainText() != fitted.text:
            item.setText(fitted.text)
        return QFontMetricsF(fitted.font).horizontalAdvance(fitted.text) if fitted.text else 0.0

    @staticmethod
    def bar_brush(color: QColor, length: float) -> QBrush:
        """A bar that brightens towards its end (``length``, in data units): a growing bar
        uncovers it, so a frame repaints only the band its end moved over."""
        gradient = QLinearGradient(0, 0, max(length, 1e-9), 0)
        start, end = QColor(color), QColor(color)
        start.setAlphaF(0.25)
        end.setAlphaF(0.9)
        gradient.setColorAt(0, start)
        gradient.setColorAt(1, end)
        return QBrush(gradient)

    def relayout(self) -> None:
        count = max(1, len(self.points))
        theme = self.theme
        width, height = max(1, self.width()), max(1, self.height())
        above = theme.px(2 if self.compact else 6)  # a label's line box to its bar
        # a label's line as laid out (its text's document rounds the font's line up: at 4K
        # the first label stood 1-2 px above the chart)
        line = QFontMetricsF(theme.font("body", self.lang)).height()
        line = math.ceil(max([line, *(label.boundingRect().height() for label in self.labels)]))
        label_px = line + above
        value_font = QFontMetricsF(self.value_font())
        gap = theme.px(8 if self.compact else 20)
        clear = theme.px(4)  # the last row's value clear of the card's note
        rows_px = height - clear  # where the rows stand
        bar_px = (rows_px - count * label_px - (count - 1) * gap) / count
        bar_px = max(theme.px(16), min(theme.px(44), bar_px))
        overhang = max(0.0, value_font.height() - bar_px) / 2  # a value taller than its bar
        need = label_px + bar_px + overhang  # one row: its label, then its bar
        unit = (
            need + 2.4 * gap
            if count == 1
            else min((rows_px - need) / (count - 1), need + 2.4 * gap)
        )
        unit = max(unit, 1.0)  # pixels from one bar's centre to the next
        top = -(bar_px / 2 + label_px) / unit  # rows from the top; spare room stays below
        self.gap_px = theme.px(16)
        value_room = max(1.0, 0.6 * width - 2 * self.gap_px)
        widest = max((self.fit(v, value_room) for v in self.values), default=0.0)
        reserve = min(0.6, (widest + 2 * self.gap_px) / width)
        self.scale_x: list[float] = []  # where each scale text ends, left of its growth
        for label, growth, scale in zip(self.labels, self.growths, self.scale_texts, strict=True):
            has_growth = bool(self.full_texts[growth][0])
            taken = self.fit(growth, width / 2) + self.gap_px if has_growth else 0.0
            self.scale_x.append(width - taken)
            if self.separate:
                taken += self.fit(scale, max(1.0, width / 2 - taken)) + self.gap_px
            self.fit(label, max(1.0, width - taken))
        drawn = [float(p.value) * f for p, f in zip(self.points, self.factors, strict=True)]
        most = max(
            (float(self.tracks.opts["width"][0]) if self.separate else max(drawn, default=1.0)),
            1e-9,
        )
        if all(p.figure.unit.kind == "percent" for p in self.points):
            most = max(most, 100.0)  # a share is drawn as a share of the whole
        self.x_max = most / (1 - reserve)
        self.px_x = self.x_max / width  # data units per pixel
        self.box.setRange(xRange=(0, self.x_max), yRange=(top, top + height / unit), padding=0)
        self.box.invertY(True)
        self.bars.setOpts(height=bar_px / unit)
        self.tracks.setOpts(height=bar_px / unit)
        rows = zip(self.labels, self.growths, self.scale_texts, self.scale_x, strict=True)
        for index, (label, growth, scale, end) in enumerate(rows):
            y = index - (bar_px / 2 + above) / unit
            label.setPos(0, y)
            growth.setPos(self.x_max, y)
            scale.setPos(end * self.px_x, y)
        bar_min = theme.px(16 if self.compact else 24)
        # a value taller than the thinnest bar stands out above and below it: room for that
        # too, so a row's value never reaches the next row's label (larger text)
        stand_out = max(0.0, value_font.height() - bar_min) / 2
        row = label_px + bar_min + stand_out
        self.setMinimumHeight(round(count * row + (count - 1) * gap + clear))

    def advance(self, progress: float) -> bool:
        before = list(self.bars.opts["width"])
        widths = []
        min_width = self.theme.px(4) * self.px_x
        for index, (point, value) in enumerate(zip(self.points, self.values, strict=True)):
            share = _stagger(progress, index, len(self.points))
            eased = 1 - (1 - share) ** 3
            width = float(point.value) * self.factors[index] * eased
            if point.value > 0 and share > 0:
                width = max(width, min_width)
            widths.append(width)
            self.move(value, round(width / self.px_x + self.gap_px) * self.px_x, index)
            self.fade(value, _ease(share * 1.6 - 0.6))  # the value fades in as its bar ends
        self.bars.setOpts(width=widths)
        for growth, label, scale in zip(self.growths, self.labels, self.scale_texts, strict=True):
            self.fade(growth, _ease(progress * 2 - 1))
            self.fade(scale, _ease(progress * 2 - 1))
            self.fade(label, _ease(progress * 4))
        if len(before) != len(widths):
            return True
        height = float(self.bars.opts["height"])
        pad = self.theme.px(2)  # the bar's outline
        for index, (old, new) in enumerate(zip(before, widths, strict=True)):
            if old != new:  # its gradient stands still: only the band its end swept
                band = QRectF(min(old, new), index - height / 2, abs(new - old), height)
                self.viewport().update(self.device_rect(band, pad))
        return False


class TrendChart(ChartPlot):
    """A line through the years: solid where stated, dashed where projected at a target rate."""

    def build(self) -> None:
        self.clear()
        theme, lang = self.theme, self.lang
        assert self.content is not None
        self.xs = [float(p.year) for p in self.points]
        self.ys = [float(p.value) for p in self.points]
        self.split = max((i for i, p in enumerate(self.points) if p.kind != "projected"), default=0)
        width = theme.px(5)
        self.solid = pg.PlotCurveItem(
            pen=pg.mkPen(self.color("accent"), width=width),
            fillLevel=0,
            brush=self.color("accent", 0.14),
        )
        dash = pg.mkPen(self.color("warm"), width=width, style=Qt.PenStyle.DashLine)
        self.dashed = pg.PlotCurveItem(pen=dash)
        self.baseline = pg.PlotCurveItem(pen=pg.mkPen(self.color("line"), width=theme.px(2)))
        for item in (self.baseline, self.solid, self.dashed):
            self.addItem(item)
        self.dots = pg.ScatterPlotItem(
            size=theme.px(20),
            pen=pg.mkPen(self.color("ground"), width=theme.px(3)),
        )
        self.addItem(self.dots)
        self.values, self.years = [], []
        self.kinds: list[str] = []  # under each year: 'implied', 'projected' or nothing
        self.full_texts: dict[pg.TextItem, tuple[str, QFont]] = {}
        self.shown: list[int] | None = None
        for point in self.points:
            color = self.color("warm" if point.kind == "projected" else "accent")
            value = self.text_item(theme.font("body", lang), color, (0.5, 1), centred=True)
            value.setText(self.amount(point))
            self.values.append(value)
            year = fill(self.content.string("chart.year", lang), text=str(point.year))
            kind = (
                self.content.string(f"chart.{point.kind}", lang) if point.kind != "stated" else ""
            )
            dim = self.color("text_dim")
            font = theme.font("caption", lang)
            label = self.text_item(font, dim, (0.5, 0), centred=True)
            label.setText(f"{year}\n{kind}" if kind else year)
            self.full_texts[label] = (label.toPlainText(), font)
            self.years.append(label)
            self.kinds.append(kind)

    def relayout(self) -> None:
        if not self.points:
            return
        width, height = max(1, self.width()), max(1, self.height())
        x0, x1 = min(self.xs), max(self.xs)
        span = max(1.0, x1 - x0)
        # each label may take the room between two points; wrapped text keeps its height
        room = width / max(1, len(self.points))
        for item, kind in zip(self.years, self.kinds, strict=True):
            if kind:  # the year, and its kind on one line under it (cut with '…' if long)
                year = self.full_texts[item][0].split("\n")[0]
                font = item.textItem.font()
                item.setText(f"{year}\n{elide_line(kind, font, room - self.theme.px(12))}")
        for item in (*self.values, *self.years):
            item.setTextWidth(room - self.theme.px(12))  # and re-anchor it to its point
        value_px = max(v.textItem.boundingRect().height() for v in self.values)
        year_px = max(y.textItem.boundingRect().height() for y in self.years)
        side = room / 2
        per_px = span / max(1.0, width - 2 * side)
        top = max(self.ys) or 1.0
        below = year_px + self.theme.px(16)
        above = value_px + self.theme.px(20)
        y_per_px = top / max(1.0, height - above - below)
        self.box.setRange(
            xRange=(x0 - side * per_px, x1 + side * per_px),
            yRange=(-below * y_per_px, top + above * y_per_px),
            padding=0,
        )
        self.baseline.setData([x0 - side * per_px, x1 + side * per_px], [0, 0])
        for x, y, value, year in zip(self.xs, self.ys, self.values, self.years, strict=True):
            value.setPos(x, y + self.theme.px(14) * y_per_px)
            year.setPos(x, -self.theme.px(10) * y_per_px)
        self.setMinimumHeight(round(above + below + self.theme.px(120)))

    def reach(self, progress: float) -> float:
        """How far the line has drawn at ``progress``, in years."""
        eased = 1 - (1 - _ease(progress)) ** 3
        return self.xs[0] + (self.xs[-1] - self.xs[0]) * eased

    def advance(self, progress: float) -> bool:
        if not self.points:
            return True
        before, reach = self.reach(self.progress), self.reach(progress)
        xs, ys = [], []
        for index, (x, y) in enumerate(zip(self.xs, self.ys, strict=True)):
            if x <= reach or len(self.xs) == 1:
                xs.append(x)
                ys.append(y)
            else:
                px, py = self.xs[index - 1], self.ys[index - 1]
                t = (reach - px) / (x - px) if x != px else 1.0
                xs.append(reach)
                ys.append(py + (y - py) * t)
                break
        cut = self.split + 1
        self.solid.setData(xs[:cut], ys[:cut])
        self.dashed.setData(xs[self.split :], ys[self.split :])
        self.dashed.setVisible(len(xs) > cut)
        shown = [i for i, x in enumerate(self.xs) if x <= reach + 1e-9]
        if shown != self.shown:  # a point is reached: add its dot
            self.shown = shown
            brushes = [
                self.color("warm" if self.points[i].kind == "projected" else "accent")
                for i in shown
            ]
            self.dots.setData(
                [self.xs[i] for i in shown], [self.ys[i] for i in shown], brush=brushes
            )
        for index, (value, year) in enumerate(zip(self.values, self.years, strict=True)):
            self.show_text(value, index in shown)
            self.fade(year, _ease(progress * 3))
        if before != reach:
            # the line, its fill and its dots change only between where it stood and where
            # it stands now, from top to bottom
            low, high = self.box.viewRange()[1]
            band = QRectF(min(before, reach), low, abs(reach - before), high - low)
            self.viewport().update(self.device_rect(band, self.theme.px(20)))
        return False


def chart_plot(chart: Chart, theme: Theme, parent: QWidget | None = None) -> ChartPlot:
    """The plot that draws ``chart``'s kind."""
    return (TrendChart if chart.kind == "trend" else BarChart)(theme, parent)
