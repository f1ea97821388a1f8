"""People's text is shown as text, never read as markup: whatever a programme, a roster
or a typed answer holds (`[/]`, `[@click=app.quit]…[/]`, `[b]…[/b]`, `$text`) appears
literally on every screen that shows it, and nothing in it can crash or steer the app."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual.message import Message
from textual.notifications import Notification, Notify

from tests.conftest import SELJORD
from tests.running import at, running, samling_id
from tests.ui.screen_text import flat, screen_text
from tests.ui.walk_in import walk_in_to_a_new_group
from tuiroom.app import TuiroomApp, make_app
from tuiroom.day.clock import FakeClock
from tuiroom.programme.loading import read_programme
from tuiroom.store import Store
from tuiroom.widgets.day_banner import DayBanner

ALPHABET = "[]/@=$abkæøåÆ"


def toml(text: str) -> str:
    """`text` as a TOML basic string: JSON's string escapes are valid TOML escapes."""
    return json.dumps(text, ensure_ascii=False)


def programme(
    *,
    title: str = "Lederprogram",
    role: str = "Ordstyrer",
    member: str = "Kari Nordmann",
    item: str = "Velkommen",
    note: str = "Om dagen",
    question: str = "Hva nå?",
    phase: str = "Drøft",
) -> str:
    """A small programme; each argument is one place a person writes."""
    return f"""
[programme]
title = {toml(title)}
language = "nb"
roles = [{toml(role)}, "Viddevakt"]

[[group]]
name = "Gygrene"
members = [{toml(member)}, "Ola Nordmann", "Siri Nordmann"]

[[group]]
name = "Trollene"
members = ["Per Pettersen", "Pål Pettersen", "Espen Askeladd"]

[[samling]]
id = "s3"
title = "Samling 3"
date = 2023-09-21

[[samling.item]]
time = "08:30"
minutes = 30
title = {toml(item)}
note = {toml(note)}

[[samling.item.exercise]]
title = "Oppgave"
questions = [{toml(question)}]
draw_roles = true
phases = [{{ form = "group", minutes = 10, title = {toml(phase)} }}]
"""


def programme_with(text: str) -> str:
    """`text` in every place of the programme a person writes."""
    return programme(
        title=text, role=text, member=text, item=text, note=text, question=text, phase=text
    )


def store_with(text: str, folder: Path) -> Store:
    return store_of(programme_with(text), folder)


def store_of(source: str, folder: Path) -> Store:
    file = folder / "programme.toml"
    file.write_text(source, "utf-8")
    result = read_programme(file)
    assert result.programme is not None, result.messages()
    store = Store.memory()
    store.load(result.programme, file, source)
    return store


def compact(text: str) -> str:
    return "".join(text.split())


async def shows_literally(text: str, folder: Path) -> None:
    store = store_with(text, folder)
    app = make_app(store, samling_id(store, "s3"), clock=FakeClock(at("08:20")))
    want = compact(text)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert want in compact(screen_text(app)), "agenda"
        await pilot.press("enter")
        await pilot.pause()
        assert want in compact(screen_text(app)), "item dialog"
        await pilot.press("escape", "2", "r", "t")
        await pilot.pause()
        assert want in compact(screen_text(app)), "roles"
        await pilot.press("3")
        await pilot.pause()
        assert want in compact(screen_text(app)), "plenum"
        await pilot.press("4")
        await pilot.pause()
        assert want in compact(screen_text(app)), "summary"
        await pilot.press("0")
        await pilot.pause()
        assert want in compact(screen_text(app)), "programme"
        assert app.is_running
    store.close()


@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(ALPHABET, min_size=1, max_size=12))
@example(text="[/]")
@example(text="[@click=app.quit]klikk[/]")
@example(text="[b]fet[/b]")
@example(text="$text")
async def test_any_programme_text_is_shown_literally(text: str, tmp_path: Path) -> None:
    await shows_literally(text, tmp_path)


def app_for(store: Store) -> TuiroomApp:
    return make_app(store, samling_id(store, "s3"), clock=FakeClock(at("08:20")))


async def test_markup_in_a_question_and_a_phase_title_opens_with_enter(tmp_path: Path) -> None:
    store = store_of(programme(question="Hva [/] nå?", phase="Drøft [b]fet[/b]"), tmp_path)
    app = app_for(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ItemDialog"
        shown = flat(screen_text(app))
        assert "Hva [/] nå?" in shown and "Drøft [b]fet[/b]" in shown


async def test_markup_in_a_role_name_shows_on_the_roles_tab(tmp_path: Path) -> None:
    store = store_of(programme(role="Ordstyrer[/]"), tmp_path)
    app = app_for(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("2", "r", "t")
        await pilot.pause()
        assert "Ordstyrer[/]" in compact(screen_text(app))


async def test_a_click_link_in_a_roster_is_shown_not_followed(tmp_path: Path) -> None:
    evil = "[@click=app.quit]click me[/]"
    roster = tmp_path / "roster.csv"
    roster.write_text(f"Navn;Gruppe\n{evil};Gjester\n{evil};Gjester\n", encoding="utf-8")
    store = store_of(programme(), tmp_path)
    app = app_for(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("2", "i")
        await pilot.pause()
        await pilot.press(*str(roster), "enter")
        await pilot.pause()
        report = app.screen.query_one("#report")
        assert f"«{evil}» står allerede" in flat(screen_text(app, report))
        await pilot.click(report)
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_a_notice_holding_markup_is_shown_as_typed(tmp_path: Path) -> None:
    notices: list[Notification] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            notices.append(message.notification)

    store = store_of(programme(), tmp_path)
    app = app_for(store)
    async with app.run_test(size=(160, 45), message_hook=hook) as pilot:
        await walk_in_to_a_new_group(pilot, "Nora[/]", "Gjester")
        assert app.is_running
    (notice,) = notices
    assert notice.message == "Nora[/] er lagt til og er til stede."
    assert notice.markup is False  # shown as typed, not parsed


async def test_markup_in_a_fixed_item_title_shows_in_the_warning_banner(tmp_path: Path) -> None:
    source = SELJORD.read_text("utf-8").replace(
        'time = "11:30 – 12:15"\ntitle = "Lunsj"', 'time = "11:30 – 12:15"\ntitle = "Lunsj [/]"'
    )
    assert "Lunsj [/]" in source
    store = store_of(source, tmp_path)
    app = make_app(store, samling_id(store, "s3"), clock=running(store, now="09:10"))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one(DayBanner)
        assert "Lunsj [/] kl. 11:30 nås ikke" in flat(screen_text(app, banner))


async def test_markup_in_an_item_title_shows_in_the_command_palette(tmp_path: Path) -> None:
    store = store_of(programme(item="Velkommen[/]"), tmp_path)
    app = app_for(store)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert "Velkommen[/]" in compact(screen_text(app)), "listed"
        await pilot.press(*"velkommen")
        await pilot.pause(0.3)
        assert "Velkommen[/]" in compact(screen_text(app)), "searched"
        assert app.is_running
