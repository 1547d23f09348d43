"""Start-up benchmark: process spawn to the first painted frame of the Home page.

Usage: python bench/startup.py [--runs 7] [--size 1920x1080]
Runs the real start-up path (``kiosk --windowed``) and prints each run and the median, in
milliseconds, measured from the parent (so interpreter start and every import count). The first
run starts with an empty content cache (a curator just edited the files: pandas reads them);
the others start from the compiled content, as a terminal does every morning. Runs offscreen
unless QT_QPA_PLATFORM says otherwise; a real screen adds the compositor's first present.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(size: str) -> None:
    """Run the real start-up (``kiosk --windowed``); it prints FRAME when Home is first painted."""
    sys.path.insert(0, str(ROOT))
    from kiosk import cli
    from kiosk.ui.services.first_frame import EXIT_ENV

    os.environ[EXIT_ENV] = "1"
    sys.exit(cli.main(["--windowed", "--size", size]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.size)
        return
    cache = tempfile.mkdtemp(prefix="kiosk-bench-cache-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "KIOSK_CACHE_DIR": cache,
    }
    times = []
    for run in range(args.runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", "--size", args.size],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("FRAME"):
                times.append((time.perf_counter() - start) * 1000)
                break
        proc.wait()
        if len(times) <= run:
            sys.exit(f"run {run + 1}: the kiosk exited ({proc.returncode}) before a frame")
        note = " (empty content cache)" if run == 0 else ""
        print(f"run {run + 1}: {times[-1]:.0f} ms{note}")
    shutil.rmtree(cache, ignore_errors=True)
    warm = times[1:] or times
    print(
        f"first frame: median {statistics.median(warm):.0f} ms over {len(warm)} runs from the "
        f"compiled content (min {min(warm):.0f}, max {max(warm):.0f}); "
        f"{times[0]:.0f} ms with an empty cache"
    )


if __name__ == "__main__":
    main()
