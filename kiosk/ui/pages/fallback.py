"""The calm stand-in for a page that failed: its title and a short 'taking a break' line."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.pages.base import PageView
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme

CENTRE = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


class FallbackPage(PageView):
    """Shown in place of a page whose code raised; nothing moves, nothing can fail again."""

    def __init__(
        self, session: Session, theme: Theme, page_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, theme, parent)
        self.page_id = page_id
        self.setObjectName(f"page-{page_id}-fallback")

    def retranslate(self) -> None:
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette, lang = self.theme, self.theme.palette, self.session.language
        painter = QPainter(self)
        self.paint_ground(painter)
        page = self.content.pages.get(self.page_id)
        middle = QRectF(self.rect()).adjusted(theme.margin, 0, -theme.margin, 0)
        painter.setPen(palette.color("text"))
        painter.setFont(theme.font("headline", lang))
        painter.drawText(
            middle.adjusted(0, 0, 0, -theme.px(90)), CENTRE, page.title.get(lang) if page else ""
        )
        painter.setPen(palette.color("text_dim"))
        painter.setFont(theme.font("lead", lang))
        painter.drawText(
            middle.adjusted(0, theme.px(110), 0, 0), CENTRE, self.session.text("page.error")
        )

    def shown_texts(self) -> list[str]:
        """What the stand-in says (tests read it)."""
        lang = self.session.language
        page = self.content.pages.get(self.page_id)
        return [page.title.get(lang) if page else "", self.session.text("page.error")]
