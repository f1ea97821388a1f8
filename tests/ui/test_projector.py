"""The projector window: waits for the facilitator, follows them, never writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SELJORD
from tests.running import at, samling_id
from tests.ui.screen_text import flat, screen_text
from tuiroom.day.clock import FakeClock
from tuiroom.day.running import Day
from tuiroom.programme.loading import load_programme
from tuiroom.projector_app import ProjectorApp
from tuiroom.store import Store


def make_db(path: Path) -> Store:
    store = Store.open(path)
    store.load(load_programme(SELJORD))
    return store


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    import sqlite3

    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
    found = {t: sorted(conn.execute(f"select * from [{t}]").fetchall(), key=repr) for t in tables}
    conn.close()
    return found


async def test_waits_for_the_database_then_follows(tmp_path: Path) -> None:
    path = tmp_path / "room.db"
    clock = FakeClock(at("08:30"))
    app = ProjectorApp(path, clock_for=lambda run: clock)
    async with app.run_test(size=(120, 35)) as pilot:
        assert "room.db" in flat(screen_text(app))
        store = make_db(path)
        app.poll()
        await pilot.pause()
        assert "Venter på at en samling blir åpnet" in flat(screen_text(app))
        day = Day.live(store, samling_id(store, "s3"), clock)
        day.toggle()
        clock.set(at("08:41"))
        app.poll()
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Velkommen!" in text and "startet 08:30" in text
        assert "Neste: Mestringsorientert ledelse 09:00" in text
        day.next()
        app.poll()
        await pilot.pause()
        assert "Neste: Pause 09:11" in flat(screen_text(app))


async def test_stage_shows_what_the_facilitator_put_there(tmp_path: Path) -> None:
    path = tmp_path / "room.db"
    store = make_db(path)
    clock = FakeClock(at("09:50"))
    day = Day.live(store, samling_id(store, "s3"), clock)
    day.toggle()
    current = day.current()
    assert current is not None
    lines = ["1. Første", "2. Andre"]
    store.set_stage(day.run.id, "text", {"title": "Oppgave", "lines": lines}, current.id)
    app = ProjectorApp(path, clock_for=lambda run: clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Oppgave" in text and "2. Andre" in text
        store.set_stage(day.run.id, "clock", {})
        app.poll()
        await pilot.pause()
        assert "2. Andre" not in flat(screen_text(app))


async def test_the_stage_gives_way_to_the_clock_when_the_item_changes_unless_pinned(
    tmp_path: Path,
) -> None:
    path = tmp_path / "room.db"
    store = make_db(path)
    clock = FakeClock(at("08:30"))
    day = Day.live(store, samling_id(store, "s3"), clock)
    day.toggle()
    current = day.current()
    assert current is not None
    roles = {"title": "Roller", "lines": ["Ordstyrer: Kari"]}
    store.set_stage(day.run.id, "text", roles, current.id)
    app = ProjectorApp(path, clock_for=lambda run: clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert "Ordstyrer: Kari" in flat(screen_text(app))
        day.next()  # on to the next item: the roles were for the one before
        app.poll()
        await pilot.pause()
        assert "Ordstyrer: Kari" not in flat(screen_text(app))
        store.set_stage(day.run.id, "text", roles, current.id, pinned=True)
        day.next()
        app.poll()
        await pilot.pause()
        assert "Ordstyrer: Kari" in flat(screen_text(app)), "pinned: it stays up"


async def test_the_projector_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "room.db"
    store = make_db(path)
    clock = FakeClock(at("08:30"))
    Day.live(store, samling_id(store, "s3"), clock).toggle()
    store.close()
    before = dump(path)
    app = ProjectorApp(path, clock_for=lambda run: clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for minute in range(31, 40):
            clock.set(at(f"08:{minute}"))
            app.tick()
            await pilot.press("t")
    assert dump(path) == before


async def test_the_projector_resumes_the_collector_paused_for_its_start(tmp_path: Path) -> None:
    import gc

    app = ProjectorApp(tmp_path / "room.db", clock_for=lambda run: FakeClock(at("08:30")))
    gc.disable()
    try:
        async with app.run_test(size=(120, 35)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


async def test_the_flash_colours_the_whole_clock_not_only_the_digit_that_changed(
    tmp_path: Path,
) -> None:
    """A signal tints the screen behind the clock; every line of the big digits shows it,
    also those whose digits did not change in that second."""
    from textual.geometry import Region

    from tuiroom.widgets.big_clock import BigClock

    path = tmp_path / "room.db"
    store = make_db(path)
    clock = FakeClock(at("08:30"))
    Day.live(store, samling_id(store, "s3"), clock).toggle()
    clock.set(at("08:41"))
    app = ProjectorApp(path, clock_for=lambda run: clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        big = app.screen.query_one(BigClock)

        def backgrounds() -> set[object]:
            lines = big.render_lines(Region(0, 0, *big.size))
            return {segment.style.bgcolor for line in lines for segment in line if segment.style}

        before = backgrounds()
        app.flash()
        await pilot.pause()
        flashed = backgrounds()
        assert len(flashed) == 1 and flashed != before
        app.screen.remove_class("-flash")
        await pilot.pause()
        assert backgrounds() == before


def test_till_next_second() -> None:
    from tuiroom.projector_app import till_next_second

    assert till_next_second(at("08:41").replace(microsecond=250_000)) == 0.75
    assert till_next_second(at("08:41")) == 1.0


async def test_at_real_speed_it_looks_just_after_each_second_turns(tmp_path: Path) -> None:
    """Once a second, 20 ms after the clock's second turns (its digits turn with the
    facilitator's, and it wakes no more often than that); before there is a day, every
    half second; in a fast rehearsal, as often as that one ticks."""
    from tuiroom.day.clock import RehearsalClock

    path = tmp_path / "room.db"
    app = ProjectorApp(path, clock_for=lambda run: clock)
    clock = FakeClock(at("08:30"))
    async with app.run_test(size=(120, 35)) as pilot:
        assert app.until_next_look() == 0.5  # no database yet
        store = make_db(path)
        Day.live(store, samling_id(store, "s3"), clock).toggle()
        clock.set(at("08:41").replace(microsecond=300_000))
        app.poll()
        await pilot.pause()
        assert app.until_next_look() == pytest.approx(0.72)
        assert app.runner is not None
        app.runner.day.clock = RehearsalClock(at("08:41"), 60.0)
        assert app.until_next_look() == pytest.approx(0.1)


async def test_each_look_plans_the_next(tmp_path: Path) -> None:
    path = tmp_path / "room.db"
    app = ProjectorApp(path, clock_for=lambda run: FakeClock(at("08:30")))
    async with app.run_test(size=(120, 35)):
        first = app.ticker
        app.look_again()
        assert app.ticker is not first
