"""The agenda's keys that change the day, pressed by the Pilot, checked in the store and
on the screen; each undone with Ctrl+Z; and a changed day opened again after a kill."""

from __future__ import annotations

import inspect
from pathlib import Path

from tests.conftest import SELJORD
from tests.running import at, running, samling_id
from tests.ui.notices import Notices
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import TuiroomApp, make_app
from tuiroom.commands import RoomCommands
from tuiroom.day.clock import FakeClock
from tuiroom.programme.loading import load_programme
from tuiroom.screens.agenda import AgendaScreen
from tuiroom.screens.change_dialogs import ItemDialog, ValueDialog
from tuiroom.screens.confirm import ConfirmDialog
from tuiroom.store import Store


def app_at(store: Store, now: str, started: bool = False) -> TuiroomApp:
    clock = running(store, now=now, exercise=True) if started else FakeClock(at(now))
    return make_app(store, samling_id(store, "s3"), clock=clock)


def titles(app: TuiroomApp) -> list[str]:
    return [i.title for i in app.day.items]


def kept(app: TuiroomApp) -> list[str]:
    """The kinds of the run's changes in force, as the database holds them."""
    return [c.kind for c in app.store.day_changes(app.day.run.id)]


async def test_add_remove_and_undo(seljord_store: Store) -> None:
    app, notices = app_at(seljord_store, "08:00"), Notices()
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, ItemDialog)
        await pilot.press(*"Gjest", "enter")
        assert titles(app)[1] == "Gjest" and kept(app) == ["add"]
        assert "Gjest (lagt til på dagen)" in flat(screen_text(app))
        await pilot.press("A")
        await pilot.press(*"Tidlig", "tab", "backspace", "backspace", *"5", "enter")
        assert titles(app)[:3] == ["Velkommen!", "Tidlig", "Gjest"]
        assert app.day.items[1].duration == 5
        await pilot.press("ctrl+z")
        assert titles(app)[1] == "Gjest" and kept(app) == ["add"]
        await pilot.press("ctrl+z")
        assert "Gjest" not in titles(app) and kept(app) == []
        await pilot.press("ctrl+z")
        assert notices[-1] == "Ingen endring å angre."
        await pilot.press("up", "up", "up", "down", "d", "n")
        assert "Mestringsorientert ledelse" in titles(app)
        await pilot.press("d", "j")
        assert "Mestringsorientert ledelse" not in titles(app) and kept(app) == ["remove"]
        await pilot.press("ctrl+z")
        assert titles(app)[1] == "Mestringsorientert ledelse" and kept(app) == []
        commands = {name: run for name, _, run in RoomCommands(app.screen).commands()}
        for name in ("Legg til punkt", "Pause nå", "Fjern punkt", "Flytt punkt opp"):
            assert name in commands
        assert {"Angre endring", "Skriv programmet som kjørt", "Endre faseminutter"} <= set(
            commands
        )
        ran = commands["Legg til punkt"]()  # what Enter on it in the palette runs
        assert inspect.isawaitable(ran)
        await ran
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ItemDialog)
        dialog.answer(None)  # Esc, and a hurried Enter after it: the dialog answers once
        dialog.answer(None)
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AgendaScreen" and kept(app) == []


async def test_a_break_in_two_keys_the_cut_it_needs_and_phase_minutes(
    seljord_store: Store,
) -> None:
    app = app_at(seljord_store, "08:35", started=True)  # the duo of 7 minutes runs
    async with app.run_test(size=(120, 35)) as pilot:
        assert app.day.phase_deadline() == at("08:37")
        await pilot.press("f", "ctrl+u", *"12", "enter")
        assert app.day.phase_deadline() == at("08:42")
        await pilot.press("ctrl+z")
        assert app.day.phase_deadline() == at("08:37")
        await pilot.press("b", "enter")
        assert titles(app)[1] == "Pause" and app.day.items[1].kind == "break"
        assert app.day.items[1].duration == 10
        text = flat(screen_text(app))
        assert "Lunsj kl. 11:30 nås ikke: 10 minutter for sent" in text
        await pilot.press("c")
        assert app.day.projection().misses == ()
        await pilot.press("u", "ctrl+z")  # the cut first, then the break
        assert titles(app)[1] == "Mestringsorientert ledelse"


async def test_move_rename_length_and_start(seljord_store: Store) -> None:
    app = app_at(seljord_store, "08:00")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("down", "down", "shift+down")
        assert titles(app)[2:4] == ["Psykologisk trygghet", "Pause"]
        assert app.day.agenda.marks[app.day.items[3].id] == "moved"
        await pilot.press("shift+up", "shift+up")
        assert titles(app)[1] == "Pause"  # the cursor went with it
        await pilot.press("f2")
        assert isinstance(app.screen, ValueDialog)
        await pilot.press("ctrl+u", *"Kaffe", "enter")
        assert titles(app)[1] == "Kaffe"
        await pilot.press("l", "ctrl+u", *"abc", "enter")
        assert isinstance(app.screen, ValueDialog)  # says what is wrong and stays
        await pilot.press("ctrl+u", *"20", "enter")
        assert app.day.items[1].duration == 20 and app.day.items[2].start == 9 * 60 + 20
        await pilot.press("down", "s", "ctrl+u", *"09:45", "enter")
        assert app.day.items[2].start == 9 * 60 + 45 and app.day.items[2].fixed
        assert kept(app) == ["move", "move", "move", "rename", "length", "start"]
        for _ in range(6):
            await pilot.press("ctrl+z")
        assert titles(app) == [i.title for i in app.store.items(app.day.run.samling_id)]


async def test_a_changed_day_after_kill_and_restart(tmp_path: Path) -> None:
    path = tmp_path / "seljord.tuiroom.db"
    store = Store.open(path)
    store.load(load_programme(SELJORD), SELJORD, SELJORD.read_text("utf-8"))
    app = app_at(store, "08:40", started=True)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("b", "enter", "down", "down", "shift+down")
        expected = titles(app)
    # No clean close: what a kill -9 leaves is what was committed.
    again = Store.open(path)
    app = make_app(again, samling_id(again, "s3"), clock=FakeClock(at("08:45")))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert titles(app) == expected and app.day.current() == app.day.items[0]
        text = flat(screen_text(app))
        assert "Pause (lagt til på dagen)" in text and "(flyttet)" in text
        # The palette's "Skriv programmet som kjørt": a new file beside the database.
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        agenda.action_write_as_run()
        written = tmp_path / "seljord.as-run.toml"
        first = written.read_text("utf-8")
        assert "Pause" in first and first != SELJORD.read_text("utf-8")
        await pilot.press("ctrl+z", "ctrl+z")
        assert titles(app) == [i.title for i in again.items(app.day.run.samling_id)]
        agenda.action_write_as_run()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # asks before replacing it
        await pilot.press("n")
        assert written.read_text("utf-8") == first
    again.close()
