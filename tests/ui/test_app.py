"""The app driven by the Pilot: it opens on the example day and moves between screens."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.running import samling_id
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.i18n import set_language
from tuiroom.store import Store
from tuiroom.widgets.agenda_table import AgendaTable
from tuiroom.widgets.item_details import ItemDetails
from tuiroom.widgets.navbar import NavBar


def cell_texts(table: DataTable, row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


def details_text(app) -> str:
    """The item details as shown, with wrapped lines joined back together."""
    return flat(screen_text(app, app.screen.query_one(ItemDetails)))


async def test_opens_on_the_samling_with_its_agenda(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test(size=(120, 35)):
        assert app.current_mode == "agenda"
        table = app.screen.query_one(AgendaTable)
        assert table.row_count == 8
        first = cell_texts(table, 0)
        assert first[1] == "08:30–09:00"
        assert first[3:5] == ["30", "Velkommen!\nPåkobling siden sist"]
        lunch = cell_texts(table, 6)
        assert lunch[4] == "Lunsj" and "fast tid" in lunch[5]
        header = screen_text(app, app.screen.query_one("SamlingHeader"))
        assert "SAMLING 3" in header
        assert "torsdag 21. september 2023" in header
        assert "Hovedtema: Mestringsorientert ledelse" in header


async def test_highlighted_item_shows_its_exercises(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("down", "down", "down")
        await pilot.pause()
        text = details_text(app)
        assert "Psykologisk trygghet" in text
        assert "Individuelt, 3 min – Individuell refleksjon" in text
        assert "Gruppe, 15 min – Drøft i gruppen" in text
        assert "I hvilke situasjoner opplever du mindre av det?" in text


async def test_enter_opens_the_item_and_escape_closes_it(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ItemDialog"
        assert "En rask påkobling" in details_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "agenda" and type(app.screen).__name__ == "AgendaScreen"


async def test_section_keys_move_between_screens(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("0")
        assert app.current_mode == "programme"
        assert "0 Program" in str(app.screen.query_one(NavBar).render())
        groups = app.screen.query_one("#groups", DataTable)
        assert groups.row_count == 6
        assert "(Randi Moheim)" in cell_texts(groups, 1)[1]
        await pilot.press("1")
        assert app.current_mode == "agenda"


async def test_programme_screen_opens_another_samling(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("0")
        table = app.screen.query_one("#samlinger", DataTable)
        assert table.cursor_row == 1, "the cursor starts on the samling being shown"
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.current_mode == "agenda"
        assert app.samling_id == samling_id(seljord_store, "s1")
        table = app.screen.query_one(AgendaTable)
        assert table.row_count == 11
        assert cell_texts(table, 10)[1] == "15:30"


async def test_theme_toggle_is_remembered_in_the_store(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test() as pilot:
        assert app.theme == "tuiroom-dark"
        await pilot.press("t")
        assert app.theme == "tuiroom-light"
    assert seljord_store.setting("theme") == "tuiroom-light"
    again = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with again.run_test():
        assert again.theme == "tuiroom-light"
        assert again.get_css_variables()["background"] == "#FFFFFF"
        assert again.has_class("-light-mode") and not again.has_class("-dark-mode")


async def test_the_dark_theme_is_the_one_drawn_from_the_first_frame(seljord_store: Store) -> None:
    """Set without Textual's theme watcher: its colours must still be the ones in use."""
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test():
        assert app.theme == "tuiroom-dark"
        assert app.get_css_variables()["background"] == "#000000"
        assert app.screen.styles.background.hex == "#000000"
        assert app.has_class("-dark-mode")


async def test_a_saved_theme_that_is_not_ours_opens_the_default(seljord_store: Store) -> None:
    seljord_store.set_setting("theme", "textual-made-up")
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test():
        assert app.theme == "tuiroom-dark"


async def test_command_palette_offers_sections_and_samlinger(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"samling 1")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.samling_id == samling_id(seljord_store, "s1")


async def test_footer_and_keys_speak_the_programme_language(seljord_store: Store) -> None:
    set_language("en")
    app = make_app(seljord_store, samling_id(seljord_store, "s3"))
    async with app.run_test(size=(120, 35)):
        bindings = app.screen.active_bindings
        assert bindings["ctrl+q"].binding.description == "Quit"
        assert bindings["enter"].binding.description == "Open"
        table = app.screen.query_one(AgendaTable)
        labels = [str(c.label) for c in table.columns.values()]
        assert labels == ["", "Plan", "Forecast", "Min", "Item", "Kind"]


async def test_startup_warnings_are_shown(seljord_store: Store) -> None:
    """On the bottom lines, where they cover nothing (see test_screens_fit)."""
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), warnings=["a warning"])
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "a warning" in screen_text(app, app.screen.query_one("StatusLine"))
