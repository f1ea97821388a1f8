"""Every operation of a running day on Samling 3, checked in the store and in view().

The clock is a FakeClock: it moves only when a test moves it, and nothing in Day may
count ticks, so every expected instant below is worked out from the plan.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.running import samling_id
from tuiroom.day.clock import FakeClock, at_time_of_day, countdown
from tuiroom.day.phases import DuoTurn, Turn
from tuiroom.day.running import Day
from tuiroom.day.schedule import Miss
from tuiroom.day.view import DayView, Room, WarnRule, signals, view
from tuiroom.store import Store
from tuiroom.store.records import CutChange, ExerciseRow, ExerciseRunRow, ItemRunRow

DAY = dt.date(2023, 9, 21)  # Samling 3's own date: on another day it is only planned

# Samling 3, by position.
VELKOMMEN, MESTRING, PAUSE1, PSYK, PAUSE2, LAERENDE, LUNSJ, VIDERE = range(8)

WARN = WarnRule()
ROOM = Room(speakers=4, groups=("Stjernelaget", "Blåveis", "Einingsleiarane", "RLG", "Gygrene"))


def at(hours: int, minutes: int = 0, seconds: float = 0) -> dt.datetime:
    return at_time_of_day(DAY, hours * 60 + minutes) + dt.timedelta(seconds=seconds)


def look(day: Day) -> DayView:
    return view(day, WARN, ROOM)


@pytest.fixture
def s3(seljord_store: Store) -> int:
    return samling_id(seljord_store, "s3")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(at(8, 25))


@pytest.fixture
def day(seljord_store: Store, s3: int, clock: FakeClock) -> Day:
    return Day.live(seljord_store, s3, clock)


def item_id(day: Day, position: int) -> int:
    return day.items[position].id


def exercise(day: Day, position: int, title_start: str) -> ExerciseRow:
    return next(e for e in day.exercises[item_id(day, position)] if e.title.startswith(title_start))


def rows(day: Day) -> dict[int, ItemRunRow]:
    """What is saved, read straight from the store (not from the Day's copy)."""
    return day.store.item_runs(day.run.id)


def row(day: Day, position: int) -> ItemRunRow:
    return rows(day)[item_id(day, position)]


def start_at(day: Day, clock: FakeClock, when: dt.datetime) -> None:
    clock.set(when)
    day.toggle()


def move_on_at(day: Day, clock: FakeClock, when: dt.datetime) -> None:
    clock.set(when)
    day.next()


def projected_lunch(day: Day) -> dt.datetime:
    lunch = day.projection().row(item_id(day, LUNSJ))
    assert lunch is not None
    return lunch.start


# ── the programme under test ──────────────────────────────────────────────────


def test_samling_3_as_loaded(day: Day) -> None:
    titles = [i.title for i in day.items]
    assert titles[VELKOMMEN] == "Velkommen!"
    assert titles[LUNSJ] == "Lunsj"
    assert [(i.start, i.end) for i in day.items] == [
        (510, 540),
        (540, 570),
        (570, 585),
        (585, 645),
        (645, 660),
        (660, 690),
        (690, 735),
        (735, 900),
    ]
    assert [i.fixed for i in day.items] == [False] * 6 + [True, False]


# ── waiting, starting ─────────────────────────────────────────────────────────


def test_before_the_start_the_day_waits_for_its_first_item(day: Day) -> None:
    seen = look(day)
    assert seen.state == "waiting"
    assert seen.current is None
    assert seen.following == day.items[VELKOMMEN]
    assert seen.remaining == 300
    assert countdown(seen.remaining) == "05:00"
    assert seen.projection.projected_end == at(15, 0)
    assert seen.projection.misses == ()
    assert rows(day) == {}
    assert day.run.mode == "live"
    assert not day.run.autopilot
    assert not day.finished()


def test_toggle_starts_the_first_item(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    assert rows(day) == {
        item_id(day, VELKOMMEN): ItemRunRow(item_id(day, VELKOMMEN), at(8, 30), at(9, 0), None, 0.0)
    }
    assert day.store.run(day.run.id).day == DAY
    assert day.store.run(day.run.id).paused_at is None
    seen = look(day)
    assert seen.state == "running"
    assert seen.current == day.items[VELKOMMEN]
    assert seen.following == day.items[MESTRING]
    assert seen.remaining == 1800
    assert seen.tone == "normal"
    assert seen.projection.projected_end == at(15, 0)
    assert seen.phase is None


def test_a_late_start_shows_as_a_lunch_miss_at_once(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 33, 20))
    assert row(day, VELKOMMEN).deadline == at(9, 3, 20)
    projection = day.projection()
    # Samling 3 has no slack before lunch: 200 seconds late is 200 seconds missed.
    lunch = day.items[LUNSJ]
    assert projection.misses[0].item.id == lunch.id
    assert projection.misses[0].by == 200
    assert projection.misses[1] == Miss(None, at(15, 0), at(15, 3, 20))
    assert look(day).cut is not None


@pytest.mark.parametrize(
    ("when", "tone", "remaining"),
    [
        (at(8, 30), "normal", 1800),
        (at(8, 54, 59), "normal", 301),
        (at(8, 55), "warning", 300),
        (at(8, 59, 59), "warning", 1),
        (at(9, 0), "warning", 0),
        (at(9, 0, 0.000001), "over", -0.000001),
        (at(9, 3, 12), "over", -192),
    ],
)
def test_tone_and_remaining(
    day: Day, clock: FakeClock, when: dt.datetime, tone: str, remaining: float
) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(when)
    seen = look(day)
    assert (seen.tone, seen.remaining) == (tone, remaining)


def test_a_short_item_warns_in_its_last_fifth(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(9, 30))
    day.jump(item_id(day, PAUSE1))  # 15 minutes: warn at 3 minutes left, not 5
    clock.set(at(9, 41, 59))
    assert look(day).tone == "normal"
    clock.set(at(9, 42))
    assert look(day).tone == "warning"


# ── pause and resume ──────────────────────────────────────────────────────────


def test_pause_freezes_time_and_resume_moves_the_deadline_by_the_pause(
    day: Day, clock: FakeClock
) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 40))
    day.toggle()
    assert day.store.run(day.run.id).paused_at == at(8, 40)
    assert row(day, VELKOMMEN).deadline == at(9, 0)
    for when in (at(8, 40), at(8, 45, 30), at(8, 50)):
        clock.set(when)
        seen = look(day)
        assert seen.state == "paused"
        assert seen.remaining == 1200
        assert seen.now == at(8, 40)
        # The item's own countdown is frozen; the day's is not: a pause is delay.
        assert seen.projection.now == when
        assert seen.projection.projected_end == at(15, 0) + (when - at(8, 40))
    day.toggle()
    assert day.store.run(day.run.id).paused_at is None
    assert row(day, VELKOMMEN) == ItemRunRow(item_id(day, VELKOMMEN), at(8, 30), at(9, 10), None, 0)
    seen = look(day)
    assert (seen.state, seen.remaining) == ("running", 1200)
    # Everything after moves with it: with no slack in Samling 3 lunch is missed by 10 min.
    assert day.projection().misses[0].by == 600
    clock.set(at(9, 10))
    assert look(day).remaining == 0


