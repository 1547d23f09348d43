"""Which languages each text of the content belongs to (for ``--check-layout``'s language check).

Pure: walks the content model, knows no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass

from kiosk.content.models import Content, Text
from kiosk.i18n import LANGUAGES, Language

TextLanguages = dict[str, frozenset[Language]]
PLACEHOLDER = re.compile(r"\{\w+\}")
MIN_LITERAL = 2  # characters a template must have besides its placeholders to tell a language


@dataclass(frozen=True)
class KnownTexts:
    """The content's texts and its templates (``Source: {text}``), each with its languages."""

    exact: TextLanguages
    templates: tuple[tuple[re.Pattern[str], frozenset[Language]], ...] = ()

    def languages(self, text: str) -> frozenset[Language]:
        """The languages ``text`` is written in: a known text's, else those of every template
        it fills; empty when it is not known."""
        text = text.strip()
        known = self.exact.get(text)
        if known is not None:
            return known
        found: set[Language] = set()
        for pattern, langs in self.templates:
            if pattern.fullmatch(text):
                found |= langs
        return frozenset(found)


def _pattern(template: str) -> re.Pattern[str] | None:
    literal = PLACEHOLDER.split(template)
    if len("".join(literal).strip()) < MIN_LITERAL:
        return None  # "{text}年" or "{value}%" could be anything
    return re.compile("(.+)".join(re.escape(part) for part in literal), re.S)


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


def text_languages(content: Content) -> KnownTexts:
    """Every text of the content (strings, pages, figures, companies, units...) and the
    languages it is written in; a text that reads the same in two languages belongs to both."""
    found: dict[str, set[Language]] = {}
    templates: dict[str, set[Language]] = {}
    for text in _texts(content, set()):
        for lang in LANGUAGES:
            value = text.get(lang).strip()
            if PLACEHOLDER.search(value):  # filled in before it is shown
                templates.setdefault(value, set()).add(lang)
            elif value:
                found.setdefault(value, set()).add(lang)
    patterns = []
    for template, langs in templates.items():
        pattern = _pattern(template)
        if pattern is not None:
            patterns.append((pattern, frozenset(langs)))
    exact = {value: frozenset(langs) for value, langs in found.items()}
    return KnownTexts(exact, tuple(patterns))


def foreign_language(text: str, lang: Language, known: KnownTexts) -> Language | None:
    """The language ``text`` is written in when it is a known text (or fills a template) of
    other languages only."""
    langs = known.languages(text)
    if not langs or lang in langs:
        return None
    return next(other for other in LANGUAGES if other in langs)
