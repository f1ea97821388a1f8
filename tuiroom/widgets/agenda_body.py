"""Everything on the agenda screen below the clock: the running exercise, the cut on
offer, the agenda table and the highlighted item's details.

Mounted a moment after the clock, so the clock reaches the projector first; the
screen hears back through messages (an item chosen with Enter).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable

from tuiroom.day.view import DayView
from tuiroom.store.records import ExerciseRow, ItemRow
from tuiroom.widgets.agenda_table import AgendaTable
from tuiroom.widgets.day_banner import DayBanner
from tuiroom.widgets.item_details import ItemDetails
from tuiroom.widgets.phase_bar import PhaseBar


class AgendaBody(Vertical):
    DEFAULT_CSS = """
    AgendaBody { height: 1fr; }
    """

    class ItemChosen(Message):
        """Enter on an agenda row: show that item in full."""

        def __init__(self, item: ItemRow) -> None:
            super().__init__()
            self.item = item

    def __init__(self) -> None:
        super().__init__()
        self.exercises: dict[int, list[ExerciseRow]] = {}

    def compose(self) -> ComposeResult:
        yield PhaseBar()
        yield DayBanner()
        with Horizontal(id="agenda-body"):
            yield AgendaTable()
            yield ItemDetails()

    def focus_table(self) -> None:
        self.query_one(AgendaTable).focus()

    def show(self, view: DayView, marks: dict[int, str] | None = None) -> None:
        self.query_one(PhaseBar).show(view.phase)
        self.query_one(DayBanner).show_view(view)
        table = self.query_one(AgendaTable)
        table.marks = marks or {}
        table.show(list(view.items), view.projection)

    def highlighted(self) -> ItemRow | None:
        return self.query_one(AgendaTable).current_item()

    def move_cursor(self, row: int) -> None:
        self.query_one(AgendaTable).move_cursor(row=row)

    @on(DataTable.RowHighlighted)
    async def show_details(self) -> None:
        if not self.is_attached or self.screen.has_class("no-details"):
            return  # closing, or the panel is hidden on this screen size: nothing to build
        item = self.highlighted()
        exercises = self.exercises.get(item.id, []) if item else []
        await self.query_one(ItemDetails).show(item, exercises)

    @on(DataTable.RowSelected)
    def choose(self) -> None:
        item = self.highlighted()
        if item is not None:
            self.post_message(self.ItemChosen(item))
