"""The content model: loaded and validated from a content folder, with no Qt import."""

from kiosk.content.errors import Problem, Severity
from kiosk.content.loader import load_content
from kiosk.content.models import Content, Figure, Page, Settings, Source, Text, Unit

__all__ = [
    "Content",
    "Figure",
    "Page",
    "Problem",
    "Settings",
    "Severity",
    "Source",
    "Text",
    "Unit",
    "load_content",
]
