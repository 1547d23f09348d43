"""The admin panel: the hidden corner gesture, the PIN pad with its lockout, and the panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from kiosk import __version__
from kiosk.cli import main
from kiosk.runtime.modes import Mode
from kiosk.runtime.pin import PIN_FILE
from kiosk.ui.controller import KioskRuntime
from tests.helpers import TEST_PIN
from tests.helpers.ui import Clock, later, runtime_for, touch_tap


def corner_taps(runtime: KioskRuntime, clock: Clock, count: int = 5, gap: float = 0.4) -> None:
    """Taps with a finger in the top-left corner of the window, ``gap`` seconds apart."""
    window = runtime.window
    for _ in range(count):
        touch_tap(window, QPoint(20, 20))
        clock.now += gap
    window.repaint()  # run the queued opening


def wait_idle(qtbot) -> None:
    qtbot.wait(20)


def type_pin(runtime: KioskRuntime, digits: str) -> None:
    for digit in digits:
        touch_tap(runtime.pin_pad.keys[digit])
    touch_tap(runtime.pin_pad.keys["ok"])


@pytest.fixture
def runtime(window, clock) -> KioskRuntime:
    window.session.set_language("en")
    return runtime_for(window, clock, admin_after=120)


def test_five_quick_corner_taps_open_the_pin_pad(runtime, clock, qtbot) -> None:
    corner_taps(runtime, clock, 4)
    wait_idle(qtbot)
    assert not runtime.pin_pad.isVisible()
    corner_taps(runtime, clock, 1)
    wait_idle(qtbot)
    assert runtime.pin_pad.isVisible() and runtime.mode == Mode.ADMIN
    assert runtime.pin_pad.message == "Enter the admin PIN"


def test_slow_corner_taps_or_taps_elsewhere_do_not(runtime, clock, qtbot) -> None:
    corner_taps(runtime, clock, 5, gap=1.0)  # five taps over four seconds
    wait_idle(qtbot)
    assert not runtime.pin_pad.isVisible()
    clock.now += 10
    corner_taps(runtime, clock, 3)
    touch_tap(runtime.window, QPoint(600, 600))
    corner_taps(runtime, clock, 2)
    wait_idle(qtbot)
    assert not runtime.pin_pad.isVisible() and runtime.mode != Mode.ADMIN


def test_the_gesture_works_during_the_attract_loop(runtime, clock, qtbot) -> None:
    runtime.start_autoplay()
    corner_taps(runtime, clock)  # the first one only wakes it, and still counts
    wait_idle(qtbot)
    assert runtime.pin_pad.isVisible() and runtime.mode == Mode.ADMIN
    assert not runtime.player.running


def test_a_wrong_pin_says_so_and_the_right_one_opens_the_panel(runtime, clock, qtbot) -> None:
    corner_taps(runtime, clock)
    wait_idle(qtbot)
    type_pin(runtime, "1357")
    assert runtime.pin_pad.message == "Wrong PIN; 2 more tries"
    assert not runtime.admin.isVisible()
    touch_tap(runtime.pin_pad.keys["9"])
    touch_tap(runtime.pin_pad.keys["delete"])
    assert runtime.pin_pad.entered == ""
    type_pin(runtime, TEST_PIN)
    assert runtime.admin.isVisible() and not runtime.pin_pad.isVisible()
    assert runtime.mode == Mode.ADMIN


def test_three_wrong_pins_lock_the_pad_for_a_minute(runtime, clock, qtbot) -> None:
    corner_taps(runtime, clock)
    wait_idle(qtbot)
    for pin in ("1111", "2222", "3333"):
        type_pin(runtime, pin)
    assert runtime.pin_pad.message == "Locked; try again in 60 s"
    type_pin(runtime, TEST_PIN)  # the right PIN does not open while locked
    assert not runtime.admin.isVisible()
    later(runtime, clock, 30)
    assert runtime.pin_pad.message == "Locked; try again in 30 s"
    later(runtime, clock, 30)
    assert runtime.pin_pad.message == "Enter the admin PIN"
    type_pin(runtime, TEST_PIN)
    assert runtime.admin.isVisible()


def test_the_lockout_outlasts_closing_and_reopening_the_pad(runtime, clock, qtbot) -> None:
    corner_taps(runtime, clock)
    wait_idle(qtbot)
    for pin in ("1111", "2222", "3333"):
        type_pin(runtime, pin)
    touch_tap(runtime.pin_pad.cancel)
    assert not runtime.pin_pad.isVisible() and runtime.mode != Mode.ADMIN
    corner_taps(runtime, clock)
    wait_idle(qtbot)
    assert runtime.pin_pad.message.startswith("Locked; try again in")
    type_pin(runtime, TEST_PIN)
    assert not runtime.admin.isVisible()


@pytest.mark.parametrize("stored", [None, "scrypt$16384$8$1$broken", "not a hash at all"])
def test_without_a_valid_pin_hash_the_panel_never_opens(
    runtime, clock, qtbot, tmp_path: Path, monkeypatch, stored
) -> None:
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path))
    if stored is not None:
        (tmp_path / PIN_FILE).write_text(stored)
    corner_taps(runtime, clock)
    wait_idle(qtbot)
    assert runtime.pin_pad.isVisible()
    assert "kiosk --set-pin" in runtime.pin_pad.message
    for pin in (TEST_PIN, "", "0000"):
        type_pin(runtime, pin)
        assert not runtime.admin.isVisible()


def open_panel(runtime: KioskRuntime, clock: Clock, qtbot) -> None:
    corner_taps(runtime, clock)
    wait_idle(qtbot)
    type_pin(runtime, TEST_PIN)
    assert runtime.admin.isVisible()


def test_the_panel_shows_versions_folder_uptime_memory_and_log(
    runtime, clock, qtbot, capsys
) -> None:
    runtime.log_lines = lambda count: [f"line {i}" for i in range(count)]
    open_panel(runtime, clock, qtbot)
    facts = dict(runtime.admin.facts())
    content = runtime.window.session.content
    assert facts["Software version"] == __version__
    assert facts["Content folder"] == str(content.folder)
    assert facts["Content version"] == content.settings.version
    assert facts["Uptime"].count(":") == 2
    assert facts["Memory"].endswith(" MB") and int(facts["Memory"].split()[0]) > 20
    assert facts["Frame rate"].endswith("fps") or facts["Frame rate"] == "still (nothing animating)"
    lines = runtime.admin.lines()
    assert ("heading", "Content problems (0)") in lines and ("dim", "None") in lines
    assert ("log", "line 13") in lines
    # kiosk --version says the same as the panel
    assert main(["--version", "--content", str(content.folder)]) == 0
    printed = capsys.readouterr().out
    assert f"kiosk {facts['Software version']}, content {facts['Content version']}" in printed


def test_the_panel_follows_the_language(runtime, clock, qtbot) -> None:
    open_panel(runtime, clock, qtbot)
    runtime.window.session.set_language("zh-Hant")
    assert runtime.admin.buttons["reload"].text() == "重新載入內容"
    assert dict(runtime.admin.facts())["內容版本"]


def test_closing_the_panel_gives_the_kiosk_back(runtime, clock, qtbot) -> None:
    open_panel(runtime, clock, qtbot)
    touch_tap(runtime.admin.buttons["close"])
    assert not runtime.admin.isVisible() and runtime.mode != Mode.ADMIN
    later(runtime, clock, 106)
    assert runtime.mode == Mode.COUNTDOWN  # the visitor timeouts run again
    later(runtime, clock, 15)
    assert runtime.mode == Mode.AUTOPLAY


def test_a_panel_left_alone_closes_by_itself(runtime, clock, qtbot) -> None:
    open_panel(runtime, clock, qtbot)
    later(runtime, clock, 119)
    assert runtime.admin.isVisible()
    later(runtime, clock, 2)
    assert not runtime.admin.isVisible() and runtime.mode != Mode.ADMIN


def test_stop_and_start_the_attract_loop(runtime, clock, qtbot) -> None:
    open_panel(runtime, clock, qtbot)
    toggle = runtime.admin.buttons["autoplay"]
    assert toggle.text() == "Stop the attract loop"
    touch_tap(toggle)
    assert toggle.text() == "Start the attract loop"
    touch_tap(runtime.admin.buttons["close"])
    later(runtime, clock, 500)
    assert runtime.mode != Mode.AUTOPLAY  # staff stopped it
    open_panel(runtime, clock, qtbot)
    touch_tap(runtime.admin.buttons["autoplay"])
    assert not runtime.admin.isVisible()
    assert runtime.mode == Mode.AUTOPLAY and runtime.player.running


def test_exit_needs_a_second_tap(runtime, clock, qtbot, monkeypatch) -> None:
    exits: list[int] = []
    monkeypatch.setattr(
        "kiosk.ui.controller.QApplication.exit", lambda status=0: exits.append(status)
    )
    open_panel(runtime, clock, qtbot)
    button = runtime.admin.buttons["exit"]
    touch_tap(button)
    assert exits == [] and button.text() == "Tap again to exit"
    qtbot.waitUntil(lambda: button.text() == "Exit the kiosk", timeout=15000)
    touch_tap(button)
    assert exits == []
    touch_tap(button)
    assert exits == [0]


def test_the_panel_says_when_the_kiosk_s_own_files_fail(runtime, clock, qtbot) -> None:
    from kiosk import storage

    storage.report("log", "cannot write the log file /x/kiosk.log (No space left on device)")
    try:
        open_panel(runtime, clock, qtbot)
        shown = [text for role, text in runtime.admin.lines() if role == "warm"]
        assert any(
            t.startswith("Storage trouble: cannot write the log file") and "runs on" in t
            for t in shown
        ), shown
    finally:
        storage.clear("log")
