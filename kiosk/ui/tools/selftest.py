"""``kiosk --selftest``: start, visit every page in every language with its animations running,
print one JSON line of figures, exit 0 only if nothing failed."""

from __future__ import annotations

import json
import statistics
import sys
import time
import traceback
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kiosk.i18n import LANGUAGES, Language
from kiosk.ui.pages.fallback import FallbackPage
from kiosk.ui.shell.main_window import KioskWindow
from kiosk.ui.tools.render_checks import run_render_checks

DWELL_MS = 1700  # long enough for a page's entrance animations to finish
DETAIL_MS = 400  # a detail view opens in about 300 ms


class FrameMeter(QObject):
    """Timestamps of the window's repaints (each UpdateRequest is one frame)."""

    def __init__(self) -> None:
        super().__init__()
        self.frames: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Expose):
            self.frames.append(time.perf_counter())
        return False

    def intervals_ms(self) -> list[float]:
        return [(b - a) * 1000 for a, b in zip(self.frames, self.frames[1:], strict=False)]


def run_selftest(
    app: QApplication,
    window: KioskWindow,
    started: float,
    languages: list[Language] | None = None,
) -> int:
    errors: list[str] = []

    def on_message(kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            errors.append(f"qt: {message}")

    def on_exception(kind: type[BaseException], value: BaseException, tb: object) -> None:
        errors.append("".join(traceback.format_exception(kind, value, tb)).strip())

    qInstallMessageHandler(on_message)
    sys.excepthook = on_exception
    errors.extend(f"content: {p}" for p in window.session.content.errors)
    rendering, failed = run_render_checks()  # SVG, pyqtgraph chart, CJK glyphs
    errors.extend(failed)
    meter = FrameMeter()
    window.show()
    window.installEventFilter(meter)
    app.processEvents()
    startup_ms = (time.perf_counter() - started) * 1000
    meter.frames.clear()
    visited: list[str] = []

    def steps() -> Iterator[int]:
        for lang in languages or LANGUAGES:
            window.session.set_language(lang)
            for page_id in window.stack.order():
                window.go_to(page_id)
                visited.append(f"{lang}/{page_id}")
                yield DWELL_MS
                page = window.stack.page(page_id)
                for detail in page.details():
                    page.show_detail(detail)
                    yield DETAIL_MS
                page.reset()
        window.go_home()
        yield DWELL_MS // 2
        for page_id, page in window.stack.pages.items():
            if isinstance(page, FallbackPage):
                errors.append(f"page '{page_id}' failed and shows its stand-in")
            elif page_id != window.current_page_id and page.running_animations():
                errors.append(f"page '{page_id}' left {page.running_animations()} animations on")

    runner = steps()

    def advance() -> None:
        try:
            QTimer.singleShot(next(runner), advance)
        except StopIteration:
            app.quit()
        except Exception:  # a self-test reports, it does not crash
            errors.append(traceback.format_exc().strip())
            app.quit()

    advance()
    app.exec()
    intervals = meter.intervals_ms()
    p95 = statistics.quantiles(intervals, n=20)[-1] if len(intervals) >= 20 else None
    report = {
        "startup_ms": round(startup_ms, 1),
        "pages": len(visited),
        "languages": len(languages or LANGUAGES),
        "frames": len(meter.frames),
        "frame_interval_median_ms": round(statistics.median(intervals), 2) if intervals else None,
        "frame_interval_p95_ms": round(p95, 2) if p95 is not None else None,
        "render": rendering,
        "errors": errors,
    }
    print(json.dumps(report, ensure_ascii=False))
    return 0 if not errors else 1
