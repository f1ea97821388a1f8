"""Textual's own texts in the interface language: the F1 key panel (the keys Textual's
widgets bring: "Cursor up", "Page Left", "Focus Next"…) and the command palette, which
lists each command once."""

from __future__ import annotations

import io
import re

from rich.console import Console
from textual.screen import Screen
from textual.widgets import Input, TextArea
from textual.widgets._key_panel import BindingsTable, KeyPanel

from tests.running import at, samling_id
from tests.ui.screen_text import screen_text
from tuiroom.app import TuiroomApp, make_app
from tuiroom.commands import RoomCommands
from tuiroom.day.clock import FakeClock
from tuiroom.i18n import catalogue
from tuiroom.store import Store


def english_of(screen: Screen[object]) -> set[str]:
    """The English description of every key the panel shows, as Textual wrote it (our own
    descriptions are catalogue keys), with the English words of the palette."""
    raw = vars(Screen)["active_bindings"].fget(screen)  # Textual's, before our translation
    found = {
        words
        for active in raw.values()
        for words in (active.binding.description, active.binding.tooltip)
        if words and words not in catalogue("nb")
    }
    assert {"Cursor up", "Focus Next", "Copy selected text"} <= found | _WIDGET_WORDS
    return found


_WIDGET_WORDS = {"Cursor up", "Page Left", "Scroll Up", "Focus Next", "Copy selected text"}


def panel_text(app: TuiroomApp) -> str:
    """The whole key panel, also what lies below the bottom of the screen."""
    table = app.screen.query_one(KeyPanel).query_one(BindingsTable).render_bindings_table()
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(table)
    return " ".join(console.export_text().split())


def assert_no_english(text: str, english: set[str]) -> None:
    left = sorted(e for e in english if re.search(rf"(?<!\w){re.escape(e)}(?!\w)", text))
    assert left == [], text


async def test_the_key_panel_speaks_norwegian(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=FakeClock(at("10:00")))
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = panel_text(app)
        assert "Markør opp" in text and "Neste felt" in text and "Side til venstre" in text
        assert_no_english(text, english_of(app.screen) | _WIDGET_WORDS)
        await pilot.press("3")  # plenum: the answer is a TextArea, with its many keys
        await pilot.pause()
        assert isinstance(app.screen.focused, TextArea)
        if not app.screen.query(KeyPanel):
            await pilot.press("f1")
            await pilot.pause()
        text = panel_text(app)
        assert "Slett linjen" in text and "Angre" in text
        english = english_of(app.screen)
        assert {"Delete line", "Undo", "Cursor word left"} <= english
        assert_no_english(text, english)


async def test_the_palette_speaks_norwegian_and_lists_each_command_once(
    seljord_store: Store,
) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=FakeClock(at("10:00")))
    async with app.run_test(size=(120, 35)) as pilot:
        names = [name for name, _, _ in RoomCommands(app.screen).commands()]
        system = [command.title for command in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+p")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.placeholder == "Søk etter kommandoer …"
        listed = names + system
        assert sorted(n for n in set(listed) if listed.count(n) > 1) == []
        assert "Lyst/mørkt" in system and "Dagsplan" in names
        await pilot.press(*"xyzzq")
        await pilot.pause(0.8)
        assert "Ingen treff" in screen_text(app)
        assert "No matches" not in screen_text(app)
