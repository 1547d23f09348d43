"""Memory benchmark: RSS at start, with every page built, and after every detail was shown.

Usage: python bench/memory.py [--runs 3] [--size 1920x1080]

Each run is a fresh process (``--child``) started the way the kiosk starts: content from the
compiled cache (warmed once before the runs, so pandas is not imported), fonts registered, the
window shown. It prints RSS (and its anonymous / file-backed parts from /proc/self/status)
  1. after start: the first frame of Home;
  2. all pages built: every page built and entered once, animations settled;
  3. every detail: every page and each of its detail views shown in every language;
  4. steady: a few seconds later, idle on Home (what the kiosk holds between visitors);
  5. trimmed: the bench then calls glibc's malloc_trim(0): what the heaps still kept free.
and the medians over runs. Budget (BRIEF): steady RSS <= 200 MB with every page built.
Linux only (it reads /proc); runs offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STAGES = ("start", "pages built", "every detail", "steady", "trimmed")
FIELDS = {"VmRSS": "rss", "RssAnon": "anon", "RssFile": "file"}


def status_mb() -> dict[str, float]:
    """RSS and its anonymous and file-backed parts now, in MB."""
    values: dict[str, float] = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in FIELDS:
                values[FIELDS[name]] = int(rest.split()[0]) / 1024
    return values


def child(size: tuple[int, int]) -> None:
    """One measured start of the kiosk; prints a JSON line of the stages."""
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.app import application, build_window
    from kiosk.content import load_content_cached
    from kiosk.i18n import LANGUAGES
    from kiosk.paths import bundled_content_dir, coverage_file, missing_glyphs
    from kiosk.runtime.memory import release_free_memory

    app = application()
    content = load_content_cached(bundled_content_dir(), missing_glyphs, [coverage_file()])
    window = build_window(content, size)
    window.show()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    wait(50)
    stages: dict[str, dict[str, float]] = {"start": status_mb()}
    for page_id in window.stack.order():
        window.go_to(page_id, animate=False)
        wait(30)
        window.stack.page(page_id).settle()
    window.go_home(animate=False)
    wait(300)
    stages["pages built"] = status_mb()
    for lang in LANGUAGES:
        window.session.set_language(lang)
        for page_id in window.stack.order():
            window.go_to(page_id, animate=False)
            page = window.stack.page(page_id)
            wait(30)
            for detail in page.details():
                page.show_detail(detail)
                wait(30)
                page.settle()
            page.reset()
    window.reset_visitor()
    wait(300)
    stages["every detail"] = status_mb()
    wait(3000)
    stages["steady"] = status_mb()
    release_free_memory()
    stages["trimmed"] = status_mb()
    stages["pandas"] = {"imported": float("pandas" in sys.modules)}
    print(json.dumps(stages))
    app.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    if args.child:
        child((width, height))
        return
    warm = "from kiosk.content import load_content_cached as l; from kiosk import paths as p; "
    warm += "l(p.bundled_content_dir(), p.missing_glyphs, [p.coverage_file()])"
    subprocess.run([sys.executable, "-c", warm], cwd=ROOT, check=True)
    runs: list[dict[str, dict[str, float]]] = []
    for run in range(1, args.runs + 1):
        started = time.monotonic()
        out = subprocess.run(
            [sys.executable, __file__, "--child", "--size", args.size],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
        runs.append(result)
        line = ", ".join(f"{s} {result[s]['rss']:.1f}" for s in STAGES)
        note = " (pandas was imported!)" if result["pandas"]["imported"] else ""
        print(f"run {run} ({time.monotonic() - started:.0f} s): RSS MB {line}{note}")
    print(f"median of {args.runs} runs at {args.size} ({os.environ['QT_QPA_PLATFORM']}):")
    for stage in STAGES:
        m = {k: statistics.median(r[stage][k] for r in runs) for k in FIELDS.values()}
        print(
            f"  {stage:13s} RSS {m['rss']:6.1f} MB (anonymous {m['anon']:6.1f}, "
            f"file-backed {m['file']:5.1f})"
        )
    print("budget: steady RSS <= 200 MB with every page built")


if __name__ == "__main__":
    main()
