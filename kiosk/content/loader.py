"""Load a content folder into the model, reporting every problem and keeping every valid item."""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date
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
    Content,
    Event,
    Figure,
    Layer,
    Page,
    Part,
    PlaylistEntry,
    Robot,
    Settings,
    Source,
    Terminal,
    Text,
    Unit,
    Voice,
)
from kiosk.content.schedule import Schedule, parse_schedule
from kiosk.content.schema import PAGE_IDS, REQUIRED_STRINGS, TABLES, Column
from kiosk.content.tables import ROW, Table, not_text, parse_number, read_file, read_table
from kiosk.i18n import DEFAULT_LANGUAGE, LANGUAGES, parse_language

CONFIG = "config.toml"
CoverageCheck = Callable[[str], str]  # returns the characters of a text the fonts lack

_ID = r"[A-Za-z0-9][A-Za-z0-9_.\-]*"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_HTML = r"<\s*/?\s*[A-Za-z][^<>]*>"
_LIST_SEPARATOR = re.compile(r"[\s,;，；、]+")
_LANG_SUFFIX = re.compile(r"^(?:(?P<name>[a-z]+)_)?(?P<code>[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$")
Row = dict[str, Any]


def load_content(
    folder: Path, missing_glyphs: CoverageCheck | None = None, fallback: Path | None = None
) -> Content:
    """Read and validate ``folder``; what is invalid is left out and reported in ``problems``.

    ``fallback`` is a content folder (the bundled one) whose UI strings stand in for keys that
    ``folder`` lacks: a curator's folder made for an older version still shows every text.
    """
    folder = Path(folder)
    problems: list[Problem] = []
    config_text = _read_config(folder, problems)
    settings = _load_config(config_text, problems)
    rows: dict[str, list[Row]] = {}
    tables: dict[str, Table] = {}
    for name in TABLES:
        rows[name] = _load_table(folder, name, rows, tables, problems, missing_glyphs)

    strings = {r["key"]: r["text"] for r in rows["strings.csv"]}
    missing = [key for key in REQUIRED_STRINGS if key not in strings]
    builtin = _builtin_strings(fallback, folder) if missing else {}
    for key in missing:
        if key in builtin:
            strings[key] = builtin[key]
            message = f"key '{key}' is missing: this version's built-in text is shown; add it"
            problems.append(Problem("strings.csv", None, "A", message, Severity.WARNING))
        else:
            problems.append(Problem("strings.csv", None, "A", f"key '{key}' is missing"))
    sources = {r["id"]: Source(r["id"], r["date"], r["name"]) for r in rows["sources.csv"]}
    units = {r["id"]: Unit(r["id"], r["kind"], r["text"]) for r in rows["units.csv"]}
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
        )
        for r in rows["figures.csv"]
    }
    charts = _build_charts(rows["charts.csv"], tables.get("charts.csv"), figures, problems)
    chain = _build_chain(rows, sources)
    robots = _build_robots(rows, sources, tables.get("robots.csv"), problems)
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
    settings = _check_page_order(config_text or "", settings, pages, problems)
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
        robots=robots,
        events=events,
        voices=voices,
        problems=tuple(problems),
    )


# --- config.toml ----------------------------------------------------------------------------


def _toml_repr(value: object) -> str:
    """A short TOML-like spelling of ``value`` for a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _toml_line(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return None


def _builtin_strings(fallback: Path | None, folder: Path) -> dict[str, Text]:
    """The UI strings of the ``fallback`` folder (none when it is ``folder`` itself)."""
    if fallback is None or Path(fallback).resolve() == folder.resolve():
        return {}
    rows = _load_table(Path(fallback), "strings.csv", {}, {}, [], None)
    return {r["key"]: r["text"] for r in rows}


def load_settings(folder: Path) -> tuple[Settings, list[Problem]]:
    """Only ``config.toml``'s settings (say, the content version for ``kiosk --version``)."""
    problems: list[Problem] = []
    return _load_config(_read_config(folder, problems), problems), problems


