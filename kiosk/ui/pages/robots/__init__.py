"""The robots page and the parts only it uses."""

from kiosk.ui.pages.robots.page import RobotsPage

__all__ = ["RobotsPage"]
