"""Time, injected: the real wall clock, a rehearsal clock, and a fake one for tests.

Every deadline is a wall-clock instant and every remaining time is `deadline - now`,
never a count of ticks. A laptop suspended over lunch therefore wakes up to the right
time: a monotonic clock would have stopped while it slept, the wall clock did not.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Protocol

UTC = dt.UTC


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current instant, timezone-aware."""
        ...

    @property
    def speed(self) -> float:
        """How many seconds of the day pass in one real second (1 outside rehearsal)."""
        ...


def system_now() -> dt.datetime:
    return dt.datetime.now(UTC)


class SystemClock:
    speed = 1.0

    def now(self) -> dt.datetime:
        return system_now()


class RehearsalClock:
    """The day played from `start` at `speed` times real time.

    `real_origin` is the real instant that corresponds to `start`; saving both lets a
    second window (the projector) run the very same clock.
    """

    def __init__(
        self,
        start: dt.datetime,
        speed: float = 1.0,
        real_origin: dt.datetime | None = None,
        real: Callable[[], dt.datetime] = system_now,
    ) -> None:
        self.start, self.speed, self.real = start, speed, real
        self.real_origin = real() if real_origin is None else real_origin

    def now(self) -> dt.datetime:
        return self.start + (self.real() - self.real_origin) * self.speed


class FakeClock:
    """A clock that moves only when told to: for tests of a whole day in milliseconds."""

    def __init__(self, current: dt.datetime, speed: float = 1.0) -> None:
        self.current, self.speed = current, speed

    def now(self) -> dt.datetime:
        return self.current

    def advance(self, seconds: float = 0, minutes: float = 0) -> None:
        self.current += dt.timedelta(seconds=seconds, minutes=minutes)

    def set(self, when: dt.datetime) -> None:
        self.current = when


def at_time_of_day(day: dt.date, minutes: float, zone: dt.tzinfo | None = None) -> dt.datetime:
    """The instant `minutes` after midnight of `day`, local time (08:30 is 510).

    Without a zone the system's rules for that date apply, summer time included.
    """
    naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)
    local = naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()
    return local.astimezone(UTC)


def minutes_of_day(when: dt.datetime, zone: dt.tzinfo | None = None) -> float:
    """Minutes after local midnight for an instant (510.0 for 08:30)."""
    local = when.astimezone(zone) if zone is not None else when.astimezone()
    return local.hour * 60 + local.minute + local.second / 60 + local.microsecond / 6e7


def local_date(when: dt.datetime) -> dt.date:
    """The date of an instant on the wall calendar of this laptop."""
    return when.astimezone().date()


def local_time(when: dt.datetime) -> str:
    """08:30 for an instant, in this laptop's local time."""
    return when.astimezone().strftime("%H:%M")


def parse_clock_time(text: str) -> int:
    """`--now 08:29` as minutes after midnight; raises ValueError with a plain message."""
    from tuiroom.programme.times import parse_time

    try:
        return parse_time(text)
    except Exception as exc:  # pydantic's error carries a catalogue code we do not need
        raise ValueError(text) from exc


def countdown(seconds: float) -> str:
    """12:05 for time left, +03:12 once over; hours only when needed (1:02:03).

    Time left is rounded up, so 00:00 shows exactly when time is up, never a second early.
    """
    over = seconds < 0
    whole = math.floor(-seconds) if over else math.ceil(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return f"+{text}" if over else text
