"""The per-user folders after the rename: a PIN kept under the old name (ai-city-kiosk) is
carried over to the new one (exhibition-kiosk) once, never over one already there."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import NAME
from kiosk.cli import main
from kiosk.paths import OLD_NAME, user_config_dir, user_state_dir
from kiosk.runtime.pin import PIN_FILE, hash_pin, read_pin_hash, write_pin_hash
from tests.helpers import EXHIBIT


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """XDG config and state homes in tmp_path, without the suite's folder overrides."""
    monkeypatch.delenv("KIOSK_CONFIG_DIR", raising=False)
    monkeypatch.delenv("KIOSK_STATE_DIR", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path


def old_pin(folder: Path, pin: str = "73915") -> Path:
    """An admin PIN as the kiosk stored it under its old name."""
    path = folder / PIN_FILE
    write_pin_hash(path, hash_pin(pin))
    return path


def test_the_names_on_disk() -> None:
    assert (NAME, OLD_NAME) == ("exhibition-kiosk", "ai-city-kiosk")


def test_a_pin_under_the_old_name_is_moved_to_the_new(xdg: Path) -> None:
    old = old_pin(xdg / "config" / OLD_NAME)
    folder = user_config_dir()
    assert folder == xdg / "config" / NAME
    stored, problem = read_pin_hash(folder / PIN_FILE)
    assert problem is None and stored is not None and stored.matches("73915")
    assert not old.exists() and not old.parent.exists()
    assert user_config_dir() == folder  # once: the next call finds the new folder
    assert user_state_dir() == xdg / "state" / NAME


def test_an_empty_new_folder_still_takes_the_old_pin(xdg: Path) -> None:
    old_pin(xdg / "config" / OLD_NAME)
    (xdg / "config" / NAME).mkdir(parents=True)
    stored, _ = read_pin_hash(user_config_dir() / PIN_FILE)
    assert stored is not None and stored.matches("73915")


def test_a_pin_under_the_new_name_is_never_overwritten(xdg: Path) -> None:
    old = old_pin(xdg / "config" / OLD_NAME, "73915")
    old_pin(xdg / "config" / NAME, "48213")
    stored, _ = read_pin_hash(user_config_dir() / PIN_FILE)
    assert stored is not None and stored.matches("48213")
    assert old.exists()  # left as it was


def test_an_old_folder_that_cannot_be_moved_is_read_where_it_is(
    xdg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = old_pin(xdg / "config" / OLD_NAME)

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    assert user_config_dir() == old.parent


def test_an_explicit_config_folder_is_taken_as_it_is(
    xdg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = old_pin(xdg / "config" / OLD_NAME)
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(xdg / "mine"))
    assert user_config_dir() == xdg / "mine"
    assert old.exists()


def test_on_windows_the_pin_moves_and_the_rest_stays(
    xdg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(xdg / "local"))
    old = old_pin(xdg / "local" / OLD_NAME / "config")
    (xdg / "local" / OLD_NAME / "state").mkdir()
    assert user_config_dir() == xdg / "local" / NAME / "config"
    assert (user_config_dir() / PIN_FILE).exists() and not old.exists()
    assert (xdg / "local" / OLD_NAME / "state").is_dir()  # logs start anew under the new name


def test_validate_finds_the_carried_over_pin(xdg: Path, capsys: pytest.CaptureFixture) -> None:
    old_pin(xdg / "config" / OLD_NAME)
    assert main(["--validate", "--content", str(EXHIBIT)]) == 0
    assert "no admin PIN is set" not in capsys.readouterr().out
