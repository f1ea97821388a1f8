"""A samling with its clock running, at a chosen time of a fixed day, for UI tests."""

from __future__ import annotations

import datetime as dt

from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.running import Day
from tuiroom.store import Store

DAY = dt.date(2023, 9, 21)  # Samling 3's own date: on another day it is only planned


def at(hhmm: str) -> dt.datetime:
    hours, minutes = hhmm.split(":")
    return at_time_of_day(DAY, int(hours) * 60 + int(minutes))


def samling_id(store: Store, key: str) -> int:
    return next(s.id for s in store.samlinger() if s.key == key)


def running(
    store: Store, key: str = "s3", start: str = "08:30", now: str = "08:40", exercise: bool = False
) -> FakeClock:
    """Start the samling's first item at `start` and move the clock to `now`."""
    clock = FakeClock(at(start))
    day = Day.live(store, samling_id(store, key), clock)
    day.toggle()
    if exercise:
        day.exercise_step()
    clock.set(at(now))
    return clock
