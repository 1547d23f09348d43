"""The frame recorder the frame benchmarks share (figures_frames, robots_frames, story_frames).

One window repaint (an ``UpdateRequest`` on the main window) is one frame. While recording,
the recorder keeps each frame's start and end (its paint time), the interval from the frame
before it in the same recording (the idle time between two recordings is not an interval), the
time our own animation handlers took since the frame before (see :func:`time_handlers`) and,
for each recording, the time from its start (a tap's handler, say) to its first frame.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import application
from kiosk.ui.shell.main_window import KioskWindow

SIZES = ("1920x1080", "3840x2160")  # the brief's budgets hold at both


def add_size_option(parser: argparse.ArgumentParser) -> None:
    """``--size WxH``, repeatable; without it the benchmark runs at each of ``SIZES``."""
    parser.add_argument(
        "--size", action="append", help=f"window size, repeatable (default: {', '.join(SIZES)})"
    )


def sizes(args: argparse.Namespace) -> list[tuple[int, int]]:
    """The sizes ``--size`` asked for, as (width, height)."""
    return [(int(w), int(h)) for w, h in (s.split("x") for s in (args.size or SIZES))]


def bench_main(
    doc: str,
    bench_size: Callable[[QApplication, FrameRecorder, int, int, int], None],
    runs: int = 3,
    handlers: Iterable[tuple[type, str]] = (),
) -> None:
    """A frame benchmark's command line: ``--runs`` and ``--size``, the recorder hooked in,
    then ``bench_size(app, recorder, width, height, runs)`` at each size."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--runs", type=int, default=runs)
    add_size_option(parser)
    args = parser.parse_args()
    recorder = FrameRecorder()
    instrument(recorder)
    time_handlers(recorder, handlers)
    app = application()
    for width, height in sizes(args):
        print(
            f"this machine's floor at {width}x{height}: a bare full-window repaint (one opaque "
            f"picture copied) takes {floor_ms(width, height):.2f} ms"
        )
        bench_size(app, recorder, width, height, args.runs)


def floor_ms(width: int, height: int, repeats: int = 15) -> float:
    """The median time of the cheapest full-window repaint there is at this size: a widget
    that copies one opaque picture. A frame that changes the whole screen costs at least this
    (at 3840x2160 on a 2-core VM without a GPU about 5 ms, most of the 8 ms budget)."""
    picture = QPixmap(width, height)
    picture.fill(Qt.GlobalColor.darkBlue)

    class Bare(QWidget):
        def paintEvent(self, event: QPaintEvent) -> None:
            QPainter(self).drawPixmap(0, 0, picture)

    bare = Bare()
    bare.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    bare.resize(width, height)
    bare.show()
    QApplication.processEvents()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        bare.repaint()
        times.append((time.perf_counter() - start) * 1000)
    bare.close()
    return statistics.median(times)


def p95(values: list[float]) -> float:
    """The 95th percentile (the largest value when there are fewer than 20)."""
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


class FrameRecorder:
    """Start and end of every window repaint while recording, and what happened between."""

    def __init__(self) -> None:
        self.frames: list[tuple[float, float]] = []  # (start, end) of each repaint
        self.intervals: list[float] = []  # ms between two frames of one recording
        self.update_ms: list[float] = []  # ms our handlers took before each frame
        self.first_ms: list[float] = []  # ms from each recording's start to its first frame
        self.recording = False
        self._last: float | None = None
        self._started = 0.0
        self._pending_update = 0.0

    def clear(self) -> None:
        self.frames, self.intervals, self.update_ms, self.first_ms = [], [], [], []

    def start(self) -> None:
        self.recording = True
        self._last = None
        self._started = time.perf_counter()
        self._pending_update = 0.0

    def stop(self) -> None:
        self.recording = False
        self._last = None

    def timed_update(self, seconds: float) -> None:
        if self.recording:
            self._pending_update += seconds

    def frame(self, start: float, end: float) -> None:
        if not self.recording:
            return
        if self._last is not None:
            self.intervals.append((start - self._last) * 1000)
        else:
            self.first_ms.append((start - self._started) * 1000)
        self._last = start
        self.frames.append((start, end))
        self.update_ms.append(self._pending_update * 1000)
        self._pending_update = 0.0

    @property
    def paint_ms(self) -> list[float]:
        return [(end - start) * 1000 for start, end in self.frames]

    def figures(self) -> dict[str, float]:
        """Frame count, interval median/p95/max, frames over 33 ms, paint and update times,
        and the longest wait from a recording's start to its first frame."""
        intervals = self.intervals or [0.0]
        paint = self.paint_ms or [0.0]
        update = self.update_ms or [0.0]
        work = [u + p for u, p in zip(update, paint, strict=False)]
        return {
            "frames": len(self.frames),
            "interval_median": statistics.median(intervals),
            "interval_p95": p95(intervals),
            "interval_max": max(intervals),
            "over_33ms": sum(i > 33 for i in intervals),
            "paint_median": statistics.median(paint),
            "paint_p95": p95(paint),
            "update_median": statistics.median(update),
            "work_p95": p95(work),
            "first_max": max(self.first_ms or [0.0]),
        }


def instrument(recorder: FrameRecorder) -> None:
    """Time every repaint of the main window (call before the window is made)."""
    window_event = KioskWindow.event

    def event(self: KioskWindow, e: QEvent) -> bool:
        if e.type() != QEvent.Type.UpdateRequest or not recorder.recording:
            return window_event(self, e)
        start = time.perf_counter()
        result = window_event(self, e)
        recorder.frame(start, time.perf_counter())
        return result

    KioskWindow.event = event  # type: ignore[method-assign]


def time_handlers(recorder: FrameRecorder, handlers: Iterable[tuple[type, str]]) -> None:
    """Count the time of each ``(class, method name)`` (and its subclasses' overrides) as
    update time: the per-frame work our animation handlers do."""
    for cls, name in handlers:
        for klass in [cls, *cls.__subclasses__()]:
            original = klass.__dict__.get(name)
            if original is None:
                continue

            def timed(self, value, _original=original):
                start = time.perf_counter()
                _original(self, value)
                recorder.timed_update(time.perf_counter() - start)

            setattr(klass, name, timed)


def record(
    recorder: FrameRecorder,
    start: Callable[[], object],
    busy: Callable[[], int],
    poll_ms: int = 50,
) -> None:
    """Run ``start`` and record frames until ``busy()`` (running animations) returns 0."""
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: busy() or loop.quit())
    recorder.start()
    start()
    poll.start(poll_ms)
    loop.exec()
    poll.stop()
    recorder.stop()
