"""The agenda of the chosen samling: times, items, kinds and fixed points."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable

from tuiroom.screens.base import SectionScreen
from tuiroom.screens.item_dialog import ItemDialog
from tuiroom.store.records import ExerciseRow
from tuiroom.widgets.agenda_table import AgendaTable
from tuiroom.widgets.item_details import ItemDetails
from tuiroom.widgets.samling_header import SamlingHeader

NARROW = 100


class AgendaScreen(SectionScreen):
    SECTION = "agenda"

    def compose_body(self) -> ComposeResult:
        yield SamlingHeader()
        with Horizontal(id="agenda-body"):
            yield AgendaTable()
            yield ItemDetails()

    def on_mount(self) -> None:
        self.exercises: dict[int, list[ExerciseRow]] = {}
        self.watch(self.app, "samling_id", self.show_samling)

    async def show_samling(self, samling_id: int) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        samling = store.samling(samling_id)
        if samling is None:
            return
        items = store.items(samling_id)
        self.exercises = store.exercises(samling_id)
        self.query_one(SamlingHeader).show(samling, items)
        self.query_one(AgendaTable).show(items)
        await self.show_details()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")

    @on(DataTable.RowHighlighted)
    async def show_details(self) -> None:
        item = self.query_one(AgendaTable).current_item()
        exercises = self.exercises.get(item.id, []) if item else []
        await self.query_one(ItemDetails).show(item, exercises)

    @on(DataTable.RowSelected)
    def action_open_item(self) -> None:
        item = self.query_one(AgendaTable).current_item()
        if item is not None:
            self.app.push_screen(ItemDialog(item, self.exercises.get(item.id, [])))
