"""Which page ids have a view, keyed by the ids used in the content's ``pages.order``.

Views are imported when first built, so the modules of pages not yet shown (and what they
import, such as pyqtgraph) stay off the start-up path.
"""

from __future__ import annotations

from importlib import import_module

from kiosk.ui.contained import contain_all
from kiosk.ui.pages.base import PageView

PAGE_VIEWS: dict[str, str] = {
    "home": "kiosk.ui.pages.home:HomePage",
    "figures": "kiosk.ui.pages.figures:FiguresPage",
    "robots": "kiosk.ui.pages.robots:RobotsPage",
    "chain": "kiosk.ui.pages.chain:ChainPage",
    "policy": "kiosk.ui.pages.policy:PolicyPage",
    "voices": "kiosk.ui.pages.voices:VoicesPage",
}


def page_view(page_id: str) -> type[PageView] | None:
    """The view class of ``page_id``, or None when this version has no view for it."""
    target = PAGE_VIEWS.get(page_id)
    if target is None:
        return None
    module, _, name = target.partition(":")
    view = getattr(import_module(module), name)
    contain_all()  # before its first instance: no exception may leave its event handlers
    assert issubclass(view, PageView) and view.page_id == page_id, target
    return view
