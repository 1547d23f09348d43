"""What a test left running in the Qt application (the autouse check in conftest)."""

from __future__ import annotations


def still_running() -> list[str]:
    """Timers and animations alive in the application after a test's widgets were closed and
    deleted: each would fire into the next test. The application's garbage collector is the
    one timer, and its animation clock (an endless pause) the one animation, meant to live as
    long as the application."""
    from PySide6.QtCore import QAbstractAnimation, QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.widgets.motion import CLOCK_NAME

    app = QApplication.instance()
    if app is None:
        return []
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # qtbot's deleteLater
    found: list[str] = []
    for owner in (app, *QApplication.topLevelWidgets()):
        for timer in owner.findChildren(QTimer):
            if timer.isActive() and type(timer.parent()).__name__ != "GarbageCollector":
                found.append(f"QTimer {timer.objectName() or ''} of {timer.parent()!r}")
        for animation in owner.findChildren(QAbstractAnimation):
            running = animation.state() == QAbstractAnimation.State.Running
            if running and animation.group() is None and animation.objectName() != CLOCK_NAME:
                found.append(f"{type(animation).__name__} of {animation.parent()!r}")
    return found
