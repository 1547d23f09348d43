"""The home page and the parts only it uses."""

from kiosk.ui.pages.home.page import HomePage

__all__ = ["HomePage"]
