"""``kiosk --screenshot`` wall time: every page, detail and runtime screen in every language.

Usage: python bench/screenshots.py [--runs 3] [--size 1920x1080 ...] [--repo DIR]

Each run is a fresh process (``python -m kiosk --screenshot TMP --size S``, Qt offscreen, the
content cache warm after the first run) timed from spawn to exit; prints the median and the
spread per size. ``--repo`` times another checkout (say, a worktree of an older commit) with
this interpreter, to compare before and after a change on the same machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_run(repo: Path, size: str) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as folder:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kiosk", "--screenshot", folder, "--size", size],
            cwd=repo,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(repo)},
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        took = time.perf_counter() - started
        return took, len(list(Path(folder).rglob("*.png")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", nargs="+", default=["1920x1080", "1080x1920", "3840x2160"])
    parser.add_argument("--repo", type=Path, default=ROOT)
    args = parser.parse_args()
    one_run(args.repo, "800x600")  # warm the content cache and the disk
    print(f"{args.repo} on {os.cpu_count()} cores, {args.runs} runs each")
    for size in args.size:
        times, shots = [], 0
        for _ in range(args.runs):
            took, shots = one_run(args.repo, size)
            times.append(took)
        print(
            f"{size}: {shots} PNGs, median {statistics.median(times):.1f} s "
            f"(min {min(times):.1f}, max {max(times):.1f})",
            flush=True,
        )


if __name__ == "__main__":
    main()
