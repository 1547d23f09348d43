"""The chain page and the parts only it uses."""

from kiosk.ui.pages.chain.page import ChainPage

__all__ = ["ChainPage"]
