"""Frame benchmark of the key-figures page: its charts and count-ups animating at 1920x1080.

Usage: python bench/figures_frames.py [--runs 5] [--size 1920x1080] [--scroll 0.0]

Each run enters the page (every chart grows and every number counts up) and records, until the
last animation ends: the interval between frames (one window repaint each), the time Qt spends
painting a frame, and the time our code spends updating the animations between two frames.
Prints each run and the medians over runs. Budget (BRIEF): p95 interval <= 17 ms, no frame
over 33 ms, update + paint <= 4 ms a frame. Runs offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402

from kiosk.app import application, build_window  # noqa: E402
from kiosk.content import load_content  # noqa: E402
from kiosk.paths import bundled_content_dir  # noqa: E402
from kiosk.ui.main_window import KioskWindow  # noqa: E402
from kiosk.ui.widgets.charts import ChartPlot  # noqa: E402
from kiosk.ui.widgets.count_up import CountUpTile  # noqa: E402


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


class Recorder(QObject):
    """Frame times from the window's repaints; update time from our animation handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.frames: list[float] = []
        self.paint_ms: list[float] = []
        self.update_ms: list[float] = []
        self._pending_update = 0.0
        self.recording = False

    def timed_update(self, seconds: float) -> None:
        if self.recording:
            self._pending_update += seconds

    def frame(self, start: float, end: float) -> None:
        if not self.recording:
            return
        self.frames.append(start)
        self.paint_ms.append((end - start) * 1000)
        self.update_ms.append(self._pending_update * 1000)
        self._pending_update = 0.0


def instrument(recorder: Recorder) -> None:
    """Time the window's repaints and the chart and count-up progress handlers."""
    window_event = KioskWindow.event

    def event(self: KioskWindow, e: QEvent) -> bool:
        if e.type() != QEvent.Type.UpdateRequest:
            return window_event(self, e)
        start = time.perf_counter()
        result = window_event(self, e)
        recorder.frame(start, time.perf_counter())
        return result

    KioskWindow.event = event  # type: ignore[method-assign]
    for cls, name in ((ChartPlot, "set_progress"), (CountUpTile, "_on_progress")):
        for klass in [cls, *cls.__subclasses__()]:
            original = klass.__dict__.get(name)
            if original is None:
                continue

            def timed(self, value, _original=original):  # noqa: ANN001, ANN202
                start = time.perf_counter()
                _original(self, value)
                recorder.timed_update(time.perf_counter() - start)

            setattr(klass, name, timed)


def run_once(window: KioskWindow, recorder: Recorder) -> dict[str, float]:
    page = window.stack.pages["figures"]
    recorder.frames, recorder.paint_ms, recorder.update_ms = [], [], []
    recorder.recording = True
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: page.running_animations() or loop.quit())
    poll.start(100)
    page.enter()
    loop.exec()
    poll.stop()
    recorder.recording = False
    intervals = [(b - a) * 1000 for a, b in zip(recorder.frames, recorder.frames[1:], strict=False)]
    work = [u + p for u, p in zip(recorder.update_ms, recorder.paint_ms, strict=True)]
    return {
        "frames": len(recorder.frames),
        "interval_median": statistics.median(intervals),
        "interval_p95": p95(intervals),
        "interval_max": max(intervals),
        "over_33ms": sum(i > 33 for i in intervals),
        "update_median": statistics.median(recorder.update_ms),
        "paint_median": statistics.median(recorder.paint_ms),
        "work_p95": p95(work),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--scroll", type=float, default=0.0, help="0 top .. 1 bottom of the page")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    recorder = Recorder()
    instrument(recorder)
    app = application()
    window = build_window(load_content(bundled_content_dir()), (width, height))
    window.show()
    window.go_to("figures", animate=False)
    page = window.stack.pages["figures"]
    bar = page.scroll.verticalScrollBar()
    for _ in range(20):
        app.processEvents()
    bar.setValue(round(bar.maximum() * args.scroll))
    results = []
    for run in range(1, args.runs + 1):
        result = run_once(window, recorder)
        results.append(result)
        print(
            f"run {run}: {result['frames']} frames, interval median "
            f"{result['interval_median']:.2f} ms p95 {result['interval_p95']:.2f} ms max "
            f"{result['interval_max']:.2f} ms ({result['over_33ms']} over 33 ms); per frame: "
            f"update {result['update_median']:.2f} ms, paint {result['paint_median']:.2f} ms, "
            f"update+paint p95 {result['work_p95']:.2f} ms"
        )
    keys = results[0].keys()
    summary = {k: statistics.median(r[k] for r in results) for k in keys}
    print(
        f"median of {args.runs} runs at {args.size} ({os.environ['QT_QPA_PLATFORM']}): "
        f"interval median {summary['interval_median']:.2f} ms, p95 {summary['interval_p95']:.2f}"
        f" ms, max {summary['interval_max']:.2f} ms, over 33 ms {summary['over_33ms']:.0f}; "
        f"update {summary['update_median']:.2f} ms + paint {summary['paint_median']:.2f} ms a "
        f"frame (p95 of the sum {summary['work_p95']:.2f} ms)"
    )


if __name__ == "__main__":
    main()
