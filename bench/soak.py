"""Soak benchmark: the attract loop for 1,000+ page changes, watching memory and live objects.

Usage: python bench/soak.py [--changes 1000] [--dwell 0.25] [--every 60] [--warmup 6]
                            [--size 1920x1080] [--reload [LOOPS]] [--reload-by button|edit]

Runs the real window and :class:`~kiosk.ui.controller.KioskRuntime` (offscreen unless
QT_QPA_PLATFORM is set) in autoplay, every stop of the playlist shortened to ``--dwell`` seconds
(its steps inside the page kept: chain layers, robot cards, events, quotes; the language rotates
each loop). The playlist is shortened with ``dataclasses.replace`` on the loaded settings, not by
rewriting a copy of config.toml: the content stays the bundled one, read from the same compiled
cache the kiosk reads, so no pandas import and no second content folder skew the figures.

``--reload LOOPS`` (``--reload`` alone: 1) also reloads the content at the start of every LOOPS-th
loop, the way a curator's edit does: the runtime gets a real
:class:`~kiosk.ui.services.content_watch.ContentWatcher`, which loads and validates off the GUI
thread and hands the new content over; the runtime swaps it in between visitors (attract loop
stopped, ``session.set_content``, every page rebuilt, the loop started again from Home). How
the reload is caused, ``--reload-by``:
  button  the admin panel's reload (``watcher.reload_now()``) on the bundled folder: the new
          content is read from the compiled cache (no pandas), as new objects;
  edit    a curator's save: a temporary copy of the bundled folder, its strings.csv rewritten,
          seen by the watcher's poll, fully loaded (pandas, imported by the first reload of the
          warm-up) with the compiled cache in a temporary folder.

After ``--warmup`` loops (each language at least once, so first-time caches such as glyphs and
rendered artwork do not count as drift) it samples, after a full collection, every ``--every``
page changes, on Home at the start of a loop so that nothing is open (a page with a detail open
holds a snapshot of the page under it: that is not drift; a reload restarts the loop at Home,
so a sample is taken at the first loop start at or past its mark): RSS, the native heap in use
(glibc's mallinfo2: what malloc handed out and was not freed; RSS also counts free memory the
heaps keep, which is fragmentation, not a leak), Python objects by type (gc.get_objects), live
QObjects under the window, graphics items in every chart scene, and dead Qt wrappers (a C++
object deleted while Python still holds its wrapper). Prints the samples, start and end RSS,
the drift, the slope over the samples (per 1,000 changes and, with reloads, per reload) and the
largest growths. Budget (BRIEF): drift <= 5 MB over 1,000 changes.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import sys
import tempfile
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
from kiosk.content.cache import CACHE_ENV  # noqa: E402
from kiosk.paths import bundled_content_dir, coverage_file, missing_glyphs  # noqa: E402
from kiosk.runtime.memory import heap_in_use  # noqa: E402
from kiosk.ui.services.census import descendants, graphics_items, python_objects, resident_mb  # noqa: E402
from kiosk.ui.services.content_watch import ContentWatcher  # noqa: E402
from kiosk.ui.shell.main_window import KioskWindow  # noqa: E402

WATCH_POLL_MS = 50  # the soak's watcher polls often, so a reload lands while Home is shown
WATCH_SETTLE_MS = 100


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


def load_bundled(folder: Path) -> Content:
    """``folder`` through the compiled cache, as the soak's first load reads it.

    (The kiosk also names the bundled folder as the fallback, which changes the cache key:
    the bundled content read both ways would be compiled again, pandas and all, each time.)
    """
    return load_content_cached(folder, missing_glyphs, [coverage_file()])


def shortened(content: Content, dwell: float) -> Content:
    """``content`` with every playlist stop lasting ``dwell`` seconds (steps kept)."""
    settings = content.settings
    playlist = tuple(dataclasses.replace(e, dwell=dwell) for e in settings.playlist)
    settings = dataclasses.replace(settings, playlist=playlist, rotate_languages=True)
    return dataclasses.replace(content, settings=settings)


class Reloader:
    """Makes the kiosk's content watcher load the content again, as staff or a curator would."""

    def __init__(self, by: str, dwell: float) -> None:
        self.by = by
        self.scratch: Path | None = None
        folder = bundled_content_dir()
        if by == "edit":  # a folder of our own to edit, and a cache that is not the user's
            self.scratch = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
            os.environ[CACHE_ENV] = str(self.scratch / "cache")
            folder = self.scratch / "content"
            shutil.copytree(bundled_content_dir(), folder)
        self.folder = folder
        self.edits = 0

        def load(path: Path) -> Content:  # the soak's own first load, playlist shortened
            return shortened(load_bundled(path), dwell)

        self.watcher = ContentWatcher(
            folder, load, poll_ms=WATCH_POLL_MS, settle_ms=WATCH_SETTLE_MS
        )

    def reload(self) -> None:
        if self.by == "button":
            self.watcher.reload_now()
            return
        strings = self.folder / "strings.csv"  # a save of the same text: every page rebuilds
        self.edits += 1
        text = strings.read_text(encoding="utf-8").rstrip("\n") + "\n" * (1 + self.edits % 2)
        strings.write_text(text, encoding="utf-8")

    def close(self) -> None:
        self.watcher.stop()
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


