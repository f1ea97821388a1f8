"""People's text is shown as text, never read as markup: whatever a programme, a roster
or a typed answer holds (`[/]`, `[@click=app.quit]…[/]`, `[b]…[/b]`, `$text`) appears
literally on every screen that shows it, and nothing in it can crash or steer the app."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.running import at, samling_id
from tests.ui.screen_text import screen_text
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.programme.loading import read_programme
from tuiroom.store import Store

ALPHABET = "[]/@=$abkæøåÆ"


def programme_with(text: str) -> str:
    """A small programme with `text` in every place a person writes. JSON's string
    escapes are valid escapes in a TOML basic string."""
    s = json.dumps(text, ensure_ascii=False)
    return f"""
[programme]
title = {s}
language = "nb"
roles = [{s}, "Viddevakt"]

[[group]]
name = "Gygrene"
members = [{s}, "Ola Nordmann", "Kari Nordmann"]

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
title = {s}
note = {s}

[[samling.item.exercise]]
title = "Oppgave"
questions = [{s}]
draw_roles = true
phases = [{{ form = "group", minutes = 10, title = {s} }}]
"""


def store_with(text: str, folder: Path) -> Store:
    file = folder / "programme.toml"
    source = programme_with(text)
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
    max_examples=10,
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
