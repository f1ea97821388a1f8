"""Every key of the live agenda, pressed by the Pilot, checked in the store."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.running import at, running, samling_id
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.screens.confirm import ConfirmDialog
from tuiroom.store import Store
from tuiroom.widgets.clock_face import ClockFace
from tuiroom.widgets.day_banner import DayBanner
from tuiroom.widgets.phase_bar import PhaseBar


def app_at(store: Store, now: str, **started: object):  # type: ignore[no-untyped-def]
    clock = running(store, now=now, **started) if started else FakeClock(at(now))
    return make_app(store, samling_id(store, "s3"), clock=clock), clock


def current_title(app) -> str:  # type: ignore[no-untyped-def]
    current = app.day.current()
    return current.title if current else ""


def timing(app, title: str):  # type: ignore[no-untyped-def]
    item = next(i for i in app.day.items if i.title == title)
    return app.store.item_runs(app.day.run.id).get(item.id)


async def test_space_starts_pauses_and_resumes(seljord_store: Store) -> None:
    app, clock = app_at(seljord_store, "08:30")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("space")
        assert current_title(app) == "Velkommen!"
        assert timing(app, "Velkommen!").deadline == at("09:00")
        clock.set(at("08:40"))
        await pilot.press("space")
        assert app.store.run(app.day.run.id).paused_at == at("08:40")
        assert "PAUSE" in screen_text(app, app.screen.query_one(ClockFace))
        clock.set(at("08:50"))
        await pilot.press("space")
        assert app.store.run(app.day.run.id).paused_at is None
        assert timing(app, "Velkommen!").deadline == at("09:10")


async def test_next_previous_and_jump(seljord_store: Store) -> None:
    app, _ = app_at(seljord_store, "08:50", start="08:30")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("n")
        assert current_title(app) == "Mestringsorientert ledelse"
        assert timing(app, "Velkommen!").ended == at("08:50")
        await pilot.press("p")
        assert current_title(app) == "Velkommen!"
        assert timing(app, "Mestringsorientert ledelse") is None
        await pilot.press("down", "down", "down", "j")
        assert current_title(app) == "Psykologisk trygghet"
        assert timing(app, "Psykologisk trygghet").started == at("08:50")


@pytest.mark.parametrize(
    ("key", "seconds"),
    [("plus", 60), ("minus", -60), ("greater_than_sign", 300), ("less_than_sign", -300)],
)
async def test_more_or_less_time(seljord_store: Store, key: str, seconds: int) -> None:
    app, _ = app_at(seljord_store, "08:40", start="08:30")
    async with app.run_test() as pilot:
        await pilot.press(key)
        expected = at("09:00") + dt.timedelta(seconds=seconds)
        assert timing(app, "Velkommen!").deadline == expected


async def test_restart_asks_first_and_mute(seljord_store: Store) -> None:
    app, _ = app_at(seljord_store, "08:45", start="08:30")
    async with app.run_test() as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Velkommen!" in flat(screen_text(app))
        await pilot.press("escape")
        assert timing(app, "Velkommen!").deadline == at("09:00")
        await pilot.press("r", "j")
        assert not isinstance(app.screen, ConfirmDialog)
        assert timing(app, "Velkommen!").started == at("08:30")
        assert timing(app, "Velkommen!").deadline == at("09:15")
        await pilot.press("m")
        assert app.store.run(app.day.run.id).muted is True
        await pilot.press("m")
        assert app.store.run(app.day.run.id).muted is False


async def test_exercise_key_runs_the_duo_and_the_bell_rings_at_half_time(
    seljord_store: Store,
) -> None:
    app, clock = app_at(seljord_store, "08:31", start="08:31")
    rings: list[str] = []
    app.bell = lambda: rings.append("bell")  # type: ignore[method-assign]
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("x")
        bar = app.screen.query_one(PhaseBar)
        assert not bar.has_class("-empty")
        assert "Første person snakker · bytt om 03:30" in flat(screen_text(app, bar))
        clock.set(at("08:34") + dt.timedelta(seconds=31))
        app.tick()
        await pilot.pause()
        assert rings == ["bell"]
        assert "Andre person snakker" in flat(screen_text(app, bar))
        await pilot.press("m")
        clock.set(at("08:38") + dt.timedelta(seconds=5))
        app.tick()
        assert rings == ["bell"], "muted: no bell when the duo ends"


async def test_cut_accept_and_undo(seljord_store: Store) -> None:
    app, _ = app_at(seljord_store, "09:10", start="08:30")
    async with app.run_test(size=(120, 35)) as pilot:
        banner = app.screen.query_one(DayBanner)
        assert "Lunsj kl. 11:30 nås ikke: 10 minutter for sent" in flat(screen_text(app, banner))
        assert app.screen.active_bindings["c"].binding.description == "Godta kutt"
        await pilot.press("c")
        assert app.day.projection().misses == ()
        assert len(app.store.cuts(app.day.run.id)) == 1
        await pilot.press("u")
        assert app.store.cuts(app.day.run.id) == []
        assert app.day.projection().misses[0].by == 600


async def test_pick_cut_takes_time_only_from_the_chosen_items(seljord_store: Store) -> None:
    app, _ = app_at(seljord_store, "09:10", start="08:30")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("n")
        await pilot.press("k")
        await pilot.pause()
        assert type(app.screen).__name__ == "CutDialog"
        await pilot.press("space")  # the first choice (the current item) is left out
        await pilot.press("enter")
        await pilot.pause()
        cut = app.store.cuts(app.day.run.id)[0]
        current = app.day.current()
        assert current is not None and current.id not in {c.item_id for c in cut.changes}
        assert app.day.projection().misses == ()


async def test_v_puts_the_questions_on_the_projector_and_back(seljord_store: Store) -> None:
    app, _ = app_at(seljord_store, "09:50", start="08:30")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("down", "down", "down", "v")
        stage = app.store.stage(app.day.run.id)
        assert stage is not None and stage.kind == "text"
        assert stage.payload["title"] == "Oppgave: psykologisk trygghet"
        assert stage.payload["lines"][1] == "2. I hvilke situasjoner opplever du mindre av det?"
        await pilot.press("v")
        assert app.store.stage(app.day.run.id).kind == "clock"


async def test_tick_follows_the_wall_clock_after_a_suspend(seljord_store: Store) -> None:
    app, clock = app_at(seljord_store, "08:40", start="08:30")
    async with app.run_test(size=(120, 35)):
        face = app.screen.query_one(ClockFace)
        assert app.screen.query_one("#face").value == "20:00"
        clock.set(at("09:25"))  # the lid was closed for 45 minutes: no ticks in between
        app.tick()
        assert app.screen.query_one("#face").value == "+25:00"
        assert face.has_class("-over")


async def test_new_run_from_the_palette_keeps_the_old_one(seljord_store: Store) -> None:
    app, _ = app_at(seljord_store, "08:40", start="08:30")
    async with app.run_test(size=(120, 35)) as pilot:
        old = app.day.run.id
        app.action_new_run()
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert app.day.run.id != old
        assert app.day.current() is None
        assert app.store.item_runs(old), "the first run's times are kept"


async def test_palette_runs_clock_keys_and_jumps(seljord_store: Store) -> None:
    app, _ = app_at(seljord_store, "08:40", start="08:30")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"+1 min")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert timing(app, "Velkommen!").deadline == at("09:01")
        await pilot.press("ctrl+p")
        await pilot.press(*"hopp til: lunsj")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert current_title(app) == "Lunsj"
