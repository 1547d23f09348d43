"""Frozen dataclasses for everything the kiosk shows. Built by the loader; read by the views."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kiosk.content.errors import Problem
from kiosk.content.schedule import Schedule
from kiosk.i18n import (
    DEFAULT_LANGUAGE,
    LIST_SEPARATORS,
    Language,
    fill,
    format_date,
    format_growth,
    format_value,
)


@dataclass(frozen=True)
class Text:
    """One visible text in the three languages."""

    zh_hans: str
    zh_hant: str
    en: str

    def get(self, lang: Language) -> str:
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant, "en": self.en}[lang]

    @classmethod
    def from_mapping(cls, values: dict[str, str]) -> Text:
        return cls(values["zh-Hans"], values["zh-Hant"], values["en"])

    @classmethod
    def same(cls, text: str) -> Text:
        return cls(text, text, text)


@dataclass(frozen=True)
class Number:
    """A decimal as typed by the curator, remembering how many decimals to show."""

    value: Decimal
    decimals: int


@dataclass(frozen=True)
class Source:
    """Where a figure comes from: report or publisher, and its date."""

    id: str
    date: str
    name: Text


@dataclass(frozen=True)
class Unit:
    """How a number is written: its kind (money, count, percent, rank), the power of ten its
    figures are typed in (``scale``: 8 for 亿, 6 for millions) and its templates."""

    id: str
    kind: str
    template: Text
    scale: int = 0
    style: str = "words"  # large numbers: words (1.25 billion), short (1.25bn) or digits


def dated_source(source: Source, lang: Language) -> str:
    """A source's name and date: 'Time Weekly (2025)' / '时代周报（2025）'."""
    when = format_date(source.date, lang)
    name = source.name.get(lang)
    # Chinese takes full-width brackets and no space; English a space and ASCII brackets
    return f"{name} ({when})" if lang == "en" else f"{name}（{when}）"


@dataclass(frozen=True)
class Figure:
    """A key figure, stored once in one unit, with its source."""

    id: str
    number: Number
    unit: Unit
    qualifier: str
    growth: Number | None
    period: str
    source: Source
    label: Text
    hero: bool = False  # one of the few big numbers of the key-figures spread


@dataclass(frozen=True)
class Chart:
    """A chart of the key-figures page, drawn from figures (never from numbers of its own).

    kind ``bars``: one bar per figure, all in one unit. kind ``trend``: a line through the
    figures by period; a figure with growth adds the year before it, and a percent figure
    (a target rate) projects the line forward to its period.
    """

    id: str
    kind: str
    figures: tuple[Figure, ...]
    title: Text
    note: Text
    spread: bool = False  # on the key-figures spread (else one tap away, under "More figures")


@dataclass(frozen=True)
class Layer:
    """One of the four layers of the AI industry chain."""

    id: str
    name: Text
    covers: Text


@dataclass(frozen=True)
class Part:
    """One labelled, touchable part of the chain page's figure.

    On the built-in figure it sits on a ``region`` (brain, cerebellum or limbs); on a curator's
    own figure image it is a ``hotspot``: x, y, width, height in percent of the image.
    """

    id: str
    name: Text
    stands_for: Text
    region: str = ""
    hotspot: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class Company:
    """A company of the chain, placed in a layer and in the parts the source ties it to."""

    id: str
    name: Text
    layer: str
    parts: tuple[str, ...]
    badge: bool  # marked in companies.csv; the words are strings.csv's chain.badge
    products: Text
    caption: Text
    source: Source


@dataclass(frozen=True)
class Terminal:
    """A kind of device (drones, delivery robots, ...), listed in its layer's detail."""

    id: str
    name: Text
    layer: str  # the id of the layer whose detail lists it


@dataclass(frozen=True)
class ChainNote:
    """A point about the chain, such as why the electronics supply chain matters."""

    id: str
    layer: str
    text: Text
    source: Source


@dataclass(frozen=True)
class Category:
    """A kind of robot (its small label on a card and in the detail)."""

    id: str
    name: Text


@dataclass(frozen=True)
class Robot:
    """A card of the robot showcase; ``maker`` is None when the source names none."""

    id: str
    category: str
    image: Path | None
    name: Text
    maker: Text | None
    scene: Text
    facts: tuple[Text, ...]
    source: Source


@dataclass(frozen=True)
class Event:
    """A dated event of the policy timeline, optionally showing a figure's number."""

    id: str
    date: str
    figure: Figure | None
    title: Text
    text: Text
    source: Source
    detail: Text | None = None  # what the enlarged event adds to its card: the background


@dataclass(frozen=True)
class Voice:
    """A view from the article, paraphrased, with who holds it."""

    id: str
    speaker: Text
    role: Text
    quote: Text
    source: Source


@dataclass(frozen=True)
class Page:
    """A page's title and home tile."""

    id: str
    icon: Path | None
    backdrop: Path | None
    title: Text
    caption: Text


