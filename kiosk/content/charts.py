"""What a chart shows, worked out from its figures: the checks and the points to draw."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kiosk.content.models import Chart, Figure

CHART_KINDS = ("bars", "trend")
MAX_BARS = 6
MAX_YEARS = 12  # a trend spans at most this many years


@dataclass(frozen=True)
class ChartPoint:
    """One bar or one point of a line, written in the unit of ``figure``.

    ``kind`` is ``stated`` (the figure itself), ``implied`` (the year before a figure with a
    growth rate) or ``projected`` (a year reached at a target rate); ``qualifier`` is how the
    value is qualified on screen (``about`` for implied values, the rate's own for projections).
    """

    figure: Figure
    value: Decimal
    year: int
    kind: str
    qualifier: str


def year_of(period: str) -> int:
    """The year of a period written YYYY, YYYY-MM or YYYY-MM-DD."""
    return int(period[:4])


def _is_rate(figure: Figure) -> bool:
    return figure.unit.kind == "percent"


def chart_problem(kind: str, figures: list[Figure]) -> str:
    """Why these figures cannot make a chart of this kind, or '' when they can."""
    if not figures:
        return "a chart needs at least one figure"
    if kind == "bars":
        if len(figures) > MAX_BARS:
            return f"a bar chart shows at most {MAX_BARS} figures, not {len(figures)}"
        units = sorted({f.unit.id for f in figures})
        if len(units) > 1:
            return f"the figures of one bar chart must share a unit, not {', '.join(units)}"
        return ""
    if _is_rate(figures[0]):
        return f'a trend starts with an amount, not the rate "{figures[0].id}"'
    for figure in figures:
        if _is_rate(figure):
            rate: Decimal | None = figure.number.value
        else:
            rate = figure.growth.value if figure.growth is not None else None
        if rate is not None and rate <= -100:
            return f'the rate of "{figure.id}" must be above -100%'
    units = sorted({f.unit.id for f in figures if not _is_rate(f)})
    if len(units) > 1:
        return f"the amounts of one trend must share a unit, not {', '.join(units)}"
    first = year_of(figures[0].period) - (1 if figures[0].growth is not None else 0)
    year = year_of(figures[0].period)
    for figure in figures[1:]:
        if year_of(figure.period) <= year:
            return f'"{figure.id}" ({figure.period}) must come after {year} in a trend'
        year = year_of(figure.period)
    if year - first > MAX_YEARS:
        return f"a trend spans at most {MAX_YEARS} years, not {year - first}"
    return ""


def chart_points(chart: Chart) -> tuple[ChartPoint, ...]:
    """The bars of a ``bars`` chart, or the points of a ``trend`` in year order."""
    if chart.kind == "bars":
        return tuple(
            ChartPoint(f, f.number.value, year_of(f.period), "stated", f.qualifier)
            for f in chart.figures
        )
    points: list[ChartPoint] = []
    for figure in chart.figures:
        if _is_rate(figure):
            base = points[-1]
            factor = 1 + figure.number.value / 100
            qualifier = "over" if figure.qualifier == "over" else "about"
            value, year = base.value, base.year
            while year < year_of(figure.period):
                value, year = value * factor, year + 1
                points.append(ChartPoint(base.figure, value, year, "projected", qualifier))
            continue
        if not points and figure.growth is not None:
            before = figure.number.value / (1 + figure.growth.value / 100)
            year = year_of(figure.period) - 1
            points.append(ChartPoint(figure, before, year, "implied", "about"))
        points.append(
            ChartPoint(
                figure, figure.number.value, year_of(figure.period), "stated", figure.qualifier
            )
        )
    return tuple(points)


NICE_STEPS = tuple(Decimal(s) for s in ("1", "1.2", "1.5", "2", "2.5", "3", "4", "5", "6", "8"))
SCALE_RATIO = 10  # bars further apart than this are each drawn on a scale of their own


def bar_scales(values: list[Decimal]) -> list[Decimal]:
    """The scale each bar is drawn against: the largest value of its group, where a group is
    the bars within ``SCALE_RATIO`` of its largest (74,032 | 34 and 9: two scales). One
    scale for all when they are close, so a visitor compares lengths only where it is honest."""
    scales: list[Decimal] = [Decimal(0)] * len(values)
    top: Decimal | None = None
    for index in sorted(range(len(values)), key=lambda i: values[i], reverse=True):
        value = values[index]
        if top is None or (value > 0 and top / value > SCALE_RATIO):
            top = value
        scales[index] = top if top > 0 else Decimal(1)
    return scales


def nice_ceiling(value: Decimal) -> Decimal:
    """The round number a scale ends at: the smallest of ``NICE_STEPS`` times a power of ten
    that is at least ``value`` (74,032: 80,000; 34: 40)."""
    if value <= 0:
        return Decimal(1)
    power = Decimal(10) ** (value.adjusted())
    for step in NICE_STEPS:
        if power * step >= value:
            return power * step
    return power * 10
