"""Write the pictures of docs/design.md: each component of the kiosk, cut from the running app
(a developer tool, like ``kiosk --screenshot``; run it after changing the look).

Usage: python build/design_shots.py [--content DIR]   (writes docs/design/*.png, 1920x1080 en)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QRect  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from kiosk.app import application, build_window  # noqa: E402
from kiosk.content.cache import load_content_cached  # noqa: E402
from kiosk.paths import bundled_content_dir, interface_dir  # noqa: E402
from kiosk.ui.shell.main_window import KioskWindow  # noqa: E402
from kiosk.ui.tools.screenshots import settle  # noqa: E402

OUT = ROOT / "docs" / "design"
SCALE = 0.5  # the pictures are half size: enough to see the component, light in the repo


def shoot(window: KioskWindow, name: str, *widgets: QWidget, pad: int = 24) -> None:
    """The part of the window around ``widgets``, with ``pad`` pixels around them."""
    area = QRect()
    for widget in widgets:
        area = area.united(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))
    area = area.adjusted(-pad, -pad, pad, pad).intersected(window.rect())
    image = window.grab(area).toImage()
    image = image.scaledToWidth(round(image.width() * SCALE))
    image.save(str(OUT / f"{name}.png"))
    print(f"docs/design/{name}.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=bundled_content_dir())
    folder = parser.parse_args().content
    application()
    content = load_content_cached(folder, interface=interface_dir())
    window = build_window(content, (1920, 1080), "en")
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    settle(window)
    home = window.stack.page("home")
    shoot(window, "header", window.header)
    shoot(window, "home-tiles", *home.tiles)
    shoot(window, "page-dots", window.dots, pad=8)
    for page_id, widgets in (
        ("figures", lambda p: p.spread_charts[:1]),
        ("robots", lambda p: [p.previous, p.dots, p.next]),
        ("policy", lambda p: p.strip.cards[:3]),
    ):
        if page_id not in window.page_order():
            continue
        window.go_to(page_id, animate=False)
        settle(window)
        page = window.stack.page(page_id)
        if page_id == "robots":
            shoot(window, "robot-cards", page.carousel, pad=0)
        if page_id == "figures" and page.heroes:
            shoot(window, "hero-figures", *page.heroes)
        parts = widgets(page)
        if parts:
            shoot(
                window, {"figures": "chart-card", "robots": "counter"}.get(page_id, "cards"), *parts
            )
    if "robots" in window.page_order():
        window.go_to("robots", animate=False)
        settle(window)
        page = window.stack.page("robots")
        page.open_detail(page.carousel.current_index)
        page.detail.settle()
        shoot(window, "detail-panel", page.detail.panel)
        shoot(window, "back-button", page.detail.back, pad=12)
        page.detail.dismiss(animate=False)
    shoot_moments(window)
    return 0


def shoot_moments(window: KioskWindow) -> None:
    """The attract loop's first moment of each kind, the whole screen with its cue."""
    from kiosk.content.playlist import the_playlist
    from kiosk.runtime.modes import Timing
    from kiosk.ui.controller import KioskRuntime

    runtime = KioskRuntime(window, Timing(), keep_hours=False)
    runtime.timer.stop()
    runtime.start_autoplay()
    window.session.set_language("en")
    shown: set[str] = set()
    for entry in the_playlist(window.session.content):
        if entry.moment and entry.moment not in shown and runtime.moment.show_moment(entry):
            shown.add(entry.moment)
            runtime.moment.settle()
            settle(window)
            shoot(window, f"moment-{entry.moment}", window, pad=0)
    runtime.apply(runtime.controller.stop_autoplay())


if __name__ == "__main__":
    raise SystemExit(main())
