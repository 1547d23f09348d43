"""Model building: the validated rows of each table into the content model's dataclasses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from kiosk.content.charts import chart_problem
from kiosk.content.errors import Problem, Severity
from kiosk.content.images import check_image
from kiosk.content.models import (
    ChainNote,
    Chart,
    Company,
    Figure,
    Layer,
    Part,
    Robot,
    Source,
    Terminal,
    Text,
)
from kiosk.content.schema import FIGURE_REGIONS, HOTSPOT_COLUMNS, Column
from kiosk.content.spread import MAX_CHARTS, MAX_HEROES
from kiosk.content.tables import ROW, Row, Table, parse_number, split_list
from kiosk.content.validate import language_columns

WARN = Severity.WARNING


def records(frame: pd.DataFrame) -> list[Row]:
    return [dict(zip(frame.columns, values, strict=True)) for values in frame.itertuples(False)]


def build_row(
    table: Table, columns: tuple[Column, ...], record: Row, folder: Path, problems: list[Problem]
) -> Row:
    row: Row = {ROW: record[ROW]}
    for column in columns:
        if column.kind == "localized":
            texts = {lang: record.get(h, "") for lang, h in language_columns(column.name).items()}
            empty = not column.required and not any(texts.values())
            row[column.name or "text"] = None if empty else Text.from_mapping(texts)
            continue
        value = record.get(column.name, "")
        if column.kind == "number":
            row[column.name] = parse_number(value) if value else None
        elif column.kind == "image":
            path = None
            if value:
                path, error = check_image(folder, value)
                if error:
                    problems.append(
                        Problem(table.name, record[ROW], table.letter(column.name), error)
                    )
            row[column.name] = path
        else:
            row[column.name] = value
    return row


def build_parts(
    rows: list[Row], table: Table | None, own_figure: bool, problems: list[Problem]
) -> dict[str, Part]:
    """The parts that have a place on the figure: a hotspot on the curator's own figure image
    (``own_figure``) or a region of the built-in one. A part without one is an error and left out
    (it could not be shown or tapped)."""
    parts: dict[str, Part] = {}
    taken: dict[str, str] = {}
    for r in rows:
        assert table is not None  # rows come from a table
        report = _reporter(table, r[ROW], problems)
        numbers = {c: r[c].value for c in HOTSPOT_COLUMNS if r.get(c) is not None}
        if own_figure:
            hotspot = _hotspot(r["id"], numbers, report)
            if hotspot is not None:
                parts[r["id"]] = Part(r["id"], r["name"], r["stands_for"], hotspot=hotspot)
            continue
        if numbers:
            report(
                next(iter(numbers)),
                "x, y, width and height place a part on your own figure image ([chain] figure "
                "in config.toml); the built-in figure ignores them",
                Severity.WARNING,
            )
        region = r["region"] or (r["id"] if r["id"] in FIGURE_REGIONS else "")
        if not region:
            report(
                "region",
                f'part "{r["id"]}" has no place on the built-in figure: set region to '
                f"{', '.join(FIGURE_REGIONS[:-1])} or {FIGURE_REGIONS[-1]}, or give the chain "
                "page your own figure ([chain] figure in config.toml) and the part x, y, width "
                "and height",
            )
        elif region in taken:
            report("region", f'region "{region}" already holds part "{taken[region]}"')
        else:
            taken[region] = r["id"]
            parts[r["id"]] = Part(r["id"], r["name"], r["stands_for"], region=region)
    return parts


def _reporter(table: Table, row: int, problems: list[Problem]) -> Callable[..., None]:
    """Report a problem at ``column`` of ``row`` (an error unless a severity is given)."""

    def report(column: str, message: str, severity: Severity = Severity.ERROR) -> None:
        problems.append(Problem(table.name, row, table.letter(column), message, severity))

    return report


def _hotspot(
    part_id: str, numbers: dict[str, Any], report: Callable[[str, str], None]
) -> tuple[float, float, float, float] | None:
    """x, y, width, height in percent of the figure image, or None with the problem reported."""
    missing = [c for c in HOTSPOT_COLUMNS if c not in numbers]
    if missing:
        report(
            missing[0],
            f'part "{part_id}" needs {", ".join(missing)}: its hotspot on the figure image, in '
            "percent of the image's width and height",
        )
        return None
    x, y, width, height = (float(numbers[c]) for c in HOTSPOT_COLUMNS)
    for column, start, size in (("x", x, width), ("y", y, height)):
        if start < 0 or size <= 0 or start + size > 100:
            span = "width" if column == "x" else "height"
            report(
                column,
                f'part "{part_id}": {column} {start:g} + {span} {size:g} must stay within the '
                "image (from 0 to 100 percent, the size above 0)",
            )
            return None
    return (x, y, width, height)


def build_chain(
    rows: dict[str, list[Row]],
    sources: dict[str, Source],
    parts: dict[str, Part],
    figure: Path | None,
) -> dict[str, Any]:
    """Layers, parts, companies, terminal kinds and notes of the industry-chain page."""
    return {
        "layers": {r["id"]: Layer(r["id"], r["name"], r["covers"]) for r in rows["layers.csv"]},
        "parts": parts,
        "companies": {
            r["id"]: Company(
                id=r["id"],
                name=r["name"],
                layer=r["layer"],
                parts=tuple(dict.fromkeys(p for p in split_list(r["parts"]) if p in parts)),
                badge=r["badge"] == "yes",
                products=r["products"],
                caption=r["caption"],
                source=sources[r["source"]],
            )
            for r in rows["companies.csv"]
        },
        "terminals": {
            r["id"]: Terminal(r["id"], r["name"], r["layer"]) for r in rows["terminals.csv"]
        },
        "chain_notes": {
            r["id"]: ChainNote(r["id"], r["layer"], r["text"], sources[r["source"]])
            for r in rows["chain_notes.csv"]
        },
        "chain_figure": figure,
    }


def build_robots(
    rows: dict[str, list[Row]],
    sources: dict[str, Source],
    table: Table | None,
    problems: list[Problem],
) -> dict[str, Robot]:
    facts: dict[str, list[Text]] = {}
    for row in rows["robot_facts.csv"]:
        facts.setdefault(row["robot"], []).append(row["text"])
    robots: dict[str, Robot] = {}
    for r in rows["robots.csv"]:
        found = facts.get(r["id"], [])
        if not 2 <= len(found) <= 4:
            assert table is not None  # rows come from a table
            problems.append(
                Problem(
                    table.name,
                    r[ROW],
                    table.letter("id"),
                    f'robot "{r["id"]}" has {len(found)} facts in robot_facts.csv; '
                    "a card shows two to four",
                    Severity.WARNING,
                )
            )
        robots[r["id"]] = Robot(
            id=r["id"],
            category=r["category"],
            image=r["image"],
            name=r["name"],
            maker=r["maker"],
            scene=r["scene"],
            facts=tuple(found[:4]),
            source=sources[r["source"]],
        )
    return robots


def build_charts(
    rows: list[Row], table: Table | None, figures: dict[str, Figure], problems: list[Problem]
) -> dict[str, Chart]:
    charts: dict[str, Chart] = {}
    for row in rows:
        chosen = [figures[i] for i in split_list(row["figures"]) if i in figures]
        problem = chart_problem(row["kind"], chosen)
        if problem:
            assert table is not None  # rows come from a table
            problems.append(Problem(table.name, row[ROW], table.letter("figures"), problem))
            continue
        charts[row["id"]] = Chart(
            row["id"],
            row["kind"],
            tuple(chosen),
            row["title"],
            row["note"],
            spread=row.get("spread") == "yes",
        )
    return charts


def check_spread(
    figure_rows: list[Row],
    figure_table: Table | None,
    chart_rows: list[Row],
    chart_table: Table | None,
    problems: list[Problem],
) -> None:
    """Warnings for a key-figures spread that cannot show what was marked: too many heroes or
    spread charts (the rest go under "More figures"), a hero a spread chart already draws."""
    charted = [r for r in chart_rows if r.get("spread") == "yes"] or chart_rows
    drawn = {i: r for r in charted[:MAX_CHARTS] for i in split_list(r["figures"])}
    heroes = [r for r in figure_rows if r.get("hero") == "yes"]
    if figure_table is not None:
        column = figure_table.letter("hero")
        for row in heroes:
            if row["id"] in drawn:
                message = (
                    f"'{row['id']}' is drawn in the spread's chart '{drawn[row['id']]['id']}': "
                    "the spread shows each number once, so it is not a hero there"
                )
                problems.append(Problem(figure_table.name, row[ROW], column, message, WARN))
        free = [r for r in heroes if r["id"] not in drawn]
        for row in free[MAX_HEROES:]:
            message = f"more than {MAX_HEROES} hero figures: this one is under 'More figures'"
            problems.append(Problem(figure_table.name, row[ROW], column, message, WARN))
    if chart_table is not None:
        marked = [r for r in chart_rows if r.get("spread") == "yes"]
        for row in marked[MAX_CHARTS:]:
            message = (
                f"more than {MAX_CHARTS} charts on the spread: this one is under 'More figures'"
            )
            problems.append(
                Problem(chart_table.name, row[ROW], chart_table.letter("spread"), message, WARN)
            )
