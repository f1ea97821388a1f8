"""Issue 12, driven by the Pilot: what `v` puts on the projector gives way to the clock
when the item changes unless pinned; redrawing one group keeps every card in its place."""

from __future__ import annotations

import pytest

from tests.running import running, samling_id
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day import stage
from tuiroom.groups import work as groupwork
from tuiroom.store import Store
from tuiroom.widgets.cards import CardGrid


@pytest.fixture(autouse=True)
def fixed_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = iter(range(101, 200))
    monkeypatch.setattr(groupwork, "new_seed", lambda: next(seeds))


def app_running(store: Store):  # type: ignore[no-untyped-def]
    return make_app(store, samling_id(store, "s3"), clock=running(store, now="08:40"))


def footer(app) -> str:  # type: ignore[no-untyped-def]
    return flat(screen_text(app).splitlines()[-1])


def seen(app):  # type: ignore[no-untyped-def]
    current = app.day.current()
    return stage.seen(app.store.stage(app.day.run.id), current.id if current else None)


async def test_role_cards_give_way_to_the_clock_when_the_item_changes(
    seljord_store: Store,
) -> None:
    app = app_running(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "r", "t")
        await pilot.pause()
        assert "v Vis på projektor" in footer(app)
        await pilot.press("v")
        await pilot.pause()
        assert seen(app) is not None and seen(app).kind == "cards"
        assert "v Tilbake til klokka" in footer(app)
        app.act(app.day.next)  # on to the Pause: the roles were for the item before
        await pilot.pause()
        assert seen(app) is None
        await pilot.press("v")  # one press puts them up again, not two
        await pilot.pause()
        assert seen(app) is not None
        await pilot.press("v")
        await pilot.pause()
        assert seen(app) is None and "v Vis på projektor" in footer(app)


async def test_pinned_cards_stay_through_the_next_items(seljord_store: Store) -> None:
    app = app_running(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "r", "t", "V")
        await pilot.pause()
        app.act(app.day.next)
        app.act(app.day.next)
        await pilot.pause()
        assert seen(app) is not None and seen(app).pinned
        assert "v Tilbake til klokka" in footer(app)
        await pilot.press("v")
        await pilot.pause()
        assert seen(app) is None


async def test_v_on_the_agenda_puts_the_item_up_and_takes_it_down(seljord_store: Store) -> None:
    app = app_running(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert seen(app) is not None and seen(app).kind == "text"
        assert "v Tilbake til klokka" in footer(app)
        await pilot.press("n")
        await pilot.pause()
        assert seen(app) is None
        assert "v Vis på projektor" in footer(app)


async def test_redrawing_one_group_keeps_its_card_and_the_highlight(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=running(seljord_store))
    s3 = samling_id(seljord_store, "s3")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "r", "t")
        await pilot.pause()
        grid = app.screen.query_one("#role-cards", CardGrid)
        titles = [c.title for c in grid.cards]
        grid.focus()
        await pilot.press("right", "g")
        await pilot.pause()
        assert [c.title for c in grid.cards] == titles
        assert grid.selected[0] == 1
        first = seljord_store.current_role_draw(s3)
        await pilot.press("g")  # again: the same group, Blåveis, not the one after it
        await pilot.pause()
        again = seljord_store.current_role_draw(s3)
        assert first is not None and again is not None
        changed = {a.group_key for a, b in zip(first.roles, again.roles, strict=True) if a != b}
        assert changed <= {"Blåveis"}
        assert [c.title for c in grid.cards] == titles and grid.selected[0] == 1


async def test_the_phase_bar_names_the_phases_as_the_file_does(seljord_store: Store) -> None:
    from tests.running import at
    from tuiroom.store.records import ExerciseRunRow
    from tuiroom.widgets.phase_bar import PhaseBar

    clock = running(seljord_store, key="s1", start="11:00", now="11:05")
    app = make_app(seljord_store, samling_id(seljord_store, "s1"), clock=clock)
    async with app.run_test(size=(120, 35)) as pilot:
        day = app.day
        day.jump(next(i.id for i in day.items if i.title.startswith("Introduksjon")))
        exercise = next(e for e in day.exercises[day.current().id] if e.phases)
        started = ExerciseRunRow(exercise.id, at("11:00"), 1, at("11:03"), None)
        day.store.write_timings(day.run.id, exercises=[started])
        day.reload()
        app.refresh_view()
        await pilot.pause()
        text = flat(screen_text(app, app.screen.query_one(PhaseBar)))
        assert "Individuelt: tenk gjennom 3 min" in text
        assert "I gruppen: bruk…" in text, "shortened at a word, to fit one line"
        assert "Rekkefremlegg" not in text
