"""config.toml: the exhibition's settings, each mistake a ``config.toml:line:column`` problem
and the default in its place (no Qt, no pandas)."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.content.errors import Problem, Severity
from kiosk.content.images import check_image
from kiosk.content.models import Page, Settings
from kiosk.content.playlist import parse_playlist
from kiosk.content.schedule import Schedule, parse_schedule
from kiosk.content.schema import PAGE_IDS
from kiosk.content.tables import not_text, read_file
from kiosk.i18n import DEFAULT_LANGUAGE, LANGUAGES, parse_language

CONFIG = "config.toml"


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


def load_settings(folder: Path) -> tuple[Settings, list[Problem]]:
    """Only ``config.toml``'s settings (say, the content version for ``kiosk --version``)."""
    problems: list[Problem] = []
    return parse_config(read_config(folder, problems), problems), problems


def read_config(folder: Path, problems: list[Problem]) -> str | None:
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


def parse_config(text: str | None, problems: list[Problem]) -> Settings:
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
        "chain": {"figure"},
        "accessibility": {"reset_after", "reach_top_portrait", "reach_top_landscape"},
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
    playlist = parse_playlist(autoplay.get("playlist", []), order, problem)
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
    figure = data.get("chain", {}).get("figure", "")
    if not isinstance(figure, str):
        problem("figure", f"chain.figure must be an image path in quotes, not {figure!r}")
        figure = ""
    options: dict[str, Any] = {
        **seconds,
        **flags,
        **parse_accessibility(data.get("accessibility", {}), seconds["reset_after"], problem),
        "chain_figure": figure.strip(),
    }
    return Settings(
        version,
        language,
        tuple(order),
        playlist=playlist,
        hours=schedule,
        **options,
    )


# Reach mode leaves the pages at least this much height (px at 1080 on the short side).
REACH_ROOM = 720
SCREEN_SIDES = {"reach_top_portrait": 1920, "reach_top_landscape": 1080}


def parse_accessibility(
    section: dict[str, Any], reset_after: float, problem: Callable[..., None]
) -> dict[str, Any]:
    """``[accessibility]``: the longer idle reset and the reach-mode boundaries."""
    defaults = Settings()
    options: dict[str, Any] = {}
    value = section.get("reset_after", defaults.access_reset_after)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 5 <= value <= 86400:
        problem(
            "reset_after", f"accessibility.reset_after must be 5 to 86400 seconds, not {value!r}"
        )
        value = defaults.access_reset_after
    elif value < reset_after:
        problem(
            "reset_after",
            f"accessibility.reset_after ({value} s) is shorter than timing.reset_after "
            f"({reset_after:g} s); a visitor in reach or larger text gets {reset_after:g} s",
            Severity.WARNING,
        )
    options["access_reset_after"] = float(value)
    for key, side in SCREEN_SIDES.items():
        value = section.get(key, getattr(defaults, key))
        highest = side - REACH_ROOM
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= highest:
            problem(
                key,
                f"accessibility.{key} must be a whole number of pixels from 0 to {highest} "
                f"(the pages need {REACH_ROOM} px below it), not {value!r}",
            )
            value = getattr(defaults, key)
        options[key] = value
    return options


def check_chain_figure(
    folder: Path, text: str, settings: Settings, problems: list[Problem]
) -> Path | None:
    """The chain page's own figure image, checked; None for the built-in figure."""
    if not settings.chain_figure:
        return None
    path, error = check_image(folder, settings.chain_figure)
    if error:
        message = f"chain.figure: {error}; the parts' hotspots have no figure to sit on"
        problems.append(Problem(CONFIG, _toml_line(text, "figure"), "1", message))
    return path


def check_page_order(
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
    playlist = tuple(e for e in settings.playlist if e.moment or e.page in order)
    return replace(settings, page_order=tuple(order), playlist=playlist)