class Soak:
    """Counts page changes, samples on Home every ``every`` of them, stops after ``changes``;
    asks ``reloader`` for a reload at the start of every ``reload_every``-th loop."""

    def __init__(
        self,
        window: KioskWindow,
        warmup: int,
        changes: int,
        every: int,
        reloader: Reloader | None = None,
        reload_every: int = 1,
    ) -> None:
        self.window = window
        self.warmup, self.changes, self.every = warmup, changes, every
        self.reloader, self.reload_every = reloader, reload_every
        self.loops_started = 0
        self.reloads = 0  # contents put on screen by the runtime
        self.count = 0
        self.due = 0  # changes after the warm-up at which the next sample is due
        # (changes, seconds, RSS MB, native heap in use MB, reloads)
        self.samples: list[tuple[int, float, float, float, int]] = []
        self.first: Counter[str] = Counter()
        self.middle: Counter[str] = Counter()
        self.last: Counter[str] = Counter()
        self.started = 0.0
        window.stack.page_changed.connect(self.on_page_changed)
        window.session.content_changed.connect(self.on_content_changed)

    def on_content_changed(self, _content: object) -> None:
        self.reloads += 1

    def on_page_changed(self, page_id: str) -> None:
        self.count += 1
        if page_id != self.window.stack.order()[0]:
            return
        done = self.count - self.warmup
        if done >= self.due and not (self.samples and self.samples[-1][0] >= self.changes):
            self.due = max(done, 0) + self.every if done >= 0 else 0
            # sample out of the signal emission: a safe point to collect
            if done >= 0:
                QTimer.singleShot(0, lambda: self.sample(done))
        self.loops_started += 1
        if self.reloader is not None and self.loops_started % self.reload_every == 0:
            QTimer.singleShot(0, self.reloader.reload)

    def sample(self, done: int) -> None:
        counts = object_counts(self.window)
        rss = resident_mb() or 0.0
        heap = (heap_in_use() or 0) / 2**20
        file_backed, font_maps = mapped_files()
        if not self.samples:
            self.first, self.started = counts, time.monotonic()
        elif done <= self.changes // 2:
            self.middle = counts
        self.last = counts
        self.samples.append((done, time.monotonic() - self.started, rss, heap, self.reloads))
        print(
            f"  {done:5d} changes {self.samples[-1][1]:7.1f} s  RSS {rss:7.1f} MB  "
            f"heap in use {heap:7.1f} MB  file-backed {file_backed:6.1f} MB "
            f"({font_maps} font mappings)  reloads {self.reloads}",
            flush=True,
        )
        if done >= self.changes:
            QApplication.instance().quit()


