"""The detail of a layer or a part: its companies and products, over a dimmed page.

A :class:`DetailOverlay` whose panel slides in from the side (landscape) or from the bottom
(portrait); a tap on the scrim or on the back control closes it. Long lists scroll kinetically.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Company, Text
from kiosk.i18n import Language
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.bullet import BulletRow
from kiosk.ui.widgets.detail_overlay import DetailOverlay
from kiosk.ui.widgets.scroll import shown_part, touch_scroll_area
from kiosk.ui.widgets.text import TextLabel

# The narrowest panel beside what was tapped, at 1080 px and standard text; with less room
# beside it (reach mode's square) the panel covers the page's width.
PANEL_MIN_WIDTH = 560
PANEL_MIN_HEIGHT = 640  # px at 1080 (portrait): a title, a line and a few companies


class CompanyRow(QWidget):
    """One company: its name (and the exhibition's badge, when it has one), products and why
    it matters."""

    def __init__(
        self, company: Company, lang: Language, badge_text: str, theme: Theme, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.company = company
        self.theme = theme
        self.setObjectName(f"company-{company.id}")
        layout = QVBoxLayout(self)
        pad = theme.px(20)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(theme.px(4))
        top = QHBoxLayout()
        self.name = TextLabel(self)
        self.name.setFont(theme.font("title", lang))
        self.name.setText(company.name.get(lang))
        top.addWidget(self.name, 1)
        self.badge: TextLabel | None = None  # beside the name, at most a third of the row
        if company.badge:
            badge = TextLabel(self, role="warm", wrap=False)
            badge.setFont(theme.font("caption", lang))
            badge.setText(badge_text)
            if theme.access.larger_text:  # a line of its own: beside the name it left no room
                layout.addWidget(badge)
            else:
                top.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
                self.badge = badge
        layout.addLayout(top)
        self.products = TextLabel(self, role="accent")
        self.products.setFont(theme.font("body", lang))
        self.products.setText(company.products.get(lang))
        self.caption = TextLabel(self, role="dim")
        self.caption.setFont(theme.font("body", lang))
        self.caption.setText(company.caption.get(lang))
        layout.addWidget(self.products)
        layout.addWidget(self.caption)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.badge is not None:  # a long badge is cut, not the name squeezed to a column
            self.badge.setMaximumWidth(max(self.theme.px(160), self.width() // 3))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.theme.palette.color("line"), self.theme.px(2)))
        painter.setBrush(self.theme.palette.color("ground", 0.55))
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.drawRoundedRect(rect, self.theme.radius * 0.6, self.theme.radius * 0.6)


class ChainDetail(DetailOverlay):
    """The panel over the page; :meth:`open` fills it, ``closed`` tells the page."""

    scrim = 0.72  # lighter: the diagram under it shows which block was tapped

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(theme, parent)
        self.detail_id = ""
        self.setObjectName("chain-detail")
        self.panel.setObjectName("chain-panel")
        self.title = TextLabel(self.panel, balance=True)
        self.subtitle = TextLabel(self.panel, role="dim")
        self.scroll, self.kinetic = touch_scroll_area(self.panel, theme, "surface")
        pad = theme.px(36)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(pad, theme.px(20), pad, pad)
        layout.setSpacing(theme.px(12))
        self._head = head = QHBoxLayout()
        head.setSpacing(theme.gap)
        head.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addSpacing(theme.px(8))
        layout.addWidget(self.scroll, 1)
        self.rows: list[CompanyRow] = []
        self.keep: QWidget | None = None  # what was tapped: the panel stands beside it

    def keep_clear(self, widget: QWidget | None) -> None:
        """Stand beside ``widget`` (the diagram or the figure that was tapped), never over it."""
        self.keep = widget

    def open(
        self,
        detail_id: str,
        title: str,
        subtitle: str,
        companies: list[Company],
        extras: list[tuple[str, list[str]]],
        labels: dict[str, str],
        lang: Language,
        animate: bool = True,
    ) -> None:
        """Show ``companies`` (and ``extras``: a heading and its items) under a title."""
        self.settle()
        self.detail_id = detail_id
        theme = self.theme
        self.title.setFont(theme.font("headline", lang))
        self.title.setText(title)
        self.subtitle.setFont(theme.font("lead", lang))
        self.subtitle.setText(subtitle)
        self.back.set_text(labels["back"], theme.font("button", lang))
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, theme.px(24))
        column.setSpacing(theme.px(14))
        self.rows = [CompanyRow(c, lang, labels["badge"], theme, body) for c in companies]
        for row in self.rows:
            column.addWidget(row)
        if not self.rows:
            empty = TextLabel(body, role="dim")
            empty.setFont(theme.font("body", lang))
            empty.setText(labels["empty"])
            column.addWidget(empty)
        for heading, items in extras:
            if not items:
                continue
            label = TextLabel(body)
            label.setFont(theme.font("title", lang))
            label.setText(heading)
            column.addSpacing(theme.px(10))
            column.addWidget(label)
            grid = QGridLayout()
            grid.setSpacing(theme.px(10))
            wide = max(len(i) for i in items) > 16
            columns = 1 if wide or theme.portrait else 2
            for index, item in enumerate(items):
                # a long item is a bullet whose wrapped lines hang under its words
                row = BulletRow(theme, body, role="dim") if wide else None
                chip = row.label if row is not None else TextLabel(body, role="dim")
                chip.setFont(theme.font("body", lang))
                chip.setText(item)
                grid.addWidget(row or chip, index // columns, index % columns)
            column.addLayout(grid)
        column.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(body)
        self.kinetic.scroller.stop()
        self.scroll.verticalScrollBar().setValue(0)
        self.reveal(animate)

    def on_closed(self) -> None:
        self.detail_id = ""

    def place_panel(self) -> None:
        super().place_panel()
        self._place_title()

    def _place_title(self) -> None:
        """The title beside the back control, or under it where beside it would take more
        than two lines (a long back label, a narrow panel)."""
        layout = self.panel.layout()
        margins = layout.contentsMargins()
        inner = self.panel.width() - margins.left() - margins.right()
        room = inner - self.back.sizeHint().width() - self._head.spacing()
        two = 2 * QFontMetrics(self.title.font()).height()
        beside = room > 0 and self.title.heightForWidth(room) <= two
        if beside == (self._head.indexOf(self.title) >= 0):
            return
        if beside:
            layout.removeWidget(self.title)
            self._head.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
        else:
            self._head.removeWidget(self.title)
            layout.insertWidget(1, self.title)

    def _kept(self) -> QRect | None:
        """Where what was tapped stands, in this overlay's coordinates."""
        page = self.parentWidget()
        if self.keep is None or page is None or not self.keep.isVisible():
            return None
        shown = shown_part(self.keep, page)  # in a scrolled page: the part in view
        return shown if not shown.isEmpty() else None

    def lit_rect(self) -> QRect | None:
        return self._kept()

    def _leading(self) -> bool:
        """Whether the panel stands on the leading side (left, or top in portrait): when what
        was tapped is on the trailing side."""
        kept = self._kept()
        if kept is None:
            return False
        if self.theme.portrait:
            return kept.center().y() > self.height() / 2
        return kept.center().x() > self.width() / 2

    def panel_rect(self) -> QRect:
        """Beside what was tapped: the other half of the page (below or above it in
        portrait), so the visitor still sees the block or the part they chose."""
        theme = self.theme
        top = theme.page_top
        m = theme.margin
        bottom = self.height() - m - theme.px(40)  # clear of the page dots
        kept, leading = self._kept(), self._leading()
        if theme.portrait:
            if kept is None:
                return QRect(m, round(self.height() * 0.34) - m, self.width() - 2 * m,
                             bottom - round(self.height() * 0.34) + m)  # fmt: skip
            if leading:
                rect = QRect(m, top, self.width() - 2 * m, kept.top() - theme.gap - top)
            else:
                start = kept.bottom() + theme.gap
                rect = QRect(m, start, self.width() - 2 * m, bottom - start)
            if rect.height() >= theme.px(PANEL_MIN_HEIGHT) * theme.access.text_scale:
                return rect
            return QRect(m, top, self.width() - 2 * m, bottom - top)  # no room on either side
        width = round(self.width() * 0.48)
        if kept is not None:
            width = (
                kept.left() - theme.gap - m
                if leading
                else self.width() - m - (kept.right() + theme.gap)
            )
        if width < theme.px(PANEL_MIN_WIDTH) * theme.access.text_scale:  # reach mode's square
            return QRect(m, top, self.width() - 2 * m, bottom - top)  # no room beside: over
        left = m if leading else self.width() - width - m
        return QRect(left, top, width, bottom - top)

    def origin(self) -> QRectF:
        """The panel opens from the edge it stands at: the screen's right or left edge
        (landscape), bottom or top (portrait)."""
        rect = QRectF(self.panel.geometry())
        edge = self.theme.px(8)
        leading = self._leading()
        if self.theme.portrait:
            top = rect.top() if leading else rect.bottom() - edge
            return QRectF(rect.left(), top, rect.width(), edge)
        left = rect.left() if leading else rect.right() - edge
        return QRectF(left, rect.top(), edge, rect.height())


def texts(items: list[Text], lang: Language) -> list[str]:
    return [t.get(lang) for t in items]
