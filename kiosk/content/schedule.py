"""Opening hours: a weekly schedule from the content's config, read as local wall-clock time."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")

Span = tuple[int, int]  # minutes since midnight: [start, end)


def local_now() -> datetime:
    """The local time, with the time zone read again: a terminal whose zone is changed (by an
    administrator, or TZ) follows it without a restart (tzset re-reads /etc/localtime)."""
    if hasattr(time, "tzset"):
        time.tzset()
    return datetime.now()


@dataclass(frozen=True)
class Schedule:
    """Open spans per weekday (Monday first); ``always`` when no hours are configured."""

    days: tuple[tuple[Span, ...], ...] = ((),) * 7
    always: bool = True

    def is_open(self, when: datetime) -> bool:
        if self.always:
            return True
        minute = when.hour * 60 + when.minute
        return any(start <= minute < end for start, end in self.days[when.weekday()])


def parse_spans(text: str) -> tuple[list[Span], list[Span], str]:
    """'09:00-18:00' or '09:00-12:00, 13:00-17:30' or 'closed'.

    Returns the spans on this day, the spans spilling past midnight into the next day (for
    '20:00-02:00') and an error message ('' when the text is fine).
    """
    if text.strip().lower() in ("closed", "", "-"):
        return [], [], ""
    today: list[Span] = []
    tomorrow: list[Span] = []
    for part in text.split(","):
        found = _SPAN.match(part)
        if not found:
            return [], [], f'"{part.strip()}" is not a time span like 09:00-18:00'
        h1, m1, h2, m2 = (int(g) for g in found.groups())
        if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
            return [], [], f'"{part.strip()}" has a time that does not exist'
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if start == end:
            return [], [], f'"{part.strip()}" opens and closes at the same time'
        if end > start:
            today.append((start, end))
        else:  # past midnight
            today.append((start, 24 * 60))
            tomorrow.append((0, end))
    return today, tomorrow, ""


def parse_schedule(hours: dict[str, object]) -> tuple[Schedule, dict[str, str]]:
    """A schedule from ``[hours]`` (keys: a day name or ``daily``); errors keyed by setting."""
    if not hours:
        return Schedule(), {}
    errors: dict[str, str] = {}
    texts: dict[int, str] = {}
    if "daily" in hours:
        texts = dict.fromkeys(range(7), str(hours["daily"]))
    for key, value in hours.items():
        if key == "daily":
            continue
        if key not in DAYS:
            errors[key] = f"unknown day '{key}' (use {', '.join(DAYS)} or daily)"
            continue
        if not isinstance(value, str):
            errors[key] = f'hours.{key} must be text like "09:00-18:00" or "closed"'
            continue
        texts[DAYS.index(key)] = value
    days: list[list[Span]] = [[] for _ in range(7)]
    for day, text in texts.items():
        today, tomorrow, error = parse_spans(text)
        if error:
            errors[DAYS[day] if DAYS[day] in hours else "daily"] = error
            continue
        days[day].extend(today)
        days[(day + 1) % 7].extend(tomorrow)
    return Schedule(tuple(tuple(sorted(d)) for d in days), always=False), errors
