"""The figures page and the parts only it uses."""

from kiosk.ui.pages.figures.page import FiguresPage

__all__ = ["FiguresPage"]