def _read_config(folder: Path, problems: list[Problem]) -> str | None:
    """The text of config.toml, or None with the reason reported (defaults are used)."""
    raw, unusable = read_file(folder, CONFIG)
    if raw is not None:
        binary = not_text(raw)
        try:
            if binary is None:
                return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            unusable = Problem(
                CONFIG, line, None, f"byte 0x{raw[exc.start]:02X} is not UTF-8; save it as UTF-8"
            )
        else:
            unusable = Problem(CONFIG, None, None, f"{binary}; save it as UTF-8")
    assert unusable is not None
    problems.append(replace(unusable, message=f"{unusable.message}; using default settings"))
    return None


def _load_config(text: str | None, problems: list[Problem]) -> Settings:
    if text is None:
        return Settings()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        row, col = (int(found[1]), found[2]) if found else (None, None)
        if found is None and "end of document" in str(exc):
            row = max(1, len(text.rstrip("\n").splitlines()))  # the last line is unfinished
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        problems.append(Problem(CONFIG, row, col, f"{message}; using default settings"))
        return Settings()

    def problem(key: str, message: str, severity: Severity = Severity.ERROR) -> None:
        problems.append(Problem(CONFIG, _toml_line(text, key), "1", message, severity))

    known: dict[str, set[str] | None] = {
        "exhibition": {"version", "default_language"},
        "pages": {"order"},
        "timing": {"autoplay_after", "reset_after", "countdown"},
        "autoplay": {"enabled", "rotate_languages", "playlist"},
        "kiosk": {"hide_cursor"},
        "hours": None,  # day names, checked with the schedule
    }
    for section, values in list(data.items()):
        if section in known and not isinstance(values, dict):
            problem(
                section,
                f"'{section}' must be a table: write [{section}] on a line of its own with its "
                f"settings below it, not {section} = {_toml_repr(values)}; using the defaults "
                "for it",
            )
            del data[section]
            continue
        if section not in known or not isinstance(values, dict):
            problem(section, f"unknown setting '{section}' is ignored", Severity.WARNING)
            continue
        for key in values:
            allowed = known[section]
            if allowed is not None and key not in allowed:
                problem(key, f"unknown setting '{section}.{key}' is ignored", Severity.WARNING)

    defaults = Settings()
    exhibition, pages, timing = (data.get(k, {}) for k in ("exhibition", "pages", "timing"))
    version = str(exhibition.get("version", defaults.version))
    language = defaults.default_language
    if "default_language" in exhibition:
        parsed = parse_language(str(exhibition["default_language"]))
        if parsed is None:
            problem(
                "default_language",
                f"unknown language code '{exhibition['default_language']}' "
                f"(use {', '.join(LANGUAGES)}); using {DEFAULT_LANGUAGE}",
            )
        else:
            language = parsed
    order = pages.get("order", list(defaults.page_order))
    if not isinstance(order, list) or not all(isinstance(p, str) for p in order):
        problem("order", 'pages.order must be a list of page ids, like ["home", "figures"]')
        order = list(defaults.page_order)
    seconds: dict[str, float] = {}
    for key in ("autoplay_after", "reset_after", "countdown"):
        value = timing.get(key, getattr(defaults, key))
        low = 0 if key == "countdown" else 5
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value:
            problem(key, f"timing.{key} must be at least {low} seconds, not {value!r}")
            value = getattr(defaults, key)
        elif value > 24 * 3600:
            problem(key, f"timing.{key} is more than a day ({value} s)")
            value = getattr(defaults, key)
        seconds[key] = float(value)
    autoplay = data.get("autoplay", {})
    flags: dict[str, bool] = {}
    for section, key, name in (
        (autoplay, "enabled", "autoplay"),
        (autoplay, "rotate_languages", "rotate_languages"),
        (data.get("kiosk", {}), "hide_cursor", "hide_cursor"),
    ):
        value = section.get(key, getattr(defaults, name))
        if not isinstance(value, bool):
            problem(key, f"{key} must be true or false, not {value!r}")
            value = getattr(defaults, name)
        flags[name] = value
    playlist = _playlist(autoplay.get("playlist", []), order, problem)
    schedule, hour_errors = parse_schedule(data.get("hours", {}))
    for key, message in hour_errors.items():
        problem(key, f"{message}; the kiosk stays open")
    if hour_errors:
        schedule = Schedule()
    elif not schedule.always and not any(schedule.days):
        problem(
            next(iter(data["hours"]), "hours"),
            "[hours] never opens: the screen would stay dark all week (remove [hours] to stay "
            "open around the clock)",
            Severity.WARNING,
        )
    return Settings(
        version,
        language,
        tuple(order),
        playlist=playlist,
        hours=schedule,
        **seconds,
        **flags,
    )


