"""The command line's screenshot and self-test modes, as operators and CI run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.cli import main
from kiosk.content import load_content
from kiosk.i18n import LANGUAGES
from tests.helpers import BUNDLED, REPO
from tests.helpers.content import set_pages


def test_screenshot_writes_every_page_in_every_language(tmp_path: Path, qapp) -> None:
    assert main(["--screenshot", str(tmp_path), "--size", "1280x720"]) == 0
    for lang in LANGUAGES:
        for page in ("home", "figures"):
            image = QImage(str(tmp_path / lang / f"{page}.png"))
            assert (image.width(), image.height()) == (1280, 720)
            # a real picture, not a blank frame: the page draws many distinct colours
            colours = {image.pixel(x, y) for x in range(0, 1280, 37) for y in range(0, 720, 23)}
            assert len(colours) > 20


def test_screenshot_limited_to_one_language(tmp_path: Path, qapp) -> None:
    assert main(["--screenshot", str(tmp_path), "--lang", "en", "--size", "960x540"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en"]
    # the accessibility panel and each mode's pages, too
    assert QImage(str(tmp_path / "en" / "access--panel.png")).width() == 960
    contrast = QImage(str(tmp_path / "en" / "access-high-contrast--figures.png"))
    assert contrast.pixelColor(480, 5).getRgb()[:3] == (0, 0, 0)  # the flat black ground
    standard = QImage(str(tmp_path / "en" / "figures.png"))
    assert standard.pixelColor(480, 5).getRgb()[:3] != (0, 0, 0)
    assert (tmp_path / "en" / "access-reach--home.png").exists()


def test_selftest_visits_every_page_and_reports_json(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--selftest", "--size", "1280x720"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["errors"] == []
    pages = len(load_content(BUNDLED).settings.page_order)
    assert pages >= 3
    assert report["pages"] == len(LANGUAGES) * pages
    assert report["frames"] > 50
    assert 0 < report["startup_ms"] < 10000
    assert report["render"]["chart_pixels"] > 0 and set(report["render"]["cjk"]) == {
        "zh-Hans",
        "zh-Hant",
    }


def test_selftest_fails_on_broken_content(content_dir: Path) -> None:
    set_pages(content_dir, "home", "figures")  # a small exhibition: the self-test is quick
    (content_dir / "units.csv").unlink()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "--selftest",
            "--lang",
            "en",
            "--content",
            str(content_dir),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert any("units.csv" in e for e in report["errors"])
    assert report["languages"] == 1


def test_bundled_content_path_is_the_default() -> None:
    from kiosk.paths import bundled_content_dir

    assert bundled_content_dir() == BUNDLED


def test_a_screenshot_that_cannot_be_written_fails_the_run(tmp_path: Path, qapp) -> None:
    from PySide6.QtWidgets import QLabel

    from kiosk.ui.tools.screenshots import PngWriter

    label = QLabel("x")
    label.resize(200, 100)
    writer = PngWriter()
    writer.grab(label, tmp_path / "fine.png")
    writer.grab(label, tmp_path / "no-such-folder" / "lost.png")
    assert writer.close() is False
    assert writer.failed == [tmp_path / "no-such-folder" / "lost.png"]
    assert QImage(str(tmp_path / "fine.png")).width() == 200


def test_selftest_fails_when_a_page_shows_its_stand_in(content_dir: Path) -> None:
    """A page whose code raises is replaced by the calm stand-in for visitors; the self-test
    must not call that a pass. (A subprocess: the self-test runs its own event loop.)"""
    set_pages(content_dir, "home", "figures", "voices")
    script = (
        "import sys\n"
        "from kiosk.ui.shell import main_window\n"
        "real = main_window.page_view\n"
        "def broken(*args):\n"
        "    raise RuntimeError('a page defect')\n"
        "main_window.page_view = lambda pid: broken if pid == 'figures' else real(pid)\n"
        "from kiosk.cli import main\n"
        "sys.exit(main(['--selftest', '--lang', 'en', '--size', '800x600', '--content', "
        f"{str(content_dir)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert result.returncode == 1, result.stderr[-2000:]
    assert "page 'figures' failed and shows its stand-in" in report["errors"]


def test_screenshots_show_the_open_kiosk_whatever_the_opening_hours(
    content_dir: Path, tmp_path: Path
) -> None:
    """A kiosk closed all week still gets its attract-loop screenshot, not the dark screen; the
    closed screen is its own shot."""
    set_pages(content_dir, "home", "voices")
    config = content_dir / "config.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[hours]\ndaily = "closed"\n')
    shots = tmp_path / "shots"
    assert main(["--screenshot", str(shots), "--lang", "en", "--content", str(content_dir)]) == 0
    autoplay = QImage(str(shots / "en" / "runtime--autoplay.png"))
    closed = QImage(str(shots / "en" / "runtime--closed.png"))
    assert autoplay.size() == closed.size() and autoplay != closed
    home = QImage(str(shots / "en" / "home.png"))
    # the loop's shot is Home with the cue: mostly the same pixels as Home, unlike the dark one
    same = sum(
        autoplay.pixel(x, y) == home.pixel(x, y)
        for x in range(0, home.width(), 40)
        for y in range(0, home.height(), 40)
    )
    assert same > 0.5 * (home.width() // 40) * (home.height() // 40)
