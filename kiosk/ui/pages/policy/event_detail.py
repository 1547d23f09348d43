"""An event enlarged: a panel opens out of its card over the dimmed page.

It is a :class:`DetailOverlay`: the motion moves pictures taken once, a tap outside the panel
or on its back control shrinks it back into the card.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.content.models import Event
from kiosk.i18n import Language, format_date
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.detail_overlay import DetailOverlay, DetailPanel
from kiosk.ui.widgets.fit_label import FitLabel
from kiosk.ui.widgets.text import QWIDGETSIZE_MAX, TextLabel

PANEL_PAD = 44  # the texts' inset from the panel's edges
PANEL_WIDTH = 1560  # landscape, at 1080 px on the short side: room for the detail


class EventPanel(DetailPanel):
    """The panel's texts: back and date, title, the number large, the card's text as a lead, the
    detail that the card has no room for, source."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.back.setObjectName("detail-close")
        self.date = TextLabel(self, role="accent", wrap=False)
        self.title = TextLabel(self, balance=True)
        self.number = FitLabel(self, role="accent")
        # a long detail gives way (it is cut), never the number
        self.number.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.label = TextLabel(self, role="dim")
        self.growth = TextLabel(self, role="warm")
        self.text = TextLabel(self)
        self.detail = TextLabel(self)
        self.detail.setObjectName("event-detail-text")
        self.source = TextLabel(self, role="dim")
        top = QHBoxLayout()
        top.setSpacing(theme.gap)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.date, 1, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        pad = theme.px(PANEL_PAD)
        layout.setContentsMargins(theme.px(20), theme.px(20), pad, pad)
        layout.setSpacing(theme.px(12))
        layout.addLayout(top)
        for widget in (self.title, self.number, self.label, self.growth, self.text):
            layout.addWidget(widget)
        layout.addSpacing(theme.px(6))
        layout.addWidget(self.detail)
        layout.addSpacing(theme.px(10))
        layout.addWidget(self.source)
        texts = (self.title, self.number, self.label, self.growth, self.text, self.detail)
        for widget in (*texts, self.source):
            widget.setContentsMargins(pad - theme.px(20), 0, 0, 0)  # the left pad of the texts

    def set_event(self, event: Event, content: Content, lang: Language) -> None:
        font = self.theme.font
        self.date.setFont(font("button", lang))
        self.back.set_text(content.string("detail.back", lang), font("button", lang))
        self.title.setFont(font("headline", lang))
        self.label.setFont(font("body", lang))
        self.growth.setFont(font("body", lang))
        self.text.setFont(font("lead", lang))
        self.detail.setFont(font("body", lang))
        self.source.setFont(font("caption", lang))
        self.date.setText(format_date(event.date, lang))
        self.title.setText(event.title.get(lang))
        self.text.setText(event.text.get(lang))
        self.detail.setText(event.detail.get(lang) if event.detail is not None else "")
        self.detail.setVisible(event.detail is not None)
        self.source.setText(content.format_source(event.source, lang))
        figure = event.figure
        number = content.format_figure(figure, lang) if figure else ""
        self.number.set_fit(font("figure", lang), [number])
        self.number.setText(number)
        self.label.setText(figure.label.get(lang) if figure else "")
        growth = content.format_growth(figure, lang) if figure else ""
        self.growth.setText(growth)
        self.number.setVisible(bool(number))
        self.label.setVisible(bool(number))
        self.growth.setVisible(bool(growth))


class EventDetail(DetailOverlay):
    """Covers the page: a dimmed ground and the enlarged event; a tap outside closes it."""

    open_ms = 420
    close_ms = 300

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(theme, parent, EventPanel(theme))
        self.setObjectName("event-detail")
        self.panel: EventPanel
        self.event: Event | None = None
        self._from: QRectF | None = None  # the card it grows out of (None: its own place)

    def open_event(
        self,
        event: Event,
        content: Content,
        lang: Language,
        card: QWidget | None = None,
        animate: bool = True,
    ) -> None:
        """Show ``event`` enlarged, growing out of ``card`` when given."""
        self.settle()
        self.event = event
        self.panel.set_event(event, content, lang)
        self._from = None
        if card is not None and card.isVisible():
            origin = self.mapFromGlobal(card.mapToGlobal(QPoint(0, 0)))
            self._from = QRectF(QRect(origin, card.size()))
        self.reveal(animate)

    def set_language(self, content: Content, lang: Language) -> None:
        if self.event is not None and not self.isHidden():
            self.settle()
            self.panel.set_event(self.event, content, lang)
            self.place_panel()

    def on_closed(self) -> None:
        self.event = None

    # geometry ------------------------------------------------------------------------------

    def place_panel(self) -> None:
        theme = self.theme
        area = self.rect().adjusted(theme.margin, theme.page_top, -theme.margin, -theme.px(72))
        width = area.width() if theme.portrait else min(theme.px(PANEL_WIDTH), area.width())
        panel = self.panel
        for label in (panel.detail, panel.text, panel.label):
            label.setMaximumHeight(QWIDGETSIZE_MAX)
        # too long: the detail is cut first (down to nothing), then the card's text and the
        # number's label (down to a line each), never the title, the number or the source
        if self._cut(panel.detail, width, area.height(), keep=0) and self._cut(
            panel.text, width, area.height(), keep=1
        ):
            self._cut(panel.label, width, area.height(), keep=1)
        height = min(area.height(), max(self.panel.heightForWidth(width), theme.px(200)))
        rect = QRect(0, 0, width, height)
        rect.moveCenter(area.center())
        self.panel.setGeometry(rect)

    def _cut(self, label: TextLabel, width: int, room: int, keep: int) -> bool:
        """Lower ``label``'s height until the panel fits ``room`` at ``width``, keeping at least
        ``keep`` lines of it (0: it may go); True when the panel still does not fit."""
        panel, theme = self.panel, self.theme
        if not label.isVisibleTo(panel):
            return panel.heightForWidth(width) > room
        line = label.fontMetrics().lineSpacing()
        height = label.heightForWidth(width - 2 * theme.px(PANEL_PAD))
        for _ in range(4):  # wrapping moves a little as the label is cut
            over = panel.heightForWidth(width) - room
            if over <= 0:
                return False
            if height <= line:  # down to its last line: it keeps that, or goes
                label.setMaximumHeight(line if keep else 0)
                break
            height = max(line, height - over)
            label.setMaximumHeight(height)
        return panel.heightForWidth(width) > room

    def origin(self) -> QRectF:
        """The panel opens out of the card that was tapped (else from its middle)."""
        return self._from if self._from is not None else super().origin()
