"""A rehearsal kept like a live day, its notices, and a samling opened on another day
than its date (issue 13, problems 4 and 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.runner import DayRunner, room_of
from tuiroom.day.running import Day
from tuiroom.day.view import WarnRule
from tuiroom.day.words import face, signal_text, status_line, subline
from tuiroom.store import Store
from tuiroom.widgets.clock_face import start_hint

DATE = dt.date(2023, 9, 21)  # Samling 3's date in data/seljord.toml
OTHER = dt.date(2026, 11, 23)


def at(day: dt.date, hhmm: str) -> dt.datetime:
    hours, minutes = hhmm.split(":")
    return at_time_of_day(day, int(hours) * 60 + int(minutes))


def s3(store: Store) -> int:
    return next(s.id for s in store.samlinger() if s.key == "s3")


def runner_of(store: Store, day: Day) -> DayRunner:
    return DayRunner(day, WarnRule(), room_of(store))


# ── rehearsal (problem 4) ─────────────────────────────────────────────────────


def test_a_rehearsal_runs_over_until_the_facilitator_moves_on(seljord_store: Store) -> None:
    clock = FakeClock(at(OTHER, "08:29"))
    day = Day.rehearsal(seljord_store, s3(seljord_store), clock, clock.now())
    runner = runner_of(seljord_store, day)
    runner.view()
    clock.set(at(OTHER, "08:30"))
    runner.act(day.toggle)
    clock.set(at(OTHER, "09:12"))
    seen, kind = runner.tick()
    assert kind == "over"
    assert seen.current is not None and seen.current.title == "Velkommen!"
    assert seen.tone == "over" and seen.remaining == pytest.approx(-12 * 60)
    assert face(seen) == "+12:00"
    runner.act(day.next)
    assert day.current() is not None and day.current().title == "Mestringsorientert ledelse"


def test_before_a_rehearsal_starts_space_starts_it(seljord_store: Store) -> None:
    clock = FakeClock(at(OTHER, "08:29"))
    day = Day.rehearsal(seljord_store, s3(seljord_store), clock, clock.now())
    clock.set(at(OTHER, "08:45"))
    seen = runner_of(seljord_store, day).tick()[0]
    assert seen.state == "waiting" and day.timings == {}
    assert start_hint(seen) == "Mellomrom starter dagen"


def test_a_rehearsal_on_autopilot_says_so_and_names_the_item_that_ran_out(
    seljord_store: Store,
) -> None:
    clock = FakeClock(at(OTHER, "08:29"))
    day = Day.rehearsal(seljord_store, s3(seljord_store), clock, clock.now(), autopilot=True)
    runner = runner_of(seljord_store, day)
    assert start_hint(runner.view()) == "Øvingen følger planen av seg selv"
    clock.set(at(OTHER, "08:59"))
    runner.tick()
    clock.set(at(OTHER, "09:00") + dt.timedelta(seconds=1))
    seen, kind = runner.tick()
    assert kind == "over"
    assert seen.current is not None and seen.current.title == "Mestringsorientert ledelse"
    assert runner.signalled is not None
    assert signal_text(kind, runner.signalled) == "Tiden er ute: Velkommen!"


# ── a samling opened on another day (problem 5) ───────────────────────────────


def test_a_samling_opened_on_another_day_shows_its_plan(seljord_store: Store) -> None:
    clock = FakeClock(at(OTHER, "14:00"))
    day = Day.live(seljord_store, s3(seljord_store), clock)
    seen = runner_of(seljord_store, day).tick()[0]
    assert seen.state == "planned"
    assert seen.projection.behind == 0 and not seen.projection.misses
    for row in seen.projection.rows:
        assert row.start == row.item.start and row.status == "future"
    assert seen.projection.rows[0].start == at(DATE, "08:30")
    assert face(seen) == "08:30"
    assert subline(seen) == "Planlagt torsdag 21. september 2023"
    assert status_line(seen) == "Plan: ferdig 15:00"
    assert "bak skjema" not in status_line(seen)
    assert start_hint(seen) == (
        "Denne samlingen er torsdag 21. september 2023. Øv med tuiroom run --now 08:29 "
        "--speed 60, eller trykk mellomrom for å starte dagen nå."
    )


def test_space_on_a_planned_samling_starts_it_now_as_today(seljord_store: Store) -> None:
    clock = FakeClock(at(OTHER, "14:00"))
    day = Day.live(seljord_store, s3(seljord_store), clock)
    day.toggle()
    assert not day.planned()
    current = day.current()
    assert current is not None and current.title == "Velkommen!"
    assert day.timings[current.id].started == at(OTHER, "14:00")
    assert seljord_store.run(day.run.id).day == OTHER


def test_on_its_own_date_and_in_a_rehearsal_a_samling_is_not_planned(
    seljord_store: Store,
) -> None:
    on_the_day = Day.live(seljord_store, s3(seljord_store), FakeClock(at(DATE, "08:00")))
    assert not on_the_day.planned()
    clock = FakeClock(at(OTHER, "08:29"))
    rehearsal = Day.rehearsal(seljord_store, s3(seljord_store), clock, clock.now())
    assert not rehearsal.planned()


def test_a_samling_without_a_date_is_never_planned(seljord_store: Store) -> None:
    s1 = next(s.id for s in seljord_store.samlinger() if s.key == "s1")
    assert not Day.live(seljord_store, s1, FakeClock(at(OTHER, "08:00"))).planned()


def test_the_planned_line_in_nynorsk_and_english(seljord_store: Store) -> None:
    from tuiroom.i18n import set_language

    day = Day.live(seljord_store, s3(seljord_store), FakeClock(at(OTHER, "14:00")))
    seen = runner_of(seljord_store, day).view()
    set_language("nn")
    assert start_hint(seen).startswith("Denne samlinga er torsdag 21. september 2023. Øv med")
    set_language("en")
    assert start_hint(seen).endswith("or press Space to start the day now.")


def test_the_projector_shows_the_same_plan(seljord_store: Store) -> None:
    clock = FakeClock(at(OTHER, "14:00"))
    live = Day.live(seljord_store, s3(seljord_store), clock)
    projector = Day(seljord_store, live.run, clock, writable=False)
    seen = DayRunner(projector, WarnRule(), room_of(seljord_store), with_cut=False).tick()[0]
    assert seen.state == "planned" and face(seen) == "08:30"
    assert status_line(seen) == "Plan: ferdig 15:00"
