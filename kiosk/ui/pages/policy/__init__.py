"""The policy page and the parts only it uses."""

from kiosk.ui.pages.policy.page import PolicyPage

__all__ = ["PolicyPage"]
