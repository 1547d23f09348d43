"""The content model: loaded and validated from a content folder, with no Qt import."""

from collections.abc import Callable
from pathlib import Path

from kiosk.content.cache import load_content_cached
from kiosk.content.charts import ChartPoint, chart_points
from kiosk.content.errors import Problem, Severity
from kiosk.content.models import (
    Category,
    ChainNote,
    Chart,
    Company,
    Content,
    Event,
    Figure,
    Layer,
    Page,
    Part,
    Robot,
    Settings,
    Source,
    Terminal,
    Text,
    Unit,
    Voice,
)


def load_content(
    folder: Path,
    missing_glyphs: Callable[[str], str] | None = None,
    interface: Path | None = None,
) -> Content:
    """Read and validate a content folder (imports pandas, so only when it is needed)."""
    from kiosk.content.loader import load_content as load

    return load(folder, missing_glyphs, interface)


def load_settings(folder: Path) -> tuple[Settings, list[Problem]]:
    """Only the folder's ``config.toml`` settings, with their problems."""
    from kiosk.content.config import load_settings as load

    return load(folder)


__all__ = [
    "Category",
    "ChainNote",
    "Company",
    "Event",
    "Layer",
    "Part",
    "Robot",
    "Terminal",
    "Voice",
    "Chart",
    "ChartPoint",
    "Content",
    "Figure",
    "Page",
    "Problem",
    "Settings",
    "Severity",
    "Source",
    "Text",
    "Unit",
    "chart_points",
    "load_settings",
    "load_content",
    "load_content_cached",
]
