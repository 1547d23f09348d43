"""Soak benchmark: the attract loop for 1,000+ page changes, watching memory and live objects.

Usage: python bench/soak.py [--changes 1000] [--dwell 0.25] [--every 60] [--warmup 6]
                            [--size 1920x1080]

Runs the real window and :class:`~kiosk.ui.controller.KioskRuntime` (offscreen unless
QT_QPA_PLATFORM is set) in autoplay, every stop of the playlist shortened to ``--dwell`` seconds
(its steps inside the page kept: chain layers, robot cards, events, quotes; the language rotates
each loop). The playlist is shortened with ``dataclasses.replace`` on the loaded settings, not by
rewriting a copy of config.toml: the content stays the bundled one, read from the same compiled
cache the kiosk reads, so no pandas import and no second content folder skew the figures.

After ``--warmup`` loops (each language at least once, so first-time caches such as glyphs and
rendered artwork do not count as drift) it samples, after a full collection, every ``--every``
page changes, rounded up to whole loops so that every sample is taken on Home with nothing open
(a page with a detail open holds a snapshot of the page under it: that is not drift;
``--changes`` is rounded likewise): RSS, Python objects by type (gc.get_objects), live QObjects
under the window, graphics items in every chart scene, and dead Qt wrappers (a C++ object
deleted while Python still holds its wrapper). Prints the samples, start and end RSS, the drift,
the slope over the samples and the largest growths.
Budget (BRIEF): drift <= 5 MB over 1,000 changes.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import application, build_window, start_runtime  # noqa: E402
from kiosk.content import Content, load_content_cached  # noqa: E402
from kiosk.paths import bundled_content_dir, coverage_file, missing_glyphs  # noqa: E402
from kiosk.ui.services.census import descendants, graphics_items, python_objects, resident_mb  # noqa: E402
from kiosk.ui.shell.main_window import KioskWindow  # noqa: E402


def object_counts(window: KioskWindow) -> Counter[str]:
    """Python objects by type after a full collection, plus Qt's own counts (in brackets).

    Counted through ``children()``: ``findChildren`` on the window would leak by itself (see
    kiosk/ui/services/census.py).
    """
    counts = python_objects()
    counts["[live QObjects under the window]"] = len(descendants(window))
    counts["[widgets in the app]"] = len(QApplication.allWidgets())
    counts["[graphics items in chart scenes]"] = graphics_items(window)
    return counts


def shortened(content: Content, dwell: float) -> Content:
    """``content`` with every playlist stop lasting ``dwell`` seconds (steps kept)."""
    settings = content.settings
    playlist = tuple(dataclasses.replace(e, dwell=dwell) for e in settings.playlist)
    settings = dataclasses.replace(settings, playlist=playlist, rotate_languages=True)
    return dataclasses.replace(content, settings=settings)


class Soak:
    """Counts page changes, samples every ``every`` of them, stops after ``changes``."""

    def __init__(
        self, window: KioskWindow, warmup: int, changes: int, every: int, reload: bool = False
    ) -> None:
        self.window = window
        self.warmup, self.changes, self.every = warmup, changes, every
        self.reload = reload
        self.reloads = 0
        self.count = 0
        self.samples: list[tuple[int, float, float]] = []  # (changes, seconds, RSS MB)
        self.first: Counter[str] = Counter()
        self.middle: Counter[str] = Counter()
        self.last: Counter[str] = Counter()
        self.started = 0.0
        window.stack.page_changed.connect(self.on_page_changed)

    def on_page_changed(self, page_id: str) -> None:
        self.count += 1
        if self.reload and page_id == self.window.stack.order()[0]:
            QTimer.singleShot(0, self.reload_content)
        done = self.count - self.warmup
        if done < 0 or done % self.every and done < self.changes:
            return
        # sample out of the signal emission: a safe point to collect
        QTimer.singleShot(0, lambda: self.sample(done))

    def reload_content(self) -> None:
        """What a hot reload does: the same content, as a new object, handed to every page."""
        session = self.window.session
        session.set_content(dataclasses.replace(session.content))
        self.reloads += 1

    def sample(self, done: int) -> None:
        counts = object_counts(self.window)
        rss = resident_mb() or 0.0
        if done == 0:
            self.first, self.started = counts, time.monotonic()
        if self.samples and done <= self.changes // 2:
            self.middle = counts
        self.last = counts
        self.samples.append((done, time.monotonic() - self.started, rss))
        print(f"  {done:5d} changes {self.samples[-1][1]:7.1f} s  RSS {rss:7.1f} MB", flush=True)
        if done >= self.changes:
            QApplication.instance().quit()


def slope_per_1000(samples: list[tuple[int, float, float]]) -> float:
    """Least-squares growth of RSS in MB per 1,000 page changes over the samples."""
    if len(samples) < 2:
        return 0.0
    xs = [s[0] for s in samples]
    ys = [s[2] for s in samples]
    return statistics.linear_regression(xs, ys).slope * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=1000, help="page changes measured")
    parser.add_argument("--dwell", type=float, default=0.25, help="seconds on each page")
    parser.add_argument("--every", type=int, default=60, help="sample every N page changes")
    parser.add_argument("--warmup", type=int, default=6, help="loops before the first sample")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--top", type=int, default=15, help="how many growths to print")
    parser.add_argument(
        "--reload", action="store_true", help="hand every page the content again each loop"
    )
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = application()
    content = load_content_cached(bundled_content_dir(), missing_glyphs, [coverage_file()])
    content = shortened(content, args.dwell)
    window = build_window(content, (width, height))
    window.show()
    loop_length = len(window.stack.order())
    # samples only at the start of a loop (Home, nothing open): the RSS of a page with a detail
    # open, its snapshot of the page under it included, is not drift
    every = -(-args.every // loop_length) * loop_length
    changes = -(-args.changes // every) * every
    soak = Soak(window, args.warmup * loop_length, changes, every, args.reload)
    runtime = start_runtime(
        window, argparse.Namespace(autoplay_after=None, reset_after=None, autoplay=True)
    )
    print(
        f"soak at {args.size} ({os.environ['QT_QPA_PLATFORM']}): {changes} page changes "
        f"after {args.warmup} warm-up loops of {loop_length}, dwell {args.dwell} s, "
        f"a sample every {every} at the start of a loop"
        + (", content reloaded each loop" if args.reload else ""),
        flush=True,
    )
    app.exec()
    runtime.timer.stop()
    runtime.player.stop()
    start, end = soak.samples[0][2], soak.samples[-1][2]
    growth = soak.last.copy()
    growth.subtract(soak.first)
    top = [(name, n) for name, n in growth.most_common(args.top) if n > 0]
    late = soak.last.copy()
    late.subtract(soak.middle or soak.first)
    still = [(name, n) for name, n in late.most_common(args.top) if n > 0]
    print(
        f"page changes {soak.samples[-1][0]} (+{soak.warmup} warm-up) in "
        f"{soak.samples[-1][1]:.0f} s, {runtime.player.loops} loops, {soak.reloads} reloads"
    )
    print(
        f"start RSS {start:.1f} MB, end RSS {end:.1f} MB, drift {end - start:+.1f} MB "
        f"(slope {slope_per_1000(soak.samples):+.2f} MB per 1,000 changes; budget 5 MB)"
    )
    print("largest growths by type (end - start):")
    for name, n in top or [("(none)", 0)]:
        print(f"  {n:+7d}  {name}  ({soak.first[name]} -> {soak.last[name]})")
    print("still growing over the second half (a leak grows here; a first-use cache does not):")
    for name, n in still or [("(none)", 0)]:
        print(f"  {n:+7d}  {name}  ({soak.middle[name]} -> {soak.last[name]})")


if __name__ == "__main__":
    main()
