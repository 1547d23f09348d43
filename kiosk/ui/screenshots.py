"""``kiosk --screenshot DIR``: every page and detail view in every language, as PNG files."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.i18n import LANGUAGES, Language
from kiosk.ui.main_window import KioskWindow

log = logging.getLogger(__name__)


def settle(window: KioskWindow) -> None:
    """Finish transitions and animations so the picture shows the final state."""
    QApplication.processEvents()
    stack = window.stack
    if stack.transition.duration() > 0:
        stack.transition.setCurrentTime(stack.transition.duration())
    if stack.current is not None:
        stack.current.settle()
    QApplication.processEvents()


def write_screenshots(window: KioskWindow, folder: Path, languages: list[Language] | None) -> int:
    """Write ``folder/<lang>/<page>.png`` and ``<page>--<detail>.png``; 0 on success."""
    window.show()
    written = 0
    for lang in languages or list(LANGUAGES):
        window.session.set_language(lang)
        target = folder / lang
        target.mkdir(parents=True, exist_ok=True)
        for page_id in window.stack.order():
            page = window.stack.page(page_id)
            window.go_to(page_id, animate=False)
            settle(window)
            shots = [(page_id, None), *((f"{page_id}--{d}", d) for d in page.details())]
            for name, detail in shots:
                if detail is not None:
                    page.show_detail(detail)
                    settle(window)
                path = target / f"{name}.png"
                if not window.grab().save(str(path)):
                    log.error("could not write %s", path)
                    return 1
                written += 1
                page.reset()
    window.go_home()
    print(f"wrote {written} screenshots to {folder}")
    return 0