def _playlist(
    entries: object, order: list[str], problem: Callable[..., None]
) -> tuple[PlaylistEntry, ...]:
    """The attract loop's stops; a bad stop is reported and left out."""
    if not isinstance(entries, list):
        problem("playlist", 'autoplay.playlist must be a list like [{ page = "home", dwell = 8 }]')
        return ()
    playlist: list[PlaylistEntry] = []
    for number, entry in enumerate(entries, start=1):
        where = f"autoplay.playlist entry {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("page"), str):
            problem("playlist", f'{where} needs a page, like {{ page = "figures", dwell = 12 }}')
            continue
        page = entry["page"]
        if page not in order:
            problem("playlist", f"{where}: page '{page}' is not in pages.order; it is skipped")
            continue
        dwell = entry.get("dwell", PlaylistEntry.dwell)
        if isinstance(dwell, bool) or not isinstance(dwell, int | float) or not 3 <= dwell <= 600:
            problem("playlist", f"{where}: dwell must be 3 to 600 seconds, not {dwell!r}")
            dwell = PlaylistEntry.dwell
        steps = entry.get("steps", 0)
        if isinstance(steps, bool) or not isinstance(steps, int) or not 0 <= steps <= 50:
            problem("playlist", f"{where}: steps must be a whole number from 0 to 50")
            steps = 0
        unknown = set(entry) - {"page", "dwell", "steps"}
        if unknown:
            keys = ", ".join(sorted(unknown))
            problem("playlist", f"{where}: unknown key {keys} is ignored", Severity.WARNING)
        playlist.append(PlaylistEntry(page, float(dwell), steps))
    return tuple(playlist)


def _build_chain(rows: dict[str, list[Row]], sources: dict[str, Source]) -> dict[str, Any]:
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
                hurun=r["hurun"] == "yes",
                products=r["products"],
                caption=r["caption"],
                source=sources[r["source"]],
            )
            for r in rows["companies.csv"]
        },
        "terminals": {r["id"]: Terminal(r["id"], r["name"]) for r in rows["terminals.csv"]},
        "chain_notes": {
            r["id"]: ChainNote(r["id"], r["layer"], r["text"], sources[r["source"]])
            for r in rows["chain_notes.csv"]
        },
    }