def test_pauses_add_up(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    for pause_at, resume_at in ((at(8, 35), at(8, 36, 30)), (at(8, 50, 10), at(8, 52))):
        clock.set(pause_at)
        day.toggle()
        clock.set(resume_at)
        day.toggle()
    assert row(day, VELKOMMEN).deadline == at(9, 3, 20)
    clock.set(at(9, 3, 20))
    assert look(day).remaining == 0


def test_resume_when_not_paused_does_nothing(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    before = rows(day)
    day.resume()
    assert rows(day) == before


def test_a_pause_moves_the_running_exercise_phases_too(day: Day, clock: FakeClock) -> None:
    clock.set(at(9, 45))
    day.jump(item_id(day, PSYK))
    day.exercise_step()  # individual 3 min, then group 15 min
    ex = exercise(day, PSYK, "Oppgave")
    clock.set(at(9, 46))
    day.toggle()
    clock.set(at(9, 56))
    assert day.running_exercise()[1].phase == 0  # paused: the phase does not move on
    day.toggle()
    assert day.store.exercise_runs(day.run.id)[ex.id] == ExerciseRunRow(
        ex.id, at(9, 45), 0, at(9, 55), None
    )
    assert row(day, PSYK).deadline == at(10, 55)
    clock.set(at(9, 57, 59))
    assert look(day).phase.position == 0
    clock.set(at(9, 58))
    seen = look(day)
    assert (seen.phase.position, seen.phase.start, seen.phase.deadline) == (
        1,
        at(9, 58),
        at(10, 13),
    )


# ── next, previous, jump ──────────────────────────────────────────────────────


def test_next_ends_the_item_and_starts_the_following(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    move_on_at(day, clock, at(8, 58, 30))
    assert rows(day) == {
        item_id(day, VELKOMMEN): ItemRunRow(
            item_id(day, VELKOMMEN), at(8, 30), at(9, 0), at(8, 58, 30), 0
        ),
        item_id(day, MESTRING): ItemRunRow(
            item_id(day, MESTRING), at(8, 58, 30), at(9, 28, 30), None, 0
        ),
    }
    seen = look(day)
    assert (seen.current, seen.remaining) == (day.items[MESTRING], 1800)
    # 90 seconds early, and lunch waits for its time.
    assert projected_lunch(day) == at(11, 30)
    assert day.projection().row(item_id(day, LAERENDE)).end == at(11, 28, 30)


def test_next_before_the_start_starts_the_day(day: Day, clock: FakeClock) -> None:
    clock.set(at(8, 29))
    day.next()
    assert row(day, VELKOMMEN).started == at(8, 29)


def test_next_on_the_last_item_finishes_the_day(day: Day, clock: FakeClock) -> None:
    clock.set(at(12, 15))
    day.jump(item_id(day, VIDERE))
    move_on_at(day, clock, at(14, 58))
    assert row(day, VIDERE).ended == at(14, 58)
    assert day.finished()
    seen = look(day)
    assert seen.state == "finished"
    assert seen.current is None
    assert seen.projection.projected_end == at(14, 58)
    before = rows(day)
    day.toggle()  # nothing left to start
    day.next()
    assert rows(day) == before


def test_next_stops_the_running_exercise(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 31))
    day.exercise_step()
    move_on_at(day, clock, at(8, 33))
    duo = exercise(day, VELKOMMEN, "En rask")
    assert day.store.exercise_runs(day.run.id)[duo.id] == ExerciseRunRow(
        duo.id, at(8, 31), 0, at(8, 31), at(8, 33)
    )
    assert day.running_exercise() is None


def test_previous_reopens_the_item_before(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    move_on_at(day, clock, at(8, 41))  # pressed too early
    clock.set(at(8, 42))
    day.previous()
    assert rows(day) == {
        item_id(day, VELKOMMEN): ItemRunRow(item_id(day, VELKOMMEN), at(8, 30), at(9, 0), None, 0)
    }
    seen = look(day)
    assert (seen.current, seen.remaining) == (day.items[VELKOMMEN], 18 * 60)
    assert day.projection().projected_end == at(15, 0)


def test_previous_on_the_first_item_goes_back_to_waiting(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 31))
    day.previous()
    assert rows(day) == {}
    seen = look(day)
    assert seen.state == "waiting"
    assert seen.following == day.items[VELKOMMEN]


def test_previous_after_the_end_reopens_the_last_item(day: Day, clock: FakeClock) -> None:
    clock.set(at(12, 15))
    day.jump(item_id(day, VIDERE))
    move_on_at(day, clock, at(15, 0))
    clock.set(at(15, 1))
    day.previous()
    assert row(day, VIDERE).ended is None
    seen = look(day)
    assert (seen.state, seen.remaining, seen.tone) == ("running", -60, "over")


def test_previous_drops_the_exercise_of_the_item_it_takes_back(day: Day, clock: FakeClock) -> None:
    """Exposes a bug: previous() deletes the item's run but leaves its exercise running.

    Pressing next too early, starting the next item's exercise and going back leaves that
    exercise run with ended NULL. When the item is started again for real, the old run
    shows as running from the old instant (08:41, before the item started at 09:00).
    """
    start_at(day, clock, at(8, 30))
    move_on_at(day, clock, at(8, 41))
    day.exercise_step()  # starts "Se på disse 8 områdene" at 08:41
    clock.set(at(8, 42))
    day.previous()
    move_on_at(day, clock, at(9, 0))
    assert row(day, MESTRING).started == at(9, 0)
    running = day.running_exercise()
    assert running is None or running[1].started >= at(9, 0)


def test_jump_forward_skips_the_items_in_between(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 50))
    day.jump(item_id(day, LUNSJ))
    assert rows(day) == {
        item_id(day, VELKOMMEN): ItemRunRow(
            item_id(day, VELKOMMEN), at(8, 30), at(9, 0), at(8, 50), 0
        ),
        item_id(day, LUNSJ): ItemRunRow(item_id(day, LUNSJ), at(8, 50), at(9, 35), None, 0),
    }
    projection = day.projection()
    assert [r.status for r in projection.rows] == ["done"] + ["skipped"] * 5 + ["current", "future"]
    assert projection.row(item_id(day, VIDERE)).start == at(9, 35)
    assert projection.projected_end == at(12, 20)
    assert day.next_unstarted() == day.items[VIDERE]
    assert look(day).following == day.items[VIDERE]


def test_jump_to_the_current_item_or_an_unknown_one_changes_nothing(
    day: Day, clock: FakeClock
) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 40))
    before = rows(day)
    day.jump(item_id(day, VELKOMMEN))
    day.jump(99_999)
    assert rows(day) == before


