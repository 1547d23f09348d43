"""A stop signal is noted at once even while the GUI thread is busy, and a kiosk that cannot get
back to its event loop in time ends itself cleanly instead of being killed as a crash."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from kiosk.ui.services.stop_signals import StopSignals


@pytest.fixture
def stops(qapp) -> Iterator[list[StopSignals]]:
    """StopSignals takes over the process's signals: give pytest its own back afterwards."""
    names = ("SIGTERM", "SIGHUP", "SIGINT")
    saved = {name: signal.getsignal(getattr(signal, name)) for name in names}
    made: list[StopSignals] = []
    yield made
    for stop in made:
        stop.close()
    for name, handler in saved.items():
        signal.signal(getattr(signal, name), handler)
    QCoreApplication.removePostedEvents(qapp, QEvent.Type.Quit)
    # The handler's QCoreApplication.exit() with no loop running leaves Qt's "quit now" flag
    # set, which would end every later event loop of this test process at once; exec() clears it.
    QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
    qapp.exec()


def busy(seconds: float) -> None:
    """The GUI thread at work (building pages): no event loop runs meanwhile."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(1000))


def test_a_stop_while_busy_is_noted_at_once_then_the_process_ends_itself(
    stops: list[StopSignals],
) -> None:
    events: list[tuple[str, float]] = []
    stop = StopSignals(grace=0.6, exit_now=lambda status: events.append(("exit", status)))
    stops.append(stop)
    stop.on_stop = lambda: events.append(("noted", time.monotonic()))
    sent = time.monotonic()
    os.kill(os.getpid(), signal.SIGTERM)
    busy(1.5)  # longer than the grace: the GUI thread never returns to the loop
    assert stop.received == signal.SIGTERM
    noted = [at for what, at in events if what == "noted"]
    assert noted and noted[0] - sent < 0.3, "the stop was not noted at once"
    assert ("exit", 0) in events  # a clean status, before systemd's SIGKILL
    assert len(noted) == 2  # noted again just before exiting


def test_a_stop_in_time_is_noted_once_and_never_forces_the_exit(stops: list[StopSignals]) -> None:
    exits: list[int] = []
    stop = StopSignals(grace=30, exit_now=exits.append)
    stops.append(stop)
    noted: list[float] = []
    stop.on_stop = lambda: noted.append(time.monotonic())
    os.kill(os.getpid(), signal.SIGHUP)
    assert stop.noted.wait(2)
    assert len(noted) == 1 and exits == []
    assert stop.received == signal.SIGHUP


def test_a_log_handler_on_a_closed_stream_does_not_stop_the_exit(
    stops: list[StopSignals],
) -> None:
    """stderr closed under the kiosk (a detached console): the forced exit still happens."""
    import logging

    closed = open(os.devnull, "w")  # noqa: SIM115 - closed at once, on purpose
    closed.close()
    handler = logging.StreamHandler(closed)
    logging.getLogger().addHandler(handler)
    try:
        events: list[str] = []
        stop = StopSignals(grace=0.3, exit_now=lambda status: events.append(f"exit {status}"))
        stops.append(stop)
        os.kill(os.getpid(), signal.SIGTERM)
        busy(1.0)
        assert "exit 0" in events
    finally:
        logging.getLogger().removeHandler(handler)