def _build_robots(
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


def split_list(cell: str) -> list[str]:
    """Ids typed in one cell, separated by spaces, commas or semicolons."""
    return [item for item in _LIST_SEPARATOR.split(cell) if item]


def _build_charts(
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


def _check_page_order(
    text: str, settings: Settings, pages: dict[str, Page], problems: list[Problem]
) -> Settings:
    line = _toml_line(text, "order")
    order: list[str] = []
    for page_id in settings.page_order:
        if page_id not in pages:
            hint = "" if page_id in PAGE_IDS else f" (known pages: {', '.join(PAGE_IDS)})"
            problems.append(
                Problem(CONFIG, line, "1", f"page '{page_id}' has no valid row in pages.csv{hint}")
            )
        elif page_id in order:
            problems.append(Problem(CONFIG, line, "1", f"page '{page_id}' is listed twice"))
        else:
            order.append(page_id)
    if "home" not in order:
        problems.append(Problem(CONFIG, line, "1", "pages.order must start with 'home'"))
        if "home" in pages:
            order.insert(0, "home")
    elif order[0] != "home":
        problems.append(Problem(CONFIG, line, "1", "pages.order must start with 'home'"))
        order.remove("home")
        order.insert(0, "home")
    playlist = tuple(e for e in settings.playlist if e.page in order)
    return replace(settings, page_order=tuple(order), playlist=playlist)


# --- CSV tables -----------------------------------------------------------------------------


def _language_columns(name: str) -> dict[str, str]:
    """Header names of a localized column: ``title_zh-Hans``...; bare codes when name is ''."""
    return {lang: f"{name}_{lang}" if name else lang for lang in LANGUAGES}


def _columns_for(name: str) -> tuple[Column, ...]:
    columns = TABLES[name]
    if name in ("strings.csv", "units.csv"):
        columns = (*columns, Column("", "localized"))
    return columns


def _load_table(
    folder: Path,
    name: str,
    loaded: dict[str, list[Row]],
    tables: dict[str, Table],
    problems: list[Problem],
    missing_glyphs: CoverageCheck | None,
) -> list[Row]:
    table, read_problems = read_table(folder, name)
    problems.extend(read_problems)
    if table is None:
        return []
    columns = _columns_for(name)
    if not _check_header(table, columns, problems):
        return []
    tables[name] = table
    frame = table.frame
    bad = pd.Series(False, index=frame.index)

    def report(
        mask: pd.Series,
        header: str,
        message: Callable[[pd.Series], str],
        severity: Severity = Severity.ERROR,
    ) -> None:
        nonlocal bad
        for index in frame.index[mask]:
            row = frame.loc[index]
            problems.append(
                Problem(name, int(row[ROW]), table.letter(header), message(row), severity)
            )
        if severity is Severity.ERROR:
            bad = bad | mask

    refs = {ref: {r.get("id") for r in rows} for ref, rows in loaded.items()}
    for column in columns:
        headers = (
            _language_columns(column.name) if column.kind == "localized" else {"": column.name}
        )
        # an optional text may be left out, but then in every language
        filled = pd.Series(False, index=frame.index)
        for header in headers.values():
            if header in frame.columns:
                filled = filled | (frame[header] != "")
        for lang, header in headers.items():
            if header not in frame.columns:
                continue
            cells = frame[header]
            empty = cells == ""
            if column.required or column.kind == "localized":
                what = f"the {lang} text" if lang else f"'{header}'"
                needed = empty if column.required else empty & filled
                report(needed, header, lambda r, w=what: f"{w} is empty")
            present = ~empty
            if column.kind == "id":
                report(
                    present & ~cells.str.fullmatch(_ID),
                    header,
                    lambda r, h=header: (
                        f"id \"{r[h]}\" may only use letters, digits, '.', '_' and '-'"
                    ),
                )
                report(
                    present & cells.duplicated(keep="first"),
                    header,
                    lambda r, h=header: f'id "{r[h]}" is used by an earlier row',
                )
            elif column.kind == "choice":
                allowed = ", ".join(c for c in column.choices if c)
                report(
                    present & ~cells.isin(column.choices),
                    header,
                    lambda r, h=header, a=allowed: f'"{r[h]}" is not one of: {a}',
                )
                if column.name == "id":
                    report(
                        present & cells.duplicated(keep="first"),
                        header,
                        lambda r, h=header: f'id "{r[h]}" is used by an earlier row',
                    )
            elif column.kind in ("ref", "refs") and column.ref not in tables:
                bad = bad | present  # the file it refers to is unreadable; that is reported
            elif column.kind == "ref":
                report(
                    present & ~cells.isin(tables[column.ref].ids),
                    header,
                    lambda r, h=header, c=column: (
                        f'unknown {c.name} "{r[h]}" (not an id in {c.ref})'
                    ),
                )
                # An id whose own row has errors is not reported again here (that row's error
                # says why): a row that needs it is left out, an optional link is dropped.
                failed = (
                    present & cells.isin(tables[column.ref].ids) & ~cells.isin(refs[column.ref])
                )
                if column.required:
                    bad = bad | failed
                else:
                    frame.loc[failed, header] = ""
            elif column.kind == "refs":
                # ids whose own row has errors are left out quietly: that row's error says why
                known = tables[column.ref].ids

                def unknown(cell: str, known: frozenset[str] = known) -> str:
                    return " ".join(i for i in split_list(cell) if i not in known)

                missing = cells.map(unknown)
                report(
                    present & (missing != ""),
                    header,
                    lambda r, h=header, c=column, u=unknown: (
                        f'unknown {c.ref.removesuffix("s.csv")} "{u(r[h])}" '
                        f"(not a valid id in {c.ref})"
                    ),
                )
            elif column.kind == "number":
                invalid = cells.map(_number_error)
                report(present & (invalid != ""), header, lambda r, h=header: _number_error(r[h]))
            elif column.kind == "date":
                # map() keeps an empty column's str dtype; bool & str is deprecated in pandas
                report(
                    present & ~cells.map(_is_date).astype(bool),
                    header,
                    lambda r, h=header: f'"{r[h]}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
                )
            elif column.kind == "localized":
                report(
                    cells.str.contains(_HTML, regex=True),
                    header,
                    lambda r, h=header: (
                        f'"{r[h]}" looks like HTML; it is shown exactly as typed, tags included'
                    ),
                    Severity.WARNING,
                )
                if missing_glyphs is not None:
                    lacking = cells.map(missing_glyphs)
                    report(
                        lacking != "",
                        header,
                        lambda r, h=header: (
                            f'the shipped fonts lack "{missing_glyphs(r[h])}"'
                            "; visitors would see empty boxes"
                        ),
                        Severity.WARNING,
                    )

    good = frame[~bad]
    rows = [_build_row(table, columns, record, folder, problems) for record in _records(good)]
    return [r for r in rows if _check_templates(name, table, r, problems)]


def _records(frame: pd.DataFrame) -> list[Row]:
    return [dict(zip(frame.columns, values, strict=True)) for values in frame.itertuples(False)]


def _check_header(table: Table, columns: tuple[Column, ...], problems: list[Problem]) -> bool:
    expected: set[str] = set()
    complete = True
    localized = {c.name for c in columns if c.kind == "localized"}
    for column in columns:
        names = (
            _language_columns(column.name).values() if column.kind == "localized" else [column.name]
        )
        some = any(h in table.header for h in names)  # an optional text: all or none
        for header in names:
            expected.add(header)
            if header not in table.header and (column.required or some):
                problems.append(Problem(table.name, 1, "-", f"column '{header}' is missing"))
                complete = False
    for header in table.header:
        if header in expected or not header:
            continue
        found = _LANG_SUFFIX.match(header)
        if found and (found["name"] or "") in localized:
            problems.append(
                Problem(
                    table.name,
                    1,
                    table.letter(header),
                    f"unknown language code '{found['code']}' in column '{header}' "
                    f"(use {', '.join(LANGUAGES)})",
                )
            )
        else:
            problems.append(
                Problem(
                    table.name,
                    1,
                    table.letter(header),
                    f"column '{header}' is not used",
                    Severity.WARNING,
                )
            )
    return complete


def _build_row(
    table: Table, columns: tuple[Column, ...], record: Row, folder: Path, problems: list[Problem]
) -> Row:
    row: Row = {ROW: record[ROW]}
    for column in columns:
        if column.kind == "localized":
            texts = {lang: record.get(h, "") for lang, h in _language_columns(column.name).items()}
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


def _check_templates(name: str, table: Table, row: Row, problems: list[Problem]) -> bool:
    """Units and UI strings must keep their placeholders in every language."""
    if name == "units.csv":
        needed: tuple[str, ...] = ("{value}",)
    elif name == "strings.csv":
        needed = REQUIRED_STRINGS.get(row["key"], ())
    else:
        return True
    ok = True
    for lang in LANGUAGES:
        text = row["text"].get(lang)
        if name == "units.csv" and "{value}" in text and not _names_a_unit(text):
            problems.append(
                Problem(
                    name,
                    row[ROW],
                    table.letter(lang),
                    f'the {lang} text "{text}" shows a bare number: write the unit around '
                    '{value}, like "{value} companies"',
                    Severity.WARNING,
                )
            )
        for placeholder in needed:
            if placeholder not in text:
                problems.append(
                    Problem(
                        name,
                        row[ROW],
                        table.letter(lang),
                        f"the {lang} text must contain {placeholder}",
                    )
                )
                ok = False
    return ok


def _names_a_unit(template: str) -> bool:
    """Whether a unit template says what its number counts: a letter, a sign like % or ¥."""
    rest = template.replace("{value}", "")
    return any(unicodedata.category(c)[0] in "LS" or c in "%‰" for c in rest)


def _number_error(text: str) -> str:
    if not text:
        return ""
    try:
        parse_number(text)
    except ValueError as exc:
        return str(exc)
    return ""


def _is_date(text: str) -> bool:
    found = _DATE.match(text)
    if not found:
        return False
    year, month, day = (int(g) if g else 1 for g in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
