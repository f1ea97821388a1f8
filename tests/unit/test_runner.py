"""The tick loop both windows share, driven by a FakeClock without a terminal.

Samling 3 opens with Velkommen, 08:30 to 09:00: with the default WarnRule its warning is
due at 08:55 (five minutes before the end) and its time is up at 09:00.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.runner import DayRunner, room_of
from tuiroom.day.running import Day
from tuiroom.day.view import Room, WarnRule
from tuiroom.store import Store

DAY = dt.date(2023, 9, 21)  # Samling 3's own date: on another day it is only planned


def at(hours: int, minutes: int = 0, seconds: float = 0) -> dt.datetime:
    return at_time_of_day(DAY, hours * 60 + minutes) + dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(at(8, 30))


@pytest.fixture
def runner(seljord_store: Store, clock: FakeClock) -> DayRunner:
    s3 = next(s.id for s in seljord_store.samlinger() if s.key == "s3")
    day = Day.live(seljord_store, s3, clock)
    return DayRunner(day, WarnRule(), room_of(seljord_store))


def started(runner: DayRunner) -> DayRunner:
    runner.act(runner.day.toggle)
    return runner


def ticks_at(runner: DayRunner, clock: FakeClock, *instants: dt.datetime) -> list[str | None]:
    kinds = []
    for when in instants:
        clock.set(when)
        _, kind = runner.tick()
        kinds.append(kind)
    return kinds


def test_each_signal_fires_once_at_its_deadline(runner: DayRunner, clock: FakeClock) -> None:
    started(runner)
    kinds = ticks_at(
        runner,
        clock,
        at(8, 54, 59),
        at(8, 55),
        at(8, 55, 1),
        at(8, 59, 59),
        at(9, 0),
        at(9, 1),
    )
    assert kinds == [None, "warning", None, None, "over", None]


def test_a_late_tick_rings_the_latest_signal_only(runner: DayRunner, clock: FakeClock) -> None:
    """A laptop that slept through the warning and the end wakes up to a single bell."""
    started(runner)
    assert ticks_at(runner, clock, at(9, 10), at(9, 11)) == ["over", None]


def test_act_resets_the_last_tick(runner: DayRunner, clock: FakeClock) -> None:
    """What a key did (here: nothing, at 08:56) is shown at once and rings no bell after."""
    started(runner)
    clock.set(at(8, 56))
    runner.act(lambda: None)
    assert runner.last_tick == at(8, 56)
    assert ticks_at(runner, clock, at(8, 56, 1)) == [None]


def test_without_act_the_missed_warning_rings(runner: DayRunner, clock: FakeClock) -> None:
    started(runner)
    assert ticks_at(runner, clock, at(8, 56)) == ["warning"]


def test_the_view_follows_the_day(runner: DayRunner, clock: FakeClock) -> None:
    waiting = runner.view()
    assert waiting.state == "waiting" and waiting.current is None
    running = runner.act(runner.day.toggle)
    assert running.state == "running" and running.current is not None
    assert running.current.title == "Velkommen!"
    clock.set(at(8, 40))
    later, _ = runner.tick()
    assert later.now == at(8, 40)
    assert later.remaining == pytest.approx(20 * 60)
    moved = runner.act(runner.day.next)
    assert moved.current is not None and moved.current.title != "Velkommen!"
    assert runner.view() == moved


def test_follow_starts_counting_afresh(
    runner: DayRunner, clock: FakeClock, seljord_store: Store
) -> None:
    """Another samling, or a new run: no signal from before the switch rings after it."""
    started(runner)
    clock.set(at(8, 56))
    runner.follow(Day(seljord_store, runner.day.run, clock))
    assert runner.last_tick == at(8, 56)
    assert ticks_at(runner, clock, at(8, 57)) == [None]


def test_the_projector_skips_the_cut(seljord_store: Store, clock: FakeClock) -> None:
    """Long over time a cut is proposed to the facilitator, never computed for the wall."""
    s3 = next(s.id for s in seljord_store.samlinger() if s.key == "s3")
    day = Day.live(seljord_store, s3, clock)
    day.toggle()
    clock.set(at(10, 30))
    facilitator = DayRunner(day, WarnRule(), Room())
    projector = DayRunner(day, WarnRule(), Room(), with_cut=False)
    assert facilitator.view().cut is not None
    assert projector.view().cut is None


@pytest.mark.parametrize(
    ("speed", "app", "projector"),
    [(1.0, 1.0, 0.5), (0.5, 1.0, 0.5), (4.0, 0.25, 0.25), (60.0, 0.1, 0.1)],
)
def test_interval_from_the_clocks_speed(
    seljord_store: Store, speed: float, app: float, projector: float
) -> None:
    s3 = next(s.id for s in seljord_store.samlinger() if s.key == "s3")
    day = Day.live(seljord_store, s3, FakeClock(at(8, 30), speed=speed))
    runner = DayRunner(day, WarnRule(), Room())
    assert runner.interval(slowest=1.0) == pytest.approx(app)
    assert runner.interval(slowest=0.5) == pytest.approx(projector)


def test_room_of_the_largest_group(seljord_store: Store) -> None:
    groups = seljord_store.groups()
    room = room_of(seljord_store)
    assert room.groups == tuple(g.name for g in groups)
    assert room.speakers == max(len(g.members) for g in groups)
    assert room_of(Store.memory()) == Room(1, ())
