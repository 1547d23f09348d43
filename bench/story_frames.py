"""Frame benchmark of the timeline and voices pages at one screen size.

Usage: python bench/story_frames.py [--runs 3] [--size 1920x1080]

Each run plays, until its animations end: the timeline's entrance (cards revealing), an event
opening and closing, an autoplay scroll step, a quote change and the voices entrance. Prints the
interval between frames and the time Qt spends painting a frame (our per-frame updates are a
few property changes, measured inside the paint). Budget (BRIEF): p95 interval <= 17 ms, no
frame over 33 ms, update + paint <= 4 ms a frame. Runs offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractAnimation, QEvent, QEventLoop, QTimer  # noqa: E402

from kiosk.app import application, build_window  # noqa: E402
from kiosk.content import load_content  # noqa: E402
from kiosk.paths import bundled_content_dir  # noqa: E402
from kiosk.ui.main_window import KioskWindow  # noqa: E402
from kiosk.ui.pages.base import PageView  # noqa: E402

frames: list[float] = []
paint_ms: list[float] = []
recording = False


def instrument() -> None:
    """Time every repaint of the window (one UpdateRequest is one frame)."""
    window_event = KioskWindow.event

    def event(self: KioskWindow, e: QEvent) -> bool:
        if e.type() != QEvent.Type.UpdateRequest:
            return window_event(self, e)
        start = time.perf_counter()
        result = window_event(self, e)
        if recording:
            frames.append(start)
            paint_ms.append((time.perf_counter() - start) * 1000)
        return result

    KioskWindow.event = event  # type: ignore[method-assign]


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def busy(page: PageView) -> int:
    """Running animations, leaving out the voices countdown (it runs the whole time)."""
    countdown = getattr(page, "countdown", None)
    running = QAbstractAnimation.State.Running
    return page.running_animations() - int(countdown is not None and countdown.state() == running)


def measure(name: str, start: Callable[[], object], page: PageView) -> dict[str, float]:
    global recording
    frames.clear()
    paint_ms.clear()
    recording = True
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: busy(page) or loop.quit())
    start()
    poll.start(50)
    loop.exec()
    poll.stop()
    recording = False
    intervals = [(b - a) * 1000 for a, b in zip(frames, frames[1:], strict=False)] or [0.0]
    return {
        "frames": len(frames),
        "interval_p95": p95(intervals),
        "interval_max": max(intervals),
        "paint_median": statistics.median(paint_ms or [0.0]),
        "paint_p95": p95(paint_ms or [0.0]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    instrument()
    app = application()
    window = build_window(load_content(bundled_content_dir()), (width, height))
    window.show()
    window.go_to("policy", animate=False)
    policy = window.stack.page("policy")
    voices = window.stack.page("voices")
    for _ in range(20):
        app.processEvents()
    first = policy.details()[2] if len(policy.details()) > 2 else policy.details()[0]

    def policy_entrance() -> None:
        policy.leave()
        policy.enter()

    def voices_entrance() -> None:
        voices.leave()
        voices.enter()

    cases: list[tuple[str, Callable[[], object], PageView]] = [
        ("timeline entrance", policy_entrance, policy),
        ("event opens", lambda: policy.show_detail(first), policy),
        ("event closes", lambda: policy.detail.close_detail(), policy),
        ("timeline scroll step", policy.advance, policy),
        ("voices entrance", voices_entrance, voices),
        ("quote change", lambda: voices.step(1), voices),
    ]
    results: dict[str, list[dict[str, float]]] = {name: [] for name, _, _ in cases}
    for _ in range(args.runs):
        window.go_to("policy", animate=False)
        policy.reset()
        for name, start, page in cases:
            if page is voices and window.current_page_id != "voices":
                window.go_to("voices", animate=False)
                voices.settle()
            results[name].append(measure(name, start, page))
    print(f"median of {args.runs} runs at {args.size} ({os.environ['QT_QPA_PLATFORM']}):")
    for name, runs in results.items():
        m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(
            f"  {name:22s} {m['frames']:4.0f} frames, interval p95 {m['interval_p95']:5.1f} ms "
            f"max {m['interval_max']:5.1f} ms; paint median {m['paint_median']:4.1f} ms "
            f"p95 {m['paint_p95']:4.1f} ms"
        )


if __name__ == "__main__":
    main()
