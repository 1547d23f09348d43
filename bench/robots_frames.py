"""Frame benchmark of the robot showcase: the carousel snapping and a detail opening and closing.

Usage: python bench/robots_frames.py [--runs 3] [--size 1920x1080]

Each run plays the entrance, snaps the carousel forward card by card, then opens and closes a
detail, and records while anything moves: the interval between frames (one window repaint
each) and the time Qt spends painting a frame. Budget (BRIEF): p95 interval <= 17 ms, no frame
over 33 ms, update + paint <= 4 ms a frame at 1920x1080. Runs offscreen unless QT_QPA_PLATFORM
is set.
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

from PySide6.QtCore import QEvent, QEventLoop, QTimer  # noqa: E402

from kiosk.app import application, build_window  # noqa: E402
from kiosk.content import load_content  # noqa: E402
from kiosk.paths import bundled_content_dir  # noqa: E402
from kiosk.ui.main_window import KioskWindow  # noqa: E402
from kiosk.ui.pages.robots import RobotsPage  # noqa: E402


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


class Recorder:
    """Start and end of every window repaint while recording, and the intervals between them
    within each recording (the idle time between two recordings is not a frame interval)."""

    def __init__(self) -> None:
        self.frames: list[tuple[float, float]] = []
        self.intervals: list[float] = []
        self.recording = False
        self._last: float | None = None

    def frame(self, start: float, end: float) -> None:
        if self._last is not None:
            self.intervals.append((start - self._last) * 1000)
        self._last = start
        self.frames.append((start, end))

    def stop(self) -> None:
        self.recording = False
        self._last = None


def instrument(recorder: Recorder) -> None:
    window_event = KioskWindow.event

    def event(self: KioskWindow, e: QEvent) -> bool:
        if e.type() != QEvent.Type.UpdateRequest or not recorder.recording:
            return window_event(self, e)
        start = time.perf_counter()
        result = window_event(self, e)
        recorder.frame(start, time.perf_counter())
        return result

    KioskWindow.event = event  # type: ignore[method-assign]


def record(page: RobotsPage, recorder: Recorder, start: Callable[[], None]) -> None:
    """Run ``start`` and record until the page's animations end."""
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: page.running_animations() or loop.quit())
    poll.start(50)
    recorder.recording = True
    start()
    loop.exec()
    poll.stop()
    recorder.stop()


def run_once(page: RobotsPage, recorder: Recorder) -> dict[str, float]:
    recorder.frames, recorder.intervals = [], []
    page.reset()
    record(page, recorder, page.enter)
    for _ in range(4):
        record(page, recorder, lambda: page.carousel.step(1))
    record(page, recorder, lambda: page.open_detail(page.carousel.current_index))
    record(page, recorder, page.detail.dismiss)
    intervals = recorder.intervals
    paint = [(e - s) * 1000 for s, e in recorder.frames]
    return {
        "frames": len(recorder.frames),
        "interval_median": statistics.median(intervals),
        "interval_p95": p95(intervals),
        "interval_max": max(intervals),
        "over_33ms": sum(i > 33 for i in intervals),
        "paint_median": statistics.median(paint),
        "paint_p95": p95(paint),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    recorder = Recorder()
    instrument(recorder)
    app = application()
    window = build_window(load_content(bundled_content_dir()), (width, height))
    window.show()
    window.go_to("robots", animate=False)
    page = window.stack.pages["robots"]
    assert isinstance(page, RobotsPage)
    for _ in range(20):
        app.processEvents()
    results = []
    for run in range(1, args.runs + 1):
        result = run_once(page, recorder)
        results.append(result)
        print(
            f"run {run}: {result['frames']} frames, interval median "
            f"{result['interval_median']:.2f} ms p95 {result['interval_p95']:.2f} ms max "
            f"{result['interval_max']:.2f} ms ({result['over_33ms']} over 33 ms); paint median "
            f"{result['paint_median']:.2f} ms p95 {result['paint_p95']:.2f} ms"
        )
    summary = {k: statistics.median(r[k] for r in results) for k in results[0]}
    print(
        f"median of {args.runs} runs at {args.size} ({os.environ['QT_QPA_PLATFORM']}): "
        f"interval median {summary['interval_median']:.2f} ms, p95 {summary['interval_p95']:.2f}"
        f" ms, max {summary['interval_max']:.2f} ms, over 33 ms {summary['over_33ms']:.0f}; "
        f"paint {summary['paint_median']:.2f} ms a frame (p95 {summary['paint_p95']:.2f} ms)"
    )


if __name__ == "__main__":
    main()
