"""Model building: the validated rows of each table into the content model's dataclasses."""

from __future__ import annotations

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
from kiosk.content.schema import Column
from kiosk.content.tables import ROW, Row, Table, parse_number, split_list
from kiosk.content.validate import language_columns


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


def build_chain(rows: dict[str, list[Row]], sources: dict[str, Source]) -> dict[str, Any]:
    """Layers, parts, companies, terminal kinds and notes of the industry-chain page."""
    parts = {r["id"]: Part(r["id"], r["name"], r["stands_for"]) for r in rows["parts.csv"]}
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
        charts[row["id"]] = Chart(row["id"], row["kind"], tuple(chosen), row["title"], row["note"])
    return charts
