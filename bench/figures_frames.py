"""Frame benchmark of the key-figures page: the spread and 'More figures' animating.

Usage: python bench/figures_frames.py [--runs 5] [--size WxH ...]

Each run enters the page (the big numbers count up, the spread's charts grow), then opens 'More
figures' (its charts and tiles play) and closes it, and records, until the last animation ends:
the interval between frames (one window repaint each), the time Qt spends painting a frame, and
the time our code spends updating the animations between two frames. Prints each case's
medians over runs, at 1920x1080 and 3840x2160 unless --size says otherwise. Budget (BRIEF and
issue 19): p95 interval <= 17 ms, no frame over 33 ms, update + paint p95 <= 4 ms a frame at
1920x1080 and <= 8 ms at 3840x2160. Runs offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable
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
from kiosk.ui.pages.figures import FiguresPage  # noqa: E402
from kiosk.ui.pages.figures.charts import ChartPlot  # noqa: E402
from kiosk.ui.pages.figures.count_up import CountUp  # noqa: E402


def bench_size(
    app: QApplication, recorder: FrameRecorder, width: int, height: int, runs: int
) -> None:
    window = build_window(load_content(bundled_content_dir()), (width, height))
    window.show()
    window.go_to("figures", animate=False)
    page = window.stack.pages["figures"]
    assert isinstance(page, FiguresPage)
    for _ in range(20):
        app.processEvents()
    cases: list[tuple[str, Callable[[], object]]] = [
        ("spread entrance", page.enter),
        ("more figures opens", lambda: page.show_detail("more")),
        ("more figures closes", page.close_details),
    ]
    results: dict[str, list[dict[str, float]]] = {name: [] for name, _ in cases}
    for _ in range(runs):
        for name, start in cases:
            recorder.clear()
            record(recorder, start, page.running_animations, poll_ms=100)
            results[name].append(recorder.figures())
    where = f"{width}x{height} ({os.environ['QT_QPA_PLATFORM']})"
    print(f"median of {runs} runs at {where}:")
    for name, found in results.items():
        m = {k: statistics.median(r[k] for r in found) for k in found[0]}
        print(
            f"  {name:20s} {m['frames']:4.0f} frames, interval median {m['interval_median']:5.1f}"
            f" ms p95 {m['interval_p95']:5.1f} ms max {m['interval_max']:5.1f} ms "
            f"({m['over_33ms']:.0f} over 33 ms); update {m['update_median']:4.2f} ms + paint "
            f"{m['paint_median']:4.1f} ms a frame, p95 of the sum {m['work_p95']:4.1f} ms; "
            f"first frame after {m['first_max']:5.1f} ms"
        )
    window.close()
    window.deleteLater()


def main() -> None:
    handlers = [(ChartPlot, "set_progress"), (CountUp, "show")]
    bench_main(__doc__ or "", bench_size, runs=5, handlers=handlers)


if __name__ == "__main__":
    main()
