"""What each content file must hold: its columns and the checks on each cell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kiosk.content.charts import CHART_KINDS
from kiosk.i18n import NUMBER_STYLES, QUALIFIERS, UNIT_KINDS

PAGE_IDS: Final = ("home", "figures", "chain", "robots", "policy", "voices")
# The built-in figure of the chain page: the regions a part can be placed on (parts.csv region).
FIGURE_REGIONS: Final = ("brain", "cerebellum", "limbs")
# A curator's own figure ([chain] figure in config.toml): each part a hotspot, in percent.
HOTSPOT_COLUMNS: Final = ("x", "y", "width", "height")
# The tables every exhibition has, and those each page shows (with the tables they refer to):
# a folder needs only the tables of the pages its config.toml lists.
COMMON_TABLES: Final = ("strings.csv", "sources.csv", "pages.csv")
PAGE_TABLES: Final[dict[str, tuple[str, ...]]] = {
    "home": (),
    "figures": ("units.csv", "figures.csv", "charts.csv"),
    "chain": ("layers.csv", "parts.csv", "companies.csv", "terminals.csv", "chain_notes.csv"),
    "robots": ("categories.csv", "robots.csv", "robot_facts.csv"),
    "policy": ("units.csv", "figures.csv", "events.csv"),
    "voices": ("voices.csv",),
}


def tables_needed(page_order: tuple[str, ...] | list[str]) -> set[str]:
    """The tables a folder must have to show ``page_order`` (unknown pages need none)."""
    needed = set(COMMON_TABLES)
    for page in page_order:
        needed.update(PAGE_TABLES.get(page, ()))
    return needed


# Keys a folder sets only when it uses what they word: chain.badge is the badge of the companies
# marked in companies.csv's badge column (a list they are on, say).
# Keys of earlier versions and the key that took their place: a folder that still sets one
# keeps its words, with a warning naming the new key.
RENAMED_STRINGS: Final = {
    "chain.back": "detail.back",
    "robot.back": "detail.back",
    "policy.close": "detail.back",
}
OPTIONAL_STRINGS: Final[dict[str, tuple[str, ...]]] = {"chain.badge": ()}

# The exhibition's own texts: every content folder must set them (there is no stand-in: another
# exhibition's title on screen is worse than an error), with what each one is.
EXHIBITION_STRINGS: Final[dict[str, str]] = {
    "app.title": "the exhibition's title (Home and the window)",
    "app.subtitle": "the line under the exhibition's title on Home",
}

# UI strings the app asks for, with the placeholders each template must keep. Those that are not
# the exhibition's own come with the product (resources/interface/strings.csv); a folder sets
# them only to word them differently.
REQUIRED_STRINGS: Final[dict[str, tuple[str, ...]]] = {
    "app.title": (),
    "app.subtitle": (),
    "app.tagline": (),
    "nav.home": (),
    "language.zh-Hans": (),
    "language.zh-Hant": (),
    "language.en": (),
    "figure.source": ("{text}",),
    "figure.growth": ("{value}",),
    "qualifier.over": ("{text}",),
    "qualifier.about": ("{text}",),
    "qualifier.target": ("{text}",),
    "chart.year": ("{text}",),
    "chart.implied": (),
    "chart.projected": (),
    "chart.replay": (),
    "chart.scale": ("{value}",),  # a bar on a scale of its own (magnitudes 10x apart)
    "figures.more": (),
    "figures.sources": ("{text}",),  # the spread's credits line
    "autoplay.cue": (),
    "countdown.title": (),
    "countdown.body": ("{value}",),
    "countdown.more": (),  # the countdown's "more time" button (WCAG 2.2.1)
    "access.title": (),  # the accessibility panel and its four modes
    "access.reach": (),
    "access.reach.hint": (),
    "access.larger_text": (),
    "access.larger_text.hint": (),
    "access.high_contrast": (),
    "access.high_contrast.hint": (),
    "access.reduced_motion": (),
    "access.reduced_motion.hint": (),
    "access.on": (),
    "access.off": (),
    "access.reset": (),
    "access.done": (),
    "closed.body": (),
    "admin.pin.title": (),
    "admin.pin.hint": (),
    "admin.pin.wrong": ("{value}",),
    "admin.pin.locked": ("{value}",),
    "admin.pin.none": (),
    "admin.pin.ok": (),
    "admin.pin.delete": (),
    "admin.cancel": (),
    "admin.title": (),
    "admin.close": (),
    "admin.version": (),
    "admin.content_folder": (),
    "admin.content_version": (),
    "admin.uptime": (),
    "admin.frame_rate": (),
    "admin.memory": (),
    "admin.idle": (),
    "admin.problems": (),
    "admin.no_problems": (),
    "admin.log": (),
    "admin.reload": (),
    "admin.autoplay.start": (),
    "admin.autoplay.stop": (),
    "admin.exit": (),
    "admin.exit.confirm": (),
    "admin.safe_mode": ("{value}",),
    "admin.reload.failed": (),
    "admin.reload.done": (),
    "admin.storage": ("{value}",),
    "chain.layers": (),
    "chain.parts": (),
    "chain.companies": ("{value}",),
    "chain.companies.one": ("{value}",),
    "chain.terminals": (),
    "chain.notes": (),
    "robot.more": (),
    "page.empty": (),
    "page.error": (),
    "policy.hint": (),
    "detail.back": (),  # the one Back of every detail (chain, robot, timeline event)
    "voices.hint": (),
    "voices.quote": ("{text}",),
    "voices.source": ("{text}",),
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
        Column("scale", "number", required=False),
        Column("style", "choice", required=False, choices=("", *NUMBER_STYLES)),
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
        Column("hero", "choice", required=False, choices=("yes", "no")),
    ),
    "charts.csv": (
        Column("id", "id"),
        Column("kind", "choice", choices=CHART_KINDS),
        Column("figures", "refs", ref="figures.csv"),
        Column("title", "localized"),
        Column("note", "localized"),
        Column("spread", "choice", required=False, choices=("yes", "no")),
    ),
    "layers.csv": (
        Column("id", "id"),
        Column("name", "localized"),
        Column("covers", "localized"),
    ),
    "parts.csv": (
        Column("id", "id"),
        Column("name", "localized"),
        Column("stands_for", "localized"),
        Column("region", "choice", required=False, choices=FIGURE_REGIONS),
        *(Column(name, "number", required=False) for name in HOTSPOT_COLUMNS),
    ),
    "companies.csv": (
        Column("id", "id"),
        Column("name", "localized"),
        Column("layer", "ref", ref="layers.csv"),
        Column("parts", "refs", required=False, ref="parts.csv"),
        Column("badge", "choice", required=False, choices=("yes", "no")),
        Column("products", "localized"),
        Column("caption", "localized"),
        Column("source", "ref", ref="sources.csv"),
    ),
    "terminals.csv": (
        Column("id", "id"),
        Column("name", "localized"),
        Column("layer", "ref", ref="layers.csv"),
    ),
    "chain_notes.csv": (
        Column("id", "id"),
        Column("layer", "ref", ref="layers.csv"),
        Column("text", "localized"),
        Column("source", "ref", ref="sources.csv"),
    ),
    "categories.csv": (
        Column("id", "id"),
        Column("name", "localized"),
    ),
    "robots.csv": (
        Column("id", "id"),
        Column("category", "ref", ref="categories.csv"),
        Column("image", "image"),
        Column("name", "localized"),
        Column("maker", "localized", required=False),
        Column("scene", "localized"),
        Column("source", "ref", ref="sources.csv"),
    ),
    "robot_facts.csv": (
        Column("robot", "ref", ref="robots.csv"),
        Column("text", "localized"),
    ),
    "events.csv": (
        Column("id", "id"),
        Column("date", "date"),
        Column("figure", "ref", required=False, ref="figures.csv"),
        Column("title", "localized"),
        Column("text", "localized"),
        Column("source", "ref", ref="sources.csv"),
        Column("detail", "localized", required=False),  # the background its detail adds
    ),
    "voices.csv": (
        Column("id", "id"),
        Column("speaker", "localized"),
        Column("role", "localized"),
        Column("quote", "localized"),
        Column("source", "ref", ref="sources.csv"),
    ),
}
