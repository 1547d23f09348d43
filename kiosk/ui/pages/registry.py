"""Which page ids have a view, keyed by the ids used in the content's ``pages.order``."""

from __future__ import annotations

from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.home import HomePage

PAGE_VIEWS: dict[str, type[PageView]] = {
    HomePage.page_id: HomePage,
    FiguresPage.page_id: FiguresPage,
}
