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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from frames import FrameRecorder, instrument, record, time_handlers  # noqa: E402

from kiosk.app import application, build_window  # noqa: E402
from kiosk.content import load_content  # noqa: E402
from kiosk.paths import bundled_content_dir  # noqa: E402
from kiosk.ui.pages.figures.charts import ChartPlot  # noqa: E402
from kiosk.ui.pages.figures.count_up import CountUpTile  # noqa: E402
from kiosk.ui.shell.main_window import KioskWindow  # noqa: E402


def run_once(window: KioskWindow, recorder: FrameRecorder) -> dict[str, float]:
    page = window.stack.pages["figures"]
    recorder.clear()
    record(recorder, page.enter, page.running_animations, poll_ms=100)
    return recorder.figures()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--scroll", type=float, default=0.0, help="0 top .. 1 bottom of the page")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    recorder = FrameRecorder()
    instrument(recorder)
    time_handlers(recorder, [(ChartPlot, "set_progress"), (CountUpTile, "_on_progress")])
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