def test_jump_back_projects_the_current_item_to_its_deadline(day: Day, clock: FakeClock) -> None:
    """Exposes a bug in schedule.project: after jumping back to an earlier item, the
    projection ends the current item at the end of the last item started later in the plan
    (here: now), not at its own deadline, and starts the following items too early.

    Steps: start 08:30, next at 09:00, next at 09:30 (Pause), jump back to Velkommen at
    09:35. Velkommen's saved deadline is 10:05 and view().remaining says 1800 s, but the
    projection's current row ends 09:35 and Psykologisk trygghet is projected at 09:35.
    """
    start_at(day, clock, at(8, 30))
    move_on_at(day, clock, at(9, 0))
    move_on_at(day, clock, at(9, 30))
    clock.set(at(9, 35))
    day.jump(item_id(day, VELKOMMEN))
    assert row(day, VELKOMMEN) == ItemRunRow(item_id(day, VELKOMMEN), at(9, 35), at(10, 5), None, 0)
    seen = look(day)
    assert seen.remaining == 1800
    current = seen.projection.current
    assert current.item.id == item_id(day, VELKOMMEN)
    assert current.end == at(10, 5)
    upcoming = seen.projection.upcoming()
    assert upcoming.start >= at(10, 5)


# ── more or less time, restart, mute ──────────────────────────────────────────


