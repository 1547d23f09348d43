"""A full or read-only state folder (issue 17): the kiosk runs on, says so once (stderr, the
admin panel), and the lock and the heartbeat move to a runtime folder instead of being lost."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from kiosk import storage
from kiosk.logs import setup_logging
from kiosk.runtime.liveness import HEARTBEAT_FILE
from kiosk.ui.services import single_instance
from kiosk.ui.services.heartbeat import Heartbeat
from tests.helpers import REPO

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/full, uid")


@pytest.fixture(autouse=True)
def clean_storage(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """A runtime folder of the test's own; no trouble left behind for other tests."""
    runtime = tmp_path / "run"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield runtime
    for what in ("log", "lock", "heartbeat"):
        storage.clear(what)


@linux_only
def test_a_full_disk_costs_the_log_file_once_not_a_traceback_a_record(
    tmp_path: Path, capsys
) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "kiosk.log").symlink_to("/dev/full")  # every write: ENOSPC, as on a full disk
    try:
        recent = setup_logging(logs)
        for number in range(50):
            logging.getLogger("kiosk.test").warning("record %d", number)
        err = capsys.readouterr().err
    finally:
        setup_logging(None, console=False)
    trouble = [line for line in err.splitlines() if "cannot write the log file" in line]
    assert len(trouble) == 1 and "No space left on device" in trouble[0]
    assert "Traceback" not in err
    assert err.count("record ") == 50  # the console still gets every record
    assert recent.last(1)[0].endswith("record 49")  # and so does the admin panel's memory
    assert any("cannot write the log file" in p for p in storage.problems())


@linux_only
def test_the_heartbeat_moves_when_the_state_folder_fails(
    tmp_path: Path, qtbot, clean_storage: Path
) -> None:
    state = tmp_path / "state"
    (state / HEARTBEAT_FILE).mkdir(parents=True)  # the file cannot be written, even by root
    widget = QWidget()
    qtbot.addWidget(widget)
    heartbeat = Heartbeat(widget, state, env={})
    heartbeat.beat()
    moved = clean_storage / f"exhibition-kiosk-{os.getuid()}" / HEARTBEAT_FILE
    assert moved.is_file() and moved.read_text().strip().isdigit()
    assert any("heartbeat" in p and str(moved.parent) in p for p in storage.problems())
    moved.unlink()
    heartbeat.beat()  # it keeps beating there
    assert moved.is_file()


@linux_only
def test_the_single_instance_lock_moves_and_still_keeps_a_second_kiosk_out(
    tmp_path: Path, clean_storage: Path, monkeypatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the state folder should be")
    monkeypatch.setenv(single_instance.LOCK_DIR_ENV, str(blocked))
    single_instance.release()
    try:
        assert single_instance.claim(argparse.Namespace()) is True
        lock = clean_storage / f"exhibition-kiosk-{os.getuid()}" / single_instance.LOCK_NAME
        assert lock.is_file()
        assert any("lock" in p for p in storage.problems())
        second = subprocess.run(
            [
                sys.executable,
                "-c",
                "import argparse, sys; from kiosk.ui.services import single_instance as s; "
                "sys.exit(0 if s.claim(argparse.Namespace()) else 3)",
            ],
            cwd=REPO,
            env={**os.environ},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 3, second.stderr
        assert "already running" in second.stderr
    finally:
        single_instance.release()
