"""Start-up benchmark: process spawn to the first painted frame of the Home page.

Usage: python bench/startup.py [--runs 7] [--size 1920x1080]
Prints each run and the median, in milliseconds, measured from the parent (so interpreter start
and every import count). Runs offscreen; a real screen adds the compositor's first present.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(size: str) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer

    from kiosk.app import application, build_window
    from kiosk.content import load_content
    from kiosk.paths import bundled_content_dir

    app = application()
    width, height = (int(v) for v in size.split("x"))
    window = build_window(load_content(bundled_content_dir()), (width, height))

    class FirstFrame(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window.stack.current:
                QTimer.singleShot(0, lambda: (print("FRAME", flush=True), app.quit()))
            return False

    spy = FirstFrame()
    window.stack.current.installEventFilter(spy)
    window.show()
    app.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.size)
        return
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    times = []
    for run in range(args.runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", "--size", args.size],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("FRAME"):
                times.append((time.perf_counter() - start) * 1000)
                break
        proc.wait()
        print(f"run {run + 1}: {times[-1]:.0f} ms")
    print(
        f"first frame: median {statistics.median(times):.0f} ms over {len(times)} runs "
        f"(min {min(times):.0f}, max {max(times):.0f})"
    )


if __name__ == "__main__":
    main()
