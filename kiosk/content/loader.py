"""Load a content folder into the model, reporting every problem and keeping every valid item."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from dataclasses import replace
from pathlib import Path

from kiosk.content.build import (
    build_chain,
    build_charts,
    build_parts,
    build_robots,
    build_row,
    check_spread,
    records,
)
from kiosk.content.config import (
    CONFIG,
    check_chain_figure,
    check_page_order,
    parse_config,
    read_config,
)
from kiosk.content.errors import Problem, Severity
from kiosk.content.models import (
    Category,
    Content,
    Event,
    Figure,
    Page,
    Source,
    Text,
    Unit,
    Voice,
)
from kiosk.content.playlist import check_moments
from kiosk.content.schema import (
    EXHIBITION_STRINGS,
    OPTIONAL_STRINGS,
    RENAMED_STRINGS,
    REQUIRED_STRINGS,
    TABLES,
    tables_needed,
)
from kiosk.content.tables import ROW, Row, Table, read_table
from kiosk.content.validate import TableChecks, check_header, check_templates, columns_for

CoverageCheck = Callable[[str], str]  # returns the characters of a text the fonts lack


def load_content(
    folder: Path, missing_glyphs: CoverageCheck | None = None, interface: Path | None = None
) -> Content:
    """Read and validate ``folder``; what is invalid is left out and reported in ``problems``.

    ``interface`` is the folder of the product's own interface words (``strings.csv``: Home,
    Back, the admin panel's words...): they stand in for every interface key ``folder`` does not
    set, so an exhibition needs only its own texts. The exhibition's own texts
    (``EXHIBITION_STRINGS``: its title and subtitle) have no stand-in: a missing one is an error
    naming the key, never another exhibition's words.
    """
    folder = Path(folder)
    problems: list[Problem] = []
    config_text = read_config(folder, problems)
    settings = parse_config(config_text, problems)
    rows: dict[str, list[Row]] = {}
    tables: dict[str, Table] = {}
    needed = tables_needed(settings.page_order)
    for name in TABLES:
        if name not in needed and not os.path.lexists(folder / name):
            rows[name] = []  # a page this exhibition does not show
            continue
        rows[name] = _load_table(folder, name, rows, tables, problems, missing_glyphs)

    own = {r["key"]: r["text"] for r in rows["strings.csv"]}
    for row in rows["strings.csv"]:
        renamed = RENAMED_STRINGS.get(row["key"])
        if renamed is not None:
            message = f"key '{row['key']}' is now '{renamed}' (one Back for every detail)"
            if renamed not in own:
                own[renamed] = row["text"]
                message += "; its words are used"
            problems.append(Problem("strings.csv", row[ROW], "A", message, Severity.WARNING))
        elif row["key"] not in REQUIRED_STRINGS and row["key"] not in OPTIONAL_STRINGS:
            message = f"key '{row['key']}' is not one the kiosk shows (a typo?); it is ignored"
            problems.append(Problem("strings.csv", row[ROW], "A", message, Severity.WARNING))
    strings = _with_interface_words(own, interface, problems)
    sources = {r["id"]: Source(r["id"], r["date"], r["name"]) for r in rows["sources.csv"]}
    units = {
        r["id"]: Unit(
            r["id"],
            r["kind"],
            r["text"],
            int(r["scale"].value) if r["scale"] else 0,
            r.get("style") or "words",
        )
        for r in rows["units.csv"]
    }
    pages = {
        r["id"]: Page(r["id"], r.get("icon"), r.get("backdrop"), r["title"], r["caption"])
        for r in rows["pages.csv"]
    }
    figures = {
        r["id"]: Figure(
            id=r["id"],
            number=r["value"],
            unit=units[r["unit"]],
            qualifier=r.get("qualifier") or "",
            growth=r.get("growth"),
            period=r["period"],
            source=sources[r["source"]],
            label=r["label"],
            hero=r.get("hero") == "yes",
        )
        for r in rows["figures.csv"]
    }
    charts = build_charts(rows["charts.csv"], tables.get("charts.csv"), figures, problems)
    check_spread(
        rows["figures.csv"],
        tables.get("figures.csv"),
        rows["charts.csv"],
        tables.get("charts.csv"),
        problems,
    )
    figure = check_chain_figure(folder, config_text or "", settings, problems)
    parts = build_parts(
        rows["parts.csv"], tables.get("parts.csv"), bool(settings.chain_figure), problems
    )
    chain = build_chain(rows, sources, parts, figure)
    _check_badge_words(rows["companies.csv"], tables.get("companies.csv"), strings, problems)
    categories = {r["id"]: Category(r["id"], r["name"]) for r in rows["categories.csv"]}
    robots = build_robots(rows, sources, tables.get("robots.csv"), problems)
    events = tuple(
        sorted(
            (
                Event(
                    r["id"],
                    r["date"],
                    figures.get(r["figure"]) if r["figure"] else None,
                    r["title"],
                    r["text"],
                    sources[r["source"]],
                    r.get("detail"),
                )
                for r in rows["events.csv"]
            ),
            key=lambda e: e.date,
        )
    )
    voices = {
        r["id"]: Voice(r["id"], r["speaker"], r["role"], r["quote"], sources[r["source"]])
        for r in rows["voices.csv"]
    }
    settings = check_page_order(config_text or "", settings, pages, problems)
    ids: dict[str, Collection[str]] = {"figure": figures, "robot": robots, "quote": voices}
    playlist = check_moments(config_text or "", settings.playlist, ids, CONFIG, problems)
    settings = replace(settings, playlist=playlist)
    problems.sort(key=lambda p: (p.file, p.row or 0, p.column or ""))
    return Content(
        folder=folder,
        settings=settings,
        strings=strings,
        pages=pages,
        sources=sources,
        units=units,
        figures=figures,
        charts=charts,
        **chain,
        categories=categories,
        robots=robots,
        events=events,
        voices=voices,
        problems=tuple(problems),
    )


def _with_interface_words(
    strings: dict[str, Text], interface: Path | None, problems: list[Problem]
) -> dict[str, Text]:
    """``strings`` with the product's interface words for the keys it does not set; an error
    for each missing key that has no such word (the exhibition's own texts)."""
    missing = [key for key in REQUIRED_STRINGS if key not in strings]
    words: dict[str, Text] = {}
    if missing and interface is not None:
        rows = _load_table(Path(interface), "strings.csv", {}, {}, [], None)
        words = {r["key"]: r["text"] for r in rows if r["key"] not in EXHIBITION_STRINGS}
    for key in missing:
        if key in words:
            strings[key] = words[key]
        elif key in EXHIBITION_STRINGS:
            message = f"key '{key}' is missing: {EXHIBITION_STRINGS[key]}; add it"
            problems.append(Problem("strings.csv", None, "A", message))
        else:
            problems.append(Problem("strings.csv", None, "A", f"key '{key}' is missing"))
    return strings


def _load_table(
    folder: Path,
    name: str,
    loaded: dict[str, list[Row]],
    tables: dict[str, Table],
    problems: list[Problem],
    missing_glyphs: CoverageCheck | None,
) -> list[Row]:
    """Read one table, validate it, and build the rows that passed (read -> validate -> build)."""
    table, read_problems = read_table(folder, name)
    problems.extend(read_problems)
    if table is None:
        return []
    columns = columns_for(name)
    if not check_header(table, columns, problems):
        return []
    tables[name] = table
    known_ids = {ref: {r.get("id") for r in rows} for ref, rows in loaded.items()}
    checks = TableChecks(table, tables, known_ids, problems, missing_glyphs)
    good = table.frame[~checks.run(columns)]
    rows = [build_row(table, columns, record, folder, problems) for record in records(good)]
    return [r for r in rows if check_templates(name, table, r, problems)]


def _check_badge_words(
    companies: list[Row], table: Table | None, strings: dict[str, Text], problems: list[Problem]
) -> None:
    """A company marked with a badge needs the badge's words (the exhibition's own)."""
    marked = [r for r in companies if r["badge"] == "yes"]
    if marked and "chain.badge" not in strings and table is not None:
        message = (
            f"{len(marked)} companies have badge 'yes' but strings.csv has no key 'chain.badge' "
            "(the badge's words, in each language); add it, or leave the column empty"
        )
        problems.append(Problem("companies.csv", marked[0][ROW], table.letter("badge"), message))
