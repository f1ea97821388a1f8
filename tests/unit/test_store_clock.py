"""The store stamps what it writes with the clock it was opened with, not the wall clock."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import SELJORD
from tests.running import at, samling_id
from tests.samling3 import question
from tuiroom.day.clock import FakeClock
from tuiroom.day.running import Day
from tuiroom.programme.models import Programme
from tuiroom.store import Store

FROZEN = at("08:30") + dt.timedelta(seconds=12, microseconds=345678)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(FROZEN)


@pytest.fixture
def faked(clock: FakeClock, seljord: Programme) -> Store:
    store = Store.memory(clock.now)
    store.load(seljord, SELJORD, SELJORD.read_text("utf-8"))
    return store


def stamp(when: dt.datetime, timespec: str = "auto") -> str:
    return when.astimezone(dt.UTC).isoformat(timespec=timespec)


def test_loading_the_programme(faked: Store) -> None:
    row = faked.row("select loaded_at from programme where id = 1")
    assert row is not None and row["loaded_at"] == stamp(FROZEN, "seconds")


def test_an_answer_is_saved_and_changed_at_the_fake_time(faked: Store, clock: FakeClock) -> None:
    asked = question(faked, "list")
    saved = faked.save_answer(asked, "RLG", "RLG", {"text": "tillit"})
    assert saved is not None
    assert saved.created_at == saved.changed_at == stamp(FROZEN, "milliseconds")
    clock.advance(minutes=3)
    changed = faked.save_answer(asked, "RLG", "RLG", {"text": "tillit, mot"})
    assert changed is not None
    assert changed.created_at == stamp(FROZEN, "milliseconds")
    assert changed.changed_at == stamp(clock.now(), "milliseconds")


def test_a_regrouping_and_attendance(faked: Store) -> None:
    s3 = samling_id(faked, "s3")
    people = [p.id for p in faked.roster(s3)]
    grouping = faked.save_grouping(s3, 7, "size", 3, "mix", True, [people[:3], people[3:6]])
    made = faked.row("select created_at from grouping where id = ?", [grouping])
    assert made is not None and made["created_at"] == stamp(FROZEN)
    faked.set_present(s3, people[0], False)
    marked = faked.row("select updated_at from attendance where person_id = ?", [people[0]])
    assert marked is not None and marked["updated_at"] == stamp(FROZEN)


def test_a_timing_row(faked: Store, clock: FakeClock) -> None:
    day = Day.live(faked, samling_id(faked, "s3"), clock)
    clock.advance(minutes=5)
    day.toggle()
    faked.set_stage(day.run.id, "text", {"title": "Oppgave"})
    stage = faked.row("select updated_at from stage where run_id = ?", [day.run.id])
    run = faked.row("select updated_at from run where id = ?", [day.run.id])
    assert stage is not None and stage["updated_at"] == stamp(clock.now())
    assert run is not None and run["updated_at"] == stamp(clock.now())
