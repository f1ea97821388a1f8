"""The clock at its edges (issue 13): keys pressed in an order nobody planned for.

Each test is one of the issue's numbered problems, on Samling 3 with a FakeClock.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.running import samling_id
from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.running import Day
from tuiroom.day.view import Room, WarnRule, view
from tuiroom.notes.referat import export_samling
from tuiroom.store import Store
from tuiroom.store.records import ExerciseRow, ExerciseRunRow

DAY = dt.date(2026, 11, 23)
VELKOMMEN, MESTRING, PAUSE1, PSYK = range(4)
WARN = WarnRule()
ROOM = Room(speakers=4, groups=("Stjernelaget", "Blåveis", "RLG"))


def at(hours: int, minutes: int = 0, seconds: float = 0) -> dt.datetime:
    return at_time_of_day(DAY, hours * 60 + minutes) + dt.timedelta(seconds=seconds)


@pytest.fixture
def s3(seljord_store: Store) -> int:
    return samling_id(seljord_store, "s3")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(at(8, 25))


@pytest.fixture
def day(seljord_store: Store, s3: int, clock: FakeClock) -> Day:
    return Day.live(seljord_store, s3, clock)


def duo(day: Day) -> ExerciseRow:
    return next(e for e in day.exercises[day.items[VELKOMMEN].id] if e.title == "En rask påkobling")


def saved(day: Day, exercise: ExerciseRow) -> ExerciseRunRow | None:
    return day.store.exercise_runs(day.run.id).get(exercise.id)


def press(day: Day, clock: FakeClock, when: dt.datetime, key: str) -> None:
    clock.set(when)
    {"space": day.toggle, "x": day.exercise_step, "n": day.next, "p": day.previous}[key]()


# ── 1. an exercise lost after n then p ────────────────────────────────────────


def test_next_then_previous_gives_the_exercise_back_where_it_was(
    day: Day, clock: FakeClock
) -> None:
    press(day, clock, at(8, 30), "space")
    press(day, clock, at(8, 31), "x")  # the duo, 7 minutes
    press(day, clock, at(8, 33), "n")  # too early
    press(day, clock, at(8, 34), "p")
    running = day.running_exercise()
    assert running is not None, "the duo the room is in must still run"
    assert running[1] == ExerciseRunRow(duo(day).id, at(8, 31), 0, at(8, 31), None)
    assert view(day, WARN, ROOM).phase.deadline == at(8, 38)


def test_x_after_next_then_previous_moves_the_exercise_on(day: Day, clock: FakeClock) -> None:
    """The issue's keys: Space, x, n, p, x; the last x ends the duo as if n never came."""
    for when, key in [((8, 30), "space"), ((8, 31), "x"), ((8, 33), "n"), ((8, 34), "p")]:
        press(day, clock, at(*when), key)
    press(day, clock, at(8, 35), "x")
    assert saved(day, duo(day)) == ExerciseRunRow(duo(day).id, at(8, 31), 1, at(8, 35), at(8, 35))


def test_jumping_back_to_an_item_lets_x_start_its_exercise_again(
    day: Day, clock: FakeClock
) -> None:
    """The jump away cut the duo short; the jump back starts the item, and x its duo, anew."""
    press(day, clock, at(8, 30), "space")
    press(day, clock, at(8, 31), "x")
    clock.set(at(8, 32))
    day.jump(day.items[PSYK].id)  # the wrong row under the cursor
    clock.set(at(8, 33))
    day.jump(day.items[VELKOMMEN].id)  # back: the item starts over
    day.exercise_step()
    assert day.running_exercise() is not None
    assert saved(day, duo(day)) == ExerciseRunRow(duo(day).id, at(8, 33), 0, at(8, 33), None)


# ── 2. r restarts the item and its exercise; the referat keeps what happened ──


def test_restart_starts_the_running_exercise_over_with_the_item(day: Day, clock: FakeClock) -> None:
    press(day, clock, at(8, 30), "space")
    press(day, clock, at(8, 31), "x")
    clock.set(at(8, 34, 23))  # a duo at 03:37 left
    day.restart()
    seen = view(day, WARN, ROOM)
    assert seen.remaining == 30 * 60
    assert seen.phase is not None
    assert (seen.phase.start, seen.phase.remaining) == (at(8, 34, 23), 7 * 60)


def test_restart_lets_x_start_an_exercise_that_had_ended(day: Day, clock: FakeClock) -> None:
    press(day, clock, at(8, 30), "space")
    press(day, clock, at(8, 31), "x")
    press(day, clock, at(8, 32), "x")  # the duo is over
    clock.set(at(8, 40))
    day.restart()
    assert day.running_exercise() is None  # nothing ran at the restart: nothing runs now
    day.exercise_step()
    assert saved(day, duo(day)) == ExerciseRunRow(duo(day).id, at(8, 40), 0, at(8, 40), None)


def test_a_restarted_item_keeps_its_real_start_in_the_referat(
    day: Day, clock: FakeClock, seljord_store: Store, s3: int
) -> None:
    """The room was in Velkommen from 08:30 to 09:29: 29 minutes over, not 1 under."""
    press(day, clock, at(8, 30), "space")
    clock.set(at(8, 59))
    day.restart()
    assert view(day, WARN, ROOM).remaining == 30 * 60
    press(day, clock, at(9, 29), "n")
    text = export_samling(seljord_store, s3)
    assert "| Velkommen! | 08:30–09:29 | 29 minutter over tiden |" in text


# ── 3. a phase never runs past its item ───────────────────────────────────────


def test_a_phase_ends_with_its_item(day: Day, clock: FakeClock) -> None:
    """The duo is 7 minutes; with 34 seconds of Velkommen left it gets those 34 seconds."""
    press(day, clock, at(8, 30), "space")
    press(day, clock, at(8, 59, 26), "x")
    seen = view(day, WARN, ROOM)
    assert seen.remaining == 34
    assert seen.phase is not None and seen.phase.deadline == at(9, 0)
    assert seen.phase.remaining == 34


def test_more_time_for_the_item_is_time_for_its_phase(day: Day, clock: FakeClock) -> None:
    press(day, clock, at(8, 30), "space")
    press(day, clock, at(8, 58), "x")
    assert view(day, WARN, ROOM).phase.deadline == at(9, 0)
    day.adjust(300)
    assert view(day, WARN, ROOM).phase.deadline == at(9, 5)
    day.adjust(300)
    assert view(day, WARN, ROOM).phase.deadline == at(9, 5)  # the duo's own 7 minutes


def test_a_phase_clamped_to_its_item_moves_on_when_the_item_is_up(
    day: Day, clock: FakeClock
) -> None:
    press(day, clock, at(8, 30), "space")
    press(day, clock, at(8, 58), "x")
    clock.set(at(9, 0, 1))
    assert day.catch_up()
    assert saved(day, duo(day)) == ExerciseRunRow(duo(day).id, at(8, 58), 1, at(9, 0), at(9, 0))