@pytest.mark.parametrize("seconds", [60, -60, 300, -300])
def test_adjust_moves_the_deadline(day: Day, clock: FakeClock, seconds: int) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 40))
    day.adjust(seconds)
    deadline = at(9, 0, seconds)
    assert row(day, VELKOMMEN) == ItemRunRow(
        item_id(day, VELKOMMEN), at(8, 30), deadline, None, float(seconds)
    )
    assert look(day).remaining == 1200 + seconds
    projection = day.projection()
    if seconds > 0:  # no slack before lunch in Samling 3
        assert projection.misses[0].by == seconds
        assert projection.behind == seconds
    else:
        assert projection.misses == ()
        assert projected_lunch(day) == at(11, 30)
        assert projection.row(item_id(day, LAERENDE)).end == at(11, 30, seconds)
        assert projection.behind == 0


def test_adjustments_add_up(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    for seconds in (300, 60, -60, -300, -300, 60):
        day.adjust(seconds)
    assert row(day, VELKOMMEN).deadline == at(8, 56)
    assert row(day, VELKOMMEN).adjust_s == -240


def test_adjust_or_restart_without_a_current_item_writes_nothing(day: Day) -> None:
    day.adjust(60)
    day.restart()
    assert rows(day) == {}


def test_restart_starts_the_current_item_over_from_now(day: Day, clock: FakeClock) -> None:
    """The full length from now; the real start stays, and the restart counts as time given."""
    start_at(day, clock, at(8, 30))
    day.adjust(300)
    clock.set(at(8, 45))
    day.restart()
    assert row(day, VELKOMMEN) == ItemRunRow(
        item_id(day, VELKOMMEN), at(8, 30), at(9, 15), None, 900
    )
    assert look(day).remaining == 1800
    assert day.projection().misses[0].by == 900


def test_mute_is_saved_and_shown(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    before = rows(day)
    day.toggle_mute()
    assert day.store.run(day.run.id).muted
    assert look(day).muted
    day.toggle_mute()
    assert not day.store.run(day.run.id).muted
    assert not look(day).muted
    assert rows(day) == before


# ── exercises ─────────────────────────────────────────────────────────────────


def test_exercise_step_through_the_duo(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    duo = exercise(day, VELKOMMEN, "En rask")
    clock.set(at(8, 31))
    day.exercise_step()
    assert day.store.exercise_runs(day.run.id) == {
        duo.id: ExerciseRunRow(duo.id, at(8, 31), 0, at(8, 31), None)
    }
    phase = look(day).phase
    assert (phase.exercise.id, phase.position, phase.start, phase.deadline) == (
        duo.id,
        0,
        at(8, 31),
        at(8, 38),
    )
    assert phase.moves_on
    assert (phase.remaining, phase.turn) == (420, DuoTurn(1, 210))
    clock.set(at(8, 34, 29))
    assert look(day).phase.turn == DuoTurn(1, 1)
    clock.set(at(8, 34, 30))
    assert look(day).phase.turn == DuoTurn(2, 0)
    assert look(day).phase.remaining == 210
    clock.set(at(8, 38))
    assert look(day).phase is None  # the only phase is over
    assert day.running_exercise()[1] == ExerciseRunRow(duo.id, at(8, 31), 1, at(8, 38), at(8, 38))
    assert day.store.exercise_runs(day.run.id)[duo.id].phase == 0  # not saved yet
    clock.set(at(8, 39, 30))
    assert day.catch_up()
    assert day.store.exercise_runs(day.run.id)[duo.id] == ExerciseRunRow(
        duo.id, at(8, 31), 1, at(8, 38), at(8, 38)
    )
    assert not day.catch_up()
    # The take-home exercise has no phases: the next step has nothing to start.
    day.exercise_step()
    assert set(day.store.exercise_runs(day.run.id)) == {duo.id}
    assert day.running_exercise() is None


def test_exercise_step_moves_on_early(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    duo = exercise(day, VELKOMMEN, "En rask")
    clock.set(at(8, 31))
    day.exercise_step()
    clock.set(at(8, 33, 15))
    day.exercise_step()
    assert day.store.exercise_runs(day.run.id)[duo.id] == ExerciseRunRow(
        duo.id, at(8, 31), 1, at(8, 33, 15), at(8, 33, 15)
    )
    assert day.running_exercise() is None


def test_exercise_step_with_no_current_item_does_nothing(day: Day) -> None:
    day.exercise_step()
    assert day.store.exercise_runs(day.run.id) == {}


def test_exercise_phases_chain_and_step_from_now(day: Day, clock: FakeClock) -> None:
    clock.set(at(9, 45))
    day.jump(item_id(day, PSYK))
    day.exercise_step()
    ex = exercise(day, PSYK, "Oppgave")
    clock.set(at(9, 47))
    day.exercise_step()  # the room is ready a minute early
    assert day.store.exercise_runs(day.run.id)[ex.id] == ExerciseRunRow(
        ex.id, at(9, 45), 1, at(9, 47), None
    )
    clock.set(at(10, 1, 59))
    assert look(day).phase.deadline == at(10, 2)
    clock.set(at(10, 2))
    assert day.running_exercise()[1] == ExerciseRunRow(ex.id, at(9, 45), 2, at(10, 2), at(10, 2))


def test_round_robin_turns_in_an_open_phase(day: Day, clock: FakeClock) -> None:
    clock.set(at(9, 0))
    day.jump(item_id(day, MESTRING))
    day.exercise_step()  # "Se på disse 8 områdene": one open duo phase
    day.exercise_step()  # ... done
    day.exercise_step()  # the table: individual 7 min, then an open round-robin
    table = exercise(day, MESTRING, "Mestringsorientert")
    assert day.running_exercise()[0] == table
    clock.set(at(9, 7))
    phase = look(day).phase
    assert (phase.position, phase.start, phase.deadline, phase.moves_on) == (
        1,
        at(9, 7),
        at(9, 30),
        False,
    )
    # 23 minutes among 4 speakers: 5:45 each.
    assert phase.turn == Turn(1, 4, 345.0, 345.0)
    clock.set(at(9, 18, 30))
    assert look(day).phase.turn == Turn(3, 4, 345.0, 345.0)
    clock.set(at(9, 45))
    phase = look(day).phase
    assert (phase.position, phase.remaining) == (1, -900)  # waits for the facilitator


# ── cuts ──────────────────────────────────────────────────────────────────────


def late_morning(day: Day, clock: FakeClock) -> None:
    """Velkommen ran five minutes over; at 09:10 Mestringsorientert ledelse is running."""
    start_at(day, clock, at(8, 30))
    move_on_at(day, clock, at(9, 5))
    clock.set(at(9, 10))


def test_accept_cut_then_undo_restores_everything_exactly(day: Day, clock: FakeClock) -> None:
    late_morning(day, clock)
    before_rows = rows(day)
    before_projection = day.projection()
    before_view = look(day)
    assert before_projection.misses[0].by == 300
    cut = day.proposed_cut()
    assert cut is not None
    assert cut.miss.item.id == item_id(day, LUNSJ)
    assert [i for i, _ in cut.changes] == [item_id(day, p) for p in range(MESTRING, LUNSJ)]
    assert 300 <= cut.total < 300 + len(cut.changes)  # whole seconds, rounded up
    shares = dict(cut.changes)

    day.accept_cut(cut)
    saved = day.store.cuts(day.run.id)
    assert len(saved) == 1
    assert saved[0].changes == tuple(
        CutChange(i, s, i == item_id(day, MESTRING)) for i, s in cut.changes
    )
    mestring = item_id(day, MESTRING)
    assert row(day, MESTRING).deadline == at(9, 35) - dt.timedelta(seconds=shares[mestring])
    assert day.plan_cuts == {i: s for i, s in cut.changes if i != mestring}
    assert abs((projected_lunch(day) - at(11, 30)).total_seconds()) <= 0.000005
    assert day.projection().projected_end <= at(15, 0, 0.000005)

    assert day.undo_cut()
    assert rows(day) == before_rows
    assert day.store.cuts(day.run.id) == []
    assert day.plan_cuts == {}
    assert day.projection() == before_projection
    assert look(day) == before_view
    assert not day.undo_cut()


def test_a_cut_of_only_the_picked_items(day: Day, clock: FakeClock) -> None:
    late_morning(day, clock)
    psyk = item_id(day, PSYK)
    cut = day.proposed_cut({psyk})
    assert cut.changes == ((psyk, 300.0),)
    day.accept_cut(cut)
    assert day.store.cuts(day.run.id)[0].changes == (CutChange(psyk, 300.0, False),)
    assert row(day, MESTRING).deadline == at(9, 35)  # untouched
    assert projected_lunch(day) == at(11, 30)
    assert day.projection().misses == ()
    assert day.projection().row(psyk).end - day.projection().row(psyk).start == dt.timedelta(
        minutes=55
    )
    assert look(day).cut is None
    # The cut item starts with its shortened length.
    move_on_at(day, clock, at(9, 35))
    move_on_at(day, clock, at(9, 50))
    assert row(day, PSYK) == ItemRunRow(psyk, at(9, 50), at(10, 45), None, 0)


def test_undo_cut_without_a_cut(day: Day) -> None:
    assert not day.undo_cut()


def test_the_accepted_cut_meets_lunch_exactly(day: Day, clock: FakeClock) -> None:
    """Exposes a bug: the proposed shares are floats; each is rounded to a whole
    microsecond when applied (deadline - timedelta, length - cut), and the rounded total
    falls short, so after accepting the proposed cut lunch is still missed by 1 µs, and
    view() offers a new cut of a fraction of a microsecond.

    Steps: start 08:30, next at 09:01:00, accept day.proposed_cut() at 09:01:08.
    Expected: projection().misses == () and view().cut is None.
    Actual: misses == (Miss(Lunsj, 11:30:00, 11:30:00.000001), Miss(None, ...)).
    """
    start_at(day, clock, at(8, 30))
    move_on_at(day, clock, at(9, 1))
    clock.set(at(9, 1, 8))
    cut = day.proposed_cut()
    assert cut.left_over == 0
    day.accept_cut(cut)
    assert day.projection().misses == ()
    assert projected_lunch(day) == at(11, 30)
    assert look(day).cut is None


def test_undo_gives_back_the_time_of_an_item_started_after_the_cut(
    day: Day, clock: FakeClock
) -> None:
    """Exposes a bug: undo_cut only restores the deadline of an item that was current
    when the cut was accepted. An item that was still in the future took the cut into
    its deadline when it started; undoing the cut afterwards leaves it short.

    Steps: start 08:30, next at 09:05 (Velkommen 5 min over), accept the proposed cut at
    09:10 (the first Pause's share is 300 * 450 / 4350 = 31.03 s), next at Mestring's new
    deadline 09:34:08.28 (the Pause starts, deadline 09:48:37.24), undo_cut.
    Expected: the running Pause's deadline is started + 15 min again (09:49:08.28).
    Actual: it keeps the cut deadline 09:48:37.24.
    """
    late_morning(day, clock)
    cut = day.proposed_cut()
    day.accept_cut(cut)
    pause = item_id(day, PAUSE1)
    move_on_at(day, clock, row(day, MESTRING).deadline)
    started = row(day, PAUSE1).started
    assert row(day, PAUSE1).deadline == started + dt.timedelta(minutes=15) - dt.timedelta(
        seconds=dict(cut.changes)[pause]
    )
    assert day.undo_cut()
    assert row(day, PAUSE1).deadline == started + dt.timedelta(minutes=15)


# ── a restart of the app resumes exactly ──────────────────────────────────────


def test_a_new_day_on_the_same_store_resumes_identically(
    seljord_store: Store, s3: int, day: Day, clock: FakeClock
) -> None:
    def again() -> Day:
        return Day.live(seljord_store, s3, clock)

    start_at(day, clock, at(8, 30))
    clock.set(at(8, 31))
    day.exercise_step()
    move_on_at(day, clock, at(9, 4))
    day.adjust(-60)
    clock.set(at(9, 10))
    day.toggle()  # paused
    clock.set(at(9, 20))
    for probe in (again(), Day(seljord_store, day.run, clock, writable=False)):
        assert probe.run.id == day.run.id
        assert look(probe) == look(day)
        assert look(probe).state == "paused"
    # The crash happened during the pause; the new window resumes it.
    restarted = again()
    restarted.toggle()
    assert row(restarted, MESTRING).deadline == at(9, 43)
    day.reload()
    assert look(day) == look(restarted)
    cut = restarted.proposed_cut()
    restarted.accept_cut(cut)
    clock.set(at(9, 30, 0.5))
    third = again()
    assert look(third) == look(restarted)
    assert third.plan_cuts == restarted.plan_cuts
    assert third.exercise_runs == restarted.exercise_runs
    assert third.timings == restarted.timings


def test_a_new_day_mid_exercise_settles_to_the_same_phase(
    seljord_store: Store, s3: int, day: Day, clock: FakeClock
) -> None:
    clock.set(at(9, 45))
    day.jump(item_id(day, PSYK))
    day.exercise_step()
    clock.set(at(9, 52, 30))  # the app crashed at 09:46 and comes back now
    restarted = Day.live(seljord_store, s3, clock)
    seen = look(restarted)
    assert (seen.phase.position, seen.phase.start, seen.phase.remaining) == (1, at(9, 48), 630)
    assert seen == look(day)


def test_live_reuses_the_run(seljord_store: Store, s3: int, day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    assert Day.live(seljord_store, s3, clock).run.id == day.run.id


def test_fresh_starts_a_clean_run_and_keeps_the_old_rows(
    seljord_store: Store, s3: int, day: Day, clock: FakeClock
) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 31))
    day.exercise_step()
    move_on_at(day, clock, at(9, 0))
    old_id = day.run.id
    old_items = seljord_store.item_runs(old_id)
    old_exercises = seljord_store.exercise_runs(old_id)
    clock.set(at(9, 5))
    fresh = Day.fresh(seljord_store, s3, clock, rehearsal=False)
    assert fresh.run.id != old_id
    assert fresh.run.mode == "live"
    assert seljord_store.item_runs(fresh.run.id) == {}
    assert seljord_store.exercise_runs(fresh.run.id) == {}
    assert seljord_store.item_runs(old_id) == old_items
    assert seljord_store.exercise_runs(old_id) == old_exercises
    assert look(fresh).state == "waiting"
    assert Day.live(seljord_store, s3, clock).run.id == fresh.run.id
    fresh.toggle()
    assert seljord_store.item_runs(fresh.run.id)[item_id(day, VELKOMMEN)].started == at(9, 5)
    assert seljord_store.item_runs(old_id) == old_items


def test_fresh_rehearsal_is_apart_from_the_live_run(
    seljord_store: Store, s3: int, day: Day, clock: FakeClock
) -> None:
    start_at(day, clock, at(8, 30))
    rehearsal = Day.fresh(seljord_store, s3, clock, rehearsal=True)
    assert rehearsal.run.mode == "rehearsal"
    assert not rehearsal.run.autopilot  # kept like a live day unless asked
    assert Day.fresh(seljord_store, s3, clock, rehearsal=True, autopilot=True).run.autopilot
    assert rehearsal.run.id != day.run.id
    assert Day.live(seljord_store, s3, clock).run.id == day.run.id


def test_a_projector_never_writes(seljord_store: Store, day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    projector = Day(seljord_store, day.run, clock, writable=False)
    with pytest.raises(PermissionError):
        projector.toggle()
    with pytest.raises(PermissionError):
        projector.adjust(60)
    assert not projector.catch_up()


# ── signals ───────────────────────────────────────────────────────────────────


def ring(
    day: Day, clock: FakeClock, until: dt.datetime, step: float = 1.0
) -> dict[str, list[dt.datetime]]:
    """Tick like the app: signals since the last tick, then catch_up; kind -> instants."""
    heard: dict[str, list[dt.datetime]] = {}
    since = clock.now()
    while clock.now() < until:
        clock.advance(seconds=step)
        now = clock.now()
        for kind in signals(day, WARN, ROOM, since, now):
            heard.setdefault(kind, []).append(now)
        since = now
        day.catch_up()
    return heard


def test_signals_for_the_duo_and_the_item(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 32))
    day.exercise_step()
    assert ring(day, clock, at(9, 2)) == {
        "switch": [at(8, 35, 30)],
        "exercise_done": [at(8, 39)],
        "warning": [at(8, 55)],
        "over": [at(9, 0)],
    }


def test_signals_with_uneven_ticks_come_once_in_the_tick_that_crosses(
    day: Day, clock: FakeClock
) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 32))
    day.exercise_step()
    heard = ring(day, clock, at(9, 2), step=0.7)
    assert {kind: len(when) for kind, when in heard.items()} == {
        "switch": 1,
        "exercise_done": 1,
        "warning": 1,
        "over": 1,
    }
    for kind, due in (
        ("switch", at(8, 35, 30)),
        ("exercise_done", at(8, 39)),
        ("warning", at(8, 55)),
        ("over", at(9, 0)),
    ):
        assert due <= heard[kind][0] < due + dt.timedelta(seconds=0.7)


def test_signals_for_phases(day: Day, clock: FakeClock) -> None:
    clock.set(at(9, 45))
    day.jump(item_id(day, PSYK))
    day.exercise_step()
    assert ring(day, clock, at(10, 46)) == {
        "phase": [at(9, 48)],
        "exercise_done": [at(10, 3)],
        "warning": [at(10, 40)],
        "over": [at(10, 45)],
    }


def test_signals_for_speakers(day: Day, clock: FakeClock) -> None:
    clock.set(at(9, 0))
    day.jump(item_id(day, MESTRING))
    for _ in range(3):
        day.exercise_step()  # past the one-phase duo to the table with a round-robin
    assert ring(day, clock, at(9, 31)) == {
        "phase": [at(9, 7)],
        "speaker": [at(9, 12, 45), at(9, 18, 30), at(9, 24, 15)],
        "warning": [at(9, 25)],
        "over": [at(9, 30)],
        "phase_over": [at(9, 30)],
    }


def test_signals_one_of_each_kind_in_a_long_window(day: Day, clock: FakeClock) -> None:
    clock.set(at(9, 0))
    day.jump(item_id(day, MESTRING))
    for _ in range(3):
        day.exercise_step()
    kinds = signals(day, WARN, ROOM, at(9, 0), at(9, 31))
    assert kinds == ["phase", "speaker", "warning", "over", "phase_over"]
    assert signals(day, WARN, ROOM, at(9, 30), at(9, 30)) == []
    assert signals(day, WARN, ROOM, at(9, 29, 59), at(9, 30)) == ["over", "phase_over"]
    assert signals(day, WARN, ROOM, at(9, 30), at(9, 31)) == []


def test_no_signals_while_paused_and_shifted_after(day: Day, clock: FakeClock) -> None:
    start_at(day, clock, at(8, 30))
    clock.set(at(8, 32))
    day.exercise_step()
    clock.set(at(8, 34))
    day.toggle()  # paused before the switch at 08:35:30
    assert ring(day, clock, at(8, 44)) == {}
    day.toggle()  # ten minutes later: everything moves by ten minutes
    assert ring(day, clock, at(9, 12)) == {
        "switch": [at(8, 45, 30)],
        "exercise_done": [at(8, 49)],
        "warning": [at(9, 5)],
        "over": [at(9, 10)],
    }


def test_no_signals_before_the_start_or_after_the_end(day: Day, clock: FakeClock) -> None:
    assert ring(day, clock, at(8, 31)) == {}
    clock.set(at(12, 15))
    day.jump(item_id(day, VIDERE))
    move_on_at(day, clock, at(14, 0))
    assert ring(day, clock, at(15, 5), step=60) == {}


@pytest.mark.parametrize(("boundary", "kind"), [((9, 48), "phase"), ((10, 3), "exercise_done")])
def test_a_projector_hears_the_phase_even_after_the_facilitator_saved_it(
    seljord_store: Store, day: Day, clock: FakeClock, boundary: tuple[int, int], kind: str
) -> None:
    """Exposes a bug: signals() walks the exercise from its *saved* phase, so once
    catch_up has saved the next phase (or the end of the exercise), the boundary that
    caused it is no longer found. The projector (another window reading the same store)
    looks at its own moments; when the facilitator's catch_up lands first, the projector
    never flashes for the phase change.

    Steps: Psykologisk trygghet at 09:45, exercise_step (I 3 min, G 15 min); at
    09:48:00.2 the facilitator's tick calls catch_up; the projector then asks for
    signals in (09:47:59.5, 09:48:00.5]. Expected ["phase"]; actual [].
    """
    clock.set(at(9, 45))
    day.jump(item_id(day, PSYK))
    day.exercise_step()
    projector = Day(seljord_store, day.run, clock, writable=False)
    due = at(*boundary)
    since, until = due - dt.timedelta(seconds=0.5), due + dt.timedelta(seconds=0.5)
    clock.set(due - dt.timedelta(seconds=60))
    day.catch_up()
    projector.reload()
    clock.set(due + dt.timedelta(seconds=0.2))
    assert kind in signals(projector, WARN, ROOM, since, until)  # before the save: heard
    assert day.catch_up()
    projector.reload()
    assert kind in signals(projector, WARN, ROOM, since, until)


def test_a_late_start_while_waiting_counts_past_zero(day: Day, clock: FakeClock) -> None:
    """The waiting countdown counts to the planned start, and past it shows late."""
    clock.set(at(8, 31))
    seen = look(day)
    assert (seen.state, seen.remaining) == ("waiting", -60)
    assert seen.projection.row(item_id(day, VELKOMMEN)).start == at(8, 31)
    assert seen.projection.misses[0].by == 60
