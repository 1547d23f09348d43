"""Installer benchmark: bundle and installer size, and start-to-first-frame of the frozen app
beside ``python -m kiosk`` and Debian's chromium in kiosk mode, in one run.

Usage: python bench/bundle.py [--runs 7] [--size 1920x1080] (after python build/bundle.py;
chromium: apt-get install chromium, for this bench only).

What is timed, from the parent, from process spawn:
- frozen and python: to the first paint of the Home page (``KIOSK_EXIT_AT_FIRST_FRAME=1``
  makes the app print FRAME there and exit; bench/startup.py detects the same event). Qt runs
  offscreen unless QT_QPA_PLATFORM says otherwise. The first run of each starts with an empty
  content cache (pandas reads the CSVs) and is reported apart; the median is of the others.
- chromium: ``chromium --headless=new --kiosk --screenshot`` of an equivalent local page (the
  home title, one card per page, the shipped CJK font through @font-face) to the moment the
  screenshot file appears: chromium writes it after the page has loaded, laid out with the
  web font and painted its first frame. Headless, like the offscreen Qt runs (no compositor).
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "exhibition-kiosk"
MB = 1024 * 1024


def size_on_disk(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def time_to_line(command: list[str], env: dict[str, str], marker: str = "FRAME") -> float:
    """Seconds from spawn to ``marker`` on the child's stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proc.stdout is not None
    elapsed = None
    for line in proc.stdout:
        if line.startswith(marker):
            elapsed = time.perf_counter() - start
            break
    proc.kill()
    proc.wait()
    if elapsed is None:
        sys.exit(f"{command[0]} exited ({proc.returncode}) before its first frame")
    return elapsed


def time_to_file(command: list[str], target: Path, limit: float = 60) -> float:
    """Seconds from spawn to ``target`` existing and non-empty."""
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not (target.exists() and target.stat().st_size > 0):
            if time.perf_counter() - start > limit or proc.poll() not in (None, 0):
                sys.exit(f"chromium wrote no screenshot ({proc.poll()})")
            time.sleep(0.002)
        return time.perf_counter() - start
    finally:
        proc.kill()
        proc.wait()


def home_page_html(folder: Path) -> str:
    """The Home page as a local web page: title, a card per page, the shipped CJK font."""
    sys.path.insert(0, str(ROOT))
    from kiosk.content import load_content
    from kiosk.paths import fonts_dir

    content = load_content(folder)
    lang = content.settings.default_language
    home = content.pages["home"]
    cards = "".join(
        f"<div class=card><h2>{html.escape(p.title.get(lang))}</h2>"
        f"<p>{html.escape(p.caption.get(lang))}</p></div>"
        for p in content.ordered_pages()
        if p.id != "home"
    )
    font = (fonts_dir() / "KioskSansSC-Regular.subset.otf").as_uri()
    bold = (fonts_dir() / "KioskSansSC-Bold.subset.otf").as_uri()
    return f"""<!doctype html><html lang="{lang}"><meta charset="utf-8">
<style>
@font-face {{ font-family: Kiosk; src: url({font}); }}
@font-face {{ font-family: Kiosk; src: url({bold}); font-weight: bold; }}
html, body {{ margin: 0; height: 100%; background: radial-gradient(#123 0, #050b1a 70%);
  color: #eef; font-family: Kiosk; }}
h1 {{ font-size: 72px; margin: 64px; }} .lead {{ font-size: 30px; margin: 0 64px; }}
.cards {{ display: flex; flex-wrap: wrap; gap: 32px; margin: 64px; }}
.card {{ width: 520px; min-height: 220px; border-radius: 24px; background: #0d1a33;
  padding: 28px; box-sizing: border-box; }}
.card h2 {{ font-size: 40px; color: #3ad7ff; margin: 0 0 12px; }} .card p {{ font-size: 26px; }}
</style>
<h1>{html.escape(home.title.get(lang))}</h1><p class=lead>{html.escape(home.caption.get(lang))}</p>
<div class=cards>{cards}</div></html>"""


def median_runs(name: str, runs: int, once: Callable[[], float], cold_first: bool) -> float:
    times = [once() * 1000 for _ in range(runs)]
    warm = times[1:] if cold_first and len(times) > 1 else times
    note = f"; first run {times[0]:.0f} ms with an empty content cache" if cold_first else ""
    print(
        f"{name:>9}: median {statistics.median(warm):.0f} ms over {len(warm)} runs "
        f"(min {min(warm):.0f}, max {max(warm):.0f}){note}",
        flush=True,
    )
    return statistics.median(warm)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    frozen = BUNDLE / ("exhibition-kiosk.exe" if os.name == "nt" else "exhibition-kiosk")
    if not frozen.exists():
        sys.exit(f"no bundle at {BUNDLE}: run python build/bundle.py first")
    debs = sorted((ROOT / "dist").glob("exhibition-kiosk_*.deb"))
    print(f"   bundle: {size_on_disk(BUNDLE) / MB:.1f} MB on disk (budget 210 MB)")
    for deb in debs:
        print(f"installer: {deb.name} {deb.stat().st_size / MB:.1f} MB (budget 70 MB)")

    scratch = Path(tempfile.mkdtemp(prefix="kiosk-bench-bundle-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "KIOSK_EXIT_AT_FIRST_FRAME": "1",
        "KIOSK_LOCK_DIR": str(scratch / "lock"),  # a kiosk running here does not turn us away
    }
    kiosk_args = ["--windowed", "--size", args.size]
    results = {}
    for name, command in (
        ("frozen", [str(frozen), *kiosk_args]),
        ("python", [sys.executable, "-m", "kiosk", *kiosk_args]),
    ):
        cache_env = {**env, "KIOSK_CACHE_DIR": str(scratch / f"cache-{name}")}
        results[name] = median_runs(
            name, args.runs, lambda c=command, e=cache_env: time_to_line(c, e), cold_first=True
        )

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        page = scratch / "home.html"
        page.write_text(home_page_html(ROOT / "data"), encoding="utf-8")
        shot = scratch / "home.png"
        width, height = args.size.lower().split("x")
        command = [
            chromium,
            "--headless=new",
            "--kiosk",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={scratch / 'chromium-profile'}",
            f"--window-size={width},{height}",
            f"--screenshot={shot}",
            page.as_uri(),
        ]
        time_to_file(command, shot)  # the first start creates the profile: not counted
        results["chromium"] = median_runs(
            "chromium", args.runs, lambda: time_to_file(command, shot), cold_first=False
        )
    else:
        print(" chromium: not installed (apt-get install chromium), not measured")
    shutil.rmtree(scratch, ignore_errors=True)

    verdict = "within" if results["frozen"] <= 450 else "OVER"
    line = f"frozen start {results['frozen']:.0f} ms: {verdict} the 450 ms budget"
    if "chromium" in results:
        faster = results["frozen"] < results["chromium"]
        line += f", {'faster' if faster else 'SLOWER'} than chromium"
    print(line)


if __name__ == "__main__":
    main()
