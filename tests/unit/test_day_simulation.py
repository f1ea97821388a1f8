"""Whole days, simulated with a fake clock: Samling 3 and Samling 1, on time and late,
with suspends, with one-second steps and with big jumps, and a rehearsal that plays
the day by itself at sixty times real speed.

Nothing here may depend on how often the clock is read: every instant expected below
comes from the plan and the facilitator's key presses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from tuiroom.day.clock import UTC, FakeClock, RehearsalClock, at_time_of_day, countdown
from tuiroom.day.phases import GalleryTurn, stations
from tuiroom.day.running import Day
from tuiroom.day.schedule import Miss
from tuiroom.day.view import DayView, Room, WarnRule, signals, view
from tuiroom.day.words import face, status_line
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store
from tuiroom.store.records import ExerciseRunRow, ItemRow

DAY = dt.date(2023, 9, 21)  # Samling 3's own date: on another day it is only planned
WARN = WarnRule()
GROUPS = ("Stjernelaget", "Blåveis", "Einingsleiarane", "Godt og blanda", "RLG", "Gygrene")
ROOM = Room(speakers=5, groups=GROUPS)

# Samling 3, by position.
VELKOMMEN, MESTRING, PAUSE1, PSYK, PAUSE2, LAERENDE, LUNSJ, VIDERE = range(8)
# Samling 1: Lunsj is at position 5, Avslutning (15:30, no length, fixed) is last.
S1_LUNSJ, S1_END = 5, 10


def at(hours: int, minutes: int = 0, seconds: float = 0) -> dt.datetime:
    return at_time_of_day(DAY, hours * 60 + minutes) + dt.timedelta(seconds=seconds)


def minutes(value: float) -> dt.timedelta:
    return dt.timedelta(minutes=value)


def look(day: Day) -> DayView:
    return view(day, WARN, ROOM)


def samling(store: Store, key: str) -> int:
    return next(s.id for s in store.samlinger() if s.key == key)


def planned(item: ItemRow) -> tuple[dt.datetime, dt.datetime]:
    return at_time_of_day(DAY, item.start), at_time_of_day(DAY, item.end)


def assert_exact_remaining(day: Day) -> None:
    """The countdown is the saved deadline minus now, to the microsecond."""
    seen = look(day)
    current = day.current()
    assert current is not None
    deadline = day.store.item_runs(day.run.id)[current.id].deadline
    assert seen.remaining == (deadline - day.clock.now()).total_seconds()
    assert dt.timedelta(seconds=seen.remaining) == deadline - day.clock.now()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(at(7, 45))


@pytest.fixture
def s3_day(seljord_store: Store, clock: FakeClock) -> Day:
    return Day.live(seljord_store, samling(seljord_store, "s3"), clock)


@pytest.fixture
def s1_day(seljord_store: Store, clock: FakeClock) -> Day:
    return Day.live(seljord_store, samling(seljord_store, "s1"), clock)


def play(
    day: Day,
    clock: FakeClock,
    over: Callable[[int], float] = lambda position: 0,
    between: Callable[[int], None] = lambda position: None,
    upto: int | None = None,
) -> list[dt.datetime]:
    """Toggle at 08:30, then next at each item's projected end plus `over(position)`
    seconds; `between(position)` runs while an item is on. Returns the projected end of
    the day seen just after each transition."""
    clock.set(at(8, 30))
    day.toggle()
    ends = [day.projection().projected_end]
    last = len(day.items) if upto is None else upto
    for position in range(last):
        current = day.current()
        assert current == day.items[position]
        between(position)
        end = day.projection().current.end
        clock.set(end + dt.timedelta(seconds=over(position)))
        day.next()
        ends.append(day.projection().projected_end)
    return ends


# ── Samling 3 on time ─────────────────────────────────────────────────────────


def test_samling_3_on_time(s3_day: Day, clock: FakeClock) -> None:
    day = s3_day
    assert look(day).state == "waiting"
    assert look(day).remaining == 45 * 60

    def between(position: int) -> None:
        start, end = planned(day.items[position])
        assert day.projection().current.end == end
        assert day.projection().misses == ()
        if day.items[position].title == "Pause":
            # One-second steps through the whole break, ticking like the app.
            while clock.now() < end:
                clock.advance(seconds=1)
                day.catch_up()
                assert_exact_remaining(day)
        else:
            # Big jumps: to a third of the item, then one second before the end.
            for when in (start + (end - start) / 3, end - dt.timedelta(seconds=1)):
                clock.set(when)
                assert_exact_remaining(day)
            assert look(day).remaining == 1
            assert countdown(look(day).remaining) == "00:01"
            clock.set(start)

    ends = play(day, clock, between=between)
    assert ends == [at(15, 0)] * (len(day.items) + 1)
    saved = day.store.item_runs(day.run.id)
    for item in day.items:
        start, end = planned(item)
        assert (saved[item.id].started, saved[item.id].deadline, saved[item.id].ended) == (
            start,
            end,
            end,
        )
    assert day.finished()
    seen = look(day)
    assert seen.state == "finished"
    assert seen.projection.projected_end == at(15, 0)
    assert seen.projection.behind == 0
    assert face(seen) == at(15, 0).astimezone().strftime("%H:%M")


def test_samling_3_each_morning_item_four_minutes_over(s3_day: Day, clock: FakeClock) -> None:
    day = s3_day
    lunch = day.items[LUNSJ]

    def over(position: int) -> float:
        return 240 if position < LUNSJ else 0

    def between(position: int) -> None:
        late = minutes(4 * position)
        if 0 < position < LUNSJ:
            assert day.projection().misses[0] == Miss(
                day.projection().row(lunch.id).item, at(11, 30), at(11, 30) + late
            )
        if position < LUNSJ:
            # Halfway into the overrun the miss has grown by two minutes, by itself.
            deadline = day.store.item_runs(day.run.id)[day.items[position].id].deadline
            clock.set(deadline + minutes(2))
            assert look(day).tone == "over"
            assert look(day).remaining == -120
            assert day.projection().misses[0].by == (late + minutes(2)).total_seconds()
            assert day.projection().behind == (late + minutes(2)).total_seconds()
            clock.set(deadline)

    ends = play(day, clock, over=over, between=between)
    assert ends == [at(15, 0) + minutes(4 * k) for k in range(7)] + [at(15, 24)] * 2
    saved = day.store.item_runs(day.run.id)
    for position, item in enumerate(day.items):
        start, end = planned(item)
        late = minutes(4 * min(position, LUNSJ))
        run = saved[item.id]
        assert run.started == start + late
        assert run.deadline == end + late
        assert run.ended == end + late + (minutes(4) if position < LUNSJ else dt.timedelta(0))
    assert look(day).state == "finished"
    assert day.projection().behind == 24 * 60


def test_samling_3_late_morning_misses_after_each_transition(s3_day: Day, clock: FakeClock) -> None:
    day = s3_day
    lunch = day.items[LUNSJ]
    clock.set(at(8, 30))
    day.toggle()
    for position in range(LUNSJ):
        deadline = day.store.item_runs(day.run.id)[day.items[position].id].deadline
        clock.set(deadline + minutes(4))
        day.next()
        late = 4 * (position + 1)
        projection = day.projection()
        if position + 1 < LUNSJ:
            assert [m.item.id if m.item else None for m in projection.misses] == [lunch.id, None]
            assert projection.misses[0].planned == at(11, 30)
            assert projection.misses[0].by == late * 60
            assert projection.row(lunch.id).start == at(11, 30) + minutes(late)
            cut = day.proposed_cut()
            assert cut.miss == projection.misses[0]
            assert late * 60 <= cut.total + cut.left_over < late * 60 + len(cut.changes)
        else:  # lunch itself has started, 24 minutes late: only the end of the day is missed
            assert day.current() == lunch
            assert projection.misses == (Miss(None, at(15, 0), at(15, 24)),)
        assert projection.projected_end == at(15, 0) + minutes(late)
        assert projection.misses[-1] == Miss(None, at(15, 0), at(15, 0) + minutes(late))


# ── zero drift over a whole day ───────────────────────────────────────────────


def test_no_drift_over_eight_hours(s3_day: Day, clock: FakeClock) -> None:
    """Remaining at t0 minus remaining at t1 is t1 - t0, to the microsecond."""
    day = s3_day
    clock.set(at(8, 30))
    day.toggle()
    t0 = clock.now()
    r0 = look(day).remaining
    steps = [1.0, 0.1, 7.3, 59.999999, 0.000001, 1.0, 613.25, 1.0]
    n = 0
    while clock.now() < at(16, 30):
        clock.advance(seconds=steps[n % len(steps)])
        n += 1
        if n % 7 == 0:
            day.catch_up()
        t1 = clock.now()
        r1 = look(day).remaining
        assert dt.timedelta(seconds=r0 - r1) == t1 - t0
        assert r1 == (at(9, 0) - t1).total_seconds()
    assert n > 300
    assert look(day).tone == "over"
    assert clock.now() - t0 >= dt.timedelta(hours=8)
    clock.set(at(16, 30))
    assert countdown(look(day).remaining) == "+7:30:00"


def test_one_second_steps_all_day_land_on_the_plan(s3_day: Day, clock: FakeClock) -> None:
    """Ticking every second from 08:30 to 15:00 (23 400 ticks) and pressing next at each
    deadline gives the same instants as big jumps."""
    day = s3_day
    clock.set(at(8, 30))
    day.toggle()
    ticks = 0
    while not day.finished():
        clock.advance(seconds=1)
        ticks += 1
        day.catch_up()
        current = day.current()
        if day.store.item_runs(day.run.id)[current.id].deadline == clock.now():
            day.next()
    assert ticks == 6.5 * 3600
    for item in day.items:
        run = day.store.item_runs(day.run.id)[item.id]
        assert (run.started, run.ended) == planned(item)


# ── suspends ──────────────────────────────────────────────────────────────────


def test_a_45_minute_suspend_during_lunch(s3_day: Day, clock: FakeClock) -> None:
    day = s3_day
    play(day, clock, upto=LUNSJ)
    assert day.current() == day.items[LUNSJ]
    clock.set(at(11, 40))
    seen = look(day)
    assert (seen.remaining, seen.tone) == (35 * 60, "normal")
    clock.advance(minutes=45)  # the lid is closed: no calls at all in between
    seen = look(day)
    assert seen.state == "running"
    assert seen.remaining == -600
    assert seen.tone == "over"
    assert countdown(seen.remaining) == "+10:00"
    assert face(seen) == "+10:00"
    projection = seen.projection
    assert projection.current.end == at(12, 25)
    assert projection.row(day.items[VIDERE].id).start == at(12, 25)
    assert projection.projected_end == at(15, 10)
    assert projection.misses == (Miss(None, at(15, 0), at(15, 10)),)
    assert at(15, 10).astimezone().strftime("%H:%M") in status_line(seen)
    # The ticks that come back after the suspend ring "over" once, not for every second.
    heard = signals(day, WARN, ROOM, at(11, 40), clock.now())
    assert heard == ["warning", "over"]
    assert signals(day, WARN, ROOM, clock.now(), clock.now() + dt.timedelta(seconds=1)) == []
    day.next()
    assert day.store.item_runs(day.run.id)[day.items[VIDERE].id].started == at(12, 25)


def test_phases_settle_after_suspends_in_the_afternoon(s3_day: Day, clock: FakeClock) -> None:
    day = s3_day
    play(day, clock, upto=VIDERE)
    videre = day.items[VIDERE]
    assert day.current() == videre
    exercises = {e.title[:12]: e for e in day.exercises[videre.id]}
    diamond = exercises["Sorter i «di"]
    points = exercises["Hvilke verdi"]
    walk = exercises["Hva betyr ve"]

    clock.set(at(12, 25))
    day.exercise_step()  # the diamond: one group phase of 20 minutes
    clock.advance(minutes=50)  # suspended
    assert look(day).phase is None
    assert day.running_exercise()[1] == ExerciseRunRow(
        diamond.id, at(12, 25), 1, at(12, 45), at(12, 45)
    )
    assert day.catch_up()
    assert day.exercise_runs[diamond.id].ended == at(12, 45)

    day.exercise_step()  # 13:15, points: group 10 min, then an open individual phase
    clock.advance(minutes=30)  # suspended again
    phase = look(day).phase
    assert (phase.exercise.id, phase.position, phase.start) == (points.id, 1, at(13, 25))
    assert phase.deadline == at(15, 0)  # the rest of the item
    assert phase.remaining == 75 * 60
    assert not phase.moves_on
    day.exercise_step()  # the facilitator closes it at 13:45
    assert day.store.exercise_runs(day.run.id)[points.id] == ExerciseRunRow(
        points.id, at(13, 15), 2, at(13, 45), at(13, 45)
    )

    day.exercise_step()  # 13:45, the gallery exercise: 5, 20, gallery 20 (1 + 3), 5
    clock.advance(minutes=32)
    phase = look(day).phase
    assert (phase.exercise.id, phase.position, phase.start) == (walk.id, 2, at(14, 10))
    assert phase.deadline == at(14, 30)
    assert phase.turn == GalleryTurn(2, 5, "comment", 60)
    assert phase.posters == tuple(stations(GROUPS, 2))
    assert day.catch_up()
    assert day.store.exercise_runs(day.run.id)[walk.id] == ExerciseRunRow(
        walk.id, at(13, 45), 2, at(14, 10), None
    )
    clock.advance(minutes=40)  # 14:57: the gallery and the plenum are both over
    assert look(day).phase is None
    assert day.catch_up()
    assert day.store.exercise_runs(day.run.id)[walk.id] == ExerciseRunRow(
        walk.id, at(13, 45), 4, at(14, 35), at(14, 35)
    )
    assert look(day).remaining == 180


def test_a_suspend_mid_duo_then_next_records_the_duo_as_it_ran(
    s3_day: Day, clock: FakeClock
) -> None:
    """Exposes a bug: next() stops the item's exercises from their *saved* state without
    settling them first. After a suspend (no tick in between), the duo that ended by
    itself at 08:38 is saved as phase 0 ended at 08:45; with any tick in between it is
    saved as phase 1 ended at 08:38. The record depends on how often the app looked.
    """
    day = s3_day
    clock.set(at(8, 30))
    day.toggle()
    clock.set(at(8, 31))
    day.exercise_step()
    duo = day.running_exercise()[0]
    clock.advance(minutes=14)  # suspended until 08:45, then next at once
    day.next()
    assert day.store.exercise_runs(day.run.id)[duo.id] == ExerciseRunRow(
        duo.id, at(8, 31), 1, at(8, 38), at(8, 38)
    )


def test_a_suspend_in_a_pause_of_the_app(s3_day: Day, clock: FakeClock) -> None:
    """Paused before the lid closed: it wakes up paused with the same time left."""
    day = s3_day
    play(day, clock, upto=PSYK)
    clock.set(at(10, 0))
    day.toggle()
    clock.advance(minutes=90)
    seen = look(day)
    assert (seen.state, seen.remaining) == ("paused", 45 * 60)
    day.toggle()
    assert day.store.item_runs(day.run.id)[day.items[PSYK].id].deadline == at(12, 15)
    assert_exact_remaining(day)


# ── Samling 1 ─────────────────────────────────────────────────────────────────


def test_samling_1_on_time(s1_day: Day, clock: FakeClock) -> None:
    day = s1_day
    assert [i.title for i in day.items][S1_LUNSJ] == "Lunsj"
    assert day.items[S1_END].kind == "end"
    assert day.items[S1_END].duration == 0

    def between(position: int) -> None:
        assert day.projection().misses == ()
        start, end = planned(day.items[position])
        clock.set(start + (end - start) / 2)
        assert_exact_remaining(day)
        clock.set(start)

    ends = play(day, clock, between=between, upto=S1_END)
    # Oppsummering ended at 15:30; the end item starts and ends at once.
    assert ends == [at(15, 30)] * (S1_END + 1)
    assert day.finished()
    saved = day.store.item_runs(day.run.id)
    for item in day.items:
        start, end = planned(item)
        assert (saved[item.id].started, saved[item.id].deadline, saved[item.id].ended) == (
            start,
            end,
            end,
        )
    seen = look(day)
    assert seen.state == "finished"
    assert seen.projection.projected_end == at(15, 30)
    assert seen.projection.misses == ()


def test_samling_1_morning_four_minutes_over(s1_day: Day, clock: FakeClock) -> None:
    day = s1_day
    lunch, end = day.items[S1_LUNSJ], day.items[S1_END]

    def over(position: int) -> float:
        return 240 if position < S1_LUNSJ else 0

    def between(position: int) -> None:
        late = minutes(4 * min(position, S1_LUNSJ))
        projection = day.projection()
        if position == 0:
            assert projection.misses == ()
            return
        if position < S1_LUNSJ:
            assert projection.misses[0].item.id == lunch.id
            assert projection.misses[0].projected == at(11, 30) + late
        # The end of the day is the fixed end item, missed by as much: no second miss.
        assert projection.misses[-1].item.id == end.id
        assert projection.misses[-1].by == late.total_seconds()
        assert all(m.item is not None for m in projection.misses)

    ends = play(day, clock, over=over, between=between, upto=S1_END)
    assert ends == [at(15, 30) + minutes(4 * min(k, S1_LUNSJ)) for k in range(S1_END + 1)]
    assert day.finished()
    saved = day.store.item_runs(day.run.id)
    assert saved[end.id].started == saved[end.id].ended == at(15, 50)
    assert look(day).projection.behind == 20 * 60


# ── rehearsal ─────────────────────────────────────────────────────────────────


class RealTime:
    def __init__(self) -> None:
        self.current = dt.datetime(2023, 9, 20, 19, 0, tzinfo=UTC)  # the evening before

    def __call__(self) -> dt.datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += dt.timedelta(seconds=seconds)


def rehearse(store: Store, key: str) -> tuple[Day, RealTime]:
    real = RealTime()
    clock = RehearsalClock(at(8, 29), speed=60, real=real)
    day = Day.rehearsal(store, samling(store, key), clock, clock.real_origin, autopilot=True)
    return day, real


def assert_played_to_plan(day: Day) -> None:
    saved = day.store.item_runs(day.run.id)
    previous = None
    for item in day.items:
        run = saved[item.id]
        assert (run.started, run.deadline) == planned(item)
        assert run.ended == run.deadline
        if previous is not None:
            assert run.started == previous.deadline
        previous = run


def test_rehearsal_plays_samling_3_by_itself(seljord_store: Store) -> None:
    day, real = rehearse(seljord_store, "s3")
    assert day.run.mode == "rehearsal"
    assert day.run.autopilot
    assert day.run.speed == 60
    assert day.run.origin_virtual == at(8, 29)
    assert day.run.origin_real == real.current
    assert not day.catch_up()  # 08:29: nothing yet
    assert look(day).state == "waiting"

    real.advance(1)  # 08:30
    assert day.catch_up()
    velkommen = day.items[VELKOMMEN]
    assert day.timings[velkommen.id].started == at(8, 30)
    duo = day.exercises[velkommen.id][0]
    assert day.exercise_runs[duo.id] == ExerciseRunRow(duo.id, at(8, 30), 0, at(8, 30), None)

    real.advance(7)  # 08:37: the duo is over, saved by catch_up
    assert day.catch_up()
    assert day.exercise_runs[duo.id] == ExerciseRunRow(duo.id, at(8, 30), 1, at(8, 37), at(8, 37))
    assert not day.catch_up()

    real.advance(22.5)  # 08:59:30
    day.catch_up()
    assert day.current() == velkommen
    assert look(day).remaining == 30
    real.advance(0.5)  # 09:00 exactly: the next item starts at the deadline
    assert day.catch_up()
    assert day.current() == day.items[MESTRING]
    assert day.timings[velkommen.id].ended == at(9, 0)
    assert day.timings[day.items[MESTRING].id].started == at(9, 0)

    real.advance(6 * 60 + 5)  # a jump of six hours of the day, to 15:05
    assert day.catch_up()
    assert day.finished()
    assert_played_to_plan(day)
    assert look(day).state == "finished"
    assert day.projection().projected_end == at(15, 0)


@pytest.mark.parametrize("step", [1, 7, 61, 400])
def test_rehearsal_played_in_any_steps_gives_the_same_items(
    seljord_store: Store, step: float
) -> None:
    day, real = rehearse(seljord_store, "s3")
    while day.clock.now() < at(15, 1):
        real.advance(step)
        day.catch_up()
    assert day.finished()
    assert_played_to_plan(day)


def test_rehearsal_in_one_jump_records_exercises_as_second_by_second(
    seljord_store: Store,
) -> None:
    """Exposes the same bug as the suspend-then-next test, in a rehearsal: moving on
    stops an exercise from its saved phase without settling it, so a rehearsal played in
    one jump records Velkommen's duo as phase 0 ended at 09:00, where one played second
    by second records phase 1 ended at 08:37."""
    stepwise, real = rehearse(seljord_store, "s3")
    while stepwise.clock.now() < at(15, 1):
        real.advance(1)
        stepwise.catch_up()
    jumped, real = rehearse(seljord_store, "s3")
    real.advance(400)
    jumped.catch_up()
    assert list(jumped.store.item_runs(jumped.run.id).values()) == list(
        stepwise.store.item_runs(stepwise.run.id).values()
    )
    assert jumped.store.exercise_runs(jumped.run.id) == stepwise.store.exercise_runs(
        stepwise.run.id
    )


def test_rehearsal_plays_samling_1_to_its_end_item(seljord_store: Store) -> None:
    day, real = rehearse(seljord_store, "s1")
    real.advance(3 * 60 + 30)  # 11:59: lunch
    day.catch_up()
    assert day.current() == day.items[S1_LUNSJ]
    assert look(day).remaining == 16 * 60
    real.advance(4 * 60)  # 15:59
    assert day.catch_up()
    assert day.finished()
    assert_played_to_plan(day)
    assert look(day).projection.projected_end == at(15, 30)


def test_a_paused_rehearsal_does_not_play(seljord_store: Store) -> None:
    day, real = rehearse(seljord_store, "s3")
    real.advance(2)  # 08:31
    day.catch_up()
    day.toggle()  # pause
    real.advance(60)  # an hour of the day
    assert not day.catch_up()
    assert day.current() == day.items[VELKOMMEN]
    assert look(day).remaining == 29 * 60
    day.toggle()
    assert day.timings[day.items[VELKOMMEN].id].deadline == at(10, 0)


def test_rehearsal_goes_on_after_an_item_of_no_length(
    store: Store, write_toml: Callable[..., Path]
) -> None:
    """Exposes a bug in Day._autopilot: after an item of no length in the middle of the
    day (started and ended at once), current() is None and timings are not empty, so
    the autopilot stops for good: the rehearsal never starts the next item.

    The file below passes `tuiroom check`. Expected: B starts at 09:30 and ends at 10:00.
    Actual: the run stops after "Group photo"; B never starts.
    """
    path = write_toml(
        """
        [programme]
        title = "T"
        language = "en"

        [[samling]]
        id = "z"
        title = "Z"

        [[samling.item]]
        time = "09:00"
        title = "A"

        [[samling.item]]
        time = "09:30"
        title = "Group photo"

        [[samling.item]]
        time = "09:30"
        title = "B"

        [[samling.item]]
        time = "10:00"
        title = "End"
        kind = "end"
        """
    )
    store.load(load_programme(path), path, path.read_text("utf-8"))
    real = RealTime()
    clock = RehearsalClock(at(8, 59), speed=60, real=real)
    day = Day.rehearsal(store, samling(store, "z"), clock, clock.real_origin, autopilot=True)
    assert [i.duration for i in day.items] == [30, 0, 30, 0]
    real.advance(2 * 60)  # 10:59
    day.catch_up()
    saved = store.item_runs(day.run.id)
    b = day.items[2]
    assert b.id in saved
    assert (saved[b.id].started, saved[b.id].ended) == (at(9, 30), at(10, 0))
    assert day.finished()
