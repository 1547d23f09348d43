"""The admin PIN: salted hash only, malformed hashes refused, three wrong PINs lock a minute."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.paths import user_config_dir
from kiosk.runtime.pin import (
    PIN_FILE,
    PinGate,
    Verdict,
    check_new_pin,
    hash_pin,
    parse_pin_hash,
    read_pin_hash,
)
from tests.helpers import EXHIBIT
from tests.helpers.clock import Clock


def test_hash_is_salted_and_round_trips() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first.salt != second.salt and first.digest != second.digest
    stored = parse_pin_hash(first.format())
    assert stored.matches("2468")
    assert not stored.matches("2469")
    assert "2468" not in first.format()


@pytest.mark.parametrize(
    ("text", "gist"),
    [
        ("", "not a PIN hash"),
        ("2468", "not a PIN hash"),
        ("md5$1$2$3$aa$bb", "not a PIN hash"),
        ("scrypt$x$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==", "unreadable"),
        ("scrypt$16384$8$1$***$aGFzaA==", "unreadable"),
        ("scrypt$2$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==", "unsafe"),
        ("scrypt$16384$8$1$c2E=$aGFzaGhhc2hoYXNoaGFzaA==", "too short"),
        ("scrypt$1073741824$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==", "too much memory"),
    ],
)
def test_malformed_hash_says_what_is_wrong(text: str, gist: str) -> None:
    with pytest.raises(ValueError, match=gist):
        parse_pin_hash(text)


@pytest.mark.parametrize("pin", ["", "12", "12ab", "1234567890123", "0000", "١٢٣٤٥"])
def test_weak_or_malformed_new_pins_are_refused(pin: str) -> None:
    assert check_new_pin(pin)


@pytest.mark.parametrize(
    ("pin", "reason"),
    [
        ("1234", "most common"),
        ("1212", "most common"),
        ("2000", "most common"),
        ("6969", "most common"),
        ("123456", "most common"),
        ("4567", "consecutive"),
        ("98765", "consecutive"),
        ("7890", "consecutive"),
        ("3210", "consecutive"),
        ("3838", "repeats 38"),
        ("275275", "repeats 275"),
        ("56565656", "repeats 56"),
    ],
)
def test_common_pins_runs_and_patterns_are_refused_with_a_reason(pin: str, reason: str) -> None:
    problem = check_new_pin(pin)
    assert problem is not None
    assert reason in problem
    assert "\n" not in problem


@pytest.mark.parametrize("pin", ["2468", "5820", "1357", "4096", "8251", "12345670", "271828"])
def test_ordinary_pins_are_accepted(pin: str) -> None:
    assert check_new_pin(pin) is None


def test_three_wrong_pins_lock_for_a_minute() -> None:
    clock = Clock()
    gate = PinGate(hash_pin("2468"), clock)
    assert gate.check("1111") is Verdict.WRONG
    assert gate.check("2222") is Verdict.WRONG
    assert gate.check("3333") is Verdict.LOCKED
    assert gate.check("2468") is Verdict.LOCKED  # even the right PIN while locked
    clock.now += 59
    assert gate.check("2468") is Verdict.LOCKED and gate.locked_for == pytest.approx(1)
    clock.now += 1
    assert gate.check("2468") is Verdict.OPEN


def test_a_right_pin_clears_the_wrong_count() -> None:
    gate = PinGate(hash_pin("2468"), Clock())
    assert gate.check("1111") is Verdict.WRONG
    assert gate.check("2468") is Verdict.OPEN
    assert gate.check("1111") is Verdict.WRONG
    assert gate.check("2222") is Verdict.WRONG  # two in a row again: not yet locked


def test_without_a_hash_nothing_opens() -> None:
    gate = PinGate(None, Clock())
    assert gate.check("") is Verdict.NO_PIN
    assert gate.check("2468") is Verdict.NO_PIN


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


def test_set_pin_from_a_pipe_stores_only_a_hash(config_dir: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("73915\n"))
    assert main(["--set-pin"]) == 0
    path = user_config_dir() / PIN_FILE
    text = path.read_text()
    assert "73915" not in text
    stored, problem = read_pin_hash(path)
    assert problem is None and stored is not None and stored.matches("73915")
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert str(path) in capsys.readouterr().out


def test_set_pin_refuses_a_weak_pin_and_keeps_the_old(config_dir: Path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("73915\n"))
    assert main(["--set-pin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    assert main(["--set-pin"]) == 2
    assert "nothing was changed" in capsys.readouterr().err
    stored, _ = read_pin_hash(user_config_dir() / PIN_FILE)
    assert stored is not None and stored.matches("73915")


def test_validate_warns_without_a_pin_and_fails_on_a_malformed_one(config_dir: Path, capsys):
    assert main(["--validate", "--content", str(EXHIBIT)]) == 0
    out = capsys.readouterr().out
    assert f"{config_dir / PIN_FILE}:-:-: warning: no admin PIN is set" in out
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / PIN_FILE).write_text("scrypt$oops\n")
    assert main(["--validate", "--content", str(EXHIBIT)]) == 1
    out = capsys.readouterr().out
    assert f"{config_dir / PIN_FILE}:-:-: is not a PIN hash" in out


def test_the_lockout_and_the_wrong_count_outlive_a_restart(tmp_path: Path) -> None:
    record = tmp_path / "pin-lockout.json"
    clock, wall = Clock(), [1_000_000.0]
    gate = PinGate(hash_pin("2468"), clock, record=record, wall=lambda: wall[0])
    assert gate.check("1111") is Verdict.WRONG
    restarted = PinGate(hash_pin("2468"), Clock(), record=record, wall=lambda: wall[0])
    assert restarted.wrong == 1  # pulling the plug gives no fresh tries
    assert restarted.check("2222") is Verdict.WRONG
    assert restarted.check("3333") is Verdict.LOCKED
    wall[0] += 20
    again = PinGate(hash_pin("2468"), Clock(), record=record, wall=lambda: wall[0])
    assert again.check("2468") is Verdict.LOCKED
    assert again.locked_for == pytest.approx(40)
    wall[0] += 41
    later = PinGate(hash_pin("2468"), Clock(), record=record, wall=lambda: wall[0])
    assert later.check("2468") is Verdict.OPEN


def test_a_lockout_record_from_a_clock_far_ahead_never_locks_longer_than_a_minute(
    tmp_path: Path,
) -> None:
    record = tmp_path / "pin-lockout.json"
    record.write_text('{"wrong": 0, "locked_until": 9999999999}')
    gate = PinGate(hash_pin("2468"), Clock(), record=record, wall=lambda: 1_000_000.0)
    assert gate.locked_for == pytest.approx(60)
    record.write_text("not json")
    assert PinGate(hash_pin("2468"), Clock(), record=record).locked_for == 0
