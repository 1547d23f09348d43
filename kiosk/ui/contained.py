"""No exception may leave a Qt virtual override: PySide 6 can crash in the C++ code that goes on
painting after a Python ``paintEvent`` raised. So every event handler of the kiosk's own Qt
classes is wrapped: an exception is handed to ``sys.excepthook`` (the fault guard logs it and
puts a stand-in in place of the failing page) and the handler returns as if nothing happened.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QGraphicsItem

HANDLERS = frozenset(
    {
        "event",
        "eventFilter",
        "paintEvent",
        "paint",  # QGraphicsItem
        "resizeEvent",
        "showEvent",
        "hideEvent",
        "moveEvent",
        "changeEvent",
        "timerEvent",
        "mousePressEvent",
        "mouseMoveEvent",
        "mouseReleaseEvent",
        "wheelEvent",
        "keyPressEvent",
        "closeEvent",
        "sizeHint",
        "minimumSizeHint",
        "hasHeightForWidth",
        "heightForWidth",
    }
)
PREFIX = "kiosk."
_MARK = "_kiosk_contained"


def _guard(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def contained(self: object, *args: Any) -> Any:
        try:
            return method(self, *args)
        except Exception:  # reported, never let through to C++
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
            return _fallback(method.__name__, self, *args)

    setattr(contained, _MARK, True)
    return contained


def _fallback(name: str, self: Any, *args: Any) -> Any:
    """What a failed handler returns: the base class's answer, or a harmless default."""
    if name in ("event", "eventFilter", "hasHeightForWidth"):
        return False
    base = None
    for klass in type(self).__mro__:
        if not klass.__module__.startswith(PREFIX) and name in vars(klass):
            base = vars(klass)[name]
            break
    if base is not None and name in (
        "sizeHint",
        "minimumSizeHint",
        "heightForWidth",
    ):
        try:
            return base(self, *args)
        except Exception:
            return None
    return None


def _subclasses(root: type) -> Iterator[type]:
    seen: set[type] = set()
    stack = [root]
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                yield sub


def contain_all() -> int:
    """Wrap the handlers of every loaded class that is, or derives from, a kiosk class.

    Call it after importing view code and before making instances (PySide looks overrides up
    once per instance). Returns how many handlers it wrapped this time.
    """
    wrapped = 0
    for root in (QObject, QGraphicsItem):
        for klass in _subclasses(root):
            if not any(k.__module__.startswith(PREFIX) for k in klass.__mro__):
                continue
            for name in HANDLERS & vars(klass).keys():
                method = vars(klass)[name]
                if callable(method) and not getattr(method, _MARK, False):
                    setattr(klass, name, _guard(method))
                    wrapped += 1
    return wrapped
