"""The attract loop's playlist from ``config.toml``: pages with their steps, and full-screen
moments (a key figure counting up, a robot, a quote) that draw a passer-by from a distance."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from kiosk.content.errors import Problem, Severity
from kiosk.content.models import Content, PlaylistEntry

# a moment's kind: the playlist key that names it and the content table its id is from
MOMENTS: dict[str, str] = {"figure": "figures.csv", "robot": "robots.csv", "quote": "voices.csv"}
MOMENT_DWELL = 8.0
PAGE_DWELL = 12.0
EXAMPLE = '[{ figure = "some_figure_id", dwell = 8 }, { page = "home", dwell = 8 }]'


def parse_playlist(
    entries: object, order: list[str], problem: Callable[..., None]
) -> tuple[PlaylistEntry, ...]:
    """The loop's stops as written; a bad stop is reported (``problem(key, message,
    severity)``) and left out. Moments' ids are checked later, against the tables."""
    if not isinstance(entries, list):
        problem("playlist", f"autoplay.playlist must be a list like {EXAMPLE}")
        return ()
    playlist: list[PlaylistEntry] = []
    for number, entry in enumerate(entries, start=1):
        where = f"autoplay.playlist entry {number}"
        kinds = [k for k in ("page", *MOMENTS) if k in entry] if isinstance(entry, dict) else []
        if not isinstance(entry, dict) or len(kinds) != 1 or not isinstance(entry[kinds[0]], str):
            problem(
                "playlist",
                f"{where} needs one of page, figure, robot or quote with an id in quotes, like "
                '{ page = "figures", dwell = 12 } or { figure = "some_figure_id" }',
            )
            continue
        kind, target = kinds[0], str(entry[kinds[0]])
        if kind == "page" and target not in order:
            problem("playlist", f"{where}: page '{target}' is not in pages.order; it is skipped")
            continue
        default = PAGE_DWELL if kind == "page" else MOMENT_DWELL
        dwell = entry.get("dwell", default)
        if isinstance(dwell, bool) or not isinstance(dwell, int | float) or not 3 <= dwell <= 600:
            problem("playlist", f"{where}: dwell must be 3 to 600 seconds, not {dwell!r}")
            dwell = default
        steps = entry.get("steps", 0) if kind == "page" else 0
        if isinstance(steps, bool) or not isinstance(steps, int) or not 0 <= steps <= 50:
            problem("playlist", f"{where}: steps must be a whole number from 0 to 50")
            steps = 0
        unknown = set(entry) - {kind, "dwell"} - ({"steps"} if kind == "page" else set())
        if unknown:
            keys = ", ".join(sorted(unknown))
            problem("playlist", f"{where}: unknown key {keys} is ignored", Severity.WARNING)
        if kind == "page":
            playlist.append(PlaylistEntry(target, float(dwell), steps))
        else:
            playlist.append(PlaylistEntry(dwell=float(dwell), moment=kind, item=target))
    return tuple(playlist)


def check_moments(
    text: str,
    playlist: tuple[PlaylistEntry, ...],
    ids: dict[str, Collection[str]],
    file: str,
    problems: list[Problem],
) -> tuple[PlaylistEntry, ...]:
    """``playlist`` without the moments whose id is not among ``ids`` of their kind (each an
    error on the line of ``file`` that names it)."""
    kept: list[PlaylistEntry] = []
    for entry in playlist:
        if entry.moment and entry.item not in ids.get(entry.moment, ()):
            table = MOMENTS[entry.moment]
            problems.append(
                Problem(
                    file,
                    _line_naming(text, entry.moment, entry.item),
                    "1",
                    f"the attract loop's {entry.moment} moment '{entry.item}' has no row in "
                    f"{table}; it is skipped",
                )
            )
            continue
        kept.append(entry)
    return tuple(kept)


def _line_naming(text: str, key: str, item: str) -> int | None:
    pattern = re.compile(rf"\b{re.escape(key)}\s*=\s*[\"']{re.escape(item)}[\"']")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None


def moment_items(content: Content) -> dict[str, Mapping[str, object]]:
    """Each moment kind's items by id: the figures, robots and voices a moment may name."""
    return {"figure": content.figures, "robot": content.robots, "quote": content.voices}


def default_playlist(content: Content) -> tuple[PlaylistEntry, ...]:
    """The loop when ``config.toml`` names none: each page in order, the key-figures page
    after two of its big numbers, the robots after one robot, the voices after one quote."""
    moments: dict[str, list[PlaylistEntry]] = {
        "figures": [
            PlaylistEntry(moment="figure", item=f.id, dwell=MOMENT_DWELL)
            for f in content.figures.values()
            if f.hero
        ][:2],
        "robots": [
            PlaylistEntry(moment="robot", item=r, dwell=MOMENT_DWELL)
            for r in list(content.robots)[:1]
        ],
        "voices": [
            PlaylistEntry(moment="quote", item=v, dwell=MOMENT_DWELL)
            for v in list(content.voices)[:1]
        ],
    }
    playlist: list[PlaylistEntry] = []
    for page in content.settings.page_order:
        playlist += moments.get(page, [])
        playlist.append(PlaylistEntry(page, PAGE_DWELL, 0 if page == "home" else 2))
    return tuple(playlist)


def the_playlist(content: Content) -> tuple[PlaylistEntry, ...]:
    """What the attract loop plays: ``config.toml``'s playlist, else :func:`default_playlist`."""
    return content.settings.playlist or default_playlist(content)
