"""Progress of long work: a line on a terminal (a real pseudo-terminal here), nothing in a pipe."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.progress import Progress
from tests.helpers import REPO


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_the_step_the_count_and_the_time_left() -> None:
    now = [0.0]
    stream = Terminal()
    progress = Progress(4, stream, clock=lambda: now[0])
    for name in ("en home", "en figures", "en chain", "en robots"):
        progress.step(name)
        now[0] += 2.0
        progress.advance()
    progress.finish()
    text = stream.getvalue()
    assert "\r[1/4] en home" in text
    assert "[3/4] en chain  0:04 left" in text  # 2 s a step, two to go
    assert text.endswith("\r") and progress.elapsed == 8.0


def test_a_pipe_sees_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(3, stream)
    progress.step("en home")
    progress.advance()
    progress.finish()
    assert stream.getvalue() == ""


def run_screenshot(folder: Path, stderr: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--screenshot", str(folder), "--lang", "en"]
        + ["--size", "800x600"],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_screenshot_shows_progress_on_a_pseudo_terminal_and_not_in_a_pipe(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        result = run_screenshot(tmp_path / "tty", follower)
        os.close(follower)
        follower = -1
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other side is closed: all was read
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    assert result.returncode == 0
    shots = len(list((tmp_path / "tty" / "en").glob("*.png")))
    text = seen.decode("utf-8", "replace")
    assert f"[1/{shots}] en home" in text and f"[{shots}/{shots}] en runtime--admin-panel" in text
    assert " left" in text
    assert f"wrote {shots} screenshots" in result.stdout

    piped = run_screenshot(tmp_path / "pipe", subprocess.PIPE)
    assert piped.returncode == 0
    assert "[1/" not in piped.stderr and "\r" not in piped.stderr
    assert piped.stdout.strip().startswith(f"wrote {shots} screenshots")
