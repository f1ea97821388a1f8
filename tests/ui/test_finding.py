"""Finding people and groups from the keyboard: the attendance filter, "where is …" and
its jump to the card, plenum's jump to a group, and cards paged with the keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable

from tests.crowd import conference, conference_toml
from tests.running import at, samling_id
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.groups import work as groupwork
from tuiroom.programme.loading import load_programme
from tuiroom.screens.capture import CaptureScreen
from tuiroom.screens.groups_attendance import AttendancePane
from tuiroom.store import Store
from tuiroom.widgets.cards import CardGrid


async def test_attendance_filters_as_you_type_and_esc_gives_the_list_back(
    seljord_store: Store,
) -> None:
    s3 = samling_id(seljord_store, "s3")
    app = make_app(seljord_store, s3, clock=FakeClock(at("08:20")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "slash", *"AASLAND")
        await pilot.pause()
        pane = app.screen.query_one(AttendancePane)
        assert [p.name for p in pane.listed] == ["Kristoffer Aasland"]
        assert "31 av 33 til stede · 1 vises" in flat(screen_text(app))
        await pilot.press("enter", "space")  # to the list, and marked away
        assert not next(
            p for p in seljord_store.roster(s3) if p.name == "Kristoffer Aasland"
        ).present
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert len(pane.listed) == 33
        table = app.screen.query_one(DataTable)
        assert pane.listed[table.cursor_row].name == "Kristoffer Aasland"  # still on him


def conference_store(tmp_path: Path) -> tuple[Store, int]:
    path = tmp_path / "konferanse.toml"
    path.write_text(conference_toml(conference(140, 20)), encoding="utf-8")
    store = Store.open(tmp_path / "konferanse.db")
    store.load(load_programme(path))
    samling = store.samlinger()[0].id
    return store, samling


async def test_where_is_answers_with_the_table_and_jumps_to_the_card(tmp_path: Path) -> None:
    store, samling = conference_store(tmp_path)
    grouping = groupwork.regroup(store, samling, "trios", 0, "mixed", False, seed=9)
    pers = [p for p in store.roster(samling) if p.name == "Per Aarsland"]
    tables = [next(n for n, g in enumerate(grouping.groups) if p.id in g) for p in pers]
    clock = FakeClock(at_time_of_day(dt.date(2026, 11, 23), 8 * 60))
    app = make_app(store, samling, clock=clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "n", "ctrl+f", *"aarsland")  # Aarsland; Årsland would do too
        await pilot.pause()
        text = flat(screen_text(app))
        for person, table in zip(pers, tables, strict=True):
            where = f"Per Aarsland ({person.group}) — Gruppe {table + 1}, {person.group}"
            assert where in text
        await pilot.press("down", "down", "enter")  # the second Per
        await pilot.pause()
        grid = app.screen.query_one("#regroup-cards", CardGrid)
        assert grid.has_focus and grid.selected == (tables[1], 0)
        assert grid.scroll_y > 0  # brought into view, far down the 47 groups
        await pilot.press("home")
        assert grid.selected == (0, 0)
        await pilot.press("pagedown")
        assert grid.selected[0] > 4
        await pilot.press("end")
        await pilot.pause()
        assert grid.selected == (len(grouping.groups) - 1, 0)
        assert grid.scroll_y == grid.max_scroll_y
        await pilot.press("r", "t", "slash", *"lirype 2", "enter")  # a role card by group
        await pilot.pause()
        roles = app.screen.query_one("#role-cards", CardGrid)
        assert roles.has_focus and roles.cards[roles.selected[0]].title == "Lirype 2"
    store.close()


async def test_plenum_jumps_to_a_group_by_number_or_by_someone_in_it(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=FakeClock(at("08:20")))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaptureScreen)
        await pilot.press("ctrl+f", "6", "enter")  # by its number in the list
        await pilot.pause()
        assert screen.speakers[screen.speaker].label == "Gygrene"
        await pilot.press("ctrl+f", *"åsland", "enter")  # Kristoffer Aasland is in RLG
        await pilot.pause()
        assert screen.speakers[screen.speaker].label == "RLG"
        assert app.focused is not None and app.focused.id == "field-text"  # typing again