@dataclass(frozen=True)
class PlaylistEntry:
    """One stop of the attract loop: a page, how long it stays, how many steps inside it; or
    a full-screen moment (``moment`` "figure", "robot" or "quote" and the ``item``'s id)."""

    page: str = ""
    dwell: float = 12.0
    steps: int = 0
    moment: str = ""
    item: str = ""


@dataclass(frozen=True)
class Settings:
    """The exhibition's settings from ``config.toml``."""

    version: str = "unversioned"
    default_language: Language = DEFAULT_LANGUAGE
    page_order: tuple[str, ...] = ("home",)
    autoplay_after: float = 90.0
    reset_after: float = 120.0
    countdown: float = 15.0
    autoplay: bool = True
    rotate_languages: bool = True
    playlist: tuple[PlaylistEntry, ...] = ()  # empty: every page in order
    hours: Schedule = field(default_factory=Schedule)
    hide_cursor: bool = True
    chain_figure: str = ""  # the chain page's own figure image; empty: the built-in figure
    access_reset_after: float = 300.0  # the idle reset for a visitor in reach or larger text
    # Reach mode: nothing touchable above this line, in pixels from the screen's top at 1080 px
    # on the short side (a 4K screen doubles them), for each orientation.
    reach_top_portrait: int = 840
    reach_top_landscape: int = 216


@dataclass(frozen=True)
class Content:
    """A whole content folder: every valid item, plus the problems found while loading it."""

    folder: Path
    settings: Settings
    strings: dict[str, Text]
    pages: dict[str, Page]
    sources: dict[str, Source]
    units: dict[str, Unit]
    figures: dict[str, Figure]
    charts: dict[str, Chart] = field(default_factory=dict)
    layers: dict[str, Layer] = field(default_factory=dict)
    parts: dict[str, Part] = field(default_factory=dict)
    companies: dict[str, Company] = field(default_factory=dict)
    terminals: dict[str, Terminal] = field(default_factory=dict)
    chain_notes: dict[str, ChainNote] = field(default_factory=dict)
    chain_figure: Path | None = None  # the checked image of settings.chain_figure
    categories: dict[str, Category] = field(default_factory=dict)
    robots: dict[str, Robot] = field(default_factory=dict)
    events: tuple[Event, ...] = ()  # in date order
    voices: dict[str, Voice] = field(default_factory=dict)
    problems: tuple[Problem, ...] = field(default=())

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def category_name(self, robot: Robot, lang: Language) -> str:
        """The name of ``robot``'s category (categories.csv) in ``lang``."""
        category = self.categories.get(robot.category)
        return category.name.get(lang) if category else ""

    def string(self, key: str, lang: Language) -> str:
        """A UI string; empty if it is missing (validation reports that): a visitor never
        reads a key."""
        text = self.strings.get(key)
        return text.get(lang) if text else ""

    def ordered_pages(self) -> list[Page]:
        """Pages in the configured order, skipping ids that have no row."""
        return [self.pages[pid] for pid in self.settings.page_order if pid in self.pages]

    def format_figure(self, figure: Figure, lang: Language, value: Decimal | None = None) -> str:
        """A figure as visitors read it: 3685亿元 / 3685億元 / CNY 368.5 billion.

        ``value`` overrides the stored number (a count-up animation shows values on the way).
        """
        number = figure.number.value if value is None else value
        return self.format_amount(
            figure.unit,
            number,
            figure.number.decimals,
            figure.qualifier,
            lang,
            like=figure.number.value,
        )

    def format_amount(
        self,
        unit: Unit,
        value: Decimal,
        decimals: int,
        qualifier: str,
        lang: Language,
        like: Decimal | None = None,
    ) -> str:
        """Any amount in a unit, with a qualifier ('over', 'about', ...) or ''; ``like``: the
        amount a count-up is on its way to (its scale word is kept all the way)."""
        number = format_value(unit.kind, value, decimals, lang, unit.scale, like, unit.style)
        text = fill(unit.template.get(lang), value=number)
        if qualifier:
            text = fill(self.string(f"qualifier.{qualifier}", lang), text=text)
        return text

    def format_growth(self, figure: Figure, lang: Language) -> str:
        """'同比增长+22.6%' / '+22.6% year on year', or '' when the figure has no growth."""
        if figure.growth is None:
            return ""
        signed = format_growth(figure.growth.value, figure.growth.decimals, lang)
        return fill(self.string("figure.growth", lang), value=signed)

    def format_source(self, source: Source, lang: Language, key: str = "figure.source") -> str:
        """The one way a source is written: '来源：《…》 (2025)' under a figure, an event or a
        robot, through the strings.csv template ``key`` (a quote's is 'voices.source')."""
        return fill(self.string(key, lang), text=dated_source(source, lang))

    def format_sources(self, sources: list[Source], lang: Language) -> str:
        """Several sources in one credits line: '来源：《…》（2025）；…' / 'Sources: …; …'."""
        names = LIST_SEPARATORS[lang].join(dated_source(s, lang) for s in sources)
        return fill(self.string("figures.sources", lang), text=names)
