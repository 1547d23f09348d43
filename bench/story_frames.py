"""Frame benchmark of the timeline and voices pages at one screen size.

Usage: python bench/story_frames.py [--runs 3] [--size WxH ...] (default: 1080p and 4K)

Each run plays, until its animations end: the timeline's entrance (cards revealing), an event
opening and closing, an autoplay scroll step, a quote change and the voices entrance. Prints the
interval between frames and the time Qt spends painting a frame (our per-frame updates are a
few property changes, measured inside the paint). Budget (BRIEF): p95 interval <= 17 ms, no
frame over 33 ms, update + paint <= 4 ms a frame. Runs offscreen unless QT_QPA_PLATFORM is set.
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
from PySide6.QtCore import QAbstractAnimation  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import build_window  # noqa: E402
from kiosk.content import load_content  # noqa: E402
from kiosk.paths import bundled_content_dir  # noqa: E402
from kiosk.ui.pages.base import PageView  # noqa: E402


def busy(page: PageView) -> int:
    """Running animations, leaving out the voices countdown (it runs the whole time)."""
    countdown = getattr(page, "countdown", None)
    running = QAbstractAnimation.State.Running
    return page.running_animations() - int(countdown is not None and countdown.state() == running)


def measure(
    recorder: FrameRecorder, start: Callable[[], object], page: PageView
) -> dict[str, float]:
    recorder.clear()
    record(recorder, start, lambda: busy(page))
    return recorder.figures()


def bench_size(
    app: QApplication, recorder: FrameRecorder, width: int, height: int, runs: int
) -> None:
    """Every case at one window size, and its medians."""
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
        ("event closes", lambda: policy.detail.dismiss(), policy),
        ("timeline scroll step", policy.advance, policy),
        ("voices entrance", voices_entrance, voices),
        ("quote change", lambda: voices.step(1), voices),
    ]
    results: dict[str, list[dict[str, float]]] = {name: [] for name, _, _ in cases}
    for _ in range(runs):
        window.go_to("policy", animate=False)
        policy.reset()
        for name, start, page in cases:
            if page is voices and window.current_page_id != "voices":
                window.go_to("voices", animate=False)
                voices.settle()
            results[name].append(measure(recorder, start, page))
    print(f"median of {runs} runs at {width}x{height} ({os.environ['QT_QPA_PLATFORM']}):")
    for name, found in results.items():
        m = {k: statistics.median(r[k] for r in found) for k in found[0]}
        print(
            f"  {name:22s} {m['frames']:4.0f} frames, interval p95 {m['interval_p95']:5.1f} ms "
            f"max {m['interval_max']:5.1f} ms; paint median {m['paint_median']:4.1f} ms "
            f"p95 {m['paint_p95']:4.1f} ms; first frame after {m['first_max']:5.1f} ms"
        )
    window.close()


def main() -> None:
    bench_main(__doc__ or "", bench_size)


if __name__ == "__main__":
    main()
