"""The key-figures spread: a few big numbers and at most two charts on one screen, and the
rest one tap away under "More figures". Each number shows once on the spread."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from kiosk.content.models import Chart, Figure

MAX_HEROES = 6  # big numbers on the spread (figures.csv hero = yes)
DEFAULT_HEROES = 4  # taken in row order when no figure is marked
MAX_CHARTS = 2  # charts on the spread (charts.csv spread = yes; else the first ones)


@dataclass(frozen=True)
class Spread:
    """What the key-figures page shows on its one screen, and what it keeps for later."""

    heroes: tuple[Figure, ...]
    charts: tuple[Chart, ...]
    more_charts: tuple[Chart, ...]
    more_figures: tuple[Figure, ...]  # in no chart and not a hero: shown as tiles

    @property
    def has_more(self) -> bool:
        return bool(self.more_charts or self.more_figures)


def spread_charts(charts: Mapping[str, Chart]) -> list[Chart]:
    """The charts marked for the spread, at most ``MAX_CHARTS``; with none marked, the first."""
    marked = [c for c in charts.values() if c.spread]
    return (marked or list(charts.values()))[:MAX_CHARTS]


def plan_spread(figures: Mapping[str, Figure], charts: Mapping[str, Chart]) -> Spread:
    """Heroes are the marked figures (at most ``MAX_HEROES``, none a spread chart draws), or
    without any marked the first ``DEFAULT_HEROES`` figures no spread chart draws."""
    on_spread = spread_charts(charts)
    drawn = {f.id for chart in on_spread for f in chart.figures}
    free = [f for f in figures.values() if f.id not in drawn]
    heroes = [f for f in free if f.hero][:MAX_HEROES] or free[:DEFAULT_HEROES]
    hero_ids = {f.id for f in heroes}
    shown = {c.id for c in on_spread}
    in_charts = {f.id for chart in charts.values() for f in chart.figures}
    return Spread(
        heroes=tuple(heroes),
        charts=tuple(on_spread),
        more_charts=tuple(c for c in charts.values() if c.id not in shown),
        more_figures=tuple(
            f for f in figures.values() if f.id not in hero_ids and f.id not in in_charts
        ),
    )


def leaving_out(spread: Spread, chart_ids: Collection[str], charts: Mapping[str, Chart]) -> Spread:
    """``spread`` with the charts ``chart_ids`` moved under "More figures" (where the screen
    has no room for them), which lists its charts in the content's order."""
    if not chart_ids:
        return spread
    kept = tuple(c for c in spread.charts if c.id not in chart_ids)
    shown = {c.id for c in kept}
    return Spread(
        heroes=spread.heroes,
        charts=kept,
        more_charts=tuple(c for c in charts.values() if c.id not in shown),
        more_figures=spread.more_figures,
    )
