"""The app's live state the views observe: the content shown and the language."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.content import Content
from kiosk.i18n import Language


class Session(QObject):
    """Holds the current content and language and tells views when either changes."""

    language_changed = Signal(str)
    content_changed = Signal(object)

    def __init__(self, content: Content, language: Language) -> None:
        super().__init__()
        self._content = content
        self._language: Language = language

    @property
    def content(self) -> Content:
        return self._content

    @property
    def language(self) -> Language:
        return self._language

    def set_language(self, language: Language) -> None:
        if language != self._language:
            self._language = language
            self.language_changed.emit(language)

    def set_content(self, content: Content) -> None:
        self._content = content
        self.content_changed.emit(content)

    def text(self, key: str) -> str:
        """A UI string from the content's strings.csv in the current language."""
        return self._content.string(key, self._language)
