"""Shared fixtures. Qt runs offscreen: set before any QApplication exists."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.runtime.pin import PIN_FILE, hash_pin, write_pin_hash
from tests.helpers import EXHIBIT, TEST_PIN
from tests.helpers.leftovers import still_running

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# compiled content goes to a private folder, never the user's cache (the CLI tests inherit it)
os.environ["KIOSK_CACHE_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-cache-")
# nor the user's admin PIN, logs or crash record
os.environ["KIOSK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-config-")
os.environ["KIOSK_STATE_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-state-")
# the single-instance lock too: a kiosk running on this machine must not turn tests away
os.environ["KIOSK_LOCK_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-lock-")
# and the runtime folder the kiosk falls back to when its state folder cannot be written
os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-run-")

write_pin_hash(Path(os.environ["KIOSK_CONFIG_DIR"]) / PIN_FILE, hash_pin(TEST_PIN))


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled content that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(EXHIBIT, target)
    return target


@pytest.fixture(autouse=True)
def own_runtime_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Each test its own runtime folder: a crash record one test leaves there (its state folder
    could not be written) must not be read, as newer, by a kiosk another test starts later."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path_factory.mktemp("run")))


@pytest.fixture(autouse=True)
def no_pin_lockout() -> None:
    """Each test starts with the PIN pad unlocked (the lockout outlives a kiosk's restart)."""
    from kiosk.paths import user_state_dir
    from kiosk.runtime.pin import LOCKOUT_FILE

    (user_state_dir() / LOCKOUT_FILE).unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def nothing_left_running() -> Iterator[None]:
    """Fails a test that leaves a timer or an animation running once its widgets are gone."""
    yield
    running = still_running()
    if running:
        pytest.fail("left running after the test:\n  " + "\n  ".join(running), pytrace=False)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker a core. Two a core was faster on an idle machine, but the UI
    tests that time animations and finger motion then failed now and then (4 of 829 in one
    run on 2 cores); one a core passed every test."""
    return os.cpu_count() or 1
