"""Composition root: Qt application, fonts, content, theme, session and the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication

from kiosk import PRODUCT, __version__
from kiosk.atomic import clean_leftovers
from kiosk.content import Content, load_content_cached
from kiosk.content.cache import cache_dir, read_cached
from kiosk.i18n import Language
from kiosk.logs import RecentLines, setup_logging
from kiosk.paths import (
    bundled_content_dir,
    coverage_file,
    interface_dir,
    missing_glyphs,
    user_config_dir,
    user_state_dir,
)
from kiosk.runtime.crashes import RECORD_FILE, begin_run, end_run, in_safe_mode
from kiosk.runtime.memory import tune_allocator
from kiosk.runtime.modes import Timing
from kiosk.ui.contained import contain_all
from kiosk.ui.fonts import register_fonts
from kiosk.ui.input import Pressable, QuickTaps
from kiosk.ui.services import single_instance
from kiosk.ui.services.faults import FaultGuard
from kiosk.ui.services.first_frame import EXIT_ENV, after_first_frame, exit_at_first_frame
from kiosk.ui.services.garbage import GarbageCollector
from kiosk.ui.services.heartbeat import Heartbeat
from kiosk.ui.services.stop_signals import StopSignals
from kiosk.ui.session import Session
from kiosk.ui.shell.main_window import KioskWindow
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.motion import keep_clock

if TYPE_CHECKING:
    from kiosk.ui.controller import KioskRuntime
    from kiosk.ui.services.content_watch import ContentWatcher

log = logging.getLogger("kiosk")

IMAGE_ALLOCATION_MB = 128


def application() -> QApplication:
    """The QApplication, created once with the kiosk's settings."""
    tune_allocator()  # before the big allocations: freed images go back to the system
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
        app.setApplicationName(PRODUCT)
        app.setStyle("Fusion")
    # no image may take more than this to decode (content images are checked to be at most
    # 4096 px a side before; this stops anything that slips past)
    QImageReader.setAllocationLimit(IMAGE_ALLOCATION_MB)
    if getattr(app, "garbage", None) is None:  # pytest-qt may have made the app
        app.garbage = GarbageCollector(app)  # type: ignore[attr-defined]
    QuickTaps.install(app)  # a quick second tap is a tap, not a double-click
    keep_clock(app)  # an animation's first step one frame after its start
    register_fonts()
    contain_all()
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
    state = user_state_dir()
    recent = setup_logging(state / "logs")
    for folder in (state, cache_dir(), user_config_dir()):  # what a killed writer left behind
        clean_leftovers(folder)
    if args.screenshot or args.selftest or args.check_layout:  # offscreen (cli.py)
        return _run_tool(args, started, recent)
    if not single_instance.claim(args):
        return 0  # another kiosk of this user runs: no second window, no crash counted
    stop = StopSignals()  # a stop while still loading is a clean exit too, not a crash
    record = state / RECORD_FILE
    # a start-up benchmark ends the process at its first frame: that is no crash
    crashes = 0 if os.environ.get(EXIT_ENV) else begin_run(record)
    stop.on_stop = lambda: end_run(record)  # asked to stop: no crash, even if killed later
    safe = in_safe_mode(crashes)
    folder = args.content
    log.info("%s %s starting (pid %d)", PRODUCT, __version__, os.getpid())
    app = application()
    content = _safe_content(folder, crashes) if safe else _load(folder)
    window = build_window(content, _size(app, args), args.lang)
    exit_at_first_frame(window)  # KIOSK_EXIT_AT_FIRST_FRAME: start-up benchmarks
    FaultGuard(window)
    show(window, args)

    runtimes: list[object] = []  # the runtime, held for as long as the event loop runs

    def around_the_window() -> None:  # after the first frame: visitors see Home sooner
        from kiosk.ui.services.content_watch import ContentWatcher

        watcher = None if safe else ContentWatcher(folder, _load)
        runtimes.append(start_runtime(window, args, recent, watcher, crashes if safe else 0))

    after_first_frame(window, around_the_window)
    heartbeat = Heartbeat(window, state)
    stop.watch(app)
    status = app.exec()
    heartbeat.stopping()
    if status == 0:
        end_run(record)
    if stop.received is not None:
        log.info("stopped by signal %d", stop.received)
    log.info("%s exits with status %d", PRODUCT, status)
    return status


