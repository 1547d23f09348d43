"""What each content file must hold: its columns and the checks on each cell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kiosk.content.charts import CHART_KINDS
from kiosk.i18n import QUALIFIERS, UNIT_KINDS

PAGE_IDS: Final = ("home", "figures", "chain", "robots", "policy", "voices")

# UI strings the app asks for, with the placeholders each template must keep.
REQUIRED_STRINGS: Final[dict[str, tuple[str, ...]]] = {
    "app.title": (),
    "app.subtitle": (),
    "app.tagline": (),
    "nav.home": (),
    "nav.language": (),
    "language.zh-Hans": (),
    "language.zh-Hant": (),
    "language.en": (),
    "home.explore": (),
    "figure.source": ("{text}",),
    "figure.growth": ("{value}",),
    "figure.period": ("{text}",),
    "qualifier.over": ("{text}",),
    "qualifier.about": ("{text}",),
    "qualifier.target": ("{text}",),
    "chart.year": ("{text}",),
    "chart.implied": (),
    "chart.projected": (),
    "chart.replay": (),
    "page.empty": (),
    "page.error": (),
}


@dataclass(frozen=True)
class Column:
    """One column of a table.

    kind: ``id`` (unique, letters/digits/._-), ``text``, ``localized`` (one column per language,
    ``name_zh-Hans`` ...), ``number``, ``date`` (YYYY, YYYY-MM or YYYY-MM-DD), ``image`` (a path
    inside the content folder), ``choice`` (one of ``choices``), ``ref`` (an id of ``ref``) or
    ``refs`` (ids of ``ref`` separated by spaces, commas or semicolons).
    """

    name: str
    kind: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    ref: str = ""


TABLES: Final[dict[str, tuple[Column, ...]]] = {
    "strings.csv": (Column("key", "id"),),  # plus one column per language, checked by the loader
    "sources.csv": (
        Column("id", "id"),
        Column("date", "date"),
        Column("name", "localized"),
    ),
    "units.csv": (
        Column("id", "id"),
        Column("kind", "choice", choices=UNIT_KINDS),
    ),  # plus the language templates
    "pages.csv": (
        Column("id", "choice", choices=PAGE_IDS),
        Column("icon", "image", required=False),
        Column("backdrop", "image", required=False),
        Column("title", "localized"),
        Column("caption", "localized"),
    ),
    "figures.csv": (
        Column("id", "id"),
        Column("value", "number"),
        Column("unit", "ref", ref="units.csv"),
        Column("qualifier", "choice", required=False, choices=QUALIFIERS),
        Column("growth", "number", required=False),
        Column("period", "date"),
        Column("source", "ref", ref="sources.csv"),
        Column("label", "localized"),
    ),
    "charts.csv": (
        Column("id", "id"),
        Column("kind", "choice", choices=CHART_KINDS),
        Column("figures", "refs", ref="figures.csv"),
        Column("title", "localized"),
        Column("note", "localized"),
    ),
}
