"""Which languages each text of the content belongs to (for ``--check-layout``'s language check).

Pure: walks the content model, knows no Qt.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass

from kiosk.content.models import Content, Text
from kiosk.i18n import LANGUAGES, Language

TextLanguages = dict[str, frozenset[Language]]


def _texts(value: object, seen: set[int]) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item, seen)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item, seen)
    elif is_dataclass(value) and not isinstance(value, type) and id(value) not in seen:
        seen.add(id(value))
        for field in fields(value):
            yield from _texts(getattr(value, field.name), seen)


def text_languages(content: Content) -> TextLanguages:
    """Every text of the content (strings, pages, figures, companies...) and the languages it is
    written in; a text that reads the same in two languages belongs to both."""
    found: dict[str, set[Language]] = {}
    for text in _texts(content, set()):
        for lang in LANGUAGES:
            value = text.get(lang).strip()
            if value and "{" not in value:  # templates are filled in before they are shown
                found.setdefault(value, set()).add(lang)
    return {value: frozenset(langs) for value, langs in found.items()}


def foreign_language(text: str, lang: Language, known: TextLanguages) -> Language | None:
    """The language ``text`` is written in when it is a known text of another language only."""
    langs = known.get(text.strip())
    if not langs or lang in langs:
        return None
    return next(other for other in LANGUAGES if other in langs)
