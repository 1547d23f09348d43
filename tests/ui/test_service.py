"""The kiosk as a service sees it: READY and WATCHDOG from the GUI thread, a clean stop on
SIGTERM, logs in the state folder, and safe mode after repeated crashes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk import PRODUCT
from kiosk.app import application, build_window
from kiosk.content import load_content
from kiosk.runtime.crashes import RECORD_FILE
from kiosk.ui.services.heartbeat import Heartbeat
from tests.helpers import BUNDLED, REPO
from tests.helpers.content import delete_row


@pytest.fixture
def listener(tmp_path: Path):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(tmp_path / "notify"))
    server.settimeout(0.05)
    yield server, str(tmp_path / "notify")
    server.close()


def received(server: socket.socket) -> list[str]:
    messages = []
    while True:
        try:
            messages.append(server.recv(200).decode())
        except TimeoutError:
            return messages


def test_ready_after_the_first_frame_then_heartbeats(qtbot, listener, tmp_path) -> None:
    server, path = listener
    env = {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "200000"}  # a beat every 0.1 s
    application()
    window = build_window(load_content(BUNDLED), (800, 600))
    qtbot.addWidget(window)
    heartbeat = Heartbeat(window, tmp_path, env)  # before the window shows, as app.py does
    qtbot.wait(200)
    assert received(server) == []  # nothing before the first frame
    window.show()
    qtbot.waitUntil(lambda: heartbeat.beats >= 3, timeout=10000)
    messages = received(server)
    assert messages[0].startswith(f"READY=1\nSTATUS={PRODUCT}")
    assert messages[1:3] == ["WATCHDOG=1", "WATCHDOG=1"]
    heartbeat.stopping()
    assert received(server)[-1] == "STOPPING=1"


def run_kiosk(tmp_path: Path, notify: str, content: Path) -> subprocess.Popen:
    """Start the real kiosk, wait for READY=1, stop it the way systemd does."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": notify,
        "KIOSK_STATE_DIR": str(tmp_path / "state"),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "--windowed",
            "--size",
            "800x600",
            "--content",
            str(content),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return process


def wait_ready(server: socket.socket, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(m.startswith("READY=1") for m in received(server)):
            return
        assert process.poll() is None, "the kiosk exited before its first frame"
    raise AssertionError("no READY=1 within 60 s")


def test_a_started_kiosk_is_ready_logs_and_stops_cleanly(tmp_path, listener, content_dir):
    server, path = listener
    process = run_kiosk(tmp_path, path, content_dir)
    wait_ready(server, process)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    record = json.loads((tmp_path / "state" / RECORD_FILE).read_text())
    assert record["running"] is False and record["crashes"] == []
    log = (tmp_path / "state" / "logs" / "kiosk.log").read_text()
    assert PRODUCT in log and f"content {content_dir}: version" in log
    assert "exits with status 0" in log
    assert "runtime: reset after 120 s, attract loop after 90 s, hot reload on" in log


def crash_twice_before(state: Path) -> None:
    """The crash record of a kiosk that crashed twice in the last ten minutes and was killed
    again just now: the next start is its third crash within half an hour."""
    state.mkdir(exist_ok=True)
    now = time.time()
    record = {"running": True, "started": now - 30, "crashes": [now - 600, now - 300]}
    (state / RECORD_FILE).write_text(json.dumps(record))


def run_until_ready_then_stop(tmp_path: Path, listener, content: Path) -> str:
    """Start the kiosk on ``content``, wait for READY=1, stop it as systemd does; its log."""
    server, path = listener
    process = run_kiosk(tmp_path, path, content)
    wait_ready(server, process)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    return (tmp_path / "state" / "logs" / "kiosk.log").read_text()


def test_safe_mode_shows_the_last_content_that_loaded_cleanly(
    tmp_path, listener, content_dir
) -> None:
    run_until_ready_then_stop(tmp_path, listener, content_dir)  # it loads cleanly once
    # then a curator's edit breaks it, and the kiosk crashes three times in half an hour
    delete_row(content_dir, "strings.csv", "app.title")
    crash_twice_before(tmp_path / "state")
    log = run_until_ready_then_stop(tmp_path, listener, content_dir).split("starting (pid")[-1]
    assert "safe mode: 3 crashes within 30 minutes" in log
    assert f"showing the last content of {content_dir} that loaded cleanly" in log
    assert "hot reload off" in log
    assert str(BUNDLED) not in log  # another exhibition is never shown
    assert "app.title" not in log  # the broken folder was not even read


def test_safe_mode_on_a_folder_that_never_loaded_cleanly_shows_the_bundled_content(
    tmp_path, listener, content_dir
) -> None:
    delete_row(content_dir, "strings.csv", "app.title")
    crash_twice_before(tmp_path / "state")
    log = run_until_ready_then_stop(tmp_path, listener, content_dir)
    assert f"{content_dir} never loaded cleanly here; showing the bundled content" in log
    assert f"content {BUNDLED}: version" in log


def test_a_stop_while_still_loading_is_a_clean_exit_not_a_crash(
    tmp_path, listener, content_dir
) -> None:
    """systemd stops a start it gave up on (or restarts the kiosk) before the first frame."""
    server, path = listener
    process = run_kiosk(tmp_path, path, content_dir)
    log = tmp_path / "state" / "logs" / "kiosk.log"
    deadline = time.monotonic() + 60
    while not (log.exists() and "starting (pid" in log.read_text()):
        assert time.monotonic() < deadline, "the kiosk never logged its start"
        assert process.poll() is None
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    record = json.loads((tmp_path / "state" / RECORD_FILE).read_text())
    assert record["running"] is False and record["crashes"] == []


def test_a_stop_is_handled_at_once_while_the_kiosk_sits_idle(
    tmp_path, listener, content_dir
) -> None:
    server, path = listener
    process = run_kiosk(tmp_path, path, content_dir)
    wait_ready(server, process)
    time.sleep(3)  # Home's entrance animations are over: no Python runs for seconds
    process.send_signal(signal.SIGTERM)
    sent = time.monotonic()
    assert process.wait(timeout=30) == 0
    assert time.monotonic() - sent < 2.0