def _safe_content(folder: Path, crashes: int) -> Content:
    """Safe mode's content: the last that ``folder`` gave without an error, read from its
    compiled copy without touching the folder's files (an edit there may be what crashes the
    kiosk); the bundled content only when the folder never loaded cleanly on this machine."""
    content = read_cached(folder, None, clean=True)
    if content is not None:
        log.warning(
            "safe mode: %d crashes within 30 minutes; showing the last content of %s that "
            "loaded cleanly (version %s), without hot reload",
            crashes,
            folder,
            content.settings.version,
        )
        return content
    log.warning(
        "safe mode: %d crashes within 30 minutes, and %s never loaded cleanly here; showing "
        "the bundled content, without hot reload",
        crashes,
        folder,
    )
    return _load(bundled_content_dir())


def _load(folder: Path) -> Content:
    """The content of ``folder``, compiled once and then read from the cache; problems logged."""
    content = load_content_cached(
        folder,
        missing_glyphs,
        [coverage_file()],
        interface=interface_dir(),
        last_resort=bundled_content_dir(),
    )
    for problem in content.problems:
        log.warning("content: %s", problem.format(str(folder)))
    log.info(
        "content %s: version %s, %d error(s), %d warning(s)",
        folder,
        content.settings.version,
        len(content.errors),
        len(content.problems) - len(content.errors),
    )
    return content


def _size(app: QApplication, args: argparse.Namespace) -> tuple[int, int]:
    if args.size:
        return args.size
    if args.screenshot or args.selftest or args.check_layout:
        return 1920, 1080
    screen = app.primaryScreen().geometry()
    return screen.width(), screen.height()


def _run_tool(args: argparse.Namespace, started: float, recent: RecentLines) -> int:
    """``--screenshot``, ``--selftest`` and ``--check-layout``: the window offscreen, no
    runtime around it (the layout check makes a window per language itself)."""
    app = application()
    if args.check_layout:
        from kiosk.ui.tools.layout_check import check_layout

        languages = [args.lang] if args.lang else None
        return check_layout(
            _load(args.content), _size(app, args), languages, accessibility=args.accessibility
        )
    window = build_window(_load(args.content), _size(app, args), args.lang)
    languages = [args.lang] if args.lang else None
    if args.screenshot:
        from kiosk.ui.tools.screenshots import write_screenshots

        return write_screenshots(window, args.screenshot, languages, recent.last)
    from kiosk.ui.tools.selftest import run_selftest

    return run_selftest(app, window, started, languages)


def start_runtime(
    window: KioskWindow,
    args: argparse.Namespace,
    recent: RecentLines | None = None,
    watcher: ContentWatcher | None = None,
    safe_mode_crashes: int = 0,
) -> KioskRuntime:
    """Idle reset, the attract loop, opening hours, hot reload and the admin panel."""
    from kiosk.ui.controller import KioskRuntime

    contain_all()
    settings = window.session.content.settings
    timing = Timing(
        autoplay_after=args.autoplay_after or settings.autoplay_after,
        reset_after=args.reset_after or settings.reset_after,
        countdown=settings.countdown,
        autoplay=settings.autoplay or bool(args.autoplay),
        access_reset_after=settings.access_reset_after,
    )
    runtime = KioskRuntime(
        window,
        timing,
        log_lines=recent.last if recent else None,
        watcher=watcher,
        safe_mode_crashes=safe_mode_crashes,
    )
    log.info(
        "runtime: reset after %.0f s, attract loop %s, hot reload %s",
        timing.reset_after,
        f"after {timing.autoplay_after:.0f} s" if timing.autoplay else "off",
        "on" if watcher is not None else "off",
    )
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
