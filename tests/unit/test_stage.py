"""What the projector shows beside the clock: up for one item, or pinned across items."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.running import at, samling_id
from tuiroom.day import stage
from tuiroom.day.clock import FakeClock
from tuiroom.day.running import Day
from tuiroom.day.stage import Offer
from tuiroom.store import Store

ROLES = Offer("cards", {"title": "Roller", "cards": [{"title": "RLG", "lines": [("A", "B")]}]})
QUESTIONS = Offer("text", {"title": "Oppgave", "lines": ["1. Første"]})


def started(store: Store) -> Day:
    day = Day.live(store, samling_id(store, "s3"), FakeClock(at("08:30")))
    day.toggle()
    return day


def test_v_puts_up_then_takes_down_what_the_screen_offers(seljord_store: Store) -> None:
    day = started(seljord_store)
    assert stage.toggle(day, ROLES) is True
    assert stage.is_showing(day, ROLES), "tuples in the offer read back as lists"
    assert not stage.is_showing(day, QUESTIONS)
    assert stage.toggle(day, QUESTIONS) is True, "something else up: v puts this up instead"
    assert stage.toggle(day, QUESTIONS) is False
    assert not stage.is_showing_anything(day)


def test_the_stage_gives_way_to_the_clock_when_the_item_changes(seljord_store: Store) -> None:
    day = started(seljord_store)
    stage.toggle(day, ROLES)
    day.next()
    assert not stage.is_showing(day, ROLES)
    assert stage.toggle(day, ROLES) is True, "one press puts it up again, not two"


def test_a_pinned_stage_stays_through_the_next_items_until_unpinned(seljord_store: Store) -> None:
    day = started(seljord_store)
    assert stage.toggle_pin(day, ROLES) is True
    day.next()
    day.next()
    assert stage.is_showing(day, ROLES) and stage.is_pinned(day, ROLES)
    assert stage.toggle_pin(day, ROLES) is False
    assert stage.is_showing(day, ROLES), "unpinned, it stays up for the item running now"
    day.next()
    assert not stage.is_showing(day, ROLES)


def test_an_older_database_gets_the_stage_columns(tmp_path: Path, seljord_store: Store) -> None:
    path = tmp_path / "old.tuiroom.db"
    store = Store.open(path)
    store.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("alter table stage drop column item_id")
        conn.execute("alter table stage drop column pinned")
        conn.execute("delete from _sqlite_migrations where name = '0008_stage_item'")
    conn.close()
    store = Store.open(path)
    try:
        assert {"item_id", "pinned"} <= set(store.db["stage"].columns_dict)
    finally:
        store.close()
