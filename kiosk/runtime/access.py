"""A visitor's accessibility choices (no Qt): reach, larger text, high contrast, reduced motion.

They last one visit: the idle reset clears them, and the attract loop never starts while any
is on. Reach and larger text also give the visitor longer before the idle reset.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

# One step of larger text: about 1.4 times every text, on every page.
LARGER_TEXT = 1.4


@dataclass(frozen=True)
class Access:
    """Which accessibility modes are on."""

    reach: bool = False  # every control within the seated reach zone (the lower screen)
    larger_text: bool = False
    high_contrast: bool = False  # 7:1 text contrast, no text over artwork
    reduced_motion: bool = False  # no count-ups, slides or auto-advancing quotes

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The modes, in the order the accessibility panel lists them."""
        return tuple(f.name for f in fields(cls))

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in self.names())

    @property
    def slows_reset(self) -> bool:
        """Whether the visitor gets the longer idle reset (reading and reaching take longer)."""
        return self.reach or self.larger_text

    @property
    def reflows(self) -> bool:
        """Whether a page may not fit its room (larger type, or reach mode's shorter room) and
        scrolls in one direction rather than squeeze (WCAG 1.4.10)."""
        return self.reach or self.larger_text

    @property
    def text_scale(self) -> float:
        return LARGER_TEXT if self.larger_text else 1.0

    def toggled(self, name: str) -> Access:
        """These choices with mode ``name`` switched."""
        if name not in self.names():
            raise ValueError(f"unknown accessibility mode {name!r}")
        return replace(self, **{name: not getattr(self, name)})