def mapped_files() -> tuple[float, int]:
    """Resident file-backed memory in MB and how many mappings of font files there are (every
    open font face maps its whole file; Linux only: (0, 0) elsewhere)."""
    resident, fonts = 0, 0
    try:
        with open("/proc/self/smaps") as smaps:
            path = ""
            for line in smaps:
                head, _, rest = line.partition(" ")
                if "-" in head and ":" not in head:
                    fields = rest.split()
                    path = fields[4] if len(fields) > 4 else ""
                    fonts += path.lower().endswith((".ttf", ".ttc", ".otf", ".otc"))
                elif head == "Rss:" and path.startswith("/"):
                    resident += int(rest.split()[0])
    except OSError:
        return 0.0, 0
    return resident / 1024, fonts


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares growth of ``ys`` per unit of ``xs`` (0 with fewer than two distinct xs)."""
    if len(set(xs)) < 2:
        return 0.0
    return statistics.linear_regression(xs, ys).slope


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=1000, help="page changes measured")
    parser.add_argument("--dwell", type=float, default=0.25, help="seconds on each page")
    parser.add_argument("--every", type=int, default=60, help="sample every N page changes")
    parser.add_argument("--warmup", type=int, default=6, help="loops before the first sample")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--top", type=int, default=15, help="how many growths to print")
    parser.add_argument(
        "--reload",
        type=int,
        nargs="?",
        const=1,
        default=0,
        metavar="LOOPS",
        help="reload the content through the watcher every LOOPS loops (alone: every loop)",
    )
    parser.add_argument(
        "--reload-by",
        choices=("button", "edit"),
        default="button",
        help="the admin panel's reload of the bundled folder, or an edit of a copy of it",
    )
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = application()
    reloader = Reloader(args.reload_by, args.dwell) if args.reload > 0 else None
    content = shortened(load_bundled(bundled_content_dir()), args.dwell)
    window = build_window(content, (width, height))
    window.show()
    loop_length = len(window.stack.order())
    # samples only at the start of a loop (Home, nothing open): the RSS of a page with a detail
    # open, its snapshot of the page under it included, is not drift
    every = -(-args.every // loop_length) * loop_length
    changes = -(-args.changes // every) * every
    soak = Soak(window, args.warmup * loop_length, changes, every, reloader, args.reload)
    runtime = start_runtime(
        window,
        argparse.Namespace(autoplay_after=None, reset_after=None, autoplay=True),
        watcher=reloader.watcher if reloader else None,
    )
    print(
        f"soak at {args.size} ({os.environ['QT_QPA_PLATFORM']}): {changes} page changes "
        f"after {args.warmup} warm-up loops of {loop_length}, dwell {args.dwell} s, "
        f"a sample every {every} at the start of a loop"
        + (
            f", content reloaded ({args.reload_by}) every {args.reload} loop(s)" if reloader else ""
        ),
        flush=True,
    )
    app.exec()
    runtime.timer.stop()
    runtime.player.stop()
    if reloader is not None:
        reloader.close()
    first, final = soak.samples[0], soak.samples[-1]
    growth = soak.last.copy()
    growth.subtract(soak.first)
    top = [(name, n) for name, n in growth.most_common(args.top) if n > 0]
    late = soak.last.copy()
    late.subtract(soak.middle or soak.first)
    still = [(name, n) for name, n in late.most_common(args.top) if n > 0]
    changes_x = [s[0] for s in soak.samples]
    rss_y = [s[2] for s in soak.samples]
    heap_y = [s[3] for s in soak.samples]
    print(
        f"page changes {final[0]} (+{soak.warmup} warm-up) in {final[1]:.0f} s, "
        f"{soak.loops_started} loops, {final[4] - first[4]} reloads measured "
        f"({soak.reloads} in all)"
    )
    print(
        f"start RSS {first[2]:.1f} MB, end RSS {final[2]:.1f} MB, drift {final[2] - first[2]:+.1f} "
        f"MB (slope {slope(changes_x, rss_y) * 1000:+.2f} MB per 1,000 changes; budget 5 MB)"
    )
    print(
        f"native heap in use: start {first[3]:.1f} MB, end {final[3]:.1f} MB, drift "
        f"{final[3] - first[3]:+.1f} MB (slope {slope(changes_x, heap_y) * 1000:+.2f} MB per "
        "1,000 changes)"
    )
    if reloader is not None:
        reloads_x = [float(s[4]) for s in soak.samples]
        print(
            f"per reload: RSS {slope(reloads_x, rss_y):+.3f} MB, "
            f"native heap in use {slope(reloads_x, heap_y):+.3f} MB (least squares)"
        )
    print("largest growths by type (end - start):")
    for name, n in top or [("(none)", 0)]:
        print(f"  {n:+7d}  {name}  ({soak.first[name]} -> {soak.last[name]})")
    print("still growing over the second half (a leak grows here; a first-use cache does not):")
    for name, n in still or [("(none)", 0)]:
        print(f"  {n:+7d}  {name}  ({soak.middle[name]} -> {soak.last[name]})")


if __name__ == "__main__":
    main()
