"""No display: one line and exit 2, never Qt's abort and core dump (issue 21)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import display
from tests.helpers import REPO
from tests.helpers.content import set_pages
from tests.test_cli_content_folder import one_error_line

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")


def bare_env(**extra: str) -> dict[str, str]:
    """This environment without any display or platform choice (a shell on a bare server)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    return {**env, **extra}


def run_kiosk(*args: str, env: dict[str, str], cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def no_core_dump(result: subprocess.CompletedProcess, folder: Path) -> None:
    assert result.returncode == 2, result.stderr
    assert not list(folder.glob("core*")), "a core file was written"
    assert "Aborted" not in result.stderr and "could not connect" not in result.stderr


@linux_only
def test_the_quick_start_without_a_display_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_kiosk("--windowed", "--size", "1920x1080", env=bare_env(), cwd=tmp_path)
    no_core_dump(result, tmp_path)
    line = one_error_line(result.stderr)
    assert "no display" in line or "not found on this system" in line


@linux_only
def test_an_x_display_that_does_not_answer_is_named(tmp_path: Path) -> None:
    result = run_kiosk("--windowed", env=bare_env(DISPLAY=":93"), cwd=tmp_path)
    no_core_dump(result, tmp_path)
    line = one_error_line(result.stderr)
    assert ":93" in line or "not found on this system" in line


@linux_only
def test_a_tool_asked_for_xcb_without_a_display_is_one_line(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    env = bare_env(QT_QPA_PLATFORM="xcb")
    result = run_kiosk("--screenshot", str(shots), "--lang", "en", env=env, cwd=tmp_path)
    no_core_dump(result, tmp_path)
    one_error_line(result.stderr)
    assert not shots.exists()


def test_tools_render_offscreen_without_a_display(content_dir: Path) -> None:
    set_pages(content_dir, "home", "figures")  # a small exhibition: the self-test is quick
    result = run_kiosk(
        "--selftest",
        "--lang",
        "en",
        "--size",
        "800x600",
        "--content",
        str(content_dir),
        env=bare_env(),
    )
    assert result.returncode == 0, result.stderr
    assert '"errors": []' in result.stdout


def test_missing_xcb_libraries_are_named_before_the_display(monkeypatch) -> None:
    monkeypatch.setattr(display, "missing_xcb_libraries", lambda: ["libxcb-icccm.so.4"])
    monkeypatch.setenv("DISPLAY", ":0")
    problem = display.display_problem("xcb")
    assert problem is not None and "libxcb-icccm.so.4" in problem


@pytest.mark.parametrize(
    ("value", "platform"),
    [("offscreen", "offscreen"), ("xcb:nograb", "xcb"), ("wayland;xcb", "wayland")],
)
def test_the_requested_platform_is_qt_s_first_choice(monkeypatch, value, platform) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", value)
    assert display.requested_platform() == platform
    if platform != "xcb":
        assert display.display_problem() is None


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A real X server (Xvfb) for this test, or a skip where Xvfb is not installed."""
    if not sys.platform.startswith("linux") or not shutil.which("Xvfb"):
        pytest.skip("needs Xvfb")
    name = f":{90 + os.getpid() % 200}"
    server = subprocess.Popen(
        ["Xvfb", name, "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while not Path(f"/tmp/.X11-unix/X{name[1:]}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        yield name
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(10)


def test_a_running_x_server_is_no_problem(xvfb: str, monkeypatch) -> None:
    monkeypatch.setenv("DISPLAY", xvfb)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(display, "missing_xcb_libraries", lambda: [])
    assert display.display_problem() is None


def test_a_clean_library_verdict_is_kept_until_the_system_s_libraries_change(
    tmp_path: Path, monkeypatch
) -> None:
    if display._xcb_plugin() is None or not shutil.which("ldd"):
        pytest.skip("needs Qt's xcb plugin and ldd")
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    ldcache = tmp_path / "ld.so.cache"
    ldcache.write_text("1")
    monkeypatch.setattr(display, "LDSO_CACHE", ldcache)
    runs: list[int] = []
    monkeypatch.setattr(display, "_ldd_missing", lambda *_: runs.append(1) or [])
    assert display.missing_xcb_libraries() == [] and display.missing_xcb_libraries() == []
    assert len(runs) == 1  # the second start only compared stamps
    os.utime(ldcache, ns=(1, 1))  # ldconfig ran: a library came or went
    display.missing_xcb_libraries()
    assert len(runs) == 2
