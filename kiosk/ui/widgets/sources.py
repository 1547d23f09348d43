"""The small source line under an event or a quote, written like a figure's source."""

from __future__ import annotations

from kiosk.content import Content, Source
from kiosk.i18n import Language, fill


def source_line(
    content: Content, source: Source, lang: Language, key: str = "figure.source"
) -> str:
    """'来源：《…》 (2025)' for ``source``, through the strings.csv template ``key``."""
    return fill(content.string(key, lang), text=f"{source.name.get(lang)} ({source.date})")
