"""The controls always within reach: home, and a language switch naming each language in itself."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.i18n import LANGUAGES
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import PillButton


class Header(QWidget):
    """A transparent bar over the top of every page."""

    home_requested = Signal()

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self.home = PillButton(theme, self)
        self.home.setObjectName("home-button")
        self.home.clicked.connect(self.home_requested)
        self.languages: dict[str, PillButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.margin, theme.px(24), theme.margin, 0)
        row.setSpacing(theme.px(12))
        row.addWidget(self.home)
        row.addStretch(1)
        for lang in LANGUAGES:
            button = PillButton(theme, self)
            button.setObjectName(f"language-{lang}")
            button.clicked.connect(lambda lang=lang: session.set_language(lang))
            # a language keeps its whole name; a long 'Home' label gives way (cut with '…')
            policy = button.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Minimum)
            button.setSizePolicy(policy)
            row.addWidget(button)
            self.languages[lang] = button
        session.language_changed.connect(self.retranslate)
        session.content_changed.connect(self.retranslate)
        self.setFixedHeight(theme.touch + theme.px(24))
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        current = self.session.language
        self.home.set_text(self.session.text("nav.home"), self.theme.font("button", current))
        for lang, button in self.languages.items():
            # each language is named in itself and set in its own script's font
            name = self.session.content.string(f"language.{lang}", lang)
            button.set_text(name, self.theme.font("button", lang))
            button.set_selected(lang == current)

    def set_home_visible(self, visible: bool) -> None:
        self.home.setVisible(visible)
