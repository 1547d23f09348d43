"""Frame benchmark of the attract loop's full-screen moments: a key figure counting up, a
robot's drawing coming in, a quote's mark growing in.

Usage: python bench/attract_frames.py [--runs 3] [--size WxH ...] (default: 1080p and 4K)

Each run shows the first moment of each kind in the bundled playlist (else the content's first
figure, robot and voice) and records while it moves: the interval between frames (one window
repaint each), the time our animation handlers take before a frame (update) and the time Qt
spends painting it. Budget (BRIEF, issue 19): update + paint p95 <= 8 ms and interval p95
<= 17 ms at 3840x2160. Runs offscreen unless QT_QPA_PLATFORM is set.
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
from kiosk.content.models import PlaylistEntry  # noqa: E402
from kiosk.content.playlist import moment_items, the_playlist  # noqa: E402
from kiosk.paths import bundled_content_dir  # noqa: E402
from kiosk.runtime.modes import Timing  # noqa: E402
from kiosk.ui.controller import KioskRuntime  # noqa: E402
from kiosk.ui.pages.figures.count_up import CountUp  # noqa: E402
from kiosk.ui.shell.moment import MomentView, QuoteMark, RevealedArt  # noqa: E402


def moments(view: MomentView) -> list[PlaylistEntry]:
    """The first moment of each kind the loop plays."""
    content = view.session.content
    chosen: dict[str, PlaylistEntry] = {}
    for entry in the_playlist(content):
        if entry.moment:
            chosen.setdefault(entry.moment, entry)
    for kind, table in moment_items(content).items():
        if kind not in chosen and table:
            chosen[kind] = PlaylistEntry(moment=kind, item=next(iter(table)))
    return list(chosen.values())


def bench_size(
    app: QApplication, recorder: FrameRecorder, width: int, height: int, runs: int
) -> None:
    """Every moment at one window size, and the medians of each."""
    window = build_window(load_content(bundled_content_dir()), (width, height))
    window.show()
    runtime = KioskRuntime(window, Timing(), keep_hours=False)
    runtime.timer.stop()
    view = runtime.moment
    runtime.cue.set_texts(window.session.text("autoplay.cue"), "")
    runtime.cue.show_over()
    for _ in range(20):
        app.processEvents()
    for entry in moments(view):
        results = []
        for _ in range(runs):
            view.end()
            app.processEvents()
            recorder.clear()
            record(recorder, lambda e=entry: view.show_moment(e), lambda: int(_busy(view)))
            results.append(recorder.figures())
        summary = {k: statistics.median(r[k] for r in results) for k in results[0]}
        print(
            f"{entry.moment} moment '{entry.item}' at {width}x{height}, median of {runs} runs: "
            f"{summary['frames']:.0f} frames, interval p95 {summary['interval_p95']:.1f} ms "
            f"(over 33 ms {summary['over_33ms']:.0f}); update {summary['update_median']:.2f} + "
            f"paint {summary['paint_median']:.2f} ms a frame, p95 of the sum "
            f"{summary['work_p95']:.1f} ms"
        )
    window.close()


def _busy(view: MomentView) -> bool:
    part = view.current()
    return part is not None and part.running


def main() -> None:
    handlers = [(CountUp, "show"), (RevealedArt, "_on_level"), (QuoteMark, "_on_level")]
    bench_main(__doc__ or "", bench_size, handlers=handlers)


if __name__ == "__main__":
    main()
