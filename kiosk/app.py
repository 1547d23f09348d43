"""Composition root: Qt application, fonts, content, theme, session and the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.content import Content, load_content_cached
from kiosk.i18n import Language
from kiosk.paths import coverage_file, missing_glyphs
from kiosk.runtime.modes import Timing
from kiosk.ui.fonts import register_fonts
from kiosk.ui.garbage import GarbageCollector
from kiosk.ui.input import Pressable
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.memory import tune_allocator
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme

if TYPE_CHECKING:
    from kiosk.ui.runtime import KioskRuntime

log = logging.getLogger("kiosk")


def application() -> QApplication:
    """The QApplication, created once with the kiosk's settings."""
    tune_allocator()  # before the big allocations: freed images go back to the system
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
        app.setApplicationName("AI City Kiosk")
        app.setStyle("Fusion")
    if getattr(app, "garbage", None) is None:  # pytest-qt may have made the app
        app.garbage = GarbageCollector(app)  # type: ignore[attr-defined]
    register_fonts()
    return app  # type: ignore[return-value]


def build_window(
    content: Content, size: tuple[int, int], language: Language | None = None
) -> KioskWindow:
    """A main window over ``content`` at ``size`` pixels, starting in ``language``."""
    theme = Theme(*size)
    Pressable.tap_slop = theme.tap_slop
    session = Session(content, language or content.settings.default_language)
    window = KioskWindow(session, theme)
    window.resize(*size)
    return window


def run(args: argparse.Namespace, started: float) -> int:
    """Start the kiosk (or its screenshot and self-test modes)."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if args.screenshot or args.selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    content = load_content_cached(args.content, missing_glyphs, [coverage_file()])
    for problem in content.problems:
        log.warning("content: %s", problem.format(str(args.content)))
    screen = app.primaryScreen().geometry()
    size = args.size or (
        (1920, 1080) if args.screenshot or args.selftest else (screen.width(), screen.height())
    )
    window = build_window(content, size, args.lang)
    if args.screenshot:
        from kiosk.ui.screenshots import write_screenshots

        return write_screenshots(window, args.screenshot, [args.lang] if args.lang else None)
    if args.selftest:
        from kiosk.ui.selftest import run_selftest

        return run_selftest(app, window, started, [args.lang] if args.lang else None)
    show(window, args)
    start_runtime(window, args)
    return app.exec()


def start_runtime(window: KioskWindow, args: argparse.Namespace) -> KioskRuntime:
    """Idle reset, the attract loop and opening hours around the window."""
    from kiosk.ui.runtime import KioskRuntime

    settings = window.session.content.settings
    timing = Timing(
        autoplay_after=args.autoplay_after or settings.autoplay_after,
        reset_after=args.reset_after or settings.reset_after,
        countdown=settings.countdown,
        autoplay=settings.autoplay or bool(args.autoplay),
    )
    runtime = KioskRuntime(window, timing)
    window.runtime = runtime  # type: ignore[attr-defined]
    if args.autoplay:
        runtime.start_autoplay()
    return runtime


def show(window: KioskWindow, args: argparse.Namespace) -> None:
    """On screen: by default full screen, frameless, on top, no pointer, not closable."""
    if args.windowed:
        window.show()
        return
    window.allow_close = False
    window.setWindowFlags(
        window.windowFlags()
        | Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
    )
    if window.session.content.settings.hide_cursor:
        QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
    window.showFullScreen()
