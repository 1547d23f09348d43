"""Where the app's resources and bundled content are, from a source tree or a frozen bundle."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from kiosk import NAME

# The product's name on disk before it was renamed: a per-user config folder (the admin PIN)
# left under it is moved to the new name once (user_config_dir).
OLD_NAME = "ai-city-kiosk"


@cache
def app_root() -> Path:
    """The folder holding ``resources/`` and ``data/``.

    The bundle folder when frozen; the checkout when run from source; otherwise the
    ``share/exhibition-kiosk`` folder that ``pip install`` writes into the environment.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "resources").is_dir():
        return checkout
    return Path(sys.prefix) / "share" / NAME


def resources_dir() -> Path:
    return app_root() / "resources"


def bundled_content_dir() -> Path:
    return app_root() / "data"


def starter_dir() -> Path:
    """The example exhibition ``kiosk --new-exhibition`` copies."""
    return resources_dir() / "starter"


def interface_dir() -> Path:
    """The product's own interface words (``strings.csv``), shown for every key a content
    folder does not word itself."""
    return resources_dir() / "interface"


def content_folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot be a content folder (missing, unreadable, empty), or None."""
    if not folder.is_dir():
        return f"content folder '{folder}' does not exist"
    try:
        names = [entry.name.lower() for entry in os.scandir(folder)]
    except OSError as error:
        return f"content folder '{folder}' cannot be read ({error.strerror or error})"
    if "config.toml" not in names and not any(name.endswith(".csv") for name in names):
        return f"content folder '{folder}' is empty (no config.toml and no .csv files)"
    return None


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def coverage_file() -> Path:
    """The list of code points the shipped fonts cover (written by build/make_fonts.py)."""
    return fonts_dir() / "coverage.txt"


@cache
def font_coverage() -> frozenset[int]:
    """Code points the shipped fonts cover, from ``resources/fonts/coverage.txt``."""
    points: set[int] = set()
    path = coverage_file()
    if not path.is_file():
        return frozenset()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        lo, _, hi = line.partition("-")
        points.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return frozenset(points)


def missing_glyphs(text: str) -> str:
    """The characters of ``text`` that the shipped fonts lack ('' when all are covered)."""
    covered = font_coverage()
    if not covered:
        return ""
    return "".join(dict.fromkeys(c for c in text if c.isprintable() and ord(c) not in covered))


def _user_dir(override: str, xdg: str, xdg_default: str, windows: str, name: str = NAME) -> Path:
    """A per-user writable folder: ``$override``, else the platform's convention."""
    explicit = os.environ.get(override)
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / name / windows
    return Path(os.environ.get(xdg) or Path.home() / xdg_default) / name


def user_state_dir() -> Path:
    """Logs, the crash record and the heartbeat (``$KIOSK_STATE_DIR`` or XDG state home)."""
    return _user_dir("KIOSK_STATE_DIR", "XDG_STATE_HOME", ".local/state", "state")


def user_config_dir() -> Path:
    """The admin PIN's hash (``$KIOSK_CONFIG_DIR`` or XDG config home).

    A folder left under the old name (``OLD_NAME``) is moved to the new one the first time,
    so a setup keeps its PIN after the rename."""
    args = ("KIOSK_CONFIG_DIR", "XDG_CONFIG_HOME", ".config", "config")
    return _carried_over(_user_dir(*args, name=OLD_NAME), _user_dir(*args))


def _carried_over(old: Path, new: Path) -> Path:
    """``new``, after moving the folder ``old`` there when ``new`` is missing or empty; ``old``
    itself when it cannot be moved (it is read where it is)."""
    if old == new or not old.is_dir():
        return new
    try:
        if new.is_dir() and any(new.iterdir()):
            return new
        new.parent.mkdir(parents=True, exist_ok=True)
        if new.is_dir():
            new.rmdir()
        old.rename(new)
    except OSError:
        return old if old.is_dir() else new
    return new
