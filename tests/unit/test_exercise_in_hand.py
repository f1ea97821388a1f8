"""Which exercise plenum is about as Samling 3 runs: the one running now, else the next
one with questions not yet run, from the item in hand on."""

from __future__ import annotations

import datetime as dt

from tuiroom.answers import capture
from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.running import Day
from tuiroom.store import Store


def titled(day: Day, exercise_id: int | None) -> str | None:
    found = [e for es in day.exercises.values() for e in es if e.id == exercise_id]
    return found[0].title if found else None


def test_running_else_next(seljord_store: Store) -> None:
    s3 = next(s.id for s in seljord_store.samlinger() if s.key == "s3")
    day = Day.live(seljord_store, s3, FakeClock(at_time_of_day(dt.date(2026, 11, 23), 8 * 60)))

    def in_hand() -> str | None:
        return titled(day, day.exercise_in_hand(s3))

    assert in_hand() == "En rask påkobling", "before the day: the first one"
    day.toggle()
    day.exercise_step()
    assert in_hand() == "En rask påkobling", "running"
    day.exercise_step()  # its one phase done
    assert in_hand() == "Aksjonslæringsprosjekt", "the next one, in the same item"
    day.next()
    assert in_hand() == "Se på disse 8 områdene", "not started yet: still the next one"
    day.exercise_step()
    day.exercise_step()
    day.exercise_step()
    assert in_hand() == "Mestringsorientert leder: styrker og utviklingspunkt"
    day.next()  # a pause: no exercise of its own
    assert in_hand() == "Oppgave: psykologisk trygghet"
    other = next(s.id for s in seljord_store.samlinger() if s.key == "s1")
    assert day.exercise_in_hand(other) is None, "the day is another samling's"


def test_first_slot_of_the_exercise_else_of_the_item_else_the_top(seljord_store: Store) -> None:
    s3 = next(s.id for s in seljord_store.samlinger() if s.key == "s3")
    found = capture.slots(seljord_store, s3)
    second = found[1]
    assert capture.first_slot(found, second.exercise.id, None) == 1
    assert capture.first_slot(found, None, found[4].item_id) == 4
    assert capture.first_slot(found, None, None) == 0
