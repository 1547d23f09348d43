"""Liveness and the crash record: sd_notify messages, the heartbeat file, safe mode after three
crashes within 30 minutes, and atomic writes."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.atomic import write_atomic
from kiosk.runtime.crashes import RECORD_FILE, begin_run, end_run, in_safe_mode
from kiosk.runtime.liveness import HEARTBEAT_FILE, beat, heartbeat_interval, notify
from tests.helpers.clock import Clock


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[socket.socket, dict[str, str]]]:
    path = tmp_path / "notify"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    server.settimeout(2)
    yield server, {"NOTIFY_SOCKET": str(path)}
    server.close()


def test_notify_sends_to_systemds_socket(notify_socket) -> None:
    server, env = notify_socket
    assert notify("READY=1", env)
    assert server.recv(100) == b"READY=1"


def test_a_heartbeat_goes_to_systemd_when_it_listens(notify_socket, tmp_path: Path) -> None:
    server, env = notify_socket
    beat(tmp_path / "state", env)
    assert server.recv(100) == b"WATCHDOG=1"
    assert not (tmp_path / "state" / HEARTBEAT_FILE).exists()


def test_without_systemd_the_heartbeat_is_a_file_with_the_time(tmp_path: Path) -> None:
    assert not notify("READY=1", {})
    assert not notify("READY=1", {"NOTIFY_SOCKET": "relative/path"})
    assert not notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "nobody-listens")})
    beat(tmp_path, {})
    assert int((tmp_path / HEARTBEAT_FILE).read_text()) > 1_700_000_000


def test_the_heartbeat_comes_twice_per_watchdog_period(monkeypatch) -> None:
    assert heartbeat_interval({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert heartbeat_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) == 10.0
    assert heartbeat_interval({"WATCHDOG_USEC": "soon"}) == 10.0
    assert heartbeat_interval({}) == 10.0


WALL = 1_800_000_000.0  # a real wall time: the crash record stores wall times


def test_three_crashes_within_half_an_hour_mean_safe_mode(tmp_path: Path) -> None:
    record, clock = tmp_path / RECORD_FILE, Clock(WALL)
    assert begin_run(record, clock) == 0  # first start ever
    for crashes in (1, 2, 3):
        clock.now += 60  # it died without a clean exit; the service starts it again
        assert begin_run(record, clock) == crashes
    assert in_safe_mode(3) and not in_safe_mode(2)


def test_clean_exits_and_old_crashes_do_not_count(tmp_path: Path) -> None:
    record, clock = tmp_path / RECORD_FILE, Clock(WALL)
    begin_run(record, clock)
    clock.now += 60
    assert begin_run(record, clock) == 1
    end_run(record)
    clock.now += 60
    assert begin_run(record, clock) == 1  # the clean exit is no crash
    clock.now += 31 * 60
    assert begin_run(record, clock) == 1  # the old crash is forgiven, the last run counts
    assert json.loads(record.read_text())["running"] is True


@pytest.mark.parametrize("junk", ["", "{", "[1, 2]", '{"crashes": "many", "running": 1}'])
def test_a_damaged_record_is_not_a_reason_to_fail(tmp_path: Path, junk: str) -> None:
    record = tmp_path / RECORD_FILE
    record.write_text(junk)
    assert begin_run(record, Clock(WALL)) in (0, 1)
    json.loads(record.read_text())


def test_a_record_that_cannot_be_written_costs_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert begin_run(blocker / RECORD_FILE, Clock(WALL)) == 0  # its folder is a file
    end_run(blocker / RECORD_FILE)


def test_an_atomic_write_never_leaves_half_a_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "settings.json"
    write_atomic(target, b"old and whole")

    def power_cut(fd: int) -> None:
        raise OSError("power cut")

    monkeypatch.setattr("kiosk.atomic.os.fsync", power_cut)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old and whole"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temporary left


def test_a_state_folder_that_cannot_be_written_keeps_the_record_in_the_runtime_folder(
    tmp_path: Path,
    monkeypatch,
) -> None:
    """A full or read-only state folder must not hide a crash loop from safe mode."""
    from kiosk import storage

    runtime = tmp_path / "run"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    state = tmp_path / "state"
    state.write_text("a file where the folder should be: nothing can be written under it")
    record, clock = state / RECORD_FILE, Clock(WALL)
    try:
        assert begin_run(record, clock) == 0
        for crashes in (1, 2, 3):
            clock.now += 60  # killed each time, no clean exit
            assert begin_run(record, clock) == crashes
        spare = storage.fallback_dir() / RECORD_FILE
        assert json.loads(spare.read_text())["running"] is True
        said = [p for p in storage.problems() if "crash record" in p]
        assert len(said) == 1 and str(runtime) in said[0]
        end_run(record)
        clock.now += 60
        assert begin_run(record, clock) == 3  # the clean exit was kept there too
        state.unlink()
        state.mkdir()  # the curator freed the disk
        clock.now += 60
        end_run(record)
        assert begin_run(record, clock) == 3
        assert json.loads(record.read_text())["running"] is True
        assert not spare.exists()  # back where it belongs
        assert not any("crash record" in p for p in storage.problems())
    finally:
        storage.clear("crashes")
