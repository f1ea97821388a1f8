"""Keys typed in a hurry: the text typed right after the key that opens a dialog lands in
its first field, in order; nothing typed before a question was shown answers it."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App
from textual.widgets import Input

from tests.running import running, samling_id
from tuiroom.app import make_app
from tuiroom.screens.base import Dialog
from tuiroom.screens.confirm import ConfirmDialog
from tuiroom.store import Store


def agenda(store: Store) -> App[None]:
    return make_app(store, samling_id(store, "s3"), clock=running(store))


def titles(app: App[None]) -> list[str]:
    return [item.title for item in app.day.items]  # type: ignore[attr-defined]


def type_at_once(app: App[None], keys: str) -> None:
    """Keys as a fast typist sends them: all queued before the app has handled the first."""
    for character in keys:
        key = {" ": "space", "\x1b": "escape", "\r": "enter"}.get(character, character)
        app.post_message(events.Key(key, None if key in ("escape", "enter") else character))


async def test_the_title_typed_right_after_a_lands_in_the_new_item_dialog(
    seljord_store: Store,
) -> None:
    app = agenda(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause(0.2)  # the agenda table is in place
        type_at_once(app, "aHei på deg")
        await pilot.pause(0.3)
        assert isinstance(app.screen, Dialog)
        assert app.screen.query_one("#title", Input).value == "Hei på deg"


@pytest.mark.parametrize(
    ("keys", "added"), [("aKaffe\r", ["Kaffe"]), ("aPa\x1b", [])], ids=["enter", "escape"]
)
async def test_a_hurried_add_ends_as_its_last_key_says(
    seljord_store: Store, keys: str, added: list[str]
) -> None:
    """Text and Enter in one go add the item; Escape right after closes the dialog and
    adds nothing."""
    app = agenda(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause(0.2)
        before = titles(app)
        type_at_once(app, keys)
        await pilot.pause(0.3)
        assert not isinstance(app.screen, Dialog)
        after = titles(app)
        assert len(after) == len(before) + len(added)
        assert [title for title in after if title not in before] == added


async def test_a_key_typed_before_a_question_showed_does_not_answer_it(
    seljord_store: Store,
) -> None:
    app = agenda(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("down", "down")  # the first Pause, not yet started
        before = titles(app)
        type_at_once(app, "dj")  # delete the highlighted item, and "yes" before the question
        await pilot.pause(0.3)
        assert isinstance(app.screen, ConfirmDialog)
        assert titles(app) == before
        await pilot.press("j")  # seen, then answered
        await pilot.pause()
        assert len(titles(app)) == len(before) - 1
