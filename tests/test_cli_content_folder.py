"""Bad input for the app as a whole: unusable content folders, a second instance, Windows."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk import winsupport
from kiosk.cli import main
from tests.helpers import REPO


def kiosk(*args: str, env: dict[str, str] | None = None, timeout: float = 60):
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("kiosk: error: ")
    return lines[0]


@pytest.mark.parametrize("mode", [[], ["--validate"], ["--selftest"]])
def test_missing_content_folder_is_one_line_and_fails(tmp_path: Path, mode: list[str]) -> None:
    result = kiosk("--content", str(tmp_path / "nowhere"), *mode)
    assert result.returncode == 2
    assert "does not exist" in one_error_line(result.stderr)
    assert result.stdout == ""


@pytest.mark.parametrize("mode", [[], ["--validate"]])
def test_empty_content_folder_is_one_line_and_fails(tmp_path: Path, mode: list[str]) -> None:
    (tmp_path / "notes.txt").write_text("not content", encoding="utf-8")
    result = kiosk("--content", str(tmp_path), *mode)
    assert result.returncode == 2
    assert "is empty" in one_error_line(result.stderr)


def test_a_folder_with_only_csv_files_is_content(content_dir: Path) -> None:
    (content_dir / "config.toml").unlink()  # --validate reports it; the folder is not "empty"
    result = kiosk("--content", str(content_dir), "--validate")
    assert "is empty" not in result.stderr
    assert "config.toml" in result.stdout + result.stderr


def test_unreadable_content_folder_is_one_line_and_fails(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.name == "posix" and os.geteuid() != 0:
        content_dir.chmod(0)  # a real unreadable folder where permissions apply
        monkeypatch.setattr(content_dir, "chmod", content_dir.chmod)
    else:  # root reads anything: make listing the folder fail as it does for the kiosk user

        def denied(path: object) -> None:
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(os, "scandir", denied)
    try:
        assert main(["--content", str(content_dir), "--validate"]) == 2
    finally:
        content_dir.chmod(0o755)
    line = one_error_line(capsys.readouterr().err)
    assert "cannot be read" in line and "Permission denied" in line


def wait_for(predicate, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_second_instance_opens_no_window_and_says_so(tmp_path: Path) -> None:
    env = {"KIOSK_LOCK_DIR": str(tmp_path / "lock")}
    first = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed", "--size", "640x480"],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: (tmp_path / "lock" / "kiosk.lock").exists())
        assert first.poll() is None
        second = kiosk("--windowed", "--size", "640x480", env=env)
        assert second.returncode == 0
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and "already running" in lines[0], second.stderr
        assert f"pid {first.pid}" in lines[0]
        # modes that open no lasting window still run beside it
        assert kiosk("--validate", env=env).returncode == 0
    finally:
        first.kill()
        first.wait()
    # the killed kiosk's lock is stale: the next start takes it and paints its first frame
    third = kiosk("--windowed", "--size", "640x480", env={**env, "KIOSK_EXIT_AT_FIRST_FRAME": "1"})
    assert third.returncode == 0, third.stderr
    assert third.stdout.strip().splitlines()[-1] == "FRAME"


class FakeKernel32:
    def __init__(self) -> None:
        self.modes: list[int] = []

    def SetErrorMode(self, mode: int) -> int:  # noqa: N802 - the Win32 name
        self.modes.append(mode)
        return 0


def test_windows_start_suppresses_error_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel32 = FakeKernel32()
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": kernel32}), raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    winsupport.prepare_process()
    assert kernel32.modes == [winsupport.SEM_FAILCRITICALERRORS | winsupport.SEM_NOGPFAULTERRORBOX]
    assert kernel32.modes == [0x0003]


def test_other_systems_leave_the_error_mode_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel32 = FakeKernel32()
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": kernel32}), raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    winsupport.prepare_process()
    assert kernel32.modes == []
