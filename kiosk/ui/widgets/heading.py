"""A page's heading: its title and caption from pages.csv, and a small hint at the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.i18n import Language
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import TextLabel


class PageHeading(QWidget):
    """Title (headline), caption (lead, dim) and a gesture hint (caption, dim, right)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.title = TextLabel(self)
        self.caption = TextLabel(self, role="dim")
        bottom_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        self.hint = TextLabel(self, role="dim", wrap=theme.portrait, align=bottom_right)
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
        self.hint.setFont(self.theme.font("caption", lang))
        self.title.setText(page.title.get(lang) if page else "")
        self.caption.setText(page.caption.get(lang) if page else "")
        self.hint.setText(content.string(hint_key, lang))
