"""A page's heading: its title and caption from pages.csv, and a small hint at the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.i18n import Language
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import TextLabel

TITLE_LINES = 2  # a heading's title and caption, each, in landscape; portrait has more height
CAPTION_LINES = 2
PORTRAIT_EXTRA_LINES = 1
HINT_SHARE = 0.34  # of the heading's width, at most, for the hint beside the title (landscape)


class PageHeading(QWidget):
    """Title (headline), caption (lead, dim) and a gesture hint (caption, dim, right).

    The title and the caption each wrap to a few lines at most (a curator's long text is cut
    with "…"), so the page under the heading always keeps the height it is designed for.
    """

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._hint_font = self.font()
        extra = PORTRAIT_EXTRA_LINES if theme.portrait else 0
        self.title = TextLabel(self, max_lines=TITLE_LINES + extra, balance=True)
        self.caption = TextLabel(self, role="dim", max_lines=CAPTION_LINES + extra)
        bottom_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        self.hint = TextLabel(self, role="dim", max_lines=2, align=bottom_right)
        column = QVBoxLayout()
        column.setSpacing(theme.px(8))
        column.addWidget(self.title)
        column.addWidget(self.caption)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.gap)
        row.addLayout(column, 1)
        if theme.portrait:  # no room beside the title: the hint goes under the caption
            self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft)
            column.addWidget(self.hint)
        else:
            row.addWidget(self.hint, 0, bottom_right)

    def set_texts(self, content: Content, page_id: str, hint_key: str, lang: Language) -> None:
        page = content.pages.get(page_id)
        self.title.setFont(self.theme.font("headline", lang))
        self.caption.setFont(self.theme.font("lead", lang))
        self._hint_font = self.theme.font("caption", lang)
        self.hint.setFont(self._hint_font)
        self.title.setText(page.title.get(lang) if page else "")
        self.caption.setText(page.caption.get(lang) if page else "")
        self.hint.setText(content.string(hint_key, lang))
        self._size_hint_column()

    def _size_hint_column(self) -> None:
        """Landscape: the hint on one line when it fits in its share of the width, else
        wrapped within that share (a long hint never narrows the title)."""
        if self.theme.portrait or self.width() <= 0:
            return
        share = max(self.theme.touch, round(self.width() * HINT_SHARE))
        natural = QFontMetrics(self._hint_font).horizontalAdvance(self.hint.full_text) + 2
        self.hint.setMaximumWidth(share)
        # a hint that fits its share keeps one line; a longer one wraps at its usual width
        self.hint.setMinimumWidth(natural if natural <= share else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_hint_column()
