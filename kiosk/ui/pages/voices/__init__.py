"""The voices page and the parts only it uses."""

from kiosk.ui.pages.voices.page import VoicesPage

__all__ = ["VoicesPage"]
