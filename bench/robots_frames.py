"""Frame benchmark of the robot showcase: the carousel snapping and a detail opening and closing.

Usage: python bench/robots_frames.py [--runs 3] [--size WxH ...] (default: 1080p and 4K)

Each run plays the entrance, snaps the carousel forward card by card, then opens and closes a
detail, and records while anything moves: the interval between frames (one window repaint
each) and the time Qt spends painting a frame. Budget (BRIEF): p95 interval <= 17 ms, no frame
over 33 ms, update + paint <= 4 ms a frame at 1920x1080. Runs offscreen unless QT_QPA_PLATFORM
is set.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from frames import FrameRecorder, bench_main, record  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import build_window  # noqa: E402
from kiosk.content import load_content  # noqa: E402
from kiosk.paths import bundled_content_dir  # noqa: E402
from kiosk.ui.pages.robots import RobotsPage  # noqa: E402


def run_once(page: RobotsPage, recorder: FrameRecorder) -> dict[str, float]:
    recorder.clear()
    page.reset()
    busy = page.running_animations
    record(recorder, page.enter, busy)
    for _ in range(4):
        record(recorder, lambda: page.carousel.step(1), busy)
    record(recorder, lambda: page.open_detail(page.carousel.current_index), busy)
    record(recorder, page.detail.dismiss, busy)
    return recorder.figures()


def bench_size(
    app: QApplication, recorder: FrameRecorder, width: int, height: int, runs: int
) -> None:
    """Every case at one window size, and its medians."""
    window = build_window(load_content(bundled_content_dir()), (width, height))
    window.show()
    window.go_to("robots", animate=False)
    page = window.stack.pages["robots"]
    assert isinstance(page, RobotsPage)
    for _ in range(20):
        app.processEvents()
    results = []
    for run in range(1, runs + 1):
        result = run_once(page, recorder)
        results.append(result)
        print(
            f"run {run}: {result['frames']} frames, interval median "
            f"{result['interval_median']:.2f} ms p95 {result['interval_p95']:.2f} ms max "
            f"{result['interval_max']:.2f} ms ({result['over_33ms']} over 33 ms); paint median "
            f"{result['paint_median']:.2f} ms p95 {result['paint_p95']:.2f} ms; first frame "
            f"after {result['first_max']:.1f} ms at most"
        )
    summary = {k: statistics.median(r[k] for r in results) for k in results[0]}
    print(
        f"median of {runs} runs at {width}x{height} ({os.environ['QT_QPA_PLATFORM']}): "
        f"interval median {summary['interval_median']:.2f} ms, p95 {summary['interval_p95']:.2f}"
        f" ms, max {summary['interval_max']:.2f} ms, over 33 ms {summary['over_33ms']:.0f}; "
        f"paint {summary['paint_median']:.2f} ms a frame (p95 {summary['paint_p95']:.2f} ms); "
        f"longest wait for a first frame {summary['first_max']:.1f} ms"
    )
    window.close()


def main() -> None:
    bench_main(__doc__ or "", bench_size)


if __name__ == "__main__":
    main()
