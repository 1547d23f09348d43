"""What every page offers the main window: enter, leave, retranslate, reset and details."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QBrush, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content import Content
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.detail_overlay import DetailOverlay


class PageView(QWidget):
    """A page: a thin view over the content that rebuilds itself when content or language change.

    Subclasses implement :meth:`rebuild` (content changed) and :meth:`retranslate` (language
    changed), and may override :meth:`enter`/:meth:`leave` to start and stop their animations.
    A hidden page retranslates when it is next shown (:meth:`catch_up`), so a language switch
    costs only the page on screen.
    """

    page_id = ""
    navigate_requested = Signal(str)  # a page id

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self.setObjectName(f"page-{self.page_id}")
        self.language = session.language  # the language its texts are in
        session.content_changed.connect(self._on_content_changed)
        session.language_changed.connect(self._on_language_changed)

    @property
    def content(self) -> Content:
        return self.session.content

    def _on_content_changed(self, _content: Content) -> None:
        self.rebuild()
        self.language = self.session.language
        self.retranslate()
        self._redraw_under_details()

    def _on_language_changed(self, _language: str) -> None:
        if not self.isHidden():  # on screen (or sliding out): now; else when next shown
            self.catch_up()

    def catch_up(self) -> None:
        """Before the page is shown: retranslate if the language changed while it was hidden.
        A failure goes to the fault guard (the page gets its stand-in), never to the caller."""
        if self.language == self.session.language:
            return
        self.language = self.session.language
        try:
            self.retranslate()
        except Exception:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        self._redraw_under_details()

    def _redraw_under_details(self) -> None:
        """An open detail shows a picture of the page under it: take it again."""
        for detail in self.findChildren(DetailOverlay):
            detail.page_changed()

    def rebuild(self) -> None:
        """Recreate the widgets that depend on the content."""

    def retranslate(self) -> None:
        """Set every visible string in the current language."""

    def set_heading(self, title: QLabel, caption: QLabel) -> None:
        """The page's title and caption from pages.csv, in the current language."""
        lang = self.session.language
        page = self.content.pages.get(self.page_id)
        title.setFont(self.theme.font("headline", lang))
        caption.setFont(self.theme.font("lead", lang))
        title.setText(page.title.get(lang) if page else "")
        caption.setText(page.caption.get(lang) if page else "")

    def enter(self) -> None:
        """The page became the current page: replay its entrance animations."""

    def leave(self) -> None:
        """The page is no longer shown: stop its animations and timers."""

    def reset(self) -> None:
        """Back to the state a new visitor should find: top of scroll, no detail open."""

    def close_details(self) -> None:
        """Close any detail view left open (a visitor wakes the attract loop, a loop starts),
        keeping the rest of the page as it is."""

    def details(self) -> list[str]:
        """Ids of the detail views this page can show (for screenshots and the self-test)."""
        return []

    def show_detail(self, detail_id: str) -> None:
        """Open one detail view."""

    def settle(self) -> None:
        """Jump every running animation to its end (for screenshots)."""

    def advance(self) -> bool:
        """Autoplay: show the page's next item (card, quote, event); False when there is none."""
        return False

    def running_animations(self) -> int:
        """How many animations or timers of this page are running (tests use it)."""
        return 0

    def paint_ground(self, painter: QPainter) -> None:
        """The calm navy ground with a glow from the top, shared by every page."""
        palette = self.theme.palette
        if self.theme.plain:  # high contrast: a flat ground
            painter.fillRect(self.rect(), palette.color("ground"))
            return
        glow = QLinearGradient(QPointF(0, 0), QPointF(0, self.height()))
        glow.setColorAt(0.0, palette.color("ground_glow"))
        glow.setColorAt(0.6, palette.color("ground"))
        painter.fillRect(self.rect(), QBrush(glow))

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paint_ground(QPainter(self))
