"""The content model: loaded and validated from a content folder, with no Qt import."""

from kiosk.content.charts import ChartPoint, chart_points
from kiosk.content.errors import Problem, Severity
from kiosk.content.loader import load_content
from kiosk.content.models import Chart, Content, Figure, Page, Settings, Source, Text, Unit

__all__ = [
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
    "load_content",
]
